"""The store opened for reading only: what the server and the read commands use.

``mode=ro`` never writes the database, but SQLite still creates the ``-wal``/``-shm`` files
of a WAL store next to it (so it can follow a live writer). ``immutable=True`` opens the file
as read-only media (``immutable=1``): no side files, no locks, nothing written anywhere, so
it serves from a read-only mount; the store must then not change while it is open.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from newsmill.corpus.integrity import damaged, is_damage
from newsmill.corpus.schema import SCHEMA_VERSION
from newsmill.corpus.store import Store
from newsmill.errors import StoreError, StoreVersionError
from newsmill.settings import Settings


class ReadOnlyStore(Store):
    """A :class:`Store` opened read-only: ``get``, ``count``, ``search`` work; writes raise.

    Unlike ``Store`` it never creates the file nor runs migrations: the writer (ingest) owns
    the schema, and a store from a newer newsmill is refused rather than misread.

    Raises:
        StoreError: no such file, or it cannot be opened. StoreCorrupt: the file is damaged.
        StoreVersionError: an empty file, or not a store of this newsmill's schema.
    """

    def __init__(
        self, path: str | Path, settings: Settings | None = None, *, immutable: bool = False
    ) -> None:
        self.path = Path(path)
        self.settings = (settings or Settings()).corpus
        if not self.path.is_file():
            raise StoreError("no such store (run `newsmill ingest` first)", source=str(self.path))
        if self.path.stat().st_size == 0:
            raise StoreVersionError("an empty file, not a newsmill store", source=str(self.path))
        mode = "immutable=1" if immutable else "mode=ro"
        uri = f"file:{quote(str(self.path.resolve()))}?{mode}"
        try:
            self.conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the store read-only: {exc}", source=str(self.path)) from exc
        try:
            self.conn.execute("PRAGMA query_only = ON")
            self.conn.execute("PRAGMA busy_timeout = 10000")
            version = self.version
        except sqlite3.Error as exc:
            self.conn.close()
            if is_damage(exc):
                raise damaged(self.path, exc) from exc
            if getattr(exc, "sqlite_errorname", "") == "SQLITE_NOTADB":
                raise StoreVersionError(
                    "not a newsmill store: not a SQLite file, or its header is damaged",
                    source=str(self.path),
                ) from exc
            raise StoreError(f"cannot open the store read-only: {exc}", source=str(self.path)) from exc
        if version != SCHEMA_VERSION:
            self.conn.close()
            raise StoreVersionError(
                f"the store has schema version {version}, this newsmill reads {SCHEMA_VERSION} "
                "(run `newsmill ingest` with this newsmill to migrate it)",
                source=str(self.path),
            )
