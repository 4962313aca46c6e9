"""Sentence lookup by token, in logarithmic time.

spaCy's ``Token.sent`` and ``Span.sent`` walk the Doc from its start on every call, which
makes per-mention lookups quadratic on long articles; this index is built once per Doc.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

_CACHE: dict[int, tuple[Any, list[int], list[Any]]] = {}


def sentence_of(doc: Any, token_index: int) -> Any:
    """The sentence (a Span) holding token ``token_index`` of ``doc``."""
    cached = _CACHE.get(id(doc))
    if cached is None or cached[0] is not doc:
        sentences = list(doc.sents)
        cached = (doc, [s.start for s in sentences], sentences)
        _CACHE.clear()  # one Doc at a time: the stages run doc by doc
        _CACHE[id(doc)] = cached
    _, starts, sentences = cached
    return sentences[max(0, bisect.bisect_right(starts, token_index) - 1)]


_TEXT: dict[int, tuple[Any, str]] = {}


def text_of(doc: Any) -> str:
    """``doc.text``, built once: spaCy joins every token on each access."""
    cached = _TEXT.get(id(doc))
    if cached is None or cached[0] is not doc:
        _TEXT.clear()
        cached = (doc, doc.text)
        _TEXT[id(doc)] = cached
    return cached[1]


def tokens_in(doc: Any, start: int, end: int) -> list[Any]:
    """The tokens covering the characters ``start:end`` of ``doc`` (widened to whole tokens)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def root_of(doc: Any, start: int, end: int) -> Any:
    """The syntactic head of the characters ``start:end`` of ``doc``, or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def opens_sentence(text: str, position: int) -> bool:
    """The word at ``position`` is the first of its line or follows a sentence's end (a word
    capitalised only for that: "Man jailed ...", "Farmer Sione Tupou said")."""
    before = text[max(0, position - 3) : position]
    return position == 0 or before.endswith("\n") or bool(re.search(r"[.!?][\"”’]?\s+$", before))
