"""The API's response and request models, for the OpenAPI document.

The routes return plain dicts (rows straight from SQLite, records as ``Record.to_dict()``)
and declare these models in ``responses=``: the document says exactly what comes back, and
a 500-row page is not validated field by field on every request. A test validates real
responses against these models, so the document cannot drift from what is served.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from newsmill.model import Record


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorBody(BaseModel):
    """Every error: a message (a list of field errors for invalid parameters, 422)."""

    detail: str | list[dict[str, Any]] = Field(description="what is wrong, in plain words")
    reason: str | None = Field(
        None,
        description="why a page gave no article: the reason ingest and extract name (no_article, empty, ...)",
    )


class Snippet(_Strict):
    snippet: str | None = Field(description="the text around the match, plain (no markers)")
    highlights: list[tuple[int, int]] = Field(
        description="[start, end) offsets of the matched words in `snippet` (code points)"
    )


class ArticleHit(Snippet):
    article_id: str
    title: str | None
    published: str | None = Field(description="publication day, YYYY-MM-DD")
    source: str | None = Field(description="the site, or the file's folder for local files")
    url: str | None
    stale: bool = Field(description="an old article inside a newer page")


class QuoteHit(Snippet):
    article_id: str
    idx: int = Field(description="the quote's index in the record (`#q<idx>` on the article page)")
    kind: str = Field(description="direct, indirect or mixed")
    speaker: str | None
    speaker_id: int | None = Field(description="the speaker's corpus identity, if linked")
    cue: str | None = Field(description="the speech verb")
    content: str
    title: str | None
    published: str | None
    source: str | None


class Participant(_Strict):
    text: str
    country: str | None = Field(description="ISO 3166 alpha-3, or an IGO/NGO code")
    entity_id: int | None = Field(description="the participant's corpus identity, if linked")


class EventHit(Snippet):
    article_id: str
    idx: int = Field(description="the event's index in the record (`#v<idx>` on the article page)")
    type: str = Field(description="PLOVER event type")
    mode: str | None
    status: str | None = Field(description="asserted, future, hypothetical, negated or historical")
    date: str | None = Field(description="when it happened, resolved (ISO 8601)")
    actors: list[Participant]
    recipients: list[Participant]
    evidence: str = Field(description="the sentence that reports it")
    confidence: float | None
    title: str | None
    published: str | None
    source: str | None
    mentions: int = Field(description="sentences of this article reporting the happening")
    reports: int | None = Field(description="articles of its story reporting it (once clustered)")
    sources: int | None = Field(description="distinct outlets reporting it (once clustered)")


class _Page(_Strict):
    total: int = Field(description="matches in all")
    limit: int
    offset: int


class ArticlePage(_Page):
    items: list[ArticleHit]


class QuotePage(_Page):
    items: list[QuoteHit]


class EventPage(_Page):
    items: list[EventHit]


class FacetEntity(_Strict):
    id: int
    name: str
    kind: str
    articles: int


class Facets(_Strict):
    sources: list[tuple[str, int]] = Field(description="(source, articles)")
    event_types: list[tuple[str, int]] = Field(description="(PLOVER type, events)")
    entities: list[FacetEntity]
    timeline: list[tuple[str, int]] = Field(description="(YYYY-MM-DD, articles)")


class SearchResponse(_Page):
    """A page of articles, quotes or events (by `kind`); facets with `facets=true`."""

    items: list[ArticleHit] | list[QuoteHit] | list[EventHit]
    facets: Facets | None = None


class ArticleResponse(Record):
    """The full record as stored, with the links of its entities to corpus identities."""

    entity_links: dict[str, int] = Field(description="local entity id (e1, ...) → corpus identity id")


class EntityResponse(_Strict):
    id: int
    kind: str
    name: str
    role: str | None
    country: str | None
    sector: str | None
    articles: int
    mentions: int
    roles: list[tuple[str, int]] = Field(description="(role, articles)")
    names: list[str] = Field(description="how it is written, most frequent first")
    co_occurring: list[FacetEntity]
    timeline: list[tuple[str, int]] = Field(description="(YYYY-MM-DD, articles)")
    quotes: QuotePage
    events_as_actor: EventPage
    events_as_recipient: EventPage


class AnalyzeRequest(_Strict):
    text: str = Field(description="the page: scraped text or HTML")
    url: str | None = Field(None, description="the page's URL, kept on the record")
    published: str | None = Field(None, description="publication date (ISO 8601)")


def errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    """The ``responses=`` entries of the error statuses a route can answer."""
    meaning = {
        400: "a malformed query or filter (with what is wrong)",
        404: "no article or entity with that id",
        413: "the body is over the size limit",
        415: "a content type other than JSON, text or HTML",
        422: "invalid parameters, or a page that cannot be analysed",
        503: "the store cannot be read",
    }
    return {code: {"model": ErrorBody, "description": meaning[code]} for code in codes}


CSV_CONTENT: dict[str, Any] = {"text/csv": {"schema": {"type": "string"}}}


def listing(model: type[BaseModel], *codes: int) -> dict[int | str, dict[str, Any]]:
    """``responses=`` of a list route: the page as JSON, or as CSV with ``format=csv``."""
    ok = {"model": model, "description": "a page of results (CSV with format=csv)", "content": CSV_CONTENT}
    return {200: ok, **errors(*codes)}
