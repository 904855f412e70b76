"""The output contract: every command's table has a spec, ``vnpress schema`` prints its JSON Schema, and
every row every command writes on seeds/ obeys it."""

import json
import re
import tempfile
from pathlib import Path

import click
import jsonschema
import pytest
from click.testing import CliRunner

from vnpress.cli import cli
from vnpress.io.schema import Column, TableSpec, check_spec, is_iso_date, iso_date, json_schema
from vnpress.io.tables import TABLES, table_spec

ROOT = Path(__file__).resolve().parent.parent
SEEDS = str(ROOT / "seeds")
INDEX_DB = str(Path(tempfile.mkdtemp(prefix="vnpress-test-schema-")) / "seeds.db")  # made by "index-run"

# One invocation per table, on seeds/: a new table in vnpress/io/tables.py needs one here.
INVOCATIONS = {
    "entities": ["entities", SEEDS],
    "entities-by-file": ["entities", "--by-file", SEEDS],
    "entities-mentions": ["entities", "--mentions", SEEDS],
    "officers": ["officers", SEEDS],
    "officers-appearances": ["officers", "--appearances", SEEDS],
    "officers-ranks": ["officers", "--ranks", SEEDS],
    "officers-posts": ["officers", "--posts", SEEDS],
    "officers-explain": ["officers", "--explain", SEEDS],
    "meta": ["meta", SEEDS],
    "segment": ["segment", SEEDS],
    "freq": ["freq", "--ngram", "2", "--top", "0", SEEDS],
    "freq-by-file": ["freq", "--by-file", SEEDS],
    "kwic": ["kwic", "Quân khu", SEEDS],
    "expand-abbrev": ["expand-abbrev", SEEDS],
    "expand-abbrev-by-file": ["expand-abbrev", "--by-file", SEEDS],
    "expand-abbrev-dictionary": ["expand-abbrev", "--dictionary"],
    "index-run": ["index", SEEDS, "--db", INDEX_DB],
    "search": ["search", "Quân khu", "--db", INDEX_DB],
    "cache-info": ["cache", "info"],
    "schema": ["schema"],
    "freq-by-period": ["freq", "--by", "year", SEEDS],
    "kwic-dispersion": ["kwic", "Quân khu", "--dispersion", SEEDS],
    "collocates": ["collocates", "công tác", SEEDS],
    "keywords": ["keywords", SEEDS + "/001_4a05e6ed274f4ba5.txt", "--reference", SEEDS],
    "trend": ["trend", "công tác,Quân khu", SEEDS],
}
# Commands that print no table (``expand-abbrev --rewrite`` is an option of a command that does).
NO_TABLE = {("cache", "clear"), ("report",), ("serve",)}


def leaf_commands(group=cli, prefix=()):
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from leaf_commands(command, (*prefix, name))
        else:
            yield (*prefix, name)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """Each invocation's JSONL and TSV, with one cache for the module (seeds/ is segmented once)."""
    env = {"VNPRESS_CACHE_DIR": str(tmp_path_factory.mktemp("cache"))}
    runner = CliRunner(env=env)
    out = {}
    for name, args in INVOCATIONS.items():
        jsonl = runner.invoke(cli, [*args, "--format", "jsonl"], catch_exceptions=False)
        tsv = runner.invoke(cli, [*args, "--format", "tsv"], catch_exceptions=False)
        assert jsonl.exit_code == 0 and tsv.exit_code == 0, (name, jsonl.output, tsv.output)
        out[name] = (jsonl.stdout, tsv.stdout)
    return out


def test_every_table_has_an_invocation_and_every_invocation_a_table():
    assert sorted(INVOCATIONS) == sorted(spec.name for spec in TABLES)


def command_path(spec: TableSpec) -> tuple[str, ...]:
    """The command of a spec's command line: "cache info" of "cache info", "kwic" of "kwic WORD"."""
    words = spec.command.split()
    end = next((i for i, w in enumerate(words) if not re.fullmatch("[a-z][a-z-]*", w)), len(words))
    return tuple(words[:end])


def required_options(spec: TableSpec) -> list[str]:
    """The options a spec's command line needs ("--mentions"; not the optional "[--ngram N]")."""
    return [w for w in spec.command.split() if w.startswith("--")]


def test_every_command_that_prints_a_table_has_a_spec():
    commands = set(leaf_commands())
    assert commands >= NO_TABLE
    missing = commands - NO_TABLE - {command_path(spec) for spec in TABLES}
    assert missing == set(), f"commands without a TableSpec in vnpress/io/tables.py: {sorted(missing)}"


@pytest.mark.parametrize("name", sorted(INVOCATIONS))
def test_the_invocation_runs_the_command_line_the_spec_names(name):
    spec, args = table_spec(name), INVOCATIONS[name]
    assert tuple(args[: len(command_path(spec))]) == command_path(spec)
    assert set(required_options(spec)) <= set(args)


@pytest.mark.parametrize("name", sorted(INVOCATIONS))
def test_every_jsonl_row_on_seeds_obeys_the_schema(name, outputs):
    spec = table_spec(name)
    validator = jsonschema.Draft202012Validator(json_schema(spec))
    rows = [json.loads(line) for line in outputs[name][0].splitlines()]
    assert rows, "the invocation must print rows for the check to mean anything"
    for row in rows:
        errors = sorted(e.message for e in validator.iter_errors(row))
        assert errors == [], (row, errors)
        assert list(row) == list(spec.names)
        for c in spec.columns:
            if c.type == "date" and row[c.name] is not None:
                assert is_iso_date(row[c.name]), row
    if spec.key:
        keys = [tuple(json.dumps(row[k]) for k in spec.key) for row in rows]
        assert len(keys) == len(set(keys)), f"{spec.key} is not a key of {name}"


@pytest.mark.parametrize("name", sorted(INVOCATIONS))
def test_tsv_has_the_spec_header_and_as_many_rows_as_jsonl(name, outputs):
    jsonl, tsv = outputs[name]
    lines = tsv.splitlines()
    assert lines[0].split("\t") == list(table_spec(name).names)
    assert len(lines) - 1 == len(jsonl.splitlines())
    assert all(len(line.split("\t")) == len(table_spec(name).columns) for line in lines)


def test_a_document_number_stays_text_and_issuer_is_a_list_in_every_resolution_row(outputs):
    rows = [json.loads(line) for line in outputs["entities-mentions"][0].splitlines()]
    resolutions = [r for r in rows if r["type"] == "resolution"]
    assert "05" in [r["number"] for r in resolutions]  # Nghị quyết số 05-NQ/TW, a later "Nghị quyết 05"
    assert all(isinstance(r["issuer"], list) for r in resolutions)
    assert all(r["issuer"] is None for r in rows if r["type"] != "resolution")
    assert ["Bộ Chính trị", "Ban Bí thư", "Quân ủy Trung ương"] in [r["issuer"] for r in resolutions]
    assert "\t05\t" in outputs["entities-mentions"][1]


@pytest.mark.parametrize("spec", TABLES, ids=[s.name for s in TABLES])
def test_vnpress_schema_prints_a_valid_json_schema(spec):
    result = CliRunner().invoke(cli, ["schema", spec.name], catch_exceptions=False)
    assert result.exit_code == 0
    printed = json.loads(result.stdout)
    assert printed == json_schema(spec)
    jsonschema.Draft202012Validator.check_schema(printed)
    assert list(printed["properties"]) == list(spec.names)
    assert printed["required"] == list(spec.names)
    assert printed["additionalProperties"] is False


def test_schema_of_mentions_types_each_column():
    props = json_schema(table_spec("entities-mentions"))["properties"]
    assert props["start"]["type"] == "integer"
    assert props["number"]["type"] == ["string", "null"]
    assert props["issuer"]["type"] == ["array", "null"]
    assert props["issuer"]["items"] == {"type": "string"}
    assert props["date"]["type"] == ["string", "null"]
    assert props["file"]["type"] == "string"
    assert json_schema(table_spec("entities-mentions"))["x-primary-key"] == ["file", "start", "end", "type"]


def test_schema_of_an_unknown_table_is_a_usage_error():
    result = CliRunner().invoke(cli, ["schema", "mentions"])
    assert result.exit_code == 2
    assert "entities-mentions" in result.output


def test_no_column_name_means_two_things():
    """A column name has one type wherever it appears; freq's place in the list is n, not rank."""
    seen: dict[str, tuple] = {}
    for spec in TABLES:
        for c in spec.columns:
            seen.setdefault(c.name, (c.type, c.items))
            assert seen[c.name] == (c.type, c.items), (spec.name, c.name)
    assert "rank" not in table_spec("freq").names
    assert table_spec("freq").names[0] == "n"


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ((2022, 1, 17), "2022-01-17"),
        (("2022", "1"), "2022-01"),
        ((2022,), "2022"),
        ((2024, 2, 29), "2024-02-29"),
        ((2021, 13, 31), None),
        ((2022, 2, 30), None),
        ((2022, None, 5), None),
        (("x",), None),
    ],
)
def test_iso_date(parts, expected):
    assert iso_date(*parts) == expected


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("2022-01-17", True),
        ("2022-01", True),
        ("2022", True),
        ("2021-13-31", False),
        ("17-1-2022", False),
        ("2022-1-7", False),
    ],
)
def test_is_iso_date(value, ok):
    assert is_iso_date(value) is ok


@pytest.mark.parametrize(
    "columns",
    [
        (Column("a", "text", "d"),),
        (Column("a", "list", "d"),),
        (Column("a", "string", "d", items="string"),),
        (Column("a", "string", "d"), Column("a", "integer", "d")),
        (Column("a", "string", ""),),
    ],
)
def test_a_malformed_spec_is_refused(columns):
    with pytest.raises(ValueError):
        check_spec(TableSpec("t", "t", "d", columns))


def test_a_key_must_name_columns():
    with pytest.raises(ValueError):
        check_spec(TableSpec("t", "t", "d", (Column("a", "string", "d"),), key=("b",)))
