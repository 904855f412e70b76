"""Former posts: a chain of "nguyên …" that runs across brackets and titles, posts over a colon,
the political deputies, and a post that belongs to someone else ("thừa ủy quyền của …")."""

from __future__ import annotations

from pathlib import Path

from entity_views import units

from vnpress.entities import extract_entities

TEXT = (Path(__file__).parent / "fixtures" / "entities" / "truy_dieu.txt").read_text(encoding="utf-8")


def _officers() -> dict[str, tuple[str, list[str]]]:
    out: dict[str, tuple[str, list[str]]] = {}
    for m in extract_entities(TEXT):
        if m.type == "officer":
            rank, got = out.setdefault(m.canonical, (m.fields["rank"], []))
            got += [p for p in m.fields["positions"] if p not in got]
    return out


def test_former_posts_of_the_article():
    assert _officers() == {
        "Hoàng Văn Kha": (
            "Thiếu tướng",
            [
                "nguyên Ủy viên Đảng ủy Quân sự Trung ương",
                "nguyên Phó Tư lệnh Chính trị Quân khu 2",
                "nguyên Chính trị viên Tiểu đoàn 5, Trung đoàn 8, Sư đoàn 316",
            ],
        ),
        "Đinh Quang Lộc": (
            "Thiếu tướng",
            [
                "nguyên Giám đốc Bệnh viện 175",
                "nguyên Giám đốc Viện Y học cổ truyền Quân đội",
                "nguyên Giám đốc Học viện Quân y",
            ],
        ),
        "Ma Văn Tằng": ("Thượng tướng", ["Thứ trưởng Bộ Quốc phòng"]),
    }


def test_units_of_the_article():
    assert set(units(TEXT)) >= {
        "Đảng ủy Quân sự Trung ương",
        "Quân ủy Trung ương",
        "Quân khu 2",
        "Tiểu đoàn 5",
        "Trung đoàn 8",
        "Sư đoàn 316",
        "Bệnh viện 175",
        "Viện Y học cổ truyền Quân đội",
        "Học viện Quân y",
        "Bộ Quốc phòng",
    }
