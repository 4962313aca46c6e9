"""The Ray engine: same records as the local engine, Parquet shards, markers, shard reruns, CLI.

Ray starts once for the module (local mode, 2 CPUs) and the inputs are a handful of real
texts, so the module stays in the tens of seconds.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import EXAMPLES, ROOT, SEED, SHARED
from tests.support.warcs import Response, write_warc

from newsmill.cli import main
from newsmill.corpus.ingest import ingest
from newsmill.corpus.store import Store
from newsmill.errors import ConfigError, InputError
from newsmill.scale.parquet import finished_shards, is_done, iter_rows, load_parquet, marker_file
from newsmill.scale.pipeline import list_shards
from newsmill.scale.ray import ShardWorker, run_ray
from newsmill.settings import Settings

POLNEAR = SHARED / "eval" / "attribution" / "polnear" / "dev" / "text"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"


@pytest.fixture(scope="module")
def ray_local() -> Any:
    import ray

    ray.init(
        address="local",
        num_cpus=2,
        include_dashboard=False,
        log_to_driver=False,
        object_store_memory=100 * 1024 * 1024,
    )
    yield ray
    ray.shutdown()


@pytest.fixture(scope="module")
def shards(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Three shards: two JSONL files of real texts (one broken line, one repeated text) and a WARC."""
    if not (SEED.exists() and POLNEAR.is_dir()):
        pytest.skip("the shared seed page and PolNeAR texts are not available next to the repository")
    folder = tmp_path_factory.mktemp("shards")
    texts = [SEED.read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in sorted(POLNEAR.glob("*.txt"))[:6]]
    first = [json.dumps({"url": "https://example.com/seed", "text": texts[0], "published": "2022-02-27"})]
    first += [json.dumps({"url": f"https://example.com/p{n}", "text": t}) for n, t in enumerate(texts[1:4])]
    first.append("{not json")
    second = [json.dumps({"url": f"https://example.com/q{n}", "text": t}) for n, t in enumerate(texts[4:])]
    second.append(json.dumps({"url": "https://example.com/again", "text": texts[1]}))  # same text: duplicate
    (folder / "part-0.jsonl").write_text("\n".join(first) + "\n", encoding="utf-8")
    (folder / "part-1.jsonl").write_text("\n".join(second) + "\n", encoding="utf-8")
    html = (EXAMPLES / "html" / "03_split_body_ad_manila.html").read_bytes()
    write_warc(
        folder / "crawl.warc.gz",
        [
            Response("https://example.com/manila", html),
            Response("https://example.com/logo.png", PNG, content_type="image/png"),
        ],
    )
    return sorted(folder.iterdir())


def _store_snapshot(db: Path) -> dict[str, Any]:
    with Store(db, create=False) as store:
        conn = store.conn
        return {
            "records": {r.id: r.to_dict() for r in store.iter_records()},
            "inputs": conn.execute("SELECT key, article_id, status FROM inputs ORDER BY key").fetchall(),
            "errors": conn.execute(
                "SELECT input_key, source, code, kind, message FROM errors ORDER BY input_key"
            ).fetchall(),
            "entities": conn.execute(
                "SELECT id, kind, key, articles, mentions FROM entities ORDER BY id"
            ).fetchall(),
        }


def test_scale_ray_matches_the_local_engine_record_by_record(
    ray_local: Any, shards: list[Path], tmp_path: Path
) -> None:
    with Store(tmp_path / "local.db") as store:
        local = ingest(shards, store, Settings())
    out = tmp_path / "parquet"
    summary = run_ray(shards, out, Settings(), workers=2)
    assert not summary.failed
    assert (summary.shards, summary.documents) == (3, 11)
    assert summary.errors == 2  # the broken JSON line and the PNG
    assert len(finished_shards(out)) == 3
    rows = list(iter_rows(out))
    assert {r["status"] for r in rows} == {"record", "error"}
    seed_row = next(r for r in rows if r["url"] == "https://example.com/seed")
    assert seed_row["published"] == "2022-02-27" and seed_row["title"] and seed_row["id"]
    with Store(tmp_path / "ray.db") as store:
        loaded = load_parquet([out], store)
    assert (loaded.stored, loaded.duplicates, loaded.failed) == (local.stored, local.duplicates, local.failed)
    ray_side, local_side = _store_snapshot(tmp_path / "ray.db"), _store_snapshot(tmp_path / "local.db")
    assert sorted(ray_side["records"]) == sorted(local_side["records"])
    for record_id, record in local_side["records"].items():
        assert ray_side["records"][record_id] == record, record_id
    for table in ("inputs", "errors", "entities"):
        assert ray_side[table] == local_side[table], table
    # Loading the same shards again changes nothing (input keys are already stored).
    with Store(tmp_path / "ray.db") as store:
        again = load_parquet([out], store)
        assert (again.already, again.stored, again.failed) == (11, 0, 0)


def test_scale_ray_reruns_only_unfinished_or_named_shards(
    ray_local: Any, shards: list[Path], tmp_path: Path
) -> None:
    out = tmp_path / "parquet"
    jsonl = [p for p in shards if p.suffix == ".jsonl"]
    first = run_ray(jsonl, out, Settings(), workers=2)
    assert (first.shards, first.skipped, first.documents) == (2, 0, 9)
    names = [s.name for s in list_shards(jsonl)]
    again = run_ray(jsonl, out, Settings(), workers=2)
    assert (again.skipped, again.documents) == (2, 0)  # everything finished: no Ray job at all
    marker_file(out, names[1]).unlink()  # as a crash before the marker leaves it
    resumed = run_ray(jsonl, out, Settings(), workers=2)
    assert (resumed.skipped, resumed.documents) == (1, 4)
    named = run_ray(jsonl, out, Settings(), workers=1, shards=[str(jsonl[0])])
    assert named.documents == 5 and all(is_done(out, n) for n in names)
    with pytest.raises(ConfigError, match="no shard named 'nope'"):
        run_ray(jsonl, out, Settings(), shards=["nope"])


def test_scale_ray_cli_ingest_and_from_parquet(
    ray_local: Any, shards: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    warc = next(p for p in shards if p.name.endswith(".warc.gz"))
    out, db = tmp_path / "parquet", tmp_path / "ray.db"
    argv = ["ingest", str(warc), "--engine", "ray", "--out", str(out), "--db", str(db), "--workers", "1"]
    assert main(argv) == 0
    assert "1 records, 1 errors" in capsys.readouterr().err
    assert main(["ingest", "--from-parquet", str(out), "--db", str(tmp_path / "other.db")]) == 0
    assert "1 stored" in capsys.readouterr().err
    for one, other in zip(
        _store_snapshot(db).values(), _store_snapshot(tmp_path / "other.db").values(), strict=True
    ):
        assert one == other


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--out", "x"], "[E400] --address, --out, --shard and --no-load need --engine ray"),
        (["--engine", "ray", "--shard", "nope"], "[E400] no shard named 'nope'"),
        (["--engine", "ray", "--retry-errors"], "[E400] --retry-errors is for the local engine"),
    ],
)
def test_scale_cli_errors_are_one_line(
    argv: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = EXAMPLES / "text" / "04_clean_no_junk.txt"
    assert main(["ingest", str(page), "--db", str(tmp_path / "c.db"), *argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith("newsmill: error: ") and message in err and err.count("\n") == 1


def test_scale_from_parquet_of_a_missing_folder_is_an_input_error(tmp_path: Path) -> None:
    with Store(tmp_path / "c.db") as store, pytest.raises(InputError, match="no such Parquet output folder"):
        load_parquet([tmp_path / "nothing"], store)


def test_scale_import_newsmill_does_not_import_ray() -> None:
    code = "import sys, newsmill, newsmill.cli, newsmill.scale.ray; sys.exit('ray' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=False).returncode == 0


def test_scale_missing_ray_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, shards: list[Path], tmp_path: Path
) -> None:
    import newsmill.scale.ray as engine

    monkeypatch.setitem(sys.modules, "ray", None)  # import ray → ImportError
    with pytest.raises(ConfigError, match=r"pip install 'newsmill\[ray\]'"):
        engine.run_ray(shards[:1], tmp_path / "out", Settings())


def test_scale_shard_worker_reports_a_failed_shard_and_goes_on(shards: list[Path], tmp_path: Path) -> None:
    # The actor class without Ray: a shard whose file vanished fails alone, the next one is written.
    good = next(p for p in shards if p.name.endswith(".warc.gz"))
    worker = ShardWorker(Settings(), str(tmp_path))
    result = worker({"name": ["gone", "crawl"], "path": [str(tmp_path / "gone.jsonl"), str(good)]})
    assert result["shard"] == ["gone", "crawl"]
    assert result["failure"][0].startswith("InputError") and result["failure"][1] == ""
    assert (result["documents"], result["records"], result["errors"]) == ([0, 2], [0, 1], [0, 1])
    assert not is_done(tmp_path, "gone") and is_done(tmp_path, "crawl")
