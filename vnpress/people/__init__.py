"""The who's-who across documents: one person per real person, with rank and post histories.

The public API, the same for ``vnpress officers`` (which reads texts) and for the SQLite index
(which rebuilds the roster from stored mention rows, without the texts)::

    rows = ...  # dicts as `vnpress entities --mentions --format jsonl` prints them
    roster = build_roster(observations_from_mentions(rows))      # or roster_from_mentions(rows)
    people_rows(roster)       # OFFICERS rows            (vnpress.io.tables)
    appearance_rows(roster)   # OFFICER_APPEARANCES rows
    rank_rows(roster)         # OFFICER_RANKS rows
    post_rows(roster)         # OFFICER_POSTS rows
    explain_rows(roster)      # OFFICER_EXPLAIN rows
    popolo(roster)            # a Popolo JSON document (dict)
    filter_roster(roster, name=, rank=, unit=, since=, until=)

The identity rules are in :mod:`.identity`, the services in :mod:`.services`, the rank ladder in
:mod:`.ranks`. Memory grows with people and appearances, never with the text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from vnpress.io.render import Table
from vnpress.io.tables import OFFICER_APPEARANCES, OFFICER_EXPLAIN, OFFICER_POSTS, OFFICER_RANKS, OFFICERS
from vnpress.people.history import (
    appearance_rows,
    explain_rows,
    filter_roster,
    people_rows,
    post_rows,
    rank_rows,
)
from vnpress.people.identity import build_roster
from vnpress.people.model import Link, Observation, Person, Roster
from vnpress.people.observe import observations_from_mentions
from vnpress.people.popolo import popolo

__all__ = [
    "VIEWS",
    "Link",
    "Observation",
    "Person",
    "Roster",
    "appearance_rows",
    "build_roster",
    "explain_rows",
    "filter_roster",
    "observations_from_mentions",
    "officer_roster",
    "people_rows",
    "popolo",
    "post_rows",
    "rank_rows",
    "roster_from_mentions",
    "roster_table",
]

# the tables of a roster: view name → (spec, rows)
VIEWS = {
    "people": (OFFICERS, people_rows),
    "appearances": (OFFICER_APPEARANCES, appearance_rows),
    "ranks": (OFFICER_RANKS, rank_rows),
    "posts": (OFFICER_POSTS, post_rows),
    "explain": (OFFICER_EXPLAIN, explain_rows),
}


def roster_from_mentions(rows: Iterable[Mapping[str, Any]], *, merge: bool = True) -> Roster:
    """``build_roster(observations_from_mentions(rows), merge=merge)``."""
    return build_roster(observations_from_mentions(rows), merge=merge)


def roster_table(roster: Roster, view: str = "people") -> Table:
    """One of :data:`VIEWS` of ``roster`` as a table to render."""
    spec, rows = VIEWS[view]
    return Table(spec, rows(roster))


def officer_roster(
    docs: Iterable[Any],
    *,
    merge: bool = True,
    gazetteers: Sequence[str] = (),
    jobs: int | None = 1,
    use_cache: bool = True,
) -> Roster:
    """The roster of ``docs`` (:class:`~vnpress.io.corpus.Document`): their officer mentions as
    ``entities --mentions`` gives them, through :func:`roster_from_mentions`, so that the command
    and a roster rebuilt from stored rows are the same."""
    from vnpress.entities import entity_table

    table = entity_table(
        docs, mentions=True, types="officer", gazetteers=gazetteers, jobs=jobs, use_cache=use_cache
    )
    return roster_from_mentions(table.rows, merge=merge)
