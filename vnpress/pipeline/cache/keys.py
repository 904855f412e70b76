"""What the cache stores and under which keys: versions, digests, and compact encodings.

Segmentation is keyed by the normalised text and the :class:`Versions` it depends on; analyses
(``map_segmented``, ``map_documents(cached=True)``) by the original text, the function and every
argument bound to it (:func:`analysis_prefix`: derived from the call, never written by hand), and a
digest of all of vnpress's code and data. Spans are zlib'd little-endian uint32 gaps and
lengths (a few bytes a word); analyses are zlib'd pickles.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import operator
import pickle
import sys
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

Span = tuple[int, int]


def _dist_version(name: str) -> str:
    """An installed distribution's version, from its .dist-info directory name when that can be found
    next to the package without importing it (importlib.metadata costs ~50 ms at start-up)."""
    from importlib.machinery import PathFinder  # (lighter than importlib.util; else metadata below)

    try:
        spec = PathFinder.find_spec(name)
    except (ImportError, ValueError):
        spec = None
    if spec is not None and spec.origin:
        import os

        site = os.path.dirname(os.path.dirname(os.path.realpath(spec.origin)))
        try:
            names = os.listdir(site)
        except OSError:
            names = []
        found = [n for n in names if n.startswith(f"{name}-") and n.endswith(".dist-info")]
        if len(found) == 1:
            return found[0][len(name) + 1 : -len(".dist-info")]
    try:
        from importlib.metadata import PackageNotFoundError, version

        return version(name)
    except PackageNotFoundError:
        return "none"


@dataclass(frozen=True)
class Versions:
    """Everything a cached segmentation depends on besides the text itself."""

    vnpress: str
    underthesea: str
    segmenter: str  # digest of the segmenter engine's name, segment.py, crf.py and protected_words.txt

    @property
    def fingerprint(self) -> str:
        return f"vnpress {self.vnpress}; underthesea {self.underthesea}; segmenter {self.segmenter}"


@functools.lru_cache(maxsize=4)
def current_versions(engine: str = "fast") -> Versions:
    """The versions of a segmentation by ``engine`` (``fast`` or ``underthesea``): the two engines give
    the same words, but each has its own cache entries."""
    from vnpress import __version__
    from vnpress.data import data_path

    text = Path(__file__).resolve().parents[2] / "text"
    h = hashlib.blake2b(engine.encode(), digest_size=8)
    for path in (text / "segment.py", text / "crf.py", data_path("protected_words.txt")):
        h.update(path.read_bytes())
    underthesea = f"{_dist_version('underthesea')} (core {_dist_version('underthesea_core')})"
    return Versions(__version__, underthesea, h.hexdigest())


def text_key(text: str) -> bytes:
    """The cache key of a normalised text: 128 bits of BLAKE2b."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def pack_spans(spans: Iterable[Span]) -> bytes:
    """Sorted, non-overlapping spans as zlib'd little-endian uint32 gaps and lengths."""
    flat = array("I", itertools.chain.from_iterable(spans))
    out = array("I", map(operator.sub, flat, itertools.chain((0,), flat)))
    if sys.byteorder == "big":
        out.byteswap()
    return zlib.compress(out.tobytes(), 1)


def unpack_positions(blob: bytes) -> Iterable[int]:
    """``start, end, start, end, …`` of packed spans (pair them with ``zip(it, it)``)."""
    values = array("I")
    values.frombytes(zlib.decompress(blob))
    if sys.byteorder == "big":
        values.byteswap()
    return itertools.accumulate(values)


def iter_spans(blob: bytes) -> Iterator[Span]:
    """The spans of :func:`pack_spans`, one at a time."""
    it = iter(unpack_positions(blob))
    return zip(it, it, strict=False)


def unpack_spans(blob: bytes) -> list[Span]:
    return list(iter_spans(blob))


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of vnpress's own code and data files: cached analyses (unlike segmentation, which
    depends on little) are only reused by exactly the code that made them."""
    import os

    root = str(Path(__file__).resolve().parents[2])  # the vnpress package
    found: list[tuple[tuple[str, ...], str]] = []
    for directory, dirs, files in os.walk(root):
        parts = tuple(os.path.relpath(directory, root).split(os.sep)) if directory != root else ()
        if "seeds" in parts:
            dirs[:] = []
            continue
        found.extend(
            ((*parts, f), os.path.join(directory, f))
            for f in files
            if os.path.splitext(f)[1] in (".py", ".tsv", ".txt", ".jsonl")
        )
    h = hashlib.blake2b(digest_size=16)
    for parts, path in sorted(found):
        h.update("/".join(parts).encode())
        with open(path, "rb") as fh:
            h.update(fh.read())
    return h.hexdigest()


class UserFiles(tuple):
    """Paths of the user's files (``--gazetteer``, ``--dict`` …) as an argument of a cached analysis:
    a tuple of paths to the function, keyed by the files' contents, so that an edited file is a new
    key. A missing or unreadable file raises :class:`~vnpress.errors.DataFileError`."""

    __slots__ = ()

    def cache_key(self) -> str:
        from vnpress.data import read_user_text

        h = hashlib.blake2b(digest_size=16)
        for path in self:
            h.update(read_user_text(path).encode("utf-8", "surrogatepass") + b"\0")
        return h.hexdigest()


def argument_key(value: object) -> str:
    """A stable text naming an argument's value: the same in every process and run, different for
    every value that could change a result. Scalars, strings, bytes, tuples, lists, sets and dicts of
    them, enums, module-level functions, and objects with a ``cache_key()`` method (:class:`UserFiles`);
    anything else is a ``TypeError``: an argument the cache cannot name must not be cached."""
    if value is None or isinstance(value, (bool, int, float, str, bytes)):
        return f"{type(value).__name__}:{value!r}"
    keyed = getattr(value, "cache_key", None)
    if callable(keyed):
        return f"{_qualified(type(value))}:{keyed()}"
    if isinstance(value, Enum):
        return f"{_qualified(type(value))}.{value.name}"
    if isinstance(value, (tuple, list)):
        return f"{type(value).__name__}({','.join(map(argument_key, value))})"
    if isinstance(value, (set, frozenset)):
        return f"set({','.join(sorted(map(argument_key, value)))})"
    if isinstance(value, dict):
        items = sorted(f"{argument_key(k)}={argument_key(v)}" for k, v in value.items())
        return f"dict({','.join(items)})"
    if callable(value) and hasattr(value, "__qualname__") and "<" not in value.__qualname__:
        return f"function:{_qualified(value)}"
    raise TypeError(f"a cached analysis cannot be keyed by a {type(value).__qualname__} argument")


def _qualified(obj: object) -> str:
    return f"{getattr(obj, '__module__', '?')}.{getattr(obj, '__qualname__', repr(obj))}"


def analysis_prefix(func: Callable, context: str = "") -> bytes:
    """What a cached analysis depends on besides the text: the function, every argument bound to it
    (a ``functools.partial``'s arguments, by parameter name, with the function's defaults for the
    others), and vnpress's code and data. Nothing is named by hand, so no option can be forgotten.
    ``context``: what the pipeline adds that is no argument of the function (the segmenter engine)."""
    import inspect

    target = func
    args: tuple = ()
    keywords: dict[str, object] = {}
    if isinstance(func, functools.partial):
        target, args, keywords = func.func, func.args, func.keywords
    bound = inspect.signature(target).bind_partial(*args, **keywords)
    bound.apply_defaults()
    arguments = ";".join(f"{name}={argument_key(v)}" for name, v in bound.arguments.items())
    digest = hashlib.blake2b(arguments.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    return f"{_qualified(target)}\0{digest}\0{context}\0{code_digest()}".encode()


def result_key(prefix: bytes, text: str) -> bytes:
    """The key of an analysis of ``text`` (the original text: no need to normalise on a hit)."""
    h = hashlib.blake2b(prefix, digest_size=16)
    h.update(b"\0")
    h.update(text.encode("utf-8", "surrogatepass"))
    return h.digest()


def dump_result(value: object) -> bytes:
    return zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 1)


def load_result(blob: bytes) -> object:
    return pickle.loads(zlib.decompress(blob))
