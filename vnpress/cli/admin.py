"""The commands about vnpress itself: the cache and the table schemas."""

from __future__ import annotations

import click

from vnpress.cli.app import (
    Output,
    VnpressGroup,
    cli,
    current_reporter,
    finish,
    output_options,
    silence_stdout,
)
from vnpress.io.render import Table
from vnpress.io.tables import SCHEMAS, TABLES, table_spec


@cli.group(cls=VnpressGroup)
def cache() -> None:
    """The segmentation cache: where it is, how big, and how to empty it.

    \b
    Example: vnpress cache info
    """


@cache.command("info")
@output_options
def cache_info(output: Output) -> int:
    """Where the cache is and what it holds.

    \b
    Example: vnpress cache info --format json
    """
    from vnpress.pipeline.cache.store import info_table

    output.emit(info_table())
    return finish()


@cache.command("clear")
def cache_clear() -> int:
    """Delete every cached result.

    \b
    Example: vnpress cache clear
    """
    from vnpress.pipeline.cache.store import clear

    removed = clear()
    current_reporter().info(f"cache cleared ({removed} entries removed)")
    return finish()


@cli.command()
@click.argument(
    "table", required=False, type=click.Choice([spec.name for spec in TABLES] + ["index"]), metavar="[TABLE]"
)
@output_options
def schema(table, output: Output) -> int:
    """The JSON Schema of the rows of TABLE (as --format json and jsonl write them); with no TABLE, the
    list of tables and the commands that print them (--format applies to that list). TABLE index:
    the SQL schema of the database vnpress index writes.

    \b
    Example: vnpress schema entities-mentions
    """
    if table is None:
        rows = (
            {"name": s.name, "command": f"vnpress {s.command}", "description": s.description} for s in TABLES
        )
        output.emit(Table(SCHEMAS, rows))
        return finish()
    if table == "index":
        from vnpress.index.schema import schema_text

        try:
            click.echo(schema_text(), nl=False)
        except BrokenPipeError:
            silence_stdout()
        return finish()
    import json

    from vnpress.io.schema import json_schema

    try:
        click.echo(json.dumps(json_schema(table_spec(table)), ensure_ascii=False, indent=2))
    except BrokenPipeError:
        silence_stdout()
    return finish()
