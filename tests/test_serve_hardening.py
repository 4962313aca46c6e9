"""Issue 18's server items, each through the real server (uvicorn on loopback): no 500s from
hostile parameters, every error with the security headers, bounded queries, ..."""

from __future__ import annotations

import hashlib
import socket
import sqlite3
import threading
import time
from pathlib import Path

import httpx
import pytest
from tests.conftest import EXAMPLES
from tests.support.damage import damaged_copy
from tests.support.server import serving

from newsmill.cli import main
from newsmill.errors import ConfigError
from newsmill.serve import create_app
from newsmill.serve.guard import SECURITY_HEADERS
from newsmill.serve.run import exposure
from newsmill.settings import CorpusSettings, ServeSettings, Settings

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


# --- off loopback (item 4) -----------------------------------------------------------------


def test_serve_refuses_foreign_host_headers(base_url: str) -> None:
    port = base_url.rsplit(":", 1)[1]
    # DNS rebinding: a hostile page whose name now resolves to 127.0.0.1 sends its own name.
    rebound = httpx.get(
        f"{base_url}/api/search?q=Kuleba", headers={"host": f"evil.example:{port}"}, timeout=10
    )
    assert rebound.status_code == 400 and _has_security_headers(rebound)
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", "localhost"):
        assert (
            httpx.get(f"{base_url}/api/search?q=Kuleba", headers={"host": host}, timeout=10).status_code
            == 200
        )


def test_serve_refuses_cross_origin_posts(base_url: str) -> None:
    blank = {"content": b"   ", "timeout": 10}
    own = {"content-type": "text/plain", "origin": base_url}
    assert httpx.post(f"{base_url}/api/analyze", headers=own, **blank).status_code == 422  # reached the route
    for headers in (
        {"content-type": "text/plain", "origin": "http://evil.example"},  # a form or fetch from another site
        {"content-type": "text/plain", "origin": "null"},  # a sandboxed frame or a file
        {"content-type": "text/plain", "sec-fetch-site": "cross-site"},
    ):
        response = httpx.post(f"{base_url}/api/analyze", headers=headers, **blank)
        assert response.status_code == 403 and _has_security_headers(response), headers
    assert (
        httpx.post(f"{base_url}/api/analyze", headers={"content-type": "text/plain"}, **blank).status_code
        == 422
    )


def test_serve_token_guards_every_request(serve_db: Path) -> None:
    token = "a-long-enough-secret-token"
    settings = Settings(serve=ServeSettings(token=token))
    with serving(create_app(settings, serve_db), settings.serve) as url:
        for path in ("/api/search?q=Kuleba", "/", "/static/app.css", "/openapi.json"):
            refused = httpx.get(url + path, timeout=10)
            assert refused.status_code == 401 and refused.headers["www-authenticate"].startswith("Bearer")
        wrong = httpx.get(f"{url}/api/search?q=Kuleba", headers={"authorization": "Bearer nope"}, timeout=10)
        assert wrong.status_code == 401
        right = httpx.get(
            f"{url}/api/search?q=Kuleba", headers={"authorization": f"Bearer {token}"}, timeout=10
        )
        assert right.status_code == 200 and right.json()["total"] >= 1
        with httpx.Client(base_url=url, timeout=10) as browser:
            opened = browser.get(f"/search?q=Kuleba&token={token}")
            assert opened.status_code == 303 and opened.headers["location"] == "/search?q=Kuleba"
            assert "HttpOnly" in opened.headers["set-cookie"]
            assert browser.get("/search?q=Kuleba").status_code == 200  # the cookie carries it now


def test_serve_off_loopback_needs_a_token(serve_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for host in ("0.0.0.0", "192.0.2.7", "news.example.org"):
        assert main(["serve", "--db", str(serve_db), "--host", host]) == 2  # refused before binding
        assert "needs a token" in capsys.readouterr().err
    tokened = ServeSettings(token="a-long-enough-secret-token")
    settings, warnings = exposure(tokened, "0.0.0.0")
    assert any("every interface" in w for w in warnings) and any("allowed_hosts" in w for w in warnings)
    settings, warnings = exposure(tokened, "192.0.2.7")
    assert warnings == [] and "192.0.2.7" in settings.allowed_hosts
    assert exposure(ServeSettings(), "127.0.0.1") == (ServeSettings(), [])
    with pytest.raises(ConfigError):
        ServeSettings(token="short")


# --- slow clients (item 5) -----------------------------------------------------------------


def _closed_within(conn: socket.socket, seconds: float, trickle: bytes = b"") -> float | None:
    """Seconds until the server closed ``conn`` (trickling a header line every 0.3 s), or None."""
    started = time.monotonic()
    conn.settimeout(0.3)
    while time.monotonic() - started < seconds:
        try:
            if conn.recv(4096) == b"":
                return time.monotonic() - started
        except TimeoutError:
            if trickle:
                try:
                    conn.sendall(trickle)
                except OSError:
                    return time.monotonic() - started
        except OSError:
            return time.monotonic() - started
    return None


def test_serve_closes_slow_and_silent_clients_and_bounds_connections(serve_db: Path) -> None:
    limits = ServeSettings(header_timeout=1.0, max_connections=4, max_header_bytes=2048)
    with serving(create_app(Settings(serve=limits), serve_db), limits) as url:
        host, port = url.removeprefix("http://").split(":")
        address = (host, int(port))
        slow = socket.create_connection(address)
        slow.sendall(b"GET /api/search?q=Kuleba HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        silent = socket.create_connection(address)
        closed = _closed_within(slow, 6, trickle=b"X-Slow: 1\r\n")
        assert closed is not None and closed < 3, closed  # one header line every 0.3 s: cut at 1 s
        assert _closed_within(silent, 6) is not None
        slow.close()
        silent.close()
        held = [socket.create_connection(address) for _ in range(4)]
        try:
            for conn in held:
                conn.sendall(b"GET / HTTP/1.1\r\n")
            time.sleep(0.2)
            assert httpx.get(f"{url}/api/search?q=Kuleba", timeout=10).status_code == 503
        finally:
            for conn in held:
                conn.close()
        time.sleep(0.2)
        big = httpx.get(f"{url}/api/search?q=Kuleba", headers={"x-big": "x" * 4096}, timeout=10)
        assert big.status_code in (400, 431)
        assert httpx.get(f"{url}/api/search?q=Kuleba", timeout=10).status_code == 200


# --- read-only media (item 6) --------------------------------------------------------------


def _wal_copy(source: Path, target: Path) -> Path:
    """A copy in WAL mode with no -wal/-shm beside it (as on a read-only mount)."""
    conn = sqlite3.connect(target)
    sqlite3.connect(source).backup(conn)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()  # the last connection folds the WAL in and removes both side files
    return target


def test_serve_immutable_store_writes_nothing(serve_db: Path, tmp_path: Path) -> None:
    db = _wal_copy(serve_db, tmp_path / "snapshot.db")
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    settings = Settings(serve=ServeSettings(immutable=True))
    with serving(create_app(settings, db), settings.serve) as url:
        assert httpx.get(f"{url}/api/search?q=Kuleba&facets=true", timeout=10).json()["total"] >= 1
        assert httpx.get(f"{url}/search?q=Kuleba", timeout=10).status_code == 200
        assert sorted(p.name for p in tmp_path.iterdir()) == ["snapshot.db"]  # no -wal, no -shm
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    # Without it the server follows a live writer, which needs the side files.
    with serving(create_app(Settings(), db)) as url:
        assert httpx.get(f"{url}/api/search?q=Kuleba", timeout=10).status_code == 200
        assert {p.name for p in tmp_path.iterdir()} > {"snapshot.db"}


# --- analyses in bounded workers (item 2) --------------------------------------------------


def _long_page() -> str:
    """About 90,000 characters of real articles: seconds of analysis, a stand-in for a
    hostile page (deep nesting no longer is one: extraction flattens it in linear time)."""
    texts = sorted(p for folder in ("text", "beats", "everyday") for p in (EXAMPLES / folder).glob("*.txt"))
    return "A very long page\n\n" + "\n\n".join(p.read_text(encoding="utf-8") for p in texts)


def _post(url: str, text: str, results: list[httpx.Response]) -> None:
    results.append(httpx.post(f"{url}/api/analyze", json={"text": text}, timeout=300))


def _p95(latencies: list[float]) -> float:
    ordered = sorted(latencies)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def _search_latencies(url: str, count: int) -> list[float]:
    latencies = []
    with httpx.Client(base_url=url, timeout=60) as client:
        for n in range(count):
            started = time.monotonic()
            assert (
                client.get("/api/search", params={"q": ("Kuleba", "minister", "Qureshi")[n % 3]}).status_code
                == 200
            )
            latencies.append(time.monotonic() - started)
    return latencies


def test_serve_analyses_are_bounded_and_searches_never_wait_on_them(serve_db: Path, seed_text: str) -> None:
    serve = ServeSettings(analysis_workers=1, analysis_queue=3, analysis_seconds=120)
    settings = Settings(serve=serve)
    with serving(create_app(settings, serve_db), serve) as url:
        baseline = _search_latencies(url, 30)
        # 45 analyses at once, as in the attack: 3 are admitted, the others are told to retry.
        results: list[httpx.Response] = []
        page = _long_page()
        threads = [threading.Thread(target=_post, args=(url, page, results)) for _ in range(45)]
        for thread in threads:
            thread.start()
        time.sleep(1.0)
        during = _search_latencies(url, 30)  # while the worker loads and analyses
        for thread in threads:
            thread.join(timeout=300)
        statuses = sorted(r.status_code for r in results)
        assert statuses.count(200) == 3 and statuses.count(503) == 42, statuses
        busy = next(r for r in results if r.status_code == 503)
        assert int(busy.headers["retry-after"]) >= 1 and _has_security_headers(busy)
        p95_before, p95_during = _p95(baseline), _p95(during)
        print(f"search p95: {p95_before * 1000:.0f} ms alone, {p95_during * 1000:.0f} ms under 45 analyses")
        assert p95_during < max(1.0, 5 * p95_before), (p95_before, p95_during)  # 19.5 s before


def test_serve_analysis_past_its_time_limit_is_stopped_and_the_next_one_runs(
    serve_db: Path, seed_text: str
) -> None:
    serve = ServeSettings(analysis_seconds=1.0)
    with serving(create_app(Settings(serve=serve), serve_db), serve) as url:
        warm = httpx.post(f"{url}/api/analyze", json={"text": seed_text}, timeout=300)
        assert warm.status_code == 200  # the worker has loaded its model
        started = time.monotonic()
        stopped = httpx.post(f"{url}/api/analyze", json={"text": _long_page()}, timeout=300)
        assert stopped.status_code == 422 and "stopped" in stopped.json()["detail"]
        assert time.monotonic() - started < 5  # killed at the limit, not run to the end
        again = httpx.post(f"{url}/api/analyze", json={"text": seed_text}, timeout=300)
        assert again.status_code == 200 and again.json()["id"] == warm.json()["id"]  # a fresh worker


def test_serve_analysis_worker_under_its_memory_limit_is_a_503_not_a_hang(serve_db: Path) -> None:
    serve = ServeSettings(analysis_memory_mb=150)  # far below what the model needs
    with serving(create_app(Settings(serve=serve), serve_db), serve) as url:
        response = httpx.post(f"{url}/api/analyze", json={"text": _long_page()}, timeout=300)
        assert response.status_code == 503 and "could not start" in response.json()["detail"]
        assert response.headers["retry-after"] and _has_security_headers(response)
        assert httpx.get(f"{url}/api/search?q=Kuleba", timeout=10).status_code == 200
