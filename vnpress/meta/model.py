"""One record per document: the fields of the ``meta`` table (whose column spec is ``vnpress.io.tables.META``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from vnpress.io.tables import META

COLUMN_NAMES = list(META.names)
FIELDS = COLUMN_NAMES[1:]  # what a sidecar may give


@dataclass
class DocumentMeta:
    """The metadata of one document; ``date`` and ``date_inferred`` are ISO strings."""

    file: str
    title: str | None = None
    date: str | None = None
    date_inferred: str | None = None
    date_source: str | None = None
    authors: list[str] = field(default_factory=list)
    source: str | None = None
    place: str | None = None
    photo_credits: list[str] = field(default_factory=list)

    def row(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in COLUMN_NAMES}

    @property
    def best_date(self) -> str | None:
        """The stated date, else the inferred one."""
        return self.date or self.date_inferred
