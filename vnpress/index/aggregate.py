"""The tables gathered from every document's rows, refreshed at the end of a run that changed the
index: ``units`` and ``documents_cited`` (their counts, and a cited document's details from the
first mention that states them), with the rows nothing names any more removed."""

from __future__ import annotations

import sqlite3

_UNITS = """
UPDATE units SET
    mentions = (SELECT count(*) FROM mentions m WHERE m.unit_id = units.id),
    documents = (SELECT count(DISTINCT m.document_id) FROM mentions m WHERE m.unit_id = units.id);
DELETE FROM units WHERE mentions = 0;
"""

# A cited document's details: those of its first mention (in document order) that states each one.
_CITED = """
UPDATE documents_cited SET
    mentions = (SELECT count(*) FROM mentions m WHERE m.cited_id = documents_cited.id),
    documents = (SELECT count(DISTINCT m.document_id) FROM mentions m WHERE m.cited_id = documents_cited.id),
    kind = (SELECT m.kind FROM mentions m JOIN documents d ON d.id = m.document_id
            WHERE m.cited_id = documents_cited.id AND m.kind IS NOT NULL ORDER BY d.sort_key, m.start LIMIT 1),
    number = (SELECT m.number FROM mentions m JOIN documents d ON d.id = m.document_id
            WHERE m.cited_id = documents_cited.id AND m.number IS NOT NULL ORDER BY d.sort_key, m.start LIMIT 1),
    term = (SELECT m.term FROM mentions m JOIN documents d ON d.id = m.document_id
            WHERE m.cited_id = documents_cited.id AND m.term IS NOT NULL ORDER BY d.sort_key, m.start LIMIT 1),
    issuer = (SELECT m.issuer FROM mentions m JOIN documents d ON d.id = m.document_id
            WHERE m.cited_id = documents_cited.id AND m.issuer IS NOT NULL AND m.issuer != '[]'
            ORDER BY d.sort_key, m.start LIMIT 1),
    date = (SELECT m.date FROM mentions m JOIN documents d ON d.id = m.document_id
            WHERE m.cited_id = documents_cited.id AND m.date IS NOT NULL ORDER BY d.sort_key, m.start LIMIT 1);
UPDATE documents_cited SET year = CAST(substr(date, 1, 4) AS INTEGER) WHERE date IS NOT NULL;
UPDATE documents_cited SET year = NULL WHERE date IS NULL;
DELETE FROM documents_cited WHERE mentions = 0;
"""


def refresh(conn: sqlite3.Connection) -> None:
    """Inside the caller's transaction."""
    for script in (_UNITS, _CITED):
        for statement in script.split(";"):
            if statement.strip():
                conn.execute(statement)
    refresh_people(conn)


def refresh_people(conn: sqlite3.Connection) -> None:
    """The who's-who tables (see :mod:`vnpress.index.people`)."""
    from vnpress.index.people import refresh as people_refresh

    people_refresh(conn)
