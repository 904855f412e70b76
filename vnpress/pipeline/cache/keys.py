"""What the cache stores and under which keys: versions, digests, and compact encodings.

Segmentation is keyed by the normalised text and the :class:`Versions` it depends on; analyses
(``map_segmented``, ``map_documents(cache_key=…)``) by the original text, the function, its options
and a digest of all of vnpress's code and data. Spans are zlib'd little-endian uint32 gaps and
lengths (a few bytes a word); analyses are zlib'd pickles.
"""

from __future__ import annotations

import hashlib
import itertools
import operator
import pickle
import sys
import zlib
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

Span = tuple[int, int]


def _dist_version(name: str) -> str:
    """An installed distribution's version, from its .dist-info directory name when that can be found
    next to the package without importing it (importlib.metadata costs ~50 ms at start-up)."""
    import importlib.util

    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        spec = None
    if spec is not None and spec.origin:
        site = Path(spec.origin).resolve().parent.parent
        found = sorted(site.glob(f"{name}-*.dist-info"))
        if len(found) == 1:
            return found[0].name[len(name) + 1 : -len(".dist-info")]
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


@lru_cache(maxsize=4)
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


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of vnpress's own code and data files: cached analyses (unlike segmentation, which
    depends on little) are only reused by exactly the code that made them."""
    root = Path(__file__).resolve().parents[2]  # the vnpress package
    h = hashlib.blake2b(digest_size=16)
    for path in sorted(
        p for p in root.rglob("*") if p.is_file() and p.suffix in (".py", ".tsv", ".txt", ".jsonl")
    ):
        if "seeds" in path.relative_to(root).parts:
            continue
        h.update(str(path.relative_to(root)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def analysis_prefix(func: object, key: str) -> bytes:
    """What a cached analysis depends on besides the text: the function (for a ``functools.partial``,
    the function it wraps: its arguments must be named in ``key``), ``key``, and vnpress's code."""
    target = getattr(func, "func", func)
    name = f"{getattr(target, '__module__', '?')}.{getattr(target, '__qualname__', repr(target))}"
    return f"{name}\0{key}\0{code_digest()}".encode()


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
