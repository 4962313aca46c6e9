"""The corpus commands of ``newsmill``: ingest, search, export, stats.

``newsmill.cli`` registers them with :func:`add_commands` and hands them the parsed
arguments through :func:`run`; errors propagate as ``NewsmillError`` for the one-line message
and the exit code.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from newsmill.cli_options import add_max_bytes
from newsmill.errors import ConfigError
from newsmill.printable import printable
from newsmill.settings import Settings

EXIT_OK, EXIT_NOTHING, EXIT_BAD_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130
COMMANDS = ("ingest", "search", "export", "stats")


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def _filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--entity", metavar="NAME", help="only articles naming this entity (quotes: spoken by it)"
    )
    parser.add_argument("--since", metavar="DATE", help="published on or after DATE (YYYY-MM-DD)")
    parser.add_argument("--until", metavar="DATE", help="published on or before DATE (YYYY-MM-DD)")


def add_commands(commands: Any) -> None:
    db_help = "the SQLite store (default: settings corpus.db, newsmill.db)"

    ingest = commands.add_parser("ingest", help="analyse pages and store them in a SQLite corpus")
    ingest.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="pages, folders, globs, WARC/WARC.gz, JSONL of {url, published, title, html|text}",
    )
    ingest.add_argument("--db", help=db_help)
    ingest.add_argument(
        "--workers", type=_positive, help="analysis processes (default 1; each loads the model once)"
    )
    ingest.add_argument("--batch-size", type=_positive, help="documents per transaction (default 32)")
    ingest.add_argument(
        "--retry-errors", action="store_true", help="process again the inputs that failed before"
    )
    ingest.add_argument("--no-link", action="store_true", help="skip the identity and cluster passes")
    ingest.add_argument("-v", "--verbose", action="store_true", help="list the documents that failed")
    ingest.add_argument(
        "--published",
        metavar="DATE",
        help="publication date (ISO 8601) of the one page given (JSONL lines carry their own)",
    )
    add_max_bytes(ingest)

    search = commands.add_parser("search", help="full-text search of the corpus (BM25, with snippets)")
    search.add_argument(
        "query", metavar="QUERY", help='words, "phrases", prefix*, AND/OR/NOT, ( ); "" with filters'
    )
    search.add_argument("--db", help=db_help)
    search.add_argument(
        "--kind",
        choices=("article", "quote", "event"),
        default="article",
        help="what to search (default article)",
    )
    _filters(search)
    search.add_argument("--limit", type=_positive, default=20, help="most results to show (default 20)")
    search.add_argument("--json", action="store_true", help="JSON lines instead of a table")

    export = commands.add_parser(
        "export", help="write the corpus (or a filtered part) as JSONL, CSV or Parquet"
    )
    export.add_argument("--db", help=db_help)
    export.add_argument(
        "--format",
        choices=("jsonl", "csv", "parquet", "plover"),
        default="jsonl",
        help="jsonl (default; articles as full records), csv, parquet, or plover: the events as "
        "PLOVER-standard event records, one JSON object a line",
    )
    export.add_argument(
        "--kind",
        choices=("article", "quote", "event", "entity"),
        default="article",
        help="what one row is (default article; plover always writes events)",
    )
    export.add_argument("--out", metavar="FILE", help="output file (default: stdout; parquet needs a file)")
    export.add_argument("--query", metavar="QUERY", help="only articles matching this search query")
    _filters(export)

    stats = commands.add_parser("stats", help="counts, sources, date range, top entities of the corpus")
    stats.add_argument("--db", help=db_help)
    stats.add_argument("--json", action="store_true", help="print the statistics as JSON")


def run(args: argparse.Namespace, settings: Settings) -> int:
    import dataclasses

    from newsmill.corpus.integrity import guard
    from newsmill.corpus.readonly import ReadOnlyStore
    from newsmill.corpus.store import Store

    corpus = settings.corpus
    if getattr(args, "batch_size", None):
        corpus = dataclasses.replace(corpus, batch_size=args.batch_size)
    settings = dataclasses.replace(settings, corpus=corpus)
    db = args.db or corpus.db
    if Path(db).is_dir():
        raise ConfigError(
            f"--db names a folder, not a store file: {db} (e.g. --db {Path(db) / 'newsmill.db'})"
        )
    with guard(db):  # damage anywhere is one StoreCorrupt error, never a traceback
        if args.command == "ingest":
            with Store(db, corpus) as store:
                return _ingest(args, settings, store)
        # Read commands open the file read-only: they never write (not even a schema).
        with ReadOnlyStore(db, settings) as store:
            if args.command == "search":
                return _search(args, store)
            if args.command == "export":
                return _export(args, store)
            return _stats(args, store)


def _ingest(args: argparse.Namespace, settings: Settings, store: Any) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
    from rich.table import Table

    from newsmill.corpus.ingest import IngestSummary, count_documents, expand_paths, ignored_files, ingest
    from newsmill.ingest.warc import is_warc
    from newsmill.reasons import outcome

    err = Console(stderr=True)
    found = expand_paths(args.paths)
    if args.published:
        from newsmill.api import parse_published

        parse_published(args.published)  # a bad date fails now, not once per document
        one_page = len(found) == 1 and found[0].is_file() and not is_warc(found[0])
        if not one_page or found[0].name.lower().endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")):
            raise ConfigError(
                '--published dates one page; give JSONL lines their own "published" '
                "(a crawl's pages keep theirs)"
            )
    if args.retry_errors:
        store.forget_errors()
    started = time.perf_counter()
    since = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime())
    total = count_documents(args.paths)
    progress = Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total} docs" if total is not None else "{task.completed} docs"),
        TextColumn("{task.fields[rate]:.1f} docs/s"),
        TextColumn("eta"),
        TimeRemainingColumn(),
        TimeElapsedColumn(),
        console=err,
        disable=not err.is_terminal,
        transient=True,
    )

    def update(summary: IngestSummary) -> None:
        elapsed = max(time.perf_counter() - started, 1e-9)
        fresh = summary.seen - summary.already
        progress.update(task, completed=summary.seen, rate=fresh / elapsed)

    try:
        with progress:
            task = progress.add_task("ingest", total=total, rate=0.0)
            summary = ingest(
                args.paths,
                store,
                settings,
                workers=args.workers,
                on_progress=update,
                finalize=not args.no_link,
                published=args.published,
            )
    except KeyboardInterrupt:
        print(
            f"newsmill: interrupted: {store.count('articles')} articles in {printable(str(store.path))}; "
            "run the same command again to resume",
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED
    elapsed = time.perf_counter() - started
    table = Table(title=f"newsmill ingest → {printable(str(store.path))}", show_header=False)
    table.add_row("documents found", str(summary.seen))
    table.add_row("already in the store", str(summary.already))
    table.add_row("stored", str(summary.stored))
    table.add_row("duplicates (same text)", str(summary.duplicates))
    for kind, count in sorted(summary.skipped.items()):
        table.add_row(f"skipped: {kind}", str(count))
    for kind, count in sorted(summary.errors.items()):
        table.add_row(f"failed: {kind}", str(count))
    processed = summary.seen - summary.already
    table.add_row("time", f"{elapsed:.1f} s ({processed / max(elapsed, 1e-9):.1f} docs/s)")
    if summary.identities is not None:
        table.add_row("identities in the corpus", str(summary.identities))
    if summary.clusters is not None:
        table.add_row("stories (2+ articles)", str(summary.clusters.stories))
        table.add_row("near-duplicates", str(summary.clusters.duplicates))
    table.add_row("articles in the store", str(store.count("articles")))
    ignored = ignored_files(args.paths)
    if ignored:
        suffixes = Counter(path.suffix.lower() or "(no suffix)" for path in ignored)
        kinds = ", ".join(f"{suffix} {count}" for suffix, count in suffixes.most_common(5))
        table.add_row("not read: not pages", f"{len(ignored)} files ({kinds})")
    err.print(table)
    if (summary.failed or summary.skipped) and (args.verbose or not err.is_terminal):
        rows = store.conn.execute(
            "SELECT source, code, kind, message FROM errors WHERE at >= ? ORDER BY source LIMIT 50", (since,)
        )
        for source, code, kind, message in rows:
            # Names and messages come from outside: printed without their escape sequences.
            line = printable(f"{outcome(kind)} {source}: [{code}] {message}")
            err.print(line, highlight=False, markup=False)
    if ignored and (args.verbose or not err.is_terminal):
        for path in ignored[:50]:
            line = printable(f"not read {path}: not a page, crawl or JSONL file")
            err.print(line, highlight=False, markup=False)
    if not (summary.stored or summary.duplicates or summary.already):
        # Nothing stored, nothing already there: a failed run, for scripts (the table says why).
        return EXIT_NOTHING
    return EXIT_OK


def _search(args: argparse.Namespace, store: Any) -> int:
    from newsmill.corpus.search import MARK_CLOSE, MARK_OPEN, search

    hits = search(
        store,
        args.query,
        kind=args.kind,
        entity=args.entity,
        since=args.since,
        until=args.until,
        limit=args.limit,
    )
    if args.json:
        for hit in hits:
            sys.stdout.write(json.dumps(hit.to_dict(), ensure_ascii=False) + "\n")
        return EXIT_OK
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=f"{len(hits)} {args.kind}{'s' if len(hits) != 1 else ''} for {args.query!r}")
    table.add_column("#", justify="right")
    table.add_column("published")
    table.add_column("title / source")
    if args.kind == "quote":
        table.add_column("speaker")
    if args.kind == "event":
        table.add_column("type")
    table.add_column("snippet")
    for number, hit in enumerate(hits, 1):
        # Page text and names come from outside: control characters are shown escaped.
        snippet = (
            escape(printable(hit.snippet, keep=MARK_OPEN + MARK_CLOSE))
            .replace(MARK_OPEN, "[bold yellow]")
            .replace(MARK_CLOSE, "[/]")
        )
        where = (
            escape(printable(hit.title or "(untitled)"))
            + "\n[dim]"
            + escape(printable(hit.url or hit.source or hit.article_id))
            + "[/]"
        )
        extra = [escape(printable(hit.speaker or ""))] if args.kind == "quote" else []
        extra += [escape(printable(hit.event_type or ""))] if args.kind == "event" else []
        table.add_row(str(number), hit.published or "", where, *extra, " ".join(snippet.split()))
    Console().print(table)
    return EXIT_OK


def _export(args: argparse.Namespace, store: Any) -> int:
    from newsmill.corpus.export import Filters, export

    filters = Filters(query=args.query, entity=args.entity, since=args.since, until=args.until)
    out = Path(args.out) if args.out else sys.stdout
    kind = "event" if args.format == "plover" else args.kind
    count = export(store, out, args.format, kind, filters)
    if args.out:
        print(f"newsmill export: {count} {kind} rows → {printable(args.out)}", file=sys.stderr)
    return EXIT_OK


def _stats(args: argparse.Namespace, store: Any) -> int:
    from newsmill.corpus.export import stats

    data = stats(store)
    if args.json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(
        title=f"newsmill corpus {printable(str(data['store']))} (schema {data['schema_version']})",
        show_header=False,
    )
    for name, count in data["counts"].items():
        table.add_row(name, f"{count:,}")
    for status, count in data["inputs"].items():
        table.add_row(f"inputs: {status}", f"{count:,}")
    for kind, count in data["errors"].items():
        table.add_row(f"errors: {kind}", f"{count:,}")
    published = data["published"]
    table.add_row(
        "published",
        f"{published['first'] or '-'} … {published['last'] or '-'} ({published['dated']:,} dated)",
    )
    stories, largest = data["stories"]
    table.add_row("stories (2+ articles)", f"{stories:,} (largest {largest})")
    table.add_row("near-duplicates", f"{data['near_duplicates']:,}")
    table.add_row("distinct events", f"{data['distinct_events']:,}")
    table.add_row("size", f"{data['bytes'] / 1e6:,.1f} MB")
    console.print(table)
    top = Table(title="top entities")
    for column in ("articles", "kind", "name"):
        top.add_column(column)
    for entity in data["top_entities"]:
        top.add_row(str(entity["articles"]), entity["kind"], printable(entity["name"]))
    console.print(top)
    sources = Table(title="top sources")
    for column in ("articles", "source"):
        sources.add_column(column)
    for source, count in data["sources"].items():
        sources.add_row(str(count), printable(str(source)))
    console.print(sources)
    return EXIT_OK
