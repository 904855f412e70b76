"""Keyword in context: every occurrence of a word, with the text around it, to see why it is frequent.

A match is found on the same tokens and keys as ``freq`` counts (:mod:`vnpress.text.words`): the normal
form (NFC, one tone placement), case-folded unless ``keep_case``. So ``kwic "chính uỷ"`` finds "Chính ủy"
and "Chính uỷ", and ``kwic "công"`` finds no "công tác", which is one word. A WORD of several syllables
matches one segmented word or a sequence of words on one line ("Bộ Quốc phòng" = "Bộ" + "Quốc phòng"),
and a code the segmenter cut up is found whole ("05-NQ/TW").
Lines of page furniture are skipped, as ``freq`` skips them, unless ``keep_boilerplate``: the number of
rows for a word is then its ``freq`` count (with ``--no-stopwords`` for a stop word).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from vnpress.errors import UsageError
from vnpress.io.corpus import Document
from vnpress.io.render import Table
from vnpress.io.tables import KWIC
from vnpress.pipeline.run import segment_documents
from vnpress.text.boilerplate import boilerplate_lines
from vnpress.text.normalise import normalise_word
from vnpress.text.words import Token, document_tokens

_SPACE = re.compile(r"\s+")


def query_key(word: str, *, keep_case: bool = False) -> tuple[str, ...]:
    """The syllables WORD is matched on (``thực_hiện`` and ``Thực  hiện`` are ``thực hiện``)."""
    norm = normalise_word(word.replace("_", " "))
    syllables = tuple((norm if keep_case else norm.casefold()).split())
    if not syllables:
        raise UsageError('WORD is empty: give the word to look for, e.g. vnpress kwic "công tác" seeds/')
    return syllables


def find(
    tokens: Sequence[Token], query: tuple[str, ...], *, keep_case: bool = False
) -> Iterator[tuple[int, int]]:
    """``(i, j)``: tokens ``i`` to ``j`` (inclusive), on one line, that spell ``query``: their keys
    joined by a space where the text has one between them and directly where it has none, so that
    ``Bộ Quốc phòng`` matches "Bộ" + "Quốc phòng" and ``05-NQ/TW`` matches "05" "-" "NQ" "/" "TW"."""
    target = " ".join(query)
    keys = [t.norm if keep_case else t.norm.casefold() for t in tokens]
    for i, key in enumerate(keys):
        if not key or not target.startswith(key):
            continue
        built, j = key, i
        while len(built) < len(target) and j + 1 < len(tokens) and tokens[j + 1].line == tokens[i].line:
            sep = " " if tokens[j + 1].start > tokens[j].end else ""
            nxt = built + sep + keys[j + 1]
            if not target.startswith(nxt):
                break
            built, j = nxt, j + 1
        if built == target:
            yield i, j


def context_left(text: str, start: int, width: int) -> str:
    """Up to ``width`` characters before ``start``, whitespace runs shown as one space."""
    take = width * 2 + 16
    while True:
        a = max(0, start - take)
        piece = _SPACE.sub(" ", text[a:start]).rstrip()
        if len(piece) > width or a == 0:
            return piece[-width:].lstrip() if len(piece) > width else piece.lstrip()
        take *= 2


def context_right(text: str, end: int, width: int) -> str:
    """Up to ``width`` characters after ``end``, whitespace runs shown as one space."""
    take = width * 2 + 16
    while True:
        b = min(len(text), end + take)
        piece = _SPACE.sub(" ", text[end:b]).lstrip()
        if len(piece) > width or b == len(text):
            return piece[:width].rstrip()
        take *= 2


def kwic_rows(
    segmented: Iterable[tuple[Document, Sequence]],
    query: tuple[str, ...],
    *,
    width: int = 40,
    keep_case: bool = False,
    keep_boilerplate: bool = False,
) -> Iterator[dict]:
    """One row per occurrence, by file (in input order) then offset. The pieces of a long file
    (see :class:`~vnpress.io.corpus.Document`) give offsets into the file, and a context that
    reaches into the piece before or after is taken from it (so two pieces are held at a time)."""
    previous: Document | None = None
    for (doc, words), following in _with_next(segmented):
        before = previous.text if previous is not None and doc.part > 0 else ""
        after = following.text if following is not None and following.part == doc.part + 1 else ""
        tokens = document_tokens(doc.text, words)
        skipped = set() if keep_boilerplate else boilerplate_lines(doc.text)
        for i, j in find(tokens, query, keep_case=keep_case):
            if tokens[i].line in skipped:
                continue
            start, end = tokens[i].start, tokens[j].end
            yield {
                "file": doc.path,
                "start": doc.offset + start,
                "end": doc.offset + end,
                "left": _left(doc.text, start, width, before),
                "word": doc.text[start:end],
                "right": _right(doc.text, end, width, after),
            }
        previous = doc


def _with_next(
    items: Iterable[tuple[Document, Sequence]],
) -> Iterator[tuple[tuple[Document, Sequence], Document | None]]:
    """Each item with the document of the next one (None at the end)."""
    it = iter(items)
    current = next(it, None)
    while current is not None:
        following = next(it, None)
        yield current, (following[0] if following is not None else None)
        current = following


def _left(text: str, start: int, width: int, before: str) -> str:
    left = context_left(text, start, width)
    if before and len(left) < width:  # the piece begins too close: the context goes on in the one before
        joined = before + text[:start]
        left = context_left(joined, len(joined), width)
    return left


def _right(text: str, end: int, width: int, after: str) -> str:
    right = context_right(text, end, width)
    if after and len(right) < width:
        right = context_right(text[end:] + after, 0, width)
    return right


def kwic_table(
    word: str,
    docs: Iterable[Document],
    *,
    width: int = 40,
    keep_case: bool = False,
    keep_boilerplate: bool = False,
    jobs: int | None = 1,
    use_cache: bool = True,
    segmenter: str = "fast",
) -> Table:
    """Every occurrence of ``word`` in ``docs``: ``file, start, end, left, word, right``. ``start``/``end``
    are character offsets into the file as read (``text[start:end] == word`` as written there)."""
    query = query_key(word, keep_case=keep_case)
    if width < 1:
        raise UsageError("--width must be at least 1")
    segmented = segment_documents(docs, jobs=jobs, use_cache=use_cache, segmenter=segmenter)
    rows = kwic_rows(segmented, query, width=width, keep_case=keep_case, keep_boilerplate=keep_boilerplate)
    return Table(KWIC, rows)
