"""Terminal charts (``--chart``): bars of a value per row, sparklines of a series per word.

Drawn with rich, below the table, only where the table itself is drawn (the ``table`` format: a
terminal, or ``--format table``); a machine format never carries one. The bars are scaled to the
largest absolute value shown; a negative value (a keyword rarer in the target) is drawn in red.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO

SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float]) -> str:
    """One block character per value, ``▁`` for the smallest (or 0) and ``█`` for the largest."""
    top = max(values, default=0)
    if top <= 0:
        return SPARKS[0] * len(values)
    return "".join(SPARKS[min(len(SPARKS) - 1, int(v / top * (len(SPARKS) - 1) + 0.5))] for v in values)


def _console(out: IO[str], color: bool, width: int | None):
    from rich.console import Console

    return Console(
        file=out,
        width=width,
        no_color=not color,
        color_system="auto" if color else None,
        highlight=False,
        emoji=False,
        markup=False,
        force_terminal=color or None,
    )


def draw_bars(
    out: IO[str],
    items: Sequence[tuple[str, float]],
    *,
    title: str,
    color: bool = False,
    width: int | None = None,
    bar_width: int = 40,
) -> None:
    """One bar per ``(label, value)``, in the order given."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    top = max((abs(v) for _, v in items), default=0) or 1
    table = Table(title=title, box=box.SIMPLE, show_header=False, pad_edge=False)
    table.add_column("label", overflow="fold")
    table.add_column("bar", no_wrap=True)
    table.add_column("value", justify="right")
    for label, value in items:
        cells = round(abs(value) / top * bar_width * 8)
        bar = "█" * (cells // 8) + (" ▏▎▍▌▋▊▉"[cells % 8] if cells % 8 else "")
        style = ("red" if value < 0 else "cyan") if color else ""
        table.add_row(Text(label), Text(bar or "▏", style=style), Text(f"{value:g}"))
    _console(out, color, width).print(table)


def draw_sparklines(
    out: IO[str],
    series: Sequence[tuple[str, Sequence[float]]],
    periods: Sequence[str],
    *,
    title: str,
    color: bool = False,
    width: int | None = None,
) -> None:
    """One sparkline per ``(label, values)``, the values in the order of ``periods``."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, caption=" ".join(periods), box=box.SIMPLE, show_header=False, pad_edge=False)
    table.add_column("label", overflow="fold")
    table.add_column("line", no_wrap=True)
    table.add_column("max", justify="right")
    for label, values in series:
        style = "cyan" if color else ""
        table.add_row(
            Text(label), Text(sparkline(values), style=style), Text(f"max {max(values, default=0):g}")
        )
    _console(out, color, width).print(table)
