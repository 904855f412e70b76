"""What counts as a word: token kinds, Vietnamese syllables, tokens of segmented words."""

import unicodedata
from types import SimpleNamespace

import pytest

from vnpress.text.segment import segment
from vnpress.text.words import (
    classify,
    document_tokens,
    is_abbreviation,
    is_vietnamese_syllable,
)


@pytest.mark.parametrize(
    "text, kind",
    [
        ("công tác", "word"),
        ("Chính uỷ", "word"),
        ("NGUYỄN BẰNG", "word"),
        ("lực lượng vũ trang", "word"),
        ("LLVT", "word"),
        ("CTĐ", "word"),
        ("QK3", "word"),
        ("T.Ư", "word"),
        ("TP.HCM", "word"),
        ("Covid-19", "word"),
        ("B40", "word"),
        ("AK-47", "word"),
        ("MiG-21", "word"),
        ("Su-30MK2", "word"),
        ("online", "word"),
        ("Internet", "word"),
        ("B", "word"),
        ("Lê Tuấn Hiền-Phó", "word"),
        (",", "punct"),
        ("…", "punct"),
        ("|", "punct"),
        ("“", "punct"),
        ("2020", "number"),
        ("12,5", "number"),
        ("1.200", "number"),
        ("70%", "number"),
        ("XIV", "number"),
        ("VIII", "number"),
        ("14/11/2020", "date"),
        ("06-4", "date"),
        ("13/11", "date"),
        ("2018-2020", "date"),
        ("13:02", "date"),
        ("7h30", "date"),
        ("0985.456.616", "phone"),
        ("0985 456 616", "phone"),
        ("+84 24 3823 4567", "phone"),
        ("https://www.qdnd.vn/chinh-tri/tin-tuc/bai-123.html", "url"),
        ("www.qdnd.vn", "url"),
        ("Thanhuytphcm.vn", "url"),
        ("toasoan@qdnd.vn", "email"),
        ("05-NQ/TW", "code"),
        ("01/CT-TTg", "code"),
        ("123/2020/NĐ-CP", "code"),
        ("cctvnnnbnnvakknfjcn11", "junk"),
        ("cctvnnnbnnvakknfjcn", "junk"),
        ("nn22t12", "junk"),
        ("74nn22t12", "junk"),
        ("xkcdqwrt", "junk"),
        ("vềCTĐ", "junk"),  # a missing space: Vietnamese marks outside a Vietnamese syllable
    ],
)
def test_kinds(text, kind):
    assert classify(text) == kind


@pytest.mark.parametrize(
    "syllable", ["quốc", "nghiêng", "khuỷu", "giữa", "quý", "thuở", "NGUYỄN", "uỷ", "oà", "khuya"]
)
def test_vietnamese_syllables(syllable):
    assert is_vietnamese_syllable(syllable)


@pytest.mark.parametrize("syllable", ["cctv", "nn", "home", "refresh", "bnnv", "tphcm", "str"])
def test_not_vietnamese_syllables(syllable):
    assert not is_vietnamese_syllable(syllable)


def test_abbreviations_are_capitals_with_maybe_digits_dots_or_one_final_small_letter():
    assert all(is_abbreviation(a) for a in ["LLVT", "CTĐ", "QK3", "T.Ư", "TTg", "QĐND", "5G"])
    assert not any(is_abbreviation(a) for a in ["Llvt", "L", "llvt", "Quân", "12345G", "CT-"])


def _words(text, pieces):
    """Word-like objects for ``pieces`` found in turn in ``text`` (what the segmenter would give)."""
    out, pos = [], 0
    for piece in pieces:
        a = text.index(piece, pos)
        pos = a + len(piece)
        out.append(SimpleNamespace(start=a, end=pos, text=piece, norm=unicodedata.normalize("NFC", piece)))
    return out


def test_tokens_of_segmented_words_have_kinds_and_lines():
    text = "Ảnh: Kim Hồng |\n74nn22t12\n\nHome Tin tức"
    tokens = document_tokens(text, segment(text))
    assert [(t.text, t.kind, t.line) for t in tokens] == [
        ("Ảnh", "word", 0),
        (":", "punct", 0),
        ("Kim Hồng", "word", 0),
        ("|", "punct", 0),
        ("74", "number", 1),
        ("nn22t12", "junk", 1),
        ("Home", "word", 3),
        ("Tin tức", "word", 3),
    ]
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_document_codes_are_found_on_the_text_though_the_segmenter_splits_them():
    text = "Nghị quyết 05-NQ/TW và Chỉ thị 01/CT-TTg"
    pieces = ["Nghị quyết", "05", "-", "NQ", "/", "TW", "và", "Chỉ thị", "01", "/", "CT-TTg"]
    tokens = document_tokens(text, _words(text, pieces))
    assert [(t.text, t.kind) for t in tokens] == [
        ("Nghị quyết", "word"),
        ("05", "code"),
        ("-", "code"),
        ("NQ", "code"),
        ("/", "code"),
        ("TW", "code"),
        ("và", "word"),
        ("Chỉ thị", "word"),
        ("01", "code"),
        ("/", "code"),
        ("CT-TTg", "code"),
    ]


def test_the_normal_form_of_a_token_has_one_tone_placement_and_single_spaces():
    text = "Chính  uỷ |"
    tokens = document_tokens(text, segment(text))
    assert [(t.text, t.norm) for t in tokens] == [("Chính  uỷ", "Chính ủy"), ("|", "|")]
