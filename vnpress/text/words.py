"""What a segmented word is, for counting: a Vietnamese word, an abbreviation, or something else.

Each segmented word gets a kind (:func:`classify_word`; the segmenter never joins a word across a line
break or with a punctuation-only token, see :mod:`vnpress.text.segment`). freq counts only ``word`` (its
hot loop reads the words directly); kwic sees a document as :class:`Token` objects. The other kinds
are what a word list should leave out:

``punct``  no letter or digit at all: ``,`` ``(`` ``…`` ``|``
``number`` numbers, amounts with a unit, Roman numerals of II or more: ``2020`` ``12,5`` ``1.200`` ``70%`` ``XIV``
``date``   dates, times, day-month and year ranges: ``14/11/2020`` ``06-4`` ``2018-2020`` ``13:02`` ``7h30``
``phone``  phone numbers: ``0985.456.616`` ``+84 24 3823 4567``
``url``    web addresses and domain names: ``https://…`` ``www.qdnd.vn`` ``Thanhuytphcm.vn``
``email``  e-mail addresses
``code``   document codes, found on the text around the tokens: ``05-NQ/TW`` ``01/CT-TTg`` ``123/2020/NĐ-CP``
``junk``   letters that are no Vietnamese syllable, no abbreviation and no pronounceable loanword, or
           lower-case letters mixed with digits: ``cctvnnnbnnvakknfjcn11`` ``74nn22t12``

Whether letters are Vietnamese is decided by the phonotactics of the syllable (initial consonant,
vowel nucleus, final consonant), not by a list. Abbreviations (``LLVT``, ``CTĐ``, ``QK3``, ``T.Ư``),
loanwords that a reader can pronounce (``online``, ``Internet``) and single letters are words.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from vnpress.text.normalise import LINE_BREAKS, strip_tones

WORD = "word"
KINDS = (WORD, "punct", "number", "date", "phone", "url", "email", "code", "junk")

# -- Vietnamese syllables -------------------------------------------------------------------------

_ONSETS = "ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
# Nuclei (with the medial o/u) that may take a final consonant, and those that end in a glide and take none.
_CLOSABLE = "uyê|iê|yê|uô|ươ|oa|oă|oe|uâ|uê|uơ|uy|oo|ôô|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y"
_OPEN = (
    "oai|oay|oao|oeo|uây|uôi|ươi|ươu|iêu|yêu|uyu|uya|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ua|ui|ưa|ưi|ưu"
)
_CODAS = "ng|nh|ch|c|m|n|p|t"
_SYLLABLE = re.compile(rf"(?:{_ONSETS})?(?:(?:{_OPEN})|(?:{_CLOSABLE})(?:{_CODAS})?)")
_VOWELS = set("aăâeêioôơuưy")
_ROMAN = re.compile(r"(?=[IVXL]{2})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")


def is_vietnamese_syllable(syllable: str) -> bool:
    """``Quốc``, ``nghiêng``, ``NGUYỄN``, ``uỷ`` yes; ``cctv``, ``nn``, ``Home`` no."""
    s = strip_tones(unicodedata.normalize("NFC", syllable)).lower()
    return bool(s) and _SYLLABLE.fullmatch(s) is not None


def is_abbreviation(syllable: str) -> bool:
    """Capitals, maybe with digits, dots or a final small letter: ``LLVT`` ``CTĐ`` ``QK3`` ``T.Ư`` ``TTg``,
    and designations such as ``B40`` ``T34`` ``5G``."""
    core = syllable.rstrip(".")
    if len(core) < 2:
        return False
    upper = sum(1 for c in core if c.isupper())
    if core[0].isdigit():
        if upper < 1 or len(core) > 4:
            return False
    elif not core[0].isupper() or (upper < 2 and not any(c.isdigit() for c in core)):
        return False
    body = core[:-1] if core[-1].islower() and core[-2].isupper() else core
    return all(c.isupper() or c.isdigit() or c in ".&/-" for c in body) and body[-1] not in "/-&"


_SYLLABLES = re.compile(rf"(?:{_SYLLABLE.pattern})+")


def _loanword(syllable: str) -> bool:
    """A loanword or a minority-language name a reader can say: in lower case or capitalised, and
    either Vietnamese syllables written together (``ôtô``, ``ximăng``) or letters with a vowel, no run
    of five consonants and no letter three times in a row (``online``, ``Internet``, ``Prông``,
    ``crôm``). ``vềCTĐ`` (a missing space) and ``cctvnnnbnnvakknfjcn`` are not."""
    if not syllable.isalpha() or len(syllable) > 30:
        return False
    if not (syllable.islower() or (syllable[0].isupper() and syllable[1:].islower())):
        return False
    s = strip_tones(unicodedata.normalize("NFC", syllable)).lower()
    if _SYLLABLES.fullmatch(s):
        return True
    if not any(c in _VOWELS for c in s) or re.search(r"(.)\1\1", s):
        return False
    run = 0
    for c in s:
        run = 0 if c in _VOWELS else run + 1
        if run >= 5:
            return False
    return True


def _letters_kind(syllable: str) -> str:
    if len(syllable) == 1 and syllable.isalpha():
        return WORD
    if is_vietnamese_syllable(syllable) or is_abbreviation(syllable) or _loanword(syllable):
        return WORD
    return "junk"


# -- token kinds ------------------------------------------------------------------------------------

_URL = re.compile(
    r"(?:https?://|www\.)\S+|[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org|gov|edu|info|biz|io|int|mil|asia)(?:[/:?#]\S*)?",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?:\+84[ .-]?|0)\d{1,3}(?:[ .-]?\d{2,4}){2,4}")
_DATE = re.compile(
    r"\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?"  # 14/11/2020, 06-4, 13.11
    r"|\d{1,2}[/-]\d{4}"  # 11/2020
    r"|\d{4}\s?[-–—/]\s?\d{2,4}"  # 2018-2020, 2020/21
    r"|\d{1,2}[:hg]\d{2}(?::\d{2})?|\d{1,2}[hg]"  # 13:02, 7h30, 7g
)
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)*(?:%|‰|đ|km|m2|m|cm|mm|kg|g|ha|MW|kW|GHz|MHz)?|[+-]?\d*[.,]\d+")
_WORD_NUMBER = re.compile(r"([^\W\d_]+)-\d+")  # Covid-19, F-16, Su-30
_DESIGNATION = re.compile(
    r"[A-ZĐ][A-Za-z]{0,4}-?\d+[A-Z0-9]*(?:-[A-Z0-9]+)*"
)  # MiG-21, Su-30MK2, S-300, T-90S
CODE_PATTERN = re.compile(
    r"(?<![\w/.-])\d{1,5}(?:/\d{2,4})?[/-][A-ZĐ][A-Za-zĐđ]{0,7}(?:[/-](?:[A-ZĐ][A-Za-zĐđ]{0,7}|\d{2,4}))*(?![\w/])"
)


def classify(text: str) -> str:
    """The kind of one token (a segmented word without line breaks), one of :data:`KINDS`."""
    t = " ".join(text.split())
    if not any(c.isalnum() for c in t):
        return "punct"
    if _EMAIL.fullmatch(t):
        return "email"
    if _URL.fullmatch(t):
        return "url"
    if any(c.isdigit() for c in t):
        if _PHONE.fullmatch(t):
            return "phone"
        if _DATE.fullmatch(t):
            return "date"
        if _NUMBER.fullmatch(t):
            return "number"
        if CODE_PATTERN.fullmatch(t):
            return "code"
    kinds = {_syllable_kind(s) for s in t.split(" ")}
    if kinds == {"number"}:
        return "number"
    return WORD if kinds <= {WORD, "number"} and WORD in kinds else "junk"


def _syllable_kind(syllable: str) -> str:
    s = syllable.strip("\"'“”‘’()[]{}«»,;:!?")
    if not s:
        return WORD
    if _ROMAN.fullmatch(s) or _NUMBER.fullmatch(s):
        return "number"
    if is_abbreviation(s) or _DESIGNATION.fullmatch(s):
        return WORD
    m = _WORD_NUMBER.fullmatch(s)
    if m:
        s = m.group(1)
    if any(c.isdigit() for c in s):
        return "junk"
    parts = [p for p in re.split(r"[-'’.]", s) if p]
    if not parts:
        return WORD
    return WORD if all(_letters_kind(p) == WORD for p in parts) else "junk"


# -- tokens of a document ---------------------------------------------------------------------------

_LINE_START = re.compile(rf"\r\n|[{LINE_BREAKS}]")  # where a line ends, as str.splitlines sees it


class Token(NamedTuple):
    """A piece of a segmented word: its span in the original text, the text as written there, its
    normal form (NFC, one tone placement, single spaces), its kind and the line it is on."""

    start: int
    end: int
    text: str
    norm: str
    kind: str
    line: int

    @property
    def is_word(self) -> bool:
        return self.kind == WORD


def line_starts(text: str) -> list[int]:
    """Offsets at which the lines of ``text`` start (the same lines as ``str.splitlines``)."""
    starts = [0]
    for m in _LINE_START.finditer(text):
        starts.append(m.end())
    return starts


def code_spans(text: str) -> list[tuple[int, int]]:
    """Spans of document codes; their characters (ASCII, Đ) are the same in every normal form."""
    if "/" not in text and "-" not in text:
        return []
    return [m.span() for m in CODE_PATTERN.finditer(text)]


def in_code(codes: list[tuple[int, int]], code_starts: list[int], a: int, b: int) -> bool:
    """Whether the span ``a:b`` overlaps one of ``codes`` (in order; ``code_starts`` their starts)."""
    i = bisect.bisect_right(code_starts, a) - 1
    return (i >= 0 and codes[i][1] > a) or (i + 1 < len(codes) and codes[i + 1][0] < b)


def document_tokens(text: str, words: Sequence) -> list[Token]:
    """The tokens of one document from its segmented words (objects with ``start``, ``end``, ``text``
    and ``norm``, offsets into ``text``, in order, none across a line break, as :mod:`vnpress.text.segment`
    makes them)."""
    starts = line_starts(text)
    codes = code_spans(text)
    code_starts = [a for a, _ in codes]
    out: list[Token] = []
    append = out.append
    line, n_lines = 0, len(starts)
    for w in words:
        a, b = w.start, w.end
        if line + 1 < n_lines and starts[line + 1] <= a:  # words come in order: walk the lines
            line = bisect.bisect_right(starts, a, line) - 1
        kind = "code" if codes and in_code(codes, code_starts, a, b) else classify_word(w.norm)
        append(Token(a, b, w.text, w.norm, kind, line))
    return out


@lru_cache(maxsize=1 << 18)
def classify_word(norm: str) -> str:
    """:func:`classify`, memoised: the kind of a segmented word's normal form."""
    return classify(norm)
