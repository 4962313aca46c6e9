"""The shared types of the event rules: events and participants before they reach the record,
a trigger before its frame is settled, and the frame that governs it; and the tidying of a
participant's span as written (no dateline before it, no bracket left open)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from newsmill.analyze.plover import Sense
from newsmill.extract.meta import find_dateline


@dataclass(slots=True)
class ParticipantDraft:
    start: int
    end: int
    entity: int | None = None  # index into the entity drafts
    code: str | None = None  # ISO-3 country, or IGO / NGO
    sector: str | None = None
    referent: tuple[int, int] | None = None  # a pronoun's antecedent phrase, when no entity


@dataclass(slots=True)
class EventDraft:
    type: str
    trigger: tuple[int, int]
    evidence: tuple[int, int]
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    actors: list[ParticipantDraft] = field(default_factory=list)
    recipients: list[ParticipantDraft] = field(default_factory=list)
    location: tuple[int, int] | None = None
    location_entity: int | None = None
    time: int | None = None  # index into the time drafts
    status: str = "asserted"
    quote: int | None = None  # index into the quote drafts
    confidence: float = 0.5
    cameo: str = ""
    depth: int = 0  # head hops from the sentence root to the trigger: the main event is shallowest
    lemma: str = ""


Location = tuple[int, int, int | None]  # Doc offsets, and the place entity when one is named


@dataclass(slots=True)
class Candidate:
    """A trigger before its frame is settled."""

    sense: Sense
    anchor: Any  # the verb (or the noun) the frame hangs on
    words: list[Any]  # the tokens that name the action
    noun: Any = None  # the event noun, when one names the action
    absorbed: bool = False


@dataclass(slots=True)
class Frame:
    outer: int | None = None  # token index of a governing trigger
    intent: Any = None  # the intent word ("agreed", "will", "ready") that makes it a promise
    likelihood: Any = None  # "is unlikely to", "is likely to": a forecast, not an act
    reported: Any = None  # the reporting verb
    comment: bool = False  # inside an opinion: no event
    resisted_by: Any = None  # "Kyiv battles a Russian invasion": Kyiv's token


def dedupe(participants: list[ParticipantDraft]) -> list[ParticipantDraft]:
    seen: set[tuple[int, int, int | None, str | None]] = set()
    out = []
    for item in participants:
        key = (item.start, item.end, item.entity, item.code)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def after_dateline(participant: ParticipantDraft, text: str) -> ParticipantDraft:
    """The participant as written after a dateline its phrase opens with ("HARARE —
    Zimbabwe" is Zimbabwe): the parse hangs the dateline's place on the subject after it."""
    line_end = text.find("\n", participant.start)
    found = find_dateline(text[participant.start : line_end if line_end >= 0 else len(text)])
    if found is None or participant.start + found.lead_end >= participant.end:
        return participant
    start = participant.start + found.lead_end
    while start < participant.end and text[start].isspace():
        start += 1
    return replace(participant, start=start)


def closed_brackets(participant: ParticipantDraft, text: str) -> ParticipantDraft:
    """A participant phrase that opens a bracket closes it: "the National Union of
    Metalworkers of South Africa (Numsa" runs on to its ")" when it follows at once, else
    ends before the "("."""
    written = text[participant.start : participant.end]
    if written.count("(") <= written.count(")"):
        return participant
    closing = text.find(")", participant.end, participant.end + 3)
    if closing >= 0:
        return replace(participant, end=closing + 1)
    end = participant.start + written.rfind("(")
    while end > participant.start and text[end - 1].isspace():
        end -= 1
    return replace(participant, end=end) if end > participant.start else participant
