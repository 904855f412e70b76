"""The renderer: every format written exactly, from the column spec, for the values that break naive
writers (tab, newline, carriage return, backslash, quotes, markup, an empty list, null, two items)."""

import io

import pytest

from vnpress.io.render import OutputOptions, Table, render, resolve_format
from vnpress.io.schema import Column, TableSpec

SPEC = TableSpec(
    "test",
    "test",
    "A table of awkward values.",
    (
        Column("name", "string", "A text.", nullable=True),
        Column("n", "integer", "A count."),
        Column("rate", "number", "A rate."),
        Column("ok", "boolean", "A flag."),
        Column("date", "date", "A date.", nullable=True),
        Column("items", "list", "A list.", nullable=True, items="string"),
    ),
)
ROWS = [
    {
        "name": 'a\tb\nc\\d "q" [b]x[/b]\r',
        "n": 3,
        "rate": 2.5,
        "ok": True,
        "date": "2022-01-17",
        "items": ["x", "y"],
    },
    {"name": None, "n": 0, "rate": 0.0, "ok": False, "date": None, "items": []},
    {"name": "", "n": 12, "rate": 10.25, "ok": False, "date": "2022", "items": None},
    {"n": 1, "rate": 1.0, "ok": True, "items": ("05",)},  # a missing key is null; a tuple is a list
]


def run(fmt, header=True, rows=ROWS, width=None, spec=SPEC):
    out = io.StringIO()
    render(Table(spec, iter(rows)), out, OutputOptions(format=fmt, header=header, width=width))
    return out.getvalue()


def test_tsv_escapes_instead_of_quoting_and_writes_null_as_backslash_n():
    assert run("tsv") == (
        "name\tn\trate\tok\tdate\titems\n"
        'a\\tb\\nc\\\\d "q" [b]x[/b]\\r\t3\t2.5\ttrue\t2022-01-17\tx; y\n'
        "\\N\t0\t0.0\tfalse\t\\N\t\n"
        "\t12\t10.25\tfalse\t2022\t\\N\n"
        "\\N\t1\t1.0\ttrue\t\\N\t05\n"
    )


def test_every_tsv_line_splits_on_tabs_into_the_columns():
    for line in run("tsv").splitlines():
        assert len(line.split("\t")) == len(SPEC.columns)


def test_csv_is_rfc_4180_and_null_and_an_empty_list_are_empty_fields():
    assert run("csv") == (
        "name,n,rate,ok,date,items\n"
        '"a\tb\nc\\d ""q"" [b]x[/b]\r",3,2.5,true,2022-01-17,x; y\n'
        ",0,0.0,false,,\n"
        ",12,10.25,false,2022,\n"
        ",1,1.0,true,,05\n"
    )


def test_json_keeps_types_lists_and_null_apart():
    assert run("json") == (
        "[\n"
        '{"name": "a\\tb\\nc\\\\d \\"q\\" [b]x[/b]\\r", "n": 3, "rate": 2.5, "ok": true, "date": "2022-01-17", '
        '"items": ["x", "y"]},\n'
        '{"name": null, "n": 0, "rate": 0.0, "ok": false, "date": null, "items": []},\n'
        '{"name": "", "n": 12, "rate": 10.25, "ok": false, "date": "2022", "items": null},\n'
        '{"name": null, "n": 1, "rate": 1.0, "ok": true, "date": null, "items": ["05"]}\n'
        "]\n"
    )


def test_jsonl_is_the_json_objects_one_a_line():
    assert run("jsonl") == "".join(line.rstrip(",") + "\n" for line in run("json").splitlines()[1:-1])


def test_json_is_not_ascii_escaped():
    rows = [{"name": "Chu Văn Đoàn", "n": 1, "rate": 1.0, "ok": True}]
    assert '"Chu Văn Đoàn"' in run("json", rows=rows)


def test_table_golden_at_a_fixed_width_without_colour():
    assert run("table", width=60) == (
        "                                                            \n"
        "  name              n    rate   ok      date         items  \n"
        " ────────────────────────────────────────────────────────── \n"
        "  a       b         3     2.5   true    2022-01-17   x      \n"
        '  c\\d "q"                                            y      \n'
        "  [b]x[/b]                                                  \n"
        "                    0     0.0   false                       \n"
        "                   12   10.25   false   2022                \n"
        "                    1     1.0   true                 05     \n"
        "                                                            \n"
    )


def test_table_right_aligns_a_text_column_the_spec_says_to():
    spec = TableSpec(
        "t", "t", "d", (Column("left", "string", "x", align="right"), Column("w", "string", "y"))
    )
    rows = [{"left": "ab", "w": "c"}, {"left": "abcd", "w": "e"}]
    assert run("table", rows=rows, width=20, spec=spec) == (
        "            \n  left   w  \n ────────── \n    ab   c  \n  abcd   e  \n            \n"
    )


def test_a_title_in_the_spec_is_shown_above_the_table_only():
    spec = SPEC._replace(title="Awkward")
    assert run("table", width=60, spec=spec).splitlines()[0].strip() == "Awkward"
    assert run("tsv", spec=spec) == run("tsv")


def test_no_header_drops_only_the_header():
    for fmt in ("tsv", "csv"):
        assert run(fmt, header=False) == run(fmt).split("\n", 1)[1]
    assert "name" not in run("table", header=False, width=60)


def test_no_rows():
    assert run("json", rows=[]) == "[]\n"
    assert run("jsonl", rows=[]) == ""
    assert run("tsv", rows=[]) == "name\tn\trate\tok\tdate\titems\n"
    assert run("csv", rows=[]) == "name,n,rate,ok,date,items\n"


@pytest.mark.parametrize("fmt", ["tsv", "csv", "json", "jsonl", "table"])
def test_a_row_with_a_column_the_spec_lacks_is_refused_not_dropped(fmt):
    with pytest.raises(ValueError, match="columns its spec in io/tables.py lacks: extra"):
        run(fmt, rows=[{"n": 1, "rate": 1.0, "ok": True, "extra": "x"}])


@pytest.mark.parametrize(
    ("fmt", "tty", "expected"), [("auto", True, "table"), ("auto", False, "tsv"), ("json", True, "json")]
)
def test_auto_is_a_table_on_a_terminal_and_tsv_in_a_pipe(fmt, tty, expected):
    assert resolve_format(fmt, tty) == expected
