"""expand-abbrev, the library: detection, in-text definitions, the dictionary, tables, rewriting, quality."""

import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from helpers import GOLD, ROOT, SCORE, SEEDS, needs_shared

from vnpress.abbrev.define import find_definitions
from vnpress.abbrev.detect import find_candidates, is_syllable
from vnpress.abbrev.dictionary import bundled_entries, dictionary_table, load_dictionary
from vnpress.abbrev.expand import abbreviation_table, find_abbreviations, rewrite_documents, rewrite_text
from vnpress.errors import DataFileError, UsageError
from vnpress.io.corpus import Document, read_corpus

FIXTURES = ROOT / "tests" / "fixtures" / "abbrev"
ARTICLES = FIXTURES / "articles"

DICT = load_dictionary()


def found(text, dictionary=DICT):
    """{abbreviation: (expansion, source)} of one text, in the state of its last occurrence."""
    return {o.abbreviation: (o.expansion, o.source) for o in find_abbreviations(text, dictionary)}


def candidates(text):
    return [c.text for c in find_candidates(text) if not c.wordlike]


def definitions(text):
    return [(d.abbreviation, d.expansion) for d in find_definitions(text)]


# --- what counts as an abbreviation ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Công tác CTĐ, CTCT của đơn vị.", ["CTĐ", "CTCT"]),
        ("Nghị quyết của T.Ư về quốc phòng.", ["T.Ư"]),
        ("gắn phát triển KT-XH với củng cố QP-AN.", ["KT-XH", "QP-AN"]),
        ("công tác PCCC&CNCH tại chỗ", ["PCCC&CNCH"]),
        ("Bộ Tư lệnh QK3 tổ chức", ["QK"]),
        ("Quy chế công tác vềCTĐ, CTCT", ["CTĐ", "CTCT"]),
        ("(Ảnh: Trọng Đức/TTXVN)", ["TTXVN"]),
        ("Sở GD&ĐT và Sở LĐ-TB&XH phối hợp", ["GD&ĐT", "LĐ-TB&XH"]),
    ],
)
def test_candidates(text, expected):
    assert candidates(text) == expected


def test_a_glued_abbreviation_records_its_number_and_the_missing_space():
    qk, ctd = find_candidates("Bộ Tư lệnh QK3 và vềCTĐ")
    assert (qk.text, qk.number, qk.glued, qk.start, qk.end_with_number) == ("QK", "3", False, 11, 14)
    assert (ctd.text, ctd.number, ctd.glued) == ("CTĐ", None, True)


@pytest.mark.parametrize(
    "text",
    [
        "Nghị quyết Đại hội XIII của Đảng, Nghị quyết Trung ương 4 (khóa XII), khóa VIII, XIV, XXI.",
        "Nhà máy Z199, nhà giàn DK1/10, xe tăng T50, tàu HQ-561, máy bay SU-30MK2, COVID-19.",
        "Nghị quyết số 35-NQ/TW, Quyết định 1234/QĐ-BQP, Nghị định 12/2019/NĐ-CP, Chỉ thị 05-CT/TW.",
        "Xem https://www.qdnd.vn/QUOC-PHONG/TIN-TUC-123 hoặc viết cho toasoan@QDND.vn, (Thanhuytphcm.vn).",
        "Hội nghị kết thúc.\n\nNGUYỄN BẰNG\n",
        "Tin, ảnh: TRẦN ANH MINH - LÊ HOÀNG",
        "QUÂN KHU 7 TỔNG KẾT CÔNG TÁC QUÂN SỰ, QUỐC PHÒNG NĂM 2023",
        "BỘ CHỈ HUY QUÂN SỰ TỈNH ĐẮK LẮK: DIỄN TẬP KHU VỰC PHÒNG THỦ",
        "PetroVietnam, VnExpress, iPhone, eKYC, TikTok, McDonald",
    ],
)
def test_not_abbreviations(text):
    assert found(text) == {}


def test_a_headline_in_capitals_still_shows_its_abbreviations():
    assert found("LLVT TỈNH NAM ĐỊNH HOÀN THÀNH TỐT NHIỆM VỤ CTĐ, CTCT") == {
        "LLVT": ("lực lượng vũ trang", "dictionary"),
        "CTĐ": ("công tác Đảng", "dictionary"),
        "CTCT": ("công tác chính trị", "dictionary"),
    }


def test_a_capitalised_syllable_counts_alone_if_known_and_never_in_a_run():
    assert found("Nghị quyết của TƯ về quốc phòng") == {"TƯ": ("Trung ương", "dictionary")}
    assert found("HỘI NGHỊ TƯ LẦN THỨ TÁM") == {}
    assert found("Ông nói: KHÔNG được chủ quan") == {}


def test_unit_codes_count_only_when_their_letters_are_known():
    assert found("nhà giàn DK1/10 và Bộ Tư lệnh QĐ4") == {"QĐ": ("Quân đoàn", "dictionary")}


@pytest.mark.parametrize(
    "word", ["NGUYỄN", "TRƯỜNG", "QUYẾT", "GIỮ", "KHUYẾN", "NGHIÊNG", "ĐẮK", "AN", "TƯ", "hoạch"]
)
def test_syllables(word):
    assert is_syllable(word)


@pytest.mark.parametrize(
    "word", ["CTĐ", "LLVT", "UBND", "QK", "TTXVN", "CAND", "QUTW", "TW", "NATO", "ASEAN", "XIV"]
)
def test_not_syllables(word):
    assert not is_syllable(word)


def table_of(text):
    """{abbreviation: expansion} as the by-file table (what the evaluation reads) gives it for one text."""
    return {r["abbreviation"]: r["expansion"] for r in abbreviation_table(docs(text), by_file=True).rows}


def test_a_dotted_chain_of_known_titles_counts_as_its_parts():
    text = "Dự hội thảo có PGS.TS Trần Văn Hòa, GS.TSKH Lê Minh và ThS.BS Phạm Thị An."
    assert table_of(text) == {
        "PGS": "Phó Giáo sư",
        "TS": "Tiến sĩ",
        "GS": "Giáo sư",
        "TSKH": "Tiến sĩ Khoa học",
        "ThS": "Thạc sĩ",
        "BS": "Bác sĩ",
    }
    assert rewrite_text(text, DICT)[0] == (
        "Dự hội thảo có Phó Giáo sư, Tiến sĩ Trần Văn Hòa, Giáo sư, Tiến sĩ Khoa học Lê Minh "
        "và Thạc sĩ, Bác sĩ Phạm Thị An."
    )


def test_a_chain_of_single_letters_or_known_whole_stays_whole():
    assert table_of("Bí thư Quân ủy T.Ư về công tác tại TP.HCM.") == {
        "T.Ư": "Trung ương",
        "TP.HCM": "Thành phố Hồ Chí Minh",
    }
    assert table_of("Ông GS.XYZ phát biểu") == {"GS": "Giáo sư", "XYZ": None}  # not all parts known


def test_mixed_case_counts_only_inside_a_chain():
    assert found("Đại tá, ThS. Nguyễn Văn Nam và Chỉ thị của TTg") == {}


def test_the_outlet_tag_heading_a_paragraph_is_read_in_its_place():
    text = "Tựa bài\n\nTCCS - Ngày 5-3, hội nghị bàn cách củng cố TCCS đảng ở cơ sở."
    assert rewrite_text(text, DICT)[0] == (
        "Tựa bài\n\nTạp chí Cộng sản - Ngày 5-3, hội nghị bàn cách củng cố tổ chức cơ sở đảng ở cơ sở."
    )
    assert found("(TCCS) - Sáng 2-4, đoàn công tác")["TCCS"] == ("Tạp chí Cộng sản", "dictionary")
    assert found("QĐND - Chiều 2-4, Bộ Tư lệnh tổ chức")["QĐND"] == ("Quân đội nhân dân", "dictionary")


def test_unknown_outlet_tags_and_photo_credits_are_left_out():
    text = (
        "Tựa bài\nBQO - Ngày 3-5, đoàn công tác BĐBP tỉnh đến thăm.\n(HNO) Ngày 7-8, UBND huyện họp."
        "\n(QRT News) - Sáng nay, hội nghị. Ảnh: H.T\nCác chiến sĩ (Ảnh: KL) và (Ảnh: Văn Minh/TTXVN)."
        " Trung tướng phát biểu. Ảnh: TTX."
    )
    assert table_of(text) == {
        "BĐBP": "Bộ đội Biên phòng",
        "UBND": "Ủy ban nhân dân",
        "TTXVN": "Thông tấn xã Việt Nam",
        "TTX": "Thông tấn xã Việt Nam",  # a known agency in a credit is reported
    }
    assert table_of("Theo BQO - một nguồn tin") == {"BQO": None}  # inside a sentence it is reported
    assert table_of("Trong bối cảnh: BQO mở rộng") == {"BQO": None}  # "cảnh:" is no photo credit


def test_an_ampersand_compound_is_spelled_out_piece_by_piece():
    # KT alone has two readings (kinh tế, kỹ thuật); joined to a known abbreviation by "&" it is kinh tế
    both = "công nghiệp quốc phòng và kinh tế"
    assert table_of("CNQP&KT - Nhà máy sản xuất.") == {"CNQP&KT": both}
    assert table_of("Tạp chí CNQP&KT đưa tin.") == {"CNQP&KT": both}
    assert table_of("Ban KT làm việc.") == {"KT": None}  # alone: never guessed
    assert table_of("CNQP&XYZ tổ chức.") == {"CNQP": "công nghiệp quốc phòng", "XYZ": None}


def test_bv_is_a_hospital_before_a_number_or_a_name_only():
    assert table_of("Thủ trưởng BV 175 và BV Quân y 103.") == {"BV": "bệnh viện"}
    assert table_of("Công ty BV.") == {"BV": None}


def test_hull_numbers_time_zones_and_serials_are_codes():
    text = "Kíp tàu BP 12-34-56 phối hợp với Đồn BP Cửa khẩu lúc 10:05 (GMT+7)."
    assert table_of(text) == {"BP": "Biên phòng"}
    assert [o.start for o in find_abbreviations(text, DICT)] == [text.index("Đồn BP") + 4]
    # before a plain hull number the letters name the force: tàu HQ 331 of the Hải quân
    assert table_of("Tàu HQ 331 và tàu CSB 9001 cùng tuần tra") == {"HQ": "Hải quân", "CSB": "Cảnh sát biển"}
    assert table_of("Tàu HQ-561 Khánh Hòa") == {}
    assert found("Đoàn thăm nhà giàn DK-I và DK-II, giờ UTC+7") == {}
    assert found("Chủ nhật, 06/10/2019 17:18 PM (GMT+7), 9:05AM") == {}


@pytest.mark.parametrize(
    ("text", "abbreviation", "expansion"),
    [
        ("Thường trực Đảng ủy CATW chỉ đạo", "CATW", "Công an Trung ương"),
        ("Công an xã phối hợp với CAH Tân Kỳ", "CAH", "Công an huyện"),
        ("lớp HSQCH của trung đoàn", "HSQCH", "hạ sĩ quan chỉ huy"),
        ("đẩy mạnh NCKH trong nhà trường", "NCKH", "nghiên cứu khoa học"),
        ("lực lượng CSB tuần tra", "CSB", "Cảnh sát biển"),
        ("Đồn BP Cửa khẩu", "BP", "Biên phòng"),
        ("Phó Chính ủy ĐBP Cửa khẩu", "ĐBP", "Đồn Biên phòng"),
        ("Đại tá A - UVTV Tỉnh ủy, Chỉ huy trưởng", "UVTV", "Ủy viên Thường vụ"),
        ("Ông B, UVBTV Thành ủy", "UVBTV", "Ủy viên Ban Thường vụ"),
        ("Đại tá C, TUV, Chỉ huy trưởng Bộ CHQS tỉnh", "TUV", "Tỉnh ủy viên"),
        ("Thượng tá D, HUV, Chỉ huy trưởng Ban CHQS huyện", "HUV", "Huyện ủy viên"),
        ("Ủy viên BTVTU, Chính ủy Bộ CHQS tỉnh", "BTVTU", "Ban Thường vụ Tỉnh ủy"),
        ("Đồng chí E, Ủy viên TVTU dự hội nghị", "TVTU", "Thường vụ Tỉnh ủy"),
        ("Ủy viên TƯĐ, Phó Chủ nhiệm Tổng cục Chính trị", "TƯĐ", "Trung ương Đảng"),
        ("Đại biểu Quân ủy TƯ và Đảng ủy TƯQĐ", "TƯQĐ", "Trung ương Quân đội"),
        ("bồi dưỡng kiến thức cho CBCC cấp xã", "CBCC", "cán bộ, công chức"),
        ("Đồn Biên phòng CKQT Mộc Bài", "CKQT", "Cửa khẩu quốc tế"),
        ("Học viện đào tạo cán bộ CH-TM cấp phân đội", "CH-TM", "chỉ huy - tham mưu"),
        (
            "Tháo gỡ thẻ vàng IUU cho ngành thủy sản",
            "IUU",
            "khai thác hải sản bất hợp pháp, không báo cáo và không theo quy định",
        ),
        ("LTS: Bài viết dưới đây phân tích", "LTS", "Lời tòa soạn"),
        ("Bộ Tư lệnh Vùng 3 HQ tổ chức huấn luyện", "HQ", "Hải quân"),
        ("lớp BDKTQP&AN cho đối tượng 4", "BDKTQP&AN", "bồi dưỡng kiến thức quốc phòng và an ninh"),
        ("trung đội DQCĐ của xã", "DQCĐ", "dân quân cơ động"),
        ("Chủ tịch HCCB huyện", "HCCB", "Hội Cựu chiến binh"),
        ("các Chương trình MTQG giảm nghèo", "MTQG", "mục tiêu quốc gia"),
    ],
)
def test_dictionary_entries_of_the_press(text, abbreviation, expansion):
    assert found(text)[abbreviation] == (expansion, "dictionary")


def test_tt_is_a_town_only_before_a_place_of_a_district():
    assert found("gia đình ở TT Phong Điền, huyện Phong Điền")["TT"] == ("thị trấn", "dictionary")
    assert found("trú tại TT Cam Lộ (H.Cam Lộ)")["TT"] == ("thị trấn", "dictionary")
    assert found("các xã, TT trong huyện")["TT"] == ("thị trấn", "dictionary")
    assert found("học viên TT Huấn luyện Quân sự, huyện")["TT"] == (None, "unknown")


def test_the_pieces_of_a_split_compound_are_read_in_their_own_context():
    assert table_of("diễn tập PCTT-TKCN năm nay") == {
        "PCTT": "phòng, chống thiên tai",
        "TKCN": "tìm kiếm cứu nạn",
    }


# --- definitions in the text -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("trong lực lượng vũ trang (LLVT) Quân khu", [("LLVT", "lực lượng vũ trang")]),
        ("Chính ủy Bộ Chỉ huy Quân sự (CHQS) tỉnh chủ trì", [("CHQS", "Chỉ huy Quân sự")]),
        ("đơn vị trong LLVT (lực lượng vũ trang) tỉnh", [("LLVT", "lực lượng vũ trang")]),
        ("LLVT (lực lượng vũ trang tỉnh Nam Định)", [("LLVT", "lực lượng vũ trang")]),
        (
            "về công tác Đảng, công tác chính trị (CTĐ, CTCT); Quy định",
            [("CTĐ", "công tác Đảng"), ("CTCT", "công tác chính trị")],
        ),
        (
            "bảo đảm phòng cháy, chữa cháy và cứu nạn, cứu hộ (PCCC và CNCH) trên đảo",
            [("PCCC", "phòng cháy, chữa cháy"), ("CNCH", "cứu nạn, cứu hộ")],
        ),
        (
            "CTĐ, CTCT (công tác Đảng, công tác chính trị) là",
            [("CTĐ", "công tác Đảng"), ("CTCT", "công tác chính trị")],
        ),
        ("Bộ Tư lệnh Bộ đội Biên phòng (BTL BĐBP)", [("BTL", "Bộ Tư lệnh"), ("BĐBP", "Bộ đội Biên phòng")]),
        ("Lực lượng vũ trang (LLVT) tỉnh", [("LLVT", "Lực lượng vũ trang")]),
        ("Ủy ban nhân dân (UBND) xã", [("UBND", "Ủy ban nhân dân")]),
        (
            "Quân ủy Trung ương (QUTW) và Trung ương (T.Ư)",
            [("QUTW", "Quân ủy Trung ương"), ("T.Ư", "Trung ương")],
        ),
        ("Quân khu 3 (QK3)", [("QK", "Quân khu")]),
        ("Tổng cục Hậu cần - Kỹ thuật (TCHC-KT)", [("TCHC-KT", "Tổng cục Hậu cần - Kỹ thuật")]),
        (
            "Trung tâm Giáo dục quốc phòng và an ninh (TTGDQP&AN)",
            [("TTGDQP&AN", "Trung tâm Giáo dục quốc phòng và an ninh")],
        ),
        ("“Dân vận khéo” (DVK)", [("DVK", "Dân vận khéo")]),
        ("Trung tâm Huấn luyện (gọi tắt là TTHL)", [("TTHL", "Trung tâm Huấn luyện")]),
    ],
)
def test_definitions(text, expected):
    assert definitions(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Dảng Cộng sản (ĐCS)",  # Đ matches Đ only
        "Đảng Cộng sản (DCS)",
        "lực lượng vũ trang tỉnh (LLVT)",  # the long form must end at the bracket
        "lực lượng thường trực vũ trang (LLVT)",  # only function words may be skipped
        "các cơ quan, đơn vị, lực lượng trên địa bàn tỉnh, thành phố vũ trang (LLVT)",  # beyond the window
        "Nghị quyết Trung ương 4 (khóa XII)",
        "HOÀNG ANH (thực hiện)",
        "Ban Chỉ đạo 35 (BCĐ 35)",
        "công tác Đảng, công tác chính trị (CTCĐ)",
    ],
)
def test_not_definitions(text):
    assert definitions(text) == []


def test_a_definition_holds_from_where_it_stands_to_the_end_of_its_document():
    text = "TTHL chuẩn bị. Trung tâm Huấn luyện (TTHL) khai giảng; TTHL có 3 lớp."
    sources = [(o.source, o.expansion) for o in find_abbreviations(text, DICT)]
    assert sources == [
        ("unknown", None),
        ("defined", "Trung tâm Huấn luyện"),
        ("defined", "Trung tâm Huấn luyện"),
    ]


def test_a_definition_beats_the_dictionary():
    assert found("Trung tâm Chính trị (TTCT) huyện; TTCT mở lớp.") == {
        "TTCT": ("Trung tâm Chính trị", "defined")
    }
    assert found("Tổng cục Chính trị (TCCT)") == {"TCCT": ("Tổng cục Chính trị", "defined")}


def test_a_typo_is_unknown_not_guessed():
    assert found("công tác Đảng, công tác chính trị (CTĐ, CTCT); hoạt động CTCĐ, CTCT")["CTCĐ"] == (
        None,
        "unknown",
    )


# --- the dictionary ----------------------------------------------------------------------------

BRIEF = {
    "CTĐ": "công tác Đảng",
    "CTCT": "công tác chính trị",
    "LLVT": "lực lượng vũ trang",
    "CHQS": "Chỉ huy Quân sự",
    "QĐND": "Quân đội nhân dân",
    "SSCĐ": "sẵn sàng chiến đấu",
    "BĐBP": "Bộ đội Biên phòng",
    "QUTW": "Quân ủy Trung ương",
    "T.Ư": "Trung ương",
    "TW": "Trung ương",
    "QP-AN": "quốc phòng - an ninh",
    "KT-XH": "kinh tế - xã hội",
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "MTTQ": "Mặt trận Tổ quốc",
    "BCH": "Ban Chỉ huy",
    "BTL": "Bộ Tư lệnh",
    "BTTM": "Bộ Tổng Tham mưu",
    "TCCT": "Tổng cục Chính trị",
    "TCHC": "Tổng cục Hậu cần",
    "TCKT": "Tổng cục Kỹ thuật",
    "QK": "Quân khu",
    "QĐ": "Quân đoàn",
    "CAND": "Công an nhân dân",
    "TTXVN": "Thông tấn xã Việt Nam",
    "BQP": "Bộ Quốc phòng",
    "TP": "thành phố",
}


def test_every_abbreviation_the_entity_rules_spell_out_is_in_the_dictionary():
    # data/units.tsv spells abbreviations out inside unit names; expand-abbrev must know each one
    # that it can find (two capitals or more), or the two lists drift apart.
    from vnpress.entities.gazetteer import load_gazetteer

    found_by_expand_abbrev = [a for a in load_gazetteer().abbrevs if sum(c.isupper() for c in a) >= 2]
    assert [a for a in found_by_expand_abbrev if a not in DICT and "." not in a] == []


def test_the_bundled_dictionary():
    entries = bundled_entries()
    assert len({e.abbreviation for e in entries}) >= 150
    assert {e.category for e in entries} == {"military", "party", "state", "organisation", "media", "general"}
    keys = [(e.abbreviation, e.when.pattern if e.when else None) for e in entries]
    assert len(keys) == len(set(keys))
    plain = [e.abbreviation for e in entries if e.when is None]
    assert len(plain) == len(set(plain)), "one plain entry per abbreviation; a second one needs a `when`"
    for abbreviation, expansion in BRIEF.items():
        assert DICT.lookup(abbreviation).expansion == expansion
    for e in entries:
        assert e.abbreviation == unicodedata.normalize("NFC", e.abbreviation)
        assert not any(c.isdigit() for c in e.abbreviation)


@pytest.mark.parametrize(
    ("text", "expansion"),
    [
        ("Ủy viên BCH Trung ương Đảng", "Ban Chấp hành"),
        ("Hội nghị BCH Đảng bộ tỉnh lần thứ 5", "Ban Chấp hành"),
        ("BCH Quân sự huyện tổ chức huấn luyện", "Ban Chỉ huy"),
        ("Bộ Tư lệnh và BCH BĐBP tỉnh", "Bộ Chỉ huy"),
    ],
)
def test_when_patterns_pick_the_reading(text, expansion):
    assert found(text)["BCH"] == (expansion, "dictionary")


def test_compounds_of_known_pieces_are_spelled_out_piece_by_piece():
    assert found("giáo dục QS-QP cho học sinh") == {"QS-QP": ("quân sự - quốc phòng", "dictionary")}
    assert found("hợp tác QP-AN") == {"QP-AN": ("quốc phòng - an ninh", "dictionary")}
    assert found("khu vực XY-QP") == {"XY-QP": (None, "unknown")}


def test_compounds_of_full_abbreviations_are_split():
    assert found("Thường trực HĐND-UBND tỉnh") == {
        "HĐND": ("Hội đồng nhân dân", "dictionary"),
        "UBND": ("Ủy ban nhân dân", "dictionary"),
    }
    assert found("khu vực ABC-QP") == {"ABC": (None, "unknown"), "QP": ("quốc phòng", "dictionary")}
    assert found("liên hoan VIỆT-LÀO") == {}


def test_user_dictionary_adds_and_overrides(tmp_path):
    user = tmp_path / "mine.tsv"
    user.write_text(
        "# my unit\nabbreviation\texpansion\tcategory\nTTHL\tTrung tâm Huấn luyện\tmilitary\nBCH\tBan Chỉ huy\n",
        encoding="utf-8",
    )
    d = load_dictionary([str(user)])
    assert d.lookup("TTHL").expansion == "Trung tâm Huấn luyện"
    assert d.lookup("BCH", "Ủy viên", "Trung ương").expansion == "Ban Chỉ huy"  # every BCH entry replaced
    assert d.lookup("BCH").category == "user"
    assert len(d) == len(DICT) + 1 - 2


@pytest.mark.parametrize(
    ("content", "where", "message"),
    [
        ("abbreviation\texpansion\nTTHL\n", ":2:", "empty 'expansion' column"),
        ("abbr\texp\nTTHL\tx\n", ":1:", "header must name the columns"),
        ("abbreviation\texpansion\n\nthường\tx\n", ":3:", "not an abbreviation"),
        ("abbreviation\texpansion\tcategory\twhen\nBCH\tx\ty\t(unclosed\n", ":2:", "bad 'when' pattern"),
    ],
)
def test_malformed_user_dictionary(tmp_path, content, where, message):
    bad = tmp_path / "bad.tsv"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_dictionary([str(bad)])
    assert f"bad.tsv{where}" in str(err.value) and message in str(err.value)


def test_dictionary_table_filters_by_category():
    table = dictionary_table(category="media")
    assert list(table.columns) == ["abbreviation", "expansion", "category", "when"]
    rows = list(table.rows)
    assert {r["category"] for r in rows} == {"media"}
    assert "TTXVN" in [r["abbreviation"] for r in rows]
    with pytest.raises(UsageError, match=r"unknown category 'navy' \(valid: general, media, military"):
        dictionary_table(category="navy")


# --- tables ------------------------------------------------------------------------------------


def docs(*texts):
    return [Document(f"d{i}.txt", t) for i, t in enumerate(texts, 1)]


def test_corpus_table_merges_documents_and_splits_expansions():
    table = abbreviation_table(
        docs(
            "Trung tâm Huấn luyện (TTHL) mở lớp; UBND xã.",
            "Trung tâm Học liệu (TTHL); TTHL.",
            "Trung tâm huấn luyện (TTHL); UBND huyện; XYZW.",
        )
    )
    assert list(table.columns) == ["abbreviation", "expansion", "source", "count", "documents", "context"]
    rows = [tuple(r.values()) for r in table.rows]
    assert rows == [
        ("TTHL", "Trung tâm Học liệu", "defined", 2, 1, None),  # Học < Huấn: o before u
        ("TTHL", "Trung tâm Huấn luyện", "defined", 2, 2, None),
        ("UBND", "Ủy ban nhân dân", "dictionary", 2, 2, None),
        ("XYZW", None, "unknown", 1, 1, "…tâm huấn luyện (TTHL); UBND huyện; XYZW."),
    ]


def test_by_file_table_puts_the_defined_row_last():
    text = "LLVT tỉnh. Lực lượng vận tải (LLVT); LLVT. UBND xã."
    rows = list(abbreviation_table(docs(text), by_file=True).rows)
    assert [(r["file"], r["abbreviation"], r["expansion"], r["source"], r["count"]) for r in rows] == [
        ("d1.txt", "LLVT", "lực lượng vũ trang", "dictionary", 1),
        ("d1.txt", "LLVT", "Lực lượng vận tải", "defined", 2),
        ("d1.txt", "UBND", "Ủy ban nhân dân", "dictionary", 1),
    ]


def test_tables_are_the_same_whatever_the_number_of_jobs():
    corpus = list(read_corpus([str(SEEDS), str(ARTICLES)]))
    one = list(abbreviation_table(corpus, by_file=True, jobs=1).rows)
    two = list(abbreviation_table(corpus, by_file=True, jobs=2).rows)
    assert one == two and len(one) > 50


# --- rewriting ---------------------------------------------------------------------------------


def undo(rewritten, replacements):
    """The original text back from the rewritten one and the replacements made."""
    out, pos, shift = [], 0, 0
    for r in replacements:
        start = r.start + shift
        out.append(rewritten[pos:start])
        assert rewritten[start : start + len(r.text)] == r.text
        out.append(r.original)
        pos = start + len(r.text)
        shift += len(r.text) - (r.end - r.start)
    out.append(rewritten[pos:])
    return "".join(out)


def all_texts():
    return (
        sorted(SEEDS.glob("*.txt"))
        + sorted(ARTICLES.glob("*.txt"))
        + sorted((FIXTURES / "heldout").glob("*.txt"))
    )


@pytest.mark.parametrize("path", all_texts(), ids=lambda p: p.name)
@pytest.mark.parametrize("keep", [False, True])
def test_rewrite_changes_nothing_but_the_abbreviations(path, keep):
    text = path.read_text(encoding="utf-8")
    rewritten, replacements = rewrite_text(text, DICT, keep_abbrev=keep)
    assert undo(rewritten, replacements) == text
    for r in replacements:
        assert re.fullmatch(r"[^\W\d_]+(?:[.\-–&][^\W\d_]+)*\d*", r.original), r
    assert len(replacements) == sum(1 for o in find_abbreviations(text, DICT) if o.expansion and not o.site)


def test_rewrite_by_string_replacement_round_trip():
    text = "Đơn vị trong LLVT tỉnh phối hợp với UBND xã và MTTQ; LLVT sẵn sàng.\n"
    rewritten, _ = rewrite_text(text, DICT)
    assert rewritten == (
        "Đơn vị trong lực lượng vũ trang tỉnh phối hợp với Ủy ban nhân dân xã và Mặt trận Tổ quốc; "
        "lực lượng vũ trang sẵn sàng.\n"
    )
    back = rewritten
    for abbreviation, expansion in [
        ("LLVT", "lực lượng vũ trang"),
        ("UBND", "Ủy ban nhân dân"),
        ("MTTQ", "Mặt trận Tổ quốc"),
    ]:
        back = back.replace(expansion, abbreviation)
    assert back == text


def test_rewrite_keeps_a_definition_as_written():
    text = "lực lượng vũ trang (LLVT) tỉnh; LLVT (lực lượng vũ trang) huyện. LLVT xã."
    assert (
        rewrite_text(text, DICT)[0]
        == "lực lượng vũ trang (LLVT) tỉnh; LLVT (lực lượng vũ trang) huyện. Lực lượng vũ trang xã."
    )


def test_a_definition_that_opens_a_sentence_gives_no_capital_inside_one():
    text = (
        "Lực lượng vũ trang (LLVT) tỉnh; các đơn vị LLVT. Hội đồng nhân dân (HĐND) họp; HĐND tỉnh. LLVT xã."
    )
    assert rewrite_text(text, DICT)[0] == (
        "Lực lượng vũ trang (LLVT) tỉnh; các đơn vị lực lượng vũ trang. Hội đồng nhân dân (HĐND) họp; "
        "Hội đồng nhân dân tỉnh. Lực lượng vũ trang xã."  # an organ keeps its capital (dictionary)
    )
    unknown = "Khung năng lực (KNL) mới; áp dụng KNL."  # not in the dictionary: as defined
    assert rewrite_text(unknown, DICT)[0] == "Khung năng lực (KNL) mới; áp dụng Khung năng lực."


def test_rewrite_spaces_glued_numbers_and_words_and_capitalises_sentences():
    text = "QK3 online - Quy chế vềCTĐ.\nUBND tỉnh, LLVT. XYZW giữ nguyên."
    assert rewrite_text(text, DICT)[0] == (
        "Quân khu 3 online - Quy chế về công tác Đảng.\nỦy ban nhân dân tỉnh, lực lượng vũ trang. XYZW giữ nguyên."
    )


def test_keep_abbrev_writes_the_short_form_once_per_document():
    text = "LLVT tỉnh và QK3; LLVT huyện, QK."
    assert rewrite_text(text, DICT, keep_abbrev=True)[0] == (
        "Lực lượng vũ trang (LLVT) tỉnh và Quân khu 3 (QK3); lực lượng vũ trang huyện, Quân khu."
    )
    defined = "lực lượng vũ trang (LLVT) tỉnh; LLVT huyện."
    assert (
        rewrite_text(defined, DICT, keep_abbrev=True)[0]
        == "lực lượng vũ trang (LLVT) tỉnh; lực lượng vũ trang huyện."
    )


def test_rewrite_keeps_decomposed_text_outside_the_replacements():
    text = unicodedata.normalize("NFD", "Tiến hành ở UBND tỉnh Hòa Bình.")
    rewritten, _ = rewrite_text(text, DICT)
    assert rewritten == text.replace("UBND", "Ủy ban nhân dân")


def test_rewrite_documents_separates_documents_with_a_form_feed_line(tmp_path):
    import io

    out = io.StringIO()
    rewrite_documents(docs("UBND xã", "LLVT tỉnh\n", "MTTQ"), out)
    assert out.getvalue() == "Ủy ban nhân dân xã\n\f\nLực lượng vũ trang tỉnh\n\f\nMặt trận Tổ quốc"
    one = io.StringIO()
    rewrite_documents(docs("UBND xã"), one)
    assert one.getvalue() == "Ủy ban nhân dân xã"


# --- quality: the seeds and this project's own articles, scored as the evaluation does --------


def score(gold: Path, corpus: Path) -> dict:
    table = abbreviation_table(read_corpus([str(corpus)]), by_file=True)
    rows = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in table.rows)
    proc = subprocess.run(
        [sys.executable, str(SCORE), "abbrev", str(gold), "/dev/stdin", "-v"],
        input=rows,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])["abbreviation"] | {"misses": proc.stderr}


@needs_shared
def test_seeds_score_perfectly():
    result = score(GOLD, SEEDS)
    assert result["f1"] == 1.0, result["misses"]
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    assert sum(len(d.get("abbreviations", {})) for d in gold["documents"].values()) == result["tp"]


@needs_shared
def test_own_articles_score_perfectly():
    result = score(FIXTURES / "gold.json", ARTICLES)
    assert result["f1"] == 1.0, result["misses"]


@needs_shared
def test_held_out_articles():
    """Annotated before vnpress ever ran on them; only the two English acronyms may be missed."""
    result = score(FIXTURES / "heldout" / "gold.json", FIXTURES / "heldout")
    assert result["fp"] == 0 and result["f1"] >= 0.95, result["misses"]
    misses = {line.split("\t")[2] for line in result["misses"].splitlines()}
    assert misses <= {"UAV", "ADMM"}, result["misses"]


def test_the_typo_in_the_seeds_is_unknown():
    rows = list(abbreviation_table(read_corpus([str(SEEDS)]), by_file=True).rows)
    typo = [r for r in rows if r["abbreviation"] == "CTCĐ"]
    assert len(typo) == 1 and typo[0]["source"] == "unknown" and typo[0]["expansion"] is None
    assert "CTCĐ, CTCT" in typo[0]["context"]


def test_a_known_compound_around_a_spaced_dash_is_one_abbreviation_as_written():
    text = "Tỉnh chú trọng nhiệm vụ QP – AN ở biên giới, còn QP và AN là hai mặt."
    assert table_of(text) == {"QP – AN": "quốc phòng - an ninh", "QP": "quốc phòng", "AN": "an ninh"}
    assert rewrite_text(text, DICT)[0].startswith("Tỉnh chú trọng nhiệm vụ quốc phòng - an ninh ở biên giới")
    assert table_of("Phối hợp BĐBP - UBND xã") == {"BĐBP": "Bộ đội Biên phòng", "UBND": "Ủy ban nhân dân"}


def test_a_document_number_with_a_space_at_its_dash_is_a_code():
    text = "Theo Kết luận số 45- KL/TW và Chỉ thị 07 -CT/TW, Ban Chấp hành TW chỉ đạo."
    assert table_of(text) == {"TW": "Trung ương"}
    assert [o.start for o in find_abbreviations(text, DICT)] == [text.index("hành TW") + 5]
