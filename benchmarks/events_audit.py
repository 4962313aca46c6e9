"""Events on everyday news, read by hand: how many of the events newsmill reports are right, and
how many repeat a happening already reported.

    python benchmarks/events_audit.py --dump OUT.jsonl     # the events to judge
    python benchmarks/events_audit.py [--judgments FILE]   # score the stored judgments

The pages are the development pages of ``../shared/eval/extraction`` that the fact gold does
not annotate (read for error classes in session 7: a tuning figure since). ``--dump`` writes
every event newsmill reports on them, one JSON line each: page id, index, type, status, actors
and recipients (as written and coded), the sentence and its other mentions. A reader judges
each line by the guideline (``docs/annotation.md``, V): ``right`` (an interaction of that
PLOVER type, with that actor and recipient code — a missing recipient is not wrong when the
sentence names none), ``wrong`` (and why) or ``duplicate`` (a happening another line of the
same page already reports). The judgments (``benchmarks/gold/events_audit/judgments.jsonl``)
key each event by page id, type and the first 50 characters of its sentence (whitespace
normalised), so they survive re-runs, and record the ``reading`` judged (status, actor and
recipient codes): an event whose reading changed since, or that no judgment covers, is counted
as unjudged. The
score is right / judged and duplicates / judged.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PAGES = ROOT.parent / "shared" / "eval" / "extraction" / "pages"
FACTS = ROOT / "benchmarks" / "gold" / "facts"
JUDGMENTS = ROOT / "benchmarks" / "gold" / "events_audit" / "judgments.jsonl"


def unannotated_pages() -> list[Path]:
    annotated = {p.stem for p in FACTS.glob("*.json")}
    return [p for p in sorted(PAGES.glob("*.html.gz")) if p.name[:12] not in annotated]


def key(page: str, event_type: str, sentence: str) -> str:
    return f"{page}|{event_type}|{' '.join(sentence.split())[:50]}"


def reading(row: dict[str, Any]) -> str:
    """What was judged beyond the sentence and type: status and the actor and recipient codes."""
    actors = sorted({str(code) for _, code in row["actors"]})
    recipients = sorted({str(code) for _, code in row["recipients"]})
    return f"{row['status']}|{','.join(actors)}|{','.join(recipients)}"


def events_of(pages: list[Path]) -> list[dict[str, Any]]:
    import newsmill

    rows = []
    for path in pages:
        try:
            record = newsmill.analyze(path)
        except newsmill.NewsmillError:
            continue
        for index, event in enumerate(record.events):
            rows.append(
                {
                    "page": path.name[:12],
                    "index": index,
                    "title": record.title.text if record.title else "",
                    "type": event.type,
                    "mode": event.mode,
                    "status": event.status,
                    "actors": [[p.span.text, p.code] for p in event.actors],
                    "recipients": [[p.span.text, p.code] for p in event.recipients],
                    "sentence": event.evidence.text,
                    "mentions": [m.text for m in event.mentions if m != event.evidence],
                    "confidence": event.confidence,
                }
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", type=Path, help="write the events to judge here")
    parser.add_argument("--judgments", type=Path, default=JUDGMENTS)
    parser.add_argument("--json", type=Path, help="write the scores here")
    args = parser.parse_args()
    pages = unannotated_pages()
    rows = events_of(pages)
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{len(rows)} events on {len(pages)} pages written to {args.dump}")
        return
    # A judgment holds for the reading it judged: one that records it ("reading": status and
    # codes, every judgment since session 9) no longer covers the event once the codes change.
    verdicts: dict[str, tuple[str | None, str]] = {}
    for line in args.judgments.read_text(encoding="utf-8").splitlines():
        if line.strip():
            judged = json.loads(line)
            verdicts[key(judged["page"], judged["type"], judged["sentence"])] = (
                judged.get("reading"),
                judged["verdict"],
            )
    counts = {"right": 0, "wrong": 0, "duplicate": 0, "unjudged": 0}
    for row in rows:
        judged_key = key(row["page"], row["type"], row["sentence"])
        judged_reading, verdict = verdicts.get(judged_key, (None, "unjudged"))
        if judged_reading is not None and judged_reading != reading(row):
            verdict = "unjudged"
        counts[verdict] += 1
    judged = counts["right"] + counts["wrong"] + counts["duplicate"]
    print(
        f"{len(rows)} events on {len(pages)} unannotated pages; judged {judged}, "
        f"unjudged {counts['unjudged']}"
    )
    if args.json:
        args.json.write_text(json.dumps({"events": len(rows), "pages": len(pages), **counts}, indent=2))
    if judged:
        print(f"right {counts['right']} ({counts['right'] / judged:.2f}), wrong {counts['wrong']}, "
              f"duplicates {counts['duplicate']} ({counts['duplicate'] / judged:.2f} per event)")  # fmt: skip


if __name__ == "__main__":
    main()
