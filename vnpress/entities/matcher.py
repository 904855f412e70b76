"""Words with offsets, abbreviations spelled out, and a word trie for longest-first matching.

The extractors work on words, not characters: a document is split once into :class:`Token` objects
(offsets into the normalised text), abbreviations from the gazetteer are replaced by the words they
stand for ("Bộ CHQS tỉnh" → Bộ, Chỉ, huy, Quân, sự, tỉnh, all pointing at the span of "CHQS"), and
every pattern is a walk down a :class:`Trie` of folded words. The cost per document is linear in its
length; nothing here is compiled per document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

_DASHES = str.maketrans({"–": "-", "—": "-", "−": "-", "‐": "-", "‑": "-"})
_DASH_SET = frozenset("–—−‐‑")
_WORD_RX = r"\d+(?:[.,/]\d+)*|[^\W\d_]+\d+(?:/\d+)?|\w+|\n|[^\w\s]"
_GLUED = re.compile(r"^([^\W\d_]+)(\d+)$")


class Token:
    """One word, number, punctuation mark or line break. ``start``/``end`` index the normalised
    text; ``abbr`` marks a word that came from spelling out an abbreviation."""

    __slots__ = ("start", "end", "text", "fold", "abbr")

    def __init__(self, start: int, end: int, text: str, abbr: bool = False):
        self.start = start
        self.end = end
        self.text = text
        fold = text.casefold()
        self.fold = "-" if fold in _DASH_SET else fold
        self.abbr = abbr

    def __repr__(self) -> str:
        return f"Token({self.text!r}@{self.start})"

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalpha()

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_upper(self) -> bool:
        return len(self.text) > 1 and self.text.isupper()

    @property
    def is_lower(self) -> bool:
        return self.text[:1].islower()

    @property
    def is_number(self) -> bool:
        return self.text[:1].isdigit()

    @property
    def is_newline(self) -> bool:
        return self.text == "\n"


def word_folds(form: str) -> tuple[str, ...]:
    """The folded words of a gazetteer form, split the way documents are."""
    return tuple(m.group().casefold().translate(_DASHES) for m in re.finditer(_WORD_RX, form))


def tokenizer_pattern(abbrevs: Sequence[str]) -> re.Pattern[str]:
    """Words, numbers and codes ("Z111", "DK1/10"); abbreviations written with dots or dashes
    ("T.Ư", "PK-KQ") stay whole."""
    special = sorted((a for a in abbrevs if re.search(r"[^\w]", a)), key=len, reverse=True)
    alts = [re.escape(a) + r"(?!\w)" for a in special]
    return re.compile("|".join([*alts, _WORD_RX]))


def tokenize(text: str, pattern: re.Pattern[str], abbrevs: dict[str, tuple[str, ...]]) -> list[Token]:
    """Tokens of normalised text, with abbreviations spelled out into several tokens sharing a span."""
    out: list[Token] = []
    append = out.append
    get = abbrevs.get
    for m in pattern.finditer(text):
        word = m.group()
        s, e = m.span()
        expansion = get(word)
        if expansion is not None and out and _SYLLABLE.match(word) and _in_capitals(out[-1], text, e):
            expansion = None  # "BỘ TƯ LỆNH": a word of a headline in capitals, not "TƯ" = Trung ương
        if expansion is not None:
            for w in expansion:
                append(Token(s, e, w, abbr=True))
            continue
        if word[-1].isdigit() and word[0].isalpha():
            glued = _GLUED.match(word)
            if glued and glued.group(1) in abbrevs:  # "QK3" → Quân khu 3
                cut = s + len(glued.group(1))
                for w in abbrevs[glued.group(1)]:
                    append(Token(s, cut, w, abbr=True))
                append(Token(cut, e, glued.group(2)))
                continue
        elif word == "." and out and out[-1].abbr and out[-1].fold in _PLACE_ABBR_END:
            continue  # "TP. Hồ Chí Minh": the abbreviation's own full stop
        elif len(word) > 4 and word.islower() and not word.isascii() and not _SYLLABLE.match(word):
            cut = _glued(word)  # "việnchủ": two syllables with the space left out
            if cut:
                append(Token(s, s + cut, word[:cut]))
                append(Token(s + cut, e, word[cut:]))
                continue
        append(Token(s, e, word))
    return _drop_glosses(out)


def _drop_glosses(tokens: list[Token]) -> list[Token]:
    """ "Bộ Chỉ huy Quân sự (CHQS) tỉnh": an abbreviation given in brackets after the words it stands
    for is dropped, so that the name reads on across it."""
    out: list[Token] = []
    i, n = 0, len(tokens)
    while i < n:
        tok = tokens[i]
        if tok.text == "(" and i + 1 < n and tokens[i + 1].abbr:
            j = i + 1
            while j < n and tokens[j].abbr and tokens[j].start == tokens[i + 1].start:
                j += 1
            words = [t.fold for t in tokens[i + 1 : j]]
            if j < n and tokens[j].text == ")" and [t.fold for t in out[-len(words) :]] == words:
                i = j + 1
                continue
        if tok.text == "(" and i + 2 < n and tokens[i + 2].text == ")" and _initials(out, tokens[i + 1]):
            i += 3  # "Liên bang (LB) Nga": an acronym of the words before it
            continue
        out.append(tok)
        i += 1
    return out


def _initials(before: list[Token], acronym: Token) -> bool:
    """Is ``acronym`` ("LB", "CANDVT") the initials of the words right before it?"""
    text = acronym.text
    if not (2 <= len(text) <= 8 and text.isalpha() and text.isupper()) or len(before) < len(text):
        return False
    words = before[-len(text) :]
    return all(w.is_word for w in words) and "".join(w.text[0] for w in words).upper() == text


_PLACE_ABBR_END = {"phố"}
_SYLLABLE = re.compile(  # a Vietnamese syllable: "TƯ" may be a word, "CHQS" may not
    r"^(?:ngh|ch|gh|gi|kh|ng|nh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
    r"[aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]+"
    r"(?:ch|ng|nh|[cmnpt])?$",
    re.IGNORECASE,
)
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")


def _glued(word: str) -> int:
    """Where a typo glued two Vietnamese syllables together ("việnchủ" → 5), or 0."""
    for cut in range(2, len(word) - 1):
        if _SYLLABLE.match(word[:cut]) and _SYLLABLE.match(word[cut:]):
            return cut
    return 0


def _in_capitals(prev: Token, text: str, end: int) -> bool:
    """Is the word ending at ``end`` inside a run of capitalised words (a headline)?"""
    if prev.abbr or not prev.is_upper:
        return False
    m = _NEXT_WORD.match(text, end)
    return bool(m) and len(m.group(1)) > 1 and m.group(1).isupper()


class Trie:
    """Sequences of folded words → a value; :meth:`longest` finds the longest sequence at a position."""

    __slots__ = ("root",)

    def __init__(self) -> None:
        self.root: dict[Any, Any] = {}

    def add(self, words: Sequence[str], value: Any) -> None:
        node = self.root
        for w in words:
            node = node.setdefault(w, {})
        node[None] = value

    def longest(self, tokens: Sequence[Token], i: int) -> tuple[int, Any] | None:
        """``(end, value)`` for the longest entry starting at token ``i``, or None."""
        node = self.root
        best = None
        n = len(tokens)
        j = i
        while j < n:
            node = node.get(tokens[j].fold)
            if node is None:
                break
            j += 1
            if None in node:
                best = (j, node[None])
        return best
