"""The corpus commands end to end: ingest, search, export (jsonl, csv, parquet), stats."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES, ROOT

from newsmill.cli import main
from newsmill.corpus.store import Store
from newsmill.model import Record


@pytest.fixture(autouse=True)
def _wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    for key in list(os.environ):
        if key.startswith("NEWSMILL_"):
            monkeypatch.delenv(key)


# Every page in examples/ (text, HTML and the beats pages) is one article.
N_EXAMPLES = sum(1 for p in EXAMPLES.rglob("*") if p.suffix in {".txt", ".html"})


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "corpus.db"
    assert main(["ingest", str(EXAMPLES), "--db", str(path)]) == 0
    return path


def _one_error_line(stderr: str, *needles: str) -> None:
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsmill: error: "), stderr
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])


def test_corpus_cli_ingest_summary_and_rerun(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", str(EXAMPLES), "--db", str(db)]) == 0
    err = capsys.readouterr().err
    assert "already in the store" in err and f"│ {N_EXAMPLES} " in err.replace("  ", " ")
    with Store(db) as store:
        assert len(store) == N_EXAMPLES


def test_corpus_cli_search_table_and_json(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "mining minister", "--db", str(db), "--limit", "3"]) == 0
    out = capsys.readouterr().out
    assert "for 'mining minister'" in out and "Mining" in out
    assert main(["search", "minister", "--db", str(db), "--json", "--limit", "2"]) == 0
    hits = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(hits) == 2 and all(h["highlights"] and "**" not in h["snippet"] for h in hits)
    assert all(h["snippet"][a:b].casefold() == "minister" for h in hits for a, b in h["highlights"])
    assert main(["search", "the", "--kind", "quote", "--db", str(db), "--json", "--limit", "1"]) == 0
    assert json.loads(capsys.readouterr().out)["kind"] == "quote"


@pytest.mark.parametrize(
    ("argv", "needles"),
    [
        (["search", '"unclosed'], ["[E302]", "unclosed quote"]),
        (["search", "lithium", "--since", "soon"], ["[E302]", "--since expects a date"]),
        (["search", ""], ["[E302]", "give a query"]),
    ],
)
def test_corpus_cli_search_errors_are_one_line_exit_2(
    db: Path, argv: list[str], needles: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*argv, "--db", str(db)]) == 2
    _one_error_line(capsys.readouterr().err, *needles)


def test_corpus_cli_missing_store_is_an_error_not_a_new_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "x", "--db", str(tmp_path / "none.db")]) == 2
    _one_error_line(capsys.readouterr().err, "no such store")
    assert not (tmp_path / "none.db").exists()


def test_corpus_cli_ingest_missing_path_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", str(tmp_path / "nowhere"), "--db", str(tmp_path / "c.db")]) == 2
    _one_error_line(capsys.readouterr().err, "no such file")


def test_corpus_cli_export_jsonl_parses_back_to_records(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "records.jsonl"
    assert main(["export", "--db", str(db), "--format", "jsonl", "--out", str(out)]) == 0
    records = [Record.from_json(line) for line in out.read_text(encoding="utf-8").splitlines()]
    with Store(db) as store:
        assert [r.id for r in records] == store.ids()
        assert records[0] == store.get(records[0].id)


def test_corpus_cli_export_csv_with_filters(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--db", str(db), "--format", "csv", "--query", "lithium tender"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 1 and "lithium" in rows[0]["title"].casefold()
    assert int(rows[0]["entities"]) > 0
    assert main(["export", "--db", str(db), "--format", "csv", "--kind", "quote"]) == 0
    quotes = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert quotes and {"content", "speaker_name", "speaker_entity_id"} <= set(quotes[0])


def test_corpus_cli_export_parquet(db: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "entities.parquet"
    assert (
        main(["export", "--db", str(db), "--format", "parquet", "--kind", "entity", "--out", str(out)]) == 0
    )
    table = pq.read_table(out)
    with Store(db) as store:
        assert table.num_rows == store.count("entities")
    assert table.schema.field("id").type == "int64"
    articles = tmp_path / "articles.parquet"
    assert (
        main(
            [
                "export",
                "--db",
                str(db),
                "--format",
                "parquet",
                "--out",
                str(articles),
                "--since",
                "2024-01-01",
            ]
        )
        == 0
    )
    dates = pq.read_table(articles).column("published_date").to_pylist()
    assert dates and all(d >= "2024-01-01" for d in dates)


def test_corpus_cli_export_parquet_needs_a_file(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--db", str(db), "--format", "parquet"]) == 2
    _one_error_line(capsys.readouterr().err, "needs an output file")


def test_corpus_cli_stats(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--db", str(db), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["counts"]["articles"] == N_EXAMPLES and data["inputs"] == {"stored": N_EXAMPLES}
    assert data["schema_version"] == 3 and data["top_entities"]
    assert main(["stats", "--db", str(db)]) == 0
    assert "top entities" in capsys.readouterr().out


def test_corpus_cli_subprocess_search_with_hostile_query(db: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSMILL_")}
    env["PYTHONPATH"] = str(ROOT / "src")
    done = subprocess.run(
        [sys.executable, "-m", "newsmill", "search", 'x" OR ;DROP TABLE articles; --', "--db", str(db)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    _one_error_line(done.stderr, "unclosed quote")
    with Store(db) as store:
        assert len(store) == N_EXAMPLES
