"""The one CSV writer (``newsmill export --format csv`` and the API's ``format=csv``).

Page text is untrusted: a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is run as a formula by spreadsheets (``=HYPERLINK(...)``, ``+cmd|...``, ``@SUM(...)``),
so such text is written with a leading ``'``, which shows it as text. Numbers stay numbers.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO, Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> Any:
    """The value as written to a CSV cell: lists joined with ``; ``, formulas defused."""
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    if isinstance(value, list):
        value = "; ".join(
            str(item.get("text", "")) if isinstance(item, dict) else str(item) for item in value
        )
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


class SafeWriter:
    """``csv.writer`` whose every cell goes through :func:`cell`."""

    def __init__(self, handle: IO[str]) -> None:
        self._writer = csv.writer(handle)

    def writerow(self, values: Iterable[Any]) -> None:
        self._writer.writerow([cell(value) for value in values])
