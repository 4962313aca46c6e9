"""The record: one article, one ``text``, and every fact a span into that text.

The span contract: for every :class:`Span` anywhere in a :class:`Record`,
``record.text[span.start:span.end] == span.text`` (Python string indices, i.e. code
points). :class:`Record` checks it on construction and on load, so a record that breaks it
cannot exist.

Fields filled today: the article skeleton (title, subtitle, dateline, authors, published,
paragraphs, body, boilerplate). ``entities``, ``places``, ``times``, ``quotes`` and
``events`` are typed here and filled by the analyze stages; see ``docs/schema.md``.
"""

from __future__ import annotations

import functools
import hashlib
import json
import typing
from collections.abc import Iterator
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1"
PARAGRAPH_SEPARATOR = "\n\n"


class Span(BaseModel):
    """A stretch of ``Record.text``: ``text == record.text[start:end]``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: int = Field(ge=0, description="Offset of the first character (Python str index).")
    end: int = Field(ge=0, description="Offset one past the last character.")
    text: str = Field(description="The characters covered, verbatim.")

    @model_validator(mode="after")
    def _length_matches(self) -> Span:
        if self.end < self.start or self.end - self.start != len(self.text):
            raise ValueError(f"span [{self.start}:{self.end}] cannot hold {len(self.text)} characters")
        return self

    @classmethod
    def of(cls, text: str, start: int, end: int, **extra: Any) -> Any:
        """The span ``text[start:end]`` (of this class, with ``extra`` fields).

        Built without re-validation: it is correct by construction, and the record that
        holds it checks the span contract anyway. This is the hot path of extraction.
        """
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"span [{start}:{end}] is outside a text of {len(text)} characters")
        return cls.model_construct(start=start, end=end, text=text[start:end], **extra)


class BoilerplateReason(StrEnum):
    """Why a stretch of the page is furniture rather than article."""

    SEPARATOR = "separator"  # a line of dashes, stars, rules
    NAVIGATION = "navigation"  # menus, breadcrumbs, section labels, "Skip to content"
    READ_MORE = "read_more"  # "Read more: ...", "Also read: ..." inside or after the body
    LINK_LIST = "link_list"  # a list of headlines related to the article
    TRENDING_HEADLINE = "trending_headline"  # headlines unrelated to the article
    SHARE_PROMPT = "share_prompt"  # "Share on Facebook", "Follow us"
    NEWSLETTER = "newsletter"  # "Sign up for our newsletter", subscribe prompts
    ADVERTISEMENT = "advertisement"
    CAPTION = "caption"  # photo credits and captions
    COPYRIGHT = "copyright"
    TAGS = "tags"  # "Tags: ...", "Topics: ..."
    COMMENTS = "comments"  # comment counts and prompts
    CREDITS = "credits"  # "Reporting by ...; Editing by ..." trailers
    FOOTER = "footer"  # other page furniture after the article
    DUPLICATE = "duplicate"  # a line repeated from elsewhere on the page


class Boilerplate(Span):
    reason: BoilerplateReason


class Block(Span):
    """A body paragraph that is not prose: kept in the text, read for entities, places and
    times, never for quotes or events."""

    kind: Literal["table", "result", "schedule", "list", "heading"]


class Dateline(Span):
    """The dateline place as written (``ISLAMABAD``), with the whole lead and its parts."""

    name: str = Field(description="Normalised place name, e.g. 'Islamabad', 'New York'.")
    region: str | None = Field(default=None, description="State or country after the place.")
    agency: str | None = Field(default=None, description="News agency credited, e.g. 'Reuters'.")
    lead: Span = Field(description="The whole dateline, separator included: 'KYIV, Feb 27 (AP) —'.")
    date: Span | None = Field(default=None, description="A date inside the dateline, as written.")


class Author(Span):
    name: str = Field(description="The author's name, normalised case ('Jane Doe').")


class Published(BaseModel):
    """When the article was published, and how newsmill knows."""

    model_config = ConfigDict(extra="forbid")

    value: str = Field(description="ISO 8601: a date, or a datetime with offset when known.")
    date: str = Field(description="The calendar date, YYYY-MM-DD.")
    precision: Literal["day", "minute", "second"]
    found_by: Literal["argument", "text", "jsonld", "meta", "html_time", "url"]
    span: Span | None = Field(default=None, description="Where the page states it, if it does.")

    @classmethod
    def from_value(cls, value: date | datetime, found_by: str, span: Span | None = None) -> Published:
        """A date (day precision) or datetime (minute or second precision, offset kept)."""
        if isinstance(value, datetime):
            precision = "second" if value.second else "minute"
            iso = value.isoformat(timespec="seconds" if value.second else "minutes")
            return cls(
                value=iso, date=value.date().isoformat(), precision=precision, found_by=found_by, span=span
            )  # type: ignore[arg-type]
        return cls(
            value=value.isoformat(), date=value.isoformat(), precision="day", found_by=found_by, span=span
        )  # type: ignore[arg-type]


class ExtractionInfo(BaseModel):
    """How the record was made: useful for audits and for rerunning."""

    model_config = ConfigDict(extra="forbid")

    extractor: str
    format: Literal["text", "html"]
    encoding: str | None = None
    warnings: list[str] = Field(default_factory=list)


# --- Filled by the analyze stages (entities, places, times, quotes, events) -------------


class Mention(Span):
    label: str = Field(description="PERSON, ORG, GPE, LOC, NORP, ...")


class Entity(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    kind: str = Field(description="PERSON, ORG, GPE, LOC, ...")
    name: str = Field(description="Canonical name.")
    mentions: list[Mention] = Field(default_factory=list)
    role: str | None = None
    country: str | None = Field(default=None, description="ISO 3166 alpha-3.")
    sector: str | None = None
    confidence: float = Field(default=1.0, ge=0, le=1, description="How sure newsmill is (0..1).")


class Place(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    name: str
    country: str | None = Field(default=None, description="ISO 3166 alpha-3.")
    latitude: float | None = None
    longitude: float | None = None
    feature: str | None = Field(default=None, description="country, city, region, site, ...")
    mentions: list[Span] = Field(default_factory=list)
    entity_id: str | None = None
    confidence: float = Field(default=1.0, ge=0, le=1, description="How sure newsmill is (0..1).")


class TimeExpr(Span):
    value: str | None = Field(default=None, description="ISO 8601 value when resolved.")
    precision: str | None = None
    basis: Literal["explicit", "relative", "publication", "unresolved"] = "unresolved"
    reason: str | None = Field(default=None, description="Why a value could not be resolved.")
    confidence: float = Field(default=1.0, ge=0, le=1, description="How sure newsmill is (0..1).")


class Quote(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["direct", "indirect", "mixed"]
    content: Span
    cue: Span | None = None
    speaker: Span | None = Field(default=None, description="The speaker as written: 'Qureshi', 'He', 'it'.")
    speaker_entity: str | None = Field(default=None, description="Id of the entity the speaker is.")
    speaker_name: str | None = Field(
        default=None, description="Who spoke, resolved: the entity's name or the description."
    )
    antecedent: Span | None = Field(
        default=None, description="What a pronoun or description speaker refers back to."
    )
    confidence: float = Field(default=1.0, ge=0, le=1, description="How sure newsmill is (0..1).")


class Participant(BaseModel):
    """Who acts in an event, or is acted on: as written, and coded."""

    model_config = ConfigDict(extra="forbid")

    span: Span = Field(description="The participant as written: 'Russian troops', 'He'.")
    entity_id: str | None = Field(default=None, description="Id of the entity it is (or refers to).")
    code: str | None = Field(
        default=None, description="PLOVER actor code: an ISO 3166 alpha-3 country, or IGO / NGO / IMG."
    )
    country: str | None = Field(default=None, description="ISO 3166 alpha-3, when the actor has one.")
    sector: str | None = Field(default=None, description="GOV, MIL, COP, REB, LEG, JUD, CVL, REF, ...")


class Event(BaseModel):
    """One PLOVER event: who did what to whom, where, when, how certain, and on whose word."""

    model_config = ConfigDict(extra="forbid")

    type: str = Field(description="One of the 16 PLOVER event types.")
    mode: str | None = Field(default=None, description="PLOVER mode: how it was done (phone, visit, ...).")
    context: list[str] = Field(default_factory=list, description="PLOVER contexts: military, economic, ...")
    trigger: Span | None = Field(default=None, description="The words that name the action.")
    actors: list[Participant] = Field(default_factory=list)
    recipients: list[Participant] = Field(default_factory=list)
    location: Span | None = None
    place_id: str | None = Field(default=None, description="Id of the geocoded place in Record.places.")
    date: TimeExpr | None = Field(
        default=None,
        description="When: a time expression of the sentence, or the publication date (empty span).",
    )
    status: Literal["asserted", "future", "hypothetical", "negated", "historical"] = "asserted"
    attributed_to: int | None = Field(default=None, description="Index into Record.quotes.")
    evidence: Span = Field(description="The sentence that states the event.")
    mentions: list[Span] = Field(
        default_factory=list,
        description="Every sentence of the article that reports this happening (title, standfirst, "
        "body), in text order; evidence is one of them.",
    )
    confidence: float = Field(default=1.0, ge=0, le=1)
    cameo: str | None = Field(default=None, description="Representative CAMEO code (official crosswalk).")


# --- The record --------------------------------------------------------------------------


def record_id(text: str) -> str:
    """Stable content hash: the same text always gets the same id, whatever its source."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:20]


class Record(BaseModel):
    """One article. See ``docs/schema.md`` for every field."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False)

    schema_version: str = SCHEMA_VERSION
    id: str
    source: str | None = Field(default=None, description="Path or URL the document came from.")
    url: str | None = None
    text: str
    title: Span | None = None
    subtitle: Span | None = Field(default=None, description="The standfirst.")
    dateline: Dateline | None = None
    authors: list[Author] = Field(default_factory=list)
    published: Published | None = None
    crawled: str | None = Field(
        default=None, description="When the page was fetched (WARC-Date, or the file's time), ISO 8601."
    )
    crawled_from: Literal["warc", "file"] | None = Field(
        default=None, description="Where `crawled` comes from."
    )
    stale: bool = Field(default=False, description="An old article served inside a newer page.")
    stale_reason: str | None = Field(default=None, description="The evidence for `stale`.")
    site_name: str | None = None
    language: str | None = Field(
        default=None,
        description="ISO 639-1 code of the article's language, detected from its text "
        "(the declaration's primary subtag when the text is too short to tell).",
    )
    language_declared: str | None = Field(
        default=None, description="The language the page declares (e.g. 'en-GB'), if it does."
    )
    paragraphs: list[Span] = Field(default_factory=list)
    body: str = Field(default="", description="Paragraph texts joined by blank lines.")
    blocks: list[Block] = Field(
        default_factory=list,
        description="Paragraphs that are lists, tables, results, schedules or headings, not prose.",
    )
    boilerplate: list[Boilerplate] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    times: list[TimeExpr] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    extraction: ExtractionInfo

    @model_validator(mode="after")
    def _check_span_contract(self) -> Record:
        for path, span in self.iter_spans():
            if self.text[span.start : span.end] != span.text:
                raise ValueError(
                    f"{path}: text[{span.start}:{span.end}] is "
                    f"{self.text[span.start : span.end]!r}, span says {span.text!r}"
                )
        expected_body = PARAGRAPH_SEPARATOR.join(p.text for p in self.paragraphs)
        if self.body != expected_body:
            raise ValueError("body must be the paragraph texts joined by blank lines")
        return self

    def iter_spans(self) -> Iterator[tuple[str, Span]]:
        """Every span in the record, with a path such as ``quotes[2].speaker``."""
        for name in type(self).model_fields:
            if name != "text":
                yield from _walk(getattr(self, name), name)

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    def to_json(self, *, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        return cls.model_validate(data)

    @classmethod
    def from_json(cls, data: str | bytes) -> Record:
        return cls.model_validate_json(data)


def _walk(value: Any, path: str) -> Iterator[tuple[str, Span]]:
    if isinstance(value, Span):
        yield path, value
    if isinstance(value, BaseModel):
        for name in _model_fields(type(value)):
            yield from _walk(getattr(value, name), f"{path}.{name}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, f"{path}[{index}]")


@functools.cache
def _model_fields(cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``cls`` that can hold models (and so spans): the rest need no walk."""
    return tuple(name for name, field in cls.model_fields.items() if _may_hold_model(field.annotation))


def _may_hold_model(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_may_hold_model(arg) for arg in typing.get_args(annotation))


def record_json_schema() -> dict[str, Any]:
    """The JSON Schema of :class:`Record` (written to ``docs/record.schema.json``)."""
    schema = Record.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://newsmill.dev/schema/record/{SCHEMA_VERSION}.json"
    return schema
