"""What runs inside a Dask worker process: the plugin that loads the segmenter's model once per
worker, when the worker starts or when the plugin
is registered, whichever is later. Imported only where ``distributed`` is installed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin


class SetupPlugin(WorkerPlugin):
    """Runs ``load`` (a module-level function or a partial of one, such as
    ``partial(load_engine, "fast")``) once in each worker: the model stays in the worker's memory
    for every task after, and no task carries it."""

    def __init__(self, load: Callable[[], Any]):
        self.load = load
        self.name = f"vnpress-setup:{describe(load)}"

    def setup(self, worker: Any) -> None:  # noqa: ARG002 (the plugin's signature)
        self.load()


def describe(func: Any) -> str:
    """A name for a function or a (nested) partial that is the same in every process, so that one
    long-lived cluster keeps one plugin per kind of setup, not one per run."""
    if hasattr(func, "func"):
        args = ",".join(describe(a) if callable(a) else repr(a) for a in getattr(func, "args", ()))
        return f"{describe(func.func)}({args})"
    return f"{getattr(func, '__module__', '?')}.{getattr(func, '__qualname__', repr(func))}"
