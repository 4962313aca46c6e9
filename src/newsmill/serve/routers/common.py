"""What the API and the pages share: list parameters, paging and CSV."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from typing import Any

from fastapi import HTTPException, Query, Request
from fastapi.responses import Response

from newsmill.corpus.csvout import SafeWriter
from newsmill.corpus.snippets import split_marks
from newsmill.serve.queries import Filters, Page
from newsmill.settings import Settings

ARTICLE_ID = r"^[0-9a-f]{20}$"  # Record ids: 20 hex digits of the text's SHA-256
_ARTICLE_ID = re.compile(ARTICLE_ID)
_ENTITY_ID = re.compile(r"^[0-9]{1,19}$")  # corpus identity ids: 63-bit SQLite rowids


def _shown(value: str) -> str:
    return value if len(value) <= 40 else value[:40] + "…"


def article_id_or_404(value: str) -> str:
    """``value`` if it has the form of an article id; otherwise no such article (404, not a
    422 quoting the id pattern: to a reader a malformed id is an unknown one)."""
    if not _ARTICLE_ID.match(value):
        raise HTTPException(404, f"no article with id {_shown(value)!r}")
    return value


def entity_id_or_404(value: str) -> int:
    """``value`` as an entity id, or no such entity (404)."""
    if not _ENTITY_ID.match(value) or int(value) >= 2**63:
        raise HTTPException(404, f"no entity with id {_shown(value)!r}")
    return int(value)


def not_found(kind: str, value: object) -> HTTPException:
    return HTTPException(404, f"no {kind} with id {_shown(str(value))!r}")


CSV_COLUMNS: dict[str, tuple[str, ...]] = {
    "article": ("article_id", "title", "published", "source", "url", "stale", "snippet"),
    "quote": (
        "article_id",
        "idx",
        "kind",
        "speaker",
        "speaker_id",
        "cue",
        "content",
        "title",
        "published",
        "source",
    ),
    "event": (
        "article_id",
        "idx",
        "type",
        "status",
        "date",
        "actors",
        "recipients",
        "evidence",
        "confidence",
        "title",
        "published",
        "source",
    ),
}


class ListParams:
    """The query parameters every list takes (as a FastAPI dependency)."""

    def __init__(
        self,
        request: Request,
        q: str = Query("", max_length=500, description='words, "phrases", prefix*, AND/OR/NOT, ( )'),
        entity: str | None = Query(None, max_length=200, description="an entity name"),
        source: str | None = Query(None, max_length=500, description="a source (site, or a file's folder)"),
        since: str | None = Query(None, max_length=10, description="published on or after (YYYY-MM-DD)"),
        until: str | None = Query(None, max_length=10, description="published on or before (YYYY-MM-DD)"),
        event_type: str | None = Query(None, max_length=200, description="a PLOVER event type"),
        limit: int | None = Query(None, ge=1, description="rows per page"),
        offset: int = Query(0, ge=0, le=1_000_000, description="rows to skip (paging)"),
        format: str = Query("json", pattern="^(json|csv)$", description="json, or csv to download"),
    ) -> None:
        self.q, self.entity, self.source = q, entity or None, source or None
        self.since, self.until, self.event_type = since or None, until or None, event_type or None
        self.limit, self.offset, self.format = limit, offset, format
        # Facts under the threshold stay hidden even in a store written with a lower one.
        self.min_confidence = request.app.state.newsmill.settings.analyze.min_confidence

    def filters(self, kind: str, **extra: Any) -> Filters:
        return Filters(
            query=self.q,
            kind=kind,
            entity=self.entity,
            source=self.source,
            since=self.since,
            until=self.until,
            event_type=self.event_type,
            min_confidence=self.min_confidence,
            **extra,
        )

    def page_size(self, settings: Settings) -> int:
        serve = settings.serve
        default = serve.max_page_size if self.format == "csv" else serve.page_size
        return min(self.limit or default, serve.max_page_size)


def csv_response(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], name: str) -> Response:
    out = io.StringIO()
    writer = SafeWriter(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(column) for column in columns])
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="newsmill-{name}.csv"'},
    )


def _with_highlights(row: dict[str, Any]) -> dict[str, Any]:
    text, highlights = split_marks(row.get("snippet"))
    return {**row, "snippet": text, "highlights": [list(span) for span in highlights]}


def page_json(page: Page) -> dict[str, Any]:
    """A page of results; each snippet plain, with its matches' ``highlights`` offsets."""
    items = [_with_highlights(row) for row in page.rows]
    return {"total": page.total, "limit": page.limit, "offset": page.offset, "items": items}


def page_csv(page: Page, kind: str) -> Response:
    rows = [{**row, "snippet": split_marks(row.get("snippet"))[0]} for row in page.rows]
    return csv_response(rows, CSV_COLUMNS[kind], f"{kind}s")
