"""``vnpress officers`` on the command line: a small dated corpus of our own (tests/fixtures/officers:
careers, a navy officer through the flag ranks, same-name traps) with exact outputs, every view and
format, the filters, --no-merge, stdin, bad input, the same roster from stored mention rows, and
seeds/ scored by ../shared/eval/score.py in roster mode."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from helpers import ROOT, SCORE, SEEDS, invoke, needs_shared, run_vnpress

from vnpress.people import appearance_rows, explain_rows, people_rows, roster_from_mentions

CORPUS = ROOT / "tests" / "fixtures" / "officers"

APPEARANCES = """\
person	name	file	date	rank	positions	services	mentions
le-hai-duong	Lê Hải Dương	2017-04-20_hai-quan.txt	2017-04-20	Chuẩn Đô đốc	Tư lệnh Vùng 4 Hải quân	navy	1
le-hai-duong	Lê Hải Dương	2020-03-02_thang-quan-ham.txt	2020-03-02	Phó Đô đốc	Phó Tư lệnh Quân chủng Hải quân	navy	1
le-hai-duong	Lê Hải Dương	2023-06-01_bo-truong.txt	2023-06-01	Thượng tướng	Thứ trưởng Bộ Quốc phòng	defence	1
tran-van-binh	Trần Văn Bình	2018-05-10_quan-khu-9.txt	2018-05-10	Trung tướng	Tư lệnh Quân khu 9	army	1
tran-van-binh	Trần Văn Bình	2020-03-02_thang-quan-ham.txt	2020-03-02	Thượng tướng	Thứ trưởng Bộ Quốc phòng	defence	1
tran-van-binh	Trần Văn Bình	2023-06-01_bo-truong.txt	2023-06-01	Đại tướng	Bộ trưởng Bộ Quốc phòng	defence	1
dong-si-nguyen	Đồng Sĩ Nguyên	2016-01-01_dong-si-nguyen.txt	2016-01-01	Thượng tướng	Thứ trưởng Bộ Quốc phòng	defence	1
dong-si-nguyen	Đồng Sĩ Nguyên	khong-ngay.txt	\\N	Thượng tướng	nguyên Thứ trưởng Bộ Quốc phòng	defence	1
dung	Dũng	2021-03-05_quan-khu-5.txt	2021-03-05	Đại úy			1
dung-2	Dũng	2021-09-20_quan-doan-3.txt	2021-09-20	Đại úy			1
do-quang-huy	Đỗ Quang Huy	2021-03-05_quan-khu-5.txt	2021-03-05	Thiếu tướng	Tư lệnh Quân khu 5	army	1
do-quang-huy-2	Đỗ Quang Huy	2021-09-20_quan-doan-3.txt	2021-09-20	Thiếu tướng	Tư lệnh Quân đoàn 3	army	1
hoang-huu-chien	Hoàng Hữu Chiến	2022-10-10_trung-doan.txt	2022-10-10	Đại tá	Chính ủy Trung đoàn 88	army	1
hoang-xuan-chien	Hoàng Xuân Chiến	2019-09-09_truong-si-quan.txt	2019-09-09	Đại tá	Hiệu trưởng		1
nguyen-van-an	Nguyễn Văn An	2021-02-01_cong-an.txt	2021-02-01	Trung tướng	Thứ trưởng Bộ Công an	police; public security	1
nguyen-van-an-2	Nguyễn Văn An	2021-08-15_canh-sat-bien.txt	2021-08-15	Trung tướng	Tư lệnh Cảnh sát biển Việt Nam	coast guard	1
pham-minh-tuan	Phạm Minh Tuấn	2019-09-09_truong-si-quan.txt	2019-09-09	Thượng tướng	Phó Tổng Tham mưu trưởng Quân đội nhân dân Việt Nam	defence	1
pham-minh-tuan-2	Phạm Minh Tuấn	2022-10-10_trung-doan.txt	2022-10-10	Đại tá	Trung đoàn trưởng Trung đoàn 88	army	1
"""


@pytest.fixture
def in_corpus(monkeypatch):
    monkeypatch.chdir(CORPUS)


def officers(*args, **kwargs):
    return invoke("officers", *args, "-j", "1", **kwargs)


def test_appearances_tsv_exactly(in_corpus):
    result = officers(".", "--appearances", "--format", "tsv")
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout == APPEARANCES.replace("\t./", "\t")


def test_people_rows_in_jsonl(in_corpus):
    rows = [json.loads(line) for line in officers(".", "--format", "jsonl").stdout.splitlines()]
    assert [(r["person"], r["rank"], r["documents"], r["first_seen"], r["last_seen"]) for r in rows] == [
        ("le-hai-duong", "Thượng tướng", 3, "2017-04-20", "2023-06-01"),
        ("tran-van-binh", "Đại tướng", 3, "2018-05-10", "2023-06-01"),
        ("dong-si-nguyen", "Thượng tướng", 2, "2016-01-01", "2016-01-01"),
        ("dung", "Đại úy", 1, "2021-03-05", "2021-03-05"),
        ("dung-2", "Đại úy", 1, "2021-09-20", "2021-09-20"),
        ("do-quang-huy", "Thiếu tướng", 1, "2021-03-05", "2021-03-05"),
        ("do-quang-huy-2", "Thiếu tướng", 1, "2021-09-20", "2021-09-20"),
        ("hoang-huu-chien", "Đại tá", 1, "2022-10-10", "2022-10-10"),
        ("hoang-xuan-chien", "Đại tá", 1, "2019-09-09", "2019-09-09"),
        ("nguyen-van-an", "Trung tướng", 1, "2021-02-01", "2021-02-01"),
        ("nguyen-van-an-2", "Trung tướng", 1, "2021-08-15", "2021-08-15"),
        ("pham-minh-tuan", "Thượng tướng", 1, "2019-09-09", "2019-09-09"),
        ("pham-minh-tuan-2", "Đại tá", 1, "2022-10-10", "2022-10-10"),
    ]
    binh = rows[1]
    assert binh["ranks"] == [
        "Trung tướng: 2018-05-10 2018-05-10_quan-khu-9.txt (1 document)",
        "Thượng tướng: 2020-03-02 2020-03-02_thang-quan-ham.txt (1 document)",
        "Đại tướng: 2023-06-01 2023-06-01_bo-truong.txt (1 document)",
    ]  # "thăng quân hàm từ Trung tướng lên Thượng tướng" is a Thượng tướng seen at the article's date
    assert binh["units"] == ["Quân khu 9", "Bộ Quốc phòng"]


def test_explain_says_what_linked_and_what_split(in_corpus):
    rows = [json.loads(line) for line in officers(".", "--explain", "--format", "jsonl").stdout.splitlines()]
    by_file = {(r["person"], r["file"]): r for r in rows}
    assert by_file["tran-van-binh", "2023-06-01_bo-truong.txt"] == {
        "person": "tran-van-binh",
        "name": "Trần Văn Bình",
        "file": "2023-06-01_bo-truong.txt",
        "date": "2023-06-01",
        "decision": "merged",
        "other": "tran-van-binh",
        "linked_file": "2020-03-02_thang-quan-ham.txt",
        "evidence": [
            "same name: Trần Văn Bình",
            "same unit: Bộ Quốc phòng",
            "rank follows: Thượng tướng (2020-03-02, 2020-03-02_thang-quan-ham.txt) then Đại tướng (2023-06-01, "
            "2023-06-01_bo-truong.txt)",
            "same service: defence",
        ],
    }
    assert by_file["nguyen-van-an-2", "2021-08-15_canh-sat-bien.txt"]["evidence"] == [
        "service differs: police, public security vs coast guard",
        "two offices in 2021: Bộ Công an (2021-02-01_cong-an.txt) and Cảnh sát biển Việt Nam "
        "(2021-08-15_canh-sat-bien.txt)",
    ]
    assert by_file["pham-minh-tuan-2", "2022-10-10_trung-doan.txt"]["decision"] == "split"
    assert by_file["do-quang-huy-2", "2021-09-20_quan-doan-3.txt"]["evidence"] == [
        "two offices in 2021: Quân khu 5 (2021-03-05_quan-khu-5.txt) and Quân đoàn 3 (2021-09-20_quan-doan-3.txt)"
    ]
    assert by_file["dung-2", "2021-09-20_quan-doan-3.txt"]["decision"] == "given name"
    assert by_file["dong-si-nguyen", "khong-ngay.txt"]["evidence"] == [
        "same name: Đồng Sỹ Nguyên",
        "same post: Thứ trưởng Bộ Quốc phòng",
        "same rank: Thượng tướng",
        "same service: defence",
    ]


def test_ranks_and_posts_tables(in_corpus):
    ranks = officers(".", "--ranks", "--name", "le hai duong", "--format", "tsv").stdout.splitlines()
    assert ranks == [
        "person\tname\trank\tfirst_seen\tfirst_file\tlast_seen\tlast_file\tdocuments",
        "le-hai-duong\tLê Hải Dương\tChuẩn Đô đốc\t2017-04-20\t2017-04-20_hai-quan.txt\t2017-04-20\t2017-04-20_hai-quan.txt\t1",
        "le-hai-duong\tLê Hải Dương\tPhó Đô đốc\t2020-03-02\t2020-03-02_thang-quan-ham.txt\t2020-03-02\t2020-03-02_thang-quan-ham.txt\t1",
        "le-hai-duong\tLê Hải Dương\tThượng tướng\t2023-06-01\t2023-06-01_bo-truong.txt\t2023-06-01\t2023-06-01_bo-truong.txt\t1",
    ]
    posts = officers(
        ".", "--posts", "--name", "ĐỒNG SĨ", "--format", "csv", "--no-header"
    ).stdout.splitlines()
    assert posts == [
        "dong-si-nguyen,Đồng Sĩ Nguyên,Thứ trưởng Bộ Quốc phòng,Thứ trưởng,Bộ Quốc phòng,false,2016-01-01,"
        "2016-01-01_dong-si-nguyen.txt,2016-01-01,2016-01-01_dong-si-nguyen.txt,2"
    ]


@pytest.mark.parametrize(
    ("args", "people"),
    [
        (["--name", "nguyen van an"], ["nguyen-van-an", "nguyen-van-an-2"]),
        (["--rank", "đại tướng"], ["tran-van-binh"]),
        (["--unit", "canh sat bien"], ["nguyen-van-an-2"]),
        (
            ["--since", "2022", "--until", "2023-06-01"],
            ["le-hai-duong", "tran-van-binh", "hoang-huu-chien", "pham-minh-tuan-2"],
        ),
    ],
)
def test_filters(in_corpus, args, people):
    rows = [json.loads(line) for line in officers(".", *args, "--format", "jsonl").stdout.splitlines()]
    assert [r["person"] for r in rows] == people


def test_no_merge_is_one_person_per_name_and_service(in_corpus):
    rows = [json.loads(line) for line in officers(".", "--no-merge", "--format", "jsonl").stdout.splitlines()]
    people = {r["person"]: r["documents"] for r in rows}
    assert people["pham-minh-tuan"] == 1 and people["pham-minh-tuan-2"] == 1  # defence, army
    assert people["do-quang-huy"] == 2  # one name, one service: the rules would split them
    assert people["dung"] == 2


def test_popolo(in_corpus):
    result = officers(".", "--format", "popolo", "--name", "tran van binh")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert list(doc) == ["persons", "organizations", "posts", "memberships"]
    assert doc["persons"] == [
        {"id": "tran-van-binh", "name": "Trần Văn Bình", "honorific_prefix": "Đại tướng"}
    ]
    assert [(m["role"], m.get("start_date"), m.get("end_date")) for m in doc["memberships"]] == [
        ("Tư lệnh", "2018-05-10", "2018-05-10"),
        ("Thứ trưởng", "2020-03-02", "2020-03-02"),
        ("Bộ trưởng", "2023-06-01", "2023-06-01"),
        ("Trung tướng", "2018-05-10", "2018-05-10"),
        ("Thượng tướng", "2020-03-02", "2020-03-02"),
        ("Đại tướng", "2023-06-01", "2023-06-01"),
    ]


def test_stdin():
    result = invoke(
        "officers",
        "-",
        "--appearances",
        "--format",
        "tsv",
        input="Thượng tướng Trần Văn Bình, Thứ trưởng Bộ Quốc phòng.\n",
    )
    assert result.stdout.splitlines()[1] == (
        "tran-van-binh\tTrần Văn Bình\t<stdin>\t\\N\tThượng tướng\tThứ trưởng Bộ Quốc phòng\tdefence\t1"
    )


def test_a_missing_file_is_one_line_and_the_others_are_read(in_corpus):
    result = officers("nope.txt", "2018-05-10_quan-khu-9.txt", "--appearances", "--format", "tsv")
    assert result.exit_code == 1
    assert result.stderr == "vnpress: error: nope.txt: no such file or directory\n"
    assert result.stdout.splitlines()[1].startswith(
        "tran-van-binh\tTrần Văn Bình\t2018-05-10_quan-khu-9.txt\t"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--appearances", "--ranks"],
            "vnpress: error: choose one of --appearances, --ranks, --posts, --explain (got --appearances and --ranks)",
        ),
        (
            ["--format", "popolo", "--explain"],
            "vnpress: error: --format popolo is the whole roster: it does not combine with --explain",
        ),
        (
            ["--since", "2022-13"],
            "vnpress: error: Invalid value for '--since': '2022-13' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
        ),
    ],
)
def test_usage_errors(args, message):
    result = run_vnpress("officers", str(SEEDS), *args, text=True)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == message
    assert result.stdout == ""


def test_the_roster_from_stored_mention_rows_is_the_roster_of_the_text(in_corpus):
    """What the SQLite index does: rebuild from ``entities --mentions`` rows, without the text."""
    mentions = officers(".", "--format", "jsonl").stdout  # warm nothing: just the reference run
    rows = [
        json.loads(line)
        for line in invoke("entities", ".", "--mentions", "--format", "jsonl", "-j", "1").stdout.splitlines()
    ]
    roster = roster_from_mentions(reversed(rows))  # in any order
    assert [json.dumps(r, ensure_ascii=False) for r in people_rows(roster)] == mentions.splitlines()
    explain = officers(".", "--explain", "--format", "jsonl").stdout.splitlines()
    assert [json.dumps(r, ensure_ascii=False) for r in explain_rows(roster)] == explain
    assert len(list(appearance_rows(roster))) == 18


@needs_shared
def test_seeds_score_one_in_roster_mode(tmp_path):
    """seeds/ name no officer in two documents, so the roster gold is the officers of the seeds gold,
    one person each; the scorer must find every appearance and rank, and no wrong merge."""
    gold_entities = json.loads((ROOT.parent / "shared" / "gold" / "seeds.json").read_text(encoding="utf-8"))
    people = {}
    for file, doc in gold_entities["documents"].items():
        for o in doc["officers"]:
            person = people.setdefault(o["name"], {"id": o["name"], "name": o["name"], "appearances": []})
            person["appearances"].append({"file": file, "rank": o["rank"], "positions": o["positions"]})
    assert all(len(p["appearances"]) == 1 for p in people.values())
    gold = tmp_path / "roster.json"
    gold.write_text(
        json.dumps({"people": list(people.values()), "distinct_people_same_name": []}), encoding="utf-8"
    )
    appearances = tmp_path / "appearances.jsonl"
    appearances.write_text(
        officers(str(SEEDS), "--appearances", "--format", "jsonl").stdout, encoding="utf-8"
    )
    out = subprocess.run(
        [sys.executable, str(SCORE), "roster", str(gold), str(appearances)],
        capture_output=True,
        text=True,
        check=True,
    )
    score = json.loads(out.stdout.splitlines()[-1])
    assert score["appearance"]["f1"] == 1.0
    assert score["clusters"]["f1"] == 1.0
    assert score["rank"] == 1.0 and score["rank_history"] == 1.0 and score["wrong_merges"] == 0


def test_json_is_the_jsonl_rows_as_one_list_and_the_table_has_the_title(in_corpus):
    jsonl = [json.loads(line) for line in officers(".", "--ranks", "--format", "jsonl").stdout.splitlines()]
    assert json.loads(officers(".", "--ranks", "--format", "json").stdout) == jsonl
    wide = {"COLUMNS": "200"}
    table = officers(
        ".", "--ranks", "--name", "le hai duong", "--format", "table", "--no-color", env=wide
    ).stdout
    assert "Officer ranks" in table and "Chuẩn Đô đốc" in table and "Phó Đô đốc" in table
