"""Scraped plain-text pages: body lines and titles, round by round.

    python benchmarks/text_pages.py [--json OUT]

The pages under ``tests/resources/pages*`` were written in rounds by evaluators who had not
seen the reader's rules at the time; each ``.json`` tags every line (P paragraph, C its
continuation, T/S/A/D header lines, B:<reasons> furniture, X either). Per round this prints
body-line precision, recall and F1 (a line is body when a paragraph of the record covers it;
X lines are not scored; a page with no article found loses all its body lines) and how many
titles are right. A round's first figures, measured before any rule was written for its pages,
are kept in ``tests/resources/README.md``.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

RESOURCES = Path(__file__).resolve().parents[1] / "tests" / "resources"


def _norm(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def _expected(path: Path) -> dict[str, Any]:
    return json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))


def score_page(path: Path) -> dict[str, int]:
    import newsmill

    expected = _expected(path)
    text = path.read_text(encoding="utf-8")
    tags = expected["line_tags"]
    gold = {i for i, tag in enumerate(tags) if tag in ("P", "C")}
    either = {i for i, tag in enumerate(tags) if tag == "X"}
    try:
        record = newsmill.analyze(text)
    except newsmill.NewsmillError:
        return {"tp": 0, "fp": 0, "fn": len(gold), "title": 0, "failed": 1}
    body = {
        line
        for p in record.paragraphs
        for line in range(text.count("\n", 0, p.start), text.count("\n", 0, p.end) + 1)
    } - either
    titles = [_norm(expected["title"]), *map(_norm, expected.get("title_ok", []))]
    return {
        "tp": len(body & gold),
        "fp": len(body - gold),
        "fn": len(gold - body),
        "title": int(_norm(record.title.text if record.title else None) in titles),
        "failed": 0,
    }


def score_round(folder: Path) -> dict[str, Any]:
    pages = [p for p in sorted(folder.glob("*.txt")) if not _expected(p).get("no_article")]
    totals = {"tp": 0, "fp": 0, "fn": 0, "title": 0, "failed": 0}
    for path in pages:
        for key, value in score_page(path).items():
            totals[key] += value
    precision = totals["tp"] / max(totals["tp"] + totals["fp"], 1)
    recall = totals["tp"] / max(totals["tp"] + totals["fn"], 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    return {"pages": len(pages), "precision": precision, "recall": recall, "f1": f1, **totals}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="write the scores here")
    parser.add_argument("--rounds", nargs="*", help="only these rounds (folder names)")
    args = parser.parse_args()
    folders = [f for f in sorted(RESOURCES.glob("pages*")) if f.is_dir()]
    rounds = {f.name: score_round(f) for f in folders if not args.rounds or f.name in args.rounds}
    print(f"{'round':<8}{'pages':>6}{'P':>7}{'R':>7}{'F1':>7}{'titles':>9}{'failed':>8}")
    all_totals = {"tp": 0, "fp": 0, "fn": 0, "title": 0, "pages": 0, "failed": 0}
    for name, r in rounds.items():
        print(f"{name:<8}{r['pages']:>6}{r['precision']:>7.3f}{r['recall']:>7.3f}{r['f1']:>7.3f}"
              f"{r['title']:>5}/{r['pages']:<3}{r['failed']:>6}")  # fmt: skip
        for key in all_totals:
            all_totals[key] += r[key]
    p = all_totals["tp"] / max(all_totals["tp"] + all_totals["fp"], 1)
    r_ = all_totals["tp"] / max(all_totals["tp"] + all_totals["fn"], 1)
    f1 = 2 * p * r_ / max(p + r_, 1e-9)
    print(f"{'all':<8}{all_totals['pages']:>6}{p:>7.3f}{r_:>7.3f}{f1:>7.3f}"
          f"{all_totals['title']:>5}/{all_totals['pages']:<3}{all_totals['failed']:>6}")  # fmt: skip
    if args.json:
        rounds["all"] = {"precision": p, "recall": r_, "f1": f1, **all_totals}
        args.json.write_text(json.dumps(rounds, indent=2))


if __name__ == "__main__":
    main()
