"""Word frequencies of a corpus: segmented words (or word n-grams), as a corpus linguist counts them.

What is counted (see :mod:`vnpress.text.words` for the kinds):

- a token is a segmented word ("công tác", "lực lượng vũ trang"), never across a line break; only tokens of
  kind ``word`` (Vietnamese words, abbreviations such as LLVT, loanwords) that are not stop words and
  not on a boilerplate line are *counted tokens*; punctuation, numbers, dates, phone numbers, URLs,
  e-mail addresses, document codes and junk never are;
- the key of a word is its normal form (NFC, one tone placement: "Chính uỷ" = "Chính ủy"), case-folded
  unless ``keep_case``; the word shown is the most frequent form as written (NFC, single spaces), ties
  going to the form first in code-point order (capitals first);
- an n-gram is ``ngram`` counted tokens in a row on one line with nothing left out between them: a
  sentence end, a comma, a number, a stop word or a line break ends the run, so no n-gram spans a
  sentence and none glues together words that were apart in the text;
- ``per_10k`` is count / counted tokens (or n-grams) of the scope × 10,000, rounded half up to two
  decimals; ``documents`` is the number of documents of the corpus the word occurs in (also with
  ``by_file``, where the other columns are per file);
- rows go by count, most frequent first, ties in Vietnamese dictionary order of the word (see
  :mod:`vnpress.text.collation`); ``n`` is the row's place in that order (1, 2, 3 … even for ties),
  restarting per file.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache, partial
from itertools import chain

from vnpress.data import data_lines, user_lines
from vnpress.errors import UsageError
from vnpress.io.corpus import Document, by_document
from vnpress.io.render import Table
from vnpress.io.tables import FREQ, FREQ_BY_FILE
from vnpress.pipeline import distributed
from vnpress.pipeline.run import fold_segmented, map_segmented
from vnpress.text.boilerplate import boilerplate_lines
from vnpress.text.collation import collation_key
from vnpress.text.normalise import fold


def stopword_key(entry: str) -> str:
    """The key of a stop-word entry: ``thực_hiện`` and ``Thực hiện`` are ``thực hiện``."""
    return " ".join(fold(entry.replace("_", " ")).split())


def _stopword_keys(lines: Iterable[str]) -> Iterator[str]:
    """:func:`stopword_key` of each line (none with a line break in it), the lines folded together
    as one text: one pass of the tone rules for a list of two thousand, not one a line (every step
    of :func:`~vnpress.text.normalise.fold` works within a line)."""
    lines = [line.replace("_", " ") for line in lines]
    if not lines:
        return iter(())
    folded = fold("\n".join(lines))
    return (" ".join(key.split()) for key in folded.split("\n"))


@cache
def bundled_stopwords() -> frozenset[str]:
    """The curated list in ``data/stopwords.txt`` (see ``data/STOPWORDS.md``)."""
    return frozenset(_stopword_keys(data_lines("stopwords.txt")))


def load_stopwords(files: Iterable[str] = (), *, bundled: bool = True) -> frozenset[str]:
    """Stop-word keys: the bundled list (unless ``bundled`` is false) plus each file's, one word a line."""
    words = set(bundled_stopwords()) if bundled else set()
    for path in files:
        words.update(_stopword_keys(user_lines(path)))
    return frozenset(words)


def counted_runs(
    text: str, words: Sequence, *, stopwords: frozenset[str], keep_case: bool = False, keep_boilerplate: bool
) -> list[list[tuple[str, str]]]:
    """The counted tokens of one document as runs of ``(key, form as written)``, each run the tokens
    that stand next to each other on one line. ``words`` are the segmenter's (objects with ``start``,
    ``text`` and ``norm``, in text order, none across a line break, as :mod:`vnpress.text.segment` makes
    them). This is the hot loop of ``freq``: one dictionary look-up a word, no object made."""
    from vnpress.text.words import code_spans, in_code, line_starts  # (here: a warm rerun needs none)

    keys = _key_memo(stopwords, keep_case)
    starts = line_starts(text)
    skipped = set() if keep_boilerplate else boilerplate_lines(text)
    codes = code_spans(text)
    code_starts = [a for a, _ in codes]
    n_lines = len(starts)
    line, next_line = 0, (starts[1] if n_lines > 1 else len(text) + 1)
    runs: list[list[tuple[str, str]]] = []
    run: list[tuple[str, str]] = []
    for w in words:
        if w.start >= next_line:  # a new line: the run ends
            line = bisect.bisect_right(starts, w.start, line) - 1
            next_line = starts[line + 1] if line + 1 < n_lines else len(text) + 1
            if run:
                runs.append(run)
                run = []
        key = keys.get(w.norm, _UNSEEN)
        if key is _UNSEEN:
            key = keys[w.norm] = _key(w.norm, stopwords, keep_case)
        if key is None or line in skipped or (codes and in_code(codes, code_starts, w.start, w.end)):
            if run:
                runs.append(run)
                run = []
        else:
            run.append((key, w.text))
    if run:
        runs.append(run)
    return runs


_UNSEEN = object()
_KEY_MEMOS: dict[tuple[frozenset[str], bool], dict[str, str | None]] = {}


def _key_memo(stopwords: frozenset[str], keep_case: bool) -> dict[str, str | None]:
    """The memo of :func:`_key` for one set of options (a corpus has far fewer words than tokens)."""
    memo = _KEY_MEMOS.get((stopwords, keep_case))
    if memo is None or len(memo) > 200_000:
        if len(_KEY_MEMOS) >= 8:
            _KEY_MEMOS.clear()
        memo = _KEY_MEMOS[(stopwords, keep_case)] = {}
    return memo


def _key(norm: str, stopwords: frozenset[str], keep_case: bool) -> str | None:
    """The key a word of normal form ``norm`` is counted under, or None if it is not counted (not of
    kind ``word``, or a stop word)."""
    from vnpress.text.words import WORD, classify_word

    if classify_word(norm) != WORD:
        return None
    folded = norm.casefold()
    if folded in stopwords:
        return None
    return norm if keep_case else folded


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@dataclass
class _Counts:
    """Counts of one scope (the corpus or one file): per key, and per key the forms as written."""

    total: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    forms: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    def add_pairs(self, pairs: Counter[tuple[str, str]]) -> None:
        """Add ``(key, form as written) → count``; forms are shown NFC with single spaces."""
        for (key, raw), n in pairs.items():
            self.total += n
            self.counts[key] += n
            self.forms[key][_display(raw)] += n


_GLUE = "\x00"  # joins the written forms of an n-gram's words until they are shown


@lru_cache(maxsize=1 << 16)
def _display(raw: str) -> str:
    return " ".join(" ".join(_nfc(part).split()) for part in raw.split(_GLUE))


def _ngram_pairs(runs: list[list[tuple[str, str]]], n: int) -> Counter[tuple[str, str]]:
    """``(key, form as written) → count`` over every n-gram inside the runs."""
    if n == 1:
        return Counter(chain.from_iterable(runs))
    pairs: Counter[tuple[str, str]] = Counter()
    for run in runs:
        keys = [k for k, _ in run]
        texts = [t for _, t in run]
        pairs.update(
            (" ".join(keys[i : i + n]), _GLUE.join(texts[i : i + n])) for i in range(len(run) - n + 1)
        )
    return pairs


def _best_form(forms: Counter[str]) -> str:
    """The most frequent written form; ties to the first in code-point order, which puts capitals
    first ("Quân khu" before "quân khu"): the forms of one key differ only in case and tone spelling."""
    return min(forms.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def per_10k(count: int, total: int) -> float:
    """``count / total × 10,000`` rounded half up to two decimals, computed exactly."""
    if total <= 0:
        return 0.0
    hundredths = (count * 1_000_000 * 2 + total) // (2 * total)
    return hundredths / 100


def _keyed_rows(scope: _Counts, *, top: int, min_count: int) -> list[tuple[str, dict]]:
    """``(key, row)`` of the rows of one scope, in order, without the documents column."""
    entries = [(key, n, _best_form(scope.forms[key])) for key, n in scope.counts.items() if n >= min_count]
    entries.sort(key=_entry_order)
    if top:
        entries = entries[:top]
    return [
        (key, {"n": i, "word": form, "count": n, "per_10k": per_10k(n, scope.total), "documents": None})
        for i, (key, n, form) in enumerate(entries, 1)
    ]


def _entry_order(entry: tuple) -> tuple:
    return -entry[1], collation_key(entry[2]), entry[0]


def _counts_of(pairs: Counter[tuple[str, str]]) -> _Counts:
    counts = _Counts()
    counts.add_pairs(pairs)
    return counts


def frequency_table(
    docs: Iterable[Document],
    *,
    top: int = 50,
    ngram: int = 1,
    min_count: int = 1,
    by_file: bool = False,
    keep_case: bool = False,
    stopword_files: Sequence[str] = (),
    use_stopwords: bool = True,
    keep_boilerplate: bool = False,
    jobs: int | None = 1,
    use_cache: bool = True,
    segmenter: str = "fast",
) -> Table:
    """The frequency list of ``docs``: columns ``n, word, count, per_10k, documents`` (``file`` first
    with ``by_file``). ``top`` = 0 keeps every row. ``use_stopwords=False`` drops the bundled list;
    words from ``stopword_files`` are left out either way."""
    stopwords = load_stopwords(stopword_files, bundled=use_stopwords)
    _check_options(ngram, top, min_count)
    count = partial(
        document_pairs,
        ngram=ngram,
        keep_case=keep_case,
        stopwords=stopwords,
        keep_boilerplate=keep_boilerplate,
    )
    if by_file:
        counted = map_segmented(count, docs, jobs=jobs, use_cache=use_cache, segmenter=segmenter)
        return _table(_whole(counted), top=top, min_count=min_count, by_file=True)
    if distributed.active() is not None:
        # On a cluster the documents' counts are added up where they are made (a tree of partial
        # totals), then made entries once here.
        totals = fold_segmented(
            count,
            docs,
            fold=corpus_totals,
            combine=add_totals,
            jobs=jobs,
            use_cache=use_cache,
            segmenter=segmenter,
        )
        return _corpus_table(*_entries_of(*totals), top=top, min_count=min_count)
    # The corpus's entries are cached whole too: a rerun with the same options (any --top and
    # --min-count) neither decodes nor adds up the documents' counts again.
    from vnpress.pipeline.memo import reduce_segmented

    total, entries = reduce_segmented(
        count, corpus_entries, docs, jobs=jobs, use_cache=use_cache, segmenter=segmenter
    )
    return _corpus_table(total, entries, top=top, min_count=min_count)


Totals = tuple[Counter[tuple[str, str]], Counter[str]]


def corpus_totals(counted: Iterable[tuple[Document, Counter[tuple[str, str]]]]) -> Totals:
    """``(pairs, documents)`` of documents' pairs: ``(key, form) → count`` added up, and per key
    the number of files it occurs in (the pieces of a long file count once)."""
    return _added_up(_whole(counted))


def _added_up(counted: Iterable[tuple[str, Counter[tuple[str, str]]]]) -> Totals:
    corpus_pairs: Counter[tuple[str, str]] = Counter()
    documents: Counter[str] = Counter()
    for _, doc_pairs in counted:
        # Pairs are added up as they come (one dictionary update a distinct pair); keys and shown
        # forms are made once, over the corpus's distinct pairs, at the end.
        corpus_pairs.update(doc_pairs)
        documents.update({key for key, _ in doc_pairs})
    return corpus_pairs, documents


def add_totals(a: Totals, b: Totals) -> Totals:
    """The totals of two runs of whole files (on a cluster: the tree reduction's step)."""
    pairs, documents = a[0].copy(), a[1].copy()
    pairs.update(b[0])
    documents.update(b[1])
    return pairs, documents


def corpus_entries(
    counted: Iterable[tuple[Document, Counter[tuple[str, str]]]],
) -> tuple[int, list[tuple[str, int, str, int]]]:
    """The counted tokens (or n-grams) of a corpus, and its entries ``(key, count, word shown,
    documents)`` in the order of the rows, from each document's :func:`document_pairs`."""
    return _entries_of(*corpus_totals(counted))


def _entries_of(
    corpus_pairs: Counter[tuple[str, str]], documents: Counter[str]
) -> tuple[int, list[tuple[str, int, str, int]]]:
    corpus = _counts_of(corpus_pairs)
    entries = [(key, n, _best_form(corpus.forms[key])) for key, n in corpus.counts.items()]
    entries.sort(key=_entry_order)
    return corpus.total, [(key, n, form, documents[key]) for key, n, form in entries]


def _corpus_table(total: int, entries: list[tuple[str, int, str, int]], *, top: int, min_count: int) -> Table:
    rows = []
    for _, n, form, docs in entries:
        if n < min_count:
            continue
        if top and len(rows) == top:
            break
        rows.append(
            {"n": len(rows) + 1, "word": form, "count": n, "per_10k": per_10k(n, total), "documents": docs}
        )
    return Table(FREQ, rows)


def _whole(
    counted: Iterable[tuple[Document, Counter[tuple[str, str]]]],
) -> Iterator[tuple[str, Counter[tuple[str, str]]]]:
    """``(path, pairs)`` of each file: the pieces of a long one (see
    :class:`~vnpress.io.corpus.Document`) added up, so it counts as one document."""
    for group in by_document(counted):
        doc, pairs = next(group)
        merged = None
        for _, more in group:
            if merged is None:
                merged = Counter(pairs)
            merged.update(more)
        yield doc.path, merged if merged is not None else pairs


def document_pairs(
    doc: Document,
    words: Sequence,
    *,
    ngram: int,
    keep_case: bool,
    stopwords: frozenset[str],
    keep_boilerplate: bool,
) -> Counter[tuple[str, str]]:
    """One document's ``(key, form as written) → count``: run next to the segmenter (in worker
    processes) and cached with it, so that a warm rerun neither segments nor counts again."""
    runs = counted_runs(
        doc.text, words, stopwords=stopwords, keep_case=keep_case, keep_boilerplate=keep_boilerplate
    )
    return _ngram_pairs(runs, ngram)


def _check_options(ngram: int, top: int, min_count: int) -> None:
    if ngram < 1:
        raise UsageError("--ngram must be at least 1")
    if top < 0 or min_count < 1:
        raise UsageError("--top must be 0 or more and --min-count at least 1")


def segmented_frequency_table(
    segmented: Iterable[tuple[Document, Sequence]],
    *,
    top: int = 50,
    ngram: int = 1,
    min_count: int = 1,
    by_file: bool = False,
    keep_case: bool = False,
    stopwords: frozenset[str] = frozenset(),
    keep_boilerplate: bool = False,
) -> Table:
    """:func:`frequency_table` of documents already segmented (``(doc, words)`` pairs), with the
    stop-word keys given (see :func:`load_stopwords`)."""
    _check_options(ngram, top, min_count)
    counted = (
        (
            doc,
            document_pairs(
                doc,
                words,
                ngram=ngram,
                keep_case=keep_case,
                stopwords=stopwords,
                keep_boilerplate=keep_boilerplate,
            ),
        )
        for doc, words in segmented
    )
    return _table(_whole(counted), top=top, min_count=min_count, by_file=by_file)


def _table(
    counted: Iterable[tuple[str, Counter[tuple[str, str]]]], *, top: int, min_count: int, by_file: bool
) -> Table:
    documents: Counter[str] = Counter()
    if by_file:
        # Each file's rows are made as it comes, so that only the rows are kept; their documents
        # column (corpus-wide) is filled in at the end.
        rows: list[dict] = []
        keyed: list[str] = []
        for path, pairs in counted:
            counts = _counts_of(pairs)
            documents.update(counts.counts.keys())
            for key, row in _keyed_rows(counts, top=top, min_count=min_count):
                rows.append({"file": path, **row})
                keyed.append(key)
        for key, row in zip(keyed, rows, strict=True):
            row["documents"] = documents[key]
        return Table(FREQ_BY_FILE, rows)
    return _corpus_table(*_entries_of(*_added_up(counted)), top=top, min_count=min_count)
