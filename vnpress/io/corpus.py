"""From paths and stdin to :class:`Document` objects: expansion, ordering, decoding, per-file errors,
and the pieces a very long text is read in (so that memory never grows with the size of one file).

Every input problem is reported through a callback and the reading goes on, so that one bad file in a
directory of a thousand still gives results for the other 999.
"""

from __future__ import annotations

import codecs
import contextlib
import fnmatch
import itertools
import os
import re
import stat
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import IO, NamedTuple, TypeVar

from vnpress.errors import BinaryFileError, InputError, UsageError
from vnpress.io import encodings, sources

T = TypeVar("T")
STDIN = "-"
STDIN_NAME = "<stdin>"
DEFAULT_GLOB = "*.txt"


PIECE_CHARS = 64_000  # a longer text is analysed in pieces of at most this many characters
WHOLE_BYTES = 1 << 20  # a file up to this size is read at once; a larger one is streamed
CHUNK_BYTES = 1 << 20


class Document(NamedTuple):
    """One article: where it came from (as the user named it) and its decoded, unmodified text.

    A text longer than :data:`PIECE_CHARS` (a concatenated dump, a book) comes as several
    documents of the same ``path``, its pieces, cut between paragraphs: ``offset`` is where the
    piece starts in the file's text (in characters) and ``part`` its number, 0 for the first or
    only one. Analyses run on each piece; the commands add the offset to what they report and
    merge the pieces of a file. (This module's records are named tuples, not dataclasses: they are
    made at import time, and a dataclass costs ``vnpress --help`` about a millisecond each.)"""

    path: str
    text: str
    offset: int = 0
    part: int = 0

    @property
    def name(self) -> str:
        return os.path.basename(self.path) or self.path


class Problem(NamedTuple):
    """Something wrong with one input. ``error`` problems make the exit status 1; warnings don't."""

    source: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


ProblemHandler = Callable[[Problem], None]


def _raise(problem: Problem) -> None:
    if problem.severity == "error":
        raise InputError(problem.source, problem.message)


def check_encoding(name: str | None) -> str | None:
    """Validate a codec name given with ``--encoding`` (``auto``: UTF-8, else a guess)."""
    if name is None:
        return None
    if name.lower() == encodings.AUTO:
        return encodings.AUTO
    encodings.register()
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise UsageError(
            f"unknown encoding {name!r} (try utf-8, utf-16-le, cp1258, tcvn3, vni, or auto)"
        ) from None


# -- decoding ---------------------------------------------------------------------------------------
class _Plan(NamedTuple):
    """How to decode one input: the codec, the bytes of BOM to skip, the name for messages."""

    codec: str
    skip: int
    shown: str
    explicit: bool  # given with --encoding (no NUL check, no hint)


def _plan(head: bytes, encoding: str | None) -> _Plan:
    if encoding and encoding != encodings.AUTO:
        if codecs.lookup(encoding).name == "utf-8" and head.startswith(codecs.BOM_UTF8):
            return _Plan("utf-8", 3, "utf-8-sig", True)
        return _Plan(encoding, 0, encoding, True)
    if head.startswith(codecs.BOM_UTF8):
        return _Plan("utf-8", 3, "utf-8-sig", False)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _Plan("utf-16", 0, "utf-16", False)
    return _Plan("utf-8", 0, "utf-8", False)


def _not_text(data: bytes, source: str) -> InputError:
    """The error for bytes with a NUL in them: UTF-16 without a BOM, or a binary file."""
    utf16 = encodings.utf16_without_bom(data)
    if utf16 is not None:
        return InputError(
            source, f"looks like UTF-16 without a byte-order mark, skipped; use --encoding {utf16}"
        )
    return BinaryFileError(source, "binary file (contains NUL bytes), skipped")


def _decode_error(e: UnicodeDecodeError, offset: int, plan: _Plan, source: str) -> InputError:
    hint = "" if plan.explicit else "; use --encoding NAME for another encoding"
    return InputError(source, f"cannot decode as {plan.shown} at byte {offset}{hint}")


def decode(data: bytes, source: str, encoding: str | None = None) -> str:
    """Decode bytes: UTF-8 with or without BOM, UTF-16 with BOM, or the given encoding (``auto``:
    UTF-8, else the legacy encoding the bytes read best in).

    Raises :class:`InputError` naming the source and the byte offset of the first bad byte.
    """
    return _decode(data, source, encoding)[0]


def _decode(data: bytes, source: str, encoding: str | None) -> tuple[str, str | None]:
    """The text, and the encoding guessed for ``auto`` (None when it was not a guess)."""
    plan = _plan(data[:4], encoding)
    if not plan.explicit and plan.skip == 0 and plan.codec == "utf-8" and b"\x00" in data:
        if encoding == encodings.AUTO and encodings.utf16_without_bom(data):
            guessed = encodings.utf16_without_bom(data)
            return _decode(data, source, guessed)[0], guessed
        raise _not_text(data, source)
    try:
        return data[plan.skip :].decode(plan.codec), None
    except UnicodeDecodeError as e:
        if encoding == encodings.AUTO and plan.codec == "utf-8":
            guessed = encodings.guess_legacy(data)
            if guessed is not None:
                return _decode(data, source, guessed)[0], guessed
        raise _decode_error(e, e.start + plan.skip, plan, source) from None


def _decoded_chunks(
    fh: IO[bytes], plan: _Plan, source: str, chunk_bytes: int, check_nul: bool
) -> Iterator[str]:
    """The text of a seekable binary file, decoded a chunk at a time; errors as :func:`decode` gives
    them for the whole file, with the same byte offsets."""
    fh.seek(plan.skip)
    decoder = codecs.getincrementaldecoder(plan.codec)("strict")
    fed = plan.skip
    while True:
        data = fh.read(chunk_bytes)
        if check_nul and b"\x00" in data:
            raise _not_text(data, source)
        held = len(decoder.getstate()[0])
        try:
            text = decoder.decode(data, final=not data)
        except UnicodeDecodeError as e:
            raise _decode_error(e, fed - held + e.start, plan, source) from None
        fed += len(data)
        if text:
            yield text
        if not data:
            return


# -- pieces -----------------------------------------------------------------------------------------
_BREAK = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # what str.splitlines cuts at
_ONE_BREAK = "(?:\r\n|\r(?!\n)|[\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029])"  # CRLF is one
_CUTS = (
    re.compile(f"{_ONE_BREAK}[^\\S{_BREAK}]*{_ONE_BREAK}"),  # a blank line: between paragraphs
    re.compile(_ONE_BREAK),  # a line break
    re.compile(r"[.!?…]\s"),  # a sentence end
    re.compile(r"\s"),  # a space
)


def _cut(text: str, start: int, limit: int) -> int:
    """Where the piece that starts at ``start`` ends, at most ``limit`` characters on: after the last
    paragraph break, else line break, else sentence end, else space, preferably in the window's
    second half; never inside a CRLF or before a combining mark. ``text`` goes on beyond the window."""
    end = start + limit
    for lo in (start + limit // 2, start + 1):
        for rx in _CUTS:
            last = None
            for last in rx.finditer(text, lo, end):  # noqa: B007 (the last match is the one wanted)
                pass
            if last is not None and last.end() > start:
                cut = last.end()
                if text[cut - 1] == "\r" and text[cut] == "\n":  # the window ended inside a CRLF
                    cut = cut + 1 if cut + 1 - start <= limit else cut - 1
                if cut > start:
                    return cut
    cut = end
    while cut > start + 1 and unicodedata.combining(text[cut]):
        cut -= 1
    return cut


class _Pieces:
    """Cuts a text fed in chunks into pieces; the same pieces whatever the chunks (a cut depends only
    on the window it falls in, and is made once the text goes on beyond that window)."""

    def __init__(self, limit: int):
        self.limit = limit
        self.buffer = ""
        self.offset = 0  # of the buffer in the whole text
        self.started = False

    def feed(self, text: str) -> Iterator[tuple[int, str]]:
        self.buffer += text
        pos = 0
        while len(self.buffer) - pos > self.limit:
            cut = _cut(self.buffer, pos, self.limit)
            yield self.offset + pos, self.buffer[pos:cut]
            pos = cut
        if pos:
            self.buffer = self.buffer[pos:]
            self.offset += pos

    def end(self) -> Iterator[tuple[int, str]]:
        if self.buffer or self.offset == 0:
            yield self.offset, self.buffer
        self.buffer = ""


def split_text(text: str, limit: int = PIECE_CHARS) -> Iterator[tuple[int, str]]:
    """``(offset, piece)`` of a text cut into pieces of at most ``limit`` characters (one piece, the
    whole text, when it is no longer)."""
    if len(text) <= limit:
        yield 0, text
        return
    pieces = _Pieces(limit)
    yield from pieces.feed(text)
    yield from pieces.end()


def _walk(directory: str, pattern: str) -> Iterator[tuple[str, str]]:
    """``(path, its real path)`` of the files under ``directory`` that match ``pattern``, as
    :func:`os.walk` finds them (hidden names left out, links to directories not followed), from one
    ``scandir`` a directory. The real path of a file that is no symbolic link is its directory's
    real path and its name: one ``realpath`` a directory, not one a file (a system call a path
    component), and no ``lstat`` either (the directory entry says what it is)."""
    try:
        with os.scandir(directory) as it:
            entries = list(it)
    except OSError:
        return
    real_root = None
    subdirs: list[os.DirEntry] = []
    for entry in entries:
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            if not entry.name.startswith("."):
                subdirs.append(entry)
            continue
        if entry.name.startswith(".") or not fnmatch.fnmatch(entry.name, pattern):
            continue
        path = os.path.join(directory, entry.name)
        if entry.is_symlink():
            yield path, os.path.realpath(path)
        else:
            if real_root is None:
                real_root = os.path.realpath(directory)
            yield path, os.path.join(real_root, entry.name)
    for entry in sorted(subdirs, key=lambda e: e.name):
        if not entry.is_symlink():
            yield from _walk(os.path.join(directory, entry.name), pattern)


def expand_paths(
    paths: Iterable[str], glob: str = DEFAULT_GLOB, on_problem: ProblemHandler = _raise
) -> list[str]:
    """Files named, plus the files under directories that match ``glob``; sorted, each once.

    ``-`` stands for stdin and is kept. Missing paths are reported and left out.
    """
    seen: set[str] = set()
    out: list[str] = []
    for p in paths:
        if p == STDIN:
            candidates: Iterable[tuple[str, str]] = [(STDIN, STDIN)]
        elif sources.is_source(p):  # a URL, an archive or one of its members
            try:
                found = sources.expand(p if sources.is_url(p) else os.path.normpath(p), glob)
            except InputError as e:
                on_problem(Problem(e.source, e.message))
                continue
            candidates = [(c, c) for c in found]
        else:
            if os.path.isdir(p):
                candidates = _walk(p, glob)
            elif os.path.exists(p):
                candidates = [(p, os.path.realpath(p))]
            else:
                on_problem(Problem(p, "no such file or directory"))
                continue
        for c, key in candidates:
            if key not in seen:
                seen.add(key)
                out.append(c)
    return sorted(out, key=_sort_key)


def _sort_key(path: str) -> str:
    if path == STDIN:
        return STDIN_NAME
    return path if sources.is_url(path) else os.path.normpath(path)


def read_document(path: str, encoding: str | None = None, stdin: object | None = None) -> Document:
    """Read and decode one file (or ``-`` for stdin) whole, as one document. Raises :class:`InputError`."""
    pieces = list(read_pieces(path, encoding, stdin, piece_chars=sys.maxsize))
    return pieces[0]


def read_pieces(
    path: str,
    encoding: str | None = None,
    stdin: object | None = None,
    *,
    on_guess: Callable[[str, str], None] | None = None,
    piece_chars: int = PIECE_CHARS,
    whole_bytes: int = WHOLE_BYTES,
    chunk_bytes: int = CHUNK_BYTES,
) -> Iterator[Document]:
    """The document of one file (or ``-``): one :class:`Document`, or its pieces when the text is
    longer than ``piece_chars``. A file larger than ``whole_bytes`` (stdin or a pipe: spooled to a
    temporary file first) is decoded twice, a chunk at a time: once to check it all decodes, so that
    a bad byte at the end still rejects the file before any piece is given, then for the pieces.
    So memory stays a few chunks and pieces, whatever the file's size. ``on_guess(source, codec)``
    hears the guess of ``--encoding auto``. Raises :class:`InputError`."""
    if path != STDIN and not (sources.is_url(path) or sources.split_member(path)):
        opened = _open_file(path)
        small = _small_file(*opened, whole_bytes)
        if small is not None:  # the usual case, read and closed without the machinery below
            yield from _whole_text(opened[0], small, encoding, on_guess, piece_chars)
            return
    else:
        opened = None
    with _open_input(path, stdin, whole_bytes, chunk_bytes, opened) as (source, data, fh):
        if data is not None:
            yield from _whole_text(source, data, encoding, on_guess, piece_chars)
            return
        plan = _streaming_plan(fh, source, encoding, on_guess, chunk_bytes)
        pieces = _Pieces(piece_chars)
        part = 0
        try:
            for chunk in _decoded_chunks(fh, plan, source, chunk_bytes, check_nul=False):
                for offset, piece in pieces.feed(chunk):
                    yield Document(source, piece, offset, part)
                    part += 1
            for offset, piece in pieces.end():
                yield Document(source, piece, offset, part)
        except OSError as e:
            raise InputError(source, e.strerror or str(e)) from None


def _streaming_plan(
    fh: IO[bytes],
    source: str,
    encoding: str | None,
    on_guess: Callable[[str, str], None] | None,
    chunk_bytes: int,
) -> _Plan:
    """The plan of a large file, checked by decoding it all once (the text is not kept)."""
    fh.seek(0)
    head = fh.read(chunk_bytes)
    plan = _plan(head[:4], encoding)
    check_nul = not plan.explicit and plan.skip == 0 and plan.codec == "utf-8"
    guessed = None
    try:
        for _ in _decoded_chunks(fh, plan, source, chunk_bytes, check_nul):
            pass
    except InputError:
        if encoding != encodings.AUTO or plan.codec != "utf-8":
            raise
        guessed = encodings.utf16_without_bom(head) if b"\x00" in head else encodings.guess_legacy(head)
        if guessed is None:
            raise
        plan = _Plan(guessed, 0, guessed, True)
        for _ in _decoded_chunks(fh, plan, source, chunk_bytes, check_nul=False):
            pass
    if guessed is not None and on_guess is not None:
        on_guess(source, guessed)
    return plan


def _whole_text(
    source: str,
    data: bytes,
    encoding: str | None,
    on_guess: Callable[[str, str], None] | None,
    piece_chars: int,
) -> Iterator[Document]:
    text, guessed = _decode(data, source, encoding)
    if guessed is not None and on_guess is not None:
        on_guess(source, guessed)
    del data
    for part, (offset, piece) in enumerate(split_text(text, piece_chars)):
        yield Document(source, piece, offset, part)


def _open_file(path: str) -> tuple[str, IO[bytes]]:
    """``(name for messages, the file open for reading)``. Raises :class:`InputError`."""
    display = os.path.normpath(path)
    try:
        return display, open(path, "rb")  # noqa: SIM115 (closed by the caller)
    except FileNotFoundError:
        raise InputError(display, "no such file or directory") from None
    except IsADirectoryError:
        raise InputError(display, "is a directory") from None
    except PermissionError:
        raise InputError(display, "permission denied") from None
    except OSError as e:
        raise InputError(display, e.strerror or str(e)) from None


def _small_file(display: str, fh: IO[bytes], whole_bytes: int) -> bytes | None:
    """All the bytes of a regular file of at most ``whole_bytes``, the file then closed; None (the
    file left open) for a larger file, a FIFO or a device."""
    try:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode) or st.st_size > whole_bytes:
            return None
        data = _read(fh, display)
    except BaseException:
        fh.close()
        raise
    fh.close()
    return data


@contextlib.contextmanager
def _open_input(
    path: str,
    stdin: object | None,
    whole_bytes: int,
    chunk_bytes: int,
    opened: tuple[str, IO[bytes]] | None = None,
) -> Iterator[tuple[str, bytes | None, IO[bytes] | None]]:
    """``(name for messages, all the bytes or None, a seekable binary file or None)``: the bytes of
    a small input, or a file to stream a large one from (stdin and pipes spooled to a temporary
    file). ``opened``: the file, already open (see :func:`_open_file`)."""
    if path == STDIN:
        stream = stdin if stdin is not None else sys.stdin
        if stream is None:
            raise InputError(STDIN_NAME, "standard input is closed")
        raw = getattr(stream, "buffer", None)
        if raw is None:  # a text stream (tests): read it whole
            data = stream.read()  # type: ignore[attr-defined]
            yield STDIN_NAME, data.encode("utf-8") if isinstance(data, str) else data, None
            return
        with _spooled(raw, STDIN_NAME, whole_bytes, chunk_bytes) as (data, fh):
            yield STDIN_NAME, data, fh
        return
    if sources.is_url(path) or sources.split_member(path):  # read as a pipe is (size unknown)
        with sources.open_source(path) as raw, _spooled(raw, path, whole_bytes, chunk_bytes) as (data, fh):
            yield path, data, fh
        return
    display, fh = opened if opened is not None else _open_file(path)
    try:
        st = os.fstat(fh.fileno())
        if stat.S_ISREG(st.st_mode) and st.st_size > whole_bytes:
            yield display, None, fh
        elif stat.S_ISREG(st.st_mode):
            yield display, _read(fh, display), None
        else:  # a FIFO, a device: its size is not known beforehand
            with _spooled(fh, display, whole_bytes, chunk_bytes) as (data, spool):
                yield display, data, spool
    finally:
        fh.close()


def _read(fh: IO[bytes], source: str, size: int = -1) -> bytes:
    try:
        return fh.read(size)
    except IsADirectoryError:
        raise InputError(source, "is a directory") from None
    except OSError as e:
        raise InputError(source, e.strerror or str(e)) from None


@contextlib.contextmanager
def _spooled(
    raw: IO[bytes], source: str, whole_bytes: int, chunk_bytes: int
) -> Iterator[tuple[bytes | None, IO[bytes] | None]]:
    """A stream of unknown length: its bytes when it ends within ``whole_bytes``, else a temporary
    file holding all of it."""
    head = bytearray()
    while len(head) <= whole_bytes:
        data = _read(raw, source, chunk_bytes)
        if not data:
            yield bytes(head), None
            return
        head += data
    import tempfile  # (here: only a long stream needs it, and it costs start-up a few ms)

    with tempfile.TemporaryFile(prefix="vnpress-") as spool:
        spool.write(head)
        del head
        while True:
            data = _read(raw, source, chunk_bytes)
            if not data:
                break
            spool.write(data)
        yield None, spool


def read_corpus(
    paths: Iterable[str],
    *,
    glob: str = DEFAULT_GLOB,
    encoding: str | None = None,
    on_problem: ProblemHandler = _raise,
    stdin: object | None = None,
    piece_chars: int = PIECE_CHARS,
    expand: bool = True,
) -> Iterator[Document]:
    """Yield the documents of ``paths`` one at a time, in sorted order (a long text in pieces, see
    :class:`Document`). ``expand=False``: ``paths`` are what :func:`expand_paths` gave, read as they
    are, in their order.

    Unreadable inputs are reported to ``on_problem`` (binary files as warnings) and skipped; so is
    the guess of ``--encoding auto``, as a warning.
    """

    def guessed(source: str, codec: str) -> None:
        on_problem(Problem(source, f"not UTF-8: read as {codec} (the guess of --encoding auto)", "warning"))

    try:
        for path in expand_paths(paths, glob, on_problem) if expand else paths:
            try:
                yield from read_pieces(path, encoding, stdin, on_guess=guessed, piece_chars=piece_chars)
            except InputError as e:
                severity = "warning" if isinstance(e, BinaryFileError) else "error"
                on_problem(Problem(e.source, e.message, severity))
    finally:
        sources.close_archives()


def by_document(items: Iterable[tuple[Document, T]]) -> Iterator[Iterator[tuple[Document, T]]]:
    """``(piece, value)`` items (in input order, as the pipeline gives them) grouped by document:
    one group for each file, of its one document or all its pieces. Each group is an iterator, to be
    used up before the next (as :func:`itertools.groupby`'s), so that nothing is held."""
    number = -1

    def document(item: tuple[Document, T]) -> int:
        nonlocal number
        if item[0].part == 0:
            number += 1
        return number

    for _, group in itertools.groupby(items, document):
        yield group


def sample_corpus_dir() -> str:
    """The bundled sample articles: ``vnpress/seeds`` in an installed wheel, ``seeds/`` in a checkout."""
    here = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))  # the vnpress package
    for candidate in (os.path.join(here, "seeds"), os.path.join(os.path.dirname(here), "seeds")):
        if os.path.isdir(candidate):
            return candidate
    raise UsageError("no input given and the bundled sample corpus is missing from this installation")


def sample_corpus_paths() -> list[str]:
    """The sample articles, named ``seeds/<file>`` wherever they are installed."""
    directory = sample_corpus_dir()
    return sorted(os.path.join(directory, f) for f in os.listdir(directory) if f.endswith(".txt"))


def display_sample_path(path: str) -> str:
    return os.path.join("seeds", os.path.basename(path))
