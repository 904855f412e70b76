"""Bylines and photo credits: who wrote the article, who took its pictures.

The byline is a line of its own, usually the last of the article: names ("NGUYỄN BẰNG", "Thanh Sang,
Đức Việt"), perhaps after a head ("Tin, ảnh: VĂN TOẢN", "Bài và ảnh: …") or before a tail ("(thực
hiện)", "(theo mod.gov.vn)"). "PV" names nobody. A name is two to five capitalised syllables; ALL-CAPS
names are given in Title Case. A photo credit ("Ảnh: Kim Hồng") names the photographer, not the
writer, and an officer named in the last sentence is inside running text, never a byline. The heads,
tails and the words that are never part of a name are in ``data/meta_bylines.txt``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from vnpress.meta.lines import Line
from vnpress.meta.rules import patterns

_SEPARATORS = re.compile(r"\s*(?:,|;|&|\s[-–—]\s|\s+và\s+)\s*")


class Byline(NamedTuple):
    authors: tuple[str, ...]
    photo_credits: tuple[str, ...]
    source: str | None


@cache
def _rules():
    return patterns("meta_bylines.txt")


def title_case(name: str) -> str:
    """ALL-CAPS words in Title Case ("NGUYỄN BẰNG" → "Nguyễn Bằng"); other words as written."""
    return " ".join(w.capitalize() if w.isupper() and len(w) > 1 else w for w in name.split())


def is_name(text: str) -> bool:
    """Whether ``text`` is a person's name: two to five capitalised syllables, none a furniture word."""
    words = text.split()
    if not 2 <= len(words) <= 5:
        return False
    for w in words:
        if not w.isalpha() or not w[0].isupper():
            return False
        if not (w[1:].islower() or w.isupper()):
            return False
    return not any(rx.search(text) for rx in _rules().get("notname", ()))


def _names(text: str) -> list[str] | None:
    parts = [p.strip(" .") for p in _SEPARATORS.split(text) if p.strip(" .")]
    if not parts or len(parts) > 6 or not all(is_name(p) for p in parts):
        return None
    return [title_case(p) for p in parts]


def parse_byline(text: str) -> Byline | None:
    """The byline a cleaned line holds, or None when the line is not one."""
    rules = _rules()
    rest, source = text.strip(), None
    changed = True
    while changed and rest:
        changed = False
        for rx in rules.get("tail", ()):
            m = rx.search(rest)
            if m and m.start() > 0:
                source = m.groupdict().get("source") or source
                rest, changed = rest[: m.start()].strip(), True
    photo = False
    for kind in ("photo_head", "head"):
        for rx in rules.get(kind, ()):
            m = rx.match(rest)
            if m:
                rest, photo = rest[m.end() :].strip(), photo or kind == "photo_head"
                break
        else:
            continue
        break
    if any(rx.fullmatch(rest) for rx in rules.get("anonymous", ())):
        return Byline((), (), source)
    names = _names(rest)
    if names is None:
        return None
    return Byline(tuple(names), tuple(names) if photo else (), source)


def is_byline(text: str) -> bool:
    return parse_byline(text) is not None


def find_byline(lines: Sequence[Line], skip: set[int]) -> tuple[int | None, Byline | None]:
    """The last byline line of the article (indices in ``skip``, the headline's, are not looked at)."""
    for i in range(len(lines) - 1, -1, -1):
        if i in skip or lines[i].kind != "text":
            continue
        byline = parse_byline(lines[i].text)
        if byline is not None:
            return i, byline
    return None, None


def photo_credits(lines: Sequence[Line]) -> list[str]:
    """The names of every "Ảnh: …" credit, in order of first appearance ("Trọng Đức/TTXVN" → "Trọng Đức")."""
    out: list[str] = []
    for line in lines:
        if line.kind != "text":
            continue
        for rx in _rules().get("photo", ()):
            for m in rx.finditer(line.text):
                value = re.sub(r"\s*/\s*[^/]*$", "", m["names"]).strip()
                for name in _names(value) or ():
                    if name not in out:
                        out.append(name)
    return out
