"""Word lists the analysis reads from ``analyze/data``: one loader, read once per process.

A list file holds lower-case words separated by spaces and line breaks (``words``), or one
word or phrase per line (``phrases``), or one word and its value per line, separated by a tab
(``pairs``); lines starting with ``#`` say what the list is for and where it comes from. A
name may start with a subdirectory of ``data`` ("events/person_words.txt").
"""

from __future__ import annotations

import functools
from pathlib import Path

DATA = Path(__file__).with_name("data")


def _lines(name: str) -> list[str]:
    """The lines of ``data/<name>`` that are not comments."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if not line.startswith("#")]


@functools.cache
def words(name: str) -> frozenset[str]:
    """The words of ``data/<name>``, lower-cased."""
    return frozenset(word.lower() for line in _lines(name) for word in line.split())


@functools.cache
def phrases(name: str) -> frozenset[str]:
    """The lines of ``data/<name>``, each a word or a phrase, lower-cased."""
    return frozenset(line.strip().lower() for line in _lines(name) if line.strip())


@functools.cache
def pairs(name: str) -> dict[str, str]:
    """The lines of ``data/<name>`` as a map: a lower-cased word, a tab, its value."""
    out: dict[str, str] = {}
    for line in _lines(name):
        if line.strip():
            key, value = line.split("\t")
            out[key.strip().lower()] = value.strip()
    return out
