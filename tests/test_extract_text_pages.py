"""Twenty more scraped pages in varied house styles, each with its expected reading.

The pages in tests/resources/pages were written for the project by an evaluator who had not
seen the reader's rules (South Asian and BBC styles, live blogs, press releases, hard-wrapped
text, Q&A, opinion with bio, cookie banners, comment sections, diacritics, ...). Each .json
holds the title, standfirst, dateline, authors, date and a tag per line: P paragraph,
T/S/A/D header lines, B:<reasons> furniture, X either.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from newsmill import analyze

PAGES = sorted((Path(__file__).parent / "resources" / "pages").glob("*.txt"))


def _norm(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def _line_index(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)


@pytest.fixture(scope="module", params=PAGES, ids=[p.stem for p in PAGES])
def reading(request: pytest.FixtureRequest) -> tuple[dict, object, str]:
    path: Path = request.param
    text = path.read_text(encoding="utf-8")
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    return expected, analyze(text), text


def test_extract_pages_header_fields(reading: tuple) -> None:
    expected, rec, _ = reading
    assert _norm(rec.title and rec.title.text) == _norm(expected["title"])
    assert _norm(rec.subtitle and rec.subtitle.text) == _norm(expected["subtitle"])
    if expected["dateline"] is None:
        assert rec.dateline is None
    else:
        assert rec.dateline is not None
        assert rec.dateline.text.lower() == expected["dateline"]["place"].lower()
        agencies = [a and a.lower() for a in (expected.get("agency_ok") or [expected["dateline"]["agency"]])]
        assert (rec.dateline.agency and rec.dateline.agency.lower()) in agencies
    got = sorted(_norm(a.name).lower() for a in rec.authors)
    assert any(
        got == sorted(_norm(a).lower() for a in ok)
        for ok in [expected["authors"], *expected.get("authors_ok", [])]
    )
    assert (rec.published.date if rec.published else None) == expected["published"]


def test_extract_pages_every_line_lands_where_expected(reading: tuple) -> None:
    expected, rec, text = reading
    tags = expected["line_tags"]
    paragraph_lines = {
        line
        for p in rec.paragraphs
        for line in range(_line_index(text, p.start), _line_index(text, p.end) + 1)
    }
    furniture_lines = {_line_index(text, b.start) for b in rec.boilerplate}
    for index, tag in enumerate(tags):
        line = text.split("\n")[index][:70]
        if tag in ("P", "C"):  # C: a hard-wrapped continuation of a paragraph
            assert index in paragraph_lines, f"paragraph line {index} lost: {line!r}"
        elif tag and tag.startswith("B:"):
            assert index in furniture_lines, f"furniture line {index} not removed: {line!r}"
            assert index not in paragraph_lines, f"furniture line {index} in the body: {line!r}"
