"""vnpress.meta as a library: the articles of tests/fixtures/meta with exact expected fields, every date
format of issue 12, furniture, bylines against photo credits and officers, the year-inference rule
(and the cases where it must give nothing), path dates and the sidecar."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from vnpress.errors import DataFileError
from vnpress.io.tables import META
from vnpress.meta import Sidecar, apply_sidecar, extract_meta
from vnpress.meta.bylines import parse_byline, title_case
from vnpress.meta.dates import line_date, parse_date_value, path_date, valid_date
from vnpress.meta.lines import line_kind
from vnpress.meta.model import COLUMN_NAMES

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "meta"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
TODAY = dt.date.fromisoformat(EXPECTED["today"])


def meta(text: str, path: str = "", today: dt.date = TODAY) -> dict:
    return extract_meta(text, path, today=today).row()


@pytest.mark.parametrize("rel", sorted(EXPECTED["documents"]))
def test_fixture_articles_give_exactly_the_expected_row(rel):
    want = {c: ([] if c in ("authors", "photo_credits") else None) for c in COLUMN_NAMES}
    want.update(EXPECTED["documents"][rel], file=rel)
    assert meta((FIXTURES / rel).read_text(encoding="utf-8"), rel) == want


def test_the_columns_come_from_the_one_spec_with_types_and_descriptions():
    assert COLUMN_NAMES == list(META.names) == [
        "file", "title", "date", "date_inferred", "date_source", "authors", "source", "place", "photo_credits",
    ]  # fmt: skip
    assert all(c.type and c.description for c in META.columns)


@pytest.mark.parametrize(
    "line, date",
    [
        ("14/11/2020, 13:02", "2020-11-14"),
        ("11:58 30/01/2019", "2019-01-30"),
        ("Thứ Năm, ngày 6 tháng 10 năm 2022", "2022-10-06"),
        ("Thứ hai, ngày 16/09/2019 11:25 AM (GMT+7)", "2019-09-16"),
        ("Cập nhật: 31/10/2020", "2020-10-31"),
        ("Ngày đăng: 14/05/2021", "2021-05-14"),
        ("16-1-2025", "2025-01-16"),
        ("Thứ sáu, 19 Tháng 11 2021 21:15 (GMT+7)", "2021-11-19"),
        ("Cập nhật ngày: 03/12/2021 - 19:30", "2021-12-03"),
        ("08:59 27/02/2024 GMT+7", "2024-02-27"),
        ("Thời sự - 14:30, 30/09/2025", "2025-09-30"),
        ("Thứ tư, 15/02/2017, 09:54 (GMT+7) 3800 lượt xem", "2017-02-15"),
        ("Bởi Phan Thanh Toàn - Đăng tải ngày 30/04/2024", "2024-04-30"),
        ("(08/07/2019)", "2019-07-08"),
        ("12/29/2023 10:46:35 AM", "2023-12-29"),  # month first, as an English-language engine prints it
        ("12/06/2023 10:46:35 AM", "2023-06-12"),  # both readings valid: day first, as the press writes
    ],
)
def test_every_date_line_format_of_the_press(line, date):
    assert line_date(line, TODAY) == dt.date.fromisoformat(date)


@pytest.mark.parametrize(
    "line",
    [
        "31/13/2021",  # month 13
        "29/02/2023",  # not a leap year
        "05/06/2031",  # after today
        "Ngày 21/2/2019, tại 13 huyện của tỉnh đồng loạt làm lễ giao quân.",  # an event in a sentence
        "Sáng 13/11, tại Hà Nội",  # no year
        "12/29/2023",  # month first without the AM/PM that shows the English order
    ],
)
def test_what_is_not_a_publication_date(line):
    assert line_date(line, TODAY) is None


def test_valid_date_uses_the_calendar_and_today():
    assert valid_date(2024, 2, 29, TODAY) == dt.date(2024, 2, 29)
    assert valid_date(2023, 2, 29, TODAY) is None
    assert valid_date(2026, 12, 2, TODAY) is None
    assert valid_date(2026, 12, 2, dt.date(2026, 12, 2)) == dt.date(2026, 12, 2)


@pytest.mark.parametrize(
    "path, date",
    [
        ("archive/2021/07/12/slug.txt", "2021-07-12"),
        ("archive/2021-07-12_slug.txt", "2021-07-12"),
        ("archive/20210712-slug.txt", "2021-07-12"),
        ("2019/01/01/index/2021/7/3/slug.txt", "2021-07-03"),
        ("archive/2021/13/40/slug.txt", None),
        ("archive/2031-01-01_slug.txt", None),
        ("archive/5012345678.txt", None),
        ("seeds/004_9fa3df7e3751792f.txt", None),
    ],
)
def test_dates_in_paths(path, date):
    assert path_date(path, TODAY) == (dt.date.fromisoformat(date) if date else None)


def test_the_date_next_to_the_headline_wins_over_a_site_clock_at_the_top():
    text = "Thứ 2, 01/03/2021\n\nBộ đội Biên phòng tuần tra biên giới\n\n25/02/2021 09:10\n\nNgày 24/2, đồn tổ chức tuần tra.\n"
    assert meta(text)["date"] == "2021-02-25"


def test_a_date_glued_to_the_headline_is_the_date_and_not_part_of_the_title():
    row = meta(
        "Chính ủy Quân khu 5 được thăng quân hàm 05/11/2025 08:18\n\n(PLO)- Sáng 5-11, tại Hà Nội, …\n"
    )
    assert (row["title"], row["date"], row["source"]) == (
        "Chính ủy Quân khu 5 được thăng quân hàm",
        "2025-11-05",
        "PLO",
    )


def test_dates_after_the_article_belong_to_other_articles():
    text = "Hội thao quân sự\n\nNgày 3/4, đơn vị tổ chức hội thao.\n\nMinh Hà\n\nTin liên quan\n\n12/05/2020 10:00\n\nTrần Bình\n"
    row = meta(text)
    assert (row["date"], row["authors"]) == (None, ["Minh Hà"])


# --- the headline and the furniture around it


@pytest.mark.parametrize(
    "line, kind",
    [
        ("Ý kiến bạn đọc", "end"),
        ("Tin liên quan", "end"),
        ("Xem thêm", "end"),
        ("Bài viết tương tự:", "end"),
        ("Quân khu 7 Online", "skip"),
        ("Báo Đồng Nai điện tử", "skip"),
        ("Xây dựng Đảng", "skip"),
        ("Pháp luật   An ninh - Quốc phòng", "skip"),
        ("Quốc phòng - An ninh > Tin tức Quốc Phòng", "skip"),
        ("0985.456.616", "skip"),
        ("3800 lượt xem", "skip"),
        ("Home Tin tức - Sư kiện Cục Chính trị tăng cường phối hợp", "skip"),
        ("Hội nghị sơ kết công tác biệt phái sĩ quan 2018 - 2020", "text"),
    ],
)
def test_furniture_lines(line, kind):
    assert line_kind(line) == kind


def test_a_text_that_starts_mid_article_has_no_title():
    text = "Đại tá Lê Văn A chủ trì hội nghị.\nCác đại biểu dự hội nghị. Ảnh: Kim Hồng |\nTừ đầu năm, …\n"
    assert meta(text)["title"] is None


def test_a_caption_naming_an_officer_is_not_a_headline():
    text = "Thiếu tướng Bùi Quang Thanh, Giám đốc Công an tỉnh phát biểu tại lễ ra quân\n\nNgày 15/12, tại Vinh, …\n"
    assert meta(text)["title"] is None


def test_a_headline_repeated_under_the_pictures_after_the_summary():
    title = "Sơ kết 5 năm thực hiện Ngày Biên phòng toàn dân"
    text = f"(Baothanhhoa.vn) - Sáng 27/2, tỉnh tổ chức hội nghị sơ kết.\n\n{title}\n\nẢnh 1.\n\n{title}\n"
    assert meta(text)["title"] == title


# --- bylines, photo credits, officers


@pytest.mark.parametrize(
    "line, authors, photos, source",
    [
        ("NGUYỄN BẰNG", ["Nguyễn Bằng"], [], None),
        ("Tấn Chí", ["Tấn Chí"], [], None),
        ("Thanh Sang, Đức Việt", ["Thanh Sang", "Đức Việt"], [], None),
        ("Xuân Lượng - Khánh Lộc", ["Xuân Lượng", "Khánh Lộc"], [], None),
        ("Tin, ảnh: VĂN TOẢN", ["Văn Toản"], ["Văn Toản"], None),
        ("Bài và ảnh: Lê Huy", ["Lê Huy"], ["Lê Huy"], None),
        ("Bài: Minh Đức", ["Minh Đức"], [], None),
        ("THẾ THỦY, ĐỨC LƯU (thực hiện)", ["Thế Thủy", "Đức Lưu"], [], None),
        ("ĐỖ THỊ NGỌC DIỆP |", ["Đỗ Thị Ngọc Diệp"], [], None),
        ("PV (theo mod.gov.vn)", [], [], "mod.gov.vn"),
        ("P.V", [], [], None),
        ("Phóng viên Điện tử", [], [], None),
    ],
)
def test_bylines(line, authors, photos, source):
    byline = parse_byline(line)
    assert byline is not None
    assert (list(byline.authors), list(byline.photo_credits), byline.source) == (authors, photos, source)


@pytest.mark.parametrize(
    "line",
    [
        "Trung tướng Trần Vinh Ngọc",
        "Toàn cảnh hội nghị",
        "Quân khu 7 Online",
        "Các đại biểu dự hội nghị.",
        "Hà Nội",
        "Tin liên quan",
    ],
)
def test_what_is_not_a_byline(line):
    assert parse_byline(line) is None


def test_a_photo_credit_is_not_an_author_and_an_officer_in_the_last_sentence_is_neither():
    text = (
        "Hội nghị tổng kết\n\nNgày 2/3, Bộ CHQS tỉnh tổ chức hội nghị.\n\n"
        "Các đại biểu dự hội nghị. (Ảnh: Trọng Đức/TTXVN)\n\n"
        "Hội nghị có sự tham dự của Đại tá Nguyễn Văn Nam, Chính ủy Bộ CHQS tỉnh.\n"
    )
    row = meta(text)
    assert (row["authors"], row["photo_credits"]) == ([], ["Trọng Đức"])


def test_the_byline_is_found_before_another_articles_teaser():
    text = "Bắt 6 người vượt biên\n\nNgày 5/5, đồn biên phòng bắt giữ 6 người.\n\nNguyễn Cảnh\n\nHôm nay (4/3), đội tuyển sẽ ra quân.\n"
    assert meta(text)["authors"] == ["Nguyễn Cảnh"]


def test_title_case_only_touches_all_caps_words():
    assert title_case("ĐỖ THỊ NGỌC DIỆP") == "Đỗ Thị Ngọc Diệp"
    assert title_case("Thanh Sang") == "Thanh Sang"


# --- outlets


@pytest.mark.parametrize(
    "lead, source",
    [
        ("(Thanhuytphcm.vn) - Ngày 11/7, Bộ Tư lệnh tổ chức hội nghị.", "Thanhuytphcm.vn"),
        ("TTXVN - Ngày 30/12, tại Hà Nội, …", "TTXVN"),
        ("QK3 online - Sáng 06-4, tại Bộ Tư lệnh Quân khu, …", "QK3 online"),
        ("(ABO) Sáng 30/10, Công an tỉnh ra quân.", "ABO"),
        ("(QK7 Online) - Trong không khí náo nức đầu xuân, …", "QK7 Online"),
        ("Biên phòng - Chiều 26-3, Bộ Chỉ huy BĐBP tổ chức hội nghị.", "Biên phòng"),
        ("Sáng 13/11, tại Hà Nội, Đảng ủy tổ chức hội nghị.", None),
        ("Hà Tĩnh - Xúc động trong ngày hội giao quân", None),
    ],
)
def test_outlets_named_by_the_lead(lead, source):
    assert meta(f"Tiêu đề bài viết\n\n{lead}\n")["source"] == source


def test_an_aggregators_closing_attribution_names_the_source():
    text = "Lễ đón đoàn đại biểu\nSáng 17-4, tại cửa khẩu, đã diễn ra lễ đón.\nNguồn QĐND: https://www.qdnd.vn/bai-viet\n"
    assert meta(text)["source"] == "QĐND"


# --- the year-inference rule


@pytest.mark.parametrize(
    "text, inferred",
    [
        ("Sáng 13/11, tại Hà Nội, Tổng cục Chính trị tổng kết công tác năm 2023.", "2023-11-13"),
        ("Ngày 12-3, Quân khu tổ chức gặp mặt nhân dịp đầu Xuân Bính Ngọ 2026.\n\nNăm 2025, …", "2026-03-12"),
        (
            "Sáng 3.3, tỉnh chúc mừng nhân kỷ niệm 61 năm Ngày truyền thống (3.3.1959 – 3.3.2020).",
            "2020-03-03",
        ),
        ("Ngày 21/2/2019, tại 13 huyện, thị, thành của tỉnh đồng loạt giao quân.", "2019-02-21"),
        (
            "Chiều nay (20/12), đoàn công tác đến thăm.\n\nKết quả năm 2023 rất tốt. Năm 2023 đơn vị hoàn thành nhiệm vụ.",
            "2023-12-20",
        ),
    ],
)
def test_a_leads_day_and_month_completed_with_a_year_the_text_gives(text, inferred):
    row = meta(text)
    assert (row["date"], row["date_inferred"], row["date_source"]) == (None, inferred, "inferred")


@pytest.mark.parametrize(
    "text",
    [
        "Chiều 2/11, tại Hà Nội, hai bên tiến hành hội đàm.",  # no year anywhere
        "Ngày 17-1, đồn cho biết.\n\nHọ làm việc ở đó trong năm 2024 và năm 2025.",  # two years, neither stands out
        "Ngày 20/5, đồn giúp anh Minh, sinh năm 1986, xây nhà.",  # a birth year
        "Ngày 20/5, tỉnh đề ra mục tiêu đến năm 2030.",  # a target, in the future
        "Ngày 20/5, Đảng bộ thực hiện nghị quyết nhiệm kỳ 2020-2025.",  # a term's bounds
        "Ngày 30/2, Bộ Tư lệnh tổ chức hội nghị năm 2021.",  # 30 February
        "Ngày 20/12, tỉnh tổng kết công tác năm 2026.",  # 20/12/2026 is after today
        "Năm 2023, đơn vị hoàn thành nhiệm vụ.",  # a year but no day and month
    ],
)
def test_no_year_is_guessed(text):
    row = meta(text)
    assert (row["date"], row["date_inferred"], row["date_source"]) == (None, None, None)


def test_a_stated_date_leaves_date_inferred_empty():
    row = meta("Tiêu đề bài viết\n\n14/11/2020, 13:02\n\nSáng 13/11, tại Hà Nội, …")
    assert (row["date"], row["date_inferred"], row["date_source"]) == ("2020-11-14", None, "text")


def test_the_text_date_wins_over_the_path_date():
    row = meta("Tiêu đề bài viết\n\n14/11/2020, 13:02\n", "2020/11/15/slug.txt")
    assert (row["date"], row["date_source"]) == ("2020-11-14", "text")


def test_today_decides_what_is_in_the_future():
    text = "Tiêu đề bài viết\n\n05/06/2031\n"
    assert meta(text)["date"] is None
    assert meta(text, today=dt.date(2031, 6, 5))["date"] == "2031-06-05"


@pytest.mark.parametrize("text", ["", "\n\n \n", "\x01\x02 ÿþ", "." * 5000, "Ảnh: |\n" * 50])
def test_bad_text_gives_a_row_of_nulls(text):
    row = meta(text, "x.txt")
    assert row == {c: ([] if c in ("authors", "photo_credits") else None) for c in COLUMN_NAMES} | {
        "file": "x.txt"
    }


# --- the sidecar


def test_sidecar_csv_and_jsonl_match_by_path_or_name(tmp_path):
    csv_file = tmp_path / "side.csv"
    csv_file.write_text(
        "file,date,authors,source\na/b.txt,2021-07-12,Thanh Sang; Đức Việt,QĐND\n", encoding="utf-8"
    )
    side = Sidecar(str(csv_file))
    assert side.lookup("a/b.txt") == {
        "_line": 2,
        "date": "2021-07-12",
        "authors": ["Thanh Sang", "Đức Việt"],
        "source": "QĐND",
    }
    assert side.lookup(str(tmp_path / "a" / "b.txt")) is not None  # relative to the sidecar's folder
    assert side.lookup("elsewhere/b.txt") is not None  # by file name, the only record with it
    jsonl = tmp_path / "side.jsonl"
    jsonl.write_text(
        '{"path": "x.txt", "title": "Tiêu đề", "published": "2020-01-02T08:00:00+07:00"}\n', encoding="utf-8"
    )
    assert Sidecar(str(jsonl)).lookup("x.txt") == {
        "_line": 1,
        "title": "Tiêu đề",
        "date": "2020-01-02T08:00:00+07:00",
    }


def test_sidecar_values_win_over_the_text():
    row = extract_meta("Tiêu đề trong bài\n\n14/11/2020, 13:02\n\nNGUYỄN BẰNG\n", "a.txt", today=TODAY)
    problems = []
    apply_sidecar(
        row, {"_line": 2, "title": "Tiêu đề của crawler", "date": "12/07/2021"}, "s.csv", problems.append
    )
    assert (row.title, row.date, row.date_source, row.authors) == (
        "Tiêu đề của crawler",
        "2021-07-12",
        "sidecar",
        ["Nguyễn Bằng"],
    )
    apply_sidecar(row, {"_line": 3, "date": "31/13/2021"}, "s.csv", problems.append)
    assert row.date == "2021-07-12"
    assert [str(p) for p in problems] == ["s.csv:3: date '31/13/2021' is not a date, ignored"]


@pytest.mark.parametrize(
    "name, content, message",
    [
        (
            "s.csv",
            "title,date\nA,2020-01-01\n",
            "s.csv:1: the header must name a file column (file, path or filename)",
        ),
        ("s.jsonl", '{"file": "a.txt"}\n{"file": \n', "s.jsonl:2: not a JSON object: Expecting value"),
        ("s.jsonl", '{"date": "2020-01-01"}\n', "s.jsonl:1: no file name (file, path or filename)"),
    ],
)
def test_a_malformed_sidecar_names_the_file_and_line(tmp_path, name, content, message):
    (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as e:
        Sidecar(str(tmp_path / name))
    assert str(e.value) == str(tmp_path / message)


def test_parse_date_value():
    assert parse_date_value("2021-07-12") == dt.date(2021, 7, 12)
    assert parse_date_value("2021-07-12T10:00:00+07:00") == dt.date(2021, 7, 12)
    assert parse_date_value("12/07/2021") == dt.date(2021, 7, 12)
    assert parse_date_value("2021-02-30") is None
    assert parse_date_value("hôm qua") is None


def test_a_headline_that_ends_with_its_own_date_keeps_it_and_the_date_line_gives_the_date():
    row = meta(
        "Bốn tướng thôi giữ chức Thứ trưởng Bộ Quốc phòng từ ngày 1/6/2021\n\n19:41 | 04/06/2021\n\n"
        "Thôi giữ chức Thứ trưởng Bộ Quốc phòng từ ngày 1/6/2021 đối với các đồng chí Thượng tướng.\n"
    )
    assert (row["title"], row["date"]) == (
        "Bốn tướng thôi giữ chức Thứ trưởng Bộ Quốc phòng từ ngày 1/6/2021",
        "2021-06-04",
    )
    # a date glued to a headline by the page is still cut off it
    row = meta(
        "Tổng kết diễn tập năm 2023 22/09/2023 16:28\n\nSáng 22/9, Bộ Chỉ huy Quân sự tỉnh tổng kết.\n"
    )
    assert (row["title"], row["date"]) == ("Tổng kết diễn tập năm 2023", "2023-09-22")


def test_an_outlet_named_in_words_in_parentheses_or_after_theo_in_any_capitals():
    row = meta(
        "Chủ tịch nước tiếp Bộ trưởng Quốc phòng\n(Ngày Nay) -Chiều 25/1, tại Phủ Chủ tịch, Chủ tịch nước tiếp.\n"
    )
    assert row["source"] == "Ngày Nay"
    row = meta(
        "Trung tướng Vũ Văn Cảnh qua đời\n\nTrung tướng Vũ Văn Cảnh đã qua đời tại Viện Quân y 175.\n\n(Theo Công An Nhân Dân)\n"
    )
    assert row["source"] == "Công An Nhân Dân"
