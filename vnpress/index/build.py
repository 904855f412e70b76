"""``vnpress index``: one pass over an archive into the SQLite index, incremental by the text's hash.

For each batch of files the parent process

1. hashes each file's text (SHA-256 of its UTF-8) and skips those whose hash, and the code and
   segmenter that analysed them, are those in the index (an unchanged archive is only read and hashed);
2. looks up the word spans of the others' pieces, in the index itself and then in the segmentation
   cache (keyed by the normalised text, as every command does);
3. has a worker (``jobs`` > 1) or itself analyse them (:mod:`vnpress.index.analyse`);
4. writes the batch in one transaction: a killed run leaves every committed batch whole, and the
   next run completes the rest, since what it committed is then unchanged.

At the end of a run that changed anything, the aggregate tables (``units``, ``documents_cited``)
are refreshed; a killed run leaves the index marked ``dirty``, so that the next run refreshes them
even when nothing else is to be done. ``prune`` removes the documents whose files are gone.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from vnpress import __version__
from vnpress.index.analyse import FileAnalysis, FileWork, analyse_files
from vnpress.index.store import IndexFileError, Writer, segmenter_digest
from vnpress.index.write import DocumentWriter, delete_search_rows
from vnpress.io.corpus import STDIN_NAME, Document
from vnpress.pipeline.cache.keys import code_digest, current_versions, text_key
from vnpress.pipeline.parallel import lookahead, make_runner, stream
from vnpress.text import segment as seg
from vnpress.text.normalise import normalise

BATCH_FILES = 32
BATCH_CHARS = 16_000
_MAX_VARS = 500


@dataclass
class BuildSummary:
    """What a run did, for the one line ``vnpress index`` prints on stderr."""

    added: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    documents: int = 0  # in the index at the end

    def counts(self) -> dict[str, int]:
        return {
            "documents": self.documents,
            "added": self.added,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "removed": self.removed,
        }

    def __str__(self) -> str:
        return (
            f"{self.documents} documents in the index: {self.added} added, {self.changed} changed, "
            f"{self.unchanged} unchanged, {self.removed} removed"
        )


@dataclass
class _File:
    pieces: list[Document]
    key: str
    sha256: str
    chars: int
    existing: tuple[int, str] | None = None  # (id, code) in the index
    unchanged: bool = False
    moved_from: str = ""  # the path the index has for it
    work: FileWork | None = None


def document_key(path: str) -> str:
    """What identifies a file in the index: its real path (``<stdin>`` for standard input)."""
    if path == STDIN_NAME:
        return STDIN_NAME
    if os.path.islink(path):
        return os.path.realpath(path)
    directory, name = os.path.split(path)
    return os.path.join(_real_directory(directory), name)


@functools.lru_cache(maxsize=4096)
def _real_directory(directory: str) -> str:
    """The real path of a directory, once per directory (resolving every file's path costs more than
    hashing it, on an unchanged archive)."""
    return os.path.realpath(directory or ".")


def files_of(docs: Iterable[Document]) -> Iterator[list[Document]]:
    """The pieces of each file, together (they come one after another, part 0 first)."""
    current: list[Document] = []
    for doc in docs:
        if doc.part == 0 and current:
            yield current
            current = []
        current.append(doc)
    if current:
        yield current


def file_batches(files: Iterable[list[Document]]) -> Iterator[list[list[Document]]]:
    batch: list[list[Document]] = []
    chars = 0
    for pieces in files:
        batch.append(pieces)
        chars += sum(len(p.text) for p in pieces)
        if len(batch) >= BATCH_FILES or chars >= BATCH_CHARS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _chunks(items: list, size: int = _MAX_VARS) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


class _Batch:
    """Files on their way through: hashed, looked up, their changed ones being analysed."""

    def __init__(self, builder: _Builder, pieces_of_files: list[list[Document]], alone: bool):
        self.builder = builder
        self.files: list[_File] = []
        for pieces in pieces_of_files:
            h = hashlib.sha256()
            for p in pieces:
                h.update(p.text.encode("utf-8", "surrogatepass"))
            key = document_key(pieces[0].path)
            self.files.append(_File(pieces, key, h.hexdigest(), sum(len(p.text) for p in pieces)))
        self.docs = self.files  # what the progress bar counts
        self.chars = sum(f.chars for f in self.files)
        existing = builder.lookup([f.key for f in self.files])
        self.todo: list[_File] = []
        for f in self.files:
            row = existing.get(f.key)
            if row is not None:
                doc_id, sha, code, f.moved_from = row
                f.existing = (doc_id, code)
                if sha == f.sha256 and code == builder.code:
                    f.unchanged = True
                    continue
            self.todo.append(f)
        keys: list[bytes] = []
        for f in self.todo:
            norms = [normalise(p.text) for p in f.pieces]
            f.work = FileWork(f.pieces, norms, [None] * len(norms))
            keys.extend(text_key(n.text) for n in norms)
        found = builder.known_spans(keys)
        k = 0
        for f in self.todo:
            assert f.work is not None
            for i in range(len(f.work.norms)):
                f.work.packed[i] = found.get(keys[k])
                k += 1
        self.keys = keys
        work = [f.work for f in self.todo if f.work is not None]
        self.handle = (
            builder.runner.submit(analyse_files, (work, builder.engine, builder.today), alone=alone)
            if work
            else None
        )

    def results(self) -> Iterator[tuple[_Batch, list[FileAnalysis]]]:
        yield self, (self.handle.get() if self.handle is not None else [])


@dataclass
class _Builder:
    writer: Writer
    engine: str
    jobs: int | None
    use_cache: bool
    today: dt.date
    summary: BuildSummary = field(default_factory=BuildSummary)

    def __post_init__(self) -> None:
        versions = current_versions(self.engine)
        self.segmenter = segmenter_digest(versions.fingerprint)
        self.code = f"{code_digest()}:{self.segmenter}"
        self.runner = make_runner(self.jobs, setup=partial(seg.load_engine, self.engine))  # or the cluster's
        self.cache: Any = None
        if self.use_cache:
            from vnpress.pipeline.cache.store import SegmentCache

            cache = SegmentCache(versions=versions)
            self.cache = None if cache.disabled else cache
        self.documents = DocumentWriter(self.code, self.segmenter)

    @property
    def conn(self) -> sqlite3.Connection:
        return self.writer.conn

    def lookup(self, keys: list[str]) -> dict[str, tuple[int, str, str, str]]:
        out: dict[str, tuple[int, str, str, str]] = {}
        for chunk in _chunks(keys):
            marks = ",".join("?" * len(chunk))
            for key, doc_id, sha, code, path in self.conn.execute(
                f"SELECT key, id, sha256, code, path FROM documents WHERE key IN ({marks})", chunk
            ):
                out[key] = (doc_id, sha, code, path)
        return out

    def known_spans(self, keys: list[bytes]) -> dict[bytes, bytes]:
        """Spans of these normalised texts already in the index (made by this segmenter), else in
        the segmentation cache."""
        found: dict[bytes, bytes] = {}
        unique = list(dict.fromkeys(keys))
        for chunk in _chunks(unique):
            marks = ",".join("?" * len(chunk))
            for key, spans in self.conn.execute(
                f"SELECT segkey, spans FROM texts WHERE segmenter = ? AND segkey IN ({marks})",
                [self.segmenter, *chunk],
            ):
                found[key] = spans
        missing = [k for k in unique if k not in found]
        if missing and self.cache is not None:
            found.update(self.cache.get_many(missing))
        return found

    # -- writing --------------------------------------------------------------------------------
    def write(self, batch: _Batch, analyses: list[FileAnalysis]) -> None:
        new_spans: list[tuple[bytes, bytes]] = []
        now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
        moved = [f for f in batch.files if f.unchanged and f.pieces[0].path != f.moved_from]
        self.summary.unchanged += sum(f.unchanged for f in batch.files)
        if not batch.todo and not moved:
            return  # an unchanged batch costs no transaction
        with self.writer.transaction() as conn:
            self._mark_dirty(conn)
            for f in moved:  # the same file, named another way this time: the name shown follows
                assert f.existing is not None
                conn.execute(
                    "UPDATE documents SET path = ?, sort_key = ? WHERE id = ?",
                    (f.pieces[0].path, os.path.normpath(f.pieces[0].path), f.existing[0]),
                )
            for f, result in zip(batch.todo, analyses, strict=True):
                assert f.work is not None
                self.documents.write(conn, f, result, now)
                for norm, packed, new in zip(f.work.norms, result.packed, result.new, strict=True):
                    if new:
                        new_spans.append((text_key(norm.text), packed))
        if new_spans and self.cache is not None:
            self.cache.put_many(new_spans)

    def _mark_dirty(self, conn: sqlite3.Connection) -> None:
        conn.execute("INSERT OR REPLACE INTO index_info(key, value) VALUES ('dirty', '1')")

    # -- the end of a run -----------------------------------------------------------------------
    def prune(self) -> None:
        gone = [
            doc_id
            for doc_id, key in self.conn.execute("SELECT id, key FROM documents ORDER BY id").fetchall()
            if key != STDIN_NAME and not os.path.exists(key)
        ]
        for chunk in _chunks(gone):
            with self.writer.transaction() as conn:
                self._mark_dirty(conn)
                for doc_id in chunk:
                    delete_search_rows(conn, doc_id)
                    conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        self.summary.removed = len(gone)

    def finish(self, refresh: Callable[[sqlite3.Connection], None]) -> None:
        with self.writer.transaction() as conn:
            for key, value in (
                ("schema", "1"),
                ("segmenter", self.engine),
                ("segmenter_digest", self.segmenter),
                ("vnpress", __version__),
            ):
                conn.execute("INSERT OR REPLACE INTO index_info(key, value) VALUES (?, ?)", (key, value))
            if self.writer.info("dirty") != "0":
                refresh(conn)
                conn.execute("INSERT OR REPLACE INTO index_info(key, value) VALUES ('dirty', '0')")
        (self.summary.documents,) = self.conn.execute("SELECT count(*) FROM documents").fetchone()
        self.summary.added, self.summary.changed = self.documents.added, self.documents.changed

    def close(self) -> None:
        if self.cache is not None:
            self.cache.close()


def build_index(
    docs: Iterable[Document],
    db: str,
    *,
    prune: bool = False,
    jobs: int | None = None,
    use_cache: bool = True,
    segmenter: str = seg.DEFAULT_ENGINE,
    today: dt.date | None = None,
) -> BuildSummary:
    """Index ``docs`` (as :func:`~vnpress.io.corpus.read_corpus` gives them) into the database ``db``."""
    from vnpress.index.aggregate import refresh

    if segmenter not in seg.ENGINES:
        raise ValueError(f"unknown segmenter {segmenter!r}")
    writer = Writer(db)
    builder = _Builder(writer, segmenter, jobs, use_cache, today or dt.date.today())
    try:
        pending = (_Batch(builder, batch, alone) for batch, alone in lookahead(file_batches(files_of(docs))))
        for batch, analyses in stream(pending, builder.runner):
            builder.write(batch, analyses)
        if prune:
            builder.prune()
        builder.finish(refresh)
    except sqlite3.Error as e:
        raise IndexFileError(f"{db}: {e}") from None
    finally:
        builder.close()
        writer.close()
    return builder.summary
