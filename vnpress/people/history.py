"""A roster as tables: people, appearances, rank and post histories, the identity evidence; and the
filters of ``vnpress officers`` (name, rank, unit, dates).

Each ``*_rows`` function yields the rows of one spec of :mod:`vnpress.io.tables` (OFFICERS,
OFFICER_APPEARANCES, OFFICER_RANKS, OFFICER_POSTS, OFFICER_EXPLAIN), so that the command and the
SQLite index print and store the same thing.
"""

from __future__ import annotations

from collections.abc import Iterator
from os.path import basename
from typing import Any

from vnpress.people.identity import display_name, time_order
from vnpress.people.model import Observation, Person, Roster
from vnpress.people.observe import FORMER, split_position
from vnpress.people.ranks import rank_level
from vnpress.text.normalise import fold, strip_diacritics


class Seen:
    """Where a rank or a post is seen: first and last dated document (else first and last undated
    one) and how many documents."""

    __slots__ = ("first", "last", "files", "undated")

    def __init__(self) -> None:
        self.first: Observation | None = None
        self.last: Observation | None = None
        self.files: set[str] = set()
        self.undated: list[str] = []

    def add(self, o: Observation) -> None:
        self.files.add(o.file)
        if o.date is None:
            self.undated.append(o.file)
            return
        if self.first is None or (o.date, o.file) < (self.first.date, self.first.file):
            self.first = o
        if self.last is None or (o.date, o.file) >= (self.last.date, self.last.file):
            self.last = o

    def row(self) -> dict[str, Any]:
        undated = sorted(self.undated)
        return {
            "first_seen": self.first.date if self.first else None,
            "first_file": self.first.file if self.first else undated[0],
            "last_seen": self.last.date if self.last else None,
            "last_file": self.last.file if self.last else undated[-1],
            "documents": len(self.files),
        }

    def summary(self, label: str) -> str:
        """ "Trung tướng: 2019-05-03 a.txt … 2021-02-01 b.txt (3 documents)", the files by name
        (their paths are in the ranks and posts tables)."""
        r = self.row()
        first = f"{r['first_seen'] or 'undated'} {basename(r['first_file'])}"
        last = f"{r['last_seen'] or 'undated'} {basename(r['last_file'])}"
        span = first if first == last else f"{first} … {last}"
        n = r["documents"]
        return f"{label}: {span} ({n} document{'s' if n != 1 else ''})"


def rank_history(person: Person) -> list[tuple[str, Seen]]:
    """His ranks in order of seniority, then of first sight."""
    seen: dict[str, Seen] = {}
    for o in person.observations:
        if o.rank:
            seen.setdefault(o.rank, Seen()).add(o)
    return sorted(
        seen.items(), key=lambda kv: (rank_level(kv[0]) or -1, kv[1].first.date if kv[1].first else "9999")
    )


def post_history(person: Person) -> list[tuple[str, str, str, bool, Seen]]:
    """His posts (post, title, unit, former only, where seen) in order of first appearance."""
    seen: dict[str, list[Any]] = {}
    for o in person.observations:
        for p in o.positions:
            title, unit, former = split_position(p)
            post = p[len(FORMER) :] if former else p
            entry = seen.get(post)
            if entry is None:
                entry = seen[post] = [title, unit, True, Seen()]
            entry[2] = entry[2] and former
            entry[3].add(o)
    rows = [(post, t, u, f, s) for post, (t, u, f, s) in seen.items()]
    rows.sort(
        key=lambda r: (r[4].first is None, r[4].first.date if r[4].first else "", r[4].row()["first_file"])
    )
    return rows


def latest_rank(person: Person) -> str | None:
    """The rank of his latest dated document (the highest if several share that date), else his highest."""
    ranked = [o for o in person.observations if o.rank]
    if not ranked:
        return None
    return max(ranked, key=lambda o: (o.date is not None, o.date or "", rank_level(o.rank) or -1)).rank


def units_of(person: Person) -> list[str]:
    out: list[str] = []
    for o in person.observations:
        for p in o.positions:
            unit = split_position(p)[1]
            if unit and unit not in out:
                out.append(unit)
    return out


def _services(person: Person) -> list[str]:
    return sorted({s for o in person.observations for s in o.services})


def people_rows(roster: Roster) -> Iterator[dict[str, Any]]:
    """Rows of OFFICERS: one per person."""
    for person in roster.people:
        obs = person.observations
        dates = [o.date for o in obs if o.date]
        yield {
            "person": person.id,
            "name": display_name(obs),
            "rank": latest_rank(person),
            "ranks": [seen.summary(rank) for rank, seen in rank_history(person)],
            "posts": [
                seen.summary(FORMER + post if former else post)
                for post, _, _, former, seen in post_history(person)
            ],
            "units": units_of(person),
            "services": _services(person),
            "documents": len({o.file for o in obs}),
            "mentions": sum(o.mentions for o in obs),
            "first_seen": min(dates) if dates else None,
            "last_seen": max(dates) if dates else None,
        }


def appearance_rows(roster: Roster) -> Iterator[dict[str, Any]]:
    """Rows of OFFICER_APPEARANCES: one per person and document, a person's in time."""
    for person in roster.people:
        name = display_name(person.observations)
        for o in person.observations:
            yield {
                "person": person.id,
                "name": name,
                "file": o.file,
                "date": o.date,
                "rank": o.rank,
                "positions": list(o.positions),
                "services": list(o.services),
                "mentions": o.mentions,
            }


def rank_rows(roster: Roster) -> Iterator[dict[str, Any]]:
    """Rows of OFFICER_RANKS: one per person and rank."""
    for person in roster.people:
        name = display_name(person.observations)
        for rank, seen in rank_history(person):
            yield {"person": person.id, "name": name, "rank": rank, **seen.row()}


def post_rows(roster: Roster) -> Iterator[dict[str, Any]]:
    """Rows of OFFICER_POSTS: one per person and post."""
    for person in roster.people:
        name = display_name(person.observations)
        for post, title, unit, former, seen in post_history(person):
            yield {
                "person": person.id,
                "name": name,
                "post": post,
                "title": title,
                "unit": unit or None,
                "former": former,
                **seen.row(),
            }


def explain_rows(roster: Roster) -> Iterator[dict[str, Any]]:
    """Rows of OFFICER_EXPLAIN: one per person and document, with the decision that put it there."""
    for person in roster.people:
        name = display_name(person.observations)
        for o, link in zip(person.observations, person.links, strict=True):
            yield {
                "person": person.id,
                "name": name,
                "file": o.file,
                "date": o.date,
                "decision": link.decision,
                "other": link.other if isinstance(link.other, str) else None,
                "linked_file": link.linked_file,
                "evidence": list(link.evidence),
            }


def loose(text: str) -> str:
    """Accent- and case-insensitive form for the filters: "Nguyen Van A" finds "Nguyễn Văn A"."""
    return " ".join(strip_diacritics(fold(text)).replace("đ", "d").split())


def filter_roster(
    roster: Roster,
    *,
    name: str | None = None,
    rank: str | None = None,
    unit: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> Roster:
    """The people that match, ids unchanged. ``name``, ``unit``: accent- and case-insensitive
    substrings of his name, or of a unit or post he is seen in; ``rank``: a rank he is seen at
    (accents and case ignored: "dai tuong"). ``since``/``until`` (ISO dates, inclusive) keep the appearances dated in the
    window (an undated one is then left out) and the people who have one."""
    want_name = loose(name) if name else None
    want_unit = loose(unit) if unit else None
    want_rank = loose(rank) if rank else None
    out: list[Person] = []
    for person in roster.people:
        obs = person.observations
        if want_name and not any(want_name in loose(o.name) for o in obs):
            continue
        if want_rank and not any(o.rank and loose(o.rank) == want_rank for o in obs):
            continue
        if want_unit and not any(want_unit in loose(p) for o in obs for p in o.positions):
            continue
        if since or until:
            keep = [
                i
                for i, o in enumerate(obs)
                if o.date
                and (not since or time_order(o.date, since) >= 0)
                and (not until or time_order(o.date, until) <= 0)
            ]
            if not keep:
                continue
            person = Person(person.id, person.key, [obs[i] for i in keep], [person.links[i] for i in keep])
        out.append(person)
    return Roster(out)
