"""What the entity extractors produce: mentions with offsets into the original text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ENTITY_TYPES = ("rank", "officer", "unit", "resolution")
NER_TYPES = ("person", "location", "organization")

# --mentions columns, the same in every format; fields that do not apply to a type are null.
#   officer     name (as written), rank, positions (list; former posts start with "nguyên "),
#               service ("police" where stated or implied by a Công an post)
#   rank        service
#   unit        resolved_from (what was written, when the article's own context completed it:
#               "Bộ Tư lệnh Quân khu" → "Bộ Tư lệnh Quân khu 7")
#   resolution  kind, number, term, issuer, date, and name (a document named by its title)
# fmt: off
MENTION_COLUMNS = [
    "file", "type", "start", "end", "text", "canonical",
    "name", "rank", "positions", "service",
    "resolved_from",
    "kind", "number", "term", "issuer", "date",
]
# fmt: on


@dataclass
class Mention:
    """One occurrence of an entity. ``start``/``end`` index the original decoded text, and
    ``text == original[start:end]``. ``fields`` holds the type's own fields (see MENTION_COLUMNS)."""

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
