"""The Click group and what every command shares: the reporter (stderr), the input and output
options, the guarded stdout, and the entry point that turns every outcome into an exit status.

The commands live beside this module, one small function each. Each command parses its options, calls one library function, and hands the resulting
:class:`~vnpress.io.render.Table` to the renderer. Nothing here imports underthesea at module level,
so ``vnpress --help`` stays fast.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import sys
from collections.abc import Callable, Iterable, Iterator
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


def current_reporter() -> Reporter:
    ctx = click.get_current_context()
    root = ctx.find_root()
    if not isinstance(root.obj, Reporter):
        root.obj = Reporter(color=color_default(sys.stderr))
    return root.obj


def color_default(stream) -> bool:
    return "NO_COLOR" not in os.environ and _stream_isatty(stream)


class Inputs(NamedTuple):
    """Where the documents come from, and how to read and process them."""

    paths: tuple[str, ...]
    glob: str
    encoding: str | None
    jobs: int | None
    use_cache: bool
    reporter: Reporter
    index: object = None  # PATHS is one index: its documents (vnpress.index.read.IndexSource)
    scheduler: str | None = None  # --scheduler: the map functions run on this Dask cluster

    def documents(self) -> Iterator[Document]:
        """The documents, sorted; problems go to stderr and the reading goes on."""
        if self.index is not None:
            return self.index.documents()
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
        docs = read_corpus(
            paths, glob=self.glob, encoding=self.encoding, on_problem=self.reporter.problem, expand=sample
        )
        if sample:
            return (Document(display_sample_path(d.path), d.text, d.offset, d.part) for d in docs)
        return docs


class Output(NamedTuple):
    """How to print: the resolved format, the header, colour."""

    options: OutputOptions

    def emit(self, table: Table) -> None:
        if current_reporter().nothing_to_read:
            return
        try:
            render(table, stdout(), self.options)
        except BrokenPipeError:
            silence_stdout()


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


def silence_stdout() -> None:
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

    # --since/--until/--source/--where select documents of an index; a command with options of
    # those names of its own (officers' --since) keeps them, and they are passed on to it.
    own = {p.name for p in getattr(f, "__click_params__", ())}
    filter_names = [name for name in INDEX_FILTERS if name not in own]

    @functools.wraps(f)
    def wrapper(*args, paths, glob, encoding, jobs, no_cache=False, scheduler=None, **kwargs):
        from vnpress.index.filters import Filters, check_date, find_index

        given = {name: kwargs.pop(name) for name in filter_names}
        filters = Filters(
            check_date("--since", given.get("since")),
            check_date("--until", given.get("until")),
            given.get("source"),
            given.get("where"),
        )
        index = find_index(tuple(paths), filters)  # PATHS is one index: read it instead of files
        if index is not None:
            from vnpress.index.read import IndexSource

            index = IndexSource(index, filters)
        kwargs["inputs"] = Inputs(
            tuple(paths),
            glob,
            check_encoding(encoding),
            jobs,
            not no_cache,
            reporter=current_reporter(),
            index=index,
            scheduler=scheduler,
        )
        with contextlib.ExitStack() as stack:
            if index is not None:
                stack.enter_context(index)
            if scheduler is not None:
                from vnpress.pipeline.distributed import scheduler as on_cluster

                stack.enter_context(on_cluster(scheduler))  # every map function runs on the cluster
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
        click.option(
            "--scheduler",
            metavar="ADDRESS",
            envvar="VNPRESS_SCHEDULER",
            help="Run on a Dask cluster: tcp://HOST:PORT, or local:N for N local worker processes.",
        ),
    ]
    decorators += index_filter_options(filter_names)
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


INDEX_FILTERS = ("since", "until", "source", "where")
_FILTER_HELP = {
    "since": ("DATE", "Index only: documents dated on or after DATE."),
    "until": ("DATE", "Index only: documents dated on or before DATE."),
    "source": ("TEXT", "Index only: documents of this outlet (any case)."),
    "where": ("SQL", "Index only: documents matching an SQL condition on documents."),
}


def index_filter_options(names: Iterable[str] = INDEX_FILTERS) -> list[Callable]:
    """The options that select documents when PATHS is an index made by vnpress index."""
    return [click.option(f"--{n}", metavar=_FILTER_HELP[n][0], help=_FILTER_HELP[n][1]) for n in names]


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


def output_options(f: Callable | None = None, *, extra_formats: tuple[str, ...] = ()) -> Callable:
    """--format, --no-header and --color/--no-color, the same on every command; ``extra_formats``
    for a command that also writes a document of its own (``officers --format popolo``)."""
    if f is None:
        return functools.partial(output_options, extra_formats=extra_formats)

    @click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS + extra_formats),
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
        reporter = current_reporter()
        stdout()  # with stdout closed, say so now rather than after the work
        if color is None:
            color = color_default(sys.stdout)
            reporter.color = color_default(sys.stderr)
        else:
            reporter.color = color and _stream_isatty(sys.stderr)
        kwargs["output"] = Output(
            OutputOptions(
                format=resolve_format(fmt, _stream_isatty(sys.stdout)), header=not no_header, color=color
            )
        )
        return f(*args, **kwargs)

    return wrapper


def finish() -> int:
    """End a command: exit status 1 if any input failed, else 0."""
    status = current_reporter().exit_status
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
                silence_stdout()
            current_reporter().error(str(e))
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
    current_reporter().traceback = traceback


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
    reporter = Reporter(color=color_default(sys.stderr))
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
            silence_stdout()
        reporter.error(str(e))
        status = e.exit_status
    except BrokenPipeError:
        silence_stdout()
        status = ExitStatus.OK
    except OSError as e:  # click's own writes (--help, --version, a usage message) to a full disk
        if e.errno not in _WRITE_ERRORS:
            _report_internal_error(e, reporter)
        else:
            silence_stdout()
            reporter.error(str(OutputError(e.strerror or str(e))))
        status = ExitStatus.ERROR
    except Exception as e:  # a bug: one line, or the traceback with --traceback
        _report_internal_error(e, reporter)
        status = ExitStatus.ERROR
    try:
        if sys.stdout is not None:
            stdout().flush()
    except BrokenPipeError:
        silence_stdout()
    except OutputError as e:  # what click wrote (--help, --version) to a full disk
        silence_stdout()
        reporter.error(str(e))
        status = e.exit_status
    sys.exit(int(status or 0))
