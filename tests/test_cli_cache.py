"""The real CLI: --jobs gives the same bytes, the cache is shared safely, damaged, shown and cleared."""

import json
import os
import sqlite3
import subprocess
from functools import partial
from pathlib import Path

import pytest
from helpers import ROOT, SAFETY_NET, SEEDS, VNPRESS, run_vnpress

from vnpress.pipeline.parallel import BATCH_CHARS

vnpress = partial(run_vnpress, check=True)


def cache_file() -> Path:
    return Path(os.environ["VNPRESS_CACHE_DIR"]) / "segments.sqlite3"


def cache_info() -> dict:
    proc = vnpress("cache", "info", "--format", "json")
    (record,) = json.loads(proc.stdout)
    return record


@pytest.fixture(scope="module")
def corpus(synthetic_corpus):
    """Enough text for several batches, so that --jobs 2 really uses two worker processes."""
    path = synthetic_corpus(80)
    assert sum(p.stat().st_size for p in path.glob("*.txt")) > 3 * BATCH_CHARS
    return path


@pytest.fixture(scope="module")
def freq_jobs1(corpus, tmp_path_factory):
    env = {"VNPRESS_CACHE_DIR": str(tmp_path_factory.mktemp("c"))}
    args = ["freq", corpus, "--format", "tsv", "--top", "0", "--jobs", "1", "--no-cache"]
    proc = run_vnpress(*args, env=env, check=True)
    assert proc.stderr == b""
    return proc.stdout


def test_jobs_2_prints_the_same_bytes_as_jobs_1_cold_and_warm(corpus, freq_jobs1):
    jobs2 = vnpress("freq", corpus, "--format", "tsv", "--top", "0", "--jobs", "2")
    assert jobs2.stdout == freq_jobs1
    assert jobs2.stderr == b""  # not a terminal: no progress bar, no chatter
    assert len(freq_jobs1.splitlines()) > 400  # the whole vocabulary of the seeds
    assert cache_info()["entries"] == 80
    warm = vnpress("freq", corpus, "--format", "tsv", "--top", "0", "--jobs", "1")
    assert warm.stdout == freq_jobs1
    assert cache_info()["entries"] == 80


@pytest.mark.parametrize(
    "command", [["entities"], ["entities", "--mentions"], ["expand-abbrev"], ["expand-abbrev", "--rewrite"]]
)
def test_map_documents_commands_print_the_same_bytes_for_any_jobs(corpus, command):
    fmt = [] if "--rewrite" in command else ["--format", "tsv"]
    one = vnpress(*command, corpus, *fmt, "--jobs", "1")
    two = vnpress(*command, corpus, *fmt, "--jobs", "2")
    assert one.stdout == two.stdout and one.stdout
    assert one.returncode == two.returncode == 0


def test_no_cache_leaves_no_cache_behind():
    vnpress("freq", SEEDS, "--format", "tsv", "--no-cache")
    assert not cache_file().exists()
    assert cache_info()["entries"] == 0


def test_a_garbage_cache_file_is_rebuilt_with_a_warning():
    expected = vnpress("freq", SEEDS, "--format", "tsv", "--top", "0").stdout
    cache_file().write_bytes(b"\x00garbage\xff" * 5000)
    proc = vnpress("freq", SEEDS, "--format", "tsv", "--top", "0")
    assert proc.stdout == expected
    assert proc.stderr.decode() == (
        f"vnpress: warning: cache {cache_file()} is damaged (file is not a database): rebuilding it\n"
    )
    assert cache_info()["entries"] == 5
    again = vnpress("freq", SEEDS, "--format", "tsv", "--top", "0")
    assert again.stdout == expected and again.stderr == b""


def test_two_runs_at_once_share_one_cache(synthetic_corpus):
    small = synthetic_corpus(24)
    args = [*VNPRESS, "freq", str(small), "--format", "tsv", "--top", "0", "--jobs", "1"]
    expected = vnpress(*args[3:], "--no-cache").stdout
    procs = [
        subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT) for _ in range(2)
    ]
    results = [p.communicate(timeout=SAFETY_NET) for p in procs]
    for proc, (out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0
        assert err.decode() == ""
        assert out == expected
    assert cache_info()["entries"] == 24
    with sqlite3.connect(cache_file()) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_cache_info_and_clear():
    record = cache_info()
    assert record["path"] == str(cache_file())
    assert (record["entries"], record["current_entries"], record["bytes"]) == (0, 0, 0)
    assert record["vnpress"] == __import__("vnpress").__version__
    vnpress("freq", SEEDS, "--format", "tsv")
    record = cache_info()
    assert (record["entries"], record["current_entries"]) == (5, 5)
    assert record["bytes"] >= cache_file().stat().st_size > 0
    tsv = vnpress("cache", "info", "--format", "tsv").stdout.decode().splitlines()
    assert tsv[0].split("\t") == [
        "path",
        "entries",
        "current_entries",
        "stale_entries",
        "results",
        "stale_results",
        "bytes",
        "vnpress",
        "underthesea",
        "segmenter",
        "code",
    ]
    cleared = vnpress("cache", "clear")
    assert cleared.stdout == b""
    assert cleared.stderr.decode() == "vnpress: cache cleared (5 entries removed)\n"
    assert cache_info()["entries"] == 0
    assert vnpress("cache", "clear").stderr.decode() == "vnpress: cache cleared (0 entries removed)\n"


def test_cache_info_shows_the_entries_of_other_versions_and_a_run_prunes_them():
    from vnpress.pipeline.cache.store import SegmentCache, Versions, pack_spans, text_key

    vnpress("freq", SEEDS, "--format", "tsv")
    with SegmentCache(cache_file(), Versions("0.0.1", "9.0.0", "0123"), prune=False) as old:
        old.put_many([(text_key("một văn bản cũ"), pack_spans([(0, 3)]))])
    record = cache_info()
    assert (record["entries"], record["current_entries"], record["stale_entries"]) == (6, 5, 1)
    # freq's analysis of each of the five documents, and its reduction of the corpus
    assert record["stale_results"] == 0 and record["results"] == 6
    vnpress("kwic", "quân khu", SEEDS, "--format", "tsv")
    record = cache_info()
    assert (record["entries"], record["current_entries"], record["stale_entries"]) == (5, 5, 0)
    assert record["results"] == 6  # freq's analyses of this version stay
