"""Inline SVG bar charts, computed server-side (no chart library, no script)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    count: int

    @property
    def days(self) -> tuple[str, str]:
        """The first and last day the bar counts (``since``/``until`` filters)."""
        if len(self.label) == 7:  # a month
            year, month = map(int, self.label.split("-"))
            following = date(year + month // 12, month % 12 + 1, 1)
            return f"{self.label}-01", (following - timedelta(days=1)).isoformat()
        return self.label, self.label


@dataclass(frozen=True, slots=True)
class Chart:
    bars: list[Bar]
    width: int
    height: int
    first: str
    last: str
    peak: int
    unit: str  # "day" or "month"


def bar_chart(series: list[tuple[str, int]], width: int = 640, height: int = 120) -> Chart | None:
    """Counts per day (``YYYY-MM-DD``) as bars, quiet days included (attention is also its
    absence); a span of more than 90 days is summed per month."""
    if not series:
        return None
    unit = "day"
    try:
        first, last = date.fromisoformat(series[0][0]), date.fromisoformat(series[-1][0])
    except ValueError:
        first = last = None  # not ISO days: draw what we were given
    if first and last and 0 <= (last - first).days <= 90:
        counts = dict(series)
        days = [(first + timedelta(days=n)).isoformat() for n in range((last - first).days + 1)]
        series = [(day, counts.get(day, 0)) for day in days]
    elif len(series) > 90 or (first and last and (last - first).days > 90):
        months: Counter[str] = Counter()
        for day, count in series:
            months[day[:7]] += count
        series, unit = sorted(months.items()), "month"
    peak = max(count for _, count in series) or 1
    slot = width / len(series)
    gap = min(2.0, slot * 0.2)
    bars = [
        Bar(
            x=round(index * slot + gap / 2, 2),
            y=round(height - count / peak * (height - 4), 2),
            width=round(max(slot - gap, 1.0), 2),
            height=round(count / peak * (height - 4), 2),
            label=label,
            count=count,
        )
        for index, (label, count) in enumerate(series)
    ]
    return Chart(bars, width, height, series[0][0], series[-1][0], peak, unit)
