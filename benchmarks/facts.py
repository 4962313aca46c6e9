"""Fact precision on everyday news: newsmill's entities, places, quotes, times and events
scored against the project's own fact gold set (``benchmarks/gold/facts/``, guideline in
``docs/annotation.md``), per fact type and per half.

    python benchmarks/facts.py [--part A|B|all] [--show-wrong N] [--json OUT] [--gold DIR]
                               [--threshold X]

Each gold file names a page (a development page of ``../shared/eval/extraction`` by its id, or
a page of ``examples/``); the page is read and analysed by ``newsmill.analyze`` exactly as a user
would (the publication date is the one newsmill extracts). Facts are matched to the gold by
surface text with the rules at the end of ``docs/annotation.md``: precision = right / listed,
recall = gold facts matched by a right fact / gold facts, and wrong facts per article.
Halves: a gold file is in half A (tuning) when the first byte of the SHA-1 of its name is even,
else in half B (reported untouched). ``--threshold`` overrides the confidence threshold
(``analyze.min_confidence``) to trace precision against recall.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import math
import re
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

GOLD_DIR = ROOT / "benchmarks" / "gold" / "facts"
PAGES = ROOT.parent / "shared" / "eval" / "extraction" / "pages"
LETTERS = ("E", "P", "Q", "T", "V")
NAMES = {"E": "entities", "P": "places", "Q": "quotes", "T": "times", "V": "events"}
PLACE_KINDS = {"GPE", "LOC"}
POINT_FEATURES = {"city", "town", "district", "site"}
MAX_KM = 100.0
# Event statuses that change what the event means; the rest (asserted, historical) state it happened.
_STATUS_GROUP = {"asserted": "done", "historical": "done", "future": "future",
                 "hypothetical": "hypothetical", "negated": "negated"}  # fmt: skip


def half_of(name: str) -> str:
    return "A" if hashlib.sha1(name.encode()).digest()[0] % 2 == 0 else "B"


_QUOTES = str.maketrans({"‘": "'", "’": "'", "‛": "'", "`": "'", "“": '"', "”": '"', "„": '"',
                         "–": "-", "—": "-", "‐": "-", "\u00a0": " "})  # fmt: skip


def norm(text: str | None) -> str:
    """Case-, quote-, dash- and space-insensitive form; no leading 'the', no possessive."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    text = re.sub(r"\s+", " ", text).strip(" .,;:!?\"'()[]")
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"'s?$", "", text)
    return text.strip()


def tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", unicodedata.normalize("NFKC", text).lower()))


def overlap(a: Counter[str], b: Counter[str]) -> float:
    shorter = min(sum(a.values()), sum(b.values()))
    return sum((a & b).values()) / shorter if shorter else 0.0


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(min(1.0, h)))


@dataclass
class Tally:
    listed: int = 0
    wrong: int = 0
    gold: int = 0
    found: int = 0  # gold facts matched by a right system fact
    errors: list[str] = field(default_factory=list)
    _found: set[int] = field(default_factory=set, repr=False)  # their numbers in the article's gold

    def add(self, other: Tally) -> None:
        self.listed += other.listed
        self.wrong += other.wrong
        self.gold += other.gold
        self.found += other.found

    def find(self, number: int) -> None:
        """Gold fact ``number`` is matched by a right system fact (each counts once)."""
        if number not in self._found:
            self._found.add(number)
            self.found += 1

    def judge(self, right: bool, what: str) -> None:
        self.listed += 1
        if not right:
            self.wrong += 1
            self.errors.append(what)


# --- per fact type ---------------------------------------------------------------------------


def _names(entry: dict[str, Any]) -> set[str]:
    names = {norm(entry.get("name") or entry.get("text"))}
    names |= {norm(a) for a in entry.get("aliases") or []}
    return names - {""}


def score_entities(record: Any, gold: dict[str, Any]) -> Tally:
    tally = Tally(gold=len(gold.get("entities", [])))
    index: dict[str, int] = {}
    surnames: dict[str, set[int]] = {}
    for number, entry in enumerate(gold.get("entities", [])):
        for name in _names(entry):
            index.setdefault(name, number)
        if entry.get("kind") == "PERSON" and len(entry["name"].split()) > 1:
            surnames.setdefault(norm(entry["name"].split()[-1]), set()).add(number)
    not_entities = {norm(x.get("text")) for x in gold.get("not_entities", [])}
    place_names = set().union(*(_names(p) for p in gold.get("places", []))) if gold.get("places") else set()
    for entity in record.entities:
        if entity.kind in PLACE_KINDS:
            continue
        forms = [norm(entity.name), *(norm(m.text) for m in entity.mentions)]
        forms += [
            f.split("'s ", 1)[1] for f in forms if "'s " in f
        ]  # "nasa's office of ..." names the office
        hits = {index[f] for f in forms if f in index}
        if not hits:
            hits = {n for f in forms for n in surnames.get(f, set()) if len(surnames[f]) == 1}
        label = f"E {entity.kind} {entity.name!r}"
        if len(hits) > 1:
            tally.judge(False, f"{label}: merges {len(hits)} gold entities")
            continue
        if not hits:
            reason = "not an entity" if any(f in not_entities for f in forms) else "matches no gold entity"
            if any(f in place_names for f in forms):
                reason = "a place typed as " + entity.kind
            tally.judge(False, f"{label}: {reason}")
            continue
        number = hits.pop()
        entry = gold["entities"][number]
        kinds = {entry["kind"], entity.kind}
        kind_ok = len(kinds) == 1 or kinds == {"ORG", "NORP"}
        country_ok = not (entity.country and entry.get("country")) or entity.country == entry["country"]
        right = kind_ok and country_ok
        why = "" if right else (f"kind {entity.kind} != {entry['kind']}" if not kind_ok else
                                f"country {entity.country} != {entry['country']}")  # fmt: skip
        tally.judge(right, f"{label}: {why}")
        if right:
            tally.find(number)
    return tally


def score_places(record: Any, gold: dict[str, Any]) -> Tally:
    places = gold.get("places", [])
    tally = Tally(gold=len(places))
    index: dict[str, int] = {}
    for number, entry in enumerate(places):
        for name in _names(entry):
            index.setdefault(name, number)
    not_places = {norm(x.get("text")) for x in gold.get("not_places", [])}
    entity_names = (
        set().union(*(_names(e) for e in gold.get("entities", []))) if gold.get("entities") else set()
    )
    for place in record.places:
        forms = [norm(place.name), *(norm(m.text) for m in place.mentions)]
        hits = [index[f] for f in forms if f in index]
        label = f"P {place.name!r} ({place.country}, {place.feature})"
        if not hits:
            reason = (
                "not a place"
                if any(f in not_places or f in entity_names for f in forms)
                else ("matches no gold place")
            )
            tally.judge(False, f"{label}: {reason}")
            continue
        number = Counter(hits).most_common(1)[0][0]
        entry = places[number]
        if entry.get("resolvable") is False:
            right = place.country is None and place.latitude is None
            tally.judge(right, f"{label}: resolved, but the article leaves it ambiguous")
        else:
            right = place.country is None or place.country == entry.get("country")
            why = f"country {place.country} != {entry.get('country')}"
            pointed = entry.get("lat") is not None and entry.get("lon") is not None
            if right and entry.get("feature") in POINT_FEATURES and place.latitude is not None and pointed:
                distance = km(place.latitude, place.longitude, entry["lat"], entry["lon"])
                right = distance <= MAX_KM
                why = f"{distance:.0f} km from the place meant"
            tally.judge(right, f"{label}: {why}")
        if right:
            tally.find(number)
    return tally


def _speaker_forms(quote: Any, record: Any) -> set[str]:
    forms = {norm(quote.speaker_name), norm(quote.speaker.text if quote.speaker else None)}
    forms.add(norm(quote.antecedent.text if quote.antecedent else None))
    for entity in record.entities:
        if entity.id == quote.speaker_entity:
            forms |= {norm(entity.name), *(norm(m.text) for m in entity.mentions)}
    return forms - {""}


def _gold_speaker_forms(entry: dict[str, Any], gold: dict[str, Any]) -> set[str]:
    forms = {norm(entry.get("speaker")), *(norm(s) for s in entry.get("speaker_alt") or [])}
    for entity in gold.get("entities", []):
        if forms & _names(entity):
            forms |= _names(entity)
    surnames = {f.split()[-1] for f in forms if len(f.split()) > 1}
    return (forms | surnames) - {""}


def score_quotes(record: Any, gold: dict[str, Any]) -> Tally:
    quotes = gold.get("quotes", [])
    tally = Tally(gold=len(quotes))
    contents = [tokens(" ".join(filter(None, (q.get("content"), q.get("content_more"))))) for q in quotes]
    for quote in record.quotes:
        got = tokens(quote.content.text)
        scored = [(overlap(got, want), n) for n, want in enumerate(contents)]
        best, number = max(scored, default=(0.0, -1))
        said_by = quote.speaker_name or (quote.speaker.text if quote.speaker else None)
        label = f"Q {quote.content.text[:70]!r} — {said_by}"
        if best < 0.5:
            tally.judge(False, f"{label}: no such quote in the gold")
            continue
        entry = quotes[number]
        right = bool(_speaker_forms(quote, record) & _gold_speaker_forms(entry, gold))
        tally.judge(right, f"{label}: speaker should be {entry.get('speaker')!r}")
        if right:
            tally.find(number)
    return tally


_LEADING = re.compile(r"^(?:on|in|at|by|since|until|from|during|of|the)\s+", re.I)


def _locate(text: str, context: str | None, phrase: str, after: int = 0) -> tuple[int, int] | None:
    """Where ``phrase`` sits in ``text``: inside ``context`` when that is found, else alone."""
    if context:
        at = text.find(context)
        if at < 0:
            flat = re.sub(r"\s+", " ", text)
            at = flat.find(re.sub(r"\s+", " ", context))  # whitespace differs: approximate
        if at >= 0:
            inner = text.find(phrase, at)
            if 0 <= inner <= at + len(context):
                return inner, inner + len(phrase)
    at = text.find(phrase, after)
    if at < 0:
        at = text.lower().find(phrase.lower(), after)
    return (at, at + len(phrase)) if at >= 0 else None


def score_times(record: Any, gold: dict[str, Any]) -> Tally:
    times = gold.get("times", [])
    tally = Tally(gold=len(times))
    spans: list[tuple[int, int] | None] = []
    for entry in times:
        phrase = _LEADING.sub("", entry.get("text") or "")
        spans.append(_locate(record.text, entry.get("context"), phrase) if phrase else None)
    used: set[int] = set()
    for time_expr in record.times:
        label = f"T {time_expr.text!r} = {time_expr.value}"
        candidates = [n for n, s in enumerate(spans) if s and s[0] < time_expr.end and time_expr.start < s[1]]
        if not candidates:  # fall back to the words alone
            bare = norm(_LEADING.sub("", time_expr.text))
            candidates = [
                n for n, e in enumerate(times) if norm(_LEADING.sub("", e.get("text") or "")) == bare
            ]
        candidates = [n for n in candidates if n not in used] or candidates
        if not candidates:
            tally.judge(False, f"{label}: not a time in the gold")
            continue
        number = candidates[0]
        used.add(number)
        entry = times[number]
        want = entry.get("value")
        if entry.get("resolvable") is False or want is None:
            right = resolved = time_expr.value is None
        elif time_expr.value is None:
            right, resolved = True, False  # a time left unresolved claims no wrong date
        else:
            right = resolved = time_expr.value == want or time_expr.value.startswith(want + "T")
        tally.judge(right, f"{label}: should be {want}")
        if right and resolved:
            tally.find(number)
    return tally


def score_events(record: Any, gold: dict[str, Any]) -> Tally:
    events = gold.get("events", [])
    tally = Tally(gold=len(events))
    openings = [norm(e.get("sentence"))[:60] for e in events]
    matched: set[int] = set()
    for event in record.events:
        # A merged event (one per happening) is every sentence that reports it.
        sentences = [norm(m.text) for m in [event.evidence, *getattr(event, "mentions", [])]]
        actors = {a.code for a in event.actors if a.code}
        recipients = {r.code for r in event.recipients if r.code}
        label = f"V {event.type} {sorted(actors)}→{sorted(recipients)} {event.evidence.text[:60]!r}"
        here = [
            n
            for n, o in enumerate(openings)
            if o and any(o in evidence or evidence[:60] in o for evidence in sentences)
        ]
        typed = [n for n in here if events[n]["type"] == event.type]
        if not typed:
            reason = f"type should be {events[here[0]]['type']}" if here else "no event in the gold here"
            tally.judge(False, f"{label}: {reason}")
            continue
        fresh = [n for n in typed if n not in matched]
        if not fresh:
            tally.judge(False, f"{label}: duplicate of an event already listed")
            continue
        number = fresh[0]
        matched.add(number)
        entry = events[number]
        actor_ok = not entry.get("actor") or entry["actor"] in actors
        recipient_ok = not entry.get("recipient") or entry["recipient"] in recipients
        status_ok = _STATUS_GROUP.get(event.status) == _STATUS_GROUP.get(entry.get("status") or "asserted")
        right = actor_ok and recipient_ok and status_ok
        why = (f"actor should be {entry.get('actor')}" if not actor_ok else
               f"recipient should be {entry.get('recipient')}" if not recipient_ok else
               f"status {event.status} != {entry.get('status')}")  # fmt: skip
        tally.judge(right, f"{label}: {why}")
        if right:
            tally.find(number)
    return tally


SCORERS = {"E": score_entities, "P": score_places, "Q": score_quotes, "T": score_times, "V": score_events}


# --- running ---------------------------------------------------------------------------------


def page_path(gold: dict[str, Any]) -> Path:
    if gold.get("source") == "examples":
        return ROOT / gold["id"]
    return PAGES / f"{gold['id']}.html.gz"


def load_gold(directory: Path) -> list[tuple[str, dict[str, Any]]]:
    return [(p.stem, json.loads(p.read_text(encoding="utf-8"))) for p in sorted(directory.glob("*.json"))]


def _scores(t: Tally) -> dict[str, Any]:
    precision = (t.listed - t.wrong) / t.listed if t.listed else 1.0
    recall = t.found / t.gold if t.gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"listed": t.listed, "wrong": t.wrong, "right": t.listed - t.wrong, "gold": t.gold,
            "found": t.found, "precision": precision, "recall": recall, "f1": f1}  # fmt: skip


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    totals = {letter: Tally() for letter in LETTERS}
    for row in rows:
        for letter in LETTERS:
            totals[letter].add(row["tallies"][letter])
    out: dict[str, Any] = {"articles": len(rows)}
    overall = Tally()
    for letter, tally in totals.items():
        out[NAMES[letter]] = _scores(tally)
        overall.add(tally)
    out["all"] = _scores(overall)
    out["wrong_per_article"] = overall.wrong / len(rows) if rows else 0.0
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD_DIR)
    parser.add_argument("--part", choices=("A", "B", "all"), default="all", help="which errors to show")
    parser.add_argument("--show-wrong", type=int, default=0, help="print up to N wrong facts per type")
    parser.add_argument("--threshold", type=float, help="override analyze.min_confidence")
    parser.add_argument("--json", type=Path, help="write the scores here")
    args = parser.parse_args()

    import newsmill
    from newsmill.settings import Settings

    settings = Settings.load()
    if args.threshold is not None:
        settings = dataclasses.replace(
            settings, analyze=dataclasses.replace(settings.analyze, min_confidence=args.threshold)
        )
    rows: list[dict[str, Any]] = []
    started = time.perf_counter()
    for name, gold in load_gold(args.gold):
        path = page_path(gold)
        if not path.exists():
            print(f"skipped {name}: {path} is not here", file=sys.stderr)
            continue
        record = newsmill.analyze(path, settings=settings)
        tallies = {letter: SCORERS[letter](record, gold) for letter in LETTERS}
        rows.append({"name": name, "half": half_of(name), "beat": gold.get("beat"), "tallies": tallies})
    elapsed = time.perf_counter() - started

    print(
        f"{len(rows)} gold articles analysed in {elapsed:.1f}s (half A tunes, half B is reported untouched)"
    )
    header = (
        f"{'part':<6}{'n':>4}  "
        + "".join(f"{NAMES[x]:>17}" for x in LETTERS)
        + f"{'all':>17}{'wrong/art':>11}"
    )
    print(header)
    print(f"{'':<10}  " + "".join(f"{'P    R    F1':>17}" for _ in range(6)))
    result: dict[str, Any] = {"threshold": settings.analyze.min_confidence}
    for part in ("A", "B", "all"):
        chosen = [r for r in rows if part == "all" or r["half"] == part]
        s = summarise(chosen)
        result[part] = s
        cells = "".join(
            f"{s[k]['precision']:>7.2f}{s[k]['recall']:>5.2f}{s[k]['f1']:>5.2f}"
            for k in (*NAMES.values(), "all")
        )
        print(f"{part:<6}{s['articles']:>4}  {cells}{s['wrong_per_article']:>11.1f}")
    counts = result["all"]
    print(
        "listed / wrong / gold per type (all): "
        + ", ".join(
            f"{k} {counts[k]['listed']}/{counts[k]['wrong']}/{counts[k]['gold']}" for k in NAMES.values()
        )
    )
    if args.show_wrong:
        for letter in LETTERS:
            shown = 0
            print(f"\n# wrong {NAMES[letter]} ({args.part})")
            for row in rows:
                if args.part != "all" and row["half"] != args.part:
                    continue
                for error in row["tallies"][letter].errors:
                    if shown < args.show_wrong:
                        print(f"  [{row['name']}] {error}")
                        shown += 1
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
