"""A readable view of a record for a person at a terminal (``--format text``)."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newsmill.model import Participant, Record
from newsmill.printable import print_safely


def _table(*columns: str) -> Table:
    """A borderless table with a bold header; long cells fold."""
    table = Table(show_header=True, header_style="bold", expand=True, box=None)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _participants(participants: list[Participant]) -> str:
    """'Russian troops [RUS/MIL]; Kyiv [UKR]'."""
    out = []
    for participant in participants:
        code = "/".join(c for c in (participant.code, participant.sector) if c)
        out.append(f"{participant.span.text} [{code}]" if code else participant.span.text)
    return "; ".join(out)


def render_record(record: Record) -> Group:
    """The record as rich renderables: header, body paragraphs, facts, removed furniture."""
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
    if record.entities:
        people = _table(*("kind", "name", "role", "country", "sector", "mentions"))
        for entity in record.entities:
            mentions = sorted({m.text for m in entity.mentions} - {entity.name})
            people.add_row(
                entity.kind,
                Text(entity.name, style="bold"),
                entity.role or "",
                entity.country or "",
                entity.sector or "",
                Text(f"{len(entity.mentions)}× " + "; ".join(mentions[:4]), style="dim"),
            )
        parts.append(Panel(people, title=f"entities · {len(record.entities)}", title_align="left"))
    if record.quotes:
        said = _table(*("who", "kind", "cue", "what"))
        for quote in record.quotes:
            written = quote.speaker.text if quote.speaker else "—"
            who = quote.speaker_name or written
            if quote.speaker_name and quote.speaker and quote.speaker_name not in written:
                who = f"{quote.speaker_name} ({written})"
            said.add_row(
                Text(who, style="bold"),
                quote.kind,
                quote.cue.text if quote.cue else "",
                Text(quote.content.text),
            )
        parts.append(Panel(said, title=f"who said what · {len(record.quotes)}", title_align="left"))
    if record.events:
        happened = _table(*("event", "who", "to whom", "where · when", "status", "trigger"))
        for event in record.events:
            kind = event.type + (f" ({event.mode})" if event.mode else "")
            when = f"{event.date.value} ({event.date.basis})" if event.date and event.date.value else ""
            where = event.location.text if event.location else ""
            happened.add_row(
                Text(kind, style="bold"),
                _participants(event.actors),
                _participants(event.recipients),
                " · ".join(p for p in (where, when) if p),
                event.status + (f"\n{len(event.mentions)} sentences" if len(event.mentions) > 1 else ""),
                Text(event.trigger.text if event.trigger else "", style="dim"),
            )
        parts.append(Panel(happened, title=f"events · {len(record.events)}", title_align="left"))
    if record.places:
        where = _table(*("place", "country", "feature", "lat, lon", "mentions"))
        for place in record.places:
            coordinates = (
                f"{place.latitude:.3f}, {place.longitude:.3f}" if place.latitude is not None else "—"
            )
            where.add_row(
                place.name, place.country or "", place.feature or "", coordinates, str(len(place.mentions))
            )
        parts.append(Panel(where, title=f"places · {len(record.places)}", title_align="left"))
    if record.times:
        when = _table(*("expression", "value", "basis", "why"))
        for time in record.times:
            when.add_row(Text(time.text), time.value or "—", time.basis, Text(time.reason or "", style="dim"))
        parts.append(Panel(when, title=f"times · {len(record.times)}", title_align="left"))
    if record.boilerplate:
        removed = _table()
        removed.add_column("removed as", style="magenta", no_wrap=True, min_width=17)
        removed.add_column("text", overflow="ellipsis", no_wrap=True)
        for item in record.boilerplate:
            removed.add_row(item.reason.value, Text(item.text))
        parts.append(
            Panel(removed, title=f"furniture · {len(record.boilerplate)} removed", title_align="left")
        )
    return Group(*parts)


def print_record(record: Record, console: Console | None = None) -> None:
    # Page text may hold escape sequences: they are shown, not run by the terminal.
    print_safely(console or Console(), render_record(record))
