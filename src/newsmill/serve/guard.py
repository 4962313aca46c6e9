"""The ASGI guard in front of every route: security headers, body limits, and a 500 that is
still a well-formed response with those headers (Starlette's own 500 is sent outside it)."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence

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


class GuardMiddleware:
    """Adds the security headers to every response and refuses bodies over ``max_body_bytes``
    (by Content-Length up front, and by counting for chunked bodies) with a 413."""

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

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

        headers = dict(scope["headers"])
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

    async def _too_large(self, send: Send) -> None:
        await send_json(send, 413, f"request body over the limit of {self.max_body_bytes} bytes")
