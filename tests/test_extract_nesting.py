"""Issue 18 item 2 (CLI half): 190,000 nested <div>s around an article took minutes to parse
and lost the article; flattening the middle levels first is linear and keeps every word."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES

from newsmill.cli import main
from newsmill.extract.html import extract_html
from newsmill.extract.nesting import MAX_DEPTH, flatten_deep_nesting

PAGE = EXAMPLES / "html" / "01_article_element_berlin.html"


def _deep(levels: int) -> str:
    inner = re.sub(r"(?is).*<body[^>]*>|</body>.*", "", PAGE.read_text(encoding="utf-8"))
    return (
        "<html><head><title>Deep page</title></head><body>"
        + "<div>" * levels
        + inner
        + "</div>" * levels
        + "</body></html>"
    )


def _words(html: str) -> list[str]:
    return re.sub(r"<[^>]+>", " ", html).split()


def test_extract_deep_nesting_keeps_the_article_fast(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = extract_html(PAGE.read_text(encoding="utf-8"))
    started = time.monotonic()
    deep = extract_html(_deep(190_000))
    elapsed = time.monotonic() - started
    assert elapsed < 15, elapsed  # minutes before (25.8 s on the attack's machine)
    assert [p.text for p in deep.paragraphs] == [p.text for p in plain.paragraphs]
    assert deep.title is not None and plain.title is not None and deep.title.text == plain.title.text
    assert any("flattened" in warning for warning in deep.extraction.warnings)
    path = tmp_path / "deep.html"
    path.write_text(_deep(190_000), encoding="utf-8")
    assert main(["extract", str(path), "--jsonl", str(tmp_path / "out.jsonl")]) == 0
    assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 1


def test_extract_flattening_keeps_every_word_and_leaves_real_pages_alone() -> None:
    html = _deep(5_000)
    flat, removed = flatten_deep_nesting(html)
    assert removed > 0 and _words(flat) == _words(html)
    depth = max_depth = 0
    for match in re.finditer(r"<(/?)div\b", flat):
        depth += -1 if match.group(1) else 1
        max_depth = max(max_depth, depth)
    assert max_depth <= MAX_DEPTH + 30  # the article's own few levels under the kept frame
    for page in sorted((EXAMPLES / "html").glob("*.html")):
        text = page.read_text(encoding="utf-8")
        assert flatten_deep_nesting(text) == (text, 0)
