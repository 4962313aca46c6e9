"""Datelines, bylines and timestamps parsed from single lines."""

from __future__ import annotations

import pytest

from newsmill import analyze
from newsmill.extract.meta import find_byline, find_dateline, find_timestamp, normalise_place

PROSE = " officials said on Tuesday that the talks would resume next week."
BODY = (
    "The regional water authority said on Monday that reservoir levels had fallen to their lowest "
    "point in a decade, after the driest winter since records began.\n"
    "Engineers have begun pumping water between the three main reservoirs to keep supplies running, "
    "and a hosepipe ban will start at the end of the month.\n"
    "Farmers in the valley say the restrictions have come too late for this year's first planting, "
    "and several have already sold part of their herds.\n"
)


@pytest.mark.parametrize(
    ("lead", "place", "name", "region", "agency", "date"),
    [
        ("ISLAMABAD: ", "ISLAMABAD", "Islamabad", None, None, None),
        ("WASHINGTON (Reuters) - ", "WASHINGTON", "Washington", None, "Reuters", None),
        ("LONDON — ", "LONDON", "London", None, None, None),
        ("KYIV, Feb 27 (AP) — ", "KYIV", "Kyiv", None, "AP", "Feb 27"),
        ("NEW YORK, March 3 (Reuters) - ", "NEW YORK", "New York", None, "Reuters", "March 3"),
        ("Kyiv, Ukraine (AP) — ", "Kyiv", "Kyiv", "Ukraine", "AP", None),
        ("KYIV, UKRAINE — ", "KYIV", "Kyiv", "Ukraine", None, None),
        ("WASHINGTON, D.C. — ", "WASHINGTON", "Washington", "D.C.", None, None),
        ("SPRINGFIELD, Ill. (AP) — ", "SPRINGFIELD", "Springfield", "Ill.", "AP", None),
        ("THE HAGUE — ", "THE HAGUE", "The Hague", None, None, None),
        (
            "DAR ES SALAAM, Tanzania (Reuters) - ",
            "DAR ES SALAAM",
            "Dar es Salaam",
            "Tanzania",
            "Reuters",
            None,
        ),
        (
            "SAN FRANCISCO/LONDON (Reuters) - ",
            "SAN FRANCISCO/LONDON",
            "San Francisco/London",
            None,
            "Reuters",
            None,
        ),
        ("New Delhi, Feb 27 (PTI) ", "New Delhi", "New Delhi", None, "PTI", "Feb 27"),
        ("PORT-AU-PRINCE, Haiti (AP) — ", "PORT-AU-PRINCE", "Port-au-Prince", "Haiti", "AP", None),
        ("St. Louis, Mo. (AP) — ", "St. Louis", "St. Louis", "Mo.", "AP", None),
        ("Lyon (AFP) - ", "Lyon", "Lyon", None, "AFP", None),
        (
            "Santiago de Chile, Nov 27 (EFE).- ",
            "Santiago de Chile",
            "Santiago de Chile",
            None,
            "EFE",
            "Nov 27",
        ),
        # The Ethiopian News Agency's year after a slash.
        ("Addis Abeba, February 19/2020 – ", "Addis Abeba", "Addis Abeba", None, None, "February 19/2020"),
        # An agency's desk, and CNN's dateline glued to the first word by a scraper.
        ("NEW YORK (Reuters Health) - ", "NEW YORK", "New York", None, "Reuters Health", None),
        ("Hong Kong (CNN Business)", "Hong Kong", "Hong Kong", None, "CNN Business", None),
        ("London (CNN)", "London", "London", None, "CNN", None),
        ("Seoul (CNN Business) ", "Seoul", "Seoul", None, "CNN Business", None),
    ],
)
def test_meta_dateline_parts(
    lead: str, place: str, name: str, region: str | None, agency: str | None, date: str | None
) -> None:
    line = lead + "Government" + PROSE
    found = find_dateline(line)
    assert found is not None
    assert line[found.place_start : found.place_end] == place
    assert (found.name, found.region, found.agency) == (name, region, agency)
    assert (line[found.date[0] : found.date[1]] if found.date else None) == date
    assert line[: found.lead_end] == lead.rstrip()


@pytest.mark.parametrize(
    "line",
    [
        "BREAKING: Government" + PROSE,
        "UPDATE — Government" + PROSE,
        "EXCLUSIVE: Government" + PROSE,
        "Meanwhile — the government" + PROSE,
        "However: the government" + PROSE,
        "The government" + PROSE,
        "LONDON — short line",
        "Analysis: what the vote means",
        # A mixed-case place does not swallow a sentence: "Madrid. Prime Minister ... (PSOE)".
        "Madrid. Prime Minister Pedro Sanchez (PSOE) has announced a new housing plan for young people.",
        "Today. The Minister of Finance (MoF) said the budget would be presented in March next year.",
        # A capitalised word and a colon is a dateline only when the sentence names it as a place.
        "Meanwhile: the council said the road to Lyon would stay shut for another week.",
        "Update: Greta said the ferry from Lyon would run again on Monday morning.",
        "Inspectors: the audit found problems at the Lyon depot and two other sites.",
        # Glued to the next word, only a known agency makes a dateline: a ticker does not.
        "Apple (AAPL)Shares rose after the company said its sales would beat forecasts.",
        "Tesla (TSLA)The carmaker said on Monday it would cut prices across its range.",
    ],
)
def test_meta_not_a_dateline(line: str) -> None:
    assert find_dateline(line) is None


@pytest.mark.parametrize(
    ("line", "names", "credit"),
    [
        ("By Jane Doe", ["Jane Doe"], False),
        ("By Jane Doe and John Smith", ["Jane Doe", "John Smith"], False),
        ("By Jane Doe, John Smith and Ana Lima", ["Jane Doe", "John Smith", "Ana Lima"], False),
        ("By JANE DOE, Associated Press", ["JANE DOE"], False),
        ("By MARÍA TORRES, Associated Press", ["MARÍA TORRES"], False),
        ("Jane Doe | Reuters", ["Jane Doe"], False),
        ("Written by Jane Doe", ["Jane Doe"], False),
        ("By Jane Doe | 27 Feb 2022", ["Jane Doe"], False),
        ("Reporting by Jane Doe in Kyiv; Editing by Mark Potter", ["Jane Doe"], True),
        ("Associated Press", [], False),
        # A line starting with "By" is a byline even with pipes, not a menu.
        ("By ANA RUIZ | aruiz@example.org | The Harbor Times", ["ANA RUIZ"], False),
        # A short capitalised role after the names ends them.
        ("By Luis Ortega, Meteorologist", ["Luis Ortega"], False),
        ("By Mei Tanaka and Omar Haddad, Photographers", ["Mei Tanaka", "Omar Haddad"], False),
        # A capitalised word before a lower-case role word is part of the role.
        ("Priya Raman Education correspondent", ["Priya Raman"], False),
        ("Tomás Varga Science editor", ["Tomás Varga"], False),
        ("Chief Political correspondent", [], False),
        # Byline and editor labels of other languages.
        ("Автор: Анна Белова", ["Анна Белова"], False),
        ("Oleh Rina Wulandari", ["Rina Wulandari"], False),
        ("Por Mariana Tavares", ["Mariana Tavares"], False),
        ("Von Anna Schmidt, Berlin", ["Anna Schmidt"], False),
        ("Editor: Dimas Prasetyo", [], True),
        # Scripts without letter case: the label vouches for the name.
        ("كتبت: سلمى بنعيسى", ["سلمى بنعيسى"], False),
        ("記者：佐伯遥", ["佐伯遥"], False),
    ],
)
def test_meta_bylines(line: str, names: list[str], credit: bool) -> None:
    found = find_byline(line, len(line.split()))
    assert found is not None
    assert [line[a:b] for a, b in found.names] == names
    assert found.credit is credit


@pytest.mark.parametrize(
    "line",
    [
        "By Thursday, the troops had advanced to the outskirts of the city.",
        "By the end of the week, prices had fallen sharply across the region.",
        "Jane Doe said the plan would fail.",
        "Byline-free text about taxes",
        "Por fin llegó el tren a la estación de Madrid después de tres horas.",
        "Par ailleurs, le gouvernement a annoncé une nouvelle aide aux agriculteurs.",
    ],
)
def test_meta_not_a_byline(line: str) -> None:
    assert find_byline(line, len(line.split())) is None


@pytest.mark.parametrize(
    ("line", "stamp", "value"),
    [
        ("Published: 27 Feb 2022 10:14 PKT", "27 Feb 2022 10:14 PKT", "2022-02-27T10:14:00+05:00"),
        (
            "Updated 3:45 PM EST, Sun February 27, 2022",
            "3:45 PM EST, Sun February 27, 2022",
            "2022-02-27T15:45:00-05:00",
        ),
        ("February 27, 2022", "February 27, 2022", "2022-02-27"),
        ("Published 14 Nov 2023 16:05 CET", "14 Nov 2023 16:05 CET", "2023-11-14T16:05:00+01:00"),
        ("2022-02-27", "2022-02-27", "2022-02-27"),
        ("Last updated on March 3, 2021", "March 3, 2021", "2021-03-03"),
        # A time and an agency name in their own segments do not veto the date.
        ("Mar 4, 2023 | 09:15 JST | JIJI PRESS", "Mar 4, 2023 | 09:15 JST", "2023-03-04T09:15:00+09:00"),
        ("Nov 2, 2021 | Reuters", "Nov 2, 2021", "2021-11-02"),
        # Year-first dotted dates.
        ("2023.03.04 08:30", "2023.03.04 08:30", "2023-03-04T08:30:00"),
        # A place after the time is not a time zone.
        ("Saturday 4 March 2023 16:05, UK", "Saturday 4 March 2023 16:05, UK", "2023-03-04T16:05:00"),
        # "7.45pm" is a time; "first published at ..." is a second stamp.
        (
            "Updated March 4, 2023 — 7.45pm, first published at 11.20am",
            "March 4, 2023 — 7.45pm",
            "2023-03-04T19:45:00",
        ),
        # Other languages' month names (dateparser's locale data), and the CJK form.
        ("14 апреля 2024, 11:20", "14 апреля 2024, 11:20", "2024-04-14T11:20:00"),
        ("Senin, 10 Juni 2024 | 14:05 WIB", "Senin, 10 Juni 2024 | 14:05 WIB", "2024-06-10T14:05:00+07:00"),
        ("14 de abril de 2024", "14 de abril de 2024", "2024-04-14"),
        ("3. März 2024, 09:30", "3. März 2024, 09:30", "2024-03-03T09:30:00"),
        ("2024年3月5日", "2024年3月5日", "2024-03-05"),
        ("Publicado em 22/07/2024 07h15", "22/07/2024 07h15", "2024-07-22"),
        # A dotted date is day first.
        ("03.04.2025 14:17", "03.04.2025 14:17", "2025-04-03T14:17:00"),
        # A relative update beside the date says when, not what.
        ("May 14, 2024 3:52 PM Updated 2 hours ago", "May 14, 2024 3:52 PM", "2024-05-14T15:52:00"),
    ],
)
def test_meta_timestamps(line: str, stamp: str, value: str) -> None:
    found = find_timestamp(line, len(line.split()))
    assert found is not None
    assert line[found.start : found.end] == stamp
    assert found.value.isoformat() == value


@pytest.mark.parametrize(
    "line",
    [
        "The treaty was signed on February 27, 2022 by both governments after long talks.",
        "Prices rose 3% in 2022",
        "Meeting set for next week",
        "Politics | 27 Feb 2022 | Read more about the budget vote",
        "Pemerintah menetapkan 10 Juni 2024 sebagai batas akhir pendaftaran bagi semua peserta festival.",
    ],
)
def test_meta_not_a_timestamp(line: str) -> None:
    assert find_timestamp(line, len(line.split())) is None


def test_meta_normalise_place_keeps_mixed_case() -> None:
    assert normalise_place("RIO DE JANEIRO") == "Rio de Janeiro"
    assert normalise_place("McAllen") == "McAllen"


def test_meta_mixed_case_dateline_named_as_a_place() -> None:
    line = "Lyon: A regional train from Lyon to Geneva was cancelled on Monday after a signal failure."
    found = find_dateline(line)
    assert found is not None and (found.name, found.agency) == ("Lyon", None)
    assert line[: found.lead_end] == "Lyon:"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Ana Ruiz Staff Writer", ["Ana Ruiz"]),
        ("Tomás Varga Senior Reporter", ["Tomás Varga"]),
        ("Ana Ruiz · Valley News · Posted: Mar 4, 2023 9:00 AM EST", ["Ana Ruiz"]),
        ("Ana Ruiz | Lyon | Updated: March 4, 2023 07:45 IST", ["Ana Ruiz"]),
        ("Ana Ruiz / TNN / Updated: Mar 4, 2023, 08:14 IST", ["Ana Ruiz"]),
        ("Posted on March 4, 2023 by Ana Ruiz", ["Ana Ruiz"]),
    ],
)
def test_meta_bylines_with_roles_and_stamps(line: str, names: list[str]) -> None:
    found = find_byline(line, len(line.split()))
    assert found is not None and not found.credit
    assert [line[a:b] for a, b in found.names] == names


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Ana Ruiz / TNN / Updated: Mar 4, 2023, 08:14 IST", "2023-03-04"),
        ("Posted on March 4, 2023 by Ana Ruiz", "2023-03-04"),
        ("Valley News Mar 04, 2023 16:48 pm IST", "2023-03-04"),
    ],
)
def test_meta_published_beside_names_and_labels(line: str, date: str) -> None:
    rec = analyze("Reservoirs fall to lowest level in a decade\n" + line + "\n" + BODY)
    assert rec.published is not None and rec.published.date == date
