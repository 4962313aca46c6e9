"""Near-duplicates (MinHash LSH), same-story clusters and one cluster id per real-world event."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.support.corpus import make_record

from newsmill.corpus.clusters import cluster, shingles, signature
from newsmill.corpus.crossdoc import link_entities
from newsmill.corpus.export import Filters, iter_rows
from newsmill.corpus.search import search
from newsmill.corpus.store import Store

WIRE = [
    "Pakistan's foreign minister Shah Mahmood Qureshi spoke by telephone with Ukraine's foreign "
    "minister Dmytro Kuleba on Tuesday and urged an immediate end to the fighting around Kyiv.",
    "Qureshi told his counterpart that Islamabad believed disputes should be resolved through "
    "dialogue and diplomacy, and asked for the safe passage of Pakistani students still in Kharkiv.",
    "Kuleba briefed him on the humanitarian situation and thanked Pakistan for its aid shipment, "
    "the foreign office said in a statement released late in the evening.",
]
PEOPLE = [
    ("PERSON", "Shah Mahmood Qureshi", "Shah Mahmood Qureshi", "foreign minister", "PAK"),
    ("PERSON", "Dmytro Kuleba", "Dmytro Kuleba", "foreign minister", "UKR"),
    ("GPE", "Kyiv", "Kyiv", None, "UKR"),
]
CALL = (
    "CONSULT",
    ["Shah Mahmood Qureshi"],
    ["Dmytro Kuleba"],
    "spoke by telephone with Ukraine",
    "2022-03-01",
)


def _copy_with_edits() -> list[str]:
    # A republished wire copy: another outlet's first words, one sentence trimmed.
    return [
        "ISLAMABAD: " + WIRE[0],
        WIRE[1],
        WIRE[2].replace(", the foreign office said in a statement released late in the evening", ""),
    ]


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    records = [
        make_record(
            "Qureshi, Kuleba discuss war", WIRE, published="2022-03-01", entities=PEOPLE, events=[CALL]
        ),
        make_record(
            "Pakistan urges end to fighting",
            _copy_with_edits(),
            published="2022-03-01",
            entities=PEOPLE,
            events=[CALL],
        ),
        make_record(
            "Kuleba thanks Pakistan for aid",
            [
                # The call reported again the next day in other words (stories.py needs shared
                # words besides the names: the telephone call, the fighting, the students).
                "Ukraine's foreign minister Dmytro Kuleba said on Wednesday that he had spoken by "
                "telephone with Shah Mahmood Qureshi the day before, that Pakistan had urged an end to "
                "the fighting around Kyiv, and that its aid shipment and the safe passage of Pakistani "
                "students from Kharkiv had been discussed.",
            ],
            published="2022-03-02",
            entities=[PEOPLE[1], PEOPLE[0]],
            events=[(*CALL[:3], "had spoken by", "2022-03-01")],
        ),
        make_record(
            "Qureshi and Kuleba meet again",
            ["Shah Mahmood Qureshi met Dmytro Kuleba in Antalya, months after their first call."],
            published="2022-09-20",
            entities=PEOPLE[:2],
            events=[
                ("CONSULT", ["Shah Mahmood Qureshi"], ["Dmytro Kuleba"], "met Dmytro Kuleba", "2022-09-20")
            ],
        ),
        make_record(
            "Reef heat stress spreads south",
            [
                "Scientists surveying the Great Barrier Reef found heat stress reaching southern reefs "
                "that had escaped earlier bleaching events, the institute said."
            ],
            published="2022-03-01",
            entities=[("ORG", "Australian Institute of Marine Science", "the institute", None, "AUS")],
        ),
    ]
    with Store(tmp_path / "corpus.db") as opened:
        opened.put_many(records)
        link_entities(opened)
        yield opened


def _by_title(store: Store, column: str) -> dict[str, str | None]:
    return dict(store.conn.execute(f"SELECT title, {column} FROM articles").fetchall())


def test_corpus_clusters_near_duplicate_found_and_points_at_the_first(store: Store) -> None:
    summary = cluster(store)
    assert (summary.duplicate_groups, summary.duplicates) == (1, 1)
    ids = dict(store.conn.execute("SELECT title, id FROM articles").fetchall())
    duplicate_of = _by_title(store, "duplicate_of")
    first, copy = ids["Qureshi, Kuleba discuss war"], ids["Pakistan urges end to fighting"]
    head = min(first, copy)  # same day: the smaller id is "first"
    assert {duplicate_of["Qureshi, Kuleba discuss war"], duplicate_of["Pakistan urges end to fighting"]} == {
        None,
        head,
    }
    assert duplicate_of["Kuleba thanks Pakistan for aid"] is None


def test_corpus_clusters_same_story_within_the_window_only(store: Store) -> None:
    summary = cluster(store)
    clusters = _by_title(store, "cluster_id")
    story = clusters["Qureshi, Kuleba discuss war"]
    assert clusters["Pakistan urges end to fighting"] == story
    assert clusters["Kuleba thanks Pakistan for aid"] == story  # same people, next day
    assert clusters["Qureshi and Kuleba meet again"] != story  # same people, six months later
    assert clusters["Reef heat stress spreads south"] not in {
        story,
        clusters["Qureshi and Kuleba meet again"],
    }
    assert summary.stories == 1
    size, label = store.conn.execute("SELECT size, label FROM clusters WHERE id = ?", (story,)).fetchone()
    assert size == 3 and label in {"Qureshi, Kuleba discuss war", "Pakistan urges end to fighting"}


def test_corpus_clusters_one_event_reported_three_times_counts_once(store: Store) -> None:
    summary = cluster(store)
    assert summary.events == 4
    rows = store.conn.execute(
        "SELECT a.title, e.cluster_id FROM events e JOIN articles a ON a.id = e.article_id"
    ).fetchall()
    by_title = dict(rows)
    call = by_title["Qureshi, Kuleba discuss war"]
    assert by_title["Pakistan urges end to fighting"] == call
    assert by_title["Kuleba thanks Pakistan for aid"] == call
    assert by_title["Qureshi and Kuleba meet again"] != call
    assert store.conn.execute("SELECT count(DISTINCT cluster_id) FROM events").fetchone()[0] == 2


def test_corpus_clusters_are_independent_of_insertion_order(tmp_path: Path, store: Store) -> None:
    cluster(store)
    records = list(store.iter_records())
    with Store(tmp_path / "reversed.db") as other:
        other.put_many(reversed(records))
        link_entities(other)
        cluster(other)
        query = "SELECT id, cluster_id, duplicate_of FROM articles ORDER BY id"
        assert other.conn.execute(query).fetchall() == store.conn.execute(query).fetchall()
        events = "SELECT article_id, idx, cluster_id FROM events ORDER BY article_id, idx"
        assert other.conn.execute(events).fetchall() == store.conn.execute(events).fetchall()


def test_corpus_clusters_signature_similarity() -> None:
    import numpy as np
    from datasketch import LeanMinHash

    def lean(text: str) -> LeanMinHash:
        return LeanMinHash(seed=1, hashvalues=np.frombuffer(signature(text), dtype="<u4"), scheme="affine32")

    text = " ".join(WIRE)
    assert lean(text).jaccard(lean(" ".join(_copy_with_edits()))) > 0.8
    assert (
        lean(text).jaccard(lean("An entirely different story about reefs and heat stress in the sea.")) < 0.1
    )
    assert shingles("too short") == {"too short"}
    assert len(shingles("one two three four five six")) == 2
    assert shingles("") == set()


FOLLOW_UP = "\n\n".join(
    [
        "Pakistan urges restraint over Ukraine",
        "ISLAMABAD: Qureshi said on Wednesday that Pakistan wanted the crisis in Ukraine resolved "
        "through dialogue and diplomacy.",
        "Speaking to reporters in Islamabad, Qureshi added that the government was working to bring "
        "Pakistani students home from Kharkiv and other cities.",
        "The foreign office said more flights would be arranged this week.",
    ]
)


def test_corpus_clusters_real_pages_through_ingest(seed_text: str, tmp_path: Path) -> None:
    """The real pipeline: a republished copy is a near-duplicate, a follow-up naming only
    "Qureshi" joins his identity, an unrelated article stays apart. The follow-up's happening
    is new (his remarks to reporters the next day, few words shared with the call's report):
    another story under benchmarks/gold/stories/GUIDELINE.md."""
    from tests.conftest import EXAMPLES

    from newsmill.corpus.ingest import ingest
    from newsmill.settings import Settings

    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a_seed.txt").write_text(seed_text, encoding="utf-8")
    lines = seed_text.splitlines()
    copy = ["Pakistan's FM stresses diplomacy in call with Kuleba", *lines[1:]]
    (folder / "b_republished.txt").write_text("\n".join(copy), encoding="utf-8")
    (folder / "c_follow_up.txt").write_text(FOLLOW_UP, encoding="utf-8")
    (folder / "d_unrelated.txt").write_text(
        (EXAMPLES / "text" / "04_clean_no_junk.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    lines_published = [
        json.dumps(
            {
                "text": (folder / name).read_text(encoding="utf-8"),
                "url": f"https://example.com/{name}",
                "published": day,
            }
        )
        for name, day in (
            ("a_seed.txt", "2022-03-01"),
            ("b_republished.txt", "2022-03-01"),
            ("c_follow_up.txt", "2022-03-02"),
            ("d_unrelated.txt", "2022-03-01"),
        )
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines_published), encoding="utf-8")
    with Store(tmp_path / "corpus.db") as store:
        summary = ingest([feed], store, Settings())
        assert summary.stored == 4 and summary.clusters.duplicates == 1
        by_url = {
            url.rsplit("/", 1)[1]: (cluster_id, duplicate_of)
            for url, cluster_id, duplicate_of in store.conn.execute(
                "SELECT url, cluster_id, duplicate_of FROM articles"
            )
        }
        ids = dict(store.conn.execute("SELECT substr(url, 21), id FROM articles").fetchall())
        first = min(ids["a_seed.txt"], ids["b_republished.txt"])
        assert {by_url["a_seed.txt"][1], by_url["b_republished.txt"][1]} == {None, first}
        story = by_url["a_seed.txt"][0]
        assert by_url["b_republished.txt"][0] == story
        assert by_url["c_follow_up.txt"][0] != story
        assert by_url["d_unrelated.txt"][0] not in {story, by_url["c_follow_up.txt"][0]}
        names = {
            row[0]
            for row in store.conn.execute(
                "SELECT e.name FROM article_entities ae JOIN entities e ON e.id = ae.entity_id "
                "WHERE ae.name = 'Qureshi' AND ae.kind = 'PERSON'"
            )
        }
        assert names == {"Shah Mahmood Qureshi"}


def test_corpus_clusters_an_event_counts_its_reports_mentions_and_sources(tmp_path: Path) -> None:
    # GDELT's three counts: articles reporting the happening, sentences reporting it (one
    # article reports it twice, in its title and body), and distinct outlets.
    outlets = ["https://www.dawn.com/news/1", "https://tribune.com.pk/story/2", "https://dawn.com/news/3"]
    records = []
    for number, url in enumerate(outlets):
        record = make_record(
            f"Call number {number}", WIRE, published="2022-03-01", entities=PEOPLE, events=[CALL], url=url
        )
        if number == 0:
            event = record.events[0]
            record.events[0] = event.model_copy(update={"mentions": [record.title, event.evidence]})
        records.append(record)
    with Store(tmp_path / "corpus.db") as opened:
        opened.put_many(records)
        link_entities(opened)
        cluster(opened)
        rows = opened.conn.execute(
            "SELECT size, mentions, sources FROM clusters WHERE kind = 'event'"
        ).fetchall()
        assert rows == [(3, 4, 2)]
        exported = sorted(row[-3:] for row in iter_rows(opened, "event", Filters()))
        assert exported == [(1, 3, 2), (1, 3, 2), (2, 3, 2)]
        hits = search(opened, "telephone", kind="event")
        assert hits and all((h.reports, h.mentions, h.sources) == (3, 4, 2) for h in hits)
