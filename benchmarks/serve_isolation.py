"""Search latency while hostile analyses run: issue 18's attack, as a repeatable run.

    python benchmarks/serve_isolation.py --db STORE [--analyses 45] [--searches 60]

Starts ``newsmill serve`` on loopback (a subprocess, as a user runs it), measures search
p50/p95 alone, then fires ``--analyses`` concurrent POST /api/analyze of a ~90,000-character
page (every example article in one) and measures search p50/p95 while they are admitted,
queued or refused. Before issue 18 the analyses queued on one lock and filled the server's
thread pool, so searches waited behind them (p95 19.5 s in the attack); now they run in
bounded worker processes and the excess gets 503 + Retry-After at once.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ("Kuleba", "minister", "Qureshi", "rail", "council")


def long_page() -> str:
    texts = sorted(p for d in ("text", "beats", "everyday") for p in (ROOT / "examples" / d).glob("*.txt"))
    return "A very long page\n\n" + "\n\n".join(p.read_text(encoding="utf-8") for p in texts)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def searches(url: str, count: int) -> list[float]:
    latencies = []
    with httpx.Client(base_url=url, timeout=120) as client:
        for n in range(count):
            started = time.monotonic()
            client.get("/api/search", params={"q": QUERIES[n % len(QUERIES)]}).raise_for_status()
            latencies.append(time.monotonic() - started)
    return latencies


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--analyses", type=int, default=45)
    parser.add_argument("--searches", type=int, default=60)
    args = parser.parse_args()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH", str(ROOT / "src"))}
    server = subprocess.Popen(
        [sys.executable, "-m", "newsmill", "serve", "--db", args.db, "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{url}/api/search?q=minister", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("newsmill serve did not start") from None
                time.sleep(0.2)
        alone = searches(url, args.searches)
        statuses: list[int] = []
        page = long_page()

        def post() -> None:
            try:
                statuses.append(
                    httpx.post(f"{url}/api/analyze", json={"text": page}, timeout=900).status_code
                )
            except httpx.TransportError:
                statuses.append(0)

        threads = [threading.Thread(target=post) for _ in range(args.analyses)]
        for thread in threads:
            thread.start()
        time.sleep(1.0)
        during = searches(url, args.searches)
        for thread in threads:
            thread.join()
    finally:
        server.terminate()
        server.wait(timeout=30)
    result = {
        "search_alone_ms": {"p50": percentile(alone, 0.5) * 1000, "p95": percentile(alone, 0.95) * 1000},
        "search_during_ms": {"p50": percentile(during, 0.5) * 1000, "p95": percentile(during, 0.95) * 1000},
        "analyses": {str(code): statuses.count(code) for code in sorted(set(statuses))},
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
