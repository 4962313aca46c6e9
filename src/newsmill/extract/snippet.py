"""A short text (a sentence, a news brief) as a record of one paragraph, with no article
detection: the text extractor wants a run of prose and refuses a lone sentence as furniture,
which is right for a page and wrong for text the user has already cut out."""

from __future__ import annotations

from newsmill.errors import EmptyInput
from newsmill.model import ExtractionInfo, Record, Span, record_id


def extract_snippet(
    text: str,
    *,
    source: str | None = None,
    url: str | None = None,
    encoding: str | None = None,
    html: bool = False,
) -> Record:
    """``text`` (its markup dropped when ``html``) with whitespace runs made single spaces,
    as one paragraph and no title.

    Raises:
        EmptyInput: nothing but whitespace (or markup).
    """
    if html:
        import lxml.html

        text = lxml.html.fromstring(text).text_content() if text.strip() else ""
    body = " ".join(text.split())
    if not body:
        raise EmptyInput("the snippet is empty", source=source)
    return Record(
        id=record_id(body),
        source=source,
        url=url,
        text=body,
        paragraphs=[Span(start=0, end=len(body), text=body)],
        body=body,
        extraction=ExtractionInfo(
            extractor="newsmill-snippet", format="html" if html else "text", encoding=encoding
        ),
    )
