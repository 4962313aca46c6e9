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
from newsmill.extract.meta import find_dateline


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


def token_at(doc: Any, offset: int) -> Any:
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
            if (token := token_at(doc, start)) is not None
            and token.head.lemma_.lower() in _BORDER_NOUNS
            and token.dep_ in {"amod", "compound", "nmod", "poss"}
        }
        self.plural_actors: list[ParticipantDraft] = []  # the last event's actors, when several
        self._datelines = [(m.start, m.end) for e in entities for m in e.mentions if m.source == "dateline"]
        self._line_datelines: dict[int, tuple[int, int] | None] = {}

    def in_dateline(self, start: int) -> bool:
        """Whether ``start`` lies in a dateline: the article's dateline place, or the lead of a
        dateline opening its line ("NEW DELHI: ...", "HANOI, Oct 12 (Reuters) -", one below a
        byline the extractor did not take for the article's). Where, when and by whom a story
        was filed name no one it is about: never a participant (the parse often takes the place
        or the agency for the first clause's subject), nor a country a sentence names."""
        if any(s <= start < e for s, e in self._datelines):
            return True
        lead = self._line_dateline(start)
        return lead is not None and lead[0] <= start < lead[1]

    def _line_dateline(self, start: int) -> tuple[int, int] | None:
        """Where the dateline opening the line of ``start`` begins and where its lead ends."""
        line_start = self.text.rfind("\n", 0, start) + 1
        if line_start not in self._line_datelines:
            line_end = self.text.find("\n", line_start)
            line = self.text[line_start : line_end if line_end >= 0 else len(self.text)]
            found = find_dateline(line)
            self._line_datelines[line_start] = (
                (line_start + found.place_start, line_start + found.lead_end) if found else None
            )
        return self._line_datelines[line_start]


def in_quote(token: Any, article: Article) -> int | None:
    for index, quote in enumerate(article.quotes):
        start, end = quote.content
        if start <= token.idx < end:
            return index
    return None
