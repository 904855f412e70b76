"""Units: military formations and organs, party and state bodies, as a small grammar over words.

A unit is a head from the gazetteer ("Sư đoàn", "Bộ Tư lệnh", "Cục Chính trị", "Bộ Chỉ huy Quân sự")
followed by what its flags allow: an arm and a number ("Lữ đoàn Công binh 229"), a name ("Đồn Biên
phòng Ba Lạt"), a place ("tỉnh Bến Tre"), and a parent unit, directly or in brackets ("Bộ Tư lệnh
Quân khu 7", "Cục Chính trị (Bộ Tổng Tham mưu)"). The parse is a tree; each node is reported with
its canonical form (abbreviations spelled out, the gazetteer's case), and the parents inside it are
reported too. A head is written capitalised, except a formation that needs its number and has it
("quân khu 7", "sư đoàn 2"); a capital letter glued to a number belongs to it ("Sư đoàn 320B").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vnpress.entities.gazetteer import Entry, Gazetteer
from vnpress.entities.matcher import Token
from vnpress.entities.units.names import (
    SURNAMES,
    lower_head_ok,
    name_end,
    person_at,
    place_end,
    place_name_end,
    share_places,
)

_OPEN, _CLOSE = "(", ")"
_FACTORY_CODE = re.compile(r"^Z\d{2,3}$")
_PRESS = frozenset({"Quân đội nhân dân Việt Nam", "Công an nhân dân"})
_ROMAN = frozenset(["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"])


@dataclass
class Node:
    """A parsed unit over tokens ``[start, end)``. ``complete`` is False for a bare organ ("Đảng
    ủy"), an unnumbered formation ("Quân khu") or a body without its place: such a node is kept
    for posts and for resolution inside the article, not reported as it stands."""

    start: int
    end: int
    canonical: str
    head: str
    children: list[Node] = field(default_factory=list)
    complete: bool = True
    skip: bool = False
    open_head: str | None = None  # unnumbered formation head ("Quân khu"), to resolve in the article
    expandable: bool = False  # a bare organ or bare place that a fuller mention may complete
    numbered: bool = False
    number: str | None = None
    base: str = ""  # head, arm or name, number and suffix, without parent or place ("Vùng 2 Hải quân")
    party_organ: bool = False  # "Đảng ủy …": a post without a unit takes its parent, not the organ
    place: str = ""  # the place that qualifies it ("tỉnh Vĩnh Long", "Vĩnh Long")
    needs_place: bool = False  # a local body named without its place ("Đảng ủy Quân sự")
    takes_place: bool = False  # a local body that a place may follow but does not ("Huyện ủy, …")
    parent_only: bool = False  # completes the body it follows, never reported alone ("… Hải quân")

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()


def _letter_suffix(number: Token, nxt: Token) -> bool:
    return len(nxt.text) == 1 and nxt.text.isupper() and nxt.start == number.end and not nxt.abbr


def _title(word: str) -> str:
    return word[:1] + word[1:].lower() if word.isupper() and len(word) > 1 else word


# bodies whose name ends with the force they serve, which they are not part of as a unit of its
# command: an academy, a school, a newspaper, or the force's own command ("Học viện Chính trị Công an
# nhân dân", "Bộ Tư lệnh Cảnh sát biển Việt Nam")
_NAMED_AFTER_OWNER = ("Học viện", "Trường", "Báo", "Bệnh viện", "Viện", "Bộ Tư lệnh")


class UnitParser:
    def __init__(self, gazetteer: Gazetteer, tokens: list[Token]):
        self.g = gazetteer
        self.t = tokens
        self.n = len(tokens)
        self.units = gazetteer.trie("unit")
        self.places = gazetteer.trie("place")
        self.countries = gazetteer.trie("country")
        self.provinces = gazetteer.trie("province")
        self.name_stops = gazetteer.trie("nameend")
        self.posts = gazetteer.trie("post")
        self.ranks = gazetteer.trie("rank")
        self.persons: frozenset[int] = frozenset()  # where a person's name starts: no unit name runs into it
        self.surnames = SURNAMES
        self.tails: dict[int, int] = {}  # a name's end → its lowercase words closed by a post's punctuation

    # -- small recognisers
    def head_at(self, i: int, lower_ok: bool = False) -> tuple[int, Entry] | None:
        """A unit's head at ``i``; written in lower case only as :func:`.names.lower_head_ok` allows
        (``lower_ok``: a post or a body before it says a unit follows)."""
        m = self.units.longest(self.t, i)
        if m is None:
            return None
        j, entry = m
        written_lower = not (self.t[i].is_cap or any(tok.abbr for tok in self.t[i:j]))
        if written_lower and not lower_head_ok(self, i, j, entry, lower_ok):
            return None
        return m

    def starts_unit(self, i: int) -> bool:
        head = self.head_at(i) if i < self.n else None
        return head is not None and "parentonly" not in head[1].flags  # "Trần Hải Quân" is a name

    def unit_at(self, i: int) -> bool:
        """A unit that a name cannot run into: a whole one, or a head of several words."""
        head = self.head_at(i) if i < self.n else None
        if head is None or "parentonly" in head[1].flags:
            return False
        if head[0] - i > 1:
            return True
        node = self.parse(i)
        return node is not None and (node.complete or node.numbered) and not node.skip

    def _dash_name(self, k: int, parts: list[str]) -> int:
        """The name after a unit's number and a dash, from ``k``; not a post or rank that a list of
        posts goes on with ("… khu vực 1 - Phó Bí thư …"). The end (``k - 1`` when there is none)."""
        if (
            self.posts.longest(self.t, k) is not None
            or self.ranks.longest(self.t, k) is not None
            or self.head_at(k) is not None
        ):
            return k - 1
        e = self.name_end(k)
        if e <= k:
            return k - 1
        parts.append("- " + self.words(k, e))
        return e

    def _take_number(self, k: int, parts: list[str]) -> tuple[int, str | None]:
        """The unit number at ``k`` as written, appended to ``parts``: ``(end, number)``, or ``(k, None)``."""
        e = self.number_end(k)
        if e <= k:
            return k, None
        number = self._written(k, e)
        parts.append(number)
        return e, number

    def number_end(self, k: int) -> int:
        """End of a number or code at ``k`` ("312", "Z111", "DK1/10", "II"), or ``k``."""
        if k >= self.n:
            return k
        tok = self.t[k]
        if tok.is_number and k + 1 < self.n and _letter_suffix(tok, self.t[k + 1]):
            return k + 2  # "320B": a number with a letter glued to it
        if tok.is_number or (tok.text[:1].isalpha() and tok.text[-1:].isdigit() and tok.text[:1].isupper()):
            return k + 1
        if tok.text in _ROMAN:
            return k + 1
        if tok.is_upper and k + 2 < self.n and self.t[k + 1].fold == "-" and self.t[k + 2].is_number:
            return k + 3  # "HQ-561", a ship's number
        return k

    def name_end(self, k: int, limit: int = 6) -> int:
        """End of a name in capitalised words from ``k``: see :mod:`.names`."""
        return name_end(self, k, limit)

    def place_end(self, k: int, *, bare_ok: bool = True) -> tuple[int, str, bool]:
        """A place ("tỉnh Bến Tre", a bare "tỉnh"): ``(end, canonical, named)``, see :mod:`.names`."""
        return place_end(self, k, bare_ok=bare_ok)

    def _place_name_end(self, k: int) -> int:
        return place_name_end(self, k)

    def _written(self, i: int, j: int) -> str:
        return "".join(tok.text for tok in self.t[i:j])

    def words(self, i: int, j: int) -> str:
        """The written words of tokens ``[i, j)``, spaced the way the canonical forms are."""
        out: list[str] = []
        words = [tok for tok in self.t[i:j] if tok.is_word and not tok.abbr]
        # a headline in capitals, not one word in capitals ("PCCC", "ĐUQT"): an acronym stays as written
        headline = len(words) > 1 and all(tok.is_upper or len(tok.text) == 1 for tok in words)
        for tok in self.t[i:j]:
            if tok.fold in (",",) and out:
                out[-1] += ","
                continue
            title = _title(tok.text) if headline else tok.text
            out.append("-" if tok.fold == "-" else title if not tok.abbr else tok.text)
        return " ".join(out)

    # -- the grammar
    def parse(self, i: int, *, as_parent: bool = False, depth: int = 0) -> Node | None:
        """The unit starting at token ``i``, or None. ``as_parent`` also accepts an unnumbered
        formation ("Bộ Tư lệnh Quân khu") as an open node."""
        if i >= self.n or depth > 4:
            return None
        head = self.head_at(i, lower_ok=as_parent)
        if head is None:
            if _FACTORY_CODE.match(self.t[i].text):  # "Z176": the defence factories go by their code
                return Node(i, i + 1, self.t[i].text, self.t[i].text, numbered=True, number=self.t[i].text)
            return None
        j, entry = head
        flags = entry.flags
        if "parentonly" in flags and not as_parent:
            return None  # "Hải quân" alone: an arm, a rank's qualifier ("Phó Đô đốc Hải quân")
        if "skip" in flags and len(flags) == 1:
            return Node(i, j, entry.canonical, entry.canonical, skip=True, complete=False)
        parts = [entry.canonical]
        k = j
        numbered = False
        number: str | None = None
        named = False
        armed = False
        if "arm" in flags:
            e = self.name_end(k, limit=4)
            if e > k and e + 1 < self.n and self.t[e].fold == "số" and self.number_end(e + 1) > e + 1:
                e += 1  # "Đoàn Đặc nhiệm phòng chống tội phạm ma túy số 1"
            if e > k and self.number_end(e) > e:
                parts.append(self.words(k, e))
                k = e
            elif e > k and (b := self.g.trie("branch").longest(self.t, k)) is not None and b[0] == e:
                parts.append(self.words(k, e))  # "Đại đội Phòng hóa": a branch names it without a number
                k, armed = e, True
        if "number" in flags:
            k, number = self._take_number(k, parts)
            numbered = named = number is not None
        foreign_party = "needname" in flags and "country" in flags  # "Đảng Cộng sản Trung Quốc"
        if foreign_party and k < self.n and (self.t[k].is_upper or self.t[k].fold == "bộ"):
            return None  # "Đảng bộ …" is a party organisation; "ĐẢNG BỘ …" a headline
        if "name" in flags and not numbered:
            e = self.name_end(k)
            if e > k:
                parts.append(self.words(k, e))
                k = e
                named = True
                if "number" in flags:
                    k, number = self._take_number(k, parts)
                    numbered = number is not None
        if "needname" in flags and not named and "country" in flags:
            e = self._words_to_country(k)  # "Đảng nhân dân cách mạng Lào": a lowercase name, then its country
            if e > k:
                parts.append(self.words(k, e))
                k, named = e, True
        if "needname" in flags and not named:
            return None
        if (
            entry.suffix
            and numbered
            and [tok.fold for tok in self.t[k : k + len(entry.suffix)]]
            == [w.casefold() for w in entry.suffix]
        ):
            parts.append(" ".join(entry.suffix))
            k += len(entry.suffix)
        if "dashname" in flags and numbered and k + 1 < self.n and self.t[k].fold in ("-", "–"):
            k = self._dash_name(k + 1, parts)  # "Ban Chỉ huy Phòng thủ khu vực 3 - Thống Nhất"
        base = " ".join(parts)
        node = Node(
            i,
            k,
            "",
            entry.canonical,
            numbered=numbered,
            number=number,
            base=base,
            party_organ=entry.canonical.startswith("Đảng ủy"),
        )
        if "neednumber" in flags and not numbered and not armed:
            if not as_parent and not self.t[i].is_cap:
                return None
            node.complete = False
            node.open_head = entry.canonical
        has_parent = has_place = False
        if "parent" in flags and k < self.n:
            parent = None
            if self._slash(k):  # "Cục Đối ngoại/BQP", "Cục Tuyên huấn/TCCT"
                parent = self.parse(k + 1, as_parent=True, depth=depth + 1)
                if parent is not None and parent.skip:
                    parent = None
                k_end = parent.end if parent is not None else k
            elif self.t[k].fold == _OPEN and not numbered:
                parent = self.parse(k + 1, as_parent=True, depth=depth + 1)
                if (
                    parent is not None
                    and parent.end < self.n
                    and self.t[parent.end].fold == _CLOSE
                    and not parent.skip
                ):
                    k_end = parent.end + 1
                else:
                    parent = None
            elif not (node.party_organ and [tok.fold for tok in self.t[k : k + 2]] == ["cơ", "quan"]):
                parent = self.parse(k, as_parent=True, depth=depth + 1)
                if (
                    parent is not None
                    and parent.skip
                    and not (node.party_organ and parent.head.startswith("Báo"))
                ):
                    parent = None  # a party committee of a newspaper is one: "Đảng ủy Báo Quân đội nhân dân"
                k_end = parent.end if parent is not None else k
            else:
                parent = self.parse(k + 2, depth=depth + 1)  # "Đảng ủy Cơ quan Tổng cục Chính trị"
                if parent is None or not parent.complete or parent.skip:
                    parent = None
                else:
                    k_end = parent.end
                    parts.append(self.words(k, k + 2))
            if parent is not None:
                parts.append(parent.canonical)
                node.children.append(parent)
                k = k_end
                has_parent = True
                if not parent.complete and parent.open_head is None and not parent.skip:
                    node.complete = False
        if ("place" in flags or "placename" in flags) and not has_parent and k < self.n:
            e, place, place_named = self.place_end(k) if "place" in flags else (k, "", False)
            if e == k and "placename" in flags and not person_at(self, k):
                e2 = self._place_name_end(k)  # "Tỉnh ủy Bến Tre", not "Tỉnh ủy Nguyễn Văn A"
                if e2 > k:
                    e, place, place_named = e2, self.words(k, e2), True
            if e > k:
                parts.append(place)
                k = e
                has_place = True
                node.place = place
                node.expandable = not place_named
        if "country" in flags and k < self.n:
            m = self.countries.longest(self.t, k)
            if m is not None:
                parts.append(m[1].canonical)
                k = m[0]
                has_place = True  # "Bảo hiểm xã hội Việt Nam": its country is its place
        if ("place" in flags or "placename" in flags) and not (has_parent or has_place):
            node.takes_place = True
        if "needparent" in flags and not (has_parent or has_place):
            node.complete = False
        if "needplace" in flags and not has_place:
            node.complete = False
            node.needs_place = True
        if ("parent" in flags or "placename" in flags) and not (has_parent or has_place) and not numbered:
            node.expandable = True
        node.end = k
        node.canonical = " ".join(p for p in parts if p)
        if "skip" in flags:  # parsed for posts ("Hạm trưởng Tàu 016"), never reported
            node.skip = True
            node.complete = False
        node.parent_only = "parentonly" in flags
        return self._joined(node, depth)

    def _joined(self, node: Node, depth: int) -> Node:
        """ "Bộ Tổng Tham mưu - Cơ quan Bộ Quốc phòng": two bodies named as one."""
        t, k = self.t, node.end
        if k + 3 < self.n and t[k].fold == "-" and t[k + 1].fold == "cơ" and t[k + 2].fold == "quan":
            other = self.parse(k + 3, depth=depth + 1)
            if other is not None and other.complete and not other.skip and node.complete:
                return Node(
                    node.start,
                    other.end,
                    f"{node.canonical} - Cơ quan {other.canonical}",
                    node.head,
                    children=[node, other],
                )
        return node

    def _slash(self, k: int) -> bool:
        """A slash glued to the unit before it and the one after it."""
        t = self.t
        return (
            t[k].text == "/" and k + 1 < self.n and t[k - 1].end == t[k].start and t[k].end == t[k + 1].start
        )

    def _code_part(self, node: Node) -> bool:
        """ "109-NQ/QUTW": an abbreviation inside a document code is not a mention of the body."""
        first = self.t[node.start]
        if not first.abbr or node.start == 0:
            return False
        prev = self.t[node.start - 1]
        return prev.text in ("/", "-") and prev.end == first.start

    def _dateline(self, node: Node) -> bool:
        """ "QĐND - Ngày 28-12", "QĐND Online - …": the newspaper's name, not the army."""
        toks = self.t[node.start : node.end]
        if not all(tok.abbr and tok.start == toks[0].start for tok in toks):
            return False
        if node.start > 0 and not self.t[node.start - 1].is_newline:
            return False
        nxt = self.t[node.end].fold if node.end < self.n else ""
        return node.canonical in _PRESS and nxt in ("-", "online", "điện")

    def _ban_after_post(self, k: int) -> Node | None:
        """ "Trưởng ban Tổ chức T.Ư": a "ban" post followed by the rest of a whole body's name
        ("Ban Tổ chức Trung ương") names that body."""
        t = self.t
        if k == 0 or t[k - 1].fold != "ban" or k >= self.n or not t[k].is_cap:
            return None
        m = self.units.longest([Token(0, 0, "Ban"), *t[k : k + 8]], 0)
        if m is None or m[1].flags or m[0] < 3:
            return None
        return Node(k - 1, k - 1 + m[0], m[1].canonical, m[1].canonical)

    def scan(self, blocked: set[int]) -> list[Node]:
        """All top-level units, left to right, skipping blocked tokens (officers' names)."""
        out: list[Node] = []
        i = 0
        unit_root, post_root = self.units.root, self.posts.root
        while i < self.n:
            fold = self.t[i].fold
            if i in blocked or (fold not in unit_root and fold not in post_root and fold[:1] != "z"):
                i += 1
                continue
            post = self.posts.longest(self.t, i)
            head = self.head_at(i)
            if post is not None and (head is None or post[0] > head[0]):
                inner = self._body_in_post(i, post[0])  # "Thủ tướng Chính phủ": the Chính phủ
                if inner is not None:
                    out.append(inner)
                    i = inner.end
                    continue
                i = post[0]  # "Đại đội trưởng" is a post, not "Đại đội"
                ban = self._ban_after_post(i)  # "Trưởng ban Tổ chức Trung ương"
                if ban is not None:
                    out.append(ban)
                    i = ban.end
                continue
            node = self.parse(i)
            if node is None:
                i += 1
                continue
            if self._code_part(node) or self._dateline(node):
                i = node.end
                continue
            party = self._party_after(node)
            if party is not None:
                node = party
            self._owner_inside(node)
            out.append(node)
            i = max(node.end, i + 1)
        share_places(self, out)
        return out

    def _words_to_country(self, k: int) -> int:
        """The end of plain words from ``k`` that lead to a country within a few words (not the
        country itself, which the caller adds), or ``k``."""
        for e in range(k, min(k + 6, self.n)):
            if self.countries.longest(self.t, e) is not None:
                return e if e > k else k
            tok = self.t[e]
            stop = self.name_stops.longest(self.t, e)  # "và", "của": a clause, not a name ("nhân dân" is one)
            if (
                not tok.is_word
                or tok.abbr
                or stop is not None
                and stop[0] == e + 1
                or self.posts.longest(self.t, e)
            ):
                return k
        return k

    def _party_after(self, node: Node) -> Node | None:
        """ "Trung ương Đảng Nhân dân Cách mạng Lào": the party that the skipped "Trung ương Đảng"
        ends with, named after it."""
        if not (node.skip and node.canonical.endswith(" Đảng") and node.end < self.n):
            return None
        party = self.parse(node.end - 1)
        return party if party is not None and party.complete and party.end > node.end else None

    def _body_in_post(self, i: int, j: int) -> Node | None:
        """A whole body that starts inside the post form over ``[i, j)``: "Thủ tướng Chính phủ",
        "Phó Chánh Văn phòng Bộ Quốc phòng" (the Văn phòng Bộ Quốc phòng)."""
        for x in range(i + 1, j):
            if not self.t[x].is_cap or self.head_at(x) is None:
                continue
            node = self.parse(x)
            if node is not None and node.complete and not node.skip and node.end >= j:
                return node
        return None

    def _owner_inside(self, node: Node) -> None:
        """A whole body that ends a longer one's name is a unit too: "Tổng cục Chính trị Quân đội
        nhân dân Việt Nam" names the Quân đội nhân dân Việt Nam."""
        if node.skip or not node.complete or node.head.startswith(_NAMED_AFTER_OWNER):
            return
        known = {n.canonical for n in node.walk()}
        for x in range(node.start + 1, node.end):
            m = self.units.longest(self.t, x)
            if m is None or m[0] != node.end or not self.t[x].is_cap or not m[1].flags <= {"country"}:
                continue
            inner = self.parse(x)
            if inner is not None and inner.complete and not inner.skip and inner.canonical not in known:
                node.children.append(inner)
            return
