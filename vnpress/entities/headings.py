"""A post named in a heading before a colon, held by every officer listed after it.

"Các Thứ trưởng mới được bổ nhiệm gồm: Trung tướng A, Tư lệnh …; Trung tướng B, …", "Bộ … hiện có
9 thứ trưởng gồm: Thượng tướng C, …" and "bổ nhiệm ba Thứ trưởng Bộ Quốc phòng: …" name the post
once, in the plural ("các", "những" or a count in words or digits), right before the colon or followed by lowercase
words and "gồm" or "là". Unlike posts written right before the colon (see
:mod:`.officers`), such a post is every listed officer's even when each states an office of his own.
A heading post written without its unit takes the one unit the article names it with elsewhere ("ba
Thứ trưởng Bộ Quốc phòng" earlier in the article).
"""

from __future__ import annotations

from .posts import Position, PostParser

_PLURAL = frozenset({"các", "những", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"})
_LEADS = frozenset({"gồm", "là"})
_SENTENCE = frozenset({".", "\n", ";", ":", "!", "?"})


def heading_posts(f: PostParser, colon: int) -> list[Position]:
    """The post of a plural heading that ends at token ``colon`` (a ":"), or none."""
    t = f.t
    if colon < 3 or t[colon].fold != ":":
        return []
    for i in range(colon - 2, max(-1, colon - 14), -1):
        tok = t[i]
        if tok.fold in _SENTENCE:
            break
        comrades = tok.fold == "chí" and i >= 2 and t[i - 1].fold == "đồng" and t[i - 2].fold in _PLURAL
        if not (tok.fold in _PLURAL or tok.is_number or comrades):  # "các (đồng chí)", "9"
            continue
        if f.posts.longest(t, i + 1) is None:
            continue
        positions, end = f.parse_positions(i + 1)
        if len(positions) != 1 or not _leads_to(t, end, colon):
            continue
        post = positions[0]
        if not post.unit_text and not post.whole:
            post.unit_text = _article_unit(f, post.post)
        return [post] if post.unit_text or post.whole else []  # not a bare "5 thành viên gồm:"
    return []


def _leads_to(t, end: int, colon: int) -> bool:
    """The post ends at the colon ("ba Thứ trưởng Bộ Quốc phòng:"), or lowercase words lead from it
    to "gồm" or "là" before the colon ("Các Thứ trưởng mới được bổ nhiệm gồm:")."""
    if end == colon:
        return True
    return t[colon - 1].fold in _LEADS and all(x.is_word and x.is_lower for x in t[end:colon])


def _article_unit(f: PostParser, post: str) -> str:
    """The one unit the article writes right after ``post`` ("Thứ trưởng Bộ Quốc phòng"), or ""."""
    t = f.t
    first = post.split()[0].casefold()
    found: set[str] = set()
    for k in range(f.n):
        if t[k].fold != first:
            continue
        m = f.posts.longest(t, k)
        if m is None or m[1].canonical != post or m[0] >= f.n:
            continue
        unit = f.p.parse(m[0], as_parent=True)
        if unit is not None and unit.complete and not unit.skip:
            found.add(unit.canonical)
    return next(iter(found)) if len(found) == 1 else ""
