"""Pass 4 of the entities stage (see ``entities.py``): roles, counterparts, nationalities,
descriptions and countries attached to people and organisations; and the actor dictionary's
knowledge (``known_actor``, the known people and organisations the model split or missed)."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from typing import Any

from newsmill.analyze.actors import Actor, load_actors, name_at
from newsmill.analyze.gazetteer import Gazetteer, load_gazetteer
from newsmill.analyze.mentions import Coverage, EntityDraft, Mention, as_name, bare_name, country_words
from newsmill.analyze.roles import (
    DESCRIPTION_ROLES,
    HEAD_ROLES,
    TITLES,
    sector_of_organisation,
    sector_of_role,
    title_before,
)
from newsmill.analyze.sentences import sentence_of, text_of
from newsmill.analyze.wordlists import words

_NATIONAL_INSTITUTION = re.compile(
    r"^(?:the )?(?:foreign|interior|home|defen[cs]e|finance|health|education|justice|energy|trade|"
    r"commerce|culture|transport|information)\s+(?:office|ministry|department)|"
    r"^(?:the )?(?:ministry of [\w ]+|foreign office|supreme court|parliament|senate|national assembly|"
    r"cabinet|central bank|army|navy|air force|police|election commission)$",
    re.I,
)


_APPOSITIVE = re.compile(
    r"\s*,\s+(?:the|a|an|(?P<owner>[A-Z][\w\-]+)['’]s)\s+(?:(?P<nationality>[A-Z][\w\-]+)\s+)?(?P<title>"
    + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True) if len(t) > 3)
    + r")\b",
    re.I,
)


def attach_roles(persons: list[EntityDraft], text: str, gazetteer: Gazetteer) -> None:
    for person in persons:
        roles: Counter[str] = Counter()
        for mention in person.mentions:
            # "Sergei Lavrov, the Russian foreign minister," / "X, Ukraine's president,"
            appositive = _APPOSITIVE.match(text, mention.end)
            if appositive and mention.source != "description":
                roles[TITLES[appositive.group("title").lower()]] += 2
                for group in ("nationality", "owner"):
                    word = appositive.group(group)
                    if word and (iso3 := country_words(word, gazetteer)):
                        mention.country = iso3
            if mention.role:
                roles[mention.role] += 2
            before = text[max(0, mention.start - 40) : mention.start]
            found = title_before(before.rstrip())
            if found and found[0].lower().rstrip(".") == "dr":
                # "Superintendent Dr. Marcus Tillery": the office before the honorific is the role.
                office = title_before(before.rstrip()[: -len(found[0])].rstrip())
                if office is not None:
                    found = (f"{office[0]} {found[0]}", office[1])
            if found:
                mention.role = found[1]
                roles[found[1]] += 2
                mention.title_start = mention.start - (len(before) - len(before.rstrip())) - len(found[0])
        if roles:
            person.role = roles.most_common(1)[0][0]


def attach_counterparts(persons: list[EntityDraft], doc: Any) -> None:
    """'... his Ukrainian counterpart Dmytro Kuleba': the counterpart holds the same role as
    the person the sentence is about."""
    text = text_of(doc)
    for person in persons:
        if person.role:
            continue
        for mention in person.mentions:
            before = text[max(0, mention.start - 40) : mention.start]
            if not re.search(r"\bcounterpart,?\s*$", before):
                continue
            sentence = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if sentence is None:
                continue
            sent = sentence_of(doc, sentence.start)
            holders = [
                p
                for p in persons
                if p is not person
                and p.role
                and any(sent.start_char <= m.start < mention.start for m in p.mentions)
            ]
            if holders:
                person.role = holders[0].role
                break


def attach_nationalities(persons: list[EntityDraft], text: str, gazetteer: Gazetteer) -> None:
    """A nationality or a possessive country just left of a name (past a title or
    'counterpart'): 'Russian President Vladimir Putin', "Ukraine's Kuleba"."""
    between = r"(?:(?:[A-Z][\w.]*|" + "|".join(_ROLE_WORDS) + r")\s+){0,4}"
    left = re.compile(r"(?P<word>[A-Z][\w\-]+(?:['’]s)?)\s+" + between + "$")
    for person in persons:
        votes: Counter[str] = Counter(m.country for m in person.mentions if m.country)
        for mention in person.mentions:
            window = text[max(0, mention.start - 60) : mention.start]
            window = window[max(window.rfind("\n"), window.rfind(". ")) + 1 :]
            found = left.search(window)
            if found and (iso3 := _country_of_word(found, window, gazetteer)):
                votes[iso3] += 1
        if votes and person.country is None:
            person.country = votes.most_common(1)[0][0]


_NAME_BEFORE = re.compile(r"([A-Z][\w.\-]*)\s+$")
_POSSESSIVE = re.compile(r"['’]s$")


def _country_of_word(found: re.Match[str], window: str, gazetteer: Gazetteer) -> str | None:
    """The country the word before a name gives, read with the capitalised word before it:
    "New Jersey's Steve Lonegan" is from a US state, not from Jersey; "New Mexico's" is not
    Mexico's."""
    word = found.group("word")
    before = _NAME_BEFORE.search(window, 0, found.start("word"))
    if before is not None:
        joined = before.group(1) + " " + _POSSESSIVE.sub("", word)
        if gazetteer.state_codes.get(joined.lower()):
            return "USA"
        if (country := gazetteer.country(joined)) is not None:
            return country.iso3
        if gazetteer.is_city_name(joined, 0):
            return None  # "New Delhi's", "San Juan's": a city's name, not a country's
    return country_words(word, gazetteer)


def known_actor(entity: EntityDraft, on: date | None = None) -> Actor | None:
    """Who the actor dictionary says an entity is (on the day ``on``, for actors whose roles
    are dated): a person by full name (or surname with a title), an organisation or movement
    by any of its mentions. The entities stage takes its country from it; the events stage
    its IGO/NGO/IMG code."""
    actors = load_actors()
    if entity.kind == "PERSON":
        titled = entity.role is not None or any(m.title_start is not None or m.role for m in entity.mentions)
        found = actors.person(entity.name, titled)
        return found.at(on) if found is not None else None
    first = entity.name.split()[0] if entity.name.split() else ""
    gazetteer = load_gazetteer()
    placed = len(entity.name.split()) > 1 and (
        gazetteer.country(first) is not None or gazetteer.is_city_name(first, 100_000)
    )
    for name in [entity.name, *(m.text for m in entity.mentions)]:
        if placed and bare_name(name) != entity.name:
            continue  # "the Berlin Senate" also written "the Senate": Berlin's, not the US Senate
        found = actors.lookup(bare_name(name), "ORG")
        if found is not None:
            return found.at(on)
    return None


def attach_known_people(
    persons: list[EntityDraft], on: date | None, countries: set[str] | None = None
) -> None:
    """People the text gives no country: the actor dictionary's ('President Mitterrand'), by
    the role held on the article's date. A name written only as a surname, with no title
    ("Sithole", a rugby player in a South African report, not the Zimbabwean politician; not
    "President Mitterrand"), takes the dictionary's country only when the article names that
    country (``countries``)."""
    for person in persons:
        if person.country is not None:
            continue
        found = known_actor(person, on)
        if found is None:
            continue
        if person.role is not None and sector_of_role(person.role) is None:
            continue  # "Daniel Ortega, an analyst at ...": a namesake the text describes otherwise
        titled = person.role is not None or any(m.title_start is not None for m in person.mentions)
        if (
            len(person.name.split()) == 1
            and not titled
            and countries is not None
            and found.country not in countries
        ):
            continue  # a surname alone, of a country the article never names
        person.country = found.country
        person.sector = person.sector or found.sector


def known_people(doc: Any, mentions: list[Mention]) -> list[Mention]:
    """Full names of the actor dictionary the model split or mislabelled ('The Dalai Lama' with
    'Lama' taken for a Spanish town): the whole name is one person mention, replacing the
    mentions inside it (never one that reaches beyond it)."""
    actors = load_actors()
    text = text_of(doc)
    found: list[Mention] = []
    for token in doc:
        if not token.text[:1].isupper() or (found and token.idx < found[-1].end):
            continue
        written = name_at(actors.person_phrases, text, token.idx, token.text)
        if written is not None:
            found.append(Mention(token.idx, token.idx + len(written), "PERSON", written, source="dictionary"))
    if not found:
        return mentions
    kept: list[Mention] = []
    for mention in mentions:
        if any(f.start <= mention.start and mention.end <= f.end for f in found):
            continue  # inside a known full name
        kept.append(mention)
    for name in found:
        crossing = any(m.start < name.end and name.start < m.end for m in kept)
        if not crossing:
            kept.append(name)
    return kept


def known_mentions(doc: Any, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Organisations of the actor dictionary the model missed or took for a person or place
    ('Hizbollah', 'UNITA', 'Amal'); never a name that is also a place or a nationality
    ('Petra', 'Anatolia')."""
    actors = load_actors()
    text = text_of(doc)

    def is_place(name: str) -> bool:
        # "Fla." in "R-Fla." is Florida, not the FLA of Mali (a US state's AP abbreviation).
        return bool(
            gazetteer.country(name)
            or gazetteer.demonym(name)
            or gazetteer.is_city_name(name, 0)
            or gazetteer.state_codes.get(name.lower())
        )

    for mention in mentions:
        if mention.label in {"PERSON", "GPE", "LOC", "NORP"}:
            bare = bare_name(mention.text)
            found = actors.lookup(bare)
            if found is not None and found.kind == "ORG" and not is_place(bare):
                mention.label = "ORG"
    covered = Coverage(len(text), mentions)
    added: list[Mention] = []
    for token in doc:
        if not token.text[:1].isupper() or token.idx in covered:
            continue
        written = name_at(actors.org_phrases, text, token.idx, token.text)
        end = token.idx + len(written) if written is not None else token.idx
        if written is not None and not covered.overlaps(token.idx, end) and not is_place(written):
            added.append(Mention(token.idx, end, "ORG", written, source="dictionary"))
            covered.add(added[-1])
    return added


# Lower-case words that may stand between a nationality and a name ("Ukrainian foreign
# minister Dmytro Kuleba", "his Ukrainian counterpart Dmytro Kuleba").
_ROLE_WORDS = (
    "counterpart", "foreign", "prime", "minister", "president", "premier", "leader", "envoy",
    "ambassador", "spokesperson", "spokesman", "defence", "defense", "deputy", "top", "chief", "opposition",
)  # fmt: skip
_DESCRIPTION = re.compile(
    r"\b(?:(?P<country>[A-Z][\w\-]+(?:['’]s)?)\s+(?:own\s+)?|(?:the|his|her|its)\s+(?P<adjective>[A-Z][\w\-]+)\s+)"
    r"(?P<role>" + "|".join(re.escape(r) for r in sorted(DESCRIPTION_ROLES, key=len, reverse=True)) + r")\b"
    r"(?!\s+[A-Z])",  # not followed by a name: "Ukrainian President Zelenskiy" is a title
)


def attach_descriptions(
    persons: list[EntityDraft], doc: Any, gazetteer: Gazetteer, tentative: dict[int, str | None]
) -> None:
    """'Pakistan's top diplomat', 'the Pakistani premier' (not followed by a name): a mention
    of the role holder named before, with the country it gives."""
    text = text_of(doc)
    for found in _DESCRIPTION.finditer(text):
        word = found.group("country") or found.group("adjective")
        iso3 = country_words(word, gazetteer)
        if iso3 is None:
            continue
        roles = DESCRIPTION_ROLES[found.group("role").lower()]
        candidates = [
            p
            for p in persons
            if p.role in roles
            and p.country in {None, iso3}
            and tentative.get(id(p)) in {None, iso3}
            and any(m.start < found.start() for m in p.mentions)
        ]
        if not candidates:
            continue
        person = max(candidates, key=lambda p: max(m.start for m in p.mentions if m.start < found.start()))
        person.mentions.append(
            Mention(found.start(), found.end(), "PERSON", found.group(), source="description", country=iso3)
        )
        person.mentions.sort(key=lambda m: m.start)
        person.country = person.country or iso3


_CLAIMED = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:counterparts?|leader|envoy|officials?|diplomats?|troops|forces|army|"
    + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
    + r")(?!\w)",
    re.I,
)


def sentence_country(
    person: EntityDraft, doc: Any, mentions: list[Mention], gazetteer: Gazetteer
) -> str | None:
    """For a head of state or government: the nearest country word before their titled
    mention in its sentence ('Russia launched ... a declaration of war by President Vladimir
    Putin'). Words that introduce someone else ('his Ukrainian counterpart') do not count."""
    if person.role not in HEAD_ROLES:
        return None
    titled = [m for m in person.mentions if m.role] or person.mentions
    anchor = titled[0]
    span = doc.char_span(anchor.start, anchor.end, alignment_mode="expand")
    if span is None:
        return None
    sent_start = sentence_of(doc, span.start).start_char
    text = text_of(doc)
    before = sorted(
        (m for m in mentions if sent_start <= m.start < anchor.start and m.label in {"GPE", "NORP"}),
        key=lambda m: -m.start,
    )
    for other in before:
        if _CLAIMED.match(text, other.end):
            continue
        name = as_name(other.text)
        iso3 = country_words(name, gazetteer)
        if iso3 is None and (city := gazetteer.lookup_city(name)) is not None and city.population >= 100_000:
            iso3 = city.country
        if iso3:
            return iso3
    return None


# A prefix that makes a nationality word span a continent or a world: "Pan American",
# "Pan-African", "Inter-American", "All-African".
_SPANNING = re.compile(r"\b(?:pan|inter|all|trans)[\s-]+[A-Z]", re.I)


def attach_org_country(
    organisation: EntityDraft,
    text: str,
    gazetteer: Gazetteer,
    dateline: str | None,
    on: date | None,
    countries: set[str] | None = None,
) -> None:
    known = known_actor(organisation, on)
    name = bare_name(organisation.name)
    if known is not None and name.isupper() and len(name) <= 5 and countries is not None:
        # An acronym stands for many bodies ("SDA": a Bosnian party, an Australian union): the
        # dictionary's only when the article names its country.
        known = known if known.country is None or known.country in countries else None
    if known is not None:
        # "Hezbollah", "the Kurdistan Workers' Party (PKK)": world knowledge, where a word
        # beside the name may be a sponsor or a stance ("the pro-Iranian Hezbollah").
        organisation.country = known.country
        return
    if _SPANNING.search(organisation.name):
        return  # "Pan American Health Organization", "Pan-African Parliament": many countries
    for word in organisation.name.split():
        if iso3 := country_words(word, gazetteer):
            organisation.country = iso3
            return
    for mention in organisation.mentions:
        window = text[max(0, mention.start - 30) : mention.start]
        found = re.search(r"([A-Z][\w\-]+(?:['’]s)?)\s+$", window)
        if found and (iso3 := country_words(found.group(1), gazetteer)):
            organisation.country = iso3
            return
    # An unqualified national institution ("the Foreign Office") belongs to the country of
    # the dateline: the news convention for a story filed from that capital.
    if dateline and _NATIONAL_INSTITUTION.search(organisation.name):
        organisation.country = dateline


# Titles that say nothing of the kind of body that gives them: a company, a union, a chamber of
# commerce or a state may each have a president or a chief executive.
GENERIC_ROLES = frozenset(
    {"President", "Vice President", "Chief Executive", "Chief Financial Officer", "Chief Operating Officer",
     "Chief Technology Officer", "Chairman", "Chairwoman", "Chief"}
)  # fmt: skip
# Words between an employer and the title that are no employer: "former", "acting", "executive".
_TITLE_QUALIFIERS = frozenset(
    "former acting deputy vice then new interim outgoing incoming late current executive senior "
    "assistant associate co joint founding".split()
)
# Lower-case words that stand for the body whose officer the title names ("chamber president",
# "local president", "club chairman"): the body words of organisation_words.txt and these.
_EMPLOYER_WORDS = frozenset("chamber local club team firm studio channel label charity".split())
_OF_EMPLOYER = re.compile(
    r"\s*,\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}(?:president|chief executive|chairman|chairwoman|chief|"
    r"secretary|vice president)\s+of\s+(?:the\s+)?(?P<body>[A-Z][\w&.'’-]*(?:\s+(?:of|and|for|&)?\s*"
    r"[A-Z][\w&.'’-]*)*)"
)
_OWNER_APPOSITIVE = re.compile(r"\s*,\s+(?P<body>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)['’]s\s+[a-z]")


def _employer_words() -> frozenset[str]:
    return words("organisation_words.txt") | _EMPLOYER_WORDS


def employer_sector(person: EntityDraft, text: str, gazetteer: Gazetteer) -> str | None:
    """The sector of a person with a generic title: their employer's (``employer_of``) when
    the text names one — none when the employer's name tells none, except that a chief
    executive of a body the name does not call a council, union or the like stays business."""
    sector = person.sector
    if person.role not in GENERIC_ROLES or (employer := employer_of(person, text, gazetteer)) is None:
        return sector
    found = sector_of_organisation(employer)
    body = employer.split()[-1].lower() in _employer_words()
    if found is None and sector == "BUS" and not body:
        return sector  # "Nordlys Shipping chief executive": a company's
    return found


def employer_of(person: EntityDraft, text: str, gazetteer: Gazetteer) -> str | None:
    """The body whose officer a person with a generic title is, as the text names it: the
    words before the title ("Council chief executive Ciarán Mulvihill", "chamber president
    Rajesh Menon", "local president Harjit Sandhu") or an owner or an "of" after the name
    ("Francesca Lund, HBO's executive vice president", "X, president of the Hamilton Chamber of
    Commerce"). None when it names none, or names a country ("Russian President", "US
    President"): the title is then the state's."""
    body_words = _employer_words()
    for mention in person.mentions:
        after = _OWNER_APPOSITIVE.match(text, mention.end) or _OF_EMPLOYER.match(text, mention.end)
        if after is not None and not country_words(after.group("body"), gazetteer):
            return after.group("body")
        if mention.title_start is None:
            continue
        opening = max(0, mention.title_start - 60, text.rfind("\n", 0, mention.title_start) + 1)
        line = text[opening : mention.title_start]
        tokens = line.split()
        while tokens and (tokens[-1].lower() in _TITLE_QUALIFIERS or tokens[-1].isdigit()):
            tokens.pop()  # "former", "executive"; a union local's number ("ILA Local 269 president")
        if not tokens:
            continue
        last = tokens[-1].strip(",;:—–-")
        if last.islower():
            if last in body_words:
                return last
            continue
        run = []
        for token in reversed(tokens):
            if not token[:1].isupper() or token.endswith((",", ".", ":", ";")):
                break
            run.insert(0, token)
        name = " ".join(run)
        if name and not country_words(name, gazetteer) and name.lower() not in {"the", "a", "an"}:
            return re.sub(r"['’]s$", "", name)
    return None
