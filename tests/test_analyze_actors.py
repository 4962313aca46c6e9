"""The actor dictionary: lookups by name, alias and surname, and its use as a fallback."""

from __future__ import annotations

from newsmill.analyze.actors import load_actors, parse

SAMPLE = """# kind\tname\tcode\tsector\taliases
PERSON\tFrancois Mitterrand\tFRA\tGOV\tMitterrand|Mitterand
PERSON\tGeorge W. Bush\tUSA\tGOV\tBush
PERSON\tGeorge H. W. Bush\tUSA\tGOV\tBush
PERSON\tKofi Annan\tIGO\t\tAnnan
PERSON\tAli Khan\tPAK\tGOV\tKhan
PERSON\tImran Khan\tPAK\tGOV\tKhan
PERSON\tAga Khan\tCHE\tREL\tKhan
ORG\tKurdistan Workers' Party\tTUR\tREB\tPKK|Kurdistan Workers Party
ORG\tal-Qaeda\tIMG\tREB\tal-Qaida|Al Qaeda
"""


def test_names_aliases_and_accents() -> None:
    actors = parse(SAMPLE.splitlines())
    assert actors.lookup("François Mitterrand").code == "FRA"  # type: ignore[union-attr]
    assert actors.lookup("Mitterand", "PERSON").code == "FRA"  # type: ignore[union-attr]
    assert actors.lookup("the Kurdistan Workers' Party").code == "TUR"  # type: ignore[union-attr]
    assert actors.lookup("PKK").sector == "REB"  # type: ignore[union-attr]
    assert actors.lookup("Al-Qaida").code == "IMG"  # type: ignore[union-attr]
    assert actors.lookup("al-Qaida").country is None  # type: ignore[union-attr]
    assert actors.lookup("Hamas") is None


def test_one_code_or_none() -> None:
    actors = parse(SAMPLE.splitlines())
    assert actors.lookup("Bush").code == "USA"  # type: ignore[union-attr]  # two Bushes, one country
    assert actors.lookup("Khan") is None  # Khans of two countries: no guess


def test_surname_needs_a_title_or_the_same_first_name() -> None:
    actors = parse(SAMPLE.splitlines())
    assert actors.person("Francois Mitterand", titled=False).code == "FRA"  # type: ignore[union-attr]
    assert actors.person("Mitterand", titled=False).code == "FRA"  # type: ignore[union-attr]
    assert actors.person("Laura Bush", titled=False) is None
    assert actors.person("Jeb Bush", titled=True).code == "USA"  # type: ignore[union-attr]


def test_packaged_dictionary_is_well_formed() -> None:
    actors = load_actors()
    assert len(actors.by_key) > 500
    for entries in actors.by_key.values():
        for actor in entries:
            assert actor.kind in {"PERSON", "ORG"}, actor
            assert len(actor.code) == 3 and actor.code.isupper(), actor


def test_record_entities_take_the_dictionary_when_the_text_is_silent() -> None:
    import newsmill

    record = newsmill.analyze(
        "Leaders meet in Paris\n"
        "President Mitterrand welcomed the visitors on Thursday, and the talks went on late.\n"
        "The pro-Iranian Hizbollah group declared a ceasefire in south Lebanon on Wednesday.",
        published="2022-02-27",
    )
    by_name = {e.name: e for e in record.entities}
    assert by_name["Mitterrand"].country == "FRA"
    hizbollah = next(e for e in record.entities if "Hizbollah" in e.name)
    assert hizbollah.kind == "ORG" and hizbollah.country == "LBN"  # not IRN from "pro-Iranian"


def test_text_beats_the_dictionary() -> None:
    import newsmill

    # A namesake the text places elsewhere keeps the text's country.
    record = newsmill.analyze(
        "Talks in Nairobi\n"
        "Kenyan Foreign Minister John Major told reporters on Monday that the talks with the "
        "neighbouring states would go on for at least another week, and that no deal was near.",
        published="2022-02-27",
    )
    person = next(e for e in record.entities if e.name == "John Major")
    assert person.country == "KEN"


def test_a_known_full_name_is_one_person() -> None:
    import newsmill

    record = newsmill.analyze(
        "Talks urged\n"
        "The Dalai Lama called on China on Sunday to open talks on the future of the region, "
        "his office said, and repeated that he sought autonomy rather than independence.",
        published="2022-02-27",
    )
    person = next(e for e in record.entities if e.name == "Dalai Lama")
    assert person.kind == "PERSON" and person.country == "CHN"
    assert all(e.name != "Lama" for e in record.entities)  # not a Spanish town
