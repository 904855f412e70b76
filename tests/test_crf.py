"""The fast segmenter engine gives underthesea's own CRF tags: on the seeds, a bench corpus, thousands
of lines made from the seeds, and arbitrary Vietnamese-like text; and it refuses a model it does not
understand, the segmenter then falling back to underthesea's featurizer with one warning."""

import logging
import pickle
import random
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vnpress.text import crf
from vnpress.text import segment as seg
from vnpress.text.normalise import normalise

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def assert_same_tags(text: str) -> int:
    """Both engines' tags of the tokens of ``text`` as written and normalised; the number of tokens."""
    n = 0
    for t in (text, normalise(text).text):
        tokens = seg.regex_tokens(t)
        assert seg.crf_tags(tokens, "fast") == seg.crf_tags(tokens, "underthesea"), t[:200]
        n += len(tokens)
    return n


def test_every_line_and_every_seed_document():
    for text in seed_texts():
        assert assert_same_tags(text) > 100
        for line in text.splitlines():
            assert_same_tags(line)


def test_a_bench_corpus(synthetic_corpus):
    tokens = sum(
        assert_same_tags(p.read_text(encoding="utf-8")) for p in sorted(synthetic_corpus(150).glob("*.txt"))
    )
    assert tokens > 100_000


def _variants(rng: random.Random, sentences: list[str]) -> list[str]:
    """Lines unlike the seeds' own: words shuffled across sentences, case changed, numbers, codes,
    punctuation and the old tone spellings put in, lines glued into very long ones."""
    words = [w for s in sentences for w in s.split()]
    extras = [
        "05-NQ/TW",
        "12/2023",
        "1.250",
        "+84",
        "-7",
        "2147483648",
        "“",
        "”",
        "(",
        ")",
        "…",
        "v.v.",
        "TP.HCM",
    ]
    out = []
    for i in range(3000):
        kind = i % 6
        s = rng.choice(sentences)
        if kind == 0:
            s = " ".join(rng.choice(words) for _ in range(rng.randint(1, 30)))
        elif kind == 1:
            s = s.upper()
        elif kind == 2:
            s = " ".join(w.capitalize() if rng.random() < 0.5 else w.lower() for w in s.split())
        elif kind == 3:
            parts = s.split()
            for _ in range(3):
                parts.insert(rng.randint(0, len(parts)), rng.choice(extras))
            s = " ".join(parts)
        elif kind == 4:
            s = s.replace("ủy", "uỷ").replace("hóa", "hoá").replace("Ủy", "Uỷ").replace(" ", "  ")
        else:
            s = " ".join(rng.choice(sentences) for _ in range(rng.randint(3, 10)))
        out.append(s)
    return out


def test_thousands_of_lines_made_from_the_seeds():
    sentences = [s for text in seed_texts() for s in text.replace("\n", " ").split(". ") if s.strip()]
    lines = _variants(random.Random(16), sentences)
    assert len(lines) == 3000
    for line in lines:
        assert_same_tags(line)


_ONSETS = [
    "",
    "b",
    "c",
    "ch",
    "d",
    "đ",
    "g",
    "gi",
    "h",
    "kh",
    "l",
    "m",
    "n",
    "ng",
    "nh",
    "ph",
    "qu",
    "t",
    "th",
    "tr",
    "v",
    "x",
]
_VOWELS = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "uy", "ươ", "iê", "uô"]
_TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
_CODAS = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t", "i", "o", "u"]
_syllable = st.builds(
    lambda o, v, t, c, case: case("".join((o, v[0], t, v[1:], c))),
    st.sampled_from(_ONSETS),
    st.sampled_from(_VOWELS),
    st.sampled_from(_TONES),
    st.sampled_from(_CODAS),
    st.sampled_from([str.lower, str.capitalize, str.upper]),
)
_piece = st.one_of(
    _syllable,
    _syllable,
    _syllable,
    st.from_regex(r"[0-9]{1,12}([.,/-][0-9]{1,4})?", fullmatch=True),
    st.sampled_from(
        [",", ".", ";", ":", "-", "(", ")", "“", "”", "!", "?", "…", "'", "%", "/", "=>", "TW", "Đ", "ð"]
    ),
    st.text(min_size=1, max_size=3),
)
_text = st.lists(
    st.tuples(_piece, st.sampled_from([" ", " ", " ", "", "\n", "  ", "\t"])), min_size=1, max_size=400
).map(lambda pairs: "".join(p + s for p, s in pairs))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_text)
def test_arbitrary_vietnamese_like_text(text):
    assert_same_tags(text)
    assert seg.segment_spans(normalise(text).text, "fast") == seg.segment_spans(
        normalise(text).text, "underthesea"
    )


def test_viterbi_ties_go_to_the_lower_label():
    assert crf.viterbi2([0.0, 0.0], [0.0, 0.0], [0.0, 0.0, 0.0, 0.0]) == [0, 0]
    assert crf.viterbi2([0.0, 1.0], [1.0, 0.0], [0.0, 0.0, 0.0, 0.0]) == [1, 0]
    # a tie at the end too: label 0 last, reached from label 1
    assert crf.viterbi2([0.0, 0.0], [0.0, 0.0], [-1.0, 0.0, 0.0, -1.0]) == [1, 0]


def test_rust_integer_parsing_for_isdigit():
    assert [crf.is_i32(s) for s in ["7", "+7", "-7", "0012", "2147483647", "-2147483648"]] == [True] * 6
    assert [crf.is_i32(s) for s in ["", "+", "-", "2147483648", "1.5", "١٢", "1 2", "--1"]] == [False] * 8


# -- a model the engine does not understand ----------------------------------------------------------
@pytest.fixture
def model_copy(tmp_path):
    shutil.copytree(crf.model_dir(), tmp_path / "model")
    return tmp_path / "model"


def test_it_reads_the_installed_model():
    engine = crf.Engine(crf.model_dir())
    assert sorted(engine.labels) == ["B-W", "I-W"]
    assert len(engine.templates) == 43


def test_another_file_format_is_refused(model_copy):
    data = bytearray((model_copy / "models.bin").read_bytes())
    data[8:12] = b"XXXX"
    (model_copy / "models.bin").write_bytes(bytes(data))
    with pytest.raises(crf.UnsupportedModel, match="not a CRFsuite CRF1d model"):
        crf.Engine(model_copy)


def test_a_template_it_does_not_know_is_refused(model_copy):
    with open(model_copy / "features.bin", "rb") as fh:
        templates = pickle.load(fh)
    with open(model_copy / "features.bin", "wb") as fh:
        pickle.dump([*templates, "T[0].isupper"], fh)
    with pytest.raises(crf.UnsupportedModel, match=r"feature template 'T\[0\]\.isupper'"):
        crf.Engine(model_copy)


def test_the_segmenter_falls_back_with_one_warning(model_copy, monkeypatch, caplog):
    (model_copy / "models.bin").write_bytes(b"lCRF" + b"\0" * 60)
    text = normalise(seed_texts()[0]).text
    expected = seg.segment_spans(text, "underthesea")
    monkeypatch.setattr(crf, "model_dir", lambda: model_copy)
    crf.load.cache_clear()
    seg.fast_engine.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="vnpress"):
            assert seg.segment_spans(text, "fast") == expected
            assert seg.segment_spans(text[:500], "fast") == seg.segment_spans(text[:500], "underthesea")
        warnings = [r.getMessage() for r in caplog.records]
        assert warnings == [
            "the fast segmenter cannot use underthesea's model (models.bin is not a CRFsuite CRF1d model): "
            "using underthesea's own featurizer"
        ]
    finally:
        crf.load.cache_clear()
        seg.fast_engine.cache_clear()
