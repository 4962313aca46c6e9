"""PLOVER vocabulary: the 16 event types, their modes and CAMEO codes, and a general lexicon of
the verbs and nouns news uses for them.

Written by hand from the PLOVER manual's definitions and the CAMEO verb codebook (no kept
library ships a PLOVER lexicon for spaCy). The CAMEO codes below are the representative code
of each (type, mode) pair in the official CAMEO→PLOVER crosswalk (``CAMEO2PLOVER-2021.txt``,
openeventdata/PLOVER); a test checks every pair against that file when it is available.
"""

from __future__ import annotations

from dataclasses import dataclass

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

# Cooperative types become AGREE when only promised; hostile ones THREATEN.
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
HOSTILE = frozenset({"SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "PROTEST", "ACCUSE"})

# PLOVER type → the representative CAMEO code: the first code of the type's CAMEO root in the
# crosswalk ("030" for 03 AGREE), or of the part PLOVER takes from a shared root (RETREAT's
# "084" in 08 with CONCEDE; ACCUSE's "110", as 09 "investigate" is a mode of it).
CAMEO_ROOTS: dict[str, str] = {
    "AGREE": "030", "CONSULT": "040", "SUPPORT": "050", "COOPERATE": "060", "AID": "070",
    "CONCEDE": "080", "RETREAT": "084", "ACCUSE": "110", "REQUEST": "100", "REJECT": "120",
    "THREATEN": "130", "PROTEST": "140", "MOBILIZE": "150", "SANCTION": "160", "COERCE": "170",
    "ASSAULT": "180",
}  # fmt: skip

# (type, mode) → the first CAMEO code the crosswalk gives that pair.
CAMEO_BY_MODE: dict[tuple[str, str], str] = {
    ("CONSULT", "phone"): "041",
    ("CONSULT", "visit"): "042",
    ("CONSULT", "third-party"): "044",
    ("RETREAT", "release"): "0841",
    ("RETREAT", "return"): "0842",
    ("RETREAT", "ease"): "085",
    ("RETREAT", "access"): "086",
    ("RETREAT", "disarm"): "087",
    ("RETREAT", "ceasefire"): "0871",
    ("RETREAT", "withdraw"): "0872",
    ("ACCUSE", "investigate"): "090",
    ("ACCUSE", "disapprove"): "110",
    ("ACCUSE", "allege"): "1121",
    ("REQUEST", "assist"): "101",
    ("REQUEST", "change"): "104",
    ("REQUEST", "yield"): "1051",
    ("REQUEST", "meet"): "106",
    ("REJECT", "assist"): "121",
    ("REJECT", "change"): "123",
    ("REJECT", "yield"): "1243",
    ("REJECT", "meet"): "125",
    ("THREATEN", "relations"): "1311",
    ("THREATEN", "restrict"): "1312",
    ("THREATEN", "violence"): "137",
    ("PROTEST", "demo"): "141",
    ("PROTEST", "hunger"): "142",
    ("PROTEST", "boycott"): "143",
    ("PROTEST", "obstruct"): "144",
    ("PROTEST", "riot"): "145",
    ("MOBILIZE", "police"): "151",
    ("MOBILIZE", "troops"): "152",
    ("SANCTION", "withdraw"): "161",
    ("SANCTION", "discontinue"): "162",
    ("SANCTION", "expel"): "166",
    ("COERCE", "seize"): "171",
    ("COERCE", "restrict"): "163",
    ("COERCE", "ban"): "1722",
    ("COERCE", "curfew"): "1723",
    ("COERCE", "martial-law"): "1724",
    ("COERCE", "arrest"): "173",
    ("COERCE", "deport"): "174",
    ("ASSAULT", "abduct"): "181",
    ("ASSAULT", "beat"): "182",
    ("ASSAULT", "sexual"): "1821",
    ("ASSAULT", "torture"): "1822",
    ("ASSAULT", "suicide-attack"): "183",
    ("ASSAULT", "explosives"): "1832",
    ("ASSAULT", "assassinate"): "185",
    ("ASSAULT", "firearms"): "193",
    ("ASSAULT", "heavy-weapons"): "194",
    ("ASSAULT", "massacre"): "200",
}


def cameo_code(event_type: str, mode: str | None) -> str:
    """The CAMEO code that stands for a PLOVER type (and mode, when the crosswalk has one)."""
    if mode and (event_type, mode) in CAMEO_BY_MODE:
        return CAMEO_BY_MODE[(event_type, mode)]
    return CAMEO_ROOTS[event_type]


@dataclass(frozen=True, slots=True)
class Sense:
    """What a trigger word means: a PLOVER type, and a mode and context when the word says."""

    type: str
    mode: str | None = None
    context: str | None = None


def _senses(table: dict[str, str]) -> dict[str, Sense]:
    """'TYPE mode context' strings (mode and context optional, '-' for none) → senses."""
    out: dict[str, Sense] = {}
    for words, meaning in table.items():
        parts = meaning.split()
        mode = parts[1] if len(parts) > 1 and parts[1] != "-" else None
        context = parts[2] if len(parts) > 2 else None
        for word in words.split():
            out[word] = Sense(parts[0], mode, context)
    return out


# Verb lemmas that name an action by themselves (CAMEO codebook verbs, by PLOVER type).
VERBS: dict[str, Sense] = _senses(
    {
        "agree accept pledge promise offer commit consent propose guarantee": "AGREE",
        "meet visit telephone phone negotiate confer discuss host consult": "CONSULT",
        "mediate": "CONSULT - diplomatic",
        "praise welcome commend endorse applaud appreciate hail thank apologize apologise forgive "
        "recognise recognize upgrade back defend ratify support congratulate laud salute "
        "reaffirm": "SUPPORT - diplomatic",
        "cooperate collaborate extradite coordinate": "COOPERATE",
        "aid assist donate supply airlift": "AID",
        "evacuate rescue": "AID - humanitarian",
        "ease relax shorten revoke rescind accede concede yield pardon legalize legalise "
        "reinstate allow permit": "CONCEDE",
        "release free": "RETREAT release",
        "withdraw retreat demobilize demobilise disarm": "RETREAT withdraw military",
        "surrender": "RETREAT disarm military",
        "resign quit abdicate": "RETREAT",
        "investigate probe": "ACCUSE investigate",
        "accuse blame condemn criticize criticise denounce complain allege indict sue convict "
        "censure rebuke deplore decry slam lambast reproach chastise lambaste castigate berate "
        "scold chide reprimand assail fault object prosecute": "ACCUSE disapprove",
        "demand urge request appeal petition pressure press plead implore beg": "REQUEST",
        "reject refuse decline veto rebuff defy snub spurn": "REJECT",
        "boycott": "PROTEST boycott",
        "threaten": "THREATEN",
        "protest demonstrate riot march rally picket": "PROTEST demo",
        "blockade block barricade": "PROTEST obstruct",
        "sanction embargo expel": "SANCTION",
        "downgrade": "SANCTION withdraw diplomatic",
        "arrest detain jail imprison apprehend sentence": "COERCE arrest legal",
        "deport evict": "COERCE deport legal",
        "seize confiscate occupy annex raze demolish bulldoze destroy hack": "COERCE seize",
        "ban outlaw prohibit": "COERCE ban",
        "censor": "COERCE restrict",
        "disperse besiege": "COERCE",
        "attack assault invade strike raid ambush overrun capture retake recapture fight clash "
        "battle kill murder wound injure slaughter storm behead stab lynch execute "
        "pound": "ASSAULT - military",
        "bomb detonate": "ASSAULT explosives",
        "shell bombard": "ASSAULT heavy-weapons military",
        "shoot gun": "ASSAULT firearms",
        "massacre": "ASSAULT massacre",
        "assassinate": "ASSAULT assassinate",
        "kidnap abduct hijack": "ASSAULT abduct",
        "beat abuse mistreat": "ASSAULT beat",
        "torture": "ASSAULT torture",
        "rape": "ASSAULT sexual",
    }
)

# Nouns that name an event when someone does it ("Russian shelling of ...", "his visit to ...")
# or when a light verb carries them ("launched an invasion", "staged rallies").
NOUNS: dict[str, Sense] = _senses(
    {
        "agreement accord pact treaty deal memorandum consensus understanding compromise": "AGREE",
        "talk talks negotiation negotiations meeting summit conversation consultation consultations "
        "discussion discussions": "CONSULT",
        "visit trip": "CONSULT visit",
        "mediation": "CONSULT - diplomatic",
        "praise support endorsement": "SUPPORT - diplomatic",
        "cooperation": "COOPERATE",
        "aid assistance donation grant loan asylum": "AID",
        "release": "RETREAT release",
        "ceasefire cease-fire truce armistice": "RETREAT ceasefire military",
        "withdrawal pullout pull-out pullback retreat": "RETREAT withdraw military",
        "investigation probe inquiry": "ACCUSE investigate",
        "complaint accusation allegation condemnation criticism lawsuit charges": "ACCUSE disapprove",
        "demand demands appeal request ultimatum": "REQUEST",
        "rejection refusal veto": "REJECT",
        "threat threats": "THREATEN",
        "protest protests demonstration demonstrations rally rallies march marches sit-in": "PROTEST demo",
        "strike strikes walkout": "PROTEST boycott",
        "riot riots": "PROTEST riot",
        "boycott": "PROTEST boycott",
        "blockade siege": "COERCE restrict military",
        "mobilization mobilisation deployment reinforcements patrols": "MOBILIZE troops military",
        "sanctions embargo expulsion": "SANCTION",
        "arrest arrests detention crackdown": "COERCE arrest",
        "deportation deportations": "COERCE deport",
        "curfew": "COERCE curfew",
        "occupation seizure annexation": "COERCE seize military",
        "invasion offensive attack attacks assault raid raids incursion airstrike airstrikes "
        "bombardment fighting clashes hostilities war": "ASSAULT - military",
        "shelling": "ASSAULT heavy-weapons military",
        "bombing bombings": "ASSAULT explosives",
        "massacre": "ASSAULT massacre",
        "assassination": "ASSAULT assassinate",
        "killing killings": "ASSAULT",
        "kidnapping abduction hijacking": "ASSAULT abduct",
        "torture": "ASSAULT torture",
    }
)

# A verb with a given object means something of its own: "lift a curfew", "open fire",
# "break off relations". Keys: verb lemma (or particle verb "call off"), then object lemma.
VERB_OBJECTS: dict[str, dict[str, Sense]] = {}


def _add_objects(verbs: str, objects: str, meaning: str) -> None:
    sense = next(iter(_senses({"x": meaning}).values()))
    for verb in verbs.split():
        table = VERB_OBJECTS.setdefault(verb.replace("_", " "), {})
        for noun in objects.split():
            table[noun] = sense


_LIFT = "lift ease relax end cancel revoke rescind shorten remove scrap suspend"
_STOP = "end halt suspend stop cancel freeze cut break_off call_off abandon sever break cut_off"
_IMPOSE = "impose introduce extend tighten enforce institute declare slap order reimpose"
_add_objects(_LIFT, "curfew ban restriction restrictions emergency law", "CONCEDE - legal")
# Promising a response or retaliation is a threat (CAMEO 13), not an offer to cooperate ("Minsk
# promises response" after an expulsion).
_add_objects(
    "promise vow pledge", "response retaliation reprisal reprisals countermeasures revenge", "THREATEN"
)
_add_objects(_LIFT, "sanction sanctions embargo boycott", "RETREAT ease economic")
_add_objects(_LIFT, "blockade siege", "RETREAT withdraw military")
_add_objects(_STOP, "aid assistance programme program loan loans grant cooperation", "SANCTION discontinue")
# "suspended arms sales to Taiwan", "prohibit all aid to the rebels": a transfer stopped.
_add_objects(
    _STOP + " prohibit ban bar block",
    "sales exports shipments deliveries supplies funding credits",
    "SANCTION discontinue",
)
_add_objects("prohibit ban bar block", "aid assistance loans", "SANCTION discontinue")
_add_objects(
    _STOP, "relations ties talks negotiations mediation contacts dialogue visit", "SANCTION withdraw"
)
_add_objects(_STOP, "strike strikes protest protests boycott demonstration", "CONCEDE")
_add_objects(_IMPOSE, "curfew", "COERCE curfew")
_add_objects(_IMPOSE, "law emergency", "COERCE martial-law")
_add_objects(_IMPOSE, "sanction sanctions embargo", "SANCTION")
_add_objects(_IMPOSE, "ban", "COERCE ban")
_add_objects(_IMPOSE, "restriction restrictions blackout", "COERCE restrict")
_add_objects(_IMPOSE, "blockade siege", "COERCE restrict military")
_add_objects("open", "fire", "ASSAULT firearms military")
_add_objects("set", "fire", "COERCE seize")
_add_objects(
    "open reopen re-open", "border borders bridge crossing crossings airspace corridor", "RETREAT access"
)
_add_objects("close seal shut", "border borders crossing crossings airspace", "COERCE restrict")
_add_objects("open launch", "investigation inquiry probe", "ACCUSE investigate")
_add_objects("lodge file register", "protest complaint complaints", "ACCUSE allege")
_add_objects("give provide send grant deliver extend supply offer", "asylum refuge", "AID - asylum")
_add_objects("seek request", "asylum refuge", "REQUEST assist")
_add_objects("pay", "compensation reparations", "RETREAT return")
_add_objects("return hand_over", "weapons property land territory assets remains", "RETREAT return")
_add_objects("stop", "work", "PROTEST boycott")
_add_objects("expel", "ambassador diplomat diplomats envoy", "SANCTION expel diplomatic")
_add_objects("recall", "ambassador envoy", "SANCTION withdraw diplomatic")
_add_objects("issue deliver", "ultimatum", "THREATEN relations diplomatic")
_add_objects("accept grant meet", "demand demands condition conditions", "CONCEDE")
_add_objects("violate break breach", "ceasefire truce", "ASSAULT - military")
_add_objects("violate break breach defy", "ban law order embargo resolution", "REJECT yield legal")
_add_objects("deny", "access entry visa permission allocation", "REJECT")
_add_objects("share exchange", "information intelligence evidence expertise data", "COOPERATE - intelligence")
_add_objects(
    "send deploy dispatch mobilize mobilise mass station",
    "troops forces soldiers peacekeepers warships army reservists reserves units police",
    "MOBILIZE troops military",
)
_add_objects("give extend accord", "welcome reception", "CONSULT visit")
_add_objects(
    "receive accept admit allow",
    "observers inspectors monitors mission peacekeepers",
    "RETREAT access diplomatic",
)
_add_objects("train arm", "hackers fighters militants rebels recruits", "MOBILIZE troops military")
_add_objects("strengthen reinforce bolster", "forces troops army presence", "MOBILIZE troops military")
_add_objects(
    "give provide send grant deliver donate extend offer pledge supply",
    "aid assistance food medicine medicines money grant loan loans credit arms weapons equipment help",
    "AID",
)
_add_objects("hold conduct stage", "election elections referendum vote", "CONCEDE")
# Peacekeepers and monitors sent are help (CAMEO 074, military protection or peacekeeping),
# not a mobilisation: this overrides send/deploy/dispatch + peacekeepers above (stationing
# or massing them stays MOBILIZE).
_add_objects(
    "send deploy dispatch contribute provide",
    "peacekeepers peacekeeping monitors observers",
    "AID - military",
)
# CAMEO 057 "sign formal agreement" is SUPPORT; 166x "withdraw inspectors, observers" SANCTION.
# Signing is an event only when what is signed binds two parties ("signed a decree" is not).
SIGNING_VERBS = ("sign", "ink", "ratify")
_add_objects(
    " ".join(SIGNING_VERBS),
    "agreement agreements accord accords pact treaty treaties deal memorandum protocol convention "
    "declaration communique communiqué charter",
    "SUPPORT - diplomatic",
)
_add_objects(
    "withdraw pull_out recall evacuate",
    "inspectors observers monitors peacekeepers workers personnel ambassador envoy diplomats staff mission",
    "SANCTION expel diplomatic",
)

# Particle verbs whose particle changes the meaning ("step down", "crack down").
PHRASAL_VERBS: dict[str, Sense] = {
    "step down": Sense("RETREAT"),
    "pull out": Sense("RETREAT", "withdraw", "military"),
    "pull back": Sense("RETREAT", "withdraw", "military"),
    "back down": Sense("CONCEDE"),
    "give in": Sense("CONCEDE"),
    "crack down": Sense("COERCE"),
    "turn down": Sense("REJECT"),
    "push back": Sense("REJECT"),
    "walk out": Sense("PROTEST", "boycott"),
    "blow up": Sense("ASSAULT", "explosives"),
    "shoot down": Sense("ASSAULT", "heavy-weapons", "military"),
}

# Light verbs: "launch an invasion", "stage rallies", "hold talks" — the noun names the event;
# and verbs of extent ("widen sanctions", "expand the offensive"): the act grows, same actor.
LIGHT_VERBS = frozenset(
    """launch mount stage hold begin start conduct carry continue resume renew make undertake
    declare issue lodge file wage go organize organise join unleash escalate intensify step
    reach conclude sign initiate open widen expand broaden tighten toughen deepen ramp""".split()
)
# Verbs whose object event happens to their subject: "Kyiv battles a Russian invasion".
RESIST_VERBS = frozenset("battle fight resist repel repulse face suffer endure withstand".split())
# Verbs that report an event said elsewhere, and verbs of opinion whose content is a comment
# (PLOVER drops CAMEO's comment classes 01-02): neither is an event.
REPORTING_VERBS = frozenset(
    """say tell announce report state add confirm claim declare inform explain write quote
    reveal disclose indicate insist conclude assert maintain reiterate testify tweet warn""".split()
)
COMMENT_VERBS = frozenset(
    """believe think regard consider view deem hope wish fear feel regret underscore underline stress
    emphasize emphasise note describe call assess doubt suspect wonder share express voice see
    acknowledge""".split()
)
# Verbs that report intent: their complement is an action promised, planned or refused.
INTENT_VERBS = frozenset(
    "agree offer promise pledge vow plan intend prepare aim seek want expect commit".split()
)
# Nouns of a promise or a plan: the act of their infinitive is promised, not done ("his vow to
# ban people from entering", "a plan to withdraw troops").
INTENT_NOUNS = frozenset("vow pledge promise plan plans offer proposal intention commitment".split())
INTENT_ADJECTIVES = frozenset("willing ready prepared committed determined eager poised set".split())
# Adjectives that forecast their complement: "Russia is unlikely to agree" reports no agreement.
LIKELIHOOD_ADJECTIVES = frozenset("likely unlikely possible impossible probable premature".split())
REFUSAL_VERBS = frozenset("refuse decline reject rebuff".split())
REQUEST_VERBS = frozenset("demand urge ask request appeal press call pressure push order insist".split())
