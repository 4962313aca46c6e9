"""Many inputs → one stream of raw documents: files, folders (walked), WARC crawls.

A document that cannot be read becomes a :class:`Skipped` with the reason, so a run over a
crawl never stops on one bad page.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from newsmill.errors import NewsmillError
from newsmill.ingest.source import RawDocument, read_source
from newsmill.ingest.warc import Skipped, is_warc, iter_warc
from newsmill.reasons import reason_for
from newsmill.settings import IngestSettings

DOCUMENT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".txt.gz", ".html.gz", ".htm.gz")


def iter_paths(paths: Sequence[str | Path]) -> Iterator[Path]:
    """Files as given; folders walked in sorted order for pages and WARC files."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                name = child.name.lower()
                if child.is_file() and (name.endswith(DOCUMENT_SUFFIXES) or is_warc(child)):
                    yield child
        else:
            yield path


def iter_documents(
    paths: Sequence[str | Path], settings: IngestSettings | None = None
) -> Iterator[RawDocument | Skipped]:
    """Every document under ``paths``, or the reason it could not be read."""
    settings = settings or IngestSettings()
    for path in iter_paths(paths):
        if is_warc(path):
            try:
                yield from iter_warc(path, settings)
            except NewsmillError as exc:
                yield Skipped(str(path), reason_for(exc), exc.message)
            continue
        try:
            yield read_source(path, settings=settings, name=str(path))
        except NewsmillError as exc:
            yield Skipped(str(path), reason_for(exc), exc.message)
