"""The article every event rule reads: the Doc, its entities and their codes by offset, its
quotes and times."""

from __future__ import annotations

import bisect
from datetime import date
from typing import Any

from newsmill.analyze.entities import EntityDraft
from newsmill.analyze.events.coding import entity_code, stance
from newsmill.analyze.events.drafts import ParticipantDraft
from newsmill.analyze.gazetteer import Gazetteer
from newsmill.analyze.quotes import QuoteDraft
from newsmill.analyze.sentences import text_of
from newsmill.analyze.times import TimeDraft


class _Mentions:
    """Entity mentions by Doc offset, for the participants' codes."""

    def __init__(self, entities: list[EntityDraft], text: str) -> None:
        spans = sorted(
            (m.start, m.end, index)
            for index, entity in enumerate(entities)
            for m in entity.mentions
            if not stance(text, m.start, m.end)
        )
        self.spans = spans
        self.starts = [s[0] for s in spans]

    def within(self, start: int, end: int) -> list[tuple[int, int, int]]:
        first = bisect.bisect_left(self.starts, start)
        out = []
        for item in self.spans[first:]:
            if item[0] >= end:
                break
            if item[1] <= end:
                out.append(item)
        return out

    def covering(self, start: int, end: int) -> tuple[int, int, int] | None:
        index = bisect.bisect_right(self.starts, start) - 1
        for item in self.spans[max(0, index - 3) : index + 1]:
            if item[0] <= start and end <= item[1]:
                return item
        return None

    def before(self, offset: int) -> list[tuple[int, int, int]]:
        return self.spans[: bisect.bisect_left(self.starts, offset)]


_BORDER_NOUNS = frozenset("border borders frontier frontiers boundary".split())


def _token_at(doc: Any, offset: int) -> Any:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


class Article:
    """What every rule needs: the Doc, the entities and their codes, quotes and times."""

    def __init__(
        self,
        doc: Any,
        entities: list[EntityDraft],
        quotes: list[QuoteDraft],
        times: list[TimeDraft],
        gazetteer: Gazetteer | None,
        published: date | None,
    ) -> None:
        self.doc = doc
        self.text: str = text_of(doc)
        self.entities = entities
        self.mentions = _Mentions(entities, self.text)
        self.quotes = quotes
        self.times = times
        self.gazetteer = gazetteer
        self.published = published
        self.codes = [entity_code(entity, gazetteer, published) for entity in entities]
        # Mentions naming a border ("on the Thai border"): where, never whose.
        self.border_mentions = {
            start
            for start, _end, _index in self.mentions.spans
            if (token := _token_at(doc, start)) is not None
            and token.head.lemma_.lower() in _BORDER_NOUNS
            and token.dep_ in {"amod", "compound", "nmod", "poss"}
        }
        self.plural_actors: list[ParticipantDraft] = []  # the last event's actors, when several


def in_quote(token: Any, article: Article) -> int | None:
    for index, quote in enumerate(article.quotes):
        start, end = quote.content
        if start <= token.idx < end:
            return index
    return None
