"""newsmill's Doc extensions, registered once (idempotent), all prefixed ``newsmill_``."""

from __future__ import annotations

from spacy.tokens import Doc

EXTENSIONS = {
    "newsmill_entities": "entities: dicts with id, kind, name, role, country, sector, mentions",
    "newsmill_quotes": "quotes: dicts with kind, content, cue, speaker, speaker_entity, speaker_name, ...",
    "newsmill_times": "time expressions: dicts with start, end, text, value, precision, basis, reason",
    "newsmill_events": "PLOVER events: dicts with type, mode, status, trigger, actors, recipients, ...",
    "newsmill_published": "the publication date (ISO 8601) that relative times resolve against",
}


def register_extensions() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
