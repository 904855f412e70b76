"""Six press-style articles (tests/fixtures/entities/), each pinned entity by entity.

Each article gathers phenomena that the unseen evaluation articles contain: navy and junior ranks,
police generals, stacked titles, ALL-CAPS names, bylines and photo credits, rank-less later
mentions, former posts, posts shared before a colon, T.Ư/TW/Trung ương, Z/DK-coded units,
border-guard stations, Bộ CHQS/Ban CHQS, numbered formations and bracketed parent chains.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from vnpress.entities import extract_entities

FIXTURES = Path(__file__).parent / "fixtures" / "entities"


def _article(name: str):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return text, extract_entities(text)


def _officers(mentions) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for m in mentions:
        if m.type == "officer":
            o = out.setdefault(
                m.canonical, {"rank": m.fields["rank"], "positions": [], "service": m.fields["service"]}
            )
            for p in m.fields["positions"]:
                if p not in o["positions"]:
                    o["positions"].append(p)
    return out


def _units(mentions) -> set[str]:
    return {m.canonical for m in mentions if m.type == "unit"}


def _ranks(mentions) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.canonical, m.fields["service"]) for m in mentions if m.type == "rank"]


EXPECTED = {
    "hai_quan.txt": {
        "officers": {
            "Trần Thanh Nghiêm": {
                "rank": "Chuẩn Đô đốc",
                "positions": ["Tư lệnh Vùng 2 Hải quân"],
                "service": None,
            },
            "Phạm Hoài Nam": {
                "rank": "Phó Đô đốc",
                "positions": ["Phó Tư lệnh Quân chủng Hải quân"],
                "service": None,
            },
            "Lê Văn Tâm": {"rank": "Đại úy", "positions": ["Hạm trưởng Tàu 016"], "service": None},
            "Vũ Đình Khoa": {"rank": "Trung sĩ", "positions": ["Chiến sĩ Hải đội 411"], "service": None},
            "Hoàng Minh Đức": {
                "rank": "Thiếu tá",
                "positions": ["Phó Chính ủy Lữ đoàn 171"],
                "service": None,
            },
        },
        "units": {
            "Bộ Tư lệnh Vùng 2 Hải quân",
            "Hải đội 411",
            "Lữ đoàn 171",
            "Nhà giàn DK1/10",
            "Quân chủng Hải quân",
            "Quân ủy Trung ương",
            "Tiểu đoàn DK1",
            "Vùng 2 Hải quân",
            "Đảng ủy Quân chủng Hải quân",  # "Đảng ủy Quân chủng": the article's one Quân chủng
        },
        "ranks": [
            ("Chuẩn Đô đốc", "Chuẩn Đô đốc", None),
            ("Phó Đô đốc", "Phó Đô đốc", None),
            ("Chuẩn đô đốc", "Chuẩn Đô đốc", None),
            ("Đại úy", "Đại úy", None),
            ("Trung sĩ", "Trung sĩ", None),
            ("Thiếu tá", "Thiếu tá", None),
            ("Phó Đô đốc", "Phó Đô đốc", None),
        ],
    },
    "bien_phong.txt": {
        "officers": {
            "Hồ Thanh Hải": {
                "rank": "Đại tá",
                "positions": ["Chỉ huy trưởng Bộ Chỉ huy Bộ đội Biên phòng tỉnh"],
                "service": None,
            },
            "Nguyễn Hữu Phước": {
                "rank": "Thượng tá",
                "positions": ["nguyên Phó Chính ủy Bộ đội Biên phòng tỉnh"],
                "service": None,
            },
            "Lê Văn Sơn": {
                "rank": "Trung tá",
                "positions": ["Đồn trưởng Đồn Biên phòng A Túc"],
                "service": None,
            },
        },
        "units": {
            "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Quảng Trị",
            "Bộ đội Biên phòng Quảng Trị",
            "Bộ đội Biên phòng tỉnh",
            "Công an huyện Hướng Hóa",
            "Đồn Biên phòng A Túc",
            "Đồn Biên phòng cửa khẩu quốc tế Lao Bảo",
            "Ủy ban nhân dân huyện Hướng Hóa",
            "Chính phủ",  # named inside the post "Thủ tướng Chính phủ"
        },
        "ranks": [
            ("Đại tá", "Đại tá", None),
            ("Thượng tá", "Thượng tá", None),
            ("Trung tá", "Trung tá", None),
            ("Đại tá", "Đại tá", None),
        ],
    },
    "cong_an.txt": {
        "officers": {
            "Lê Quốc Thành": {
                "rank": "Thượng tướng",
                "positions": ["Ủy viên Trung ương Đảng", "Thứ trưởng Bộ Công an"],
                "service": "police",
            },
            "Nguyễn Minh Khoa": {
                "rank": "Thiếu tướng",
                "positions": ["Giám đốc Công an tỉnh Bắc Ninh"],
                "service": "police",
            },
            "Trần Đức Vinh": {
                "rank": "Đại tá",
                "positions": ["Trưởng Công an huyện Gia Lâm"],
                "service": "police",
            },
        },
        "units": {
            "Bộ Chỉ huy Quân sự tỉnh Bắc Ninh",
            "Bộ Công an",
            "Công an huyện Gia Lâm",
            "Công an nhân dân",
            "Công an tỉnh Bắc Ninh",
        },
        "ranks": [
            ("Thượng tướng", "Thượng tướng", "police"),
            ("Thiếu tướng", "Thiếu tướng", "police"),
            ("Đại tá", "Đại tá", "police"),
            ("Thượng tướng", "Thượng tướng", "police"),
        ],
    },
    "quan_khu.txt": {
        "officers": {
            "Đỗ Văn Bình": {
                "rank": "Đại tá",
                "positions": ["Phó Tư lệnh Quân đoàn 12", "Tham mưu trưởng Quân đoàn 12"],
                "service": None,
            },
            "Phạm Quang Huy": {
                "rank": "Thượng úy",
                "positions": ["Đại đội trưởng Đại đội 9, Tiểu đoàn 4, Trung đoàn 209"],
                "service": None,
            },
            "Nguyễn Văn Hòa": {
                "rank": "Thượng tá",
                "positions": ["Chỉ huy trưởng Ban Chỉ huy Quân sự huyện Châu Thành"],
                "service": None,
            },
            "Nguyễn Văn Nam": {"rank": "Thiếu tướng", "positions": ["Tư lệnh Quân khu 9"], "service": None},
        },
        "units": {
            "Ban Chỉ huy Quân sự huyện Châu Thành",
            "Bộ Chỉ huy Quân sự tỉnh Bến Tre",
            "Lữ đoàn Công binh 229",
            "Nhà máy Z111",
            "Quân khu 9",
            "Quân đoàn 12",
            "Sư đoàn 312",
            "Tiểu đoàn 4",
            "Trung đoàn 209",
            "Tổng cục Công nghiệp quốc phòng",
            "Đại đội 9",
        },
        "ranks": [
            ("Đại tá", "Đại tá", None),
            ("Thượng úy", "Thượng úy", None),
            ("Thượng tá", "Thượng tá", None),
            ("Thiếu tướng", "Thiếu tướng", None),
        ],
    },
    "ky_niem.txt": {
        "officers": {
            "Nguyễn Trọng Bình": {
                "rank": "Thượng tướng",
                "positions": ["Ủy viên Trung ương Đảng", "Giám đốc Học viện Chính trị"],
                "service": None,
            },
            "Nguyễn Huy Hiệu": {
                "rank": "Thượng tướng",
                "positions": ["nguyên Thứ trưởng Bộ Quốc phòng"],
                "service": None,
            },
            "Lê Văn Cường": {
                "rank": "Thiếu tướng",
                "positions": ["Phó Giám đốc Học viện Chính trị"],
                "service": None,
            },
        },
        "units": {
            "Bộ Quốc phòng",
            "Học viện Chính trị",
            "Học viện Quốc phòng",
            "Quân ủy Trung ương",
            "Tổng cục Chính trị",
        },
        "ranks": [
            ("Thượng tướng", "Thượng tướng", None),
            ("Thượng tướng", "Thượng tướng", None),
            ("Thiếu tướng", "Thiếu tướng", None),
            ("Thượng tướng", "Thượng tướng", None),
        ],
    },
    "hoi_nghi.txt": {
        "officers": {
            "Nguyễn Văn Nghĩa": {
                "rank": "Thượng tướng",
                "positions": ["Phó Tổng Tham mưu trưởng Quân đội nhân dân Việt Nam"],
                "service": None,
            },
            "Huỳnh Chiến Thắng": {
                "rank": "Trung tướng",
                "positions": ["Phó Tổng Tham mưu trưởng Quân đội nhân dân Việt Nam"],
                "service": None,
            },
            "Trịnh Văn Quyết": {
                "rank": "Trung tướng",
                "positions": ["Phó Chủ nhiệm Tổng cục Chính trị"],
                "service": None,
            },
            "Nguyễn Hùng Thắng": {
                "rank": "Trung tướng",
                "positions": ["Chính ủy Quân khu 5"],
                "service": None,
            },
        },
        "units": {
            "Bộ Tổng Tham mưu",
            "Cục Chính trị Bộ Tổng Tham mưu",
            "Cục Quân huấn",
            "Cục Tác chiến",
            "Quân khu 5",
            "Quân đội nhân dân Việt Nam",
            "Tổng cục Chính trị",
            "Văn phòng Bộ Quốc phòng",
            "Bộ Quốc phòng",  # the body that ends the Văn phòng's name
        },
        "ranks": [
            ("Thượng tướng", "Thượng tướng", None),
            ("Trung tướng", "Trung tướng", None),
            ("Trung tướng", "Trung tướng", None),
            ("Trung tướng", "Trung tướng", None),
            ("Trung tướng", "Trung tướng", None),
            ("Thượng tướng", "Thượng tướng", None),
        ],
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_officers_ranks_and_posts(name):
    _, mentions = _article(name)
    assert _officers(mentions) == EXPECTED[name]["officers"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_units(name):
    _, mentions = _article(name)
    assert _units(mentions) == EXPECTED[name]["units"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_ranks(name):
    _, mentions = _article(name)
    assert _ranks(mentions) == EXPECTED[name]["ranks"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_offset_points_at_its_text(name):
    text, mentions = _article(name)
    assert mentions
    for m in mentions:
        assert text[m.start : m.end] == m.text, m


def test_bylines_and_photo_credits_are_not_officers():
    for name in ("hai_quan.txt", "bien_phong.txt", "cong_an.txt", "hoi_nghi.txt"):
        _, mentions = _article(name)
        names = {m.canonical.casefold() for m in mentions if m.type == "officer"}
        assert not names & {"trần anh minh", "kim hồng", "minh khôi", "phú sơn"}


def test_all_caps_name_is_title_cased_in_canonical_and_kept_in_name():
    _, mentions = _article("ky_niem.txt")
    hieu = [m for m in mentions if m.type == "officer" and m.canonical == "Nguyễn Huy Hiệu"]
    assert [m.fields["name"] for m in hieu] == ["NGUYỄN HUY HIỆU"]
    assert hieu[0].text == "Thượng tướng, Viện sĩ, Tiến sĩ NGUYỄN HUY HIỆU"


def test_quan_uy_written_three_ways_is_one_body():
    _, mentions = _article("ky_niem.txt")
    written = {m.text for m in mentions if m.type == "unit" and m.canonical == "Quân ủy Trung ương"}
    assert written == {"Quân ủy T.Ư", "Quân ủy TW", "Quân ủy Trung ương"}


def test_rankless_later_mention_makes_no_officer():
    # "Đồng chí Phó Chủ nhiệm Tổng cục Chính trị đánh giá cao …" and "Đồng chí Thứ trưởng cũng lưu ý …"
    for name, count in (("ky_niem.txt", 3), ("cong_an.txt", 3)):
        _, mentions = _article(name)
        assert len(_officers(mentions)) == count


def test_one_officer_per_person_however_often_named():
    _, mentions = _article("hai_quan.txt")
    nghiem = [m for m in mentions if m.type == "officer" and m.canonical == "Trần Thanh Nghiêm"]
    assert [m.text for m in nghiem] == ["Chuẩn Đô đốc Trần Thanh Nghiêm", "Chuẩn đô đốc Trần Thanh Nghiêm"]
    assert {m.fields["rank"] for m in nghiem} == {"Chuẩn Đô đốc"}


def test_bracketed_parent_chain_yields_each_unit():
    text, mentions = _article("quan_khu.txt")
    head = text.index("Trung đoàn 209 (")
    inside = [(m.text, m.canonical) for m in mentions if m.type == "unit" and head <= m.start < head + 45]
    assert inside == [
        ("Trung đoàn 209", "Trung đoàn 209"),
        ("Sư đoàn 312", "Sư đoàn 312"),
        ("Quân đoàn 12", "Quân đoàn 12"),
    ]


def test_unnamed_vung_resolves_to_the_articles_numbered_one():
    _, mentions = _article("hai_quan.txt")
    resolved = {
        (m.text, m.canonical, m.fields["resolved_from"]) for m in mentions if m.fields.get("resolved_from")
    }
    assert ("Bộ Tư lệnh Vùng", "Bộ Tư lệnh Vùng 2 Hải quân", "Bộ Tư lệnh Vùng") in resolved
