"""Facts on the team's everyday pages, read by hand: precision of the entities, places, quotes,
times and events newsmill reports on ``examples/everyday/`` (16 fictional articles over eight
beats, written for newsmill in session 12 by a helper that saw no code).

    python benchmarks/everyday_audit.py [--judgments FILE] [--unjudged]
    python benchmarks/everyday_audit.py --set unseen12    # the 12 pages kept unseen in session 12
    python benchmarks/everyday_audit.py --set unseen13    # 12 pages judged unseen in session 13
    python benchmarks/everyday_audit.py --set unseen14    # 12 more, judged late in session 13
    python benchmarks/everyday_audit.py --set unseen15    # 12 more, judged at session 13's end
    python benchmarks/everyday_audit.py --set unseen16    # 12 more, judged early in session 14
    python benchmarks/everyday_audit.py --set unseen17    # 12 more, judged mid session 14
    python benchmarks/everyday_audit.py --set unseen18    # 12 more, judged late in session 14
    python benchmarks/everyday_audit.py --set unseen19    # 12 more, judged at session 14's end
    python benchmarks/everyday_audit.py --set unseen20    # 12 more, judged mid session 15
    python benchmarks/everyday_audit.py --set unseen21    # 12 more, judged late in session 15
    python benchmarks/everyday_audit.py --set unseen22    # 12 more, judged at session 15's end
    python benchmarks/everyday_audit.py --set unseen23    # 12 more, judged at session 16's end
    python benchmarks/everyday_audit.py --set unseen24    # 12 more, judged in session 17 (check on)
    python benchmarks/everyday_audit.py --set unseen25    # 14 more, judged in session 18 (8 political)
    python benchmarks/everyday_audit.py --set unseen26    # 14 more, judged late in session 18

These pages were read for errors in session 12 and tuned on: the figure is a tuning figure,
not an unseen one (the untouched figures are the facts audit's half D and the fact gold's half
B). Keys are ``benchmarks/facts_audit.py``'s (the page id is the file's two-digit number), and
events are keyed by page, type, trigger and evidence offset; a fact no judgment covers is
counted as unjudged. Judgments and how disagreements were settled:
``benchmarks/gold/everyday_audit/REVIEW.md``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.facts_audit import facts_of, load_judgments  # noqa: E402

# A set of pages and its judgments: the tuning pages, and pages written later and kept unseen.
GOLD = ROOT / "benchmarks" / "gold"
# Sets of pages kept unseen until judged (each judged once, at a frozen commit, before anyone
# read its errors; tuning material after): benchmarks/gold/<name>_audit/{pages,judgments.jsonl}.
UNSEEN = tuple(f"unseen{n}" for n in range(12, 27))
SETS = {
    "everyday": (ROOT / "examples" / "everyday", GOLD / "everyday_audit"),
    **{name: (GOLD / f"{name}_audit" / "pages", GOLD / f"{name}_audit") for name in UNSEEN},
}
PAGES, _GOLD = SETS["everyday"]
JUDGMENTS = _GOLD / "judgments.jsonl"
LETTERS = ("E", "P", "Q", "T", "V")


def event_facts(record: Any, page: str) -> list[tuple[str, str, str]]:
    out = []
    for event in record.events:
        actors = "; ".join(f"{a.span.text!r} [{a.code}]" for a in event.actors) or "-"
        recipients = "; ".join(f"{r.span.text!r} [{r.code}]" for r in event.recipients) or "-"
        line = f"{event.type} {event.status}; actor {actors}; recipient {recipients}"
        line += f"; trigger {event.trigger.text!r}"
        out.append(("V", line, f"{page}|V|{event.type}|{event.trigger.text}|{event.evidence.start}"))
    return out


def analysed(pages: Path = PAGES) -> list[tuple[str, Any]]:
    import newsmill

    lines = (pages / "dates.tsv").read_text(encoding="utf-8").splitlines()
    dates = dict(line.split("\t") for line in lines if "\t" in line)
    return [
        (name[:2], newsmill.analyze((pages / name).read_text(encoding="utf-8"), published=date.strip()))
        for name, date in sorted(dates.items())
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=sorted(SETS), default="everyday", help="which pages")
    parser.add_argument("--judgments", type=Path, help="judgments file (default: the set's)")
    parser.add_argument("--unjudged", action="store_true", help="list the facts no judgment covers")
    parser.add_argument("--json", type=Path, help="write the scores here")
    args = parser.parse_args()
    pages, gold = SETS[args.set]
    verdicts = load_judgments(args.judgments or gold / "judgments.jsonl")
    records = analysed(pages)
    table: dict[str, Counter[str]] = {letter: Counter() for letter in LETTERS}
    for page, record in records:
        for letter, line, key in facts_of(record, page) + event_facts(record, page):
            verdict = verdicts.get(key, "unjudged")
            table[letter][verdict] += 1
            if args.unjudged and verdict == "unjudged":
                print(f"  unjudged {page} {letter} {line}")
    role = "unseen when judged, tuned on since"
    if args.set == "everyday":
        role = "read for errors in session 12: tuning"
    elif args.set == UNSEEN[-1]:
        role = "unseen when judged in session 18 at 0830342, with the fact check on"
    print(f"{len(records)} pages ({pages.relative_to(ROOT)}; {role})")
    print(f"{'':<6}{'precision':>10}{'right/judged':>14}{'unjudged':>10}")
    summary: dict[str, Any] = {"pages": len(records)}
    right_all = wrong_all = 0
    for letter in LETTERS:
        counts = table[letter]
        judged = counts["right"] + counts["wrong"]
        right_all += counts["right"]
        wrong_all += counts["wrong"]
        precision = counts["right"] / judged if judged else None
        shown = f"{precision:.3f}" if precision is not None else "-"
        print(f"{letter:<6}{shown:>10}{counts['right']:>8}/{judged:<5}{counts['unjudged']:>10}")
        summary[letter] = {**counts, "precision": precision}
    judged_all = right_all + wrong_all
    print(
        f"{'all':<6}{right_all / judged_all:>10.3f}{right_all:>8}/{judged_all:<5}"
        f"   wrong per page {wrong_all / len(records):.2f}"
    )
    summary["all"] = {"precision": right_all / judged_all, "wrong_per_page": wrong_all / len(records)}
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
