"""Triggers: the words that name an event in a sentence — a verb of the lexicon, a verb whose
object gives it its meaning, a light verb carrying an event noun, or an event noun."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.symbols import AUX, NOUN, PROPN, VERB

from newsmill.analyze.dictionaries import agent_sector
from newsmill.analyze.events.coding import GROUP_WORDS, is_person_word
from newsmill.analyze.events.drafts import Candidate
from newsmill.analyze.plover import (
    LIGHT_VERBS,
    NOUNS,
    PHRASAL_VERBS,
    REPORTING_VERBS,
    RESIST_VERBS,
    VERB_OBJECTS,
    VERBS,
    Sense,
)
from newsmill.analyze.wordlists import words


def _child(token: Any, *deps: str) -> Any:
    for child in token.children:
        if child.dep_ in deps:
            return child
    return None


def _object_of(verb: Any) -> Any:
    """The direct object, or the passive subject ("a curfew was imposed")."""
    return _child(verb, "dobj", "obj") or _child(verb, "nsubjpass")


def _noun_sense(token: Any) -> Sense | None:
    lower = token.lower_
    if lower == "call" or token.lemma_ == "call":
        compound = _child(token, "compound", "amod")
        # "a phone call" is a consultation; "calls for sanctions" are requests, read elsewhere.
        by_phone = compound is not None and compound.lower_ in {"phone", "telephone"}
        return Sense("CONSULT", "phone") if by_phone else None
    sense = NOUNS.get(lower) or NOUNS.get(token.lemma_.lower())
    if sense and token.lemma_.lower() == "appeal" and not _appeals_for_something(token):
        return None  # "Obama's appeal to young voters": his attraction, not a request
    if sense and lower == "strike" and _child(token, "compound", "amod") is not None:
        modifier = _child(token, "compound", "amod").lower_
        if modifier in {"air", "missile", "drone", "military"}:
            return Sense("ASSAULT", "heavy-weapons", "military")
    return sense


def _appeals_for_something(noun: Any) -> bool:
    """'an appeal for calm', 'an appeal to the UN to intervene', 'lodged an appeal': a request;
    'the candidate's appeal to young voters', 'broad appeal' is how much someone attracts."""
    if any(c.dep_ == "prep" and c.lower_ in {"for", "against"} for c in noun.children):
        return True
    if any(t.dep_ in {"acl", "xcomp", "relcl"} and t.tag_ == "VB" for t in noun.subtree if t.i != noun.i):
        return True
    # "filed an appeal", "lodged an appeal": the legal request, made with a verb of filing.
    return noun.head.lemma_.lower() in {"file", "lodge", "launch", "submit", "reject", "hear", "lose", "win"}


_OPINION_NOUNS = words("events/opinion_nouns.txt")
_CENSORED = words("events/censored_things.txt")
_PLACE_WORDS = words("events/place_nouns.txt")


def _a_place(noun: Any) -> bool:
    """A named place or a word for one ("the town", "the embassy", "Crimea")."""
    if noun.ent_type_ in {"GPE", "LOC", "FAC"}:
        return True
    return noun.lemma_.lower() in _PLACE_WORDS or any(
        c.ent_type_ in {"GPE", "LOC", "FAC"} for c in noun.children if c.dep_ in {"compound", "poss"}
    )


_HONOURS = words("events/honours.txt")
_ACTOR_OBJECT_VERBS = words("events/actor_object_verbs.txt")


def _names_someone(noun: Any) -> bool:
    """A person, a group, an organisation or a state: a name, a person or group word, an
    agent of the curated dictionary ("the rebels", "Kosovo", "the hostages")."""
    if noun.pos_ in {"PROPN", "PRON"} or noun.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}:
        return True
    lemma = noun.lemma_.lower()
    return is_person_word(noun) or lemma in GROUP_WORDS or agent_sector(lemma) is not None


def _agrees_with_a_view(verb: Any) -> bool:
    """'agreed with the analysis': the only thing agreed with is an opinion nobody is named as
    holding (``data/events/opinion_nouns.txt``); 'agreed to talks', 'agreed with Russia' and
    'agreed with Obama's assessment' stay."""
    if any(c.dep_ in {"xcomp", "ccomp", "dobj", "obj"} for c in verb.children):
        return False
    withs = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"]
    views = [_child(w, "pobj") for w in withs]
    return bool(views) and all(
        v is not None
        and v.lemma_.lower() in _OPINION_NOUNS
        and not v.ent_type_
        and not any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in v.children)
        for v in views
    )


_QUANTITIES = words("events/quantities.txt")


def object_nouns(obj: Any) -> list[Any]:
    """The object and the nouns that may say what it is: its compounds ('mediation efforts')
    and, for a quantity, what it counts ('tons of food aid')."""
    nouns = [obj, *(c for c in obj.children if c.dep_ == "compound")]
    if obj.lemma_.lower() in _QUANTITIES or obj.pos_ == "NUM" or _noun_sense(obj) is None:
        for child in obj.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                pobj = _child(child, "pobj")
                if pobj is not None:
                    nouns.append(pobj)
    return nouns


_ONLY_WITH_OBJECTS = words("events/only_with_objects.txt")
# Object nouns that keep their event sense bare and singular ("stopped work", "opened fire",
# "imposed curfew", "sought asylum", "shared intelligence"): every other bare singular object is
# read as a mass noun ("to meet demand") and triggers nothing.
_BARE_SENSE_NOUNS = frozenset(
    "work fire curfew asylum refuge intelligence information evidence expertise data compensation "
    "aid assistance support access entry permission martial law emergency".split()
)
_TRANSITIVE_ONLY = words("events/transitive_only.txt")
_GIVING = words("events/giving.txt")
_CUSTODY = words("events/custody_words.txt")
_GUESTS = words("events/guest_words.txt")
_NOT_GOODS = words("events/not_goods.txt")
# What the event gate never lets act (markets, prices, figures ...) is never handed over either.
_MARKET_THINGS = words("events/non_actors.txt")
# Verbs of offering and giving whose object may be words rather than something handed over.
_OFFERING = _GIVING | {"offer", "lend", "extend"}


def _pays_a_call(verb: Any) -> bool:
    """'called on Indonesia's president on Monday': "call on" someone with nothing asked of
    them (no infinitive, no "for") is a visit, not an appeal ("called on Israel to withdraw")."""
    on = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"on", "upon"} and c.i == verb.i + 1]
    if not on or _child(on[0], "pobj") is None:
        return False
    asked = any(
        c.dep_ in {"xcomp", "advcl", "ccomp"} and any(g.tag_ == "TO" for g in c.children)
        for c in [*verb.children, *_child(on[0], "pobj").children]
    )
    return not asked and not any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children)


def _asks_for_an_act(verb: Any) -> bool:
    """ "called on Israel to withdraw", "asked Congress to act", "pushed for talks": a request.
    Naming someone ("called Trump unhinged", "calling Trump a fascist": the parser may read the
    name as a complement), asking a question ("asked rhetorically, shaking his head") and a
    scene-setting phrase before the verb ("On Twitter, Bush called Trump ...") ask for nothing."""
    infinitive = any(c.dep_ == "xcomp" and c.tag_ == "VB" for c in verb.children)
    return infinitive or _asked_for(verb, after_verb=True)


def _asked_for(verb: Any, after_verb: bool) -> bool:
    """'called for talks', 'called on Israel': "for", "on" or "upon" before something that is
    not a day ("on Monday"), after the verb or (``after_verb`` False) anywhere."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in {"for", "on", "upon"}
        and (c.i > verb.i or not after_verb)
        and not any(o.ent_type_ in {"DATE", "TIME"} for o in c.children)
        for c in verb.children
    )


def _phones_someone(verb: Any, obj: Any) -> bool:
    """'Obama called both candidates Tuesday night', 'she called Sanders to congratulate him': a
    call to someone, not a call on them ('called on Israel to withdraw', 'called for talks') nor
    a name given ('called Trump unhinged', 'calling him a fascist')."""
    if obj is None or not _names_someone(obj) or obj.tag_ == "PRP$" or _asked_for(verb, after_verb=False):
        return False
    for child in verb.children:
        if child.dep_ in {"oprd", "acomp", "ccomp"}:
            return False
        if child.dep_ == "xcomp" and child.tag_ != "VB":
            return False  # "called Trump unhinged": the parser's complement names him
    return not any(c.dep_ in {"oprd", "appos", "amod"} and c.i > obj.i for c in obj.children)


def _welcome_sense(verb: Any) -> Sense:
    """'gave a warm welcome to de Klerk' hosts a visitor; 'gave the plan a cautious welcome' backs it."""
    for child in verb.children:
        guest = child if child.dep_ == "dative" and child.pos_ != "ADP" else None
        if child.dep_ in {"prep", "dative"} and child.lower_ == "to":
            guest = _child(child, "pobj")
        if guest is not None:
            if guest.pos_ == "PROPN" or is_person_word(guest):
                return Sense("CONSULT", "visit")
            return Sense("SUPPORT", None, "diplomatic")
    return Sense("CONSULT", "visit")


def _verb_candidate(verb: Any) -> Candidate | None:
    lemma = verb.lemma_.lower()
    doc = verb.doc
    if verb.i >= 2 and doc[verb.i - 1].text == "-" and doc[verb.i - 2].lower_ == "test":
        # "test-fired a missile": a show of force (PLOVER MOBILIZE), not an attack.
        return Candidate(Sense("MOBILIZE", None, "military"), verb, [doc[verb.i - 2], verb])
    particle = _child(verb, "prt")
    if particle is None:
        # "pulling its troops out of Chechnya", "pushed back on claims": the parser takes the
        # particle for a preposition or an adverb.
        particle = next(
            (
                c
                for c in verb.children
                if c.dep_ in {"prep", "advmod"}
                and c.lower_ in {"out", "back", "off", "away", "down"}
                and f"{lemma} {c.lower_}" in PHRASAL_VERBS
            ),
            None,
        )
    phrasal = f"{lemma} {particle.lower_}" if particle is not None else lemma
    obj = _object_of(verb)
    if obj is not None:
        table = VERB_OBJECTS.get(phrasal) or VERB_OBJECTS.get(lemma) or {}
        # "70 million dollars of aid", "mediation efforts": the noun that says what it is.
        for noun in object_nouns(obj):
            sense = table.get(noun.lemma_.lower()) or table.get(noun.lower_)
            bare = noun is obj and noun.tag_ == "NN" and not any(noun.children)
            if sense is not None and bare and noun.lower_ not in _BARE_SENSE_NOUNS:
                # "added screenings to meet demand": a bare singular object, alone, is the mass
                # noun (market demand), not someone's demands: no event at all.
                return None
            if sense is not None:
                if sense.type == "CONSULT" and noun.lemma_.lower() in {"welcome", "reception"}:
                    sense = _welcome_sense(verb)
                return Candidate(sense, verb, [verb, noun], noun=obj)
        predicate = _child(verb, "oprd")
        naming = predicate is not None and predicate.pos_ in {"NOUN", "PROPN"}
        if (lemma in LIGHT_VERBS or lemma in {"impose", "order", "call"}) and not naming:
            # "staged rallies", "undertook a mediation mission": the noun names the event; but
            # a verb with a noun predicate names what the object is ("called the agreement a
            # first step"), it does not make one ("called the accusations absurd" judges them).
            for noun in object_nouns(obj):
                noun_sense = _noun_sense(noun)
                if noun_sense is not None:
                    return Candidate(noun_sense, verb, [verb, noun], noun=obj)
        if lemma in _GIVING_VERBS:
            # "approved a $2 billion loan for Argentina": giving aid is aid (but "approved a
            # request" answers someone else's act).
            for noun in object_nouns(obj):
                noun_sense = _noun_sense(noun)
                if noun_sense is not None and noun_sense.type == "AID":
                    return Candidate(noun_sense, verb, [verb, noun], noun=obj)
    if (
        lemma == "welcome"
        and obj is not None
        and (obj.ent_type_ == "PERSON" or is_person_word(obj) or obj.lemma_.lower() in _GUESTS)
    ):
        # "The Lao leader was welcomed at the airport by ...": receiving a guest hosts a visit.
        return Candidate(Sense("CONSULT", "visit"), verb, [verb])
    if lemma == "seek" and obj is not None:
        return Candidate(Sense("REQUEST"), verb, [verb])  # "sought talks", "sought refuge in Germany"
    if lemma == "charge" and any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
        return Candidate(Sense("ACCUSE", "allege", "legal"), verb, [verb])
    if (
        lemma in {"order", "tell", "instruct", "direct"}
        and obj is not None
        and _child(verb, "xcomp") is not None
    ):
        return Candidate(Sense("REQUEST"), verb, [verb])  # "ordered Menem to appear"
    if lemma == "protest" and _child(verb, "ccomp") is not None:
        return Candidate(Sense("ACCUSE", "disapprove"), verb, [verb])  # "..., a rights group protested"
    figurative = obj is not None and obj.pos_ != "PROPN" and not obj.ent_type_ and not is_person_word(obj)
    hostile = VERBS.get(lemma)
    # What the act is done to: the object, or the noun a participle describes ("The film, shot
    # in black and white in a village").
    patient = obj if obj is not None else (verb.head if verb.dep_ == "acl" and verb.tag_ == "VBN" else None)
    if (
        hostile is not None
        and hostile.type in {"ASSAULT", "COERCE"}
        and patient is not None
        and (patient.lower_ in _MARKET_THINGS or patient.lemma_.lower() in _MARKET_THINGS)
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in patient.children)  # "scores of refugees"
    ):
        # "beating analyst estimates", "hit a record", "crushed expectations": figures; "the
        # film, shot in a village": a product made.
        return None
    if lemma in {"fight", "battle", "combat"} and figurative and _noun_sense(obj) is None:
        return None  # "fighting dirty air", "battle inflation"
    if lemma in RESIST_VERBS and obj is not None and _noun_sense(obj) is not None:
        return None  # "Kyiv battles a Russian invasion": the invasion is the event
    if lemma == "block" and obj is not None and obj.lemma_.lower() in _CENSORED and phrasal == "block":
        # "blocked nearly 400,000 websites": censorship, not a blockade ("blocked roads").
        return Candidate(Sense("COERCE", "restrict"), verb, [verb])
    if lemma == "occupy" and obj is not None and not _a_place(obj):
        return None  # "have occupied the spotlight"; "occupied the town" stays
    if lemma == "accept" and obj is not None and obj.lemma_.lower() in _HONOURS:
        return None  # "accepted her party's nomination": an honour, not another party's proposal
    if lemma in _ACTOR_OBJECT_VERBS and not (obj is not None and _names_someone(obj)):
        return None  # "recognized the significance of the victory", "rescue his campaign"
    if lemma in {"agree", "concur"} and _agrees_with_a_view(verb):
        return None  # "agreed with the analysis": a shared view, no agreement between actors
    if lemma == "call" and _phones_someone(verb, obj):
        return Candidate(Sense("CONSULT", "phone"), verb, [verb])  # "Obama called both candidates"
    if lemma == "call" and _pays_a_call(verb):
        return Candidate(Sense("CONSULT", "visit"), verb, [verb])  # "called on the minister on Tuesday"
    if lemma in {"call", "ask", "appeal", "push", "press"} and phrasal not in PHRASAL_VERBS:
        if _asks_for_an_act(verb):
            return Candidate(Sense("REQUEST"), verb, [verb])
        return None
    if lemma == "fire":
        if (
            any(c.dep_ == "prep" and c.lower_ in {"at", "on", "into"} for c in verb.children)
            or obj is not None
        ):
            return Candidate(Sense("ASSAULT", "firearms", "military"), verb, [verb])
        return None
    if lemma == "arrive" and _child(verb, "prep") is not None:
        subject = _child(verb, "nsubj")
        troops = subject is not None and any(
            t.lemma_.lower()
            in {"troop", "troops", "force", "forces", "peacekeeper", "peacekeepers", "soldier"}
            for t in subject.subtree
        )
        return Candidate(
            Sense("AID", None, "peacekeeping") if troops else Sense("CONSULT", "visit"), verb, [verb]
        )
    if lemma in {"strike", "march", "rally", "fight", "clash", "demonstrate"}:
        # "workers struck" (no object) is a strike; "troops struck the town" an attack.
        if lemma == "strike" and obj is None:
            return Candidate(Sense("PROTEST", "boycott"), verb, [verb])
        if lemma in {"march", "rally"} and obj is not None:
            return None
    if (
        lemma in _OFFERING
        and obj is not None
        and (obj.lower_ in _MARKET_THINGS or obj.lemma_.lower() in _MARKET_THINGS)
    ):
        return None  # "sending its shares to an all-time high", "sent prices soaring": a market moving
    # Every object counts: "has given mobile operator HarbourLink five working days" hands
    # over time (a deadline), whichever object the parse lists first.
    not_goods = obj is not None and any(
        c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in _NOT_GOODS for c in verb.children
    )
    not_goods = not_goods or (obj is not None and obj.lemma_.lower() in _NOT_GOODS)
    giving = lemma in _GIVING and obj is not None and not not_goods
    if giving and (obj.lemma_.lower() in _CUSTODY or obj.lower_ in _CUSTODY):
        # "had handed over three suspects to Montenegro": judicial cooperation (CAMEO 063),
        # wherever the parse hangs "to Montenegro".
        return Candidate(Sense("COOPERATE", None, "legal"), verb, [verb])
    if giving and any(c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ == "to") for c in verb.children):
        return Candidate(Sense("AID"), verb, [verb])  # "sent 500 tons of maize to Somalia"
    if lemma in _ONLY_WITH_OBJECTS:
        return None  # these mean an event only with their object (handled above)
    if particle is not None and phrasal in PHRASAL_VERBS:
        return Candidate(PHRASAL_VERBS[phrasal], verb, [verb, particle])
    if lemma in _OFFERING and not_goods:
        return None  # "offered a defense of the bill", "offers a reminder": words, not an offer
    sense = VERBS.get(lemma)
    if sense is None:
        return None
    if lemma in _TRANSITIVE_ONLY and obj is None:
        return None  # "seized upon the reference": no seizure
    return Candidate(sense, verb, [verb])


@dataclass(slots=True)
class _TriggerWords:
    """The trigger words as hashes of one vocabulary (lemma and lower case are both hashed)."""

    vocab: Any
    verbs: frozenset[int]
    nouns: frozenset[int]
    ccomp: int


_TRIGGER_WORDS: dict[int, _TriggerWords] = {}


def trigger_words(vocab: Any) -> _TriggerWords:
    cached = _TRIGGER_WORDS.get(id(vocab))
    if cached is None or cached.vocab is not vocab:
        strings = vocab.strings
        verbs = frozenset(strings.add(w) for w in _TRIGGER_VERBS)
        nouns = frozenset(strings.add(w) for w in (*NOUNS, "call"))
        cached = _TriggerWords(vocab, verbs, nouns, strings.add("ccomp"))
        _TRIGGER_WORDS[id(vocab)] = cached
    return cached


_GIVING_VERBS = words("events/giving_verbs.txt")
# Every verb lemma that can start a trigger (checked before any parse walking).
_TRIGGER_VERBS = frozenset(
    {*VERBS, *VERB_OBJECTS, *(v.split()[0] for v in VERB_OBJECTS), *(v.split()[0] for v in PHRASAL_VERBS)}
    | LIGHT_VERBS
    | RESIST_VERBS
    | _GIVING_VERBS
    | {
        "call",
        "ask",
        "appeal",
        "push",
        "press",
        "fire",
        "arrive",
        "seek",
        "charge",
        "protest",
        "impose",
        "order",
    }
    | {"strike", "march", "rally", "fight", "clash", "demonstrate"}
    | _GIVING
    | {"tell", "instruct", "direct"}
)


def sentence_candidates(sentence: Any, words: _TriggerWords) -> dict[int, Candidate]:
    candidates: dict[int, Candidate] = {}
    carried: set[int] = set()
    nouns: list[Any] = []
    musts: list[Any] = []
    ccomp = words.ccomp
    for token in sentence:
        # Integer attributes and hashed word sets: most tokens are no trigger, and spaCy's
        # string attributes cost a lookup each.
        pos = token.pos
        if pos == VERB:
            if token.lemma in words.verbs or token.lower in words.verbs:
                candidate = _verb_candidate(token)
                if candidate is not None:
                    candidates[token.i] = candidate
                    if candidate.noun is not None:
                        carried.add(candidate.noun.i)
            if token.dep == ccomp:
                musts.append(token)
        elif pos == AUX and token.dep == ccomp:
            musts.append(token)  # "said that the US must be ready to ..."
        elif pos in (NOUN, PROPN) and (token.lower in words.nouns or token.lemma in words.nouns):
            nouns.append(token)
    for token in musts:
        # "declared that China must drop barriers": a demand, made by whoever says it.
        if not any(c.dep_ == "aux" and c.lower_ == "must" for c in token.children):
            continue
        if any(t.tag_ in {"WRB", "WP", "WDT"} for t in token.subtree if t.i < token.i):
            continue  # "how much water must reach the lake": a question the deal answers, no demand
        reporter = token.head
        if reporter.lemma_.lower() in REPORTING_VERBS and reporter.i not in candidates:
            subject = _child(token, "nsubj", "nsubjpass")
            if subject is not None and subject.tag_ not in {"PRP"}:
                candidates[reporter.i] = Candidate(Sense("REQUEST"), reporter, [reporter])
    for token in nouns:
        if token.i in carried:
            continue
        if token.ent_type_ == "DATE":
            continue  # "bought a feed mill in March": a month, not a march
        sense = _noun_sense(token)
        if sense is not None:
            candidates[token.i] = Candidate(sense, token, [token], noun=token)
    return candidates
