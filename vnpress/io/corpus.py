"""From paths and stdin to :class:`Document` objects: expansion, ordering, decoding, per-file errors.

Every input problem is reported through a callback and the reading goes on, so that one bad file in a
directory of a thousand still gives results for the other 999.
"""

from __future__ import annotations

import codecs
import fnmatch
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from vnpress.errors import BinaryFileError, InputError, UsageError

STDIN = "-"
STDIN_NAME = "<stdin>"
DEFAULT_GLOB = "*.txt"


class Document(NamedTuple):
    """One article: where it came from (as the user named it) and its decoded, unmodified text.
    (This module's records are named tuples, not dataclasses: they are made at import time, and a
    dataclass costs ``vnpress --help`` about a millisecond each.)"""

    path: str
    text: str

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
    """Validate a codec name given with ``--encoding``."""
    if name is None:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise UsageError(f"unknown encoding {name!r} (try utf-8, utf-16, cp1258, latin-1)") from None


def decode(data: bytes, source: str, encoding: str | None = None) -> str:
    """Decode bytes: UTF-8 with or without BOM, UTF-16 with BOM, or the given encoding.

    Raises :class:`InputError` naming the source and the byte offset of the first bad byte.
    """
    if encoding:
        codec = encoding
        if codecs.lookup(encoding).name == "utf-8" and data.startswith(codecs.BOM_UTF8):
            codec = "utf-8-sig"
    elif data.startswith(codecs.BOM_UTF8):
        codec = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        codec = "utf-16"
    else:
        if b"\x00" in data:
            raise BinaryFileError(source, "binary file (contains NUL bytes), skipped")
        codec = "utf-8"
    try:
        return data.decode(codec)
    except UnicodeDecodeError as e:
        offset = e.start + (3 if codec == "utf-8-sig" else 0)
        hint = "" if encoding else "; use --encoding NAME for another encoding"
        raise InputError(source, f"cannot decode as {codec} at byte {offset}{hint}") from None


def _walk(directory: str, pattern: str) -> Iterator[str]:
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in files:
            if not f.startswith(".") and fnmatch.fnmatch(f, pattern):
                yield os.path.join(root, f)


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
            candidates = [STDIN]
        else:
            if os.path.isdir(p):
                candidates = list(_walk(p, glob))
            elif os.path.exists(p):
                candidates = [p]
            else:
                on_problem(Problem(p, "no such file or directory"))
                continue
        for c in candidates:
            key = STDIN if c == STDIN else os.path.realpath(c)
            if key not in seen:
                seen.add(key)
                out.append(c)
    return sorted(out, key=lambda c: STDIN_NAME if c == STDIN else os.path.normpath(c))


def read_document(path: str, encoding: str | None = None, stdin: object | None = None) -> Document:
    """Read and decode one file (or ``-`` for stdin). Raises :class:`InputError`."""
    if path == STDIN:
        stream = stdin if stdin is not None else sys.stdin
        raw = getattr(stream, "buffer", None)
        data = raw.read() if raw is not None else stream.read()  # type: ignore[attr-defined]
        if isinstance(data, str):
            data = data.encode("utf-8")
        return Document(STDIN_NAME, decode(data, STDIN_NAME, encoding))
    display = os.path.normpath(path)
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        raise InputError(display, "no such file or directory") from None
    except IsADirectoryError:
        raise InputError(display, "is a directory") from None
    except PermissionError:
        raise InputError(display, "permission denied") from None
    except OSError as e:
        raise InputError(display, e.strerror or str(e)) from None
    return Document(display, decode(data, display, encoding))


def read_corpus(
    paths: Iterable[str],
    *,
    glob: str = DEFAULT_GLOB,
    encoding: str | None = None,
    on_problem: ProblemHandler = _raise,
    stdin: object | None = None,
) -> Iterator[Document]:
    """Yield the documents of ``paths`` one at a time, in sorted order.

    Unreadable inputs are reported to ``on_problem`` (binary files as warnings) and skipped.
    """
    for path in expand_paths(paths, glob, on_problem):
        try:
            yield read_document(path, encoding, stdin)
        except InputError as e:
            on_problem(Problem(e.source, e.message, "warning" if isinstance(e, BinaryFileError) else "error"))


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
