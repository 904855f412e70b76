"""vnpress index: the summary row, incremental runs (by hash) that never duplicate a row, --prune,
bad files, one writer at a time, a run killed half-way that the next run completes, long files."""

from __future__ import annotations

import fcntl
import os
import signal
import sqlite3
import subprocess
import time

from helpers import ROOT, SAFETY_NET, VNPRESS, invoke
from index_helpers import ARTICLES, build, content, write_corpus


def _same_outputs(corpus, db, commands=(("entities", "--mentions"), ("freq", "--by-file"), ("segment",))):
    for args in commands:
        on_files = invoke(*args, corpus)
        on_db = invoke(*args, db)
        assert on_files.exit_code == on_db.exit_code == 0, (args, on_db.output)
        assert on_db.stdout == on_files.stdout, args


def test_the_first_run_adds_every_file_and_a_rerun_reads_and_hashes_only(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    db = tmp_path / "press.db"
    assert build(corpus, db=db) == f"{db}\t3\t3\t0\t0\t0\n"
    first = content(db)
    assert [row[0] for row in first["documents"]] == [str(corpus / n) for n in ("a.txt", "b.txt", "c.txt")]
    mentions = invoke("entities", "--mentions", corpus, "--format", "tsv", "--no-header").stdout
    assert len(first["mentions"]) == mentions.count("\n") == 25
    assert build(corpus, db=db) == f"{db}\t3\t0\t0\t3\t0\n"
    assert content(db) == first  # nothing duplicated, nothing lost
    _same_outputs(corpus, db)


def test_edits_additions_and_removals_give_the_index_of_a_fresh_run(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    db = tmp_path / "press.db"
    build(corpus, db=db)
    (corpus / "b.txt").write_text(ARTICLES["b.txt"].replace("Sư đoàn 5", "Sư đoàn 9"), encoding="utf-8")
    (corpus / "d.txt").write_text(
        ARTICLES["a.txt"].replace("Nguyễn Văn Nam", "Vũ Văn Phong"), encoding="utf-8"
    )
    (corpus / "c.txt").unlink()
    assert build(corpus, db=db) == f"{db}\t4\t1\t1\t1\t0\n"  # c.txt stays without --prune
    assert build(corpus, db=db, extra=("--prune",)) == f"{db}\t3\t0\t0\t3\t1\n"
    fresh = tmp_path / "fresh.db"
    build(corpus, db=fresh)
    assert content(db) == content(fresh)
    units = [name for name, *_ in content(db)["units"]]
    assert "Sư đoàn 9" in units and "Sư đoàn 5" not in units and "Đảng ủy Quân sự tỉnh" not in units
    _same_outputs(corpus, db)


def test_the_same_file_named_another_way_is_the_same_document(tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "corpus")
    db = tmp_path / "press.db"
    build(corpus, db=db)
    monkeypatch.chdir(tmp_path)
    assert build("corpus", db=db) == f"{db}\t3\t0\t0\t3\t0\n"
    listed = invoke("meta", db, "--format", "tsv", "--no-header")
    assert [line.split("\t")[0] for line in listed.stdout.splitlines()] == [
        "corpus/a.txt",
        "corpus/b.txt",
        "corpus/c.txt",
    ]
    assert listed.stdout == invoke("meta", "corpus", "--format", "tsv", "--no-header").stdout


def test_a_bad_file_is_one_line_and_the_others_are_indexed(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    (corpus / "bad.txt").write_bytes("Quân khu 7 ".encode() + b"\xff\xfe\xfa tin\n")
    db = tmp_path / "press.db"
    result = invoke("index", corpus, "--db", db, "--format", "tsv", "--no-header")
    assert result.exit_code == 1
    assert result.stderr == (
        f"vnpress: error: {corpus / 'bad.txt'}: cannot decode as utf-8 at byte 12; "
        "use --encoding NAME for another encoding\n"
    )
    assert result.stdout == f"{db}\t3\t3\t0\t0\t0\n"


def test_one_writer_at_a_time_and_readers_are_not_blocked(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    db = tmp_path / "press.db"
    build(corpus, db=db)
    fd = os.open(db, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # what a running vnpress index holds
        second = invoke("index", corpus, "--db", db)
        assert second.exit_code == 1
        assert (
            second.stderr
            == f"vnpress: error: {db}: another vnpress index is writing to it; run again when it has finished\n"
        )
        reader = invoke("meta", db, "--format", "tsv", "--no-header")
        assert reader.exit_code == 0 and reader.stdout.count("\n") == 3
    finally:
        os.close(fd)
    assert build(corpus, db=db) == f"{db}\t3\t0\t0\t3\t0\n"


def _documents(db) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def test_a_run_killed_after_a_batch_leaves_a_consistent_index_the_next_run_completes(
    tmp_path, synthetic_corpus
):
    corpus = synthetic_corpus(60)
    db = tmp_path / "press.db"
    proc = subprocess.Popen(
        [*VNPRESS, "index", str(corpus), "--db", str(db), "--jobs", "1", "--no-cache"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    holder = None
    try:
        deadline = time.monotonic() + SAFETY_NET
        while _documents(db) == 0:  # the first batch committed
            assert proc.poll() is None, proc.stderr.read().decode()
            assert time.monotonic() < deadline, "no batch was committed"
            time.sleep(0.005)  # poll interval of the wait for an event, not a wait for time to pass
        # Take SQLite's write lock: the run blocks at its next batch's BEGIN, at a known point.
        holder = sqlite3.connect(db, timeout=SAFETY_NET, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        assert proc.poll() is None, "the run finished before it could be stopped half-way"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=SAFETY_NET)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if holder is not None:
            holder.execute("ROLLBACK")
            holder.close()
    conn = sqlite3.connect(db)
    committed = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert 0 < committed < 60
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("SELECT value FROM index_info WHERE key = 'dirty'").fetchone() == ("1",)
    no_text = conn.execute(
        "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM texts t WHERE t.document_id = d.id)"
    )
    assert no_text.fetchone() == (0,)
    conn.close()
    assert build(corpus, db=db) == f"{db}\t60\t{60 - committed}\t0\t{committed}\t0\n"
    fresh = tmp_path / "fresh.db"
    build(corpus, db=fresh)
    assert content(db) == content(fresh)


def test_a_long_file_read_in_pieces_reads_back_the_same(tmp_path):
    paragraph = ARTICLES["a.txt"].split("\n", 2)[2]
    long_text = "Tổng kết năm\nThứ Hai, 13/12/2021\n" + paragraph * 260  # past 64,000 characters
    assert len(long_text) > 64_000
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "long.txt").write_text(long_text, encoding="utf-8")
    (corpus / "short.txt").write_text(ARTICLES["b.txt"], encoding="utf-8")
    db = tmp_path / "press.db"
    build(corpus, db=db)
    pieces = content(db)["texts"]
    assert [(key.rsplit("/", 1)[-1], part) for key, part, *_ in pieces] == [
        ("long.txt", 0),
        ("long.txt", 1),
        ("short.txt", 0),
    ]
    _same_outputs(
        corpus,
        db,
        (
            ("entities", "--mentions"),
            ("freq", "--by-file", "--ngram", "2"),
            ("segment", "--format", "tsv"),
            ("kwic", "Quân khu 7"),
            ("expand-abbrev", "--by-file"),
        ),
    )


def test_vnpress_schema_index_prints_the_schema_an_index_is_made_of(tmp_path):
    printed = invoke("schema", "index")
    assert printed.exit_code == 0
    conn = sqlite3.connect(":memory:")
    conn.executescript(printed.stdout)  # valid SQL, as printed
    made = {
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'"
        )
    }
    corpus = write_corpus(tmp_path / "corpus")
    db = tmp_path / "press.db"
    build(corpus, db=db)
    built = {
        r[0]
        for r in sqlite3.connect(db).execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'"
        )
    }
    assert made == built
    for table in ("documents", "texts", "mentions", "units", "documents_cited", "abbreviations", "words"):
        assert table in made
    for table in ("people", "appearances", "ranks", "posts", "documents_fts", "documents_fold"):
        assert table in made
    for view in ("officers_by_year", "people_by_year", "resolutions_by_year", "post_holders"):
        assert view in made
    fks = {
        (r[2], r[3]) for r in sqlite3.connect(db).execute("SELECT * FROM pragma_foreign_key_list('mentions')")
    }
    assert fks == {("documents", "document_id"), ("units", "unit_id"), ("documents_cited", "cited_id")}
