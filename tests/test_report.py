"""vnpress report: one self-contained HTML file; rendered by headless Chromium (Debian's chromium),
its screenshot is not blank and its text names the officers of seeds/; the SVG charts' geometry."""

import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import numpy as np
import pytest
from helpers import SAFETY_NET, SEEDS, invoke

from vnpress.report import svg

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")

# the officers of seeds/ (the people of ../shared/gold/seeds.json)
OFFICERS = [
    "Chu Văn Đoàn",
    "Trần Hoài Trung",
    "Lương Cường",
    "Trịnh Văn Quyết",
    "Nguyễn Văn Gấu",
    "Phùng Sĩ Tấn",
    "Lê Tuấn Hiền",
    "Nguyễn Mạnh Hùng",
]
SECTIONS = [
    "Corpus",
    "Top words",
    "Keywords",
    "Officers",
    "Rank histories",
    "Units",
    "Resolutions by year",
    "Abbreviations",
    "Trends of the top words",
]


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "report.html"
    result = invoke("report", SEEDS, "-o", out, env={"VNPRESS_CACHE_DIR": str(out.parent / "cache")})
    assert result.exit_code == 0, result.output
    assert re.fullmatch(
        rf"vnpress: wrote {re.escape(str(out))} \([0-9,]+ bytes, 5 documents\)\n", result.stderr
    )
    assert result.stdout == ""
    return out


def test_the_report_is_one_self_contained_file(seeds_report):
    html = seeds_report.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    for outside in ("<script", "<link", "src=", "url(", "@import"):
        assert outside not in html
    assert set(re.findall(r"https?://[^\"' )]+", html)) == {"http://www.w3.org/2000/svg"}  # the SVG namespace
    for title in SECTIONS:
        assert f">{title}</h" in html
    assert "No reference corpus given" in html  # the sample is a reference only when asked for
    assert html.count("<svg") == 5  # top words, rank timelines, units, resolutions by year, trends
    assert len(html.encode()) < 100_000


def test_keywords_against_the_sample_only_when_asked(tmp_path):
    out = tmp_path / "r.html"
    result = invoke("report", SEEDS / "001_4a05e6ed274f4ba5.txt", "-o", out, "--reference-sample")
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "No reference corpus given" not in html
    assert '<td>CTCT</td><td class="n">14</td><td class="n">14</td>' in html  # keywords' first row


def test_report_to_stdout_and_a_missing_path(tmp_path):
    result = invoke("report", SEEDS / "003_d73cb450df9cd420.txt", "-o", "-")
    assert result.exit_code == 0
    assert result.stdout.startswith("<!DOCTYPE html>") and "Lê Tuấn Hiền" in result.stdout
    out = tmp_path / "none.html"
    result = invoke("report", tmp_path / "missing", "-o", out)
    assert result.exit_code == 1
    assert result.stderr == f"vnpress: error: {tmp_path / 'missing'}: no such file or directory\n"
    assert not out.exists()


def png_rows(path: Path, rows: int) -> np.ndarray:
    """The first ``rows`` rows of an 8-bit RGB(A) PNG as an array (height, width, channels),
    decoded with zlib and the five PNG filters (no image library needed)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, [], None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + length
    width, height, depth, colour, *_ = header
    assert depth == 8 and colour in (2, 6), header
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompressobj().decompress(b"".join(idat), (width * bpp + 1) * rows)
    stride = width * bpp
    out = np.zeros((rows, stride), dtype=np.uint8)
    prev = np.zeros(stride, dtype=np.int32)
    for y in range(min(rows, height)):
        kind, line = (
            raw[y * (stride + 1)],
            np.frombuffer(raw, np.uint8, stride, y * (stride + 1) + 1).astype(np.int32),
        )
        if kind == 0:
            cur = line
        elif kind == 2:
            cur = (line + prev) & 255
        elif kind == 1:
            cur = np.cumsum(line.reshape(-1, bpp), axis=0).reshape(-1) & 255
        else:  # average (3) and Paeth (4) depend on the pixel to the left: byte by byte
            cur = np.zeros(stride, dtype=np.int32)
            up = prev.tolist()
            vals = line.tolist()
            c = cur.tolist()
            for i in range(stride):
                a = c[i - bpp] if i >= bpp else 0
                b = up[i]
                if kind == 3:
                    c[i] = (vals[i] + (a + b) // 2) & 255
                else:
                    d = up[i - bpp] if i >= bpp else 0
                    p = a + b - d
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - d)
                    pred = a if pa <= pb and pa <= pc else (b if pb <= pc else d)
                    c[i] = (vals[i] + pred) & 255
            cur = np.array(c, dtype=np.int32)
        out[y] = cur
        prev = cur
    return out.reshape(rows, width, bpp)[:, :, :3]


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={tmp_path / 'profile'}",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=SAFETY_NET,
    )


@needs_chromium
def test_chromium_renders_the_report_with_the_officers_and_the_charts(seeds_report, tmp_path):
    url = seeds_report.as_uri()
    dom = chromium(tmp_path, "--dump-dom", url)
    assert dom.returncode == 0, dom.stderr
    text = re.sub(r"<[^>]+>", " ", dom.stdout)
    for name in OFFICERS:
        assert name in text, name
    assert "Thiếu tướng" in text and "công tác" in text
    shot = tmp_path / "report.png"
    result = chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,2000", url)
    assert result.returncode == 0 and shot.exists(), result.stderr
    pixels = png_rows(shot, 900)
    white = np.all(pixels >= 250, axis=2)
    assert 0.01 < 1 - white.mean() < 0.5  # text and charts on a white page: neither blank nor all ink
    bar = np.all(np.abs(pixels.astype(int) - (0x3B, 0x6E, 0xA5)) <= 2, axis=2)  # the bars of the top words
    assert bar.sum() > 5_000


def test_bars_are_proportional_and_labels_escaped():
    out = svg.bars([("a<b", 2), ("c", 1), ("d", -1)], width=300, label_width=100, row=20)
    # plot = 300 − 100 − 70 = 130 px for the largest |value|
    assert re.findall(r'<rect x="100" y="(\d+)" width="([\d.]+)"', out) == [
        ("5", "130.0"),
        ("25", "65.0"),
        ("45", "65.0"),
    ]
    assert "a&lt;b" in out and "a<b" not in out
    assert out.count(svg.PALETTE[1]) == 1  # the negative bar


def test_timeline_places_each_appearance_on_a_shared_time_axis():
    out = svg.timeline(
        [("A", [("2020-01-01", "Đại tá"), ("2022-01-01", "Thiếu tướng")]), ("B", [("2021", "Đại tá")])],
        width=490,
    )
    # the axis runs over whole years, 2020-01-01 to 2023-01-01 (1096 days) on 490 − 190 − 110 = 190 px
    xs = re.findall(r'<circle cx="([\d.]+)" cy="(\d+)"', out)
    assert xs == [
        ("190.0", "18"),
        (f"{190 + 731 / 1096 * 190:.1f}", "18"),
        (f"{190 + 366 / 1096 * 190:.1f}", "44"),
    ]
    assert [t for t in re.findall(r">(\d{4})</text>", out)] == ["2020", "2021", "2022"]
    assert out.count(">Thiếu tướng</text>") == 1 and out.count(">Đại tá</text>") == 2


def test_columns_and_lines_scale_from_zero():
    out = svg.columns([("2020", 4), ("2021", 0), ("2022", 2)], width=320, height=200)
    heights = re.findall(r'<rect [^>]*height="([\d.]+)"', out)
    assert heights == ["156.0", "0.0", "78.0"]  # (200 − 24 − 20) for the largest
    out = svg.lines(["2020", "2021"], [("x", [10, 5])], width=370, height=240)
    assert '<polyline points="50.0,12.0 200.0,112.0"' in out  # 0 at y = 212, 10 (the top) at y = 12


def test_the_report_of_a_text_without_words(tmp_path):
    blank = tmp_path / "blank.txt"
    blank.write_text("\n\n", encoding="utf-8")
    out = tmp_path / "r.html"
    result = invoke("report", blank, "-o", out)
    assert result.exit_code == 0
    assert result.stderr.endswith(" bytes, 1 document)\n")
    html = out.read_text(encoding="utf-8")
    assert "No dated appearance." in html and "No resolution mentioned." not in html  # 'unknown': 0
    assert "<dt>Documents</dt><dd>1</dd>" in html and "<dt>Undated documents</dt><dd>1</dd>" in html
