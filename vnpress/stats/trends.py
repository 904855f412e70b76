"""Trends: word frequencies per period (``freq --by year|month|source``) and the course of chosen words
over time (``vnpress trend``), with their dispersion.

A document's period comes from ``vnpress meta`` (:mod:`vnpress.stats.periods`); a document without a
date (or, by source, without a named outlet) is in the period ``unknown``, and the result says how
many there were, for the command to say on stderr. Periods go in time order (sources in dictionary
order), ``unknown`` last.

- ``freq --by``: the frequency list of each period, as ``freq`` makes it, ``per_10k`` relative to the
  period's counted words and ``documents`` the period's documents with the word.
- ``trend``: one row per word and period (every period of the corpus, a zero count included, so that
  a line over time has no gaps): ``count`` is the number of matches as ``kwic`` finds them (a phrase
  or a code such as "Nghị quyết 847" or "05-NQ/TW" too, page-furniture lines left out), ``per_10k``
  relative to the period's counted words (``freq``'s), ``documents`` the period's documents with a
  match, and ``dispersion`` Juilland's D over the period's documents (see
  :mod:`vnpress.stats.measures`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import NamedTuple

from vnpress.errors import UsageError
from vnpress.io.corpus import Document, Problem, by_document
from vnpress.io.render import Table
from vnpress.io.tables import FREQ_BY_PERIOD, TREND
from vnpress.pipeline.run import map_segmented
from vnpress.stats.freq import counted_runs, document_pairs, load_stopwords, per_10k
from vnpress.stats.kwic import find, query_key
from vnpress.stats.measures import juilland_d
from vnpress.stats.periods import PERIODS, UNKNOWN, Periods, TextStamp, period_order, text_stamp
from vnpress.stats.wordcounts import WordCounts
from vnpress.text.boilerplate import boilerplate_lines
from vnpress.text.collation import collation_key
from vnpress.text.words import document_tokens


class PeriodResult(NamedTuple):
    """A table by period, with the number of documents put under ``unknown``."""

    table: Table
    unknown: int
    documents: int


def check_by(by: str) -> None:
    if by not in PERIODS:
        raise UsageError(f"--by takes {', '.join(PERIODS)}, not {by!r}")


def dated_pairs(
    doc: Document,
    words: Sequence,
    *,
    today: str,
    ngram: int,
    keep_case: bool,
    stopwords: frozenset[str],
    keep_boilerplate: bool,
) -> tuple[TextStamp | None, Counter[tuple[str, str]]]:
    """``freq``'s pairs of one document, with what its text says of its date and outlet."""
    pairs = document_pairs(
        doc, words, ngram=ngram, keep_case=keep_case, stopwords=stopwords, keep_boilerplate=keep_boilerplate
    )
    return text_stamp(doc, dt.date.fromisoformat(today)), pairs


def _periods_of(results: Iterable[tuple[Document, tuple]], periods: Periods):
    """``(path, period, [values of each piece])`` of each file."""
    for group in by_document(results):
        doc, (stamp, value) = next(group)
        values = [value, *(v for _, (_, v) in group)]
        yield doc.path, periods(doc.path, stamp), values


def frequency_by_period(
    docs: Iterable[Document],
    *,
    by: str,
    top: int = 50,
    ngram: int = 1,
    min_count: int = 1,
    keep_case: bool = False,
    stopword_files: Sequence[str] = (),
    use_stopwords: bool = True,
    keep_boilerplate: bool = False,
    today: dt.date | None = None,
    sidecar: str | None = None,
    on_problem: Callable[[Problem], None] | None = None,
    jobs: int | None = 1,
    use_cache: bool = True,
    segmenter: str = "fast",
) -> PeriodResult:
    """One frequency list per period: ``period, n, word, count, per_10k, documents``."""
    check_by(by)
    today = today or dt.date.today()
    periods = Periods(by, today, sidecar, on_problem)
    func = partial(
        dated_pairs,
        today=today.isoformat(),  # the cache keys name the day: meta takes no date after it
        ngram=ngram,
        keep_case=keep_case,
        stopwords=load_stopwords(stopword_files, bundled=use_stopwords),
        keep_boilerplate=keep_boilerplate,
    )
    results = map_segmented(func, docs, jobs=jobs, use_cache=use_cache, segmenter=segmenter)
    counts: dict[str, WordCounts] = defaultdict(WordCounts)
    documents: dict[str, Counter[str]] = defaultdict(Counter)
    n_docs = unknown = 0
    for _, period, values in _periods_of(results, periods):
        n_docs += 1
        unknown += period == UNKNOWN
        keys = set()
        for pairs in values:
            counts[period].add_pairs(pairs)
            keys.update(k for k, _ in pairs)
        documents[period].update(keys)
    rows = []
    for period in sorted(counts, key=period_order):
        scope = counts[period]
        entries = [(key, n, scope.form(key)) for key, n in scope.counts.items() if n >= min_count]
        entries.sort(key=lambda e: (-e[1], collation_key(e[2]), e[0]))
        for i, (key, n, form) in enumerate(entries[:top] if top else entries, 1):
            rows.append(
                {
                    "period": period,
                    "n": i,
                    "word": form,
                    "count": n,
                    "per_10k": per_10k(n, scope.total),
                    "documents": documents[period][key],
                }
            )
    return PeriodResult(Table(FREQ_BY_PERIOD, rows), unknown, n_docs)


def parse_words(words: str | Sequence[str]) -> list[str]:
    """The WORDS of ``trend``: a comma-separated list (or a list), each checked as ``kwic`` checks it."""
    items = words.split(",") if isinstance(words, str) else list(words)
    items = [w.strip() for w in items if w.strip()]
    if not items:
        raise UsageError(
            'WORDS is empty: give the words to follow, e.g. vnpress trend "công tác,đảng" seeds/'
        )
    return items


def document_matches(
    doc: Document,
    words: Sequence,
    *,
    today: str,
    queries: tuple[tuple[str, ...], ...],
    keep_case: bool,
    stopwords: frozenset[str],
    keep_boilerplate: bool,
) -> tuple[TextStamp | None, tuple[int, tuple[int, ...]]]:
    """Of one document: its stamp, its counted words, and the matches of each query."""
    runs = counted_runs(
        doc.text, words, stopwords=stopwords, keep_case=keep_case, keep_boilerplate=keep_boilerplate
    )
    tokens = document_tokens(doc.text, words)
    skipped = set() if keep_boilerplate else boilerplate_lines(doc.text)
    hits = tuple(
        sum(1 for i, _ in find(tokens, q, keep_case=keep_case) if tokens[i].line not in skipped)
        for q in queries
    )
    return text_stamp(doc, dt.date.fromisoformat(today)), (sum(len(r) for r in runs), hits)


def trend_table(
    words: str | Sequence[str],
    docs: Iterable[Document],
    *,
    by: str = "year",
    keep_case: bool = False,
    stopword_files: Sequence[str] = (),
    use_stopwords: bool = True,
    keep_boilerplate: bool = False,
    today: dt.date | None = None,
    sidecar: str | None = None,
    on_problem: Callable[[Problem], None] | None = None,
    jobs: int | None = 1,
    use_cache: bool = True,
    segmenter: str = "fast",
) -> PeriodResult:
    """One row per word and period: ``word, period, count, per_10k, documents, dispersion``."""
    check_by(by)
    items = parse_words(words)
    queries = tuple(query_key(w, keep_case=keep_case) for w in items)
    today = today or dt.date.today()
    periods = Periods(by, today, sidecar, on_problem)
    func = partial(
        document_matches,
        today=today.isoformat(),
        queries=queries,
        keep_case=keep_case,
        stopwords=load_stopwords(stopword_files, bundled=use_stopwords),
        keep_boilerplate=keep_boilerplate,
    )
    results = map_segmented(func, docs, jobs=jobs, use_cache=use_cache, segmenter=segmenter)
    sizes: dict[str, list[int]] = defaultdict(list)  # per period: each document's counted words
    hits: dict[str, list[tuple[int, ...]]] = defaultdict(list)  # per period: each document's matches
    n_docs = unknown = 0
    for _, period, values in _periods_of(results, periods):
        n_docs += 1
        unknown += period == UNKNOWN
        sizes[period].append(sum(size for size, _ in values))
        hits[period].append(tuple(sum(h[k] for _, h in values) for k in range(len(queries))))
    periods = sorted(sizes, key=period_order)
    rows = []
    for k, word in enumerate(items):
        for period in periods:
            per_doc = [h[k] for h in hits[period]]
            count = sum(per_doc)
            d = juilland_d(per_doc, sizes[period])
            rows.append(
                {
                    "word": word,
                    "period": period,
                    "count": count,
                    "per_10k": per_10k(count, sum(sizes[period])),
                    "documents": sum(1 for h in per_doc if h),
                    "dispersion": None if d is None else round(d, 3),
                }
            )
    return PeriodResult(Table(TREND, rows), unknown, n_docs)
