"""Record ↔ Doc: the article's parts become one Doc, and Doc offsets map back to the record.

The Doc holds only what the article says (title, standfirst, body paragraphs), never the
page furniture: trending headlines must not yield entities. Parts are joined by blank
lines, and a table of segments maps each Doc offset to its offset in ``record.text``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from newsmill.model import Record, Span

SEPARATOR = "\n\n"


@dataclass(slots=True)
class ArticleText:
    """The Doc's text and where each of its segments sits in the record's text."""

    text: str
    doc_starts: list[int]
    record_starts: list[int]
    lengths: list[int]

    truncated: bool = False

    @classmethod
    def of(cls, record: Record, max_chars: int = 200_000) -> ArticleText:
        """The article's parts, up to ``max_chars`` (a news article is far shorter; a page
        that is not would cost the parser a gigabyte per 100k characters)."""
        parts = [p for p in (record.title, record.subtitle, *record.paragraphs) if p is not None]
        doc_starts, record_starts, lengths, pieces = [], [], [], []
        position = 0
        truncated = False
        for part in parts:
            if position + len(part.text) > max_chars:
                truncated = True
                break
            doc_starts.append(position)
            record_starts.append(part.start)
            lengths.append(len(part.text))
            pieces.append(part.text)
            position += len(part.text) + len(SEPARATOR)
        return cls(SEPARATOR.join(pieces), doc_starts, record_starts, lengths, truncated)

    def to_record(self, start: int, end: int) -> tuple[int, int] | None:
        """Record offsets of the Doc range [start, end), or None if it crosses two parts."""
        index = bisect.bisect_right(self.doc_starts, start) - 1
        if index < 0:
            return None
        offset = start - self.doc_starts[index]
        if end - self.doc_starts[index] > self.lengths[index]:
            return None
        base = self.record_starts[index]
        return base + offset, base + offset + (end - start)

    def span(self, record: Record, start: int, end: int) -> Span | None:
        mapped = self.to_record(start, end)
        return Span.of(record.text, *mapped) if mapped else None

    def to_doc(self, start: int, end: int) -> tuple[int, int] | None:
        """Doc offsets of a record range (e.g. the dateline), when it lies in the article."""
        for doc_start, record_start, length in zip(
            self.doc_starts, self.record_starts, self.lengths, strict=True
        ):
            if record_start <= start and end <= record_start + length:
                return doc_start + start - record_start, doc_start + end - record_start
        return None
