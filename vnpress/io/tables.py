"""Every table vnpress prints, one spec each: the output contract, in one file.

A command builds its :class:`~vnpress.io.render.Table` from one of these specs; the renderer takes
column order, header and the written form of each value from it, and ``vnpress schema NAME`` prints
its JSON Schema. A new table is one more ``TableSpec`` here, added to ``TABLES``; the test suite
then asks for an example invocation of it (tests/test_schema.py) and fails on any command that
prints a table without a spec.
"""

from __future__ import annotations

from vnpress.io.schema import Column, TableSpec, check_spec

FILE = Column("file", "string", "The document's path as given; <stdin> for standard input.")


def per_file(
    spec: TableSpec,
    name: str,
    command: str,
    description: str,
    title: str | None = None,
    extra: tuple[Column, ...] = (),
) -> TableSpec:
    """``spec`` with a ``file`` column first (and ``extra`` ones last): the same rows, per document."""
    key = ("file", *spec.key) if spec.key else ()
    return TableSpec(name, command, description, (FILE, *spec.columns, *extra), key, title)


_DOCUMENT_DATE = Column(
    "document_date",
    "date",
    "The document's date from vnpress meta: the stated publication date, else the inferred one.",
    nullable=True,
)

# --- entities -------------------------------------------------------------------------------------
_TYPE = Column(
    "type",
    "string",
    "officer, rank, unit or resolution; with --ner also person, location or organization.",
)
_CANONICAL = Column(
    "canonical",
    "string",
    "The entity's canonical form: abbreviations spelled out, a rank in its standard spelling, "
    "an ALL-CAPS name in Title Case.",
)
_RANK = Column(
    "rank",
    "string",
    "An officer's military or police rank (Thiếu tướng); null for other types.",
    nullable=True,
)
_POSITIONS = Column(
    "positions",
    "list",
    "An officer's posts as the article states them, completed with their unit; a former post starts "
    "with 'nguyên '. An empty list when none is stated; null for other types.",
    nullable=True,
    items="string",
)

ENTITIES = TableSpec(
    "entities",
    "entities",
    "One row per entity over the corpus; an officer is one row per name and rank.",
    (
        _TYPE,
        _CANONICAL,
        Column("count", "integer", "Mentions of the entity."),
        Column("documents", "integer", "Documents that mention it."),
        _RANK,
        Column(
            "positions",
            "list",
            "An officer's posts, the union of those stated in each document; a former post starts with "
            "'nguyên '. An empty list when none is stated; null for other types.",
            nullable=True,
            items="string",
        ),
    ),
    key=("type", "canonical", "rank"),
)
ENTITIES_BY_FILE = per_file(
    ENTITIES,
    "entities-by-file",
    "entities --by-file",
    "One row per entity and document.",
    extra=(_DOCUMENT_DATE,),
)
ENTITY_MENTIONS = TableSpec(
    "entities-mentions",
    "entities --mentions",
    "One row per occurrence of an entity, with character offsets into the file: original[start:end] == text.",
    (
        FILE,
        _TYPE,
        Column("start", "integer", "Offset of the mention's first character in the file as decoded."),
        Column("end", "integer", "Offset just after the mention's last character."),
        Column("text", "string", "The mention as written."),
        _CANONICAL,
        Column(
            "name",
            "string",
            "officer: the name as written; resolution: the title of a document named by its title "
            "(Luật Quốc phòng); null otherwise.",
            nullable=True,
        ),
        _RANK,
        _POSITIONS,
        Column(
            "service",
            "string",
            "officer, rank: 'police' where the text says so (or a Công an post implies it); null otherwise.",
            nullable=True,
        ),
        Column(
            "resolved_from",
            "string",
            "unit, resolution: what was written, where the article's own context completed it "
            "('Quân khu' → 'Quân khu 7'; 'Nghị quyết số 230' → its full number); null otherwise.",
            nullable=True,
        ),
        Column(
            "kind", "string", "resolution: the kind of document (Nghị quyết, Chỉ thị, Luật …).", nullable=True
        ),
        Column(
            "number",
            "string",
            "resolution: the number or code as written, always text ('05', '05-NQ/TW', '01/CT-TTg').",
            nullable=True,
        ),
        Column(
            "term", "string", "resolution: the party congress term, a Roman numeral (XII).", nullable=True
        ),
        Column(
            "issuer",
            "list",
            "resolution: the bodies that issued it (Bộ Chính trị, Ban Bí thư); an empty list when the "
            "text names none; null for other types.",
            nullable=True,
            items="string",
        ),
        Column("date", "date", "resolution: the date it was issued (ISO 8601).", nullable=True),
        _DOCUMENT_DATE,
    ),
    key=("file", "start", "end", "type"),
)

# --- meta -----------------------------------------------------------------------------------------
META = TableSpec(
    "meta",
    "meta",
    "One row per document: its headline, dates, byline, outlet and dateline place.",
    (
        FILE,
        Column(
            "title",
            "string",
            "The headline; null where the text has none (it starts mid-article).",
            nullable=True,
        ),
        Column(
            "date",
            "date",
            "The publication date (YYYY-MM-DD); null unless day, month and year are all known.",
            nullable=True,
        ),
        Column(
            "date_inferred",
            "date",
            "When date is null: the lead's day and month with a year the text itself gives; else null.",
            nullable=True,
        ),
        Column(
            "date_source",
            "string",
            "Where the date came from: sidecar, text, path or inferred; null without a date.",
            nullable=True,
        ),
        Column("authors", "list", "The byline's names, ALL-CAPS names in Title Case.", items="string"),
        Column(
            "source",
            "string",
            "The outlet the text names for itself ('TTXVN', 'QK3 online'); null when none is named.",
            nullable=True,
        ),
        Column("place", "string", "The dateline place of the lead ('Hà Nội').", nullable=True),
        Column("photo_credits", "list", "The names in the photo credits ('Ảnh: Kim Hồng').", items="string"),
    ),
    key=("file",),
)

# --- segment --------------------------------------------------------------------------------------
SEGMENT_WORDS = TableSpec(
    "segment",
    "segment",
    "With a --format: one row per segmented word, with offsets into the file: original[start:end] == text.",
    (
        FILE,
        Column("start", "integer", "Offset of the word's first character in the file as decoded."),
        Column("end", "integer", "Offset just after the word's last character."),
        Column("text", "string", "The word as written."),
        Column(
            "norm", "string", "Its normal form: one tone spelling (uỷ → ủy), one space between syllables."
        ),
    ),
    key=("file", "start"),
)

# --- freq -----------------------------------------------------------------------------------------
FREQ = TableSpec(
    "freq",
    "freq [--ngram N]",
    "Word frequencies, most frequent first, ties in Vietnamese alphabetical order.",
    (
        Column("n", "integer", "The row's place in the list: 1, 2, 3 … (ties too); restarts per file."),
        Column(
            "word",
            "string",
            "The word (with --ngram N, N words in a row) in the form written most often.",
        ),
        Column("count", "integer", "Occurrences."),
        Column(
            "per_10k",
            "number",
            "count per 10,000 counted words (or n-grams) of the corpus, or of the file with --by-file; "
            "rounded half up to two decimals.",
        ),
        Column(
            "documents", "integer", "Documents of the corpus it occurs in (corpus-wide with --by-file too)."
        ),
    ),
    key=("word",),
)
FREQ_BY_FILE = per_file(FREQ, "freq-by-file", "freq --by-file", "One frequency list per document.")

# --- kwic -----------------------------------------------------------------------------------------
KWIC = TableSpec(
    "kwic",
    "kwic WORD",
    "Every occurrence of WORD, with its context.",
    (
        FILE,
        Column("start", "integer", "Offset of the match's first character in the file as decoded."),
        Column("end", "integer", "Offset just after the match: original[start:end] == word."),
        Column(
            "left",
            "string",
            "Up to --width characters before the match, whitespace runs as one space.",
            align="right",
        ),
        Column("word", "string", "The match as written."),
        Column("right", "string", "Up to --width characters after the match, whitespace runs as one space."),
    ),
    key=("file", "start", "end"),
)

# --- expand-abbrev --------------------------------------------------------------------------------
_ABBREVIATION = Column("abbreviation", "string", "The abbreviation as written (LLVT, T.Ư, QP-AN).")
ABBREVIATIONS = TableSpec(
    "expand-abbrev",
    "expand-abbrev",
    "One row per abbreviation and expansion, with where the expansion came from.",
    (
        _ABBREVIATION,
        Column("expansion", "string", "What it stands for; null when unknown.", nullable=True),
        Column(
            "source",
            "string",
            "defined (by the article itself), dictionary (vnpress/data/abbreviations.tsv or --dict) or unknown.",
        ),
        Column("count", "integer", "Occurrences."),
        Column("documents", "integer", "Documents it occurs in."),
        Column(
            "context",
            "string",
            "unknown: the text around its first occurrence; null otherwise.",
            nullable=True,
        ),
    ),
    key=("abbreviation", "expansion"),
    title="Abbreviations",
)
ABBREVIATIONS_BY_FILE = per_file(
    ABBREVIATIONS,
    "expand-abbrev-by-file",
    "expand-abbrev --by-file",
    "One row per abbreviation, expansion and document.",
    title="Abbreviations by file",
)
DICTIONARY = TableSpec(
    "expand-abbrev-dictionary",
    "expand-abbrev --dictionary",
    "The abbreviation dictionary, sorted by abbreviation.",
    (
        _ABBREVIATION,
        Column("expansion", "string", "What it stands for."),
        Column("category", "string", "military, party, state, organisation, media …"),
        Column(
            "when",
            "string",
            "For an abbreviation with two readings: the context pattern (a regular expression, _ the "
            "abbreviation) that selects this one; null otherwise.",
            nullable=True,
        ),
    ),
    key=("abbreviation", "expansion"),
    title="Abbreviation dictionary",
)

# --- index, search ---------------------------------------------------------------------------------
INDEX_SUMMARY = TableSpec(
    "index-run",
    "index PATHS --db FILE",
    "What a run of vnpress index did: one row.",
    (
        Column("db", "string", "The index's SQLite file."),
        Column("documents", "integer", "Documents in the index at the end of the run."),
        Column("added", "integer", "Files indexed for the first time."),
        Column("changed", "integer", "Files whose text changed (by SHA-256), analysed again."),
        Column("unchanged", "integer", "Files read, hashed and left as they were."),
        Column("removed", "integer", "Documents whose files are gone, removed (--prune)."),
    ),
    key=("db",),
    title="vnpress index",
)
SEARCH = TableSpec(
    "search",
    "search QUERY --db FILE",
    "Documents of the index matching QUERY, best match first (bm25).",
    (
        FILE,
        Column("date", "date", "The document's date (the stated one, else the inferred one).", nullable=True),
        Column("title", "string", "The headline.", nullable=True),
        Column(
            "snippet",
            "string",
            "The best passage, matches between « and », cut passages marked with …",
        ),
        Column("score", "number", "bm25 relevance, higher is better (6 significant digits)."),
    ),
    key=("file",),
)

# --- cache, schema --------------------------------------------------------------------------------
CACHE_INFO = TableSpec(
    "cache-info",
    "cache info",
    "Where the segmentation cache is and what it holds: one row.",
    (
        Column("path", "string", "The cache's SQLite file."),
        Column("entries", "integer", "Segmented texts."),
        Column("current_entries", "integer", "Segmented texts this installation can use."),
        Column(
            "stale_entries",
            "integer",
            "Segmented texts of other versions, deleted the next time a run opens the cache.",
        ),
        Column("results", "integer", "Cached analyses."),
        Column("stale_results", "integer", "Cached analyses made by other code, deleted likewise."),
        Column("bytes", "integer", "Size of the database files."),
        Column("vnpress", "string", "This vnpress's version."),
        Column("underthesea", "string", "underthesea's version (and underthesea_core's)."),
        Column("segmenter", "string", "Digest of the segmenter engine, its code and the protected words."),
        Column("code", "string", "Digest of vnpress's code and data, which cached analyses are keyed by."),
    ),
    key=("path",),
    title="vnpress cache",
)
SCHEMAS = TableSpec(
    "schema",
    "schema",
    "The tables vnpress prints, each with the command that prints it.",
    (
        Column("name", "string", "The table's name: vnpress schema NAME prints its JSON Schema."),
        Column("command", "string", "The command that prints it."),
        Column("description", "string", "What a row is."),
    ),
    key=("name",),
)

TABLES: tuple[TableSpec, ...] = (
    ENTITIES,
    ENTITIES_BY_FILE,
    ENTITY_MENTIONS,
    META,
    SEGMENT_WORDS,
    FREQ,
    FREQ_BY_FILE,
    KWIC,
    ABBREVIATIONS,
    ABBREVIATIONS_BY_FILE,
    DICTIONARY,
    INDEX_SUMMARY,
    SEARCH,
    CACHE_INFO,
    SCHEMAS,
)
for _spec in TABLES:
    check_spec(_spec)
BY_NAME = {spec.name: spec for spec in TABLES}


def table_spec(name: str) -> TableSpec:
    """The spec called ``name`` (KeyError if there is none)."""
    return BY_NAME[name]
