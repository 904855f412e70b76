"""What the core tells a front end while it works: progress of long runs, and warnings.

The core calls :func:`tracker` around its document loops and ``advance`` after each batch, and
:func:`warn` when something went wrong but the run goes on (a damaged cache rebuilt). Neither costs
anything nor prints unless a front end has called :func:`install`; without one, warnings go to the
``vnpress`` logger. The CLI installs :class:`RichBar` only when stderr is a terminal (the bar appears
once a run has lasted ``delay`` seconds, so short runs and pipes see nothing on stderr) and routes
warnings to its reporter (``vnpress: warning: …``).

This module is imported at start-up: it must stay light (rich and logging are imported on use).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


class Tracker:
    """Told how many documents and characters each finished batch held."""

    def advance(self, docs: int, chars: int) -> None:
        pass

    def close(self) -> None:
        pass


_NULL = Tracker()
_factory: Callable[[], Tracker] | None = None
_on_warning: Callable[[str], Any] | None = None
_active = False


def install(factory: Callable[[], Tracker] | None, on_warning: Callable[[str], Any] | None = None) -> None:
    """Report progress to trackers made by ``factory``, and warnings to ``on_warning`` (``None``: the
    silent tracker, and the ``vnpress`` logger)."""
    global _factory, _on_warning
    _factory, _on_warning = factory, on_warning


def warn(message: str) -> None:
    """A problem the run survives, for the user to see."""
    if _on_warning is not None:
        _on_warning(message)
    else:
        import logging

        logging.getLogger("vnpress").warning(message)


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


class RichBar(Tracker):
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
            redirect_stdout=False,  # results written while the bar runs (--rewrite) stay on stdout
        )
        self._progress.start()
        self._task = self._progress.add_task("vnpress", total=None, chars="")
        for task in self._progress.tasks:  # count the time from the start of the run, not of the bar
            if task.id == self._task and task.start_time is not None:
                task.start_time -= time.monotonic() - self.started

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
