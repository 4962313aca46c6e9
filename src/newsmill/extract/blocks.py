"""Which body paragraphs are not prose: lists, tables, results, schedules and headings.

News pages carry results tables, tour dates, TV listings, ingredient lists and stat lines
between their prose paragraphs. They stay in the record (``paragraphs``, ``text``) and are
read for entities, places and times, but the analysis reads no quotes or events in them: a
line "Wakefield Ravens 24-17 Bradford Millers" reports a score, not an assault. The test is
on the line's shape alone (no parse): prose ends a sentence and runs to several words; a
line that does neither is marked with the kind its pattern shows.
"""

from __future__ import annotations

import re

from newsmill.model import Block, Record

_TERMINAL = re.compile(r"[.!?…:;\"'”’)\]]\s*$")
_BULLET = re.compile(r"^\s*(?:[•·▪●◦*\-–—]|\d{1,3}[.)]|[a-z][.)])\s+")
# A result: "24-17", "3 – 1" (also read by analyze/times.py: a dated result line is past).
SCORE = re.compile(r"\b\d{1,3}\s*[-–]\s*\d{1,3}\b")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?"
_DATED = re.compile(
    rf"^\s*(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH}|\d{{1,2}}[/.]\d{{1,2}}|{_WEEKDAY}$)",
    re.I,
)
_CLOCK = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}:\d{2}\b", re.I)
_QUANTITY = re.compile(r"^\s*(?:\d+(?:[.,/]\d+)?|½|¼|¾)\s*(?:g|kg|ml|l|oz|lb|tbsp|tsp|cups?|x)?\b", re.I)
_NUMBER = re.compile(r"^[\d.,%$£€+\-–:/]+$")
# Prose paragraphs have at least this many words.
MIN_PROSE_WORDS = 6


def block_kind(text: str) -> str | None:
    """``None`` for prose, else the kind of line: table, result, schedule, list or heading."""
    stripped = text.strip()
    words = stripped.split()
    if not words:
        return None
    if "\t" in stripped or stripped.count("|") >= 2:
        return "table"
    numbers = sum(1 for w in words if _NUMBER.match(w))
    if len(words) >= 4 and numbers / len(words) >= 0.4:
        return "table"
    terminal = bool(_TERMINAL.search(stripped))
    if terminal and len(words) >= MIN_PROSE_WORDS and not _BULLET.match(stripped):
        return None
    if SCORE.search(stripped) and len(words) <= 25:
        return "result"
    if _DATED.match(stripped) or (_CLOCK.search(stripped) and len(words) <= 12):
        return "schedule"
    if _BULLET.match(stripped) or _QUANTITY.match(stripped):
        return "list"
    if len(words) <= 12:
        return "heading" if not terminal else None
    return None


def mark_blocks(record: Record) -> Record:
    """Fill ``record.blocks`` with the body paragraphs that are not prose."""
    record.blocks = [
        Block.of(record.text, p.start, p.end, kind=kind)
        for p in record.paragraphs
        if (kind := block_kind(p.text)) is not None
    ]
    return record
