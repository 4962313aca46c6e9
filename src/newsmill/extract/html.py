"""HTML pages → the article record, through trafilatura (the baseline the next issue beats).

The record's ``text`` is built from what the page says: the title, the standfirst, the
byline, then the body paragraphs, separated by blank lines; every field is then a span of
that text, so the span contract holds for HTML exactly as for plain text.
"""

from __future__ import annotations

import re
from datetime import date

from newsmill.errors import NoArticleFound
from newsmill.extract.meta import dateline_span, find_dateline, normalise_name
from newsmill.model import (
    PARAGRAPH_SEPARATOR,
    Author,
    ExtractionInfo,
    Published,
    Record,
    Span,
    record_id,
)
from newsmill.settings import ExtractSettings

EXTRACTOR_NAME = "newsmill.html-trafilatura/1"


def extract_html(
    html: str,
    *,
    source: str | None = None,
    url: str | None = None,
    encoding: str | None = None,
    warnings: list[str] | None = None,
    settings: ExtractSettings | None = None,
) -> Record:
    """Extract the article of an HTML page. Raises :class:`NoArticleFound`."""
    # Imported here: trafilatura and lxml cost ~0.3 s to import; text pages never need them.
    from trafilatura import bare_extraction

    settings = settings or ExtractSettings()
    document = bare_extraction(
        html, url=url, include_comments=False, include_tables=False, with_metadata=True
    )
    raw_body = (document.text or "") if document is not None else ""
    paragraph_texts = [" ".join(p.split()) for p in re.split(r"\n+", raw_body) if p.strip()]
    if sum(len(p.split()) for p in paragraph_texts) < settings.min_body_words:
        raise NoArticleFound("no article found in the HTML page", source=source)
    title_text = _clean(getattr(document, "title", None))
    subtitle_text = _clean(getattr(document, "description", None))
    if subtitle_text and paragraph_texts and paragraph_texts[0].startswith(subtitle_text[:60]):
        subtitle_text = None
    # trafilatura keeps the headline and standfirst when they sit inside the article.
    while paragraph_texts and paragraph_texts[0] in {title_text, subtitle_text}:
        paragraph_texts.pop(0)
    author_names = [
        _clean(a) for a in re.split(r";|\band\b", getattr(document, "author", None) or "") if _clean(a)
    ]

    pieces: list[str] = []
    cursor = 0

    def add(piece: str) -> Span:
        nonlocal cursor
        if pieces:
            cursor += len(PARAGRAPH_SEPARATOR)
        pieces.append(piece)
        span = Span(start=cursor, end=cursor + len(piece), text=piece)
        cursor += len(piece)
        return span

    title = add(title_text) if title_text else None
    subtitle = add(subtitle_text) if subtitle_text else None
    byline_spans: list[tuple[Span, str]] = []
    if author_names:
        byline = add("By " + ", ".join(author_names))
        offset = byline.start + 3
        for name in author_names:
            byline_spans.append((Span(start=offset, end=offset + len(name), text=name), name))
            offset += len(name) + 2
    paragraphs = [add(p) for p in paragraph_texts]
    text = PARAGRAPH_SEPARATOR.join(pieces)
    dateline = None
    if paragraphs and (found := find_dateline(paragraphs[0].text)) is not None:
        dateline = dateline_span(text, paragraphs[0].start, found)
    published = None
    page_date = getattr(document, "date", None)
    if page_date:
        try:
            day = date.fromisoformat(str(page_date)[:10])
            published = Published(
                value=day.isoformat(), date=day.isoformat(), precision="day", found_by="meta"
            )
        except ValueError:
            pass
    return Record(
        id=record_id(text),
        source=source,
        url=url or getattr(document, "url", None),
        text=text,
        title=title,
        subtitle=subtitle,
        dateline=dateline,
        authors=[
            Author(start=s.start, end=s.end, text=s.text, name=normalise_name(n)) for s, n in byline_spans
        ],
        published=published,
        paragraphs=paragraphs,
        body=PARAGRAPH_SEPARATOR.join(p.text for p in paragraphs),
        extraction=ExtractionInfo(
            extractor=EXTRACTOR_NAME, format="html", encoding=encoding, warnings=list(warnings or [])
        ),
    )


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    cleaned = " ".join(value.split())
    return cleaned or None
