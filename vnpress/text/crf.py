"""The ``fast`` segmenter engine: underthesea's word-segmentation CRF, read from the installed wheel, with
the same tags as underthesea's own featurizer and tagger at a fraction of the cost.

underthesea (``underthesea_core``) makes 43 feature strings per token from the templates of
``features.bin`` (``T[-1,0].lower=…``), looks each up in the model's attribute table, sums the
weights of the attributes it finds, and runs Viterbi over the two labels. The strings are most of
the time. This engine computes the same sums without them:

* **Model.** ``models.bin`` is a CRFsuite model (a header, two CQDB string tables, a FEAT chunk of
  ``(type, source, target, weight)`` records). It is read with :mod:`struct` and numpy exactly as
  ``underthesea_core`` reads it: attribute and label ids in the order it assigns them, state weights
  of magnitude 1e-10 or less dropped, later records overwriting earlier ones. Anything else in the
  file (another magic, model type, chunk, or labels other than two) is refused.
* **Templates.** ``T[i]`` and ``T[i,j]`` (the tokens i..j joined by spaces), each optionally
  ``.lower``, ``.isdigit`` (Rust's ``parse::<i32>``), ``.istitle`` (every space-separated part begins
  with a character that upper-casing leaves alone) or ``.is_in_dict`` (the lower-cased text is in
  ``dictionary.bin``). A template of another form is refused.
* **Memoised per n-gram.** A template's value depends only on the n tokens it spans, so the
  attributes of all templates of span n are computed once per distinct n-gram (n = 1, 2, 3 here)
  and kept as a row number; rows with the same attributes are one row, so the tables stay small
  (their number is bounded by the model) while the n-gram memos are capped and cleared when full.
* **Sums with numpy.** Per text, one row index per n-gram start; for each template in its order
  the weight column is gathered and added, so the floating-point sums are bit for bit underthesea's
  (its order, its zeros for unknown attributes), and so are the Viterbi scores and ties (the lower
  label wins), computed in plain Python floats as in its loop.

If the wheel's files are not of this form, :func:`load` raises :class:`UnsupportedModel` and the
caller (``segment.py``) falls back to underthesea's featurizer with one warning.
"""

from __future__ import annotations

import pickle
import re
import struct
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

MODEL_DIR = ("pipeline", "word_tokenize", "models", "ws_crf_vlsp2013_20230727")
MEMO_LIMIT = 1 << 16  # n-grams remembered per span length before the memo is cleared (memory)
_TEMPLATE = re.compile(r"T\[(-?\d+)(?:,(-?\d+))?\](?:\.(lower|isdigit|istitle|is_in_dict))?")
_I32 = re.compile(r"[+-]?[0-9]+")


class UnsupportedModel(Exception):
    """The installed model or its templates are not of the form this engine reproduces."""


def model_dir() -> Path:
    """The word-segmentation model directory of the installed underthesea (found without importing it)."""
    import importlib.util

    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        raise UnsupportedModel("underthesea is not installed")
    return Path(next(iter(spec.submodule_search_locations))).joinpath(*MODEL_DIR)


# -- the CRFsuite file ---------------------------------------------------------------------------------
def _strings(buf: bytes, start: int, count: int) -> list[str]:
    """The strings of a CQDB table in id order, as underthesea_core reads them (zero slots skipped)."""
    if buf[start : start + 4] != b"CQDB":
        raise UnsupportedModel("a string table is not a CQDB")
    _, _, _, bwd_size, bwd_offset = struct.unpack_from("<IIIII", buf, start + 4)
    n = min(count, bwd_size)
    offsets = struct.unpack_from(f"<{n}I", buf, start + bwd_offset)
    out = []
    for off in offsets:
        if off == 0:
            continue
        at = start + off
        (ksize,) = struct.unpack_from("<I", buf, at + 4)
        key = buf[at + 8 : at + 8 + ksize].split(b"\0", 1)[0]
        try:
            out.append(key.decode("utf-8"))
        except UnicodeDecodeError:
            raise UnsupportedModel("a string that is not UTF-8") from None
    return out


def _index(strings: list[str]) -> dict[str, int]:
    index: dict[str, int] = {}
    for s in strings:
        index.setdefault(s, len(index))
    return index


def read_model(path: Path) -> tuple[list[str], dict[str, int], Any, list[float]]:
    """``(labels, attribute ids, weights[attribute, label], transitions[from * L + to])``."""
    import numpy as np

    buf = path.read_bytes()
    if len(buf) < 48 or buf[:4] != b"lCRF" or buf[8:12] != b"FOMC":
        raise UnsupportedModel(f"{path.name} is not a CRFsuite CRF1d model")
    (version, num_features, num_labels, num_attrs, off_features, off_labels, off_attrs) = struct.unpack_from(
        "<7I", buf, 12
    )
    if version != 100:
        raise UnsupportedModel(f"CRFsuite model version {version}")
    labels = list(_index(_strings(buf, off_labels, num_labels)))
    attributes = _index(_strings(buf, off_attrs, num_attrs))
    if buf[off_features : off_features + 4] != b"FEAT":
        raise UnsupportedModel("no FEAT chunk")
    _, count = struct.unpack_from("<II", buf, off_features + 4)
    count = count or num_features
    records = np.frombuffer(
        buf,
        dtype=np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")]),
        count=count,
        offset=off_features + 12,
    )
    n_labels, n_attrs = len(labels), len(attributes)
    weights = np.zeros((n_attrs + 1, n_labels))  # the last row: the zeros of an unknown attribute
    state = records[records["type"] == 0]
    keys = state["src"].astype(np.int64) * (n_labels + 1 << 32) + state["dst"]
    if len(np.unique(keys)) == len(keys):
        keep = (state["src"] < n_attrs) & (state["dst"] < n_labels) & (np.abs(state["weight"]) > 1e-10)
        weights[state["src"][keep], state["dst"][keep]] = state["weight"][keep]
    else:  # the same (attribute, label) twice: the last record wins, as in a hash map
        table: dict[tuple[int, int], float] = {}
        for src, dst, w in zip(
            state["src"].tolist(), state["dst"].tolist(), state["weight"].tolist(), strict=True
        ):
            if abs(w) > 1e-10:
                table[src, dst] = w
            else:
                table.pop((src, dst), None)
        for (src, dst), w in table.items():
            if src < n_attrs and dst < n_labels:
                weights[src, dst] = w
    transitions = [0.0] * (n_labels * n_labels)
    for record in records[records["type"] == 1].tolist():
        _, src, dst, w = record
        if src * n_labels + dst < len(transitions):
            transitions[src * n_labels + dst] = w
    return labels, attributes, weights, transitions


# -- the templates -----------------------------------------------------------------------------------
def is_i32(text: str) -> bool:
    return _I32.fullmatch(text) is not None and -(2**31) <= int(text) < 2**31


def _is_title(text: str) -> bool:
    for part in text.split(" "):
        if not part:
            raise UnsupportedModel("an empty token")  # underthesea_core would panic here
        if part[0].upper() != part[0]:
            return False
    return True


class Template:
    """One feature template: the tokens ``first..last`` (offsets from the current one) and a function."""

    def __init__(self, syntax: str, dictionary: frozenset[str] | set[str]):
        m = _TEMPLATE.fullmatch(syntax)
        if m is None:
            raise UnsupportedModel(f"feature template {syntax!r}")
        self.syntax = syntax
        self.first = int(m.group(1))
        self.last = int(m.group(2)) if m.group(2) is not None else self.first
        if self.last < self.first:
            raise UnsupportedModel(f"feature template {syntax!r}")
        self.span = self.last - self.first + 1
        function = m.group(3)
        self.value: Callable[[str], str]
        if function is None:
            self.value = str
        elif function == "lower":
            self.value = str.lower
        elif function == "isdigit":
            self.value = lambda text: "True" if is_i32(text) else "False"
        elif function == "istitle":
            self.value = lambda text: "True" if _is_title(text) else "False"
        else:
            self.value = lambda text: "True" if text.lower() in dictionary else "False"


class Group:
    """The templates of one span length: their attribute rows, memoised per n-gram of tokens."""

    def __init__(self, span: int, templates: list[Template], values: dict[str, dict[str, int]], unknown: int):
        self.span = span
        self.templates = templates
        self.lookups = [(t.value, values.get(t.syntax, {})) for t in templates]
        self.unknown = unknown
        self.rows: dict[tuple[int, ...], int] = {}
        self.table: list[tuple[int, ...]] = []
        self.memo: dict[Any, int] = {}
        self.bos = self._row(tuple(values.get(t.syntax, {}).get("BOS", unknown) for t in templates))
        self.eos = self._row(tuple(values.get(t.syntax, {}).get("EOS", unknown) for t in templates))
        self.flushed = 0

    def _row(self, attrs: tuple[int, ...]) -> int:
        row = self.rows.get(attrs)
        if row is None:
            row = self.rows[attrs] = len(self.table)
            self.table.append(attrs)
        return row

    def row_of(self, text: str) -> int:
        unknown = self.unknown
        return self._row(tuple(ids.get(value(text), unknown) for value, ids in self.lookups))


class Engine:
    """Tags token sequences with underthesea's word-segmentation CRF (labels ``B-W`` / ``I-W``)."""

    def __init__(self, directory: Path):
        import numpy as np

        self._np = np
        try:
            labels, attributes, weights, transitions = read_model(directory / "models.bin")
            with open(directory / "features.bin", "rb") as fh:
                syntaxes = pickle.load(fh)
            with open(directory / "dictionary.bin", "rb") as fh:
                dictionary = pickle.load(fh)
        except (OSError, struct.error, ValueError, pickle.UnpicklingError, EOFError) as e:
            raise UnsupportedModel(f"cannot read the model: {e}") from None
        if not (isinstance(syntaxes, list) and all(isinstance(s, str) for s in syntaxes) and syntaxes):
            raise UnsupportedModel("features.bin is not a list of templates")
        if not isinstance(dictionary, (set, frozenset)):
            raise UnsupportedModel("dictionary.bin is not a set")
        if len(labels) != 2:
            raise UnsupportedModel(f"{len(labels)} labels")
        self.labels = labels
        self.templates = [Template(s, dictionary) for s in syntaxes]
        values: dict[str, dict[str, int]] = {t.syntax: {} for t in self.templates}
        for attribute, i in attributes.items():
            syntax, _, value = attribute.partition("=")
            if syntax in values:
                values[syntax][value] = i
        unknown = len(attributes)
        spans = sorted({t.span for t in self.templates})
        self.groups = {
            n: Group(n, [t for t in self.templates if t.span == n], values, unknown) for n in spans
        }
        # per template, in order: its group, its column there, its first offset
        self.order = [(t.span, self.groups[t.span].templates.index(t), t.first) for t in self.templates]
        self.pad = max(0, -min(t.first for t in self.templates))
        self.right = max(0, max(t.first for t in self.templates))
        self.weights = [np.ascontiguousarray(weights[:, y]) for y in range(len(labels))]
        self.transitions = transitions
        # per group and label: the weight of each column's attribute for every row so far
        self.columns: dict[int, list[list[Any]]] = {n: [] for n in spans}
        for n in spans:
            self._flush(self.groups[n])

    def _flush(self, group: Group) -> None:
        np = self._np
        if group.flushed == len(group.table):
            return
        attrs = np.array(group.table, dtype=np.int64).reshape(len(group.table), len(group.templates))
        self.columns[group.span] = [
            [np.ascontiguousarray(w[attrs[:, c]]) for c in range(len(group.templates))] for w in self.weights
        ]
        group.flushed = len(group.table)

    def _starts(self, group: Group, tokens: Sequence[str], normal: Callable[[str], str]) -> Any:
        """Row numbers of the n-grams starting at -pad … n-1+right: BOS before the text, EOS where
        the n-gram would run past its end (underthesea_core's rule)."""
        span = group.span
        memo = group.memo
        if len(memo) > MEMO_LIMIT:
            memo.clear()
        if span == 1:
            keys: Sequence[Any] = tokens
        else:
            keys = list(zip(*(tokens[i:] for i in range(span)), strict=False))
        rows = list(map(memo.get, keys))
        if None in rows:
            row_of = group.row_of
            for i, row in enumerate(rows):
                if row is None:
                    row = memo.get(keys[i])
                    if row is None:
                        text = " ".join(map(normal, keys[i])) if span > 1 else normal(keys[i])
                        row = memo[keys[i]] = row_of(text)
                    rows[i] = row
        self._flush(group)
        after = len(tokens) + self.right - len(rows)
        return self._np.array([group.bos] * self.pad + rows + [group.eos] * after, dtype=self._np.intp)

    def emissions(self, tokens: Sequence[str], normal: Callable[[str], str]) -> list[list[float]]:
        """Per label, each token's summed state weights, in underthesea_core's order of addition."""
        np = self._np
        n = len(tokens)
        starts = {span: self._starts(g, tokens, normal) for span, g in self.groups.items()}
        out = []
        for y in range(len(self.labels)):
            total = np.zeros(n)
            columns = self.columns
            pad = self.pad
            for span, column, first in self.order:
                index = starts[span][pad + first : pad + first + n]
                total += columns[span][y][column][index]
            out.append(total.tolist())
        return out

    def tag(self, tokens: Sequence[str], normal: Callable[[str], str]) -> list[str]:
        """The labels of ``tokens``, featurised as ``normal(token)`` (underthesea's token normalisation)."""
        if not tokens:
            return []
        e0, e1 = self.emissions(tokens, normal)
        return [self.labels[y] for y in viterbi2(e0, e1, self.transitions)]


def viterbi2(e0: list[float], e1: list[float], transitions: list[float]) -> list[int]:
    """The best label path for two labels, with underthesea_core's arithmetic and ties (lower label)."""
    t00, t01, t10, t11 = transitions
    n = len(e0)
    s0, s1 = e0[0], e1[0]
    back0 = bytearray(n)  # the best previous label for label 0 (1) at each position
    back1 = bytearray(n)
    for t in range(1, n):
        a, b = s0 + t00, s1 + t10
        if b > a:
            n0 = b
            back0[t] = 1
        else:
            n0 = a
        a, b = s0 + t01, s1 + t11
        if b > a:
            n1 = b
            back1[t] = 1
        else:
            n1 = a
        s0, s1 = n0 + e0[t], n1 + e1[t]
    y = 1 if s1 > s0 else 0
    path = [0] * n
    path[-1] = y
    for t in range(n - 1, 0, -1):
        y = back1[t] if y else back0[t]
        path[t - 1] = y
    return path


@lru_cache(maxsize=1)
def load() -> Engine:
    """The engine for the installed underthesea's model, read once per process."""
    return Engine(model_dir())
