"""One document's metadata from its text and path: the headline, the dates, the byline, the outlet.

The steps share one reading of the page (:func:`vnpress.meta.lines.page_lines`): the headline and the
first line of running text are found first; the byline is the last byline line of the article; the
publication date is the date line nearest the headline; the lead (the first running-text line that
opens with an event date or the outlet's name) gives the place, the inferred date and the outlet.
"""

from __future__ import annotations

import datetime as dt

from vnpress.meta.bylines import find_byline, photo_credits
from vnpress.meta.dates import path_date, publication_date
from vnpress.meta.lines import page_lines
from vnpress.meta.model import DocumentMeta
from vnpress.meta.outlets import find_source, lead_outlet
from vnpress.meta.places import lead_place
from vnpress.meta.title import find_title, title_text
from vnpress.meta.years import infer_date, lead_day_month

LEAD_SEARCH = 5


def _lead_at(lines, body_at: int | None, byline_at: int | None, today: dt.date) -> int | None:
    """The lead: among the first lines of running text, the one that opens with the outlet's name,
    else the first with an event date, else the first."""
    if body_at is None:
        return None
    window = [
        i
        for i in range(body_at, min(len(lines), body_at + LEAD_SEARCH))
        if lines[i].kind == "text" and i != byline_at
    ]
    for i in window:
        if lead_outlet(lines[i].text):
            return i
    for i in window:
        if lead_day_month(lines[i].text, today):
            return i
    return window[0] if window else None


def document_meta(path: str, text: str, today: dt.date) -> DocumentMeta:
    """The metadata of one document (no sidecar): see the module's docstring."""
    lines = page_lines(text)
    title_at, body_at = find_title(lines, today)
    byline_at, byline = find_byline(lines, {title_at} if title_at is not None else set())
    meta = DocumentMeta(file=path)
    if title_at is not None:
        meta.title = title_text(lines[title_at], today)
    lead_at = _lead_at(lines, body_at, byline_at, today)
    stated = publication_date(lines, today, title_at, body_at)
    from_path = path_date(path, today)
    if stated is not None:
        meta.date, meta.date_source = stated.isoformat(), "text"
    elif from_path is not None:
        meta.date, meta.date_source = from_path.isoformat(), "path"
    else:
        inferred = infer_date(lines, lead_at, today)
        if inferred is not None:
            meta.date_inferred, meta.date_source = inferred.isoformat(), "inferred"
    if byline is not None:
        meta.authors = list(byline.authors)
    credits = photo_credits(lines)
    for name in byline.photo_credits if byline else ():
        if name not in credits:
            credits.append(name)
    meta.photo_credits = credits
    meta.source = find_source(lines, 0, byline.source if byline else None)
    if lead_at is not None:
        meta.place = lead_place(lines[lead_at].text)
    return meta
