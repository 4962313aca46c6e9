"""Word lists the analysis reads from ``analyze/data``: one loader, read once per process.

A list file holds lower-case words separated by spaces and line breaks; lines starting with
``#`` say what the list is for and where it comes from.
"""

from __future__ import annotations

import functools
from pathlib import Path

DATA = Path(__file__).with_name("data")


@functools.cache
def words(name: str) -> frozenset[str]:
    """The words of ``data/<name>``, lower-cased."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(word.lower() for line in lines if not line.startswith("#") for word in line.split())
