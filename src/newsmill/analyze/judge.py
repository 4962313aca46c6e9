"""Judging entities and quotes together: each is evidence for the other.

Used by the record path (``stage.fill_record``) and the spaCy components alike, so both emit
the same facts at the same threshold. Entities are judged on their own first; quotes are
judged against the confident ones (a name judged to be none cannot speak, nor be what "he"
points back to); then an entity
that speaks in a confident quote is judged again with that evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsmill.analyze.entities import EntityDraft
from newsmill.analyze.evidence import score_entities
from newsmill.analyze.gazetteer import Gazetteer
from newsmill.analyze.gender import pronoun_gender
from newsmill.analyze.mentions import as_name
from newsmill.analyze.quote_evidence import score_quotes
from newsmill.analyze.quotes import QuoteDraft, annotate_quotes
from newsmill.analyze.sentences import text_of


def inside(position: int, ranges: Sequence[tuple[int, int]]) -> bool:
    """``position`` lies in one of the Doc ``ranges`` (the non-prose blocks)."""
    return any(start <= position < end for start, end in ranges)


def judge(
    doc: Any,
    entities: list[EntityDraft],
    gazetteer: Gazetteer,
    min_confidence: float,
    blocks: Sequence[tuple[int, int]] = (),
) -> list[QuoteDraft]:
    """Find the quotes of ``doc`` and set the confidence of every entity and quote draft.
    ``blocks``: Doc ranges of non-prose paragraphs, which hold no speech."""
    score_entities(entities, doc, gazetteer, set())
    quotes = annotate_quotes(doc, entities, min_confidence)
    for quote in quotes:
        if (retyped := _person_by_pronoun(quote, doc, entities)) is not None:
            for other in quotes:
                if other.speaker_entity == retyped:
                    other.speaker_name = entities[int(retyped[1:]) - 1].name
    speaker_ids = [q.speaker_entity for q in quotes]
    score_quotes(quotes, doc, entities, min_confidence)
    for quote in quotes:
        if inside(quote.content[0], blocks):
            quote.confidence = 0.0  # a list, table or schedule line holds no speech
    speakers = {
        int(found[1:]) - 1
        for found, quote in zip(speaker_ids, quotes, strict=True)
        if found and quote.confidence >= min_confidence
    }
    score_entities(entities, doc, gazetteer, speakers)
    return quotes


def _person_by_pronoun(quote: QuoteDraft, doc: Any, entities: list[EntityDraft]) -> str | None:
    """A name "he" or "she" speaks for is a person's: the resolution only gives a pronoun an
    organisation or a place as its speaker when the attribution just before named it and its
    name may be a person's (``quote_speakers._name_in_doubt``: "Kostas was asked ... '...,'
    she said"), so the entity is typed again, named as written, with no place or country."""
    if quote.speaker is None or quote.speaker_entity is None:
        return None
    if pronoun_gender(text_of(doc)[quote.speaker[0] : quote.speaker[1]]) is None:
        return None
    entity = entities[int(quote.speaker_entity[1:]) - 1]
    if entity.kind == "PERSON":
        return None
    first = min(entity.mentions, key=lambda m: m.start)
    entity.kind, entity.place, entity.country = "PERSON", None, None
    entity.name = as_name(first.text)
    return quote.speaker_entity
