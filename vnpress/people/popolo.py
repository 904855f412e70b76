"""A roster as Popolo JSON (https://www.popoloproject.com): persons, organizations, posts and
memberships, the format EveryPolitician publishes and leadership databases load.

- a **person** per person: ``id``, ``name``, ``honorific_prefix`` (his latest rank), ``other_names``
  (the other spellings seen);
- an **organization** per unit of a post (``classification``: its service, else ``unit``), and one
  per service (Quân đội nhân dân Việt Nam, Công an nhân dân Việt Nam) for the ranks;
- a **post** per post and unit (``label`` "Chính ủy Quân khu 7", ``role`` "Chính ủy",
  ``organization_id`` the unit);
- a **membership** per person and post (``post_id``, ``role``, ``start_date``/``end_date`` = the first
  and last date the post is seen with him, ``sources`` the documents), and per person and rank
  (``role`` the rank, ``organization_id`` his service, where one is known). A post seen only as a
  former one has no dates: it was held before the documents, for how long they do not say.

The README maps these to Wikidata (P39 "position held" with P580/P582, P410 "military rank").
"""

from __future__ import annotations

from typing import Any

from vnpress.people.history import latest_rank, post_history, rank_history
from vnpress.people.identity import display_name, slug
from vnpress.people.model import Person, Roster
from vnpress.people.observe import FORMER
from vnpress.people.services import ministries, service_of

SERVICE_ORGANIZATIONS = {
    "defence": ("org-qdnd", "Quân đội nhân dân Việt Nam"),
    "public security": ("org-cand", "Công an nhân dân Việt Nam"),
}


def _dates(seen, membership: dict[str, Any]) -> dict[str, Any]:
    row = seen.row()
    if row["first_seen"]:
        membership["start_date"] = row["first_seen"]
    if row["last_seen"]:
        membership["end_date"] = row["last_seen"]
    return membership


def _sources(person: Person, match) -> list[dict[str, str]]:
    return [{"url": f} for f in sorted({o.file for o in person.observations if match(o)})]


def popolo(roster: Roster) -> dict[str, Any]:
    """The roster as one Popolo document: ``{"persons", "organizations", "posts", "memberships"}``,
    each a list in a deterministic order."""
    persons: list[dict[str, Any]] = []
    organizations: dict[str, dict[str, Any]] = {}
    posts: dict[str, dict[str, Any]] = {}
    memberships: list[dict[str, Any]] = []
    for person in roster.people:
        name = display_name(person.observations)
        entry: dict[str, Any] = {"id": person.id, "name": name}
        rank = latest_rank(person)
        if rank:
            entry["honorific_prefix"] = rank
        others = sorted({o.name for o in person.observations} - {name})
        if others:
            entry["other_names"] = [{"name": n} for n in others]
        persons.append(entry)
        for post, title, unit, former, seen in post_history(person):
            post_id = f"post-{slug(post)}"
            if post_id not in posts:
                org_id = None
                if unit:
                    org_id = f"org-{slug(unit)}"
                    organizations.setdefault(
                        org_id, {"id": org_id, "name": unit, "classification": service_of(unit) or "unit"}
                    )
                posts[post_id] = {"id": post_id, "label": post, "role": title}
                if org_id:
                    posts[post_id]["organization_id"] = org_id
            m: dict[str, Any] = {
                "id": f"{person.id}/{post_id}",
                "person_id": person.id,
                "post_id": post_id,
                "role": title,
                "label": post,
            }
            if "organization_id" in posts[post_id]:
                m["organization_id"] = posts[post_id]["organization_id"]
            if not former:
                _dates(seen, m)
            m["sources"] = _sources(person, lambda o, p=post: p in o.positions or FORMER + p in o.positions)
            memberships.append(m)
        services = ministries(s for o in person.observations for s in o.services)
        service = next(iter(services)) if len(services) == 1 else None
        for rank_name, seen in rank_history(person):
            m = {"id": f"{person.id}/rank-{slug(rank_name)}", "person_id": person.id, "role": rank_name}
            if service:
                org_id, org_name = SERVICE_ORGANIZATIONS[service]
                organizations.setdefault(org_id, {"id": org_id, "name": org_name, "classification": service})
                m["organization_id"] = org_id
            _dates(seen, m)
            m["sources"] = _sources(person, lambda o, r=rank_name: o.rank == r)
            memberships.append(m)
    return {
        "persons": persons,
        "organizations": sorted(organizations.values(), key=lambda o: o["id"]),
        "posts": sorted(posts.values(), key=lambda p: p["id"]),
        "memberships": memberships,
    }
