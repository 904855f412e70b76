"""``--meta FILE``: what a crawler knows about each file (CSV with a header, or JSON Lines), which wins
over what is found in the text.

Each record names its file (``file``, ``path`` or ``filename``) and any of the fields of the meta
table (``date`` may also be called ``published``, ``pubdate`` or ``publish_date``; ``authors``
``author``); other keys are ignored. A list field is a JSON array, or names separated by ``;`` or
``,``. A record is matched to a document by its path as given, then by its normalised absolute path,
then by its file name alone when only one record has that name.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable
from typing import Any

from vnpress.data import read_user_text
from vnpress.errors import DataFileError
from vnpress.meta.model import FIELDS

FILE_KEYS = ("file", "path", "filename")
ALIASES = {
    "published": "date",
    "pubdate": "date",
    "publish_date": "date",
    "date_published": "date",
    "author": "authors",
}
LISTS = {"authors", "photo_credits"}


def _records(path: str) -> Iterable[tuple[int, dict[str, Any]]]:
    text = read_user_text(path)
    stripped = text.lstrip()
    if stripped.startswith("{"):
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                raise DataFileError(path, number, f"not a JSON object: {e.msg}") from None
            if not isinstance(record, dict):
                raise DataFileError(path, number, "not a JSON object")
            yield number, record
        return
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or not any(k.strip().lower() in FILE_KEYS for k in reader.fieldnames):
        raise DataFileError(path, 1, "the header must name a file column (file, path or filename)")
    for record in reader:
        yield reader.line_num, {(k or "").strip(): v for k, v in record.items()}


def _value(key: str, value: Any) -> Any:
    if value is None or value == "" or value == []:
        return None
    if key in LISTS:
        if isinstance(value, list):
            return [str(v).strip() for v in value if str(v).strip()]
        return [p.strip() for p in str(value).replace(";", ",").split(",") if p.strip()]
    return str(value).strip() or None


class Sidecar:
    """The records of a sidecar file, by path."""

    def __init__(self, path: str):
        self.path = path
        self.by_path: dict[str, dict[str, Any]] = {}
        self.by_name: dict[str, list[dict[str, Any]]] = {}
        base = os.path.dirname(os.path.abspath(path))
        for number, record in _records(path):
            fields: dict[str, Any] = {"_line": number}
            name = None
            for key, value in record.items():
                k = ALIASES.get(key.strip().lower(), key.strip().lower())
                if k in FILE_KEYS:
                    name = str(value or "").strip() or name
                elif k in FIELDS and (v := _value(k, value)) is not None:
                    fields[k] = v
            if not name:
                raise DataFileError(path, number, "no file name (file, path or filename)")
            self.by_path[name] = fields
            self.by_path.setdefault(os.path.normpath(os.path.join(base, name)), fields)
            self.by_path.setdefault(os.path.normpath(os.path.abspath(name)), fields)
            self.by_name.setdefault(os.path.basename(name), []).append(fields)

    def lookup(self, document_path: str) -> dict[str, Any] | None:
        """The record for a document, or None."""
        for key in (document_path, os.path.normpath(os.path.abspath(document_path))):
            if key in self.by_path:
                return self.by_path[key]
        same_name = self.by_name.get(os.path.basename(document_path), [])
        return same_name[0] if len(same_name) == 1 else None
