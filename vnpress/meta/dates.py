"""Publication dates: in the text (date lines, "Ngày đăng: …"), in a file's path, in a sidecar value.

Every date is checked with the calendar ("31/13/2021" and "29/02/2023" are not dates) and must not
lie after ``today`` (a parameter, so that a run can be reproduced). Of several date lines, the one
next to the headline wins over one at the very top of the page (a site clock); dates inside
sentences are events, never the publication date (see :mod:`vnpress.meta.years` for those).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import cache

from vnpress.meta.lines import Line
from vnpress.meta.rules import patterns

EARLIEST = dt.date(1945, 1, 1)


@cache
def _rules():
    return patterns("meta_dates.txt", key="name")


def valid_date(y: int, m: int, d: int, today: dt.date) -> dt.date | None:
    """The date, if the calendar has it and it is neither before 1945 nor after ``today``."""
    try:
        date = dt.date(y, m, d)
    except ValueError:
        return None
    return date if EARLIEST <= date <= today else None


def find_dates(text: str, today: dt.date) -> list[tuple[int, int, dt.date]]:
    """``(start, end, date)`` of every full date in ``text`` (a cleaned line), in order, valid ones only."""
    found: list[tuple[int, int, dt.date]] = []
    taken: list[tuple[int, int]] = []
    for rx in _rules()["date"]:
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            date = valid_date(int(m["y"]), int(m["m"]), int(m["d"]), today)
            if date is None and "sep" in m.groupdict() and m["sep"] == "/" and _month_first(text, m):
                date = valid_date(int(m["y"]), int(m["d"]), int(m["m"]), today)  # "12/29/2023 10:46:35 AM"
            taken.append((m.start(), m.end()))
            if date is not None:
                found.append((m.start(), m.end(), date))
    return sorted(found)


_AM_PM = re.compile(r"^\s*\d{1,2}:\d{2}(?::\d{2})?\s*[AP]M\b")


def _month_first(text: str, m: re.Match) -> bool:
    """A date in the English order, month first, as some sites' engines print it: no valid day-first
    reading, and an AM/PM time right after it ("12/29/2023 10:46:35 AM")."""
    return bool(_AM_PM.match(text[m.end() :]))


def _rest_is_dateline(rest: str) -> bool:
    for rx in _rules()["dateline"]:
        rest = rx.sub(" ", rest)
    return not rest.strip()


def line_date(text: str, today: dt.date) -> dt.date | None:
    """The publication date a line states: the line is a date line (a date, and nothing but a
    weekday, a time, a time zone, a view count or words such as "Cập nhật:"), or a date follows a
    marker such as "Đăng tải ngày" on it."""
    dates = find_dates(text, today)
    if not dates:
        return None
    start, end, date = dates[0]
    rest = text[:start] + " " + text[end:]
    if len(dates) == 1 and _rest_is_dateline(rest):
        return date
    for start, _, date in dates:
        before = text[:start]
        if any(m.end() == len(before) for rx in _rules()["marker"] for m in rx.finditer(before)):
            return date
    return None


# the last word of a headline whose closing date is its own, not a date line glued to it: "… thôi giữ
# chức từ ngày 1/6/2021", "… trước 30/6/2025"
_DATE_IN_HEADLINE = frozenset(
    {"ngày", "từ", "đến", "tới", "trước", "sau", "vào", "hôm", "tháng", "năm", "hạn", "kể", "lúc"}
)


def trailing_date(text: str, today: dt.date) -> tuple[str, dt.date] | None:
    """``(head, date)`` for a line that ends with a date line glued to it ("Headline 22/09/2025
    16:28", as pages that print the date beside the headline are saved), else None; not a date the
    headline's own words lead to ("… từ ngày 1/6/2021")."""
    dates = find_dates(text, today)
    if not dates:
        return None
    start, end, date = dates[-1]
    head = text[:start].rstrip(" ,|-–—")
    tail = text[end:]
    if len(head.split()) < 2 or not _rest_is_dateline(tail):
        return None
    if head == text[:start].rstrip() and head.split()[-1].casefold() in _DATE_IN_HEADLINE:
        return None
    cut = len(head)
    while cut > 0 and _rest_is_dateline(head[cut - 1 :]):  # a time or weekday before the date
        cut -= 1
    return head[:cut].rstrip(" ,|-–—"), date


def publication_date(
    lines: Sequence[Line], today: dt.date, title_at: int | None, body_at: int | None
) -> dt.date | None:
    """The article's date from its date lines: the one nearest the headline (within three lines of
    it; under it rather than above it), else the first one before the body, else the last one after it (by the byline)."""
    candidates = [(i, d) for i, line in enumerate(lines) if (d := line_date(line.text, today)) is not None]
    if title_at is not None and (glued := trailing_date(lines[title_at].text, today)) is not None:
        candidates.append((title_at, glued[1]))
        candidates.sort(key=lambda c: c[0])
    if not candidates:
        return None
    if title_at is not None:
        # nearest first; at the same distance, the line under the headline (a clock is above it)
        near = [(abs(i - title_at), i < title_at, i, d) for i, d in candidates if abs(i - title_at) <= 3]
        if near:
            return min(near)[3]
    before = [d for i, d in candidates if body_at is None or i < body_at]
    if before:
        return before[0]
    return candidates[-1][1]


_PATH_DATE = re.compile(
    r"(?<![0-9])(?P<y>(?:19|20)\d\d)(?P<sep>[/_.-]?)(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?=[/_.-]|$)"
)


def path_date(path: str, today: dt.date) -> dt.date | None:
    """A date written in a file's path: ``2021/07/12/slug.txt``, ``2021-07-12_slug.txt``,
    ``20210712-slug.txt``. The last one in the path counts (the file's, not an archive folder's)."""
    found = None
    for m in _PATH_DATE.finditer(path.replace("\\", "/")):
        if not m["sep"] and (len(m["m"]) != 2 or len(m["d"]) != 2):
            continue
        date = valid_date(int(m["y"]), int(m["m"]), int(m["d"]), today)
        if date is not None:
            found = date
    return found


_ISO = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?\s*")


def parse_date_value(value: str, today: dt.date | None = None) -> dt.date | None:
    """A date given as a value (a sidecar's field): ISO ``2021-07-12`` (a time after it is ignored)
    or any date the text patterns know ("12/07/2021"). Calendar-checked; not checked against today
    unless ``today`` is given."""
    limit = today or dt.date.max
    m = _ISO.fullmatch(value)
    if m:
        return valid_date(int(m[1]), int(m[2]), int(m[3]), limit)
    dates = find_dates(" ".join(value.split()), limit)
    return dates[0][2] if len(dates) == 1 else None
