"""Dependencies of the app: its settings and a read-only view of the store per request.

The server never writes. Each request opens its own SQLite connection with ``mode=ro`` and
``PRAGMA query_only`` (cheap, and safe across the threads FastAPI runs sync endpoints in),
so an ingest writing the same file in WAL mode never blocks it and is never blocked by it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from fastapi import Request

from newsmill.corpus.schema import SCHEMA_VERSION
from newsmill.corpus.store import Store
from newsmill.errors import StoreError, StoreVersionError
from newsmill.settings import Settings


class ReadOnlyStore(Store):
    """A :class:`Store` opened read-only: ``get``, ``count``, ``search`` work; writes raise.

    Unlike ``Store`` it never creates the file nor runs migrations: the writer (ingest) owns
    the schema, and a store from a newer newsmill is refused rather than misread.
    """

    def __init__(self, path: str | Path, settings: Settings | None = None) -> None:
        self.path = Path(path)
        self.settings = (settings or Settings()).corpus
        if not self.path.is_file():
            raise StoreError("no such store (run `newsmill ingest` first)", source=str(self.path))
        uri = f"file:{quote(str(self.path.resolve()))}?mode=ro"
        try:
            self.conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            self.conn.execute("PRAGMA query_only = ON")
            self.conn.execute("PRAGMA busy_timeout = 10000")
            version = self.version
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the store read-only: {exc}", source=str(self.path)) from exc
        if version != SCHEMA_VERSION:
            self.conn.close()
            raise StoreVersionError(
                f"the store has schema version {version}, this server reads {SCHEMA_VERSION} "
                "(run `newsmill ingest` with this newsmill to migrate it)",
                source=str(self.path),
            )


@dataclass(frozen=True, slots=True)
class AppState:
    """What the app was built with (kept on ``app.state.newsmill``)."""

    settings: Settings
    db: Path


def get_state(request: Request) -> AppState:
    return request.app.state.newsmill  # type: ignore[no-any-return]


def get_settings(request: Request) -> Settings:
    return get_state(request).settings


def get_store(request: Request) -> Iterator[ReadOnlyStore]:
    """A read-only store for the length of one request."""
    state = get_state(request)
    store = ReadOnlyStore(state.db, state.settings)
    try:
        yield store
    finally:
        store.close()
