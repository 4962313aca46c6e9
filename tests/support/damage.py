"""Damaged copies of a good store, one kind of damage each (issue 18 item 11)."""

from __future__ import annotations

import shutil
import sqlite3
import zlib
from collections.abc import Callable
from pathlib import Path


def _settled(source: Path, target: Path) -> Path:
    """A copy of ``source`` with its WAL folded in, so the damage lands in the main file."""
    shutil.copyfile(source, target)
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    return target


def _poke(path: Path, offset: int, data: bytes) -> None:
    with path.open("r+b") as handle:
        handle.seek(offset)
        handle.write(data)


def _page(path: Path, table: str) -> int:
    """The byte offset of the root page of ``table`` (or index)."""
    conn = sqlite3.connect(path)
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    (size,) = conn.execute("PRAGMA page_size").fetchone()
    conn.close()
    return int((root - 1) * size)


def _update(path: Path, sql: str, params: tuple[object, ...] = ()) -> None:
    conn = sqlite3.connect(path)
    conn.execute(sql, params)
    conn.commit()
    conn.close()


def zero_bytes(path: Path) -> None:
    path.write_bytes(b"")


def garbage_header(path: Path) -> None:
    _poke(path, 0, b"this is not a SQLite file at all")


def truncated(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size // 2)


def articles_page_smashed(path: Path) -> None:
    _poke(path, _page(path, "articles") + 8, b"\xff" * 200)


def fts_index_smashed(path: Path) -> None:
    _poke(path, _page(path, "articles_fts_data") + 8, b"\xfe" * 200)


def entity_index_smashed(path: Path) -> None:
    _poke(path, _page(path, "article_entities_entity") + 8, b"\xfd" * 300)


def record_not_zlib(path: Path) -> None:
    _update(path, "UPDATE articles SET record = ? WHERE rowid = (SELECT min(rowid) FROM articles)", (b"x",))


def record_not_utf8(path: Path) -> None:
    blob = zlib.compress(b'{"id": "\xff\xfe broken"}')
    _update(path, "UPDATE articles SET record = ? WHERE rowid = (SELECT min(rowid) FROM articles)", (blob,))


def record_not_a_record(path: Path) -> None:
    blob = zlib.compress(b'{"id": 5, "text": []}')
    _update(path, "UPDATE articles SET record = ? WHERE rowid = (SELECT min(rowid) FROM articles)", (blob,))


DAMAGE: dict[str, Callable[[Path], None]] = {
    "zero_bytes": zero_bytes,
    "garbage_header": garbage_header,
    "truncated": truncated,
    "articles_page_smashed": articles_page_smashed,
    "fts_index_smashed": fts_index_smashed,
    "entity_index_smashed": entity_index_smashed,
    "record_not_zlib": record_not_zlib,
    "record_not_utf8": record_not_utf8,
    "record_not_a_record": record_not_a_record,
}


def damaged_copy(source: Path, target: Path, damage: str) -> Path:
    """A copy of ``source`` in rollback-journal mode with ``damage`` done to it ("nothing": none)."""
    _settled(source, target)
    if damage != "nothing":
        DAMAGE[damage](target)
    return target
