"""Search: BM25 ranking, snippets, filters, safe query compilation, hostile page content."""

from __future__ import annotations

import importlib
from datetime import date
from pathlib import Path

import pytest
from tests.support.corpus import make_record

from newsmill.corpus.crossdoc import link_entities
from newsmill.corpus.search import MARK_CLOSE, MARK_OPEN, compile_query, date_tokens, search
from newsmill.corpus.store import Store
from newsmill.errors import QueryError
from newsmill.settings import CorpusSettings

HOSTILE = (
    'He typed "NEAR(pipeline reform, 3)" and then ;DROP TABLE articles; -- into the form, '
    'followed by title:* AND OR NOT ( ) ^ {col} and a stray quote " that never closes.'
)


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    records = [
        make_record(
            "Pipeline deal signed in Ankara",
            ["Energy ministers signed the gas pipeline deal after long talks in the capital."],
            published="2022-03-01",
            entities=[("GPE", "Ankara", "Ankara", None, "TUR")],
        ),
        make_record(
            "Harvest season opens",
            [
                "Farmers said the harvest looked good. A pipeline of new tractors is on order, "
                "and the co-operative expects prices to hold through the autumn."
            ],
            published="2022-06-15",
            quotes=[("the harvest looked good", "Farmers")],
        ),
        make_record(
            "Qureshi meets Kuleba",
            ["Foreign Minister Shah Mahmood Qureshi spoke with Dmytro Kuleba about the pipeline of aid."],
            published="2022-03-02",
            entities=[
                ("PERSON", "Shah Mahmood Qureshi", "Shah Mahmood Qureshi", "foreign minister", "PAK"),
                ("PERSON", "Dmytro Kuleba", "Dmytro Kuleba", "foreign minister", "UKR"),
            ],
            quotes=[("about the pipeline of aid", "Shah Mahmood Qureshi")],
            events=[
                ("CONSULT", ["Shah Mahmood Qureshi"], ["Dmytro Kuleba"], "spoke with Dmytro Kuleba", None)
            ],
        ),
        make_record("Form abuse", [HOSTILE], published="2023-01-01"),
    ]
    with Store(tmp_path / "corpus.db") as opened:
        opened.put_many(records)
        link_entities(opened)
        yield opened


def test_corpus_search_title_match_ranks_first_with_snippets(store: Store) -> None:
    hits = search(store, "pipeline")
    assert len(hits) == 4
    assert hits[0].title == "Pipeline deal signed in Ankara"  # in the title and the body
    assert [h.score for h in hits] == sorted(h.score for h in hits)
    for hit in hits:
        assert f"{MARK_OPEN}pipeline{MARK_CLOSE}".casefold() in hit.snippet.casefold()
    assert "**pipeline**" in hits[1].marked().casefold()


def test_corpus_search_phrase_prefix_and_operators(store: Store) -> None:
    assert [h.title for h in search(store, '"gas pipeline"')] == ["Pipeline deal signed in Ankara"]
    assert {h.title for h in search(store, "tract*")} == {"Harvest season opens"}
    assert {h.title for h in search(store, "harvest OR ankara")} == {
        "Harvest season opens",
        "Pipeline deal signed in Ankara",
    }
    assert {h.title for h in search(store, "pipeline NOT (ankara OR harvest)")} == {
        "Qureshi meets Kuleba",
        "Form abuse",
    }


def test_corpus_search_date_and_entity_filters(store: Store) -> None:
    titles = {h.title for h in search(store, "pipeline", since="2022-03-02", until="2022-12-31")}
    assert titles == {"Qureshi meets Kuleba", "Harvest season opens"}
    assert [h.title for h in search(store, "pipeline", entity="Qureshi")] == ["Qureshi meets Kuleba"]
    assert [h.title for h in search(store, "", entity="Shah Mahmood Qureshi")] == ["Qureshi meets Kuleba"]
    assert search(store, "pipeline", entity="Nobody Known") == []


def test_corpus_search_quotes_and_events(store: Store) -> None:
    quotes = search(store, "aid", kind="quote")
    assert [(q.speaker, q.article_id) for q in quotes] == [("Shah Mahmood Qureshi", quotes[0].article_id)]
    assert search(store, "", kind="quote", entity="Qureshi")[0].speaker == "Shah Mahmood Qureshi"
    assert search(store, "harvest", kind="quote", entity="Qureshi") == []
    events = search(store, "Kuleba", kind="event")
    assert [e.event_type for e in events] == ["CONSULT"]


def test_corpus_search_hostile_page_is_stored_and_searchable(store: Store) -> None:
    for query in ("DROP TABLE", "NEAR", '"stray quote"', "title", '"NEAR(pipeline reform, 3)"', "col"):
        hits = search(store, query)
        assert "Form abuse" in {h.title for h in hits}, query
    # Pasted whole, the page reads as a query with dangling operators: a clear error, not a crash.
    with pytest.raises(QueryError, match="OR needs a term before it"):
        search(store, HOSTILE)
    assert store.count("articles") == 4  # nothing was dropped


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"unclosed phrase', "unclosed quote"),
        ("(pipeline OR gas", "unclosed '('"),
        ("pipeline)", "unbalanced ')'"),
        ("OR pipeline", "OR needs a term before"),
        ("pipeline AND", "AND needs a term after"),
        ("pipeline NOT", "NOT needs a term after"),
        ("()", "empty or unfinished group"),
        ("* ; --", "no words"),
    ],
)
def test_corpus_search_malformed_query_is_a_clear_error(store: Store, query: str, message: str) -> None:
    with pytest.raises(QueryError, match=message.replace("(", r"\(").replace(")", r"\)")):
        search(store, query)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"since": "last week"}, "--since expects a date"),
        ({"until": "2022-13-45"}, "--until expects a date"),
        ({"kind": "tweet"}, "kind must be one of"),
        ({"limit": 0}, "limit must be at least 1"),
    ],
)
def test_corpus_search_bad_filters(store: Store, kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(QueryError, match=message):
        search(store, "pipeline", **kwargs)  # type: ignore[arg-type]


def test_corpus_search_needs_a_query_or_a_filter(store: Store) -> None:
    with pytest.raises(QueryError, match="give a query"):
        search(store, "   ")


@pytest.mark.parametrize(
    ("query", "fts"),
    [
        ("Qureshi", '"Qureshi"'),
        ("foreign minister", '"foreign" AND "minister"'),
        ('"foreign minister" OR Kuleba', '"foreign minister" OR "Kuleba"'),
        ("minist*", '"minist"*'),
        ("al-Qaeda U.S.", '"al Qaeda" AND "U S"'),
        ("NEAR(a b)", '"NEAR" AND ( "a" AND "b" )'),
        (";DROP TABLE x; --", '"DROP" AND "TABLE" AND "x"'),
    ],
)
def test_corpus_search_compile_query(query: str, fts: str) -> None:
    assert compile_query(query) == fts


@pytest.mark.parametrize(
    ("first", "last", "tokens"),
    [
        ("2022-03-01", "2022-03-01", ["d20220301"]),
        ("2022-02-27", "2022-04-02", ["d20220227", "d20220228", "m202203", "d20220401", "d20220402"]),
        ("2021-12-31", "2023-01-31", ["d20211231", "y2022", "m202301"]),
        ("2022-03-02", "2022-03-01", []),
    ],
)
def test_corpus_search_date_tokens(first: str, last: str, tokens: list[str]) -> None:
    assert date_tokens(date.fromisoformat(first), date.fromisoformat(last)) == tokens


def test_corpus_search_date_window_excludes_days_outside(store: Store) -> None:
    assert (
        search(store, "pipeline", since="2022-03-02", until="2022-03-02")[0].title == "Qureshi meets Kuleba"
    )
    assert len(search(store, "pipeline", since="2022-03-02", until="2022-03-02")) == 1
    assert search(store, "pipeline", since="2022-07-01", until="2022-06-01") == []
    assert search(store, "pipeline", since="2030-01-01") == []


def test_corpus_search_ranks_within_the_newest_matches(tmp_path: Path) -> None:
    settings = CorpusSettings(rank_window=2)
    with Store(tmp_path / "window.db", settings) as store:
        for number in range(5):
            # The oldest article is the best match; the window leaves it out.
            words = "pipeline " * (5 - number) + f"filler text number {number} " * 10
            store.put(make_record(f"Article {number}", [words.strip()]))
        titles = [h.title for h in search(store, "pipeline")]
        assert titles == ["Article 3", "Article 4"]  # the two newest matches, best first
        assert search(store, "pipeline", limit=1)[0].title == "Article 3"


@pytest.mark.parametrize("kind", ["article", "quote", "event"])
def test_corpus_search_entity_filter_paths_agree(
    store: Store, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    search_module = importlib.import_module("newsmill.corpus.search")  # the package re-exports search()
    query = {"article": "pipeline", "quote": "aid", "event": "Kuleba"}[kind]
    first = search(store, query, kind=kind, entity="Qureshi")  # few items: filter first
    monkeypatch.setattr(search_module, "_rank_filtered", lambda *args: None)  # as if many: the query drives
    assert search(store, query, kind=kind, entity="Qureshi") == first
    assert len(first) == 1
