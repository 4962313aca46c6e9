"""Given names: is a word somebody's first name? Evidence that a capitalised two-word phrase
is a person ("Kurinji Selvaraj") rather than a product, a work or a headline ("Sonos Move",
"Starry Night", "New Price Drop").

Two curated sources, read once per process:
- the 1990 US Census first-name lists shipped by the ``names`` package (5,494 names, public
  data), which cover English-language news and many Hispanic names;
- the first words of the people in the Phoenix actor dictionary (``dictionaries``), which
  cover the world's politics: a word counts when it begins the names of two or more people
  and is no title ("Sir", "General").

``gender.is_first_name`` (a few hundred names with their gender) stays the test where a
false "yes" is costly (a place name that is also a first name: "China", "Florence").
"""

from __future__ import annotations

import functools
from collections import Counter
from importlib import resources

from newsmill.analyze.dictionaries import phoenix_actors
from newsmill.analyze.roles import TITLES

_CENSUS_FILES = ("dist.male.first", "dist.female.first")


@functools.cache
def _census_shares() -> dict[str, tuple[float, float]]:
    """First name → its share (in %) of the men's and of the women's names in the census."""
    package = resources.files("names")
    shares: dict[str, list[float]] = {}
    for column, name in enumerate(_CENSUS_FILES):
        for line in package.joinpath(name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                word, share = line.split()[:2]
                shares.setdefault(word.lower(), [0.0, 0.0])[column] = float(share)
    return {word: (men, women) for word, (men, women) in shares.items()}


def census_gender(word: str) -> str | None:
    """ "M" or "F" for a first name the census gives mostly (four to one) to one sex."""
    shares = _census_shares().get(word.lower().strip("."))
    if shares is None:
        return None
    men, women = shares
    if men >= 4 * women:
        return "M"
    if women >= 4 * men:
        return "F"
    return None


def _phoenix_name_words(position: int) -> Counter[str]:
    """How many Phoenix people named in two words or more have each word at ``position`` of
    their name (0: the first word, -1: the last)."""
    return Counter(
        actor.name.split()[position]
        for actor in phoenix_actors()
        if actor.kind == "PERSON" and len(actor.name.split()) >= 2
    )


@functools.cache
def _phoenix_first_words() -> frozenset[str]:
    titles = {word.strip(".").lower() for title in TITLES for word in title.split()}
    titles |= {"sir", "dame", "lord", "lady", "king", "queen", "prince", "princess", "sheikh", "emir"}
    counts = _phoenix_name_words(0)
    return frozenset(word for word, n in counts.items() if n >= 2 and len(word) > 1 and word not in titles)


@functools.cache
def _surnames() -> frozenset[str]:
    """The census surname list (88,799 names) and the last words of two or more Phoenix people."""
    text = resources.files("names").joinpath("dist.all.last").read_text(encoding="utf-8")
    census = {line.split()[0].lower() for line in text.splitlines() if line.strip()}
    counts = _phoenix_name_words(-1)
    return frozenset(census | {word for word, n in counts.items() if n >= 2 and len(word) > 1})


def is_surname(word: str) -> bool:
    """``word`` is a family name in the 1990 census surname list or ends a Phoenix person's name:
    what tells "Noam Cohen" (named again as "Cohen") from "Galaxy Note" (and "Note")."""
    return word.lower().strip(".").replace("’", "'") in _surnames()


def is_given_name(word: str) -> bool:
    """``word`` is a first name in the census lists, the actor dictionary or the gender list."""
    from newsmill.analyze.gender import is_first_name  # gender reads this module's census

    key = word.lower().strip(".")
    if "-" in key.strip("-"):
        # "Eva-Marie", "Jean-Claude": a double first name is one when both parts are.
        return all(is_given_name(part) for part in key.split("-"))
    return is_first_name(key) or key in _census_shares() or key in _phoenix_first_words()
