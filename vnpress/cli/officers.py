"""vnpress officers: the who's-who across the archive, with rank and post histories."""

from __future__ import annotations

import click

from vnpress.cli.app import (
    Inputs,
    Output,
    cli,
    current_reporter,
    finish,
    input_options,
    output_options,
    silence_stdout,
    stdout,
)

_VIEWS = ("appearances", "ranks", "posts", "explain")


def _date(_ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from vnpress.io.schema import is_iso_date

    if value is not None and not is_iso_date(value):
        raise click.BadParameter(f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


@cli.command()
@input_options
@output_options(extra_formats=("popolo",))
@click.option(
    "--appearances", is_flag=True, help="One row per person and document (the evaluation's contract)."
)
@click.option("--ranks", is_flag=True, help="One row per person and rank: the rank histories.")
@click.option("--posts", is_flag=True, help="One row per person and post: the post histories.")
@click.option("--explain", is_flag=True, help="One row per person and document: the evidence that linked it.")
@click.option(
    "--name", metavar="TEXT", help="Only people whose name contains TEXT (accents and case ignored)."
)
@click.option("--rank", metavar="RANK", help="Only people seen at this rank (Trung tướng; accents ignored).")
@click.option(
    "--unit", metavar="TEXT", help="Only people with a post whose text contains TEXT (accents ignored)."
)
@click.option("--since", metavar="DATE", callback=_date, help="Only appearances dated on or after DATE.")
@click.option("--until", metavar="DATE", callback=_date, help="Only appearances dated on or before DATE.")
@click.option("--no-merge", is_flag=True, help="One person per name and service: no identity rules.")
@click.option(
    "--gazetteer",
    "gazetteers",
    multiple=True,
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Extra rules in the format of vnpress/data/ (repeatable).",
)
def officers(
    inputs: Inputs,
    output: Output,
    appearances,
    ranks,
    posts,
    explain,
    name,
    rank,
    unit,
    since,
    until,
    no_merge,
    gazetteers,
) -> int:
    """Who is who across the corpus: one row per person, with rank and post histories.

    An officer named in several documents is one person when his full name matches and nothing
    contradicts it: service, a rank sequence in time, two offices at once (see the README).
    --format popolo writes the roster as Popolo JSON.

    \b
    Example: vnpress officers seeds/ --appearances
    """
    from vnpress.errors import UsageError
    from vnpress.people import filter_roster, officer_roster, roster_table

    chosen = [v for v, on in zip(_VIEWS, (appearances, ranks, posts, explain), strict=True) if on]
    if len(chosen) > 1:
        raise UsageError(f"choose one of --{', --'.join(_VIEWS)} (got --{' and --'.join(chosen)})")
    popolo = output.options.format == "popolo"
    if popolo and chosen:
        raise UsageError(f"--format popolo is the whole roster: it does not combine with --{chosen[0]}")
    roster = officer_roster(
        inputs.documents(),
        merge=not no_merge,
        gazetteers=gazetteers,
        jobs=inputs.jobs,
        use_cache=inputs.use_cache,
    )
    roster = filter_roster(roster, name=name, rank=rank, unit=unit, since=since, until=until)
    if popolo:
        _emit_popolo(roster)
    else:
        output.emit(roster_table(roster, chosen[0] if chosen else "people"))
    return finish()


def _emit_popolo(roster) -> None:
    import json

    from vnpress.people import popolo

    if current_reporter().nothing_to_read:
        return
    try:
        out = stdout()
        out.write(json.dumps(popolo(roster), ensure_ascii=False, indent=2) + "\n")
        out.flush()
    except BrokenPipeError:
        silence_stdout()
