"""Every command reads the index: the documents of a ``.db`` made by ``vnpress index``, selected by
``--since/--until/--source/--where``, with their stored segmentation.

An :class:`IndexSource` gives the same :class:`~vnpress.io.corpus.Document` objects (path as given
to ``vnpress index``, text as decoded, pieces with their offsets) that reading the files gave, in the
same order; while it is open (``with source:``), the pipeline takes each piece's words from the
index instead of segmenting it (see :data:`vnpress.pipeline.run.STORED_SEGMENTATION`), so a
command's output on the index is its output on the files, byte for byte, without re-reading or
re-segmenting them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

from vnpress.errors import UsageError
from vnpress.index.filters import Filters, filter_sql
from vnpress.index.store import open_reader, segmenter_digest
from vnpress.io.corpus import Document

_MAX_VARS = 500


def _casefold(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value


def open_reader_checked(path: str) -> sqlite3.Connection:
    conn = open_reader(path)
    conn.create_function("casefold", 1, _casefold, deterministic=True)
    return conn


def selected_ids(conn: sqlite3.Connection, filters: Filters, path: str) -> list[int]:
    """The ids of the documents ``filters`` select, in the order commands read them. A bad
    ``--where`` is a usage error of one line."""
    where, params = filter_sql(filters)
    try:
        return [
            r[0]
            for r in conn.execute(f"SELECT id FROM documents WHERE {where} ORDER BY sort_key, id", params)
        ]
    except sqlite3.Error as e:
        if filters.where is not None:
            raise UsageError(f"--where {filters.where!r}: {e}") from None
        raise


class IndexSource:
    """The documents of one index, and (while open) its segmentation for the pipeline."""

    def __init__(self, path: str, filters: Filters | None = None):
        self.path = path
        self.filters = filters = filters or Filters()
        self.conn = open_reader_checked(path)
        try:
            self.ids = selected_ids(self.conn, filters, path)
        except BaseException:
            self.conn.close()
            raise
        self._token: Any = None

    def documents(self) -> Iterator[Document]:
        """The selected documents, piece by piece, in the order reading the files gave them."""
        conn = self.conn
        for start in range(0, len(self.ids), _MAX_VARS):
            chunk = self.ids[start : start + _MAX_VARS]
            marks = ",".join("?" * len(chunk))
            rows = conn.execute(
                f'SELECT d.id, d.path, t.part, t."offset", '
                f'CASE WHEN d.pieces = 1 THEN d.body ELSE substr(d.body, t."offset" + 1, t.chars) END '
                f"FROM documents d JOIN texts t ON t.document_id = d.id WHERE d.id IN ({marks})",
                chunk,
            ).fetchall()
            order = {doc_id: i for i, doc_id in enumerate(chunk)}
            rows.sort(key=lambda r: (order[r[0]], r[2]))
            for _id, path, part, offset, text in rows:
                yield Document(path, text, offset, part)

    # -- the stored segmentation ----------------------------------------------------------------
    def segmentation(self, engine: str, fallback: Any) -> StoredSegments:
        from vnpress.pipeline.cache.keys import current_versions

        return StoredSegments(self.conn, segmenter_digest(current_versions(engine).fingerprint), fallback)

    def __enter__(self) -> IndexSource:
        from vnpress.pipeline.run import STORED_SEGMENTATION

        self._token = STORED_SEGMENTATION.set(self.segmentation)
        return self

    def __exit__(self, *exc: object) -> None:
        from vnpress.pipeline.run import STORED_SEGMENTATION

        if self._token is not None:
            STORED_SEGMENTATION.reset(self._token)
            self._token = None
        self.conn.close()


class StoredSegments:
    """A segmentation store (as :class:`~vnpress.pipeline.cache.store.SegmentCache` is one) that
    answers from the index's spans first, then from ``fallback`` (the user's cache, or None);
    analyses' results and new spans go to ``fallback`` only: the index is never written here."""

    disabled = False

    def __init__(self, conn: sqlite3.Connection, segmenter: str, fallback: Any):
        self.conn = conn
        self.segmenter = segmenter
        self.fallback = fallback

    def get_many(self, keys: Sequence[bytes], table: str = "segments") -> dict[bytes, bytes]:
        found: dict[bytes, bytes] = {}
        if table == "segments":
            unique = list(dict.fromkeys(keys))
            for start in range(0, len(unique), _MAX_VARS):
                chunk = unique[start : start + _MAX_VARS]
                marks = ",".join("?" * len(chunk))
                for key, spans in self.conn.execute(
                    f"SELECT segkey, spans FROM texts WHERE segmenter = ? AND segkey IN ({marks})",
                    [self.segmenter, *chunk],
                ):
                    found[key] = spans
            keys = [k for k in unique if k not in found]
        if keys and self.fallback is not None:
            found.update(self.fallback.get_many(keys, table))
        return found

    def put_many(self, items: Any, table: str = "segments") -> None:
        if self.fallback is not None:
            self.fallback.put_many(items, table)

    def close(self) -> None:
        if self.fallback is not None:
            self.fallback.close()
