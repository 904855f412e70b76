"""The domain rules as data: ranks, posts, titles and the unit gazetteer, with users' additions.

``vnpress/data/ranks.tsv``, ``posts.tsv`` and ``units.tsv`` share one format (``type, form, canonical,
flags``), so a user's ``--gazetteer FILE`` may add rows of any type in one file. Every form is put in
its normal form (:func:`vnpress.text.normalise.normalise_word`) and indexed in a word trie, so matching a
document costs one dictionary walk per word, however large the gazetteer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache

from vnpress.data import numbered_tsv
from vnpress.entities.matcher import Trie, word_folds
from vnpress.errors import DataFileError
from vnpress.text.normalise import normalise_word

COLUMNS = ["type", "form", "canonical", "flags"]
BUNDLED = ("ranks.tsv", "posts.tsv", "units.tsv")
TYPES = (
    "rank",
    "notrank",
    "post",
    "title",
    "former",
    "joiner",
    "capsend",
    "unit",
    "place",
    "province",
    "country",
    "abbrev",
    "nameend",
    "namepart",
    "branch",
)


class UnitFlag(Enum):
    """What may follow a unit's form (units.tsv's header says each); ``suffix=W`` is one too."""

    NUMBER = "number"
    NEEDNUMBER = "neednumber"
    ARM = "arm"
    NAME = "name"
    NEEDNAME = "needname"
    PARENT = "parent"
    NEEDPARENT = "needparent"
    PLACE = "place"
    PLACENAME = "placename"
    NEEDPLACE = "needplace"
    COUNTRY = "country"
    SKIP = "skip"
    PARENTONLY = "parentonly"
    DASHNAME = "dashname"


class PostFlag(Enum):
    """What a post row may say of itself (posts.tsv's header); ``of=KIND|KIND`` is one too."""

    WHOLE = "whole"
    NEEDUNIT = "needunit"
    ABROAD = "abroad"


class RankFlag(Enum):
    """The class of a rank (ranks.tsv), and the service a branch marks."""

    ENLISTED = "enlisted"
    NCO = "nco"
    OFFICER = "officer"
    GENERAL = "general"
    NAVY = "navy"
    POLICE = "police"


class NameEndFlag(Enum):
    """How a name-ending word closes a name (units.tsv's nameend rows)."""

    OPEN = "open"
    VERB = "verb"


# the flags a row of each type may carry; a row of another type carries none
FLAGS: dict[str, type[Enum]] = {
    "unit": UnitFlag,
    "post": PostFlag,
    "rank": RankFlag,
    "branch": RankFlag,
    "nameend": NameEndFlag,
}
_VALUED = {"unit": "suffix=", "post": "of="}  # the flags that carry a value


@dataclass(frozen=True)
class Entry:
    """One row: a form and what it stands for."""

    type: str
    form: str
    canonical: str
    flags: frozenset[str] = frozenset()
    suffix: tuple[str, ...] = ()  # words that may follow a unit's number (suffix=Hải quân)
    kinds: tuple[str, ...] = ()  # the unit kinds a post's head implies (of=Cục|Học viện)


@dataclass
class Gazetteer:
    """All rules, indexed for matching. Built once per set of user files and cached."""

    entries: list[Entry] = field(default_factory=list)
    tries: dict[str, Trie] = field(default_factory=dict)
    abbrevs: dict[str, tuple[str, ...]] = field(default_factory=dict)  # surface → expansion words
    user_files: tuple[str, ...] = ()  # also read for document kinds and issuers (see resolutions)
    _words: dict[str, frozenset[str]] = field(default_factory=dict)
    _rank_index: dict[str, int] = field(default_factory=dict)

    def words(self, kind: str) -> frozenset[str]:
        """The folded one-word forms of a type (stop words such as ``nameend``)."""
        cached = self._words.get(kind)
        if cached is None:
            cached = self._words[kind] = frozenset(e.form.casefold() for e in self.entries if e.type == kind)
        return cached

    def rank_order(self, rank: str) -> int:
        """The seniority of a canonical rank: its place among the rank rows (ranks.tsv lists them
        from Binh nhì up); -1 for an unknown one."""
        if not self._rank_index:
            for e in self.entries:
                if e.type == "rank":
                    self._rank_index.setdefault(e.canonical, len(self._rank_index))
        return self._rank_index.get(rank, -1)

    def trie(self, kind: str) -> Trie:
        found = self.tries.get(kind)  # (setdefault would build a throw-away Trie on every call)
        if found is None:
            found = self.tries[kind] = Trie()
        return found

    def add(self, entry: Entry) -> None:
        self.entries.append(entry)
        if entry.type == "abbrev":
            self.abbrevs[entry.form] = tuple(entry.canonical.split())
            return
        self.trie(entry.type).add(word_folds(entry.form), entry)


def _parse_row(row: dict[str, str], source: str, line: int) -> Entry:
    kind = row["type"]
    if kind not in TYPES:
        raise DataFileError(source, line, f"unknown type {kind!r} (valid: {', '.join(TYPES)})")
    form = normalise_word(row["form"].strip())
    canonical = normalise_word((row.get("canonical") or "").strip() or form)
    flags: set[str] = set()
    suffix: tuple[str, ...] = ()
    allowed = FLAGS.get(kind)
    for flag in filter(None, (f.strip() for f in (row.get("flags") or "").split(","))):
        if flag.startswith("suffix=") and kind == "unit":
            suffix = tuple(normalise_word(flag[7:]).split())
            continue
        if kind in _VALUED and flag.startswith(_VALUED[kind]):
            flags.add(flag)
            continue
        try:
            if allowed is None:
                raise ValueError(flag)
            allowed(flag)
        except ValueError:
            valid = sorted(f.value for f in allowed) if allowed is not None else []
            if kind in _VALUED:
                valid.append(_VALUED[kind] + "…")
            raise DataFileError(
                source,
                line,
                f"unknown {kind} flag {flag!r} (valid: {', '.join(valid) or 'none'})",
            ) from None
        flags.add(flag)
    if not form.split():
        raise DataFileError(source, line, "empty 'form' column")
    kinds = tuple(k for f in flags if f.startswith("of=") for k in f[3:].split("|"))
    return Entry(kind, form, canonical, frozenset(flags), suffix, kinds)


def _read(text: str, source: str) -> list[Entry]:
    """Entries of a TSV text; errors name the file and line."""
    return [_parse_row(row, source, n) for n, row in numbered_tsv(text, source, COLUMNS, 2)]


def _header(text: str) -> set[str]:
    line = next((ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")), "")
    return {c.strip() for c in line.split("\t")}


def is_document_rules(text: str) -> bool:
    """A user file in the format of document_kinds.tsv or document_issuers.tsv: the resolutions'."""
    header = _header(text)
    return {"kind", "variants"} <= header or {"issuer", "role"} <= header


def load_user_file(path: str) -> list[Entry]:
    """Rows of a user's ``--gazetteer`` file; a file of document kinds or issuers has none of ours."""
    from vnpress.data import read_user_text

    text = read_user_text(path)
    if is_document_rules(text):
        return []
    if not {"type", "form"} <= _header(text):
        raise DataFileError(
            path,
            None,
            "header must name the columns type, form, canonical, flags (ranks, posts, units) "
            "or kind, variants, codes, named (document kinds) or issuer, variants, role (issuers)",
        )
    return _read(text, path)


@lru_cache(maxsize=8)
def load_gazetteer(user_files: tuple[str, ...] = ()) -> Gazetteer:
    """The bundled rules plus ``user_files`` (later rows of the same form win). Raises
    :class:`DataFileError` naming the file and line of the first malformed row."""
    from vnpress.data import data_path

    gazetteer = Gazetteer(user_files=user_files)
    for name in BUNDLED:
        for entry in _read(data_path(name).read_text(encoding="utf-8"), name):
            gazetteer.add(entry)
    for path in user_files:
        for entry in load_user_file(path):
            gazetteer.add(entry)
    return gazetteer
