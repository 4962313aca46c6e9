"""Precision first for times: what a weekday word, a period and a tense mean
(docs/confidence.md, Times). Every page here is written for the test."""

from __future__ import annotations

import pytest

import newsmill

FILLER = (
    "This closing paragraph is part of a page written for the test, and it gives the extractor "
    "enough prose to read the page as an article, as any real news page would."
)


def times(*paragraphs: str, published: str = "2019-11-19") -> dict[str, str | None]:
    text = "\n".join(["A headline for a test page about local news", *paragraphs, FILLER])
    record = newsmill.analyze(text, published=published)
    return {t.text: t.value for t in record.times}


def test_a_named_day_is_that_day_not_the_last_such_weekday() -> None:
    found = times(
        "The best deals of Black Friday are already live, and the Cyber Monday sale starts soon.",
        "Churches will hold Good Friday services as usual, the diocese said.",
    )
    assert found["Black Friday"] == "2019-11-29"  # the day after the fourth Thursday of November
    assert found["Cyber Monday"] == "2019-12-02"
    assert found["Good Friday"] == "2020-04-10"  # the nearest to the publication date
    assert "Friday" not in found and "Monday" not in found


def test_a_capitalised_word_before_a_weekday_is_no_name_unless_listed() -> None:
    found = times("NASA’s Monday announcement surprised the scientists, who met again on Tuesday.")
    assert found["Monday"] == "2019-11-18"


def test_the_last_part_of_something_is_no_period() -> None:
    found = times("The festival ends on the last weekend of January, organisers said last week.")
    assert "last weekend" not in found
    assert found["last week"] == "2019-W46"


def test_the_verb_a_time_hangs_from_sets_its_tense() -> None:
    found = times(
        "“In the end, we will win,” Trump tweeted soon after the committee concluded its hearings "
        "on Tuesday.",
        published="2019-11-20",
    )
    assert found["on Tuesday"] == "2019-11-19"  # past, though the quote says "will"


def test_a_day_inside_quotation_marks_is_the_speakers() -> None:
    text = "\n".join(
        [
            "A headline for a test page about the trains",
            "The mayor spoke to reporters at the depot on November 1. “We close the old line today,” "
            "she said, “and the new one opens on Tuesday.”",
            "The city council meets today to approve the timetable for the new line.",
            FILLER,
        ]
    )
    record = newsmill.analyze(text, published="2019-11-19")
    quoted_from = record.text.index("“We close")
    quoted_to = record.text.index("The city council")
    inside = [t.text for t in record.times if quoted_from <= t.start < quoted_to]
    outside = [t.text for t in record.times if t.start >= quoted_to]
    assert inside == [], inside  # the speaker's days are not emitted
    assert outside == ["today"], outside  # the article's own "today" is


def test_a_year_less_date_in_the_present_tense_is_the_nearest_occurrence() -> None:
    found = times(
        "Officials think the congresswoman is at risk of losing her Aug. 30 primary to a newcomer.",
        "The party met on Jan. 20 to discuss the race, and the candidates spoke in Miami on July 2.",
        published="2016-07-26",
    )
    assert found["Aug. 30"] == "2016-08-30"  # present tense: five weeks ahead, not 11 months back
    assert found["July 2"] == "2016-07-02"  # past tense: the last one up to publication
    assert found["Jan. 20"] == "2016-01-20"
    # A past tense still reads a date more than a month ahead as last year's.
    assert times("The mayor opened the bridge on Dec. 15.", published="2016-07-26")["Dec. 15"] == "2015-12-15"


def test_a_stretch_or_a_habit_is_no_calendar_time() -> None:
    found = times(
        "The senator has gained 20 points over the last year, and last year he was barely known.",
        "The show airs on Saturday nights and repeats on Sundays, and it aired on Saturday night to "
        "a record audience.",
        published="2016-07-26",
    )
    assert found.get("last year") == "2015" and "the last year" not in found  # only the calendar year
    assert found.get("on Saturday night") == "2016-07-23"  # the one night, not the habit
    assert len([t for t in found if "Saturday" in t]) == 1, found


def test_a_weekday_in_a_clubs_name_is_no_day() -> None:
    """A bare weekday right after a name that opens its clause names a club ("Sheffield
    Wednesday"), and the same bare weekday elsewhere in the article is the club too; a weekday
    with a preposition, after a verb, with its date, or after a name with "the" is a day."""
    found = times(
        "Sheffield Wednesday drew 2-2 with Bristol City at Hillsborough on Saturday.",
        "Wednesday travel to Millwall on Tuesday night. The Supreme Court Tuesday ruled on a "
        "separate case, officials said Monday, November 18.",
    )
    assert "Wednesday" not in found
    assert found["on Tuesday night"] == "2019-11-19"
    assert found["Tuesday"] == "2019-11-19"  # "The Supreme Court Tuesday ruled"
    assert "on Saturday" in found and found["November 18"] == "2019-11-18"  # its date says the day


@pytest.mark.parametrize(
    ("paragraph", "expression", "value"),
    [
        pytest.param(
            "The album, due June 13 on a small label, was recorded in a chapel in Wales.",
            "June 13",
            "2020-06-13",
            id="a-timetable-word-governs-the-date",
        ),
        pytest.param(
            "She travels on Friday to Mumbai, where she is scheduled to visit a cocoa plant.",
            "on Friday",
            "2019-11-22",
            id="a-present-passive-is-no-past",
        ),
        pytest.param(
            "The superintendent said all schools would remain closed Thursday, after the storm cut power.",
            "Thursday",
            "2019-11-21",
            id="would-under-a-reporting-verb",
        ),
        pytest.param(
            "The utility warned that some customers might not have power restored until Friday evening.",
            "until Friday evening",
            "2019-11-22",
            id="might-under-a-warning",
        ),
        pytest.param(
            "The judge ordered him to surrender to the Bureau of Prisons by Feb. 14.",
            "Feb. 14",
            "2020-02-14",
            id="a-deadline-of-an-order",
        ),
        pytest.param(
            "Leeds face Hull at Elland Road on Wednesday in the second round.",
            "on Wednesday",
            "2019-11-20",
            id="a-fixture-in-the-present",
        ),
        pytest.param(
            "Three districts announced closures for Thursday.",
            "Thursday",
            "2019-11-21",
            id="set-for-a-day",
        ),
        pytest.param(
            "Forecasters say smog will return this week and will peak on Monday.",
            "on Monday",
            "2019-11-18",
            id="this-week-names-the-week",
        ),
    ],
)
def test_which_way_a_day_is_read(paragraph: str, expression: str, value: str) -> None:
    """A timetable word the date hangs from, a present passive, a modal in reported speech or
    a warning, the deadline of an order, a present-tense fixture in the body and "for" a day
    read forward; "this week" names the publication's week (docs/confidence.md, Times)."""
    assert times(paragraph).get(expression) == value


@pytest.mark.parametrize(
    ("paragraph", "expression"),
    [
        pytest.param(
            "Her car was stripped at church on a Wednesday night in November.", "Wednesday night", id="a-day"
        ),
        pytest.param("The lanes run from 7am to 10am, Monday to Saturday.", "Monday", id="a-range"),
        pytest.param(
            "Police will hold an etching event Saturday, Jan. 25, at the fire station.",
            "Saturday",
            id="dated",
        ),
    ],
)
def test_some_such_day_a_range_or_a_dated_weekday_is_no_weekday_of_its_own(
    paragraph: str, expression: str
) -> None:
    assert expression not in times(paragraph)


def test_a_weekday_of_a_stated_span_is_that_day() -> None:
    """times._read_against_stated_days: an article that states its days ("runs Friday, July 31
    through Sunday, Aug. 2") reads a bare weekday as the stated day of that name, the one it
    sits under; past narration stays on the publication's week. Published Thu 2019-11-14."""
    found = times(
        "The fair runs Friday, Dec. 6 through Sunday, Dec. 8 at the old market hall, organisers said.",
        "SATURDAY, DEC. 7",
        "Saturday belongs to the brass bands, with the parade at noon.",
        "The council approved the road closures on Tuesday.",
        published="2019-11-14",
    )
    assert found.get("Saturday") == "2019-12-07", found
    assert found.get("on Tuesday") == "2019-11-12", found


def test_an_infinitive_is_still_to_come() -> None:
    """times._looks_ahead: "travel to Bristol to face City on Thursday" is a fixture ahead when
    nothing in the sentence is told in the past (published Tue 2019-11-19)."""
    assert times("Leeds travel to Bristol to face City on Thursday.").get("on Thursday") == "2019-11-21"


def test_a_word_opening_with_a_months_name_is_no_month() -> None:
    """ "In a 2-1 decision", "Junior 3": a month is its name or its abbreviation."""
    found = times("In a 2-1 decision the panel reversed the ruling. Junior 3 sat out. It closed Dec. 3.")
    assert "1 decision" not in found and "Junior 3" not in found, found
    assert found.get("Dec. 3") == "2019-12-03", found


def test_a_weekday_written_before_its_day_and_month_is_no_day_of_its_own() -> None:
    """In a schedule, "Saturday 13 December" is the date that follows it, not a bare Saturday
    (read against the publication date or the line before)."""
    found = times(
        "Saturday 6 December – Athletics: the track classic, 4pm to 9pm.",
        "Saturday 13 December – Football: City v Rovers, kick-off 5pm.",
        published="2019-11-19",
    )
    assert "Saturday" not in found, found
    assert found.get("13 December") == "2019-12-13", found


def test_an_announcement_to_come_and_a_shared_infinitive_read_forward() -> None:
    """times._looks_ahead: a reporting verb with "would" under "said" is an announcement to come
    ("said a decision on Wednesday would be announced"); a verb coordinated with an infinitive
    shares its "to" ("was expected to weaken and exit ... by Thursday"). Published Tue
    2019-11-19."""
    found = times(
        "The ministry suspended classes on Tuesday and said a decision on Wednesday would be "
        "announced by 8 p.m. Forecasters said the storm was expected to weaken and exit the area "
        "by Thursday."
    )
    assert found.get("on Wednesday") == "2019-11-20", found
    assert found.get("by Thursday") == "2019-11-21", found


def test_months_and_years_ago_count_by_the_calendar() -> None:
    """ "12 months ago" on 2026-06-28 is June 2025 (360 days would make it July)."""
    found = times(
        "He was still at school 12 months ago, and two years ago he had never raced.", published="2026-06-28"
    )
    assert found.get("12 months ago") == "2025-06" and found.get("two years ago") == "2024", found


def test_a_weekday_with_its_date_in_brackets_is_no_day_of_its_own() -> None:
    """ "Closed on Thursday (October 23) and Friday (October 24)": the dates say which days."""
    found = times("Schools: closed on Thursday (November 21) and Friday (November 22) in four districts.")
    assert "on Thursday" not in found and "Friday" not in found, found
    assert found.get("November 21") == "2019-11-21", found


def test_words_cited_in_their_own_quotation_marks_are_no_time() -> None:
    # times._words_quoted: "saying 'next year, next year'" cites words; "next year" outside
    # quotation marks stays a time.
    text = "\n".join(
        [
            "A headline for a test page about local news",
            "\"We've been saying 'next year, next year' about Europe since 2016,\" the singer said. "
            "The band will tour Europe next year, its label said on Tuesday.",
            FILLER,
        ]
    )
    record = newsmill.analyze(text, published="2020-01-22")
    years = [t for t in record.times if t.text == "next year"]
    assert len(years) == 1 and text.index("tour Europe") < years[0].start, years


def test_what_someone_was_due_to_do_is_still_to_come() -> None:
    # times._looks_ahead, _BOUND_TO: "was due to call on the minister on Tuesday" (published on
    # a Monday) is the next day, not the Tuesday before.
    found = times(
        "The envoy, a career diplomat, was due to call on the coordinating minister on Tuesday "
        "before leaving for Kuala Lumpur, officials said.",
        published="2023-01-30",
    )
    assert found["on Tuesday"] == "2023-01-31", found


def test_a_deadline_moved_later_and_an_announced_schedule_are_ahead() -> None:
    # times._DEFERRING and times._item_of_an_announced_schedule (published on a Thursday).
    found = times(
        "The weather service extended its orange warning for the coast until Saturday evening and "
        "warned of further heavy rain, officials said. The expected schedule is as follows:\n"
        "Friday: heavy rain continuing in the inland districts, thunderstorms in the afternoon\n"
        "Saturday: rain gradually easing from the west by evening",
        published="2022-07-14",
    )
    assert found["until Saturday evening"] == "2022-07-16", found
    assert (found["Friday"], found["Saturday"]) == ("2022-07-15", "2022-07-16"), found


def test_a_programmes_items_run_in_calendar_order() -> None:
    # times._order_listed_dates: an item read back a year from its verb follows the item before.
    found = times(
        "The festival runs in September across the city, the organisers said on Thursday. "
        "Among other highlights, the organizers listed:\n"
        "- September 6: A novelist presents the German translation of her family saga.\n"
        "- September 7: An evening of Korean poetry with two poets whose reading tour has already "
        "taken in Seoul, Busan and Frankfurt.\n"
        "- September 10: A reporter on her non-fiction book about the border.",
        published="2024-06-27",
    )
    assert (found["September 6"], found["September 7"]) == ("2024-09-06", "2024-09-07"), found


def test_the_day_of_a_telling_is_past_whatever_the_quote_promises() -> None:
    # times._looks_ahead: a past reporting verb the weekday hangs from (published on a Tuesday).
    found = times(
        '"If we find violations, we will not hesitate to impose sanctions," the director told '
        "reporters in Jakarta on Monday.",
        published="2026-02-10",
    )
    assert found["on Monday"] == "2026-02-09", found


def test_a_span_opening_with_a_weekday_and_a_day_number_states_its_days() -> None:
    # times._SPAN_OPENING: "from Friday 23 to Sunday 25 August" states the 23rd to the 25th;
    # a bare "Friday" later is the festival's Friday, not the coming one.
    found = times(
        "The festival will run from Friday 23 to Sunday 25 August on the promenade.",
        "Headlining the Friday will be a Cardiff electronic duo, organisers said.",
        published="2024-05-02",
    )
    assert found["Friday"] == "2024-08-23", found
