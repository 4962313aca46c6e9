"""Time expressions, normalised against the publication date.

Explicit dates ("24 February 2022", "Feb. 24"), weekdays ("on Thursday": the last such day
up to publication), relative days and periods ("yesterday", "last week", "two days ago",
"next month"), and ordinal days of an event ("the fourth day of the assault": counted from
the event's start when the article dates it, else left unresolved with the reason). Every
expression is kept, resolved or not; ``basis`` says how a value was reached.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from dateutil.easter import easter

from newsmill.analyze.sentences import text_of
from newsmill.extract.blocks import SCORE
from newsmill.extract.dates import fast_parse

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "hundredth": 100,
}  # fmt: skip
_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"), 1)}  # fmt: skip
_MONTH_ABBR = {m[:3]: i for m, i in _MONTHS.items()} | {"sept": 9}

# A month's name or its abbreviation, not any word opening with one ("1 decision", "Junior 3").
_MONTH_WORD = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_PATTERNS = re.compile(
    r"\b(?P<weekday>(?:(?:last|this|next|on|since|by|until|early|late)\s+)?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?)\b|"
    r"\b(?P<relday>yesterday|today|tonight|tomorrow|the day before yesterday)\b|"
    r"\b(?P<ago>(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an)\s+"
    r"(?P<unit>days?|weeks?|months?|years?)\s+(?:ago|earlier|before))\b|"
    r"\b(?P<period>(?P<dir>last|next|this|past)\s+(?P<punit>week|month|year|weekend))\b|"
    r"\b(?P<ordinal>the\s+(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
    r"twelfth|hundredth|\d+(?:st|nd|rd|th))\s+day\s+of\s+(?:the\s+|its\s+|a\s+)?"
    r"(?P<event>(?:(?!(?:would|will|was|were|is|are|has|had|outside|in|at|on|since|as|and|but)\b)[\w\-]+\s?){1,4}))|"
    r"\b(?P<dmy>\d{1,2}\s+" + _MONTH_WORD + r"(?:,?\s+\d{4})?)\b|"
    r"\b(?P<mdy>" + _MONTH_WORD + r"\s+\d{1,2}(?:st|nd|rd|th)?"
    r"(?:,?\s+\d{4})?)\b|"
    r"\b(?P<iso>\d{4}-\d{2}-\d{2})\b|"
    r"\bin\s+(?P<year>(?:19|20)\d{2})\b",
    re.I,
)
# After a weekday: a plural that makes it a habit ("Saturdays", "Saturday nights").
_HABIT = re.compile(r"s\b|\s+(?:night|morning|afternoon|evening)s\b")
_KINDS = ("weekday", "relday", "ago", "period", "ordinal", "dmy", "mdy", "iso", "year")
# Events whose start the article may date ("launched its invasion ... on Thursday"), in
# families of words that name the same event.
_EVENT_FAMILIES = (
    (
        "invasion",
        "invade",
        "invaded",
        "invades",
        "assault",
        "attack",
        "attacks",
        "war",
        "offensive",
        "incursion",
    ),
    ("talks", "negotiations", "negotiation", "meeting", "summit", "conference"),
    ("strike", "strikes", "walkout", "stoppage"),
    ("protest", "protests", "demonstrations", "rally", "rallies", "march"),
    ("siege", "blockade"),
    ("ceasefire", "truce"),
)
_EVENT_WORDS = re.compile(r"\b(" + "|".join(w for family in _EVENT_FAMILIES for w in family) + r")\b", re.I)


@functools.cache
def _named_days() -> dict[str, tuple[str, int]]:
    """'black friday' → ('thanksgiving', 1): ``data/named_days.tsv``."""
    out = {}
    table = Path(__file__).with_name("data") / "named_days.tsv"
    for line in table.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, anchor, offset = line.split("\t")
            out[name] = (anchor, int(offset))
    return out


def _named_day(name: str, year: int) -> date:
    anchor, offset = _named_days()[name]
    if anchor == "easter":
        return easter(year) + timedelta(days=offset)
    november = date(year, 11, 1)
    thanksgiving = november + timedelta(days=(3 - november.weekday()) % 7 + 21)
    return thanksgiving + timedelta(days=offset)


def _day_name(text: str, start: int, expression: str) -> str | None:
    """The named day a weekday word ends ("Black Friday", "Cyber Monday"), when the words
    written before it make one of ``data/named_days.tsv``."""
    if expression.split()[0].lower() not in WEEKDAYS:
        return None  # "last Friday", "on Monday"
    before = re.search(r"((?:[A-Z][\w'’]*\s+){1,3})$", text[max(0, start - 40) : start])
    if before is None:
        return None
    words = before.group(1).split()
    for size in range(len(words), 0, -1):
        name = " ".join([*words[-size:], expression.split()[0]]).lower().replace("’", "'")
        if name in _named_days():
            return name
    return None


def _family(word: str) -> tuple[str, ...]:
    return next((f for f in _EVENT_FAMILIES if word.lower() in f), (word.lower(),))


@dataclass(slots=True)
class TimeDraft:
    start: int
    end: int
    text: str
    value: str | None
    precision: str | None
    basis: str
    reason: str | None = None
    confidence: float = 1.0


def annotate_times(doc: Any, published: date | None) -> list[TimeDraft]:
    """Time expressions of ``doc`` (any object with ``.text``), resolved against ``published``."""
    text: str = text_of(doc)
    drafts: list[TimeDraft] = []
    pending_ordinals: list[tuple[TimeDraft, int, str]] = []
    clubs: set[str] = set()  # weekdays the article uses in a name
    bare_weekdays: list[tuple[TimeDraft, bool | None]] = []  # with the way their tense reads
    for match in _PATTERNS.finditer(text):
        kind = next((k for k in _KINDS if match.group(k)), None)
        if kind is None:
            continue
        start, end = match.span(kind)
        expression = text[start:end]
        if expression.isupper() and re.search(r"\b[A-Z]{2,}\s+$", text[max(0, start - 12) : start]):
            continue  # a name in capitals: "USA TODAY", "MONDAY NIGHT FOOTBALL"
        draft = TimeDraft(start, end, expression, None, None, "unresolved")
        named = _day_name(text, start, expression) if kind == "weekday" else None
        if named:
            # "Black Friday": the occurrence nearest the publication date.
            draft.start = start = text.lower().rfind(named.split()[0], 0, start)
            draft.text = text[start:end]
            if published is not None:
                value = min(
                    (_named_day(named, published.year + shift) for shift in (-1, 0, 1)),
                    key=lambda day: abs((day - published).days),
                )
                draft.value, draft.precision, draft.basis = value.isoformat(), "day", "relative"
            else:
                draft.reason = "relative to the publication date, which is unknown"
            drafts.append(draft)
            continue
        if kind == "ordinal":
            number = _ordinal(match.group("ord"))
            pending_ordinals.append((draft, number, match.group("event")))
        elif kind == "ago" and match.group("ago").lower().endswith(("earlier", "before")):
            continue  # "two days earlier" counts from the story's own events, not from today
        elif kind == "period" and match.group("dir").lower() == "past":
            continue  # "in the past month": a stretch of time up to now, not a calendar period
        elif (
            kind == "period"
            and match.group("punit").lower() == "year"
            and re.search(r"\bthe\s+$", text[max(0, start - 5) : start], re.I)
        ):
            # "over the last year": the twelve months up to now, not last calendar year ("the
            # last month" stays: the calendar month is close to what it means).
            continue
        elif kind == "weekday" and _HABIT.match(text, end):
            continue  # "on Saturday nights", "on Sundays": a habit, not a day
        elif kind == "weekday" and (_RANGE_AFTER.match(text, end) or _RANGE_BEFORE.search(text, 0, start)):
            continue  # "Monday to Saturday", "Monday through Friday": opening hours, not a day
        elif kind == "weekday" and re.search(
            r"\b(?:a|an|every|each|any)\s+$", text[max(0, start - 7) : start], re.I
        ):
            continue  # "on a Wednesday night in November": some such day, not a date
        elif (
            kind == "weekday"
            and expression.lower() in WEEKDAYS
            and text[max(0, start - 4) : start].lower() == "for "
        ):
            # "announced closures for Thursday": what something is set for is the coming day
            if published is not None:
                _resolve(draft, kind, match, published, True)
            drafts.append(draft)
            continue
        elif kind == "weekday" and _DATE_AFTER.match(text, end):
            continue  # "Saturday, Jan. 25", "Saturday 13 December": the date that follows says which day
        elif (
            kind == "weekday"
            and expression.lower() in WEEKDAYS  # bare: "on Monday" after a name is a day
            and (_after_a_name(doc, start) or expression.lower() in clubs)
        ):
            # "Sheffield Wednesday drew 2-2": a club's name, not a day; and so is the bare
            # weekday elsewhere in the article ("Wednesday travel to Millwall on Tuesday").
            clubs.add(expression.lower())
            continue
        elif kind == "period" and re.match(r"\s+of\b", text[end : end + 4]):
            continue  # "the last weekend of the festival": a part of something, not last week
        elif _words_quoted(text, start, end):
            continue  # "saying 'next year, next year'": the words cited, not a time
        elif published is None and (kind not in {"dmy", "mdy", "iso", "year"} or not _has_year(expression)):
            draft.reason = "relative to the publication date, which is unknown"
        else:
            try:
                ahead = _looks_ahead(doc, start, end)
                _resolve(draft, kind, match, published, ahead)
                if kind == "weekday" and not re.search(r"\b(?:last|next|this|past)\b", expression, re.I):
                    bare_weekdays.append((draft, ahead))
                if kind == "weekday" and published is not None and _this_week(doc, start, expression):
                    # "this week ... on Wednesday": the Wednesday of the publication's week,
                    # whichever way the tense points.
                    monday = published - timedelta(days=published.weekday())
                    day = next(i for i, name in enumerate(WEEKDAYS) if name in expression.lower())
                    draft.value = (monday + timedelta(days=day)).isoformat()
            except (OverflowError, ValueError) as exc:  # dates off the calendar's ends
                draft.value = draft.precision = None
                draft.basis, draft.reason = "unresolved", f"cannot be placed on the calendar ({exc})"
        drafts.append(draft)
    for draft, number, event in pending_ordinals:
        _resolve_ordinal(draft, number, event, drafts, text)
    _order_listed_dates(drafts, text)
    if published is not None:
        _read_against_stated_days(bare_weekdays, drafts, text, published)
    return drafts


# An opening single quotation mark (after a space, a dash or a double mark) and a closing one.
_OPENING_SINGLE = re.compile(r"(?:^|[\s\"“(—–-])['‘][^'‘’.!?\"“”]{0,40}\Z")
_CLOSING_SINGLE = re.compile(r"[^'‘’.!?\"“”]{0,40}['’](?![A-Za-z])")


# A date opening a list line: "- September 7: An evening of ...", "• 12 March – Lisbon".
_ITEM_OPENING = re.compile(r"(?:^|\n)[ \t]*(?:[-–•*][ \t]+)?\Z")


def _order_listed_dates(drafts: list[TimeDraft], text: str) -> None:
    """A programme's or a tour's items, each opening with a day and month, run in the order of
    the calendar: an item whose year was read back from its verb ("... has already taken in
    Seoul") while the item before it is later in the year moves to the next year."""
    previous: date | None = None
    previous_line = -2
    for draft in sorted(drafts, key=lambda d: d.start):
        opens = _ITEM_OPENING.search(text, max(0, draft.start - 6), draft.start) is not None
        line = text.count("\n", 0, draft.start)
        if not opens or draft.precision != "day" or not draft.value or _has_year(draft.text):
            continue
        value = date.fromisoformat(draft.value)
        if previous is not None and line - previous_line <= 2 and value < previous:
            later = _same_day(value, value.year + 1)
            if previous <= later <= previous + timedelta(days=366):
                draft.value, value = later.isoformat(), later
        previous, previous_line = value, line


def _words_quoted(text: str, start: int, end: int) -> bool:
    """The expression sits in a short phrase of its own quotation marks ("saying 'next year,
    next year' about Europe"): words cited, not a time the text places."""
    return (
        _OPENING_SINGLE.search(text, max(0, start - 42), start) is not None
        and _CLOSING_SINGLE.match(text, end) is not None
    )


# A weekday written with its date: "Friday, July 31", "SATURDAY, AUG. 1".
_WEEKDAY_BEFORE_DATE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\s*[,(]?\s*$", re.I)
# The opening of a span written as a weekday and a day number, before the closing date:
# "Friday 23 to Sunday 25 August", "Friday 23-Sunday 25 August".
_SPAN_OPENING = re.compile(
    r"\b(" + "|".join(WEEKDAYS) + r")\s+(\d{1,2})(?:st|nd|rd|th)?\s*(?:to|through|until|till|-|–|—|and)\s*"
    r"(?:(?:" + "|".join(WEEKDAYS) + r")\s*,?\s*)?$",
    re.I,
)
# Two dates joined as a span: "July 31 through Aug. 2", "July 31-Aug 2", "from 3 to 5 June".
_SPAN_JOINER = re.compile(r"^\s*(?:to|through|thru|until|till|-|–|—)\s*$", re.I)


def _read_against_stated_days(
    weekdays: list[tuple[TimeDraft, bool | None]], drafts: list[TimeDraft], text: str, published: date
) -> None:
    """A bare weekday in an article that states its days ("The festival runs Friday, July 31
    through Sunday, Aug. 2 ... Friday belongs to ...") is the stated day of that name, not the
    one nearest the publication date: the days written with their weekday (checked against the
    calendar) and the days inside a stated span of up to ten days. Of several stated days of
    that name, the last stated before the weekday (the header it sits under), else the first
    after. Only in the direction the tense reads: a weekday told in the past is not moved to a
    stated day ahead of the publication date, nor one ahead to a day behind it."""
    stated: list[tuple[int, date]] = []
    dated = sorted((d for d in drafts if d.value and d.precision == "day" and d.basis != "unresolved"
                    and not any(d is w for w, _ in weekdays)), key=lambda d: d.start)  # fmt: skip
    for draft in dated:
        day = date.fromisoformat(draft.value)  # type: ignore[arg-type]
        written = _WEEKDAY_BEFORE_DATE.search(text, max(0, draft.start - 14), draft.start)
        if written is not None and WEEKDAYS.index(written.group(1).lower()) == day.weekday():
            stated.append((draft.start, day))
    for draft in dated:
        # "from Friday 23 to Sunday 25 August": the opening day is written with its weekday
        # and its number only; the month and year are the closing date's.
        opening = _SPAN_OPENING.search(text, max(0, draft.start - 40), draft.start)
        if opening is None:
            continue
        closing = date.fromisoformat(draft.value)  # type: ignore[arg-type]
        number = int(opening.group(2))
        if not 1 <= number <= closing.day:
            continue
        first_day = closing.replace(day=number)
        if (
            first_day.weekday() == WEEKDAYS.index(opening.group(1).lower())
            and (closing - first_day).days <= 10
        ):
            stated += [
                (opening.start(), first_day + timedelta(days=n))
                for n in range((closing - first_day).days + 1)
            ]
    for first, second in itertools.pairwise(dated):
        if _SPAN_JOINER.match(text[first.end : second.start]) is None:
            # "Friday, July 31 through Sunday, Aug. 2": the joiner stands before the weekday
            between = _WEEKDAY_BEFORE_DATE.sub("", text[first.end : second.start])
            if _SPAN_JOINER.match(between) is None:
                continue
        opening, closing = date.fromisoformat(first.value), date.fromisoformat(second.value)  # type: ignore[arg-type]
        if 0 < (closing - opening).days <= 10:
            length = (closing - opening).days
            stated += [(first.start, opening + timedelta(days=n)) for n in range(length + 1)]
    if not stated:
        return
    for draft, ahead in weekdays:
        name = next(w for w in WEEKDAYS if w in draft.text.lower())
        days = sorted({(at, day) for at, day in stated if day.weekday() == WEEKDAYS.index(name)})
        if not days:
            continue
        before = [day for at, day in days if at < draft.start]
        day = before[-1] if before else days[0][1]
        if (ahead is False and day > published) or (ahead is True and day < published):
            continue
        draft.value = day.isoformat()


# A day named inside quotation marks is the speaker's day: "today" in a tweet of November 1, in
# a rally speech of election day, at "Tuesday's" hearing. Read against the publication date it
# is right only when the words were said that day, which the text rarely says (docs/confidence.md).
SPEAKERS_DAY = 0.45


# A range of weekdays: "Monday to Saturday", "Monday through Friday", "Monday-Friday".
_DAY_NAMES = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_RANGE_AFTER = re.compile(rf"\s*(?:to|through|thru|until|-|–)\s*(?:{_DAY_NAMES})\b", re.I)
_RANGE_BEFORE = re.compile(rf"\b(?:{_DAY_NAMES})\s*(?:to|through|thru|-|–)\s*$", re.I)
# A weekday written with its date ("Monday, November 18", "Saturday, Jan. 25"): a day.
_DATE_AFTER = re.compile(
    r"(?:,?\s+|\s*\(\s*)"  # "Saturday, Jan. 25", "Thursday (October 23)"
    r"(?:(?:" + "|".join(_MONTH_ABBR) + r")[a-z]*\.?\s+\d"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_WORD + ")",  # "Saturday 13 December"
    re.I,
)


def _this_week(doc: Any, start: int, expression: str) -> bool:
    """The weekday's sentence says "this week" (and the weekday is not "last" or "next")."""
    if not hasattr(doc, "char_span") or expression.lower().startswith(("last", "next")):
        return False
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span is not None and re.search(r"\bthis week\b", span.sent.text, re.I) is not None


def _after_a_name(doc: Any, start: int) -> bool:
    """A bare weekday right after a proper name that opens its clause, with only a space
    between: "Sheffield Wednesday drew 2-2" names a club ("in London Tuesday", "said Tuesday"
    and "the Supreme Court Tuesday ruled" are days; "Biden Tuesday signed" is lost)."""
    if not hasattr(doc, "char_span") or start < 2 or text_of(doc)[start - 1] != " ":
        return False
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    name = doc[span.start - 1]
    if name.pos_ != "PROPN" or not name.text[:1].isupper() or name.ent_type_ in {"DATE", "TIME"}:
        return False
    first = name
    while first.i > 0 and doc[first.i - 1].pos_ == "PROPN" and doc[first.i - 1].text[:1].isupper():
        first = doc[first.i - 1]
    before = doc[first.i - 1] if first.i > 0 else None
    # The name opens its clause: "the Supreme Court Tuesday ruled", "told Fox News Tuesday"
    # and "in South Carolina Saturday" are American copy's days.
    return before is None or before.is_space or before.is_punct


def _counts_days(expression: str) -> bool:
    """A weekday or a day word ("on Tuesday", "today"), read by the same patterns that found it."""
    match = _PATTERNS.match(expression)
    return match is not None and (match.group("weekday") or match.group("relday")) is not None


def doubt_quoted_days(drafts: list[TimeDraft], quoted: list[tuple[int, int]]) -> None:
    """Days counted from the publication date ("today", "on Tuesday") inside quotation marks
    are the speaker's, not the article's: below the default threshold."""
    for draft in drafts:
        if (
            draft.basis != "explicit"
            and _counts_days(draft.text)
            and any(start <= draft.start and draft.end <= end for start, end in quoted)
        ):
            draft.confidence = min(draft.confidence, SPEAKERS_DAY)


def _ordinal(word: str) -> int:
    word = word.lower()
    return _ORDINALS.get(word) or int(re.sub(r"\D", "", word) or 0)


def _has_year(expression: str) -> bool:
    return re.search(r"\d{4}", expression) is not None


# Words that put a clause in the future or in a timetable ("will play on Friday", "tickets go
# on sale", "is scheduled for March 3").
_AHEAD_WORDS = frozenset(
    "will 'll shall wo would upcoming scheduled schedule due set expected slated planned plans fixture "
    "fixtures tickets sale kicks starts begins opens tour premieres airs".split()
)
_REPORTING = frozenset("say tell announce add state report confirm note write explain".split())
_WARNING = frozenset("warn expect predict forecast caution".split())


def _looks_ahead(doc: Any, start: int, end: int) -> bool | None:
    """The time is read forward from the publication date (True): its sentence speaks of the
    future or a timetable, or it is a dated line with no verb and no result (a fixture, a tour
    date); backward (False): its verb or the sentence's is in the past, or it is a result;
    None when the sentence's verbs are in the present and say neither ("is at risk of losing
    her Aug. 30 primary", "a permit to march on July 25 is pending")."""
    if not hasattr(doc, "char_span"):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    sentence = span.sent
    # A word of timetable the time hangs from says it first: "The album, due June 13, was
    # recorded in Wales" is ahead whatever the rest of the sentence did.
    holder = span.root.head
    if holder.pos_ == "ADP" and holder.head.i != holder.i:
        holder = holder.head  # "scheduled for March 3"
    if holder.lower_ in _AHEAD_WORDS and holder.i != span.root.i and holder.tag_ not in {"VBZ", "VBP", "VBD"}:
        return True  # "due", "scheduled", "upcoming" (a finite "airs" may be a habit)
    # The verb the time hangs from says it next: "concluded its hearings on Tuesday" is past
    # even when a quote in the sentence says "we will win".
    verb = span.root.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    if _item_of_an_announced_schedule(text_of(doc), start, end):
        return True  # "The expected schedule is as follows:" + "Friday: heavy rain continuing"
    deferring = {verb.lemma_.lower(), *(c.lemma_.lower() for c in verb.children if c.dep_ == "aux")}
    if deferring & _DEFERRING and (
        _UNTIL_BEFORE.search(text_of(doc), max(0, start - 7), start)
        or _UNTIL_OPENS.match(text_of(doc), start)
    ):
        # "extended its warning until Saturday", "adjourned the case to Monday": a new end put
        # after the day it was set, whatever the tense.
        return True
    if verb.pos_ in {"VERB", "AUX"} and verb.lemma_.lower() in _REPORTING:
        helpers = {c.lower_ for c in verb.children if c.dep_ == "aux"}
        if helpers & {"will", "'ll", "shall"} or (helpers & {"would"} and _reported(verb)):
            return True  # "said a decision on Wednesday would be announced": an announcement to come
        hung = span.root.head
        if hung.pos_ == "ADP":
            hung = hung.head  # "on Monday": the preposition's head
        if verb.tag_ == "VBD" and not helpers and hung.i == verb.i:
            # "told reporters in Jakarta on Monday": the day of the telling, whatever the
            # quoted words promise ("we will not hesitate").
            return False
    if verb.pos_ in {"VERB", "AUX"} and verb.lemma_.lower() not in _REPORTING:
        auxiliaries = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
        if auxiliaries & {"will", "'ll", "shall"}:
            return True
        modal = verb
        for _ in range(2):  # "might not have electricity restored until Friday"
            if (
                modal.dep_ not in {"xcomp", "acomp", "oprd", "ccomp"}
                or modal.head.lemma_.lower() in _REPORTING
            ):
                break
            if _has_subject(modal) and modal.head.lemma_.lower() not in _LIGHT_VERBS:
                break
            modal = modal.head
        modals = {c.lower_ for c in modal.children if c.dep_ == "aux"}
        if modals & {"would", "might", "could", "may"} and _reported(modal):
            # "said schools would remain closed Thursday", "warned that power might not be
            # restored until Friday": the future of the day it was said.
            return True
        # "expected to weaken and exit the area by Thursday": the second verb shares the first's "to"
        infinitive = (
            verb.head if verb.dep_ == "conj" and verb.tag_ == "VB" and verb.head.tag_ == "VB" else verb
        )
        if (
            infinitive.tag_ == "VB"
            and any(c.dep_ == "aux" and c.tag_ == "TO" for c in infinitive.children)
            and (infinitive.head.lemma_.lower() in _DIRECTIVES or infinitive.head.lower_ in _BOUND_TO)
        ):
            # "ordered Ford to surrender by Feb. 14", "was due to call on the minister on
            # Tuesday": what was ordered or scheduled comes after.
            return True
        if verb.tag_ == "VBD" and not auxiliaries:
            return False
    words = [t for t in sentence if not (span.start <= t.i < span.end)]
    # The reporting verb's tense is the article's ("the company said the phone goes on sale").
    told = [t for t in words if t.lemma_.lower() not in _REPORTING]
    if any(
        t.tag_ == "VBD" or (t.tag_ == "VBN" and t.dep_ != "amod" and not _present_passive(t)) for t in told
    ):
        return any(t.lower_ in {"will", "'ll", "shall"} for t in words)  # "will have finished"
    if any(t.lower_ in _AHEAD_WORDS for t in words) or (
        any(t.lower_ == "going" for t in words) and any(t.lower_ == "to" for t in words)
    ):
        return True
    has_verb = any(t.pos_ in {"VERB", "AUX"} for t in words)
    if has_verb:
        if (
            verb.tag_ in {"VBZ", "VBP"}
            and verb.lemma_.lower() not in _REPORTING | {"be", "have"}
            and (
                text_of(doc).rfind("\n", 0, start)
                > 0  # not the headline, which tells the past in the present
            )
        ):
            return True  # "Bristol City face Leicester City on Wednesday": a fixture, a plan
        if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
            # "Leeds travel to Bristol to face City on Thursday", "is expected to appear in court
            # on Monday": what an infinitive names is still to come when nothing in the sentence
            # is told in the past.
            return True
        return None
    return SCORE.search(sentence.text) is None


# Verbs whose infinitive is what someone must or may do later: "ordered X to surrender by".
_DIRECTIVES = frozenset("order tell ask urge require direct instruct give allow force expect plan".split())


def _item_of_an_announced_schedule(text: str, start: int, end: int) -> bool:
    """The time opens a list line ("Friday: heavy rain continuing ...") under a lead-in line
    that ends with a colon and speaks of what is to come ("The expected schedule is as
    follows:", "The forecast for the coming days:")."""
    if (start and text[start - 1] != "\n") or not text[end:].lstrip(" ").startswith(":"):
        return False
    line_end = start - 1
    for _ in range(12):  # back over the other items to the lead-in
        line_start = text.rfind("\n", 0, max(0, line_end)) + 1
        line = text[line_start:line_end].strip()
        if line.endswith(":") and not _LIST_ITEM.match(line):
            return bool(_AHEAD_WORDS_RE.search(line))
        if line and not _LIST_ITEM.match(line):
            return False
        if line_start == 0:
            return False
        line_end = line_start - 1
    return False


# A list item that opens with a short label and a colon ("Friday: ...", "Thursday night: ...").
_LIST_ITEM = re.compile(r"^[A-Z][\w ]{0,25}:\s")
_AHEAD_WORDS_RE = re.compile(
    r"\b(?:expected|schedule|scheduled|forecast|forecasts|outlook|coming|upcoming|will|ahead|next)\b", re.I
)


# Verbs that move an end or a start later: what they move it to is ahead.
_DEFERRING = frozenset("extend prolong postpone delay defer adjourn push".split())
_UNTIL_BEFORE = re.compile(r"\b(?:until|till|to)\s+\Z", re.I)
_UNTIL_OPENS = re.compile(r"(?:until|till)\b", re.I)


# Words of a timetable that take an infinitive: "due to call", "set to open", "slated to meet".
_BOUND_TO = frozenset("due set slated scheduled poised".split())


# Verbs whose clause complement is part of their own event: "have electricity restored".
_LIGHT_VERBS = frozenset("have get keep see".split())


def _has_subject(verb: Any) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children)


def _present_passive(participle: Any) -> bool:
    """'is scheduled', 'are expected': a present passive says nothing of the past."""
    return any(
        c.dep_ == "auxpass" and c.lower_ in {"is", "are", "am", "'s", "'re", "be"}
        for c in participle.children
    )


def _reported(verb: Any) -> bool:
    """The verb is in the clause a reporting verb governs ("said ... would remain")."""
    head = verb
    for _ in range(3):
        if head.dep_ in {"ccomp", "xcomp", "conj"} and head.head.lemma_.lower() in _REPORTING | _WARNING:
            return True
        if head.head.i == head.i:
            return False
        head = head.head
    return False


def _resolve(
    draft: TimeDraft, kind: str, match: re.Match[str], published: date | None, ahead: bool | None = False
) -> None:
    expression = draft.text.lower()
    if kind == "weekday":
        assert published is not None
        name = next(w for w in WEEKDAYS if w in expression)
        target = WEEKDAYS.index(name)
        if expression.startswith("next"):
            delta = (target - published.weekday()) % 7 or 7
            value = published + timedelta(days=delta)
        elif ahead and not expression.startswith("last"):
            # "will go on sale on Friday": the next such day from the publication day.
            value = published + timedelta(days=(target - published.weekday()) % 7)
        else:
            # News speaks of the past week: the last such day up to the publication day.
            delta = (published.weekday() - target) % 7
            value = published - timedelta(days=delta)
        draft.value, draft.precision, draft.basis = value.isoformat(), "day", "relative"
    elif kind == "relday":
        assert published is not None
        offsets = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "the day before yesterday": -2}
        value = published + timedelta(days=offsets[expression])
        draft.value, draft.precision, draft.basis = value.isoformat(), "day", "relative"
    elif kind == "ago":
        assert published is not None
        raw = match.group("n").lower()
        count = _NUMBERS.get(raw) or (1 if raw in {"a", "an"} else int(raw))
        unit = match.group("unit").lower().rstrip("s")
        if unit in {"month", "year"}:
            # by the calendar: "12 months ago" on 2026-06-28 is June 2025, not July (360 days)
            months = published.year * 12 + published.month - 1 - count * (12 if unit == "year" else 1)
            value = date(months // 12, months % 12 + 1, 1)
        else:
            value = published - timedelta(days={"day": 1, "week": 7}[unit] * count)
        precision = {"day": "day", "week": "day", "month": "month", "year": "year"}[unit]
        draft.value = (
            value.isoformat() if precision == "day" else value.isoformat()[: 7 if precision == "month" else 4]
        )
        draft.precision, draft.basis = precision, "relative"
    elif kind == "period":
        assert published is not None
        direction, unit = match.group("dir").lower(), match.group("punit").lower()
        shift = {"last": -1, "past": -1, "this": 0, "next": 1}[direction]
        if unit in {"week", "weekend"}:
            monday = published - timedelta(days=published.weekday()) + timedelta(weeks=shift)
            draft.value, draft.precision = (
                f"{monday.isocalendar().year}-W{monday.isocalendar().week:02d}",
                "week",
            )
        elif unit == "month":
            month = published.month - 1 + shift
            draft.value, draft.precision = f"{published.year + month // 12}-{month % 12 + 1:02d}", "month"
        else:
            draft.value, draft.precision = str(published.year + shift), "year"
        draft.basis = "relative"
    elif kind in {"dmy", "mdy", "iso"}:
        explicit_year = _has_year(draft.text)
        parsed = fast_parse(
            draft.text if explicit_year else f"{draft.text} {published.year if published else 2000}"
        )
        if parsed is None:
            draft.reason = "not a calendar date"
            return
        value = parsed.date()
        if not explicit_year and published is not None:
            value = _year_for(value, published, ahead)
        draft.value, draft.precision = value.isoformat(), "day"
        draft.basis = "explicit" if explicit_year else ("relative" if published else "explicit")
    elif kind == "year":
        draft.value, draft.precision, draft.basis = match.group("year"), "year", "explicit"


def _year_for(value: date, published: date, ahead: bool | None) -> date:
    """The year of a year-less date: in a schedule or the future, the next occurrence on or
    after the publication date; in past narration, the last one up to it (a month's grace for
    dates just ahead: "Dec. 30" in a January story is last December's); in the present tense,
    the occurrence nearest the publication date (an Aug. 30 primary in a July story is weeks
    ahead, not eleven months back)."""
    if ahead is None:
        return min(
            (_same_day(value, value.year + shift) for shift in (-1, 0, 1)),
            key=lambda day: (abs((day - published).days), day > published),
        )
    if ahead:
        while value < published:
            value = _same_day(value, value.year + 1)
        while _same_day(value, value.year - 1) >= published:
            value = _same_day(value, value.year - 1)
        return value
    if value > published + timedelta(days=31):
        return _same_day(value, value.year - 1)
    return value


def _same_day(value: date, year: int) -> date:
    """``value`` in ``year`` (29 February falls back to the 28th)."""
    try:
        return value.replace(year=year)
    except ValueError:
        return value.replace(year=year, day=28)


def _resolve_ordinal(draft: TimeDraft, number: int, phrase: str, drafts: list[TimeDraft], text: str) -> None:
    """'the fourth day of the assault' → the assault's start + 3 days, when the article
    dates the start (a resolved time in a sentence that names such an event)."""
    phrase = phrase.strip()
    # The last event word is the head: "the hunger strike", "the ceasefire talks".
    found = next(reversed(list(_EVENT_WORDS.finditer(phrase))), None)
    event = found.group(1) if found else phrase
    # The expression ends with the event noun: "the fourth day of the biggest assault".
    if found:
        draft.end = (
            draft.start + draft.text.find(found.group(1), len(draft.text) - len(phrase)) + len(found.group(1))
        )
        draft.text = text[draft.start : draft.end]
    if not found:
        draft.end = draft.start + len(draft.text.rstrip())
        draft.text = text[draft.start : draft.end]
        draft.reason = f"day {number} of '{event}', an event the article does not date"
        return
    # Modifiers that name another event ("hunger strike" is not a strike of workers).
    words = phrase[: found.start()].split()
    family = _family(event) if not words or words[-1].lower() != "hunger" else ("hunger strike",)
    for other in drafts:
        if other is draft or other.value is None or other.precision != "day":
            continue
        sentence_start = max(text.rfind(". ", 0, other.start), text.rfind("\n", 0, other.start)) + 1
        sentence_end = min(
            (i for i in (text.find(". ", other.end), text.find("\n", other.end)) if i >= 0), default=len(text)
        )
        sentence = text[sentence_start:sentence_end].lower()
        if any(re.search(rf"\b{re.escape(w)}\b", sentence) for w in family):
            start = date.fromisoformat(other.value)
            draft.value = (start + timedelta(days=number - 1)).isoformat()
            draft.precision, draft.basis = "day", "relative"
            draft.reason = f"day {number} counted from '{other.text}' ({other.value}), when the {event} began"
            return
    draft.reason = f"day {number} of the {event}, whose start the article does not date"
