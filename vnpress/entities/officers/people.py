"""One officer per person per document: one name and one rank for all his mentions.

A person may be written several ways in one article: with i or y in a syllable ("Đồng Sỹ Nguyên" /
"Đồng Sĩ Nguyên", "Kỳ" / "Kì"), with either tone placement (uỷ/ủy, already one in normalised text)
or in capitals. :func:`name_key` is what the spellings share; the canonical name is the spelling
written most often (the first of those in a tie). His rank is the one the article gives him as of
its date: the rank he is promoted to, else the highest it uses for him ("Thiếu tướng A", and after
the ceremony "Trung tướng A", is Trung tướng). A person named by his given name alone ("Đại úy Dũng") is
the one officer whose full name ends with it, when the article names one.
"""

from __future__ import annotations

from collections import Counter

from vnpress.entities.gazetteer import Gazetteer
from vnpress.entities.model import Mention
from vnpress.text.normalise import fold

_Y_TO_I = str.maketrans("yýỳỷỹỵ", "iíìỉĩị")
_VOWELS = frozenset("aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")


def _syllable_key(word: str) -> str:
    """ "sỹ" → "sĩ", "kỳ" → "kì": a final y after a consonant is the i it may be written as ("Duy",
    "Thủy" keep their y: a vowel comes before it)."""
    if word and word[-1] in "yýỳỷỹỵ" and (len(word) == 1 or word[-2] not in _VOWELS):
        return word[:-1] + word[-1].translate(_Y_TO_I)
    return word


def name_key(name: str) -> str:
    """What the spellings of one person's name share."""
    return " ".join(_syllable_key(w) for w in fold(name).split())


def one_per_person(officers: list[Mention], promoted: dict[int, str], g: Gazetteer) -> None:
    """Give every officer mention of one person the same canonical name and rank (in place).
    ``promoted`` maps the index of an officer mention in ``officers`` (counting officers only) to
    the rank a promotion in its sentence confers on him."""
    people: dict[str, list[int]] = {}
    mine = [m for m in officers if m.type == "officer"]
    for i, m in enumerate(mine):
        people.setdefault(name_key(m.canonical), []).append(i)
    for key in [k for k in people if " " not in k]:  # "Đại úy Dũng" beside "Đại úy Huỳnh Dũng": one person
        fuller = [k for k in people if k.endswith(" " + key)]
        if len(fuller) == 1:
            people[fuller[0]] += people.pop(key)
    for idxs in people.values():
        spellings = Counter(mine[i].canonical for i in idxs)
        best = max(spellings.values())
        canonical = next(mine[i].canonical for i in idxs if spellings[mine[i].canonical] == best)
        conferred = [promoted[i] for i in idxs if i in promoted]
        ranks = conferred or [mine[i].fields["rank"] for i in idxs]
        rank = max(ranks, key=g.rank_order)
        for i in idxs:
            m = mine[i]
            if fold(m.fields.get("name") or "") != fold(canonical):  # "Đồng Sĩ Nguyên" beside "… Sỹ …"
                m.fields["name"] = canonical
            m.canonical = canonical
            m.fields["rank"] = rank
