"""The SQLite store: round trip, idempotent upserts, migrations, refusing foreign files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from tests.support.corpus import make_record

import newsmill
from newsmill.corpus.clusters import cluster
from newsmill.corpus.schema import MIGRATIONS, SCHEMA_VERSION
from newsmill.corpus.store import Store, encode_record
from newsmill.errors import StoreError, StoreVersionError


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "corpus.db") as opened:
        yield opened


def test_corpus_store_round_trip_of_an_analysed_record(store: Store, seed_path: Path) -> None:
    record = newsmill.analyze(seed_path, published="2022-03-01")
    assert record.entities and record.quotes  # a record with every kind of fact
    assert store.put(record) is True
    again = store.get(record.id)
    assert again == record
    assert again.to_dict() == record.to_dict()
    assert store.count("article_entities") == len(record.entities)
    assert store.count("mentions") == sum(len(e.mentions) for e in record.entities)
    assert store.count("quotes") == len(record.quotes)
    title, published = store.conn.execute("SELECT title, published_date FROM articles").fetchone()
    assert title == record.title.text and published == "2022-03-01"


def test_corpus_store_same_record_twice_stores_nothing_new(store: Store) -> None:
    record = make_record("Dam opens", ["The new dam opened on Monday after six years of work."])
    assert store.put(record, input_key="a") is True
    assert store.put(record, input_key="b") is False
    assert len(store) == 1
    assert store.count("mentions") == 0
    statuses = dict(store.conn.execute("SELECT key, status FROM inputs").fetchall())
    assert statuses == {"a": "stored", "b": "duplicate"}


def test_corpus_store_replace_rewrites_children_and_index(store: Store) -> None:
    record = make_record(
        "Minister visits",
        ["Minister Ana Morales visited the port."],
        entities=[("PERSON", "Ana Morales", "Ana Morales", None, None)],
    )
    store.put(record)
    changed = record.model_copy(deep=True)
    changed.entities = []
    store.put(changed, replace=True)
    assert store.count("article_entities") == 0
    assert store.get(record.id) == changed
    hits = store.conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'port'").fetchone()[
        0
    ]
    assert hits == 1  # the FTS index follows the delete and the new insert


def test_corpus_store_get_missing_is_none(store: Store) -> None:
    assert store.get("nope") is None
    assert "nope" not in store


def test_corpus_store_new_store_has_current_schema_and_wal(store: Store) -> None:
    assert store.version == SCHEMA_VERSION
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_corpus_store_migrates_a_version_1_store(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    record = make_record("Old article", ["Written by a newsmill that knew schema version one only."])
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0] + "\nPRAGMA user_version = 1;")
    conn.execute(
        "INSERT INTO articles (id, title, body, record, ingested_at) VALUES (?, ?, ?, ?, '2024-01-01')",
        (record.id, record.title.text, record.body, encode_record(record)),
    )
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.version == SCHEMA_VERSION
        assert store.get(record.id) == record
        columns = {row[1] for row in store.conn.execute("PRAGMA table_info(articles)")}
        assert {"minhash", "cluster_id", "duplicate_of"} <= columns
        summary = cluster(store)  # fills the signature the old store lacks
        assert summary.articles == 1
        minhash, cluster_id = store.conn.execute("SELECT minhash, cluster_id FROM articles").fetchone()
        assert minhash is not None and cluster_id == record.id


def test_corpus_store_migrates_a_version_2_store_with_events(tmp_path: Path) -> None:
    # Version 3 adds an event's mentions and its cluster's mentions and sources: an event
    # stored before counts as one sentence, and the passes and exports read it.
    path = tmp_path / "v2.db"
    record = make_record("Old article", ["Written by a newsmill that knew schema version two only."])
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0] + MIGRATIONS[1] + "\nPRAGMA user_version = 2;")
    conn.execute(
        "INSERT INTO articles (id, title, body, record, ingested_at) VALUES (?, ?, ?, ?, '2024-01-01')",
        (record.id, record.title.text, record.body, encode_record(record)),
    )
    conn.execute(
        'INSERT INTO events (article_id, idx, type, actors, recipients, evidence, start, "end") '
        "VALUES (?, 0, 'CONSULT', '[]', '[]', 'Written by', 0, 10)",
        (record.id,),
    )
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.version == SCHEMA_VERSION == 3
        cluster(store)
        assert store.conn.execute(
            "SELECT size, mentions, sources FROM clusters WHERE kind = 'event'"
        ).fetchall() == [(1, 1, 1)]
        from newsmill.corpus.export import Filters, iter_rows

        (row,) = list(iter_rows(store, "event", Filters()))
        assert row[-3:] == (1, 1, 1)


def test_corpus_store_refuses_a_newer_schema(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreVersionError, match="upgrade newsmill"):
        Store(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"this is not a database at all, just some text" * 100, "not a newsmill store"),
        (None, "other tables"),
    ],
)
def test_corpus_store_refuses_foreign_files(tmp_path: Path, content: bytes | None, message: str) -> None:
    path = tmp_path / "foreign.db"
    if content is None:
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE customers (id INTEGER)")
        conn.close()
    else:
        path.write_bytes(content)
    with pytest.raises(StoreVersionError, match=message):
        Store(path)


def test_corpus_store_missing_file_when_not_creating(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "absent.db", create=False)
    assert not (tmp_path / "absent.db").exists()


def test_corpus_store_errors_mark_the_input_done(store: Store) -> None:
    store.add_error("k1", "bad.txt", "E003", "BinaryInput", "a PNG image")
    assert store.done_keys(["k1", "k2"]) == {"k1"}
    assert store.forget_errors() == 1
    assert store.done_keys(["k1"]) == set()
