"""The who's-who tables of the index (``people``, ``appearances``, ``ranks``, ``posts``): the
roster of :mod:`vnpress.people` rebuilt from the stored mention rows, without the texts, so that
they hold the rows ``vnpress officers`` prints (``--appearances``, ``--ranks``, ``--posts``).

Their columns are those of the command's table specs (:mod:`vnpress.io.tables`), a list as a JSON
array; ``person`` is the key of ``people`` that the others refer to, and a row naming a file also
refers to its document.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from vnpress.io.schema import TableSpec
from vnpress.io.tables import ENTITY_MENTIONS, OFFICER_APPEARANCES, OFFICER_POSTS, OFFICER_RANKS, OFFICERS

# table → (spec, name of the vnpress.people function that gives its rows)
TABLES: dict[str, tuple[TableSpec, str]] = {
    "people": (OFFICERS, "people_rows"),
    "appearances": (OFFICER_APPEARANCES, "appearance_rows"),
    "ranks": (OFFICER_RANKS, "rank_rows"),
    "posts": (OFFICER_POSTS, "post_rows"),
}
_SQL_TYPES = {
    "string": "TEXT",
    "date": "TEXT",
    "list": "TEXT",
    "integer": "INTEGER",
    "number": "REAL",
    "boolean": "INTEGER",
}
_LISTS = {"positions", "issuer"}


def _column(table: str, name: str, type_: str, nullable: bool) -> str:
    sql = f"    {name} {_SQL_TYPES[type_]}"
    if not nullable:
        sql += " NOT NULL"
    if name == "person":
        sql += " PRIMARY KEY" if table == "people" else " REFERENCES people(person) ON DELETE CASCADE"
    if type_ == "list":
        sql += ",  -- JSON array"
        return sql
    return sql + ","


def ddl() -> str:
    """The CREATE statements of the four tables and their indexes, from the specs."""
    out = ["-- The who's-who of vnpress officers, rebuilt from the officer mentions at the end of each run."]
    for table, (spec, _) in TABLES.items():
        out.append(f"-- {spec.description}")
        out.append(f"CREATE TABLE IF NOT EXISTS {table} (")
        if table != "people":
            out.append("    id INTEGER PRIMARY KEY,")
        if "file" in spec.names:
            out.append("    document_id INTEGER REFERENCES documents(id) ON DELETE CASCADE,")
        lines = [_column(table, c.name, c.type, c.nullable) for c in spec.columns]
        last = lines[-1]
        lines[-1] = (
            last.replace(",  -- JSON array", "  -- JSON array") if last.endswith("JSON array") else last[:-1]
        )
        out.extend(lines)
        out.append(");")
    out += [
        "CREATE INDEX IF NOT EXISTS appearances_person ON appearances(person);",
        "CREATE INDEX IF NOT EXISTS appearances_document ON appearances(document_id);",
        "CREATE INDEX IF NOT EXISTS appearances_date ON appearances(date);",
        "CREATE INDEX IF NOT EXISTS ranks_person ON ranks(person);",
        "CREATE INDEX IF NOT EXISTS ranks_rank ON ranks(rank);",
        "CREATE INDEX IF NOT EXISTS posts_person ON posts(person);",
        "CREATE INDEX IF NOT EXISTS posts_post ON posts(post);",
        "CREATE INDEX IF NOT EXISTS posts_title ON posts(title);",
        "CREATE INDEX IF NOT EXISTS people_rank ON people(rank);",
    ]
    return "\n".join(out) + "\n"


def stored_mentions(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """The officer rows of ``entities --mentions`` as the index keeps them, in the command's order."""
    names = [c for c in ENTITY_MENTIONS.names if c != "file"]
    quoted = ", ".join(f'm."{n}"' for n in names)
    for row in conn.execute(
        f"SELECT d.path, {quoted} FROM mentions m JOIN documents d ON d.id = m.document_id "
        "WHERE m.type = 'officer' ORDER BY d.sort_key, d.id, m.id"
    ):
        record = {"file": row[0]}
        for name, value in zip(names, row[1:], strict=True):
            record[name] = json.loads(value) if name in _LISTS and value is not None else value
        yield record


def refresh(conn: sqlite3.Connection) -> None:
    """Rebuild the four tables inside the caller's transaction."""
    import vnpress.people as people

    for table in reversed(TABLES):
        conn.execute(f"DELETE FROM {table}")
    roster = people.roster_from_mentions(stored_mentions(conn))
    documents = dict(conn.execute("SELECT path, id FROM documents"))
    for table, (spec, function) in TABLES.items():
        names = list(spec.names)
        columns = (["document_id"] if "file" in names else []) + names
        marks = ", ".join("?" * len(columns))
        rows = []
        for row in getattr(people, function)(roster):
            values = [
                json.dumps(row.get(n), ensure_ascii=False) if c.type == "list" else row.get(n)
                for n, c in zip(names, spec.columns, strict=True)
            ]
            rows.append(([documents.get(row["file"])] if "file" in names else []) + values)
        conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)
