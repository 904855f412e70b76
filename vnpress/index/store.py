"""Opening an index: the writer's connection (with its lock) and a reader's, and what identifies a
file as an index made by ``vnpress index``.

One writer at a time: ``vnpress index`` holds an exclusive ``flock`` on the database file for the
whole run (released by the kernel if the process dies), and a second writer is told so in one line.
Readers are never blocked: the database is in WAL mode and every batch is one short transaction.
Readers open it read-only (``mode=ro``), so that ``--where`` can only ever read.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from vnpress.errors import UsageError, VnpressError
from vnpress.index.schema import APPLICATION_ID, REQUIRED_TABLES, SCHEMA_VERSION, create_schema

BUSY_TIMEOUT_S = 60.0


class IndexFileError(VnpressError):
    """A database that cannot be used as an index (exit status 1)."""


def _normpath(path: str) -> str:
    return os.path.normpath(path)


def _configure(conn: sqlite3.Connection) -> None:
    conn.create_function("normpath", 1, _normpath, deterministic=True)
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")


def _check_identity(conn: sqlite3.Connection, path: str, *, empty_ok: bool) -> None:
    (app,) = conn.execute("PRAGMA application_id").fetchone()
    (version,) = conn.execute("PRAGMA user_version").fetchone()
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    if not tables and empty_ok:
        return
    if app != APPLICATION_ID or not set(REQUIRED_TABLES) <= tables:
        raise IndexFileError(f"{path}: not an index made by vnpress index")
    if version != SCHEMA_VERSION:
        raise IndexFileError(
            f"{path}: an index of schema version {version}, this vnpress reads version {SCHEMA_VERSION}: "
            "build it again with vnpress index"
        )


def _sqlite_error(path: str, e: sqlite3.Error) -> IndexFileError:
    return IndexFileError(f"{path}: {e}")


class Writer:
    """The connection of ``vnpress index``: locked, in WAL mode, foreign keys on, schema created."""

    def __init__(self, path: str):
        self.path = path
        if os.path.isdir(path):
            raise UsageError(f"--db {path}: is a directory")
        try:
            self._lock_fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as e:
            raise IndexFileError(f"{path}: {e.strerror}") from None
        try:
            fcntl.flock(self._lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(self._lock_fd)
            raise IndexFileError(
                f"{path}: another vnpress index is writing to it; run again when it has finished"
            ) from None
        try:
            self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            _configure(self.conn)
            _check_identity(self.conn, path, empty_ok=True)
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            create_schema(self.conn)
        except sqlite3.Error as e:
            self.close()
            raise _sqlite_error(path, e) from None
        except BaseException:
            self.close()
            raise

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One transaction (``BEGIN IMMEDIATE`` … ``COMMIT``), rolled back on any exception."""
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def info(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM index_info WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def close(self) -> None:
        conn = getattr(self, "conn", None)
        if conn is not None:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("PRAGMA optimize")
            conn.close()
            self.conn = None  # type: ignore[assignment]
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None  # type: ignore[assignment]


def open_reader(path: str) -> sqlite3.Connection:
    """A read-only connection to the index at ``path``, checked to be one."""
    if not os.path.exists(path):
        raise IndexFileError(f"{path}: no such file")
    if os.path.isdir(path):
        raise IndexFileError(f"{path}: is a directory, not an index")
    uri = Path(os.path.abspath(path)).as_uri() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        _configure(conn)
        _check_identity(conn, path, empty_ok=False)
    except sqlite3.DatabaseError as e:
        raise IndexFileError(f"{path}: not an index made by vnpress index ({e})") from None
    return conn


def segmenter_digest(fingerprint: str) -> str:
    """A short name of a segmenter's versions (see :class:`~vnpress.pipeline.cache.keys.Versions`)."""
    return hashlib.blake2b(fingerprint.encode(), digest_size=8).hexdigest()
