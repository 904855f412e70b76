"""Archives of articles and fsspec URLs as inputs (vnpress/io/sources.py): member paths, order,
hidden and unmatched members, bad members and archives reported as bad files are, the hint when
fsspec is missing."""

import io
import os
import subprocess
import sys
import tarfile
import zipfile

import fsspec
import pytest
from helpers import ROOT, SEEDS, invoke

from vnpress.io.corpus import Problem, read_corpus
from vnpress.io.sources import FSSPEC_HINT, is_source, split_member

A = "Đảng ủy Quân khu 7 họp.\n"
B = "Bộ Chỉ huy Quân sự tỉnh Bến Tre.\n"
MEMBERS = {
    "press/2021/b.txt": B.encode(),
    "press/a.txt": A.encode(),
    "press/notes.md": b"not an article",
    "press/.hidden/c.txt": b"hidden",
    "press/bad.txt": b"ok then \xff\xfe bad",
}


def _zip(path, members=MEMBERS):
    with zipfile.ZipFile(path, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def _tar(path, members=MEMBERS, mode="w:gz"):
    with tarfile.open(path, mode) as t:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))
    return path


def _read(paths, **kwargs):
    problems = []
    docs = list(read_corpus([str(p) for p in paths], on_problem=problems.append, **kwargs))
    return [(d.path, d.text) for d in docs], problems


@pytest.mark.parametrize(
    "name, make",
    [("a.zip", _zip), ("a.tar.gz", _tar), ("a.tgz", _tar), ("a.tar", lambda p: _tar(p, mode="w"))],
)
def test_an_archive_is_its_matching_members_in_sorted_order_named_archive_bang_member(tmp_path, name, make):
    archive = make(tmp_path / name)
    docs, problems = _read([archive])
    assert docs == [(f"{archive}!press/2021/b.txt", B), (f"{archive}!press/a.txt", A)]
    assert problems == [
        Problem(
            f"{archive}!press/bad.txt",
            "cannot decode as utf-8 at byte 8; use --encoding NAME for another encoding",
        )
    ]


def test_a_member_can_be_named_alone_and_the_glob_picks_members(tmp_path):
    archive = _zip(tmp_path / "a.zip")
    assert _read([f"{archive}!press/a.txt"]) == ([(f"{archive}!press/a.txt", A)], [])
    docs, problems = _read([archive], glob="*.md")
    assert docs == [(f"{archive}!press/notes.md", "not an article")] and problems == []
    missing = f"{archive}!press/zz.txt"
    assert _read([missing]) == ([], [Problem(missing, "no such member in the archive")])


def test_an_archive_and_a_directory_give_the_same_documents_under_their_own_names(tmp_path):
    archive = tmp_path / "seeds.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for f in sorted(os.listdir(SEEDS)):
            z.write(SEEDS / f, f)
    from_dir, _ = _read([SEEDS])
    from_zip, _ = _read([archive])
    assert [t for _, t in from_zip] == [t for _, t in from_dir]
    assert [p for p, _ in from_zip] == [f"{archive}!{os.path.basename(p)}" for p, _ in from_dir]


def test_a_damaged_archive_is_one_error_and_the_other_inputs_are_read(tmp_path):
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 not really")
    truncated = tmp_path / "cut.tar.gz"
    truncated.write_bytes(_tar(tmp_path / "whole.tar.gz").read_bytes()[:40])
    good = tmp_path / "good.txt"
    good.write_text(A, encoding="utf-8")
    docs, problems = _read([broken, truncated, good, tmp_path / "none.zip"])
    assert docs == [(str(good), A)]
    assert [(p.source, p.message.split(" (")[0]) for p in problems] == [
        (str(broken), "not a readable zip archive"),
        (str(truncated), "not a readable tar archive"),
        (str(tmp_path / "none.zip"), "no such file or directory"),
    ]


def test_a_member_with_a_bad_crc_is_reported_like_a_bad_file(tmp_path):
    archive = _zip(tmp_path / "a.zip", {"a.txt": A.encode(), "b.txt": b"x" * 200})
    data = bytearray(archive.read_bytes())
    at = data.index(b"x" * 200)
    data[at] = ord("y")  # stored uncompressed: the CRC no longer matches
    archive.write_bytes(bytes(data))
    docs, problems = _read([archive])
    assert docs == [(f"{archive}!a.txt", A)]
    assert len(problems) == 1 and problems[0].source == f"{archive}!b.txt"
    assert problems[0].message.startswith("cannot read this archive member (Bad CRC-32")


def test_memory_and_file_urls_globs_and_directories(tmp_path):
    fs = fsspec.filesystem("memory")
    fs.pipe("/t17/press/a.txt", A.encode())
    fs.pipe("/t17/press/2021/b.txt", B.encode())
    fs.pipe("/t17/press/.hidden/c.txt", b"hidden")
    fs.pipe("/t17/press/notes.md", b"no")
    try:
        expected = [("memory:///t17/press/2021/b.txt", B), ("memory:///t17/press/a.txt", A)]
        assert _read(["memory://t17/press"]) == (expected, [])
        assert _read(["memory://t17/press/**/*.txt"]) == (expected, [])
        assert _read(["memory://t17/press/a.txt", "memory:///t17/press/a.txt"]) == ([expected[1]], [])
        assert _read(["memory://t17/nothing"]) == (
            [],
            [Problem("memory://t17/nothing", "no such file or directory")],
        )
    finally:
        fs.rm("/t17", recursive=True)
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text(A, encoding="utf-8")
    assert _read([f"file://{tmp_path}/d"]) == ([(f"file://{tmp_path}/d/a.txt", A)], [])


def test_an_archive_at_a_url_is_opened_like_a_local_one(tmp_path):
    archive = _zip(tmp_path / "a.zip")
    docs, _ = _read([f"file://{archive}"])
    assert [p for p, _ in docs] == [f"file://{archive}!press/2021/b.txt", f"file://{archive}!press/a.txt"]


def test_the_cli_reads_archives_and_urls_and_says_which_member_failed(tmp_path):
    archive = _zip(tmp_path / "a.zip")
    result = invoke("meta", archive, "--format", "tsv")
    assert result.exit_code == 1
    assert [line.split("\t")[0] for line in result.stdout.splitlines()] == [
        "file",
        f"{archive}!press/2021/b.txt",
        f"{archive}!press/a.txt",
    ]
    assert result.stderr == (
        f"vnpress: error: {archive}!press/bad.txt: cannot decode as utf-8 at byte 8; "
        "use --encoding NAME for another encoding\n"
    )


def test_paths_that_are_sources():
    assert is_source("s3://bucket/x/**/*.txt") and is_source("a.tar.gz") and is_source("x.ZIP!a/b.txt")
    assert not is_source("seeds/a.txt") and not is_source("wow!.txt")
    assert split_member("d/press.tar.gz!2021/a!b.txt") == ("d/press.tar.gz", "2021/a!b.txt")


def test_without_fsspec_a_url_is_one_line_naming_it_and_how_to_install_it(tmp_path):
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    blocked = "import sys; sys.modules['fsspec'] = None; from vnpress.cli import main; main()"
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            blocked,
            "meta",
            "memory://x/a.txt",
            str(tmp_path / "a.txt"),
            "--format",
            "tsv",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert proc.returncode == 1
    assert proc.stderr == f"vnpress: error: memory://x/a.txt: {FSSPEC_HINT}\n"
    assert proc.stdout.splitlines()[1].startswith(str(tmp_path / "a.txt"))
