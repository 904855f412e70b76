"""The README's session with the index (from ``vnpress index seeds/ --db press.db`` to a search) prints
what the README shows, run as printed in a directory holding seeds/ (``vnpress serve`` left out: it
is a server, tested in test_index_serve.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from helpers import ROOT, SAFETY_NET, SEEDS

SECTION = "## The archive as a database: `vnpress index`, `search`, `serve`\n"


def session() -> list[tuple[str, str]]:
    """``(command, expected output)`` of each ``$`` line of the section's console block."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index(SECTION) :]
    block = section[section.index("```console\n") + len("```console\n") :]
    block = block[: block.index("```")]
    steps: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            steps.append((line[2:].split("  #")[0].strip(), []))
        else:
            steps[-1][1].append(line)
    return [(command, "".join(f"{o}\n" for o in out)) for command, out in steps]


def test_the_readme_session_prints_what_the_readme_shows(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    steps = session()
    assert steps[0][0] == "vnpress index seeds/ --db press.db"
    assert any(command.startswith("vnpress search") for command, _ in steps)
    for command, expected in steps:
        if command.startswith("vnpress serve"):
            continue
        proc = subprocess.run(
            ["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=SAFETY_NET
        )
        assert proc.returncode == 0, (command, proc.stderr)
        assert proc.stdout == expected, command
