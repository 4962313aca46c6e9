"""The store's schema as an ordered list of migrations; ``PRAGMA user_version`` is the index.

A store at version *n* has run ``MIGRATIONS[:n]``. Opening it runs the rest, each in its own
transaction, so an older store is brought up to date in place and a crash mid-migration
leaves it at the last complete version. Never edit a published migration: append one.
"""

from __future__ import annotations

# Version 1: articles and what the analysis found in them, the input ledger that makes
# ingest idempotent and resumable, the errors table, and FTS5 over titles, bodies, quotes
# and event evidence (external-content tables kept in sync by triggers: the text is stored
# once, in the content table).
_V1 = """
CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,          -- the FTS5 content rowid
    id TEXT NOT NULL UNIQUE,            -- Record.id: the content hash of the text
    source TEXT,
    url TEXT,
    title TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    published TEXT,                     -- ISO 8601 as found
    published_date TEXT,                -- YYYY-MM-DD: filters and time windows
    crawled TEXT,
    site_name TEXT,
    language TEXT,
    stale INTEGER NOT NULL DEFAULT 0,
    facets TEXT NOT NULL DEFAULT '',    -- filter tokens for FTS5: y2022 m202203 d20220301
    record BLOB NOT NULL,               -- zlib-compressed Record JSON: get(id) returns it as stored
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published_date);

-- One row per input document (file, JSONL line, WARC record) ever processed: a rerun skips
-- these keys. Written in the same transaction as the article or error it produced.
CREATE TABLE inputs (
    key TEXT PRIMARY KEY,
    article_id TEXT,
    status TEXT NOT NULL,               -- stored | duplicate | error
    ingested_at TEXT NOT NULL
) WITHOUT ROWID;

-- Corpus-wide identities (see crossdoc.py); article_entities.entity_id points here.
CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    key TEXT NOT NULL,                  -- normalised full name
    surname TEXT,                       -- last token of a person's key
    role TEXT,
    country TEXT,
    sector TEXT,
    articles INTEGER NOT NULL DEFAULT 0,
    mentions INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX entities_kind_key ON entities(kind, key);
CREATE INDEX entities_surname ON entities(surname);

CREATE TABLE article_entities (
    article_id TEXT NOT NULL,
    local_id TEXT NOT NULL,             -- Entity.id inside the record (e1, e2, ...)
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT,
    country TEXT,
    sector TEXT,
    mentions INTEGER NOT NULL,
    entity_id INTEGER,                  -- the corpus-wide identity
    PRIMARY KEY (article_id, local_id)
) WITHOUT ROWID;
CREATE INDEX article_entities_entity ON article_entities(entity_id);

CREATE TABLE mentions (
    article_id TEXT NOT NULL,
    local_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    label TEXT
);
CREATE INDEX mentions_article ON mentions(article_id, local_id);

CREATE TABLE quotes (
    rowid INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    content TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    cue TEXT,
    speaker TEXT,
    speaker_name TEXT,
    speaker_local_id TEXT,
    UNIQUE (article_id, idx)
);

CREATE TABLE events (
    rowid INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    type TEXT NOT NULL,
    mode TEXT,
    status TEXT,
    date TEXT,                          -- resolved ISO value of the event's time, if any
    actors TEXT NOT NULL,               -- JSON [{"text", "entity_id"}]; entity_id is the local id
    recipients TEXT NOT NULL,
    evidence TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    confidence REAL,
    UNIQUE (article_id, idx)
);

CREATE TABLE errors (
    input_key TEXT PRIMARY KEY,
    source TEXT,
    code TEXT NOT NULL,                 -- E### for newsmill errors, else the skip reason
    kind TEXT NOT NULL,                 -- the error class or skip reason
    message TEXT NOT NULL,
    at TEXT NOT NULL
) WITHOUT ROWID;

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, facets, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2',
    prefix='3 4'  -- prefix indexes: 'min*' reads one list instead of merging every word it starts
);
-- BM25 with a title match worth four body matches; facets are filters, not relevance.
INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0, 0.0)');
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, body, facets) VALUES (new.rowid, new.title, new.body, new.facets);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body, facets)
    VALUES ('delete', old.rowid, old.title, old.body, old.facets);
END;

CREATE VIRTUAL TABLE quotes_fts USING fts5(
    content, speaker_name, content='quotes', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, content, speaker_name) VALUES (new.rowid, new.content, new.speaker_name);
END;
CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, content, speaker_name)
    VALUES ('delete', old.rowid, old.content, old.speaker_name);
END;

CREATE VIRTUAL TABLE events_fts USING fts5(
    evidence, type, content='events', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER events_ai AFTER INSERT ON events BEGIN
    INSERT INTO events_fts(rowid, evidence, type) VALUES (new.rowid, new.evidence, new.type);
END;
CREATE TRIGGER events_ad AFTER DELETE ON events BEGIN
    INSERT INTO events_fts(events_fts, rowid, evidence, type)
    VALUES ('delete', old.rowid, old.evidence, old.type);
END;
"""

# Version 2: near-duplicates and story clusters. Signatures of articles stored under
# version 1 are computed by the next clustering pass (it fills every NULL minhash).
_V2 = """
ALTER TABLE articles ADD COLUMN minhash BLOB;
ALTER TABLE articles ADD COLUMN cluster_id TEXT;     -- same-story cluster
ALTER TABLE articles ADD COLUMN duplicate_of TEXT;   -- the first article of its near-duplicate group
ALTER TABLE events ADD COLUMN cluster_id TEXT;       -- one real-world event across articles
CREATE INDEX articles_cluster ON articles(cluster_id);
CREATE INDEX events_cluster ON events(cluster_id);
CREATE TABLE clusters (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,                 -- story | event
    size INTEGER NOT NULL,
    first_date TEXT,
    last_date TEXT,
    label TEXT
) WITHOUT ROWID;
"""

# Version 3: one event per happening. An article's event lists every sentence reporting it;
# an event cluster counts the reports (articles), mentions (sentences) and sources (outlets)
# behind it, what GDELT calls NumArticles, NumMentions and NumSources.
_V3 = """
ALTER TABLE events ADD COLUMN mentions TEXT;         -- JSON [[start, end], ...] in the article's text
ALTER TABLE clusters ADD COLUMN mentions INTEGER;    -- events: sentences reporting it, all articles
ALTER TABLE clusters ADD COLUMN sources INTEGER;     -- events: distinct outlets reporting it
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3)
SCHEMA_VERSION = len(MIGRATIONS)
