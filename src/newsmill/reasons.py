"""One vocabulary of reasons a document gives no article, shared by ``extract``, ``ingest``,
the store's ``errors`` table and the API's error bodies.

A reason is **skipped** when the input was never a page (a crawl's image or 404 response:
nothing was lost) and **failed** when a page could not be made into an article. The names
are the same everywhere, so a count in one command's summary can be looked up in the other's
and in the store.
"""

from __future__ import annotations

from newsmill import errors

SKIPPED, FAILED = "skipped", "failed"

REASONS: dict[str, tuple[str, str]] = {
    "not_html": (SKIPPED, "a crawl record that is not an HTML page (an image, a script, a feed)"),
    "http_status": (SKIPPED, "an HTTP response other than 200 (a 404, a redirect)"),
    "empty": (FAILED, "nothing but whitespace"),
    "binary": (FAILED, "bytes that are not text"),
    "too_large": (FAILED, "over the input size limit (--max-bytes, ingest.max_bytes)"),
    "undecodable": (FAILED, "no text encoding decodes the bytes"),
    "unreadable": (FAILED, "the file cannot be opened or read"),
    "broken_record": (FAILED, "a WARC record or compressed file that breaks off"),
    "bad_json": (FAILED, 'a JSONL line that is not an object with a "html" or "text" string'),
    "bad_input": (FAILED, "a value given with the page is invalid (a bad published date)"),
    "no_article": (FAILED, "every line is page furniture"),
    "internal_error": (FAILED, "newsmill failed on this document (a bug: please report it)"),
}

# Most specific class first: the first match names the reason.
_BY_ERROR: tuple[tuple[type[BaseException], str], ...] = (
    (errors.EmptyInput, "empty"),
    (errors.BinaryInput, "binary"),
    (errors.InputTooLarge, "too_large"),
    (errors.DecodeError, "undecodable"),
    (errors.InputError, "unreadable"),
    (errors.ExtractError, "no_article"),
    (errors.ConfigError, "bad_input"),
)
_CODES = {reason: error.code for error, reason in reversed(_BY_ERROR)}  # type: ignore[attr-defined]


def reason_for(exc: BaseException) -> str:
    """The reason a document failed with ``exc``."""
    for error, reason in _BY_ERROR:
        if isinstance(exc, error):
            return reason
    return "internal_error"


def outcome(reason: str) -> str:
    """``skipped`` or ``failed``."""
    return REASONS.get(reason, (FAILED, ""))[0]


def code_for(reason: str) -> str:
    """The error code (``E004``) a reason is filed under, or the reason itself for skips."""
    return _CODES.get(reason, "E999" if reason == "internal_error" else reason)
