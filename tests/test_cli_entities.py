"""`vnpress entities`: the output contract (columns, order, lists, offsets), filters and user rules."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from helpers import SEEDS, invoke, run_vnpress

from vnpress.io.tables import ENTITY_MENTIONS
from vnpress.text.collation import collation_key

TYPE_ORDER = ["officer", "rank", "unit", "resolution"]


def run(*args: str):
    return invoke("entities", *args)


def jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def mention_rows() -> list[dict]:
    result = run("--mentions", "--format", "jsonl", str(SEEDS))
    assert result.exit_code == 0
    return jsonl(result.stdout)


def test_mentions_have_the_contract_columns_in_order(mention_rows):
    assert mention_rows
    for row in mention_rows:
        assert list(row) == list(ENTITY_MENTIONS.names)


SEED_DATES = {  # the stated date, else the inferred one (002 says only "Ngày 30/12" and "năm 2023")
    "000_fe926e9b16dd62a2.txt": "2020-11-14",
    "001_4a05e6ed274f4ba5.txt": "2022-10-06",
    "002_6ec6fc76c90fec45.txt": "2023-12-30",
    "003_d73cb450df9cd420.txt": None,
    "004_9fa3df7e3751792f.txt": "2018-12-18",
}


def test_mentions_and_by_file_rows_carry_the_documents_date(mention_rows):
    assert {Path(r["file"]).name: r["document_date"] for r in mention_rows} == SEED_DATES
    by_file = jsonl(run("--by-file", "--format", "jsonl", str(SEEDS)).stdout)
    assert list(by_file[0])[-1] == "document_date"
    assert {Path(r["file"]).name: r["document_date"] for r in by_file} == SEED_DATES


def test_a_resolutions_own_date_is_not_the_documents_date():
    text = "Tiêu đề bài viết\n\n14/11/2020, 13:02\n\nThực hiện Chỉ thị số 03/CT-BCA ngày 10-4-2009 của Bộ Công an.\n"
    rows = jsonl(
        invoke("entities", "--mentions", "--format", "jsonl", "--type", "resolution", input=text).stdout
    )
    assert [(r["date"], r["document_date"]) for r in rows] == [("2009-04-10", "2020-11-14")]


def test_every_mention_offset_points_at_its_text_in_the_original_file(mention_rows):
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    for row in mention_rows:
        original = texts[Path(row["file"]).name]
        assert original[row["start"] : row["end"]] == row["text"], row


def test_officer_fields_are_filled_and_lists_stay_lists(mention_rows):
    officers = [r for r in mention_rows if r["type"] == "officer"]
    assert officers
    for r in officers:
        assert isinstance(r["positions"], list)
        assert r["rank"] and r["name"]
    for r in mention_rows:
        if r["type"] in ("unit", "rank"):
            assert r["positions"] is None and r["name"] is None


def test_offsets_hold_on_decomposed_text_with_the_other_tone_placement(tmp_path):
    text = "Thiếu tướng Nguyễn Mạnh Hùng, Bí thư Đảng uỷ, Chính uỷ Quân khu 3 dự hội nghị của Bộ CHQS tỉnh Nam Định.\n"
    path = tmp_path / "nfd.txt"
    nfd = unicodedata.normalize("NFD", text)
    path.write_text(nfd, encoding="utf-8")
    rows = jsonl(run("--mentions", "--format", "jsonl", str(path)).stdout)
    assert {(r["type"], r["canonical"]) for r in rows} >= {
        ("officer", "Nguyễn Mạnh Hùng"),
        ("unit", "Quân khu 3"),
        ("unit", "Bộ Chỉ huy Quân sự tỉnh Nam Định"),
    }
    for r in rows:
        assert nfd[r["start"] : r["end"]] == r["text"]
    officer = next(r for r in rows if r["type"] == "officer")
    assert officer["positions"] == ["Bí thư Đảng ủy Quân khu 3", "Chính ủy Quân khu 3"]


def test_default_is_one_row_per_entity_sorted_by_type_then_count():
    result = run("--format", "jsonl", str(SEEDS))
    assert result.exit_code == 0
    rows = jsonl(result.stdout)
    assert list(rows[0]) == ["type", "canonical", "count", "documents", "rank", "positions"]
    keys = [(TYPE_ORDER.index(r["type"]), -r["count"], collation_key(r["canonical"])) for r in rows]
    assert keys == sorted(keys)
    officers = {r["canonical"]: r for r in rows if r["type"] == "officer"}
    assert officers["Trần Hoài Trung"] == {
        "type": "officer",
        "canonical": "Trần Hoài Trung",
        "count": 5,
        "documents": 1,
        "rank": "Trung tướng",
        "positions": ["Bí thư Đảng ủy Quân khu 7", "Chính ủy Quân khu 7"],
    }
    qk3 = next(r for r in rows if r["type"] == "unit" and r["canonical"] == "Quân khu 3")
    assert qk3["rank"] is None and qk3["positions"] is None and qk3["documents"] == 1


def test_officers_aggregate_across_documents_by_name_and_rank(tmp_path):
    (tmp_path / "a.txt").write_text("Đại tá Lê Văn An, Chính ủy Sư đoàn 312 dự.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Đại tá Lê Văn An, Bí thư Đảng ủy Sư đoàn 312 phát biểu.\n", encoding="utf-8"
    )
    (tmp_path / "c.txt").write_text("Thiếu tướng Lê Văn An, Tư lệnh Quân đoàn 12 dự.\n", encoding="utf-8")
    rows = jsonl(run("--format", "jsonl", "--type", "officer", str(tmp_path)).stdout)
    assert rows == [
        {
            "type": "officer",
            "canonical": "Lê Văn An",
            "count": 2,
            "documents": 2,
            "rank": "Đại tá",
            "positions": ["Chính ủy Sư đoàn 312", "Bí thư Đảng ủy Sư đoàn 312"],
        },
        {
            "type": "officer",
            "canonical": "Lê Văn An",
            "count": 1,
            "documents": 1,
            "rank": "Thiếu tướng",
            "positions": ["Tư lệnh Quân đoàn 12"],
        },
    ]


def test_by_file_puts_the_file_first_and_aggregates_per_document():
    rows = jsonl(run("--by-file", "--type", "officer", "--format", "jsonl", str(SEEDS)).stdout)
    assert list(rows[0])[:2] == ["file", "type"]
    per_file = {}
    for r in rows:
        per_file.setdefault(Path(r["file"]).name, []).append((r["canonical"], r["count"]))
    assert per_file["000_fe926e9b16dd62a2.txt"] == [("Chu Văn Đoàn", 4)]
    assert per_file["002_6ec6fc76c90fec45.txt"][0] == ("Lương Cường", 4)


def test_type_filter():
    rows = jsonl(run("--mentions", "--type", "officer,unit", "--format", "jsonl", str(SEEDS)).stdout)
    assert {r["type"] for r in rows} == {"officer", "unit"}


@pytest.mark.parametrize(
    ("types", "message"),
    [
        (
            "officer,bogus",
            "unknown entity type bogus (valid: rank, officer, unit, resolution; with --ner also person",
        ),
        ("person", "--type person needs --ner"),
    ],
)
def test_bad_type_is_a_usage_error(types, message):
    result = run("--type", types, str(SEEDS))
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_user_gazetteer_adds_rules(tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text(
        "Thiếu úy Lê Văn Bình, Trợ lý Phòng Khí tài Kho K55 nhận nhiệm vụ tại Đội Tàu ngầm 189.\n", "utf-8"
    )
    before = {
        r["canonical"]
        for r in jsonl(run("--mentions", "--type", "unit", "--format", "jsonl", str(doc)).stdout)
    }
    assert "Lữ đoàn Tàu ngầm 189" not in before
    rules = tmp_path / "mine.tsv"
    rules.write_text(
        "# my rules\ntype\tform\tcanonical\tflags\nunit\tĐội Tàu ngầm\tLữ đoàn Tàu ngầm\tnumber,neednumber\n",
        encoding="utf-8",
    )
    rows = jsonl(run("--mentions", "--gazetteer", str(rules), "--format", "jsonl", str(doc)).stdout)
    assert ("Đội Tàu ngầm 189", "Lữ đoàn Tàu ngầm 189") in {(r["text"], r["canonical"]) for r in rows}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "type\tform\tcanonical\tflags\nunit\tCục X\tCục X\t\nrang\tĐại tá\tĐại tá\t\n",
            ":3: unknown type 'rang'",
        ),
        ("type\tform\tcanonical\tflags\nunit\tCục X\tCục X\tbogus\n", ":2: unknown unit flag 'bogus'"),
        ("type\tform\tcanonical\tflags\nunit\t\tCục X\t\n", ":2: empty 'form' column"),
        ("just one column\n", "header must name the columns type, form, canonical, flags"),
    ],
)
def test_malformed_user_gazetteer_is_one_line_naming_file_and_line(tmp_path, content, message):
    rules = tmp_path / "bad.tsv"
    rules.write_text(content, encoding="utf-8")
    result = run("--gazetteer", str(rules), str(SEEDS))
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert str(rules) in lines[0] and message in lines[0]


def test_output_is_deterministic():
    a = run("--mentions", "--format", "tsv", str(SEEDS)).stdout
    b = run("--mentions", "--format", "tsv", str(SEEDS)).stdout
    assert a == b and a.count("\n") > 100


def test_table_for_people_has_the_columns_and_the_officers():
    result = invoke("entities", "--format", "table", "--type", "officer", SEEDS, env={"COLUMNS": "220"})
    assert result.exit_code == 0
    head = result.stdout.splitlines()[1]
    assert head.split() == ["type", "canonical", "count", "documents", "rank", "positions"]
    assert (
        "Lương Cường" in result.stdout
        and "Chủ nhiệm Tổng cục Chính trị Quân đội nhân dân Việt Nam" in result.stdout
    )


def test_jsonl_piped_through_a_real_process(tmp_path):
    out = run_vnpress("entities", "--mentions", "--format", "jsonl", SEEDS, text=True, check=True)
    assert jsonl(out.stdout) == jsonl(run("--mentions", "--format", "jsonl", str(SEEDS)).stdout)
