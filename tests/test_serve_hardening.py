"""Issue 18's server items, each through the real server (uvicorn on loopback): no 500s from
hostile parameters, every error with the security headers, bounded queries, ..."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from tests.support.server import serving

from newsmill.serve import create_app
from newsmill.serve.guard import SECURITY_HEADERS
from newsmill.settings import Settings

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
