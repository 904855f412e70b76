"""--ner: underthesea's PER/LOC/ORG aligned to offsets, repaired, and never repeating a domain entity.

underthesea runs once for the whole module (it is slow); the BIO conversion and the repairs are also
tested on hand-made tags, which pin them independently of the model.
"""

from __future__ import annotations

import unicodedata

import pytest

from vnpress.entities.model import Mention
from vnpress.entities.ner import align, entities, find_ner, sentences

# "Thanh Hoá" and "uỷ" carry the other tone placement, and the text is decomposed (NFD): offsets must
# still index this very string.
TEXT = unicodedata.normalize(
    "NFD",
    "Thiếu tướng Chu Văn Đoàn, Phó Tư lệnh Quân khu 7 làm việc tại TP. Hồ Chí Minh với Ủy ban nhân dân "
    "tỉnh Bến Tre.\n\n“Nguyễn Văn A” thăm Hà Nội… ở Huế và Thanh Hoá. Đảng uỷ Quân khu 7 họp.",
)


def span_of(text: str, piece: str, nth: int = 0) -> tuple[int, int]:
    piece = unicodedata.normalize("NFD", piece)
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return start, start + len(piece)


DOMAIN = [
    Mention("officer", *span_of(TEXT, "Thiếu tướng Chu Văn Đoàn"), "", "Chu Văn Đoàn"),
    Mention("unit", *span_of(TEXT, "Quân khu 7"), "", "Quân khu 7"),
]
for _m in DOMAIN:
    _m.text = TEXT[_m.start : _m.end]


@pytest.fixture(scope="module")
def found() -> list[Mention]:
    return find_ner(TEXT, DOMAIN)


def test_offsets_index_the_original_text(found):
    assert found
    for m in found:
        assert TEXT[m.start : m.end] == m.text
        assert m.type in ("person", "location", "organization")


def test_exact_entities(found):
    got = [(m.type, m.canonical) for m in found]
    assert got == [
        ("location", "Phó"),  # underthesea tags ", Phó": the comma is cut off
        ("location", "TP. Hồ Chí Minh"),
        ("location", "tỉnh Bến Tre"),
        ("person", "Nguyễn Văn A"),
        ("location", "Hà Nội"),
        ("location", "Huế"),
        ("location", "Thanh Hóa"),
    ]
    assert found[-1].text == unicodedata.normalize("NFD", "Thanh Hoá")


def test_no_entity_starts_or_ends_with_punctuation(found):
    for m in found:
        assert m.canonical[0].isalnum() and m.canonical[-1].isalnum()


def test_nothing_overlaps_or_repeats_a_domain_mention(found):
    for m in found:
        for d in DOMAIN:
            assert m.end <= d.start or m.start >= d.end
        assert "Quân khu 7" not in m.canonical and "Chu Văn Đoàn" not in m.canonical
    # underthesea tags "ủy Quân khu 7" in the last sentence, where no domain mention was given: it names
    # the domain's Quân khu 7 all the same, so it is dropped
    assert not [m for m in found if m.start > TEXT.index(unicodedata.normalize("NFD", "Đảng"))]


def test_bio_tags_become_repaired_entities():
    sentence = "Ông , Nguyễn Văn A thăm Hà Nội … Bộ Quốc phòng và “ Huế ” phong cách Hồ Chí Minh năm 2018 tỉnh Bến Tre"
    tagged = [
        ("Ông", "Nc", "B-NP", "O"),
        (",", "CH", "O", "B-PER"),  # starts with punctuation: cut off
        ("Nguyễn Văn A", "Np", "B-NP", "I-PER"),
        ("thăm", "V", "B-VP", "O"),
        ("Hà Nội", "Np", "B-NP", "B-LOC"),
        ("…", "CH", "O", "I-LOC"),  # ends with punctuation: cut off
        ("Bộ", "N", "B-NP", "I-ORG"),  # I- after another type starts a new entity
        ("Quốc phòng", "N", "B-NP", "I-ORG"),
        ("và", "C", "O", "O"),
        ("“", "CH", "O", "B-LOC"),
        ("Huế", "Np", "B-NP", "I-LOC"),
        ("”", "CH", "O", "I-LOC"),
        ("phong cách", "N", "B-NP", "B-LOC"),  # lower-case words before the name: cut off
        ("Hồ Chí Minh", "Np", "B-NP", "I-LOC"),
        ("năm", "N", "B-NP", "B-LOC"),  # no capital at all: dropped
        ("2018", "M", "B-NP", "I-LOC"),
        ("tỉnh", "N", "B-NP", "B-LOC"),  # a place's rank stays
        ("Bến Tre", "Np", "B-NP", "I-LOC"),
    ]
    got = [(kind, sentence[a:b]) for kind, a, b in entities(sentence, tagged)]
    assert got == [
        ("person", "Nguyễn Văn A"),
        ("location", "Hà Nội"),
        ("organization", "Bộ Quốc phòng"),
        ("location", "Huế"),
        ("location", "Hồ Chí Minh"),
        ("location", "tỉnh Bến Tre"),
    ]


def test_entities_of_punctuation_only_are_dropped():
    assert entities("“ ”", [("“", "CH", "O", "B-LOC"), ("”", "CH", "O", "I-LOC")]) == []


def test_align_follows_tokens_that_underthesea_respells():
    sentence = "Cán bộ nghành  quân sự"  # underthesea writes the token "nghành" as "ngành"
    spans = align(sentence, ["Cán bộ", "ngành", "quân sự"])
    assert [sentence[a:b] for a, b in spans] == ["Cán bộ", "nghành", "quân sự"]


def test_sentences_split_at_ends_and_lines_not_at_abbreviations():
    text = "Câu một.  Câu hai!\n\n“Câu ba.” Câu bốn… ở TP. Huế. 3 người."
    assert [text[a:b] for a, b in sentences(text)] == [
        "Câu một.",
        "Câu hai!",
        "“Câu ba.”",
        "Câu bốn… ở TP. Huế. 3 người.",
    ]
    assert list(sentences("  \n ")) == []


def test_ner_results_are_cached_and_no_cache_runs_it_again(monkeypatch):
    from vnpress.entities import entity_table
    from vnpress.entities import ner as ner_module
    from vnpress.io.corpus import Document

    calls: list[str] = []

    def fake_find_ner(text, domain):
        calls.append(text)
        return [Mention("person", 0, 3, text[:3], text[:3], {})]

    monkeypatch.setattr(ner_module, "find_ner", fake_find_ner)
    docs = [Document("a.txt", "Ông Ba thăm Quân khu 7."), Document("b.txt", "Bà Tư ở Hà Nội.")]

    def rows(**options):
        table = entity_table(docs, mentions=True, types="person", ner=True, **options)
        return [(r["file"], r["canonical"]) for r in table.rows]

    expected = [("a.txt", "Ông"), ("b.txt", "Bà ")]
    assert rows() == expected and len(calls) == 2  # cold: NER on each document
    assert rows() == expected and len(calls) == 2  # warm: from the cache
    assert rows(use_cache=False) == expected and len(calls) == 4  # --no-cache: run again
    entity_table(docs, mentions=True, types="rank", ner=False)
    assert len(calls) == 4  # without --ner nothing of it runs
