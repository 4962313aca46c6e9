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

The passes live beside this module: the shared types in ``mentions.py``, relabelling and
missing surnames in ``relabel.py``, places (missing, clustered, resolved) in
``place_mentions.py``, attributes and the actor dictionary in ``attach.py``; clustering of
people and organisations is here.

Offsets are Doc character offsets; ``convert.py`` maps them to the record's ``text``.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from newsmill.analyze.attach import (
    attach_counterparts,
    attach_descriptions,
    attach_known_people,
    attach_nationalities,
    attach_org_country,
    attach_roles,
    employer_sector,
    known_actor,
    known_mentions,
    known_people,
    sentence_country,
)
from newsmill.analyze.firm_names import relabel_described_bodies, relabel_firm_names, relabel_tickers
from newsmill.analyze.gazetteer import Gazetteer
from newsmill.analyze.given_names import is_given_name
from newsmill.analyze.mentions import EntityContext, EntityDraft, Mention, bare_name
from newsmill.analyze.missed_names import (
    aged_names,
    portfolio_titles,
    relabel_listed_with_places,
    titled_names,
)
from newsmill.analyze.place_mentions import (
    cluster_places,
    countries_mentioned,
    dateline_country_of,
    missing_places,
    unambiguous_dateline_country,
)
from newsmill.analyze.relabel import (
    dedupe,
    join_nested_organisations,
    join_split_names,
    missing_surnames,
    model_mentions,
    multiword_demonyms,
    relabel_after_titles,
    relabel_by_gazetteer,
    relabel_described_people,
    relabel_name_parts,
    relabel_person_names,
    relabel_speakers,
    relabel_surnames,
    strip_titles,
    surnames_of,
    trim_headline_names,
)
from newsmill.analyze.roles import sector_of_organisation, sector_of_role
from newsmill.analyze.sentences import text_of
from newsmill.analyze.wordlists import words

# Imported from here by the quotes, evidence and events stages.
__all__ = ["EntityContext", "EntityDraft", "Mention", "_bare", "annotate_entities", "known_actor"]
_bare = bare_name


def annotate_entities(doc: Any, context: EntityContext) -> list[EntityDraft]:
    """The entities of ``doc`` (a parsed spaCy Doc), each with all its mentions."""
    gazetteer = context.gazetteer
    text: str = text_of(doc)
    # "DIG", "SSP" (ranks), "MoU", "GDP": abbreviations that name no one, whatever the model
    # says; "the DIG said" stays a speaker described by rank.
    abbreviations = words("abbreviations.txt")
    mentions = [m for m in model_mentions(doc) if bare_name(m.text).lower() not in abbreviations]
    mentions = portfolio_titles(mentions, text)
    mentions = strip_titles(mentions, text)
    mentions = multiword_demonyms(mentions, text, gazetteer)
    relabel_by_gazetteer(mentions, gazetteer, text)
    relabel_listed_with_places(mentions, text)
    relabel_after_titles(mentions, text, gazetteer)
    relabel_speakers(mentions, doc, gazetteer)
    relabel_person_names(mentions, gazetteer, text)
    relabel_firm_names(mentions, text)
    relabel_described_people(mentions, gazetteer, text)
    relabel_described_bodies(mentions, doc)
    relabel_tickers(mentions, text)
    mentions = relabel_name_parts(mentions, doc, gazetteer)
    mentions = join_split_names(mentions, doc)
    _join_hyphenated_given_names(mentions, text)
    mentions = join_nested_organisations(mentions, text)
    mentions = known_people(doc, mentions)
    mentions = trim_headline_names(mentions, text)
    mentions = titled_names(mentions, text)
    mentions = aged_names(mentions, text, gazetteer)
    surnames = surnames_of(mentions)
    relabel_surnames(mentions, surnames)
    mentions += missing_places(doc, mentions, gazetteer, context)
    mentions += missing_surnames(doc, mentions, surnames)
    mentions += known_mentions(doc, mentions, gazetteer)
    mentions = whole_hyphenated_names(mentions, text, gazetteer)
    # The finders too ("SAN" after a lawyer's name is no town San, Mali).
    mentions = dedupe([m for m in mentions if bare_name(m.text).lower() not in abbreviations])
    article_countries = countries_mentioned(mentions, gazetteer)
    if (home := dateline_country_of(context, gazetteer, article_countries)) is not None:
        article_countries.add(home)
    persons = _cluster_persons([m for m in mentions if m.label == "PERSON"])
    attach_roles(persons, text, gazetteer)
    attach_counterparts(persons, doc)
    attach_nationalities(persons, text, gazetteer)
    attach_known_people(persons, context.published, article_countries)
    tentative = {id(p): sentence_country(p, doc, mentions, gazetteer) for p in persons if p.country is None}
    attach_descriptions(persons, doc, gazetteer, tentative)
    for person in persons:
        person.country = person.country or tentative.get(id(person))
    for person in persons:
        person.sector = sector_of_role(person.role)
        # a union's or a chamber's president is not the state's: the employer's sector, if any
        person.sector = employer_sector(person, text, gazetteer)
    organisations = _cluster_by_name([m for m in mentions if m.label in {"ORG", "FAC"}], "ORG")
    dateline_country = dateline_country_of(context, gazetteer, article_countries)
    for organisation in organisations:
        attach_org_country(
            organisation, text, gazetteer, dateline_country, context.published, article_countries
        )
        organisation.sector = sector_of_organisation(organisation.name)
    places = cluster_places(
        [m for m in mentions if m.label in {"GPE", "LOC"}],
        doc,
        gazetteer,
        article_countries,
        unambiguous_dateline_country(context, gazetteer),
    )
    groups = _cluster_by_name([m for m in mentions if m.label == "NORP"], "NORP")
    for group in groups:
        group.country = gazetteer.demonym(group.name)
        first = group.name.split()[0]
        if group.country is None and " " in group.name and gazetteer.demonym(first) in gazetteer.countries:
            group.country = gazetteer.demonym(first)  # "Bosnian Serbs": the people of Bosnia
    # A person's mention reads as written, title included: "FM Qureshi"; a model mention
    # inside the title ("Defense" of "Defense Secretary Lloyd Austin") is not an entity.
    titles: list[tuple[int, int]] = []
    for person in persons:
        for mention in person.mentions:
            if mention.title_start is not None:
                titles.append((mention.title_start, mention.start))
                mention.start = mention.title_start
                mention.text = text[mention.start : mention.end]
    others = organisations + places + groups
    for entity in others:
        entity.mentions = [
            m for m in entity.mentions if not any(a <= m.start and m.end <= b for a, b in titles)
        ]
    entities = persons + [e for e in others if e.mentions]
    entities.sort(key=lambda e: e.first)
    return entities


# --- 3. Clustering ------------------------------------------------------------------------
# (places are clustered in ``place_mentions.cluster_places``)


def _cluster_persons(mentions: list[Mention]) -> list[EntityDraft]:
    clusters: list[EntityDraft] = []
    ordered = sorted(mentions, key=lambda m: (-len(bare_name(m.text).split()), m.start))
    name_words: dict[int, set[str]] = {}  # per cluster, the lower-cased words of its name
    for mention in ordered:
        words = bare_name(mention.text).split()
        if len(words) >= 2:
            key = {w.lower() for w in words}
            match = next((c for c in clusters if key <= name_words[id(c)] or name_words[id(c)] <= key), None)
            if match is None:
                clusters.append(EntityDraft("PERSON", " ".join(words), [mention]))
                name_words[id(clusters[-1])] = key
            else:
                match.mentions.append(mention)
                if len(words) > len(match.name.split()):
                    match.name = " ".join(words)
                    name_words[id(match)] = key
            continue
        word = words[0].lower() if words else ""
        candidates = [c for c in clusters if word in {c.name.split()[-1].lower(), c.name.split()[0].lower()}]
        if not candidates:
            clusters.append(EntityDraft("PERSON", " ".join(words), [mention]))
            name_words[id(clusters[-1])] = {w.lower() for w in words}
            continue
        # A name that opens with a known given name is a person's; one that does not may be a
        # slogan or an epithet the text prints ("Fascist Trump" on a T-shirt): "Mr. Trump" is
        # Donald J. Trump's whenever the article names him too.
        given = [c for c in candidates if is_given_name(c.name.split()[0]) and len(c.name.split()) >= 2]
        if given and len(given) < len(candidates):
            candidates = given
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


_HYPHENATED_TAIL = re.compile(r"-[a-z]{1,6}(?![\w-])")


def _join_hyphenated_given_names(mentions: list[Mention], text: str) -> None:
    """'Moon Jae-in': the model may stop a person's name at the hyphen of a given name written
    with a lower-case second syllable (Korean names: "Jae-in", "Geun-hye"); the name goes on."""
    for mention in mentions:
        if mention.label != "PERSON":
            continue
        tail = _HYPHENATED_TAIL.match(text, mention.end)
        if tail is not None and tail.group()[1:] not in words("hyphen_suffixes.txt"):
            mention.end = tail.end()
            mention.text = text[mention.start : mention.end]


# A capitalised word (two letters or more) and a hyphen just before a mention, or a hyphen
# and such a word just after ("R-Neb." writes a senator's party, not a name).
_HYPHENATED_HEAD = re.compile(r"[A-Z][\w'’]+-\Z")
_HYPHENATED_REST = re.compile(r"-[A-Z][\w'’]+(?:-[A-Z][\w'’]+)*")


def whole_hyphenated_names(mentions: list[Mention], text: str, gazetteer: Gazetteer) -> list[Mention]:
    """'Hirabayashi-Lindgren', 'Oyewole-Hassan': a double-barrelled name is one word. A person
    or body the model cut at its hyphen is taken whole; a surname our own finders matched
    inside it (the "Lindgren" of another person) is no mention, nor is a place whose hyphen
    partner is no place ("Hassan", India, in "Oyewole-Hassan"; not "Dhaka" in "the
    Dhaka-Rangpur highway", nor "Bhayandar" in "Mira-Bhayandar"). Nationalities are left alone
    ("Colombian-Venezuelan")."""
    out = []
    for mention in mentions:
        head = _HYPHENATED_HEAD.search(text, max(0, mention.start - 40), mention.start)
        rest = _HYPHENATED_REST.match(text, mention.end)
        if (head is None and rest is None) or mention.label == "NORP":
            out.append(mention)
            continue
        if mention.label in {"GPE", "LOC", "FAC"}:
            partners = [m.group().strip("-") for m in (head, rest) if m is not None]
            if all(gazetteer.is_geographic(p) or gazetteer.is_city_name(p, 0) for p in partners):
                out.append(mention)  # "the Dhaka-Rangpur highway": two places
            continue
        if mention.source != "model":
            continue
        start = head.start() if head is not None else mention.start
        end = rest.end() if rest is not None else mention.end
        out.append(dataclasses.replace(mention, start=start, end=end, text=text[start:end]))
    return out


def _short_form(written: str, key: str) -> bool:
    """A short form of a longer name: a generic body word ("the Commission", "the Party") or a
    name written with "the" — not a name of its own that a longer name ends with ("Twitter" is
    not "Wilayat Twitter", an account named after it)."""
    last = key.split()[-1] if key else ""
    return last in words("organisation_words.txt") or written.lower().startswith("the ")


def _cluster_by_name(mentions: list[Mention], kind: str) -> list[EntityDraft]:
    """One cluster per name; a short form ("the Commission") joins the longer name it ends
    ("the European Commission")."""
    clusters: dict[str, EntityDraft] = {}
    for mention in sorted(mentions, key=lambda m: (-len(bare_name(m.text)), m.start)):
        key = bare_name(mention.text).lower()
        if not key:
            continue
        if key not in clusters and kind == "ORG" and _short_form(mention.text, key):
            longer = [k for k in clusters if k.endswith(" " + key) and len(key.split()) < len(k.split())]
            if len(longer) == 1:
                key = longer[0]
        if key not in clusters:
            clusters[key] = EntityDraft(kind, bare_name(mention.text), [])
        clusters[key].mentions.append(mention)
    for cluster in clusters.values():
        cluster.mentions.sort(key=lambda m: m.start)
    return list(clusters.values())
