"""Word counts of a corpus as ``freq`` makes them, shared by collocates, keywords and trends.

Each document's counted words come as ``(key, form as written) → count`` pairs (what
:func:`vnpress.stats.freq.document_pairs` returns, cached with the segmentation); :class:`WordCounts`
adds them up, one dictionary update per distinct pair, so memory follows the vocabulary, not the
number of documents. A word is shown in the form written most often, ties to the first in
code-point order, as ``freq`` shows it.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache


@lru_cache(maxsize=1 << 16)
def display_form(raw: str) -> str:
    """A form as written, shown NFC with single spaces."""
    return " ".join(unicodedata.normalize("NFC", raw).split())


class WordCounts:
    """Counted words of a corpus: per key its count, and per key the forms it was written in.

    The documents' pairs are added up in one Counter as they come (one dictionary update per
    distinct pair of a document, in C); the counts per key and the forms are made once, over the
    corpus's distinct pairs, when first asked for."""

    def __init__(self) -> None:
        self.pairs: Counter[tuple[str, str]] = Counter()
        self._counts: Counter[str] | None = None
        self._forms: dict[str, Counter[str]] | None = None
        self._total = 0

    def add_pairs(self, pairs: Mapping[tuple[str, str], int]) -> None:
        self.pairs.update(pairs)
        self._counts = self._forms = None

    def _tally(self) -> None:
        counts: Counter[str] = Counter()
        forms: dict[str, Counter[str]] = defaultdict(Counter)
        for (key, raw), n in self.pairs.items():
            counts[key] += n
            forms[key][raw] += n
        self._counts, self._forms, self._total = counts, forms, sum(counts.values())

    @property
    def counts(self) -> Counter[str]:
        if self._counts is None:
            self._tally()
        assert self._counts is not None
        return self._counts

    @property
    def forms(self) -> dict[str, Counter[str]]:
        if self._forms is None:
            self._tally()
        assert self._forms is not None
        return self._forms

    @property
    def total(self) -> int:
        if self._counts is None:
            self._tally()
        return self._total

    def form(self, key: str, *others: WordCounts) -> str:
        """The form of ``key`` written most often (here and in ``others``)."""
        forms: Counter[str] = Counter()
        for counts in (self, *others):
            for raw, n in counts.forms.get(key, {}).items():
                forms[display_form(raw)] += n
        if not forms:
            return key
        return min(forms.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def summed(pairs_of_documents: Iterable[Mapping[tuple[str, str], int]]) -> WordCounts:
    counts = WordCounts()
    for pairs in pairs_of_documents:
        counts.add_pairs(pairs)
    return counts
