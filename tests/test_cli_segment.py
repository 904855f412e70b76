"""vnpress segment: the segmented text line for line, documents apart, words with offsets; the two
segmenter engines print the same bytes, and each has its own cache entries."""

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from vnpress import cli as cli_module
from vnpress.cli import cli
from vnpress.pipeline.cache.keys import current_versions
from vnpress.text.segment import ENGINES

ROOT = Path(__file__).resolve().parent.parent
TEXT = "Đảng uỷ Quân khu 7\n\nChính uỷ Nguyễn Văn A"


def segment(*args, input=None):
    return CliRunner().invoke(cli, ["segment", "-j", "1", *args], input=input, catch_exceptions=False)


def test_text_line_for_line_in_one_tone_spelling():
    result = segment("-", input=TEXT)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "Đảng_ủy Quân_khu 7\n\nChính_ủy Nguyễn_Văn_A\n"
    assert result.stderr == ""


def test_documents_are_separated_by_a_form_feed_line(tmp_path):
    (tmp_path / "a.txt").write_text("Quân khu 7\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Bộ Quốc phòng\n\n\n", encoding="utf-8")
    result = segment(str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "Quân_khu 7\n\f\nBộ Quốc_phòng\n\n\n"


def test_jsonl_gives_the_words_with_offsets_into_the_file():
    result = segment("-", "--format", "jsonl", input=TEXT)
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [list(r) for r in rows] == [["file", "start", "end", "text", "norm"]] * 5
    assert [(r["start"], r["end"], r["text"], r["norm"]) for r in rows] == [
        (0, 7, "Đảng uỷ", "Đảng ủy"),
        (8, 16, "Quân khu", "Quân khu"),
        (17, 18, "7", "7"),
        (20, 28, "Chính uỷ", "Chính ủy"),
        (29, 41, "Nguyễn Văn A", "Nguyễn Văn A"),
    ]
    assert {r["file"] for r in rows} == {"<stdin>"}
    assert all(TEXT[r["start"] : r["end"]] == r["text"] for r in rows)


def _segment_bytes(*args) -> bytes:
    proc = subprocess.run(
        [sys.executable, "-m", "vnpress", "segment", *args], capture_output=True, cwd=ROOT, check=False
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stderr == b""
    return proc.stdout


def test_both_engines_print_the_same_bytes_on_the_seeds_and_a_bench_corpus(synthetic_corpus):
    for corpus in ("seeds", str(synthetic_corpus(300))):
        fast = _segment_bytes(corpus, "--jobs", "2")
        assert fast == _segment_bytes(corpus, "--segmenter", "underthesea", "--no-cache", "--jobs", "2")
        assert fast.count(b"\f\n") == len(list(Path(ROOT / corpus).glob("*.txt"))) - 1
        assert fast == _segment_bytes(corpus, "--jobs", "1")  # from the cache the first run filled


def test_freq_and_kwic_take_the_segmenter_and_give_the_same_table():
    for command in (["freq", "seeds/"], ["kwic", "Đảng ủy", "seeds/"]):
        outs = [
            CliRunner().invoke(cli, [*command, "-j", "1", "--format", "tsv", "--segmenter", e]).stdout
            for e in ENGINES
        ]
        assert outs[0] == outs[1] and outs[0].count("\n") > 10


def test_an_unknown_segmenter_is_a_usage_error():
    result = CliRunner().invoke(cli, ["freq", "seeds/", "--segmenter", "pyvi"])
    assert result.exit_code == 2
    assert "'pyvi' is not one of 'fast', 'underthesea'" in result.stderr


def test_the_cli_offers_the_engines_the_segmenter_has():
    assert cli_module.SEGMENTERS == ENGINES


def test_the_engines_have_their_own_cache_entries():
    fast, slow = current_versions("fast"), current_versions("underthesea")
    assert fast.segmenter != slow.segmenter and fast.fingerprint != slow.fingerprint
    assert current_versions() == fast
