"""Page furniture is recognised as whole lines, never inside an article sentence."""

import unicodedata

import pytest

from vnpress.text.boilerplate import boilerplate_spans, is_boilerplate, lines


@pytest.mark.parametrize(
    "line",
    [
        "Ý kiến bạn đọc",
        "Tổng lượt bình luận",
        "Tổng số bình luận: 12",
        "Bình luận (3)",
        "refresh",
        "Tin liên quan",
        "Tin khác",
        "Tin cùng chuyên mục:",
        "Xem thêm",
        "Xem thêm: Bộ Quốc phòng tổng kết năm 2023",
        "Thông báo",
        "*Mời bạn đọc vào chuyên mục Quân sự - Quốc phòng để xem các tin, bài liên quan.",
        "0985.456.616",
        "Hotline: 0985 456 616 - 024.3823.4567",
        "Home Tin tức - Sự kiện Cục Chính trị: Tăng cường phối hợp",
        "Trang chủ > Thời sự",
        "14/11/2020, 13:02",
        "Thứ 3,\u00a018/12/2018",
        "Thứ Năm, ngày 6 tháng 10 năm 2022",
        "Chủ nhật, 12/3/2023 - 10:05 (GMT+7)",
        "Cập nhật: 14/11/2020 13:02",
        "  TIN LIÊN QUAN  ",
        "Từ khóa: quân khu 7, công tác đảng",
    ],
)
def test_furniture_lines(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "",
        "Các đại biểu tham dự hội nghị.",
        "Thông báo kết quả đại hội được gửi tới các đơn vị.",
        "Xem thêm các quy định mới của Bộ Quốc phòng.",
        "Tin liên quan đến công tác cán bộ được công bố.",
        "Ngày 14/11/2020, tại Hà Nội, Đảng ủy tổ chức hội nghị.",
        "Trang chủ của Cổng thông tin đã ra mắt.",
        "Bạn đọc có ý kiến về công tác tuyển quân.",
    ],
)
def test_article_lines_are_not_furniture(line):
    assert not is_boilerplate(line)


def test_spans_are_whole_lines_of_the_original_text():
    text = "Hội nghị sơ kết\r\nTin liên quan\n\nXem thêm\u2028Bài viết\nrefresh"
    spans = boilerplate_spans(text)
    assert [text[a:b] for a, b in spans] == ["Tin liên quan", "Xem thêm", "refresh"]
    assert [line for _, _, line in lines(text)] == [
        "Hội nghị sơ kết",
        "Tin liên quan",
        "",
        "Xem thêm",
        "Bài viết",
        "refresh",
    ]


def test_case_and_spelling_do_not_matter():
    assert is_boilerplate("Gửi ý kiến")
    assert is_boilerplate("ý  kiến   bạn đọc")
    assert is_boilerplate("Ý KIẾN BẠN ĐỌC")


@pytest.mark.parametrize(
    "text",
    [
        "Hội nghị\nTin liên quan\r\n\nÝ kiến bạn đọc\u2028refresh\x0cXem thêm",
        unicodedata.normalize("NFD", "Tin liên quan\nHội nghị Đảng uỷ\nÝ KIẾN BẠN ĐỌC\n"),
        "Ðảng uỷ\nTin khác\n\u0301Tin liên quan\nChia sẻ\u0300\nhoà bình",
    ],
)
def test_whole_text_spans_are_those_of_the_lines_one_by_one(text):
    # boilerplate_spans normalises the whole text at once; line by line must give the same lines.
    assert boilerplate_spans(text) == [(a, b) for a, b, line in lines(text) if is_boilerplate(line)]
    assert boilerplate_spans(text)  # each text has page furniture to find
