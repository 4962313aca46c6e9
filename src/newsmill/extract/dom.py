"""Linearise an HTML page into text blocks that remember where they sat in the DOM.

One pass over the lexbor tree (selectolax) turns every run of text between block-level
tags into a :class:`Block` carrying what the article/furniture decision needs: the chain of
block ancestors (to find the article's container), link density, the structural context
(``nav``, ``footer``, ``aside``, ``figure``, ``form``...) and hints from class and id names
("related", "share", "comments", "article-body"...). Scripts, styles and other non-text
elements are skipped without being visited.

Written by hand because the libraries either parse (selectolax, resiliparse) or extract
with their own fixed decisions (trafilatura, resiliparse's main-content mode); newsmill
needs the blocks themselves, in page order, to account for every removed one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

BLOCK_TAGS = frozenset(
    """p div section article main header footer nav aside h1 h2 h3 h4 h5 h6 ul ol li dl dt dd
    blockquote pre figure figcaption table thead tbody tfoot tr caption form address hr
    center details summary fieldset legend body menu hgroup dialog""".split()
)
# A table's cells are one line per row, joined with " | " as a scraper writes a table: a row
# is one record ("Rovers | 42"), not a paragraph per cell. Block content inside a cell (a
# layout table's <p>s) still makes blocks of its own.
CELL_TAGS = frozenset({"td", "th"})
SKIP_TAGS = frozenset(
    """script style noscript template svg iframe button select option input textarea object
    embed canvas video audio map head link meta title math picture source track""".split()
)
# Structural elements whose content is furniture by default.
STRUCTURAL = frozenset({"nav", "footer", "aside", "form", "figure", "figcaption", "header", "menu", "dialog"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

# Class/id vocabulary of news templates, matched on whole tokens of class and id names
# ("grid-layout--adrail" is not a rail; "social-media-embed" is an embed, kept). Negative
# hints mark furniture containers; the reason they map to is reported in the record.
_NEGATIVE_TOKENS: dict[str, str] = {}
for _reason, _tokens in (
    ("comments", "comment comments commentlist disqus discussion replies respond"),
    ("share_prompt", "share shares sharing sharebar sharetools social sociable addthis"),
    ("newsletter", "newsletter newsletters subscribe subscription signup regwall registration"),
    (
        "link_list",
        "related recommended recommendations recirc recirculation trending popular mostread "
        "mostpopular mostviewed outbrain taboola teaser teasers promo promos readmore readnext "
        "sidebar widget widgets rail aside morestories",
    ),
    ("advertisement", "ad ads advert adverts advertisement advertising sponsor sponsored dfp adslot adunit"),
    ("caption", "caption captions figcaption credit credits photocredit"),
    ("tags", "tag tags taglist keywords topics categories"),
    ("navigation", "breadcrumb breadcrumbs nav navbar navigation menu masthead skip skiplink"),
    ("footer", "footer copyright colophon disclaimer cookie cookies consent gdpr popup sronly"),
    ("credits", "bio authorbio"),
):
    for _token in _tokens.split():
        _NEGATIVE_TOKENS[_token] = _reason
# Embedded posts (tweets, Instagram) are quoted content in the article, whatever else the
# container is called.
_EMBED_TOKENS = frozenset({"embed", "embedded", "tweet", "twitter-tweet", "instagram", "oembed"})
_TOKEN_SPLIT = re.compile(r"[\s_\-]+")
_CAMEL = re.compile(r"([a-z])([A-Z])")
# One scan of a class string finds all four kinds of positive hint.
_HINT_KINDS = re.compile(
    r"(?P<positive>article|story|entry|post-?(?:body|content|text)|content-?body|body-?(?:text|copy)|"
    r"main-?content|text-?body|prose|rich-?text|articlebody|story-?body)|"
    r"(?P<byline>byline|author|writer|contributor)|"
    r"(?P<date>date|time|publish|posted|updated|timestamp)|"
    r"(?P<standfirst>standfirst|dek\b|deck|sub-?title|sub-?head|summary|lede|lead|excerpt|intro|"
    r"description|strapline|kicker)",
    re.I,
)
_SPACE = re.compile(r"\s+")


@dataclass(slots=True)
class Block:
    """A run of text between block-level tags, with its DOM context."""

    text: str
    tag: str
    path: tuple[int, ...]  # ids of the enclosing block elements, outermost first
    link_chars: int = 0
    lead_link_chars: int = 0  # link text before any plain text: a teaser's headline
    # Furniture-like ancestors, outermost first: (element id, "structural:<tag>" or a reason
    # from its class/id). Which of them count is decided later, knowing how much text each
    # one holds (a page wrapper named "has-sidebar" or an ASP.NET <form> holds everything).
    flags: tuple[tuple[int, str], ...] = ()
    structural: str | None = None  # set by the classifier from ``flags``
    negative: str | None = None  # set by the classifier from ``flags``
    positive: bool = False  # an ancestor's class/id names the article body
    byline_hint: bool = False
    date_hint: bool = False
    standfirst_hint: bool = False
    in_list: bool = False
    itemprop: str | None = None

    @property
    def link_density(self) -> float:
        return self.link_chars / max(len(self.text), 1)


@dataclass(slots=True)
class _Context:
    path: tuple[int, ...] = ()
    tag: str = "body"
    in_link: bool = False
    flags: tuple[tuple[int, str], ...] = ()
    positive: bool = False
    byline_hint: bool = False
    date_hint: bool = False
    standfirst_hint: bool = False
    in_list: bool = False
    itemprop: str | None = None


@dataclass(slots=True)
class _Builder:
    blocks: list[Block] = field(default_factory=list)
    pieces: list[str] = field(default_factory=list)
    link_chars: int = 0
    lead_link_chars: int = 0
    plain_seen: bool = False
    context: _Context | None = None
    next_id: int = 0

    def flush(self) -> None:
        if not self.pieces:
            return
        if self.context is not None:
            text = _SPACE.sub(" ", "".join(self.pieces)).strip()
            if text:
                ctx = self.context
                self.blocks.append(
                    Block(
                        text=text,
                        tag=ctx.tag,
                        path=ctx.path,
                        link_chars=min(self.link_chars, len(text)),
                        lead_link_chars=min(self.lead_link_chars, len(text)),
                        flags=ctx.flags,
                        positive=ctx.positive,
                        byline_hint=ctx.byline_hint,
                        date_hint=ctx.date_hint,
                        standfirst_hint=ctx.standfirst_hint,
                        in_list=ctx.in_list,
                        itemprop=ctx.itemprop,
                    )
                )
        self.pieces.clear()
        self.link_chars = self.lead_link_chars = 0
        self.plain_seen = False


def linearise(root: Any) -> list[Block]:
    """The text blocks under ``root`` (a selectolax node, usually ``tree.body``), in order."""
    builder = _Builder()
    # The root is an element of every path, so that text straight under <body> has a
    # container too.
    builder.next_id = 1
    context = _Context(path=(1,))
    builder.context = context
    _visit(root, context, builder, depth=0)
    builder.flush()
    return builder.blocks


def _visit(node: Any, context: _Context, builder: _Builder, depth: int) -> None:
    if depth > 200:  # pathological nesting: stop descending rather than overflow the stack
        return
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            text = child.text_content
            if text:
                # Inline elements (links, spans) never split a block: only block tags do.
                builder.pieces.append(text)
                stripped = len(text.strip())
                if context.in_link:
                    builder.link_chars += stripped
                    if not builder.plain_seen:
                        builder.lead_link_chars += stripped
                elif stripped:
                    builder.plain_seen = True
            continue
        if tag in SKIP_TAGS or tag.startswith("-"):
            continue
        if tag == "br":
            builder.pieces.append(" ")
            continue
        attributes = child.attributes
        if _hidden(attributes):
            continue
        inner = _enter(child, tag, attributes, context, builder)
        if tag in CELL_TAGS and any(piece.strip() for piece in builder.pieces):
            builder.pieces.append(" | ")
        if tag in BLOCK_TAGS:
            builder.flush()
            builder.context = inner
            _visit(child, inner, builder, depth + 1)
            builder.flush()
            builder.context = context
        else:
            _visit(child, inner, builder, depth + 1)


def _hidden(attributes: dict[str, str | None]) -> bool:
    if "hidden" in attributes or attributes.get("aria-hidden") == "true":
        return True
    style = attributes.get("style")
    return (
        bool(style)
        and re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", style or "", re.I) is not None
    )


def _enter(
    node: Any, tag: str, attributes: dict[str, str | None], context: _Context, builder: _Builder
) -> _Context:
    """The context inside ``node``: a new one only when something changes."""
    names = " ".join(filter(None, (attributes.get("class"), attributes.get("id"))))
    role = attributes.get("role")
    itemprop = attributes.get("itemprop")
    is_block = tag in BLOCK_TAGS
    hints = _hints(names) if names else _NO_HINTS
    if not is_block and tag != "a" and tag != "li" and hints is _NO_HINTS and not itemprop and not role:
        return context
    inner = _Context(
        path=context.path,
        tag=context.tag,
        in_link=context.in_link or tag == "a",
        flags=context.flags,
        positive=context.positive,
        byline_hint=context.byline_hint,
        date_hint=context.date_hint,
        standfirst_hint=context.standfirst_hint,
        in_list=context.in_list or tag == "li",
        itemprop=itemprop or context.itemprop,
    )
    builder.next_id += 1
    element = builder.next_id
    if is_block:
        inner.path = (*context.path, element)
        inner.tag = tag
    structural = _ROLES.get(role or "") or (tag if tag in STRUCTURAL else None)
    if structural:
        inner.flags = (*inner.flags, (element, "structural:" + structural))
    if hints is not _NO_HINTS:
        positive, negative, byline, dated, standfirst = hints
        inner.positive = inner.positive or positive
        if negative:
            inner.flags = (*inner.flags, (element, negative))
        inner.byline_hint = inner.byline_hint or byline
        inner.date_hint = inner.date_hint or dated
        inner.standfirst_hint = inner.standfirst_hint or standfirst
    return inner


_ROLES = {
    "navigation": "nav",
    "banner": "header",
    "contentinfo": "footer",
    "complementary": "aside",
    "search": "form",
    "dialog": "dialog",
}


_NO_HINTS = (False, None, False, False, False)


@lru_cache(maxsize=16384)
def _hints(names: str) -> tuple[bool, str | None, bool, bool, bool]:
    """(positive, negative reason, byline, date, standfirst) hints of a class/id string;
    cached because templates repeat the same class names hundreds of times."""
    lowered = names.replace("_", "-")
    tokens = _TOKEN_SPLIT.split(_CAMEL.sub(r"\1 \2", names).lower())
    negative = None
    if not _EMBED_TOKENS.intersection(tokens):
        negative = next((_NEGATIVE_TOKENS[t] for t in tokens if t in _NEGATIVE_TOKENS), None)
    kinds = {match.lastgroup for match in _HINT_KINDS.finditer(lowered)}
    hints = (
        "positive" in kinds,
        negative,
        "byline" in kinds,
        "date" in kinds,
        "standfirst" in kinds,
    )
    return _NO_HINTS if hints == _NO_HINTS else hints
