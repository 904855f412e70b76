"""What the entity extractors produce: mentions with offsets into the original text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ENTITY_TYPES = ("rank", "officer", "unit", "resolution")
NER_TYPES = ("person", "location", "organization")


@dataclass
class Mention:
    """One occurrence of an entity. ``start``/``end`` index the original decoded text, and
    ``text == original[start:end]``. ``fields`` holds the type's own fields: the ``--mentions`` columns of
    :data:`vnpress.io.tables.ENTITY_MENTIONS`, where each column says which types it applies to."""

    type: str
    start: int
    end: int
    text: str
    canonical: str
    fields: dict[str, Any] = field(default_factory=dict)

    def row(self, file: str) -> dict[str, Any]:
        return {
            "file": file,
            "type": self.type,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "canonical": self.canonical,
            **self.fields,
        }
