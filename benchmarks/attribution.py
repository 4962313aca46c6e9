"""Who said what, on PolNeAR (dev): content and speaker P/R/F1, direct vs indirect, and how
often a pronoun speaker is resolved to a named speaker.

    python benchmarks/attribution.py [--split dev] [--limit N] [--show N]

Metric (../shared/eval/README.md): a predicted attribution matches a gold one when their
content spans overlap by at least half of the shorter span; the speaker is right when the
predicted speaker span (or the mention it was resolved from) overlaps the gold source span,
or its resolved name equals the name of the gold source. Direct = gold content contains a
quotation mark.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "eval" / "attribution" / "polnear"
QUOTE_MARKS = re.compile(r"[\"“”«»„]")
PRONOUNS = {"he", "she", "it", "they", "we", "i", "him", "her", "them"}


def load_gold(path: Path) -> list[dict]:
    spans: dict[str, tuple[str, int, int, str]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" not in line:
            continue  # a few annotation files carry stray lines
        if line.startswith("T"):
            tid, rest = line.split("\t", 1)
            label_offsets, text = rest.split("\t", 1) if "\t" in rest else (rest, "")
            parts = label_offsets.split()
            try:
                spans[tid] = (parts[0], int(parts[1]), int(parts[-1]), text)
            except (ValueError, IndexError):
                continue
        elif line.startswith("E"):
            _, rest = line.split("\t", 1)
            roles = dict(item.split(":", 1) for item in rest.split() if ":" in item)
            events.append(roles)
    gold = []
    for roles in events:
        content = spans.get(roles.get("Content", ""))
        if content is None:
            continue
        source = spans.get(roles.get("Source", ""))
        gold.append(
            {
                "content": content[1:3],
                "content_text": content[3],
                "source": source[1:3] if source else None,
                "source_text": source[3] if source else None,
            }
        )
    return gold


def overlap_half(a: tuple[int, int], b: tuple[int, int]) -> bool:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return shorter > 0 and inter >= shorter / 2


def overlaps(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and min(a[1], b[1]) > max(a[0], b[0])


def prf(tp: float, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--show", type=int, default=0, help="print N missed gold attributions")
    parser.add_argument("--wrong", type=int, default=0, help="print N found quotes with a wrong speaker")
    args = parser.parse_args()
    import newsmill

    root = POLNEAR / args.split
    files = sorted((root / "attributions").glob("*.ann"))
    seen: set[str] = set()
    counts: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    pronoun_total = pronoun_named = 0
    misses: list[str] = []
    wrong: list[str] = []
    words = 0
    start_time = time.perf_counter()
    for ann in files:
        name = ann.stem.rsplit("_", 1)[0]
        if name in seen:
            continue  # one annotator per article
        seen.add(name)
        if args.limit and len(seen) > args.limit:
            break
        text = (root / "text" / f"{name}.txt").read_text(encoding="utf-8")
        words += len(text.split())
        gold = load_gold(ann)
        try:
            record = newsmill.analyze(text)
        except newsmill.NewsmillError:
            record = None
        predicted = []
        entities = record.entities if record else []
        mention_owner = [(m.start, m.end, entity.id) for entity in entities for m in entity.mentions]
        for quote in record.quotes if record else []:
            speaker = (quote.speaker.start, quote.speaker.end) if quote.speaker else None
            antecedent = (quote.antecedent.start, quote.antecedent.end) if quote.antecedent else None
            predicted.append(
                {
                    "content": (quote.content.start, quote.content.end),
                    "speaker": speaker,
                    "antecedent": antecedent,
                    "name": (quote.speaker_name or "").lower(),
                    "entity": quote.speaker_entity,
                    "speaker_text": quote.speaker.text.lower() if quote.speaker else "",
                }
            )
        for kind in ("direct", "indirect"):
            gold_k = [g for g in gold if bool(QUOTE_MARKS.search(g["content_text"])) == (kind == "direct")]
            used: set[int] = set()
            matched_pred: set[int] = set()
            for g in gold_k:
                for i, p in enumerate(predicted):
                    if i in used or not overlap_half(g["content"], p["content"]):
                        continue
                    used.add(i)
                    matched_pred.add(i)
                    counts[kind]["content_tp"] += 1
                    source_name = (g["source_text"] or "").lower()
                    # The gold source's entity: the one of ours with a mention on it.
                    source_entities = {
                        owner for s, e, owner in mention_owner if overlaps((s, e), g["source"])
                    }
                    right = (
                        overlaps(p["speaker"], g["source"])
                        or overlaps(p["antecedent"], g["source"])
                        or (
                            p["name"]
                            and source_name
                            and (p["name"] in source_name or source_name in p["name"])
                        )
                        or (p["entity"] is not None and p["entity"] in source_entities)
                    )
                    counts[kind]["speaker_tp"] += bool(right)
                    if not right and len(wrong) < args.wrong:
                        wrong.append(
                            f"[{kind}] {name}: {g['content_text'][:70]!r} <- gold {g['source_text']!r}, "
                            f"got {p['speaker_text']!r} ({p['name']!r})"
                        )
                    if p["speaker_text"] in PRONOUNS:
                        pronoun_total += 1
                        pronoun_named += bool(p["name"])
                    break
                else:
                    if len(misses) < args.show:
                        misses.append(f"[{kind}] {name}: {g['content_text'][:90]!r} <- {g['source_text']!r}")
            counts[kind]["gold"] += len(gold_k)
            # Predictions are assigned to a kind by the matched gold, else by their own marks.
            for i, p in enumerate(predicted):
                if i in matched_pred:
                    counts[kind]["pred"] += 1
                elif not any(overlap_half(g["content"], p["content"]) for g in gold):
                    own = bool(QUOTE_MARKS.search(text[p["content"][0] - 1 : p["content"][1] + 1]))
                    counts[kind]["pred"] += own == (kind == "direct")
    elapsed = time.perf_counter() - start_time
    print(
        f"PolNeAR {args.split}: {len(seen)} articles, {words:,} words, "
        f"{words / elapsed:,.0f} words/s end to end"
    )
    print(f"{'':<10} {'content P/R/F1':>24} {'content+speaker P/R/F1':>28}")
    for kind in ("direct", "indirect"):
        c = counts[kind]
        cp = prf(c["content_tp"], int(c["pred"]), int(c["gold"]))
        sp = prf(c["speaker_tp"], int(c["pred"]), int(c["gold"]))
        print(f"{kind:<10} {cp[0]:8.3f}{cp[1]:8.3f}{cp[2]:8.3f} {sp[0]:12.3f}{sp[1]:8.3f}{sp[2]:8.3f}")
    if pronoun_total:
        print(
            f"pronoun speakers resolved to a name: {pronoun_named}/{pronoun_total} "
            f"= {pronoun_named / pronoun_total:.2f}"
        )
    for miss in misses:
        print("  miss", miss)
    for line in wrong:
        print("  wrong", line)


if __name__ == "__main__":
    main()
