"""freq: what is counted, how it is keyed and shown, and whether the numbers on seeds/ can be trusted.

The seeds/ checks recount chosen words independently, with underthesea's own ``word_tokenize`` line by
line, never through vnpress' segmentation, tokens or boilerplate code.
"""

import re
import unicodedata
from collections import Counter

import pytest
from helpers import SEEDS

from vnpress.errors import DataFileError, UsageError
from vnpress.io.corpus import Document
from vnpress.stats.freq import (
    bundled_stopwords,
    frequency_table,
    load_stopwords,
    per_10k,
    segmented_frequency_table,
)

# Lines of the seed pages that a reader sees as page furniture, listed here by hand.
FURNITURE = {
    "14/11/2020, 13:02",
    "Thứ Năm, ngày 6 tháng 10 năm 2022",
    "Ý kiến bạn đọc",
    "refresh",
    "Tổng lượt bình luận",
    "Tin khác",
    "Thông báo",
    "Tin liên quan",
    "Xem thêm",
    "0985.456.616",
    "Thứ 3, 18/12/2018",
}

CHOSEN = [
    "công tác",
    "chính trị",
    "hội nghị",
    "cơ quan",
    "lãnh đạo",
    "xây dựng",
    "quân khu",
    "thực hiện",
    "cán bộ",
    "sĩ quan",
    "nhiệm vụ",
    "biệt phái",
    "chính ủy",
    "llvt",
    "ctđ",
]


def _is_furniture(line):
    line = " ".join(line.split())
    return line in FURNITURE or line.startswith("Home ")


@pytest.fixture(scope="module")
def recount():
    """``recount(skip_furniture)``: Counter of case-folded underthesea words over seeds/, line by line."""
    from underthesea import word_tokenize

    counts = {}
    for skip in (False, True):
        c = Counter()
        for path in sorted(SEEDS.glob("*.txt")):
            for line in path.read_text(encoding="utf-8").splitlines():
                if skip and _is_furniture(line):
                    continue
                line = unicodedata.normalize("NFC", line).replace("uỷ", "ủy").replace("Uỷ", "Ủy")
                for token in word_tokenize(line):
                    c[" ".join(token.split()).casefold()] += 1
        counts[skip] = c
    return counts


def table(segmented, **options):
    options.setdefault("top", 0)
    options.setdefault("stopwords", bundled_stopwords())
    return segmented_frequency_table(segmented, **options)


def by_word(t):
    return {r["word"].casefold(): r["count"] for r in t.rows}


# -- seeds/ ------------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("keep_boilerplate", [False, True])
def test_chosen_words_agree_with_an_independent_recount(seeds, recount, keep_boilerplate):
    counts = by_word(table(seeds, keep_boilerplate=keep_boilerplate))
    expected = recount[not keep_boilerplate]
    assert {w: counts.get(w, 0) for w in CHOSEN} == {w: expected[w] for w in CHOSEN}
    assert all(expected[w] > 0 for w in CHOSEN)


@pytest.mark.slow
def test_the_breadcrumb_line_is_not_counted(seeds):
    default = by_word(table(seeds))
    kept = by_word(table(seeds, keep_boilerplate=True))
    breadcrumb = next(
        line
        for line in (SEEDS / "004_9fa3df7e3751792f.txt").read_text(encoding="utf-8").splitlines()
        if line.startswith("Home ")
    )
    assert kept["công tác"] - default["công tác"] == breadcrumb.count("công tác") == 2


@pytest.mark.slow
def test_chinh_uy_counts_both_tone_spellings_together(seeds):
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    assert "Chính uỷ" in text and "Chính ủy" in text  # both spellings are in the sample
    in_text = len(
        re.findall(r"(?<!\w)chính\s+(?:uỷ|ủy)(?!\w)", unicodedata.normalize("NFC", text), re.IGNORECASE)
    )
    rows = [r for r in table(seeds).rows if r["word"].casefold() in ("chính ủy", "chính uỷ")]
    assert len(rows) == 1
    assert rows[0]["count"] == in_text == 8


@pytest.mark.slow
def test_top_50_of_seeds_is_informative(seeds):
    rows = table(seeds, top=50).rows
    assert len(rows) == 50
    assert [r["n"] for r in rows] == list(range(1, 51))
    assert rows[0]["word"] == "công tác"
    words = [r["word"] for r in rows]
    for w in words:  # no punctuation, number, date, code or junk: letters and single spaces only
        assert re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+)*", w), w
    folded = {w.casefold() for w in words}
    assert not folded & {"các", "và", "của", "trong", "những", "được", "có", "cho", "với", "về"}
    assert not folded & {"home", "refresh", "online", "bình luận"}
    assert {
        "đảng",
        "chính trị",
        "quân khu",
        "cán bộ",
        "thực hiện",
        "năm",
        "bộ",
        "đơn vị",
        "llvt",
        "ctđ",
    } <= folded


@pytest.mark.slow
@pytest.mark.parametrize("ngram", [1, 2, 3])
def test_all_rows_add_up_to_the_counted_tokens_and_per_10k_is_relative_to_them(seeds, ngram):
    rows = table(seeds, ngram=ngram).rows
    total = sum(r["count"] for r in rows)
    assert total > 0
    for r in rows:
        assert r["per_10k"] == per_10k(r["count"], total)
        assert abs(r["per_10k"] - r["count"] / total * 10_000) <= 0.005 + 1e-9


@pytest.mark.slow
def test_by_file_row_numbers_restart_and_rates_are_per_file(seeds):
    t = table(seeds, by_file=True)
    assert list(t.columns) == ["file", "n", "word", "count", "per_10k", "documents"]
    files = [doc.path for doc, _ in seeds]
    assert list(dict.fromkeys(r["file"] for r in t.rows)) == files
    corpus = by_word(table(seeds))
    summed = Counter()
    for f in files:
        rows = [r for r in t.rows if r["file"] == f]
        assert [r["n"] for r in rows] == list(range(1, len(rows) + 1))
        total = sum(r["count"] for r in rows)
        assert all(r["per_10k"] == per_10k(r["count"], total) for r in rows)
        summed.update({r["word"].casefold(): r["count"] for r in rows})
    assert dict(summed) == corpus
    documents = Counter(r["word"].casefold() for r in t.rows)
    assert all(r["documents"] == documents[r["word"].casefold()] for r in t.rows)


@pytest.mark.slow
def test_min_count_and_top(seeds):
    rows = table(seeds, min_count=10).rows
    assert rows and all(r["count"] >= 10 for r in rows)
    assert len(table(seeds, min_count=10, top=5).rows) == 5
    assert table(seeds, min_count=10).rows == table(seeds, top=0).rows[: len(rows)]


# -- small inputs ------------------------------------------------------------------------------------


def run(*texts, **options):
    docs = [Document(f"{i}.txt", t) for i, t in enumerate(texts, 1)]
    options.setdefault("top", 0)
    return frequency_table(docs, jobs=1, use_cache=False, **options)


def rows(t):
    return [tuple(r[c] for c in t.columns) for r in t.rows]


def test_case_is_folded_and_the_most_frequent_form_shown():
    text = "Đảng ủy Quân khu họp. Đảng uỷ quân khu chỉ đạo công tác đảng.\nĐảng ủy\nQuân khu 7 và LLVT tỉnh."
    t = run(text)
    assert list(t.columns) == ["n", "word", "count", "per_10k", "documents"]
    assert [c.type for c in t.spec.columns] == ["integer", "string", "integer", "number", "integer"]
    assert rows(t) == [
        (1, "Đảng ủy", 3, 2500.0, 1),
        (2, "Quân khu", 3, 2500.0, 1),
        (3, "chỉ đạo", 1, 833.33, 1),
        (4, "công tác", 1, 833.33, 1),
        (5, "đảng", 1, 833.33, 1),
        (6, "họp", 1, 833.33, 1),
        (7, "LLVT", 1, 833.33, 1),
        (8, "tỉnh", 1, 833.33, 1),
    ]


def test_keep_case_counts_capitals_apart():
    text = "Đảng ủy Quân khu họp. Đảng uỷ quân khu chỉ đạo công tác đảng."
    assert rows(run(text, keep_case=True)) == [
        (1, "Đảng uỷ", 2, 2500.0, 1),  # one of each spelling: the first in alphabetical order is shown
        (2, "chỉ đạo", 1, 1250.0, 1),
        (3, "công tác", 1, 1250.0, 1),
        (4, "đảng", 1, 1250.0, 1),
        (5, "họp", 1, 1250.0, 1),
        (6, "quân khu", 1, 1250.0, 1),  # case is the last tiebreak, small first (as in ICU's vi)
        (7, "Quân khu", 1, 1250.0, 1),
    ]


def test_the_spelling_written_most_often_is_shown_and_both_count():
    t = run("Chính uỷ Quân khu và Chính ủy Sư đoàn, Chính uỷ Trung đoàn.")
    assert rows(t)[0] == (1, "Chính uỷ", 3, 5000.0, 1)


def test_ties_go_in_vietnamese_alphabetical_order():
    # Code-point order would put "em" before "đảng bộ" (đ is U+0111); the Vietnamese alphabet has đ before e.
    assert [r[1] for r in rows(run("em đảng bộ an", use_stopwords=False))] == ["an", "đảng bộ", "em"]


def test_punctuation_numbers_codes_and_stop_words_are_not_counted():
    t = run("Nghị quyết 05-NQ/TW: công tác cán bộ có thể tốt, ngày 14/11/2020 gọi 0985.456.616.")
    assert [r[1] for r in rows(t)] == ["cán bộ", "công tác", "gọi", "Nghị quyết"]
    everything = run(
        "Nghị quyết 05-NQ/TW: công tác cán bộ có thể tốt, ngày 14/11/2020 gọi 0985.456.616.",
        use_stopwords=False,
    )
    assert [r[1] for r in rows(everything)] == [
        "cán bộ",
        "có thể",
        "công tác",
        "gọi",
        "ngày",
        "Nghị quyết",
        "tốt",
    ]


def test_stopword_files_add_words_and_no_stopwords_keeps_only_them(tmp_path):
    mine = tmp_path / "mine.txt"
    mine.write_text("# my list\ncông_tác\n\nCÁN BỘ\n", encoding="utf-8")
    text = "công tác cán bộ có thể tốt"
    assert [r[1] for r in rows(run(text, stopword_files=[str(mine)]))] == []
    assert [r[1] for r in rows(run(text, stopword_files=[str(mine)], use_stopwords=False))] == [
        "có thể",
        "tốt",
    ]


def test_a_multi_syllable_stop_word_matches_only_a_whole_segmented_word():
    words = load_stopwords()
    assert "có thể" in words and "thể" not in words
    assert "thực hiện" not in words and "năm" not in words and "bộ" not in words
    assert [r[1] for r in rows(run("thể thao có thể tốt"))] == ["thể thao"]


def test_a_missing_stopword_file_is_a_usage_error(tmp_path):
    with pytest.raises(DataFileError, match="no such file"):
        run("công tác", stopword_files=[str(tmp_path / "none.txt")])


def test_boilerplate_lines_are_left_out_unless_kept():
    text = "Công tác cán bộ\nTin liên quan\nXem thêm"
    assert [r[1] for r in rows(run(text))] == ["cán bộ", "Công tác"]
    kept = run(text, keep_boilerplate=True, use_stopwords=False)
    assert [r[1] for r in rows(kept)] == ["cán bộ", "Công tác", "liên quan", "thêm", "Tin", "Xem"]


def test_ngrams_stay_within_a_sentence_a_line_and_a_run_of_counted_words():
    text = "công tác cán bộ, công tác cán bộ. Công tác\ncán bộ"
    assert rows(run(text, ngram=2)) == [(1, "công tác cán bộ", 2, 10000.0, 1)]
    assert rows(run("công tác của cán bộ", ngram=2)) == []  # the stop word "của" is not skipped over
    assert rows(run("công tác của cán bộ", ngram=2, use_stopwords=False)) == [
        (1, "công tác của", 1, 5000.0, 1),
        (2, "của cán bộ", 1, 5000.0, 1),
    ]


def test_documents_counts_the_documents_a_word_is_in():
    t = run("công tác công tác", "công tác cán bộ", "cán bộ")
    assert rows(t) == [(1, "công tác", 3, 6000.0, 2), (2, "cán bộ", 2, 4000.0, 2)]
    by_file = run("công tác công tác", "công tác cán bộ", "cán bộ", by_file=True)
    assert rows(by_file) == [
        ("1.txt", 1, "công tác", 2, 10000.0, 2),
        ("2.txt", 1, "cán bộ", 1, 5000.0, 2),
        ("2.txt", 2, "công tác", 1, 5000.0, 2),
        ("3.txt", 1, "cán bộ", 1, 10000.0, 2),
    ]


def test_min_count_and_top_on_a_small_text():
    text = "công tác công tác công tác cán bộ cán bộ đảng"
    assert rows(run(text, min_count=2)) == [(1, "công tác", 3, 5000.0, 1), (2, "cán bộ", 2, 3333.33, 1)]
    assert rows(run(text, top=1)) == [(1, "công tác", 3, 5000.0, 1)]


def test_empty_input_gives_no_rows():
    assert rows(run("")) == []
    assert rows(run(", . 2020")) == []


def test_per_10k_rounds_half_up_exactly():
    assert per_10k(1, 3) == 3333.33
    assert per_10k(2, 3) == 6666.67
    assert per_10k(1, 400_000) == 0.03  # 0.025 exactly: half up, not to even
    assert per_10k(0, 0) == 0.0


def test_bad_options_are_usage_errors():
    with pytest.raises(UsageError):
        run("công tác", ngram=0)
    with pytest.raises(UsageError):
        run("công tác", min_count=0)
