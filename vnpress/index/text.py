"""The text forms of full-text search: normalised (what both the index and a query are made of)
and folded (``--fold``: no tones, no vowel marks, ``đ`` = ``d``)."""

from __future__ import annotations

import unicodedata

from vnpress.text.normalise import normalise


def _fold_table() -> dict[int, str | None]:
    """Each precomposed Latin letter → its base letter, ``đ`` → ``d``, a combining mark → nothing:
    folding is then one ``str.translate``, at C speed (the index folds every article)."""
    table: dict[int, str | None] = {ord("đ"): "d", ord("Đ"): "D"}
    for code in range(0xC0, 0x1F00):
        char = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
        if base != char and len(base) == 1:
            table[code] = base
    for code in range(0x300, 0x370):
        table[code] = None
    return table


_FOLD = _fold_table()


def search_form(text: str) -> str:
    """NFC with one tone placement, diacritics kept: ``uỷ`` and ``ủy`` are one word, ``tướng`` and
    ``tương`` two."""
    return normalise(text).text


def fold_text(text: str) -> str:
    """``text`` without its diacritics (``Thượng tướng`` → ``Thuong tuong``, ``Đảng`` → ``Dang``).
    Word boundaries stay where they were, so a match in the folded index is a match in the text."""
    return unicodedata.normalize("NFC", text).translate(_FOLD)
