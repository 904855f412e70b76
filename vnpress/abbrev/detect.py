"""Which tokens of a text are abbreviations: regular expressions on the text, no segmenter.

An abbreviation is a run of two or more capital letters (Vietnamese capitals included), possibly
dotted (``T.Ư``), joined by hyphens or ``&`` (``QP-AN``, ``PCCC&CNCH``), glued to a number (``QK3``)
or glued to the word before it by a missing space (``vềCTĐ``). Not abbreviations: Roman numerals,
unit codes (``Z199``, ``DK1/10``, ``DK-I``, registration numbers ``tàu BP 12-34-56``), anything
inside a URL, an e-mail address, a domain name, a time of day (``17:18 PM``), a time zone
(``GMT+7``) or a document number (``35-NQ/TW``, ``12- KL/TW``), words in mixed case (``ThS``)
outside a dotted chain of titles (``ThS.BS``), and capitalised words: a token that is a well-formed
Vietnamese syllable is a word when it stands next to another one (``NGUYỄN BẰNG``, a headline in
capitals), and is kept alone only if it is a known abbreviation (``TƯ``, ``AN``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace

from vnpress.text.normalise import strip_tones


def _letters(predicate) -> str:
    chars = []
    for cp in range(0x41, 0x1F00):
        ch = chr(cp)
        if unicodedata.category(ch).startswith("L") and predicate(ch):
            name = unicodedata.name(ch, "")
            if name.startswith("LATIN"):
                chars.append(ch)
    return "".join(chars)


UPPER = _letters(str.isupper)
LOWER = _letters(str.islower)
_U = f"[{re.escape(UPPER)}]"
_L = f"[{re.escape(LOWER)}]"

_WORD = re.compile(rf"(?<![^\W_])[^\W_]*?{_U}[^\W_]*(?:[.\-–&][^\W_]+)*")  # words with a capital
_SPLIT = re.compile(r"([.\-–&])")
_SIMPLE = re.compile(rf"^(?P<pre>[^\W\d_]*{_L})?(?P<abbr>{_U}{{2,}})(?P<num>\d+)?$")
_CAPS = re.compile(rf"^{_U}+$")
_ROMAN = re.compile(r"^(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")

_TLD = r"\.(?i:vn|com|net|org|gov|edu|info|int|biz|io)(?!\w)(?!\.\w)"
_MASKS = [  # (a cheap test, the pattern): URLs, e-mail addresses, domain names, document numbers
    ("://", re.compile(r"(?:https?://)[^\s<>\"“”()]+")),
    ("www.", re.compile(r"www\.[^\s<>\"“”()]+")),
    ("@", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    (re.compile(_TLD), re.compile(rf"(?<![\w@/.])[\w-]+(?:\.[\w-]+)*{_TLD}(?:/[^\s()]*)?")),
    (
        re.compile(r"\d[/-]"),
        re.compile(r"(?<![\w/])\d+(?:[/-]\d+)*[/-][A-ZĐ][^\W_]*(?:[/&-][^\W_]+)*"),
    ),  # 35-NQ/TW
    (
        re.compile(r"\d[^\S\n]*[-–][^\S\n]*[A-ZĐ][^\W_]*/"),
        re.compile(r"(?<![\w/])\d+[^\S\n]*[-–][^\S\n]*[A-ZĐ][^\W_]*/[^\W_]+(?:[/&-][^\W_]+)*"),
    ),  # 12- KL/TW, a space typed next to the dash
    (":", re.compile(r"\d:\d\d[^\S\n]*[AP]M(?![^\W_])")),  # 17:18 PM
    ("GMT", re.compile(r"(?<![^\W_])GMT(?:[+-]\d+)?")),  # time zones: 16:08 (GMT+7)
    ("UTC", re.compile(r"(?<![^\W_])UTC(?:[+-]\d+)?")),
]

_ONSET = r"(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnpqrstvx])?"
_SYLLABLE = re.compile(rf"^{_ONSET}[aăâeêioôơuưy]{{1,3}}(?:ch|nh|ng|[cmnptk])?$")  # -k: Đắk Lắk
_RUN_GAP = re.compile(r"^[^\S\n]*[,;:&\-–—\"“”'‘’]?[^\S\n]*$")


_DOUBLED = re.compile(r"([aăâeêiôơuưy])\1")


def is_syllable(word: str) -> bool:
    """Whether ``word`` is spelled like one Vietnamese syllable (onset, vowels, final consonant)."""
    bare = strip_tones(word).lower()
    return bool(_SYLLABLE.match(bare)) and not _DOUBLED.search(bare)


def is_roman(word: str) -> bool:
    return bool(word) and bool(_ROMAN.match(word))


@dataclass(frozen=True)
class Part:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Candidate:
    """A token that may be an abbreviation. ``text`` is the abbreviation as written (a number glued
    to it is in ``number``); ``parts``/``joiners`` split a compound (``QP-AN``) into its pieces.
    ``wordlike`` tokens are spelled like Vietnamese syllables and count only if they are known."""

    text: str
    start: int
    end: int
    number: str | None = None
    glued: bool = False
    parts: tuple[Part, ...] = ()
    joiners: tuple[str, ...] = ()
    wordlike: bool = False

    @property
    def end_with_number(self) -> int:
        return self.end + (len(self.number) if self.number else 0)


def masked_spans(text: str) -> list[tuple[int, int]]:
    spans: set[tuple[int, int]] = set()
    for test, pattern in _MASKS:
        if (test in text) if isinstance(test, str) else test.search(text):
            spans.update(m.span() for m in pattern.finditer(text))
    return sorted(spans)


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _split(token: str, offset: int) -> tuple[list[Part], list[str]]:
    pieces = _SPLIT.split(token)
    parts, joiners, pos = [], [], offset
    for i, piece in enumerate(pieces):
        if i % 2:
            joiners.append(piece)
        else:
            parts.append(Part(piece, pos, pos + len(piece)))
        pos += len(piece)
    return parts, joiners


@dataclass
class _Token:
    start: int
    end: int
    capital_syllable: bool
    candidate: Candidate | None


def _simple(part: Part) -> _Token:
    """One token without joiners: a plain abbreviation, one glued to a word or a number, or a word."""
    text = part.text
    if _CAPS.match(text) and is_syllable(text):
        cand = (
            Candidate(text, part.start, part.end, wordlike=True)
            if len(text) >= 2 and not is_roman(text)
            else None
        )
        return _Token(part.start, part.end, True, cand)
    m = _SIMPLE.match(text)
    if not m:
        return _Token(part.start, part.end, False, None)
    abbr, number, pre = m.group("abbr"), m.group("num"), m.group("pre") or ""
    if pre and (len(pre) < 2 or not is_syllable(pre) or not pre[1:].islower()):
        return _Token(part.start, part.end, False, None)
    if not number and is_roman(abbr):
        return _Token(part.start, part.end, False, None)
    start = part.start + len(pre)
    return _Token(
        part.start, part.end, False, Candidate(abbr, start, start + len(abbr), number, glued=bool(pre))
    )


def _tokens(text: str, masks: list[tuple[int, int]], known: frozenset[str]) -> list[_Token]:
    """The tokens with a capital letter (the others are never abbreviations, and a gap with letters in
    it breaks a run of capitalised words anyway)."""
    tokens: list[_Token] = []
    for m in _WORD.finditer(text):
        if _inside(masks, m.start(), m.end()):
            continue
        parts, joiners = _split(m.group(), m.start())
        if len(parts) == 1:
            tokens.append(_simple(parts[0]))
            continue
        coded = {i for i, p in enumerate(parts) if any(c.isdigit() for c in p.text)}
        coded |= {  # a Roman numeral after a hyphen is a serial number: nhà giàn DK-I
            i for i, p in enumerate(parts) if is_roman(p.text) and _hyphen_next_to(joiners, i)
        }
        whole = Candidate(m.group(), m.start(), m.end(), parts=tuple(parts), joiners=tuple(joiners))
        if not coded and all(_CAPS.match(p.text) for p in parts):
            if all(len(p.text) >= 2 and is_syllable(p.text) for p in parts) and set(joiners) <= {"-", "–"}:
                tokens.append(_Token(m.start(), m.end(), True, replace(whole, wordlike=True)))
            else:
                tokens.append(_Token(m.start(), m.end(), False, whole))
            continue
        if not coded and set(joiners) == {"."} and all(_CAPS.match(p.text) or p.text in known for p in parts):
            tokens.append(_Token(m.start(), m.end(), False, whole))  # a chain of titles: ThS.BS
            continue
        for i, part in enumerate(parts):
            near_code = (i - 1 in coded and joiners[i - 1] in "-–") or (i + 1 in coded and joiners[i] in "-–")
            if i in coded or near_code:
                tokens.append(_Token(part.start, part.end, False, None))
            else:
                tokens.append(_simple(part))
    return tokens


def _hyphen_next_to(joiners: list[str], i: int) -> bool:
    return (i > 0 and joiners[i - 1] in "-–") or (i < len(joiners) and joiners[i] in "-–")


_VESSEL_BEFORE = re.compile(r"(?i:\b(?:tàu|tầu|xuồng|ca nô|canô|thuyền|máy bay|trực thăng))[^\S\n]+$")
_CODE_AFTER = re.compile(r"[^\S\n]+\d+[\-–./]\d[\d\-–./]*(?![^\W\d_])")


def _hull_number(text: str, c: Candidate) -> bool:
    """``tàu BP 12-34-56``: the letters of a registration number. Before a plain number they name
    the force the ship belongs to (``tàu HQ 331`` of the Hải quân, ``tàu CSB 8001``) and count."""
    return (
        c.number is None
        and not c.parts
        and bool(_CODE_AFTER.match(text, c.end))
        and bool(_VESSEL_BEFORE.search(text, max(0, c.start - 20), c.start))
    )


_SPACED_DASH = re.compile(r"^[^\S\n]+[-–][^\S\n]+$")


def _join_spaced(text: str, cands: list[Candidate], compound: Callable[[str], bool]) -> list[Candidate]:
    """``QP – AN``: two abbreviations around a dash set off by spaces are one when the compound
    (``QP-AN``) is known; the abbreviation is kept as written."""
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        gap = text[prev.end_with_number : c.start] if prev else ""
        if (
            prev is not None
            and not prev.number
            and not prev.parts
            and not c.parts
            and not c.number
            and _SPACED_DASH.match(gap)
            and compound(f"{prev.text}-{c.text}")
        ):
            parts = (Part(prev.text, prev.start, prev.end), Part(c.text, c.start, c.end))
            out[-1] = Candidate(
                text[prev.start : c.end],
                prev.start,
                c.end,
                glued=prev.glued,
                parts=parts,
                joiners=(gap.strip(),),
            )
            continue
        out.append(c)
    return out


def find_candidates(
    text: str, known: frozenset[str] = frozenset(), compound: Callable[[str], bool] | None = None
) -> list[Candidate]:
    """Abbreviation candidates of ``text``, in order. Capitalised syllables next to one another
    (a name, a headline) are left out; a lone one is kept as ``wordlike``. ``known`` names words
    written in mixed case that are abbreviations all the same (``ThS``): they count only inside a
    dotted chain of titles (``ThS.BS``), since on its own an abbreviation is written in capitals.
    The letters of a hull number (``tàu BP 12-34-56``) are part of a code and left out. ``compound``
    tells whether a compound such as ``QP-AN`` is known, to read ``QP – AN`` as one."""
    tokens = _tokens(text, masked_spans(text), known)
    out: list[Candidate] = []
    for i, tok in enumerate(tokens):
        if tok.candidate is None:
            continue
        if tok.capital_syllable:
            prev_run = (
                i > 0
                and tokens[i - 1].capital_syllable
                and _RUN_GAP.match(text[tokens[i - 1].end : tok.start])
            )
            next_run = (
                i + 1 < len(tokens)
                and tokens[i + 1].capital_syllable
                and _RUN_GAP.match(text[tok.end : tokens[i + 1].start])
            )
            if prev_run or next_run:
                continue
        if _hull_number(text, tok.candidate):
            continue
        out.append(tok.candidate)
    return _join_spaced(text, out, compound) if compound is not None else out


_LINE_START = re.compile(r"(?:^|\n)[^\S\n]*(?P<open>[(\[])?[^\S\n]*$")
_DASH_AFTER = re.compile(r"[^\S\n]*[-–—]")
_CLOSE_AFTER = re.compile(r"(?:[^\S\n]+[^\W\d_]+)?[^\S\n]*[)\]]")  # (VTC News)
_CREDIT_BEFORE = re.compile(r"(?<![^\W_])(?i:ảnh|nguồn|video|clip|đồ họa|đồ hoạ)[^\S\n]*:[^\n:;!?]{0,40}$")


def is_outlet_tag(text: str, c: Candidate) -> bool:
    """Whether ``c`` is the outlet's tag that opens a paragraph: ``QĐND -``, ``(TCCS) -``, ``(HNO) Ngày``."""
    m = _LINE_START.search(text, max(0, c.start - 12), c.start)
    if m is None:
        return False
    after = _CLOSE_AFTER if m.group("open") else _DASH_AFTER
    return bool(after.match(text, c.end_with_number))


def in_credit(text: str, c: Candidate) -> bool:
    """Whether ``c`` stands in a credit, ``Ảnh: H.T``, ``(Ảnh: Văn Minh/TTXVN)``."""
    return bool(_CREDIT_BEFORE.search(text, max(0, c.start - 60), c.start))


def abbreviation_letters(abbreviation: str) -> str:
    """The letters an abbreviation stands for, tone and vowel marks removed (``Đ`` stays ``Đ``)."""
    out = []
    for ch in abbreviation:
        if ch.isalpha():
            out.append(ch if ch in "Đđ" else unicodedata.normalize("NFD", ch)[0])
    return "".join(out).upper()


SHORT_FORM = re.compile(rf"^(?P<abbr>{_U}+(?:[.\-–&]{_U}+)*)(?P<num>\d+)?$")


def parse_short_form(item: str) -> tuple[str, str | None] | None:
    """``(abbreviation, number)`` if ``item`` is written like a short form (``LLVT``, ``T.Ư``, ``QK3``)."""
    m = SHORT_FORM.match(item)
    if not m:
        return None
    abbr = m.group("abbr")
    if len(abbreviation_letters(abbr)) < 2 or (not m.group("num") and is_roman(abbr)):
        return None
    return abbr, m.group("num")
