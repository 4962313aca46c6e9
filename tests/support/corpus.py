"""Build records by hand for the corpus tests (no spaCy: fast, and every fact is chosen)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from newsmill.model import (
    Entity,
    Event,
    ExtractionInfo,
    Mention,
    Participant,
    Published,
    Quote,
    Record,
    Span,
    TimeExpr,
    record_id,
)

# (kind, canonical name, surface in the text, role, country)
EntitySpec = tuple[str, str, str, str | None, str | None]
# (type, actor surfaces, recipient surfaces, evidence surface, date or None)
EventSpec = tuple[str, Sequence[str], Sequence[str], str, str | None]


def _find(text: str, surface: str) -> Span:
    start = text.index(surface)
    return Span.of(text, start, start + len(surface))


def make_record(
    title: str,
    paragraphs: Sequence[str],
    *,
    published: str | None = None,
    entities: Sequence[EntitySpec] = (),
    quotes: Sequence[tuple[str, str]] = (),  # (content surface, speaker surface)
    events: Sequence[EventSpec] = (),
    source: str | None = None,
    url: str | None = None,
) -> Record:
    text = title + "\n\n" + "\n\n".join(paragraphs)
    spans, position = [], len(title) + 2
    for paragraph in paragraphs:
        spans.append(Span.of(text, position, position + len(paragraph)))
        position += len(paragraph) + 2
    built: list[Entity] = []
    by_surface: dict[str, str] = {}
    for number, (kind, name, surface, role, country) in enumerate(entities, 1):
        span = _find(text, surface)
        built.append(
            Entity(
                id=f"e{number}",
                kind=kind,
                name=name,
                role=role,
                country=country,
                mentions=[Mention.of(text, span.start, span.end, label=kind)],
            )
        )
        by_surface[surface] = f"e{number}"
    built_quotes = [
        Quote(
            kind="direct",
            content=_find(text, content),
            speaker=_find(text, speaker),
            speaker_entity=by_surface.get(speaker),
            speaker_name=next((e.name for e in built if e.id == by_surface.get(speaker)), speaker),
        )
        for content, speaker in quotes
    ]
    built_events = []
    for kind, actors, recipients, evidence, when in events:
        built_events.append(
            Event(
                type=kind,
                actors=[Participant(span=_find(text, a), entity_id=by_surface.get(a)) for a in actors],
                recipients=[
                    Participant(span=_find(text, r), entity_id=by_surface.get(r)) for r in recipients
                ],
                evidence=_find(text, evidence),
                date=TimeExpr.of(text, *_bounds(text, when), value=when, basis="explicit") if when else None,
            )
        )
    return Record(
        id=record_id(text),
        source=source,
        url=url,
        text=text,
        title=Span.of(text, 0, len(title)),
        paragraphs=spans,
        body="\n\n".join(paragraphs),
        published=Published.from_value(date.fromisoformat(published), "argument") if published else None,
        entities=built,
        quotes=built_quotes,
        events=built_events,
        extraction=ExtractionInfo(extractor="test", format="text"),
    )


def _bounds(text: str, when: str) -> tuple[int, int]:
    # The event's time as written: the date itself when the text has it, else the title.
    start = text.find(when)
    return (start, start + len(when)) if start >= 0 else (0, 1)
