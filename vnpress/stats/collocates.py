"""Collocates: the words that occur near WORD more often than chance, with a score (AntConc's Collocates).

The node is WORD, matched as ``kwic`` matches it (:func:`vnpress.stats.kwic.find`: a segmented word
or a run of words on one line, one tone spelling, case-folded unless ``keep_case``); its occurrences
on page-furniture lines are left out, as ``kwic`` leaves them. The window is ``left`` tokens before
the node and ``right`` after it, where a token is any segmented word but punctuation (numbers and
stop words take a place too); a sentence end (``.`` ``!`` ``?`` ``…``) or a line break closes it, so
a window never reaches into another sentence or line. A collocate is a word ``freq`` counts (of kind
word, no stop word, not on a furniture line), keyed as ``freq`` keys it; its ``freq_total`` is its
``freq`` count, and N, the corpus size of the formulas, is the number of words ``freq`` counts.
Another occurrence of the node inside the window counts as a collocate, as in AntConc. A word in the
windows of two occurrences of the node (``công tác Đảng, công tác bảo vệ``) counts once, for the
first, so that ``freq_with`` never exceeds ``freq_total``.

Columns: ``collocate, freq_with (= freq_left + freq_right), freq_total, freq_left, freq_right, score``; ``score`` is the
measure (see :mod:`vnpress.stats.measures` for the formulas) rounded to three decimals. Rows go by
score, then ``freq_with``, then the collocate in Vietnamese dictionary order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from functools import partial
from typing import NamedTuple

from vnpress.errors import UsageError
from vnpress.io.corpus import Document
from vnpress.io.render import Table
from vnpress.io.tables import COLLOCATES
from vnpress.pipeline.run import map_segmented
from vnpress.stats.freq import load_stopwords
from vnpress.stats.kwic import find, query_key
from vnpress.stats.measures import MEASURES, collocation_score
from vnpress.stats.wordcounts import WordCounts
from vnpress.text.boilerplate import boilerplate_lines
from vnpress.text.collation import collation_key
from vnpress.text.vocab import SENTENCE_ENDS_AND_ELLIPSIS
from vnpress.text.words import WORD, document_tokens

DEFAULT_MIN_FREQ = {"mi": 5}  # MI overrates rare pairs (AntConc's advice); the others default to 1
_ENDS = frozenset(SENTENCE_ENDS_AND_ELLIPSIS)


class DocumentCollocates(NamedTuple):
    """One document's part: its counted words (``freq``'s pairs), the node's occurrences, and per
    collocate key its co-occurrences on the left and on the right."""

    pairs: Counter[tuple[str, str]]
    hits: int
    left: Counter[str]
    right: Counter[str]


def parse_window(text: str) -> tuple[int, int]:
    """``"5,5"`` → (5, 5); ``"3"`` → (3, 3); ``"0,4"``: the right side only."""
    parts = [p.strip() for p in str(text).split(",")]
    try:
        if len(parts) == 1:
            left = right = int(parts[0])
        elif len(parts) == 2:
            left, right = int(parts[0]), int(parts[1])
        else:
            raise ValueError
    except ValueError:
        raise UsageError(f"--window takes L,R (two whole numbers, e.g. 5,5), not {text!r}") from None
    if left < 0 or right < 0 or left + right == 0:
        raise UsageError("--window L,R needs numbers of 0 or more, not both 0")
    return left, right


def document_collocates(
    doc: Document,
    words: Sequence,
    *,
    query: tuple[str, ...],
    left: int,
    right: int,
    keep_case: bool,
    stopwords: frozenset[str],
    keep_boilerplate: bool,
) -> DocumentCollocates:
    """The collocates of ``query`` in one document (run next to the segmenter and cached with it)."""
    tokens = document_tokens(doc.text, words)
    skipped = set() if keep_boilerplate else boilerplate_lines(doc.text)
    pairs: Counter[tuple[str, str]] = Counter()
    keys: list[str | None] = []  # per place in the window: the counted word's key, or None
    place_segment: list[int] = []
    token_segment: list[int] = []
    first_place: list[int] = []  # per token: the first place at or after it
    segment, line = 0, -1
    for t in tokens:
        if t.line != line:
            segment, line = segment + 1, t.line
        token_segment.append(segment)
        first_place.append(len(keys))
        if t.kind == "punct":
            if any(c in _ENDS for c in t.norm):
                segment += 1
            continue
        key = None
        if t.kind == WORD and t.line not in skipped:
            folded = t.norm.casefold()
            if folded not in stopwords:
                key = t.norm if keep_case else folded
                pairs[(key, t.text)] += 1
        keys.append(key)
        place_segment.append(segment)
    hits = 0
    on_left: Counter[str] = Counter()
    on_right: Counter[str] = Counter()
    n_places = len(keys)
    counted: set[int] = set()  # places already counted in the window of an earlier occurrence
    for i, j in find(tokens, query, keep_case=keep_case):
        if tokens[i].line in skipped:
            continue
        hits += 1
        lo = first_place[i]  # the node's first place (or the place after it)
        hi = first_place[j + 1] if j + 1 < len(tokens) else n_places  # the place after the node
        seg = token_segment[i]
        for p in range(lo - 1, max(lo - 1 - left, -1), -1):
            if place_segment[p] != seg:
                break
            if keys[p] is not None and p not in counted:
                counted.add(p)
                on_left[keys[p]] += 1
        seg = token_segment[j]
        for p in range(hi, min(hi + right, n_places)):
            if place_segment[p] != seg:
                break
            if keys[p] is not None and p not in counted:
                counted.add(p)
                on_right[keys[p]] += 1
    return DocumentCollocates(pairs, hits, on_left, on_right)


def collocate_rows(
    parts: Iterable[DocumentCollocates], *, measure: str, min_freq: int, top: int
) -> list[dict]:
    """The rows of the corpus's collocates, from each document's part."""
    counts = WordCounts()
    hits = 0
    on_left: Counter[str] = Counter()
    on_right: Counter[str] = Counter()
    for part in parts:
        counts.add_pairs(part.pairs)
        hits += part.hits
        on_left.update(part.left)
        on_right.update(part.right)
    n = counts.total
    entries = []
    for key in on_left.keys() | on_right.keys():
        n_left, n_right = on_left[key], on_right[key]
        fxy = n_left + n_right
        if fxy < min_freq:
            continue
        fy = counts.counts[key]
        score = round(collocation_score(measure, fxy, hits, fy, n), 3)
        entries.append((score, fxy, fy, n_left, n_right, counts.form(key), key))
    entries.sort(key=lambda e: (-e[0], -e[1], collation_key(e[5]), e[6]))
    if top:
        entries = entries[:top]
    return [
        {
            "collocate": form,
            "freq_with": fxy,
            "freq_total": fy,
            "freq_left": n_left,
            "freq_right": n_right,
            "score": score,
        }
        for score, fxy, fy, n_left, n_right, form, _ in entries
    ]


def collocates_table(
    word: str,
    docs: Iterable[Document],
    *,
    window: tuple[int, int] = (5, 5),
    measure: str = "mi",
    min_freq: int | None = None,
    top: int = 50,
    keep_case: bool = False,
    stopword_files: Sequence[str] = (),
    use_stopwords: bool = True,
    keep_boilerplate: bool = False,
    jobs: int | None = 1,
    use_cache: bool = True,
    segmenter: str = "fast",
) -> Table:
    """The collocates of ``word`` in ``docs``: ``collocate, freq_with, freq_total, left, right, score``.
    ``min_freq`` (of ``freq_with``) defaults to 5 for MI and 1 for the other measures."""
    query = query_key(word, keep_case=keep_case)
    if measure not in MEASURES:
        raise UsageError(f"unknown measure {measure!r} (valid: {', '.join(MEASURES)})")
    if min_freq is None:
        min_freq = DEFAULT_MIN_FREQ.get(measure, 1)
    if min_freq < 1 or top < 0:
        raise UsageError("--min-freq must be at least 1 and --top 0 or more")
    left, right = window
    func = partial(
        document_collocates,
        query=query,
        left=left,
        right=right,
        keep_case=keep_case,
        stopwords=load_stopwords(stopword_files, bundled=use_stopwords),
        keep_boilerplate=keep_boilerplate,
    )
    parts = (
        part for _, part in map_segmented(func, docs, jobs=jobs, use_cache=use_cache, segmenter=segmenter)
    )
    return Table(COLLOCATES, collocate_rows(parts, measure=measure, min_freq=min_freq, top=top))
