"""Posts shared before a colon, posts of an event's committee, and apposition inside apposition.

Our own sentences in the style of army press reports of a ceremony's guests.
"""

from __future__ import annotations

from vnpress.entities import extract_entities


def posts(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for m in extract_entities(text):
        if m.type == "officer":
            got = out.setdefault(m.canonical, [])
            got += [p for p in m.fields["positions"] if p not in got]
    return out


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
        "Cùng dự có các đồng chí Phó Tổng Tham mưu trưởng: Trung tướng Hà Văn Khải - Ủy viên Trung "
        "ương Đảng, Phó Trưởng ban Thường trực Ban tổ chức; Thượng tướng Lò Văn Páo; Trung tướng Lâm "
        "Văn Út và Trung tướng Đào Văn Mận - Phó Chủ nhiệm Tổng cục Chính trị, Phó trưởng Ban tổ chức."
    )
    assert posts(text) == {
        "Hà Văn Khải": [
            "Phó Tổng Tham mưu trưởng",
            "Ủy viên Trung ương Đảng",
            "Phó Trưởng ban Thường trực Ban Tổ chức",
        ],
        "Lò Văn Páo": ["Phó Tổng Tham mưu trưởng"],
        "Lâm Văn Út": ["Phó Tổng Tham mưu trưởng"],
        "Đào Văn Mận": ["Phó Chủ nhiệm Tổng cục Chính trị", "Phó Trưởng ban tổ chức"],
    }


def test_police_abbreviations_and_a_post_that_serves_another():
    text = (
        "Dự lễ có Thượng tướng Đinh Văn Lực, Phó Bí thư Đảng ủy CATW, Thứ trưởng Bộ Công an; Thiếu "
        "tướng Mai Văn Bảy, Phó Chủ nhiệm Thường trực UBKT Đảng ủy CATW; Trung tướng Vi Văn Tám, "
        "thành viên Tổ tư vấn giúp việc Bộ trưởng Bộ Công an, nguyên Cục trưởng Cục pháp chế."
    )
    assert posts(text) == {
        "Đinh Văn Lực": ["Phó Bí thư Đảng ủy Công an Trung ương", "Thứ trưởng Bộ Công an"],
        "Mai Văn Bảy": ["Phó Chủ nhiệm Thường trực Ủy ban Kiểm tra Đảng ủy Công an Trung ương"],
        "Vi Văn Tám": [
            "Thành viên Tổ tư vấn giúp việc Bộ trưởng Bộ Công an",
            "nguyên Cục trưởng Cục pháp chế",
        ],
    }


def test_police_bodies_by_their_abbreviations():
    text = (
        "Học viện Chính trị Công an nhân dân khai giảng. Công an Biên phòng từng thuộc Công an nhân "
        "dân vũ trang (CANDVT). Đoàn Thanh niên CAH Mường Tè ra quân; Tổng cục CNQP chỉ đạo."
    )
    got = {m.canonical for m in extract_entities(text) if m.type == "unit"}
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
        "Cùng dự có các đồng chí Phó Chủ nhiệm Tổng cục Chính trị: Thượng tướng Hà Văn Khải, Trung "
        "tướng Lò Văn Páo và Trung tướng Lâm Văn Út – Bí thư Đảng ủy cơ quan Tổng cục Chính trị."
    )
    shared = "Phó Chủ nhiệm Tổng cục Chính trị"
    assert posts(text) == {
        "Hà Văn Khải": [shared],
        "Lò Văn Páo": [shared],
        "Lâm Văn Út": [shared, "Bí thư Đảng ủy cơ quan Tổng cục Chính trị"],
    }
    units = [m.canonical for m in extract_entities(text) if m.type == "unit"]
    assert "Đảng ủy cơ quan Tổng cục Chính trị" in units


def test_an_officer_nested_in_anothers_apposition():
    text = (
        "Thủ tướng bổ nhiệm Thiếu tướng Bùi Văn Ất, Trợ lý Đại tướng Trịnh Văn Bính, Ủy viên Bộ Chính "
        "trị, Bộ trưởng Bộ Quốc phòng, kiêm Phó Chánh Văn phòng Bộ Quốc phòng giữ chức Chính ủy Cảnh "
        "sát biển Việt Nam."
    )
    assert posts(text) == {
        "Bùi Văn Ất": [
            "Trợ lý Bộ trưởng Bộ Quốc phòng",
            "Phó Chánh Văn phòng Bộ Quốc phòng",
            "Chính ủy Cảnh sát biển Việt Nam",
        ],
        "Trịnh Văn Bính": ["Ủy viên Bộ Chính trị", "Bộ trưởng Bộ Quốc phòng"],
    }


def test_a_post_before_hien_nay_la_and_the_rank():
    text = "Chính ủy Quân khu 5 hiện nay là Trung tướng Đoàn Văn Năm."
    assert posts(text) == {"Đoàn Văn Năm": ["Chính ủy Quân khu 5"]}


def test_an_unknown_abbreviation_after_a_bare_organ_does_not_end_the_list():
    text = "Trung tướng Vũ Văn Sáu, Phó Bí thư Đảng ủy BTLTĐ, Tư lệnh Bộ Tư lệnh Thủ đô Hà Nội dự."
    assert posts(text) == {"Vũ Văn Sáu": ["Phó Bí thư Đảng ủy BTLTĐ", "Tư lệnh Bộ Tư lệnh Thủ đô Hà Nội"]}
