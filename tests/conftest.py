"""Shared fixtures: every test gets its own segmentation cache, never the user's."""

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


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
