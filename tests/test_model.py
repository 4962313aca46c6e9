"""The record model: the span contract, JSON round trips and the published schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import newsmill
from newsmill.model import (
    Boilerplate,
    BoilerplateReason,
    ExtractionInfo,
    Record,
    Span,
    record_id,
    record_json_schema,
)

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "docs" / "record.schema.json"


def _record(text: str, **fields: object) -> Record:
    return Record(
        id=record_id(text), text=text, extraction=ExtractionInfo(extractor="test", format="text"), **fields
    )


def test_model_span_must_match_its_length() -> None:
    with pytest.raises(ValidationError):
        Span(start=0, end=3, text="ab")


def test_model_record_rejects_a_span_that_misquotes_the_text() -> None:
    text = "Hello world.\nSecond line."
    with pytest.raises(ValidationError, match=r"title"):
        _record(text, title=Span(start=0, end=5, text="World"))


def test_model_record_rejects_a_body_that_is_not_the_paragraphs() -> None:
    text = "One.\nTwo."
    paragraphs = [Span.of(text, 0, 4), Span.of(text, 5, 9)]
    with pytest.raises(ValidationError, match="body"):
        _record(text, paragraphs=paragraphs, body="One.")
    assert _record(text, paragraphs=paragraphs, body="One.\n\nTwo.").body == "One.\n\nTwo."


def test_model_nested_spans_are_checked() -> None:
    text = "Header\nbody text"
    bad = Boilerplate(start=0, end=6, text="Heaver", reason=BoilerplateReason.NAVIGATION)
    with pytest.raises(ValidationError, match=r"boilerplate\[0\]"):
        _record(text, boilerplate=[bad])


def test_model_record_id_is_a_stable_content_hash() -> None:
    assert record_id("same text") == record_id("same text")
    assert record_id("same text") != record_id("same text.")
    assert len(record_id("x")) == 20


def test_model_seed_record_round_trips_through_json(seed_text: str) -> None:
    record = newsmill.analyze(seed_text, url="https://example.com/a", published="2022-02-27")
    again = Record.from_json(record.to_json())
    assert again == record
    assert again.to_dict() == record.to_dict()
    assert Record.from_dict(json.loads(json.dumps(record.to_dict()))) == record


def test_model_every_span_of_every_example_is_exact(example_paths: list[Path]) -> None:
    assert example_paths, "examples/ must hold sample pages"
    for path in example_paths:
        record = newsmill.analyze(path)
        spans = list(record.iter_spans())
        assert spans, path
        for where, span in spans:
            assert record.text[span.start : span.end] == span.text, (path, where)


def test_model_schema_file_is_current() -> None:
    on_disk = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert on_disk == record_json_schema(), "regenerate: newsmill schema > docs/record.schema.json"


def test_model_records_validate_against_the_schema(seed_text: str, example_paths: list[Path]) -> None:
    schema = record_json_schema()
    validator = jsonschema.Draft202012Validator(schema)
    for record in [newsmill.analyze(seed_text), *(newsmill.analyze(p) for p in example_paths)]:
        validator.validate(record.to_dict())
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({"id": "x"})


_line = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=80
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_line, max_size=25), st.sampled_from(["\n", "\r\n", "\n\n", "\r"]))
def test_model_any_text_gives_a_valid_record_or_a_clear_error(lines: list[str], newline: str) -> None:
    text = newline.join(lines)
    try:
        record = newsmill.analyze(text)
    except newsmill.NewsmillError:
        return
    assert record.text == text
    for _, span in record.iter_spans():
        assert text[span.start : span.end] == span.text
    assert Record.from_json(record.to_json()) == record


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "WASHINGTON (Reuters) - Officials said on Tuesday that the talks would resume next week "
                "after a pause of several months, according to people familiar with the matter.",
                "The minister told reporters that the government had not yet decided how to respond, "
                "and that it would wait for the results of an inquiry before acting.",
                "Share on Facebook",
                "Most read",
                "Stocks Rally As Investors Cheer Rate Cut Hopes -",
                "-",
                "By Jane Doe",
                "Published: 27 Feb 2022 10:14 PKT",
                "© 2022 Example Media. All rights reserved.",
                "Read more: What the new rules mean for you",
                "",
            ]
        ),
        min_size=1,
        max_size=20,
    )
)
def test_model_shuffled_page_parts_keep_the_contract(parts: list[str]) -> None:
    text = "\n".join(parts)
    try:
        record = newsmill.analyze(text)
    except newsmill.NewsmillError:
        return
    labelled = {s.start for s in record.paragraphs} | {b.start for b in record.boilerplate}
    assert len(labelled) == len(record.paragraphs) + len(record.boilerplate), "a line got two labels"
    assert all("Share on Facebook" not in p.text for p in record.paragraphs)
    assert Record.from_dict(record.to_dict()) == record
