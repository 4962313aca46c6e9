"""WARC and WARC.gz crawls → raw documents, streamed with FastWARC.

Only HTTP ``response`` records are read. Each one becomes a :class:`RawDocument` (with the
target URL and the WARC-Date as crawl date) or a :class:`Skipped` saying why not: non-HTML
content type, an HTTP error status, a payload over the size limit, bytes that are not text.
A record that cannot be parsed is skipped and counted; a file whose stream breaks ends with
one ``Skipped`` for the rest of it. Memory stays bounded: payloads are read at most
``max_bytes + 1`` at a time, also when they are gzip-encoded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsmill.errors import ConfigError, InputError, NewsmillError
from newsmill.ingest.decode import check_text, decode_bytes
from newsmill.ingest.source import RawDocument, require_regular_file, sniff_format
from newsmill.reasons import reason_for
from newsmill.settings import IngestSettings

HTML_TYPES = ("text/html", "application/xhtml+xml", "application/xml", "text/xml")
WARC_SUFFIXES = (".warc", ".warc.gz", ".warc.zst", ".warc.lz4")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.I)


@dataclass(slots=True, frozen=True)
class Skipped:
    """A record that yields no document, and why (a counter name for the run summary)."""

    source: str
    reason: str
    detail: str = ""


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def looks_like_warc(head: bytes) -> bool:
    """The first bytes of a file are a WARC record (plain, or the start of a gzip member)."""
    if head[:2] == b"\x1f\x8b":
        import zlib

        try:
            head = zlib.decompressobj(wbits=31).decompress(head, 16)
        except zlib.error:
            return False
    return head.startswith(b"WARC/")


def refuse_warc(source: Path | bytes, label: str) -> None:
    """A crawl given where one page is expected gets a pointer to the commands that read crawls,
    not a decoding error ("not UTF-8, and not utf_8 either").

    Raises:
        InputError: ``source`` is a WARC file (by name or by its first bytes).
    """
    if isinstance(source, Path):
        if not source.is_file():
            return  # a FIFO or a device would block the peek: read_source says what it is
        if not is_warc(source):
            try:
                with source.open("rb") as handle:
                    head = handle.read(512)
            except OSError:
                return  # reading it fails later with the usual message
            if not looks_like_warc(head):
                return
    elif not looks_like_warc(source[:512]):
        return
    name = label if isinstance(source, Path) else "crawl.warc.gz"  # stdin: save it to a file
    raise InputError(
        "a WARC crawl holds many pages, not one: read it with `newsmill extract "
        f"{name} --jsonl out.jsonl` or `newsmill ingest {name} --db news.db`",
        source=label,
    )


def iter_warc(path: Path, settings: IngestSettings | None = None) -> Iterator[RawDocument | Skipped]:
    """Every HTTP response of a WARC file, as a document or a reason to skip it."""
    try:
        from fastwarc.warc import ArchiveIterator, WarcRecordType
    except ImportError as exc:  # an optional extra: say how to get it
        raise ConfigError("reading WARC files needs the warc extra: pip install 'newsmill[warc]'") from exc

    settings = settings or IngestSettings()
    label = str(path)
    require_regular_file(path, label)
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed in the finally below
    except OSError as exc:
        raise InputError(f"cannot open WARC: {exc.strerror or exc}", source=label) from exc
    try:
        records = ArchiveIterator(
            stream,
            record_types=WarcRecordType.response,
            parse_http=True,
            auto_decode="all",
            fsspec_args=False,
        )
        index = 0
        while True:
            try:
                record = next(records)
            except StopIteration:
                return
            except (OSError, ValueError) as exc:
                yield Skipped(f"{label}#{index}", "broken_record", f"the WARC stream breaks here: {exc}")
                return
            index += 1
            yield _document(record, label, index, settings)
    finally:
        stream.close()


def _document(record, label: str, index: int, settings: IngestSettings) -> RawDocument | Skipped:  # type: ignore[no-untyped-def]
    url = record.headers.get("WARC-Target-URI") or None
    where = url or f"{label}#{index}"
    crawled = record.headers.get("WARC-Date") or None
    try:
        status = record.http_headers.status_code if record.http_headers is not None else None
    except (AttributeError, ValueError):
        status = None
    if status is not None and not 200 <= status < 300:
        return Skipped(where, "http_status", str(status))
    content_type = (record.http_content_type or "").lower()
    if content_type and not content_type.startswith(HTML_TYPES):
        return Skipped(where, "not_html", content_type)
    try:
        payload = record.reader.read(settings.max_bytes + 1)
    except (OSError, ValueError) as exc:
        return Skipped(where, "broken_record", str(exc))
    if len(payload) > settings.max_bytes:
        return Skipped(where, "too_large", f"over {settings.max_bytes:,} bytes")
    encoded = record.http_headers is not None and record.http_headers.get("Content-Encoding")
    if not encoded and len(payload) < record.content_length:
        # The file ends inside this record: what was read is a fragment, not the page.
        return Skipped(
            where, "broken_record", f"truncated: {len(payload):,} of {record.content_length:,} bytes"
        )
    if not payload.strip():
        return Skipped(where, "empty")
    try:
        text, encoding = decode_payload(payload, record.http_charset, settings, where)
    except NewsmillError as exc:
        return Skipped(where, reason_for(exc), exc.message)
    warnings = (
        [] if encoding.replace("_", "-") in {"utf-8", "utf-8-sig", "ascii"} else [f"decoded as {encoding}"]
    )
    return RawDocument(
        text=text,
        format="html" if content_type or sniff_format(text) == "html" else "text",
        source=where,
        url=url,
        encoding=encoding,
        warnings=warnings,
        crawled=crawled,
        crawled_from="warc" if crawled else None,
    )


def decode_payload(
    payload: bytes, http_charset: str | None, settings: IngestSettings, where: str
) -> tuple[str, str]:
    """Charset from the HTTP header, then a <meta> charset, then detection."""
    declared = [http_charset] if http_charset else []
    meta = _META_CHARSET.search(payload[:4096])
    if meta:
        declared.append(meta.group(1).decode("ascii", "ignore"))
    for charset in declared:
        try:
            text = payload.decode(charset.strip().lower())
        except (LookupError, UnicodeDecodeError):
            continue  # a mis-declared charset: try the next clue
        check_text(text, settings, where)
        return text, charset.strip().lower()
    return decode_bytes(payload, settings, where)
