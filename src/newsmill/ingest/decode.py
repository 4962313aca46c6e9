"""Bytes → str, with a clear error for what is not text.

UTF-8 is tried first (strictly); a byte-order mark decides UTF-16/32; anything else goes to
charset-normalizer's detection, and the record says which encoding was used. Binary data is
refused by magic number and by its share of control characters.
"""

from __future__ import annotations

import codecs
import gzip
import io
import re
import zlib

from newsmill.errors import BinaryInput, DecodeError, EmptyInput, InputTooLarge
from newsmill.settings import IngestSettings

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Leading bytes of formats that are never a news page, named for the error message.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"RIFF", "a RIFF media file"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

_GZIP_MAGIC = b"\x1f\x8b"
_WESTERN_LOOKALIKES = frozenset(
    {"cp1250", "cp1252", "latin_1", "iso8859_2", "iso8859_15", "iso8859_9", "cp1254", "cp1257", "mac_roman"}
)
# C0 controls other than tab, newline, vertical tab, form feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if not _CONTROL.match(chr(b)))


def gunzip_bounded(data: bytes, max_bytes: int, source: str | None = None) -> bytes:
    """Decompress gzip data, refusing to inflate past ``max_bytes`` (gzip bombs)."""
    out = io.BytesIO()
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            while chunk := stream.read(1 << 20):
                out.write(chunk)
                if out.tell() > max_bytes:
                    raise InputTooLarge(
                        f"gzip data inflates past the {max_bytes:,}-byte limit", source=source
                    )
    except (OSError, EOFError, zlib.error) as exc:
        raise DecodeError(f"corrupt gzip data ({exc})", source=source) from exc
    return out.getvalue()


def decode_bytes(data: bytes, settings: IngestSettings, source: str | None = None) -> tuple[str, str]:
    """Decode ``data`` to text; returns ``(text, encoding)``.

    Raises:
        InputTooLarge, EmptyInput, BinaryInput, DecodeError.
    """
    if len(data) > settings.max_bytes:
        raise InputTooLarge(
            f"{len(data):,} bytes is over the {settings.max_bytes:,}-byte limit", source=source
        )
    if data.startswith(_GZIP_MAGIC):
        data = gunzip_bounded(data, settings.max_bytes, source)
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BinaryInput(f"binary data ({what}), not a text or HTML page", source=source)
    text, encoding = _decode(data, source)
    check_text(text, settings, source)
    return text, encoding


def _decode(data: bytes, source: str | None) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {encoding} after its byte-order mark", source=source) from exc
    if b"\x00" in data[:4096]:
        if not _looks_utf16(data):
            raise BinaryInput("binary data (NUL bytes), not a text or HTML page", source=source)
        # UTF-16 without a byte-order mark: the NULs fall on the high bytes of ASCII.
        encoding = "utf-16-le" if data[1:4096:2].count(0) > data[0:4096:2].count(0) else "utf-16-be"
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            raise DecodeError(f"looks like {encoding} but does not decode", source=source) from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Imported here: detection is only needed for the minority of pages that are not UTF-8.
    from charset_normalizer import from_bytes

    best = from_bytes(data[:262144]).best()
    if best is None or best.encoding is None:
        raise DecodeError("not UTF-8 and no other encoding fits the bytes", source=source)
    encoding = best.encoding
    if encoding in _WESTERN_LOOKALIKES:
        # On short texts detection confuses the single-byte Latin code pages; as in the
        # WHATWG encoding standard, windows-1252 wins when it decodes the bytes cleanly.
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError) as exc:
        raise DecodeError(f"not UTF-8, and not {best.encoding} either", source=source) from exc


def _looks_utf16(data: bytes) -> bool:
    head = data[:4096]
    even_nuls = head[0::2].count(0)
    odd_nuls = head[1::2].count(0)
    half = max(1, len(head) // 2)
    return max(even_nuls, odd_nuls) > 0.4 * half and min(even_nuls, odd_nuls) < 0.05 * half


def check_text(text: str, settings: IngestSettings, source: str | None = None) -> None:
    """Refuse empty, oversized or binary-looking text (for str input as well as decoded bytes)."""
    if len(text) > settings.max_bytes:
        raise InputTooLarge(
            f"{len(text):,} characters is over the {settings.max_bytes:,} limit", source=source
        )
    if not text.strip():
        raise EmptyInput("the document is empty", source=source)
    sample = text[:65536]
    # Counted on the UTF-8 bytes (6x faster than a regex scan): control characters are ASCII,
    # and no byte of a multi-byte UTF-8 sequence is below 0x80.
    controls = len(sample.encode("utf-8", "surrogatepass").translate(None, _NOT_CONTROL_BYTES))
    if "\x00" in sample or controls > settings.max_control_ratio * len(sample):
        raise BinaryInput(
            f"binary data ({controls} control characters in the first {len(sample):,}), "
            "not a text or HTML page",
            source=source,
        )
