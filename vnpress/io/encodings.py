"""Encodings beyond Python's own: the legacy Vietnamese TCVN3 and VNI, a guess for ``--encoding auto``,
and the sniffing of UTF-16 written without a byte-order mark.

The two legacy encodings are registered as Python codecs (``codecs.lookup("tcvn3")``) from
``data/legacy_encodings.tsv`` the first time one is looked up. TCVN3 is one byte a letter (a charmap
codec); VNI writes most letters as a base letter and a mark byte, so its decoder joins pairs, and its
incremental decoder holds a trailing base letter back until the next chunk shows whether a mark follows.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import cache

LEGACY = ("tcvn3", "vni")
AUTO = "auto"
_ALIASES = {"tcvn3": "tcvn3", "tcvn_3": "tcvn3", "abc": "tcvn3", "vni": "vni", "vni_windows": "vni"}
_UNDEFINED_CP1252 = (0x81, 0x8D, 0x8F, 0x90, 0x9D)  # read as the Latin-1 control characters


def _cp1252_table() -> list[str]:
    table = [bytes([b]).decode("latin-1") for b in range(256)]
    for b in range(0x80, 0xA0):
        if b not in _UNDEFINED_CP1252:
            table[b] = bytes([b]).decode("cp1252")
    return table


@cache
def _letters() -> dict[str, dict[str, bytes]]:
    """``{encoding: {letter: bytes}}`` from the data file."""
    from vnpress.data import bundled_tsv

    out: dict[str, dict[str, bytes]] = {name: {} for name in LEGACY}
    for row in bundled_tsv("legacy_encodings.tsv", ["encoding", "letter", "bytes"], required=3):
        out[row["encoding"]][row["letter"]] = bytes(int(h, 16) for h in row["bytes"].split())
    return out


# -- TCVN3: a charmap ---------------------------------------------------------------------------------
@cache
def _tcvn3_tables() -> tuple[str, dict[int, int]]:
    """The decoding table and the encoding map. A byte TCVN3 leaves unassigned keeps its Windows-1252
    character for reading (0xE0 "à"), but a letter is always written with its TCVN3 byte (0xB5)."""
    table = _cp1252_table()
    letters = _letters()["tcvn3"]
    for letter, code in letters.items():
        table[code[0]] = letter
    encoding = {ord(ch): b for b, ch in reversed(list(enumerate(table)))}
    encoding.update({ord(letter): code[0] for letter, code in letters.items()})
    return "".join(table), encoding


def _tcvn3_decode(data: bytes, errors: str = "strict") -> tuple[str, int]:
    return codecs.charmap_decode(data, errors, _tcvn3_tables()[0])


def _tcvn3_encode(text: str, errors: str = "strict") -> tuple[bytes, int]:
    return codecs.charmap_encode(unicodedata.normalize("NFC", text), errors, _tcvn3_tables()[1])


# -- VNI: pairs -------------------------------------------------------------------------------------
@cache
def _vni_tables() -> tuple[str, dict[str, str], re.Pattern[str], dict[str, bytes], frozenset[str]]:
    """The byte table (Windows-1252), the decoded sequences (as 1252 text) → letters, a pattern
    matching them longest first, the letters → bytes, and the characters a pair may start with."""
    letters = _letters()["vni"]
    chars = _cp1252_table()
    table = "".join(chars)
    sequences = {"".join(chars[b] for b in code): letter for letter, code in letters.items()}
    pattern = re.compile("|".join(re.escape(s) for s in sorted(sequences, key=len, reverse=True)))
    starts = frozenset(s[0] for s in sequences if len(s) > 1)
    return table, sequences, pattern, letters, starts


def _vni_text(data: bytes, errors: str) -> str:
    table = _vni_tables()[0]
    return codecs.charmap_decode(data, errors, table)[0]


def _vni_join(text: str) -> str:
    _, sequences, pattern, _, _ = _vni_tables()
    return pattern.sub(lambda m: sequences[m.group(0)], text)


def _vni_decode(data: bytes, errors: str = "strict") -> tuple[str, int]:
    return _vni_join(_vni_text(bytes(data), errors)), len(data)


def _vni_encode(text: str, errors: str = "strict") -> tuple[bytes, int]:
    letters = _vni_tables()[3]
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        code = letters.get(ch)
        if code is not None:
            out += code
        else:
            out += ch.encode("cp1252", errors)
    return bytes(out), len(text)


class _VniIncrementalDecoder(codecs.IncrementalDecoder):
    def __init__(self, errors: str = "strict"):
        super().__init__(errors)
        self.pending = b""

    def decode(self, data: bytes, final: bool = False) -> str:  # type: ignore[override]
        data = self.pending + bytes(data)
        self.pending = b""
        if not final and data:
            starts = _vni_tables()[4]
            last = _vni_text(data[-1:], "replace")
            if last in starts:  # a base letter: its mark may be in the next chunk
                data, self.pending = data[:-1], data[-1:]
        return _vni_decode(data, self.errors)[0]

    def reset(self) -> None:
        self.pending = b""

    def getstate(self) -> tuple[bytes, int]:
        return self.pending, 0

    def setstate(self, state: tuple[bytes, int]) -> None:
        self.pending = state[0]


class _VniIncrementalEncoder(codecs.IncrementalEncoder):
    def encode(self, text: str, final: bool = False) -> bytes:  # type: ignore[override]
        return _vni_encode(text, self.errors)[0]


class _Tcvn3IncrementalDecoder(codecs.IncrementalDecoder):
    def decode(self, data: bytes, final: bool = False) -> str:  # type: ignore[override]
        return _tcvn3_decode(data, self.errors)[0]


class _Tcvn3IncrementalEncoder(codecs.IncrementalEncoder):
    def encode(self, text: str, final: bool = False) -> bytes:  # type: ignore[override]
        return _tcvn3_encode(text, self.errors)[0]


def _search(name: str) -> codecs.CodecInfo | None:
    key = _ALIASES.get(name.lower().replace("-", "_").replace(" ", "_"))
    if key == "tcvn3":
        return codecs.CodecInfo(
            _tcvn3_encode,
            _tcvn3_decode,
            name="tcvn3",
            incrementalencoder=_Tcvn3IncrementalEncoder,
            incrementaldecoder=_Tcvn3IncrementalDecoder,
        )
    if key == "vni":
        return codecs.CodecInfo(
            _vni_encode,
            _vni_decode,
            name="vni",
            incrementalencoder=_VniIncrementalEncoder,
            incrementaldecoder=_VniIncrementalDecoder,
        )
    return None


@cache
def register() -> None:
    """Make ``tcvn3`` and ``vni`` known to :func:`codecs.lookup` (once per process)."""
    codecs.register(_search)


# -- guessing -----------------------------------------------------------------------------------------
GUESSES = ("cp1258", "tcvn3", "vni")
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _common_syllables() -> frozenset[str]:
    """The syllables with a diacritic of the bundled stop words ("của", "được", "những" …): the
    commonest of the language, found in any article."""
    from vnpress.data import data_lines

    out = set()
    for line in data_lines("stopwords.txt"):
        for syllable in line.replace("_", " ").split():
            syllable = unicodedata.normalize("NFC", syllable.lower())
            if not syllable.isascii():
                out.add(syllable)
    return frozenset(out)


def score(text: str) -> int:
    """How many words of a decoded text are common Vietnamese syllables with a diacritic: a wrong
    reading of the bytes turns them into other letters or symbols."""
    common = _common_syllables()
    words = _WORD.findall(unicodedata.normalize("NFC", text).lower())
    return sum(1 for w in words if w in common)


def guess_legacy(sample: bytes) -> str | None:
    """The legacy encoding (cp1258, tcvn3 or vni) under which ``sample`` reads most like Vietnamese,
    or None when none reads like it (fewer than 3 common syllables, or a tie)."""
    register()
    scores = sorted(((score(sample.decode(name, errors="replace")), name) for name in GUESSES), reverse=True)
    (best, name), (second, _) = scores[0], scores[1]
    if best < 3 or best == second:
        return None
    return name


def utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when ``data`` looks like UTF-16 without a byte-order mark (most
    ASCII characters, spaces and line breaks included, leave a NUL byte on one side of each pair and
    almost none on the other), else None."""
    sample = data[: 1 << 16]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even = sample[0 : pairs * 2 : 2].count(0)
    odd = sample[1 : pairs * 2 : 2].count(0)
    for zeros, others, name in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros >= pairs * 0.3 and others <= pairs * 0.01:
            try:
                text = sample[: pairs * 2].decode(name)
            except UnicodeDecodeError:
                continue
            controls = sum(1 for c in text if not (c.isprintable() or c.isspace()))
            if controls <= len(text) * 0.01:
                return name
    return None
