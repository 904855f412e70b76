"""Page furniture of saved news pages: whole lines that are not article text.

A page saved as text keeps its comment box ("Ý kiến bạn đọc", "Tổng lượt bình luận", "refresh"),
its link lists ("Tin liên quan", "Xem thêm"), the site's phone number and date line at the top and the
breadcrumb ("Home Tin tức - …"). Counting them would put "bình luận" among the words of every corpus.
The patterns live in ``data/boilerplate.txt``; each must match a whole line, so that a word inside an
article sentence is never taken out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from vnpress.data import bundled_tsv
from vnpress.errors import DataFileError
from vnpress.text.normalise import normalise_word

_FRAGMENT = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")


@cache
def _pattern() -> re.Pattern[str]:
    """All line patterns of ``data/boilerplate.txt`` as one alternation, fragments filled in."""
    fragments: dict[str, str] = {}
    lines: list[str] = []
    for row in bundled_tsv("boilerplate.txt", ["name", "pattern"], required=2):
        name, pattern = row["name"], normalise_word(row["pattern"])

        def fill(m: re.Match[str], name: str = name) -> str:
            if m.group(1) not in fragments:
                raise DataFileError("boilerplate.txt", None, f"{name}: unknown fragment {{{m.group(1)}}}")
            return fragments[m.group(1)]

        pattern = _FRAGMENT.sub(fill, pattern)
        try:
            re.compile(pattern)
        except re.error as e:
            raise DataFileError("boilerplate.txt", None, f"{name}: {e}") from None
        if name.isupper():
            fragments[name] = f"(?:{pattern})"
        else:
            lines.append(f"(?:{pattern})")
    return re.compile("|".join(lines) or r"(?!)", re.IGNORECASE)


def _clean(line: str) -> str:
    return " ".join(normalise_word(line).split())


def is_boilerplate(line: str) -> bool:
    """Whether one line of text (without its line break) is page furniture."""
    text = _clean(line)
    return bool(text) and _pattern().fullmatch(text) is not None


def lines(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, line)`` for each line of ``text`` (as ``str.splitlines`` cuts them), ``end``
    before the line break."""
    pos = 0
    for raw in text.splitlines(keepends=True):
        line = raw.splitlines()[0]
        yield pos, pos + len(line), line
        pos += len(raw)


def boilerplate_lines(text: str) -> set[int]:
    """The numbers (from 0, as ``str.splitlines`` counts them) of the lines of ``text`` that are page
    furniture."""
    # Normalising the whole text at once is several times faster than line by line, and gives the
    # same lines: normalisation neither makes nor removes a line break, nor works across one.
    normalised = normalise_word(text).splitlines()
    if len(normalised) != len(text.splitlines()):  # cannot happen (see above); stay right if it ever does
        return {i for i, line in enumerate(text.splitlines()) if is_boilerplate(line)}
    fullmatch = _pattern().fullmatch
    return {i for i, line in enumerate(normalised) if (clean := " ".join(line.split())) and fullmatch(clean)}


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """Spans (offsets into ``text``) of the lines of ``text`` that are page furniture, in order."""
    numbers = boilerplate_lines(text)
    return [(a, b) for i, (a, b, _) in enumerate(lines(text)) if i in numbers]
