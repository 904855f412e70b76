"""One document → its domain mentions: ranks, officers, units and resolutions.

Everything runs on the normalised text (NFC, one tone placement) and every offset is mapped back, so
``original[start:end] == text`` for every mention. Inside one article, an unnumbered "Quân khu" is
resolved to the one numbered Quân khu the article names, and a bare organ ("Cục Chính trị", "Bộ
CHQS tỉnh") to the one fuller form of it the article also uses; ``resolved_from`` keeps what was
written. One body named two ways gets the fuller name ("Vùng 2" → "Vùng 2 Hải quân", "Z115" → "Nhà
máy Z115", "BĐBP Tiền Giang" → "… tỉnh Tiền Giang"), in units and in posts; a post naming a bare
"Học viện", "Nhà trường" or "Nhà máy" takes the article's one academy, school or factory, and a post
written without its unit the article's one unit of the kinds its head implies (posts.tsv flag of=:
"Tiểu đoàn trưởng" → the one "Tiểu đoàn 17", none when there are two); a post named short beside its
full form for the same officer ("Phó Tham mưu trưởng" / "Phó Tham mưu trưởng Bộ …") is dropped.
A post named after "đồng chí" without a name ("Đồng chí Thứ trưởng Bộ Quốc phòng nhấn mạnh") is the
post of the officer named last before it, when the article gave him none. A post stated before
"là ông A và ông B" is the post of each, when A and B are officers named elsewhere with a rank or
promoted there; a post right before a later mention of a name is his ("Bộ trưởng Bộ Quốc phòng Tea
Banh"), and so are the posts after "Ông nguyên là …" at the start of a sentence (the officer named
last). All mentions of one person then share one name and rank (see :mod:`.officers.people`).
"""

from __future__ import annotations

import re
from functools import lru_cache, partial

from vnpress.entities.gazetteer import Gazetteer
from vnpress.entities.matcher import Token, tokenize, tokenizer_pattern
from vnpress.entities.model import Mention
from vnpress.entities.officers.finder import OfficerFinder, OfficerHit, find_ranks, is_police
from vnpress.entities.officers.headings import promoted_ranks, promoted_to
from vnpress.entities.officers.people import one_per_person
from vnpress.entities.units.parser import Node, UnitParser
from vnpress.text.normalise import Normalised, fold, normalise
from vnpress.text.vocab import SENTENCE_ENDS


@lru_cache(maxsize=8)
def document_rules_for_files(user_files: tuple[str, ...]):
    """The resolutions' rules, extended by the user's files of document kinds or issuers."""
    from vnpress.entities.documents.rules import document_rules_for

    return document_rules_for(user_files)


@lru_cache(maxsize=8)
def _pattern(abbrevs: tuple[str, ...]) -> re.Pattern[str]:
    return tokenizer_pattern(abbrevs)


def title_case_name(name: str) -> str:
    """ "NGUYỄN HUY HIỆU" → "Nguyễn Huy Hiệu"; names already in mixed case stay as written."""
    if any(c.isalpha() for c in name) and name.upper() == name:
        return " ".join(w[:1] + w[1:].lower() for w in name.split())
    return name


class _Resolver:
    """Open formations and bare organs, resolved within one article."""

    def __init__(self, nodes: list[Node], extra_open: set[str]):
        opened: set[str] = set(extra_open)
        whole: set[str] = set()
        for top in nodes:
            for node in top.walk():
                if node.open_head:
                    opened.add(node.open_head)
                elif node.complete and not node.skip:
                    whole.add(node.base or node.canonical)
        self.rules: list[tuple[re.Pattern[str], str]] = []
        for head in sorted(opened, key=len, reverse=True):
            fuller = _longest({w for w in whole if w.startswith(head + " ")})
            if len(fuller) == 1:
                rx = re.compile(rf"(?<!\w){re.escape(head)}(?=$|,| -)")  # the open head ends its unit
                self.rules.append((rx, next(iter(fuller))))
        self.known: set[str] = set()
        self.same: dict[str, str] = {}

    def open(self, text: str) -> str:
        """ "Bộ Tư lệnh Quân khu" → "Bộ Tư lệnh Quân khu 7" when the article names one Quân khu."""
        for rx, repl in self.rules:
            text = rx.sub(repl, text)
        return text

    def learn(self, canonicals: set[str]) -> None:
        """The units the article names, for :meth:`bare`."""
        self.known = canonicals

    def post_unit(self, text: str) -> str:
        """A post's unit: the article's numbering ("Vùng" → "Vùng 2 Hải quân"), and a bare
        "Học viện" or "Nhà trường" → the one academy or school the article names."""
        text = self.open(text)
        for short, full in self.same.items():  # "Bộ CHQS Hà Tĩnh" → "… tỉnh Hà Tĩnh"
            if (text == short or text.endswith(" " + short)) and not text.endswith(full):
                return text[: len(text) - len(short)] + full
        for bare, head in _BARE_UNITS.items():
            if text == bare or text.endswith(" " + bare):  # "Chính ủy Học viện", "Đảng ủy Học viện"
                fuller = _longest({c for c in self.known if c.startswith(head + " ")})
                if len(fuller) == 1:
                    return text[: len(text) - len(bare)] + next(iter(fuller))
        return text

    def own(self, kinds: tuple[str, ...]) -> str:
        """The article's one unit of these kinds, for a post written without its unit ("Phó Đồn
        trưởng" → "… Đồn Biên phòng X"); "" when it names none or two (never a guess)."""
        fuller = _longest({c for c in self.known for k in kinds if c.startswith(k + " ")})
        return next(iter(fuller)) if len(fuller) == 1 else ""

    def bare(self, text: str) -> str:
        """ "Cục Chính trị" → "Cục Chính trị Quân khu 3" when that is the one fuller form the article uses."""
        prefix = text + " "
        longer = {c for c in self.known if c.startswith(prefix)}
        return next(iter(longer)) if len(longer) == 1 else text


# bare unit words that a post may use for the article's one unit of that kind ("Chính ủy Học viện",
# "Chính ủy Nhà trường")
_BARE_UNITS = {
    "Học viện": "Học viện",
    "Nhà trường": "Trường",
    "Trường": "Trường",
    "Bệnh viện": "Bệnh viện",
    "Nhà máy": "Nhà máy",
}


def _longest(names: set[str]) -> set[str]:
    """Names that no other name of the set continues: {"Vùng 2", "Vùng 2 Hải quân"} → the latter."""
    return {a for a in names if not any(b != a and b.startswith(a + " ") for b in names)}


def _span(norm: Normalised, tokens: list[Token], i: int, j: int) -> tuple[int, int, str]:
    s, e = norm.span(tokens[i].start, tokens[j - 1].end)
    return s, e, norm.original[s:e]


def extract_document(text: str, g: Gazetteer) -> list[Mention]:
    """All domain mentions of one document, in text order (resolutions included)."""
    from vnpress.entities.documents.resolutions import find_resolutions

    norm = normalise(text)
    rules = document_rules_for_files(g.user_files)
    pattern = _pattern(tuple(sorted(g.abbrevs)))
    tokens = tokenize(norm.text, pattern, g.abbrevs)
    parser = UnitParser(g, tokens)
    ranks = find_ranks(tokens, g)
    finder = OfficerFinder(g, tokens, parser)
    promoted = promoted_ranks(finder, ranks, finder.end_of_name)
    parser.persons = parser.persons | {k for k, _, _ in promoted}  # "Học viện Quốc phòng | Trần Việt Khoa"
    hits = finder.find(sorted(ranks + promoted))  # rank mentions: ``ranks`` only
    blocked: set[int] = set()
    for h in hits:
        blocked.update(range(h.first, h.last))
    nodes = parser.scan(blocked)

    extra_open = {
        p.unit.open_head for h in hits for p in h.positions if p.unit is not None and p.unit.open_head
    }
    res = _Resolver(nodes, {x for x in extra_open if x})
    units = _unit_mentions(norm, tokens, nodes, res)
    officers = _officer_mentions(norm, tokens, hits, ranks, res, finder)
    one_per_person(officers, promoted_to(finder, ranks, hits), g)
    mentions = units + officers
    mentions += find_resolutions(norm, rules)
    mentions.sort(key=lambda m: (m.start, _ORDER.get(m.type, 9), -m.end))
    return mentions


_ORDER = {"officer": 0, "rank": 1, "unit": 2, "resolution": 3}


def _unit_mentions(norm: Normalised, tokens: list[Token], nodes: list[Node], res: _Resolver) -> list[Mention]:
    found: list[tuple[Node, str, str | None]] = []
    for top in nodes:
        for node in top.walk():
            if node.skip or node.parent_only:
                continue
            canonical = res.open(node.canonical)
            if node.open_head and not node.numbered and canonical == node.canonical:
                continue  # an unnumbered formation the article does not name
            if node is top and node.open_head and not node.numbered and len(node.head.split()) < 2:
                continue  # a lone "Vùng", "Tàu", "Kho": too vague to stand for the article's unit
            if not node.complete and not node.open_head:
                continue
            found.append((node, canonical, node.canonical if canonical != node.canonical else None))
    res.learn({c for _, c, _ in found})
    same = res.same = _other_names([n for n, _, _ in found], res.known)
    out: list[Mention] = []
    seen: set[tuple[int, int, str]] = set()
    for node, canonical, written in found:
        if canonical in same:
            written, canonical = written or canonical, same[canonical]
        elif node.expandable:
            fuller = res.bare(canonical)
            if fuller != canonical:
                written = written or canonical
                canonical = fuller
        s, e, text = _span(norm, tokens, node.start, node.end)
        if (s, e, canonical) in seen:
            continue
        seen.add((s, e, canonical))
        out.append(Mention("unit", s, e, text, canonical, {"resolved_from": written}))
    return out


def _other_names(nodes: list[Node], known: set[str]) -> dict[str, str]:
    """One body named two ways in one article, the shorter form → the fuller one: "Vùng 2" → "Vùng 2
    Hải quân" (a number's suffix), "Z115" → "Nhà máy Z115" (a factory by its code), "Bộ đội Biên
    phòng Tiền Giang" → "… tỉnh Tiền Giang" (a place with its kind). Only when the fuller form is one."""
    out: dict[str, str] = {}
    for node in nodes:
        c = node.canonical
        if node.numbered and node.number and c == (node.base or c):
            longer = set()
            for m in nodes:
                if m.number != node.number or m.canonical == c or m.canonical != m.base:
                    continue
                suffixed = m.head == node.head and m.base.startswith(c + " ")
                coded = node.head == c and m.base.endswith(" " + c)
                if suffixed or coded:
                    longer.add(m.canonical)
        else:
            longer = {k for k in known if k != c and _PLACE_KIND.sub(" ", k) == c}
        if len(longer) == 1:
            out[c] = next(iter(longer))
    return out


_PLACE_KIND = re.compile(r" (?:tỉnh|thành phố) ")


def _officer_mentions(
    norm: Normalised,
    tokens: list[Token],
    hits: list[OfficerHit],
    ranks: list[tuple[int, int, str]],
    res: _Resolver,
    finder: OfficerFinder,
) -> list[Mention]:
    out: list[Mention] = []
    people: dict[str, dict] = {}
    rank_service: dict[int, str | None] = {}
    guessed: dict[str, str] = {}  # a post completed with the article's one unit of its kind → as written
    for idx, h in enumerate(hits):
        canonical = title_case_name(h.name)
        key = fold(canonical)
        person = people.setdefault(key, {"rank": h.rank, "police": False, "name": canonical})
        police = is_police(h)
        person["police"] = person["police"] or police
        positions = []
        own = partial(_sentence_own, tokens, hits[idx - 1] if idx else None, h, res)
        stated = h.positions
        if not stated and h.rank_start == h.rank_end:  # promoted: "hai Thứ trưởng … là ông A và ông B"
            stated = _posts_before(tokens, h.name_start, finder)
        for p in stated:
            text = p.render(res.post_unit, own)
            if not p.unit_text and text != p.text:
                guessed[text] = p.text
            if text not in positions:
                positions.append(text)
        s, e, text = _span(norm, tokens, h.first, h.last)
        written = " ".join(tok.text for tok in tokens[h.name_start : h.name_end])
        name = written if fold(written) == key else canonical
        m = Mention("officer", s, e, text, canonical, {"name": name, "rank": h.rank, "positions": positions})
        m.fields["service"] = "police" if police else None
        out.append(m)
        rank_service[h.rank_start] = "police" if police else None
    for m in out:
        person = people[fold(m.canonical)]
        if person["police"]:
            m.fields["service"] = "police"
    police_ranks = {h.rank_start for h in hits if people[fold(title_case_name(h.name))]["police"]}
    for rs, re_, rank in ranks:
        s, e, text = _span(norm, tokens, rs, re_)
        police = rs in police_ranks or _police_after(tokens, re_)
        out.append(Mention("rank", s, e, text, rank, {"service": "police" if police else None}))
    out += _later_names(norm, tokens, hits, people, finder, res)
    out += _pronoun_posts(norm, tokens, out, finder, res)
    out += _comrade_posts(norm, tokens, hits, out, finder, res)
    held: dict[str, set[str]] = {}
    officers = [m for m in out if m.type == "officer"]
    for m in officers:
        held.setdefault(fold(m.canonical), set()).update(m.fields["positions"])
    for m in officers:
        fuller = held[fold(m.canonical)]  # "Phó Tham mưu trưởng" beside "Phó Tham mưu trưởng Bộ …"
        m.fields["positions"] = [
            p
            for p in m.fields["positions"]
            if not _cut_short(p, fuller) and not (p in guessed and _cut_short(guessed[p], fuller - {p}))
        ]  # nor "Phó Cục trưởng" completed with "Cục X" beside the "Phó Cục trưởng Cục X, Bộ …" he was given
    return out


def _sentence_own(
    tokens: list[Token], prev: OfficerHit | None, h: OfficerHit, res: _Resolver, kinds: tuple[str, ...]
) -> str:
    """The unit of a post written without one ("Phó Chính ủy"): that of the officer named just
    before in the same sentence, when his post is in a unit of its kinds ("Đại tá A, Chính ủy Bộ Chỉ
    huy Quân sự tỉnh bàn giao chức vụ cho Đại tá B, Phó Chính ủy"); else the article's one unit of
    those kinds (never a guess among two)."""
    if prev is not None and not any(tok.fold in SENTENCE_ENDS for tok in tokens[prev.last : h.first]):
        units = {p.unit_text for p in prev.positions if p.unit_text and p.unit_text.startswith(kinds)}
        if len(units) == 1:
            return res.post_unit(next(iter(units)))
    return res.own(kinds)


def _cut_short(post: str, posts: set[str]) -> bool:
    """Is ``post`` the start of another post of the same officer (the same post, named short)?"""
    return any(other.startswith(post + " ") for other in posts)


def _police_after(tokens: list[Token], k: int) -> bool:
    return k + 1 < len(tokens) and tokens[k].fold == "công" and tokens[k + 1].fold == "an"


def _later_names(
    norm: Normalised,
    tokens: list[Token],
    hits: list[OfficerHit],
    people: dict[str, dict],
    finder: OfficerFinder,
    res: _Resolver,
) -> list[Mention]:
    """Full names written again without a rank ("đồng chí Nguyễn Mạnh Hùng"): the same officer,
    with the posts stated there ("đồng chí Đỗ Văn A - Phó Chủ nhiệm …")."""
    taken: set[int] = set()
    names: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for h in hits:
        taken.update(range(h.first, h.last))
        folds = tuple(tok.fold for tok in tokens[h.name_start : h.name_end])
        if len(folds) >= 2:
            names.setdefault(folds[0], []).append((folds, fold(title_case_name(h.name))))
    out: list[Mention] = []
    i, n = 0, len(tokens)
    while i < n:
        cands = names.get(tokens[i].fold)
        if cands and (i in taken or not tokens[i].is_cap):
            cands = None
        matched = None
        for folds, key in cands or ():
            j = i + len(folds)
            if tuple(tok.fold for tok in tokens[i:j]) == folds and (
                j >= n or not (tokens[j].is_cap and tokens[j].is_word)
            ):
                matched = (j, key)
                break
        if matched is None:
            i += 1
            continue
        j, key = matched
        person = people[key]
        s, e, text = _span(norm, tokens, i, j)
        k = j + 1 if j < n and tokens[j].fold in (",", "-") else j
        positions = [p.render(res.post_unit, res.own) for p in finder.parse_positions(k)[0]] if k > j else []
        if not positions:
            positions = [p.render(res.post_unit, res.own) for p in _posts_before(tokens, i, finder)]
        if not positions:  # "Bộ trưởng Bộ Quốc phòng Tea Banh": the post right before his name
            positions = [p.render(res.post_unit, res.own) for p in finder.posts_ending_at(i)]
        fields = {
            "name": text,
            "rank": person["rank"],
            "positions": positions,
            "service": "police" if person["police"] else None,
        }
        out.append(Mention("officer", s, e, text, person["name"], fields))
        i = j
    return out


# a pronoun that starts a sentence about the officer named last ("Ông nguyên là Ủy viên …")
_PRONOUNS = frozenset({"ông", "bà"})
_PRONOUN_LEADS = (("nguyên", "là"), ("hiện", "là"), ("là",), ("nguyên",), ("từng", "là"))


def _pronoun_posts(
    norm: Normalised, tokens: list[Token], mentions: list[Mention], finder: OfficerFinder, res: _Resolver
) -> list[Mention]:
    """ "Ông nguyên là ủy viên dự khuyết Ban Chấp hành TƯ Đảng; nguyên Bí thư Đảng ủy, Phó Tư lệnh …":
    posts stated in another sentence, after "Ông" or "Bà" at its start, are those of the officer named
    last before it."""
    out: list[Mention] = []
    officers = sorted((m for m in mentions if m.type == "officer"), key=lambda m: m.start)
    n = len(tokens)
    for i in range(n - 2):
        if tokens[i].fold not in _PRONOUNS or not tokens[i].is_cap:
            continue
        if i > 0 and tokens[i - 1].fold not in SENTENCE_ENDS:
            continue
        k = i + 1
        lead = next((w for w in _PRONOUN_LEADS if tuple(t.fold for t in tokens[k : k + len(w)]) == w), None)
        if lead is None:
            continue
        start = k if lead[0] == "nguyên" else k + len(lead)
        if finder.posts.longest(tokens, start) is None and finder.former.longest(tokens, start) is None:
            continue
        positions, end = finder.parse_positions(start)
        s0 = norm.span(tokens[i].start, tokens[i].end)[0]
        before = [m for m in officers if m.end <= s0]
        if not positions or not before:
            continue
        last = before[-1]
        s, e, text = _span(norm, tokens, i, end)
        fields = dict(last.fields, name=last.fields["name"])
        fields["positions"] = [p.render(res.post_unit, res.own) for p in positions]
        out.append(Mention("officer", s, e, text, last.canonical, fields))
    return out


def _posts_before(tokens: list[Token], i: int, finder: OfficerFinder) -> list:
    """ "hai Thứ trưởng Bộ Công an là ông A và ông B": the posts stated before "là ông", for each
    name of the list (an officer named elsewhere with his rank)."""
    if i < 2 or tokens[i - 1].fold != "ông":
        return []
    la = i - 2
    if tokens[la].fold == "và":  # "… là ông A và ông B": back to the "là" of the list
        la = next(
            (
                x
                for x in range(i - 3, max(0, i - 10), -1)
                if tokens[x].fold == "là" and tokens[x + 1].fold == "ông"
            ),
            -1,
        )
    if la < 1 or tokens[la].fold != "là":
        return []
    best: list = []
    for start in range(la - 1, max(0, la - 8), -1):
        if tokens[start].fold in (".", ",", ";", "\n"):
            break
        if finder.posts.longest(tokens, start) is None:
            continue
        positions, end = finder.parse_positions(start)
        if end == la and positions and all(p.unit_text for p in positions):
            best = positions  # the earliest start: "Thứ trưởng …", not its "trưởng …"
    return best


# the ranks of a military region's or corps' leaders, who are named "đồng chí Chính ủy Quân khu"
_FORMATION_RANKS = frozenset({"Thiếu tướng", "Trung tướng", "Chuẩn Đô đốc", "Phó Đô đốc"})


def _comrade_posts(
    norm: Normalised,
    tokens: list[Token],
    hits: list[OfficerHit],
    mentions: list[Mention],
    finder: OfficerFinder,
    res: _Resolver,
) -> list[Mention]:
    """ "Đồng chí Thứ trưởng Bộ Quốc phòng nhấn mạnh": a post with its unit after "đồng chí" and no
    name is the post of the officer named last before it, a general to whom the article gave no post.
    An unnumbered formation counts ("đồng chí Chủ nhiệm Chính trị Quân khu"), numbered where the
    article is about one."""
    out: list[Mention] = []
    n = len(tokens)
    for i in range(n - 2):
        if tokens[i].fold != "đồng" or tokens[i + 1].fold != "chí" or not tokens[i + 2].is_cap:
            continue
        if finder.posts.longest(tokens, i + 2) is None:
            continue
        positions, end = finder.parse_positions(i + 2)
        last_unit = positions[-1].unit if positions else None
        if last_unit is None or not all(p.unit_text for p in positions):
            continue
        if not last_unit.complete and not last_unit.open_head:
            continue  # a whole unit ("Bộ Quốc phòng") or an unnumbered formation ("Quân khu")
        if end < n and (tokens[end].is_cap and tokens[end].is_word or tokens[end].fold in (",", "-", ":")):
            continue  # a name or a list follows: not a post named alone
        before = [h for h in hits if h.last <= i]
        if not before:
            continue
        last = max(before, key=lambda h: h.last)
        if not last.rank.endswith(("tướng", "Đô đốc")):
            continue  # a leader named by his post is a general, not the junior officer of a caption
        if not last_unit.complete and last.rank not in _FORMATION_RANKS:
            continue  # "Thượng tướng A dự …; đồng chí Chính ủy Quân khu": the host, not the visitor
        key = fold(title_case_name(last.name))
        mine = [m for m in mentions + out if m.type == "officer" and fold(m.canonical) == key]
        if not mine or any(m.fields["positions"] for m in mine):
            continue
        s, e, text = _span(norm, tokens, i, end)
        fields = dict(mine[0].fields, name=mine[0].fields["name"])
        fields["positions"] = [p.render(res.post_unit, res.own) for p in positions]
        out.append(Mention("officer", s, e, text, mine[0].canonical, fields))
    return out
