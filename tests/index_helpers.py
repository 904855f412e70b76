"""What the index tests share: synthetic articles of our own, building an index in-process, and a
dump of an index's content that ignores row ids and times (so a rebuilt index compares equal)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from helpers import invoke

# Our own synthetic articles (no third-party text), with officers, units, documents and abbreviations.
ARTICLES = {
    "a.txt": (
        "Quân khu 7 tổng kết công tác huấn luyện năm 2021\n"
        "Thứ Hai, 13/12/2021\n"
        "QĐND - Ngày 12-12, Bộ Tư lệnh Quân khu 7 tổ chức hội nghị tổng kết. Thiếu tướng Nguyễn Văn Nam, "
        "Chính ủy Quân khu 7, chủ trì hội nghị.\n"
        "Hội nghị quán triệt Nghị quyết số 05-NQ/TW của Bộ Chính trị về công tác huấn luyện của lực lượng "
        "vũ trang (LLVT). Đại tá Trần Văn Bình, Phó Tư lệnh Quân khu 7, báo cáo kết quả.\n"
    ),
    "b.txt": (
        "Sư đoàn 5 hoàn thành nhiệm vụ diễn tập\n"
        "Thứ Sáu, 04/03/2022\n"
        "Sáng 3-3, Sư đoàn 5 (Quân khu 7) tổ chức diễn tập. Đại tá Lê Văn Cường, Sư đoàn trưởng, "
        "phát biểu. Thượng tướng Phạm Văn Dũng, Ủy viên Trung ương Đảng, dự và chỉ đạo.\n"
        "Cán bộ, chiến sĩ LLVT thực hiện Chỉ thị số 12/CT-BQP của Bộ Quốc phòng.\n"
    ),
    "c.txt": (
        "Đảng ủy Quân sự tỉnh lãnh đạo nhiệm vụ quốc phòng\n"
        "Thứ Ba, 10/05/2023\n"
        "Đảng uỷ Quân sự tỉnh họp phiên thường kỳ. Đại tá Hoàng Văn Em, Chỉ huy trưởng Bộ Chỉ huy Quân sự "
        "tỉnh, thông qua nghị quyết. Tương lai của nhiệm vụ đòi hỏi tinh thần trách nhiệm cao.\n"
    ),
}


def write_corpus(directory: Path, articles: dict[str, str] = ARTICLES) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (directory / name).write_text(text, encoding="utf-8")
    return directory


def build(*paths: object, db: Path, extra: tuple[str, ...] = ()) -> str:
    """``vnpress index PATHS --db DB`` in-process, in TSV; its summary row, asserted to succeed."""
    result = invoke("index", *paths, "--db", db, "--format", "tsv", "--no-header", *extra)
    assert result.exit_code == 0, result.output
    return result.stdout


CONTENT_QUERIES = {
    "documents": "SELECT path, key, sort_key, sha256, chars, words, pieces, title, date, date_inferred, "
    "date_source, authors, source, place, photo_credits, document_date, year, body, vnpress, code "
    "FROM documents ORDER BY key",
    "texts": 'SELECT d.key, t.part, t."offset", t.chars, t.segkey, t.segmenter, t.spans FROM texts t '
    "JOIN documents d ON d.id = t.document_id ORDER BY d.key, t.part",
    "mentions": 'SELECT d.key, m.type, m.start, m."end", m.text, m.canonical, m.name, m.rank, m.positions, '
    "m.service, m.resolved_from, m.kind, m.number, m.term, m.issuer, m.date, m.document_date, m.year, "
    "u.name, c.title FROM mentions m JOIN documents d ON d.id = m.document_id "
    "LEFT JOIN units u ON u.id = m.unit_id LEFT JOIN documents_cited c ON c.id = m.cited_id "
    'ORDER BY d.key, m.start, m."end", m.type',
    "units": "SELECT name, mentions, documents FROM units ORDER BY name",
    "documents_cited": "SELECT title, kind, number, term, issuer, date, year, mentions, documents "
    "FROM documents_cited ORDER BY title",
    "abbreviations": "SELECT d.key, a.abbreviation, a.expansion, a.source, a.count, a.context FROM abbreviations a "
    "JOIN documents d ON d.id = a.document_id ORDER BY d.key, a.abbreviation, a.expansion",
    "words": "SELECT d.key, w.word, w.count FROM words w JOIN documents d ON d.id = w.document_id "
    "ORDER BY d.key, w.word",
    "officers_by_year": "SELECT * FROM officers_by_year ORDER BY 1, 2, 3",
    "post_holders": "SELECT * FROM post_holders ORDER BY 1, 2, 3",
    "search": "SELECT d.key, bm25(documents_fts) FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
    "WHERE documents_fts MATCH 'quân OR đảng OR tướng' ORDER BY d.key",
    "search_fold": "SELECT d.key FROM documents_fold JOIN documents d ON d.id = documents_fold.rowid "
    "WHERE documents_fold MATCH 'quan OR dang OR tuong' ORDER BY d.key",
}


def content(db: Path) -> dict[str, list[tuple]]:
    """Everything an index holds, without ids and times."""
    conn = sqlite3.connect(db)
    try:
        return {name: conn.execute(sql).fetchall() for name, sql in CONTENT_QUERIES.items()}
    finally:
        conn.close()
