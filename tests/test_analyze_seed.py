"""Acceptance on the seed page (published 2022-02-27): people, places, organisation, times."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.support.stage import stage_settings

import newsmill
from newsmill.model import Record


@pytest.fixture(scope="module")
def record(seed_path: Path) -> Record:
    return newsmill.analyze(seed_path, published="2022-02-27")


def _entity(record: Record, kind: str, name: str):  # type: ignore[no-untyped-def]
    found = [e for e in record.entities if e.kind == kind and e.name == name]
    assert len(found) == 1, [(e.kind, e.name) for e in record.entities]
    return found[0]


@pytest.mark.parametrize(
    ("name", "role", "country", "mentions"),
    [
        (
            "Shah Mahmood Qureshi",
            "Foreign Minister",
            "PAK",
            {"Qureshi", "FM Qureshi", "Foreign Minister Shah Mahmood Qureshi", "Foreign Minister Qureshi"},
        ),
        ("Dmytro Kuleba", "Foreign Minister", "UKR", {"Dmytro Kuleba", "Kuleba"}),
        ("Imran Khan", "Prime Minister", "PAK", {"PM Imran Khan", "Prime Minister Imran Khan"}),
        ("Vladimir Putin", "President", "RUS", {"President Vladimir Putin", "Putin"}),
        ("Volodymyr Zelenskiy", "President", "UKR", {"President Volodymyr Zelenskiy"}),
    ],
)
def test_analyze_seed_persons(record: Record, name: str, role: str, country: str, mentions: set[str]) -> None:
    person = _entity(record, "PERSON", name)
    assert person.role == role
    assert person.country == country
    assert person.sector == "GOV"
    assert mentions <= {m.text for m in person.mentions}


def test_analyze_seed_no_other_persons(record: Record) -> None:
    names = {e.name for e in record.entities if e.kind == "PERSON"}
    assert names == {
        "Shah Mahmood Qureshi",
        "Dmytro Kuleba",
        "Imran Khan",
        "Vladimir Putin",
        "Volodymyr Zelenskiy",
    }


def test_analyze_seed_every_qureshi_mention_is_one_person(record: Record, seed_text: str) -> None:
    qureshi = _entity(record, "PERSON", "Shah Mahmood Qureshi")
    covered = {m.start for m in qureshi.mentions} | {m.end - len("Qureshi") for m in qureshi.mentions}
    for index in range(len(seed_text)):
        if seed_text.startswith("Qureshi", index):
            assert index in covered, f"'Qureshi' at {index} is not a mention of the person"
    descriptions = {m.text for m in qureshi.mentions} & {"Pakistan’s top diplomat"}
    assert descriptions, "the 'Pakistan's top diplomat' description joins Qureshi"
    khan = _entity(record, "PERSON", "Imran Khan")
    assert "the Pakistani premier" in {m.text for m in khan.mentions}


@pytest.mark.parametrize(
    ("name", "country", "feature"),
    [
        ("Islamabad", "PAK", "city"),
        ("Kyiv", "UKR", "city"),
        ("Moscow", "RUS", "city"),
        ("Belarus", "BLR", "country"),
        ("Ukraine", "UKR", "country"),
        ("Russia", "RUS", "country"),
        ("Pakistan", "PAK", "country"),
    ],
)
def test_analyze_seed_places_geocoded(record: Record, name: str, country: str, feature: str) -> None:
    places = [p for p in record.places if p.name == name]
    assert len(places) == 1, [p.name for p in record.places]
    place = places[0]
    assert place.country == country and place.feature == feature
    assert place.latitude is not None and place.longitude is not None


def test_analyze_seed_chernobyl_is_the_ukrainian_town_or_withheld(seed_path: Path, record: Record) -> None:
    # The stages resolve "Chernobyl" to Chornobyl, Ukraine, at a low confidence (a spelling
    # variant). The fact check, on by default, withholds it: towns renamed from what the page
    # wrote were wrong in the readers' verdicts (docs/confidence.md). Withheld, never misplaced.
    stage = newsmill.analyze(seed_path, published="2022-02-27", settings=stage_settings())
    [place] = [p for p in stage.places if "Chernobyl" in {m.text for m in p.mentions}]
    assert (place.name, place.country, place.feature) == ("Chornobyl", "UKR", "town")
    assert place.latitude == pytest.approx(51.27, abs=0.05)
    shipped = [p for p in record.places if "Chernobyl" in {m.text for m in p.mentions}]
    assert all((p.name, p.country) == ("Chornobyl", "UKR") for p in shipped)


def test_analyze_seed_every_kyiv_and_the_dateline(record: Record, seed_text: str) -> None:
    kyiv = next(p for p in record.places if p.name == "Kyiv")
    starts = {m.start for m in kyiv.mentions}
    expected = {i for i in range(len(seed_text)) if seed_text.startswith("Kyiv", i)}
    assert expected and expected <= starts
    islamabad = next(p for p in record.places if p.name == "Islamabad")
    assert "ISLAMABAD" in {m.text for m in islamabad.mentions}


def test_analyze_seed_nationalities_are_not_places(record: Record) -> None:
    assert not any(p.name in {"Ukrainian", "Russian", "Pakistani"} for p in record.places)
    ukrainian = _entity(record, "NORP", "Ukrainian")
    assert ukrainian.country == "UKR"


def test_analyze_seed_foreign_office_is_pakistani(record: Record) -> None:
    office = _entity(record, "ORG", "Foreign Office")
    assert office.country == "PAK" and office.sector == "GOV"


def test_analyze_seed_times(record: Record) -> None:
    thursday = next(t for t in record.times if "Thursday" in t.text)
    assert thursday.value == "2022-02-24" and thursday.basis == "relative"
    fourth = next(t for t in record.times if "fourth day" in t.text)
    # Counted from the invasion's start, which the article dates ("on Thursday").
    assert fourth.value == "2022-02-27" and "Thursday" in (fourth.reason or "")


def test_analyze_seed_nothing_from_trending_headlines(record: Record) -> None:
    body_end = record.paragraphs[-1].end
    for entity in record.entities:
        for mention in entity.mentions:
            assert mention.end <= body_end, (entity.name, mention.text)


def test_analyze_seed_spans_are_exact_and_round_trip(record: Record) -> None:
    for _, span in record.iter_spans():
        assert record.text[span.start : span.end] == span.text
    assert Record.from_json(record.to_json()) == record
