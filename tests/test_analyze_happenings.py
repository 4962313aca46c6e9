"""One event per happening (analyze/events/happenings.py): the reports of one call, visit or
attack in an article are one event with every report's evidence as its mentions."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsmill
from newsmill.analyze.events.happenings import merge_happenings, same_happening
from newsmill.model import Event, Participant, Record, Span, TimeExpr

TEXT = "Kyiv Moscow Lviv Qureshi Kuleba Lavrov talks attack civilians"


def span(word: str) -> Span:
    start = TEXT.index(word)
    return Span(start=start, end=start + len(word), text=word)


def who(word: str, code: str, entity: str | None = None) -> Participant:
    return Participant(span=span(word), entity_id=entity, code=code)


def event(
    kind: str, actors: list[Participant], recipients: list[Participant], at: str, **extra: object
) -> Event:
    return Event(type=kind, actors=actors, recipients=recipients, evidence=span(at), confidence=0.7, **extra)


PEOPLE = frozenset({"e1", "e2", "e3"})
TEXT_SPAN = (TEXT.index("talks"), TEXT.index("talks") + len("talks"))


def test_a_call_reported_twice_either_way_round_is_one_event_with_both_reports() -> None:
    title = event("CONSULT", [who("Qureshi", "PAK", "e1")], [who("Kuleba", "UKR", "e2")], "talks")
    body = event("CONSULT", [who("Kuleba", "UKR", "e2")], [who("Qureshi", "PAK", "e1")], "Kuleba")
    (merged,) = merge_happenings([title, body], PEOPLE)
    assert [m.text for m in merged.mentions] == ["Kuleba", "talks"]


def test_two_different_people_are_two_happenings() -> None:
    one = event("CONSULT", [who("Qureshi", "PAK", "e1")], [who("Kuleba", "UKR", "e2")], "talks")
    other = event("CONSULT", [who("Qureshi", "PAK", "e1")], [who("Lavrov", "RUS", "e3")], "Lavrov")
    assert len(merge_happenings([one, other], PEOPLE)) == 2


def test_attacks_on_different_places_or_targets_are_different_happenings() -> None:
    kyiv = event("ASSAULT", [who("Moscow", "RUS", "e4")], [who("Kyiv", "UKR", "e5")], "attack", place_id="p1")
    lviv = event("ASSAULT", [who("Moscow", "RUS", "e4")], [who("Lviv", "UKR", "e6")], "Lviv", place_id="p2")
    civilians = event("ASSAULT", [who("Moscow", "RUS", "e4")], [who("civilians", "UKR")], "civilians")
    assert not same_happening(kyiv, lviv, PEOPLE)
    assert not same_happening(kyiv, civilians, PEOPLE)  # an unnamed target is its own


def test_stated_dates_that_disagree_split_and_the_dated_report_dates_the_happening() -> None:
    def on(day: str) -> TimeExpr:
        return TimeExpr.of(TEXT, *TEXT_SPAN, value=day, precision="day", basis="relative")

    monday = event(
        "CONSULT", [who("Qureshi", "PAK", "e1")], [who("Kuleba", "UKR", "e2")], "talks", date=on("2022-02-21")
    )
    friday = event(
        "CONSULT",
        [who("Qureshi", "PAK", "e1")],
        [who("Kuleba", "UKR", "e2")],
        "Kuleba",
        date=on("2022-02-25"),
    )
    undated = event("CONSULT", [who("Qureshi", "PAK", "e1")], [who("Kuleba", "UKR", "e2")], "Qureshi")
    assert len(merge_happenings([monday, friday], PEOPLE)) == 2
    (merged,) = merge_happenings([undated, friday], PEOPLE)
    assert merged.date is not None and merged.date.value == "2022-02-25"


def test_an_event_without_an_actor_is_never_merged() -> None:
    one = event("ASSAULT", [], [who("Kyiv", "UKR", "e5")], "attack")
    two = event("ASSAULT", [], [who("Kyiv", "UKR", "e5")], "Kyiv")
    assert len(merge_happenings([one, two], PEOPLE)) == 2


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> Record:
    return newsmill.analyze(seed_path, published="2022-02-27")


def test_seed_the_call_is_one_event_with_its_title_and_body(seed: Record) -> None:
    calls = [e for e in seed.events if e.type == "CONSULT" and e.status == "asserted"]
    assert len(calls) == 1
    (call,) = calls
    assert call.mode == "phone"
    assert seed.title is not None and any(m.start == seed.title.start for m in call.mentions)
    assert any("conversation with his Ukrainian counterpart" in m.text for m in call.mentions)
    assert all(seed.text[m.start : m.end] == m.text for m in call.mentions)
    assert call.evidence in call.mentions


def test_seed_the_invasion_is_one_event_dated_by_the_report_that_dates_it(seed: Record) -> None:
    invasions = [
        e for e in seed.events if e.type == "ASSAULT" and "invasion" in (e.trigger.text if e.trigger else "")
    ]
    assert len(invasions) == 1
    assert invasions[0].date is not None and invasions[0].date.value == "2022-02-24"


def test_a_headline_restating_a_hostile_act_loosely_is_the_same_happening() -> None:
    # happenings._headline_restates: the headline's "arresting 23 in Espinar" and the body's
    # "arresting 23 people" are one arrest; a headline and a body with different act words
    # stay two.
    text = "Police clear road, arresting 23 in Espinar\nPolice arrested 23 people. Police detained 23 people"

    def at(word: str, nth: int = 0) -> Span:
        start = -1
        for _ in range(nth + 1):
            start = text.index(word, start + 1)
        return Span(start=start, end=start + len(word), text=word)

    police = Participant(span=at("Police"), code="PER", sector="COP")
    headline = Event(
        type="COERCE", trigger=at("arresting"), actors=[police],
        recipients=[Participant(span=at("Espinar"), code="PER")], evidence=at("Police clear"), confidence=0.8,
    )  # fmt: skip
    body = Event(
        type="COERCE", trigger=at("arrested"), actors=[police],
        recipients=[Participant(span=at("23 people"), code="PER")], evidence=at("Police arrested"),
        confidence=0.8,
    )  # fmt: skip
    detained = Event(
        type="COERCE", trigger=at("detained"), actors=[police],
        recipients=[Participant(span=at("23 people", 1), code="PER")], evidence=at("Police detained"),
        confidence=0.8,
    )  # fmt: skip
    headline_end = text.index("\n")
    (merged,) = merge_happenings([headline, body], PEOPLE, headline_end)
    assert [m.text for m in merged.mentions] == ["Police clear", "Police arrested"]
    assert len(merge_happenings([headline, body], PEOPLE)) == 2  # no headline: the targets differ
    assert len(merge_happenings([headline, detained], PEOPLE, headline_end)) == 2


def test_an_agreement_and_its_signing_are_one_happening() -> None:
    """Signing an agreement (CAMEO 057, PLOVER SUPPORT) concludes the agreement the article
    reports: one AGREE with both reports, whoever is named first."""
    text = (
        "Chile and Peru agree to reopen Tacna border crossing\n\n"
        "SANTIAGO, May 2 (Reuters) - Chile and Peru agreed on Thursday to reopen the Chacalluta "
        "border crossing to lorries next month after a three-week closure over a customs dispute.\n\n"
        "The agreement was signed in Santiago by Chile's foreign minister, Ana Torres, and her "
        "Peruvian counterpart, Luis Quispe, after two days of talks on customs inspections.\n\n"
        "Hauliers on both sides had complained that queues stretched for 20 kilometres at the "
        "crossing, the busiest on the border, and that perishable goods were spoiling in the heat."
    )
    record = newsmill.analyze(text, published="2024-05-02")
    agreements = [e for e in record.events if e.type in {"AGREE", "SUPPORT"}]
    assert len(agreements) == 1, [(e.type, e.evidence.text) for e in agreements]
    assert agreements[0].type == "AGREE"
    assert any("signed" in m.text for m in agreements[0].mentions)


def test_a_signing_with_no_agreement_reported_stays_support() -> None:
    """PLOVER files the signing of a formal agreement under SUPPORT; alone, it stays one."""
    signing = event(
        "SUPPORT", [who("Qureshi", "PAK", "e1")], [who("Kuleba", "UKR", "e2")], "talks", cameo="057"
    )
    talks = event("CONSULT", [who("Qureshi", "PAK", "e1")], [who("Kuleba", "UKR", "e2")], "Kuleba")
    assert sorted(e.type for e in merge_happenings([signing, talks], PEOPLE)) == ["CONSULT", "SUPPORT"]
