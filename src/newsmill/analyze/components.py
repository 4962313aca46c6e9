"""Every spaCy factory newsmill registers, in one place.

Add them to your own pipeline after the parser and NER::

    import spacy, newsmill.analyze.components  # noqa: F401 (registers the factories)
    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("newsmill_entities")
    nlp.add_pipe("newsmill_times")
    nlp.add_pipe("newsmill_quotes")
    nlp.add_pipe("newsmill_events", config={"published": "2022-02-27"})
    doc = nlp(text)
    doc._.newsmill_published = "2022-02-27"   # before nlp(...) via nlp.make_doc, or pass in config
    doc.spans["newsmill_entities"], doc._.newsmill_entities, doc._.newsmill_times
    doc.spans["newsmill_quotes"], doc._.newsmill_quotes
    doc.spans["newsmill_events"], doc._.newsmill_events   # PLOVER events (dicts)

Each component wraps the same pure core the record pipeline uses (``annotate_entities``,
``annotate_times``, ``judge`` for entities and quotes, ``annotate_events``) and takes the same
``min_confidence`` (default 0.5, ``config={"min_confidence": 0}`` keeps everything) and the
same learned fact check (``check_facts``, default true as in the settings; ``stage.check_drafts``),
so both paths give the same facts — except where the check reads what only a record knows
(its title, dateline and list blocks).
"""

# No "from __future__ import annotations": spaCy resolves factory signatures at runtime.

from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from newsmill.analyze.entities import EntityContext, annotate_entities
from newsmill.analyze.events import annotate_events
from newsmill.analyze.extensions import register_extensions
from newsmill.analyze.gazetteer import load_gazetteer
from newsmill.analyze.judge import judge
from newsmill.analyze.stage import check_drafts
from newsmill.analyze.times import annotate_times


class EntitiesComponent:
    """Sets ``doc.spans["newsmill_entities"]`` (label = kind, kb_id = entity id) and
    ``doc._.newsmill_entities``."""

    def __init__(
        self, nlp: Language, name: str, data_dir: str, min_confidence: float = 0.5, check_facts: bool = True
    ) -> None:
        self.name = name
        self.data_dir = data_dir
        self.min_confidence = min_confidence
        self.check_facts = check_facts
        self._gazetteer: Any = None
        register_extensions()

    @property
    def gazetteer(self) -> Any:
        if self._gazetteer is None:  # loaded on first use, once per process
            self._gazetteer = load_gazetteer(self.data_dir or None)
        return self._gazetteer

    def judged(self, doc: Doc) -> tuple[list[Any], list[Any]]:
        """The entity and quote drafts of ``doc``, judged together (once per Doc)."""
        if ENTITY_DRAFTS not in doc.user_data:
            drafts = annotate_entities(doc, EntityContext(self.gazetteer))
            quotes = judge(doc, drafts, self.gazetteer, self.min_confidence)
            if self.check_facts:
                check_drafts(doc.text, drafts, quotes, self.min_confidence)
            doc.user_data[QUOTE_DRAFTS] = quotes
            doc.user_data[ENTITY_DRAFTS] = drafts
        return doc.user_data[ENTITY_DRAFTS], doc.user_data[QUOTE_DRAFTS]

    def __call__(self, doc: Doc) -> Doc:
        drafts, _ = self.judged(doc)
        spans = []
        records = []
        for number, draft in enumerate(drafts, 1):
            if draft.confidence < self.min_confidence:
                continue
            entity_id = f"e{number}"
            mentions = []
            for mention in draft.mentions:
                span = doc.char_span(
                    mention.start, mention.end, label=draft.kind, kb_id=entity_id, alignment_mode="expand"
                )
                if span is not None:
                    spans.append(span)
                mentions.append({"start": mention.start, "end": mention.end, "text": mention.text})
            records.append(
                {
                    "id": entity_id, "kind": draft.kind, "name": draft.name, "role": draft.role,
                    "country": draft.country, "sector": draft.sector, "mentions": mentions,
                    "confidence": round(draft.confidence, 3),
                }
            )  # fmt: skip
        doc.spans[self.name] = spans
        doc._.newsmill_entities = records
        return doc


# The drafts the components share through ``doc.user_data``: parse once, judge once.
ENTITY_DRAFTS = "newsmill_entity_drafts"
QUOTE_DRAFTS = "newsmill_quote_drafts"


class QuotesComponent:
    """Sets ``doc.spans["newsmill_quotes"]`` (the contents, label = kind) and
    ``doc._.newsmill_quotes``. Speakers resolve against ``newsmill_entities`` when that
    component ran first; otherwise the entities are found here."""

    def __init__(
        self, nlp: Language, name: str, data_dir: str, min_confidence: float = 0.5, check_facts: bool = True
    ) -> None:
        self.name = name
        self.entities = EntitiesComponent(nlp, "newsmill_entities", data_dir, min_confidence, check_facts)
        self.min_confidence = min_confidence
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        entities, judged = self.entities.judged(doc)
        kept = {f"e{n}" for n, e in enumerate(entities, 1) if e.confidence >= self.min_confidence}
        drafts = [q for q in judged if q.confidence >= self.min_confidence]
        text = doc.text
        doc.spans[self.name] = [
            span
            for q in drafts
            if (span := doc.char_span(*q.content, label=q.kind, alignment_mode="expand")) is not None
        ]

        def part(offsets: tuple[int, int] | None) -> dict[str, Any] | None:
            if offsets is None:
                return None
            return {"start": offsets[0], "end": offsets[1], "text": text[offsets[0] : offsets[1]]}

        doc._.newsmill_quotes = [
            {"kind": q.kind, "content": part(q.content), "cue": part(q.cue), "speaker": part(q.speaker),
             "speaker_entity": q.speaker_entity if q.speaker_entity in kept else None,
             "speaker_name": q.speaker_name, "antecedent": part(q.antecedent),
             "confidence": round(q.confidence, 3)}
            for q in drafts
        ]  # fmt: skip
        return doc


class TimesComponent:
    """Sets ``doc.spans["newsmill_times"]`` and ``doc._.newsmill_times``, resolved against
    ``doc._.newsmill_published`` or the ``published`` config value."""

    def __init__(self, nlp: Language, name: str, published: str) -> None:
        self.name = name
        self.published = published
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        raw = doc._.newsmill_published or self.published
        published = date.fromisoformat(str(raw)[:10]) if raw else None
        drafts = annotate_times(doc, published)
        doc.spans[self.name] = [
            span
            for t in drafts
            if (span := doc.char_span(t.start, t.end, label=t.basis, alignment_mode="expand")) is not None
        ]
        doc._.newsmill_times = [
            {"start": t.start, "end": t.end, "text": t.text, "value": t.value, "precision": t.precision,
             "basis": t.basis, "reason": t.reason}
            for t in drafts
        ]  # fmt: skip
        return doc


class EventsComponent:
    """Sets ``doc.spans["newsmill_events"]`` (the triggers, label = PLOVER type) and
    ``doc._.newsmill_events``: one dict per event with type, mode, context, status, cameo,
    trigger, evidence, actors and recipients (text, code, sector), location, date and the index
    of the quote that reports it. Reuses ``newsmill_entities``' entities when it ran first."""

    def __init__(
        self, nlp: Language, name: str, published: str, data_dir: str, min_confidence: float = 0.5
    ) -> None:
        self.name = name
        self.published = published
        self.entities = EntitiesComponent(nlp, "newsmill_entities", data_dir, min_confidence)
        self.min_confidence = min_confidence
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        raw = doc._.newsmill_published or self.published
        published = date.fromisoformat(str(raw)[:10]) if raw else None
        # The entities and quotes the other components judged, when they ran first (else
        # judged here); quotes resolve "he said"-style speakers that events refer back to.
        entities, quotes = self.entities.judged(doc)
        times = annotate_times(doc, published)
        gazetteer = self.entities.gazetteer
        found = annotate_events(doc, entities, quotes, times, gazetteer, published)
        events = [e for e in found if e.confidence >= self.min_confidence]
        text = doc.text

        def participant(p: Any) -> dict[str, Any]:
            return {
                "start": p.start,
                "end": p.end,
                "text": text[p.start : p.end],
                "code": p.code,
                "sector": p.sector,
            }

        doc.spans[self.name] = [
            span
            for e in events
            if (span := doc.char_span(*e.trigger, label=e.type, alignment_mode="expand")) is not None
        ]
        doc._.newsmill_events = [
            {
                "type": e.type, "mode": e.mode, "context": e.context, "status": e.status, "cameo": e.cameo,
                "confidence": e.confidence, "trigger": text[e.trigger[0] : e.trigger[1]],
                "evidence": text[e.evidence[0] : e.evidence[1]],
                "actors": [participant(p) for p in e.actors],
                "recipients": [participant(p) for p in e.recipients],
                "location": text[e.location[0] : e.location[1]] if e.location else None,
                "date": times[e.time].value if e.time is not None else None,
                "quote": e.quote,
            }
            for e in events
        ]  # fmt: skip
        return doc


@Language.component("newsmill_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line, before the parser runs: a headline and the
    paragraph under it must never be parsed as one sentence."""
    for token in doc[:-1]:
        if token.is_space and "\n\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@Language.factory(
    "newsmill_entities",
    default_config={"data_dir": "", "min_confidence": 0.5, "check_facts": True},
    requires=["doc.ents", "doc.sents"],
    assigns=["doc.spans", "doc._.newsmill_entities"],
)
def make_entities(
    nlp: Language, name: str, data_dir: str, min_confidence: float, check_facts: bool
) -> EntitiesComponent:
    return EntitiesComponent(nlp, name, data_dir, min_confidence, check_facts)


@Language.factory(
    "newsmill_quotes",
    default_config={"data_dir": "", "min_confidence": 0.5, "check_facts": True},
    requires=["doc.ents", "doc.sents", "token.dep"],
    assigns=["doc.spans", "doc._.newsmill_quotes"],
)
def make_quotes(
    nlp: Language, name: str, data_dir: str, min_confidence: float, check_facts: bool
) -> QuotesComponent:
    return QuotesComponent(nlp, name, data_dir, min_confidence, check_facts)


@Language.factory(
    "newsmill_times",
    default_config={"published": ""},
    assigns=["doc.spans", "doc._.newsmill_times"],
)
def make_times(nlp: Language, name: str, published: str) -> TimesComponent:
    return TimesComponent(nlp, name, published)


@Language.factory(
    "newsmill_events",
    default_config={"published": "", "data_dir": "", "min_confidence": 0.5},
    requires=["doc.ents", "doc.sents"],
    assigns=["doc.spans", "doc._.newsmill_events"],
)
def make_events(
    nlp: Language, name: str, published: str, data_dir: str, min_confidence: float
) -> EventsComponent:
    return EventsComponent(nlp, name, published, data_dir, min_confidence)
