"""The ASGI guard in front of every route: security headers, body limits, and a 500 that is
still a well-formed response with those headers (Starlette's own 500 is sent outside it).

Off loopback it is also the door (docs/security.md):

- the Host header must name an allowed host (``serve.allowed_hosts``), which defeats DNS
  rebinding: a hostile page whose name resolves to 127.0.0.1 still sends its own name;
- a request that changes or costs something (any method but GET/HEAD/OPTIONS, e.g. POST
  /api/analyze) must come from this origin when a browser sent it (Origin or
  Sec-Fetch-Site), so another site cannot make a visitor's browser post to it;
- with ``serve.token`` set, every request needs it: ``Authorization: Bearer <token>``, or the
  cookie that opening any page with ``?token=<token>`` sets (for browsers).
"""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Sequence
from http.cookies import SimpleCookie
from urllib.parse import parse_qsl, urlencode, urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger(__name__)

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class _BodyTooLarge(Exception):
    pass


async def send_json(send: Send, status: int, detail: str, extra: Sequence[tuple[bytes, bytes]] = ()) -> None:
    """A complete JSON response ``{"detail": ...}`` sent straight through ASGI."""
    body = json.dumps({"detail": detail}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": [*headers, *extra]})
    await send({"type": "http.response.body", "body": body})


TOKEN_COOKIE = "newsmill_token"
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def host_name(host: str) -> str:
    """The name in a Host header or netloc, without the port (``[::1]:8000`` → ``::1``)."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def host_allowed(host: str, allowed: Sequence[str]) -> bool:
    name = host_name(host)
    for pattern in allowed:
        pattern = pattern.strip().lower().strip("[]")
        if pattern == "*" or name == pattern:
            return True
        if pattern.startswith("*.") and name.endswith(pattern[1:]):
            return True
    return False


class GuardMiddleware:
    """Adds the security headers to every response and refuses bodies over ``max_body_bytes``
    (by Content-Length up front, and by counting for chunked bodies) with a 413; checks the
    Host, the Origin of costly requests and the token (see the module doc)."""

    def __init__(
        self,
        app: ASGIApp,
        max_body_bytes: int,
        allowed_hosts: Sequence[str] = ("*",),
        token: str = "",
        max_header_bytes: int = 16 * 1024,
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.max_header_bytes = max_header_bytes
        self.allowed_hosts = tuple(allowed_hosts)
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        # h11 bounds only a head still arriving; one that came in a single read is counted here.
        head = sum(len(name) + len(value) + 4 for name, value in scope["headers"])
        if (
            head + len(scope.get("raw_path") or b"") + len(scope.get("query_string", b""))
            > self.max_header_bytes
        ):
            await send_json(send_with_headers, 431, f"request head over {self.max_header_bytes} bytes")
            return
        headers = dict(scope["headers"])
        host = headers.get(b"host", b"").decode("latin-1")
        if not host_allowed(host, self.allowed_hosts):
            await send_json(send_with_headers, 400, "this server does not answer to that Host header")
            return
        if scope["method"] not in _SAFE_METHODS and not _same_origin(headers, host):
            await send_json(send_with_headers, 403, "cross-origin request refused")
            return
        if self.token and not self._authorized(headers):
            await self._ask_for_token(scope, send_with_headers)
            return
        declared = headers.get(b"content-length")
        if declared is not None and b"transfer-encoding" in headers:
            # Two framings of one body: a proxy and this server may read different requests
            # from it (request smuggling), so it is refused (RFC 9112 §6.1).
            await send_json(send_with_headers, 400, "Content-Length together with Transfer-Encoding")
            return
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body_bytes):
            await self._too_large(send_with_headers)
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    raise _BodyTooLarge
            return message

        try:
            await self.app(scope, counting_receive, send_with_headers)
        except _BodyTooLarge:
            if not started:
                await self._too_large(send_with_headers)
        except Exception:
            # A bug answers 500 with the headers and a complete body, and the connection lives.
            log.exception("unhandled error on %s", scope.get("path"))
            if not started:
                await send_json(send_with_headers, 500, "internal error (logged on the server)")

    def _authorized(self, headers: dict[bytes, bytes]) -> bool:
        expected = self.token.encode()
        scheme, _, credentials = headers.get(b"authorization", b"").partition(b" ")
        if scheme.lower() == b"bearer" and hmac.compare_digest(credentials.strip(), expected):
            return True
        cookie = SimpleCookie(headers.get(b"cookie", b"").decode("latin-1"))
        sent = cookie.get(TOKEN_COOKIE)
        return sent is not None and hmac.compare_digest(sent.value.encode(), expected)

    async def _ask_for_token(self, scope: Scope, send: Send) -> None:
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        given = [value for name, value in query if name == "token"]
        if scope["method"] == "GET" and given and hmac.compare_digest(given[0].encode(), self.token.encode()):
            # A browser opened ?token=...: keep it in a cookie and drop it from the address bar.
            rest = urlencode([(name, value) for name, value in query if name != "token"])
            location = scope.get("root_path", "") + scope["path"] + (f"?{rest}" if rest else "")
            cookie = f"{TOKEN_COOKIE}={self.token}; Path=/; HttpOnly; SameSite=Strict"
            await send(
                {
                    "type": "http.response.start",
                    "status": 303,
                    "headers": [
                        (b"location", location.encode("latin-1", "replace")),
                        (b"set-cookie", cookie.encode("latin-1")),
                        (b"content-length", b"0"),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": b""})
            return
        await send_json(
            send,
            401,
            "this server needs its token: Authorization: Bearer <token>, or open a page with ?token=<token>",
            [(b"www-authenticate", b'Bearer realm="newsmill"')],
        )

    async def _too_large(self, send: Send) -> None:
        await send_json(send, 413, f"request body over the limit of {self.max_body_bytes} bytes")


def _same_origin(headers: dict[bytes, bytes], host: str) -> bool:
    """Whether a browser sent this request from this server's own pages (non-browser clients,
    which send neither header, pass: the token is what stops them)."""
    origin = headers.get(b"origin")
    if origin is not None:
        return urlsplit(origin.decode("latin-1")).netloc.lower() == host.strip().lower()
    site = headers.get(b"sec-fetch-site")
    return site is None or site in (b"same-origin", b"none")
