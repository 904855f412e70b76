"""What the who's-who is made of: an observation (one person named in one document), a person (the
observations the identity rules put together, with the evidence that linked them) and the roster.

Plain frozen dataclasses with no text in them: a roster's memory grows with the people and their
appearances, never with the documents' text.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Observation:
    """One officer in one document, as ``vnpress entities --mentions`` reports him there.

    ``key`` is what the spellings of his name share (NFC, one tone placement, i/y, case folded:
    :func:`vnpress.entities.officers.people.name_key`); ``name`` the spelling the document writes
    most often; ``date`` the document's date (ISO 8601, possibly only a year or a month; None when
    undated); ``rank`` the rank the article gives him as of its date (a rank conferred in the article
    included); ``positions`` his posts as stated, a former one starting with "nguyên ";
    ``services`` the services his rank, the text and his posts name (see :mod:`.services`);
    ``mentions`` how often the document names him."""

    file: str
    date: str | None
    key: str
    name: str
    rank: str | None
    positions: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    mentions: int = 1

    @property
    def sort_key(self) -> tuple:
        """Dated observations first, in time, then undated ones; the file breaks ties."""
        return (self.date is None, self.date or "", self.file, self.key)


@dataclass(frozen=True)
class Link:
    """Why an observation is where it is: ``decision`` is one of

    - ``first``: it opens a person (nobody of that name before it);
    - ``merged``: it joins a person, with ``evidence`` (the reasons) and ``linked_file`` (the
      document of that person it agrees with most);
    - ``split``: a person of the same name exists and ``evidence`` says what contradicts him;
    - ``ambiguous``: it agrees with several people of that name equally, so it joins none;
    - ``given name``: a one-word name ("Đại úy Dũng"), never merged across documents;
    - ``no merge``: ``--no-merge``, one person per name and service.

    ``other`` is the id of the person a ``merged``, ``split`` or ``ambiguous`` decision refers to
    (while the roster is being built, his index in the order of creation)."""

    decision: str
    evidence: tuple[str, ...] = ()
    linked_file: str | None = None
    other: str | int | None = None


@dataclass
class Person:
    """One real person as far as the rules can tell: his observations (sorted in time) and, for
    each, the :class:`Link` that says why it is his. ``id`` is stable for the same observations:
    a slug of his folded name, and ``-2``, ``-3`` … for the second and later people whose names
    fold to the same slug (in order of first appearance)."""

    id: str
    key: str
    observations: list[Observation] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


@dataclass
class Roster:
    """The people of a corpus, sorted by number of documents (most first), then name."""

    people: list[Person] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.people)
