"""The output contract's vocabulary: a column spec (name, type, description) and a table spec (its columns
in order, the key of a row), the JSON Schema derived from a table spec, and what a date is.

The specs of the tables vnpress prints are in :mod:`vnpress.io.tables`; the renderer
(:mod:`vnpress.io.render`) writes each column by its type, so that column order, header and the
written form of every value in every format come from the spec alone.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

# string, integer, number (a float), boolean, date (ISO 8601: 2022-01-17, 2022-01 or 2022), list
TYPES = ("string", "integer", "number", "boolean", "date", "list")
SCALARS = ("string", "integer", "number", "boolean", "date")
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
_DATE_RX = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


class Column(NamedTuple):
    """One column: its name (the header), type and meaning. ``nullable``: the value may be null (it does
    not apply to the row, or is not known). ``items``: the type of a list's items. ``align``: "right" to
    right-align a text column in the table format (numbers always are)."""

    name: str
    type: str
    description: str
    nullable: bool = False
    items: str | None = None
    align: str | None = None

    @property
    def right_aligned(self) -> bool:
        return self.align == "right" or (self.align is None and self.type in ("integer", "number"))


class TableSpec(NamedTuple):
    """One table a command prints. ``name`` is what ``vnpress schema NAME`` takes; ``command`` is the
    command line that prints it; ``key`` the columns that together identify a row."""

    name: str
    command: str
    description: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    title: str | None = None  # shown above the table format

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)


def check_spec(spec: TableSpec) -> None:
    """A spec must be well formed: known types, list items given for lists only, unique names, a key
    made of its columns. Raises ValueError (a programming error, caught by the test suite)."""
    names = spec.names
    if len(set(names)) != len(names):
        raise ValueError(f"{spec.name}: a column name appears twice")
    for c in spec.columns:
        if c.type not in TYPES:
            raise ValueError(f"{spec.name}.{c.name}: unknown type {c.type!r}")
        if (c.type == "list") != (c.items is not None) or (c.items is not None and c.items not in SCALARS):
            raise ValueError(
                f"{spec.name}.{c.name}: a list needs a scalar item type, and only a list has one"
            )
        if c.align not in (None, "left", "right"):
            raise ValueError(f"{spec.name}.{c.name}: align is left or right")
        if not c.description:
            raise ValueError(f"{spec.name}.{c.name}: no description")
    if not set(spec.key) <= set(names):
        raise ValueError(f"{spec.name}: the key names a column the table does not have")


def _scalar_schema(type_: str) -> dict[str, Any]:
    if type_ == "date":
        return {"type": "string", "pattern": DATE_PATTERN}
    return {"type": type_}


def column_schema(column: Column) -> dict[str, Any]:
    """The JSON Schema of one column's values."""
    if column.type == "list":
        schema: dict[str, Any] = {"type": "array", "items": _scalar_schema(column.items or "string")}
    else:
        schema = _scalar_schema(column.type)
    if column.nullable:
        schema["type"] = [schema["type"], "null"]
    return {**schema, "description": column.description}


def json_schema(spec: TableSpec) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one row of ``spec``'s table, as JSON and JSONL write it:
    every column present, in order, and nothing else. ``x-primary-key`` names the row's key."""
    schema: dict[str, Any] = {
        "$schema": JSON_SCHEMA_DIALECT,
        "title": spec.name,
        "description": f"{spec.description} Printed by: vnpress {spec.command}",
        "type": "object",
        "properties": {c.name: column_schema(c) for c in spec.columns},
        "required": list(spec.names),
        "additionalProperties": False,
    }
    if spec.key:
        schema["x-primary-key"] = list(spec.key)
    return schema


def iso_date(year: int | str, month: int | str | None = None, day: int | str | None = None) -> str | None:
    """``2022-01-17``, ``2022-01`` or ``2022``, as much as is known; None if it is no date of the calendar
    ("31 tháng 13 năm 2021", "30-2-2022"). A day needs a month."""
    import datetime  # here, not at the top: ``vnpress --help`` reads this module

    try:
        y = int(year)
        m = int(month) if month is not None else None
        d = int(day) if day is not None else None
        if d is not None and m is None:
            return None
        datetime.date(y, m or 1, d or 1)
    except (TypeError, ValueError):
        return None
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def is_iso_date(value: str) -> bool:
    """Whether ``value`` is an ISO 8601 date of the calendar, whole or to the month or year."""
    m = _DATE_RX.fullmatch(value)
    return bool(m) and iso_date(*m.groups()) == value
