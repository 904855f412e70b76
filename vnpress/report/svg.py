"""Hand-made inline SVG charts for the HTML report: horizontal bars, columns, lines over periods, and
timelines of ranks. Each function returns one ``<svg>`` element as text; every number drawn is the
number given (bars are proportional to the largest value, scales start at zero), every label is
escaped, and nothing is fetched: no fonts, no scripts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape

PALETTE = ("#3b6ea5", "#d1603d", "#3f9b5a", "#8e5ea2", "#c9a227", "#2a9d9f", "#b5485d", "#6b7a8f")
_FONT = 'font-family="system-ui, sans-serif" font-size="12"'


def _num(value: float) -> str:
    return f"{value:g}"


def bars(
    items: Sequence[tuple[str, float]], *, width: int = 640, label_width: int = 200, row: int = 20
) -> str:
    """One horizontal bar per ``(label, value)``, longest for the largest |value|; negatives in red."""
    top = max((abs(v) for _, v in items), default=0) or 1
    plot = width - label_width - 70
    height = row * len(items) + 4
    out = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" {_FONT}>'
    ]
    for i, (label, value) in enumerate(items):
        y = i * row + 2
        w = abs(value) / top * plot
        colour = PALETTE[1] if value < 0 else PALETTE[0]
        out.append(
            f'<text x="{label_width - 6}" y="{y + row * 0.7:.1f}" text-anchor="end">{escape(label)}</text>'
            f'<rect x="{label_width}" y="{y + 3}" width="{w:.1f}" height="{row - 6}" fill="{colour}">'
            f"<title>{escape(label)}: {_num(value)}</title></rect>"
            f'<text x="{label_width + w + 4:.1f}" y="{y + row * 0.7:.1f}">{_num(value)}</text>'
        )
    out.append("</svg>")
    return "".join(out)


def columns(items: Sequence[tuple[str, float]], *, width: int = 640, height: int = 200) -> str:
    """One vertical bar per ``(label, value)`` (periods, in order), with the value above it."""
    top = max((v for _, v in items), default=0) or 1
    n = max(len(items), 1)
    slot = (width - 20) / n
    base = height - 24
    out = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" {_FONT}>'
    ]
    out.append(f'<line x1="10" y1="{base}" x2="{width - 10}" y2="{base}" stroke="#888"/>')
    for i, (label, value) in enumerate(items):
        h = value / top * (base - 20)
        x = 10 + i * slot
        out.append(
            f'<rect x="{x + slot * 0.15:.1f}" y="{base - h:.1f}" width="{slot * 0.7:.1f}" height="{h:.1f}" '
            f'fill="{PALETTE[0]}"><title>{escape(label)}: {_num(value)}</title></rect>'
            f'<text x="{x + slot / 2:.1f}" y="{base - h - 4:.1f}" text-anchor="middle">{_num(value)}</text>'
            f'<text x="{x + slot / 2:.1f}" y="{height - 8}" text-anchor="middle">{escape(label)}</text>'
        )
    out.append("</svg>")
    return "".join(out)


def lines(
    periods: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    *,
    width: int = 640,
    height: int = 240,
) -> str:
    """One line per ``(label, values)`` over ``periods`` (values in their order), a legend on the right."""
    top = max((v for _, values in series for v in values), default=0) or 1
    legend = 170
    left, right, top_pad, base = 50, width - legend, 12, height - 28
    n = len(periods)

    def x(i: int) -> float:
        return left + (i * (right - left) / (n - 1) if n > 1 else (right - left) / 2)

    def y(v: float) -> float:
        return base - v / top * (base - top_pad)

    out = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" {_FONT}>'
    ]
    out.append(f'<line x1="{left}" y1="{base}" x2="{right}" y2="{base}" stroke="#888"/>')
    out.append(f'<line x1="{left}" y1="{top_pad}" x2="{left}" y2="{base}" stroke="#888"/>')
    out.append(f'<text x="{left - 4}" y="{top_pad + 4}" text-anchor="end">{_num(round(top, 2))}</text>')
    out.append(f'<text x="{left - 4}" y="{base}" text-anchor="end">0</text>')
    for i, period in enumerate(periods):
        out.append(f'<text x="{x(i):.1f}" y="{height - 10}" text-anchor="middle">{escape(period)}</text>')
    for k, (label, values) in enumerate(series):
        colour = PALETTE[k % len(PALETTE)]
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(values))
        out.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for i, v in enumerate(values):
            out.append(
                f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="3" fill="{colour}">'
                f"<title>{escape(label)}, {escape(periods[i])}: {_num(v)}</title></circle>"
            )
        out.append(
            f'<rect x="{right + 16}" y="{top_pad + k * 18}" width="12" height="12" fill="{colour}"/>'
            f'<text x="{right + 32}" y="{top_pad + k * 18 + 10}">{escape(label)}</text>'
        )
    out.append("</svg>")
    return "".join(out)


def as_date(value: str) -> dt.date:
    """An ISO date, or a year or month of one (its first day)."""
    parts = [int(p) for p in value.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return dt.date(*parts[:3])


def timeline(
    people: Sequence[tuple[str, Sequence[tuple[str, str]]]], *, width: int = 760, row: int = 26
) -> str:
    """One row per ``(name, [(date, rank), …])``: a dot per dated appearance on a shared time axis,
    coloured by rank and joined by a line; the rank is written at the first dot of each rank."""
    dates = [as_date(d) for _, seen in people for d, _ in seen]
    if not dates:
        return ""
    first, last = dt.date(min(dates).year, 1, 1), dt.date(max(dates).year + 1, 1, 1)  # whole years
    span = (last - first).days
    label_width, right_pad = 190, 110  # room for a rank written at the last dot
    plot = width - label_width - right_pad
    ranks: list[str] = []
    for _, seen in people:
        for _, rank in seen:
            if rank not in ranks:
                ranks.append(rank)
    colour = {rank: PALETTE[i % len(PALETTE)] for i, rank in enumerate(ranks)}
    height = row * len(people) + 40

    def x(d: dt.date) -> float:
        return label_width + (d - first).days / span * plot

    out = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" {_FONT}>'
    ]
    axis = height - 28
    out.append(f'<line x1="{label_width}" y1="{axis}" x2="{label_width + plot}" y2="{axis}" stroke="#888"/>')
    for year in range(first.year, last.year + 1):
        tick = x(dt.date(year, 1, 1))
        out.append(f'<line x1="{tick:.1f}" y1="{axis}" x2="{tick:.1f}" y2="6" stroke="#ddd"/>')
        if year < last.year:
            middle = x(dt.date(year, 7, 1))
            out.append(f'<text x="{middle:.1f}" y="{axis + 16}" text-anchor="middle">{year}</text>')
    for i, (name, seen) in enumerate(people):
        y = i * row + 18
        out.append(f'<text x="{label_width - 6}" y="{y + 4}" text-anchor="end">{escape(name)}</text>')
        xs = [x(as_date(d)) for d, _ in seen]
        if len(xs) > 1:
            out.append(f'<line x1="{min(xs):.1f}" y1="{y}" x2="{max(xs):.1f}" y2="{y}" stroke="#999"/>')
        shown = None
        for (d, rank), cx in zip(seen, xs, strict=True):
            out.append(
                f'<circle cx="{cx:.1f}" cy="{y}" r="5" fill="{colour[rank]}">'
                f"<title>{escape(name)}: {escape(rank)}, {escape(d)}</title></circle>"
            )
            if rank != shown:
                out.append(f'<text x="{cx + 8:.1f}" y="{y - 6}" font-size="10">{escape(rank)}</text>')
                shown = rank
    out.append("</svg>")
    return "".join(out)
