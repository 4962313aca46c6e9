"""Who did what to whom: PLOVER events from the shared dependency parse.

Rules over the parse with a verb and noun lexicon (``plover.py``), sentence by sentence:

1. *Triggers*: a verb of the lexicon ("seized"), a verb whose object gives it its meaning
   ("lifted a curfew", "opened fire"), a light verb carrying an event noun ("launched its
   invasion", "staged rallies"), or an event noun with a participant of its own ("Russian
   shelling of ...", "his visit to Moscow", "negotiations between Kyiv and Moscow").
2. *Frames*: a trigger in the complement of another trigger belongs to it ("demanded that
   Israel ease restrictions" is one REQUEST; "threatened to cut off electricity" one
   THREATEN). Opinions are comments, not events ("Islamabad believes ...", "regards ... as a
   puppet"), and reporting verbs ("said") only attribute what they report.
3. *Status*: will/shall (and would, reported) → future; may/might/could/if → hypothetical;
   not/never → negated; pluperfect, "recent visit", dates well before publication →
   historical. A promised cooperative act is PLOVER's AGREE, a promised hostile one (or one
   made with "unless") THREATEN, a refused or negated promise REJECT.
4. *Participants*: the subject (or the passive's agent) acts; the recipient is a person,
   group or place the action is done to: the object when it names one, the owner of an
   abstract object ("praised Haiti's efforts"), or a prepositional object the event type
   takes ("talks with", "aid to", "sanctions on"). A place name is an actor only as a
   capital standing for its government (subject position); otherwise it is the location,
   or, as the object of a hostile act, the recipient's country. Codes are ISO-3 countries
   from the entities (persons' and organisations' countries, demonyms, places), or IGO/NGO.

Offsets are Doc character offsets; ``stage.py`` maps them to the record's text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.symbols import AUX, NOUN, PROPN, VERB

from newsmill.analyze.actors import GROUP_CODES
from newsmill.analyze.convert import ArticleText
from newsmill.analyze.entities import EntityDraft, known_actor
from newsmill.analyze.gazetteer import City, Country, Gazetteer
from newsmill.analyze.plover import (
    COMMENT_VERBS,
    COOPERATIVE,
    HOSTILE,
    INTENT_ADJECTIVES,
    INTENT_VERBS,
    LIGHT_VERBS,
    NOUNS,
    PHRASAL_VERBS,
    REFUSAL_VERBS,
    REPORTING_VERBS,
    REQUEST_VERBS,
    RESIST_VERBS,
    VERB_OBJECTS,
    VERBS,
    Sense,
    cameo_code,
)
from newsmill.analyze.quotes import QuoteDraft
from newsmill.analyze.sentences import text_of
from newsmill.analyze.times import TimeDraft
from newsmill.model import Event, Participant, Record, TimeExpr

# International and non-governmental organisations, by the names news uses (general world
# knowledge, not a list of any test set's actors).
_IGO = re.compile(
    r"\b(?:United Nations|U\.?N\.?|UNHCR|UNICEF|UNESCO|UNIFIL|WFP|World Food Program(?:me)?|Security Council|"
    r"General Assembly|NATO|North Atlantic Treaty|European (?:Union|Community|Commission|Parliament|Council)|"
    r"EU|EC|Arab League|League of Arab States|African Union|Organi[sz]ation (?:of|for) [A-Z][\w ]+|OAU|OSCE|"
    r"OPEC|ASEAN|APEC|Asia-Pacific Economic Cooperation|World Bank|International Monetary Fund|IMF|WTO|"
    r"World Trade Organi[sz]ation|World Health Organi[sz]ation|WHO|IAEA|International Atomic Energy Agency|"
    r"International Labou?r (?:Office|Organi[sz]ation)|ILO|Interpol|Red Cross|Red Crescent|ECOWAS|"
    r"Commonwealth|G7|G8|G20|International Criminal Court|ICC|war crimes (?:court|tribunal)|"
    r"International Court of Justice|Council of Europe|Gulf Cooperation Council|common market)\b"
)
_NGO = re.compile(
    r"\b(?:Amnesty International|Human Rights Watch|Medecins Sans Frontieres|Médecins Sans Frontières|"
    r"Doctors Without Borders|Oxfam|Greenpeace|Save the Children|Transparency International|"
    r"Physicians for Human Rights|(?:human rights|rights|aid|relief|humanitarian|advocacy|charity) "
    r"(?:group|organi[sz]ation|watchdog|agency|body)|Forum|Association of [A-Z][\w ]+)\b",
    re.I,
)
# Sector of a participant from its head noun or a modifier (PLOVER/CAMEO sector codes).
_SECTOR_WORDS: dict[str, str] = {
    word: sector
    for words, sector in (
        (
            "government authorities authority official officials minister ministry administration "
            "president premier cabinet regime state diplomat diplomats envoy ambassador leader leaders "
            "presidency kremlin spokesman spokesperson",
            "GOV",
        ),
        (
            "troops army military forces soldiers soldier militiamen militia marines navy aircraft "
            "warplanes tanks gunships helicopters commander commanders officers bulldozers",
            "MIL",
        ),
        ("police policemen patrol guards", "COP"),
        ("rebels rebel guerrillas guerrilla insurgents militants fighters separatists", "REB"),
        ("parliament congress assembly legislature senate lawmakers deputies mps", "LEG"),
        ("court judge judges tribunal prosecutor prosecutors", "JUD"),
        (
            "civilians civilian people residents villagers immigrants detainees prisoner prisoners "
            "demonstrators protesters protestors youths settlers citizens population homes",
            "CVL",
        ),
        ("refugees refugee", "REF"),
        ("students university", "EDU"),
        ("workers union unions", "LAB"),
        ("opposition", "OPP"),
        ("party", "PTY"),
        ("newspaper journalist journalists media", "JRN"),
        ("peacekeepers peacekeeping", "MIL"),
    )
    for word in words.split()
}
_PERSON_WORDS = frozenset(
    """people civilians residents villagers refugees immigrants detainees prisoners prisoner students
    workers demonstrators protesters youths settlers citizens nationals soldiers troops officials
    diplomats officers rebels guerrillas militants fighters leaders members journalist journalists
    advisers personnel peacekeepers servicemen inspectors observers candidates activists children
    women men hostages population homes buildings infrastructure village villages town towns camp
    farmers miners fishermen pilgrims dissidents monks priests worshippers mourners migrants exiles
    militiamen gunmen police policemen""".split()
)


def _is_person_word(token: Any) -> bool:
    """'refugees', 'a prisoner': people (by the word or its lemma)."""
    return token.lower_ in _PERSON_WORDS or token.lemma_.lower() in _PERSON_WORDS


# Objects that stand for their owner: "praised Haiti's efforts", "rejected a U.S. request".
_ABSTRACT_OBJECTS = frozenset(
    """effort efforts role statement request demand demands offer proposal plan call calls appeal
    ultimatum invitation decision policy policies position move stance suppression attack attacks
    raid raids leadership rights interests violation violations abuses policy policies""".split()
)
_RECIPIENT_PREPOSITIONS: dict[str, frozenset[str]] = {
    "AGREE": frozenset({"with", "to", "for"}),
    "CONSULT": frozenset({"with", "to"}),
    "SUPPORT": frozenset({"to", "for", "with"}),
    "COOPERATE": frozenset({"with", "to"}),
    "AID": frozenset({"to", "for"}),
    "CONCEDE": frozenset({"to", "for", "on", "against"}),
    "RETREAT": frozenset({"to", "from", "on", "against"}),
    "REQUEST": frozenset({"from", "to", "on"}),
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
_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "across", "along"})
_PRONOUNS = {
    "he": "PERSON", "him": "PERSON", "his": "PERSON", "she": "PERSON", "her": "PERSON",
    "it": "GROUP", "its": "GROUP", "they": "PLURAL", "them": "PLURAL", "their": "PLURAL",
    "we": "GROUP", "our": "GROUP",
}  # fmt: skip
_FIRST_PERSON = frozenset("i me my we us our".split())
_REFLEXIVES = frozenset("themselves itself himself herself ourselves".split())
_UNLESS = frozenset({"unless"})
_IF = frozenset({"if", "unless"})
_HISTORICAL_MODIFIERS = frozenset("recent previous last earlier former past prior".split())
_HYPOTHETICAL_MODALS = frozenset("may might could should ought".split())
_MODES_BY_WORD: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"\b(?:tele)?phon(?:e|ed|ic)|\bby phone\b|\bcalled\b", re.I), "CONSULT", "phone"),
    (re.compile(r"\bsuicide\b", re.I), "ASSAULT", "suicide-attack"),
    (re.compile(r"\b(?:sexual\w*|rape\w*)\b", re.I), "ASSAULT", "sexual"),
    (re.compile(r"\b(?:bombs?|explosi\w+|IEDs?|car bomb|blew|blow)\b", re.I), "ASSAULT", "explosives"),
    (
        re.compile(r"\b(?:tanks?|artillery|shells?|shelled|missiles?|rockets?|air ?strikes?|air raids?|"
                   r"aircraft|warplanes|helicopter|gunships|mortars?)\b", re.I),
        "ASSAULT", "heavy-weapons",
    ),
    (re.compile(r"\b(?:guns?|gunfire|rifles?|shot|shooting|opened fire)\b", re.I), "ASSAULT", "firearms"),
    (re.compile(r"\b(?:machetes?|knives|stones|clubs|axes)\b", re.I), "ASSAULT", "primitive"),
    (re.compile(r"\bhunger strike\b", re.I), "PROTEST", "hunger"),
    (re.compile(r"\b(?:general strike|strike|walkout|boycott)\b", re.I), "PROTEST", "boycott"),
    (re.compile(r"\b(?:riot\w*)\b", re.I), "PROTEST", "riot"),
    (re.compile(r"\b(?:police|patrols)\b", re.I), "MOBILIZE", "police"),
)  # fmt: skip
_CONTEXTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:troops|military|army|weapons|missiles?|ceasefire|truce|war|forces|invasion|"
                r"shell\w*|attack\w*|peacekeep\w*|nuclear power plant)\b", re.I), "military"),
    (re.compile(r"\b(?:ambassador|diplomat\w*|embassy|relations|talks|negotiat\w+|summit|visit)\b", re.I),
     "diplomatic"),
    (re.compile(r"\b(?:trade|tariffs?|econom\w+|dollars|loans?|grant|aid|investment|exports?)\b", re.I),
     "economic"),
    (re.compile(r"\b(?:court|judge|law|legal|charges?|arrest\w*|trial|investigat\w+)\b", re.I), "legal"),
    (re.compile(r"\b(?:refugees?|evacuat\w+|border crossing|asylum)\b", re.I), "refugees"),
    (re.compile(r"\b(?:elections?|vote|ballot|polls?|candidates?)\b", re.I), "election"),
    (re.compile(r"\b(?:terror\w*|bomb\w*)\b", re.I), "terrorism"),
    (re.compile(r"\b(?:water|oil|gas|energy|electricity|food)\b", re.I), "resource"),
    (re.compile(r"\b(?:human rights|rights|freedoms?)\b", re.I), "rights"),
    (re.compile(r"\b(?:hack\w*|cyber\w*|computers?)\b", re.I), "cyber"),
)  # fmt: skip


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


# "declined to comment", "refused to elaborate": withholding speech rejects no one.
_WITHHOLD_VERBS = frozenset({"decline", "refuse"})
_SPEECH_LEMMAS = frozenset("comment say elaborate respond discuss speak answer confirm specify".split())

_Location = tuple[int, int, int | None]  # Doc offsets, and the place entity when one is named


@dataclass(slots=True)
class _Candidate:
    """A trigger before its frame is settled."""

    sense: Sense
    anchor: Any  # the verb (or the noun) the frame hangs on
    words: list[Any]  # the tokens that name the action
    noun: Any = None  # the event noun, when one names the action
    absorbed: bool = False


# "an anti-Syria journalist", "the pro-Iranian Hizbollah", "the Syrian-backed Amal militia":
# a country named as a stance or a sponsor is not whose the phrase is.
_STANCE_BEFORE = re.compile(r"\b(?:anti|pro)-?$", re.I)
_STANCE_AFTER = re.compile(r"-?(?:backed|sponsored|supported|allied|leaning|friendly)\b", re.I)


def _stance(text: str, start: int, end: int) -> bool:
    """The words at ``start:end`` name a stance or a sponsor ("anti-Syria", "Syrian-backed")."""
    return bool(_STANCE_BEFORE.search(text, max(0, start - 5), start) or _STANCE_AFTER.match(text, end))


class _Mentions:
    """Entity mentions by Doc offset, for the participants' codes."""

    def __init__(self, entities: list[EntityDraft], text: str) -> None:
        spans = sorted(
            (m.start, m.end, index)
            for index, entity in enumerate(entities)
            for m in entity.mentions
            if not _stance(text, m.start, m.end)
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


class _Article:
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
        self.codes = [_entity_code(entity, gazetteer) for entity in entities]
        # Mentions naming a border ("on the Thai border"): where, never whose.
        self.border_mentions = {
            start
            for start, _end, _index in self.mentions.spans
            if (token := _token_at(doc, start)) is not None
            and token.head.lemma_.lower() in _BORDER_NOUNS
            and token.dep_ in {"amod", "compound", "nmod", "poss"}
        }
        self.plural_actors: list[ParticipantDraft] = []  # the last event's actors, when several


def annotate_events(
    doc: Any,
    entities: list[EntityDraft],
    quotes: list[QuoteDraft] | None = None,
    times: list[TimeDraft] | None = None,
    gazetteer: Gazetteer | None = None,
    published: date | None = None,
) -> list[EventDraft]:
    """The events of ``doc`` (a parsed spaCy Doc), in document order."""
    article = _Article(doc, entities, quotes or [], times or [], gazetteer, published)
    events: list[EventDraft] = []
    for sentence in doc.sents:
        events.extend(_sentence_events(sentence, article))
    _inherit_recipients(events)
    return events


def main_event(events: list[EventDraft]) -> EventDraft | None:
    """The event a one-sentence text is about: the shallowest trigger, then the most certain."""
    if not events:
        return None
    return min(events, key=lambda e: (e.depth, -e.confidence, e.trigger[0]))


# --- 1. Triggers -------------------------------------------------------------------------


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
    if sense and lower == "strike" and _child(token, "compound", "amod") is not None:
        modifier = _child(token, "compound", "amod").lower_
        if modifier in {"air", "missile", "drone", "military"}:
            return Sense("ASSAULT", "heavy-weapons", "military")
    return sense


_QUANTITIES = frozenset(
    "ton tons tonne tonnes dollar dollars million billion kg kilogram part lot amount".split()
)


def _object_nouns(obj: Any) -> list[Any]:
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


_ONLY_WITH_OBJECTS = frozenset("return open send give provide hand share deny stop pay order".split())
_GIVING = frozenset("send give provide deliver donate supply airlift hand contribute".split())
_NOT_GOODS = frozenset(
    """letter message note signal invitation delegation envoy team warning word greeting greetings
    condolence condolences congratulations regards personnel experts investigators observers
    mission""".split()
)


def _welcome_sense(verb: Any) -> Sense:
    """'gave a warm welcome to de Klerk' hosts a visitor; 'gave the plan a cautious welcome' backs it."""
    for child in verb.children:
        guest = child if child.dep_ == "dative" and child.pos_ != "ADP" else None
        if child.dep_ in {"prep", "dative"} and child.lower_ == "to":
            guest = _child(child, "pobj")
        if guest is not None:
            if guest.pos_ == "PROPN" or _is_person_word(guest):
                return Sense("CONSULT", "visit")
            return Sense("SUPPORT", None, "diplomatic")
    return Sense("CONSULT", "visit")


def _verb_candidate(verb: Any) -> _Candidate | None:
    lemma = verb.lemma_.lower()
    doc = verb.doc
    if verb.i >= 2 and doc[verb.i - 1].text == "-" and doc[verb.i - 2].lower_ == "test":
        # "test-fired a missile": a show of force (PLOVER MOBILIZE), not an attack.
        return _Candidate(Sense("MOBILIZE", None, "military"), verb, [doc[verb.i - 2], verb])
    particle = _child(verb, "prt")
    if particle is None:
        # "pulling its troops out of Chechnya": the parser takes the particle for a preposition.
        particle = next(
            (
                c
                for c in verb.children
                if c.dep_ == "prep"
                and c.lower_ in {"out", "back", "off", "away"}
                and f"{lemma} {c.lower_}" in PHRASAL_VERBS
            ),
            None,
        )
    phrasal = f"{lemma} {particle.lower_}" if particle is not None else lemma
    obj = _object_of(verb)
    if obj is not None:
        table = VERB_OBJECTS.get(phrasal) or VERB_OBJECTS.get(lemma) or {}
        # "70 million dollars of aid", "mediation efforts": the noun that says what it is.
        for noun in _object_nouns(obj):
            sense = table.get(noun.lemma_.lower()) or table.get(noun.lower_)
            if sense is not None:
                if sense.type == "CONSULT" and noun.lemma_.lower() in {"welcome", "reception"}:
                    sense = _welcome_sense(verb)
                return _Candidate(sense, verb, [verb, noun], noun=obj)
        if lemma in LIGHT_VERBS or lemma in {"impose", "order", "call"}:
            # "staged rallies", "undertook a mediation mission": the noun names the event.
            for noun in _object_nouns(obj):
                noun_sense = _noun_sense(noun)
                if noun_sense is not None:
                    return _Candidate(noun_sense, verb, [verb, noun], noun=obj)
        if lemma in _GIVING_VERBS:
            # "approved a $2 billion loan for Argentina": giving aid is aid (but "approved a
            # request" answers someone else's act).
            for noun in _object_nouns(obj):
                noun_sense = _noun_sense(noun)
                if noun_sense is not None and noun_sense.type == "AID":
                    return _Candidate(noun_sense, verb, [verb, noun], noun=obj)
    if lemma == "seek" and obj is not None:
        return _Candidate(Sense("REQUEST"), verb, [verb])  # "sought talks", "sought refuge in Germany"
    if lemma == "charge" and any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
        return _Candidate(Sense("ACCUSE", "allege", "legal"), verb, [verb])
    if (
        lemma in {"order", "tell", "instruct", "direct"}
        and obj is not None
        and _child(verb, "xcomp") is not None
    ):
        return _Candidate(Sense("REQUEST"), verb, [verb])  # "ordered Menem to appear"
    if lemma == "protest" and _child(verb, "ccomp") is not None:
        return _Candidate(Sense("ACCUSE", "disapprove"), verb, [verb])  # "..., a rights group protested"
    figurative = obj is not None and obj.pos_ != "PROPN" and not obj.ent_type_ and not _is_person_word(obj)
    if lemma in {"fight", "battle", "combat"} and figurative and _noun_sense(obj) is None:
        return None  # "fighting dirty air", "battle inflation"
    if lemma in RESIST_VERBS and obj is not None and _noun_sense(obj) is not None:
        return None  # "Kyiv battles a Russian invasion": the invasion is the event
    if lemma in {"call", "ask", "appeal", "push", "press"}:
        if _child(verb, "xcomp") is not None or any(
            c.dep_ == "prep" and c.lower_ in {"for", "on", "upon"} for c in verb.children
        ):
            return _Candidate(Sense("REQUEST"), verb, [verb])
        return None
    if lemma == "fire":
        if (
            any(c.dep_ == "prep" and c.lower_ in {"at", "on", "into"} for c in verb.children)
            or obj is not None
        ):
            return _Candidate(Sense("ASSAULT", "firearms", "military"), verb, [verb])
        return None
    if lemma == "arrive" and _child(verb, "prep") is not None:
        subject = _child(verb, "nsubj")
        troops = subject is not None and any(
            t.lemma_.lower()
            in {"troop", "troops", "force", "forces", "peacekeeper", "peacekeepers", "soldier"}
            for t in subject.subtree
        )
        return _Candidate(
            Sense("AID", None, "peacekeeping") if troops else Sense("CONSULT", "visit"), verb, [verb]
        )
    if lemma in {"strike", "march", "rally", "fight", "clash", "demonstrate"}:
        # "workers struck" (no object) is a strike; "troops struck the town" an attack.
        if lemma == "strike" and obj is None:
            return _Candidate(Sense("PROTEST", "boycott"), verb, [verb])
        if lemma in {"march", "rally"} and obj is not None:
            return None
    giving = lemma in _GIVING and obj is not None and obj.lemma_.lower() not in _NOT_GOODS
    if giving and any(c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ == "to") for c in verb.children):
        return _Candidate(Sense("AID"), verb, [verb])  # "sent 500 tons of maize to Somalia"
    if lemma in _ONLY_WITH_OBJECTS:
        return None  # these mean an event only with their object (handled above)
    if particle is not None and phrasal in PHRASAL_VERBS:
        return _Candidate(PHRASAL_VERBS[phrasal], verb, [verb, particle])
    sense = VERBS.get(lemma)
    if sense is None:
        return None
    if lemma in {"support", "back"} and obj is None:
        return None
    return _Candidate(sense, verb, [verb])


@dataclass(slots=True)
class _TriggerWords:
    """The trigger words as hashes of one vocabulary (lemma and lower case are both hashed)."""

    vocab: Any
    verbs: frozenset[int]
    nouns: frozenset[int]
    ccomp: int


_TRIGGER_WORDS: dict[int, _TriggerWords] = {}


def _trigger_words(vocab: Any) -> _TriggerWords:
    cached = _TRIGGER_WORDS.get(id(vocab))
    if cached is None or cached.vocab is not vocab:
        strings = vocab.strings
        verbs = frozenset(strings.add(w) for w in _TRIGGER_VERBS)
        nouns = frozenset(strings.add(w) for w in (*NOUNS, "call"))
        cached = _TriggerWords(vocab, verbs, nouns, strings.add("ccomp"))
        _TRIGGER_WORDS[id(vocab)] = cached
    return cached


_GIVING_VERBS = frozenset("approve grant give provide extend deliver disburse".split())
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


def _sentence_candidates(sentence: Any, words: _TriggerWords) -> dict[int, _Candidate]:
    candidates: dict[int, _Candidate] = {}
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
        reporter = token.head
        if reporter.lemma_.lower() in REPORTING_VERBS and reporter.i not in candidates:
            subject = _child(token, "nsubj", "nsubjpass")
            if subject is not None and subject.tag_ not in {"PRP"}:
                candidates[reporter.i] = _Candidate(Sense("REQUEST"), reporter, [reporter])
    for token in nouns:
        if token.i in carried:
            continue
        sense = _noun_sense(token)
        if sense is not None:
            candidates[token.i] = _Candidate(sense, token, [token], noun=token)
    return candidates


# --- 2. Frames: what governs a trigger --------------------------------------------------------


@dataclass(slots=True)
class _Frame:
    outer: int | None = None  # token index of a governing trigger
    intent: Any = None  # the intent word ("agreed", "will", "ready") that makes it a promise
    reported: Any = None  # the reporting verb
    comment: bool = False  # inside an opinion: no event
    resisted_by: Any = None  # "Kyiv battles a Russian invasion": Kyiv's token


# Acts whose noun takes a "that" clause saying what is asked, threatened, refused or agreed.
_CONTENT_TYPES = frozenset({"REQUEST", "THREATEN", "REJECT", "AGREE"})
_PASS_THROUGH = frozenset(
    {"xcomp", "ccomp", "advcl", "acomp", "pcomp", "prep", "pobj", "dobj", "obj", "oprd"}
)


def _frame(candidate: _Candidate, candidates: dict[int, _Candidate]) -> _Frame:
    frame = _Frame()
    node = candidate.anchor
    through_preposition = False  # "underscored the importance of X in his conversation": not the opinion
    # A noun's frame is the verb it hangs from; a conjunct's, that of the first conjunct.
    steps = 0
    while steps < 12:
        steps += 1
        # A conjunct shares the frame of the first conjunct (which does not govern it).
        while node.dep_ == "conj" and node.head != node:
            node = node.head
        dep = node.dep_
        head = node.head
        if dep == "acl":
            # "its demand that Egypt ease ...", "a threat to cut aid": the noun's content (the
            # noun may be carried by a verb's trigger, "reiterated its demand").
            owner = next(
                (
                    i
                    for i, c in candidates.items()
                    if head.i in {c.anchor.i, c.noun.i if c.noun is not None else -1}
                ),
                None,
            )
            if (
                owner is not None
                and owner != candidate.anchor.i
                and candidates[owner].sense.type in _CONTENT_TYPES
            ):
                frame.outer = owner
                return frame
        # "willing to send material to defend Saudi Arabia if it is attacked": the condition of
        # another act is part of that act's reading, not an event of its own.
        conditional = dep == "advcl" and any(c.dep_ == "mark" and c.lower_ in _IF for c in node.children)
        outside = (t for t in head.subtree if t.i < node.left_edge.i or t.i > node.right_edge.i)
        if conditional and any(t.i in candidates for t in outside):
            frame.comment = True
            return frame
        if head == node or dep not in _PASS_THROUGH | {"nsubjpass", "nsubj", "conj"}:
            break
        if dep in {"nsubj"} and candidate.noun != candidate.anchor:
            break
        lemma = head.lemma_.lower()
        if (
            head.i in candidates
            and head.i != candidate.anchor.i
            and dep not in {"nsubj", "nsubjpass", "conj"}
        ):
            if dep in {"prep", "pobj"} and candidates[head.i].noun != head:
                # "attacked ... in an explosion": a prepositional event is the same event.
                frame.outer = head.i
                return frame
            if dep not in {"prep", "pobj"}:
                frame.outer = head.i
                return frame
        if dep == "ccomp" and head.i not in candidates:
            # "reiterated its demand that Israel ease ...": the clause is the demand's content
            # (the parser hangs it on the verb), so the demand governs it.
            demand = next((c for c in head.children if c.dep_ in {"dobj", "obj"} and c.i in candidates), None)
            if demand is not None and candidates[demand.i].sense.type in _CONTENT_TYPES:
                frame.outer = demand.i
                return frame
        if dep in {"prep", "advcl"}:
            through_preposition = True
        opinion = dep in {"ccomp", "xcomp", "dobj", "obj", "oprd", "acomp"} and lemma in COMMENT_VERBS
        if opinion and head.i not in candidates and not through_preposition:
            frame.comment = True
            return frame
        if dep in {"dobj", "obj"} and lemma in RESIST_VERBS and node == candidate.anchor:
            frame.resisted_by = _child(head, "nsubj")
        if dep in {"ccomp", "xcomp", "acomp"} and (lemma in INTENT_VERBS or lemma in INTENT_ADJECTIVES):
            frame.intent = frame.intent or head
        if dep in {"ccomp", "advcl"} and lemma in REPORTING_VERBS:
            frame.reported = frame.reported or head
        node = head
    return frame


# --- 3. Status ----------------------------------------------------------------------------


def _modal_status(verb: Any, reported: bool) -> str | None:
    """Future, hypothetical or negated from the verb's own auxiliaries and markers."""
    status = None
    for child in verb.children:
        lower = child.lower_
        if child.dep_ in {"aux", "auxpass"}:
            if lower in {"will", "shall", "'ll", "wo"}:
                status = "future"
            elif lower == "would":
                status = "future" if reported else "hypothetical"
            elif lower in _HYPOTHETICAL_MODALS:
                status = "hypothetical"
        if child.dep_ == "mark" and lower in {"if", "whether", "unless"}:
            return "hypothetical"
    if verb.lemma_.lower() in {"go"} and _child(verb, "xcomp") is not None:
        status = "future"
    return status


def _negated(verb: Any) -> bool:
    return any(child.dep_ == "neg" for child in verb.children)


def _has_condition(verb: Any, marks: frozenset[str]) -> bool:
    """An adverbial clause opened by one of ``marks`` ("unless Baghdad accepts", "if it is attacked")."""
    return any(
        child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in marks for g in child.children)
        for child in verb.children
    )


# --- 4. Participants ------------------------------------------------------------------------


def _phrase_bounds(head: Any) -> tuple[int, int]:
    """Character bounds of a noun phrase: its head with modifiers, without clauses or lists."""
    keep = [head]
    for child in head.children:
        if child.dep_ in {"relcl", "acl", "advcl", "conj", "cc", "punct", "appos", "prep"}:
            # "rebels in the Ivory Coast", "Kenzo Oshima, the UN coordinator": still the phrase.
            located = (
                child.dep_ == "prep"
                and child.lower_ in {"of", "in", "from"}
                and (head.pos_ != "PROPN" or head.ent_type_ == "NORP")
            )
            if located or (child.dep_ == "appos" and child.pos_ == "PROPN"):
                keep.extend(child.subtree)
            continue
        keep.extend(child.subtree)
    start = min(t.idx for t in keep)
    last = max(keep, key=lambda t: t.i)
    end = last.idx + len(last.text)
    # Never across a line break: a headline parsed into the line below is still one line.
    text = text_of(head.doc)[start:end]
    if "\n" in text:
        offset = head.idx - start
        line_start = text.rfind("\n", 0, offset) + 1
        line_end = text.find("\n", offset)
        start, end = start + line_start, start + (line_end if line_end >= 0 else len(text))
    return start, end


_REGION_NAMES = frozenset(
    """europe|asia|africa|america|americas|antarctica|oceania|eurasia|middle east|near east|far east|
    latin america|north america|south america|central asia|southeast asia|east asia|south asia|west africa|
    east africa|north africa|southern africa|sub-saharan africa|the balkans|balkans|caucasus|scandinavia|
    the west|the gulf|gulf|arctic|pacific|atlantic|mediterranean""".replace("\n", "")
    .replace("    ", "")
    .split("|")
)


def _country_by_name(name: str, gazetteer: Gazetteer) -> str | None:
    bare = re.sub(r"\s*\(.*$", "", re.sub(r"^the\s+", "", name.strip(), flags=re.I))
    found = gazetteer.country(bare)
    if found is not None:
        return found.iso3
    return None


def _misspelt_country(name: str, gazetteer: Gazetteer) -> str | None:
    """'Afganistan', 'Ethopia': a place name the gazetteer lacks, one letter from exactly one
    country's name of seven letters or more (where one slip cannot make another
    country or a city)."""
    word = name.lower()
    if len(word) < 6 or not word.isalpha() or gazetteer.is_city_name(name, 0):
        return None
    found = {
        code
        for known, code in _long_country_names(gazetteer)
        if abs(len(known) - len(word)) <= 1 and _one_edit(word, known)
    }
    return found.pop() if len(found) == 1 else None


_LONG_NAMES: dict[int, list[tuple[str, str]]] = {}


def _long_country_names(gazetteer: Gazetteer) -> list[tuple[str, str]]:
    names = _LONG_NAMES.get(id(gazetteer))
    if names is None:
        names = [(k, v) for k, v in gazetteer.country_names.items() if len(k) >= 7 and k.isalpha()]
        _LONG_NAMES[id(gazetteer)] = names
    return names


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one inserted, deleted or replaced letter, or two swapped."""
    if a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


_DIRECTED = re.compile(
    r"(?:the )?(?:north|south|east|west|northern|southern|eastern|western|central|upper|lower|"
    r"north-?eastern|north-?western|south-?eastern|south-?western)\s+(.+)$",
    re.I,
)


def _entity_code(entity: EntityDraft, gazetteer: Gazetteer | None) -> str | None:
    name = entity.name
    if entity.kind in {"PERSON", "ORG", "NORP"} and entity.country is None and (known := known_actor(entity)):
        return known.code  # a dictionary's IGO/NGO/IMG; NORP: "the Sandinista government"
    if entity.kind in {"LOC", "GPE"} and name.lower() in _REGION_NAMES:
        return None  # a continent or region is no actor code
    if entity.kind == "NORP" and entity.country is None and gazetteer is not None:
        # "Bosnian Serbs": the people of the first word's country.
        for word in name.split():
            code = gazetteer.demonym(word)
            if code in gazetteer.countries:
                return code
    texts = [name, *(m.text for m in entity.mentions)]
    if entity.kind in {"ORG", "NORP", "FAC", "GPE"}:
        if any(_NGO.search(t) for t in texts):
            return "NGO"
        if (any(_IGO.search(t) for t in texts) and entity.kind != "GPE") or name in {
            "UN",
            "U.N.",
            "EU",
            "NATO",
        }:
            return "IGO"
    if entity.kind in {"GPE", "LOC"} and gazetteer is not None:
        # "South Lebanon", "western Cambodia": a country with a compass word is that country,
        # whatever small town of the same name the gazetteer knows.
        directed = _DIRECTED.match(name)
        whole = gazetteer.country(re.sub(r"^the\s+", "", name, flags=re.I))  # "South Sudan", "North Korea"
        if whole is None and directed and (found := gazetteer.country(directed.group(1))) is not None:
            return found.iso3
    country = entity.country
    if isinstance(entity.place, Country):
        country = entity.place.iso3
    elif isinstance(entity.place, City):
        country = entity.place.country
    if country is None and entity.kind in {"GPE", "NORP", "LOC", "ORG"} and gazetteer is not None:
        # "the Democratic People's Republic of Korea (DPRK)": the name without its article and acronym.
        country = _country_by_name(name, gazetteer)
        if country is not None:
            return country
    if country is None and entity.kind in {"GPE", "LOC"} and gazetteer is not None and " " not in name:
        country = _misspelt_country(name, gazetteer)
        if country is not None:
            return country
    if country is None and entity.kind == "ORG" and gazetteer is not None:
        # "Nigerian Union of Teachers", "United Bus Company of Tehran": the country it names.
        first = re.match(r"(?:the )?([A-Z][\w'-]+)", name)
        code = gazetteer.demonym(first.group(1)) if first else None
        if code in gazetteer.countries:
            return code
        tail = re.search(r"\bof ((?:[A-Z][\w'-]+ ?){1,3})$", name)
        if tail:
            place = gazetteer.country(tail.group(1).strip())
            city = gazetteer.lookup_city(tail.group(1).strip()) if place is None else None
            if place is not None or (city is not None and city.population >= 100_000):
                return place.iso3 if place is not None else city.country  # type: ignore[union-attr]
    if country is None and entity.kind in {"GPE", "LOC"} and gazetteer is not None:
        # "the Gaza Strip", "southern Serbia": a country named inside the place's name.
        words = name.split()
        if len(words) > 1 and words[-1].lower() in _GENERIC_PLACE_WORDS:
            found = gazetteer.country(" ".join(words[:-1]))
            if found is not None:
                return found.iso3
    if country and gazetteer is not None and country not in gazetteer.countries:
        return None  # "EUR" for "European" is a region, not an actor code
    return country


def _word_code(token: Any, gazetteer: Gazetteer | None) -> str | None:
    """A demonym or country written in a phrase the model tagged nothing in ('Syrian')."""
    if gazetteer is None or not token.text[:1].isupper():
        return None
    if _IGO.fullmatch(token.text):
        return "IGO"
    code = gazetteer.demonym(token.text)
    if code is None:
        country = gazetteer.country(token.text)
        code = country.iso3 if country else None
    if code is None and token.pos_ == "PROPN":
        code = _misspelt_country(token.text, gazetteer)  # "Ethopia has agreed"
    return code if code in gazetteer.countries else None


def _sector(head: Any, entity: EntityDraft | None, start: int, end: int, text: str) -> str | None:
    words = [head.lower_, *(c.lower_ for c in head.children if c.dep_ in {"amod", "compound"})]
    for word in words:
        if word in _SECTOR_WORDS:
            return _SECTOR_WORDS[word]
    if entity is not None and entity.sector:
        return {"MEDIA": "JRN", "POL": "PTY"}.get(entity.sector, entity.sector)
    for word in re.findall(r"[a-z]+", text[start:end].lower()):
        if word in _SECTOR_WORDS:
            return _SECTOR_WORDS[word]
    return None


def _participants(head: Any, article: _Article, actor_side: bool) -> list[ParticipantDraft]:
    """One participant per conjunct of the phrase headed by ``head`` (pronouns resolved)."""
    heads = [head, *head.conjuncts] if head.dep_ != "conj" else [head]
    out: list[ParticipantDraft] = []
    for item in heads:
        out.extend(_participant(item, article, actor_side))
    return out


# Heads that count or collect what their "of" phrase names: "scores of Liberian refugees".
_QUANTITY_HEADS = frozenset(
    "scores dozens hundreds thousands tens millions number group groups some many most few".split()
)


def _participant(head: Any, article: _Article, actor_side: bool) -> list[ParticipantDraft]:
    if not actor_side and head.lower_ in _REFLEXIVES:
        return []  # "killed 23 people as well as themselves": no one else
    return _counted(head, article, actor_side) or _participant_phrase(head, article, actor_side)


def _counted(head: Any, article: _Article, actor_side: bool) -> list[ParticipantDraft]:
    """'scores of Liberian refugees': the participants a counting head counts."""
    if head.lower_ in _QUANTITY_HEADS and head.pos_ in {"NOUN", "PRON", "ADJ", "NUM"}:
        counted = next(
            (_child(c, "pobj") for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None
        )
        if counted is not None and counted.pos_ in {"NOUN", "PROPN"}:
            found = _participants(counted, article, actor_side)
            whole = _phrase_bounds(head)
            # The phrase reads as written ("scores of ... refugees"); the codes are the counted's.
            if len(found) == 1:
                found[0].start, found[0].end = whole
            if any(f.code for f in found):
                return found
            if found and _is_person_word(counted):
                # "thousands of villagers" are villagers, coded by the whole phrase if at all
                # ("Tens of thousands of students throughout Indonesia").
                whole_phrase = _participant_phrase(head, article, actor_side)
                return whole_phrase if any(p.code for p in whole_phrase) else found
    return []


def _participant_phrase(head: Any, article: _Article, actor_side: bool) -> list[ParticipantDraft]:
    """The participants a phrase names: a pronoun's referent, the mentions inside it, or the
    phrase itself with the nationality it is written with."""
    if head.lower_ in {"they", "them", "their"} and article.plural_actors:
        # "They would meet": the parties of the last event with several actors.
        return [
            ParticipantDraft(head.idx, head.idx + len(head.text), a.entity, a.code, a.sector)
            for a in article.plural_actors
        ]
    if head.lower_ in _PRONOUNS or head.tag_ in {"PRP", "PRP$"}:
        resolved = _resolve_pronoun(head, article)
        if resolved is not None:
            return [resolved]
        if head.lower_ in _PRONOUNS:
            return [ParticipantDraft(head.idx, head.idx + len(head.text))]
        return []
    start, end = _phrase_bounds(head)
    inside = [m for m in article.mentions.within(start, end) if m[0] not in article.border_mentions]
    covering = article.mentions.covering(head.idx, head.idx + len(head.text))
    chosen: list[tuple[int, int, int]] = []
    located = sorted(
        (
            m
            for m in inside
            if m[0] > head.idx and article.entities[m[2]].kind in {"GPE", "LOC"} and article.codes[m[2]]
        ),
        # "chief of Israel's militia ally in southern Lebanon": where it is, before whose it is.
        key=lambda m: (not _IN_BEFORE.search(article.text[head.idx : m[0]]), m[0]),
    )
    # "China's embassy in Washington" is China's: whose it is, written before, comes first.
    owned = any(m[1] <= head.idx and article.codes[m[2]] for m in inside)
    if (
        located
        and (covering is None or article.entities[covering[2]].kind == "NORP")
        and head.pos_ != "PROPN"
        and not owned
    ) or (located and covering is not None and article.entities[covering[2]].kind == "NORP"):
        # "Albanians of southern Serbia", "Security forces in Guinea": coded where they are.
        chosen = [located[0]]
    elif covering is not None:
        chosen = [covering]
    elif inside:
        # "Hungarian and Romanian officials": several nationalities before the head are
        # several actors; otherwise the phrase's first coded mention speaks for it.
        before_head = [m for m in inside if m[1] <= head.idx and article.codes[m[2]]]
        codes = {article.codes[m[2]] for m in before_head}
        if len(codes) > 1 and head.pos_ != "PROPN":
            seen: set[str] = set()
            for mention in before_head:
                code = article.codes[mention[2]]
                if code not in seen:
                    seen.add(code)
                    chosen.append(mention)
        else:
            ranked = sorted(
                inside,
                key=lambda m: (
                    article.codes[m[2]] is None,
                    {"PERSON": 0, "ORG": 1, "NORP": 2}.get(article.entities[m[2]].kind, 3),
                    m[0],
                ),
            )
            chosen = ranked[:1]
    if not chosen:
        code = None
        for token in head.doc[head.left_edge.i : head.right_edge.i + 1]:
            if start <= token.idx < end and not _stance(article.text, token.idx, token.idx + len(token.text)):
                code = _word_code(token, article.gazetteer)
                if code:
                    break
        if code is None and head.pos_ == "PROPN" and _IGO.search(article.text[start:end]):
            code = "IGO"
        if code is None and _NGO.search(article.text[start:end]):
            code = "NGO"  # "a human rights group"
        if (
            code is None
            and not actor_side
            and not _is_person_word(head)
            and head.pos_ != "PROPN"
            and not _state_owned(head)
        ):
            return []
        sector = _sector(head, None, start, end, article.text)
        return [ParticipantDraft(start, end, None, code, sector)]
    out = []
    for mention in chosen:
        entity = article.entities[mention[2]]
        code = article.codes[mention[2]]
        if _IGO.search(article.text[start:end]) and entity.kind in {"ORG", "NORP"} and code is None:
            code = "IGO"
        span = (mention[0], mention[1]) if len(chosen) > 1 else (start, end)
        if code is None and entity.kind in {"PERSON", "ORG", "NORP"}:
            # "South African leader F.W. de Klerk", "Iraqi Kurds": the nationality written before.
            for other in inside:
                if other[1] <= mention[0] and article.codes[other[2]]:
                    code = article.codes[other[2]]
        title = article.text[start : mention[0]] if entity.kind == "PERSON" else ""
        appositive = article.text[mention[1] : end] if entity.kind in {"PERSON", "GPE"} else ""
        if code != "IGO" and _IGO.search(title + " " + appositive):
            # "U.N. Secretary-General Kofi Annan", "Oshima, the UN relief coordinator": the
            # office-holder acts for the organisation ("NATO-member Norway" is still Norway).
            code = "IGO"
        sector = _sector(head, entity, start, end, article.text)
        if code == "IGO" or code == "NGO":
            sector = sector if sector in {"MIL", "GOV"} else None
        out.append(ParticipantDraft(span[0], span[1], mention[2], code, sector))
    return out


def _resolve_pronoun(token: Any, article: _Article) -> ParticipantDraft | None:
    """he/she/it/they: the quote's resolved speaker, a governing clause's subject, or the last
    mention of a fitting kind."""
    start, end = token.idx, token.idx + len(token.text)
    if token.lower_ in _FIRST_PERSON:
        # "we" and "I" in a quote are its speaker; outside a quote, no one we can name.
        quote = _in_quote(token, article)
        speaker = article.quotes[quote].speaker_entity if quote is not None else None
        index = int(speaker[1:]) - 1 if speaker else -1
        return _entity_participant(start, end, index, article) if 0 <= index < len(article.entities) else None
    for quote in article.quotes:
        if quote.speaker == (start, end) and quote.speaker_entity:
            index = int(quote.speaker_entity[1:]) - 1
            if 0 <= index < len(article.entities):
                return _entity_participant(start, end, index, article)
    node = token
    uncoded: ParticipantDraft | None = None
    for _ in range(10):
        if node.head == node:
            break
        node = node.head
        subject = _child(node, "nsubj")
        if subject is not None and subject != token and subject.i < token.i and subject.tag_ not in {"PRP"}:
            found = _participant(subject, article, actor_side=True)
            if found and (found[0].code or found[0].entity is not None):
                resolved = found[0]
                return ParticipantDraft(start, end, resolved.entity, resolved.code, resolved.sector)
            if found and _is_people(found[0], article) and uncoded is None:
                # "The Umma party has said it will boycott ...": a group the text gives no
                # country; the sentence may (the rules for groups apply to the pronoun).
                resolved = found[0]
                referent = (resolved.start, resolved.end)
                uncoded = ParticipantDraft(start, end, sector=resolved.sector, referent=referent)
    want = _PRONOUNS.get(token.lower_, "GROUP")
    for mention in reversed(article.mentions.before(start)):
        entity = article.entities[mention[2]]
        # A demonym adjective ("Belarusian") is no referent; a people ("Palestinians") is.
        people = entity.kind == "NORP" and mention[1] - mention[0] > 1 and article.text[mention[1] - 1] == "s"
        if want == "PERSON":
            fits = entity.kind == "PERSON"
        elif want == "PLURAL":
            fits = people  # "they" is a people or a group, never a country ("it")
        else:
            fits = entity.kind in {"ORG", "GPE"} or people
        if fits and article.codes[mention[2]]:
            return _entity_participant(start, end, mention[2], article)
        if mention[0] < start - 600:
            break  # a pronoun refers back a paragraph or two, not across the article
    return uncoded


def _entity_participant(start: int, end: int, index: int, article: _Article) -> ParticipantDraft:
    entity = article.entities[index]
    sector = {"MEDIA": "JRN", "POL": "PTY"}.get(entity.sector or "", entity.sector)
    return ParticipantDraft(start, end, index, article.codes[index], sector)


_STATEMENT_NOUNS = frozenset(
    """declaration statement communique communiqué resolution letter appeal ultimatum decree message
    bill law legislation order measure""".split()
)


def _measure_targets(targets: list[Any], event_type: str) -> list[Any]:
    """A concession's 'on' names whom a measure was on ('lifted the ban on the FIS'), not what
    ('restrictions on the use of the Russian language')."""
    if event_type != "CONCEDE":
        return targets
    return [t for t in targets if t.pos_ == "PROPN" or _is_person_word(t) or t.lower_ in _GROUP_WORDS]


def _subject(verb: Any) -> tuple[Any, bool]:
    """The acting phrase's head, and whether it came from a passive 'by' agent."""
    subject = _child(verb, "nsubj", "csubj")
    if subject is not None:
        return subject, False
    agent = _child(verb, "agent")
    if agent is not None:
        pobj = _child(agent, "pobj")
        if pobj is not None:
            return pobj, True
    node = verb
    for _ in range(6):
        if node.dep_ in {"conj", "xcomp", "advcl", "acomp", "pcomp", "prep"} and node.head != node:
            node = node.head
            subject = _child(node, "nsubj")
            if subject is not None:
                return subject, False
        elif node.dep_ == "acl" and node.head.lemma_.lower() in _STATEMENT_NOUNS:
            # "The PKK issued a declaration demanding ...": who issued the statement demands.
            subject = _child(node.head.head, "nsubj") if node.head.head != node.head else None
            return (subject, False) if subject is not None else (None, False)
        elif node.dep_ == "relcl" or (node.dep_ == "acl" and node.tag_ in {"VBG", "VBD", "VBZ", "VBP"}):
            # "rebels fighting the army", "the group that attacked"; a finite verb read as a
            # modifier ("Palestinian youths resorted to ...") is the noun's predicate.
            return node.head, False
        else:
            break
    return None, False


def _owner(noun: Any, article: _Article) -> Any:
    """Whose is an abstract object: 'Haiti's efforts', 'a U.S. request', 'calls by Kofi Annan'."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ in {"amod", "compound", "nmod"} and (
            article.mentions.covering(child.idx, child.idx + len(child.text))
            or _word_code(child, article.gazetteer)
        ):
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in {"by", "from", "of"}:
            pobj = _child(child, "pobj")
            if pobj is not None and (child.lower_ != "of" or _noun_sense(pobj) is None):
                return pobj
    return None


def _prep_objects(token: Any, prepositions: frozenset[str]) -> list[Any]:
    out = []
    for child in token.children:
        if child.dep_ in {"prep", "dative"} and child.lower_ in prepositions:
            pobj = _child(child, "pobj")
            if pobj is not None:
                out.append(pobj)
        elif child.dep_ == "dative" and child.pos_ in {"PROPN", "NOUN", "PRON"}:
            out.append(child)
    return out


_GENERIC_PLACE_WORDS = frozenset("strip province region republic territory territories islands state".split())
_IN_BEFORE = re.compile(r"\bin\s+(?:the\s+)?(?:[a-z\-]+\s+)?$")
_PLACE_NOUNS = frozenset(
    "border frontier city town village region province capital area district port".split()
)


def _located_phrase(token: Any, article: _Article) -> tuple[int, int, int | None] | None:
    """Where an event happens: a place mention, or a place noun named by its country
    ('the Belarusian-Ukrainian border')."""
    place = _is_place(token, article)
    if place is not None:
        return place
    if token.lemma_.lower() in _PLACE_NOUNS:
        start, end = _phrase_bounds(token)
        if article.mentions.within(start, end):
            return start, end, None
    return None


def _is_place(token: Any, article: _Article) -> tuple[int, int, int] | None:
    """The place mention a phrase names, when the phrase is a place ('Chernobyl ... plant')."""
    start, end = _phrase_bounds(token)
    for mention in article.mentions.within(start, end):
        if article.entities[mention[2]].kind in {"GPE", "LOC", "FAC"}:
            return mention
    return None


# --- The sentence pass --------------------------------------------------------------------


def _sentence_events(sentence: Any, article: _Article) -> list[EventDraft]:
    candidates = _sentence_candidates(sentence, _trigger_words(sentence.doc.vocab))
    if not candidates:
        return []
    frames = {i: _frame(c, candidates) for i, c in candidates.items()}
    # Inner triggers fold into the trigger that governs them.
    for i, frame in frames.items():
        if frame.outer is not None and frame.outer in candidates:
            candidates[i].absorbed = True
    evidence = _trim(article.text, sentence.start_char, sentence.end_char)
    events: list[EventDraft] = []
    by_anchor: dict[int, EventDraft] = {}
    for i, candidate in sorted(candidates.items()):
        frame = frames[i]
        if candidate.absorbed or frame.comment:
            continue
        inner = [candidates[j] for j, f in frames.items() if f.outer == i and j != i]
        event = _build(candidate, inner, frame, article, evidence)
        if event is not None:
            events.append(event)
            by_anchor[candidate.anchor.i] = event
            if len(event.actors) > 1:
                article.plural_actors = event.actors
    # "He appreciated X's role ... and asked for Y": a conjunct with no recipient of its own
    # acts on its sibling's.
    for anchor, event in by_anchor.items():
        token = article.doc[anchor]
        if not event.recipients and token.dep_ == "conj" and token.head.i in by_anchor:
            sibling = by_anchor[token.head.i]
            event.recipients = list(sibling.recipients)
    return events


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _depth(token: Any) -> int:
    depth = 0
    while token.head != token and depth < 50:
        token = token.head
        depth += 1
    return depth


def _verb_participants(
    candidate: _Candidate, event_type: str, article: _Article
) -> tuple[list[ParticipantDraft], list[ParticipantDraft], _Location | None]:
    """Actors, recipients and location of a verb trigger: its subject, the objects it takes."""
    anchor = candidate.anchor
    actors: list[ParticipantDraft] = []
    recipients: list[ParticipantDraft] = []
    location: _Location | None = None
    prepositions = _RECIPIENT_PREPOSITIONS.get(event_type, frozenset())
    if anchor.lemma_.lower() in _RECIPROCAL_FIGHT:
        prepositions = prepositions | {"with"}
    subject, _ = _subject(anchor)
    if subject is not None:
        actors = _participants(subject, article, actor_side=True)
    passive_subject = _child(anchor, "nsubjpass")
    if passive_subject is not None and anchor.lemma_.lower() in _STATIVE_PASSIVES and not actors:
        # "Vietnam is committed to opening up", "Iraq is prepared to ...": a state the subject
        # is in, not something done to it.
        actors = _participants(passive_subject, article, actor_side=True)
        passive_subject = None
    obj = _child(anchor, "dobj", "obj")
    targets = [t for t in (passive_subject, obj) if t is not None]  # "X was attacked": X is acted on
    if obj is not None and obj != candidate.noun and not _is_person_word(obj):
        # "threatened action against Russia"
        targets.extend(_measure_targets(_prep_objects(obj, prepositions), event_type))
    if candidate.noun is not None and candidate.noun != anchor:
        # The event noun stays a target: it names no one itself, but its owner ("Haiti's
        # efforts"), agent ("a ban by General Aoun") or place ("a curfew in Algiers") may.
        for noun in _object_nouns(candidate.noun)[1:]:
            targets.extend(_prep_objects(noun, prepositions))
        noun_prepositions = prepositions | {"of"} if event_type in _OF_RECIPIENT_TYPES else prepositions
        targets.extend(_measure_targets(_prep_objects(candidate.noun, noun_prepositions), event_type))
        owner = _owner(candidate.noun, article)
        if owner is not None and candidate.noun.lemma_.lower() in _ABSTRACT_OBJECTS | {
            "demand",
            "demands",
        }:
            targets.append(owner)
    for target in targets:
        if event_type == "AID" and target == candidate.noun and _is_person_word(target):
            continue  # "send 2,000 peacekeepers to East Timor": the help, not whom it helps
        recipients.extend(_object_participants(target, event_type, article))
        if (
            location is None
            and event_type in HOSTILE | {"CONSULT", "AID", "MOBILIZE"}
            and not _is_person_word(target)
        ):
            # "attacked Kabul", "seized the Chernobyl plant"; not "killed three US servicemen".
            location = _is_place(target, article)
    for out in (c for c in anchor.children if c.dep_ in {"prep", "prt"} and c.lower_ == "out"):
        # "pulling its troops out of Chechnya": withdrawn from there.
        for pobj in _prep_objects(out, frozenset({"of"})):
            recipients.extend(_object_participants(pobj, event_type, article))
    if obj is not None and obj.lemma_.lower() in {"fire", "siege"}:
        prepositions = prepositions | {"to"}  # "set fire to the offices", "laid siege to the town"
    for pobj in _prep_objects(anchor, prepositions):
        place = _is_place(pobj, article)
        if pobj.head.lower_ == "in" and place is not None and event_type not in {"CONSULT"}:
            location = location or place
            if event_type in {"ASSAULT", "COERCE"} and not recipients:
                recipients.extend(_object_participants(pobj, event_type, article))
            continue
        recipients.extend(_object_participants(pobj, event_type, article))
    if obj is not None and obj.lemma_.lower() in _REFUGE_NOUNS and not recipients:
        # "sought refuge in Germany": asked of the country that shelters.
        for pobj in _prep_objects(anchor, frozenset({"in"})) + _prep_objects(obj, frozenset({"in"})):
            place = _is_place(pobj, article)
            if place is not None and article.codes[place[2]]:
                recipients.append(
                    ParticipantDraft(place[0], place[1], place[2], article.codes[place[2]], "GOV")
                )
                break
    if event_type in {"CONSULT", "AID"} and not recipients:
        # "arrived in Amman on a visit", "troops arrived in Bosnia": a visit is made to, and
        # aid brought to, the country it takes place in.
        actor_codes = {a.code for a in actors if a.code}
        for pobj in _prep_objects(anchor, frozenset({"in", "to"})):
            place = _is_place(pobj, article)
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


# "in defiance of Chinese authorities", "in protest at the ban", "in opposition to the plan".
_DEFIANCE_NOUNS = frozenset("defiance protest opposition retaliation response reaction".split())
# "to show their disapproval of ...", "to express anger at ...".
_DISAPPROVAL_NOUNS = frozenset(
    "disapproval anger opposition outrage displeasure discontent dissatisfaction protest rejection".split()
)
# Verbs whose object does what their infinitive says ("urged Israel to withdraw"): the object
# is that act's actor, not its recipient.
_OBJECT_CONTROL = frozenset(
    """urge ask order force persuade allow tell invite encourage call permit require compel help enable
    want expect instruct authorize authorise pressure press push""".split()
)


def _defied(anchor: Any, article: _Article) -> list[ParticipantDraft]:
    """'blocked streets in defiance of Chinese authorities', 'blocked a road to show their
    disapproval of U.S. policies': whom the act defies."""
    nouns = [p for p in _prep_objects(anchor, frozenset({"in"})) if p.lemma_.lower() in _DEFIANCE_NOUNS]
    for child in anchor.children:
        if child.dep_ in {"advcl", "xcomp"} and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in child.children
        ):
            nouns.extend(
                c for c in child.children if c.dep_ == "dobj" and c.lemma_.lower() in _DISAPPROVAL_NOUNS
            )
    for noun in nouns:
        for target in _prep_objects(noun, _DEFIED_PREPOSITIONS):
            found = [p for p in _participants(target, article, actor_side=False) if p.code]
            if not found:
                found = [p for p in _object_participants(target, "PROTEST", article) if p.code]
            if found:
                return found
    return []


_DEFIED_PREPOSITIONS = frozenset({"of", "at", "against", "to", "over", "for", "with"})


def _purpose_recipients(anchor: Any, event_type: str, article: _Article) -> list[ParticipantDraft]:
    """'summoned Niger's ambassador to complain', 'sent personnel to Bosnia to investigate': a
    purpose clause acts on its main verb's object, or where the main verb sent someone."""
    if anchor.dep_ not in {"xcomp", "advcl"} or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in anchor.children
    ):
        return []
    head = anchor.head
    if head.pos_ not in {"VERB", "AUX"} or head.lemma_.lower() in _OBJECT_CONTROL:
        return []
    found: list[ParticipantDraft] = []
    head_object = _child(head, "dobj")
    if head_object is not None:
        found = [p for p in _object_participants(head_object, event_type, article) if p.code]
    if not found:
        for pobj in _prep_objects(head, frozenset({"to"})):
            found.extend(p for p in _object_participants(pobj, event_type, article) if p.code)
    return found


# Verbs of mutual fighting take their opponent with "with": "clashed with police".
_RECIPROCAL_FIGHT = frozenset("clash fight battle skirmish scuffle spar brawl".split())
_REFUGE_NOUNS = frozenset("asylum refuge sanctuary shelter".split())
_TRANSFER_NOUNS = frozenset(
    """aid assistance help exports export imports sales sale arms weapons loans loan credits credit
    shipments shipment supplies deliveries delivery funding funds entry visas access""".split()
)
_COMPANY_NOUNS = frozenset(
    "help support assistance backing cooperation participation consent blessing".split()
)
_OWN_FORCES = re.compile(r"(?:his|her|its|their|our)\s", re.I)
_STATIVE_PASSIVES = frozenset("commit prepare determine resolve dedicate oblige poise set bind".split())


_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "xcomp", "conj", "parataxis", "csubj"})


def _aimed_against(anchor: Any, article: _Article) -> list[ParticipantDraft]:
    found: list[ParticipantDraft] = []
    stack = [(child, 1) for child in anchor.children if child.dep_ not in _CLAUSE_DEPS | {"nsubj"}]
    while stack:
        token, depth = stack.pop()
        if token.dep_ == "prep" and token.lower_ == "against":
            for pobj in (c for c in token.children if c.dep_ == "pobj"):
                found.extend(p for p in _participants(pobj, article, actor_side=False) if p.code)
        if depth < 4:
            stack.extend((c, depth + 1) for c in token.children if c.dep_ not in _CLAUSE_DEPS)
    return found


def _condition_subjects(anchor: Any, article: _Article) -> list[ParticipantDraft]:
    """The subjects of the "if"/"unless" clauses under ``anchor`` (or its complement)."""
    found: list[ParticipantDraft] = []
    for token in anchor.subtree:
        marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
        if token.dep_ != "advcl" or not marks & {"if", "unless"}:
            continue
        subject = _child(token, "nsubj", "nsubjpass")
        if subject is not None:
            found.extend(p for p in _participants(subject, article, actor_side=False) if p.code)
    return found


def _noun_participants(
    candidate: _Candidate, frame: _Frame, event_type: str, article: _Article
) -> tuple[list[ParticipantDraft], list[ParticipantDraft], _Location | None] | None:
    """Actors, recipients and location of an event noun; None when the noun names no one."""
    noun = candidate.anchor
    recipients: list[ParticipantDraft] = []
    location: _Location | None = None
    prepositions = _RECIPIENT_PREPOSITIONS.get(event_type, frozenset())
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
            actors = _participants(subject, article, actor_side=True)
    noun_prepositions = prepositions | ({"of"} if event_type in _OF_RECIPIENT_TYPES else frozenset())
    for pobj in _prep_objects(noun, noun_prepositions):
        recipients.extend(_object_participants(pobj, event_type, article))
        if event_type == "CONSULT" and pobj.head.lower_ == "to":
            location = location or _is_place(pobj, article)
    verb = noun.head
    light = verb is not noun and noun.dep_ in {"nsubjpass", "nsubj"} and verb.pos_ in {"VERB", "AUX"}
    if frame.resisted_by is not None:
        recipients.extend(_participants(frame.resisted_by, article, actor_side=False))
    if not actors and not recipients and not light:
        return None  # a bare noun ("the issue of evacuation") names no event
    if light:
        for pobj in _prep_objects(verb, _LOCATIVE):
            location = location or _located_phrase(pobj, article)
    return actors, recipients, location


def _plover_reading(
    candidate: _Candidate, inner: list[_Candidate], frame: _Frame, article: _Article
) -> tuple[str, str | None, str, Any]:
    """The event's type, mode and status, read the PLOVER way: a promised cooperative act is
    AGREE, a promised or conditional hostile one THREATEN, a refused promise REJECT. Returns
    the verb the status was read from as well."""
    anchor = candidate.anchor
    is_verb = anchor.pos_ in {"VERB", "AUX"}
    lemma = anchor.lemma_.lower()
    event_type, mode = candidate.sense.type, candidate.sense.mode
    reported = frame.reported is not None or _in_quote(anchor, article) is not None
    status_verb = anchor if is_verb else (anchor.head if anchor.head != anchor else anchor)
    status = _modal_status(status_verb, reported) or "asserted"
    if frame.intent is not None and status == "asserted":
        status = _modal_status(frame.intent, reported) or status
    negated = _negated(status_verb) or (frame.intent is not None and _negated(frame.intent))
    promised = status == "future" or frame.intent is not None
    if event_type == "AGREE" and inner and promised and negated:
        event_type, mode, negated = "REJECT", None, False  # "will not accept any more refugees"
    elif event_type == "AGREE" and inner:
        pass  # "agreed to lift embargoes": the agreement is the event
    elif lemma == "threaten":
        event_type = "THREATEN"
    elif event_type in {"REQUEST", "REJECT", "ACCUSE"} and lemma in VERBS:
        pass  # "will demand", "would reject": still the demand or the refusal
    elif promised and event_type in COOPERATIVE and _has_condition(status_verb, _UNLESS):
        # A promise on a negative condition is a threat; "if he gave them a veto" is an offer.
        event_type, mode = "THREATEN", None
    elif promised and event_type in COOPERATIVE and negated:
        event_type, mode = "REJECT", None
        negated = False
    elif promised and event_type in COOPERATIVE and event_type != "AGREE":
        event_type, mode = "AGREE", None
    elif (
        promised or (status == "hypothetical" and _has_condition(status_verb, _IF))
    ) and event_type in HOSTILE:
        mode = {"ASSAULT": "violence", "SANCTION": "relations", "COERCE": "restrict"}.get(event_type)
        event_type = "THREATEN"
        status = "future"
    if promised and status == "asserted" and event_type in {"AGREE", "THREATEN"} and frame.intent is None:
        status = "future"
    if negated and status == "asserted":
        status = "negated"
    if status == "asserted" and _historical(anchor, status_verb, article):
        status = "historical"
    return event_type, mode, status, status_verb


def _settle_codes(
    actors: list[ParticipantDraft],
    recipients: list[ParticipantDraft],
    location: _Location | None,
    event_type: str,
    article: _Article,
    evidence: tuple[int, int],
    scope: tuple[int, int],
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
    actor_fallback = _sentence_country(article, scope, recipient_codes)
    for actor in actors:
        # Only a named office-holder or a people: "member states" of no stated country stay unknown.
        if actor.code is None and actor_fallback and _is_person_or_people(actor, article):
            actor.code = actor_fallback
        elif actor.code is None and (
            _is_person_or_people(actor, article)
            or (actor.entity is None and _is_people(actor, article))
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
            if len(internal) == 1 and len(recipient_codes) == 1 and internal == recipient_codes:
                actor.code = next(iter(internal))
            elif actor.entity is None or article.entities[actor.entity].kind == "NORP":
                # "people blocked streets in Hong Kong": people of no stated country are of
                # the place they act in.
                actor.code = _acting_in(article, scope)
    actor_codes = {a.code for a in actors if a.code}
    # An actor is not its own recipient; but one nationality's groups may act against each
    # other ("Palestinian police confiscated weapons from Palestinian armed groups").
    recipients = _dedupe(
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
        elif recipient.code is None and domestic and _may_take_country(recipient, article):
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
    if not recipients and event_type in _DOMESTIC_BY_DEFAULT and len(actor_codes) == 1:
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


# Event types whose unnamed recipient is the actor's own country, with its sector when known.
_DOMESTIC_BY_DEFAULT: dict[str, str | None] = {"PROTEST": "GOV", "CONCEDE": None}


def _build(
    candidate: _Candidate,
    inner: list[_Candidate],
    frame: _Frame,
    article: _Article,
    evidence: tuple[int, int],
) -> EventDraft | None:
    """One event from a trigger, the triggers folded into it and its frame; None when no one
    takes part in it."""
    anchor = candidate.anchor
    sense = candidate.sense
    event_type, context = sense.type, sense.context
    is_verb = anchor.pos_ in {"VERB", "AUX"}

    # Participants.
    if is_verb:
        actors, recipients, location = _verb_participants(candidate, event_type, article)
    else:
        found = _noun_participants(candidate, frame, event_type, article)
        if found is None:
            return None  # a bare noun ("the issue of evacuation") names no event
        actors, recipients, location = found

    # A promise, threat, request or refusal acts on whom its complement acts on.
    if is_verb and not recipients:
        recipients = _complement_recipients(anchor, event_type, article)
    if not recipients and event_type in {"REQUEST", "REJECT"}:
        # "its demand that Israel ease restrictions": asked of whoever must act.
        for item in inner:
            subject = (
                _child(item.anchor, "nsubj", "nsubjpass") if item.anchor.pos_ in {"VERB", "AUX"} else None
            )
            if subject is not None and subject.tag_ != "PRP":
                recipients = _participants(subject, article, actor_side=False)
                break
    # "opened fire to disperse demonstrators": the folded-in act's recipients are this one's.
    for item in inner:
        if recipients or item.anchor.pos_ not in {"VERB", "AUX"}:
            break
        inner_prepositions = _RECIPIENT_PREPOSITIONS.get(item.sense.type, frozenset())
        inner_object = _child(item.anchor, "dobj", "obj")
        targets = [inner_object] if inner_object is not None and inner_object != item.noun else []
        targets.extend(_prep_objects(item.anchor, inner_prepositions))
        for target in targets:
            recipients.extend(_object_participants(target, item.sense.type, article))

    if event_type == "RETREAT" or any(item.sense.type == "RETREAT" for item in inner):
        # "agreed to withdraw his troops from Kosovo": one's own forces are the means.
        recipients = [
            r
            for r in recipients
            if not (r.sector in {"MIL", "COP"} and _OWN_FORCES.match(article.text, r.start))
        ]
    event_type, mode, status, status_verb = _plover_reading(candidate, inner, frame, article)

    # Mode from the words around the trigger, where the type has modes.
    words = article.text[evidence[0] : evidence[1]]
    for pattern, mode_type, word_mode in _MODES_BY_WORD:
        if mode_type == event_type and mode is None and pattern.search(words):
            mode = word_mode
            break
    contexts = [context] if context else []
    for pattern, name in _CONTEXTS:
        if name not in contexts and pattern.search(words):
            contexts.append(name)

    scope = _clause_scope(anchor, actors, evidence) if is_verb else evidence
    actors, recipients = _settle_codes(actors, recipients, location, event_type, article, evidence, scope)

    if location is None:
        for pobj in _prep_objects(anchor, _LOCATIVE):
            place = _located_phrase(pobj, article)
            if place is not None and not any(r.start <= place[0] < r.end for r in recipients):
                location = place
                break

    if (
        event_type == "ASSAULT"
        and anchor.lemma_.lower() in {"kill", "die"}
        and _ACCIDENT_WORDS.search(article.text, evidence[0], evidence[1])
        and not _ATTACK_WORDS.search(article.text, evidence[0], evidence[1])
    ):
        return None  # "killed in a helicopter crash": an accident, not an assault
    if (
        event_type == "ASSAULT"
        and not any(a.code or _is_people(a, article) or a.entity is not None for a in actors)
        and _ATTACK_WORDS.search(article.text, evidence[0], evidence[1])
    ):
        # "Three soldiers were killed by a roadside bomb outside Basra": unidentified attackers
        # are coded to where they struck (PLOVER's unidentified armed forces, sector UAF); no
        # words name them, so the span is empty, at the evidence.
        where = location[2] if location is not None and location[2] is not None else None
        code = article.codes[where] if where is not None else _acting_in(article, scope)
        if code and code not in GROUP_CODES:
            actors = [ParticipantDraft(evidence[0], evidence[0], None, code, "UAF")]

    if anchor.lemma_.lower() in _WITHHOLD_VERBS and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in _SPEECH_LEMMAS for c in anchor.children
    ):
        return None  # "declined to comment": no rejection of anything
    if not any(_is_political(p, article) or _is_people(p, article) for p in actors + recipients):
        # No political actor: no one doing anything to anyone ("Dozens were killed", "corals
        # expel the algae"), or a product, a company or a pronoun we cannot place.
        return None
    words_span = sorted(candidate.words, key=lambda t: t.i)
    if words_span[-1].i - words_span[0].i > 4:
        # "negotiations ... would be held", "provide 25,000 tons of food aid": the noun says it.
        words_span = [candidate.words[-1]]
    trigger = (words_span[0].idx, words_span[-1].idx + len(words_span[-1].text))
    # Precision first (docs/confidence.md): an actor we cannot code leaves the event below the
    # default threshold; a coded recipient and a verb trigger add certainty.
    coded_actor = any(a.code for a in actors)
    coded_recipient = any(r.code for r in recipients)
    confidence = 0.1 + (0.3 if coded_actor else 0) + (0.2 if coded_recipient else 0)
    confidence += (0.1 if is_verb else 0) + (0.1 if coded_actor and coded_recipient else 0)
    event = EventDraft(
        type=event_type,
        trigger=trigger,
        evidence=evidence,
        mode=mode,
        context=contexts,
        actors=_dedupe(actors),
        recipients=recipients,
        location=(location[0], location[1]) if location else None,
        location_entity=location[2] if location else None,
        time=_time_of(anchor, status_verb, article),
        status=status,
        quote=_in_quote(anchor, article),
        confidence=round(min(confidence, 0.95), 2),
        cameo=cameo_code(event_type, mode),
        depth=_depth(anchor if is_verb else status_verb) + (0 if is_verb else 1),
        lemma=anchor.lemma_.lower() if candidate.noun is None else candidate.noun.lemma_.lower(),
    )
    return event


def _noun_actors(
    noun: Any, event_type: str, article: _Article
) -> tuple[list[ParticipantDraft], list[ParticipantDraft]]:
    """Who does what an event noun names ('Russian shelling', 'his visit', 'talks between X
    and Y', 'raids by X'), and a place it names ('his Russia visit': where he went)."""
    actors: list[ParticipantDraft] = []
    places: list[ParticipantDraft] = []
    for child in noun.children:
        if child.dep_ == "poss":
            actors.extend(_participants(child, article, actor_side=True))
        elif child.dep_ in {"amod", "compound", "nmod"}:
            mention = article.mentions.covering(child.idx, child.idx + len(child.text))
            if mention is not None and article.entities[mention[2]].kind in {"GPE", "LOC", "FAC"}:
                if event_type == "CONSULT":
                    places.extend(_participant(child, article, actor_side=False))
                continue  # a place is where, never who
            if mention is not None or _word_code(child, article.gazetteer):
                actors.extend(_participant(child, article, actor_side=True))
        elif child.dep_ == "prep" and child.lower_ in {"by", "between", "among"}:
            pobj = _child(child, "pobj")
            if pobj is not None:
                actors.extend(_participants(pobj, article, actor_side=True))
    return actors, places


def _object_participants(target: Any, event_type: str, article: _Article) -> list[ParticipantDraft]:
    """The recipients an object names: itself when it is someone (or a place attacked), its
    owner when it is an abstract thing ('Haiti's efforts'), else no one."""
    lemma = target.lemma_.lower()
    if target.tag_ in {"PRP"} and target.lower_ in {"themselves", "itself", "himself", "herself"}:
        return []
    if target.head.lower_ == "with" and lemma in _COMPANY_NOUNS:
        return []  # "with Albania's help": who helps, not who is acted on
    if lemma in _TRANSFER_NOUNS:
        # "prohibit all aid to Albanian rebels", "lift embargoes on sales to Iran": a transfer
        # is done to whom it goes.
        found = [
            p
            for t in _prep_objects(target, frozenset({"to", "for"}))
            for p in _object_participants(t, event_type, article)
            if p.code
        ]
        if found:
            return found
    if target.pos_ == "NOUN" and not _is_person_word(target) and lemma not in _GROUP_WORDS:
        # "demanded an admission by Moscow", "violated a ban by General Aoun": a thing done by
        # someone stands for them.
        for agent in _prep_objects(target, frozenset({"by"})):
            found = [
                p for p in _participants(agent, article, actor_side=False) if p.code or p.entity is not None
            ]
            if found:
                return found
    if lemma in _ABSTRACT_OBJECTS or (_noun_sense(target) is not None and target.pos_ == "NOUN"):
        owner = _owner(target, article)
        if owner is not None:
            return _participants(owner, article, actor_side=False)
        # "the nightly curfew imposed in Sudan": a measure acts on the people where it applies.
        for token in target.subtree:
            if token.dep_ == "pobj" and token.head.lower_ == "in" and (place := _is_place(token, article)):
                code = article.codes[place[2]]
                return [ParticipantDraft(place[0], place[1], place[2], code, "CVL")] if code else []
        return []
    if target.dep_ != "conj" and target.conjuncts:
        # "aid for Romania and Poland": every conjunct is a recipient.
        return _dedupe(
            [p for t in [target, *target.conjuncts] for p in _object_participant(t, event_type, article)]
        )
    return _object_participant(target, event_type, article)


def _object_participant(target: Any, event_type: str, article: _Article) -> list[ParticipantDraft]:
    place = _is_place(target, article)
    covering = article.mentions.covering(target.idx, target.idx + len(target.text))
    if place is not None and target.pos_ == "PROPN" and (covering is None or covering[2] == place[2]):
        # A place done something to stands for its country (and people), not for itself.
        sector = "CVL" if event_type in HOSTILE else None
        return [ParticipantDraft(*_phrase_bounds(target), place[2], article.codes[place[2]], sector)]
    found = _participants(target, article, actor_side=False)
    people = _is_person_word(target) or (
        target.lower_ in _QUANTITY_HEADS and any(_is_person_word(t) for t in target.subtree)
    )  # "evacuated thousands of villagers"
    return [p for p in found if p.code or p.entity is not None or people or _state_owned(target)]


def _state_owned(noun: Any) -> bool:
    """'a government transport plane', 'an army convoy': a state body's vehicle, post or
    building, which stands for that body."""
    return noun.lemma_.lower() in _STATE_THINGS and any(
        c.dep_ in {"amod", "compound"} and _SECTOR_WORDS.get(c.lower_) in {"GOV", "MIL", "COP"}
        for c in noun.children
    )


_STATE_THINGS = frozenset(
    """plane aircraft jet helicopter convoy vehicle truck tank ship vessel boat post outpost station
    checkpoint base barracks camp building office headquarters installation facility position
    patrol""".split()
)


_GROUP_WORDS = frozenset(
    """group groups campaigners organisation organization organisations organizations company companies
    council committee lawmakers legislators agency movement faction factions coalition alliance party
    parties front
    country countries nation nations members leader leaders officials authorities ministry""".split()
)


def _is_people(participant: ParticipantDraft, article: _Article) -> bool:
    """People and their bodies, by the words of the phrase ('protesters', 'the government')."""
    start, end = participant.referent or (participant.start, participant.end)
    words = set(re.findall(r"[a-z]+", article.text[start:end].lower()))
    return bool(words & (_PERSON_WORDS | _GROUP_WORDS | _SECTOR_WORDS.keys()))


def _is_political(participant: ParticipantDraft, article: _Article) -> bool:
    """A participant PLOVER can code: a country or organisation code, a named office-holder,
    or a people; else people and their bodies in a sentence that names a country."""
    if participant.code:
        return True
    if participant.entity is not None:
        entity = article.entities[participant.entity]
        if entity.kind == "NORP" or (entity.kind == "PERSON" and entity.role is not None):
            return True
        # A government body, army, court, party or newspaper (the organisation's sector says).
        if entity.kind == "ORG" and entity.sector in {"GOV", "MIL", "JUD", "POL", "MEDIA"}:
            return True
    return False


_DIPLOMATS = re.compile(
    r"\b(?:diplomats?|ambassadors?|envoys?|embass(?:y|ies)|consul\w*|attach[eé]s?)\b", re.I
)
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD"})


def _is_group_or_place(participant: ParticipantDraft, article: _Article) -> bool:
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


def _is_person_or_people(participant: ParticipantDraft, article: _Article) -> bool:
    """A titled office-holder or a people: an actor that may take the sentence's country (a
    named group, "Hezbollah guerrillas", may act across a border)."""
    if participant.entity is None:
        return False
    entity = article.entities[participant.entity]
    return entity.kind == "NORP" or (entity.kind == "PERSON" and entity.role is not None)


def _may_take_country(participant: ParticipantDraft, article: _Article) -> bool:
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
    return bool(words & (_PERSON_WORDS | _GROUP_WORDS | _SECTOR_WORDS.keys()))


def _complement_recipients(verb: Any, event_type: str, article: _Article) -> list[ParticipantDraft]:
    """'threatened to cut off electricity to Nakhichevan', 'demanded that Hamas renounce ...',
    'called for sanctions against Nigeria': the recipients inside the complement."""
    lemma = verb.lemma_.lower()
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
                targets = _prep_objects(pobj, frozenset({"against", "on", "from", "to", "with"}))
                out = [p for t in targets for p in _object_participants(t, event_type, article)]
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
                out.extend(_participants(subject, article, actor_side=False))
                continue
            targets = [t for t in (_child(clause, "dobj", "obj"),) if t is not None]
            targets.extend(
                _prep_objects(
                    clause, frozenset({"to", "with", "against", "on", "from", "for", "into", "between"})
                )
            )
            obj = _child(clause, "dobj", "obj")
            if obj is not None:
                targets.extend(_prep_objects(obj, frozenset({"to", "against", "on", "with", "for", "from"})))
            for target in targets:
                out.extend(_object_participants(target, event_type, article))
        if out:
            break
    return out


def _is_bare_place(participant: ParticipantDraft, article: _Article) -> bool:
    if participant.entity is None:
        return False
    entity = article.entities[participant.entity]
    return entity.kind in {"LOC", "FAC"}


def _is_capital(participant: ParticipantDraft, article: _Article) -> bool:
    return participant.entity is not None and article.entities[participant.entity].kind == "GPE"


def _dedupe(participants: list[ParticipantDraft]) -> list[ParticipantDraft]:
    seen: set[tuple[int, int, int | None, str | None]] = set()
    out = []
    for item in participants:
        key = (item.start, item.end, item.entity, item.code)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _clause_scope(verb: Any, actors: list[ParticipantDraft], evidence: tuple[int, int]) -> tuple[int, int]:
    """The characters of the event's own clause and its actors: '..., a member of the Chadian
    team said' reports the event and names no one taking part in it."""
    start = min([verb.left_edge.idx, *(a.start for a in actors if a.end > a.start)])
    last = verb.right_edge
    end = max([last.idx + len(last.text), *(a.end for a in actors)])
    for child in verb.children:
        # "... if war starts in Iraq", "..., a U.N. spokesman said": a condition or a report
        # at the clause's edge names no one taking part.
        condition = child.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _IF for c in child.children
        )
        report = child.dep_ in {"ccomp", "parataxis", "advcl"} and child.lemma_.lower() in _REPORT_VERBS
        if not (condition or report):
            continue
        if child.i > verb.i and child.right_edge.i >= last.i:
            end = min(end, child.left_edge.idx)
        elif child.i < verb.i and child.left_edge.idx <= start:
            first_after = child.right_edge.i + 1
            if first_after < len(verb.doc):
                start = max(start, verb.doc[first_after].idx)
    root = verb.sent.root
    if root.i > verb.i and root.lemma_.lower() in _REPORT_VERBS and verb in root.subtree:
        # "X accused Y of Z, a member of the Chadian team ... has said": whatever the parse
        # makes of the reporting tail, the event's clause ends at the comma before it.
        commas = [t for t in verb.doc[verb.i : root.i] if t.text == "," and t.idx > verb.idx]
        if commas:
            end = min(end, commas[-1].idx)
    return max(start, evidence[0]), min(end, evidence[1])


_REPORT_VERBS = frozenset("say tell report add claim quote announce confirm state".split())


# Words of an attack (not an accident or a hunt): only then are unnamed killers attackers.
_ATTACK_WORDS = re.compile(
    r"\b(?:bomb\w*|explosi\w+|IEDs?|shell(?:ed|ing|s)?|rockets?|missiles?|mortars?|grenades?|gunm[ae]n|"
    r"gunfire|shot|shooting|attack\w*|ambush\w*|air ?strikes?|air raids?|suicide|stabb\w+|assassinat\w+|"
    r"militants?|insurgents?|rebels?|clash\w*|massacre\w*)\b",
    re.I,
)
_ACCIDENT_WORDS = re.compile(
    r"\b(?:crash\w*|accident\w*|collision|collided|derail\w*|capsiz\w+|earthquake|flood\w*|storm|"
    r"landslide|avalanche|wildfire|disease|virus|plague|overdose)\b",
    re.I,
)
# "in Hong Kong", "outside of the Iraqi city of Basra", "near the town of X".
_WHERE_BEFORE = re.compile(
    r"\b(?:in|at|near|outside(?: of)?|inside|across)\s+(?:the\s+)?(?:[a-z\-]+\s+){0,2}"
    r"(?:(?:city|town|village|region|province|capital|district) of\s+)?$"
)


def _acting_in(article: _Article, scope: tuple[int, int]) -> str | None:
    """The country of the first place the clause says something happens in ('in Hong Kong')."""
    found = _acting_in_mention(article, scope)
    return article.codes[found[2]] if found is not None else None


def _acting_in_mention(article: _Article, scope: tuple[int, int]) -> tuple[int, int, int] | None:
    for mention in article.mentions.within(*scope):
        code = article.codes[mention[2]]
        if (
            code
            and code not in GROUP_CODES
            and _WHERE_BEFORE.search(article.text, max(0, mention[0] - 40), mention[0])
        ):
            return mention
    return None


def _sentence_codes(article: _Article, evidence: tuple[int, int]) -> set[str]:
    return {
        code
        for m in article.mentions.within(*evidence)
        if (code := article.codes[m[2]]) and code not in GROUP_CODES and m[0] not in article.border_mentions
    }


def _sentence_country(article: _Article, evidence: tuple[int, int], exclude: set[str]) -> str | None:
    """The one country a sentence names besides the actor's: whose a bare recipient is."""
    codes = _sentence_codes(article, evidence) - exclude
    return codes.pop() if len(codes) == 1 else None


def _in_quote(token: Any, article: _Article) -> int | None:
    for index, quote in enumerate(article.quotes):
        start, end = quote.content
        if start <= token.idx < end:
            return index
    return None


def _historical(anchor: Any, verb: Any, article: _Article) -> bool:
    if any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children) and verb.tag_ == "VBN":
        return True
    if anchor.pos_ in {"NOUN", "PROPN"}:
        if any(c.lower_ in _HISTORICAL_MODIFIERS for c in anchor.children if c.dep_ == "amod"):
            return True
        head = anchor.head
        if anchor.dep_ == "pobj" and head.lower_ in {"during", "after", "since", "following"}:
            return head.head.tag_ in {"VBD", "VBN"}
    return False


def _time_of(anchor: Any, verb: Any, article: _Article) -> int | None:
    """The time expression inside the trigger's own clause, if any."""
    root = verb if anchor.pos_ not in {"VERB", "AUX"} else anchor
    start = root.left_edge.idx
    last = root.right_edge
    end = last.idx + len(last.text)
    best = None
    for index, time in enumerate(article.times):
        if start <= time.start and time.end <= end:
            distance = abs(time.start - anchor.idx)
            if best is None or distance < best[0]:
                best = (distance, index)
    return best[1] if best else None


def _inherit_recipients(events: list[EventDraft]) -> None:
    """'Russia launched its invasion': an act with no recipient, by the same actor as an earlier
    act of the same type, continues it — and so has its recipients."""
    for position, event in enumerate(events):
        if event.recipients or not event.actors or event.type not in {"ASSAULT", "COERCE", "SANCTION"}:
            continue
        codes = {a.code for a in event.actors if a.code}
        for earlier in reversed(events[:position]):
            if earlier.type == event.type and earlier.recipients and codes & {a.code for a in earlier.actors}:
                event.recipients = [
                    ParticipantDraft(r.start, r.end, r.entity, r.code, r.sector) for r in earlier.recipients
                ]
                break


# --- Into the record -----------------------------------------------------------------------


def to_events(
    record: Record,
    article: ArticleText,
    drafts: list[EventDraft],
    times: list[TimeDraft],
    quote_index: dict[int, int],
    min_confidence: float = 0.0,
) -> list[Event]:
    """The drafts as record events: Doc offsets mapped to ``record.text``, entity and place ids
    and the quote index resolved; events whose evidence falls outside the article, or whose
    confidence is below ``min_confidence``, dropped."""
    entity_ids = {entity.id for entity in record.entities}
    place_of_entity = {place.entity_id: place.id for place in record.places if place.entity_id}
    published = record.published
    events: list[Event] = []
    for draft in drafts:
        evidence = article.span(record, *draft.evidence)
        trigger = article.span(record, *draft.trigger)
        if evidence is None or trigger is None or draft.confidence < min_confidence:
            continue

        def participants(items: list[ParticipantDraft]) -> list[Participant]:
            out = []
            for item in items:
                span = article.span(record, item.start, item.end)
                if span is None:
                    continue
                entity_id = f"e{item.entity + 1}" if item.entity is not None else None
                entity_id = entity_id if entity_id in entity_ids else None
                country = item.code if item.code not in GROUP_CODES else None
                out.append(
                    Participant(
                        span=span, entity_id=entity_id, code=item.code, country=country, sector=item.sector
                    )
                )
            return out

        location = article.span(record, *draft.location) if draft.location else None
        entity_id = f"e{draft.location_entity + 1}" if draft.location_entity is not None else None
        when: TimeExpr | None = None
        if draft.time is not None:
            time = times[draft.time]
            mapped = article.to_record(time.start, time.end)
            if mapped is not None:
                when = TimeExpr.of(
                    record.text, *mapped, value=time.value, precision=time.precision, basis=time.basis,
                    reason=time.reason,
                )  # fmt: skip
        if when is None and published is not None and draft.status in {"asserted", "negated"}:
            # No date in the sentence: the news reports the day's events (an empty span where
            # the trigger starts says the date is not written).
            when = TimeExpr.of(
                record.text, trigger.start, trigger.start, value=published.date, precision="day",
                basis="publication",
            )  # fmt: skip
        events.append(
            Event(
                type=draft.type,
                mode=draft.mode,
                context=draft.context,
                trigger=trigger,
                actors=participants(draft.actors),
                recipients=participants(draft.recipients),
                location=location,
                place_id=place_of_entity.get(entity_id) if entity_id else None,
                date=when,
                status=draft.status,  # type: ignore[arg-type]
                attributed_to=quote_index.get(draft.quote) if draft.quote is not None else None,
                evidence=evidence,
                confidence=draft.confidence,
                cameo=draft.cameo,
            )
        )
    return events


def to_plover(record: Record) -> list[dict[str, Any]]:
    """The record's events as PLOVER-standard event records (the JSON of the PLOVER gold
    standard: id, date, source/target actor lists, event, mode, context, text, eventText)."""
    out: list[dict[str, Any]] = []
    names = {entity.id: entity.name for entity in record.entities}
    for number, event in enumerate(record.events, 1):
        item: dict[str, Any] = {
            "id": f"{record.id}-{number:03d}",
            "date": (event.date.value if event.date and event.date.value else None)
            or (record.published.date if record.published else None),
            "source": [_plover_actor(p, names) for p in event.actors],
            "target": [_plover_actor(p, names) for p in event.recipients],
            "event": event.type,
            "mode": event.mode or "",
            "context": ", ".join(event.context),
            "eventText": event.trigger.text if event.trigger else "",
            "text": event.evidence.text,
            "status": event.status,
            "cameo_code": event.cameo,
            "confidence": event.confidence,
            "language": (record.language or "en")[:2],
            "coder": "newsmill",
        }
        if event.location is not None:
            item["eventLoc"] = event.location.text
        if record.url or record.source:
            item["publication"] = record.url or record.source
        out.append(item)
    return out


def _plover_actor(participant: Participant, names: dict[str, str]) -> dict[str, Any]:
    text = participant.span.text
    if text.lower() in _PRONOUNS and participant.entity_id in names:
        text = names[participant.entity_id]  # "He" → "Shah Mahmood Qureshi"
    actor: dict[str, Any] = {"actorText": text, "code": participant.code or ""}
    if participant.sector:
        actor["sector"] = participant.sector
    return actor
