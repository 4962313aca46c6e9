"""Titles, roles and their families: the vocabulary that ties "FM Qureshi", "Foreign
Minister Shah Mahmood Qureshi" and "Pakistan's top diplomat" to one person.

Written by hand: no kept library maps news titles and their abbreviations to roles.
"""

from __future__ import annotations

import re

# Title as written (lower case) → canonical role. Longest titles are matched first.
TITLES: dict[str, str] = {
    "foreign minister": "Foreign Minister",
    "foreign secretary": "Foreign Secretary",
    "secretary of state": "Secretary of State",
    "fm": "Foreign Minister",
    "prime minister": "Prime Minister",
    "pm": "Prime Minister",
    "premier": "Prime Minister",
    "councillor": "Councillor",
    "cllr": "Councillor",
    "cllr.": "Councillor",
    "coun.": "Councillor",  # Canadian Press: "Coun. Harjit Sandhu"
    "president": "President",
    "vice president": "Vice President",
    "vice-president": "Vice President",
    "deputy prime minister": "Deputy Prime Minister",
    "defence minister": "Defence Minister",
    "defense minister": "Defense Minister",
    "defense secretary": "Defense Secretary",
    "interior minister": "Interior Minister",
    "finance minister": "Finance Minister",
    "health minister": "Health Minister",
    "energy minister": "Energy Minister",
    "deputy energy minister": "Deputy Energy Minister",
    "mining minister": "Mining Minister",
    "minister": "Minister",
    "chancellor": "Chancellor",
    "king": "King",
    "queen": "Queen",
    "prince": "Prince",
    "princess": "Princess",
    "emir": "Emir",
    "sheikh": "Sheikh",
    "governor": "Governor",
    "gov.": "Governor",
    "mayor": "Mayor",
    "senator": "Senator",
    "sen.": "Senator",
    "rep.": "Representative",
    "representative": "Representative",
    "congressman": "Representative",
    "congresswoman": "Representative",
    "ambassador": "Ambassador",
    # Legislatures' offices: "House Majority Leader Kevin McCarthy", "Speaker Paul Ryan".
    "majority leader": "Majority Leader",
    "minority leader": "Minority Leader",
    "majority whip": "Majority Whip",
    "minority whip": "Minority Whip",
    "house speaker": "Speaker",
    "speaker": "Speaker",
    "spokesperson": "Spokesperson",
    "spokesman": "Spokesperson",
    "spokeswoman": "Spokesperson",
    "general": "General",
    "gen.": "General",
    "lt. gen.": "Lieutenant General",
    "colonel": "Colonel",
    "col.": "Colonel",
    "admiral": "Admiral",
    "commander": "Commander",
    "police chief": "Police Chief",
    "chief": "Chief",
    "chief executive": "Chief Executive",
    "chief executive officer": "Chief Executive",
    "chief financial officer": "Chief Financial Officer",
    "chief operating officer": "Chief Operating Officer",
    "chief technology officer": "Chief Technology Officer",
    "cfo": "Chief Financial Officer",
    "coo": "Chief Operating Officer",
    "cto": "Chief Technology Officer",
    "ceo": "Chief Executive",
    "chairman": "Chairman",
    "chairwoman": "Chairwoman",
    "judge": "Judge",
    "justice": "Justice",
    "pope": "Pope",
    "archbishop": "Archbishop",
    "dr.": "Doctor",
    "professor": "Professor",
    "prof.": "Professor",
    "deputy commerce secretary": "Deputy Commerce Secretary",
    "commerce secretary": "Commerce Secretary",
    "secretary": "Secretary",
    "supervisor": "Supervisor",
    # Police and service ranks: "Sgt. Dana Polk", "Det. Ray Kim", "Superintendent Marcus Tillery".
    "sergeant": "Sergeant",
    "sgt": "Sergeant",
    "sgt.": "Sergeant",
    "detective": "Detective",
    "det.": "Detective",
    "lieutenant": "Lieutenant",
    "lt.": "Lieutenant",
    "captain": "Captain",
    "capt.": "Captain",
    "corporal": "Corporal",
    "cpl.": "Corporal",
    "inspector": "Inspector",
    "superintendent": "Superintendent",
    "supt.": "Superintendent",
    "attorney": "Attorney",
    "district attorney": "District Attorney",
    "analyst": "Analyst",
}
_TITLE_PATTERN = re.compile(
    r"(?:(?<=^)|(?<=[\s(\"“]))(?P<title>"
    + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
    + r")\s*$",
    re.I,
)

# Descriptions that stand for a person holding a role: "the top diplomat" is the foreign
# minister; "the premier" the prime minister.
DESCRIPTION_ROLES: dict[str, frozenset[str]] = {
    "top diplomat": frozenset({"Foreign Minister", "Foreign Secretary", "Secretary of State"}),
    "chief diplomat": frozenset({"Foreign Minister", "Foreign Secretary", "Secretary of State"}),
    "foreign minister": frozenset({"Foreign Minister"}),
    "premier": frozenset({"Prime Minister"}),
    "prime minister": frozenset({"Prime Minister"}),
    "president": frozenset({"President"}),
    "leader": frozenset({"President", "Prime Minister", "Chancellor", "King", "Emir"}),
    "head of state": frozenset({"President", "King", "Queen", "Emir"}),
    "defence minister": frozenset({"Defence Minister", "Defense Minister", "Defense Secretary"}),
    "defense minister": frozenset({"Defence Minister", "Defense Minister", "Defense Secretary"}),
    "chancellor": frozenset({"Chancellor"}),
}

GOVERNMENT_ROLES = frozenset(
    """Foreign Minister|Foreign Secretary|Secretary of State|Prime Minister|President|Vice President|
    Deputy Prime Minister|Defence Minister|Defense Minister|Defense Secretary|Interior Minister|
    Finance Minister|Health Minister|Energy Minister|Deputy Energy Minister|Mining Minister|Minister|
    Chancellor|King|Queen|Prince|Princess|Emir|Sheikh|Governor|Mayor|Senator|Representative|
    Ambassador|Deputy Commerce Secretary|Commerce Secretary|Secretary|Attorney General|Solicitor General|
    Inspector General|Surgeon General|Postmaster General|Consul General|Majority Leader|Minority Leader|
    Majority Whip|Minority Whip|Speaker""".replace("\n", "")
    .replace("    ", "")
    .split("|")
)
MILITARY_ROLES = frozenset({"General", "Lieutenant General", "Colonel", "Admiral", "Commander"})
SECURITY_ROLES = frozenset({"Police Chief", "Chief"})
# A spokesperson, a chairman or an analyst speaks for a ministry, a committee, a company or a
# think tank alike: those roles give no sector (an actor dictionary or the employer may).
BUSINESS_ROLES = frozenset(
    {"Chief Executive", "Chief Financial Officer", "Chief Operating Officer", "Chief Technology Officer"}
)
# Civil offices called "... General": not generals.
CIVIL_GENERALS = frozenset(
    "attorney solicitor inspector surgeon postmaster consul secretary comptroller auditor director".split()
)
JUDICIAL_ROLES = frozenset({"Judge", "Justice"})
HEAD_ROLES = frozenset(
    {"President", "Prime Minister", "Chancellor", "King", "Queen", "Emir", "Foreign Minister"}
)


def title_before(text_before: str) -> tuple[str, str] | None:
    """The title that ends ``text_before`` (the text just left of a name): (as written, role)."""
    found = _TITLE_PATTERN.search(text_before[-40:])
    if not found:
        return None
    written = found.group("title")
    # "PM"/"FM" only in capitals: "pm" in "3 pm" is a time.
    if len(written) == 2 and not written.isupper():
        return None
    role = TITLES[written.lower()]
    office = civil_office(role, text_before[-40:][: found.start("title")])
    if office is not None:
        return f"{office.split()[0]} {written}", office
    return written, role


def whole_title(written: str) -> tuple[str, str] | None:
    """The title ``written`` is, whole ("Councillor", "CEO", "Deputy Foreign Minister"), as
    (written, role); None when it is no title or only ends with one."""
    found = title_before(" " + written)
    return found if found is not None and found[0].lower() == written.lower() else None


def civil_office(role: str, text_before: str) -> str | None:
    """ "Attorney General" when ``role`` is "General" and ``text_before`` (the text just left
    of the title) ends in a civil office's word: not a general."""
    prefix = re.search(r"([A-Z][a-z]+)\s+$", text_before)
    # "director general Margus Rebane", lower case as some house styles write it, is no general.
    civil = re.search(r"([A-Za-z]+)\s+$", text_before)
    if role == "General" and civil and civil.group(1).lower() in CIVIL_GENERALS:
        return f"{civil.group(1).title()} General"
    if prefix and prefix.group(1) in _SECOND_RANKS and not role.startswith(prefix.group(1)):
        return f"{prefix.group(1)} {role}"  # "Deputy Foreign Minister": not the minister
    return None


# Words before a title that make it another office, a rank below or in place of it.
_SECOND_RANKS = frozenset("Deputy Vice Assistant Acting Junior Associate Under Interim".split())


def sector_of_role(role: str | None) -> str | None:
    if role is None:
        return None
    first, _, rest = role.partition(" ")
    if first in _SECOND_RANKS and rest:
        role = rest  # a deputy minister is of the minister's sector
    if role in GOVERNMENT_ROLES:
        return "GOV"
    if role in MILITARY_ROLES:
        return "MIL"
    if role in SECURITY_ROLES:
        return "GOV"
    if role in BUSINESS_ROLES:
        return "BUS"
    if role in JUDICIAL_ROLES:
        return "JUD"
    return None


_ORG_SECTORS: tuple[tuple[re.Pattern[str], str | None], ...] = (
    # A union of states is no party and no labour union: no sector from the name.
    (
        re.compile(
            r"\b(?:(?:european|african|eurasian|arab|postal|customs|economic|monetary)\s+)+union\b", re.I
        ),
        None,
    ),
    (
        re.compile(r"\b(?:army|military|navy|air force|forces|troops|defen[cs]e ministry|pentagon)\b", re.I),
        "MIL",
    ),
    (re.compile(r"\bparty\b", re.I), "POL"),  # "Labour Party" is a party
    (re.compile(r"\b(?:ministry|department|secretary)\b", re.I), "GOV"),  # "Ministry of Labour"
    # Workers' organisations (CAMEO's labour sector, LAB) before government ("Nigeria Labour
    # Congress", "Trades Union Congress") and before a party's "union".
    (
        re.compile(
            r"\b(?:labou?r\s+(?:congress|federation|council|union|organi[sz]ation)|federation of labou?r|"
            r"trades?\s+unions?|workers|employees|teachers|nurses|miners|dockers|"
            r"(?<!democratic )(?<!christian )(?<!patriotic )union\s+of|(?:sector|workers'?|teachers'?|"
            r"nurses'?|employees'?) union)\b",
            re.I,
        ),
        "LAB",
    ),
    # a credit union is a lender; a development bank is many states', no business
    (re.compile(r"\bcredit\s+unions?\b", re.I), "BUS"),
    (re.compile(r"\b(?:development|investment|world|reconstruction)\s+bank\b", re.I), None),
    # A central bank is the state's, not a business ("Reserve Bank of Australia").
    (re.compile(r"\b(?:central bank|reserve bank|federal reserve|monetary authority)\b", re.I), "GOV"),
    (
        re.compile(
            r"\b(?:ministry|office|government|parliament|senate|congress|assembly|department|"
            r"cabinet|presidency|kremlin|white house|embassy|agency|authority|police|"
            # a council or commission is a government's only when it says so ("Security
            # Council", "European Commission"; not "Council on Energy", "Lancet Commission")
            r"(?:security|city|county|state|national|municipal|european|executive|privy|federal|"
            r"electoral|election|trade|securities|exchange|communications|public service)\s+"
            r"(?:council|commission))\b",
            re.I,
        ),
        "GOV",
    ),
    (re.compile(r"\b(?:court|tribunal)\b", re.I), "JUD"),
    # a hospital is health care even when a university runs it ("University of Vermont Medical
    # Center"); CAMEO's sector code for health is HLH
    (re.compile(r"\b(?:hospital|medical cent(?:er|re)|clinic|health service|health system)\b", re.I), "HLH"),
    (
        re.compile(
            r"\b(?:news|times|post|press|tv|television|radio|broadcasting|reuters|herald|journal)\b", re.I
        ),
        "MEDIA",
    ),
    (re.compile(r"\b(?:university|(?<!electoral )college|school|institute)\b", re.I), "EDU"),
    # campaigners and charities before business: "Open Rights Group" is no company
    (re.compile(r"\b(?:rights|advocacy|charity|watchdog|humanitarian|relief)\b", re.I), "NGO"),
    (re.compile(r"\b(?:bank|inc|corp|ltd|llc|plc|group|company|securities|holdings)\b", re.I), "BUS"),
    # A union is a party only when named as one ("Christian Democratic Union"); a students'
    # union is education's; any other union is a labour union ("Amalgamated Transit Union").
    # A federation is no sector by its name (a football federation is no party).
    (re.compile(r"\b(?:democratic|christian|social|people'?s|popular|patriotic)\s+union\b", re.I), "POL"),
    (re.compile(r"\bstudents['’]?\s+union\b", re.I), "EDU"),
    (re.compile(r"\bunion\b", re.I), "LAB"),
)


def sector_of_organisation(name: str) -> str | None:
    for pattern, sector in _ORG_SECTORS:
        if pattern.search(name):
            return sector
    return None
