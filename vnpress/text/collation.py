"""Vietnamese dictionary order: the one sort key for words and names wherever rows tie or are listed
alphabetically (freq, expand-abbrev and its dictionary, the entity aggregates).

It follows the ``vi`` collation of CLDR (``common/collation/vi.xml``), which is what ICU's
``Collator.createInstance(Locale("vi"))`` applies: the Unicode Collation Algorithm with the tailoring
``&̀<<̉<<̃<<́<<̣ &a<ă<â &d<đ &e<ê &o<ô<ơ &u<ư``. Strings are compared on three levels, each one only
when the levels before it are equal over the whole string:

1. **letters**, in the order of the alphabet ``a ă â b c d đ e ê (f) g h i (j) k l m n o ô ơ p q r s t u ư
   v (w) x y (z)``; a space comes before any punctuation, punctuation before symbols, symbols before
   digits and digits before letters. So a string sorts right after its prefixes, word by word: "an
   ninh" < "anh hùng" (the space after "an" is below "h"), "bộ" < "bộ đội" < "bội", "2" < "A";
2. **tones**, from the left: ngang (none) < huyền < hỏi < ngã < sắc < nặng ("ba" < "bà" < "bả" < "bã"
   < "bá" < "bạ");
3. **case**, from the left: small before capital ("đảng" < "Đảng").

Last comes the string itself, so that two different strings never tie. A string is normalised first
(NFC, one tone placement, see :func:`vnpress.text.normalise.normalise_word`), so "Chính uỷ" and "Chính
ủy" collate alike, as vnpress counts them alike. Digits compare one by one ("10" < "2"), as in ICU.

Printed dictionaries (Hoàng Phê's *Từ điển tiếng Việt*) group headwords by their whole first syllable,
tone included, before looking at the second one ("bà con" after "ba hoa"); ICU, and so vnpress, looks at
all the letters before any tone ("bà con" < "ba hoa"). Both put "an ninh" before "anh hùng".
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from vnpress.text.normalise import normalise_word

ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
# tone marks: huyền, hỏi, ngã, sắc, nặng (CLDR vi: &̀<<̉<<̃<<́<<̣)
TONE_ORDER = "\u0300\u0309\u0303\u0301\u0323"

# the common punctuation and symbols, in ICU's order (the UCA's, which is not the code points')
PUNCTUATION = "_-–—,;:!?….·'‘’\"“”«»()[]{}§¶@*/\\&#%‰•`^°©®+<=>|~$£¥₫€"

_LETTER = {c: i for i, c in enumerate(ALPHABET)}
_PUNCTUATION = {c: i for i, c in enumerate(PUNCTUATION)}
_TONE = {m: i for i, m in enumerate(TONE_ORDER, 1)}
_OTHER_MARK = 16  # other combining marks (ü, ç …) come after the tones, by code point
# primary groups, as in the UCA's default order
_SPACE, _PUNCT, _SYMBOL, _DIGIT, _LATIN, _OTHER = range(6)
Weights = tuple[tuple[tuple[int, int], ...], tuple[int, ...], tuple[int, ...]]


@lru_cache(maxsize=4096)
def _char_weights(ch: str) -> Weights:
    """The (primary, secondary, tertiary) weights of one NFC character: one collation element for the
    base letter, then one (primary-ignorable) for each tone or other mark on it."""
    if ch.isspace():
        return ((_SPACE, ord(ch)),), (0,), (0,)
    lower = ch.lower()
    case = 0 if lower == ch else 1
    decomposed = unicodedata.normalize("NFD", lower)
    # the letter without its tone: ă, â, ơ, ư … keep their shape, since they are letters of their own
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE))
    marks = [m for m in decomposed if m in _TONE]
    if base not in _LETTER:  # ü, ç, a lone mark …: the bare character, every mark a secondary
        base = "".join(c for c in decomposed if not unicodedata.combining(c))
        marks = [m for m in decomposed if unicodedata.combining(m)]
    primary = tuple(_primary(c) for c in base)
    secondary = (0,) * len(base)
    tertiary = (case,) * len(base)
    extra = tuple(_TONE.get(m, _OTHER_MARK + ord(m)) for m in marks)
    return primary, secondary + extra, tertiary + (0,) * len(extra)


def _primary(c: str) -> tuple[int, int]:
    if c in _LETTER:
        return _LATIN, _LETTER[c]
    if c in _PUNCTUATION:
        return _PUNCT, _PUNCTUATION[c]
    category = unicodedata.category(c)
    if category[0] == "N" and unicodedata.digit(c, None) is not None:
        return _DIGIT, unicodedata.digit(c)
    if category[0] == "P":
        return _PUNCT, len(_PUNCTUATION) + ord(c)
    if category[0] in "SN":
        return _SYMBOL, ord(c)
    if category[0] == "L" and unicodedata.name(c, "").startswith("LATIN"):
        return _LATIN, len(_LETTER) + ord(c)
    return _OTHER, ord(c)


@lru_cache(maxsize=1 << 16)
def collation_key(word: str) -> tuple:
    """A sort key in Vietnamese dictionary order (see the module's docstring):
    ``sorted(words, key=collation_key)``."""
    primary: list[tuple[int, int]] = []
    secondary: list[int] = []
    tertiary: list[int] = []
    for ch in normalise_word(word):
        p, s, t = _char_weights(ch)
        primary.extend(p)
        secondary.extend(s)
        tertiary.extend(t)
    return tuple(primary), tuple(secondary), tuple(tertiary), word
