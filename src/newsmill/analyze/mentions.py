"""The entities stage's shared types (``Mention``, ``EntityDraft``, ``EntityContext``) and the
small helpers its passes share: names as a gazetteer writes them, the countries nationality
words name, which characters mentions cover."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from newsmill.analyze.gazetteer import City, Country, Gazetteer

_POSSESSIVE = re.compile(r"['’]s?$")
CAPITALISED = re.compile(r"^[A-Z][\w'’.\-]*$")


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
    dateline_region: str | None = None  # "KwaZulu-Natal" in "NEWCASTLE, KwaZulu-Natal —"


def as_name(text: str) -> str:
    """The name in a mention as a gazetteer writes it: 'ISLAMABAD' → 'Islamabad',
    "Pakistan's" → 'Pakistan'."""
    bare = bare_name(text)
    return bare.title() if bare.isupper() and len(bare) > 3 else bare


def bare_name(text: str) -> str:
    """'the Foreign Office' → 'Foreign Office'; "Pakistan's" → 'Pakistan'."""
    stripped = re.sub(r"^(?:the|The)\s+", "", text.strip())
    return _POSSESSIVE.sub("", stripped) if stripped.endswith(("'s", "’s", "'", "’")) else stripped


class Coverage:
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


def inside_name(token: Any) -> bool:
    """A proper noun between two others of one name ('Haroon Rashid Aswad')."""
    doc = token.doc
    if token.dep_ != "compound" or token.i == 0 or token.i + 1 >= len(doc):
        return False
    return all(
        other.pos_ == "PROPN" and bool(CAPITALISED.match(other.text))
        for other in (doc[token.i - 1], doc[token.i + 1])
    )


def country_words(text: str, gazetteer: Gazetteer) -> str | None:
    """The country named by a nationality word or possessive: 'Ukrainian', "Ukraine's"."""
    word = bare_name(text)
    return gazetteer.demonym(word) or (c.iso3 if (c := gazetteer.country(word)) else None)
