"""Which place a name means, and how sure we are: candidates ranked by evidence.

A place name is resolved only when the article leaves little doubt. Candidates come from the
gazetteer (countries, US states, first-level regions, cities by their own name, then alternate
names and transliteration variants) and are ranked by evidence:

- a qualifier written after the name ("Greenbelt, Maryland", "Elkton, MD", "Paris, Texas"),
- the article's countries and US states (names, nationalities, the dateline),
- population, and how far the largest namesake outweighs the others.

A small town that shares its name with other places and has no evidence is left unresolved
(no country, no coordinates) rather than put on the map wrongly; a name found nowhere is a
place only when the sentence uses it as one ("in X", "near X"). The solar system's bodies
(``data/celestial.txt``) are never geocoded. Every answer carries a confidence in [0, 1]
(``docs/confidence.md``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsmill.analyze.dictionaries import person_nouns
from newsmill.analyze.gazetteer import City, Country, Gazetteer, skeleton
from newsmill.analyze.gender import is_first_name
from newsmill.analyze.sentences import opens_sentence, text_of
from newsmill.analyze.times import WEEKDAYS
from newsmill.analyze.wordlists import phrases, words

_DATA = Path(__file__).with_name("data")
# Words that put a name on the map in the sentence itself.
_LOCATIVE = frozenset(
    "in at near from into across outside inside around throughout toward towards between within".split()
)
# Continents' parts and world regions (shared with the event coder, which gives them no code).
_WORLD_REGIONS = phrases("events/region_names.txt")
_STATE_WORD = re.compile(r"\s+(?:state|State)\b")
_STATE_OF = re.compile(r"\bstate of\s+$", re.I)
_PLACE_NOUNS = frozenset(
    "region province state city town village county district island islands republic kingdom "
    "capital area territory port suburb borough municipality".split()
)
# Confidence of each kind of resolution (see docs/confidence.md).
COUNTRY = 0.95
QUALIFIED = 0.92
REGION = 0.9
LARGE_CITY = 0.85
LOCAL_CITY = 0.8
KNOWN_CITY = 0.7
VARIANT = 0.6
REGION_PART = 0.8
UNRESOLVED_LOCATIVE = 0.55
UNRESOLVED = 0.35
NOT_A_PLACE = 0.1
TEAM = "a team named after the place"  # the reason, read again for one sense per article


@dataclass(slots=True, frozen=True)
class Resolution:
    place: City | Country | None
    confidence: float
    reason: str


@functools.cache
def celestial_bodies() -> frozenset[str]:
    lines = (_DATA / "celestial.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def _state_code(name: str, gazetteer: Gazetteer, *, written: str) -> str | None:
    """The US state a qualifier names: 'Maryland', 'Md.', or 'MD' written in capitals."""
    code = gazetteer.state_codes.get(name.lower())
    if code is None and len(written) == 2 and written.isupper() and written.isalpha():
        code = written if written in gazetteer.states else None
    return code


def qualifier_after(text: str, end: int) -> str | None:
    """'Greenbelt, Maryland' → 'Maryland'; 'Elkton, MD' → 'MD' (the words after one comma)."""
    match = re.match(r",\s+((?:[A-Z][\w.]*\.?)(?:\s+[A-Z][\w.]*\.?){0,2})", text[end : end + 40])
    return match.group(1) if match else None


def _known_qualifier(qualifier: str | None, gazetteer: Gazetteer) -> str | None:
    """The longest run of the qualifier's first words that names a US state, a province
    elsewhere or a country ("N.S." of "N.S. That ..."); None for "the Earth, Cook said"."""
    words = qualifier.split() if qualifier else []
    for count in range(len(words), 0, -1):
        written = " ".join(words[:count])
        if (
            _state_code(written.lower(), gazetteer, written=written)
            or gazetteer.country(written)
            or written.lower() in gazetteer.province_codes
        ):
            return written
    return None


def _metropolis_spelled_so(key: str, largest: int, gazetteer: Gazetteer) -> City | None:
    """'Montreal': a city of a million or more whose usual English spelling is an alternate
    name (geonames has Montréal), where every city of exactly that name is a village a
    hundred times smaller (Montreal, Wisconsin: 783 people). News means the metropolis."""
    if largest >= 10_000:
        return None
    big = [c for c in gazetteer.alternates.get(key, []) if c.population >= max(1_000_000, 100 * largest)]
    return max(big, key=lambda c: c.population) if big else None


# A name in one of these relations modifies the noun after it ("MacBook keyboards").
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def is_locative(doc: Any, start: int) -> bool:
    """The word before the name (past a 'the') is a preposition of place, or the name follows
    a place noun and 'of' ("the region of Kashmir")."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    whole = doc.char_span(start, _name_end(doc, start), alignment_mode="expand")
    if whole is not None and whole.root.dep_ in _MODIFIER_DEPS:
        return False  # "in MacBook keyboards", "from the Mars-Moon program": a modifier, no place
    previous = doc[span.start - 1]
    if previous.lower_ == "the" and span.start > 1:
        previous = doc[span.start - 2]
    if previous.lower_ == "of" and previous.i > 0 and doc[previous.i - 1].lower_ in _PLACE_NOUNS:
        return True  # "the disputed region of Kashmir", "the town of Easton"
    return previous.lower_ in _LOCATIVE


def _written_as_a_name(doc: Any, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.start == span.sent.start:
        return False  # a capital at the start of a sentence says nothing
    return span.root.dep_ not in _MODIFIER_DEPS


def _name_end(doc: Any, start: int) -> int:
    """Where the capitalised name starting at ``start`` ends."""
    found = re.match(r"[\w.'’-]+(?:\s+[A-Z][\w.'’-]*)*", text_of(doc)[start:])
    return start + (found.end() if found else 1)


# Particles of personal names ("Ludwig van Beethoven", "Ahmed bin Salman", "Van der Wiel"):
# read by the entity evidence too.
NAME_PARTICLES = frozenset(
    "van von der den de del della di da dos das du la le bin bint ibn al el ben ter zu y e".split()
)


def resolve(
    name: str,
    written: str,
    start: int,
    end: int,
    doc: Any,
    gazetteer: Gazetteer,
    countries: set[str],
    states: set[str],
    nearby: set[str],
    home: str | None = None,
) -> Resolution:
    """The place ``name`` (as written at Doc offsets ``start``-``end``) most likely means;
    ``home``: the country of the article's dateline."""
    text: str = text_of(doc)
    key = name.lower()
    qualifier = _known_qualifier(qualifier_after(text, end), gazetteer)
    province = gazetteer.province_codes.get(qualifier.lower()) if qualifier else None
    if key in celestial_bodies() and qualifier is None:
        return Resolution(None, NOT_A_PLACE, "a body of the solar system")
    if (other := _names_something_else(doc, start, end, name, gazetteer)) is not None:
        return Resolution(None, NOT_A_PLACE, other)
    if _defined_abbreviation(written, text) and not gazetteer.country(name):
        # "the Portuguese Institute of Cinema and Audiovisual (ICA)" ... "ICA": an
        # abbreviation the text spells out is that body, not Ica, Peru.
        return Resolution(None, NOT_A_PLACE, "an abbreviation the text defines")
    if _employer(text, start) and not gazetteer.country(name) and not gazetteer.is_city_name(name, 100_000):
        # "an analyst at Bernstein", "a professor at Princeton": where someone works is a
        # body, not a town of that name (a country or a sizeable city stays a place).
        return Resolution(None, NOT_A_PLACE, "an employer after a person noun and 'at'")
    if (country := gazetteer.country(name)) is not None:
        if (state := _state_named_like(country, written, text, gazetteer, countries, states)) is not None:
            return Resolution(state, REGION, "US state named like a country")
        return Resolution(country, COUNTRY, "country")
    if key in gazetteer.continents:
        return Resolution(None, REGION, "a continent")
    if key in _WORLD_REGIONS or (
        f"the {key}" in _WORLD_REGIONS and text[max(0, start - 4) : start].lower() == "the "
    ):
        # "the Middle East" is no neighbourhood of Baltimore: a world region is no town. The
        # data file knows it for a place: it is reported, with no country and no point.
        return Resolution(None, REGION, "a world region")
    if key in NAME_PARTICLES and re.match(r"\s+(?:(?:der|den|de|la|le)\s+)?[A-Z]", text[end : end + 6]):
        # "Van der Wiel, who took over ...": a surname's particle opening a sentence, not Van.
        return Resolution(None, NOT_A_PLACE, "the particle of a surname")
    if key in person_nouns() and qualifier is None and opens_sentence(text, start):
        # "Man jailed for 27 years over killing": a noun for a person capitalised because it
        # opens the headline or sentence, not Man, Ivory Coast.
        return Resolution(None, NOT_A_PLACE, "a person noun opening its sentence")
    if is_first_name(name) and qualifier is None and not is_locative(doc, start):
        # "Mary" is a city in Turkmenistan and a first name far more often.
        return Resolution(None, UNRESOLVED, "a first name more often than a place")
    cities = gazetteer.cities.get(key, [])
    largest = max((c.population for c in cities), default=0)
    # A state named like a large city ("Washington", "New York") is the state only when the
    # text says so ("Washington state", "the state of New York") or writes it as a qualifier
    # ("Seattle, Washington"); alone, news means the city.
    said_state = _STATE_WORD.match(text, end) is not None or _STATE_OF.search(
        text[max(0, start - 14) : start]
    )
    state_meant = largest < 500_000 or said_state or _after_comma(text, start)
    if state_meant and (code := _state_code(key, gazetteer, written=written)) is not None:
        state = gazetteer.states.get(code)
        if state is not None and (len(written) > 2 or _after_comma(text, start)):
            return Resolution(state, REGION, "US state")
    if qualifier:
        wanted_state = _state_code(qualifier.lower(), gazetteer, written=qualifier)
        wanted_country = gazetteer.country(qualifier)
        chosen = [
            c
            for c in cities
            if (wanted_state and c.country == "USA" and c.admin1 == wanted_state)
            or (wanted_country and c.country == wanted_country.iso3)
            or (province and (c.country, c.admin1) == province)  # "Yarmouth, N.S.", "Dubbo, NSW"
        ]
        if chosen:
            return Resolution(max(chosen, key=lambda c: c.population), QUALIFIED, "qualified")
    regions = gazetteer.regions.get(key, [])
    if regions and state_meant:
        return Resolution(regions[0], REGION, "region")
    if _definite(doc, start, end) and not gazetteer.is_geographic(name):
        # "the White House", "the Crystal Palace": a building or a landmark, not the town of
        # that name (towns are not written with "the"; "The Hague" carries it in its name;
        # regions are: "the District of Columbia", "the Bay Area").
        return Resolution(None, UNRESOLVED, "a landmark named with 'the'")
    region = gazetteer.unique_region(name)
    if region is not None and cities and region.country in countries | nearby:
        # "14 cities in Bulacan, Rizal and Cavite", "settlements in Ontario": a province of a
        # country the article names, before a town of its name there (under 100,000) or a city
        # of its name abroad (under a million: Ontario, California, in a Hamilton story).
        home = max((c.population for c in cities if c.country == region.country), default=0)
        abroad = max((c.population for c in cities if c.country != region.country), default=0)
        if home < 100_000 and abroad < 1_000_000:
            return Resolution(region, REGION, "province of a country the article names")
    if region is not None and largest < 1_000_000 and len(key) > 3 and key in gazetteer.province_codes:
        # "Ontario", "Queensland", "Nova Scotia": a province or state that news names without
        # its country (data/provinces.tsv) is the province, not a city of its name elsewhere
        # (Ontario, California).
        return Resolution(region, REGION, "a province news names without its country")
    if cities and (metropolis := _metropolis_spelled_so(key, largest, gazetteer)) is not None:
        return Resolution(metropolis, LARGE_CITY, "a metropolis written without its accents")
    if cities:
        at_home = [c for c in cities if c.country == home and c.population >= 50_000]
        if at_home:
            # "SANTIAGO, Chile (EFE)" ... "the port of San Antonio": a sizeable city of the
            # dateline's country is meant before a larger namesake abroad (San Antonio, Texas).
            return Resolution(
                max(at_home, key=lambda c: c.population), LOCAL_CITY, "in the dateline's country"
            )
        found = _rank_cities(cities, countries, states, capitals=gazetteer.capitals)
        if found is not None:
            return found
    if region is not None and region.country in countries | nearby:
        return Resolution(region, REGION, "province of a country the article names")
    locative = is_locative(doc, start)
    if not (written.isupper() and len(written) <= 5):  # an acronym is no alternate name
        # Another language's or an older name for a city ("Kiev" for Kyiv, "Rangoon" for
        # Yangon, "Salt" for As Salt): a capital's; one in a country the sentence names, or in
        # a country the article names where the sentence uses it as a place; a very large
        # city's where the name is written as a name — capitalised mid-sentence and heading
        # its phrase ("Part of the plan" is no Perth, nor "White House officials" Casablanca).
        named_here = _written_as_a_name(doc, start, end)
        alternates = [
            c
            for c in gazetteer.alternates.get(key, [])
            if c.country in nearby
            or c.geonameid in gazetteer.capitals
            or (c.country in countries and locative)
            or (c.population >= 1_000_000 and named_here)
        ]
        if alternates:
            found = _rank_cities(alternates, countries, states, alternate=True)
            if found is not None:
                return found
    # Consonant skeletons of short names collide by chance ("Diwali" and Doiwala, "Bush" and
    # Bushey): a variant counts for a long name or one the sentence uses as a place.
    if nearby and (locative or len(written) >= 8):
        # Only other spellings: a city of this very name was weighed above ("the Richmond exit"
        # in a story naming Quebec is no Richmond, British Columbia, spelled another way).
        variants = [
            c
            for c in gazetteer.skeletons.get(skeleton(name), [])
            if c.country in nearby and c.name.lower() != key
        ]
        if variants:
            return Resolution(max(variants, key=lambda c: c.population), VARIANT, "spelling variant")
    if (part := _compass_part(name)) is not None:
        inner = resolve(part, part, start, end, doc, gazetteer, countries, states, nearby)
        if inner.confidence >= REGION:
            # "North India", "Eastern Europe", "Inner Mongolia": a part of a country, a
            # continent or a state, named by its direction: a place, though not a point.
            return Resolution(None, REGION_PART, "part of " + inner.reason)
    if cities or regions or _says_place(name, text, end):
        # A namesake we could not choose between, or a name that says it is land or water
        # ("the Tibetan Plateau", "the Bay Area", "Ernakulam district"): a place, but not one
        # we can put on the map.
        return Resolution(None, UNRESOLVED_LOCATIVE if locative else UNRESOLVED, "unresolved")
    # A name found nowhere — no city, region, alternate name or variant of it — is no place
    # we can vouch for even after "in" ("in Cloud City", "in Braveheart", "on Weibo": a toy set,
    # a film, a website on the tuning pages): reported only at a lower threshold.
    return Resolution(None, UNRESOLVED, "not in the gazetteer")


# Land and water words that make a name found nowhere a place's ("the Tibetan Plateau").
_LAND_AND_WATER = frozenset(
    "area bay coast gulf sea ocean mountains desert peninsula strait basin delta plateau valley "
    "river lake lakes island islands highlands".split()
)
# A place noun after a name: "Kerala's Ernakulam district", "Berrien County".
_PLACE_NOUN_AFTER = re.compile(r"\s+(?:district|province|county|region|prefecture|governorate|state)\b", re.I)


def _says_place(name: str, text: str, end: int) -> bool:
    words = name.lower().split()
    return bool(set(words[1:]) & _LAND_AND_WATER) or _PLACE_NOUN_AFTER.match(text, end) is not None


def _state_named_like(
    country: Country, written: str, text: str, gazetteer: Gazetteer, countries: set[str], states: set[str]
) -> City | None:
    """Georgia the US state, not the country: a name both carry means the state in an article
    that names the United States or another state, unless it writes the country's capital or
    its people ("Tbilisi", "Georgian")."""
    code = gazetteer.state_codes.get(written.lower())
    if code is None or len(written) <= 2 or not ("USA" in countries or states - {code}):
        return None
    own = [country.capital] if country.capital else []
    own += [d for d, iso3 in gazetteer.demonyms.items() if iso3 == country.iso3]
    if any(re.search(rf"\b{re.escape(word)}\b", text, re.I) for word in own if word):
        return None
    return gazetteer.states.get(code)


_COMPASS = re.compile(
    r"(?:Inner|Outer|North|South|East|West|Northern|Southern|Eastern|Western|Central|North-?[Ee]ast(?:ern)?|"
    r"North-?[Ww]est(?:ern)?|South-?[Ee]ast(?:ern)?|South-?[Ww]est(?:ern)?|Upper|Lower)\s+(?P<part>[A-Z].+)"
)


def _compass_part(name: str) -> str | None:
    """'Eastern Europe' → 'Europe': the place a directional region name is part of."""
    found = _COMPASS.fullmatch(name.strip())
    return found.group("part") if found else None


# Words after a place name that make it a team ("Tottenham manager", "Porto's fans").
_TEAM_WORDS = frozenset(
    "side manager boss coach fans supporters players squad striker midfielder defender goalkeeper "
    "keeper captain club team forward winger goaltender goalie netminder defenceman defenseman "
    "quarterback pitcher batsman bowler skipper".split()
)


_PERSON_AT = re.compile(r"\b(?P<noun>[a-z]+)\s+(?:at|with)\s+(?:the\s+)?$")


@functools.cache
def _person_nouns() -> frozenset[str]:
    """Nouns for people who work somewhere, less the thing words ("a video at ...")."""
    from newsmill.analyze.dictionaries import person_nouns

    return person_nouns() - words("thing_words.txt")


def _employer(text: str, start: int) -> bool:
    """The name follows a person noun and "at" or "with": "an analyst at Bernstein"."""
    found = _PERSON_AT.search(text[max(0, start - 40) : start])
    if found is None:
        return False
    noun = found.group("noun")
    # The lists, or a noun of a profession by its ending ("strategist", "physician").
    return noun in _person_nouns() or (len(noun) > 5 and noun.endswith(("ist", "ists", "ian", "ians")))


# Capitalised words that make a place name the start of another's name: a body ("UK
# Biobank", "Delhi Police"), a club ("Bristol City", "Adelaide United"), a thing, a building
# or a street ("Gloucester Road", "Santa Rosa Hospital").
_NAME_HEADS = (words("organisation_words.txt") | words("thing_words.txt") | words("club_words.txt")) - {
    "city",
    "state",
    "county",
    "republic",
}


def _defined_abbreviation(written: str, text: str) -> bool:
    """``written`` is an abbreviation in capitals that the text defines in brackets, "(ICA)"."""
    bare = written.strip()
    return bool(re.fullmatch(r"[A-Z]{2,6}", bare)) and f"({bare})" in text


def _names_something_else(doc: Any, start: int, end: int, name: str, gazetteer: Gazetteer) -> str | None:
    """A place name used for a team ('the Tottenham manager'), inside a product's name right
    after its maker ('Ford Mustang'), or opening another's name ('Gloucester Road', 'UK
    Biobank', 'Melbourne City' — unless the whole is a place, as 'Mexico City' is)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    following = doc[span.end] if span.end < len(doc) else None
    gap = text_of(doc)[end : following.idx] if following is not None else ""
    # Only a space between: the parse may start a sentence at the second word of a name.
    if following is not None and following.text[:1].isupper() and gap.strip(" ") == "" and "\n" not in gap:
        whole = f"{name} {following.text}"
        named = following.lower_ in _NAME_HEADS or following.lower_ == "city"
        if named and not gazetteer.cities.get(whole.lower()) and not gazetteer.regions.get(whole.lower()):
            return "the start of another name (a body, a club, a street or a thing)"
        if following.lower_ in WEEKDAYS and not is_locative(doc, start):
            # "Sheffield Wednesday 2-2 Bristol City": a club; "in London Tuesday" is a date.
            return "a club named with a weekday"
    last = span[-1]
    if len(span) > 1 and last.lower_ in _NAME_HEADS | {"city"} and last.text[:1].isupper():
        # The model's mention holds the other name's head: "Melbourne City", "Bristol Rovers".
        whole = re.sub(r"^the\s+", "", text_of(doc)[start:end].strip(), flags=re.I)
        if not (
            gazetteer.cities.get(whole.lower())
            or gazetteer.regions.get(whole.lower())
            or gazetteer.country(whole)  # "the West Bank"
            or whole.lower() in _WORLD_REGIONS
        ):
            return "the start of another name (a body, a club, a street or a thing)"
    after = span.end
    if after < len(doc) and doc[after].tag_ == "POS":
        after += 1
    if after < len(doc) and doc[after].lower_ in _TEAM_WORDS:
        return TEAM
    if (
        after + 1 < len(doc)
        and doc[after].lower_ in {"head", "assistant"}
        and doc[after + 1].lower_ == "coach"
    ):
        return TEAM  # "Sparta head coach Pavel Říha"
    maker = doc[span.start - 1] if span.start > 0 else None
    if maker is not None and maker.ent_type_ == "ORG" and maker.whitespace_:
        return "a model named after the place, after its maker"
    return None


def _rank_cities(
    cities: list[City],
    countries: set[str],
    states: set[str],
    *,
    alternate: bool = False,
    capitals: frozenset[int] = frozenset(),
) -> Resolution | None:
    best = max(cities, key=lambda c: c.population)
    in_state = [c for c in cities if c.country == "USA" and c.admin1 in states]
    # In a state the article names, unless a namesake elsewhere is ten times its size.
    if in_state and max(c.population for c in in_state) * 10 >= best.population:
        where = max(in_state, key=lambda c: c.population)
        return Resolution(where, LOCAL_CITY, "in a state the article names")
    # A US town in a state the article does not name is no local evidence when it names others.
    local = [c for c in cities if c.country in countries and not (c.country == "USA" and states)]
    if local and states and any(c.country == "USA" for c in cities):
        # "the Richmond exit" in a Vermont story: a US namesake outside the states it names is
        # no evidence for it, and so none for a namesake in another country the story names
        # (Canada, by Quebec) either; a capital or a far larger city may still be meant.
        local = []
    if local:
        home = max(local, key=lambda c: c.population)
        outweighs = home.population * 10 >= best.population or best.population < 100_000
        if outweighs and (home.population >= 15_000 or len(cities) == 1):
            return Resolution(home, LOCAL_CITY, "in a country the article names")
    # Else a national capital is what its bare name means in the news ("Washington" in a
    # story that names Britain is still the US capital: its English namesake is a tenth of it).
    capital = [c for c in cities if c.geonameid in capitals and c.population >= 100_000]
    if capital:
        return Resolution(capital[0], LARGE_CITY, "a national capital")
    if local and best.population < 1_000_000:
        return None  # a small namesake at home, a larger one abroad: leave it unresolved
    runner_up = max((c.population for c in cities if c is not best), default=0)
    if best.population >= 1_000_000 and not alternate:
        return Resolution(best, LARGE_CITY, "a large city")
    if best.population >= 100_000 and runner_up * 5 <= best.population:
        return Resolution(best, KNOWN_CITY, "the one sizeable city of that name")
    return None


_HEAD_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj", "dative", "ROOT"})


def _definite(doc: Any, start: int, end: int) -> bool:
    """The name is written with "the" and heads its phrase ("the White House said"), rather
    than modifying a noun the article belongs to ("the London market")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    before = doc[span.start - 1] if span.start > 0 else None
    as_written = text_of(doc)[start:end].lower()
    with_the = as_written.startswith("the ") or (before is not None and before.lower_ == "the")
    heads = span.root.dep_ in _HEAD_DEPS
    hyphenated = text_of(doc)[end : end + 1] == "-"  # "the Delhi-based council"
    return with_the and heads and not hyphenated


def _after_comma(text: str, start: int) -> bool:
    return text[max(0, start - 2) : start].strip() == ","
