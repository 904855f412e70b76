"""Run a per-document function over a corpus, in order, on one or several cores."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from .corpus import Document

R = TypeVar("R")


def map_documents(func: Callable[[Document], R], docs: Iterable[Document], *, jobs: int = 1) -> Iterator[tuple[Document, R]]:
    """``(doc, func(doc))`` for each document, in input order. ``func`` must be a module-level
    function (it is sent to worker processes) and its result picklable."""
    for doc in docs:
        yield doc, func(doc)
