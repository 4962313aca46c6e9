"""A learned second opinion on every entity, place, quote and time of a record.

The stages score each fact by hand-written evidence (``evidence.py``, ``quote_evidence.py``,
``times.py``). What those levels cannot see is how the facts of one page bear on each other:
a name typed a person on one line and a company on the next, a town resolved far from every
other place of the story, a quote whose speaker is a pronoun and whose cue is rare. This module
describes each emitted fact by such page-level features and asks a small logistic model, trained
on the readers' verdicts stored under ``benchmarks/gold/*/judgments.jsonl``
(``benchmarks/train_fact_check.py``), how likely the fact is right. The fact's confidence becomes
the lower of the stage's and the model's, so the one threshold (``analyze.min_confidence``)
still decides what is emitted.

Features read the finished ``Record`` only: the check needs no parse and runs the same on
records made by the CLI, the API or the spaCy components. The weights live in
``data/fact_check.json``; without that file the check changes nothing.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterator
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from newsmill.analyze.actors import ActorDictionary, load_actors
from newsmill.analyze.gazetteer import load_gazetteer
from newsmill.analyze.given_names import is_given_name, is_surname
from newsmill.analyze.wordlists import words as word_list
from newsmill.model import Entity, Place, Quote, Record, Span, TimeExpr

WEIGHTS = Path(__file__).parent / "data" / "fact_check.json"
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "his", "her", "their"})
_WEEKDAYS = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_COMMON_CUES = frozenset({"said", "says", "told", "added", "say", "tells", "adds", "according"})
_FUTURE_CUES = re.compile(r"\b(?:will|would|next|due|is to|are to|plans?|scheduled|expected)\b")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")

Features = dict[str, float]
# The entity attributes the check may strip, by letter.
ATTRIBUTES = {"C": "country", "S": "sector"}


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _log_count(n: int) -> float:
    return math.log1p(n)


class _Page:
    """What every fact's features read from the record, computed once."""

    def __init__(self, record: Record) -> None:
        self.text = record.text
        self.blocks = [(b.start, b.end) for b in record.blocks]
        heads = [s for s in (record.title, record.subtitle) if s is not None]
        self.heads = [(s.start, s.end) for s in heads]
        self.dateline = (record.dateline.lead.start, record.dateline.lead.end) if record.dateline else None
        self.kind_of_word: dict[str, set[str]] = {}
        for entity in record.entities:
            for word in _words(entity.name):
                if word[:1].isupper() and len(word) > 2:
                    self.kind_of_word.setdefault(word.lower(), set()).add(entity.kind)
        self.names = [e.name.lower() for e in record.entities]
        self.kind_of_entity = {e.id: e.kind for e in record.entities}
        self.speakers = {q.speaker_entity for q in record.quotes if q.speaker_entity}
        countries = Counter(p.country for p in record.places if p.country)
        self.main_country = countries.most_common(1)[0][0] if countries else None
        lead = self.dateline
        self.dateline_place = next(
            (p for p in record.places if lead and any(self._overlaps(m, lead) for m in p.mentions)), None
        )
        self.places = record.places
        self.countries_named = {p.country for p in record.places if p.feature == "country"}
        self.place_countries = {p.country for p in record.places if p.country}
        self.published = date.fromisoformat(record.published.date) if record.published else None

    @staticmethod
    def _overlaps(span: Span, bounds: tuple[int, int]) -> bool:
        return span.start < bounds[1] and bounds[0] < span.end

    def share(self, spans: list[Any], ranges: list[tuple[int, int]]) -> float:
        if not spans:
            return 0.0
        return sum(any(self._overlaps(s, r) for r in ranges) for s in spans) / len(spans)

    def opens_sentence(self, span: Span) -> bool:
        """Like ``sentences.opens_sentence``, but a newline anywhere in the three characters
        before counts ("- Cairo" opens a list item) and so does a closing single quote: the
        weights were trained on this reading (45 feature values of the 14,565 facts on the
        judged sets would change)."""
        before = self.text[max(0, span.start - 3) : span.start]
        return span.start == 0 or "\n" in before or bool(re.search(r"[.!?][\"'”’]?\s+$", before))

    def capital_neighbour(self, span: Span) -> bool:
        """A capitalised word runs straight into the mention on its line ("Banik Ostrava",
        "Fairview Cove"): the mention may be a piece of a longer name."""
        left = re.search(r"([^\W\d_][\w'’.-]*)[ \t]$", self.text[max(0, span.start - 40) : span.start])
        right = re.match(r"[ \t]([^\W\d_][\w'’-]*)", self.text[span.end : span.end + 40])
        word = left.group(1) if left else ""
        # An abbreviation before the name ("Dr.", "UK") is a title or a qualifier, not a name.
        abbreviation = word.rstrip(".").isupper() and len(word) <= 4
        if word[:1].isupper() and not abbreviation and not self.opens_sentence(span):
            return True
        return bool(right and right.group(1)[:1].isupper())

    def after(self, span: Span, width: int = 3) -> str:
        return self.text[span.end : span.end + width]


def _confidence(features: Features, value: float) -> None:
    features["confidence"] = value
    features["confidence_low"] = float(value < 0.7)
    features["confidence_high"] = float(value >= 0.9)


def entity_features(entity: Entity, page: _Page) -> Features:
    words = _words(entity.name)
    features: Features = {"bias": 1.0}
    _confidence(features, entity.confidence)
    kind = entity.kind if entity.kind in {"PERSON", "ORG", "GPE", "LOC", "NORP"} else "OTHER"
    features[f"kind_{kind}"] = 1.0
    mentions = entity.mentions
    features["mentions"] = _log_count(len(mentions))
    features["one_mention"] = float(len(mentions) == 1)
    features["one_word"] = float(len(words) == 1)
    features["long_name"] = float(len(words) >= 4)
    for name in ("role", "country", "sector"):
        features[f"has_{name}"] = float(getattr(entity, name) is not None)
    features["all_caps"] = float(entity.name.isupper() and len(entity.name) > 1)
    features["digit"] = float(any(c.isdigit() for c in entity.name))
    features["accented"] = float(any(ord(c) > 127 for c in entity.name))
    features["in_heads"] = page.share(mentions, page.heads)
    features["in_blocks"] = page.share(mentions, page.blocks)
    features["opens_sentence"] = sum(page.opens_sentence(m) for m in mentions) / max(len(mentions), 1)
    features["possessive"] = float(any(page.after(m).startswith(("'s", "’s")) for m in mentions))
    features["capital_neighbour"] = sum(page.capital_neighbour(m) for m in mentions) / max(len(mentions), 1)
    features["mention_digit"] = float(any(c.isdigit() for m in mentions for c in m.text))
    features["speaks"] = float(entity.id in page.speakers)
    kinds = set().union(*(page.kind_of_word.get(w.lower(), set()) for w in words if len(w) > 2))
    features["word_other_kind"] = float(bool(kinds - {entity.kind}))
    name = entity.name.lower()
    features["part_of_other"] = float(
        any(other != name and re.search(rf"\b{re.escape(name)}\b", other) for other in page.names)
    )
    forms = {" ".join(m.text.split()) for m in mentions}
    features["forms"] = _log_count(len(forms))
    features["lower_form"] = float(any(f[:1].islower() for f in forms))
    lowered = [w.lower() for w in words]
    features["known_actor"] = float(
        entity.kind in {"PERSON", "ORG"} and _actors().lookup(entity.name, entity.kind) is not None
    )
    features["given_first"] = float(bool(words) and is_given_name(words[0]))
    features["surname_last"] = float(bool(words) and is_surname(words[-1]))
    features["organisation_word"] = float(any(w in word_list("organisation_words.txt") for w in lowered))
    features["thing_word"] = float(
        any(w in word_list("thing_words.txt") or w in word_list("product_words.txt") for w in lowered)
    )
    crossed = ("known_actor", "given_first", "surname_last", "organisation_word", "one_word", "speaks")
    for feature in (*crossed, "word_other_kind", "has_role", "one_mention", "possessive"):
        features[f"{kind}_{feature}"] = features[feature]
    return features


def attribute_features(entity: Entity, page: _Page, attribute: str, base: Features | None = None) -> Features:
    """An entity's stated country or sector: the entity's features (``base``, when already
    computed), the value stated, and whether the page's places back a country. Readers find
    the name right and the attribute wrong often enough (a union's sector, a Korean chief
    executive's country) that the check strips the attribute rather than dropping the entity."""
    features = dict(base) if base is not None else entity_features(entity, page)
    value = getattr(entity, attribute)
    features[f"value_{value}"] = 1.0
    features[f"{entity.kind}_value_{value}"] = 1.0
    if attribute == "country":
        features["country_main"] = float(value == page.main_country)
        features["country_of_places"] = float(value in page.place_countries)
    return features


def _distance_km(a: Place, b: Place) -> float | None:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))  # type: ignore[arg-type]
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(min(1.0, math.sqrt(h)))


def place_features(place: Place, page: _Page) -> Features:
    features: Features = {"bias": 1.0}
    _confidence(features, place.confidence)
    feature = place.feature if place.feature in {"country", "region", "city", "town"} else "none"
    features[f"feature_{feature}"] = 1.0
    features["no_coordinates"] = float(place.latitude is None)
    features["mentions"] = _log_count(len(place.mentions))
    features["one_mention"] = float(len(place.mentions) == 1)
    features["in_dateline"] = float(bool(page.dateline) and page.share(place.mentions, [page.dateline]) > 0)  # type: ignore[list-item]
    features["in_blocks"] = page.share(place.mentions, page.blocks)
    features["in_heads"] = page.share(place.mentions, page.heads)
    features["main_country"] = float(place.country is not None and place.country == page.main_country)
    features["no_country"] = float(place.country is None)
    written = {" ".join(m.text.split()).lower() for m in place.mentions}
    features["renamed"] = float(place.name.lower() not in written)
    glued = sum(page.capital_neighbour(m) for m in place.mentions)
    features["capital_neighbour"] = glued / max(len(place.mentions), 1)
    features["mention_digit"] = float(any(c.isdigit() for m in place.mentions for c in m.text))
    words = _words(place.name)
    kinds = set().union(*(page.kind_of_word.get(w.lower(), set()) for w in words if len(w) > 2))
    features["word_person_org"] = float(bool(kinds & {"PERSON", "ORG"}))
    anchor = page.dateline_place
    far = None
    if anchor is not None and anchor is not place:
        far = _distance_km(place, anchor)
    features["far"] = math.log1p(far / 100) if far is not None else 0.0
    features["far_town"] = features["far"] * float(feature in {"town", "city"})
    features["town_foreign"] = float(feature == "town" and not features["main_country"])
    # A namesake picked in error lies far from every other place of the story; the right town
    # is usually near one of them (Chornobyl "north of Kyiv"), whatever the dateline says.
    nearest = min(
        (d for other in page.places if other is not place and other.feature in {"city", "town"}
         if (d := _distance_km(place, other)) is not None),
        default=None,
    )  # fmt: skip
    features["near_other"] = float(feature in {"city", "town"} and nearest is not None and nearest < 300)
    features["town_near_other"] = features["near_other"] * float(feature == "town")
    features["country_named"] = float(feature != "country" and place.country in page.countries_named)
    features.update(_namesake_features(place))
    return features


def _namesake_features(place: Place) -> Features:
    """What the gazetteer says about the name: how big the chosen place is, whether it is a
    national capital, and how many countries have a town of that name. A namesake error needs
    namesakes; a large city or a capital is seldom one."""
    if place.feature not in {"city", "town"} or place.latitude is None:
        return {}
    gazetteer = load_gazetteer()
    candidates = gazetteer.namesakes(place.name)
    same = [c for c in candidates if c.country == place.country]
    if not same:
        return {"not_in_gazetteer": 1.0}
    chosen = min(same, key=lambda c: abs(c.latitude - place.latitude) + abs(c.longitude - place.longitude))  # type: ignore[operator]
    countries = {c.country for c in candidates if c.population >= 1000}
    return {
        "population": math.log10(max(chosen.population, 1)) / 7,
        "capital": float(chosen.geonameid in gazetteer.capitals),
        "namesake_countries": math.log1p(len(countries - {chosen.country})),
        "largest_namesake": float(chosen.population >= max(c.population for c in candidates)),
    }


def quote_features(quote: Quote, page: _Page) -> Features:
    features: Features = {"bias": 1.0}
    _confidence(features, quote.confidence)
    features[f"kind_{quote.kind}"] = 1.0
    content = quote.content.text
    words = _words(content)
    features["content_words"] = _log_count(len(words))
    features["short"] = float(len(words) < 5)
    features["opens_lower"] = float(content.strip()[:1].islower())
    features["question"] = float("?" in content)
    first = words[0].lower() if words else ""
    features["relative_open"] = float(first in {"that", "which", "who", "whom", "whose", "where", "when"})
    cue = (quote.cue.text.lower().split() or [""])[0] if quote.cue else ""
    features["no_cue"] = float(quote.cue is None)
    features["common_cue"] = float(cue in _COMMON_CUES)
    features["no_speaker"] = float(quote.speaker is None)
    written = quote.speaker.text.lower() if quote.speaker else ""
    features["pronoun"] = float(written in _PRONOUNS)
    features["named_speaker"] = float(quote.speaker_entity is not None)
    named = {w.lower() for w in _words(quote.speaker_name or "")}
    written_words = {w.lower() for w in _words(written)}
    features["speaker_rewritten"] = float(
        bool(written) and not features["pronoun"] and bool(named) and not named & written_words
    )
    features["speaker_longer"] = float(len(written_words - named) >= 2 and bool(named))
    kind = page.kind_of_entity.get(quote.speaker_entity or "", "none")
    features[f"speaker_{kind if kind in {'PERSON', 'ORG', 'none'} else 'OTHER'}"] = 1.0
    features["speaker_one_word"] = float(len((quote.speaker_name or "").split()) == 1)
    features["in_heads"] = page.share([quote.content], page.heads)
    features["in_blocks"] = page.share([quote.content], page.blocks)
    features[f"{quote.kind}_pronoun"] = features["pronoun"]
    return features


def time_features(time: TimeExpr, page: _Page) -> Features:
    features: Features = {"bias": 1.0}
    _confidence(features, time.confidence)
    features["unresolved"] = float(time.value is None)
    precision = time.precision if time.precision in {"day", "month", "year", "week"} else "other"
    features[f"precision_{precision}"] = 1.0
    features[f"basis_{time.basis}"] = 1.0
    features["weekday"] = float(bool(_WEEKDAYS.search(time.text)))
    features["digit"] = float(any(c.isdigit() for c in time.text))
    features["in_blocks"] = page.share([time], page.blocks)
    features["in_heads"] = page.share([time], page.heads)
    features["words"] = _log_count(len(time.text.split()))
    days = None
    if page.published and time.value and re.match(r"\d{4}-\d{2}-\d{2}", time.value):
        try:
            days = (date.fromisoformat(time.value[:10]) - page.published).days
        except ValueError:
            days = None
    features["far"] = math.log1p(abs(days) / 7) if days is not None else 0.0
    features["future"] = float(days is not None and days > 0)
    context = page.text[max(0, time.start - 80) : time.end + 20].lower()
    future_cue = bool(_FUTURE_CUES.search(context))
    features["future_cue"] = float(future_cue)
    features["future_cue_past_value"] = float(future_cue and days is not None and days < 0)
    features["past_value_no_cue"] = float(not future_cue and days is not None and days > 0)
    features["weekday_future"] = features["weekday"] * features["future"]
    features["year_only"] = float(bool(re.fullmatch(r"\d{4}", time.text.strip())))
    return features


def record_features(record: Record, letters: str = "EPQT") -> Iterator[tuple[str, Any, Features]]:
    """(letter, fact, features) for every entity, place, quote and time of ``record`` (those
    of ``letters`` only), in the record's order (E, P, Q, T). Letters C and S describe an
    entity's stated country and sector: (letter, entity, features) for each entity that has one."""
    page = _Page(record)
    kinds = (
        ("E", record.entities, entity_features),
        ("P", record.places, place_features),
        ("Q", record.quotes, quote_features),
        ("T", record.times, time_features),
    )
    computed: dict[int, Features] = {}  # entity features, shared by E and the attributes
    for letter, facts, features_of in kinds:
        if letter in letters:
            for fact in facts:
                features = features_of(fact, page)  # type: ignore[operator]
                if letter == "E":
                    computed[id(fact)] = features
                yield letter, fact, features
    for letter, attribute in ATTRIBUTES.items():
        if letter in letters:
            for entity in record.entities:
                if getattr(entity, attribute) is not None:
                    base = computed.get(id(entity))
                    yield letter, entity, attribute_features(entity, page, attribute, base)


@cache
def _actors() -> ActorDictionary:
    return load_actors()


@cache
def load_model(path: Path = WEIGHTS) -> tuple[dict[str, dict[str, float]], float]:
    """The weights per fact letter and the operating point (the probability of being right
    below which a fact is dropped at the default threshold); no file, no check."""
    if not path.exists():
        return {}, 0.5
    model = json.loads(path.read_text(encoding="utf-8"))
    return model["weights"], float(model["operating_point"])


@cache
def attribute_point(path: Path = WEIGHTS) -> float:
    """The probability of being right below which a stated country or sector is stripped."""
    if not path.exists():
        return 0.0
    return float(json.loads(path.read_text(encoding="utf-8")).get("attribute_operating_point", 0.0))


def probability(weights: dict[str, float], features: Features) -> float:
    score = sum(weights.get(name, 0.0) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


def checked_confidence(probability: float, operating_point: float) -> float:
    """The model's probability on the confidence scale: the operating point lands on 0.5, the
    default threshold, and the scale stays monotone (0 → 0, 1 → 1), so a higher
    ``min_confidence`` asks the check for more too."""
    if probability < operating_point:
        return 0.5 * probability / operating_point
    return 0.5 + 0.5 * (probability - operating_point) / (1.0 - operating_point)


def check_record(record: Record, min_confidence: float) -> dict[int, int]:
    """Lower each fact's confidence to the check's, when that is lower, strip the countries
    and sectors it doubts, and drop the facts that fall below ``min_confidence`` (with the
    places of dropped entities and the speaker links to them). Returns where each kept quote
    moved (old index → new index)."""
    weights, operating_point = load_model()
    if weights:
        lowered: dict[int, float] = {}
        stripped: list[tuple[Entity, str]] = []
        for letter, fact, features in list(record_features(record, "".join(weights))):
            chance = probability(weights[letter], features)
            if letter in ATTRIBUTES:
                if chance < attribute_point():
                    stripped.append((fact, ATTRIBUTES[letter]))
                continue
            lowered[id(fact)] = round(min(fact.confidence, checked_confidence(chance, operating_point)), 3)
        # A doubtful country or sector is removed, not the entity: a missing attribute is not
        # a wrong one.
        for entity, attribute in stripped:
            setattr(entity, attribute, None)
        for fact in (*record.entities, *record.places, *record.quotes):
            fact.confidence = lowered.get(id(fact), fact.confidence)
        # Times are spans, and spans are frozen: a checked one is copied with its confidence.
        record.times = [
            t.model_copy(update={"confidence": lowered[id(t)]}) if id(t) in lowered else t
            for t in record.times
        ]
    record.entities = [e for e in record.entities if e.confidence >= min_confidence]
    kept = {e.id for e in record.entities}
    record.places = [p for p in record.places if p.confidence >= min_confidence and p.entity_id in kept]
    kept_quotes = [n for n, q in enumerate(record.quotes) if q.confidence >= min_confidence]
    record.quotes = [record.quotes[n] for n in kept_quotes]
    for quote in record.quotes:
        if quote.speaker_entity not in kept:
            quote.speaker_entity = None
    record.times = [t for t in record.times if t.confidence >= min_confidence]
    return {old: new for new, old in enumerate(kept_quotes)}
