"""Ranks and officers: a rank, the titles stacked around it, a name, and the posts stated with it.

An officer is a person named with a rank ("Thiếu tướng Chu Văn Đoàn"). Titles are skipped, never
part of the name ("Thượng tướng, Viện sĩ, Tiến sĩ NGUYỄN HUY HIỆU"). Posts come after the name
("…, Phó Bí thư Đảng ủy …, Chủ nhiệm Chính trị Bộ Tổng Tham mưu"), before the rank ("Chính ủy Quân
khu 7, Trung tướng …") or before a colon and shared by the officers listed after it ("các đồng chí
Phó Chủ nhiệm Tổng cục Chính trị: Thượng tướng A, Trung tướng B"). A post without its unit takes the
unit of the next post ("Bí thư Đảng ủy, Chính ủy Quân khu 7"). Only a rank makes an officer: a
byline ("Tin, ảnh: TRẦN ANH MINH") or a rank-less mention ("đồng chí Phó Chủ nhiệm …") does not.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .gazetteer import Gazetteer
from .matcher import Token
from .units import Node, UnitParser

_LEVEL = {
    "Tiểu đội": 1,
    "Trung đội": 2,
    "Đại đội": 3,
    "Hải đội": 3,
    "Tiểu đoàn": 4,
    "Trung đoàn": 5,
    "Lữ đoàn": 5,
    "Hải đoàn": 5,
    "Sư đoàn": 6,
    "Quân đoàn": 7,
    "Vùng": 7,
    "Quân khu": 8,
}
_POLICE = ("công an", "cảnh sát")
# the bodies that an organ named before them, after a comma, belongs to ("Cục Dân quân tự vệ, Bộ
# Tổng Tham mưu"): a post's unit goes on through them
_COMMAND_BODIES = (
    "Bộ ",
    "Tổng cục",
    "Quân chủng",
    "Binh chủng",
    "Quân khu",
    "Quân đoàn",
    "Cục ",
    "Học viện",
    "Cảnh sát biển",
    "Vùng ",
    "Công an tỉnh",
    "Công an thành phố",
)
_NAME_STOP = frozenset({"ảnh", "nguồn", "tin", "bài", "video", "clip"})
_CREDIT_HEADS = frozenset({"ảnh", "tin", "bài", "video", "clip", "nguồn", "đồ", "họa", "thực", "hiện"})
_CREDIT_WORDS = _CREDIT_HEADS | {",", "và", "/", "theo"}
_BEFORE_POSTS = frozenset({",", ":", "(", "\n", ".", "chí", "có", "của", "là", "và"})
_SEPARATORS = frozenset({",", "-", "–", ".", "/"})


@dataclass
class Position:
    post: str
    unit: Node | None
    unit_text: str  # the unit as reported in the post (may be completed later)
    former: bool = False
    whole: bool = False  # a post complete in itself ("Phó Thủ tướng"): never completed with a unit

    @property
    def text(self) -> str:
        return self.render(lambda unit: unit)

    def render(self, resolve) -> str:
        """The post as reported, its unit passed through ``resolve`` (the article's own numbering)."""
        body = f"{self.post} {resolve(self.unit_text)}" if self.unit_text else self.post
        return f"nguyên {body}" if self.former else body


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


class OfficerFinder:
    def __init__(self, g: Gazetteer, tokens: list[Token], parser: UnitParser):
        self.g = g
        self.t = tokens
        self.n = len(tokens)
        self.p = parser
        self.posts = g.trie("post")
        self.titles = g.trie("title")
        self.former = g.trie("former")
        self.joiners = g.trie("joiner")
        self.caps_ends = g.words("capsend")

    # -- names
    def _skip_titles(self, k: int) -> tuple[int, bool]:
        """Past separators, titles and a "Công an" marker after a rank; says whether it was police."""
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
            if t[k].fold == "công" and k + 1 < self.n and t[k + 1].fold == "an":
                police = True
                k += 2
                if k + 1 < self.n and t[k].fold == "nhân" and t[k + 1].fold == "dân":
                    k += 2
                continue
            break
        return k, police

    def _name_end(self, k: int) -> int:
        t = self.t
        j = k
        caps: bool | None = None
        while j < self.n and j - k < 5:
            tok = t[j]
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
        return j

    def _words(self, i: int, j: int) -> str:
        return " ".join(tok.text for tok in self.t[i:j])

    # -- posts
    def parse_positions(self, k: int) -> tuple[list[Position], int]:
        """A list of posts from token ``k``: "Bí thư Đảng ủy, Chính ủy Quân khu 7"."""
        t = self.t
        out: list[Position] = []
        former = False
        end = k
        while k < self.n:
            k = self._skip_listed_titles(k)
            lead = self.joiners.longest(t, k)  # "…, hiện là Chính ủy …"
            if lead is not None and (self.posts.longest(t, lead[0]) or self.former.longest(t, lead[0])):
                k = lead[0]
            f = self.former.longest(t, k)
            if f is not None:
                former = True
                k = f[0]
            m = self.posts.longest(t, k)
            if m is None:
                break
            k, post, whole = m[0], m[1].canonical, "whole" in m[1].flags
            unit = self.p.parse(k, as_parent=True) if k < self.n else None
            unit_text = ""
            if unit is not None:
                k = unit.end
                unit_text = unit.canonical
                k, unit_text = self._chain(unit, k, unit_text)
            elif k + 1 < self.n and t[k].fold == "," and (comma := self._comma_unit(k + 1)) is not None:
                unit, unit_text, k = (
                    comma,
                    comma.canonical,
                    comma.end,
                )  # "Phó Chủ nhiệm Chính trị, Bộ Tư lệnh …"
            elif k < self.n and t[k].is_cap and t[k].is_word and not self.posts.longest(t, k):
                e = self.p.name_end(k)
                if e > k:
                    e2, place, _ = self.p.place_end(e)
                    unit_text = self.p._words(k, e) + (" " + place if e2 > e else "")
                    k, unit_text = self._parents(e2, unit_text, "")
            if k + 1 < self.n and t[k].fold == "khóa" and t[k + 1].text.isupper() and t[k + 1].text.isalpha():
                unit_text = f"{unit_text} khóa {t[k + 1].text}".strip()  # "Đại biểu Quốc hội khóa XV"
                k += 2
            out.append(Position(post, unit, unit_text, former, whole))
            end = k
            if k < self.n and t[k].fold == "," and k + 1 < self.n:
                nxt = self._skip_listed_titles(k + 1)
                if self.posts.longest(t, nxt) or self.former.longest(t, nxt):
                    k = nxt
                    continue
            j = self.joiners.longest(t, k)
            if j is not None and self.posts.longest(t, j[0]):
                k = j[0]
                continue
            break
        _complete(out)
        return out, end

    def _comma_unit(self, k: int) -> Node | None:
        """A whole unit right after the comma that follows a bare post: the post's own unit."""
        if self.posts.longest(self.t, k) or self.former.longest(self.t, k):
            return None
        unit = self.p.parse(k)
        return unit if unit is not None and unit.complete and not unit.skip else None

    def _skip_listed_titles(self, k: int) -> int:
        """Past an honorary title listed among the posts ("…, Anh hùng LLVT nhân dân, nguyên …")."""
        m = self.titles.longest(self.t, k)
        if m is not None and m[0] < self.n and self.t[m[0]].fold == ",":
            return m[0] + 1
        return k

    def _chain(self, unit: Node, k: int, text: str) -> tuple[int, str]:
        """ "Đại đội trưởng Đại đội 2, Tiểu đoàn 3, Trung đoàn 209": a comma chain of ever larger units."""
        level = _LEVEL.get(unit.head)
        t = self.t
        if not unit.complete and not unit.open_head and not unit.party_organ and not unit.skip:
            # "Trợ lý Phòng Tác chiến, Bộ Tham mưu Quân khu 4": the organ's parent after a comma
            if k + 1 < self.n and t[k].fold == ",":
                parent = self.p.parse(k + 1)
                if parent is not None and parent.complete and not parent.skip:
                    return parent.end, f"{text}, {parent.canonical}"
            return k, text
        while level and k + 1 < self.n and t[k].fold == ",":
            nxt = self.p.parse(k + 1)
            if nxt is None or not nxt.numbered or _LEVEL.get(nxt.head, 0) <= level:
                break
            text += ", " + nxt.canonical
            level = _LEVEL[nxt.head]
            k = nxt.end
        if level or unit.skip:
            return k, text
        return self._parents(k, text, unit.head)

    def _parents(self, k: int, text: str, head: str) -> tuple[int, str]:
        """ "Phòng Kế hoạch tổng hợp, Cục Chính trị, Quân chủng Hải quân": the bodies after commas
        that the post's unit belongs to."""
        t = self.t
        for _ in range(2):
            if not (k + 1 < self.n and t[k].fold == ","):
                break
            nxt = self.p.parse(k + 1)
            if (
                nxt is None
                or not nxt.complete
                or nxt.skip
                or not nxt.canonical.startswith(_COMMAND_BODIES)
                or head.split()[:1] == nxt.head.split()[:1]
                or nxt.canonical in text
            ):
                break
            text += ", " + nxt.canonical
            head, k = nxt.head, nxt.end
        return k, text

    # -- officers
    def find(self, ranks: list[tuple[int, int, str]]) -> list[OfficerHit]:
        t = self.t
        hits: list[OfficerHit] = []
        consumed: set[int] = set()
        shared: list[Position] = []
        for rs, re_, rank in ranks:
            if self._credit(rs):
                continue
            k, police = self._skip_titles(re_)
            e = self._name_end(k)
            if e - k < 2:
                if e - k == 1:
                    hit = self._short(rs, re_, rank, k, e, hits)
                    if hit is not None:
                        hits.append(hit)
                continue
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
            if positions:
                hit.positions = positions
                hit.own_positions = True
                hit.end = pend + (1 if pend < self.n and t[pend].fold == ")" else 0)
                consumed.update(range(j, pend))
            else:
                hit.end = e
            # posts before the rank: "Chính ủy Quân khu 7, Trung tướng …" or "…: Thượng tướng A, B"
            b = rs
            while b > 0 and t[b - 1].fold in (",", "-", "–"):
                b -= 1
            if b >= 2 and t[b - 2].fold == "đồng" and t[b - 1].fold == "chí":
                b -= 2
            prev = hits[-1] if hits else None
            if prev is not None and self._listed_after(prev, rs):
                hit.positions = _merge(shared, hit.positions) if shared else hit.positions
            else:
                shared = []
                colon = b > 0 and t[b - 1].fold == ":"
                before = self._positions_ending_at(b - 1 if colon else b, consumed)
                if before:
                    if colon:
                        shared = before
                    hit.positions = _merge(before, hit.positions)
            hits.append(hit)
        return hits

    def _skip_aside(self, j: int) -> int:
        """Past "(thứ hai từ trái sang)" or "(bìa phải)" after a name: a photo's aside, not a post."""
        t = self.t
        if j < self.n and t[j].fold == "(":
            for e in range(j + 1, min(j + 10, self.n)):
                if t[e].fold == ")":
                    inner = t[j + 1 : e]
                    if inner and all(tok.is_lower or tok.is_number or tok.fold == "," for tok in inner):
                        return e + 1
                    break
        return j

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
        if prev.own_positions:
            return False
        return between in ([","], ["và"], [",", "và"])

    def _positions_ending_at(self, b: int, consumed: set[int]) -> list[Position]:
        """The unconsumed list of posts that ends right before token ``b``."""
        t = self.t
        for start in range(max(0, b - 30), b):
            if start in consumed or not (t[start].is_cap and t[start].is_word):
                continue
            if start > 0 and t[start - 1].fold not in _BEFORE_POSTS:
                continue
            if self.posts.longest(t, start) is None and self.former.longest(t, start) is None:
                continue
            positions, end = self.parse_positions(start)
            if positions and end == b:
                consumed.update(range(start, end))
                return positions
        return []

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


def _merge(first: list[Position], second: list[Position]) -> list[Position]:
    seen = {p.text for p in second}
    return [p for p in first if p.text not in seen] + second


def _complete(positions: list[Position]) -> None:
    """A post whose unit is missing or bare takes the unit of the next post that has one."""
    carry: Node | None = None
    carry_text = ""
    for p in reversed(positions):
        unit = p.unit
        if unit is not None and (unit.complete or unit.open_head) and not unit.skip:
            carry, carry_text = unit, p.unit_text
            continue
        if carry is None or p.whole:
            continue
        if unit is None and not p.unit_text:
            if carry.party_organ and carry.children:
                p.unit_text = carry.children[0].canonical
            else:
                p.unit_text = carry_text
        elif unit is not None and not unit.complete and not unit.skip and unit.open_head is None:
            if carry.party_organ and unit.party_organ:
                p.unit_text = carry_text
            else:
                p.unit_text = f"{unit.canonical} {carry_text}"


def is_police(hit: OfficerHit) -> bool:
    if hit.police:
        return True
    for p in hit.positions:
        low = p.text.casefold()
        if any(w in low for w in _POLICE) and "cảnh sát biển" not in low:
            return True
    return False
