"""The README's pipe recipes run as printed (on seeds/ for archive/), with whichever of their tools are here."""

import importlib.util
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from vnpress.io.tables import ENTITY_MENTIONS, FREQ

ROOT = Path(__file__).resolve().parent.parent


def recipes() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Pipes\n") : readme.index("## The rules of input and output\n")]
    block = section[section.index("```sh\n") + 6 :]
    block = block[: block.index("```")]
    return [line for line in block.splitlines() if line.strip() and not line.startswith("#")]


def tools(line: str) -> list[str]:
    """The first word of each stage of a pipeline (quoted text, a jq program or awk's, left out)."""
    unquoted = re.sub(r"'[^']*'|\"[^\"]*\"", "''", line)
    return [stage.split()[0] for stage in unquoted.split("|")]


def available(line: str, path: str) -> bool:
    for tool in tools(line):
        if tool == "python3":
            if importlib.util.find_spec("pandas") is None:
                return False
        elif shutil.which(tool, path=path) is None:
            return False
    return True


def test_tools_are_the_first_word_of_each_stage():
    assert tools("vnpress x | jq -r '[.a] | @tsv' | sort -k1") == ["vnpress", "jq", "sort"]


def test_the_recipes_use_each_tables_key_and_no_header_before_sort():
    lines = recipes()
    mentions = next(line for line in lines if "upsert press.db mentions" in line)
    words = next(line for line in lines if "upsert press.db words" in line)
    assert re.findall(r"--pk (\w+)", mentions) == list(ENTITY_MENTIONS.key)
    assert re.findall(r"--pk (\w+)", words) == list(FREQ.key)
    for line in lines:
        if "| sort" in line:
            assert "--no-header" in line.split("| sort")[0]


def test_every_recipe_runs_as_printed(tmp_path):
    (tmp_path / "archive").symlink_to(ROOT / "seeds")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    if shutil.which("vnpress", path=env["PATH"]) is None:
        pytest.skip("no vnpress command beside this Python")
    ran = []

    def run(line: str) -> str:
        proc = subprocess.run(["bash", "-c", line], cwd=tmp_path, env=env, capture_output=True, text=True)
        assert (proc.returncode, proc.stderr) == (0, ""), line
        return proc.stdout

    for line in recipes():
        if not available(line, env["PATH"]):
            continue
        out = run(line)
        assert out or ">" in line or "sqlite-utils" in line, line
        ran.append(line)
    assert any("sort" in line for line in ran) and any("awk" in line for line in ran)
    loads = [line for line in ran if "sqlite-utils" in line]
    if loads:  # idempotent: a second run leaves every table as it was
        before = table_counts(tmp_path / "press.db")
        assert before and all(before.values())
        for line in loads:
            run(line)
        assert table_counts(tmp_path / "press.db") == before


def table_counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {n: conn.execute(f'SELECT COUNT(*) FROM "{n}"').fetchone()[0] for n in names}
