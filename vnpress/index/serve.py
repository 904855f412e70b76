"""``vnpress serve``: the index in Datasette, with the metadata vnpress writes for it (descriptions
of every table and column, facets, labels, canned queries) and the SQL functions of its searches
(:mod:`vnpress.index.datasette_plugins.vnpress_sql`).

Datasette is an optional dependency (``pip install 'vnpress[serve]'``); without it the command says
so in one line. The server replaces the ``vnpress`` process (``exec``): stopping it is stopping the
server.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path
from typing import Any

from vnpress.errors import VnpressError

PLUGINS_DIR = Path(__file__).resolve().parent / "datasette_plugins"

_DOCUMENT_COLUMNS = {
    "path": "The file as given to vnpress index (the file column of every command).",
    "key": "Its real path: what identifies the file across runs.",
    "sha256": "SHA-256 of the text as decoded: a changed hash re-analyses the document.",
    "chars": "Characters of the text.",
    "words": "Counted words, as vnpress freq counts them (stop words left out).",
    "title": "The headline (vnpress meta).",
    "date": "The stated publication date.",
    "date_inferred": "The lead's day and month with a year the text gives, when no date is stated.",
    "document_date": "date, else date_inferred.",
    "year": "The year of document_date.",
    "authors": "The byline's names (JSON).",
    "source": "The outlet the text names for itself.",
    "place": "The dateline place.",
    "body": "The text as decoded.",
    "indexed_at": "When the document was last analysed (UTC).",
}

_MENTION_COLUMNS = {
    "type": "officer, rank, unit or resolution.",
    "start": "Offset of the mention's first character in the document's text.",
    "end": "Offset just after its last character.",
    "text": "The mention as written.",
    "canonical": "Its canonical form (abbreviations spelled out, a rank in its standard spelling).",
    "name": "officer: the name as written; resolution: the title of a document named by its title.",
    "rank": "An officer's rank.",
    "positions": "An officer's posts as the article states them (JSON).",
    "kind": "resolution: Nghị quyết, Chỉ thị, Luật …",
    "number": "resolution: the number or code as written.",
    "term": "resolution: the party congress term.",
    "issuer": "resolution: the bodies that issued it (JSON).",
    "date": "resolution: the date it was issued.",
    "document_date": "The article's date.",
    "year": "The year of the article's date.",
}

QUERIES: dict[str, dict[str, Any]] = {
    "officer_timeline": {
        "title": "An officer's timeline",
        "description": "The documents that name a person (any part of his name, accents and case as typed), "
        "in date order, with the rank and posts each gives (from vnpress officers).",
        "sql": (
            "select a.date, a.name, a.rank, a.positions, a.file, d.title, a.person\n"
            "from appearances a left join documents d on d.id = a.document_id\n"
            "where a.name like '%' || :name || '%'\n"
            "order by a.person, a.date is null, a.date, a.file"
        ),
    },
    "who_held_a_post": {
        "title": "Who held a post, and when",
        "description": "The people seen in a post (any part of it: Chính ủy Quân khu 7), first and last seen.",
        "sql": (
            "select p.post, p.name, p.first_seen, p.last_seen, p.documents, p.former, p.person\n"
            "from posts p where p.post like '%' || :post || '%'\n"
            "order by p.first_seen is null, p.first_seen, p.name"
        ),
    },
    "resolutions_by_year": {
        "title": "Resolutions and other documents cited, by year",
        "description": "How often each document was cited in the articles of each year.",
        "sql": "select year, title, kind, number, term, mentions, documents from resolutions_by_year\n"
        "order by year desc, mentions desc, title",
    },
    "search": {
        "title": "Search the articles",
        "description": (
            'Full-text search as vnpress search does it: words, "phrases", prefix*, AND, OR, NOT; '
            "uỷ = ủy, tướng ≠ tương."
        ),
        "sql": (
            "select d.path, d.document_date, d.title,\n"
            "  snippet(documents_fts, -1, '«', '»', '…', 16) as snippet, -bm25(documents_fts) as score\n"
            "from documents_fts join documents d on d.id = documents_fts.rowid\n"
            "where documents_fts match vnpress_query(:q) order by bm25(documents_fts) limit 100"
        ),
    },
    "search_folded": {
        "title": "Search the articles, ignoring tones and marks",
        "description": "As search, with tones and vowel marks ignored (tuong finds tướng and tương).",
        "sql": (
            "select d.path, d.document_date, d.title,\n"
            "  snippet(documents_fold, -1, '«', '»', '…', 16) as snippet, -bm25(documents_fold) as score\n"
            "from documents_fold join documents d on d.id = documents_fold.rowid\n"
            "where documents_fold match vnpress_fold_query(:q) order by bm25(documents_fold) limit 100"
        ),
    },
}


def metadata(db: str) -> dict[str, Any]:
    """Datasette's metadata for the index ``db``."""
    name = Path(db).stem
    tables: dict[str, Any] = {
        "documents": {
            "description": "One row per article: its metadata and text (vnpress meta).",
            "label_column": "title",
            "facets": ["source", "year", "date_source"],
            "sort_desc": "document_date",
            "fts_table": "documents_fts",
            "fts_pk": "id",
            "columns": _DOCUMENT_COLUMNS,
        },
        "mentions": {
            "description": "One row per entity mention (vnpress entities --mentions).",
            "label_column": "canonical",
            "facets": ["type", "rank", "kind", "year"],
            "columns": _MENTION_COLUMNS,
        },
        "units": {
            "description": "Units and party/state bodies the articles mention.",
            "label_column": "name",
            "sort_desc": "mentions",
        },
        "documents_cited": {
            "description": "Resolutions, laws, directives … the articles cite.",
            "label_column": "title",
            "facets": ["kind", "term", "year"],
            "sort_desc": "mentions",
        },
        "abbreviations": {
            "description": "Abbreviations of each article with their expansions (vnpress expand-abbrev --by-file).",
            "label_column": "abbreviation",
            "facets": ["source"],
        },
        "words": {
            "description": "Per-article word counts (vnpress freq --by-file --top 0).",
            "label_column": "word",
        },
        "people": {
            "title": "Officers",
            "description": "The who's-who (vnpress officers): one row per person, with rank and post histories.",
            "label_column": "name",
            "facets": ["rank"],
            "sort_desc": "documents",
        },
        "appearances": {
            "description": "One row per person and document (vnpress officers --appearances).",
            "label_column": "name",
            "facets": ["rank"],
        },
        "ranks": {
            "description": "Rank histories (vnpress officers --ranks).",
            "label_column": "name",
            "facets": ["rank"],
        },
        "posts": {
            "description": "Post histories (vnpress officers --posts).",
            "label_column": "name",
            "facets": ["title", "unit", "former"],
        },
        "people_by_year": {"description": "The people seen each year, with their ranks that year."},
        "officers_by_year": {
            "description": "Officers mentioned each year (by the articles' dates).",
            "facets": ["year", "rank"],
        },
        "resolutions_by_year": {
            "description": "Documents cited each year (by the articles' dates).",
            "facets": ["year", "kind"],
        },
        "post_holders": {"description": "Who held a post when: each post an article gives an officer."},
        "texts": {"hidden": True},
        "index_info": {"hidden": True},
        "documents_fold": {"hidden": True},
    }
    return {
        "title": f"vnpress index: {Path(db).name}",
        "description": (
            "Vietnamese military and party press, indexed by vnpress: articles, officers, units, "
            "documents cited, abbreviations and words."
        ),
        "databases": {name: {"tables": tables, "queries": QUERIES}},
    }


def write_metadata(db: str, path: str) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(metadata(db), fh, ensure_ascii=False, indent=2)
        fh.write("\n")


def datasette_command(db: str, metadata_path: str, host: str, port: int, open_browser: bool) -> list[str]:
    cmd = [
        sys.executable,
        "-m",
        "datasette",
        "serve",
        db,
        "--metadata",
        metadata_path,
        "--plugins-dir",
        str(PLUGINS_DIR),
        "--host",
        host,
        "--port",
        str(port),
        "--setting",
        "truncate_cells_html",
        "300",
    ]
    if open_browser:
        cmd.append("--open")
    return cmd


def serve_index(
    db: str,
    *,
    host: str = "127.0.0.1",
    port: int = 8001,
    metadata_path: str | None = None,
    open_browser: bool = False,
) -> int:
    """Write the metadata and replace this process by Datasette serving ``db``."""
    from vnpress.index.read import open_reader_checked

    if importlib.util.find_spec("datasette") is None:
        raise VnpressError("vnpress serve needs Datasette: pip install 'vnpress[serve]'")
    open_reader_checked(db).close()  # an index, or one line saying why not
    metadata_path = metadata_path or f"{db}.metadata.json"
    try:
        write_metadata(db, metadata_path)
    except OSError as e:
        raise VnpressError(f"{metadata_path}: {e.strerror}") from None
    cmd = datasette_command(db, metadata_path, host, port, open_browser)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(cmd[0], cmd)
    return 0  # pragma: no cover - execv does not return
