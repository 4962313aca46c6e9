"""How sure we are that a found quote is speech, cut right and given to the right speaker.

``quotes.py`` finds quotation marks and speech cues with generous rules (they must also serve
reported speech in political copy); this module checks each draft against what a quote must
be (``docs/annotation.md``, Q) and gives it a confidence (``docs/confidence.md``):

- **Speech happened**: a cue that is negated ("did not say") or only intended or refused
  ("declined to comment", "wants to talk") reports no speech.
- **A speaker who can speak**: a named person or organisation, a personal pronoun, or a noun
  for people, bodies or documents that speak (``data/speaker_nouns.txt``); never a thing
  ("the deaths", "those", "the mission"), the writer ("I found"), or no one.
- **Content that is what was said**, a clause: not a topic or an intention ("announced the
  terms of the deal", "plans to install 30 GW"), not the attribution folded in (", police said."), not a
  bare phrase no one is said to have said ("interim"), not an attribution inside someone
  else's words ("X said that the team saw ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from newsmill.analyze.dictionaries import agents
from newsmill.analyze.entities import EntityDraft
from newsmill.analyze.quotes import CUE_VERBS, QuoteDraft
from newsmill.analyze.sentences import root_of, text_of
from newsmill.analyze.wordlists import words

# Entities at or below this confidence had evidence against them (not just little for them):
# their names cannot be speakers. Lacking support alone scores 0.4-0.45 (evidence.py).
REJECTED = 0.35
# The writer speaking in narration: the author is no source of a quote.
_FIRST_PERSON = frozenset("i we me us my our".split())
# Personal pronouns: "she said", "they warned".
_PRONOUNS = frozenset("he she they it who".split())
# Words that quantify people but name no one: "some said", "others argue", "51 percent say"
# (a poll's share is its respondents, not a source).
_NO_ONE = frozenset(
    "some most many others each nobody one all both several few anyone someone everyone "
    "everybody somebody anybody percent %".split()
)
# Modals that make speech hypothetical or only expected: "others might argue", "people will
# ask you", "the public would scream".
_NOT_YET = frozenset("would might could may will shall should must".split())
_SPEAKING_KINDS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Nouns for people, bodies and documents that speak (``data/speaker_nouns.txt``).
SPEAKER_NOUNS = words("speaker_nouns.txt")
# Verbs whose infinitive complement is speech that did not happen: "declined to comment".
_WITHHELD = frozenset("decline refuse fail".split())


def _can_speak(draft: QuoteDraft, doc: Any, spans: Spans) -> bool:
    assert draft.speaker is not None
    start, end = draft.speaker
    speaking = any(s < end and start < e for s, e in spans.speaking)
    if any(s < end and start < e for s, e in spans.doubtful) and not speaking:
        # a name judged no person or organisation ("Senkata", "Basic Activities"); beside a
        # confident one it is a word of the speaker's description ("Party chairman Ed Vance")
        return False
    if text_of(doc)[start:end].lower() in _FIRST_PERSON:
        return False  # "we confirmed that ...": the writer, whatever "we" was resolved to
    if draft.speaker_entity is not None or speaking:
        return True
    head = root_of(doc, start, end)
    if head is None or not any(ch.isalpha() for ch in text_of(doc)[start:end]):
        return False
    if head.lower_ in _FIRST_PERSON:
        return False  # "I found that ...", outside quotation marks: the writer, not a source
    if head.lower_ in _NO_ONE or head.like_num:
        return False  # "some said", "Fifty-one percent say", "44 percent said" ("two officers" can)
    if head.tag_ == "WDT":
        # "..., which said": the relative stands for the noun before it, which must speak ("a
        # resolution which said" can; "a campaign hat that says" cannot).
        if draft.antecedent is None:
            return False
        return _can_speak(replace(draft, speaker=draft.antecedent, speaker_entity=None), doc, spans)
    lemma = head.lemma_.lower()
    return (
        head.lower_ in _PRONOUNS
        or head.pos_ == "PROPN"  # a name the model did not tag
        or lemma in SPEAKER_NOUNS
        or head.lower_ in SPEAKER_NOUNS
        or _agent_noun(head)
    )


def _agent_noun(head: Any) -> bool:
    """A common noun the Phoenix agents dictionary lists as an actor ("the billionaire
    businessman", "a producer", "the nurses", "the foreign minister"): people and bodies of
    every sector, curated, where ``speaker_nouns.txt`` holds only the everyday ones."""
    if head.pos_ != "NOUN":
        return False
    known = agents()
    if head.lower_ in known or head.lemma_.lower() in known:
        return True
    before = head.i - 1
    return (
        before >= 0
        and head.doc[before].dep_ == "compound"
        and (f"{head.doc[before].lower_} {head.lower_}" in known)
    )


@dataclass(slots=True)
class Spans:
    """Doc ranges of confident speaking entities, and of names judged to be none."""

    speaking: list[tuple[int, int]]
    doubtful: list[tuple[int, int]]


# Verbs of seeming: their complement is how things look to the writer.
_SEEMING = frozenset("seem appear".split())


def _speech_happened(cue: Any) -> bool:
    if any(child.dep_ == "neg" for child in cue.children):
        return False  # "did not say", "never commented"
    speaker = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if speaker is not None and any(
        t.lower_ in {"neither", "nobody", "none", "no"} and t.i <= speaker.i for t in speaker.subtree
    ):
        return False  # "with neither the union nor the city saying when ...", "no one said"
    if any(child.dep_ == "aux" and child.lower_ in _NOT_YET for child in cue.children):
        return False  # "others might argue", "people will ask you to ...": not (yet) said
    # "Noel is charged with four counts", "Webb was told to leave": in the passive of a speech
    # verb the subject is who is spoken to or about, never the speaker ("it was reported that"
    # names no one, and is judged by its speaker like any other).
    subject = next((child for child in cue.children if child.dep_ == "nsubjpass"), None)
    if subject is not None and subject.lower_ != "it" and not any(c.dep_ == "agent" for c in cue.children):
        return False
    # "declined to comment", "refused to say": the speech was withheld.
    if cue.dep_ == "xcomp" and cue.head.lemma_.lower() in _WITHHELD:
        return False
    # "Trump seemed to suggest ...": the writer's inference, not what was said.
    if cue.dep_ == "xcomp" and cue.head.lemma_.lower() in _SEEMING:
        return False
    # "wary of saying anything", "the idea of saying": a speech only thought of. (Also reading
    # participles ("pledged delegates") and questions about speech ("How he answers ...") as no
    # speech removed right quotes on PolNeAR and the tuning pages; left out.)
    return not (cue.dep_ == "pcomp" and cue.head.head.pos_ in {"ADJ", "NOUN"})


# Verbs of evidence: what data or a study "shows" is a finding, not a statement (the facts
# guideline counts "Studies indicate that ..." as no quote).
_EVIDENCE_VERBS = frozenset("suggest show indicate find reveal demonstrate point".split())
# Heads of phrases that hold findings, not voices.
_FINDINGS = frozenset(
    "data figures numbers statistics findings research study studies evidence results ratings "
    "estimates analysis survey surveys".split()
)


def _evidence_not_speech(draft: QuoteDraft, cue: Any, doc: Any) -> bool:
    """A verb of evidence whose subject is data or a study: a finding, not speech."""
    if draft.speaker is None or cue.lemma_.lower() not in _EVIDENCE_VERBS:
        return False
    head = root_of(doc, *draft.speaker)
    return head is not None and head.lower_ in _FINDINGS


def quote_confidence(draft: QuoteDraft, doc: Any, entity_spans: Spans) -> float:
    """The confidence of one quote draft (Doc offsets)."""
    start, end = draft.content
    content = text_of(doc)[start:end]
    words = content.split()
    cue = root_of(doc, *draft.cue) if draft.cue else None
    if cue is not None and not _speech_happened(cue):
        return 0.1
    if draft.cue is not None and start <= draft.cue[0] and draft.cue[1] <= end:
        said = [draft.cue, *([draft.speaker] if draft.speaker else [])]
        rest = [w for w in words if not any(a <= start + content.find(w) < b for a, b in said)]
        if len([w for w in rest if any(ch.isalpha() for ch in w)]) < 3:
            return 0.2  # the attribution itself was taken for the words: ", police said."
    if draft.speaker is None and draft.speaker_entity is None:
        return 0.2
    if draft.speaker is not None and not _can_speak(draft, doc, entity_spans):
        return 0.3
    unnamed = draft.speaker is not None and draft.speaker_name is None
    if unnamed and text_of(doc)[draft.speaker[0] : draft.speaker[1]].lower() in _PRONOUNS:
        return 0.4  # "she said" with no one she can be: a speaker we cannot name
    span = doc.char_span(start, end, alignment_mode="expand")
    verbs = [t for t in span if t.pos_ in {"VERB", "AUX"}] if span is not None else []
    if cue is not None and _asked(cue):
        return 0.3  # "Asked whether ..., Mr. Trump said": the question was put to them
    if (
        cue is not None
        and cue.lemma_.lower() == "add"
        and any(c.dep_ == "prep" and c.lower_ == "to" for c in cue.children)
    ):
        return 0.3  # "The findings add to a growing body of evidence that ...": adding to, not saying
    if cue is not None and _evidence_not_speech(draft, cue, doc):
        return 0.3  # "Early ratings data suggests that ...": what figures show is no one's words
    if draft.kind == "direct" and is_title(content):
        return 0.25  # a work's title: "on 'Face the Nation.'", "his book 'An American Son.'"
    if draft.kind == "direct" and len([w for w in words if any(ch.isalpha() for ch in w)]) <= 1:
        return 0.3  # one quoted word is a term or a scare quote ("creators"), not a statement
    if len(words) <= 3 and not verbs and (cue is None or cue.lemma_.lower() not in CUE_VERBS):
        return 0.3  # a term or scare quote no one is said to have said: "interim", "no need"
    if draft.kind == "indirect" and not verbs and not _calls_something(cue):
        return 0.35  # a topic, not what was said: "reported $2.53 a share", "announced the terms"
    if draft.kind == "indirect" and span is not None and _subjectless(span):
        return 0.35  # "is essential to keeping Artemis on track": the clause lost its subject
    if (
        draft.kind == "indirect"
        and words[0].lower() == "to"
        and cue is not None
        and cue.lemma_.lower() not in CUE_VERBS
    ):
        return 0.35  # an intention, not speech: "Seoul plans to install 30 GW by 2030"
    return 0.9 if draft.kind != "indirect" else 0.8


def _calls_something(cue: Any) -> bool:
    """'called Trump a fascist': naming someone something is a statement (X is Y) with no verb
    of its own (docs/annotation.md, Q: "call something X (in speech)")."""
    return cue is not None and cue.lemma_.lower() == "call" and any(c.dep_ == "oprd" for c in cue.children)


def _asked(cue: Any) -> bool:
    """'Asked' as a participle opening its clause ("Asked whether he would run, Mr. Daley
    said ..."): the subject was asked; the question is the reporter's, not theirs."""
    if cue.lemma_.lower() != "ask" or any(c.dep_ in {"aux", "auxpass"} for c in cue.children):
        return False
    return cue.text == "Asked" or (cue.tag_ == "VBN" and cue.i > 0 and cue.nbor(-1).text in {",", ";", "\n"})


# Words a title leaves in lower case ("Eye of the Tiger", "Fox and Friends").
_TITLE_LOWER = frozenset("a an the of and or in on at to for with by from as but nor vs".split())


def is_title(content: str) -> bool:
    """Quoted words written as a title — every word capitalised but the small ones, two to
    twelve words, no sentence inside: a show, a book, a song or a headline, not speech."""
    words = [w.strip("\"“”‘’'.,:;!?()-–—") for w in content.split()]
    words = [w for w in words if w]
    if not 2 <= len(words) <= 12 or re.search(r"[.!?]\s+\S", content.strip()):
        return False
    lettered = [w for w in words if w[:1].isalpha()]
    if len(lettered) < 2 or not lettered[0][:1].isupper():
        return False
    capitalised = [w for w in lettered if w[:1].isupper()]
    return len(capitalised) >= 2 and all(w[:1].isupper() or w.lower() in _TITLE_LOWER for w in lettered)


_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


def _subjectless(span: Any) -> bool:
    """Reported content whose main verb is finite and has no subject in the content: a clause
    cut after its subject ("... the most likely reason, he suggested, | is fear of ...")."""
    first = span[0]
    if first.lower_ in {"that", "to", "how", "why", "what", "whether", "if", "when", "where", "who"}:
        return False
    root = span.root
    if root.tag_ not in {"VBZ", "VBP", "VBD", "MD"}:
        return False
    return not any(child.dep_ in _SUBJECTS for child in root.children)


def _nested(draft: QuoteDraft, drafts: list[QuoteDraft], text: str) -> bool:
    """The draft's cue sits inside the content of another quote whose cue comes first: an
    attribution within someone's words ("X said that the team saw ...") is part of them."""
    if draft.cue is None:
        return False
    for other in drafts:
        if other is draft or other.cue is None:
            continue
        if _according(draft, text) and draft.content[0] <= other.cue[0] < draft.content[1]:
            return True  # "According to X, Y informed Z that ...": Y's words, X the channel
        inside = other.content[0] <= draft.cue[0] and draft.cue[1] <= other.content[1]
        if inside and other.cue[0] < draft.cue[0] and not _according(other, text):
            return True
    return False


# A pronoun speaker is unsure when the person it was resolved to was last named or quoted
# further back than this: news names a speaker again when it returns to them a few paragraphs
# later (docs/confidence.md). Counting the other people named since as well dropped right
# pronoun quotes of long political stories (PolNeAR direct content+speaker F1 0.845 → 0.839).
PRONOUN_REACH = 1000
UNSURE_PRONOUN = 0.45


def _pronoun_unsure(
    draft: QuoteDraft, drafts: list[QuoteDraft], entities: list[EntityDraft], text: str
) -> bool:
    """A pronoun speaker resolved to someone last named or quoted beyond ``PRONOUN_REACH``."""
    if draft.speaker is None or draft.speaker_entity is None:
        return False
    start, end = draft.speaker
    if text[start:end].lower() not in _PRONOUNS:
        return False
    number = int(draft.speaker_entity[1:]) - 1
    entity = entities[number]
    references = [m.start for m in entity.mentions] + [
        d.speaker[0]
        for d in drafts
        if d is not draft and d.speaker and d.speaker_entity == draft.speaker_entity
    ]
    last = max((r for r in references if r < start), default=None)
    return last is None or start - last > PRONOUN_REACH


def _according(draft: QuoteDraft, text: str) -> bool:
    return draft.cue is not None and text[draft.cue[0] : draft.cue[1]].lower().startswith("according")


def score_quotes(
    drafts: list[QuoteDraft], doc: Any, entities: list[EntityDraft], min_confidence: float
) -> None:
    """Set each draft's confidence; ``entities`` carry theirs already (a speaker the entity
    checks found to be no name cannot speak)."""
    spans = Spans(
        [(m.start, m.end) for e in entities if e.kind in _SPEAKING_KINDS and e.confidence >= min_confidence
         for m in e.mentions],
        [(m.start, m.end) for e in entities if e.kind not in {"GPE", "LOC"} and e.confidence <= REJECTED
         for m in e.mentions],
    )  # fmt: skip
    for draft in drafts:
        if _nested(draft, drafts, text_of(doc)):
            draft.confidence = 0.3  # "X said that the team saw ...": X's words, not the team's
            continue
        if (
            draft.speaker_entity is not None
            and entities[int(draft.speaker_entity[1:]) - 1].confidence <= REJECTED
        ):
            draft.speaker_entity = None
        draft.confidence = quote_confidence(draft, doc, spans)
        if draft.confidence >= min_confidence and _pronoun_unsure(draft, drafts, entities, text_of(doc)):
            draft.confidence = UNSURE_PRONOUN
