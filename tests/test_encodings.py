"""The legacy Vietnamese encodings (TCVN3, VNI), the guess of --encoding auto, and UTF-16 sniffing."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest

from vnpress.data import bundled_tsv
from vnpress.io import encodings

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ROWS = bundled_tsv("legacy_encodings.tsv", ["encoding", "letter", "bytes"], required=3)
TONES = "\u0300\u0301\u0303\u0309\u0323"


@pytest.fixture(autouse=True)
def registered():
    encodings.register()


def test_the_table_has_every_vietnamese_letter_once():
    vni = [r["letter"] for r in ROWS if r["encoding"] == "vni"]
    tcvn3 = [r["letter"] for r in ROWS if r["encoding"] == "tcvn3"]
    assert len(vni) == len(set(vni)) == 134  # 67 letters with a diacritic, đ included, in both cases
    assert len(tcvn3) == len(set(tcvn3)) == 67 + 7  # lower case, and Ă Â Đ Ê Ô Ơ Ư
    assert {c.lower() for c in vni} == {c.lower() for c in tcvn3}
    assert all(unicodedata.is_normalized("NFC", c) for c in vni + tcvn3)


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"{r['encoding']}-{r['letter']}")
def test_each_letter_round_trips_in_a_word(row):
    word = f"x{row['letter']}n "
    data = word.encode(row["encoding"])
    assert bytes.fromhex(row["bytes"]) in data
    assert data.decode(row["encoding"]) == word


def _seed(name: str = "002_6ec6fc76c90fec45.txt") -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


def _cp1258(text: str) -> bytes:
    """Windows-1258 writes the tone as a combining mark after the letter."""
    out = []
    for ch in text:
        d = unicodedata.normalize("NFD", ch)
        out.append(unicodedata.normalize("NFC", "".join(c for c in d if c not in TONES)))
        out.append("".join(c for c in d if c in TONES))
    return "".join(out).encode("cp1258")


def _tcvn3(text: str) -> bytes:
    return "".join(c if c.lower() == c or c in "ĂÂĐÊÔƠƯ" or c.isascii() else c.lower() for c in text).encode(
        "tcvn3"
    )


@pytest.mark.parametrize("codec", ["vni", "tcvn3"])
def test_a_whole_article_round_trips_and_decodes_the_same_in_any_chunks(codec):
    text = _seed() if codec == "vni" else _tcvn3(_seed()).decode("tcvn3")
    data = text.encode(codec)
    assert data.decode(codec) == text
    for size in (1, 2, 7, 4096):
        decoder = codecs.getincrementaldecoder(codec)()
        pieces = [decoder.decode(data[i : i + size]) for i in range(0, len(data), size)]
        assert "".join(pieces) + decoder.decode(b"", final=True) == text


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_auto_guesses_each_legacy_encoding_of_each_seed(name):
    text = _seed(name)
    assert encodings.guess_legacy(text.encode("vni")) == "vni"
    assert encodings.guess_legacy(_tcvn3(text)) == "tcvn3"
    assert encodings.guess_legacy(_cp1258(text)) == "cp1258"


def test_no_guess_for_text_that_is_not_vietnamese():
    assert encodings.guess_legacy(b"plain ascii words only, nothing else") is None
    assert encodings.guess_legacy(bytes(range(128, 256)) * 4) is None


def test_utf16_without_bom_is_recognised_and_binary_is_not():
    text = _seed()
    assert encodings.utf16_without_bom(text.encode("utf-16-le")) == "utf-16-le"
    assert encodings.utf16_without_bom(text.encode("utf-16-be")) == "utf-16-be"
    assert encodings.utf16_without_bom(b"\x00\x01binary") is None
    assert encodings.utf16_without_bom(bytes(range(256)) * 8) is None
