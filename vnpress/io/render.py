"""The only code that writes results: one table of records, six formats, each value written by its
column's type (:mod:`vnpress.io.schema`).

- TSV is "linear TSV", the text format of PostgreSQL's and MySQL's COPY: never quoted; a tab, newline,
  carriage return or backslash inside a value is written ``\\t``, ``\\n``, ``\\r``, ``\\\\``; null is
  ``\\N``; so ``cut``, ``awk`` and ``sort`` can split every line on tabs.
- CSV is RFC 4180 through the ``csv`` module (quoted where needed); null is an empty field.
- In both, a list is its items joined with ``"; "`` (an empty list is an empty field), a boolean is
  ``true``/``false``.
- JSON is one array of objects, JSONL one object a line: lists stay lists, null stays null, numbers
  stay numbers and strings (codes such as "05") stay strings.
- ``table`` is a rich table for people at a terminal: a list one item a line, null an empty cell,
  numbers right-aligned. rich is imported only then (and csv and json only when written:
  ``vnpress --help`` imports none of the three).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import IO, Any, NamedTuple

from vnpress.io.schema import Column, TableSpec

FORMATS = ("auto", "table", "tsv", "csv", "json", "jsonl")
LIST_SEPARATOR = "; "
TSV_NULL = "\\N"
_TSV_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


class Table(NamedTuple):
    """Records of one spec. Rows are mappings from column name to a value of the column's type, or
    None; a missing key is None, and a key the spec does not name is an error (a column added to the rows
    but not to the spec would otherwise vanish from every format)."""

    spec: TableSpec
    rows: Iterable[Mapping[str, Any]]

    @property
    def columns(self) -> tuple[str, ...]:
        return self.spec.names


class OutputOptions(NamedTuple):
    format: str = "tsv"  # never "auto" here: the CLI resolves it
    header: bool = True
    color: bool = False
    width: int | None = None  # table width; None = the terminal's


def resolve_format(fmt: str, stdout_isatty: bool) -> str:
    """``auto`` is a table on a terminal and TSV in a pipe."""
    if fmt == "auto":
        return "table" if stdout_isatty else "tsv"
    return fmt


def _scalar_text(value: Any, type_: str) -> str:
    if type_ == "boolean":
        return "true" if value else "false"
    return str(value)


def _items(value: Any, column: Column) -> list[str]:
    return [_scalar_text(v, column.items or "string") for v in value]


def tsv_field(value: Any, column: Column) -> str:
    """One value as linear TSV writes it."""
    if value is None:
        return TSV_NULL
    if column.type == "list":
        return LIST_SEPARATOR.join(item.translate(_TSV_ESCAPES) for item in _items(value, column))
    return _scalar_text(value, column.type).translate(_TSV_ESCAPES)


def csv_field(value: Any, column: Column) -> str:
    """One value as a CSV field, before the csv module quotes it."""
    if value is None:
        return ""
    if column.type == "list":
        return LIST_SEPARATOR.join(_items(value, column))
    return _scalar_text(value, column.type)


def json_value(value: Any, column: Column) -> Any:
    """One value as JSON writes it: a list column's tuple is an array."""
    if column.type == "list" and value is not None:
        return list(value)
    return value


def _checked(table: Table) -> Iterable[Mapping[str, Any]]:
    names = frozenset(table.spec.names)
    for row in table.rows:
        if not names.issuperset(row):
            unknown = ", ".join(sorted(set(row) - names))
            raise ValueError(
                f"a row of {table.spec.name} has columns its spec in io/tables.py lacks: {unknown}"
            )
        yield row


def _write_tsv(table: Table, out: IO[str], header: bool) -> None:
    columns = table.spec.columns
    if header:
        out.write("\t".join(c.name for c in columns) + "\n")
    for row in _checked(table):
        out.write("\t".join(tsv_field(row.get(c.name), c) for c in columns) + "\n")


def _write_csv(table: Table, out: IO[str], header: bool) -> None:
    import csv

    columns = table.spec.columns
    writer = csv.writer(out, lineterminator="\n")
    if header:
        writer.writerow([c.name for c in columns])
    for row in _checked(table):
        writer.writerow([csv_field(row.get(c.name), c) for c in columns])


def _objects(table: Table) -> Iterable[dict[str, Any]]:
    columns = table.spec.columns
    for row in _checked(table):
        yield {c.name: json_value(row.get(c.name), c) for c in columns}


def _write_json(table: Table, out: IO[str]) -> None:
    import json

    first = True
    out.write("[")
    for obj in _objects(table):
        out.write("\n" if first else ",\n")
        out.write(json.dumps(obj, ensure_ascii=False))
        first = False
    out.write("\n]\n" if not first else "]\n")


def _write_jsonl(table: Table, out: IO[str]) -> None:
    import json

    for obj in _objects(table):
        out.write(json.dumps(obj, ensure_ascii=False))
        out.write("\n")


def _cell(value: Any, column: Column):
    from rich.text import Text

    if value is None:
        return Text("")
    if column.type == "list":
        return Text("\n".join(_items(value, column)))
    return Text(_scalar_text(value, column.type))


def _write_table(table: Table, out: IO[str], options: OutputOptions) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table as RichTable

    console = Console(
        file=out,
        width=options.width,
        no_color=not options.color,
        color_system="auto" if options.color else None,
        highlight=False,
        emoji=False,
        markup=False,
        force_terminal=options.color or None,
    )
    rich_table = RichTable(
        title=table.spec.title,
        box=box.SIMPLE_HEAD,
        show_header=options.header,
        header_style="bold" if options.color else "",
    )
    columns = table.spec.columns
    for c in columns:
        rich_table.add_column(c.name, justify="right" if c.right_aligned else "left", overflow="fold")
    for row in _checked(table):
        rich_table.add_row(*(_cell(row.get(c.name), c) for c in columns))
    console.print(rich_table)


def render(table: Table, out: IO[str], options: OutputOptions) -> None:
    """Write ``table`` to ``out`` in ``options.format``."""
    fmt = options.format
    if fmt == "tsv":
        _write_tsv(table, out, options.header)
    elif fmt == "csv":
        _write_csv(table, out, options.header)
    elif fmt == "json":
        _write_json(table, out)
    elif fmt == "jsonl":
        _write_jsonl(table, out)
    elif fmt == "table":
        _write_table(table, out, options)
    else:  # pragma: no cover - the CLI only passes known formats
        raise ValueError(f"unknown format {fmt!r}")
    out.flush()
