"""Units: canonical forms spell abbreviations out, keep number and place, and unify case."""

from __future__ import annotations

import pytest

from vnpress.entities import extract_entities


def units(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.canonical) for m in extract_entities(text) if m.type == "unit"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("chỉ đạo của Tổng Cục Chính trị.", [("Tổng Cục Chính trị", "Tổng cục Chính trị")]),
        (
            "Bộ tư lệnh Quân khu 7 họp.",
            [("Bộ tư lệnh Quân khu 7", "Bộ Tư lệnh Quân khu 7"), ("Quân khu 7", "Quân khu 7")],
        ),
        ("Bộ CHQS tỉnh Bến Tre tổ chức.", [("Bộ CHQS tỉnh Bến Tre", "Bộ Chỉ huy Quân sự tỉnh Bến Tre")]),
        ("QK3 online - Sáng nay", [("QK3", "Quân khu 3")]),
        (
            "Ban CHQS huyện Châu Thành",
            [("Ban CHQS huyện Châu Thành", "Ban Chỉ huy Quân sự huyện Châu Thành")],
        ),
        ("UBND tỉnh Long An", [("UBND tỉnh Long An", "Ủy ban nhân dân tỉnh Long An")]),
        ("Quân chủng PK-KQ", [("Quân chủng PK-KQ", "Quân chủng Phòng không - Không quân")]),
        ("Sư đoàn Phòng không 375", [("Sư đoàn Phòng không 375", "Sư đoàn Phòng không 375")]),
        ("Lữ đoàn Công binh 229", [("Lữ đoàn Công binh 229", "Lữ đoàn Công binh 229")]),
        ("Trường Sĩ quan Lục quân 1", [("Trường Sĩ quan Lục quân 1", "Trường Sĩ quan Lục quân 1")]),
        (
            "Học viện Kỹ thuật Quân sự tuyển sinh",
            [("Học viện Kỹ thuật Quân sự", "Học viện Kỹ thuật Quân sự")],
        ),
        ("Bệnh viện Quân y 175", [("Bệnh viện Quân y 175", "Bệnh viện Quân y 175")]),
        ("Nhà máy Z111 và Z176", [("Nhà máy Z111", "Nhà máy Z111"), ("Z176", "Z176")]),
        ("Nhà giàn DK1/10", [("Nhà giàn DK1/10", "Nhà giàn DK1/10")]),
        ("Kho T864", [("Kho T864", "Kho T864")]),
        ("Đồn Biên phòng Cà Ná tổ chức", [("Đồn Biên phòng Cà Ná", "Đồn Biên phòng Cà Ná")]),
        ("Đồn BP Ba Lạt", [("Đồn BP Ba Lạt", "Đồn Biên phòng Ba Lạt")]),
        ("Đồn BPCK Cầu Treo", [("Đồn BPCK Cầu Treo", "Đồn Biên phòng cửa khẩu Cầu Treo")]),
        (
            "Đồn Biên phòng CKQT Lao Bảo",
            [("Đồn Biên phòng CKQT Lao Bảo", "Đồn Biên phòng cửa khẩu quốc tế Lao Bảo")],
        ),
        ("Vùng Cảnh sát biển 3", [("Vùng Cảnh sát biển 3", "Vùng Cảnh sát biển 3")]),
        (
            "Cục Cảnh sát điều tra tội phạm về ma túy chủ trì",
            [("Cục Cảnh sát điều tra tội phạm về ma túy", "Cục Cảnh sát điều tra tội phạm về ma túy")],
        ),
        ("Bộ Quốc phòng Lào", [("Bộ Quốc phòng Lào", "Bộ Quốc phòng Lào")]),
        (
            "Ủy ban MTTQ Việt Nam tỉnh Bến Tre",
            [("Ủy ban MTTQ Việt Nam tỉnh Bến Tre", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bến Tre")],
        ),
        ("Bộ CHQS TP.HCM", [("Bộ CHQS TP.HCM", "Bộ Chỉ huy Quân sự thành phố Hồ Chí Minh")]),
        ("Bộ Tư lệnh TP. Hồ Chí Minh", [("Bộ Tư lệnh TP. Hồ Chí Minh", "Bộ Tư lệnh thành phố Hồ Chí Minh")]),
        (
            "Bộ Tư lệnh Cảnh sát biển VN và Bộ Tư lệnh Cảnh sát biển",
            [
                ("Bộ Tư lệnh Cảnh sát biển VN", "Bộ Tư lệnh Cảnh sát biển Việt Nam"),
                ("Bộ Tư lệnh Cảnh sát biển", "Bộ Tư lệnh Cảnh sát biển"),
            ],
        ),
        ("Quân đội nhân dân VN", [("Quân đội nhân dân VN", "Quân đội nhân dân Việt Nam")]),
        (  # the regional defence commands of 2025: a number, a dash and a name
            "Ban Chỉ huy Phòng thủ khu vực 3 - Thống Nhất và Ban CHPTKV 2 – Pleiku huấn luyện",
            [
                (
                    "Ban Chỉ huy Phòng thủ khu vực 3 - Thống Nhất",
                    "Ban Chỉ huy Phòng thủ khu vực 3 - Thống Nhất",
                ),
                ("Ban CHPTKV 2 – Pleiku", "Ban Chỉ huy Phòng thủ khu vực 2 - Pleiku"),
            ],
        ),
    ],
)
def test_canonical_forms(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize(
    "written", ["Quân ủy T.Ư", "Quân ủy TW", "Quân ủy Trung ương", "QUTW", "Quân uỷ Trung ương"]
)
def test_quan_uy_trung_uong_is_one_canonical(written):
    assert units(f"Nghị quyết của {written} về công tác") == [(written, "Quân ủy Trung ương")]


def test_bracketed_parent_completes_a_bare_organ():
    assert units("Theo Cục chính trị (Bộ Tổng Tham mưu), năm qua") == [
        ("Cục chính trị (Bộ Tổng Tham mưu)", "Cục Chính trị Bộ Tổng Tham mưu"),
        ("Bộ Tổng Tham mưu", "Bộ Tổng Tham mưu"),
    ]


def test_bracketed_chain_after_a_numbered_unit_yields_each_unit():
    assert units("Trung đoàn 209 (Sư đoàn 312, Quân đoàn 12) diễn tập") == [
        ("Trung đoàn 209", "Trung đoàn 209"),
        ("Sư đoàn 312", "Sư đoàn 312"),
        ("Quân đoàn 12", "Quân đoàn 12"),
    ]


def test_abbreviation_glossed_in_brackets_reads_through():
    assert units("Chính ủy Bộ Chỉ huy Quân sự (CHQS) tỉnh chủ trì") == [
        ("Bộ Chỉ huy Quân sự (CHQS) tỉnh", "Bộ Chỉ huy Quân sự tỉnh")
    ]


def test_unnumbered_quan_khu_resolves_only_when_the_article_names_one():
    resolved = extract_entities("Bộ Tư lệnh Quân khu 7 họp. Đảng ủy, Bộ Tư lệnh Quân khu chỉ đạo.")
    last = [m for m in resolved if m.type == "unit"][-2:]
    assert [(m.text, m.canonical, m.fields["resolved_from"]) for m in last] == [
        ("Bộ Tư lệnh Quân khu", "Bộ Tư lệnh Quân khu 7", "Bộ Tư lệnh Quân khu"),
        ("Quân khu", "Quân khu 7", "Quân khu"),
    ]
    # two numbered Quân khu: nothing to resolve to; a bare "Quân khu" is not reported alone
    two = units("Quân khu 5 và Quân khu 7 phối hợp; Bộ Tư lệnh Quân khu chỉ đạo.")
    assert two == [
        ("Quân khu 5", "Quân khu 5"),
        ("Quân khu 7", "Quân khu 7"),
        ("Bộ Tư lệnh Quân khu", "Bộ Tư lệnh Quân khu"),
    ]


def test_bare_organ_takes_the_fuller_form_the_article_uses():
    found = extract_entities("Cục Chính trị Quân khu 3 chủ trì. Cục Chính trị đề nghị …")
    bare = [m for m in found if m.type == "unit" and m.text == "Cục Chính trị"]
    assert [(m.canonical, m.fields["resolved_from"]) for m in bare] == [
        ("Cục Chính trị Quân khu 3", "Cục Chính trị")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Đảng ủy, Bộ Chỉ huy chỉ đạo các đơn vị.",  # bare organs: vague
        "Thường vụ Đảng ủy quan tâm.",
        "cấp tiểu đoàn, đại đội",  # lowercase: a level, not a unit
        "hội nghị Ban Tổ chức các tỉnh, thành ủy",
        "Anh hùng Lực lượng vũ trang nhân dân",
        "Báo Quân đội nhân dân đưa tin",
        "QĐND - Ngày 28-12, tại Hà Nội",  # the newspaper's dateline
        "Nghị quyết số 109-NQ/QUTW đã",  # the issuer's letters inside a document code
        "hạ sĩ quan, binh sĩ",
        "tại TP Vũng Tàu",
    ],
)
def test_not_units(text):
    assert units(text) == []


def test_nested_parents_are_reported_too():
    assert units("Đảng ủy Bộ Tổng Tham mưu - Cơ quan Bộ Quốc phòng") == [
        (
            "Đảng ủy Bộ Tổng Tham mưu - Cơ quan Bộ Quốc phòng",
            "Đảng ủy Bộ Tổng Tham mưu - Cơ quan Bộ Quốc phòng",
        ),
        ("Bộ Tổng Tham mưu - Cơ quan Bộ Quốc phòng", "Bộ Tổng Tham mưu - Cơ quan Bộ Quốc phòng"),
        ("Bộ Tổng Tham mưu", "Bộ Tổng Tham mưu"),
        ("Bộ Quốc phòng", "Bộ Quốc phòng"),
    ]


def test_headline_in_capitals_ends_the_place_at_the_province():
    assert units("BỘ CHQS TỈNH BẾN TRE TỔNG KẾT CÔNG TÁC QUÂN SỰ") == [
        ("BỘ CHQS TỈNH BẾN TRE", "Bộ Chỉ huy Quân sự tỉnh Bến Tre")
    ]
    assert units("BỘ TƯ LỆNH QUÂN KHU 7 HỌP") == [
        ("BỘ TƯ LỆNH QUÂN KHU 7", "Bộ Tư lệnh Quân khu 7"),
        ("QUÂN KHU 7", "Quân khu 7"),
    ]


def test_bare_place_takes_the_named_one_of_the_article():
    found = extract_entities("Bộ CHQS tỉnh Bến Tre họp. Năm tới, Bộ CHQS tỉnh tiếp tục tham mưu.")
    assert [(m.text, m.canonical, m.fields["resolved_from"]) for m in found if m.type == "unit"] == [
        ("Bộ CHQS tỉnh Bến Tre", "Bộ Chỉ huy Quân sự tỉnh Bến Tre", None),
        ("Bộ CHQS tỉnh", "Bộ Chỉ huy Quân sự tỉnh Bến Tre", "Bộ Chỉ huy Quân sự tỉnh"),
    ]


def test_ship_numbers_complete_posts_but_ships_are_not_units():
    found = extract_entities("Đại úy Lê Văn Tâm, Hạm trưởng Tàu HQ-561 báo cáo. Tại TP Vũng Tàu, …")
    assert [m.fields["positions"] for m in found if m.type == "officer"] == [["Hạm trưởng Tàu HQ-561"]]
    assert [m for m in found if m.type == "unit"] == []


def test_bch_reads_by_what_follows():
    assert units("Nghị quyết của BCH TƯ Đảng và BCH Quân sự huyện Tân Phú.") == [
        ("BCH TƯ Đảng", "Ban Chấp hành Trung ương Đảng"),
        ("BCH Quân sự huyện Tân Phú", "Ban Chỉ huy Quân sự huyện Tân Phú"),
    ]


def test_trung_uong_written_as_an_abbreviation_inside_a_post():
    found = extract_entities("Trung tướng Lê Văn B, Ủy viên T.Ư Đảng, Tư lệnh QK3 dự.")
    assert [m.fields["positions"] for m in found if m.type == "officer"] == [
        ["Ủy viên Trung ương Đảng", "Tư lệnh Quân khu 3"]
    ]


def test_slash_names_the_parent():
    assert units("đại diện Cục Đối ngoại/BQP và Cục Tuyên huấn/TCCT dự") == [
        ("Cục Đối ngoại/BQP", "Cục Đối ngoại Bộ Quốc phòng"),
        ("BQP", "Bộ Quốc phòng"),
        ("Cục Tuyên huấn/TCCT", "Cục Tuyên huấn Tổng cục Chính trị"),
        ("TCCT", "Tổng cục Chính trị"),
    ]
    assert units("Bệnh viện TWQĐ 108") == [("Bệnh viện TWQĐ 108", "Bệnh viện Trung ương Quân đội 108")]
