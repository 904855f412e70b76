import codecs
import io
import os

import pytest

from vnpress.errors import InputError, UsageError
from vnpress.io.corpus import (
    Document,
    Problem,
    check_encoding,
    decode,
    expand_paths,
    read_corpus,
    read_document,
    sample_corpus_paths,
)

TEXT = "Đảng ủy Quân khu 7\n"


def test_utf8_with_and_without_bom_and_utf16_with_bom_decode_to_the_same_text():
    assert decode(TEXT.encode("utf-8"), "a") == TEXT
    assert decode(codecs.BOM_UTF8 + TEXT.encode("utf-8"), "a") == TEXT
    assert decode(TEXT.encode("utf-16"), "a") == TEXT  # with BOM
    assert decode(codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "a") == TEXT


def test_crlf_is_kept_so_offsets_refer_to_the_decoded_text():
    assert decode(b"a\r\nb", "a") == "a\r\nb"


def test_a_bad_byte_is_reported_with_the_file_and_its_offset():
    with pytest.raises(InputError) as e:
        decode("Quân khu".encode() + b"\xff\xfe rest", "dir/bad.txt")
    assert (
        str(e.value)
        == "dir/bad.txt: cannot decode as utf-8 at byte 9; use --encoding NAME for another encoding"
    )


def test_the_byte_offset_counts_the_bom():
    with pytest.raises(InputError) as e:
        decode(codecs.BOM_UTF8 + b"ab\xff", "x")
    assert "at byte 5" in str(e.value)


def test_an_explicit_encoding_is_used():
    data = "Quân khu".encode("cp1258")
    assert decode(data, "x", "cp1258") == "Quân khu"


def test_binary_files_are_rejected():
    with pytest.raises(InputError, match="binary file"):
        decode(b"PK\x03\x04\x00\x00", "x.txt")


def test_unknown_encoding_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown encoding 'nope'"):
        check_encoding("nope")
    assert check_encoding("UTF8") == "utf-8"


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("hai", encoding="utf-8")
    (tmp_path / "a.txt").write_text("một", encoding="utf-8")
    (tmp_path / "c.md").write_text("ba", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text("ẩn", encoding="utf-8")
    return tmp_path


def test_directories_are_walked_recursively_with_a_glob_sorted_and_deduplicated(tree):
    d = str(tree)
    got = expand_paths([os.path.join(d, "b"), d, os.path.join(d, "a.txt")])
    assert got == [os.path.join(d, "a.txt"), os.path.join(d, "b", "2.txt")]
    assert expand_paths([d], glob="*.md") == [os.path.join(d, "c.md")]


def test_the_order_of_the_paths_given_does_not_matter(tree):
    a, b = os.path.join(str(tree), "a.txt"), os.path.join(str(tree), "b")
    assert expand_paths([a, b]) == expand_paths([b, a])


def test_missing_paths_are_reported_and_the_rest_is_read(tree):
    problems: list[Problem] = []
    docs = list(read_corpus([str(tree / "nope.txt"), str(tree)], on_problem=problems.append))
    assert [d.text for d in docs] == ["một", "hai"]
    assert [str(p) for p in problems] == [f"{tree / 'nope.txt'}: no such file or directory"]


def test_one_bad_file_among_many_loses_nothing_else(tmp_path):
    for i in range(30):
        (tmp_path / f"{i:03}.txt").write_text(f"bài {i}", encoding="utf-8")
    (tmp_path / "015.txt").write_bytes(b"\xc3\x28 broken")
    (tmp_path / "016.txt").write_bytes(b"\x00\x01binary")
    problems: list[Problem] = []
    docs = list(read_corpus([str(tmp_path)], on_problem=problems.append))
    assert len(docs) == 28
    assert [(p.severity, os.path.basename(p.source)) for p in problems] == [
        ("error", "015.txt"),
        ("warning", "016.txt"),
    ]
    assert "at byte 0" in problems[0].message


def test_empty_files_are_documents_with_no_text(tmp_path):
    (tmp_path / "e.txt").write_bytes(b"")
    assert list(read_corpus([str(tmp_path)])) == [Document(str(tmp_path / "e.txt"), "")]


def test_unreadable_file_is_reported(tmp_path, monkeypatch):
    import vnpress.io.corpus as corpus

    f = tmp_path / "locked.txt"
    f.write_text("x")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(corpus, "open", denied, raising=False)  # root could read a chmod-0 file
    with pytest.raises(InputError) as e:
        read_document(str(f))
    assert str(e.value) == f"{f}: permission denied"


def test_stdin_is_read_as_bytes_and_named():
    stdin = io.TextIOWrapper(io.BytesIO(codecs.BOM_UTF8 + TEXT.encode()))
    assert read_document("-", stdin=stdin) == Document("<stdin>", TEXT)


def test_the_sample_corpus_is_the_five_seed_articles():
    paths = sample_corpus_paths()
    assert len(paths) == 5
    assert [os.path.basename(p) for p in paths] == sorted(
        os.listdir(os.path.join(os.path.dirname(__file__), "..", "seeds"))
    )


def test_a_linked_file_is_read_once_and_a_linked_directory_is_not_walked(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("một", encoding="utf-8")
    (tmp_path / "b" / "2.txt").write_text("hai", encoding="utf-8")
    (tmp_path / "b" / "a-link.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "also-b").symlink_to(tmp_path / "b", target_is_directory=True)
    d = str(tmp_path)
    assert expand_paths([d]) == [os.path.join(d, "a.txt"), os.path.join(d, "b", "2.txt")]
    # named on its own, the link to a directory is walked (as any directory named)
    linked = os.path.join(d, "also-b")
    assert expand_paths([linked]) == [os.path.join(linked, "2.txt"), os.path.join(linked, "a-link.txt")]


def test_read_corpus_reads_expanded_paths_as_given(tree):
    paths = expand_paths([str(tree)])
    assert [d.text for d in read_corpus(paths, expand=False)] == [d.text for d in read_corpus([str(tree)])]
    assert [d.text for d in read_corpus(paths[::-1], expand=False)] == ["hai", "một"]
