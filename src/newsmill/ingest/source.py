"""Turn what the user hands us (text, bytes, a path, stdin) into one :class:`RawDocument`."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO, Literal

from newsmill.errors import InputError, InputTooLarge
from newsmill.ingest.decode import check_text, decode_bytes
from newsmill.settings import IngestSettings

Source = str | bytes | os.PathLike[str]

_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|article|p)(?=[\s>/])",
    re.I | re.S,
)
_HTML_TAGS = re.compile(r"</?(?:p|div|br|span|a|article|section|h[1-6]|body|html)\b[^>]*>", re.I)


@dataclass(slots=True)
class RawDocument:
    """A decoded document before extraction."""

    text: str
    format: Literal["text", "html"]
    source: str | None = None
    url: str | None = None
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)
    crawled: str | None = None  # ISO 8601: WARC-Date, or the file's modification time
    crawled_from: Literal["warc", "file"] | None = None


def sniff_format(text: str) -> Literal["text", "html"]:
    """HTML when the document opens with markup or is dense with block tags."""
    if _HTML_START.match(text[:4096]):
        return "html"
    head = text[:20000]
    if head.lstrip().startswith("<") and len(_HTML_TAGS.findall(head)) >= 5:
        return "html"
    return "text"


def read_source(
    source: Source,
    *,
    url: str | None = None,
    settings: IngestSettings | None = None,
    name: str | None = None,
) -> RawDocument:
    """Read ``source``: a ``str`` is the page text itself, ``bytes`` its raw bytes, and an
    ``os.PathLike`` a file to read.

    Raises:
        InputError: missing path, a directory, empty, binary, undecodable or too large.
    """
    settings = settings or IngestSettings()
    if isinstance(source, str):
        check_text(source, settings, name)
        return RawDocument(source, sniff_format(source), name, url)
    if isinstance(source, bytes | bytearray | memoryview):
        return _from_bytes(bytes(source), name, url, settings)
    if isinstance(source, os.PathLike):
        path = Path(source)
        document = _from_bytes(read_path_bytes(path, settings), name or str(path), url, settings)
        document.crawled, document.crawled_from = file_time(path), "file"
        return document
    raise InputError(f"cannot read a {type(source).__name__}; pass str, bytes or a path")


def file_time(path: Path) -> str | None:
    """The file's modification time (UTC, ISO 8601): the crawl date of a saved page."""
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, tz=UTC).isoformat(timespec="seconds")
    except OSError:
        return None


def require_regular_file(path: Path, label: str) -> None:
    """Raise InputError unless ``path`` is a regular file: opening a FIFO waits for a writer
    forever, and a device or socket is no page."""
    if not path.exists():
        raise InputError("no such file", source=label)
    if path.is_dir():
        raise InputError("is a directory, not a file", source=label)
    if not path.is_file():
        raise InputError("not a regular file (a FIFO, socket or device); use - for a stream", source=label)


def read_path_bytes(path: Path, settings: IngestSettings) -> bytes:
    label = str(path)
    require_regular_file(path, label)
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            raise InputTooLarge(f"{size:,} bytes is over the {settings.max_bytes:,}-byte limit", source=label)
        with path.open("rb") as handle:
            return read_stream_bytes(handle, settings, label)
    except PermissionError as exc:
        raise InputError("permission denied", source=label) from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=label) from exc


def read_stream_bytes(stream: BinaryIO, settings: IngestSettings, label: str) -> bytes:
    """Read at most ``max_bytes`` (plus one, to tell that the limit was passed)."""
    data = stream.read(settings.max_bytes + 1)
    if len(data) > settings.max_bytes:
        raise InputTooLarge(f"over the {settings.max_bytes:,}-byte limit", source=label)
    return data


def _from_bytes(data: bytes, name: str | None, url: str | None, settings: IngestSettings) -> RawDocument:
    text, encoding = decode_bytes(data, settings, name)
    warnings = [] if encoding in {"utf-8", "utf-8-sig"} else [f"not UTF-8: decoded as {encoding}"]
    return RawDocument(text, sniff_format(text), name, url, encoding, warnings)
