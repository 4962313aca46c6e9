"""What the API and the pages share: list parameters, paging and CSV."""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from fastapi import Query
from fastapi.responses import Response

from newsmill.corpus.csvout import SafeWriter
from newsmill.serve.queries import Filters, Page
from newsmill.settings import Settings

ARTICLE_ID = r"^[0-9a-f]{20}$"  # Record ids: 20 hex digits of the text's SHA-256

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
        q: str = Query("", max_length=500, description='words, "phrases", prefix*, AND/OR/NOT, ( )'),
        entity: str | None = Query(None, max_length=200, description="an entity name"),
        source: str | None = Query(None, max_length=500),
        since: str | None = Query(None, max_length=10, description="published on or after (YYYY-MM-DD)"),
        until: str | None = Query(None, max_length=10, description="published on or before (YYYY-MM-DD)"),
        event_type: str | None = Query(None, max_length=200, description="a PLOVER event type"),
        limit: int | None = Query(None, ge=1, description="rows per page"),
        offset: int = Query(0, ge=0, le=1_000_000),
        format: str = Query("json", pattern="^(json|csv)$", description="json, or csv to download"),
    ) -> None:
        self.q, self.entity, self.source = q, entity or None, source or None
        self.since, self.until, self.event_type = since or None, until or None, event_type or None
        self.limit, self.offset, self.format = limit, offset, format

    def filters(self, kind: str, **extra: Any) -> Filters:
        return Filters(
            query=self.q,
            kind=kind,
            entity=self.entity,
            source=self.source,
            since=self.since,
            until=self.until,
            event_type=self.event_type,
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


def plain_snippet(snippet: str | None) -> str:
    from newsmill.corpus.search import MARK_CLOSE, MARK_OPEN

    return (snippet or "").replace(MARK_OPEN, "**").replace(MARK_CLOSE, "**")


def page_json(page: Page) -> dict[str, Any]:
    items = [{**row, "snippet": plain_snippet(row.get("snippet"))} for row in page.rows]
    return {"total": page.total, "limit": page.limit, "offset": page.offset, "items": items}


def page_csv(page: Page, kind: str) -> Response:
    rows = [{**row, "snippet": plain_snippet(row.get("snippet"))} for row in page.rows]
    return csv_response(rows, CSV_COLUMNS[kind], f"{kind}s")
