"""Same-story clusters against the story gold: pairwise precision, recall and F1 per half.

    python benchmarks/stories.py [--cache DIR] [--details A] [--json OUT]

Writes the gold articles (``benchmarks/gold/stories``) as one JSONL feed of ``{"url", "text",
"published"}`` lines (what a scraper emits), ingests it into a temporary store with
``newsmill.corpus.ingest`` (the CLI's path: extract, analyse, store, identities, clusters)
and reads ``articles.cluster_id``.

Pairs: every two gold articles. Same story label = a positive pair; otherwise negative (a
hard negative when both are of the same set). Precision = merged positive pairs / merged
pairs; recall = merged positive pairs / positive pairs. A set is in half A (tuning) when
the first byte of the SHA-1 of its id is even, else in half B (reported untouched); pairs
across halves are counted apart. ``--cache DIR`` keeps the analysed store (keyed by the
gold's contents) so a rerun only redoes the identity and cluster passes: use it while
changing clustering, clear it when the analysis changes. ``--details A`` lists the half's
wrong pairs (never ask for B while tuning).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

GOLD = ROOT / "benchmarks" / "gold" / "stories"


def half_of(set_id: str) -> str:
    return "A" if hashlib.sha1(set_id.encode()).digest()[0] % 2 == 0 else "B"


@dataclass(frozen=True)
class Article:
    name: str
    set: str
    story: str
    published: str
    url: str
    text: str

    @property
    def half(self) -> str:
        return half_of(self.set)


def load_gold(folder: Path = GOLD) -> list[Article]:
    data = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    return [
        Article(
            name=Path(a["file"]).stem,
            set=a["set"],
            story=a["story"],
            published=a["published"],
            url=a["url"],
            text=(folder / a["file"]).read_text(encoding="utf-8"),
        )
        for a in data["articles"]
    ]


def _gold_key(articles: list[Article]) -> str:
    digest = hashlib.sha1()
    for a in articles:
        digest.update(json.dumps([a.name, a.set, a.published, a.url, a.text]).encode())
    return digest.hexdigest()[:16]


def analysed_store(articles: list[Article], folder: Path, cache: Path | None) -> tuple[Path, float]:
    """A store holding the analysed articles (identities and clusters not yet computed)."""
    from newsmill.corpus.ingest import ingest
    from newsmill.corpus.store import Store
    from newsmill.settings import Settings

    target = folder / "stories.db"
    cached = cache / f"stories-{_gold_key(articles)}.db" if cache else None
    if cached and cached.exists():
        shutil.copyfile(cached, target)
        return target, 0.0
    feed = folder / "feed.jsonl"
    lines = [json.dumps({"url": a.url, "text": a.text, "published": a.published}) for a in articles]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.perf_counter()
    with Store(target) as store:
        summary = ingest([feed], store, Settings(), workers=1, finalize=False)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    seconds = time.perf_counter() - started
    if summary.stored != len(articles):
        raise SystemExit(f"stored {summary.stored} of {len(articles)} articles: {dict(summary.errors)}")
    if cached:
        cached.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(target, cached)
    return target, seconds


def clusters_of(path: Path) -> tuple[dict[str, str], float]:
    """Run the identity and cluster passes; cluster id by article URL."""
    from newsmill.corpus.clusters import cluster
    from newsmill.corpus.crossdoc import link_entities
    from newsmill.corpus.store import Store

    with Store(path) as store:
        started = time.perf_counter()
        link_entities(store)
        cluster(store)
        seconds = time.perf_counter() - started
        return dict(store.conn.execute("SELECT url, cluster_id FROM articles").fetchall()), seconds


def score(articles: list[Article], cluster_of: dict[str, str]) -> dict[str, Any]:
    """Pairwise counts and scores per half (A, B, and pairs across them)."""
    tallies: dict[str, dict[str, Any]] = {
        part: {"tp": 0, "fp": 0, "fn": 0, "positives": 0, "hard_negatives": 0, "hard_merged": 0, "wrong": []}
        for part in ("A", "B", "across")
    }
    for a, b in itertools.combinations(sorted(articles, key=lambda x: x.name), 2):
        part = a.half if a.half == b.half else "across"
        t = tallies[part]
        same, merged = a.story == b.story, cluster_of[a.url] == cluster_of[b.url]
        t["positives"] += same
        hard = not same and a.set == b.set
        t["hard_negatives"] += hard
        if merged and same:
            t["tp"] += 1
        elif merged:
            t["fp"] += 1
            t["hard_merged"] += hard
            t["wrong"].append(f"merged   {a.name} {b.name} ({a.story} / {b.story})")
        elif same:
            t["fn"] += 1
            t["wrong"].append(f"apart    {a.name} {b.name} ({a.story})")
    for t in tallies.values():
        merged = t["tp"] + t["fp"]
        t["precision"] = t["tp"] / merged if merged else 1.0
        t["recall"] = t["tp"] / t["positives"] if t["positives"] else 1.0
        p, r = t["precision"], t["recall"]
        t["f1"] = 2 * p * r / (p + r) if p + r else 0.0
        t["articles"] = None
    for part in ("A", "B"):
        tallies[part]["articles"] = sum(1 for a in articles if a.half == part)
    return tallies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, help="keep the analysed store here between runs")
    parser.add_argument("--details", choices=["A", "B", "across"], action="append", default=[])
    parser.add_argument("--json", type=Path, help="write the scores here")
    args = parser.parse_args()
    articles = load_gold()
    with tempfile.TemporaryDirectory() as tmp:
        path, analysis_s = analysed_store(articles, Path(tmp), args.cache)
        cluster_of, passes_s = clusters_of(path)
    tallies = score(articles, cluster_of)
    cached = " (analysis cached)" if analysis_s == 0.0 else ""
    passes = f"identity + cluster passes {passes_s:.2f}s"
    print(f"{len(articles)} articles: analysis {analysis_s:.1f}s{cached}, {passes}")
    print("half     articles  pos pairs  hard neg  merged hard neg  precision  recall  F1")
    for part, t in tallies.items():
        print(
            f"{part:<8} {t['articles'] or '':>8}  {t['positives']:>9}  {t['hard_negatives']:>8}  "
            f"{t['hard_merged']:>15}  {t['precision']:>9.3f}  {t['recall']:>6.3f}  {t['f1']:.3f}"
        )
    print("half A tunes; half B is reported untouched")
    for part in args.details:
        print(f"\nwrong pairs, half {part}:")
        print("\n".join(tallies[part]["wrong"]) or "none")
    if args.json:
        report = {part: {k: v for k, v in t.items() if k != "wrong"} for part, t in tallies.items()}
        report["analysis_s"], report["passes_s"] = analysis_s, passes_s
        args.json.write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
