"""The period of a document, for trends: its year, month or source, from ``vnpress meta``.

A document's date is the one ``vnpress meta`` gives it: the date stated in the text, else one in the
file's path, else the inferred one (the lead's day and month with a year the text gives). Its source
is the outlet the text names for itself. A document without one is in the period ``unknown``.

The text's part is computed next to the segmenter (:func:`text_stamp`, cached with the analysis, so
keyed by the text alone); the path's part is added in the parent (:func:`stamp_period`), since the
same text may sit at two paths.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from vnpress.io.corpus import Document
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


def document_date(path: str, stamp: TextStamp | None, today: dt.date) -> str | None:
    """The date ``vnpress meta`` gives: stated in the text, else in the path, else inferred."""
    if stamp is not None and stamp.stated:
        return stamp.stated
    from vnpress.meta.dates import path_date

    from_path = path_date(path, today)
    if from_path is not None:
        return from_path.isoformat()
    return stamp.inferred if stamp is not None else None


def period_of(by: str, date: str | None, source: str | None) -> str:
    """The period of a document by ``by`` (one of :data:`PERIODS`)."""
    if by == "source":
        return source or UNKNOWN
    if not date:
        return UNKNOWN
    return date[:4] if by == "year" else date[:7]


def stamp_period(by: str, path: str, stamp: TextStamp | None, today: dt.date) -> str:
    return period_of(by, document_date(path, stamp, today), stamp.source if stamp is not None else None)


def period_order(period: str) -> tuple:
    """Periods in time order (or a source's name in dictionary order), ``unknown`` last."""
    return (period == UNKNOWN, collation_key(period), period)
