"""The commands on segmented words: freq, kwic, segment."""

from __future__ import annotations

import sys

import click

from vnpress.cli.app import (
    Inputs,
    Output,
    cli,
    color_default,
    finish,
    input_options,
    output_options,
    segmenter_option,
    silence_stdout,
)
from vnpress.cli.stats import bars_of, chart_option, emit_with_chart, meta_option, say_unknown
from vnpress.io.render import FORMATS, OutputOptions


@cli.command()
@input_options
@output_options
@click.option(
    "--top",
    type=click.IntRange(min=0),
    default=50,
    show_default=True,
    metavar="N",
    help="Rows to print (0 = all).",
)
@click.option(
    "--ngram",
    type=click.IntRange(min=1, max=10),
    default=1,
    show_default=True,
    metavar="N",
    help="Count runs of N words; a run never crosses a sentence end, comma, line break or left-out word.",
)
@click.option(
    "--min-count",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    metavar="K",
    help="Only words seen at least K times.",
)
@click.option(
    "--by-file",
    is_flag=True,
    help="One frequency list per document (the documents column stays corpus-wide).",
)
@click.option("--keep-case", is_flag=True, help="Count 'Đảng' and 'đảng' apart.")
@click.option(
    "--stopwords",
    "stopword_files",
    multiple=True,
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="More stop words, one a line (repeatable); with --no-stopwords, the only ones.",
)
@click.option("--no-stopwords", is_flag=True, help="Leave out no stop words (drop the bundled list).")
@click.option(
    "--keep-boilerplate", is_flag=True, help="Count page-furniture lines too ('Tin liên quan', 'Xem thêm' …)."
)
@click.option(
    "--by",
    type=click.Choice(("year", "month", "source")),
    default=None,
    help="One list per period: the documents' year or month (vnpress meta's date) or source.",
)
@meta_option
@chart_option
@segmenter_option
def freq(
    inputs: Inputs,
    output: Output,
    segmenter,
    by,
    sidecar,
    chart,
    top,
    ngram,
    min_count,
    by_file,
    keep_case,
    stopword_files,
    no_stopwords,
    keep_boilerplate,
) -> int:
    """Word frequencies (segmented words, not syllables), with documents and a rate per 10,000 words.

    Words are counted case-folded and with one tone spelling (Chính uỷ = Chính ủy); punctuation,
    numbers, dates, phone numbers, URLs, e-mails, document codes, non-Vietnamese junk, stop words
    (vnpress/data/stopwords.txt) and page-furniture lines are not. Ties are in Vietnamese dictionary order.

    \b
    Example: vnpress freq seeds/ --top 50
    """
    if by is not None:
        return _freq_by(inputs, output, segmenter, by, sidecar, chart, by_file, top, ngram, min_count,
                        keep_case, stopword_files, no_stopwords, keep_boilerplate)  # fmt: skip
    if sidecar is not None:
        from vnpress.errors import UsageError

        raise UsageError("--meta gives the dates and sources of --by: use it with --by")
    from vnpress.stats.freq import frequency_table

    table = frequency_table(
        inputs.documents(),
        top=top,
        ngram=ngram,
        min_count=min_count,
        by_file=by_file,
        keep_case=keep_case,
        stopword_files=stopword_files,
        use_stopwords=not no_stopwords,
        keep_boilerplate=keep_boilerplate,
        jobs=inputs.jobs,
        use_cache=inputs.use_cache,
        segmenter=segmenter,
    )
    emit_with_chart(output, table, chart, bars_of("word", "count", "word frequencies"))
    return finish()


def _freq_by(
    inputs, output, segmenter, by, sidecar, chart, by_file, top, ngram, min_count, keep_case, stopword_files,
    no_stopwords, keep_boilerplate,
) -> int:  # fmt: skip
    """freq --by PERIOD."""
    from vnpress.errors import UsageError
    from vnpress.stats.trends import frequency_by_period

    if by_file:
        raise UsageError("--by and --by-file cannot be used together")
    result = frequency_by_period(
        inputs.documents(),
        by=by,
        top=top,
        ngram=ngram,
        min_count=min_count,
        keep_case=keep_case,
        stopword_files=stopword_files,
        use_stopwords=not no_stopwords,
        keep_boilerplate=keep_boilerplate,
        sidecar=sidecar,
        on_problem=inputs.reporter.problem,
        jobs=inputs.jobs,
        use_cache=inputs.use_cache,
        segmenter=segmenter,
    )
    say_unknown(result.unknown, result.documents, by)
    emit_with_chart(output, result.table, chart, bars_of("period+word", "count", f"word frequencies by {by}"))
    return finish()


@cli.command()
@click.argument("word")
@input_options
@output_options
@click.option(
    "--width",
    type=click.IntRange(min=5),
    default=40,
    show_default=True,
    metavar="N",
    help="Characters of context on each side.",
)
@click.option("--keep-case", is_flag=True, help="Match the case of WORD exactly.")
@click.option("--keep-boilerplate", is_flag=True, help="Search web-page boilerplate lines too.")
@click.option(
    "--dispersion",
    is_flag=True,
    help="One row per file instead: its words, hits, rate and a plot of where WORD occurs (--width wide).",
)
@segmenter_option
def kwic(
    word, inputs: Inputs, output: Output, segmenter, width, keep_case, keep_boilerplate, dispersion
) -> int:
    """Keyword in context: every occurrence of WORD (a segmented word, as freq counts it) with its context.

    WORD matches whole words in one tone spelling, case-folded ("chính uỷ" finds "Chính ủy"); a
    phrase matches a run of words on one line. start/end are character offsets into the file.

    \b
    Example: vnpress kwic "công tác" seeds/
    """
    if dispersion:
        from vnpress.stats.dispersion import dispersion_table

        output.emit(
            dispersion_table(
                word,
                inputs.documents(),
                width=width,
                keep_case=keep_case,
                keep_boilerplate=keep_boilerplate,
                jobs=inputs.jobs,
                use_cache=inputs.use_cache,
                segmenter=segmenter,
            )
        )
        return finish()
    from vnpress.stats.kwic import kwic_table

    table = kwic_table(
        word,
        inputs.documents(),
        width=width,
        keep_case=keep_case,
        keep_boilerplate=keep_boilerplate,
        jobs=inputs.jobs,
        use_cache=inputs.use_cache,
        segmenter=segmenter,
    )
    output.emit(table)
    return finish()


@cli.command()
@input_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("text", *(f for f in FORMATS if f != "auto"))),
    default="text",
    show_default=True,
    help="text = the segmented lines; the others = one row a word (file, start, end, text, norm).",
)
@click.option("--no-header", is_flag=True, help="Leave out the header row (TSV, CSV, table).")
@click.option("--color/--no-color", "color", default=None, help="Colour the table (default: on a terminal).")
@segmenter_option
def segment(inputs: Inputs, fmt, no_header, color, segmenter) -> int:
    """The segmented text: each line with its words' syllables joined by _ (as underthesea's
    word_tokenize(format="text") prints them), in one tone spelling, protected words kept whole.

    Documents are separated by a form feed on a line of its own. --format jsonl gives the words
    with their offsets instead.

    \b
    Example: vnpress segment seeds/000_fe926e9b16dd62a2.txt
    """
    from vnpress.stats import segmented

    if fmt == "text":
        try:
            segmented.write_segmented(
                inputs.documents(),
                sys.stdout,
                jobs=inputs.jobs,
                use_cache=inputs.use_cache,
                segmenter=segmenter,
            )
            sys.stdout.flush()
        except BrokenPipeError:
            silence_stdout()
        return finish()
    table = segmented.word_table(
        inputs.documents(), jobs=inputs.jobs, use_cache=inputs.use_cache, segmenter=segmenter
    )
    if color is None:
        color = color_default(sys.stdout)
    Output(OutputOptions(format=fmt, header=not no_header, color=color)).emit(table)
    return finish()
