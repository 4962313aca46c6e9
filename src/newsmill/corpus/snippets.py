"""Search snippets as plain text plus highlight offsets.

SQLite's ``snippet()`` wraps each match in private marker characters (``MARK_OPEN``,
``MARK_CLOSE`` in ``corpus.search``). Readers get the plain text and, where they can use
them, the ``[start, end)`` offsets of the matches in it (code points, as Python indexes a
string): no markdown ``**`` to strip, and nothing to misread when the text has ``**`` itself.
"""

from __future__ import annotations

MARK_OPEN, MARK_CLOSE = "\x02", "\x03"


def split_marks(snippet: str | None) -> tuple[str, list[tuple[int, int]]]:
    """``snippet`` without its match markers, and the offsets of the matches in the result."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    length, opened = 0, None
    for char in snippet or "":
        if char == MARK_OPEN:
            opened = length
        elif char == MARK_CLOSE:
            if opened is not None and length > opened:
                spans.append((opened, length))
            opened = None
        else:
            plain.append(char)
            length += 1
    return "".join(plain), spans


def snippet_parts(snippet: str | None) -> list[tuple[str, bool]]:
    """The snippet as ``(text, is_match)`` pieces in order (for a page to escape and mark)."""
    text, spans = split_marks(snippet)
    parts: list[tuple[str, bool]] = []
    at = 0
    for start, end in spans:
        if start > at:
            parts.append((text[at:start], False))
        parts.append((text[start:end], True))
        at = end
    if at < len(text):
        parts.append((text[at:], False))
    return parts
