"""The article's language, detected from its own words (py3langid, offline, ~1 ms a page).

A page's declared language (``<html lang>``, JSON-LD ``inLanguage``) is often a site-wide
template value and says nothing about scraped plain text, so the record's ``language`` is
what the article's title and body are written in; the declaration is kept beside it. Short
texts are unreliable for any character n-gram model: below ``MIN_CHARS`` of article text, or
when the model is unsure, the declaration (reduced to its primary subtag) stands instead.
"""

from __future__ import annotations

import functools
from typing import Any

from newsmill.model import Record

# Under ~100 characters langid's guesses swing between related languages; a headline alone
# is not enough.
MIN_CHARS = 120
# Normalised probability below which the detection is not trusted (langid's own scale).
MIN_PROBABILITY = 0.9
# Enough text to decide; classifying more costs time and changes nothing.
MAX_CHARS = 5_000


@functools.cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str | None, float]:
    """ISO 639-1 code of ``text`` and the model's probability, or (None, 0.0) if too short."""
    sample = text[:MAX_CHARS]
    if len(sample.strip()) < MIN_CHARS:
        return None, 0.0
    code, probability = _identifier().classify(sample)
    return str(code), float(probability)


def primary_subtag(declared: str | None) -> str | None:
    """'en-GB' → 'en'; None or junk → None."""
    if not declared:
        return None
    head = declared.strip().replace("_", "-").split("-")[0].lower()
    return head if head.isalpha() and 2 <= len(head) <= 3 else None


def mark_language(record: Record) -> Record:
    """Fill ``record.language`` from the article text; keep the page's declaration."""
    parts = [p.text for p in (record.title, record.subtitle, *record.paragraphs) if p is not None]
    code, probability = detect_language("\n".join(parts))
    record.language_declared = record.language_declared or record.language
    if code is not None and probability >= MIN_PROBABILITY:
        record.language = code
    else:
        record.language = primary_subtag(record.language_declared)
    return record
