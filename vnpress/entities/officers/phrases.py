"""The officer finder's trigger phrases, read from ``vnpress/data/officer_phrases.tsv``.

Each phrase is a tuple of folded words; :func:`phrases` gives those of one kind, longest first, so
that a walk over the document takes the longest that matches. A row of an unknown kind fails at
load as ``FILE:LINE: message``.
"""

from __future__ import annotations

from enum import Enum
from functools import cache

from vnpress.data import data_path, numbered_tsv
from vnpress.entities.matcher import word_folds
from vnpress.errors import DataFileError
from vnpress.text.normalise import normalise_word

FILE = "officer_phrases.tsv"


class PhraseKind(Enum):
    APPOINTMENT = "appointment"
    PROMOTION = "promotion"
    RECIPIENT = "recipient"
    HONORIFIC = "honorific"
    CREDIT = "credit"
    NAMESTOP = "namestop"
    NAMETAIL = "nametail"
    ORDINAL = "ordinal"


def read_phrases(text: str, source: str) -> dict[PhraseKind, tuple[tuple[str, ...], ...]]:
    """The phrases of a file in this format, by kind (errors name the file and line)."""
    found: dict[PhraseKind, list[tuple[str, ...]]] = {k: [] for k in PhraseKind}
    for line, row in numbered_tsv(text, source, ["kind", "phrase"], 2):
        try:
            kind = PhraseKind(row["kind"])
        except ValueError:
            valid = ", ".join(k.value for k in PhraseKind)
            raise DataFileError(source, line, f"unknown kind {row['kind']!r} (valid: {valid})") from None
        found[kind].append(word_folds(normalise_word(row["phrase"])))
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in found.items()}


@cache
def _bundled() -> dict[PhraseKind, tuple[tuple[str, ...], ...]]:
    return read_phrases(data_path(FILE).read_text(encoding="utf-8"), FILE)


def phrases(kind: PhraseKind) -> tuple[tuple[str, ...], ...]:
    """The bundled phrases of ``kind``, longest first."""
    return _bundled()[kind]


def words(kind: PhraseKind) -> frozenset[str]:
    """The one-word phrases of ``kind`` (honorifics, credit words, ordinals)."""
    return frozenset(p[0] for p in phrases(kind) if len(p) == 1)


def match(tokens, i: int, kind: PhraseKind) -> tuple[str, ...] | None:
    """The longest phrase of ``kind`` at token ``i``, or None."""
    n = len(tokens)
    for p in phrases(kind):
        if i + len(p) <= n and all(tokens[i + x].fold == w for x, w in enumerate(p)):
            return p
    return None
