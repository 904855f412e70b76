"""The command line: a Click group, shared option decorators, one small function per command.

Each command parses its options, calls one library function, and hands the resulting
:class:`~vnpress.io.render.Table` to the renderer. Nothing here imports underthesea at module level,
so ``vnpress --help`` stays fast.
"""

from __future__ import annotations

import errno
import functools
import os
import sys
from collections.abc import Callable, Iterator
from typing import NamedTuple

import click

from vnpress import __version__
from vnpress.errors import ExitStatus, OutputError, VnpressError
from vnpress.io.corpus import (
    DEFAULT_GLOB,
    STDIN,
    Document,
    Problem,
    check_encoding,
    display_sample_path,
    expand_paths,
    read_corpus,
    sample_corpus_paths,
)
from vnpress.io.render import FORMATS, OutputOptions, Table, render, resolve_format
from vnpress.io.tables import SCHEMAS, TABLES, table_spec

PROG = "vnpress"


def _stdin_isatty() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def _stream_isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Reporter:
    """Messages for stderr: one line each, prefixed with the program's name.

    (The classes of this module are plain or named tuples, not dataclasses: each dataclass costs
    ``vnpress --help`` about a millisecond.)"""

    def __init__(self, color: bool = False):
        self.color = color
        self.errors = 0
        self.warnings = 0
        self.traceback = False  # --traceback: show an internal error's traceback
        self.nothing_to_read = False  # every path given was missing: print no table, not even a header

    def _emit(self, label: str, colour: str, message: str) -> None:
        prefix = click.style(f"{label}:", fg=colour, bold=True) if self.color else f"{label}:"
        click.echo(f"{PROG}: {prefix} {message}", err=True, color=self.color)

    def error(self, message: str) -> None:
        self.errors += 1
        self._emit("error", "red", message)

    def warning(self, message: str) -> None:
        self.warnings += 1
        self._emit("warning", "yellow", message)

    def info(self, message: str) -> None:
        click.echo(f"{PROG}: {message}", err=True)

    def problem(self, problem: Problem) -> None:
        (self.error if problem.severity == "error" else self.warning)(str(problem))

    @property
    def exit_status(self) -> int:
        return ExitStatus.ERROR if self.errors else ExitStatus.OK


def _reporter() -> Reporter:
    ctx = click.get_current_context()
    root = ctx.find_root()
    if not isinstance(root.obj, Reporter):
        root.obj = Reporter(color=_color_default(sys.stderr))
    return root.obj


def _color_default(stream) -> bool:
    return "NO_COLOR" not in os.environ and _stream_isatty(stream)


class Inputs(NamedTuple):
    """Where the documents come from, and how to read and process them."""

    paths: tuple[str, ...]
    glob: str
    encoding: str | None
    jobs: int | None
    use_cache: bool
    reporter: Reporter

    def documents(self) -> Iterator[Document]:
        """The documents, sorted; problems go to stderr and the reading goes on."""
        paths = list(self.paths)
        sample = False
        if not paths:
            if _stdin_isatty():
                paths = sample_corpus_paths()
                sample = True
                self.reporter.info(f"no input given: using the bundled sample corpus ({len(paths)} articles)")
            else:
                paths = [STDIN]
        else:
            # missing paths are reported now, before any output (a header) is written
            errors = self.reporter.errors
            paths = expand_paths(paths, self.glob, on_problem=self.reporter.problem)
            if not paths and self.reporter.errors > errors:
                self.reporter.nothing_to_read = True
        docs = read_corpus(paths, glob=self.glob, encoding=self.encoding, on_problem=self.reporter.problem)
        if sample:
            return (Document(display_sample_path(d.path), d.text, d.offset, d.part) for d in docs)
        return docs


class Output(NamedTuple):
    """How to print: the resolved format, the header, colour."""

    options: OutputOptions

    def emit(self, table: Table) -> None:
        if _reporter().nothing_to_read:
            return
        try:
            render(table, stdout(), self.options)
        except BrokenPipeError:
            _silence_stdout()


class GuardedOutput:
    """Standard output as the commands write to it: a failed write or flush (a full disk, a
    descriptor gone bad) becomes one :class:`OutputError`, never a traceback; a closed pipe stays a
    ``BrokenPipeError``, the quiet end of ``| head``. Everything else is the stream's own."""

    def __init__(self, stream):
        self.stream = stream

    def write(self, text: str) -> int:
        try:
            return self.stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as e:
            raise OutputError(e.strerror or str(e)) from None

    def flush(self) -> None:
        try:
            self.stream.flush()
        except BrokenPipeError:
            raise
        except OSError as e:
            raise OutputError(e.strerror or str(e)) from None

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


def stdout() -> GuardedOutput:
    """Where results go; :class:`OutputError` when there is nowhere (``>&-``)."""
    if sys.stdout is None:
        raise OutputError("standard output is closed")
    return GuardedOutput(sys.stdout)


def _silence_stdout() -> None:
    """The reader went away (``| head``), or the output cannot be written: stop quietly, with
    nothing more written there (what is still buffered goes to /dev/null at exit)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):
        pass


_WRITE_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EBADF}


def _reserve_standard_fds() -> None:
    """Reopen a closed descriptor 0, 1 or 2 on /dev/null (Python has made ``sys.stdout`` … None
    for it), so that no file vnpress opens later, such as the cache's database, takes its number
    and receives what was meant for the terminal."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
            continue
        except OSError:
            pass
        try:
            new = os.open(os.devnull, os.O_RDWR)
        except OSError:
            return
        if new != fd:
            os.dup2(new, fd)
            os.close(new)


def input_options(f: Callable | None = None, *, cache: bool = True) -> Callable:
    """PATHS and the reading options every command shares; ``cache=False`` for a command that
    neither segments nor caches anything, which then has no ``--no-cache``."""
    if f is None:
        return functools.partial(input_options, cache=cache)

    @functools.wraps(f)
    def wrapper(*args, paths, glob, encoding, jobs, no_cache=False, **kwargs):
        kwargs["inputs"] = Inputs(
            tuple(paths), glob, check_encoding(encoding), jobs, not no_cache, reporter=_reporter()
        )
        return f(*args, **kwargs)

    decorators = [
        click.argument("paths", nargs=-1, type=click.Path(dir_okay=True, allow_dash=True)),
        click.option(
            "--glob",
            "glob",
            default=DEFAULT_GLOB,
            show_default=True,
            metavar="PATTERN",
            envvar="VNPRESS_GLOB",
            help="Which files to read inside directories.",
        ),
        click.option(
            "--encoding",
            metavar="NAME",
            envvar="VNPRESS_ENCODING",
            help="Decode files with this codec (default: UTF-8/UTF-16 by BOM).",
        ),
        click.option(
            "-j",
            "--jobs",
            type=click.IntRange(min=0),
            default=None,
            metavar="N",
            envvar="VNPRESS_JOBS",
            help="Worker processes (default: all cores; 1 = in-process).",
        ),
    ]
    if cache:
        decorators.append(
            click.option(
                "--no-cache",
                is_flag=True,
                envvar="VNPRESS_NO_CACHE",
                help="Neither read nor write the segmentation cache.",
            )
        )
    for decorator in reversed(decorators):
        wrapper = decorator(wrapper)
    return wrapper


SEGMENTERS = ("fast", "underthesea")  # vnpress.text.segment.ENGINES (a test keeps the two equal)


def segmenter_option(f: Callable) -> Callable:
    """--segmenter, on every command that reads words."""
    return click.option(
        "--segmenter",
        type=click.Choice(SEGMENTERS),
        default=SEGMENTERS[0],
        show_default=True,
        help="fast: underthesea's CRF with vnpress's featurizer; underthesea: its own (same words, slower).",
    )(f)


def output_options(f: Callable) -> Callable:
    """--format, --no-header and --color/--no-color, the same on every command."""

    @click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default="auto",
        show_default=True,
        envvar="VNPRESS_FORMAT",
        help="auto = a table on a terminal, TSV in a pipe.",
    )
    @click.option(
        "--no-header",
        is_flag=True,
        envvar="VNPRESS_NO_HEADER",
        help="Leave out the header row (TSV, CSV, table).",
    )
    @click.option(
        "--color/--no-color",
        "color",
        default=None,
        help="Colour the table (default: on a terminal, unless NO_COLOR is set).",
    )
    @functools.wraps(f)
    def wrapper(*args, fmt, no_header, color, **kwargs):
        reporter = _reporter()
        stdout()  # with stdout closed, say so now rather than after the work
        if color is None:
            color = _color_default(sys.stdout)
            reporter.color = _color_default(sys.stderr)
        else:
            reporter.color = color and _stream_isatty(sys.stderr)
        kwargs["output"] = Output(
            OutputOptions(
                format=resolve_format(fmt, _stream_isatty(sys.stdout)), header=not no_header, color=color
            )
        )
        return f(*args, **kwargs)

    return wrapper


def _finish() -> int:
    """End a command: exit status 1 if any input failed, else 0."""
    status = _reporter().exit_status
    if status:
        click.get_current_context().exit(status)
    return status


class VnpressGroup(click.Group):
    """Turns the project's errors into one line on stderr and an exit status, for every command."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except VnpressError as e:
            if isinstance(e, OutputError):
                _silence_stdout()
            _reporter().error(str(e))
            ctx.exit(e.exit_status)


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """``--version``: vnpress's, and what its results depend on, for bug reports."""
    if not value or ctx.resilient_parsing:
        return
    from vnpress.pipeline.cache.keys import current_versions

    python = ".".join(map(str, sys.version_info[:3]))
    click.echo(f"{PROG} {__version__}, underthesea {current_versions().underthesea}, Python {python}")
    ctx.exit()


@click.group(
    cls=VnpressGroup,
    context_settings={
        "help_option_names": ["-h", "--help"],
        "max_content_width": 100,
        "auto_envvar_prefix": "VNPRESS",
    },
)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Show the versions of vnpress, underthesea and Python, and exit.",
)
@click.option(
    "--traceback",
    is_flag=True,
    help="On an internal error, print its traceback (for a bug report) instead of one line.",
)
@click.pass_context
def cli(ctx: click.Context, traceback: bool) -> None:
    """Read Vietnamese military and party press in bulk: officers, units, documents, words, abbreviations.

    Every command reads files, directories (*.txt inside) or - for stdin, and prints a table on a
    terminal or TSV in a pipe (--format for CSV, JSON, JSONL).

    \b
    Example: vnpress entities seeds/
    """
    _reporter().traceback = traceback


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
    return _finish()


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
@segmenter_option
def freq(
    inputs: Inputs,
    output: Output,
    segmenter,
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
    output.emit(table)
    return _finish()


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
@segmenter_option
def kwic(word, inputs: Inputs, output: Output, segmenter, width, keep_case, keep_boilerplate) -> int:
    """Keyword in context: every occurrence of WORD (a segmented word, as freq counts it) with its context.

    WORD matches whole words in one tone spelling, case-folded ("chính uỷ" finds "Chính ủy"); a
    phrase matches a run of words on one line. start/end are character offsets into the file.

    \b
    Example: vnpress kwic "công tác" seeds/
    """
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
    return _finish()


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
            _silence_stdout()
        return _finish()
    table = segmented.word_table(
        inputs.documents(), jobs=inputs.jobs, use_cache=inputs.use_cache, segmenter=segmenter
    )
    if color is None:
        color = _color_default(sys.stdout)
    Output(OutputOptions(format=fmt, header=not no_header, color=color)).emit(table)
    return _finish()


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
        return _finish()
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
            _silence_stdout()
        return _finish()
    output.emit(
        abbrev.abbreviation_table(
            inputs.documents(), by_file=by_file, dict_files=dict_files, jobs=inputs.jobs
        )
    )
    return _finish()


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
    return _finish()


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
    return _finish()


@cache.command("clear")
def cache_clear() -> int:
    """Delete every cached result.

    \b
    Example: vnpress cache clear
    """
    from vnpress.pipeline.cache.store import clear

    removed = clear()
    _reporter().info(f"cache cleared ({removed} entries removed)")
    return _finish()


@cli.command()
@click.argument("table", required=False, type=click.Choice([spec.name for spec in TABLES]), metavar="[TABLE]")
@output_options
def schema(table, output: Output) -> int:
    """The JSON Schema of the rows of TABLE (as --format json and jsonl write them); with no TABLE, the
    list of tables and the commands that print them (--format applies to that list).

    \b
    Example: vnpress schema entities-mentions
    """
    if table is None:
        rows = (
            {"name": s.name, "command": f"vnpress {s.command}", "description": s.description} for s in TABLES
        )
        output.emit(Table(SCHEMAS, rows))
        return _finish()
    import json

    from vnpress.io.schema import json_schema

    try:
        click.echo(json.dumps(json_schema(table_spec(table)), ensure_ascii=False, indent=2))
    except BrokenPipeError:
        _silence_stdout()
    return _finish()


def _install_core_hooks(reporter: Reporter) -> None:
    """The core's warnings (cache rebuilt…) go to the reporter; its progress is drawn as a bar only
    when stderr is a terminal."""
    from vnpress.io import progress

    progress.install(progress.RichBar if _stream_isatty(sys.stderr) else None, on_warning=reporter.warning)


def _show_click_error(e: click.ClickException, reporter: Reporter) -> None:
    """Click's errors in vnpress's style: ``vnpress: error: …``, and for a usage error the line
    saying where the help is. ``vnpress`` alone prints the help, as click does."""
    no_args = getattr(click.exceptions, "NoArgsIsHelpError", ())
    if isinstance(e, no_args) and e.ctx is not None:
        click.echo(e.ctx.get_help(), err=True)
        return
    reporter.error(e.format_message())
    if isinstance(e, click.UsageError) and e.ctx is not None:
        command = e.ctx.command_path
        option = e.ctx.help_option_names[0] if e.ctx.help_option_names else "--help"
        click.echo(f"Try '{command} {option}' for help.", err=True)


def _report_internal_error(e: Exception, reporter: Reporter) -> None:
    if reporter.traceback:
        import traceback

        traceback.print_exception(e, file=sys.stderr)
        return
    reporter.error(
        f"internal error ({type(e).__name__}: {e}); rerun with --traceback and report it with that output"
    )


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI and turn every outcome into an exit status, never a traceback."""
    _reserve_standard_fds()
    reporter = Reporter(color=_color_default(sys.stderr))
    _install_core_hooks(reporter)
    try:
        status = cli.main(args=argv, prog_name=PROG, standalone_mode=False, obj=reporter)
    except click.exceptions.Abort:
        click.echo(f"{PROG}: interrupted", err=True)
        status = ExitStatus.INTERRUPTED
    except KeyboardInterrupt:
        click.echo(f"{PROG}: interrupted", err=True)
        status = ExitStatus.INTERRUPTED
    except click.ClickException as e:
        _show_click_error(e, reporter)
        status = e.exit_code
    except VnpressError as e:
        if isinstance(e, OutputError):
            _silence_stdout()
        reporter.error(str(e))
        status = e.exit_status
    except BrokenPipeError:
        _silence_stdout()
        status = ExitStatus.OK
    except OSError as e:  # click's own writes (--help, --version, a usage message) to a full disk
        if e.errno not in _WRITE_ERRORS:
            _report_internal_error(e, reporter)
        else:
            _silence_stdout()
            reporter.error(str(OutputError(e.strerror or str(e))))
        status = ExitStatus.ERROR
    except Exception as e:  # a bug: one line, or the traceback with --traceback
        _report_internal_error(e, reporter)
        status = ExitStatus.ERROR
    try:
        if sys.stdout is not None:
            stdout().flush()
    except BrokenPipeError:
        _silence_stdout()
    except OutputError as e:  # what click wrote (--help, --version) to a full disk
        _silence_stdout()
        reporter.error(str(e))
        status = e.exit_status
    sys.exit(int(status or 0))
