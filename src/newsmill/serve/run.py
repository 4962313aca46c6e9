"""Running the app under uvicorn: exposure checks, connection limits, the slow-client timeout.

uvicorn bounds request heads (``h11_max_incomplete_event_size``), concurrent connections
(``limit_concurrency``, 503 past it) and idle kept-alive connections, but not how long a
client may take to send its request head: 1,000 connections sending one header line every
10 s held the server for as long as they liked. :func:`bounded_h11` adds that timeout.
"""

from __future__ import annotations

import asyncio
import dataclasses
import ipaddress
import logging
import sys
from pathlib import Path
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from newsmill.errors import ConfigError
from newsmill.settings import ServeSettings, Settings

log = logging.getLogger(__name__)
EVERY_INTERFACE = ("0.0.0.0", "::", "")


def is_loopback(host: str) -> bool:
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a name: it may resolve to anything


def exposure(settings: ServeSettings, host: str) -> tuple[ServeSettings, list[str]]:
    """The settings to serve ``host`` with, and the warnings to print.

    Raises:
        ConfigError: a non-loopback address without a token.
    """
    if is_loopback(host):
        return settings, []
    if not settings.token:
        raise ConfigError(
            f"serving on {host} (not loopback) needs a token: set NEWSMILL_SERVE__TOKEN to a secret "
            "of 16+ characters (clients send 'Authorization: Bearer <token>'); see docs/security.md"
        )
    warnings = []
    if host in EVERY_INTERFACE:
        warnings.append(
            f"listening on every interface ({host or '0.0.0.0'}): anyone who can reach this machine "
            "can try the token; prefer one address, and TLS in front (docs/security.md)"
        )
        if settings.allowed_hosts == ServeSettings().allowed_hosts:
            warnings.append(
                "serve.allowed_hosts is loopback only: requests naming this machine get 400 until "
                "it lists the names clients use (NEWSMILL_SERVE__ALLOWED_HOSTS=news.example.org)"
            )
    elif host not in settings.allowed_hosts:
        settings = dataclasses.replace(settings, allowed_hosts=(*settings.allowed_hosts, host))
    return settings, warnings


def bounded_h11(header_timeout: float) -> type[H11Protocol]:
    """uvicorn's h11 protocol, closing connections whose request head is too slow to arrive."""

    class BoundedH11Protocol(H11Protocol):
        _head_timer: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm()

        def data_received(self, data: bytes) -> None:
            if self._head_timer is None and self.conn.their_state is h11.IDLE:
                self._arm()  # the first byte of the next request on a kept-alive connection
            super().data_received(data)
            if self.conn.their_state is not h11.IDLE:
                self._disarm()  # the request head is in

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def _arm(self) -> None:
            self._head_timer = self.loop.call_later(header_timeout, self._too_slow)

        def _disarm(self) -> None:
            if self._head_timer is not None:
                self._head_timer.cancel()
                self._head_timer = None

        def _too_slow(self) -> None:
            self._head_timer = None
            if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
                self.transport.close()

    return BoundedH11Protocol


def server_config(app: Any, settings: ServeSettings, host: str, port: int, **extra: Any) -> uvicorn.Config:
    """The uvicorn configuration with every limit from ``settings``."""
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        http=bounded_h11(settings.header_timeout),
        limit_concurrency=settings.max_connections,
        h11_max_incomplete_event_size=settings.max_header_bytes,
        # Longer than clients keep idle connections (httpx and browsers: 5 s or more): with
        # uvicorn's 5 s default a client may reuse a connection as the server closes it.
        timeout_keep_alive=settings.keep_alive_seconds,
        **extra,
    )


def serve(settings: Settings, db: str | Path, host: str, port: int) -> None:
    """Serve the store at ``db`` until interrupted (``newsmill serve``)."""
    from newsmill.serve import create_app

    if not 0 < port < 65536:
        raise ConfigError(f"--port must be within 1..65535, got {port}")
    serve_settings, warnings = exposure(settings.serve, host)
    for warning in warnings:
        log.warning(warning)
        print(f"newsmill serve: warning: {warning}", flush=True, file=sys.stderr)
    settings = dataclasses.replace(settings, serve=serve_settings)
    app = create_app(settings, db)
    uvicorn.Server(server_config(app, settings.serve, host, port)).run()
