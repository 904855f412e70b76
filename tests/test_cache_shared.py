"""A worker's read-only look-ups in the client's cache (vnpress/pipeline/cache/shared.py): spans are
found without segmenting, nothing is ever written, and a missing, foreign or damaged file means
segmenting as if there were no cache."""

import dataclasses

import pytest
from helpers import SEEDS

from vnpress.io.corpus import read_corpus
from vnpress.pipeline import run
from vnpress.pipeline.cache import shared, store
from vnpress.pipeline.cache.keys import pack_spans
from vnpress.text import segment as seg
from vnpress.text.normalise import normalise


def _texts():
    return [normalise(d.text).text for d in read_corpus([str(SEEDS)])]


def test_the_schema_is_the_stores():
    assert shared.SCHEMA == store.SCHEMA


def test_a_worker_reads_the_spans_the_client_stored_and_segments_nothing(tmp_path, monkeypatch):
    texts = _texts()
    path = tmp_path / "segments.sqlite3"
    expected = [pack_spans(seg.segment_spans(t)) for t in texts]
    with store.SegmentCache(path) as cache:
        cache.put_many([(store.text_key(t), p) for t, p in zip(texts[:3], expected[:3], strict=True)])
    before = path.read_bytes()

    calls = []
    real = seg.segment_spans
    monkeypatch.setattr(seg, "segment_spans", lambda text, **kw: calls.append(text) or real(text, **kw))
    got = run._segment_packed((texts, seg.DEFAULT_ENGINE, str(path)))
    assert got == expected
    assert calls == texts[3:]  # the first three came from the file
    assert path.read_bytes() == before  # read-only

    docs = list(read_corpus([str(SEEDS)]))
    items = [(d, normalise(d.text), None) for d in docs]
    calls.clear()
    analysed = run._analyse((_word_count, items, True, seg.DEFAULT_ENGINE, str(path)))
    assert calls == texts[3:]
    assert [new for new, _ in analysed] == expected  # found spans go back to the client's cache too
    assert [n for _, n in analysed] == [
        len(seg.words_from_spans(normalise(d.text), real(normalise(d.text).text))) for d in docs
    ]


def _word_count(doc, words):
    return len(words)


@pytest.mark.parametrize("content", [None, b"not a database at all" * 100, "other-versions"])
def test_a_missing_foreign_or_damaged_file_means_segmenting(tmp_path, content):
    texts = _texts()[:2]
    path = tmp_path / "segments.sqlite3"
    if content == "other-versions":
        versions = dataclasses.replace(store.current_versions(), vnpress="0.0.0")
        with store.SegmentCache(path, versions) as cache:
            cache.put_many([(store.text_key(t), b"bogus") for t in texts])
    elif content is not None:
        path.write_bytes(content)
    reader = shared.SharedReader(str(path), seg.DEFAULT_ENGINE)
    assert reader.get_many([store.text_key(t) for t in texts]) == {}
    assert run._segment_packed((texts, seg.DEFAULT_ENGINE, str(path))) == [
        pack_spans(seg.segment_spans(t)) for t in texts
    ]
