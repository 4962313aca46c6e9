"""Server-rendered pages: search, article, entity, quote and event explorers, API docs."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from jinja2 import select_autoescape

from newsmill.corpus.search import MARK_CLOSE, MARK_OPEN
from newsmill.serve import queries
from newsmill.serve.charts import bar_chart
from newsmill.serve.deps import ReadOnlyStore, get_settings, get_store
from newsmill.serve.highlight import pieces
from newsmill.serve.routers.common import ARTICLE_ID, ListParams
from newsmill.settings import Settings

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(__import__("pathlib").Path(__file__).parents[1] / "templates"))
# Autoescape everything, whatever the template's extension: page content is untrusted.
templates.env.autoescape = select_autoescape(default=True, default_for_string=True)
StoreDep = Annotated[ReadOnlyStore, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
Params = Annotated[ListParams, Depends()]


def snippet_parts(snippet: str | None) -> list[tuple[str, bool]]:
    """A search snippet as (text, is_match) pieces, for the template to escape and mark."""
    parts: list[tuple[str, bool]] = []
    for chunk in (snippet or "").split(MARK_OPEN):
        matched, _, rest = chunk.partition(MARK_CLOSE) if MARK_CLOSE in chunk else ("", "", chunk)
        if matched:
            parts.append((matched, True))
        if rest:
            parts.append((rest, False))
    return parts


def safe_url(url: str | None) -> str | None:
    """Only http(s) links from page data become hrefs (no ``javascript:``)."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def link(path: str, params: dict[str, Any], **changes: Any) -> str:
    """``path`` with the current filters, some changed (None drops one)."""
    merged = {**params, **changes}
    kept = {key: value for key, value in merged.items() if value not in (None, "", 0) or key == "q"}
    kept = {key: value for key, value in kept.items() if value not in (None, "")}
    return path + ("?" + urlencode(kept) if kept else "")


templates.env.filters["parts"] = snippet_parts
templates.env.globals.update(safe_url=safe_url, link=link)


def _current(params: ListParams, **extra: Any) -> dict[str, Any]:
    return {
        "q": params.q,
        "entity": params.entity,
        "source": params.source,
        "since": params.since,
        "until": params.until,
        "event_type": params.event_type,
        **extra,
    }


@router.get("/", response_class=HTMLResponse)
def home() -> RedirectResponse:
    return RedirectResponse("/search", status_code=307)


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    params: Params,
    kind: str = Query("article", pattern="^(article|quote|event)$"),
) -> Any:
    filters = params.filters(kind)
    page = queries.find(store, filters, limit=params.page_size(settings), offset=params.offset)
    facets = queries.facets(store, filters)
    current = _current(params, kind=kind)
    return templates.TemplateResponse(
        request,
        "search.html",
        {
            "page": page,
            "facets": facets,
            "kind": kind,
            "current": current,
            "timeline_chart": bar_chart(facets.timeline),
            "csv": link("/api/search", current, format="csv"),
        },
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(
    request: Request, store: StoreDep, article_id: Annotated[str, Path(pattern=ARTICLE_ID)]
) -> Any:
    record = store.get(article_id)
    if record is None:
        raise HTTPException(404, f"no article {article_id}")
    links = queries.article_links(store, article_id)
    entity_names = {entity.id: entity.name for entity in record.entities}
    return templates.TemplateResponse(
        request,
        "article.html",
        {
            "record": record,
            "pieces": pieces(record),
            "links": links,
            "entity_names": entity_names,
        },
    )


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    entity_id: Annotated[int, Path(ge=0, le=2**63 - 1)],
) -> Any:
    data = queries.entity(store, entity_id)
    if data is None:
        raise HTTPException(404, f"no entity {entity_id}")
    limit = settings.serve.max_page_size
    said = queries.find(store, queries.Filters(kind="quote", entity_id=entity_id), limit=limit)
    did = queries.find(store, queries.Filters(kind="event", actor_id=entity_id), limit=limit)
    done_to = queries.find(store, queries.Filters(kind="event", recipient_id=entity_id), limit=limit)
    articles = queries.find(store, queries.Filters(entity_id=entity_id), limit=50)
    return templates.TemplateResponse(
        request,
        "entity.html",
        {
            "entity": data,
            "said": said,
            "did": did,
            "done_to": done_to,
            "articles": articles,
            "timeline_chart": bar_chart(data["timeline"]),
        },
    )


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    params: Params,
    speaker: str | None = Query(None, max_length=200),
) -> Any:
    params.entity = speaker or params.entity
    page = queries.find(
        store, params.filters("quote"), limit=params.page_size(settings), offset=params.offset
    )
    current = _current(params, speaker=params.entity, entity=None)
    return templates.TemplateResponse(
        request,
        "quotes.html",
        {
            "page": page,
            "current": current,
            "choices": queries.distinct_values(store),
            "csv": link("/api/quotes", current, format="csv"),
        },
    )


@router.get("/events", response_class=HTMLResponse)
def events_page(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    params: Params,
    actor: str | None = Query(None, max_length=200),
    recipient: str | None = Query(None, max_length=200),
    place: str | None = Query(None, max_length=200),
) -> Any:
    filters = params.filters("event", actor=actor or None, recipient=recipient or None, place=place or None)
    page = queries.find(store, filters, limit=params.page_size(settings), offset=params.offset)
    current = _current(params, actor=actor, recipient=recipient, place=place)
    return templates.TemplateResponse(
        request,
        "events.html",
        {
            "page": page,
            "current": current,
            "choices": queries.distinct_values(store),
            "csv": link("/api/events", current, format="csv"),
        },
    )


@router.get("/api-docs", response_class=HTMLResponse)
def api_docs(request: Request) -> Any:
    """The OpenAPI document rendered without scripts (Swagger UI would need a CDN)."""
    spec = request.app.openapi()
    operations = [
        {
            "method": method.upper(),
            "path": path,
            "summary": operation.get("summary", ""),
            "description": operation.get("description", ""),
            "parameters": [
                (p["name"], p["in"], p.get("description", ""), p.get("required", False))
                for p in operation.get("parameters", [])
            ],
        }
        for path, methods in spec["paths"].items()
        for method, operation in methods.items()
    ]
    return templates.TemplateResponse(request, "api_docs.html", {"operations": operations, "spec": spec})
