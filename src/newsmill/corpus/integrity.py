"""Damage in a store: how it is recognised, reported, and looked for (``newsmill check``).

Damage anywhere (a smashed SQLite page, a broken search index, a stored record that no longer
decompresses or parses) surfaces as one error, :class:`~newsmill.errors.StoreCorrupt` (E304),
naming the file and the check to run, never as a traceback nor as "a bad query".
:func:`check` runs SQLite's ``integrity_check``, reads the whole search index, and tests the
store's own invariants; it opens the file read-only and writes nothing.
"""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsmill.errors import StoreCorrupt

# SQLite's result code for a damaged file (extended codes keep it in the low byte). "Not a
# database" (26) is left out: most often the wrong file was named, reported as not a store.
_SQLITE_CORRUPT = 11
_DAMAGE_WORDS = ("malformed", "corrupt", "vtable constructor failed")
_FTS_TABLES = ("articles", "quotes", "events")
_MAX_PROBLEMS = 20


def is_damage(exc: BaseException) -> bool:
    """Whether ``exc`` says the file is damaged (rather than busy, read-only or misused)."""
    if isinstance(exc, StoreCorrupt | zlib.error | UnicodeDecodeError):
        return True
    if isinstance(exc, sqlite3.DatabaseError):
        code = getattr(exc, "sqlite_errorcode", None)
        if code is not None and code & 0xFF == _SQLITE_CORRUPT:
            return True
        return any(word in str(exc).lower() for word in _DAMAGE_WORDS)
    return False


def damaged(path: str | Path, exc: BaseException) -> StoreCorrupt:
    detail = exc.message if isinstance(exc, StoreCorrupt) else f"{type(exc).__name__}: {exc}"
    detail = detail.splitlines()[0][:200] if detail else type(exc).__name__
    return StoreCorrupt(
        f"the store is damaged ({detail}); `newsmill check --db {path}` lists "
        "what is wrong. Restore it from a copy, or ingest the inputs again into a new store",
        source=str(path),
    )


@contextmanager
def guard(path: str | Path) -> Iterator[None]:
    """Turn damage met inside into :class:`StoreCorrupt`; every other error passes through."""
    try:
        yield
    except StoreCorrupt as exc:
        if exc.source is not None:
            raise
        raise damaged(path, exc) from exc  # a record that cannot be read: name the store
    except (sqlite3.DatabaseError, zlib.error, UnicodeDecodeError) as exc:
        if is_damage(exc):
            raise damaged(path, exc) from exc
        raise


def check(conn: sqlite3.Connection, schema_version: int) -> list[str]:
    """Everything wrong with the store on ``conn`` (read-only): an empty list when it is sound."""
    from newsmill.corpus.store import decode_record

    problems: list[str] = []
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version != schema_version:
            return [f"schema version {version}, expected {schema_version}: not a store of this newsmill"]
        rows = conn.execute(f"PRAGMA integrity_check({_MAX_PROBLEMS})").fetchall()
    except sqlite3.DatabaseError as exc:
        return [f"SQLite cannot read the file: {exc}"]
    if rows != [("ok",)]:
        problems.extend(f"SQLite: {line}" for (text,) in rows for line in str(text).splitlines())
    for table in _FTS_TABLES:
        problems.extend(_check_index(conn, table))
    try:
        for article_id, blob in conn.execute("SELECT id, record FROM articles ORDER BY rowid"):
            if len(problems) >= _MAX_PROBLEMS:
                break
            try:
                if decode_record(blob).id != article_id:
                    problems.append(f"article {article_id}: its stored record has another id")
            except StoreCorrupt as exc:
                problems.append(f"article {article_id}: {exc.message}")
        problems.extend(_orphans(conn))
    except sqlite3.DatabaseError as exc:
        problems.append(f"reading the articles failed: {exc}")
    return problems[: _MAX_PROBLEMS * 3]


def _check_index(conn: sqlite3.Connection, table: str) -> list[str]:
    """Read the whole FTS5 index of ``table`` and compare the documents in it with the rows."""
    vocab = f"temp.check_{table}_fts"
    try:
        # fts5vocab lives in the temp schema, so this works on a read-only connection (FTS5's
        # own 'integrity-check' is an INSERT, which a read-only connection refuses).
        conn.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {vocab} USING fts5vocab(main, '{table}_fts', 'instance')"
        )
        indexed = {row[0] for row in conn.execute(f"SELECT DISTINCT doc FROM {vocab}")}
        stored = {row[0] for row in conn.execute(f"SELECT rowid FROM {table}")}
    except sqlite3.DatabaseError as exc:
        return [f"search index of {table}: {exc}"]
    finally:
        conn.execute(f"DROP TABLE IF EXISTS {vocab}")
    problems = []
    if missing := stored - indexed:
        problems.append(f"search index of {table}: {len(missing)} rows are not indexed")
    if extra := indexed - stored:
        problems.append(f"search index of {table}: {len(extra)} indexed rows do not exist")
    return problems


def _orphans(conn: sqlite3.Connection) -> list[str]:
    problems = []
    for table in ("article_entities", "mentions", "quotes", "events"):
        (count,) = conn.execute(
            f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)"
        ).fetchone()
        if count:
            problems.append(f"{table}: {count} rows belong to no stored article")
    (count,) = conn.execute(
        "SELECT count(*) FROM inputs WHERE status != 'error' AND article_id IS NOT NULL "
        "AND article_id NOT IN (SELECT id FROM articles)"
    ).fetchone()
    if count:
        problems.append(f"inputs: {count} are marked done for an article that is not stored")
    return problems


def check_file(path: str | Path) -> tuple[list[str], int]:
    """``check`` on the file at ``path``, opened read-only: (problems, articles stored).

    Raises:
        StoreError: no such file.
    """
    from urllib.parse import quote

    from newsmill.corpus.schema import SCHEMA_VERSION
    from newsmill.errors import StoreError

    path = Path(path)
    if not path.is_file():
        raise StoreError("no such store", source=str(path))
    if path.stat().st_size == 0:
        return ["an empty file, not a newsmill store"], 0
    conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True)
    try:
        problems = check(conn, SCHEMA_VERSION)
        try:
            articles = int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        except sqlite3.DatabaseError:
            articles = 0
        return problems, articles
    except sqlite3.DatabaseError as exc:  # not even the header reads
        return [f"SQLite cannot read the file: {exc}"], 0
    finally:
        conn.close()
