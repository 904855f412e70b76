"""Dispersion of WORD over the corpus (``kwic --dispersion``, AntConc's Plot): one row per file.

Each file gets its counted words (as ``freq`` counts them), its matches of WORD (as ``kwic`` finds
them, page-furniture lines left out), their rate per 10,000 counted words, and a plot: ``width``
characters standing for the file from its first character to its last, ``|`` where a match
starts, ``-`` elsewhere. Every file is a row, those without a match too, in input order. Juilland's
D over the documents of each period is ``trend``'s ``dispersion`` column.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial

from vnpress.errors import UsageError
from vnpress.io.corpus import Document, by_document
from vnpress.io.render import Table
from vnpress.io.tables import KWIC_DISPERSION
from vnpress.pipeline.run import map_segmented
from vnpress.stats.freq import counted_runs, load_stopwords, per_10k
from vnpress.stats.kwic import find, query_key
from vnpress.text.boilerplate import boilerplate_lines
from vnpress.text.words import document_tokens


def document_hits(
    doc: Document,
    words: Sequence,
    *,
    query: tuple[str, ...],
    keep_case: bool,
    stopwords: frozenset[str],
    keep_boilerplate: bool,
) -> tuple[int, tuple[int, ...]]:
    """Of one document (or piece): its counted words and the offsets at which the matches start."""
    runs = counted_runs(
        doc.text, words, stopwords=stopwords, keep_case=keep_case, keep_boilerplate=keep_boilerplate
    )
    tokens = document_tokens(doc.text, words)
    skipped = set() if keep_boilerplate else boilerplate_lines(doc.text)
    starts = tuple(
        tokens[i].start for i, _ in find(tokens, query, keep_case=keep_case) if tokens[i].line not in skipped
    )
    return sum(len(r) for r in runs), starts


def plot(starts: Iterable[int], length: int, width: int) -> str:
    """``width`` characters for ``length`` characters of text, ``|`` where a match starts."""
    cells = ["-"] * width
    for s in starts:
        cells[min(width - 1, s * width // max(length, 1))] = "|"
    return "".join(cells)


def dispersion_table(
    word: str,
    docs: Iterable[Document],
    *,
    width: int = 40,
    keep_case: bool = False,
    keep_boilerplate: bool = False,
    jobs: int | None = 1,
    use_cache: bool = True,
    segmenter: str = "fast",
) -> Table:
    """``file, words, hits, per_10k, plot`` of every file."""
    query = query_key(word, keep_case=keep_case)
    if width < 1:
        raise UsageError("--width must be at least 1")
    func = partial(
        document_hits,
        query=query,
        keep_case=keep_case,
        stopwords=load_stopwords(()),
        keep_boilerplate=keep_boilerplate,
    )
    results = map_segmented(func, docs, jobs=jobs, use_cache=use_cache, segmenter=segmenter)

    def rows():
        for group in by_document(results):
            path, size, starts, length = None, 0, [], 0
            for doc, (n, found) in group:
                path = doc.path
                size += n
                starts.extend(doc.offset + s for s in found)
                length = doc.offset + len(doc.text)
            yield {
                "file": path,
                "words": size,
                "hits": len(starts),
                "per_10k": per_10k(len(starts), size),
                "plot": plot(starts, length, width),
            }

    return Table(KWIC_DISPERSION, rows())
