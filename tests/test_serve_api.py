"""The REST API: search with filters and paging, article, entity, quotes, events, analyze, CSV,
errors (400 for malformed queries, 413/415/422 for bad bodies), read-only store under ingest."""

from __future__ import annotations

import csv
import io
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.support.corpus import make_record
from tests.support.serve import PAYLOAD_SCRIPT

from newsmill.cli import main
from newsmill.corpus.ingest import ingest
from newsmill.corpus.store import Store
from newsmill.errors import StoreError
from newsmill.serve import create_app
from newsmill.serve.deps import ReadOnlyStore
from newsmill.serve.routers.common import csv_response
from newsmill.settings import ServeSettings, Settings


@pytest.fixture(scope="module")
def client(serve_db: Path) -> TestClient:
    small_bodies = Settings(serve=ServeSettings(max_body_bytes=64 * 1024))
    return TestClient(create_app(small_bodies, serve_db), base_url="http://127.0.0.1")


def _entity_id(client: TestClient, name: str) -> int:
    entities = client.get("/api/search", params={"entity": name, "facets": "true"}).json()["facets"][
        "entities"
    ]
    return next(e["id"] for e in entities if e["name"] == name)


def test_serve_search_ranks_title_match_first_and_pages(client: TestClient) -> None:
    first = client.get("/api/search", params={"q": "Qureshi", "limit": 1}).json()
    assert first["total"] >= 2 and first["limit"] == 1 and len(first["items"]) == 1
    assert "Qureshi" in first["items"][0]["title"]
    item = first["items"][0]
    # The snippet is plain text; the matches are offsets into it (no markdown markers).
    assert "**" not in item["snippet"] and "\x02" not in item["snippet"] and item["highlights"]
    assert {item["snippet"][start:end] for start, end in item["highlights"]} == {"Qureshi"}
    second = client.get("/api/search", params={"q": "Qureshi", "limit": 1, "offset": 1}).json()
    assert second["items"][0]["article_id"] != first["items"][0]["article_id"]


def test_serve_search_filters_and_facets(client: TestClient) -> None:
    data = client.get("/api/search", params={"source": "dawn.com", "facets": "true"}).json()
    assert data["total"] == 2 and {i["source"] for i in data["items"]} == {"dawn.com"}
    assert dict(map(tuple, data["facets"]["event_types"])) == {"CONSULT": 1, "APPEAL": 1}
    assert [day for day, _ in data["facets"]["timeline"]] == ["2022-03-02", "2022-03-04"]
    typed = client.get("/api/search", params={"event_type": "APPEAL"}).json()
    assert [i["title"] for i in typed["items"]] == ["Kuleba appeals for aid"]
    dated = client.get("/api/search", params={"since": "2022-03-03", "until": "2022-03-04"}).json()
    assert {i["published"] for i in dated["items"]} == {"2022-03-04"}
    quotes = client.get("/api/search", params={"kind": "quote", "q": "Ukraine", "entity": "Qureshi"}).json()
    assert quotes["total"] >= 1 and {q["speaker"] for q in quotes["items"]} == {"Shah Mahmood Qureshi"}


@pytest.mark.parametrize("query", ['"unclosed', "(", "a AND", "OR b", ")", "( )", "!!!"])
@pytest.mark.parametrize(
    "path", ["/api/search", "/api/quotes", "/api/events", "/search", "/quotes", "/events"]
)
def test_serve_malformed_query_is_400_with_message(client: TestClient, path: str, query: str) -> None:
    response = client.get(path, params={"q": query})
    assert response.status_code == 400
    if path.startswith("/api"):
        assert response.json()["detail"]
    else:
        assert '<p class="message">' in response.text and "search" in response.text


def test_serve_bad_filters_are_client_errors(client: TestClient) -> None:
    assert client.get("/api/search", params={"since": "yesterday"}).status_code == 400
    assert client.get("/api/search", params={"kind": "tweet"}).status_code == 422
    assert client.get("/api/search", params={"limit": 0}).status_code == 422
    assert client.get("/api/search", params={"q": "x" * 501}).status_code == 422


def test_serve_article_is_the_full_record(client: TestClient, serve_db: Path) -> None:
    with Store(serve_db, create=False) as store:
        record = next(r for r in store.iter_records() if r.title and "Qureshi meets" in r.title.text)
    data = client.get(f"/api/articles/{record.id}").json()
    links = data.pop("entity_links")
    assert data == record.to_dict()
    assert set(links) == {e.id for e in record.entities}
    assert client.get("/api/articles/" + "0" * 20).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/api/articles/..%2F..%2Fetc%2Fpasswd",
        "/articles/..%2F..%2Fetc%2Fpasswd",
        "/static/../deps.py",
        "/static/%2e%2e/deps.py",
        "/static/..%2Fdeps.py",
        "/static/%2e%2e%2f%2e%2e%2fpyproject.toml",
    ],
)
def test_serve_no_path_traversal(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code in (404, 422)
    assert "import" not in response.text and "[project]" not in response.text


def test_serve_entity_roles_quotes_events_and_company(client: TestClient) -> None:
    qureshi = _entity_id(client, "Shah Mahmood Qureshi")
    data = client.get(f"/api/entities/{qureshi}").json()
    assert data["kind"] == "PERSON" and data["country"] == "PAK"
    assert ["foreign minister", 2] in data["roles"] or ("foreign minister", 2) in data["roles"]
    assert data["mentions"] >= 2
    # The seed page's Qureshi is the same identity: his quotes there count too.
    assert "We stand with the people of Ukraine" in [q["content"] for q in data["quotes"]["items"]]
    assert {q["speaker_id"] for q in data["quotes"]["items"]} == {qureshi}
    # The hand-built record's events, among those the events stage finds on the seed page.
    as_actor = data["events_as_actor"]["items"]
    assert "CONSULT" in [e["type"] for e in as_actor]
    assert "APPEAL" in [e["type"] for e in data["events_as_recipient"]["items"]]
    by_id = client.get("/api/events", params={"actor_id": qureshi, "format": "csv"}).text
    assert by_id.count("\n") == data["events_as_actor"]["total"] + 1 and "CONSULT" in by_id
    consulted = [r["text"] for e in as_actor if e["type"] == "CONSULT" for r in e["recipients"]]
    assert "Dmytro Kuleba" in consulted
    assert "Dmytro Kuleba" in {e["name"] for e in data["co_occurring"]}
    assert {"2022-03-02", "2022-03-04"} <= {day for day, _ in data["timeline"]}
    assert client.get("/api/entities/1").status_code == 404
    assert client.get("/api/entities/abc").status_code == 404


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/articles/" + "0" * 20, "no article with id '00000000000000000000'"),
        ("/articles/not-an-id", "no article with id 'not-an-id'"),
        ("/entities/12345", "no entity with id '12345'"),
        ("/entities/abc", "no entity with id 'abc'"),
        ("/entities/" + "9" * 30, "no entity with id"),
    ],
)
def test_serve_unknown_ids_are_404_with_a_plain_message(client: TestClient, path: str, message: str) -> None:
    page = client.get(path)
    assert page.status_code == 404 and "text/html" in page.headers["content-type"]
    assert message.replace("'", "&#39;") in page.text and "^[0-9a-f]" not in page.text
    api = client.get("/api" + path)
    assert api.status_code == 404 and api.json()["detail"].startswith(message)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/search?q=Qureshi",
        "/quotes",
        "/events",
        "/api-docs",
        "/api/search?q=Qureshi",
        "/api/quotes",
        "/api/events",
        "/openapi.json",
        "/static/app.css",
        "/charts.css",
        "/articles/nope",
    ],
)
def test_serve_head_answers_wherever_get_does(client: TestClient, path: str) -> None:
    got = client.get(path, follow_redirects=False)
    head = client.head(path, follow_redirects=False)
    assert head.status_code == got.status_code != 405
    assert head.content == b""
    assert head.headers.get("content-type") == got.headers.get("content-type")
    assert head.headers.get("content-length") == got.headers.get("content-length")
    assert head.headers["content-security-policy"] == got.headers["content-security-policy"]


def test_serve_quotes_by_speaker(client: TestClient) -> None:
    by_name = client.get("/api/quotes", params={"speaker": "Qureshi"}).json()
    assert by_name["total"] >= 1
    assert all("Qureshi" in (q["speaker"] or "") for q in by_name["items"])
    by_id = client.get(
        "/api/quotes", params={"speaker_id": _entity_id(client, "Shah Mahmood Qureshi")}
    ).json()
    assert "We stand with the people of Ukraine" in [q["content"] for q in by_id["items"]]
    assert by_id["total"] == by_name["total"]
    assert client.get("/api/quotes", params={"speaker": "Nobody Atall"}).json()["total"] == 0


@pytest.mark.parametrize(
    ("params", "types"),
    [
        ({"type": "CONSULT"}, ["CONSULT"]),
        ({"actor": "Kuleba"}, ["APPEAL"]),
        ({"recipient": "Kuleba"}, ["CONSULT"]),
        ({"place": "Kharkiv"}, ["APPEAL"]),
        ({"actor": "Qureshi", "recipient": "Kuleba"}, ["CONSULT"]),
        ({"actor": "Kuleba", "type": "CONSULT"}, []),
        ({"q": "asked"}, ["APPEAL"]),
    ],
)
def test_serve_events_filters(client: TestClient, params: dict[str, str], types: list[str]) -> None:
    # Among the hand-built records' events (the real pages add events of their own).
    data = client.get("/api/events", params={**params, "source": "dawn.com"}).json()
    assert [e["type"] for e in data["items"]] == types


@pytest.mark.parametrize("path", ["/api/search", "/api/search?kind=quote", "/api/quotes", "/api/events"])
def test_serve_every_list_downloads_as_csv(client: TestClient, path: str) -> None:
    joiner = "&" if "?" in path else "?"
    response = client.get(f"{path}{joiner}format=csv")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(response.text)))
    total = client.get(path).json()["total"]
    assert len(rows) == total + 1 and rows[0][0] == "article_id"


def test_serve_csv_defuses_spreadsheet_formulas() -> None:
    response = csv_response([{"a": "=HYPERLINK(1)", "b": "-2+3", "c": "plain"}], ("a", "b", "c"), "x")
    assert list(csv.reader(io.StringIO(response.body.decode())))[1] == ["'=HYPERLINK(1)", "'-2+3", "plain"]


def test_serve_analyze_returns_a_record(client: TestClient, seed_text: str) -> None:
    response = client.post("/api/analyze", json={"text": seed_text, "published": "2022-02-27"})
    assert response.status_code == 200, response.text
    record = response.json()
    assert record["published"]["date"] == "2022-02-27" and record["title"]["text"]
    assert any(e["name"] == "Shah Mahmood Qureshi" for e in record["entities"])
    raw = client.post("/api/analyze", content=seed_text.encode(), headers={"content-type": "text/plain"})
    assert raw.status_code == 200 and raw.json()["id"] == record["id"]


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"json": {"text": "   "}}, 422),
        ({"json": {"text": "Home\nNews\nSport\nShare on Facebook"}}, 422),
        ({"json": {"nope": 1}}, 422),
        ({"json": {"text": "A page.", "published": "someday"}}, 422),
        ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 422),
        ({"content": b"x", "headers": {"content-type": "image/png"}}, 415),
        ({"json": {"text": "x" * 70 * 1024}}, 413),
        (
            {
                "content": iter([b"x" * 40 * 1024, b"y" * 40 * 1024]),
                "headers": {"content-type": "text/plain"},
            },
            413,
        ),
    ],
)
def test_serve_analyze_refuses_bad_bodies(client: TestClient, kwargs: dict[str, object], status: int) -> None:
    response = client.post("/api/analyze", **kwargs)  # type: ignore[arg-type]
    assert response.status_code == status, response.text
    assert response.json()["detail"]


def test_serve_security_headers_on_every_response(client: TestClient) -> None:
    for path in ("/search", "/api/search?q=Kyiv", "/static/app.css", "/nowhere"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


def test_serve_pages_escape_page_content(client: TestClient) -> None:
    hostile = client.get("/api/search", params={"q": "Hostile headline"}).json()["items"][0]
    pages = [
        f"/articles/{hostile['article_id']}",
        "/search?q=Hostile",
        "/search?kind=quote&q=quoted",
        "/search?kind=event",
        "/quotes",
        "/events",
        f"/entities/{_entity_id(client, 'Evil Person ' + PAYLOAD_SCRIPT)}",
    ]
    for path in pages:
        html = client.get(path).text
        assert "<script>window" not in html and "<img src=x" not in html, path
        assert "javascript:window" not in html.replace("&#34;", '"').split("href=")[-1], path
    article = client.get(pages[0]).text
    assert "&lt;script&gt;window.__xss = 11&lt;/script&gt;" in article
    assert 'href="javascript:' not in article


def test_serve_store_is_read_only(serve_db: Path) -> None:
    store = ReadOnlyStore(serve_db)
    try:
        with pytest.raises(sqlite3.OperationalError, match=r"readonly|read-only|query_only"):
            store.conn.execute("DELETE FROM articles")
        assert store.count("articles") > 0
    finally:
        store.close()
    with pytest.raises(StoreError):
        ReadOnlyStore(serve_db.parent / "missing.db")
    assert not (serve_db.parent / "missing.db").exists()


def test_serve_answers_while_an_ingest_writes(serve_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "live.db"
    shutil.copy(serve_db, db)
    pages = tmp_path / "pages"
    pages.mkdir()
    for number in range(12):
        body = " ".join(
            f"Delegates from town {number} met on day {day} to agree a new water plan." for day in range(6)
        )
        (pages / f"page{number}.txt").write_text(f"Water plan {number} agreed\n\n{body}\n", encoding="utf-8")
    client = TestClient(create_app(Settings(), db), base_url="http://127.0.0.1")
    before = client.get("/api/search", params={"q": "water"}).json()["total"]
    statuses: list[int] = []
    done = threading.Event()

    def write() -> None:
        try:
            with Store(db) as store:
                ingest([pages], store, Settings(), workers=1)
                store.put_many(make_record(f"Late water story {n}", ["Water news."]) for n in range(20))
        finally:
            done.set()

    writer = threading.Thread(target=write)
    writer.start()
    while not done.is_set() or len(statuses) < 20:
        statuses.append(client.get("/api/search", params={"q": "water"}).status_code)
        statuses.append(client.get("/search", params={"q": "water"}).status_code)
    writer.join()
    assert set(statuses) == {200}
    after = client.get("/api/search", params={"q": "water"}).json()["total"]
    assert after - before == 32


def test_serve_cli_refuses_a_missing_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--db", str(tmp_path / "none.db")]) == 2
    assert "no such store" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()


def test_serve_chart_fills_quiet_days_and_sums_long_spans_per_month() -> None:
    from newsmill.serve.charts import bar_chart

    daily = bar_chart([("2022-02-27", 2), ("2022-03-02", 4)])
    assert daily is not None and daily.unit == "day" and daily.peak == 4
    assert [(b.label, b.count) for b in daily.bars] == [
        ("2022-02-27", 2),
        ("2022-02-28", 0),
        ("2022-03-01", 0),
        ("2022-03-02", 4),
    ]
    monthly = bar_chart([("2021-01-05", 1), ("2021-01-20", 2), ("2021-04-30", 5)])
    assert monthly is not None and monthly.unit == "month"
    # Quiet months are empty bars too: gaps in attention show as gaps.
    assert [(b.label, b.count) for b in monthly.bars] == [
        ("2021-01", 3),
        ("2021-02", 0),
        ("2021-03", 0),
        ("2021-04", 5),
    ]
    assert monthly.bars[0].days == ("2021-01-01", "2021-01-31")
    assert daily.bars[0].days == ("2022-02-27", "2022-02-27")
    assert bar_chart([]) is None


def test_serve_chart_svg_has_axes_counts_links_and_nothing_the_csp_refuses() -> None:
    import re

    from newsmill.serve.charts import bar_chart, render_svg, stylesheet

    chart = bar_chart([("2022-02-27", 2), ("2022-03-02", 4)])
    assert chart is not None
    svg = str(render_svg(chart, lambda bar: f"/search?since={bar.days[0]}&until={bar.days[1]}"))
    assert "<script" not in svg and "<style" not in svg and "style=" not in svg
    x_labels = re.findall(r'<g class="axis x[^"]*">.*?</g>\s*</g>', svg, re.S)[0]
    assert "2022-02-27" in x_labels and "2022-03-02" in x_labels  # a time axis with dates
    y_axis = svg[svg.index('class="axis y') :]
    assert all(f">{n}</text>" in y_axis for n in (0, 2, 4))  # a count axis in whole numbers
    assert "<title>2022-03-02: 4 articles</title>" in svg  # a tooltip per bar
    assert "<title>2022-02-28: 0 articles</title>" in svg  # quiet days are there, empty
    # Only days with articles link; & is escaped in the attribute.
    assert svg.count("xlink:href=") == 2 and "since=2022-03-02&amp;until=2022-03-02" in svg
    # Few days make a narrow chart, not a wall of blocks.
    assert chart.width <= 300 and 'width="260"' in svg
    assert "#chart-timeline" in stylesheet() and "<" not in stylesheet()


def test_serve_highlight_pieces_join_back_to_the_text(serve_db: Path) -> None:
    from newsmill.serve.highlight import pieces

    with Store(serve_db, create=False) as store:
        for record in store.iter_records():
            cut = pieces(record)
            assert "".join(p.text for p in cut) == record.text
            for index, quote in enumerate(record.quotes):
                covered = "".join(p.text for p in cut if index in p.quotes)
                assert covered == quote.content.text


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    query=st.text(alphabet=st.characters(codec="utf-8"), max_size=40)
    | st.lists(
        st.sampled_from(['"', "(", ")", "AND", "OR", "NOT", "*", "qureshi", "-", ":", "^", "NEAR"])
    ).map(" ".join),
    entity=st.none() | st.text(max_size=20),
    kind=st.sampled_from(["article", "quote", "event"]),
)
def test_serve_no_query_input_makes_a_500(
    client: TestClient, query: str, entity: str | None, kind: str
) -> None:
    params = {"q": query, "kind": kind, "facets": "true"} | ({"entity": entity} if entity is not None else {})
    assert client.get("/api/search", params=params).status_code in (200, 400)
    assert client.get("/search", params=params).status_code in (200, 400)


def test_serve_settings_load_from_env_and_refuse_bad_values() -> None:
    from newsmill.errors import ConfigError

    loaded = Settings.load(env={"NEWSMILL_SERVE__PORT": "8123", "NEWSMILL_SERVE__PAGE_SIZE": "50"})
    assert loaded.serve.port == 8123 and loaded.serve.page_size == 50
    for bad in ({"port": 0}, {"max_body_bytes": 10}, {"page_size": 600}):
        with pytest.raises(ConfigError):
            ServeSettings(**bad)  # type: ignore[arg-type]


def test_serve_cli_serves_the_store(serve_db: Path) -> None:
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "newsmill", "serve", "--db", str(serve_db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/search", params={"q": "Kuleba"}, timeout=2)
                break
            except httpx.TransportError:
                assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
                assert time.monotonic() < deadline, "newsmill serve did not start"
                time.sleep(0.2)
        assert response.status_code == 200 and response.json()["total"] >= 2
        assert (
            httpx.get(f"http://127.0.0.1:{port}/openapi.json", timeout=5).json()["info"]["title"]
            == "newsmill"
        )
    finally:
        server.terminate()
        server.wait(timeout=10)
        if server.stderr:
            server.stderr.close()


def test_serve_events_carry_their_reports_and_sources(client: TestClient) -> None:
    # One event per happening: each row says how many sentences of its article report it,
    # and, once clustered, how many articles and outlets report it across its story.
    items = client.get("/api/events", params={"type": "CONSULT", "source": "dawn.com"}).json()["items"]
    assert items and all(item["mentions"] >= 1 for item in items)
    assert all("reports" in item and "sources" in item for item in items)


def test_serve_openapi_documents_every_route_models_parameters_and_errors(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    operations = [
        (path, method, op) for path, methods in spec["paths"].items() for method, op in methods.items()
    ]
    assert len(operations) >= 6
    for path, method, op in operations:
        ok = op["responses"]["200"]["content"]["application/json"]["schema"]
        assert ok.get("$ref") or ok.get("properties"), (path, method)  # a model, not "any"
        assert all(p.get("description") for p in op.get("parameters", [])), (path, method)
        errors = {code for code in op["responses"] if code.startswith(("4", "5"))}
        assert errors, (path, method)
        for code in errors:
            schema = op["responses"][code]["content"]["application/json"]["schema"]["$ref"]
            assert schema.rsplit("/", 1)[-1] in ("ErrorBody", "HTTPValidationError")
    analyze = spec["paths"]["/api/analyze"]["post"]
    body = analyze["requestBody"]["content"]
    assert set(body) == {"application/json", "text/plain", "text/html"}
    assert body["application/json"]["schema"]["required"] == ["text"]
    assert analyze["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/Record")
    assert {"413", "415", "422"} <= set(analyze["responses"])
    assert "text/csv" in spec["paths"]["/api/quotes"]["get"]["responses"]["200"]["content"]


def test_serve_responses_match_their_documented_models(client: TestClient) -> None:
    from newsmill.model import Record
    from newsmill.serve import models

    for kind, model in (
        ("article", models.ArticleHit),
        ("quote", models.QuoteHit),
        ("event", models.EventHit),
    ):
        page = client.get("/api/search", params={"kind": kind, "facets": "true", "limit": 50}).json()
        models.SearchResponse.model_validate(page)
        assert page["items"] and all(model.model_validate(item) for item in page["items"])
    models.QuotePage.model_validate(client.get("/api/quotes", params={"limit": 100}).json())
    models.EventPage.model_validate(client.get("/api/events", params={"limit": 100}).json())
    article = client.get("/api/search").json()["items"][0]["article_id"]
    models.ArticleResponse.model_validate(client.get(f"/api/articles/{article}").json())
    models.EntityResponse.model_validate(
        client.get(f"/api/entities/{_entity_id(client, 'Dmytro Kuleba')}").json()
    )
    models.ErrorBody.model_validate(client.get("/api/articles/nope").json())
    page = (Path(__file__).parents[1] / "examples" / "text" / "04_clean_no_junk.txt").read_text()
    analysed = client.post("/api/analyze", json={"text": page})
    assert analysed.status_code == 200
    Record.model_validate(analysed.json())
