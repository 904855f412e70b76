"""Ranks and officers: a rank, the titles stacked around it, a name, and the posts stated with it.

An officer is a person named with a rank ("Thiếu tướng Chu Văn Đoàn"). Titles are skipped, never
part of the name ("Thượng tướng, Viện sĩ, Tiến sĩ NGUYỄN HUY HIỆU"). Posts come after the name
("…, Phó Bí thư Đảng ủy …, Chủ nhiệm Chính trị Bộ Tổng Tham mưu"), before the rank ("Chính ủy Quân
khu 7, Trung tướng …") or before a colon and shared by the officers listed after it ("các đồng chí
Phó Chủ nhiệm Tổng cục Chính trị: Thượng tướng A, Trung tướng B"); a shared post reaches every
listed officer, across semicolons, until one states an office of his own (memberships and party
posts do not stop it, nor are they stopped); a plural heading ("Các Thứ trưởng … gồm:") reaches
every listed officer (see :mod:`.headings`). A post without its unit takes the unit of the next post ("Bí thư Đảng ủy,
Chính ủy Quân khu 7"); a post he is given later in his sentence counts too ("… được bổ nhiệm giữ
chức X", "…, giữ chức X", "bổ nhiệm A và B giữ chức X" for both; see :mod:`.appointments`). An arm between rank and name is
skipped ("Phó Đô đốc Hải quân X"), as are his age, birth and home (see :mod:`.asides`). An officer named inside another's apposition keeps his own posts and the first serves him
("Thiếu tướng A, Trợ lý Đại tướng B, Bộ trưởng Bộ Quốc phòng, kiêm …" → A is "Trợ lý Bộ trưởng Bộ
Quốc phòng" and goes on after "kiêm"). A signed article may put the name in capitals alone on the
line above the rank. A hyphen written between syllables with no space keeps a transliterated name
whole ("Thiếu tướng Vông-xay In-tha-khăm"), unless a post, title, unit or rank follows it; so does a
short lowercase syllable inside a name that is not Vietnamese ("Vông Xay in Thạ Khăm"). A name of one
word after a rank is a person's given name ("Đại úy Dũng khai …"), not a place or an arm. Only a
rank makes an officer: a byline ("Tin, ảnh: TRẦN ANH MINH") or a
rank-less mention ("đồng chí Phó Chủ nhiệm …") does not, though a rank-less full name gives its posts
to the officer of that name (see :mod:`.extract`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vnpress.entities.gazetteer import Gazetteer
from vnpress.entities.matcher import Token
from vnpress.entities.officers.appointments import appointed_posts
from vnpress.entities.officers.asides import skip_aside
from vnpress.entities.officers.headings import PLURAL, heading_posts
from vnpress.entities.officers.phrases import PhraseKind, words
from vnpress.entities.officers.position import Position
from vnpress.entities.officers.posts import PostParser
from vnpress.entities.units.names import ends_name, person_at
from vnpress.entities.units.parser import UnitParser

_POLICE = ("công an", "cảnh sát")
_NAME_STOP = words(PhraseKind.NAMESTOP)  # vnpress/data/officer_phrases.tsv
_CREDIT_HEADS = words(PhraseKind.CREDIT)
_CREDIT_WORDS = _CREDIT_HEADS | {",", "và", "/", "theo"}
_BEFORE_POSTS = frozenset({",", ":", ";", "(", "\n", ".", "chí", "có", "của", "là", "và", "với", "cho"})
# posts that do not stop a post shared before a colon from reaching an officer ("các đồng chí Phó
# Chủ nhiệm: Thượng tướng A - Ủy viên Trung ương Đảng, Trung tướng B"): memberships and party
# posts, not offices
_MEMBERSHIP = ("Ủy viên", "Đại biểu", "Bí thư", "Phó Bí thư")
# words before a post that make it someone else's: "thừa ủy quyền của", "thừa lệnh", "thay mặt"
_ON_BEHALF = frozenset({"quyền", "lệnh", "mặt"})
# words between a post and the rank of the officer who holds it
_BEFORE_RANK = (
    ("hiện", "nay", "là"),
    ("hiện", "là"),
    ("nay", "là"),
    ("trước", "đó", "là"),  # "Tư lệnh Quân khu 3 trước đó là Trung tướng A": his post till then
    ("trước", "đây", "là"),
    ("là",),
)
_SEPARATORS = frozenset({",", "-", "–", ".", "/"})


@dataclass
class OfficerHit:
    rank_start: int  # token indices
    rank_end: int
    rank: str
    name_start: int
    name_end: int
    name: str
    police: bool = False
    positions: list[Position] = field(default_factory=list)
    end: int = 0  # after the name and its posts
    own_positions: bool = False

    @property
    def first(self) -> int:
        """The first token of the mention (the name comes first in a signature: "VŨ HẢI SẢN\n
        Thượng tướng, …")."""
        return min(self.rank_start, self.name_start)

    @property
    def last(self) -> int:
        return max(self.rank_end, self.name_end)


def find_ranks(tokens: list[Token], g: Gazetteer) -> list[tuple[int, int, str]]:
    ranks, notranks = g.trie("rank"), g.trie("notrank")
    out = []
    i, n = 0, len(tokens)
    root = ranks.root
    while i < n:
        if tokens[i].fold not in root:
            i += 1
            continue
        m = ranks.longest(tokens, i)
        if m is None or not tokens[i].is_word:
            i += 1
            continue
        x = notranks.longest(tokens, i)
        if x is not None and x[0] > m[0]:
            i = x[0]
            continue
        out.append((i, m[0], m[1].canonical))
        i = m[0]
    return out


def _glued_hyphen(t: list[Token], j: int) -> bool:
    """A hyphen at ``j`` written with no space between two words ("Vông-xay")."""
    return (
        0 < j < len(t) - 1
        and t[j].fold == "-"
        and t[j - 1].end == t[j].start
        and t[j].end == t[j + 1].start
        and t[j - 1].is_word
        and t[j + 1].is_word
    )


class OfficerFinder(PostParser):
    def __init__(self, g: Gazetteer, tokens: list[Token], parser: UnitParser):
        super().__init__(g, tokens, parser)
        self.caps_ends = g.words("capsend")
        self.branches = g.trie("branch")

    # -- names
    def _skip_titles(self, k: int) -> tuple[int, bool]:
        """Past separators, titles and an arm or "Công an" marker after a rank; says whether it was
        police."""
        t, police = self.t, False
        for _ in range(12):
            if k >= self.n:
                break
            if t[k].fold in _SEPARATORS and k + 1 < self.n and not t[k + 1].is_newline:
                k += 1
                continue
            m = self.titles.longest(t, k)
            if m is not None:
                k = m[0]
                continue
            m = self.branches.longest(t, k)  # "Phó Đô đốc Hải quân Nguyễn Văn A": the arm, not the name
            e = self._arm_end(k, m[0]) if m is not None else k
            if m is not None and e + 1 < self.n and t[e].is_cap and t[e].is_word:
                police = police or "police" in m[1].flags
                k = e
                continue
            if t[k].fold == "công" and k + 1 < self.n and t[k + 1].fold == "an":
                police = True
                k += 2
                if k + 1 < self.n and t[k].fold == "nhân" and t[k + 1].fold == "dân":
                    k += 2
                continue
            break
        return k, police

    def _arm_end(self, k: int, e: int) -> int:
        """After an arm from ``k`` to ``e`` and its country ("Không quân Mỹ"); ``k`` when the words
        are a unit's name ("Hải quân Việt Nam")."""
        unit = self.p.parse(k)
        if unit is not None and unit.end > e:
            return k
        country = self.p.countries.longest(self.t, e)
        return country[0] if country is not None else e

    def end_of_name(self, k: int) -> int:
        t = self.t
        j = k
        caps: bool | None = None
        foreign = k < self.n and not person_at(self.p, k)
        while j < self.n and j - k < 5:
            tok = t[j]
            if foreign and j > k and self._foreign_syllable(j):
                j += 1  # "Vông Xay in Thạ Khăm": a lowercase syllable inside a foreign name
                continue
            if not (tok.is_word and tok.is_cap) or tok.abbr or tok.fold in _NAME_STOP:
                break
            if tok.fold == "đồng" and j + 1 < self.n and t[j + 1].fold == "chí":
                break
            if tok.is_upper and j > k and tok.fold in self.caps_ends:
                break
            if len(tok.text) > 1:
                if caps is None:
                    caps = tok.is_upper
                elif caps != tok.is_upper:
                    break
            stop = self.posts.longest(t, j) or self.titles.longest(t, j) or self.p.unit_at(j)
            if stop and not (len(tok.text) > 1 and tok.is_upper and j > k):
                break
            if g_rank(self.g, t, j):
                break
            j += 1
            while j + 1 < self.n and _glued_hyphen(t, j) and not self._stops_name(j + 1):
                # "Vông-xay In-tha-khăm": one transliterated name; not "Hùng-Chính ủy"
                j += 2
                k += 2  # the syllables after a hyphen do not count towards the name's length
        return j

    def _given_name(self, k: int, re_: int) -> bool:
        """A one-word name right after a rank, the only name the article gives the person ("Đại úy Dũng
        khai …"): a capitalised word that is no family name, place, country or abbreviation, followed
        by no other capitalised word."""
        t = self.t
        tok = t[k]
        return (
            k == re_
            and tok.is_word
            and tok.is_cap
            and not tok.is_upper
            and not tok.abbr
            and len(tok.text) > 1
            and not person_at(self.p, k)
            and tok.fold not in self.p.surnames
            and self.p.provinces.longest(t, k) is None
            and self.p.countries.longest(t, k) is None
            and self.p.places.longest(t, k) is None
            and not self._stops_name(k)
            and self.branches.longest(t, k) is None  # "Thiếu tá Hải quân"
            and self.titles.longest(t, k) is None
            and (k + 1 >= self.n or not (t[k + 1].is_cap and t[k + 1].is_word))
        )

    def _foreign_syllable(self, j: int) -> bool:
        """A short lowercase syllable between capitalised words of a name that is not Vietnamese
        ("Vông Xay in Thạ Khăm"), not a word that ends names ("và", "tiếp") nor one before a post."""
        t = self.t
        return (
            t[j].is_word
            and t[j].is_lower
            and len(t[j].text) <= 3
            and j + 2 < self.n
            and t[j + 1].is_cap
            and t[j + 1].is_word
            and not t[j + 1].abbr
            and not ends_name(self.p, j)
            and not self._stops_name(j + 1)
            and not person_at(self.p, j + 1)
        )

    def _post_before_name(self, k: int) -> tuple[Position, int, int] | None:
        """A post without its unit between a rank and a person's name ("Trung tá Đồn trưởng Nguyễn
        Hữu Vinh"), and the name's bounds; the post takes the article's one unit of its kinds."""
        m = self.posts.longest(self.t, k)
        if m is None or "needunit" in m[1].flags or m[0] >= self.n or not person_at(self.p, m[0]):
            return None
        e = self.end_of_name(m[0])
        if e - m[0] < 2:
            return None
        kinds = m[1].kinds
        return Position(m[1].canonical, None, "", False, "whole" in m[1].flags, kinds), m[0], e

    def _stops_name(self, j: int) -> bool:
        t = self.t
        return bool(
            self.posts.longest(t, j) or self.titles.longest(t, j) or self.p.unit_at(j) or g_rank(self.g, t, j)
        )

    def _words(self, i: int, j: int) -> str:
        """The words of tokens ``[i, j)``, a hyphen glued to its syllables kept so ("In-tha-khăm")."""
        out = ""
        for x in range(i, j):
            tok = self.t[x]
            glued = x > i and (_glued_hyphen(self.t, x) or _glued_hyphen(self.t, x - 1))
            out += ("" if x == i or glued else " ") + tok.text
        return out

    # -- posts
    def find(self, ranks: list[tuple[int, int, str]]) -> list[OfficerHit]:
        t = self.t
        hits: list[OfficerHit] = []
        consumed: set[int] = set()
        shared: list[Position] = []
        heading: list[Position] = []
        for rs, re_, rank in ranks:
            if self._credit(rs):
                continue
            if re_ < self.n and t[re_].fold == "." and rs != re_:
                continue  # "… lên trung tướng. Ông A …": the rank ends its sentence
            if rs != re_ and self._counted(rs):
                continue  # "Chúc mừng 2 tân thượng tướng, Chủ tịch nước A …": officers counted, not named
            k, police = self._skip_titles(re_)
            e = self.end_of_name(k)
            signed = self._signature(rs) if e - k < 2 else None
            lead = self._post_before_name(k) if e - k < 2 and signed is None else None
            if lead is not None:  # "Trung tá Đồn trưởng Nguyễn Hữu Vinh": rank, post, then the name
                k, e = lead[1], lead[2]
            if signed is not None:  # "VŨ HẢI SẢN\nThượng tướng, Ủy viên …": name, then rank and posts
                hit = OfficerHit(rs, re_, rank, signed[0], signed[1], self._words(*signed), police)
                hit.positions, hit.end = self.parse_positions(k)
                hit.own_positions = bool(hit.positions)
                consumed.update(range(k, hit.end))
                hits.append(hit)
                continue
            if e - k < 2:
                if e - k != 1:
                    continue
                hit = self._short(rs, re_, rank, k, e, hits)
                if hit is not None:
                    hit.positions = self._appointed(e)  # "Trung tướng Chiến đã được bổ nhiệm giữ chức X"
                    hits.append(hit)
                    continue
                if not self._given_name(k, re_):
                    continue  # else "Đại úy Dũng khai đang làm …": a person the article names so
            hit = OfficerHit(rs, re_, rank, k, e, self._words(k, e), police)
            j = self._skip_aside(e)
            if (
                j < self.n
                and t[j].fold in (",", "-", "(", ":")
                or j + 1 < self.n
                and t[j].is_newline
                and t[k].is_upper
            ):
                j += 1
            positions, pend = self.parse_positions(j)
            if j == e and j < self.n and t[j].is_lower:
                positions, pend = [], j  # "Trung tướng A trưởng thành …": a verb, not his post
            if positions and pend < self.n and person_at(self.p, pend) and self.last_start >= j:
                positions, pend = (
                    positions[:-1],
                    self.last_end,
                )  # "…, Chủ tịch nước Nguyễn Xuân Phúc": another's post
            if positions:
                hit.positions = positions
                hit.own_positions = True
                hit.end = pend + (1 if pend < self.n and t[pend].fold == ")" else 0)
                consumed.update(range(j, pend))
            else:
                hit.end = e
            if lead is not None:
                hit.positions = [lead[0], *hit.positions]
                hit.own_positions = True
            new_posts = [] if hit.end in self.stops else self._appointed(hit.end)  # "… giữ chức X"
            if new_posts:
                hit.positions = hit.positions + new_posts
                prev = hits[-1] if hits else None  # "bổ nhiệm A và B giữ chức X": A too
                listed = prev is not None and self._listed_after(prev, rs)
                if listed and not any(p.text == new_posts[-1].text for p in prev.positions):
                    prev.positions = prev.positions + new_posts
            # posts before the rank: "Chính ủy Quân khu 7, Trung tướng …" or "…: Thượng tướng A, B"
            b = rs
            while b > 0 and t[b - 1].fold in (",", "-", "–"):
                b -= 1
            if b >= 2 and t[b - 2].fold == "đồng" and t[b - 1].fold == "chí":
                b -= 2
            for lead in _BEFORE_RANK:  # "Tư lệnh Cảnh sát biển hiện nay là Trung tướng …"
                if b > len(lead) and tuple(tok.fold for tok in t[b - len(lead) : b]) == lead:
                    b -= len(lead)
                    break
            prev = hits[-1] if hits else None
            listed = prev is not None and self._listed_after(prev, rs)
            if not listed:
                heading = []
            if listed and shared:
                own = [p for p in hit.positions if p.post.startswith(_MEMBERSHIP)]  # his own membership
                if _memberships(hit.positions) or _memberships(shared) and not own:
                    hit.positions = _merge(shared, hit.positions)  # "các đồng chí Ủy viên …: A, …; B, …"
                else:  # "…; Trung tướng B - Phó Chủ nhiệm …": a post of his own ends the sharing
                    shared = []
            elif listed and not prev.own_positions:
                pass
            else:
                shared = []
                colon = b > 0 and t[b - 1].fold == ":"
                before = self._positions_ending_at(b - 1 if colon else b, consumed)
                if before:
                    if colon:
                        shared = before
                    hit.positions = _merge(before, hit.positions)
                elif colon:
                    heading = heading_posts(self, b - 1)  # "Các Thứ trưởng mới được bổ nhiệm gồm: …"
            if heading:
                hit.positions = _merge(heading, hit.positions)
            hits.append(hit)
        return hits

    def _counted(self, rs: int) -> bool:
        """A rank after a number or a plural word ("2 tân thượng tướng", "các Trung tướng"): a class of
        officers, whose rank no name after it holds."""
        t, j = self.t, rs - 1
        if j >= 0 and t[j].fold == "tân":  # "tân": new
            j -= 1
        return j >= 0 and (t[j].is_number or t[j].fold in PLURAL)

    def _signature(self, rs: int) -> tuple[int, int] | None:
        """A name alone on the line above a rank at the start of its line, in capitals: the author
        of a signed article ("VŨ HẢI SẢN\nThượng tướng, Ủy viên Trung ương Đảng, …")."""
        t = self.t
        if rs < 3 or not t[rs - 1].is_newline:
            return None
        b = rs - 1
        while b > 0 and t[b - 1].is_word and t[b - 1].is_upper and rs - 1 - b < 5:
            b -= 1
        if rs - 1 - b < 2 or (b > 0 and not t[b - 1].is_newline):
            return None
        return b, rs - 1

    def _served(self, k: int) -> tuple[str, int] | None:
        rank = self.g.trie("rank").longest(self.t, k) if k < self.n else None
        if rank is None:
            return None
        kk, _ = self._skip_titles(rank[0])
        e = self.end_of_name(kk)
        if e - kk < 2:
            return None
        j = e + 1 if e < self.n and self.t[e].fold in (",", "-") else e
        self.nested += 1
        try:
            positions, end = self.parse_positions(j)
        finally:
            self.nested -= 1
        offices = [p for p in positions if not p.post.startswith(_MEMBERSHIP)] or positions
        if not offices:
            return None
        self.stops.add(end)
        return offices[-1].text, end

    def _appointed(self, k: int) -> list[Position]:
        return appointed_posts(self, k)  # "… được bổ nhiệm giữ chức X": see :mod:`.appointments`

    def _skip_aside(self, j: int) -> int:
        return skip_aside(self, j)  # photo asides, age, birth and home: see :mod:`.asides`

    def _credit(self, rs: int) -> bool:
        """ "Ảnh: Thượng úy …", "(Tin, ảnh: …)": a byline or photo credit names no officer."""
        t = self.t
        if rs == 0 or t[rs - 1].fold != ":":
            return False
        b = rs - 2
        while b >= 0 and t[b].fold in _CREDIT_WORDS:
            b -= 1
        label = {tok.fold for tok in t[b + 1 : rs - 1]}
        return bool(label & _CREDIT_HEADS) and (b < 0 or t[b].fold in ("(", "|", "\n", ".", "-"))

    def _listed_after(self, prev: OfficerHit, rs: int) -> bool:
        """Is the rank at ``rs`` the next in a list after ``prev`` ("A, Trung tướng B")?"""
        between = [tok.fold for tok in self.t[prev.end : rs]]
        return between in ([","], ["và"], [",", "và"], [";"], [";", "và"])

    def _positions_ending_at(self, b: int, consumed: set[int]) -> list[Position]:
        """The unconsumed list of posts that ends right before token ``b``."""
        t = self.t
        for start in range(max(0, b - 30), b):
            if start in consumed or not (t[start].is_cap and t[start].is_word):
                continue
            if start > 0 and t[start - 1].fold not in _BEFORE_POSTS:
                continue
            if {tok.fold for tok in t[max(0, start - 3) : start]} & _ON_BEHALF:
                continue  # "Thừa ủy quyền của Chủ tịch nước, Thượng tướng …": another's post
            if self.posts.longest(t, start) is None and self.former.longest(t, start) is None:
                continue
            positions, end = self.parse_positions(start)
            if positions and end == b:
                consumed.update(range(start, end))
                if start > 1 and t[start - 1].fold == "có":
                    self._owner_before(start - 1, positions)
                return positions
        return []

    def posts_ending_at(self, b: int) -> list[Position]:
        """The list of posts that ends right before token ``b`` (a name: "Bộ trưởng Bộ Quốc phòng
        Tea Banh"), whatever was read before; none when a longer run of words leads to it."""
        t = self.t
        for start in range(max(0, b - 14), b):
            if not (t[start].is_cap and t[start].is_word) or self.posts.longest(t, start) is None:
                continue
            if start > 0 and t[start - 1].fold not in _BEFORE_POSTS and not t[start - 1].is_lower:
                continue
            if {tok.fold for tok in t[max(0, start - 3) : start]} & _ON_BEHALF:
                continue  # "thừa ủy quyền của Chủ tịch nước, Bộ trưởng A": another's post
            positions, end = self.parse_positions(start)
            if positions and end == b:
                return positions
        return []

    def _owner_before(self, e: int, positions: list[Position]) -> None:
        """ "Tổng cục Chính trị có Chủ nhiệm là Thượng tướng A": the unit that ends right before "có"
        completes the posts written without their own."""
        for s in range(max(0, e - 12), e):
            unit = self.p.parse(s)
            if unit is not None and unit.end == e and unit.complete and not unit.skip:
                for p in positions:
                    if not p.unit_text and not p.whole:
                        p.unit, p.unit_text = unit, unit.canonical
                return

    def _short(
        self, rs: int, re_: int, rank: str, k: int, e: int, hits: list[OfficerHit]
    ) -> OfficerHit | None:
        """ "Đại tá Hiền" after "Đại tá Lê Tuấn Hiền": the same officer, named short."""
        word = self.t[k].fold
        for h in hits:
            if h.name.split()[-1].casefold() == word and h.rank == rank:
                return OfficerHit(rs, re_, rank, k, e, h.name, h.police, end=e)
        return None


def g_rank(g: Gazetteer, tokens: list[Token], j: int) -> bool:
    return g.trie("rank").longest(tokens, j) is not None


def _memberships(positions: list[Position]) -> bool:
    return all(p.post.startswith(_MEMBERSHIP) for p in positions)


def _merge(first: list[Position], second: list[Position]) -> list[Position]:
    seen = {p.text for p in second}
    return [p for p in first if p.text not in seen] + second


def is_police(hit: OfficerHit) -> bool:
    if hit.police:
        return True
    for p in hit.positions:
        low = p.text.casefold()
        if any(w in low for w in _POLICE) and "cảnh sát biển" not in low:
            return True
    return False
