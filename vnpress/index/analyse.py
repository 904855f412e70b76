"""What ``vnpress index`` computes for one file, where the words are made (in a worker process):
its segmentation, meta row, entity mentions, abbreviations and word counts.

Each is computed by the very library function the matching command calls (``meta_table``,
``entity_table(mentions=True)``, ``abbreviation_table(by_file=True)``,
``segmented_frequency_table``), on the file's pieces, so that the rows of the index are the rows of
those commands. Only the spans are new here: they are packed as the segmentation cache packs them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, NamedTuple

from vnpress.io.corpus import Document
from vnpress.pipeline.cache.keys import iter_spans, pack_spans
from vnpress.text import segment as seg
from vnpress.text.normalise import Normalised


class FileWork(NamedTuple):
    """One file on its way to a worker: its pieces, their normalised texts and any spans already known."""

    pieces: list[Document]
    norms: list[Normalised]
    packed: list[bytes | None]


class FileAnalysis(NamedTuple):
    """What a worker sends back for one file."""

    packed: list[bytes]  # the packed spans of each piece
    new: list[bool]  # which of them were computed here (to go into the segmentation cache)
    meta: dict[str, Any]
    mentions: list[dict[str, Any]]
    abbreviations: list[dict[str, Any]]
    words: list[tuple[str, int]]


def analyse_files(args: tuple[list[FileWork], str, dt.date]) -> list[FileAnalysis]:
    """A batch of files: module-level, so that a process pool can run it."""
    work, engine, today = args
    return [analyse_file(w, engine, today) for w in work]


def analyse_file(work: FileWork, engine: str, today: dt.date) -> FileAnalysis:
    from vnpress.abbrev.expand import abbreviation_table
    from vnpress.entities import entity_table
    from vnpress.meta import meta_table
    from vnpress.stats.freq import load_stopwords, segmented_frequency_table

    packed_out: list[bytes] = []
    new: list[bool] = []
    segmented: list[tuple[Document, list[seg.Word]]] = []
    for piece, norm, packed in zip(work.pieces, work.norms, work.packed, strict=True):
        if packed is None:
            spans: Iterable[tuple[int, int]] = seg.segment_spans(norm.text, engine=engine)
            packed = pack_spans(spans)
            new.append(True)
        else:
            spans = iter_spans(packed)
            new.append(False)
        packed_out.append(packed)
        segmented.append((piece, seg.words_from_spans(norm, spans)))
    pieces = work.pieces
    meta = next(iter(meta_table(iter(pieces[:1]), jobs=1, today=today).rows))
    mentions = [dict(r) for r in entity_table(iter(pieces), mentions=True, jobs=1, use_cache=False).rows]
    abbreviations = [dict(r) for r in abbreviation_table(iter(pieces), by_file=True, jobs=1).rows]
    freq = segmented_frequency_table(segmented, top=0, stopwords=load_stopwords())
    words = [(r["word"], r["count"]) for r in freq.rows]
    return FileAnalysis(packed_out, new, dict(meta), mentions, abbreviations, words)
