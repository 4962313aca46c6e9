"""The field's curated event-coding dictionaries, compiled from PETRARCH2 (``compile.py``) into
``analyze/data/petrarch/`` and read once per process.

- ``phoenix_actors()`` — named actors with the dates of each role (``role_at`` picks the role an
  actor held on the article's date: Putin is RUSGOV in 2010, RUSELI in 1995);
- ``agents()`` — common nouns that carry a sector ("police" → COP, "rebels" → REB);
- ``verb_dictionary()`` — CAMEO verbs, their synonym blocks and patterns;
- ``plover_of(code)`` — a CAMEO code's PLOVER type and mode (the 2021 crosswalk);
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "petrarch"


@dataclass(slots=True, frozen=True)
class Role:
    code: str  # CAMEO actor code, country part in ISO 3166 alpha-3: "RUSGOV", "IGOUNO"
    start: str = ""  # ISO date; empty: open
    end: str = ""

    def holds_on(self, day: str) -> bool:
        return (not self.start or self.start <= day) and (not self.end or day <= self.end)

    @property
    def dated(self) -> bool:
        return bool(self.start or self.end)


@dataclass(slots=True, frozen=True)
class PhoenixActor:
    kind: str  # PERSON, ORG or COUNTRY
    name: str
    roles: tuple[Role, ...]
    aliases: tuple[str, ...] = ()


def role_at(roles: tuple[Role, ...], day: date | None) -> Role | None:
    """The role held on ``day`` (the one that began last when several hold), else the undated
    default; with no date or no role that day, the default, else the latest role (a former
    minister is still of that country)."""
    default = next((role for role in roles if not role.dated), None)
    dated = [role for role in roles if role.dated]
    if day is not None:
        holding = [role for role in dated if role.holds_on(day.isoformat())]
        if holding:
            return max(holding, key=lambda role: role.start)
    if default is not None:
        return default
    if not dated:
        return None
    return max(dated, key=lambda role: (role.end or "9999", role.start))


def split_code(code: str) -> tuple[str, str | None]:
    """'RUSGOV' → ('RUS', 'GOV'); 'IGOUNO' → ('IGO', 'UNO'); 'PAK' → ('PAK', None)."""
    return code[:3], (code[3:6] or None)


def _rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


@functools.cache
def phoenix_actors() -> tuple[PhoenixActor, ...]:
    actors = []
    for row in _rows("actors.tsv"):
        roles = []
        for written in row[2].split():
            code, _, span = written.partition("@")
            start, _, end = span.partition("..")
            roles.append(Role(code, start, end))
        aliases = tuple(a for a in row[3].split("|") if a) if len(row) > 3 else ()
        actors.append(PhoenixActor(row[0], row[1], tuple(roles), aliases))
    return tuple(actors)


@functools.cache
def agents() -> dict[str, str]:
    """Agent phrase (lower case) → its code: '~COP' (a sector) or 'NGO~' (a group)."""
    return {row[0]: row[1] for row in _rows("agents.tsv")}


@functools.cache
def person_nouns() -> frozenset[str]:
    """One-word nouns for people: the Phoenix agents and ``data/speaker_nouns.txt``, less the
    words that head a body's name (``data/organisation_words.txt``: "company", "union")."""
    from newsmill.analyze.wordlists import words  # the data files' one loader

    people = words("speaker_nouns.txt") | frozenset(k for k in agents() if " " not in k)
    return people - words("organisation_words.txt")


def agent_sector(phrase: str) -> str | None:
    """The sector an agent noun carries ('police' → 'COP', 'foreign minister' → 'GOV')."""
    code = agents().get(phrase.lower())
    if code is None:
        return None
    return code.strip("~")[:3] or None


@dataclass(slots=True)
class VerbDictionary:
    verbs: dict[str, tuple[str, str]] = field(default_factory=dict)  # lemma → (block, code)
    patterns: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)  # block → rows
    synsets: dict[str, frozenset[str]] = field(default_factory=dict)


@functools.cache
def verb_dictionary() -> VerbDictionary:
    dictionary = VerbDictionary()
    for lemma, block, code in _rows("verbs.tsv"):
        dictionary.verbs.setdefault(lemma, (block, code))
    for block, before, after, code in _rows("verb_patterns.tsv"):
        dictionary.patterns.setdefault(block, []).append((before, after, code))
    for name, words in _rows("synsets.tsv"):
        dictionary.synsets[name] = frozenset(words.split("|"))
    return dictionary


@functools.cache
def crosswalk() -> dict[str, tuple[str, str]]:
    """CAMEO code → (PLOVER type, mode)."""
    return {row[0]: (row[1], row[2]) for row in _rows("cameo_plover.tsv")}


def plover_of(code: str) -> tuple[str, str] | None:
    """A CAMEO event code's PLOVER type and mode, by the code or its nearest parent code
    ('0874' → its row; '1384' → '138'); None for statements (01), the null code ('---') and
    codes the crosswalk leaves out."""
    table = crosswalk()
    code = code.strip()
    while len(code) >= 3:
        if code in table:
            return table[code]
        code = code[:-1]
    return None
