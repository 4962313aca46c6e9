"""Export and statistics: the store's contents as JSONL, CSV or Parquet, and a summary.

``jsonl`` of articles writes each stored :class:`~newsmill.model.Record` as it was put (one
JSON object a line, readable with ``Record.from_json``); ``csv`` and ``parquet`` write flat
rows (one per article, quote, event or identity). Rows stream from SQLite in batches, so an
export of a large store needs little memory.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

from newsmill.corpus.crossdoc import find_identities
from newsmill.corpus.csvout import SafeWriter
from newsmill.corpus.search import _day, compile_query
from newsmill.corpus.store import TABLES, Store, decode_record
from newsmill.errors import ConfigError, QueryError
from newsmill.model import Record

FORMATS = ("jsonl", "csv", "parquet", "plover")
EXPORT_KINDS = ("article", "quote", "event", "entity")
_BATCH = 5_000

_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    # (column, type for parquet: str | int | float | bool)
    "article": (
        ("id", "str"),
        ("source", "str"),
        ("url", "str"),
        ("title", "str"),
        ("published", "str"),
        ("published_date", "str"),
        ("site_name", "str"),
        ("language", "str"),
        ("stale", "bool"),
        ("cluster_id", "str"),
        ("duplicate_of", "str"),
        ("entities", "int"),
        ("quotes", "int"),
        ("events", "int"),
        ("body", "str"),
    ),
    "quote": (
        ("article_id", "str"),
        ("index", "int"),
        ("kind", "str"),
        ("content", "str"),
        ("start", "int"),
        ("end", "int"),
        ("cue", "str"),
        ("speaker", "str"),
        ("speaker_name", "str"),
        ("speaker_entity_id", "int"),
        ("published_date", "str"),
        ("url", "str"),
    ),
    "event": (
        ("article_id", "str"),
        ("index", "int"),
        ("type", "str"),
        ("mode", "str"),
        ("status", "str"),
        ("date", "str"),
        ("actors", "str"),
        ("recipients", "str"),
        ("evidence", "str"),
        ("confidence", "float"),
        ("cluster_id", "str"),
        ("published_date", "str"),
        # From the stored record (the events table keeps only what search filters on).
        ("trigger", "str"),
        ("location", "str"),
        ("actor_sectors", "str"),
        ("recipient_sectors", "str"),
        ("actor_codes", "str"),
        ("recipient_codes", "str"),
        ("cameo", "str"),
        # The story counts stay last.
        ("mentions", "int"),
        ("reports", "int"),
        ("sources", "int"),
    ),
    "entity": (
        ("id", "int"),
        ("kind", "str"),
        ("name", "str"),
        ("role", "str"),
        ("country", "str"),
        ("sector", "str"),
        ("articles", "int"),
        ("mentions", "int"),
    ),
}

_SQL = {
    "article": (
        "SELECT a.id, a.source, a.url, a.title, a.published, a.published_date, a.site_name, a.language, "
        "a.stale, a.cluster_id, a.duplicate_of, "
        "(SELECT count(*) FROM article_entities WHERE article_id = a.id), "
        "(SELECT count(*) FROM quotes WHERE article_id = a.id), "
        "(SELECT count(*) FROM events WHERE article_id = a.id), a.body "
        "FROM articles a WHERE {where} ORDER BY a.rowid"
    ),
    "quote": (
        'SELECT x.article_id, x.idx, x.kind, x.content, x.start, x."end", x.cue, x.speaker, x.speaker_name, '
        "(SELECT entity_id FROM article_entities ae WHERE ae.article_id = x.article_id "
        "AND ae.local_id = x.speaker_local_id), a.published_date, a.url "
        "FROM quotes x JOIN articles a ON a.id = x.article_id WHERE {where} ORDER BY x.rowid"
    ),
    "event": (
        "SELECT x.article_id, x.idx, x.type, x.mode, x.status, x.date, x.actors, x.recipients, x.evidence, "
        "x.confidence, x.cluster_id, a.published_date, coalesce(json_array_length(x.mentions), 1), c.size, "
        "c.sources, a.record FROM events x JOIN articles a ON a.id = x.article_id "
        "LEFT JOIN clusters c ON c.id = x.cluster_id WHERE {where} ORDER BY x.rowid"
    ),
    "entity": (
        "SELECT e.id, e.kind, e.name, e.role, e.country, e.sector, e.articles, e.mentions FROM entities e "
        "WHERE EXISTS (SELECT 1 FROM article_entities ae JOIN articles a ON a.id = ae.article_id "
        "WHERE ae.entity_id = e.id AND {where}) ORDER BY e.articles DESC, e.id"
    ),
}


@dataclass(frozen=True, slots=True)
class Filters:
    query: str | None = None
    entity: str | None = None
    since: str | None = None
    until: str | None = None

    def sql(self, store: Store) -> tuple[str, list[Any]]:
        """A condition on articles ``a`` and its bound parameters."""
        where, params = ["1"], []
        if self.query:
            where.append("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append(compile_query(self.query, store.settings))
        if since := _day(self.since, "since"):
            where.append("a.published_date >= ?")
            params.append(since)
        if until := _day(self.until, "until"):
            where.append("a.published_date <= ?")
            params.append(until)
        if self.entity:
            identities = find_identities(store, self.entity) or [-1]
            marks = ", ".join("?" * len(identities))
            where.append(f"a.id IN (SELECT article_id FROM article_entities WHERE entity_id IN ({marks}))")
            params.extend(identities)
        return " AND ".join(where), params


def iter_rows(store: Store, kind: str, filters: Filters) -> Iterator[tuple[Any, ...]]:
    if kind not in EXPORT_KINDS:
        raise QueryError(f"kind must be one of {', '.join(EXPORT_KINDS)}, got {kind!r}")
    where, params = filters.sql(store)
    rows = store.conn.execute(_SQL[kind].format(where=where), params)
    yield from _with_event_details(rows) if kind == "event" else rows


def _with_event_details(rows: Iterable[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
    """Event rows (ending in the article's record blob) with trigger, location, sectors, codes
    and CAMEO from the record; an article's events are consecutive, so each decodes once."""
    record: Record | None = None
    for row in rows:
        *values, blob = row
        if record is None or record.id != values[0]:
            record = decode_record(blob)
        index = values[1]
        event = record.events[index] if index < len(record.events) else None
        head, counts = values[:-3], values[-3:]  # the story counts stay last
        if event is None:
            yield (*head, None, None, None, None, None, None, None, *counts)
            continue

        def joined(items: Iterable[str | None]) -> str | None:
            return "; ".join(item or "" for item in items) or None

        yield (
            *head,
            event.trigger.text if event.trigger else None,
            event.location.text if event.location else None,
            joined(p.sector for p in event.actors),
            joined(p.sector for p in event.recipients),
            joined(p.code for p in event.actors),
            joined(p.code for p in event.recipients),
            event.cameo,
            *counts,
        )


def iter_plover(store: Store, filters: Filters) -> Iterator[dict[str, Any]]:
    """The selected articles' events as PLOVER-standard event records (see ``to_plover``)."""
    from newsmill.analyze.events.record import to_plover

    where, params = filters.sql(store)
    query = f"SELECT a.record FROM articles a WHERE {where} AND a.id IN (SELECT article_id FROM events) "
    for (blob,) in store.conn.execute(query + "ORDER BY a.rowid", params):
        yield from to_plover(decode_record(blob))


def iter_records(store: Store, filters: Filters) -> Iterator[str]:
    """The stored records as JSON lines, exactly as put."""
    where, params = filters.sql(store)
    for (blob,) in store.conn.execute(
        f"SELECT a.record FROM articles a WHERE {where} ORDER BY a.rowid", params
    ):
        yield decode_record(blob).to_json()


def export(
    store: Store, out: Path | IO[str], fmt: str, kind: str = "article", filters: Filters | None = None
) -> int:
    """Write the selected rows to ``out`` (a path; a text stream for jsonl/csv); return the count."""
    filters = filters or Filters()
    if fmt not in FORMATS:
        raise ConfigError(f"format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    if fmt == "parquet":
        if not isinstance(out, Path):
            raise ConfigError("parquet needs an output file: --out FILE.parquet")
        return _parquet(out, kind, iter_rows(store, kind, filters))
    if fmt == "plover" and kind not in ("article", "event"):
        raise ConfigError("--format plover writes events: use --kind event (or leave --kind out)")
    handle: IO[str] = out.open("w", encoding="utf-8", newline="") if isinstance(out, Path) else out
    try:
        count = 0
        if fmt == "plover":  # one PLOVER event record a line
            for event in iter_plover(store, filters):
                handle.write(json.dumps(event, ensure_ascii=False) + "\n")
                count += 1
        elif fmt == "jsonl" and kind == "article":
            for line in iter_records(store, filters):
                handle.write(line + "\n")
                count += 1
        elif fmt == "jsonl":
            names = [name for name, _ in _COLUMNS[kind]]
            for row in iter_rows(store, kind, filters):
                handle.write(
                    json.dumps(dict(zip(names, _json_row(kind, row), strict=True)), ensure_ascii=False)
                )
                handle.write("\n")
                count += 1
        else:
            writer = SafeWriter(handle)  # formulas in page text are defused, as in the API
            writer.writerow([name for name, _ in _COLUMNS[kind]])
            for row in iter_rows(store, kind, filters):
                writer.writerow(row)
                count += 1
        return count
    finally:
        if isinstance(out, Path):
            handle.close()


def _json_row(kind: str, row: tuple[Any, ...]) -> list[Any]:
    values = list(row)
    for index, (name, typ) in enumerate(_COLUMNS[kind]):
        if name in {"actors", "recipients"} and values[index] is not None:
            values[index] = json.loads(values[index])
        elif typ == "bool" and values[index] is not None:
            values[index] = bool(values[index])
    return values


def _parquet(path: Path, kind: str, rows: Iterator[tuple[Any, ...]]) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # an optional extra: say how to get it
        raise ConfigError("parquet export needs the parquet extra: pip install 'newsmill[parquet]'") from exc
    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    schema = pa.schema([(name, types[typ]) for name, typ in _COLUMNS[kind]])
    names = [name for name, _ in _COLUMNS[kind]]
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        while True:
            batch = [row for _, row in zip(range(_BATCH), rows, strict=False)]
            if not batch:
                break
            columns = list(zip(*batch, strict=True))
            arrays = [
                pa.array(
                    [bool(v) if v is not None else None for v in col] if typ == "bool" else col, types[typ]
                )
                for col, (_, typ) in zip(columns, _COLUMNS[kind], strict=True)
            ]
            writer.write_table(pa.Table.from_arrays(arrays, names=names))
            count += len(batch)
    return count


def _folder(source: str | None, key: str | None) -> str:
    """A local file's folder: from the input key (an absolute path) when the source was a bare
    file name, whose folder would show as "."."""
    if not source:
        return "?"
    folder = Path(source).parent
    if str(folder) == "." and key and key.startswith("/"):
        folder = Path(key.split("@", 1)[0]).parent
    return str(folder)


def stats(store: Store, top: int = 10) -> dict[str, Any]:
    """Counts per table, inputs and errors, sources, date range, top identities, clusters."""
    conn = store.conn
    sources: Counter[str] = Counter()
    rows = conn.execute(
        "SELECT url, source, site_name, (SELECT min(key) FROM inputs i WHERE i.article_id = a.id) "
        "FROM articles a"
    )
    for url, source, site, key in rows:
        sources[site or (urlsplit(url).hostname if url else None) or _folder(source, key)] += 1
    first, last, dated = conn.execute(
        "SELECT min(published_date), max(published_date), count(published_date) FROM articles"
    ).fetchone()
    return {
        "store": str(store.path),
        "schema_version": store.version,
        "bytes": store.path.stat().st_size if store.path.exists() else 0,
        "counts": {table: store.count(table) for table in TABLES},
        "inputs": dict(
            conn.execute("SELECT status, count(*) FROM inputs GROUP BY status ORDER BY status").fetchall()
        ),
        "errors": dict(
            conn.execute("SELECT kind, count(*) FROM errors GROUP BY kind ORDER BY 2 DESC").fetchall()
        ),
        "published": {"first": first, "last": last, "dated": dated},
        "sources": dict(sources.most_common(top)),
        "top_entities": [
            {"id": i, "kind": k, "name": n, "articles": a}
            for i, k, n, a in conn.execute(
                "SELECT id, kind, name, articles FROM entities "
                "ORDER BY articles DESC, mentions DESC, name LIMIT ?",
                (top,),
            )
        ],
        "stories": conn.execute(
            "SELECT count(*), coalesce(max(size), 0) FROM clusters WHERE kind = 'story' AND size > 1"
        ).fetchone(),
        "near_duplicates": conn.execute(
            "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"
        ).fetchone()[0],
        "distinct_events": conn.execute("SELECT count(DISTINCT cluster_id) FROM events").fetchone()[0],
    }
