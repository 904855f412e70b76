"""The cached reduction of a corpus (pipeline/memo.py): a rerun gives the stored reduction without
reducing again, and any change to a document, their order, the pieces of a file or the options is a
new reduction, equal to what an uncached run gives."""

from collections import Counter
from functools import partial

import pytest

from vnpress.io.corpus import Document
from vnpress.pipeline.memo import reduce_segmented
from vnpress.stats.freq import corpus_entries, document_pairs, frequency_table, load_stopwords

CALLS: list[int] = []  # how many (document, value) pairs each call of `collect` reduced


def words_of(doc, words):
    return [w.norm for w in words]


def collect(items, *, label="a"):
    """A reduction that records its calls: the documents' paths, parts and word lists."""
    out = [(label, d.path, d.part, d.text, tuple(v)) for d, v in items]
    CALLS.append(len(out))
    return out


def texts(*items):
    return [Document(f"{i}.txt", t) for i, t in enumerate(items)]


@pytest.fixture(autouse=True)
def _calls():
    CALLS.clear()


def reduce_(docs, reduce=collect, **kw):
    return reduce_segmented(words_of, reduce, docs, jobs=1, **kw)


def test_a_rerun_gives_the_stored_reduction_without_reducing_again():
    docs = texts("Bộ Quốc phòng họp.", "Quân khu 7 diễn tập.")
    first = reduce_(docs)
    assert first == [
        ("a", "0.txt", 0, "", ("Bộ", "Quốc phòng", "họp", ".")),
        ("a", "1.txt", 0, "", ("Quân khu", "7", "diễn tập", ".")),
    ]
    assert reduce_(docs) == first
    assert CALLS == [2]  # the second run did not reduce
    assert reduce_(docs, use_cache=False) == first
    assert CALLS == [2, 2]


def test_a_changed_or_added_document_and_another_order_are_new_reductions():
    docs = texts("Bộ Quốc phòng họp.", "Quân khu 7 diễn tập.")
    reduce_(docs)
    changed = [docs[0], Document("1.txt", "Quân khu 9 diễn tập.")]
    assert reduce_(changed)[1][4] == ("Quân khu", "9", "diễn tập", ".")
    added = [*docs, Document("2.txt", "Hải quân.")]
    assert [r[1] for r in reduce_(added)] == ["0.txt", "1.txt", "2.txt"]
    swapped = [Document("0.txt", docs[1].text), Document("1.txt", docs[0].text)]
    assert [r[4][0] for r in reduce_(swapped)] == ["Quân khu", "Bộ"]
    assert CALLS == [2, 2, 3, 2]
    assert reduce_(added) == reduce_(added, use_cache=False)


def test_the_pieces_of_a_file_are_not_the_same_corpus_as_as_many_files():
    apart = [Document("a.txt", "Đảng ủy họp."), Document("b.txt", "Chính ủy dự.")]
    pieces = [Document("a.txt", "Đảng ủy họp."), Document("a.txt", "Chính ủy dự.", 12, 1)]
    assert [r[2] for r in reduce_(apart)] == [0, 0]
    assert [(r[1], r[2]) for r in reduce_(pieces)] == [("a.txt", 0), ("a.txt", 1)]
    assert CALLS == [2, 2]


def test_the_reduction_and_its_arguments_are_part_of_the_key():
    docs = texts("Bộ Quốc phòng họp.")
    assert reduce_(docs)[0][0] == "a"
    assert reduce_(docs, reduce=partial(collect, label="b"))[0][0] == "b"
    assert CALLS == [1, 1]


@pytest.mark.parametrize("keep_bytes", [0, 40])
def test_more_results_than_it_may_keep_are_reduced_as_they_stream(keep_bytes):
    docs = texts(*(f"Sư đoàn {i} huấn luyện." for i in range(5)))
    reduce_(docs, use_cache=True)  # every document's words are now cached
    CALLS.clear()
    got = reduce_(docs, reduce=partial(collect, label="c"), keep_bytes=keep_bytes)
    assert got == reduce_(docs, reduce=partial(collect, label="c"), use_cache=False)
    assert [r[4][1] for r in got] == ["0", "1", "2", "3", "4"]
    assert CALLS == [5, 5]
    # and stored all the same: the next run with room enough does not reduce
    assert reduce_(docs, reduce=partial(collect, label="c")) == got
    assert CALLS == [5, 5]


def test_an_empty_corpus_reduces_to_its_empty_reduction():
    assert reduce_([]) == []
    assert reduce_([]) == []


def test_freq_rows_are_the_same_from_the_stored_reduction_for_any_top_and_min_count():
    docs = texts("Chính ủy Quân khu họp. Chính ủy dự.", "Chính uỷ Quân khu 7. Đảng ủy Quân khu.")
    for top, min_count in [(0, 1), (1, 1), (0, 2), (2, 3)]:
        uncached = frequency_table(docs, top=top, min_count=min_count, use_cache=False).rows
        assert frequency_table(docs, top=top, min_count=min_count).rows == uncached
        assert frequency_table(docs, top=top, min_count=min_count).rows == uncached
    assert [(r["word"], r["count"], r["documents"]) for r in frequency_table(docs, top=2).rows] == [
        ("Chính ủy", 3, 2),
        ("Quân khu", 3, 2),
    ]


def test_corpus_entries_add_up_documents_and_order_ties_alphabetically():
    stop = load_stopwords()
    count = partial(document_pairs, ngram=1, keep_case=False, stopwords=stop, keep_boilerplate=False)
    docs = texts("Hải quân. Bộ đội.", "Bộ đội.")
    total, entries = reduce_segmented(count, corpus_entries, docs, use_cache=False)
    assert (total, entries) == (3, [("bộ đội", 2, "Bộ đội", 2), ("hải quân", 1, "Hải quân", 1)])
    assert isinstance(count(docs[0], []), Counter)
