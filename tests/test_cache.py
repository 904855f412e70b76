"""The segmentation cache: packing, hits and misses, invalidation, versions, damage, bypass."""

import logging
import re
import sqlite3

import pytest

from vnpress.io.corpus import Document
from vnpress.pipeline.cache import store as cache_module
from vnpress.pipeline.cache.store import (
    RESULTS,
    SegmentCache,
    Versions,
    cache_path,
    clear,
    dump_result,
    info,
    pack_spans,
    text_key,
    unpack_spans,
)
from vnpress.pipeline.run import segment_documents
from vnpress.text import segment as segment_module

TEXTS = [
    "Đảng ủy Quân khu họp bàn công tác năm 2024.",
    "Thiếu tướng Nguyễn Văn A phát biểu tại hội nghị.",
    "Ban Thường vụ Tỉnh ủy hòa giải tranh chấp.",
]


@pytest.fixture(autouse=True)
def _no_front_end(monkeypatch):
    """Warnings go to the ``vnpress`` logger, whatever a CLI run in this process installed before."""
    from vnpress.io import progress

    monkeypatch.setattr(progress, "_on_warning", None)
    monkeypatch.setattr(progress, "_factory", None)


@pytest.fixture
def calls(monkeypatch):
    """Replace the segmenter with a fast whitespace one that records the texts it is given."""
    seen: list[str] = []

    def fake_segment_spans(text: str, engine: str = "fast") -> list[tuple[int, int]]:
        seen.append(text)
        return [m.span() for m in re.finditer(r"\S+", text)]

    monkeypatch.setattr(segment_module, "segment_spans", fake_segment_spans)
    return seen


def run(texts, **kwargs):
    docs = [Document(f"d{i}.txt", t) for i, t in enumerate(texts)]
    return [
        [(w.start, w.end, w.text, w.norm) for w in words] for _, words in segment_documents(docs, **kwargs)
    ]


def entries(path=None) -> int:
    with sqlite3.connect(path or cache_path()) as conn:
        return conn.execute("SELECT COUNT(*) FROM segments").fetchone()[0]


@pytest.mark.parametrize(
    "spans", [[], [(0, 3)], [(2, 5), (5, 9), (70_000, 70_010)], [(i, i + 2) for i in range(0, 9000, 3)]]
)
def test_spans_pack_and_unpack_exactly(spans):
    blob = pack_spans(spans)
    assert unpack_spans(blob) == spans
    if len(spans) > 1000:
        assert len(blob) < len(spans)  # far less than a byte a word once zlib'd


def test_first_run_misses_and_stores_second_run_hits(calls):
    first = run(TEXTS)
    assert calls == TEXTS
    assert entries() == 3
    calls.clear()
    assert run(TEXTS) == first
    assert calls == []


def test_a_changed_text_is_segmented_again_and_only_it(calls):
    run(TEXTS)
    calls.clear()
    changed = [TEXTS[0], TEXTS[1] + " Thêm một câu.", TEXTS[2]]
    out = run(changed)
    assert calls == [changed[1]]
    assert out[1][-1] == (len(changed[1]) - 4, len(changed[1]), "câu.", "câu.")
    assert entries() == 4


def test_the_key_is_the_normalised_text(calls):
    run(["Ủy ban hoà giải"])
    calls.clear()
    out = run(["Uỷ ban hòa giải"])  # the other spelling of both words
    assert calls == []
    assert [w[2] for w in out[0]] == ["Uỷ", "ban", "hòa", "giải"]  # words as written in this text
    assert [w[3] for w in out[0]] == ["Ủy", "ban", "hòa", "giải"]


def test_no_cache_neither_reads_nor_writes(calls):
    run(TEXTS, use_cache=False)
    run(TEXTS, use_cache=False)
    assert calls == TEXTS * 2
    assert not cache_path().exists()


def test_other_versions_do_not_share_entries_and_opening_prunes_them(calls, tmp_path):
    path = tmp_path / "c.sqlite3"
    old = Versions("0.0.1", "9.0.0", "0123")
    with SegmentCache(path, old) as c:
        c.put_many([(text_key(TEXTS[0]), pack_spans([(0, 4)]))])
        c.put_many([(b"an analysis", dump_result(1))], RESULTS)
    before = info(path)  # info prunes nothing: it shows what the next run deletes
    assert (before.entries, before.current, before.stale) == (1, 0, 1)
    assert (before.results, before.current_results, before.stale_results) == (1, 0, 1)
    run(TEXTS[:1], cache=SegmentCache(path))
    assert calls == TEXTS[:1]  # the old entry was not used
    after = info(path)
    assert (after.entries, after.current, after.stale, after.results) == (1, 1, 0, 0)
    with sqlite3.connect(path) as conn:  # the old version's rows are gone, this one's two remain
        assert [v for (v,) in conn.execute("SELECT vnpress FROM versions")] == [after.versions.vnpress] * 2


def test_results_of_other_code_are_pruned_and_the_segments_kept(calls, tmp_path):
    path = tmp_path / "c.sqlite3"
    with SegmentCache(path, code="an older vnpress") as c:
        run(TEXTS, cache=c)
        c.put_many([(b"an analysis", dump_result(1))], RESULTS)
    assert (info(path).stale, info(path).stale_results) == (0, 1)
    calls.clear()
    run(TEXTS, cache=SegmentCache(path))
    assert calls == []  # segmentation depends on the segmenter only: still there
    assert (info(path).current, info(path).results) == (3, 0)


def test_versions_name_vnpress_underthesea_and_the_segmenter():
    v = cache_module.current_versions()
    assert v.vnpress == __import__("vnpress").__version__
    assert re.fullmatch(r"\d+\.\d+\.\d+\S* \(core \S+\)", v.underthesea)
    assert re.fullmatch(r"[0-9a-f]{16}", v.segmenter)


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_damaged_cache_is_rebuilt_with_a_warning(calls, caplog, damage):
    texts = [f"Câu số {i} về công tác đảng, công tác chính trị." * 20 for i in range(300)]
    expected = run(texts)
    path = cache_path()
    if damage == "garbage":
        path.write_bytes(b"this is not an SQLite database" * 100)
    else:
        data = path.read_bytes()
        assert len(data) > 8192
        path.write_bytes(data[: len(data) // 3])
    calls.clear()
    with caplog.at_level(logging.WARNING, logger="vnpress"):
        assert run(texts) == expected
    assert [r.levelname for r in caplog.records] == ["WARNING"]
    assert f"cache {path} is damaged" in caplog.text and "rebuilding it" in caplog.text
    assert calls == texts  # nothing usable was read back
    assert entries() == 300
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_an_unusable_cache_directory_means_running_without_cache(calls, caplog, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("VNPRESS_CACHE_DIR", str(blocker / "cache"))
    with caplog.at_level(logging.WARNING, logger="vnpress"):
        out = run(TEXTS)
    assert len(out) == 3 and calls == TEXTS
    assert "cannot be used" in caplog.text and "running without it" in caplog.text


def test_clear_removes_every_entry_and_info_counts_them(calls):
    assert info().entries == 0 and not cache_path().exists()  # info never creates the file
    run(TEXTS)
    i = info()
    assert (i.entries, i.current) == (3, 3)
    files = [cache_path().with_name(cache_path().name + suffix) for suffix in ("", "-wal", "-shm")]
    assert i.bytes == sum(f.stat().st_size for f in files if f.exists()) > 0
    assert clear() == 3
    assert info().entries == 0
    calls.clear()
    run(TEXTS)
    assert calls == TEXTS


def test_the_real_segmenter_gives_the_same_words_from_the_cache_and_from_workers():
    """Cold in-process, cold with two workers, and warm: the same words (one real underthesea run)."""
    texts = [
        f"Đồng chí Lê Văn {chr(65 + i)} được bổ nhiệm giữ chức Phó Chính ủy Sư đoàn {300 + i}."
        for i in range(3)
    ]
    texts = texts * 50  # 150 documents: three batches, so jobs=2 starts a pool
    cold = run(texts, jobs=1, use_cache=False)
    assert run(texts, jobs=2, use_cache=False) == cold
    assert run(texts, jobs=2) == cold  # cold cache: workers
    assert run(texts, jobs=1) == cold  # warm cache
    assert cold[0][0] == (0, 8, "Đồng chí", "Đồng chí")


ANALYSED: list[str] = []


def count_long_words(doc, words, *, minimum):
    """An analysis for map_segmented: module-level, so that workers can run it."""
    ANALYSED.append(doc.path)
    return {"path": doc.path, "long": sum(1 for w in words if len(w.norm) >= minimum)}


def analyse(texts, minimum=4, **kwargs):
    from functools import partial

    from vnpress.pipeline.run import map_segmented

    docs = [Document(f"d{i}.txt", t) for i, t in enumerate(texts)]
    func = partial(count_long_words, minimum=minimum)
    return [r for _, r in map_segmented(func, docs, **kwargs)]


def test_map_segmented_caches_the_analysis_and_the_segmentation(calls):
    ANALYSED.clear()
    first = analyse(TEXTS)
    assert first[0] == {"path": "d0.txt", "long": 4}  # Quân, khu, công, 2024.
    assert (calls, ANALYSED) == (TEXTS, ["d0.txt", "d1.txt", "d2.txt"])
    calls.clear(), ANALYSED.clear()
    assert analyse(TEXTS) == first
    assert (calls, ANALYSED) == ([], [])  # neither segmented nor analysed again
    assert info().results == 3
    other = analyse(TEXTS, minimum=5)  # another key: analysed again, from the cached words
    assert (calls, len(ANALYSED)) == ([], 3)
    assert [r["long"] for r in other] != [r["long"] for r in first]
    calls.clear(), ANALYSED.clear()
    assert analyse(TEXTS, use_cache=False) == first
    assert (calls, len(ANALYSED)) == (TEXTS, 3)
    assert clear() == 3 and info().results == 0


def test_map_segmented_gives_the_same_results_with_workers():
    texts = [f"Đại tá Trần Văn {chr(65 + i)} dự Hội nghị Quân ủy Trung ương lần thứ {i}." for i in range(150)]
    one = analyse(texts, jobs=1, use_cache=False)
    assert analyse(texts, jobs=2) == one  # cold: in two workers
    assert analyse(texts, jobs=2) == one  # warm
    assert one[0] == {"path": "d0.txt", "long": 5}  # Đại tá, Trần Văn A dự, Hội nghị, Quân ủy, Trung ương
