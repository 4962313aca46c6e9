"""Dependencies of the app: its settings and a read-only view of the store per request.

The server never writes. Each request opens its own SQLite connection with ``mode=ro`` and
``PRAGMA query_only`` (cheap, and safe across the threads FastAPI runs sync endpoints in),
so an ingest writing the same file in WAL mode never blocks it and is never blocked by it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from fastapi import Request

from newsmill.corpus.readonly import ReadOnlyStore
from newsmill.settings import Settings

__all__ = ["AppState", "ReadOnlyStore", "get_settings", "get_state", "get_store"]


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
    store = ReadOnlyStore(state.db, state.settings, immutable=state.settings.serve.immutable)
    try:
        yield store
    finally:
        store.close()
