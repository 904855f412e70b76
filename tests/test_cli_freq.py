"""`vnpress freq`: exact output for each option and format, stdin, files, errors, and seeds/."""

import json

import pytest
from helpers import SEEDS, invoke

TEXT = (
    "Đảng ủy Quân khu họp. Đảng uỷ quân khu chỉ đạo công tác đảng.\nTin liên quan\nQuân khu 7 và LLVT tỉnh.\n"
)


def freq(*args, input=None):
    return invoke("freq", "--no-cache", "-j", "1", *args, input=input)


def test_tsv_from_stdin():
    result = freq("--format", "tsv", input=TEXT)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "n\tword\tcount\tper_10k\tdocuments\n"
        "1\tQuân khu\t3\t2727.27\t1\n"
        "2\tĐảng uỷ\t2\t1818.18\t1\n"
        "3\tchỉ đạo\t1\t909.09\t1\n"
        "4\tcông tác\t1\t909.09\t1\n"
        "5\tđảng\t1\t909.09\t1\n"
        "6\thọp\t1\t909.09\t1\n"
        "7\tLLVT\t1\t909.09\t1\n"
        "8\ttỉnh\t1\t909.09\t1\n"
    )
    assert result.stderr == ""


def test_a_pipe_gets_tsv_by_default():
    assert freq(input=TEXT).stdout == freq("--format", "tsv", input=TEXT).stdout


def test_json():
    result = freq("--format", "json", "--top", "3", input=TEXT)
    assert result.stdout == (
        "[\n"
        '{"n": 1, "word": "Quân khu", "count": 3, "per_10k": 2727.27, "documents": 1},\n'
        '{"n": 2, "word": "Đảng uỷ", "count": 2, "per_10k": 1818.18, "documents": 1},\n'
        '{"n": 3, "word": "chỉ đạo", "count": 1, "per_10k": 909.09, "documents": 1}\n'
        "]\n"
    )
    assert json.loads(result.stdout)[0]["per_10k"] == 2727.27


def test_csv_and_jsonl_and_no_header():
    assert freq("--format", "csv", "--top", "2", input=TEXT).stdout == (
        "n,word,count,per_10k,documents\n1,Quân khu,3,2727.27,1\n2,Đảng uỷ,2,1818.18,1\n"
    )
    assert freq("--format", "jsonl", "--top", "1", input=TEXT).stdout == (
        '{"n": 1, "word": "Quân khu", "count": 3, "per_10k": 2727.27, "documents": 1}\n'
    )
    assert (
        freq("--format", "tsv", "--top", "1", "--no-header", input=TEXT).stdout
        == "1\tQuân khu\t3\t2727.27\t1\n"
    )


def test_table_right_aligns_the_numbers():
    out = freq("--format", "table", "--top", "3", input=TEXT).stdout
    lines = [line for line in out.splitlines() if line.strip()]
    assert lines[0].split() == ["n", "word", "count", "per_10k", "documents"]
    assert [line.split()[-2:] for line in lines[2:]] == [["2727.27", "1"], ["1818.18", "1"], ["909.09", "1"]]
    ends = {line.rstrip().rfind("1") for line in lines[2:]}
    assert len(ends) == 1  # the documents column is right-aligned


def test_keep_case_keep_boilerplate_and_no_stopwords():
    keep_case = freq("--format", "tsv", "--keep-case", "--top", "3", input=TEXT).stdout
    assert keep_case.splitlines()[1:] == [
        "1\tĐảng uỷ\t2\t1818.18\t1",
        "2\tQuân khu\t2\t1818.18\t1",
        "3\tchỉ đạo\t1\t909.09\t1",
    ]
    kept = freq("--format", "tsv", "--keep-boilerplate", "--no-stopwords", "--top", "0", input=TEXT).stdout
    assert "\tTin\t" in kept and "\tliên quan\t" in kept and "\tvà\t" in kept
    assert "\tTin\t" not in freq("--format", "tsv", "--no-stopwords", "--top", "0", input=TEXT).stdout


def test_min_count_and_top():
    assert freq("--format", "tsv", "--min-count", "2", input=TEXT).stdout.splitlines()[1:] == [
        "1\tQuân khu\t3\t2727.27\t1",
        "2\tĐảng uỷ\t2\t1818.18\t1",
    ]
    assert len(freq("--format", "tsv", "--top", "0", input=TEXT).stdout.splitlines()) == 9


def test_ngram_2_does_not_cross_sentences_or_lines():
    text = "công tác cán bộ, công tác cán bộ. Công tác\ncán bộ. Cán bộ công tác."
    out = freq("--format", "tsv", "--ngram", "2", input=text).stdout
    assert (
        out
        == "n\tword\tcount\tper_10k\tdocuments\n1\tcông tác cán bộ\t2\t6666.67\t1\n2\tCán bộ công tác\t1\t3333.33\t1\n"
    )


def test_stopwords_file_is_added(tmp_path):
    mine = tmp_path / "mine.txt"
    mine.write_text("quân_khu\nĐẢNG UỶ\n", encoding="utf-8")
    out = freq("--format", "tsv", "--stopwords", str(mine), "--top", "2", input=TEXT).stdout
    assert out.splitlines()[1:] == ["1\tchỉ đạo\t1\t1666.67\t1", "2\tcông tác\t1\t1666.67\t1"]


def test_a_missing_stopwords_file_is_a_usage_error(tmp_path):
    result = invoke(
        "freq", "--no-cache", "--stopwords", tmp_path / "none.txt", input=TEXT, catch_exceptions=True
    )
    assert result.exit_code == 2
    assert "none.txt" in result.stderr
    assert result.stdout == ""


def test_by_file_with_two_files(tmp_path):
    (tmp_path / "a.txt").write_text("công tác công tác cán bộ", encoding="utf-8")
    (tmp_path / "b.txt").write_text("cán bộ đảng viên", encoding="utf-8")
    out = freq("--format", "tsv", "--by-file", str(tmp_path)).stdout
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    assert out == (
        "file\tn\tword\tcount\tper_10k\tdocuments\n"
        f"{a}\t1\tcông tác\t2\t6666.67\t1\n"
        f"{a}\t2\tcán bộ\t1\t3333.33\t2\n"
        f"{b}\t1\tcán bộ\t1\t5000.0\t2\n"
        f"{b}\t2\tđảng viên\t1\t5000.0\t1\n"
    )
    corpus = freq("--format", "tsv", str(tmp_path)).stdout
    assert corpus.splitlines()[1:] == [
        "1\tcán bộ\t2\t4000.0\t2",
        "2\tcông tác\t2\t4000.0\t1",
        "3\tđảng viên\t1\t2000.0\t1",
    ]


@pytest.mark.slow
def test_seeds_top_50():
    result = freq("--format", "tsv", "--top", "50", str(SEEDS))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 51
    assert lines[1].split("\t")[:3] == ["1", "công tác", "54"]
    assert freq("--format", "tsv", "--top", "50", str(SEEDS)).stdout == result.stdout  # deterministic
