"""Stale pages: an old article served inside a newer page (as the seed page is).

Two kinds of evidence, either enough: a crawl (WARC-Date) long after the article's
publication date, or page furniture around the article (trending headlines, footers) that
names years later than the article's own. A file's modification time is kept as the crawl
date but is not evidence: it is usually when the file was copied.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime

from newsmill.model import Record

STALE_AFTER_DAYS = 90
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def mark_staleness(record: Record, *, stale_after_days: int = STALE_AFTER_DAYS) -> Record:
    """Set ``record.stale`` and ``record.stale_reason`` from its dates and furniture."""
    record.stale, record.stale_reason = False, None
    if record.published is None:
        return record
    published = date.fromisoformat(record.published.date)
    reasons: list[str] = []
    if record.crawled and record.crawled_from == "warc":
        try:
            crawled = datetime.fromisoformat(record.crawled.replace("Z", "+00:00")).date()
        except ValueError:
            crawled = None
        if crawled is not None and (crawled - published).days > stale_after_days:
            reasons.append(
                f"crawled {crawled.isoformat()}, {(crawled - published).days} days after publication"
            )
    # Years after the article's own that the furniture names: two lines naming the next
    # year, or any line naming a year after that (one "2024 budget" headline next to a
    # late-2023 story is not evidence).
    mentions: Counter[int] = Counter(
        year
        for item in record.boilerplate
        for year in {int(y) for y in _YEAR.findall(item.text)}
        if published.year < year <= date.today().year + 1
    )
    later_years = sorted(y for y, n in mentions.items() if y >= published.year + 2 or n >= 2)
    if later_years:
        years = ", ".join(map(str, later_years))
        reasons.append(
            f"the page around the article mentions {years}, after its {published.year} publication"
        )
    if reasons:
        record.stale = True
        record.stale_reason = "; ".join(reasons)
    return record
