"""The analyst's desk from the command line (issue 17): dates and JSONL for ingest, PLOVER and
the richer event export, exit codes when nothing succeeds, one vocabulary of reasons, WARC
and folder mistakes explained, files ingest does not read, the size limit as a flag, short
texts, help on every option and sources shown by folder."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.conftest import EXAMPLES
from tests.support.warcs import Response, write_warc

from newsmill.cli import build_parser, main
from newsmill.corpus.store import Store
from newsmill.reasons import REASONS

PAGE = EXAMPLES / "text" / "04_clean_no_junk.txt"
JUNK = "Home\nNews\nSport\nShare on Facebook\n"
BRIEF = "Germany's transport minister said on Tuesday that the rail lines would close for months."


@pytest.fixture(autouse=True)
def _plain_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    for key in list(os.environ):
        if key.startswith("NEWSMILL_"):
            monkeypatch.delenv(key)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("desk") / "corpus.db"
    assert main(["ingest", str(EXAMPLES / "beats"), str(EXAMPLES / "everyday"), "--db", str(path)]) == 0
    return path


def _one_error(stderr: str, *needles: str) -> None:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsmill: error: "), stderr
    assert "Traceback" not in stderr
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])


def test_desk_ingest_published_dates_one_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "c.db"
    assert main(["ingest", str(PAGE), "--db", str(db), "--published", "2021-06-02", "--no-link"]) == 0
    with Store(db) as store:
        (record,) = list(store.iter_records())
        assert record.published is not None and record.published.date == "2021-06-02"
    capsys.readouterr()
    assert main(["ingest", str(EXAMPLES / "text"), "--db", str(db), "--published", "2021-06-02"]) == 2
    _one_error(capsys.readouterr().err, "--published dates one page")
    assert main(["ingest", str(PAGE), "--db", str(db), "--published", "someday"]) == 2
    _one_error(capsys.readouterr().err)


def test_desk_ingest_jsonl_of_a_scraper(tmp_path: Path) -> None:
    text = PAGE.read_text(encoding="utf-8")
    body = "\n".join(text.splitlines()[1:])  # what a scraper emits: the title apart
    title = text.splitlines()[0]
    html = (EXAMPLES / "html" / "02_div_layout_abuja.html").read_text(encoding="utf-8")
    lines = [
        {"url": "https://example.com/lisbon", "published": "2023-11-09", "title": title, "text": body},
        {"url": "https://example.com/abuja", "published": "2024-03-26", "html": html},
    ]
    scraped = tmp_path / "scraped.jsonl"
    scraped.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    db = tmp_path / "c.db"
    assert main(["ingest", str(scraped), "--db", str(db), "--no-link"]) == 0
    with Store(db) as store:
        records = {r.url: r for r in store.iter_records()}
    lisbon = records["https://example.com/lisbon"]
    assert lisbon.title is not None and lisbon.title.text == title  # the given title is the headline
    assert lisbon.published is not None and lisbon.published.date == "2023-11-09"
    assert records["https://example.com/abuja"].extraction.format == "html"


def test_desk_export_plover_and_event_columns(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "events.plover.jsonl"
    assert main(["export", "--db", str(db), "--format", "plover", "--out", str(out)]) == 0
    events = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    with Store(db) as store:
        assert len(events) == store.count("events") > 0
    for event in events:
        assert {"id", "date", "source", "target", "event", "mode", "context", "text", "eventText"} <= set(
            event
        )
        assert all("actorText" in actor for actor in event["source"] + event["target"])
    capsys.readouterr()
    assert main(["export", "--db", str(db), "--format", "csv", "--kind", "event"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == len(events)
    assert {"date", "trigger", "location", "actor_sectors", "recipient_sectors", "cameo"} <= set(rows[0])
    by_text = {e["text"]: e for e in events}
    for row in rows:
        plover = by_text[row["evidence"]]
        assert row["trigger"] == plover["eventText"]
        assert (
            row["actor_sectors"].split("; ") == [a.get("sector") or "" for a in plover["source"]]
            or not (plover["source"])
        )
        assert row["location"] == plover.get("eventLoc", "")
    assert any(row["actor_sectors"] for row in rows)


def test_desk_nothing_succeeded_exits_non_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "junk"
    folder.mkdir()
    (folder / "menu.txt").write_text(JUNK, encoding="utf-8")
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    assert main(["extract", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "failed: no_article" in err and "failed: empty" in err  # with the summary
    assert main(["ingest", str(folder), "--db", str(tmp_path / "c.db")]) == 1
    err = capsys.readouterr().err
    assert "failed: no_article" in err and "stored" in err
    # One good page among them is a success, and so is a rerun with everything stored.
    shutil.copy(PAGE, folder / "page.txt")
    assert main(["extract", str(folder)]) == 0
    assert main(["ingest", str(folder), "--db", str(tmp_path / "c.db")]) == 0
    assert main(["ingest", str(folder), "--db", str(tmp_path / "c.db")]) == 0


def test_desk_one_vocabulary_of_reasons(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], serve_db: Path
) -> None:
    pytest.importorskip("fastwarc")
    warc = write_warc(
        tmp_path / "crawl.warc.gz",
        [
            Response("https://example.com/a", (EXAMPLES / "html" / "02_div_layout_abuja.html").read_bytes()),
            Response(
                "https://example.com/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), content_type="image/png"
            ),
            Response("https://example.com/gone", b"<html>Not found</html>", status="404 Not Found"),
            Response("https://example.com/menu", f"<html><body>{JUNK}</body></html>".encode()),
        ],
    )
    assert main(["extract", str(warc)]) == 0
    extract_err = capsys.readouterr().err
    db = tmp_path / "c.db"
    assert main(["ingest", str(warc), "--db", str(db), "--no-link"]) == 0
    ingest_err = capsys.readouterr().err
    # The 404 and the image are skipped (not pages) in both commands; the menu failed in both.
    for line in ("skipped: http_status", "skipped: not_html", "failed: no_article"):
        assert line in extract_err and line in ingest_err, (line, extract_err, ingest_err)
    with Store(db) as store:
        kinds = {kind for (kind,) in store.conn.execute("SELECT kind FROM errors")}
    assert kinds == {"http_status", "not_html", "no_article"} and kinds <= set(REASONS)
    from newsmill.serve import create_app

    client = TestClient(create_app(db=serve_db), base_url="http://127.0.0.1")
    menu = client.post("/api/analyze", content=JUNK.encode(), headers={"content-type": "text/plain"})
    assert menu.status_code == 422 and menu.json()["reason"] == "no_article"
    blank = client.post("/api/analyze", json={"text": "   "})
    assert blank.status_code == 422


def test_desk_analyze_points_a_warc_to_extract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("fastwarc")
    warc = write_warc(
        tmp_path / "crawl.warc.gz", [Response("https://example.com/a", b"<html><p>x</p></html>")]
    )
    assert main(["analyze", str(warc)]) == 2
    _one_error(capsys.readouterr().err, "WARC crawl", "newsmill extract", "newsmill ingest")
    renamed = tmp_path / "download.bin"
    warc.rename(renamed)  # known by its first bytes, whatever its name
    assert main(["analyze", str(renamed)]) == 2
    _one_error(capsys.readouterr().err, "WARC crawl")


def test_desk_store_commands_on_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for command in (["stats"], ["search", "x"], ["export"], ["ingest", str(PAGE)]):
        assert main([*command, "--db", str(tmp_path)]) == 2
        _one_error(capsys.readouterr().err, "names a folder", str(tmp_path / "newsmill.db"))


def test_desk_ingest_folder_reports_files_it_does_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    shutil.copy(PAGE, folder / "page.txt")
    (folder / "report.pdf").write_bytes(b"%PDF-1.7")
    (folder / "sheet.xlsx").write_bytes(b"PK")
    (folder / ".DS_Store").write_bytes(b"\0")
    assert main(["ingest", str(folder), "--db", str(tmp_path / "c.db"), "--no-link"]) == 0
    err = capsys.readouterr().err
    assert "not read: not pages" in err and "2 files (.pdf 1, .xlsx 1)" in err
    assert f"not read {folder / 'report.pdf'}" in err and ".DS_Store" not in err


def test_desk_size_limit_is_a_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(PAGE), "--max-bytes", "1KiB"]) == 2
    _one_error(capsys.readouterr().err, "1,024-byte limit")
    assert main(["analyze", str(PAGE), "--max-bytes", "1MiB", "--indent", "0"]) == 0
    capsys.readouterr()
    assert main(["ingest", str(PAGE), "--db", str(tmp_path / "c.db"), "--max-bytes", "1k"]) == 1
    assert "failed: too_large" in capsys.readouterr().err
    assert main(["extract", str(PAGE), "--max-bytes", "1k"]) == 1
    assert "failed: too_large" in capsys.readouterr().err
    for command in ("analyze", "extract", "ingest"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        assert "16 MiB" in " ".join(capsys.readouterr().out.split())


def test_desk_snippet_analyses_a_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    brief = tmp_path / "brief.txt"
    brief.write_text(BRIEF + "\n", encoding="utf-8")
    assert main(["analyze", str(brief)]) == 1  # not an article: too little prose
    capsys.readouterr()
    assert main(["analyze", str(brief), "--snippet", "--published", "2024-05-14"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["paragraphs"] == [{"start": 0, "end": len(BRIEF), "text": BRIEF}]
    assert {e["name"] for e in record["entities"]} >= {"Germany"}
    (quote,) = record["quotes"]
    assert (
        "the rail lines would close for months" in quote["content"]["text"] and quote["cue"]["text"] == "said"
    )
    assert any(t["value"] == "2024-05-14" for t in record["times"])  # "on Tuesday" from the date


def _options(parser: argparse.ArgumentParser, prefix: str = "newsmill") -> list[tuple[str, str | None]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += _options(sub, f"{prefix} {name}")
        elif not isinstance(action, argparse._HelpAction):
            found.append((f"{prefix} {'/'.join(action.option_strings) or action.dest}", action.help))
    return found


def test_desk_every_option_has_help() -> None:
    options = _options(build_parser())
    assert len(options) > 40
    assert [name for name, text in options if not text or text == argparse.SUPPRESS] == []


def test_desk_stats_sources_show_a_folder_not_a_dot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "clips"
    folder.mkdir()
    shutil.copy(PAGE, folder / "page.txt")
    monkeypatch.chdir(folder)
    db = tmp_path / "c.db"
    assert main(["ingest", "page.txt", "--db", str(db), "--no-link"]) == 0
    capsys.readouterr()
    assert main(["stats", "--db", str(db), "--json"]) == 0
    sources = json.loads(capsys.readouterr().out)["sources"]
    assert sources == {str(folder): 1}
