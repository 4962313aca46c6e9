"""The article pass: triggers sentence by sentence, each folded into its frame and built into an
event (participants, PLOVER reading, mode, context, codes, location, time, confidence)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from newsmill.analyze.actors import GROUP_CODES
from newsmill.analyze.dictionaries import plover_of
from newsmill.analyze.dictionaries.patterns import cameo_code as verb_code
from newsmill.analyze.entities import EntityDraft
from newsmill.analyze.events.article import Article, in_quote
from newsmill.analyze.events.drafts import (
    Candidate,
    EventDraft,
    Frame,
    ParticipantDraft,
    after_dateline,
    closed_brackets,
    dedupe,
)
from newsmill.analyze.events.frames import IF, _frame, plover_reading, time_of
from newsmill.analyze.events.gate import (
    ADDRESSED_TYPES,
    ATTACK_WORDS,
    DEALINGS,
    PHYSICAL_WORDS,
    a_body_in_session,
    a_business,
    a_dispute,
    a_hazard_emergency,
    a_meeting,
    addressed_recipient,
    antecedent,
    backs_as_a_person,
    is_social_actor,
    kills_a_document,
    reports_a_score,
    wins_a_vote,
)
from newsmill.analyze.events.participants import (
    LOCATIVE,
    RECIPIENT_PREPOSITIONS,
    complement_recipients,
    noun_participants,
    verb_participants,
)
from newsmill.analyze.events.phrases import located_phrase, object_participants, participants, prep_objects
from newsmill.analyze.events.settle import acting_in, is_people, is_political, settle_codes
from newsmill.analyze.events.triggers import _child, sentence_candidates, trigger_words
from newsmill.analyze.gazetteer import Gazetteer
from newsmill.analyze.plover import HOSTILE, cameo_code
from newsmill.analyze.quotes import QuoteDraft
from newsmill.analyze.sentences import root_of
from newsmill.analyze.times import TimeDraft
from newsmill.analyze.wordlists import words

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


# "declined to comment", "refused to elaborate": withholding speech rejects no one.
_WITHHOLD_VERBS = frozenset({"decline", "refuse"})
_SPEECH_LEMMAS = words("events/speech_lemmas.txt")
_PROPOSAL_VERBS = words("events/proposal_verbs.txt")


def annotate_events(
    doc: Any,
    entities: list[EntityDraft],
    quotes: list[QuoteDraft] | None = None,
    times: list[TimeDraft] | None = None,
    gazetteer: Gazetteer | None = None,
    published: date | None = None,
) -> list[EventDraft]:
    """The events of ``doc`` (a parsed spaCy Doc), in document order."""
    article = Article(doc, entities, quotes or [], times or [], gazetteer, published)
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


def _sentence_events(sentence: Any, article: Article) -> list[EventDraft]:
    candidates = sentence_candidates(sentence, trigger_words(sentence.doc.vocab))
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
    for event in events:
        lone_pronoun = event.actors and all(_is_pronoun(a, article) for a in event.actors)
        if lone_pronoun and not any(r.code for r in event.recipients):
            # "it will not allow the city to spiral", "they would take measures": a pronoun
            # acting alone, with no coded recipient, rests on two guesses (the referent and the
            # reading); docs/confidence.md.
            event.confidence = round(event.confidence - 0.1, 2)
    return events


def _employers(actors: list[ParticipantDraft], article: Article) -> list[ParticipantDraft]:
    """Organisations the actors' phrases name as where they work ("workers at X")."""
    out: list[ParticipantDraft] = []
    for actor in actors:
        span = article.doc.char_span(actor.start, actor.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        for prep in (c for c in span.root.children if c.dep_ == "prep" and c.lower_ == "at"):
            pobj = _child(prep, "pobj")
            found = participants(pobj, article, actor_side=False) if pobj is not None else []
            out.extend(p for p in found if p.entity is not None and article.entities[p.entity].kind == "ORG")
    return out


def _cameo(verb: Any, event_type: str, mode: str | None) -> tuple[str, str | None]:
    """The event's CAMEO code and mode: the CAMEO verb dictionary's reading of the verb in its
    sentence ("asked for humanitarian aid": 0233, mode assist) when it is of the same PLOVER
    type and mode (it fills a mode the rules left open); else the representative code of the
    type and mode in the crosswalk. The type is the rules' (docs/events.md says why)."""
    if verb is not None and (found := verb_code(verb)) is not None:
        reading = plover_of(found[0])
        if reading is not None and reading[0] == event_type and (mode is None or reading[1] in {"", mode}):
            return found[0], mode or reading[1] or None
    return cameo_code(event_type, mode), mode


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


_OWN_FORCES = re.compile(r"(?:his|her|its|their|our)\s", re.I)


def _build(
    candidate: Candidate,
    inner: list[Candidate],
    frame: Frame,
    article: Article,
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
        actors, recipients, location = verb_participants(candidate, event_type, article)
    else:
        found = noun_participants(candidate, frame, event_type, article)
        if found is None:
            return None  # a bare noun ("the issue of evacuation") names no event
        actors, recipients, location = found
    if is_verb and candidate.noun is not None:
        # "intensified their offensive", "launched its invasion": whose act the noun is, is who
        # acts, never whom it is done to.
        owners = {(c.idx, c.idx + len(c.text)) for c in candidate.noun.children if c.dep_ == "poss"}
        recipients = [r for r in recipients if (r.start, r.end) not in owners]

    # A promise, threat, request or refusal acts on whom its complement acts on.
    if is_verb and not recipients:
        recipients = complement_recipients(anchor, event_type, article)
    if not recipients and event_type in {"REQUEST", "REJECT"}:
        # "its demand that Israel ease restrictions": asked of whoever must act.
        for item in inner:
            subject = (
                _child(item.anchor, "nsubj", "nsubjpass") if item.anchor.pos_ in {"VERB", "AUX"} else None
            )
            if subject is not None and subject.tag_ != "PRP":
                recipients = participants(subject, article, actor_side=False)
                break
    if not recipients and event_type == "ACCUSE" and is_verb:
        # "alleging that the Vanua Alliance had received large donations": the accused is who
        # the allegation is about, the subject of what is alleged.
        claim = _child(anchor, "ccomp")
        # (an active clause: in "alleged that 25 farmers had been injured" they are victims)
        subject = _child(claim, "nsubj") if claim is not None else None
        if subject is not None and subject.tag_ != "PRP":
            recipients = participants(subject, article, actor_side=False)
    # "opened fire to disperse demonstrators": the folded-in act's recipients are this one's.
    for item in inner:
        if recipients or item.anchor.pos_ not in {"VERB", "AUX"}:
            break
        inner_prepositions = RECIPIENT_PREPOSITIONS.get(item.sense.type, frozenset())
        inner_object = _child(item.anchor, "dobj", "obj")
        targets = [inner_object] if inner_object is not None and inner_object != item.noun else []
        targets.extend(prep_objects(item.anchor, inner_prepositions))
        for target in targets:
            recipients.extend(object_participants(target, item.sense.type, article))

    if event_type == "RETREAT" or any(item.sense.type == "RETREAT" for item in inner):
        # "agreed to withdraw his troops from Kosovo": one's own forces are the means.
        recipients = [
            r
            for r in recipients
            if not (r.sector in {"MIL", "COP"} and _OWN_FORCES.match(article.text, r.start))
        ]
    event_type, mode, status, status_verb = plover_reading(candidate, inner, frame, article)

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

    if event_type == "PROTEST" and not recipients:
        # "a strike by 4,000 workers at steelmaker Vaalstaal Holdings": a strike named with the
        # strikers' employer is aimed at it (PLOVER's default, the strikers' own government,
        # only when nothing names the other side).
        recipients = _employers(actors, article)
    scope = _clause_scope(anchor, actors, evidence) if is_verb else evidence
    actors, recipients = settle_codes(
        actors, recipients, location, event_type, article, evidence, scope, anchor if is_verb else None
    )
    if event_type in ADDRESSED_TYPES:
        recipients = [addressed_recipient(r, article) for r in recipients]

    if location is None:
        for pobj in prep_objects(anchor, LOCATIVE):
            place = located_phrase(pobj, article)
            if place is not None and not any(r.start <= place[0] < r.end for r in recipients):
                location = place
                break

    if (
        event_type == "ASSAULT"
        and anchor.lemma_.lower() in {"kill", "die"}
        and _ACCIDENT_WORDS.search(article.text, evidence[0], evidence[1])
        and not ATTACK_WORDS.search(article.text, evidence[0], evidence[1])
    ):
        return None  # "killed in a helicopter crash": an accident, not an assault
    if (
        event_type == "ASSAULT"
        and not any(a.code or is_people(a, article) or a.entity is not None for a in actors)
        and not any(a.end > a.start and _speech_vehicle(a, article) for a in actors)
        and ATTACK_WORDS.search(article.text, evidence[0], evidence[1])
    ):
        # "Three soldiers were killed by a roadside bomb outside Basra": unidentified attackers
        # are coded to where they struck (PLOVER's unidentified armed forces, sector UAF); no
        # words name them, so the span is empty, at the evidence.
        where = location[2] if location is not None and location[2] is not None else None
        code = article.codes[where] if where is not None else acting_in(article, scope, anchor)
        if code in {r.code for r in recipients if r.code}:
            # "terrorists attacked a U.S. diplomatic compound in Benghazi, Libya": the place
            # they struck in codes them, before the nationality of what they struck.
            code = acting_in(article, scope, anchor) or code
        if code and code not in GROUP_CODES:
            actors = [ParticipantDraft(evidence[0], evidence[0], None, code, "UAF")]

    if event_type == "COERCE" and mode == "martial-law" and a_hazard_emergency(candidate):
        return None  # "declared a national health emergency": against a disease, not on people
    if "release" in {mode, candidate.sense.mode} and is_verb:  # a promised release is AGREE
        released = _child(anchor, "dobj", "obj", "nsubjpass")
        if released is None and anchor.dep_ == "acl":
            released = anchor.head  # "a video released by Al-Shabaab"
        if released is not None and (released.lemma_.lower() in _PUBLISHED_THINGS or released.lower_ == "it"):
            # "released the transcript", "the statistics were released": published; and "it"
            # is a thing, never people freed ("It will be released on November 15 by the label").
            return None
    if event_type == "ASSAULT" and _verbal_attack(actors, recipients, article, evidence):
        event_type, mode = "ACCUSE", "disapprove"  # "Trump attacked Romney on Twitter"
    if anchor.lemma_.lower() in _WITHHOLD_VERBS and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in _SPEECH_LEMMAS for c in anchor.children
    ):
        return None  # "declined to comment": no rejection of anything
    if (
        is_verb
        and anchor.lemma_.lower() in _PROPOSAL_VERBS
        and any(c.dep_ == "xcomp" and c.tag_ == "VBG" for c in anchor.children)
    ):
        return None  # "proposed temporarily banning Muslims": a policy put forward, not an accord
    if (
        event_type == "REQUEST"
        and is_verb
        and _child(anchor, "dobj", "obj", "dative") is None
        and not any(
            c.dep_ == "prep" and c.lower_ in {"on", "upon", "for", "to", "with"} for c in anchor.children
        )
        and any(c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children) for c in anchor.children)
    ):
        return None  # "Seoul pushes to build sovereign AI": an effort of its own, no one asked
    if event_type == "PROTEST" and not is_verb and _speech_setting(anchor):
        return None  # "Trump said at a rally in Louisiana": where someone spoke, not a protest
    if event_type == "PROTEST" and mode in {None, "demo", "obstruct"} and _one_person(actors, article):
        # "despite her numerous protests", "Romney fired back": one person objects; "Clinton
        # could block the release of records" is an official's power, not a blockade.
        return None
    if event_type == "PROTEST" and candidate.noun is not None and _campaign_gathering(candidate.noun):
        return None  # "held a campaign rally in Cleveland": a candidate's event, not a protest
    if event_type in {"ASSAULT", "COERCE"} and wins_a_vote(anchor, article.text[evidence[0] : evidence[1]]):
        return None  # "Democrats beat incumbent Gov. Matt Bevin": an election, not an assault
    if (
        event_type == "THREATEN"
        and is_verb
        and candidate.sense.type in HOSTILE
        and not recipients
        and _child(anchor, "dobj", "obj") is None
    ):
        return None  # "has vowed to fight on": a promised fight against no one threatens no one
    if event_type == "ASSAULT" and is_verb and a_dispute(anchor, article, evidence):
        return None  # "the two governments clashed openly over fees": a dispute, not a fight
    if event_type == "ASSAULT" and is_verb and kills_a_document(anchor):
        return None  # "killing a religious-freedom bill": a figure of speech
    if event_type in {"ASSAULT", "COERCE"} and reports_a_score(article.text[evidence[0] : evidence[1]]):
        return None  # "Liverpool beat Chelsea 2-1": a result, not an assault ("rejected 52-48" stays)
    social = [a for a in actors if is_social_actor(a, article, anchor)]
    if actors and not social:
        return None  # what acts is no one: "the dollar was supported", "populations declined"
    actors = social
    if not any(is_political(p, article) or is_people(p, article) for p in actors + recipients):
        # No political actor: no one doing anything to anyone ("Dozens were killed", "corals
        # expel the algae"), or a product, a company or a pronoun we cannot place.
        return None
    if (
        not recipients
        and actors
        and event_type in DEALINGS
        and all(a_business(a, article) and not backs_as_a_person(a, event_type, article) for a in actors)
    ):
        # "Samsung offers its Interpreter mode", "the carmaker agreed to recall 2,000 cars": a
        # company's dealings with no one named on the other side are commerce, not an
        # interaction between political or social actors (docs/events.md, the gate).
        return None
    if (
        event_type in {"CONSULT", "AGREE"}
        and not recipients
        and a_body_in_session(candidate, actors, article)
    ):
        return None  # "a joint steering committee would meet every three months": a sitting
    if event_type == "AGREE" and status == "future" and not recipients and a_meeting(candidate):
        # "inspectors would carry out a follow-up visit": PLOVER codes an intent to meet as
        # AGREE with whom; a visit or meeting to come with no one named is no such intent.
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
    if recipients and not coded_recipient:
        # Someone is acted on, but not anyone we can place ("Assange's attempt", "them", a
        # name of no known country): the event rests on half a reading. Events with no
        # recipient slot at all ("Modi pledged to double ...") keep their score.
        confidence -= 0.1
    if status == "hypothetical":
        # An act that did not happen ("should be supporting", "would then have given"): worth
        # reporting, with its status, only when both sides are coded.
        confidence -= 0.2
    quote = in_quote(anchor, article)
    if quote is not None and article.quotes[quote].kind == "direct":
        # Words in someone's mouth ("You gotta give me a big win", "we will win") are what
        # they say, rarely an act between actors: they need both sides coded to be reported.
        confidence -= 0.2
    cameo, mode = _cameo(anchor if is_verb else None, event_type, mode)
    if event_type == "CONSULT" and mode == "visit" and not coded_recipient:
        # A visit is a consultation with whom it visits: "visited the settlement bloc", "visited
        # the border" name no host (the place may be the actor's own).
        confidence -= 0.1
    event = EventDraft(
        type=event_type,
        trigger=trigger,
        evidence=evidence,
        mode=mode,
        context=contexts,
        actors=dedupe([closed_brackets(after_dateline(a, article.text), article.text) for a in actors]),
        recipients=[closed_brackets(after_dateline(r, article.text), article.text) for r in recipients],
        location=(location[0], location[1]) if location else None,
        location_entity=location[2] if location else None,
        time=time_of(anchor, status_verb, article),
        status=status,
        quote=quote,
        confidence=round(min(confidence, 0.95), 2),
        cameo=cameo,
        depth=_depth(anchor if is_verb else status_verb) + (0 if is_verb else 1),
        lemma=anchor.lemma_.lower() if candidate.noun is None else candidate.noun.lemma_.lower(),
    )
    return event


def _speech_setting(noun: Any) -> bool:
    """A gathering noun that only sets the scene of someone's speech: "said at a rally",
    "told reporters during a demonstration" — the speaker spoke there; the article does not
    say they protested."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in {"at", "during", "in", "before"}:
        return False
    verb = noun.head.head
    return verb.pos_ in {"VERB", "AUX"} and verb.lemma_.lower() in _SPEECH_LEMMAS


def _one_person(actors: list[ParticipantDraft], article: Article) -> bool:
    """Every actor is one person ("Romney", "her"): a demonstration is a crowd's (a hunger strike
    or a walkout, which one person can make, has its own mode)."""
    if not actors:
        return False
    for actor in actors:
        written = article.text[actor.start : actor.end].lower()
        person = actor.entity is not None and article.entities[actor.entity].kind == "PERSON"
        if not (person or written in {"he", "she", "her", "his", "him"}):
            return False
        # "About 200 supporters of former President Ahmed Ben Bella": a crowd named by its leader.
        if any(
            t.tag_ in {"NNS", "CD"}
            for t in article.doc.char_span(actor.start, actor.end, alignment_mode="expand") or []
        ):
            return False
    return True


def _campaign_gathering(noun: Any) -> bool:
    """A gathering a campaign holds: "a campaign rally", "an election-night rally"."""
    return any(
        child.dep_ in {"compound", "amod", "nmod"} and child.lower_ in _CAMPAIGN_MODIFIERS
        for child in noun.children
    )


_CAMPAIGN_MODIFIERS = words("events/campaign_modifiers.txt")


def _clause_scope(verb: Any, actors: list[ParticipantDraft], evidence: tuple[int, int]) -> tuple[int, int]:
    """The characters of the event's own clause and its actors: '..., a member of the Chadian
    team said' reports the event and names no one taking part in it."""
    start = min([verb.left_edge.idx, *(a.start for a in actors if a.end > a.start)])
    last = verb.right_edge
    end = max([last.idx + len(last.text), *(a.end for a in actors)])
    for child in verb.children:
        # "... if war starts in Iraq", "..., a U.N. spokesman said": a condition or a report
        # at the clause's edge names no one taking part.
        condition = child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in IF for c in child.children)
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


_REPORT_VERBS = words("events/report_verbs.txt")
_PUBLISHED_THINGS = words("events/published_things.txt")


# Words of an attack (not an accident or a hunt): only then are unnamed killers attackers.
_ACCIDENT_WORDS = re.compile(
    r"\b(?:crash\w*|accident\w*|collision|collided|derail\w*|capsiz\w+|earthquake|flood\w*|storm|"
    r"landslide|avalanche|wildfire|disease|virus|plague|overdose)\b",
    re.I,
)


def _speech_vehicle(actor: ParticipantDraft, article: Article) -> bool:
    """An actor phrase headed by what carries words ("ads that attack Trump", "a speech
    attacking the governor"): an attack in words, never by unnamed armed men."""
    head = root_of(article.doc, actor.start, actor.end)
    return head is not None and antecedent(head).lemma_.lower() in _SPEECH_VEHICLES


_SPEECH_VEHICLES = words("events/speech_vehicles.txt")


def _verbal_attack(
    actors: list[ParticipantDraft],
    recipients: list[ParticipantDraft],
    article: Article,
    evidence: tuple[int, int],
) -> bool:
    """'Trump attacked Romney on Twitter', 'an ad hominem attack on the governor': named people
    attacking people, with no word of harm or force in the sentence, attack with words — a
    criticism (ACCUSE), not an assault. Groups, forces and unnamed attackers keep the assault."""
    if not actors or PHYSICAL_WORDS.search(article.text, evidence[0], evidence[1]):
        return False
    return all(p.entity is not None and article.entities[p.entity].kind == "PERSON" for p in actors) and all(
        r.entity is None or article.entities[r.entity].kind in {"PERSON", "ORG"} for r in recipients
    )


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


def _is_pronoun(participant: ParticipantDraft, article: Article) -> bool:
    """Whether the participant is written as a pronoun ("it", "they"), resolved or not."""
    head = article.doc.char_span(participant.start, participant.end, alignment_mode="expand")
    return head is not None and len(head) == 1 and head[0].pos_ == "PRON"
