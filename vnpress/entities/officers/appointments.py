"""Posts an officer is given later in his sentence, by an appointment written after his name.

"Đại tá A, Phó Tư lệnh Quân khu 9, được bổ nhiệm giữ chức Tư lệnh Quân khu 9", "…, giữ chức X",
"… được bổ nhiệm làm X", "… điều động A, … làm X", "… đến nhận công tác và giữ chức vụ X", "… nhận nhiệm vụ X", "… đảm nhiệm cương vị X", "… đảm nhận chức vụ X",
"… được giao trọng trách mới là X", "… được giao nhiệm vụ phụ trách Tư lệnh X". The phrase must follow the name and his posts directly, or
"được": "Thượng tướng A trao quyết định bổ nhiệm giữ chức X cho B" is B's post, not A's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from vnpress.entities.officers.phrases import PhraseKind, phrases
from vnpress.entities.officers.position import Position
from vnpress.text.vocab import CLAUSE_ENDS

if TYPE_CHECKING:
    from vnpress.entities.matcher import Token
    from vnpress.entities.units.parser import UnitParser


class OfficerFinder(Protocol):
    """What is read here of :class:`vnpress.entities.officers.finder.OfficerFinder`, which calls it
    (a protocol, so that the finder can import this module and not the other way round)."""

    t: list[Token]
    n: int
    p: UnitParser

    def parse_positions(self, k: int) -> tuple[list[Position], int]: ...


# the words that lead to the post, longest first (vnpress/data/officer_phrases.tsv)
_APPOINTED = phrases(PhraseKind.APPOINTMENT)
_FIRST = frozenset(p[0] for p in _APPOINTED)
_WINDOW = 12  # tokens after his posts in which the phrase may come
# words of a transfer between his posts and the phrase: "… Giám đốc Công an tỉnh A đến nhận công tác
# và giữ chức vụ …", "… đến nhận chức vụ …"
_TRANSFER = (("đến", "nhận", "công", "tác", "và"), ("về", "nhận", "công", "tác", "và"), ("đến",), ("về",))
# after "làm", a delegation's roles are no posts he is given ("… do Thiếu tướng A, Phó Tư lệnh … làm
# Trưởng đoàn"), nor is a post without its body
_DELEGATION = ("Trưởng đoàn", "Phó Trưởng đoàn")


def appointed_posts(f: OfficerFinder, k: int) -> list[Position]:
    """The posts an officer whose mention ends at token ``k`` is appointed to, or none."""
    t, n, ranks = f.t, f.n, f.p.ranks
    for j in range(k, min(k + _WINDOW, n - 1)):
        if t[j].fold in CLAUSE_ENDS or ranks.longest(t, j) is not None:
            break  # his sentence, or the next officer, begins
        if t[j].fold not in _FIRST:
            continue
        phrase = next((p for p in _APPOINTED if tuple(x.fold for x in t[j : j + len(p)]) == p), None)
        if phrase is None:
            continue
        between = [tok.fold for tok in t[k:j]]  # nothing but a comma or dash after his posts, or "được"
        for words in _TRANSFER:
            if tuple(between[-len(words) :]) == words:
                between = between[: -len(words)]
                break
        if not (all(tok in (",", "-") for tok in between) or "được" in between):
            break  # "Thượng tướng A trao quyết định bổ nhiệm giữ chức … cho B"
        e = j + len(phrase)
        if e < n and t[e].fold == "vụ":  # "giữ chức vụ"
            e += 1
        if e + 1 < n and t[e].fold == "mới" and t[e + 1].fold == "là":  # "cương vị mới là"
            e += 2
        if e < n and t[e].fold == ":":
            e += 1
        posts = f.parse_positions(e)[0]
        if phrase == ("làm",) and posts and (posts[0].post in _DELEGATION or not posts[0].unit_text):
            return []  # "… làm Trưởng ban chỉ đạo cuộc diễn tập": a role, no post of a body
        return posts
    return []
