"""The contract every command shares: inputs, errors, exit statuses, output formats, start-up."""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import click
import pytest
from helpers import ROOT, SAFETY_NET, SEEDS, VNPRESS, hold_open, invoke

import vnpress.cli.app as cli_module
from vnpress.cli import cli

ARTICLE = "Thiếu tướng Chu Văn Đoàn dự hội nghị của lực lượng vũ trang (LLVT) Quân khu 7.\n"


def all_commands(group=cli, prefix=()):
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from all_commands(command, (*prefix, name))
        else:
            yield (*prefix, name)


def test_every_command_has_help_with_a_one_line_example():
    for path in [(), *all_commands()]:
        result = invoke(*path, "--help")
        assert result.exit_code == 0, path
        examples = [
            line.strip() for line in result.output.splitlines() if line.strip().startswith("Example: vnpress")
        ]
        assert len(examples) == 1, (path, result.output)


@pytest.mark.parametrize("args", [["--help"], *[[*c, "--help"] for c in all_commands()]])
def test_help_does_not_import_underthesea(args):
    code = (
        "import sys\n"
        "from vnpress.cli import main\n"
        "try:\n"
        f"    main({args!r})\n"
        "except SystemExit as e:\n"
        "    assert e.code == 0, e.code\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('underthesea', 'underthesea_core', 'sqlite3'))\n"
        "print(heavy, file=sys.stderr)\n"
        "sys.exit(1 if heavy else 0)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr


def test_every_output_command_takes_the_shared_output_options():
    for path in all_commands():
        command = cli
        for name in path:
            command = command.commands[name]
        names = {p.name for p in command.params}
        if path not in {("cache", "clear"), ("report",), ("serve",)}:  # report writes one HTML file
            assert {"fmt", "no_header", "color"} <= names, path
        if path[0] not in ("cache", "schema", "search", "serve"):  # search and serve read an index
            assert {"paths", "glob", "encoding", "jobs"} <= names, path
            # --no-cache only where there is something cached: expand-abbrev and meta cache nothing
            assert ("no_cache" in names) == (path not in {("expand-abbrev",), ("meta",)}), path


def test_a_missing_path_is_one_line_naming_it_and_the_rest_is_processed(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    result = invoke("entities", "--format", "tsv", "--type", "rank", str(tmp_path / "missing.txt"), str(good))
    assert result.exit_code == 1
    assert result.stderr == f"vnpress: error: {tmp_path / 'missing.txt'}: no such file or directory\n"
    assert "Thiếu tướng" in result.stdout


def test_an_undecodable_file_names_the_byte_and_suggests_encoding(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes("Quân khu 7 ".encode() + b"\xff")
    result = invoke("entities", "--format", "jsonl", "--type", "rank", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr == (
        f"vnpress: error: {tmp_path / 'b.txt'}: cannot decode as utf-8 at byte 12; "
        "use --encoding NAME for another encoding\n"
    )
    assert [json.loads(line)["canonical"] for line in result.stdout.splitlines()] == ["Thiếu tướng"]


def test_binary_files_are_skipped_with_a_warning_and_exit_zero(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "z.txt").write_bytes(b"\x00\x01\x02")
    result = invoke("entities", "--format", "tsv", "--no-header", "--type", "rank", str(tmp_path))
    assert result.exit_code == 0
    assert (
        result.stderr
        == f"vnpress: warning: {tmp_path / 'z.txt'}: binary file (contains NUL bytes), skipped\n"
    )
    assert result.stdout.startswith("rank\tThiếu tướng\t1\t1")


def test_an_unknown_encoding_is_a_usage_error():
    result = invoke("entities", "--encoding", "klingon", str(SEEDS))
    assert result.exit_code == 2
    assert result.stderr.startswith("vnpress: error: unknown encoding 'klingon'")
    assert result.stdout == ""


def test_an_unknown_format_is_a_usage_error():
    result = invoke("entities", "--format", "xml", catch_exceptions=True)
    assert result.exit_code == 2
    assert "'xml' is not one of" in result.stderr


def test_stdin_is_read_when_no_path_is_given_and_stdin_is_a_pipe():
    result = invoke("entities", "--mentions", "--format", "jsonl", "--type", "rank", input=ARTICLE)
    assert result.exit_code == 0
    row = json.loads(result.stdout.splitlines()[0])
    assert (row["file"], row["start"], row["end"], row["text"]) == ("<stdin>", 0, 11, "Thiếu tướng")


def test_dash_reads_stdin_among_files(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    result = invoke(
        "entities", "--mentions", "--format", "jsonl", "--type", "rank", str(f), "-", input=ARTICLE
    )
    assert sorted({json.loads(line)["file"] for line in result.stdout.splitlines()}) == sorted(
        ["<stdin>", str(f)]
    )


def test_no_path_at_a_terminal_runs_on_the_bundled_sample(monkeypatch):
    monkeypatch.setattr(cli_module, "_stdin_isatty", lambda: True)
    result = invoke("entities", "--mentions", "--format", "jsonl", "--type", "unit")
    assert result.exit_code == 0
    assert result.stderr == "vnpress: no input given: using the bundled sample corpus (5 articles)\n"
    files = sorted({json.loads(line)["file"] for line in result.stdout.splitlines()})
    assert files == sorted(f"seeds/{p.name}" for p in SEEDS.glob("*.txt"))


def test_empty_input_gives_a_header_and_no_rows(tmp_path):
    (tmp_path / "e.txt").write_bytes(b"")
    result = invoke("entities", "--format", "tsv", str(tmp_path))
    assert result.exit_code == 0
    assert result.stdout == "type\tcanonical\tcount\tdocuments\trank\tpositions\n"


@pytest.mark.parametrize("fmt", ["tsv", "csv", "json", "jsonl", "table"])
def test_output_is_the_same_whatever_the_order_of_the_paths(fmt):
    files = sorted(str(p) for p in SEEDS.glob("*.txt"))
    a = invoke("entities", "--format", fmt, *files)
    b = invoke("entities", "--format", fmt, *reversed(files))
    assert a.exit_code == b.exit_code == 0
    assert a.stdout == b.stdout


def test_columns_are_the_same_in_every_format():
    tsv = invoke("entities", "--format", "tsv", str(SEEDS)).stdout
    csv_ = invoke("entities", "--format", "csv", str(SEEDS)).stdout
    rows = json.loads(invoke("entities", "--format", "json", str(SEEDS)).stdout)
    jsonl = [
        json.loads(line) for line in invoke("entities", "--format", "jsonl", str(SEEDS)).stdout.splitlines()
    ]
    header = tsv.splitlines()[0].split("\t")
    assert csv_.splitlines()[0].split(",") == header
    assert list(rows[0]) == header == list(jsonl[0])
    assert rows == jsonl
    assert isinstance(rows[0]["count"], int)
    assert len(tsv.splitlines()) == len(rows) + 1


def test_no_color_and_no_color_env_give_plain_tables(monkeypatch):
    plain = invoke("entities", "--format", "table", "--no-color", str(SEEDS)).stdout
    assert "\x1b[" not in plain
    coloured = invoke("entities", "--format", "table", "--color", str(SEEDS)).stdout
    assert "\x1b[" in coloured
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in invoke("entities", "--format", "table", str(SEEDS)).stdout


def test_broken_pipe_ends_quietly():
    proc = subprocess.run(
        f"{sys.executable} -m vnpress freq --no-cache --jobs 1 --top 0 --ngram 3 --no-stopwords --format tsv seeds/ | head -1",
        shell=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.stdout == "n\tword\tcount\tper_10k\tdocuments\n"
    assert proc.stderr == ""


def test_ctrl_c_exits_130_without_a_traceback(tmp_path):
    fifo = tmp_path / "never-ends.txt"
    os.mkfifo(fifo)
    proc = subprocess.Popen(
        [*VNPRESS, "entities", fifo], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT
    )
    writer = hold_open(fifo, proc)  # start-up done; now blocked reading a file that does not end
    try:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=SAFETY_NET)
    finally:
        writer.close()
    assert proc.returncode == 130
    assert b"Traceback" not in err
    assert err.decode().strip() == "vnpress: interrupted"


def test_python_dash_m_and_the_console_script_agree():
    script = Path(sys.executable).parent / "vnpress"
    a = subprocess.run([str(script), "--version"], capture_output=True, text=True)
    b = subprocess.run([*VNPRESS, "--version"], capture_output=True, text=True)
    assert a.returncode == b.returncode == 0
    assert a.stdout == b.stdout
    assert a.stdout.startswith("vnpress 0.1.0, underthesea ")


def test_the_wheel_ships_the_sample_corpus_once(tmp_path):
    """The sample articles go into the wheel as vnpress/seeds/ without a second copy in the repository."""
    import zipfile

    from hatchling.builders.wheel import WheelBuilder

    wheel = Path(next(WheelBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"])))
    names = zipfile.ZipFile(wheel).namelist()
    shipped = sorted(n.split("/")[-1] for n in names if n.startswith("vnpress/seeds/"))
    assert shipped == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert not (ROOT / "vnpress" / "seeds").exists()
    assert os.path.isdir(SEEDS)
