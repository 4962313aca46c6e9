"""The analysis step over records: one spaCy parse per article, shared by every stage.

``Analyzer.setup()`` loads the model and the gazetteer once; ``run(records)`` batches the
articles through ``nlp.pipe`` and fills each record's ``entities``, ``places``, ``quotes``,
``times`` and ``events`` with spans of its own ``text``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from newsmill.analyze.convert import ArticleText
from newsmill.analyze.entities import EntityContext, EntityDraft, annotate_entities
from newsmill.analyze.events import annotate_events, to_events
from newsmill.analyze.fact_check import check_record
from newsmill.analyze.gazetteer import City, Country, Gazetteer, load_gazetteer
from newsmill.analyze.judge import inside, judge
from newsmill.analyze.nlp import load_nlp
from newsmill.analyze.quotes import QuoteDraft, quoted_stretches
from newsmill.analyze.sentences import text_of
from newsmill.analyze.times import annotate_times, doubt_quoted_days
from newsmill.model import Entity, ExtractionInfo, Mention, Place, Quote, Record, Span, TimeExpr
from newsmill.settings import AnalyzeSettings


class Analyzer:
    """Entities, places and times for records. Construct cheaply; ``setup()`` loads models."""

    def __init__(self, settings: AnalyzeSettings | None = None) -> None:
        self.settings = settings or AnalyzeSettings()
        self.nlp: Any = None
        self.gazetteer: Gazetteer | None = None

    def setup(self) -> Analyzer:
        if self.nlp is None:
            self.nlp = load_nlp(self.settings.model or None)
            if "newsmill_paragraph_breaks" not in self.nlp.pipe_names and "parser" in self.nlp.pipe_names:
                import newsmill.analyze.components  # noqa: F401  (registers the component)

                self.nlp.add_pipe("newsmill_paragraph_breaks", before="parser")
            self.gazetteer = load_gazetteer(self.settings.data_dir or None)
        return self

    def process(self, record: Record) -> Record:
        return next(self.run([record]))

    def run(self, records: Iterable[Record]) -> Iterator[Record]:
        """Analyse ``records`` in order; articles in a language the model does not read pass
        through with a warning and no facts (English facts from Portuguese text are noise)."""
        self.setup()
        pending: list[Record] = []

        def english() -> Iterator[tuple[str, tuple[ArticleText, Record]]]:
            for record in records:
                pending.append(record)
                if is_analysable(record, self.settings.languages):
                    article = ArticleText.of(record, self.settings.max_chars)
                    yield article.text, (article, record)
                else:
                    record.extraction.warnings.append(
                        f"language {record.language!r}: not analysed (analysis reads "
                        f"{', '.join(self.settings.languages)})"
                    )

        for doc, (article, record) in self.nlp.pipe(
            english(), as_tuples=True, batch_size=self.settings.batch_size
        ):
            fill_record(
                record, doc, article, self.gazetteer, self.settings.min_confidence,  # type: ignore[arg-type]
                check=self.settings.check_facts,
            )  # fmt: skip
            # Records skipped for their language that came before this one go out first.
            while pending and pending[0] is not record:
                yield pending.pop(0)
            pending.pop(0)
            yield record
        yield from pending


def is_analysable(record: Record, languages: tuple[str, ...]) -> bool:
    """Unknown language (too little text to tell, nothing declared) is given the benefit."""
    return record.language is None or record.language in languages


def fill_record(
    record: Record,
    doc: Any,
    article: ArticleText,
    gazetteer: Gazetteer,
    min_confidence: float = 0.0,
    check: bool = False,
) -> Record:
    """Write the stages' facts into ``record`` as spans of its text; facts whose confidence
    is below ``min_confidence`` are not emitted. ``check``: the learned fact check lowers
    confidences first (``fact_check.check_record``)."""
    if article.truncated:
        record.extraction.warnings.append(f"analysis covered the first {len(article.text):,} characters only")
    dateline = None
    if record.dateline is not None:
        dateline = article.to_doc(record.dateline.start, record.dateline.end)
    published = date.fromisoformat(record.published.date) if record.published else None
    name = record.dateline.name if record.dateline else None
    region = record.dateline.region if record.dateline else None
    context = EntityContext(gazetteer, dateline, name, published, region)
    drafts = annotate_entities(doc, context)
    blocks = [found for b in record.blocks if (found := article.to_doc(b.start, b.end)) is not None]
    quote_drafts = judge(doc, drafts, gazetteer, min_confidence, blocks)
    record.entities, record.places = _entities(record, article, drafts, min_confidence)
    kept = {e.id for e in record.entities}
    for quote in quote_drafts:
        if quote.speaker_entity not in kept:
            quote.speaker_entity = None
    record.quotes, quote_index = _quotes(record, article, quote_drafts, min_confidence)
    time_drafts = annotate_times(doc, published)
    doubt_quoted_days(time_drafts, quoted_stretches(text_of(doc)))
    fields = ("value", "precision", "basis", "reason", "confidence")
    record.times = [
        TimeExpr.of(record.text, *mapped, **{name: getattr(t, name) for name in fields})
        for t in time_drafts
        if (mapped := article.to_record(t.start, t.end)) is not None and t.confidence >= min_confidence
    ]
    if check:
        moved = check_record(record, min_confidence)
        quote_index = {draft: moved[index] for draft, index in quote_index.items() if index in moved}
    event_drafts = annotate_events(doc, drafts, quote_drafts, time_drafts, gazetteer, published)
    for event in event_drafts:
        if inside(event.evidence[0], blocks):
            event.confidence = 0.0  # "Ravens 24-17 Millers" reports a score, not an assault
    record.events = to_events(record, article, event_drafts, time_drafts, quote_index, min_confidence)
    return record


def check_drafts(
    text: str, entities: list[EntityDraft], quotes: list[QuoteDraft], min_confidence: float
) -> None:
    """The fact check for the spaCy components, which hold drafts, not a record: the drafts
    above ``min_confidence`` become a record of ``text`` alone (no title, dateline or blocks:
    a Doc knows none), and the checked confidences go back to the drafts."""
    record = Record(id="doc", text=text, extraction=ExtractionInfo(extractor="spacy", format="text"))
    article = ArticleText(text, [0], [0], [len(text)])
    record.entities, record.places = _entities(record, article, entities, min_confidence)
    record.quotes, index = _quotes(record, article, quotes, min_confidence)
    check_record(record, 0.0)  # 0: nothing dropped, every fact keeps its place
    for entity in record.entities:
        entities[int(entity.id[1:]) - 1].confidence = entity.confidence
    for draft, position in index.items():
        quotes[draft].confidence = record.quotes[position].confidence


def _quotes(
    record: Record, article: ArticleText, drafts: list[QuoteDraft], min_confidence: float = 0.0
) -> tuple[list[Quote], dict[int, int]]:
    """The record's quotes, and where each draft landed among them (events cite them)."""
    quotes: list[Quote] = []
    index: dict[int, int] = {}
    for number, draft in enumerate(drafts):
        content = article.span(record, *draft.content)
        if content is None or draft.confidence < min_confidence:
            continue
        index[number] = len(quotes)
        quotes.append(
            Quote(
                kind=draft.kind,  # type: ignore[arg-type]
                content=content,
                cue=article.span(record, *draft.cue) if draft.cue else None,
                speaker=article.span(record, *draft.speaker) if draft.speaker else None,
                speaker_entity=draft.speaker_entity,
                speaker_name=draft.speaker_name,
                antecedent=article.span(record, *draft.antecedent) if draft.antecedent else None,
                confidence=round(draft.confidence, 3),
            )
        )
    return quotes, index


def _entities(
    record: Record, article: ArticleText, drafts: list[EntityDraft], min_confidence: float = 0.0
) -> tuple[list[Entity], list[Place]]:
    entities: list[Entity] = []
    places: list[Place] = []
    for number, draft in enumerate(drafts, 1):
        if draft.confidence < min_confidence:
            continue
        mentions = []
        for mention in draft.mentions:
            mapped = article.to_record(mention.start, mention.end)
            if mapped is not None:
                mentions.append(Mention.of(record.text, *mapped, label=draft.kind))
        if not mentions:
            continue
        entity_id = f"e{number}"
        entities.append(
            Entity(
                id=entity_id,
                kind=draft.kind,
                name=draft.name,
                mentions=mentions,
                role=draft.role,
                country=draft.country,
                sector=draft.sector,
                confidence=round(draft.confidence, 3),
            )
        )
        if draft.kind in {"GPE", "LOC"}:
            places.append(_place(f"p{len(places) + 1}", draft, mentions, entity_id))
    return entities, places


def _place(place_id: str, draft: EntityDraft, mentions: list[Any], entity_id: str) -> Place:
    """The geocoded place of a GPE/LOC entity (coordinates when the gazetteer knows it)."""
    spans = [Span(start=m.start, end=m.end, text=m.text) for m in mentions]
    place = draft.place
    fields: dict[str, Any] = {"name": draft.name, "country": draft.country}
    if isinstance(place, Country):
        fields = {"name": place.name, "country": place.iso3, "feature": "country"}
        fields |= {"latitude": place.latitude, "longitude": place.longitude}
    elif isinstance(place, City) and math.isnan(place.latitude):
        # A region (US state) the gazetteer names without coordinates.
        fields = {"name": place.name, "country": place.country, "feature": "region"}
    elif isinstance(place, City):
        feature = "city" if place.population >= 15_000 else "town"
        fields = {"name": place.name, "country": place.country, "feature": feature}
        fields |= {"latitude": place.latitude, "longitude": place.longitude}
    return Place(
        id=place_id, mentions=spans, entity_id=entity_id, confidence=round(draft.confidence, 3), **fields
    )
