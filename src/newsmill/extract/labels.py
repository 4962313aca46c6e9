"""The labels of a plain-text page's lines, and the tests that read one line on its own.

``text.py`` runs the passes over the whole page. Here are the labels, the first look each
line gets by itself (furniture, byline, timestamp, dateline or body), and the shape tests
those passes ask of a single line: headline, standfirst, list item, link, tag line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from newsmill.extract.furniture import furniture_reason
from newsmill.extract.lines import STOPWORDS, Line
from newsmill.extract.meta import (
    ORG_WORDS,
    BylineMatch,
    DatelineMatch,
    TimestampMatch,
    find_byline,
    find_dateline,
    find_name_line,
    find_timestamp,
)
from newsmill.model import BoilerplateReason
from newsmill.settings import ExtractSettings


class LineLabel(StrEnum):
    TITLE = "title"
    STANDFIRST = "standfirst"
    BYLINE = "byline"
    TIMESTAMP = "timestamp"
    DATELINE = "dateline-paragraph"
    BODY = "body"
    BOILERPLATE = "boilerplate"


@dataclass(slots=True)
class LabelledLine:
    line: Line
    label: LineLabel
    reason: BoilerplateReason | None = None
    dateline: DatelineMatch | None = None
    byline: BylineMatch | None = None
    timestamp: TimestampMatch | None = None


def first_look(line: Line, settings: ExtractSettings) -> LabelledLine:
    """Labels a line can get on its own: furniture, byline, timestamp, dateline or body."""
    reason = furniture_reason(line)
    if reason is BoilerplateReason.NAVIGATION and line.n_words <= settings.max_headline_words:
        # "Feb 27, 2022 | 21:48 JST | KYODO NEWS" has a menu's shape but is a timestamp.
        stamp = find_timestamp(line.text, line.n_words)
        if stamp is not None:
            return LabelledLine(line, LineLabel.TIMESTAMP, timestamp=stamp)
    if reason is not None:
        return LabelledLine(line, LineLabel.BOILERPLATE, reason)
    if line.n_words <= settings.max_headline_words:
        stamp = find_timestamp(line.text, line.n_words)
        byline = find_byline(line.text, line.n_words)
        if byline is not None:
            # A byline may carry the timestamp after a pipe: "By Jane Doe | 27 Feb 2022".
            tail_stamp = _timestamp_after_byline(line, byline) or stamp
            return LabelledLine(line, LineLabel.BYLINE, byline=byline, timestamp=tail_stamp)
        if stamp is not None:
            return LabelledLine(line, LineLabel.TIMESTAMP, timestamp=stamp)
    dateline = find_dateline(line.text)
    if dateline is not None and line.prose > 0:
        return LabelledLine(line, LineLabel.DATELINE, dateline=dateline)
    return LabelledLine(line, LineLabel.BODY)


def _timestamp_after_byline(line: Line, byline: BylineMatch) -> TimestampMatch | None:
    if not byline.names:
        return None
    cut = byline.names[-1][1]
    # "Jane Doe | Reuters | Updated: 3 May 2024": try the text after each joiner.
    starts = [cut] + [cut + m.end() for m in re.finditer(r"\s[|/•·]\s", line.text[cut:])]
    for start in starts:
        rest = line.text[start:]
        stamp = find_timestamp(rest.lstrip(" ,|/•·-–—"), len(rest.split()))
        if stamp is not None:
            shift = start + len(rest) - len(rest.lstrip(" ,|/•·-–—"))
            return TimestampMatch(stamp.start + shift, stamp.end + shift, stamp.value, stamp.has_time)
    return None


# A line that ends a sentence (closing quotes allowed after the stop).
_SENTENCE_END = re.compile(r"[.!?…。！？][\"”’'」』]?\s*$")


def list_item_like(line: Line) -> bool:
    """A headline: a few words, one clause, no closing full stop."""
    return 2 <= line.n_words <= 25 and not _SENTENCE_END.search(line.text)


def short_heading(line: Line) -> bool:
    return line.n_words <= 6 and not line.terminal


def is_prose(item: LabelledLine) -> bool:
    return item.label in (LineLabel.BODY, LineLabel.DATELINE) and item.line.prose > 0


# A bare number near the top is a like, share or comment counter beside its button.
COUNTER = re.compile(r"^\d[\d,.]*[kKmM]?$")


# "Updated: 2 hours ago", "Posted 5 minutes ago": a relative stamp, not a headline.
_RELATIVE_STAMP = re.compile(r"^(?:(?:last )?updated|published|posted)\b|\bago\s*$", re.I)


def title_candidate(line: Line, settings: ExtractSettings) -> bool:
    if not _headline_like(line, settings) or line.n_words < 3 or _RELATIVE_STAMP.search(line.text):
        return False
    # A line of names ("Ciara Nugent and Ben Quinn") is a byline, not a headline; nor is a
    # publication's name ("Valley News Scotland").
    if (
        line.n_words <= 4
        and all(w[:1].isupper() for w in line.words)
        and ({w.lower() for w in line.words} & ORG_WORDS)
    ):
        return False
    return line.n_words > 8 or find_name_line(line.text, line.n_words, organisations=True) is None


def standfirst_under(title: Line, line: Line) -> bool:
    """``line`` is a standfirst under the headline ``title``: at least as long, reads more
    like prose, and is not in Title Case."""
    return (
        title.n_words >= 5
        and line.n_words >= max(8, title.n_words)
        and line.prose > title.prose
        and line.title_case_ratio < 0.5
    )


# A full stop after an initial or a short abbreviation ("S. Korea", "Dr. Rao", "U.S.
# Senate") does not end a sentence.
_SENTENCE_BREAK = re.compile(
    r"(?<![^\W\d_])(?:[^\W\d_]{3,}|\d+)[.!?][\"”’']?\s+[A-Z“\"]|[!?][\"”’']?\s+[A-Z“\"]"
)
_ABBREVIATIONS = frozenset(
    "mrs capt gen gov sen rep col sgt prof inc corp ltd jan feb aug sept oct nov dec".split()
)


def sentence_breaks(text: str) -> int:
    return sum(
        1
        for match in _SENTENCE_BREAK.finditer(text)
        if match.group().split(".")[0].lower() not in _ABBREVIATIONS
    )


def _headline_like(line: Line, settings: ExtractSettings) -> bool:
    sentences = sentence_breaks(line.text)
    return 1 <= line.n_words <= settings.max_headline_words and sentences == 0 and not line.text.endswith(":")


def link_like(item: LabelledLine) -> bool:
    line = item.line
    return (
        item.label is LineLabel.BODY
        and 3 <= line.n_words <= 25
        and (line.prose < 0 or line.trailing_joiner)
        and not _SENTENCE_END.search(line.text)
    )


def tag_line(line: Line) -> bool:
    """'Tax, Personal finance, Federal budget': three or more short comma-separated items."""
    items = [item.strip() for item in line.text.split(",")]
    return (
        len(items) >= 3
        and all(1 <= len(item.split()) <= 3 and item[:1].isalnum() for item in items)
        and not line.terminal
    )


def content_words(text: str) -> set[str]:
    return {w.lower().strip("'’") for w in re.findall(r"[^\W\d_]{4,}", text) if w.lower() not in STOPWORDS}
