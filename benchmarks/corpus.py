"""Corpus store: ingest overhead over the analysis, search latency at 100k articles, flat memory.

    python benchmarks/corpus.py [--docs N] [--articles N] [--only ingest|search|memory]

1. **Ingest overhead** (target ≤ 10%): the same real articles (PolNeAR dev texts, else the
   repository's examples) go through extract + analyze alone, then through
   ``newsmill.corpus.ingest`` into a fresh store (same batching, one process); the ratio of
   the times is printed with and without the identity and cluster passes at the end.
2. **Search p95** (target < 50 ms): a store of ``--articles`` synthetic articles (made
   directly as records — the fast path, no spaCy) is queried with 300 queries: words rare to
   common, two-word AND, phrases, prefixes, an entity filter, a date window, and quotes;
   20 hits each with snippets.
3. **Memory** (flat): the resident set size while the synthetic store is written, sampled
   every tenth of the run; and while the ingest runner streams the same number of pages
   from a JSONL file (``--memory-docs``, extraction only: the runner's own memory).
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import itertools
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SHARED = Path(__file__).resolve().parents[2] / "shared"
POLNEAR = SHARED / "eval" / "attribution" / "polnear" / "dev" / "text"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def rss_mb() -> float:
    """Current resident set size (Linux /proc; the peak from getrusage elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        import os

        return pages * os.sysconf("SC_PAGE_SIZE") / 1e6
    except (OSError, ValueError, IndexError):
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


# --- 1. ingest overhead ------------------------------------------------------------------


def bench_ingest(docs: int, repeat: int) -> dict[str, float]:
    from newsmill.api import analyzer
    from newsmill.corpus.ingest import Job, ingest, iter_inputs, process
    from newsmill.corpus.store import Store
    from newsmill.settings import Settings

    folder = POLNEAR if POLNEAR.is_dir() else EXAMPLES
    paths = sorted(p for p in folder.rglob("*") if p.suffix in {".txt", ".html"})[:docs]
    settings = Settings()
    analyzer(settings)  # the model load is not part of either measurement
    inputs = list(iter_inputs(paths, settings.ingest))
    words = sum(len(p.read_text(encoding="utf-8", errors="replace").split()) for p in paths)
    list(process([Job(i.key, i.read(), None) for i in inputs[:4]], settings, lambda ids: set()))  # warm-up

    alone, stored, passes, puts = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(repeat):
            start = time.perf_counter()
            size = settings.corpus.batch_size
            outcomes = []
            for offset in range(0, len(inputs), size):
                chunk = inputs[offset : offset + size]
                outcomes += process([Job(i.key, i.read(), None) for i in chunk], settings, lambda ids: set())
            alone.append(time.perf_counter() - start)

            # The store's own cost, isolated: the same analysed records written in batches.
            with Store(Path(tmp) / f"puts{run}.db") as store:
                start = time.perf_counter()
                for offset in range(0, len(outcomes), size):
                    with store.transaction():
                        for outcome in outcomes[offset : offset + size]:
                            if outcome.record is not None:
                                store.put(outcome.record, input_key=outcome.key)
                puts.append(time.perf_counter() - start)

            with Store(Path(tmp) / f"bench{run}.db") as store:
                start = time.perf_counter()
                ingest(paths, store, settings, workers=1, finalize=False)
                stored.append(time.perf_counter() - start)
                start = time.perf_counter()
                from newsmill.corpus.clusters import cluster
                from newsmill.corpus.crossdoc import link_entities

                link_entities(store)
                cluster(store)
                passes.append(time.perf_counter() - start)
    a, s, p, w = min(alone), min(stored), min(passes), min(puts)
    print(f"ingest: {len(paths)} documents from {folder.name}/, {words:,} words, best of {repeat}")
    print(f"{'pipeline':<44} {'seconds':>8} {'docs/s':>8}")
    print(f"{'extract + analyze alone':<44} {a:8.2f} {len(paths) / a:8.1f}")
    print(f"{'newsmill ingest (store, no corpus passes)':<44} {s:8.2f} {len(paths) / s:8.1f}")
    print(f"{'identity + cluster passes':<44} {p:8.2f}")
    print(f"{'store writes alone (same records)':<44} {w:8.2f}")
    overhead, with_passes = 100 * (s / a - 1), 100 * ((s + p) / a - 1)
    print(f"ingest vs analysis: {overhead:+.1f}% (target <= 10%); with the passes: {with_passes:+.1f}%")
    print(f"store writes / analysis: {100 * w / a:.1f}%; with the passes: {100 * (w + p) / a:.1f}%")
    return {"analysis_s": a, "ingest_s": s, "passes_s": p, "writes_s": w, "docs": len(paths)}


# --- 2 and 3. synthetic store, search latency, memory --------------------------------------


def _syllables(rng: random.Random, n: int) -> list[str]:
    consonants, vowels = "bcdfghjklmnprstvz", "aeiou"
    words: set[str] = set()
    while len(words) < n:
        words.add("".join(rng.choice(consonants) + rng.choice(vowels) for _ in range(rng.randint(2, 4))))
    return sorted(words)


class Synthetic:
    """Deterministic fake news: Zipf-distributed words, a pool of people, organisations, places."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.vocab = _syllables(self.rng, 20_000)
        self.cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(self.vocab))))
        names = _syllables(self.rng, 3_000)
        self.people = [(f"{a.title()} {b.title()}") for a, b in zip(names[:1500], names[1500:], strict=True)]
        self.orgs = [f"{w.title()} Council" for w in self.rng.sample(self.vocab[2000:], 400)]
        self.places = [w.title() for w in self.rng.sample(self.vocab[3000:], 300)]

    def words(self, n: int) -> list[str]:
        return self.rng.choices(self.vocab, cum_weights=self.cumulative, k=n)

    def record(self, number: int):  # type: ignore[no-untyped-def]
        from newsmill.model import Entity, ExtractionInfo, Mention, Published, Quote, Record, Span, record_id

        rng = self.rng
        person, org, place = rng.choice(self.people), rng.choice(self.orgs), rng.choice(self.places)
        title = " ".join(self.words(7)).capitalize() + f" in {place}"
        paragraphs = [
            " ".join(self.words(rng.randint(30, 70))).capitalize() + "." for _ in range(rng.randint(4, 8))
        ]
        paragraphs[0] = f"{person} of the {org} said " + paragraphs[0]
        paragraphs.append(f"“{' '.join(self.words(12)).capitalize()},” {person} said. Article {number}.")
        text = title + "\n\n" + "\n\n".join(paragraphs)
        spans, position = [], len(title) + 2
        for paragraph in paragraphs:
            spans.append(Span.of(text, position, position + len(paragraph)))
            position += len(paragraph) + 2

        def mention(surface: str, kind: str, start: int = 0) -> Mention:
            at = text.index(surface, start)
            return Mention.of(text, at, at + len(surface), label=kind)

        quote_at = text.rindex("“") + 1
        content = Span.of(text, quote_at, text.index(",”", quote_at))
        entities = [
            Entity(
                id="e1", kind="PERSON", name=person, mentions=[mention(person, "PERSON")], role="minister"
            ),
            Entity(id="e2", kind="ORG", name=org, mentions=[mention(org, "ORG")]),
            Entity(id="e3", kind="GPE", name=place, mentions=[mention(place, "GPE")]),
        ]
        speaker = mention(person, "PERSON", quote_at)
        day = date(2020, 1, 1) + timedelta(days=rng.randrange(1500))
        return Record(
            id=record_id(text),
            source=f"synthetic/{number}",
            text=text,
            title=Span.of(text, 0, len(title)),
            paragraphs=spans,
            body="\n\n".join(paragraphs),
            published=Published.from_value(day, "argument"),
            entities=entities,
            quotes=[
                Quote(
                    kind="direct",
                    content=content,
                    speaker=Span(start=speaker.start, end=speaker.end, text=speaker.text),
                    speaker_entity="e1",
                    speaker_name=person,
                )
            ],
            extraction=ExtractionInfo(extractor="synthetic", format="text"),
        )


def build_store(path: Path, articles: int, batch: int = 1000) -> list[tuple[int, float]]:
    """Write ``articles`` synthetic records; return RSS samples (articles written, MB)."""
    from newsmill.corpus.clusters import cluster
    from newsmill.corpus.crossdoc import link_entities
    from newsmill.corpus.store import Store

    synthetic = Synthetic()
    samples = [(0, rss_mb())]
    step = max(batch, articles // 10)
    start = time.perf_counter()
    with Store(path) as store:
        for offset in range(0, articles, batch):
            store.put_many(synthetic.record(n) for n in range(offset, min(articles, offset + batch)))
            if (offset + batch) % step == 0 or offset + batch >= articles:
                samples.append((min(articles, offset + batch), rss_mb()))
        written = time.perf_counter() - start
        start = time.perf_counter()
        link_entities(store)
        summary = cluster(store)
        passes = time.perf_counter() - start
    size = path.stat().st_size / 1e6
    print(
        f"synthetic store: {articles:,} articles in {written:.0f} s ({articles / written:,.0f}/s), "
        f"{size:,.0f} MB; identity + cluster passes {passes:.0f} s ({summary.stories:,} stories)"
    )
    return samples


def bench_search(path: Path, queries: int) -> dict[str, float]:
    from newsmill.corpus.search import search
    from newsmill.corpus.store import Store

    synthetic = Synthetic()  # the store's own people and words
    rng = random.Random(3)
    vocab = synthetic.vocab
    cases: list[tuple[str, str, dict[str, object]]] = []
    for rank in (5, 50, 500, 5_000, 15_000):  # common to rare words
        cases += [(f"word rank {rank}", vocab[rank + i], {}) for i in range(queries // 15)]
    cases += [
        ("two words", f"{rng.choice(vocab[:3000])} {rng.choice(vocab[:3000])}", {})
        for _ in range(queries // 6)
    ]
    # Phrases of mid-frequency words, like "foreign minister" (a phrase of the very commonest
    # words, like "of the", must check positions in most articles: 40-120 ms at 100k).
    cases += [
        ("phrase", f'"{rng.choice(vocab[50:2000])} {rng.choice(vocab[50:2000])}"', {})
        for _ in range(queries // 10)
    ]
    cases += [("prefix", vocab[rng.randrange(200, 5000)][:3] + "*", {}) for _ in range(queries // 15)]
    cases += [
        ("entity filter", rng.choice(vocab[:1000]), {"entity": rng.choice(synthetic.people)})
        for _ in range(queries // 15)
    ]
    cases += [
        ("one month", rng.choice(vocab[:500]), {"since": "2021-03-01", "until": "2021-03-31"})
        for _ in range(queries // 15)
    ]
    cases += [("quotes", rng.choice(vocab[:2000]), {"kind": "quote"}) for _ in range(queries // 15)]
    with Store(path, create=False) as store:
        for _, query, options in cases[:10]:
            search(store, query, **options)  # type: ignore[arg-type]  # warm the page cache
        timings: list[float] = []
        by_case: dict[str, list[float]] = {}
        for case, query, options in cases:
            start = time.perf_counter()
            search(store, query, limit=20, **options)  # type: ignore[arg-type]
            elapsed = (time.perf_counter() - start) * 1000
            timings.append(elapsed)
            by_case.setdefault(case, []).append(elapsed)
    timings.sort()
    p95 = timings[int(0.95 * (len(timings) - 1))]
    print(
        f"search: {len(timings)} queries, 20 hits with snippets: p50 {statistics.median(timings):.1f} ms, "
        f"p95 {p95:.1f} ms, max {timings[-1]:.1f} ms (target p95 < 50 ms)"
    )
    for case, values in by_case.items():
        values.sort()
        median = statistics.median(values)
        print(f"  {case:<16} n={len(values):<3} p50 {median:6.1f} ms, max {values[-1]:6.1f} ms")
    return {"queries": len(timings), "p50_ms": statistics.median(timings), "p95_ms": p95}


def bench_memory_ingest(docs: int) -> None:
    """The ingest runner over ``docs`` JSONL pages, extraction only: RSS at each tenth."""
    from newsmill.corpus.ingest import IngestSummary, ingest
    from newsmill.corpus.store import Store
    from newsmill.settings import Settings

    synthetic = Synthetic(seed=5)
    settings = Settings()
    settings = dataclasses.replace(settings, analyze=dataclasses.replace(settings.analyze, enabled=False))
    samples: list[tuple[int, float]] = []
    step = max(1, docs // 10)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "pages.jsonl.gz"
        with gzip.open(source, "wt", encoding="utf-8") as handle:
            for number in range(docs):
                handle.write(
                    json.dumps(
                        {"url": f"https://example.com/{number}", "text": synthetic.record(number).text}
                    )
                )
                handle.write("\n")

        def progress(summary: IngestSummary) -> None:
            if summary.seen // step > len(samples) - 1:
                samples.append((summary.seen, rss_mb()))

        with Store(Path(tmp) / "memory.db") as store:
            samples.append((0, rss_mb()))
            start = time.perf_counter()
            summary = ingest([source], store, settings, workers=1, on_progress=progress, finalize=False)
            elapsed = time.perf_counter() - start
    print(f"ingest runner (extract only): {summary.stored:,} documents in {elapsed:.0f} s")
    _print_memory("ingest runner", samples)


def _print_memory(what: str, samples: list[tuple[int, float]]) -> None:
    line = ", ".join(f"{n:,}: {mb:.0f}" for n, mb in samples)
    settled = [mb for n, mb in samples if n >= samples[-1][0] * 0.2]
    growth = settled[-1] - settled[0] if len(settled) > 1 else 0.0
    print(f"memory, {what} (documents: RSS MB): {line}")
    print(f"  growth over the last 80%: {growth:+.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=60, help="real documents for the ingest overhead")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument(
        "--articles", type=int, default=100_000, help="synthetic articles in the search store"
    )
    parser.add_argument("--memory-docs", type=int, default=100_000, help="pages streamed through the runner")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--db", type=Path, help="keep (or reuse) the synthetic store here")
    parser.add_argument("--only", choices=("ingest", "search", "memory"), nargs="+")
    parser.add_argument("--json", type=Path, help="write the ingest and search results here")
    args = parser.parse_args()
    only = set(args.only or ("ingest", "search", "memory"))
    results: dict[str, object] = {}
    if "ingest" in only:
        results["ingest"] = bench_ingest(args.docs, args.repeat)
    if "search" in only:
        with tempfile.TemporaryDirectory() as tmp:
            path = args.db or Path(tmp) / "synthetic.db"
            if not path.exists():
                _print_memory("writing the synthetic store", build_store(path, args.articles))
            results["search"] = {"articles": args.articles, **bench_search(path, args.queries)}
    if "memory" in only:
        bench_memory_ingest(args.memory_docs)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
