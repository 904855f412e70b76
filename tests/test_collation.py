"""Vietnamese dictionary order: a list sorted by hand, ICU's ``vi`` collation where PyICU is installed,
and the commands that sort ties by it."""

import random
import unicodedata
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from vnpress.abbrev.dictionary import dictionary_table
from vnpress.abbrev.expand import abbreviation_table
from vnpress.data import data_lines
from vnpress.entities import entity_table
from vnpress.io.corpus import Document, read_corpus
from vnpress.stats.freq import frequency_table
from vnpress.text.collation import PUNCTUATION, collation_key
from vnpress.text.normalise import normalise_word

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# Sorted by hand: digits before letters; a word before the words it starts ("bộ" < "bộ đội" < "bội",
# "an ninh" < "anh hùng", "quy định" < "quyết"); a ă â b c d đ e ê g … o ô ơ … u ư … x y; all the letters
# before any tone (ngang, huyền, hỏi, ngã, sắc, nặng); case last, small first.
BY_HAND = [
    "1945",
    "2",
    "a",
    "A",
    "à",
    "an ninh",
    "anh hùng",
    "Anh hùng",
    "ăn",
    "ân",
    "ba",
    "bà",
    "bả",
    "bã",
    "bá",
    "bạ",
    "bộ",
    "bộ đội",
    "bội",
    "chính ủy",
    "Chính uỷ",
    "cụ",
    "dân",
    "dũng",
    "đảng",
    "Đảng",
    "đào",
    "em",
    "ê kíp",
    "giá",
    "hòa",
    "on",
    "ôn",
    "ơn",
    "quy định",
    "quyết",
    "ung",
    "ưng",
    "xã hội",
    "xác định",
    "y tế",
]


def test_a_list_sorted_by_hand():
    shuffled = BY_HAND[:]
    random.Random(10).shuffle(shuffled)
    assert sorted(shuffled, key=collation_key) == BY_HAND


def test_the_tone_spelling_does_not_change_the_order():
    assert collation_key("Chính uỷ")[:3] == collation_key("Chính ủy")[:3]
    assert sorted(["hòa", "hoà"], key=collation_key) == sorted(["hoà", "hòa"], key=collation_key)


def test_distinct_strings_never_tie():
    assert collation_key("hoà") != collation_key("hòa")
    assert sorted(["hòa", "hoà"], key=collation_key) == ["hoà", "hòa"]  # the string itself, last


# -- against ICU ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def icu_vi():
    icu = pytest.importorskip("icu")
    return icu.Collator.createInstance(icu.Locale("vi"))


def _vocabulary() -> list[str]:
    """Some thousands of words and names: the stop words, the rule files' forms, the dictionary, and
    every tone and case of a few syllables."""
    words = {line.replace("_", " ") for line in data_lines("stopwords.txt")}
    for name in ("ranks.tsv", "posts.tsv", "units.tsv", "abbreviations.tsv"):
        for line in data_lines(name):
            words.update(f for f in line.split("\t")[:3] if f)
    for syllable in ("ba", "bo", "mua", "ương"):
        for tone in ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"):
            s = unicodedata.normalize("NFC", syllable[0] + syllable[1] + tone + syllable[2:])
            words.update({s, s.capitalize(), s.upper(), f"{s} {s}", f"{s}{s}", f"{s} 2", f"{s}2"})
    # the order of the tone placement is ours on purpose ("uỷ" = "ủy"): compare normal forms only
    return sorted(w for w in words if normalise_word(w) == w)


def test_the_order_is_icus_vi_collation(icu_vi):
    words = _vocabulary()
    assert len(words) > 2000
    assert sorted(words, key=collation_key) == sorted(words, key=icu_vi.getSortKey)


def test_punctuation_is_in_icus_order(icu_vi):
    assert sorted(PUNCTUATION, key=lambda c: icu_vi.getSortKey(f"a{c}b")) == list(PUNCTUATION)


_LETTERS = "aàảãáạăằẳẵắặâầẩẫấậbcdđeèéêềếệghiklmnoòóôồốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỹýAĂÂĐÊÔƠƯÁẶỘ"


def test_any_two_strings_compare_as_in_icu(icu_vi):
    @given(st.text(alphabet=_LETTERS + " 019-", max_size=8), st.text(alphabet=_LETTERS + " 019-", max_size=8))
    def compare(a, b):
        assume(normalise_word(a) == a and normalise_word(b) == b)
        expected = icu_vi.compare(a, b)
        mine = (collation_key(a) > collation_key(b)) - (collation_key(a) < collation_key(b))
        assert mine == expected or (expected == 0 and a != b)

    compare()


# -- the commands sort their ties in this order --------------------------------------------------------


def test_freq_ties_are_in_dictionary_order():
    text = "Anh hùng\nan ninh\nbội\nbộ đội\nbộ\n"
    table = frequency_table([Document("t.txt", text)], keep_case=True, use_cache=False)
    assert [r["word"] for r in table.rows] == ["an ninh", "Anh hùng", "bộ", "bộ đội", "bội"]


def _seeds() -> list[Document]:
    return list(read_corpus([str(SEEDS)]))


def test_entity_rows_of_a_count_are_in_dictionary_order():
    rows = list(entity_table(_seeds(), use_cache=False).rows)
    units = [r["canonical"] for r in rows if r["type"] == "unit" and r["count"] == 2]
    assert units == sorted(units, key=collation_key)
    assert units.index("Đảng ủy Quân sự tỉnh") < units.index("Tỉnh ủy")  # Đ comes after D, not after Z


def test_abbreviations_are_in_dictionary_order():
    rows = list(abbreviation_table(_seeds()).rows)
    found = [r["abbreviation"] for r in rows]
    assert [a for a in found if a.startswith("CT")] == ["CTCĐ", "CTCT", "CTĐ"]
    assert found == sorted(found, key=collation_key)
    listed = [r["abbreviation"] for r in dictionary_table().rows]
    assert listed == sorted(listed, key=collation_key)
