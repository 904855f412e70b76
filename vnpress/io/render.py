"""The only code that writes results: one table of records, six formats.

Machine formats (TSV, CSV, JSON, JSONL) go through the ``csv`` and ``json`` modules, row by row, so
nothing is wrapped, re-spaced or read as markup, and a large result streams. The ``table`` format is
a rich table for people at a terminal; rich is imported only then (and csv and json only when
written: ``vnpress --help`` imports none of the three).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence, Set
from typing import IO, Any, NamedTuple

FORMATS = ("auto", "table", "tsv", "csv", "json", "jsonl")
LIST_SEPARATOR = "; "


class Table(NamedTuple):
    """Records with a fixed column order. Rows are mappings from column name to value
    (str, int, float, bool, list of str, or None); a missing key is None."""

    columns: Sequence[str]
    rows: Iterable[Mapping[str, Any]]
    title: str | None = None
    numeric: Set[str] = frozenset()  # right-aligned in the table format
    right_aligned: Set[str] = frozenset()  # text columns to right-align too (kwic context)


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


def _flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(_flat(v) for v in value)
    if isinstance(value, dict):
        import json

        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _ordered(row: Mapping[str, Any], columns: Sequence[str]) -> dict[str, Any]:
    return {c: row.get(c) for c in columns}  # json writes tuples, nested ones too, as arrays


def _write_delimited(table: Table, out: IO[str], header: bool, delimiter: str) -> None:
    import csv

    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    if header:
        writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([_flat(row.get(c)) for c in table.columns])


def _write_json(table: Table, out: IO[str]) -> None:
    import json

    first = True
    out.write("[")
    for row in table.rows:
        out.write("\n" if first else ",\n")
        out.write(json.dumps(_ordered(row, table.columns), ensure_ascii=False))
        first = False
    out.write("\n]\n" if not first else "]\n")


def _write_jsonl(table: Table, out: IO[str]) -> None:
    import json

    for row in table.rows:
        out.write(json.dumps(_ordered(row, table.columns), ensure_ascii=False))
        out.write("\n")


def _cell(value: Any):
    from rich.text import Text

    if isinstance(value, (list, tuple)):
        return Text("\n".join(_flat(v) for v in value))
    return Text(_flat(value))


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
        title=table.title,
        box=box.SIMPLE_HEAD,
        show_header=options.header,
        header_style="bold" if options.color else "",
    )
    for c in table.columns:
        rich_table.add_column(
            c, justify="right" if c in table.numeric or c in table.right_aligned else "left", overflow="fold"
        )
    for row in table.rows:
        rich_table.add_row(*(_cell(row.get(c)) for c in table.columns))
    console.print(rich_table)


def render(table: Table, out: IO[str], options: OutputOptions) -> None:
    """Write ``table`` to ``out`` in ``options.format``."""
    fmt = options.format
    if fmt == "tsv":
        _write_delimited(table, out, options.header, "\t")
    elif fmt == "csv":
        _write_delimited(table, out, options.header, ",")
    elif fmt == "json":
        _write_json(table, out)
    elif fmt == "jsonl":
        _write_jsonl(table, out)
    elif fmt == "table":
        _write_table(table, out, options)
    else:  # pragma: no cover - the CLI only passes known formats
        raise ValueError(f"unknown format {fmt!r}")
    out.flush()
