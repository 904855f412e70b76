"""Promotions that name several officers, and ranks that name none (issue 13's blind corpus showed
each of these): a list after "đối với các đồng chí:", names listed before "được", "được thăng từ …
lên …", a rank after a number ("2 tân thượng tướng"), and a family name inside a name."""

from __future__ import annotations

import pytest

from vnpress.entities import extract_entities


def officers(text: str) -> list[tuple[str, str, list[str]]]:
    return [
        (m.canonical, m.fields["rank"], m.fields["positions"])
        for m in extract_entities(text)
        if m.type == "officer"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chủ tịch nước công bố quyết định thăng quân hàm từ Trung tướng lên Thượng tướng đối với các đồng chí: "
            "Lê Văn Hà, Thứ trưởng Bộ Quốc phòng; Trần Quang Khải, Phó Tổng Tham mưu trưởng Quân đội nhân dân Việt Nam.",
            [
                ("Lê Văn Hà", "Thượng tướng", ["Thứ trưởng Bộ Quốc phòng"]),
                ("Trần Quang Khải", "Thượng tướng", ["Phó Tổng Tham mưu trưởng Quân đội nhân dân Việt Nam"]),
            ],
        ),
        (
            "Ba thứ trưởng Bộ Công an gồm các ông Lê Văn Hà, Trần Quang Khải và ông Phạm Văn Dũng được Chủ tịch "
            "nước thăng cấp bậc hàm thượng tướng.",
            [
                ("Lê Văn Hà", "Thượng tướng", []),
                ("Trần Quang Khải", "Thượng tướng", []),
                ("Phạm Văn Dũng", "Thượng tướng", []),
            ],
        ),
        (
            "Giám đốc Học viện Quốc phòng Trần Văn Khoa được thăng từ thiếu tướng lên trung tướng.",
            [("Trần Văn Khoa", "Trung tướng", ["Giám đốc Học viện Quốc phòng"])],
        ),
        (
            "Trung tướng Nguyễn Doãn Minh, Phó Tổng Tham mưu trưởng Quân đội nhân dân Việt Nam, được thăng quân hàm "
            "Thượng tướng.",
            [("Nguyễn Doãn Minh", "Thượng tướng", ["Phó Tổng Tham mưu trưởng Quân đội nhân dân Việt Nam"])],
        ),
        (
            "Có 2 Trung tướng được thăng lên Thượng tướng, gồm Tổng Tham mưu trưởng, Thứ trưởng Bộ Quốc phòng "
            "Lê Văn Hà, Phó Chủ nhiệm Tổng cục Chính trị Quân đội nhân dân Việt Nam Trần Quang Khải.",
            [
                ("Lê Văn Hà", "Thượng tướng", ["Thứ trưởng Bộ Quốc phòng"]),
                (
                    "Trần Quang Khải",
                    "Thượng tướng",
                    ["Phó Chủ nhiệm Tổng cục Chính trị Quân đội nhân dân Việt Nam"],
                ),
            ],
        ),
        (
            "Chủ tịch nước thăng quân hàm thượng tướng cho 3 tướng lĩnh trong đó có Bộ trưởng Công an Lê Văn Hà, "
            "Thứ trưởng Bộ Quốc phòng Trần Quang Khải.",
            [
                ("Lê Văn Hà", "Thượng tướng", ["Bộ trưởng Công an"]),
                ("Trần Quang Khải", "Thượng tướng", ["Thứ trưởng Bộ Quốc phòng"]),
            ],
        ),
        (
            "Bộ trưởng trao quyết định thăng quân hàm Thiếu tướng cho 2 sĩ quan, gồm: Đại tá Lê Văn Hà, Chính ủy Sư "
            "đoàn 2; Đại tá Trần Quang Khải, Sư đoàn trưởng.",
            [
                ("Lê Văn Hà", "Thiếu tướng", ["Chính ủy Sư đoàn 2"]),
                ("Trần Quang Khải", "Thiếu tướng", ["Sư đoàn trưởng Sư đoàn 2"]),
            ],
        ),
        ("Bộ trưởng trao quyết định thăng quân hàm cho 2 sĩ quan.", []),
        ("Chúc mừng 2 tân thượng tướng, Chủ tịch nước Trần Văn Hòa nêu rõ nhiệm vụ.", []),
        ("Các Trung tướng, Thiếu tướng của Quân khu dự hội nghị.", []),
    ],
)
def test_promotion_lists_and_counted_ranks(text, expected):
    assert officers(text) == expected
