"""Resolutions: party and state documents found by kind word and number, plenum, title or year.

The seed documents are checked against the hand-made gold with ../shared/eval/score.py's own identity
keys; the articles in tests/fixtures/resolutions/ (written in the style of QĐND and party press) pin
every field of every mention, and the negatives pin that generic mentions are not documents.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from helpers import SEEDS as SEEDS_DIR
from hypothesis import given, settings
from hypothesis import strategies as st

from vnpress.entities.documents.resolutions import find_resolutions
from vnpress.entities.documents.rules import document_rules, document_rules_for
from vnpress.errors import DataFileError
from vnpress.text.normalise import normalise

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "resolutions"


def rows(path: Path) -> list[dict]:
    norm = normalise(path.read_text(encoding="utf-8"))
    return [m.row(path.name) for m in find_resolutions(norm)]


SEEDS = sorted(SEEDS_DIR.glob("*.txt"))


@pytest.mark.parametrize("path", SEEDS, ids=[p.name for p in SEEDS])
def test_seed_document_matches_gold_by_score_keys(path, score, gold):
    """Every gold document is found, and everything found is a gold or optional document."""
    g = gold["documents"][path.name]
    required = [score.res_keys(r) for r in g.get("resolutions", [])]
    optional = set().union(*[score.res_keys(r) for r in g.get("resolutions_optional", [])])
    found = [frozenset(score.res_keys(r)) for r in rows(path)]
    assert all(found), "every mention has an identity key"

    def same(keys_a, keys_b):
        return bool(keys_a & keys_b) or any(score.same_named(x, y) for x in keys_a for y in keys_b)

    assert [r for r in required if not any(same(r, k) for k in found)] == []
    assert [k for k in found if not any(same(r, k) for r in required) and not same(k, optional)] == []


def test_seed_resolution_f1_is_one_with_score_py(score, gold):
    all_rows = [r for p in SEEDS for r in rows(p)]
    result = score.score_entities(gold, all_rows)["resolution"]
    assert result["f1"] == 1.0, result
    assert result["tp"] == sum(len(d.get("resolutions", [])) for d in gold["documents"].values())


EXPECTED = {
    "police_and_navy.txt": [
        (
            "Nghị định số 03/2019/NĐ-CP",
            "Nghị định 03/2019/NĐ-CP",
            {"kind": "Nghị định", "number": "03/2019/NĐ-CP", "issuer": ["Chính phủ"], "date": "2019-09-05"},
        ),
        (
            "Thông tư liên tịch số 01/2021/TTLT-BCA-BQP",
            "Thông tư liên tịch 01/2021/TTLT-BCA-BQP",
            {"kind": "Thông tư liên tịch", "number": "01/2021/TTLT-BCA-BQP"},
        ),
        (
            "Nghị quyết số 12-NQ/TW",
            "Nghị quyết 12-NQ/TW",
            {"kind": "Nghị quyết", "number": "12-NQ/TW", "issuer": ["Bộ Chính trị"], "date": "2022-03-16"},
        ),
        (
            "Kết luận số 35-KL/T.Ư",
            "Kết luận 35-KL/T.Ư",
            {"kind": "Kết luận", "number": "35-KL/T.Ư", "issuer": ["Ban Bí thư"]},
        ),
        ("Chỉ thị 16", "Chỉ thị 16", {"kind": "Chỉ thị", "number": "16"}),
        (
            "Pháp lệnh Cảnh sát môi trường",
            "Pháp lệnh Cảnh sát môi trường",
            {"kind": "Pháp lệnh", "name": "Cảnh sát môi trường"},
        ),
        (
            "Luật Công an nhân dân năm 2018",
            "Luật Công an nhân dân năm 2018",
            {"kind": "Luật", "name": "Công an nhân dân năm 2018"},
        ),
        (
            "Nghị quyết số 12",
            "Nghị quyết 12-NQ/TW",
            {
                "kind": "Nghị quyết",
                "number": "12-NQ/TW",
                "issuer": ["Bộ Chính trị"],
                "date": "2022-03-16",
                "resolved_from": "12",
            },
        ),
        (
            "Kết luận 35",
            "Kết luận 35-KL/T.Ư",
            {"kind": "Kết luận", "number": "35-KL/T.Ư", "issuer": ["Ban Bí thư"], "resolved_from": "35"},
        ),
        (
            "Luật Công an nhân dân",
            "Luật Công an nhân dân năm 2018",
            {"kind": "Luật", "name": "Công an nhân dân năm 2018", "resolved_from": "Công an nhân dân"},
        ),
    ],
    "government_codes.txt": [
        (
            "Quyết định số 2124/QĐ-BQP",
            "Quyết định 2124/QĐ-BQP",
            {"kind": "Quyết định", "number": "2124/QĐ-BQP", "issuer": ["Bộ trưởng Bộ Quốc phòng"]},
        ),
        (
            "Chỉ thị số 01/CT-TTg",
            "Chỉ thị 01/CT-TTg",
            {
                "kind": "Chỉ thị",
                "number": "01/CT-TTg",
                "issuer": ["Thủ tướng Chính phủ"],
                "date": "2022-01-17",
            },
        ),
        (
            "Thông tư 15/2022/TT-BQP",
            "Thông tư 15/2022/TT-BQP",
            {"kind": "Thông tư", "number": "15/2022/TT-BQP", "issuer": ["Bộ Quốc phòng"]},
        ),
        (
            "Nghị định số 120/2004/NĐ-CP",
            "Nghị định 120/2004/NĐ-CP",
            {"kind": "Nghị định", "number": "120/2004/NĐ-CP", "issuer": ["Chính phủ"], "date": "2004-05-17"},
        ),
        (
            "Luật Nghĩa vụ quân sự năm 2015",
            "Luật Nghĩa vụ quân sự năm 2015",
            {"kind": "Luật", "name": "Nghĩa vụ quân sự năm 2015"},
        ),
        (
            "Luật Dân quân tự vệ năm 2019",
            "Luật Dân quân tự vệ năm 2019",
            {"kind": "Luật", "name": "Dân quân tự vệ năm 2019"},
        ),
        (
            "Luật Quốc phòng năm 2018",
            "Luật Quốc phòng năm 2018",
            {"kind": "Luật", "name": "Quốc phòng năm 2018"},
        ),
        (
            "Luật Nghĩa vụ quân sự",
            "Luật Nghĩa vụ quân sự năm 2015",
            {"kind": "Luật", "name": "Nghĩa vụ quân sự năm 2015", "resolved_from": "Nghĩa vụ quân sự"},
        ),
        (
            "Luật Biên phòng Việt Nam",
            "Luật Biên phòng Việt Nam",
            {"kind": "Luật", "name": "Biên phòng Việt Nam"},
        ),
        (
            "Luật Phòng, chống ma túy",
            "Luật Phòng, chống ma túy",
            {"kind": "Luật", "name": "Phòng, chống ma túy"},
        ),
        (
            "Chỉ thị số 01",
            "Chỉ thị 01/CT-TTg",
            {
                "kind": "Chỉ thị",
                "number": "01/CT-TTg",
                "issuer": ["Thủ tướng Chính phủ"],
                "date": "2022-01-17",
                "resolved_from": "01",
            },
        ),
        (
            "Hướng dẫn số 165-HD/BTGTW",
            "Hướng dẫn 165-HD/BTGTW",
            {"kind": "Hướng dẫn", "number": "165-HD/BTGTW"},
        ),
        (
            "Nghị quyết số 2124/NQ-NS-TƯ",
            "Nghị quyết 2124/NQ-NS-TƯ",
            {"kind": "Nghị quyết", "number": "2124/NQ-NS-TƯ"},
        ),
    ],
    "laws_and_plans.txt": [
        (
            "Luật Sĩ quan Quân đội nhân dân Việt Nam",
            "Luật Sĩ quan Quân đội nhân dân Việt Nam năm 1999",
            {
                "kind": "Luật",
                "name": "Sĩ quan Quân đội nhân dân Việt Nam năm 1999",
                "resolved_from": "Sĩ quan Quân đội nhân dân Việt Nam",
            },
        ),
        (
            "Luật Sĩ quan Quân đội nhân dân Việt Nam năm 1999",
            "Luật Sĩ quan Quân đội nhân dân Việt Nam năm 1999",
            {"kind": "Luật", "name": "Sĩ quan Quân đội nhân dân Việt Nam năm 1999"},
        ),
        (
            "Nghị quyết số 769-NQ/ĐUQSTW",
            "Nghị quyết 769-NQ/ĐUQSTW",
            {"kind": "Nghị quyết", "number": "769-NQ/ĐUQSTW", "issuer": ["Đảng ủy Quân sự Trung ương"]},
        ),
        ("Hiến pháp năm 2013", "Hiến pháp năm 2013", {"kind": "Hiến pháp", "name": "năm 2013"}),
        (
            "Đề án “Tổ chức Quân đội nhân dân Việt Nam giai đoạn 2021-2030”",
            "Đề án Tổ chức Quân đội nhân dân Việt Nam giai đoạn 2021-2030",
            {"kind": "Đề án", "name": "Tổ chức Quân đội nhân dân Việt Nam giai đoạn 2021-2030"},
        ),
        (
            "Nghị quyết Trung ương 7 (khóa XII)",
            "Nghị quyết Trung ương 7 (khóa XII)",
            {"kind": "Nghị quyết Trung ương", "number": "7", "term": "XII"},
        ),
        (
            "Luật Sĩ quan Quân đội nhân dân Việt Nam",
            "Luật Sĩ quan Quân đội nhân dân Việt Nam năm 1999",
            {
                "kind": "Luật",
                "name": "Sĩ quan Quân đội nhân dân Việt Nam năm 1999",
                "resolved_from": "Sĩ quan Quân đội nhân dân Việt Nam",
            },
        ),
        ("Kết luận số 01-KL/TW", "Kết luận 01-KL/TW", {"kind": "Kết luận", "number": "01-KL/TW"}),
        (
            "Quyết định số 99-QĐ/TW",
            "Quyết định 99-QĐ/TW",
            {"kind": "Quyết định", "number": "99-QĐ/TW", "issuer": ["Ban Bí thư"]},
        ),
    ],
    "negatives.txt": [],
    "plenum_and_codes.txt": [
        (
            "Nghị quyết Hội nghị Trung ương 8 khóa XIII",
            "Nghị quyết Trung ương 8 (khóa XIII)",
            {"kind": "Nghị quyết Trung ương", "number": "8", "term": "XIII"},
        ),
        (
            "Nghị quyết Hội nghị Trung ương 8 khóa XIII",
            "Nghị quyết Trung ương 8 (khóa XIII)",
            {"kind": "Nghị quyết Trung ương", "number": "8", "term": "XIII"},
        ),
        (
            "Kết luận số 12- KL/TW",
            "Kết luận 12-KL/TW",
            {"kind": "Kết luận", "number": "12-KL/TW", "issuer": ["Bộ Chính trị"], "date": "2021-07-08"},
        ),
        (
            "Nghị quyết số 44-NQ/TW",
            "Nghị quyết 44-NQ/TW",
            {
                "kind": "Nghị quyết",
                "number": "44-NQ/TW",
                "term": "XIII",
                "issuer": ["Ban Chấp hành Trung ương Đảng"],
                "date": "2023-11-24",
            },
        ),
        (
            "Nghị quyết Trung ương 4 (khóa XII)",
            "Nghị quyết Trung ương 4 (khóa XII)",
            {"kind": "Nghị quyết Trung ương", "number": "4", "term": "XII"},
        ),
        ("Kết luận 21", "Kết luận 21", {"kind": "Kết luận", "number": "21"}),
        (
            "Nghị quyết số 44",
            "Nghị quyết 44-NQ/TW",
            {
                "kind": "Nghị quyết",
                "number": "44-NQ/TW",
                "term": "XIII",
                "issuer": ["Ban Chấp hành Trung ương Đảng"],
                "date": "2023-11-24",
                "resolved_from": "44",
            },
        ),
        (
            "Nghị quyết Trung ương 8",
            "Nghị quyết Trung ương 8 (khóa XIII)",
            {"kind": "Nghị quyết Trung ương", "number": "8", "term": "XIII", "resolved_from": "8"},
        ),
        (
            "Kết luận số 12",
            "Kết luận 12-KL/TW",
            {
                "kind": "Kết luận",
                "number": "12-KL/TW",
                "issuer": ["Bộ Chính trị"],
                "date": "2021-07-08",
                "resolved_from": "12",
            },
        ),
    ],
    "qutw_list.txt": [
        (
            "Nghị quyết số 1657-NQ/QUTW",
            "Nghị quyết 1657-NQ/QUTW",
            {
                "kind": "Nghị quyết",
                "number": "1657-NQ/QUTW",
                "issuer": ["Quân ủy Trung ương"],
                "date": "2022-12-20",
            },
        ),
        (
            "1658-NQ/QUTW",
            "Nghị quyết 1658-NQ/QUTW",
            {
                "kind": "Nghị quyết",
                "number": "1658-NQ/QUTW",
                "issuer": ["Quân ủy Trung ương"],
                "date": "2022-12-20",
            },
        ),
        (
            "1659-NQ/QUTW",
            "Nghị quyết 1659-NQ/QUTW",
            {
                "kind": "Nghị quyết",
                "number": "1659-NQ/QUTW",
                "issuer": ["Quân ủy Trung ương"],
                "date": "2022-12-20",
            },
        ),
        (
            "1660-NQ/QUTW",
            "Nghị quyết 1660-NQ/QUTW",
            {
                "kind": "Nghị quyết",
                "number": "1660-NQ/QUTW",
                "issuer": ["Quân ủy Trung ương"],
                "date": "2022-12-20",
            },
        ),
        (
            "1661-NQ/QUTW",
            "Nghị quyết 1661-NQ/QUTW",
            {
                "kind": "Nghị quyết",
                "number": "1661-NQ/QUTW",
                "issuer": ["Quân ủy Trung ương"],
                "date": "2022-12-20",
            },
        ),
        (
            "1662-NQ/QUTW",
            "Nghị quyết 1662-NQ/QUTW",
            {
                "kind": "Nghị quyết",
                "number": "1662-NQ/QUTW",
                "issuer": ["Quân ủy Trung ương"],
                "date": "2022-12-20",
            },
        ),
        (
            "Nghị quyết số 230-NQ/QUTW",
            "Nghị quyết 230-NQ/QUTW",
            {
                "kind": "Nghị quyết",
                "number": "230-NQ/QUTW",
                "issuer": ["Quân ủy Trung ương"],
                "date": "2022-04-02",
            },
        ),
        (
            "Nghị quyết số 230",
            "Nghị quyết 230-NQ/QUTW",
            {
                "kind": "Nghị quyết",
                "number": "230-NQ/QUTW",
                "issuer": ["Quân ủy Trung ương"],
                "date": "2022-04-02",
                "resolved_from": "230",
            },
        ),
        (
            "Nghị quyết 1658",
            "Nghị quyết 1658-NQ/QUTW",
            {
                "kind": "Nghị quyết",
                "number": "1658-NQ/QUTW",
                "issuer": ["Quân ủy Trung ương"],
                "date": "2022-12-20",
                "resolved_from": "1658",
            },
        ),
        ("Quy định số 102-QĐ/TW", "Quy định 102-QĐ/TW", {"kind": "Quy định", "number": "102-QĐ/TW"}),
        ("Quy định 69-QĐ/TW", "Quy định 69-QĐ/TW", {"kind": "Quy định", "number": "69-QĐ/TW"}),
        (
            "Chỉ thị số 05-CT/TW",
            "Chỉ thị 05-CT/TW",
            {"kind": "Chỉ thị", "number": "05-CT/TW", "issuer": ["Bộ Chính trị"], "date": "2016-05-15"},
        ),
    ],
    "regulations_list.txt": [
        (
            "Quy định: 22",
            "Quy định 22",
            {
                "kind": "Quy định",
                "number": "22",
                "issuer": ["Ban Chấp hành Trung ương", "Bộ Chính trị", "Ban Bí thư"],
            },
        ),
        (
            "86",
            "Quy định 86",
            {
                "kind": "Quy định",
                "number": "86",
                "issuer": ["Ban Chấp hành Trung ương", "Bộ Chính trị", "Ban Bí thư"],
            },
        ),
        (
            "89",
            "Quy định 89",
            {
                "kind": "Quy định",
                "number": "89",
                "issuer": ["Ban Chấp hành Trung ương", "Bộ Chính trị", "Ban Bí thư"],
            },
        ),
        (
            "Nghị quyết số 05-NQ/TW",
            "Nghị quyết 05-NQ/TW",
            {"kind": "Nghị quyết", "number": "05-NQ/TW", "issuer": ["Bộ Chính trị"]},
        ),
        (
            "06-NQ/TW",
            "Nghị quyết 06-NQ/TW",
            {"kind": "Nghị quyết", "number": "06-NQ/TW", "issuer": ["Bộ Chính trị"]},
        ),
        ("Chỉ thị 05", "Chỉ thị 05", {"kind": "Chỉ thị", "number": "05", "issuer": ["Bộ Chính trị"]}),
        (
            "Chỉ thị 87",
            "Chỉ thị 87",
            {"kind": "Chỉ thị", "number": "87", "issuer": ["Thường vụ Quân ủy Trung ương"]},
        ),
        (
            "Quy định số 59-QĐ/TW",
            "Quy định 59-QĐ/TW",
            {"kind": "Quy định", "number": "59-QĐ/TW", "issuer": ["Bộ Chính trị", "Ban Bí thư"]},
        ),
        (
            "61-QĐ/TW",
            "Quy định 61-QĐ/TW",
            {"kind": "Quy định", "number": "61-QĐ/TW", "issuer": ["Bộ Chính trị", "Ban Bí thư"]},
        ),
        (
            "Quy định 59",
            "Quy định 59-QĐ/TW",
            {
                "kind": "Quy định",
                "number": "59-QĐ/TW",
                "issuer": ["Bộ Chính trị", "Ban Bí thư"],
                "resolved_from": "59",
            },
        ),
        (
            "Nghị quyết 05",
            "Nghị quyết 05-NQ/TW",
            {"kind": "Nghị quyết", "number": "05-NQ/TW", "issuer": ["Bộ Chính trị"], "resolved_from": "05"},
        ),
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_article_mentions_exactly(name):
    path = FIXTURES / name
    text = path.read_text(encoding="utf-8")
    found = find_resolutions(normalise(text))
    got = [(m.text, m.canonical, {k: v for k, v in m.fields.items() if v not in (None, [])}) for m in found]
    assert got == EXPECTED[name]
    for m in found:
        assert m.type == "resolution"
        assert isinstance(m.fields["issuer"], list)  # empty when the text names none
        assert text[m.start : m.end] == m.text


def test_fixture_set_is_the_expected_one():
    assert sorted(p.name for p in FIXTURES.glob("*.txt")) == sorted(EXPECTED)


def test_decomposed_text_and_other_tone_placement_give_the_same_documents_with_original_offsets():
    text = (
        (FIXTURES / "plenum_and_codes.txt")
        .read_text(encoding="utf-8")
        .replace("khóa", "khoá")
        .replace("ủy", "uỷ")
    )
    nfd = unicodedata.normalize("NFD", text)
    found = find_resolutions(normalise(nfd))
    assert [m.canonical for m in found] == [c for _, c, _ in EXPECTED["plenum_and_codes.txt"]]
    for m in found:
        assert nfd[m.start : m.end] == m.text
    assert found[0].text == unicodedata.normalize("NFD", "Nghị quyết Hội nghị Trung ương 8 khoá XIII")


def one(text: str) -> list[tuple[str, dict]]:
    return [
        (m.canonical, {k: v for k, v in m.fields.items() if v not in (None, []) and k != "kind"})
        for m in find_resolutions(normalise(text))
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # plenums written every way: T.Ư/TW/Trung ương, ordinals in words, two terms
        (
            "Thực hiện Nghị quyết T.Ư 4 khóa XI, XII.",
            [
                ("Nghị quyết Trung ương 4 (khóa XI)", {"number": "4", "term": "XI"}),
                ("Nghị quyết Trung ương 4 (khóa XII)", {"number": "4", "term": "XII"}),
            ],
        ),
        (
            "Quán triệt Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng (khóa XIII).",
            [
                ("Nghị quyết Trung ương 8 (khóa XIII)", {"number": "8", "term": "XIII"}),
            ],
        ),
        (
            "Tổng kết Nghị quyết TW8, khóa XI.",
            [("Nghị quyết Trung ương 8 (khóa XI)", {"number": "8", "term": "XI"})],
        ),
        # a code alone names its kind; the issuer spelled T.Ư is reported spelled out
        (
            "Tiếp tục thực hiện 05-NQ/TW và Chỉ thị số 16-CT/TW của Quân ủy T.Ư.",
            [
                ("Nghị quyết 05-NQ/TW", {"number": "05-NQ/TW"}),
                ("Chỉ thị 16-CT/TW", {"number": "16-CT/TW", "issuer": ["Quân ủy Trung ương"]}),
            ],
        ),
        # term after the issuer, lower-case kind with "số", headline capitals
        (
            "nghị quyết số 28-NQ/TW ngày 22-9-2008 của Bộ Chính trị (khóa X); NGHỊ QUYẾT SỐ 51-NQ/TW",
            [
                (
                    "Nghị quyết 28-NQ/TW",
                    {"number": "28-NQ/TW", "term": "X", "issuer": ["Bộ Chính trị"], "date": "2008-09-22"},
                ),
                ("Nghị quyết 51-NQ/TW", {"number": "51-NQ/TW"}),
            ],
        ),
        # a short mention before the full one takes its number too
        (
            "Nghị quyết 05 đi vào cuộc sống. Nghị quyết số 05-NQ/TW của Bộ Chính trị.",
            [
                (
                    "Nghị quyết 05-NQ/TW",
                    {"number": "05-NQ/TW", "issuer": ["Bộ Chính trị"], "resolved_from": "05"},
                ),
                ("Nghị quyết 05-NQ/TW", {"number": "05-NQ/TW", "issuer": ["Bộ Chính trị"]}),
            ],
        ),
        # a bare list in lower case needs the plural and the colon
        (
            "các quy định: 102, 105 của Ban Bí thư",
            [
                ("Quy định 102", {"number": "102", "issuer": ["Ban Bí thư"]}),
                ("Quy định 105", {"number": "105", "issuer": ["Ban Bí thư"]}),
            ],
        ),
        # issuers named by a head word and their own name
        (
            "Chỉ thị 05 của Đảng ủy Quân khu 7 về công tác; Nghị quyết 12 của Ban Thường vụ Tỉnh ủy Bến Tre đề ra",
            [
                ("Chỉ thị 05", {"number": "05", "issuer": ["Đảng ủy Quân khu 7"]}),
                ("Nghị quyết 12", {"number": "12", "issuer": ["Ban Thường vụ Tỉnh ủy Bến Tre"]}),
            ],
        ),
        (
            "Quyết định số 5 của Ủy ban nhân dân thành phố Hải Phòng ban hành",
            [
                ("Quyết định 5", {"number": "5", "issuer": ["Ủy ban nhân dân thành phố Hải Phòng"]}),
            ],
        ),
        # after a bare number, a connective or verb phrase closes the mention even at a sentence start
        (
            "Chỉ thị 05 tiếp tục được thực hiện; Chỉ thị 16 chống dịch.",
            [("Chỉ thị 05", {"number": "05"}), ("Chỉ thị 16", {"number": "16"})],
        ),
        # bare numbers closed by a code share its letters; a code of another kind is its own document
        (
            "Thực hiện Nghị quyết số 1659, 1660 và 1662-NQ/QUTW ngày 20-12-2022 của Quân ủy T.Ư; Quy định 59, 05-NQ/TW.",
            [
                (
                    "Nghị quyết 1659-NQ/QUTW",
                    {
                        "number": "1659-NQ/QUTW",
                        "issuer": ["Quân ủy Trung ương"],
                        "date": "2022-12-20",
                        "resolved_from": "1659",
                    },
                ),
                (
                    "Nghị quyết 1660-NQ/QUTW",
                    {
                        "number": "1660-NQ/QUTW",
                        "issuer": ["Quân ủy Trung ương"],
                        "date": "2022-12-20",
                        "resolved_from": "1660",
                    },
                ),
                (
                    "Nghị quyết 1662-NQ/QUTW",
                    {"number": "1662-NQ/QUTW", "issuer": ["Quân ủy Trung ương"], "date": "2022-12-20"},
                ),
                ("Quy định 59", {"number": "59"}),
                ("Nghị quyết 05-NQ/TW", {"number": "05-NQ/TW"}),
            ],
        ),
        # a constitution is named by its year, however it is written
        (
            "Theo Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 2013 và Hiến pháp 1992; Hiến pháp và pháp luật.",
            [("Hiến pháp năm 2013", {"name": "năm 2013"}), ("Hiến pháp năm 1992", {"name": "năm 1992"})],
        ),
        # a headline in capitals names the same law as the running text
        (
            "QUÁN TRIỆT LUẬT SĨ QUAN QUÂN ĐỘI NHÂN DÂN VIỆT NAM VÀ TRIỂN KHAI NHIỆM VỤ\nĐơn vị quán triệt Luật Sĩ quan"
            " Quân đội nhân dân Việt Nam.",
            [
                (
                    "Luật Sĩ quan Quân đội nhân dân Việt Nam",
                    {
                        "name": "Sĩ quan Quân đội nhân dân Việt Nam",
                        "resolved_from": "SĨ QUAN QUÂN ĐỘI NHÂN DÂN VIỆT NAM",
                    },
                ),
                ("Luật Sĩ quan Quân đội nhân dân Việt Nam", {"name": "Sĩ quan Quân đội nhân dân Việt Nam"}),
            ],
        ),
        # a law with its own code
        (
            "Luật Quốc phòng số 22/2018/QH14 có hiệu lực",
            [
                ("Luật Quốc phòng", {"number": "22/2018/QH14", "name": "Quốc phòng"}),
            ],
        ),
        # the Law of the Sea inside a convention's title is the convention's subject, not a Vietnamese law
        (
            "Theo Công ước của Liên hợp quốc về Luật Biển năm 1982 và Luật Biển Việt Nam.",
            [
                ("Luật Biển Việt Nam", {"name": "Biển Việt Nam"}),
            ],
        ),
    ],
)
def test_phenomena(text, expected):
    assert one(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "thực hiện nghiêm các nghị quyết, chỉ thị, kết luận, quy định của Trung ương",
        "rà soát các chỉ tiêu trong thực hiện Nghị quyết đại hội đảng các cấp",
        "thực hiện đúng quy định; đúng hướng dẫn, quy định.",
        "Kết luận hội nghị, Thiếu tướng Nguyễn Mạnh Hùng yêu cầu",
        "Quyết định 2 năm qua; quyết định 3 vấn đề; Kết luận 3 nội dung; Quyết định khen thưởng 15 tập thể",
        "Kết luận 1 số vấn đề cần rút kinh nghiệm.",
        "Nghị quyết 28 đã qua 10 năm; Hướng dẫn 2 đơn vị; Chỉ thị 5 đồng chí",  # the first one is a document
        "Tổng kết Nghị quyết Trung ương 3 (khóa VIII) về “Chiến lược cán bộ thời kỳ mới”",
        "Sinh viên Trường Đại học Luật Hà Nội; Luật sư Trần Văn B; theo Luật định",
        "Nghị quyết Đại hội XIII của Đảng; Nghị quyết Trung ương đã chỉ rõ; hoàn chỉnh Quy chế để phối hợp",
        "Quy chế dân chủ ở cơ sở; Chiến lược bảo vệ Tổ quốc",
        "Năm nay đơn vị tuyển quân. Hướng dẫn 30 thanh niên làm thủ tục. Quyết định 15 người được khen.",
    ],
)
def test_generic_mentions_are_not_documents(text):
    allowed = {
        "Nghị quyết 28 đã qua 10 năm; Hướng dẫn 2 đơn vị; Chỉ thị 5 đồng chí": ["Nghị quyết 28"],
        "Tổng kết Nghị quyết Trung ương 3 (khóa VIII) về “Chiến lược cán bộ thời kỳ mới”": [
            "Nghị quyết Trung ương 3 (khóa VIII)"
        ],
    }
    assert [c for c, _ in one(text)] == allowed.get(text, [])


def test_negative_article_has_no_document():
    assert find_resolutions(normalise((FIXTURES / "negatives.txt").read_text(encoding="utf-8"))) == []


def test_user_kinds_file_adds_a_kind(tmp_path):
    extra = tmp_path / "kinds.tsv"
    extra.write_text("kind\tvariants\tcodes\tnamed\nKế hoạch\tKế hoạch\tKH\t\n", encoding="utf-8")
    rules = document_rules(extra_kinds=(str(extra),))
    found = find_resolutions(normalise("Thực hiện Kế hoạch số 1234/KH-BQP và 77/KH-BTL."), rules)
    assert [(m.canonical, m.fields["kind"]) for m in found] == [
        ("Kế hoạch 1234/KH-BQP", "Kế hoạch"),
        ("Kế hoạch 77/KH-BTL", "Kế hoạch"),
    ]
    assert find_resolutions(normalise("Thực hiện Kế hoạch số 1234/KH-BQP.")) == []


def test_user_kinds_file_with_an_unknown_naming_is_refused(tmp_path):
    bad = tmp_path / "kinds.tsv"
    bad.write_text("kind\tvariants\tcodes\tnamed\nKế hoạch\tKế hoạch\t\tsometimes\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="named"):
        document_rules(extra_kinds=(str(bad),))


def test_empty_and_document_free_texts():
    assert find_resolutions(normalise("")) == []
    assert find_resolutions(normalise("Hội nghị diễn ra sáng 06-4 tại Hà Nội.")) == []


def test_gazetteer_files_are_told_apart_by_their_header(tmp_path):
    kinds = tmp_path / "kinds.tsv"
    kinds.write_text("# mine\nkind\tvariants\tcodes\tnamed\nKế hoạch\tKế hoạch\tKH\t\n", encoding="utf-8")
    issuers = tmp_path / "issuers.tsv"
    issuers.write_text(
        "issuer\tvariants\trole\nBộ Tư lệnh Vùng 2 Hải quân\tBTL Vùng 2\tissuer\n", encoding="utf-8"
    )
    units = tmp_path / "units.tsv"
    units.write_text("canonical\tvariants\nLữ đoàn 125\t\n", encoding="utf-8")
    rules = document_rules_for((str(kinds), str(issuers), str(units)))
    found = find_resolutions(normalise("Thực hiện Kế hoạch số 12/KH-BTL của BTL Vùng 2."), rules)
    assert [(m.canonical, m.fields["issuer"]) for m in found] == [
        ("Kế hoạch 12/KH-BTL", ["Bộ Tư lệnh Vùng 2 Hải quân"])
    ]


FRAGMENTS = [
    "Nghị quyết số 05-NQ/TW",
    "Nghị quyết Trung ương 4 (khoá XII)",
    " của Quân uỷ T.Ư",
    "các Quy định: 59, 61",
    " ngày 17/1/2022",
    "Luật Quốc phòng năm 2018",
    "Hiến pháp 2013",
    "Đề án “Xây dựng lực lượng”",
    "quyết định 3 vấn đề",
    ", ",
    " và ",
    ". ",
    "\n",
    "12- KL/TW",
    "Chỉ thị 05",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=12), st.sampled_from(["NFC", "NFD"]))
def test_every_mention_indexes_its_text_whatever_the_mix(parts, form):
    text = unicodedata.normalize(form, "".join(parts))
    found = find_resolutions(normalise(text))
    for m in found:
        assert text[m.start : m.end] == m.text
        assert m.canonical.startswith(m.fields["kind"])
        assert m.fields["number"] or m.fields["name"]
    assert [m.start for m in found] == sorted(m.start for m in found)


def test_decrees_circulars_and_a_colon_after_so():
    text = (
        "Ngày 2/5/1947, Chủ tịch ký Sắc lệnh số 51-SL về tổ chức quân đội; Thông tri số 212-TT phân công. "
        "Thực hiện Quyết định số: 217/QĐ-HV ngày 05/3/2023 của Học viện Hậu cần, nhà trường khai giảng."
    )
    found = [(m.canonical, m.fields["kind"]) for m in find_resolutions(normalise(text), document_rules())]
    assert found == [
        ("Sắc lệnh 51-SL", "Sắc lệnh"),
        ("Thông tri 212-TT", "Thông tri"),
        ("Quyết định 217/QĐ-HV", "Quyết định"),
    ]


def test_a_law_named_with_a_comma():
    text = "Theo Luật Cán bộ, công chức và Luật Quốc phòng, công chức các cấp phải tuân thủ."
    found = [m.canonical for m in find_resolutions(normalise(text), document_rules())]
    assert found == ["Luật Cán bộ, công chức", "Luật Quốc phòng"]


def test_a_law_named_in_running_case():
    text = (
        "Đơn vị quán triệt Luật cán bộ, công chức năm 2008 và Luật nghĩa vụ quân sự hiện hành. "
        "Luật sư Trần Văn Hòa nói Luật pháp quốc tế được tôn trọng; Luật mới có hiệu lực."
    )
    found = [(m.canonical, m.fields["kind"]) for m in find_resolutions(normalise(text), document_rules())]
    assert found == [("Luật cán bộ, công chức năm 2008", "Luật"), ("Luật nghĩa vụ quân sự", "Luật")]


def test_a_long_running_case_run_after_luat_is_no_title():
    text = "Luật giao thông đường bộ bảo đảm an toàn giao thông cho người dân đi lại hằng ngày."
    assert find_resolutions(normalise(text), document_rules()) == []


@pytest.mark.parametrize(
    ("written", "date"),
    [
        ("ngày 17-1-2022", "2022-01-17"),
        ("ngày 17/01/2022", "2022-01-17"),
        ("ngày 5 tháng 9 năm 2019", "2019-09-05"),
        ("ngày 29-2-2024", "2024-02-29"),
        ("ngày 31 tháng 13 năm 2021", None),  # no month 13: not a date, and the issuer after it still counts
        ("ngày 30-2-2022", None),
    ],
)
def test_a_date_is_iso_8601_and_only_a_date_of_the_calendar(written, date):
    found = one(f"Thực hiện Chỉ thị số 01/CT-TTg {written} của Thủ tướng Chính phủ về công tác.")
    expected = {"number": "01/CT-TTg", "issuer": ["Thủ tướng Chính phủ"]}
    assert found == [("Chỉ thị 01/CT-TTg", {**expected, **({"date": date} if date else {})})]
