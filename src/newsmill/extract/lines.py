"""Lines of a scraped page and the features that tell prose from page furniture.

A *line* here is one visual unit of the page: a physical line, or several when a paragraph
was hard-wrapped (a line with no closing punctuation followed by one starting in lower
case). Offsets always point into the page text, so every label becomes a span.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

_LINE_BREAK = re.compile(r"\r\n|\n|\r")
WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
# Sentence-final punctuation, optionally followed by closing quotes or brackets (the ideographic
# full stop and marks of Chinese and Japanese included).
_TERMINAL = re.compile(r"[.!?…:;。！？][\"'”’»)\]」』]*\s*$|[\"”’»][.!?]\s*$")


def closes(text: str) -> bool:
    """Whether ``text`` ends as a sentence does (closing punctuation, any quote or bracket after)."""
    return bool(_TERMINAL.search(text))


# Scripts written without spaces between words (Chinese, Japanese kana and kanji, Thai, Lao,
# Khmer, Myanmar): to WORD a whole clause is one word. Their length is counted in words of two
# characters (Chinese words average under two characters, Japanese and Thai a little more), so
# the length measures tuned on spaced text hold for them.
_UNSPACED = re.compile(
    r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
)
_UNSPACED_WORD_CHARS = 2


def unspaced(text: str) -> bool:
    """``text`` holds a character of a script written without spaces."""
    return bool(_UNSPACED.search(text))


# Their function words, as characters or short strings: Japanese particles and auxiliaries,
# Chinese function characters, Thai function words. Prose is dense with them (about a fifth of
# a Japanese sentence's characters, a tenth of a Chinese one's); headlines and menus are not.
_UNSPACED_FUNCTION = re.compile(
    r"[のにはをがでとたしてもへやかなだ的了是在和有不这也就都而及与之其]|ที่|และ|ของ|ใน|เป็น|ได้|ว่า|มี|จะ|ไม่|ให้|กับ"
)
# A scraper joining link texts with " - " leaves this at the end of each headline.
_TRAILING_JOINER = re.compile(r"\s[-–—|•·]\s*$")

STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "may",
        "me",
        "might",
        "more",
        "most",
        "must",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "upon",
        "us",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "said",
        "says",
        "say",
        "told",
        "according",
    ]
)
# The commonest function words of the other languages news scrapes often hold, so that a
# paragraph in German or Spanish still reads as prose (the density matters, not the word).
FOREIGN_STOPWORDS = frozenset(
    """der die das und ist nicht mit den dem des ein eine einer sich auf für von zu im sie
    er es wird werden hat haben sagte le la les et est une un des du dans pour que qui pas
    sur au aux avec il elle ce sont a été el los las y en del por con para una es se lo al
    su o il di che non della per gli nel è o de em um uma os do da com não het een van
    dat zijn op te niet met""".split()
)
_PROSE_WORDS = STOPWORDS | FOREIGN_STOPWORDS


@dataclass(slots=True)
class Line:
    """One unit of the page with its features. ``start``/``end`` exclude outer whitespace."""

    index: int
    start: int
    end: int
    text: str
    blank_before: bool
    words: list[str] = field(default_factory=list)
    n_words: int = 0
    terminal: bool = False
    trailing_joiner: bool = False
    title_case_ratio: float = 0.0
    stopword_ratio: float = 0.0
    prose: float = 0.0  # log-odds that the line is article prose

    @property
    def is_upper(self) -> bool:
        # str.isupper: every cased character is upper case, and there is one at least.
        return self.text.isupper() and sum(c.isalpha() for c in self.text[:8]) >= 2


def physical_lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every physical line, line breaks excluded."""
    bounds: list[tuple[int, int]] = []
    position = 0
    for brk in _LINE_BREAK.finditer(text):
        bounds.append((position, brk.start()))
        position = brk.end()
    bounds.append((position, len(text)))
    return bounds


def split_lines(text: str) -> list[Line]:
    """Non-blank lines of ``text`` (``\\n``, ``\\r\\n`` or ``\\r``), hard wraps joined."""
    lines: list[Line] = []
    blank_before = False
    bounds = physical_lines(text)
    width = wrap_width([len(text[a:b].strip()) for a, b in bounds])
    previous_raw = ""
    for line_start, line_end in bounds:
        raw = text[line_start:line_end]
        stripped = raw.strip()
        if not stripped:
            blank_before = True
            continue
        start = line_start + len(raw) - len(raw.lstrip())
        end = start + len(stripped)
        if lines and not blank_before and _continues(lines[-1].text, stripped, previous_raw, width):
            lines[-1].end = end
            lines[-1].text = text[lines[-1].start : end]
        else:
            lines.append(Line(len(lines), start, end, stripped, blank_before))
        blank_before = False
        previous_raw = stripped
    for line in lines:
        describe(line)
    return lines


# Margin under the wrap width within which a line counts as filled to the width.
_WRAP_SLACK = 14
# Title abbreviations that end a wrapped line without ending the sentence ("in St." / "Petersburg").
_LINE_END_ABBREVIATION = re.compile(r"\b(?:St|Ste|Mt|Ft|Dr|Mr|Mrs|Ms|Gen|Gov|Sen|Rep|Lt|Col|Capt|Prof)\.$")


def wrap_width(lengths: list[int]) -> int | None:
    """The width a hard-wrapped document was wrapped at, if it was: many lines ending just
    under the same width (60 to ~100 characters), few lines longer than it."""
    long = [n for n in lengths if n >= 40]
    if len(long) < 6:
        return None
    best, best_count = None, 0
    for width in sorted(set(long)):
        if width > 100:
            break
        if width < 60:
            continue  # a column of headlines, not text wrapped at a terminal's width
        count = sum(width - _WRAP_SLACK <= n <= width for n in long)
        if count > best_count:
            best, best_count = width, count
    if best is None or best_count < 5 or best_count < 0.5 * len(long):
        return None
    if sum(n > best for n in long) > 0.1 * len(long):
        return None  # long unwrapped paragraphs: the short lines are something else
    return best


def _continues(previous: str, current: str, previous_raw: str = "", width: int | None = None) -> bool:
    """A hard-wrapped paragraph: the previous line runs on into a lower-case start, or, in a
    document wrapped at ``width``, a line filled to the width runs on whatever the case."""
    # A filled line of a dozen words or more: a headline in a list that happens to be long
    # ("Ukraine crisis: Japanese nationals urged to leave as fighting spreads") is not.
    filled = width is not None and len(previous_raw) >= width - _WRAP_SLACK and len(previous.split()) >= 12
    if filled and (not _TERMINAL.search(previous) or _LINE_END_ABBREVIATION.search(previous)):
        return True
    if _TERMINAL.search(previous) or len(previous.split()) < 5:
        return False
    first = current.lstrip("\"'“‘(")[:1]
    # A wrapped number continues a long line ("5 percent of ..."); a numbered item ("5. ...")
    # or a date ("12 March 2024", "21 shares" under a timestamp) does not.
    wrapped_number = len(previous) >= 50 and re.match(r"[\d,.]+%?\s+[a-z]{3,}(?:\s+\w+){2}", current)
    return first.islower() or bool(wrapped_number)


def describe(line: Line) -> None:
    """Compute the features of ``line`` in place."""
    words = WORD.findall(line.text)
    line.words = words
    unspaced_chars = len(_UNSPACED.findall(line.text))
    line.n_words = len(words)
    if unspaced_chars:
        runs = sum(1 for w in words if _UNSPACED.search(w))
        line.n_words += -runs + max(runs, round(unspaced_chars / _UNSPACED_WORD_CHARS))
    line.terminal = bool(_TERMINAL.search(line.text))
    line.trailing_joiner = bool(_TRAILING_JOINER.search(line.text))
    rest = [w for w in words[1:] if w[0].isalpha()]
    line.title_case_ratio = sum(w[0].isupper() for w in rest) / len(rest) if rest else 0.0
    line.stopword_ratio = sum(w.lower() in _PROSE_WORDS for w in words) / len(words) if words else 0.0
    if unspaced_chars * 2 > sum(len(w) for w in words):
        # Function-word density by characters, on the scale of spaced text's stopword share.
        function = sum(len(m) for m in _UNSPACED_FUNCTION.findall(line.text))
        line.stopword_ratio = min(1.0, 2.0 * function / unspaced_chars)
    line.prose = prose_score(line)


def prose_score(line: Line) -> float:
    """Log-odds that a line is article prose rather than a headline, label or link.

    Hand-set weights over the features the literature on boilerplate detection relies on
    (length, closing punctuation, stopword density, capitalisation); the weights were
    chosen so that a single-sentence paragraph still scores as prose and a Title Case
    link headline of any length does not.
    """
    if line.n_words == 0:
        return -3.0
    score = -1.2
    score += 2.2 if line.terminal else 0.0
    score += 0.08 * min(line.n_words, 40)
    score += 2.5 * line.stopword_ratio
    score -= 3.0 * line.title_case_ratio
    score -= 2.5 if line.trailing_joiner else 0.0
    score -= 1.5 if line.n_words <= 3 else 0.0
    if line.is_upper and line.n_words > 1:
        score -= 1.5
    return max(-4.0, min(4.0, score))


def weight(line: Line) -> float:
    """Contribution of a line to the body region: prose words count for, others against."""
    return math.tanh(line.prose) * max(line.n_words, 1)
