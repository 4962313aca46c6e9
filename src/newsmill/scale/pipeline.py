"""The engine-neutral per-shard pipeline: one input shard → result rows (records or errors).

A *shard* is one input file (a WARC/WARC.gz crawl, a JSONL file, or a single page file).
Its documents are read with the local engine's readers (``corpus.ingest.iter_inputs``, so
every document keeps the same input key), extracted, and analysed in chunks through the
local engine's ``process`` (one ``Analyzer.run`` — one ``nlp.pipe`` — per chunk). Reusing
that code rather than a copy is what makes a Ray run store exactly what a local run stores.

Each document becomes one row: ``status="record"`` with the record, or ``status="error"``
with source, code, kind and message. A document that fails never fails its shard.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsmill.corpus.ingest import Job, Outcome, iter_files, iter_inputs, process
from newsmill.errors import ConfigError
from newsmill.ingest.warc import Skipped
from newsmill.reasons import code_for
from newsmill.settings import Settings

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True, slots=True)
class Shard:
    """One input file and the name its outputs and completion marker carry."""

    name: str
    path: str


def shard_name(path: Path) -> str:
    """A file-safe, stable name: the file's name plus a hash of its absolute path.

    The hash keeps two ``part-0.jsonl`` in different folders apart; the readable part lets
    a person find the shard to rerun (``--shard`` also accepts the input path).
    """
    base = path.name
    for suffix in (".gz", ".warc", ".jsonl", ".ndjson", ".txt", ".html", ".htm"):
        base = base.removesuffix(suffix)
    digest = hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:8]
    return f"{_UNSAFE.sub('_', base)[:80] or 'shard'}-{digest}"


def list_shards(paths: Sequence[str | Path]) -> list[Shard]:
    """The shards under ``paths`` (folders walked in sorted order, globs expanded)."""
    shards = [Shard(shard_name(path), str(path.resolve())) for path in iter_files(paths)]
    return list({shard.name: shard for shard in shards}.values())  # a file named twice is one shard


def select_shards(shards: list[Shard], wanted: Sequence[str]) -> list[Shard]:
    """The shards named in ``wanted`` (by shard name or input path); an unknown name is an error."""
    chosen: list[Shard] = []
    for name in wanted:
        resolved = str(Path(name).resolve())
        match = [s for s in shards if name in (s.name, s.path) or s.path == resolved]
        if not match:
            known = ", ".join(s.name for s in shards[:5]) + (" ..." if len(shards) > 5 else "")
            raise ConfigError(f"no shard named {name!r} among the inputs (shards: {known})")
        chosen.extend(s for s in match if s not in chosen)
    return chosen


def outcome_row(outcome: Outcome, shard: str) -> dict[str, Any]:
    """One document's result as a plain dict (what crosses process boundaries and goes to Parquet)."""
    if outcome.record is not None:
        record = outcome.record
        return {
            "key": outcome.key,
            "shard": shard,
            "status": "record",
            "source": outcome.source,
            "record": record.to_json(),
        }
    return {
        "key": outcome.key,
        "shard": shard,
        "status": "error",
        "source": outcome.source,
        "code": outcome.code,
        "kind": outcome.kind,
        "message": outcome.message,
    }


def _skipped_code(skipped: Skipped) -> str:
    # Same rule as the local engine: a failure's E### code, else the skip reason.
    return code_for(skipped.reason)


def _no_store(ids: list[str]) -> set[str]:
    # Workers do not see the store: every article is analysed, and the loader's upsert by
    # record id marks the ones already stored as duplicates, as the local engine does.
    return set()


def process_shard(
    shard: Shard, settings: Settings, chunk_size: int | None = None
) -> Iterator[dict[str, Any]]:
    """Every document of ``shard`` as a result row, analysed ``chunk_size`` documents at a time."""
    size = chunk_size or settings.corpus.batch_size
    jobs: list[Job] = []
    for item in iter_inputs([shard.path], settings.ingest):
        document = item.read()
        if isinstance(document, Skipped):
            failed = Outcome(
                item.key,
                document.source,
                code=_skipped_code(document),
                kind=document.reason,
                message=document.detail or document.reason,
            )
            yield outcome_row(failed, shard.name)
            continue
        jobs.append(Job(item.key, document, item.published))
        if len(jobs) >= size:
            yield from (outcome_row(o, shard.name) for o in process(jobs, settings, _no_store))
            jobs = []
    if jobs:
        yield from (outcome_row(o, shard.name) for o in process(jobs, settings, _no_store))
