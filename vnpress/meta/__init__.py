"""``vnpress meta``: title, date, authors, outlet and place of every document, one row each.

Pure functions over a document's text (see :mod:`.extract`: :mod:`.title`, :mod:`.dates`,
:mod:`.years`, :mod:`.bylines`, :mod:`.outlets`, :mod:`.places`), a date in the file's path, and a
sidecar file (:mod:`.sidecar`) whose values win over the text's. No segmentation: it is fast.
``today`` is a parameter everywhere, so that "never a date in the future" is reproducible.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable
from typing import Any

from vnpress.io.corpus import Document, Problem
from vnpress.io.render import Table
from vnpress.io.tables import META
from vnpress.meta.dates import parse_date_value
from vnpress.meta.model import DocumentMeta
from vnpress.meta.sidecar import Sidecar
from vnpress.pipeline.parallel import map_documents

__all__ = ["DocumentMeta", "Sidecar", "extract_meta", "meta_table"]


def extract_meta(text: str, path: str = "", today: dt.date | None = None) -> DocumentMeta:
    """The metadata of one text (and the date in its ``path``, if any)."""
    from vnpress.meta.extract import document_meta

    return document_meta(path, text, today or dt.date.today())


def _document(doc: Document, *, today: dt.date) -> DocumentMeta:
    """Module-level, so that a process pool can run it."""
    from vnpress.meta.extract import document_meta

    return document_meta(doc.path, doc.text, today)


def apply_sidecar(
    meta: DocumentMeta, record: dict[str, Any], source: str, on_problem: Callable[[Problem], None] | None
) -> DocumentMeta:
    """``meta`` with the sidecar's values in place of the text's; a sidecar date sets date_source."""
    for key, value in record.items():
        if key.startswith("_"):
            continue
        if key in ("date", "date_inferred"):
            date = parse_date_value(value)
            if date is None:
                if on_problem is not None:
                    where = f"{source}:{record.get('_line')}"
                    on_problem(Problem(where, f"{key} {value!r} is not a date, ignored", "warning"))
                continue
            value = date.isoformat()
            if key == "date":
                meta.date, meta.date_inferred, meta.date_source = value, None, "sidecar"
                continue
            if meta.date is not None:
                continue
            meta.date_source = "sidecar"
        setattr(meta, key, value)
    return meta


def meta_table(
    docs: Iterable[Document],
    *,
    sidecar: str | None = None,
    jobs: int | None = 1,
    today: dt.date | None = None,
    on_problem: Callable[[Problem], None] | None = None,
) -> Table:
    """The ``meta`` command's table: one row per document, in input order. A long file read in
    pieces (see :class:`~vnpress.io.corpus.Document`) is one row, from its first piece, where the
    headline and date stand."""
    side = Sidecar(sidecar) if sidecar else None  # a malformed sidecar fails here, before any document
    func = functools.partial(_document, today=today or dt.date.today())

    def rows():
        for doc, meta in map_documents(func, (d for d in docs if d.part == 0), jobs=jobs):
            record = side.lookup(doc.path) if side is not None else None
            if record:
                meta = apply_sidecar(meta, record, sidecar or "", on_problem)
            yield meta.row()

    return Table(META, rows())
