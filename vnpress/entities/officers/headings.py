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

from vnpress.entities.officers.asides import skip_aside
from vnpress.entities.officers.phrases import PhraseKind, match, phrases, words
from vnpress.entities.officers.position import Position
from vnpress.entities.officers.posts import PostParser
from vnpress.entities.units.names import person_at
from vnpress.text.vocab import SENTENCE_AND_CLAUSE_ENDS, SENTENCE_ENDS

PLURAL = frozenset({"các", "những", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"})
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
        comrades = tok.fold == "chí" and i >= 2 and t[i - 1].fold == "đồng" and t[i - 2].fold in PLURAL
        if not (tok.fold in PLURAL or tok.is_number or comrades):  # "các (đồng chí)", "9"
            continue
        head = f.posts.longest(t, i + 1)
        if head is None or "needunit" in head[1].flags:
            continue  # "3 cán bộ, chiến sĩ công an: …": who they are, not a post they hold
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


_PROMOTIONS = phrases(PhraseKind.PROMOTION)  # vnpress/data/officer_phrases.tsv
_PROMOTION_VERBS = frozenset(p[0] for p in _PROMOTIONS)
_HONORIFICS = words(PhraseKind.HONORIFIC)  # "ông A (53 tuổi), Cục trưởng …"
_RECIPIENTS = phrases(PhraseKind.RECIPIENT)  # "… đối với Thứ trưởng A", "… cho Thiếu tướng B"
_PASSIVE = frozenset({"được"})  # "A, Thứ trưởng …, được thăng cấp bậc hàm …"
_ADVERBS = frozenset({"vừa", "đã", "cũng", "mới", "sẽ"})
_LIST_START = frozenset({"gồm", ":"})


def promotions(f: PostParser, ranks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``(start, end, rank)`` of each promotion in the text: from its phrase to the rank conferred
    (the last rank before the sentence goes on: "thăng cấp bậc hàm từ Đại tá lên Thiếu tướng")."""
    t, n = f.t, f.n
    rank_at = {rs: (re_, rank) for rs, re_, rank in ranks}
    out: list[tuple[int, int, str]] = []
    for i in range(n):
        if t[i].fold not in _PROMOTION_VERBS:
            continue
        phrase = match(t, i, PhraseKind.PROMOTION)
        if phrase is None:
            continue
        rank, end = None, i + len(phrase)
        k = end
        while k < min(end + 8, n):
            if k in rank_at:
                rank, k = rank_at[k][1], rank_at[k][0]
                end = k
                if k < n and t[k].fold in ("lên", "từ"):
                    k += 1
                    continue
                if k + 1 < n and t[k].fold == "," and (k + 1) in rank_at:
                    continue
                break
            if (
                t[k].fold in SENTENCE_AND_CLAUSE_ENDS
                or t[k].fold in _LIST_START
                or match(t, k, PhraseKind.RECIPIENT)
            ):
                break  # "thăng quân hàm cho Trung tướng A": his rank, not one conferred
            k += 1
        if rank is not None:
            out.append((i, end, rank))
    return out


def promoted_ranks(
    f: PostParser, ranks: list[tuple[int, int, str]], name_end: Callable[[int], int]
) -> list[tuple[int, int, str]]:
    """``(k, k, rank)`` for each person a promotion names without a rank of his own, ``k`` the start
    of his name (which ends at ``name_end(k)``): an empty rank span there, which the officer finder
    reads as a rank. Three ways of naming him: in a list after a colon or "gồm" ("… lên Thiếu tướng
    gồm: ông A (53 tuổi), Cục trưởng …; ông B, …"); after a recipient word ("… lên Thượng tướng đối
    với Thứ trưởng Bộ Công an Nguyễn Văn Sơn", "… đối với hai Thứ trưởng là ông A và ông B"); or
    before "được" ("Thứ trưởng Nguyễn Văn A được thăng cấp bậc hàm từ …", "ông B, Chánh Văn phòng,
    được thăng quân hàm …")."""
    t, n = f.t, f.n
    rank_at = {rs: (re_, rank) for rs, re_, rank in ranks}
    out: list[tuple[int, int, str]] = []
    for start, end, rank in promotions(f, ranks):
        k = end
        while (
            k < min(n, end + 12)
            and t[k].fold not in SENTENCE_AND_CLAUSE_ENDS
            and t[k].fold not in _LIST_START
        ):
            if match(t, k, PhraseKind.RECIPIENT) is not None:
                break
            k += 1
        if k + 1 < n and t[k].fold == "," and t[k + 1].fold == "gồm":
            k += 1  # "2 Trung tướng được thăng lên Thượng tướng, gồm …"
        if k < n and t[k].fold in _LIST_START:
            k += 2 if k + 1 < n and t[k].fold == "gồm" and t[k + 1].fold == ":" else 1
            out += _listed_names(f, k, rank, rank_at, name_end)
        elif k < n and (recipient := match(t, k, PhraseKind.RECIPIENT)) is not None:
            out += _recipients(f, k + len(recipient), rank, rank_at, name_end)
        before = _passive_subject(f, start, rank_at, name_end)
        if before is not None:
            out += [(s, s, rank) for s in (*_listed_before(f, before, rank_at, name_end), before)]
    return out


def _listed_before(f: PostParser, s: int, rank_at: dict, name_end: Callable[[int], int]) -> list[int]:
    """The names listed before the one at ``s``, each apart by "," or "và" ("gồm các ông A, B và ông
    C được thăng …"), first to last."""
    t = f.t
    out: list[int] = []
    k = s
    while True:
        j = k - 1
        if j >= 0 and t[j].fold in _HONORIFICS:
            j -= 1
        if j < 1 or t[j].fold not in (",", "và"):
            break
        found = next(
            (
                x
                for x in range(max(0, j - 6), j - 1)
                if x not in rank_at
                and person_at(f.p, x)
                and name_end(x) == j
                and not (x > 0 and t[x - 1].is_cap and person_at(f.p, x - 1))
            ),
            None,
        )
        if found is None:
            break
        out.insert(0, found)
        k = found
    return out


def _recipients(
    f: PostParser, k: int, rank: str, rank_at: dict, name_end: Callable[[int], int]
) -> list[tuple[int, int, str]]:
    """The people named right after a recipient word: "Thứ trưởng Bộ Công an Nguyễn Văn Sơn", "ông
    A", "hai Thứ trưởng Bộ Công an là ông A và ông B", "các đồng chí Thứ trưởng: A và B"."""
    t, n = f.t, f.n
    if k < n and (t[k].fold in PLURAL or t[k].is_number):
        k += 1
        listed = _class_then_list(t, k)
        if listed is not None:  # "… cho 9 tướng lãnh, trong đó có A, B …", "… cho 7 sĩ quan gồm: …"
            found = _listed_names(f, listed, rank, rank_at, name_end)
            if t[listed - 1].fold == ":":  # "cho hai sĩ quan cấp cao: A, … và B, …": "và" after posts
                joined = _colon_list(f, listed, rank, rank_at, name_end)
                found = joined if len(joined) > len(found) else found
            return found
    if k + 1 < n and t[k].fold == "đồng" and t[k + 1].fold == "chí":
        k += 2
    if k < n and f.posts.longest(t, k) is not None and not person_at(f.p, k):
        positions, e = f.parse_positions(k)
        inside = next((x for x in range(k + 2, e) if person_at(f.p, x)), None)
        if inside is not None:  # "… cho Giám đốc Học viện Quốc phòng Trần Việt Khoa": the unit ends at him
            f.p.persons = f.p.persons | {inside}
            positions, e = f.parse_positions(k)
        # past the posts; or, for a role without its unit ("… với chiến sĩ Tống Duy Tân"), its words
        k = e if positions else f.posts.longest(t, k)[0]
    if k < n and t[k].fold == ":":  # "… đối với các đồng chí: A, Thứ trưởng …; B, …": a list
        return _listed_names(f, k + 1, rank, rank_at, name_end)
    if k < n and t[k].fold == "là":
        k += 1
    out: list[tuple[int, int, str]] = []
    while k < n:
        if t[k].fold in _HONORIFICS and k + 1 < n and t[k + 1].is_cap:
            k += 1
        if k in rank_at or not person_at(f.p, k):
            break
        e = name_end(k)
        if e - k < 2:
            break
        out.append((k, k, rank))
        if e + 1 < n and t[e].fold in (",", "và") and (t[e + 1].fold in _HONORIFICS or person_at(f.p, e + 1)):
            k = e + 1
            continue
        break
    return out


def _colon_list(
    f: PostParser, k: int, rank: str, rank_at: dict, name_end: Callable[[int], int]
) -> list[tuple[int, int, str]]:
    """The people of "…: Trần Quang Phương, Ủy viên …, Phó Chủ nhiệm … và Đỗ Căn, Phó Chủ nhiệm …":
    each a name and his posts, the next after "và" or a semicolon."""
    t, n = f.t, f.n
    out: list[tuple[int, int, str]] = []
    while k < n and k not in rank_at and person_at(f.p, k):
        e = name_end(k)
        if e - k < 2:
            break
        out.append((k, k, rank))
        if e + 1 < n and t[e].fold == ",":
            _, e = f.parse_positions(e + 1)
        if e + 1 < n and t[e].fold in ("và", ";", ","):
            k = e + 1 + (1 if e + 2 < n and t[e].fold == ";" and t[e + 1].fold == "và" else 0)
            continue
        break
    return out


_LIST_LEADS = (("trong", "đó", "có"), ("gồm", ":"), ("gồm",), (":",), ("là",))
_CLASS_WORDS = 8  # the most words a class of people may take before its list


def _class_then_list(t, k: int) -> int | None:
    """After a count, the start of the list its class of people leads to: "9 | tướng lãnh trong đó
    có A …", "7 | sĩ quan cấp cao, gồm: A …"; None unless the class is a few lowercase words."""
    n = len(t)
    for j in range(k, min(k + _CLASS_WORDS + 1, n)):  # "hai | sĩ quan quân đội cấp cao: …"
        for lead in _LIST_LEADS:
            if tuple(x.fold for x in t[j : j + len(lead)]) == lead:
                return j + len(lead) if j > k else None
        if t[j].fold != "," and not t[j].is_lower:
            return None
    return None


def passive_at(t, start: int) -> int | None:
    """The "được" before the promotion at ``start`` ("… được thăng quân hàm", "… vừa được Chủ tịch
    nước quyết định thăng quân hàm"), or None."""
    for k in range(start - 1, max(-1, start - 12), -1):
        if t[k].fold in SENTENCE_AND_CLAUSE_ENDS:
            return None
        if t[k].fold in _PASSIVE:
            return k
    return None


def _passive_subject(f: PostParser, start: int, rank_at: dict, name_end: Callable[[int], int]) -> int | None:
    """The start of the name of the person "được" promoted, before the promotion at ``start``: "Thứ
    trưởng Bộ Công an Nguyễn Duy Ngọc được thăng …", "ông Tô Ân Xô, Chánh Văn phòng …, được thăng …";
    none when the name has a rank of its own (the rank finder has him) or no "được" leads to it."""
    t = f.t
    k = passive_at(t, start)
    if k is None:
        return None
    k -= 1
    while k >= 0 and t[k].fold in _ADVERBS:
        k -= 1
    ranked = [(re_, name_end(re_)) for re_, _ in rank_at.values() if re_ < f.n]
    for s in range(max(0, k - 30), k + 1):
        if t[s].fold in SENTENCE_AND_CLAUSE_ENDS:
            continue
        if s in rank_at or any(re_ <= s < e for re_, e in ranked) or not person_at(f.p, s):
            continue  # a ranked officer's name, or a surname inside it ("Trung tướng Nguyễn Doãn Anh")
        if s > 0 and t[s - 1].is_cap and person_at(f.p, s - 1):
            continue  # "Nguyễn Doãn Anh": "Doãn Anh" is no name of its own
        e = name_end(s)
        if e - s < 2:
            continue
        if e == k + 1:
            return s
        if t[e].fold == "," and t[k].fold == ",":
            positions, pend = f.parse_positions(e + 1)
            if positions and pend == k:
                return s
    return None


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
        if k + 1 < n and t[k].fold in _HONORIFICS and t[k + 1].is_cap:
            k += 1  # "ông A (53 tuổi), …"
        if k < n and f.posts.longest(t, k) is not None and not person_at(f.p, k):
            # "gồm Tổng Tham mưu trưởng, Thứ trưởng Bộ Quốc phòng Phan Văn Giang, …": posts, then his name
            _, pe = f.parse_positions(k)
            if pe < n and person_at(f.p, pe) and pe not in rank_at and name_end(pe) - pe >= 2:
                out.append((pe, pe, rank))
                e = name_end(pe)
                if e + 1 < n and t[e].fold in (",", "và", ";") and f.posts.longest(t, e + 1) is not None:
                    k = e + 1
                    continue
                k = e
        e = name_end(k) if k < n else k
        a = skip_aside(f, e) if k < n else e  # his age: "(53 tuổi)"
        if k in rank_at:  # an officer with a rank of his own: the rank finder has him
            k = rank_at[k][0]
        elif person_at(f.p, k) or (
            e - k >= 2 and a + 1 < n and t[a].fold == "," and f.posts.longest(t, a + 1)
        ):
            out.append((k, k, rank))  # "Nguyễn Văn A, …" or "Niê Ta, Chỉ huy trưởng …"
            if e + 1 < n and t[e].fold in (",", "và") and person_at(f.p, e + 1):
                k = e + 1  # "gồm: Nguyễn Văn A, Trần Văn B và Lê Văn C"
                continue
        elif (named := _post_then_name(f, k, rank_at, name_end)) is not None:
            out.append((named, named, rank))  # "gồm Tổng Tham mưu trưởng, Thứ trưởng … Phan Văn Giang, …"
            e = name_end(named)
            if e + 1 < n and t[e].fold in (",", "và") and f.posts.longest(t, e + 1) is not None:
                k = e + 1
                continue
        while k < n and t[k].fold not in SENTENCE_AND_CLAUSE_ENDS:
            k += 1
        if k >= n or t[k].fold != ";":
            break
        k += 1
        if k < n and t[k].fold == "và":
            k += 1
    return out


def _post_then_name(f: PostParser, k: int, rank_at: dict, name_end: Callable[[int], int]) -> int | None:
    """The start of the name right after the posts that begin at ``k`` ("Thứ trưởng Bộ Quốc phòng Phan
    Văn Giang"), or None."""
    t, n = f.t, f.n
    if f.posts.longest(t, k) is None:
        return None
    positions, e = f.parse_positions(k)
    inside = next((x for x in range(k + 2, e) if person_at(f.p, x) and x not in rank_at), None)
    if inside is not None:  # the unit's words ran into his name: it ends at him
        f.p.persons = f.p.persons | {inside}
        positions, e = f.parse_positions(k)
    if not positions or e >= n or e in rank_at or not person_at(f.p, e) or name_end(e) - e < 2:
        return None
    return e


def promoted_to(f: PostParser, ranks: list[tuple[int, int, str]], hits: list) -> dict[int, str]:
    """The rank each officer mention is promoted to in its sentence, by its index in ``hits``: the
    people named after the promotion ("… lên Thượng tướng đối với ông A", "… cho Thiếu tướng B"),
    and those before it when "được" leads from them to it ("Trung tướng A, Thứ trưởng …, được …
    trao quyết định thăng cấp bậc hàm lên thượng tướng"); not the one who confers it ("Đại tướng C
    trao quyết định thăng quân hàm cho …")."""
    t, n = f.t, f.n
    out: dict[int, str] = {}
    for start, end, rank in promotions(f, ranks):
        lo = start
        while lo > 0 and t[lo - 1].fold not in SENTENCE_ENDS:
            lo -= 1
        hi = end
        while hi < n and t[hi].fold not in SENTENCE_ENDS:
            hi += 1
        passive = passive_at(t, start)
        for idx, h in enumerate(hits):
            if not lo <= h.first < hi:
                continue
            after = h.first >= end
            before = passive is not None and h.last <= passive
            if (after or before) and rank_order(f, rank) >= rank_order(f, h.rank):
                out[idx] = rank
    return out


def rank_order(f: PostParser, rank: str) -> int:
    """The seniority of a rank: its place in ranks.tsv."""
    return f.g.rank_order(rank)
