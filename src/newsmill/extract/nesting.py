"""Pathologically deep pages flattened before parsing, in one linear pass, keeping the text.

The HTML parsing algorithm looks through the stack of open elements for every start tag
(is a <p> in scope? a <button>?), so 190,000 nested ``<div>``s cost time quadratic in the
depth: 25 s to several minutes for one 2 MB page, and the article deep inside was lost to
the walker's depth guard. Browsers cap the depth of the tree they build (Blink: 512); here,
when a page nests deeper than ``MAX_DEPTH``, the container tags of its middle levels are
dropped with their matching end tags: the outermost and the innermost ``MAX_DEPTH / 2``
levels stay, so the page frame and the article's own structure survive, and every piece of
text stays where it was.

Only tags that are always closed explicitly count toward the depth: a page's unclosed
``<p>``, ``<li>`` or ``<td>`` (closed implicitly by the parser) would otherwise look deep.
The content of comments, scripts and styles is skipped. Pages under the cap are returned
unchanged, so ordinary pages never see this.
"""

from __future__ import annotations

import re

MAX_DEPTH = 128  # well under the DOM walker's guard (extract/dom.py), far over real pages

_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"  # comments
    r"|<(?P<raw>script|style|textarea|title)\b[^>]*>.*?(?:</(?P=raw)\s*>|\Z)"  # raw text elements
    r"|<(?P<close>/)?(?P<tag>[a-zA-Z][\w:-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*(?P<selfclose>/)?>",
    re.S | re.I,
)
# Void elements never hold content; these may be closed implicitly by the parser.
_NOT_COUNTED = frozenset(
    """area base br col embed hr img input link meta param source track wbr
    p li dt dd tr td th tbody thead tfoot colgroup option optgroup rb rt rp html head body""".split()
)


def flatten_deep_nesting(html: str, max_depth: int = MAX_DEPTH) -> tuple[str, int]:
    """``html`` with the middle levels of nesting deeper than ``max_depth`` removed, and how
    many tags were removed. Two linear passes; ``html`` itself when nothing is that deep."""
    if html.count("<") < max_depth:
        return html, 0
    spans: list[tuple[int, int]] = []  # where each counted tag sits in the page
    depth_of: list[int] = []  # a start tag's depth (1 = outermost), or -1 for an end tag
    height_of: list[int] = []  # a start tag's levels of descendants
    closer: list[int] = []  # the end tag matched with a start tag, or -1
    stack: list[int] = []
    deepest = 0
    for match in _TOKEN.finditer(html):
        tag = match.group("tag")
        if tag is None or match.group("selfclose") or tag.lower() in _NOT_COUNTED:
            continue
        index = len(spans)
        spans.append(match.span())
        depth_of.append(-1)
        height_of.append(0)
        closer.append(-1)
        if not match.group("close"):
            stack.append(index)
            depth_of[index] = len(stack)
            deepest = max(deepest, len(stack))
        elif stack:  # matched with the innermost open tag, whatever its name (messy pages)
            _close(stack, height_of, closer, index)
    if deepest <= max_depth:
        return html, 0
    while stack:
        _close(stack, height_of, closer, -1)
    keep = max_depth // 2
    drop: list[int] = []
    for index, depth in enumerate(depth_of):
        if depth > keep and height_of[index] >= keep:
            drop.append(index)
            if closer[index] >= 0:
                drop.append(closer[index])
    drop.sort()
    pieces: list[str] = []
    position = 0
    for index in drop:
        start, end = spans[index]
        pieces.append(html[position:start])
        position = end
    pieces.append(html[position:])
    return "".join(pieces), len(drop)


def _close(stack: list[int], height_of: list[int], closer: list[int], end: int) -> None:
    opened = stack.pop()
    closer[opened] = end
    if stack:
        height_of[stack[-1]] = max(height_of[stack[-1]], height_of[opened] + 1)
