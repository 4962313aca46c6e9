"""Facts on everyday news, read by hand: how many of the entities, places, quotes and times
newsmill reports on pages nobody annotated are right (the way the facts issue is measured at
review, ``../shared/eval/facts-judging.md``).

    python benchmarks/facts_audit.py --sheets DIR          # one fact sheet per page to judge
    python benchmarks/facts_audit.py [--judgments FILE]    # score the stored judgments

The pages are the development pages of ``../shared/eval/extraction`` that the fact gold does
not annotate (the events audit reads the events of the same pages). They are split by the
SHA-1 of the page id: half C (first byte even) is read for errors and tuned on, half D is
reported untouched. ``--sheets`` writes, per page, the article's paragraphs then every fact
numbered (E entity, P place, Q quote, T time), and ``keys.jsonl`` mapping each numbered fact to
a key made of the page id, the letter and the fact's own content (entity kind and name, role,
country, sector; place name, country and rounded coordinates; quote content start, cue and speaker;
time text and value), so judgments survive re-runs and a changed fact counts as unjudged.
A judgment line: ``{"key": ..., "verdict": "right"|"wrong", "why": ...}``.
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

from benchmarks.events_audit import unannotated_pages  # noqa: E402
from benchmarks.facts import half_of as gold_half  # noqa: E402

JUDGMENTS = ROOT / "benchmarks" / "gold" / "facts_audit" / "judgments.jsonl"
LETTERS = ("E", "P", "Q", "T")


def half_of(page: str) -> str:
    """The fact gold's split by hash (``facts.half_of``), named C (its A) and D (its B)."""
    return "C" if gold_half(page) == "A" else "D"


def _squash(text: str | None, limit: int | None = None) -> str:
    flat = " ".join((text or "").split())
    return flat[:limit] if limit else flat


def facts_of(record: Any, page: str) -> list[tuple[str, str, str]]:
    """(letter, line shown to the reader, key) for every fact of the record, in sheet order."""
    out: list[tuple[str, str, str]] = []
    for entity in record.entities:
        forms = sorted({_squash(m.text) for m in entity.mentions})
        extra = "; ".join(
            f"{name}: {value}"
            for name, value in (("role", entity.role), ("country", entity.country), ("sector", entity.sector))
            if value
        )
        line = f"{entity.kind} {entity.name!r}" + (f" ({extra})" if extra else "") + f" — written as {forms}"
        key = f"{page}|E|{entity.kind}|{_squash(entity.name)}|{entity.role}|{entity.country}|{entity.sector}"
        out.append(("E", line, key))
    for place in record.places:
        where = (
            f"{place.latitude:.2f}, {place.longitude:.2f}" if place.latitude is not None else "no coordinates"
        )
        forms = sorted({_squash(m.text) for m in place.mentions})
        line = f"{place.name!r} country {place.country} feature {place.feature} at {where}"
        line += f" — written as {forms}"
        rounded = f"{place.latitude:.1f},{place.longitude:.1f}" if place.latitude is not None else ""
        out.append(("P", line, f"{page}|P|{_squash(place.name)}|{place.country}|{rounded}"))
    for quote in record.quotes:
        speaker = quote.speaker_name or (quote.speaker.text if quote.speaker else None)
        written = quote.speaker.text if quote.speaker else None
        cue = quote.cue.text if quote.cue else None
        line = (
            f"{quote.kind} quote, speaker {speaker!r} (written {written!r}), cue {cue!r}: "
            f"«{_squash(quote.content.text)}»"
        )
        key = f"{page}|Q|{_squash(quote.content.text, 60)}|{cue}|{speaker}"
        out.append(("Q", line, key))
    for time in record.times:
        line = f"{_squash(time.text)!r} → {time.value or 'unresolved'}"
        out.append(("T", line, f"{page}|T|{_squash(time.text)}|{time.value}|{time.start}"))
    return out


def analysed(pages: list[Path]) -> list[tuple[str, Any]]:
    import newsmill

    out = []
    for path in pages:
        try:
            out.append((path.name[:12], newsmill.analyze(path)))
        except newsmill.NewsmillError:
            continue
    return out


def write_sheets(directory: Path, records: list[tuple[str, Any]]) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    with (directory / "keys.jsonl").open("w", encoding="utf-8") as keys:
        for page, record in records:
            lines = [f"# Sheet {page} (half {half_of(page)})", ""]
            published = record.published.date if record.published else "unknown"
            lines += [f"Title: {record.title.text if record.title else '—'}", f"Published: {published}"]
            if record.subtitle:
                lines.append(f"Standfirst: {_squash(record.subtitle.text)}")
            lines += ["", "## Article", ""]
            lines += [f"[{n}] {_squash(p.text)}" for n, p in enumerate(record.paragraphs, 1)]
            lines += ["", "## Facts", ""]
            counters: Counter[str] = Counter()
            for letter, line, key in facts_of(record, page):
                counters[letter] += 1
                label = f"{letter}{counters[letter]}"
                lines.append(f"{label} {line}")
                keys.write(json.dumps({"sheet": page, "fact": label, "key": key}, ensure_ascii=False) + "\n")
            (directory / f"{page}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def load_judgments(path: Path) -> dict[str, str]:
    verdicts = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            judged = json.loads(line)
            verdicts[judged["key"]] = judged["verdict"]
    return verdicts


def score(records: list[tuple[str, Any]], verdicts: dict[str, str]) -> dict[str, Any]:
    table: dict[str, dict[str, Counter[str]]] = {h: {x: Counter() for x in LETTERS} for h in "CD"}
    pages = Counter(half_of(page) for page, _ in records)
    for page, record in records:
        for letter, _, key in facts_of(record, page):
            table[half_of(page)][letter][verdicts.get(key, "unjudged")] += 1
    out: dict[str, Any] = {}
    for half, letters in table.items():
        row: dict[str, Any] = {"pages": pages[half]}
        wrong_total = right_total = unjudged = 0
        for letter, counts in letters.items():
            judged = counts["right"] + counts["wrong"]
            row[letter] = {**counts, "precision": round(counts["right"] / judged, 3) if judged else None}
            wrong_total += counts["wrong"]
            right_total += counts["right"]
            unjudged += counts["unjudged"]
        judged = wrong_total + right_total
        row["all"] = {
            "right": right_total,
            "wrong": wrong_total,
            "unjudged": unjudged,
            "precision": round(right_total / judged, 3) if judged else None,
            "wrong_per_article": round(wrong_total / pages[half], 2) if pages[half] else None,
        }
        out[half] = row
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sheets", type=Path, help="write one fact sheet per page here")
    parser.add_argument("--judgments", type=Path, default=JUDGMENTS)
    parser.add_argument("--json", type=Path, help="write the scores here")
    args = parser.parse_args()
    records = analysed(unannotated_pages())
    if args.sheets:
        write_sheets(args.sheets, records)
        print(f"{len(records)} sheets written to {args.sheets}")
        return
    scores = score(records, load_judgments(args.judgments))
    names = {"E": "entities", "P": "places", "Q": "quotes", "T": "times"}
    print(f"{len(records)} unannotated pages (half C read for errors, half D reported untouched)")
    header = "".join(f"{names[x]:>18}" for x in LETTERS)
    print(f"{'half':5}{'pages':>6}{header}{'all':>18}{'wrong/art':>10}")
    for half, row in scores.items():
        cells = []
        for letter in (*LETTERS, "all"):
            cell = row[letter]
            judged = cell.get("right", 0) + cell.get("wrong", 0)
            shown = f"{cell['precision']:.2f}" if cell["precision"] is not None else "—"
            cells.append(f"{shown} {cell.get('right', 0)}/{judged} +{cell.get('unjudged', 0)}".rjust(18))
        print(f"{half:5}{row['pages']:>6}" + "".join(cells) + f"{row['all']['wrong_per_article']!s:>10}")
    print("cells: precision, right/judged facts, +facts no judgment covers")
    if args.json:
        args.json.write_text(json.dumps(scores, indent=2))


if __name__ == "__main__":
    main()
