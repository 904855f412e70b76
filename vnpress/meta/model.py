"""The ``meta`` table: its columns (name, type, description) in one list, and one record per document."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: The columns of ``vnpress meta``, in order: (name, JSON type, description).
META_COLUMNS: list[tuple[str, str, str]] = [
    ("file", "string", "the document's path, as given"),
    ("title", "string|null", "the headline; null where the text has none (it starts mid-article)"),
    (
        "date",
        "string|null",
        "the publication date, ISO YYYY-MM-DD; null unless day, month and year are known",
    ),
    (
        "date_inferred",
        "string|null",
        "when date is null: the lead's day and month with a year the text gives (ISO), else null",
    ),
    ("date_source", "string|null", "where the date came from: sidecar, text, path, or inferred"),
    ("authors", "array of string", "the byline's names, ALL-CAPS names in Title Case"),
    ("source", "string|null", "the outlet the text names for itself ('TTXVN', 'QK3 online')"),
    ("place", "string|null", "the dateline place of the lead ('Hà Nội')"),
    ("photo_credits", "array of string", "the names of the photo credits ('Ảnh: Kim Hồng')"),
]
COLUMN_NAMES = [name for name, _, _ in META_COLUMNS]
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
