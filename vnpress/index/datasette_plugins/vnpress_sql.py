"""A Datasette plugin that ``vnpress serve`` loads (``--plugins-dir``): the SQL functions its canned
queries use, so that a search typed in the browser is brought to the indexed form as ``vnpress
search`` brings it (``vnpress_query``: normalised; ``vnpress_fold_query``: folded)."""

from datasette import hookimpl


@hookimpl
def prepare_connection(conn):
    from vnpress.index.search import fts_query

    conn.create_function("vnpress_query", 1, lambda q: fts_query(q or "", fold=False), deterministic=True)
    conn.create_function("vnpress_fold_query", 1, lambda q: fts_query(q or "", fold=True), deterministic=True)
