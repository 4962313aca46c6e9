"""Build small WARC files in tests (the format is simple enough to write by hand)."""

from __future__ import annotations

import gzip
import uuid
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Response:
    url: str
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: str = "200 OK"
    date: str = "2024-05-14T10:00:00Z"
    content_encoding: str | None = None


def http_block(response: Response) -> bytes:
    headers = [f"HTTP/1.1 {response.status}", f"Content-Type: {response.content_type}"]
    if response.content_encoding:
        headers.append(f"Content-Encoding: {response.content_encoding}")
    headers.append(f"Content-Length: {len(response.body)}")
    return ("\r\n".join(headers) + "\r\n\r\n").encode("latin-1") + response.body


def warc_record(
    block: bytes, *, kind: str = "response", url: str = "", date: str = "2024-05-14T10:00:00Z"
) -> bytes:
    content_type = "application/http; msgtype=response" if kind == "response" else "application/warc-fields"
    head = (
        "WARC/1.0\r\n"
        f"WARC-Type: {kind}\r\n" + (f"WARC-Target-URI: {url}\r\n" if url else "") + f"WARC-Date: {date}\r\n"
        f"WARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
        f"Content-Type: {content_type}\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    )
    return head.encode("ascii") + block + b"\r\n\r\n"


def write_warc(path: Path, responses: list[Response], *, gzipped: bool = True, tail: bytes = b"") -> Path:
    """A WARC with a warcinfo record, then one response record per item; ``tail`` is appended raw."""
    records = [warc_record(b"software: newsmill-tests\r\n", kind="warcinfo")]
    records += [warc_record(http_block(r), url=r.url, date=r.date) for r in responses]
    with path.open("wb") as handle:
        for record in records:
            handle.write(gzip.compress(record, mtime=0) if gzipped else record)
        handle.write(tail)
    return path
