"""The lines of a saved page, classified: blank, furniture (skip), end of article, text.

A page saved as text keeps its furniture: mastheads, section names, view counters, the comment box
and the related-article lists. The headline, the byline and the publication date are looked for
among the other lines, and never after the line where the article ends ("Bài viết tương tự", "Ý
kiến bạn đọc"), since what follows belongs to other articles.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from vnpress.meta.rules import clean, patterns
from vnpress.text.boilerplate import is_boilerplate


class Line(NamedTuple):
    """One non-blank line: its number among all lines (from 0), its cleaned text, and its kind."""

    number: int
    text: str
    kind: str  # "text", "skip" or "end"


@cache
def _rules():
    return patterns("meta_furniture.txt")


def line_kind(text: str) -> str:
    """``end`` for a line after which the article is over, ``skip`` for furniture, else ``text``."""
    rules = _rules()
    if any(p.fullmatch(text) for p in rules.get("end", ())):
        return "end"
    if any(p.fullmatch(text) for p in rules.get("skip", ())) or is_boilerplate(text):
        return "skip"
    return "text"


def is_caption(text: str) -> bool:
    """Whether a line opens like a photo caption naming an officer ("Thiếu tướng A, Giám đốc …")."""
    return any(p.match(text) for p in _rules().get("caption", ()))


def page_lines(text: str) -> list[Line]:
    """The non-blank lines of ``text``, cleaned and classified, up to the end of the article (the
    first ``end`` line that comes after some article text; an ``end`` line before any text, such as a
    "Thông báo" in a site header, is only skipped)."""
    out: list[Line] = []
    seen_text = False
    for number, raw in enumerate(text.splitlines()):
        line = clean(raw)
        if not line:
            continue
        kind = line_kind(line)
        if kind == "end":
            if seen_text:
                break
            kind = "skip"
        seen_text = seen_text or kind == "text"
        out.append(Line(number, line, kind))
    return out


def is_sentence(text: str) -> bool:
    """Whether a line reads as running text rather than a headline: it ends a sentence, holds a
    sentence break, or is too long for a headline."""
    words = text.split()
    if len(words) > 45:
        return True
    stripped = text.rstrip()
    if stripped.endswith((".", ";", ":")) and not stripped.endswith(("...", "…")):
        return True
    return _SENTENCE_BREAK.search(text) is not None


_SENTENCE_BREAK = re.compile(
    r"(?<!\bTP)(?<!\bTS)(?<!\bThS)(?<!\bPGS)(?<!\bGS)(?<!\b[A-ZĐ])[.!?]\s+[A-ZĐÀ-Ỹ(“\"]"
)
