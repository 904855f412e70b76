"""Word segmentation: underthesea's CRF segmenter, on normalised text, with offsets and protected words.

underthesea is imported on first use only, so that ``vnpress --help`` starts fast. The segmenter
runs on the normalised text (so ``uỷ`` and ``ủy`` get the same words); its tokens are aligned back to
the normalised text and then to the original one. Some words the CRF splits in every spelling
("Đảng ủy" → "Đảng" + "ủy") are merged back from ``data/protected_words.txt``.
"""

# NOTE FOR THE HELPERS WORKING IN PARALLEL (from the lead; remove before release):
# several helpers edit this repository at once. Read /work/main/.helpers-rules.md now and follow it:
# edit only your own files (in cli.py only your own command's function, with small edits),
# commit only your own files (`git add F && git commit -m "why" -- F`), never `git add -A`,
# don't edit README.md (put README text in your final report), run only your own tests,
# and be finished and committed by 20:55 UTC.


from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from .corpus import Document
from .data import data_lines
from .normalise import Normalised, normalise


@dataclass(frozen=True, slots=True)
class Word:
    """A segmented word: its span in the original text, the text as written there, its normal form."""

    start: int
    end: int
    text: str
    norm: str


Span = tuple[int, int]


@lru_cache(maxsize=1)
def _model():
    """underthesea's segmentation model and its helpers, loaded once per process."""
    from underthesea.pipeline import word_tokenize as wt
    from underthesea.pipeline.text_normalize import token_normalize
    from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize

    wt.word_tokenize("khởi động")  # loads the CRF model into wt.word_tokenize_model
    return tokenize, token_normalize, wt.word_tokenize_model


@lru_cache(maxsize=1)
def _protected_pattern() -> re.Pattern[str] | None:
    words = sorted({w for w in data_lines("protected_words.txt")}, key=len, reverse=True)
    if not words:
        return None
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _tokens(text: str) -> tuple[list[str], list[Span]]:
    tokenize, _, _ = _model()
    tokens = tokenize(text, use_token_normalize=False)
    spans: list[Span] = []
    pos = 0
    find = text.find
    for tok in tokens:
        i = find(tok, pos)
        if i < 0:  # cannot happen for substrings of ``text``; keep going rather than lose the text
            i = pos
        pos = i + len(tok)
        spans.append((i, pos))
    return tokens, spans


def _merge_protected(text: str, words: list[Span]) -> list[Span]:
    rx = _protected_pattern()
    if rx is None or not words:
        return words
    starts = {s: k for k, (s, _) in enumerate(words)}
    ends = {e: k for k, (_, e) in enumerate(words)}
    merges: list[tuple[int, int]] = []
    for m in rx.finditer(text):
        a, b = starts.get(m.start()), ends.get(m.end())
        if a is not None and b is not None and b > a:
            merges.append((a, b))
    if not merges:
        return words
    out: list[Span] = []
    k = 0
    for a, b in merges:
        if a < k:  # overlaps a merge already made
            continue
        out.extend(words[k:a])
        out.append((words[a][0], words[b][1]))
        k = b + 1
    out.extend(words[k:])
    return out


def segment_spans(text: str) -> list[Span]:
    """Word spans of an already normalised text (pure and cacheable: same text, same spans)."""
    if not text.strip():
        return []
    tokens, spans = _tokens(text)
    if not tokens:
        return []
    _, token_normalize, model = _model()
    tags = model.predict([[token_normalize(t)] for t in tokens])
    words: list[Span] = []
    for tag, span in zip(tags, spans, strict=False):
        if tag == "I-W" and words:
            words[-1] = (words[-1][0], span[1])
        else:
            words.append(span)
    return _merge_protected(text, words)


def words_from_spans(norm: Normalised, spans: Iterable[Span]) -> list[Word]:
    out = []
    original = norm.original
    for s, e in spans:
        a, b = norm.span(s, e)
        piece = norm.text[s:e]
        if " " in piece or "\t" in piece or "\n" in piece:
            piece = " ".join(piece.split())  # "Bộ  Chỉ huy" is the word "Bộ Chỉ huy"
        out.append(Word(a, b, original[a:b], piece))
    return out


def segment(text: str) -> list[Word]:
    """Segment one text into words with offsets into ``text`` itself."""
    norm = normalise(text)
    return words_from_spans(norm, segment_spans(norm.text))


def segment_documents(
    docs: Iterable[Document], *, jobs: int | None = 1, cache: object | None = None
) -> Iterator[tuple[Document, list[Word]]]:
    """Segment documents in order. (Parallelism and caching plug in here.)"""
    for doc in docs:
        yield doc, segment(doc.text)
