"""Officers: rank, name as written, posts completed with their unit; what is not an officer."""

from __future__ import annotations

import pytest
from entity_views import officers

from vnpress.entities import extract_entities


def ranks(text: str) -> list[tuple[str, str | None]]:
    return [(m.canonical, m.fields["service"]) for m in extract_entities(text) if m.type == "rank"]


def test_posts_take_the_unit_of_the_next_post():
    assert officers("Trung tướng Trần Hoài Trung, Bí thư Đảng ủy, Chính ủy Quân khu 7 chủ trì hội nghị.") == [
        ("Trần Hoài Trung", "Trung tướng", ["Bí thư Đảng ủy Quân khu 7", "Chính ủy Quân khu 7"])
    ]


def test_unnumbered_quan_khu_in_posts_resolves_to_the_article_one():
    text = "Lực lượng vũ trang Quân khu 7.\nTrung tướng Trần Hoài Trung, Bí thư Đảng ủy, Chính ủy Quân khu trao thưởng."
    assert officers(text) == [
        ("Trần Hoài Trung", "Trung tướng", ["Bí thư Đảng ủy Quân khu 7", "Chính ủy Quân khu 7"])
    ]


def test_kiem_joins_two_posts():
    assert officers("Đại tá Đỗ Văn Bình, Phó Tư lệnh kiêm Tham mưu trưởng Quân đoàn 12 phát biểu.") == [
        ("Đỗ Văn Bình", "Đại tá", ["Phó Tư lệnh Quân đoàn 12", "Tham mưu trưởng Quân đoàn 12"])
    ]


def test_posts_before_a_colon_are_shared_until_the_semicolon():
    text = (
        "Dự có các đồng chí Ủy viên Trung ương Đảng, Phó Chủ nhiệm Tổng cục Chính trị Quân đội nhân dân Việt Nam: "
        "Thượng tướng Trịnh Văn Quyết, Trung tướng Nguyễn Văn Gấu; Thượng tướng Phùng Sĩ Tấn, "
        "Phó tổng Tham mưu trưởng Quân đội nhân dân Việt Nam."
    )
    shared = ["Ủy viên Trung ương Đảng", "Phó Chủ nhiệm Tổng cục Chính trị Quân đội nhân dân Việt Nam"]
    assert officers(text) == [
        ("Trịnh Văn Quyết", "Thượng tướng", shared),
        ("Nguyễn Văn Gấu", "Trung tướng", shared),
        ("Phùng Sĩ Tấn", "Thượng tướng", ["Phó Tổng Tham mưu trưởng Quân đội nhân dân Việt Nam"]),
    ]


def test_post_written_before_the_rank():
    assert officers("Chính ủy Quân khu 5, Trung tướng Nguyễn Hùng Thắng cùng dự.") == [
        ("Nguyễn Hùng Thắng", "Trung tướng", ["Chính ủy Quân khu 5"])
    ]


def test_former_posts_are_marked():
    assert officers("Thượng tướng Nguyễn Huy Hiệu, nguyên Thứ trưởng Bộ Quốc phòng dự.") == [
        ("Nguyễn Huy Hiệu", "Thượng tướng", ["nguyên Thứ trưởng Bộ Quốc phòng"])
    ]
    assert officers("Đại tá Lê Văn A, Ủy viên Trung ương Đảng, nguyên Tư lệnh Quân khu 9 phát biểu.") == [
        ("Lê Văn A", "Đại tá", ["Ủy viên Trung ương Đảng", "nguyên Tư lệnh Quân khu 9"])
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("PGS, TS, Thượng tướng Nguyễn Trọng Bình phát biểu", "Nguyễn Trọng Bình"),
        ("Thượng tướng, Viện sĩ, Tiến sĩ NGUYỄN HUY HIỆU", "Nguyễn Huy Hiệu"),
        ("Thiếu tướng, PGS.TS Lê Văn Cường cho biết", "Lê Văn Cường"),
        ("Đại tá, Anh hùng LLVT nhân dân Phạm Văn Tư kể lại", "Phạm Văn Tư"),
        ("Thượng tá QNCN Hà Văn Sáu nhận", "Hà Văn Sáu"),
    ],
)
def test_stacked_titles_are_not_part_of_the_name(text, name):
    assert [o[0] for o in officers(text)] == [name]


def test_all_caps_signature_with_posts_on_the_next_line():
    text = "PGS, TS, Thượng tướng NGUYỄN TRỌNG BÌNH\nỦy viên Trung ương Đảng, Giám đốc Học viện Chính trị\n"
    found = [m for m in extract_entities(text) if m.type == "officer"]
    assert [(m.canonical, m.fields["name"], m.fields["positions"]) for m in found] == [
        ("Nguyễn Trọng Bình", "NGUYỄN TRỌNG BÌNH", ["Ủy viên Trung ương Đảng", "Giám đốc Học viện Chính trị"])
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Tin, ảnh: TRẦN ANH MINH",
        "Các đại biểu tham dự hội nghị. Ảnh: Kim Hồng |",
        "Ảnh: Thượng úy Nguyễn Văn An",
        "Buổi lễ (Ảnh: Đại úy Trần Bình).",
        "Đồng chí Phó Chủ nhiệm Tổng cục Chính trị đánh giá cao kết quả.",
        "được thăng quân hàm Thiếu tướng năm 2020",
        "NGUYỄN BẰNG",
    ],
)
def test_not_officers(text):
    assert officers(text) == []


def test_short_later_mention_is_the_same_officer():
    text = "Đại tá Lê Tuấn Hiền chủ trì. Đại tá Hiền nhấn mạnh. Đồng chí Lê Tuấn Hiền kết luận."
    found = [m for m in extract_entities(text) if m.type == "officer"]
    assert [(m.text, m.canonical, m.fields["rank"]) for m in found] == [
        ("Đại tá Lê Tuấn Hiền", "Lê Tuấn Hiền", "Đại tá"),
        ("Đại tá Hiền", "Lê Tuấn Hiền", "Đại tá"),
        ("Lê Tuấn Hiền", "Lê Tuấn Hiền", "Đại tá"),
    ]


def test_name_stops_at_a_post_or_a_dash():
    assert officers(
        "Đại tá Lê Tuấn Hiền-Phó Bí thư Thường trực Đảng ủy Quân sự tỉnh, Chính ủy Bộ CHQS tỉnh chủ trì."
    ) == [
        (
            "Lê Tuấn Hiền",
            "Đại tá",
            ["Phó Bí thư Thường trực Đảng ủy Quân sự tỉnh", "Chính ủy Bộ Chỉ huy Quân sự tỉnh"],
        )
    ]
    assert officers("Trung tướng Trần Hoài Trung Chính ủy Quân khu 7 dự.") == [
        ("Trần Hoài Trung", "Trung tướng", ["Chính ủy Quân khu 7"])
    ]


def test_given_names_that_look_like_unit_words_stay_in_the_name():
    assert [o[0] for o in officers("Thiếu tướng Chu Văn Đoàn, Trung tá Nguyễn Văn Quân phát biểu")] == [
        "Chu Văn Đoàn",
        "Nguyễn Văn Quân",
    ]


def test_hierarchy_chain_stays_in_the_post():
    assert officers(
        "Thượng úy Phạm Quang Huy, Đại đội trưởng Đại đội 9, Tiểu đoàn 4, Trung đoàn 209 được khen."
    ) == [("Phạm Quang Huy", "Thượng úy", ["Đại đội trưởng Đại đội 9, Tiểu đoàn 4, Trung đoàn 209"])]
    # a dash may stand for the comma; two units of one level are two things, not a chain
    assert officers(
        "Đại tá Lê Xuân Bình, Sư đoàn trưởng Sư đoàn 5 - Quân khu 7 phát biểu. "
        "Thiếu tá Lê Văn An, Chính trị viên Tiểu đoàn 3 – Lữ đoàn 147 dự. Đại tá Hồ Văn Ba, Chính ủy "
        "Trung đoàn 1 - Trung đoàn 2 dự."
    ) == [
        ("Lê Xuân Bình", "Đại tá", ["Sư đoàn trưởng Sư đoàn 5 - Quân khu 7"]),
        ("Lê Văn An", "Thiếu tá", ["Chính trị viên Tiểu đoàn 3 - Lữ đoàn 147"]),
        ("Hồ Văn Ba", "Đại tá", ["Chính ủy Trung đoàn 1"]),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chuẩn Đô đốc Trần Thanh Nghiêm", [("Chuẩn Đô đốc", None)]),
        ("Chuẩn đô đốc Trần Thanh Nghiêm", [("Chuẩn Đô đốc", None)]),
        ("Phó Đô đốc Phạm Hoài Nam", [("Phó Đô đốc", None)]),
        ("Đại uý Lê Văn Tâm", [("Đại úy", None)]),
        ("Trung sĩ Vũ Đình Khoa", [("Trung sĩ", None)]),
        ("Thiếu tướng Công an Nguyễn Văn Sơn", [("Thiếu tướng", "police")]),
        ("Thiếu tướng Nguyễn Minh Khoa, Giám đốc Công an tỉnh Bắc Ninh", [("Thiếu tướng", "police")]),
        ("Trung tướng Lê Văn B, Tư lệnh Cảnh sát biển Việt Nam", [("Trung tướng", None)]),
        ("hạ sĩ quan, binh sĩ", []),
    ],
)
def test_rank_canonical_forms_and_service(text, expected):
    assert ranks(text) == expected


def test_police_officer_carries_the_service():
    found = [m for m in extract_entities("Thiếu tướng Công an Nguyễn Văn Sơn dự.") if m.type == "officer"]
    assert [(m.canonical, m.fields["rank"], m.fields["service"]) for m in found] == [
        ("Nguyễn Văn Sơn", "Thiếu tướng", "police")
    ]


def test_tone_placement_and_nfd_do_not_change_results_and_offsets_hold():
    import unicodedata

    text = "Thiếu tướng Nguyễn Mạnh Hùng, Bí thư Đảng uỷ, Chính uỷ Quân khu 3 dự."
    nfd = unicodedata.normalize("NFD", text)
    a = extract_entities(text)
    b = extract_entities(nfd)
    assert [(m.type, m.canonical) for m in a] == [(m.type, m.canonical) for m in b]
    for m in b:
        assert nfd[m.start : m.end] == m.text
    assert officers(text)[0][2] == ["Bí thư Đảng ủy Quân khu 3", "Chính ủy Quân khu 3"]


def test_photo_aside_after_the_name_is_skipped():
    assert officers("Thượng tá Lê Văn Dũng (thứ hai từ trái sang), Lữ đoàn trưởng Lữ đoàn 162 báo cáo.") == [
        ("Lê Văn Dũng", "Thượng tá", ["Lữ đoàn trưởng Lữ đoàn 162"])
    ]


def test_an_organ_takes_its_parent_after_a_comma():
    assert officers("Thiếu tá Trần Văn Đức, Trợ lý Phòng Tác chiến, Bộ Tham mưu Quân khu 4 tham gia.") == [
        ("Trần Văn Đức", "Thiếu tá", ["Trợ lý Phòng Tác chiến, Bộ Tham mưu Quân khu 4"])
    ]


def test_unnamed_quan_chung_resolves_to_the_articles_one():
    text = "Phó Đô đốc Nguyễn Văn Bổng, Chính ủy Quân chủng Hải quân; Chuẩn đô đốc Trần Thanh Hải, Phó Tư lệnh, Tham mưu trưởng Quân chủng."
    assert officers(text) == [
        ("Nguyễn Văn Bổng", "Phó Đô đốc", ["Chính ủy Quân chủng Hải quân"]),
        (
            "Trần Thanh Hải",
            "Chuẩn Đô đốc",
            ["Phó Tư lệnh Quân chủng Hải quân", "Tham mưu trưởng Quân chủng Hải quân"],
        ),
    ]


def test_post_before_the_rank_without_a_comma():
    assert officers("Tư lệnh Vùng 2 Hải quân Chuẩn Đô đốc Phạm Văn Lâm kiểm tra huấn luyện.") == [
        ("Phạm Văn Lâm", "Chuẩn Đô đốc", ["Tư lệnh Vùng 2 Hải quân"])
    ]


def test_ranked_byline_is_not_an_officer():
    assert officers("Bài và ảnh: Thượng úy TRẦN VĂN HÙNG") == []


def test_honorary_title_among_the_posts_is_skipped_and_the_list_goes_on():
    assert officers("Đại tá Nguyễn Văn A, Anh hùng LLVT nhân dân, nguyên Chính ủy Sư đoàn 312 kể lại.") == [
        ("Nguyễn Văn A", "Đại tá", ["nguyên Chính ủy Sư đoàn 312"])
    ]


def test_term_of_a_post_is_kept():
    assert officers("Trung tướng Lê Văn B, Tư lệnh Quân khu 1, Đại biểu Quốc hội khóa XV phát biểu.") == [
        ("Lê Văn B", "Trung tướng", ["Tư lệnh Quân khu 1", "Đại biểu Quốc hội khóa XV"])
    ]


def test_a_bare_post_takes_the_unit_after_its_comma():
    assert officers(
        "Đại tá Phạm Ngọc Tuấn, Phó Chủ nhiệm Chính trị, Bộ Tư lệnh Thủ đô Hà Nội phát biểu."
    ) == [("Phạm Ngọc Tuấn", "Đại tá", ["Phó Chủ nhiệm Chính trị Bộ Tư lệnh Thủ đô Hà Nội"])]


def test_hien_la_leads_into_the_posts():
    assert officers("Đại tá Nguyễn Văn A, hiện là Chính ủy Sư đoàn 5, kể lại.") == [
        ("Nguyễn Văn A", "Đại tá", ["Chính ủy Sư đoàn 5"])
    ]


def test_posts_complete_in_themselves_take_no_unit_from_the_next():
    text = "Đại tướng Chansamone Chanyalath, Phó Thủ tướng, Bộ trưởng Bộ Quốc phòng Lào và Thượng tướng Nguyễn Tân Cương, Tổng Tham mưu trưởng, Thứ trưởng Bộ Quốc phòng."
    assert officers(text) == [
        ("Chansamone Chanyalath", "Đại tướng", ["Phó Thủ tướng", "Bộ trưởng Bộ Quốc phòng Lào"]),
        ("Nguyễn Tân Cương", "Thượng tướng", ["Tổng Tham mưu trưởng", "Thứ trưởng Bộ Quốc phòng"]),
    ]


def test_a_post_between_rank_and_name_takes_the_articles_one_unit_of_its_kind():
    text = (
        "Đồn Biên phòng Pa Lâm tổ chức giao ban. Trung tá Đồn trưởng Nguyễn Hữu Vịnh bảo anh em chuẩn bị. "
        "Lữ đoàn 99 cử đoàn dự; Đại tá Chính ủy Lê Văn Ân phát biểu, Thiếu tá Phó Đồn trưởng Trần Bảo ghi chép."
    )
    assert officers(text) == [
        ("Nguyễn Hữu Vịnh", "Trung tá", ["Đồn trưởng Đồn Biên phòng Pa Lâm"]),
        ("Lê Văn Ân", "Đại tá", ["Chính ủy Lữ đoàn 99"]),
        ("Trần Bảo", "Thiếu tá", ["Phó Đồn trưởng Đồn Biên phòng Pa Lâm"]),
    ]
