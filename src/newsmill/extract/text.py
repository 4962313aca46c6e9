"""Read a scraped plain-text page: which lines are the article, which are furniture.

The method, in four passes over the page's lines (see ``docs/architecture.md``):

1. *Line features* (``lines.py``): length, closing punctuation, a trailing link joiner,
   Title Case and stopword ratios → a prose score per line.
2. *Closed-class furniture* (``furniture.py``) and *metadata* (``meta.py``): separators,
   menus, prompts, copyright; bylines, timestamps, datelines (each line's first look,
   and the labels themselves, in ``labels.py``).
3. *The body region*: the contiguous run of lines that maximises prose words inside minus
   non-prose words (Finn et al.'s body-text extraction, over lines instead of tokens).
   Short furniture inside a long article does not split it; a run of headlines after it
   is left out.
4. *Header and tail*: above the body, the title, the standfirst and the metadata; below and
   inside it, lists of links (related or unrelated to the article: the words they share
   with it decide), prompts and footers, each with its reason.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from newsmill.errors import NoArticleFound
from newsmill.extract.furniture import list_header
from newsmill.extract.labels import (
    COUNTER,
    LabelledLine,
    LineLabel,
    content_words,
    first_look,
    is_prose,
    link_like,
    list_item_like,
    sentence_breaks,
    short_heading,
    standfirst_under,
    tag_line,
    title_candidate,
)
from newsmill.extract.lines import Line, split_lines, weight
from newsmill.extract.meta import (
    BylineMatch,
    TimestampMatch,
    dateline_span,
    find_name_line,
    normalise_name,
)
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

EXTRACTOR_NAME = "newsmill.text-lines/1"


def classify_lines(text: str, settings: ExtractSettings | None = None) -> list[LabelledLine]:
    """Label every non-blank line of ``text``. Raises :class:`NoArticleFound`."""
    settings = settings or ExtractSettings()
    lines = split_lines(text)
    if not lines:
        raise NoArticleFound("the page has no text")
    labelled = [first_look(line, settings) for line in lines]
    _mark_repeats(labelled)
    _mark_lists(labelled)
    _mark_table_headers(labelled)
    _mark_furniture_headings(labelled)
    _mark_credited_names(labelled)
    _mark_newsletter_boxes(labelled)
    _mark_comment_section(labelled)
    _mark_author_box(labelled)
    start, end = _body_region(labelled)
    end = _trim_trailing_list(labelled, start, end)
    end = _trim_trailing_teasers(labelled, start, end)
    end = _take_closing_list(labelled, end)
    body_words = sum(item.line.n_words for item in labelled[start:end] if is_prose(item))
    if end <= start or body_words < settings.min_body_words:
        raise NoArticleFound(
            f"no article found: {len(lines)} lines, none of them a run of prose "
            f"({body_words} prose words; at least {settings.min_body_words} needed)"
        )
    body_start = _read_header(labelled, start, end, settings)
    _mark_author_bio(labelled, body_start, end)
    _read_inside(labelled, body_start, end)
    _read_tail(labelled, end)
    return labelled


def _mark_table_headers(labelled: list[LabelledLine]) -> None:
    """A row of words joined by pipes reads as a menu, unless rows of figures with as many
    columns follow: then it heads a table ("Pos | Team | P | W | Pts" over the standings)."""
    for index, item in enumerate(labelled[:-2]):
        if item.reason is not BoilerplateReason.NAVIGATION or " | " not in item.line.text:
            continue
        columns = item.line.text.count(" | ")
        rows = labelled[index + 1 : index + 3]
        if all(
            row.label is LineLabel.BODY
            and row.line.text.count(" | ") == columns
            and any(c.isdigit() for c in row.line.text)
            for row in rows
        ):
            item.label, item.reason = LineLabel.BODY, None


def _mark_repeats(labelled: list[LabelledLine]) -> None:
    """A line seen before on the same page (a repeated headline, a menu) is a duplicate."""
    seen: Counter[str] = Counter()
    for item in labelled:
        key = " ".join(item.line.text.lower().split())
        if seen[key] and item.label is LineLabel.BODY and item.line.n_words >= 2:
            item.label, item.reason = LineLabel.BOILERPLATE, BoilerplateReason.DUPLICATE
        seen[key] += 1


def _mark_lists(labelled: list[LabelledLine]) -> None:
    """A list heading ('Related:', 'Most read') and the headline-like lines under it."""
    for index, item in enumerate(labelled):
        if item.label is not LineLabel.BODY:
            continue
        reason = list_header(item.line)
        if reason is None:
            continue
        item.label, item.reason = LineLabel.BOILERPLATE, reason
        for following in labelled[index + 1 :]:
            if following.label is not LineLabel.BODY or not list_item_like(following.line):
                break
            following.label, following.reason = LineLabel.BOILERPLATE, reason


# Furniture whose short heading belongs with it ("Get the morning briefing" above a
# sign-up prompt); read-more links are left out because they often follow a subheading.
_HEADED_FURNITURE = frozenset(
    {
        BoilerplateReason.NEWSLETTER,
        BoilerplateReason.SHARE_PROMPT,
        BoilerplateReason.COMMENTS,
        BoilerplateReason.NAVIGATION,
        BoilerplateReason.ADVERTISEMENT,
    }
)


def _mark_furniture_headings(labelled: list[LabelledLine]) -> None:
    """A single short heading directly above headed furniture takes its reason. A run of
    short lines (a menu) above it does not: the reason is not carried backwards."""
    for index in range(len(labelled) - 1):
        item, following = labelled[index], labelled[index + 1]
        if not (item.label is LineLabel.BODY and short_heading(item.line)):
            continue
        if following.reason not in _HEADED_FURNITURE:
            continue
        if find_name_line(item.line.text, item.line.n_words) is not None:
            continue  # "Jane Doe" above "Follow": the author's byline
        if (
            index > 0
            and labelled[index - 1].label is LineLabel.BODY
            and short_heading(labelled[index - 1].line)
        ):
            continue  # the last item of a menu, not a heading
        item.label, item.reason = LineLabel.BOILERPLATE, following.reason


def _mark_newsletter_boxes(labelled: list[LabelledLine]) -> None:
    """One or two short lines between two lines of a sign-up box ('Subscribe to X' /
    tagline / 'Type your email...') are the box's pitch."""
    newsletter = BoilerplateReason.NEWSLETTER
    for index, item in enumerate(labelled):
        if item.reason is not newsletter:
            continue
        run = index + 1
        while (
            run < len(labelled)
            and run - index <= 2
            and labelled[run].label is LineLabel.BODY
            and labelled[run].line.n_words <= 25
        ):
            run += 1
        if index + 1 < run < len(labelled) and labelled[run].reason is newsletter:
            for inside in labelled[index + 1 : run]:
                inside.label, inside.reason = LineLabel.BOILERPLATE, newsletter


def _mark_credited_names(labelled: list[LabelledLine]) -> None:
    """'News provided by' / 'Acme Corp.': the short line after a credit ending in 'by' is
    the name it credits."""
    for item, following in pairwise(labelled):
        if (
            item.reason is BoilerplateReason.CREDITS
            and re.search(r"\bby\s*:?$", item.line.text, re.I)
            and following.label is LineLabel.BODY
            and following.line.n_words <= 6
        ):
            following.label, following.reason = LineLabel.BOILERPLATE, BoilerplateReason.CREDITS


def _mark_comment_section(labelled: list[LabelledLine]) -> None:
    """After a comments heading that follows the article, readers' comments run to the end
    of the page (or to the next furniture such as a footer)."""
    prose_seen = 0
    for index, item in enumerate(labelled):
        if item.label is LineLabel.BODY and item.line.prose > 1:
            prose_seen += 1
        if item.reason is BoilerplateReason.COMMENTS and prose_seen >= 2:
            for following in labelled[index + 1 :]:
                if (
                    following.label is LineLabel.BOILERPLATE
                    and following.reason is not BoilerplateReason.COMMENTS
                ):
                    break
                following.label, following.reason = LineLabel.BOILERPLATE, BoilerplateReason.COMMENTS
            return


_AUTHOR_BOX = re.compile(r"^(?:written by|about the author|more about the author)\b", re.I)


def _mark_author_box(labelled: list[LabelledLine]) -> None:
    """'Written by Jane Doe' after the article opens the author's box: a follower count, a
    one-line bio. It credits the author; it is not part of the story."""
    prose_seen = 0
    for index, item in enumerate(labelled):
        if item.label is LineLabel.BODY and item.line.prose > 1:
            prose_seen += 1
        if prose_seen < 3 or not _AUTHOR_BOX.match(item.line.text) or item.line.n_words > 10:
            continue
        item.label, item.reason, item.byline = LineLabel.BOILERPLATE, BoilerplateReason.CREDITS, None
        taken = 0
        for following in labelled[index + 1 :]:
            if following.reason is BoilerplateReason.SHARE_PROMPT:
                continue
            if following.label is not LineLabel.BODY or following.line.n_words > 40 or taken == 2:
                break
            if list_header(following.line) is not None:
                break
            following.label, following.reason = LineLabel.BOILERPLATE, BoilerplateReason.CREDITS
            taken += 1
        return


def _line_weight(item: LabelledLine) -> float:
    if item.label is LineLabel.BOILERPLATE:
        return -max(item.line.n_words, 2)
    if item.label in (LineLabel.BYLINE, LineLabel.TIMESTAMP):
        return 0.0
    if item.label is LineLabel.DATELINE:
        return abs(weight(item.line)) + 5.0
    return weight(item.line)


def _body_region(labelled: list[LabelledLine]) -> tuple[int, int]:
    """The contiguous run of lines with the largest total weight (Kadane's algorithm)."""
    best, best_start, best_end = 0.0, 0, 0
    running, running_start = 0.0, 0
    for index, item in enumerate(labelled):
        if running <= 0:
            running, running_start = 0.0, index
        running += _line_weight(item)
        if running > best:
            best, best_start, best_end = running, running_start, index + 1
    return best_start, best_end


def _trim_trailing_list(labelled: list[LabelledLine], start: int, end: int) -> int:
    """Two or more headline-like lines in a row at the end of the region (counting those
    just after it) are links, not paragraphs: a news paragraph ends with punctuation."""

    def listed(index: int) -> bool:
        return labelled[index].label is LineLabel.BODY and list_item_like(labelled[index].line)

    run_start = end
    while run_start > start and listed(run_start - 1):
        run_start -= 1
    run_end = end
    while run_end < len(labelled) and listed(run_end):
        run_end += 1
    return run_start if run_end - run_start >= 2 and run_start > start and run_start < end else end


def _trim_trailing_teasers(labelled: list[LabelledLine], start: int, end: int) -> int:
    """Two or more (headline, one-paragraph teaser) pairs closing the region, whose headlines
    share hardly any words with the article above them, are other stories' teasers."""
    cut = end
    pairs = 0
    while cut - 2 > start:
        head, teaser = labelled[cut - 2], labelled[cut - 1]
        if not (
            head.label is LineLabel.BODY
            and teaser.label is LineLabel.BODY
            and list_item_like(head.line)
            and head.line.n_words >= 5
            and teaser.line.terminal
            and teaser.line.n_words <= 60
        ):
            break
        cut -= 2
        pairs += 1
    if pairs < 2:
        return end
    article = set().union(*(content_words(item.line.text) for item in labelled[start:cut] if is_prose(item)))
    for head in range(cut, end, 2):
        words = content_words(labelled[head].line.text)
        if len(words) < 3 or len(words & article) / len(words) >= 0.3:
            return end
    return cut


def _read_header(labelled: list[LabelledLine], start: int, end: int, settings: ExtractSettings) -> int:
    """Find where the body starts; label the title, standfirst and furniture above it.

    The body starts at a dateline paragraph, else after the last byline or timestamp near
    the top, else at the first full sentence of prose. Lines above it are the header.
    """
    prose = [i for i in range(start, end) if is_prose(labelled[i])]
    strong = [i for i in prose if labelled[i].line.terminal and labelled[i].line.n_words >= 8]
    first_strong = strong[0] if strong else prose[0]
    body_start = next(
        (i for i in range(start, min(end, first_strong + 4)) if labelled[i].label is LineLabel.DATELINE),
        None,
    )
    if body_start is None:
        # A standfirst sentence may sit above a caption and the timestamp: look past them.
        limit = first_strong + 1
        while limit < end and labelled[limit].label in (
            LineLabel.BOILERPLATE,
            LineLabel.BYLINE,
            LineLabel.TIMESTAMP,
        ):
            limit += 1
        meta = [
            i
            for i in range(0, min(end, max(first_strong + 2, limit)))
            if labelled[i].label in (LineLabel.BYLINE, LineLabel.TIMESTAMP)
        ]
        body_start = meta[-1] + 1 if meta and meta[-1] + 1 < end else first_strong
        if not meta:
            body_start = _name_over_date(labelled, first_strong, end) or body_start
    body_start = _skip_to_body(labelled, body_start, end)
    # Bylines without "By" ("Sarah Whitfield" / "Business reporter, BBC News") open the body.
    while body_start < end - 1 and labelled[body_start].label is LineLabel.BODY:
        line = labelled[body_start].line
        byline = find_name_line(line.text, line.n_words) if line.n_words <= 8 else None
        if byline is None:
            break
        labelled[body_start].label, labelled[body_start].byline = LineLabel.BYLINE, byline
        body_start = _skip_to_body(labelled, body_start + 1, end)
    _restore_repeated_headline(labelled, body_start)
    header = [i for i in range(body_start) if labelled[i].label is LineLabel.BODY]
    if not header:
        return body_start
    title_index = _pick_title(labelled, header, settings)
    for i in header:
        if i < title_index:
            labelled[i].label, labelled[i].reason = LineLabel.BOILERPLATE, BoilerplateReason.NAVIGATION
    labelled[title_index].label = LineLabel.TITLE
    standfirst_taken = False
    for i in (i for i in header if i > title_index):
        item = labelled[i]
        byline = find_name_line(item.line.text, item.line.n_words)
        if COUNTER.match(item.line.text):
            item.label, item.reason = LineLabel.BOILERPLATE, BoilerplateReason.SHARE_PROMPT
        elif byline is not None:
            item.label, item.byline = LineLabel.BYLINE, byline
        elif not standfirst_taken and item.line.n_words >= 6 and not item.line.trailing_joiner:
            item.label, standfirst_taken = LineLabel.STANDFIRST, True
        elif standfirst_taken and item.line.prose > 0:
            # More header lines than a headline and a standfirst: keep prose as body.
            body_start = min(body_start, i)
        else:
            item.label, item.reason = LineLabel.BOILERPLATE, BoilerplateReason.NAVIGATION
    return body_start


def _restore_repeated_headline(labelled: list[LabelledLine], body_start: int) -> None:
    """A headline repeated above the body (first in a breadcrumb or a menu): the copy nearest
    the body is the headline; earlier copies are navigation."""
    key = lambda item: " ".join(item.line.text.lower().split())  # noqa: E731
    # A copy below the byline or the timestamp is the standfirst repeated as the first
    # paragraph, not a headline: headlines stand above the byline.
    meta = [i for i in range(body_start) if labelled[i].label in (LineLabel.BYLINE, LineLabel.TIMESTAMP)]
    for i in range(body_start - 1, 0, -1):
        item = labelled[i]
        if item.reason is not BoilerplateReason.DUPLICATE or key(labelled[i - 1]) == key(item):
            continue
        if meta and i > meta[0]:
            continue
        if item.line.n_words < 5:
            return
        for earlier in labelled[:i]:
            if earlier.label is LineLabel.BODY and key(earlier) == key(item):
                earlier.label, earlier.reason = LineLabel.BOILERPLATE, BoilerplateReason.NAVIGATION
        item.label, item.reason = LineLabel.BODY, None
        return


def _name_over_date(labelled: list[LabelledLine], first_strong: int, end: int) -> int | None:
    """A headline written as sentences, a standfirst, then a bare name over the date
    (newsletter platforms): the body starts after the date, not at the headline."""
    for j in range(first_strong + 1, min(end - 2, first_strong + 3)):
        item = labelled[j]
        if item.label is not LineLabel.BODY or item.line.n_words > 35:
            return None
        if (
            item.line.n_words <= 5
            and labelled[j + 1].label is LineLabel.TIMESTAMP
            and find_name_line(item.line.text, item.line.n_words) is not None
        ):
            return j + 2
    return None


def _mark_author_bio(labelled: list[LabelledLine], body_start: int, end: int) -> None:
    """'Jane Doe is a senior fellow at ...' closing an opinion piece: the author's bio."""
    names = [
        item.line.text[a:b]
        for item in labelled[:body_start]
        if item.byline is not None
        for a, b in item.byline.names
    ]
    for item in labelled[max(body_start, end - 2) : end]:
        text = item.line.text
        if item.label is LineLabel.BODY and any(
            re.match(rf"{re.escape(name)},?\s+(?:is|was|has been|writes|served)\b", text) for name in names
        ):
            item.label, item.reason = LineLabel.BOILERPLATE, BoilerplateReason.CREDITS


def _skip_to_body(labelled: list[LabelledLine], index: int, end: int) -> int:
    while index < end - 1 and (
        labelled[index].label not in (LineLabel.BODY, LineLabel.DATELINE)
        or COUNTER.match(labelled[index].line.text)
    ):
        index += 1
    return index


def _pick_title(labelled: list[LabelledLine], header: list[int], settings: ExtractSettings) -> int:
    """The last headline-like header line before the body; earlier ones are navigation.

    When that last line reads like a standfirst (a longer, more sentence-like line right
    under a headline-length one), the line before it is the title.
    """
    candidates = [i for i in header if title_candidate(labelled[i].line, settings)]
    if not candidates:
        return header[-1]
    last = candidates[-1]
    if len(candidates) >= 2:
        previous = candidates[-2]
        between = labelled[previous + 1 : last]
        meta = (LineLabel.BOILERPLATE, LineLabel.BYLINE, LineLabel.TIMESTAMP)
        if all(
            item.label in meta or find_name_line(item.line.text, item.line.n_words) is not None
            for item in between
        ) and standfirst_under(labelled[previous].line, labelled[last].line):
            return previous
    # Headline-length lines stacked right above the body (a headline, then its standfirst or
    # summary bullets without a full stop): the first of them is the headline.
    chosen = set(candidates)
    first = last
    while (
        first - 1 in chosen
        and labelled[first - 1].label is LineLabel.BODY
        and labelled[first - 1].line.n_words >= 6
        and labelled[first].line.n_words >= 6
        and not labelled[first - 1].line.terminal
    ):
        first -= 1
    # A headline of two short sentences ("X isn't the problem. Y is.") above a longer
    # standfirst, right under the navigation.
    above = first - 1
    if (
        above in header
        and labelled[above].label is LineLabel.BODY
        and labelled[above].line.n_words <= 16
        and sentence_breaks(labelled[above].line.text) == 1
        and labelled[first].line.n_words > labelled[above].line.n_words
        and (above == 0 or labelled[above - 1].label is LineLabel.BOILERPLATE)
    ):
        return above
    return first


def _read_inside(labelled: list[LabelledLine], body_start: int, end: int) -> None:
    """Inside the body: keep prose and subheadings; lists of links are furniture."""
    i = body_start
    while i < end:
        item = labelled[i]
        header_reason = list_header(item.line) if item.label is LineLabel.BODY else None
        if header_reason is not None:
            item.label, item.reason = LineLabel.BOILERPLATE, header_reason
            j = i + 1
            while j < end and link_like(labelled[j]):
                labelled[j].label = LineLabel.BOILERPLATE
                labelled[j].reason = _list_reason(labelled, j, header_reason)
                j += 1
            i = j
            continue
        # Two or more link-like lines in a row inside the body are a list, not subheadings —
        # unless the article frames them as its own list (ingredients, tour dates, results).
        j = i
        while j < end and link_like(labelled[j]):
            j += 1
        if j - i >= 2 and _framed_list(labelled, i, j, end):
            i = j  # body lines; extract/blocks.py marks them as a list block
            continue
        if j - i >= 2:
            for k in range(i, j):
                labelled[k].label = LineLabel.BOILERPLATE
                labelled[k].reason = _list_reason(labelled, k, None)
            i = j
            continue
        i += 1


def _framed_list(labelled: list[LabelledLine], i: int, j: int, end: int) -> bool:
    """Lines ``i:j`` are the article's own list: a lead-in opens it (a short heading such as
    "Ingredients" or "Tour dates", or a line ending with a colon; earlier items of the list
    may stand between), the article's prose goes on after it, and its items read as items —
    half of them hold a figure ("3 tbsp tahini", "Oct 20 – Glasgow", "Ravens 24-17 Millers")
    or they are not Title Case headlines. Other stories' headlines have no lead-in but a
    list heading ("Related", "Read more"), and are Title Case without figures."""
    items = [labelled[m].line for m in range(i, j)]
    figures = _with_figures(items)
    # Prose after it, or it closes the body (``_take_closing_list`` took it, for its figures).
    closing = j >= end and _mostly_figures(items)
    if not closing and not any(
        labelled[m].label is LineLabel.BODY and labelled[m].line.terminal and labelled[m].line.n_words >= 8
        for m in range(j, end)
    ):
        return False
    title_case = sum(line.title_case_ratio for line in items) / len(items)
    # A table between paragraphs needs no lead-in: its rows share a column separator and hold
    # figures ("Orkney | 171 | 166 | -3%").
    columns = sum(" | " in line.text or "\t" in line.text for line in items)
    if columns * 2 >= len(items) and figures * 2 >= len(items):
        return True
    # The run opens with its own lead-in ("Maeve Corrigan: a life in brief", then dated items).
    rest = items[1:]
    if len(rest) >= 2 and _lead_in(items[0]) and _mostly_figures(rest):
        return True
    k = i - 1
    while k >= 0 and labelled[k].label is LineLabel.BODY and not _lead_in(labelled[k].line):
        if labelled[k].line.terminal or labelled[k].line.n_words > 25:
            return False  # a paragraph, not an item: no lead-in for this run
        k -= 1
    if k < 0 or labelled[k].label is not LineLabel.BODY:
        return False
    return figures * 2 >= len(items) or title_case < 0.5


def _take_closing_list(labelled: list[LabelledLine], end: int) -> int:
    """A list the article closes with joins the body: a lead-in right after the last paragraph
    ("How the top six stand", "A life in brief:"), then two or more items, most of them with
    figures (standings, a timeline, a table). A trending list has a list heading, not a lead-in."""
    if end >= len(labelled) or labelled[end].label is not LineLabel.BODY:
        return end
    if _lead_in(labelled[end].line):
        first = end + 1
    elif end > 0 and labelled[end - 1].label is LineLabel.BODY and _lead_in(labelled[end - 1].line):
        first = end  # the lead-in closed the region already
    else:
        return end
    j = first
    while (
        j < len(labelled)
        and labelled[j].label is LineLabel.BODY
        and labelled[j].line.n_words <= 40
        and list_header(labelled[j].line) is None
    ):
        j += 1
    items = [labelled[m].line for m in range(first, j)]
    return j if len(items) >= 2 and _mostly_figures(items) else end


def _with_figures(lines: list[Line]) -> int:
    """How many of ``lines`` hold a figure (a score, a quantity, a date, a count)."""
    return sum(any(c.isdigit() for c in line.text) for line in lines)


def _mostly_figures(lines: list[Line]) -> bool:
    """Two thirds of ``lines`` or more hold a figure: a table, standings or a timeline."""
    return _with_figures(lines) * 3 >= len(lines) * 2


def _lead_in(line: Line) -> bool:
    return list_header(line) is None and (line.text.rstrip().endswith(":") or short_heading(line))


def _read_tail(labelled: list[LabelledLine], end: int) -> None:
    """Everything after the body is furniture; name the reason of each line."""
    list_reason: BoilerplateReason | None = None
    header_names = any(item.byline is not None and item.byline.names for item in labelled[:end])
    for index in range(end, len(labelled)):
        item = labelled[index]
        if item.label is LineLabel.BYLINE and list_reason is not None and not item.byline.credit:
            # "Robert J. Lanier, 81, longtime fire chief" under "More Obituaries": a headline.
            item.label, item.byline = LineLabel.BODY, None
        if item.label in (LineLabel.BYLINE, LineLabel.TIMESTAMP):
            if item.byline is not None and item.byline.credit:
                continue
            if item.label is LineLabel.TIMESTAMP:
                # "Posted 4 Jun 2024" under the article: furniture (its date is still read).
                item.label, item.reason = LineLabel.BOILERPLATE, BoilerplateReason.FOOTER
                continue
        if item.label is LineLabel.BOILERPLATE:
            if item.reason in (BoilerplateReason.SEPARATOR, BoilerplateReason.COPYRIGHT):
                list_reason = None
            elif list_header(item.line) is not None:
                list_reason = item.reason
            elif item.reason is BoilerplateReason.TAGS:
                list_reason = BoilerplateReason.TAGS if item.line.n_words <= 5 else None
            continue
        if index == end and not header_names and item.label is LineLabel.BODY:
            # A name alone right after the last paragraph signs the article.
            byline = find_name_line(item.line.text, item.line.n_words) if item.line.n_words <= 6 else None
            if byline is not None and byline.names:
                item.label, item.byline = LineLabel.BYLINE, byline
                continue
        header = list_header(item.line)
        if header is not None:
            item.label, item.reason = LineLabel.BOILERPLATE, header
            list_reason = header
            continue
        item.label = LineLabel.BOILERPLATE
        if list_reason is BoilerplateReason.TAGS:
            if item.line.n_words <= 5 and not item.line.terminal:
                item.reason = BoilerplateReason.TAGS  # "Topics" / "Covid-19" / "Health Ministry"
                continue
            list_reason = None
        if tag_line(item.line):
            item.reason = BoilerplateReason.TAGS
        elif (item.line.n_words >= 3 and not item.line.terminal) or item.line.trailing_joiner:
            item.reason = _list_reason(labelled, index, list_reason)
        else:
            item.reason = BoilerplateReason.FOOTER


def _list_reason(
    labelled: list[LabelledLine], index: int, header: BoilerplateReason | None
) -> BoilerplateReason:
    """Related links share words with the article; trending headlines do not."""
    if header is not None:
        return header
    article = set().union(
        *(
            content_words(item.line.text)
            for item in labelled
            if item.label in (LineLabel.TITLE, LineLabel.STANDFIRST, LineLabel.DATELINE)
            or (item.label is LineLabel.BODY and item.line.prose > 0)
        )
    )
    words = content_words(labelled[index].line.text)
    shared = words & article
    if len(shared) >= 2 or (words and len(shared) / len(words) >= 0.3):
        return BoilerplateReason.LINK_LIST
    return BoilerplateReason.TRENDING_HEADLINE


# --- Record building ----------------------------------------------------------------------


def extract_text(
    text: str,
    *,
    source: str | None = None,
    url: str | None = None,
    encoding: str | None = None,
    warnings: list[str] | None = None,
    settings: ExtractSettings | None = None,
) -> Record:
    """Build the article record of a scraped plain-text page (``text`` kept verbatim)."""
    labelled = classify_lines(text, settings)
    title = subtitle = None
    dateline = None
    stamps: list[tuple[Line, TimestampMatch]] = []
    bylines: list[tuple[Line, BylineMatch]] = []
    paragraphs: list[Span] = []
    boilerplate: list[Boilerplate] = []
    for item in labelled:
        line = item.line
        if item.label is LineLabel.TITLE and title is None:
            title = Span.of(text, line.start, line.start + _without_site_name(line.text))
        elif item.label is LineLabel.STANDFIRST and subtitle is None:
            subtitle = Span.of(text, line.start, line.end)
        elif item.label in (LineLabel.BODY, LineLabel.DATELINE):
            paragraphs.append(Span.of(text, line.start, line.end))
            # A line may precede the dateline paragraph ("Editor's note: ..."): look at two.
            if item.dateline is not None and dateline is None and len(paragraphs) <= 2:
                dateline = dateline_span(text, line.start, item.dateline)
        elif item.label is LineLabel.BOILERPLATE:
            assert item.reason is not None
            boilerplate.append(Boilerplate.of(text, line.start, line.end, reason=item.reason))
        elif item.byline is not None and item.byline.credit:
            credits = BoilerplateReason.CREDITS
            boilerplate.append(Boilerplate.of(text, line.start, line.end, reason=credits))
        if item.byline is not None:
            bylines.append((line, item.byline))
        if item.timestamp is not None:
            stamps.append((line, item.timestamp))
    published = _published(text, stamps)
    authors = _authors(text, bylines)
    return Record(
        id=record_id(text),
        source=source,
        url=url,
        text=text,
        title=title,
        subtitle=subtitle,
        dateline=dateline,
        authors=authors,
        published=published,
        paragraphs=paragraphs,
        body=PARAGRAPH_SEPARATOR.join(p.text for p in paragraphs),
        boilerplate=boilerplate,
        extraction=ExtractionInfo(
            extractor=EXTRACTOR_NAME, format="text", encoding=encoding, warnings=list(warnings or [])
        ),
    )


_SITE_SUFFIX = re.compile(r"\s+\|\s+(?:the\s+)?[A-Z][\w.&'’\-]*(?:\s+[\w.&'’\-]+){0,4}\s*$")


def _without_site_name(title: str) -> int:
    """Length of a headline without a trailing site name ('... | The Daily Star')."""
    suffix = _SITE_SUFFIX.search(title)
    return suffix.start() if suffix and suffix.start() > 15 else len(title)


def _authors(text: str, bylines: list[tuple[Line, BylineMatch]]) -> list[Author]:
    """Names from bylines; a closing credit ('Reporting by ...') only when there is no byline."""
    chosen = [pair for pair in bylines if not pair[1].credit] or bylines
    authors: list[Author] = []
    for line, byline in chosen:
        for start, end in byline.names:
            name = normalise_name(text[line.start + start : line.start + end])
            if all(author.name != name for author in authors):
                authors.append(Author.of(text, line.start + start, line.start + end, name=name))
    return authors


def _published(text: str, stamps: list[tuple[Line, TimestampMatch]]) -> Published | None:
    """The first timestamp on the page is the publication; 'Updated' ones come later."""
    if not stamps:
        return None
    ranked = sorted(stamps, key=lambda pair: bool(re.match(r"\s*(?:last )?updated", pair[0].text, re.I)))
    line, stamp = ranked[0]
    return Published.from_value(
        stamp.value, "text", Span.of(text, line.start + stamp.start, line.start + stamp.end)
    )
