"""Press the rules were not first tuned on (issue 11): police promotion lists, promotions "đối với",
the rank as of the article's date, one person in several spellings, foreign officers, party
committees of an agency, small units, coast guard and police posts, posts in other sentences,
bodies inside posts, long lowercase department names. Every text is written for the test in the
style of such articles."""

from __future__ import annotations

import pytest
from entity_views import officers, posts, units

from vnpress.entities import extract_entities
from vnpress.entities.gazetteer import load_gazetteer
from vnpress.entities.officers.people import name_key
from vnpress.entities.officers.phrases import PhraseKind, phrases, read_phrases
from vnpress.errors import DataFileError


def test_a_police_promotion_list_names_each_person_with_the_new_rank_and_post():
    text = (
        "Theo quyết định của Chủ tịch nước, 3 người được thăng cấp bậc hàm từ Đại tá lên Thiếu tướng "
        "gồm: ông Hoàng Văn Minh (54 tuổi), Cục trưởng Cục Pháp chế; ông Đỗ Quang Huy, Giám đốc Công an "
        "tỉnh Lạng Sơn; bà Trương Thị Lan (52 tuổi), Phó Cục trưởng Cục Cảnh sát giao thông. Đại tướng "
        "Lê Văn Thành, Bộ trưởng Bộ Công an trao quyết định."
    )
    assert officers(text) == [
        ("Hoàng Văn Minh", "Thiếu tướng", ["Cục trưởng Cục Pháp chế"]),
        ("Đỗ Quang Huy", "Thiếu tướng", ["Giám đốc Công an tỉnh Lạng Sơn"]),
        ("Trương Thị Lan", "Thiếu tướng", ["Phó Cục trưởng Cục Cảnh sát giao thông"]),
        ("Lê Văn Thành", "Đại tướng", ["Bộ trưởng Bộ Công an"]),  # he confers it: his own rank
    ]
    # "gồm" without a colon leads to the list too
    assert officers(
        "2 người được thăng hàm từ Thiếu tướng lên Trung tướng gồm ông Lê Văn Hải (58 tuổi), "
        "Cục trưởng Cục Đối ngoại."
    ) == [("Lê Văn Hải", "Trung tướng", ["Cục trưởng Cục Đối ngoại"])]


def test_a_promotion_names_its_recipient_after_doi_voi_or_before_duoc():
    text = (
        "Chủ tịch nước trao quyết định thăng cấp bậc hàm từ Trung tướng lên Thượng tướng đối với Thứ "
        "trưởng Bộ Công an Phùng Văn Hải. Thứ trưởng Bộ Công an Trịnh Quốc Bảo được thăng cấp bậc hàm từ "
        "thiếu tướng lên trung tướng. Ông Mai Xuân Tùng, Chánh Văn phòng Bộ Công an, được thăng quân hàm "
        "Thiếu tướng."
    )
    assert officers(text) == [
        ("Phùng Văn Hải", "Thượng tướng", ["Thứ trưởng Bộ Công an"]),
        ("Trịnh Quốc Bảo", "Trung tướng", ["Thứ trưởng Bộ Công an"]),
        (
            "Mai Xuân Tùng",
            "Thiếu tướng",
            ["Chánh Văn phòng Bộ Công an"],
        ),  # not "Ông Mai …", not "trung tướng."
    ]
    text = (
        "Chủ tịch nước trao quyết định thăng cấp bậc hàm từ Trung tướng lên Thượng tướng đối với hai Thứ "
        "trưởng Bộ Công an là ông Đinh Văn Nam và ông Lâm Quốc Hưng. Thượng tướng Đinh Văn Nam phát biểu."
    )
    assert posts(text) == {
        "Đinh Văn Nam": ["Thứ trưởng Bộ Công an"],
        "Lâm Quốc Hưng": ["Thứ trưởng Bộ Công an"],
    }
    assert {r for _, r, _ in officers(text)} == {"Thượng tướng"}


def test_the_rank_is_the_one_conferred_else_the_highest_the_article_uses():
    text = (
        "Thiếu tướng Hà Văn Sơn, Phó Tư lệnh Quân khu 2 dự lễ. Sau buổi lễ, Trung tướng Hà Văn Sơn chúc mừng."
    )
    assert [r for _, r, _ in officers(text)] == ["Trung tướng", "Trung tướng"]
    text = (
        "Trung tướng Vi Văn Lâm, Thứ trưởng Bộ Công an, được Chủ tịch nước trao quyết định thăng cấp bậc "
        "hàm lên thượng tướng. Đại tướng Lê Văn Thành trao quyết định thăng quân hàm cho Trung tướng Vi Văn Lâm."
    )
    assert {name: rank for name, rank, _ in officers(text)} == {
        "Vi Văn Lâm": "Thượng tướng",
        "Lê Văn Thành": "Đại tướng",
    }


def test_one_officer_per_person_whatever_the_spelling():
    text = (
        "Trung tướng Nguyễn Sỹ Kỳ dự lễ. Trung tướng Nguyễn Sĩ Kì phát biểu. TRUNG TƯỚNG NGUYỄN SỸ KỲ kết "
        "luận. Thiếu tướng Lê Duy Thủy và Thiếu tướng Lê Duy Thuỷ."
    )
    found = [m for m in extract_entities(text) if m.type == "officer"]
    assert [(m.canonical, m.fields["name"]) for m in found] == [
        ("Nguyễn Sỹ Kỳ", "Nguyễn Sỹ Kỳ"),
        ("Nguyễn Sỹ Kỳ", "Nguyễn Sỹ Kỳ"),  # the most frequent spelling, for the scorer's name too
        ("Nguyễn Sỹ Kỳ", "NGUYỄN SỸ KỲ"),
        ("Lê Duy Thủy", "Lê Duy Thủy"),
        ("Lê Duy Thủy", "Lê Duy Thủy"),
    ]
    assert name_key("Sĩ Kì") == name_key("SỸ KỲ") != name_key("Sĩ Kim")
    assert name_key("Duy Thủy") != name_key("Dui Thủi")  # a y after a vowel is no i


def test_foreign_officers_keep_their_whole_name_and_foreign_bodies():
    text = (
        "Tham dự có Đại tướng Vông Xay in Thạ Khăm, Ủy viên Bộ Chính trị Đảng Nhân dân Cách mạng Lào, Bộ "
        "trưởng Bộ Quốc phòng Lào; Thượng tướng Lưu Quang Đạt, Ủy viên Quân ủy Trung ương Trung Quốc; Đại "
        "tướng Phạm Văn Giao, Bộ trưởng Bộ Quốc phòng Việt Nam. Bộ trưởng Bộ Quốc phòng Tea Banh hội đàm."
    )
    assert officers(text) == [
        (
            "Vông Xay in Thạ Khăm",
            "Đại tướng",
            ["Ủy viên Bộ Chính trị Đảng Nhân dân Cách mạng Lào", "Bộ trưởng Bộ Quốc phòng Lào"],
        ),
        ("Lưu Quang Đạt", "Thượng tướng", ["Ủy viên Quân ủy Trung ương Trung Quốc"]),
        ("Phạm Văn Giao", "Đại tướng", ["Bộ trưởng Bộ Quốc phòng Việt Nam"]),
    ]
    assert {"Đảng Nhân dân Cách mạng Lào", "Quân ủy Trung ương Trung Quốc", "Bộ Quốc phòng Việt Nam"} <= set(
        units(text)
    )
    assert units("Đảng bộ Quân sự tỉnh họp. ĐẢNG BỘ QUÂN SỰ TỈNH NAM ĐỊNH TỔNG KẾT. Đảng ta lãnh đạo.") == []
    lower = (
        "Đại tướng Chăn Xa Mỏn, Ủy viên Bộ Chính trị Đảng nhân dân cách mạng Lào, Phó Thủ tướng Chính phủ."
    )
    assert posts(lower) == {
        "Chăn Xa Mỏn": ["Ủy viên Bộ Chính trị Đảng nhân dân cách mạng Lào", "Phó Thủ tướng Chính phủ"]
    }


def test_the_party_committee_of_an_agency_or_a_newspaper():
    text = (
        "Thiếu tướng Hồ Văn Tám, Bí thư Đảng ủy Cơ quan Tổng cục Chính trị, Phó Chủ nhiệm Tổng cục Chính trị "
        "chủ trì. Đại tá Lê Văn Chín, Phó Bí thư Đảng ủy Báo Quân đội nhân dân dự."
    )
    assert posts(text) == {
        "Hồ Văn Tám": ["Bí thư Đảng ủy Cơ quan Tổng cục Chính trị", "Phó Chủ nhiệm Tổng cục Chính trị"],
        "Lê Văn Chín": ["Phó Bí thư Đảng ủy Báo Quân đội nhân dân"],
    }
    assert {"Đảng ủy Cơ quan Tổng cục Chính trị", "Đảng ủy Báo Quân đội nhân dân"} <= set(units(text))
    assert "Báo Quân đội nhân dân" not in units(text)  # the newspaper itself stays a source


def test_a_unit_shared_across_a_comma_by_any_two_posts():
    assert posts("Thượng tá Trần Văn Mười, Phó bí thư Đảng ủy, Lữ đoàn trưởng Lữ đoàn 229 báo cáo.") == {
        "Trần Văn Mười": ["Phó Bí thư Đảng ủy Lữ đoàn 229", "Lữ đoàn trưởng Lữ đoàn 229"]
    }


def test_a_chain_of_small_units_is_one_post_and_each_unit_is_a_unit():
    text = (
        "Binh nhất Lê Văn Tư, chiến sĩ Khẩu đội 4, Trung đội 2, Đại đội 512, Tiểu đoàn 11, Lữ đoàn Pháo "
        "phòng không 226 trực chiến. Trung sĩ Phạm Văn Ba, Tiểu đội trưởng Tiểu đội 2, Trung đội Tên lửa "
        "A72 báo cáo. Đại đội Phòng hóa và Trung đoàn Bộ binh 28 huấn luyện."
    )
    assert posts(text) == {
        "Lê Văn Tư": [
            "Chiến sĩ Khẩu đội 4, Trung đội 2, Đại đội 512, Tiểu đoàn 11, Lữ đoàn Pháo phòng không 226"
        ],
        "Phạm Văn Ba": ["Tiểu đội trưởng Tiểu đội 2, Trung đội Tên lửa A72"],
    }
    assert units(text) == [
        "Khẩu đội 4",
        "Trung đội 2",
        "Đại đội 512",
        "Tiểu đoàn 11",
        "Lữ đoàn Pháo phòng không 226",
        "Tiểu đội 2",
        "Trung đội Tên lửa A72",
        "Đại đội Phòng hóa",
        "Trung đoàn Bộ binh 28",
    ]


def test_coast_guard_and_police_posts():
    text = (
        "Đại tá Ngô Văn Hải, Phó Tham mưu trưởng của Cảnh sát biển Việt Nam, giữ chức Tư lệnh Vùng Cảnh sát "
        "biển 4. Đại tá Đào Văn Lực, Chính ủy BTLVCSB 3 dự. Thiếu tướng Vũ Văn Bình, Phó Tư lệnh về Pháp luật "
        "Cảnh sát biển Việt Nam phát biểu. Đại úy Lò Văn Thắng, Đội trưởng Đội Điều tra tổng hợp Công an "
        "huyện Mường Tè, tỉnh Lai Châu báo cáo. Trung tá Kha Văn Lợi, Phó Tư lệnh CSCĐ dự."
    )
    assert posts(text) == {
        "Ngô Văn Hải": ["Phó Tham mưu trưởng Cảnh sát biển Việt Nam", "Tư lệnh Vùng Cảnh sát biển 4"],
        "Đào Văn Lực": ["Chính ủy Bộ Tư lệnh Vùng Cảnh sát biển 3"],  # the abbreviation spelled out
        "Vũ Văn Bình": ["Phó Tư lệnh về Pháp luật Cảnh sát biển Việt Nam"],
        "Lò Văn Thắng": ["Đội trưởng Đội Điều tra tổng hợp Công an huyện Mường Tè, tỉnh Lai Châu"],
        "Kha Văn Lợi": ["Phó Tư lệnh Cảnh sát cơ động"],
    }


def test_posts_stated_in_other_sentences_are_reported():
    text = (
        "Trung tướng Lê Văn Ánh từ trần ngày 3/5. Ông nguyên là Ủy viên Trung ương Đảng khóa 9; nguyên Bí "
        "thư Đảng ủy, Phó Tư lệnh về chính trị Quân chủng Hải quân."
    )
    assert posts(text) == {
        "Lê Văn Ánh": [
            "nguyên Ủy viên Trung ương Đảng khóa 9",
            "nguyên Bí thư Đảng ủy Quân chủng Hải quân",
            "nguyên Phó Tư lệnh về Chính trị Quân chủng Hải quân",  # as written
        ]
    }
    # a post right before a later mention of the name, without a rank; not one he acts for
    assert posts("Đại tướng Phạm Văn Giao dự. Bộ trưởng Bộ Quốc phòng Phạm Văn Giao phát biểu.") == {
        "Phạm Văn Giao": ["Bộ trưởng Bộ Quốc phòng"]
    }
    text = "Đại tướng Phạm Văn Giao dự. Thừa ủy quyền của Chủ tịch nước, Bộ trưởng Phạm Văn Giao trao quyết định."
    assert posts(text) == {"Phạm Văn Giao": ["Bộ trưởng"]}


def test_a_post_before_anothers_name_is_his_and_a_verb_is_no_post():
    text = (
        "Trao quyết định cho Giám đốc Học viện Quốc phòng Thượng tướng Lê Văn Hưng, Chủ tịch nước Đỗ Văn "
        "Phúc đánh giá cao. Trung tướng Lê Văn Hưng trưởng thành từ chiến sĩ."
    )
    assert officers(text) == [
        ("Lê Văn Hưng", "Thượng tướng", ["Giám đốc Học viện Quốc phòng"]),
        ("Lê Văn Hưng", "Thượng tướng", []),
    ]
    assert units(text) == ["Học viện Quốc phòng"]  # not "Học viện Quốc phòng Thượng tướng …"


def test_bodies_inside_posts_are_units():
    text = (
        "Thủ tướng Chính phủ bổ nhiệm Thiếu tướng Trần Văn Đông, Phó Tổng Tham mưu trưởng QĐND Việt Nam. "
        "Chuẩn Đô đốc Lê Văn Tài, Phó Tư lệnh Quân chủng Hải quân dự. Đại tướng Lê Văn Năm, Chủ nhiệm Tổng "
        "cục Chính trị Quân đội nhân dân Việt Nam chủ trì."
    )
    assert units(text) == [
        "Chính phủ",
        "Quân đội nhân dân Việt Nam",
        "Quân chủng Hải quân",
        "Tổng cục Chính trị Quân đội nhân dân Việt Nam",
        "Quân đội nhân dân Việt Nam",
    ]


def test_long_lowercase_department_names_end_where_the_post_ends():
    text = (
        "Đại tá Nguyễn Văn Hòa, Cục trưởng Cục Đào tạo bồi dưỡng cán bộ; Đại tá Lê Văn Lộc, Cục trưởng An "
        "ninh nội địa; Đại tá Vũ Văn Tuấn, Cục trưởng Cảnh sát điều tra tội phạm về ma túy, dự họp."
    )
    assert posts(text) == {
        "Nguyễn Văn Hòa": ["Cục trưởng Cục Đào tạo bồi dưỡng cán bộ"],
        "Lê Văn Lộc": ["Cục trưởng An ninh nội địa"],
        "Vũ Văn Tuấn": ["Cục trưởng Cảnh sát điều tra tội phạm về ma túy"],
    }
    assert units(text) == ["Cục Đào tạo bồi dưỡng cán bộ"]
    # outside a post, a verb after the name is the sentence's, not the name's
    assert units("Cục Đào tạo tổ chức hội nghị.") == ["Cục Đào tạo"]


def test_police_bodies():
    text = (
        "Công an tỉnh Lạng Sơn, Công an huyện Cao Lộc, Cục Cảnh sát giao thông và Bộ Tư lệnh Cảnh vệ phối "
        "hợp."
    )
    assert units(text) == [
        "Công an tỉnh Lạng Sơn",
        "Công an huyện Cao Lộc",
        "Cục Cảnh sát giao thông",
        "Bộ Tư lệnh Cảnh vệ",
    ]


def test_trigger_phrases_are_data_and_a_bad_kind_fails_with_its_line():
    assert ("thăng", "cấp", "bậc", "hàm") in phrases(PhraseKind.PROMOTION)
    assert phrases(PhraseKind.APPOINTMENT)[0] == ("trọng", "trách", "mới", "là")  # longest first
    with pytest.raises(DataFileError, match=r"^x\.tsv:3: unknown kind 'promotoin'"):
        read_phrases("kind\tphrase\npromotion\tthăng hàm\npromotoin\tthăng cấp\n", "x.tsv")


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            "post\tCục phó X\tCục phó X\twhol",
            "unknown post flag 'whol' (valid: abroad, needunit, whole, of=…)",
        ),
        ("rank\tĐại tá X\tĐại tá X\tgeneal", "unknown rank flag 'geneal'"),
        ("unit\tCục X\tCục X\tnumbr", "unknown unit flag 'numbr'"),
        ("province\tHà X\tHà X\tplace", "unknown province flag 'place' (valid: none)"),
    ],
)
def test_a_misspelt_flag_fails_at_load_with_file_and_line(tmp_path, row, message):
    path = tmp_path / "rules.tsv"
    path.write_text("type\tform\tcanonical\tflags\n" + row + "\n", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_gazetteer((str(path),))
    assert str(err.value).startswith(f"{path}:2: {message}")


def test_rank_seniority_follows_the_ladder_in_ranks_tsv():
    g = load_gazetteer()
    ladder = [
        "Binh nhì",
        "Hạ sĩ",
        "Thiếu úy",
        "Đại tá",
        "Thiếu tướng",
        "Chuẩn Đô đốc",
        "Trung tướng",
        "Đại tướng",
    ]
    assert sorted(ladder, key=g.rank_order) == ladder
    assert g.rank_order("Thống chế") == -1


def test_a_person_named_by_his_given_name_alone():
    text = "Đại úy Dũng khai đang làm đội trưởng. Thiếu tá Hải quân dự. Trung tướng Lào dự."
    assert officers(text) == [("Dũng", "Đại úy", [])]
    # beside the full name, he is that officer
    text = "Đại úy Dũng khai. Đại úy Huỳnh Dũng, Đội trưởng Đội Cảnh sát hình sự dự."
    found = [m for m in extract_entities(text) if m.type == "officer"]
    assert [(m.canonical, m.fields["name"]) for m in found] == [
        ("Huỳnh Dũng", "Huỳnh Dũng"),
        ("Huỳnh Dũng", "Huỳnh Dũng"),
    ]


def test_a_promotion_to_a_soldier_named_by_his_role():
    text = (
        "Đại tá Lê Văn Năm ký quyết định tăng cấp bậc hàm từ Trung úy lên Thượng úy kể từ ngày 1/11 với "
        "chiến sĩ Tống Văn Tâm thuộc Đội Cảnh sát hình sự. Trung úy Tâm đã hy sinh."
    )
    assert [(n, r) for n, r, _ in officers(text)] == [
        ("Lê Văn Năm", "Đại tá"),
        ("Tống Văn Tâm", "Thượng úy"),
        ("Tống Văn Tâm", "Thượng úy"),  # "Trung úy Tâm": the same soldier, at the rank conferred
    ]


def test_national_committees_and_social_insurance_are_units():
    text = (
        "Trung tướng Lê Văn An, Phó Chủ tịch Ủy ban Quốc gia Tìm kiếm cứu nạn chủ trì. Đại tá Lê Văn Bình, "
        "Giám đốc Bảo hiểm xã hội Bộ Quốc phòng dự. Bảo hiểm xã hội Việt Nam và Bảo hiểm xã hội tỉnh Nghệ An "
        "phối hợp."
    )
    assert posts(text) == {
        "Lê Văn An": ["Phó Chủ tịch Ủy ban Quốc gia Tìm kiếm cứu nạn"],
        "Lê Văn Bình": ["Giám đốc Bảo hiểm xã hội Bộ Quốc phòng"],
    }
    assert units(text) == [
        "Ủy ban Quốc gia Tìm kiếm cứu nạn",
        "Bảo hiểm xã hội Bộ Quốc phòng",
        "Bộ Quốc phòng",
        "Bảo hiểm xã hội Việt Nam",
        "Bảo hiểm xã hội tỉnh Nghệ An",
    ]


def test_a_regulation_named_by_its_issuer_and_subject_without_quotes():
    text = (
        "Bộ Công an công bố Quy định của Ban Bí thư về thực hiện chế độ chính ủy, chính trị viên ở Bộ Tư lệnh "
        "Cảnh sát cơ động (CSCĐ). Các quy định của pháp luật về an ninh được tuân thủ."
    )
    docs = [(m.fields["kind"], m.fields["name"]) for m in extract_entities(text) if m.type == "resolution"]
    assert docs == [
        ("Quy định", "thực hiện chế độ chính ủy, chính trị viên ở Bộ Tư lệnh Cảnh sát cơ động")
    ]  # the lowercase "các quy định của pháp luật" is no document


def test_an_obituary_career_after_la_is_his_list_of_posts_across_semicolons():
    text = (
        "Thượng tướng Đỗ Văn Khải là Ủy viên Thường vụ Đảng ủy Quân sự Trung ương; Tư lệnh kiêm Chính ủy "
        "Quân khu Trị Thiên; Thứ trưởng Bộ Quốc phòng. Lễ tang được tổ chức theo nghi thức cấp Nhà nước."
    )
    assert officers(text) == [
        (
            "Đỗ Văn Khải",
            "Thượng tướng",
            [
                "Ủy viên Thường vụ Đảng ủy Quân sự Trung ương",
                "Tư lệnh Quân khu Trị Thiên",
                "Chính ủy Quân khu Trị Thiên",
                "Thứ trưởng Bộ Quốc phòng",
            ],
        )
    ]
    assert "Quân khu Trị Thiên" in units(text)
    # "là" then posts separated by commas; and a verb after the name is still no post
    assert officers("Thượng tướng Lê Văn Cao là Tổng Tham mưu trưởng, Thứ trưởng Bộ Quốc phòng.") == [
        ("Lê Văn Cao", "Thượng tướng", ["Tổng Tham mưu trưởng", "Thứ trưởng Bộ Quốc phòng"])
    ]
    assert officers("Thượng tướng Lê Văn Cao là người con của quê hương Nghệ An.") == [
        ("Lê Văn Cao", "Thượng tướng", [])
    ]
    # without "là" a semicolon still ends his posts: the next item is another's list entry
    assert officers("Đại tá Phạm Văn Hòa, Chính ủy Sư đoàn 312; Chính ủy Sư đoàn 308 phát biểu.")[0][2] == [
        "Chính ủy Sư đoàn 312"
    ]


def test_do_ends_a_body_named_before_its_leader():
    text = (
        "Đoàn học viên Đại học Quốc phòng Hoa Kỳ do Đại tá John Smith làm trưởng đoàn đến thăm. "
        "Bộ An ninh Lào và Tổng cục An ninh ký kết thỏa thuận."
    )
    assert units(text) == ["Đại học Quốc phòng Hoa Kỳ", "Bộ An ninh Lào", "Tổng cục An ninh"]


def test_a_promoted_officer_with_a_surname_inside_his_name_is_one_officer():
    text = (
        "Trung tướng Nguyễn Doãn Anh, Phó Tổng Tham mưu trưởng Quân đội nhân dân Việt Nam, được thăng "
        "quân hàm lên Thượng tướng."
    )
    assert officers(text) == [
        ("Nguyễn Doãn Anh", "Thượng tướng", ["Phó Tổng Tham mưu trưởng Quân đội nhân dân Việt Nam"])
    ]


def test_posts_on_whose_behalf_he_acts_are_not_his_even_two_of_them():
    text = (
        "Thừa ủy quyền của Chủ tịch nước và Thủ tướng Chính phủ, Đại tướng Phan Văn Minh, Bộ trưởng Bộ "
        "Quốc phòng trao quyết định cho người tiền nhiệm là Thượng tướng Lê Văn Hòa, hiện giữ chức Thứ "
        "trưởng Bộ Quốc phòng."
    )
    assert officers(text) == [
        ("Phan Văn Minh", "Đại tướng", ["Bộ trưởng Bộ Quốc phòng"]),
        ("Lê Văn Hòa", "Thượng tướng", ["Thứ trưởng Bộ Quốc phòng"]),
    ]


def test_a_verb_after_a_border_post_ends_its_name():
    assert units("Cán bộ, chiến sĩ Đồn Biên phòng Đắk Ken đạt được nhiều thành tích.") == [
        "Đồn Biên phòng Đắk Ken"
    ]


def test_the_navy_completes_a_body_it_follows_but_is_no_unit_or_name_breaker_alone():
    text = (
        "Đại tá Lê Văn An, Cục trưởng Cục Hậu cần - Kỹ thuật Hải quân dự. 2 người được thăng cấp bậc hàm "
        "lên Thiếu tướng gồm: ông Trần Hải Quân (50 tuổi), Tư lệnh Bộ Tư lệnh Cảnh vệ; ông Lê Văn Hòa. "
        "Hải quân luôn sẵn sàng."
    )
    assert officers(text) == [
        ("Lê Văn An", "Đại tá", ["Cục trưởng Cục Hậu cần - Kỹ thuật Hải quân"]),
        ("Trần Hải Quân", "Thiếu tướng", ["Tư lệnh Bộ Tư lệnh Cảnh vệ"]),
        ("Lê Văn Hòa", "Thiếu tướng", []),
    ]
    assert units(text) == ["Cục Hậu cần - Kỹ thuật Hải quân", "Bộ Tư lệnh Cảnh vệ"]


def test_police_transfers_give_the_new_post_after_den_nhan_cong_tac_or_lam():
    text = (
        "Bộ Công an điều động và bổ nhiệm Đại tá Lê Văn Toàn - Giám đốc Công an tỉnh Bắc Giang đến nhận "
        "công tác và giữ chức vụ Chánh Văn phòng Bộ Công an. Bộ Công an điều động thượng tá Ngô Văn Thảo, "
        "Trưởng Phòng Tham mưu, Cục An ninh đối ngoại làm Phó giám đốc Công an tỉnh Đồng Nai. Cùng ngày, "
        "đại tá Hà Văn Tú, Giám đốc Công an tỉnh Lai Châu giữ chức Giám đốc Công an tỉnh Bắc Kạn, thay cho "
        "thiếu tướng Bùi Văn Tư; đại tá Lâm Văn Hồng, Phó giám đốc Công an tỉnh An Giang được điều động, "
        "bổ nhiệm giữ chức vụ Giám đốc Công an tỉnh Long An."
    )
    assert posts(text) == {
        "Lê Văn Toàn": ["Giám đốc Công an tỉnh Bắc Giang", "Chánh Văn phòng Bộ Công an"],
        "Ngô Văn Thảo": [
            "Trưởng phòng Tham mưu, Cục An ninh đối ngoại",
            "Phó Giám đốc Công an tỉnh Đồng Nai",
        ],
        "Hà Văn Tú": ["Giám đốc Công an tỉnh Lai Châu", "Giám đốc Công an tỉnh Bắc Kạn"],
        "Bùi Văn Tư": [],  # the one replaced; the next appointment, after a semicolon, is not his
        "Lâm Văn Hồng": ["Phó Giám đốc Công an tỉnh An Giang", "Giám đốc Công an tỉnh Long An"],
    }
    # a delegation's role, or a role of no body, after "làm" is no post
    assert posts(
        "Đoàn công tác do Thiếu tướng Lê Văn Hải, Phó Tư lệnh Quân khu 9 làm Trưởng đoàn. Đại tá Đỗ Văn "
        "Bình, Tham mưu trưởng Quân đoàn 12 làm Trưởng ban chỉ đạo cuộc diễn tập."
    ) == {"Lê Văn Hải": ["Phó Tư lệnh Quân khu 9"], "Đỗ Văn Bình": ["Tham mưu trưởng Quân đoàn 12"]}


def test_promotions_that_name_people_by_their_posts_or_after_a_colon():
    # "được thăng từ … lên …" without "quân hàm", the person named after his post, inside a body's name
    assert officers(
        "Người còn lại là Giám đốc Học viện Quốc phòng Trần Văn Khoa được thăng từ thiếu tướng lên trung tướng."
    ) == [("Trần Văn Khoa", "Trung tướng", ["Giám đốc Học viện Quốc phòng"])]
    # a list after ", gồm" of posts, each followed by its holder's name
    assert officers(
        "Có 2 Trung tướng được thăng lên Thượng tướng, gồm Tổng Tham mưu trưởng, Thứ trưởng Bộ Quốc phòng "
        "Phan Văn Giao, Phó Chủ nhiệm Tổng cục Chính trị Nguyễn Trọng Nghị."
    ) == [
        ("Phan Văn Giao", "Thượng tướng", ["Tổng Tham mưu trưởng", "Thứ trưởng Bộ Quốc phòng"]),
        ("Nguyễn Trọng Nghị", "Thượng tướng", ["Phó Chủ nhiệm Tổng cục Chính trị"]),
    ]
    # after the recipient word, a description and a colon, then "name, posts và name, posts"
    assert officers(
        "Chủ tịch nước trao quyết định thăng quân hàm từ trung tướng lên thượng tướng cho hai sĩ quan cấp "
        "cao: Trần Quang Phúc, Ủy viên Quân ủy Trung ương, Phó Chủ nhiệm Tổng cục Chính trị và Đỗ Văn Căn, "
        "Phó Chủ nhiệm Tổng cục Chính trị."
    ) == [
        (
            "Trần Quang Phúc",
            "Thượng tướng",
            ["Ủy viên Quân ủy Trung ương", "Phó Chủ nhiệm Tổng cục Chính trị"],
        ),
        ("Đỗ Văn Căn", "Thượng tướng", ["Phó Chủ nhiệm Tổng cục Chính trị"]),
    ]


def test_who_the_people_listed_are_is_no_post_they_hold():
    text = "3 cán bộ, chiến sĩ công an: Thượng tá Đặng Văn Quân, Thượng úy Đỗ Đức Việt hy sinh."
    assert officers(text) == [("Đặng Văn Quân", "Thượng tá", []), ("Đỗ Đức Việt", "Thượng úy", [])]
