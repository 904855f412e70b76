"""Abbreviations an article defines itself: Schwartz–Hearst, adapted to Vietnamese.

Forward, ``lực lượng vũ trang (LLVT)``: the short form stands in brackets and its long form ends
just before them, within min(|SF| + 5, 2·|SF|) words. The letters of the short form are matched
right to left, each one to the initial of a syllable (``CHQS`` = Chỉ Huy Quân Sự; a multi-letter
initial such as ``Ch``, ``Tr``, ``Ng`` counts as its first letter), comparing letters without their
marks (``Ủ`` matches ``U``) except ``Đ``, which matches ``Đ`` only. The shortest long form wins, so
"Bộ Chỉ huy Quân sự (CHQS)" defines CHQS as "Chỉ huy Quân sự". ``W`` stands for an ``ư``/``u``
syllable (``TW`` = Trung ương). Between matched syllables only short function words (và, của …)
may be skipped. Lists ``công tác Đảng, công tác chính trị (CTĐ, CTCT)`` are matched from the last
short form back, one comma- or "và"-separated long form each. Reverse, ``LLVT (lực lượng vũ trang)``:
the long form is in brackets, matched left to right from its first word.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from vnpress.abbrev.detect import abbreviation_letters, is_syllable, parse_short_form

_PAREN = re.compile(r"\(([^()\n]{1,200})\)")
_HARD_STOP = re.compile(r"[.;:!?()\[\]\n]")
_WORDS = re.compile(r"[^\W_]+")
_INTRO = re.compile(r"^(?:sau đây\s+)?(?:gọi|viết)\s+tắt(?:\s+là)?\s*:?\s*", re.IGNORECASE)
_LIST_SEP_BEFORE = re.compile(r"(?:,|;|\bvà\b)\s*$")
_SF_BEFORE = re.compile(r"(?<![^\W_])([^\W_]+(?:[.\-–&][^\W_]+)*)\s*$")
SKIPPABLE = frozenset(
    {"và", "của", "các", "với", "về", "cho", "trong", "tại", "ở", "hoặc", "những", "đối", "là"}
)
MAX_SKIPS = 2
MAX_TRAILING = 3  # words after a reverse long form in its brackets ("Ủy ban nhân dân tỉnh")


@dataclass(frozen=True)
class Definition:
    """``abbreviation`` means ``expansion`` from ``position`` on; ``site`` is the span of the short
    form where it is defined (left as it is when the text is rewritten)."""

    abbreviation: str
    expansion: str
    position: int
    site: tuple[int, int]


@dataclass(frozen=True)
class _Word:
    text: str
    start: int
    end: int

    @property
    def initial(self) -> str:
        ch = self.text[0]
        return ch.upper() if ch in "Đđ" else unicodedata.normalize("NFD", ch)[0].upper()

    @property
    def numeric(self) -> bool:
        return self.text.isdigit()


def _letter_matches(letter: str, word: _Word) -> bool:
    return letter == word.initial or (letter == "W" and word.initial == "U")


def _words(text: str, start: int, end: int) -> list[_Word]:
    return [_Word(m.group(), start + m.start(), start + m.end()) for m in _WORDS.finditer(text[start:end])]


def _window_start(text: str, end: int) -> int:
    """Where a long form ending at ``end`` may begin at the earliest: after the last hard stop."""
    lo = max(0, end - 400)
    stops = list(_HARD_STOP.finditer(text, lo, end))
    return stops[-1].end() if stops else lo


def _skip_ok(skipped: list[_Word]) -> bool:
    return len(skipped) <= MAX_SKIPS and all(w.text.lower() in SKIPPABLE for w in skipped)


def match_backward(letters: str, text: str, end: int) -> tuple[int, int] | None:
    """The span of the shortest long form for ``letters`` ending at ``end`` (numbers may follow it)."""
    n = len(letters)
    words = _words(text, _window_start(text, end), end)
    words = [w for w in words if not w.numeric][-min(n + 5, 2 * n) :]
    if not words:
        return None
    i = len(words) - 1
    matched: list[int] = []
    for k, letter in enumerate(reversed(letters)):
        j = i
        while j >= 0 and not _letter_matches(letter, words[j]):
            j -= 1
        if j < 0 or (k == 0 and j != len(words) - 1) or (k > 0 and not _skip_ok(words[j + 1 : i + 1])):
            return None
        matched.append(j)
        i = j - 1
    return words[matched[-1]].start, words[matched[0]].end


def match_forward(letters: str, text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a long form for ``letters`` starting at the first word of ``text[start:end]``."""
    words = [w for w in _words(text, start, end) if not w.numeric]
    if len(words) < len(letters) or not _letter_matches(letters[0], words[0]):
        return None
    matched = [0]
    i = 1
    for letter in letters[1:]:
        j = i
        while j < len(words) and not _letter_matches(letter, words[j]):
            j += 1
        if j >= len(words) or not _skip_ok(words[i:j]):
            return None
        matched.append(j)
        i = j + 1
    if len(words) - i > MAX_TRAILING:
        return None
    return words[0].start, words[matched[-1]].end


_LIST_TOKENS = re.compile(r"(,|;|\bvà\b)|([^\s,;]+)")
ShortForm = tuple[str, int, int, bool]  # abbreviation, start, end, joined to the one before by a space only


def _short_forms(content: str, offset: int) -> list[ShortForm] | None:
    """The short forms listed in a bracket's content ("CTĐ, CTCT", "PCCC và CNCH", "BTL BĐBP"), with
    their spans, or None if the content is anything else."""
    intro = _INTRO.match(content)
    items: list[ShortForm] = []
    after_separator = True
    for m in _LIST_TOKENS.finditer(content, intro.end() if intro else 0):
        if m.group(1):
            if after_separator:
                return None
            after_separator = True
            continue
        parsed = parse_short_form(m.group(2))
        if parsed is None:
            return None
        items.append(
            (
                parsed[0],
                offset + m.start(2),
                offset + m.start(2) + len(parsed[0]),
                bool(items) and not after_separator,
            )
        )
        after_separator = False
    return items if items and not after_separator else None


def _forward(text: str, paren_start: int, forms: list[ShortForm]) -> list[Definition]:
    found: list[Definition] = []
    end = paren_start
    for abbr, s, e, spaced in reversed(forms):
        span = match_backward(abbreviation_letters(abbr), text, end)
        if span is None:
            break
        found.append(Definition(abbr, text[span[0] : span[1]], s, (s, e)))
        if spaced:
            end = span[0]
            continue
        before = text[: span[0]].rstrip()
        sep = _LIST_SEP_BEFORE.search(before, max(0, len(before) - 5))
        if sep is None:
            break
        end = sep.start()
    return found


def _reverse(text: str, paren: re.Match[str]) -> list[Definition]:
    before = text[: paren.start()]
    forms: list[tuple[str, int, int]] = []
    end = len(before)
    while True:
        m = _SF_BEFORE.search(before, max(0, end - 60), end)
        if not m:
            break
        parsed = parse_short_form(m.group(1))
        if parsed is None or parsed[1] or is_syllable(parsed[0]):  # "HOÀNG ANH (thực hiện)" is a byline
            break
        forms.insert(0, (parsed[0], m.start(1), m.start(1) + len(parsed[0])))
        sep = _LIST_SEP_BEFORE.search(before, max(0, m.start(1) - 6), m.start(1))
        if sep is None or before[sep.end() : m.start(1)].strip():
            break
        end = sep.start()
    if not forms:
        return []
    start, stop = paren.start(1), paren.end(1)
    segments = [(start + m.start(), start + m.end()) for m in re.finditer(r"[^,;]+", text[start:stop])]
    if len(forms) > 1 and len(segments) != len(forms):
        forms, segments = forms[-1:], [(start, stop)]
    elif len(forms) == 1:
        segments = [(start, stop)]
    found = []
    for (abbr, s, e), (a, b) in zip(forms, segments, strict=True):
        span = match_forward(abbreviation_letters(abbr), text, a, b)
        if span is not None:
            found.append(Definition(abbr, text[span[0] : span[1]], s, (s, e)))
    return found


def find_definitions(text: str) -> list[Definition]:
    """Every definition of ``text``, in order of position."""
    found: list[Definition] = []
    for paren in _PAREN.finditer(text):
        forms = _short_forms(paren.group(1), paren.start(1))
        if forms:
            found.extend(_forward(text, paren.start(), forms))
        elif len(_WORDS.findall(paren.group(1))) >= 2:
            found.extend(_reverse(text, paren))
    return sorted(found, key=lambda d: d.position)
