"""Run per-document work on one or several cores, in input order, streaming, with bounded memory.

Documents go to worker processes in batches (up to 32 documents or 16k characters: half a second
of segmenting, small enough to keep every core busy to the end, large enough that sending them
costs nothing), never one task per file. At most ``2 × jobs + 1`` batches are in flight, so a
corpus is never read whole; results come back in input order, so the output is the same whatever
``jobs`` is. With ``jobs=1``, or when the whole input fits in one batch, everything runs
in-process and no pool is created.

Workers ignore SIGINT: Ctrl-C reaches the parent alone, which terminates the pool and lets its
KeyboardInterrupt through (the CLI turns it into exit status 130), so no child prints a traceback.
On Linux the pool forks (no re-import; the model, loaded once in the parent, shared copy-on-write)
as long as the parent runs a single thread; otherwise it uses forkserver, and spawn where neither
exists. Measured on 2 cores, the three start a 2-worker pool with its model in 0.6-1.1 s; fork is
the cheapest and the only one that does not load the model once per worker.

Inside a :func:`vnpress.pipeline.distributed.scheduler` context, :func:`make_runner` hands the
same batches to a Dask cluster instead, and :func:`fold_documents` folds them there: a command
that maps with these functions runs on a cluster with nothing more to do.
"""

from __future__ import annotations

import functools
import gc
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Generic, TypeVar

from vnpress.io import progress
from vnpress.io.corpus import Document
from vnpress.pipeline import distributed

T = TypeVar("T")
R = TypeVar("R")

BATCH_DOCS = 32
BATCH_CHARS = 16_000


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def batches(
    docs: Iterable[Document],
    max_docs: int = BATCH_DOCS,
    max_chars: int = BATCH_CHARS,
    *,
    whole_files: bool = False,
) -> Iterator[list[Document]]:
    """Consecutive groups of documents, closed at ``max_docs`` documents or ``max_chars`` characters;
    ``whole_files``: closed only before a file's first piece, so no file spans two batches."""
    batch: list[Document] = []
    chars = 0
    full = False
    for doc in docs:
        if full and doc.part == 0:  # whole_files: the batch waited for the file's last piece
            yield batch
            batch, chars, full = [], 0, False
        batch.append(doc)
        chars += len(doc.text)
        if len(batch) >= max_docs or chars >= max_chars:
            if not whole_files:
                yield batch
                batch, chars = [], 0
            else:
                full = True
    if batch:
        yield batch


def start_method() -> str:
    import multiprocessing  # here, not at the top: a run with its results cached never starts a pool

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and sys.platform.startswith("linux") and threading.active_count() == 1:
        return "fork"
    if "forkserver" in methods:
        return "forkserver"
    return "spawn"


YOUNG_GC_THRESHOLD = 10_000


def batch_gc() -> None:
    """The garbage collector tuned for batch work: a young-generation collection every 10,000 net
    allocations instead of 700. Segmenting and counting make millions of short-lived tuples and
    strings, nearly none in a reference cycle; at the default threshold the collector ran some 500
    times on 500 articles, for 0.2 s and nothing to collect (about 2% of a run)."""
    threshold = gc.get_threshold()
    if threshold[0] < YOUNG_GC_THRESHOLD:
        gc.set_threshold(YOUNG_GC_THRESHOLD, *threshold[1:])


def _init_worker(setup: Callable[[], Any] | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    batch_gc()
    if setup is not None:
        setup()


class _Deferred(Generic[R]):
    """In-process work, done when its result is asked for (so in order, one batch at a time)."""

    __slots__ = ("_func", "_arg")

    def __init__(self, func: Callable[[Any], R], arg: Any):
        self._func, self._arg = func, arg

    def get(self) -> R:
        return self._func(self._arg)


class Runner:
    """Submits batch functions to a process pool made on first need, or runs them in-process.

    ``func`` must be a module-level function and its argument and result picklable. ``setup`` runs
    once in each worker (load a model) after SIGINT is ignored there.
    """

    def __init__(self, jobs: int | None, setup: Callable[[], Any] | None = None):
        self.jobs = default_jobs() if jobs in (None, 0) else max(1, int(jobs))
        self.setup = setup
        self._pool: Any = None
        batch_gc()  # in this process (for jobs=1) and in the workers it forks

    @property
    def window(self) -> int:
        """Batches in flight before the oldest must be collected (in-process: one at a time)."""
        return 1 if self.jobs == 1 else 2 * self.jobs + 1

    def inline(self, alone: bool) -> bool:
        """Whether a batch runs in this process (one job, or the run's only batch)."""
        return self.jobs == 1 or alone

    def submit(self, func: Callable[[Any], R], arg: Any, *, alone: bool = False):
        """A handle whose ``get()`` gives ``func(arg)``. ``alone``: this is the only batch of the run,
        not worth starting processes for."""
        if self.jobs == 1 or alone:
            return _Deferred(func, arg)
        if self._pool is None:
            self._pool = self._start()
        return self._pool.apply_async(func, (arg,))

    def _start(self) -> Any:
        """The pool, its workers born with SIGINT ignored (a Ctrl-C during their start-up included).
        When forking, ``setup`` runs in the parent first: the workers share its model copy-on-write
        instead of each loading their own."""
        method = start_method()
        if method == "fork" and self.setup is not None:
            self.setup()
        if method == "fork":
            # What the parent holds now (the model above all) is moved out of the collector's reach:
            # collections in the workers then never write to those pages, which stay shared.
            gc.freeze()
        import multiprocessing

        ctx = multiprocessing.get_context(method)
        main = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if main else None
        try:
            return ctx.Pool(self.jobs, initializer=_init_worker, initargs=(self.setup,))
        finally:
            if main and previous is not None:
                signal.signal(signal.SIGINT, previous)

    def close(self, *, ok: bool) -> None:
        """Finish the pool: join it after success, terminate it after an error or an interrupt."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if ok:
            pool.close()
        else:
            pool.terminate()
        pool.join()


def _dask_worker_setup(setup: Callable[[], Any] | None) -> None:
    batch_gc()
    if setup is not None:
        setup()


def make_runner(
    jobs: int | None, setup: Callable[[], Any] | None = None, combine: Callable[[Any, Any], Any] | None = None
) -> Any:
    """Where the batches of a map go: a :class:`Runner` (``jobs`` local processes), or inside a
    :func:`vnpress.pipeline.distributed.scheduler` context the cluster's
    :class:`~vnpress.pipeline.distributed.DaskRunner` (``combine``: how it combines partial folds)."""
    session = distributed.active()
    if session is None:
        return Runner(jobs, setup)
    return distributed.DaskRunner(session, functools.partial(_dask_worker_setup, setup), combine)


def lookahead(items: Iterable[T]) -> Iterator[tuple[T, bool]]:
    """``(item, is_only_item)``: whether the iterable holds exactly one item, known at the first."""
    it = iter(items)
    try:
        first = next(it)
    except StopIteration:
        return
    try:
        second = next(it)
    except StopIteration:
        yield first, True
        return
    yield first, False
    yield second, False
    for item in it:
        yield item, False


def _apply(args: tuple[Callable[[Document], R], Sequence[Document]]) -> list[R]:
    func, docs = args
    return [func(doc) for doc in docs]


def map_documents(
    func: Callable[[Document], R],
    docs: Iterable[Document],
    *,
    jobs: int | None = 1,
    cached: bool = False,
    use_cache: bool = True,
) -> Iterator[tuple[Document, R]]:
    """``(doc, func(doc))`` for each document, in input order, with ``jobs`` processes (``None`` or 0:
    all cores). ``func`` must be a module-level function or a ``functools.partial`` of one (it is sent
    to worker processes) and its result picklable. Exceptions raised by ``func`` reach the caller.

    ``cached`` keeps the results in the cache, for an expensive ``func`` (underthesea's NER), keyed by
    the function and the arguments the partial binds (see
    :func:`~vnpress.pipeline.cache.keys.analysis_prefix`); ``use_cache=False`` then bypasses it.
    """
    store: Any = None
    prefix = b""
    if cached and use_cache:
        from vnpress.pipeline.cache.store import SegmentCache, analysis_prefix

        store = SegmentCache()
        prefix = analysis_prefix(func)
        if store.disabled:
            store = None
    runner = make_runner(jobs)
    try:
        yield from stream(
            (
                _Pending(batch, func, runner, alone, store, prefix)
                for batch, alone in lookahead(batches(docs))
            ),
            runner,
        )
    finally:
        if store is not None:
            store.close()


def fold_documents(
    func: Callable[[Document], R],
    docs: Iterable[Document],
    *,
    fold: Callable[[Iterable[tuple[Document, R]]], Any],
    combine: Callable[[Any, Any], Any],
    jobs: int | None = 1,
    cached: bool = False,
    use_cache: bool = True,
) -> Any:
    """``fold`` of :func:`map_documents`'s ``(doc, func(doc))`` items, in input order.

    On this machine it is exactly ``fold(map_documents(func, docs, …))``. On a cluster (a
    :func:`~vnpress.pipeline.distributed.scheduler` context) each batch is folded on its worker and
    the partial folds are combined there with ``combine``, in a tree, in input order; batches never
    split a file's pieces. So ``combine(fold(a), fold(b))`` must equal ``fold(a + b)`` for consecutive
    runs of whole files. With ``cached`` (results worth caching, which the client must see), the
    results are streamed back and folded here, on a cluster too."""
    if distributed.active() is None or (cached and use_cache):
        return fold(map_documents(func, docs, jobs=jobs, cached=cached, use_cache=use_cache))
    runner = make_runner(jobs, combine=combine)
    for _ in stream(
        (_Folded(batch, func, fold, runner) for batch in batches(docs, whole_files=True)), runner
    ):
        pass
    return runner.reduce(fold(iter(())))


def _apply_fold(args: tuple[Callable[[Document], Any], Sequence[Document], Callable]) -> tuple[None, Any]:
    func, docs, fold = args
    return None, fold((doc, func(doc)) for doc in docs)


class _Folded:
    """One batch of :func:`fold_documents` on a cluster: analysed and folded there."""

    def __init__(self, docs: list[Document], func: Callable, fold: Callable, runner: Any):
        self.docs = docs
        self.chars = sum(len(d.text) for d in docs)
        self.handle = runner.submit(_apply_fold, (func, docs, fold), partial=True)

    def results(self) -> Iterator[tuple[Document, Any]]:
        self.handle.get()  # in order, so that at most a window of batches is in flight
        yield from ()


def stream(pending: Iterable[Any], runner: Any) -> Iterator[tuple[Document, Any]]:
    """The results of batches already sent to ``runner`` (objects with ``docs``, ``chars`` and
    ``results()``), in order, with at most ``runner.window`` batches in flight; advances the progress
    bar and closes the runner. Taking a batch from ``pending`` is what submits it."""
    inflight: deque[Any] = deque()
    ok = False
    with progress.tracker() as bar:
        try:
            for batch in pending:
                inflight.append(batch)
                while len(inflight) >= runner.window:
                    done = inflight.popleft()
                    yield from done.results()
                    bar.advance(len(done.docs), done.chars)
            while inflight:
                done = inflight.popleft()
                yield from done.results()
                bar.advance(len(done.docs), done.chars)
            ok = True
        finally:
            runner.close(ok=ok)


class _Pending:
    """One batch of map_documents: its cached results, and the task computing the others."""

    def __init__(
        self, docs: list[Document], func: Callable, runner: Any, alone: bool, store: Any, prefix: bytes
    ):
        self.docs = docs
        self.chars = sum(len(d.text) for d in docs)
        self.store = store
        self.keys: list[bytes] = []
        self.found: dict[bytes, bytes] = {}
        todo = docs
        if store is not None:
            from vnpress.pipeline.cache.store import RESULTS, result_key

            self.keys = [result_key(prefix, d.text) for d in docs]
            self.found = store.get_many(self.keys, RESULTS)
            todo = [d for d, k in zip(docs, self.keys, strict=True) if k not in self.found]
        self.handle = runner.submit(_apply, (func, todo), alone=alone) if todo else None

    def results(self) -> Iterator[tuple[Document, Any]]:
        computed = self.handle.get() if self.handle is not None else []
        if self.store is None:
            yield from zip(self.docs, computed, strict=True)
            return
        from vnpress.pipeline.cache.store import RESULTS, dump_result, load_result

        it = iter(computed)
        values: list[Any] = []
        new: list[tuple[bytes, bytes]] = []
        for k in self.keys:
            if k in self.found:
                values.append(load_result(self.found[k]))
            else:
                values.append(next(it))
                new.append((k, dump_result(values[-1])))
        self.store.put_many(new, RESULTS)
        yield from zip(self.docs, values, strict=True)
