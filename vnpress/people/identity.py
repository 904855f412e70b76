"""Who is the same person: the identity rules that put observations of one name together.

Observations are taken in time (undated ones last). Each joins the person of its name it agrees
with, or opens a new one. An observation may join a person only if:

1. **The full name matches** once spellings are folded (NFC, tone placement, i/y, case): a
   name that differs in one syllable ("Hoàng Xuân Chiến", "Hoàng Hữu Chiến") is another person,
   and a one-word name ("Đại úy Dũng") is never merged across documents, since a given name alone
   is shared by thousands.
2. **The service agrees** (:mod:`.services`): police and army are never one person; nor are the
   army, the Border Guard and the Coast Guard, unless a post bridges them (a coast-guard article
   that names his former army post).
3. **The ranks form a career in time** (:mod:`.ranks`): no rank is lower than one seen earlier
   (Thượng tướng, later Đại tá, is two men); the navy's flag ranks stand level with the army's, so
   Chuẩn Đô đốc → Phó Đô đốc → Đô đốc and a navy-to-army move are careers.
4. **No two offices at once**: in one calendar year, two offices (not memberships) in units that
   neither contain nor name each other, with no post of one in the other's article, are two men.
   A unit of a whole ministry (Bộ Quốc phòng, Bộ Công an) contains every unit of its ministry.

When several people of the name would take it, the one sharing the most posts and units wins; if
none shares any, or two share as many, it joins none (``ambiguous``) and stays a person of its own,
whom no later observation joins: an unproved merge costs more than a split. Every decision is
recorded as a :class:`~vnpress.people.model.Link`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from vnpress.people.model import Link, Observation, Person, Roster
from vnpress.people.observe import is_membership, split_position, unit_key
from vnpress.people.ranks import rank_level
from vnpress.people.services import groups, ministries, service_conflict, service_of
from vnpress.text.collation import collation_key
from vnpress.text.normalise import fold, strip_diacritics


class _Profile:
    """What the rules compare of one observation, computed once."""

    __slots__ = ("obs", "level", "current", "every", "posts")

    def __init__(self, obs: Observation):
        self.obs = obs
        self.level = rank_level(obs.rank)
        # unit key → the unit as written: of his current offices; of all his posts (former ones and
        # memberships too); post key (no "nguyên") → the post
        self.current, self.every, self.posts = _posts_of(obs.positions)


@lru_cache(maxsize=65536)
def _posts_of(positions: tuple[str, ...]) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    current: dict[str, str] = {}
    every: dict[str, str] = {}
    posts: dict[str, str] = {}
    for p in positions:
        title, unit, former = split_position(p)
        whole = f"{title} {unit}".strip()
        posts.setdefault(fold(whole), whole)
        if unit:
            every.setdefault(unit_key(unit), unit)
            if not former and not is_membership(p):
                current.setdefault(unit_key(unit), unit)
    return current, every, posts


def _span(date: str) -> tuple[str, str]:
    """The first and last day a partial ISO date may be."""
    parts = date.split("-")
    lo = "-".join(parts + ["01"] * (3 - len(parts)))
    hi = "-".join(parts + (["12", "31"] if len(parts) == 1 else ["31"] if len(parts) == 2 else []))
    return lo, hi


def time_order(a: str | None, b: str | None) -> int:
    """-1 if ``a`` is surely before ``b``, 1 if surely after, 0 if they overlap or one is unknown."""
    if not a or not b:
        return 0
    (alo, ahi), (blo, bhi) = _span(a), _span(b)
    if ahi < blo:
        return -1
    if bhi < alo:
        return 1
    return 0


_WHOLE = ("defence", "public security")  # the services that are a ministry as a whole


def _related(a: dict[str, str], b: dict[str, str], *, ministry: bool = True) -> str | None:
    """A unit of ``a`` that is, contains or lies in one of ``b``'s (the first, as written); with
    ``ministry``, a unit of a whole ministry is related to every unit of that ministry."""
    for ka, ua in a.items():
        for kb, ub in b.items():
            if ka == kb or ka in kb or kb in ka:
                return ua if len(ua) <= len(ub) else ub
    if not ministry:
        return None
    for ua in a.values():  # a unit of a whole ministry contains every unit of the ministry
        for ub in b.values():
            sa, sb = service_of(ua), service_of(ub)
            if (sa in _WHOLE or sb in _WHOLE) and ministries([sa or ""]) & ministries([sb or ""]):
                return ua if sa in _WHOLE else ub
    return None


def _describe(p: _Profile) -> str:
    return f"{p.obs.rank or 'no rank'} ({p.obs.date or 'undated'}, {p.obs.file})"


class _Cluster:
    """One person being built: his profiles, and what the rules ask of him kept small (per rank
    level the earliest and latest sight, per year the offices, the posts and units seen), so that
    a new observation is checked in time that grows with his posts, not his documents."""

    __slots__ = (
        "index",
        "key",
        "members",
        "links",
        "services",
        "first_at",
        "last_at",
        "offices",
        "posts",
        "units",
    )

    def __init__(self, index: int, key: str):
        self.index = index
        self.key = key
        self.members: list[_Profile] = []
        self.links: list[Link] = []
        self.services: set[str] = set()
        self.first_at: dict[int, _Profile] = {}  # rank level → the dated sight that ends earliest
        self.last_at: dict[int, _Profile] = {}  # rank level → the dated sight that starts latest
        self.offices: dict[str, dict[tuple, _Profile]] = {}  # year → dated sights with current offices
        self.posts: dict[str, tuple[str, int]] = {}  # post key → (post, latest member's index)
        self.units: dict[str, tuple[str, int]] = {}  # unit key → (unit, latest member's index)

    def add(self, p: _Profile, link: Link) -> None:
        self.members.append(p)
        self.links.append(link)
        self.services.update(p.obs.services)
        date = p.obs.date
        if date and p.level is not None:
            lo, hi = _span(date)
            first = self.first_at.get(p.level)
            if first is None or hi < _span(first.obs.date)[1]:
                self.first_at[p.level] = p
            last = self.last_at.get(p.level)
            if last is None or lo > _span(last.obs.date)[0]:
                self.last_at[p.level] = p
        if date and p.current:  # one sight per year and set of posts is enough to compare with
            sights = self.offices.setdefault(date[:4], {})
            sights.setdefault((tuple(p.current), tuple(p.every)), p)
        at = len(self.members) - 1
        for k, v in p.posts.items():
            self.posts[k] = (v, at)
        for k, v in p.every.items():
            self.units[k] = (v, at)


def conflicts(c: _Cluster, p: _Profile) -> list[str]:
    """Why ``p`` cannot be the person of ``c``: none if he can."""
    reasons: list[str] = []
    why = service_conflict(c.services, p.obs.services)
    if why:
        reasons.append(why)
    if p.obs.date and p.level is not None:
        for level, m in sorted(c.first_at.items()):
            if level > p.level and time_order(m.obs.date, p.obs.date) < 0:
                reasons.append(f"rank goes down: {_describe(m)} then {_describe(p)}")
                break
        for level, m in sorted(c.last_at.items()):
            if level < p.level and time_order(m.obs.date, p.obs.date) > 0:
                reasons.append(f"rank goes down: {_describe(p)} then {_describe(m)}")
                break
    if p.obs.date and p.current:
        for m in c.offices.get(p.obs.date[:4], {}).values():
            if not _related(m.current, p.every) and not _related(p.current, m.every):
                reasons.append(
                    f"two offices in {p.obs.date[:4]}: {', '.join(m.current.values())} ({m.obs.file}) and "
                    f"{', '.join(p.current.values())} ({p.obs.file})"
                )
                break
    return reasons


def evidence(c: _Cluster, p: _Profile) -> tuple[int, list[str], str | None]:
    """What links ``p`` to the person of ``c``: (strength, reasons, the latest document of his that
    shares a post or unit, else his latest). Strength counts the offices and units they share
    (memberships such as Ủy viên Trung ương Đảng, held by hundreds, only explain, as do rank and
    service)."""
    posts = {k: c.posts[k] for k in p.posts if k in c.posts}
    units: dict[str, tuple[str, int]] = {}
    for k, u in p.every.items():
        for ck, (cu, at) in c.units.items():
            if k == ck or k in ck or ck in k:
                unit = u if len(u) <= len(cu) else cu
                if not any(fold(unit) in fold(post) for post, _ in posts.values()):
                    units.setdefault(unit_key(unit), (unit, at))
                break
    strength = sum(1 for post, _ in posts.values() if not is_membership(post)) + len(units)
    shared = [at for _, at in (*posts.values(), *units.values())]
    linked = c.members[max(shared) if shared else -1].obs.file
    reasons = [f"same name: {p.obs.name}"]
    reasons += [f"same post: {v}" for v, _ in posts.values()]
    reasons += [f"same unit: {v}" for v, _ in units.values()]
    ranked = [m for m in c.last_at.values()]
    if p.level is not None and ranked:
        last = max(ranked, key=lambda m: (_span(m.obs.date)[0], m.level))
        if last.obs.rank == p.obs.rank:
            reasons.append(f"same rank: {p.obs.rank}")
        elif time_order(last.obs.date, p.obs.date) <= 0:
            reasons.append(f"rank follows: {_describe(last)} then {_describe(p)}")
    common = sorted(set(p.obs.services) & c.services)
    if common:
        reasons.append(f"same service: {', '.join(common)}")
    return strength, reasons, linked


def _no_merge_signature(obs: Observation) -> tuple:
    """``--no-merge``: one person per name and service (its group, else its ministry)."""
    return (obs.key, tuple(sorted(groups(obs.services) or ministries(obs.services))))


def slug(name: str) -> str:
    """ "Nguyễn Văn Đoàn" → "nguyen-van-doan": ASCII, lowercase, words joined by hyphens."""
    base = strip_diacritics(fold(name)).replace("đ", "d")
    words = "".join(c if c.isalnum() else " " for c in base).split()
    return "-".join(words) or "person"


def display_name(obs: list[Observation]) -> str:
    """The spelling written most often (by mentions), the first seen in a tie."""
    counts: dict[str, int] = {}
    for o in obs:
        counts[o.name] = counts.get(o.name, 0) + o.mentions
    best = max(counts.values())
    return next(n for n in counts if counts[n] == best)


def build_roster(observations: Iterable[Observation], *, merge: bool = True) -> Roster:
    """The people of ``observations`` (from :func:`~vnpress.people.observe.observations_from_mentions`,
    in any order) by the identity rules above; ``merge=False`` gives one person per name and service.

    Deterministic: the same observations give the same people, ids and links whatever their order."""
    ordered = sorted(observations, key=lambda o: o.sort_key)
    clusters: list[_Cluster] = []
    by_key: dict[object, list[_Cluster]] = {}
    for obs in ordered:
        p = _Profile(obs)
        if not merge:
            sig = _no_merge_signature(obs)
            found = by_key.get(sig)
            if found:
                found[0].add(
                    p,
                    Link("no merge", (f"same name and service: {obs.name}",), found[0].members[-1].obs.file),
                )
                continue
            c = _Cluster(len(clusters), obs.key)
            clusters.append(c)
            by_key[sig] = [c]
            c.add(p, Link("first"))
            continue
        if " " not in obs.key:
            c = _Cluster(len(clusters), obs.key)
            clusters.append(c)
            c.add(p, Link("given name", (f"a given name alone: {obs.name}",)))
            continue
        same = by_key.setdefault(obs.key, [])
        candidates = []
        split: tuple[_Cluster, list[str]] | None = None
        for c in same:
            why = conflicts(c, p)
            if why:
                if split is None:
                    split = (c, why)
                continue
            candidates.append((c, *evidence(c, p)))
        link: Link
        target: _Cluster | None = None
        if len(candidates) == 1:
            c, _, reasons, linked = candidates[0]
            target, link = c, Link("merged", tuple(reasons), linked, c.index)
        elif candidates:
            candidates.sort(key=lambda t: -t[1])
            top = candidates[0]
            if top[1] > 0 and top[1] > candidates[1][1]:
                target, link = top[0], Link("merged", tuple(top[2]), top[3], top[0].index)
            else:
                tied = [t[0] for t in candidates if t[1] == top[1]]
                link = Link(
                    "ambiguous",
                    (
                        f"agrees equally with {len(tied)} people of this name, sharing {top[1]} posts or units",
                    ),
                    None,
                    tied[0].index,
                )
        elif split is not None:
            link = Link("split", tuple(split[1]), split[0].members[-1].obs.file, split[0].index)
        else:
            link = Link("first")
        if target is None:
            target = _Cluster(len(clusters), obs.key)
            clusters.append(target)
            if link.decision != "ambiguous":  # one that fits several people stays alone
                same.append(target)
        target.add(p, link)
    return _roster(clusters)


def _roster(clusters: list[_Cluster]) -> Roster:
    """Ids in order of first appearance; people sorted by documents, then name."""
    taken: dict[str, int] = {}
    people: list[Person] = []
    ids: dict[int, str] = {}
    for c in sorted(clusters, key=lambda c: c.members[0].obs.sort_key + (c.index,)):
        base = slug(display_name([m.obs for m in c.members]))
        n = taken.get(base, 0) + 1
        taken[base] = n
        ids[c.index] = base if n == 1 else f"{base}-{n}"
    for c in clusters:
        links = [
            Link(k.decision, k.evidence, k.linked_file, None if k.other is None else ids[k.other])
            for k in c.links
        ]
        people.append(Person(ids[c.index], c.key, [m.obs for m in c.members], links))
    roster = Roster(people)
    roster.people.sort(
        key=lambda p: (
            -len({o.file for o in p.observations}),
            collation_key(display_name(p.observations)),
            p.id,
        )
    )
    return roster
