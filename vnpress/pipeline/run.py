"""Segmenting a corpus, and analysing its words, in batches, with the cache and worker processes.

:func:`segment_documents` gives ``(doc, words)``; :func:`map_segmented` gives
``(doc, func(doc, words))`` and caches those results as well, so that a warm rerun neither segments
nor analyses again. For each batch of documents the parent process

1. looks the analyses up (``map_segmented`` only; keyed by the original text, ``func`` and the
   arguments bound to it, and a digest of vnpress's code and data: no normalising needed on a hit);
2. normalises the rest and looks their segmentation up (keyed by the normalised text);
3. sends what is left to a worker (``jobs`` > 1) or does it in-process: segmentation of the
   misses, and for ``map_segmented`` the analysis too, next to the words;
4. stores what was computed, one transaction per batch, and yields in input order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextvars import ContextVar
from functools import partial
from typing import Any, NamedTuple, TypeVar

from vnpress.io.corpus import Document
from vnpress.pipeline import distributed
from vnpress.pipeline.cache.keys import (
    analysis_prefix,
    current_versions,
    dump_result,
    iter_spans,
    load_result,
    pack_spans,
    result_key,
    text_key,
)
from vnpress.pipeline.cache.store import RESULTS, SegmentCache
from vnpress.pipeline.parallel import batches, lookahead, make_runner, stream
from vnpress.text import segment as seg
from vnpress.text.normalise import Normalised, normalise

R = TypeVar("R")
A = TypeVar("A")
Span = tuple[int, int]
Analysis = Callable[[Document, list[seg.Word]], Any]

# Where the words of documents read from an index come from (:mod:`vnpress.index.read` sets it for
# the length of a command): ``f(engine, cache or None)`` gives the store to look spans up in first.
STORED_SEGMENTATION: ContextVar[Callable[[str, Any], Any] | None] = ContextVar(
    "stored_segmentation", default=None
)


class Keyed(NamedTuple):
    """An analysis's result as :func:`run_segmented` gives it with ``lazy=True``: its cache key, and
    either the value just computed (``blob`` None) or, for a cache hit, the stored bytes, not yet
    decoded (``value`` None; :func:`~vnpress.pipeline.cache.keys.load_result` decodes them)."""

    key: bytes
    value: Any
    blob: bytes | None


def segment_documents(
    docs: Iterable[Document],
    *,
    jobs: int | None = 1,
    use_cache: bool = True,
    cache: SegmentCache | None = None,
    segmenter: str = seg.DEFAULT_ENGINE,
) -> Iterator[tuple[Document, list[seg.Word]]]:
    """``(doc, words)`` for each document, in input order, the same whatever ``jobs`` is.

    Streams one batch at a time; only texts missing from the cache are segmented, in ``jobs`` worker
    processes (``None`` or 0: all cores; 1: in-process). ``use_cache=False`` neither reads nor writes
    the cache; ``cache`` is a :class:`~vnpress.pipeline.cache.store.SegmentCache` to use instead of the
    user's one. ``segmenter`` is the engine (:data:`~vnpress.text.segment.ENGINES`), which the cache
    keys name. :func:`map_segmented` caches an analysis of the words too.
    """
    return run_segmented(None, docs, jobs=jobs, use_cache=use_cache, cache=cache, segmenter=segmenter)


def map_segmented(
    func: Callable[[Document, list[seg.Word]], R],
    docs: Iterable[Document],
    *,
    jobs: int | None = 1,
    use_cache: bool = True,
    cache: SegmentCache | None = None,
    segmenter: str = seg.DEFAULT_ENGINE,
) -> Iterator[tuple[Document, R]]:
    """``(doc, func(doc, words))`` for each document, in input order, the same whatever ``jobs`` is.

    ``func`` runs where the words are made (in worker processes when ``jobs`` > 1), so it must be a
    module-level function or a ``functools.partial`` of one, with picklable arguments and result.
    Its results are cached, keyed by the function and the arguments the partial binds (see
    :func:`~vnpress.pipeline.cache.keys.analysis_prefix`): pass every option through them, and user
    files as :class:`~vnpress.pipeline.cache.keys.UserFiles`.
    """
    return run_segmented(func, docs, jobs=jobs, use_cache=use_cache, cache=cache, segmenter=segmenter)


def run_segmented(
    func: Analysis | None,
    docs: Iterable[Document],
    *,
    jobs: int | None,
    use_cache: bool,
    cache: SegmentCache | None,
    segmenter: str = seg.DEFAULT_ENGINE,
    lazy: bool = False,
) -> Iterator[tuple[Document, Any]]:
    """The pipeline of this module: words (``func`` None) or ``func``'s results, streamed.
    ``lazy`` (with ``func`` and a usable cache): each result comes as a :class:`Keyed`, a cache
    hit undecoded (see :mod:`vnpress.pipeline.memo`)."""
    return _pipeline(func, docs, jobs=jobs, use_cache=use_cache, cache=cache, segmenter=segmenter, lazy=lazy)


def fold_segmented(
    func: Callable[[Document, list[seg.Word]], R],
    docs: Iterable[Document],
    *,
    fold: Callable[[Iterable[tuple[Document, R]]], A],
    combine: Callable[[A, A], A],
    jobs: int | None = 1,
    use_cache: bool = True,
    cache: SegmentCache | None = None,
    segmenter: str = seg.DEFAULT_ENGINE,
) -> A:
    """``fold`` of :func:`map_segmented`'s ``(doc, result)`` items, in input order: what a command
    that adds up counters over the corpus calls.

    On this machine it is exactly ``fold(map_segmented(func, docs, …))``. On a cluster (a
    :func:`~vnpress.pipeline.distributed.scheduler` context), each batch is folded on the worker that
    analysed it and the partial folds are combined there with ``combine``, in a tree, in input order;
    batches never split a file's pieces. So ``combine(fold(a), fold(b))`` must equal
    ``fold(a + b)`` for consecutive runs of whole files, and ``fold`` and ``combine`` be module-level
    functions (or partials of them). On a cluster the client caches the segmentations, not ``func``'s
    results (they are folded where they are made), but it still uses results cached before.
    """
    if distributed.active() is None:
        return fold(
            map_segmented(func, docs, jobs=jobs, use_cache=use_cache, cache=cache, segmenter=segmenter)
        )
    runner = make_runner(jobs, setup=partial(seg.load_engine, segmenter), combine=combine)
    for _ in _pipeline(
        func, docs, jobs=jobs, use_cache=use_cache, cache=cache, segmenter=segmenter, fold=fold, runner=runner
    ):
        pass  # each batch stores its new segmentations as it comes; its partial fold stays remote
    return runner.reduce(fold(iter(())))


def _pipeline(
    func: Analysis | None,
    docs: Iterable[Document],
    *,
    jobs: int | None,
    use_cache: bool,
    cache: SegmentCache | None,
    segmenter: str,
    fold: Callable | None = None,
    runner: Any = None,
    lazy: bool = False,
) -> Iterator[tuple[Document, Any]]:
    if segmenter not in seg.ENGINES:
        raise ValueError(f"unknown segmenter {segmenter!r}")
    store = None
    if use_cache:
        store = cache if cache is not None else SegmentCache(versions=current_versions(segmenter))
        if store.disabled:
            store = None
    stored = STORED_SEGMENTATION.get()
    if stored is not None:
        store = stored(segmenter, store)
    prefix = b""
    if func is not None and store is not None:
        prefix = analysis_prefix(func, f"segmenter={segmenter}")
    if runner is None:
        runner = make_runner(jobs, setup=partial(seg.load_engine, segmenter))
    shared = str(store.path) if store is not None and distributed.active() is not None else None
    try:
        yield from stream(
            (
                _Batch(batch, func, prefix, store, runner, alone, segmenter, fold, shared, lazy)
                for batch, alone in lookahead(batches(docs, whole_files=fold is not None))
            ),
            runner,
        )
    finally:
        if store is not None and cache is None:
            store.close()


class _Batch:
    """Documents on their way through: looked up, their misses being segmented (and analysed)."""

    def __init__(
        self,
        docs: list[Document],
        func: Analysis | None,
        prefix: bytes,
        store: SegmentCache | None,
        runner: Any,
        alone: bool,
        segmenter: str,
        fold: Callable | None = None,
        shared: str | None = None,
        lazy: bool = False,
    ):
        self.docs = docs
        self.fold = fold
        self.shared = shared  # on a cluster: the client's cache, which workers read if they reach it
        self.lazy = lazy and func is not None and store is not None and fold is None
        self.segmenter = segmenter
        self.chars = sum(len(d.text) for d in docs)
        self.func = func
        self.store = store
        self.values: list[Any] = [None] * len(docs)  # words, or func's results
        self.result_keys: list[bytes] = []
        todo = list(range(len(docs)))
        if func is not None and store is not None:
            self.result_keys = [result_key(prefix, d.text) for d in docs]
            found = store.get_many(self.result_keys, RESULTS)
            todo = []
            for i, k in enumerate(self.result_keys):
                if k in found:
                    self.values[i] = Keyed(k, None, found[k]) if self.lazy else load_result(found[k])
                else:
                    todo.append(i)
        self.todo = todo
        self.norms: list[Normalised] = [normalise(docs[i].text) for i in todo]
        self.seg_keys: list[bytes] = []
        self.packed: list[bytes | None] = [None] * len(todo)
        if store is not None and todo:
            self.seg_keys = [text_key(n.text) for n in self.norms]
            found = store.get_many(self.seg_keys)
            self.packed = [found.get(k) for k in self.seg_keys]
        self.handle = self._submit(runner, alone)

    def _submit(self, runner: Any, alone: bool) -> Any:
        pack = self.store is not None
        if self.fold is not None:  # on a cluster: analysed and folded there, with the cached results
            items = [(self.docs[i], n, p) for i, n, p in zip(self.todo, self.norms, self.packed, strict=True)]
            args = (
                self.func,
                items,
                pack,
                self.segmenter,
                self.shared,
                self.fold,
                self.docs,
                self.values,
                self.todo,
            )
            return runner.submit(_analyse_fold, args, partial=True)
        if self.func is not None:
            if not self.todo:
                return None
            items = [(self.docs[i], n, p) for i, n, p in zip(self.todo, self.norms, self.packed, strict=True)]
            args = (self.func, items, pack, self.segmenter, self.shared)
            return runner.submit(_analyse, args, alone=alone)
        texts = [n.text for n, p in zip(self.norms, self.packed, strict=True) if p is None]
        if not texts:
            return None
        if runner.inline(alone) and not pack:
            return runner.submit(_segment, (texts, self.segmenter), alone=True)
        return runner.submit(_segment_packed, (texts, self.segmenter, self.shared), alone=alone)

    def results(self) -> Iterator[tuple[Document, Any]]:
        if self.fold is not None:
            self._folded()
            return
        if self.func is not None:
            yield from self._analysed()
        else:
            yield from self._segmented()

    def _segmented(self) -> Iterator[tuple[Document, list[seg.Word]]]:
        computed = iter(self.handle.get() if self.handle is not None else ())
        new: list[tuple[bytes, bytes]] = []
        for j, (doc, norm) in enumerate(zip(self.docs, self.norms, strict=True)):
            value: Any = self.packed[j]
            if value is None:
                value = next(computed)
                if self.seg_keys:
                    new.append((self.seg_keys[j], value))
            if isinstance(value, bytes):
                words = seg.words_from_spans(norm, iter_spans(value))
            else:
                words = seg.words_from_spans(norm, value)
            yield doc, words
        self._store(new, [])

    def _analysed(self) -> Iterator[tuple[Document, Any]]:
        if self.handle is not None:
            new_spans: list[tuple[bytes, bytes]] = []
            new_results: list[tuple[bytes, bytes]] = []
            for j, (i, (packed, value)) in enumerate(zip(self.todo, self.handle.get(), strict=True)):
                self.values[i] = Keyed(self.result_keys[i], value, None) if self.lazy else value
                if self.store is not None:
                    if packed is not None:
                        new_spans.append((self.seg_keys[j], packed))
                    new_results.append((self.result_keys[i], dump_result(value)))
            self._store(new_spans, new_results)
        yield from zip(self.docs, self.values, strict=True)

    def _folded(self) -> None:
        """A folded batch gives nothing here: only its new segmentations, for the cache."""
        new = self.handle.get()
        if self.store is not None:
            self._store([(self.seg_keys[j], p) for j, p in enumerate(new) if p is not None], [])

    def _store(self, spans: list[tuple[bytes, bytes]], results: list[tuple[bytes, bytes]]) -> None:
        if self.store is not None:
            self.store.put_many(spans)
            self.store.put_many(results, RESULTS)


# -- the work, in a worker process or in-process ------------------------------------------------------
def _segment(args: tuple[list[str], str]) -> list[list[Span]]:
    texts, engine = args
    return [seg.segment_spans(t, engine=engine) for t in texts]


def _segment_packed(args: tuple[list[str], str, str | None]) -> list[bytes]:
    """Spans travel back (and go into the cache) packed, a few bytes a word."""
    texts, engine, shared = args
    found = _shared_spans(shared, engine, texts)
    return [found.get(i) or pack_spans(seg.segment_spans(t, engine=engine)) for i, t in enumerate(texts)]


def _shared_spans(shared: str | None, engine: str, texts: Sequence[str]) -> dict[int, bytes]:
    """On a cluster's worker: the packed spans of ``texts`` (by index) found in the client's cache at
    the path ``shared``, when this worker reaches that file (see :mod:`vnpress.pipeline.cache.shared`)."""
    if shared is None or not texts:
        return {}
    from vnpress.pipeline.cache.shared import shared_reader

    keys = [text_key(t) for t in texts]
    found = shared_reader(shared, engine).get_many(keys)
    return {i: found[k] for i, k in enumerate(keys) if k in found}


def _analyse(
    args: tuple[Analysis, list[tuple[Document, Normalised, bytes | None]], bool, str, str | None],
) -> list[tuple[bytes | None, Any]]:
    """``(newly packed spans or None, func(doc, words))`` per document."""
    func, items, pack, engine, shared = args
    missing = [j for j, (_, _, packed) in enumerate(items) if packed is None]
    found = _shared_spans(shared, engine, [items[j][1].text for j in missing])
    from_shared = {missing[i]: packed for i, packed in found.items()}
    out: list[tuple[bytes | None, Any]] = []
    for j, (doc, norm, packed) in enumerate(items):
        new = None
        if packed is None and j in from_shared:
            packed = new = from_shared[j]
        if packed is None:
            spans: Iterable[Span] = seg.segment_spans(norm.text, engine=engine)
            if pack:
                new = pack_spans(spans)
        else:
            spans = iter_spans(packed)
        out.append((new, func(doc, seg.words_from_spans(norm, spans))))
    return out


def _analyse_fold(
    args: tuple[
        Analysis,
        list[tuple[Document, Normalised, bytes | None]],
        bool,
        str,
        str | None,
        Callable,
        list,
        list,
        list,
    ],
) -> tuple[list[bytes | None], Any]:
    """On a worker: the batch's results (cached ones as sent, the others computed), folded;
    ``(newly packed spans or None per computed document, the fold)``."""
    func, items, pack, engine, shared, fold, docs, values, todo = args
    computed = _analyse((func, items, pack, engine, shared))
    values = list(values)
    for i, (_, value) in zip(todo, computed, strict=True):
        values[i] = value
    return [p for p, _ in computed], fold(zip(docs, values, strict=True))
