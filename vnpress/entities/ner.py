"""Generic named entities (``--ner``): underthesea's PER/LOC/ORG as person/location/organization.

Optional because it is slow (underthesea's CRF runs at a few thousand syllables a second) and it knows
none of the domain's entities: it tags "Thiếu tướng Chu Văn Đoàn" as a place and a comma as the start
of one. So its output is repaired (no entity starts or ends with punctuation) and never repeats what
the domain extractors found: an entity overlapping a domain mention, or containing the text or the
canonical name of one anywhere in the document, is dropped.

underthesea returns tokens without offsets, normalised its own way; they are aligned with its raw
tokens on the normalised text (``vnpress.text.normalise``) and mapped back to the original from there.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache

from vnpress.entities.model import Mention
from vnpress.text.normalise import Normalised, fold, normalise

NER_LABELS = {"PER": "person", "LOC": "location", "ORG": "organization"}
# A sentence ends at a line break, or after . ! ? … (and closing quotes) before the next capitalised word.
# Not after the abbreviations that stand before names ("TP. Hồ Chí Minh", "PGS. Nguyễn …").
_SENTENCE_END_RX = re.compile(
    r"\n|(?<![^\w]TP\.)(?<![^\w]Tp\.)(?<![^\w]TS\.)(?<![^\w]GS\.)(?<![^\w]PGS\.)(?<![^\w]ThS\.)(?<![^\w]BS\.)"
    r"(?<=[.!?…])(?P<close>[”\"’)]*)[^\S\n]+(?=[“\"(]?[^\W\d_a-zà-ỹđ])"
)

Span = tuple[int, int]


def sentences(text: str) -> Iterator[Span]:
    """Spans of the sentences of ``text``, without surrounding whitespace, empty ones left out."""
    start = 0
    for m in _SENTENCE_END_RX.finditer(text):
        yield from _trimmed(text, start, m.end("close") if m.group("close") is not None else m.start())
        start = m.end()
    yield from _trimmed(text, start, len(text))


def _trimmed(text: str, a: int, b: int) -> Iterator[Span]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if a < b:
        yield a, b


def align(sentence: str, words: list[str]) -> list[Span]:
    """The span in ``sentence`` of each word underthesea returned for it.

    A word is raw tokens of the sentence, each normalised by underthesea and joined by spaces; the raw
    tokens are substrings, so joining their normal forms until the word is complete gives its span.
    """
    from underthesea.pipeline.text_normalize import token_normalize
    from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize

    raw: list[tuple[int, int, str]] = []
    pos = 0
    for tok in tokenize(sentence, use_token_normalize=False):
        i = sentence.find(tok, pos)
        if i < 0:
            continue
        pos = i + len(tok)
        raw.append((i, pos, token_normalize(tok)))
    spans: list[Span] = []
    k = 0
    for word in words:
        if k >= len(raw):
            spans.append((pos, pos))
            continue
        start = raw[k][0]
        joined = raw[k][2]
        k += 1
        while len(joined) < len(word) and k < len(raw):
            joined += " " + raw[k][2]
            k += 1
        spans.append((start, raw[k - 1][1]))
    return spans


def _strip_punctuation(text: str, a: int, b: int) -> Span:
    while a < b and not text[a].isalnum():
        a += 1
    while b > a and not text[b - 1].isalnum():
        b -= 1
    return a, b


_LEADING_WORD_RX = re.compile(r"(\w+)\s+")


def _repair(text: str, a: int, b: int) -> Span:
    """No punctuation at either end, no lower-case words before the name ("phong cách Hồ Chí Minh"
    gives "Hồ Chí Minh") except the words of a place's rank ("tỉnh Bến Tre"), and no name at all
    without a capital letter ("năm 2018", "chỉnh đốn")."""
    a, b = _strip_punctuation(text, a, b)
    places = _place_words()
    while a < b and (m := _LEADING_WORD_RX.match(text, a, b)) and m.group(1)[0].islower():
        two = _LEADING_WORD_RX.match(text, m.end(), b)
        if m.group(1) in places or (two and f"{m.group(1)} {two.group(1)}" in places):
            break
        a = m.end()
    a, b = _strip_punctuation(text, a, b)
    return (a, b) if any(c.isupper() for c in text[a:b]) else (a, a)


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    """The words of a place's rank ("tỉnh", "thành phố", "huyện" …), from data/document_issuers.tsv."""
    from vnpress.entities.documents.rules import document_rules

    return frozenset(
        w
        for w in document_rules().inner_words
        if w[:1].islower() and (" " not in w or w in ("thành phố", "thị xã"))
    )


def entities(sentence: str, tagged: list[tuple[str, ...]]) -> list[tuple[str, int, int]]:
    """(type, start, end) in ``sentence`` from underthesea's BIO tags, repaired."""
    spans = align(sentence, [t[0] for t in tagged])
    open_entity = False
    found: list[tuple[str, int, int]] = []
    for (a, b), tags in zip(spans, tagged, strict=True):
        prefix, _, label = tags[-1].partition("-")
        if prefix == "I" and found and found[-1][0] == label and open_entity:
            found[-1] = (label, found[-1][1], b)
            continue
        open_entity = prefix in ("B", "I") and label in NER_LABELS
        if open_entity:
            found.append((label, a, b))
    out = []
    for label, a, b in found:
        a, b = _repair(sentence, a, b)
        if a < b:
            out.append((NER_LABELS[label], a, b))
    return out


def find_ner_normalised(norm: Normalised, domain: list[Mention]) -> list[Mention]:
    """:func:`find_ner` on a document already normalised (the domain extractors' own ``Normalised``)."""
    from underthesea import ner

    spans = sorted((m.start, m.end) for m in domain)
    starts = [s for s, _ in spans]
    ends = [e for _, e in spans]
    # prefix maxima of ends make the overlap test one comparison per entity
    for i in range(1, len(ends)):
        ends[i] = max(ends[i], ends[i - 1])
    known = sorted(
        {fold(" ".join(x.split())) for m in domain for x in (m.text, m.canonical) if x}, key=len, reverse=True
    )
    known_rx = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, known)) + r")(?!\w)") if known else None
    out: list[Mention] = []
    text = norm.text
    for s, e in sentences(text):
        sentence = text[s:e]
        for kind, a, b in entities(sentence, ner(sentence)):
            oa, ob = norm.span(s + a, s + b)
            i = bisect.bisect_left(starts, ob)
            if i and ends[i - 1] > oa:
                continue
            canonical = " ".join(sentence[a:b].split())
            if known_rx and known_rx.search(fold(canonical)):
                continue  # names a domain entity, or contains one ("ủy Quân khu 7")
            out.append(Mention(kind, oa, ob, norm.original[oa:ob], canonical))
    return out


def find_ner(text: str, domain: list[Mention]) -> list[Mention]:
    """person/location/organization mentions in ``text`` (offsets into it) that no domain mention covers."""
    return find_ner_normalised(normalise(text), domain)
