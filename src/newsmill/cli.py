"""The ``newsmill`` command: a thin shell over the library.

Exit codes: 0 success; 1 the page holds no article (all furniture), or ``extract`` and
``ingest`` got no article from any input; 2 bad input or bad arguments (one line on stderr,
never a traceback); 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from newsmill import __version__
from newsmill.api import analyze_document, analyzer, extract, parse_published
from newsmill.cli_options import add_max_bytes, with_max_bytes
from newsmill.corpus import cli as corpus_cli
from newsmill.errors import ConfigError, InputError, NewsmillError, NoArticleFound
from newsmill.ingest.collect import iter_documents
from newsmill.ingest.source import RawDocument, read_source, read_stream_bytes
from newsmill.ingest.warc import Skipped, refuse_warc
from newsmill.model import Record, record_json_schema
from newsmill.printable import printable
from newsmill.reasons import FAILED, SKIPPED, outcome, reason_for
from newsmill.scale import cli as scale_cli
from newsmill.settings import Settings

EXIT_OK, EXIT_NO_ARTICLE, EXIT_BAD_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit code 2."""

    def error(self, message: str) -> Any:  # type: ignore[override]
        self.exit(EXIT_BAD_INPUT, f"newsmill: error: {message} (see: {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="newsmill", description="Raw news pages to clean, evidence-linked facts.")
    parser.add_argument("--version", action="version", version=f"newsmill {__version__}")
    parser.add_argument("--settings", metavar="TOML", help="settings file (defaults ← file ← NEWSMILL_* env)")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    one = commands.add_parser("analyze", help="analyse one page; JSON record on stdout")
    one.add_argument("path", metavar="PATH|-", help="a text or HTML file, or - for stdin")
    one.add_argument(
        "--format",
        choices=("json", "text", "plover"),
        default="json",
        help="plover: the events as PLOVER JSON",
    )
    one.add_argument("--url", help="the page's URL, kept on the record")
    one.add_argument("--published", metavar="DATE", help="publication date (ISO 8601), e.g. 2022-02-27")
    one.add_argument("--indent", type=int, default=2, help="JSON indent (0 for one line)")
    one.add_argument(
        "--snippet",
        action="store_true",
        help="a short text (a sentence, a brief): analyse it as one paragraph, no article detection",
    )
    add_max_bytes(one)

    many = commands.add_parser("extract", help="stream records of many pages as JSON lines")
    many.add_argument(
        "paths",
        nargs="+",
        metavar="FILE|DIR|WARC",
        help="pages (.txt, .html, .gz), folders, WARC/WARC.gz crawls",
    )
    many.add_argument("--jsonl", metavar="OUT", help="write JSON lines here (default: stdout)")
    many.add_argument("-v", "--verbose", action="store_true", help="name every skipped document")
    many.add_argument(
        "--analyze", action="store_true", help="also find entities, places, times, quotes and events"
    )
    add_max_bytes(many)

    commands.add_parser("schema", help="print the JSON Schema of the record")
    check = commands.add_parser("check", help="look for damage in a store (read-only)")
    check.add_argument("--db", help="the SQLite store (default: settings corpus.db, newsmill.db)")
    corpus_cli.add_commands(commands)

    serve = commands.add_parser("serve", help="REST API and web UI over a corpus store (read-only)")
    serve.add_argument("--db", help="the SQLite store (default: settings corpus.db, newsmill.db)")
    serve.add_argument("--host", help="interface to listen on (default: settings serve.host, 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (default: settings serve.port, 8000)")
    serve.add_argument(
        "--immutable",
        action="store_true",
        help="serve a store that does not change (read-only media): no -wal/-shm files, no locks",
    )
    # Scale hook: --engine ray / --from-parquet on the corpus ingest command (newsmill.scale.cli).
    scale_cli.add_arguments(commands.choices["ingest"])
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if sys.stdout is None:  # started with fd 1 closed (`>&-`): nowhere to write records
            raise InputError("standard output is closed: redirect it to a file or /dev/null")
        settings = with_max_bytes(Settings.load(args.settings), getattr(args, "max_bytes", None))
        if args.command == "analyze":
            return _analyze(args, settings)
        if args.command == "extract":
            return _extract(args, settings)
        if args.command == "ingest" and scale_cli.wanted(args):
            return scale_cli.run(args, settings)
        if args.command in corpus_cli.COMMANDS:
            return corpus_cli.run(args, settings)
        if args.command == "serve":
            return _serve(args, settings)
        if args.command == "check":
            return _check(args.db or settings.corpus.db)
        print(json.dumps(record_json_schema(), indent=2))
        return EXIT_OK
    except NoArticleFound as exc:
        _fail(exc)
        return EXIT_NO_ARTICLE
    except NewsmillError as exc:
        _fail(exc)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): not an error worth a message.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    import dataclasses

    try:
        from newsmill.serve.run import serve
    except ImportError as exc:
        raise ConfigError(
            f"newsmill serve needs the [serve] extra: pip install 'newsmill[serve]' ({exc})"
        ) from exc
    if args.immutable:
        settings = dataclasses.replace(settings, serve=dataclasses.replace(settings.serve, immutable=True))
    host = settings.serve.host if args.host is None else args.host
    serve(settings, args.db or settings.corpus.db, host, args.port or settings.serve.port)
    return EXIT_OK


def _check(db: str) -> int:
    """SQLite's integrity check, the search indexes and the store's invariants: 0 sound, 1 damaged."""
    from newsmill.corpus.integrity import check_file
    from newsmill.errors import StoreCorrupt

    problems, articles = check_file(db)
    if not problems:
        print(f"ok: {db}: {articles} articles, no damage found")
        return EXIT_OK
    for problem in problems:
        print(printable(problem))
    count = f"{len(problems)} problem{'s' if len(problems) > 1 else ''}"
    _fail(StoreCorrupt(f"the store is damaged: {count} (listed above)", source=db))
    return EXIT_NO_ARTICLE


def _fail(exc: NewsmillError) -> None:
    if sys.stderr is not None:  # fd 2 closed too: the exit code is all there is
        print(f"newsmill: error: {printable(str(exc))}", file=sys.stderr)


def _analyze(args: argparse.Namespace, settings: Settings) -> int:
    published = parse_published(args.published) if args.published else None
    if args.path == "-":
        if sys.stdin is None:  # started with fd 0 closed (`<&-`)
            raise InputError("standard input is closed: nothing to read", source="<stdin>")
        data = read_stream_bytes(sys.stdin.buffer, settings.ingest, "<stdin>")
        refuse_warc(data, "<stdin>")
        document = read_source(data, url=args.url, settings=settings.ingest, name="<stdin>")
    else:
        refuse_warc(Path(args.path), args.path)
        document = read_source(Path(args.path), url=args.url, settings=settings.ingest, name=args.path)
    record = analyze_document(document, settings, published=published, snippet=args.snippet)
    if args.format == "json":
        sys.stdout.write(record.to_json(indent=args.indent or None) + "\n")
    elif args.format == "plover":
        from newsmill.analyze.events import to_plover

        sys.stdout.write(json.dumps(to_plover(record), ensure_ascii=False, indent=args.indent or None) + "\n")
    else:
        from newsmill.view import print_record

        print_record(record)
    return EXIT_OK


def _extract(args: argparse.Namespace, settings: Settings) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.table import Table

    err = Console(stderr=True)
    counts: Counter[str] = Counter()
    missed: dict[str, Counter[str]] = {SKIPPED: Counter(), FAILED: Counter()}
    out_cm: Any = open(args.jsonl, "w", encoding="utf-8") if args.jsonl else nullcontext(sys.stdout)  # noqa: SIM115
    progress = Progress(
        TextColumn("[bold]extract"),
        BarColumn(),
        TextColumn("{task.completed} documents"),
        TimeElapsedColumn(),
        console=err,
        disable=not err.is_terminal,
        transient=True,
    )

    def records() -> Iterator[Record]:
        for item in iter_documents(args.paths, settings.ingest):
            counts["read"] += 1
            record, reason = _extract_one(item, settings)
            if record is not None:
                yield record
            else:
                reason = reason or "internal_error"
                missed[outcome(reason)][reason] += 1
                if not err.is_terminal or args.verbose:
                    line = f"{outcome(reason)} {printable(str(item.source))}: {reason}"
                    err.print(line, highlight=False, markup=False)
            progress.advance(task)

    with out_cm as out, progress:
        task = progress.add_task("extract", total=None)
        # With --analyze, records stream through the analysis in nlp.pipe batches.
        stream = analyzer(settings).run(records()) if args.analyze else records()
        for record in stream:
            out.write(record.to_json() + "\n")
            counts["extracted"] += 1
    table = Table(title="newsmill extract", show_header=False)
    table.add_row("read", str(counts["read"]))
    table.add_row("extracted", str(counts["extracted"]))
    for kind in (SKIPPED, FAILED):
        for key, value in sorted(missed[kind].items()):
            table.add_row(f"{kind}: {key}", str(value))
    err.print(table)
    # Nothing extracted is a failed run, for scripts: the summary above says why.
    return EXIT_OK if counts["extracted"] else EXIT_NO_ARTICLE


def _extract_one(item: RawDocument | Skipped, settings: Settings) -> tuple[Record | None, str | None]:
    """One document's record, or the reason it has none (a counted skip, never the end of the run)."""
    if isinstance(item, Skipped):
        return None, item.reason
    try:
        return extract(item, settings), None
    except NewsmillError as exc:
        return None, reason_for(exc)


def run() -> None:
    """Console-script entry point."""
    try:
        code = main()
    except ConfigError as exc:  # raised while parsing settings outside main's guard
        _fail(exc)
        code = EXIT_BAD_INPUT
    sys.exit(code)


if __name__ == "__main__":
    run()
