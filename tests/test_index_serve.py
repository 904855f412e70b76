"""vnpress serve, for real: Datasette on a free port of 127.0.0.1 serving the index of seeds/, its
pages and JSON fetched, and the officers page rendered by headless Chromium."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from helpers import ROOT, SAFETY_NET, SEEDS, VNPRESS, invoke
from index_helpers import build

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SEEDS_OFFICERS = ("Chu Văn Đoàn", "Lương Cường", "Lê Tuấn Hiền", "Nguyễn Mạnh Hùng", "Trần Hoài Trung")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("serve")
    db = root / "press.db"
    env = {**os.environ, "VNPRESS_CACHE_DIR": str(root / "cache")}
    build(SEEDS, db=db)
    port = _free_port()
    proc = subprocess.Popen(
        [*VNPRESS, "serve", str(db), "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SAFETY_NET
        while True:  # poll until it answers
            assert proc.poll() is None, proc.stdout.read().decode()
            try:
                if _get(base + "/-/versions.json")[0] == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "Datasette never answered"
            time.sleep(0.05)  # poll interval of the wait for the server, not a wait for time to pass
        yield base, db, root
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        proc.stdout.close()


def test_the_metadata_file_is_written_next_to_the_index(server):
    _, db, _ = server
    meta = json.loads(db.with_name("press.db.metadata.json").read_text(encoding="utf-8"))
    tables = meta["databases"]["press"]["tables"]
    assert tables["mentions"]["facets"] == ["type", "rank", "kind", "year"]
    assert tables["documents"]["label_column"] == "title"
    assert set(meta["databases"]["press"]["queries"]) == {
        "officer_timeline",
        "who_held_a_post",
        "resolutions_by_year",
        "search",
        "search_folded",
    }


def test_pages_and_json(server):
    base, _, _ = server
    status, rows = _get(base + "/press/people.json?_shape=array&_sort=name")
    assert status == 200
    names = [r["name"] for r in json.loads(rows)]
    assert set(SEEDS_OFFICERS) <= set(names)
    status, html = _get(base + "/press/mentions")
    assert status == 200
    assert "One row per entity mention (vnpress entities --mentions)." in html  # the description
    for facet in ("type", "rank", "kind", "year"):  # the facets of the metadata
        assert f'data-column="{facet}"' in html, facet
    status, timeline = _get(
        base + "/press/officer_timeline.json?_shape=array&name=" + urllib.parse.quote("Chu Văn Đoàn")
    )
    assert status == 200
    assert [(r["date"], r["rank"], r["person"]) for r in json.loads(timeline)] == [
        ("2020-11-14", "Thiếu tướng", "chu-van-doan")
    ]
    status, held = _get(
        base + "/press/who_held_a_post.json?_shape=array&post=" + urllib.parse.quote("Chính ủy Quân khu 7")
    )
    assert status == 200
    assert [(r["name"], r["first_seen"]) for r in json.loads(held)] == [("Trần Hoài Trung", "2022-10-06")]
    status, found = _get(base + "/press/search.json?_shape=array&q=" + urllib.parse.quote('"Chính uỷ"'))
    assert status == 200 and found != "[]"
    expected = invoke("search", '"Chính uỷ"', "--db", server[1], "--format", "json", "--limit", "0").stdout
    assert [r["path"] for r in json.loads(found)] == [r["file"] for r in json.loads(expected)]
    status, cited = _get(base + "/press/documents_cited.json?_shape=array")
    assert status == 200 and any(
        r["title"] == "Luật Sĩ quan Quân đội nhân dân Việt Nam" for r in json.loads(cited)
    )
    status, page = _get(base + "/press/mentions?type=unit&_size=5")
    assert status == 200 and "units" in page  # unit_id is a link to the units table, labelled by name


@pytest.mark.skipif(
    not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed (.ci/run installs it)"
)
def test_the_officers_page_in_headless_chromium(server):
    base, _, root = server
    url = base + "/press/people?_sort=name"
    common = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={root / 'chromium'}"]
    dom = subprocess.run([*common, "--dump-dom", url], capture_output=True, timeout=SAFETY_NET)
    assert dom.returncode == 0, dom.stderr
    text = dom.stdout.decode("utf-8")
    for name in SEEDS_OFFICERS:
        assert name in text
    assert "The who&#39;s-who (vnpress officers)" in text or "The who's-who (vnpress officers)" in text
    shot = root / "officers.png"
    taken = subprocess.run(
        [*common, f"--screenshot={shot}", "--window-size=1280,900", url],
        capture_output=True,
        timeout=SAFETY_NET,
    )
    assert taken.returncode == 0, taken.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


def test_serve_needs_an_index(tmp_path):
    result = invoke("serve", tmp_path / "none.db")
    assert (result.exit_code, result.stderr) == (1, f"vnpress: error: {tmp_path / 'none.db'}: no such file\n")
