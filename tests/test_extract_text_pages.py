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

from newsmill import NoArticleFound, analyze

RESOURCES = Path(__file__).parent / "resources"
# Five rounds, each written by an evaluator who had not seen the reader's rules at the time.
PAGES = (
    sorted(RESOURCES.glob("pages/*.txt"))
    + sorted(RESOURCES.glob("pages2/*.txt"))
    + sorted(RESOURCES.glob("pages3/*.txt"))
    + sorted(RESOURCES.glob("pages4/*.txt"))
    + sorted(RESOURCES.glob("pages5/*.txt"))
)


def _norm(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def _line_index(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)


def _expected(path: Path) -> dict:
    return json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))


ARTICLES = [p for p in PAGES if not _expected(p).get("no_article")]
NO_ARTICLES = [p for p in PAGES if _expected(p).get("no_article")]


@pytest.fixture(scope="module", params=ARTICLES, ids=[f"{p.parent.name}/{p.stem}" for p in ARTICLES])
def reading(request: pytest.FixtureRequest) -> tuple[dict, object, str]:
    path: Path = request.param
    text = path.read_text(encoding="utf-8")
    return _expected(path), analyze(text), text


@pytest.mark.parametrize("path", NO_ARTICLES, ids=[p.stem for p in NO_ARTICLES])
def test_extract_pages_all_furniture_has_no_article(path: Path) -> None:
    with pytest.raises(NoArticleFound):
        analyze(path.read_text(encoding="utf-8"))


# Readings the reader does not get yet, each with the reason (kept visible, not skipped):
# "<stem>" for the header fields, "<stem>:lines" for where the lines land.
KNOWN_GAPS = {
    "06_german_energy": "a 'Berlin. Sentence' dateline has nothing (agency, date) to vouch for it",
    "08_hindu_monsoon": "the dateline 'NEW DELHI' trails the timestamp line, not the first paragraph",
    "14_dailymail_bullets": "summary bullets under the headline: the first is taken as the standfirst",
    "14_dailymail_bullets:lines": "a caption without a credit or full stop reads as a one-line paragraph",
    "28_ndtv_pti": "an agency-only byline ('Press Trust of India') yields no author name",
    "05_nyt_longnav:lines": "a bare date in the masthead menu is read as a timestamp, not navigation",
    "15_local_us_council:lines": "the menu item 'Letters to the Editor' reads as a desk credit line",
    "22_title_repeated:lines": "of three stacked copies of the headline the first, not the second, is taken",
    "23_hardwrapped:lines": "a bare web address wrapped from the copyright line is left unlabelled",
    # pages4 (session 17), what its first tuning left:
    "02_recipe_banana_bread": "'June Okafor': a month name read as no given name drops the second author",
    "02_recipe_banana_bread:lines": "'Jump to Recipe' and a rating kept; 'Prep time: 15 minutes' lines lost",
    "07_japanese_railway:lines": "a Japanese photo caption ('…＝16日午前、上沢駅') reads as a paragraph",
    "13_long_nav_breadcrumb:lines": "a caption without a credit or full stop reads as a one-line paragraph",
    # pages5 (session 17), after one round of tuning:
    "01_football_match_report:lines": "the score and scorers lines under the caption are read as links",
    "02_local_news_breadcrumb": "'Local Democracy Reporting Service' after the name is read as an author",
    "04_business_key_points": "a byline after the 'Key points' bullets is not read",
    "05_qa_explainer:lines": "a caption ending in a bracketed credit reads as a paragraph",
    "06_korean_news": "a Korean byline ('김서윤 기자'): the role after the name is not read",
    "07_thai_news": "Thai has no closing punctuation: a section label is taken as the title",
    "07_thai_news:lines": "Thai related headlines and a newsletter prompt read as paragraphs",
    "08_arabic_news:lines": "an Arabic caption with a photographer's credit reads as a paragraph",
    "10_spanish_efe:lines": "the 'EFE' trailer line and the headlines after it are kept",
}


def test_extract_pages_header_fields(reading: tuple, request: pytest.FixtureRequest) -> None:
    expected, rec, _ = reading
    stem = request.node.callspec.id.split("/")[-1]
    if stem in KNOWN_GAPS:
        request.applymarker(pytest.mark.xfail(reason=KNOWN_GAPS[stem], strict=True))
    titles = [_norm(expected["title"]), *map(_norm, expected.get("title_ok", []))]
    assert _norm(rec.title and rec.title.text) in titles
    subtitles = [_norm(expected["subtitle"]), *map(_norm, expected.get("subtitle_ok", []))]
    assert _norm(rec.subtitle and rec.subtitle.text) in subtitles
    wanted = expected["dateline"]
    if wanted is None:
        assert rec.dateline is None
    else:
        got = rec.dateline
        assert got is not None
        place = wanted["place"].lower()
        assert place in {got.text.lower(), got.name.lower(), f"{got.text}, {got.region}".lower()}
        ok = wanted.get("agency_ok") or expected.get("agency_ok") or [wanted["agency"]]
        assert (got.agency and got.agency.lower()) in [a and a.lower() for a in ok]
    got = sorted(_norm(a.name).lower() for a in rec.authors)
    assert any(
        got == sorted(_norm(a).lower() for a in ok)
        for ok in [expected["authors"], *expected.get("authors_ok", [])]
    )
    assert (rec.published.date if rec.published else None) == expected["published"]


def test_extract_pages_every_line_lands_where_expected(
    reading: tuple, request: pytest.FixtureRequest
) -> None:
    expected, rec, text = reading
    stem = request.node.callspec.id.split("/")[-1]
    if f"{stem}:lines" in KNOWN_GAPS:
        request.applymarker(pytest.mark.xfail(reason=KNOWN_GAPS[f"{stem}:lines"], strict=True))
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
        elif tag and tag.startswith("B:") and "*" not in tag:
            assert index in furniture_lines, f"furniture line {index} not removed: {line!r}"
            assert index not in paragraph_lines, f"furniture line {index} in the body: {line!r}"
