"""``vnpress search``: full-text search of an index (SQLite FTS5), ranked by bm25, with snippets.

The query is FTS5's own syntax (words, "phrases", prefix*, AND/OR/NOT, NEAR, parentheses,
``title:``), brought to the form the text was indexed in: normalised (NFC, one tone placement), or
folded with ``--fold``. Operators are kept as they are; a malformed query is a usage error of one
line, never SQLite's traceback.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from typing import Any

from vnpress.errors import UsageError
from vnpress.index.filters import Filters, filter_sql
from vnpress.index.read import open_reader_checked
from vnpress.index.text import fold_text, search_form
from vnpress.io.render import Table
from vnpress.io.tables import SEARCH

OPEN, CLOSE, ELLIPSIS = "«", "»", "…"
SNIPPET_TOKENS = 16
_OPERATORS = re.compile(r'("(?:[^"]|"")*"|\bAND\b|\bOR\b|\bNOT\b|\bNEAR\b)')


def fts_query(query: str, *, fold: bool) -> str:
    """``query`` in the indexed form: the text normalised (or folded), FTS5's operators untouched."""
    form = fold_text if fold else search_form
    parts = _OPERATORS.split(search_form(query))
    return "".join(p if p in ("AND", "OR", "NOT", "NEAR") else form(p) for p in parts)


def search_rows(
    conn: sqlite3.Connection,
    query: str,
    *,
    fold: bool = False,
    limit: int = 20,
    filters: Filters | None = None,
) -> list[dict[str, Any]]:
    table = "documents_fold" if fold else "documents_fts"
    where, params = filter_sql(filters or Filters())
    selected = f"AND d.id IN (SELECT id FROM documents WHERE {where}) " if filters and filters.given else ""
    # The best rows first, then a snippet of those alone: snippet() made in the select list of a
    # query ordered by rank would be made for every match (10,000 snippets for a common word).
    sql = (
        f"WITH best AS (SELECT {table}.rowid AS id, bm25({table}) AS score, d.sort_key AS sort_key "
        f"FROM {table} JOIN documents d ON d.id = {table}.rowid "
        f"WHERE {table} MATCH ? {selected}ORDER BY score, d.sort_key, d.id"
        + (f" LIMIT {int(limit)}" if limit else "")
        + ") "
        f"SELECT d.path, d.document_date, d.title, snippet({table}, -1, ?, ?, ?, {SNIPPET_TOKENS}), best.score "
        f"FROM best JOIN {table} ON {table}.rowid = best.id JOIN documents d ON d.id = best.id "
        f"WHERE {table} MATCH ? ORDER BY best.score, best.sort_key, best.id"
    )
    match = fts_query(query, fold=fold)
    if not (filters and filters.given):
        params = []
    try:
        rows = conn.execute(sql, [match, *params, OPEN, CLOSE, ELLIPSIS, match]).fetchall()
    except sqlite3.Error as e:
        if filters is not None and filters.where is not None and "fts5" not in str(e):
            raise UsageError(f"--where {filters.where!r}: {e}") from None
        raise UsageError(f"malformed search query {query!r} ({e}); see vnpress search --help") from None
    return [
        {
            "file": path,
            "date": date,
            "title": title,
            "snippet": " ".join(snippet.split()),
            "score": float(f"{-score:.6g}") + 0.0,
        }
        for path, date, title, snippet, score in rows
    ]


def search_table(
    db: str, query: str, *, fold: bool = False, limit: int = 20, filters: Filters | None = None
) -> Table:
    """The ``search`` command's table: ``file, date, title, snippet, score``, best match first."""
    if not query.strip():
        raise UsageError("an empty search query")
    conn = open_reader_checked(db)
    try:
        rows = search_rows(conn, query, fold=fold, limit=limit, filters=filters)
    finally:
        conn.close()

    def gen() -> Iterator[dict[str, Any]]:
        yield from rows

    return Table(SEARCH, gen())
