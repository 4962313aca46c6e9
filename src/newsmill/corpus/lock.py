"""One writer at a time: the lock an ingest holds on its store.

Two ingests into one store both "succeeded", each analysing every input and writing a wrong
ledger (every input marked a duplicate of the other's article). SQLite serialises each
transaction, not a whole run, so a run takes an advisory lock on ``<store>.lock`` first
(``flock``: the kernel drops it when the process ends, even by ``kill -9``, so a crash never
leaves the store locked). The holder's pid is written in the file for the message.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from newsmill.errors import StoreBusy

try:
    import fcntl
except ImportError:  # not POSIX: runs go unlocked, as before
    fcntl = None  # type: ignore[assignment]


def lock_path(db: str | Path) -> Path:
    db = Path(db)
    return db.with_name(db.name + ".lock")


@contextmanager
def writer_lock(db: str | Path) -> Iterator[None]:
    """Hold the store's writer lock for the ``with`` block.

    Raises:
        StoreBusy: another process holds it (its pid and start time are in the message).
    """
    if fcntl is None:
        yield
        return
    path = lock_path(db)
    with path.open("a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise StoreBusy(
                f"another ingest is writing this store ({holder}); wait for it to finish, "
                "or ingest into another --db",
                source=str(db),
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}, since {datetime.now(UTC).isoformat(timespec='seconds')}\n")
        handle.flush()
        try:
            yield
        finally:
            handle.truncate(0)
            fcntl.flock(handle, fcntl.LOCK_UN)
