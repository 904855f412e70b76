"""What may stand between an officer's name and his posts without being a post.

A photo's aside in brackets ("(thứ hai từ trái sang)", "(bìa phải)"); his age (", 21 tuổi"); his
birth and home (", sinh năm 1990", ", quê Bắc Ninh", ", sinh năm 1990, tại thị trấn Quảng Hà, Hải
Hà, Quảng Ninh là …"): a clause that starts with "sinh", "quê", "tại" or "trú", and the places
listed after it, up to the comma or the "là" that leads to his posts. "sinh năm" may follow the name
without a comma ("Thượng tướng A sinh năm 1962, quê quán Ninh Bình là Ủy viên …").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vnpress.text.vocab import CLAUSE_ENDS

if TYPE_CHECKING:
    from vnpress.entities.officers.posts import PostParser

_BIO = frozenset({"sinh", "quê", "tại", "trú"})


def skip_aside(f: PostParser, j: int) -> int:
    """The token after the asides that follow a name at ``j`` (``j`` when there are none)."""
    t, n = f.t, f.n
    bio = False
    for _ in range(6):
        if j + 2 < n and t[j].fold == "," and t[j + 1].is_number and t[j + 2].fold == "tuổi":
            j += 3
        elif j + 2 < n and (
            t[j].fold == ","
            and (t[j + 1].fold in _BIO or bio and _place(f, j + 1))
            or not bio
            and t[j].fold == "sinh"
            and t[j + 1].fold == "năm"
            and t[j + 2].is_number
        ):  # ", sinh năm 1990", or right after the name: "Thượng tướng A sinh năm 1962, quê … là …"
            e = j + 2
            while e < n and e - j < 10 and t[e].fold not in (",", "là") and t[e].fold not in CLAUSE_ENDS:
                e += 1
            if e >= n or t[e].fold not in (",", "là"):
                break
            j, bio = e, True
            if t[e].fold == "là":  # "…, Quảng Ninh là huấn luyện viên …"
                break
        else:
            break
    if j < n and t[j].fold == "(":
        for e in range(j + 1, min(j + 10, n)):
            if t[e].fold == ")":
                inner = t[j + 1 : e]
                if inner and all(tok.is_lower or tok.is_number or tok.fold in (",", "-") for tok in inner):
                    return e + 1
                break
    return j


def _place(f: PostParser, k: int) -> bool:
    """A place after a birth or home clause ("huyện Hải Hà", "Quảng Ninh"), not a post, a rank or a
    unit."""
    tok = f.t[k]
    if f.p.places.longest(f.t, k) is not None:
        return True
    return (
        tok.is_word
        and tok.is_cap
        and not f.posts.longest(f.t, k)
        and not f.titles.longest(f.t, k)
        and not f.p.starts_unit(k)
        and f.g.trie("rank").longest(f.t, k) is None
    )
