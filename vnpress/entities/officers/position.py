"""A post as an article states it: the post, its unit, and whether it is former.

Its own module, below :mod:`.posts` (which parses them) and :mod:`.completion` (which completes a
list of them), so that neither needs the other's types.
"""

from __future__ import annotations

from dataclasses import dataclass

from vnpress.entities.units.parser import Node


@dataclass
class Position:
    post: str
    unit: Node | None
    unit_text: str  # the unit as reported in the post (may be completed later)
    former: bool = False
    whole: bool = False  # a post complete in itself ("Phó Thủ tướng"): never completed with a unit
    kinds: tuple[str, ...] = ()  # the unit kinds its head implies (posts.tsv flag of=): "Đồn trưởng" → Đồn

    @property
    def text(self) -> str:
        return self.render(lambda unit: unit)

    def render(self, resolve, own=None) -> str:
        """The post as reported, its unit passed through ``resolve`` (the article's own numbering); a
        post written without its unit takes ``own(kinds)``, the article's one unit of its kinds."""
        unit = resolve(self.unit_text) if self.unit_text else (own(self.kinds) if own and self.kinds else "")
        body = f"{self.post} {unit}" if unit else self.post
        return f"nguyên {body}" if self.former else body
