"""Keywords: the words that set a target corpus apart from a reference corpus (AntConc's Keyword List).

Both corpora are counted as ``freq`` counts them (the same words, keys, stop words and furniture
lines; the cached counts of ``freq`` serve here too). For each word of either corpus seen at least
``min_freq`` times in one of them: ``target_freq`` (a) and ``reference_freq`` (b), their rates per
10,000 counted words, the signed log-likelihood ``ll`` (negative: rarer in the target) and Hardie's
``log_ratio`` as the effect size (formulas in :mod:`vnpress.stats.measures`), both rounded to three
decimals. ``p`` keeps the words whose |LL| reaches the χ²(1) critical value of p, or of p / m with
``bonferroni`` (m = the words compared, those that pass ``min_freq``). Rows go by ``ll``, most
over-used first, ties in Vietnamese dictionary order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial

from vnpress.errors import UsageError
from vnpress.io.corpus import Document
from vnpress.io.render import Table
from vnpress.io.tables import KEYWORDS
from vnpress.pipeline.run import map_segmented
from vnpress.stats.freq import document_pairs, load_stopwords, per_10k
from vnpress.stats.measures import chi2_critical, keyness_ll, log_ratio
from vnpress.stats.wordcounts import WordCounts, summed
from vnpress.text.collation import collation_key


def corpus_counts(
    docs: Iterable[Document],
    *,
    stopwords: frozenset[str],
    keep_case: bool = False,
    keep_boilerplate: bool = False,
    jobs: int | None = 1,
    use_cache: bool = True,
    segmenter: str = "fast",
) -> WordCounts:
    """The counted words of ``docs``, as ``freq`` counts them (the same cached analysis)."""
    func = partial(
        document_pairs, ngram=1, keep_case=keep_case, stopwords=stopwords, keep_boilerplate=keep_boilerplate
    )
    return summed(
        pairs for _, pairs in map_segmented(func, docs, jobs=jobs, use_cache=use_cache, segmenter=segmenter)
    )


def keyword_rows(
    target: WordCounts,
    reference: WordCounts,
    *,
    min_freq: int = 3,
    top: int = 50,
    p: float | None = None,
    bonferroni: bool = False,
) -> list[dict]:
    """The keyness rows of ``target`` against ``reference``."""
    c, d = target.total, reference.total
    if c == 0 or d == 0:
        return []
    keys = [
        k
        for k in target.counts.keys() | reference.counts.keys()
        if target.counts[k] >= min_freq or reference.counts[k] >= min_freq
    ]
    threshold = None
    if p is not None:
        threshold = chi2_critical(p / len(keys) if bonferroni and keys else p)
    entries = []
    for key in keys:
        a, b = target.counts[key], reference.counts[key]
        ll = keyness_ll(a, b, c, d)
        if threshold is not None and abs(ll) < threshold:
            continue
        entries.append(
            (round(ll, 3), round(log_ratio(a, b, c, d), 3), a, b, target.form(key, reference), key)
        )
    entries.sort(key=lambda e: (-e[0], collation_key(e[4]), e[5]))
    if top:
        entries = entries[:top]
    return [
        {
            "word": form,
            "target_freq": a,
            "reference_freq": b,
            "target_per_10k": per_10k(a, c),
            "reference_per_10k": per_10k(b, d),
            "ll": ll,
            "log_ratio": lr,
        }
        for ll, lr, a, b, form, _ in entries
    ]


def keywords_table(
    docs: Iterable[Document],
    reference_docs: Iterable[Document],
    *,
    min_freq: int = 3,
    top: int = 50,
    p: float | None = None,
    bonferroni: bool = False,
    keep_case: bool = False,
    stopword_files: Sequence[str] = (),
    use_stopwords: bool = True,
    keep_boilerplate: bool = False,
    jobs: int | None = 1,
    use_cache: bool = True,
    segmenter: str = "fast",
) -> Table:
    """Keywords of ``docs`` against ``reference_docs``: ``word, target_freq, reference_freq,
    target_per_10k, reference_per_10k, ll, log_ratio``."""
    if min_freq < 1 or top < 0:
        raise UsageError("--min-freq must be at least 1 and --top 0 or more")
    if p is not None and not 0 < p < 1:
        raise UsageError(f"--p must be between 0 and 1, not {p}")
    if bonferroni and p is None:
        raise UsageError("--bonferroni corrects a --p threshold: give --p too (e.g. --p 0.01)")
    options = dict(
        stopwords=load_stopwords(stopword_files, bundled=use_stopwords),
        keep_case=keep_case,
        keep_boilerplate=keep_boilerplate,
        jobs=jobs,
        use_cache=use_cache,
        segmenter=segmenter,
    )
    target = corpus_counts(docs, **options)
    reference = corpus_counts(reference_docs, **options)
    rows = keyword_rows(target, reference, min_freq=min_freq, top=top, p=p, bonferroni=bonferroni)
    return Table(KEYWORDS, rows)
