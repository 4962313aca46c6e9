"""The one obvious call: :func:`analyze` turns a page into a :class:`~newsmill.model.Record`."""

from __future__ import annotations

import os
from datetime import date, datetime
from functools import lru_cache

from newsmill.analyze.stage import Analyzer
from newsmill.errors import ConfigError
from newsmill.extract import extract_html, extract_text
from newsmill.extract.blocks import mark_blocks
from newsmill.extract.freshness import mark_staleness
from newsmill.extract.language import mark_language
from newsmill.extract.snippet import extract_snippet
from newsmill.ingest.source import RawDocument, Source, read_source
from newsmill.model import Published, Record
from newsmill.settings import Settings


def analyze(
    source: Source,
    *,
    url: str | None = None,
    published: str | date | datetime | None = None,
    settings: Settings | None = None,
) -> Record:
    """Read a news page and return its record.

    Args:
        source: the page. A ``str`` is the page text itself (plain text or HTML), ``bytes``
            its raw bytes (the encoding is detected), and an ``os.PathLike`` (e.g.
            ``pathlib.Path``) a file to read; ``.gz`` content is decompressed.
        url: where the page came from, kept on the record.
        published: the publication date or datetime (ISO 8601 string, ``date`` or
            ``datetime``); it overrides what the page states and anchors relative dates.
        settings: limits and thresholds; :meth:`Settings.load` by default.

    Returns:
        The record: ``text`` plus every fact as a span of it.

    Raises:
        InputError: the source is missing, a directory, empty, binary, undecodable or too large.
        NoArticleFound: the page is all furniture.
        ConfigError: ``published`` is not a date.
    """
    settings = settings or Settings.load()
    anchor = parse_published(published) if published is not None else None
    name = os.fspath(source) if isinstance(source, os.PathLike) else None
    document = read_source(source, url=url, settings=settings.ingest, name=name)
    return analyze_document(document, settings, published=anchor)


def analyze_document(
    document: RawDocument, settings: Settings, *, published: Published | None = None, snippet: bool = False
) -> Record:
    """Extract one raw document (``snippet``: as one paragraph), anchor its date, then run the
    analysis stages."""
    record = extract(document, settings, snippet=snippet)
    if published is not None:
        record.published = published
        mark_staleness(record)
    if settings.analyze.enabled:
        record = analyzer(settings).process(record)
    return record


@lru_cache(maxsize=4)
def analyzer(settings: Settings) -> Analyzer:
    """One analyzer (one model load) per process and settings."""
    return Analyzer(settings.analyze).setup()


def extract(document: RawDocument, settings: Settings, *, snippet: bool = False) -> Record:
    """The article skeleton of one raw document (crawl date and staleness included); with
    ``snippet``, the whole text as one paragraph, without article detection."""
    if snippet:
        record = extract_snippet(
            document.text,
            source=document.source,
            url=document.url,
            encoding=document.encoding,
            html=document.format == "html",
        )
        return mark_language(record)
    extractor = extract_html if document.format == "html" else extract_text
    record = extractor(
        document.text,
        source=document.source,
        url=document.url,
        encoding=document.encoding,
        warnings=document.warnings,
        settings=settings.extract,
    )
    record.crawled, record.crawled_from = document.crawled, document.crawled_from
    return mark_staleness(mark_blocks(mark_language(record)))


def parse_published(value: str | date | datetime) -> Published:
    """A user-given publication date (``--published``) as a :class:`Published`."""
    if isinstance(value, str):
        try:
            value = (
                datetime.fromisoformat(value.strip())
                if "T" in value or " " in value.strip()
                else date.fromisoformat(value.strip())
            )
        except ValueError as exc:
            raise ConfigError(
                f"published must be an ISO 8601 date such as 2022-02-27, got {value!r}"
            ) from exc
    return Published.from_value(value, "argument")
