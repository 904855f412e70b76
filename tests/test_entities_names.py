"""Names of bodies that run on in lower case, and the posts that carry them.

Our own sentences, one per phenomenon: "Cục Dân quân tự vệ", "Phòng Kế hoạch tổng hợp", "Trường Sĩ
quan Tăng thiết giáp", "Viện Chiến lược và Lịch sử quốc phòng Việt Nam" are whole names; a verb after
a name ("… tổ chức", "… tuyển sinh.") is not part of it.
"""

from __future__ import annotations

import pytest

from vnpress.entities import extract_entities


def units(text: str) -> list[str]:
    return [m.canonical for m in extract_entities(text) if m.type == "unit"]


def posts(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for m in extract_entities(text):
        if m.type == "officer":
            for p in m.fields["positions"]:
                if p not in out.setdefault(m.canonical, []):
                    out[m.canonical].append(p)
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cục Dân quân tự vệ tổ chức hội thao.", ["Cục Dân quân tự vệ"]),
        ("Trường Sĩ quan Tăng thiết giáp khai giảng năm học mới.", ["Trường Sĩ quan Tăng thiết giáp"]),
        (
            "Lãnh đạo Trường Sĩ quan Tăng thiết giáp, Binh chủng Tăng thiết giáp dự.",
            [
                "Trường Sĩ quan Tăng thiết giáp",
                "Binh chủng Tăng thiết giáp",
            ],
        ),
        (
            "Viện Bỏng Quốc gia và Bệnh viện Quân y 103 phối hợp.",
            ["Viện Bỏng Quốc gia", "Bệnh viện Quân y 103"],
        ),
        (
            "Hội thảo do Viện Chiến lược và Lịch sử quốc phòng Việt Nam chủ trì.",
            ["Viện Chiến lược và Lịch sử quốc phòng Việt Nam"],
        ),
        ("Học viện Hải quân tuyển sinh.", ["Học viện Hải quân"]),
        ("Học viện Hậu cần khai giảng khóa đào tạo mới.", ["Học viện Hậu cần"]),
        ("Đồn Biên phòng Cà Ná ký biên bản bàn giao.", ["Đồn Biên phòng Cà Ná"]),
        ("Giới thiệu Học viện Biên phòng qua các thời kỳ.", ["Học viện Biên phòng"]),
    ],
)
def test_unit_names_run_on_in_lower_case(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Trung tá Phạm Văn Bình, Trưởng ban Tổ chức, phát biểu.",
            ["Trưởng ban Tổ chức"],
        ),
        (
            "Đại tá Hồ Minh Quân, Tổng Biên tập Tạp chí Khoa học và Kỹ thuật quân sự, dự.",
            ["Tổng Biên tập Tạp chí Khoa học và Kỹ thuật quân sự"],
        ),
        (
            "Thiếu tá Lê Thị Hoa, Trưởng phòng Kế hoạch tổng hợp cho biết.",
            ["Trưởng phòng Kế hoạch tổng hợp"],
        ),
    ],
)
def test_posts_carry_the_whole_name(text, expected):
    assert list(posts(text).values()) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Đại tá Trịnh Văn Long, Phó Cục trưởng Cục Dân quân tự vệ, Bộ Tổng Tham mưu dự lễ.",
            ["Phó Cục trưởng Cục Dân quân tự vệ, Bộ Tổng Tham mưu"],
        ),
        (
            "Thượng tá Vũ Văn Hà, Trưởng phòng Kế hoạch tổng hợp, Cục Chính trị, Quân chủng Hải quân.",
            ["Trưởng phòng Kế hoạch tổng hợp, Cục Chính trị, Quân chủng Hải quân"],
        ),
        (
            "Đại tá Phan Hữu Nam, nguyên Viện trưởng Viện Chiến lược Quốc phòng, Bộ Quốc phòng.",
            ["nguyên Viện trưởng Viện Chiến lược Quốc phòng, Bộ Quốc phòng"],
        ),
        (  # a list of bodies, not a parent: the second Cục is a sibling
            "Đại tá Đặng Văn Tư, Cục trưởng Cục Quân huấn, Cục Tác chiến cũng dự.",
            ["Cục trưởng Cục Quân huấn"],
        ),
    ],
)
def test_a_post_goes_on_through_its_parents_after_commas(text, expected):
    assert list(posts(text).values()) == [expected]
