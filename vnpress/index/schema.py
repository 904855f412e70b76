"""The SQLite schema of ``vnpress index``: tables, indexes, full-text search and views, in one place.

The schema is the documentation: :data:`SCHEMA_SQL` is what ``vnpress schema index`` prints and
what the README shows. One row of ``documents`` per file; its original text is ``body`` (as decoded:
every command reading the index gets the same characters the files gave), its pieces (a long file
is analysed in pieces, see :class:`~vnpress.io.corpus.Document`) and their segmentation are in
``texts``. The analyses are tables a document's rows hang off (``ON DELETE CASCADE``), so that
re-indexing a document replaces all of them and never duplicates one. ``units`` and
``documents_cited`` gather what the mentions name, for Datasette's links and facets.
"""

from __future__ import annotations

import sqlite3

from vnpress.index.filters import APPLICATION_ID
from vnpress.index.people import ddl as people_ddl

SCHEMA_VERSION = 1  # PRAGMA user_version of an index this code writes and reads

TABLES_SQL = """\
-- What built the index: schema version, segmenter, vnpress version; 'dirty' = 1 while the
-- aggregate tables (units, documents_cited) wait for the end of a run to be refreshed.
CREATE TABLE IF NOT EXISTS index_info (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- One row per file (a long file read in pieces is still one row).
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,              -- the path as given to vnpress index (the file column of every command)
    key TEXT NOT NULL UNIQUE,        -- its real path: the same file given two ways is one document
    sort_key TEXT NOT NULL,          -- the order commands read documents in (the normalised path)
    sha256 TEXT NOT NULL,            -- of the text as decoded, UTF-8: what decides re-indexing
    chars INTEGER NOT NULL,          -- characters of the text
    words INTEGER NOT NULL,          -- counted words, as vnpress freq counts them (stop words left out)
    pieces INTEGER NOT NULL,         -- pieces the text was analysed in (1 unless it is very long)
    title TEXT,                      -- the columns of vnpress meta ...
    date TEXT,
    date_inferred TEXT,
    date_source TEXT,
    authors TEXT NOT NULL,           -- JSON array
    source TEXT,
    place TEXT,
    photo_credits TEXT NOT NULL,     -- JSON array
    document_date TEXT,              -- date, else date_inferred (the document_date of vnpress entities)
    year INTEGER,                    -- the year of document_date
    body TEXT NOT NULL,              -- the original text as decoded (full-text search reads it)
    indexed_at TEXT NOT NULL,        -- when this document was last (re-)analysed, UTC ISO 8601
    vnpress TEXT NOT NULL,           -- the vnpress version that analysed it
    code TEXT NOT NULL               -- digest of vnpress's code and data: other code re-analyses it
);

-- The pieces of each document, with their word segmentation (the cache's packed form).
CREATE TABLE IF NOT EXISTS texts (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    part INTEGER NOT NULL,           -- 0 for the first or only piece
    "offset" INTEGER NOT NULL,       -- where the piece starts in the document's text, in characters
    chars INTEGER NOT NULL,
    segkey BLOB NOT NULL,            -- the segmentation cache's key of the normalised piece
    segmenter TEXT NOT NULL,         -- digest of the segmenter that made spans (engine, code, model)
    spans BLOB NOT NULL,             -- the word spans, packed as in the segmentation cache
    PRIMARY KEY (document_id, part)
) WITHOUT ROWID;

-- What the mentions name, one row each (counts refreshed at the end of every run).
CREATE TABLE IF NOT EXISTS units (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,       -- the unit's canonical name
    mentions INTEGER NOT NULL DEFAULT 0,
    documents INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS documents_cited (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL UNIQUE,      -- the canonical form (Nghị quyết số 05-NQ/TW)
    kind TEXT,                       -- Nghị quyết, Chỉ thị, Luật ...
    number TEXT,
    term TEXT,
    issuer TEXT,                     -- JSON array: the bodies that issued it
    date TEXT,                       -- the date it was issued, where a mention states it
    year INTEGER,
    mentions INTEGER NOT NULL DEFAULT 0,
    documents INTEGER NOT NULL DEFAULT 0
);

-- The rows of vnpress entities --mentions, offsets into the document's text.
CREATE TABLE IF NOT EXISTS mentions (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    type TEXT NOT NULL,              -- officer, rank, unit, resolution
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    canonical TEXT NOT NULL,
    name TEXT,
    rank TEXT,
    positions TEXT,                  -- JSON array (officer), else null
    service TEXT,
    resolved_from TEXT,
    kind TEXT,
    number TEXT,
    term TEXT,
    issuer TEXT,                     -- JSON array (resolution), else null
    date TEXT,
    document_date TEXT,
    year INTEGER,                    -- the year of document_date
    unit_id INTEGER REFERENCES units(id),                -- type unit: the unit
    cited_id INTEGER REFERENCES documents_cited(id)      -- type resolution: the document cited
);

-- The rows of vnpress expand-abbrev --by-file.
CREATE TABLE IF NOT EXISTS abbreviations (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    abbreviation TEXT NOT NULL,
    expansion TEXT,
    source TEXT NOT NULL,            -- defined, dictionary or unknown
    count INTEGER NOT NULL,
    context TEXT
);

-- Per-document word counts, as vnpress freq --by-file --top 0 counts them.
CREATE TABLE IF NOT EXISTS words (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    word TEXT NOT NULL,              -- the word in the form written most often in the document
    count INTEGER NOT NULL,
    PRIMARY KEY (document_id, word)
) WITHOUT ROWID;
"""

INDEXES_SQL = """\
CREATE INDEX IF NOT EXISTS documents_sort ON documents(sort_key);
CREATE INDEX IF NOT EXISTS documents_date ON documents(document_date);
CREATE INDEX IF NOT EXISTS documents_year ON documents(year);
CREATE INDEX IF NOT EXISTS documents_source ON documents(source);
CREATE INDEX IF NOT EXISTS texts_segkey ON texts(segkey);
CREATE INDEX IF NOT EXISTS mentions_document ON mentions(document_id);
CREATE INDEX IF NOT EXISTS mentions_type ON mentions(type, canonical);
CREATE INDEX IF NOT EXISTS mentions_year ON mentions(year);
CREATE INDEX IF NOT EXISTS mentions_rank ON mentions(rank);
CREATE INDEX IF NOT EXISTS mentions_kind ON mentions(kind);
CREATE INDEX IF NOT EXISTS mentions_unit ON mentions(unit_id);
CREATE INDEX IF NOT EXISTS mentions_cited ON mentions(cited_id);
CREATE INDEX IF NOT EXISTS abbreviations_document ON abbreviations(document_id);
CREATE INDEX IF NOT EXISTS abbreviations_abbreviation ON abbreviations(abbreviation);
CREATE INDEX IF NOT EXISTS words_word ON words(word);
CREATE INDEX IF NOT EXISTS documents_cited_year ON documents_cited(year);
CREATE INDEX IF NOT EXISTS documents_cited_kind ON documents_cited(kind);
"""

FTS_SQL = """\
-- Full-text search over title and body, normalised (NFC, one tone placement) with diacritics kept:
-- tướng and tương are two words, uỷ and ủy one. External content: the text is documents'.
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    title, body, content='documents', content_rowid='id',
    tokenize='unicode61 remove_diacritics 0'
);
-- The same text folded (no tones, no vowel marks, đ = d), for vnpress search --fold.
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fold USING fts5(
    title, body, content='documents', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
"""

VIEWS_SQL = """\
-- Officers mentioned each year (by the year of the articles), with their rank as written there.
CREATE VIEW IF NOT EXISTS officers_by_year AS
SELECT m.year AS year, m.canonical AS name, m.rank AS rank,
       count(*) AS mentions, count(DISTINCT m.document_id) AS documents
FROM mentions m
WHERE m.type = 'officer'
GROUP BY m.year, m.canonical, m.rank;

-- Documents cited (resolutions, laws, directives ...) each year, by the year of the articles citing them.
CREATE VIEW IF NOT EXISTS resolutions_by_year AS
SELECT m.year AS year, c.title AS title, c.kind AS kind, c.number AS number, c.term AS term,
       count(*) AS mentions, count(DISTINCT m.document_id) AS documents, c.id AS cited_id
FROM mentions m JOIN documents_cited c ON c.id = m.cited_id
WHERE m.type = 'resolution'
GROUP BY m.year, c.id;

-- Who held a post when: each post an article gives an officer, with the article's date.
CREATE VIEW IF NOT EXISTS post_holders AS
SELECT p.value AS post, m.canonical AS name, m.rank AS rank,
       min(m.document_date) AS first_seen, max(m.document_date) AS last_seen,
       count(DISTINCT m.document_id) AS documents
FROM mentions m, json_each(m.positions) p
WHERE m.type = 'officer'
GROUP BY p.value, m.canonical, m.rank;
"""

PEOPLE_VIEWS_SQL = """\
-- The people of vnpress officers seen each year, with the ranks the articles of that year give.
CREATE VIEW IF NOT EXISTS people_by_year AS
SELECT CAST(substr(a.date, 1, 4) AS INTEGER) AS year, a.person AS person, a.name AS name,
       group_concat(DISTINCT a.rank) AS ranks, count(*) AS documents
FROM appearances a
WHERE a.date IS NOT NULL
GROUP BY year, a.person;
"""

SCHEMA_SQL = "\n".join((TABLES_SQL, INDEXES_SQL, people_ddl(), FTS_SQL, VIEWS_SQL, PEOPLE_VIEWS_SQL))

# The tables an index must have for a command to read it.
REQUIRED_TABLES = (
    "index_info",
    "documents",
    "texts",
    "mentions",
    "people",
    "documents_fts",
    "documents_fold",
)


def create_schema(conn: sqlite3.Connection) -> None:
    """Create what is missing (idempotent), in one transaction of its own."""
    conn.executescript(
        f"BEGIN IMMEDIATE;\n{SCHEMA_SQL}\nPRAGMA application_id = {APPLICATION_ID};\n"
        f"PRAGMA user_version = {SCHEMA_VERSION};\nCOMMIT;"
    )


def schema_text() -> str:
    """What ``vnpress schema index`` prints: the whole schema as SQL, with its comments."""
    return (
        f"-- The SQLite database of vnpress index (schema version {SCHEMA_VERSION}; "
        "PRAGMA user_version).\n" + SCHEMA_SQL
    )
