"""Bylines, timestamps and datelines: the metadata a scraped page states in its text.

Each parser returns offsets relative to the line it was given, so the caller can turn them
into spans of the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from newsmill.extract.dates import fast_parse
from newsmill.model import Dateline, Span

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?"

# --- Datelines ----------------------------------------------------------------------------

# "ISLAMABAD:", "WASHINGTON (Reuters) -", "KYIV, Feb 27 (AP) —", "Kyiv, Ukraine (AP) —",
# "SAN FRANCISCO/LONDON (Reuters) -", "New Delhi, Feb 27 (PTI)".
_CAP = "A-ZÀ-ÖØ-ÞĀ-Ž"
_UPPER_PLACE = rf"[{_CAP}][{_CAP}'’.\-]*[{_CAP}.](?:[ /][{_CAP}][{_CAP}'’.\-]*[{_CAP}.]){{0,3}}"
# A mixed-case word ends in a letter; a full stop only closes an abbreviation ("St.",
# "Ft."), never a whole word, so that "Berlin. Chancellor Olaf Scholz (SPD) ..." is a sentence.
_MIXED_WORD = r"(?:[A-Z][a-z]{0,2}\.|[A-Z][a-z'’\-]*[a-z])"
_MIXED_PLACE = rf"{_MIXED_WORD}(?:[ /-](?:{_MIXED_WORD}|de|es|la|al|el|of|da))*"
_REGION = r"[A-Z][A-Za-z.'’\-]*\.?(?: [A-Z][A-Za-z.'’\-]*\.?){0,2}"
# The Ethiopian News Agency writes the year after a slash: "Addis Abeba, February 19/2020 –".
_DL_DATE = rf"(?i:{_MONTH})\s+\d{{1,2}}(?:,?\s+\d{{4}}|/\d{{4}})?|\d{{1,2}}\s+(?i:{_MONTH})(?:\s+\d{{4}})?"
# "(Reuters)", or a press-release wire: "/PRNewswire/".
_AGENCY = r"(?:\((?P<agency>[A-Za-z][A-Za-z .&'’\-]{0,30}?)\)|/(?P<wire>[A-Za-z][A-Za-z .\-]{1,30})/)"
_SEP = r"\s*(?::|\.?[-–—]{1,2})\s+"  # EFE writes "(EFE).- "
DATELINE = re.compile(
    rf"^(?P<place>{_UPPER_PLACE}|{_MIXED_PLACE})"
    rf"(?:,\s*(?P<region>{_REGION}))??"
    rf"(?:,\s*(?P<date>{_DL_DATE}))?"
    rf"(?:\s*{_AGENCY})?"
    # Indian wires put no separator after the agency: "New Delhi, Feb 27 (PTI) The ..."; a
    # scraper that drops CNN's markup glues the agency to the first word: "Hong Kong (CNN
    # Business)Shares in ..."
    rf"(?P<sep>{_SEP}|(?<=\))\s+|(?<=\))(?=[A-Z\"“‘]))(?=\S)"
)
# Labels that look like an upper-case dateline but are not places.
_NOT_PLACES = frozenset(
    [
        "BREAKING",
        "UPDATE",
        "UPDATED",
        "EXCLUSIVE",
        "WATCH",
        "LIVE",
        "OPINION",
        "ANALYSIS",
        "EDITORIAL",
        "PHOTOS",
        "PHOTO",
        "VIDEO",
        "NOTE",
        "FILE",
        "CORRECTION",
        "COMMENT",
        "REVIEW",
        "INTERVIEW",
        "FACTBOX",
        "EXPLAINER",
        "TIMELINE",
        "URGENT",
        "FLASH",
        "ALERT",
        "NEWS",
        "SPORT",
        "SPORTS",
        "FEATURE",
        "PODCAST",
        "LISTEN",
        "READ",
        "MORE",
        "ALSO",
        "WARNING",
        "ADVERTISEMENT",
        "SPONSORED",
        "EDITORS",
        "EDITOR'S",
        "EDITOR’S",
        "Q&A",
        "FACT",
        "CHECK",
        "FACT-CHECK",
        "RELATED",
        "TRENDING",
        "SUMMARY",
        "UPDATES",
        "EXCERPT",
        "TRANSCRIPT",
        "QUESTION",
        "ANSWER",
        "Q",
        "A",
        "AND",
        "BUT",
        "MEANWHILE",
        "HOWEVER",
        "TODAY",
        "YESTERDAY",
        "TOMORROW",
        "NOW",
        "THEN",
        "PLUS",
        "FINALLY",
        "LATER",
        "EARLIER",
        "BACKGROUND",
        "CONTEXT",
        "DISCLAIMER",
    ]
)
_PARTICLES = frozenset(
    {
        "es",
        "de",
        "la",
        "del",
        "al",
        "el",
        "da",
        "do",
        "dos",
        "du",
        "of",
        "on",
        "upon",
        "the",
        "au",
        "en",
        "le",
        "les",
        "sur",
        "am",
        "an",
        "der",
        "van",
        "von",
    }
)
_AGENCIES = frozenset(
    [
        "prnewswire",
        "businesswire",
        "globenewswire",
        "accesswire",
        "reuters",
        "ap",
        "afp",
        "dpa",
        "xinhua",
        "ians",
        "pti",
        "app",
        "upi",
        "bloomberg",
        "ani",
        "tass",
        "efe",
        "ansa",
        "kyodo",
        "yonhap",
        "anadolu",
        "aa",
        "cnn",
        "bbc",
        "bernama",
        "wam",
        "spa",
        "irna",
        "mena",
        "petra",
        "qna",
        "kuna",
        "bna",
        "sputnik",
        "ria",
        "interfax",
        "ukrinform",
        "unian",
        "apa",
        "tnn",
    ]
)


@dataclass(slots=True, frozen=True)
class DatelineMatch:
    """Offsets are relative to the line."""

    place_start: int
    place_end: int
    name: str
    region: str | None
    agency: str | None
    date: tuple[int, int] | None
    lead_end: int  # end of the separator: where the paragraph's prose begins


def find_dateline(line: str) -> DatelineMatch | None:
    """The dateline that opens ``line``, if the rest of the line is prose."""
    match = DATELINE.match(line)
    if not match:
        return None
    place = match.group("place")
    agency = match.group("agency") or match.group("wire")
    # A capitalised word followed by a dash opens many sentences; trust mixed case only
    # when an agency or a date vouches for it, or it carries a region ("Kyiv, Ukraine —").
    vouched = agency or match.group("date") or (match.group("region") and match.group("sep").strip() != ":")
    if not place.isupper() and not vouched and not _place_named_again(match, line):
        return None
    words = place.replace("/", " ").split()
    if any(w.strip(".").upper() in _NOT_PLACES for w in words) or len(place) < 2:
        return None
    # A known agency, or its desk ("CNN Business", "Reuters Health").
    known = bool(agency) and agency.split()[0].lower() in _AGENCIES  # type: ignore[union-attr]
    if agency and not known and not agency.istitle() and not agency.isupper():
        return None
    if not match.group("sep") and not known:
        return None  # glued to the first word: only a known agency ("Apple (AAPL)Shares" is no dateline)
    rest = line[match.end() :]
    if len(rest.split()) < 4:
        return None
    region = match.group("region")
    return DatelineMatch(
        place_start=match.start("place"),
        place_end=match.end("place"),
        name=normalise_place(place),
        region=normalise_place(region)
        if region and re.fullmatch(r"[A-Z]{4,}(?: [A-Z]+)*", region)
        else region,
        agency=agency.strip() if agency else None,
        date=(match.start("date"), match.end("date")) if match.group("date") else None,
        lead_end=match.end("sep") - (len(match.group("sep")) - len(match.group("sep").rstrip())),
    )


def _place_named_again(match: re.Match[str], line: str) -> bool:
    """'Bhopal: An Air India flight from Bhopal to Delhi ...': one or two capitalised words
    and a colon open the paragraph, and the sentence names the same words as a place (after
    'in', 'from', 'to', 'at', 'near'), which an opener such as 'Meanwhile:' never is."""
    place = match.group("place")
    if match.group("sep").strip() != ":" or match.group("region") or len(place.split()) > 2:
        return False
    rest = line[match.end() :]
    return bool(re.search(rf"\b(?:in|from|to|at|near|outside|across)\s+{re.escape(place)}\b", rest))


def dateline_span(text: str, line_start: int, match: DatelineMatch) -> Dateline:
    """The :class:`Dateline` of a match found in the line starting at ``line_start``."""
    return Dateline.of(
        text,
        line_start + match.place_start,
        line_start + match.place_end,
        name=match.name,
        region=match.region,
        agency=match.agency,
        lead=Span.of(text, line_start, line_start + match.lead_end),
        date=Span.of(text, line_start + match.date[0], line_start + match.date[1]) if match.date else None,
    )


def normalise_place(name: str) -> str:
    """'NEW YORK' → 'New York', 'DAR ES SALAAM' → 'Dar es Salaam'; mixed case is kept."""
    if not name.isupper():
        return name

    def word(token: str, first: bool) -> str:
        parts = token.split("-")
        out = []
        for i, part in enumerate(parts):
            lower = part.lower()
            if (not first or i > 0) and lower in _PARTICLES:
                out.append(lower)
            else:
                out.append(part[:1].upper() + part[1:].lower())
        return "-".join(out)

    segments = name.split("/")
    return "/".join(
        " ".join(word(tok, i == 0) for i, tok in enumerate(segment.split())) for segment in segments
    )


# --- Bylines ------------------------------------------------------------------------------

# Lower-case particles inside names ("Ursula von der Leyen", "Ahmed bin Salman").
_NAME_PARTICLES = frozenset(
    "de del della der di da dos du la le van von den ter bin ibn al el abu ben y e".split()
)
_NAME_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|['’.\-](?=[^\W\d_])|\.)*\.?")
# "By", and the byline labels of the languages of STAMP_LANGUAGES ("Por", "Par", "Von",
# "Oleh", "Door", "Автор:"); a name must follow, so "Por fin llegó" is no byline.
_BY = re.compile(
    r"^(?:(?:(?:written |story |words |text |reported |compiled )?by|por|par|von|oleh|door|penulis|"
    r"autor|auteur|autore|автор|текст)\s*:?\s+"
    # Scripts without letter case write the label and the name without a space after a colon.
    r"|(?:記者|记者|ผู้เขียน|كتبت|كتب|بقلم)\s*[:：]?\s*)",
    re.I,
)
_CREDIT = re.compile(
    r"^\(?(?:(?:additional )?reporting|writing|editing|compiled|edited|research|"
    r"additional reporting) by\b|^(?:editor|editora|redaktur|редактор|rédaction|redação)\s*:",
    re.I,
)
_NAME_SPLIT = re.compile(r"\s*(?:,\s*and\s+|,|\band\b|&|;)\s*")
# A line that only credits an agency or a desk: "Associated Press", "Staff Reporter".
_AGENCY_LINE = re.compile(
    r"^(?:the )?(?:associated press|agence france-presse|reuters|afp|ap|bloomberg(?: news)?|"
    r"press trust of india|xinhua|dpa|(?:our |a )?(?:staff|special) (?:reporter|correspondent|writer)s?|"
    r"(?:our|from our) correspondent|news desk|web desk|staff|[\w ]{2,30} (?:report|desk|staff)|"
    r"(?:[\w\-]+ ){0,3}(?:reporter|correspondent|editor|writer|columnist|contributor)(?:,? [\w .]{2,30})?)"
    r"\s*[.,]?$",
    re.I,
)
_ROLE_WORDS = frozenset(
    """staff writer reporter correspondent editor senior chief political foreign
    desk news agency bureau contributor columnist associated press reuters afp bloomberg
    the in for at from report""".split()
)
_NOT_NAMES = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december the this that these those its
    his her their our a an in on at of for to with from by and or but is are was were said
    says home news world sport business live opinion video""".split()
)


# Words that name publications, desks and badges, never people.
ORG_WORDS = frozenset(
    """news bbc cnn times post herald daily weekly media press programming magazine journal
    tribune gazette online digital network radio tv channel source google preferred badge
    review institute university inc ltd llc group publishing newsletter podcast blog""".split()
)


@dataclass(slots=True, frozen=True)
class BylineMatch:
    """Author names as ``(start, end)`` offsets within the line; ``credit`` for trailers."""

    names: tuple[tuple[int, int], ...]
    credit: bool


def name_length(candidate: str) -> int:
    """Length of the personal name that opens ``candidate`` (2 to 5 words), else 0.

    Each word starts with an upper-case letter of any script (``Nguyễn``, ``Černý``) or is a
    name particle; apostrophes, hyphens and initials stay inside words (``O'Brien``,
    ``Fisher-Lee``, ``J.``).
    """
    words = 0
    end = 0
    position = 0
    for token in _NAME_TOKEN.finditer(candidate):
        if candidate[position : token.start()].strip():
            break
        word = token.group()
        bare = word.rstrip(".")
        if bare.lower() in _NOT_NAMES:
            break
        if bare[:1].isupper():
            words += 1
            end = token.end()
        elif bare in _NAME_PARTICLES and words:
            pass
        else:
            break
        position = token.end()
    return end if 2 <= words <= 5 else 0


def find_byline(line: str, n_words: int) -> BylineMatch | None:
    """Author names of a byline line ('By Jane Doe and John Smith', 'Jane Doe | Reuters')."""
    if n_words > 30:
        return None
    named = _name_then_role(line)
    if named is not None:
        return named
    if _AGENCY_LINE.match(line):
        return BylineMatch((), False)
    if _CREDIT.match(line):
        return BylineMatch(tuple(_credited_names(line)), True)
    by = _BY.match(line)
    if by:
        segment_end = _segment_end(line, by.end())
        names = _names_in(line, by.end(), segment_end)
        name = line[by.end() : segment_end].strip()
        if (
            not names
            and name
            and 1 <= len(name.split()) <= 4
            and not any(c.isupper() or c.islower() for c in name)
        ):
            # A script without letter case (Arabic, Thai, Chinese): the label vouches for the name.
            return BylineMatch(((by.end(), by.end() + len(name)),), False)
        if (
            names
            and _tail_is_label(line[names[-1][1] : segment_end])
            and len(line[segment_end:].split()) <= 12
        ):
            return BylineMatch(tuple(names), False)
        return None
    # "Jane Doe | Reuters", "Jane Doe, Associated Press": a name, then an employer or a role.
    length = name_length(line)
    if length and n_words <= 24:
        rest = line[length:]
        joiner = re.match(r"\s*(?:\||,|—|–|-|/|·|•)\s*", rest)
        tail_words = {w.strip(".,:").lower() for w in rest.split()}
        # "Jane Doe | City | Updated: 3 May 2024", "Jane Doe · CBC News · Posted: ...".
        dated = re.match(r"\s*[|/·•]", rest) and re.search(r"\b(?:updated|published|posted)\b", rest, re.I)
        if joiner and (
            (n_words <= 10 and tail_words & (_ROLE_WORDS | _AGENCIES))
            or (dated and _DATE_IN_LINE.search(rest))
        ):
            return BylineMatch(((0, length),), False)
    # "Posted on January 28, 2024 by Jane Doe": a stamp, then the author.
    posted = re.match(r"^(?:posted|published|written)(?: on)? .{4,40}? by ", line, re.I)
    if posted and _DATE_IN_LINE.search(line[: posted.end()]):
        names = _names_in(line, posted.end(), len(line))
        if names and names[-1][1] >= len(line.rstrip(" .")):
            return BylineMatch(tuple(names), False)
    return None


_ROLE_NOUNS = (
    r"reporter|correspondent|editor|writer|columnist|contributor|producer|meteorologist|"
    r"analyst|critic|photographer|journalist"
)
# "Hannah Corbett Housing correspondent": a capitalised word before a lower-case role word
# belongs to the role ("Housing correspondent"), not to the name.
_NAME_ROLE = re.compile(rf"^(?P<name>.+)\s+[A-Z][\w&\-]*\s+(?i:{_ROLE_NOUNS})s?\s*$")


def _name_then_role(line: str) -> BylineMatch | None:
    match = _NAME_ROLE.match(line)
    if match is None:
        return None
    name = match.group("name")
    if not 2 <= len(name.split()) <= 4 or name_length(name) != len(name):
        return None
    if any(w.strip(".").lower() in _ROLE_WORDS for w in name.split()):
        return None
    return BylineMatch(((0, len(name)),), False)


def find_name_line(line: str, n_words: int, organisations: bool = False) -> BylineMatch | None:
    """A line of names only ('Jane Doe', 'Ciara Nugent and Ben Quinn'): a byline without
    'By'. Only meaningful under a headline, where such a line names the authors. With
    ``organisations``, names of publications ('BBC Scotland News') count too."""
    # A name line ends in a letter (or an initial's full stop), never a sentence's punctuation.
    if n_words > 16 or re.search(r"[!?:;]\s*$|[^\W\d_]{2}\.\s*$", line):
        return None
    byline = find_byline(line, n_words)
    if byline is not None:
        return byline
    if not organisations and {w.strip(".,").lower() for w in line.split()} & ORG_WORDS:
        return None  # "BBC Scotland News", "Better Programming": a publication, not a person
    names = _names_in(line, 0, _segment_end(line, 0))
    covered = sum(b - a for a, b in names)
    letters = len(re.sub(r"\W|\band\b", "", line[: _segment_end(line, 0)]))
    if names and covered >= 0.6 * letters:
        return BylineMatch(tuple(names), False)
    return None


def _segment_end(line: str, start: int) -> int:
    """Where the byline proper ends: at a pipe or bullet (then dates or labels follow)."""
    cut = re.search(r"\s[|•·]\s|\s[-–—]\s(?=\S)", line[start:])
    return start + cut.start() if cut else len(line)


def _names_in(line: str, start: int, end: int) -> list[tuple[int, int]]:
    names: list[tuple[int, int]] = []
    position = start
    for piece in _NAME_SPLIT.split(line[start:end]):
        offset = line.find(piece, position) if piece else -1
        if offset < 0:
            continue
        position = offset + len(piece)
        candidate = piece.strip().rstrip(".")
        if not candidate:
            continue
        employer = {w.lower().strip(".,") for w in candidate.split()} & (_ROLE_WORDS | _AGENCIES)
        if names and employer:
            # "By Jane Doe, Associated Press": what follows the names is their employer.
            break
        length = name_length(candidate)
        if not length:
            if names and _short_role(candidate):
                break  # "By Kayla Monroe, Meteorologist": a role ends the names
            return []
        lead = offset + (len(piece) - len(piece.lstrip()))
        names.append((lead, lead + length))
    return names


def _short_role(piece: str) -> bool:
    """A role or an employer after the names: one to three capitalised words, no sentence."""
    words = piece.split()
    return 1 <= len(words) <= 3 and words[0][:1].isupper() and not re.search(r"[.!?]$", piece)


def _tail_is_label(tail: str) -> bool:
    """After the names: nothing, or an employer/role ('Associated Press', 'Senior Reporter')."""
    words = [w.strip(".,;:()").lower() for w in tail.split() if w.strip(".,;:()")]
    return len(words) <= 5 and not re.search(r"[.!?]\s*$", tail.strip(" ,"))


def _credited_names(line: str) -> list[tuple[int, int]]:
    """Names after 'Reporting by' (not 'Editing by': editors are not authors)."""
    names: list[tuple[int, int]] = []
    for clause in re.finditer(r"(?P<what>[A-Za-z ]+?) by (?P<who>[^;()]+)", line):
        if re.search(r"edit", clause.group("what"), re.I):
            continue
        who_start = clause.start("who")
        # "Jane Doe in Washington" -> the name only.
        who = re.split(r"\s+in\s+[A-Z]", clause.group("who"))[0]
        names.extend(_names_in(line, who_start, who_start + len(who.rstrip(" .)"))))
    return names


def normalise_name(name: str) -> str:
    """'JANE DOE' → 'Jane Doe'; mixed-case names are kept as written."""
    if not name.isupper():
        return " ".join(name.split())
    return " ".join(w[:1] + w[1:].lower() if len(w) > 2 or not w.endswith(".") else w for w in name.split())


# --- Timestamps ---------------------------------------------------------------------------

_STAMP_LABEL = re.compile(
    r"^(?:(?:first |last )?(?:published|updated|posted|modified|created|date|dated|issued)"
    r"(?: on| at)?\s*:?\s*|on\s+|"
    # The same labels in the languages of STAMP_LANGUAGES.
    r"(?:publicado|atualizado|actualizado|publié|mis à jour|veröffentlicht|aktualisiert|"
    r"pubblicato|aggiornato|gepubliceerd|bijgewerkt|diterbitkan|diperbarui|опубликовано|обновлено)"
    r"(?: em| el| le| am| il| op| pada)?\s*:?\s*)",
    re.I,
)
_DATE_IN_LINE = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|"
    rf"\d{{4}}-\d{{2}}-\d{{2}}(?:[T ]\d{{2}}:\d{{2}}(?::\d{{2}})?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?|"
    rf"\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{4}}|\d{{4}}[/.]\d{{1,2}}[/.]\d{{1,2}})\b",
    re.I,
)
# Languages besides English whose month names a timestamp line may use ("14 апреля 2024",
# "Senin, 10 Juni 2024", "14 de abril de 2024"); the names come from dateparser's locale data,
# and Chinese and Japanese write "2024年3月5日".
STAMP_LANGUAGES = ("de", "fr", "es", "pt", "it", "nl", "id", "ru", "tr", "pl", "ar")
_MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")  # fmt: skip


# A day, a word and a year, or a word, a day and a year: a date when the word is a month name
# of one of STAMP_LANGUAGES. The names are looked up only for such a candidate, so English
# pages never load dateparser's locale data.
_FOREIGN_CANDIDATE = re.compile(
    r"\b\d{1,2}\.?\s+(?:de\s+)?(?P<after>[^\W\d_]{3,12})\.?(?:\s+de)?,?\s+\d{4}\b"
    r"|\b(?P<before>[^\W\d_]{3,12})\.?\s+\d{1,2},?\s+\d{4}\b"
    r"|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
)


@lru_cache(maxsize=1)
def _foreign_months() -> frozenset[str]:
    from dateparser.languages import default_loader

    return frozenset(
        name.casefold()
        for code in STAMP_LANGUAGES
        for key in _MONTH_KEYS
        for name in default_loader.get_locale(code).info.get(key, [])
        if len(name) >= 3
    )


def _foreign_date(text: str, start: int = 0) -> re.Match[str] | None:
    for found in _FOREIGN_CANDIDATE.finditer(text, start):
        word = found.group("after") or found.group("before")
        if word is None or word.casefold() in _foreign_months():
            return found
    return None


def _date_in(text: str, start: int = 0) -> re.Match[str] | None:
    """The first written date with a year in ``text``, English or another language's."""
    return _DATE_IN_LINE.search(text, start) or _foreign_date(text, start)


_RELATIVE_UPDATE = re.compile(
    r"(?:last )?updated:?\s+\d{1,3}\s+(?:min(?:ute)?s?|hours?|hrs?|days?)\s+ago$", re.I
)
# Where a second stamp starts: at a pipe or bullet, or at an "Updated" label.
# "..., first published at 11.20am" is a second stamp too.
_STAMP_SPLIT = re.compile(
    r"\s[|•·]\s|(?<=\S)(?<!last)(?<!first)\s+(?=(?:last |first )?(?:updated|modified)\b)|"
    r"(?<=,)\s+(?=(?:first |originally )published\b)",
    re.I,
)
_TIME_WORDS = re.compile(
    rf"^(?:{_WEEKDAY}|{_MONTH}|\d{{1,4}}(?:st|nd|rd|th)?|\d{{1,2}}(?:[:.]\d{{2}}(?::\d{{2}})?)?(?:[ap]\.?m\.?)?|"
    r"[ap]\.?m\.?|originally|"
    r"[A-Z]{2,5}|utc|gmt|[+-]\d{2}:?\d{2}|at|on|of|hrs|ist|pkt|et|pt|h|updated|published|"
    r"posted|last|first|modified|date|dated|ago)$",
    re.I,
)


@dataclass(slots=True, frozen=True)
class TimestampMatch:
    start: int
    end: int
    value: datetime | date
    has_time: bool


def find_timestamp(line: str, n_words: int) -> TimestampMatch | None:
    """A publication timestamp line: a date with a year, a time, a zone, a label, and no prose.

    A line may hold both stamps ('Published 3 June 2023 | Updated 4 June 2023'): the
    first one that parses is the publication.
    """
    if n_words > 28 or not _date_in(line):
        return None
    segments = [(0, len(line))]
    cuts = [m.start() for m in _STAMP_SPLIT.finditer(line)]
    if cuts:
        bounds = [0, *cuts, len(line)]
        segments = [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]
    found: TimestampMatch | None = None
    for seg_start, seg_end in segments:
        segment = line[seg_start:seg_end]
        if not segment.strip(" |•·-–—"):
            continue
        match = _segment_timestamp(segment)
        if match is None:
            if _RELATIVE_UPDATE.match(segment.strip(" |•·-–—")):
                continue  # "Updated 2 hours ago" beside the date says when, not what
            if not _date_in(segment) and (_time_only(segment) or _short_label(segment)):
                # "Feb 27, 2022 | 21:48 JST | KYODO NEWS": a time or an agency beside the date.
                if found is not None and not found.has_time and _time_only(segment):
                    found = _with_time(line, found, seg_start, segment)
                continue
            return None  # a segment that is not a date: this line says something else
        if found is None:
            found = TimestampMatch(
                match.start + seg_start, match.end + seg_start, match.value, match.has_time
            )
    return found


def _with_time(line: str, found: TimestampMatch, seg_start: int, segment: str) -> TimestampMatch:
    """The date of ``found`` with the time written in the next segment."""
    time = segment.strip(" |•·-–—,")
    value = parse_datetime(f"{line[found.start : found.end]} {time}")
    if value is None:
        return found
    end = seg_start + segment.find(time) + len(time)
    return TimestampMatch(found.start, end, value, True)


def _time_only(segment: str) -> bool:
    words = re.findall(r"[^\s,|•·()\[\]]+", segment)
    return (
        bool(words)
        and all(_TIME_WORDS.match(w.strip(".:;-–—")) for w in words)
        and bool(re.search(r"\d{1,2}(?:[:.]\d{2}|\s?[ap]\.?m\b)", segment, re.I))
    )


def _short_label(segment: str) -> bool:
    """A short name beside a stamp ('KYODO NEWS', 'Reuters'): capitalised words, no digits."""
    words = segment.strip(" |•·-–—").split()
    return 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and not re.search(r"\d", segment)


def _segment_timestamp(segment: str) -> TimestampMatch | None:
    # "— Jane Doe (@janedoe) March 4, 2021" signs an embedded post, not the article.
    if not _date_in(segment) or re.search(r"\(@\w+\)", segment):
        return None
    segment_clean = segment.lstrip(" |•·-–—")
    lead = len(segment) - len(segment_clean)
    label = _STAMP_LABEL.match(segment_clean)
    start = lead + (label.end() if label else 0)
    others = [
        w
        for w in re.findall(r"[^\s,|•·()\[\]]+", segment[start:])
        if not _TIME_WORDS.match(w.strip(".:;-–—"))
    ]
    if len([w for w in others if re.search(r"\w", w)]) > 2:
        return None
    stamp = segment[start:].strip(" |•·-–—:,")
    offset = segment.find(stamp, start)
    value = parse_datetime(stamp)
    if value is None:
        # "India News Dec 03, 2024 16:48 pm IST": a section label before the date.
        date_at = _date_in(segment, start)
        prefix = segment[start : date_at.start()] if date_at else ""
        if not date_at or not prefix.strip() or len(prefix.split()) > 3 or re.search(r"\d", prefix):
            return None
        stamp = segment[date_at.start() :].strip(" |•·-–—:,")
        offset = segment.find(stamp, date_at.start())
        value = parse_datetime(stamp)
        if value is None:
            return None
    has_time = bool(re.search(r"\d{1,2}[:.]\d{2}", stamp))
    return TimestampMatch(offset, offset + len(stamp), value if has_time else value.date(), has_time)


@lru_cache(maxsize=2048)
def parse_datetime(text: str) -> datetime | None:
    """Parse a written date or datetime (time zone abbreviations included), or ``None``."""
    quick = fast_parse(text)
    if quick is not None:
        return quick if 1900 <= quick.year <= datetime.now().year + 1 else None
    # dateparser is imported lazily: it costs ~0.2 s and only pages with a timestamp need it.
    import dateparser

    cleaned = re.sub(rf"^\s*{_WEEKDAY},?\s+", "", text.strip(), flags=re.I)
    cleaned = re.sub(r"\s+(?:at|,)\s+", " ", cleaned)
    cleaned = re.sub(rf"\b{_WEEKDAY},?\s+", "", cleaned, flags=re.I)
    settings: dict[str, str | bool] = {"PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": False}
    if re.match(r"\d{1,2}\.\d{1,2}\.\d{4}\b", cleaned):
        settings["DATE_ORDER"] = "DMY"  # "03.04.2025": dotted dates are day first (German, Russian, ...)
    try:
        value = dateparser.parse(cleaned, languages=["en"], settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    if value is None and (_foreign_date(cleaned) or re.search(r"\d{1,2}h\d{2}", cleaned)):
        try:
            value = dateparser.parse(cleaned, languages=[*STAMP_LANGUAGES, "zh", "ja"], settings=settings)
        except (ValueError, OverflowError, TypeError):
            return None
    if value is None:
        # "16:05, UK": a place name after the time is no zone dateparser knows.
        shorter = re.sub(r"[\s,]+[A-Za-z]{2,5}\.?\s*$", "", cleaned)
        if shorter != cleaned and re.search(r"\d\s*$", shorter):
            return parse_datetime(shorter)
        return None
    if not 1900 <= value.year <= datetime.now().year + 1:
        return None
    return value
