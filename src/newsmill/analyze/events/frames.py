"""Frames and status: which trigger governs another (a demand's content, a threat's act, an
opinion or a condition that is no event), and an event's status (future, hypothetical, negated,
historical), its PLOVER reading (a promise is AGREE or THREATEN, a refused one REJECT) and
its time expression."""

from __future__ import annotations

from typing import Any

from newsmill.analyze.events.article import Article, in_quote
from newsmill.analyze.events.drafts import Candidate, Frame
from newsmill.analyze.events.participants import OBJECT_CONTROL, TIME_MARKS
from newsmill.analyze.events.triggers import _child
from newsmill.analyze.plover import (
    COMMENT_VERBS,
    COOPERATIVE,
    HOSTILE,
    INTENT_ADJECTIVES,
    INTENT_NOUNS,
    INTENT_VERBS,
    LIKELIHOOD_ADJECTIVES,
    REPORTING_VERBS,
    RESIST_VERBS,
    VERBS,
)
from newsmill.analyze.wordlists import words
from newsmill.extract.lines import closes

_UNLESS = frozenset({"unless"})
IF = frozenset({"if", "unless"})
_HISTORICAL_MODIFIERS = words("events/historical_modifiers.txt")
_HYPOTHETICAL_MODALS = frozenset("may might could should ought".split())


# Acts whose noun takes a "that" clause saying what is asked, threatened, refused or agreed.
_CONTENT_TYPES = frozenset({"REQUEST", "THREATEN", "REJECT", "AGREE"})
_PASS_THROUGH = frozenset(
    {"xcomp", "ccomp", "advcl", "acomp", "pcomp", "prep", "pobj", "dobj", "obj", "oprd"}
)


def _headline(token: Any) -> bool:
    """The token's sentence reads as a headline: no closing punctuation."""
    return not closes(token.sent.text)


def _frame(candidate: Candidate, candidates: dict[int, Candidate]) -> Frame:
    frame = Frame()
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
        conditional = dep == "advcl" and any(c.dep_ == "mark" and c.lower_ in IF for c in node.children)
        outside = (t for t in head.subtree if t.i < node.left_edge.i or t.i > node.right_edge.i)
        if conditional and any(t.i in candidates for t in outside):
            frame.comment = True
            return frame
        if (dep == "advcl" and _purpose(node)) or (
            dep == "acl" and head.lower_ == "order" and head.head.lower_ == "in"
        ):
            # "pressuring the U.S. to leave, in order to open up a route for Iranian military
            # aid": what an act is for has not happened; it is part of that act's reading.
            frame.comment = True
            return frame
        if head == node or dep not in _PASS_THROUGH | {"nsubjpass", "nsubj", "conj"}:
            break
        if dep == "advcl" and any(c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in node.children):
            break  # "defended his manager, hours after the staffer was charged": another event
        if dep in {"nsubj"} and candidate.noun != candidate.anchor:
            break
        if dep == "ccomp" and node.i < head.i and _child(head, "dobj", "obj") is not None and _headline(node):
            # "Estonia expels Belarusian diplomat ..., Minsk promises response": in a headline, a
            # clause before a verb with an object of its own is the first of two acts, not that
            # verb's content (an attribution after the clause, "..., Minsk said", has no object).
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
        if dep == "acl" and head.pos_ == "NOUN" and lemma in INTENT_NOUNS and node == candidate.anchor:
            frame.intent = frame.intent or head  # "his vow to temporarily ban people", "a plan to visit"
        if dep == "xcomp" and node == candidate.anchor and node.left_edge.i > 0:
            # The parser may hang "his vow to ban ..." on the verb: the noun just before "to".
            before = node.doc[node.left_edge.i - 1]
            if before.pos_ == "NOUN" and before.lemma_.lower() in INTENT_NOUNS and before.head.i == head.i:
                frame.intent = frame.intent or before
        if dep == "xcomp" and lemma in LIKELIHOOD_ADJECTIVES:
            frame.likelihood = frame.likelihood or head
        if dep == "xcomp" and lemma == "be":
            # "it was premature to back Clinton's campaign": the adjective of the copula judges
            # the act; it has not happened.
            judged = next((c for c in head.children if c.dep_ == "acomp"), None)
            if judged is not None and judged.lemma_.lower() in LIKELIHOOD_ADJECTIVES:
                frame.likelihood = frame.likelihood or judged
        if dep in {"ccomp", "advcl"} and lemma in REPORTING_VERBS:
            frame.reported = frame.reported or head
        node = head
    return frame


def _purpose(clause: Any) -> bool:
    """An adverbial clause of explicit purpose: "in order to ...", "so as to ...", "so that ..."
    (the parser may also hang the clause on "order" itself, which the walk checks)."""
    words = [t.lower_ for t in clause.subtree if t.i < clause.i][:3]
    return words[:2] in (["in", "order"], ["so", "as"], ["so", "that"])


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
        if (
            child.dep_ == "mark"
            and lower == "for"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        ):
            return "hypothetical"  # "the pressure must continue for Damascus to allow ...": wanted, not done
    if verb.lemma_.lower() in {"go"} and _child(verb, "xcomp") is not None:
        status = "future"
    if (
        status is None
        and verb.dep_ == "xcomp"
        and verb.head.lower_ in _SCHEDULED
        and verb.head.i != verb.i
        and (verb.head.tag_ == "VBN" or verb.head.pos_ == "ADJ")
    ):
        return "future"  # "was scheduled to meet Sanders on Thursday", "is set to visit"
    if (
        status is None
        and verb.dep_ == "ROOT"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and _child(verb, "nsubj") is not None
    ):
        return "future"  # a headline's "Clinton to call for wider efforts": announced, to come"
    subject = _child(verb, "nsubj", "nsubjpass")
    if subject is not None and any(
        c.dep_ == "aux" and c.lower_ in {"had", "should", "were"} and c.i < subject.i for c in verb.children
    ):
        return "hypothetical"  # "had Hillary Clinton congratulated him": a condition, inverted
    if (
        status is None
        and verb.dep_ == "conj"
        and verb.head.i != verb.i
        and _child(verb, "nsubj", "nsubjpass") is None
        and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
    ):
        # "I am going to protect and defend": a conjunct without its own subject shares the
        # first verb's auxiliaries; one with its own ("will give NZ$18 million ... but has
        # turned down a request") has its own tense.
        return _modal_status(verb.head, reported)
    if status is None and verb.dep_ == "xcomp" and verb.head.i != verb.i:
        # "if a Clinton administration would continue to decline ...": the verb it completes
        # carries the modal and the "if".
        return _modal_status(verb.head, reported)
    return status


_INVERTING_AUXILIARIES = frozenset(
    "do does did is are was were has have had will would can could should may might must".split()
)


def _yes_no_question(verb: Any) -> bool:
    """A yes-no question about the act ("Did the foundation refuse to ...?", "Will Iran
    accept?"): an auxiliary before the subject, in a sentence ending with a question mark."""
    sentence = verb.sent
    if not sentence.text.rstrip().rstrip("\"'”’)").endswith("?"):
        return False
    clause = verb
    while clause.dep_ in {"xcomp", "conj"} and clause.head.i != clause.i:
        clause = clause.head
    subject = _child(clause, "nsubj", "nsubjpass")
    if any(t.tag_ in {"WDT", "WP", "WP$", "WRB"} and t.i < clause.i for t in sentence):
        return False  # "Why did Russia invade?" takes the act as done
    return subject is not None and any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ in _INVERTING_AUXILIARIES and c.i < subject.i
        for c in clause.children
    )


# Verbs of planning: what they govern is still to come ("plans to call for", "intends to sue").
_PLANNING = frozenset("plan intend prepare aim expect want hope seek".split())
# Words of a timetable: "scheduled to meet", "set to visit", "due to sign", "slated to".
_SCHEDULED = frozenset("scheduled set due slated poised expected".split())


def _wanted_of_another(intent: Any) -> bool:
    """An object-control intent verb with its object ("wants the UK to", "expects Iran to"):
    the act is the object's, wished by the subject. "Promised Iraq to send aid" keeps the
    subject's promise ("promise" is not object-controlled)."""
    if intent.lemma_.lower() not in OBJECT_CONTROL:
        return False
    # The parser makes the object either the verb's object or its complement's subject.
    return _child(intent, "dobj", "obj") is not None or any(
        child.dep_ in {"ccomp", "xcomp"} and _child(child, "nsubj") is not None for child in intent.children
    )


def _negated(verb: Any) -> bool:
    """'did not refuse'; 'Neither the House nor the Senate have provided ...', 'no one offered'."""
    if any(child.dep_ == "neg" for child in verb.children):
        return True
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject is not None and (
        subject.lower_ in {"nobody", "none"}
        or any(c.lower_ in {"neither", "no"} and c.dep_ in {"preconj", "det"} for c in subject.children)
    )


def _asked_about(anchor: Any, reporting: Any) -> bool:
    """Whether the clause holding ``anchor`` under a reporting verb is a wh-clause ("cannot
    explain why they were silent when Obama declined ..."): the act is taken as done, whatever
    the report says of it."""
    node = anchor
    while node.head.i != node.i and node.head.i != reporting.i:
        if any(c.tag_ in {"WRB", "WP", "WDT"} and c.i < node.i for c in node.children):
            return True
        node = node.head
    return any(c.tag_ in {"WRB", "WP", "WDT"} and c.i < node.i for c in node.children)


def _has_condition(verb: Any, marks: frozenset[str]) -> bool:
    """An adverbial clause opened by one of ``marks`` ("unless Baghdad accepts", "if it is attacked")."""
    return any(
        child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in marks for g in child.children)
        for child in verb.children
    )


def plover_reading(
    candidate: Candidate, inner: list[Candidate], frame: Frame, article: Article
) -> tuple[str, str | None, str, Any]:
    """The event's type, mode and status, read the PLOVER way: a promised cooperative act is
    AGREE, a promised or conditional hostile one THREATEN, a refused promise REJECT. Returns
    the verb the status was read from as well."""
    anchor = candidate.anchor
    is_verb = anchor.pos_ in {"VERB", "AUX"}
    lemma = anchor.lemma_.lower()
    event_type, mode = candidate.sense.type, candidate.sense.mode
    reported = frame.reported is not None or in_quote(anchor, article) is not None
    status_verb = anchor if is_verb else (anchor.head if anchor.head != anchor else anchor)
    status = _modal_status(status_verb, reported) or "asserted"
    if frame.intent is not None and _wanted_of_another(frame.intent):
        # "The US wants the UK to extradite Assange", "expects Iran to reject": one side's wish
        # for what another does is neither done nor promised by that other.
        frame.intent = None
        status = "hypothetical" if status == "asserted" else status
    if frame.intent is not None and status == "asserted":
        status = _modal_status(frame.intent, reported) or status
    if frame.likelihood is not None and status == "asserted":
        status = "hypothetical"  # "Russia is unlikely to agree": a forecast
    negated = _negated(status_verb) or (frame.intent is not None and _negated(frame.intent))
    promised = status == "future" or frame.intent is not None
    if event_type in COOPERATIVE and event_type != "AGREE" and not negated and _pledges(anchor, candidate):
        # "pledged emergency assistance": the pledge, made, is the event; PLOVER codes the
        # promise of aid AGREE (CAMEO 033), and what was pledged is not yet given.
        event_type, mode = "AGREE", None
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
        promised or (status == "hypothetical" and _has_condition(status_verb, IF))
    ) and event_type in HOSTILE:
        mode = {"ASSAULT": "violence", "SANCTION": "relations", "COERCE": "restrict"}.get(event_type)
        event_type = "THREATEN"
        status = "future"
    if (
        frame.intent is not None
        and frame.intent.lemma_.lower() in _PLANNING
        and event_type in {"REQUEST", "REJECT", "ACCUSE"}
        and status == "asserted"
    ):
        status = "future"  # "Clinton plans to call for ...", "intends to sue": not yet made
    if promised and status == "asserted" and event_type in {"AGREE", "THREATEN"} and frame.intent is None:
        status = "future"
    if negated and status == "asserted":
        status = "negated"
    if (
        frame.reported is not None
        and _negated(frame.reported)
        and status in {"asserted", "future"}
        and not _asked_about(anchor, frame.reported)
    ):
        status = "hypothetical"  # "I did not say that I will support him": nobody claims it
    if status == "asserted" and _yes_no_question(status_verb):
        status = "hypothetical"  # "Did the foundation refuse to ...?": asked, not told
    if status == "asserted" and _historical(anchor, status_verb, article):
        status = "historical"
    return event_type, mode, status, status_verb


# Verbs that promise what their object names: "pledged emergency assistance", "vowed support".
_PLEDGING = frozenset("pledge promise vow".split())


def _pledges(anchor: Any, candidate: Candidate) -> bool:
    """The trigger's words hold a promising verb with the act as its object ("pledged
    emergency assistance"): the promise of aid, which PLOVER codes AGREE (CAMEO 033)."""
    return any(w.lemma_.lower() in _PLEDGING and w.pos_ == "VERB" for w in candidate.words) or (
        anchor.pos_ == "NOUN" and anchor.dep_ == "dobj" and anchor.head.lemma_.lower() in _PLEDGING
    )


def _historical(anchor: Any, verb: Any, article: Article) -> bool:
    if any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children) and verb.tag_ == "VBN":
        return True
    if anchor.pos_ in {"NOUN", "PROPN"}:
        if any(c.lower_ in _HISTORICAL_MODIFIERS for c in anchor.children if c.dep_ == "amod"):
            return True
        head = anchor.head
        if anchor.dep_ == "pobj" and head.lower_ in {"during", "after", "since", "following"}:
            return head.head.tag_ in {"VBD", "VBN"}
    return False


def time_of(anchor: Any, verb: Any, article: Article) -> int | None:
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
