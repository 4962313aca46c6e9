"""The ingest layer: bytes, paths and text become one decoded document, or a clear error.

Covers ``newsmill.ingest.decode`` (``decode_bytes``, ``check_text``, ``gunzip_bounded``),
``newsmill.ingest.source`` (``read_source``, ``sniff_format``) and ``newsmill.analyze`` fed
bytes and paths. The non-UTF-8 pages are original copy written for these tests.
"""

# ruff: noqa: E501  (the pages are verbatim prose lines; wrapping them would change them)
from __future__ import annotations

import codecs
import gzip
import io
import struct
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import newsmill
from newsmill.errors import (
    BinaryInput,
    DecodeError,
    EmptyInput,
    InputError,
    InputTooLarge,
    NewsmillError,
    NoArticleFound,
)
from newsmill.ingest.decode import check_text, decode_bytes, gunzip_bounded
from newsmill.ingest.source import RawDocument, read_source, sniff_format
from newsmill.settings import IngestSettings, Settings

DEFAULTS = IngestSettings()
MIB = 1024 * 1024

# --- Pages in Western European encodings ----------------------------------------------------

# Curly quotes, an en dash and accented names: every one of them is a cp1252 byte.
CP1252_EN_PARAGRAPH = (
    "MEXICO CITY (Reuters) – President Andrés Manuel López Obrador said on Tuesday that the state oil "
    "company Pemex would “never be privatised”, dismissing criticism from investors in São Paulo and "
    "Zürich who say the Dos Bocas refinery in Tabasco is running years behind schedule and far over budget.\n"
)
CP1252_EN_PAGE = (
    "Mexico’s president defends Pemex refinery plan\n"
    + CP1252_EN_PARAGRAPH
    + "“We’re not going to hand over the nation’s oil,” López Obrador told reporters at the Palacio "
    "Nacional, adding that the plant’s first crude would be processed before the end of the year. Critics, "
    "including the former energy regulator Guillermo García Alcocer, said the government’s figures were "
    "“optimistic at best”.\n"
)
CP1252_FR_PARAGRAPH = (
    "PARIS — Le Premier ministre a déclaré mercredi que la réforme des retraites « n’était pas "
    "négociable », malgré les grèves qui paralysent les transports depuis une semaine. « Nous irons "
    "jusqu’au bout », a-t-il affirmé devant l’Assemblée nationale, où l’opposition réclame le retrait du texte.\n"
)
CP1252_FR_PAGE = (
    "Retraites : le gouvernement maintient sa réforme malgré la grève\n"
    + CP1252_FR_PARAGRAPH
    + "À Orléans, une gérante de café, Élodie Garçon, dit avoir perdu près de 2 000 € de recettes : "
    "« C’est une année très dure pour les commerçants du centre-ville », a-t-elle expliqué.\n"
)
# Latin-1 has no curly quotes: guillemets and straight apostrophes instead.
LATIN1_FR_PAGE = (
    "Retraites : le gouvernement maintient sa réforme malgré la grève\n"
    "PARIS - Le Premier ministre a déclaré mercredi que la réforme des retraites « n'était pas "
    "négociable », malgré les grèves qui paralysent les transports depuis une semaine. « Nous irons "
    "jusqu'au bout », a-t-il affirmé devant l'Assemblée nationale, où l'opposition réclame le retrait du texte.\n"
    "À Orléans, une gérante de café, Élodie Garçon, dit avoir perdu près de 2 000 euros de recettes : "
    "« C'est une année très dure pour les commerçants du centre-ville », a-t-elle expliqué.\n"
)
LATIN1_DE_PARAGRAPH = (
    "BERLIN (dpa) - Bundeskanzler Olaf Scholz hat am Mittwoch im Bundestag den umstrittenen "
    "Haushaltsentwurf für das kommende Jahr verteidigt. Die Regierung werde «weder bei der Rente noch bei "
    "der Bildung kürzen», sagte Scholz. Die Opposition warf ihm vor, die Schuldenbremse zu umgehen. Der "
    "bayerische Ministerpräsident Markus Söder kritisierte in München die geplanten Kürzungen scharf.\n"
)

# Names Python gives the encodings whose decoding of these bytes is the right one.
WESTERN = {"cp1252", "iso8859-1", "iso8859-15"}


def _codec(name: str | None) -> str:
    assert name is not None
    return codecs.lookup(name).name


def _gzip_stream(chunk: bytes, times: int) -> bytes:
    """gzip of ``chunk * times``, built without ever holding the inflated data."""
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0) as stream:
        for _ in range(times):
            stream.write(chunk)
    return buffer.getvalue()


def _write_big_file(path: Path, size: int) -> None:
    line = b"Plain text news line that repeats to make a very large page.\n"
    chunk = line * (MIB // len(line) + 1)
    chunk = chunk[:MIB]
    with path.open("wb") as handle:
        for _ in range(size // MIB):
            handle.write(chunk)
    assert path.stat().st_size == size


# --- UTF-8, BOMs, line endings ---------------------------------------------------------------


def test_ingest_utf8_bytes_decode_verbatim(seed_path: Path, seed_text: str) -> None:
    document = read_source(seed_path.read_bytes())
    assert isinstance(document, RawDocument)
    assert document.text == seed_text
    assert document.encoding == "utf-8"
    assert document.warnings == []
    assert document.format == "text"
    assert "“importance of de-escalation”" in document.text


def test_ingest_utf8_with_bom_drops_the_bom(seed_text: str) -> None:
    text, encoding = decode_bytes(codecs.BOM_UTF8 + seed_text.encode("utf-8"), DEFAULTS)
    assert text == seed_text
    assert not text.startswith("\ufeff")
    assert encoding == "utf-8-sig"
    record = newsmill.analyze(codecs.BOM_UTF8 + seed_text.encode("utf-8"))
    assert record.text == seed_text
    assert record.extraction.warnings == []
    assert record.title is not None
    assert record.title.text == seed_text.splitlines()[0]


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
    ids=["utf16le", "utf16be"],
)
def test_ingest_utf16_with_bom(seed_text: str, bom: bytes, codec: str) -> None:
    data = bom + seed_text.encode(codec)
    text, encoding = decode_bytes(data, DEFAULTS)
    assert text == seed_text
    assert _codec(encoding).startswith("utf-16")
    record = newsmill.analyze(data)
    assert record.text == seed_text
    assert _codec(record.extraction.encoding).startswith("utf-16")
    assert any("not UTF-8" in warning for warning in record.extraction.warnings)
    assert record.dateline is not None
    assert record.dateline.name == "Islamabad"


def test_ingest_crlf_kept_verbatim_in_record_text(seed_text: str) -> None:
    crlf = seed_text.replace("\n", "\r\n")
    assert read_source(crlf.encode("utf-8")).text == crlf
    record = newsmill.analyze(crlf.encode("utf-8"))
    assert record.text == crlf
    assert "\r\n" in record.text
    for path, span in record.iter_spans():
        assert record.text[span.start : span.end] == span.text, path


# --- cp1252 / latin-1 ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [CP1252_EN_PARAGRAPH, CP1252_FR_PARAGRAPH, CP1252_EN_PAGE, CP1252_FR_PAGE],
    ids=["en-paragraph", "fr-paragraph", "en-page", "fr-page"],
)
def test_ingest_cp1252_news_text_decodes_to_the_right_characters(text: str) -> None:
    data = text.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    decoded, encoding = decode_bytes(data, DEFAULTS)
    assert decoded == text, f"decoded as {encoding}"
    assert _codec(encoding) == "cp1252"
    document = read_source(data)
    assert document.text == text
    assert document.warnings == [f"not UTF-8: decoded as {encoding}"]


@pytest.mark.parametrize("text", [CP1252_EN_PAGE, CP1252_FR_PAGE], ids=["en-page", "fr-page"])
def test_ingest_analyze_cp1252_file_records_encoding_and_warning(tmp_path: Path, text: str) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(text.encode("cp1252"))
    record = newsmill.analyze(path)
    assert record.text == text
    assert record.source == str(path)
    assert _codec(record.extraction.encoding) == "cp1252"
    decoding = [w for w in record.extraction.warnings if not w.startswith("language ")]
    assert len(decoding) == 1
    assert "not UTF-8" in decoding[0]
    assert record.extraction.encoding in decoding[0]
    assert record.title is not None
    assert record.title.text == text.splitlines()[0]
    assert "“" in record.body or "«" in record.body


@pytest.mark.parametrize("text", [LATIN1_FR_PAGE, LATIN1_DE_PARAGRAPH], ids=["fr-page", "de-paragraph"])
def test_ingest_latin1_news_text_decodes_to_the_right_characters(text: str) -> None:
    data = text.encode("latin-1")
    decoded, encoding = decode_bytes(data, DEFAULTS)
    assert decoded == text, f"decoded as {encoding}"
    # The bytes hold no 0x80-0x9F, so latin-1 and cp1252 read them alike; both are right.
    assert _codec(encoding) in WESTERN
    record = newsmill.analyze(data)
    assert record.text == text
    assert _codec(record.extraction.encoding) in WESTERN
    # A French or German page is decoded, then left unanalysed with a second warning.
    assert record.extraction.warnings[0] == f"not UTF-8: decoded as {record.extraction.encoding}"
    assert record.language in {"fr", "de"}
    assert record.extraction.warnings[1:] == [
        f"language {record.language!r}: not analysed (analysis reads en)"
    ]


# --- gzip ------------------------------------------------------------------------------------


def test_ingest_valid_gzip_page_is_decompressed(seed_text: str, tmp_path: Path) -> None:
    packed = gzip.compress(seed_text.encode("utf-8"), mtime=0)
    assert gunzip_bounded(packed, DEFAULTS.max_bytes) == seed_text.encode("utf-8")
    assert read_source(packed).text == seed_text
    path = tmp_path / "page.txt.gz"
    path.write_bytes(packed)
    record = newsmill.analyze(path)
    assert record.text == seed_text
    assert record.extraction.encoding == "utf-8"
    assert record.title is not None
    assert record.title.text == seed_text.splitlines()[0]


def test_ingest_gzip_bomb_refused_quickly() -> None:
    bomb = _gzip_stream(b"\0" * MIB, 50)  # 50 MiB of zeros in ~50 KB
    assert len(bomb) < 200_000
    small = IngestSettings(max_bytes=1_000_000)
    started = time.perf_counter()
    with pytest.raises(InputTooLarge, match="inflates past"):
        gunzip_bounded(bomb, small.max_bytes)
    with pytest.raises(InputTooLarge):
        decode_bytes(bomb, small)
    with pytest.raises(InputTooLarge):
        read_source(bomb, settings=small)
    # Default limit too: 50 MiB inflated is over 16 MiB.
    with pytest.raises(InputTooLarge):
        read_source(bomb)
    assert time.perf_counter() - started < 3.0


def test_ingest_gzip_bomb_file_refused_by_analyze(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(_gzip_stream(b"\0" * MIB, 50))
    with pytest.raises(InputTooLarge) as info:
        newsmill.analyze(path, settings=Settings(ingest=IngestSettings(max_bytes=1_000_000)))
    assert str(path) in str(info.value)


@pytest.mark.parametrize(
    "data",
    [
        b"\x1f\x8bnot really gzip at all",
        gzip.compress(b"A page of plain text that was cut off in transit.\n" * 20, mtime=0)[:-6],
        gzip.compress(b"A page.\n", mtime=0)[:12],
    ],
    ids=["bad-header", "truncated-tail", "truncated-head"],
)
def test_ingest_corrupt_gzip_is_a_decode_error(data: bytes) -> None:
    with pytest.raises(DecodeError, match="corrupt gzip") as info:
        read_source(data)
    assert isinstance(info.value, InputError)
    assert isinstance(info.value, NewsmillError)


# --- Refusals --------------------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
ZIP = b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256))
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00>\x00"


@pytest.mark.parametrize(
    ("data", "expected", "words"),
    [
        (b"", EmptyInput, "empty"),
        (b"   \n\t\r\n  \n", EmptyInput, "empty"),
        ("\u3000\u00a0\n".encode(), EmptyInput, "empty"),
        (bytes(range(256)) * 16, BinaryInput, "binary"),
        (struct.pack("<400I", *range(400)), BinaryInput, "NUL bytes"),
        (b"\x00\x01\x02\x03\xfe\xff\x00\x10" * 200, BinaryInput, "control characters"),
        (b"Some words here\x00\x00\x00 and \x00 more " * 40, BinaryInput, "binary"),
        (PNG, BinaryInput, "PNG"),
        (PDF, BinaryInput, "PDF"),
        (ZIP, BinaryInput, "ZIP"),
        (ELF, BinaryInput, "executable"),
        (gzip.compress(PNG, mtime=0), BinaryInput, "PNG"),
    ],
    ids=[
        "empty",
        "whitespace",
        "unicode-whitespace",
        "all-bytes",
        "nul-laden",
        "utf16-shaped-garbage",
        "utf8-with-nuls",
        "png",
        "pdf",
        "zip",
        "elf",
        "gzipped-png",
    ],
)
def test_ingest_refuses_what_is_not_a_page(data: bytes, expected: type[InputError], words: str) -> None:
    with pytest.raises(expected, match=words) as info:
        read_source(data, name="page.bin")
    assert info.type is expected
    assert isinstance(info.value, InputError)
    assert isinstance(info.value, NewsmillError)
    assert str(info.value).startswith(f"[{expected.code}] page.bin: ")
    with pytest.raises(expected):
        newsmill.analyze(data)


def test_ingest_too_large_bytes_and_text_with_small_limit() -> None:
    small = IngestSettings(max_bytes=100)
    page = b"Word " * 25  # 125 bytes
    with pytest.raises(InputTooLarge, match="125 bytes is over the 100-byte limit"):
        decode_bytes(page, small)
    with pytest.raises(InputTooLarge):
        read_source(page, settings=small)
    with pytest.raises(InputTooLarge):
        check_text(page.decode(), small)
    with pytest.raises(InputTooLarge):
        read_source(page.decode(), settings=small)
    with pytest.raises(InputTooLarge):
        newsmill.analyze(page.decode(), settings=Settings(ingest=small))
    # At the limit is fine.
    assert read_source(page[:100], settings=small).text == page[:100].decode()


def test_ingest_too_large_file_with_small_limit(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(b"Word " * 25)
    with pytest.raises(InputTooLarge, match="125 bytes is over the 100-byte limit") as info:
        read_source(path, settings=IngestSettings(max_bytes=100))
    assert isinstance(info.value, InputError)
    assert str(path) in str(info.value)


def test_ingest_50mb_file_refused_by_size_with_default_settings(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    _write_big_file(path, 50 * MIB)
    started = time.perf_counter()
    with pytest.raises(InputTooLarge) as info:
        newsmill.analyze(path)
    elapsed = time.perf_counter() - started
    # The message carries the file size from stat(): refused before reading the content.
    assert f"{50 * MIB:,} bytes is over the {DEFAULTS.max_bytes:,}-byte limit" in str(info.value)
    assert isinstance(info.value, InputError)
    assert elapsed < 1.0


def test_ingest_missing_path(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "page.txt"
    with pytest.raises(InputError, match="no such file") as info:
        newsmill.analyze(path)
    assert info.type is InputError
    assert isinstance(info.value, NewsmillError)
    assert str(path) in str(info.value)


def test_ingest_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory") as info:
        read_source(tmp_path)
    assert info.type is InputError
    assert str(tmp_path) in str(info.value)


def test_ingest_unsupported_source_type() -> None:
    with pytest.raises(InputError, match="cannot read a int"):
        read_source(42)  # type: ignore[arg-type]


# --- str is the page text itself -------------------------------------------------------------


def test_ingest_str_is_page_text_not_a_path(seed_path: Path, seed_text: str) -> None:
    record = newsmill.analyze(seed_text)
    assert record.text == seed_text
    assert record.source is None
    assert record.extraction.encoding is None
    # A str holding a path is text: one short line, which is no article; the file is not read.
    with pytest.raises(NoArticleFound) as info:
        newsmill.analyze(str(seed_path))
    assert isinstance(info.value, NewsmillError)
    assert read_source(str(seed_path)).text == str(seed_path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", EmptyInput), (" \n\t \r\n", EmptyInput), ("news\x00page\x00" * 50, BinaryInput)],
    ids=["empty", "whitespace", "nuls"],
)
def test_ingest_str_refusals(text: str, expected: type[InputError]) -> None:
    with pytest.raises(expected):
        check_text(text, DEFAULTS)
    with pytest.raises(expected) as info:
        newsmill.analyze(text)
    assert isinstance(info.value, InputError)


# --- sniff_format ----------------------------------------------------------------------------

HTML_DOCS = {
    "doctype": "<!DOCTYPE html>\n<html lang='en'><head><title>Budget</title></head><body><p>Text.</p></body></html>",
    "doctype-lower-indented": "\n\n   <!doctype html><html><body><article><p>Text.</p></article></body></html>",
    "html-tag": "<html>\n<head><meta charset='utf-8'></head>\n<body><p>A paragraph.</p></body>\n</html>",
    "leading-comment": "<!-- saved from url=(0041)https://example.com/news/1 -->\n<!DOCTYPE html>\n<html><body><p>x</p></body></html>",
    "xml-prolog": '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>x</p></body></html>',
    "div-fragment": '<div class="story">\n  <p>First paragraph of the story.</p>\n  <p>Second paragraph.</p>\n</div>',
    "p-fragment": "<p>Only paragraphs here.</p>\n<p>And another one.</p>",
    "section-fragment": "<section>\n<h1>Title</h1>\n<div><p>One.</p><p>Two.</p><br></div>\n<span>x</span>\n</section>",
}

TEXT_PAGES = {
    "less-than": "Inflation < 2% for the first time in a year\nPrices rose 1.9% as energy costs fell, and wages < inflation for most workers.",
    "email-inside": "Letters to the editor\nWrite to Jane Doe <jane.doe@example.com> with your views on the plan.",
    "email-first": "<a@b.c> wrote:\nThe council meeting has been moved to Thursday at 7 p.m. in the town hall.",
    "email-first-p": "<p.jones@example.com> wrote:\nThe council meeting has been moved to Thursday at 7 p.m. in the town hall.",
    "arrows": "<<< BREAKING >>>\nFloods close the main road into the city after a night of heavy rain.",
    "angle-label": "<Updated> Markets fall as oil prices climb\nShares fell on Monday in early trading.",
    "tag-in-prose": "How newsletters are built\nThe editor said the <p> tag and the <div> tag were all she needed.",
}


@pytest.mark.parametrize("text", list(HTML_DOCS.values()), ids=list(HTML_DOCS))
def test_sniff_format_html(text: str) -> None:
    assert sniff_format(text) == "html"


@pytest.mark.parametrize("text", list(TEXT_PAGES.values()), ids=list(TEXT_PAGES))
def test_sniff_format_text_with_angle_brackets(text: str) -> None:
    assert sniff_format(text) == "text"


def test_sniff_format_is_what_read_source_records(seed_text: str) -> None:
    assert read_source(seed_text).format == "text"
    assert read_source(HTML_DOCS["doctype"].encode()).format == "html"
    assert read_source(TEXT_PAGES["email-first"].encode()).format == "text"


# --- Property: any bytes give a document or a NewsmillError ---------------------------------


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2048))
def test_ingest_arbitrary_bytes_give_text_or_newsmill_error(data: bytes) -> None:
    try:
        document = read_source(data)
    except NewsmillError:
        return
    assert isinstance(document, RawDocument)
    assert isinstance(document.text, str)
    assert document.text.strip()
    assert document.format in {"text", "html"}


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cc", "Cs")),
        min_size=1,
        max_size=500,
    )
)
def test_ingest_utf8_text_round_trips(text: str) -> None:
    assume(text.strip())
    assume(not text.startswith("\ufeff"))
    assume(not text.startswith(("%PDF", "GIF8", "BZh", "RIFF")))  # magic numbers of binary formats
    data = text.encode("utf-8")
    document = read_source(data)
    assert document.text == text
    assert document.encoding == "utf-8"
    assert document.warnings == []
