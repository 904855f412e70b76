"""collocates: the window (its edges at a sentence end, a comma, a line break), and every measure's
number against a hand computation on a small text of our own."""

import json
import math

import pytest
from helpers import invoke

from vnpress.stats.measures import (
    chi2_critical,
    juilland_d,
    keyness_ll,
    log_dice,
    log_likelihood_2x2,
    log_ratio,
    mi,
    t_score,
)

# Segmented as: Bộ_đội huấn_luyện bắn súng . Bộ_đội tuần_tra biên_giới , bộ_đội huấn_luyện .
#               Huấn_luyện chiến_sĩ mới          ("mới" is a stop word)
#               bộ_đội
# Counted words (freq's): N = 12; the node "bộ đội" occurs f(x) = 4 times.
TEXT = (
    "Bộ đội huấn luyện bắn súng. Bộ đội tuần tra biên giới, bộ đội huấn luyện.\n"
    "Huấn luyện chiến sĩ mới\n"
    "bộ đội\n"
)


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def rows(*args):
    result = invoke("collocates", *args, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def table(*args):
    return [
        (r["collocate"], r["freq_with"], r["freq_total"], r["freq_left"], r["freq_right"], r["score"])
        for r in rows(*args)
    ]


def test_mi_window_5_5_by_hand(article):
    # Windows (5 left, 5 right, closed by "." and the line break; the comma takes no place):
    #   node 1: right huấn luyện, bắn, súng | "."
    #   node 2: left "." | right tuần tra, biên giới, bộ đội (node 3), huấn luyện | "."
    #   node 3: left biên giới, tuần tra (both counted for node 2 already), Bộ đội (node 2) | "." ;
    #           right huấn luyện (counted for node 2 already) | "."
    #   node 4: alone on its line. "Huấn luyện" of line 2 is in no window.
    # MI = log2(f(xy)·12 / (4·f(y))):
    #   bắn, biên giới, súng, tuần tra: log2(12/4) = 1.585; huấn luyện: log2(2·12/12) = 1;
    #   bộ đội: log2(2·12/16) = log2 1.5 = 0.585
    assert table("bộ đội", article, "--min-freq", "1") == [
        ("bắn", 1, 1, 0, 1, 1.585),
        ("biên giới", 1, 1, 0, 1, 1.585),
        ("súng", 1, 1, 0, 1, 1.585),
        ("tuần tra", 1, 1, 0, 1, 1.585),
        ("huấn luyện", 2, 3, 0, 2, 1.0),
        ("Bộ đội", 2, 4, 1, 1, 0.585),
    ]


def test_mi_leaves_out_pairs_seen_fewer_than_5_times_by_default(article):
    assert table("bộ đội", article) == []
    assert [r[0] for r in table("bộ đội", article, "--min-freq", "2")] == ["huấn luyện", "Bộ đội"]


def test_logdice_t_and_ll_by_hand(article):
    # logDice = 14 + log2(2·f(xy) / (f(x) + f(y))):
    #   huấn luyện 14 + log2(4/7) = 13.193; bộ đội 14 + log2(4/8) = 13; bắn, biên giới, súng, tuần tra
    #   14 + log2(2/5) = 12.678
    scores = {r[0]: r[5] for r in table("bộ đội", article, "--measure", "logdice")}
    assert scores == {
        "huấn luyện": 13.193,
        "Bộ đội": 13.0,
        "bắn": 12.678,
        "biên giới": 12.678,
        "súng": 12.678,
        "tuần tra": 12.678,
    }
    # t = (f(xy) − 4·f(y)/12) / √f(xy): huấn luyện (2 − 1)/√2 = 0.707; bắn … (1 − 1/3)/1 = 0.667;
    # bộ đội (2 − 4/3)/√2 = 0.471
    scores = {r[0]: r[5] for r in table("bộ đội", article, "--measure", "t")}
    assert scores == {
        "huấn luyện": 0.707,
        "bắn": 0.667,
        "biên giới": 0.667,
        "súng": 0.667,
        "tuần tra": 0.667,
        "Bộ đội": 0.471,
    }
    # G² of huấn luyện: O = (2, 2, 1, 7), E = (1, 3, 2, 6):
    #   2·(2·ln 2 + 2·ln(2/3) + ln(1/2) + 7·ln(7/6)) = 2·(1.386294 − 0.810930 − 0.693147 + 1.079061) = 1.923
    # of bắn: O = (1, 3, 0, 8), E = (1/3, 11/3, 2/3, 22/3):
    #   2·(ln 3 + 3·ln(9/11) + 8·ln(12/11)) = 2·(1.098612 − 0.602004 + 0.696095) = 2.385
    scores = {r[0]: r[5] for r in table("bộ đội", article, "--measure", "ll")}
    assert scores["huấn luyện"] == 1.923
    assert scores["bắn"] == 2.385


def test_window_edges_a_line_break_and_a_sentence_end_close_the_window(article):
    # 2 left, 2 right: node 1 sees huấn luyện, bắn; node 2 tuần tra, biên giới; node 3 (after the
    # comma, which takes no place) biên giới, tuần tra on the left (counted for node 2 already) and
    # huấn luyện on the right. MI: log2(12/4) = 1.585 for the three, log2(2·12/12) = 1 for huấn luyện.
    assert [
        (r[0], r[3], r[4], r[5]) for r in table("bộ đội", article, "--window", "2,2", "--min-freq", "1")
    ] == [
        ("bắn", 0, 1, 1.585),
        ("biên giới", 0, 1, 1.585),
        ("tuần tra", 0, 1, 1.585),
        ("huấn luyện", 0, 2, 1.0),
    ]
    # Right only, one word: the node at the end of a sentence or alone on a line has none.
    assert [(r[0], r[1]) for r in table("bộ đội", article, "--window", "0,1", "--min-freq", "1")] == [
        ("tuần tra", 1),
        ("huấn luyện", 2),
    ]
    # "huấn luyện" ends both sentences and starts line 2: nothing on its right in any window
    found = table("huấn luyện", article, "--window", "0,5", "--min-freq", "1")
    assert [(r[0], r[5]) for r in found] == [("bắn", 2.0), ("chiến sĩ", 2.0), ("súng", 2.0)]  # log2(12/3)


def test_a_word_in_two_windows_counts_once(tmp_path):
    # "xe tăng" is in the right window of both nodes and counts once: freq_with ≤ freq_total.
    # MI log2(2·3/(2·2)) = log2(1·3/(2·1)) = 0.585 for both; the tie goes to the more frequent pair.
    path = tmp_path / "b.txt"
    path.write_text("Bộ đội bộ đội xe tăng.\n", encoding="utf-8")
    found = table("bộ đội", path, "--min-freq", "1")
    assert found == [("Bộ đội", 2, 2, 1, 1, 0.585), ("xe tăng", 1, 1, 0, 1, 0.585)]


def test_freq_total_and_n_are_freq_s(article):
    freq = invoke("freq", article, "--format", "jsonl", "--top", "0")
    counts = {json.loads(line)["word"]: json.loads(line)["count"] for line in freq.stdout.splitlines()}
    assert sum(counts.values()) == 12
    for r in rows("bộ đội", article, "--min-freq", "1"):
        assert counts[r["collocate"]] == r["freq_total"]


def test_a_phrase_node_and_an_absent_node(article):
    # "Bộ đội" on its left, and on its right (past the comma) the third "bộ đội"
    found = table("tuần tra biên giới", article, "--min-freq", "1", "--window", "1,1")
    assert [(r[0], r[1], r[3], r[4]) for r in found] == [("Bộ đội", 2, 1, 1)]
    result = invoke("collocates", "xe tăng", article, "--format", "tsv")
    assert result.exit_code == 0
    assert result.stdout == "collocate\tfreq_with\tfreq_total\tfreq_left\tfreq_right\tscore\n"


@pytest.mark.parametrize("word", ["", "  ", "_"])
def test_an_empty_word_is_a_usage_error(article, word):
    result = invoke("collocates", word, article)
    assert result.exit_code == 2
    assert result.stderr.startswith("vnpress: error: WORD is empty")
    assert result.stderr.count("\n") == 1
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("window", "message"),
    [
        ("0,0", "--window L,R needs numbers of 0 or more, not both 0"),
        ("-1,2", "--window L,R needs numbers of 0 or more, not both 0"),
        ("a,b", "--window takes L,R (two whole numbers, e.g. 5,5), not 'a,b'"),
        ("1,2,3", "--window takes L,R (two whole numbers, e.g. 5,5), not '1,2,3'"),
    ],
)
def test_a_bad_window_is_a_usage_error(article, window, message):
    result = invoke("collocates", "bộ đội", article, "--window", window)
    assert result.exit_code == 2
    assert result.stderr == f"vnpress: error: {message}\n"
    assert result.stdout == ""


def test_the_formulas_by_hand():
    assert round(mi(2, 4, 1, 12), 3) == 2.585
    assert round(log_dice(3, 4, 3), 3) == 13.778
    assert round(t_score(2, 4, 1, 12), 3) == 1.179
    assert round(log_likelihood_2x2(3, 4, 3, 12), 3) == 8.997
    # keyness: a = 2 of c = 5, b = 1 of d = 6: E1 = 15/11, E2 = 18/11,
    # LL = 2·(2·ln(22/15) + ln(11/18)) = 2·(0.765985 − 0.492476) = 0.547
    assert round(keyness_ll(2, 1, 5, 6), 3) == 0.547
    assert round(keyness_ll(1, 2, 5, 6), 3) == -0.182  # rarer in the target: negative
    assert round(log_ratio(2, 1, 5, 6), 3) == 1.263  # log2((2/5)/(1/6)) = log2 2.4
    assert round(log_ratio(1, 0, 5, 6), 3) == 1.263  # the zero counts as 0.5: log2((1/5)/(0.5/6))
    assert round(chi2_critical(0.05), 3) == 3.841
    assert round(chi2_critical(0.01), 3) == 6.635
    assert round(chi2_critical(0.001), 3) == 10.828
    # Juilland's D on relative frequencies: p = (0.5, 1/3), mean 5/12, σ 1/12: 1 − (1/5)/1 = 0.8
    assert math.isclose(juilland_d([2, 1], [4, 3]), 0.8)
    assert math.isclose(juilland_d([1, 1, 2], [10, 10, 20]), 1.0)
    assert juilland_d([3, 0], [6, 6]) == 0.0
    assert juilland_d([3], [6]) is None
    assert juilland_d([0, 0], [6, 6]) is None


def test_the_same_rows_whatever_the_jobs_and_the_cache(synthetic_corpus):
    corpus = synthetic_corpus(60)
    args = ("collocates", "công tác", corpus, "--format", "tsv", "--top", "0", "--measure", "ll")
    one = invoke(*args, "--jobs", "1", "--no-cache")
    cold = invoke(*args, "--jobs", "2")
    warm = invoke(*args, "--jobs", "2")
    assert one.exit_code == cold.exit_code == warm.exit_code == 0
    assert len(one.stdout.splitlines()) > 50
    assert one.stdout == cold.stdout == warm.stdout
