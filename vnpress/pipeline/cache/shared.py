"""Read-only lookups of segmentations in a cache file another process owns: what a Dask worker does
with the client's cache when it can reach the same path (a shared file system, or the same machine).

The worker never writes, prunes or rebuilds it (the client alone writes, SQLite has one writer), and
any problem (no such file, another schema, a lock, damage) means segmenting as if it were absent.
The worker computes its own versions, so a worker with another vnpress or underthesea finds nothing
rather than spans of another segmenter.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from vnpress.pipeline.cache.keys import current_versions

SCHEMA = 3  # vnpress.pipeline.cache.store.SCHEMA (a test keeps the two equal)
BUSY_TIMEOUT_S = 2.0
_MAX_VARS = 500


class SharedReader:
    """Segmentations looked up in the cache at ``path``, for the ``engine`` of this process."""

    def __init__(self, path: str, engine: str):
        self.path = path
        self.conn: sqlite3.Connection | None = None
        self.version: int | None = None
        if not os.path.isfile(path):
            return
        try:
            conn = sqlite3.connect(
                f"{Path(path).resolve().as_uri()}?mode=ro",
                uri=True,
                timeout=BUSY_TIMEOUT_S,
                check_same_thread=False,
            )
            (schema,) = conn.execute("PRAGMA user_version").fetchone()
            row = None
            if schema == SCHEMA:
                fingerprint = current_versions(engine).fingerprint
                row = conn.execute("SELECT id FROM versions WHERE fingerprint=?", (fingerprint,)).fetchone()
            if row is None:
                conn.close()
                return
            self.conn, self.version = conn, row[0]
        except sqlite3.Error:
            return

    def get_many(self, keys: Sequence[bytes]) -> dict[bytes, bytes]:
        """The packed spans of the keys found; nothing at all after any problem."""
        if self.conn is None or not keys:
            return {}
        found: dict[bytes, bytes] = {}
        try:
            unique = list(dict.fromkeys(keys))
            for i in range(0, len(unique), _MAX_VARS):
                chunk = unique[i : i + _MAX_VARS]
                marks = ",".join("?" * len(chunk))
                sql = f"SELECT key, spans FROM segments WHERE version=? AND key IN ({marks})"
                found.update(self.conn.execute(sql, (self.version, *chunk)))
        except sqlite3.Error:
            self.close()
            return {}
        return found

    def close(self) -> None:
        conn, self.conn = self.conn, None
        if conn is not None:
            with contextlib.suppress(sqlite3.Error):
                conn.close()


_READERS: dict[tuple[str, str], SharedReader] = {}


def shared_reader(path: str, engine: str) -> SharedReader:
    """This process's reader of ``path`` (opened once; a missing file is looked for again later)."""
    reader = _READERS.get((path, engine))
    if reader is None or reader.conn is None:
        reader = _READERS[(path, engine)] = SharedReader(path, engine)
    return reader
