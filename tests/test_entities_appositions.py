"""Officers' appositions as other outlets write them: an arm between rank and name, posts after
"giữ chức" or "nguyên:", abbreviations inside posts, posts joined by dashes."""

from __future__ import annotations

from entity_views import officers, posts, units

from vnpress.entities import extract_entities


def test_an_arm_between_rank_and_name_is_not_the_name():
    text = (
        "Chuẩn Đô đốc Hải quân Lâm Quốc Khánh, Phó Tư lệnh Vùng 3 Hải quân dự lễ. "
        "Phó đô đốc hải quân Tạ Minh Hòa phát biểu. Đại tá Biên phòng Kiều Văn Lực báo cáo."
    )
    assert officers(text) == [
        ("Lâm Quốc Khánh", "Chuẩn Đô đốc", ["Phó Tư lệnh Vùng 3 Hải quân"]),
        ("Tạ Minh Hòa", "Phó Đô đốc", []),
        ("Kiều Văn Lực", "Đại tá", []),
    ]


def test_a_police_arm_before_the_name_marks_the_service():
    [m] = [m for m in extract_entities("Thiếu tá Cảnh sát Hồ Thị Ngân trực ban.") if m.type == "officer"]
    assert (m.canonical, m.fields["service"]) == ("Hồ Thị Ngân", "police")


def test_a_post_given_after_a_comma_and_giu_chuc_counts():
    text = (
        "Thủ tướng bổ nhiệm Trung tướng Đàm Văn Khiêm, Ủy viên Trung ương Đảng, Tư lệnh Quân khu 4, "
        "giữ chức Thứ trưởng Bộ Công an."
    )
    assert officers(text) == [
        (
            "Đàm Văn Khiêm",
            "Trung tướng",
            ["Ủy viên Trung ương Đảng", "Tư lệnh Quân khu 4", "Thứ trưởng Bộ Công an"],
        )
    ]


def test_a_numbered_formation_in_lower_case_is_a_unit():
    text = "Đại tá Mai Xuân Đạt, Chính ủy sư đoàn 9, từng công tác ở quân khu 5."
    assert officers(text) == [("Mai Xuân Đạt", "Đại tá", ["Chính ủy Sư đoàn 9"])]
    assert units(text) == ["Sư đoàn 9", "Quân khu 5"]


def test_abbreviated_posts_are_spelled_out_and_do_not_wipe_the_list():
    text = (
        "Trung tướng Lê Quang Vinh - UVTW Đảng, Ủy viên Quân ủy Trung ương, Tư lệnh Quân khu 2 chủ trì. "
        "Đại tá Phùng Bá Hậu - UVTV, Chỉ huy trưởng Bộ CHQS tỉnh được điều động. "
        "Trung tướng Tô Hữu Nghĩa, Ủy viên T.Ư Đảng, Phó Chủ tịch QH dự."
    )
    assert officers(text) == [
        (
            "Lê Quang Vinh",
            "Trung tướng",
            ["Ủy viên Trung ương Đảng", "Ủy viên Quân ủy Trung ương", "Tư lệnh Quân khu 2"],
        ),
        ("Phùng Bá Hậu", "Đại tá", ["Ủy viên Thường vụ", "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh"]),
        ("Tô Hữu Nghĩa", "Trung tướng", ["Ủy viên Trung ương Đảng", "Phó Chủ tịch Quốc hội"]),
    ]
    assert "Quốc hội" in units(text)


def test_an_abbreviated_military_party_committee_is_a_unit():
    text = "Hội nghị bàn giao Phó Bí thư Đảng ủy Quân sự (ĐUQS) tỉnh. Sau đó ĐUQS tỉnh họp."
    assert units(text) == ["Đảng ủy Quân sự tỉnh", "Đảng ủy Quân sự tỉnh"]


def test_posts_joined_by_dashes_are_one_list():
    text = (
        "Chuẩn đô đốc Lý Thanh Hưng – Phó tư lệnh – Tham mưu trưởng Vùng 4 Hải quân dự. "
        "Thượng tá Ông Văn Phát, Phó Bí thư Thường trực ĐUQS - Chính ủy Bộ CHQS tỉnh phát biểu."
    )
    assert officers(text) == [
        ("Lý Thanh Hưng", "Chuẩn Đô đốc", ["Phó Tư lệnh Vùng 4 Hải quân", "Tham mưu trưởng Vùng 4 Hải quân"]),
        (
            "Ông Văn Phát",
            "Thượng tá",
            ["Phó Bí thư Thường trực Đảng ủy Quân sự tỉnh", "Chính ủy Bộ Chỉ huy Quân sự tỉnh"],
        ),
    ]


def test_former_posts_after_nguyen_colon_or_nguyen_la():
    text = (
        "Lễ viếng Trung tướng Khổng Văn Quế, nguyên: Ủy viên Bộ Chính trị, Phó Chủ tịch Hội đồng Bộ trưởng "
        "(nay là Phó Thủ tướng Chính phủ), Tư lệnh Bộ đội Trường Sơn diễn ra trọng thể. "
        "Thiếu tướng Âu Văn Cầu, nguyên là Tư lệnh Quân đoàn 3 được bổ nhiệm là Tư lệnh Quân đoàn 34."
    )
    assert officers(text) == [
        (
            "Khổng Văn Quế",
            "Trung tướng",
            [
                "nguyên Ủy viên Bộ Chính trị",
                "nguyên Phó Chủ tịch Hội đồng Bộ trưởng",
                "nguyên Tư lệnh Bộ đội Trường Sơn",
            ],
        ),
        ("Âu Văn Cầu", "Thiếu tướng", ["nguyên Tư lệnh Quân đoàn 3", "Tư lệnh Quân đoàn 34"]),
    ]
    assert {"Hội đồng Bộ trưởng", "Bộ đội Trường Sơn"} <= set(units(text))


def test_thuoc_links_a_section_not_a_department_or_formation():
    text = (
        "Trung tướng Ninh Văn Tài, Cục trưởng Tác chiến điện tử thuộc Bộ Tổng Tham mưu, được bổ nhiệm. "
        "Đại tá Khúc Văn Hòa - Sư đoàn trưởng Sư đoàn 5 thuộc Quân khu 9, được điều động. "
        "Thiếu tá Từ Văn Bảo - Trưởng ban Cơ yếu thuộc Phòng Tham mưu Lữ đoàn 25 dự."
    )
    assert officers(text) == [
        ("Ninh Văn Tài", "Trung tướng", ["Cục trưởng Tác chiến điện tử"]),
        ("Khúc Văn Hòa", "Đại tá", ["Sư đoàn trưởng Sư đoàn 5"]),
        ("Từ Văn Bảo", "Thiếu tá", ["Trưởng ban Cơ yếu thuộc Phòng Tham mưu Lữ đoàn 25"]),
    ]


def test_a_plural_heading_before_a_colon_gives_its_post_to_every_listed_officer():
    text = (
        "Chính phủ vừa bổ nhiệm hai Thứ trưởng Bộ Công an.\n"
        "Các Thứ trưởng mới được bổ nhiệm gồm: Trung tướng Lò Văn Sang, Giám đốc Công an tỉnh Sơn La; "
        "Thiếu tướng Vi Đức Hòa, Cục trưởng Cục Cảnh sát giao thông.\n"
        "Bộ Công an hiện có 6 thứ trưởng gồm: Thượng tướng Ma Văn Kha (Thứ trưởng Thường trực), "
        "Trung tướng Đinh Công Lý và 4 thứ trưởng khác."
    )
    post = "Thứ trưởng Bộ Công an"
    assert officers(text) == [
        ("Lò Văn Sang", "Trung tướng", [post, "Giám đốc Công an tỉnh Sơn La"]),
        ("Vi Đức Hòa", "Thiếu tướng", [post, "Cục trưởng Cục Cảnh sát giao thông"]),
        ("Ma Văn Kha", "Thượng tướng", [post, "Thứ trưởng Thường trực"]),
        ("Đinh Công Lý", "Trung tướng", [post]),
    ]


def test_a_membership_before_a_colon_reaches_officers_with_offices_of_their_own():
    text = (
        "Dự có các đồng chí Ủy viên Trung ương Đảng: Thượng tướng Mạc Văn Tùng, Phó Tổng Tham mưu trưởng; "
        "Trung tướng Lã Văn Quyền, Phó Chủ nhiệm Tổng cục Hậu cần."
    )
    assert officers(text) == [
        ("Mạc Văn Tùng", "Thượng tướng", ["Ủy viên Trung ương Đảng", "Phó Tổng Tham mưu trưởng"]),
        ("Lã Văn Quyền", "Trung tướng", ["Ủy viên Trung ương Đảng", "Phó Chủ nhiệm Tổng cục Hậu cần"]),
    ]


def test_more_kinds_of_units():
    text = (
        "Đoàn công tác thăm Xí nghiệp 47 (Nhà máy Z151), Phân viện 9 và Trung tâm Huấn luyện và Bồi dưỡng "
        "nghiệp vụ Bộ đội Biên phòng. Năm 1968, Bộ Tư lệnh Không quân và Quân chủng Phòng không phối hợp."
    )
    assert units(text) == [
        "Xí nghiệp 47",
        "Nhà máy Z151",
        "Phân viện 9",
        "Trung tâm Huấn luyện và Bồi dưỡng nghiệp vụ Bộ đội Biên phòng",
        "Bộ đội Biên phòng",
        "Bộ Tư lệnh Không quân",
        "Quân chủng Phòng không",
    ]


def test_a_letter_glued_to_a_number_stays_with_it():
    assert units("Sư đoàn Bộ binh 330B và Trung đoàn 52A hành quân.") == [
        "Sư đoàn Bộ binh 330B",
        "Trung đoàn 52A",
    ]


def test_a_name_ends_before_a_verb_or_an_occasion():
    text = (
        "Đại tá Hồ Văn Nam, Hiệu trưởng Trường Sĩ quan Tăng thiết giáp nhấn mạnh điều đó. "
        "Ông chúc mừng Học viện Hậu cần nhân dịp Ngày Nhà giáo Việt Nam 20-11."
    )
    assert officers(text) == [("Hồ Văn Nam", "Đại tá", ["Hiệu trưởng Trường Sĩ quan Tăng thiết giáp"])]
    assert units(text) == ["Trường Sĩ quan Tăng thiết giáp", "Học viện Hậu cần"]


def test_a_parent_after_a_dash_but_no_ministry_after_a_service():
    text = (
        "Thiếu tướng Vũ Văn Thắm – Cục trưởng Cục Quân y – Bộ Quốc phòng dự. Đại tá Võ Văn Dương, "
        "Phó Tham mưu trưởng Quân khu 5 giữ chức Phó Tư lệnh Quân chủng Hải quân, Bộ Quốc phòng."
    )
    assert officers(text) == [
        ("Vũ Văn Thắm", "Thiếu tướng", ["Cục trưởng Cục Quân y, Bộ Quốc phòng"]),
        ("Võ Văn Dương", "Đại tá", ["Phó Tham mưu trưởng Quân khu 5", "Phó Tư lệnh Quân chủng Hải quân"]),
    ]


def test_the_minister_named_by_his_field_and_a_post_given_after_a_dash():
    text = (
        "Thiếu tướng Ngô Văn Liêm – Trợ lý Bộ trưởng Quốc phòng dự. Đại tá Lạc Văn Hưng - Cục trưởng "
        "Cục Kỹ thuật Cảnh sát biển Việt Nam - giữ chức Phó Tư lệnh Cảnh sát biển Việt Nam."
    )
    assert officers(text) == [
        ("Ngô Văn Liêm", "Thiếu tướng", ["Trợ lý Bộ trưởng Quốc phòng"]),
        (
            "Lạc Văn Hưng",
            "Đại tá",
            ["Cục trưởng Cục Kỹ thuật Cảnh sát biển Việt Nam", "Phó Tư lệnh Cảnh sát biển Việt Nam"],
        ),
    ]


def test_an_ordinal_after_a_post_is_part_of_it():
    assert officers("Trung tướng Phạm Văn Tài - nguyên Phó Chính ủy thứ nhất Quân khu 4 phát biểu.") == [
        ("Phạm Văn Tài", "Trung tướng", ["nguyên Phó Chính ủy thứ nhất Quân khu 4"])
    ]


def test_a_party_post_completed_by_a_command_belongs_to_its_party_committee():
    text = (
        "Đại tá Đỗ Thanh Lâm, Phó Bí thư Thường trực, Chính ủy Bộ Chỉ huy Quân sự tỉnh Hà Giang dự. "
        "Trung tướng Hà Văn Yên, Bí thư, Chính ủy Quân khu 9 phát biểu. "
        "Đại tá Lý Văn Ba, Bí thư Đảng ủy, Chỉ huy trưởng Bộ CHQS tỉnh Cao Bằng báo cáo."
    )
    assert officers(text) == [
        (
            "Đỗ Thanh Lâm",
            "Đại tá",
            [
                "Phó Bí thư Thường trực Đảng ủy Quân sự tỉnh Hà Giang",
                "Chính ủy Bộ Chỉ huy Quân sự tỉnh Hà Giang",
            ],
        ),
        ("Hà Văn Yên", "Trung tướng", ["Bí thư Đảng ủy Quân khu 9", "Chính ủy Quân khu 9"]),
        (
            "Lý Văn Ba",
            "Đại tá",
            ["Bí thư Đảng ủy Quân sự tỉnh Cao Bằng", "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Cao Bằng"],
        ),
    ]


def test_a_name_keeps_its_own_lowercase_part_before_the_sentence_goes_on():
    text = (
        "Trường Sĩ quan Công binh tiền thân là một tiểu đoàn. Trường Sĩ quan Tăng thiết giáp tiền thân là "
        "một trung đoàn. Cục Dân quân tự vệ tiền thân là một ban."
    )
    assert units(text) == ["Trường Sĩ quan Công binh", "Trường Sĩ quan Tăng thiết giáp", "Cục Dân quân tự vệ"]


def test_a_long_lowercase_description_of_known_parts_and_so_before_the_number():
    assert units("Đoàn Cơ động phòng chống tội phạm kinh tế số 5; Đoàn Trinh sát số 7.") == [
        "Đoàn Cơ động phòng chống tội phạm kinh tế số 5",
        "Đoàn Trinh sát số 7",
    ]


def test_a_post_after_dong_chi_without_a_name_goes_to_the_officer_named_before_with_none():
    text = (
        "Thượng tướng Lê Văn Vĩnh chúc mừng Học viện Hậu cần.\n\n"
        "Đồng chí Thứ trưởng Bộ Công an nhấn mạnh, năm học qua tốt.\n\n"
        "Đại tá Ông Văn Khải, Giám đốc Học viện Hậu cần báo cáo. Đồng chí Phó Giám đốc Học viện Hậu cần "
        "phát biểu."
    )
    assert officers(text) == [
        ("Lê Văn Vĩnh", "Thượng tướng", []),
        ("Lê Văn Vĩnh", "Thượng tướng", ["Thứ trưởng Bộ Công an"]),
        ("Ông Văn Khải", "Đại tá", ["Giám đốc Học viện Hậu cần"]),
    ]


def test_a_plural_heading_without_a_unit_gives_no_bare_post():
    text = "Hội đồng có 5 thành viên gồm: Đại tá Hồ Văn Giáp, Chính ủy Lữ đoàn 6; Đại tá Mai Văn Hạ."
    assert officers(text) == [("Hồ Văn Giáp", "Đại tá", ["Chính ủy Lữ đoàn 6"]), ("Mai Văn Hạ", "Đại tá", [])]


def test_a_shared_membership_stops_at_an_officer_stating_his_own():
    text = (
        "Dự có các đồng chí Ủy viên Bộ Chính trị: Đại tướng Hà Văn Lâm, Bộ trưởng Bộ Công an; "
        "Thượng tướng Đào Văn Minh, Ủy viên Trung ương Đảng, Thứ trưởng Bộ Công an."
    )
    assert officers(text) == [
        ("Hà Văn Lâm", "Đại tướng", ["Ủy viên Bộ Chính trị", "Bộ trưởng Bộ Công an"]),
        ("Đào Văn Minh", "Thượng tướng", ["Ủy viên Trung ương Đảng", "Thứ trưởng Bộ Công an"]),
    ]


def test_a_ban_post_followed_by_the_rest_of_a_body_name_names_the_body():
    text = "Ông Lạc Văn Tùng, Trưởng ban Tuyên giáo T.Ư, và bà Kha Thị Lụa, Phó Trưởng ban Kinh tế Trung ương dự."
    assert units(text) == ["Ban Tuyên giáo Trung ương", "Ban Kinh tế Trung ương"]


def test_an_unknown_acronym_in_a_post_is_never_title_cased():
    assert officers("Thượng tá Hà Văn Phong, Phó Bí thư Thường trực ĐUQT, Chính ủy Lữ đoàn 5 dự.") == [
        ("Hà Văn Phong", "Thượng tá", ["Phó Bí thư Thường trực ĐUQT", "Chính ủy Lữ đoàn 5"])
    ]


def test_a_post_after_dong_chi_is_not_given_to_a_junior_officer():
    text = "Trung úy Lò Văn Hạnh nhận bằng khen.\n\nĐồng chí Tư lệnh Quân khu 2 trao thưởng."
    assert officers(text) == [("Lò Văn Hạnh", "Trung úy", [])]


def test_a_lowercase_word_with_a_number_is_a_unit_only_for_a_formation():
    assert units("Huyện xây bệnh viện 3 tầng cho quân khu 7.") == ["Quân khu 7"]


def test_a_heading_of_comrades_with_their_post():
    text = "Các đồng chí Phó Chính ủy Quân khu 3 gồm: Thiếu tướng Lê Văn Am; Thiếu tướng Đỗ Văn Bảy."
    assert officers(text) == [
        ("Lê Văn Am", "Thiếu tướng", ["Phó Chính ủy Quân khu 3"]),
        ("Đỗ Văn Bảy", "Thiếu tướng", ["Phó Chính ủy Quân khu 3"]),
    ]


def test_a_team_is_a_section_named_like_a_department():
    text = "Đại úy Đàm Văn Ếch, Đội trưởng Đội Phòng chống ma túy và tội phạm, Đồn Biên phòng Hải Hòa dự."
    assert officers(text) == [
        ("Đàm Văn Ếch", "Đại úy", ["Đội trưởng Đội Phòng chống ma túy và tội phạm, Đồn Biên phòng Hải Hòa"])
    ]


def test_a_section_of_a_section_and_a_section_named_like_a_role():
    text = (
        "Đại tá Lê Văn Dư, Phó Trưởng phòng Cán bộ, Cục Chính trị Quân khu 4 và Thiếu tá Ngô Thị Én, "
        "Trợ lý Ban Tuyên huấn, Phòng Chính trị, Lữ đoàn 16 đã báo cáo."
    )
    assert officers(text) == [
        ("Lê Văn Dư", "Đại tá", ["Phó Trưởng phòng Cán bộ, Cục Chính trị Quân khu 4"]),
        ("Ngô Thị Én", "Thiếu tá", ["Trợ lý Ban Tuyên huấn, Phòng Chính trị, Lữ đoàn 16"]),
    ]


def test_hien_la_after_former_posts_gives_his_post_now():
    text = (
        "Trung tướng Khúc Văn An, nguyên Phó Tư lệnh Quân khu 3, hiện là Giám đốc Học viện Lục quân dự. "
        "Thiếu tướng Hồ Văn Bắc, nguyên là Chính ủy Sư đoàn 31, nay là Phó Chính ủy Quân đoàn 34, phát biểu."
    )
    assert officers(text) == [
        ("Khúc Văn An", "Trung tướng", ["nguyên Phó Tư lệnh Quân khu 3", "Giám đốc Học viện Lục quân"]),
        ("Hồ Văn Bắc", "Thiếu tướng", ["nguyên Chính ủy Sư đoàn 31", "Phó Chính ủy Quân đoàn 34"]),
    ]


def test_birth_and_home_places_before_the_posts_are_skipped():
    text = (
        "Thiếu úy Phí Văn Khang, sinh năm 1994, tại thị trấn Tiên Yên, Bình Liêu, Quảng Ninh là huấn luyện "
        "viên chó phát hiện ma túy Đồn Biên phòng Hoành Mô. Đại tá Hồ Văn Bảo, quê ở xã Yên Sơn, "
        "huyện Đô Lương, tỉnh Nghệ An, Chính ủy Lữ đoàn 2 dự."
    )
    assert officers(text) == [
        ("Phí Văn Khang", "Thiếu úy", ["Huấn luyện viên chó phát hiện ma túy Đồn Biên phòng Hoành Mô"]),
        ("Hồ Văn Bảo", "Đại tá", ["Chính ủy Lữ đoàn 2"]),
    ]


def test_a_level_and_a_count_in_lower_case_are_no_unit():
    text = "Giảm 8 đầu sổ cấp tiểu đoàn, 6 đầu sổ cấp đại đội 3 năm qua. Tư lệnh quân khu 9 dự."
    assert units(text) == ["Quân khu 9"]


def test_a_post_after_dong_chi_with_a_bare_formation_is_nobody_s():
    text = "Thượng tướng Lê Văn Vĩnh dự hội nghị.\n\nĐồng chí Chính ủy Quân khu cũng yêu cầu các đơn vị."
    assert officers(text) == [("Lê Văn Vĩnh", "Thượng tướng", [])]


def test_a_counted_post_right_before_the_colon_is_everyone_s():
    text = (
        "Thủ tướng bổ nhiệm ba Thứ trưởng Bộ Công an: Trung tướng Lò Văn Ấn, Giám đốc Công an tỉnh Sơn La; "
        "Thiếu tướng Vi Văn Bé, Cục trưởng Cục Cảnh sát giao thông và Thiếu tướng Lý Văn Cư."
    )
    post = "Thứ trưởng Bộ Công an"
    assert officers(text) == [
        ("Lò Văn Ấn", "Trung tướng", [post, "Giám đốc Công an tỉnh Sơn La"]),
        ("Vi Văn Bé", "Thiếu tướng", [post, "Cục trưởng Cục Cảnh sát giao thông"]),
        ("Lý Văn Cư", "Thiếu tướng", [post]),
    ]


def test_an_appointment_after_two_names_is_both_officers():
    text = (
        "Thủ tướng bổ nhiệm Thượng tướng Lạc Văn An và Trung tướng Võ Văn Ba giữ chức Thứ trưởng Bộ Công an."
    )
    assert officers(text) == [
        ("Lạc Văn An", "Thượng tướng", ["Thứ trưởng Bộ Công an"]),
        ("Võ Văn Ba", "Trung tướng", ["Thứ trưởng Bộ Công an"]),
    ]


def test_a_name_in_capitals_ends_before_the_verb_of_an_appointment_headline():
    text = "THƯỢNG TƯỚNG LẠC VĂN AN GIỮ CHỨC THỨ TRƯỞNG BỘ CÔNG AN\nĐẠI TÁ KHÚC VĂN BA ĐƯỢC BỔ NHIỆM"
    assert [name for name, _, _ in officers(text)] == ["Lạc Văn An", "Khúc Văn Ba"]


def test_a_centre_takes_its_place_or_its_parent():
    text = "Trung tâm Y tế huyện Cần Giờ phối hợp với Trung tâm Huấn luyện Quân khu 5."
    assert units(text) == ["Trung tâm Y tế huyện Cần Giờ", "Trung tâm Huấn luyện Quân khu 5", "Quân khu 5"]


def test_an_arm_that_names_a_body_or_a_foreign_arm_is_not_a_name():
    text = "Các Chuẩn Đô đốc Hải quân Việt Nam tham dự. Thiếu tướng Không quân Mỹ Randall Reed thăm đơn vị."
    assert officers(text) == [("Randall Reed", "Thiếu tướng", [])]
    assert units(text) == ["Hải quân Việt Nam"]


def test_a_named_body_or_coded_factory_in_lower_case_after_a_post():
    text = (
        "Thiếu tá Lò Văn Ánh, Đồn trưởng đồn Biên phòng Ba Chẽ dự. Đại tá Đỗ Văn Dự, Giám đốc nhà máy Z127 "
        "báo cáo. Tư lệnh quân khu 9 phát biểu."
    )
    assert officers(text) == [
        ("Lò Văn Ánh", "Thiếu tá", ["Đồn trưởng Đồn Biên phòng Ba Chẽ"]),
        ("Đỗ Văn Dự", "Đại tá", ["Giám đốc Nhà máy Z127"]),
    ]
    assert units(text) == ["Đồn Biên phòng Ba Chẽ", "Nhà máy Z127", "Quân khu 9"]


def test_a_post_abroad_names_where_it_is_held():
    text = (
        "Đại tá Nguyễn Văn An, Tuỳ viên Quốc phòng Việt Nam tại Lào, cho biết. Đại tá Leang Sovannara, "
        "Trưởng Tùy viên Quân sự Vương quốc Campuchia tại Việt Nam phát biểu. Thiếu tướng Trần Văn Cường, "
        "Phó Tư lệnh Quân khu 7 tại buổi lễ, trao quà."
    )
    assert officers(text) == [
        ("Nguyễn Văn An", "Đại tá", ["Tùy viên Quốc phòng Việt Nam tại Lào"]),
        ("Leang Sovannara", "Đại tá", ["Trưởng Tùy viên Quân sự Vương quốc Campuchia tại Việt Nam"]),
        ("Trần Văn Cường", "Thiếu tướng", ["Phó Tư lệnh Quân khu 7"]),  # "tại" ends a post at home
    ]
    assert "Việt Nam tại Lào" not in units(text)


def test_a_post_given_in_other_words_of_appointment_counts():
    text = (
        "Thượng tá Phạm Văn Đức, nguyên Chính trị viên Ban Chỉ huy Quân sự huyện Châu Thành được giao "
        "trọng trách mới là Phó Chính ủy Bộ Chỉ huy Quân sự tỉnh Long An. Đại tá Lê Văn Tám được điều "
        "động, bổ nhiệm đảm nhiệm cương vị Chính ủy Sư đoàn 5. Đại tá Ngô Văn Ba đảm nhận chức vụ Tham "
        "mưu trưởng Quân đoàn 12. Trung tướng Trần Văn Năm chúc mừng các đồng chí đảm nhiệm cương vị mới."
    )
    assert officers(text) == [
        (
            "Phạm Văn Đức",
            "Thượng tá",
            [
                "nguyên Chính trị viên Ban Chỉ huy Quân sự huyện Châu Thành",
                "Phó Chính ủy Bộ Chỉ huy Quân sự tỉnh Long An",
            ],
        ),
        ("Lê Văn Tám", "Đại tá", ["Chính ủy Sư đoàn 5"]),
        ("Ngô Văn Ba", "Đại tá", ["Tham mưu trưởng Quân đoàn 12"]),
        ("Trần Văn Năm", "Trung tướng", []),  # congratulating others is no appointment of his
    ]


def test_officers_listed_after_a_promotion_hold_the_rank_they_are_promoted_to():
    text = (
        "Các sĩ quan được thăng quân hàm từ Đại tá lên Thiếu tướng gồm: Nguyễn Văn Hùng, Chỉ huy trưởng "
        "Bộ CHQS tỉnh Cà Mau; Niê Ta, Chỉ huy trưởng Bộ CHQS tỉnh Đắk Lắk; Đại tá Hồ Văn Dũng, Chính ủy "
        "Sư đoàn 5. Chủ tịch nước thăng quân hàm Trung tướng đối với các đồng chí: Trần Văn Bình và Lê "
        "Văn Cường. Tham dự có: Phạm Văn Hòa, Nguyễn Văn Sơn."  # no promotion: no rank, no officer
    )
    assert officers(text) == [
        ("Nguyễn Văn Hùng", "Thiếu tướng", ["Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Cà Mau"]),
        ("Niê Ta", "Thiếu tướng", ["Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Đắk Lắk"]),
        ("Hồ Văn Dũng", "Thiếu tướng", ["Chính ủy Sư đoàn 5"]),  # written "Đại tá": the rank conferred wins
        ("Trần Văn Bình", "Trung tướng", []),
        ("Lê Văn Cường", "Trung tướng", []),
    ]
    ranks = [m.canonical for m in extract_entities(text) if m.type == "rank"]
    assert ranks == ["Đại tá", "Thiếu tướng", "Đại tá", "Trung tướng"]  # rank mentions only where written


def test_a_post_after_a_unit_and_co_belongs_to_that_unit():
    text = (
        "Tổng cục Chính trị QĐND Việt Nam có Chủ nhiệm là Thượng tướng Trịnh Văn Quyết. Quân khu 7 hiện "
        "có Chính ủy là Trung tướng Trần Hoài Trung. Đơn vị có Đại tá Lê Văn An tham dự."
    )
    assert officers(text) == [
        ("Trịnh Văn Quyết", "Thượng tướng", ["Chủ nhiệm Tổng cục Chính trị Quân đội nhân dân Việt Nam"]),
        ("Trần Hoài Trung", "Trung tướng", ["Chính ủy Quân khu 7"]),
        ("Lê Văn An", "Đại tá", []),
    ]


def test_a_post_after_dong_chi_with_a_bare_formation_is_the_general_s_who_leads_it():
    text = (
        "Phát biểu giao nhiệm vụ, Thiếu tướng Hoàng Đình Chung chúc mừng các đồng chí được bổ nhiệm.\n"
        "Đồng thời, đồng chí Chủ nhiệm Chính trị Quân khu cũng yêu cầu các đơn vị."
    )
    assert officers(text) == [
        ("Hoàng Đình Chung", "Thiếu tướng", []),
        ("Hoàng Đình Chung", "Thiếu tướng", ["Chủ nhiệm Chính trị Quân khu"]),
    ]


def test_a_command_held_until_then_and_a_command_in_charge():
    text = (
        "Tại Quân khu 3, Thiếu tướng Nguyễn Quang Ngọc, Tham mưu trưởng Quân khu 3, được giao nhiệm vụ "
        "phụ trách Tư lệnh Quân khu 3. Tư lệnh Quân khu 3 trước đó là Trung tướng Vũ Hải Sản. Trung tướng "
        "Sản đã được Thủ tướng bổ nhiệm giữ chức Thứ trưởng Bộ Quốc phòng. Đại tá Lê Văn An hoàn thành "
        "nhiệm vụ huấn luyện."
    )
    assert posts(text) == {
        "Nguyễn Quang Ngọc": ["Tham mưu trưởng Quân khu 3", "phụ trách Tư lệnh Quân khu 3"],
        "Vũ Hải Sản": ["Tư lệnh Quân khu 3", "Thứ trưởng Bộ Quốc phòng"],
        "Lê Văn An": [],
    }


def test_a_dash_after_a_regional_defence_command_goes_on_with_its_name_not_a_post():
    text = (
        "Đại tá Lê Văn An, Chỉ huy trưởng Ban Chỉ huy Phòng thủ khu vực 1 - Ba Đình phát biểu. Thượng tá "
        "Lê Văn Ba, Chính trị viên Ban Chỉ huy Phòng thủ khu vực 4 - Phó Bí thư Đảng ủy Quân sự tỉnh dự."
    )
    assert posts(text) == {
        "Lê Văn An": ["Chỉ huy trưởng Ban Chỉ huy Phòng thủ khu vực 1 - Ba Đình"],
        "Lê Văn Ba": ["Chính trị viên Ban Chỉ huy Phòng thủ khu vực 4", "Phó Bí thư Đảng ủy Quân sự tỉnh"],
    }


def test_a_bare_deputy_post_takes_the_unit_of_the_officer_named_before_it_in_the_sentence():
    text = (
        "Quân khu 9 chỉ đạo. Tại Hội nghị, Đại tá Huỳnh Việt Trung, Chính ủy Bộ Chỉ huy Quân sự tỉnh Hậu "
        "Giang bàn giao chức vụ cho Đại tá Võ Văn Phương, Phó Chính ủy, để nhận nhiệm vụ mới. Đại tá Lê "
        "Văn An, Phó Chính ủy, phát biểu."  # another sentence, two units of its kinds: no guess
    )
    assert posts(text) == {
        "Huỳnh Việt Trung": ["Chính ủy Bộ Chỉ huy Quân sự tỉnh Hậu Giang"],
        "Võ Văn Phương": ["Phó Chính ủy Bộ Chỉ huy Quân sự tỉnh Hậu Giang"],
        "Lê Văn An": ["Phó Chính ủy"],
    }
