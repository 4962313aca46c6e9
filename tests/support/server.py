"""Run an app under uvicorn on a free loopback port, in a thread, for one test: with the
limits `newsmill serve` sets (serve/run.py)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn

from newsmill.serve.run import server_config
from newsmill.settings import ServeSettings


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(app: Any, settings: ServeSettings | None = None) -> Iterator[str]:
    """``http://127.0.0.1:<port>`` while ``app`` is served."""
    port = free_port()
    config = server_config(app, settings or ServeSettings(), "127.0.0.1", port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
