"""Invariants on any input: no crash, offsets point at their text, output in text order."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from vnpress.entities import extract_entities

WORDS = [
    "Thiếu tướng", "Đại úy", "Chuẩn đô đốc", "Nguyễn", "Văn", "HÙNG", "Lê", "Bí thư", "Đảng uỷ", "Chính ủy",
    "Quân khu", "7", "QK3", "Bộ CHQS", "tỉnh", "Bến Tre", "(", ")", ",", ":", ";", "-", "\n", "Cục Chính trị",
    "Bộ Tổng Tham mưu", "nguyên", "Phó", "Tư lệnh", "kiêm", "Ảnh", "T.Ư", "TW", "Quân ủy", "Z111", "DK1/10",
    "Đồn Biên phòng", "Ba Lạt", "Nghị quyết", "số", "05-NQ/TW", "các đồng chí", "và", "PGS", "TS", "đồng chí",
]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40), st.sampled_from(["NFC", "NFD"]))
def test_offsets_hold_and_mentions_are_in_text_order(words, form):
    text = unicodedata.normalize(form, " ".join(words))
    mentions = extract_entities(text)
    for m in mentions:
        assert 0 <= m.start <= m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.canonical
        if m.type == "officer":
            assert m.fields["rank"] and isinstance(m.fields["positions"], list)
    starts = [m.start for m in mentions]
    assert starts == sorted(starts)


def test_empty_and_blank_documents():
    assert extract_entities("") == []
    assert extract_entities(" \n\t ") == []
