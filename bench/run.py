"""The benchmark of issues 6, 13, 14, 15, 16, 17 and 18: ratios 1-10 and 20-23, each measured side by side on a
synthetic corpus, and check 11 (the two segmenters print the same bytes).

    make bench                                   # defaults: about an hour on 2 cores (the 10,000-article builds)
    make bench BENCH_ARGS="--runs 5 --scaling-size 5000"
    .venv/bin/python bench/run.py --only 1,6

1. ``vnpress freq --jobs 1 --no-cache`` against a plain loop of ``underthesea.word_tokenize`` over
   the same files (both as fresh processes: start-up and model loading included on both sides);
   the note gives ``--segmenter underthesea`` and, if pyvi is installed, a ``ViTokenizer`` loop.
2. ``--jobs 2`` against ``--jobs 1``, both with an empty cache.
3. A warm-cache rerun against the cold run (same command, ``--jobs 2``), on 600 articles: each run
   a cold run on an empty cache, the rerun on the cache it filled, and ``vnpress --help``.
4. ``vnpress entities --no-cache`` against ``underthesea.ner``, in characters per second (ner is
   timed after its model is loaded, on fewer documents, since it is slow).
5. Peak memory (RSS of vnpress and its workers together, sampled) for the small and the large corpus.
6. ``vnpress --help`` against ``python -c "import click, rich"``.
7. Peak memory of ``freq --jobs 2`` on one file of 1, 10 and 50 MiB (``--file-sizes``): a long text
   is read in pieces, so the 50 MiB file needs about what the 1 MiB one does.
8. ``vnpress officers`` against ``vnpress entities --mentions`` (issue 13): what building the roster
   adds to the extraction it reads, on the same corpus.
9. ``collocates`` and ``keywords`` on a warm cache (``--sizes`` large corpus), and their peak memory
   on the large corpus against the small one.
11. Not a ratio but a check (issue 16): ``vnpress segment`` and ``vnpress segment --segmenter
    underthesea`` print the same bytes on the large corpus (10,000 articles), both timed.
20. ``vnpress index --no-cache`` against ``entities`` and ``freq --no-cache`` run one after the other
   on the same articles (the index segments once and does both, and more).
21. An unchanged re-index of ``--index-size`` (10,000) articles: read, hash, nothing written.
22. ``vnpress search`` latency p50 on the index of those 10,000 articles (the query in-process, on an
    open connection; the note gives a whole ``vnpress search`` process).
23. The index's size per 1,000 articles (no target: a figure for the README).
10. ``freq`` cold on a Dask cluster (``--scheduler local:1`` and ``local:2``, start-up included)
    against ``--jobs 1`` and ``--jobs 2``, on the ratio-2 corpus (needs the ``dask`` extra).

Each figure is the median of ``--runs`` runs (one run for memory), the commands compared taking
turns; vnpress is byte-compiled first and measured with bytecode caching on, as installed. Results
also go to bench/out/results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import corpus as synthetic  # noqa: E402  (bench/corpus.py, next to this file)

PYTHON = sys.executable
_script = Path(PYTHON).with_name("vnpress")
VNPRESS = [str(_script)] if _script.exists() else [PYTHON, "-m", "vnpress"]
OUT = HERE / "out"

WORD_TOKENIZE_LOOP = """
import sys
from pathlib import Path
from underthesea import word_tokenize
n = 0
for path in sorted(Path(sys.argv[1]).glob("*.txt")):
    n += len(word_tokenize(path.read_text(encoding="utf-8")))
print(n)
"""

PYVI_LOOP = """
import sys
from pathlib import Path
from pyvi import ViTokenizer
n = 0
for path in sorted(Path(sys.argv[1]).glob("*.txt")):
    n += len(ViTokenizer.tokenize(path.read_text(encoding="utf-8")).split())
print(n)
"""

NER_LOOP = """
import sys, time
from pathlib import Path
from underthesea import ner
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))[: int(sys.argv[2])]]
ner("Hà Nội")  # load the model before the clock starts
start = time.perf_counter()
for text in texts:
    for line in text.splitlines():
        if line.strip():
            ner(line)
print(time.perf_counter() - start, sum(len(t) for t in texts))
"""


@dataclass
class Result:
    number: int
    name: str
    ours: str
    theirs: str
    ratio: float | None
    target: str
    passed: bool | None
    note: str = ""


# -- running things ---------------------------------------------------------------------------------
def child_env() -> dict[str, str]:
    """The environment of measured processes: bytecode caching on, as in any installation (pip
    compiles at install time), even where PYTHONDONTWRITEBYTECODE is set for development."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def compile_package() -> None:
    import vnpress

    subprocess.run(
        [PYTHON, "-m", "compileall", "-q", str(Path(vnpress.__file__).parent)], env=child_env(), check=False
    )


def run(cmd: list[str], cache: Path | None = None, check: bool = True) -> tuple[float, bytes, bytes]:
    """Wall time, stdout and stderr of one fresh process."""
    env = child_env()
    if cache is not None:
        env["VNPRESS_CACHE_DIR"] = str(cache)
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, env=env, cwd=ROOT)
    elapsed = time.perf_counter() - start
    if check and proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr.decode()[-2000:]}")
    return elapsed, proc.stdout, proc.stderr


def median_time(cmd: list[str], runs: int, fresh_cache: bool = False, cache: Path | None = None) -> float:
    return interleaved([(cmd, "fresh" if fresh_cache else cache)], runs)[0]


def interleaved(specs: list[tuple[list[str], object]], runs: int) -> list[float]:
    """Median wall time of each command, the commands taking turns run after run, so that a burst of
    load on a shared machine hits all of them alike. A spec's cache is None (the environment's),
    "fresh" (a new empty cache each run) or a directory."""
    times: list[list[float]] = [[] for _ in specs]
    for _ in range(runs):
        for i, (cmd, cache) in enumerate(specs):
            fresh = cache == "fresh"
            c = Path(tempfile.mkdtemp(prefix="cache-", dir=OUT)) if fresh else cache
            times[i].append(run(cmd, c)[0])  # type: ignore[arg-type]
            if fresh:
                shutil.rmtree(c, ignore_errors=True)  # type: ignore[arg-type]
    return [statistics.median(t) for t in times]


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as fh:
                    stat = fh.read()
            except OSError:
                continue
            ppid = int(stat[stat.rindex(b")") + 2 :].split()[1])
            children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, []))
    return out


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return 0


def peak_memory(cmd: list[str], cache: Path) -> tuple[float, int, int]:
    """Wall time, the sampled peak of the summed RSS of the process and its workers (shared pages
    counted in each), and the peak RSS of the largest of them (from the kernel)."""
    env = {**child_env(), "VNPRESS_CACHE_DIR": str(cache)}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, sum(_rss(p) for p in _tree(proc.pid)))
            done.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    done.set()
    sampler.join()
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr.read().decode()[-2000:]}")
    return elapsed, peak, usage.ru_maxrss * 1024


# -- the six measurements ---------------------------------------------------------------------------
def _has_pyvi() -> bool:
    return subprocess.run([PYTHON, "-c", "import pyvi"], capture_output=True).returncode == 0


def overhead(corpus: Path, runs: int) -> Result:
    freq = [*VNPRESS, "freq", str(corpus), "--jobs", "1", "--no-cache", "--format", "tsv"]
    specs: list[tuple[list[str], object]] = [
        (freq, None),
        ([PYTHON, "-c", WORD_TOKENIZE_LOOP, str(corpus)], None),
        ([*freq, "--segmenter", "underthesea"], None),
    ]
    pyvi = _has_pyvi()
    if pyvi:
        specs.append(([PYTHON, "-c", PYVI_LOOP, str(corpus)], None))
    times = interleaved(specs, runs)
    ours, theirs, slow = times[:3]
    same = run(freq)[1] == run([*freq, "--segmenter", "underthesea"])[1]
    note = f"--segmenter underthesea: {slow:.2f} s ({slow / theirs:.2f}); "
    note += (
        f"pyvi ViTokenizer loop: {times[3]:.2f} s ({times[3] / theirs:.2f} of the word_tokenize loop; "
        f"vnpress freq / pyvi: {ours / times[3]:.2f})"
        if pyvi
        else "pyvi not installed (make bench installs it: .[bench])"
    )
    note += "; outputs of the two engines identical" if same else "; ENGINES DIFFER"
    ratio = ours / theirs
    return Result(
        1,
        "freq --jobs 1 --no-cache / word_tokenize loop",
        f"{ours:.2f} s",
        f"{theirs:.2f} s",
        ratio,
        "≤ 0.33",
        ratio <= 0.33 and same,
        note,
    )


def scaling(corpus: Path, runs: int) -> Result:
    freq = [*VNPRESS, "freq", str(corpus), "--format", "tsv", "--top", "0"]
    one, two = interleaved([([*freq, "--jobs", "1"], "fresh"), ([*freq, "--jobs", "2"], "fresh")], runs)
    _, two_out, _ = run([*freq, "--jobs", "2", "--no-cache"])
    _, one_out, _ = run([*freq, "--jobs", "1", "--no-cache"])
    same = two_out == one_out
    speedup = one / two
    return Result(
        2,
        "freq --jobs 2 vs --jobs 1, cold",
        f"{two:.2f} s",
        f"{one:.2f} s",
        speedup,
        "≥ 1.7×",
        speedup >= 1.7 and same,
        "outputs identical (jobs 1 / jobs 2)" if same else "OUTPUTS DIFFER",
    )


def cluster_scaling(corpus: Path, runs: int) -> Result:
    """Ratio 10: ``freq`` cold on a Dask cluster of 1 and 2 local worker processes (``--scheduler
    local:N``: the cluster's start-up and each worker's model loading included, as ``--jobs``
    includes its pool's), against ``--jobs`` with as many processes. The ratio is the efficiency
    of 2 workers, ``--jobs 2`` time / ``local:2`` time; the note gives the rest and the throughput."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        return Result(
            10,
            "freq --scheduler local:2 vs --jobs 2",
            "—",
            "—",
            None,
            "≥ 0.8",
            None,
            "needs pip install -e '.[dask]'",
        )
    freq = [*VNPRESS, "freq", str(corpus), "--format", "tsv", "--top", "0"]
    j1, j2, d1, d2 = interleaved(
        [
            ([*freq, "--jobs", "1"], "fresh"),
            ([*freq, "--jobs", "2"], "fresh"),
            ([*freq, "--scheduler", "local:1"], "fresh"),
            ([*freq, "--scheduler", "local:2"], "fresh"),
        ],
        runs,
    )
    _, reference, _ = run([*freq, "--jobs", "1", "--no-cache"])
    _, on_cluster, _ = run([*freq, "--scheduler", "local:2", "--no-cache"])
    same = on_cluster == reference
    n = len(list(corpus.glob("*.txt")))
    efficiency = j2 / d2
    note = (
        f"--jobs 1 {j1:.2f} s, local:1 {d1:.2f} s (efficiency {j1 / d1:.2f}); local:2 is {d1 / d2:.2f}× "
        f"local:1; throughput on 2 workers {n / d2:.1f} articles/s ({n / d2 / 2:.1f} per worker); "
        + ("outputs identical (jobs 1 / local:2)" if same else "OUTPUTS DIFFER")
    )
    return Result(
        10,
        f"freq --scheduler local:2 vs --jobs 2, cold, {n} articles",
        f"{d2:.2f} s",
        f"{j2:.2f} s",
        efficiency,
        "≥ 0.8",
        efficiency >= 0.8 and same,
        note,
    )


def warm_cache(corpus: Path, runs: int) -> Result:
    """Each run: a cold run on an empty cache, then the same command again on the cache it filled,
    then ``vnpress --help`` (the start-up every run pays), so that load hits the three alike."""
    freq = [*VNPRESS, "freq", str(corpus), "--format", "tsv", "--top", "0", "--jobs", "2"]
    colds, warms, helps = [], [], []
    same = True
    for _ in range(runs):
        cache = Path(tempfile.mkdtemp(prefix="cache-", dir=OUT))
        elapsed, cold_out, _ = run(freq, cache)
        colds.append(elapsed)
        elapsed, warm_out, _ = run(freq, cache)
        warms.append(elapsed)
        helps.append(run([*VNPRESS, "--help"])[0])
        same = same and cold_out == warm_out
        shutil.rmtree(cache, ignore_errors=True)
    cold, warm, start = (statistics.median(t) for t in (colds, warms, helps))
    ratio = cold / warm
    note = "outputs identical (cold / warm)" if same else "OUTPUTS DIFFER"
    note += (
        f"; vnpress --help in the same runs: {start * 1000:.0f} ms (cold / --help: {cold / start:.1f}×)"
        f"; every run (cold, warm): {', '.join(f'{c:.2f}/{w:.3f}' for c, w in zip(colds, warms, strict=True))} s"
    )
    return Result(
        3,
        "freq warm cache vs cold (--jobs 2)",
        f"{warm:.3f} s",
        f"{cold:.2f} s",
        ratio,
        "≥ 20×",
        ratio >= 20 and same,
        note,
    )


def engines_agree(corpus: Path) -> Result:
    """``vnpress segment`` with the two engines, on the large corpus, without the cache: the same
    bytes. Timed too (one run each, ``--jobs 2``)."""
    seg = [*VNPRESS, "segment", str(corpus), "--no-cache", "--jobs", "2"]
    fast_s, fast_out, _ = run(seg)
    slow_s, slow_out, _ = run([*seg, "--segmenter", "underthesea"])
    same = fast_out == slow_out
    n = len(list(corpus.glob("*.txt")))
    return Result(
        11,
        f"vnpress segment vs --segmenter underthesea, {n:,} articles (--jobs 2, --no-cache)",
        f"{fast_s:.1f} s",
        f"{slow_s:.1f} s",
        fast_s / slow_s,
        "byte-identical",
        same,
        f"{len(fast_out):,} bytes, {fast_out.count(chr(12).encode()):,} document separators; "
        + ("identical" if same else f"DIFFER from byte {_first_difference(fast_out, slow_out):,}"),
    )


def _first_difference(a: bytes, b: bytes) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


def entities_vs_ner(corpus: Path, runs: int, ner_docs: int) -> Result:
    chars = sum(len(p.read_text(encoding="utf-8")) for p in corpus.glob("*.txt"))
    try:
        ours = median_time([*VNPRESS, "entities", str(corpus), "--no-cache", "--format", "tsv"], runs)
    except RuntimeError as e:
        name = "entities --no-cache vs underthesea.ner"
        return Result(4, name, "n/a", "n/a", None, "≥ 20×", None, f"vnpress entities failed: {e}")
    _, out, _ = run([PYTHON, "-c", NER_LOOP, str(corpus), str(ner_docs)])
    ner_seconds, ner_chars = (float(x) for x in out.split())
    ours_rate, ner_rate = chars / ours, ner_chars / ner_seconds
    ratio = ours_rate / ner_rate
    return Result(
        4,
        "entities --no-cache vs underthesea.ner (chars/s)",
        f"{ours_rate / 1000:,.0f}k chars/s ({ours:.2f} s, {chars:,} chars, start-up included)",
        f"{ner_rate / 1000:,.1f}k chars/s ({ner_docs} docs, model loaded)",
        ratio,
        "≥ 20×",
        ratio >= 20,
    )


def memory(small: Path, large: Path) -> Result:
    figures = {}
    for corpus in (small, large):
        cache = Path(tempfile.mkdtemp(prefix="cache-", dir=OUT))
        cmd = [*VNPRESS, "freq", str(corpus), "--format", "tsv", "--jobs", "2"]
        cold = peak_memory(cmd, cache)
        warm = peak_memory(cmd, cache)
        shutil.rmtree(cache, ignore_errors=True)
        figures[corpus] = (cold, warm)
    (s_cold, s_warm), (l_cold, l_warm) = figures[small], figures[large]
    ratio = max(l_cold[1] / s_cold[1], l_warm[1] / s_warm[1])

    def mb(n: int) -> str:
        return f"{n / 2**20:,.0f} MB"

    n_small, n_large = (len(list(c.glob("*.txt"))) for c in (small, large))
    return Result(
        5,
        f"peak RSS, {n_large:,} vs {n_small:,} articles (freq --jobs 2)",
        f"cold {mb(l_cold[1])} (largest process {mb(l_cold[2])}), warm {mb(l_warm[1])}",
        f"cold {mb(s_cold[1])} (largest process {mb(s_cold[2])}), warm {mb(s_warm[1])}",
        ratio,
        "≤ 1.5×",
        ratio <= 1.5,
        f"cold runs: {s_cold[0]:.1f} s and {l_cold[0]:.1f} s; warm: {s_warm[0]:.1f} s and {l_warm[0]:.1f} s",
    )


def big_files(files: list[Path]) -> Result:
    """Peak RSS of ``freq --jobs 2`` on single files of growing size: a long text is read and
    analysed in pieces, so memory follows the vocabulary (about constant here), not the file."""
    figures = []
    for path in files:
        cache = Path(tempfile.mkdtemp(prefix="cache-", dir=OUT))
        cmd = [*VNPRESS, "freq", str(path), "--top", "5", "--format", "tsv", "--jobs", "2", "--no-cache"]
        elapsed, peak, largest = peak_memory(cmd, cache)
        shutil.rmtree(cache, ignore_errors=True)
        figures.append((path.stat().st_size, elapsed, peak, largest))

    def mb(n: int) -> str:
        return f"{n / 2**20:,.0f} MB"

    ratio = figures[-1][2] / figures[0][2]
    worst = max(f[2] for f in figures)
    return Result(
        7,
        f"peak RSS, one {mb(figures[-1][0])} file vs one {mb(figures[0][0])} file (freq --jobs 2)",
        ", ".join(
            f"{mb(size)} file: {mb(peak)} (largest process {mb(largest)})"
            for size, _, peak, largest in figures[1:]
        ),
        f"{mb(figures[0][0])} file: {mb(figures[0][2])} (largest process {mb(figures[0][3])})",
        ratio,
        "≤ 1.5×, and under 1 GB",
        ratio <= 1.5 and worst < 2**30,
        "runs: " + ", ".join(f"{mb(size)} in {elapsed:.0f} s" for size, elapsed, _, _ in figures),
    )


def officers_vs_entities(corpus: Path, runs: int) -> Result:
    officers = [*VNPRESS, "officers", str(corpus), "--format", "tsv"]
    entities = [*VNPRESS, "entities", str(corpus), "--mentions", "--format", "tsv"]
    plain = [*VNPRESS, "entities", str(corpus), "--format", "tsv"]
    ours, theirs, bare = interleaved([(officers, None), (entities, None), (plain, None)], runs)
    ratio = ours / theirs
    return Result(
        8,
        "officers vs entities --mentions (the roster's cost)",
        f"{ours:.2f} s",
        f"{theirs:.2f} s",
        ratio,
        "≤ 1.10",
        ratio <= 1.10,
        f"entities without --mentions (no document dates): {bare:.2f} s",
    )


def stats_warm(small: Path, large: Path, runs: int) -> Result:
    """Ratio 9: collocates and keywords on a warm cache (the segmentation and freq's counts cached by
    one ``freq`` run; the second run of each command finds its own analysis cached too), their time
    on the large corpus and their peak memory on the large against the small one (the small corpus
    is the first articles of the large, so one cache serves both)."""
    cache = Path(tempfile.mkdtemp(prefix="cache-", dir=OUT))
    warm_up, _, _ = run([*VNPRESS, "freq", str(large), "--format", "tsv", "--jobs", "2"], cache)

    def commands(corpus: Path) -> dict[str, list[str]]:
        return {
            "collocates": [*VNPRESS, "collocates", "công tác", str(corpus), "--format", "tsv", "--jobs", "2"],
            "keywords": [
                *VNPRESS,
                "keywords",
                str(corpus),
                "--reference",
                str(ROOT / "seeds"),
                "--format",
                "tsv",
            ],
        }

    first = {name: run(cmd, cache)[0] for name, cmd in commands(large).items()}  # their analyses cold
    names = list(commands(large))
    warm = dict(
        zip(names, interleaved([(cmd, cache) for cmd in commands(large).values()], runs), strict=True)
    )
    peaks = {
        (name, n): peak_memory(cmd, cache)[1]
        for n, corpus in (("small", small), ("large", large))
        for name, cmd in commands(corpus).items()
    }
    shutil.rmtree(cache, ignore_errors=True)
    ratio = max(peaks[(name, "large")] / peaks[(name, "small")] for name in names)
    n_small, n_large = (len(list(c.glob("*.txt"))) for c in (small, large))

    def mb(n: int) -> str:
        return f"{n / 2**20:,.0f} MB"

    return Result(
        9,
        f"collocates and keywords on a warm cache, {n_large:,} articles; peak RSS vs {n_small:,}",
        f"collocates {warm['collocates']:.2f} s, keywords {warm['keywords']:.2f} s; peak RSS "
        f"{mb(peaks[('collocates', 'large')])}, {mb(peaks[('keywords', 'large')])}",
        f"peak RSS on {n_small:,}: {mb(peaks[('collocates', 'small')])}, {mb(peaks[('keywords', 'small')])}",
        ratio,
        "≤ 5 s each, memory ≤ 1.5×",
        ratio <= 1.5 and max(warm.values()) <= 5,
        f"freq warm-up (segmenting, cold) {warm_up:.1f} s; first runs, their own analysis not cached yet: "
        f"collocates {first['collocates']:.2f} s, keywords {first['keywords']:.2f} s",
    )


def startup(runs: int) -> Result:
    ours, theirs = interleaved(
        [([*VNPRESS, "--help"], None), ([PYTHON, "-c", "import click, rich"], None)], runs
    )
    ratio = ours / theirs
    return Result(
        6,
        "vnpress --help vs python -c 'import click, rich'",
        f"{ours * 1000:.0f} ms",
        f"{theirs * 1000:.0f} ms",
        ratio,
        "≤ 1.5×",
        ratio <= 1.5,
    )


# -- the index (issue 14) ------------------------------------------------------------------------------
def index_vs_commands(corpus: Path, runs: int) -> Result:
    work = Path(tempfile.mkdtemp(prefix="index-", dir=OUT))
    db = work / "press.db"

    def fresh_index() -> list[str]:
        for f in work.glob("press.db*"):
            f.unlink()
        return [*VNPRESS, "index", str(corpus), "--db", str(db), "--no-cache", "--format", "tsv"]

    index_times, both_times = [], []
    entities = [*VNPRESS, "entities", str(corpus), "--no-cache", "--format", "tsv"]
    freq = [*VNPRESS, "freq", str(corpus), "--no-cache", "--format", "tsv"]
    for _ in range(runs):
        index_times.append(run(fresh_index())[0])
        both_times.append(run(entities)[0] + run(freq)[0])
    ours, theirs = statistics.median(index_times), statistics.median(both_times)
    same = run([*VNPRESS, "freq", str(db), "--format", "tsv"])[1] == run(freq)[1]
    shutil.rmtree(work, ignore_errors=True)
    ratio = ours / theirs
    return Result(
        20,
        "index --no-cache / (entities + freq --no-cache)",
        f"{ours:.2f} s",
        f"{theirs:.2f} s",
        ratio,
        "≤ 1.0",
        ratio <= 1.0 and same,
        "freq on the index identical to freq on the files" if same else "FREQ ON THE INDEX DIFFERS",
    )


def index_large(corpus: Path, runs: int, n: int) -> list[Result]:
    """Ratios 21-23 on one index of ``corpus`` (built once, with the cache)."""
    work = Path(tempfile.mkdtemp(prefix="index-", dir=OUT))
    db = work / "press.db"
    cache = work / "cache"
    build_time = run([*VNPRESS, "index", str(corpus), "--db", str(db), "--format", "tsv"], cache)[0]
    rerun = median_time(
        [*VNPRESS, "index", str(corpus), "--db", str(db), "--format", "tsv"], runs, cache=cache
    )
    _, out, _ = run(
        [*VNPRESS, "index", str(corpus), "--db", str(db), "--format", "tsv", "--no-header"], cache
    )
    unchanged = out.decode().split("\t")[4] == str(n)
    latencies = search_latencies(db)
    p50 = statistics.median(latencies) * 1000
    process = median_time(
        [*VNPRESS, "search", "Quân khu", "--db", str(db), "--format", "tsv"], runs, cache=cache
    )
    size = sum(f.stat().st_size for f in work.glob("press.db*"))
    per_1000 = size / n * 1000 / 2**20
    shutil.rmtree(work, ignore_errors=True)
    return [
        Result(
            21,
            f"unchanged re-index of {n:,} articles",
            f"{rerun:.2f} s",
            f"first build {build_time:.1f} s",
            None,
            "≤ 5 s",
            rerun <= 5 and unchanged,
            f"{n:,} reported unchanged" if unchanged else "NOT ALL UNCHANGED",
        ),
        Result(
            22,
            f"search p50 on {n:,} articles",
            f"{p50:.1f} ms",
            f"p90 {statistics.quantiles(latencies, n=10)[-1] * 1000:.1f} ms",
            None,
            "≤ 20 ms",
            p50 <= 20,
            f"{len(latencies)} queries in-process; a whole vnpress search process: {process:.2f} s",
        ),
        Result(
            23,
            "index size per 1,000 articles",
            f"{per_1000:.1f} MiB",
            f"{size / 2**20:.0f} MiB for {n:,}",
            None,
            "—",
            None,
            "text, segmentation, mentions, words, two full-text indexes",
        ),
    ]


SEARCHES = [
    "Quân khu",
    '"Quân khu 7"',
    "Chính ủy",
    "tướng",
    "công tác Đảng",
    "huấn luyện OR diễn tập",
    "đảng NOT quân",
    "Nghị quyết",
    "chính*",
    '"Bộ Quốc phòng"',
]


def search_latencies(db: Path) -> list[float]:
    sys.path.insert(0, str(ROOT))
    from vnpress.index.read import open_reader_checked
    from vnpress.index.search import search_rows

    conn = open_reader_checked(str(db))
    times = []
    for fold in (False, True):
        for _ in range(5):
            for q in SEARCHES:
                start = time.perf_counter()
                search_rows(conn, q, fold=fold, limit=20)
                times.append(time.perf_counter() - start)
    conn.close()
    return times


# -- report -----------------------------------------------------------------------------------------
def machine() -> dict[str, object]:
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count()
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {
        "cores": os.cpu_count(),
        "usable_cores": usable,
        "load_average": [round(x, 2) for x in load] if load else None,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "date_utc": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }


def report(results: list[Result], info: dict[str, object]) -> None:
    print(f"vnpress benchmark — {info['date_utc']}")
    print(
        f"machine: {info['cores']} cores ({info['usable_cores']} usable), load average {info['load_average']}, "
        f"Python {info['python']}, {info['platform']}"
    )
    print(f"corpora: {info['corpora']}; medians of {info['runs']} runs\n")
    for r in results:
        verdict = {True: "PASS", False: "FAIL", None: "n/a"}[r.passed]
        ratio = f"{r.ratio:.2f}" if r.ratio is not None else "—"
        print(f"{r.number}. {r.name}")
        print(f"   ours: {r.ours}")
        print(f"   vs:   {r.theirs}")
        print(f"   ratio {ratio} (target {r.target}): {verdict}" + (f"  [{r.note}]" if r.note else ""))
    print(f"\nload average at the end: {info['load_average_end']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The ratios of issues 6, 13, 14, 15, 16, 17 and 18.")
    parser.add_argument("--runs", type=int, default=3, help="runs per timing (median)")
    parser.add_argument("--timing-size", type=int, default=500, help="articles for ratios 1 and 4")
    parser.add_argument(
        "--scaling-size",
        type=int,
        default=2000,
        help="articles for ratio 2 (large enough that start-up, the same for any --jobs, is small)",
    )
    parser.add_argument("--cache-size", type=int, default=600, help="articles for ratio 3")
    parser.add_argument(
        "--sizes",
        type=int,
        nargs=2,
        default=[2000, 10000],
        metavar=("SMALL", "LARGE"),
        help="articles for ratio 5",
    )
    parser.add_argument(
        "--file-sizes",
        default="1,10,50",
        metavar="MB,MB,…",
        help="sizes of the single files of ratio 7, in MiB (the first is the reference)",
    )
    parser.add_argument("--ner-docs", type=int, default=20, help="articles for the underthesea.ner loop")
    parser.add_argument("--help-runs", type=int, default=10, help="runs for ratio 6")
    parser.add_argument("--seed", type=int, default=synthetic.DEFAULT_SEED)
    parser.add_argument("--index-size", type=int, default=10000, help="articles for ratios 21-23")
    parser.add_argument(
        "--only", default="1,2,3,4,5,6,7,8,9,10,11,20,21,22,23", help="which ratios, e.g. 1,6"
    )
    args = parser.parse_args(argv)
    only = {int(x) for x in args.only.split(",")}
    OUT.mkdir(parents=True, exist_ok=True)
    compile_package()

    def corpus(n: int) -> Path:
        return synthetic.build(HERE / "corpus" / f"{n}-{args.seed}", n, args.seed)

    info = machine()
    info.update(
        runs=args.runs,
        corpora=f"{args.timing_size} articles (ratios 1, 4), {args.scaling_size} (ratio 2), "
        f"{args.cache_size} (ratio 3), {args.scaling_size} (ratio 10), {args.sizes[0]} and {args.sizes[1]} (ratio 5), "
        f"single files of {args.file_sizes} MiB (ratio 7), {args.timing_size} (ratio 20), {args.index_size} (ratios 21-23)",
    )
    timing = corpus(args.timing_size)
    results: list[Result] = []
    if 6 in only:
        results.append(startup(args.help_runs))
    if 1 in only:
        results.append(overhead(timing, args.runs))
    if 2 in only:
        results.append(scaling(corpus(args.scaling_size), args.runs))
    if 10 in only:
        results.append(cluster_scaling(corpus(args.scaling_size), args.runs))
    if 3 in only:
        results.append(warm_cache(corpus(args.cache_size), args.runs))
    if 4 in only:
        results.append(entities_vs_ner(timing, args.runs, args.ner_docs))
    if 5 in only:
        results.append(memory(corpus(args.sizes[0]), corpus(args.sizes[1])))
    if 7 in only:
        sizes = [int(x) for x in args.file_sizes.split(",")]
        files = [
            synthetic.build_file(HERE / "corpus" / f"one-{n}MB-{args.seed}.txt", n, args.seed) for n in sizes
        ]
        results.append(big_files(files))
    if 8 in only:
        results.append(officers_vs_entities(timing, args.runs))
    if 9 in only:
        results.append(stats_warm(corpus(args.sizes[0]), corpus(args.sizes[1]), args.runs))
    if 20 in only:
        results.append(index_vs_commands(timing, args.runs))
    if only & {21, 22, 23}:
        large = index_large(corpus(args.index_size), args.runs, args.index_size)
        results += [r for r in large if r.number in only]
    if 11 in only:
        results.append(engines_agree(corpus(args.sizes[1])))
    results.sort(key=lambda r: r.number)
    info["load_average_end"] = machine()["load_average"]
    report(results, info)
    (OUT / "results.json").write_text(
        json.dumps({"machine": info, "results": [asdict(r) for r in results]}, ensure_ascii=False, indent=2)
        + "\n"
    )
    return 0 if all(r.passed is not False for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
