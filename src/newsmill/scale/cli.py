"""The scale options of ``newsmill ingest``: ``--engine ray``, ``--address``, ``--out``, ``--shard``,
``--from-parquet``. ``newsmill.cli`` adds them to the corpus ``ingest`` command and routes a
run here when one of them asks for it; the local engine's path is untouched.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from newsmill.errors import ConfigError
from newsmill.settings import Settings

EXIT_OK, EXIT_INTERRUPTED = 0, 130


def add_arguments(ingest: argparse.ArgumentParser) -> None:
    group = ingest.add_argument_group("scale (Ray Data)")
    group.add_argument(
        "--engine",
        choices=("local", "ray"),
        default="local",
        help="local: this process (and --workers processes); ray: Ray Data actors writing Parquet shards",
    )
    group.add_argument(
        "--address", metavar="ADDR", help="Ray cluster address (ray://host:10001, auto); default: local Ray"
    )
    group.add_argument(
        "--out", metavar="DIR", help="Parquet shards folder of --engine ray (default: <db>.parquet/)"
    )
    group.add_argument(
        "--shard",
        action="append",
        default=[],
        metavar="NAME",
        help="--engine ray: (re)run only this shard (its name or input path); repeatable",
    )
    group.add_argument(
        "--no-load", action="store_true", help="--engine ray: write the Parquet shards only, not the store"
    )
    group.add_argument(
        "--from-parquet",
        action="store_true",
        help="the PATHs are Parquet folders written by --engine ray: load their finished shards",
    )


def wanted(args: argparse.Namespace) -> bool:
    """Whether this run is for the scale code (anything but a plain local ingest)."""
    if args.engine == "local" and (args.address or args.out or args.shard or args.no_load):
        raise ConfigError("--address, --out, --shard and --no-load need --engine ray")
    if args.from_parquet and args.engine == "ray":
        raise ConfigError("--from-parquet loads finished shards; it does not run an engine")
    if args.retry_errors and (args.engine == "ray" or args.from_parquet):
        # The errors live in the Parquet shards: reading the inputs again means rerunning shards.
        raise ConfigError(
            "--retry-errors is for the local engine; with --engine ray rerun shards with --shard"
        )
    return args.engine == "ray" or args.from_parquet


def run(args: argparse.Namespace, settings: Settings) -> int:
    import dataclasses

    from newsmill.corpus.lock import writer_lock
    from newsmill.corpus.store import Store

    corpus = settings.corpus
    if args.batch_size:
        corpus = dataclasses.replace(corpus, batch_size=args.batch_size)
    settings = dataclasses.replace(settings, corpus=corpus)
    db = Path(args.db or corpus.db)
    folders = [Path(p) for p in args.paths] if args.from_parquet else []
    if args.engine == "ray":
        from newsmill.scale.ray import run_ray

        out = Path(args.out) if args.out else db.with_name(db.name + ".parquet")
        try:
            ray_summary = run_ray(
                args.paths, out, settings, workers=args.workers, address=args.address, shards=args.shard
            )
        except KeyboardInterrupt:
            print("newsmill: interrupted: finished shards are kept; run again to resume", file=sys.stderr)
            return EXIT_INTERRUPTED
        _print_ray(ray_summary, out)
        if args.no_load:
            return EXIT_OK
        folders = [out]
    with Store(db, corpus) as store, writer_lock(store.path):
        return _load(args, folders, store, settings)


def _print_ray(summary: Any, out: Path) -> None:
    rate = summary.documents / summary.seconds if summary.seconds else 0.0
    print(
        f"newsmill ingest --engine ray: {summary.shards} shards ({summary.skipped} finished before), "
        f"{summary.documents} documents, {summary.records} records, {summary.errors} errors "
        f"in {summary.seconds:.1f} s ({rate:.1f} docs/s) → {out}",
        file=sys.stderr,
    )
    for shard, why in sorted(summary.failed.items()):
        print(f"newsmill: shard {shard} failed: {why} (rerun it with --shard {shard})", file=sys.stderr)


def _load(args: argparse.Namespace, folders: list[Path], store: Any, settings: Settings) -> int:
    from newsmill.scale.parquet import load_parquet

    started = time.perf_counter()
    summary = load_parquet(folders, store, batch_size=settings.corpus.batch_size, finalize=not args.no_link)
    elapsed = time.perf_counter() - started
    failed = ", ".join(f"{kind} {count}" for kind, count in sorted(summary.errors.items())) or "none"
    skipped = ", ".join(f"{kind} {count}" for kind, count in sorted(summary.skipped.items())) or "none"
    print(
        f"newsmill ingest --from-parquet → {store.path}: {summary.seen} rows, {summary.already} already "
        f"stored, {summary.stored} stored, {summary.duplicates} duplicates, skipped: {skipped}, "
        f"failed: {failed}; "
        f"{store.count('articles')} articles in the store ({elapsed:.1f} s)",
        file=sys.stderr,
    )
    return EXIT_OK
