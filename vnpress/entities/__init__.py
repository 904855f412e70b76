"""``vnpress entities``: officers with rank and posts, ranks, units and resolutions, as a table.

The domain extractor is rules over words (no tagger): see :mod:`.extract`. Aggregation:

- one row per entity over the corpus (default), or per document (``by_file``);
- officers are aggregated by canonical name *and* rank: the same name at two ranks is two rows (a
  promotion, or two people), and one name at one rank across articles is one person whose posts
  are the union of the posts stated in each article;
- other types by canonical form.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import Any

from vnpress.entities.gazetteer import Gazetteer, load_gazetteer
from vnpress.entities.model import ENTITY_TYPES, NER_TYPES, Mention
from vnpress.errors import UsageError, VnpressError
from vnpress.io.corpus import Document, by_document
from vnpress.io.render import Table
from vnpress.io.tables import ENTITIES, ENTITIES_BY_FILE, ENTITY_MENTIONS
from vnpress.pipeline.cache.keys import UserFiles
from vnpress.pipeline.parallel import fold_documents, map_documents
from vnpress.text.collation import collation_key

__all__ = ["Mention", "entity_table", "extract_entities", "parse_types"]

TYPE_ORDER = ("officer", "rank", "unit", "resolution", *NER_TYPES)


def _gazetteer(gazetteer: Any) -> Gazetteer:
    if gazetteer is None:
        return load_gazetteer(())
    if isinstance(gazetteer, Gazetteer):
        return gazetteer
    if isinstance(gazetteer, str):
        return load_gazetteer((gazetteer,))
    return load_gazetteer(tuple(gazetteer))


def extract_entities(text: str, gazetteer: Any = None) -> list[Mention]:
    """Domain mentions in ``text`` (ranks, officers, units, resolutions), offsets into ``text``.

    ``gazetteer``: None for the bundled rules, a path or paths of extra rule files, or a
    :class:`~vnpress.entities.gazetteer.Gazetteer`.
    """
    from vnpress.entities.extract import extract_document

    return extract_document(text, _gazetteer(gazetteer))


def parse_types(types: str | Sequence[str] | None, *, ner: bool) -> set[str] | None:
    """The ``--type`` filter, checked: None means all types."""
    if not types:
        return None
    names = types.split(",") if isinstance(types, str) else list(types)
    wanted = {t.strip().lower() for t in names if t.strip()}
    valid = set(ENTITY_TYPES) | (set(NER_TYPES) if ner else set())
    unknown = sorted(wanted - valid)
    if unknown:
        needs_ner = [t for t in unknown if t in NER_TYPES]
        if needs_ner and len(needs_ner) == len(unknown):
            raise UsageError(f"--type {', '.join(needs_ner)} needs --ner")
        listed = ", ".join(ENTITY_TYPES) + "; with --ner also " + ", ".join(NER_TYPES)
        raise UsageError(f"unknown entity type {', '.join(unknown)} (valid: {listed})")
    return wanted or None


def _document_mentions(doc: Document, *, user_files: tuple[str, ...], ner: bool) -> list[Mention]:
    """Module-level, so that a process pool can run it; results are plain dataclasses."""
    from vnpress.entities.extract import extract_document

    mentions = extract_document(doc.text, load_gazetteer(user_files))
    if ner:
        try:
            from vnpress.entities.ner import find_ner
        except ImportError as e:  # pragma: no cover - the module ships with vnpress
            raise VnpressError(f"--ner is not available: {e}") from None
        mentions = mentions + list(find_ner(doc.text, mentions))
        mentions.sort(
            key=lambda m: (m.start, TYPE_ORDER.index(m.type) if m.type in TYPE_ORDER else 99, -m.end)
        )
    return mentions


def _positions_union(target: list[str], more: Iterable[str]) -> None:
    for p in more:
        if p not in target:
            target.append(p)


def _aggregate(mentions: Iterable[tuple[int, Mention]]) -> list[dict[str, Any]]:
    """Rows for one group of documents' mentions: ``(doc_index, Mention)`` pairs."""
    return _finish(_accumulate(mentions))


EntityTotals = dict[tuple, dict[str, Any]]


def entity_totals(
    results: Iterable[tuple[Document, list[Mention]]], *, wanted: frozenset[str] | None
) -> EntityTotals:
    """The corpus rows of some documents' mentions, not yet sorted, in the order first seen, with
    ``documents`` a count (the pieces of a long file count once)."""
    pairs = (
        (index, m)
        for index, group in enumerate(by_document(results))
        for _, found in group
        for m in found
        if wanted is None or m.type in wanted
    )
    return _accumulate(pairs)


def add_entity_totals(a: EntityTotals, b: EntityTotals) -> EntityTotals:
    """The totals of two consecutive runs of whole files (on a cluster: the tree reduction's step):
    counts and documents added, posts in the order first seen."""
    out = {
        key: {**row, "positions": list(row["positions"]) if row["positions"] is not None else None}
        for key, row in a.items()
    }
    for key, row in b.items():
        mine = out.get(key)
        if mine is None:
            out[key] = {**row, "positions": list(row["positions"]) if row["positions"] is not None else None}
            continue
        mine["count"] += row["count"]
        mine["documents"] += row["documents"]
        if mine["positions"] is not None:
            _positions_union(mine["positions"], row["positions"] or ())
    return out


def _accumulate(mentions: Iterable[tuple[int, Mention]]) -> EntityTotals:
    rows: dict[tuple, dict[str, Any]] = {}
    for doc_index, m in mentions:
        if m.type == "officer":
            key = ("officer", m.canonical, m.fields.get("rank"))
        else:
            key = (m.type, m.canonical, None)
        row = rows.get(key)
        if row is None:
            row = rows[key] = {
                "type": m.type,
                "canonical": m.canonical,
                "count": 0,
                "documents": set(),
                "rank": m.fields.get("rank") if m.type == "officer" else None,
                "positions": [] if m.type == "officer" else None,
            }
        row["count"] += 1
        row["documents"].add(doc_index)
        if m.type == "officer":
            _positions_union(row["positions"], m.fields.get("positions") or ())
    for row in rows.values():
        row["documents"] = len(row["documents"])
    return rows


def _finish(rows: EntityTotals) -> list[dict[str, Any]]:
    """The rows, sorted (a stable sort: rows that tie stay in the order first seen)."""
    return sorted(rows.values(), key=_row_order)


def _row_order(row: dict[str, Any]) -> tuple:
    t = row["type"]
    return (
        TYPE_ORDER.index(t) if t in TYPE_ORDER else len(TYPE_ORDER),
        t,
        -row["count"],
        collation_key(row["canonical"]),
        collation_key(row["rank"] or ""),
    )


def document_date(doc: Document) -> str | None:
    """The ``document_date`` of --mentions and --by-file rows: the stated date (text, path), else the
    one ``vnpress meta`` infers from the lead (see :mod:`vnpress.meta`). Not ``date``: a resolution's
    own date is already called that."""
    from vnpress.meta import extract_meta

    return extract_meta(doc.text, doc.path).best_date


def entity_table(
    docs: Iterable[Document],
    *,
    mentions: bool = False,
    types: str | Sequence[str] | None = None,
    by_file: bool = False,
    gazetteers: Sequence[str] = (),
    ner: bool = False,
    jobs: int | None = 1,
    use_cache: bool = True,
) -> Table:
    """The ``entities`` command's table: mentions, or entities aggregated over the corpus or per file."""
    wanted = parse_types(types, ner=ner)
    user_files = UserFiles(gazetteers or ())
    from vnpress.entities.extract import document_rules_for_files

    load_gazetteer(user_files)  # a malformed user file fails here, before any document is read
    document_rules_for_files(user_files)
    func = functools.partial(_document_mentions, user_files=user_files, ner=ner)
    # underthesea's NER (about 2,500 words a second) is worth caching; the domain rules are not
    results = map_documents(func, docs, jobs=jobs, cached=ner, use_cache=use_cache)  # lazy: for rows

    def keep(m: Mention) -> bool:
        return wanted is None or m.type in wanted

    if mentions:

        def mention_rows():
            date = None
            for doc, found in results:
                if doc.part == 0:  # the date of a long file's first piece holds for the others
                    date = document_date(doc)
                for m in found:
                    if keep(m):
                        row = {**m.row(doc.path), "document_date": date}
                        if doc.offset:  # a piece of a long file: offsets into the file
                            row["start"] += doc.offset
                            row["end"] += doc.offset
                        yield row

        return Table(ENTITY_MENTIONS, mention_rows())

    if by_file:

        def file_rows():
            for group in by_document(results):
                paths: list[str] = []
                dates: list[str | None] = []

                def mentions_of(pieces=group, paths=paths, dates=dates):  # a file's pieces, as they come
                    for doc, found in pieces:
                        if not paths:
                            paths.append(doc.path)
                            dates.append(document_date(doc))
                        for m in found:
                            if keep(m):
                                yield 0, m

                for row in _aggregate(mentions_of()):
                    yield {"file": paths[0], **row, "document_date": dates[0]}

        return Table(ENTITIES_BY_FILE, file_rows())

    def corpus_rows():
        totals = fold_documents(
            func,
            docs,
            fold=functools.partial(entity_totals, wanted=frozenset(wanted) if wanted is not None else None),
            combine=add_entity_totals,
            jobs=jobs,
            cached=ner,
            use_cache=use_cache,
        )
        yield from _finish(totals)

    return Table(ENTITIES, corpus_rows())
