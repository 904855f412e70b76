"""Provincial military commands named without "tỉnh", a typo in a post, a post named short beside
its full form, and one body named two ways inside one officer's posts."""

from __future__ import annotations

from entity_views import posts

from vnpress.entities import extract_entities


def _units(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.canonical) for m in extract_entities(text) if m.type == "unit"]


def test_a_provincial_command_without_tinh_and_its_party_committee():
    text = (
        "Kế hoạch tuyển quân do Đại tá Lý Văn Sáu - Bí thư Đảng ủy Quân sự, Chi huy trưởng Bộ Chỉ "
        "huy quân sự Sóc Trăng ký ban hành. Kết luận hội nghị, Đại tá Lý Văn Sáu, Bí thư Đảng ủy "
        "Quân sự, Chỉ huy trưởng Bộ Chỉ huy quân sự nhấn mạnh yêu cầu."
    )
    assert posts(text) == {
        "Lý Văn Sáu": [
            "Bí thư Đảng ủy Quân sự Sóc Trăng",
            "Chỉ huy trưởng Bộ Chỉ huy Quân sự Sóc Trăng",
        ]
    }
    assert ("Bộ Chỉ huy quân sự Sóc Trăng", "Bộ Chỉ huy Quân sự Sóc Trăng") in _units(text)


def test_one_command_named_with_and_without_tinh_in_posts():
    text = (
        "Thượng tá Đỗ Văn Chín - Phó Tham mưu trưởng Bộ CHQS Cà Mau kiểm tra diễn tập. Sau đó, "
        "Thượng tá Đỗ Văn Chín, Phó Tham mưu trưởng, Bộ Chỉ huy Quân sự tỉnh Cà Mau rút kinh nghiệm."
    )
    assert posts(text) == {"Đỗ Văn Chín": ["Phó Tham mưu trưởng Bộ Chỉ huy Quân sự tỉnh Cà Mau"]}
    assert {c for _, c in _units(text)} == {"Bộ Chỉ huy Quân sự tỉnh Cà Mau"}


def test_a_post_named_short_beside_its_full_form_is_dropped():
    text = (
        "Đại tá Chu Văn Mười, Phó Cục trưởng Cục Cứu hộ - Cứu nạn, Bộ Tổng Tham mưu đến kiểm tra. "
        "Đại tá Chu Văn Mười, Phó Cục trưởng, đánh giá cao kết quả."
    )
    assert posts(text) == {"Chu Văn Mười": ["Phó Cục trưởng Cục Cứu hộ - Cứu nạn, Bộ Tổng Tham mưu"]}


def test_posts_appointed_to_later_in_the_sentence():
    text = (
        "Quyết định nêu rõ Thiếu tướng Cao Văn Hai, Chính ủy Sư đoàn 324 sẽ được bổ nhiệm giữ chức "
        "Phó Chính ủy Quân khu 4 từ tháng sau. Đại tá Tạ Văn Ba được bổ nhiệm giữ chức vụ Chính ủy "
        "Sư đoàn 324."
    )
    assert posts(text) == {
        "Cao Văn Hai": ["Chính ủy Sư đoàn 324", "Phó Chính ủy Quân khu 4"],
        "Tạ Văn Ba": ["Chính ủy Sư đoàn 324"],
    }


def test_a_rankless_mention_gives_its_posts_to_the_officer():
    text = (
        "Trung tướng Lưu Văn Bốn kiểm tra Sư đoàn 346\n\nCùng đi có đồng chí Lưu Văn Bốn, Đại biểu "
        "Quốc hội, Chính ủy Quân khu 1 và các cơ quan chức năng."
    )
    assert posts(text) == {"Lưu Văn Bốn": ["Đại biểu Quốc hội", "Chính ủy Quân khu 1"]}


def test_a_signed_article_with_the_name_above_the_rank():
    text = (
        "Xây dựng khu vực phòng thủ vững chắc\n\nPHAN VĂN GIÁP\nTrung tướng, Ủy viên Trung ương Đảng, "
        "Tư lệnh Quân khu 5\n\nQuán triệt nghị quyết …"
    )
    officers = [m for m in extract_entities(text) if m.type == "officer"]
    assert [(m.canonical, m.fields["name"], m.fields["rank"]) for m in officers] == [
        ("Phan Văn Giáp", "PHAN VĂN GIÁP", "Trung tướng")
    ]
    assert officers[0].text == "PHAN VĂN GIÁP\nTrung tướng"
    assert officers[0].fields["positions"] == ["Ủy viên Trung ương Đảng", "Tư lệnh Quân khu 5"]


def test_an_age_between_the_name_and_the_post():
    text = "Huy hiệu được trao cho binh nhất Lò Văn Tư, 20 tuổi, chiến sĩ Đồn Biên phòng Ba Lạt."
    assert posts(text) == {"Lò Văn Tư": ["Chiến sĩ Đồn Biên phòng Ba Lạt"]}


def test_two_syllables_glued_by_a_typo_are_split():
    text = "Học viện Hậu cần khai giảng. Trung tướng Vi Văn Năm, Giám đốc Học việnchủ trì lễ."
    assert posts(text) == {"Vi Văn Năm": ["Giám đốc Học viện Hậu cần"]}
    glued = [m for m in extract_entities(text) if m.type == "officer"][0]
    assert text[glued.start : glued.end] == "Trung tướng Vi Văn Năm"


def test_a_role_without_its_unit_is_no_post():
    text = "Trung sĩ Lò Văn Hai, học viên đào tạo tiểu đội trưởng, đọc lời thề."
    assert posts(text) == {"Lò Văn Hai": []}


def test_thuoc_links_a_section_to_its_parent_and_the_appointment_follows():
    text = (
        "Nay Thiếu tá Hà Văn Ba - Trợ lý Ban Quân lực thuộc Phòng Chính trị Bộ CHQS tỉnh Gia Lai "
        "được bổ nhiệm giữ chức vụ Chính trị viên Ban CHQS huyện Chư Sê."
    )
    assert posts(text) == {
        "Hà Văn Ba": [
            "Trợ lý Ban Quân lực thuộc Phòng Chính trị Bộ Chỉ huy Quân sự tỉnh Gia Lai",
            "Chính trị viên Ban Chỉ huy Quân sự huyện Chư Sê",
        ]
    }


def test_lowercase_job_descriptions_with_their_unit():
    text = (
        "Đại úy Lý Văn Hải, cán bộ phiên dịch Đồn Biên phòng cửa khẩu quốc tế Hữu Nghị, và Thiếu úy "
        "Lò Văn Tám, huấn luyện viên chó nghiệp vụ Đồn Biên phòng Ba Lạt, được khen thưởng. Đại úy "
        "Vi Văn Hiếu, cán bộ Phòng Cảnh sát hình sự và điều tra tội phạm Công an tỉnh Bình Dương dự."
    )
    assert posts(text) == {
        "Lý Văn Hải": ["Cán bộ phiên dịch Đồn Biên phòng cửa khẩu quốc tế Hữu Nghị"],
        "Lò Văn Tám": ["Huấn luyện viên chó nghiệp vụ Đồn Biên phòng Ba Lạt"],
        "Vi Văn Hiếu": ["Cán bộ Phòng Cảnh sát hình sự và điều tra tội phạm Công an tỉnh Bình Dương"],
    }


def test_cadres_and_soldiers_of_a_unit_are_no_post():
    text = "Đại tá Hà Văn Một cùng cán bộ, chiến sĩ Đồn Biên phòng Ba Lạt tuần tra."
    assert posts(text) == {"Hà Văn Một": []}


def test_birth_and_home_between_the_name_and_the_post():
    text = "Thiếu tá Đặng Văn Tư, sinh năm 1975, quê Thái Bình, là cán bộ Đồn Biên phòng Ba Lạt."
    assert posts(text) == {"Đặng Văn Tư": ["Cán bộ Đồn Biên phòng Ba Lạt"]}


def test_a_name_read_as_words_takes_the_body_written_right_after_it():
    text = "Đại tá Ninh Văn Bảy - Trưởng ban Kế hoạch Bộ Tư lệnh Quân khu 9 dự."
    assert posts(text) == {"Ninh Văn Bảy": ["Trưởng ban Kế hoạch Bộ Tư lệnh Quân khu 9"]}


def test_nhan_nhiem_vu_leads_to_a_post_but_not_to_a_task():
    assert posts("Đại tá Lục Văn Hai nhận nhiệm vụ Chính ủy Bộ CHQS tỉnh Cao Bằng.") == {
        "Lục Văn Hai": ["Chính ủy Bộ Chỉ huy Quân sự tỉnh Cao Bằng"]
    }
    assert posts("Đại tá Lục Văn Hai nhận nhiệm vụ tuần tra biên giới.") == {"Lục Văn Hai": []}


def test_an_officer_who_hands_over_an_appointment_is_not_appointed():
    text = "Thượng tướng Lê Văn Tư trao quyết định bổ nhiệm giữ chức Tư lệnh Quân khu 5 cho Đại tá Võ Văn Ba."
    assert posts(text) == {"Lê Văn Tư": [], "Võ Văn Ba": []}
