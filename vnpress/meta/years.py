"""``date_inferred``: the day and month of a lead ("Sáng 13/11, tại Hà Nội, …") completed with a year
the text itself gives, so that a timeline can still place an article whose date is not stated.

The year comes, in this order, from the lead's own date ("Ngày 21/2/2019, …"); from a full date
elsewhere with the same day and month (an anniversary "(3.3.1959 – 3.3.2020)"); from the sentence of
the lead ("Hè năm 2025", "Xuân Bính Ngọ 2026"); from the one year the rest of the text gives with
"năm YYYY" when it gives only one. Birth years, a term's bounds ("nhiệm kỳ 2020-2025"), a history's
start ("từ năm 1959") and future years never count, and when the text gives two candidate years
and neither stands out, there is no inferred date: never a year guessed from nothing.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from functools import cache

from vnpress.meta.dates import find_dates, valid_date
from vnpress.meta.lines import Line
from vnpress.meta.rules import patterns


@cache
def _rules():
    return patterns("meta_dates.txt", key="name")


def lead_day_month(text: str, today: dt.date) -> tuple[int, int, int | None, int, int] | None:
    """``(day, month, year or None, start, end)`` of the event date that opens a lead, if any."""
    for rx in _rules()["event"]:
        m = rx.search(text)
        if m:
            year = int(m["y"]) if m["y"] else None
            return int(m["d"]), int(m["m"]), year, m.start("d"), m.end()
    return None


def _excluded(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for rx in _rules()["notyear"] for m in rx.finditer(text)]


def stated_years(text: str, today: dt.date) -> list[int]:
    """The years ``text`` gives as current ("năm 2023", "Xuân Bính Ngọ 2026", an anniversary's end),
    in order, without birth years, terms, histories' starts and years after ``today``."""
    out: list[tuple[int, int]] = []
    excluded = _excluded(text)
    for rx in _rules()["year"]:
        for m in rx.finditer(text):
            start = m.start("y")
            if any(a <= start < b for a, b in excluded):
                continue
            year = int(m["y"])
            if year <= today.year:
                out.append((start, year))
    return [y for _, y in sorted(set(out))]


def _sentence_of(text: str, start: int, end: int) -> str:
    a = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    b = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    return text[a + 1 : min(b) if b else len(text)]


def infer_date(lines: Sequence[Line], lead_at: int | None, today: dt.date) -> dt.date | None:
    """The inferred date of an article whose lead is ``lines[lead_at]`` (see the module's docstring)."""
    if lead_at is None:
        return None
    lead = " ".join(line.text for line in lines[lead_at : lead_at + 2] if line.kind == "text")
    found = lead_day_month(lead, today)
    if found is None:
        return None
    day, month, year, start, end = found
    if year is not None:
        return valid_date(year, month, day, today)
    whole = "\n".join(line.text for line in lines if line.kind == "text")
    same_day = {d.year for _, _, d in find_dates(whole, today) if (d.day, d.month) == (day, month)}
    if len(same_day) == 1:
        return valid_date(same_day.pop(), month, day, today)
    sentence = set(stated_years(_sentence_of(lead, start, end), today))
    if len(sentence) == 1:
        return valid_date(sentence.pop(), month, day, today)
    counts = Counter(stated_years(whole, today))
    ranked = counts.most_common()
    if len(ranked) == 1 or (len(ranked) > 1 and ranked[0][1] >= 2 * ranked[1][1]):
        return valid_date(ranked[0][0], month, day, today)
    return None
