"""The abbreviation dictionary: the bundled ``data/abbreviations.tsv`` plus users' ``--dict`` files.

An abbreviation may have two entries when it has two well-known readings (``BCH`` is *Ban Chỉ huy*
in a military unit and *Ban Chấp hành* in a party committee); the second one carries a ``when``
pattern searched in the words around the occurrence, and wins where it matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from vnpress.data import numbered_tsv
from vnpress.errors import DataFileError, UsageError
from vnpress.io.render import Table
from vnpress.io.tables import DICTIONARY
from vnpress.text.collation import collation_key
from vnpress.text.normalise import normalise_word

DATA_FILE = "abbreviations.tsv"
COLUMNS = ["abbreviation", "expansion", "category", "when"]
USER_CATEGORY = "user"
DASHES = str.maketrans({"–": "-", "—": "-", "‑": "-", "−": "-"})


@dataclass(frozen=True)
class Entry:
    abbreviation: str
    expansion: str
    category: str
    when: re.Pattern[str] | None = None


_SPACED = re.compile(r"\s*-\s*")


def lookup_key(abbreviation: str) -> str:
    """The form an abbreviation is looked up by: NFC, one tone placement, one kind of dash, no space
    around it (``QP – AN`` is ``QP-AN``)."""
    return _SPACED.sub("-", normalise_word(abbreviation).translate(DASHES))


def context_key(before: str, after: str) -> str:
    """The string a ``when`` pattern is searched in: the text around the abbreviation, with ``_`` for it."""
    return f"{before} _ {after}"


class Dictionary:
    """Abbreviation → entries; the entry whose ``when`` matches the context wins, else the plain one."""

    def __init__(self, entries: Iterable[Entry]):
        self._entries: dict[str, list[Entry]] = {}
        for entry in entries:
            self._entries.setdefault(lookup_key(entry.abbreviation), []).append(entry)
        self._mixed_case = frozenset(
            k for k in self._entries if not k.isupper() and "." not in k and "-" not in k
        )

    def __contains__(self, abbreviation: str) -> bool:
        return lookup_key(abbreviation) in self._entries

    def __len__(self) -> int:
        return sum(len(v) for v in self._entries.values())

    def entries(self) -> list[Entry]:
        return [e for group in self._entries.values() for e in group]

    def lookup(self, abbreviation: str, before: str = "", after: str = "") -> Entry | None:
        group = self._entries.get(lookup_key(abbreviation))
        if not group:
            return None
        context = context_key(before, after)
        for entry in group:
            if entry.when is not None and entry.when.search(context):
                return entry
        for entry in group:
            if entry.when is None:
                return entry
        return None

    def mixed_case(self) -> frozenset[str]:
        """Abbreviations written with small letters too (``ThS``): found only because they are known,
        and only inside a dotted chain of titles (``ThS.BS``)."""
        return self._mixed_case

    def categories(self) -> list[str]:
        return sorted({e.category for e in self.entries()})


def _entries_from_rows(
    rows: list[tuple[int, dict[str, str]]], source: str, default_category: str
) -> list[Entry]:
    out = []
    for line, row in rows:
        abbreviation = row["abbreviation"]
        if not any(c.isupper() for c in abbreviation) or any(c.isspace() for c in abbreviation):
            raise DataFileError(source, line, f"not an abbreviation: {abbreviation!r}")
        when = None
        if row.get("when"):
            try:
                when = re.compile(row["when"])
            except re.error as e:
                raise DataFileError(source, line, f"bad 'when' pattern: {e}") from None
        out.append(
            Entry(
                normalise_word(abbreviation),
                normalise_word(row["expansion"]),
                row.get("category") or default_category,
                when,
            )
        )
    return out


@cache
def bundled_entries() -> tuple[Entry, ...]:
    from vnpress.data import data_path

    rows = numbered_tsv(data_path(DATA_FILE).read_text(encoding="utf-8"), DATA_FILE, COLUMNS, 3)
    return tuple(_entries_from_rows(rows, DATA_FILE, USER_CATEGORY))


def user_entries(path: str) -> list[Entry]:
    """Entries of a user's ``--dict`` file (header ``abbreviation, expansion[, category[, when]]``)."""
    from vnpress.data import read_user_text

    rows = numbered_tsv(read_user_text(path), path, COLUMNS, 2)
    return _entries_from_rows(rows, path, USER_CATEGORY)


def load_dictionary(dict_files: Sequence[str] = ()) -> Dictionary:
    """The bundled dictionary; each ``--dict`` file then replaces every entry of the abbreviations it
    names, and adds the others."""
    entries = list(bundled_entries())
    for path in dict_files:
        extra = user_entries(path)
        replaced = {lookup_key(e.abbreviation) for e in extra}
        entries = [e for e in entries if lookup_key(e.abbreviation) not in replaced] + extra
    return Dictionary(entries)


def dictionary_table(*, dict_files: Sequence[str] = (), category: str | None = None) -> Table:
    """The dictionary as a table, sorted by abbreviation; ``category`` keeps one category."""
    dictionary = load_dictionary(dict_files)
    entries = dictionary.entries()
    if category is not None:
        valid = dictionary.categories()
        if category not in valid:
            raise UsageError(f"unknown category {category!r} (valid: {', '.join(valid)})")
        entries = [e for e in entries if e.category == category]
    entries.sort(
        key=lambda e: (
            collation_key(lookup_key(e.abbreviation)),
            e.when is not None,
            collation_key(e.expansion),
        )
    )
    rows = [
        {
            "abbreviation": e.abbreviation,
            "expansion": e.expansion,
            "category": e.category,
            "when": e.when.pattern if e.when is not None else None,
        }
        for e in entries
    ]
    return Table(DICTIONARY, rows)
