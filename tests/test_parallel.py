"""map_documents and the batch runner: order, batching, streaming, errors, Ctrl-C."""

import functools
import itertools
import json
import os
import signal
import subprocess
import sys

import pytest
from helpers import ROOT, SAFETY_NET, VNPRESS, hold_open, run_vnpress

from vnpress.io import progress
from vnpress.io.corpus import Document
from vnpress.pipeline import parallel
from vnpress.pipeline.parallel import BATCH_CHARS, BATCH_DOCS, Runner, batches, lookahead, map_documents


def docs(n: int, size: int = 10):
    return [Document(f"d{i:04d}.txt", f"{i:0{size}d}") for i in range(n)]


# Module-level, so that worker processes can unpickle them.
def text_and_pid(doc: Document) -> tuple[str, int]:
    return doc.text.upper(), os.getpid()


def fail_on_seven(doc: Document) -> str:
    if doc.path == "d0007.txt":
        raise ValueError("seven")
    return doc.text


def test_batches_close_at_the_document_count_or_the_character_count():
    sizes = [len(b) for b in batches(docs(BATCH_DOCS * 2 + 3))]
    assert sizes == [BATCH_DOCS, BATCH_DOCS, 3]
    big = [Document(str(i), "x" * (BATCH_CHARS // 2)) for i in range(5)]
    assert [len(b) for b in batches(big)] == [2, 2, 1]
    assert list(batches([])) == []


def test_lookahead_says_whether_there_is_a_single_item():
    assert list(lookahead([])) == []
    assert list(lookahead(["a"])) == [("a", True)]
    assert list(lookahead("abc")) == [("a", False), ("b", False), ("c", False)]


@pytest.mark.parametrize("jobs", [1, 2, None])
def test_results_come_back_in_input_order_whatever_the_jobs(jobs):
    corpus = docs(BATCH_DOCS * 3 + 5)
    out = list(map_documents(text_and_pid, corpus, jobs=jobs))
    assert [d for d, _ in out] == corpus
    assert [r[0] for _, r in out] == [d.text.upper() for d in corpus]


def test_several_batches_go_to_worker_processes():
    out = list(map_documents(text_and_pid, docs(BATCH_DOCS * 4), jobs=2))
    pids = {pid for _, (_, pid) in out}
    assert os.getpid() not in pids
    assert 1 <= len(pids) <= 2
    # a batch is one task: the documents of a batch were all handled by one process
    for start in range(0, len(out), BATCH_DOCS):
        assert len({pid for _, (_, pid) in out[start : start + BATCH_DOCS]}) == 1


def test_one_job_or_a_single_batch_runs_in_process(monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started")

    import multiprocessing  # (parallel imports it where a pool is started)

    monkeypatch.setattr(multiprocessing, "get_context", no_pool)
    for jobs, n in [(1, BATCH_DOCS * 3), (4, BATCH_DOCS - 1)]:
        out = list(map_documents(text_and_pid, docs(n), jobs=jobs))
        assert {pid for _, (_, pid) in out} == {os.getpid()}


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_corpus_is_streamed_not_read_whole(jobs):
    consumed = itertools.count()

    def endless():
        for i in itertools.count():
            next(consumed)
            yield Document(f"{i}", f"text {i}")

    results = map_documents(text_and_pid, endless(), jobs=jobs)
    first = list(itertools.islice(results, 3 * BATCH_DOCS))
    results.close()  # terminates the pool
    assert [d.path for d, _ in first] == [str(i) for i in range(3 * BATCH_DOCS)]
    read = next(consumed)
    window = Runner(jobs).window
    assert read <= (window + 4) * BATCH_DOCS


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_error_in_the_function_reaches_the_caller(jobs):
    with pytest.raises(ValueError, match="seven"):
        list(map_documents(fail_on_seven, docs(BATCH_DOCS * 3), jobs=jobs))


def test_start_method_forks_only_a_single_threaded_parent():
    import threading

    assert parallel.start_method() in ("fork", "forkserver", "spawn")
    if sys.platform.startswith("linux"):
        # in a fresh process: this one may run threads left by earlier tests (Dask's offload thread)
        fresh = subprocess.run(
            [sys.executable, "-c", "from vnpress.pipeline import parallel; print(parallel.start_method())"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=SAFETY_NET,
        )
        assert fresh.stdout == "fork\n"
        stop = threading.Event()
        t = threading.Thread(target=stop.wait)
        t.start()
        try:
            assert parallel.start_method() == "forkserver"
        finally:
            stop.set()
            t.join()


def test_ctrl_c_exits_130_without_a_traceback_from_the_workers(synthetic_corpus, tmp_path):
    """Ctrl-C in the middle of a cold run with two workers: whatever the machine's speed, the run is
    interrupted at the same point. The last input is a FIFO; when vnpress opens it, the 80 articles
    before it have gone through the workers (at most ``window`` batches, some 30 articles, are in
    flight at once), and vnpress cannot finish until the test closes the FIFO's write end."""
    (tmp_path / "a").symlink_to(synthetic_corpus(80))
    fifo = tmp_path / "z.txt"  # sorted after a/
    os.mkfifo(fifo)
    proc = subprocess.Popen(
        [*VNPRESS, "freq", tmp_path / "a", fifo, "--jobs", "2", "--format", "tsv"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        start_new_session=True,  # its own process group, which a terminal's Ctrl-C signals whole
    )
    writer = hold_open(fifo, proc)  # the batches sent just before are likely still being segmented
    try:
        os.killpg(proc.pid, signal.SIGINT)
        out, err = proc.communicate(timeout=SAFETY_NET)
    finally:
        writer.close()
    assert proc.returncode == 130
    assert "Traceback" not in err.decode()
    assert err.decode().strip() == "vnpress: interrupted"  # click writes a newline after the ^C
    assert out == b""
    (cache,) = json.loads(run_vnpress("cache", "info", "--format", "json", check=True).stdout)
    assert cache["entries"] > 0  # the workers did segment: the parent stored their batches


class Recorder(progress.Tracker):
    def __init__(self):
        self.batches: list[tuple[int, int]] = []
        self.closed = False

    def advance(self, docs: int, chars: int) -> None:
        self.batches.append((docs, chars))

    def close(self) -> None:
        self.closed = True


def test_progress_is_reported_per_batch_to_the_installed_tracker(monkeypatch):
    made: list[Recorder] = []
    monkeypatch.setattr(progress, "_factory", lambda: made.append(Recorder()) or made[-1])
    corpus = docs(BATCH_DOCS + 1, size=7)
    assert len(list(map_documents(text_and_pid, corpus, jobs=1))) == BATCH_DOCS + 1
    (tracker,) = made
    assert tracker.batches == [(BATCH_DOCS, 7 * BATCH_DOCS), (1, 7)] and tracker.closed


def test_no_tracker_and_warnings_to_the_logger_unless_installed(monkeypatch, caplog):
    monkeypatch.setattr(progress, "_factory", None)
    monkeypatch.setattr(progress, "_on_warning", None)
    with progress.tracker() as t:
        assert type(t) is progress.Tracker  # the silent one
    progress.warn("cache rebuilt")
    assert caplog.messages == ["cache rebuilt"]
    seen: list[str] = []
    monkeypatch.setattr(progress, "_on_warning", seen.append)
    progress.warn("again")
    assert seen == ["again"] and caplog.messages == ["cache rebuilt"]


def test_the_rich_bar_appears_only_after_its_delay_and_goes_away():
    from io import StringIO

    from rich.console import Console

    out = StringIO()
    console = Console(file=out, force_terminal=True, width=80)
    quiet = progress.RichBar(delay=60, console=console)
    quiet.advance(10, 1000)
    quiet.close()
    assert out.getvalue() == ""
    bar = progress.RichBar(delay=0, console=console)
    bar.advance(64, 200_000)
    bar.close()
    assert "64 documents" in out.getvalue() and "chars/s" in out.getvalue()


def shout_and_log(doc: Document, log: str, suffix: str = "") -> str:
    """Appends the path to the file ``log``, so that calls in worker processes are counted too (an
    argument, not the environment: a forkserver started by an earlier test keeps the environment it
    was started with)."""
    with open(log, "a") as fh:
        fh.write(doc.path + "\n")
    return doc.text.upper() + suffix


@pytest.mark.parametrize("jobs", [1, 2])
def test_map_documents_cached_computes_each_result_once(jobs, tmp_path):
    from vnpress.pipeline.cache.store import info

    log = tmp_path / "calls"
    shout = functools.partial(shout_and_log, log=str(log))
    corpus = docs(BATCH_DOCS * 2 + 1)
    expected = [(d, d.text.upper()) for d in corpus]
    assert list(map_documents(shout, corpus, jobs=jobs, cached=True)) == expected
    assert sorted(log.read_text().split()) == [d.path for d in corpus]
    assert info().results == len(corpus)
    log.write_text("")
    changed = [*corpus[:-1], Document(corpus[-1].path, "changed")]
    out = list(map_documents(shout, changed, jobs=jobs, cached=True))
    assert out[-1] == (changed[-1], "CHANGED") and out[:-1] == expected[:-1]
    assert log.read_text().split() == [corpus[-1].path]  # only the changed text
    log.write_text("")
    other = functools.partial(shout, suffix="!")  # another argument: another key
    assert list(map_documents(other, corpus[:1], jobs=jobs, cached=True))[0][1].endswith("!")
    list(map_documents(other, corpus[1:3], jobs=jobs, cached=True))
    list(map_documents(shout, corpus[:3], jobs=jobs, cached=True, use_cache=False))
    list(map_documents(shout, corpus[:3], jobs=jobs))  # not cached
    assert len(log.read_text().split()) == 9


def gc_threshold(doc: Document) -> int:
    import gc

    return gc.get_threshold()[0]


@pytest.mark.parametrize("jobs", [1, 2])
def test_batch_work_collects_young_garbage_every_10000_allocations_not_700(jobs):
    import gc

    before = gc.get_threshold()
    try:
        gc.set_threshold(700, *before[1:])
        out = list(map_documents(gc_threshold, docs(BATCH_DOCS * 2), jobs=jobs))
        assert {t for _, t in out} == {parallel.YOUNG_GC_THRESHOLD}  # in-process and in the workers
        assert gc.get_threshold()[1:] == before[1:]  # the older generations keep their thresholds
    finally:
        gc.set_threshold(*before)
