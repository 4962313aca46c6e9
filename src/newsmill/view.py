"""A readable view of a record for a person at a terminal (``--format text``)."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newsmill.model import Record


def render_record(record: Record) -> Group:
    """The record as rich renderables: header, body paragraphs, removed furniture."""
    head = Table.grid(padding=(0, 1))
    head.add_column(style="bold cyan", no_wrap=True)
    head.add_column()
    head.add_row("title", Text(record.title.text if record.title else "—", style="bold"))
    if record.subtitle:
        head.add_row("standfirst", Text(record.subtitle.text, style="italic"))
    if record.dateline:
        parts = [record.dateline.name, record.dateline.region, record.dateline.agency]
        head.add_row("dateline", Text(" · ".join(p for p in parts if p)))
    if record.authors:
        head.add_row("authors", Text(", ".join(a.name for a in record.authors)))
    if record.published:
        head.add_row("published", Text(f"{record.published.value} (from {record.published.found_by})"))
    if record.crawled:
        head.add_row("crawled", Text(record.crawled))
    if record.stale:
        head.add_row("stale", Text(f"yes: {record.stale_reason}", style="bold yellow"))
    if record.site_name or record.language:
        head.add_row("site", Text(" · ".join(p for p in (record.site_name, record.language) if p)))
    head.add_row("source", Text(record.source or record.url or "—"))
    head.add_row("id", Text(record.id, style="dim"))
    if record.extraction.warnings:
        head.add_row("warnings", Text("; ".join(record.extraction.warnings), style="yellow"))

    body = Table.grid(padding=(0, 1))
    body.add_column(style="dim", justify="right", no_wrap=True)
    body.add_column()
    for number, paragraph in enumerate(record.paragraphs, 1):
        body.add_row(str(number), Text(paragraph.text))

    parts: list = [
        Panel(head, title="article", title_align="left"),
        Panel(body, title=f"body · {len(record.paragraphs)} paragraphs", title_align="left"),
    ]
    if record.boilerplate:
        removed = Table(show_header=True, header_style="bold", expand=True, box=None)
        removed.add_column("removed as", style="magenta", no_wrap=True, min_width=17)
        removed.add_column("text", overflow="ellipsis", no_wrap=True)
        for item in record.boilerplate:
            removed.add_row(item.reason.value, Text(item.text))
        parts.append(
            Panel(removed, title=f"furniture · {len(record.boilerplate)} removed", title_align="left")
        )
    return Group(*parts)


def print_record(record: Record, console: Console | None = None) -> None:
    (console or Console()).print(render_record(record))
