"""Who a phrase names: its bounds, the entity mentions inside it (or its nationality word), a
pronoun's referent, the subject of a verb, the owner of an abstract object, and the recipients
an object names."""

from __future__ import annotations

import re
from typing import Any

from newsmill.analyze.dictionaries import agent_sector
from newsmill.analyze.events.article import Article, in_quote
from newsmill.analyze.events.coding import (
    GROUP_WORDS,
    IGO,
    NGO,
    SECTOR_WORDS,
    _sector,
    is_person_word,
    stance,
    word_code,
)
from newsmill.analyze.events.drafts import ParticipantDraft, dedupe
from newsmill.analyze.events.gate import is_non_actor
from newsmill.analyze.events.settle import is_people
from newsmill.analyze.events.triggers import _child, _noun_sense
from newsmill.analyze.plover import HOSTILE
from newsmill.analyze.sentences import text_of
from newsmill.analyze.wordlists import words

# Objects that stand for their owner: "praised Haiti's efforts", "rejected a U.S. request".
ABSTRACT_OBJECTS = words("events/abstract_objects.txt")


PRONOUNS = {
    "he": "PERSON", "him": "PERSON", "his": "PERSON", "she": "PERSON", "her": "PERSON",
    "it": "GROUP", "its": "GROUP", "they": "PLURAL", "them": "PLURAL", "their": "PLURAL",
    "we": "GROUP", "our": "GROUP",
}  # fmt: skip
_FIRST_PERSON = frozenset("i me my we us our".split())
# "you" is the reader, or whoever a speaker addresses: never the last country or company named
# ("If you want ad-free Hulu, you will have to upgrade" is no American act).
SECOND_PERSON = frozenset("you your yours yourself yourselves".split())
_REFLEXIVES = frozenset("themselves itself himself herself ourselves".split())


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


def participants(head: Any, article: Article, actor_side: bool) -> list[ParticipantDraft]:
    """One participant per conjunct of the phrase headed by ``head`` (pronouns resolved)."""
    heads = [head, *head.conjuncts] if head.dep_ != "conj" else [head]
    out: list[ParticipantDraft] = []
    for item in heads:
        out.extend(participant(item, article, actor_side))
    return out


# Heads that count or collect what their "of" phrase names: "scores of Liberian refugees".
_QUANTITY_HEADS = words("events/quantity_heads.txt")


def participant(head: Any, article: Article, actor_side: bool) -> list[ParticipantDraft]:
    if not actor_side and head.lower_ in _REFLEXIVES:
        return []  # "killed 23 people as well as themselves": no one else
    if article.in_dateline(head.idx):
        return []  # where the story was filed ("NEW DELHI: ..."), taken by the parse for a subject
    return _counted(head, article, actor_side) or _participant_phrase(head, article, actor_side)


def _counted(head: Any, article: Article, actor_side: bool) -> list[ParticipantDraft]:
    """'scores of Liberian refugees': the participants a counting head counts."""
    if head.lower_ in _QUANTITY_HEADS and head.pos_ in {"NOUN", "PRON", "ADJ", "NUM"}:
        counted = next(
            (_child(c, "pobj") for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None
        )
        if counted is not None and counted.pos_ in {"NOUN", "PROPN"}:
            found = participants(counted, article, actor_side)
            whole = _phrase_bounds(head)
            # The phrase reads as written ("scores of ... refugees"); the codes are the counted's.
            if len(found) == 1:
                found[0].start, found[0].end = whole
            if any(f.code for f in found):
                return found
            if found and is_person_word(counted):
                # "thousands of villagers" are villagers, coded by the whole phrase if at all
                # ("Tens of thousands of students throughout Indonesia").
                whole_phrase = _participant_phrase(head, article, actor_side)
                return whole_phrase if any(p.code for p in whole_phrase) else found
    return []


def _participant_phrase(head: Any, article: Article, actor_side: bool) -> list[ParticipantDraft]:
    """The participants a phrase names: a pronoun's referent, the mentions inside it, or the
    phrase itself with the nationality it is written with."""
    if head.lower_ in {"they", "them", "their"} and article.plural_actors:
        # "They would meet": the parties of the last event with several actors.
        return [
            ParticipantDraft(head.idx, head.idx + len(head.text), a.entity, a.code, a.sector)
            for a in article.plural_actors
        ]
    if head.lower_ in PRONOUNS or head.tag_ in {"PRP", "PRP$"}:
        resolved = _resolve_pronoun(head, article)
        if resolved is not None:
            return [resolved]
        if head.lower_ in PRONOUNS:
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
        elif before_head and head.pos_ != "PROPN":
            # "U.S. forces in southern Syria's al-Tanf": whose they are is written before the
            # head; what follows it says where they are.
            chosen = before_head[:1]
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
            if start <= token.idx < end and not stance(article.text, token.idx, token.idx + len(token.text)):
                code = word_code(token, article.gazetteer)
                if code:
                    break
        if code is None and head.pos_ == "PROPN" and IGO.search(article.text[start:end]):
            code = "IGO"
        if code is None and NGO.search(article.text[start:end]):
            code = "NGO"  # "a human rights group"
        if (
            code is None
            and not actor_side
            and not _an_agent(head)
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
        if IGO.search(article.text[start:end]) and entity.kind in {"ORG", "NORP"} and code is None:
            code = "IGO"
        span = (mention[0], mention[1]) if len(chosen) > 1 else (start, end)
        if code is None and entity.kind in {"PERSON", "ORG", "NORP"}:
            # "South African leader F.W. de Klerk", "Iraqi Kurds": the nationality written before.
            for other in inside:
                if other[1] <= mention[0] and article.codes[other[2]]:
                    code = article.codes[other[2]]
        title = article.text[start : mention[0]] if entity.kind == "PERSON" else ""
        appositive = article.text[mention[1] : end] if entity.kind in {"PERSON", "GPE"} else ""
        if code != "IGO" and IGO.search(title + " " + appositive):
            # "U.N. Secretary-General Kofi Annan", "Oshima, the UN relief coordinator": the
            # office-holder acts for the organisation ("NATO-member Norway" is still Norway).
            code = "IGO"
        sector = _sector(head, entity, start, end, article.text)
        if code == "IGO" or code == "NGO":
            sector = sector if sector in {"MIL", "GOV"} else None
        out.append(ParticipantDraft(span[0], span[1], mention[2], code, sector))
    return out


def _resolve_pronoun(token: Any, article: Article) -> ParticipantDraft | None:
    """he/she/it/they: the quote's resolved speaker, a governing clause's subject, or the last
    mention of a fitting kind."""
    start, end = token.idx, token.idx + len(token.text)
    if token.lower_ in SECOND_PERSON:
        return None
    if token.lower_ in _FIRST_PERSON:
        # "we" and "I" in a quote are its speaker; outside a quote, no one we can name.
        quote = in_quote(token, article)
        speaker = article.quotes[quote].speaker_entity if quote is not None else None
        index = int(speaker[1:]) - 1 if speaker else -1
        return _entity_participant(start, end, index, article) if 0 <= index < len(article.entities) else None
    if token.lower_ == "it" and token.dep_ in {"nsubj", "nsubjpass"} and _thing_before(token, article):
        return None
    for quote in article.quotes:
        if quote.speaker == (start, end) and quote.speaker_entity:
            index = int(quote.speaker_entity[1:]) - 1
            if 0 <= index < len(article.entities):
                return _entity_participant(start, end, index, article)
    node = token
    uncoded: ParticipantDraft | None = None
    # An object pronoun is never the subject of its own clause ("WikiLeaks hit Snowden back by
    # accusing him": him is Snowden, not WikiLeaks): it skips the subjects above it.
    is_object = token.dep_ in {"dobj", "obj", "dative", "pobj"} and token.lower_ in _OBJECT_PRONOUNS
    bound = _subject_entities(token, article) if is_object else set()
    for _ in range(10):
        if node.head == node:
            break
        node = node.head
        subject = _child(node, "nsubj")
        if subject is not None and subject != token and subject.i < token.i and subject.tag_ not in {"PRP"}:
            found = participant(subject, article, actor_side=True)
            if found and found[0].entity is not None and found[0].entity in bound:
                continue  # the object's own clause's subject is never the object
            if found and (found[0].code or found[0].entity is not None):
                resolved = found[0]
                return ParticipantDraft(start, end, resolved.entity, resolved.code, resolved.sector)
            if found and is_people(found[0], article) and uncoded is None:
                # "The Umma party has said it will boycott ...": a group the text gives no
                # country; the sentence may (the rules for groups apply to the pronoun).
                resolved = found[0]
                referent = (resolved.start, resolved.end)
                uncoded = ParticipantDraft(start, end, sector=resolved.sector, referent=referent)
    want = PRONOUNS.get(token.lower_, "GROUP")
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
        if fits and mention[2] not in bound:
            return _entity_participant(start, end, mention[2], article)
        if mention[0] < start - 600:
            break  # a pronoun refers back a paragraph or two, not across the article
    return uncoded


_OBJECT_PRONOUNS = frozenset("him her them it".split())


def _subject_entities(token: Any, article: Article) -> set[int]:
    """The entities named by the subject of ``token``'s own clause — found up through the
    verbs it shares a subject with ("hit Snowden back by accusing him"), not past a clause of
    its own ("Obama said Putin had insulted him": him may be Obama)."""
    out: set[int] = set()
    node = token
    for _ in range(10):
        if node.head.i == node.i:
            break
        crossing = node.dep_ in {"ccomp", "relcl", "parataxis", "advcl", "acl"}
        node = node.head
        if crossing:
            break
        for child in node.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                start, end = _phrase_bounds(child)
                out.update(m[2] for m in article.mentions.within(start, end))
    return out


def _thing_before(token: Any, article: Article) -> bool:
    """Whether "it", opening its sentence, continues a thing the sentence before was about:
    the subject of that sentence's main verb is a common noun that names no organisation, place
    or people ("The bill would ... It would also allow those deported to return": the bill, not
    the country last named). A subject pronoun most often continues the last subject."""
    sentence = token.sent
    if token.i - sentence.start > 1 or sentence.start == 0:
        return False
    previous = token.doc[sentence.start - 1].sent
    subject = _child(previous.root, "nsubj", "nsubjpass")
    if subject is None or subject.pos_ != "NOUN":
        return False
    # The head decides: "A strong showing from Mr. Rubio" is a thing, whoever it is from.
    if article.mentions.covering(subject.idx, subject.idx + len(subject.text)) or is_person_word(subject):
        return False
    return not (subject.lemma_.lower() in GROUP_WORDS or agent_sector(subject.lemma_) is not None)


def _entity_participant(start: int, end: int, index: int, article: Article) -> ParticipantDraft:
    entity = article.entities[index]
    sector = {"MEDIA": "JRN", "POL": "PTY"}.get(entity.sector or "", entity.sector)
    return ParticipantDraft(start, end, index, article.codes[index], sector)


_STATEMENT_NOUNS = words("events/statement_nouns.txt")


def measure_targets(targets: list[Any], event_type: str) -> list[Any]:
    """A concession's 'on' names whom a measure was on ('lifted the ban on the FIS'), not what
    ('restrictions on the use of the Russian language')."""
    if event_type != "CONCEDE":
        return targets
    return [t for t in targets if t.pos_ == "PROPN" or is_person_word(t) or t.lower_ in GROUP_WORDS]


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
            extraposed = (
                node.dep_ == "xcomp"
                and node.head.lemma_ == "be"
                and any(c.dep_ == "acomp" and c.lemma_.lower() not in _RAISING for c in node.head.children)
            )
            node = node.head
            subject = _child(node, "nsubj")
            if subject is not None and extraposed and subject.lower_ == "it":
                return None, False  # "it was premature to back ...": no one, the act is judged
            if subject is not None:
                return subject, False
        elif node.dep_ == "acl" and node.head.lemma_.lower() in _STATEMENT_NOUNS:
            # "The PKK issued a declaration demanding ...": who issued the statement demands.
            subject = _child(node.head.head, "nsubj") if node.head.head != node.head else None
            return (subject, False) if subject is not None else (None, False)
        elif node.dep_ == "relcl" or (node.dep_ == "acl" and node.tag_ in {"VBG", "VBD", "VBZ", "VBP"}):
            # "rebels fighting the army", "the group that attacked"; a finite verb read as a
            # modifier ("Palestinian youths resorted to ...") is the noun's predicate.
            if any(c.tag_ == "WRB" for c in node.children):
                # "states where the drug has been legalized": the noun is where (or when) it
                # happened, not who did it.
                return None, False
            return node.head, False
        else:
            break
    return None, False


# Adjectives whose subject is the actor of their infinitive ("Iran is likely to attack", "is
# ready to talk"); others judge an act with an empty "it" ("it was premature to back ...").
_RAISING = frozenset(
    "likely unlikely certain sure bound set due ready willing able prepared poised about".split()
)


def _owner(noun: Any, article: Article) -> Any:
    """Whose is an abstract object: 'Haiti's efforts', 'a U.S. request', 'calls by Kofi Annan'."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ in {"amod", "compound", "nmod"} and (
            article.mentions.covering(child.idx, child.idx + len(child.text))
            or word_code(child, article.gazetteer)
        ):
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in {"by", "from", "of"}:
            pobj = _child(child, "pobj")
            if pobj is not None and (child.lower_ != "of" or _noun_sense(pobj) is None):
                return pobj
    return None


def prep_objects(token: Any, prepositions: frozenset[str]) -> list[Any]:
    out = []
    for child in token.children:
        if child.dep_ in {"prep", "dative"} and child.lower_ in prepositions:
            pobj = _child(child, "pobj")
            if pobj is not None:
                out.append(pobj)
        elif child.dep_ == "dative" and child.pos_ in {"PROPN", "NOUN", "PRON"}:
            out.append(child)
    return out


_IN_BEFORE = re.compile(r"\bin\s+(?:the\s+)?(?:[a-z\-]+\s+)?$")
_PLACE_NOUNS = words("events/place_nouns.txt")


def located_phrase(token: Any, article: Article) -> tuple[int, int, int | None] | None:
    """Where an event happens: a place mention, or a place noun named by its country
    ('the Belarusian-Ukrainian border')."""
    place = is_place(token, article)
    if place is not None:
        return place
    if token.lemma_.lower() in _PLACE_NOUNS:
        start, end = _phrase_bounds(token)
        if article.mentions.within(start, end):
            return start, end, None
    return None


def is_place(token: Any, article: Article) -> tuple[int, int, int] | None:
    """The place mention a phrase names, when the phrase is a place ('Chernobyl ... plant')."""
    start, end = _phrase_bounds(token)
    for mention in article.mentions.within(start, end):
        if article.entities[mention[2]].kind in {"GPE", "LOC", "FAC"}:
            return mention
    return None


_TRANSFER_NOUNS = words("events/transfer_nouns.txt")
_COMPANY_NOUNS = words("events/company_nouns.txt")


_ROUTES = words("events/route_nouns.txt")
_DOCUMENTS = words("events/document_names.txt") | {
    "deal",
    "deals",
    "pact",
    "pacts",
    "contract",
    "contracts",
    "memorandum",
}


def _counts_documents(target: Any) -> bool:
    """ "a package of agreements", "a raft of deals": a measure of documents is documents."""
    return any(
        t.dep_ == "pobj" and t.lemma_.lower() in _DOCUMENTS
        for prep in target.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for t in prep.children
    )


# Acts two sides share: their object is the matter, not a party.
_SHARED_ACTS = frozenset({"AGREE", "CONSULT", "COOPERATE"})


def object_participants(target: Any, event_type: str, article: Article) -> list[ParticipantDraft]:
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
            for t in prep_objects(target, frozenset({"to", "for"}))
            for p in object_participants(t, event_type, article)
            if p.code
        ]
        if found:
            return found
    if target.pos_ == "NOUN" and not is_person_word(target) and lemma not in GROUP_WORDS:
        # "demanded an admission by Moscow", "violated a ban by General Aoun": a thing done by
        # someone stands for them.
        for agent in prep_objects(target, frozenset({"by"})):
            found = [
                p for p in participants(agent, article, actor_side=False) if p.code or p.entity is not None
            ]
            if found:
                return found
    if lemma in ABSTRACT_OBJECTS or (_noun_sense(target) is not None and target.pos_ == "NOUN"):
        owner = _owner(target, article)
        if owner is not None:
            return participants(owner, article, actor_side=False)
        # "the nightly curfew imposed in Sudan": a measure acts on the people where it applies.
        for token in target.subtree:
            if token.dep_ == "pobj" and token.head.lower_ == "in" and (place := is_place(token, article)):
                code = article.codes[place[2]]
                return [ParticipantDraft(place[0], place[1], place[2], code, "CVL")] if code else []
        return []
    if lemma in _ROUTES or target.lower_ in _ROUTES:
        return []  # "blocked the Dhaka-Rangpur highway": where, not whom
    if event_type in _SHARED_ACTS | {"SUPPORT"} and (lemma in _DOCUMENTS or _counts_documents(target)):
        # "signed a package of agreements worth $1.1 billion": what is signed, not with whom (a
        # ban or a ruling denounced still stands for whoever made it)
        return []
    if (
        event_type in _SHARED_ACTS
        and target.pos_ == "NOUN"
        and is_non_actor(target)
        and not any(c.dep_ == "poss" for c in target.children)
    ):
        # "agreed to increase Kenyan imports": in an act two sides share, a market thing is what
        # they agree on, not the other side (a threat or a sanction on "Belarusian potash
        # exports" is aimed at Belarus; "boycott Algeria's elections" at Algeria)
        return []
    if target.dep_ != "conj" and target.conjuncts:
        # "aid for Romania and Poland": every conjunct is a recipient.
        return dedupe(
            [p for t in [target, *target.conjuncts] for p in _object_participant(t, event_type, article)]
        )
    return _object_participant(target, event_type, article)


def _object_participant(target: Any, event_type: str, article: Article) -> list[ParticipantDraft]:
    place = is_place(target, article)
    covering = article.mentions.covering(target.idx, target.idx + len(target.text))
    if place is not None and target.pos_ == "PROPN" and (covering is None or covering[2] == place[2]):
        # A place done something to stands for its country (and people), not for itself.
        sector = "CVL" if event_type in HOSTILE else None
        return [ParticipantDraft(*_phrase_bounds(target), place[2], article.codes[place[2]], sector)]
    found = participants(target, article, actor_side=False)
    # "evacuated thousands of villagers"; the forces a mobilisation calls up are its means, not
    # whom it is aimed at ("mobilized army reservists for a possible war against Iraq").
    agent = is_person_word if event_type == "MOBILIZE" else _an_agent
    people = agent(target) or (target.lower_ in _QUANTITY_HEADS and any(agent(t) for t in target.subtree))
    return [p for p in found if p.code or p.entity is not None or people or _state_owned(target)]


def _an_agent(noun: Any) -> bool:
    """People named by a word (``person_words.txt``) or by a role or trade the curated Phoenix
    agents dictionary knows ("a former executive engineer", "representatives of owners",
    "thousands of teachers"): someone an act can be done to, though the text names no entity."""
    if is_person_word(noun):
        return True
    return noun.pos_ == "NOUN" and any(
        agent_sector(w) is not None for w in (noun.lower_, noun.lemma_.lower())
    )


def _state_owned(noun: Any) -> bool:
    """'a government transport plane', 'an army convoy': a state body's vehicle, post or
    building, which stands for that body."""
    return noun.lemma_.lower() in _STATE_THINGS and any(
        c.dep_ in {"amod", "compound"} and SECTOR_WORDS.get(c.lower_) in {"GOV", "MIL", "COP"}
        for c in noun.children
    )


_STATE_THINGS = words("events/state_things.txt")
