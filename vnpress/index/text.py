"""The text forms of full-text search: normalised (what both the index and a query are made of)
and folded (``--fold``: no tones, no vowel marks, ``đ`` = ``d``)."""

from __future__ import annotations

import unicodedata

from vnpress.text.normalise import normalise

_D = str.maketrans("đĐ", "dD")


def search_form(text: str) -> str:
    """NFC with one tone placement, diacritics kept: ``uỷ`` and ``ủy`` are one word, ``tướng`` and
    ``tương`` two."""
    return normalise(text).text


def fold_text(text: str) -> str:
    """``text`` without its diacritics (``Thượng tướng`` → ``Thuong tuong``, ``Đảng`` → ``Dang``).
    Word boundaries stay where they were, so a match in the folded index is a match in the text."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    ).translate(_D)
