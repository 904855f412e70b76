"""A persistent cache of word segmentation, in one SQLite file under the user's cache directory.

Segmenting is the expensive step and analysts rerun vnpress on the same archives with different
options, so each document's word spans are kept, keyed by a hash of its normalised text, for the
current *versions* (vnpress, underthesea, underthesea_core, and a digest of the segmenter's code and
protected-words file). The same file keeps analyses of documents too (``results``: freq's counts,
NER …), keyed by their function and its arguments (see :mod:`vnpress.pipeline.cache.keys`), for the
current versions and a digest of all of vnpress's code and data. Entries that another version made
are of no use to this one: opening the cache deletes them (:func:`prune`), so an upgrade, or a
change to vnpress's code, does not leave the file to grow.

Spans are stored compactly (gaps and lengths as 32-bit ints, zlib'd), never as Word objects. The
database is in WAL mode with a busy timeout, and all writes come from the parent process in one
transaction per batch, so several vnpress processes can share it. Problems never stop a run: a
corrupt or truncated file is rebuilt, an unusable one is bypassed, each with a warning through the
CLI's reporter (see :func:`vnpress.io.progress.warn`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from vnpress.errors import CacheError
from vnpress.io.progress import warn
from vnpress.pipeline.cache.keys import (
    Versions,
    analysis_prefix,
    code_digest,
    current_versions,
    dump_result,
    load_result,
    pack_spans,
    result_key,
    text_key,
    unpack_positions,
    unpack_spans,
)

__all__ = [  # the keys and encodings are re-exported: callers need only this module
    "SegmentCache",
    "Versions",
    "analysis_prefix",
    "cache_dir",
    "cache_path",
    "clear",
    "code_digest",
    "current_versions",
    "dump_result",
    "info",
    "info_table",
    "load_result",
    "pack_spans",
    "prune",
    "result_key",
    "text_key",
    "unpack_positions",
    "unpack_spans",
]

if TYPE_CHECKING:
    from vnpress.io.render import Table

ENV_DIR = "VNPRESS_CACHE_DIR"
FILENAME = "segments.sqlite3"
SCHEMA = 3  # PRAGMA user_version; another value means an older layout: start afresh
BUSY_TIMEOUT_S = 30.0
_MAX_VARS = 500  # keys per SELECT … IN (…)

_SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS versions (
    id INTEGER PRIMARY KEY,
    fingerprint TEXT NOT NULL UNIQUE,
    vnpress TEXT NOT NULL,
    underthesea TEXT NOT NULL,
    segmenter TEXT NOT NULL,
    code TEXT NOT NULL  -- the code digest for the results' rows, '' for the segments'
);
CREATE TABLE IF NOT EXISTS segments (
    version INTEGER NOT NULL,
    key BLOB NOT NULL,
    spans BLOB NOT NULL,
    PRIMARY KEY (version, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS results (
    version INTEGER NOT NULL,
    key BLOB NOT NULL,
    value BLOB NOT NULL,
    PRIMARY KEY (version, key)
) WITHOUT ROWID;
"""
SEGMENTS, RESULTS = "segments", "results"
_VALUE = {SEGMENTS: "spans", RESULTS: "value"}


def cache_dir() -> Path:
    """``$VNPRESS_CACHE_DIR`` if set, else the platform's user cache directory for vnpress."""
    override = os.environ.get(ENV_DIR)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("vnpress", appauthor=False))


def cache_path() -> Path:
    return cache_dir() / FILENAME


def _is_corruption(err: sqlite3.Error) -> bool:
    """A damaged file, as opposed to a busy or unreachable one."""
    if isinstance(err, sqlite3.OperationalError):
        return "malformed" in str(err) or "not a database" in str(err)
    return isinstance(err, sqlite3.DatabaseError)


def _is_full(err: BaseException) -> bool:
    """A full disk or quota: SQLite's SQLITE_FULL, or ENOSPC/EDQUOT/EFBIG from the file system."""
    if isinstance(err, sqlite3.Error):
        return getattr(err, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL or "disk is full" in str(err)
    return isinstance(err, OSError) and err.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


def _is_busy(err: sqlite3.Error) -> bool:
    return isinstance(err, sqlite3.OperationalError) and ("locked" in str(err) or "busy" in str(err))


def _retry_while_busy(op, undo=None):
    """``op()``, retried while another process holds a lock SQLite's own busy handler does not wait
    for (switching a new file to WAL, WAL recovery), for up to the busy timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    delay = 0.01
    while True:
        try:
            return op()
        except sqlite3.OperationalError as e:
            if not _is_busy(e) or time.monotonic() + delay > deadline:
                raise
            if undo is not None:
                undo()
        time.sleep(delay)
        delay = min(delay * 2, 0.5)


def _version_row(conn: sqlite3.Connection, v: Versions, code: str) -> int:
    """The id of the ``versions`` row of ``v`` (and ``code``, for results), added if new."""
    fingerprint = f"{v.fingerprint}; code {code}" if code else v.fingerprint
    row = conn.execute("SELECT id FROM versions WHERE fingerprint=?", (fingerprint,)).fetchone()
    if row is None:
        conn.execute(
            "INSERT OR IGNORE INTO versions(fingerprint, vnpress, underthesea, segmenter, code)"
            " VALUES (?,?,?,?,?)",
            (fingerprint, v.vnpress, v.underthesea, v.segmenter, code),
        )
        row = conn.execute("SELECT id FROM versions WHERE fingerprint=?", (fingerprint,)).fetchone()
    return row[0]


def prune(conn: sqlite3.Connection, keep: tuple[int, int]) -> int:
    """Delete the segments and results of every version but ``keep`` (this installation's segments
    and results ids): no lookup can reach them. Costs two small queries when there are none; returns
    how many entries went. The freed pages are reused by new entries (``cache clear`` shrinks the
    file)."""
    seg_id, results_id = keep
    if conn.execute("SELECT 1 FROM versions WHERE id NOT IN (?,?) LIMIT 1", keep).fetchone() is None:
        return 0
    conn.execute("BEGIN IMMEDIATE")
    removed = conn.execute("DELETE FROM segments WHERE version != ?", (seg_id,)).rowcount
    removed += conn.execute("DELETE FROM results WHERE version != ?", (results_id,)).rowcount
    conn.execute("DELETE FROM versions WHERE id NOT IN (?,?)", keep)
    conn.execute("COMMIT")
    return removed


class SegmentCache:
    """The segmentation cache of one process. Use from one thread; every method is best-effort."""

    def __init__(
        self,
        path: Path | None = None,
        versions: Versions | None = None,
        *,
        code: str | None = None,
        prune: bool = True,
    ):
        """``versions`` and ``code`` (the digest of vnpress's code and data that results depend on)
        default to this installation's; ``prune=False`` keeps other versions' entries (for ``info``)."""
        self.path = Path(path) if path is not None else cache_path()
        self.versions = versions or current_versions()
        self.code = code if code is not None else code_digest()
        self.prune = prune
        self._conn: sqlite3.Connection | None = None
        self._version_id = 0  # of the segments
        self._results_id = 0  # of the results: the versions and the code digest
        self.disabled = False
        self._open_or_rebuild()

    # -- opening, and rebuilding after damage -------------------------------------------------------
    def _connect(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(
            self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
        )
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            (schema,) = conn.execute("PRAGMA user_version").fetchone()
            if schema != SCHEMA:
                conn.execute("BEGIN IMMEDIATE")
                (schema,) = conn.execute("PRAGMA user_version").fetchone()
                if schema != SCHEMA:  # another process may have just done it
                    conn.execute("DROP TABLE IF EXISTS segments")
                    conn.execute("DROP TABLE IF EXISTS results")
                    conn.execute("DROP TABLE IF EXISTS versions")
                    for statement in _SCHEMA_SQL.split(";"):
                        if statement.strip():
                            conn.execute(statement)
                    conn.execute(f"PRAGMA user_version={SCHEMA}")
                conn.execute("COMMIT")
            self._version_id = _version_row(conn, self.versions, "")
            self._results_id = _version_row(conn, self.versions, self.code)
            if self.prune:
                prune(conn, (self._version_id, self._results_id))
        except BaseException:
            conn.close()
            raise
        self._conn = conn

    def _open_or_rebuild(self) -> None:
        try:
            _retry_while_busy(self._connect)
        except sqlite3.Error as e:
            if _is_corruption(e):
                self._rebuild(e)
            else:
                self._disable(e)
        except OSError as e:
            self._disable(e)

    def _rebuild(self, err: BaseException) -> None:
        warn(f"cache {self.path} is damaged ({err}): rebuilding it")
        self.close()
        try:
            _remove_files(self.path)
            _retry_while_busy(self._connect)
        except (sqlite3.Error, OSError) as e:
            self._disable(e)

    def _disable(self, err: BaseException) -> None:
        if _is_full(err):  # the batch's transaction was rolled back: what was stored before stays
            warn(f"cache {self.path} cannot grow ({err}): running without it; its entries are intact")
        else:
            warn(f"cache {self.path} cannot be used ({err}): running without it")
        self.close()
        self.disabled = True

    def _run(self, op, default):
        """``op(conn)``; after damage, rebuild once and retry; after any other failure, give up caching."""
        for attempt in (0, 1):
            if self.disabled or self._conn is None:
                return default
            try:
                return _retry_while_busy(lambda: op(self._conn), self._rollback)
            except sqlite3.Error as e:
                self._rollback()
                if _is_corruption(e) and attempt == 0:
                    self._rebuild(e)
                    continue
                if _is_busy(e):
                    warn(f"cache {self.path} is busy ({e}): these results are not cached")
                    return default
                self._disable(e)
        return default

    def _rollback(self) -> None:
        if self._conn is not None and self._conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("ROLLBACK")

    # -- the interface ------------------------------------------------------------------------------
    def get_many(self, keys: Sequence[bytes], table: str = SEGMENTS) -> dict[bytes, bytes]:
        """The stored values of the keys that are there: packed spans (see :func:`unpack_positions`)
        in ``segments``, zlib'd pickles (see :func:`load_result`) in ``results``."""
        value = _VALUE[table]

        def op(conn: sqlite3.Connection) -> dict[bytes, bytes]:
            found: dict[bytes, bytes] = {}
            unique = list(dict.fromkeys(keys))
            for i in range(0, len(unique), _MAX_VARS):
                chunk = unique[i : i + _MAX_VARS]
                marks = ",".join("?" * len(chunk))
                sql = f"SELECT key, {value} FROM {table} WHERE version=? AND key IN ({marks})"
                found.update(conn.execute(sql, (self._id(table), *chunk)))
            return found

        return self._run(op, {})

    def put_many(self, items: Iterable[tuple[bytes, bytes]], table: str = SEGMENTS) -> None:
        """Store ``(key, value)`` pairs in one transaction."""
        rows = [(self._id(table), k, v) for k, v in items]
        if not rows:
            return
        sql = f"INSERT OR IGNORE INTO {table}(version, key, {_VALUE[table]}) VALUES (?,?,?)"

        def op(conn: sqlite3.Connection) -> None:
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany(sql, rows)
            conn.execute("COMMIT")

        self._run(op, None)

    def _id(self, table: str) -> int:
        return self._results_id if table == RESULTS else self._version_id

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn = None

    def __enter__(self) -> SegmentCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _files(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def _remove_files(path: Path) -> None:
    for f in _files(path):
        f.unlink(missing_ok=True)


def _size(path: Path) -> int:
    return sum(f.stat().st_size for f in _files(path) if f.exists())


@dataclass(frozen=True)
class CacheInfo:
    path: str
    entries: int  # segmented texts, all versions
    current: int  # segmented texts usable by this installation
    results: int  # cached analyses (freq counts …), all versions
    current_results: int  # cached analyses usable by this installation
    bytes: int
    versions: Versions
    code: str  # the digest of vnpress's code and data that results are keyed by

    @property
    def stale(self) -> int:
        """Segmented texts of other versions, which this installation's next run deletes."""
        return self.entries - self.current

    @property
    def stale_results(self) -> int:
        return self.results - self.current_results


def info(path: Path | None = None) -> CacheInfo:
    """What the cache holds; reading it never creates it, and prunes nothing."""
    path = Path(path) if path is not None else cache_path()
    versions = current_versions()
    counts = (0, 0, 0, 0)
    if path.exists():
        with SegmentCache(path, versions, prune=False) as cache:

            def op(conn: sqlite3.Connection) -> tuple[int, int, int, int]:
                out = []
                for table, current in ((SEGMENTS, cache._version_id), (RESULTS, cache._results_id)):
                    sql = f"SELECT version, COUNT(*) FROM {table} GROUP BY version"
                    rows = dict(conn.execute(sql).fetchall())
                    out += [sum(rows.values()), rows.get(current, 0)]
                return out[0], out[1], out[2], out[3]

            counts = cache._run(op, counts)
    entries, current, results, current_results = counts
    return CacheInfo(
        str(path), entries, current, results, current_results, _size(path), versions, code_digest()
    )


def info_table(path: Path | None = None) -> Table:
    """``vnpress cache info``: one record."""
    from vnpress.io.render import Table
    from vnpress.io.tables import CACHE_INFO

    i = info(path)
    row = {
        "path": i.path,
        "entries": i.entries,
        "current_entries": i.current,
        "stale_entries": i.stale,
        "results": i.results,
        "stale_results": i.stale_results,
        "bytes": i.bytes,
        "vnpress": i.versions.vnpress,
        "underthesea": i.versions.underthesea,
        "segmenter": i.versions.segmenter,
        "code": i.code,
    }
    return Table(CACHE_INFO, [row])


def clear(path: Path | None = None) -> int:
    """Delete every entry (of every version); return how many segmented texts there were. A damaged
    file is removed. Raises :class:`~vnpress.errors.CacheError` saying why when the cache cannot be
    cleared (a read-only or immutable file, a read-only file system, no permission)."""
    path = Path(path) if path is not None else cache_path()
    try:
        if not path.exists():
            return 0
        return _retry_while_busy(lambda: _clear(path))
    except sqlite3.Error as e:
        if not _is_corruption(e):
            raise _cannot_clear(path, e) from None
    except OSError as e:
        raise _cannot_clear(path, e) from None
    try:  # damaged beyond SQLite's reading: the files go
        _remove_files(path)
    except OSError as e:
        raise _cannot_clear(path, e) from None
    return 0


def _clear(path: Path) -> int:
    """The deletion, on a connection that never creates the file, in one transaction."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=BUSY_TIMEOUT_S)
    try:
        conn.isolation_level = None
        conn.execute("BEGIN IMMEDIATE")
        try:
            (n,) = conn.execute("SELECT COUNT(*) FROM segments").fetchone()
            conn.execute("DELETE FROM segments")
            conn.execute("DELETE FROM results")
            from vnpress.text.segment import ENGINES

            # a run going on meanwhile keeps its versions: those of this installation, for either engine
            current = [
                fingerprint
                for engine in ENGINES
                for fingerprint in (
                    current_versions(engine).fingerprint,
                    f"{current_versions(engine).fingerprint}; code {code_digest()}",
                )
            ]
            conn.execute(
                f"DELETE FROM versions WHERE fingerprint NOT IN ({','.join('?' * len(current))})", current
            )
            conn.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise
        with contextlib.suppress(sqlite3.Error):  # giving the space back is a bonus
            conn.execute("VACUUM")
        return n
    finally:
        conn.close()


def _cannot_clear(path: Path, err: BaseException) -> CacheError:
    if isinstance(err, OSError):
        reason = err.strerror or str(err)
    elif _read_only_fs(path):
        reason = f"it is on a read-only file system ({err})"
    elif "readonly" in str(err) or "read-only" in str(err):
        reason = f"it is read-only ({err})"
    else:
        reason = str(err)
    return CacheError(f"cannot clear the cache {path}: {reason}")


def _read_only_fs(path: Path) -> bool:
    try:
        return bool(os.statvfs(path.parent).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False
