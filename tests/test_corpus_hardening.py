"""Issue 18's store and CLI items: formulas in CSV exports, corruption, one writer, hostile
inputs and terminals. Each runs the real command on real (hostile) input."""

from __future__ import annotations

import csv
import gzip
import hashlib
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES, ROOT
from tests.support.corpus import make_record
from tests.support.damage import DAMAGE, damaged_copy
from tests.support.warcs import Response, http_block, warc_record, write_warc

from newsmill.cli import main
from newsmill.corpus.csvout import FORMULA_START
from newsmill.corpus.lock import lock_path
from newsmill.corpus.store import Store

FORMULAS = ('=HYPERLINK("http://evil.example","click")', "+cmd|' /C calc'!A0", "@SUM(1+1)")


def test_cli_csv_export_defuses_formulas(tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    record = make_record(
        FORMULAS[0],
        [f'{FORMULAS[2]} said Evil Person: "{FORMULAS[1]} is the answer" in Hostile Town today.'],
        published="2022-03-05",
        source=FORMULAS[1],
        entities=[("PERSON", "Evil Person", "Evil Person", None, None)],
        quotes=[(f"{FORMULAS[1]} is the answer", "Evil Person")],
    )
    with Store(db) as store:
        store.put(record)
    for kind in ("article", "quote"):
        out = tmp_path / f"{kind}.csv"
        assert main(["export", "--db", str(db), "--format", "csv", "--kind", kind, "--out", str(out)]) == 0
        with out.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        assert len(rows) == 2
        assert not [value for value in rows[1] if value.startswith(FORMULA_START)], rows[1]
        assert any(value.startswith("'" + FORMULAS[0 if kind == "article" else 1]) for value in rows[1])


@pytest.fixture(scope="module")
def damaged_stores(serve_db: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("damaged")
    return {name: damaged_copy(serve_db, folder / f"{name}.db", name) for name in DAMAGE}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_cli_damaged_store_is_one_clear_error_and_check_finds_it(
    damaged_stores: dict[str, Path], damage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(damaged_stores[damage])
    commands = [["stats"], ["search", "minister"], ["export", "--format", "jsonl", "--out", db + ".jsonl"]]
    for command in commands:
        code = main([*command, "--db", db])  # a traceback would fail the test right here
        err = capsys.readouterr().err
        assert code in (0, 2), (command, err)
        if code == 2:
            assert err.count("\n") == 1 and re.search(r"\[E30[14]\]", err), err
    assert main(["check", "--db", db]) == 1
    out, err = capsys.readouterr()
    assert "[E304]" in err and "damaged" in err
    assert out.strip()  # what is wrong, one problem a line


def test_cli_check_passes_a_sound_store(serve_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--db", str(serve_db)]) == 0
    assert capsys.readouterr().out.startswith("ok:")


def test_cli_read_commands_never_write(
    serve_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = damaged_copy(serve_db, tmp_path / "settled.db", "nothing")  # rollback journal, no WAL
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    for command in (["stats"], ["search", "Kuleba"], ["export", "--format", "csv"], ["check"]):
        assert main([*command, "--db", str(db)]) == 0
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settled.db"]  # no -wal, -shm, journal
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    capsys.readouterr()
    assert main(["stats", "--db", str(empty)]) == 2
    assert "empty file" in capsys.readouterr().err
    assert empty.stat().st_size == 0  # no schema written into it


def _children(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc to find the workers")
def test_cli_ingest_workers_die_with_a_killed_parent(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSMILL_")}
    env["PYTHONPATH"] = str(ROOT / "src")
    command = [sys.executable, "-m", "newsmill", "ingest", str(EXAMPLES), "--db", str(tmp_path / "c.db")]
    process = subprocess.Popen(
        [*command, "--workers", "2", "--batch-size", "2"], env=env, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 120
        workers: set[int] = set()
        while len(workers) < 2:  # spawned workers (the resource tracker is a child too)
            assert process.poll() is None and time.monotonic() < deadline, "no workers started"
            workers = {
                pid
                for pid in _children(process.pid)
                if b"--multiprocessing-fork" in Path(f"/proc/{pid}/cmdline").read_bytes()
                or b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()
            }
            time.sleep(0.1)
        time.sleep(1.0)  # inside their initializer: loading the model
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    survivors = [pid for pid in workers if _alive(pid)]
    for pid in survivors:  # never leave them behind, even when the test fails
        os.kill(pid, signal.SIGKILL)
    assert survivors == []


def test_cli_second_ingest_into_one_store_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for path in sorted((EXAMPLES / "text").glob("*.txt"))[:4]:
        (pages / path.name).write_bytes(path.read_bytes())
    db = tmp_path / "c.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSMILL_")}
    env["PYTHONPATH"] = str(ROOT / "src")
    first = subprocess.Popen(
        [sys.executable, "-m", "newsmill", "ingest", str(pages), "--db", str(db), "--batch-size", "1"],
        env=env,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not (lock_path(db).exists() and lock_path(db).read_text().startswith("pid")):
            assert first.poll() is None and time.monotonic() < deadline, "the first ingest did not start"
            time.sleep(0.05)
        assert main(["ingest", str(pages), "--db", str(db)]) == 2
        err = capsys.readouterr().err
        assert "[E305]" in err and f"pid {first.pid}" in err and "another ingest" in err
    finally:
        assert first.wait(timeout=180) == 0
    assert main(["ingest", str(pages), "--db", str(db)]) == 0  # free again once it ended
    with Store(db, create=False) as store:
        ledger = store.conn.execute("SELECT status, count(*) FROM inputs GROUP BY status").fetchall()
    assert ledger == [("stored", 4)]  # each input once, none marked a duplicate of itself


@pytest.mark.parametrize("gzipped", [False, True])
def test_cli_warc_record_declaring_2_gb_is_a_reason_and_an_error_row(
    tmp_path: Path, gzipped: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("fastwarc")
    html = (EXAMPLES / "html" / "01_article_element_berlin.html").read_bytes()
    lying = warc_record(http_block(Response("https://example.com/big", html)), url="https://example.com/big")
    lying = lying.replace(b"Content-Length: ", b"Content-Length: 2147483648\r\nX-Was: ", 1)
    warc = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    write_warc(
        warc,
        [Response("https://example.com/ok", html)],
        gzipped=gzipped,
        tail=gzip.compress(lying) if gzipped else lying,
    )
    assert main(["extract", str(warc), "--jsonl", str(tmp_path / "out.jsonl")]) == 0
    err = capsys.readouterr().err
    assert "broken_record" in err and "https://example.com/big" in err
    db = tmp_path / "c.db"
    assert main(["ingest", str(warc), "--db", str(db)]) == 0
    with Store(db, create=False) as store:
        errors = store.conn.execute("SELECT source, kind, message FROM errors").fetchall()
    assert [(source, kind) for source, kind, _ in errors] == [("https://example.com/big", "broken_record")]
    assert "truncated" in errors[0][2]


def _shell(command: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSMILL_")}
    env["PYTHONPATH"] = str(ROOT / "src")
    return subprocess.run(
        ["sh", "-c", command], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120
    )


def test_cli_closed_stdin_stdout_and_fifos_are_clear_errors(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes((EXAMPLES / "text" / "04_clean_no_junk.txt").read_bytes())
    os.mkfifo(tmp_path / "fifo.html")
    os.mkfifo(tmp_path / "fifo.jsonl")
    python = f"{sys.executable} -m newsmill"
    for command, message in (
        (f"exec {python} analyze - <&-", "standard input is closed"),
        (f"exec {python} analyze page.txt >&-", "standard output is closed"),
        (f"exec {python} analyze fifo.html", "not a regular file"),  # hung, waiting for a writer
    ):
        result = _shell(command, tmp_path)
        assert result.returncode == 2 and message in result.stderr, (command, result.stderr)
        assert "Traceback" not in result.stderr
    result = _shell(f"exec {python} extract fifo.html page.txt --jsonl out.jsonl -v", tmp_path)
    assert result.returncode == 0 and "failed fifo.html: unreadable" in result.stderr, result.stderr
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) == 1
    result = _shell(f"exec {python} ingest fifo.jsonl page.txt --db c.db", tmp_path)
    assert result.returncode == 0, result.stderr
    with Store(tmp_path / "c.db", create=False) as store:
        assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
        (message,) = store.conn.execute("SELECT message FROM errors").fetchone()
    assert "not a regular file" in message


def test_cli_escape_sequences_in_names_and_text_are_shown_not_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file name or page text carrying terminal escapes (retitle, clear screen) is printed
    with them escaped: no raw ESC or BEL reaches the terminal."""
    hostile = "evil\x1b]0;pwned\x07\x1b[2J"
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / f"{hostile}.txt").write_text("Menu\nHome\n", encoding="utf-8")  # no article: a skip
    body = (EXAMPLES / "text" / "04_clean_no_junk.txt").read_text(encoding="utf-8")
    page = pages / "page.txt"
    page.write_text(body.replace("\n", f" {hostile[4:]}\n", 1), encoding="utf-8")
    runs = [
        ["extract", str(pages), "--jsonl", str(tmp_path / "out.jsonl"), "-v"],
        ["ingest", str(pages), "--db", str(tmp_path / "c.db"), "-v"],
        ["analyze", str(pages / f"{hostile}.txt")],
        ["analyze", str(page), "--format", "text"],
        ["search", "pwned OR the", "--db", str(tmp_path / "c.db")],
        ["stats", "--db", str(tmp_path / "c.db")],
    ]
    for command in runs:
        main(command)
        out, err = capsys.readouterr()
        assert "\x1b" not in out + err and "\x07" not in out + err, command
        if command[0] in ("extract", "ingest"):
            assert "\\x1b" in err, (command, err)  # shown escaped
