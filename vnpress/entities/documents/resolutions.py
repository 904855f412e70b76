"""Party and state normative documents: resolutions, directives, regulations, decrees, laws …

A document is named by a kind word from ``data/document_kinds.tsv`` followed by what identifies it:
a number or a code ("Chỉ thị 05", "Nghị quyết số 05-NQ/TW", "Chỉ thị 01/CT-TTg"), a plenum
("Nghị quyết Trung ương 4 (khóa XII)"), a title ("Luật Sĩ quan Quân đội nhân dân Việt Nam") or a year
("Hiến pháp năm 2013"). A kind word with none of these ("các nghị quyết, chỉ thị", "đúng quy định",
"Kết luận hội nghị") is not a document. Lists share what follows them ("các Quy định: 59, 61, 104 của
Bộ Chính trị" is three documents of one issuer), and a short later mention ("Nghị quyết số 230") takes
the number and canonical name of the full one ("230-NQ/QUTW") so that the two count as one document.
Everything runs on the normalised text with regular expressions compiled once, in linear time.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from vnpress.entities.documents.patterns import (
    CLOSE_RX,
    CODE_LETTERS_RX,
    CODE_RX,
    DATE_RX,
    ISSUED_ABOUT_RX,
    ISSUER_JOIN_RX,
    LEAD_NUMBER_RX,
    LEAD_RX,
    LIST_SEP_RX,
    NOT_A_TITLE_BEFORE_RX,
    NUMBER_RX,
    NUMBER_WORD_RX,
    OF_RX,
    OPEN_QUOTE_BEFORE_RX,
    PLENUM_RX,
    PLURAL_BEFORE_RX,
    QUOTED_RX,
    ROMAN_RX,
    SENTENCE_START_RX,
    TERM_RX,
    TOPIC_BEFORE_RX,
    YEAR_RX,
    clean_code,
    ends_cleanly,
    inside_name,
    is_count,
    lead_number,
    ordinal,
    stops_title,
    title_tokens,
)
from vnpress.entities.documents.rules import DocumentKind, DocumentRules, document_rules, issuer_name, key
from vnpress.entities.model import Mention
from vnpress.io.schema import iso_date
from vnpress.text.normalise import Normalised


@dataclass
class _Doc:
    """A document found in the text before it becomes a :class:`Mention` (spans in normalised text)."""

    start: int
    end: int
    kind: str
    number: str | None = None
    name: str | None = None
    term: str | None = None
    issuer: list[str] | None = None
    date: str | None = None  # ISO 8601
    short: bool = False  # a bare number, to be completed from a full mention of the same document
    plenum: bool = False
    fields: dict[str, str] = field(default_factory=dict)

    def canonical(self) -> str:
        if self.name:
            return f"{self.kind} {self.name}"
        if self.plenum and self.term:
            return f"{self.kind} {self.number} (khóa {self.term})"
        return f"{self.kind} {self.number}"


class _Scanner:
    def __init__(self, text: str, rules: DocumentRules):
        self.t = text
        self.rules = rules
        Finder = Callable[[DocumentKind, int, int], tuple[list[_Doc], int]]
        self.by_name: dict[str, Finder] = {"title": self.titled, "quoted": self.quoted, "year": self.year}

    # --- the pieces after a number: term, date, issuer -------------------------------------------
    def term(self, pos: int) -> tuple[list[str], int]:
        m = TERM_RX.match(self.t, pos)
        if not m:
            return [], pos
        end = m.end()
        if m.group("open"):
            close = CLOSE_RX.match(self.t, end)
            end = close.end() if close else end
        return ROMAN_RX.findall(m.group("terms")), end

    def issuer(self, pos: int) -> tuple[list[str], int]:
        m = OF_RX.match(self.t, pos)
        if not m:
            return None, pos
        names: list[str] = []
        end = pos
        p = m.end()
        while True:
            im = self.rules.issuer_rx.match(self.t, p)
            if not im or (names and not im.group("known")):
                break
            if im.group("known"):
                names.append(issuer_name(self.rules, im.group("known")))
                end = im.end()
            else:
                end = self._name_run(im.end())
                names.append(" ".join(self.t[im.start() : end].split()))
            join = ISSUER_JOIN_RX.match(self.t, end)
            if not join:
                break
            p = join.end()
        return (names, end) if names else ([], pos)

    def _code_kind(self, code: str, dk: DocumentKind) -> DocumentKind:
        """The kind a code's letters name ("NQ" → Nghị quyết), else ``dk``."""
        letters = CODE_LETTERS_RX.search(code)
        other = self.rules.by_code.get(letters.group(0)) if letters else None
        return other if other and other.kind != dk.kind else dk

    def _sentence_start(self, start: int) -> bool:
        before = self.t[max(0, start - 6) : start]
        return bool(SENTENCE_START_RX.search(("\n" if start <= 6 else "") + before))

    def _name_run(self, pos: int) -> int:
        """The end of a body's own name after its head word: capitalised words, numbers, and the
        lower-case words that data/document_issuers.tsv allows inside a name ("Quân khu 7", "tỉnh Bến Tre")."""
        inner = self.rules.inner_words
        end = pos
        prev = ""
        tokens = list(title_tokens(self.t, pos, limit=12))
        for i, (_, te, tok) in enumerate(tokens):
            after = tokens[i + 1][2] if i + 1 < len(tokens) else ""
            if not inside_name(prev, tok, after, inner):
                break
            end, prev = te, tok
        return end

    def tail(self, doc_fields: dict[str, Any], pos: int) -> int:
        """Date, issuer and term in any order after a number; returns where they end. A date that is
        none of the calendar ("ngày 31 tháng 13 năm 2021") is passed over, not taken."""
        for _ in range(4):
            if "date" not in doc_fields and (m := DATE_RX.match(self.t, pos)):
                d, mo, y = (
                    (m.group("d"), m.group("m"), m.group("y"))
                    if m.group("d")
                    else (m.group("d2"), m.group("m2"), m.group("y2"))
                )
                date = iso_date(y, mo, d)
                if date:
                    doc_fields["date"] = date
                pos = m.end()
                continue
            if "issuer" not in doc_fields:
                issuer, end = self.issuer(pos)
                if issuer:
                    doc_fields["issuer"] = issuer
                    pos = end
                    continue
            if "term" not in doc_fields:
                terms, end = self.term(pos)
                if terms:
                    doc_fields["term"] = terms[0]
                    pos = end
                    continue
            break
        return pos

    # --- the ways a kind word is followed by what identifies the document ---------------------------
    def plenum(self, dk: DocumentKind, start: int, pos: int) -> tuple[list[_Doc], int]:
        m = PLENUM_RX.match(self.t, pos)
        if not m:
            return [], pos
        number = m.group("n1") or ordinal(" ".join((m.group("o1") or m.group("o2") or "").split()))
        if not number or (m.group("n1") and is_count(self.t, m.end())):
            return [], pos
        terms, end = self.term(m.end())
        docs = [_Doc(start, end, dk.kind, number=number, term=t, plenum=True) for t in terms] or [
            _Doc(start, m.end(), dk.kind, number=number, short=True, plenum=True)
        ]
        return docs, end

    def numbered(self, dk: DocumentKind, start: int, pos: int) -> tuple[list[_Doc], int]:
        lead = LEAD_RX.match(self.t, pos)
        assert lead is not None  # every part is optional
        plural = bool(PLURAL_BEFORE_RX.search(self.t, max(0, start - 8), start))
        if lead.group("colon") and not plural:
            return [], pos
        capital = self.t[start].isupper()
        items: list[tuple[int, int, str, bool, dict[str, Any]]] = []  # start, end, number, is_code, fields
        p = tail_end = lead.end()
        first_start = start
        closing = None
        while True:
            code = CODE_RX.match(self.t, p)
            bare = None if code else NUMBER_RX.match(self.t, p)
            m = code or bare
            if not m or (bare and is_count(self.t, m.end())):
                break
            if items and code and not items[0][3]:
                if self._code_kind(code.group(0), dk) is not dk:
                    break  # "Quy định 59, 05-NQ/TW": a document of another kind
                closing = code  # "số 1659, 1660, 1661-NQ/QUTW": the code's letters belong to every number
            elif items and bool(code) != items[0][3]:
                break
            fields: dict[str, Any] = {}
            end = tail_end = self.tail(fields, m.end())
            items.append((first_start if not items else m.start(), m.end(), m.group(0), bool(code), fields))
            sep = LIST_SEP_RX.match(self.t, end)
            if not sep or closing:
                break
            p = sep.end()
        if not items:
            return [], pos
        is_code = items[0][3]
        if not (
            is_code or lead.group("so") or capital or (plural and lead.group("colon") and len(items) > 1)
        ):
            return [], pos
        if (
            not (is_code or lead.group("so") or any(item[4] for item in items))
            and self._sentence_start(start)
            and not ends_cleanly(self.t, items[0][1])
        ):
            return [], pos  # "Hướng dẫn 30 thanh niên …", "Quyết định 15 …": the kind word is a verb here
        shared = items[-1][4]
        suffix = ""
        if closing:
            suffix = clean_code(closing.group(0))[len(LEAD_NUMBER_RX.match(closing.group(0)).group(0)) :]
        docs = []
        for i, (s, e, written, item_is_code, fields) in enumerate(items):
            kind = self._code_kind(written, dk).kind if i and item_is_code else dk.kind
            merged = {**shared, **fields}
            number = clean_code(written) if item_is_code else written + suffix
            docs.append(
                _Doc(s, e, kind, number=number, short=not (item_is_code or suffix),
                     term=merged.get("term"), issuer=merged.get("issuer"), date=merged.get("date"))
            )  # fmt: skip
            if suffix and not item_is_code:
                docs[-1].fields["resolved_from"] = written
        return docs, tail_end

    def titled(self, dk: DocumentKind, start: int, pos: int) -> tuple[list[_Doc], int]:
        t = self.t
        if not t[start].isupper() or NOT_A_TITLE_BEFORE_RX.search(t, max(0, start - 100), start):
            return [], pos
        if TOPIC_BEFORE_RX.search(t, max(0, start - 6), start) and OPEN_QUOTE_BEFORE_RX.search(
            t, max(0, start - 3), start
        ):
            return [], pos
        words: list[tuple[int, int]] = []
        tokens = list(title_tokens(t, pos))
        lower = _lower_law_title(dk, tokens)  # "Luật cán bộ, công chức": a law's title in running case
        for i, (ts, te, tok) in enumerate(tokens):
            after = tokens[i + 1][2] if i + 1 < len(tokens) else None
            if not words and (not (tok[0].isupper() or lower) or stops_title(tok, after)):
                return [], pos
            if lower and tok[0].isupper():
                return [], pos
            if (
                tok.lower() == "năm"
                and after
                and len(after) == 4
                and after.isdigit()
                and after[:2] in ("19", "20")
            ):
                words.append((ts, tokens[i + 1][1]))
                break
            if words and (
                stops_title(tok, after)
                or self.rules.kind_rx.match(t, ts)
                or lower
                and tok in _LOWER_TITLE_ENDS
            ):
                break
            words.append((ts, te))
            if tok.isdigit():
                break
        if not words or lower and not 2 <= len(words) <= _LOWER_TITLE_WORDS:
            return [], pos
        end = words[-1][1]
        name = " ".join(t[words[0][0] : end].split())
        fields: dict[str, Any] = {}
        number = None
        code = NUMBER_WORD_RX.match(t, end)
        if code and (cm := CODE_RX.match(t, code.end())):
            number, end = clean_code(cm.group(0)), cm.end()
        self.tail(fields, end)
        return [_Doc(start, end, dk.kind, number=number, name=name, **fields)], end

    def quoted(self, dk: DocumentKind, start: int, pos: int) -> tuple[list[_Doc], int]:
        if TOPIC_BEFORE_RX.search(self.t, max(0, start - 6), start):
            return [], pos
        m = QUOTED_RX.match(self.t, pos)
        if not m and self.t[start].isupper() and (a := ISSUED_ABOUT_RX.match(self.t, pos)):
            name = " ".join(a.group("title").strip(" ,.;").split())  # "Quy định của Ban Bí thư về …"
            return [_Doc(start, a.end("title"), dk.kind, name=name)], a.end("title")
        if not m:
            return [], pos
        name = " ".join(m.group("title").strip(" ,.;").split())
        return ([_Doc(start, m.end(), dk.kind, name=name)], m.end()) if name else ([], pos)

    def year(self, dk: DocumentKind, start: int, pos: int) -> tuple[list[_Doc], int]:
        m = YEAR_RX.match(self.t, pos)
        if not self.t[start].isupper() or not m:
            return [], pos
        return [_Doc(start, m.end(), dk.kind, name=f"năm {m.group('year')}")], m.end()

    def standalone_codes(self, taken: list[tuple[int, int]]) -> list[_Doc]:
        """Codes whose letters name their kind, written without a kind word: "thực hiện 05-NQ/TW"."""
        docs = []
        covered = sorted(taken)  # disjoint, in text order
        starts = [a for a, _ in covered]
        for m in CODE_RX.finditer(self.t):
            if m.start() and self.t[m.start() - 1].isalnum():
                continue
            segments = CODE_LETTERS_RX.findall(m.group(0))
            dk = self.rules.by_code.get(segments[0]) if segments else None
            k = bisect.bisect_right(starts, m.start())
            if not dk or len(segments) < 2 or (k and covered[k - 1][1] > m.start()):
                continue
            fields: dict[str, Any] = {}
            self.tail(fields, m.end())
            docs.append(_Doc(m.start(), m.end(), dk.kind, number=clean_code(m.group(0)), **fields))
        return docs

    def scan(self) -> list[_Doc]:
        docs: list[_Doc] = []
        taken: list[tuple[int, int]] = []
        last = 0
        for km in self.rules.kind_rx.finditer(self.t):
            if km.start() < last:
                continue
            word = key(km.group(0))
            found: list[_Doc] = []
            end = km.end()
            plenum = self.rules.plenum.get(word)
            if plenum:
                found, end = self.plenum(plenum, km.start(), km.end())
            dk = self.rules.kinds.get(word)
            if not found and dk:
                named = self.by_name.get(dk.named)
                if dk.named == "year":  # "Hiến pháp 1992" is named by its year, not numbered 1992
                    found, end = named(dk, km.start(), km.end())
                if not found:
                    found, end = self.numbered(dk, km.start(), km.end())
                if not found and named:
                    found, end = named(dk, km.start(), km.end())
            if found:
                docs += found
                taken.append((km.start(), end))
                last = end
        return sorted(docs + self.standalone_codes(taken), key=lambda d: (d.start, d.end))


# a law's title written in running case after "Luật" ("Luật cán bộ, công chức"): at most this many
# words, up to a word that ends a title, "năm 2018" or punctuation; not "Luật sư", "Luật pháp" …
_LOWER_TITLE_WORDS = 6
_LAW_KINDS = ("Luật", "Bộ luật")
_LOWER_TITLE_ENDS = frozenset({"hiện", "mới", "cũ"})  # "Luật nghĩa vụ quân sự hiện hành"
_NOT_A_LAW_TITLE = frozenset({"sư", "pháp", "lệ", "gia", "học", "định", "chơi", "hóa", "tục", "nhân", "quả"})


def _lower_law_title(dk: DocumentKind, tokens: list[tuple[int, int, str]]) -> bool:
    """Is the title after a law's kind word written in running case, and short enough to trust?"""
    if dk.kind not in _LAW_KINDS or not tokens or not tokens[0][2].islower():
        return False
    if tokens[0][2] in _NOT_A_LAW_TITLE:
        return False
    run = 0
    for i, (_, _, tok) in enumerate(tokens):
        after = tokens[i + 1][2] if i + 1 < len(tokens) else None
        if stops_title(tok, after) or tok in _LOWER_TITLE_ENDS or tok == "năm":
            break
        run += 1
    return run <= _LOWER_TITLE_WORDS


def _complete_short(docs: list[_Doc]) -> None:
    """A short mention takes the number, term and name of the full mention of the same document:
    the nearest one before it, or else the first one after it. "Short" is a bare number ("Nghị quyết
    số 230" of "230-NQ/QUTW"), the first words of a title ("Luật Quốc phòng" of "… năm 2018"), or a
    title in capitals ("LUẬT QUỐC PHÒNG") when the text also writes it in running case. Full mentions
    are indexed by kind and leading number, or by kind and the shorter forms of their title, so this
    stays linear."""
    full: dict[tuple[str, str], list[int]] = {}
    whole: dict[tuple[str, str], list[int]] = {}  # titles in running case, for titles in capitals
    for j, f in enumerate(docs):
        if f.number and not f.short:
            full.setdefault((f.kind, "#" + str(lead_number(f.number))), []).append(j)
        if f.name and not f.number and not f.name.isupper():
            words = f.name.casefold().split()
            for k in range(1, len(words)):
                full.setdefault((f.kind, " ".join(words[:k])), []).append(j)
            whole.setdefault((f.kind, " ".join(words)), []).append(j)
    originals = [(d.number, d.name) for d in docs]
    for i, d in enumerate(docs):
        number, name = originals[i]
        if d.short and number:
            same = full.get((d.kind, "#" + str(lead_number(number))), [])
        elif name and not number:
            folded = " ".join(name.casefold().split())
            same = full.get((d.kind, folded), []) or (
                whole.get((d.kind, folded), []) if name.isupper() else []
            )
        else:
            continue
        if not same:
            continue
        k = bisect.bisect_left(same, i)
        f = docs[same[k - 1] if k else same[0]]
        d.fields["resolved_from"] = name or number or ""
        d.number, d.name = originals[same[k - 1] if k else same[0]]
        d.term = d.term or f.term
        d.issuer = d.issuer or f.issuer
        d.date = d.date or f.date


def find_resolutions(norm: Normalised, rules: DocumentRules | None = None) -> list[Mention]:
    """Mentions of type ``resolution`` in a normalised document, offsets into ``norm.original``."""
    docs = _Scanner(norm.text, rules or document_rules()).scan()
    _complete_short(docs)
    out = []
    for d in docs:
        a, b = norm.span(d.start, d.end)
        fields = {
            "kind": d.kind,
            "number": d.number,
            "name": d.name,
            "term": d.term,
            "issuer": list(d.issuer or ()),
            "date": d.date,
        }
        out.append(Mention("resolution", a, b, norm.original[a:b], d.canonical(), {**fields, **d.fields}))
    return out
