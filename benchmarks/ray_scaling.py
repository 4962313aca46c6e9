"""Ray engine scaling: the same documents with 1 Ray worker, then 2, and the local engine.

    python benchmarks/ray_scaling.py [--docs 200] [--shards 8] [--json OUT]

The documents are PolNeAR texts (``../shared/eval/attribution/polnear/train``) written as
``--shards`` JSONL shards. Each Ray run starts from an empty output folder on one Ray
instance (started once, with 2 CPUs, not timed) and is timed end to end: actor start and
model load included, as a real job pays them. ``busy`` docs/s divides by the time workers
spent inside shards (model load excluded), the steady rate; docs per CPU-second is the
per-core rate whatever else runs on the machine (what a cost estimate needs). The local engine runs the same
per-shard pipeline in this process after one warm-up document (the model is loaded once).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

POLNEAR = (
    Path(__file__).resolve().parents[2] / "shared" / "eval" / "attribution" / "polnear" / "train" / "text"
)


def write_shards(folder: Path, docs: int, shards: int) -> list[Path]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(POLNEAR.glob("*.txt"))[:docs]]
    if len(texts) < docs:
        sys.exit(f"only {len(texts)} PolNeAR texts in {POLNEAR}")
    paths = []
    for number in range(shards):
        path = folder / f"polnear-{number:02d}.jsonl"
        lines = [json.dumps({"url": f"https://example.com/{i}", "text": t}) for i, t in enumerate(texts)]
        path.write_text("\n".join(lines[number::shards]) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--shards", type=int, default=8)
    parser.add_argument("--json", type=Path, metavar="OUT", help="write the results here")
    args = parser.parse_args()

    import ray

    from newsmill.api import analyzer
    from newsmill.scale.pipeline import list_shards, process_shard
    from newsmill.scale.ray import run_ray
    from newsmill.settings import Settings

    settings = Settings()
    results: dict[str, Any] = {"docs": args.docs, "shards": args.shards, "cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_shards(Path(tmp), args.docs, args.shards)
        ray.init(address="local", num_cpus=2, include_dashboard=False, log_to_driver=False)
        try:
            for workers in (1, 2):
                summary = run_ray(paths, Path(tmp) / f"out-{workers}", settings, workers=workers)
                assert summary.documents == args.docs and not summary.failed, summary
                results[f"ray_{workers}"] = {
                    "seconds": round(summary.seconds, 2),
                    "docs_per_s": round(summary.documents / summary.seconds, 2),
                    "busy_docs_per_s": round(summary.documents / (summary.busy / workers), 2),
                    "docs_per_cpu_s": round(summary.documents / summary.cpu, 2),
                }
        finally:
            ray.shutdown()
        analyzer(settings)  # the local engine's one model load, not timed
        started = time.perf_counter()
        count = sum(1 for shard in list_shards(paths) for _ in process_shard(shard, settings))
        elapsed = time.perf_counter() - started
        results["local_1"] = {"seconds": round(elapsed, 2), "docs_per_s": round(count / elapsed, 2)}
    one, two = results["ray_1"], results["ray_2"]
    results["ratio"] = round(two["docs_per_s"] / one["docs_per_s"], 2)
    results["busy_ratio"] = round(two["busy_docs_per_s"] / one["busy_docs_per_s"], 2)
    for name in ("local_1", "ray_1", "ray_2"):
        row = results[name]
        busy = ""
        if "busy_docs_per_s" in row:
            busy = (
                f", busy {row['busy_docs_per_s']:.1f} docs/s, {row['docs_per_cpu_s']:.1f} docs per CPU-second"
            )
        print(f"{name:8} {args.docs} docs in {row['seconds']:6.1f} s: {row['docs_per_s']:.1f} docs/s{busy}")
    ratios = f"{results['ratio']:.2f}x wall, {results['busy_ratio']:.2f}x busy"
    print(f"ray 2 workers / 1 worker: {ratios} (target 1.7x)")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
