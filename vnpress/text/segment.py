"""Word segmentation: underthesea's CRF segmenter, on normalised text, with offsets and protected words.

underthesea is imported on first use only, so that ``vnpress --help`` starts fast. The segmenter
runs on the normalised text (so ``uỷ`` and ``ủy`` get the same words); its tokens are aligned back to
the normalised text and then to the original one. Some words the CRF splits in every spelling
("Đảng ủy" → "Đảng" + "ủy") are merged back from ``data/protected_words.txt``.

Two engines tag the tokens, with the same tags: ``fast`` (:mod:`vnpress.text.crf`, the default)
and ``underthesea`` (its own featurizer and tagger). Everything around the tagging (the tokens, their
offsets, line breaks, protected words) is the same for both.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

from vnpress.data import data_lines
from vnpress.text.normalise import LINE_BREAKS, Normalised, normalise


class Word(NamedTuple):
    """A segmented word: its span in the original text, the text as written there, its normal form.
    A named tuple, as it is the object made most often (once a word, millions a corpus): it is made at
    a third of the cost of a frozen dataclass."""

    start: int
    end: int
    text: str
    norm: str


Span = tuple[int, int]

ENGINES = ("fast", "underthesea")
DEFAULT_ENGINE = "fast"


@lru_cache(maxsize=1)
def load_tokenizer():
    """underthesea's regex tokenizer and token normalisation, loaded once per process."""
    from underthesea.pipeline.text_normalize import token_normalize
    from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize

    return tokenize, token_normalize


@lru_cache(maxsize=1)
def load_model():
    """underthesea's segmentation model and its helpers, loaded once per process."""
    from underthesea.pipeline import word_tokenize as wt

    tokenize, token_normalize = load_tokenizer()
    wt.word_tokenize("khởi động")  # loads the CRF model into wt.word_tokenize_model
    return tokenize, token_normalize, wt.word_tokenize_model


@lru_cache(maxsize=1)
def fast_engine():
    """The ``fast`` engine, or None (with one warning) when it cannot reproduce the installed model."""
    from vnpress.text import crf

    try:
        return crf.load()
    except (crf.UnsupportedModel, ImportError) as e:
        from vnpress.io.progress import warn

        warn(f"the fast segmenter cannot use underthesea's model ({e}): using underthesea's own featurizer")
        return None


def load_engine(engine: str = DEFAULT_ENGINE) -> None:
    """Load what ``engine`` needs (before worker processes fork, so that they share it)."""
    if engine not in ENGINES:
        raise ValueError(f"unknown segmenter {engine!r} (one of {', '.join(ENGINES)})")
    load_tokenizer()
    if engine == "underthesea" or fast_engine() is None:
        load_model()


def crf_tags(tokens: list[str], engine: str = DEFAULT_ENGINE) -> list[str]:
    """underthesea's CRF labels (``B-W``, ``I-W``) of the regex tokens of a text."""
    if engine == "fast":
        fast = fast_engine()
        if fast is not None:
            from vnpress.text.crf import UnsupportedModel

            try:
                return fast.tag(tokens, load_tokenizer()[1])
            except UnsupportedModel:  # a token underthesea_core itself cannot featurise
                pass
    elif engine != "underthesea":
        raise ValueError(f"unknown segmenter {engine!r} (one of {', '.join(ENGINES)})")
    _, _, model = load_model()
    return model.predict(_features(tokens))


@lru_cache(maxsize=2)
def _protected_pattern(lower: bool = False) -> re.Pattern[str] | None:
    """The protected words on word boundaries, case-insensitive (``lower``: for lower-cased text,
    without IGNORECASE, which makes it three times as fast)."""
    words = sorted({w for w in data_lines("protected_words.txt")}, key=len, reverse=True)
    if not words:
        return None
    alternatives = "|".join(
        re.escape(w.lower() if lower else w).replace(r"\ ", f"[^\\S{LINE_BREAKS}]+") for w in words
    )
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", 0 if lower else re.IGNORECASE)


def _tokens(text: str) -> tuple[list[str], list[Span]]:
    if _clean(text):
        return _tokens_direct(text)
    tokenize, _ = load_tokenizer()
    tokens = tokenize(text, use_token_normalize=False)
    spans: list[Span] = []
    pos = 0
    find = text.find
    for tok in tokens:
        i = find(tok, pos)
        if i < 0:  # cannot happen for substrings of ``text``; keep going rather than lose the text
            i = pos
        pos = i + len(tok)
        spans.append((i, pos))
    return tokens, spans


def regex_tokens(text: str) -> list[str]:
    """underthesea's regex tokens of ``text``, which the CRF tags."""
    return _tokens(text)[0]


def _clean(text: str) -> bool:
    """Whether underthesea's character normalisation (NFC, ð → đ) leaves ``text`` as it is, as it
    does for every text :func:`normalise` has made."""
    return "ð" not in text and "Ð" not in text and unicodedata.is_normalized("NFC", text)


def _tokens_direct(text: str) -> tuple[list[str], list[Span]]:
    """underthesea's regex tokenizer, with each token's span taken from its match rather than
    searched for: the same tokens (each match is exactly one named group) at a fraction of the cost."""
    load_tokenizer()
    from underthesea.pipeline.word_tokenize import regex_tokenize

    spans = [m.span() for m in regex_tokenize.patterns.finditer(text)]
    return [text[a:b] for a, b in spans], spans


_FEATURES: dict[str, list[str]] = {}


def _features(tokens: list[str]) -> list[list[str]]:
    """``[[token_normalize(t)] …]``, memoised (one shared list per distinct token, which the
    featurizer only reads): a corpus has far fewer distinct tokens than tokens."""
    memo = _FEATURES
    if len(memo) > 200_000:
        memo.clear()
    out = [memo.get(t) for t in tokens]
    if None in out:
        _, token_normalize = load_tokenizer()
        for i, t in enumerate(tokens):
            if out[i] is None:
                feature = memo.get(t)
                if feature is None:
                    feature = memo[t] = [token_normalize(t)]
                out[i] = feature
    return out  # type: ignore[return-value]


# Characters that IGNORECASE matches beyond their lower-case form (re._casefix: ı ~ i, ſ ~ s …):
# where one occurs, lower-casing the text would not find the same matches.
_CASE_SPECIAL = re.compile(
    "[\u00b5\u0131\u017f\u0345\u0390-\u03f5\u0432-\u0463\u1c80-\u1c88\u1e61\u1e9b\u1fbe\u1fd3\u1fe3\ua64b\ufb05\ufb06]"
)


def _protected_matches(text: str) -> Iterator[re.Match[str]]:
    lowered = text.lower()
    if len(lowered) == len(text) and not _CASE_SPECIAL.search(text):
        return _protected_pattern(lower=True).finditer(lowered)  # type: ignore[union-attr]
    return _protected_pattern().finditer(text)  # type: ignore[union-attr]


def _merge_protected(text: str, words: list[Span]) -> list[Span]:
    if _protected_pattern(lower=True) is None or not words:  # (the case-insensitive one is rarely needed)
        return words
    found = [m.span() for m in _protected_matches(text)]
    if not found:
        return words
    merges: list[tuple[int, int]] = []
    n = len(words)
    for start, end in found:  # the words (in order, apart) that begin at start and end at end
        a = bisect.bisect_left(words, (start,))
        if a == n or words[a][0] != start:
            continue
        b = bisect.bisect_left(words, (end,), a) - 1
        if b > a and words[b][1] == end:
            merges.append((a, b))
    if not merges:
        return words
    out: list[Span] = []
    k = 0
    for a, b in merges:
        if a < k:  # overlaps a merge already made
            continue
        out.extend(words[k:a])
        out.append((words[a][0], words[b][1]))
        k = b + 1
    out.extend(words[k:])
    return out


def segment_spans(text: str, engine: str = DEFAULT_ENGINE) -> list[Span]:
    """Word spans of an already normalised text (pure and cacheable: same text, same spans)."""
    if not text.strip():
        return []
    tokens, spans = _tokens(text)
    if not tokens:
        return []
    tags = crf_tags(tokens, engine)
    # The CRF's "inside a word" tag never joins across a line break, nor a token with no letter or
    # digit ("Kim Hồng |"): words stop there, as they do for every later step.
    words: list[Span] = []
    breaks = [m.start() for m in _LINE_BREAK_RX.finditer(text)]
    breaks.append(len(text))
    k = 0  # breaks[k]: the first line break at or after the end of the previous token
    previous_end, previous_letter = 0, False
    letter = _LETTER_OR_DIGIT.search
    for tag, span, token in zip(tags, spans, tokens, strict=False):
        has_letter = token.isalnum() or letter(token) is not None
        while breaks[k] < previous_end:
            k += 1
        if words and span[0] == words[-1][1] and unicodedata.combining(token[0]):
            # a mark the tokenizer cut from its letter (two tone marks on one vowel) stays with it:
            # the offset map cannot place a boundary inside one original character cluster
            words[-1] = (words[-1][0], span[1])
        elif tag == "I-W" and words and has_letter and previous_letter and breaks[k] >= span[0]:
            words[-1] = (words[-1][0], span[1])
        else:
            words.append(span)
        previous_end, previous_letter = span[1], has_letter
    return _merge_protected(text, words)


_LINE_BREAK_RX = re.compile(f"[{LINE_BREAKS}]")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def words_from_spans(norm: Normalised, spans: Iterable[Span]) -> list[Word]:
    """The words of ``spans`` (of the normalised text): spans of the original text, the text as
    written there, the normal form with each run of whitespace made one space."""
    original, text = norm.original, norm.text
    if norm.offsets.starts is not None:
        out: list[Word] = []
        for s, e in spans:
            a, b = norm.span(s, e)
            out.append(_word(a, b, original[a:b], _fold_spaces(text[s:e])))
        return out
    # Identity offsets (the usual case, on the hot path): the original span is the normalised one.
    # The fold of _fold_spaces and the making of _word are written out: two calls a word are most of
    # the cost of this step, which runs on every word of a corpus, warm cache or cold.
    new = tuple.__new__
    if text is original or text == original:
        return [
            new(Word, (s, e, p, p if p.isprintable() and "  " not in p else " ".join(p.split())))
            for s, e in spans
            for p in (text[s:e],)
        ]
    return [_word(s, e, original[s:e], _fold_spaces(text[s:e])) for s, e in spans]


def _fold_spaces(piece: str) -> str:
    """``"Bộ  Chỉ huy"`` (or with a tab, a no-break space …) is the word ``"Bộ Chỉ huy"``. One
    space between syllables, the usual case, is printable and passes as it is."""
    if piece.isprintable() and "  " not in piece:
        return piece
    return " ".join(piece.split())


def _word(start: int, end: int, text: str, norm: str, _new=tuple.__new__) -> Word:
    """``Word(start, end, text, norm)`` without the keyword handling of the generated ``__new__``."""
    return _new(Word, (start, end, text, norm))


def segment(text: str, engine: str = DEFAULT_ENGINE) -> list[Word]:
    """Segment one text into words with offsets into ``text`` itself."""
    norm = normalise(text)
    return words_from_spans(norm, segment_spans(norm.text, engine))
