"""Read-only queries the API and the pages share, over the store's tables (``corpus/schema.py``).

The corpus ``search()`` ranks articles, quotes and events by one query and an entity; the
explorers also filter by source, event type, actor, recipient and place, count the matches
for pagination and facet them. The user's text query goes through the corpus's safe
``compile_query`` (a malformed one raises ``QueryError``, which the app turns into a 400),
and every value is a bound parameter.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from newsmill.corpus.crossdoc import find_identities
from newsmill.corpus.integrity import is_damage
from newsmill.corpus.search import MARK_CLOSE, MARK_OPEN, compile_query
from newsmill.corpus.store import Store
from newsmill.errors import QueryError

KINDS = ("article", "quote", "event")
# How an article's source is shown and filtered: the site's name when the page gave one.
SOURCE = "coalesce(a.site_name, a.source)"


@dataclass(frozen=True, slots=True)
class Filters:
    """What a list shows. Names (entity, actor, recipient, place) match corpus identities
    (a lone surname matches every identity with it) and, for participants, the text as written."""

    query: str = ""
    kind: str = "article"
    entity: str | None = None  # articles naming it; quotes spoken by it; events it takes part in
    entity_id: int | None = None  # the same, by exact identity id
    source: str | None = None
    since: str | None = None
    until: str | None = None
    event_type: str | None = None
    actor: str | None = None
    actor_id: int | None = None
    recipient: str | None = None
    recipient_id: int | None = None
    place: str | None = None  # events in articles naming the place, or whose evidence does
    article_id: str | None = None
    min_confidence: float = 0.0  # events below it are not listed (the serve-time threshold)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise QueryError(f"kind must be one of {', '.join(KINDS)}, got {self.kind!r}")
        for name in ("query", "entity", "source", "event_type", "actor", "recipient", "place"):
            value = getattr(self, name)
            # SQLite reads a LIKE pattern up to its first NUL: "%\0%" would match every row.
            if value and any(ord(char) < 32 for char in value):
                raise QueryError(f"{name} holds control characters")
        for name in ("since", "until"):
            value = getattr(self, name)
            if value:
                try:
                    date.fromisoformat(value)
                except ValueError:
                    raise QueryError(f"{name} expects a date such as 2022-02-27, got {value!r}") from None


@dataclass(slots=True)
class Page:
    total: int
    rows: list[dict[str, Any]]
    limit: int
    offset: int

    @property
    def next_offset(self) -> int | None:
        return self.offset + self.limit if self.offset + self.limit < self.total else None

    @property
    def previous_offset(self) -> int | None:
        return max(self.offset - self.limit, 0) if self.offset > 0 else None


@dataclass(slots=True)
class Facets:
    sources: list[tuple[str, int]] = field(default_factory=list)
    event_types: list[tuple[str, int]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    timeline: list[tuple[str, int]] = field(default_factory=list)  # (YYYY-MM-DD, articles)


@dataclass(slots=True)
class _Plan:
    """The FROM and WHERE of one filtered list (``a`` is the article, ``x`` the quote/event)."""

    source: str
    where: list[str]
    params: list[Any]
    fts_table: str | None
    empty: bool = False  # a name filter matched no identity and no text: nothing to show


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _marks(values: list[Any]) -> str:
    return ", ".join("?" * len(values))


def _participant(column: str, ids: list[int], text: str | None) -> tuple[str, list[Any]]:
    """Events with a participant (in ``column``) who is one of ``ids`` or is written like ``text``."""
    conditions, params = [], []
    if ids:
        conditions.append(
            "json_extract(j.value, '$.entity_id') IN (SELECT local_id FROM article_entities "
            f"WHERE article_id = x.article_id AND entity_id IN ({_marks(ids)}))"
        )
        params.extend(ids)
    if text:
        conditions.append("json_extract(j.value, '$.text') LIKE ? ESCAPE '\\'")
        params.append(_like(text))
    return f"EXISTS (SELECT 1 FROM json_each(x.{column}) j WHERE {' OR '.join(conditions)})", params


def _plan(store: Store, filters: Filters) -> _Plan:
    kind = filters.kind
    fts = compile_query(filters.query, store.settings) if filters.query.strip() else None
    table = {"article": "articles_fts", "quote": "quotes_fts", "event": "events_fts"}[kind]
    base = {"quote": "quotes", "event": "events"}.get(kind)
    if fts is None:
        source = "articles a" if kind == "article" else f"{base} x JOIN articles a ON a.id = x.article_id"
    elif kind == "article":
        source = f"{table} JOIN articles a ON a.rowid = {table}.rowid"
    else:
        source = f"{table} JOIN {base} x ON x.rowid = {table}.rowid JOIN articles a ON a.id = x.article_id"
    plan = _Plan(source, [], [], table if fts else None)
    if fts:
        plan.where.append(f"{table} MATCH ?")
        plan.params.append(fts)
    if filters.article_id:
        plan.where.append("a.id = ?")
        plan.params.append(filters.article_id)
    if filters.since:
        plan.where.append("a.published_date >= ?")
        plan.params.append(filters.since)
    if filters.until:
        plan.where.append("a.published_date <= ?")
        plan.params.append(filters.until)
    if filters.source:
        plan.where.append(f"{SOURCE} = ?")
        plan.params.append(filters.source)
    if kind == "event" and filters.min_confidence > 0:
        plan.where.append("coalesce(x.confidence, 1) >= ?")
        plan.params.append(filters.min_confidence)
    if filters.event_type:
        if kind == "event":
            plan.where.append("x.type = ?")
        else:
            plan.where.append("EXISTS (SELECT 1 FROM events ev WHERE ev.article_id = a.id AND ev.type = ?)")
        plan.params.append(filters.event_type)

    identities: list[int] = []
    if filters.entity:
        identities = find_identities(store, filters.entity)
    if filters.entity_id is not None:
        identities.append(filters.entity_id)
    if filters.entity or filters.entity_id is not None:
        if kind == "quote":
            if not identities:
                plan.empty = True
            else:
                plan.where.append(
                    "EXISTS (SELECT 1 FROM article_entities ae WHERE ae.article_id = x.article_id "
                    f"AND ae.local_id = x.speaker_local_id AND ae.entity_id IN ({_marks(identities)}))"
                )
                plan.params.extend(identities)
        elif kind == "event":
            text = filters.entity if filters.entity_id is None else None
            actor_sql, actor_params = _participant("actors", identities, text)
            recipient_sql, recipient_params = _participant("recipients", identities, text)
            plan.where.append(f"({actor_sql} OR {recipient_sql})")
            plan.params.extend([*actor_params, *recipient_params])
        elif not identities:
            plan.empty = True
        else:
            plan.where.append(
                f"a.id IN (SELECT article_id FROM article_entities WHERE entity_id IN ({_marks(identities)}))"
            )
            plan.params.extend(identities)
    for column, name, exact in (
        ("actors", filters.actor, filters.actor_id),
        ("recipients", filters.recipient, filters.recipient_id),
    ):
        if name is None and exact is None:
            continue
        if kind != "event":
            raise QueryError("actor and recipient filters apply to events only")
        ids = (find_identities(store, name) if name else []) + ([exact] if exact is not None else [])
        sql, params = _participant(column, ids, name)
        plan.where.append(sql)
        plan.params.extend(params)
    if filters.place:
        if kind != "event":
            raise QueryError("the place filter applies to events only")
        places = find_identities(store, filters.place)
        conditions = ["x.evidence LIKE ? ESCAPE '\\'"]
        plan.params.append(_like(filters.place))
        if places:
            conditions.append(
                f"a.id IN (SELECT article_id FROM article_entities WHERE entity_id IN ({_marks(places)}) "
                "AND kind IN ('GPE', 'LOC', 'FAC'))"
            )
            plan.params.extend(places)
        plan.where.append("(" + " OR ".join(conditions) + ")")
    return plan


def _where(plan: _Plan) -> str:
    return " WHERE " + " AND ".join(plan.where) if plan.where else ""


def _run(store: Store, sql: str, params: Iterable[Any]) -> list[sqlite3.Row]:
    try:
        cursor = store.conn.execute(sql, list(params))
    except sqlite3.OperationalError as exc:
        if is_damage(exc):
            raise
        # compile_query writes valid FTS5 only; anything FTS5 still refuses is the user's query.
        raise QueryError(f"cannot run the query: {exc}") from exc
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]  # type: ignore[misc]


def find(store: Store, filters: Filters, *, limit: int = 20, offset: int = 0) -> Page:
    """One page of articles, quotes or events matching ``filters`` (best match, else newest first).

    Raises:
        QueryError: a malformed query or filter. QueryTimeout: past ``corpus.query_seconds``.
    """
    if limit < 1 or offset < 0:
        raise QueryError("limit must be at least 1 and offset not negative")
    with store.time_budget():
        return _find(store, filters, limit, offset)


def _find(store: Store, filters: Filters, limit: int, offset: int) -> Page:
    plan = _plan(store, filters)
    if plan.empty:
        return Page(0, [], limit, offset)
    where = _where(plan)
    key = "a.rowid" if filters.kind == "article" else "x.rowid"
    total = _run(store, f"SELECT count(DISTINCT {key}) AS n FROM {plan.source}{where}", plan.params)[0]["n"]
    order = f"{plan.fts_table}.rank" if plan.fts_table else "a.published_date DESC, a.rowid DESC"
    # Snippets are computed after the page is chosen, for its rows only: in the ranked
    # statement SQLite would compute one for every match before sorting.
    match_rowid = f"{plan.fts_table}.rowid AS match_rowid" if plan.fts_table else "NULL AS match_rowid"
    if filters.kind == "article":
        columns = (
            f"a.id AS article_id, a.title, a.published_date AS published, {SOURCE} AS source, a.url, "
            f"a.stale, substr(a.body, 1, 240) AS snippet, {match_rowid}"
        )
    elif filters.kind == "quote":
        columns = (
            "x.article_id, x.idx, x.kind, x.speaker_name AS speaker, x.speaker_local_id, x.cue, "
            f"x.content, x.content AS snippet, {match_rowid}, a.title, a.published_date AS published, "
            f"{SOURCE} AS source"
        )
    else:
        columns = (
            "x.article_id, x.idx, x.type, x.mode, x.status, x.date, x.actors, x.recipients, x.evidence, "
            f"x.evidence AS snippet, {match_rowid}, x.confidence, a.title, a.published_date AS published, "
            f"{SOURCE} AS source, x.mentions AS here, "
            "(SELECT size FROM clusters c WHERE c.id = x.cluster_id) AS reports, "
            "(SELECT sources FROM clusters c WHERE c.id = x.cluster_id) AS sources"
        )
    rows = _run(
        store,
        f"SELECT {columns} FROM {plan.source}{where} ORDER BY {order} LIMIT ? OFFSET ?",
        [*plan.params, limit, offset],
    )
    if plan.fts_table:
        _add_snippets(store, plan.fts_table, plan.params[0], rows, 1 if filters.kind == "article" else 0)
    for row in rows:
        row.pop("match_rowid")
    links = _identity_links(store, {row["article_id"] for row in rows}) if filters.kind != "article" else {}
    for row in rows:
        if filters.kind == "quote":
            row["speaker_id"] = links.get((row["article_id"], row.pop("speaker_local_id")))
        elif filters.kind == "event":
            # Sentences of this article reporting the happening; reports and sources across
            # its story once the clustering pass has run.
            row["mentions"] = len(json.loads(row.pop("here"))) if row.get("here") else 1
            for column in ("actors", "recipients"):
                row[column] = [
                    {
                        "text": p["text"],
                        "country": p.get("country"),
                        "entity_id": links.get((row["article_id"], p.get("entity_id"))),
                    }
                    for p in json.loads(row[column])
                ]
        if filters.kind == "article":
            row["stale"] = bool(row["stale"])
    return Page(total, rows, limit, offset)


def _add_snippets(store: Store, table: str, fts: str, rows: list[dict[str, Any]], column: int) -> None:
    """Each row's snippet: the matched terms marked in the best passage of ``column``."""
    words = 24 if column else 32
    sql = (
        f"SELECT snippet({table}, {column}, ?, ?, ' … ', {words}) AS snippet FROM {table} "
        f"WHERE {table} MATCH ? AND rowid = ?"
    )
    for row in rows:
        store.check_budget()  # one row at a time: a snippet is one uninterruptible SQLite step
        found = _run(store, sql, [MARK_OPEN, MARK_CLOSE, fts, row["match_rowid"]])
        row["snippet"] = (found[0]["snippet"] if found else None) or row["snippet"]


def facets(store: Store, filters: Filters) -> Facets:
    """Counts over the articles that hold a match: sources, event types, entities, dates."""
    with store.time_budget():
        return _facets(store, filters)


def _facets(store: Store, filters: Filters) -> Facets:
    plan = _plan(store, filters)
    if plan.empty:
        return Facets()
    matched = f"SELECT DISTINCT a.id FROM {plan.source}{_where(plan)}"
    params = plan.params
    sources = _run(
        store,
        f"SELECT {SOURCE} AS s, count(*) AS n FROM articles a WHERE a.id IN ({matched}) AND s IS NOT NULL "
        "GROUP BY s ORDER BY n DESC, s LIMIT 12",
        params,
    )
    types = _run(
        store,
        f"SELECT type, count(*) AS n FROM events WHERE article_id IN ({matched}) "
        "AND coalesce(confidence, 1) >= ? GROUP BY type ORDER BY n DESC, type LIMIT 16",
        [*params, filters.min_confidence],
    )
    entities = _run(
        store,
        "SELECT e.id, e.name, e.kind, count(DISTINCT ae.article_id) AS articles FROM article_entities ae "
        f"JOIN entities e ON e.id = ae.entity_id WHERE ae.article_id IN ({matched}) "
        "GROUP BY e.id ORDER BY articles DESC, e.mentions DESC, e.name LIMIT 12",
        params,
    )
    timeline = _run(
        store,
        f"SELECT published_date AS day, count(*) AS n FROM articles WHERE id IN ({matched}) "
        "AND published_date IS NOT NULL GROUP BY day ORDER BY day",
        params,
    )
    return Facets(
        sources=[(row["s"], row["n"]) for row in sources],
        event_types=[(row["type"], row["n"]) for row in types],
        entities=entities,
        timeline=[(row["day"], row["n"]) for row in timeline],
    )


def _identity_links(store: Store, article_ids: set[str]) -> dict[tuple[str, str | None], int]:
    """(article id, local entity id) → corpus identity id, for the given articles."""
    links: dict[tuple[str, str | None], int] = {}
    ids = sorted(article_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for article_id, local_id, entity_id in store.conn.execute(
            "SELECT article_id, local_id, entity_id FROM article_entities "
            f"WHERE article_id IN ({_marks(chunk)}) AND entity_id IS NOT NULL",
            chunk,
        ):
            links[(article_id, local_id)] = entity_id
    return links


def article_links(store: Store, article_id: str) -> dict[str, int]:
    """Local entity id (e1, e2, ...) → corpus identity id, for one article."""
    return {local: entity for (_, local), entity in _identity_links(store, {article_id}).items() if local}


def entity(store: Store, entity_id: int) -> dict[str, Any] | None:
    """One identity: who it is, how often it is named, its roles, co-occurring identities, timeline."""
    found = _run(
        store,
        "SELECT id, kind, name, role, country, sector, articles, mentions FROM entities WHERE id = ?",
        [entity_id],
    )
    if not found:
        return None
    data = found[0]
    data["roles"] = [
        (row["role"], row["n"])
        for row in _run(
            store,
            "SELECT role, count(DISTINCT article_id) AS n FROM article_entities WHERE entity_id = ? "
            "AND role IS NOT NULL GROUP BY role ORDER BY n DESC, role LIMIT 10",
            [entity_id],
        )
    ]
    data["names"] = [
        row["name"]
        for row in _run(
            store,
            "SELECT name, count(*) AS n FROM article_entities WHERE entity_id = ? GROUP BY name "
            "ORDER BY n DESC, name LIMIT 10",
            [entity_id],
        )
    ]
    data["co_occurring"] = _run(
        store,
        "SELECT e.id, e.name, e.kind, count(DISTINCT o.article_id) AS articles "
        "FROM article_entities me JOIN article_entities o ON o.article_id = me.article_id "
        "AND o.entity_id IS NOT NULL AND o.entity_id != me.entity_id JOIN entities e ON e.id = o.entity_id "
        "WHERE me.entity_id = ? GROUP BY e.id ORDER BY articles DESC, e.mentions DESC, e.name LIMIT 20",
        [entity_id],
    )
    data["timeline"] = [
        (row["day"], row["n"])
        for row in _run(
            store,
            "SELECT a.published_date AS day, count(DISTINCT a.id) AS n FROM article_entities ae "
            "JOIN articles a ON a.id = ae.article_id WHERE ae.entity_id = ? AND a.published_date IS NOT NULL "
            "GROUP BY day ORDER BY day",
            [entity_id],
        )
    ]
    return data


def distinct_values(store: Store) -> dict[str, list[str]]:
    """Every source and event type in the store (for the explorers' drop-downs)."""
    sources = [
        row["s"]
        for row in _run(
            store,
            f"SELECT DISTINCT {SOURCE} AS s FROM articles a WHERE s IS NOT NULL ORDER BY s LIMIT 200",
            [],
        )
    ]
    types = [row["type"] for row in _run(store, "SELECT DISTINCT type FROM events ORDER BY type", [])]
    return {"sources": sources, "event_types": types}
