"""Every command reads the index: its output on ``press.db`` is its output on the files, byte for
byte, in every format, without segmenting again; --since/--until/--source/--where select documents."""

from __future__ import annotations

import pytest
from helpers import SEEDS, invoke
from index_helpers import build, write_corpus

# Each command line on PATH (seeds/ or the index built from it); every one prints rows on seeds/.
COMMANDS = [
    ["entities"],
    ["entities", "--mentions"],
    ["entities", "--by-file"],
    ["entities", "--type", "officer,unit"],
    ["freq"],
    ["freq", "--ngram", "2", "--top", "0"],
    ["freq", "--keep-case", "--min-count", "2"],
    ["freq", "--by-file", "--top", "0"],
    ["freq", "--ngram", "3", "--by-file", "--no-stopwords"],
    ["kwic", "Quân khu"],
    ["kwic", "công tác", "--width", "20", "--keep-case"],
    ["segment"],
    ["segment", "--format", "jsonl"],
    ["meta"],
    ["officers"],
    ["officers", "--appearances"],
    ["officers", "--ranks"],
    ["officers", "--posts"],
    ["officers", "--explain"],
    ["expand-abbrev"],
    ["expand-abbrev", "--by-file"],
    ["expand-abbrev", "--rewrite"],
    ["collocates", "công tác"],
    ["collocates", "Quân khu", "--measure", "logdice", "--window", "3,2", "--min-freq", "1"],
    ["keywords", "--reference", str(SEEDS / "001_4a05e6ed274f4ba5.txt"), "--min-freq", "2"],
    ["trend", "công tác,Quân khu"],
    ["freq", "--by", "year", "--top", "5"],
    ["kwic", "Quân khu", "--dispersion"],
]
FORMATS = ["tsv", "csv", "json", "jsonl", "table"]


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("index") / "press.db"
    build(SEEDS, db=db)
    return db


def _run(args, path, fmt=None):
    plain = "--format" in args or "--rewrite" in args or args[0] == "segment"  # text, not a table
    extra = [] if fmt is None or plain else ["--format", fmt]
    result = invoke(*args, path, *extra)
    assert result.exit_code == 0, (args, result.output)
    return result.stdout


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_every_command_on_the_index_prints_what_it_prints_on_the_files(args, seeds_db):
    for fmt in FORMATS:
        on_files = _run(args, SEEDS, fmt)
        assert on_files.strip(), args
        assert _run(args, seeds_db, fmt) == on_files, (args, fmt)


def test_commands_on_the_index_never_segment(seeds_db, monkeypatch):
    """The stored segmentation is used: with the segmenter made to fail, and no cache, the outputs
    are still those of the files (computed before the segmenter was broken)."""
    expected = {i: _run(args, SEEDS, "tsv") for i, args in enumerate(COMMANDS)}
    from vnpress.text import segment as seg

    def broken(*_a, **_k):
        raise AssertionError("segmented again")

    monkeypatch.setattr(seg, "segment_spans", broken)
    for i, args in enumerate(COMMANDS):
        assert (
            _run(
                [*args, "--jobs", "1", "--no-cache"] if args[0] not in ("meta", "expand-abbrev") else args,
                seeds_db,
                "tsv",
            )
            == expected[i]
        )


def test_another_segmenter_segments_again_with_the_same_words(seeds_db):
    assert _run(["freq", "--segmenter", "underthesea"], seeds_db, "tsv") == _run(
        ["freq", "--segmenter", "underthesea"], SEEDS, "tsv"
    )


def test_filters_select_documents_inside_the_index(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    db = tmp_path / "press.db"
    build(corpus, db=db)

    def files(*options):
        result = invoke("meta", db, "--format", "tsv", "--no-header", *options)
        assert result.exit_code == 0, result.output
        return [line.split("\t")[0].rsplit("/", 1)[-1] for line in result.stdout.splitlines()]

    assert files() == ["a.txt", "b.txt", "c.txt"]
    assert files("--since", "2022-01-01") == ["b.txt", "c.txt"]
    assert files("--until", "2022") == ["a.txt", "b.txt"]
    assert files("--since", "2022-03", "--until", "2022-03-04") == ["b.txt"]
    assert files("--where", "title LIKE '%Sư đoàn%'") == ["b.txt"]
    assert files("--where", "words > 0 AND year = 2023") == ["c.txt"]
    assert files("--source", "qđnd") == ["a.txt"] == files("--where", "source = 'QĐND'")
    assert files("--where", "0") == []


def test_a_bad_filter_is_one_line_and_no_traceback(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    db = tmp_path / "press.db"
    build(corpus, db=db)
    bad = invoke("freq", db, "--where", "titel = 1")
    assert bad.exit_code == 2
    assert bad.stderr == "vnpress: error: --where 'titel = 1': no such column: titel\n"
    syntax = invoke("freq", db, "--where", "1) OR (")
    assert syntax.exit_code == 2 and syntax.stderr.count("\n") == 1 and "--where" in syntax.stderr
    writes = invoke("freq", db, "--where", "1; DELETE FROM documents")
    assert writes.exit_code == 2 and writes.stderr.count("\n") == 1
    assert invoke("meta", db, "--format", "tsv", "--no-header").stdout.count("\n") == 3
    date = invoke("freq", db, "--since", "2021-13-01")
    assert (date.exit_code, date.stderr) == (2, "vnpress: error: --since '2021-13-01': not a date\n")
    on_files = invoke("freq", corpus, "--since", "2021")
    assert on_files.exit_code == 2
    assert on_files.stderr == (
        "vnpress: error: --since, --until, --source and --where select documents of an index: "
        "give one .db made by vnpress index as PATH\n"
    )
    beside = invoke("freq", db, corpus)
    assert (beside.exit_code, beside.stderr) == (2, f"vnpress: error: {db}: an index must be the only PATH\n")


def test_a_db_that_is_not_an_index_is_one_line(tmp_path):
    import sqlite3

    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    result = invoke("freq", other)
    assert (result.exit_code, result.stderr) == (
        1,
        f"vnpress: error: {other}: not an index made by vnpress index\n",
    )
    missing = invoke("freq", tmp_path / "missing.db")
    assert (missing.exit_code, missing.stderr) == (
        1,
        f"vnpress: error: {tmp_path / 'missing.db'}: no such file\n",
    )
    refused = invoke("index", tmp_path, "--db", other)
    assert refused.exit_code == 1
    assert refused.stderr == f"vnpress: error: {other}: not an index made by vnpress index\n"


def test_an_index_without_the_db_suffix_is_known_by_its_application_id(tmp_path, seeds_db):
    import shutil

    renamed = tmp_path / "archive.sqlite"
    shutil.copy(seeds_db, renamed)
    assert _run(["entities"], renamed, "tsv") == _run(["entities"], SEEDS, "tsv")


def test_the_who_s_who_tables_hold_the_rows_vnpress_officers_prints(seeds_db):
    """people, appearances, ranks and posts are rebuilt from the stored mention rows, and are the
    rows of the command on the files."""
    import json
    import sqlite3

    from vnpress.index.people import TABLES

    conn = sqlite3.connect(seeds_db)
    for table, (spec, _) in TABLES.items():
        option = {"people": [], "appearances": ["--appearances"], "ranks": ["--ranks"], "posts": ["--posts"]}[
            table
        ]
        printed = [json.loads(line) for line in _run(["officers", *option], SEEDS, "jsonl").splitlines()]
        names = list(spec.names)
        stored = []
        for row in conn.execute(f"SELECT {', '.join(names)} FROM {table} ORDER BY rowid"):
            record = {}
            for column, value in zip(spec.columns, row, strict=True):
                if column.type == "list":
                    value = json.loads(value)
                elif column.type == "boolean":
                    value = bool(value)
                record[column.name] = value
            stored.append(record)
        assert stored == printed, table
        assert len(stored) >= 8
    conn.close()
