"""``HEAD`` wherever ``GET`` works: the request is routed as a GET and the body dropped.

FastAPI routes answer only the methods they declare, so ``HEAD /`` was a 405; link checkers,
monitors and ``curl -I`` send HEAD. The response keeps its status and headers (with the
GET's ``content-length``), as RFC 9110 asks.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class HeadAsGetMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, without_body)
