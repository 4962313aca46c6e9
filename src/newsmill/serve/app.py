"""The FastAPI app: REST API under ``/api``, server-rendered pages, static files.

Security model (see ``docs/serve.md``): page content is untrusted. Templates autoescape and
never mark page content safe; the article text is highlighted by cutting it at span offsets
and escaping every piece; a strict Content-Security-Policy (scripts from this origin only,
no inline script) is the second line of defence. The store is opened read-only. Request
bodies are bounded; malformed queries are 400s with a message, not 500s.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import zlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsmill import __version__
from newsmill.corpus.integrity import damaged, is_damage
from newsmill.errors import InputError, NewsmillError, QueryError, StoreError
from newsmill.reasons import reason_for
from newsmill.serve.analysis import AnalysisPool
from newsmill.serve.deps import AppState, ReadOnlyStore
from newsmill.serve.guard import GuardMiddleware
from newsmill.serve.head import HeadAsGetMiddleware
from newsmill.settings import Settings

log = logging.getLogger(__name__)
HERE = Path(__file__).parent


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path == "/openapi.json"


def _error(request: Request, status: int, message: str, reason: str | None = None) -> Response:
    if _wants_json(request):
        body = {"detail": message, **({"reason": reason} if reason else {})}
        return JSONResponse(body, status_code=status)
    from newsmill.serve.routers.ui import templates

    return templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message}, status_code=status
    )


def create_app(settings: Settings | None = None, db: str | Path | None = None) -> FastAPI:
    """The app serving the store at ``db`` (default ``settings.corpus.db``), read-only.

    Raises:
        StoreError: the store is missing or cannot be opened read-only.
        StoreVersionError: the store's schema is not the one this newsmill reads.
    """
    from newsmill.serve.routers import api, ui

    settings = settings or Settings()
    path = Path(db or settings.corpus.db)
    # Fail at start-up, not on the first request.
    ReadOnlyStore(path, settings, immutable=settings.serve.immutable).close()
    pool = AnalysisPool(settings)  # worker processes start with the first analysis

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(
        lifespan=lifespan,
        title="newsmill",
        version=__version__,
        description="Evidence-linked news records: search articles, quotes and events; "
        "entities across the corpus; analyse a page.",
        # Swagger UI and ReDoc load scripts from a CDN: offline and against our CSP.
        # /api-docs renders the same OpenAPI document server-side.
        docs_url=None,
        redoc_url=None,
    )
    app.state.newsmill = AppState(settings=settings, db=path)
    app.state.newsmill_analysis = pool
    app.add_middleware(
        GuardMiddleware,
        max_body_bytes=settings.serve.max_body_bytes,
        allowed_hosts=settings.serve.allowed_hosts,
        token=settings.serve.token,
        max_header_bytes=settings.serve.max_header_bytes,
    )
    app.add_middleware(HeadAsGetMiddleware)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(ui.router)

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError) -> Response:
        return _error(request, 400, exc.message)

    @app.exception_handler(InputError)
    async def bad_input(request: Request, exc: InputError) -> Response:
        return _error(request, 422, exc.message, reason_for(exc))

    @app.exception_handler(StoreError)
    async def store_unavailable(request: Request, exc: StoreError) -> Response:
        log.warning("store error: %s", exc)
        return _error(request, 503, exc.message)

    @app.exception_handler(sqlite3.DatabaseError)
    @app.exception_handler(zlib.error)
    async def damaged_store(request: Request, exc: Exception) -> Response:
        if not is_damage(exc):
            raise exc  # a bug, not damage: the guard answers 500
        log.error("the store is damaged: %s", exc)
        return _error(request, 503, damaged(path, exc).message)

    @app.exception_handler(NewsmillError)
    async def unprocessable(request: Request, exc: NewsmillError) -> Response:
        return _error(request, 422, exc.message, reason_for(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        response = _error(request, exc.status_code, str(exc.detail))
        response.headers.update(exc.headers or {})  # Retry-After on 503, Allow on 405
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        errors: list[Any] = exc.errors()
        if _wants_json(request):
            # Echoed input is page content at times; JSON is never rendered as HTML here.
            return JSONResponse({"detail": jsonable(errors)}, status_code=422)
        message = "; ".join(f"{'.'.join(map(str, e.get('loc', ())))}: {e.get('msg')}" for e in errors)
        return _error(request, 422, message)

    return app


def jsonable(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str))
