"""The commands of the archive as a database: index (build it), search (full text) and serve
(browse it in Datasette). Every other command reads an index given in place of PATHS."""

from __future__ import annotations

import click

from vnpress.cli.app import (
    Inputs,
    Output,
    cli,
    finish,
    index_filter_options,
    input_options,
    output_options,
    segmenter_option,
)
from vnpress.io.render import Table
from vnpress.io.tables import INDEX_SUMMARY


@cli.command()
@input_options
@output_options
@click.option(
    "--db",
    "db",
    required=True,
    type=click.Path(dir_okay=False),
    metavar="FILE",
    envvar="VNPRESS_DB",
    help="The SQLite database to create or update.",
)
@click.option("--prune", is_flag=True, help="Remove the documents whose files are gone.")
@segmenter_option
def index(inputs: Inputs, output: Output, db, prune, segmenter) -> int:
    """Build or update an SQLite index of the archive: documents, mentions, abbreviations, words,
    full-text search. A rerun re-analyses only the files whose text changed (by SHA-256).

    Every command then reads the index in place of PATHS (vnpress freq press.db), with
    --since/--until/--source/--where to select documents; vnpress schema index prints its schema.
    Prints one row: the documents in the index, and how many were added, changed, unchanged, removed.

    \b
    Example: vnpress index seeds/ --db press.db
    """
    import os

    from vnpress.errors import UsageError
    from vnpress.index.build import build_index

    source = getattr(inputs.index, "path", None)
    if source is not None and os.path.realpath(source) == os.path.realpath(db):
        raise UsageError(f"{db}: the index to write cannot be the one read")
    summary = build_index(
        inputs.documents(),
        db,
        prune=prune,
        jobs=inputs.jobs,
        use_cache=inputs.use_cache,
        segmenter=segmenter,
    )
    output.emit(Table(INDEX_SUMMARY, [{"db": db, **summary.counts()}]))
    return finish()


def _filters(f):
    for decorator in reversed(index_filter_options()):
        f = decorator(f)
    return f


@cli.command()
@click.argument("query")
@click.option(
    "--db",
    "db",
    required=True,
    type=click.Path(dir_okay=False),
    metavar="FILE",
    envvar="VNPRESS_DB",
    help="The index made by vnpress index.",
)
@output_options
@click.option("--fold", is_flag=True, help="Ignore tones and vowel marks (tuong finds tướng and tương).")
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=20,
    show_default=True,
    metavar="N",
    help="Rows to print (0 = all).",
)
@_filters
def search(query, db, output: Output, fold, limit, since, until, source, where) -> int:
    """Full-text search of the index, best match first (bm25), with a snippet of each document.

    QUERY is SQLite FTS5's syntax: words (all must occur), "a phrase", prefix*, AND, OR, NOT,
    parentheses, title: for the headline only. Words match in one tone spelling (uỷ = ủy) with
    their diacritics (tướng ≠ tương) unless --fold. A malformed QUERY is a usage error (exit 2).

    \b
    Example: vnpress search '"Quân khu 7"' --db press.db
    """
    from vnpress.index.filters import Filters, check_date
    from vnpress.index.search import search_table

    filters = Filters(check_date("--since", since), check_date("--until", until), source, where)
    output.emit(search_table(db, query, fold=fold, limit=limit, filters=filters))
    return finish()


@cli.command()
@click.argument("db", type=click.Path(dir_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on.")
@click.option(
    "-p", "--port", type=click.IntRange(0, 65535), default=8001, show_default=True, help="The port."
)
@click.option(
    "--metadata",
    "metadata_path",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Where to write Datasette's metadata (default: next to the index, FILE.metadata.json).",
)
@click.option("--open", "open_browser", is_flag=True, help="Open a browser on the page.")
def serve(db, host, port, metadata_path, open_browser) -> int:
    """Browse the index in Datasette (pip install 'vnpress[serve]'), with descriptions, facets,
    labels and canned queries (an officer's timeline, who held a post, resolutions by year, search).

    \b
    Example: vnpress serve press.db
    """
    from vnpress.index.serve import serve_index

    return serve_index(db, host=host, port=port, metadata_path=metadata_path, open_browser=open_browser)
