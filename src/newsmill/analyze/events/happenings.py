"""One event per happening: an article reports the same call, visit or attack in its title, its
standfirst and its body; the reader counts it once.

Events of one article are one happening when they have the same PLOVER type and status,
the same actors and recipients — the same entities, or the same codes where a phrase or a
place stands for one ("his Ukrainian counterpart", "Moscow"), never two different people;
one report may leave some out; either way round for a consultation, which is mutual — and
no place or stated date that disagrees. An event with no actor is never merged: nothing
says whose it is. The target of a hostile act must be the same words unless it is named;
a headline restating the body with the same act word names it loosely ("Police clear
blockade, arresting 23 in Espinar" and "arresting 23 people"), and is the same happening.
Signing an agreement (CAMEO 057, which PLOVER files under SUPPORT) is how an agreement the
article reports is concluded: "Georgia and Armenia agree joint border checkpoint" and "the
agreement was signed by the two foreign ministers" are one happening, reported as the
agreement, between the same sides whichever is named first.

The merged event is its most confident report (then the one naming its participants most
specifically, people before groups: a title says less than the body, "Qureshi, Kuleba
discuss Ukraine"; then the earliest);
``mentions`` lists the evidence of every report, in text order, and its confidence is the
best of theirs.
"""

from __future__ import annotations

import re

from newsmill.analyze.plover import HOSTILE, SIGNING_VERBS
from newsmill.model import Event, Participant

# Acts done together, whoever the sentence names first ("A spoke with B" = "B spoke with A").
_MUTUAL = frozenset({"CONSULT"})
# CAMEO's "sign formal agreement" (PLOVER SUPPORT); a trigger with a verb of signing says the
# same where the verb dictionary did not read the code ("the memorandum was signed").
_SIGNING = "057"
_SIGNING_WORD = re.compile(r"\b(?:" + "|".join(verb.removesuffix("y") for verb in SIGNING_VERBS) + ")", re.I)


def _signs(event: Event) -> bool:
    """The event is the signing of an agreement."""
    if event.type != "SUPPORT":
        return False
    return event.cameo == _SIGNING or bool(event.trigger and _SIGNING_WORD.search(event.trigger.text))


def _kind(event: Event) -> str:
    """The happening an event reports: signing an agreement concludes an agreement (AGREE)."""
    return "AGREE" if _signs(event) else event.type


def _same(a: Participant, b: Participant, people: frozenset[str], strict: bool) -> bool:
    """One participant twice: the same entity; or, where a phrase or a place names it
    ("Moscow" for Russia, "his Ukrainian counterpart"), the same code (never two people).
    ``strict`` (the targets of hostile acts): a target without a name is the same only as
    the same words ("civilian infrastructure" is not "Kyiv"), unless a headline restates the
    body with the same act word (``_headline_restates``)."""
    if a.entity_id and a.entity_id == b.entity_id:
        return True
    if a.entity_id in people and b.entity_id in people:
        return False
    if strict and not (a.entity_id and b.entity_id) and a.span.text.casefold() != b.span.text.casefold():
        return False
    return bool(a.code) and a.code == b.code


def _compatible(
    a: list[Participant], b: list[Participant], people: frozenset[str], strict: bool = False
) -> bool:
    """One list names no one the other does not: the same participants, or some left out."""

    def covers(many: list[Participant], few: list[Participant]) -> bool:
        return all(any(_same(f, m, people, strict) for m in many) for f in few)

    return covers(a, b) or covers(b, a)


def _named(event: Event, people: frozenset[str]) -> int:
    """How specifically a report names who takes part: a person counts most, then any entity."""
    return sum(2 if p.entity_id in people else 1 for p in event.actors + event.recipients if p.entity_id)


def _stated_date(event: Event) -> str | None:
    if event.date is None or event.date.basis == "publication":
        return None
    return event.date.value


def _act_word(event: Event) -> str:
    """The trigger's first word without its ending: "arresting", "arrests" → "arrest"."""
    word = event.trigger.text.split()[0].lower() if event.trigger and event.trigger.text.split() else ""
    return re.sub(r"(?:ing|ed|es|s)$", "", word)


def _headline_restates(a: Event, b: Event, headline_end: int) -> bool:
    """One report is in the headline or standfirst and the other in the body, with the same
    act word: a headline names its target loosely ("arresting 23 in Espinar" for "arresting
    23 people"), so the target's words need not match."""
    if (a.evidence.end <= headline_end) == (b.evidence.end <= headline_end):
        return False
    first, second = _act_word(a), _act_word(b)
    return len(first) >= 3 and (first.startswith(second) or second.startswith(first))


def same_happening(a: Event, b: Event, people: frozenset[str] = frozenset(), headline_end: int = 0) -> bool:
    """Whether two reports of one article describe one happening (see the module);
    ``headline_end``: where the title and standfirst end."""
    if _kind(a) != _kind(b) or a.status != b.status or not a.actors or not b.actors:
        return False
    if a.place_id and b.place_id and a.place_id != b.place_id:
        return False
    first, second = _stated_date(a), _stated_date(b)
    if first and second and first != second:
        return False
    if a.type in _MUTUAL or _signs(a) != _signs(b):
        # An agreement and its signing are mutual: the sides, whoever is named first.
        return _compatible(a.actors + a.recipients, b.actors + b.recipients, people)
    strict = a.type in HOSTILE and not _headline_restates(a, b, headline_end)
    return _compatible(a.actors, b.actors, people) and _compatible(a.recipients, b.recipients, people, strict)


def merge_happenings(
    events: list[Event], people: frozenset[str] = frozenset(), headline_end: int = 0
) -> list[Event]:
    """The article's events with every happening once (see the module); ``people`` are the
    ids of the article's person entities, ``headline_end`` where its title and standfirst end."""
    groups: list[list[Event]] = []
    for event in events:
        for group in groups:
            if all(same_happening(event, member, people, headline_end) for member in group):
                group.append(event)
                break
        else:
            groups.append([event])
    merged: list[Event] = []
    for group in groups:
        # The agreement, before its signing; then the surest report.
        best = max(group, key=lambda e: (not _signs(e), e.confidence, _named(e, people), -e.evidence.start))
        spans = {(e.evidence.start, e.evidence.end): e.evidence for e in group}
        update: dict[str, object] = {"mentions": [spans[key] for key in sorted(spans)]}
        if _stated_date(best) is None:
            # "launched its invasion on Thursday": the report that dates it dates the happening.
            dated = next((e for e in group if _stated_date(e) is not None), None)
            if dated is not None:
                update["date"] = dated.date
        if best.mode is None:
            # "held talks by telephone": the report that says how says it for all.
            update["mode"] = next((e.mode for e in group if e.mode), None)
        merged.append(best.model_copy(update=update))
    merged.sort(key=lambda e: e.mentions[0].start)
    return merged
