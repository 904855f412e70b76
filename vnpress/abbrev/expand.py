"""Abbreviations of a corpus with their expansions, and the text rewritten with them spelled out.

Each abbreviation found by :mod:`vnpress.abbrev.detect` is expanded from, in this order:

1. a definition in the same document before it (:mod:`vnpress.abbrev.define`): "lực lượng vũ trang
   (LLVT)" makes LLVT mean "lực lượng vũ trang" from there to the end of that document;
2. the dictionary (:mod:`vnpress.abbrev.dictionary`: ``data/abbreviations.tsv`` plus ``--dict`` files);
   a compound whose pieces are known (``QS-QP``) is spelled out piece by piece, and a dotted chain
   of titles (``PGS.TS``) counts as its parts (``PGS``, ``TS``) unless it is known whole
   (``TP.HCM``) or its parts are single letters (``T.Ư``);
3. otherwise it is ``unknown`` and reported with a context, never guessed.

Rewriting replaces every known abbreviation by its expansion and leaves every other character as it
was, with two exceptions that make the result read well: a number glued to the abbreviation gets a
space (``QK3`` → ``Quân khu 3``), as does a word glued before it (``vềCTĐ`` → ``về công tác Đảng``),
and an expansion that begins a sentence gets a capital. The short form inside a definition is left as
it is, so "lực lượng vũ trang (LLVT)" stays as written rather than becoming "lực lượng vũ trang (lực
lượng vũ trang)".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from typing import IO, Any

from vnpress.abbrev.define import find_definitions
from vnpress.abbrev.detect import Candidate, find_candidates, in_credit, is_outlet_tag, is_roman, is_syllable
from vnpress.abbrev.dictionary import Dictionary, dictionary_table, load_dictionary, lookup_key
from vnpress.io.corpus import Document, by_document
from vnpress.io.render import Table
from vnpress.io.tables import ABBREVIATIONS, ABBREVIATIONS_BY_FILE
from vnpress.pipeline.parallel import fold_documents, map_documents
from vnpress.text.collation import collation_key
from vnpress.text.normalise import fold, normalise
from vnpress.text.vocab import SENTENCE_ENDS_AND_ELLIPSIS

__all__ = [
    "Occurrence",
    "Replacement",
    "abbreviation_table",
    "dictionary_table",
    "find_abbreviations",
    "rewrite_documents",
    "rewrite_text",
]

SOURCE_RANK = {"unknown": 0, "dictionary": 1, "defined": 2}
JOINED_WITH = {"-": " - ", "–": " - ", ".": ", ", "&": " và "}
DOCUMENT_SEPARATOR = "\f\n"
CONTEXT_CHARS = 40
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Occurrence:
    """One abbreviation in a (normalised) text: its span, the number glued after it, and where its
    expansion came from. ``site`` marks the short form of a definition itself. A chain of titles
    (``PGS.TS``) is one occurrence, spelled out whole when the text is rewritten, whose ``parts``
    (``PGS``, ``TS``) are what the table counts."""

    abbreviation: str
    start: int
    end: int
    number: str | None
    glued: bool
    expansion: str | None
    source: str
    site: bool = False
    parts: tuple[Occurrence, ...] = ()

    @property
    def end_with_number(self) -> int:
        return self.end + (len(self.number) if self.number else 0)


@dataclass(frozen=True)
class _Reading:
    expansion: str | None
    source: str


_UNKNOWN = _Reading(None, "unknown")


def _resolve_one(
    abbreviation: str, text: str, start: int, end: int, active: dict[str, str], dictionary: Dictionary
) -> _Reading:
    """The reading of ``abbreviation``, written at ``text[start:end]`` (with any number glued to it):
    the document's definition, else the dictionary's entry for its context (the text around it)."""
    key = lookup_key(abbreviation)
    if key in active:
        return _Reading(active[key], "defined")
    before = text[max(0, start - CONTEXT_CHARS) : start]
    after = text[end : end + CONTEXT_CHARS]
    entry = dictionary.lookup(abbreviation, before, after)
    if entry is not None:
        return _Reading(entry.expansion, "dictionary")
    return _UNKNOWN


_Resolved = tuple[Candidate, _Reading, tuple[tuple[Candidate, _Reading], ...]]


def _resolve(c: Candidate, text: str, active: dict[str, str], dictionary: Dictionary) -> list[_Resolved]:
    """``(candidate, reading, parts)`` for a token: the token whole if it is known; a dotted chain of
    known abbreviations (``PGS.TS``, ``GS.TSKH``) whole, with its parts; a compound of two-letter
    pieces (``QS-QP``) or of pieces joined by ``&`` (``CNQP&KT``) spelled out piece by piece; any other compound of full abbreviations
    (``HĐND-UBND``) split into its pieces, which are abbreviations in their own right."""
    reading = _resolve_one(c.text, text, c.start, c.end_with_number, active, dictionary)
    if reading.expansion is not None or len(c.parts) < 2:
        return [(c, reading, ())]
    pieces = [
        (
            Candidate(p.text, p.start, p.end, wordlike=is_syllable(p.text)),
            _resolve_one(p.text, text, p.start, p.end, active, dictionary),
        )
        for p in c.parts
    ]
    sizes = {len(p.text) for p in c.parts}
    if set(c.joiners) == {"."} and min(sizes) >= 2 and all(r.expansion for _, r in pieces):
        joined = ", ".join(r.expansion or "" for _, r in pieces)
        return [(c, _Reading(joined, _source_of(r for _, r in pieces)), tuple(pieces))]
    if sizes == {1} or c.wordlike:
        return [(c, _UNKNOWN, ())]
    if set(c.joiners) == {"&"} and all(r.expansion for _, r in pieces):
        joined = " và ".join(r.expansion or "" for _, r in pieces)  # "CNQP&KT": CNQP and KT
        return [(c, _Reading(joined, _source_of(r for _, r in pieces)), ())]
    if sizes == {2}:
        if any(r.expansion is None for _, r in pieces):
            return [(c, _UNKNOWN, ())]
        joined = pieces[0][1].expansion or ""
        for joiner, (_, r) in zip(c.joiners, pieces[1:], strict=True):
            joined += JOINED_WITH.get(joiner, " ") + (r.expansion or "")
        return [(c, _Reading(joined, _source_of(r for _, r in pieces)), ())]
    return [(piece, r, ()) for piece, r in pieces if len(piece.text) >= 2 and not is_roman(piece.text)]


def _source_of(readings: Iterable[_Reading]) -> str:
    return "defined" if any(r.source == "defined" for r in readings) else "dictionary"


def find_abbreviations(text: str, dictionary: Dictionary) -> list[Occurrence]:
    """The abbreviations of one document's normalised text, in order, each with its expansion.

    Capitalised words, Roman numerals and unit codes are left out; so are a capitalised syllable
    (``TƯ``) and a number-glued code (``DK1``) unless the abbreviation is known, and unknown letters
    in the outlet's tag at the head of a paragraph (``BQO -``, ``(HNO) -``) or in a photo credit
    (``Ảnh: H.T``), which name an outlet or a person. A known outlet tag (``TTXVN -``) counts, read
    in its place: the dictionary tells ``TCCS -`` (Tạp chí Cộng sản) from the ``TCCS`` of the text
    (tổ chức cơ sở) by its context."""
    definitions = find_definitions(text)
    sites = {d.site for d in definitions}
    active: dict[str, str] = {}
    pending = iter(definitions)
    upcoming = next(pending, None)
    out: list[Occurrence] = []
    for token in find_candidates(text, dictionary.mixed_case(), dictionary.__contains__):
        while upcoming is not None and upcoming.position <= token.start:
            active[lookup_key(upcoming.abbreviation)] = upcoming.expansion
            upcoming = next(pending, None)
        tag = is_outlet_tag(text, token)
        for c, reading, pieces in _resolve(token, text, active, dictionary):
            if reading.expansion is None and (c.wordlike or c.number or tag or in_credit(text, c)):
                continue
            parts = tuple(
                Occurrence(p.text, p.start, p.end, None, False, r.expansion, r.source) for p, r in pieces
            )
            out.append(
                Occurrence(
                    c.text,
                    c.start,
                    c.end,
                    c.number,
                    c.glued,
                    reading.expansion,
                    reading.source,
                    site=(c.start, c.end) in sites,
                    parts=parts,
                )
            )
    return out


@lru_cache(maxsize=8)
def _dictionary(dict_files: tuple[str, ...]) -> Dictionary:
    return load_dictionary(dict_files)


def _snippet(text: str, start: int, end: int) -> str:
    """About CONTEXT_CHARS characters either side of ``text[start:end]``, cut between words."""
    lo, hi = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
    if lo > 0:
        cut = text.find(" ", lo, start)
        lo = cut + 1 if cut >= 0 else lo
    if hi < len(text):
        cut = text.rfind(" ", end, hi)
        hi = cut if cut >= 0 else hi
    body = _SPACE.sub(" ", text[lo:hi]).strip()
    return ("…" if lo > 0 else "") + body + ("…" if hi < len(text) else "")


def _expansion_key(expansion: str | None) -> str | None:
    if expansion is None:
        return None
    return _SPACE.sub(" ", fold(expansion)).strip()


@dataclass
class _Group:
    """The occurrences of one abbreviation with one expansion, in one document or in the corpus."""

    abbreviation: str
    source: str
    count: int
    spellings: Counter
    context: str | None
    documents: int = 1

    def merge(self, other: _Group) -> None:
        if SOURCE_RANK[other.source] > SOURCE_RANK[self.source]:
            self.source = other.source
        self.count += other.count
        self.documents += other.documents
        self.spellings.update(other.spellings)

    @property
    def expansion(self) -> str | None:
        if not self.spellings:
            return None
        return max(self.spellings.items(), key=lambda kv: kv[1])[0]  # first seen wins a tie

    def row(self) -> dict[str, Any]:
        return {
            "abbreviation": self.abbreviation,
            "expansion": self.expansion,
            "source": self.source,
            "count": self.count,
            "documents": self.documents,
            "context": self.context,
        }


GroupKey = tuple[str, str | None]


def _document_groups(dict_files: tuple[str, ...], doc: Document) -> dict[GroupKey, _Group]:
    """Occurrences of one document grouped by abbreviation and expansion (module level: runs in workers)."""
    text = normalise(doc.text).text
    groups: dict[GroupKey, _Group] = {}
    for whole in find_abbreviations(text, _dictionary(dict_files)):
        for occ in whole.parts or (whole,):
            _add(groups, text, occ)
    return groups


def _add(groups: dict[GroupKey, _Group], text: str, occ: Occurrence) -> None:
    key = (occ.abbreviation, _expansion_key(occ.expansion))
    spelling: Counter = Counter({occ.expansion: 1} if occ.expansion else {})
    group = groups.get(key)
    if group is None:
        context = _snippet(text, occ.start, occ.end_with_number) if occ.source == "unknown" else None
        groups[key] = _Group(occ.abbreviation, occ.source, 1, spelling, context)
        return
    group.count += 1
    rank, best = SOURCE_RANK[occ.source], SOURCE_RANK[group.source]
    if rank > best:  # within a document, the article's own spelling beats the dictionary's
        group.source, group.spellings = occ.source, spelling
    elif rank == best:
        group.spellings.update(spelling)


def _sort_key(group: _Group) -> tuple:
    """Rows in Vietnamese dictionary order of the abbreviation (CTCĐ < CTCT < CTĐ), then by source and
    expansion."""
    return (
        collation_key(lookup_key(group.abbreviation)),
        collation_key(group.abbreviation),
        SOURCE_RANK[group.source],
        collation_key(_expansion_key(group.expansion) or ""),
    )


def _whole(
    results: Iterable[tuple[Document, dict[GroupKey, _Group]]],
) -> Iterator[tuple[Document, dict[GroupKey, _Group]]]:
    """One ``(doc, groups)`` a file: the groups of a long file's pieces (see
    :class:`~vnpress.io.corpus.Document`) merged as those of one document."""
    for pieces in by_document(results):
        doc, groups = next(pieces)
        for _, more in pieces:
            for key, group in more.items():
                mine = groups.get(key)
                if mine is None:
                    groups[key] = group
                    continue
                mine.count += group.count
                rank, best = SOURCE_RANK[group.source], SOURCE_RANK[mine.source]
                if rank > best:  # as within a document: the article's own spelling wins
                    mine.source, mine.spellings = group.source, group.spellings
                elif rank == best:
                    mine.spellings.update(group.spellings)
        yield doc, groups


def _by_file_rows(results: Iterable[tuple[Document, dict[GroupKey, _Group]]]) -> Iterator[dict[str, Any]]:
    for doc, groups in _whole(results):
        for group in sorted(groups.values(), key=_sort_key):
            yield {"file": doc.path, **group.row()}


def abbreviation_table(
    docs: Iterable[Document], *, by_file: bool = False, dict_files: Sequence[str] = (), jobs: int | None = 1
) -> Table:
    """The abbreviations of a corpus: one row per abbreviation and expansion (per document with
    ``by_file``), with where the expansion came from, how often and in how many documents it occurs,
    and for unknown ones the context of the first occurrence."""
    files = tuple(dict_files)
    _dictionary(files)  # a malformed --dict file fails before any document is read
    func = partial(_document_groups, files)
    if by_file:
        return Table(ABBREVIATIONS_BY_FILE, _by_file_rows(map_documents(func, docs, jobs=jobs)))
    merged = fold_documents(func, docs, fold=abbreviation_totals, combine=add_abbreviation_totals, jobs=jobs)
    rows = [g.row() for g in sorted(merged.values(), key=_sort_key)]
    return Table(ABBREVIATIONS, rows)


def abbreviation_totals(results: Iterable[tuple[Document, dict[GroupKey, _Group]]]) -> dict[GroupKey, _Group]:
    """The corpus groups of some documents, in the order first seen."""
    merged: dict[GroupKey, _Group] = {}
    for _doc, groups in _whole(results):
        for key, group in groups.items():
            if key in merged:
                merged[key].merge(group)
            else:
                merged[key] = group
    return merged


def add_abbreviation_totals(a: dict[GroupKey, _Group], b: dict[GroupKey, _Group]) -> dict[GroupKey, _Group]:
    """The groups of two consecutive runs of whole files, as :func:`abbreviation_totals` of both
    (on a cluster: the tree reduction's step); the inputs are left unchanged."""
    merged = {key: replace(group, spellings=Counter(group.spellings)) for key, group in a.items()}
    for key, group in b.items():
        if key in merged:
            merged[key].merge(group)
        else:
            merged[key] = replace(group, spellings=Counter(group.spellings))
    return merged


@dataclass(frozen=True)
class Replacement:
    """``original[start:end]`` (an abbreviation, with any number glued to it) became ``text``."""

    start: int
    end: int
    original: str
    text: str


def _starts_sentence(text: str, start: int) -> bool:
    j = start
    while j > 0 and text[j - 1] in " \t\"“”'‘’([«":
        j -= 1
    return j == 0 or text[j - 1] in SENTENCE_ENDS_AND_ELLIPSIS


def _mid_sentence(expansion: str, abbreviation: str, dictionary: Dictionary) -> str:
    """The case of an expansion inside a sentence: a definition that opened its sentence ("Lực
    lượng vũ trang (LLVT) …") took a capital there that the dictionary's form ("lực lượng vũ trang")
    does not have. Other expansions keep their case (an organ's name is capitalised anywhere)."""
    entry = dictionary.lookup(abbreviation)
    if (
        entry is not None
        and entry.expansion != expansion
        and entry.expansion.casefold() == expansion.casefold()
    ):
        return entry.expansion
    return expansion


def rewrite_text(
    text: str, dictionary: Dictionary, *, keep_abbrev: bool = False
) -> tuple[str, list[Replacement]]:
    """``text`` with every known abbreviation spelled out, and the replacements made (spans of ``text``).

    With ``keep_abbrev`` the first one of each abbreviation in the text is written "expansion
    (ABBR)", unless the text defines it before (the definition already shows both)."""
    norm = normalise(text)
    shown: set[str] = set()
    replacements: list[Replacement] = []
    for occ in find_abbreviations(norm.text, dictionary):
        if occ.expansion is None:
            continue
        key = lookup_key(occ.abbreviation)
        if occ.site:
            shown.add(key)
            continue
        expansion = occ.expansion
        if not occ.glued and _starts_sentence(norm.text, occ.start):
            expansion = expansion[:1].upper() + expansion[1:]
        else:
            expansion = _mid_sentence(expansion, occ.abbreviation, dictionary)
        written = occ.abbreviation + (occ.number or "")
        new = expansion + (f" {occ.number}" if occ.number else "")
        if keep_abbrev and key not in shown:
            new += f" ({written})"
        shown.add(key)
        if occ.glued:
            new = " " + new
        start, end = norm.span(occ.start, occ.end_with_number)
        replacements.append(Replacement(start, end, text[start:end], new))
    pieces, pos = [], 0
    for r in replacements:
        pieces.append(text[pos : r.start])
        pieces.append(r.text)
        pos = r.end
    pieces.append(text[pos:])
    return "".join(pieces), replacements


def _rewrite_document(dict_files: tuple[str, ...], keep_abbrev: bool, doc: Document) -> str:
    return rewrite_text(doc.text, _dictionary(dict_files), keep_abbrev=keep_abbrev)[0]


def rewrite_documents(
    docs: Iterable[Document],
    out: IO[str],
    *,
    dict_files: Sequence[str] = (),
    keep_abbrev: bool = False,
    jobs: int | None = 1,
) -> None:
    """Write each document with its abbreviations spelled out. One document comes out byte for byte
    as rewritten; several are written one after another, each ending with a newline, separated by a
    form feed on a line of its own (``\\f\\n``)."""
    files = tuple(dict_files)
    _dictionary(files)
    previous: str | None = None
    for doc, rewritten in map_documents(partial(_rewrite_document, files, keep_abbrev), docs, jobs=jobs):
        if previous is not None and doc.part == 0:  # (the pieces of a long file follow each other as read)
            if not previous.endswith("\n"):
                out.write("\n")
            out.write(DOCUMENT_SEPARATOR)
        out.write(rewritten)
        previous = rewritten
