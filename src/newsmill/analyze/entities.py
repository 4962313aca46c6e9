"""Entities: mentions from the shared spaCy parse, corrected, clustered into one identity per
person, organisation and place, with roles, countries and sectors.

The small English model makes systematic mistakes on news (Kyiv as a person, "Ukrainian" as
a place, split or mislabelled surnames, datelines missed). The stage corrects them with the
gazetteer and with the document itself, in passes over character offsets of the Doc:

1. spaCy's mentions, relabelled: demonyms are NORP, gazetteer places are GPE, known
   surnames are PERSON; leading titles are cut off person names; split names rejoined.
2. Missing mentions added: places the model skipped (dateline, gazetteer names), surnames of
   people already named, descriptions ("Pakistan's top diplomat", "the Pakistani premier").
3. Clustering: a person's full name anchors its cluster; surnames, "title + surname" and
   descriptions join the nearest compatible cluster.
4. Attributes: roles from titles ("FM" → Foreign Minister), "counterpart" of a role holder,
   countries from adjacent nationality words, possessives, descriptions, the sentence's sole
   country (for heads of state), and for national institutions the dateline's country.

Offsets are Doc character offsets; ``convert.py`` maps them to the record's ``text``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from newsmill.analyze.gazetteer import City, Country, Gazetteer
from newsmill.analyze.roles import (
    DESCRIPTION_ROLES,
    HEAD_ROLES,
    TITLES,
    sector_of_organisation,
    sector_of_role,
    title_before,
)

KINDS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
_POSSESSIVE = re.compile(r"['’]s?$")
_CAPITALISED = re.compile(r"^[A-Z][\w'’.\-]*$")
_NATIONAL_INSTITUTION = re.compile(
    r"^(?:the )?(?:foreign|interior|home|defen[cs]e|finance|health|education|justice|energy|trade|"
    r"commerce|culture|transport|information)\s+(?:office|ministry|department)|"
    r"^(?:the )?(?:ministry of [\w ]+|foreign office|supreme court|parliament|senate|national assembly|"
    r"cabinet|central bank|army|navy|air force|police|election commission)$",
    re.I,
)


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    label: str
    text: str
    source: str = "model"  # model, gazetteer, dateline, surname, description
    role: str | None = None
    country: str | None = None  # ISO3 evidence attached to this mention
    title_start: int | None = None  # where a title before the name starts ("FM Qureshi")


@dataclass(slots=True)
class EntityDraft:
    kind: str
    name: str
    mentions: list[Mention] = field(default_factory=list)
    role: str | None = None
    country: str | None = None
    sector: str | None = None
    place: City | Country | None = None

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)


@dataclass(slots=True)
class EntityContext:
    """What the stage knows beyond the Doc: the gazetteer and the article's dateline."""

    gazetteer: Gazetteer
    dateline: tuple[int, int] | None = None  # Doc offsets of the dateline place
    dateline_name: str | None = None


def annotate_entities(doc: Any, context: EntityContext) -> list[EntityDraft]:
    """The entities of ``doc`` (a parsed spaCy Doc), each with all its mentions."""
    gazetteer = context.gazetteer
    text: str = doc.text
    mentions = [Mention(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents if e.label_ in KINDS]
    mentions = _strip_titles(mentions, text)
    _relabel(mentions, gazetteer)
    mentions = _join_split_names(mentions, doc)
    surnames = _surnames(mentions)
    _relabel_surnames(mentions, surnames)
    mentions += _missing_places(doc, mentions, gazetteer, context)
    mentions += _missing_surnames(doc, mentions, surnames)
    mentions = _dedupe(mentions)
    article_countries = _article_countries(mentions, gazetteer)
    persons = _cluster_persons([m for m in mentions if m.label == "PERSON"])
    _attach_roles(persons, text)
    _attach_counterparts(persons, doc)
    _attach_nationalities(persons, text, gazetteer)
    tentative = {id(p): _sentence_country(p, doc, mentions, gazetteer) for p in persons if p.country is None}
    _attach_descriptions(persons, doc, gazetteer, tentative)
    for person in persons:
        person.country = person.country or tentative.get(id(person))
    for person in persons:
        person.sector = sector_of_role(person.role)
    organisations = _cluster_by_name([m for m in mentions if m.label in {"ORG", "FAC"}], "ORG")
    dateline_country = _dateline_country(context, gazetteer, article_countries)
    for organisation in organisations:
        _attach_org_country(organisation, text, gazetteer, dateline_country)
        organisation.sector = sector_of_organisation(organisation.name)
    places = _cluster_places([m for m in mentions if m.label in {"GPE", "LOC"}], gazetteer, article_countries)
    groups = _cluster_by_name([m for m in mentions if m.label == "NORP"], "NORP")
    for group in groups:
        group.country = gazetteer.demonym(group.name)
    # A person's mention reads as written, title included: "FM Qureshi".
    for person in persons:
        for mention in person.mentions:
            if mention.title_start is not None:
                mention.start = mention.title_start
                mention.text = text[mention.start : mention.end]
    entities = persons + organisations + places + groups
    entities.sort(key=lambda e: e.first)
    return entities


# --- 1. Relabelling -----------------------------------------------------------------------


def _bare(text: str) -> str:
    """'the Foreign Office' → 'Foreign Office'; "Pakistan's" → 'Pakistan'."""
    stripped = re.sub(r"^(?:the|The)\s+", "", text.strip())
    return _POSSESSIVE.sub("", stripped) if stripped.endswith(("'s", "’s", "'", "’")) else stripped


def _strip_titles(mentions: list[Mention], text: str) -> list[Mention]:
    """'President Vladimir Putin' as one PERSON mention → the name, with the role noted."""
    out = []
    for mention in mentions:
        if mention.label == "PERSON":
            words = mention.text.split()
            for cut in range(min(3, len(words) - 1), 0, -1):
                head = " ".join(words[:cut])
                found = title_before(head)
                if found and found[0].lower() == head.lower():
                    offset = text.find(words[cut], mention.start + len(head))
                    mention = Mention(
                        offset, mention.end, "PERSON", text[offset : mention.end], role=found[1]
                    )
                    break
        out.append(mention)
    return out


def _relabel(mentions: list[Mention], gazetteer: Gazetteer) -> None:
    for mention in mentions:
        bare = _bare(mention.text)
        if (
            mention.label in {"GPE", "PERSON", "ORG", "LOC"}
            and gazetteer.demonym(bare)
            and not gazetteer.country(bare)
        ):
            mention.label = "NORP"
        elif mention.label in {"PERSON", "ORG", "NORP", "FAC"} and len(bare.split()) <= 3:
            city = gazetteer.lookup_city(bare)
            if gazetteer.country(bare) or (
                city is not None and city.population >= 100_000 and city.name == bare
            ):
                mention.label = "GPE"


def _join_split_names(mentions: list[Mention], doc: Any) -> list[Mention]:
    """'Shah Mahmood' + 'Qureshi': a person name runs on over adjacent capitalised proper nouns."""
    by_start = {m.start: m for m in mentions}
    consumed: set[int] = set()
    text = doc.text
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.label != "PERSON" or mention.start in consumed:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        index = span.end
        while index < len(doc) and index - span.start < 5:
            token = doc[index]
            if not (_CAPITALISED.match(token.text) and token.pos_ == "PROPN") or token.is_sent_start:
                break
            other = by_start.get(token.idx)
            if (
                other is not None
                and other.label in {"GPE", "NORP"}
                and other.end > token.idx + len(token.text)
            ):
                break  # a place name of its own ("... in New York")
            if other is not None:
                consumed.add(other.start)
            index += 1
        if index > span.end:
            mention.end = doc[index - 1].idx + len(doc[index - 1].text)
        first = span.start
        while first > 0 and span.start - first < 3:
            token = doc[first - 1]
            if not (_CAPITALISED.match(token.text) and token.pos_ == "PROPN") or doc[first].is_sent_start:
                break
            if title_before(token.text) or by_start.get(token.idx) is not None:
                break  # "PM Imran Khan": the title stays out of the name
            first -= 1
        if first < span.start:
            mention.start = doc[first].idx
        mention.text = text[mention.start : mention.end]
    return [m for m in mentions if m.start not in consumed]


def _surnames(mentions: list[Mention]) -> dict[str, str]:
    """Last name → full name, for people named with at least two words."""
    names: dict[str, str] = {}
    for mention in mentions:
        words = _bare(mention.text).split()
        if mention.label == "PERSON" and len(words) >= 2:
            names.setdefault(words[-1], " ".join(words))
    return names


def _relabel_surnames(mentions: list[Mention], surnames: dict[str, str]) -> None:
    for mention in mentions:
        bare = _bare(mention.text)
        if mention.label != "PERSON" and (bare in surnames or bare in surnames.values()):
            mention.label = "PERSON"


# --- 2. Missing mentions ------------------------------------------------------------------


def _covered(mentions: list[Mention], start: int, end: int) -> bool:
    return any(m.start < end and start < m.end for m in mentions)


def _missing_places(
    doc: Any, mentions: list[Mention], gazetteer: Gazetteer, context: EntityContext
) -> list[Mention]:
    added: list[Mention] = []
    text = doc.text
    if context.dateline is not None:
        start, end = context.dateline
        if not _covered(mentions, start, end):
            added.append(Mention(start, end, "GPE", text[start:end], source="dateline"))
    for token in doc:
        if (
            token.is_punct
            or not token.text[:1].isupper()
            or _covered(mentions + added, token.idx, token.idx + 1)
        ):
            continue
        word = _bare(token.text)
        if len(word) < 3:
            continue
        upper = token.text.isupper() and len(token.text) > 3
        if token.pos_ != "PROPN" and not upper:
            continue
        name = word.title() if upper else word
        country = gazetteer.country(name)
        city = gazetteer.lookup_city(name)
        big_city = city is not None and city.population >= 100_000 and city.name.lower() == name.lower()
        if country or big_city:
            end = token.idx + len(word)
            added.append(Mention(token.idx, end, "GPE", text[token.idx : end], source="gazetteer"))
    return added


def _missing_surnames(doc: Any, mentions: list[Mention], surnames: dict[str, str]) -> list[Mention]:
    added: list[Mention] = []
    for token in doc:
        word = _bare(token.text)
        if (
            word in surnames
            and token.text[:1].isupper()
            and not _covered(mentions + added, token.idx, token.idx + 1)
        ):
            end = token.idx + len(word)
            added.append(Mention(token.idx, end, "PERSON", doc.text[token.idx : end], source="surname"))
    return added


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    """One mention per stretch of text; the longer one wins an overlap."""
    kept: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def _article_countries(mentions: list[Mention], gazetteer: Gazetteer) -> set[str]:
    countries: set[str] = set()
    for mention in mentions:
        bare = _bare(mention.text)
        found = gazetteer.country(bare)
        if found:
            countries.add(found.iso3)
        elif mention.label == "NORP" and (iso3 := gazetteer.demonym(bare)):
            countries.add(iso3)
    return countries


# --- 3. Clustering ------------------------------------------------------------------------


def _cluster_persons(mentions: list[Mention]) -> list[EntityDraft]:
    clusters: list[EntityDraft] = []
    ordered = sorted(mentions, key=lambda m: (-len(_bare(m.text).split()), m.start))
    for mention in ordered:
        words = _bare(mention.text).split()
        if len(words) >= 2:
            key = {w.lower() for w in words}
            match = next(
                (
                    c
                    for c in clusters
                    if key <= {w.lower() for w in c.name.split()}
                    or {w.lower() for w in c.name.split()} <= key
                ),
                None,
            )
            if match is None:
                clusters.append(EntityDraft("PERSON", " ".join(words), [mention]))
            else:
                match.mentions.append(mention)
                if len(words) > len(match.name.split()):
                    match.name = " ".join(words)
            continue
        word = words[0].lower() if words else ""
        candidates = [c for c in clusters if word in {c.name.split()[-1].lower(), c.name.split()[0].lower()}]
        if not candidates:
            clusters.append(EntityDraft("PERSON", " ".join(words), [mention]))
            continue
        # Two people with one surname: the one named most recently before this mention.
        before = [c for c in candidates if c.first < mention.start]
        chosen = (
            max(before, key=lambda c: max(m.start for m in c.mentions if m.start < mention.start))
            if before
            else candidates[0]
        )
        chosen.mentions.append(mention)
    for cluster in clusters:
        cluster.mentions.sort(key=lambda m: m.start)
    return clusters


def _cluster_by_name(mentions: list[Mention], kind: str) -> list[EntityDraft]:
    clusters: dict[str, EntityDraft] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        key = _bare(mention.text).lower()
        if not key:
            continue
        if key not in clusters:
            clusters[key] = EntityDraft(kind, _bare(mention.text), [])
        clusters[key].mentions.append(mention)
    return list(clusters.values())


def _cluster_places(mentions: list[Mention], gazetteer: Gazetteer, countries: set[str]) -> list[EntityDraft]:
    clusters: dict[str, EntityDraft] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        bare = _bare(mention.text)
        name = bare.title() if bare.isupper() and len(bare) > 3 else bare
        country = gazetteer.country(name)
        place: City | Country | None = country or gazetteer.lookup_city(name, countries)
        key = (
            f"c:{country.iso3}"
            if country
            else (f"g:{place.geonameid}" if isinstance(place, City) else f"n:{name.lower()}")
        )
        if key not in clusters:
            canonical = place.name if place is not None else name
            clusters[key] = EntityDraft(
                "GPE" if mention.label == "GPE" else "LOC", canonical, [], place=place
            )
            clusters[key].country = (
                country.iso3 if country else (place.country if isinstance(place, City) else None)
            )
        clusters[key].mentions.append(mention)
    return list(clusters.values())


# --- 4. Attributes ------------------------------------------------------------------------


def _attach_roles(persons: list[EntityDraft], text: str) -> None:
    for person in persons:
        roles: Counter[str] = Counter()
        for mention in person.mentions:
            if mention.role:
                roles[mention.role] += 2
            before = text[max(0, mention.start - 40) : mention.start]
            found = title_before(before.rstrip())
            if found:
                mention.role = found[1]
                roles[found[1]] += 2
                mention.title_start = mention.start - (len(before) - len(before.rstrip())) - len(found[0])
        if roles:
            person.role = roles.most_common(1)[0][0]


def _attach_counterparts(persons: list[EntityDraft], doc: Any) -> None:
    """'... his Ukrainian counterpart Dmytro Kuleba': the counterpart holds the same role as
    the person the sentence is about."""
    text = doc.text
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
            sent = sentence.sent
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


def _country_words(text: str, gazetteer: Gazetteer) -> str | None:
    """The country named by a nationality word or possessive: 'Ukrainian', "Ukraine's"."""
    word = _bare(text)
    return gazetteer.demonym(word) or (c.iso3 if (c := gazetteer.country(word)) else None)


def _attach_nationalities(persons: list[EntityDraft], text: str, gazetteer: Gazetteer) -> None:
    """A nationality or a possessive country just left of a name (past a title or
    'counterpart'): 'Russian President Vladimir Putin', "Ukraine's Kuleba"."""
    between = r"(?:(?:[A-Z][\w.]*|" + "|".join(_ROLE_WORDS) + r")\s+){0,4}"
    left = re.compile(r"(?P<word>[A-Z][\w\-]+(?:['’]s)?)\s+" + between + "$")
    for person in persons:
        votes: Counter[str] = Counter()
        for mention in person.mentions:
            window = text[max(0, mention.start - 60) : mention.start]
            window = window[max(window.rfind("\n"), window.rfind(". ")) + 1 :]
            found = left.search(window)
            if found and (iso3 := _country_words(found.group("word"), gazetteer)):
                votes[iso3] += 1
        if votes and person.country is None:
            person.country = votes.most_common(1)[0][0]


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


def _attach_descriptions(
    persons: list[EntityDraft], doc: Any, gazetteer: Gazetteer, tentative: dict[int, str | None]
) -> None:
    """'Pakistan's top diplomat', 'the Pakistani premier' (not followed by a name): a mention
    of the role holder named before, with the country it gives."""
    text = doc.text
    for found in _DESCRIPTION.finditer(text):
        word = found.group("country") or found.group("adjective")
        iso3 = _country_words(word, gazetteer)
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


def _sentence_country(
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
    sent_start = span.sent.start_char
    text = doc.text
    before = sorted(
        (m for m in mentions if sent_start <= m.start < anchor.start and m.label in {"GPE", "NORP"}),
        key=lambda m: -m.start,
    )
    for other in before:
        if _CLAIMED.match(text, other.end):
            continue
        bare = _bare(other.text)
        name = bare.title() if bare.isupper() else bare
        iso3 = _country_words(name, gazetteer)
        if iso3 is None and (city := gazetteer.lookup_city(name)) is not None and city.population >= 100_000:
            iso3 = city.country
        if iso3:
            return iso3
    return None


def _dateline_country(context: EntityContext, gazetteer: Gazetteer, countries: set[str]) -> str | None:
    if not context.dateline_name:
        return None
    country = gazetteer.country(context.dateline_name)
    if country:
        return country.iso3
    city = gazetteer.lookup_city(context.dateline_name, countries)
    return city.country if city else None


def _attach_org_country(
    organisation: EntityDraft, text: str, gazetteer: Gazetteer, dateline: str | None
) -> None:
    for word in organisation.name.split():
        if iso3 := _country_words(word, gazetteer):
            organisation.country = iso3
            return
    for mention in organisation.mentions:
        window = text[max(0, mention.start - 30) : mention.start]
        found = re.search(r"([A-Z][\w\-]+(?:['’]s)?)\s+$", window)
        if found and (iso3 := _country_words(found.group(1), gazetteer)):
            organisation.country = iso3
            return
    # An unqualified national institution ("the Foreign Office") belongs to the country of
    # the dateline: the news convention for a story filed from that capital.
    if dateline and _NATIONAL_INSTITUTION.search(organisation.name):
        organisation.country = dateline
