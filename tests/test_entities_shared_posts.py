"""Posts shared before a colon, posts of an event's committee, and apposition inside apposition.

Our own sentences in the style of army press reports of a ceremony's guests.
"""

from __future__ import annotations

from entity_views import posts, units


def test_a_shared_post_reaches_items_that_carry_only_memberships():
    text = (
        "Dự buổi lễ có các đồng chí Phó Chủ nhiệm Tổng cục Chính trị: Trung tướng Hà Văn Khải - Ủy "
        "viên Trung ương Đảng, Trung tướng Lò Văn Páo - Ủy viên Trung ương Đảng, Thiếu tướng Lâm "
        "Văn Út và Thiếu tướng Đào Thị Mận."
    )
    shared = "Phó Chủ nhiệm Tổng cục Chính trị"
    assert posts(text) == {
        "Hà Văn Khải": [shared, "Ủy viên Trung ương Đảng"],
        "Lò Văn Páo": [shared, "Ủy viên Trung ương Đảng"],
        "Lâm Văn Út": [shared],
        "Đào Thị Mận": [shared],
    }


def test_a_shared_post_goes_on_across_semicolons_until_an_officer_states_an_office_of_his_own():
    text = (
        "Hội thao có sự theo dõi của các đồng chí Phó Tư lệnh Quân khu 1: Thiếu tướng Hà Văn Khải - "
        "Đại biểu Quốc hội, Trưởng ban tổ chức hội thao; Thiếu tướng Lò Văn Páo; Đại tá Lâm Văn Út và "
        "Đại tá Đào Văn Mận - Chủ nhiệm Hậu cần Quân khu 1, Phó Trưởng ban Thường trực Ban giám khảo."
    )
    assert posts(text) == {
        "Hà Văn Khải": [
            "Phó Tư lệnh Quân khu 1",
            "Đại biểu Quốc hội",
            "Trưởng ban tổ chức hội thao",
        ],
        "Lò Văn Páo": ["Phó Tư lệnh Quân khu 1"],
        "Lâm Văn Út": ["Phó Tư lệnh Quân khu 1"],
        "Đào Văn Mận": ["Chủ nhiệm Hậu cần Quân khu 1", "Phó Trưởng ban Thường trực Ban giám khảo"],
    }


def test_police_abbreviations_and_a_post_that_serves_another():
    text = (
        "Tới dự có Trung tướng Đinh Văn Lực, Ủy viên Đảng ủy CATW, Thứ trưởng Bộ Công an; Thiếu "
        "tướng Mai Văn Bảy, Phó Chủ nhiệm Thường trực UBKT Đảng ủy CATW; Thiếu tướng Vi Văn Tám, "
        "thư ký Tổ tư vấn giúp việc Thứ trưởng Bộ Công an, nguyên Cục trưởng Cục hồ sơ, Bộ Công an."
    )
    assert posts(text) == {
        "Đinh Văn Lực": ["Ủy viên Đảng ủy Công an Trung ương", "Thứ trưởng Bộ Công an"],
        "Mai Văn Bảy": ["Phó Chủ nhiệm Thường trực Ủy ban Kiểm tra Đảng ủy Công an Trung ương"],
        "Vi Văn Tám": [
            "Thư ký Tổ tư vấn giúp việc Thứ trưởng Bộ Công an",
            "nguyên Cục trưởng Cục hồ sơ, Bộ Công an",
        ],
    }


def test_police_bodies_by_their_abbreviations():
    text = (
        "Năm 1959, lực lượng Công an Biên phòng được tổ chức lại trong Công an nhân dân vũ trang "
        "(CANDVT). Nay Tổng cục CNQP giao nhiệm vụ; Đoàn Thanh niên CAH Mường Tè ra quân; giảng viên "
        "Học viện Chính trị Công an nhân dân lên lớp."
    )
    got = set(units(text))
    assert got >= {
        "Học viện Chính trị Công an nhân dân",
        "Công an Biên phòng",
        "Công an nhân dân vũ trang",
        "Công an huyện Mường Tè",
        "Tổng cục Công nghiệp quốc phòng",
    }
    assert "Công an nhân dân" not in got


def test_a_party_post_of_his_own_does_not_stop_the_shared_one():
    text = (
        "Kiểm tra có các đồng chí Phó Chủ nhiệm Tổng cục Hậu cần: Thiếu tướng Hà Văn Khải, Thiếu "
        "tướng Lò Văn Páo và Thiếu tướng Lâm Văn Út – Bí thư Đảng ủy cơ quan Tổng cục Hậu cần."
    )
    shared = "Phó Chủ nhiệm Tổng cục Hậu cần"
    assert posts(text) == {
        "Hà Văn Khải": [shared],
        "Lò Văn Páo": [shared],
        "Lâm Văn Út": [shared, "Bí thư Đảng ủy cơ quan Tổng cục Hậu cần"],
    }
    assert "Đảng ủy cơ quan Tổng cục Hậu cần" in units(text)


def test_an_officer_nested_in_anothers_apposition():
    text = (
        "Theo quyết định, Đại tá Bùi Văn Ất, Thư ký Thượng tướng Trịnh Văn Bính, Ủy viên Trung ương "
        "Đảng, Thứ trưởng Bộ Công an, kiêm Phó Chánh Thanh tra Bộ Công an, được điều về giữ chức Giám "
        "đốc Công an tỉnh Hòa Bình."
    )
    assert posts(text) == {
        "Bùi Văn Ất": [
            "Thư ký Thứ trưởng Bộ Công an",
            "Phó Chánh Thanh tra Bộ Công an",
            "Giám đốc Công an tỉnh Hòa Bình",
        ],
        "Trịnh Văn Bính": ["Ủy viên Trung ương Đảng", "Thứ trưởng Bộ Công an"],
    }


def test_a_post_before_hien_nay_la_and_the_rank():
    text = "Chính ủy Quân khu 5 hiện nay là Trung tướng Đoàn Văn Năm."
    assert posts(text) == {"Đoàn Văn Năm": ["Chính ủy Quân khu 5"]}


def test_an_unknown_abbreviation_after_a_bare_organ_does_not_end_the_list():
    text = "Trung tướng Vũ Văn Sáu, Phó Bí thư Đảng ủy BTLTĐ, Tư lệnh Bộ Tư lệnh Thủ đô Hà Nội dự."
    assert posts(text) == {"Vũ Văn Sáu": ["Phó Bí thư Đảng ủy BTLTĐ", "Tư lệnh Bộ Tư lệnh Thủ đô Hà Nội"]}
