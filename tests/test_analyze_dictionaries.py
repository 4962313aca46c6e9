"""The compiled PETRARCH2 dictionaries: the converter reproduces the shipped files, and the
loaders answer by date, sector and PLOVER type."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsmill.analyze.dictionaries import (
    DATA,
    agent_sector,
    phoenix_actors,
    plover_of,
    role_at,
    verb_dictionary,
)
from newsmill.analyze.dictionaries.compile import (
    ActorEntry,
    actor_kind,
    outputs,
    parse_date,
    parse_restriction,
    read_actors,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"
SOURCE = SHARED / "resources" / "petrarch2"
CROSSWALK = SHARED / "eval" / "events" / "plover-gsr" / "CAMEO2PLOVER-2021.txt"


@pytest.mark.skipif(not SOURCE.exists(), reason="the PETRARCH2 sources are not beside the repo")
def test_the_shipped_files_are_what_the_converter_makes_of_the_sources() -> None:
    for name, lines in outputs(SOURCE, CROSSWALK).items():
        assert (DATA / name).read_text(encoding="utf-8") == "\n".join(lines) + "\n", name
    assert "MIT License" in (DATA / "LICENSE").read_text(encoding="utf-8")


def test_dates_of_both_widths_and_open_ranges() -> None:
    assert parse_date("990809") == "1999-08-09"
    assert parse_date("080508") == "2008-05-08"
    assert parse_date("18970101") == "1897-01-01"
    assert parse_date("19970231") == "1997-02-28"  # a typo in the source: the month's last day
    assert parse_restriction("RUSGOV >080508") == ("RUSGOV", "2008-05-08", "")
    assert parse_restriction("AFGELI 620101-780427") == ("AFGELI", "1962-01-01", "1978-04-27")
    assert parse_restriction("RUSELI") == ("RUSELI", "", "")


def test_an_entry_gathers_its_synonyms_and_tab_indented_roles(tmp_path: Path) -> None:
    source = tmp_path / "actors.txt"
    source.write_text(
        "ABDUL_QADIR_  # CountryInfo.txt\n+NUR_MOHAMMAD_TARAKI_\n\t[AFGELI 620101-780427]\n"
        "\t[AFGGOV 780427-780430]\n\t[AFGELI]\nUN_ [IGOUNO]\n",
        encoding="utf-8",
    )
    first, second = read_actors(source, "ORG")
    assert first.name == "abdul qadir" and first.aliases == ["nur mohammad taraki"]
    assert [code for code, _, _ in first.codes] == ["AFGELI", "AFGGOV", "AFGELI"]
    assert second.name == "un" and second.codes == [("IGOUNO", "", "")]


def test_a_dated_entry_named_like_a_group_is_a_body_not_a_person() -> None:
    def kind(name: str) -> str:
        entry = ActorEntry("ORG", name, codes=[("IMGMUSISI", "20130408", "")])
        return actor_kind(entry, "Phoenix.International.actors.txt")

    assert kind("islamic state") == "ORG"
    assert kind("tawhid brigade") == "ORG"
    assert kind("us secretary of state") == "PERSON"  # an office: its holder is a person
    assert kind("abu bakr al baghdadi") == "PERSON"


def test_a_role_is_the_one_held_on_the_articles_date() -> None:
    putin = next(a for a in phoenix_actors() if a.name == "vladimir putin")
    assert role_at(putin.roles, date(2010, 6, 1)).code == "RUSGOV"
    assert role_at(putin.roles, date(1995, 6, 1)).code == "RUSELI"
    assert role_at(putin.roles, None).code == "RUSELI"  # the undated default


def test_cameo_codes_map_to_plover_types_and_modes() -> None:
    assert plover_of("042") == ("CONSULT", "visit")
    assert plover_of("171")[0] == "COERCE"
    assert plover_of("0231")[0] == "REQUEST"  # CAMEO appeals are PLOVER requests
    assert plover_of("010") is None  # public statements are no event
    assert plover_of("---") is None


def test_agents_carry_sectors_in_both_numbers() -> None:
    assert agent_sector("police") == "COP"
    assert agent_sector("rebels") == "REB"
    assert agent_sector("foreign minister") == "GOV"
    assert agent_sector("teapot") is None


def test_verbs_have_codes_and_blocks_have_patterns() -> None:
    verbs = verb_dictionary()
    block, code = verbs.verbs["seize"]
    assert plover_of(code)[0] == "COERCE"
    assert any(after for _, after, _ in verbs.patterns[block])
    assert "dollar" in verbs.synsets["&currency"]


def test_the_actor_dictionary_codes_a_phoenix_actor_by_the_role_held_that_day() -> None:
    from newsmill.analyze.actors import load_actors

    putin = load_actors().lookup("Vladimir Putin", "PERSON")
    assert putin is not None and putin.roles
    assert (putin.at(date(2010, 6, 1)).code, putin.at(date(2010, 6, 1)).sector) == ("RUS", "GOV")
    assert (putin.at(date(1995, 6, 1)).code, putin.at(date(1995, 6, 1)).sector) == ("RUS", "ELI")


def test_hand_made_entries_only_fill_what_phoenix_lacks() -> None:
    from newsmill.analyze.actors import key, load_actors

    actors = load_actors()
    # Kofi Annan is in both: the curated entry (dated, IGO) is the one read.
    annan = actors.lookup("Kofi Annan", "PERSON")
    assert annan is not None and annan.roles and annan.code == "IGO"
    # Dmytro Kuleba took office in 2020, after the Phoenix dictionaries end: hand-made.
    kuleba = actors.lookup("Dmytro Kuleba", "PERSON")
    assert kuleba is not None and not kuleba.roles and kuleba.code == "UKR"
    assert all(not a.roles for a in actors.by_key[key("Dmytro Kuleba")])


@pytest.fixture(scope="module")
def parse():
    from newsmill.analyze.nlp import load_nlp

    return load_nlp()


def _verb(doc, text: str):
    return next(t for t in doc if t.text == text)


@pytest.mark.parametrize(
    ("sentence", "verb", "plover", "by_pattern"),
    [
        ("The government asked for humanitarian aid.", "asked", "REQUEST", True),
        ("Police arrested five protesters.", "arrested", "COERCE", True),
        ("Israel demanded the release of prisoners.", "demanded", "REQUEST", True),
        ("The minister met his counterpart.", "met", "CONSULT", False),
    ],
)
def test_a_verb_takes_the_code_of_its_most_specific_pattern(
    parse, sentence: str, verb: str, plover: str, by_pattern: bool
) -> None:
    from newsmill.analyze.dictionaries.patterns import cameo_code

    code, matched = cameo_code(_verb(parse(sentence), verb))
    assert plover_of(code)[0] == plover
    assert matched is by_pattern


def test_withholding_comment_is_a_statement_not_a_rejection(parse) -> None:
    from newsmill.analyze.dictionaries.patterns import cameo_code

    code, matched = cameo_code(_verb(parse("The ministry declined to comment."), "declined"))
    assert matched and plover_of(code) is None


def test_an_event_takes_the_verb_dictionarys_finer_cameo_code_when_it_agrees() -> None:
    import newsmill

    text = (
        "Aid talks\n\nThe government of Sudan asked for humanitarian aid from the United Nations on "
        "Monday, officials in the capital said after a long meeting of the cabinet in Khartoum."
    )
    (event,) = [e for e in newsmill.analyze(text, published="2022-02-27").events if e.type == "REQUEST"]
    assert event.cameo == "0233"  # appeal for humanitarian aid, not REQUEST's representative code
    assert event.mode == "assist"


def test_bodies_with_dated_codes_are_organisations_and_short_aliases_are_not_read() -> None:
    from newsmill.analyze.actors import load_actors

    fbi = next(a for a in phoenix_actors() if a.name == "federal bureau of investigation")
    assert fbi.kind == "ORG"  # dated or not, a bureau is no person
    actors = load_actors()
    assert actors.lookup("federal bureau of investigation", "ORG") is not None
    # One word of four letters or fewer is mostly an acronym that names many bodies worldwide:
    # Phoenix's aliases of that shape are not read (the hand-made file may still have one).
    assert all(not a.roles for a in actors.by_key.get("fbi", []))


def test_an_actor_phrase_takes_its_sector_from_the_agents_dictionary() -> None:
    import newsmill
    from newsmill.settings import AnalyzeSettings, Settings

    text = (
        "Farm protest\n\nThousands of Bangladeshi farmers blocked roads in Dhaka on Monday, demanding "
        "higher prices for rice from the government after a month of falling incomes in the north."
    )
    record = newsmill.analyze(
        text, published="2022-02-27", settings=Settings(analyze=AnalyzeSettings(min_confidence=0))
    )
    (event,) = [e for e in record.events if e.type == "PROTEST"]
    assert [(a.code, a.sector) for a in event.actors] == [("BGD", "AGR")]  # "farmers" [~AGR]
