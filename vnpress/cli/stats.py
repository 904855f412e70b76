"""The corpus statistics: collocates, keywords, trend, and the HTML report; ``--chart`` for all of them
(and ``freq``)."""

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
    segmenter_option,
    silence_stdout,
    stdout,
)
from vnpress.io.corpus import display_sample_path, sample_corpus_paths
from vnpress.io.render import Table

chart_option = click.option(
    "--chart",
    is_flag=True,
    help="Draw bars (trend: sparklines) below the table; only with the table format (a terminal).",
)
stopword_options = (
    click.option("--keep-case", is_flag=True, help="Count 'Đảng' and 'đảng' apart."),
    click.option(
        "--stopwords",
        "stopword_files",
        multiple=True,
        type=click.Path(dir_okay=False),
        metavar="FILE",
        help="More stop words, one a line (repeatable).",
    ),
    click.option("--no-stopwords", is_flag=True, help="Leave out no stop words (drop the bundled list)."),
    click.option("--keep-boilerplate", is_flag=True, help="Count page-furniture lines too."),
)


def with_paths(inputs: Inputs, paths: tuple[str, ...]) -> Inputs:
    """The same reading options on other paths (a reference corpus)."""
    return Inputs(paths, inputs.glob, inputs.encoding, inputs.jobs, inputs.use_cache, inputs.reporter)


meta_option = click.option(
    "--meta",
    "sidecar",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="CSV or JSONL mapping file → date, source … (as vnpress meta --meta); its values win over the text's.",
)


def word_options(f):
    for decorator in reversed(stopword_options):
        f = decorator(f)
    return f


def emit_with_chart(output: Output, table: Table, chart: bool, draw) -> None:
    """Print ``table``; with ``chart`` and the table format, ``draw(rows, out, color)`` below it. A
    machine format gets no chart, and stderr says so."""
    if not chart:
        output.emit(table)
        return
    if output.options.format != "table":
        current_reporter().warning(
            f"--chart is drawn with the table format only, not {output.options.format}"
        )
        output.emit(table)
        return
    rows = list(table.rows)
    output.emit(Table(table.spec, rows))
    if rows and not current_reporter().nothing_to_read:
        try:
            out = stdout()
            draw(rows, out, output.options.color)
            out.flush()
        except BrokenPipeError:
            silence_stdout()


def bars_of(label: str, value: str, title: str):
    """A ``draw`` for :func:`emit_with_chart`: one bar per row, ``row[label]`` by ``row[value]``."""

    def draw(rows, out, color):
        from vnpress.report.charts import draw_bars

        items = [(" ".join(str(row[c]) for c in label.split("+")), row[value]) for row in rows]
        draw_bars(out, items, title=title, color=color)

    return draw


def say_unknown(unknown: int, documents: int, by: str) -> None:
    """Undated (or unsourced) documents are counted under 'unknown': say so on stderr."""
    if unknown:
        what = "source" if by == "source" else "date"
        verb = "has" if unknown == 1 else "have"
        current_reporter().warning(
            f"{unknown} of {documents} documents {verb} no {what} (vnpress meta): counted under 'unknown'"
        )


@cli.command()
@click.argument("word")
@input_options
@output_options
@click.option(
    "--window",
    default="5,5",
    show_default=True,
    metavar="L,R",
    help="Words on the left and on the right of WORD (never across a sentence end or a line).",
)
@click.option(
    "--measure",
    type=click.Choice(("mi", "ll", "logdice", "t")),
    default="mi",
    show_default=True,
    help="mi (as AntConc), ll (log-likelihood), logdice, t (t-score).",
)
@click.option(
    "--min-freq",
    type=click.IntRange(min=1),
    default=None,
    metavar="K",
    help="Only collocates seen at least K times near WORD (default: 5 with mi, else 1).",
)
@click.option(
    "--top", type=click.IntRange(min=0), default=50, show_default=True, metavar="N", help="Rows (0 = all)."
)
@word_options
@chart_option
@segmenter_option
def collocates(
    word, inputs: Inputs, output: Output, window, measure, min_freq, top, keep_case, stopword_files,
    no_stopwords, keep_boilerplate, chart, segmenter,
) -> int:  # fmt: skip
    """Collocates of WORD (matched as kwic matches it): the words near it, with a score.

    MI = log2(f(xy)·N / (f(x)·f(y))), ll = log-likelihood of the 2×2 table, logdice = 14 +
    log2(2·f(xy) / (f(x)+f(y))), t = (f(xy) − f(x)·f(y)/N) / √f(xy); N = the words freq counts.

    \b
    Example: vnpress collocates "công tác" seeds/ --measure logdice
    """
    from vnpress.stats.collocates import collocates_table, parse_window

    table = collocates_table(
        word,
        inputs.documents(),
        window=parse_window(window),
        measure=measure,
        min_freq=min_freq,
        top=top,
        keep_case=keep_case,
        stopword_files=stopword_files,
        use_stopwords=not no_stopwords,
        keep_boilerplate=keep_boilerplate,
        jobs=inputs.jobs,
        use_cache=inputs.use_cache,
        segmenter=segmenter,
    )
    emit_with_chart(output, table, chart, bars_of("collocate", "score", f"collocates of {word} ({measure})"))
    return finish()


@cli.command()
@input_options
@output_options
@click.option(
    "--reference",
    "references",
    multiple=True,
    type=click.Path(dir_okay=True, allow_dash=True),
    metavar="REFPATH",
    help="The reference corpus: files or directories (repeatable).",
)
@click.option(
    "--reference-sample",
    is_flag=True,
    help="Use the bundled sample articles (seeds/) as the reference corpus.",
)
@click.option(
    "--min-freq",
    type=click.IntRange(min=1),
    default=3,
    show_default=True,
    metavar="K",
    help="Only words seen at least K times in the target or in the reference.",
)
@click.option(
    "--top", type=click.IntRange(min=0), default=50, show_default=True, metavar="N", help="Rows (0 = all)."
)
@click.option(
    "--p",
    "p_value",
    type=click.FloatRange(min=0, max=1, min_open=True, max_open=True),
    default=None,
    metavar="P",
    help="Only words significant at P (|ll| ≥ the χ² critical value: 0.01 → 6.63).",
)
@click.option("--bonferroni", is_flag=True, help="Divide --p by the number of words compared.")
@word_options
@chart_option
@segmenter_option
def keywords(
    inputs: Inputs, output: Output, references, reference_sample, min_freq, top, p_value, bonferroni,
    keep_case, stopword_files, no_stopwords, keep_boilerplate, chart, segmenter,
) -> int:  # fmt: skip
    """Keywords of PATHS against a reference corpus: log-likelihood (signed) and Log Ratio.

    ll is Rayson & Garside's log-likelihood, negative where a word is rarer in PATHS; log_ratio is
    Hardie's log2 of the ratio of relative frequencies (a zero counted as 0.5).

    \b
    Example: vnpress keywords seeds/001_4a05e6ed274f4ba5.txt --reference seeds/
    """
    from vnpress.errors import UsageError
    from vnpress.stats.keywords import keywords_table

    if bool(references) == reference_sample:
        raise UsageError("keywords needs one reference: --reference REFPATH … or --reference-sample")
    if reference_sample:
        docs = _sample_named(with_paths(inputs, tuple(sample_corpus_paths())))
    else:
        docs = with_paths(inputs, tuple(references)).documents()
    table = keywords_table(
        inputs.documents(),
        docs,
        min_freq=min_freq,
        top=top,
        p=p_value,
        bonferroni=bonferroni,
        keep_case=keep_case,
        stopword_files=stopword_files,
        use_stopwords=not no_stopwords,
        keep_boilerplate=keep_boilerplate,
        jobs=inputs.jobs,
        use_cache=inputs.use_cache,
        segmenter=segmenter,
    )
    emit_with_chart(output, table, chart, bars_of("word", "ll", "keywords (log-likelihood)"))
    return finish()


def _sample_named(inputs: Inputs):
    from vnpress.io.corpus import Document

    return (Document(display_sample_path(d.path), d.text, d.offset, d.part) for d in inputs.documents())


@cli.command()
@click.argument("words")
@input_options
@output_options
@click.option(
    "--by",
    type=click.Choice(("year", "month", "source")),
    default="year",
    show_default=True,
    help="The period: the documents' year or month (vnpress meta's date), or their source.",
)
@meta_option
@word_options
@chart_option
@segmenter_option
def trend(
    words, inputs: Inputs, output: Output, by, sidecar, keep_case, stopword_files, no_stopwords,
    keep_boilerplate, chart, segmenter,
) -> int:  # fmt: skip
    """How often WORDS occur per period: WORDS is a comma-separated list of words or phrases, each
    matched as kwic matches it; one row per word and period, with Juilland's D as dispersion.

    Undated documents are counted under 'unknown', and stderr says how many there are.

    \b
    Example: vnpress trend "công tác,Quân khu" seeds/ --by year
    """
    from vnpress.stats.trends import trend_table

    result = trend_table(
        words,
        inputs.documents(),
        by=by,
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
    emit_with_chart(output, result.table, chart, _sparklines(by))
    return finish()


def _sparklines(by: str):
    def draw(rows, out, color):
        from vnpress.report.charts import draw_sparklines

        periods: list[str] = []
        series: dict[str, list[float]] = {}
        for row in rows:
            if row["period"] not in periods:
                periods.append(row["period"])
            series.setdefault(row["word"], []).append(row["per_10k"])
        draw_sparklines(out, list(series.items()), periods, title=f"per 10,000 words, by {by}", color=color)

    return draw


@cli.command()
@input_options
@click.option(
    "-o",
    "--output",
    "output_path",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="report.html",
    show_default=True,
    metavar="FILE",
    help="Where to write the report (- for stdout).",
)
@click.option(
    "--reference",
    "references",
    multiple=True,
    type=click.Path(dir_okay=True),
    metavar="REFPATH",
    help="A reference corpus for the keywords section (repeatable); without one, it is left out.",
)
@click.option("--reference-sample", is_flag=True, help="Keywords against the bundled sample articles.")
@click.option(
    "--top", type=click.IntRange(min=1), default=25, show_default=True, metavar="N", help="Rows per section."
)
@click.option("--title", default="vnpress report", show_default=True, help="The report's title.")
@meta_option
@segmenter_option
def report(inputs: Inputs, output_path, references, reference_sample, top, title, sidecar, segmenter) -> int:
    """One self-contained HTML file (no network: inline styles and SVG charts) on the corpus: its
    documents, dates and sources, top words, keywords, officers and their ranks over time, units,
    resolutions by year, abbreviations and the trends of the top words.

    \b
    Example: vnpress report seeds/ -o report.html
    """
    from vnpress.errors import UsageError
    from vnpress.report.build import build_report

    if references and reference_sample:
        raise UsageError("give --reference or --reference-sample, not both")
    reporter = inputs.reporter
    docs = list(inputs.documents())
    if reporter.nothing_to_read:
        return finish()
    reference = None
    if reference_sample:
        reference = list(_sample_named(with_paths(inputs, tuple(sample_corpus_paths()))))
    elif references:
        reference = list(with_paths(inputs, tuple(references)).documents())
    html = build_report(
        docs,
        reference=reference,
        top=top,
        title=title,
        sidecar=sidecar,
        on_problem=reporter.problem,
        jobs=inputs.jobs,
        use_cache=inputs.use_cache,
        segmenter=segmenter,
    )
    if output_path == "-":
        out = stdout()
        out.write(html)
        out.flush()
    else:
        from vnpress.errors import OutputError

        try:
            with open(output_path, "w", encoding="utf-8") as f:
                f.write(html)
        except OSError as e:
            raise OutputError(f"{output_path}: {e.strerror or e}") from None
        n = len({d.path for d in docs})
        reporter.info(
            f"wrote {output_path} ({len(html.encode('utf-8')):,} bytes, {n} document{'' if n == 1 else 's'})"
        )
    return finish()
