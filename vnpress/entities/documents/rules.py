"""The data behind resolution extraction: document kinds and issuers, read from ``vnpress/data/``.

Both files are TSV with a header (see their own comments); a user's ``--gazetteer`` files of the same
format add rows. :func:`document_rules` compiles the patterns once per set of files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from vnpress.data import bundled_tsv, read_user_text, user_tsv
from vnpress.errors import DataFileError
from vnpress.text.normalise import normalise_word

KIND_COLUMNS = ["kind", "variants", "codes", "named"]
ISSUER_COLUMNS = ["issuer", "variants", "role"]
NAMING = ("", "title", "quoted", "year", "plenum")
ROLES = ("issuer", "head", "inner")

_TRUNG_UONG = r"(?:Trung\s+ương|T\.\s?Ư|TƯ|TW)"
_TU_RX = re.compile(r"(?<!\w)(?:T\.\s?Ư|TƯ|TW)(?!\w)")


def key(words: str) -> str:
    """How a kind word is looked up: normal form, case-folded, single spaces."""
    return " ".join(normalise_word(words).casefold().split())


def _words_rx(words: str) -> str:
    return r"\s+".join(re.escape(w) for w in normalise_word(words).split())


def _issuer_rx(words: str) -> str:
    """An issuer's spelling as a pattern: any run of spaces, and T.Ư/TƯ/TW for "Trung ương"."""
    return _words_rx(words).replace(r"Trung\s+ương", _TRUNG_UONG)


@dataclass(frozen=True)
class DocumentKind:
    kind: str
    variants: tuple[str, ...]
    codes: tuple[str, ...]
    named: str


@dataclass(frozen=True)
class DocumentRules:
    """Kinds by the key of their kind word, plenum kinds, code letters, and the issuer patterns."""

    kinds: dict[str, DocumentKind]  # key(variant) -> the kind it names in running text
    plenum: dict[str, DocumentKind]  # key(variant) -> the plenum kind that word leads into
    by_code: dict[str, DocumentKind]  # code letters -> kind
    kind_rx: re.Pattern[str]
    issuer_rx: re.Pattern[str]  # a known issuer (group "known") or a head word (group "head")
    issuer_names: dict[str, str]  # matched spelling, spaces folded -> issuer as reported
    inner_words: frozenset[str]  # lower-cased: "quân khu" (after a capitalised word), "tỉnh" (before a name)


def _split(cell: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in cell.split("|") if v.strip())


def build_rules(
    kind_rows: list[dict[str, str]], issuer_rows: list[dict[str, str]], source: str
) -> DocumentRules:
    kinds: dict[str, DocumentKind] = {}
    plenum: dict[str, DocumentKind] = {}
    by_code: dict[str, DocumentKind] = {}
    for row in kind_rows:
        named = row["named"].strip()
        if named not in NAMING:
            raise DataFileError(
                source, None, f"kind {row['kind']!r}: 'named' must be one of {', '.join(NAMING[1:])}"
            )
        dk = DocumentKind(
            normalise_word(row["kind"]),
            _split(row["variants"]) or (row["kind"],),
            _split(row["codes"]),
            named,
        )
        table = plenum if named == "plenum" else kinds
        for v in dk.variants:
            table[key(v)] = dk
        for c in dk.codes:
            by_code[normalise_word(c)] = dk
    spellings = sorted(
        {v for dk in [*kinds.values(), *plenum.values()] for v in dk.variants}, key=len, reverse=True
    )
    kind_rx = re.compile(
        r"(?<!\w)(?:" + "|".join(_words_rx(v) for v in spellings) + r")(?!\w)", re.IGNORECASE
    )

    names: dict[str, str] = {}
    known: list[str] = []
    heads: list[str] = []
    inner: set[str] = set()
    for row in issuer_rows:
        role = row["role"].strip() or "issuer"
        if role not in ROLES:
            raise DataFileError(
                source, None, f"issuer {row['issuer']!r}: 'role' must be issuer, head or inner"
            )
        if role == "inner":
            inner.add(" ".join(normalise_word(row["issuer"]).lower().split()))
            continue
        issuer = normalise_word(row["issuer"])
        for v in (issuer, *_split(row["variants"])):
            (known if role == "issuer" else heads).append(normalise_word(v))
            if role == "issuer":
                names[_fold_spaces(normalise_word(v))] = issuer
    known.sort(key=len, reverse=True)
    heads.sort(key=len, reverse=True)
    alts = []
    if known:
        alts.append("(?P<known>" + "|".join(_issuer_rx(v) for v in known) + r")(?!\w)")
    if heads:
        alts.append("(?P<head>" + "|".join(_issuer_rx(v) for v in heads) + r")(?!\w)")
    issuer_rx = re.compile("|".join(alts) if alts else r"(?!x)x")
    return DocumentRules(kinds, plenum, by_code, kind_rx, issuer_rx, names, frozenset(inner))


def _fold_spaces(s: str) -> str:
    s = " ".join(s.split())
    return _TU_RX.sub("Trung ương", s)


def issuer_name(rules: DocumentRules, written: str) -> str:
    """The reported form of a known issuer as written ("Quân ủy T.Ư" -> "Quân ủy Trung ương")."""
    folded = " ".join(written.split())
    return (
        rules.issuer_names.get(folded) or rules.issuer_names.get(_fold_spaces(folded)) or _fold_spaces(folded)
    )


@lru_cache(maxsize=8)
def document_rules(extra_kinds: tuple[str, ...] = (), extra_issuers: tuple[str, ...] = ()) -> DocumentRules:
    """The bundled kinds and issuers, plus users' files of the same formats (later rows win)."""
    kind_rows = bundled_tsv("document_kinds.tsv", KIND_COLUMNS, required=1)
    for path in extra_kinds:
        kind_rows += user_tsv(path, KIND_COLUMNS, required=1)
    issuer_rows = bundled_tsv("document_issuers.tsv", ISSUER_COLUMNS, required=1)
    for path in extra_issuers:
        issuer_rows += user_tsv(path, ISSUER_COLUMNS, required=1)
    source = ", ".join(("document_kinds.tsv", *extra_kinds, *extra_issuers))
    return build_rules(kind_rows, issuer_rows, source)


def document_rules_for(user_files: tuple[str, ...] = ()) -> DocumentRules:
    """The rules extended by those of the user's ``--gazetteer`` files that are document kinds or
    issuers, told apart by their header (``kind``/``variants`` or ``issuer``); others are not ours."""
    kinds: list[str] = []
    issuers: list[str] = []
    for path in user_files:
        header = next(
            (ln for ln in read_user_text(path).splitlines() if ln.strip() and not ln.startswith("#")), ""
        )
        columns = {c.strip() for c in header.split("\t")}
        if {"kind", "variants"} <= columns:
            kinds.append(path)
        elif {"issuer", "role"} <= columns:
            issuers.append(path)
    return document_rules(tuple(kinds), tuple(issuers))
