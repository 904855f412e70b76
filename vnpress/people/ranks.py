"""The seniority of a rank for the identity rules: one ladder for the army, the police and the
navy, in which the navy's flag ranks stand level with the army's generals they correspond to
(Chuẩn Đô đốc = Thiếu tướng, Phó Đô đốc = Trung tướng, Đô đốc = Thượng tướng), so that a move from
the navy to the army (Phó Đô đốc, later Thượng tướng) is a promotion and Chuẩn Đô đốc → Phó Đô đốc →
Đô đốc a career. The ladder is vnpress/data/ranks.tsv's, read through the gazetteer (one place for
the rank list)."""

from __future__ import annotations

from functools import cache

from vnpress.entities.gazetteer import load_gazetteer


@cache
def _levels() -> dict[str, int]:
    levels: dict[str, int] = {}
    level = -1
    for entry in load_gazetteer(()).entries:
        if entry.type != "rank" or entry.canonical in levels:
            continue
        if "navy" not in entry.flags:
            level += 1
        levels[entry.canonical] = max(level, 0)
    return levels


def rank_level(rank: str | None) -> int | None:
    """The rank's step on the ladder (Binh nhì = 0); None for no rank or one the ladder lacks."""
    if not rank:
        return None
    return _levels().get(rank)


@cache
def _navy() -> frozenset[str]:
    return frozenset(
        e.canonical for e in load_gazetteer(()).entries if e.type == "rank" and "navy" in e.flags
    )


def is_navy_rank(rank: str | None) -> bool:
    """A navy flag rank (Chuẩn Đô đốc, Phó Đô đốc, Đô đốc): the officer is in the navy."""
    return bool(rank) and rank in _navy()
