"""The headline: the first line of a saved page that reads as one.

Saved pages put furniture first (phone numbers, a clock line, breadcrumbs, section names, a
masthead); those are skipped (see :mod:`vnpress.meta.lines`). A headline is not a date line, not a
byline, not the lead (which opens with the outlet's name, "(QK7 Online) - …", or reads as running
text). When the page starts with running text there is no headline (``None``: an excerpt that begins
mid-article), unless a headline-like line is repeated further on, as pages that print the summary
first and repeat the headline under every picture do.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import Counter
from collections.abc import Sequence

from vnpress.meta.bylines import is_byline
from vnpress.meta.dates import line_date, trailing_date
from vnpress.meta.lines import Line, is_caption, is_sentence
from vnpress.meta.outlets import lead_outlet

MAX_HEAD_LINES = 12


def headline_like(text: str, today: dt.date) -> bool:
    """Whether one cleaned line could be a headline."""
    if sum(1 for w in text.split() if any(c.isalpha() for c in w)) < 2:
        return False
    if any(unicodedata.category(c) == "Cc" for c in text):  # control characters: not prose
        return False
    if is_sentence(text) or is_caption(text) or text.startswith(("(", "Ảnh", "ẢNH")):
        return False
    if line_date(text, today) is not None or lead_outlet(text) is not None:
        return False
    return not is_byline(text)


def find_title(lines: Sequence[Line], today: dt.date) -> tuple[int | None, int | None]:
    """``(title_at, body_at)``: indices into ``lines`` of the headline (or None) and of the first line
    of running text (or None)."""
    title_at = body_at = None
    for i, line in enumerate(lines[:MAX_HEAD_LINES]):
        if line.kind != "text" or len(line.text.split()) < 2 or line_date(line.text, today) is not None:
            continue  # furniture, a date line, or one token ("74nn22t12"): the head goes on
        if title_at is None and headline_like(line.text, today):
            title_at = i
            continue
        if is_byline(line.text):
            continue
        body_at = i
        break
    if title_at is not None and len(lines[title_at].text.split()) <= 4:
        # a short first line followed by a longer headline-like one is a section name we do not know
        nxt = next((j for j in range(title_at + 1, len(lines)) if lines[j].kind == "text"), None)
        if nxt is not None and nxt != body_at and headline_like(lines[nxt].text, today):
            title_at = nxt
    if title_at is None:
        counts = Counter(line.text for line in lines if line.kind == "text")
        for i, line in enumerate(lines):
            if counts[line.text] >= 2 and headline_like(line.text, today):
                title_at = i
                break
    return title_at, body_at


def title_text(line: Line, today: dt.date) -> str:
    """The headline as written, a date glued to its end and trailing separators ("|", "-") trimmed."""
    glued = trailing_date(line.text, today)
    return (glued[0] if glued else line.text).strip(" |-–—")
