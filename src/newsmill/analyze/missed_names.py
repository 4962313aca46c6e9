"""Names the model missed or mistyped, found from the words around them: a title with a
portfolio ("Councillor for housing Sofia Marques"), a capitalised title the model left untagged
("Coun. Harjit Sandhu"), an age ("Fadime Kalkavan, 63,"), a list of places a "person" sits in.

Each is a pass over the article's mentions, like those of ``relabel.py`` (docs/confidence.md).
"""

from __future__ import annotations

import re

from newsmill.analyze.gazetteer import Gazetteer
from newsmill.analyze.mentions import Coverage, Mention
from newsmill.analyze.roles import TITLES, title_before, whole_title

_LIST_JOINER = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)")


def relabel_listed_with_places(mentions: list[Mention], text: str) -> None:
    """'districts include Hoang Mai, Dong Da, Thanh Xuan and Hai Ba Trung': a list names things
    of one kind; a "person" listed with two places or more, and no person, is a place too."""
    ordered = sorted(mentions, key=lambda m: m.start)
    runs: list[list[Mention]] = []
    for mention in ordered:
        if runs and _LIST_JOINER.fullmatch(text[runs[-1][-1].end : mention.start]):
            runs[-1].append(mention)
        else:
            runs.append([mention])
    for run in runs:
        people = [m for m in run if m.label == "PERSON"]
        places = [m for m in run if m.label in {"GPE", "LOC"}]
        if len(people) == 1 and len(places) >= 2 and len(run) == len(places) + 1:
            people[0].label = "GPE"


# "Councillor for housing Sofia Marques", "Minister of state for trade Ama Owusu": a title, its
# portfolio in lower case, then the name (two or three capitalised words).
_PORTFOLIO_TITLE = re.compile(
    r"\b(?P<title>[A-Z][a-z]+(?: [A-Z][a-z]+)?) (?:for|of) (?:[a-z]+ ){1,3}"
    r"(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2})\b"
)


def portfolio_titles(mentions: list[Mention], text: str) -> list[Mention]:
    """'Councillor for housing Sofia Marques': the model reads "Councillor" as a person and
    "Sofia" as a place; a title with a lower-case portfolio names the person after it. The
    name becomes one person mention with the title as role; mentions inside the phrase go."""
    found = []
    for match in _PORTFOLIO_TITLE.finditer(text):
        if whole_title(match.group("title")) is None:
            continue
        role = text[match.start("title") : match.start("name")].strip()
        found.append((match.start(), match.end("name"), match.start("name"), role))
    if not found:
        return mentions
    kept = [m for m in mentions if not any(start <= m.start < end for start, end, _, _ in found)]
    for _, end, name_start, role in found:
        written = text[name_start:end]
        kept.append(Mention(name_start, end, "PERSON", written, role=role[:1].upper() + role[1:]))
    return sorted(kept, key=lambda m: m.start)


# A title (as the roles table writes it) before two or three capitalised words: "Coun.
# Harjit Sandhu". The title part ignores case; the name's capitals are checked as written.
_TITLED_RUN = re.compile(
    r"(?<![\w.])(?P<title>(?i:"
    + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
    + r"))\s+(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2})\b"
)


def titled_names(mentions: list[Mention], text: str) -> list[Mention]:
    """'Coun. Harjit Sandhu', 'Coun. Teresa O'Rourke': a name after a capitalised title that
    the model left untagged is a person; it is added (with the role) so that the family name
    used later ("Sandhu said") is known as the person's."""
    covered = Coverage(len(text), mentions)
    people = Coverage(len(text), [m for m in mentions if m.label == "PERSON"])
    added = []
    for match in _TITLED_RUN.finditer(text):
        start, end = match.span("name")
        first = match.group("name").split()[0]
        if (
            not match.group("title")[:1].isupper()
            or start in covered
            or people.overlaps(start, end)
            or title_before(" " + first) is not None  # "Chief" of "Chief Minister Arvind Kejriwal"
        ):
            continue  # (a place or body inside the name, "Sandhu" tagged alone, gives way to it)
        title = title_before(text[max(0, match.start() - 40) : start].rstrip())
        role = title[1] if title else None
        mention = Mention(start, end, "PERSON", text[start:end], source="title", role=role)
        added.append(mention)
        covered.add(mention)
    return mentions + added


# Two or three capitalised words and an age: "Fadime Kalkavan, 63,", "Declan Mulcahy (58),".
_AGED_RUN = re.compile(
    r"(?<![\w'’-])(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2})(?:, | \()(?P<age>\d{1,3})\)?[,.;]"
)


def aged_names(mentions: list[Mention], text: str, gazetteer: Gazetteer) -> list[Mention]:
    """'resident Fadime Kalkavan, 63, stood ...': a name followed by an age that the model
    left untagged, or read as a place or a body, is a person (news gives ages of people only).
    Not a place ("New York, 12"), nor a run opened by a title, nor where a person is tagged.
    The same name without the age is the same person elsewhere ("Declan Mulcahy" read as a
    place again): its model mentions of other kinds become that person too."""
    people = Coverage(len(text), [m for m in mentions if m.label == "PERSON"])
    replaced: set[int] = set()
    added = []
    for match in _AGED_RUN.finditer(text):
        start, end = match.span("name")
        name = match.group("name")
        if not 1 <= int(match.group("age")) <= 110 or people.overlaps(start, end):
            continue
        if title_before(" " + name.split()[0]) is not None or gazetteer.country(name):
            continue
        if gazetteer.is_city_name(name, 0) or gazetteer.is_geographic(name):
            continue
        inside = [i for i, m in enumerate(mentions) if m.start < end and start < m.end]
        if any(mentions[i].start < start or mentions[i].end > end for i in inside):
            continue  # a longer name runs across it
        # The model's place or body inside the name ("Declan Mulcahy" read as a place) goes.
        replaced.update(inside)
        mention = Mention(start, end, "PERSON", name, source="age")
        added.append(mention)
        people.add(mention)
    return [m for i, m in enumerate(mentions) if i not in replaced] + added
