"""Same-story links (corpus/stories.py): shared identities decide who, shared words what."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from tests.support.corpus import EntitySpec, make_record

from newsmill.corpus.clusters import cluster
from newsmill.corpus.crossdoc import link_entities
from newsmill.corpus.store import Store
from newsmill.corpus.stories import cosine, tokens, word_vectors
from newsmill.errors import ConfigError
from newsmill.model import Record
from newsmill.settings import CorpusSettings

GOVERNOR: EntitySpec = ("PERSON", "Wanjiru Kamau", "Wanjiru Kamau", "governor", "KEN")
BANK: EntitySpec = ("ORG", "Central Bank of Kenya", "Central Bank of Kenya", None, "KEN")

RATE_CUT = [
    "The Central Bank of Kenya cut its benchmark lending rate by 50 basis points to 9.5% on Tuesday, "
    "its third reduction in a row, saying inflation had settled inside its target range.",
    "Governor Wanjiru Kamau said headline inflation had fallen to 4.1% in February, helped by lower "
    "food and fuel prices, and that credit to small businesses was still too weak.",
]
# The same decision in another outlet's words: other lead, other order, a figure rounded.
RATE_CUT_REWORDED = [
    "Wanjiru Kamau, governor of the Central Bank of Kenya, announced a third consecutive cut on "
    "Tuesday, lowering the benchmark lending rate to 9.5 per cent because inflation had eased.",
    "Inflation fell to 4.1 per cent in February as food and fuel prices dropped, she said; "
    "lending to small businesses remains weak, so the committee chose a cut of 50 basis points.",
]
# Same governor, same bank, same week: another story.
TESTIMONY = [
    "Central Bank of Kenya Governor Wanjiru Kamau faced sharp questions from members of parliament "
    "on Thursday over how the regulator missed warning signs before Imara Bank collapsed.",
    "Lawmakers accused the regulator of ignoring inspection reports that flagged insider loans to "
    "companies linked to directors; depositors' accounts have been frozen since the receivership.",
]
# Another country's central bank the same day, told in nearly the rate cut's words.
OTHER_BANK = [
    "The Bank of Ghana cut its benchmark lending rate by 50 basis points on Tuesday, its third "
    "reduction in a row, saying inflation had settled inside its target range.",
    "Governor Kofi Mensah said headline inflation had fallen in February, helped by lower food "
    "and fuel prices, and that credit to small businesses was still too weak.",
]
GHANA: Sequence[EntitySpec] = (
    ("PERSON", "Kofi Mensah", "Kofi Mensah", "governor", "GHA"),
    ("ORG", "Bank of Ghana", "Bank of Ghana", None, "GHA"),
)


def _store(tmp_path: Path, records: list[Record]) -> Iterator[Store]:
    with Store(tmp_path / "corpus.db") as store:
        store.put_many(records)
        link_entities(store)
        cluster(store)
        yield store


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    records = [
        make_record(
            "Kenya cuts key rate to 9.5%", RATE_CUT, published="2026-03-03", entities=[BANK, GOVERNOR]
        ),
        make_record(
            "CBK lowers rate again", RATE_CUT_REWORDED, published="2026-03-04", entities=[GOVERNOR, BANK]
        ),
        make_record(
            "Governor grilled over Imara Bank", TESTIMONY, published="2026-03-05", entities=[BANK, GOVERNOR]
        ),
        make_record("Ghana cuts rate", OTHER_BANK, published="2026-03-03", entities=list(GHANA)),
        # Unrelated articles, so that document frequencies are not those of a four-article corpus.
        make_record(
            "Reef heat stress spreads south",
            ["Scientists surveying the Great Barrier Reef found heat stress reaching southern reefs."],
            published="2026-03-03",
        ),
        make_record(
            "Valencia beat Getafe",
            ["Valencia beat Getafe 3-0 on Sunday with two goals in the first half and one in added time."],
            published="2026-03-08",
        ),
    ]
    yield from _store(tmp_path, records)


def _clusters(store: Store) -> dict[str, str]:
    return dict(store.conn.execute("SELECT title, cluster_id FROM articles").fetchall())


def test_corpus_stories_reworded_report_joins_the_story(store: Store) -> None:
    clusters = _clusters(store)
    assert clusters["Kenya cuts key rate to 9.5%"] == clusters["CBK lowers rate again"]


def test_corpus_stories_same_people_same_week_other_story_stays_apart(store: Store) -> None:
    # Two identities shared two days apart linked them before the words were compared.
    clusters = _clusters(store)
    assert clusters["Governor grilled over Imara Bank"] != clusters["Kenya cuts key rate to 9.5%"]


def test_corpus_stories_similar_words_without_shared_identity_stay_apart(store: Store) -> None:
    clusters = _clusters(store)
    assert clusters["Ghana cuts rate"] != clusters["Kenya cuts key rate to 9.5%"]


def test_corpus_stories_word_vectors_leave_names_out_and_weigh_by_rarity(store: Store) -> None:
    rowids = dict(store.conn.execute("SELECT title, rowid FROM articles").fetchall())
    vectors = word_vectors(store, rowids.values())
    cut, testimony = (
        vectors[rowids["Kenya cuts key rate to 9.5%"]],
        vectors[rowids["Governor grilled over Imara Bank"]],
    )
    names = set(tokens("Wanjiru Kamau Central Bank of Kenya"))
    assert not names & cut.keys() and not names & testimony.keys()
    assert {"9", "5", "inflation", "fuel"} <= cut.keys()  # figures and what happened stay
    # "the" is in every article: it weighs nothing.
    assert "the" not in cut
    assert abs(sum(w * w for w in cut.values()) - 1) < 1e-9
    assert cosine(cut, cut) == pytest.approx(1.0)
    threshold = store.settings.story_text_threshold
    reworded = vectors[rowids["CBK lowers rate again"]]
    assert cosine(cut, testimony) < threshold <= cosine(cut, reworded)


def test_corpus_stories_tokens_fold_like_the_full_text_index(store: Store) -> None:
    assert tokens("Jelić's 9.5% «Öre» naïve_word") == ["jelic", "s", "9", "5", "ore", "naive", "word"]
    store.conn.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, articles_fts, 'row')")
    indexed = {term for (term,) in store.conn.execute("SELECT term FROM temp.v")}
    body = " ".join(RATE_CUT_REWORDED)
    assert set(tokens(body)) <= indexed


def test_corpus_stories_threshold_is_checked() -> None:
    with pytest.raises(ConfigError):
        CorpusSettings(story_text_threshold=0)
    with pytest.raises(ConfigError):
        CorpusSettings(story_text_threshold=1.5)
