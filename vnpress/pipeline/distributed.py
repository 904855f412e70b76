"""Corpus work on a Dask cluster (``--scheduler``), behind the same map functions as ``--jobs``.

The CLI (or a library user) opens a :func:`scheduler` context; inside it, every
:func:`~vnpress.pipeline.parallel.map_documents`, :func:`~vnpress.pipeline.run.map_segmented`
and :func:`~vnpress.pipeline.run.fold_segmented` sends its batches to the cluster instead of
local processes, through a :class:`DaskRunner`, which has the interface of
:class:`~vnpress.pipeline.parallel.Runner`. A command needs nothing more than those functions to
run on a cluster.

- **Where things happen.** The client reads the inputs (local files, archives, fsspec URLs),
  reports bad ones as a local run does, and looks every batch up in its cache before sending it,
  so a hit never travels. The workers segment and analyse; what they computed comes back and the
  client writes it to its cache (SQLite has one writer). A worker that reaches the client's cache
  file at the same path reads it, read-only, before segmenting (:mod:`vnpress.pipeline.cache.shared`).
- **Batches** are those of ``--jobs`` (up to 32 documents or 16k characters), at most
  ``2 × threads + 2`` in flight, so the client never holds the corpus; for a fold they never split
  the pieces of one file.
- **The model** is loaded once per worker by a worker plugin (:mod:`vnpress.pipeline.workers`),
  registered once per run; tasks carry only text.
- **Results.** Streamed results come back in input order (the output is the one of ``--jobs 1``
  by construction). A fold (``freq``'s counts) is folded per batch on the workers and combined there
  in a tree of fan-in :data:`FANIN`; only the final value comes back.
- **Failures.** A worker that dies is Dask's business: its tasks, and the results it held, are
  computed again elsewhere (the tasks are pure). Ctrl-C cancels the run's futures and closes the
  client (and a ``local:N`` cluster) before the interrupt goes on.

``distributed`` is imported only when a scheduler is used: without the ``dask`` extra,
``--scheduler`` says how to install it, and nothing else changes.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import re
import signal
import threading
from collections.abc import Callable, Iterator
from typing import Any

from vnpress.errors import UsageError, VnpressError

INSTALL_HINT = "--scheduler needs Dask, which is not installed: pip install 'vnpress[dask]'"
FANIN = 8  # partial results combined per task of the tree reduction
CONNECT_TIMEOUT = "20s"

_LOCAL = re.compile(r"^local:(\d+)$")


def check_address(address: str) -> str:
    """``tcp://host:port`` (any scheme Dask speaks) or ``local:N``; raises :class:`UsageError`."""
    address = address.strip()
    m = _LOCAL.match(address)
    if m is not None:
        if int(m.group(1)) < 1:
            raise UsageError("--scheduler local:N needs N ≥ 1 worker processes")
        return address
    if address.startswith("local"):
        raise UsageError(f"--scheduler {address!r}: write local:N, N the number of worker processes")
    if "://" not in address and ":" not in address:
        raise UsageError(f"--scheduler {address!r}: give tcp://HOST:PORT or local:N")
    return address


def require_dask() -> None:
    """:class:`UsageError` with the one-line install hint when ``distributed`` cannot be imported."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise UsageError(INSTALL_HINT) from None


class Session:
    """One command's connection to a cluster, made on first need and shared by its every map."""

    def __init__(self, address: str):
        self.address = address
        self.client: Any = None
        self.cluster: Any = None
        self.plugins: set[str] = set()

    def connect(self) -> Any:
        if self.client is not None:
            return self.client
        require_dask()
        import logging

        import distributed

        logging.getLogger("distributed").setLevel(
            logging.CRITICAL
        )  # vnpress says what went wrong, in one line
        m = _LOCAL.match(self.address)
        try:
            if m is not None:
                with _sigint_ignored():  # the workers are born ignoring it: Ctrl-C is the client's
                    self.cluster = distributed.LocalCluster(
                        n_workers=int(m.group(1)),
                        threads_per_worker=1,
                        processes=True,
                        dashboard_address=":0",  # the HTTP routes on any free port, never a clash on 8787
                        silence_logs=logging.CRITICAL,  # not a heartbeat lost at shutdown
                    )
                self.client = distributed.Client(self.cluster)
            else:
                self.client = distributed.Client(self.address, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as e:
            self.close()
            reason = " ".join(str(e).split()) or type(e).__name__
            raise VnpressError(f"cannot reach the Dask scheduler at {self.address}: {reason}") from None
        return self.client

    def ensure_setup(self, setup: Callable[[], Any] | None) -> None:
        """Run ``setup`` (load a model) once on every worker, those that join later included."""
        if setup is None:
            return
        from vnpress.pipeline.workers import SetupPlugin

        plugin = SetupPlugin(setup)
        if plugin.name not in self.plugins:
            self.connect().register_plugin(plugin)
            self.plugins.add(plugin.name)

    def close(self) -> None:
        client, cluster = self.client, self.cluster
        self.client = self.cluster = None
        with contextlib.suppress(Exception):
            if client is not None:
                client.close()
        with contextlib.suppress(Exception):
            if cluster is not None:
                cluster.close()


@contextlib.contextmanager
def _sigint_ignored() -> Iterator[None]:
    """SIGINT ignored while ``local:N`` starts its worker processes, which inherit that (Python and
    asyncio leave an ignored SIGINT alone): a terminal's Ctrl-C, sent to the whole process group,
    then interrupts the client alone, which shuts the cluster down, and no worker prints a
    traceback."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


_SESSION: contextvars.ContextVar[Session | None] = contextvars.ContextVar("vnpress_scheduler", default=None)


def active() -> Session | None:
    """The session of the enclosing :func:`scheduler` context, or None: work stays on this machine."""
    return _SESSION.get()


@contextlib.contextmanager
def scheduler(address: str | None) -> Iterator[Session | None]:
    """Within it, the map functions of :mod:`vnpress.pipeline` run on the cluster at ``address``
    (``None``: on this machine, as before). The connection is made on first need and closed at the
    end, a ``local:N`` cluster shut down."""
    if address is None:
        yield None
        return
    address = check_address(address)
    require_dask()
    session = Session(address)
    token = _SESSION.set(session)
    try:
        yield session
    finally:
        _SESSION.reset(token)
        session.close()


class _Box:
    """A task's argument as Dask must not read it: a tuple whose first item is a function (a
    batch: ``(func, docs)``) would be taken for a task of its graph and called."""

    __slots__ = ("value",)

    def __init__(self, value: Any):
        self.value = value

    def __getstate__(self) -> Any:
        return self.value

    def __setstate__(self, value: Any) -> None:
        self.value = value


def _call(func: Callable[[Any], Any], box: _Box) -> Any:
    return func(box.value)


def _first(pair: tuple[Any, Any]) -> Any:
    return pair[0]


def _second(pair: tuple[Any, Any]) -> Any:
    return pair[1]


def _combine_all(combine: Callable[[Any, Any], Any], *parts: Any) -> Any:
    return functools.reduce(combine, parts)


class _Handle:
    """A future whose ``get()`` gives its result and lets it go (its memory on the worker too)."""

    __slots__ = ("future", "runner")

    def __init__(self, future: Any, runner: DaskRunner):
        self.future, self.runner = future, runner

    def get(self) -> Any:
        future = self.future
        try:
            return future.result()
        finally:
            self.runner.live.discard(future)
            self.future = None


class DaskRunner:
    """:class:`~vnpress.pipeline.parallel.Runner`'s interface on a cluster: ``submit`` a batch
    function, ``get`` results in order; ``partial=True`` submits a fold of a batch whose second
    element is combined on the cluster (:meth:`reduce`)."""

    def __init__(
        self,
        session: Session,
        setup: Callable[[], Any] | None = None,
        combine: Callable[[Any, Any], Any] | None = None,
    ):
        self.session = session
        self.setup = setup
        self.combine = combine
        self.client: Any = None
        self.live: set[Any] = set()
        self.levels: list[list[Any]] = []
        self._window = 1
        self._count = 0

    @property
    def jobs(self) -> int:
        return max(2, self._window // 2)

    @property
    def window(self) -> int:
        return self._window

    def inline(self, alone: bool) -> bool:  # noqa: ARG002 (the cluster was asked for: always use it)
        return False

    def _start(self) -> Any:
        client = self.session.connect()
        self.session.ensure_setup(self.setup)
        threads = sum(client.nthreads().values()) or 1
        self._window = 2 * threads + 2
        self.client = client
        return client

    def submit(self, func: Callable[[Any], Any], arg: Any, *, alone: bool = False, partial: bool = False):  # noqa: ARG002
        client = self.client if self.client is not None else self._start()
        self._count += 1
        priority = -self._count  # earlier batches first: results are collected in order
        future = client.submit(_call, func, _Box(arg), pure=False, priority=priority)
        if not partial:
            self.live.add(future)
            return _Handle(future, self)
        first = client.submit(_first, future, pure=False, priority=priority)
        self._push(client.submit(_second, future, pure=False, priority=priority), 0)
        self.live.add(first)
        return _Handle(first, self)

    def _push(self, future: Any, level: int) -> None:
        """Add a partial result at ``level`` of the tree; a full level is combined one level up.
        Every level holds results later in the input than the level above it, so order is kept."""
        while len(self.levels) <= level:
            self.levels.append([])
        self.levels[level].append(future)
        self.live.add(future)
        if len(self.levels[level]) == FANIN:
            group, self.levels[level] = self.levels[level], []
            combined = self.client.submit(_combine_all, self.combine, *group, pure=False)
            self.live.difference_update(group)
            self._push(combined, level + 1)

    def reduce(self, empty: Any) -> Any:
        """The combination of every partial result, in input order (``empty`` if there were none)."""
        rest = [f for level in reversed(self.levels) for f in level]
        self.levels = []
        if not rest:
            return empty
        final = self.client.submit(_combine_all, self.combine, *rest, pure=False)
        self.live.difference_update(rest)
        self.live.add(final)
        return _Handle(final, self).get()

    def close(self, *, ok: bool) -> None:
        """After an error or an interrupt, cancel what is still running or held (after success, the
        partial folds stay for :meth:`reduce`)."""
        if ok:
            return
        live, self.live, self.levels = self.live, set(), []
        if live and self.client is not None:
            with contextlib.suppress(Exception):
                self.client.cancel(list(live), force=True)
