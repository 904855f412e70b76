"""Where the proper part of a body's name ends: "Chính trị", "Dân quân tự vệ", "Tăng thiết giáp".

Vietnamese names of bodies capitalise the first syllable of each key word of the proper part and
write the common words after it in lower case: "Cục Dân quân tự vệ", "Trường Sĩ quan Tăng thiết
giáp", "Phòng Kế hoạch tổng hợp", "Viện Chiến lược và Lịch sử quốc phòng Việt Nam". So a name is
a run of capitalised words, each of which may carry one lowercase syllable ("Chính trị"), and
after which a short run of lowercase syllables may belong to the name. The run must be closed (by
punctuation, a capitalised word, or a word that ends names: ``nameend`` rows such as "và", "của",
"tổ chức"; an "open" one such as "khu vực" does not close it). One syllable is enough ("… Tăng
thiết giáp tổ chức"); several must be known parts of names (``namepart`` rows: "tự vệ", "tổng hợp")
or stand right before a capitalised word ("… quốc phòng Việt Nam"), for otherwise they are the
sentence's verb phrase ("Học viện Lục quân quyết tâm nâng cao …", "… Quân sự tuyển sinh."), after
the known part that may start it ("Tăng thiết giáp tiền thân là …"); known parts may run longer
than three syllables ("phòng chống tội phạm ma túy"). After a
place-like run of capitalised words only one syllable may follow ("Viện Bỏng Quốc gia", not "…
Vĩnh Xương ký biên bản"). "và" joins two capitalised parts of one name ("Chiến lược và Lịch sử")
unless a unit, post or rank follows it, or lowercase words up to the body's parent ("Phòng Cảnh
sát PCCC và cứu nạn cứu hộ Công an tỉnh …").

Places end at a province's name or before a person's name ("UBND tỉnh Hồ Văn A" is the province's
committee and its chairman), and local bodies listed before one place share it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from vnpress.data import data_lines
from vnpress.text.normalise import fold
from vnpress.text.vocab import SENTENCE_ENDS_AND_ELLIPSIS

if TYPE_CHECKING:
    from vnpress.entities.gazetteer import Entry, Gazetteer
    from vnpress.entities.matcher import Token, Trie


class UnitParser(Protocol):
    """What these rules read of :class:`vnpress.entities.units.parser.UnitParser`, which calls them
    (a protocol, so that the parser can import this module and not the other way round)."""

    g: Gazetteer
    t: list[Token]
    n: int
    places: Trie
    countries: Trie
    provinces: Trie
    name_stops: Trie
    posts: Trie
    persons: frozenset[int]
    tails: dict[int, int]
    ranks: Trie

    def parse(self, i: int, *, as_parent: bool = False, depth: int = 0): ...
    def head_at(self, i: int, lower_ok: bool = False) -> tuple[int, Entry] | None: ...
    def starts_unit(self, i: int) -> bool: ...
    def number_end(self, k: int) -> int: ...
    def words(self, i: int, j: int) -> str: ...


_LOWER_RUN = 3  # lowercase syllables that may follow a capitalised part ("tự vệ", "quốc phòng")


def ends_name(p: UnitParser, j: int) -> bool:
    """Does a name-ending word (one syllable or a compound such as "tổ chức") start at ``j``? Not
    where a longer namepart starts there: "dự" ends a name ("Học viện Quốc phòng dự lễ"), "dự
    phòng" goes on with it."""
    m = p.name_stops.longest(p.t, j)
    if m is None:
        return False
    part = p.g.trie("namepart").longest(p.t, j)
    return part is None or part[0] <= m[0]


def _unit_stop(p: UnitParser, j: int) -> bool:
    """A unit that ends a name before it; not a word such as "Quân đội" that is only ever part of
    a name ("Viện Y học cổ truyền Quân đội")."""
    head = p.head_at(j)
    if head is None or head[1].flags == frozenset({"skip"}):
        return False
    return "needname" not in head[1].flags or p.parse(j) is not None  # "Cơ sở Đảng, …": no party


def _closer(p: UnitParser, j: int) -> frozenset[str] | None:
    """The flags of a name-ending word at ``j`` (None when there is none): "open" words do not show
    that the lowercase words before them were the name's, "verb" words only for nameparts."""
    m = p.name_stops.longest(p.t, j)
    return None if m is None else m[1].flags


def _nameparts(p: UnitParser, j: int, e: int) -> bool:
    """Are tokens ``[j, e)`` lowercase words of bodies' names ("tự vệ", "thiết giáp")?"""
    parts = p.g.trie("namepart")
    while j < e:
        m = parts.longest(p.t, j)
        if m is None or m[0] > e:
            return False
        j = m[0]
    return True


def _lower(p: UnitParser, j: int) -> bool:
    tok = p.t[j]
    return tok.is_word and tok.is_lower and not tok.abbr


def _joined_name(p: UnitParser, j: int) -> bool:
    """A name word that a joiner ("và", "-") may lead to: capitalised, not a unit, post or rank."""
    if j >= p.n:
        return False
    tok = p.t[j]
    return (
        tok.is_word
        and tok.is_cap
        and not tok.abbr
        and not p.starts_unit(j)
        and not p.posts.longest(p.t, j)
        and not p.g.trie("rank").longest(p.t, j)
        and not p.places.longest(p.t, j)
    )


def lower_run_end(p: UnitParser, j: int, most: int = _LOWER_RUN) -> int:
    """End of a closed run of lowercase syllables from ``j`` ("tự vệ" before ","), or ``j``."""
    n = p.n
    e = j
    while e < n and e - j < most and _lower(p, e) and not ends_name(p, e):
        e += 1
    if e == j:
        return j
    chain = _namepart_chain(p, j)  # "phòng chống tội phạm ma túy": known parts, however many
    if chain - j > e - j:
        e = chain
    if e < n and _lower(p, e):
        closer = _closer(p, e)
        if closer is None or "open" in closer:
            return _namepart_prefix(p, j, e + 1)  # the sentence goes on in lower case
    if e - j > 1:  # several syllables: known parts of names, or words right before a capital
        if _nameparts(p, j, e) or e < n and p.t[e].is_cap and p.t[e].is_word:
            return e
        # "… quyết tâm nâng cao", "… giành giải nhất,", "… tuyển sinh.": the sentence, after the
        # name's own part if one ends it ("Tăng thiết giáp tiền thân là …")
        return _namepart_prefix(p, j, e)
    if e + 1 < n and p.t[e].fold in (",", ";") and _lower(p, e + 1) and not ends_name(p, e + 1):
        return j  # "Học viện Lục quân tin, …": a list of lowercase words, not a name
    if (e >= n or p.t[e].fold in SENTENCE_ENDS_AND_ELLIPSIS) and not _nameparts(p, j - 1, e):
        return j  # "… Liên bang Nga học tập.": a verb ending the sentence, unless "thiết giáp."
    return e


def _namepart_chain(p: UnitParser, j: int) -> int:
    """The end of consecutive nameparts from ``j``, or ``j``."""
    parts = p.g.trie("namepart")
    while j < p.n and not ends_name(p, j):
        m = parts.longest(p.t, j)
        if m is None:
            break
        j = m[0]
    return j


def _namepart_prefix(p: UnitParser, j: int, e: int) -> int:
    """The end of the longest run of nameparts from ``j`` (or from the syllable before it, "thiết
    giáp") short of ``e``, or ``j``."""
    for e2 in range(e - 1, j, -1):
        if _nameparts(p, j, e2) or j > 0 and _lower(p, j - 1) and _nameparts(p, j - 1, e2):
            return e2
    return j


def lower_head_ok(p: UnitParser, i: int, j: int, entry: Entry, lower_ok: bool) -> bool:
    """May a unit's head ``[i, j)`` be written in lower case? Where a post or a body before it says a
    unit follows (``lower_ok``), a head of several words that names a whole body ("Phó Tham mưu
    trưởng binh chủng công binh"); right after a post, a head with the name it needs ("Đồn trưởng
    đồn Biên phòng Cà Ná"); and a formation with its number (see :func:`_lower_numbered`)."""
    t = p.t
    whole_body = j - i > 1 and not entry.flags & {"skip", "neednumber", "needname"}
    named = "needname" in entry.flags and j < p.n and t[j].is_cap and t[j].is_word
    after_post = lower_ok or any(  # "Tư lệnh quân khu 9"
        (m := p.posts.longest(t, b)) is not None and m[0] == i for b in range(max(0, i - 4), i)
    )
    return lower_ok and whole_body or after_post and named or _lower_numbered(p, i, j, entry, after_post)


def _lower_numbered(p: UnitParser, i: int, j: int, entry: Entry, after_post: bool) -> bool:
    """ "quân khu 7", "sư đoàn 2": a formation of several words in lower case with its number (a
    one-word head such as "vùng 2" may be anything); in running text, not a level and a count ("cấp
    tiểu đoàn 7 đầu sổ"): the number ends the phrase or a verb follows it."""
    e = p.number_end(j) if j < p.n else j
    if e == j or len(entry.form.split()) < 2 or "neednumber" not in entry.flags or "skip" in entry.flags:
        return False
    if after_post:
        return True
    if i > 0 and p.t[i - 1].fold in ("cấp", "các", "mỗi", "từng"):
        return False
    nxt = p.t[e] if e < p.n else None
    return nxt is None or not (nxt.is_word and nxt.is_lower) or ends_name(p, e)


def _and_lower(p: UnitParser, j: int) -> int:
    """After "và" at ``j``, lowercase words that end where the body's parent begins ("và cứu nạn
    cứu hộ Công an tỉnh …"), or ``j``."""
    t, n = p.t, p.n
    e = lower_run_end(p, j + 1, _LOWER_RUN + 1)
    if e == j + 1 or e >= n:
        return j
    parent_next = t[e].is_cap or t[e].fold == "," and e + 1 < n and p.starts_unit(e + 1)
    return e if parent_next and p.starts_unit(e if t[e].is_cap else e + 1) else j


def name_end(p: UnitParser, k: int, limit: int = 6) -> int:
    """End of a name in capitalised words from ``k`` (see the module docstring)."""
    t, n = p.t, p.n
    j = k
    words = 0
    caps_run = 0
    limit += 4  # the lowercase words of a name do not count against the capitalised ones
    while j < n and words < limit:
        tok = t[j]
        if tok.fold == "-" and j > k and j + 1 < n and t[j + 1].is_cap and t[j + 1].is_word:
            j += 1
            continue
        if (
            not (tok.is_word and tok.is_cap)
            or tok.abbr
            and j > k
            and p.starts_unit(j)
            or tok.text[-1].isdigit()
        ):
            break  # a code ("A72") is a unit's number, not a word of its name
        if tok.abbr and (j == k or t[j - 1].start != tok.start):  # "CSCĐ": the words it stands for, whole
            e = j
            while e < n and t[e].start == tok.start:
                e += 1
            if e - j > 1 and not (j > k and (_unit_stop(p, j) or p.posts.longest(t, j))):
                j, words, caps_run = e, words + 1, 0
                continue
        if j > k and (_unit_stop(p, j) or p.posts.longest(t, j) or j in p.persons or p.ranks.longest(t, j)):
            break
        j += 1
        words += 1
        caps_run += 1
        whole_word = j - 1 > k and (p.countries.longest(t, j - 1) or (0,))[0] == j  # "… Nga": no second
        # syllable; a name that starts with a country's word is no country ("Cục Pháp chế")
        if j < n and caps_run == 1 and _lower(p, j) and not ends_name(p, j) and not whole_word:
            j += 1  # the second syllable of a capitalised word: "Chính trị", "Tổ chức"
            words += 1
            caps_run = 0
        if j < n and _lower(p, j):
            e = lower_run_end(p, j, 1 if caps_run > 1 else _LOWER_RUN)
            if e == j and t[j].fold == "và" and j + 1 < n and _lower(p, j + 1):
                e = _and_lower(p, j)  # "Phòng Cảnh sát PCCC và cứu nạn cứu hộ Công an tỉnh …"
                if e > j:
                    j = e
                    continue
            if e == j and not (t[j].fold == "và" and _joined_name(p, j + 1) and j > k):
                break
            words += e - j
            j = e
            if j < n and t[j].fold == "và" and _joined_name(p, j + 1):
                j += 1  # "Chiến lược và Lịch sử"
            elif j + 1 < n and t[j].fold == "và" and _lower(p, j + 1):
                j = _and_lower(p, j)  # "Cảnh sát hình sự và điều tra tội phạm Công an tỉnh …"
            caps_run = 0
        elif not (j < n and t[j].is_cap):
            caps_run = 0
    if j > k and t[j - 1].fold in ("-", "và"):
        j -= 1
    return p.tails.get(j, j)  # "Cục Đào tạo bồi dưỡng cán bộ;" after a post: see officers/posts.py


def place_end(p: UnitParser, k: int, *, bare_ok: bool = True) -> tuple[int, str, bool]:
    """A place: "tỉnh Bến Tre", "thành phố Hồ Chí Minh", "tỉnh" alone, "các tỉnh, thành phố".
    Returns ``(end, canonical, named)``; ``end == k`` when there is none."""
    t = p.t
    if k < p.n and t[k].fold == "các":
        j = k + 1
        parts = []
        while True:
            m = p.places.longest(t, j)
            if m is None:
                break
            parts.append(m[1].canonical)
            j = m[0]
            if j + 1 < p.n and t[j].fold == "," and p.places.longest(t, j + 1):
                j += 1
                continue
            break
        if parts:
            return j, "các " + ", ".join(parts), False
        return k, "", False
    m = p.places.longest(t, k)
    if m is None:
        return k, "", False
    j, entry = m
    e = place_name_end(p, j)
    if entry.canonical == "tỉnh" and e > j and p.provinces.longest(t, j) is None and person_at(p, j):
        e = j  # "Phó Chủ tịch UBND tỉnh Hồ Quang Minh": a person, not a province
    if e > j:
        return e, entry.canonical + " " + p.words(j, e), True
    if not bare_ok:
        return k, "", False
    return j, entry.canonical, False


def place_name_end(p: UnitParser, k: int) -> int:
    """Capitalised syllables of a place name ("Bến Tre", "Bà Rịa - Vũng Tàu", "Hồ Chí Minh")."""
    t, n = p.t, p.n
    j = k
    limit = 6
    province = p.provinces.longest(t, k)
    if province is not None:  # a province ends where its name does ("TPHCM Đặng Minh Thông")
        return province[0]
    if k < n and t[k].is_upper:  # a headline in capitals shows no word boundary
        limit = 2
    words = 0
    while j < n and words < limit:
        tok = t[j]
        if j > k and person_at(p, j):
            break  # "huyện Châu Thành Nguyễn Văn Hai": the place ends before a person's name
        name_word = tok.is_word and tok.is_cap and not p.starts_unit(j) and not p.posts.longest(t, j)
        ward_number = tok.is_number and j > k and t[j - 1].fold in ("phường", "quận")
        dash = tok.fold == "-" and j > k and j + 1 < n and t[j + 1].is_cap and t[j + 1].is_word
        if not (name_word or ward_number or dash):
            break
        words += name_word
        j += 1
    if k < n and j == k and t[k].is_number and k > 0 and t[k - 1].fold in ("phường", "quận", "xã"):
        j = k + 1
    return j


# common family names (vnpress/data/surnames.txt): a capitalised run that starts with one is a person
SURNAMES = frozenset(fold(w) for w in data_lines("surnames.txt"))


def person_at(p: UnitParser, j: int) -> bool:
    """A family name followed by a capitalised given name at ``j`` ("Hồ Quang Minh"), not a
    province that starts like one ("Hà Nội")."""
    t = p.t
    if p.provinces.longest(t, j) is not None:
        return False
    return (
        t[j].fold in SURNAMES
        and t[j].is_cap
        and not t[j].abbr
        and j + 1 < p.n
        and t[j + 1].is_cap
        and t[j + 1].is_word
        and not t[j + 1].abbr
    )


_LIST_JOINERS = frozenset({",", "-", "và"})
_OWN_KIND = {"Tỉnh ủy": "tỉnh ", "Huyện ủy": "huyện ", "Quận ủy": "quận "}


def share_places(p: UnitParser, nodes: list) -> None:
    """ "Huyện ủy, Hội đồng nhân dân, Ủy ban nhân dân, Ủy ban MTTQ huyện Hải Hà", "Thành ủy - HĐND -
    UBND TPHCM": local bodies listed before one place all belong to it."""
    run: list = []
    for prev, node in zip(nodes, nodes[1:], strict=False):
        between = [tok.fold for tok in p.t[prev.end : node.start]]
        taker = prev.takes_place and not prev.party_organ  # "Đảng ủy, Bộ CHQS tỉnh X": the command's
        if taker and len(between) == 1 and between[0] in _LIST_JOINERS:
            run.append(prev)
        else:
            run = []
            continue
        bare = node.place is not None and " " not in node.place  # "Tỉnh ủy, HĐND, UBND tỉnh"
        if node.place and not node.takes_place and (not node.expandable or bare):
            for body in run:
                place = node.place
                kind = _OWN_KIND.get(body.canonical)
                if kind and bare and kind.strip() == place:
                    continue  # "Tỉnh ủy" is the province's already
                if kind and place.startswith(kind):
                    place = place[len(kind) :]  # "Huyện ủy" + "huyện Hải Hà" → "Huyện ủy Hải Hà"
                body.canonical = f"{body.canonical} {place}"
                body.place, body.complete, body.takes_place = place, True, False
                body.needs_place, body.expandable = False, node.expandable
            run = []
