"""--scheduler on real Dask clusters: a LocalCluster(n_workers=2, processes=True) made by the test,
and a scheduler and two workers started as separate processes on 127.0.0.1, as a user starts them
(``dask scheduler`` / ``dask worker``). The output is byte-identical to ``--jobs 1``; a worker killed
mid-run changes nothing; Ctrl-C cancels the run's tasks and exits 130; URLs and archives are read
on the client; without the extra, --scheduler says how to install it.

Both clusters are module-scoped (a few seconds each to start) and killed at the end. No test waits
for time to pass: each polls the scheduler for the state it needs, with a deadline."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import ROOT, SAFETY_NET, SEEDS, VNPRESS, hold_open, invoke, run_vnpress

distributed = pytest.importorskip("distributed")

from vnpress.pipeline.distributed import INSTALL_HINT  # noqa: E402

CORPUS_SIZE = 80  # 14 batches: more than FANIN, so the tree reduction has two levels


def poll(condition: Callable[[], object], what: str, deadline: float = SAFETY_NET) -> object:
    """``condition()`` once it is true; fails after ``deadline`` seconds (a safety net)."""
    end = time.monotonic() + deadline
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > end:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.05)


@pytest.fixture(scope="module", autouse=True)
def _leave_no_thread():
    """Dask keeps an offload thread in a process that used it. The tests after this module run
    --jobs pools in this process, which fork only from a single-threaded one (else forkserver, whose
    server would not see their environment): so that thread is stopped at the end (a new executor
    takes its place, which starts a thread only when used)."""
    yield
    from concurrent.futures import ThreadPoolExecutor

    import distributed.utils

    distributed.utils._offload_executor.shutdown(wait=True)
    distributed.utils._offload_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="Dask-Offload")
    poll(lambda: threading.active_count() == 1, "Dask's threads to end")


@pytest.fixture(scope="module")
def local_cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.ERROR
    ) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def process_cluster(tmp_path_factory):
    """``dask scheduler`` and two ``dask worker`` processes on 127.0.0.1 (nannies restart a worker
    that is killed); the scheduler's address."""
    where = tmp_path_factory.mktemp("dask")
    dask = str(Path(sys.executable).with_name("dask"))
    scheduler_file = where / "scheduler.json"
    logs = open(where / "cluster.log", "wb")  # noqa: SIM115 (closed below)
    procs = [
        subprocess.Popen(
            [
                dask,
                "scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--no-dashboard",
                "--dashboard-address",
                ":0",
            ]
            + ["--scheduler-file", str(scheduler_file)],
            stdout=logs,
            stderr=logs,
            cwd=where,
        )
    ]
    try:
        poll(lambda: scheduler_file.exists() and scheduler_file.stat().st_size > 0, "the scheduler file")
        address = json.loads(scheduler_file.read_text())["address"]
        for i in range(2):
            procs.append(
                subprocess.Popen(
                    [dask, "worker", address, "--nthreads", "1", "--nworkers", "1", "--no-dashboard"]
                    + ["--host", "127.0.0.1", "--name", f"w{i}"],
                    stdout=logs,
                    stderr=logs,
                    cwd=where,
                )
            )
        with distributed.Client(address, timeout=SAFETY_NET) as client:
            client.wait_for_workers(2, timeout=SAFETY_NET)
        yield address
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in reversed(procs):
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        logs.close()


@pytest.fixture(params=["local_cluster", "process_cluster"])
def cluster(request):
    return request.getfixturevalue(request.param)


@pytest.fixture(scope="module")
def corpus(synthetic_corpus):
    return synthetic_corpus(CORPUS_SIZE)


COMMANDS = [  # on both clusters
    ("freq", "--top", "0"),
    ("entities", "--mentions", "--format", "jsonl"),
    ("expand-abbrev", "--by-file"),
]
MORE_COMMANDS = [  # on the separate processes only (the suite's time)
    ("freq", "--by-file", "--top", "5", "--no-cache"),
    ("entities",),
    ("expand-abbrev",),
    ("officers", "--appearances"),
    ("keywords", "--reference-sample", "--min-freq", "2"),
]


@pytest.fixture(scope="module")
def reference(corpus):
    """Each command's output with ``--jobs 1`` (computed once)."""
    made: dict[tuple[str, ...], str] = {}

    def of(*args: str) -> str:
        if args not in made:
            result = invoke(*args, "--jobs", "1", env={"VNPRESS_NO_CACHE": "1"})
            assert result.exit_code == 0, result.stderr
            made[args] = result.stdout
        return made[args]

    return of


def _same_as_jobs_1(address, corpus, reference, command):
    name, *options = command
    expected = reference(name, str(corpus), *options)
    assert expected.count("\n") > 5
    result = invoke(name, corpus, *options, "--scheduler", address)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == expected
    if name == "freq" and "--no-cache" not in options:
        # again, with the segmentations the client cached the first time: the same output
        assert invoke(name, corpus, *options, "--scheduler", address).stdout == expected


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_gives_the_output_of_jobs_1_on_either_cluster(cluster, corpus, reference, command):
    _same_as_jobs_1(cluster, corpus, reference, command)


@pytest.mark.parametrize("command", MORE_COMMANDS, ids=" ".join)
def test_more_options_give_the_output_of_jobs_1(process_cluster, corpus, reference, command):
    _same_as_jobs_1(process_cluster, corpus, reference, command)


def test_local_n_starts_a_cluster_of_its_own_and_gives_the_same_output(reference):
    expected = reference("freq", str(SEEDS), "--top", "0")
    proc = run_vnpress("freq", SEEDS, "--top", "0", "--scheduler", "local:1", text=True)
    assert (proc.returncode, proc.stderr) == (0, "")
    assert proc.stdout == expected


def test_a_worker_killed_mid_run_is_retried_and_the_output_is_complete_and_identical(
    process_cluster, corpus, tmp_path
):
    """The last input is a FIFO: once vnpress opens it, every batch before it has been sent; when
    the workers hold their results (partial counts not yet combined), one worker is killed, and only
    then is the FIFO given its article. Dask computes the lost results again on the other worker."""
    extra = tmp_path / "extra"
    extra.mkdir()
    last = SEEDS / sorted(os.listdir(SEEDS))[0]
    shutil.copy(last, extra / "z.txt")
    expected = invoke("freq", corpus, extra, "--top", "0", "--jobs", "1").stdout
    (tmp_path / "a").symlink_to(corpus)
    fifo = tmp_path / "z.txt"  # sorted after a/
    os.mkfifo(fifo)
    with distributed.Client(process_cluster, timeout=SAFETY_NET) as client:
        proc = subprocess.Popen(
            [*VNPRESS, "freq", tmp_path / "a", fifo, "--top", "0", "--scheduler", process_cluster],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=ROOT,
        )
        writer = hold_open(fifo, proc)
        try:

            def holding() -> str | None:
                if any(client.processing().values()):
                    return None
                held = {w: len(keys) for w, keys in client.has_what().items() if keys}
                return max(held, key=held.get) if held else None

            victim = poll(holding, "the workers to hold the run's results")
            pid = client.run(os.getpid, workers=[victim])[victim]
            os.kill(pid, signal.SIGKILL)
            poll(lambda: victim not in client.scheduler_info()["workers"], "the scheduler to lose the worker")
            writer.write(last.read_bytes())
        finally:
            writer.close()
        out, err = proc.communicate(timeout=SAFETY_NET)
        assert proc.returncode == 0, err.decode()
        assert out.decode() == expected
        client.wait_for_workers(2, timeout=SAFETY_NET)  # the nanny's new worker, for the next tests


def test_ctrl_c_cancels_the_runs_tasks_and_exits_130(process_cluster, corpus, tmp_path):
    (tmp_path / "a").symlink_to(corpus)
    fifo = tmp_path / "z.txt"
    os.mkfifo(fifo)
    with distributed.Client(process_cluster, timeout=SAFETY_NET) as client:
        proc = subprocess.Popen(
            [*VNPRESS, "freq", tmp_path / "a", fifo, "--no-cache", "--scheduler", process_cluster],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=ROOT,
        )
        writer = hold_open(fifo, proc)
        try:
            poll(lambda: any(client.has_what().values()), "the run's tasks on the workers")
            proc.send_signal(signal.SIGINT)
            out, err = proc.communicate(timeout=SAFETY_NET)
        finally:
            writer.close()
        assert proc.returncode == 130
        assert err.decode().strip() == "vnpress: interrupted"
        assert out == b""
        poll(lambda: not any(client.has_what().values()), "the cluster to let the run's tasks go")


@pytest.mark.xfail(
    reason="known race, seen once in five full runs: a Ctrl-C that comes while local:N is still starting its "
    "workers can leave vnpress waiting on a worker's start-up pipe (the note of 2026-12-08 has the details)",
    strict=False,
)
def test_ctrl_c_at_a_terminal_stops_a_local_cluster_without_a_traceback(corpus, tmp_path):
    """A terminal's Ctrl-C reaches the whole process group, local:N's workers included: they were
    born ignoring it, so only vnpress is interrupted, and it shuts them down."""
    (tmp_path / "a").symlink_to(corpus)
    fifo = tmp_path / "z.txt"
    os.mkfifo(fifo)
    proc = subprocess.Popen(
        [*VNPRESS, "freq", tmp_path / "a", fifo, "--scheduler", "local:2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        start_new_session=True,
    )
    writer = hold_open(fifo, proc)
    try:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            out, err = proc.communicate(timeout=60)  # the known race hangs: fail in a minute, not five
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            pytest.fail("vnpress still runs a minute after Ctrl-C")
    finally:
        writer.close()
    assert (proc.returncode, err.decode().strip(), out) == (130, "vnpress: interrupted", b"")
    poll(lambda: _group_is_gone(proc.pid), "local:2's workers to exit")


def _group_is_gone(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return True
    return False


def test_a_file_that_does_not_decode_is_one_line_and_the_others_are_counted(
    process_cluster, corpus, tmp_path
):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Qu\xe2n khu 7 \xff\xfe")
    expected = invoke("freq", corpus, "--top", "0", "--jobs", "1").stdout
    result = invoke("freq", corpus, bad, "--top", "0", "--scheduler", process_cluster)
    assert result.exit_code == 1
    assert result.stderr == (
        f"vnpress: error: {bad}: cannot decode as utf-8 at byte 2; use --encoding NAME for another encoding\n"
    )
    assert result.stdout == expected


def test_a_zip_archive_and_a_memory_url_on_the_cluster(process_cluster, corpus, tmp_path, reference):
    import fsspec

    archive = tmp_path / "press.zip"
    articles = sorted(f for f in os.listdir(corpus) if f.endswith(".txt"))
    with zipfile.ZipFile(archive, "w") as z:
        for f in articles:
            z.write(corpus / f, f"press/{f}")
    expected = reference("freq", str(corpus), "--top", "0")
    result = invoke("freq", archive, "--top", "0", "--scheduler", process_cluster)
    assert (result.exit_code, result.stderr, result.stdout) == (0, "", expected)
    by_file = invoke("entities", archive, "--by-file", "--type", "unit", "--scheduler", process_cluster)
    assert by_file.stdout.splitlines()[1].startswith(f"{archive}!press/{articles[0]}\t")

    fs = fsspec.filesystem("memory")
    for f in articles:
        fs.pipe(f"/t17d/{f}", (corpus / f).read_bytes())
    try:
        result = invoke("freq", "memory://t17d/*.txt", "--top", "0", "--scheduler", process_cluster)
    finally:
        fs.rm("/t17d", recursive=True)
    assert (result.exit_code, result.stderr, result.stdout) == (0, "", expected)


def test_without_the_extra_scheduler_says_how_to_install_it():
    blocked = "import sys; sys.modules['distributed'] = None; from vnpress.cli import main; main()"
    proc = subprocess.run(
        [sys.executable, "-c", blocked, "freq", str(SEEDS), "--scheduler", "local:2"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=SAFETY_NET,
    )
    assert proc.returncode == 2
    assert proc.stderr == f"vnpress: error: {INSTALL_HINT}\n"
    assert proc.stdout == ""
    # and without --scheduler nothing changes
    plain = subprocess.run(
        [sys.executable, "-c", blocked, "freq", str(SEEDS), "--top", "3", "--jobs", "1"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=SAFETY_NET,
        env={**os.environ},
    )
    assert plain.returncode == 0 and plain.stdout.count("\n") == 4


@pytest.mark.parametrize(
    "address, message",
    [
        ("local:0", "--scheduler local:N needs N ≥ 1 worker processes"),
        ("localhost", "--scheduler 'localhost': write local:N, N the number of worker processes"),
        ("nowhere", "--scheduler 'nowhere': give tcp://HOST:PORT or local:N"),
    ],
)
def test_a_bad_address_is_a_usage_error(address, message):
    result = invoke("freq", SEEDS, "--scheduler", address)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == f"vnpress: error: {message}"


def test_the_map_functions_run_on_the_cluster_inside_the_context(local_cluster):
    """What a new command gets for nothing: inside ``scheduler()``, map_documents runs its
    function on the workers (their pids), and the results come back in input order."""
    from vnpress.io.corpus import Document
    from vnpress.pipeline.distributed import scheduler
    from vnpress.pipeline.parallel import map_documents

    docs = [Document(f"d{i:03}", "x" * 600) for i in range(200)]
    with scheduler(local_cluster):
        results = list(map_documents(_pid_and_path, docs))
    assert [d.path for d, _ in results] == [d.path for d in docs]
    assert [p for _, (_, p) in results] == [d.path for d in docs]
    pids = {pid for _, (pid, _) in results}
    assert os.getpid() not in pids
    with contextlib.suppress(Exception), distributed.Client(local_cluster) as client:
        assert pids <= set(client.run(os.getpid).values())


def _pid_and_path(doc):
    return os.getpid(), doc.path


def test_an_index_built_on_a_cluster_is_the_index_built_here(process_cluster, corpus, tmp_path):
    """The workers analyse, the client writes (SQLite has one writer): every command then prints the
    same from either database."""
    here, there = tmp_path / "here.db", tmp_path / "there.db"
    assert invoke("index", corpus, "--db", here, "--jobs", "1").exit_code == 0
    built = invoke("index", corpus, "--db", there, "--scheduler", process_cluster)
    assert (built.exit_code, built.stderr) == (0, "")
    for args in (["freq", "--top", "0"], ["entities", "--mentions"], ["officers", "--appearances"], ["meta"]):
        expected = invoke(*args, here, "--format", "tsv").stdout
        assert expected.count("\n") > 1
        assert invoke(*args, there, "--format", "tsv").stdout == expected, args
