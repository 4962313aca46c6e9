"""The ``newsmill`` command, in-process (``newsmill.cli.main``) and as a real subprocess.

Exit codes: 0 success, 1 no article, 2 bad input or arguments. Every failure is one line on
stderr starting with ``newsmill: error:`` and never a traceback.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest

import newsmill
from newsmill.cli import main
from newsmill.model import Record

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_TEXT = ROOT / "examples" / "text"
GOOD_PAGES = ("01_reuters_washington_trailer.txt", "04_clean_no_junk.txt")
MIB = 1024 * 1024

# Navigation, headlines, share prompts and copyright lines: no article anywhere.
JUNK_PAGE = """Home | World | Business | Sport | Opinion | Video
Skip to content
Most Read
Markets rally as central bank signals pause in rate rises
Star striker ruled out for six weeks with hamstring injury
Ten things to do in Lisbon this weekend
Share on Facebook
Follow us on Twitter
© 2024 Daily Herald Media Group. All rights reserved.
Copyright 2024 Daily Herald. Terms of Use | Privacy Policy
"""
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"


@pytest.fixture(autouse=True)
def _wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """rich wraps at the terminal width; a wide one keeps titles and paths on one line."""
    monkeypatch.setenv("COLUMNS", "200")
    for key in list(os.environ):
        if key.startswith("NEWSMILL_"):
            monkeypatch.delenv(key)


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSMILL_")}
    env.update(COLUMNS="200", PYTHONIOENCODING="utf-8")
    return env


def _run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    completed = subprocess.run(
        [sys.executable, "-m", "newsmill", *args],
        input=stdin,
        capture_output=True,
        env=_env(),
        timeout=60,
        check=False,
    )
    return subprocess.CompletedProcess(
        completed.args,
        completed.returncode,
        completed.stdout.decode("utf-8"),
        completed.stderr.decode("utf-8"),
    )


def _assert_one_error_line(stderr: str, *needles: str) -> str:
    assert "Traceback" not in stderr
    assert stderr.endswith("\n"), repr(stderr)
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    line = lines[0]
    assert line.startswith("newsmill: error: "), line
    for needle in needles:
        assert needle in line, (needle, line)
    return line


def _write_big_file(path: Path, size: int) -> None:
    line = b"Plain text news line that repeats to make a very large page.\n"
    chunk = (line * (MIB // len(line) + 1))[:MIB]
    with path.open("wb") as handle:
        for _ in range(size // MIB):
            handle.write(chunk)


# --- analyze: success ------------------------------------------------------------------------


def test_cli_analyze_seed_json(seed_path: Path, seed_text: str, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["analyze", str(seed_path), "--published", "2022-02-27"])
    out, err = capsys.readouterr()
    assert code == 0
    assert err == ""
    data = json.loads(out)
    assert data["text"] == seed_text
    assert data["title"]["text"] == seed_text.splitlines()[0]
    assert data["published"]["value"] == "2022-02-27"
    assert data["published"]["date"] == "2022-02-27"
    assert data["published"]["found_by"] == "argument"
    assert data["source"] == str(seed_path)
    assert data["dateline"]["name"] == "Islamabad"
    record = Record.from_json(out)
    assert record.title is not None
    assert record.text[record.title.start : record.title.end] == record.title.text


def test_cli_analyze_indent_zero_is_one_line(
    seed_path: Path, seed_text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["analyze", str(seed_path), "--indent", "0"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    assert Record.from_json(out).text == seed_text


def test_cli_analyze_stdin_subprocess(seed_path: Path, seed_text: str) -> None:
    result = _run("analyze", "-", "--published", "2022-02-27", stdin=seed_path.read_bytes())
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    data = json.loads(result.stdout)
    assert data["text"] == seed_text
    assert data["source"] == "<stdin>"
    assert data["title"]["text"] == seed_text.splitlines()[0]
    assert data["published"]["value"] == "2022-02-27"
    in_file = newsmill.analyze(seed_path)
    assert data["id"] == in_file.id
    assert [p["text"] for p in data["paragraphs"]] == [p.text for p in in_file.paragraphs]


def test_cli_analyze_format_text(seed_path: Path, seed_text: str, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["analyze", str(seed_path), "--format", "text"])
    out, err = capsys.readouterr()
    assert code == 0
    assert err == ""
    assert seed_text.splitlines()[0] in out
    assert "Islamabad" in out
    assert "furniture" in out
    assert "trending_headline" in out
    with pytest.raises(json.JSONDecodeError):
        json.loads(out)
    assert not out.lstrip().startswith("{")
    assert '"text":' not in out
    assert '"paragraphs"' not in out


def test_cli_analyze_url_kept(seed_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = "https://www.thenews.com.pk/print/935651-qureshi-underscores-de-escalation"
    assert main(["analyze", str(seed_path), "--url", url]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["url"] == url
    assert Record.from_json(json.dumps(data)).url == url


# --- analyze: bad input (exit 2, one line) ---------------------------------------------------


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b"  \n\n\t  \r\n")
    image = tmp_path / "photo.txt"
    image.write_bytes(PNG)
    nuls = tmp_path / "nuls.txt"
    nuls.write_bytes(b"Some words\x00\x00 and\x00 more\x00\xff\xfe\x00\x01 " * 200)
    return {
        "missing": (tmp_path / "no-such-page.txt", "no such file"),
        "directory": (tmp_path, "is a directory"),
        "empty": (empty, "empty"),
        "whitespace": (blank, "empty"),
        "binary": (image, "PNG"),
        "nul-bytes": (nuls, "binary"),
    }


@pytest.mark.parametrize("case", ["missing", "directory", "empty", "whitespace", "binary", "nul-bytes"])
def test_cli_analyze_bad_input_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str) -> None:
    path, words = _bad_inputs(tmp_path)[case]
    code = main(["analyze", str(path)])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    _assert_one_error_line(err, words, str(path))


def test_cli_analyze_50mb_file_refused_by_size(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "huge.txt"
    _write_big_file(path, 50 * MIB)
    started = time.perf_counter()
    code = main(["analyze", str(path)])
    elapsed = time.perf_counter() - started
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    _assert_one_error_line(err, f"{50 * MIB:,} bytes is over the", str(path))
    assert elapsed < 1.0


def test_cli_analyze_bad_published(seed_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["analyze", str(seed_path), "--published", "not-a-date"])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    _assert_one_error_line(err, "not-a-date", "ISO 8601")


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["analyze"], "required"),
        ([], "required"),
        (["analyze", "x.txt", "--format", "yaml"], "invalid choice: 'yaml'"),
    ],
    ids=["unknown-command", "missing-path", "no-command", "bad-format"],
)
def test_cli_usage_errors_in_process(argv: list[str], words: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    _assert_one_error_line(err, words)


def test_cli_missing_path_subprocess(tmp_path: Path) -> None:
    path = tmp_path / "no-such-page.txt"
    result = _run("analyze", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    _assert_one_error_line(result.stderr, "no such file", str(path))


def test_cli_binary_file_subprocess(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(PNG)
    result = _run("analyze", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    _assert_one_error_line(result.stderr, "PNG", str(path))


def test_cli_unknown_subcommand_subprocess() -> None:
    result = _run("frobnicate")
    assert result.returncode == 2
    assert result.stdout == ""
    _assert_one_error_line(result.stderr, "frobnicate")


# --- no article (exit 1) ---------------------------------------------------------------------


def test_cli_all_furniture_page_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "junk.txt"
    path.write_text(JUNK_PAGE, encoding="utf-8")
    code = main(["analyze", str(path)])
    out, err = capsys.readouterr()
    assert code == 1
    assert out == ""
    _assert_one_error_line(err, "no article")


def test_cli_all_furniture_page_exit_1_subprocess() -> None:
    result = _run("analyze", "-", stdin=JUNK_PAGE.encode("utf-8"))
    assert result.returncode == 1
    assert result.stdout == ""
    _assert_one_error_line(result.stderr, "no article")


# --- extract ---------------------------------------------------------------------------------


def test_cli_extract_directory_to_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for name in GOOD_PAGES:
        shutil.copy(EXAMPLE_TEXT / name, pages / name)
    (pages / "empty.txt").write_bytes(b"")
    (pages / "photo.txt").write_bytes(PNG)
    (pages / "junk.txt").write_text(JUNK_PAGE, encoding="utf-8")
    (pages / "notes.csv").write_text("not,a,page\n", encoding="utf-8")  # not a page suffix
    out_path = tmp_path / "out.jsonl"

    code = main(["extract", str(pages), "--jsonl", str(out_path)])
    out, err = capsys.readouterr()
    assert code == 0
    assert out == ""
    assert "Traceback" not in err

    lines = out_path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    records = [Record.from_json(line) for line in lines]
    assert [r.source for r in records] == [str(pages / name) for name in GOOD_PAGES]
    for record, name in zip(records, GOOD_PAGES, strict=True):
        page = (EXAMPLE_TEXT / name).read_text(encoding="utf-8")
        assert record.text == page
        assert record.title is not None
        assert record.title.text == page.splitlines()[0]
        assert record.paragraphs

    assert re.search(r"\bread\W+5\b", err), err
    assert re.search(r"\bextracted\W+2\b", err), err
    # The reasons of newsmill.reasons, as ingest and the store's errors table name them.
    assert re.search(r"failed: empty\W+1\b", err), err
    assert re.search(r"failed: binary\W+1\b", err), err
    assert re.search(r"failed: no_article\W+1\b", err), err
    assert f"failed {pages / 'empty.txt'}: empty" in err
    assert f"failed {pages / 'photo.txt'}: binary" in err
    assert f"failed {pages / 'junk.txt'}: no_article" in err
    assert "notes.csv" not in err


def test_cli_extract_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    paths = [str(EXAMPLE_TEXT / name) for name in GOOD_PAGES]
    assert main(["extract", *paths]) == 0
    out, err = capsys.readouterr()
    records = [Record.from_json(line) for line in out.splitlines()]
    assert [r.source for r in records] == paths
    assert re.search(r"\bextracted\W+2\b", err), err


# --- schema, version -------------------------------------------------------------------------


def test_cli_schema(seed_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Record"
    assert schema["type"] == "object"
    assert {"text", "title", "paragraphs", "extraction"} <= set(schema["properties"])
    jsonschema.Draft202012Validator.check_schema(schema)
    assert main(["analyze", str(seed_path), "--published", "2022-02-27"]) == 0
    jsonschema.validate(json.loads(capsys.readouterr().out), schema)


def test_cli_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"newsmill {newsmill.__version__}"
