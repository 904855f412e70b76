"""vnpress search: FTS5 over normalised text (uỷ = ủy, tướng ≠ tương), --fold, phrases, prefixes,
AND/OR/NOT, bm25 order, snippets, every format, and a malformed query as one line."""

from __future__ import annotations

import json

import pytest
from helpers import invoke
from index_helpers import build, write_corpus


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    root = tmp_path_factory.mktemp("search")
    corpus = write_corpus(root / "corpus")
    path = root / "press.db"
    build(corpus, db=path)
    return path


def files(db, query, *options):
    result = invoke("search", query, "--db", db, "--format", "jsonl", *options)
    assert result.exit_code == 0, result.output
    return [json.loads(line)["file"].rsplit("/", 1)[-1] for line in result.stdout.splitlines()]


def test_tones_and_marks_are_kept_and_tone_placement_is_one(db):
    assert files(db, "tướng") == ["b.txt", "a.txt"]  # Thượng tướng (b, the shorter), Thiếu tướng (a)
    assert files(db, "tương") == ["c.txt"]  # Tương lai
    assert files(db, "uỷ") == files(db, "ủy") == files(db, "Ủy")
    assert files(db, "ủy") == ["c.txt", "b.txt", "a.txt"]  # Đảng uỷ (twice), Ủy viên, Chính ủy


def test_fold_ignores_tones_marks_and_the_stroke_of_d(db):
    assert sorted(files(db, "tuong", "--fold")) == ["a.txt", "b.txt", "c.txt"]
    assert files(db, "tướng", "--fold") == files(db, "tuong", "--fold")
    assert files(db, "tuong") == []
    assert files(db, "dang uy", "--fold") == ["c.txt", "b.txt"]  # Đảng uỷ; Ủy viên Trung ương Đảng
    assert files(db, '"Dang uy Quan su"', "--fold") == ["c.txt"]


def test_phrases_prefixes_and_operators(db):
    assert files(db, '"Chính ủy Quân khu 7"') == ["a.txt"]
    assert files(db, '"Quân khu 7"') == ["a.txt", "b.txt"]
    assert files(db, "Sư đoàn 5") == ["b.txt"]
    assert files(db, "diễn*") == ["b.txt"]
    assert files(db, "Quân NOT tướng") == ["c.txt"]
    assert files(db, "Quân NOT Sư") == ["c.txt", "a.txt"]
    assert files(db, "diễn OR tương") == ["b.txt", "c.txt"]
    assert files(db, "(diễn OR tương) AND Đại") == ["b.txt", "c.txt"]
    assert files(db, "title: Sư") == ["b.txt"]


def test_rows_have_the_columns_of_the_spec_and_a_snippet_with_the_match_marked(db):
    result = invoke("search", '"Sư đoàn 5"', "--db", db, "--format", "json")
    (row,) = json.loads(result.stdout)
    assert list(row) == ["file", "date", "title", "snippet", "score"]
    assert row["date"] == "2022-03-04"
    assert row["title"] == "Sư đoàn 5 hoàn thành nhiệm vụ diễn tập"
    assert row["snippet"].startswith("«Sư đoàn 5» hoàn thành nhiệm vụ diễn tập Thứ Sáu, 04/03/2022")
    assert isinstance(row["score"], float) and row["score"] > 0
    tsv = invoke("search", '"Sư đoàn 5"', "--db", db, "--format", "tsv").stdout.splitlines()
    assert tsv[0] == "file\tdate\ttitle\tsnippet\tscore"
    assert tsv[1].split("\t")[4] == str(row["score"])
    csv = invoke("search", '"Sư đoàn 5"', "--db", db, "--format", "csv").stdout.splitlines()
    assert csv[0] == "file,date,title,snippet,score"
    table = invoke("search", '"Sư đoàn 5"', "--db", db, "--format", "table")
    assert table.exit_code == 0 and "Sư đoàn 5" in table.stdout


def test_best_match_first_and_limit(db):
    result = invoke("search", "Quân OR khu", "--db", db, "--format", "jsonl")
    scores = [json.loads(line)["score"] for line in result.stdout.splitlines()]
    assert scores == sorted(scores, reverse=True) and len(scores) == 3
    assert len(files(db, "Quân OR khu", "--limit", "1")) == 1
    assert files(db, "Quân", "--since", "2022") == ["c.txt", "b.txt"]
    assert files(db, "Quân", "--where", "source = 'QĐND'") == ["a.txt"]


@pytest.mark.parametrize("query", ["AND (", '"unclosed', "Quân AND", "NOT"])
def test_a_malformed_query_is_one_line_and_exit_2(db, query):
    result = invoke("search", query, "--db", db)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"vnpress: error: malformed search query {query!r} (")
    assert result.stderr.endswith("; see vnpress search --help\n") and result.stderr.count("\n") == 1


def test_search_needs_an_index(tmp_path):
    result = invoke("search", "Quân", "--db", tmp_path / "none.db")
    assert (result.exit_code, result.stderr) == (1, f"vnpress: error: {tmp_path / 'none.db'}: no such file\n")
