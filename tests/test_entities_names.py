"""Names of bodies that run on in lower case, and the posts that carry them.

Our own sentences, one per phenomenon: "Cục Dân quân tự vệ", "Phòng Kế hoạch tổng hợp", "Trường Sĩ
quan Tăng thiết giáp", "Viện Lịch sử và Văn hóa quân sự Việt Nam" are whole names; a verb after
a name ("… tổ chức", "… tuyển sinh.") is not part of it.
"""

from __future__ import annotations

import pytest
from entity_views import units

from vnpress.entities import extract_entities


def posts(text: str) -> dict[str, list[str]]:
    """Posts per officer; an officer given no post is left out."""
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
            "Sách mới của Viện Lịch sử và Văn hóa quân sự Việt Nam ra mắt bạn đọc.",
            ["Viện Lịch sử và Văn hóa quân sự Việt Nam"],
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
            "Đại tá Hồ Minh Quân, Tổng Biên tập Tạp chí Khoa học và Kỹ thuật quân sự, phát biểu.",
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
            "Đại tá Trịnh Văn Long, Trưởng phòng Dân quân tự vệ, Bộ Tham mưu Quân khu 2 kiểm tra.",
            ["Trưởng phòng Dân quân tự vệ, Bộ Tham mưu Quân khu 2"],
        ),
        (
            "Thượng tá Vũ Văn Hà, Phó Trưởng phòng Kế hoạch tổng hợp, Cục Hậu cần, Quân khu 4 báo cáo.",
            ["Phó Trưởng phòng Kế hoạch tổng hợp, Cục Hậu cần, Quân khu 4"],
        ),
        (
            "Đại tá Phan Hữu Nam, nguyên Cục trưởng Cục Quân huấn, Bộ Tổng Tham mưu kể lại.",
            ["nguyên Cục trưởng Cục Quân huấn, Bộ Tổng Tham mưu"],
        ),
        (  # a list of bodies, not a parent: the second Cục is a sibling
            "Đại tá Đặng Văn Tư, Cục trưởng Cục Quân huấn, Cục Tác chiến cũng dự.",
            ["Cục trưởng Cục Quân huấn"],
        ),
    ],
)
def test_a_post_goes_on_through_its_parents_after_commas(text, expected):
    assert list(posts(text).values()) == [expected]


def test_a_bare_academy_or_school_in_a_post_is_the_articles_one():
    text = (
        "Học viện Hậu cần khai giảng năm học mới. Đại tá Lưu Văn Tiến, Bí thư Đảng ủy, Chính ủy "
        "Học viện phát biểu. Trường Sĩ quan Pháo binh cũng cử đoàn dự; Thượng tá Võ Văn Hòa, Chính "
        "ủy Nhà trường tặng hoa."
    )
    assert posts(text) == {
        "Lưu Văn Tiến": ["Bí thư Đảng ủy Học viện Hậu cần", "Chính ủy Học viện Hậu cần"],
        "Võ Văn Hòa": ["Chính ủy Trường Sĩ quan Pháo binh"],
    }


def test_a_bare_academy_stays_bare_when_the_article_names_two():
    text = "Học viện Hậu cần và Học viện Hải quân ký kết. Đại tá Lưu Văn Tiến, Chính ủy Học viện phát biểu."
    assert posts(text) == {"Lưu Văn Tiến": ["Chính ủy Học viện"]}


def test_an_open_formation_in_a_post_takes_the_fuller_of_two_names():
    text = (
        "Vùng 2 Hải quân trao quà cho ngư dân; các cháu do Vùng 2 nhận đỡ đầu. Thượng tá Đinh Văn "
        "Sáu, Phó Chính ủy Vùng phát biểu."
    )
    assert posts(text) == {"Đinh Văn Sáu": ["Phó Chính ủy Vùng 2 Hải quân"]}


def test_one_body_named_two_ways_gets_one_canonical():
    text = (
        "Vùng 2 Hải quân trao quà; các cháu do Vùng 2 nhận đỡ đầu. Nhà máy Z121 sản xuất pháo hoa; "
        "công nhân Z121 làm ca đêm. BĐBP tỉnh Kiên Giang và Bộ đội Biên phòng Kiên Giang tuần tra."
    )
    got = [(m.text, m.canonical) for m in extract_entities(text) if m.type == "unit"]
    assert got == [
        ("Vùng 2 Hải quân", "Vùng 2 Hải quân"),
        ("Vùng 2", "Vùng 2 Hải quân"),
        ("Nhà máy Z121", "Nhà máy Z121"),
        ("Z121", "Nhà máy Z121"),
        ("BĐBP tỉnh Kiên Giang", "Bộ đội Biên phòng tỉnh Kiên Giang"),
        ("Bộ đội Biên phòng Kiên Giang", "Bộ đội Biên phòng tỉnh Kiên Giang"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Học viện Hậu cần tự tin, phấn khởi bước vào năm học mới.", ["Học viện Hậu cần"]),
        ("Năm học mới, Học viện Hậu cần quyết tâm nâng cao chất lượng.", ["Học viện Hậu cần"]),
        ("Trường Sĩ quan Thông tin long trọng tổ chức lễ khai giảng.", ["Trường Sĩ quan Thông tin"]),
        ("Học viện Hải quân vinh dự đón nhận Huân chương.", ["Học viện Hải quân"]),
        ("Sư đoàn Phòng không 375 diễn tập bắn đạn thật.", ["Sư đoàn Phòng không 375"]),
        ("Huyện hoàn thiện Sở Chỉ huy hiệp đồng khu vực biên giới.", []),
        ("Cán bộ Học viện Biên phòng tuần tra khu vực biên giới.", ["Học viện Biên phòng"]),
    ],
)
def test_lowercase_words_after_a_name_that_are_the_sentence(text, expected):
    assert units(text) == expected


def test_local_bodies_listed_before_one_place_share_it():
    text = (
        "Thay mặt Huyện ủy, Hội đồng nhân dân, Ủy ban nhân dân, Ủy ban Mặt trận Tổ quốc huyện Tiên "
        "Yên tặng quà. Đại diện Thành ủy - HĐND - UBND - Ủy ban MTTQ Việt Nam TP Cần Thơ đến chúc mừng."
    )
    assert units(text) == [
        "Huyện ủy Tiên Yên",
        "Hội đồng nhân dân huyện Tiên Yên",
        "Ủy ban nhân dân huyện Tiên Yên",
        "Ủy ban Mặt trận Tổ quốc huyện Tiên Yên",
        "Thành ủy thành phố Cần Thơ",
        "Hội đồng nhân dân thành phố Cần Thơ",
        "Ủy ban nhân dân thành phố Cần Thơ",
        "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Cần Thơ",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Phó Chủ tịch UBND tỉnh Hồ Văn Mười dự lễ.", ["Ủy ban nhân dân tỉnh"]),
        ("Bí thư Thành ủy TPHCM Đặng Văn Một phát biểu.", ["Thành ủy thành phố Hồ Chí Minh"]),
        ("Chủ tịch UBND huyện Châu Thành Nguyễn Văn Hai dự.", ["Ủy ban nhân dân huyện Châu Thành"]),
        ("Bí thư Tỉnh ủy Lê Văn Tư dự.", ["Tỉnh ủy"]),
        ("Tỉnh ủy Hà Giang chỉ đạo.", ["Tỉnh ủy Hà Giang"]),
        (
            "UBND tỉnh Hà Giang và UBND thành phố Hà Nội ký kết.",
            [
                "Ủy ban nhân dân tỉnh Hà Giang",
                "Ủy ban nhân dân thành phố Hà Nội",
            ],
        ),
    ],
)
def test_a_place_stops_before_a_persons_name(text, expected):
    assert units(text) == expected


def test_a_unit_in_lower_case_after_a_post_or_a_command():
    text = (
        "Đoàn công tác Bộ Tư lệnh binh chủng hóa học do Đại tá Tô Văn Bảy - Phó Tham mưu trưởng "
        "binh chủng hóa học làm trưởng đoàn. Thời đó, Vùng 5 Hải quân chịu sự chỉ huy của Bộ Tư lệnh Hải quân."
    )
    assert posts(text) == {"Tô Văn Bảy": ["Phó Tham mưu trưởng Binh chủng Hóa học"]}
    assert units(text) == [
        "Bộ Tư lệnh Binh chủng Hóa học",
        "Binh chủng Hóa học",
        "Vùng 5 Hải quân",
        "Bộ Tư lệnh Hải quân",
    ]


def test_a_bare_place_word_is_not_shared():
    assert units("Thường trực Tỉnh ủy, UBND tỉnh và Bộ CHQS tỉnh Gia Lai dự.") == [
        "Tỉnh ủy",
        "Ủy ban nhân dân tỉnh",
        "Bộ Chỉ huy Quân sự tỉnh Gia Lai",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Đoàn học viên sang Học viện Tham mưu Liên bang (LB) Nga học tập.",
            ["Học viện Tham mưu Liên bang Nga"],
        ),
        (
            "Tàu nước ngoài được Ban Chỉ huy Biên phòng cửa khẩu cảng Thành phố Đà Nẵng kiểm tra.",
            ["Ban Chỉ huy Biên phòng cửa khẩu cảng thành phố Đà Nẵng"],
        ),
        (
            "Ban Chỉ huy Biên phòng Cửa khẩu cảng Hải Phòng kiểm tra.",
            ["Ban Chỉ huy Biên phòng cửa khẩu cảng Hải Phòng"],
        ),
    ],
)
def test_acronym_glosses_and_port_border_commands(text, expected):
    assert units(text) == expected


def test_nha_truong_in_lower_case_is_the_articles_school():
    text = "Trường Sĩ quan Đặc công khai giảng. Thiếu tướng Mạc Văn Ba, Hiệu trưởng nhà trường dự."
    assert posts(text) == {"Mạc Văn Ba": ["Hiệu trưởng Trường Sĩ quan Đặc công"]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Học viện Quân y giành giải nhất, Học viện Hậu cần giành giải nhì.",
            ["Học viện Quân y", "Học viện Hậu cần"],
        ),
        ("Cán bộ Trường Sĩ quan Chính trị hướng dẫn nhân dân gặt lúa.", ["Trường Sĩ quan Chính trị"]),
        ("Viện Khoa học và Công nghệ quân sự hợp tác với đối tác.", ["Viện Khoa học và Công nghệ quân sự"]),
        ("Lãnh đạo Cục Dân quân tự vệ.", ["Cục Dân quân tự vệ"]),
    ],
)
def test_several_lowercase_syllables_must_be_parts_of_names(text, expected):
    assert units(text) == expected


def test_a_party_committee_listed_before_a_command_does_not_take_its_place():
    assert units("Đảng ủy, Bộ Chỉ huy Quân sự tỉnh Nghệ An lãnh đạo tốt nhiệm vụ.") == [
        "Bộ Chỉ huy Quân sự tỉnh Nghệ An"
    ]


def test_a_post_without_its_unit_takes_the_articles_one_unit_of_its_kind():
    text = (
        "Đồn Biên phòng Cửa khẩu Nam Giang tổ chức giao ban. Thiếu tá Trịnh Văn Lộc, Phó Đồn trưởng "
        "báo cáo. Tiểu đoàn 25 cũng cử người dự; Đại úy Mai Văn Khởi, Tiểu đoàn trưởng phát biểu."
    )
    assert posts(text) == {
        "Trịnh Văn Lộc": ["Phó Đồn trưởng Đồn Biên phòng cửa khẩu Nam Giang"],
        "Mai Văn Khởi": ["Tiểu đoàn trưởng Tiểu đoàn 25"],
    }


def test_a_post_without_its_unit_stays_bare_when_the_article_names_two_of_its_kind():
    text = "Tiểu đoàn 25 và Tiểu đoàn 26 thi đấu. Đại úy Mai Văn Khởi, Tiểu đoàn trưởng phát biểu."
    assert posts(text) == {"Mai Văn Khởi": ["Tiểu đoàn trưởng"]}


def test_a_bare_factory_after_its_director_is_the_articles_one_factory():
    text = "Nhà máy Z199 đón đoàn công tác. Đại tá Hồ Văn Tám, Giám đốc Nhà máy báo cáo kết quả."
    assert posts(text) == {"Hồ Văn Tám": ["Giám đốc Nhà máy Z199"]}


def test_a_verb_after_a_post_and_its_unit_is_not_the_units_name():
    text = "Trung tướng Lê Văn Bình, Giám đốc Học viện Hậu cần dự và chủ trì buổi lễ."
    assert posts(text) == {"Lê Văn Bình": ["Giám đốc Học viện Hậu cần"]}
    assert units(text) == ["Học viện Hậu cần"]


def test_giu_chuc_inside_a_post_starts_the_new_post():
    text = "Đại tá Hà Văn Sơn, Phó Trưởng phòng Bảo vệ - An ninh giữ chức Chính ủy Lữ đoàn 12."
    assert posts(text) == {"Hà Văn Sơn": ["Phó Trưởng phòng Bảo vệ - An ninh", "Chính ủy Lữ đoàn 12"]}


def test_abbreviated_posts_and_units_read_in_full():
    text = (
        "Đại tá Lê Văn Nam, Phó Chủ nhiệm Chính trị Bệnh viện TƯQĐ 108 phát biểu. Thiếu tá Hồ Văn Lâm, "
        "Đồn trưởng ĐBP Mường Khoa báo cáo."
    )
    assert posts(text) == {
        "Lê Văn Nam": ["Phó Chủ nhiệm Chính trị Bệnh viện Trung ương Quân đội 108"],
        "Hồ Văn Lâm": ["Đồn trưởng Đồn Biên phòng Mường Khoa"],
    }
    assert units(text) == ["Bệnh viện Trung ương Quân đội 108", "Đồn Biên phòng Mường Khoa"]


def test_the_police_personnel_department_is_named_whole():
    text = "Trung tướng Đỗ Văn Khang, Cục trưởng Cục Tổ chức cán bộ đã công bố quyết định."
    assert posts(text) == {"Đỗ Văn Khang": ["Cục trưởng Cục Tổ chức cán bộ"]}
    assert units(text) == ["Cục Tổ chức cán bộ"]


def test_tvtu_is_the_provincial_standing_committee():
    text = "Tới dự có Đại tá Lê Văn Thành, TVTU, Chỉ huy trưởng Bộ Chỉ huy quân sự tỉnh."
    assert posts(text) == {"Lê Văn Thành": ["Thường vụ Tỉnh ủy", "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh"]}


def test_the_provincial_party_executive_committee_keeps_its_place():
    text = "Đại tá Lê Văn Thành, Ủy viên Ban Chấp hành Đảng bộ tỉnh, Chính ủy Bộ Chỉ huy Quân sự tỉnh, được điều động."
    assert posts(text) == {
        "Lê Văn Thành": ["Ủy viên Ban Chấp hành Đảng bộ tỉnh", "Chính ủy Bộ Chỉ huy Quân sự tỉnh"]
    }


def test_tan_before_a_post_marks_the_new_holder():
    text = "Thiếu tướng Lê Văn An - nguyên Tư lệnh Quân khu 3 bàn giao cho Thiếu tướng Hồ Văn Bình - tân Tư lệnh Quân khu 3."
    assert posts(text) == {"Lê Văn An": ["nguyên Tư lệnh Quân khu 3"], "Hồ Văn Bình": ["Tư lệnh Quân khu 3"]}
    assert posts("Đại tá Lê Văn Tân, Chính ủy Lữ đoàn 5 dự.") == {"Lê Văn Tân": ["Chính ủy Lữ đoàn 5"]}


def test_a_section_named_by_its_words_takes_its_office_after_a_comma():
    text = "Thượng tá Hồ Văn Phú, Trợ lý Cơ sở Đảng, Phòng Tổ chức giữ chức Phó Chính ủy Lữ đoàn 12."
    assert posts(text) == {"Hồ Văn Phú": ["Trợ lý Cơ sở Đảng, Phòng Tổ chức", "Phó Chính ủy Lữ đoàn 12"]}


def test_posts_after_a_birth_clause_written_right_after_the_name():
    text = (
        "Thượng tướng Lê Văn Khải sinh năm 1963, quê quán Nam Định là Ủy viên Trung ương Đảng, Phó Bí thư "
        "Đảng ủy Công an Trung ương. Đại tá Hồ Văn Lợi sinh năm 1970 tại Huế."
    )
    assert posts(text) == {
        "Lê Văn Khải": ["Ủy viên Trung ương Đảng", "Phó Bí thư Đảng ủy Công an Trung ương"],
    }


def test_a_post_before_la_ong_is_each_named_officers():
    text = (
        "Chủ tịch nước trao quyết định cho hai Thứ trưởng Bộ Công an là ông Lê Văn Khải và ông Hồ Văn Lợi. "
        "Thượng tướng Lê Văn Khải phát biểu. Thượng tướng Hồ Văn Lợi cũng dự."
    )
    assert posts(text) == {"Lê Văn Khải": ["Thứ trưởng Bộ Công an"], "Hồ Văn Lợi": ["Thứ trưởng Bộ Công an"]}


def test_local_bodies_listed_before_a_bare_province_share_it():
    text = "Nhờ sự chỉ đạo của Tỉnh ủy, HĐND, UBND tỉnh, Ủy ban MTTQ và các cấp."
    assert units(text) == ["Tỉnh ủy", "Hội đồng nhân dân tỉnh", "Ủy ban nhân dân tỉnh"]


def test_a_hyphenated_transliterated_name_is_kept_whole():
    found = [
        (m.canonical, m.text)
        for m in extract_entities(
            "Đoàn do Thiếu tướng Xổm-phết Phôm-ma-chăn dẫn đầu. Đại tá Lê Văn Hùng-Chính ủy dự."
        )
        if m.type == "officer"
    ]
    assert found == [
        ("Xổm-phết Phôm-ma-chăn", "Thiếu tướng Xổm-phết Phôm-ma-chăn"),
        ("Lê Văn Hùng", "Đại tá Lê Văn Hùng"),
    ]


def test_an_exercise_steering_committee_takes_its_place():
    text = "Đại tá Lê Văn Thành, Phó Trưởng ban Thường trực Ban Chỉ đạo diễn tập tỉnh chủ trì hội nghị."
    assert posts(text) == {"Lê Văn Thành": ["Phó Trưởng ban Thường trực Ban Chỉ đạo diễn tập tỉnh"]}


def test_heads_without_their_unit_take_the_articles_one_unit_of_their_kind():
    text = (
        "Nhà máy Z199 và Bộ Chỉ huy Quân sự tỉnh Lạng Phong phối hợp. Đại tá Hồ Văn Tám, Giám đốc phát biểu; "
        "Đại tá Lý Văn Hào, Chỉ huy trưởng báo cáo; Thượng tá Đào Văn Khải, Phó Tham mưu trưởng ghi chép; "
        "Trung tá Vi Văn Lưu, Chủ nhiệm Chính trị dự."
    )
    assert posts(text) == {
        "Hồ Văn Tám": ["Giám đốc Nhà máy Z199"],
        "Lý Văn Hào": ["Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Lạng Phong"],
        "Đào Văn Khải": ["Phó Tham mưu trưởng Bộ Chỉ huy Quân sự tỉnh Lạng Phong"],
        "Vi Văn Lưu": ["Chủ nhiệm Chính trị Bộ Chỉ huy Quân sự tỉnh Lạng Phong"],
    }


def test_heads_without_their_unit_stay_bare_when_the_article_names_two_candidates():
    text = "Cục Quân y và Cục Hậu cần phối hợp. Thiếu tướng Phan Văn Tâm, Cục trưởng phát biểu."
    assert posts(text) == {"Phan Văn Tâm": ["Cục trưởng"]}
