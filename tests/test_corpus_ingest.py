"""Ingest: idempotent, resumable after kill -9, failures recorded, every input format, workers."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES, ROOT, SHARED
from tests.support.warcs import Response, write_warc

from newsmill.cli import main
from newsmill.corpus.ingest import count_documents, ingest, iter_inputs
from newsmill.corpus.search import search
from newsmill.corpus.store import Store
from newsmill.errors import InputError
from newsmill.settings import Settings

POLNEAR = SHARED / "eval" / "attribution" / "polnear" / "dev" / "text"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
SNAPSHOT = {
    "articles": "SELECT id, source, title, published_date, cluster_id, duplicate_of FROM articles "
    "ORDER BY id",
    "children": "SELECT article_id, (SELECT count(*) FROM mentions m WHERE m.article_id = a.article_id), "
    "(SELECT count(*) FROM quotes q WHERE q.article_id = a.article_id) "
    "FROM (SELECT DISTINCT article_id FROM article_entities) a ORDER BY article_id",
    "entities": "SELECT id, kind, key, articles, mentions FROM entities ORDER BY id",
    "inputs": "SELECT key, article_id, status FROM inputs ORDER BY key",
}


def _snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with Store(db, create=False) as store:
        return {name: store.conn.execute(sql).fetchall() for name, sql in SNAPSHOT.items()}


@pytest.fixture(scope="module")
def polnear_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """36 real articles plus one file repeating the first (copied to a temp folder, never the repo)."""
    if not POLNEAR.is_dir():
        pytest.skip("the shared PolNeAR texts are not available next to the repository")
    folder = tmp_path_factory.mktemp("polnear")
    paths = sorted(POLNEAR.glob("*.txt"))[:36]
    for path in paths:
        shutil.copyfile(path, folder / path.name)
    shutil.copyfile(paths[0], folder / "zz_same_text_again.txt")
    return folder


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSMILL_")}
    env["PYTHONPATH"] = str(ROOT / "src")
    return env


def _articles_committed(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0  # not created yet, or the schema is being written


def test_corpus_ingest_kill_9_then_rerun_equals_an_uninterrupted_run(
    polnear_dir: Path, tmp_path: Path
) -> None:
    killed = tmp_path / "killed.db"
    command = [
        sys.executable,
        "-m",
        "newsmill",
        "ingest",
        str(polnear_dir),
        "--db",
        str(killed),
        "--batch-size",
        "2",
    ]
    log = (tmp_path / "killed.log").open("wb")
    process = subprocess.Popen(command, env=_env(), stdout=log, stderr=log)
    deadline = time.monotonic() + 180
    try:
        while (committed := _articles_committed(killed)) < 6:
            assert process.poll() is None, (tmp_path / "killed.log").read_text(errors="replace")
            assert time.monotonic() < deadline, "no batch committed in time"
            time.sleep(0.02)
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        log.close()
    assert process.returncode == -signal.SIGKILL
    partial = _articles_committed(killed)
    assert committed <= partial < 36, partial  # killed mid-run, some batches committed

    assert main(["ingest", str(polnear_dir), "--db", str(killed)]) == 0
    reference = tmp_path / "reference.db"
    with Store(reference) as store:
        summary = ingest([polnear_dir], store, Settings())
    assert (summary.seen, summary.stored, summary.duplicates, summary.failed) == (37, 36, 1, 0)

    after_kill, uninterrupted = _snapshot(killed), _snapshot(reference)
    assert len(after_kill["articles"]) == 36
    assert after_kill == uninterrupted  # same articles, children, identities, clusters and input ledger

    # And the same input once more stores nothing new.
    with Store(killed) as store:
        again = ingest([polnear_dir], store, Settings())
    assert (again.seen, again.already, again.stored, again.duplicates) == (37, 37, 0, 0)
    assert again.identities is None  # nothing changed: the corpus passes did not run
    assert _snapshot(killed) == uninterrupted


def test_corpus_ingest_failures_are_recorded_and_the_run_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copyfile(EXAMPLES / "text" / "04_clean_no_junk.txt", folder / "good.txt")
    shutil.copyfile(EXAMPLES / "html" / "02_div_layout_abuja.html", folder / "good.html")
    (folder / "hostile.txt").write_text(
        "Robert'); DROP TABLE articles; -- walks into a newsroom\n\n"
        'The reporter typed "NEAR(budget, vote)" and title:* into the search box, then a lone quote " '
        "and the words AND OR NOT with a semicolon; the council said the budget vote would go ahead "
        "on Thursday after a long debate about the new library and the repairs to the old bridge.\n",
        encoding="utf-8",
    )
    (folder / "image.txt").write_bytes(PNG * 20)
    (folder / "empty.txt").write_bytes(b"  \n")
    (folder / "junk.txt").write_bytes((ROOT / "tests/resources/pages2/24_all_junk.txt").read_bytes())
    (folder / "broken.html.gz").write_bytes(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + b"\xff" * 100)
    db = tmp_path / "corpus.db"
    with Store(db) as store:
        summary = ingest([folder], store, Settings())
        assert (summary.seen, summary.stored) == (7, 3)
        hits = search(store, '"DROP TABLE" NEAR')
        assert [h.title for h in hits] == ["Robert'); DROP TABLE articles; -- walks into a newsroom"]
        assert summary.errors == {"binary": 1, "empty": 1, "no_article": 1, "undecodable": 1}
        rows = store.conn.execute("SELECT source, code, kind, message FROM errors ORDER BY source").fetchall()
        by_name = {Path(source).name: (code, kind, message) for source, code, kind, message in rows}
        assert by_name["image.txt"][:2] == ("E003", "binary") and "PNG" in by_name["image.txt"][2]
        assert by_name["empty.txt"][:2] == ("E002", "empty")
        assert by_name["junk.txt"][:2] == ("E101", "no_article")
        assert by_name["broken.html.gz"][:2] == ("E005", "undecodable")

        again = ingest([folder], store, Settings())
        assert (again.already, again.stored, again.failed) == (7, 0, 0)
        store.forget_errors()  # what --retry-errors does: the failed inputs are read again
        retried = ingest([folder], store, Settings())
        assert (retried.already, retried.stored, retried.failed) == (3, 0, 4)
        assert store.count("errors") == 4


def test_corpus_ingest_jsonl_lines(tmp_path: Path) -> None:
    text = (EXAMPLES / "text" / "04_clean_no_junk.txt").read_text(encoding="utf-8")
    html = (EXAMPLES / "html" / "01_article_element_berlin.html").read_text(encoding="utf-8")
    lines = [
        json.dumps({"url": "https://example.com/a", "text": text, "published": "2022-03-01"}),
        json.dumps({"url": "https://example.com/b", "html": html}),
        "",
        "{not json",
        json.dumps({"url": "https://example.com/c", "text": 5}),
        json.dumps({"url": "https://example.com/d", "text": text + "\nMore.", "published": "yesterday"}),
    ]
    path = tmp_path / "pages.jsonl.gz"
    path.write_bytes(gzip.compress("\n".join(lines).encode("utf-8")))
    assert count_documents([path]) is None  # lines are not counted ahead
    keys = [item.key for item in iter_inputs([path])]
    assert keys == [f"{path.resolve()}#{n}" for n in (1, 2, 4, 5, 6)]
    with Store(tmp_path / "corpus.db") as store:
        summary = ingest([path], store, Settings())
        assert (summary.stored, summary.errors) == (2, {"bad_json": 2, "bad_input": 1})
        rows = dict(store.conn.execute("SELECT url, published_date FROM articles").fetchall())
        assert rows["https://example.com/a"] == "2022-03-01"  # the line's date wins
        html_record = next(r for r in store.iter_records() if r.url == "https://example.com/b")
        assert html_record.extraction.format == "html"
        sources = {row[0] for row in store.conn.execute("SELECT source FROM errors")}
        assert sources == {f"{path}:4", "https://example.com/c", "https://example.com/d"}


def test_corpus_ingest_warc_records(tmp_path: Path) -> None:
    html = (EXAMPLES / "html" / "03_split_body_ad_manila.html").read_bytes()
    other = (EXAMPLES / "html" / "02_div_layout_abuja.html").read_bytes()
    warc = write_warc(
        tmp_path / "crawl.warc.gz",
        [
            Response("https://example.com/manila", html),
            Response("https://example.com/logo.png", PNG, content_type="image/png"),
            Response("https://example.com/abuja", other),
        ],
    )
    with Store(tmp_path / "corpus.db") as store:
        summary = ingest([warc], store, Settings())
        # A crawl's image is skipped (not a page), not failed: the same word as in extract.
        assert (summary.seen, summary.stored, summary.errors) == (3, 2, {})
        assert summary.skipped == {"not_html": 1}
        assert {r.url for r in store.iter_records()} == {
            "https://example.com/manila",
            "https://example.com/abuja",
        }
        assert all(r.crawled_from == "warc" for r in store.iter_records())
        again = ingest([warc], store, Settings())
        assert (again.already, again.stored) == (3, 0)


def test_corpus_ingest_globs_and_missing_paths(tmp_path: Path) -> None:
    with Store(tmp_path / "corpus.db") as store:
        summary = ingest([str(EXAMPLES / "text" / "0[12]_*.txt")], store, Settings())
        assert summary.stored == 2
        with pytest.raises(InputError, match="no such file, folder or matching glob"):
            ingest([str(tmp_path / "nothing-*.txt")], store, Settings())


def test_corpus_ingest_with_worker_processes_matches_in_process(tmp_path: Path) -> None:
    with Store(tmp_path / "one.db") as one, Store(tmp_path / "two.db") as two:
        ingest([EXAMPLES], one, Settings())
        summary = ingest([EXAMPLES], two, Settings(), workers=2)
        assert summary.stored == len(one)
    assert _snapshot(tmp_path / "one.db")["articles"] == _snapshot(tmp_path / "two.db")["articles"]
    assert _snapshot(tmp_path / "one.db")["entities"] == _snapshot(tmp_path / "two.db")["entities"]


def test_corpus_ingest_poison_line_is_an_error_row_and_the_run_goes_on(tmp_path: Path) -> None:
    """Issue 18 item 8: 100,000 '[' on one JSONL line raised RecursionError before the first
    commit, so every rerun crashed at the same line and nothing was ever stored."""
    text = (EXAMPLES / "text" / "04_clean_no_junk.txt").read_text(encoding="utf-8")
    lines = [
        json.dumps({"url": "https://example.com/a", "text": text}),
        "[" * 100_000,
        '{"url": "https://example.com/deep", "text": ' + "[" * 50_000 + "]" * 50_000 + "}",
        json.dumps({"url": "https://example.com/b", "text": text + "\nA last line."}),
    ]
    path = tmp_path / "poison.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "corpus.db"
    assert main(["ingest", str(path), "--db", str(db)]) == 0
    with Store(db, create=False) as store:
        urls = {row[0] for row in store.conn.execute("SELECT url FROM articles")}
        assert urls == {"https://example.com/a", "https://example.com/b"}
        errors = store.conn.execute("SELECT source, kind FROM errors ORDER BY source").fetchall()
        assert errors == [(f"{path}:2", "bad_json"), (f"{path}:3", "bad_json")]
    assert main(["ingest", str(path), "--db", str(db)]) == 0  # a rerun is a no-op
