"""Into the record: event drafts as record events (Doc offsets mapped to the record's text),
and record events as PLOVER-standard event records."""

from __future__ import annotations

from typing import Any

from newsmill.analyze.actors import GROUP_CODES
from newsmill.analyze.convert import ArticleText
from newsmill.analyze.events.drafts import EventDraft, ParticipantDraft
from newsmill.analyze.events.happenings import merge_happenings
from newsmill.analyze.events.phrases import PRONOUNS
from newsmill.analyze.times import TimeDraft
from newsmill.model import Event, Participant, Record, TimeExpr


def to_events(
    record: Record,
    article: ArticleText,
    drafts: list[EventDraft],
    times: list[TimeDraft],
    quote_index: dict[int, int],
    min_confidence: float = 0.0,
) -> list[Event]:
    """The drafts as record events: Doc offsets mapped to ``record.text``, entity and place ids
    and the quote index resolved; the reports of one happening merged into one event
    (``happenings.py``); events whose evidence falls outside the article, or whose confidence
    is below ``min_confidence``, dropped."""
    entity_ids = {entity.id for entity in record.entities}
    place_of_entity = {place.entity_id: place.id for place in record.places if place.entity_id}
    published = record.published
    events: list[Event] = []
    for draft in drafts:
        evidence = article.span(record, *draft.evidence)
        trigger = article.span(record, *draft.trigger)
        if evidence is None or trigger is None or draft.confidence <= 0:
            continue

        def participants(items: list[ParticipantDraft]) -> list[Participant]:
            out = []
            for item in items:
                span = article.span(record, item.start, item.end)
                if span is None:
                    continue
                entity_id = f"e{item.entity + 1}" if item.entity is not None else None
                entity_id = entity_id if entity_id in entity_ids else None
                country = item.code if item.code not in GROUP_CODES else None
                out.append(
                    Participant(
                        span=span, entity_id=entity_id, code=item.code, country=country, sector=item.sector
                    )
                )
            return out

        location = article.span(record, *draft.location) if draft.location else None
        entity_id = f"e{draft.location_entity + 1}" if draft.location_entity is not None else None
        when: TimeExpr | None = None
        if draft.time is not None:
            time = times[draft.time]
            mapped = article.to_record(time.start, time.end)
            if mapped is not None:
                when = TimeExpr.of(
                    record.text, *mapped, value=time.value, precision=time.precision, basis=time.basis,
                    reason=time.reason,
                )  # fmt: skip
        if when is None and published is not None and draft.status in {"asserted", "negated"}:
            # No date in the sentence: the news reports the day's events (an empty span where
            # the trigger starts says the date is not written).
            when = TimeExpr.of(
                record.text, trigger.start, trigger.start, value=published.date, precision="day",
                basis="publication",
            )  # fmt: skip
        events.append(
            Event(
                type=draft.type,
                mode=draft.mode,
                context=draft.context,
                trigger=trigger,
                actors=participants(draft.actors),
                recipients=participants(draft.recipients),
                location=location,
                place_id=place_of_entity.get(entity_id) if entity_id else None,
                date=when,
                status=draft.status,  # type: ignore[arg-type]
                attributed_to=quote_index.get(draft.quote) if draft.quote is not None else None,
                evidence=evidence,
                confidence=draft.confidence,
                cameo=draft.cameo,
            )
        )
    people = frozenset(entity.id for entity in record.entities if entity.kind == "PERSON")
    heads = [span.end for span in (record.title, record.subtitle) if span is not None]
    merged = merge_happenings(events, people, max(heads, default=0))
    return [event for event in merged if event.confidence >= min_confidence]


def to_plover(record: Record) -> list[dict[str, Any]]:
    """The record's events as PLOVER-standard event records (the JSON of the PLOVER gold
    standard: id, date, source/target actor lists, event, mode, context, text, eventText)."""
    out: list[dict[str, Any]] = []
    names = {entity.id: entity.name for entity in record.entities}
    for number, event in enumerate(record.events, 1):
        item: dict[str, Any] = {
            "id": f"{record.id}-{number:03d}",
            "date": (event.date.value if event.date and event.date.value else None)
            or (record.published.date if record.published else None),
            "source": [_plover_actor(p, names) for p in event.actors],
            "target": [_plover_actor(p, names) for p in event.recipients],
            "event": event.type,
            "mode": event.mode or "",
            "context": ", ".join(event.context),
            "eventText": event.trigger.text if event.trigger else "",
            "text": event.evidence.text,
            "status": event.status,
            "cameo_code": event.cameo,
            "confidence": event.confidence,
            "language": (record.language or "en")[:2],
            "coder": "newsmill",
        }
        if event.location is not None:
            item["eventLoc"] = event.location.text
        if record.url or record.source:
            item["publication"] = record.url or record.source
        out.append(item)
    return out


def _plover_actor(participant: Participant, names: dict[str, str]) -> dict[str, Any]:
    text = participant.span.text
    if text.lower() in PRONOUNS and participant.entity_id in names:
        text = names[participant.entity_id]  # "He" → "Shah Mahmood Qureshi"
    actor: dict[str, Any] = {"actorText": text, "code": participant.code or ""}
    if participant.sector:
        actor["sector"] = participant.sector
    return actor
