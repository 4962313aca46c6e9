"""Server-rendered pages: search, article, entity, quote and event explorers, API docs."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import select_autoescape
from markupsafe import Markup

from newsmill.corpus.snippets import snippet_parts
from newsmill.serve import queries
from newsmill.serve.charts import Bar, Chart, bar_chart, render_svg, stylesheet
from newsmill.serve.deps import ReadOnlyStore, get_settings, get_store
from newsmill.serve.highlight import pieces
from newsmill.serve.routers.common import ListParams, article_id_or_404, entity_id_or_404, not_found
from newsmill.settings import Settings

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(__import__("pathlib").Path(__file__).parents[1] / "templates"))
# Autoescape everything, whatever the template's extension: page content is untrusted.
templates.env.autoescape = select_autoescape(default=True, default_for_string=True)
StoreDep = Annotated[ReadOnlyStore, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
Params = Annotated[ListParams, Depends()]


def safe_url(url: str | None) -> str | None:
    """Only http(s) links from page data become hrefs (no ``javascript:``)."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def link(path: str, params: dict[str, Any], **changes: Any) -> str:
    """``path`` with the current filters, some changed (None drops one)."""
    merged = {**params, **changes}
    kept = {key: value for key, value in merged.items() if value not in (None, "", 0) or key == "q"}
    kept = {key: value for key, value in kept.items() if value not in (None, "")}
    return path + ("?" + urlencode(kept) if kept else "")


def chart_svg(chart: Chart, path: str | None = None, current: dict[str, Any] | None = None) -> Markup:
    """The chart's SVG; with ``path``, each bar links there with its days as the date filter."""

    def bar_link(bar: Bar) -> str:
        return link(path or "", current or {}, since=bar.days[0], until=bar.days[1], offset=None)

    return render_svg(chart, bar_link if path else None)


templates.env.filters["parts"] = snippet_parts
templates.env.globals.update(safe_url=safe_url, link=link, chart_svg=chart_svg)


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


@router.get("/charts.css")
def chart_stylesheet() -> Response:
    """pygal's stylesheet for the inline charts (the CSP refuses inline styles)."""
    return Response(stylesheet(), media_type="text/css", headers={"cache-control": "max-age=3600"})


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
            "timeline_chart": bar_chart(facets.timeline, max_width=340),  # the facet column
            "csv": link("/api/search", current, format="csv"),
        },
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    article_id: Annotated[str, Path(description="20 hex digits")],
) -> Any:
    record = store.get(article_id_or_404(article_id))
    if record is None:
        raise not_found("article", article_id)
    links = queries.article_links(store, article_id)
    entity_names = {entity.id: entity.name for entity in record.entities}
    threshold = settings.analyze.min_confidence
    return templates.TemplateResponse(
        request,
        "article.html",
        {
            "record": record,
            "threshold": threshold,
            "shown": {
                "quotes": sum(q.confidence >= threshold for q in record.quotes),
                "events": sum(e.confidence >= threshold for e in record.events),
                "entities": [e for e in record.entities if e.confidence >= threshold],
            },
            "pieces": pieces(record, threshold),
            "links": links,
            "entity_names": entity_names,
        },
    )


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    entity_id: Annotated[str, Path(description="a corpus identity id (digits)")],
) -> Any:
    number = entity_id_or_404(entity_id)
    data = queries.entity(store, number)
    if data is None:
        raise not_found("entity", entity_id)
    limit, floor = settings.serve.max_page_size, settings.analyze.min_confidence
    said = queries.find(store, queries.Filters(kind="quote", entity_id=number), limit=limit)
    did = queries.find(
        store, queries.Filters(kind="event", actor_id=number, min_confidence=floor), limit=limit
    )
    done_to = queries.find(
        store, queries.Filters(kind="event", recipient_id=number, min_confidence=floor), limit=limit
    )
    articles = queries.find(store, queries.Filters(entity_id=number), limit=50)
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
