"""Small views of extract_entities' output that several entity test modules compare against."""

from __future__ import annotations

from vnpress.entities import extract_entities


def posts(text: str) -> dict[str, list[str]]:
    """Each officer's posts, over all his mentions, in the order first given."""
    out: dict[str, list[str]] = {}
    for m in extract_entities(text):
        if m.type == "officer":
            got = out.setdefault(m.canonical, [])
            got += [p for p in m.fields["positions"] if p not in got]
    return out


def officers(text: str) -> list[tuple[str, str, list[str]]]:
    """(canonical name, rank, posts) per officer mention, in text order."""
    return [
        (m.canonical, m.fields["rank"], m.fields["positions"])
        for m in extract_entities(text)
        if m.type == "officer"
    ]


def units(text: str) -> list[str]:
    """The canonical form of every unit mention, in text order."""
    return [m.canonical for m in extract_entities(text) if m.type == "unit"]
