"""Serve under load: uvicorn on loopback, N requests at C concurrent, 0 errors expected.

    python benchmarks/serve.py [--requests 2000] [--concurrency 20] [--db STORE] [--articles 400]

Without ``--db`` a store of ``--articles`` synthetic articles (records made directly: no spaCy,
with entities, quotes and events) is written to a temporary directory. The server is
``newsmill serve`` in a subprocess (one uvicorn worker, as a user runs it); the client is
httpx.AsyncClient with at most C requests in flight. The mix covers every read endpoint and
page: API and HTML search (articles, quotes, events, facets), article pages, entity pages,
the explorers, CSV, and a malformed query (its 400 is the expected answer). An error is a
transport failure or any status other than the expected one. Prints p50/p95/p99 per request
and per route, and the error count; exits 1 when there were errors.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

WORDS = "minister talks ceasefire aid border election court protest pipeline sanctions summit".split()
PEOPLE = [
    ("Shah Mahmood Qureshi", "PAK"),
    ("Dmytro Kuleba", "UKR"),
    ("Antony Blinken", "USA"),
    ("Annalena Baerbock", "DEU"),
    ("Wang Yi", "CHN"),
    ("Sergey Lavrov", "RUS"),
]
TYPES = ["CONSULT", "APPEAL", "ACCUSE", "AID", "THREATEN", "COOPERATE"]


def build_store(path: Path, articles: int) -> None:
    """``articles`` synthetic articles with linked people, quotes and events."""
    from tests.support.corpus import make_record

    from newsmill.corpus.crossdoc import link_entities
    from newsmill.corpus.store import Store

    rng = random.Random(7)
    records = []
    for number in range(articles):
        (speaker, c1), (other, c2) = rng.sample(PEOPLE, 2)
        topic = " ".join(rng.sample(WORDS, 3))
        kind = rng.choice(TYPES)
        paragraphs = [
            f"{speaker} met {other} on day {number} to discuss {topic}.",
            f'"We want {rng.choice(WORDS)} now," {speaker} said after the meeting.',
            " ".join(f"Delegates discussed {rng.choice(WORDS)} and {rng.choice(WORDS)}." for _ in range(8)),
        ]
        records.append(
            make_record(
                f"{speaker} and {other}: {topic} ({number})",
                paragraphs,
                published=f"2022-{1 + number % 12:02d}-{1 + number % 28:02d}",
                source=rng.choice(["dawn.com", "reuters.com", "apnews.com"]),
                entities=[
                    ("PERSON", speaker, speaker, "foreign minister", c1),
                    ("PERSON", other, other, None, c2),
                ],
                quotes=[(paragraphs[1][1:].split(",")[0].rstrip('"'), speaker)],
                events=[(kind, [speaker], [other], f"met {other}", None)],
            )
        )
    with Store(path) as store:
        store.put_many(records)
        link_entities(store)


@dataclass
class Result:
    latencies: list[float] = field(default_factory=list)
    by_route: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


async def _load(base_url: str, plan: list[tuple[str, str, int]], concurrency: int) -> Result:
    result = Result()
    gate = asyncio.Semaphore(concurrency)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base_url, timeout=30.0, limits=limits) as client:

        async def one(route: str, path: str, expected: int) -> None:
            async with gate:
                started = time.perf_counter()
                try:
                    response = await client.get(path)
                    await response.aread()
                    if response.status_code != expected:
                        result.errors.append(f"{path}: {response.status_code}")
                except httpx.HTTPError as exc:
                    result.errors.append(f"{path}: {type(exc).__name__} {exc}")
                elapsed = time.perf_counter() - started
                result.latencies.append(elapsed)
                result.by_route[route].append(elapsed)

        began = time.perf_counter()
        await asyncio.gather(*(one(*item) for item in plan))
        result.seconds = time.perf_counter() - began
    return result


def request_plan(base_url: str, total: int, seed: int = 1) -> list[tuple[str, str, int]]:
    """``total`` (route, path, expected status) requests over every read endpoint and page."""
    with httpx.Client(base_url=base_url, timeout=30.0) as client:
        facets = client.get("/api/search", params={"facets": "true", "limit": 50}).json()
        articles = [item["article_id"] for item in facets["items"]] or ["0" * 20]
        entities = [entity["id"] for entity in facets["facets"]["entities"]] or [1]
        types = [name for name, _ in facets["facets"]["event_types"]] or ["CONSULT"]
    rng = random.Random(seed)
    routes = [
        ("api search", lambda: (f"/api/search?q={rng.choice(WORDS)}", 200)),
        ("api search facets", lambda: (f"/api/search?q={rng.choice(WORDS)}&facets=true", 200)),
        ("api quotes", lambda: (f"/api/search?kind=quote&q={rng.choice(WORDS)}", 200)),
        ("api events", lambda: (f"/api/events?type={quote(rng.choice(types))}", 200)),
        ("api article", lambda: (f"/api/articles/{rng.choice(articles)}", 200)),
        ("api entity", lambda: (f"/api/entities/{rng.choice(entities)}", 200)),
        ("page search", lambda: (f"/search?q={rng.choice(WORDS)}", 200)),
        ("page article", lambda: (f"/articles/{rng.choice(articles)}", 200)),
        ("page entity", lambda: (f"/entities/{rng.choice(entities)}", 200)),
        ("page quotes", lambda: ("/quotes", 200)),
        ("page events", lambda: (f"/events?event_type={quote(rng.choice(types))}", 200)),
        ("csv quotes", lambda: ("/api/quotes?format=csv&limit=100", 200)),
        ("bad query", lambda: ('/api/search?q="unclosed', 400)),
    ]
    plan = []
    for _ in range(total):
        route, make = rng.choice(routes)
        path, expected = make()
        plan.append((route, path, expected))
    return plan


def load(base_url: str, total: int, concurrency: int) -> Result:
    return asyncio.run(_load(base_url, request_plan(base_url, total), concurrency))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--db", type=Path, help="an existing store (default: a synthetic one)")
    parser.add_argument("--articles", type=int, default=400, help="synthetic articles without --db")
    parser.add_argument("--json", type=Path, help="write the results here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        db = args.db
        if db is None:
            db = Path(scratch) / "bench.db"
            started = time.perf_counter()
            build_store(db, args.articles)
            print(f"store: {args.articles} synthetic articles in {time.perf_counter() - started:.1f} s")
        port = free_port()
        # The server's log goes to a file (a pipe nobody reads could fill and stall it).
        log_path = Path(scratch) / "server.log"
        log = log_path.open("wb")
        server = subprocess.Popen(
            [sys.executable, "-m", "newsmill", "serve", "--db", str(db), "--port", str(port)],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base_url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    httpx.get(f"{base_url}/api/search?limit=1", timeout=2.0).raise_for_status()
                    break
                except httpx.HTTPError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        print("the server did not start:", log_path.read_text(errors="replace")[-2000:])
                        return 1
                    time.sleep(0.2)
            result = load(base_url, args.requests, args.concurrency)
        finally:
            server.terminate()
            server.wait(timeout=10)
            log.close()
        server_errors = [
            line
            for line in log_path.read_text(errors="replace").splitlines()
            if "Traceback" in line or "ERROR" in line
        ]
    ms = 1000.0
    print(
        f"{len(result.latencies)} requests, {args.concurrency} concurrent, {result.seconds:.1f} s "
        f"({len(result.latencies) / result.seconds:.0f} req/s); errors: {len(result.errors)}"
    )
    print(
        f"latency p50 {percentile(result.latencies, 0.5) * ms:.1f} ms, "
        f"p95 {percentile(result.latencies, 0.95) * ms:.1f} ms, "
        f"p99 {percentile(result.latencies, 0.99) * ms:.1f} ms, max {max(result.latencies) * ms:.1f} ms"
    )
    for route, values in sorted(result.by_route.items()):
        print(
            f"  {route:<18} n={len(values):<4} p50 {statistics.median(values) * ms:7.1f} ms  "
            f"p95 {percentile(values, 0.95) * ms:7.1f} ms"
        )
    if args.json:
        summary = {"requests": len(result.latencies), "concurrency": args.concurrency}
        summary |= {"errors": len(result.errors), "p50_ms": percentile(result.latencies, 0.5) * ms}
        summary["p95_ms"] = percentile(result.latencies, 0.95) * ms
        args.json.write_text(json.dumps(summary, indent=2))
    for error in result.errors[:10]:
        print("  error:", error)
    for line in server_errors[:10]:
        print("  server:", line)
    return 1 if result.errors else 0


if __name__ == "__main__":
    sys.exit(main())
