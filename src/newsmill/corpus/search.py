"""Full-text search over the store: FTS5 with BM25 ranking and snippets, plus filters.

User queries are never passed to FTS5 as typed. :func:`compile_query` reads a small, safe
language and writes an FTS5 query in which every term is a quoted string:

- words (``qureshi``), prefixes (``minist*``), phrases in double quotes (``"foreign minister"``);
- ``AND``, ``OR``, ``NOT`` (upper case) and parentheses; terms side by side must all match;
- punctuation inside a word splits it into a phrase (``al-Qaeda`` → ``"al qaeda"``), and any
  other punctuation is a separator, so page text pasted as a query cannot inject FTS5 syntax;
- at most ``corpus.max_query_terms`` terms, ``corpus.max_prefix_terms`` of them prefixes
  (FTS5's cost grows with the square of the terms), and every statement of a search runs
  inside the store's time budget (``Store.time_budget``, :class:`~newsmill.errors.QueryTimeout`).

A query that cannot be read (an unclosed quote or parenthesis, ``OR`` with nothing on one
side, no words at all) raises :class:`~newsmill.errors.QueryError` with what is wrong; values
(query, dates, names) are always bound parameters.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any, Literal

from newsmill.corpus.crossdoc import find_identities
from newsmill.corpus.integrity import is_damage
from newsmill.corpus.snippets import MARK_CLOSE, MARK_OPEN, split_marks
from newsmill.corpus.store import Store
from newsmill.errors import QueryError
from newsmill.settings import CorpusSettings

Kind = Literal["article", "quote", "event"]
KINDS: tuple[str, ...] = ("article", "quote", "event")
_OPERATORS = frozenset({"AND", "OR", "NOT"})
_TOKEN = re.compile(r'"(?P<phrase>[^"]*)"|(?P<open>\()|(?P<close>\))|(?P<word>[^\s"()]+)')
_WORDS = re.compile(r"\w+")
# Snippet markers: control characters cannot occur in stored text (ingest refuses them),
# so they mark the match unambiguously until the caller picks its own markup.
# MARK_OPEN and MARK_CLOSE are re-exported: callers import them from here.


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str
    article_id: str
    score: float  # BM25 (lower is better, as SQLite reports it); 0 without a text query
    title: str
    snippet: str  # with MARK_OPEN/MARK_CLOSE around matched terms; see marked()
    published: str | None
    source: str | None
    url: str | None
    cluster_id: str | None
    speaker: str | None = None  # quotes: the resolved speaker
    event_type: str | None = None  # events
    # Events: the happening's reports across its story (articles), the sentences reporting it
    # (mentions, all articles) and the outlets (sources): GDELT's three counts.
    reports: int | None = None
    mentions: int | None = None
    sources: int | None = None

    def marked(self, open_mark: str = "**", close_mark: str = "**") -> str:
        return self.snippet.replace(MARK_OPEN, open_mark).replace(MARK_CLOSE, close_mark)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the snippet as plain text, its matches as ``highlights`` offsets."""
        data = asdict(self)
        data["snippet"], highlights = split_marks(self.snippet)
        data["highlights"] = [list(span) for span in highlights]
        return data


def compile_query(query: str, settings: CorpusSettings | None = None) -> str:
    """The FTS5 query for a user query (see the module doc); raises QueryError if malformed
    or over the term caps of ``settings``."""
    settings = settings or CorpusSettings()
    terms = prefixes = 0
    parts: list[str] = []
    depth = 0
    expect_term = True  # at the start, after an operator or "(": a term must follow
    position = 0
    for match in _TOKEN.finditer(query):
        gap = query[position : match.start()]
        position = match.end()
        if gap.strip():
            raise QueryError(f"unclosed quote in query {query!r}")
        if match["open"]:
            if not expect_term:
                parts.append("AND")
            parts.append("(")
            depth += 1
            expect_term = True
            continue
        if match["close"]:
            if depth == 0:
                raise QueryError(f"unbalanced ')' in query {query!r}")
            if expect_term:
                raise QueryError(f"empty or unfinished group before ')' in query {query!r}")
            parts.append(")")
            depth -= 1
            continue
        word = match["word"]
        if word in _OPERATORS:
            if expect_term:  # FTS5's NOT is binary too: "a NOT b"
                raise QueryError(f"{word} needs a term before it in query {query!r}")
            parts.append(word)
            expect_term = True
            continue
        text = match["phrase"] if match["phrase"] is not None else word
        prefix = match["phrase"] is None and word.endswith("*")
        words = _WORDS.findall(text)
        if not words:
            continue  # punctuation only: a separator
        term = '"' + " ".join(words) + '"' + ("*" if prefix else "")
        terms, prefixes = terms + 1, prefixes + prefix
        if terms > settings.max_query_terms:
            raise QueryError(f"the query has more than {settings.max_query_terms} terms: use fewer words")
        if prefixes > settings.max_prefix_terms:
            raise QueryError(
                f"the query has more than {settings.max_prefix_terms} prefix terms (word*): use fewer"
            )
        if not expect_term and parts and parts[-1] not in _OPERATORS:
            parts.append("AND")
        parts.append(term)
        expect_term = False
    if query[position:].strip():
        raise QueryError(f"unclosed quote in query {query!r}")
    if depth:
        raise QueryError(f"unclosed '(' in query {query!r}")
    if not parts:
        raise QueryError(f"no words to search for in {query!r}")
    if expect_term:
        raise QueryError(f"{parts[-1]} needs a term after it in query {query!r}")
    return " ".join(parts)


def _day(value: str | date | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise QueryError(f"--{name} expects a date such as 2022-02-27, got {value!r}") from None


def date_tokens(first: date, last: date) -> list[str]:
    """The fewest facet tokens covering ``first``..``last``: whole years, whole months, days.

    Articles carry ``y2022 m202203 d20220301`` (store.date_facets), so a date window becomes
    an FTS5 filter intersected with the text query inside the index.
    """
    tokens: list[str] = []
    day = first
    while day <= last:
        if day.month == 1 and day.day == 1 and date(day.year, 12, 31) <= last:
            tokens.append(f"y{day.year}")
            day = date(day.year + 1, 1, 1)
            continue
        if day.day == 1:
            following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
            if following - timedelta(days=1) <= last:
                tokens.append(f"m{day.year}{day.month:02d}")
                day = following
                continue
        tokens.append(f"d{day.year}{day.month:02d}{day.day:02d}")
        day += timedelta(days=1)
    return tokens


def search(
    store: Store,
    query: str = "",
    *,
    kind: str = "article",
    entity: str | None = None,
    since: str | date | None = None,
    until: str | date | None = None,
    limit: int = 20,
    offset: int = 0,
) -> list[Hit]:
    """Best matches first (BM25; titles weigh more than bodies), or newest first without a query.

    Args:
        query: the user's query (see :func:`compile_query`); may be empty when a filter is set.
        kind: ``article`` (titles and bodies), ``quote`` (quote text and speaker) or ``event``.
        entity: only articles naming this identity (quotes: spoken by it); a single word
            also matches every identity with that surname.
        since, until: publication date bounds, inclusive (ISO dates).

    A query matching more than ``corpus.rank_window`` items is ranked among the most
    recently stored of them (so the cost of a search stays bounded on any corpus).

    Raises:
        QueryError: a malformed query, an unknown kind, a bad date or limit, no query and no filter.
    """
    if kind not in KINDS:
        raise QueryError(f"kind must be one of {', '.join(KINDS)}, got {kind!r}")
    if limit < 1 or offset < 0:
        raise QueryError("limit must be at least 1 and offset not negative")
    with store.time_budget():
        return _search(store, query, kind, entity, _day(since, "since"), _day(until, "until"), limit, offset)


def _search(
    store: Store,
    query: str,
    kind: str,
    entity: str | None,
    since_day: str | None,
    until_day: str | None,
    limit: int,
    offset: int,
) -> list[Hit]:
    fts = compile_query(query, store.settings) if query.strip() else None
    if fts is None and not (entity or since_day or until_day):
        raise QueryError("give a query or at least one filter (--entity, --since, --until)")

    table = {"article": "articles_fts", "quote": "quotes_fts", "event": "events_fts"}[kind]
    base = {"article": "articles", "quote": "quotes", "event": "events"}[kind]
    where: list[str] = []
    params: list[Any] = []
    if fts is not None and kind == "article":
        fts = "{title body} : (" + fts + ")"
        if since_day or until_day:
            # The date window as facet tokens: FTS5 intersects it with the text query.
            first, last = store.conn.execute(
                "SELECT min(published_date), max(published_date) FROM articles"
            ).fetchone()
            if first is None:
                return []
            low = max(date.fromisoformat(since_day or first), date.fromisoformat(first))
            high = min(date.fromisoformat(until_day or last), date.fromisoformat(last))
            if low > high:
                return []
            fts += " AND facets : (" + " OR ".join(f'"{t}"' for t in date_tokens(low, high)) + ")"
            since_day = until_day = None
    if fts is not None:
        where.append(f"{table} MATCH ?")
        params.append(fts)
    dates: list[str] = []
    if since_day:
        dates.append("a.published_date >= ?")
    if until_day:
        dates.append("a.published_date <= ?")
    date_params = [d for d in (since_day, until_day) if d]
    where.extend(dates)
    params.extend(date_params)
    identities: list[int] = []
    if entity:
        identities = find_identities(store, entity)
        if not identities:
            return []
        marks = ", ".join("?" * len(identities))
        if kind == "quote":
            where.append(
                "EXISTS (SELECT 1 FROM article_entities ae WHERE ae.article_id = x.article_id "
                f"AND ae.local_id = x.speaker_local_id AND ae.entity_id IN ({marks}))"
            )
        else:
            where.append(f"a.id IN (SELECT article_id FROM article_entities WHERE entity_id IN ({marks}))")
        params.extend(identities)

    if kind == "article":
        source, key = "articles a", "a.rowid"
    else:
        source, key = f"{base} x JOIN articles a ON a.id = x.article_id", "x.rowid"
    try:
        if fts is None:
            sql = (
                f"SELECT {key}, 0.0 FROM {source} WHERE {' AND '.join(where)} "
                "ORDER BY a.published_date DESC, a.id LIMIT ? OFFSET ?"
            )
            ranked = store.conn.execute(sql, [*params, limit, offset]).fetchall()
        else:
            # Join the content tables only when a condition needs them: FTS5 alone walks its
            # matches newest first without touching the articles.
            if identities:
                ranked = _rank_filtered(
                    store, kind, table, fts, identities, dates, date_params, limit, offset
                )
                if ranked is not None:
                    return [_hit(store, kind, table, fts, rowid, score) for rowid, score in ranked]
            joined = len(where) > 1 or kind != "article"
            if not joined:
                source = table
            elif kind == "article":
                source = f"{table} JOIN articles a ON a.rowid = {table}.rowid"
            else:
                source = (
                    f"{table} JOIN {base} x ON x.rowid = {table}.rowid JOIN articles a ON a.id = x.article_id"
                )
            condition = " AND ".join(where)
            floor = store.conn.execute(
                f"SELECT {table}.rowid FROM {source} WHERE {condition} "
                f"ORDER BY {table}.rowid DESC LIMIT 1 OFFSET ?",
                [*params, store.settings.rank_window - 1],
            ).fetchone()
            sql = (
                f"SELECT {table}.rowid, bm25({table}{_WEIGHTS[kind]}) AS score FROM {source} "
                f"WHERE {condition} AND {table}.rowid >= ? ORDER BY score LIMIT ? OFFSET ?"
            )
            ranked = store.conn.execute(sql, [*params, floor[0] if floor else 0, limit, offset]).fetchall()
        return [_hit(store, kind, table, fts, rowid, score) for rowid, score in ranked]
    except sqlite3.OperationalError as exc:
        if is_damage(exc):
            raise
        # compile_query only writes valid FTS5, so this is a query FTS5 still refuses.
        raise QueryError(f"cannot run query {query!r}: {exc}") from exc


_WEIGHTS = {"article": ", 4.0, 1.0, 0.0", "quote": "", "event": ""}


def _rank_filtered(
    store: Store,
    kind: str,
    table: str,
    fts: str,
    identities: list[int],
    dates: list[str],
    date_params: list[str],
    limit: int,
    offset: int,
) -> list[tuple[int, float]] | None:
    """Rank the items an entity filter leaves when they fit the rank window, else None.

    The entity's items are collected first from its index (usually few), then one statement
    scores them: ``+rowid`` keeps FTS5 walking its matches once, testing each against the
    set, so BM25's corpus statistics are computed once (scoring item by item with
    ``rowid = ?`` recomputes them every time: milliseconds per item for common words).
    """
    marks = ", ".join("?" * len(identities))
    joins = {
        "article": "JOIN articles a ON a.id = ae.article_id",
        "quote": "JOIN quotes x ON x.article_id = ae.article_id AND x.speaker_local_id = ae.local_id "
        "JOIN articles a ON a.id = x.article_id",
        "event": "JOIN events x ON x.article_id = ae.article_id JOIN articles a ON a.id = x.article_id",
    }
    key = "a.rowid" if kind == "article" else "x.rowid"
    sql = (
        f"SELECT DISTINCT {key} FROM article_entities ae {joins[kind]} "
        f"WHERE {' AND '.join([f'ae.entity_id IN ({marks})', *dates])} ORDER BY {key} DESC LIMIT ?"
    )
    window = store.settings.rank_window
    candidates = [row[0] for row in store.conn.execute(sql, [*identities, *date_params, window + 1])]
    if len(candidates) > window:
        return None
    rows = store.conn.execute(
        f"SELECT rowid, bm25({table}{_WEIGHTS[kind]}) AS score FROM {table} WHERE {table} MATCH ? "
        "AND +rowid IN (SELECT value FROM json_each(?)) ORDER BY score, rowid DESC LIMIT ? OFFSET ?",
        (fts, json.dumps(candidates), limit, offset),
    ).fetchall()
    return [(rowid, float(score)) for rowid, score in rows]


_SNIPPET_COLUMN = {"article": 1, "quote": 0, "event": 0}


def _hit(store: Store, kind: str, table: str, fts: str | None, rowid: int, score: float) -> Hit:
    store.check_budget()  # between hits: a snippet is one uninterruptible SQLite step
    conn = store.conn
    if kind == "article":
        text_sql = (
            f"snippet({table}, 1, ?, ?, ' … ', 16) FROM {table} WHERE {table} MATCH ? AND rowid = ?"
            if fts
            else None
        )
        row = conn.execute(
            "SELECT id, title, published_date, source, url, cluster_id, substr(body, 1, 160) "
            "FROM articles WHERE rowid = ?",
            (rowid,),
        ).fetchone()
        snippet = row[6]
        if text_sql:
            snippet = conn.execute(f"SELECT {text_sql}", (MARK_OPEN, MARK_CLOSE, fts, rowid)).fetchone()[0]
        return Hit("article", row[0], float(score), row[1], snippet, *row[2:6])
    base = "quotes" if kind == "quote" else "events"
    text_column = "content" if kind == "quote" else "evidence"
    row = conn.execute(
        f"SELECT a.id, a.title, a.published_date, a.source, a.url, "
        f"{'a.cluster_id' if kind == 'quote' else 'x.cluster_id'}, x.{text_column}, "
        f"{'x.speaker_name' if kind == 'quote' else 'NULL'}, {'x.type' if kind == 'event' else 'NULL'}, "
        f"{'c.size, c.mentions, c.sources' if kind == 'event' else 'NULL, NULL, NULL'} "
        f"FROM {base} x JOIN articles a ON a.id = x.article_id "
        f"{'LEFT JOIN clusters c ON c.id = x.cluster_id' if kind == 'event' else ''} WHERE x.rowid = ?",
        (rowid,),
    ).fetchone()
    snippet = row[6]
    if fts:
        snippet = (
            conn.execute(
                f"SELECT snippet({table}, {_SNIPPET_COLUMN[kind]}, ?, ?, ' … ', 24) FROM {table} "
                f"WHERE {table} MATCH ? AND rowid = ?",
                (MARK_OPEN, MARK_CLOSE, fts, rowid),
            ).fetchone()[0]
            or row[6]
        )
    reports, mentions, sources = row[9:12]
    return Hit(
        kind, row[0], float(score), row[1], snippet, *row[2:6], speaker=row[7], event_type=row[8],
        reports=reports, mentions=mentions, sources=sources,
    )  # fmt: skip
