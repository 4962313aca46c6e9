"""Metrics of the shared gold sets (see ../shared/eval/README.md), implemented as specified."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

_TOKEN = re.compile(r"\w+")


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + size]) for i in range(max(0, len(tokens) - size + 1)))


def page_counts(true: str, pred: str) -> tuple[float, float, float]:
    """tp, fp, fn over 4-token shingles (multisets), normalised by tp + fp + fn."""
    gold, got = shingles(true), shingles(pred)
    tp = sum((gold & got).values())
    fp = sum((got - gold).values())
    fn = sum((gold - got).values())
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def extraction_prf(pairs: Iterable[tuple[str, str]]) -> dict[str, float]:
    """The benchmark's P/R/F1: means of per-page precision and recall, then F1 of the means."""
    precisions: list[float] = []
    recalls: list[float] = []
    for true, pred in pairs:
        tp, fp, fn = page_counts(true, pred)
        if tp + fp > 0:
            precisions.append(1.0 if fp == 0 and fn == 0 else tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(1.0 if fp == 0 and fn == 0 else tp / (tp + fn))
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}
