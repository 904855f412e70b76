"""``vnpress segment``: the segmented text of documents, line for line, or their words with offsets.

The text is what underthesea's ``word_tokenize(format="text")`` prints (the syllables of a word
joined with ``_``, words with one space), made from vnpress's words: the normal form (one tone
spelling, ``Chính uỷ`` → ``Chính_ủy``), protected words kept whole, a word never across a line
break. Each line of a document gives one line; documents are separated as ``expand-abbrev
--rewrite`` separates them, by a form feed on a line of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import IO

from vnpress.io.corpus import Document
from vnpress.io.render import Table
from vnpress.io.tables import SEGMENT_WORDS
from vnpress.pipeline.run import segment_documents
from vnpress.text.normalise import LINE_BREAKS
from vnpress.text.segment import DEFAULT_ENGINE, Word

DOCUMENT_SEPARATOR = "\f\n"
_LINE_END = re.compile(f"\r\n|[{LINE_BREAKS}]")
_BREAKS = tuple(LINE_BREAKS)


def segmented_lines(text: str, words: Iterable[Word]) -> Iterator[str]:
    """One line of ``_``-joined words for each line of ``text`` (an empty line for an empty one)."""
    ends = [m.start() for m in _LINE_END.finditer(text)]
    if text and not text.endswith(_BREAKS):
        ends.append(len(text))  # a last line without a line break (as str.splitlines counts lines)
    line: list[str] = []
    k = 0
    for w in words:
        while w.start >= ends[k]:
            yield " ".join(line)
            line = []
            k += 1
        line.append(w.norm.replace(" ", "_"))
    while k < len(ends):
        yield " ".join(line)
        line = []
        k += 1


def write_segmented(
    docs: Iterable[Document],
    out: IO[str],
    *,
    jobs: int | None = 1,
    use_cache: bool = True,
    segmenter: str = DEFAULT_ENGINE,
) -> None:
    """Write each document's segmented lines; documents after the first follow a form-feed line."""
    first = True
    for doc, words in segment_documents(docs, jobs=jobs, use_cache=use_cache, segmenter=segmenter):
        if not first:
            out.write(DOCUMENT_SEPARATOR)
        first = False
        for line in segmented_lines(doc.text, words):
            out.write(line)
            out.write("\n")


def word_table(
    docs: Iterable[Document],
    *,
    jobs: int | None = 1,
    use_cache: bool = True,
    segmenter: str = DEFAULT_ENGINE,
) -> Table:
    """Every word: ``file, start, end, text, norm`` (offsets into the file as read, ``text`` as
    written there, ``norm`` its normal form), streamed."""
    rows = (
        {"file": doc.path, "start": w.start, "end": w.end, "text": w.text, "norm": w.norm}
        for doc, words in segment_documents(docs, jobs=jobs, use_cache=use_cache, segmenter=segmenter)
        for w in words
    )
    return Table(SEGMENT_WORDS, rows)
