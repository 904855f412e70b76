"""A long text read in pieces: where the cuts fall, that streaming gives the pieces the whole text
would, that decoding errors keep their offsets, and that the analyses put a file back together."""

from __future__ import annotations

import codecs
import io
import json
import random

import pytest

from vnpress.errors import BinaryFileError, InputError
from vnpress.io.corpus import Document, by_document, decode, read_corpus, read_pieces, split_text
from vnpress.io.encodings import register
from vnpress.stats.kwic import kwic_rows

PARAGRAPH = "Đảng ủy Quân khu 7 tổ chức hội nghị, Chính ủy phát biểu."


def _text(n: int, seed: int = 1, newline: str = "\n") -> str:
    rng = random.Random(seed)
    paragraphs = []
    for _ in range(n):
        lines = [" ".join(rng.sample(PARAGRAPH.split(), 6)) for _ in range(rng.randint(1, 4))]
        paragraphs.append(newline.join(lines))
    return (newline * 2).join(paragraphs) + newline


def test_a_short_text_is_one_piece_the_text_itself():
    assert list(split_text("abc", 10)) == [(0, "abc")]
    assert list(split_text("", 10)) == [(0, "")]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_pieces_cover_the_text_exactly_and_are_cut_between_paragraphs(newline):
    text = _text(300, newline=newline)
    pieces = list(split_text(text, 500))
    assert "".join(p for _, p in pieces) == text
    assert all(text[o : o + len(p)] == p for o, p in pieces)
    assert all(0 < len(p) <= 500 for _, p in pieces)
    assert all(p.endswith(newline * 2) for _, p in pieces[:-1])  # after a blank line, CRLF whole
    assert all(len(p) > 250 for _, p in pieces[:-1])  # at least half full


def test_without_line_breaks_a_piece_ends_after_a_sentence_then_a_space():
    text = " ".join(["Quân khu 7 tổ chức hội nghị."] * 50)
    pieces = [p for _, p in split_text(text, 100)]
    assert "".join(pieces) == text
    assert all(p.endswith(". ") for p in pieces[:-1])
    solid = "x" * 250 + "\u0301" + "y" * 100  # no space at all: a hard cut, never before a combining mark
    cut = [p for _, p in split_text(solid, 251)]
    assert "".join(cut) == solid and not cut[1].startswith("\u0301")


@pytest.mark.parametrize("encoding", [None, "utf-16", "cp1258", "vni"])
def test_a_streamed_file_gives_the_pieces_of_the_whole_text(tmp_path, encoding):
    register()
    text = _text(400)
    data = codecs.BOM_UTF8 + text.encode() if encoding is None else text.encode(encoding, errors="replace")
    path = tmp_path / "big.txt"
    path.write_bytes(data)
    whole = decode(data, "x", encoding)
    streamed = list(read_pieces(str(path), encoding, piece_chars=700, whole_bytes=1000, chunk_bytes=333))
    assert len(streamed) > 5
    assert [(d.offset, d.text) for d in streamed] == list(split_text(whole, 700))
    assert [d.part for d in streamed] == list(range(len(streamed)))
    assert {d.path for d in streamed} == {str(path)}


def test_a_bad_byte_far_in_a_streamed_file_rejects_it_before_any_piece(tmp_path):
    data = _text(400).encode() + b"\xff tail"
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as streamed:
        next(read_pieces(str(path), piece_chars=700, whole_bytes=1000, chunk_bytes=333))
    with pytest.raises(InputError) as whole:
        decode(data, str(path))
    assert str(streamed.value) == str(whole.value)
    assert f"at byte {len(data) - 6}" in str(streamed.value)
    path.write_bytes(_text(400).encode() + b"\x00")
    with pytest.raises(BinaryFileError):
        next(read_pieces(str(path), piece_chars=700, whole_bytes=1000, chunk_bytes=333))


def test_stdin_larger_than_memory_is_spooled_and_streamed():
    text = _text(400)
    stdin = io.TextIOWrapper(io.BytesIO(text.encode()))
    pieces = list(read_pieces("-", stdin=stdin, piece_chars=700, whole_bytes=1000, chunk_bytes=333))
    assert [(d.offset, d.text) for d in pieces] == list(split_text(text, 700))


def test_by_document_groups_the_pieces_of_each_file():
    docs = [Document("a", "x"), Document("b", "y", 0, 0), Document("b", "z", 1, 1), Document("b", "w")]
    groups = [[d.text for d, _ in g] for g in by_document((d, None) for d in docs)]
    assert groups == [["x"], ["y", "z"], ["w"]]


def test_kwic_in_pieces_gives_the_rows_of_the_whole_text(tmp_path):
    """Offsets into the file, and contexts that reach into the neighbouring piece."""
    from vnpress.pipeline.run import segment_documents

    text = _text(60)
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    whole = list(read_corpus([str(tmp_path / "a.txt")]))
    pieces = list(read_corpus([str(tmp_path / "a.txt")], piece_chars=400))
    assert len(whole) == 1 and len(pieces) > 5

    def rows(docs):
        return list(kwic_rows(segment_documents(docs, jobs=1, use_cache=False), ("chính", "ủy"), width=30))

    got, want = rows(pieces), rows(whole)
    assert len(got) == len(want) > 0
    assert [(r["start"], r["end"], r["word"]) for r in got] == [
        (r["start"], r["end"], r["word"]) for r in want
    ]
    assert all(text[r["start"] : r["end"]] == r["word"] for r in got)
    # contexts across the edge of a piece are those of the whole text
    same = sum(
        1 for a, b in zip(got, want, strict=True) if (a["left"], a["right"]) == (b["left"], b["right"])
    )
    assert same == len(got)


def test_a_long_file_is_one_meta_row_and_one_document_date_on_every_mention(tmp_path):
    """The headline and date stand at the top of the first piece; the later pieces share them."""
    from helpers import run_vnpress

    body = "\n\n".join(
        f"Đại tá Nguyễn Văn An, Chính ủy Sư đoàn {300 + i % 9}, dự hội nghị." for i in range(3000)
    )
    path = tmp_path / "long.txt"
    path.write_text(f"Hội nghị tổng kết năm 2020\n\n14/11/2020, 13:02\n\n{body}\n", encoding="utf-8")
    assert len(path.read_text(encoding="utf-8")) > 2 * 64_000
    env = {"VNPRESS_CACHE_DIR": str(tmp_path / "cache")}
    meta = run_vnpress("meta", path, "--format", "jsonl", env=env, text=True)
    rows = [json.loads(line) for line in meta.stdout.splitlines()]
    assert [(r["title"], r["date"]) for r in rows] == [("Hội nghị tổng kết năm 2020", "2020-11-14")]
    mentions = run_vnpress(
        "entities", path, "--mentions", "--type", "officer", "--format", "jsonl", env=env, text=True
    )
    dates = [json.loads(line)["document_date"] for line in mentions.stdout.splitlines()]
    assert len(dates) == 3000 and set(dates) == {"2020-11-14"}
