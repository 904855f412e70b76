"""`vnpress kwic`: exact output in each format, stdin, options, a readable table, and seeds/."""

import json
from pathlib import Path

import pytest
from helpers import SEEDS, invoke

TEXT = (
    "Đảng ủy Quân khu họp. Đảng uỷ quân khu chỉ đạo công tác đảng.\nTin liên quan\nQuân khu 7 và LLVT tỉnh.\n"
)


def kwic(*args, input=None):
    return invoke("kwic", *args, "--no-cache", "-j", "1", input=input)


def test_tsv_from_stdin():
    result = kwic("quân khu", "--width", "10", "--format", "tsv", input=TEXT)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "file\tstart\tend\tleft\tword\tright\n"
        "<stdin>\t8\t16\tĐảng ủy\tQuân khu\thọp. Đảng\n"
        "<stdin>\t30\t38\tp. Đảng uỷ\tquân khu\tchỉ đạo cô\n"
        "<stdin>\t76\t84\tliên quan\tQuân khu\t7 và LLVT\n"
    )
    assert result.stderr == ""


def test_json_and_jsonl():
    out = kwic("đảng ủy", "--width", "8", "--format", "json", input=TEXT).stdout
    assert out == (
        "[\n"
        '{"file": "<stdin>", "start": 0, "end": 7, "left": "", "word": "Đảng ủy", "right": "Quân khu"},\n'
        '{"file": "<stdin>", "start": 22, "end": 29, "left": "khu họp.", "word": "Đảng uỷ", "right": "quân khu"}\n'
        "]\n"
    )
    assert [
        json.loads(line)["start"]
        for line in kwic("đảng ủy", "--format", "jsonl", input=TEXT).stdout.splitlines()
    ] == [
        0,
        22,
    ]


def test_keep_case_and_keep_boilerplate():
    assert (
        kwic("Quân khu", "--keep-case", "--format", "tsv", "--no-header", input=TEXT).stdout.count("\n") == 2
    )
    assert kwic("liên quan", "--format", "tsv", "--no-header", input=TEXT).stdout == ""
    kept = kwic(
        "liên quan", "--keep-boilerplate", "--width", "5", "--format", "tsv", "--no-header", input=TEXT
    ).stdout
    assert kept == "<stdin>\t66\t75\t. Tin\tliên quan\tQuân\n"


def test_table_right_aligns_the_left_context_against_the_word():
    out = kwic("quân khu", "--width", "10", "--format", "table", input=TEXT).stdout
    rows = [line for line in out.splitlines() if "<stdin>" in line]
    assert len(rows) == 3
    word_columns = {
        line.index(word) for line, word in zip(rows, ["Quân khu", "quân khu", "Quân khu"], strict=True)
    }
    assert len(word_columns) == 1  # every keyword starts in the same column
    lefts = ["Đảng ủy", "p. Đảng uỷ", "liên quan"]
    assert (
        len({line.index(left) + len(left) for line, left in zip(rows, lefts, strict=True)}) == 1
    )  # left contexts end together


def test_no_match_prints_only_the_header():
    assert kwic("sư đoàn", "--format", "tsv", input=TEXT).stdout == "file\tstart\tend\tleft\tword\tright\n"


def test_an_empty_word_is_a_usage_error():
    result = invoke("kwic", " ", "--no-cache", input=TEXT, catch_exceptions=True)
    assert result.exit_code == 2
    assert "WORD is empty" in result.stderr


@pytest.mark.slow
def test_seeds_chinh_uy_finds_both_spellings():
    result = kwic("chính uỷ", str(SEEDS), "--format", "tsv", "--no-header")
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert len(rows) == 8
    assert {r[4] for r in rows} == {"Chính ủy", "chính ủy", "Chính uỷ"}
    for file, start, end, _, word, _ in rows:
        assert Path(file).read_text(encoding="utf-8")[int(start) : int(end)] == word
