"""Which service an officer belongs to, from his posts and rank (vnpress/data/services.tsv).

Two people with one name in different services are two people: the police (Bộ Công an) and the
army (Bộ Quốc phòng) are separate careers under separate ministries, and within the armed forces
the Border Guard and the Coast Guard are commands of their own. The army's arms (the navy, the air
force) are one group with the army, because officers move between them ("navy-to-army rank moves
exist"). A ministry as a whole (``defence``: Bộ Quốc phòng, the General Staff, the General
Political Department; ``public security``: Bộ Công an) is compatible with every service under it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from vnpress.data import data_path, read_tsv
from vnpress.text.normalise import fold

SERVICES = (
    "police",
    "army",
    "navy",
    "air force",
    "border guard",
    "coast guard",
    "defence",
    "public security",
)
# the ministry each service is under, and its group within the ministry (None: the whole ministry)
MINISTRY = {
    "police": "public security",
    "public security": "public security",
    "army": "defence",
    "navy": "defence",
    "air force": "defence",
    "border guard": "defence",
    "coast guard": "defence",
    "defence": "defence",
}
GROUP = {
    "police": "police",
    "army": "army",
    "navy": "army",
    "air force": "army",
    "border guard": "border guard",
    "coast guard": "coast guard",
}


@cache
def _forms() -> tuple[tuple[re.Pattern[str], str], ...]:
    rows = read_tsv(
        data_path("services.tsv").read_text(encoding="utf-8"), "services.tsv", ["form", "service"], 2
    )
    out = []
    for row in rows:
        if row["service"] not in (*SERVICES, "none"):  # a bundled file: an error the tests catch
            raise ValueError(f"services.tsv: unknown service {row['service']!r}")
        out.append((re.compile(r"(?<!\w)" + re.escape(fold(row["form"])) + r"(?!\w)"), row["service"]))
    return tuple(out)


@lru_cache(maxsize=65536)
def service_of(text: str) -> str | None:
    """The service a post or unit names: the first row of services.tsv whose form occurs in it."""
    folded = fold(text)
    for pattern, service in _forms():
        if pattern.search(folded):
            return None if service == "none" else service
    return None


def ministries(services: Iterable[str]) -> set[str]:
    return {MINISTRY[s] for s in services if s in MINISTRY}


def groups(services: Iterable[str]) -> set[str]:
    return {GROUP[s] for s in services if s in GROUP}


def service_conflict(a: Iterable[str], b: Iterable[str]) -> str | None:
    """Why two sets of services cannot be one person's, or None: different ministries, or different
    groups within one (each set may hold several, when a former post bridges two)."""
    a, b = set(a), set(b)
    ma, mb = ministries(a), ministries(b)
    if ma and mb and not ma & mb:
        return f"service differs: {', '.join(sorted(a))} vs {', '.join(sorted(b))}"
    ga, gb = groups(a), groups(b)
    if ga and gb and not ga & gb:
        return f"service differs: {', '.join(sorted(a))} vs {', '.join(sorted(b))}"
    return None
