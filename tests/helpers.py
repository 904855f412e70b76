"""What the test modules share besides fixtures: where things are, one way to run the CLI in-process
and one way to run it as a real process, and a FIFO that keeps a run going until the test lets go.

Fixtures live in ``conftest.py``; plain names live here, because a conftest cannot be imported.
pytest puts ``tests/`` on ``sys.path`` (it has no ``__init__.py``), so a test module writes
``from helpers import SEEDS, invoke``.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import IO

import pytest
from click.testing import CliRunner, Result

from vnpress.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"  # the gold and the scorer, beside the checkout (not in the repository)
SCORE = SHARED / "eval" / "score.py"
GOLD = SHARED / "gold" / "seeds.json"

needs_shared = pytest.mark.skipif(
    not (SCORE.exists() and GOLD.exists()), reason="../shared (gold and scorer) is not beside this checkout"
)

VNPRESS = [sys.executable, "-m", "vnpress"]

# Seconds after which a process that should have answered is declared hung. Only a safety net: no
# test waits for time to pass, each waits for an event (an exit, a line, a file opened).
SAFETY_NET = 300


def invoke(
    *args: object,
    input: str | bytes | None = None,
    env: Mapping[str, str] | None = None,
    catch_exceptions=False,
) -> Result:
    """``vnpress ARGS`` in-process, through Click's CliRunner: ``.stdout`` and ``.stderr`` apart,
    ``.output`` both interleaved. An exception escapes unless ``catch_exceptions``."""
    runner = CliRunner(env=dict(env) if env else None)
    return runner.invoke(cli, [str(a) for a in args], input=input, catch_exceptions=catch_exceptions)


def run_vnpress(
    *args: object,
    input: str | bytes | None = None,
    text: bool = False,
    check: bool = False,
    env: Mapping[str, str] | None = None,
) -> subprocess.CompletedProcess:
    """``python -m vnpress ARGS`` as a real process in the checkout, stdout and stderr captured apart
    (``bytes`` unless ``text``); ``check`` asserts exit status 0.

    Its cache is the test's own: conftest points ``VNPRESS_CACHE_DIR`` under the test's ``tmp_path``,
    and the child inherits it (``env`` adds or overrides variables: a module-scoped fixture, which
    runs before that, passes its own ``VNPRESS_CACHE_DIR``)."""
    child_env = {**os.environ, **(env or {})}
    if "VNPRESS_CACHE_DIR" not in child_env:
        raise RuntimeError("run_vnpress outside a test: it would use the user's cache")
    proc = subprocess.run(
        [*VNPRESS, *map(str, args)],
        input=input,
        capture_output=True,
        text=text,
        cwd=ROOT,
        env=child_env,
        timeout=SAFETY_NET,
    )
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def hold_open(fifo: Path, proc: subprocess.Popen) -> IO[bytes]:
    """The write end of the FIFO ``fifo``, returned once ``proc`` has opened it to read it.

    From then on ``proc`` is blocked reading a file that ends only when the caller closes the write
    end: it is at a known point of its run (past start-up, its earlier inputs read), however fast or
    slow the machine. Fails, with ``proc``'s stderr, if ``proc`` ends (or hangs past the safety net)
    without opening it. The caller closes the write end.
    """

    def unblock_if_it_never_opens() -> None:
        try:
            proc.wait(timeout=SAFETY_NET)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        # A reader, so that the open() below returns; harmless once proc has opened the FIFO.
        with contextlib.suppress(OSError):
            os.close(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))

    threading.Thread(target=unblock_if_it_never_opens, daemon=True).start()
    # Blocks until a reader has opened the FIFO; the caller closes it.
    writer = open(fifo, "wb")  # noqa: SIM115
    if proc.poll() is not None:
        writer.close()
        stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
        pytest.fail(f"vnpress exited with status {proc.returncode} before it read {fifo}: {stderr}")
    return writer
