"""Places in the entities stage (see ``entities.py``): places the model missed (the dateline,
gazetteer names), the countries an article names, the dateline's country, and place mentions
clustered into one draft per place meant (each resolved by ``places.resolve``)."""

from __future__ import annotations

import functools
import re
from typing import Any

from newsmill.analyze.gazetteer import City, Country, Gazetteer
from newsmill.analyze.mentions import (
    Coverage,
    EntityContext,
    EntityDraft,
    Mention,
    as_name,
    bare_name,
    country_words,
    inside_name,
)
from newsmill.analyze.places import NOT_A_PLACE, QUALIFIED, REGION, TEAM, Resolution, resolve
from newsmill.analyze.sentences import sentence_of, text_of
from newsmill.analyze.wordlists import pairs


def missing_places(
    doc: Any, mentions: list[Mention], gazetteer: Gazetteer, context: EntityContext
) -> list[Mention]:
    added: list[Mention] = []
    text = text_of(doc)
    place_words = {bare_name(m.text) for m in mentions if m.label == "GPE" and " " not in m.text.strip()}
    covered = Coverage(len(text), mentions)
    if context.dateline is not None:
        start, end = context.dateline
        for mention in mentions:
            if mention.start <= start and end <= mention.end:
                mention.source = "dateline"  # the place of the dateline: never a speaker
                if mention.label != "GPE":
                    mention.label = "GPE"  # the dateline is a place, whatever the model said
        if not covered.overlaps(start, end):
            added.append(Mention(start, end, "GPE", text[start:end], source="dateline"))
            covered.add(added[-1])
    for token in doc:
        if token.is_punct or not token.text[:1].isupper() or token.idx in covered:
            continue
        word = bare_name(token.text)
        if len(word) < 3:
            continue
        upper = token.text.isupper() and len(token.text) > 3
        # A word the model tags as a place elsewhere in the text is a place here too (a
        # headline's first word is often tagged as an adjective).
        known = word in place_words
        if token.pos_ != "PROPN" and not upper and not known:
            continue
        name = word.title() if upper else word
        country = gazetteer.country(name)
        big_city = gazetteer.is_city_name(name, 100_000)
        if not country and inside_name(token):
            continue  # "Haroon Rashid Aswad": Rashid is no place here
        if country or big_city or known:
            end = token.idx + len(word)
            added.append(Mention(token.idx, end, "GPE", text[token.idx : end], source="gazetteer"))
            covered.add(added[-1])
    return added


def countries_mentioned(mentions: list[Mention], gazetteer: Gazetteer) -> set[str]:
    countries: set[str] = set()
    for mention in mentions:
        bare = bare_name(mention.text)
        found = gazetteer.country(bare)
        if found:
            countries.add(found.iso3)
        elif mention.label == "NORP" and (iso3 := gazetteer.demonym(bare)):
            countries.add(iso3)
    return countries


def _region_country(context: EntityContext, gazetteer: Gazetteer) -> str | None:
    """The country the dateline's region names, when its place is a city of that country:
    "NEWCASTLE, KwaZulu-Natal" is South Africa's Newcastle, "TRIPOLI, Lebanon" Lebanon's."""
    if not context.dateline_name or not context.dateline_region:
        return None
    region = context.dateline_region
    country = gazetteer.country(region)
    found = gazetteer.unique_region(region) if country is None else None
    code = country.iso3 if country else (found.country if found else None)
    if code is None:
        return None
    key = context.dateline_name.lower()
    cities = [c for table in (gazetteer.cities, gazetteer.alternates) for c in table.get(key, [])]
    return code if any(c.country == code for c in cities) else None


def dateline_country_of(context: EntityContext, gazetteer: Gazetteer, countries: set[str]) -> str | None:
    if not context.dateline_name:
        return None
    country = gazetteer.country(context.dateline_name)
    if country:
        return country.iso3
    if (regional := _region_country(context, gazetteer)) is not None:
        return regional
    city = gazetteer.lookup_city(context.dateline_name, countries)
    return city.country if city else None


def unambiguous_dateline_country(context: EntityContext, gazetteer: Gazetteer) -> str | None:
    """The dateline's country when its place leaves no doubt: a country, a city its region
    places ("NEWCASTLE, KwaZulu-Natal"), or a city name only one country has ("Santiago de
    Chile"; not "CAMBRIDGE", "TRIPOLI")."""
    if not context.dateline_name:
        return None
    if (country := gazetteer.country(context.dateline_name)) is not None:
        return country.iso3
    if (regional := _region_country(context, gazetteer)) is not None:
        return regional
    key = context.dateline_name.lower()
    found = {c.country for table in (gazetteer.cities, gazetteer.alternates) for c in table.get(key, [])}
    return found.pop() if len(found) == 1 else None


def cluster_places(
    mentions: list[Mention], doc: Any, gazetteer: Gazetteer, countries: set[str], home: str | None = None
) -> list[EntityDraft]:
    """One draft per place meant; each mention resolved by evidence (``places.resolve``)."""
    clusters: dict[str, EntityDraft] = {}
    states = {
        code
        for m in mentions
        if (code := gazetteer.state_codes.get(as_name(m.text).lower())) and len(m.text) > 2
    }
    resolved: list[tuple[Mention, str, Resolution]] = []
    for mention in sorted(mentions, key=lambda m: m.start):
        name = as_name(mention.text)
        nearby = _sentence_countries(mention, doc, gazetteer)
        found = resolve(name, bare_name(mention.text), mention.start, mention.end, doc, gazetteer,
                        countries, states, nearby, home)  # fmt: skip
        region = _region(mention, name, text_of(doc), gazetteer, countries)
        called = region is not None and _REGION_WORD.match(text_of(doc), mention.end) is not None
        if region is not None and (
            (found.place is None and found.confidence > NOT_A_PLACE)  # judged no place: stays none
            # "Chile's Coquimbo region": the region, not the city of its name, when the text
            # calls it one and no qualifier said otherwise
            or (called and isinstance(found.place, City) and found.confidence < QUALIFIED)
        ):
            found = Resolution(region, REGION, "a region the text calls one")
        resolved.append((mention, name, found))
    # A name the text once shows to be a team ("Sparta head coach") is the team wherever the
    # article writes it ("Třinec edge Sparta", "a season high for Sparta").
    teams = {name.lower() for _, name, found in resolved if found.reason == TEAM}
    resolved = [
        (m, name, Resolution(None, NOT_A_PLACE, TEAM) if name.lower() in teams else found)
        for m, name, found in resolved
    ]
    # One sense per article: a name the text once qualifies ("PARIS, Texas") means that place
    # wherever else the article writes it.
    qualified = {name.lower(): found for _, name, found in resolved if found.confidence >= QUALIFIED}
    for mention, name, found in resolved:
        if found.place is not None and found.confidence < QUALIFIED and name.lower() in qualified:
            found = qualified[name.lower()]
        place = found.place
        nation = _nations().get(name.lower())
        if isinstance(place, Country) and nation is not None and nation.iso3 == place.iso3:
            place = nation  # "Wales" is Wales, of GBR, not the United Kingdom under another name
        if isinstance(place, Country):
            key = f"c:{place.iso3}:{place.name}"
        elif isinstance(place, City):
            key = f"g:{place.geonameid}:{place.name}"
        else:
            key = f"n:{name.lower()}"
        if key not in clusters:
            canonical = place.name if place is not None else name
            draft = EntityDraft("GPE" if mention.label == "GPE" else "LOC", canonical, [], place=place)
            draft.country = place.iso3 if isinstance(place, Country) else (
                place.country if isinstance(place, City) else None)  # fmt: skip
            draft.confidence = found.confidence
            clusters[key] = draft
        clusters[key].confidence = max(clusters[key].confidence, found.confidence)
        clusters[key].mentions.append(mention)
    return list(clusters.values())


@functools.cache
def _nations() -> dict[str, Country]:
    """The nations of ``data/nations.tsv`` ("Wales" → Wales, GBR, with its own coordinates)."""
    out = {}
    for name, value in pairs("nations.tsv").items():
        iso3, where = value.split()
        latitude, longitude = (float(x) for x in where.split(","))
        out[name] = Country(iso3, name.title(), latitude, longitude, None)
    return out


_REGION_WORD = re.compile(r"\s*(?:province|region|state|district)\b", re.I)


def _region(mention: Mention, name: str, text: str, gazetteer: Gazetteer, countries: set[str]) -> City | None:
    """'the government of Sindh province', 'Darfur': a first-level region only one country
    has, when the text calls it a region or names that country (a capitalised headline word
    may be a province's name by chance)."""
    bare = _REGION_WORD.sub("", name).strip() or name
    region = gazetteer.unique_region(bare)
    if region is None:
        return None
    called = bool(_REGION_WORD.match(text, mention.end)) or _REGION_WORD.search(name) is not None
    return region if called or region.country in countries else None


def _sentence_countries(mention: Mention, doc: Any, gazetteer: Gazetteer) -> set[str]:
    """Countries the mention's sentence names, by name, nationality or sizeable city."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return set()
    found: set[str] = set()
    for token in sentence_of(doc, span.start):
        if token.idx == mention.start or not token.text[:1].isupper():
            continue
        name = as_name(token.text)
        if iso3 := country_words(name, gazetteer):
            found.add(iso3)
        elif gazetteer.is_city_name(name, 100_000) and (city := gazetteer.lookup_city(name)) is not None:
            found.add(city.country)
    return found
