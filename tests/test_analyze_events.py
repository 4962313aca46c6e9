"""Events: who did what to whom, on the seed page, on small handwritten pages and on the PLOVER
gold sentences (dev part, when ../shared is there).

Handwritten pages put a neutral lead paragraph between the headline and the case (the page
reader wants some prose), so that each case tests one sentence.
"""

from __future__ import annotations

import functools
import json
import re
from datetime import date
from pathlib import Path

import pytest
import spacy

import newsmill
from newsmill.analyze.events import main_event, to_plover
from newsmill.analyze.plover import CAMEO_BY_MODE, CAMEO_ROOTS, NOUNS, PLOVER_TYPES, VERB_OBJECTS, VERBS
from newsmill.model import Event, Record
from newsmill.settings import AnalyzeSettings, Settings

PUBLISHED = "2022-02-27"
LEAD = (
    "Heavy rain fell across the region on Monday, and the roads into the old town were closed "
    "for most of the afternoon while crews cleared fallen trees."
)
SHARED = Path(__file__).resolve().parents[2] / "shared"
CROSSWALK = SHARED / "eval" / "events" / "plover-gsr" / "CAMEO2PLOVER-2021.txt"
GOLD = SHARED / "eval" / "events" / "plover-gsr" / "records.jsonl"


# These tests check how events are read; which of them clear the confidence threshold is
# tested in test_analyze_precision.py, so every event is kept here.
ALL_FACTS = Settings(analyze=AnalyzeSettings(min_confidence=0.0))


@functools.cache
def analyzed(*paragraphs: str) -> Record:
    text = "\n".join(["A quiet week in the region", LEAD, *paragraphs])
    return newsmill.analyze(text, published=PUBLISHED, settings=ALL_FACTS)


def describe(record: Record) -> str:
    return "\n".join(
        f"  {e.type}/{e.mode} {e.trigger.text if e.trigger else ''!r} "
        f"{[(a.span.text, a.code) for a in e.actors]} -> {[(r.span.text, r.code) for r in e.recipients]} "
        f"{e.status}"
        for e in record.events
    )


def codes(participants: list) -> set[str]:  # type: ignore[type-arg]
    return {p.code for p in participants if p.code}


def body_events(record: Record) -> list[Event]:
    lead_end = record.text.index(LEAD) + len(LEAD) if LEAD in record.text else 0
    return [e for e in record.events if e.evidence.start >= lead_end]


# --- The seed page ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> Record:
    return newsmill.analyze(seed_path, published=PUBLISHED)


def _one(record: Record, found: list[Event], what: str) -> Event:
    assert found, f"no {what}:\n{describe(record)}"
    return found[0]


def test_seed_consult_by_telephone(seed: Record) -> None:
    event = _one(
        seed,
        [e for e in seed.events if e.type == "CONSULT" and e.mode == "phone"],
        "CONSULT by telephone",
    )
    assert codes(event.actors) == {"PAK"}
    assert codes(event.recipients) == {"UKR"}
    assert any("Kuleba" in r.span.text for r in event.recipients)


def test_seed_consult_visit_to_moscow_is_historical(seed: Record) -> None:
    # The standfirst ("during his Russia visit") and the body ("his visit to Moscow") report one
    # visit: one event with both sentences as its mentions.
    visits = [e for e in seed.events if e.type == "CONSULT" and e.mode == "visit"]
    assert len(visits) == 1, describe(seed)
    event = visits[0]
    assert any("visit to Moscow" in m.text for m in event.mentions)
    assert any("his Russia visit" in m.text for m in event.mentions)
    assert event.status == "historical"
    khan = next(e.id for e in seed.entities if e.name == "Imran Khan")
    assert [a.entity_id for a in event.actors] == [khan]
    assert codes(event.recipients) == {"RUS"}


@pytest.mark.parametrize(
    ("event_type", "recipient"),
    [("SUPPORT", "Ukrainian authorities"), ("REQUEST", "Ukrainian authorities")],
)
def test_seed_pakistan_to_ukraine(seed: Record, event_type: str, recipient: str) -> None:
    event = _one(seed, [e for e in seed.events if e.type == event_type], event_type)
    assert codes(event.actors) == {"PAK"}
    assert codes(event.recipients) == {"UKR"}
    assert any(recipient in r.span.text for r in event.recipients)


def test_seed_assault_invasion_dated(seed: Record) -> None:
    event = _one(
        seed,
        [
            e
            for e in seed.events
            if e.type == "ASSAULT" and any("launched its invasion" in m.text for m in e.mentions)
        ],
        "ASSAULT: the invasion",
    )
    assert codes(event.actors) == {"RUS"}
    assert codes(event.recipients) == {"UKR"}
    assert event.date is not None and event.date.value == "2022-02-24"


def test_seed_troops_seize_chernobyl(seed: Record) -> None:
    event = _one(
        seed,
        [
            e
            for e in seed.events
            if e.type in {"COERCE", "ASSAULT"} and e.trigger and e.trigger.text == "seized"
        ],
        "seizure of Chernobyl",
    )
    assert [a.span.text for a in event.actors] == ["Russian troops"]
    assert codes(event.actors) == {"RUS"} and event.actors[0].sector == "MIL"
    assert codes(event.recipients) == {"UKR"}
    assert event.location is not None and event.location.text in {"Chernobyl", "Chornobyl"}
    # The place itself may be withheld by the fact check (test_analyze_seed); never another one.
    assert all(p.name == "Chornobyl" for p in seed.places if p.id == event.place_id)


def test_seed_negotiations_are_future(seed: Record) -> None:
    event = _one(
        seed,
        [e for e in seed.events if e.trigger and e.trigger.text == "negotiations"],
        "the negotiations",
    )
    assert event.type in {"AGREE", "CONSULT"}
    assert event.status == "future"
    assert codes(event.actors) == {"UKR", "RUS"}
    assert event.location is not None and "Belarusian-Ukrainian border" in event.location.text
    assert event.attributed_to is not None
    assert "negotiations" in seed.quotes[event.attributed_to].content.text


def test_seed_shelling_of_civilian_infrastructure(seed: Record) -> None:
    event = _one(seed, [e for e in seed.events if e.trigger and e.trigger.text == "shelling"], "the shelling")
    assert event.type == "ASSAULT"
    assert codes(event.actors) == {"RUS"}
    assert codes(event.recipients) == {"UKR"}
    assert event.recipients[0].span.text == "civilian infrastructure"
    assert event.recipients[0].sector == "CVL"


def test_seed_no_event_in_trending_headlines(seed: Record) -> None:
    article_end = seed.paragraphs[-1].end
    assert seed.events
    assert all(e.evidence.end <= article_end for e in seed.events), describe(seed)


@pytest.mark.parametrize(
    "comment",
    [
        "underscoring the importance of de-escalation",
        "Islamabad believes that disputes should be resolved through dialogue and diplomacy",
        "which Putin regards as a puppet of the US",
    ],
)
def test_seed_comments_are_not_events(seed: Record, comment: str) -> None:
    start = seed.text.index(comment)
    end = start + len(comment)
    inside = [e for e in seed.events if e.trigger and start <= e.trigger.start < end]
    assert not inside, describe(seed)


def test_seed_events_cite_types_and_codes(seed: Record) -> None:
    for event in seed.events:
        assert event.type in PLOVER_TYPES
        assert event.cameo and event.cameo.isdigit()
        assert 0 < event.confidence <= 1
        assert event.evidence.start <= event.trigger.start < event.evidence.end  # type: ignore[union-attr]


# --- Handwritten sentences --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "event_type", "status"),
    [
        (
            "Officials in Nairobi said talks between Kenya and Uganda would be held in Kampala next week.",
            {"AGREE", "CONSULT"},
            "future",
        ),
        ("Kenyan President William Ruto will visit Uganda next month, his office said.", {"AGREE"}, "future"),
        ("The Kenyan army did not attack the Somali town of Kismayo on Tuesday.", {"ASSAULT"}, "negated"),
        ("Kenya could send food aid to Somalia if the rains fail again this year.", {"AID"}, "hypothetical"),
        (
            "The Kenyan president had visited Beijing in 2019 before the trade dispute.",
            {"CONSULT"},
            "historical",
        ),
        ("Kenyan police arrested 40 protesters in Nairobi on Tuesday.", {"COERCE"}, "asserted"),
        # A forecast is no act (frames.LIKELIHOOD_ADJECTIVES).
        ("Uganda is unlikely to accept the Kenyan proposal, diplomats said.", {"AGREE"}, "hypothetical"),
        ("Somalia is likely to reject the Kenyan offer of talks.", {"REJECT"}, "hypothetical"),
        # One side's wish for what another does (frames._wanted_of_another) ...
        ("Kenya wants Uganda to extradite the suspects to Nairobi.", {"COOPERATE"}, "hypothetical"),
        ("Nairobi expects Somalia to reject the proposal.", {"REJECT"}, "hypothetical"),
        # ... but a wish for one's own act is an intent expressed (AGREE), as before.
        ("Kenya wants to send food aid to Somalia.", {"AGREE"}, "asserted"),
        # A conjunct with its own auxiliary has its own tense (frames._modal_status).
        (
            "Kenya will give $18 million to repair Juba's water network, but has turned down a "
            "request from the South Sudanese government for budget support.",
            {"REJECT"},
            "asserted",
        ),
    ],
)
def test_status(sentence: str, event_type: set[str], status: str) -> None:
    record = analyzed(sentence)
    events = body_events(record)
    assert events, describe(record)
    event = events[0]
    assert event.type in event_type, describe(record)
    assert event.status == status, describe(record)


@pytest.mark.parametrize(
    ("sentence", "event_type", "recipient_codes"),
    [
        ("Uganda threatened to cut off electricity to Kenya over unpaid bills.", "THREATEN", {"KEN"}),
        ("Kenya will not accept any more refugees from Somalia, the minister said.", "REJECT", set()),
        ("Egypt demanded that Israel ease restrictions on Palestinian workers.", "REQUEST", {"ISR"}),
        (
            "The Foreign Ministry said that Ethiopia must withdraw its troops from Somalia.",
            "REQUEST",
            {"ETH"},
        ),
        ("Kenya rejected a Ugandan offer of talks on the border dispute.", "REJECT", {"UGA"}),
        (
            "Tanzania will withdraw its peacekeepers from Burundi unless the fighting stops.",
            "THREATEN",
            {"BDI"},
        ),
        # The threat is made to whoever must meet its condition.
        (
            "Iran threatened to launch a new offensive unless Baghdad accepted its conditions for peace.",
            "THREATEN",
            {"IRQ"},
        ),
        # A hostile act's "against X" deeper in its phrase.
        ("Britain mobilized army reservists for a possible war against Iraq.", "MOBILIZE", {"IRQ"}),
        # A visit is made to the country it takes place in.
        ("Iraqi President Saddam Hussein arrived in Amman on an unannounced visit.", "CONSULT", {"JOR"}),
        # A country with a compass word is that country, not a small town of the same name.
        ("Israel today mounted its long-threatened invasion of South Lebanon.", "ASSAULT", {"LBN"}),
        # PLOVER's convention: a protest naming no one is against the protesters' own government.
        ("Thousands of Indonesian students protested in Jakarta on Monday.", "PROTEST", {"IDN"}),
        # ... and a concession naming no one is made at home.
        ("Sudan's government on Sunday lifted a state of emergency in West Darfur.", "CONCEDE", {"SDN"}),
    ],
)
def test_promises_threats_and_requests(sentence: str, event_type: str, recipient_codes: set[str]) -> None:
    record = analyzed(sentence)
    event = next((e for e in body_events(record) if e.type == event_type), None)
    assert event is not None, describe(record)
    assert recipient_codes <= codes(event.recipients), describe(record)


@pytest.mark.parametrize(
    "sentence",
    [
        "Kenya believes that Uganda should withdraw its troops from the border.",
        "Kenyan officials regard the Somali government as a puppet of its neighbours.",
        "The minister underscored the importance of de-escalation and dialogue.",
        # Naming what something is ("called the agreement a first step") makes no event.
        "Ethiopia's foreign minister, who chaired the talks, called the agreement "
        '"a first step, but a real one."',
    ],
)
def test_comments_yield_no_event(sentence: str) -> None:
    record = analyzed(sentence)
    assert not body_events(record), describe(record)


def test_place_names_are_not_actors() -> None:
    record = analyzed("In Nairobi, the Kenyan foreign minister met his Ugandan counterpart on Monday.")
    event = next(e for e in body_events(record) if e.type == "CONSULT")
    assert codes(event.actors) == {"KEN"}, describe(record)
    assert all(a.span.text != "Nairobi" for a in event.actors + event.recipients)
    assert codes(event.recipients) == {"UGA"}


def test_attacked_place_is_location_and_country() -> None:
    record = analyzed("Kenyan troops attacked rebels in Kismayo, Somalia on Monday.")
    event = next(e for e in body_events(record) if e.type == "ASSAULT")
    assert codes(event.actors) == {"KEN"}
    assert "Kismayo" not in {a.span.text for a in event.actors}
    assert event.location is not None and event.location.text == "Kismayo"


def test_not_every_object_is_a_target() -> None:
    record = analyzed("Kenya sent 500 tons of maize to Somalia on Friday.")
    event = next(e for e in body_events(record) if e.type == "AID")
    assert [r.span.text for r in event.recipients] == ["Somalia"], describe(record)


@pytest.mark.parametrize(
    "sentence",
    [
        "Bleaching occurs when corals under heat stress expel the algae that live in their tissues.",
        "Prolonged heat can kill the young trees, and rain gives them a second chance.",
        "We have not seen a Switch Lite deal this week, and the bundle still costs $50 more.",
    ],
)
def test_no_event_without_anyone_acting(sentence: str) -> None:
    record = analyzed(sentence)
    assert not body_events(record), describe(record)


def test_we_in_a_quote_is_its_speaker() -> None:
    record = analyzed(
        '"We will not accept these demands," Kenyan Foreign Minister Musalia Mudavadi said on Monday.'
    )
    event = next(e for e in body_events(record) if e.type == "REJECT")
    assert event.actors[0].span.text == "We"
    assert codes(event.actors) == {"KEN"}, describe(record)
    assert event.attributed_to is not None


def test_owner_before_place() -> None:
    record = analyzed("China's embassy in Washington criticised the decision on Tuesday.")
    event = next(e for e in body_events(record) if e.type == "ACCUSE")
    assert codes(event.actors) == {"CHN"}, describe(record)


def test_capital_stands_for_government() -> None:
    record = analyzed("Washington imposed sanctions on Iran on Monday.")
    event = next(e for e in body_events(record) if e.type == "SANCTION")
    assert codes(event.actors) == {"USA"} and event.actors[0].sector == "GOV"
    assert codes(event.recipients) == {"IRN"}


# --- PLOVER export, spaCy factory, crosswalk ---------------------------------------------------


def test_plover_export_round_trip(seed: Record) -> None:
    exported = json.loads(json.dumps(to_plover(seed)))
    assert len(exported) == len(seed.events)
    for item, event in zip(exported, seed.events, strict=True):
        assert item["event"] == event.type
        assert item["text"] == event.evidence.text
        assert item["eventText"] == event.trigger.text  # type: ignore[union-attr]
        assert [a["code"] or None for a in item["source"]] == [a.code for a in event.actors]
        assert [t["code"] or None for t in item["target"]] == [r.code for r in event.recipients]
        assert item["cameo_code"] == event.cameo
        date.fromisoformat(item["date"])
    assert {"He", "his"}.isdisjoint({a["actorText"] for item in exported for a in item["source"]})
    again = Record.from_json(seed.to_json())
    assert to_plover(again) == to_plover(seed)


def test_cli_format_plover(seed_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from newsmill.cli import main

    assert main(["analyze", str(seed_path), "--published", PUBLISHED, "--format", "plover"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert exported and all(item["event"] in PLOVER_TYPES for item in exported)
    assert any(item["event"] == "ASSAULT" and item["date"] == "2022-02-24" for item in exported)


def test_cli_format_text_lists_events(seed_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from newsmill.cli import main

    assert main(["analyze", str(seed_path), "--published", PUBLISHED, "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert "events ·" in out and "COERCE" in out


def test_events_factory_in_a_plain_pipeline() -> None:
    import newsmill.analyze.components  # noqa: F401  (registers the factories)
    from newsmill.analyze.nlp import load_nlp

    nlp = load_nlp.__wrapped__()  # a pipeline of its own: the cached one is the analyzer's
    assert isinstance(nlp, spacy.language.Language)
    nlp.add_pipe("newsmill_events", config={"published": "2022-02-27"})
    doc = nlp("Israel and Lebanon renewed negotiations on Thursday. Syria expelled two Turkish diplomats.")
    events = doc._.newsmill_events
    assert [e["type"] for e in events] == ["CONSULT", "SANCTION"]
    assert [a["code"] for a in events[0]["actors"]] == ["ISR", "LBN"]
    assert events[0]["date"] == "2022-02-24"
    assert [r["code"] for r in events[1]["recipients"]] == ["TUR"]
    assert [s.label_ for s in doc.spans["newsmill_events"]] == ["CONSULT", "SANCTION"]


def test_events_factory_after_the_entities_factory() -> None:
    import newsmill.analyze.components  # noqa: F401  (registers the factories)
    from newsmill.analyze.nlp import load_nlp

    nlp = load_nlp.__wrapped__()  # a pipeline of its own: the cached one is the analyzer's
    nlp.add_pipe("newsmill_entities")
    nlp.add_pipe("newsmill_events")
    doc = nlp("Kenyan police arrested 40 protesters in Nairobi. He said they would meet.")
    events = doc._.newsmill_events
    assert events[0]["type"] == "COERCE" and events[0]["location"] == "Nairobi"
    assert [a["code"] for a in events[0]["actors"]] == ["KEN"]
    assert doc._.newsmill_entities  # the entities component's output is still there


def _crosswalk() -> dict[str, tuple[str, str]]:
    if not CROSSWALK.exists():
        pytest.skip("the shared CAMEO→PLOVER crosswalk is not available next to the repository")
    rows = {}
    for line in CROSSWALK.read_text(encoding="utf-8").splitlines():
        found = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,\s*([^,#]*)", line)
        if found:
            rows[found.group(1)] = (found.group(2), found.group(3).strip())
    return rows


def test_cameo_roots_match_the_official_crosswalk() -> None:
    rows = _crosswalk()
    assert set(CAMEO_ROOTS) == set(PLOVER_TYPES)
    for event_type, code in CAMEO_ROOTS.items():
        assert rows[code][0] == event_type, (event_type, code, rows.get(code))


def test_cameo_modes_match_the_official_crosswalk() -> None:
    rows = _crosswalk()
    for (event_type, mode), code in CAMEO_BY_MODE.items():
        assert rows[code] == (event_type, mode), (event_type, mode, code, rows.get(code))
        first = next(c for c, row in rows.items() if row == (event_type, mode))
        assert code == first


def test_lexicon_speaks_plover() -> None:
    rows = _crosswalk()
    modes = {row for row in rows.values()}
    # Modes of the PLOVER manual that the 2021 crosswalk has no CAMEO code for.
    manual_only = {("ASSAULT", "primitive")}
    senses = [
        *VERBS.values(),
        *NOUNS.values(),
        *(s for table in VERB_OBJECTS.values() for s in table.values()),
    ]
    for sense in senses:
        assert sense.type in PLOVER_TYPES
        if sense.mode:
            assert (sense.type, sense.mode) in modes | manual_only, sense


# --- The gold gate --------------------------------------------------------------------------


def test_gold_event_types_and_actors() -> None:
    if not GOLD.exists():
        pytest.skip("the shared PLOVER gold set is not available next to the repository")
    from newsmill.analyze import stage
    from newsmill.analyze.stage import Analyzer
    from newsmill.model import ExtractionInfo, Published, Span, record_id

    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = [
        Record(
            id=record_id(g["text"]), text=g["text"], body=g["text"],
            paragraphs=[Span(start=0, end=len(g["text"]), text=g["text"])],
            published=Published.from_value(date.fromisoformat(g["date"]), "argument"),
            extraction=ExtractionInfo(extractor="test", format="text"),
        )
        for g in gold
    ]  # fmt: skip
    drafts: list[list] = []  # type: ignore[type-arg]
    annotate = stage.annotate_events
    try:
        stage.annotate_events = lambda *a, **k: drafts.append(found := annotate(*a, **k)) or found  # type: ignore[assignment]
        list(Analyzer().run(records))
    finally:
        stage.annotate_events = annotate  # type: ignore[assignment]
    right = 0
    tp = predicted = expected = 0
    for item, found in zip(gold, drafts, strict=True):
        main = main_event(found)
        right += main is not None and main.type == item["event"]
        got = {a.code for a in main.actors if a.code} if main else set()
        want = {a["code"] for a in item["source"] if isinstance(a, dict) and a.get("code")}
        tp, predicted, expected = tp + len(got & want), predicted + len(got), expected + len(want)
    accuracy = right / len(gold)
    source_f1 = 2 * tp / (predicted + expected)
    assert accuracy >= 0.78, accuracy
    assert source_f1 >= 0.72, source_f1


# --- Actor and recipient codes: general rules (handwritten cases, not the gold sentences) -----


def test_leader_surname_before_administration_is_no_place() -> None:
    record = analyzed("The Bush administration imposed sanctions on Syria on Monday.")
    event = next(e for e in body_events(record) if e.type == "SANCTION")
    assert "EGY" not in codes(event.actors), describe(record)  # Būsh, Egypt, is not meant
    assert codes(event.recipients) == {"SYR"}


def test_name_inside_a_run_of_proper_nouns_is_no_place() -> None:
    record = analyzed("Kenya extradited suspected British militant Haroon Rashid Aswad to Britain on Sunday.")
    assert "Rosetta" not in {e.name for e in record.entities}
    event = next(e for e in body_events(record) if e.type == "COOPERATE")
    assert codes(event.recipients) == {"GBR"}, describe(record)


def test_a_people_named_with_its_country() -> None:
    record = analyzed(
        "Bosnian Serbs said on Tuesday their forces had completed their withdrawal from the enclave."
    )
    people = next(e for e in record.entities if e.name == "Bosnian Serbs")
    assert people.kind == "NORP" and people.country == "BIH"
    event = next(e for e in body_events(record) if e.type == "RETREAT")
    assert codes(event.actors) == {"BIH"}, describe(record)


def test_united_kingdom_is_named_as_a_state() -> None:
    record = analyzed("Britain expelled two Russian diplomats from London on Monday.")
    place = next(p for p in record.places if p.country == "GBR" and p.feature == "country")
    assert place.name == "United Kingdom"


def test_stance_and_sponsor_countries_code_no_one() -> None:
    record = analyzed("Gunmen killed an anti-Syria journalist in a car bomb attack in Beirut on Monday.")
    event = next(e for e in body_events(record) if e.type == "ASSAULT")
    assert "SYR" not in codes(event.recipients), describe(record)
    assert codes(event.recipients) == {"LBN"}


def test_reporting_clause_names_no_participant() -> None:
    record = analyzed(
        "The Sudanese government accused Darfur rebels of breaking the truce, a member of the "
        "Chadian mediation team said."
    )
    event = next(e for e in body_events(record) if e.type == "ACCUSE")
    assert codes(event.actors) == {"SDN"}, describe(record)
    assert "TCD" not in codes(event.recipients)


def test_crowd_is_of_the_place_it_acts_in_and_defies_the_state() -> None:
    record = analyzed("Thousands of people blocked streets in Hong Kong in defiance of Chinese authorities.")
    event = next(e for e in body_events(record) if e.type == "PROTEST")
    assert codes(event.actors) == {"HKG"}, describe(record)
    assert codes(event.recipients) == {"CHN"}


def test_counted_people_of_two_nationalities() -> None:
    record = analyzed("Soldiers in Guinea beat scores of Sierra Leonean and Liberian refugees on Monday.")
    event = next(e for e in body_events(record) if e.type == "ASSAULT")
    assert codes(event.recipients) == {"SLE", "LBR"}, describe(record)


def test_misspelt_country() -> None:
    record = analyzed("Pakistan rejected a fresh offer from Afganistan for direct talks on Monday.")
    event = next(e for e in body_events(record) if e.type == "REJECT")
    assert codes(event.recipients) == {"AFG"}, describe(record)


def test_purpose_clause_acts_on_the_main_verbs_object() -> None:
    record = analyzed(
        "Kenya's foreign minister summoned Uganda's ambassador on Monday to complain about the raids."
    )
    event = next(e for e in body_events(record) if e.type == "ACCUSE")
    assert codes(event.recipients) == {"UGA"}, describe(record)


def test_thing_done_by_someone_stands_for_them() -> None:
    record = analyzed("Poland's parliament demanded an apology by Moscow for the massacre on Monday.")
    event = next(e for e in body_events(record) if e.type == "REQUEST")
    assert codes(event.recipients) == {"RUS"}, describe(record)


def test_concession_made_where_it_applies() -> None:
    record = analyzed("Serbia lifted the night curfew in Montenegro on Sunday.")
    event = next(e for e in body_events(record) if e.type == "CONCEDE")
    assert codes(event.recipients) == {"MNE"}, describe(record)


def test_condition_names_no_recipient() -> None:
    record = analyzed("Jordan says it will not accept any more refugees if war starts in Iraq.")
    event = next(e for e in body_events(record) if e.evidence.text.startswith("Jordan"))
    assert "IRQ" not in codes(event.recipients), describe(record)


def test_stative_passive_subject_acts() -> None:
    record = analyzed("Nguyen Van An said Vietnam is committed to lowering its import tariffs.")
    event = next(e for e in body_events(record) if e.type == "AGREE")
    assert codes(event.actors) == {"VNM"}, describe(record)
    assert "VNM" not in codes(event.recipients)


def test_helper_is_no_recipient() -> None:
    record = analyzed("NATO said it would tighten the naval blockade of Serbia with Albania's help.")
    event = next(e for e in body_events(record) if e.type in {"THREATEN", "SANCTION", "COERCE"})
    assert "ALB" not in codes(event.recipients), describe(record)
    assert "SRB" in codes(event.recipients)


def test_set_fire_to_and_hack_into() -> None:
    record = analyzed("Settlers set fire to the offices of Palestinian officials in Hebron on Sunday.")
    event = next(e for e in body_events(record) if e.type in {"COERCE", "ASSAULT"})
    assert codes(event.recipients) == {"PSE"}, describe(record)
    record = analyzed("North Korea tried to hack into the computers of South Korean army officers.")
    event = next(e for e in body_events(record) if e.type == "COERCE")
    assert codes(event.recipients) == {"KOR"}, describe(record)


def test_refused_promise_is_a_rejection() -> None:
    record = analyzed("Jordan says it will not accept any more refugees from the camps.")
    event = next(e for e in body_events(record) if e.evidence.text.startswith("Jordan"))
    assert event.type == "REJECT", describe(record)


def test_pronoun_for_a_group_of_no_stated_country() -> None:
    record = analyzed(
        "The Islamist opposition party has said it will boycott Tunisia's next elections unless "
        "the president resigns."
    )
    event = next(e for e in body_events(record) if e.type == "THREATEN")
    assert codes(event.actors) == {"TUN"}, describe(record)


def test_lifted_ban_on_a_group() -> None:
    record = analyzed("President Museveni said he is prepared to lift the ban on the Democratic Party.")
    event = next(e for e in body_events(record) if e.type in {"AGREE", "CONCEDE"})
    assert codes(event.actors) == {"UGA"}, describe(record)


def test_statement_issued_by_a_group_demands() -> None:
    record = analyzed(
        "The Kurdistan Workers' Party issued a statement demanding that the Turkish government "
        "release its leader."
    )
    event = next(e for e in body_events(record) if e.type == "REQUEST")
    assert codes(event.actors) == {"TUR"}, describe(record)
    assert codes(event.recipients) == {"TUR"}


def test_refusal_to_let_someone_act() -> None:
    record = analyzed("The rebels refused to allow United Nations planes to land at the airstrip.")
    event = next(e for e in body_events(record) if e.type == "REJECT")
    assert codes(event.recipients) == {"IGO"}, describe(record)


def test_protest_aimed_at_whom_it_shows_disapproval_of() -> None:
    record = analyzed(
        "Demonstrators in Baghdad blocked a road to show their anger at the United States' policies."
    )
    event = next(e for e in body_events(record) if e.type == "PROTEST")
    assert codes(event.actors) == {"IRQ"}, describe(record)
    assert codes(event.recipients) == {"USA"}


def test_stopped_transfer_is_a_sanction_on_whom_it_went_to() -> None:
    record = analyzed("Washington suspended arms sales to Taiwan on Monday.")
    event = next(e for e in body_events(record) if e.type == "SANCTION")
    assert codes(event.actors) == {"USA"} and codes(event.recipients) == {"TWN"}, describe(record)


def test_refuge_is_sought_of_the_sheltering_country() -> None:
    record = analyzed("Thousands of Syrian Kurds sought refuge in Turkey last month.")
    event = next(e for e in body_events(record) if e.type == "REQUEST")
    assert codes(event.actors) == {"SYR"} and codes(event.recipients) == {"TUR"}, describe(record)


def test_unidentified_attackers_are_of_where_they_struck() -> None:
    record = analyzed(
        "Two Canadian soldiers were killed by a roadside bomb outside the Afghan city of Kandahar."
    )
    event = next(e for e in body_events(record) if e.type == "ASSAULT")
    assert codes(event.recipients) == {"CAN"}, describe(record)
    assert codes(event.actors) == {"AFG"} and event.actors[0].sector == "UAF"
    assert event.actors[0].span.text == ""  # no words name them


@pytest.mark.parametrize(
    "sentence",
    [
        "Two United States service members were killed in a helicopter crash in Afghanistan on Monday.",
        "A hunter who killed and ate a wild rabbit in China has fallen ill with the plague.",
    ],
)
def test_accidents_and_hunts_are_no_assaults(sentence: str) -> None:
    record = analyzed(sentence)
    assert not [e for e in body_events(record) if e.type == "ASSAULT"], describe(record)


def test_reporting_tail_after_a_comma_names_no_participant() -> None:
    record = analyzed(
        "The Sudanese government has accused Kordofan rebels of violating a month-old truce, a member "
        "of the Ugandan team trying to broker a peace pact has said."
    )
    event = next(e for e in body_events(record) if e.type == "ACCUSE")
    assert "UGA" not in codes(event.recipients), describe(record)


def test_one_nationality_against_itself() -> None:
    record = analyzed(
        "Palestinian police in Jericho confiscated weapons from Palestinian armed groups on Friday."
    )
    event = next(e for e in body_events(record) if e.type == "COERCE")
    assert codes(event.actors) == {"PSE"} and codes(event.recipients) == {"PSE"}, describe(record)


def test_attackers_who_died_are_no_recipients() -> None:
    record = analyzed(
        "Two Chechen suicide bombers killed 12 people as well as themselves in Moscow on Sunday."
    )
    event = next(e for e in body_events(record) if e.type == "ASSAULT")
    assert all(r.span.text != "themselves" for r in event.recipients), describe(record)


def test_border_says_where_not_whose() -> None:
    record = analyzed(
        "Burmese troops have captured part of a Karen guerrilla stronghold on the Thai border "
        "after five days of fighting."
    )
    event = next(e for e in body_events(record) if e.type == "ASSAULT")
    assert "THA" not in codes(event.recipients), describe(record)


def test_whose_forces_is_written_before_the_head() -> None:
    # phrases._participant_phrase: the nationality before a common noun says whose; a name after
    # it ("in southern Syria's al-Tanf") says where, even when the model reads it as a person.
    record = analyzed(
        "The Russian defense ministry accused U.S. forces in southern Syria’s al-Tanf of blocking aid."
    )
    event = next(e for e in body_events(record) if e.type == "ACCUSE")
    assert codes(event.recipients) == {"USA"}, describe(record)


def test_a_decision_is_the_act() -> None:
    record = analyzed(
        "Kenya's Supreme Court decided to allow opposition candidate Raila Odinga to run in the election."
    )
    event = next(e for e in body_events(record) if e.evidence.text.startswith("Kenya"))
    assert event.type == "CONCEDE" and event.status == "asserted", describe(record)


def test_parties_who_travel_for_talks_consult() -> None:
    record = analyzed(
        "Indian and Chinese negotiators return to Geneva this week for talks on the border dispute."
    )
    event = next(e for e in body_events(record) if e.type == "CONSULT")
    assert codes(event.actors) == {"IND", "CHN"}, describe(record)


def test_a_demand_governs_its_that_clause() -> None:
    record = analyzed(
        "The World Health Organization reiterated its demand today that Egypt ease restrictions on "
        "the movement of aid workers."
    )
    main = [e for e in body_events(record) if e.evidence.text.startswith("The World")]
    assert [e.type for e in main] == ["REQUEST"], describe(record)
    assert codes(main[0].actors) == {"IGO"} and codes(main[0].recipients) == {"EGY"}


def test_main_event_is_the_shallowest_and_conditions_are_no_events() -> None:
    record = analyzed(
        "Norway is willing to send material to help defend Kuwait if it is attacked, its minister said."
    )
    found = [e for e in body_events(record) if e.evidence.text.startswith("Norway")]
    assert [e.type for e in found] == ["AGREE"], describe(record)
    assert codes(found[0].recipients) == {"KWT"}


def test_a_province_names_its_country_and_forces_are_the_means() -> None:
    record = analyzed(
        "The government of Sindh province has ordered patrols by police and soldiers after the riots."
    )
    sindh = next(p for p in record.places if p.name == "Sindh")
    assert sindh.country == "PAK" and sindh.feature == "region"
    event = next(e for e in body_events(record) if e.type == "MOBILIZE")
    assert codes(event.actors) == {"PAK"}, describe(record)
    assert not event.recipients


def test_forces_sent_to_a_place_are_aimed_at_it() -> None:
    record = analyzed("China has sent troops to Hong Kong in a bid to restore order.")
    event = next(e for e in body_events(record) if e.type == "MOBILIZE")
    assert codes(event.actors) == {"CHN"} and codes(event.recipients) == {"HKG"}, describe(record)


@pytest.mark.parametrize("verb", ["castigated", "berated", "reprimanded", "lambasted"])
def test_more_verbs_of_disapproval(verb: str) -> None:
    record = analyzed(f"Kenya {verb} Uganda on Monday over the border raids.")
    event = next(e for e in body_events(record) if e.evidence.text.startswith("Kenya"))
    assert event.type == "ACCUSE" and codes(event.recipients) == {"UGA"}, describe(record)


def test_signing_a_decree_is_no_support_and_a_banned_party_is_domestic() -> None:
    record = analyzed("Yeltsin signed a decree banning the Communist Party on Friday.")
    found = [e for e in body_events(record) if e.evidence.text.startswith("Yeltsin")]
    assert [e.type for e in found] == ["COERCE"], describe(record)
    assert codes(found[0].actors) == {"RUS"} and codes(found[0].recipients) == {"RUS"}


def test_own_forces_withdrawn_are_no_recipients() -> None:
    record = analyzed("Milosevic agreed to withdraw his troops from the province on Monday.")
    event = next(e for e in body_events(record) if e.type == "AGREE")
    assert all(r.span.text != "his troops" for r in event.recipients), describe(record)


def test_capital_and_movement_named_without_their_country() -> None:
    record = analyzed("Washington recalled its ambassador from Belgrade for consultations.")
    event = next(e for e in body_events(record) if e.type == "SANCTION")
    assert codes(event.actors) == {"USA"}, describe(record)
    record = analyzed("The Sandinista government expelled eight U.S. diplomats on Monday.")
    event = next(e for e in body_events(record) if e.type == "SANCTION")
    assert codes(event.actors) == {"NIC"} and codes(event.recipients) == {"USA"}, describe(record)


def test_test_firing_is_a_show_of_force_and_sanctions_lifted_against() -> None:
    record = analyzed("India test-fired a nuclear-capable missile on Thursday.")
    assert [e.type for e in body_events(record)] == ["MOBILIZE"], describe(record)
    record = analyzed("The UN Security Council voted to lift sanctions against Libya.")
    event = next(e for e in body_events(record) if e.type == "RETREAT")
    assert codes(event.recipients) == {"LBY"}, describe(record)


def test_approved_loan_and_clash_with_police() -> None:
    record = analyzed("The IMF approved a $2 billion loan for Argentina on Friday.")
    event = next(e for e in body_events(record) if e.type == "AID")
    assert codes(event.actors) == {"IGO"} and codes(event.recipients) == {"ARG"}, describe(record)
    record = analyzed("Opposition supporters clashed with police in Nairobi after the disputed election.")
    event = next(e for e in body_events(record) if e.type == "ASSAULT")
    assert codes(event.recipients) == {"KEN"} and event.recipients[0].sector == "COP", describe(record)


def test_withdrawal_out_of_a_region_and_peacekeepers_are_help() -> None:
    record = analyzed("Russia began pulling its troops out of Chechnya on Wednesday.")
    event = next(e for e in body_events(record) if e.type == "RETREAT")
    assert codes(event.recipients) == {"RUS"}, describe(record)
    record = analyzed("Australia will send 2,000 peacekeepers to East Timor.")
    event = next(e for e in body_events(record) if e.evidence.text.startswith("Australia"))
    assert event.type in {"AGREE", "AID"} and codes(event.recipients) == {"TLS"}, describe(record)


def test_mediation_between_parties_and_state_vehicles() -> None:
    record = analyzed("Egypt offered to mediate between Israel and the Palestinians.")
    event = next(e for e in body_events(record) if e.evidence.text.startswith("Egypt"))
    assert codes(event.recipients) == {"ISR", "PSE"}, describe(record)
    record = analyzed("Angolan rebels shot down a government transport plane on Sunday.")
    event = next(e for e in body_events(record) if e.type == "ASSAULT")
    assert codes(event.recipients) == {"AGO"}, describe(record)
    record = analyzed("Thai troops evacuated thousands of villagers from the border area.")
    event = next(e for e in body_events(record) if e.type == "AID")
    assert codes(event.recipients) == {"THA"}, describe(record)


def test_a_people_named_with_a_noun_and_a_bill_signed_by_its_signer() -> None:
    record = analyzed("Rwandan Hutu militiamen massacred hundreds of Tutsis in Kigali.")
    event = next(e for e in body_events(record) if e.type == "ASSAULT")
    assert codes(event.actors) == {"RWA"}, describe(record)
    record = analyzed("President Clinton signed a bill imposing sanctions on Iran and Libya.")
    event = next(e for e in body_events(record) if e.type == "SANCTION")
    assert codes(event.actors) == {"USA"} and codes(event.recipients) == {"IRN", "LBY"}, describe(record)


def test_a_verb_of_extent_carries_the_event_noun_and_its_owner_acts() -> None:
    # "widened/expanded its sanctions": the noun names the act, the verb's subject does it.
    record = analyzed("The European Union expanded its sanctions against Belarus on Monday.")
    (event,) = [e for e in body_events(record) if e.type == "SANCTION"]
    assert codes(event.actors) == {"IGO"} and codes(event.recipients) == {"BLR"}, describe(record)
    # "intensified their offensive": whose act it is acts; it is not done to them.
    record = analyzed("Russian forces intensified their offensive in the east of Ukraine on Tuesday.")
    (event,) = [e for e in body_events(record) if e.type == "ASSAULT"]
    assert all(r.span.text != "their" for r in event.recipients), describe(record)
    assert codes(event.actors) == {"RUS"} and codes(event.recipients) == {"UKR"}, describe(record)
