"""Writing one analysed file into the index: its ``documents`` row (inserted, or updated in place so
that its id stays), the rows that hang off it (``texts``, ``mentions``, ``abbreviations``,
``words``, replaced whole), the names its mentions link to (``units``, ``documents_cited``), and its
rows of the two full-text indexes. Inside the caller's transaction, one per batch."""

from __future__ import annotations

import json
import os
import sqlite3
from typing import Any

from vnpress import __version__
from vnpress.index.analyse import FileAnalysis
from vnpress.index.text import fold_text
from vnpress.pipeline.cache.keys import text_key
from vnpress.text.normalise import normalise


class DocumentWriter:
    """Writes analysed files; remembers the ids of the names it has linked (units, documents cited)."""

    def __init__(self, code: str, segmenter: str):
        self.code = code
        self.segmenter = segmenter
        self.unit_ids: dict[str, int] = {}
        self.cited_ids: dict[str, int] = {}
        self.added = 0
        self.changed = 0

    def write(self, conn: sqlite3.Connection, f: Any, result: FileAnalysis, now: str) -> None:
        """Insert or replace one file's document and all its rows (``f``: a build's file record)."""
        meta = result.meta
        path = f.pieces[0].path
        body = "".join(p.text for p in f.pieces)
        document_date = meta.get("date") or meta.get("date_inferred")
        year = int(document_date[:4]) if document_date else None
        words = sum(n for _, n in result.words)
        values = {
            "path": path,
            "key": f.key,
            "sort_key": os.path.normpath(path),
            "sha256": f.sha256,
            "chars": f.chars,
            "words": words,
            "pieces": len(f.pieces),
            "title": meta.get("title"),
            "date": meta.get("date"),
            "date_inferred": meta.get("date_inferred"),
            "date_source": meta.get("date_source"),
            "authors": json.dumps(meta.get("authors") or [], ensure_ascii=False),
            "source": meta.get("source"),
            "place": meta.get("place"),
            "photo_credits": json.dumps(meta.get("photo_credits") or [], ensure_ascii=False),
            "document_date": document_date,
            "year": year,
            "body": body,
            "indexed_at": now,
            "vnpress": __version__,
            "code": self.code,
        }
        if f.existing is not None:
            doc_id = f.existing[0]
            delete_search_rows(conn, doc_id)
            for table in ("texts", "mentions", "abbreviations", "words"):
                conn.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc_id,))
            sets = ", ".join(f"{k} = :{k}" for k in values)
            conn.execute(f"UPDATE documents SET {sets} WHERE id = :id", {**values, "id": doc_id})
            self.changed += 1
        else:
            names = ", ".join(values)
            marks = ", ".join(f":{k}" for k in values)
            doc_id = conn.execute(f"INSERT INTO documents ({names}) VALUES ({marks})", values).lastrowid
            self.added += 1
        assert f.work is not None
        normalised = f.work.norms[0].text if len(f.work.norms) == 1 else None  # already made: reused
        insert_search_rows(conn, doc_id, meta.get("title"), body, normalised)
        conn.executemany(
            'INSERT INTO texts (document_id, part, "offset", chars, segkey, segmenter, spans) '
            "VALUES (?,?,?,?,?,?,?)",
            [
                (doc_id, p.part, p.offset, len(p.text), text_key(n.text), self.segmenter, packed)
                for p, n, packed in zip(f.pieces, f.work.norms, result.packed, strict=True)
            ],
        )
        conn.executemany(
            'INSERT INTO mentions (document_id, type, start, "end", text, canonical, name, rank, positions,'
            " service, resolved_from, kind, number, term, issuer, date, document_date, year, unit_id, cited_id)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [self._mention_values(conn, doc_id, m, year) for m in result.mentions],
        )
        conn.executemany(
            "INSERT INTO abbreviations (document_id, abbreviation, expansion, source, count, context)"
            " VALUES (?,?,?,?,?,?)",
            [
                (doc_id, a["abbreviation"], a["expansion"], a["source"], a["count"], a["context"])
                for a in result.abbreviations
            ],
        )
        counts: dict[str, int] = {}
        for word, n in result.words:
            counts[word] = counts.get(word, 0) + n
        conn.executemany(
            "INSERT INTO words (document_id, word, count) VALUES (?,?,?)",
            [(doc_id, w, n) for w, n in counts.items()],
        )

    def _mention_values(self, conn: sqlite3.Connection, doc_id: int, m: dict[str, Any], year: int | None):
        def js(value: Any) -> str | None:
            return None if value is None else json.dumps(value, ensure_ascii=False)

        unit_id = (
            self._named_id(conn, "units", "name", m["canonical"], self.unit_ids)
            if m["type"] == "unit"
            else None
        )
        cited_id = (
            self._named_id(conn, "documents_cited", "title", m["canonical"], self.cited_ids)
            if m["type"] == "resolution"
            else None
        )
        return (
            doc_id,
            m["type"],
            m["start"],
            m["end"],
            m["text"],
            m["canonical"],
            m.get("name"),
            m.get("rank"),
            js(m.get("positions")),
            m.get("service"),
            m.get("resolved_from"),
            m.get("kind"),
            m.get("number"),
            m.get("term"),
            js(m.get("issuer")),
            m.get("date"),
            m.get("document_date"),
            year,
            unit_id,
            cited_id,
        )

    def _named_id(
        self, conn: sqlite3.Connection, table: str, column: str, name: str, memo: dict[str, int]
    ) -> int:
        known = memo.get(name)
        if known is not None:
            return known
        conn.execute(f"INSERT OR IGNORE INTO {table} ({column}) VALUES (?)", (name,))
        (row_id,) = conn.execute(f"SELECT id FROM {table} WHERE {column} = ?", (name,)).fetchone()
        memo[name] = row_id
        return row_id


def insert_search_rows(
    conn: sqlite3.Connection, doc_id: int, title: str | None, body: str, normalised: str | None = None
) -> None:
    """The document's rows of the two full-text indexes: normalised (``normalised``, if the caller
    has it already), and folded."""
    t = normalise(title).text if title else None
    b = normalised if normalised is not None else normalise(body).text
    conn.execute("INSERT INTO documents_fts (rowid, title, body) VALUES (?, ?, ?)", (doc_id, t, b))
    conn.execute(
        "INSERT INTO documents_fold (rowid, title, body) VALUES (?, ?, ?)",
        (doc_id, fold_text(t) if t else None, fold_text(b)),
    )


def delete_search_rows(conn: sqlite3.Connection, doc_id: int) -> None:
    """Remove a document from the full-text indexes, with the values it was indexed with (an
    external-content FTS5 table needs them)."""
    row = conn.execute("SELECT title, body FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        return
    title, body = row
    t = normalise(title).text if title else None
    b = normalise(body).text
    conn.execute(
        "INSERT INTO documents_fts (documents_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)",
        (doc_id, t, b),
    )
    conn.execute(
        "INSERT INTO documents_fold (documents_fold, rowid, title, body) VALUES ('delete', ?, ?, ?)",
        (doc_id, fold_text(t) if t else None, fold_text(b)),
    )
