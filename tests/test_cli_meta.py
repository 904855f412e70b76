"""``vnpress meta`` on the command line: every output format exactly, --meta, --today, bad input, and
the seeds scored by ../shared/eval/score.py against ../shared/gold/seeds.json (imported by path)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from vnpress.cli import cli

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SMALL = ROOT / "tests" / "fixtures" / "meta" / "small"
SCORE = ROOT.parent / "shared" / "eval" / "score.py"
GOLD = ROOT.parent / "shared" / "gold" / "seeds.json"
HEADER = "file\ttitle\tdate\tdate_inferred\tdate_source\tauthors\tsource\tplace\tphoto_credits"


def run(*args, env=None):
    return CliRunner(env=env).invoke(cli, ["meta", "--today", "2026-12-01", *args], catch_exceptions=False)


def test_tsv(monkeypatch):
    monkeypatch.chdir(SMALL)
    result = run("--format", "tsv", "a.txt", "b.txt")
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout == (
        f"{HEADER}\n"
        "a.txt\tSư đoàn 312 tổng kết công tác huấn luyện năm 2020\t2020-11-14\t\\N\ttext\tNguyễn Bằng\t\\N\tHà Nội\tKim Hồng\n"
        "b.txt\t\\N\t\\N\t\\N\t\\N\tQuang Vinh\t\\N\ttrụ sở Bộ Quốc phòng\t\n"
    )  # linear TSV: null is \N, an empty list an empty field


def test_csv(monkeypatch):
    monkeypatch.chdir(SMALL)
    assert run("--format", "csv", "--no-header", "a.txt", "b.txt").stdout == (
        "a.txt,Sư đoàn 312 tổng kết công tác huấn luyện năm 2020,2020-11-14,,text,Nguyễn Bằng,,Hà Nội,Kim Hồng\n"
        "b.txt,,,,,Quang Vinh,,trụ sở Bộ Quốc phòng,\n"
    )


A_ROW = {
    "file": "a.txt",
    "title": "Sư đoàn 312 tổng kết công tác huấn luyện năm 2020",
    "date": "2020-11-14",
    "date_inferred": None,
    "date_source": "text",
    "authors": ["Nguyễn Bằng"],
    "source": None,
    "place": "Hà Nội",
    "photo_credits": ["Kim Hồng"],
}
B_ROW = {
    **dict.fromkeys(A_ROW),
    "file": "b.txt",
    "authors": ["Quang Vinh"],
    "place": "trụ sở Bộ Quốc phòng",
    "photo_credits": [],
}


def test_json_and_jsonl_keep_lists_and_nulls(monkeypatch):
    monkeypatch.chdir(SMALL)
    assert json.loads(run("--format", "json", "a.txt", "b.txt").stdout) == [A_ROW, B_ROW]
    lines = run("--format", "jsonl", "a.txt", "b.txt").stdout.splitlines()
    assert [json.loads(line) for line in lines] == [A_ROW, B_ROW]
    assert list(json.loads(lines[0])) == HEADER.split("\t")


def test_table(monkeypatch):
    monkeypatch.chdir(SMALL)
    out = run("--format", "table", "--no-color", "a.txt", env={"COLUMNS": "240"}).stdout
    lines = out.splitlines()
    assert lines[1].split() == HEADER.split("\t")
    row = (
        "a.txt Sư đoàn 312 tổng kết công tác huấn luyện năm 2020 2020-11-14 text Nguyễn Bằng Hà Nội Kim Hồng"
    )
    assert lines[3].split() == row.split(" ")


def test_path_dates_and_the_sidecar_which_wins_over_the_text(tmp_path):
    day = tmp_path / "2021" / "07" / "12"
    day.mkdir(parents=True)
    (day / "slug.txt").write_text("Lễ kỷ niệm\n\nSáng 11/7, tại Hà Nội, …\n", encoding="utf-8")
    (tmp_path / "2021-07-13_b.txt").write_text(
        "Hội thao\n\n14/11/2020, 13:02\n\nNGUYỄN BẰNG\n", encoding="utf-8"
    )
    side = tmp_path / "side.jsonl"
    side.write_text(
        '{"file": "2021-07-13_b.txt", "date": "2021-07-13", "authors": ["Trần An"], "source": "QĐND"}\n',
        encoding="utf-8",
    )
    rows = [json.loads(line) for line in run("--format", "jsonl", str(tmp_path)).stdout.splitlines()]
    assert [(Path(r["file"]).name, r["date"], r["date_source"]) for r in rows] == [
        ("2021-07-13_b.txt", "2020-11-14", "text"),  # the text's date wins over the path's
        ("slug.txt", "2021-07-12", "path"),
    ]
    rows = [
        json.loads(line)
        for line in run("--format", "jsonl", "--meta", str(side), str(tmp_path)).stdout.splitlines()
    ]
    assert [(r["date"], r["date_source"], r["authors"], r["source"]) for r in rows] == [
        ("2021-07-13", "sidecar", ["Trần An"], "QĐND"),
        ("2021-07-12", "path", [], None),
    ]


def test_a_csv_sidecar_and_a_bad_value_in_it(tmp_path):
    (tmp_path / "a.txt").write_text("Hội thao\n\nNgày 3/4, …\n", encoding="utf-8")
    side = tmp_path / "side.csv"
    side.write_text("file,date,title\na.txt,31/13/2021,Tiêu đề từ crawler\n", encoding="utf-8")
    result = run("--format", "tsv", "--no-header", "--meta", str(side), str(tmp_path / "a.txt"))
    assert result.exit_code == 0
    assert result.stderr == f"vnpress: warning: {side}:2: date '31/13/2021' is not a date, ignored\n"
    assert result.stdout.split("\t")[1:3] == ["Tiêu đề từ crawler", "\\N"]


def test_a_malformed_sidecar_is_a_usage_error(tmp_path):
    side = tmp_path / "side.jsonl"
    side.write_text("{not json\n", encoding="utf-8")
    result = run("--meta", str(side), str(SMALL))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"vnpress: error: {side}:1: not a JSON object")
    missing = run("--meta", str(tmp_path / "none.csv"), str(SMALL))
    assert (missing.exit_code, missing.stderr) == (
        2,
        f"vnpress: error: {tmp_path / 'none.csv'}: no such file\n",
    )


def test_empty_and_binary_files(tmp_path):
    (tmp_path / "a.txt").write_text("", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "c.txt").write_text("Hội thao\n\n14/11/2020\n", encoding="utf-8")
    result = run("--format", "tsv", "--no-header", str(tmp_path))
    assert result.exit_code == 0
    assert (
        result.stderr
        == f"vnpress: warning: {tmp_path / 'b.txt'}: binary file (contains NUL bytes), skipped\n"
    )
    assert result.stdout == (
        f"{tmp_path / 'a.txt'}\t\\N\t\\N\t\\N\t\\N\t\t\\N\t\\N\t\n"
        f"{tmp_path / 'c.txt'}\tHội thao\t2020-11-14\t\\N\ttext\t\t\\N\t\\N\t\n"
    )


def test_today_is_an_option(tmp_path):
    (tmp_path / "a.txt").write_text("Diễn tập\n\n05/06/2031\n", encoding="utf-8")
    late = CliRunner().invoke(cli, ["meta", "--today", "2031-06-05", "--format", "jsonl", str(tmp_path)])
    assert json.loads(late.stdout)["date"] == "2031-06-05"
    assert json.loads(run("--format", "jsonl", str(tmp_path)).stdout)["date"] is None
    bad = run("--today", "05/06/2031", str(tmp_path))
    assert bad.exit_code == 2


def test_the_same_output_with_one_or_two_jobs():
    one = run("--format", "jsonl", "--jobs", "1", str(SEEDS)).stdout
    assert one == run("--format", "jsonl", "--jobs", "2", str(SEEDS)).stdout and one.count("\n") == 5


def test_the_help_example_works():
    help_text = CliRunner().invoke(cli, ["meta", "--help"]).stdout
    assert "Example: vnpress meta seeds/ --format jsonl" in help_text
    assert run("--format", "jsonl", str(SEEDS)).stdout.count("\n") == 5


@pytest.mark.skipif(
    not (SCORE.exists() and GOLD.exists()), reason="../shared/eval is not beside the repository"
)
def test_seeds_score_one_on_every_field():
    spec = importlib.util.spec_from_file_location("vnpress_eval_score", SCORE)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    rows = [json.loads(line) for line in run("--format", "jsonl", str(SEEDS)).stdout.splitlines()]
    scores = score.score_meta(json.loads(GOLD.read_text(encoding="utf-8")), rows)
    assert {field: s["f1"] for field, s in scores.items()} == {
        "title": 1.0,
        "date": 1.0,
        "source": 1.0,
        "authors": 1.0,
    }
