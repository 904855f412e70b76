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
    read_corpus,
    sample_corpus_paths,
)
from vnpress.io.render import FORMATS, OutputOptions, Table, render, resolve_format

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
        docs = read_corpus(paths, glob=self.glob, encoding=self.encoding, on_problem=self.reporter.problem)
        if sample:
            return (Document(display_sample_path(d.path), d.text, d.offset, d.part) for d in docs)
        return docs


class Output(NamedTuple):
    """How to print: the resolved format, the header, colour."""

    options: OutputOptions

    def emit(self, table: Table) -> None:
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


def input_options(f: Callable) -> Callable:
    """PATHS and the reading options every command shares."""

    @click.argument("paths", nargs=-1, type=click.Path(dir_okay=True, allow_dash=True))
    @click.option(
        "--glob",
        "glob",
        default=DEFAULT_GLOB,
        show_default=True,
        metavar="PATTERN",
        help="Which files to read inside directories.",
    )
    @click.option(
        "--encoding", metavar="NAME", help="Decode files with this codec (default: UTF-8/UTF-16 by BOM)."
    )
    @click.option(
        "-j",
        "--jobs",
        type=click.IntRange(min=0),
        default=None,
        metavar="N",
        help="Worker processes (default: all cores; 1 = in-process).",
    )
    @click.option("--no-cache", is_flag=True, help="Neither read nor write the segmentation cache.")
    @functools.wraps(f)
    def wrapper(*args, paths, glob, encoding, jobs, no_cache, **kwargs):
        kwargs["inputs"] = Inputs(
            tuple(paths), glob, check_encoding(encoding), jobs, not no_cache, reporter=_reporter()
        )
        return f(*args, **kwargs)

    return wrapper


def output_options(f: Callable) -> Callable:
    """--format, --no-header and --color/--no-color, the same on every command."""

    @click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default="auto",
        show_default=True,
        help="auto = a table on a terminal, TSV in a pipe.",
    )
    @click.option("--no-header", is_flag=True, help="Leave out the header row (TSV, CSV, table).")
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


@click.group(
    cls=VnpressGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100}
)
@click.version_option(__version__, prog_name=PROG)
def cli() -> None:
    """Read Vietnamese military and party press in bulk: officers, units, documents, words, abbreviations.

    Every command reads files, directories (*.txt inside) or - for stdin, and prints a table on a
    terminal or TSV in a pipe (--format for CSV, JSON, JSONL).

    \b
    Example: vnpress entities seeds/
    """


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
def freq(
    inputs: Inputs,
    output: Output,
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
    (vnpress/data/stopwords.txt) and page-furniture lines are not. Ties are in alphabetical order.

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
def kwic(word, inputs: Inputs, output: Output, width, keep_case, keep_boilerplate) -> int:
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
    )
    output.emit(table)
    return _finish()


@cli.command("expand-abbrev")
@input_options
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


def _install_core_hooks(reporter: Reporter) -> None:
    """The core's warnings (cache rebuilt…) go to the reporter; its progress is drawn as a bar only
    when stderr is a terminal."""
    from vnpress.io import progress

    progress.install(progress.RichBar if _stream_isatty(sys.stderr) else None, on_warning=reporter.warning)


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
        e.show()
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
            raise
        _silence_stdout()
        reporter.error(str(OutputError(e.strerror or str(e))))
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
