import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from vnpress.text.normalise import (
    fold,
    normalise,
    normalise_tones,
    normalise_word,
    strip_diacritics,
    strip_tones,
)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("uỷ", "ủy"),
        ("Uỷ ban", "Ủy ban"),
        ("Đảng uỷ", "Đảng ủy"),
        ("Chính uỷ", "Chính ủy"),
        ("THUỶ", "THỦY"),
        ("hoà bình", "hòa bình"),
        ("khoẻ", "khỏe"),
        ("tuỳ", "tùy"),
        ("nguỵ", "ngụy"),
        ("Hoà", "Hòa"),
    ],
)
def test_old_tone_placement_becomes_the_one_form(old, new):
    assert normalise_tones(old) == new
    assert normalise_tones(new) == new


@pytest.mark.parametrize(
    "word",
    ["quý", "Quỳnh", "hoàng", "huỳnh", "toàn", "khuyết", "thuở", "Huế", "quà", "uy tín", "hoa"],
)
def test_words_with_one_correct_placement_are_left_alone(word):
    assert normalise_tones(word) == word


def test_fold_makes_spellings_and_cases_equal():
    assert fold("Đảng uỷ") == fold("đảng ủy") == "đảng ủy"
    assert fold("HOÀ") == fold("hòa")


def test_normalise_word_composes_decomposed_text():
    nfd = unicodedata.normalize("NFD", "Chính uỷ")
    assert normalise_word(nfd) == "Chính ủy"


def test_strip_tones_keeps_vowel_shapes_and_strip_diacritics_keeps_d_bar():
    assert strip_tones("Đảng ủy Quân đội") == "Đang uy Quân đôi"
    assert strip_diacritics("Ủy ban Đảng") == "Uy ban Đang"


def test_offsets_of_nfc_text_are_identity():
    text = "Đảng uỷ Quân khu 7"
    norm = normalise(text)
    assert norm.text == "Đảng ủy Quân khu 7"
    assert norm.span(0, 7) == (0, 7)
    assert len(norm.text) == len(text)


def test_offsets_of_decomposed_text_point_at_the_original_characters():
    text = unicodedata.normalize("NFD", "Chính uỷ Lê Văn A")
    norm = normalise(text)
    assert norm.text == "Chính ủy Lê Văn A"
    i = norm.text.index("ủy")
    start, end = norm.span(i, i + 2)
    assert unicodedata.normalize("NFC", text[start:end]) == "uỷ"
    j = norm.text.index("Lê")
    start, end = norm.span(j, len(norm.text))
    assert text[start:end] == unicodedata.normalize("NFD", "Lê Văn A")


@settings(max_examples=300, deadline=None)
@given(st.text())
@example("UỲ")
def test_every_normalised_span_maps_back_into_the_original(text):
    norm = normalise(text)
    n = len(norm.text)
    previous_end = 0
    for i in range(n):
        start, end = norm.span(i, i + 1)
        assert 0 <= start < end <= len(text)
        assert start >= previous_end or (start, end) == norm.span(i - 1, i)
        previous_end = end
    if n:
        assert norm.span(0, n) == (norm.span(0, 1)[0], len(text))
        # what a span maps to, normalised again, contains the normalised characters it came from
        # (up to the tone mark, which moves between the vowels of "uỳ"/"ùy" with the syllable around it)
        for a in range(0, n, max(1, n // 7)):
            b = min(n, a + 3)
            start, end = norm.span(a, b)
            assert strip_tones(norm.text[a:b]) in strip_tones(normalise(text[start:end]).text)


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list("aouyAOUYqhkt đĐ") + ["à", "ả", "ỷ", "ý", "ỳ", "é", "ẹ", "\u0301", "\u0309"]
        )
    )
)
def test_tone_normalisation_is_idempotent_and_length_preserving(text):
    nfc = unicodedata.normalize("NFC", text)
    once = normalise_tones(nfc)
    assert len(once) == len(nfc)
    assert normalise_tones(once) == once
    assert strip_tones(once) == strip_tones(nfc)


_TONE_ALPHABET = "qQuUoOhHtTnNgGyYaAeE 2_-\n²áàảãạÁéèẻẽẹýỳỷỹỵÝươ"


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=_TONE_ALPHABET, max_size=14))
@example("quý hoà 2hoà _hoà uỷ²uỷ qUỳ thuỷ")
def test_tone_placement_is_the_plain_regular_expression_substitution(text):
    # normalise_tones tries the pattern only where a candidate is; it must find what a plain
    # substitution over the whole text finds (lookbehind, "qu-", digits and "_" included).
    from vnpress.text.normalise import _TONE_RX, _move_tone

    assert normalise_tones(text) == _TONE_RX.sub(_move_tone, text)
