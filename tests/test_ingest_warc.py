"""WARC crawls → raw documents (``newsmill.ingest.warc.iter_warc``), the ``extract`` command on a
WARC, and staleness from the WARC-Date.

Every WARC here is written by hand with ``tests/support/warcs.py``; the pages are the
``examples/html`` samples or original copy written for these tests.
"""

from __future__ import annotations

import gzip
import json
import time
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsmill
from newsmill.api import extract
from newsmill.cli import main
from newsmill.errors import NewsmillError
from newsmill.ingest.source import RawDocument
from newsmill.ingest.warc import Skipped, iter_warc
from newsmill.model import Record
from newsmill.settings import IngestSettings, Settings
from support.warcs import Response, http_block, warc_record, write_warc

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES_HTML = ROOT / "examples" / "html"
ARTICLE_PATH = EXAMPLES_HTML / "01_article_element_berlin.html"
ARTICLE = ARTICLE_PATH.read_bytes()
ARTICLE_HEADLINE = "Germany to close key rail lines for months in bid to end chronic delays"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00" + bytes(200)

FRENCH = (
    "Le pâtissier de Besançon a présenté lundi une crème brûlée géante, préparée avec des oeufs de la "
    "région et du sucre de canne, devant une foule nombreuse réunie sur la place du marché couvert."
)


def _french_page(meta: str = "", quotes: bool = False) -> str:
    headline = "“Crème brûlée” géante à Besançon" if quotes else "Crème brûlée géante à Besançon"
    return (
        f"<html><head>{meta}<title>{headline}</title></head><body><article><h1>{headline}</h1>"
        f"<p>{FRENCH}</p><p>{FRENCH}</p></article></body></html>"
    )


URLS = {
    "article": "https://ledger.example/europe/2024/05/14/germany-rail-closures",
    "png": "https://ledger.example/img/rail.png",
    "missing": "https://ledger.example/gone",
    "latin_header": "https://journal.example/latin-header",
    "latin_meta": "https://journal.example/latin-meta",
    "misdeclared": "https://journal.example/misdeclared",
    "gzip": "https://ledger.example/gzip-encoded",
    "bomb": "https://evil.example/bomb",
}
DATES = {name: f"2024-05-{10 + i:02d}T08:30:00Z" for i, name in enumerate(URLS)}


def _mixed_responses() -> list[Response]:
    bomb = gzip.compress(bytes(50_000_000), mtime=0)
    page = {
        "article": Response(URLS["article"], ARTICLE),
        "png": Response(URLS["png"], PNG, content_type="image/png"),
        "missing": Response(
            URLS["missing"], b"<html><body><h1>Not found</h1></body></html>", status="404 Not Found"
        ),
        "latin_header": Response(
            URLS["latin_header"],
            _french_page().encode("latin-1"),
            content_type="text/html; charset=iso-8859-1",
        ),
        "latin_meta": Response(
            URLS["latin_meta"],
            _french_page('<meta charset="iso-8859-1">').encode("latin-1"),
            content_type="text/html",
        ),
        "misdeclared": Response(
            URLS["misdeclared"],
            _french_page(quotes=True).encode("cp1252"),
            content_type="text/html; charset=utf-8",
        ),
        "gzip": Response(URLS["gzip"], gzip.compress(ARTICLE, mtime=0), content_encoding="gzip"),
        "bomb": Response(URLS["bomb"], bomb, content_encoding="gzip"),
    }
    for name, response in page.items():
        response.date = DATES[name]
    return list(page.values())


@pytest.fixture(scope="module", params=[True, False], ids=["warc.gz", "warc"])
def mixed_items(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, object]:
    gzipped = request.param
    path = tmp_path_factory.mktemp("warc") / ("mixed.warc.gz" if gzipped else "mixed.warc")
    write_warc(path, _mixed_responses(), gzipped=gzipped)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        items = list(iter_warc(path, IngestSettings(max_bytes=5_000_000)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    elapsed = time.perf_counter() - started
    by_url = {}
    for item in items:
        key = item.url if isinstance(item, RawDocument) else item.source
        by_url[key] = item
    return {"items": items, "by_url": by_url, "peak": peak, "elapsed": elapsed}


def _get(mixed_items: dict[str, object], name: str) -> RawDocument | Skipped:
    by_url = mixed_items["by_url"]
    assert isinstance(by_url, dict)
    assert URLS[name] in by_url, f"{name}: nothing yielded for {URLS[name]}"
    return by_url[URLS[name]]


def test_ingest_warc_one_item_per_response(mixed_items: dict[str, object]) -> None:
    items = mixed_items["items"]
    assert isinstance(items, list)
    assert len(items) == len(URLS)
    assert all(isinstance(item, RawDocument | Skipped) for item in items)


def test_ingest_warc_html_article(mixed_items: dict[str, object]) -> None:
    document = _get(mixed_items, "article")
    assert isinstance(document, RawDocument)
    assert document.format == "html"
    assert document.url == URLS["article"]
    assert document.crawled == DATES["article"]
    assert document.text == ARTICLE.decode("utf-8")
    record = extract(document, Settings())
    assert record.title is not None and record.title.text == ARTICLE_HEADLINE
    assert record.url == URLS["article"]
    assert record.crawled == DATES["article"]


def test_ingest_warc_png_skipped_non_html(mixed_items: dict[str, object]) -> None:
    skipped = _get(mixed_items, "png")
    assert isinstance(skipped, Skipped)
    assert skipped.reason == "not_html"
    assert "image/png" in skipped.detail


def test_ingest_warc_404_skipped_http_status(mixed_items: dict[str, object]) -> None:
    skipped = _get(mixed_items, "missing")
    assert isinstance(skipped, Skipped)
    assert skipped.reason == "http_status"
    assert "404" in skipped.detail


def test_ingest_warc_charset_from_http_header(mixed_items: dict[str, object]) -> None:
    document = _get(mixed_items, "latin_header")
    assert isinstance(document, RawDocument)
    assert document.encoding == "iso-8859-1"
    assert "Besançon" in document.text and "brûlée" in document.text
    assert document.crawled == DATES["latin_header"]


def test_ingest_warc_charset_from_meta(mixed_items: dict[str, object]) -> None:
    document = _get(mixed_items, "latin_meta")
    assert isinstance(document, RawDocument)
    assert document.encoding == "iso-8859-1"
    assert "Besançon" in document.text and "pâtissier" in document.text


def test_ingest_warc_misdeclared_charset_still_document(mixed_items: dict[str, object]) -> None:
    document = _get(mixed_items, "misdeclared")
    assert isinstance(document, RawDocument)
    assert document.encoding != "utf-8"
    assert "“Crème brûlée” géante à Besançon" in document.text
    record = extract(document, Settings())
    assert record.paragraphs and record.paragraphs[0].text == FRENCH


def test_ingest_warc_gzip_content_encoding_decoded(mixed_items: dict[str, object]) -> None:
    document = _get(mixed_items, "gzip")
    assert isinstance(document, RawDocument)
    assert document.text == ARTICLE.decode("utf-8")
    assert ARTICLE_HEADLINE in document.text


def test_ingest_warc_gzip_bomb_skipped_bounded(mixed_items: dict[str, object]) -> None:
    skipped = _get(mixed_items, "bomb")
    assert isinstance(skipped, Skipped)
    assert skipped.reason == "too_large"
    peak = mixed_items["peak"]
    assert isinstance(peak, int)
    assert peak < 100_000_000, f"peak traced memory {peak / 1e6:.0f} MB"
    elapsed = mixed_items["elapsed"]
    assert isinstance(elapsed, float)
    assert elapsed < 10


@pytest.mark.parametrize("gzipped", [True, False], ids=["warc.gz", "warc"])
def test_ingest_warc_truncated_last_record(tmp_path: Path, gzipped: bool) -> None:
    responses = [
        Response("https://ledger.example/one", ARTICLE, date="2024-05-14T08:00:00Z"),
        Response("https://ledger.example/two", _french_page().encode("utf-8"), date="2024-05-14T09:00:00Z"),
    ]
    last = Response("https://ledger.example/three", ARTICLE, date="2024-05-14T10:00:00Z")
    raw = warc_record(http_block(last), url=last.url, date=last.date)
    member = gzip.compress(raw, mtime=0) if gzipped else raw
    path = tmp_path / ("cut.warc.gz" if gzipped else "cut.warc")
    write_warc(path, responses, gzipped=gzipped, tail=member[: len(member) // 2])
    items = list(iter_warc(path))
    documents = [item for item in items if isinstance(item, RawDocument)]
    skipped = [item for item in items if isinstance(item, Skipped)]
    assert [d.url for d in documents] == ["https://ledger.example/one", "https://ledger.example/two"]
    assert documents[0].text == ARTICLE.decode("utf-8")
    assert len(skipped) == 1, skipped
    assert skipped[0].reason == "broken_record"
    assert items[-1] is skipped[0]


# --- The extract command on a WARC ------------------------------------------------------------------


def test_ingest_warc_cli_extract_jsonl(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    articles = sorted(EXAMPLES_HTML.glob("*.html"))
    responses = [Response(f"https://news.example/story/{i}", p.read_bytes()) for i, p in enumerate(articles)]
    responses += [
        Response("https://news.example/logo.png", PNG, content_type="image/png"),
        Response("https://news.example/gone", b"<html><body>Gone</body></html>", status="410 Gone"),
        Response(
            "https://news.example/menu",
            b'<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav></body></html>',
        ),
    ]
    warc = write_warc(tmp_path / "crawl.warc.gz", responses)
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(warc), "--jsonl", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    records = [Record.from_json(line) for line in lines]
    assert [r.url for r in records] == [f"https://news.example/story/{i}" for i in range(len(articles))]
    for record, path in zip(records, articles, strict=True):
        assert record.title is not None and record.title.text in path.read_text(encoding="utf-8")
        assert record.crawled == "2024-05-14T10:00:00Z"
        assert json.loads(record.to_json())["id"] == record.id
    err = capsys.readouterr().err
    assert "read" in err and "extracted" in err
    summary = {line.strip("│ ").split("│")[0].strip(): line for line in err.splitlines() if "│" in line}
    assert "6" in summary["read"] and str(len(articles)) in summary["extracted"]
    for reason in ("not_html", "http_status", "no_article"):
        assert any(reason in key for key in summary), (reason, err)


# --- Staleness from the crawl date ------------------------------------------------------------------

STALE_PARAGRAPHS = [
    "ODESA — Grain exporters said on Sunday that shipping from the Black Sea ports had come to a halt, "
    "leaving dozens of loaded vessels waiting at anchor while insurers reviewed their cover for the region.",
    "Traders said prices for wheat and maize had risen sharply in early trading, and that buyers in North "
    "Africa and the Middle East were already looking for other suppliers for the coming months.",
]


def _dated_page(published: str) -> bytes:
    jsonld = json.dumps(
        {"@type": "NewsArticle", "headline": "Grain ships halted", "datePublished": published}
    )
    paragraphs = "".join(f"<p>{p}</p>" for p in STALE_PARAGRAPHS)
    return (
        f'<html><head><script type="application/ld+json">{jsonld}</script></head><body>'
        f"<article><h1>Grain ships halted</h1>{paragraphs}</article></body></html>"
    ).encode()


def _records(path: Path) -> dict[str, Record]:
    records = {}
    for item in iter_warc(path):
        assert isinstance(item, RawDocument), item
        records[item.url or ""] = extract(item, Settings())
    return records


def test_ingest_warc_stale_when_crawled_long_after(tmp_path: Path) -> None:
    warc = write_warc(
        tmp_path / "stale.warc.gz",
        [
            Response("https://grain.example/old", _dated_page("2022-02-27"), date="2026-01-10T08:00:00Z"),
            Response("https://grain.example/fresh", _dated_page("2026-01-08"), date="2026-01-10T08:00:00Z"),
        ],
    )
    records = _records(warc)
    old, fresh = records["https://grain.example/old"], records["https://grain.example/fresh"]
    assert old.crawled == "2026-01-10T08:00:00Z"
    assert old.published is not None and old.published.date == "2022-02-27"
    assert old.published.found_by == "jsonld"
    assert old.stale is True
    assert old.stale_reason is not None and "crawl" in old.stale_reason and "2026-01-10" in old.stale_reason
    assert fresh.published is not None and fresh.published.date == "2026-01-08"
    assert fresh.stale is False
    assert fresh.stale_reason is None


def test_ingest_warc_seed_page_stale_from_furniture(seed_text: str) -> None:
    record = newsmill.analyze(seed_text, published="2022-02-27")
    assert record.published is not None and record.published.date == "2022-02-27"
    assert record.stale is True
    assert record.stale_reason is not None and "2026" in record.stale_reason


# --- Fuzz: random and corrupted WARC bytes ------------------------------------------------------------


def _valid_warc_bytes(gzipped: bool) -> bytes:
    responses = [
        Response("https://fuzz.example/a", ARTICLE),
        Response("https://fuzz.example/b", _french_page().encode("latin-1"), content_type="text/html"),
        Response("https://fuzz.example/c", PNG, content_type="image/png"),
        Response("https://fuzz.example/d", gzip.compress(b"<p>short</p>", mtime=0), content_encoding="gzip"),
    ]
    records = [warc_record(b"software: fuzz\r\n", kind="warcinfo")]
    records += [warc_record(http_block(r), url=r.url, date=r.date) for r in responses]
    return b"".join(gzip.compress(r, mtime=0) if gzipped else r for r in records)


VALID_WARCS = {True: _valid_warc_bytes(True), False: _valid_warc_bytes(False)}


@st.composite
def _corrupted_warc(draw: st.DrawFn) -> tuple[bytes, bool]:
    gzipped = draw(st.booleans())
    data = bytearray(VALID_WARCS[gzipped])
    for _ in range(draw(st.integers(min_value=0, max_value=8))):
        offset = draw(st.integers(min_value=0, max_value=len(data) - 1))
        data[offset] = draw(st.integers(min_value=0, max_value=255))
    if draw(st.booleans()):
        data = data[: draw(st.integers(min_value=0, max_value=len(data)))]
    return bytes(data), gzipped


_WARC_INPUTS = st.one_of(
    st.tuples(st.binary(max_size=2048), st.booleans()),
    st.tuples(
        st.sampled_from([b"WARC/1.0\r\n", b"\x1f\x8b\x08\x00"]).map(lambda b: b + bytes(32)), st.booleans()
    ),
    _corrupted_warc(),
)


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("warcfuzz")


@settings(
    derandomize=True,
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(_WARC_INPUTS)
def test_ingest_warc_fuzz_never_crashes(fuzz_dir: Path, case: tuple[bytes, bool]) -> None:
    data, gzipped = case
    path = fuzz_dir / ("fuzz.warc.gz" if gzipped else "fuzz.warc")
    path.write_bytes(data)
    try:
        items = list(iter_warc(path, IngestSettings(max_bytes=1_000_000)))
    except NewsmillError:
        return
    assert all(isinstance(item, RawDocument | Skipped) for item in items)
    for item in items:
        if isinstance(item, RawDocument):
            assert item.text.strip()
        else:
            assert item.reason
