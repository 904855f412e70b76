"""The dateline place of a lead: "Sáng 13/11, tại Hà Nội, …" → "Hà Nội"."""

from __future__ import annotations

import re

_PLACE = re.compile(
    r"(?:^|,\s*|\)\s*)tại\s+(?P<place>[^,;.]+?)\s*(?=,|;|\.\s|\.$|\s(?:đã|đang|sẽ|diễn\s+ra|tổ\s+chức|khai\s+mạc|long\s+trọng)\b)"
)


def lead_place(lead: str) -> str | None:
    """The place the first sentence of ``lead`` says the event was at, or None."""
    first = re.split(r"(?<=[.!?])\s", lead, maxsplit=1)[0]
    m = _PLACE.search(first)
    if not m:
        return None
    place = m["place"].strip()
    return place if 1 <= len(place.split()) <= 12 else None
