"""The patterns and word tests that resolution extraction is made of (see :mod:`.resolutions`).

Kept apart from the scanner so that each can be read on its own: here, what a document code, a plenum,
a term, a date, a title look like in Vietnamese press; there, how they combine into documents.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from vnpress.data import bundled_tsv

WS = r"[^\S\n]"
_SEP = rf"{WS}*[-–—/]{WS}*"
_LETTERS = r"[A-ZĐƯ](?:[A-Za-z0-9ĐđƯư]|\.(?=[A-ZĐƯ]))*(?!\w)"
CODE_RX = re.compile(rf"\d+(?:{_SEP}\d+)*(?:{_SEP}{_LETTERS})+")
NUMBER_RX = re.compile(rf"\d{{1,5}}(?!\w|[.,]\d|{WS}*[-–/]{WS}*\d)")
_ROMAN = r"[IVXLC]+(?!\w)"
_ORDINAL = r"(?:\d{1,2}|nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười(?:\s+(?:một|hai|ba|bốn|tư|lăm|năm|sáu|bảy|tám|chín))?)"
_TU = r"(?:Trung\s+ương|T\.\s?Ư|TƯ|TW)"
PLENUM_RX = re.compile(
    rf"{WS}+(?:Hội\s+nghị\s+)?(?:"
    rf"(?:Ban\s+Chấp\s+hành\s+)?{_TU}(?:\s+Đảng)?{WS}*(?:lần\s+thứ\s+(?P<o1>{_ORDINAL})|(?P<n1>\d{{1,2}}))"
    rf"|lần\s+thứ\s+(?P<o2>{_ORDINAL})\s+(?:của\s+)?Ban\s+Chấp\s+hành\s+{_TU}(?:\s+Đảng)?(?:\s+Cộng\s+sản\s+Việt\s+Nam)?"
    r")(?!\w)",
    re.IGNORECASE,
)
TERM_RX = re.compile(
    rf"{WS}*,?{WS}*(?P<open>\()?{WS}*(?:các{WS}+)?khóa{WS}+(?P<terms>{_ROMAN}(?:{WS}*(?:,|và){WS}*(?:khóa{WS}+)?{_ROMAN})*)",
    re.IGNORECASE,
)
DATE_RX = re.compile(
    rf"{WS}*,?{WS}*ngày{WS}+(?:(?P<d>\d{{1,2}}){WS}*[-/.]{WS}*(?P<m>\d{{1,2}}){WS}*[-/.]{WS}*(?P<y>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}}){WS}+tháng{WS}+(?P<m2>\d{{1,2}}){WS}+năm{WS}+(?P<y2>\d{{4}}))(?!\d)",
    re.IGNORECASE,
)
OF_RX = re.compile(rf"{WS}*,?{WS}*của{WS}+")
ISSUER_JOIN_RX = re.compile(rf"{WS}*(?:,|và|,{WS}*và){WS}+")
LEAD_RX = re.compile(
    rf"(?P<qual>{WS}+(?:chuyên\s+đề|lãnh\s+đạo))?{WS}*(?P<colon>:)?{WS}*(?P<so>số{WS}*(?::{WS}*)?)?",
    re.IGNORECASE,
)  # "Quyết định số: 452/QĐ-HV": a colon after "số" too
LIST_SEP_RX = re.compile(rf"{WS}*(?:,|;|và|,{WS}*và){WS}*(?P<so>số{WS}*)?", re.IGNORECASE)
ROMAN_RX = re.compile(_ROMAN)
SENTENCE_START_RX = re.compile(r"[.!?:…\n][\s“\"'(–-]*$")
PLURAL_BEFORE_RX = re.compile(r"(?:các|những)\s+$", re.IGNORECASE)
TOPIC_BEFORE_RX = re.compile(r"về\s*[“\"]?\s*$")
QUOTED_RX = re.compile(rf"{WS}*[“\"](?P<title>[^”\"\n]{{3,200}})[”\"]")
# a capitalised kind with its issuer and subject, unquoted: "Quy định của Ban Bí thư về thực hiện chế
# độ chính ủy, chính trị viên ở …" (up to a bracket, a full stop or a semicolon)
ISSUED_ABOUT_RX = re.compile(
    rf"{WS}+của{WS}+(?P<issuer>[A-ZĐÀ-Ỹ][^,.;:()“”\"\n]{{2,60}}?){WS}+về{WS}+(?P<title>[^.;:()“”\"\n]{{5,160}})"
)
YEAR_RX = re.compile(
    rf"(?:{WS}+nước\s+Cộng\s+hòa\s+xã\s+hội\s+chủ\s+nghĩa\s+Việt\s+Nam)?{WS}+(?:năm{WS}+)?(?P<year>(?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)
NAME_TOKEN_RX = re.compile(  # a comma inside a title: "Phòng, chống …", "Luật Cán bộ, công chức"
    rf"(?:{WS}+|,{WS}+(?=chống\b|khen\b|bảo\s+vệ\b)|(?<=bộ),{WS}+(?=công\s+chức\b))(?P<tok>\w+)"
)
NOT_A_TITLE_BEFORE_RX = re.compile(
    r"(?:Đại\s+học|Trường|Khoa|Học\s+viện|Viện|ngành|Cử\s+nhân|Thạc\s+sĩ|Tiến\s+sĩ|Công\s+ty|Văn\s+phòng)\s+$"
    r"|Công\s+ước[^.;\n]{0,80}về\s+$",
    re.IGNORECASE,
)
ORDINALS = {"nhất": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
            "một": 1, "lăm": 5}  # fmt: skip
CLOSE_RX = re.compile(rf"{WS}*\)")
NUMBER_WORD_RX = re.compile(rf"{WS}+số{WS}+", re.IGNORECASE)
CODE_LETTERS_RX = re.compile(r"[A-ZĐƯ][A-Za-z0-9ĐđƯư.]*")
LEAD_NUMBER_RX = re.compile(r"\d+")
OPEN_QUOTE_BEFORE_RX = re.compile(r"[“\"]\s*$")
SPACES_RX = re.compile(r"\s+")
DASHES_RX = re.compile(r"[–—]")
NEXT_WORDS_RX = re.compile(r"[^\S\n]*(%|\w+)(?:[^\S\n]+(\w+))?")


def clean_code(written: str) -> str:
    return SPACES_RX.sub("", DASHES_RX.sub("-", written))


def ordinal(word: str) -> str | None:
    if word.isdigit():
        return str(int(word))
    parts = word.lower().split()
    values = [ORDINALS.get(p) for p in parts]
    if any(v is None for v in values):
        return None
    return str(values[0] + (values[1] if len(values) > 1 else 0))  # mười + một … chín


@cache
def context_words(role: str) -> frozenset[str]:
    """The words of ``data/document_context.tsv`` with this role, lower-cased."""
    rows = bundled_tsv("document_context.tsv", ["words", "role"], required=2)
    return frozenset(" ".join(r["words"].lower().split()) for r in rows if r["role"] == role)


def is_count(text: str, end: int) -> bool:
    """Whether the number ending at ``end`` counts something ("2 năm", "3 đồng chí", "15%")."""
    m = NEXT_WORDS_RX.match(text, end)
    if not m:
        return False
    word, after = m.group(1).lower(), (m.group(2) or "").lower()
    if word == "%":
        return True
    if word == "năm" and len(after) == 4 and after.isdigit():
        return False  # "Nghị quyết 28 năm 2008"
    if word == "ngày" and after[:1].isdigit():
        return False  # a date follows
    return word in context_words("count") or f"{word} {after}" in context_words("count")


def ends_cleanly(text: str, end: int) -> bool:
    """Whether what follows ``end`` closes a document's mention: punctuation, the end, or a connective."""
    m = NEXT_WORDS_RX.match(text, end)
    return not m or not m.group(1)[0].isalnum() or stops_title(m.group(1), m.group(2))


def stops_title(word: str, after: str | None) -> bool:
    word = word.lower()
    return word in context_words("stop") or f"{word} {(after or '').lower()}" in context_words("stop")


def inside_name(prev: str, tok: str, after: str, inner: frozenset[str]) -> bool:
    """Whether ``tok`` (between ``prev`` and ``after``) still belongs to a body's name."""
    low = tok.lower()
    return (
        tok[0].isupper()
        or tok.isdigit()
        or (prev[:1].isupper() and f"{prev.lower()} {low}" in inner)  # "Quân khu", "Chính trị"
        or (low in inner and after[:1].isupper())  # "tỉnh Bến Tre"
        or (not prev[:1].isupper() and f"{low} {after.lower()}" in inner)  # "thành" of "thành phố Hải Phòng"
        or (not prev[:1].isupper() and f"{prev.lower()} {low}" in inner)  # its "phố"
    )


def title_tokens(text: str, pos: int, limit: int = 15) -> Iterator[tuple[int, int, str]]:
    """The words of a title from ``pos``, while they follow one another (a comma only in "Phòng, chống" …)."""
    for _ in range(limit):
        m = NAME_TOKEN_RX.match(text, pos)
        if not m:
            return
        pos = m.end()
        yield m.start("tok"), pos, m.group("tok")


def lead_number(number: str | None) -> str | None:
    m = LEAD_NUMBER_RX.match(number or "")
    return str(int(m.group(0))) if m else None
