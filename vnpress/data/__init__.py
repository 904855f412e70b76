"""The rule and word-list files that ship with vnpress, and one way to read them (and users' own)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from vnpress.errors import DataFileError


def data_path(name: str) -> Path:
    """A bundled file: next to this module, as in every installation on disk; through
    importlib.resources (imported only then: it costs ``vnpress`` a tenth of its start-up) where
    the package is not on disk, in a zip file."""
    here = os.path.join(os.path.dirname(__file__), name)
    if os.path.exists(here):
        return Path(here)
    from importlib import resources

    return Path(str(resources.files(__name__) / name))


def _lines(text: str) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if line and not line.startswith("#"):
            yield number, line


@cache
def data_lines(name: str) -> tuple[str, ...]:
    """Non-blank, non-comment lines of a bundled text file."""
    return tuple(line for _, line in _lines(data_path(name).read_text(encoding="utf-8")))


def read_user_text(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DataFileError(path, None, "no such file") from None
    except UnicodeDecodeError as e:
        raise DataFileError(path, None, f"not UTF-8 (byte {e.start})") from None
    except OSError as e:
        raise DataFileError(path, None, e.strerror or str(e)) from None


def user_lines(path: str) -> list[str]:
    """Non-blank, non-comment lines of a user's file (``--stopwords FILE`` …)."""
    return [line for _, line in _lines(read_user_text(path))]


def read_tsv(text: str, source: str, columns: list[str], required: int) -> list[dict[str, str]]:
    """Rows of a TSV data file with a header line naming ``columns`` (extra columns are ignored).

    Lines starting with ``#`` are comments. The first ``required`` columns must be non-empty.
    """
    return [row for _, row in numbered_tsv(text, source, columns, required)]


def numbered_tsv(
    text: str, source: str, columns: list[str], required: int
) -> list[tuple[int, dict[str, str]]]:
    """:func:`read_tsv`'s rows, each with its line number in ``text`` (for error messages)."""
    rows: list[tuple[int, dict[str, str]]] = []
    lines = [
        (n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#")
    ]
    if not lines:
        return rows
    import csv

    header = next(csv.reader([lines[0][1]], delimiter="\t"))
    header = [h.strip() for h in header]
    missing = [c for c in columns[:required] if c not in header]
    if missing:
        raise DataFileError(source, lines[0][0], f"header must name the columns {', '.join(columns)}")
    for n, line in lines[1:]:
        values = next(csv.reader([line], delimiter="\t"))
        row = {h: (values[i].strip() if i < len(values) else "") for i, h in enumerate(header)}
        for c in columns[:required]:
            if not row.get(c):
                raise DataFileError(source, n, f"empty {c!r} column")
        rows.append((n, {c: row.get(c, "") for c in columns}))
    return rows


def bundled_tsv(name: str, columns: list[str], required: int = 1) -> list[dict[str, str]]:
    return read_tsv(data_path(name).read_text(encoding="utf-8"), name, columns, required)


def user_tsv(path: str, columns: list[str], required: int = 1) -> list[dict[str, str]]:
    return read_tsv(read_user_text(path), path, columns, required)
