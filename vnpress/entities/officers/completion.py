"""Posts completed with the unit of the next post in their list.

"Bí thư Đảng ủy, Chính ủy Quân khu 7" gives "Bí thư Đảng ủy Quân khu 7": a post without its unit, or
with a bare one ("Đảng ủy", "Đảng ủy Quân sự"), takes the unit of the next post that has one. A
party post (Bí thư, Phó Bí thư, Ủy viên Thường vụ) taking a military command's unit belongs to that
command's party committee: "Phó Bí thư Thường trực, Chính ủy Bộ CHQS tỉnh X" is "Phó Bí thư Thường
trực Đảng ủy Quân sự tỉnh X", "Bí thư, Chính ủy Quân khu 7" is "Bí thư Đảng ủy Quân khu 7".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vnpress.entities.officers.position import Position
    from vnpress.entities.units.parser import Node

_PARTY_POSTS = ("Bí thư", "Phó Bí thư", "Ủy viên Thường vụ", "Ủy viên Ban Thường vụ")
# military commands and formations, whose party committee is "Đảng ủy" + their name
_COMMANDS = (
    "Bộ Chỉ huy",
    "Ban Chỉ huy",
    "Bộ Tư lệnh",
    "Bộ Tổng Tham mưu",
    "Quân khu",
    "Quân đoàn",
    "Quân chủng",
    "Binh chủng",
    "Sư đoàn",
    "Lữ đoàn",
    "Trung đoàn",
    "Tiểu đoàn",
    "Vùng",
    "Học viện",
    "Trường",
    "Bệnh viện",
    "Bộ đội Biên phòng",
    "Cảnh sát biển",
)
# a command whose committee has a name of its own
_COMMITTEES = (
    ("Bộ Chỉ huy Quân sự", "Đảng ủy Quân sự"),
    ("Ban Chỉ huy Quân sự", "Đảng ủy Quân sự"),
    ("Bộ Chỉ huy Bộ đội Biên phòng", "Đảng ủy Bộ đội Biên phòng"),
)


def party_committee(command: str) -> str:
    """The party committee of a command: "Bộ Chỉ huy Quân sự tỉnh X" → "Đảng ủy Quân sự tỉnh X",
    "Quân khu 7" → "Đảng ủy Quân khu 7"."""
    for head, committee in _COMMITTEES:
        if command.startswith(head):
            return committee + command[len(head) :]
    return f"Đảng ủy {command}"


def complete(positions: list[Position]) -> None:
    """A post whose unit is missing or bare takes the unit of the next post that has one."""
    carry: Node | None = None
    carry_text = ""
    for p in reversed(positions):
        unit = p.unit
        if unit is not None and (unit.complete or unit.open_head) and not unit.skip:
            carry, carry_text = unit, p.unit_text
            continue
        if unit is None and p.unit_text:  # a name read as capitalised words ("Học viện", "Ban Tổ chức")
            carry, carry_text = None, p.unit_text
            continue
        if not carry_text or p.whole:
            continue
        if unit is None and not p.unit_text:
            if carry is not None and carry.party_organ and carry.children:
                p.unit_text = carry.children[0].canonical
            elif p.post.startswith(_PARTY_POSTS) and carry_text.startswith(_COMMANDS):
                p.unit_text = party_committee(carry_text)  # "Phó Bí thư Thường trực, Chính ủy Bộ CHQS …"
            else:
                p.unit_text = carry_text
        elif unit is not None and not unit.complete and not unit.skip and unit.open_head is None:
            if unit.needs_place and carry is not None and carry.place:
                p.unit_text = f"{unit.canonical} {carry.place}"  # "Đảng ủy Quân sự, … Bộ CHQS Vĩnh Long"
            elif carry is not None and carry.party_organ and unit.party_organ:
                p.unit_text = carry_text
            elif unit.canonical == "Đảng ủy" and carry_text.startswith(_COMMANDS):
                p.unit_text = party_committee(carry_text)  # "Bí thư Đảng ủy, Chỉ huy trưởng Bộ CHQS …"
            else:
                p.unit_text = f"{unit.canonical} {carry_text}"
