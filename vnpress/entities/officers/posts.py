"""Posts: the list of posts stated with an officer's name, each completed with its unit.

"Bí thư Đảng ủy, Chính ủy Quân khu 7" is two posts (a dash separates them as a comma does), the
first taking the unit of the second (see :mod:`.completion`); a post's unit goes on through the
bodies it belongs to, in brackets, after a slash or after commas or a dash ("Phòng Kế hoạch tổng
hợp, Cục Chính trị, Quân chủng Hải quân", "Cục Đối ngoại – Bộ Quốc phòng"), though a service or
region stops short of the ministry; an ordinal belongs to its post ("Phó Tư lệnh thứ nhất"); a post
written as a lone abbreviation ("UVTV") is complete as it stands; "nguyên" (also "nguyên:",
"nguyên là") marks the posts after it as former;
"kiêm", "hiện là" join posts of one person; a "(nay là …)" aside does not end the list. A post
over a colon is one post per listed unit ("nguyên Giám đốc: Bệnh viện 103, … và Học viện Quân y");
a role such as "học viên" is a post only with its unit, and may carry a lowercase description
("cán bộ phiên dịch Đồn Biên phòng …"); a post right after a post names whom it serves ("Trợ lý Bộ
trưởng Bộ Quốc phòng"); "thuộc" links a section to its parent (not a department or formation).
"""

from __future__ import annotations

from vnpress.entities.gazetteer import Gazetteer
from vnpress.entities.matcher import Token
from vnpress.entities.officers.completion import complete as _complete
from vnpress.entities.officers.phrases import PhraseKind, match, words
from vnpress.entities.officers.position import Position
from vnpress.entities.units.names import ends_name, person_at
from vnpress.entities.units.parser import Node, UnitParser

_LEVEL = {
    "Khẩu đội": 1,
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

_ORDINALS = words(PhraseKind.ORDINAL)  # "Phó Tư lệnh thứ nhất" (vnpress/data/officer_phrases.tsv)
# the bodies right under a ministry, named without it
_TOP_BODIES = ("Quân chủng", "Quân khu", "Binh chủng", "Tổng cục", "Bộ Tổng Tham mưu", "Bộ Tư lệnh", "Bộ đội")


class PostParser:
    """The posts part of :class:`~vnpress.entities.officers.finder.OfficerFinder`."""

    def __init__(self, g: Gazetteer, tokens: list[Token], parser: UnitParser):
        self.g = g
        self.t = tokens
        self.n = len(tokens)
        self.p = parser
        self.posts = g.trie("post")
        self.titles = g.trie("title")
        self.former = g.trie("former")
        self.joiners = g.trie("joiner")
        self.stops: set[int] = set()  # where the posts of a nested officer end
        self.nested = 0
        self.last_start = -1  # where the last post of the last list parsed starts
        self.last_end = -1  # and where the list ended before it

    def _served(self, k: int) -> tuple[str, int] | None:
        """The post of an officer named right after a post ("Trợ lý Đại tướng A, Bộ trưởng …"), and
        the end of his posts: see :class:`~vnpress.entities.officers.finder.OfficerFinder`."""
        return None

    def parse_positions(self, k: int) -> tuple[list[Position], int]:
        """A list of posts from token ``k``: "Bí thư Đảng ủy, Chính ủy Quân khu 7"."""
        t = self.t
        out: list[Position] = []
        former = False
        end = k
        predicate = False  # "Thượng tướng A là Ủy viên …; Tư lệnh …; Thứ trưởng …": a list after "là"
        while k < self.n:
            k = self._skip_listed_titles(k)
            lead = self.joiners.longest(t, k)  # "…, hiện là Chính ủy …", "là người Anh hùng …, nguyên"
            if lead is not None:
                after = self._skip_listed_titles(lead[0])
                if self.posts.longest(t, after) or self.former.longest(t, after):
                    predicate = predicate or not out and t[lead[0] - 1].fold == "là"
                    k = after
            f = self.former.longest(t, k)
            if f is not None:
                former = True
                k = f[0]
                if k + 1 < self.n and t[k].fold in (":", "là"):  # "nguyên: Ủy viên …", "nguyên là …"
                    k += 1
            m = self.posts.longest(t, k)
            if m is None:
                break
            self.last_start, self.last_end = k, end
            whole = "whole" in m[1].flags or _abbreviated(t, k, m[0])  # "UVTV, Chỉ huy trưởng …"
            k, post = m[0], m[1].canonical
            if k + 1 < self.n and t[k].fold == "thứ" and t[k + 1].fold in _ORDINALS:
                post, k = f"{post} thứ {t[k + 1].fold}", k + 2  # "Phó Tư lệnh thứ nhất"
            serving = False
            if k + 2 < self.n and t[k].fold == "về" and t[k + 1].is_word:  # "Phó Tư lệnh về chính trị …"
                for e in range(k + 2, min(k + 5, self.n)):
                    field_unit = self.p.parse(e, as_parent=True)
                    if field_unit is not None and (field_unit.complete or field_unit.open_head):
                        post, k = f"{post} về {self.p.words(k + 1, e)}", e
                        break
                    if not t[e].is_word:
                        break
            if "needunit" in m[1].flags:  # "cán bộ phiên dịch Đồn Biên phòng …": the job, then the unit
                k, post = self._job(k, post)
            unit = self.p.parse(k, as_parent=True) if k < self.n else None
            if unit is None and k + 1 < self.n and t[k].fold == "của" and not whole:
                owner = self.p.parse(k + 1)  # "Phó Tham mưu trưởng của Cảnh sát biển Việt Nam"
                if owner is not None and owner.complete and not owner.skip:
                    unit = owner
            unit_text = ""
            if (
                unit is not None
                and unit.complete
                and not unit.numbered
                and unit.end < self.n
                and t[unit.end].is_lower
            ):
                e = self._lower_tail(unit.end)  # "Cục trưởng Cục Đào tạo bồi dưỡng cán bộ;"
                if e > unit.end:
                    self.p.tails[unit.end] = e
                    unit = self.p.parse(k, as_parent=True)
            if unit is not None:
                k = unit.end
                unit_text = unit.canonical
                k, unit_text = self._chain(unit, k, unit_text)
                k, unit_text = self._province_after(k, unit_text)  # "Công an huyện X, tỉnh Y"
                if not unit.complete and k < self.n and _unknown_acronym(t[k]):
                    unit_text, k = f"{unit_text} {t[k].text}", k + 1  # "Đảng ủy BTLTĐ": read on
                    unit = None  # a name as written, complete in itself
            elif k + 1 < self.n and t[k].fold == "," and (comma := self._comma_unit(k + 1)) is not None:
                unit, unit_text, k = (
                    comma,
                    comma.canonical,
                    comma.end,
                )  # "Phó Chủ nhiệm Chính trị, Bộ Tư lệnh …"
            elif [tok.text for tok in t[k : k + 2]] == ["nhà", "trường"]:
                unit_text, k = "Nhà trường", k + 2  # "Hiệu trưởng nhà trường": the article's school
            elif (served := self._served(k)) is not None:
                unit_text, k = served  # "Trợ lý Đại tướng A, Bộ trưởng Bộ Quốc phòng" → "Trợ lý Bộ trưởng …"
                serving = True
            elif (committee := self._committee(k, post)) is not None:
                k, unit_text = committee  # "Phó Trưởng ban tổ chức", "Trưởng ban Thường trực Ban tổ chức"
            elif (
                k < self.n
                and t[k].is_cap
                and t[k].is_word
                and not _served_post(self.posts.longest(t, k))
                and not person_at(self.p, k)  # "Chủ tịch nước Nguyễn Xuân Phúc": whose post it is
            ):
                e = self.p.name_end(k)
                if e > k:
                    e = self._lower_tail(e)  # "Cục trưởng An ninh nội địa;"
                    e2, place, _ = self.p.place_end(e)
                    unit_text = self.p.words(k, e) + (" " + place if e2 > e else "")
                    parent = self.p.parse(e2) if e2 == e else None  # "Ban X Bộ Tư lệnh Y": its parent
                    if parent is not None and parent.complete and not parent.skip:
                        unit_text, e2 = f"{unit_text} {parent.canonical}", parent.end
                    k, unit_text = self._parents(e2, unit_text, "")
                    k, unit_text = self._section_of(k, unit_text)
            if unit_text and k < self.n and (unit_text.endswith(" Đảng") or unit_text == "Bộ Chính trị"):
                k, unit_text = self._party(k, unit_text)  # "Ủy viên Trung ương Đảng Nhân dân Cách mạng Lào"
            if "abroad" in m[1].flags and k + 1 < self.n and t[k].fold == "tại" and t[k + 1].is_cap:
                k, unit_text = self._abroad(k + 1, unit_text)  # "Tùy viên Quốc phòng Việt Nam tại Lào"
            if unit_text and k + 1 < self.n and t[k].fold == "thuộc" and _section(post, unit_text):
                parent = self.p.parse(k + 1, as_parent=True)  # "Ban Tác huấn thuộc Phòng Tham mưu …"
                if parent is not None and not parent.skip:
                    unit_text, k = f"{unit_text} thuộc {parent.canonical}", parent.end
            m2 = self.posts.longest(t, k) if k < self.n and t[k].is_cap else None
            if _served_post(m2) and not self.former.longest(t, k):
                # "Trợ lý Bộ trưởng Bộ Quốc phòng", "thành viên Ban … giúp việc Bộ trưởng Bộ Công an":
                # a post right after a post, with no separator, names whom the first one serves
                served, k = self._one_post(k)
                unit_text = f"{unit_text} {served}".strip()
            if (
                k + 1 < self.n
                and t[k].fold == "khóa"
                and (t[k + 1].text.isupper() and t[k + 1].text.isalpha() or t[k + 1].is_number)
            ):
                unit_text = f"{unit_text} khóa {t[k + 1].text}".strip()  # "Đại biểu Quốc hội khóa XV"
                k += 2
            if not unit_text and k + 1 < self.n and t[k].fold == ":":
                listed, k = self._listed_units(k + 1)  # "nguyên Giám đốc: Bệnh viện 103, Viện …"
                out += [Position(post, u, u.canonical, former, whole) for u in listed[:-1]]
                if listed:
                    unit, unit_text = listed[-1], listed[-1].canonical
            if unit_text or "needunit" not in m[1].flags:  # "học viên" alone is no post
                kinds = m[1].kinds
                out.append(Position(post, unit, unit_text, former, whole, kinds))
            k = self._skip_now(k)
            end = k
            if k in self.stops and not serving:
                break  # the end of an officer's posts nested in another's ("…, kiêm" is the other's)
            if k + 1 < self.n and t[k].fold == ";" and self.former.longest(t, k + 1):
                k += 1  # "nguyên Ủy viên …; nguyên Bí thư …": former posts listed apart by semicolons
                continue
            if predicate and k + 1 < self.n and t[k].fold == ";" and self.posts.longest(t, k + 1):
                k += 1  # "… là Ủy viên …; Tư lệnh …; Thứ trưởng …": an obituary's career
                continue
            if k < self.n and t[k].fold in (",", "-") and k + 1 < self.n:  # "Phó Tư lệnh - Tham mưu trưởng …"
                nxt = self._skip_listed_titles(k + 1)
                if self.posts.longest(t, nxt) or self.former.longest(t, nxt):
                    k = nxt
                    continue
                j = self.joiners.longest(t, nxt)
                if j is not None and t[nxt].fold == "kiêm" and self.posts.longest(t, j[0]):
                    if self.nested:
                        break
                    k = j[0]  # "…, kiêm Phó Chánh Văn phòng …"
                    continue
                if j is not None and t[nxt].fold in ("hiện", "nay") and self.posts.longest(t, j[0]):
                    former, k = False, j[0]  # "nguyên …, hiện là Giám đốc …": his post now
                    continue
            j = self.joiners.longest(t, k)
            if j is not None and self.posts.longest(t, j[0]):
                k = j[0]
                continue
            break
        _complete(out)
        return out, end

    def _province_after(self, k: int, unit_text: str) -> tuple[int, str]:
        """The province after a comma that a district's body belongs to: "Đội trưởng Đội Điều tra
        tổng hợp Công an huyện Mường Tè, tỉnh Lai Châu" (the province is the post's)."""
        t = self.t
        if not (k + 2 < self.n and t[k].fold == "," and t[k + 1].fold in ("tỉnh", "thành")):
            return k, unit_text
        if not any(w in unit_text for w in (" huyện ", " quận ", " thị xã ", " thành phố ")):
            return k, unit_text
        e, place, named = self.p.place_end(k + 1)
        if e > k + 1 and named:
            return e, f"{unit_text}, {place}"
        return k, unit_text

    def _lower_tail(self, e: int) -> int:
        """The end of a department's name after a post, through its lowercase words up to the
        punctuation that closes the post ("Cục trưởng Cảnh sát điều tra tội phạm về ma túy;", "Cục
        trưởng An ninh nội địa,"); ``e`` when the words are the sentence's ("… phát biểu.")."""
        t, x = self.t, e
        while x < self.n and x - e < 8 and t[x].is_word and t[x].is_lower and not t[x].abbr:
            tail = match(t, x, PhraseKind.NAMETAIL)
            if tail is not None:
                x += len(tail)
            elif not ends_name(self.p, x):
                x += 1
            else:
                break
        if x > e and (x >= self.n or t[x].fold in (";", ",", ")", "\n")):
            return x
        return e

    def _party(self, k: int, unit_text: str) -> tuple[int, str]:
        """A party named after its central bodies, of another country: "Trung ương Đảng" + "Nhân dân
        Cách mạng Lào", "Bộ Chính trị" + "Đảng nhân dân cách mạng Lào" (its words up to the country)."""
        t, x = self.t, k
        if unit_text == "Bộ Chính trị":
            if t[x].fold != "đảng":
                return k, unit_text
            x += 1
        for e in range(x, min(x + 8, self.n)):
            country = self.p.countries.longest(t, e)
            if country is not None and e > x:
                return country[0], f"{unit_text} {self.p.words(k, country[0])}"
            if not t[e].is_word or t[e].abbr:
                break
        return k, unit_text

    def _abroad(self, k: int, unit_text: str) -> tuple[int, str]:
        """The country or city of a post abroad, from ``k`` (after "tại"): "… tại Vương quốc Campuchia"."""
        e = self.p.name_end(k)
        if e <= k:
            return k - 1, unit_text
        e2, place, _ = self.p.place_end(e)
        where = self.p.words(k, e) + (" " + place if e2 > e else "")
        return e2, f"{unit_text} tại {where}".strip()

    def _listed_units(self, k: int) -> tuple[list[Node], int]:
        """Whole units listed after a post's colon: "Bệnh viện 103, Viện Bỏng Quốc gia và Học viện
        Quân y" (the end is where the list stops, or ``k - 1`` when there is none)."""
        out: list[Node] = []
        end = k - 1
        while k < self.n:
            unit = self.p.parse(k)
            if unit is None or not unit.complete or unit.skip:
                break
            out.append(unit)
            end = k = unit.end
            if k + 1 < self.n and self.t[k].fold in (",", "và"):
                k += 1
                continue
            break
        return out, end

    def _skip_now(self, k: int) -> int:
        """Past "(nay là Quân ủy Trung ương)": today's name of a body, inside a list of posts."""
        t = self.t
        if k + 2 < self.n and t[k].fold == "(" and t[k + 1].fold == "nay" and t[k + 2].fold == "là":
            for e in range(k + 3, min(k + 20, self.n)):
                if t[e].fold == ")":
                    return e + 1
                if t[e].fold in ("(", "\n"):
                    break
        return k

    def _one_post(self, k: int) -> tuple[str, int]:
        """One post and its unit from ``k``, as text: "Bộ trưởng Bộ Quốc phòng"."""
        m = self.posts.longest(self.t, k)
        assert m is not None
        k, text = m[0], m[1].canonical
        unit = self.p.parse(k, as_parent=True) if k < self.n else None
        if unit is not None and not unit.skip:
            return f"{text} {unit.canonical}", unit.end
        return text, k

    def _job(self, k: int, post: str) -> tuple[int, str]:
        """A role's lowercase description before its unit ("huấn luyện viên chó nghiệp vụ Đồn …")."""
        t = self.t
        e = k
        while e < self.n and e - k < 6 and t[e].is_word and t[e].is_lower and not t[e].abbr:
            e += 1
        if e == k or e >= self.n:
            return k, post
        unit = self.p.parse(e, as_parent=True)
        if unit is None or not unit.complete or unit.skip:
            return k, post
        return e, f"{post} {' '.join(tok.text for tok in t[k:e])}"

    def _committee(self, k: int, post: str) -> tuple[int, str] | None:
        """An event's committee written in lower case after a "ban" post ("Trưởng ban tổ chức",
        "… Ban chỉ đạo"): the words up to the punctuation that closes them."""
        t = self.t
        j, prefix = k, ""
        if k < self.n and t[k].text == "Ban":
            j, prefix = k + 1, "Ban "
        elif not post.casefold().endswith("ban"):
            return None
        e = j
        while e < self.n and e - j < 4 and t[e].is_word and t[e].is_lower:
            e += 1
        if e == j or e < self.n and t[e].is_word:
            return None
        return e, prefix + " ".join(tok.text for tok in t[j:e])

    def _comma_unit(self, k: int) -> Node | None:
        """A whole unit right after the comma that follows a bare post: the post's own unit."""
        if self.posts.longest(self.t, k) or self.former.longest(self.t, k):
            return None
        unit = self.p.parse(k)
        return unit if unit is not None and unit.complete and not unit.skip else None

    def _skip_listed_titles(self, k: int) -> int:
        """Past an honorary title listed among the posts ("…, Anh hùng LLVT nhân dân, nguyên …")."""
        for _ in range(4):
            m = self.titles.longest(self.t, k)
            if m is None or m[0] >= self.n or self.t[m[0]].fold != ",":
                break
            k = m[0] + 1
        return k

    def _chain(self, unit: Node, k: int, text: str) -> tuple[int, str]:
        """ "Đại đội trưởng Đại đội 2, Tiểu đoàn 3, Trung đoàn 209": a chain of ever larger units, apart
        by commas or dashes ("Sư đoàn trưởng Sư đoàn 5 - Quân khu 7")."""
        level = _LEVEL.get(unit.head)
        t = self.t
        if not unit.complete and not unit.open_head and not unit.party_organ and not unit.skip:
            # "Trợ lý Phòng Tác chiến, Bộ Tham mưu Quân khu 4": the organ's parent after a comma
            if k + 1 < self.n and t[k].fold == ",":
                parent = self.p.parse(k + 1)
                if parent is not None and parent.complete and not parent.skip:
                    return parent.end, f"{text}, {parent.canonical}"
                if parent is not None and parent.end < self.n and t[parent.end].fold == ",":
                    # "Trợ lý Ban Tuyên huấn, Phòng Chính trị, Lữ đoàn 147": a section of a section
                    e, longer = self._chain(parent, parent.end, f"{text}, {parent.canonical}")
                    if e > parent.end:
                        return e, longer
            return k, text
        while level and k + 1 < self.n and t[k].fold in (",", "-", "–"):  # "Sư đoàn 5 - Quân khu 7" too
            nxt = self.p.parse(k + 1)
            if nxt is None or not nxt.numbered or _LEVEL.get(nxt.head, 0) <= level:
                break
            text += (", " if t[k].fold == "," else " - ") + nxt.canonical
            level = _LEVEL[nxt.head]
            k = nxt.end
        if level or unit.skip:
            return k, text
        return self._parents(k, text, unit.head)

    def _section_of(self, k: int, text: str) -> tuple[int, str]:
        """ "Trợ lý Cơ sở Đảng, Phòng Tổ chức": a section named by its words, then the office it
        belongs to after a comma (a Phòng or Ban, with whatever parent it names)."""
        t = self.t
        if not (k + 1 < self.n and t[k].fold == "," and t[k + 1].text in ("Phòng", "Ban")):
            return k, text
        office = self.p.parse(k + 1)
        if office is None or office.skip or office.head.split()[0] not in ("Phòng", "Ban"):
            return k, text
        return office.end, f"{text}, {office.canonical}"

    def _parents(self, k: int, text: str, head: str) -> tuple[int, str]:
        """ "Phòng Kế hoạch tổng hợp, Cục Chính trị, Quân chủng Hải quân", "Cục Đối ngoại – Bộ Quốc
        phòng": the bodies after commas or a dash that the post's unit belongs to. A service, region
        or general department is named without the ministry above it ("Quân chủng …, Bộ Quốc phòng")."""
        t = self.t
        for _ in range(2):
            if not (k + 1 < self.n and t[k].fold in (",", "-")):
                break
            nxt = self.p.parse(k + 1)
            if (
                nxt is None
                or not nxt.complete
                or nxt.skip
                or not nxt.canonical.startswith(_COMMAND_BODIES)
                or head.split()[:1] == nxt.head.split()[:1]
                or nxt.canonical in text
                or head.startswith(_TOP_BODIES)
                and nxt.canonical.startswith("Bộ ")
            ):
                break
            text += ", " + nxt.canonical
            head, k = nxt.head, nxt.end
        return k, text

    # -- officers


def _served_post(m) -> bool:
    """A post that a post right before it may serve ("Trợ lý Bộ trưởng"); not a role such as "cán
    bộ", which after a post is the name of a section ("Phó Trưởng phòng Cán bộ")."""
    return m is not None and "needunit" not in m[1].flags


def _section(post: str, unit_text: str) -> bool:
    """A section of a larger body ("Trưởng ban Tác huấn", "Trợ lý Ban Quân lực"), which "thuộc"
    links to its parent; a department or a formation ("Cục trưởng Quân lực thuộc Bộ Tổng Tham mưu",
    "Sư đoàn 302 thuộc Quân khu 7") is named in full without it."""
    words = (post.split()[-1].casefold(), unit_text.split()[0].casefold())
    return bool(set(words) & _SECTIONS)


_SECTIONS = frozenset({"ban", "phòng", "tổ", "đội", "khoa", "trạm", "bộ", "tiểu"})


def _abbreviated(t: list[Token], i: int, j: int) -> bool:
    """A post written as one abbreviation and nothing else ("UVTV" = Ủy viên Thường vụ): of a body
    the reader knows (the province's committee), never completed with the next post's unit."""
    return (
        t[i].abbr
        and all(tok.start == t[i].start for tok in t[i:j])
        and (i == 0 or t[i - 1].start != t[i].start)
        and (j >= len(t) or t[j].start != t[i].start and t[j].fold in (",", ";", "-", "."))
    )


def _unknown_acronym(tok: Token) -> bool:
    """An abbreviation the gazetteer does not know ("BTLTĐ"): the name of the body before it."""
    return tok.is_upper and tok.text.isalpha() and not tok.abbr
