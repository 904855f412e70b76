"""The period of a document, for trends: its year, month or source, from ``vnpress meta``.

A document's date is the one ``vnpress meta`` gives it: the date stated in the text, else one in the
file's path, else the inferred one (the lead's day and month with a year the text gives). Its source
is the outlet the text names for itself. A document without one is in the period ``unknown``.

The text's part is computed next to the segmenter (:func:`text_stamp`, cached with the analysis, so
keyed by the text alone); the path's part and a sidecar's (``--meta FILE``, whose date and source
win, as in ``vnpress meta``) are added in the parent (:class:`Periods`), since the same text may sit
at two paths.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import NamedTuple

from vnpress.io.corpus import Document, Problem
from vnpress.text.collation import collation_key

PERIODS = ("year", "month", "source")
UNKNOWN = "unknown"


class TextStamp(NamedTuple):
    """What a document's text says of its date and outlet (``vnpress meta``'s fields)."""

    stated: str | None
    inferred: str | None
    source: str | None


def text_stamp(doc: Document, today: dt.date) -> TextStamp | None:
    """The stamp of a document's text; None for a piece after the first of a long file."""
    if doc.part:
        return None
    from vnpress.meta import extract_meta

    meta = extract_meta(doc.text, "", today)
    stated = meta.date if meta.date_source == "text" else None
    return TextStamp(stated, meta.date_inferred, meta.source)


def stated_dates(path: str, stamp: TextStamp | None, today: dt.date) -> tuple[str | None, str | None]:
    """``(date, date_inferred)`` as ``vnpress meta`` gives them: the date stated in the text, else in
    the path; the inferred one only when neither states one."""
    if stamp is not None and stamp.stated:
        return stamp.stated, None
    from vnpress.meta.dates import path_date

    from_path = path_date(path, today)
    if from_path is not None:
        return from_path.isoformat(), None
    return None, stamp.inferred if stamp is not None else None


def document_date(path: str, stamp: TextStamp | None, today: dt.date) -> str | None:
    """The date ``vnpress meta`` gives: stated in the text, else in the path, else inferred."""
    date, inferred = stated_dates(path, stamp, today)
    return date or inferred


def period_of(by: str, date: str | None, source: str | None) -> str:
    """The period of a document by ``by`` (one of :data:`PERIODS`)."""
    if by == "source":
        return source or UNKNOWN
    if not date:
        return UNKNOWN
    return date[:4] if by == "year" else date[:7]


class Periods:
    """The period of each document by ``by``, with a sidecar's date and source when given (a
    malformed sidecar fails when this is made, before any document is read)."""

    def __init__(
        self,
        by: str,
        today: dt.date,
        sidecar: str | None = None,
        on_problem: Callable[[Problem], None] | None = None,
    ):
        from vnpress.meta import Sidecar

        self.by, self.today, self.on_problem = by, today, on_problem
        self.sidecar_path = sidecar
        self.sidecar = Sidecar(sidecar) if sidecar else None

    def dated(self, path: str, stamp: TextStamp | None) -> tuple[str | None, str | None]:
        """``(date, source)`` of a document."""
        date, inferred = stated_dates(path, stamp, self.today)
        source = stamp.source if stamp is not None else None
        record = self.sidecar.lookup(path) if self.sidecar is not None else None
        if not record:
            return date or inferred, source
        from vnpress.meta import DocumentMeta, apply_sidecar

        meta = DocumentMeta(path, date=date, date_inferred=inferred, source=source)
        meta = apply_sidecar(meta, record, self.sidecar_path or "", self.on_problem)
        return meta.best_date, meta.source

    def __call__(self, path: str, stamp: TextStamp | None) -> str:
        return period_of(self.by, *self.dated(path, stamp))


def period_order(period: str) -> tuple:
    """Periods in time order (or a source's name in dictionary order), ``unknown`` last."""
    return (period == UNKNOWN, collation_key(period), period)
