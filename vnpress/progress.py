"""Progress of long runs, reported by the core and drawn (on stderr, with rich) only if the CLI asks.

The core calls :func:`tracker` around its document loops and ``advance`` after each batch; that
costs nothing unless a front end has called :func:`install`. The CLI installs :class:`RichBar`
only when stderr is a terminal, and the bar appears only once a run has lasted ``delay`` seconds,
so short runs and pipes see nothing on stderr.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Protocol


class Tracker(Protocol):
    def advance(self, docs: int, chars: int) -> None: ...

    def close(self) -> None: ...


class _Null:
    def advance(self, docs: int, chars: int) -> None:
        pass

    def close(self) -> None:
        pass


_NULL = _Null()
_factory: Callable[[], Tracker] | None = None
_active = False


def install(factory: Callable[[], Tracker] | None) -> None:
    """Report progress to trackers made by ``factory`` (``None``: stop reporting)."""
    global _factory
    _factory = factory


@contextmanager
def tracker() -> Iterator[Tracker]:
    """The installed tracker for one run (a silent one if none is installed, or inside another run)."""
    global _active
    if _factory is None or _active:
        yield _NULL
        return
    _active = True
    t = _factory()
    try:
        yield t
    finally:
        _active = False
        t.close()


class RichBar:
    """Documents done, characters per second and time elapsed, on stderr, once ``delay`` has passed.
    The total is unknown (the corpus is streamed), so it counts rather than fills."""

    def __init__(self, delay: float = 2.0, console: Any = None):
        self.delay = delay
        self.console = console
        self.started = time.monotonic()
        self.docs = 0
        self.chars = 0
        self._progress: Any = None
        self._task: Any = None

    def advance(self, docs: int, chars: int) -> None:
        self.docs += docs
        self.chars += chars
        if self._progress is None:
            if time.monotonic() - self.started < self.delay:
                return
            self._show()
        self._progress.update(self._task, completed=self.docs, chars=self._rate())

    def _rate(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        return f"{self.chars / elapsed / 1000:,.0f}k chars/s"

    def _show(self) -> None:
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        console = self.console or Console(stderr=True)
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.completed:,} documents"),
            TextColumn("[dim]{task.fields[chars]}"),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        )
        self._progress.start()
        self._task = self._progress.add_task("vnpress", total=None, chars="")

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
