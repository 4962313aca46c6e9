"""Extraction quality and speed: newsmill vs trafilatura on the shared benchmark pages.

    python benchmarks/extraction.py [--pages DIR] [--truth FILE] [--repeat N] [--json OUT]

Prints pages/s and body P/R/F1 for both, measured in the same run on the same pages, and
their ratios. The metric is the benchmark's own (benchmarks/metrics.py).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.metrics import extraction_prf

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "extraction"


def load_pages(pages_dir: Path, truth_file: Path) -> list[tuple[str, str, str, str]]:
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    pages = []
    for page_id, gold in sorted(truth.items()):
        path = pages_dir / f"{page_id}.html.gz"
        if path.exists():
            html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
            pages.append((page_id, gold.get("url", ""), html, gold["articleBody"]))
    return pages


_EXTRACT_ONLY = None


def newsmill_body(html: str, url: str) -> str:
    """newsmill's extraction alone (the analysis stages are measured in analyze.py)."""
    import dataclasses

    from newsmill import NewsmillError, Settings, analyze

    global _EXTRACT_ONLY
    if _EXTRACT_ONLY is None:
        defaults = Settings()
        no_analysis = dataclasses.replace(defaults.analyze, enabled=False)
        _EXTRACT_ONLY = dataclasses.replace(defaults, analyze=no_analysis)
    try:
        return analyze(html, url=url, settings=_EXTRACT_ONLY).body
    except NewsmillError:
        return ""


def trafilatura_body(html: str, url: str) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


def measure(name: str, fn: Callable[[str, str], str], pages: list, repeat: int) -> dict:
    fn(pages[0][2], pages[0][1])  # warm-up: imports and caches
    outputs: list[str] = []
    start = time.perf_counter()
    for _ in range(repeat):
        outputs = [fn(html, url) for _, url, html, _ in pages]
    elapsed = time.perf_counter() - start
    scores = extraction_prf((gold, out) for (_, _, _, gold), out in zip(pages, outputs, strict=True))
    return {"name": name, "pages_per_s": len(pages) * repeat / elapsed, **scores, "outputs": outputs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=EVAL / "pages")
    parser.add_argument("--truth", type=Path, default=EVAL / "ground-truth.json")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst newsmill pages")
    args = parser.parse_args()
    pages = load_pages(args.pages, args.truth)
    results = [
        measure("trafilatura", trafilatura_body, pages, args.repeat),
        measure("newsmill", newsmill_body, pages, args.repeat),
    ]
    print(f"{len(pages)} pages, repeat {args.repeat}")
    print(f"{'extractor':<12} {'pages/s':>8} {'P':>6} {'R':>6} {'F1':>6}")
    for r in results:
        scores = f"{r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f}"
        print(f"{r['name']:<12} {r['pages_per_s']:8.1f} {scores}")
    anchor, ours = results
    print(
        f"ratio newsmill/trafilatura: speed {ours['pages_per_s'] / anchor['pages_per_s']:.2f}x, "
        f"F1 {ours['f1'] - anchor['f1']:+.3f}"
    )
    if args.worst:
        from benchmarks.metrics import extraction_prf as prf

        pairs = zip(pages, ours["outputs"], strict=True)
        scored = sorted((prf([(gold, out)])["f1"], pid) for (pid, _, _, gold), out in pairs)
        for f1, pid in scored[: args.worst]:
            print(f"  {f1:.3f} {pid}")
    if args.json:
        for r in results:
            r.pop("outputs")
        args.json.write_text(json.dumps({"pages": len(pages), "results": results}, indent=2))


if __name__ == "__main__":
    main()
