"""``vnpress report``: one self-contained HTML file on a corpus, readable offline in any browser.

Everything is inline (the styles, the charts as hand-made SVG from :mod:`.svg`); there is no script
and nothing is fetched. The numbers are those of the commands: the summary and the words from
``freq``'s counts and ``vnpress meta``'s dates and sources (one pass over the segmented words,
:func:`vnpress.stats.trends.dated_pairs`), keywords as ``keywords`` computes them (only against a
reference the user names), the officers and their rank histories from the who's-who
(:mod:`vnpress.people`, built on ``entities --mentions``), units and resolutions from the same
mentions, abbreviations as ``expand-abbrev`` lists them. The tables are cut at ``top`` rows, so a
report of 10,000 articles stays small.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from html import escape
from typing import Any

from vnpress import __version__
from vnpress.io.corpus import Document, Problem, by_document
from vnpress.pipeline.run import map_segmented
from vnpress.report import svg
from vnpress.stats.freq import load_stopwords, per_10k
from vnpress.stats.keywords import corpus_counts, keyword_rows
from vnpress.stats.periods import UNKNOWN, Periods, period_order
from vnpress.stats.trends import dated_pairs
from vnpress.stats.wordcounts import WordCounts
from vnpress.text.collation import collation_key

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 1100px; color: #222; background: #fff; }
h1 { font-size: 1.6em; margin-bottom: .2em; } h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: .5em 0 1em; font-size: .9em; }
th, td { border-bottom: 1px solid #e4e4e4; padding: 3px 10px; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.note { color: #666; font-size: .9em; } .chart { display: block; margin: .5em 0; }
dl.summary { display: grid; grid-template-columns: max-content auto; gap: 4px 16px; }
dl.summary dt { font-weight: 600; } dl.summary dd { margin: 0; }
"""


class _Corpus:
    """What one pass over the segmented words gives: counts, per-period counts, dates, sources."""

    def __init__(self) -> None:
        self.words = WordCounts()
        self.documents: Counter[str] = Counter()  # key → documents with it
        self.by_year: dict[str, WordCounts] = defaultdict(WordCounts)
        self.dates: list[str] = []
        self.sources: Counter[str] = Counter()
        self.n_documents = 0
        self.undated = 0


def _read(results: Iterable[tuple[Document, tuple]], periods: Periods) -> _Corpus:
    corpus = _Corpus()
    for group in by_document(results):
        doc, (stamp, pairs) = next(group)
        values = [pairs, *(v for _, (_, v) in group)]
        date, source = periods.dated(doc.path, stamp)
        corpus.n_documents += 1
        if date:
            corpus.dates.append(date)
        else:
            corpus.undated += 1
        corpus.sources[source or UNKNOWN] += 1
        year = date[:4] if date else UNKNOWN
        keys = set()
        for p in values:
            corpus.words.add_pairs(p)
            corpus.by_year[year].add_pairs(p)
            keys.update(k for k, _ in p)
        corpus.documents.update(keys)
    return corpus


def _table(headers: Sequence[str], rows: Iterable[Sequence[Any]], numeric: Sequence[int] = ()) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = []
    for row in rows:
        cells = []
        for i, value in enumerate(row):
            text = (
                "" if value is None else "; ".join(map(str, value)) if isinstance(value, list) else str(value)
            )
            cls = ' class="n"' if i in numeric else ""
            cells.append(f"<td{cls}>{escape(text)}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _section(title: str, *parts: str, anchor: str) -> str:
    return f'<section id="{anchor}"><h2>{escape(title)}</h2>{"".join(parts)}</section>'


def _note(text: str) -> str:
    return f'<p class="note">{escape(text)}</p>'


def _summary(corpus: _Corpus) -> str:
    dated = sorted(corpus.dates)
    covered = f"{dated[0]} to {dated[-1]}" if dated else "none"
    sources = sorted(corpus.sources.items(), key=lambda kv: (kv[0] == UNKNOWN, -kv[1], collation_key(kv[0])))
    items = [
        ("Documents", f"{corpus.n_documents:,}"),
        ("Counted words", f"{corpus.words.total:,}"),
        ("Distinct words", f"{len(corpus.words.counts):,}"),
        ("Dates covered", covered),
        ("Undated documents", f"{corpus.undated:,}"),
        ("Sources", f"{len([s for s in corpus.sources if s != UNKNOWN]):,}"),
    ]
    dl = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in items)
    return _section(
        "Corpus",
        f'<dl class="summary">{dl}</dl>',
        _table(("source", "documents"), sources, numeric=(1,)),
        _note(
            "Dates and sources as vnpress meta gives them: the stated date, else the path's, else the inferred one."
        ),
        anchor="corpus",
    )


def _top_words(corpus: _Corpus, top: int) -> tuple[str, list[str]]:
    ranked = sorted(
        corpus.words.counts.items(), key=lambda kv: (-kv[1], collation_key(corpus.words.form(kv[0])), kv[0])
    )[:top]
    rows = [
        (i, corpus.words.form(k), n, per_10k(n, corpus.words.total), corpus.documents[k])
        for i, (k, n) in enumerate(ranked, 1)
    ]
    html = _section(
        "Top words",
        svg.bars([(r[1], r[2]) for r in rows[:15]]),
        _table(("n", "word", "count", "per_10k", "documents"), rows, numeric=(0, 2, 3, 4)),
        _note(
            "As vnpress freq counts them: segmented words, case folded, stop words and page furniture left out."
        ),
        anchor="words",
    )
    return html, [k for k, _ in ranked]


def _keywords(corpus: _Corpus, reference: WordCounts | None, top: int) -> str:
    if reference is None:
        return _section(
            "Keywords",
            _note(
                "No reference corpus given (--reference REFPATH or --reference-sample): keywords left out."
            ),
            anchor="keywords",
        )
    rows = keyword_rows(corpus.words, reference, min_freq=3, top=top)
    return _section(
        "Keywords",
        svg.bars([(r["word"], r["ll"]) for r in rows[:15]]),
        _table(
            (
                "word",
                "target",
                "reference",
                "target per 10k",
                "reference per 10k",
                "log-likelihood",
                "log ratio",
            ),
            [tuple(r.values()) for r in rows],
            numeric=(1, 2, 3, 4, 5, 6),
        ),
        _note(
            f"Against a reference of {reference.total:,} counted words; words seen at least 3 times in one of "
            "the two. Log-likelihood (Rayson & Garside 2000), negative where rarer here; Log Ratio (Hardie 2014)."
        ),
        anchor="keywords",
    )


def _officers(mentions: list[dict], top: int) -> str:
    from vnpress.people import appearance_rows, people_rows, rank_rows, roster_from_mentions

    roster = roster_from_mentions([m for m in mentions if m["type"] == "officer"])
    people = list(people_rows(roster))[:top]
    shown = {p["person"] for p in people}
    history: dict[str, list[tuple[str, str]]] = defaultdict(list)
    names: dict[str, str] = {}
    for a in appearance_rows(roster):
        if a["person"] in shown and a["date"] and a["rank"]:
            seen = (a["date"][:7], a["rank"])  # one dot a month and rank: the timeline stays small
            if seen not in history[a["person"]]:
                history[a["person"]].append(seen)
            names[a["person"]] = a["name"]
    ranks: dict[str, list[str]] = defaultdict(list)
    for r in rank_rows(roster):
        if r["person"] in shown:
            ranks[r["person"]].append(f"{r['rank']} ({r['first_seen'] or 'undated'})")
    rows = [
        (
            p["name"],
            p["rank"],
            ranks[p["person"]],
            [post.rsplit(": ", 1)[0] for post in p["posts"][:3]],
            p["documents"],
            p["mentions"],
            p["first_seen"],
            p["last_seen"],
        )
        for p in people
    ]
    timeline = svg.timeline(
        [(names[p["person"]], history[p["person"]]) for p in people if history[p["person"]]]
    )
    undated = [p["name"] for p in people if not history[p["person"]]]
    return _section(
        "Officers",
        _table(
            ("name", "rank", "ranks", "posts", "documents", "mentions", "first seen", "last seen"),
            rows,
            numeric=(4, 5),
        ),
        "<h3>Rank histories</h3>" + (timeline or _note("No dated appearance.")),
        _note("Officers without a dated appearance: " + ", ".join(undated)) if undated else "",
        _note(
            "The who's-who of vnpress officers: one person per real person, his rank as of each document's date."
        ),
        anchor="officers",
    )


def _aggregate(mentions: list[dict], kind: str) -> list[tuple[str, int, int]]:
    counts: Counter[str] = Counter()
    files: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m["type"] == kind:
            counts[m["canonical"]] += 1
            files[m["canonical"]].add(m["file"])
    return sorted(
        ((name, n, len(files[name])) for name, n in counts.items()),
        key=lambda r: (-r[1], collation_key(r[0])),
    )


def _short(text: str, length: int = 55) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def _units(mentions: list[dict], top: int) -> str:
    rows = _aggregate(mentions, "unit")[:top]
    return _section(
        "Units",
        svg.bars([(_short(r[0]), r[1]) for r in rows[:15]], width=760, label_width=380),
        _table(("unit", "mentions", "documents"), rows, numeric=(1, 2)),
        anchor="units",
    )


def _resolutions(mentions: list[dict], top: int, years: Iterable[str]) -> str:
    by_year: Counter[str] = Counter({y: 0 for y in years})
    for m in mentions:
        if m["type"] == "resolution":
            by_year[m["document_date"][:4] if m["document_date"] else UNKNOWN] += 1
    years = sorted(by_year, key=period_order)
    rows = [(_short(name, 120), n, d) for name, n, d in _aggregate(mentions, "resolution")[:top]]
    return _section(
        "Resolutions by year",
        svg.columns([(y, by_year[y]) for y in years]) if years else _note("No resolution mentioned."),
        _note(
            "Mentions of resolutions, directives, regulations and laws, by the year of the document that mentions them."
        ),
        _table(("document", "mentions", "documents"), rows, numeric=(1, 2)),
        anchor="resolutions",
    )


def _abbreviations(docs: list[Document], top: int, jobs: int | None) -> str:
    from vnpress.abbrev.expand import abbreviation_table

    rows = list(abbreviation_table(docs, jobs=jobs).rows)
    rows.sort(key=lambda r: (-r["count"], collation_key(r["abbreviation"])))
    return _section(
        "Abbreviations",
        _table(
            ("abbreviation", "expansion", "source", "count", "documents"),
            [
                (r["abbreviation"], r["expansion"], r["source"], r["count"], r["documents"])
                for r in rows[:top]
            ],
            numeric=(3, 4),
        ),
        anchor="abbreviations",
    )


def _trends(corpus: _Corpus, keys: Sequence[str]) -> str:
    years = sorted(corpus.by_year, key=period_order)
    keys = list(keys[:6])
    series = [
        (corpus.words.form(k), [per_10k(corpus.by_year[y].counts[k], corpus.by_year[y].total) for y in years])
        for k in keys
    ]
    rows = [(label, *values) for label, values in series]
    return _section(
        "Trends of the top words",
        svg.lines(years, series) if years else "",
        _table(("word", *years), rows, numeric=tuple(range(1, len(years) + 1))),
        _note("Per 10,000 counted words of each year (vnpress trend), undated documents under 'unknown'."),
        anchor="trends",
    )


def build_report(
    docs: Sequence[Document],
    *,
    reference: Sequence[Document] | None = None,
    top: int = 25,
    title: str = "vnpress report",
    today: dt.date | None = None,
    sidecar: str | None = None,
    on_problem: Callable[[Problem], None] | None = None,
    jobs: int | None = 1,
    use_cache: bool = True,
    segmenter: str = "fast",
) -> str:
    """The report on ``docs`` as one HTML document (a string)."""
    from vnpress.entities import entity_table

    today = today or dt.date.today()
    periods = Periods("year", today, sidecar, on_problem)
    stopwords = load_stopwords(())
    func = partial(
        dated_pairs,
        today=today.isoformat(),
        ngram=1,
        keep_case=False,
        stopwords=stopwords,
        keep_boilerplate=False,
    )
    corpus = _read(map_segmented(func, docs, jobs=jobs, use_cache=use_cache, segmenter=segmenter), periods)
    ref_counts = None
    if reference is not None:
        ref_counts = corpus_counts(
            reference, stopwords=stopwords, jobs=jobs, use_cache=use_cache, segmenter=segmenter
        )
    mentions = list(entity_table(docs, mentions=True, jobs=jobs, use_cache=use_cache).rows)
    words_html, top_keys = _top_words(corpus, top)
    sections = [
        _summary(corpus),
        words_html,
        _keywords(corpus, ref_counts, top),
        _officers(mentions, top),
        _units(mentions, top),
        _resolutions(mentions, top, corpus.by_year),
        _abbreviations(list(docs), top, jobs),
        _trends(corpus, top_keys),
    ]
    nav = " · ".join(
        f'<a href="#{a}">{escape(t)}</a>'
        for a, t in (
            ("corpus", "Corpus"),
            ("words", "Top words"),
            ("keywords", "Keywords"),
            ("officers", "Officers"),
            ("units", "Units"),
            ("resolutions", "Resolutions"),
            ("abbreviations", "Abbreviations"),
            ("trends", "Trends"),
        )
    )
    return (
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>"
        f"<h1>{escape(title)}</h1>"
        f'<p class="note">{corpus.n_documents:,} documents · made by vnpress {escape(__version__)}</p>'
        f"<nav>{nav}</nav>{''.join(sections)}</body></html>\n"
    )
