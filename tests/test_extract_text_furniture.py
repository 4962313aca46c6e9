"""Title choice and furniture reasons on short pages written for these tests."""

from __future__ import annotations

import pytest

from newsmill import NoArticleFound, analyze
from newsmill.extract.furniture import furniture_reason, list_header
from newsmill.extract.lines import split_lines
from newsmill.extract.text import LineLabel, classify_lines
from newsmill.model import BoilerplateReason as Reason

BODY = "".join(
    line + "\n"
    for line in (
        "The regional water authority said on Monday that reservoir levels had fallen to their lowest "
        "point in a decade, after the driest winter since records began.",
        "Engineers have begun pumping water between the three main reservoirs to keep supplies running, "
        "and a hosepipe ban will start at the end of the month.",
        '"We are asking every household to cut its use by a fifth," the authority\'s chief executive '
        'told reporters. "Small changes add up very quickly."',
        "Farmers in the valley say the restrictions have come too late for this year's first planting, "
        "and several have already sold part of their herds.",
    )
)


def _reasons(page: str) -> dict[str, str | None]:
    return {
        item.line.text: item.reason.value if item.reason else item.label.value
        for item in classify_lines(page)
    }


# --- title choice ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("top", "title", "subtitle"),
    [
        # A "skip" link and a section menu above the headline are navigation.
        (
            "Skip to navigation\nNews\nWorld\nReservoirs fall to lowest level in a decade\n",
            "Reservoirs fall to lowest level in a decade",
            None,
        ),
        # A breadcrumb that repeats the headline is navigation.
        (
            "Home / Regional News / Reservoirs fall to lowest level\n"
            "Reservoirs fall to lowest level in a decade as drought deepens\n",
            "Reservoirs fall to lowest level in a decade as drought deepens",
            None,
        ),
        # The site name and a short call to action above the headline are navigation.
        (
            "Valley Herald Online\nPlace a Classified Ad\nReservoirs fall to lowest level in a decade\n",
            "Reservoirs fall to lowest level in a decade",
            None,
        ),
        # A notice sentence above the headline is not the title.
        (
            "This article was machine translated from Spanish.\n"
            "Reservoirs fall to lowest level in a decade\n"
            "The authority blames the driest winter on record. A hosepipe ban starts this month.\n"
            "By Ana Ruiz\n",
            "Reservoirs fall to lowest level in a decade",
            "The authority blames the driest winter on record. A hosepipe ban starts this month.",
        ),
        # The last header line reads like a standfirst: the line above it is the title.
        (
            "Home\nEnvironment\nReservoirs fall to lowest level in a decade\n"
            "Households are asked to cut their water use by a fifth as the authority warns of a dry summer\n",
            "Reservoirs fall to lowest level in a decade",
            "Households are asked to cut their water use by a fifth as the authority warns of a dry summer",
        ),
        # An initial inside the headline ("S. Yorkshire") does not make it two sentences.
        (
            "News\n(UPDATE) S. Yorkshire reservoirs fall to lowest level in a decade\n",
            "(UPDATE) S. Yorkshire reservoirs fall to lowest level in a decade",
            None,
        ),
    ],
)
def test_text_furniture_title_is_the_last_headline(top: str, title: str, subtitle: str | None) -> None:
    rec = analyze(top + BODY)
    assert rec.title is not None and rec.title.text == title
    assert (rec.subtitle.text if rec.subtitle else None) == subtitle


def test_text_furniture_caption_and_timestamp_above_the_body() -> None:
    page = (
        "Reservoirs fall to lowest level in a decade\n"
        "Households are asked to cut their water use by a fifth, the authority says.\n"
        "A dry reservoir bed near the dam on Sunday [Reuters]\n"
        "Published On 6 Mar 2023\n" + BODY
    )
    rec = analyze(page)
    assert rec.subtitle is not None and rec.subtitle.text.startswith("Households")
    assert rec.published is not None and rec.published.date == "2023-03-06"
    assert rec.paragraphs[0].text.startswith("The regional water authority")
    assert _reasons(page)["A dry reservoir bed near the dam on Sunday [Reuters]"] == "caption"


# --- closed-class furniture -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("The empty reservoir at Ladybower in March. Photograph: Jane Smith/Agency", Reason.CAPTION),
        ("Volunteers fill sandbags outside the town hall [AFP]", Reason.CAPTION),
        ("The old pumping station in 1962. (Courtesy of the Valley Museum)", Reason.CAPTION),
        ("(This story has not been edited by our staff and is published from a wire feed.)", Reason.FOOTER),
        ("Contact reporter Ana Ruiz at aruiz@example.org or on Twitter.", Reason.FOOTER),
        (
            "This article is republished from The Example Review under a Creative Commons license.",
            Reason.FOOTER,
        ),
        ("View all posts by Ana Ruiz", Reason.FOOTER),
        ("Published in Dawn, March 6th, 2023", Reason.FOOTER),
        ("Reuse this content", Reason.FOOTER),
        ("Thanks for reading The Weekly Brief! Subscribe for free to get new posts.", Reason.NEWSLETTER),
        ("Type your email…", Reason.NEWSLETTER),
        ("Download the Valley News app for breaking alerts.", Reason.NEWSLETTER),
        ("Share this article in your social network", Reason.SHARE_PROMPT),
        ("4 min read", Reason.SHARE_PROMPT),
        ("Reading time: 3 min", Reason.SHARE_PROMPT),
        ("About the author", Reason.CREDITS),
        ("Source: News agencies", Reason.CREDITS),
        ("Themen: Wasser, Dürre, Landwirtschaft", Reason.TAGS),
        ("Topics", Reason.TAGS),
        ("#drought #water #farming", Reason.TAGS),
        ("Skip to navigation", Reason.NAVIGATION),
        ("Home / Regional News / Reservoirs fall to lowest level", Reason.NAVIGATION),
        ("Home > Environment", Reason.NAVIGATION),
        # Captions closing with a parenthesised or piped credit.
        ("A ranger checks the dry creek bed near the weir. (Valley Radio: Tom Hart)", Reason.CAPTION),
        ("The dam wall seen from the north bank. (Tom Hart/Valley Press)", Reason.CAPTION),
        ("Ana Ruiz (pictured) said the bill had tripled since spring", Reason.CAPTION),
        ("The weir at dawn. File | Photo Credit: Valley Herald", Reason.CAPTION),
        ("Cattle at the saleyard. PHOTO | FILE | VALLEY MEDIA", Reason.CAPTION),
        # Sign-up boxes, paywalls and consent text.
        ("Join the Herald's WhatsApp Channel for breaking news.", Reason.NEWSLETTER),
        ("Support local journalism. Subscribe to the Valley Herald today.", Reason.NEWSLETTER),
        ("Already a subscriber? Log in", Reason.NEWSLETTER),
        ("Privacy Notice: Sign-ups may include offers from partners. " * 4, Reason.NEWSLETTER),
        ("Twelve thousand paid subscribers", Reason.NEWSLETTER),
        # Share and engagement widgets.
        ("Save articles to read later and build your own list.", Reason.SHARE_PROMPT),
        ("Social Sharing", Reason.SHARE_PROMPT),
        ("Why you can trust the Herald", Reason.SHARE_PROMPT),
        ("3.4K", Reason.SHARE_PROMPT),
        ("shares", Reason.SHARE_PROMPT),
        ("Like Loading...", Reason.SHARE_PROMPT),
        ("5.1K Followers", Reason.SHARE_PROMPT),
        ("Read Time: 3 mins", Reason.SHARE_PROMPT),
        ("Share - Copy Link copied - Email - Facebook - Flipboard - Print", Reason.SHARE_PROMPT),
        ("Print this page | Close window", Reason.NAVIGATION),
        # Comments, legal sections, credits.
        ("7 thoughts on “How we fixed the weir”", Reason.COMMENTS),
        ("Sam K. says:", Reason.COMMENTS),
        ("Comments (3) Closed", Reason.COMMENTS),
        ("Forward-Looking Statements", Reason.FOOTER),
        (
            "This press release contains forward-looking statements about the company's plans. " * 3,
            Reason.FOOTER,
        ),
        ("(ATTN: ADDS quotes in paras 4-5)", Reason.FOOTER),
        ("Reporting from Lyon, France", Reason.CREDITS),
        ("News provided by", Reason.CREDITS),
        # A list heading with its items run into one line.
        ("MOST READ - Storm closes the coast road - Council votes on parking", Reason.TRENDING_HEADLINE),
        # Furniture of other languages (extract/data/furniture_phrases.tsv), and CNN's ad label.
        ("Baca juga: Harga Cabai Rawit di Pasar Tradisional Turun", Reason.READ_MORE),
        ("Поделиться", Reason.SHARE_PROMPT),
        ("Compartilhe:", Reason.SHARE_PROMPT),
        ("この記事をシェアする", Reason.SHARE_PROMPT),
        ("来源：城市晨报", Reason.CREDITS),
        ("Ad Feedback", Reason.ADVERTISEMENT),
        ("Lesezeit: 3 Min.", Reason.SHARE_PROMPT),
        ("Ciclistas atravessam a nova passarela — Foto: Lucas Amorim", Reason.CAPTION),
        ("News | Economy | Travel | Highlands & Islands | Data", Reason.NAVIGATION),
    ],
)
def test_text_furniture_reason_of_a_line(line: str, reason: Reason) -> None:
    assert furniture_reason(split_lines(line)[0]) is reason


@pytest.mark.parametrize(
    "line",
    [
        "By ANA RUIZ | aruiz@example.org | The Harbor Times",
        "The spokesperson said the photograph was taken in March.",
        "More than 200 homes were evacuated.",
        "Hi all, and welcome to the new subscribers who joined after last week's post on tides.",
        "Most of the residents left before the storm arrived - some by boat - officials said.",
        "The mayor (left the meeting early) did not comment.",
        # A phrase of another language ends at a word boundary; a table row is no menu.
        "Teilnehmerzahl steigt",
        "Orkney | 171 | 166 | -3%",
        "Region | 2023 | 2024 | Change",
    ],
)
def test_text_furniture_not_furniture(line: str) -> None:
    assert furniture_reason(split_lines(line)[0]) is None


@pytest.mark.parametrize("line", ["Keep reading", "Other news", "Read also", "More Obituaries", "MORE SPORT"])
def test_text_furniture_list_headers(line: str) -> None:
    assert list_header(split_lines(line)[0]) is Reason.LINK_LIST


def test_text_furniture_list_header_needs_a_section_name() -> None:
    assert list_header(split_lines("More than ever")[0]) is None


# --- reasons in context ---------------------------------------------------------------------


def test_text_furniture_menu_above_an_advert_stays_navigation() -> None:
    page = (
        "Watch Live\nNews\nTraffic\nSchool Closings\nADVERTISEMENT\nReservoirs fall to lowest level\n" + BODY
    )
    reasons = _reasons(page)
    for item in ("Watch Live", "News", "Traffic", "School Closings"):
        assert reasons[item] == "navigation", item
    assert reasons["ADVERTISEMENT"] == "advertisement"


def test_text_furniture_single_heading_takes_the_reason_below() -> None:
    page = (
        "Reservoirs fall to lowest level in a decade\n"
        + BODY
        + "Morning briefing\nSign up to our newsletter\n"
    )
    assert _reasons(page)["Morning briefing"] == "newsletter"


def test_text_furniture_tags_after_a_topics_heading() -> None:
    page = (
        "Reservoirs fall to lowest level in a decade\n" + BODY + "Explore more on these topics\n"
        "Drought\nWater supply\nFarming\nShare\n"
    )
    reasons = _reasons(page)
    for item in ("Explore more on these topics", "Drought", "Water supply", "Farming"):
        assert reasons[item] == "tags", item


def test_text_furniture_comma_separated_tags_after_the_body() -> None:
    page = "Reservoirs fall to lowest level in a decade\n" + BODY + "Drought, Water supply, Farming\n"
    assert _reasons(page)["Drought, Water supply, Farming"] == "tags"


def test_text_furniture_list_items_are_not_bylines() -> None:
    page = (
        "Reservoirs fall to lowest level in a decade\nBy Ana Ruiz\n" + BODY + "More Obituaries\n"
        "Walter P. Gray, 88, retired dairy farmer\nEdna Moss, 91, of Riverside\n"
    )
    rec = analyze(page)
    assert [a.name for a in rec.authors] == ["Ana Ruiz"]
    assert _reasons(page)["Walter P. Gray, 88, retired dairy farmer"] == "link_list"


def test_text_furniture_name_signing_the_article_is_the_author() -> None:
    page = "Reservoirs fall to lowest level in a decade\n" + BODY + "Ana Ruiz\nTags: drought, water\n"
    rec = analyze(page)
    assert [a.name for a in rec.authors] == ["Ana Ruiz"]


@pytest.mark.parametrize(
    ("lead", "agency"),
    [
        ("Editor's note: This story is part of a series on the drought.\n", None),
        ("Reading time: 3 min.\n", "AFP"),
    ],
)
def test_text_furniture_dateline_in_the_second_paragraph(lead: str, agency: str | None) -> None:
    opener = "LYON (AFP) - " if agency else "LYON — "
    page = "Reservoirs fall to lowest level in a decade\n" + lead + opener + BODY
    rec = analyze(page)
    assert rec.dateline is not None and rec.dateline.name == "Lyon"
    assert rec.dateline.agency == agency


def test_text_furniture_hard_wrapped_capital_continuation() -> None:
    wrapped = (
        "The regional water authority said on Monday that reservoir levels in the\n"
        "valley had fallen to their lowest point in a decade, after the driest winter\n"
        "since records began, and that a hosepipe ban would start within a fortnight\n"
        "across the Three Rivers district and in parts of the neighbouring county.\n"
        "Engineers have begun pumping water between the three main reservoirs to keep\n"
        "supplies running, the authority said, and a second pipeline from St.\n"
        "Albans Reservoir is due to open next week if the dry weather continues.\n"
        "Farmers in the valley say the restrictions have come too late for this year's\n"
        "first planting, and several of them have already sold part of their herds.\n"
    )
    rec = analyze("Reservoirs fall to lowest level in a decade\n\n" + wrapped)
    assert len(rec.paragraphs) == 3
    assert rec.paragraphs[1].text.startswith("Engineers") and "Albans Reservoir" in rec.paragraphs[1].text


def test_text_furniture_body_labels_unchanged_by_wrap_detection() -> None:
    labelled = classify_lines("Reservoirs fall to lowest level in a decade\n" + BODY)
    assert sum(item.label is LineLabel.BODY for item in labelled) == 4


# --- page structure around the body ----------------------------------------------------------


def test_text_furniture_comments_after_a_thoughts_heading() -> None:
    page = (
        "Reservoirs fall to lowest level in a decade\n" + BODY + "4 thoughts on “Reservoirs fall”\n"
        "Sam K. says:\n"
        "March 4, 2023 at 9:12 am\n"
        "Ours has been dry since January and nobody from the council has said a thing about it.\n"
    )
    rec = analyze(page)
    assert rec.paragraphs[-1].text.startswith("Farmers in the valley")
    reasons = _reasons(page)
    assert reasons[
        "Ours has been dry since January and nobody from the council has said a thing about it."
    ] == ("comments")


def test_text_furniture_author_box_after_the_body() -> None:
    page = (
        "Reservoirs fall to lowest level in a decade\nBy Ana Ruiz\n" + BODY + "Hydrology\nDrought\n"
        "Written by Ana Ruiz\n"
        "1.1K Followers\n"
        "Water reporter. Rivers, dams and the people who argue about them.\n"
    )
    rec = analyze(page)
    assert [a.name for a in rec.authors] == ["Ana Ruiz"]
    assert rec.paragraphs[-1].text.startswith("Farmers in the valley")


def test_text_furniture_other_stories_teasers_after_the_body() -> None:
    page = (
        "Reservoirs fall to lowest level in a decade\n"
        + BODY
        + "Ferry operator adds winter sailings to islands\n"
        "Two extra crossings a week will run from November, the operator said on Friday.\n"
        "Museum reopens its textile gallery after long refit\n"
        "The gallery had been closed for three years while its roof was replaced.\n"
    )
    rec = analyze(page)
    assert rec.paragraphs[-1].text.startswith("Farmers in the valley")


def test_text_furniture_newsletter_box_pitch_between_prompts() -> None:
    page = (
        "Reservoirs fall to lowest level in a decade\n"
        + BODY
        + "Subscribe to The Valley Letter\nRivers and weather, every Friday.\nType your email...\n"
        + BODY.replace("The regional", "A regional")
    )
    assert _reasons(page)["Rivers and weather, every Friday."] == "newsletter"


@pytest.mark.parametrize(
    ("top", "title", "subtitle", "authors"),
    [
        # A headline of two sentences, a standfirst, a bare name over the date.
        (
            "Valley Letter\nSign in\nDry winters are not the problem. Dry springs are.\n"
            "Why the reservoirs keep emptying, and what the authority could do before the summer\n"
            "Ana Ruiz\nMar 4, 2023\n",
            "Dry winters are not the problem. Dry springs are.",
            "Why the reservoirs keep emptying, and what the authority could do before the summer",
            ["Ana Ruiz"],
        ),
        # A Title Case headline over a shorter standfirst; a name above a "Follow" button.
        (
            "Sign in\nHow Our Valley Cut Its Water Use by a Fifth in One Year\n"
            "Lessons from twelve months of reading meters\nAna Ruiz\nFollow\nMar 4, 2023\n",
            "How Our Valley Cut Its Water Use by a Fifth in One Year",
            "Lessons from twelve months of reading meters",
            ["Ana Ruiz"],
        ),
        # A press-release credit above the company name is not the title.
        (
            "Send a Release\nValley Water Announces Record Savings in First Quarter of 2023\n"
            "News provided by\nValley Water Co.\nMar 4, 2023, 07:00 ET\n",
            "Valley Water Announces Record Savings in First Quarter of 2023",
            None,
            [],
        ),
        # A reporting location under the byline is not the title.
        (
            "In a Dry Valley, Farmers Sell Their Herds Early\nBy Ana Ruiz\nReporting from Lyon, France\n"
            "March 4, 2023\n",
            "In a Dry Valley, Farmers Sell Their Herds Early",
            None,
            ["Ana Ruiz"],
        ),
    ],
)
def test_text_furniture_header_layouts(
    top: str, title: str, subtitle: str | None, authors: list[str]
) -> None:
    rec = analyze(top + BODY)
    assert rec.title is not None and rec.title.text == title
    assert (rec.subtitle.text if rec.subtitle else None) == subtitle
    assert [a.name for a in rec.authors] == authors
    assert rec.paragraphs[0].text.startswith("The regional water authority")


@pytest.mark.parametrize(
    "org", ["Valley News Scotland", "Better Gardening Magazine", "Google Preferred Source"]
)
def test_text_furniture_publication_under_the_byline_is_not_an_author(org: str) -> None:
    rec = analyze(
        "Reservoirs fall to lowest level in a decade\nAna Ruiz\n" + org + "\nMarch 4, 2023\n" + BODY
    )
    assert [a.name for a in rec.authors] == ["Ana Ruiz"]


def test_text_furniture_cookie_banner_and_paywall_is_no_article() -> None:
    page = (
        "The Valley Herald\nMenu\nSubscribe\nWe value your privacy\n"
        "We and our 310 partners store and access information on your device, such as cookies, and "
        "process personal data such as unique identifiers for personalised ads and content, measurement "
        "and audience research.\nAccept all\nReject all\n"
        "This article is for subscribers only.\nAlready a subscriber? Log in\n"
        "Get unlimited digital access for $2 a month. Cancel anytime.\nSubscribe now\n"
        "© 2024 The Valley Herald\n"
    )
    with pytest.raises(NoArticleFound):
        analyze(page)


def test_text_furniture_standfirst_after_the_byline_above_a_dateline() -> None:
    page = (
        "News\nReservoirs Fall To Lowest Level In A Decade\nAna Ruiz\nMarch 4, 2023\nRead Time: 2 mins\n"
        "Households are asked to cut their water use by a fifth, the authority said.\nShare\n"
        "Lyon: The regional water authority in Lyon said on Monday that reservoir levels had fallen to "
        "their lowest point in a decade.\n" + BODY
    )
    rec = analyze(page)
    assert rec.title is not None and rec.title.text == "Reservoirs Fall To Lowest Level In A Decade"
    assert rec.subtitle is not None and rec.subtitle.text.startswith("Households are asked")
    assert rec.dateline is not None and rec.dateline.name == "Lyon"


# --- the article's own lists ----------------------------------------------------------------

_LEAD = (
    "The band announced on Tuesday that it would play eleven dates across Britain this autumn, "
    "its first tour since the drummer's illness.\n"
)
_AFTER = (
    "Tickets go on sale on Friday morning through the band's website, and a second London date "
    "may be added if the first sells out.\n"
)


@pytest.mark.parametrize(
    ("lead_in", "items"),
    [
        (
            "Tour dates:",
            [
                "Oct 20 – Glasgow, Barrowland Ballroom",
                "Oct 22 – Leeds, O2 Academy",
                "Oct 24 – London, Roundhouse",
            ],
        ),
        (
            "Ingredients",
            ["3 tbsp olive oil", "1 red onion, cut into wedges", "Small bunch of parsley, chopped"],
        ),
        (
            "What's new in this version:",
            [
                "Faster charging over the cable",
                "A brighter screen for outdoor use",
                "Longer battery life on standby",
            ],
        ),
    ],
    ids=["tour-dates", "ingredients", "whats-new"],
)
def test_text_furniture_a_list_the_article_frames_stays_in_the_body(lead_in: str, items: list[str]) -> None:
    page = (
        "Band confirms autumn tour\n"
        + _LEAD
        + lead_in
        + "\n"
        + "".join(i + "\n" for i in items)
        + _AFTER
        + BODY
    )
    record = analyze(page)
    body = {p.text for p in record.paragraphs}
    assert set(items) <= body
    kinds = {record.text[b.start : b.end]: b.kind for b in record.blocks}
    assert all(item in kinds for item in items), kinds  # marked (a list, schedule, table...): no prose


def test_text_furniture_other_stories_headlines_inside_the_body_stay_furniture() -> None:
    # No lead-in frames them, they hold no figures and they are Title Case headlines.
    headlines = ["Council Approves New Cycle Lanes For City Centre", "Local Bakery Wins National Award Again"]
    page = "Band confirms autumn tour\n" + _LEAD + "".join(h + "\n" for h in headlines) + _AFTER + BODY
    record = analyze(page)
    assert not set(headlines) & {p.text for p in record.paragraphs}


@pytest.mark.parametrize("line", ["ข่าวที่เกี่ยวข้อง", "اقرأ أيضاً", "Noticias relacionadas:"])
def test_text_furniture_list_headers_of_other_languages(line: str) -> None:
    assert list_header(split_lines(line)[0]) is Reason.LINK_LIST


def test_text_furniture_a_table_closing_the_article_stays_in_the_body() -> None:
    # The header row alone reads like a menu; the rows of figures under it make it a table,
    # and the table the article closes with (after a lead-in) is the article's.
    table = [
        "Pos | Team | P | Pts",
        "1 | Kendal Athletic | 16 | 36",
        "2 | Clitheroe Town | 16 | 36",
        "3 | Morecambe Rovers | 16 | 31",
    ]
    page = (
        "Band confirms autumn tour\n" + BODY + "How the top three stand\n" + "".join(r + "\n" for r in table)
    )
    page += "Topics: Football, Kendal\n© 2024 Northern Touchline Media Ltd. All rights reserved.\n"
    record = analyze(page)
    body = {p.text for p in record.paragraphs}
    assert set(table) <= body and "How the top three stand" in body
    assert not any("Topics" in p for p in body)


def test_text_furniture_a_standfirst_repeated_below_the_byline_is_not_the_headline() -> None:
    headline = "Reservoirs fall to their lowest level in a decade after dry winter"
    standfirst = "Engineers are moving water between reservoirs and a hosepipe ban starts this month"
    page = (
        f"THE VALLEY HERALD\n{headline}\nNews | Environment | Sport\n{headline}\n{standfirst}\n"
        f"By Eleanor Finch\nPublished: 2 January 2024\n{standfirst}\n" + BODY
    )
    record = analyze(page)
    assert record.title is not None and record.title.text == headline
    assert record.subtitle is not None and record.subtitle.text == standfirst
    assert standfirst not in {p.text for p in record.paragraphs}
