"""A bounded load test on loopback (the benchmark's mix, smaller): no errors, latencies reported."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCHMARK = Path(__file__).resolve().parents[1] / "benchmarks" / "serve.py"


def test_serve_load_on_loopback_has_no_errors(base_url: str) -> None:
    spec = importlib.util.spec_from_file_location("serve_benchmark", BENCHMARK)
    assert spec is not None and spec.loader is not None
    benchmark = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = benchmark  # dataclasses look their module up there
    spec.loader.exec_module(benchmark)
    result = benchmark.load(base_url, total=200, concurrency=10)
    assert len(result.latencies) == 200
    assert result.errors == []
    assert set(result.by_route) >= {"api search", "page article", "bad query"}
    p50, p95 = benchmark.percentile(result.latencies, 0.5), benchmark.percentile(result.latencies, 0.95)
    print(f"200 requests, 10 concurrent: p50 {p50 * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms")
    assert p50 <= p95 < 30  # the client's timeout: every request got its answer
