"""The roster library (vnpress.people): observations from mention rows, every identity rule (the
merges and the cases where it must not merge), ids, histories, filters and Popolo, on observations
and rows written here by hand."""

from __future__ import annotations

import random

import pytest

from vnpress.people import (
    Observation,
    appearance_rows,
    build_roster,
    explain_rows,
    filter_roster,
    observations_from_mentions,
    people_rows,
    popolo,
    post_rows,
    rank_rows,
    roster_from_mentions,
)
from vnpress.people.identity import slug, time_order
from vnpress.people.observe import split_position, unit_key
from vnpress.people.services import service_conflict, service_of


def officer(file, name, rank, positions=(), date=None, service=None, **extra):
    """A row as ``entities --mentions --format jsonl`` prints an officer."""
    return {
        "file": file,
        "type": "officer",
        "start": 0,
        "end": 1,
        "text": name,
        "canonical": name,
        "name": name,
        "rank": rank,
        "positions": list(positions),
        "service": service,
        "resolved_from": None,
        "kind": None,
        "number": None,
        "term": None,
        "issuer": None,
        "date": None,
        "document_date": date,
        **extra,
    }


def obs(file, name, rank, *positions, date=None, services=()):
    from vnpress.entities.officers.people import name_key

    return Observation(file, date, name_key(name), name, rank, tuple(positions), tuple(services))


def people_of(roster):
    """{person id: [files]} in the roster's order."""
    return {p.id: [o.file for o in p.observations] for p in roster.people}


def decisions(roster):
    return [(r["person"], r["file"], r["decision"], r["other"]) for r in explain_rows(roster)]


# --- observations from rows ---------------------------------------------------------------------


def test_one_observation_per_officer_and_document_from_rows_as_entities_prints_them():
    rows = [
        {
            **officer("a.txt", "Trần Văn Bình", "Trung tướng", ["Tư lệnh Quân khu 9"], "2018-05-10"),
            "start": 5,
        },
        {"file": "a.txt", "type": "unit", "canonical": "Quân khu 9", "document_date": "2018-05-10"},
        officer("a.txt", "TRẦN VĂN BÌNH", "Trung tướng", ["Bí thư Đảng ủy Quân khu 9"], "2018-05-10"),
        officer("a.txt", "Trần Văn Bình", "Trung tướng", [], "2018-05-10"),
        officer("b.txt", "Nguyễn Văn An", "Trung tướng", ["Thứ trưởng Bộ Công an"], None, "police"),
        {"file": "b.txt", "type": "rank", "canonical": "Trung tướng"},
    ]
    assert observations_from_mentions(rows) == [
        Observation(
            file="a.txt",
            date="2018-05-10",
            key="trần văn bình",
            name="Trần Văn Bình",
            rank="Trung tướng",
            positions=("Tư lệnh Quân khu 9", "Bí thư Đảng ủy Quân khu 9"),
            services=("army",),
            mentions=3,
        ),
        Observation(
            file="b.txt",
            date=None,
            key="nguyễn văn an",
            name="Nguyễn Văn An",
            rank="Trung tướng",
            positions=("Thứ trưởng Bộ Công an",),
            services=("police", "public security"),
            mentions=1,
        ),
    ]


def test_the_pieces_of_a_long_file_are_one_observation_at_the_highest_rank_they_give():
    rows = [
        officer("long.txt", "Lê Hải Dương", "Chuẩn Đô đốc", ["Tư lệnh Vùng 4 Hải quân"], "2020-03-02"),
        officer("long.txt", "Lê Hải Dương", "Phó Đô đốc", [], "2020-03-02"),
    ]
    (o,) = observations_from_mentions(rows)
    assert (o.rank, o.services, o.mentions) == ("Phó Đô đốc", ("navy",), 2)


@pytest.mark.parametrize(
    ("position", "expected"),
    [
        ("Chính ủy Quân khu 7", ("Chính ủy", "Quân khu 7", False)),
        ("nguyên Tư lệnh Bộ đội Biên phòng", ("Tư lệnh", "Bộ đội Biên phòng", True)),
        (
            "Phó Tổng Tham mưu trưởng Quân đội nhân dân Việt Nam",
            ("Phó Tổng Tham mưu trưởng", "Quân đội nhân dân Việt Nam", False),
        ),
        ("Phó Thủ tướng", ("Phó Thủ tướng", "", False)),
        ("Anh hùng Lực lượng vũ trang nhân dân", ("Anh hùng Lực lượng vũ trang nhân dân", "", False)),
    ],
)
def test_a_post_splits_into_its_title_and_its_unit(position, expected):
    assert split_position(position) == expected


def test_a_unit_is_its_party_committee_and_its_command():
    assert unit_key("Đảng ủy Quân khu 7") == unit_key("Bộ Tư lệnh Quân khu 7") == "quân khu 7"


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("Giám đốc Công an tỉnh Nghệ An", "police"),
        ("Trung đoàn trưởng Trung đoàn Cảnh sát cơ động", "police"),
        ("Tư lệnh Vùng Cảnh sát biển 3", "coast guard"),
        ("Chỉ huy trưởng Bộ Chỉ huy Bộ đội Biên phòng tỉnh Kiên Giang", "border guard"),
        ("Tư lệnh Quân chủng Hải quân", "navy"),
        ("Thứ trưởng Bộ Quốc phòng", "defence"),
        ("Thứ trưởng Bộ Công an", "public security"),
        ("Tư lệnh Quân khu 9", "army"),
        ("Chủ tịch nước", None),
        ("Thứ trưởng Quốc phòng", "defence"),
        ("Viện trưởng Viện Chiến lược Quốc phòng", "defence"),
        ("Chủ nhiệm Ủy ban Quốc phòng, An ninh và Đối ngoại của Quốc hội", None),
    ],
)
def test_the_service_a_post_names(text, service):
    assert service_of(text) == service


def test_services_conflict_across_ministries_and_across_commands_unless_a_post_bridges_them():
    assert service_conflict({"police"}, {"army"}) == "service differs: police vs army"
    assert service_conflict({"public security"}, {"defence"}) == "service differs: public security vs defence"
    assert service_conflict({"army"}, {"coast guard"}) == "service differs: army vs coast guard"
    assert service_conflict({"border guard"}, {"army"}) == "service differs: border guard vs army"
    assert service_conflict({"navy"}, {"army"}) is None  # an arm of the army
    assert service_conflict({"border guard"}, {"defence"}) is None  # the ministry over it
    assert service_conflict({"army", "coast guard"}, {"coast guard"}) is None  # a former post bridges
    assert service_conflict(set(), {"police"}) is None


@pytest.mark.parametrize(
    ("a", "b", "order"),
    [
        ("2019-05-03", "2020-01-01", -1),
        ("2020-01-01", "2019-05-03", 1),
        ("2020", "2020-06-01", 0),  # a year overlaps its days
        ("2020-06", "2020-07-01", -1),
        ("2020-06-01", None, 0),
    ],
)
def test_time_order_of_partial_dates(a, b, order):
    assert time_order(a, b) == order


# --- who is the same person ------------------------------------------------------------------------


def test_a_career_in_time_is_one_person_whatever_the_order_of_the_observations():
    career = [
        obs(
            "a.txt",
            "Trần Văn Bình",
            "Trung tướng",
            "Tư lệnh Quân khu 9",
            date="2018-05-10",
            services=["army"],
        ),
        obs(
            "b.txt",
            "Trần Văn Bình",
            "Thượng tướng",
            "Thứ trưởng Bộ Quốc phòng",
            date="2020-03-02",
            services=["defence"],
        ),
        obs(
            "c.txt",
            "Trần Văn Bình",
            "Đại tướng",
            "Bộ trưởng Bộ Quốc phòng",
            date="2023-06-01",
            services=["defence"],
        ),
    ]
    for seed in range(3):
        shuffled = career[:]
        random.Random(seed).shuffle(shuffled)
        roster = build_roster(shuffled)
        assert people_of(roster) == {"tran-van-binh": ["a.txt", "b.txt", "c.txt"]}
    assert list(explain_rows(build_roster(career)))[2]["evidence"] == [
        "same name: Trần Văn Bình",
        "same unit: Bộ Quốc phòng",
        "rank follows: Thượng tướng (2020-03-02, b.txt) then Đại tướng (2023-06-01, c.txt)",
        "same service: defence",
    ]


def test_navy_flag_ranks_are_a_career_and_so_is_a_move_from_the_navy_to_the_army():
    roster = build_roster(
        [
            obs("1.txt", "Lê Hải Dương", "Chuẩn Đô đốc", date="2016-01-01", services=["navy"]),
            obs("2.txt", "Lê Hải Dương", "Phó Đô đốc", date="2019-01-01", services=["navy"]),
            obs("3.txt", "Lê Hải Dương", "Đô đốc", date="2022-01-01", services=["navy"]),
            obs("4.txt", "Lê Hải Dương", "Thượng tướng", date="2024-01-01", services=["defence"]),
        ]
    )
    assert people_of(roster) == {"le-hai-duong": ["1.txt", "2.txt", "3.txt", "4.txt"]}
    assert [r["rank"] for r in rank_rows(roster)] == ["Chuẩn Đô đốc", "Phó Đô đốc", "Đô đốc", "Thượng tướng"]


def test_a_rank_lower_than_one_seen_earlier_is_another_man():
    roster = build_roster(
        [
            obs("a.txt", "Phạm Minh Tuấn", "Thượng tướng", date="2019-09-09"),
            obs("b.txt", "Phạm Minh Tuấn", "Đại tá", date="2022-10-10"),
        ]
    )
    assert people_of(roster) == {"pham-minh-tuan": ["a.txt"], "pham-minh-tuan-2": ["b.txt"]}
    assert list(explain_rows(roster))[1]["evidence"] == [
        "rank goes down: Thượng tướng (2019-09-09, a.txt) then Đại tá (2022-10-10, b.txt)"
    ]


def test_a_navy_rank_stands_level_with_its_army_rank():
    """Phó Đô đốc = Trung tướng: a later Chuẩn Đô đốc (= Thiếu tướng) is a step down, another man."""
    roster = build_roster(
        [
            obs("a.txt", "Lê Hải Dương", "Trung tướng", date="2019-01-01"),
            obs("b.txt", "Lê Hải Dương", "Phó Đô đốc", date="2020-01-01"),
            obs("c.txt", "Lê Hải Dương", "Chuẩn Đô đốc", date="2021-01-01"),
        ]
    )
    assert people_of(roster) == {"le-hai-duong": ["a.txt", "b.txt"], "le-hai-duong-2": ["c.txt"]}


def test_an_undated_observation_does_not_contradict_a_rank_sequence():
    roster = build_roster(
        [
            obs("a.txt", "Phạm Minh Tuấn", "Thượng tướng", date="2019-09-09"),
            obs("b.txt", "Phạm Minh Tuấn", "Đại tá"),
        ]
    )
    assert people_of(roster) == {"pham-minh-tuan": ["a.txt", "b.txt"]}


def test_police_and_army_and_coast_guard_with_one_name_are_different_people():
    roster = build_roster(
        [
            obs(
                "p.txt",
                "Nguyễn Văn An",
                "Trung tướng",
                "Thứ trưởng Bộ Công an",
                date="2021-02-01",
                services=["public security"],
            ),
            obs(
                "c.txt",
                "Nguyễn Văn An",
                "Trung tướng",
                "Tư lệnh Cảnh sát biển Việt Nam",
                date="2022-08-15",
                services=["coast guard"],
            ),
            obs(
                "a.txt",
                "Nguyễn Văn An",
                "Trung tướng",
                "Tư lệnh Quân khu 4",
                date="2023-01-01",
                services=["army"],
            ),
        ]
    )
    assert people_of(roster) == {
        "nguyen-van-an": ["p.txt"],
        "nguyen-van-an-2": ["c.txt"],
        "nguyen-van-an-3": ["a.txt"],
    }
    assert decisions(roster) == [
        ("nguyen-van-an", "p.txt", "first", None),
        ("nguyen-van-an-2", "c.txt", "split", "nguyen-van-an"),
        ("nguyen-van-an-3", "a.txt", "split", "nguyen-van-an"),
    ]


def test_a_former_post_bridges_two_commands():
    roster = build_roster(
        [
            obs(
                "a.txt",
                "Lê Quang Đạo",
                "Thiếu tướng",
                "Phó Tư lệnh Quân khu 5",
                date="2018-01-01",
                services=["army"],
            ),
            obs(
                "b.txt",
                "Lê Quang Đạo",
                "Trung tướng",
                "Tư lệnh Cảnh sát biển Việt Nam",
                "nguyên Phó Tư lệnh Quân khu 5",
                date="2022-01-01",
                services=["army", "coast guard"],
            ),
            obs(
                "c.txt",
                "Lê Quang Đạo",
                "Trung tướng",
                "Tư lệnh Cảnh sát biển Việt Nam",
                date="2023-01-01",
                services=["coast guard"],
            ),
        ]
    )
    assert people_of(roster) == {"le-quang-dao": ["a.txt", "b.txt", "c.txt"]}


def test_two_offices_in_one_year_are_two_men_but_a_promotion_in_one_unit_and_a_transfer_later_are_one():
    two = build_roster(
        [
            obs("a.txt", "Đỗ Quang Huy", "Thiếu tướng", "Tư lệnh Quân khu 5", date="2021-03-05"),
            obs("b.txt", "Đỗ Quang Huy", "Thiếu tướng", "Tư lệnh Quân đoàn 3", date="2021-09-20"),
        ]
    )
    assert people_of(two) == {"do-quang-huy": ["a.txt"], "do-quang-huy-2": ["b.txt"]}
    assert list(explain_rows(two))[1]["evidence"] == [
        "two offices in 2021: Quân khu 5 (a.txt) and Quân đoàn 3 (b.txt)"
    ]
    one = build_roster(
        [
            obs("a.txt", "Đỗ Quang Huy", "Thiếu tướng", "Phó Tư lệnh Quân khu 5", date="2021-03-05"),
            obs("b.txt", "Đỗ Quang Huy", "Thiếu tướng", "Tư lệnh Quân khu 5", date="2021-09-20"),
            obs("c.txt", "Đỗ Quang Huy", "Trung tướng", "Tư lệnh Quân đoàn 3", date="2023-01-10"),
            obs("d.txt", "Đỗ Quang Huy", "Trung tướng", "Ủy viên Trung ương Đảng", date="2023-05-01"),
        ]
    )
    assert people_of(one) == {"do-quang-huy": ["a.txt", "b.txt", "c.txt", "d.txt"]}


def test_a_post_of_a_whole_ministry_is_no_second_office():
    roster = build_roster(
        [
            obs(
                "a.txt",
                "Vũ Hải Sản",
                "Trung tướng",
                "Tư lệnh Quân khu 3",
                date="2020-03-01",
                services=["army"],
            ),
            obs(
                "b.txt",
                "Vũ Hải Sản",
                "Trung tướng",
                "Thứ trưởng Bộ Quốc phòng",
                date="2020-09-01",
                services=["defence"],
            ),
        ]
    )
    assert people_of(roster) == {"vu-hai-san": ["a.txt", "b.txt"]}


def test_a_deputy_minister_written_without_bo_is_still_the_whole_ministry():
    roster = build_roster(
        [
            obs(
                "a.txt",
                "Hoàng Xuân Chiến",
                "Trung tướng",
                "Tư lệnh Bộ đội Biên phòng",
                date="2020-07-15",
                services=["border guard"],
            ),
            obs(
                "b.txt",
                "Hoàng Xuân Chiến",
                "Thượng tướng",
                "Thứ trưởng Quốc phòng",
                date="2020-10-20",
                services=["defence"],
            ),
        ]
    )
    assert people_of(roster) == {"hoang-xuan-chien": ["a.txt", "b.txt"]}


def test_names_that_differ_in_one_syllable_or_one_tone_are_different_people():
    roster = build_roster(
        [
            obs("a.txt", "Hoàng Xuân Chiến", "Thượng tướng", date="2020-01-01"),
            obs("b.txt", "Hoàng Hữu Chiến", "Thượng tướng", date="2020-01-01"),
            obs("c.txt", "Nguyễn Văn Hiến", "Đô đốc", date="2011-12-06"),
            obs("d.txt", "Nguyễn Văn Hiền", "Thượng tướng", date="2025-07-14"),
        ]
    )
    assert sorted(people_of(roster).values()) == [["a.txt"], ["b.txt"], ["c.txt"], ["d.txt"]]
    assert sorted(people_of(roster)) == [
        "hoang-huu-chien",
        "hoang-xuan-chien",
        "nguyen-van-hien",
        "nguyen-van-hien-2",
    ]


def test_spellings_of_one_name_are_one_person_and_the_most_written_is_his_name():
    rows = [
        officer("a.txt", "Đồng Sỹ Nguyên", "Thượng tướng", date="2016-01-01"),
        officer("b.txt", "Đồng Sĩ Nguyên", "Thượng tướng", date="2017-01-01"),
        officer("b.txt", "Đồng Sĩ Nguyên", "Thượng tướng", date="2017-01-01"),
        officer("c.txt", "ĐỒNG SỸ NGUYÊN", "Thượng tướng", date="2018-01-01"),
    ]
    roster = roster_from_mentions(rows)
    assert people_of(roster) == {"dong-si-nguyen": ["a.txt", "b.txt", "c.txt"]}
    assert next(people_rows(roster))["name"] == "Đồng Sĩ Nguyên"
    assert popolo(roster)["persons"][0]["other_names"] == [
        {"name": "ĐỒNG SỸ NGUYÊN"},
        {"name": "Đồng Sỹ Nguyên"},
    ]


def test_a_given_name_alone_is_never_merged_across_documents():
    roster = build_roster(
        [obs("a.txt", "Dũng", "Đại úy", date="2021-01-01"), obs("b.txt", "Dũng", "Đại úy", date="2021-02-01")]
    )
    assert people_of(roster) == {"dung": ["a.txt"], "dung-2": ["b.txt"]}
    assert [d[2] for d in decisions(roster)] == ["given name", "given name"]


def test_an_observation_that_fits_two_people_equally_joins_neither_and_shared_posts_decide():
    police = obs(
        "p.txt",
        "Nguyễn Văn An",
        "Thiếu tướng",
        "Giám đốc Công an tỉnh Nghệ An",
        date="2019-01-01",
        services=["police"],
    )
    army = obs(
        "a.txt", "Nguyễn Văn An", "Thiếu tướng", "Tư lệnh Quân khu 4", date="2019-02-01", services=["army"]
    )
    bare = obs("x.txt", "Nguyễn Văn An", "Trung tướng", date="2022-01-01")
    roster = build_roster([police, army, bare])
    assert people_of(roster) == {
        "nguyen-van-an": ["p.txt"],
        "nguyen-van-an-2": ["a.txt"],
        "nguyen-van-an-3": ["x.txt"],
    }
    assert decisions(roster)[2] == ("nguyen-van-an-3", "x.txt", "ambiguous", "nguyen-van-an")
    known = obs("y.txt", "Nguyễn Văn An", "Trung tướng", "nguyên Tư lệnh Quân khu 4", date="2022-01-01")
    roster = build_roster([police, army, known])
    assert people_of(roster)["nguyen-van-an-2"] == ["a.txt", "y.txt"]
    (row,) = [r for r in explain_rows(roster) if r["file"] == "y.txt"]
    assert (row["decision"], row["linked_file"]) == ("merged", "a.txt")
    assert row["evidence"][:2] == ["same name: Nguyễn Văn An", "same post: Tư lệnh Quân khu 4"]


def test_no_merge_gives_one_person_per_name_and_service():
    roster = build_roster(
        [
            obs("a.txt", "Phạm Minh Tuấn", "Thượng tướng", date="2019-09-09", services=["defence"]),
            obs("b.txt", "Phạm Minh Tuấn", "Đại tá", date="2022-10-10", services=["army"]),
            obs("c.txt", "Phạm Minh Tuấn", "Đại tá", date="2023-10-10", services=["army"]),
            obs("d.txt", "Phạm Minh Tuấn", "Đại tá", date="2023-10-10", services=["police"]),
        ],
        merge=False,
    )
    assert people_of(roster) == {
        "pham-minh-tuan-2": ["b.txt", "c.txt"],
        "pham-minh-tuan": ["a.txt"],
        "pham-minh-tuan-3": ["d.txt"],
    }


def test_ids_are_slugs_of_the_folded_name():
    assert slug("Đỗ Bá Tỵ") == "do-ba-ty"
    assert slug("Vông-xay In-tha-khăm") == "vong-xay-in-tha-kham"


# --- tables --------------------------------------------------------------------------------------


CAREER_ROWS = [
    officer("a.txt", "Trần Văn Bình", "Trung tướng", ["Tư lệnh Quân khu 9"], "2018-05-10"),
    officer(
        "b.txt",
        "Trần Văn Bình",
        "Thượng tướng",
        ["Thứ trưởng Bộ Quốc phòng", "nguyên Tư lệnh Quân khu 9"],
        "2020-03-02",
    ),
    officer("c.txt", "Trần Văn Bình", "Thượng tướng", ["Thứ trưởng Bộ Quốc phòng"], None),
    officer("d.txt", "Lê Hải Dương", "Phó Đô đốc", ["Tư lệnh Quân chủng Hải quân"], "2020-07-15"),
]


def test_people_rows():
    roster = roster_from_mentions(CAREER_ROWS)
    assert list(people_rows(roster)) == [
        {
            "person": "tran-van-binh",
            "name": "Trần Văn Bình",
            "rank": "Thượng tướng",
            "ranks": [
                "Trung tướng: 2018-05-10 a.txt (1 document)",
                "Thượng tướng: 2020-03-02 b.txt (2 documents)",  # the dated span, and every document
            ],
            "posts": [
                "Tư lệnh Quân khu 9: 2018-05-10 a.txt … 2020-03-02 b.txt (2 documents)",
                "Thứ trưởng Bộ Quốc phòng: 2020-03-02 b.txt (2 documents)",
            ],
            "units": ["Quân khu 9", "Bộ Quốc phòng"],
            "services": ["army", "defence"],
            "documents": 3,
            "mentions": 3,
            "first_seen": "2018-05-10",
            "last_seen": "2020-03-02",
        },
        {
            "person": "le-hai-duong",
            "name": "Lê Hải Dương",
            "rank": "Phó Đô đốc",
            "ranks": ["Phó Đô đốc: 2020-07-15 d.txt (1 document)"],
            "posts": ["Tư lệnh Quân chủng Hải quân: 2020-07-15 d.txt (1 document)"],
            "units": ["Quân chủng Hải quân"],
            "services": ["navy"],
            "documents": 1,
            "mentions": 1,
            "first_seen": "2020-07-15",
            "last_seen": "2020-07-15",
        },
    ]


def test_rank_post_and_appearance_rows():
    roster = roster_from_mentions(CAREER_ROWS)
    assert list(rank_rows(roster))[:2] == [
        {"person": "tran-van-binh", "name": "Trần Văn Bình", "rank": "Trung tướng", "first_seen": "2018-05-10",
         "first_file": "a.txt", "last_seen": "2018-05-10", "last_file": "a.txt", "documents": 1},
        {"person": "tran-van-binh", "name": "Trần Văn Bình", "rank": "Thượng tướng", "first_seen": "2020-03-02",
         "first_file": "b.txt", "last_seen": "2020-03-02", "last_file": "b.txt", "documents": 2},
    ]  # fmt: skip
    assert list(post_rows(roster))[0] == {
        "person": "tran-van-binh",
        "name": "Trần Văn Bình",
        "post": "Tư lệnh Quân khu 9",
        "title": "Tư lệnh",
        "unit": "Quân khu 9",
        "former": False,
        "first_seen": "2018-05-10",
        "first_file": "a.txt",
        "last_seen": "2020-03-02",
        "last_file": "b.txt",
        "documents": 2,
    }
    assert [(r["person"], r["file"], r["date"], r["rank"]) for r in appearance_rows(roster)] == [
        ("tran-van-binh", "a.txt", "2018-05-10", "Trung tướng"),
        ("tran-van-binh", "b.txt", "2020-03-02", "Thượng tướng"),
        ("tran-van-binh", "c.txt", None, "Thượng tướng"),
        ("le-hai-duong", "d.txt", "2020-07-15", "Phó Đô đốc"),
    ]


def test_a_post_seen_only_as_former_says_so():
    roster = roster_from_mentions(
        [officer("a.txt", "Đồng Sĩ Nguyên", "Thượng tướng", ["nguyên Thứ trưởng Bộ Quốc phòng"])]
    )
    (row,) = post_rows(roster)
    assert (row["post"], row["former"], row["first_seen"], row["first_file"]) == (
        "Thứ trưởng Bộ Quốc phòng",
        True,
        None,
        "a.txt",
    )
    assert next(people_rows(roster))["posts"] == [
        "nguyên Thứ trưởng Bộ Quốc phòng: undated a.txt (1 document)"
    ]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"name": "tran van binh"}, {"tran-van-binh": ["a.txt", "b.txt", "c.txt"]}),
        ({"name": "HẢI DƯƠNG"}, {"le-hai-duong": ["d.txt"]}),
        ({"rank": "trung tướng"}, {"tran-van-binh": ["a.txt", "b.txt", "c.txt"]}),
        ({"rank": "pho do doc"}, {"le-hai-duong": ["d.txt"]}),
        ({"unit": "hai quan"}, {"le-hai-duong": ["d.txt"]}),
        ({"since": "2020"}, {"tran-van-binh": ["b.txt"], "le-hai-duong": ["d.txt"]}),
        ({"until": "2019-12-31"}, {"tran-van-binh": ["a.txt"]}),
        ({"since": "2020-07", "until": "2020-07"}, {"le-hai-duong": ["d.txt"]}),
        ({"name": "Nobody"}, {}),
    ],
)
def test_filters_keep_ids(filters, expected):
    assert people_of(filter_roster(roster_from_mentions(CAREER_ROWS), **filters)) == expected


def test_popolo():
    doc = popolo(roster_from_mentions(CAREER_ROWS[:2]))
    assert doc["persons"] == [
        {"id": "tran-van-binh", "name": "Trần Văn Bình", "honorific_prefix": "Thượng tướng"}
    ]
    assert doc["organizations"] == [
        {"id": "org-bo-quoc-phong", "name": "Bộ Quốc phòng", "classification": "defence"},
        {"id": "org-qdnd", "name": "Quân đội nhân dân Việt Nam", "classification": "defence"},
        {"id": "org-quan-khu-9", "name": "Quân khu 9", "classification": "army"},
    ]
    assert doc["posts"] == [
        {"id": "post-thu-truong-bo-quoc-phong", "label": "Thứ trưởng Bộ Quốc phòng", "role": "Thứ trưởng",
         "organization_id": "org-bo-quoc-phong"},
        {"id": "post-tu-lenh-quan-khu-9", "label": "Tư lệnh Quân khu 9", "role": "Tư lệnh", "organization_id": "org-quan-khu-9"},
    ]  # fmt: skip
    assert doc["memberships"] == [
        {"id": "tran-van-binh/post-tu-lenh-quan-khu-9", "person_id": "tran-van-binh", "post_id": "post-tu-lenh-quan-khu-9",
         "role": "Tư lệnh", "label": "Tư lệnh Quân khu 9", "organization_id": "org-quan-khu-9",
         "start_date": "2018-05-10", "end_date": "2020-03-02", "sources": [{"url": "a.txt"}, {"url": "b.txt"}]},
        {"id": "tran-van-binh/post-thu-truong-bo-quoc-phong", "person_id": "tran-van-binh",
         "post_id": "post-thu-truong-bo-quoc-phong", "role": "Thứ trưởng", "label": "Thứ trưởng Bộ Quốc phòng",
         "organization_id": "org-bo-quoc-phong", "start_date": "2020-03-02", "end_date": "2020-03-02",
         "sources": [{"url": "b.txt"}]},
        {"id": "tran-van-binh/rank-trung-tuong", "person_id": "tran-van-binh", "role": "Trung tướng",
         "organization_id": "org-qdnd", "start_date": "2018-05-10", "end_date": "2018-05-10", "sources": [{"url": "a.txt"}]},
        {"id": "tran-van-binh/rank-thuong-tuong", "person_id": "tran-van-binh", "role": "Thượng tướng",
         "organization_id": "org-qdnd", "start_date": "2020-03-02", "end_date": "2020-03-02", "sources": [{"url": "b.txt"}]},
    ]  # fmt: skip


def test_a_popolo_membership_cites_the_documents_of_its_own_post_only():
    rows = [
        officer("a.txt", "Lê Văn An", "Đại tá", ["Phó Tư lệnh Quân khu 9"], "2020"),
        officer("b.txt", "Lê Văn An", "Thiếu tướng", ["Tư lệnh Quân khu 9"], "2021"),
    ]
    memberships = popolo(roster_from_mentions(rows))["memberships"]
    assert [(m["role"], m["sources"], m.get("start_date")) for m in memberships] == [
        ("Phó Tư lệnh", [{"url": "a.txt"}], "2020"),
        ("Tư lệnh", [{"url": "b.txt"}], "2021"),
        ("Đại tá", [{"url": "a.txt"}], "2020"),
        ("Thiếu tướng", [{"url": "b.txt"}], "2021"),
    ]


def test_positions_stored_as_text_read_as_the_list():
    as_list = officer(
        "a.txt", "Lê Văn An", "Đại tá", ["Phó Tư lệnh Quân khu 9", "Ủy viên Đảng ủy Quân khu 9"]
    )
    as_json = {**as_list, "positions": '["Phó Tư lệnh Quân khu 9", "Ủy viên Đảng ủy Quân khu 9"]'}
    as_tsv = {**as_list, "positions": "Phó Tư lệnh Quân khu 9; Ủy viên Đảng ủy Quân khu 9"}
    expected = observations_from_mentions([as_list])
    assert observations_from_mentions([as_json]) == observations_from_mentions([as_tsv]) == expected
    assert observations_from_mentions([{**as_list, "positions": None}])[0].positions == ()


def test_observations_of_one_career_share_one_copy_of_what_they_repeat():
    rows = [
        officer(f"{i}.txt", "Trần Văn Bình", "Trung tướng", ["Tư lệnh Quân khu 9"], f"2020-01-{i + 10}")
        for i in range(3)
    ]
    first, second, third = observations_from_mentions(rows)
    assert first.positions is second.positions is third.positions
    assert first.name is second.name and first.services is third.services
