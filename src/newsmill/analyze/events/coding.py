"""Actor codes from names and words: an entity's ISO-3 country (or IGO / NGO), a demonym or
country written in a phrase, a misspelt country name, and a participant's PLOVER/CAMEO sector.

The word classes here (people, groups, sectors) are shared by the rules that find participants.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from newsmill.analyze.dictionaries import agent_sector
from newsmill.analyze.entities import EntityDraft, known_actor
from newsmill.analyze.gazetteer import City, Country, Gazetteer
from newsmill.analyze.wordlists import pairs, phrases, words

# International and non-governmental organisations, by the names news uses (general world
# knowledge, not a list of any test set's actors).
IGO = re.compile(
    r"\b(?:United Nations|U\.?N\.?|UNHCR|UNICEF|UNESCO|UNIFIL|WFP|World Food Program(?:me)?|Security Council|"
    r"General Assembly|NATO|North Atlantic Treaty|European (?:Union|Community|Commission|Parliament|Council)|"
    r"EU|EC|Arab League|League of Arab States|African Union|Organi[sz]ation (?:of|for) [A-Z][\w ]+|OAU|OSCE|"
    r"OPEC|ASEAN|APEC|Asia-Pacific Economic Cooperation|World Bank|International Monetary Fund|IMF|WTO|"
    r"World Trade Organi[sz]ation|World Health Organi[sz]ation|WHO|IAEA|International Atomic Energy Agency|"
    r"International Labou?r (?:Office|Organi[sz]ation)|ILO|Interpol|Red Cross|Red Crescent|ECOWAS|"
    r"Commonwealth|G7|G8|G20|International Criminal Court|ICC|war crimes (?:court|tribunal)|"
    r"International Court of Justice|Council of Europe|Gulf Cooperation Council|common market)\b"
)
NGO = re.compile(
    r"\b(?:Amnesty International|Human Rights Watch|Medecins Sans Frontieres|Médecins Sans Frontières|"
    r"Doctors Without Borders|Oxfam|Greenpeace|Save the Children|Transparency International|"
    r"Physicians for Human Rights|(?:human rights|rights|aid|relief|humanitarian|advocacy|charity) "
    r"(?:group|organi[sz]ation|watchdog|agency|body)|Forum|Association of [A-Z][\w ]+)\b",
    re.I,
)
# Sector of a participant from its head noun or a modifier (PLOVER/CAMEO sector codes).
SECTOR_WORDS: dict[str, str] = pairs("events/sector_words.tsv")
PERSON_WORDS = words("events/person_words.txt")


def is_person_word(token: Any) -> bool:
    """'refugees', 'a prisoner': people (by the word or its lemma)."""
    return token.lower_ in PERSON_WORDS or token.lemma_.lower() in PERSON_WORDS


# "an anti-Syria journalist", "the pro-Iranian Hizbollah", "the Syrian-backed Amal militia":
# a country named as a stance or a sponsor is not whose the phrase is.
_STANCE_BEFORE = re.compile(r"\b(?:anti|pro)-?$", re.I)
_STANCE_AFTER = re.compile(r"-?(?:backed|sponsored|supported|allied|leaning|friendly)\b", re.I)


def stance(text: str, start: int, end: int) -> bool:
    """The words at ``start:end`` name a stance or a sponsor ("anti-Syria", "Syrian-backed")."""
    return bool(_STANCE_BEFORE.search(text, max(0, start - 5), start) or _STANCE_AFTER.match(text, end))


_REGION_NAMES = phrases("events/region_names.txt")


def _country_by_name(name: str, gazetteer: Gazetteer) -> str | None:
    bare = re.sub(r"\s*\(.*$", "", re.sub(r"^the\s+", "", name.strip(), flags=re.I))
    found = gazetteer.country(bare)
    if found is not None:
        return found.iso3
    return None


def _misspelt_country(name: str, gazetteer: Gazetteer) -> str | None:
    """'Afganistan', 'Ethopia': a place name the gazetteer lacks, one letter from exactly one
    country's name of seven letters or more (where one slip cannot make another
    country or a city)."""
    word = name.lower()
    if len(word) < 6 or not word.isalpha() or gazetteer.is_city_name(name, 0):
        return None
    found = {
        code
        for known, code in _long_country_names(gazetteer)
        if abs(len(known) - len(word)) <= 1 and _one_edit(word, known)
    }
    return found.pop() if len(found) == 1 else None


_LONG_NAMES: dict[int, list[tuple[str, str]]] = {}


def _long_country_names(gazetteer: Gazetteer) -> list[tuple[str, str]]:
    names = _LONG_NAMES.get(id(gazetteer))
    if names is None:
        names = [(k, v) for k, v in gazetteer.country_names.items() if len(k) >= 7 and k.isalpha()]
        _LONG_NAMES[id(gazetteer)] = names
    return names


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one inserted, deleted or replaced letter, or two swapped."""
    if a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


_DIRECTED = re.compile(
    r"(?:the )?(?:north|south|east|west|northern|southern|eastern|western|central|upper|lower|"
    r"north-?eastern|north-?western|south-?eastern|south-?western)\s+(.+)$",
    re.I,
)


def entity_code(entity: EntityDraft, gazetteer: Gazetteer | None, on: date | None = None) -> str | None:
    name = entity.name
    if (
        entity.kind in {"PERSON", "ORG", "NORP"}
        and entity.country is None
        and (known := known_actor(entity, on))
    ):
        return known.code  # a dictionary's IGO/NGO/IMG; NORP: "the Sandinista government"
    if entity.kind in {"LOC", "GPE"} and name.lower() in _REGION_NAMES:
        return None  # a continent or region is no actor code
    if entity.kind == "NORP" and entity.country is None and gazetteer is not None:
        # "Bosnian Serbs": the people of the first word's country.
        for word in name.split():
            code = gazetteer.demonym(word)
            if code in gazetteer.countries:
                return code
    texts = [name, *(m.text for m in entity.mentions)]
    if entity.kind in {"ORG", "NORP", "FAC", "GPE"}:
        if any(NGO.search(t) for t in texts):
            return "NGO"
        if (any(IGO.search(t) for t in texts) and entity.kind != "GPE") or name in {
            "UN",
            "U.N.",
            "EU",
            "NATO",
        }:
            return "IGO"
    if entity.kind in {"GPE", "LOC"} and gazetteer is not None:
        # "South Lebanon", "western Cambodia": a country with a compass word is that country,
        # whatever small town of the same name the gazetteer knows.
        directed = _DIRECTED.match(name)
        whole = gazetteer.country(re.sub(r"^the\s+", "", name, flags=re.I))  # "South Sudan", "North Korea"
        if whole is None and directed and (found := gazetteer.country(directed.group(1))) is not None:
            return found.iso3
    country = entity.country
    if isinstance(entity.place, Country):
        country = entity.place.iso3
    elif isinstance(entity.place, City):
        country = entity.place.country
    if country is None and entity.kind in {"GPE", "NORP", "LOC", "ORG"} and gazetteer is not None:
        # "the Democratic People's Republic of Korea (DPRK)": the name without its article and acronym.
        country = _country_by_name(name, gazetteer)
        if country is not None:
            return country
    if country is None and entity.kind in {"GPE", "LOC"} and gazetteer is not None and " " not in name:
        country = _misspelt_country(name, gazetteer)
        if country is not None:
            return country
    if country is None and entity.kind == "ORG" and gazetteer is not None:
        # "Nigerian Union of Teachers", "United Bus Company of Tehran": the country it names.
        first = re.match(r"(?:the )?([A-Z][\w'-]+)", name)
        code = gazetteer.demonym(first.group(1)) if first else None
        if code in gazetteer.countries:
            return code
        tail = re.search(r"\bof ((?:[A-Z][\w'-]+ ?){1,3})$", name)
        if tail:
            place = gazetteer.country(tail.group(1).strip())
            city = gazetteer.lookup_city(tail.group(1).strip()) if place is None else None
            if place is not None or (city is not None and city.population >= 100_000):
                return place.iso3 if place is not None else city.country  # type: ignore[union-attr]
    if country is None and entity.kind in {"GPE", "LOC"} and gazetteer is not None:
        # "the Gaza Strip", "southern Serbia": a country named inside the place's name.
        words = name.split()
        if len(words) > 1 and words[-1].lower() in _GENERIC_PLACE_WORDS:
            found = gazetteer.country(" ".join(words[:-1]))
            if found is not None:
                return found.iso3
    if country and gazetteer is not None and country not in gazetteer.countries:
        return None  # "EUR" for "European" is a region, not an actor code
    return country


def word_code(token: Any, gazetteer: Gazetteer | None) -> str | None:
    """A demonym or country written in a phrase the model tagged nothing in ('Syrian')."""
    if gazetteer is None or not token.text[:1].isupper():
        return None
    if IGO.fullmatch(token.text):
        return "IGO"
    code = gazetteer.demonym(token.text)
    if code is None:
        country = gazetteer.country(token.text)
        code = country.iso3 if country else None
    if code is None and token.pos_ == "PROPN":
        code = _misspelt_country(token.text, gazetteer)  # "Ethopia has agreed"
    return code if code in gazetteer.countries else None


def _sector(head: Any, entity: EntityDraft | None, start: int, end: int, text: str) -> str | None:
    words = [head.lower_, *(c.lower_ for c in head.children if c.dep_ in {"amod", "compound"})]
    for word in words:
        if word in SECTOR_WORDS:
            return SECTOR_WORDS[word]
    if entity is not None and entity.sector:
        return {"MEDIA": "JRN", "POL": "PTY"}.get(entity.sector, entity.sector)
    for word in re.findall(r"[a-z]+", text[start:end].lower()):
        if word in SECTOR_WORDS:
            return SECTOR_WORDS[word]
    # PETRARCH2's agents dictionary: "students" EDU, "farmers" AGR, "police chief" COP.
    compound = " ".join(t.lower_ for t in head.lefts if t.dep_ == "compound")
    return agent_sector(f"{compound} {head.lower_}".strip()) or agent_sector(head.lower_)


_GENERIC_PLACE_WORDS = words("events/generic_place_words.txt")


GROUP_WORDS = words("events/group_words.txt")
