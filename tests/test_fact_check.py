"""The learned fact check (``analyze/fact_check.py``): it reads the finished record, only ever
lowers a confidence, drops what falls below the threshold with everything that points to it,
and runs the same in the record path and the spaCy components."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.support.stage import stage_settings

import newsmill
from newsmill.analyze.convert import ArticleText
from newsmill.analyze.fact_check import check_record, checked_confidence, load_model, record_features
from newsmill.settings import Settings

PAGES = Path(__file__).resolve().parents[1] / "benchmarks" / "gold" / "unseen22_audit" / "pages"
MERGER = PAGES / "01_verbeek_hoogland_merger.txt"  # "Verbeek" and "Hoogland": firms, and people too
CHECKED = Settings()  # the default: the check is on
UNCHECKED = stage_settings()  # the stages' own confidences


@pytest.fixture(scope="module")
def merger() -> tuple[newsmill.Record, newsmill.Record]:
    text = MERGER.read_text(encoding="utf-8")
    on = newsmill.analyze(text, published="2019-02-19", settings=CHECKED)
    off = newsmill.analyze(text, published="2019-02-19", settings=UNCHECKED)
    return on, off


def test_a_firm_read_as_a_person_on_another_line_is_dropped(merger) -> None:
    on, off = merger
    people_off = {e.name for e in off.entities if e.kind == "PERSON"}
    people_on = {e.name for e in on.entities if e.kind == "PERSON"}
    # The stages keep the firms' names as people where a sentence reads them so ...
    assert {"Verbeek", "Hoogland"} <= people_off
    # ... the check sees the same word named an organisation elsewhere on the page.
    assert not {"Verbeek", "Hoogland"} & people_on
    assert "Verbeek Retail NV" in {e.name for e in on.entities if e.kind == "ORG"}
    assert "Pieter-Jan Kuipers" in people_on


def test_a_doubtful_country_is_stripped_and_the_person_kept() -> None:
    # A Korean chief executive named once in a British context: the stages give him GBR; the
    # check doubts the country, not the man (a missing attribute is not a wrong one).
    page = PAGES.parent.parent / "unseen21_audit" / "pages" / "06_korea_marketplace_breach.txt"
    text = page.read_text(encoding="utf-8")
    off = newsmill.analyze(text, published="2024-05-22", settings=UNCHECKED)
    on = newsmill.analyze(text, published="2024-05-22", settings=CHECKED)
    [before] = [e for e in off.entities if e.name == "Park Ji-hoon"]
    [after] = [e for e in on.entities if e.name == "Park Ji-hoon"]
    assert before.country == "GBR" and after.country is None
    assert (after.kind, after.role) == (before.kind, before.role)
    # Countries it trusts stay: the Korean regulator keeps KOR.
    assert any(e.country == "KOR" for e in on.entities if e.kind == "ORG")


def test_the_check_only_lowers_and_drops_below_the_threshold(merger) -> None:
    on, off = merger
    before = {(e.kind, e.name): e.confidence for e in off.entities}
    for entity in on.entities:
        assert entity.confidence <= before[(entity.kind, entity.name)]
        assert entity.confidence >= CHECKED.analyze.min_confidence
    assert len(on.entities) < len(off.entities)
    assert {p.entity_id for p in on.places} <= {e.id for e in on.entities}
    kept = {e.id for e in on.entities}
    assert all(q.speaker_entity in kept for q in on.quotes if q.speaker_entity)
    # Times are not checked (docs/confidence.md): the same times either way.
    assert [(t.text, t.value) for t in on.times] == [(t.text, t.value) for t in off.times]


def test_quotes_dropped_by_the_check_are_remapped_for_the_events(merger) -> None:
    """Quotes are not checked today (their weights are not trained), but ``check_record`` drops
    any fact under the threshold and tells the events where each kept quote moved."""
    _, off = merger
    record = off.model_copy(deep=True)
    moved = check_record(record, min_confidence=0.85)
    assert 0 < len(record.quotes) < len(off.quotes)
    assert moved and all(record.quotes[new].content == off.quotes[old].content for old, new in moved.items())
    assert all(off.quotes[n].confidence < 0.85 for n in range(len(off.quotes)) if n not in moved)


def test_the_operating_point_lands_on_the_default_threshold() -> None:
    _, point = load_model()
    assert 0.5 < point < 1
    assert checked_confidence(point, point) == pytest.approx(0.5)
    assert checked_confidence(0.0, point) == 0.0
    assert checked_confidence(1.0, point) == pytest.approx(1.0)
    steps = [checked_confidence(p / 100, point) for p in range(101)]
    assert steps == sorted(steps)


def test_every_feature_the_code_emits_was_trained(merger) -> None:
    """A feature added without running benchmarks/train_fact_check.py would weigh nothing."""
    weights, _ = load_model()
    _, off = merger
    for letter, _, features in record_features(off):
        if letter in weights:
            assert set(features) <= set(weights[letter]), letter


def test_the_spacy_components_check_too() -> None:
    import newsmill.analyze.components
    from newsmill.analyze.nlp import load_nlp

    record = newsmill.analyze(MERGER.read_text(encoding="utf-8"), published="2019-02-19", settings=UNCHECKED)
    text = ArticleText.of(record).text
    found = {}
    nlp = load_nlp()  # shared by the process: the component is added and taken out again
    for check in (True, False):
        nlp.add_pipe("newsmill_entities", name="checked_entities", config={"check_facts": check})
        try:
            doc = nlp(text)
        finally:
            nlp.remove_pipe("checked_entities")
        found[check] = {e["name"] for e in doc._.newsmill_entities if e["kind"] == "PERSON"}
    assert "Verbeek" in found[False] and "Verbeek" not in found[True]
