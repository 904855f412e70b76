"""A cached reduction of a corpus: ``reduce`` over :func:`~vnpress.pipeline.run.map_segmented`'s
results, stored whole, so that a rerun on the same corpus with the same options (freq's) neither
segments, nor analyses, nor even decodes and adds up the per-document results again.

The key of a reduction is a digest of ``reduce`` and the arguments bound to it (see
:func:`~vnpress.pipeline.cache.keys.analysis_prefix`, which covers vnpress's code and data), and of
the cache key of every document's analysis in input order, with where each file starts (so that
the pieces of a long file stay one document). A document's key already covers its text, the
analysis and its arguments, the segmenter and the code: any change to a file, an option, the
engine, vnpress or underthesea gives another key. The documents are still read and hashed on every
run (that is what their keys are made of); nothing is trusted from file names or dates.

While every document so far is a cache hit, the stored per-document results are kept undecoded
(compressed bytes, up to :data:`KEEP_BYTES`): at the end, a stored reduction is the answer, else
they are decoded and reduced, and the reduction stored. A document computed afresh, or more bytes
than that, ends the waiting: what was kept is decoded and reduced with the rest as it streams, and
the reduction stored at the end. Memory so stays bounded whatever the size of the corpus.

``reduce`` receives ``(document, value)`` pairs in input order, each document without its text
(``text`` is ""): it must use up the iterator, and its result be picklable.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from vnpress.io.corpus import Document
from vnpress.pipeline.cache.keys import analysis_prefix, dump_result, load_result
from vnpress.pipeline.run import Analysis, Keyed, map_segmented, run_segmented
from vnpress.text.segment import DEFAULT_ENGINE

R = TypeVar("R")
KEEP_BYTES = 8 << 20  # undecoded per-document results kept while waiting for the end of the corpus
_FIRST, _NEXT = b"\x01", b"\x02"  # before a document's key: the first (or only) piece of a file, or not


def reduce_segmented(
    func: Analysis,
    reduce: Callable[[Iterator[tuple[Document, Any]]], R],
    docs: Iterable[Document],
    *,
    jobs: int | None = 1,
    use_cache: bool = True,
    segmenter: str = DEFAULT_ENGINE,
    keep_bytes: int = KEEP_BYTES,
) -> R:
    """``reduce((doc, func(doc, words)) for each document)``, the result cached as a whole (see the
    module's docstring); ``func`` as for :func:`~vnpress.pipeline.run.map_segmented`, ``reduce`` a
    module-level function or a ``functools.partial`` of one."""
    if not use_cache:
        counted = map_segmented(func, docs, jobs=jobs, use_cache=False, segmenter=segmenter)
        return reduce((_bare(d), v) for d, v in counted)
    from vnpress.pipeline.cache.store import RESULTS, SegmentCache, current_versions

    store = SegmentCache(versions=current_versions(segmenter))
    try:
        if store.disabled:
            counted = map_segmented(func, docs, jobs=jobs, use_cache=False, segmenter=segmenter)
            return reduce((_bare(d), v) for d, v in counted)
        digest = hashlib.blake2b(analysis_prefix(reduce, "reduction"), digest_size=16)
        items = run_segmented(
            func, docs, jobs=jobs, use_cache=True, cache=store, segmenter=segmenter, lazy=True
        )
        kept: list[tuple[Document, bytes]] = []
        size = 0
        first: tuple[Document, Any] | None = None
        for doc, keyed in items:
            digest.update(_FIRST if doc.part == 0 else _NEXT)
            digest.update(keyed.key)
            if keyed.blob is None or size + len(keyed.blob) > keep_bytes:
                first = (_bare(doc), _value(keyed))
                break
            kept.append((_bare(doc), keyed.blob))
            size += len(keyed.blob)
        if first is None:  # every document a cache hit: the stored reduction, if any, is the answer
            key = digest.digest()
            stored = store.get_many([key], RESULTS).get(key)
            if stored is not None:
                return load_result(stored)  # type: ignore[return-value]
            value = reduce(_decoded(kept))
        else:
            rest = _rest(kept, first, items, digest)
            value = reduce(rest)
            for _ in rest:  # (reduce should have used them all: every key is part of the reduction's)
                pass
            key = digest.digest()
        store.put_many([(key, dump_result(value))], RESULTS)
        return value
    finally:
        store.close()


def _value(keyed: Keyed) -> Any:
    return keyed.value if keyed.blob is None else load_result(keyed.blob)


def _bare(doc: Document) -> Document:
    return Document(doc.path, "", doc.offset, doc.part)


def _decoded(kept: list[tuple[Document, bytes]]) -> Iterator[tuple[Document, Any]]:
    kept.reverse()  # popped from the end, so that each is released once decoded
    while kept:
        doc, blob = kept.pop()
        yield doc, load_result(blob)


def _rest(
    kept: list[tuple[Document, bytes]],
    first: tuple[Document, Any],
    items: Iterator[tuple[Document, Keyed]],
    digest: Any,
) -> Iterator[tuple[Document, Any]]:
    yield from _decoded(kept)
    yield first
    for doc, keyed in items:
        digest.update(_FIRST if doc.part == 0 else _NEXT)
        digest.update(keyed.key)
        yield _bare(doc), _value(keyed)
