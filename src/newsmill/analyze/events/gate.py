"""The event gate: a sentence reports a PLOVER event only when political or social actors —
states, governments, officials, groups, organisations, crowds — do something to each other.

Markets, prices, diseases, weather, products and company figures "decline", "strike",
"surge" and "support" in news every day; a lexicon reads them as rejections and assaults.
PETRARCH codes an event only between actors its dictionaries know; we ask less (an unknown
group may act) but refuse what never acts: an actor phrase whose head noun is a non-actor
(``data/events/non_actors.txt``: markets, prices, company figures, diseases, weather, living
things, products, sport) is no one, with or without a nationality or name modifying it
("populations of several British bumblebee species", "the dollar", "Norway's oil production",
"Hurricane Ian"). A collective is judged by what it collects ("thousands of protesters" act,
"populations of bees" do not); a pronoun resolved to a name acts as it. (Requiring instead
that the head be an agent of PETRARCH2's agents dictionary dropped right PLOVER events whose
actors are "the APEC forum" or "the UNITA militarist wing"; the agents dictionary gives
sectors instead, ``coding._sector``.) A sentence that reports a sport score ("beat Chelsea 2-1")
yields no assault or coercion (a vote count, "rejected the bill 52-48", keeps its rejection).
In an event addressed to someone (a consultation, a request, an accusation ...), a thing as
recipient takes no code from the place or nationality modifying it (``addressed_recipient``).

PETRARCH also voids any sentence that contains a phrase of its discard list (sport, awards,
"years ago", "World War Two"). We compile that list but do not apply it: on the PLOVER
development half A it removed two right events ("entered the country two years ago",
"murdered ... during World War Two") and no wrong one on the fact gold's half A.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from newsmill.analyze.dictionaries import agent_sector
from newsmill.analyze.events.article import Article
from newsmill.analyze.events.drafts import Candidate, ParticipantDraft
from newsmill.analyze.events.settle import is_people
from newsmill.analyze.sentences import root_of
from newsmill.analyze.wordlists import words
from newsmill.extract.blocks import SCORE

_ENTITY_ACTORS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_NON_ACTORS = words("events/non_actors.txt")
_DOCUMENT_NAMES = words("events/document_names.txt")
_COLLECTIVES = words("events/collective_nouns.txt")
_COUNTS = words("events/quantity_heads.txt") | frozenset(
    "dozen dozens hundred hundreds thousand thousands million millions group groups".split()
)


_UNNAMED_PRONOUNS = frozenset("it i me we us you".split())
# "the first of two expansions", "the latest of the updates": one of what follows "of".
_ORDINALS = frozenset("first second third fourth fifth last latest next final".split())
_MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod"})


def phrase_head(token: Any, anchor: Any = None) -> Any:
    """The head of the noun phrase a word belongs to: 'British' in "populations of several
    British bumblebee species" belongs to 'populations'; 'Norway' in "Norway's oil production"
    to 'production' (never past the event's own trigger: "their withdrawal")."""
    for _ in range(8):
        # Tokens are compared by position: spaCy makes a new Token object at each access.
        stop = anchor.i if anchor is not None else -1
        if token.dep_ in _MODIFIER_DEPS and token.head.i != token.i and token.head.i != stop:
            token = token.head
        elif (
            token.dep_ == "pobj"
            and token.head.lower_ == "of"
            and token.head.head.pos_ in {"NOUN", "PROPN", "NUM", "PRON"}
        ):
            token = token.head.head
        else:
            break
    return token


def is_social_actor(participant: ParticipantDraft, article: Article, anchor: Any = None) -> bool:
    """Whether a participant may act in a PLOVER event (see the module); ``anchor`` is the
    event's trigger."""
    if participant.start == participant.end:
        return participant.sector == "UAF"  # unnamed attackers, coded to where they struck
    start, end = participant.referent or (participant.start, participant.end)
    head = root_of(article.doc, start, end)
    if head is None:
        return False
    entity = article.entities[participant.entity] if participant.entity is not None else None
    if head.tag_ in {"WDT", "WP"} and head.head.dep_ == "relcl" and entity is None:
        # "ads that attack Trump": a relative pronoun acts as its noun does.
        return not is_non_actor(antecedent(head))
    if head.pos_ == "PRON":
        # "it had expelled", "their withdrawal": resolved to a name, or a person ("he").
        # "I", "we" and "you" that name no one (the writer, the reader, an unnamed speaker) do not.
        if entity is not None:
            return entity.kind in _ENTITY_ACTORS
        return head.lower_ not in _UNNAMED_PRONOUNS
    outer = phrase_head(head, anchor)
    if not (start <= outer.idx < end):
        head = outer  # a name or nationality modifying something acts only if that thing does
    return not is_non_actor(head)


def antecedent(token: Any) -> Any:
    """The noun a relative pronoun stands for ("ads" in "ads that attack"); else the token."""
    if token.tag_ in {"WDT", "WP"} and token.head.dep_ == "relcl" and token.head.head.i != token.head.i:
        return token.head.head
    return token


def is_non_actor(head: Any) -> bool:
    """A phrase head that never acts ('the dollar', 'oil production', 'a storm'); a collective
    ('populations of bumblebees', 'thousands of protesters') by what it collects."""
    lemma = head.lemma_.lower()
    counted = [t for c in head.children if c.lower_ == "of" for t in c.children if t.dep_ == "pobj"]
    if counted and (head.pos_ == "NUM" or lemma in _COUNTS or lemma in _COLLECTIVES or lemma in _ORDINALS):
        return all(is_non_actor(t) for t in counted)
    compounds = [t for t in head.lefts if t.dep_ == "compound"]
    named_thing = any(t.lower_ in _NON_ACTORS or t.lemma_.lower() in _NON_ACTORS for t in compounds)
    if head.pos_ == "PROPN" and named_thing:
        return True  # "Hurricane Ian", "Storm Ciaran": a named storm is a storm
    if head.pos_ == "PROPN" and lemma in _DOCUMENT_NAMES and any(t.dep_ == "compound" for t in head.lefts):
        return True  # "The American Health Security Act proposed ...": a law, not who made it
    if head.ent_type_ in _ENTITY_ACTORS:
        return False
    return head.lower_ in _NON_ACTORS or lemma in _NON_ACTORS


_CONTESTS = words("events/contest_words.txt")
_WINNING = frozenset("beat defeat trounce rout crush oust unseat topple capture carry sweep win".split())


def wins_a_vote(trigger: Any, sentence: str) -> bool:
    """ "Kentucky Democrats beat incumbent Gov. Matt Bevin": a win at the polls, told with the
    words of a fight — a winning verb in a sentence with a word of an electoral contest."""
    if trigger.lemma_.lower() not in _WINNING:
        return False
    found = {w.lower() for w in re.findall(r"[A-Za-z-]+", sentence)}
    objects = [c.lemma_.lower() for c in trigger.children if c.dep_ in {"dobj", "obj"}]
    # "beat the senator by 18 points", "would beat Trump by more than 5 percentage points": a
    # margin of points or votes; "captured the hearts of moderates": what is won is no one's.
    return bool(found & _CONTESTS) or bool(_MARGIN.search(sentence)) or bool(set(objects) & _WON_THINGS)


_MARGIN = re.compile(
    r"\bby (?:more than |nearly |almost |about |some |just |only )?"
    r"[\d.,]+ ?(?:percentage )?(?:points|votes)\b",
    re.I,
)
_WON_THINGS = words("events/won_things.txt")


def kills_a_document(trigger: Any) -> bool:
    """'ultimately killing a religious-freedom bill', 'torpedoed the measure': what is struck is a
    law, a bill or a proposal — a figure of speech, not an assault."""
    if trigger.lemma_.lower() not in _STRIKING:
        return False  # "violating the ceasefire agreement" is a fight (CAMEO 196), not a figure
    objects = [c for c in trigger.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
    return bool(objects) and all(
        o.lemma_.lower() in _DOCUMENT_NAMES | _PROPOSALS and not o.ent_type_ for o in objects
    )


_PROPOSALS = frozenset("legislation measure proposal plan deal".split())
_STRIKING = frozenset("kill attack torpedo sink gut shoot strike assault destroy bomb".split())


def reports_a_score(sentence: str) -> bool:
    """A sport result ("Liverpool beat Chelsea 2-1", "won 24-17"): no one assaults anyone."""
    return bool(SCORE.search(sentence))


# Types whose recipient is someone spoken to, backed or dealt with: a thing there ("visited
# the southern U.S. border", "released the transcript of the call with Zelensky", "denied
# Ukrainian collusion") takes no code from the place or nationality modifying it.
ADDRESSED_TYPES = frozenset(
    {"CONSULT", "AGREE", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "COOPERATE", "AID"}
)


def addressed_recipient(recipient: ParticipantDraft, article: Article) -> ParticipantDraft:
    """The recipient of an addressed event, without the code its modifier gave a thing."""
    if recipient.code is None or recipient.entity is not None or recipient.start == recipient.end:
        return recipient
    start, end = recipient.referent or (recipient.start, recipient.end)
    head = root_of(article.doc, start, end)
    if head is None or head.pos_ != "NOUN" or head.ent_type_:
        return recipient
    if any(c.dep_ == "poss" for c in head.children) or is_people(recipient, article):
        return recipient  # "Serbia's suppression of ...": the owner is the one addressed
    if agent_sector(head.lemma_) is not None or agent_sector(head.text) is not None:
        return recipient  # "the authorities", "police"
    return replace(recipient, code=None, sector=None)


# Readings of one kind of act that are no interaction between actors (docs/events.md).
ATTACK_WORDS = re.compile(
    r"\b(?:bomb\w*|explosi\w+|IEDs?|shell(?:ed|ing|s)?|rockets?|missiles?|mortars?|grenades?|gunm[ae]n|"
    r"gunfire|shot|shooting|attack\w*|ambush\w*|air ?strikes?|air raids?|suicide|stabb\w+|assassinat\w+|"
    r"militants?|insurgents?|rebels?|clash\w*|massacre\w*)\b",
    re.I,
)


def a_dispute(anchor: Any, article: Article, evidence: tuple[int, int]) -> bool:
    """ "Clashed over fees", "fought over the budget": a clash or fight over something, in a
    sentence with no other word of violence (no weapon, attack, injury or death), is a dispute."""
    if anchor.lemma_.lower() not in {"clash", "fight", "spar", "tussle"}:
        return False
    if not any(c.dep_ == "prep" and c.lower_ == "over" for c in anchor.children):
        return False
    sentence = article.text[evidence[0] : evidence[1]]
    others = [
        m for m in ATTACK_WORDS.finditer(sentence) if not m.group().lower().startswith(("clash", "fight"))
    ]
    return not others and PHYSICAL_WORDS.search(sentence) is None


# Words of bodily harm and armed force: an attack among named people is physical only with them.
PHYSICAL_WORDS = re.compile(
    r"\b(?:kill\w*|dead|deaths?|wound\w*|injur\w*|hurt|bomb\w*|explosi\w+|shell\w*|rockets?|missiles?|"
    r"guns?|gunfire|shot|shoot\w*|knife|knives|stabb?\w*|punch\w*|kick\w*|beat(?:en|ing)?|assaulted|"
    r"weapons?|armed|troops|soldiers|forces|militants?|police|army|military|violen\w+|hospital\w*)\b",
    re.I,
)

_ASSEMBLY_NOUNS = words("events/assembly_nouns.txt")
_SESSION_WORDS = words("events/session_words.txt")
_EMERGENCY_KINDS = words("events/emergency_kinds.txt")
_HAZARDS = words("events/hazard_words.txt")


def a_hazard_emergency(candidate: Candidate) -> bool:
    """The emergency declared is of a hazard: a word of ``data/events/emergency_kinds.txt``
    modifies "emergency" ("a national health emergency", "a drought emergency"), or the
    sentence or the one before names a hazard (``data/events/hazard_words.txt``: "... endures
    one of its worst droughts. Botswana declared a state of emergency in its north")."""
    sentence = candidate.anchor.sent
    if any(
        t.lower_ == "emergency" and any(c.lower_ in _EMERGENCY_KINDS for c in t.children) for t in sentence
    ):
        return True
    doc = sentence.doc
    before = doc[sentence.start - 1].sent if sentence.start > 0 else None
    scope = [*(before or []), *sentence]
    return any(t.lemma_.lower() in _HAZARDS or t.lower_ in _HAZARDS for t in scope)


def _act_lemma(candidate: Candidate) -> str:
    """The word that names the act: the event noun if one does ("hold its first meeting"), else
    the verb."""
    return (candidate.noun if candidate.noun is not None else candidate.anchor).lemma_.lower()


def a_meeting(candidate: Candidate) -> bool:
    """The trigger names a meeting or a visit ("meet", "a follow-up visit", "hold talks")."""
    word = _act_lemma(candidate)
    return word in _SESSION_WORDS or word in {"visit", "talk", "talks"}


def a_body_in_session(candidate: Candidate, actors: list[ParticipantDraft], article: Article) -> bool:
    """A meeting whose one actor is one body that meets in session ("the committee is due to
    hold its first meeting in June", "the cabinet met"): no one else takes part, so it is no
    consultation or promise between actors (PLOVER codes interactions, not sittings)."""
    if _act_lemma(candidate) not in _SESSION_WORDS or len(actors) != 1:
        return False
    span = article.doc.char_span(actors[0].start, actors[0].end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    return span.root.lemma_.lower() in _ASSEMBLY_NOUNS and span.root.tag_ == "NN"


# A company's dealings: with no one named on the other side, commerce ("the carmaker agreed to
# recall", "the company welcomes a vibrant ecosystem", "signed agreements with 23 shops").
DEALINGS = frozenset({"AGREE", "COOPERATE", "AID", "CONCEDE", "RETREAT", "SUPPORT"})


def backs_as_a_person(actor: ParticipantDraft, event_type: str, article: Article) -> bool:
    """A person's praise, defence or apology ("the chief executive apologised") is theirs to
    give, whatever company they lead: only a company's own SUPPORT is commerce."""
    entity = article.entities[actor.entity] if actor.entity is not None else None
    return event_type == "SUPPORT" and entity is not None and entity.kind == "PERSON"


def a_business(participant: ParticipantDraft, article: Article) -> bool:
    """A company: coded MNC (a multinational of the actor dictionary), of the business sector,
    or an organisation whose name says it is one."""
    if participant.code == "MNC" or participant.sector == "BUS":
        return True
    entity = article.entities[participant.entity] if participant.entity is not None else None
    return entity is not None and entity.kind == "ORG" and entity.sector == "BUS"
