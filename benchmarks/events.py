"""Who did what to whom, on the PLOVER gold-standard sentences (dev part): event-type accuracy
and macro-F1, source and target actor-code P/R/F1, on two halves of the dev set and on all.

    python benchmarks/events.py [--show N] [--half A|B|all]

``--gold benchmarks/gold/events_unseen/records.jsonl`` runs the project's own unseen set
(sentences with no event are right when none is reported). Each gold sentence is analysed as
a one-sentence article (published on the gold date), all in
one ``nlp.pipe`` batch; the sentence's event is the main one newsmill finds (the shallowest
trigger in the parse). Metric (../shared/eval/README.md): type accuracy and macro-F1 over
the 16 types (a sentence with no event counts as wrong); actor codes are compared as sets per
sentence (micro P/R/F1). The gold writes three countries with non-ISO codes (JAP, ITL, VTN);
they are read as JPN, ITA, VNM. Halves: a record is in half A when the first byte of the SHA-1
of its id is even, else B (develop on A, check B). Baselines in the same run: the majority
type, the first lexicon verb of the sentence without the parse, and (column first-trig) the
first trigger newsmill finds instead of the main one.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsmill.model import ExtractionInfo, Published, Record, Span, record_id

GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "events" / "plover-gsr" / "records.jsonl"
# Codes the gold writes outside ISO 3166 alpha-3, and their ISO codes.
GOLD_CODE_ALIASES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def half_of(record_id: str) -> str:
    return "A" if hashlib.sha1(record_id.encode()).digest()[0] % 2 == 0 else "B"


def gold_codes(value: object) -> set[str]:
    if not isinstance(value, list):
        return set()
    codes = set()
    for actor in value:
        if isinstance(actor, dict) and actor.get("code"):
            code = str(actor["code"]).strip().upper()
            codes.add(GOLD_CODE_ALIASES.get(code, code))
    return codes


def prf(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = tp / predicted if predicted else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def macro_f1(pairs: list[tuple[str, str | None]]) -> float:
    labels = sorted({gold for gold, _ in pairs if gold})  # the 16 types (no-event sentences aside)
    scores = []
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        predicted = sum(1 for _, p in pairs if p == label)
        gold = sum(1 for g, _ in pairs if g == label)
        scores.append(prf(tp, predicted, gold)[2])
    return sum(scores) / len(scores) if scores else 0.0


def lexicon_only_type(text: str) -> str | None:
    """Baseline: the PLOVER type of the first lexicon verb in the sentence, by crude
    suffix stripping, with no parse (no frames, no reporting verbs, no nouns)."""
    from newsmill.analyze.plover import VERBS

    for word in re.findall(r"[a-z]+", text.lower()):
        for lemma in (
            word,
            word[:-1],
            word[:-2],
            word[:-3],
            word[:-1] + "e",
            word[:-2] + "e",
            word[:-3] + "e",
        ):
            if lemma in VERBS:
                return VERBS[lemma].type
    return None


def score(rows: list[dict]) -> dict[str, float]:
    pairs = [(row["gold_type"], row["type"]) for row in rows]
    result = {
        "n": len(rows),
        "accuracy": sum(1 for g, p in pairs if g == p) / len(rows),
        "macro_f1": macro_f1(pairs),
        "first_trigger_accuracy": sum(1 for r in rows if r["gold_type"] == r["first_type"]) / len(rows),
    }
    for side in ("source", "target"):
        tp = sum(len(r[f"gold_{side}"] & r[side]) for r in rows)
        predicted = sum(len(r[side]) for r in rows)
        gold = sum(len(r[f"gold_{side}"]) for r in rows)
        result[f"{side}_p"], result[f"{side}_r"], result[f"{side}_f1"] = prf(tp, predicted, gold)
    return result


def sentence_record(text: str, published: str | None) -> Record:
    """A one-paragraph article (extraction would reject one sentence as too short to be news)."""
    return Record(
        id=record_id(text),
        text=text,
        paragraphs=[Span(start=0, end=len(text), text=text)],
        body=text,
        published=Published.from_value(date.fromisoformat(published), "argument") if published else None,
        extraction=ExtractionInfo(extractor="benchmark", format="text"),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--show", type=int, default=0, help="print N sentences the pipeline gets wrong")
    parser.add_argument("--half", choices=("A", "B", "all"), default="all", help="which errors to show")
    parser.add_argument("--json", type=Path, help="write the scores here")
    parser.add_argument("--rows", type=Path, help="write each sentence's gold and predicted codes (JSONL)")
    args = parser.parse_args()

    from newsmill.analyze import stage
    from newsmill.analyze.events import main_event
    from newsmill.analyze.stage import Analyzer
    from newsmill.settings import Settings

    gold = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = [sentence_record(g["text"].strip(), g.get("date") or None) for g in gold]
    analyzer = Analyzer(Settings().analyze).setup()
    # The drafts keep the parse depth the main event is chosen by; the record's events are
    # the same drafts, mapped one to one (a one-paragraph article maps every span).
    drafts: list[list] = []
    annotate = stage.annotate_events
    stage.annotate_events = lambda *a, **k: drafts.append(found := annotate(*a, **k)) or found  # type: ignore[assignment]
    started = time.perf_counter()
    analysed = list(analyzer.run(records))
    elapsed = time.perf_counter() - started

    rows = []
    for item, record, found in zip(gold, analysed, drafts, strict=True):
        events = record.events
        main_draft = main_event(found)
        # The record keeps the drafts at or above the confidence threshold, in order: the
        # main draft is the record's event with its trigger (none if it was not emitted).
        starts = {e.trigger.start: e for e in events if e.trigger is not None}
        main = starts.get(main_draft.trigger[0]) if main_draft is not None else None
        first = events[0] if events else None
        rows.append(
            {
                "id": item["id"],
                "half": half_of(item["id"]),
                "text": item["text"].strip(),
                # A gold set of one's own may list sentences with no event ("NONE"): right
                # when newsmill reports none either.
                "gold_type": None if item["event"] == "NONE" else item["event"],
                "type": main.type if main else None,
                "first_type": first.type if first else None,
                "gold_source": gold_codes(item.get("source")),
                "gold_target": gold_codes(item.get("target")),
                "source": {a.code for a in main.actors if a.code} if main else set(),
                "target": {r.code for r in main.recipients if r.code} if main else set(),
                "events": events,
            }
        )

    majority = Counter(r["gold_type"] for r in rows if r["gold_type"]).most_common(1)[0]
    print(f"{len(rows)} PLOVER gold sentences, analysed in {elapsed:.1f}s")
    header = f"{'part':<8}{'n':>5}{'type acc':>10}{'macro-F1':>10}{'src P':>8}{'src R':>8}{'src F1':>8}"
    header += f"{'tgt P':>8}{'tgt R':>8}{'tgt F1':>8}{'first-trig':>12}"
    print(header)
    for part in ("A", "B", "all"):
        chosen = [r for r in rows if part == "all" or r["half"] == part]
        s = score(chosen)
        print(
            f"{'dev-' + part if part != 'all' else 'all':<8}{s['n']:>5}"
            f"{s['accuracy']:>10.3f}{s['macro_f1']:>10.3f}"
            f"{s['source_p']:>8.3f}{s['source_r']:>8.3f}{s['source_f1']:>8.3f}"
            f"{s['target_p']:>8.3f}{s['target_r']:>8.3f}{s['target_f1']:>8.3f}{s['first_trigger_accuracy']:>12.3f}"
        )
    print(f"baseline majority type ({majority[0]}): accuracy {majority[1] / len(rows):.3f}")
    lexicon_only = sum(1 for r in rows if lexicon_only_type(r["text"]) == r["gold_type"]) / len(rows)
    print(f"baseline first lexicon verb, no parse: accuracy {lexicon_only:.3f}")
    print(f"no event found: {sum(1 for r in rows if r['type'] is None)} sentences")
    if args.json:
        parts = {part: [r for r in rows if part == "all" or r["half"] == part] for part in ("A", "B", "all")}
        result = {part: score(chosen) for part, chosen in parts.items()}
        result["baseline_majority_accuracy"] = majority[1] / len(rows)
        result["baseline_lexicon_accuracy"] = lexicon_only
        args.json.write_text(json.dumps(result, indent=2, default=float))

    if args.rows:
        with args.rows.open("w", encoding="utf-8") as handle:
            for row in rows:
                keys = ("id", "half", "gold_type", "type", "gold_source", "source", "gold_target", "target")
                kept = {k: sorted(v) if isinstance(v, set) else v for k, v in row.items() if k in keys}
                handle.write(json.dumps(kept) + "\n")

    shown = 0
    for row in rows:
        if shown >= args.show:
            break
        if args.half != "all" and row["half"] != args.half:
            continue
        wrong = (
            row["type"] != row["gold_type"]
            or row["source"] != row["gold_source"]
            or row["target"] != row["gold_target"]
        )
        if not wrong:
            continue
        shown += 1
        print(
            f"\n{row['id']} [{row['half']}] gold {row['gold_type']} {sorted(row['gold_source'])} → "
            f"{sorted(row['gold_target'])}; got {row['type']} {sorted(row['source'])} → "
            f"{sorted(row['target'])}"
        )
        print(f"  {row['text']}")
        for event in row["events"]:
            actors = ", ".join(f"{a.span.text}={a.code}" for a in event.actors)
            recipients = ", ".join(f"{r.span.text}={r.code}" for r in event.recipients)
            print(f"    {event.type:<9} {event.trigger.text if event.trigger else '':<22} [{actors}] → "
                  f"[{recipients}] {event.status}")  # fmt: skip


if __name__ == "__main__":
    main()
