"""Issue 18's server items, each through the real server (uvicorn on loopback): no 500s from
hostile parameters, every error with the security headers, bounded queries, ..."""

from __future__ import annotations

import socket
import sqlite3
import time
from pathlib import Path

import httpx
import pytest
from tests.support.damage import damaged_copy
from tests.support.server import serving

from newsmill.cli import main
from newsmill.serve import create_app
from newsmill.serve.guard import SECURITY_HEADERS
from newsmill.settings import CorpusSettings, Settings

HEADERS = [name.decode() for name, _ in SECURITY_HEADERS]


def _has_security_headers(response: httpx.Response) -> bool:
    return all(name in response.headers for name in HEADERS)


@pytest.mark.parametrize(
    ("path", "param"),
    [("/api/quotes", "speaker_id"), ("/api/events", "actor_id"), ("/api/events", "recipient_id")],
)
def test_serve_ids_past_sqlite_integers_are_422_not_500(base_url: str, path: str, param: str) -> None:
    response = httpx.get(f"{base_url}{path}", params={param: str(2**63)}, timeout=10)
    assert response.status_code == 422 and _has_security_headers(response)
    assert httpx.get(f"{base_url}{path}", params={param: str(2**63 - 1)}, timeout=10).status_code == 200


def test_serve_deeply_nested_json_is_422_not_500(base_url: str) -> None:
    body = '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}"
    response = httpx.post(
        f"{base_url}/api/analyze", content=body, headers={"content-type": "application/json"}, timeout=30
    )
    assert response.status_code == 422 and "nested too deeply" in response.json()["detail"]
    assert _has_security_headers(response)


def test_serve_unexpected_errors_are_complete_500s_with_headers(serve_db: Path) -> None:
    app = create_app(Settings(), serve_db)

    def broken() -> None:  # stands for any bug a route may still hold
        raise OverflowError("Python int too large to convert to SQLite INTEGER")

    app.add_api_route("/api/broken", broken)
    with serving(app) as url, httpx.Client(base_url=url, timeout=10) as client:
        response = client.get("/api/broken")
        assert response.status_code == 500 and _has_security_headers(response)
        assert response.json() == {"detail": "internal error (logged on the server)"}
        # The connection survives: the next request on it is answered.
        assert client.get("/api/search", params={"q": "Kuleba"}).status_code == 200
        assert client.get("/api/broken").status_code == 500


ATTACK_QUERY = "t* " * 166  # 498 characters: 42 s on 23 articles before the caps and budget


def test_serve_search_caps_terms_and_prefixes_with_a_clear_400(base_url: str) -> None:
    started = time.monotonic()
    response = httpx.get(f"{base_url}/api/search", params={"q": ATTACK_QUERY}, timeout=60)
    assert response.status_code == 400 and "prefix terms" in response.json()["detail"]
    assert time.monotonic() - started < 2
    many = " ".join(f"word{n}" for n in range(17))
    response = httpx.get(f"{base_url}/api/search", params={"q": many, "kind": "quote"}, timeout=10)
    assert response.status_code == 400 and "more than 16 terms" in response.json()["detail"]
    assert _has_security_headers(response)
    within = "t* a* s* e* the of and to in is that for on was with by"  # 16 terms, 4 prefixes
    started = time.monotonic()
    response = httpx.get(f"{base_url}/api/search", params={"q": within, "facets": "true"}, timeout=30)
    assert response.status_code == 200 and response.json()["total"] > 0
    assert time.monotonic() - started < 2


def test_serve_search_past_its_time_budget_is_a_503(serve_db: Path) -> None:
    # Caps lifted: the time budget alone must stop the query (42 s and more without it).
    settings = Settings(corpus=CorpusSettings(max_query_terms=500, max_prefix_terms=500, query_seconds=0.5))
    with serving(create_app(settings, serve_db)) as url:
        for path in ("/api/search", "/search"):
            started = time.monotonic()
            response = httpx.get(f"{url}{path}", params={"q": ATTACK_QUERY}, timeout=120)
            elapsed = time.monotonic() - started
            assert response.status_code == 503 and _has_security_headers(response)
            assert "0.5 s budget" in response.text
            assert elapsed < 8, elapsed
        assert httpx.get(f"{url}/api/search", params={"q": "Kuleba"}, timeout=10).status_code == 200


def test_cli_search_refuses_a_query_over_the_caps(serve_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", ATTACK_QUERY, "--db", str(serve_db)]) == 2
    assert "prefix terms" in capsys.readouterr().err


@pytest.mark.parametrize("param", ["actor", "recipient", "place", "entity", "source", "q"])
def test_serve_nul_in_a_filter_is_400_not_a_wildcard(base_url: str, param: str) -> None:
    response = httpx.get(f"{base_url}/api/events", params={param: "\x00"}, timeout=10)
    assert response.status_code == 400 and "control characters" in response.json()["detail"]


def test_serve_refuses_content_length_with_chunked_encoding(base_url: str) -> None:
    host, port = base_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as conn:
        conn.sendall(
            b"POST /api/analyze HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
            b"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"
        )
        head = conn.recv(65536).split(b"\r\n\r\n")[0].lower()
    assert head.startswith(b"http/1.1 400") and b"x-content-type-options: nosniff" in head


@pytest.mark.parametrize("damage", ["articles_page_smashed", "fts_index_smashed", "record_not_zlib"])
def test_serve_damaged_store_is_a_503_naming_the_damage(serve_db: Path, tmp_path: Path, damage: str) -> None:
    db = damaged_copy(serve_db, tmp_path / "damaged.db", damage)
    first = sqlite3.connect(serve_db).execute("SELECT id FROM articles ORDER BY rowid LIMIT 1").fetchone()[0]
    paths = ["/api/search?q=minister", "/api/search?source=dawn.com&facets=true", f"/api/articles/{first}"]
    with serving(create_app(Settings(), db)) as url:
        statuses = []
        for path in [*paths, "/search?q=minister", f"/articles/{first}"]:
            response = httpx.get(url + path, timeout=30)
            assert response.status_code in (200, 503), (path, response.status_code, response.text[:300])
            assert _has_security_headers(response)
            if response.status_code == 503:
                assert "damaged" in response.text
            statuses.append(response.status_code)
        assert 503 in statuses
