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
from datetime import date
from typing import Any

from newsmill.analyze.actors import Actor, load_actors, name_at
from newsmill.analyze.gazetteer import City, Country, Gazetteer
from newsmill.analyze.places import QUALIFIED, REGION, Resolution, resolve
from newsmill.analyze.roles import (
    DESCRIPTION_ROLES,
    HEAD_ROLES,
    TITLES,
    sector_of_organisation,
    sector_of_role,
    title_before,
)
from newsmill.analyze.sentences import sentence_of, text_of

KINDS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
_POSSESSIVE = re.compile(r"['’]s?$")
_EDGE_MARKS = re.compile(r"^[^\w@#]+|[^\w.)]+$")
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
    confidence: float = 1.0  # see docs/confidence.md

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)


@dataclass(slots=True)
class EntityContext:
    """What the stage knows beyond the Doc: the gazetteer and the article's dateline."""

    gazetteer: Gazetteer
    dateline: tuple[int, int] | None = None  # Doc offsets of the dateline place
    dateline_name: str | None = None
    published: date | None = None  # actors are coded by the role they held on this day


def annotate_entities(doc: Any, context: EntityContext) -> list[EntityDraft]:
    """The entities of ``doc`` (a parsed spaCy Doc), each with all its mentions."""
    gazetteer = context.gazetteer
    text: str = text_of(doc)
    mentions = _model_mentions(doc)
    mentions = _strip_titles(mentions, text)
    mentions = _multiword_demonyms(mentions, text, gazetteer)
    _relabel(mentions, gazetteer, text)
    _relabel_after_titles(mentions, text, gazetteer)
    _relabel_speakers(mentions, doc, gazetteer)
    mentions = _relabel_name_parts(mentions, doc, gazetteer)
    mentions = _join_split_names(mentions, doc)
    mentions = _join_nested_organisations(mentions, text)
    mentions = _known_people(doc, mentions)
    surnames = _surnames(mentions)
    _relabel_surnames(mentions, surnames)
    mentions += _missing_places(doc, mentions, gazetteer, context)
    mentions += _missing_surnames(doc, mentions, surnames)
    mentions += _known_mentions(doc, mentions, gazetteer)
    mentions = _dedupe(mentions)
    article_countries = _article_countries(mentions, gazetteer)
    if (home := _dateline_country(context, gazetteer, article_countries)) is not None:
        article_countries.add(home)
    persons = _cluster_persons([m for m in mentions if m.label == "PERSON"])
    _attach_roles(persons, text, gazetteer)
    _attach_counterparts(persons, doc)
    _attach_nationalities(persons, text, gazetteer)
    _attach_known_people(persons, context.published)
    tentative = {id(p): _sentence_country(p, doc, mentions, gazetteer) for p in persons if p.country is None}
    _attach_descriptions(persons, doc, gazetteer, tentative)
    for person in persons:
        person.country = person.country or tentative.get(id(person))
    for person in persons:
        person.sector = sector_of_role(person.role)
    organisations = _cluster_by_name([m for m in mentions if m.label in {"ORG", "FAC"}], "ORG")
    dateline_country = _dateline_country(context, gazetteer, article_countries)
    for organisation in organisations:
        _attach_org_country(organisation, text, gazetteer, dateline_country, context.published)
        organisation.sector = sector_of_organisation(organisation.name)
    places = _cluster_places(
        [m for m in mentions if m.label in {"GPE", "LOC"}], doc, gazetteer, article_countries
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


# --- 1. Relabelling -----------------------------------------------------------------------


def _as_name(text: str) -> str:
    """The name in a mention as a gazetteer writes it: 'ISLAMABAD' → 'Islamabad',
    "Pakistan's" → 'Pakistan'."""
    bare = _bare(text)
    return bare.title() if bare.isupper() and len(bare) > 3 else bare


def _bare(text: str) -> str:
    """'the Foreign Office' → 'Foreign Office'; "Pakistan's" → 'Pakistan'."""
    stripped = re.sub(r"^(?:the|The)\s+", "", text.strip())
    return _POSSESSIVE.sub("", stripped) if stripped.endswith(("'s", "’s", "'", "’")) else stripped


def _model_mentions(doc: Any) -> list[Mention]:
    """spaCy's entity spans of the kinds we keep, split where one runs across a paragraph
    break, and without all-lower-case "organisations" ("state" in "secretary of state")."""
    mentions: list[Mention] = []
    text = text_of(doc)
    for entity in doc.ents:
        if entity.label_ not in KINDS:
            continue
        for piece in re.finditer(r"[^\n]+", entity.text):
            # Never the dash or quotation mark the model swept in ("― Jacklyn Ashley").
            raw = piece.group()
            chunk = _EDGE_MARKS.sub("", raw)
            if not chunk or (entity.label_ == "ORG" and chunk.islower()):
                continue
            start = entity.start_char + piece.start() + raw.index(chunk)
            mentions.append(
                Mention(start, start + len(chunk), entity.label_, text[start : start + len(chunk)])
            )
    return mentions


_DEMONYM_PATTERNS: dict[int, re.Pattern[str] | None] = {}


def _multiword_demonyms(mentions: list[Mention], text: str, gazetteer: Gazetteer) -> list[Mention]:
    """'Sierra Leonean', 'Sri Lankans': a two-word nationality the model splits or tags as an
    organisation is one NORP mention."""
    pattern = _DEMONYM_PATTERNS.get(id(gazetteer), False)
    if pattern is False:
        names = sorted(
            (k for k in gazetteer.demonyms if " " in k and " and " not in k), key=len, reverse=True
        )
        words = [r"\s+".join(re.escape(w.capitalize()) for w in name.split()) for name in names]
        pattern = re.compile(r"\b(?:" + "|".join(words) + r")s?\b") if words else None
        _DEMONYM_PATTERNS[id(gazetteer)] = pattern
    if pattern is None:
        return mentions
    found = [Mention(m.start(), m.end(), "NORP", m.group()) for m in pattern.finditer(text)]
    if not found:
        return mentions
    kept = [
        m for m in mentions if not any(m.start < f.end and f.start < m.end and m.end <= f.end for f in found)
    ]
    return kept + [f for f in found if not any(k.start <= f.start and f.end <= k.end for k in kept)]


def _relabel_after_titles(mentions: list[Mention], text: str, gazetteer: Gazetteer) -> None:
    """'Mayor Chokwe Antar Lumumba': what follows a title is a person, not a place named
    like one (unless it is a country: 'President Trump' vs 'Foreign Minister of Ukraine')."""
    for mention in mentions:
        if mention.label in {"GPE", "ORG", "NORP", "LOC", "FAC"} and not gazetteer.country(
            _bare(mention.text)
        ):
            before = text[max(0, mention.start - 40) : mention.start]
            if before.endswith(" ") and title_before(before.rstrip()) and mention.text[:1].isupper():
                mention.label = "PERSON"


_SPEECH_VERBS = frozenset(
    "say tell add announce insist warn note explain argue claim write post tweet reply answer admit "
    "confirm deny recall describe".split()
)


def _relabel_speakers(mentions: list[Mention], doc: Any, gazetteer: Gazetteer) -> None:
    """'Hilton said' with 'Paris Hilton' tagged ORG: a one-word subject of a speech verb that
    is no country or sizeable city is a person's surname, and so are the longer names it ends."""
    speakers: set[str] = set()
    text = text_of(doc)
    for mention in mentions:
        # Organisations speak ("the Pentagon said"); places taken for names do not.
        if mention.label not in {"GPE", "LOC"} or " " in mention.text.strip():
            continue
        if text[max(0, mention.start - 4) : mention.start].lower() == "the ":
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or len(span) != 1:
            continue
        token = span[0]
        name = _bare(mention.text)
        if (
            token.dep_ == "nsubj"
            and token.head.lemma_ in _SPEECH_VERBS
            and not gazetteer.country(name)
            and not gazetteer.is_city_name(name, 100_000)
        ):
            speakers.add(name)
    if not speakers:
        return
    for mention in mentions:
        words = _bare(mention.text).split()
        if words and words[-1] in speakers and mention.label != "NORP":
            mention.label = "PERSON"


# Nouns a leader's surname stands before: "the Bush administration", "the Yeltsin era".
_LEADER_NOUNS = frozenset("administration presidency era regime government cabinet camp".split())


def _relabel_name_parts(mentions: list[Mention], doc: Any, gazetteer: Gazetteer) -> list[Mention]:
    """A one-word 'place' that is part of a person's name: 'the Bush administration' (Būsh,
    Egypt, by an alternate name), 'Haroon Rashid Aswad' (Rashid, an old name of Rosetta)."""
    text = text_of(doc)
    place_starts = {m.start for m in mentions if m.label in {"GPE", "LOC"}}
    out: list[Mention] = []
    for mention in mentions:
        name = _bare(mention.text)
        if mention.label not in {"GPE", "LOC"} or " " in name or gazetteer.country(name):
            out.append(mention)
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or len(span) != 1:
            out.append(mention)
            continue
        token = span[0]
        before = doc[token.i - 1] if token.i > 0 else None
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None

        def no_place(other: Any) -> bool:
            return (
                other.idx not in place_starts
                and not gazetteer.country(other.text)
                and not gazetteer.demonym(other.text)
            )

        if _inside_name(token) and no_place(before) and no_place(after):
            # Inside a run of proper nouns: the run is a name (the joined span is a person).
            out.append(
                Mention(
                    before.idx,
                    after.idx + len(after.text),
                    "PERSON",
                    text[before.idx : after.idx + len(after.text)],
                )
            )
            continue
        own_city = any(c.population >= 100_000 for c in gazetteer.cities.get(name.lower(), []))
        if after is not None and after.lemma_.lower() in _LEADER_NOUNS and not own_city:
            mention.label = "PERSON"
        out.append(mention)
    return out


def _join_nested_organisations(mentions: list[Mention], text: str) -> list[Mention]:
    """'the Ministry of Foreign Affairs' + 'of' + 'Ukraine': one organisation named with its
    country (the country stays evidence for the organisation, not a separate mention)."""
    out: list[Mention] = []
    skip: set[int] = set()
    ordered = sorted(mentions, key=lambda m: m.start)
    for index, mention in enumerate(ordered):
        if index in skip:
            continue
        following = ordered[index + 1] if index + 1 < len(ordered) else None
        gap = text[mention.end : following.start] if following is not None else "-"
        # "... Affairs" + " of " + "Ukraine", or the model's "... Affairs of" + " " + "Ukraine".
        joined = re.fullmatch(r"\s+of\s+(?:the\s+)?", gap) or (
            re.fullmatch(r"\s+", gap) and re.search(r"\sof(?:\s+the)?$", mention.text)
        )
        if mention.label == "ORG" and following is not None and following.label in {"GPE", "LOC"} and joined:
            mention = Mention(mention.start, following.end, "ORG", text[mention.start : following.end])
            skip.add(index + 1)
        out.append(mention)
    return out


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


_LOCATIVE = re.compile(
    r"\b(?:in|from|to|at|near|outside|across|into|around|toward|towards)\s+(?:the\s+)?$", re.I
)


_CAPITALS: dict[int, frozenset[str]] = {}


def _capitals(gazetteer: Gazetteer) -> frozenset[str]:
    """Names of national capitals ('Washington D.C.' is also 'Washington')."""
    found = _CAPITALS.get(id(gazetteer))
    if found is None:
        names: set[str] = set()
        for country in gazetteer.countries.values():
            # countryinfo writes one capital as a string, several as a list (South Africa).
            capital = country.capital
            names.update([capital] if isinstance(capital, str) else capital or [])
        found = frozenset(names | {re.sub(r",?\s+D\.?C\.?$", "", n) for n in names})
        _CAPITALS[id(gazetteer)] = found
    return found


def _relabel(mentions: list[Mention], gazetteer: Gazetteer, text: str) -> None:
    for mention in mentions:
        bare = _bare(mention.text)
        words = bare.split()
        if (
            mention.label in {"GPE", "PERSON", "ORG", "LOC"}
            and gazetteer.demonym(bare)
            and not gazetteer.country(bare)
        ):
            mention.label = "NORP"
        elif (
            mention.label == "PERSON"
            and len(words) == 2
            and gazetteer.demonym(words[0]) in gazetteer.countries
            and (words[1].endswith("s") or re.match(r"\s+[a-z]+", text[mention.end : mention.end + 30]))
        ):
            # "Bosnian Serbs", "Iraqi Kurds", "Rwandan Hutu militiamen": a people, not a person.
            mention.label = "NORP"
        elif mention.label in {"PERSON", "ORG", "NORP", "FAC"} and len(bare.split()) <= 3:
            # An all-capitals dateline ("ISLAMABAD") is looked up as a name. Companies are
            # named after cities (Toyota): an organisation must be a country or a city of
            # a million to be taken for a place.
            name = _as_name(mention.text)
            located = bool(_LOCATIVE.search(text[max(0, mention.start - 12) : mention.start]))
            population = 1_000_000 if mention.label == "ORG" and not located else 100_000
            # A capital stands for its government ("Washington recalled its ambassador").
            capital = name in _capitals(gazetteer)
            if gazetteer.country(name) or capital or gazetteer.is_city_name(name, population):
                mention.label = "GPE"


def _join_split_names(mentions: list[Mention], doc: Any) -> list[Mention]:
    """'Shah Mahmood' + 'Qureshi': a person name runs on over adjacent capitalised proper nouns."""
    by_start = {m.start: m for m in mentions}
    consumed: set[int] = set()
    text = text_of(doc)
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


class _Coverage:
    """Which characters mentions cover: a per-token question in constant time (scanning the
    mention list for every token made long articles quadratic)."""

    def __init__(self, length: int, mentions: list[Mention]) -> None:
        self.mask = bytearray(length)
        for mention in mentions:
            self.add(mention)

    def add(self, mention: Mention) -> None:
        self.mask[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)

    def __contains__(self, position: int) -> bool:
        return 0 <= position < len(self.mask) and self.mask[position] == 1

    def overlaps(self, start: int, end: int) -> bool:
        return 1 in self.mask[start:end]


def _missing_places(
    doc: Any, mentions: list[Mention], gazetteer: Gazetteer, context: EntityContext
) -> list[Mention]:
    added: list[Mention] = []
    text = text_of(doc)
    place_words = {_bare(m.text) for m in mentions if m.label == "GPE" and " " not in m.text.strip()}
    covered = _Coverage(len(text), mentions)
    if context.dateline is not None:
        start, end = context.dateline
        for mention in mentions:
            if mention.start <= start and end <= mention.end and mention.label != "GPE":
                mention.label = "GPE"  # the dateline is a place, whatever the model said
        if not covered.overlaps(start, end):
            added.append(Mention(start, end, "GPE", text[start:end], source="dateline"))
            covered.add(added[-1])
    for token in doc:
        if token.is_punct or not token.text[:1].isupper() or token.idx in covered:
            continue
        word = _bare(token.text)
        if len(word) < 3:
            continue
        upper = token.text.isupper() and len(token.text) > 3
        # A word the model tags as a place elsewhere in the text is a place here too (a
        # headline's first word is often tagged as an adjective).
        known = word in place_words
        if token.pos_ != "PROPN" and not upper and not known:
            continue
        name = word.title() if upper else word
        country = gazetteer.country(name)
        big_city = gazetteer.is_city_name(name, 100_000)
        if not country and _inside_name(token):
            continue  # "Haroon Rashid Aswad": Rashid is no place here
        if country or big_city or known:
            end = token.idx + len(word)
            added.append(Mention(token.idx, end, "GPE", text[token.idx : end], source="gazetteer"))
            covered.add(added[-1])
    return added


def _inside_name(token: Any) -> bool:
    """A proper noun between two others of one name ('Haroon Rashid Aswad')."""
    doc = token.doc
    if token.dep_ != "compound" or token.i == 0 or token.i + 1 >= len(doc):
        return False
    return all(
        other.pos_ == "PROPN" and bool(_CAPITALISED.match(other.text))
        for other in (doc[token.i - 1], doc[token.i + 1])
    )


def _missing_surnames(doc: Any, mentions: list[Mention], surnames: dict[str, str]) -> list[Mention]:
    added: list[Mention] = []
    text = text_of(doc)
    covered = _Coverage(len(text), mentions)
    if not surnames:
        return added
    for token in doc:
        if not token.text[:1].isupper():
            continue  # a surname is capitalised (checked first: this loop sees every token)
        word = _bare(token.text)
        if word in surnames and token.idx not in covered:
            end = token.idx + len(word)
            added.append(Mention(token.idx, end, "PERSON", text[token.idx : end], source="surname"))
            covered.add(added[-1])
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
    name_words: dict[int, set[str]] = {}  # per cluster, the lower-cased words of its name
    for mention in ordered:
        words = _bare(mention.text).split()
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
    """One cluster per name; a short form ("the Commission") joins the longer name it ends
    ("the European Commission")."""
    clusters: dict[str, EntityDraft] = {}
    for mention in sorted(mentions, key=lambda m: (-len(_bare(m.text)), m.start)):
        key = _bare(mention.text).lower()
        if not key:
            continue
        if key not in clusters and kind == "ORG":
            longer = [k for k in clusters if k.endswith(" " + key) and len(key.split()) < len(k.split())]
            if len(longer) == 1:
                key = longer[0]
        if key not in clusters:
            clusters[key] = EntityDraft(kind, _bare(mention.text), [])
        clusters[key].mentions.append(mention)
    for cluster in clusters.values():
        cluster.mentions.sort(key=lambda m: m.start)
    return list(clusters.values())


def _cluster_places(
    mentions: list[Mention], doc: Any, gazetteer: Gazetteer, countries: set[str]
) -> list[EntityDraft]:
    """One draft per place meant; each mention resolved by evidence (``places.resolve``)."""
    clusters: dict[str, EntityDraft] = {}
    states = {
        code
        for m in mentions
        if (code := gazetteer.state_codes.get(_as_name(m.text).lower())) and len(m.text) > 2
    }
    resolved: list[tuple[Mention, str, Resolution]] = []
    for mention in sorted(mentions, key=lambda m: m.start):
        name = _as_name(mention.text)
        nearby = _sentence_countries(mention, doc, gazetteer)
        found = resolve(name, _bare(mention.text), mention.start, mention.end, doc, gazetteer,
                        countries, states, nearby)  # fmt: skip
        if found.place is None and (region := _region(mention, name, text_of(doc), gazetteer, countries)):
            found = Resolution(region, REGION, "a region the text calls one")
        resolved.append((mention, name, found))
    # One sense per article: a name the text once qualifies ("PARIS, Texas") means that place
    # wherever else the article writes it.
    qualified = {name.lower(): found for _, name, found in resolved if found.confidence >= QUALIFIED}
    for mention, name, found in resolved:
        if found.place is not None and found.confidence < QUALIFIED and name.lower() in qualified:
            found = qualified[name.lower()]
        place = found.place
        if isinstance(place, Country):
            key = f"c:{place.iso3}"
        elif isinstance(place, City):
            key = f"g:{place.geonameid}:{place.name}"
        else:
            key = f"n:{name.lower()}"
        if key not in clusters:
            canonical = place.name if place is not None else name
            draft = EntityDraft("GPE" if mention.label == "GPE" else "LOC", canonical, [], place=place)
            draft.country = place.iso3 if isinstance(place, Country) else (
                place.country if isinstance(place, City) else None)  # fmt: skip
            draft.confidence = found.confidence
            clusters[key] = draft
        clusters[key].confidence = max(clusters[key].confidence, found.confidence)
        clusters[key].mentions.append(mention)
    return list(clusters.values())


_REGION_WORD = re.compile(r"\s*(?:province|region|state|district)\b", re.I)


def _region(mention: Mention, name: str, text: str, gazetteer: Gazetteer, countries: set[str]) -> City | None:
    """'the government of Sindh province', 'Darfur': a first-level region only one country
    has, when the text calls it a region or names that country (a capitalised headline word
    may be a province's name by chance)."""
    bare = _REGION_WORD.sub("", name).strip() or name
    region = gazetteer.unique_region(bare)
    if region is None:
        return None
    called = bool(_REGION_WORD.match(text, mention.end)) or _REGION_WORD.search(name) is not None
    return region if called or region.country in countries else None


def _sentence_countries(mention: Mention, doc: Any, gazetteer: Gazetteer) -> set[str]:
    """Countries the mention's sentence names, by name, nationality or sizeable city."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return set()
    found: set[str] = set()
    for token in sentence_of(doc, span.start):
        if token.idx == mention.start or not token.text[:1].isupper():
            continue
        name = _as_name(token.text)
        if iso3 := _country_words(name, gazetteer):
            found.add(iso3)
        elif gazetteer.is_city_name(name, 100_000) and (city := gazetteer.lookup_city(name)) is not None:
            found.add(city.country)
    return found


# --- 4. Attributes ------------------------------------------------------------------------


_APPOSITIVE = re.compile(
    r"\s*,\s+(?:the|a|an|(?P<owner>[A-Z][\w\-]+)['’]s)\s+(?:(?P<nationality>[A-Z][\w\-]+)\s+)?(?P<title>"
    + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True) if len(t) > 3)
    + r")\b",
    re.I,
)


def _attach_roles(persons: list[EntityDraft], text: str, gazetteer: Gazetteer) -> None:
    for person in persons:
        roles: Counter[str] = Counter()
        for mention in person.mentions:
            # "Sergei Lavrov, the Russian foreign minister," / "X, Ukraine's president,"
            appositive = _APPOSITIVE.match(text, mention.end)
            if appositive and mention.source != "description":
                roles[TITLES[appositive.group("title").lower()]] += 2
                for group in ("nationality", "owner"):
                    word = appositive.group(group)
                    if word and (iso3 := _country_words(word, gazetteer)):
                        mention.country = iso3
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
        votes: Counter[str] = Counter(m.country for m in person.mentions if m.country)
        for mention in person.mentions:
            window = text[max(0, mention.start - 60) : mention.start]
            window = window[max(window.rfind("\n"), window.rfind(". ")) + 1 :]
            found = left.search(window)
            if found and (iso3 := _country_words(found.group("word"), gazetteer)):
                votes[iso3] += 1
        if votes and person.country is None:
            person.country = votes.most_common(1)[0][0]


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
    for name in [entity.name, *(m.text for m in entity.mentions)]:
        found = actors.lookup(_bare(name), "ORG")
        if found is not None:
            return found.at(on)
    return None


def _attach_known_people(persons: list[EntityDraft], on: date | None) -> None:
    """People the text gives no country: the actor dictionary's ('President Mitterrand'), by
    the role held on the article's date."""
    for person in persons:
        if person.country is not None:
            continue
        found = known_actor(person, on)
        if found is not None:
            person.country = found.country
            person.sector = person.sector or found.sector


def _known_people(doc: Any, mentions: list[Mention]) -> list[Mention]:
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


def _known_mentions(doc: Any, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Organisations of the actor dictionary the model missed or took for a person or place
    ('Hizbollah', 'UNITA', 'Amal'); never a name that is also a place or a nationality
    ('Petra', 'Anatolia')."""
    actors = load_actors()
    text = text_of(doc)

    def is_place(name: str) -> bool:
        return bool(gazetteer.country(name) or gazetteer.demonym(name) or gazetteer.is_city_name(name, 0))

    for mention in mentions:
        if mention.label in {"PERSON", "GPE", "LOC", "NORP"}:
            bare = _bare(mention.text)
            found = actors.lookup(bare)
            if found is not None and found.kind == "ORG" and not is_place(bare):
                mention.label = "ORG"
    covered = _Coverage(len(text), mentions)
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


def _attach_descriptions(
    persons: list[EntityDraft], doc: Any, gazetteer: Gazetteer, tentative: dict[int, str | None]
) -> None:
    """'Pakistan's top diplomat', 'the Pakistani premier' (not followed by a name): a mention
    of the role holder named before, with the country it gives."""
    text = text_of(doc)
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
    sent_start = sentence_of(doc, span.start).start_char
    text = text_of(doc)
    before = sorted(
        (m for m in mentions if sent_start <= m.start < anchor.start and m.label in {"GPE", "NORP"}),
        key=lambda m: -m.start,
    )
    for other in before:
        if _CLAIMED.match(text, other.end):
            continue
        name = _as_name(other.text)
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
    organisation: EntityDraft, text: str, gazetteer: Gazetteer, dateline: str | None, on: date | None
) -> None:
    known = known_actor(organisation, on)
    if known is not None:
        # "Hezbollah", "the Kurdistan Workers' Party (PKK)": world knowledge, where a word
        # beside the name may be a sponsor or a stance ("the pro-Iranian Hezbollah").
        organisation.country = known.country
        return
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
