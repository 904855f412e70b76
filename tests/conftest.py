"""Shared fixtures: every test gets its own segmentation cache, never the user's; the synthetic
corpus, seeds/ segmented, and the gold and scorer of ../shared (skipped where absent).

Plain names (ROOT, SEEDS, the CLI helpers) are in ``helpers.py``: a conftest cannot be imported.
"""

import importlib.util
import json
import sys
from pathlib import Path

import pytest
from helpers import GOLD, ROOT, SCORE, SEEDS
from hypothesis import HealthCheck, settings

# Hypothesis's time limits (a deadline per example, a health check on slow data generation) fail
# tests on a loaded machine, never on a wrong answer: off for every property test.
settings.register_profile("vnpress", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("vnpress")


@pytest.fixture(autouse=True)
def _private_cache_dir(tmp_path, monkeypatch):
    """Library calls and CLI subprocesses (which inherit the environment) cache under tmp_path."""
    monkeypatch.setenv("VNPRESS_CACHE_DIR", str(tmp_path / "vnpress-cache"))


@pytest.fixture(scope="session")
def synthetic_corpus(tmp_path_factory):
    """``make(n)``: a directory of ``n`` distinct articles recombined from seeds/ (bench/corpus.py)."""
    spec = importlib.util.spec_from_file_location("vnpress_bench_corpus", ROOT / "bench" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    made: dict[int, Path] = {}

    def make(n: int) -> Path:
        if n not in made:
            made[n] = module.build(tmp_path_factory.mktemp(f"corpus{n}"), n)
        return made[n]

    return make


@pytest.fixture(scope="session")
def seeds():
    """seeds/ segmented once for the session: ``[(Document, words)]``, without the cache. Read only."""
    from vnpress.io.corpus import read_corpus
    from vnpress.pipeline.run import segment_documents

    return list(segment_documents(read_corpus([str(SEEDS)]), jobs=1, use_cache=False))


@pytest.fixture(scope="session")
def score():
    """../shared/eval/score.py, imported by path (never copied); the test is skipped where it is absent."""
    if not SCORE.exists():
        pytest.skip("../shared/eval/score.py is not beside this checkout")
    spec = importlib.util.spec_from_file_location("vnpress_eval_score", SCORE)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def gold() -> dict:
    """../shared/gold/seeds.json, the hand-made gold of seeds/; the test is skipped where it is absent."""
    if not GOLD.exists():
        pytest.skip("../shared/gold/seeds.json is not beside this checkout")
    return json.loads(GOLD.read_text(encoding="utf-8"))


def pytest_configure(config):
    """A shell starts a background job with SIGINT ignored (``make test &`` in a script), and an
    ignored signal stays ignored in every child: vnpress would then never see the Ctrl-C that the
    interrupt tests send it. The suite restores Python's own handler, which children do not inherit."""
    import signal

    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
