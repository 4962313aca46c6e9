"""Split an article's text at the offsets of its facts, for highlighting.

The page shows ``record.text`` itself: every entity mention, quote and event evidence is a
span of it, so the text is cut at every span boundary into pieces, and each piece carries
the facts that cover it. Templates escape each piece (autoescape); nothing from the page is
ever inserted as markup. Overlaps need no nesting: a piece covered by quote 0 and event 2
carries both, and the script highlights a fact by its pieces.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import pairwise

from newsmill.model import Record


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    start: int
    entity: str | None = None  # the local id of the entity mentioned here (first, if several)
    entity_kind: str | None = None
    quotes: tuple[int, ...] = ()
    events: tuple[int, ...] = ()
    boilerplate: str | None = None  # the reason, when the piece is page furniture

    @property
    def marked(self) -> bool:
        return bool(self.entity or self.quotes or self.events or self.boilerplate)

    @property
    def targets(self) -> str:
        """Space-separated fact keys (``q0 v2``) the script looks pieces up by."""
        return " ".join([f"q{i}" for i in self.quotes] + [f"v{i}" for i in self.events])

    @property
    def classes(self) -> str:
        names = []
        if self.entity:
            names.append(f"ent ent-{(self.entity_kind or 'other').lower()}")
        if self.quotes:
            names.append("quote")
        if self.events:
            names.append("event")
        if self.boilerplate:
            names.append("boilerplate")
        return " ".join(names)


def pieces(record: Record, min_confidence: float = 0.0) -> list[Piece]:
    """``record.text`` cut at every fact boundary; the pieces join back to the text exactly.
    Facts below ``min_confidence`` (a store written with a lower threshold) are not marked;
    quotes and events keep their index, which links (``#q3``) refer to."""
    text = record.text
    spans: list[tuple[int, int, str, object]] = []
    for entity in record.entities:
        if entity.confidence < min_confidence:
            continue
        for mention in entity.mentions:
            spans.append((mention.start, mention.end, "entity", (entity.id, entity.kind)))
    for index, quote in enumerate(record.quotes):
        if quote.confidence < min_confidence:
            continue
        spans.append((quote.content.start, quote.content.end, "quote", index))
    for index, event in enumerate(record.events):
        if event.confidence < min_confidence:
            continue
        # Every sentence reporting the happening is its evidence (one event per happening).
        for mention in event.mentions or [event.evidence]:
            spans.append((mention.start, mention.end, "event", index))
    for block in record.boilerplate:
        # The line breaks after a furniture block go with it: hidden furniture must not leave
        # its empty lines above the article (an HTML page opened on 45-193 blank lines).
        end = block.end + _trailing_space(text, block.end)
        spans.append((block.start, end, "boilerplate", block.reason.value))

    opening: dict[int, list[int]] = defaultdict(list)
    closing: dict[int, list[int]] = defaultdict(list)
    boundaries = {0, len(text)}
    for number, (start, end, _, _) in enumerate(spans):
        if start >= end:
            continue
        opening[start].append(number)
        closing[end].append(number)
        boundaries.update((start, end))
    active: set[int] = set()
    result: list[Piece] = []
    ordered = sorted(boundaries)
    for start, end in pairwise(ordered):
        active.difference_update(closing.get(start, ()))
        active.update(opening.get(start, ()))
        covering = sorted(active)
        entity = next((spans[n][3] for n in covering if spans[n][2] == "entity"), None)
        reason = next((spans[n][3] for n in covering if spans[n][2] == "boilerplate"), None)
        result.append(
            Piece(
                text=text[start:end],
                start=start,
                entity=entity[0] if isinstance(entity, tuple) else None,
                entity_kind=entity[1] if isinstance(entity, tuple) else None,
                quotes=tuple(sorted(spans[n][3] for n in covering if spans[n][2] == "quote")),  # type: ignore[misc]
                events=tuple(sorted(spans[n][3] for n in covering if spans[n][2] == "event")),  # type: ignore[misc]
                boilerplate=reason if isinstance(reason, str) else None,
            )
        )
    return result


def _trailing_space(text: str, at: int) -> int:
    """How many whitespace characters follow ``at`` in ``text``."""
    end = at
    while end < len(text) and text[end].isspace():
        end += 1
    return end - at
