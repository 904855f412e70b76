"""`vnpress expand-abbrev` on the command line: table, by-file, rewrite, dictionary, stdin, errors."""

import csv
import io
import json
import subprocess
import sys

import helpers
import pytest
from helpers import ROOT, SEEDS, run_vnpress

ARTICLES = ROOT / "tests" / "fixtures" / "abbrev" / "articles"
SEED_001 = SEEDS / "001_4a05e6ed274f4ba5.txt"


def invoke(*args, input=None):
    result = helpers.invoke(*args, input=input)
    assert result.exit_code == 0, result.output
    return result.output


def run(*args, input=None):
    return run_vnpress(*args, input=input, text=True)


def jsonl(output):
    return [json.loads(line) for line in output.splitlines()]


def test_corpus_table_as_tsv():
    rows = list(
        csv.reader(io.StringIO(invoke("expand-abbrev", str(SEEDS), "--format", "tsv")), delimiter="\t")
    )
    assert rows[0] == ["abbreviation", "expansion", "source", "count", "documents", "context"]
    by_abbr = {r[0]: r for r in rows[1:]}
    assert by_abbr["LLVT"] == ["LLVT", "lực lượng vũ trang", "defined", "9", "3", "\\N"]
    assert by_abbr["TTXVN"][1:5] == ["Thông tấn xã Việt Nam", "dictionary", "2", "1"]
    assert by_abbr["CTCĐ"][1:5] == ["\\N", "unknown", "2", "1"]
    assert "CTCĐ, CTCT" in by_abbr["CTCĐ"][5]


def test_by_file_jsonl_is_what_the_evaluation_reads():
    rows = jsonl(invoke("expand-abbrev", "--by-file", "--format", "jsonl", str(SEEDS)))
    assert list(rows[0]) == ["file", "abbreviation", "expansion", "source", "count", "documents", "context"]
    seed4 = {r["abbreviation"]: r for r in rows if r["file"].endswith("004_9fa3df7e3751792f.txt")}
    assert seed4["QK"] == {
        "file": str(SEEDS / "004_9fa3df7e3751792f.txt"),
        "abbreviation": "QK",
        "expansion": "Quân khu",
        "source": "dictionary",
        "count": 1,
        "documents": 1,
        "context": None,
    }
    assert not any(r["abbreviation"] in {"XII", "VIII", "XV", "NGUYỄN", "BẰNG"} for r in rows)
    assert all(r["expansion"] is None for r in rows if r["source"] == "unknown")


def test_output_is_byte_identical_across_runs_and_jobs():
    a = invoke("expand-abbrev", "--by-file", "--format", "jsonl", "-j", "1", str(SEEDS), str(ARTICLES))
    b = invoke("expand-abbrev", "--by-file", "--format", "jsonl", "-j", "2", str(SEEDS), str(ARTICLES))
    assert a == b


def test_stdin_table():
    rows = jsonl(
        invoke(
            "expand-abbrev", "--format", "jsonl", input="Chính ủy Bộ Chỉ huy Quân sự (CHQS) tỉnh và UBND.\n"
        )
    )
    assert [(r["abbreviation"], r["expansion"], r["source"]) for r in rows] == [
        ("CHQS", "Chỉ huy Quân sự", "defined"),
        ("UBND", "Ủy ban nhân dân", "dictionary"),
    ]


def test_stdin_by_file_lists_a_chain_of_titles_by_its_parts_and_rewrites_it_whole():
    text = "QĐND - Sáng 3-3, PGS.TS Lê Văn Hùng thăm tàu BP 11-22-33.\n"
    rows = jsonl(invoke("expand-abbrev", "--by-file", "--format", "jsonl", input=text))
    assert [(r["abbreviation"], r["expansion"]) for r in rows] == [
        ("PGS", "Phó Giáo sư"),
        ("QĐND", "Quân đội nhân dân"),
        ("TS", "Tiến sĩ"),
    ]
    assert invoke("expand-abbrev", "--rewrite", input=text) == (
        "Quân đội nhân dân - Sáng 3-3, Phó Giáo sư, Tiến sĩ Lê Văn Hùng thăm tàu BP 11-22-33.\n"
    )


def test_rewrite_from_stdin_changes_only_the_abbreviations():
    text = SEED_001.read_text(encoding="utf-8")
    out = invoke("expand-abbrev", "--rewrite", input=text)
    assert (
        "về công tác Đảng, công tác chính trị (CTĐ, CTCT); Quy định hệ thống văn kiện công tác Đảng, công tác chính trị;"
        in out
    )
    assert "CTCĐ, công tác chính trị trong lực lượng vũ trang (LLVT) Quân khu" in out
    assert (
        "5 năm thực hiện Quy chế công tác kế hoạch - tổng hợp về công tác Đảng, công tác chính trị, Quy định"
        in out
    )

    def spelled_back(s):
        for expansion, abbreviation in [
            ("công tác Đảng", "CTĐ"),
            ("công tác chính trị", "CTCT"),
            ("lực lượng vũ trang", "LLVT"),
        ]:
            s = s.replace(expansion, abbreviation)
        return s

    assert spelled_back(out) == spelled_back(text.replace("vềCTĐ", "về CTĐ"))  # the glued one gets its space
    assert out.count("CTCĐ") == text.count("CTCĐ") == 2


def test_rewrite_pipes_into_another_command():
    rewrite = run_vnpress("expand-abbrev", "--rewrite", input=b"LLVT tinh va UBND xa.\n")
    assert (
        rewrite.returncode == 0
        and rewrite.stdout.decode() == "Lực lượng vũ trang tinh va Ủy ban nhân dân xa.\n"
    )
    again = run_vnpress("expand-abbrev", "--format", "tsv", input=rewrite.stdout)
    assert again.returncode == 0 and again.stdout.decode().splitlines()[1:] == []


def test_rewrite_keep_abbrev_and_several_documents(tmp_path):
    (tmp_path / "a.txt").write_text("LLVT tỉnh; LLVT huyện.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("UBND xã.\n", encoding="utf-8")
    out = invoke("expand-abbrev", "--rewrite", "--keep-abbrev", str(tmp_path))
    assert (
        out == "Lực lượng vũ trang (LLVT) tỉnh; lực lượng vũ trang huyện.\n\f\nỦy ban nhân dân (UBND) xã.\n"
    )


def test_dictionary_view_and_category():
    rows = jsonl(invoke("expand-abbrev", "--dictionary", "--format", "jsonl"))
    assert len(rows) >= 150 and list(rows[0]) == ["abbreviation", "expansion", "category", "when"]
    party = jsonl(invoke("expand-abbrev", "--dictionary", "--category", "party", "--format", "jsonl"))
    assert party and {r["category"] for r in party} == {"party"}
    assert {
        "abbreviation": "QUTW",
        "expansion": "Quân ủy Trung ương",
        "category": "military",
        "when": None,
    } in rows


def test_user_dictionary_on_the_command_line(tmp_path):
    extra = tmp_path / "extra.tsv"
    extra.write_text("abbreviation\texpansion\tcategory\nCTCĐ\tcông tác công đoàn\tparty\n", encoding="utf-8")
    rows = jsonl(
        invoke("expand-abbrev", "--by-file", "--format", "jsonl", "--dict", str(extra), str(SEED_001))
    )
    assert {r["abbreviation"]: r["source"] for r in rows}["CTCĐ"] == "dictionary"
    view = jsonl(
        invoke(
            "expand-abbrev", "--dictionary", "--dict", str(extra), "--category", "party", "--format", "jsonl"
        )
    )
    assert {
        "abbreviation": "CTCĐ",
        "expansion": "công tác công đoàn",
        "category": "party",
        "when": None,
    } in view


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (
            ["--dictionary", "--category", "navy"],
            2,
            "unknown category 'navy' (valid: general, media, military, organisation, party, state)",
        ),
        (["--keep-abbrev", str(SEED_001)], 2, "--keep-abbrev works with --rewrite"),
        (["--category", "party", str(SEED_001)], 2, "--category works with --dictionary"),
    ],
)
def test_usage_errors(args, status, message):
    proc = run("expand-abbrev", *args)
    assert proc.returncode == status and proc.stdout == ""
    assert proc.stderr.strip() == f"vnpress: error: {message}"


def test_malformed_dictionary_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("abbreviation\texpansion\nOK\tfine\nBROKEN\n", encoding="utf-8")
    proc = run("expand-abbrev", "--dict", str(bad), str(SEED_001))
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.strip() == f"vnpress: error: {bad}:3: empty 'expansion' column"


def test_broken_pipe_is_quiet():
    proc = subprocess.run(
        f"{sys.executable} -m vnpress expand-abbrev --rewrite {SEEDS} {ARTICLES} | head -c 10; exit ${{PIPESTATUS[0]}}",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        cwd=ROOT,
    )
    assert proc.returncode == 0 and proc.stderr == b"" and len(proc.stdout) == 10
