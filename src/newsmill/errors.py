"""Every exception newsmill raises, and a coded message catalogue.

Hierarchy (catch the base to catch them all)::

    NewsmillError
    ├── InputError            the source cannot be read as a document (exit code 2)
    │   ├── EmptyInput        nothing but whitespace
    │   ├── BinaryInput       bytes that are not text (NUL bytes, control characters)
    │   ├── InputTooLarge     over ``Settings.ingest.max_bytes``
    │   └── DecodeError       no encoding decodes the bytes
    ├── ExtractError          a document was read but no article could be built
    │   └── NoArticleFound    every line is page furniture (exit code 1)
    ├── AnalyzeError
    ├── StoreError            the corpus store cannot be opened, read or queried
    │   ├── StoreVersionError a store written by a newer newsmill, or not a newsmill store
    │   ├── QueryError        a malformed search query or filter, or one over the term caps (exit code 2)
    │   ├── QueryTimeout      a query that ran past its time budget (the server's 503)
    │   ├── StoreCorrupt      the file is damaged (`newsmill check --db` says where)
    │   └── StoreBusy         another process is writing the store (one writer at a time)
    └── ConfigError           bad settings or arguments (exit code 2)

Messages carry a code (``[E001] ...``) so they are easy to grep in logs, as in spaCy's
``errors.py``.
"""

from __future__ import annotations


class NewsmillError(Exception):
    """Base class of every error newsmill raises on purpose."""

    code: str = "E000"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.message = message
        self.source = source
        where = f"{source}: " if source else ""
        super().__init__(f"[{self.code}] {where}{message}")


class InputError(NewsmillError):
    """The source cannot be read as a text or HTML document."""

    code = "E001"


class EmptyInput(InputError):
    code = "E002"


class BinaryInput(InputError):
    code = "E003"


class InputTooLarge(InputError):
    code = "E004"


class DecodeError(InputError):
    code = "E005"


class ExtractError(NewsmillError):
    """A document was read, but the article could not be built from it."""

    code = "E100"


class NoArticleFound(ExtractError):
    """Every line of the page is page furniture: there is no article to return."""

    code = "E101"


class AnalyzeError(NewsmillError):
    code = "E200"


class StoreError(NewsmillError):
    code = "E300"


class StoreVersionError(StoreError):
    code = "E301"


class QueryError(StoreError):
    code = "E302"


class QueryTimeout(StoreError):
    """A query ran past ``corpus.query_seconds`` and was interrupted."""

    code = "E303"


class StoreCorrupt(StoreError):
    """The store's file is damaged: SQLite pages, the search index or a stored record."""

    code = "E304"


class StoreBusy(StoreError):
    """Another process holds the store's writer lock."""

    code = "E305"


class ConfigError(NewsmillError):
    code = "E400"


__all__ = [
    "AnalyzeError",
    "BinaryInput",
    "ConfigError",
    "DecodeError",
    "EmptyInput",
    "ExtractError",
    "InputError",
    "InputTooLarge",
    "NewsmillError",
    "NoArticleFound",
    "QueryError",
    "QueryTimeout",
    "StoreBusy",
    "StoreCorrupt",
    "StoreError",
    "StoreVersionError",
]
