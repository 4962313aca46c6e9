"""How sure we are that a person, organisation or group is one: evidence, not the label alone.

spaCy's small model labels capitalised runs: on everyday news it calls products, car models,
headlines, diseases and stat lines PERSON or ORG. A draft entity keeps the model's label but
earns its confidence from evidence in the document (``docs/confidence.md``):

- **Against** (the span is not a name of that kind): lower-case words, digits or handles in a
  person's name; a verb or a possessive inside the name; a club word at a person's end
  ("Manchester United"); a thing word at the head ("Hubble Space Telescope", from
  ``data/thing_words.txt``); a headline's verbs inside an organisation; "<role> of <body>";
  products counted, owned or used ("MacBooks", "Apple's MacBook", "on Stadia"); an acronym of
  a lower-case term; unbalanced brackets; the solar system's bodies.
- **For**: a full name with a known first name; a title or role; speaking in a quote; an entry
  in the actor dictionary; an organisation word ("Inc", "Ministry", "University", ...; from
  ``data/organisation_words.txt``); an acronym the text spells out as a name; CamelCase; several
  mentions; acting as a sentence's subject; a possessive use ("Alibaba's").

Places get theirs when they are resolved (``places.py``); here a place name the document also
uses for a confident organisation ("Toyota") is lowered.

Scores are combined as a base for the shape of the name, raised by the strongest evidence
for it and capped by the strongest evidence against it.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Any

from newsmill.analyze.actors import key as actor_key
from newsmill.analyze.actors import load_actors
from newsmill.analyze.dictionaries import agents
from newsmill.analyze.entities import EntityDraft, _bare, known_actor
from newsmill.analyze.gazetteer import Country, Gazetteer
from newsmill.analyze.gender import is_first_name
from newsmill.analyze.given_names import is_given_name, is_surname
from newsmill.analyze.places import NAME_PARTICLES, celestial_bodies, is_locative
from newsmill.analyze.quote_evidence import SPEAKER_NOUNS
from newsmill.analyze.quote_speakers import NOT_PERSON_NOUNS
from newsmill.analyze.roles import TITLES, whole_title
from newsmill.analyze.sentences import text_of, tokens_in
from newsmill.analyze.wordlists import pairs, words

# Words a body's name leaves in lower case: "Department of Homeland Security", "Doctors without
# Borders", "Bank for International Settlements".
_LINKING_WORDS = frozenset("of and for the on in at to by with without against a an".split())
_POSSESSIVE_INSIDE = re.compile(r"['’]s\s")
_HANDLE = re.compile(r"[@#/]|https?:|www\.|\.com\b")
_DIGIT = re.compile(r"\d")


def organisation_words() -> frozenset[str]:
    return words("organisation_words.txt")


def club_words() -> frozenset[str]:
    return words("club_words.txt")


def thing_words() -> frozenset[str]:
    return words("thing_words.txt")


_PRODUCT_CODE = re.compile(r"\b(?=\w*\d)(?=\w*[A-Za-z])\w{2,}\b")
# Words after a name that make it a product ("Stadia controller", ``data/product_words.txt``),
# and words ending a name that make it a model ("Switch Lite", ``data/model_words.txt``).
_PRODUCT_NEXT = words("product_words.txt")
_MODEL_ENDINGS = words("model_words.txt")


def _head_is_thing(name: str) -> bool:
    words = [w.lower().strip(".,()") for w in name.split()]
    return bool(words) and words[-1] in thing_words()


def _used_as_product(entity: EntityDraft, doc: Any) -> bool:
    """'on Stadia', "Google's Stadia", 'the Chromecast Ultra', 'Switch Lite': a product's use,
    not a firm's."""
    name = entity.name.split()
    if len(name) > 1 and name[-1].lower() in _MODEL_ENDINGS:
        return True
    for mention in entity.mentions:
        tokens = tokens_in(doc, mention.start, mention.end)
        if not tokens:
            continue
        first, last = tokens[0], tokens[-1]
        before = doc[first.i - 1] if first.i > 0 else None
        after = doc[last.i + 1] if last.i + 1 < len(doc) else None
        if after is not None and after.lower_ in _PRODUCT_NEXT:
            return True
        if before is not None and before.lower_ in {"on", "via"} and before.head.pos_ == "VERB":
            return True
        if before is not None and before.tag_ == "POS" and before.head.ent_type_ == "ORG":
            return True
    return False


@functools.cache
def _title_words() -> frozenset[str]:
    words = {w.strip(".").lower() for title in TITLES for w in title.split()}
    words |= set("founder co-founder chairman chairwoman chair director head chief executive officer "
                 "administrator ombudsman spokesman spokeswoman spokesperson analyst coach manager "
                 "professor president senator governor mayor secretary minister judge justice "
                 "officer detective sheriff commissioner superintendent public senior deputy "
                 "former".split())  # fmt: skip
    return frozenset(words)


_DETERMINERS = frozenset("a an the".split())
# Heads of "<role> of <organisation>" runs the model takes for an organisation.
_ROLE_HEADS = frozenset(
    "founder co-founder ceo chairman chairwoman chair director president head chief executive officer "
    "spokesman spokeswoman spokesperson analyst professor secretary minister member".split()
)


def _clean_person_name(text: str) -> str:
    """The name after the last title, determiner or owner before it: 'President Obama' →
    'Obama', 'a Mitt Romney' → 'Mitt Romney', 'Former Pennsylvania Gov. Ed Rendell' → 'Ed
    Rendell', "Wichita North's Miguel Bernal" → 'Miguel Bernal', "Mike Wall's" → 'Mike Wall'."""
    text = re.sub(r"['’]s?$", "", text.strip())
    owner, *owned = re.split(r"['’]s\s+", text)
    # "Jeff Bezos's Blue Origin": the owner is the person; "Wichita North's Miguel Bernal":
    # the owned is. A known first name says which.
    text = owner if owned and owner.split() and is_first_name(owner.split()[0]) else (owned or [owner])[-1]
    words = text.split()
    cut = 0
    for index, word in enumerate(words[:-1]):
        if word.lower() in _DETERMINERS or word.lower().strip(".") in _title_words():
            cut = index + 1
    return " ".join(words[cut:])


def _well_formed_person(name: str) -> bool:
    words = name.split()
    return (
        0 < len(words) <= 4
        and not _DIGIT.search(name)
        and not _HANDLE.search(name)
        and all(w[:1].isupper() or w.lower() in NAME_PARTICLES for w in words)
    )


def _trim_owner(mention: Any) -> Any:
    """The person's part of a mention 'Owner's Owned' when both are names."""
    found = re.search(r"['’]s\s+(?=[A-Z])", mention.text)
    if found is None:
        return mention
    owner, owned = mention.text[: found.start()], mention.text[found.end() :]
    if owner.split() and is_first_name(owner.split()[0]):
        mention.end = mention.start + len(owner)
        mention.text = owner
    else:
        mention.start += found.end()
        mention.text = owned
    return mention


def repair_person(entity: EntityDraft, doc: Any) -> None:
    """The person's canonical name from its best-formed mention, and no mention that is a
    headline run around the name ("Black Lawmakers Rip Donald Trump"): a verb inside a
    mention that also holds a well-formed name is not part of the name."""
    kept = []
    for mention in entity.mentions:
        tokens = tokens_in(doc, mention.start, mention.end)
        if len(tokens) > 2 and any(t.pos_ == "VERB" for t in tokens[1:-1]):
            continue
        kept.append(_trim_owner(mention))
        # "Jeff Bezos's Blue Origin" → "Jeff Bezos"; "Wichita North's Miguel Bernal" → "Miguel
        # Bernal"; "Pakistan's top diplomat" (a description) stays whole.
    if kept:
        entity.mentions = kept
    candidates = [_clean_person_name(m.text) for m in entity.mentions]
    candidates = [c for c in candidates if _well_formed_person(c)]
    if not candidates:
        return
    surname = Counter(c.split()[-1] for c in candidates).most_common(1)[0][0]
    fitting = [c for c in candidates if c.split()[-1] == surname] or candidates
    best = max(fitting, key=lambda c: (len(c.split()), len(c)))
    if not _well_formed_person(_clean_person_name(entity.name)) or len(best.split()) >= len(
        entity.name.split()
    ):
        entity.name = best
    else:
        entity.name = _clean_person_name(entity.name)
    first, _, rest = entity.name.partition(" ")
    if len(entity.name.split()) >= 3 and rest in candidates and not is_given_name(first):
        # "Crooked Hillary Clinton" beside "Hillary Clinton": an epithet before a name the text
        # also writes alone is not part of it (a given name is: "Martin Luther King").
        entity.name = rest


_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof)\.?\s+$")
_MIDDLE_INITIAL = re.compile(r"^[A-Z][a-z]+ (?:[A-Z]\. )+[A-Z][a-z]")
# Person nouns ending a word like these ("rider", "novelist", "astronaut"); things with the
# same endings are in ``quote_speakers.NOT_PERSON_NOUNS``.
_PERSON_ENDING = re.compile(r"(?:ers?|ors?|ists?|ians?|ees?|nauts?|ants?|ents?)$")


def _introduced_as_person(entity: EntityDraft, doc: Any) -> bool:
    """The text presents the name as somebody's: an honorific ("Mr. Rudolph"), a middle
    initial ("Renzo B. Larriviere"), or a person noun just before it ("astronaut Christer
    Fuglesang", "dressage rider Steffen Peters", "student Aidan Gantenbein") or in apposition
    ("his wife, Jane,")."""
    text = text_of(doc)
    if _MIDDLE_INITIAL.match(entity.name):
        return True
    for mention in entity.mentions:
        if _HONORIFIC.search(text[max(0, mention.start - 6) : mention.start]) or re.match(
            r"(?:Mr|Mrs|Ms|Mx|Dr)\.?\s", mention.text
        ):
            return True
        tokens = tokens_in(doc, mention.start, mention.end)
        if not tokens or tokens[0].i == 0:
            continue
        before = doc[tokens[0].i - 1]
        if before.text == "," and tokens[0].i >= 2 and tokens[0].dep_ == "appos":
            before = doc[tokens[0].i - 2]  # "his wife, Jane, offered": a name in apposition
        noun = before.lower_
        common = before.tag_ in {"NN", "NNS"} and before.text.islower() and noun not in NOT_PERSON_NOUNS
        if common and (noun in agents() or noun in SPEAKER_NOUNS or _PERSON_ENDING.search(noun)):
            return True
    return False


def _first_word_alone(entity: EntityDraft, doc: Any) -> bool:
    """The name's first word stands elsewhere in the text without the word after it."""
    words = entity.name.split()
    if len(words) < 2:
        return False
    pattern = re.compile(rf"\b{re.escape(words[0])}\b(?![\s-]+{re.escape(words[1])})")
    return pattern.search(text_of(doc)) is not None


def person_confidence(entity: EntityDraft, doc: Any, speaks: bool) -> float:
    names = [m.text for m in entity.mentions]
    words = entity.name.split()
    if not words:
        return 0.0
    against = 1.0
    if entity.name.lower() in celestial_bodies():
        against = min(against, 0.1)
    if _DIGIT.search(entity.name) or _HANDLE.search(entity.name):
        against = min(against, 0.1)
    if any(w[:1].islower() and w.lower() not in NAME_PARTICLES for w in words):
        against = min(against, 0.15)
    if _POSSESSIVE_INSIDE.search(entity.name + " "):
        against = min(against, 0.2)
    if len(words) > 4:
        against = min(against, 0.3)
    if any(w.lower() in {"or", "and", "&", "vs", "vs."} for w in words[1:-1]):
        against = min(against, 0.2)  # two things joined: "Pokemon Sword OR Shield"
    if len(words) > 1 and _head_is_thing(entity.name):
        against = min(against, 0.2)  # "Cannabis Use Disorder", "Event Horizon"
    first = words[0]
    landforms = pairs("landform_words.txt")
    if len(words) > 1 and (
        landforms.get(first.lower().strip(".")) == "opens"
        or (landforms.get(words[-1].lower()) == "closes" and (len(words) >= 3 or not is_given_name(first)))
    ):
        against = min(against, 0.2)  # "Lake Turkana", "Catherine Hill Bay": a place
    if whole_title(entity.name) is not None:
        against = min(against, 0.1)  # "Councillor" alone: a title, no one's name
    if first.lower().strip(".") in _title_words() and len(words) > 1:
        against = min(against, 0.35)  # a role glued to the name: "Administrator Jim Bridenstine"
    for mention in entity.mentions:
        tokens = tokens_in(doc, mention.start, mention.end)
        if tokens and tokens[0].tag_ in {"VBG", "VBD", "VBZ", "VBP"}:
            against = min(against, 0.25)  # "Hosting Cook": a verb glued to a surname
    known_first = is_given_name(first)
    titled = entity.role is not None or any(m.title_start is not None or m.role for m in entity.mentions)
    last = words[-1].lower().replace(".", "")  # "Medivita S.A.": a legal form with its dots
    if (
        len(words) > 1
        and (last in organisation_words() or words[-1].lower() in organisation_words())
        and not (titled or speaks)
    ):
        against = min(against, 0.3)  # "Manchester United", "Bolton Wanderers": a club
    if len(words) > 1 and last in _BODY_HEADS:
        against = min(against, 0.2)  # "Workers Protection Agency said": a body, speaking or not
    if all(w.isupper() for w in words) and len(words) == 1:
        against = min(against, 0.3)
    if any(m.text.lower().startswith(("a ", "an ")) for m in entity.mentions) and not known_first:
        against = min(against, 0.4)  # "a Grocery Store": no one's name takes "a"
    if len(words) > 1 and any(len(w) >= 3 and w.isupper() and w.isalpha() for w in words):
        against = min(against, 0.3)  # a byline's outlet glued on: "Kevin McCoy USA TODAY"
    support = 0.4 if len(words) == 1 else 0.45
    if len(words) > 1 and known_first:
        support = 0.95
    aged = any(m.source == "age" for m in entity.mentions)  # "Fadime Kalkavan, 63,": missed_names.aged_names
    if titled or speaks or aged or _introduced_as_person(entity, doc):
        support = max(support, 0.85)
    if known_actor(entity) is not None:
        support = max(support, 0.95)
    if (
        len(words) > 1
        and len(set(names)) > 1
        and (known_first or (is_surname(words[-1]) and not _first_word_alone(entity, doc)))
    ):
        # The article names them in full and again — by the surname, as news does. A first
        # word the article also uses on its own is a maker's ("Nintendo Switch Lite" and
        # "Nintendo", "Sonos Move" and "Sonos"): no one's first name; and a last word that is
        # no family name is a model's ("Galaxy Note" and "Note", "Switch Lite").
        support = max(support, 0.8)
    return min(support, against)


def organisation_confidence(entity: EntityDraft, doc: Any, speaks: bool) -> float:
    name = entity.name
    words = name.split()
    if not words:
        return 0.0
    against = 1.0
    lowered = [w.lower().strip(".,()") for w in words]
    parts = {part for w in lowered for part in w.split("-")}
    named_as_body = bool(parts & organisation_words())  # "Ministry of ...", "... Inc."
    if name[:1].islower():
        against = min(against, 0.3)
    common = NAME_PARTICLES | _LINKING_WORDS | organisation_words()
    if any(w.isalpha() and w.islower() and w not in common for w in words[1:]):
        # "Republican hopefuls court" (a headline clause): a body's name capitalises its words
        # but for particles and linking words ("Bank of America") and the body's own kind
        # ("the Democratic party").
        against = min(against, 0.3)
    if name.count("(") != name.count(")"):
        against = min(against, 0.3)
    if _HANDLE.search(name) and not name.lower().endswith(".com"):
        against = min(against, 0.3)
    if len(words) > 2 and lowered[0] in _ROLE_HEADS and lowered[1] == "of":
        against = min(against, 0.25)  # "Founder of Ceres Robotics Inc.": a role, not the body
    verbs = 0
    for mention in entity.mentions:
        tokens = tokens_in(doc, mention.start, mention.end)
        verbs = max(
            verbs, sum(1 for t in tokens[1:] if t.pos_ in {"VERB", "AUX"} and t.lower_ not in {"united"})
        )
    if verbs:
        against = min(against, 0.2)  # a headline: "Home Depot Stock Is Falling After ..."
    if len(words) > 5 and not named_as_body:
        against = min(against, 0.3)  # a headline run: "Google Stadia Red Dead Redemption 2"
    if _head_is_thing(name) or _PRODUCT_CODE.search(name):
        against = min(against, 0.2)  # "Hubble Space Telescope", "SunShot Initiative", "CMAL3"
    if not named_as_body and _used_as_product(entity, doc):
        against = min(against, 0.35)
    if _POSSESSIVE_INSIDE.search(name + " ") and not named_as_body:
        against = min(against, 0.3)  # "Apple's MacBook": the owner's product, not a body
    if not named_as_body and any(_is_plural_of(m.text, text_of(doc)) for m in entity.mentions):
        against = min(against, 0.3)  # "MacBooks", "iPhones": a product is counted, a firm is not
    if all(w in organisation_words() for w in lowered):
        against = min(against, 0.3)  # "Office", "the Team": a generic word, no name
    if len(words) > 1 and pairs("landform_words.txt").get(lowered[0]) == "opens" and not named_as_body:
        against = min(against, 0.2)  # "Typhoon Dalisay", "Lake Turkana": a storm or a place
    support = 0.45
    if named_as_body:
        support = 0.9
    actors = load_actors()
    lookup = actor_key(name)
    known = (
        speaks or known_actor(entity) is not None or lookup in actors.acronyms or lookup in actors.companies
    )
    if known:
        support = max(support, 0.9)
    spelled = _spelled_out(entity, doc)
    if spelled is True:
        support = max(support, 0.9)
    elif spelled is False and not known:
        against = min(against, 0.3)  # "binge eating disorder (BED)": a term's acronym
    if re.search(r"[a-z][A-Z]", name) and " " not in name and not name.endswith("s"):
        support = max(support, 0.75)  # CamelCase company names: WeWork, SoftBank
    if len(entity.mentions) >= 2 and len(words) > 1:
        # A multi-word name used again is a name; a single word repeated may be a product.
        support = max(support, 0.7)
    for mention in entity.mentions:
        tokens = tokens_in(doc, mention.start, mention.end)
        if not tokens:
            continue
        head = tokens[-1]
        if mention.text.endswith(("'s", "’s")):
            support = max(support, 0.7)
        introduced = _WORD_BEFORE.search(text_of(doc), max(0, mention.start - 30), mention.start)
        if introduced and introduced.group(1) in _body_nouns():
            support = max(support, 0.8)  # "the firm Grant Thornton", "retail giant Walmart"
        if head.dep_ == "poss" or (head.i + 1 < len(doc) and doc[head.i + 1].tag_ == "POS"):
            support = max(support, 0.7)
    return min(support, against)


# Heads of a body's name that are nobody's family name (unlike "Church", "Bank" or "Hall"):
# a "person" so named is the body even when it speaks.
_BODY_HEADS = frozenset(
    "agency ministry department commission committee council authority administration bureau "
    "directorate secretariat association federation university institute foundation corporation "
    "inc ltd llc plc".split()
)


def _body_nouns() -> frozenset[str]:
    return words("body_nouns.txt")


# The lower-case word just before a mention ("carrier" in "regional carrier Cendrawasih Air").
_WORD_BEFORE = re.compile(r"\b([a-z][a-z-]*)\s+\Z")


def _is_plural_of(text: str, document: str) -> bool:
    """A single-word name used in the plural when the article also uses its singular
    ('MacBooks' and 'MacBook', 'Kindles' and 'Kindle'): products are counted, firms are not
    ('WikiLeaks' has no 'WikiLeak')."""
    word = text.strip()
    if " " in word or not word.endswith("s") or len(word) < 4 or not word[-2].isalpha():
        return False  # "Alibaba's" is a possessive, not a plural
    return re.search(rf"\b{re.escape(word[:-1])}\b", document) is not None


def _spelled_out(entity: EntityDraft, doc: Any) -> bool | None:
    """How the text defines an acronym: True for a name ('Ministry of Trade, Industry and
    Energy (MOTIE)'), False for a lower-case term ('binge eating disorder (BED)'), None when
    it does not."""
    name = entity.name
    if not (name.isupper() and 2 <= len(name) <= 6):
        return None
    at = text_of(doc).find(f"({name})")
    if at < 0:
        return None
    before = [w for w in text_of(doc)[max(0, at - 80) : at].split() if w[:1].isalpha()][-len(name) :]
    if not before:
        return None
    capitalised = [w for w in before if w[:1].isupper()]
    return len(capitalised) * 2 >= len(before) and not _head_is_thing(" ".join(before))


def group_confidence(entity: EntityDraft, gazetteer: Gazetteer) -> float:
    name = entity.name
    if name[:1].islower() or name.lower() in celestial_bodies() or len(name.strip(".")) <= 1:
        return 0.1
    if gazetteer.demonym(name) is not None or entity.country:
        return 0.9
    # A group is named in the plural ("Democrats", "Sunnis"); a lone singular word the model
    # calls a group is more often a product or a platform ("Instagram").
    return 0.6 if name.endswith("s") else 0.45


# An organisation this sure rests on more than a possessive or a reuse (docs/confidence.md).
_FIRM_ORGANISATION = 0.8


def score_entities(entities: list[EntityDraft], doc: Any, gazetteer: Gazetteer, speakers: set[int]) -> None:
    """Set each non-place draft's confidence (places get theirs when they are resolved).
    ``speakers``: indexes of the drafts that speak in a quote."""
    for number, entity in enumerate(entities):
        speaks = number in speakers
        if entity.kind == "PERSON":
            repair_person(entity, doc)
            entity.confidence = person_confidence(entity, doc, speaks)
        elif entity.kind in {"ORG", "FAC"}:
            entity.confidence = organisation_confidence(entity, doc, speaks)
        elif entity.kind == "NORP":
            entity.confidence = group_confidence(entity, gazetteer)
        elif entity.name[:1].islower():
            entity.confidence = min(entity.confidence, 0.1)  # "n't": no place is written so
    # A place name the document also uses for a confident organisation is that organisation
    # ("Toyota" the carmaker, not the city; "Alibaba" the company).
    names = {
        _bare(m.text).lower()
        for e in entities
        if e.kind in {"ORG", "PERSON"} and e.confidence >= 0.5
        for m in e.mentions
    }
    clubs = {
        word
        for e in entities
        if e.kind == "ORG" and e.confidence >= 0.5 and set(e.name.lower().split()) & club_words()
        for word in e.name.lower().split()
    } - club_words()
    # Unless the text puts the place somewhere ("born in Coimbra", "a professor in Trabzon")
    # and the organisation of that name has no evidence beyond a possessive or a reuse
    # ("Coimbra's old cathedral"): then the organisation is the place's misreading.
    weak = {
        _bare(m.text).lower(): e
        for e in entities
        if e.kind == "ORG" and 0.5 <= e.confidence < _FIRM_ORGANISATION
        for m in e.mentions
    }
    for entity in entities:
        is_place = entity.kind in {"GPE", "LOC"} and not isinstance(entity.place, Country)
        same = [_bare(m.text).lower() for m in entity.mentions if _bare(m.text).lower() in names]
        if (
            is_place
            and same
            and entity.place is not None
            and all(name in weak for name in same)
            and any(is_locative(doc, m.start) for m in entity.mentions)
        ):
            for name in same:
                # Its mentions are the place's ("Coimbra has its own tradition of fado").
                organisation = weak[name]
                organisation.confidence = min(organisation.confidence, 0.3)
                held = {(m.start, m.end) for m in entity.mentions}
                entity.mentions.extend(m for m in organisation.mentions if (m.start, m.end) not in held)
                entity.mentions.sort(key=lambda m: m.start)
        elif is_place and same:
            entity.confidence = min(entity.confidence, 0.3)
        elif (
            is_place
            and set(entity.name.lower().split()) <= clubs
            and not any(is_locative(doc, m.start) for m in entity.mentions)
        ):
            entity.confidence = min(entity.confidence, 0.3)  # "won the league with Porto": FC Porto
