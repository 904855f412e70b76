"""The commands that read text without segmenting it: expand-abbrev and meta."""

from __future__ import annotations

import click

from vnpress.cli.app import (
    Inputs,
    Output,
    cli,
    finish,
    input_options,
    output_options,
    silence_stdout,
    stdout,
)


@cli.command("expand-abbrev")
@input_options(cache=False)
@output_options
@click.option("--by-file", is_flag=True, help="Rows per document, with a file column.")
@click.option("--rewrite", is_flag=True, help="Print the text with every known abbreviation spelled out.")
@click.option(
    "--keep-abbrev",
    is_flag=True,
    help="With --rewrite: write 'expansion (ABBR)' at the first occurrence in a document.",
)
@click.option(
    "--dictionary",
    "show_dictionary",
    is_flag=True,
    help="Print the abbreviation dictionary instead of reading text.",
)
@click.option("--category", metavar="NAME", help="With --dictionary: only this category.")
@click.option(
    "--dict",
    "dict_files",
    multiple=True,
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="More abbreviations, TSV like the built-in dictionary (repeatable).",
)
def expand_abbrev(
    inputs: Inputs, output: Output, by_file, rewrite, keep_abbrev, show_dictionary, category, dict_files
) -> int:
    """Abbreviations with their expansions (defined in the text, from the dictionary, or unknown).

    \b
    Example: vnpress expand-abbrev seeds/
    """
    from vnpress.abbrev import expand as abbrev
    from vnpress.errors import UsageError

    if keep_abbrev and not rewrite:
        raise UsageError("--keep-abbrev works with --rewrite")
    if category is not None and not show_dictionary:
        raise UsageError("--category works with --dictionary")
    if show_dictionary:
        output.emit(abbrev.dictionary_table(dict_files=dict_files, category=category))
        return finish()
    if rewrite:
        out = stdout()
        try:
            abbrev.rewrite_documents(
                inputs.documents(),
                out,
                dict_files=dict_files,
                keep_abbrev=keep_abbrev,
                jobs=inputs.jobs,
            )
            out.flush()
        except BrokenPipeError:
            silence_stdout()
        return finish()
    output.emit(
        abbrev.abbreviation_table(
            inputs.documents(), by_file=by_file, dict_files=dict_files, jobs=inputs.jobs
        )
    )
    return finish()


@cli.command()
@input_options(cache=False)
@output_options
@click.option(
    "--meta",
    "sidecar",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="CSV or JSONL mapping file → title, date, authors, source …; its values win over the text's.",
)
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    metavar="YYYY-MM-DD",
    help="The run's date: no date after it is taken (default: today; set it for reproducible runs).",
)
def meta(inputs: Inputs, output: Output, sidecar, today) -> int:
    """Title, date, authors, outlet and place of every document, one row each.

    The date is the one stated next to the headline, else one in the file's path
    (2021/07/12/slug.txt, 2021-07-12_slug.txt); date_inferred completes a lead's day and month
    with a year the text gives. No segmentation: it is fast.

    \b
    Example: vnpress meta seeds/ --format jsonl
    """
    from vnpress.meta import meta_table

    table = meta_table(
        inputs.documents(),
        sidecar=sidecar,
        jobs=inputs.jobs,
        today=today.date() if today else None,
        on_problem=inputs.reporter.problem,
    )
    output.emit(table)
    return finish()
