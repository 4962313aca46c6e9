"""One identity across articles: surnames join a full name only when the corpus is unambiguous."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.support.corpus import make_record

from newsmill.corpus.crossdoc import _Group, link_entities, normalize_name, resolve
from newsmill.corpus.store import Store


def _group(name: str, kind: str = "PERSON", role: str | None = None, country: str | None = None) -> _Group:
    return _Group(kind, name, role, country, None, 1, 1)


def _keys(groups: list[_Group]) -> dict[str, str]:
    mapping = resolve(groups)
    return {
        g.name + (f"/{g.role}" if g.role else "") + (f"/{g.country}" if g.country else ""): mapping[
            (g.kind, g.name, g.role, g.country)
        ].key
        for g in groups
    }


@pytest.mark.parametrize(
    ("name", "kind", "key"),
    [
        ("Mr. Shah Mahmood Qureshi", "PERSON", "shah mahmood qureshi"),
        ("José Álvarez Jr.", "PERSON", "jose alvarez"),
        ("The United Nations", "ORG", "united nations"),
        ("Dr", "PERSON", "dr"),
        ("O’Brien", "PERSON", "o'brien"),
    ],
)
def test_corpus_crossdoc_normalize_name(name: str, kind: str, key: str) -> None:
    assert normalize_name(name, kind) == key


def test_corpus_crossdoc_surname_joins_the_only_full_name() -> None:
    keys = _keys([_group("Shah Mahmood Qureshi", country="PAK"), _group("Qureshi"), _group("S. M. Qureshi")])
    assert set(keys.values()) == {"shah mahmood qureshi"}


def test_corpus_crossdoc_shorter_form_of_a_full_name_joins_it() -> None:
    keys = _keys([_group("Shah Mahmood Qureshi"), _group("Shah Qureshi")])
    assert keys["Shah Qureshi"] == "shah mahmood qureshi"


def test_corpus_crossdoc_two_khans_stay_apart_and_a_bare_khan_is_not_guessed() -> None:
    keys = _keys([_group("Imran Khan", country="PAK"), _group("Sadiq Khan", country="GBR"), _group("Khan")])
    assert keys == {"Imran Khan/PAK": "imran khan", "Sadiq Khan/GBR": "sadiq khan", "Khan": "khan"}


def test_corpus_crossdoc_country_or_role_settles_an_ambiguous_surname() -> None:
    groups = [
        _group("Imran Khan", role="prime minister", country="PAK"),
        _group("Sadiq Khan", role="mayor", country="GBR"),
        _group("Khan", country="GBR"),
        _group("Khan", role="prime minister"),
    ]
    keys = _keys(groups)
    assert keys["Khan/GBR"] == "sadiq khan"
    assert keys["Khan/prime minister"] == "imran khan"


def test_corpus_crossdoc_conflicting_country_does_not_merge() -> None:
    keys = _keys([_group("Imran Khan", country="PAK"), _group("Khan", country="IND")])
    assert keys["Khan/IND"] == "khan"


def test_corpus_crossdoc_initials_must_match_the_given_names() -> None:
    keys = _keys([_group("Shah Mahmood Qureshi"), _group("A. Qureshi")])
    assert keys["A. Qureshi"] == "a qureshi"


def test_corpus_crossdoc_organisations_match_on_their_key_only() -> None:
    keys = _keys([_group("The World Bank", "ORG"), _group("World Bank", "ORG"), _group("Bank", "ORG")])
    assert keys == {"The World Bank": "world bank", "World Bank": "world bank", "Bank": "bank"}


def test_corpus_crossdoc_link_entities_in_a_store(tmp_path: Path) -> None:
    records = [
        make_record(
            "Qureshi in Kyiv talks",
            ["Foreign Minister Shah Mahmood Qureshi spoke with his Ukrainian counterpart on Tuesday."],
            entities=[("PERSON", "Shah Mahmood Qureshi", "Shah Mahmood Qureshi", "foreign minister", "PAK")],
        ),
        make_record(
            "Islamabad urges calm",
            ["Qureshi said Pakistan wanted the crisis resolved through dialogue."],
            entities=[("PERSON", "Qureshi", "Qureshi", None, None)],
        ),
        make_record(
            "Cricket and politics",
            ["Imran Khan watched the match while Sadiq Khan opened a stadium in London. Khan smiled."],
            entities=[
                ("PERSON", "Imran Khan", "Imran Khan", "prime minister", "PAK"),
                ("PERSON", "Sadiq Khan", "Sadiq Khan", "mayor", "GBR"),
            ],
        ),
        make_record(
            "A Khan speaks",
            ["Khan told reporters the budget was balanced."],
            entities=[("PERSON", "Khan", "Khan", None, None)],
        ),
    ]
    with Store(tmp_path / "corpus.db") as store:
        store.put_many(records)
        assert link_entities(store) == 4  # Qureshi, Imran Khan, Sadiq Khan, the unknown Khan
        rows = dict(
            store.conn.execute(
                "SELECT ae.name, e.name FROM article_entities ae JOIN entities e ON e.id = ae.entity_id"
            ).fetchall()
        )
        assert rows == {
            "Shah Mahmood Qureshi": "Shah Mahmood Qureshi",
            "Qureshi": "Shah Mahmood Qureshi",
            "Imran Khan": "Imran Khan",
            "Sadiq Khan": "Sadiq Khan",
            "Khan": "Khan",
        }
        articles, role, country = store.conn.execute(
            "SELECT articles, role, country FROM entities WHERE name = 'Shah Mahmood Qureshi'"
        ).fetchone()
        assert (articles, role, country) == (2, "foreign minister", "PAK")
        # Identity ids are a hash of kind and key: recomputing keeps them.
        before = store.conn.execute("SELECT id, key FROM entities ORDER BY id").fetchall()
        link_entities(store)
        assert store.conn.execute("SELECT id, key FROM entities ORDER BY id").fetchall() == before
