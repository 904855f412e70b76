"""kwic: matches on freq's words and keys, offsets into the original, contexts cut and spaced as promised."""

import unicodedata

import pytest

from vnpress.errors import UsageError
from vnpress.io.corpus import Document
from vnpress.stats.freq import segmented_frequency_table
from vnpress.stats.kwic import context_left, context_right, kwic_rows, kwic_table, query_key


def kwic(word, seeds, **options):
    return list(kwic_rows(seeds, query_key(word, keep_case=options.get("keep_case", False)), **options))


@pytest.mark.slow
def test_chinh_uy_finds_both_spellings_with_offsets_into_the_original(seeds):
    rows = kwic("chính uỷ", seeds)
    texts = {doc.path: doc.text for doc, _ in seeds}
    assert len(rows) == 8
    assert {r["word"] for r in rows} == {"Chính ủy", "chính ủy", "Chính uỷ"}
    assert all(texts[r["file"]][r["start"] : r["end"]] == r["word"] for r in rows)
    assert [(r["file"], r["start"]) for r in rows] == sorted((r["file"], r["start"]) for r in rows)
    assert kwic("Chính ủy", seeds) == rows


@pytest.mark.slow
@pytest.mark.parametrize("word", ["công tác", "Quân khu", "LLVT", "chính trị", "thành ủy"])
def test_a_word_has_as_many_lines_as_freq_counts(seeds, word):
    counts = {r["word"].casefold(): r["count"] for r in segmented_frequency_table(seeds, top=0).rows}
    assert len(kwic(word, seeds)) == counts[word.casefold()]


@pytest.mark.slow
def test_boilerplate_lines_are_skipped_unless_kept(seeds):
    default = kwic("công tác", seeds)
    kept = kwic("công tác", seeds, keep_boilerplate=True)
    assert len(kept) - len(default) == 2  # the breadcrumb line of 004 repeats the title
    assert kwic("bình luận", seeds) == []
    assert [r["word"] for r in kwic("bình luận", seeds, keep_boilerplate=True)] == ["bình luận"]


@pytest.mark.slow
def test_a_phrase_matches_a_sequence_of_words_and_a_syllable_no_word(seeds):
    rows = kwic("Bộ Quốc phòng", seeds)
    assert rows and all(r["word"] == "Bộ Quốc phòng" for r in rows)
    # "công" alone is found once ("người có công"), never inside the word "công tác"
    assert [(r["left"][-8:], r["word"]) for r in kwic("công", seeds)] == [("người có", "công")]


def run(word, *texts, **options):
    docs = [Document(f"{i}.txt", t) for i, t in enumerate(texts, 1)]
    table = kwic_table(word, docs, jobs=1, use_cache=False, **options)
    return table._replace(rows=list(table.rows))  # the rows come as a stream


def test_rows_columns_and_contexts_on_a_small_text():
    text = "Đồng chí  Bí thư Đảng ủy,\nChính uỷ Quân khu 7 dự hội nghị. Chính ủy Sư đoàn phát biểu."
    t = run("chính ủy", text, width=12)
    assert list(t.columns) == ["file", "start", "end", "left", "word", "right"]
    assert [c.name for c in t.spec.columns if c.right_aligned] == ["start", "end", "left"]
    assert t.rows == [
        {
            "file": "1.txt",
            "start": 26,
            "end": 34,
            "left": "thư Đảng ủy,",
            "word": "Chính uỷ",
            "right": "Quân khu 7 d",
        },
        {
            "file": "1.txt",
            "start": 59,
            "end": 67,
            "left": "dự hội nghị.",
            "word": "Chính ủy",
            "right": "Sư đoàn phát",
        },
    ]


def test_keep_case_matches_the_case_of_word():
    text = "Quân khu 7 và quân khu 9."
    assert [r["word"] for r in run("quân khu", text).rows] == ["Quân khu", "quân khu"]
    assert [r["start"] for r in run("quân khu", text, keep_case=True).rows] == [14]


def test_a_sequence_does_not_run_over_a_line_break():
    text = "Lãnh đạo Bộ Quốc phòng và bộ\nQuốc phòng"
    assert [(r["start"], r["word"], r["right"]) for r in run("bộ quốc phòng", text, width=10).rows] == [
        (9, "Bộ Quốc phòng", "và bộ Quốc")
    ]


def test_a_document_code_split_by_the_segmenter_is_found_whole():
    text = "Thực hiện Nghị quyết 05-NQ/TW và Nghị quyết 05 - NQ"
    rows = run("05-nq/tw", text, width=10).rows
    assert [(r["word"], r["left"], r["right"]) for r in rows] == [("05-NQ/TW", "Nghị quyết", "và Nghị qu")]
    assert [r["word"] for r in run("05 - NQ", text).rows] == ["05 - NQ"]


def test_decomposed_text_keeps_its_offsets():
    text = unicodedata.normalize("NFD", "Chính uỷ Quân khu")
    rows = run("chính ủy", text).rows
    assert [(r["start"], r["end"]) for r in rows] == [(0, len(unicodedata.normalize("NFD", "Chính uỷ")))]
    assert rows[0]["word"] == text[rows[0]["start"] : rows[0]["end"]]


def test_contexts_fold_whitespace_and_cut_at_width():
    text = "một\n\n  hai\tba   TỪ   bốn\u00a0\u00a0năm sáu"
    start = text.index("TỪ")
    assert context_left(text, start, 40) == "một hai ba"
    assert context_left(text, start, 6) == "hai ba"
    assert context_left(text, start, 5) == "ai ba"
    assert context_right(text, start + 2, 40) == "bốn năm sáu"
    assert context_right(text, start + 2, 7) == "bốn năm"
    assert context_left(text, 0, 10) == ""
    assert context_right(text, len(text), 10) == ""


def test_underscores_and_spacing_of_word_do_not_matter():
    assert query_key("Công_tác") == query_key("  công   tác ") == ("công", "tác")
    assert query_key("Chính uỷ", keep_case=True) == ("Chính", "ủy")


def test_an_empty_word_is_a_usage_error():
    with pytest.raises(UsageError, match="WORD is empty"):
        run("  ", "công tác")
