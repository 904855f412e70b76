"""The rule files of ``vnpress meta`` (``data/meta_*.txt``), read once: patterns by kind, fragments filled in.

Every file is a TSV of ``kind``/``name`` and ``pattern`` with a header; a name in CAPITALS defines a
fragment that later rows use as ``{NAME}``. A malformed pattern is a :class:`DataFileError` naming the
file and the row, like every other rule file of vnpress.
"""

from __future__ import annotations

import re
from functools import cache

from vnpress.data import data_lines, data_path, numbered_tsv
from vnpress.errors import DataFileError
from vnpress.text.normalise import normalise_word

_FRAGMENT = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")


def _fill(pattern: str, fragments: dict[str, str], source: str, line: int) -> str:
    def one(m: re.Match[str]) -> str:
        if m.group(1) not in fragments:
            raise DataFileError(source, line, f"unknown fragment {{{m.group(1)}}}")
        return fragments[m.group(1)]

    return _FRAGMENT.sub(one, pattern)


@cache
def patterns(
    name: str, key: str = "kind", flags: int = re.IGNORECASE
) -> dict[str, tuple[re.Pattern[str], ...]]:
    """The patterns of ``data/<name>`` by kind, compiled with ``flags``; fragments (capitalised kinds)
    are filled in and not returned. ``{CATEGORY}`` is the alternation of ``meta_categories.txt``."""
    text = data_path(name).read_text(encoding="utf-8")
    fragments = {"CATEGORY": categories_pattern()}
    out: dict[str, list[re.Pattern[str]]] = {}
    for line, row in numbered_tsv(text, name, [key, "pattern"], required=2):
        kind, pattern = row[key], _fill(normalise_word(row["pattern"]), fragments, name, line)
        try:
            re.compile(pattern)
        except re.error as e:
            raise DataFileError(name, line, f"{kind}: {e}") from None
        if kind.isupper():
            fragments[kind] = f"(?:{pattern})"
        else:
            out.setdefault(kind, []).append(re.compile(pattern, flags))
    return {k: tuple(v) for k, v in out.items()}


@cache
def categories_pattern() -> str:
    """The section names of ``meta_categories.txt`` as one alternation (spaces match any run of space)."""
    names = sorted((normalise_word(n) for n in data_lines("meta_categories.txt")), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in n.split()) for n in names)


def clean(line: str) -> str:
    """A line as the rules see it: normalised, whitespace runs made one space, ends trimmed."""
    return " ".join(normalise_word(line).split())
