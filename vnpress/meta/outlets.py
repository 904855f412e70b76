"""The outlet an article names for itself: "(Thanhuytphcm.vn) -", "TTXVN -", "QK3 online -", "(ABO)",
"PV (theo mod.gov.vn)", "Nguồn QĐND: https://…". ``None`` when the text names none.

The lead's opening wins (the outlet that wrote it), then the byline's "(theo …)", then a "Nguồn …" or
"Theo …" line at the end (where an aggregator says whose text it copied). The patterns are in
``data/meta_outlets.txt``; they are case-sensitive, since an outlet's initials are capitals.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from vnpress.meta.lines import Line
from vnpress.meta.rules import patterns

LEAD_LINES = 6
TAIL_LINES = 4


@cache
def _rules():
    return patterns("meta_outlets.txt", flags=0)


def lead_outlet(text: str) -> str | None:
    """The outlet a lead paragraph opens with, or None."""
    for rx in _rules().get("lead", ()):
        m = rx.search(text)
        if m:
            return m["source"].strip()
    return None


def tail_outlet(text: str) -> str | None:
    """The outlet a closing "Nguồn …"/"Theo …" line names, or None."""
    for rx in _rules().get("tail", ()):
        m = rx.search(text)
        if m:
            return m["source"].strip()
    return None


def find_source(lines: Sequence[Line], start: int, byline_source: str | None) -> str | None:
    """The article's outlet: a lead opening among the first lines from ``start``, the byline's
    source, or a closing attribution line."""
    text_lines = [line for line in lines[start:] if line.kind == "text"]
    for line in text_lines[:LEAD_LINES]:
        found = lead_outlet(line.text)
        if found:
            return found
    if byline_source:
        return byline_source.strip()
    for line in reversed(text_lines[-TAIL_LINES:]):
        found = tail_outlet(line.text)
        if found:
            return found
    return None
