"""Precision first: each general mechanism of docs/confidence.md on a page of its own.

Every page here is written for the test (not taken from a gold set); each test names the
mechanism it guards and fails without it.
"""

from __future__ import annotations

import pytest
from tests.support.stage import stage_settings

import newsmill
from newsmill.extract.blocks import block_kind
from newsmill.settings import AnalyzeSettings, Settings


def analyze(text: str, published: str = "2019-11-20", **analyze_settings: object) -> newsmill.Record:
    settings = stage_settings(**analyze_settings)
    return newsmill.analyze(text, published=published, settings=settings)


FILLER = (
    "This closing paragraph is part of a page written for the test, and it gives the extractor "
    "enough prose to read the page as an article, as any real news page would."
)


def page(*paragraphs: str, title: str = "A headline for a test page about local news") -> str:
    return "\n".join([title, *paragraphs, FILLER])


# --- Confidence and the threshold ---------------------------------------------------------


def test_every_fact_carries_a_confidence_and_the_threshold_is_a_setting() -> None:
    text = page(
        "Researchers at the Hubble Space Telescope team said on Tuesday that the readings were "
        "stable. Maria Lopez, a spokeswoman for Northwind Energy Inc., said the company would "
        "open a plant in Denver next year.",
    )
    strict = analyze(text)
    everything = analyze(text, min_confidence=0.0)
    for record in (strict, everything):
        facts = [*record.entities, *record.places, *record.times, *record.quotes, *record.events]
        assert facts and all(0 <= fact.confidence <= 1 for fact in facts)
    assert all(e.confidence >= 0.5 for e in strict.entities)
    assert len(everything.entities) > len(strict.entities)  # the telescope is there at 0
    assert "Hubble Space Telescope" not in {e.name for e in strict.entities}


def test_min_confidence_is_checked_and_read_from_the_environment() -> None:
    with pytest.raises(newsmill.errors.ConfigError):
        AnalyzeSettings(min_confidence=1.5)
    settings = Settings.load(
        env={"NEWSMILL_ANALYZE__MIN_CONFIDENCE": "0.7", "NEWSMILL_ANALYZE__LANGUAGES": "en,de"}
    )
    assert settings.analyze.min_confidence == 0.7
    assert settings.analyze.languages == ("en", "de")


# --- Language -----------------------------------------------------------------------------


def test_language_is_detected_and_other_languages_get_no_english_facts() -> None:
    portuguese = page(
        "O governo anunciou nesta terça-feira um novo plano para a educação pública, com "
        "investimentos em escolas de todo o país e a contratação de milhares de professores.",
        "Segundo o ministro, as obras começam no próximo mês e devem terminar até o fim do ano.",
        title="Governo anuncia plano nacional para escolas públicas",
    )
    record = analyze(portuguese)
    assert record.language == "pt"
    assert record.entities == [] and record.quotes == [] and record.events == []
    assert any("not analysed" in w for w in record.extraction.warnings)
    english = analyze(page("The council said on Tuesday that the new school would open in September."))
    assert english.language == "en"


def test_declared_language_is_kept_beside_the_detected_one() -> None:
    html = (
        '<html lang="de"><head><title>Council opens new library</title></head><body><article>'
        "<h1>Council opens new library</h1><p>The city council opened a new public library on "
        "Tuesday, the mayor said, after three years of building work and a long public debate "
        "about its cost.</p><p>The library will stay open until nine in the evening on weekdays, "
        "and residents said they were glad to have it.</p></article></body></html>"
    )
    record = analyze(html)
    assert record.language == "en"
    assert record.language_declared == "de"


# --- Blocks: lists, results, schedules -----------------------------------------------------


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Wakefield Ravens 24-17 Bradford Millers", "result"),
        ("Oct 20 – Glasgow, Barrowland Ballroom", "schedule"),
        ("The Long Night, BBC Two, 9pm", "schedule"),
        ("200g butternut squash, peeled and diced", "list"),
        ("• Free parking for residents", "list"),
        ("Tour dates", "heading"),
        ("Pos\tTeam\tPts", "table"),
        ("The council approved the plan on Tuesday after a long debate.", None),
    ],
)
def test_block_kind_by_line_shape(line: str, kind: str | None) -> None:
    assert block_kind(line) == kind


def test_no_quotes_or_events_are_read_in_non_prose_lines() -> None:
    text = page(
        "The league said on Tuesday that the season would end in March, after a long winter of "
        "postponed games and waterlogged pitches across the county.",
        "Harbour United 3-1 Police attack Rovers",
        "Police said no 2-2",
        "The league's chairman said the final round would be played on the last Saturday of "
        "March, with every game kicking off at three in the afternoon.",
    )
    record = analyze(text, min_confidence=0.0)
    blocks = [(b.start, b.end) for b in record.blocks]
    assert blocks
    for quote in record.quotes:
        assert not any(s <= quote.content.start < e for s, e in blocks)
    for event in record.events:
        assert not any(s <= event.evidence.start < e for s, e in blocks)


# --- Places -------------------------------------------------------------------------------


def test_bodies_of_the_solar_system_are_never_geocoded() -> None:
    record = analyze(page("Scientists said water vapour was found above Jupiter's moon Europa and on Mars."))
    assert {"Jupiter", "Europa", "Mars"}.isdisjoint({p.name for p in record.places})


def test_a_state_named_alone_is_the_state_not_a_town_abroad() -> None:
    record = analyze(page("The centre in Greenbelt, Maryland, led the study, scientists said on Monday."))
    places = {p.name: p for p in record.places}
    assert places["Maryland"].country == "USA" and places["Maryland"].feature == "region"
    assert places["Greenbelt"].country == "USA"


def test_a_state_named_like_a_large_city_is_the_city_unless_the_text_says_state() -> None:
    city = analyze(
        page("WASHINGTON (Reuters) - The Commerce Department announced new export rules on Tuesday.")
    )
    assert [(p.name, p.feature) for p in city.places if p.name == "Washington"] == [("Washington", "city")]
    state = analyze(page("Wildfires spread across Washington state on Tuesday, officials in Seattle said."))
    assert [p.feature for p in state.places if p.name == "Washington"] == ["region"]


def test_a_qualified_name_keeps_its_sense_through_the_article() -> None:
    record = analyze(
        page(
            "PARIS, Texas — A man was arrested on Monday after a fight outside a bar, police said.",
            "Paris police said the man would appear in court on Friday.",
        )
    )
    paris = [p for p in record.places if p.name == "Paris"]
    assert paris and all(p.country == "USA" for p in paris)


def test_a_team_named_after_a_city_is_no_place() -> None:
    record = analyze(page("The Tottenham manager said his players had worked hard all week."))
    assert "Tottenham" not in {p.name for p in record.places}


def test_the_place_in_a_clubs_name_is_the_club() -> None:
    record = analyze(
        page(
            "The Portuguese coach led FC Porto to the Champions League title in 2004.",
            "His years with Porto shaped him as a manager, he said on Wednesday.",
        )
    )
    assert "Porto" not in {p.name for p in record.places}


def test_a_name_used_by_an_organisation_is_no_place() -> None:
    record = analyze(
        page("Toyota said on Tuesday that Toyota's new hybrid would go on sale in Europe next year.")
    )
    assert "Toyota" not in {p.name for p in record.places}


def test_a_place_the_text_puts_somewhere_beats_a_weak_organisation_of_its_name() -> None:
    # evidence.score_entities: "born in Coimbra" places the name; "Coimbra's old cathedral"
    # and "Coimbra has its own tradition" (an organisation on a possessive and a reuse only)
    # are mentions of the city, not of a body called Coimbra.
    record = analyze(
        page(
            "Joaquim Matos was born on 3 March 1934 in Coimbra, the youngest of five children.",
            "He kept a small workshop near the Se Velha, Coimbra's old cathedral, for sixty years.",
            "Coimbra has its own tradition of fado, sung by students in black capes.",
        )
    )
    assert not [e for e in record.entities if e.name == "Coimbra" and e.kind == "ORG"], record.entities
    coimbra = [p for p in record.places if p.name == "Coimbra"]
    assert coimbra and coimbra[0].country == "PRT", record.places


def test_a_small_namesake_at_home_against_a_larger_one_abroad_stays_unresolved() -> None:
    record = analyze(
        page(
            "Officials in Britain said the ferry service from Weymouth to the islands would resume "
            "next week after repairs.",
        )
    )
    weymouth = [p for p in record.places if p.name == "Weymouth"]
    assert all(p.country in {None, "GBR"} for p in weymouth)


# --- Entities -----------------------------------------------------------------------------


def test_things_named_like_organisations_are_no_entities() -> None:
    record = analyze(
        page(
            "The Hubble Space Telescope and the SunShot Initiative were discussed, and Cannabis Use "
            "Disorder rates rose, the report said. The Halo Ring, Northwind's first wearable, goes on "
            "sale in May.",
        )
    )
    names = {e.name for e in record.entities}
    things = {"Hubble Space Telescope", "SunShot Initiative", "Cannabis Use Disorder", "Halo Ring"}
    assert not names & things, names


def test_news_outlets_are_organisations_and_owned_names_leave_the_owner() -> None:
    record = analyze(
        page(
            "Jeff Bezos's Blue Origin bid for the contract, Lynn told the Los Angeles Times on "
            "Monday, and Sky Sports reported the deal.",
        )
    )
    names = {e.name: e for e in record.entities}
    assert {"Los Angeles Times", "Sky Sports"} <= set(names)
    bezos = names.get("Jeff Bezos")
    assert bezos is None or all("Blue Origin" not in m.text for m in bezos.mentions)


def test_products_counted_or_owned_are_no_organisations() -> None:
    record = analyze(
        page(
            "Apple said on Monday that its MacBooks would get a new keyboard, and Apple's MacBook "
            "Pro line would follow next year, the company said.",
        )
    )
    names = {e.name for e in record.entities if e.kind == "ORG"}
    assert "Apple" in names
    assert not any("MacBook" in n for n in names), names


def test_a_first_name_is_no_place_without_a_place_word() -> None:
    record = analyze(page("Mary told the court she had not seen the letter, her lawyer said on Monday."))
    assert "Mary" not in {p.name for p in record.places}


def test_an_acronym_of_a_lower_case_term_is_no_organisation() -> None:
    record = analyze(
        page(
            "People with binge eating disorder (BED) eat large amounts quickly. BED is treated with therapy."
        )
    )
    assert "BED" not in {e.name for e in record.entities}


def test_a_title_glued_to_a_name_is_cut_from_the_canonical_name() -> None:
    record = analyze(page("NASA Administrator Jim Bridenstine said the agency would return to the Moon."))
    people = [e for e in record.entities if e.kind == "PERSON"]
    assert [p.name for p in people] == ["Jim Bridenstine"]


def test_a_headline_run_is_no_organisation() -> None:
    record = analyze(
        page(
            "Shares of the retailer fell 5% on Tuesday.",
            title="Home Depot Stock Is Falling After Its Earnings Release",
        )
    )
    assert all("Falling" not in e.name for e in record.entities)


# --- Quotes -------------------------------------------------------------------------------


def test_declining_to_comment_is_no_quote() -> None:
    record = analyze(page("A company spokesperson declined to comment on the objections."))
    assert record.quotes == []


def test_narration_verbs_are_no_speech_cues() -> None:
    record = analyze(
        page(
            "The plumes appear to be real, and the screen appears to float in the air.",
            "Nissan wants a bigger share of the market. Researchers found the samples in a cave.",
        )
    )
    assert record.quotes == []


def test_a_topic_or_an_intention_is_no_quote() -> None:
    record = analyze(
        page(
            "Home Depot reported $2.53 in per-share earnings for the quarter on Tuesday.",
            "The government plans to install 30 gigawatts of solar panels by 2030, officials said.",
        )
    )
    contents = [q.content.text for q in record.quotes]
    assert not any(c.startswith(("$2.53", "to install")) for c in contents), contents


def test_a_speaker_must_be_able_to_speak() -> None:
    record = analyze(page("The deaths called for an end to the violence in the region, the report said."))
    assert all((q.speaker.text if q.speaker else "") != "The deaths" for q in record.quotes)


def test_the_passive_subject_of_a_speech_verb_is_no_speaker() -> None:
    record = analyze(page("Noel is charged with four counts of falsifying records, court papers show."))
    assert all((q.speaker.text if q.speaker else "") != "Noel" for q in record.quotes)


def test_a_person_named_inside_the_quote_is_not_its_speaker() -> None:
    record = analyze(
        page(
            'Senator Ben Sasse criticised the prison. "Heads needed to roll the day Jeffrey Epstein '
            'died," he said.',
        )
    )
    quote = next(q for q in record.quotes if "Heads needed" in q.content.text)
    assert quote.speaker_name == "Ben Sasse"


def test_a_byline_glued_to_a_name_is_no_person() -> None:
    record = analyze(page("Kevin McCoy USA TODAY reported the charges against the two guards on Tuesday."))
    assert "Kevin McCoy USA TODAY" not in {e.name for e in record.entities}
    assert all(t.text != "TODAY" for t in record.times)


def test_the_name_beside_a_described_speaker_is_the_speaker() -> None:
    record = analyze(
        page(
            "Sweden’s deputy director of public prosecution, Eva-Marie Persson, said the evidence "
            "had weakened considerably."
        )
    )
    assert [q.speaker_name for q in record.quotes] == ["Eva-Marie Persson"]


def test_a_pronoun_speaker_no_one_can_be_is_no_quote() -> None:
    record = analyze(page('"The budget is balanced and the roads will be repaired," she said on Tuesday.'))
    assert all(q.speaker_name is not None for q in record.quotes)
    assert record.quotes == []


def test_the_writer_is_no_source() -> None:
    record = analyze(page("Reading the new data, I found that many teenagers prefer ironic account names."))
    assert record.quotes == []


def test_a_name_with_an_indefinite_article_is_no_person() -> None:
    record = analyze(page("He said the shop was a Grocery Store once, and the Store is now a cafe."))
    assert all(e.kind != "PERSON" for e in record.entities)


def test_findings_beliefs_and_intentions_are_no_quotes() -> None:
    record = analyze(
        page(
            "A study found that bumblebees forage less on hot days. The researchers think the "
            "heat is to blame, and the council plans to plant more trees, officials hope.",
        )
    )
    assert record.quotes == []


def test_an_attribution_inside_someone_elses_words_is_theirs() -> None:
    record = analyze(
        page("Lynn said after the game that the Chargers saw winning Monday night as the key step.")
    )
    assert [q.speaker_name for q in record.quotes] == ["Lynn"]


# --- Times --------------------------------------------------------------------------------


def test_year_less_dates_follow_the_tense() -> None:
    record = analyze(
        page("The tour starts March 3 and ends April 12.", "Sales have fallen since March 3, the firm said.")
    )
    values = [t.value for t in record.times]
    assert values == ["2020-03-03", "2020-04-12", "2019-03-03"]


def test_weekdays_in_the_future_are_the_next_such_day() -> None:
    record = analyze(
        page(
            "The company said the new phone goes on sale on Friday in its stores across the country.",
            "A man was arrested on Friday after a fight outside a bar in the city centre, police said.",
        )
    )
    assert [t.value for t in record.times] == ["2019-11-22", "2019-11-15"]


def test_no_year_is_guessed_without_a_publication_date() -> None:
    text = page("The tour starts March 3 in Leeds, the band said in a statement.")
    settings = Settings(analyze=AnalyzeSettings())
    record = newsmill.analyze(text, settings=settings)
    march = [t for t in record.times if t.text == "March 3"]
    assert march and march[0].value is None


def test_stretches_and_offsets_from_other_events_are_no_times() -> None:
    record = analyze(page("In the past month sales fell. Two days earlier the firm had warned of losses."))
    assert record.times == []


# --- Events -------------------------------------------------------------------------------


def test_declining_to_comment_is_no_rejection() -> None:
    record = analyze(page("The Chinese embassy declined to comment on the report."), min_confidence=0.0)
    assert all(e.type != "REJECT" for e in record.events)


def test_an_event_needs_an_actor_we_can_code() -> None:
    text = page("Unknown men attacked a shop, and Russian troops attacked a village in Ukraine.")
    strict = analyze(text)
    assert strict.events and all(any(a.code for a in e.actors) for e in strict.events)


@pytest.mark.parametrize(
    ("dateline", "country"),
    [("NEWCASTLE, KwaZulu-Natal", "ZAF"), ("TRIPOLI, Lebanon", "LBN"), ("TRIPOLI", "LBY")],
)
def test_a_datelines_region_places_its_city(dateline: str, country: str) -> None:
    # place_mentions._region_country: the region after the dateline's place names the
    # country of the city meant, before the larger namesake elsewhere.
    record = analyze(
        "Miners return after a five-week strike\n"
        f"{dateline} — Miners returned to work on Wednesday after a five-week strike at the "
        "colliery outside the town, the company said, and output is expected to recover by the "
        "end of the month as shifts are restored."
    )
    town = dateline.split(",")[0].title()
    found = [p for p in record.places if p.name == town]
    assert found and found[0].country == country, record.places


def test_a_region_only_one_country_has_is_no_organisation() -> None:
    # relabel.relabel_by_gazetteer: "KwaZulu-Natal", which the model may take for a body, is
    # a first-level region of one country: a place (a region, no point), not an organisation.
    record = analyze(
        page(
            "A strike by more than 4,000 workers at steelmaker Vaalstaal Holdings entered its second "
            "week on Wednesday at the group's main plant in Newcastle, KwaZulu-Natal.",
            "The company on Monday tabled a revised offer that the union rejected, saying members "
            "could not live on it as prices rise across South Africa.",
        )
    )
    assert not [e for e in record.entities if e.name == "KwaZulu-Natal" and e.kind == "ORG"], record.entities
    region = [p for p in record.places if p.name == "KwaZulu-Natal"]
    assert region and region[0].country == "ZAF", record.places


def test_a_person_noun_opening_a_headline_is_no_town() -> None:
    # sentences.opens_sentence in places.resolve: "Man" opening a headline is a man, not Man, Ivory Coast; a
    # town called by such a word elsewhere in a sentence is not affected by this rule.
    record = analyze(
        "Man jailed for 27 years over killing of restaurant partner\n"
        "A man who stabbed his business partner in a restaurant kitchen in Footscray was jailed for "
        "27 years on Friday, after a judge described the killing as calculated and cruel.\n" + FILLER
    )
    assert "Man" not in {p.name for p in record.places}, record.places
    assert not [e for e in record.entities if e.name == "Man"], record.entities


def test_a_region_written_with_its_kind_is_no_organisation() -> None:
    # relabel.relabel_by_gazetteer: "Oyo State" is the region Oyo, written with "State".
    from newsmill.analyze.gazetteer import load_gazetteer
    from newsmill.analyze.mentions import Mention
    from newsmill.analyze.relabel import relabel_by_gazetteer

    text = "Teachers marched through Ibadan, the Oyo State capital, on Monday."
    start = text.index("Oyo")
    mentions = [Mention(start, start + 9, "ORG", text[start : start + 9])]
    relabel_by_gazetteer(mentions, load_gazetteer(), text)
    assert mentions[0].label == "GPE"


def test_an_abbreviation_the_text_defines_is_no_town() -> None:
    # places._defined_abbreviation: "ICA", spelt out in brackets as an institute, is no Ica, Peru.
    record = analyze(
        page(
            "The festival is backed by the Portuguese Institute of Cinema and Audiovisual (ICA), "
            "which said on Monday it would fund three more editions.",
            "A spokesperson for ICA said the money would go to the documentary prize.",
        )
    )
    assert "Ica" not in {p.name for p in record.places}, record.places


def test_a_surname_particle_is_no_town() -> None:
    # places.NAME_PARTICLES: "Van der Wiel, who took over ..." is no Van, Turkey.
    record = analyze(
        page(
            "The chief executive said the merger would close by the summer.",
            "Van der Wiel, who took over as chief executive in 2018, said the deal made sense.",
        )
    )
    assert "Van" not in {p.name for p in record.places}, record.places
