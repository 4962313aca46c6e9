"""Records ↔ Parquet rows, shard files with completion markers, and the loader into the store.

An output folder holds one ``<shard>.parquet`` per input shard and ``_done/<shard>.json``,
written after the Parquet file is complete (it is written under a temporary name and
renamed), so a shard without a marker is unfinished and a rerun redoes it. One row per
input document:

- ``key``, ``shard``, ``status`` (``record`` or ``error``), ``source``;
- records: ``id``, ``url``, ``title``, ``published`` (the date) as flat columns for
  queries without parsing, and ``record``, the full Record JSON (``Record.from_json``);
- errors: ``code`` (``E###`` or the skip reason), ``kind`` and ``message``.

:func:`load_parquet` puts them into a :class:`~newsmill.corpus.store.Store` with the store's
own upserts (``put`` by record id with the input key, ``add_error``), skipping input keys a
previous load already stored, so loading twice changes nothing.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from newsmill.corpus.ingest import IngestSummary
from newsmill.corpus.store import Store
from newsmill.errors import ConfigError, InputError
from newsmill.model import Record
from newsmill.reasons import SKIPPED, outcome

COLUMNS = ("key", "shard", "status", "source", "id", "url", "title", "published", "code", "kind", "message")
DONE = "_done"


def _pyarrow() -> Any:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ConfigError("Parquet needs pyarrow: pip install 'newsmill[parquet]'") from exc
    return pa, pq


def schema() -> Any:
    pa, _ = _pyarrow()
    return pa.schema([(name, pa.string()) for name in COLUMNS] + [("record", pa.large_string())])


def to_row(row: dict[str, Any]) -> dict[str, Any]:
    """A pipeline result row with every column filled (flat record columns taken from its JSON)."""
    out: dict[str, Any] = {name: row.get(name) for name in COLUMNS}
    out["record"] = row.get("record")
    if row.get("status") == "record":
        data = json.loads(row["record"])
        out["id"] = data["id"]
        out["url"] = data.get("url")
        title = data.get("title")
        out["title"] = title["text"] if title else None
        published = data.get("published")
        out["published"] = published.get("date") if published else None
    return out


def shard_file(out: Path, shard: str) -> Path:
    return out / f"{shard}.parquet"


def marker_file(out: Path, shard: str) -> Path:
    return out / DONE / f"{shard}.json"


def is_done(out: Path, shard: str) -> bool:
    return marker_file(out, shard).is_file() and shard_file(out, shard).is_file()


def write_shard(out: Path, shard: str, rows: Iterable[dict[str, Any]], batch: int = 256) -> dict[str, int]:
    """Write ``rows`` to ``out/<shard>.parquet`` (atomically), then the completion marker.

    Rows are written in row groups of ``batch`` as they come, so a big shard never sits in
    memory whole. Returns the counts that also go into the marker.
    """
    pa, pq = _pyarrow()
    out.mkdir(parents=True, exist_ok=True)
    (out / DONE).mkdir(exist_ok=True)
    marker = marker_file(out, shard)
    marker.unlink(missing_ok=True)  # a rerun of a finished shard is unfinished until it ends
    final = shard_file(out, shard)
    partial = final.with_name(final.name + ".partial")
    counts = {"documents": 0, "records": 0, "errors": 0}
    table_schema = schema()
    pending: list[dict[str, Any]] = []
    with pq.ParquetWriter(partial, table_schema, compression="zstd") as writer:

        def flush() -> None:
            if pending:
                writer.write_table(pa.Table.from_pylist(pending, schema=table_schema))
                pending.clear()

        for row in rows:
            pending.append(to_row(row))
            counts["documents"] += 1
            counts["records" if row["status"] == "record" else "errors"] += 1
            if len(pending) >= batch:
                flush()
        flush()
    os.replace(partial, final)
    marker.write_text(json.dumps({"shard": shard, **counts}) + "\n", encoding="utf-8")
    return counts


def iter_rows(out: Path, shards: Iterable[str] | None = None) -> Iterator[dict[str, Any]]:
    """The rows of the finished shards in ``out`` (all, or those named), in shard-name order."""
    _, pq = _pyarrow()
    names = sorted(shards) if shards is not None else finished_shards(out)
    for name in names:
        try:
            table = pq.ParquetFile(shard_file(out, name))
            for batch in table.iter_batches(batch_size=256):
                yield from batch.to_pylist()
        except OSError as exc:
            where = str(shard_file(out, name))
            raise InputError(f"cannot read the Parquet shard: {exc}", source=where) from exc


def finished_shards(out: Path) -> list[str]:
    if not out.is_dir():
        raise InputError("no such Parquet output folder", source=str(out))
    return sorted(p.stem for p in (out / DONE).glob("*.json") if shard_file(out, p.stem).is_file())


def load_parquet(
    outs: Iterable[str | Path],
    store: Store,
    *,
    batch_size: int = 32,
    on_progress: Callable[[IngestSummary], None] | None = None,
    finalize: bool = True,
) -> IngestSummary:
    """Load the finished shards of each Parquet output folder into ``store``.

    Unfinished shards (no completion marker) are left out: rerun them first. Input keys
    already in the store are skipped, so a load is idempotent and a repeated one cheap.

    Raises:
        InputError: a folder that does not exist, or a shard file that cannot be read.
    """
    folders = [Path(o) for o in outs]
    for folder in folders:
        finished_shards(folder)  # fail before writing anything
    summary = IngestSummary()
    chunk: list[dict[str, Any]] = []
    for folder in folders:
        for row in iter_rows(folder):
            chunk.append(row)
            if len(chunk) >= batch_size:
                _write(store, chunk, summary, on_progress)
                chunk = []
    if chunk:
        _write(store, chunk, summary, on_progress)
    if finalize and summary.stored:
        from newsmill.corpus.clusters import cluster
        from newsmill.corpus.crossdoc import link_entities

        summary.identities = link_entities(store)
        summary.clusters = cluster(store)
    return summary


def _write(
    store: Store,
    rows: list[dict[str, Any]],
    summary: IngestSummary,
    on_progress: Callable[[IngestSummary], None] | None,
) -> None:
    # One transaction per chunk, like the local engine: a killed load loses one chunk at most.
    summary.seen += len(rows)
    done = store.done_keys([row["key"] for row in rows])
    summary.already += len(done)
    with store.transaction():
        for row in rows:
            if row["key"] in done:
                continue
            if row["status"] == "record":
                if store.put(Record.from_json(row["record"]), input_key=row["key"]):
                    summary.stored += 1
                else:
                    summary.duplicates += 1
            else:
                store.add_error(row["key"], row["source"], row["code"], row["kind"], row["message"])
                tally = summary.skipped if outcome(row["kind"]) == SKIPPED else summary.errors
                tally[row["kind"]] += 1
    if on_progress:
        on_progress(summary)
