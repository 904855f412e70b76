"""A post named in a heading before a colon, held by every officer listed after it.

"Các Thứ trưởng mới được bổ nhiệm gồm: Trung tướng A, Tư lệnh …; Trung tướng B, …", "Bộ … hiện có
9 thứ trưởng gồm: Thượng tướng C, …" and "bổ nhiệm ba Thứ trưởng Bộ Quốc phòng: …" name the post
once, in the plural ("các", "những" or a count in words or digits), right before the colon or followed by lowercase
words and "gồm" or "là". Unlike posts written right before the colon (see
:mod:`.officers`), such a post is every listed officer's even when each states an office of his own.
A heading post written without its unit takes the one unit the article names it with elsewhere ("ba
Thứ trưởng Bộ Quốc phòng" earlier in the article).

A promotion heading gives a rank instead: "… được thăng quân hàm từ Đại tá lên Thiếu tướng gồm:
Nguyễn Văn A, Chỉ huy trưởng …; Trần Văn B, …" names each officer without a rank of his own, and
the rank he holds is the one he is promoted to (see :func:`promoted_ranks`).
"""

from __future__ import annotations

from collections.abc import Callable

from vnpress.entities.officers.position import Position
from vnpress.entities.officers.posts import PostParser
from vnpress.entities.units.names import person_at
from vnpress.text.vocab import SENTENCE_AND_CLAUSE_ENDS

_PLURAL = frozenset({"các", "những", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"})
_LEADS = frozenset({"gồm", "là"})


def heading_posts(f: PostParser, colon: int) -> list[Position]:
    """The post of a plural heading that ends at token ``colon`` (a ":"), or none."""
    t = f.t
    if colon < 3 or t[colon].fold != ":":
        return []
    for i in range(colon - 2, max(-1, colon - 14), -1):
        tok = t[i]
        if tok.fold in SENTENCE_AND_CLAUSE_ENDS:
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


_PROMOTIONS = (
    ("thăng", "cấp", "bậc", "quân", "hàm"),
    ("thăng", "quân", "hàm"),
    ("phong", "quân", "hàm"),
    ("thăng", "hàm"),
)
_PROMOTION_VERBS = frozenset(p[0] for p in _PROMOTIONS)


def promoted_ranks(
    f: PostParser, ranks: list[tuple[int, int, str]], name_end: Callable[[int], int]
) -> list[tuple[int, int, str]]:
    """``(k, k, rank)`` for each officer listed after a promotion heading with no rank of his own, ``k``
    the start of his name (which ends at ``name_end(k)``): an empty rank span there, which the
    officer finder reads as a rank."""
    t, n = f.t, f.n
    rank_at = {rs: (re_, rank) for rs, re_, rank in ranks}
    out: list[tuple[int, int, str]] = []
    for i in range(n):
        if t[i].fold not in _PROMOTION_VERBS:
            continue
        phrase = next((p for p in _PROMOTIONS if tuple(x.fold for x in t[i : i + len(p)]) == p), None)
        if phrase is None:
            continue
        colon, rank = None, None
        for k in range(i + len(phrase), min(i + len(phrase) + 14, n)):
            if t[k].fold in SENTENCE_AND_CLAUSE_ENDS:
                colon = k if t[k].fold == ":" else None
                break
            if k in rank_at:
                rank = rank_at[k][1]  # "từ Đại tá lên Thiếu tướng": the last rank is the new one
        if colon is None or rank is None:
            continue
        out += _listed_names(f, colon + 1, rank, rank_at, name_end)
    return out


def _listed_names(
    f: PostParser, k: int, rank: str, rank_at: dict, name_end: Callable[[int], int]
) -> list[tuple[int, int, str]]:
    """The officers of a list from ``k``: items apart by ";" (or "," and "và" between bare names),
    each a name, then a comma and his posts or nothing. An item that is no name is passed over."""
    t, n = f.t, f.n
    out: list[tuple[int, int, str]] = []
    while k < n:
        if k + 1 < n and t[k].fold == "đồng" and t[k + 1].fold == "chí":
            k += 2
        e = name_end(k) if k < n else k
        if k in rank_at:  # an officer with a rank of his own: the rank finder has him
            k = rank_at[k][0]
        elif person_at(f.p, k) or (
            e - k >= 2 and e + 1 < n and t[e].fold == "," and f.posts.longest(t, e + 1)
        ):
            out.append((k, k, rank))  # "Nguyễn Văn A, …" or "Niê Ta, Chỉ huy trưởng …"
            if e + 1 < n and t[e].fold in (",", "và") and person_at(f.p, e + 1):
                k = e + 1  # "gồm: Nguyễn Văn A, Trần Văn B và Lê Văn C"
                continue
        while k < n and t[k].fold not in SENTENCE_AND_CLAUSE_ENDS:
            k += 1
        if k >= n or t[k].fold != ";":
            break
        k += 1
        if k < n and t[k].fold == "và":
            k += 1
    return out
