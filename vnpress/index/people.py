"""The who's-who tables of the index (people, appearances, ranks, posts), from the stored mentions,
where :mod:`vnpress.people` provides them; without it, nothing."""

from __future__ import annotations

import sqlite3


def refresh(conn: sqlite3.Connection) -> None:
    """Rebuild the who's-who tables inside the caller's transaction (nothing without vnpress.people)."""
    return None
