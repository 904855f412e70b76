import io
import json

import pytest

from vnpress.io.render import OutputOptions, Table, render, resolve_format

COLUMNS = ["type", "canonical", "count", "positions"]
ROWS = [
    {
        "type": "officer",
        "canonical": "Chu Văn Đoàn",
        "count": 3,
        "positions": ["Chính ủy Quân khu 7", "Bí thư [LOC]"],
    },
    {"type": "unit", "canonical": 'Quân khu "7"\tx', "count": 1, "positions": None},
    {"type": "rank", "canonical": "Đại tá", "count": 2.5},  # missing key = null
]


def run(fmt, header=True, rows=ROWS, width=None):
    out = io.StringIO()
    render(
        Table(COLUMNS, iter(rows), numeric={"count"}),
        out,
        OutputOptions(format=fmt, header=header, width=width),
    )
    return out.getvalue()


def test_tsv_has_a_header_joins_lists_and_quotes_only_what_needs_it():
    assert run("tsv") == (
        "type\tcanonical\tcount\tpositions\n"
        "officer\tChu Văn Đoàn\t3\tChính ủy Quân khu 7; Bí thư [LOC]\n"
        'unit\t"Quân khu ""7""\tx"\t1\t\n'
        "rank\tĐại tá\t2.5\t\n"
    )


def test_no_header_drops_only_the_header():
    assert run("tsv", header=False) == run("tsv").split("\n", 1)[1]
    assert run("csv", header=False) == run("csv").split("\n", 1)[1]


def test_csv():
    assert run("csv").splitlines()[1] == "officer,Chu Văn Đoàn,3,Chính ủy Quân khu 7; Bí thư [LOC]"


def test_json_is_one_array_numbers_stay_numbers_lists_stay_lists():
    data = json.loads(run("json"))
    assert data == [
        {
            "type": "officer",
            "canonical": "Chu Văn Đoàn",
            "count": 3,
            "positions": ["Chính ủy Quân khu 7", "Bí thư [LOC]"],
        },
        {"type": "unit", "canonical": 'Quân khu "7"\tx', "count": 1, "positions": None},
        {"type": "rank", "canonical": "Đại tá", "count": 2.5, "positions": None},
    ]
    assert list(data[0]) == COLUMNS
    assert "Chu Văn Đoàn" in run("json")  # not \u-escaped


def test_json_of_no_rows_is_an_empty_array_and_jsonl_is_empty():
    assert json.loads(run("json", rows=[])) == []
    assert run("jsonl", rows=[]) == ""
    assert run("tsv", rows=[]) == "type\tcanonical\tcount\tpositions\n"


def test_jsonl_is_one_object_per_line_in_column_order():
    lines = run("jsonl").splitlines()
    assert len(lines) == 3
    assert lines[2] == '{"type": "rank", "canonical": "Đại tá", "count": 2.5, "positions": null}'


def test_table_keeps_markup_like_text_and_does_not_colour_when_asked_not_to():
    text = run("table", width=100)
    assert "Bí thư [LOC]" in text
    assert "\x1b[" not in text
    lines = text.splitlines()
    header = next(line for line in lines if "canonical" in line)
    assert header.split() == COLUMNS
    assert any(line.split()[:2] == ["officer", "Chu"] for line in lines)


@pytest.mark.parametrize(
    ("fmt", "tty", "expected"), [("auto", True, "table"), ("auto", False, "tsv"), ("json", True, "json")]
)
def test_auto_is_a_table_on_a_terminal_and_tsv_in_a_pipe(fmt, tty, expected):
    assert resolve_format(fmt, tty) == expected
