"""Whose a participant is: which participants PLOVER can code (a country, an organisation, an
office-holder, a people), and the codes participants without a country of their own take from
the sentence (the one country it names, the place the event happens in, the actor's own
country for a domestic act)."""

from __future__ import annotations

import re
from typing import Any

from newsmill.analyze.actors import GROUP_CODES
from newsmill.analyze.events.article import Article, token_at
from newsmill.analyze.events.coding import GROUP_WORDS, PERSON_WORDS, SECTOR_WORDS
from newsmill.analyze.events.drafts import Location, ParticipantDraft, dedupe
from newsmill.analyze.gazetteer import City, Country
from newsmill.analyze.plover import HOSTILE
from newsmill.analyze.sentences import root_of


def settle_codes(
    actors: list[ParticipantDraft],
    recipients: list[ParticipantDraft],
    location: Location | None,
    event_type: str,
    article: Article,
    evidence: tuple[int, int],
    scope: tuple[int, int],
    anchor: Any = None,
) -> tuple[list[ParticipantDraft], list[ParticipantDraft]]:
    """Drop place names from the actors and give participants without a country of their own
    the one the event's clause (``scope``) implies."""
    # A place is never an actor, except a capital standing for its government.
    actors = [a for a in actors if not _is_bare_place(a, article) or _is_capital(a, article)]
    for actor in actors:
        if (
            actor.entity is not None
            and article.entities[actor.entity].kind in {"GPE"}
            and actor.sector is None
        ):
            place = article.entities[actor.entity].place
            if isinstance(place, City):
                actor.sector = "GOV"
    if event_type == "MOBILIZE":
        # "ordered patrols by police and soldiers": the forces mobilised are the means, not
        # whom the mobilisation is aimed at.
        recipients = [r for r in recipients if r.sector not in {"MIL", "COP"}]
    # "a mission of observers from the OSCE": one recipient, not also the phrases inside it.
    recipients = [
        r
        for r in recipients
        if not any(
            o is not r and o.start <= r.start and r.end <= o.end and o.end - o.start > r.end - r.start
            for o in recipients
        )
    ]
    # Participants the sentence names no country for are of the one country it does name.
    recipient_codes = {r.code for r in recipients if r.code}
    # What is said about the recipient ("Trump's call with his Ukrainian counterpart") does not
    # say whose the actor is.
    about_recipients = [_subtree_span(r, article) for r in recipients if r.end > r.start]
    actor_fallback = _sentence_country(article, scope, recipient_codes, skip=about_recipients)
    for actor in actors:
        # Only a named office-holder or a people: "member states" of no stated country stay unknown.
        if (
            actor.code is None
            and actor_fallback
            and event_type != "CONSULT"  # the place of a meeting says nothing of whose one is
            and _is_person_or_people(actor, article)
        ):
            actor.code = actor_fallback
        elif actor.code is None and (
            _is_person_or_people(actor, article)
            or (actor.entity is None and is_people(actor, article))
            or (actor.entity is not None and article.entities[actor.entity].kind == "ORG")
        ):
            # "President Museveni banned Ugandan opposition candidates": a government acts on
            # groups and places of its own country (a country or a leader may be foreign).
            # A crowd does not belong to the state it acts against ("in defiance of Chinese
            # authorities"); an office-holder does ("a judge ... against Chilean officials").
            crowd = actor.entity is None
            internal = {
                r.code
                for r in recipients
                if r.code
                and _is_group_or_place(r, article)
                and not (crowd and r.sector in _STATE_SECTORS)
                and not _DIPLOMATS.search(article.text, r.start, r.end)  # envoys are foreign
            }
            # A visit goes to another's place ("Prince Andrew visited Epstein in New York"):
            # where one goes does not say whose one is.
            if (
                event_type != "CONSULT"
                and len(internal) == 1
                and len(recipient_codes) == 1
                and internal == recipient_codes
            ):
                actor.code = next(iter(internal))
            elif event_type != "CONSULT" and (
                actor.entity is None or article.entities[actor.entity].kind == "NORP"
            ):
                # "people blocked streets in Hong Kong": people of no stated country are of
                # the place they act in; where one meets says nothing of whose one is ("X met
                # India's minister in the Indian capital").
                actor.code = acting_in(article, scope, anchor)
    actor_codes = {a.code for a in actors if a.code}
    # An actor is not its own recipient; but one nationality's groups may act against each
    # other ("Palestinian police confiscated weapons from Palestinian armed groups").
    recipients = dedupe(
        [
            r
            for r in recipients
            if not any(
                a.entity == r.entity
                and r.entity is not None
                and not (event_type in HOSTILE and article.entities[r.entity].kind == "NORP")
                for a in actors
            )
        ]
    )
    fallback = _sentence_country(article, scope, actor_codes)
    domestic = None
    if fallback is None and len(actor_codes) == 1 and _sentence_codes(article, scope) == actor_codes:
        domestic = next(iter(actor_codes))  # a sentence about one country: a domestic event
    for recipient in recipients:
        if recipient.code is None and fallback and _may_take_country(recipient, article):
            recipient.code = fallback
        elif (
            recipient.code is None
            and domestic
            and _may_take_country(recipient, article)
            and not _DIPLOMATS.search(article.text, recipient.start, recipient.end)
        ):
            # A diplomat of no stated country is not of the country he is posted in ("the
            # expelled diplomat must leave Estonia").
            recipient.code = domestic
    if (
        not recipients
        and event_type in {"ASSAULT", "COERCE"}
        and location is not None
        and location[2] is not None
    ):
        code = article.codes[location[2]]
        if code and code not in actor_codes:
            recipients = [ParticipantDraft(location[0], location[1], location[2], code, "CVL")]
    if (
        not recipients
        and event_type in _DOMESTIC_BY_DEFAULT
        and len(actor_codes) == 1
        and not (event_type == "PROTEST" and any(_a_state_side(a, article) for a in actors))
    ):
        # PLOVER's convention: a protest that names no one protests against the government of
        # the protesters' own country, and a concession that names no one ("lifted the state
        # of emergency", "called off the strike") is made at home. Nothing in the text names
        # the recipient, so its span is empty (at the evidence), as for a publication date.
        sector = _DOMESTIC_BY_DEFAULT[event_type]
        place = _acting_in_mention(article, scope) if event_type == "CONCEDE" else None
        if place is not None:
            # "lifted a night curfew in Montenegro": made to the people of where it applies.
            recipients = [ParticipantDraft(place[0], place[1], place[2], article.codes[place[2]], "CVL")]
        else:
            recipients = [ParticipantDraft(evidence[0], evidence[0], None, next(iter(actor_codes)), sector)]
    return actors, recipients


def _a_state_side(actor: ParticipantDraft, article: Article) -> bool:
    """The actor is a state or its side in talks ("the Panamanian side walked out",
    "the government delegation"): its protest is aimed at the other side, not at itself."""
    return _STATE_SIDE.search(article.text, actor.start, actor.end) is not None


_STATE_SIDE = re.compile(r"\b(?:side|delegation|negotiators|government)\b", re.I)


# Event types whose unnamed recipient is the actor's own country, with its sector when known.
_DOMESTIC_BY_DEFAULT: dict[str, str | None] = {"PROTEST": "GOV", "CONCEDE": None}


def is_people(participant: ParticipantDraft, article: Article) -> bool:
    """People and their bodies, by the words of the phrase ('protesters', 'the government')."""
    start, end = participant.referent or (participant.start, participant.end)
    words = set(re.findall(r"[a-z]+", article.text[start:end].lower()))
    return bool(words & (PERSON_WORDS | GROUP_WORDS | SECTOR_WORDS.keys()))


def is_political(participant: ParticipantDraft, article: Article) -> bool:
    """A participant PLOVER can code: a country or organisation code, a named office-holder,
    or a people; else people and their bodies in a sentence that names a country."""
    if participant.code:
        return True
    if participant.entity is not None:
        entity = article.entities[participant.entity]
        if entity.kind == "NORP" or (entity.kind == "PERSON" and entity.role is not None):
            return True
        # A government body, army, court, party, union or newspaper (the organisation's sector says).
        if entity.kind == "ORG" and entity.sector in {"GOV", "MIL", "JUD", "POL", "MEDIA", "LAB"}:
            return True
    return False


_DIPLOMATS = re.compile(
    r"\b(?:diplomats?|ambassadors?|envoys?|embass(?:y|ies)|consul\w*|attach[eé]s?)\b", re.I
)
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD"})


def _is_group_or_place(participant: ParticipantDraft, article: Article) -> bool:
    """People inside a country ('Ugandan opposition candidates', 'a curfew in Algiers'), as
    opposed to a state or a named leader."""
    if participant.sector == "CVL" or participant.entity is None:
        return True
    entity = article.entities[participant.entity]
    if entity.kind == "NORP":
        return True
    if entity.kind not in {"GPE", "LOC", "FAC"}:
        return False
    # "the demonstration in Baku", "streets in Hong Kong": a city, or something inside a
    # country, is inside its country; the country itself is a state.
    named = any(m.start == participant.start and m.end == participant.end for m in entity.mentions)
    return not isinstance(entity.place, Country) or not named


def _is_person_or_people(participant: ParticipantDraft, article: Article) -> bool:
    """A titled office-holder or a people: an actor that may take the sentence's country (a
    named group, "Hezbollah guerrillas", may act across a border)."""
    if participant.entity is None:
        return False
    entity = article.entities[participant.entity]
    return entity.kind == "NORP" or (entity.kind == "PERSON" and entity.role is not None)


def _may_take_country(participant: ParticipantDraft, article: Article) -> bool:
    """A group, a people or an office-holder without a country of its own takes the
    sentence's; a named organisation or place it cannot be sure of keeps none."""
    if participant.entity is None:
        return True
    entity = article.entities[participant.entity]
    if entity.kind == "NORP" or (entity.kind == "PERSON" and entity.role is not None):
        return True
    # "Shona rebels", "activists from the Fatah Party", "the party's leader Mahmoud Abbas",
    # "the Communist Party".
    words = set(re.findall(r"[a-z]+", article.text[participant.start : participant.end].lower()))
    return bool(words & (PERSON_WORDS | GROUP_WORDS | SECTOR_WORDS.keys()))


def _is_bare_place(participant: ParticipantDraft, article: Article) -> bool:
    if participant.entity is None:
        return False
    entity = article.entities[participant.entity]
    return entity.kind in {"LOC", "FAC"}


def _is_capital(participant: ParticipantDraft, article: Article) -> bool:
    return participant.entity is not None and article.entities[participant.entity].kind == "GPE"


# "in Hong Kong", "outside of the Iraqi city of Basra", "near the town of X".
_WHERE_BEFORE = re.compile(
    r"\b(?:in|at|near|outside(?: of)?|inside|across)\s+(?:the\s+)?(?:[a-z\-]+\s+){0,2}"
    r"(?:(?:city|town|village|region|province|capital|district) of\s+)?$"
)


def acting_in(article: Article, scope: tuple[int, int], anchor: Any = None) -> str | None:
    """The country of the first place the clause says something happens in ('in Hong Kong')."""
    found = _acting_in_mention(article, scope, anchor)
    return article.codes[found[2]] if found is not None else None


def _acting_in_mention(
    article: Article, scope: tuple[int, int], anchor: Any = None
) -> tuple[int, int, int] | None:
    for mention in article.mentions.within(*scope):
        code = article.codes[mention[2]]
        if (
            code
            and code not in GROUP_CODES
            and _WHERE_BEFORE.search(article.text, max(0, mention[0] - 40), mention[0])
            and (anchor is None or not _in_a_noun_clause(mention[0], anchor))
        ):
            return mention
    return None


def _in_a_noun_clause(start: int, anchor: Any) -> bool:
    """Whether the word at ``start`` sits two noun clauses or more below the event's verb
    ("agreed on a responsibility to confront the group, which Hollande blamed for the attacks
    that killed 125 people in the French capital"): where another happening took place. One
    clause down still tells where the event's own participants are ("villagers living in
    Kosovo", "a rally that drew thousands in Jakarta")."""
    token = token_at(anchor.doc, start)
    clauses = 0
    while token is not None and token.i != anchor.i:
        if token.dep_ in {"relcl", "acl"} and token.pos_ in {"VERB", "AUX"}:
            clauses += 1
        if token.head.i == token.i:
            return False
        token = token.head
    return token is not None and clauses >= 2


def _sentence_codes(
    article: Article, evidence: tuple[int, int], skip: list[tuple[int, int]] | None = None
) -> set[str]:
    return {
        code
        for m in article.mentions.within(*evidence)
        if (code := article.codes[m[2]])
        and code not in GROUP_CODES
        and m[0] not in article.border_mentions
        and not article.in_dateline(m[0])  # "HANOI, Oct 12 (Reuters) -": filed from, by
        and not any(start <= m[0] < end for start, end in skip or [])
    }


def _sentence_country(
    article: Article, evidence: tuple[int, int], exclude: set[str], skip: list[tuple[int, int]] | None = None
) -> str | None:
    """The one country a sentence names besides the actor's: whose a bare recipient is."""
    codes = _sentence_codes(article, evidence, skip) - exclude
    return codes.pop() if len(codes) == 1 else None


def _subtree_span(participant: ParticipantDraft, article: Article) -> tuple[int, int]:
    """The characters of everything the participant's phrase governs."""
    head = root_of(article.doc, participant.start, participant.end)
    if head is None:
        return participant.start, participant.end
    last = head.right_edge
    return min(head.left_edge.idx, participant.start), max(last.idx + len(last.text), participant.end)
