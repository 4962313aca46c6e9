"""The actor dictionary: who a name is when the text does not say ("President Mitterrand",
"Hamas", "Kofi Annan").

A sentence often names an actor without its country; a reader supplies it from world
knowledge, and event coders ship that knowledge as actor dictionaries. Ours joins two:

- the Phoenix dictionaries of PETRARCH2 (``dictionaries.phoenix_actors``: about 27,000 named
  country, international and non-state actors, each role with its dates), read first, and
  coded by the role held on the article's date (``Actor.at``);
- ``data/actors.tsv``, hand-made, kept only for names the Phoenix ones lack (mostly roles
  after 2015, which those dictionaries do not cover): one actor a line with its code (ISO
  3166 alpha-3, or IGO, NGO, IMG), sector and aliases.

The dictionary is a fallback: what the text says (a nationality, a possessive, an appositive)
always wins over it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from newsmill.analyze.dictionaries import Role, phoenix_actors, role_at, split_code

DATA = Path(__file__).with_name("data") / "actors.tsv"
GROUP_CODES = frozenset({"IGO", "NGO", "IMG", "MNC"})
# CAMEO's sector codes we carry on an actor (the rest, such as UNO for the UN, name an
# organisation, not a sector).
SECTORS = frozenset(
    "GOV MIL REB OPP ELI BUS CVL COP JUD LEG MED EDU HLT REF LAB AGR CRM SPY UAF INS PTY REL".split()
)


@dataclass(slots=True, frozen=True)
class Actor:
    kind: str  # PERSON or ORG
    name: str
    code: str  # ISO 3166 alpha-3, or IGO / NGO / IMG / MNC
    sector: str | None
    roles: tuple[Role, ...] = ()  # Phoenix roles with their dates; empty for hand-made entries

    @property
    def country(self) -> str | None:
        return None if self.code in GROUP_CODES else self.code

    def at(self, day: date | None) -> Actor:
        """The actor as coded on ``day``: the role held then (Phoenix entries)."""
        role = role_at(self.roles, day)
        if role is None:
            return self
        code, sector = split_code(role.code)
        return replace(self, code=code, sector=sector if sector in SECTORS else None)


@dataclass(slots=True)
class ActorDictionary:
    by_key: dict[str, list[Actor]] = field(default_factory=dict)
    # First word of each organisation name → the names as written, longest first (to find
    # organisations the model missed in running text).
    org_phrases: dict[str, list[tuple[str, Actor]]] = field(default_factory=dict)
    # The same for people's full names of two words or more ("Dalai Lama", "Abdullah Ocalan").
    person_phrases: dict[str, list[tuple[str, Actor]]] = field(default_factory=dict)
    # Acronyms of organisations the dictionary knows but does not code by ("NASA", "FBI"):
    # evidence that a name is an organisation's, not which one.
    acronyms: set[str] = field(default_factory=set)
    # Companies without their legal form ("apple" for APPLE INC): evidence that a name is a
    # company's, not a code — a firm's product news is no PLOVER event.
    companies: set[str] = field(default_factory=set)

    def lookup(self, name: str, kind: str | None = None) -> Actor | None:
        """The one actor called ``name`` (of ``kind``), or None when none or several differ.
        An organisation may be named with a generic word the dictionary leaves out ('the
        Fatah Party', 'the Hamas movement')."""
        written = key(name)
        entries = self.by_key.get(written)
        if entries is None and kind != "PERSON":
            # "the Sandinista government" for "the Sandinistas", "Taliban" for "the Talibans".
            other = written[:-1] if written.endswith("s") else written + "s"
            entries = [a for a in self.by_key.get(other, []) if a.kind == "ORG"] or None
        if entries is None and kind != "PERSON":
            bare = re.sub(r"\s+(?:party|movement|group|organi[sz]ation|militia|faction)$", "", written)
            entries = [a for a in self.by_key.get(bare, []) if a.kind == "ORG"] if bare != written else None
        found = {(a.code, a.kind): a for a in entries or [] if kind is None or a.kind == kind}
        if len({code for code, _ in found}) != 1:
            return None
        return next(iter(found.values()))

    def person(self, name: str, titled: bool) -> Actor | None:
        """A person by full name, or by surname alone when the text gives a title or only the
        surname ('President Bush', 'Mitterand'), never another person's namesake
        ('Laura Bush' is not George Bush)."""
        found = self.lookup(name, "PERSON")
        if found is not None:
            return found
        words = key(name).split()
        if len(words) < 2:
            return None
        by_surname = self.lookup(words[-1], "PERSON")
        if by_surname is None:
            return None
        known = key(by_surname.name).split()
        if len(known) < 2:
            return None  # a one-word actor ("Hassan", a prince) is no one's surname: "Gov. Maggie Hassan"
        return by_surname if titled or words[0] == known[0] else None


def name_at(phrases: dict[str, list[tuple[str, Actor]]], text: str, start: int, word: str) -> str | None:
    """The longest name of ``phrases`` written at ``start`` of ``text`` (where the word ``word``
    begins), as whole words: 'Hamas' in "Hamas said", not in "Hamasville"."""
    for written, _actor in phrases.get(word, ()):
        end = start + len(written)
        if text.startswith(written, start) and not (end < len(text) and text[end].isalnum()):
            return written
    return None


def key(name: str) -> str:
    """Lower case, no accents, no punctuation: 'Zia-ul-Haq' and 'Zia ul Haq' meet."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    folded = re.sub(r"^the\s+", "", folded.strip())
    return " ".join(re.sub(r"[^a-z0-9]+", " ", folded.replace("'s ", "s ")).split())


def _add(dictionary: ActorDictionary, actor: Actor, names: list[str]) -> None:
    for written in names:
        if not written:
            continue
        dictionary.by_key.setdefault(key(written), []).append(actor)
        first = re.split(r"[\s'’-]", written, maxsplit=1)[0]
        if actor.kind == "ORG" and _findable(written):
            dictionary.org_phrases.setdefault(first, []).append((written, actor))
        elif actor.kind == "PERSON" and " " in written.strip() and written[:1].isupper():
            dictionary.person_phrases.setdefault(first, []).append((written, actor))


def add_phoenix(dictionary: ActorDictionary) -> None:
    """The Phoenix actors, by every name and alias (countries are the gazetteer's job),
    stored in lookup form (``key``) by the compiler. Their names are upper case in the source,
    so they code entities found in the text but are not searched for in running text (the
    hand-made names, written as news writes them, are). One word of four letters or fewer is
    left out: mostly acronyms, which name too many bodies worldwide ("AFC") to code one from
    the dictionary alone."""
    for entry in phoenix_actors():
        if entry.kind == "COUNTRY":
            continue
        default = role_at(entry.roles, None)
        if default is None:
            continue
        code, sector = split_code(default.code)
        actor = Actor(entry.kind, entry.name, code, sector if sector in SECTORS else None, entry.roles)
        for written in (entry.name, *entry.aliases):
            if " " not in written and len(written) <= 4:
                if entry.kind == "ORG" and len(written) >= 3:
                    dictionary.acronyms.add(written)
                continue
            dictionary.by_key.setdefault(written, []).append(actor)
            if code.startswith("MNC") and (bare := _LEGAL_FORM.sub("", written)) != written and len(bare) > 4:
                dictionary.companies.add(bare)  # "apple inc": news writes "Apple"


# A company's legal form at the end of its name, in lookup form ("apple inc", "abb ltd").
_LEGAL_FORM = re.compile(r"\s+(?:inc|incorporated|corp|corporation|co|com|ltd|limited|plc|llc|holdings)$")


def parse(lines: list[str], curated: ActorDictionary | None = None) -> ActorDictionary:
    """The hand-made dictionary; with ``curated``, added to it for the names it lacks."""
    dictionary = curated or ActorDictionary()
    covered = set(dictionary.by_key)
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        columns = line.rstrip("\n").split("\t")
        if len(columns) < 3:
            continue
        kind, name, code = columns[0].strip(), columns[1].strip(), columns[2].strip().upper()
        sector = (columns[3].strip() or None) if len(columns) > 3 else None
        aliases = [a.strip() for a in columns[4].split("|")] if len(columns) > 4 else []
        actor = Actor(kind, name, code, sector)
        names = [written for written in [name, *aliases] if key(written) not in covered]
        _add(dictionary, actor, names)
    for index in (dictionary.org_phrases, dictionary.person_phrases):
        for phrases in index.values():
            phrases.sort(key=lambda item: -len(item[0]))
    return dictionary


def _findable(written: str) -> bool:
    """A name safe to look for in running text: several words, a capitalised word of four
    letters or more ('Hamas'), or a capitals acronym of three or more ('PKK'); not two-letter
    acronyms ('RT', 'FT') or short words ('Vox')."""
    if not written[:1].isupper():
        return False
    if " " in written.strip():
        return True
    letters = re.sub(r"[^A-Za-z]", "", written)
    return len(letters) >= 4 or (len(letters) >= 3 and letters.isupper())


@lru_cache(maxsize=4)
def load_actors(path: str | None = None) -> ActorDictionary:
    """The packaged actor dictionary: Phoenix, then the hand-made names it lacks (parsed once
    per process). With ``path``, only that hand-made file."""
    if path:
        source = Path(path)
        if not source.exists():
            return ActorDictionary()
        return parse(source.read_text(encoding="utf-8").splitlines())
    curated = ActorDictionary()
    add_phoenix(curated)
    return parse(DATA.read_text(encoding="utf-8").splitlines(), curated)
