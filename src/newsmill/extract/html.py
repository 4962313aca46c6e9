"""HTML pages → the article record.

The fast path parses with lexbor (selectolax), linearises the page into text blocks
(``dom.py``) and decides, block by block, what is article and what is furniture:

1. *Container*: each prose block votes for its parent (fully) and grandparent (half), as
   in Readability; the element with the most votes holds the article. Sibling containers
   with a fair share of votes join it, so a body split around an advert is kept whole.
2. *Inside the container*: blocks are paragraphs unless their DOM context (``nav``,
   ``figure``, a class like ``related`` or ``share``), their link density or their wording
   (the same closed-class furniture phrases as plain-text pages) says otherwise.
3. *Header*: the headline block is the one closest to the metadata title; the standfirst
   the one closest to the description; bylines and timestamps from class hints and text.

The record's ``text`` is the page's text, one block per line, so every removed block is a
span too (``boilerplate``, with its reason). When the fast path finds no article,
trafilatura is the fallback.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from newsmill.errors import NoArticleFound
from newsmill.extract.dom import HEADINGS, Block, linearise
from newsmill.extract.furniture import furniture_reason, list_header
from newsmill.extract.htmlmeta import PageMeta, read_meta
from newsmill.extract.lines import Line, describe
from newsmill.extract.meta import dateline_span, find_byline, find_dateline, find_timestamp, normalise_name
from newsmill.extract.nesting import MAX_DEPTH, flatten_deep_nesting
from newsmill.model import (
    PARAGRAPH_SEPARATOR,
    Author,
    Boilerplate,
    BoilerplateReason,
    ExtractionInfo,
    Published,
    Record,
    Span,
    record_id,
)
from newsmill.settings import ExtractSettings

EXTRACTOR_NAME = "newsmill.html/1"
FALLBACK_NAME = "newsmill.html-trafilatura/1"

_CONTAINER_TAGS = frozenset(
    {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "dt", "td", "th"}
)
_FURNITURE_STRUCTURES = {
    "nav": BoilerplateReason.NAVIGATION,
    "menu": BoilerplateReason.NAVIGATION,
    "footer": BoilerplateReason.FOOTER,
    "aside": BoilerplateReason.LINK_LIST,
    "form": BoilerplateReason.NEWSLETTER,
    "figure": BoilerplateReason.CAPTION,
    "figcaption": BoilerplateReason.CAPTION,
    "dialog": BoilerplateReason.FOOTER,
}
_WORD = re.compile(r"\w+")
_CLIMB_LEVELS = 5
_NUMERIC = re.compile(r"[\d.,%:+\-–/() ]+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def count_words(text: str) -> int:
    """Words, counting Chinese, Japanese and Korean characters by twos (no spaces there)."""
    cjk = len(_CJK.findall(text))
    return len(_WORD.findall(text)) - (1 if cjk else 0) + cjk // 2


class Label:
    TITLE = "title"
    STANDFIRST = "standfirst"
    BYLINE = "byline"
    TIMESTAMP = "timestamp"
    BODY = "body"
    FURNITURE = "furniture"


@dataclass(slots=True)
class Decision:
    label: str
    reason: BoilerplateReason | None = None


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
    from selectolax.lexbor import LexborHTMLParser

    settings = settings or ExtractSettings()
    html, flattened = flatten_deep_nesting(html)  # linear; parsing deep nesting is not
    if flattened:
        warnings = [*(warnings or []), f"nesting over {MAX_DEPTH} levels flattened ({flattened} tags)"]
    tree = LexborHTMLParser(html)
    meta = read_meta(tree, url)
    blocks = linearise(tree.body) if tree.body is not None else []
    decisions = classify_blocks(blocks, meta)
    body_words = sum(
        count_words(b.text) for b, d in zip(blocks, decisions, strict=True) if d.label == Label.BODY
    )
    if body_words < settings.min_body_words:
        return _trafilatura_record(html, source, url, encoding, warnings, settings)
    return _build_record(blocks, decisions, meta, source, url, encoding, warnings)


# --- Decisions ----------------------------------------------------------------------------


def classify_blocks(blocks: list[Block], meta: PageMeta) -> list[Decision]:
    """One decision per block: title, standfirst, byline, timestamp, body or furniture."""
    decisions = [Decision(Label.FURNITURE) for _ in blocks]
    if not blocks:
        return decisions
    _resolve_flags(blocks)
    region = _article_region(blocks)
    first_body = last_body = None
    for index, block in enumerate(blocks):
        if index not in region:
            continue
        reason = _furniture_in_article(block)
        if reason is None:
            decisions[index] = Decision(Label.BODY)
            first_body = index if first_body is None else first_body
            last_body = index
        else:
            decisions[index] = Decision(Label.FURNITURE, reason)
    if first_body is None or last_body is None:
        return decisions
    _trim_edges(blocks, decisions, first_body, last_body)
    _cut_at_list_heading(blocks, decisions)
    _mark_closing_credits(blocks, decisions, first_body, last_body)
    _read_header(blocks, decisions, meta)
    for index, decision in enumerate(decisions):
        if decision.label == Label.FURNITURE and decision.reason is None:
            decision.reason = _outside_reason(blocks[index], index, first_body)
    return decisions


def _resolve_flags(blocks: list[Block]) -> None:
    """Set each block's furniture context from its flagged ancestors, ignoring ancestors
    that hold a large share of the page's prose: those are page wrappers with unlucky
    names (Blogger's "widget Blog", an ASP.NET <form>), not furniture."""
    held: defaultdict[int, float] = defaultdict(float)
    total = 0.0
    for block in blocks:
        vote = _raw_vote(block)
        total += vote
        for element, _ in block.flags:
            held[element] += vote
    limit = 0.4 * total
    for block in blocks:
        block.structural = block.negative = None
        for element, flag in reversed(block.flags):
            if total and held[element] > limit:
                continue
            if flag.startswith("structural:"):
                block.structural = block.structural or flag[11:]
            elif block.negative is None:
                block.negative = flag
            if block.structural and block.negative:
                break


def _container(block: Block) -> int | None:
    """The element a block's text belongs to: a paragraph's parent, or a text-bearing div."""
    if not block.path:
        return None
    if block.tag in _CONTAINER_TAGS:
        return block.path[-2] if len(block.path) >= 2 else None
    return block.path[-1]


def _prose_vote(block: Block) -> float:
    if block.negative or block.structural in _FURNITURE_STRUCTURES:
        return 0.0
    return _raw_vote(block)


def _raw_vote(block: Block) -> float:
    """How much a block looks like article prose, from its own text and link density."""
    if block.tag in HEADINGS:
        return 0.0
    length = len(block.text)
    if length < 25 or block.link_density > 0.35:
        return 0.0
    if block.lead_link_chars >= 0.15 * length:
        return 0.0  # "Headline (linked) + excerpt": a teaser of another article
    vote = 1.0 + block.text.count(",") * 0.5 + min(length / 100, 3.0)
    if block.tag == "p":
        vote += 1.0
    elif block.in_list:
        vote *= 0.5
    if block.positive:
        vote *= 1.25
    return vote


def _article_region(blocks: list[Block]) -> set[int]:
    """Indices of the blocks inside the article container.

    Readability's local vote (parent full, grandparent half) picks the densest container;
    then the choice climbs to an ancestor while that adds a fair share of prose, so a body
    split into sibling columns or around an advert (NYT, many CMSs) is kept whole.
    """
    local: defaultdict[int, float] = defaultdict(float)
    subtree: defaultdict[int, float] = defaultdict(float)
    voters: defaultdict[int, int] = defaultdict(int)
    parent_of: dict[int, int | None] = {}
    for block in blocks:
        for depth, element in enumerate(block.path):
            parent_of.setdefault(element, block.path[depth - 1] if depth else None)
        vote = _prose_vote(block)
        container = _container(block)
        if not vote or container is None:
            continue
        for element in block.path:
            subtree[element] += vote
            voters[element] += 1
        local[container] += vote
        parent = parent_of.get(container)
        if parent is not None:
            local[parent] += vote / 2
    if not local:
        return set()
    best = max(local, key=local.__getitem__)
    while True:
        # The nearest ancestor (up to _CLIMB_LEVELS up, skipping mere wrappers) that adds
        # at least 15% more prose.
        ancestor, found = parent_of.get(best), None
        for _ in range(_CLIMB_LEVELS):
            if ancestor is None:
                break
            added_votes = subtree[ancestor] - subtree[best]
            added_blocks = voters[ancestor] - voters[best]
            # The added prose must read like paragraphs (teaser snippets are one line).
            if added_votes >= 0.15 * subtree[best] and added_votes >= 3.5 * added_blocks:
                found = ancestor
                break
            ancestor = parent_of.get(ancestor)
        if found is None:
            break
        best = found
    return {i for i, block in enumerate(blocks) if best in block.path}


def _furniture_in_article(block: Block) -> BoilerplateReason | None:
    """Why a block inside the article container is still furniture, if it is."""
    if block.negative:
        return BoilerplateReason(block.negative)
    if block.structural in _FURNITURE_STRUCTURES:
        return _FURNITURE_STRUCTURES[block.structural]
    if _NUMERIC.fullmatch(block.text):
        # Inside the article a bare number is table or list content (a score, a count),
        # not a share counter: those sit in share widgets the class hints already flag.
        return None
    line = _line(block.text)
    reason = furniture_reason(line)
    if reason is not None:
        return reason
    # Mostly-linked short blocks are links to other stories; a sentence with a linked
    # phrase is still prose.
    if block.link_density > 0.8 or (block.link_density > 0.5 and line.n_words < 10):
        return BoilerplateReason.READ_MORE if line.n_words < 25 else BoilerplateReason.LINK_LIST
    return None


def _cut_at_list_heading(blocks: list[Block], decisions: list[Decision]) -> None:
    """'More stories like this', 'Related coverage': in the second half of the body, such a
    heading ends the article; what follows is a list of other stories."""
    body = [i for i, d in enumerate(decisions) if d.label == Label.BODY]
    total = sum(len(blocks[i].text) for i in body)
    seen = 0
    for position, index in enumerate(body):
        seen += len(blocks[index].text)
        if seen < 0.5 * total:
            continue
        reason = list_header(_line(blocks[index].text))
        if reason is not None:
            for later in body[position:]:
                decisions[later] = Decision(Label.FURNITURE, reason)
            return


def _trim_edges(blocks: list[Block], decisions: list[Decision], first: int, last: int) -> None:
    """Headings and short link-ish lines that close the article are list headings."""
    index = last
    while index > first:
        block = blocks[index]
        if decisions[index].label != Label.BODY:
            index -= 1
            continue
        if block.tag in HEADINGS or (block.in_list and block.link_density > 0.3):
            decisions[index] = Decision(Label.FURNITURE, BoilerplateReason.LINK_LIST)
            index -= 1
            continue
        break


# "Jane Doe is a reporter at ...", "Jeff Foust (jeff@example.com) is the editor of ...":
# the author's bio that closes many articles.
_BIO = re.compile(
    r"^(?:[A-Z][\w'’.\-]+\s+){1,3}(?:\([^)]{3,60}\)\s+)?(?:is|was|has been|writes|covers|reports)\s+"
    r"(?:a|an|the|about|on|for|from)?\b[^.]{0,120}?\b(?:reporter|writer|editor|correspondent|journalist|"
    r"columnist|contributor|author|producer|fellow|native|freelance|based in|covers|publisher|professor)\b"
)
_REACH = re.compile(
    r"\b(?:can|may) be reached at\b|\b(?:e-?mail|contact) (?:him|her|them|the author) at\b|@\w+\.\w+", re.I
)


def _mark_closing_credits(blocks: list[Block], decisions: list[Decision], first: int, last: int) -> None:
    """The article's last paragraphs: reporting credits and author bios are credits."""
    body = [i for i in range(first, last + 1) if decisions[i].label == Label.BODY]
    for index in body[-3:]:
        text = blocks[index].text
        byline = find_byline(text, len(text.split()))
        if (
            (byline is not None and byline.credit)
            or _BIO.match(text)
            or (_REACH.search(text) and len(text) < 300)
        ):
            decisions[index] = Decision(Label.FURNITURE, BoilerplateReason.CREDITS)


def _similarity(a: str, b: str) -> float:
    left, right = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    if not left or not right:
        return 0.0
    return len(left & right) / len(left | right)


def _read_header(blocks: list[Block], decisions: list[Decision], meta: PageMeta) -> None:
    body = [i for i, d in enumerate(decisions) if d.label == Label.BODY]
    first_body = body[0]
    # The headline sits above the first real paragraph (the region may start higher, with
    # menus): it is the short block most like the metadata title, an h1 if there is one.
    first_paragraph = next((i for i in body if _raw_vote(blocks[i]) >= 3.0), first_body)
    candidates = [i for i, b in enumerate(blocks) if len(b.text) <= 300 and i <= first_paragraph + 1]
    if meta.title:
        # A headline below notices or menus that the region swallowed: any block up to the
        # middle of the body that matches the metadata title well.
        middle = body[len(body) // 2]
        candidates += [
            i
            for i in range(first_paragraph + 2, middle)
            if len(blocks[i].text) <= 300 and blocks[i].tag in HEADINGS
        ]
    title_index = None
    if meta.title:
        scored = [
            (_similarity(blocks[i].text, meta.title) + (0.2 if blocks[i].tag == "h1" else 0), i)
            for i in candidates
        ]
        best = max(scored, default=(0.0, None))
        if best[1] is not None and best[0] >= 0.5:
            title_index = best[1]
    if title_index is None:
        title_index = next((i for i in candidates if blocks[i].tag == "h1"), None)
    if title_index is not None:
        decisions[title_index] = Decision(Label.TITLE)
    # Everything up to and including the title that was called body is header, not body.
    if title_index is not None and title_index >= first_body:
        for i in range(first_body, title_index):
            if decisions[i].label == Label.BODY:
                decisions[i] = Decision(Label.FURNITURE, BoilerplateReason.NAVIGATION)
    start = (title_index + 1) if title_index is not None else 0
    body = [i for i, d in enumerate(decisions) if d.label == Label.BODY]
    if not body:
        return
    first_body = body[0]
    window = range(start, min(len(blocks), first_body + 3))
    standfirst_done = False
    for i in window:
        block = blocks[i]
        if decisions[i].label not in (Label.BODY, Label.FURNITURE) or len(block.text) > 600:
            continue
        line = _line(block.text)
        if block.byline_hint or block.date_hint or line.n_words <= 12:
            if find_timestamp(block.text, line.n_words) is not None and (
                block.date_hint or line.n_words <= 8
            ):
                decisions[i] = Decision(Label.TIMESTAMP)
                continue
            byline = find_byline(block.text, line.n_words)
            if (
                byline is not None
                and byline.names
                and (block.byline_hint or block.text.lower().startswith("by"))
            ):
                decisions[i] = Decision(Label.BYLINE)
                continue
        if not standfirst_done and i < first_body + 2:
            # The lede paragraph often doubles as the meta description: inside the article
            # container it stays body; a standfirst sits above the body or says so in its class.
            outside = decisions[i].label != Label.BODY
            similar = meta.description and _similarity(block.text, meta.description) >= 0.6
            # ... or a heading/hinted block that opens the container ("entry-summary" h2).
            opening = i == first_body and (
                block.tag in HEADINGS or (block.standfirst_hint and block.tag != "p")
            )
            if (outside and (similar or block.standfirst_hint)) or (
                opening and (similar or block.standfirst_hint)
            ):
                decisions[i] = Decision(Label.STANDFIRST)
                standfirst_done = True


def _outside_reason(block: Block, index: int, first_body: int) -> BoilerplateReason:
    if block.negative:
        return BoilerplateReason(block.negative)
    if block.structural in _FURNITURE_STRUCTURES:
        return _FURNITURE_STRUCTURES[block.structural]
    reason = furniture_reason(_line(block.text))
    if reason is not None:
        return reason
    if index < first_body:
        return BoilerplateReason.NAVIGATION
    return BoilerplateReason.LINK_LIST if block.link_density > 0.5 else BoilerplateReason.FOOTER


@lru_cache(maxsize=8192)
def _line(text: str) -> Line:
    """Line features of a block's text (cached: a block is judged by several rules)."""
    line = Line(0, 0, len(text), text, False)
    describe(line)
    return line


# --- Record -------------------------------------------------------------------------------


def _build_record(
    blocks: list[Block],
    decisions: list[Decision],
    meta: PageMeta,
    source: str | None,
    url: str | None,
    encoding: str | None,
    warnings: list[str] | None,
) -> Record:
    lines: list[tuple[str, Decision]] = [(b.text, d) for b, d in zip(blocks, decisions, strict=True)]
    if not any(d.label == Label.TITLE for _, d in lines) and meta.title:
        lines.insert(0, (meta.title, Decision(Label.TITLE)))
    _add_missing_byline(lines, meta)
    offsets: list[int] = []
    position = 0
    for text, _ in lines:
        offsets.append(position)
        position += len(text) + 1
    text = "\n".join(t for t, _ in lines)

    title = subtitle = None
    paragraphs: list[Span] = []
    boilerplate: list[Boilerplate] = []
    stamp_span = None
    byline_spans: list[tuple[int, str]] = []
    for (line_text, decision), start in zip(lines, offsets, strict=True):
        end = start + len(line_text)
        if decision.label == Label.TITLE and title is None:
            title = Span.of(text, start, end)
        elif decision.label == Label.STANDFIRST and subtitle is None:
            subtitle = Span.of(text, start, end)
        elif decision.label == Label.BODY:
            paragraphs.append(Span.of(text, start, end))
        elif decision.label == Label.TIMESTAMP and stamp_span is None:
            found = find_timestamp(line_text, len(line_text.split()))
            if found is not None:
                stamp_span = (Span.of(text, start + found.start, start + found.end), found.value)
        elif decision.label == Label.BYLINE:
            byline_spans.append((start, line_text))
        elif decision.label == Label.FURNITURE:
            boilerplate.append(
                Boilerplate.of(text, start, end, reason=decision.reason or BoilerplateReason.FOOTER)
            )

    header = [(offsets[i], lines[i][0]) for i in _header_lines(lines)]
    authors = _authors(text, meta, byline_spans, header)
    dateline = None
    if paragraphs and (found_dateline := find_dateline(paragraphs[0].text)) is not None:
        dateline = dateline_span(text, paragraphs[0].start, found_dateline)
    return Record(
        id=record_id(text),
        source=source,
        url=url or meta.url,
        text=text,
        title=title,
        subtitle=subtitle,
        dateline=dateline,
        authors=authors,
        published=_published(meta, stamp_span),
        site_name=meta.site_name,
        language=meta.language,
        paragraphs=paragraphs,
        body=PARAGRAPH_SEPARATOR.join(p.text for p in paragraphs),
        boilerplate=boilerplate,
        extraction=ExtractionInfo(
            extractor=EXTRACTOR_NAME, format="html", encoding=encoding, warnings=list(warnings or [])
        ),
    )


def _header_lines(lines: list[tuple[str, Decision]]) -> list[int]:
    """Indices of the lines above the first body paragraph, and of every byline."""
    first_body = next((i for i, (_, d) in enumerate(lines) if d.label == Label.BODY), len(lines))
    return [i for i, (_, d) in enumerate(lines) if i < first_body or d.label == Label.BYLINE]


def _add_missing_byline(lines: list[tuple[str, Decision]], meta: PageMeta) -> None:
    """Metadata authors the visible header does not name get a byline line of their own
    under the title (so that, like every fact, they are spans of the record's text)."""
    header = [lines[i][0] for i in _header_lines(lines)]
    missing = [name for name in meta.authors if not any(name in line for line in header)]
    if not missing:
        return
    title = next((i for i, (_, d) in enumerate(lines) if d.label == Label.TITLE), -1)
    lines.insert(title + 1, ("By " + " and ".join(missing), Decision(Label.BYLINE)))


def _authors(
    text: str, meta: PageMeta, bylines: list[tuple[int, str]], header: list[tuple[int, str]]
) -> list[Author]:
    """Authors from the byline blocks; metadata names are located in the text when possible."""
    authors: list[Author] = []
    for start, line_text in bylines:
        found = find_byline(line_text, len(line_text.split()))
        if found is None and line_text.startswith("By "):
            # Our own byline line for metadata authors the page does not show.
            found = find_byline(line_text.split(" | ")[0], len(line_text.split()))
        for a, b in found.names if found else ():
            name = normalise_name(line_text[a:b])
            if all(x.name != name for x in authors):
                authors.append(Author.of(text, start + a, start + b, name=name))
    for name in meta.authors:
        if any(a.name.lower() == name.lower() for a in authors):
            continue
        for start, line_text in [*bylines, *header]:
            offset = line_text.find(name)
            if offset >= 0:
                authors.append(Author.of(text, start + offset, start + offset + len(name), name=name))
                break
    return authors


def _published(meta: PageMeta, stamp: tuple[Span, datetime | date] | None) -> Published | None:
    value = meta.published
    found_by = meta.published_by
    span = None
    if stamp is not None:
        stamp_span, stamp_value = stamp
        stamp_day = stamp_value.date() if isinstance(stamp_value, datetime) else stamp_value
        meta_day = value.date() if isinstance(value, datetime) else value
        if value is None:
            value, found_by = stamp_value, "text"
        if meta_day is None or meta_day == stamp_day:
            span = stamp_span
    if value is None or found_by is None:
        return None
    return Published.from_value(value, found_by, span)


# --- Fallback -----------------------------------------------------------------------------


def _trafilatura_record(
    html: str,
    source: str | None,
    url: str | None,
    encoding: str | None,
    warnings: list[str] | None,
    settings: ExtractSettings,
) -> Record:
    """trafilatura's reading, for pages the fast path cannot read (few or no <p> blocks)."""
    from trafilatura import bare_extraction

    document = bare_extraction(
        html, url=url, include_comments=False, include_tables=False, with_metadata=True
    )
    raw_body = (document.text or "") if document is not None else ""
    paragraph_texts = [" ".join(p.split()) for p in re.split(r"\n+", raw_body) if p.strip()]
    if sum(len(p.split()) for p in paragraph_texts) < settings.min_body_words:
        raise NoArticleFound("no article found in the HTML page", source=source)
    title_text = _clean(getattr(document, "title", None))
    while paragraph_texts and paragraph_texts[0] == title_text:
        paragraph_texts.pop(0)
    lines = ([title_text] if title_text else []) + paragraph_texts
    text = "\n".join(lines)
    position = 0
    spans = []
    for line_text in lines:
        spans.append(Span.of(text, position, position + len(line_text)))
        position += len(line_text) + 1
    title = spans[0] if title_text else None
    paragraphs = spans[1:] if title_text else spans
    published = None
    page_date = getattr(document, "date", None)
    if page_date:
        try:
            published = Published.from_value(date.fromisoformat(str(page_date)[:10]), "meta")
        except ValueError:
            published = None
    return Record(
        id=record_id(text),
        source=source,
        url=url,
        text=text,
        title=title,
        paragraphs=paragraphs,
        body=PARAGRAPH_SEPARATOR.join(p.text for p in paragraphs),
        published=published,
        extraction=ExtractionInfo(
            extractor=FALLBACK_NAME, format="html", encoding=encoding, warnings=list(warnings or [])
        ),
    )


def _clean(value: str | None) -> str | None:
    cleaned = " ".join((value or "").split())
    return cleaned or None
