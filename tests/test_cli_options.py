"""The global options and error lines, in real processes: one error style, missing paths before any
output, VNPRESS_* environment variables, --type completion, --version, --traceback."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from vnpress.pipeline.cache.keys import current_versions

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "001_4a05e6ed274f4ba5.txt"
VNPRESS = [sys.executable, "-m", "vnpress"]


def run(*args, env=None, **kwargs) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("VNPRESS_", "_VNPRESS"))}
    environ["VNPRESS_CACHE_DIR"] = os.environ["VNPRESS_CACHE_DIR"]
    return subprocess.run(
        [*VNPRESS, *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**environ, **(env or {})},
        **kwargs,
    )


@pytest.mark.parametrize(
    "args, message, command",
    [
        (
            ["entities", "--format", "xml"],
            "Invalid value for '--format': 'xml' is not one of",
            "vnpress entities",
        ),
        (["freq", "--top", "-1"], "Invalid value for '--top': -1 is not in the range x>=0.", "vnpress freq"),
        (["kwic"], "Missing argument 'WORD'.", "vnpress kwic"),
        (["entities", "--bogus"], "No such option '--bogus'", "vnpress entities"),
        (["nosuch"], "No such command 'nosuch'.", "vnpress"),
    ],
)
def test_a_usage_error_is_vnpress_error_line_and_where_the_help_is(args, message, command):
    proc = run(*args)
    assert proc.returncode == 2 and proc.stdout == ""
    first, second = proc.stderr.splitlines()
    assert first.startswith(f"vnpress: error: {message}")
    assert second == f"Try '{command} -h' for help."
    assert "Error:" not in proc.stderr


def test_expand_abbrev_has_no_no_cache_option_since_it_caches_nothing():
    proc = run("expand-abbrev", "--no-cache", SEED)
    assert proc.returncode == 2
    assert proc.stderr.startswith("vnpress: error: No such option '--no-cache'")
    assert "--no-cache" not in run("expand-abbrev", "--help").stdout
    assert "--no-cache" in run("freq", "--help").stdout


def test_a_missing_path_is_reported_before_any_output(tmp_path):
    """In a pipe the error comes first, then the header and the rows of the files that exist."""
    read, write = os.pipe()  # one pipe for both streams, to see their order
    with os.fdopen(write, "w") as out:
        proc = subprocess.run(
            [
                *VNPRESS,
                "entities",
                "--type",
                "rank",
                "--format",
                "tsv",
                str(tmp_path / "missing.txt"),
                str(SEED),
            ],
            stdout=out,
            stderr=out,
            cwd=ROOT,
        )
    with os.fdopen(read) as both:
        lines = both.read().splitlines()
    assert proc.returncode == 1
    assert lines[0] == f"vnpress: error: {tmp_path / 'missing.txt'}: no such file or directory"
    assert lines[1] == "type\tcanonical\tcount\tdocuments\trank\tpositions"
    assert lines[2].startswith("rank\t")


def test_when_every_path_is_missing_nothing_is_printed_not_even_a_header(tmp_path):
    proc = run("freq", tmp_path / "a.txt", tmp_path / "b.txt")
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert proc.stderr.splitlines() == [
        f"vnpress: error: {tmp_path / 'a.txt'}: no such file or directory",
        f"vnpress: error: {tmp_path / 'b.txt'}: no such file or directory",
    ]


def test_an_empty_directory_still_prints_the_header(tmp_path):
    proc = run("freq", tmp_path)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "n\tword\tcount\tper_10k\tdocuments\n", "")


def test_vnpress_format_and_other_environment_variables():
    jsonl = run("freq", SEED, "--top", "2", env={"VNPRESS_FORMAT": "jsonl"})
    assert jsonl.returncode == 0
    assert jsonl.stdout == run("freq", SEED, "--top", "2", "--format", "jsonl").stdout
    assert jsonl.stdout.startswith('{"n": 1, "word": ')
    assert run(
        "freq", SEED, "--top", "2", "--format", "csv", env={"VNPRESS_FORMAT": "jsonl"}
    ).stdout.startswith("n,word")  # an option given beats the environment
    top = run("freq", SEED, env={"VNPRESS_FREQ_TOP": "3", "VNPRESS_NO_HEADER": "1"})
    assert len(top.stdout.splitlines()) == 3 and not top.stdout.startswith("n\t")
    bad = run("freq", SEED, env={"VNPRESS_FORMAT": "xml"})
    assert bad.returncode == 2 and "'xml' is not one of" in bad.stderr


def complete(words: str) -> list[str]:
    env = {
        "_VNPRESS_COMPLETE": "bash_complete",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split(" ")) - 1),
    }
    proc = run(env=env)
    assert proc.returncode == 0, proc.stderr
    return [line.split(",", 1)[1] for line in proc.stdout.splitlines() if line]


def test_type_values_complete_one_item_of_the_list_at_a_time():
    assert complete("vnpress entities --type ") == [
        "rank",
        "officer",
        "unit",
        "resolution",
        "person",
        "location",
        "organization",
    ]
    assert complete("vnpress entities --type o") == ["officer", "organization"]
    assert complete("vnpress entities --type officer,u") == ["officer,unit"]
    assert complete("vnpress entities --type rank,unit,") == [
        "rank,unit,officer",
        "rank,unit,resolution",
        "rank,unit,person",
        "rank,unit,location",
        "rank,unit,organization",
    ]
    assert complete("vnpress entities --type xyz") == []


def test_version_names_underthesea_and_python():
    proc = run("--version")
    python = ".".join(map(str, sys.version_info[:3]))
    underthesea = current_versions().underthesea
    assert re.fullmatch(r"\d+\.\d+\.\d+\S* \(core \d+\.\d+\.\d+\S*\)", underthesea)
    assert (
        proc.stdout
        == f"vnpress {__import__('vnpress').__version__}, underthesea {underthesea}, Python {python}\n"
    )


# An internal error cannot be caused from outside without a bug, so this one is put in: freq's library
# function raises an exception that is none of vnpress's own errors.
BUGGY = """
import sys
import vnpress.stats.freq
def broken(*args, **kwargs):
    raise KeyError("a bug")
vnpress.stats.freq.frequency_table = broken
from vnpress.cli import main
main(sys.argv[1:])
"""


def run_buggy(*args, env=None):
    return subprocess.run(
        [sys.executable, "-c", BUGGY, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
    )


def test_an_internal_error_is_one_line_asking_for_traceback():
    proc = run_buggy("freq", SEED)
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr == (
        "vnpress: error: internal error (KeyError: 'a bug'); rerun with --traceback and report it with that output\n"
    )


@pytest.mark.parametrize("how", [["--traceback"], "VNPRESS_TRACEBACK"])
def test_traceback_shows_the_traceback_of_an_internal_error(how):
    if how == "VNPRESS_TRACEBACK":
        proc = run_buggy("freq", SEED, env={"VNPRESS_TRACEBACK": "1"})
    else:
        proc = run_buggy(*how, "freq", SEED)
    assert proc.returncode == 1
    lines = proc.stderr.splitlines()
    assert lines[0] == "Traceback (most recent call last):"
    assert lines[-1] == "KeyError: 'a bug'"
    assert any(line.endswith(", in broken") for line in lines)  # where it was raised


def test_a_user_mistake_never_shows_a_traceback_even_with_traceback():
    proc = run("--traceback", "freq", "--ngram", "0", SEED)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith("vnpress: error: ")
