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

# --- officers (vnpress/people) --------------------------------------------------------------------
_PERSON = Column(
    "person",
    "string",
    "The person's id across the corpus: a slug of his folded name, -2, -3 … for a second or later "
    "person whose name folds alike (in order of first appearance).",
)
_PERSON_NAME = Column("name", "string", "His name as written most often (ALL-CAPS names in Title Case).")
_SERVICES = Column(
    "services",
    "list",
    "The services his rank, the text and his posts name: police, army, navy, air force, border guard, "
    "coast guard, or defence / public security for a ministry as a whole.",
    items="string",
)
_SEEN_DATE = "The document's date (vnpress meta: stated, else inferred, else path or sidecar)"
OFFICERS = TableSpec(
    "officers",
    "officers",
    "One row per person across the corpus, most documents first: the who's-who.",
    (
        _PERSON,
        _PERSON_NAME,
        Column("rank", "string", "The latest rank known (the highest among the latest).", nullable=True),
        Column(
            "ranks",
            "list",
            "The rank history, in order: each rank with the first and last date and document it is seen in.",
            items="string",
        ),
        Column(
            "posts",
            "list",
            "Each post with the first and last date and document it is seen in; 'nguyên ' marks one seen "
            "only as a former post.",
            items="string",
        ),
        Column("units", "list", "The units of his posts, in order of first appearance.", items="string"),
        _SERVICES,
        Column("documents", "integer", "Documents that name him."),
        Column("mentions", "integer", "Times they name him."),
        Column(
            "first_seen",
            "date",
            "The earliest date he is seen; null if every document is undated.",
            nullable=True,
        ),
        Column(
            "last_seen",
            "date",
            "The latest date he is seen; null if every document is undated.",
            nullable=True,
        ),
    ),
    key=("person",),
    title="Officers",
)
OFFICER_APPEARANCES = TableSpec(
    "officers-appearances",
    "officers --appearances",
    "One row per person and document: the contract the roster evaluation reads.",
    (
        _PERSON,
        _PERSON_NAME,
        FILE,
        Column("date", "date", _SEEN_DATE + "; null when undated.", nullable=True),
        Column("rank", "string", "His rank in that document, as of its date.", nullable=True),
        Column("positions", "list", "His posts as that document states them.", items="string"),
        _SERVICES,
        Column("mentions", "integer", "Times the document names him."),
    ),
    key=("person", "file"),
    title="Officer appearances",
)
_FIRST_LAST = (
    Column(
        "first_seen",
        "date",
        "The earliest date it is seen; null if only undated documents show it.",
        nullable=True,
    ),
    Column("first_file", "string", "The document of first_seen (or the first undated one)."),
    Column(
        "last_seen",
        "date",
        "The latest date it is seen; null if only undated documents show it.",
        nullable=True,
    ),
    Column("last_file", "string", "The document of last_seen (or the last undated one)."),
    Column("documents", "integer", "Documents that show it."),
)
OFFICER_RANKS = TableSpec(
    "officers-ranks",
    "officers --ranks",
    "One row per person and rank: the rank history, in order of seniority and time.",
    (_PERSON, _PERSON_NAME, Column("rank", "string", "The rank."), *_FIRST_LAST),
    key=("person", "rank"),
    title="Officer ranks",
)
OFFICER_POSTS = TableSpec(
    "officers-posts",
    "officers --posts",
    "One row per person and post: the post history, in order of first appearance.",
    (
        _PERSON,
        _PERSON_NAME,
        Column("post", "string", "The post with its unit, without 'nguyên '."),
        Column("title", "string", "The post's title alone (Chính ủy)."),
        Column("unit", "string", "The post's unit (Quân khu 7); null for a post without one.", nullable=True),
        Column("former", "boolean", "True if every document that shows it names it a former post."),
        *_FIRST_LAST,
    ),
    key=("person", "post"),
    title="Officer posts",
)
OFFICER_EXPLAIN = TableSpec(
    "officers-explain",
    "officers --explain",
    "One row per person and document: why the appearance is that person's.",
    (
        _PERSON,
        _PERSON_NAME,
        FILE,
        Column("date", "date", _SEEN_DATE + "; null when undated.", nullable=True),
        Column(
            "decision",
            "string",
            "first, merged, split (a person of that name exists but something contradicts), ambiguous "
            "(agrees equally with several), given name (never merged) or no merge (--no-merge).",
        ),
        Column(
            "other", "string", "The person a merged, split or ambiguous decision refers to.", nullable=True
        ),
        Column("linked_file", "string", "merged: the document of his it agrees with most.", nullable=True),
        Column("evidence", "list", "The reasons: what they share, or what contradicts.", items="string"),
    ),
    key=("person", "file"),
    title="Officer identity",
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

# --- collocates, keywords, trends (vnpress.stats; formulas in vnpress/stats/measures.py) ------------
_PERIOD = Column(
    "period",
    "string",
    "The year (2021), month (2021-07) or source (the outlet the text names) of the documents, from "
    "vnpress meta; unknown for documents without one.",
)
FREQ_BY_PERIOD = TableSpec(
    "freq-by-period",
    "freq --by PERIOD",
    "One frequency list per period (year, month or source), periods in order, unknown last.",
    (
        _PERIOD,
        *FREQ.columns[:3],
        Column(
            "per_10k",
            "number",
            "count per 10,000 counted words of the period, rounded half up to two decimals.",
        ),
        Column("documents", "integer", "Documents of the period it occurs in."),
    ),
    key=("period", "word"),
)
KWIC_DISPERSION = TableSpec(
    "kwic-dispersion",
    "kwic WORD --dispersion",
    "Where WORD occurs in each file (AntConc's Plot): one row per file, in input order.",
    (
        FILE,
        Column("words", "integer", "Counted words of the file (as freq counts them)."),
        Column("hits", "integer", "Matches of WORD (as kwic finds them)."),
        Column(
            "per_10k", "number", "hits per 10,000 counted words of the file, rounded half up to two decimals."
        ),
        Column("plot", "string", "The file from start to end in --width characters: | where a match starts."),
    ),
    key=("file",),
)
COLLOCATES = TableSpec(
    "collocates",
    "collocates WORD",
    "Words within the window around WORD, by score (MI, log-likelihood, logDice or t-score).",
    (
        Column("collocate", "string", "The collocate, in the form written most often."),
        Column("freq_with", "integer", "Occurrences within the window of WORD (freq_left + freq_right)."),
        Column("freq_total", "integer", "Its frequency in the corpus (freq's count)."),
        Column("freq_left", "integer", "Occurrences within the window on the left of WORD."),
        Column("freq_right", "integer", "Occurrences within the window on the right of WORD."),
        Column("score", "number", "The --measure, rounded to three decimals."),
    ),
    key=("collocate",),
)
KEYWORDS = TableSpec(
    "keywords",
    "keywords --reference REFPATHS",
    "Words of the target corpus by keyness against the reference corpus, most over-used first.",
    (
        Column("word", "string", "The word, in the form written most often in the two corpora."),
        Column("target_freq", "integer", "Occurrences in the target corpus."),
        Column("reference_freq", "integer", "Occurrences in the reference corpus."),
        Column(
            "target_per_10k",
            "number",
            "Per 10,000 counted words of the target, rounded half up to two decimals.",
        ),
        Column("reference_per_10k", "number", "Per 10,000 counted words of the reference, likewise."),
        Column(
            "ll",
            "number",
            "Log-likelihood (Rayson & Garside 2000), negative where the word is rarer in the target; "
            "three decimals.",
        ),
        Column(
            "log_ratio",
            "number",
            "Hardie's Log Ratio: log2 of the ratio of the relative frequencies, a zero counted as 0.5; "
            "three decimals.",
        ),
    ),
    key=("word",),
)
TREND = TableSpec(
    "trend",
    "trend WORDS",
    "One row per word and period: how often each word occurs over time (or by source).",
    (
        Column("word", "string", "The word or phrase as given."),
        _PERIOD,
        Column("count", "integer", "Matches in the period's documents (as kwic finds them)."),
        Column(
            "per_10k",
            "number",
            "count per 10,000 counted words of the period, rounded half up to two decimals.",
        ),
        Column("documents", "integer", "Documents of the period with a match."),
        Column(
            "dispersion",
            "number",
            "Juilland's D over the period's documents (1 = even, 0 = all in one); null with fewer than two "
            "documents or no match.",
            nullable=True,
        ),
    ),
    key=("word", "period"),
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
    OFFICERS,
    OFFICER_APPEARANCES,
    OFFICER_RANKS,
    OFFICER_POSTS,
    OFFICER_EXPLAIN,
    META,
    SEGMENT_WORDS,
    FREQ,
    FREQ_BY_FILE,
    KWIC,
    FREQ_BY_PERIOD,
    KWIC_DISPERSION,
    COLLOCATES,
    KEYWORDS,
    TREND,
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
