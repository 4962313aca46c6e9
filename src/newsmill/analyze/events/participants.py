"""The participants of a trigger: a verb's subject and the objects and prepositional phrases
its event type takes, an event noun's own actors ("Russian shelling", "talks between X and Y"),
and the recipients a complement, a purpose clause, a condition or an "in defiance of" names."""

from __future__ import annotations

from typing import Any

from newsmill.analyze.events.article import Article
from newsmill.analyze.events.coding import is_person_word, word_code
from newsmill.analyze.events.drafts import Candidate, Frame, Location, ParticipantDraft
from newsmill.analyze.events.gate import antecedent, is_non_actor
from newsmill.analyze.events.phrases import (
    ABSTRACT_OBJECTS,
    _owner,
    _subject,
    is_place,
    located_phrase,
    measure_targets,
    object_participants,
    participant,
    participants,
    prep_objects,
)
from newsmill.analyze.events.phrases import (
    _phrase_bounds as phrase_bounds,
)
from newsmill.analyze.events.triggers import _child, object_nouns
from newsmill.analyze.plover import HOSTILE, INTENT_VERBS, REFUSAL_VERBS, REQUEST_VERBS
from newsmill.analyze.wordlists import words

RECIPIENT_PREPOSITIONS: dict[str, frozenset[str]] = {
    "AGREE": frozenset({"with", "to", "for"}),
    "CONSULT": frozenset({"with", "to"}),
    "SUPPORT": frozenset({"to", "for", "with"}),
    "COOPERATE": frozenset({"with", "to"}),
    "AID": frozenset({"to", "for"}),
    "CONCEDE": frozenset({"to", "for", "on", "against"}),
    "RETREAT": frozenset({"to", "from", "on", "against"}),
    "REQUEST": frozenset({"from", "to", "on", "upon"}),
    "ACCUSE": frozenset({"against", "with", "on", "at", "over", "about"}),
    "REJECT": frozenset({"from", "to"}),
    "THREATEN": frozenset({"against", "to", "on", "with"}),
    "PROTEST": frozenset({"against", "at", "over"}),
    "SANCTION": frozenset({"on", "against", "to", "for", "with", "from"}),
    "MOBILIZE": frozenset({"against", "in", "into", "to"}),
    "COERCE": frozenset({"on", "against", "from", "in", "with", "into"}),
    "ASSAULT": frozenset({"on", "against", "at", "into", "in"}),
}
# Nouns name their recipient with "of" only when it is the thing done to ("shelling of X").
_OF_RECIPIENT_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "RETREAT", "AID", "ACCUSE"})
LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "across", "along"})


def verb_participants(
    candidate: Candidate, event_type: str, article: Article
) -> tuple[list[ParticipantDraft], list[ParticipantDraft], Location | None]:
    """Actors, recipients and location of a verb trigger: its subject, the objects it takes."""
    anchor = candidate.anchor
    actors: list[ParticipantDraft] = []
    recipients: list[ParticipantDraft] = []
    location: Location | None = None
    prepositions = RECIPIENT_PREPOSITIONS.get(event_type, frozenset())
    if anchor.lemma_.lower() in _RECIPROCAL_FIGHT:
        prepositions = prepositions | {"with"}
    if event_type == "CONSULT" and anchor.lemma_.lower() == "call":
        prepositions = prepositions | {"on", "upon"}  # "called on the president": whom it visits
    subject, by_agent = _subject(anchor)
    obj = _child(anchor, "dobj", "obj")
    if subject is not None and article.in_dateline(subject.idx):
        # "BERLIN -- German police arrested ...": the parse made the dateline a second subject.
        subject = next((c for c in subject.head.children if c.dep_ == "nsubj" and c.i > subject.i), None)
    passive_subject = _child(anchor, "nsubjpass")
    if (
        subject is not None
        and not by_agent
        and passive_subject is not None
        and _child(anchor, "nsubj", "csubj") is None
        and passive_subject.tag_ not in {"WP", "WDT"}
        and anchor.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in anchor.children)
    ):
        # "defended his manager, hours after the staffer was charged": a passive clause of time
        # with its own subject names no actor; the main clause's subject did not do it ("if no
        # deal is reached with Beijing" still borrows it: the deal would be the speaker's).
        subject = None
    if (
        subject is not None
        and not by_agent
        and passive_subject is None
        and _child(anchor, "nsubj", "csubj") is None
        and _child(anchor, "auxpass") is not None
        and anchor.lemma_.lower() not in _STATIVE_PASSIVES
    ):
        # A passive verb borrows its subject from the clause it hangs on: "150 Indians
        # returned home after being deported", "the group that was attacked" — the one acted on.
        passive_subject, subject = subject, None
    if passive_subject is not None and article.in_dateline(passive_subject.idx):
        passive_subject = None
    if passive_subject is not None and antecedent(passive_subject).i != passive_subject.i:
        # "the rebels who were attacked by Syrian troops", "al-Awlaki, who was killed in a
        # drone strike": the noun is acted on, never the actor.
        passive_subject = antecedent(passive_subject)
        if not by_agent and subject is not None and subject.i == anchor.head.i:
            subject = None
    if passive_subject is None and anchor.dep_ == "acl" and anchor.tag_ == "VBN" and obj is None:
        passive_subject = anchor.head  # "the prisoners released by Al-Shabaab"
    if subject is not None:
        actors = participants(subject, article, actor_side=True)
    if passive_subject is not None and anchor.lemma_.lower() in _STATIVE_PASSIVES and not actors:
        # "Vietnam is committed to opening up", "Iraq is prepared to ...": a state the subject
        # is in, not something done to it.
        actors = participants(passive_subject, article, actor_side=True)
        passive_subject = None
    topic = anchor.lemma_.lower() in _TOPIC_VERBS
    if topic:
        prepositions = prepositions & {"with"}  # "discuss ... with Mubarak", not "responses to the test"
    targets = [
        t for t in (passive_subject, None if topic else obj) if t is not None
    ]  # "X was attacked": X is acted on
    if obj is not None and obj != candidate.noun and not is_person_word(obj):
        # "threatened action against Russia"
        targets.extend(measure_targets(prep_objects(obj, prepositions), event_type))
    if candidate.noun is not None and candidate.noun != anchor:
        # The event noun stays a target: it names no one itself, but its owner ("Haiti's
        # efforts"), agent ("a ban by General Aoun") or place ("a curfew in Algiers") may.
        for noun in object_nouns(candidate.noun)[1:]:
            targets.extend(prep_objects(noun, prepositions))
        noun_prepositions = prepositions | {"of"} if event_type in _OF_RECIPIENT_TYPES else prepositions
        targets.extend(measure_targets(prep_objects(candidate.noun, noun_prepositions), event_type))
        owner = _owner(candidate.noun, article)
        if owner is not None and candidate.noun.lemma_.lower() in ABSTRACT_OBJECTS | {
            "demand",
            "demands",
        }:
            targets.append(owner)
    for target in targets:
        if event_type == "AID" and target == candidate.noun and is_person_word(target):
            continue  # "send 2,000 peacekeepers to East Timor": the help, not whom it helps
        found = object_participants(target, event_type, article)
        if (
            not found
            and target is obj
            and event_type == "REQUEST"
            and _child(anchor, "xcomp") is not None
            and target.pos_ in {"NOUN", "PROPN"}
            and not is_non_actor(target)
        ):
            # "asked the campaign to release copies": who is asked to act is the recipient,
            # named even when it has no code (not the copies the act is about).
            found = [ParticipantDraft(*phrase_bounds(target))]
        recipients.extend(found)
        if (
            location is None
            and event_type in HOSTILE | {"CONSULT", "AID", "MOBILIZE"}
            and not is_person_word(target)
        ):
            # "attacked Kabul", "seized the Chernobyl plant"; not "killed three US servicemen".
            location = is_place(target, article)
    for out in (c for c in anchor.children if c.dep_ in {"prep", "prt"} and c.lower_ == "out"):
        # "pulling its troops out of Chechnya": withdrawn from there.
        for pobj in prep_objects(out, frozenset({"of"})):
            recipients.extend(object_participants(pobj, event_type, article))
    if obj is not None and obj.lemma_.lower() in {"fire", "siege"}:
        prepositions = prepositions | {"to"}  # "set fire to the offices", "laid siege to the town"
    for pobj in prep_objects(anchor, prepositions):
        place = is_place(pobj, article)
        if pobj.head.lower_ == "in" and place is not None and event_type not in {"CONSULT"}:
            location = location or place
            if event_type in {"ASSAULT", "COERCE"} and not recipients:
                recipients.extend(object_participants(pobj, event_type, article))
            continue
        recipients.extend(object_participants(pobj, event_type, article))
    if obj is not None and obj.lemma_.lower() in _REFUGE_NOUNS and not recipients:
        # "sought refuge in Germany": asked of the country that shelters.
        for pobj in prep_objects(anchor, frozenset({"in"})) + prep_objects(obj, frozenset({"in"})):
            place = is_place(pobj, article)
            if place is not None and article.codes[place[2]]:
                recipients.append(
                    ParticipantDraft(place[0], place[1], place[2], article.codes[place[2]], "GOV")
                )
                break
    if (
        event_type in {"CONSULT", "AID"}
        and not recipients
        and not (event_type == "CONSULT" and _among_themselves(subject, actors))
    ):
        # "arrived in Amman on a visit", "troops arrived in Bosnia": a visit is made to, and
        # aid brought to, the country it takes place in. Actors who meet among themselves
        # ("the two ministers met in Geneva", "Indian and Chinese officials will meet in
        # Geneva") visit no one there: the place is only where they meet.
        actor_codes = {a.code for a in actors if a.code}
        for pobj in prep_objects(anchor, frozenset({"in", "to"})):
            place = is_place(pobj, article)
            code = article.codes[place[2]] if place is not None and place[2] is not None else None
            if place is not None and code and code not in actor_codes:
                sector = "GOV" if event_type == "CONSULT" else None
                recipients.append(ParticipantDraft(place[0], place[1], place[2], code, sector))
                break
    if event_type in HOSTILE | {"THREATEN"} and not recipients:
        # "mobilized reservists for a possible war against Iraq": a hostile act's "against X"
        # deeper in its phrase (never across a clause) names whom it is aimed at.
        recipients.extend(_aimed_against(anchor, article))
    if event_type == "THREATEN" and not recipients:
        # "threatened to stop talks if the United States goes ahead", "... unless Baghdad
        # accepted": the threat is made to whoever must meet the condition.
        recipients.extend(_condition_subjects(anchor, article))
    if event_type in {"PROTEST", "REJECT", "ACCUSE", "THREATEN"} and (
        not recipients or event_type == "PROTEST"
    ):
        # A protest is made against whom it defies, not the streets it blocks.
        recipients = _defied(anchor, article) or recipients
    if not recipients:
        recipients.extend(_purpose_recipients(anchor, event_type, article))
    if candidate.noun is not None and candidate.noun != anchor:
        noun_actors, noun_places = _noun_actors(candidate.noun, event_type, article)
        recipients.extend(noun_places)
        if not actors:
            actors = noun_actors
        elif any(c.dep_ == "prep" and c.lower_ in {"between", "among"} for c in candidate.noun.children):
            # "undertook a mediation mission between Syria and Arafat": the parties it is done to.
            recipients.extend(p for p in noun_actors if p.code and p.code not in {a.code for a in actors})
    return actors, recipients, location


def _among_themselves(subject: Any, actors: list[ParticipantDraft]) -> bool:
    """More than one actor, or a plural subject ("ministers", "the two sides"): a meeting of
    the actors with one another."""
    if len(actors) > 1:
        return True
    return subject is not None and (
        subject.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in subject.children)
    )


# "in defiance of Chinese authorities", "in protest at the ban", "in opposition to the plan".
_DEFIANCE_NOUNS = words("events/defiance_nouns.txt")
# "to show their disapproval of ...", "to express anger at ...".
_DISAPPROVAL_NOUNS = words("events/disapproval_nouns.txt")
# Verbs whose object does what their infinitive says ("urged Israel to withdraw"): the object
# is that act's actor, not its recipient.
OBJECT_CONTROL = words("events/object_control_verbs.txt")


def _defied(anchor: Any, article: Article) -> list[ParticipantDraft]:
    """'blocked streets in defiance of Chinese authorities', 'blocked a road to show their
    disapproval of U.S. policies': whom the act defies."""
    nouns = [p for p in prep_objects(anchor, frozenset({"in"})) if p.lemma_.lower() in _DEFIANCE_NOUNS]
    for child in anchor.children:
        if child.dep_ in {"advcl", "xcomp"} and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in child.children
        ):
            nouns.extend(
                c for c in child.children if c.dep_ == "dobj" and c.lemma_.lower() in _DISAPPROVAL_NOUNS
            )
    for noun in nouns:
        for target in prep_objects(noun, _DEFIED_PREPOSITIONS):
            found = [p for p in participants(target, article, actor_side=False) if p.code]
            if not found:
                found = [p for p in object_participants(target, "PROTEST", article) if p.code]
            if found:
                return found
    return []


_DEFIED_PREPOSITIONS = frozenset({"of", "at", "against", "to", "over", "for", "with"})


def _purpose_recipients(anchor: Any, event_type: str, article: Article) -> list[ParticipantDraft]:
    """'summoned Niger's ambassador to complain', 'sent personnel to Bosnia to investigate': a
    purpose clause acts on its main verb's object, or where the main verb sent someone."""
    if anchor.dep_ not in {"xcomp", "advcl"} or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in anchor.children
    ):
        return []
    head = anchor.head
    if head.pos_ not in {"VERB", "AUX"} or head.lemma_.lower() in OBJECT_CONTROL:
        return []
    found: list[ParticipantDraft] = []
    head_object = _child(head, "dobj")
    if head_object is not None:
        found = [p for p in object_participants(head_object, event_type, article) if p.code]
    if not found:
        for pobj in prep_objects(head, frozenset({"to"})):
            found.extend(p for p in object_participants(pobj, event_type, article) if p.code)
    return found


# Verbs of mutual fighting take their opponent with "with": "clashed with police".
_RECIPROCAL_FIGHT = words("events/reciprocal_fight_verbs.txt")
_REFUGE_NOUNS = frozenset("asylum refuge sanctuary shelter".split())


_STATIVE_PASSIVES = words("events/stative_passives.txt")
# Marks of a clause that tells when, not what ("hours after the staffer was charged").
TIME_MARKS = frozenset("after before since until while when once as".split())
_TOPIC_VERBS = words("events/topic_verbs.txt")


_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "xcomp", "conj", "parataxis", "csubj"})


def _aimed_against(anchor: Any, article: Article) -> list[ParticipantDraft]:
    found: list[ParticipantDraft] = []
    stack = [(child, 1) for child in anchor.children if child.dep_ not in _CLAUSE_DEPS | {"nsubj"}]
    while stack:
        token, depth = stack.pop()
        if token.dep_ == "prep" and token.lower_ == "against":
            for pobj in (c for c in token.children if c.dep_ == "pobj"):
                found.extend(p for p in participants(pobj, article, actor_side=False) if p.code)
        if depth < 4:
            stack.extend((c, depth + 1) for c in token.children if c.dep_ not in _CLAUSE_DEPS)
    return found


def _condition_subjects(anchor: Any, article: Article) -> list[ParticipantDraft]:
    """The subjects of the "if"/"unless" clauses under ``anchor`` (or its complement)."""
    found: list[ParticipantDraft] = []
    for token in anchor.subtree:
        marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
        if token.dep_ != "advcl" or not marks & {"if", "unless"}:
            continue
        subject = _child(token, "nsubj", "nsubjpass")
        if subject is not None:
            found.extend(p for p in participants(subject, article, actor_side=False) if p.code)
    return found


def noun_participants(
    candidate: Candidate, frame: Frame, event_type: str, article: Article
) -> tuple[list[ParticipantDraft], list[ParticipantDraft], Location | None] | None:
    """Actors, recipients and location of an event noun; None when the noun names no one."""
    noun = candidate.anchor
    recipients: list[ParticipantDraft] = []
    location: Location | None = None
    prepositions = RECIPIENT_PREPOSITIONS.get(event_type, frozenset())
    actors, places = _noun_actors(noun, event_type, article)
    recipients.extend(places)
    if (
        not actors
        and event_type in {"CONSULT", "PROTEST"}
        and noun.dep_ == "pobj"
        and noun.head.lower_ in {"in", "during", "at", "for"}
    ):
        # "X underscored ... in talks with Y", "youths threw stones during demonstrations",
        # "negotiators return to Geneva for talks".
        subject, _ = _subject(noun.head.head)
        if subject is not None:
            actors = participants(subject, article, actor_side=True)
    noun_prepositions = prepositions | ({"of"} if event_type in _OF_RECIPIENT_TYPES else frozenset())
    for pobj in prep_objects(noun, noun_prepositions):
        recipients.extend(object_participants(pobj, event_type, article))
        if event_type == "CONSULT" and pobj.head.lower_ == "to":
            location = location or is_place(pobj, article)
    verb = noun.head
    light = verb is not noun and noun.dep_ in {"nsubjpass", "nsubj"} and verb.pos_ in {"VERB", "AUX"}
    if frame.resisted_by is not None:
        recipients.extend(participants(frame.resisted_by, article, actor_side=False))
    if not actors and not recipients and not light:
        return None  # a bare noun ("the issue of evacuation") names no event
    if light:
        for pobj in prep_objects(verb, LOCATIVE):
            location = location or located_phrase(pobj, article)
    return actors, recipients, location


def _noun_actors(
    noun: Any, event_type: str, article: Article
) -> tuple[list[ParticipantDraft], list[ParticipantDraft]]:
    """Who does what an event noun names ('Russian shelling', 'his visit', 'talks between X
    and Y', 'raids by X'), and a place it names ('his Russia visit': where he went)."""
    actors: list[ParticipantDraft] = []
    places: list[ParticipantDraft] = []
    for child in noun.children:
        if child.dep_ == "poss":
            actors.extend(participants(child, article, actor_side=True))
        elif child.dep_ in {"amod", "compound", "nmod"}:
            mention = article.mentions.covering(child.idx, child.idx + len(child.text))
            if mention is not None and article.entities[mention[2]].kind in {"GPE", "LOC", "FAC"}:
                if event_type == "CONSULT":
                    places.extend(participant(child, article, actor_side=False))
                continue  # a place is where, never who
            if mention is not None or word_code(child, article.gazetteer):
                actors.extend(participant(child, article, actor_side=True))
        elif child.dep_ == "prep" and child.lower_ in {"by", "between", "among"}:
            pobj = _child(child, "pobj")
            if pobj is not None:
                actors.extend(participants(pobj, article, actor_side=True))
    return actors, places


def complement_recipients(verb: Any, event_type: str, article: Article) -> list[ParticipantDraft]:
    """'threatened to cut off electricity to Nakhichevan', 'demanded that Hamas renounce ...',
    'called for sanctions against Nigeria': the recipients inside the complement."""
    lemma = verb.lemma_.lower()
    if event_type == "ACCUSE":
        # "alleged that the Russian government was behind the release", "charged that the
        # ministry had lied": the accused is the subject of what is alleged.
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            subject = _child(clause, "nsubj", "nsubjpass")
            if subject is not None and subject.tag_ not in {"PRP", "EX"}:
                # Only a coded one: an uncoded name there would leave the event unsure.
                found = [p for p in participants(subject, article, actor_side=False) if p.code]
                if found:
                    return found
        return []
    if not (
        lemma in INTENT_VERBS
        or lemma in REFUSAL_VERBS
        or lemma in REQUEST_VERBS
        or lemma == "threaten"
        or event_type in {"AGREE", "THREATEN", "REQUEST", "REJECT"}
    ):
        return []
    complements = []
    for child in verb.children:
        if child.dep_ in {"xcomp", "ccomp"}:
            complements.append(child)
        elif child.dep_ == "acomp":
            complements.extend(c for c in child.children if c.dep_ in {"xcomp", "ccomp"})
        elif child.dep_ == "prep" and child.lower_ in {"for", "on", "upon"}:
            pobj = _child(child, "pobj")
            if pobj is not None:
                targets = prep_objects(pobj, frozenset({"against", "on", "from", "to", "with"}))
                out = [p for t in targets for p in object_participants(t, event_type, article)]
                if out:
                    return out
    out: list[ParticipantDraft] = []
    # "refused to allow United Nations planes to land": who the complement's own complement
    # is about, when the complement names no one.
    deeper = [c for complement in complements for c in complement.children if c.dep_ in {"ccomp", "xcomp"}]
    for complement in complements + deeper:
        for clause in [complement, *complement.conjuncts]:
            subject = _child(clause, "nsubj", "nsubjpass")
            if subject is not None and event_type in {"REQUEST", "REJECT"} and subject.tag_ not in {"PRP"}:
                out.extend(participants(subject, article, actor_side=False))
                continue
            targets = [t for t in (_child(clause, "dobj", "obj"),) if t is not None]
            targets.extend(
                prep_objects(
                    clause, frozenset({"to", "with", "against", "on", "from", "for", "into", "between"})
                )
            )
            obj = _child(clause, "dobj", "obj")
            if obj is not None:
                targets.extend(prep_objects(obj, frozenset({"to", "against", "on", "with", "for", "from"})))
            for target in targets:
                out.extend(object_participants(target, event_type, article))
        if out:
            break
    return out
