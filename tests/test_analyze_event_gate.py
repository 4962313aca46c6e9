"""The event gate: only political and social actors make events (analyze/events/gate.py).

Each case is one sentence in a small page (see test_analyze_events.py); every event is kept
whatever its confidence, so what is tested is the gate, not the threshold.
"""

from __future__ import annotations

import pytest
from tests.test_analyze_events import analyzed, body_events, describe

from newsmill.model import Record


def types(record: Record) -> set[str]:
    return {e.type for e in body_events(record)}


@pytest.mark.parametrize(
    "sentence",
    [
        # Living things, markets and figures, storms: what "declines", "is supported", "hits".
        "Populations of several British bumblebee species have declined sharply since 2000.",
        "While the dollar was supported by recent U.S. economic data, the euro fell against the yen.",
        "Separately, Norway's oil production beat forecasts in October, the statistics office said.",
        "Hurricane Ian hit Florida on Wednesday, killing 12 people and flooding thousands of homes.",
        # A sport result is no assault.
        "Liverpool beat Chelsea 2-1 at Anfield on Sunday to go top of the league.",
    ],
)
def test_no_event_without_a_social_actor(sentence: str) -> None:
    record = analyzed(sentence)
    assert not types(record) & {"REJECT", "SUPPORT", "ASSAULT", "COERCE"}, describe(record)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A pronoun resolved to a state acts as the state.
        ("Switzerland said on Tuesday that it had expelled two Russian diplomats.", "SANCTION"),
        # A count of people acts as the people counted.
        ("Thousands of protesters attacked the Israeli embassy in Cairo on Friday night.", "ASSAULT"),
        # A vote count is not a sport score.
        ("The Russian parliament rejected the Ukrainian proposal 252-48 on Thursday.", "REJECT"),
    ],
)
def test_social_actors_still_act(sentence: str, expected: str) -> None:
    record = analyzed(sentence)
    assert expected in types(record), describe(record)


def test_a_verb_the_lexicon_lacks_is_read_by_a_cameo_pattern_with_less_certainty() -> None:
    from newsmill.analyze.events import annotate_events
    from newsmill.analyze.nlp import load_nlp

    # "torched": not in the hand lexicon; CAMEO's 'burn' block reads it against villages as
    # an assault (190).
    doc = load_nlp()(
        "Janjaweed militiamen torched at least a dozen villages in South Darfur, Sudan, this week."
    )
    from newsmill.analyze.entities import EntityContext, annotate_entities
    from newsmill.analyze.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    drafts = annotate_events(doc, annotate_entities(doc, EntityContext(gazetteer)), gazetteer=gazetteer)
    (event,) = [d for d in drafts if d.lemma == "torch"]
    assert event.type == "ASSAULT"
    # Both sides coded: 0.8 for a lexicon verb, 0.6 for the dictionary's reading.
    assert event.confidence == pytest.approx(0.6)
