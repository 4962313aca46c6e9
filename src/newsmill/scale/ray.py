"""The Ray Data engine: the same per-document pipeline over many shards, on one machine or a cluster.

Plan: a dataset with one row per unfinished input shard (one block each, so every shard is
its own unit of work) → ``map_batches`` with :class:`ShardWorker`, a callable class that Ray
Data runs as a pool of stateful actors; its constructor loads the analyzer once (spaCy model
and gazetteer), and each call reads one shard, analyses it in chunks (``Analyzer.run`` →
``nlp.pipe``) and writes ``<out>/<shard>.parquet`` plus the completion marker. Only a small
summary per shard comes back to the driver, so the driver never holds records.

Why the shard, not the document, is the unit: the output is named per shard and a shard is
finished exactly when its file is renamed into place and its marker written, which is what
makes ``--shard NAME`` reruns and resume-after-crash simple. Common Crawl News comes in
thousands of WARC files, so shards outnumber workers by far; with fewer shards than workers
some workers idle (split big inputs into more shards).

A document that fails is an error row; a shard that fails (an unreadable file, a worker
bug) is reported with its name and leaves no marker, and the other shards go on.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsmill.errors import ConfigError
from newsmill.scale.parquet import is_done, marker_file, write_shard
from newsmill.scale.pipeline import Shard, list_shards, process_shard, select_shards
from newsmill.settings import Settings

log = logging.getLogger(__name__)


def _ray() -> Any:
    try:
        import ray
    except ImportError as exc:  # an optional extra: say how to get it
        raise ConfigError("the ray engine needs the ray extra: pip install 'newsmill[ray]'") from exc
    return ray


class ShardWorker:
    """``map_batches`` callable: one actor per worker, the analyzer loaded once in ``__init__``."""

    def __init__(self, settings: Settings, out: str) -> None:
        from newsmill.api import analyzer

        self.settings = settings
        self.out = Path(out)
        if settings.analyze.enabled:
            analyzer(settings)  # the one model load of this actor (api.analyzer caches it)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        result: dict[str, list[Any]] = {
            "shard": [],
            "documents": [],
            "records": [],
            "errors": [],
            "seconds": [],
            "cpu": [],
            "failure": [],
        }
        for name, path in zip(batch["name"], batch["path"], strict=True):
            started, cpu = time.perf_counter(), time.process_time()
            counts = {"documents": 0, "records": 0, "errors": 0}
            failure = ""
            try:
                shard = Shard(str(name), str(path))
                counts = write_shard(self.out, shard.name, process_shard(shard, self.settings))
            except Exception as exc:  # one broken shard must not end the run: it is reported
                failure = f"{type(exc).__name__}: {exc}"
            result["shard"].append(str(name))
            for key in ("documents", "records", "errors"):
                result[key].append(counts[key])
            result["seconds"].append(time.perf_counter() - started)
            # CPU seconds too: on a shared machine wall time says little about cost per core.
            result["cpu"].append(time.process_time() - cpu)
            result["failure"].append(failure)
        return result


@dataclass
class RaySummary:
    shards: int = 0  # input shards found
    skipped: int = 0  # finished by an earlier run
    documents: int = 0
    records: int = 0
    errors: int = 0
    seconds: float = 0.0  # wall time of the Ray job (actor start included)
    busy: float = 0.0  # sum over shards of the time a worker spent on them
    cpu: float = 0.0  # sum over shards of the CPU time the workers used on them
    failed: dict[str, str] = field(default_factory=dict)  # shard → why


def run_ray(
    paths: Sequence[str | Path],
    out: str | Path,
    settings: Settings | None = None,
    *,
    workers: int | None = None,
    address: str | None = None,
    shards: Sequence[str] = (),
    rerun: bool = False,
) -> RaySummary:
    """Process the shards under ``paths`` on Ray into Parquet shards in ``out``.

    Args:
        workers: actors (each loads the model once and uses one CPU); default: the CPUs of
            the local machine, or of the cluster at ``address``.
        address: a Ray cluster (``ray://host:10001`` or ``auto``); None starts Ray locally
            with ``workers`` CPUs. An already initialised Ray (e.g. a test fixture) is used as is.
        shards: process only these shards (by name or input path), even if finished before.
        rerun: process every shard again, finished or not.

    Raises:
        ConfigError: ray is not installed, a bad worker count, or an unknown shard name.
        InputError: a path that names nothing.
    """
    settings = settings or Settings.load()
    if workers is not None and workers < 1:
        raise ConfigError("--workers must be at least 1")
    out = Path(out)
    found = list_shards(paths)
    todo = select_shards(found, shards) if shards else found
    summary = RaySummary(shards=len(found))
    if shards or rerun:
        for shard in todo:
            marker_file(out, shard.name).unlink(missing_ok=True)
    else:
        summary.skipped = sum(1 for shard in todo if is_done(out, shard.name))
        todo = [shard for shard in todo if not is_done(out, shard.name)]
    if not todo:
        return summary
    ray = _ray()
    started_ray = not ray.is_initialized()
    if started_ray:
        options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False}
        if address is None:
            options["num_cpus"] = workers  # None: every local CPU
        # "local": a fresh Ray of our own, never one another user started on this machine.
        ray.init(address=address or "local", **options)
    try:
        size = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        size = min(size, len(todo))
        started = time.perf_counter()
        items = [{"name": shard.name, "path": shard.path} for shard in todo]
        # One block per shard: a block is the unit Ray hands to an actor, so this is what
        # spreads the shards over the pool instead of queueing them behind one actor.
        dataset = ray.data.from_items(items, override_num_blocks=len(items)).map_batches(
            ShardWorker,
            fn_constructor_kwargs={"settings": settings, "out": str(out.resolve())},
            batch_size=1,
            compute=ray.data.ActorPoolStrategy(size=size),
            num_cpus=1,
        )
        for row in dataset.iter_rows():
            if row["failure"]:
                summary.failed[row["shard"]] = row["failure"]
                continue
            summary.documents += int(row["documents"])
            summary.records += int(row["records"])
            summary.errors += int(row["errors"])
            summary.busy += float(row["seconds"])
            summary.cpu += float(row["cpu"])
        summary.seconds = time.perf_counter() - started
    finally:
        if started_ray:
            ray.shutdown()
    return summary
