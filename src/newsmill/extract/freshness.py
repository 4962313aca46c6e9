"""Stale pages: an old article served inside a newer page (as the seed page is).

Two kinds of evidence, either enough: the page was crawled long after the article's
publication date, or the page furniture around the article (trending headlines, footers)
names years later than the article's own.
"""

from __future__ import annotations

import re
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
    if record.crawled:
        try:
            crawled = datetime.fromisoformat(record.crawled.replace("Z", "+00:00")).date()
        except ValueError:
            crawled = None
        if crawled is not None and (crawled - published).days > stale_after_days:
            reasons.append(
                f"crawled {crawled.isoformat()}, {(crawled - published).days} days after publication"
            )
    later_years = sorted(
        {
            int(year)
            for item in record.boilerplate
            for year in _YEAR.findall(item.text)
            if published.year < int(year) <= date.today().year + 1
        }
    )
    if later_years:
        years = ", ".join(map(str, later_years))
        reasons.append(
            f"the page around the article mentions {years}, after its {published.year} publication"
        )
    if reasons:
        record.stale = True
        record.stale_reason = "; ".join(reasons)
    return record
