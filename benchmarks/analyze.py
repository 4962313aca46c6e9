"""Analysis speed: newsmill's analyze stage (entities, places, times) vs raw spaCy nlp.pipe.

    python benchmarks/analyze.py [--repeat N] [--json OUT]

Both run on the same article texts (the gold bodies of the shared extraction benchmark, as
plain-text pages) in the same process with the same model; the ratio is newsmill words/s
over raw words/s (target ≥ 0.85). The events stage's share of the analysis time (finding
events and writing them into the record, timed inside the same run) has a target of ≤ 15%.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "extraction"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--truth", type=Path, default=EVAL / "ground-truth.json")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--json", type=Path, help="write the results here")
    args = parser.parse_args()

    import newsmill
    from newsmill.analyze.convert import ArticleText
    from newsmill.analyze.stage import Analyzer
    from newsmill.settings import Settings

    truth = json.loads(args.truth.read_text(encoding="utf-8"))
    settings = Settings()
    no_nlp = dataclasses.replace(settings, analyze=dataclasses.replace(settings.analyze, enabled=False))
    records = []
    for gold in truth.values():
        body = gold["articleBody"].strip()
        if len(body.split()) < 50:
            continue
        try:
            records.append(newsmill.analyze("Headline of the article\n" + body, settings=no_nlp))
        except newsmill.NewsmillError:
            continue
    texts = [ArticleText.of(r).text for r in records]
    words = sum(len(t.split()) for t in texts)
    analyzer = Analyzer(settings.analyze).setup()
    nlp = analyzer.nlp
    list(nlp.pipe(texts[:4]))
    list(analyzer.run([r.model_copy(deep=True) for r in records[:4]]))  # warm-up

    start = time.perf_counter()
    for _ in range(args.repeat):
        for _doc in nlp.pipe(texts, batch_size=analyzer.settings.batch_size):
            pass
    raw = words * args.repeat / (time.perf_counter() - start)

    from newsmill.analyze import stage

    spent = [0.0]

    def timed(function):  # type: ignore[no-untyped-def]
        def run(*args, **kwargs):  # type: ignore[no-untyped-def]
            began = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[0] += time.perf_counter() - began

        return run

    stage.annotate_events, stage.to_events = timed(stage.annotate_events), timed(stage.to_events)
    start = time.perf_counter()
    for _ in range(args.repeat):
        for _record in analyzer.run(r.model_copy(deep=True) for r in records):
            pass
    elapsed = time.perf_counter() - start
    ours = words * args.repeat / elapsed

    print(f"{len(texts)} articles, {words:,} words, repeat {args.repeat}")
    print(f"{'pipeline':<28} {'words/s':>10}")
    print(f"{'spaCy nlp.pipe (raw)':<28} {raw:10,.0f}")
    print(f"{'newsmill analyze stage':<28} {ours:10,.0f}")
    print(f"ratio newsmill/raw: {ours / raw:.2f}x (target >= 0.85)")
    print(f"events share of analysis time: {spent[0] / elapsed:.1%} (target <= 15%)")
    if args.json:
        result = {"articles": len(texts), "words": words, "raw_words_per_s": raw}
        result["newsmill_words_per_s"] = ours
        result["events_share"] = spent[0] / elapsed
        args.json.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
