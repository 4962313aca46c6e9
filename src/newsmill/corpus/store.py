"""The embedded corpus store: one SQLite file (WAL mode), schema migrations, upsert by record id.

Every article is kept twice over: as its full :class:`Record` (compressed JSON, so
:meth:`Store.get` returns exactly what was put) and as relational rows (entities, mentions,
quotes, events) with FTS5 indexes for search and the cross-document passes. Writes are
idempotent: putting a record whose id is already stored changes nothing.

One process writes at a time (SQLite's rule); readers never block the writer in WAL mode.
"""

from __future__ import annotations

import json
import sqlite3
import time
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsmill.corpus.minhash import signature
from newsmill.corpus.schema import MIGRATIONS, SCHEMA_VERSION
from newsmill.errors import QueryError, QueryTimeout, StoreCorrupt, StoreError, StoreVersionError
from newsmill.model import Record
from newsmill.settings import CorpusSettings

TABLES = ("articles", "entities", "article_entities", "mentions", "quotes", "events", "clusters", "errors")
_IN_CHUNK = 500  # ids per `IN (...)` query: well under SQLite's bound-parameter limit
# SQLite calls the progress handler every this many VM steps: ~1 ms of work, so an expired
# budget stops a query promptly while the Python callback costs well under 1%.
_PROGRESS_STEPS = 20_000


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """A corpus in one SQLite file.

    Args:
        path: the database file (created with the current schema unless ``create=False``).
        settings: the corpus settings (MinHash size for the signatures written with articles).
        create: when false, a missing file is an error instead of a new empty store.

    Raises:
        StoreError: the file cannot be opened or is missing (``create=False``).
        StoreVersionError: not a newsmill store, or one written by a newer newsmill.
    """

    _budget: float | None = None  # the deadline of the running time_budget()

    def __init__(
        self, path: str | Path, settings: CorpusSettings | None = None, *, create: bool = True
    ) -> None:
        self.path = Path(path)
        self.settings = settings or CorpusSettings()
        if not create and not self.path.is_file():
            raise StoreError("no such store (run `newsmill ingest` first)", source=str(self.path))
        try:
            # isolation_level=None: transactions are explicit (see transaction()).
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the store: {exc}", source=str(self.path)) from exc
        try:
            self._configure()
            self.migrate()
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            from newsmill.corpus.integrity import damaged, is_damage

            if is_damage(exc) and self.path.stat().st_size > 0:
                raise damaged(self.path, exc) from exc
            raise StoreVersionError(f"not a newsmill store: {exc}", source=str(self.path)) from exc
        except StoreError:
            self.conn.close()
            raise

    # --- connection and schema ---------------------------------------------------------

    def _configure(self) -> None:
        self.conn.execute("PRAGMA busy_timeout = 10000")
        # WAL: readers (search) work while ingest writes; synchronous=NORMAL is durable
        # against a killed process (the WAL is in the OS cache), which is what resume needs.
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute("PRAGMA temp_store = MEMORY")
        self.conn.execute("PRAGMA cache_size = -65536")  # 64 MiB page cache

    @property
    def version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> int:
        """Run the migrations this store has not seen; return the schema version."""
        version = self.version
        if version > SCHEMA_VERSION:
            raise StoreVersionError(
                f"the store has schema version {version}, this newsmill knows up to {SCHEMA_VERSION}: "
                "upgrade newsmill",
                source=str(self.path),
            )
        if version == 0:
            foreign = self.conn.execute("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
            if foreign.fetchone()[0]:
                raise StoreVersionError(
                    "a SQLite file with other tables, not a newsmill store", source=str(self.path)
                )
        for number in range(version, SCHEMA_VERSION):
            try:
                self.conn.executescript(
                    f"BEGIN IMMEDIATE;\n{MIGRATIONS[number]}\nPRAGMA user_version = {number + 1};\nCOMMIT;"
                )
            except sqlite3.Error as exc:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise StoreError(
                    f"migration to schema {number + 1} failed: {exc}", source=str(self.path)
                ) from exc
        return self.version

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def time_budget(self, seconds: float | None = None) -> Iterator[None]:
        """Statements run inside are interrupted after ``seconds`` (default
        ``corpus.query_seconds``); the interruption is raised as :class:`QueryTimeout`.
        A budget already running (an outer call) is kept."""
        if self._budget is not None:
            yield
            return
        limit = self.settings.query_seconds if seconds is None else seconds
        deadline = time.monotonic() + limit
        self._budget = deadline
        self.conn.set_progress_handler(lambda: time.monotonic() > deadline, _PROGRESS_STEPS)
        try:
            yield
        except (sqlite3.OperationalError, QueryError) as exc:
            if time.monotonic() > deadline:
                raise QueryTimeout(
                    f"the query ran past its {limit:g} s budget: search fewer or longer words, "
                    "or narrow it with filters",
                    source=str(self.path),
                ) from exc
            raise
        finally:
            self._budget = None
            self.conn.set_progress_handler(None, 0)

    def check_budget(self) -> None:
        """Stop here if the running budget is spent. Between statements: SQLite checks it only
        between its own steps, and one FTS5 snippet() is a single step however long it runs."""
        if self._budget is not None and time.monotonic() > self._budget:
            raise sqlite3.OperationalError("interrupted")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (nested calls join the outer one)."""
        if self.conn.in_transaction:
            yield self.conn
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # --- writes ------------------------------------------------------------------------

    def put(self, record: Record, *, input_key: str | None = None, replace: bool = False) -> bool:
        """Store ``record``; return whether it was new.

        The same id twice stores nothing the second time (the id is the hash of the text),
        unless ``replace`` asks to overwrite it (e.g. after a newer analysis).
        """
        with self.transaction() as conn:
            if replace:
                self.delete(record.id)
            row = _article_row(record, self.settings.num_perm)
            cursor = conn.execute(
                "INSERT INTO articles (id, source, url, title, body, published, published_date, crawled, "
                "site_name, language, stale, facets, record, ingested_at, minhash) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING",
                row,
            )
            new = cursor.rowcount == 1
            if new:
                _insert_children(conn, record)
            if input_key is not None:
                self.mark_input(input_key, record.id, "stored" if new else "duplicate")
            return new

    def put_many(self, records: Iterable[Record]) -> int:
        """Store many records in one transaction; return how many were new."""
        with self.transaction():
            return sum(self.put(record) for record in records)

    def delete(self, article_id: str) -> bool:
        with self.transaction() as conn:
            for table in ("article_entities", "mentions", "quotes", "events"):
                conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
            return conn.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount == 1

    def mark_input(self, key: str, article_id: str | None, status: str) -> None:
        self.conn.execute(
            "INSERT INTO inputs (key, article_id, status, ingested_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(key) DO UPDATE SET article_id = excluded.article_id, status = excluded.status",
            (key, article_id, status, now()),
        )

    def add_error(self, key: str, source: str | None, code: str, kind: str, message: str) -> None:
        """Record why the input ``key`` yielded no article (and mark the input as done)."""
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO errors (input_key, source, code, kind, message, at) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(input_key) DO UPDATE SET code = excluded.code, kind = excluded.kind, "
                "message = excluded.message, at = excluded.at",
                (key, source, code, kind, message, now()),
            )
            self.mark_input(key, None, "error")

    def forget_errors(self) -> int:
        """Drop the error rows and their input keys, so the next ingest retries those inputs."""
        with self.transaction() as conn:
            conn.execute("DELETE FROM inputs WHERE status = 'error'")
            return conn.execute("DELETE FROM errors").rowcount

    # --- reads -------------------------------------------------------------------------

    def done_keys(self, keys: Sequence[str]) -> set[str]:
        """Which of ``keys`` a previous run already processed."""
        return self._present("SELECT key FROM inputs WHERE key IN ({})", keys)

    def existing_ids(self, ids: Sequence[str]) -> set[str]:
        return self._present("SELECT id FROM articles WHERE id IN ({})", ids)

    def _present(self, sql: str, values: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(values), _IN_CHUNK):
            chunk = values[start : start + _IN_CHUNK]
            query = sql.format(", ".join("?" * len(chunk)))
            found.update(row[0] for row in self.conn.execute(query, chunk))
        return found

    def __contains__(self, article_id: object) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def __len__(self) -> int:
        return self.count("articles")

    def count(self, table: str) -> int:
        if table not in (*TABLES, "inputs"):
            raise StoreError(f"unknown table {table!r}")
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def get(self, article_id: str) -> Record | None:
        """The record stored under ``article_id``, identical to the one put; None if absent."""
        row = self.conn.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if row is None else decode_record(row[0])

    def ids(self) -> list[str]:
        return [row[0] for row in self.conn.execute("SELECT id FROM articles ORDER BY rowid")]

    def iter_records(self, article_ids: Iterable[str] | None = None) -> Iterator[Record]:
        """Stored records (all of them, in insertion order, or those of ``article_ids``)."""
        if article_ids is None:
            for (blob,) in self.conn.execute("SELECT record FROM articles ORDER BY rowid"):
                yield decode_record(blob)
            return
        for article_id in article_ids:
            record = self.get(article_id)
            if record is not None:
                yield record


def date_facets(day: str) -> str:
    """The FTS5 filter tokens of a publication date: year, month and day (see search.date_tokens)."""
    compact = day.replace("-", "")
    return f"y{compact[:4]} m{compact[:6]} d{compact[:8]}"


def encode_record(record: Record) -> bytes:
    return zlib.compress(record.to_json().encode("utf-8"), 6)


def decode_record(blob: bytes) -> Record:
    """The record ``encode_record`` wrote. Raises StoreCorrupt when the blob is damaged."""
    try:
        return Record.from_json(zlib.decompress(blob))
    except (zlib.error, UnicodeDecodeError, ValueError, TypeError) as exc:
        detail = (str(exc).splitlines() or [""])[0][:200]
        raise StoreCorrupt(f"a stored record is damaged ({type(exc).__name__}: {detail})") from exc


def _article_row(record: Record, num_perm: int) -> tuple[Any, ...]:
    published = record.published
    return (
        record.id,
        record.source,
        record.url,
        record.title.text if record.title else "",
        record.body,
        published.value if published else None,
        published.date if published else None,
        record.crawled,
        record.site_name,
        record.language,
        int(record.stale),
        date_facets(published.date) if published else "",
        encode_record(record),
        now(),
        signature(record.body or record.text, num_perm),
    )


def _insert_children(conn: sqlite3.Connection, record: Record) -> None:
    rid = record.id
    conn.executemany(
        "INSERT INTO article_entities (article_id, local_id, kind, name, role, country, sector, mentions) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(rid, e.id, e.kind, e.name, e.role, e.country, e.sector, len(e.mentions)) for e in record.entities],
    )
    conn.executemany(
        'INSERT INTO mentions (article_id, local_id, start, "end", text, label) VALUES (?, ?, ?, ?, ?, ?)',
        [(rid, e.id, m.start, m.end, m.text, m.label) for e in record.entities for m in e.mentions],
    )
    conn.executemany(
        'INSERT INTO quotes (article_id, idx, kind, content, start, "end", cue, speaker, speaker_name, '
        "speaker_local_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                rid,
                index,
                q.kind,
                q.content.text,
                q.content.start,
                q.content.end,
                q.cue.text if q.cue else None,
                q.speaker.text if q.speaker else None,
                q.speaker_name,
                q.speaker_entity,
            )
            for index, q in enumerate(record.quotes)
        ],
    )
    conn.executemany(
        "INSERT INTO events (article_id, idx, type, mode, status, date, actors, recipients, evidence, start, "
        '"end", confidence, mentions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [
            (
                rid,
                index,
                ev.type,
                ev.mode,
                ev.status,
                ev.date.value if ev.date else None,
                _participants(ev.actors),
                _participants(ev.recipients),
                ev.evidence.text,
                ev.evidence.start,
                ev.evidence.end,
                ev.confidence,
                json.dumps([[m.start, m.end] for m in ev.mentions or [ev.evidence]]),
            )
            for index, ev in enumerate(record.events)
        ],
    )


def _participants(participants: list[Any]) -> str:
    return json.dumps(
        [{"text": p.span.text, "entity_id": p.entity_id, "country": p.country} for p in participants],
        ensure_ascii=False,
    )
