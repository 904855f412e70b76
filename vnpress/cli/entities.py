"""vnpress entities: officers, units and documents."""

from __future__ import annotations

import click

from vnpress.cli.app import (
    Inputs,
    Output,
    cli,
    finish,
    input_options,
    output_options,
)


def _complete_types(_ctx: click.Context, _param: click.Parameter, incomplete: str) -> list:
    """Shell completion of a comma-separated list of entity types: the types not yet in the list."""
    from click.shell_completion import CompletionItem

    from vnpress.entities.model import ENTITY_TYPES, NER_TYPES

    *done, last = incomplete.split(",")
    prefix = "".join(f"{t}," for t in done)
    return [
        CompletionItem(prefix + t)
        for t in (*ENTITY_TYPES, *NER_TYPES)
        if t.startswith(last) and t not in done
    ]


@cli.command()
@input_options
@output_options
@click.option(
    "--mentions", is_flag=True, help="One row per occurrence, with offsets, instead of one per entity."
)
@click.option(
    "--type",
    "types",
    metavar="TYPES",
    shell_complete=_complete_types,
    help="Only these types, comma-separated: rank, officer, unit, resolution (and person, location, organization with --ner).",
)
@click.option("--by-file", is_flag=True, help="Aggregate per document instead of over the corpus.")
@click.option(
    "--gazetteer",
    "gazetteers",
    multiple=True,
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Extra rules in the format of vnpress/data/ (repeatable).",
)
@click.option(
    "--ner", is_flag=True, help="Add underthesea's PER/LOC/ORG as person/location/organization (slow)."
)
def entities(inputs: Inputs, output: Output, mentions, types, by_file, gazetteers, ner) -> int:
    """Officers and their ranks and posts, units and party/state bodies, resolutions and other documents.

    \b
    Example: vnpress entities seeds/ --type officer
    """
    from vnpress.entities import entity_table

    table = entity_table(
        inputs.documents(),
        mentions=mentions,
        types=types,
        by_file=by_file,
        gazetteers=gazetteers,
        ner=ner,
        jobs=inputs.jobs,
        use_cache=inputs.use_cache,
    )
    output.emit(table)
    return finish()
