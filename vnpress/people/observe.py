"""From mention rows to observations: one per officer and document, and a post split into its title
and its unit.

The input is the rows of ``vnpress entities --mentions`` exactly as it prints them (dicts with
``file``, ``type``, ``canonical``, ``rank``, ``positions``, ``service``, ``document_date`` …), so
that a stored table of mentions (the SQLite index) gives the same roster as the text itself. Rows
of other types are read and passed over: a post's unit is taken from the post as entities
completed it ("Chính ủy Quân khu 7" → Quân khu 7), which is what the unit rows of its span say too.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from typing import Any

from vnpress.entities.gazetteer import load_gazetteer
from vnpress.entities.officers.people import name_key
from vnpress.people.model import Observation
from vnpress.people.ranks import is_navy_rank, rank_level
from vnpress.people.services import service_of
from vnpress.text.normalise import fold

FORMER = "nguyên "
# posts that are memberships, held beside an office and never in its place ("Ủy viên Trung ương
# Đảng", "Đại biểu Quốc hội"): they neither contradict another post nor are one
MEMBERSHIPS = ("ủy viên", "đại biểu", "thành viên", "hội viên")
# the words before a unit that name its party committee or command rather than another unit
# ("Đảng ủy Quân khu 7", "Bộ Tư lệnh Quân khu 7" are Quân khu 7's)
_UNIT_PREFIXES = (
    "ban thường vụ đảng ủy ",
    "thường vụ đảng ủy ",
    "ủy ban kiểm tra đảng ủy ",
    "đảng ủy ",
    "đảng bộ ",
    "bộ tư lệnh ",
    "cơ quan ",
)


@cache
def _post_heads() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The posts of vnpress/data/posts.tsv as folded words, by their first word, longest first."""
    heads: dict[str, set[tuple[str, ...]]] = {}
    for e in load_gazetteer(()).entries:
        if e.type == "post":
            words = tuple(fold(e.canonical).split())
            heads.setdefault(words[0], set()).add(words)
    return {w: tuple(sorted(hs, key=lambda h: (-len(h), h))) for w, hs in heads.items()}


@lru_cache(maxsize=65536)
def split_position(position: str) -> tuple[str, str, bool]:
    """A post as entities states it → (title, unit, former): "nguyên Chính ủy Quân khu 7" →
    ("Chính ủy", "Quân khu 7", True). A title the post list lacks is the whole post, with no unit."""
    former = position.startswith(FORMER)
    body = position[len(FORMER) :] if former else position
    words = body.split()
    folded = [fold(w) for w in words]
    for head in _post_heads().get(folded[0] if folded else "", ()):
        if tuple(folded[: len(head)]) == head:
            return " ".join(words[: len(head)]), " ".join(words[len(head) :]), former
    return body, "", former


@lru_cache(maxsize=65536)
def is_membership(position: str) -> bool:
    """A seat in a body (Ủy viên …, Đại biểu Quốc hội) rather than an office."""
    body = position[len(FORMER) :] if position.startswith(FORMER) else position
    return fold(body).startswith(MEMBERSHIPS)


@lru_cache(maxsize=65536)
def unit_key(unit: str) -> str:
    """What two spellings of one unit share, its party committee and command included."""
    key = fold(unit)
    changed = True
    while changed:
        changed = False
        for prefix in _UNIT_PREFIXES:
            if key.startswith(prefix) and len(key) > len(prefix):
                key = key[len(prefix) :]
                changed = True
    return key


def services_of(rank: str | None, positions: Iterable[str], stated: str | None) -> tuple[str, ...]:
    """The services an officer's rank, the text (``stated``: entities' ``service``) and his posts
    name, sorted."""
    found = set()
    if stated == "police":
        found.add("police")
    if is_navy_rank(rank):
        found.add("navy")
    for p in positions:
        service = service_of(p)
        if service:
            found.add(service)
    return tuple(sorted(found))


def _positions(value: Any) -> list[str]:
    """A row's ``positions``: a list as JSON gives it, or the text a store may keep instead (a JSON
    array, or the TSV form, posts joined by "; ")."""
    if not value:
        return []
    if isinstance(value, str):
        if value.startswith("["):
            return [str(p) for p in json.loads(value)]
        return [p for p in value.split("; ") if p]
    return [str(p) for p in value]


class _Accumulator:
    """One officer's rows in one document, reduced as they come."""

    __slots__ = ("date", "names", "ranks", "positions", "stated", "mentions")

    def __init__(self, date: str | None):
        self.date = date
        self.names: Counter[str] = Counter()
        self.ranks: list[str] = []
        self.positions: list[str] = []
        self.stated: str | None = None
        self.mentions = 0

    def add(self, row: Mapping[str, Any]) -> None:
        self.mentions += 1
        self.names[row.get("canonical") or row.get("name") or ""] += 1
        rank = row.get("rank")
        if rank and rank not in self.ranks:
            self.ranks.append(rank)
        for p in _positions(row.get("positions")):
            if p not in self.positions:
                self.positions.append(p)
        if row.get("service") == "police":
            self.stated = "police"
        if self.date is None and row.get("document_date"):
            self.date = row["document_date"]

    def observation(self, file: str, key: str, shared: dict) -> Observation:
        """His observation; ``shared`` holds one copy of each value many observations repeat (his
        name, his posts), so that a long career costs one copy of them."""
        best = max(self.names.values())
        name = next(n for n, c in self.names.items() if c == best)  # the first of the most frequent
        rank = max(self.ranks, key=lambda r: rank_level(r) or -1) if self.ranks else None
        positions = tuple(self.positions)
        positions = shared.setdefault(positions, positions)
        services = services_of(rank, positions, self.stated)
        return Observation(
            file=file,
            date=shared.setdefault(self.date, self.date),
            key=shared.setdefault(key, key),
            name=shared.setdefault(name, name),
            rank=rank,
            positions=positions,
            services=shared.setdefault(services, services),
            mentions=self.mentions,
        )


def observations_from_mentions(rows: Iterable[Mapping[str, Any]]) -> list[Observation]:
    """One :class:`Observation` per officer and document, from ``entities --mentions`` rows.

    ``rows``: dicts as ``vnpress entities --mentions --format jsonl`` prints them, in any order
    (``positions`` may also be the text a store keeps: a JSON array, or posts joined by "; ");
    rows whose ``type`` is not ``officer`` are passed over. An officer is grouped by ``file`` and
    the key of his ``canonical`` name (the pieces of a long file are one document); his rank is the
    highest his rows give (entities gives one per person and document), his posts the union in
    order of appearance, his date the rows' ``document_date``. Sorted: dated observations in time,
    then undated ones, each by file and name. Memory: one small record per officer and document,
    no text."""
    acc: dict[tuple[str, str], _Accumulator] = {}
    for row in rows:
        if row.get("type") != "officer":
            continue
        name = row.get("canonical") or row.get("name")
        if not name:
            continue
        file = str(row.get("file") or "")
        key = (file, name_key(name))
        a = acc.get(key)
        if a is None:
            a = acc[key] = _Accumulator(row.get("document_date"))
        a.add(row)
    shared: dict = {}
    out = [a.observation(file, key, shared) for (file, key), a in acc.items()]
    out.sort(key=lambda o: o.sort_key)
    return out
