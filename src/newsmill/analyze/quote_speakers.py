"""Speakers of quotes: the speaker phrase a cue's parse offers, and its resolution to an
entity (pronouns to the last speaker or mention of the right kind, descriptions such as
"the spokesperson" to the last speaker they describe, relative pronouns to their noun).

Split from ``quotes.py``, which finds the quotes and calls these.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Any

from spacy.lang.en.stop_words import STOP_WORDS

from newsmill.analyze.dictionaries import person_nouns
from newsmill.analyze.entities import EntityDraft
from newsmill.analyze.gazetteer import Country
from newsmill.analyze.gender import gender_of, is_first_name, pronoun_gender
from newsmill.analyze.given_names import is_given_name
from newsmill.analyze.roles import title_before, whole_title
from newsmill.analyze.sentences import sentence_of, text_of
from newsmill.analyze.wordlists import words as word_list

if TYPE_CHECKING:
    from newsmill.analyze.quotes import QuoteDraft

# Pronoun speakers and the kind of speaker each points back to.
_PRONOUNS = {
    "he": "PERSON",
    "she": "PERSON",
    "him": "PERSON",
    "her": "PERSON",
    "it": "ORG",
    "they": "GROUP",
    "we": "GROUP",
}
_SENTENCE_END = re.compile(r"[.!?][”\"’)]?\s+(?=[A-Z“\"])")
# A city this large speaks for its government ("Moscow said"); a smaller one named as a
# speaker is more often a surname the model took for the town ("Resende" for "Rezende").
_METROPOLIS = 1_000_000
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_INVERTING_CUES = frozenset(
    {"say", "add", "write", "explain", "note", "state", "continue", "conclude", "recall"}
)


def speaker_of(cue: Any, quoted: tuple[int, int] = (0, 0)) -> tuple[int, int] | None:
    """The cue's subject; with an inverted cue ('said the spokesperson'), the phrase after it.
    A relative pronoun ('..., who said') stands for the noun it follows; times and dates are
    never speakers, nor words inside the ``quoted`` stretch the cue attributes ('"... Full
    panic mode," said Leslie Wimes': the parser may take "mode" for the subject)."""
    subjects = [
        child
        for child in cue.children
        if child.dep_ in {"nsubj", "nsubjpass"}
        and child.ent_type_ not in {"DATE", "TIME"}
        and not child.is_punct
        and not quoted[0] <= child.idx < quoted[1]
    ]
    if not subjects:
        # '"..., only one nurse for the whole ward," her husband, Chukwuemeka, told ...': the
        # parse took a word inside the quote for the subject and hung the speaker phrase after
        # the closing mark on it as an apposition; that phrase, between quote and cue, speaks.
        subjects = [
            appos
            for child in cue.children
            if child.dep_ in {"nsubj", "nsubjpass"} and quoted[0] <= child.idx < quoted[1]
            for appos in child.children
            if appos.dep_ == "appos" and quoted[1] <= appos.idx < cue.idx
        ]
    if subjects:
        # Of two subjects the parse gives one verb, the one nearest it: "Speaking in Salem, New
        # Hampshire, Trump went after Bush" — the place ending the opener is no subject.
        # The parse may split a hyphenated word into subjects ("said Harbor Labs co | - |
        # founder and chief executive Nadia Farouk"): the one a name stands beside speaks.
        with_names = [s for s in subjects if _appositive_name(s) is not None] if len(subjects) > 1 else []
        child = min(with_names or subjects, key=lambda s: abs(cue.i - s.i))
        named = _appositive_name(child)
        return phrase(named or child)  # a relative pronoun ("..., who said") resolves later
    for child in cue.children:
        # An inverted cue ('said Qureshi'); after 'ask' or 'tell' the object is the listener.
        if (
            child.dep_ in {"dobj", "attr", "nsubj"}
            and child.idx > cue.idx
            and child.pos_ in {"PROPN", "NOUN"}
            and cue.lemma_.lower() in _INVERTING_CUES
            and child.ent_type_ not in {"DATE", "TIME"}
        ):
            return phrase(child)
    # "Kasich offered the man a job, then says he'll ...": the parse hung the first of two
    # coordinated verbs on the cue as a clause before it; its subject is the cue's.
    before = [c for c in cue.children if c.dep_ == "ccomp" and c.i < cue.i]
    if before and any(c.dep_ == "ccomp" and c.i > cue.i for c in cue.children):
        subject = next((c for c in before[0].children if c.dep_ == "nsubj"), None)
        if subject is not None and (subject.pos_ in {"PROPN", "PRON"} or subject.ent_type_):
            return phrase(subject)
    # A participle or coordinated verb borrows the subject of the verb it hangs from:
    # "Blige sings to Clinton before asking her, '...'", "..., saying '...'".
    head, steps = cue, 0
    while head.dep_ in {"conj", "xcomp", "advcl", "pcomp", "prep", "acl"} and head.head != head and steps < 4:
        head, steps = head.head, steps + 1
        if head.pos_ in {"VERB", "AUX"}:
            return speaker_of(head)
    return None


def _appositive_name(subject: Any) -> Any:
    """The name set beside a described subject: 'Sweden's deputy director of public
    prosecution, Eva-Marie Persson, said' → Eva-Marie Persson (the person, not the post)."""
    if subject.pos_ == "PROPN":
        # "in Salem, New Hampshire, Senator Dana Whitfield went ...": the parse made the place
        # ending an opener the subject and the person its apposition.
        if subject.ent_type_ in {"GPE", "LOC"}:
            return next(
                (
                    c
                    for c in subject.children
                    if c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.i > subject.i
                ),
                None,
            )
        return None
    for child in subject.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            return child
    return None


_PHRASE_DEPS = frozenset(
    {"det", "compound", "amod", "poss", "nummod", "nmod", "case", "flat", "quantmod", "cc", "conj"}
)


def phrase(token: Any) -> tuple[int, int]:
    """The noun phrase headed by ``token``: its determiners, modifiers, possessors and
    coordinated heads ("The United States and Ukrainian officials"), never its clauses or
    prepositional tails ("the spokesperson about ...")."""
    keep = [token]
    stack = [token]
    while stack:
        current = stack.pop()
        for child in current.children:
            if child.dep_ in _PHRASE_DEPS:
                keep.append(child)
                stack.append(child)
    left = min(t.idx for t in keep)
    right = max(t.idx + len(t.text) for t in keep)
    return left, right


# --- Resolution ---------------------------------------------------------------------------


def continue_speakers(drafts: list[QuoteDraft], text: str, resolved: bool = False) -> None:
    """A cue-less quote filling its paragraph continues the speaker of the quote just before
    it. Called again once speakers are ``resolved``: a cue the parse gave no subject gets its
    speaker in resolution, and the quote after it follows."""
    previous: QuoteDraft | None = None
    for draft in drafts:
        if draft.cue is None and draft.speaker is None and previous is not None:
            draft.speaker = previous.speaker
            draft.antecedent = previous.antecedent
            if resolved:
                draft.speaker_entity, draft.speaker_name = previous.speaker_entity, previous.speaker_name
        # The quote just before, with or without a speaker: a quote whose speaker was not found
        # is still someone else's, so the one after it does not go back to an earlier speaker.
        previous = draft


def resolve_speakers(
    drafts: list[QuoteDraft], doc: Any, entities: list[EntityDraft], min_confidence: float = 0.0
) -> None:
    text = text_of(doc)
    mentions = sorted(
        (
            (m.start, m.end, number, entity)
            for number, entity in enumerate(entities, 1)
            for m in entity.mentions
        ),
        key=lambda item: item[0],
    )
    # What a pronoun may point back to: not a name already judged to be none ("Gateway", a
    # station; "Moon"), unless the text names it as a speaker itself.
    spoken = [d.speaker for d in drafts if d.speaker]
    named = {m[2] for m in mentions for s, e in spoken if m[0] < e and s < m[1]}
    antecedents = [m for m in mentions if m[3].confidence >= min_confidence or m[2] in named]
    # Nor a name inside someone's quoted words: in '"... came together for Minh," she said',
    # "she" is the speaker, never Minh.
    quoted = [d.content for d in drafts if d.kind == "direct"]
    antecedents = [m for m in antecedents if not any(s <= m[0] and m[1] <= e for s, e in quoted)]
    subjects = {m[0] for m in antecedents if _is_subject(doc, m[0], m[1])}
    last_by_kind: dict[str, QuoteDraft] = {}
    genders = {
        number: gender_of(entity.name, [text[max(0, m.start - 6) : m.start + 5] for m in entity.mentions])
        for number, entity in enumerate(entities, 1)
        if entity.kind == "PERSON"
    }
    history: list[tuple[str, QuoteDraft]] = []
    surnames_in_doubt = {number for number, entity in enumerate(entities, 1) if _name_in_doubt(entity)}
    # Where a speaker phrase is its cue's subject (not a name the sentence only mentions).
    speaking = {d.speaker[0] for d in drafts if d.speaker and _is_subject(doc, *d.speaker)}
    # In the order the cues are read: in "According to the spokesperson, Qureshi informed
    # ... He added", the last speaker before "He" is Qureshi, not the spokesperson.
    for draft in sorted(drafts, key=lambda d: d.cue[0] if d.cue else d.content[0]):
        if draft.speaker is None and draft.cue is not None:
            # No subject in the parse ("FM Qureshi informs ..." in a headline): the last
            # person or organisation named before the cue in its sentence.
            # The sentence as written, not as parsed: the parser sometimes splits a headline
            # into fragments ("FM" | "Qureshi" | "informs ...").
            line_start = text.rfind("\n", 0, draft.cue[0]) + 1
            opening = max(
                (m.end() for m in _SENTENCE_END.finditer(text, line_start, draft.cue[0])), default=line_start
            )
            named = [
                (s, t) for s, t, _, e in mentions
                if opening <= s and t <= draft.cue[0] and e.kind in {"PERSON", "ORG"}
            ]  # fmt: skip
            # A name after a preposition is where or to whom, not who: "Trump posted a
            # message on Twitter reading ..." is Trump's.
            outside = [n for n in named if not _after_preposition(doc, *n)]
            if outside or named:
                draft.speaker = (outside or named)[-1]
        if draft.speaker is None:
            continue
        start, end = draft.speaker
        words = text[start:end]
        key = words.lower()
        if key in _RELATIVE and (noun := _relative_antecedent(doc, start, end)) is not None:
            # "..., who said": the speaker as written is "who"; it stands for the noun before.
            named = _naming_mention(mentions, *noun, text)
            draft.antecedent = noun
            if named is not None:
                draft.speaker_entity, draft.speaker_name = f"e{named[2]}", named[3].name
            else:
                draft.speaker_name = re.sub(r"^(?:the|a|an)\s+", "", text[noun[0] : noun[1]], flags=re.I)
        pronoun_kind = _PRONOUNS.get(key)
        source = draft
        if pronoun_kind is not None or re.fullmatch(
            r"the (?:spokes(?:person|man|woman)|source|official|minister|statement|ministry|office|agency)",
            key,
        ):
            sentence = sentence_of(doc, doc.char_span(start, end, alignment_mode="expand").start)
            opened = draft.quote[0] if draft.quote is not None else draft.content[0]
            if opened < sentence.start_char:
                # '"There are communities ... involvement," he said': the parser may end a
                # sentence inside the quoted words; the pronoun's sentence opens with the quote.
                opening = doc.char_span(opened, opened + 1, alignment_mode="expand")
                if opening is not None:
                    sentence = sentence_of(doc, opening.start)
            previous = sentence.start_char
            if sentence.start > 0:
                previous = sentence_of(doc, sentence.start - 1).start_char
            # The sentence before as written: the parser may split it after an opening name
            # ("Jolly, who was elected to Congress in 2014, | doesn't see ...").
            ends = [
                m.end() for m in _SENTENCE_END.finditer(text, max(0, previous - 400), max(0, previous - 1))
            ]
            if ends and text[ends[-1] : previous].count("\n") == 0:
                previous = min(previous, ends[-1])
            elif not ends:
                previous = min(previous, text.rfind("\n", 0, max(0, previous - 1)) + 1)
            # A person named inside the quoted words is who they speak about, not the speaker.
            outside = [m for m in antecedents if not (draft.content[0] <= m[0] < draft.content[1])]
            # A name that opens the sentence before is its subject, whatever the parse makes of it.
            opening = (
                previous
                + len(text[previous : sentence.start_char])
                - len(text[previous : sentence.start_char].lstrip())
            )
            antecedent = _antecedent(
                key, pronoun_kind, start, last_by_kind, outside, (previous, sentence.start_char), history,
                genders, subjects | {opening}, (surnames_in_doubt, speaking),
            )  # fmt: skip
            described = None
            if (
                pronoun_gender(key) is not None
                and not isinstance(antecedent, tuple)
                and _last_person_quote_at(history) < previous
                and not (history and antecedent is history[-1][1] and history[-1][0] != "PERSON")
            ):
                described = _described_subject(
                    doc, previous, sentence.start_char, antecedents, pronoun_gender(key)
                )
            if described is not None:
                # "An adviser to the RSF, speaking by phone, rejected the accusations. '...,' he
                # said.": someone described, not named, is the subject of the sentence before
                # and the last quote was not there: "he" is that person, not the last speaker.
                draft.antecedent = described
                draft.speaker_name = re.sub(
                    r"^(?:the|a|an|one)\s+", "", text[described[0] : described[1]], flags=re.I
                )
                antecedent = None
            if isinstance(antecedent, tuple):  # an entity mention
                m_start, m_end, number, entity = antecedent
                draft.antecedent = (m_start, m_end)
                draft.speaker_entity, draft.speaker_name = f"e{number}", entity.name
            elif antecedent is not None:  # an earlier quote (QuoteDraft): its speaker
                source = antecedent
                draft.antecedent = antecedent.antecedent or antecedent.speaker
                draft.speaker_entity = antecedent.speaker_entity
                draft.speaker_name = antecedent.speaker_name
        if draft.speaker_name is None:
            found = _naming_mention(mentions, start, end, text)
            if found is not None:
                m_start, m_end, number, entity = found
                draft.speaker_entity, draft.speaker_name = f"e{number}", entity.name
                if m_start <= start and end <= m_end:
                    draft.speaker = (m_start, m_end)  # as the mention reads: "Mayor Anne Hidalgo"
            elif (
                pronoun_kind is None
                and (titled := _titled_person_after(start, end, mentions, text)) is not None
            ):
                # "Councillor for housing Sofia Marques, who drew up the plan, said": the parse
                # makes the title the subject; the person it introduces speaks.
                draft.antecedent = (titled[0], titled[1])
                draft.speaker_entity, draft.speaker_name = f"e{titled[2]}", titled[3].name
            elif pronoun_kind is None and (described := _described(key, start, mentions)) is not None:
                # "the newspaper", "the president": the one entity of the article it describes.
                draft.antecedent = (described[0], described[1])
                draft.speaker_entity, draft.speaker_name = f"e{described[2]}", described[3].name
            else:
                draft.speaker_name = (
                    re.sub(r"^(?:the|a|an)\s+", "", words, flags=re.I) if pronoun_kind is None else None
                )
        kind = _speaker_kind(source, entities, text)
        last_by_kind[kind] = draft
        last_by_kind["ANY"] = draft
        history.append((kind, draft))


# Heads of a definite description that name an organisation by its sector ("the newspaper")
# or by a word of its name ("the foundation" is the Trayvon Martin Foundation).
_SECTOR_HEADS = {
    "newspaper": "MEDIA", "paper": "MEDIA", "network": "MEDIA", "broadcaster": "MEDIA",
    "magazine": "MEDIA", "outlet": "MEDIA", "company": "BUS", "firm": "BUS", "bank": "BUS",
}  # fmt: skip
_NAME_HEADS = frozenset(
    "foundation board campaign committee union party court agency ministry department "
    "institute university commission council".split()
)


def _described(
    key: str, position: int, mentions: list[tuple[int, int, int, EntityDraft]]
) -> tuple[int, int, int, EntityDraft] | None:
    """The entity a definite description speaker ("the newspaper", "the president", "the
    editorial board") stands for, when exactly one entity named before it fits: an
    organisation of the sector the head names or with the head in its name, a person whose
    role has the head as a word. Two that fit ("the president" after Obama and Putin), or
    none, leave the description as written (docs/confidence.md)."""
    words = re.sub(r"[^\w\s-]", " ", key).split()
    if words in (["her", "honour"], ["his", "honour"], ["her", "honor"], ["his", "honor"]):
        words = ["the", "judge"]  # how a court report names the judge who said it
    if len(words) < 2 or words[0] != "the":
        return None
    head = words[-1]
    fitting: dict[int, tuple[int, int, int, EntityDraft]] = {}
    for mention in mentions:
        entity = mention[3]
        if mention[1] > position:
            break
        if entity.kind == "ORG":
            fits = (head in _SECTOR_HEADS and _SECTOR_HEADS[head] == entity.sector) or (
                head in _NAME_HEADS and head in entity.name.lower().split()
            )
        elif entity.kind == "PERSON":
            role = (entity.role or "").lower()
            fits = head in role.split() or (head == "judge" and role in {"justice", "judge", "magistrate"})
        else:
            fits = False
        if fits:
            fitting[mention[2]] = mention
    return next(iter(fitting.values())) if len(fitting) == 1 else None


def _described_subject(
    doc: Any,
    start: int,
    end: int,
    mentions: list[tuple[int, int, int, EntityDraft]],
    pronoun: str | None = None,
) -> tuple[int, int] | None:
    """The subject of the main clause of the sentence at ``start:end`` when it describes one
    person without naming them ("An adviser to the RSF"): a common noun of the person nouns
    (agents dictionary, speaker nouns), with no entity mention in its phrase. Its span runs
    to the end of a prepositional tail ("to the RSF"), not into clauses."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    if root.pos_ not in {"VERB", "AUX"}:
        return None
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None:
        return None
    named = next((c for c in subject.children if c.dep_ == "appos" and c.tag_ == "NNP"), None)
    if subject.tag_ == "NN" and named is not None:
        subject = named  # "Her colleague Cllr Tom Fitzgerald (FG) agreed": the name beside the noun
    # A name: tagged one, or capitalised after a capitalised title or name word (the tagger
    # may take a given name for a verb: "Cllr Aisling [VBG] Doyle said").
    name_like = subject.tag_ == "NNP" or any(
        c.dep_ == "compound" and c.text[:1].isupper() and c.i < subject.i for c in subject.children
    )
    if name_like and subject.text[:1].isupper() and not subject.text.isupper():
        # A name the model did not tag ("Her colleague Cllr Tom Fitzgerald (FG) agreed"): the
        # person the sentence is about, when no entity is named in it and its given name, if
        # known, agrees with the pronoun.
        left, right = phrase(subject)
        after = subject.i + 1
        while after < len(doc) and doc[after].is_alpha and doc[after].text[:1].isupper():
            right = doc[after].idx + len(doc[after].text)  # the rest of the name the parse cut
            after += 1
        if any(left < m[1] and m[0] < right for m in mentions):
            return None
        first = next((t for t in doc[subject.left_edge.i : subject.i + 1] if is_first_name(t.text)), None)
        if first is not None and pronoun is not None and gender_of(first.text, []) not in (None, pronoun):
            return None
        return left, right
    if subject.tag_ != "NN" or subject.lemma_.lower() not in person_nouns():
        return None
    if any(c.dep_ in {"poss", "compound"} and c.pos_ == "PROPN" for c in subject.children):
        return None  # "Qureshi's spokesman": resolved through the owner elsewhere
    left, right = phrase(subject)
    for child in subject.children:
        if child.dep_ == "prep" and child.i > subject.i:
            right = max(right, child.right_edge.idx + len(child.right_edge.text))
    if any(left < m[1] and m[0] < right and m[3].kind == "PERSON" for m in mentions):
        return None
    return left, right


def _after_preposition(doc: Any, start: int, end: int) -> bool:
    """The mention is the object of a preposition ("on Twitter", "to CNN")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "pobj"


def _is_subject(doc: Any, start: int, end: int) -> bool:
    """The mention is a clause's subject, or names it in apposition ("his wife, Jane, offered")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ in {"nsubj", "nsubjpass"} or (
        root.dep_ == "appos" and root.head.dep_ in {"nsubj", "nsubjpass"}
    ):
        return True
    # "In the village of X, resident Fadime Kalkavan, 63, stood ...": the parse hung the name
    # on the place before it and left the verb with no subject; the name just before is it.
    verb = root.sent.root
    return (
        root.dep_ == "appos"
        and verb.pos_ in {"VERB", "AUX"}
        and root.i < verb.i
        and not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children)
        and not any(t.pos_ in {"VERB", "AUX"} for t in root.doc[span.end : verb.i])
    )


def _relative_antecedent(doc: Any, start: int, end: int) -> tuple[int, int] | None:
    """The noun phrase a relative pronoun at ``start:end`` stands for."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    verb = span[0].head
    if verb.dep_ != "relcl" or verb.head == verb:
        return None
    return phrase(verb.head)


def _naming_mention(
    mentions: list[tuple[int, int, int, EntityDraft]], start: int, end: int, text: str
) -> tuple[int, int, int, EntityDraft] | None:
    """The entity mention that names the speaker phrase ``start:end``: a person before an
    organisation; a place only when it is the phrase's head ("Washington said"), not a
    modifier ("the Paris attackers", "New Jersey Gov. Chris Christie")."""
    inside = [m for m in mentions if m[0] < end and start < m[1] and m[3].kind != "NORP"]
    # An owner is not the speaker: "Mayor Anne Hidalgo's spokesman", "Ahmado's source" — whether
    # the model's mention holds the 's or stops before it.
    inside = [m for m in inside if not _owns_the_head(m, end, text)]
    # "Hanul Labs CEO Park Ji-yeon": a name followed by a title and a person is the employer,
    # whatever kind the model gave it; the titled person is the speaker.
    inside = [m for m in inside if not any(_titled_after(m, other, text) for other in inside)]
    ranked = sorted(inside, key=lambda m: ({"PERSON": 0, "ORG": 1}.get(m[3].kind, 2), m[0]))
    for found in ranked:
        if found[3].kind in {"GPE", "LOC"} and found[1] < end:
            continue
        return found
    return None


def _titled_person_after(
    start: int, end: int, mentions: list[tuple[int, int, int, EntityDraft]], text: str
) -> tuple[int, int, int, EntityDraft] | None:
    """The person a bare title speaker phrase ("Councillor") introduces: the person mention
    starting within a few words after it whose role begins with that title."""
    written = text[start:end].strip()
    found = whole_title(written)
    if found is None:
        return None
    for mention in mentions:
        entity = mention[3]
        if (
            end <= mention[0] <= end + 40
            and entity.kind == "PERSON"
            and (entity.role or "").lower().startswith(found[1].lower())
            and "." not in text[end : mention[0]]
        ):
            return mention
    return None


def _titled_after(
    mention: tuple[int, int, int, EntityDraft], other: tuple[int, int, int, EntityDraft], text: str
) -> bool:
    """``other`` is a person named after ``mention`` with only a title between them
    ("Hanul Labs CEO Park Ji-yeon", "Sinar Freight chief executive Tan Wei Ming")."""
    if other[3].kind != "PERSON" or other[0] < mention[1] or not other[3].name:
        return False
    between = text[mention[1] : other[1]]
    at = between.find(other[3].name.split()[0])
    return at > 0 and title_before(between[:at]) is not None and not between[:at].strip().endswith(",")


def _owns_the_head(mention: tuple[int, int, int, EntityDraft], phrase_end: int, text: str) -> bool:
    """The mention is a possessor or a modifier inside a longer phrase: "X's spokesman" ('s
    follows it, or ends it, and the phrase goes on), "a Trump campaign source", "a Trump
    confidant", "Clinton spokesman Brian Fallon" (a common noun follows it in the phrase)."""
    end = mention[1]
    if text[end - 2 : end] in {"'s", "’s"}:
        return end < phrase_end and bool(text[end:phrase_end].strip())
    if text[end : end + 2] in {"'s", "’s"}:
        return bool(text[end + 2 : phrase_end].strip())
    following = re.match(r"\s+([a-z]+)", text[end:phrase_end])
    if following is not None and following.group(1) not in _NOT_A_HEAD:
        return True
    # A name coordinated with another before a common noun modifies it too: "Waitematā and
    # Gulf ward councillor Mere Tahana" (not "Smith and Jones", where nothing follows).
    # (Not "Howitt and Garett’s work", whose owners speak through it.)
    joined = re.match(r"\s+(?:and|&)\s+(?:[A-Z][\w.-]*\s+)+([a-z]+)", text[end:phrase_end])
    return joined is not None and joined.group(1) not in _NOT_A_HEAD


# Lower-case words that may follow the speaker's own name in the speaker phrase.
_NOT_A_HEAD = frozenset("and or himself herself themselves itself".split())


def _speaker_kind(draft: QuoteDraft, entities: list[EntityDraft], text: str) -> str:
    if draft.speaker_entity is not None:
        entity = entities[int(draft.speaker_entity[1:]) - 1]
        return "PERSON" if entity.kind == "PERSON" else "ORG"
    if draft.speaker is None:
        return "ANY"
    words = text[draft.speaker[0] : draft.speaker[1]].lower()
    if words in {"i", "we", "me", "us"}:
        return "WRITER"  # the writer speaking: no one a later "she said" can point back to
    if re.search(r"\b(?:officials|sources|people|analysts|experts|residents|they)\b", words):
        return "GROUP"
    if re.search(
        r"\b(?:office|ministry|government|agency|department|company|party|statement|state|court|police|army|"
        r"committee|council|city|county|commission|board|campaign|report|study|poll|it)\b",
        words,
    ):
        return "ORG"
    written = re.sub(r"\s*\([^)]*\)\s*$", "", text[draft.speaker[0] : draft.speaker[1]])  # "Doyle (SF)"
    last_word = written.split()[-1].lower() if written.split() else ""
    if last_word in STOP_WORDS:
        return "THING"  # "Everyone", "Nobody": no one a pronoun points back to
    if last_word in person_nouns() and last_word.endswith("s"):
        return "GROUP"  # "Witnesses said", capitalised only because it opens the sentence
    if re.search(r"(?:^|\s)[A-Z][a-zà-ÿ'’-]+$", written) and not re.match(r"(?:the|a|an)\s", written, re.I):
        # A name the model did not tag ("Oladipo, a veteran of 60 films, said ..."): someone a
        # later "he said" points back to, rather than a speaker named before them.
        return "PERSON"
    # Only a phrase headed by a word for a person is someone "he" or "she" can point back
    # to: "the spokesman", "a senior adviser"; "the data", "a controversial comment" are not.
    head = (re.sub(r"[^\w\s-]", " ", words).split()[-1:] or [""])[0]
    if not _PERSON_HEAD.search(head) or head in NOT_PERSON_NOUNS:
        return "THING"
    # "lawmakers", "women": a group, never "he" or "she".
    plural = head in {"men", "women", "people", "staff"} or (head.endswith("s") and not head.endswith("ss"))
    return "GROUP" if plural else "PERSON"


_PERSON_HEAD = re.compile(
    r"(?:man|woman|men|women|person|people|ers?|ors?|ists?|ians?|ees?|official|aide|chief|leader|"
    r"head|source|mother|father|son|daughter|wife|husband|friend|boss|host|judge|staff|nominee|"
    r"candidate|president|resident|student|agent|correspondent|consultant|assistant|immigrant|"
    r"migrant|participant|he|she|i|we)s?$"
)
# Words with a person's ending ("-er", "-or", "-ent", "-ant") that name things; also read by
# the entity evidence ("astronaut Christer Fuglesang", not "water Steffen Peters").
NOT_PERSON_NOUNS = frozenset(
    "paper letter order number error water border center centre matter chapter quarter computer "
    "poster cover filter power tower meter sector factor motor mirror monitor event content moment "
    "comment statement agreement government department parliament percent cent account amount "
    "plant giant talent payment treatment equipment development".split()
)


def _name_in_doubt(entity: EntityDraft) -> bool:
    """An entity typed as an organisation or a place whose name may be a person's: one
    capitalised word, or two or three opening with a given name ("Luísa Pimenta"), none an
    organisation word, no acronym, not written with "the", no sector, no person noun at the
    end ("Garment Workers"), and no country or metropolis (which speak for their governments:
    "Moscow said")."""
    if entity.kind not in {"ORG", "GPE", "LOC", "FAC"} or entity.sector is not None:
        return False  # a sector is evidence of a body ("the Bangladesh Garment Workers' ...")
    if any(m.text.lower().startswith("the ") for m in entity.mentions):
        return False
    words = entity.name.split()
    if words and words[-1].lower() in person_nouns():
        return False  # "Workers", "Farmers": a body of people, not one
    if len(words) > 1 and not is_given_name(_unaccented(words[0])):
        return False  # "Northwind Energy": a longer name is a person's only with a given name first
    if not 1 <= len(words) <= 3 or any(not w[:1].isupper() or w.isupper() for w in words):
        return False
    if {w.lower() for w in words} & word_list("organisation_words.txt"):
        return False
    place = entity.place
    return place is None or (not isinstance(place, Country) and getattr(place, "population", 0) < _METROPOLIS)


def _unaccented(word: str) -> str:
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()


def _spoke_just_before(draft: QuoteDraft, in_doubt: set[int], subjects: set[int], since: int) -> bool:
    """``draft`` (the attribution just before a pronoun) has its cue at or after ``since``
    and, as its cue's subject (not a name the cue's sentence only mentions: "who said he
    studied Mass Communication"), a speaker whose name is in doubt (``_name_in_doubt``)."""
    if draft.speaker_entity is None or int(draft.speaker_entity[1:]) not in in_doubt:
        return False
    if draft.speaker is None or draft.speaker[0] not in subjects:
        return False
    return (draft.cue or draft.content)[0] >= since


def _last_person_quote_at(history: list[tuple[str, QuoteDraft]]) -> int:
    """Where the last quote of a person so far has its cue (or content); -1 before any."""
    last = next((d for k, d in reversed(history) if k == "PERSON"), None)
    return (last.cue or last.content)[0] if last is not None else -1


def _written(mention: tuple[int, int, int, EntityDraft]) -> str:
    """The words of one entity mention, as written."""
    return next((m.text for m in mention[3].mentions if m.start == mention[0]), mention[3].name)


def _antecedent(
    key: str,
    kind: str | None,
    position: int,
    last_by_kind: dict[str, QuoteDraft],
    mentions: list[tuple[int, int, int, EntityDraft]],
    sentences: tuple[int, int],
    history: list[tuple[str, QuoteDraft]],
    genders: dict[int, str | None],
    subjects: set[int],
    in_doubt: tuple[set[int], set[int]] = (set(), set()),
) -> QuoteDraft | tuple[int, int, int, EntityDraft] | None:
    """What a pronoun speaker at ``position`` points back to. ``sentences``: where the
    sentence before the pronoun's and the pronoun's own begin; ``subjects``: the starts of
    mentions that are a clause's subject; ``in_doubt``: the entities typed as no person whose
    name may yet be someone's (``_name_in_doubt``), and where speaker phrases are subjects."""
    wanted = pronoun_gender(key)
    previous_start, sentence_start = sentences

    def agrees(number: int | None) -> bool:
        """ "she" never points back to a man known as one, nor "he" to a woman."""
        return wanted is None or number is None or genders.get(number) in (None, wanted)

    if kind == "PERSON":
        # A person named earlier in the same sentence ("Trump ... encouraged Americans to
        # check out what he called ...") beats the last speaker.
        local = [
            m for m in mentions
            if sentence_start <= m[0] and m[1] <= position and m[3].kind == "PERSON" and agrees(m[2])
        ]  # fmt: skip
        if local:
            # "Rendell praised Sanders ..., but he said": the subject goes on speaking.
            acting = [m for m in local if m[0] in subjects]
            return (acting or local)[-1]
        # The narration turned to someone else: "Stafford, earlier in the hearing, was adamant
        # ... '...,' he said." A person who is the subject of the sentence before, when the
        # last quote was not in that sentence, beats the last speaker.
        if _last_person_quote_at(history) < previous_start:
            topic = [
                m for m in mentions
                if previous_start <= m[0] < sentence_start and m[0] in subjects
                and m[3].kind == "PERSON" and agrees(m[2])
            ]  # fmt: skip
            if topic:
                return topic[-1]
        if history and _spoke_just_before(history[-1][1], *in_doubt, previous_start):
            # "Kostas was asked ... '...,' she said", "Rezende said ... '...,' she said": the
            # attribution just before, in the sentence before or this one, named someone the
            # model typed as a body or a place; "he" or "she" goes on with that speaker
            # rather than with a person quoted further back.
            return history[-1][1]
        for speaker_kind, earlier in reversed(history):
            number = int(earlier.speaker_entity[1:]) if earlier.speaker_entity else None
            if speaker_kind == "PERSON" and agrees(number):
                return earlier
        before = [m for m in mentions if m[1] <= position and m[3].kind == "PERSON" and agrees(m[2])]
        return before[-1] if before else None
    if kind is None:  # "the spokesperson": the last speaker it describes
        noun = key.split()[-1]
        for draft in reversed(list(last_by_kind.values())):
            if draft.speaker_name and noun in draft.speaker_name.lower():
                return draft
        return None
    if kind in last_by_kind:
        return last_by_kind[kind]
    # In order of preference: "it" is an organisation before it is a country.
    preferences = {
        "PERSON": (("PERSON",),),
        "ORG": (("ORG",), ("GPE",)),
        "GROUP": (("ORG", "NORP"), ("GPE",)),
    }[kind]
    for wanted in preferences:
        # A nationality written as an adjective ("American families") names no one; a people
        # ("Americans", "Palestinians") can be "they".
        before = [
            m for m in mentions
            if m[1] <= position and m[3].kind in wanted
            and not (m[3].kind == "NORP" and not _written(m).endswith("s"))
        ]  # fmt: skip
        if before:
            return before[-1]
    return None
