"""Grammatical gender of a person, for "he" and "she": from honorifics ("Mr.", "Mrs.") and
common first names.

The hand lists below cover names frequent in English-language news that the census does not
(world leaders' names); past them, the 1990 US Census lists of the ``names`` package say which
sex a first name mostly belongs to (``given_names.census_gender``). A name neither knows stays
unknown — the pronoun then resolves as before.
"""

from __future__ import annotations

import re

from newsmill.analyze.given_names import census_gender

_MALE_NAMES = frozenset(
    """aaron abdul adam adrian ahmed ai alan albert alex alexander alexei ali andrew andy angelo
    anthony antonio barack ben benjamin benny bernie bill billy bob bobby boris brad brandon brett
    brian bruce carl carlos charles charlie chris christopher chuck colin craig dan daniel danny
    darren dave david dennis derek dick dmitry dmytro don donald doug douglas duncan ed eddie edward
    emmanuel eric frank fred gary geoff george gerald glenn gordon greg gregory hank harold harry
    henry howard hugh ian igor imran ivan jack jacob jake james jamie jared jason javier jay jeb
    jeff jeffrey jeremy jerry jim jimmy joe joel john johnny jon jonathan jorge jose joseph josh
    juan justin keith ken kenneth kevin larry lee leo lindsey lloyd louis luis marco mark
    martin matt matthew michael mike mitch mitt mohammed muhammad narendra neil nicholas nick
    nigel olaf oliver omar paul pete peter phil philip ralph randy raul recep reince richard rick
    rob robert roger ron ronald rudy russell ryan sam samuel scott sean sebastian sergei sergey
    shah stephen steve steven stuart ted terry thomas tim timothy todd tom tony vladimir volodymyr
    walter wayne william xi yuri""".split()
)
_FEMALE_NAMES = frozenset(
    """abby alice alicia alison allison amanda amy andrea angela angelina ann anna anne annalena
    barbara betsy betty beth bonnie brenda candice carly carmen carol caroline catherine cathy
    cecile charlotte cheryl chelsea christina christine claire claudia cynthia dana debbie deborah
    diana diane donna doris dorothy elaine elena elizabeth ellen emily emma erin eva evelyn gina
    gloria grace hannah heather heidi helen hillary huma ilhan ivanka jacinda jackie jacklyn jane
    janet janice jean jennifer jessica jill joan joanne jodi joni josephine joy judith judy julia
    julie karen kate katherine kathleen kathy kathryn kay kelly kellyanne kamala kristen
    kristi laura lauren linda lisa liz loretta lori louise lucy lynn madeleine maggie maria marie
    marilyn marsha martha mary maxine megan megyn melania melanie melissa meryl michelle mika
    nancy natalie nicola nicole nikki nina olivia pam pamela patricia patty paula pauline peggy
    rachel rebecca rhonda rita robin rosa rose ruth sally samantha sandra sara sarah sharon
    sheila shirley sonia sophie stephanie sue susan susana suzanne tammy tanya teresa theresa
    tiffany tina tracy tulsi ursula valerie vanessa victoria virginia wendy yulia""".split()
)
_MALE_TITLES = re.compile(r"\b(?:Mr|Sir|Lord|King|Prince|Father|Brother)\.?\s*$")
_FEMALE_TITLES = re.compile(r"\b(?:Mrs|Ms|Miss|Madam|Dame|Lady|Queen|Princess|Sister)\.?\s*$")


def gender_of(name: str, before_mentions: list[str]) -> str | None:
    """ "M", "F" or None for a person called ``name`` whose mentions are preceded by the
    texts in ``before_mentions`` (a few characters each)."""
    male = any(_MALE_TITLES.search(before) for before in before_mentions)
    female = any(_FEMALE_TITLES.search(before) for before in before_mentions)
    if male != female:
        return "M" if male else "F"
    first = name.split()[0].lower().strip(".") if name.split() else ""
    in_male, in_female = first in _MALE_NAMES, first in _FEMALE_NAMES
    if in_male != in_female:
        return "M" if in_male else "F"
    return census_gender(first) if first else None


def pronoun_gender(pronoun: str) -> str | None:
    return {"he": "M", "him": "M", "his": "M", "she": "F", "her": "F", "hers": "F"}.get(pronoun.lower())


def is_first_name(word: str) -> bool:
    """``word`` is a common first name (of either gender)."""
    key = word.lower().strip(".")
    return key in _MALE_NAMES or key in _FEMALE_NAMES
