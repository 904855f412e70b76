"""keywords (against a reference, by hand), freq --by and trend (periods, undated documents under
'unknown', Juilland's D), kwic --dispersion, --chart, and every output format."""

import csv
import io
import json

import pytest
from helpers import SEEDS, invoke

from vnpress.stats.keywords import keyword_rows
from vnpress.stats.wordcounts import WordCounts

TARGET = "Bộ đội huấn luyện. Bộ đội tuần tra biên giới.\n"  # c = 5 counted words
REFERENCE = "Huấn luyện chiến sĩ. Huấn luyện bộ đội. Chiến sĩ tuần tra.\n"  # d = 6


@pytest.fixture
def corpora(tmp_path):
    (tmp_path / "t").mkdir()
    (tmp_path / "r").mkdir()
    (tmp_path / "t" / "t.txt").write_text(TARGET, encoding="utf-8")
    (tmp_path / "r" / "r.txt").write_text(REFERENCE, encoding="utf-8")
    return tmp_path / "t", tmp_path / "r"


def jsonl(result):
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_keywords_by_hand_with_a_word_absent_from_the_reference(corpora):
    target, reference = corpora
    got = jsonl(invoke("keywords", target, "--reference", reference, "--min-freq", "1", "--format", "jsonl"))
    # E1 = c·(a+b)/(c+d), E2 = d·(a+b)/(c+d), LL = 2·Σ O·ln(O/E), signed; Log Ratio = log2((a/c)/(b/d)), 0 → 0.5
    #   biên giới a=1 b=0: LL = 2·ln(11/5) = 1.577; LR = log2((1/5)/(0.5/6)) = log2 2.4 = 1.263
    #   Bộ đội   a=2 b=1: LL = 2·(2·ln(22/15) + ln(11/18)) = 0.547; LR = log2((2/5)/(1/6)) = 1.263
    #   tuần tra a=1 b=1: LL = 2·(ln(11/10) + ln(11/12)) = 0.017; LR = log2(6/5) = 0.263
    #   Huấn luyện a=1 b=2: LL = −2·(ln(11/15) + 2·ln(11/9)) = −0.182; LR = log2((1/5)/(2/6)) = −0.737
    #   Chiến sĩ a=0 b=2: LL = −2·2·ln(11/6) = −2.425; LR = log2((0.5/5)/(2/6)) = −1.737
    assert [tuple(r.values()) for r in got] == [
        ("biên giới", 1, 0, 2000.0, 0.0, 1.577, 1.263),
        ("Bộ đội", 2, 1, 4000.0, 1666.67, 0.547, 1.263),
        ("tuần tra", 1, 1, 2000.0, 1666.67, 0.017, 0.263),
        ("Huấn luyện", 1, 2, 2000.0, 3333.33, -0.182, -0.737),
        ("Chiến sĩ", 0, 2, 0.0, 3333.33, -2.425, -1.737),
    ]
    assert list(got[0]) == [
        "word",
        "target_freq",
        "reference_freq",
        "target_per_10k",
        "reference_per_10k",
        "ll",
        "log_ratio",
    ]


def counts(mapping):
    c = WordCounts()
    c.add_pairs({(k, k): n for k, n in mapping.items() if n})
    return c


def test_p_threshold_and_bonferroni():
    # c = d = 1000; x: 20 vs 8 → LL = 2·(20·ln(20/14) + 8·ln(8/14)) = 2·(7.133499 − 4.476868) = 5.313
    target = counts({"x": 20, "y": 10, "z": 10, "w": 960})
    reference = counts({"x": 8, "y": 10, "z": 10, "w": 972})
    rows = keyword_rows(target, reference, min_freq=1, top=0)
    assert {r["word"]: r["ll"] for r in rows}["x"] == 5.313
    # p = 0.05 → |LL| ≥ 3.841: x is kept; Bonferroni over the 4 words compared: p = 0.0125 → 6.239, it is not
    assert [r["word"] for r in keyword_rows(target, reference, min_freq=1, top=0, p=0.05)] == ["x"]
    assert keyword_rows(target, reference, min_freq=1, top=0, p=0.05, bonferroni=True) == []
    # min_freq 15 leaves x and w (m = 2): p = 0.025 → 5.024, and x is kept
    assert [
        r["word"] for r in keyword_rows(target, reference, min_freq=15, top=0, p=0.05, bonferroni=True)
    ] == ["x"]


def test_keywords_of_an_empty_target_are_no_rows(corpora, tmp_path):
    _, reference = corpora
    empty = tmp_path / "empty.txt"
    empty.write_text("\n", encoding="utf-8")
    result = invoke("keywords", empty, "--reference", reference, "--format", "tsv")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "word\ttarget_freq\treference_freq\ttarget_per_10k\treference_per_10k\tll\tlog_ratio"
    ]


def test_keywords_need_a_reference_and_use_the_sample_only_when_asked(corpora):
    target, _ = corpora
    result = invoke("keywords", target)
    assert result.exit_code == 2
    assert result.stderr == (
        "vnpress: error: keywords needs one reference: --reference REFPATH … or --reference-sample\n"
    )
    sample = jsonl(invoke("keywords", target, "--reference-sample", "--min-freq", "1", "--format", "jsonl"))
    explicit = jsonl(invoke("keywords", target, "--reference", SEEDS, "--min-freq", "1", "--format", "jsonl"))
    assert sample == explicit


def test_bonferroni_without_p_is_a_usage_error(corpora):
    target, reference = corpora
    result = invoke("keywords", target, "--reference", reference, "--bonferroni")
    assert result.exit_code == 2
    assert (
        result.stderr
        == "vnpress: error: --bonferroni corrects a --p threshold: give --p too (e.g. --p 0.01)\n"
    )


@pytest.fixture
def dated(tmp_path):
    d = tmp_path / "dated"
    d.mkdir()
    (d / "2021-07-12_a.txt").write_text("Bộ đội huấn luyện. Bộ đội tuần tra.\n", encoding="utf-8")
    (d / "2021-09-01_b.txt").write_text("Bộ đội tuần tra biên giới.\n", encoding="utf-8")
    (d / "2022-01-05_c.txt").write_text("Chiến sĩ huấn luyện.\n", encoding="utf-8")
    (d / "nodate.txt").write_text("Bộ đội huấn luyện bắn súng.\n", encoding="utf-8")
    return d


UNDATED = "vnpress: warning: 1 of 4 documents has no date (vnpress meta): counted under 'unknown'\n"


def test_trend_by_year_with_an_undated_document(dated):
    result = invoke("trend", "bộ đội,huấn luyện", dated, "--format", "tsv")
    assert result.exit_code == 0
    assert result.stderr == UNDATED
    # 2021: documents of 4 and 3 counted words, "bộ đội" 2 and 1 times: per_10k = 3/7·10⁴ = 4285.71;
    # D on p = (2/4, 1/3): mean 5/12, σ 1/12, D = 1 − (1/5)/√1 = 0.8; "huấn luyện" (1, 0): D = 0
    assert result.stdout.splitlines() == [
        "word\tperiod\tcount\tper_10k\tdocuments\tdispersion",
        "bộ đội\t2021\t3\t4285.71\t2\t0.8",
        "bộ đội\t2022\t0\t0.0\t0\t\\N",
        "bộ đội\tunknown\t1\t2500.0\t1\t\\N",
        "huấn luyện\t2021\t1\t1428.57\t1\t0.0",
        "huấn luyện\t2022\t1\t5000.0\t1\t\\N",
        "huấn luyện\tunknown\t1\t2500.0\t1\t\\N",
    ]


def test_trend_by_month_and_a_phrase(dated):
    result = invoke("trend", "tuần tra biên giới", dated, "--by", "month", "--format", "tsv", "--no-header")
    assert result.stdout.splitlines() == [
        "tuần tra biên giới\t2021-07\t0\t0.0\t0\t\\N",
        "tuần tra biên giới\t2021-09\t1\t3333.33\t1\t\\N",
        "tuần tra biên giới\t2022-01\t0\t0.0\t0\t\\N",
        "tuần tra biên giới\tunknown\t0\t0.0\t0\t\\N",
    ]


def test_trend_of_no_words_is_a_usage_error(dated):
    result = invoke("trend", " , ", dated)
    assert result.exit_code == 2
    assert result.stderr.startswith("vnpress: error: WORDS is empty")


def test_freq_by_year_lists_each_period_and_says_what_is_unknown(dated):
    result = invoke("freq", "--by", "year", dated, "--format", "tsv", "--top", "2")
    assert result.exit_code == 0
    assert result.stderr == UNDATED
    assert result.stdout.splitlines() == [
        "period\tn\tword\tcount\tper_10k\tdocuments",
        "2021\t1\tBộ đội\t3\t4285.71\t2",
        "2021\t2\ttuần tra\t2\t2857.14\t2",
        "2022\t1\tChiến sĩ\t1\t5000.0\t1",
        "2022\t2\thuấn luyện\t1\t5000.0\t1",
        "unknown\t1\tbắn\t1\t2500.0\t1",
        "unknown\t2\tBộ đội\t1\t2500.0\t1",
    ]
    assert invoke("freq", "--by", "year", "--by-file", dated).exit_code == 2


def test_freq_by_source_on_seeds():
    result = invoke("freq", "--by", "source", SEEDS, "--format", "tsv", "--top", "1", "--no-header")
    assert result.stderr == (
        "vnpress: warning: 2 of 5 documents have no source (vnpress meta): counted under 'unknown'\n"
    )
    assert [line.split("\t")[:3] for line in result.stdout.splitlines()] == [
        ["QK3 online", "1", "công tác"],
        ["Thanhuytphcm.vn", "1", "CTCT"],
        ["TTXVN", "1", "công tác"],
        ["unknown", "1", "biệt phái"],
    ]


def test_kwic_dispersion_is_a_row_per_file_with_a_plot(dated):
    result = invoke("kwic", "bộ đội", dated, "--dispersion", "--width", "10", "--format", "tsv")
    assert result.stdout.splitlines() == [
        "file\twords\thits\tper_10k\tplot",
        f"{dated / '2021-07-12_a.txt'}\t4\t2\t5000.0\t|----|----",
        f"{dated / '2021-09-01_b.txt'}\t3\t1\t3333.33\t|---------",
        f"{dated / '2022-01-05_c.txt'}\t2\t0\t0.0\t----------",
        f"{dated / 'nodate.txt'}\t4\t1\t2500.0\t|---------",
    ]


COMMANDS = [
    ["collocates", "công tác", SEEDS, "--measure", "logdice", "--top", "5"],
    ["keywords", SEEDS / "001_4a05e6ed274f4ba5.txt", "--reference", SEEDS, "--top", "5"],
    ["trend", "công tác,Quân khu", SEEDS],
    ["freq", "--by", "year", SEEDS, "--top", "2"],
    ["kwic", "Quân khu", "--dispersion", SEEDS],
]


@pytest.mark.parametrize("args", COMMANDS, ids=[a[0] + (" --by" if "--by" in a else "") for a in COMMANDS])
def test_every_format_has_the_same_rows(args):
    out = {fmt: invoke(*args, "--format", fmt) for fmt in ("tsv", "csv", "json", "jsonl", "table")}
    assert all(r.exit_code == 0 for r in out.values())
    as_jsonl = [json.loads(line) for line in out["jsonl"].stdout.splitlines()]
    assert json.loads(out["json"].stdout) == as_jsonl
    tsv = [line.split("\t") for line in out["tsv"].stdout.splitlines()]
    assert tsv[0] == list(as_jsonl[0])
    assert len(tsv) - 1 == len(as_jsonl)
    assert list(csv.reader(io.StringIO(out["csv"].stdout))) == [
        [("" if v == "\\N" else v) for v in row] for row in tsv
    ]
    first = as_jsonl[0]
    assert all(str(v) in out["table"].stdout for v in first.values() if isinstance(v, (int, float)))


@pytest.mark.parametrize(
    ("args", "mark"),
    [
        (
            ["collocates", "công tác", SEEDS, "--measure", "logdice", "--top", "3"],
            "collocates of công tác (logdice)",
        ),
        (["keywords", SEEDS / "001_4a05e6ed274f4ba5.txt", "--reference", SEEDS, "--top", "3"], "keywords"),
        (["freq", SEEDS, "--top", "3"], "word frequencies"),
        (["trend", "công tác,Quân khu", SEEDS], "per 10,000 words, by year"),
    ],
)
def test_chart_only_with_the_table_format(args, mark):
    table = invoke(*args, "--format", "table", "--chart")
    assert table.exit_code == 0
    assert mark in table.stdout
    assert ("█" in table.stdout) or ("▁" in table.stdout)
    plain = invoke(*args, "--format", "table")
    assert table.stdout.startswith(plain.stdout)
    tsv = invoke(*args, "--format", "tsv", "--chart")
    assert tsv.stdout == invoke(*args, "--format", "tsv").stdout
    assert "█" not in tsv.stdout and "▁" not in tsv.stdout
    assert tsv.stderr.endswith("vnpress: warning: --chart is drawn with the table format only, not tsv\n")


def test_trend_sparklines_by_hand(dated):
    out = invoke("trend", "bộ đội", dated, "--format", "table", "--chart").stdout
    # per_10k over 2021, 2022, unknown: 4285.71, 0, 2500 → █, ▁, ▅ (2500/4285.71·7 = 4.08 → ▅)
    assert "█▁▅" in out
    assert "2021 2022 unknown" in out


def test_a_sidecar_gives_the_undated_document_its_date_and_source(dated, tmp_path):
    sidecar = tmp_path / "meta.csv"
    sidecar.write_text("file,date,source\nnodate.txt,2022-03-04,Báo QĐND\n", encoding="utf-8")
    result = invoke("trend", "bộ đội", dated, "--meta", sidecar, "--format", "tsv", "--no-header")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout.splitlines() == [
        "bộ đội\t2021\t3\t4285.71\t2\t0.8",
        "bộ đội\t2022\t1\t1666.67\t1\t0.0",  # 2022: 2 + 4 words, hits (0, 1): p = (0, 1/4), D = 0
    ]
    by_source = invoke("freq", "--by", "source", dated, "--meta", sidecar, "--format", "tsv", "--top", "1")
    assert by_source.stdout.splitlines()[1:] == [
        "Báo QĐND\t1\tbắn\t1\t2500.0\t1",
        "unknown\t1\tBộ đội\t3\t3333.33\t2",
    ]
    assert by_source.stderr == (
        "vnpress: warning: 3 of 4 documents have no source (vnpress meta): counted under 'unknown'\n"
    )
    alone = invoke("freq", dated, "--meta", sidecar)
    assert alone.exit_code == 2
    assert alone.stderr == "vnpress: error: --meta gives the dates and sources of --by: use it with --by\n"
