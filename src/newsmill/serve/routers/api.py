"""The REST API (JSON; any list also as CSV with ``format=csv``)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from newsmill.errors import EmptyInput
from newsmill.model import Record
from newsmill.serve import models, queries
from newsmill.serve.analysis import AnalysisBusy, AnalysisStopped, AnalysisUnavailable
from newsmill.serve.deps import ReadOnlyStore, get_settings, get_store
from newsmill.serve.routers.common import (
    ListParams,
    article_id_or_404,
    entity_id_or_404,
    not_found,
    page_csv,
    page_json,
)
from newsmill.settings import Settings

router = APIRouter(prefix="/api", tags=["api"])
StoreDep = Annotated[ReadOnlyStore, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
Params = Annotated[ListParams, Depends()]
MAX_ID = 2**63 - 1  # SQLite's largest integer: a larger id would overflow the driver (a 500)


def _listing(store: ReadOnlyStore, settings: Settings, params: ListParams, kind: str, **extra: Any) -> Any:
    filters = params.filters(kind, **extra)
    page = queries.find(store, filters, limit=params.page_size(settings), offset=params.offset)
    return page_csv(page, kind) if params.format == "csv" else page_json(page)


@router.get(
    "/search",
    summary="Search articles, quotes or events, with filters, facets and paging",
    responses=models.listing(models.SearchResponse, 400, 422, 503),
)
def search(
    store: StoreDep,
    settings: SettingsDep,
    params: Params,
    kind: str = Query("article", pattern="^(article|quote|event)$", description="article, quote or event"),
    facets: bool = Query(False, description="also count sources, event types, entities and dates"),
) -> Any:
    result = _listing(store, settings, params, kind)
    if facets and isinstance(result, dict):
        result["facets"] = asdict(queries.facets(store, params.filters(kind)))
    return result


@router.get(
    "/articles/{article_id}",
    summary="The full record of one article",
    responses={200: {"model": models.ArticleResponse}, **models.errors(404, 503)},
)
def article(store: StoreDep, article_id: Annotated[str, Path(description="20 hex digits")]) -> Any:
    record = store.get(article_id_or_404(article_id))
    if record is None:
        raise not_found("article", article_id)
    data = record.to_dict()
    data["entity_links"] = queries.article_links(store, article_id)  # local id → corpus identity
    return data


@router.get(
    "/entities/{entity_id}",
    summary="One entity: roles, mentions, quotes, events, co-occurrence",
    responses={200: {"model": models.EntityResponse}, **models.errors(404, 503)},
)
def entity(
    store: StoreDep,
    settings: SettingsDep,
    entity_id: Annotated[str, Path(description="a corpus identity id (digits)")],
) -> Any:
    number = entity_id_or_404(entity_id)
    data = queries.entity(store, number)
    if data is None:
        raise not_found("entity", entity_id)
    limit, floor = settings.serve.max_page_size, settings.analyze.min_confidence
    data["quotes"] = page_json(
        queries.find(store, queries.Filters(kind="quote", entity_id=number), limit=limit)
    )
    data["events_as_actor"] = page_json(
        queries.find(store, queries.Filters(kind="event", actor_id=number, min_confidence=floor), limit=limit)
    )
    data["events_as_recipient"] = page_json(
        queries.find(
            store, queries.Filters(kind="event", recipient_id=number, min_confidence=floor), limit=limit
        )
    )
    return data


@router.get(
    "/quotes",
    summary="Quotes, by speaker and the common filters",
    responses=models.listing(models.QuotePage, 400, 422, 503),
)
def quotes(
    store: StoreDep,
    settings: SettingsDep,
    params: Params,
    speaker: str | None = Query(None, max_length=200, description="a speaker's name"),
    speaker_id: int | None = Query(None, ge=0, le=MAX_ID, description="the speaker's corpus identity id"),
) -> Any:
    if speaker:
        params.entity = speaker
    return _listing(store, settings, params, "quote", entity_id=speaker_id)


@router.get(
    "/events",
    summary="Events, by type, actor, recipient, place and the common filters",
    responses=models.listing(models.EventPage, 400, 422, 503),
)
def events(
    store: StoreDep,
    settings: SettingsDep,
    params: Params,
    type: str | None = Query(None, max_length=200, description="a PLOVER event type"),
    actor: str | None = Query(None, max_length=200, description="an actor's name (identity or as written)"),
    recipient: str | None = Query(None, max_length=200, description="a recipient's name"),
    place: str | None = Query(None, max_length=200, description="a place named by the article or evidence"),
    actor_id: int | None = Query(None, ge=0, le=MAX_ID, description="an actor's corpus identity id"),
    recipient_id: int | None = Query(None, ge=0, le=MAX_ID, description="a recipient's corpus identity id"),
) -> Any:
    if type:
        params.event_type = type
    return _listing(
        store,
        settings,
        params,
        "event",
        actor=actor,
        recipient=recipient,
        place=place,
        actor_id=actor_id,
        recipient_id=recipient_id,
    )


@router.post(
    "/analyze",
    summary="Analyse a page: text or HTML in, record out",
    description='Send JSON {"text": ..., "url": ..., "published": ...}, or the page itself as '
    "text/plain or text/html (url and published as query parameters). Bodies over the size "
    "limit get 413; an empty page, a page with no article or a bad date get 422.",
    responses={200: {"model": Record, "description": "the page's record"}, **models.errors(413, 415, 422)},
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": models.AnalyzeRequest.model_json_schema()},
                "text/plain": {"schema": {"type": "string"}},
                "text/html": {"schema": {"type": "string"}},
            },
        }
    },
)
async def analyze(
    request: Request,
    url: str | None = Query(
        None, max_length=2000, description="the page's URL (text/plain, text/html bodies)"
    ),
    published: str | None = Query(None, max_length=40, description="publication date, ISO 8601"),
) -> Any:
    body = await request.body()  # bounded by GuardMiddleware
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/json":
        try:
            payload = json.loads(body)
        except (ValueError, UnicodeDecodeError) as exc:
            raise HTTPException(422, f"the body is not valid JSON: {exc}") from None
        except RecursionError:  # e.g. [[[[...: the decoder recurses once per level
            raise HTTPException(422, "the JSON body is nested too deeply") from None
        if not isinstance(payload, dict) or not isinstance(payload.get("text"), str):
            raise HTTPException(422, 'expected a JSON object with a "text" string')
        text: str | bytes = payload["text"]
        url = payload.get("url") if isinstance(payload.get("url"), str) else url
        published = payload.get("published") if isinstance(payload.get("published"), str) else published
    elif content_type in ("text/plain", "text/html", ""):
        text = body  # bytes: the encoding is detected as for a file
    else:
        raise HTTPException(415, "send application/json, text/plain or text/html")
    if not text.strip():
        raise EmptyInput("the page is empty")

    pool = request.app.state.newsmill_analysis  # bounded worker processes (serve/analysis.py)
    try:
        return await pool.analyze(text, url, published)
    except AnalysisBusy as exc:
        raise HTTPException(503, str(exc), headers={"Retry-After": str(exc.retry_after)}) from None
    except AnalysisStopped as exc:
        raise HTTPException(422, str(exc)) from None
    except AnalysisUnavailable as exc:
        raise HTTPException(503, str(exc), headers={"Retry-After": "60"}) from None
