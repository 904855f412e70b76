"""Which documents of an index a command reads (``--since/--until/--source/--where``), and whether
PATHS names an index at all. Light on purpose (no sqlite3): every command calls it."""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from collections.abc import Sequence
from typing import Any, NamedTuple

from vnpress.errors import UsageError

APPLICATION_ID = 0x766E7078  # PRAGMA application_id of an index: "vnpx"
SQLITE_HEADER = b"SQLite format 3\x00"
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


class Filters(NamedTuple):
    """Which documents of an index a command reads (all by default)."""

    since: str | None = None
    until: str | None = None
    source: str | None = None
    where: str | None = None

    @property
    def given(self) -> bool:
        return any(v is not None for v in self)


def check_date(option: str, value: str | None) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, checked."""
    if value is None:
        return None
    if not _DATE.fullmatch(value):
        raise UsageError(f"{option} {value!r}: give a date as YYYY-MM-DD (or YYYY-MM, YYYY)")
    try:
        dt.date.fromisoformat(value + "-01" * (2 - value.count("-")))
    except ValueError:
        raise UsageError(f"{option} {value!r}: not a date") from None
    return value


def filter_sql(filters: Filters) -> tuple[str, list[Any]]:
    """The WHERE clause (on ``documents``) of ``filters``, and its parameters. ``--until 2021``
    includes every day of 2021; a document without a date is left out by either bound."""
    clauses: list[str] = []
    params: list[Any] = []
    if filters.since is not None:
        clauses.append("document_date >= ?")
        params.append(filters.since)
    if filters.until is not None:
        clauses.append("document_date < ?")
        params.append(filters.until + "~")  # '~' sorts after every digit and '-'
    if filters.source is not None:
        clauses.append("casefold(source) = ?")
        params.append(filters.source.casefold())
    if filters.where is not None:
        clauses.append(f"({filters.where})")
    return (" AND ".join(clauses) or "1"), params


def looks_like_index(path: str, *, sniff: bool = False) -> bool:
    """Whether ``path`` is to be read as an index: a name ending in ``.db``, or (``sniff``: a single
    PATH) a regular file that starts as an SQLite database carrying vnpress's application id. Only a
    regular file is opened: a FIFO or a device is never read here."""
    if path.endswith(".db"):
        return True
    if not sniff:
        return False
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as fh:
            head = fh.read(72)
    except OSError:
        return False
    return (
        head[:16] == SQLITE_HEADER
        and len(head) == 72
        and int.from_bytes(head[68:72], "big") == APPLICATION_ID
    )


def find_index(paths: Sequence[str], filters: Filters) -> str | None:
    """The index PATHS names (a single ``.db``, or an SQLite file made by vnpress index), to be
    opened as a :class:`~vnpress.index.read.IndexSource`; None when PATHS are files. Filters
    without an index, or an index beside other paths, are usage errors."""
    found = [p for p in paths if p != "-" and looks_like_index(p, sniff=len(paths) == 1)]
    if found and len(paths) > 1:
        raise UsageError(f"{found[0]}: an index must be the only PATH")
    if not found:
        if filters.given:
            raise UsageError(
                "--since, --until, --source and --where select documents of an index: "
                "give one .db made by vnpress index as PATH"
            )
        return None
    return found[0]
