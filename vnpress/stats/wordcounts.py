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
    """Counted words of a corpus: per key its count, and per key the forms it was written in."""

    def __init__(self) -> None:
        self.total = 0
        self.counts: Counter[str] = Counter()
        self.forms: dict[str, Counter[str]] = defaultdict(Counter)

    def add_pairs(self, pairs: Mapping[tuple[str, str], int]) -> None:
        for (key, raw), n in pairs.items():
            self.total += n
            self.counts[key] += n
            self.forms[key][raw] += n

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
