"""Passes 1 and 2 of the entities stage on mentions (see ``entities.py``): spaCy's mentions
relabelled, titles cut off names, split names rejoined; surnames the model missed added, and
one mention per stretch of text."""

from __future__ import annotations

import re
from typing import Any

from newsmill.analyze.actors import key, load_actors
from newsmill.analyze.dictionaries import agents, person_nouns
from newsmill.analyze.gazetteer import Gazetteer
from newsmill.analyze.given_names import is_given_name, is_surname
from newsmill.analyze.mentions import CAPITALISED, Coverage, Mention, as_name, bare_name, inside_name
from newsmill.analyze.roles import civil_office, title_before, whole_title
from newsmill.analyze.sentences import opens_sentence, text_of
from newsmill.analyze.wordlists import words

KINDS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
_EDGE_MARKS = re.compile(r"^[^\w@#]+|[^\w.)]+$")


def model_mentions(doc: Any) -> list[Mention]:
    """spaCy's entity spans of the kinds we keep, split where one runs across a paragraph
    break, and without all-lower-case names: an "organisation" ("state" in "secretary of state")
    or a "place" ("a van", read as Van, Turkey) written in lower case is a common word."""
    mentions: list[Mention] = []
    text = text_of(doc)
    for entity in doc.ents:
        if entity.label_ not in KINDS:
            continue
        for piece in re.finditer(r"[^\n]+", entity.text):
            # Never the dash or quotation mark the model swept in ("― Jacklyn Ashley").
            raw = piece.group()
            chunk = _EDGE_MARKS.sub("", raw)
            if not chunk or (entity.label_ != "NORP" and chunk.islower()):
                continue
            start = entity.start_char + piece.start() + raw.index(chunk)
            mentions.append(
                Mention(start, start + len(chunk), entity.label_, text[start : start + len(chunk)])
            )
    return mentions


_DEMONYM_PATTERNS: dict[int, re.Pattern[str] | None] = {}


def multiword_demonyms(mentions: list[Mention], text: str, gazetteer: Gazetteer) -> list[Mention]:
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


# Honorifics that may end an organisation the model ran into a name ("... Superintendent Dr."):
# narrower than ``_HONORIFICS`` below, whose "Lady" or "Lord" end real names ("Our Lady").
_HONORIFICS_AT_END = frozenset({"dr", "mr", "mrs", "ms", "prof"})
# A Reuters instrument code or a ticker with its exchange suffix: "TSCI.O", "VOD.L", "7203.T".
_INSTRUMENT_CODE = re.compile(r"[A-Z0-9]{1,6}\.[A-Z]{1,2}")


def relabel_after_titles(mentions: list[Mention], text: str, gazetteer: Gazetteer) -> None:
    """'Mayor Chokwe Antar Lumumba': what follows a title is a person, not a place named
    like one (unless it is a country: 'President Trump' vs 'Foreign Minister of Ukraine').
    An organisation the model opened with a title ("Cllr Pryce") is that person; one it closed
    with a title or an honorific ("Burlington School District Superintendent Dr.") ends before
    it; an instrument code ("TSCI.O") names no one."""
    for mention in mentions:
        if mention.label == "ORG" and _INSTRUMENT_CODE.fullmatch(mention.text.strip()):
            mention.label = "TICKER"  # not an entity kind: no entity is made of it
            continue
        words = mention.text.split()
        if mention.label == "ORG" and len(words) >= 2:
            found = title_before(words[0]) or title_before(" ".join(words[:2]))
            if found and not " ".join(words).lower().startswith(found[0].lower()):
                found = None  # a civil office read with a word outside the mention
            rest = words[len(found[0].split()) :] if found else []
            at = mention.text.find(rest[0], len(found[0])) if found and rest else -1
            named = bool(rest) and (is_given_name(rest[0]) or is_surname(rest[-1]))  # not "General Assembly"
            if found and at > 0 and named and 1 <= len(rest) <= 3 and all(w[:1].isupper() for w in rest):
                offset = mention.start + at
                mention.start, mention.text, mention.label, mention.role = (
                    offset, text[offset : mention.end], "PERSON", found[1],
                )  # fmt: skip
                continue
            # Only after an honorific: "Department of Justice" ends with a title's word and is whole.
            trailing = 1 if words[-1].lower().rstrip(".") in _HONORIFICS_AT_END else 0
            while trailing and trailing < len(words) - 1 and title_before(words[-1 - trailing]):
                trailing += 1
            if trailing:
                kept = " ".join(words[: len(words) - trailing])
                mention.end = mention.start + len(kept)
                mention.text = text[mention.start : mention.end]
    for mention in mentions:
        if mention.label in {"GPE", "ORG", "NORP", "LOC", "FAC"} and not gazetteer.country(
            bare_name(mention.text)
        ):
            before = text[max(0, mention.start - 40) : mention.start]
            if before.endswith(" ") and title_before(before.rstrip()) and mention.text[:1].isupper():
                mention.label = "PERSON"


_SPEECH_VERBS = frozenset(
    "say tell add announce insist warn note explain argue claim write post tweet reply answer admit "
    "confirm deny recall describe".split()
)


def relabel_speakers(mentions: list[Mention], doc: Any, gazetteer: Gazetteer) -> None:
    """'Hilton said' with 'Paris Hilton' tagged ORG: a one-word subject of a speech verb that
    is no country or sizeable city is a person's surname, and so are the longer names it ends."""
    speakers: set[str] = set()
    text = text_of(doc)
    # "Carly Fiorina" ... "Fiorina told": the model may tag both as an organisation. A one-word
    # organisation that speaks is a surname when it ends a name opening with a given name
    # ("Google said" stays an organisation; so does "Morgan Stanley", never "Stanley said").
    after_given = {
        words[-1]
        for m in mentions
        if m.label == "ORG" and len(words := bare_name(m.text).split()) == 2 and is_given_name(words[0])
    }
    for mention in mentions:
        # Organisations speak ("the Pentagon said"); places taken for names do not.
        named_person = mention.label == "ORG" and bare_name(mention.text) in after_given
        if (mention.label not in {"GPE", "LOC"} and not named_person) or " " in mention.text.strip():
            continue
        if text[max(0, mention.start - 4) : mention.start].lower() == "the ":
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or len(span) != 1:
            continue
        token = span[0]
        name = bare_name(mention.text)
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
        words = bare_name(mention.text).split()
        if words and words[-1] in speakers and mention.label != "NORP":
            mention.label = "PERSON"


# Nouns a leader's surname stands before: "the Bush administration", "the Yeltsin era".
_LEADER_NOUNS = frozenset("administration presidency era regime government cabinet camp".split())


def relabel_name_parts(mentions: list[Mention], doc: Any, gazetteer: Gazetteer) -> list[Mention]:
    """A one-word 'place' that is part of a person's name: 'the Bush administration' (Būsh,
    Egypt, by an alternate name), 'Haroon Rashid Aswad' (Rashid, an old name of Rosetta)."""
    text = text_of(doc)
    place_starts = {m.start for m in mentions if m.label in {"GPE", "LOC"}}
    out: list[Mention] = []
    for mention in mentions:
        name = bare_name(mention.text)
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

        if inside_name(token) and no_place(before) and no_place(after):
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


def join_nested_organisations(mentions: list[Mention], text: str) -> list[Mention]:
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
        elif (
            mention.label in {"GPE", "LOC"}
            and following is not None
            and following.label == "ORG"
            and re.fullmatch(r"\s+and\s+", gap)
            and following.text.split()[-1].lower() in _COUNCIL_HEADS
            and not following.text.lower().startswith("the ")
        ):
            # "Perth" + "and" + "Kinross Council": a council named for two places is one body.
            mention = Mention(mention.start, following.end, "ORG", text[mention.start : following.end])
            skip.add(index + 1)
        elif (
            mention.label == "ORG"
            and following is not None
            and re.search(r"\s(?:and|&)$", mention.text)
            and re.fullmatch(r"\s+", gap)
            and following.text[:1].isupper()
        ):
            # "the Philippine Atmospheric, Geophysical and" + "Astronomical Services
            # Administration": a name the model cut after its "and" runs on into the next.
            mention = Mention(mention.start, following.end, "ORG", text[mention.start : following.end])
            skip.add(index + 1)
        elif (
            mention.label == "ORG"
            and _PORTFOLIO_BODY.match(mention.text)
            and not re.search(r"\s(?:and|&)\s", mention.text)  # two portfolios already
        ):
            second = _SECOND_PORTFOLIO.match(text, mention.end)
            if second is not None:
                # "the Ministry of Foreign" + "and Diaspora Affairs", "The Ministry of Science"
                # + "and ICT": a ministry named for two portfolios is one body.
                mention = Mention(mention.start, second.end(), "ORG", text[mention.start : second.end()])
                skip.update(
                    later for later in range(index + 1, len(ordered)) if ordered[later].start < second.end()
                )
        out.append(mention)
    return out


# Heads of a local body's name that may follow two places ("Perth and Kinross Council").
_COUNCIL_HEADS = frozenset("council authority corporation board police".split())
# A body named for its portfolio ("Ministry of Science"), and a second portfolio after "and".
_PORTFOLIO_BODY = re.compile(
    r"(?:the\s+)?(?:Ministry|Department|Secretariat|Office|Bureau|Commission|Committee|Agency)\s+(?:of|for)\s+[A-Z]",
    re.I,
)
_SECOND_PORTFOLIO = re.compile(r"\s+(?:and|&)\s+(?:[A-Z][\w'’-]*)(?:\s+[A-Z][\w'’-]*){0,3}")


def strip_titles(mentions: list[Mention], text: str) -> list[Mention]:
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
                    # "Attorney General William Barr" with "Attorney" left outside the mention
                    office = civil_office(found[1], text[max(0, mention.start - 20) : mention.start])
                    role = office or found[1]
                    mention = Mention(offset, mention.end, "PERSON", text[offset : mention.end], role=role)
                    break
            else:
                employer = _employer_before_title(mention, text)
                if employer is not None:
                    out.append(employer[0])
                    mention = employer[1]
        mention = _without_opening_person_noun(mention, text)
        mention = _after_inner_honorific(mention, text)
        out.append(mention)
    return out


_INNER_HONORIFIC = re.compile(r"\s(?:Mr|Mrs|Ms|Mx|Dr|Prof)\.?\s+(?=[A-Z])")


def _after_inner_honorific(mention: Mention, text: str) -> Mention:
    """'Deputy Minister of Mines Mr Felix Mwanza' with 'Mines Mr Felix Mwanza' as one mention:
    an honorific inside a mention opens a person's name; the person is what follows it."""
    if mention.label not in {"PERSON", "ORG"}:
        return mention
    found = _INNER_HONORIFIC.search(mention.text)
    if found is None or len(mention.text[found.end() :].split()) < 2:
        return mention
    start = mention.start + found.end()
    return Mention(start, mention.end, "PERSON", text[start : mention.end], role=mention.role)


def _without_opening_person_noun(mention: Mention, text: str) -> Mention:
    """'Butcher Sione Tupou said': a noun for a person, capitalised only because it opens the
    sentence, run into the name after it (the model may call the whole a body) — the person
    is the name of two or three words after it."""
    parts = mention.text.split()
    if mention.label not in {"PERSON", "ORG"} or not 3 <= len(parts) <= 4:
        return mention
    opening = opens_sentence(text, mention.start)
    noun = parts[0].lower()
    if not opening or noun not in person_nouns() or noun in words("organisation_words.txt"):
        return mention
    if not all(w[:1].isupper() for w in parts[1:]):
        return mention
    start = text.find(parts[1], mention.start + len(parts[0]))
    return Mention(start, mention.end, "PERSON", text[start : mention.end], role=mention.role)


def _employer_before_title(mention: Mention, text: str) -> tuple[Mention, Mention] | None:
    """'Joyeon CEO Kim Seo-yeon' as one person → the body "Joyeon" and the person "Kim
    Seo-yeon", Chief Executive: a title inside a name parts the employer from the person."""
    words = mention.text.split()
    for index in range(1, len(words) - 1):
        for size in (2, 1):
            written = " ".join(words[index : index + size])
            found = whole_title(written)
            rest = words[index + size :]
            if found is None or not 1 <= len(rest) <= 3:
                continue
            if not all(w[:1].isupper() for w in words[: index + size] + rest) or "'" in words[index - 1]:
                return None
            body_end = mention.start + len(" ".join(words[:index]))
            person_start = text.find(rest[0], mention.start + len(" ".join(words[: index + size])))
            body = Mention(mention.start, body_end, "ORG", text[mention.start : body_end])
            name = text[person_start : mention.end]
            person = Mention(person_start, mention.end, "PERSON", name, role=found[1])
            return body, person
    return None


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


# A lower-case place noun after a name: "Hoang Mai, Dong Da and Hai Ba Trung districts".
_PLACE_NOUN_AFTER = re.compile(
    r"\s+(?:districts?|provinces?|count(?:y|ies)|regions?|prefectures?|municipalit(?:y|ies)|townships?)\b"
)


def relabel_by_gazetteer(mentions: list[Mention], gazetteer: Gazetteer, text: str) -> None:
    for mention in mentions:
        bare = bare_name(mention.text)
        words = bare.split()
        if mention.label in {"PERSON", "ORG"} and _PLACE_NOUN_AFTER.match(text, mention.end):
            mention.label = "GPE"  # "Hai Ba Trung districts": a place the text calls one
        elif (
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
        elif mention.label in {"PERSON", "ORG", "NORP", "FAC"} and len(bare.split()) <= 4:
            # An all-capitals dateline ("ISLAMABAD") is looked up as a name. Companies are
            # named after cities (Toyota): an organisation must be a country or a city of
            # a million to be taken for a place.
            name = as_name(mention.text)
            located = bool(_LOCATIVE.search(text[max(0, mention.start - 12) : mention.start]))
            population = 1_000_000 if mention.label == "ORG" and not located else 100_000
            # A capital stands for its government ("Washington recalled its ambassador").
            capital = name in _capitals(gazetteer)
            # A first-level region only one country has ("KwaZulu-Natal", "Vorarlberg") is
            # no company's name: the model's organisation is the province.
            # "Oyo State", "Isabela Province": the region named with its kind.
            bare_region = re.sub(r"\s+(?:State|Province|Region)$", "", name)
            region = mention.label == "ORG" and gazetteer.unique_region(bare_region) is not None
            if gazetteer.country(name) or capital or gazetteer.is_city_name(name, population) or region:
                mention.label = "GPE"


# Honorifics before a name: they say its sex (analyze/gender.py reads them there), not its name.
_HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. mx mx. miss sir dame lord lady".split())


def join_split_names(mentions: list[Mention], doc: Any) -> list[Mention]:
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
            if not (CAPITALISED.match(token.text) and token.pos_ == "PROPN") or token.is_sent_start:
                break
            if token.text.isupper() and title_before(" " + token.text) is not None:
                break  # "Joyeon CEO Kim Seo-yeon": the company, then its chief executive
            if token.text in _POST_NOMINALS:
                break  # "Niamh Costigan SC": letters after a name are no part of it
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
            if not (CAPITALISED.match(token.text) and token.pos_ == "PROPN") or doc[first].is_sent_start:
                break
            words_to_token = text[doc[max(0, first - 3)].idx : token.idx + len(token.text)]
            titled = title_before(token.text) or title_before(words_to_token)
            if (
                titled
                or token.lower_ in _HONORIFICS
                or token.lower_ in agents()
                or token.lower_ in person_nouns()
                or by_start.get(token.idx)
            ):
                # "PM Imran Khan", "Mr. Trump", "Chief Executive Laura Whitcombe" (a title that
                # ends here), "Attorney Jonathan Reyes" (a role noun of the agents dictionary):
                # the title or honorific stays out of the name, and so does a noun for a person
                # opening the sentence ("Opener Aarav Deshmukh").
                break
            first -= 1
        if first < span.start:
            mention.start = doc[first].idx
        mention.text = text[mention.start : mention.end]
    return [m for m in mentions if m.start not in consumed]


def surnames_of(mentions: list[Mention]) -> dict[str, str]:
    """Last name → full name, for people named with at least two words."""
    names: dict[str, str] = {}
    for mention in mentions:
        words = bare_name(mention.text).split()
        if mention.label == "PERSON" and len(words) >= 2:
            names.setdefault(words[-1], " ".join(words))
    return names


def relabel_surnames(mentions: list[Mention], surnames: dict[str, str]) -> None:
    for mention in mentions:
        bare = bare_name(mention.text)
        if mention.label != "PERSON" and (bare in surnames or bare in surnames.values()):
            mention.label = "PERSON"


def missing_surnames(doc: Any, mentions: list[Mention], surnames: dict[str, str]) -> list[Mention]:
    added: list[Mention] = []
    text = text_of(doc)
    covered = Coverage(len(text), mentions)
    if not surnames:
        return added
    for token in doc:
        if not token.text[:1].isupper():
            continue  # a surname is capitalised (checked first: this loop sees every token)
        word = bare_name(token.text)
        if word in surnames and token.idx not in covered:
            end = token.idx + len(word)
            added.append(Mention(token.idx, end, "PERSON", text[token.idx : end], source="surname"))
            covered.add(added[-1])
    return added


def dedupe(mentions: list[Mention]) -> list[Mention]:
    """One mention per stretch of text; the longer one wins an overlap."""
    kept: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def _title_case_line(text: str, position: int) -> bool:
    """Whether the line around ``position`` is written in Title Case (a headline): most of its
    words of four letters or more are capitalised."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    words = re.findall(r"[^\W\d_]{4,}", text[start : end if end >= 0 else len(text)])
    return len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) >= 0.75


def trim_headline_names(mentions: list[Mention], text: str) -> list[Mention]:
    """'Donald Trump Tweets A Wildly Inaccurate Chart': in a Title Case headline the model runs
    a name into the capitalised verb after it. A headline name the rest of the text never
    writes, whose first words it does write as a name, is trimmed to those words; a name run
    across a headline's colon ("Tour de Hongrie: Drummond") is what follows the colon."""
    headline = [_title_case_line(text, m.start) for m in mentions]
    pairs = list(zip(mentions, headline, strict=True))
    written = {bare_name(m.text) for m, in_headline in pairs if not in_headline}
    out: list[Mention] = []
    for mention, in_headline in pairs:
        colon = mention.text.rfind(": ")
        if colon > 0 and mention.label in {"PERSON", "ORG"} and mention.text[colon + 2 :][:1].isupper():
            # "Tour de Hongrie: Drummond takes the lead": no name runs across a headline's
            # colon; the name is what follows it.
            start = mention.start + colon + 2
            mention = Mention(start, mention.end, mention.label, text[start : mention.end])
        words = bare_name(mention.text).split()
        if in_headline and mention.label in {"PERSON", "ORG"} and " ".join(words) not in written:
            for cut in range(len(words) - 1, 0, -1):
                prefix = " ".join(words[:cut])
                if prefix in written:
                    end = text.find(words[cut - 1], mention.start) + len(words[cut - 1])
                    mention = Mention(mention.start, end, mention.label, text[mention.start : end])
                    break
        out.append(mention)
    return out


_DESCRIBED = re.compile(r",\s+(?:a|an)\s+(?P<words>[a-z-]+(?:\s+[a-z-]+){0,3})")
# Where a description's head ends: "a shipping analyst at Danske Bank".
_DESCRIPTION_END = frozenset("at of for with in from who and or to on".split())


# An apposition owned by a body: ", Amcu's regional organiser for ...".
_OWNED_DESCRIPTION = re.compile(
    r",\s+(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*['’]s\s+(?P<words>[a-z-]+(?:\s+[a-z-]+){0,3})"
)


def _described_by(
    pattern: re.Pattern[str], text: str, end: int, nouns: frozenset[str], body_words: frozenset[str]
) -> bool:
    """The name is followed by a description (``pattern``, its words in a group "words") whose
    head — its last word before a preposition or a conjunction — is one of ``nouns``, not a
    body's word."""
    found = pattern.match(text, end)
    if found is None:
        return False
    head = []
    for word in found.group("words").split():
        if word in _DESCRIPTION_END:
            break
        head.append(word)
    return bool(head) and head[-1] in nouns and head[-1] not in body_words


def _owned_description(text: str, end: int, describing: frozenset[str], body_words: frozenset[str]) -> bool:
    """The name is followed by a description a body owns whose head is a noun for a person."""
    return _described_by(_OWNED_DESCRIPTION, text, end, describing, body_words)


def _described_as_someone(text: str, end: int, body_words: frozenset[str]) -> bool:
    """The name is followed by an indefinite description whose head is a noun for a person
    in the agents dictionary or the speaker nouns, not a body ("..., a shipping analyst at")."""
    return _described_by(_DESCRIBED, text, end, person_nouns(), body_words)


def relabel_person_names(mentions: list[Mention], gazetteer: Gazetteer, text: str = "") -> None:
    """'Barack Obama's', 'Eva-Marie Persson' tagged as organisations: a two- or three-word name
    that the actor dictionary knows as a person, or that opens with a given name and ends with a
    family name, with no organisation word in it and no organisation or company of that name
    in the dictionary ("Morgan Stanley" stays) and no place of that name ("Forest Hill"), is a
    person. (Evidence's ``organisation_words`` reads the same list; it cannot be imported here:
    evidence imports the entities stage, which imports this module.)"""
    actors = load_actors()
    body_words = words("organisation_words.txt")
    for mention in mentions:
        name = bare_name(mention.text)
        parts = name.split()
        if mention.label != "ORG" or not 2 <= len(parts) <= 3 or not all(p[:1].isupper() for p in parts):
            continue
        if {p.lower() for p in parts} & body_words:
            continue  # "Morgan Bank", "Hale Partners"
        named_else = actors.lookup(name, "ORG") or key(name) in actors.companies
        if named_else or gazetteer.is_city_name(name, 0) or gazetteer.country(name):
            continue
        known = actors.lookup(name, "PERSON") is not None
        half_known = is_given_name(parts[0]) or is_surname(parts[-1])
        if known or (is_given_name(parts[0]) and is_surname(parts[-1])):
            mention.label = "PERSON"
        elif half_known and _described_as_someone(text, mention.end, body_words):
            mention.label = "PERSON"  # "said Anders Ravnsborg, a shipping analyst at Danske Bank"
        elif is_given_name(parts[0]) and _family_name_alone(text, mention, parts):
            # "goaltender Marek Dvořáček's pad" ... "Dvořáček made 31 saves": a given name, then
            # a last word the text uses again on its own, as news calls a person by surname.
            mention.label = "PERSON"


def _family_name_alone(text: str, mention: Mention, parts: list[str]) -> bool:
    """The name's last word stands alone elsewhere in ``text``: not inside this mention, not
    after the name's first word, and not after "the"."""
    last = parts[-1]
    for found in re.finditer(rf"(?<![\w-]){re.escape(last)}(?![\w-])", text):
        if mention.start <= found.start() < mention.end:
            continue
        if text[max(0, found.start() - len(parts[0]) - 1) : found.start()].strip() == parts[0]:
            continue
        if text[max(0, found.start() - 4) : found.start()].lower() == "the ":
            continue  # "the Human Landing System" ... "the System": a thing's short name
        before = re.search(r"([A-Z][\w.’'-]*)\s+$", text[max(0, found.start() - 30) : found.start()])
        if before is not None and before.group(1).rstrip(".").lower() not in _HONORIFICS:
            continue  # "the Space Launch System": the word ends another name
        return True
    return False


# An age set beside a name: "Deshmukh, 23, took charge", "Mackenzie Obi, 31, said", "Obi (31)".
_AGE_AFTER = re.compile(r"\s*(?:,\s*(?:aged\s+)?\d{1,2}\s*,|\(\d{1,2}\))")
# Letters after a name: senior counsel, a member of parliament, an honour, a degree.
_POST_NOMINALS = frozenset("SC KC QC SAN MP MLA MSP MEP TD MBE OBE CBE PhD".split())
# An honorific before the name: "said Dr Nasrin Akter".
_HONORIFIC_BEFORE = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Mx|Prof)\.?\s+$")
# A noun for a person, the body they are of or speak for, then the name: "A spokesman for the
# Ministry of Finance, Nii Armah Quaye,".
_NOUN_FOR_BODY = re.compile(
    r"\b([a-z-]+)\s+(?:for|of|at|from)\s+(?:the\s+)?[A-Z][\w'’&.-]*(?:\s+(?:of|and|for|&)?\s*[A-Z][\w'’&.-]*)*,\s+$"
)
# The name in apposition to a noun for a person: "A police spokesman, Olumide Bakare, said".
_NOUN_BEFORE = re.compile(r"\b([A-Za-z-]+),?\s+$")


def relabel_described_people(mentions: list[Mention], gazetteer: Gazetteer, text: str) -> None:
    """Names the model typed as organisations that the text shows are people, whatever their
    language (the name lists know few Indian or Nigerian names): an age beside the name, or a
    noun for a person just before it ("spinner Mohit Rawal", "A police spokesman, Olumide
    Bakare,", "A spokesman for the Ministry of Finance, Nii Armah Quaye,") or in a description
    a body owns after it ("Sibusiso Ngcobo, Amcu's regional organiser"), an honorific ("Dr
    Nasrin Akter"), or opening the model's mention ("Opener Aarav Deshmukh", cut off). Nouns that
    describe bodies as often ("rival", "owner") are no evidence, nor is
    any noun for a one-word name; a name the actor dictionary or the gazetteer knows, or with
    an organisation word in it, stays."""
    actors = load_actors()
    body_words = words("organisation_words.txt")
    describing = person_nouns() - words("person_or_body_nouns.txt")
    for mention in mentions:
        name = bare_name(mention.text)
        parts = name.split()
        if mention.label not in {"ORG", "FAC", "PERSON"}:
            continue
        if len(parts) >= 3 and parts[0].lower() in describing and mention.text.startswith(parts[0]):
            # The model took the noun opening the sentence into the name: "Opener Aarav Deshmukh".
            rest = mention.text[len(parts[0]) :]
            cut = len(parts[0]) + len(rest) - len(rest.lstrip())
            mention.start, mention.text = mention.start + cut, mention.text[cut:]
            mention.label = "PERSON"
            continue
        if mention.label == "PERSON" and len(parts) >= 3 and parts[-1].rstrip(",") in _POST_NOMINALS:
            # "Niamh Costigan SC", "Jane Doe MP": letters after a name are no part of it
            cut = mention.text.rfind(parts[-1])
            mention.end = mention.start + len(mention.text[:cut].rstrip())
            mention.text = text[mention.start : mention.end]
        if mention.label == "PERSON":
            continue
        if not 1 <= len(parts) <= 3 or not all(p[:1].isupper() for p in parts):
            continue
        if {p.lower() for p in parts} & body_words or any(p.isupper() and len(p) > 1 for p in parts):
            continue  # "Hale Partners", "SDA"
        if actors.lookup(name, "ORG") or key(name) in actors.companies:
            continue
        if gazetteer.is_city_name(name, 0) or gazetteer.country(name):
            continue
        aged = _AGE_AFTER.match(text, mention.end) is not None
        honoured = _HONORIFIC_BEFORE.search(text, max(0, mention.start - 6), mention.start) is not None
        # "A spokesman for the Ministry of Finance, Nii Armah Quaye, said": the noun before the
        # body the person speaks for, and the name closed by a comma
        spokesman = _NOUN_FOR_BODY.search(text, max(0, mention.start - 90), mention.start)
        for_body = (
            spokesman is not None
            and spokesman.group(1).lower() in describing
            and text[mention.end : mention.end + 1] == ","
        )
        before = _NOUN_BEFORE.search(text, max(0, mention.start - 40), mention.start)
        described = (
            len(parts) >= 2
            and before is not None
            and before.group(1).lower() in describing
            # a lower-case noun, or one opening its sentence ("Opener Aarav Deshmukh")
            and (before.group(1).islower() or opens_sentence(text, before.start(1)))
            # in apposition the name is closed by a comma too ("spokesman, Olumide Bakare, said")
            and ("," not in text[before.end(1) : mention.start] or text[mention.end : mention.end + 1] == ",")
        )
        # "Sibusiso Ngcobo, Amcu's regional organiser for ..., said": a description owned by a
        # body, in apposition, headed by a noun for a person.
        owned = len(parts) >= 2 and _owned_description(text, mention.end, describing, body_words)
        if aged or described or honoured or for_body or owned:
            mention.label = "PERSON"
