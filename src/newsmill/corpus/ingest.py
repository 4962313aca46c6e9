"""Ingest: documents → extract → analyze (batched, one model load per process) → store.

Inputs are files, folders (walked in sorted order), globs, WARC/WARC.gz crawls and JSONL
files of ``{"url", "html" | "text", "published"?}`` objects. Each input document has a
**key** that names it without reading it:

- a page file: its absolute path, size and modification time (an edited file is new input);
- a WARC record: the crawl's absolute path and the record's index in it;
- a JSONL line: the file's absolute path and the line number.

The store keeps every processed key (``inputs``) in the same transaction as the article or
error it produced. A rerun skips the keys already there, so the same input twice stores
nothing new, and a run killed at any point (even ``kill -9``) loses at most the batch it was
writing, which the rerun redoes: the result is the store an uninterrupted run writes. Two
inputs with the same text are one article (the record id is the text's hash); the second is
marked ``duplicate`` and is not analysed again.

A document that cannot be read or holds no article gets an ``errors`` row (key, source,
code, reason) and the run goes on. With ``workers > 1`` a process pool analyses chunks of
``batch_size`` documents (each worker loads the model once) while the main process reads
inputs and is the one writer; at most two chunks per worker are in flight, so memory stays
bounded however long the stream.
"""

from __future__ import annotations

import glob
import gzip
import json
import multiprocessing
import os
import signal
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from newsmill.corpus.lock import writer_lock
from newsmill.corpus.orphans import die_with_parent
from newsmill.corpus.store import Store
from newsmill.errors import ConfigError, InputError, NewsmillError
from newsmill.ingest.source import RawDocument, read_source, require_regular_file
from newsmill.ingest.warc import Skipped, is_warc, iter_warc
from newsmill.model import Record
from newsmill.reasons import SKIPPED, code_for, reason_for
from newsmill.reasons import outcome as outcome_of
from newsmill.settings import IngestSettings, Settings

PAGE_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".txt.gz", ".html.gz", ".htm.gz")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")


# --- inputs --------------------------------------------------------------------------------


@dataclass(slots=True)
class Input:
    """One input document: its key, and how to read it (lazily, so done keys cost no read)."""

    key: str
    source: str
    read: Callable[[], RawDocument | Skipped]
    published: str | None = None


def _is_jsonl(path: Path) -> bool:
    return path.name.lower().endswith(JSONL_SUFFIXES)


def expand_paths(paths: Sequence[str | Path]) -> list[Path]:
    """The files and folders named (globs expanded); a name matching nothing is an error."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.exists():
            found.append(path)
            continue
        matches = sorted(glob.glob(str(raw), recursive=True)) if glob.has_magic(str(raw)) else []
        if not matches:
            raise InputError("no such file, folder or matching glob", source=str(raw))
        found.extend(Path(m) for m in matches)
    return found


def iter_files(paths: Sequence[str | Path]) -> Iterator[Path]:
    for path in expand_paths(paths):
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                name = child.name.lower()
                if child.is_file() and (name.endswith(PAGE_SUFFIXES) or is_warc(child) or _is_jsonl(child)):
                    yield child
        else:
            yield path


def ignored_files(paths: Sequence[str | Path]) -> list[Path]:
    """Files inside the folders named that ingest does not read: not a page, crawl or JSONL by
    their name (a PDF, a spreadsheet); hidden files aside. Named files are always read."""
    ignored = []
    for path in expand_paths(paths):
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                name = child.name.lower()
                if (
                    child.is_file()
                    and not name.startswith(".")
                    and not (name.endswith(PAGE_SUFFIXES) or is_warc(child) or _is_jsonl(child))
                ):
                    ignored.append(child)
    return ignored


def count_documents(paths: Sequence[str | Path]) -> int | None:
    """How many documents the inputs hold, when that is known without reading them (no crawls)."""
    total = 0
    for path in iter_files(paths):
        if is_warc(path) or _is_jsonl(path):
            return None
        total += 1
    return total


def iter_inputs(paths: Sequence[str | Path], settings: IngestSettings | None = None) -> Iterator[Input]:
    """Every input document under ``paths`` with its key (see the module doc)."""
    settings = settings or IngestSettings()
    for path in iter_files(paths):
        where = str(path.resolve())
        if is_warc(path):
            yield from _warc_inputs(path, where, settings)
        elif _is_jsonl(path):
            yield from _jsonl_inputs(path, where, settings)
        else:
            try:
                stat = path.stat()
                key = f"{where}@{stat.st_size}:{stat.st_mtime_ns}"
            except OSError:
                key = where
            yield Input(key, str(path), lambda path=path: _read_file(path, settings))


def _read_file(path: Path, settings: IngestSettings) -> RawDocument | Skipped:
    try:
        return read_source(path, settings=settings, name=str(path))
    except NewsmillError as exc:
        return Skipped(str(path), reason_for(exc), exc.message)
    except Exception as exc:  # a reader bug on one file must not end the run
        return Skipped(str(path), "internal_error", f"{type(exc).__name__}: {exc}")


def _warc_inputs(path: Path, where: str, settings: IngestSettings) -> Iterator[Input]:
    try:
        for index, item in enumerate(iter_warc(path, settings)):
            yield Input(f"{where}#{index}", item.source or f"{path}#{index}", lambda item=item: item)
    except NewsmillError as exc:
        skipped = Skipped(str(path), reason_for(exc), str(exc))
        yield Input(f"{where}#open", str(path), lambda: skipped)


def _jsonl_inputs(path: Path, where: str, settings: IngestSettings) -> Iterator[Input]:
    opener: Any = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        require_regular_file(path, str(path))
        handle = opener(path, "rt", encoding="utf-8", errors="replace")
    except InputError as exc:
        skipped = Skipped(str(path), "InputError", exc.message)
        yield Input(f"{where}#open", str(path), lambda: skipped)
        return
    except OSError as exc:
        skipped = Skipped(str(path), "unreadable", f"cannot open: {exc.strerror or exc}")
        yield Input(f"{where}#open", str(path), lambda: skipped)
        return
    with handle:
        number = 0
        while True:
            try:
                line = handle.readline(settings.max_bytes + 1)
            except (OSError, EOFError) as exc:  # a truncated .gz
                skipped = Skipped(f"{path}:{number + 1}", "broken_record", f"the file breaks here: {exc}")
                yield Input(f"{where}#{number + 1}", f"{path}:{number + 1}", lambda s=skipped: s)
                return
            if not line:
                return
            number += 1
            if len(line) > settings.max_bytes:
                # The rest of an over-long line is read (and dropped) so the next line starts right.
                while line and not line.endswith("\n"):
                    line = handle.readline(settings.max_bytes + 1)
                skipped = Skipped(f"{path}:{number}", "too_large", "line over the byte limit")
                yield Input(f"{where}#{number}", f"{path}:{number}", lambda s=skipped: s)
                continue
            if not line.strip():
                continue
            try:
                yield _jsonl_input(line, f"{where}#{number}", f"{path}:{number}", settings)
            except Exception as exc:  # one poison line is an error row, never the end of the run
                skipped = Skipped(f"{path}:{number}", type(exc).__name__, f"internal error: {exc}")
                yield Input(f"{where}#{number}", f"{path}:{number}", lambda s=skipped: s)


def _jsonl_input(line: str, key: str, label: str, settings: IngestSettings) -> Input:
    def fail(source: str, reason: str, detail: str) -> Input:
        skipped = Skipped(source, reason, detail)
        return Input(key, source, lambda: skipped)

    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        return fail(label, "bad_json", f"not a JSON object: {exc.msg}")
    except RecursionError:  # e.g. 100,000 '[': the decoder recurses once per level
        return fail(label, "bad_json", "nested too deeply to be a page")
    if not isinstance(data, dict):
        return fail(label, "bad_json", "not a JSON object")
    url = data.get("url") if isinstance(data.get("url"), str) else None
    source = url or label
    content = data.get("html") if isinstance(data.get("html"), str) else data.get("text")
    if not isinstance(content, str):
        return fail(source, "bad_json", 'needs a string "html" or "text"')
    published = data.get("published") if isinstance(data.get("published"), str) else None
    title = data.get("title") if isinstance(data.get("title"), str) else None
    if title and "text" in data and "html" not in data:
        content = _with_title(content, title)

    def read() -> RawDocument | Skipped:
        try:
            document = read_source(content, url=url, settings=settings, name=source)
        except NewsmillError as exc:
            return Skipped(source, reason_for(exc), exc.message)
        if "html" in data:
            document.format = "html"
        return document

    return Input(key, source, read, published)


def _with_title(text: str, title: str) -> str:
    """A scraper's text with its ``title`` as the first line, where extraction looks for the
    headline (a title the text already opens with is not repeated)."""
    title = " ".join(title.split())
    head = text.lstrip()[: len(title) + 200]
    if not title or " ".join(head.split()).startswith(title):
        return text
    return f"{title}\n\n{text}"


# --- processing (in a worker or in-process) ------------------------------------------------


@dataclass(slots=True)
class Job:
    key: str
    document: RawDocument
    published: str | None


@dataclass(slots=True)
class Outcome:
    """What became of one input: a record to store, a duplicate of a stored one, or an error."""

    key: str
    source: str | None
    record: Record | None = None
    duplicate_of: str | None = None
    code: str = ""
    kind: str = ""
    message: str = ""


def _failure(key: str, source: str | None, exc: BaseException) -> Outcome:
    code = exc.code if isinstance(exc, NewsmillError) else "E999"
    message = exc.message if isinstance(exc, NewsmillError) else f"internal error: {exc}"
    return Outcome(key, source, code=code, kind=reason_for(exc), message=message)


def process(jobs: list[Job], settings: Settings, stored: Callable[[list[str]], set[str]]) -> list[Outcome]:
    """Extract and analyse a chunk of documents; ``stored`` says which record ids need no work."""
    from newsmill.api import analyzer, extract, parse_published
    from newsmill.extract.freshness import mark_staleness

    outcomes: list[Outcome] = []
    pending: list[tuple[Job, Record]] = []
    for job in jobs:
        try:
            record = extract(job.document, settings)
            if job.published:
                record.published = parse_published(job.published)
                mark_staleness(record)
        except Exception as exc:  # one bad page must not end the run: it is recorded
            outcomes.append(_failure(job.key, job.document.source, exc))
            continue
        pending.append((job, record))
    known = stored([record.id for _, record in pending])
    fresh = []
    for job, record in pending:
        if record.id in known:
            outcomes.append(Outcome(job.key, job.document.source, duplicate_of=record.id))
        else:
            fresh.append((job, record))
    if not settings.analyze.enabled:
        return outcomes + [Outcome(job.key, job.document.source, record=record) for job, record in fresh]
    stage = analyzer(settings)
    try:
        # The batched path: one nlp.pipe over the chunk.
        analysed = list(stage.run(record for _, record in fresh))
        pairs = zip(fresh, analysed, strict=True)
        return outcomes + [Outcome(job.key, job.document.source, record=r) for (job, _), r in pairs]
    except Exception:  # a record broke the batch: analyse one by one to find it, keep the rest
        pass
    for job, record in fresh:
        try:
            outcomes.append(Outcome(job.key, job.document.source, record=stage.process(record)))
        except Exception as exc:
            outcomes.append(_failure(job.key, job.document.source, exc))
    return outcomes


_WORKER: dict[str, Any] = {}


def _init_worker(settings: Settings, db: str, parent_pid: int) -> None:
    die_with_parent(parent_pid)  # a kill -9 of the parent must not leave workers behind
    # Ctrl-C goes to the whole process group: the parent handles it and stops the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from newsmill.api import analyzer

    _WORKER["settings"] = settings
    _WORKER["store"] = Store(db, settings.corpus, create=False)  # reads only: which ids are stored
    if settings.analyze.enabled:
        analyzer(settings)  # the one model load of this process


def _work(jobs: list[Job]) -> list[Outcome]:
    store = _WORKER["store"]
    return process(jobs, _WORKER["settings"], store.existing_ids)


# --- the run -------------------------------------------------------------------------------


@dataclass
class IngestSummary:
    seen: int = 0  # input documents found
    already: int = 0  # skipped: processed by an earlier run
    stored: int = 0  # new articles
    duplicates: int = 0  # same text as a stored article
    errors: Counter[str] = field(default_factory=Counter)  # failed, by reason (newsmill.reasons)
    skipped: Counter[str] = field(default_factory=Counter)  # not pages (a crawl's 404s), by reason
    identities: int | None = None
    clusters: Any = None

    @property
    def failed(self) -> int:
        return sum(self.errors.values())


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def ingest(
    paths: Sequence[str | Path],
    store: Store,
    settings: Settings | None = None,
    *,
    workers: int | None = None,
    on_progress: Callable[[IngestSummary], None] | None = None,
    finalize: bool = True,
    published: str | None = None,
) -> IngestSummary:
    """Ingest ``paths`` into ``store``; see the module doc.

    Args:
        workers: analysis processes (default ``settings.corpus.workers``); 1 runs in-process.
        on_progress: called after each stored batch with the running summary.
        finalize: link identities and recompute clusters at the end when anything changed.
        published: the publication date of documents that do not carry one of their own.

    Raises:
        InputError: a path that names nothing. StoreBusy: another ingest is writing the
        store. ``KeyboardInterrupt`` leaves every committed batch in place; rerun to finish.
    """
    settings = settings or Settings.load()
    workers = workers or settings.corpus.workers
    if workers < 1:
        raise ConfigError("--workers must be at least 1")
    expand_paths(paths)  # fail fast on a name that matches nothing
    with writer_lock(store.path):  # one ingest per store at a time: StoreBusy for a second
        return _ingest(paths, store, settings, workers, on_progress, finalize, published)


def _ingest(
    paths: Sequence[str | Path],
    store: Store,
    settings: Settings,
    workers: int,
    on_progress: Callable[[IngestSummary], None] | None,
    finalize: bool,
    published: str | None = None,
) -> IngestSummary:
    summary = IngestSummary()
    size = settings.corpus.batch_size

    def todo() -> Iterator[list[Job]]:
        for chunk in _chunks(iter_inputs(paths, settings.ingest), size):
            summary.seen += len(chunk)
            done = store.done_keys([i.key for i in chunk])
            summary.already += len(done)
            jobs: list[Job] = []
            failures: list[Outcome] = []
            for item in chunk:
                if item.key in done:
                    continue
                try:
                    document = item.read()
                except Exception as exc:  # a reader bug on one document must not end the run
                    document = Skipped(item.source, type(exc).__name__, f"internal error: {exc}")
                if isinstance(document, Skipped):
                    failures.append(
                        Outcome(
                            item.key,
                            document.source,
                            code=_code(document),
                            kind=document.reason,
                            message=document.detail or document.reason,
                        )
                    )
                else:
                    jobs.append(Job(item.key, document, item.published or published))
            if failures:
                _write(store, failures, summary, on_progress)
            if jobs:
                yield jobs
            elif done and on_progress:
                on_progress(summary)

    if workers == 1:
        for jobs in todo():
            _write(store, process(jobs, settings, store.existing_ids), summary, on_progress)
    else:
        _run_pool(todo(), store, settings, workers, summary, on_progress)
    if finalize and (summary.stored or _stale(store)):
        from newsmill.corpus.clusters import cluster
        from newsmill.corpus.crossdoc import link_entities

        summary.identities = link_entities(store)
        summary.clusters = cluster(store)
    return summary


def _code(skipped: Skipped) -> str:
    return code_for(skipped.reason)


def _run_pool(
    chunks: Iterator[list[Job]],
    store: Store,
    settings: Settings,
    workers: int,
    summary: IngestSummary,
    on_progress: Callable[[IngestSummary], None] | None,
) -> None:
    # spawn, not fork: the parent holds a SQLite connection and rich's refresh thread, neither
    # of which may be inherited; each worker imports newsmill and loads the model once.
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(
        workers,
        mp_context=context,
        initializer=_init_worker,
        initargs=(settings, str(store.path), os.getpid()),
    )
    in_flight: set[Future[list[Outcome]]] = set()
    try:
        for jobs in chunks:
            in_flight.add(pool.submit(_work, jobs))
            while len(in_flight) >= 2 * workers:
                done, in_flight = wait(in_flight, return_when=FIRST_COMPLETED)
                for future in done:
                    _write(store, future.result(), summary, on_progress)
        for future in in_flight:
            _write(store, future.result(), summary, on_progress)
        in_flight = set()
    finally:
        pool.shutdown(wait=not in_flight, cancel_futures=True)


def _write(
    store: Store,
    outcomes: list[Outcome],
    summary: IngestSummary,
    on_progress: Callable[[IngestSummary], None] | None,
) -> None:
    """One transaction per batch: articles, their input keys and the errors go in together."""
    with store.transaction():
        for outcome in outcomes:
            if outcome.record is not None:
                if store.put(outcome.record, input_key=outcome.key):
                    summary.stored += 1
                else:
                    summary.duplicates += 1
            elif outcome.duplicate_of is not None:
                store.mark_input(outcome.key, outcome.duplicate_of, "duplicate")
                summary.duplicates += 1
            else:
                store.add_error(outcome.key, outcome.source, outcome.code, outcome.kind, outcome.message)
                tally = summary.skipped if outcome_of(outcome.kind) == SKIPPED else summary.errors
                tally[outcome.kind] += 1
    if on_progress:
        on_progress(summary)


def _stale(store: Store) -> bool:
    """Articles the identity and cluster passes have not seen (e.g. a run killed before them)."""
    conn = store.conn
    return bool(
        conn.execute("SELECT EXISTS (SELECT 1 FROM articles WHERE cluster_id IS NULL)").fetchone()[0]
        or conn.execute("SELECT EXISTS (SELECT 1 FROM article_entities WHERE entity_id IS NULL)").fetchone()[
            0
        ]
    )
