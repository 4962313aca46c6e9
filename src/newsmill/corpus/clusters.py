"""Near-duplicates and same-story clusters across the corpus.

- **Near-duplicates**: a MinHash signature of each body's word 5-shingles (computed when the
  article is stored) and MinHash LSH (datasketch) to find pairs whose estimated Jaccard
  similarity reaches ``corpus.duplicate_threshold`` (0.8): the same wire story republished
  with a new headline or trimmed tail. ``articles.duplicate_of`` names the group's first
  article (earliest published, then smallest id).
- **Stories**: two articles are about the same story when they are near-duplicates, or when
  they were published at most ``corpus.story_window_days`` apart, share distinctive
  identities (who) and use similar words outside those names (what): see ``stories.py``.
  Linked articles are joined transitively; ``articles.cluster_id`` is the smallest article
  id of the cluster, so ids do not depend on the order of ingestion. Undated articles join stories only as
  near-duplicates.
- **Events**: inside a story, events of one type whose actors are the same identities (and
  whose dates agree when both are known) are one real-world event: they share
  ``events.cluster_id``, so counting distinct cluster ids counts each event once however
  many outlets reported it. Its ``clusters`` row counts what GDELT calls articles
  (``size``: the reports), mentions (the sentences reporting it, an article's title and
  body both count) and sources (distinct outlets: site name, else the URL's host).

Every article and event gets a cluster id (a singleton's is its own), so ``count(DISTINCT
cluster_id)`` counts stories and events. The pass recomputes everything, like the identity
pass it follows (``crossdoc.link_entities``).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from newsmill.corpus.minhash import SCHEME, shingles, signature
from newsmill.corpus.store import Store
from newsmill.corpus.stories import story_links

__all__ = ["cluster", "shingles", "signature"]


def _lean(blob: bytes) -> Any:
    import numpy as np
    from datasketch import LeanMinHash

    return LeanMinHash(seed=1, hashvalues=np.frombuffer(blob, dtype="<u4"), scheme=SCHEME)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, item: int) -> int:
        parent = self.parent.setdefault(item, item)
        while parent != self.parent[parent]:
            self.parent[parent] = self.parent[self.parent[parent]]
            parent = self.parent[parent]
        self.parent[item] = parent
        return parent

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for item in self.parent:
            out[self.find(item)].append(item)
        return out


@dataclass(frozen=True, slots=True)
class ClusterSummary:
    articles: int
    duplicate_groups: int
    duplicates: int  # articles that are a near-duplicate of an earlier one
    stories: int  # clusters of two or more articles
    events: int
    event_clusters: int


def _day(value: str | None) -> int | None:
    try:
        return date.fromisoformat(value).toordinal() if value else None
    except ValueError:
        return None


def cluster(store: Store) -> ClusterSummary:
    """Recompute near-duplicate groups, story clusters and event clusters."""
    settings = store.settings
    conn = store.conn
    _fill_signatures(store)
    rows = conn.execute("SELECT rowid, id, published_date, title FROM articles").fetchall()
    info = {rowid: (article_id, published, title) for rowid, article_id, published, title in rows}
    days = {rowid: _day(published) for rowid, (_, published, _) in info.items()}

    def first(members: list[int]) -> int:
        return min(members, key=lambda r: (info[r][1] or "9999", info[r][0]))

    # Near-duplicates: LSH candidates, then the estimated Jaccard similarity decides.
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=settings.duplicate_threshold, num_perm=settings.num_perm)
    signatures: dict[int, Any] = {}
    for rowid, blob in conn.execute("SELECT rowid, minhash FROM articles"):
        minhash = _lean(blob)
        if not minhash.hashvalues.any():
            continue  # an empty body: no evidence either way
        signatures[rowid] = minhash
        lsh.insert(rowid, minhash, check_duplication=False)
    duplicates = _UnionFind()
    for rowid, minhash in signatures.items():
        for other in lsh.query(minhash):
            if other != rowid and minhash.jaccard(signatures[other]) >= settings.duplicate_threshold:
                duplicates.union(rowid, other)
    duplicate_of: dict[int, int] = {}
    duplicate_groups = 0
    for members in duplicates.groups().values():
        if len(members) > 1:
            duplicate_groups += 1
            head = first(members)
            duplicate_of.update({m: head for m in members if m != head})
    del lsh, signatures

    # Stories: near-duplicates, plus pairs sharing identities and words (stories.py).
    stories = _UnionFind()
    for rowid in info:
        stories.find(rowid)
    for member, head in duplicate_of.items():
        stories.union(member, head)
    for a, b in story_links(store, days, len(info)):
        stories.union(a, b)

    story_of: dict[int, str] = {}
    cluster_rows = []
    for members in stories.groups().values():
        ids = [info[m][0] for m in members]
        story_id = min(ids)
        story_of.update({m: story_id for m in members})
        dated = sorted(info[m][1] for m in members if info[m][1])
        label = info[first(members)][2]
        cluster_rows.append(
            (
                "story",
                story_id,
                len(members),
                dated[0] if dated else None,
                dated[-1] if dated else None,
                label,
                None,
                None,
            )
        )

    event_updates, event_clusters = _event_clusters(store, story_of)
    with store.transaction():
        conn.executemany(
            "UPDATE articles SET cluster_id = ?, duplicate_of = ? WHERE rowid = ?",
            [(story_of[r], info[duplicate_of[r]][0] if r in duplicate_of else None, r) for r in info],
        )
        conn.executemany("UPDATE events SET cluster_id = ? WHERE rowid = ?", event_updates)
        conn.execute("DELETE FROM clusters")
        conn.executemany(
            "INSERT INTO clusters (kind, id, size, first_date, last_date, label, mentions, sources) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            cluster_rows + event_clusters,
        )
    return ClusterSummary(
        articles=len(info),
        duplicate_groups=duplicate_groups,
        duplicates=len(duplicate_of),
        stories=sum(1 for row in cluster_rows if row[2] > 1),
        events=len(event_updates),
        event_clusters=len(event_clusters),
    )


def _fill_signatures(store: Store) -> None:
    """Signatures for articles stored before schema 2 (or by a writer that skipped them)."""
    missing = store.conn.execute("SELECT rowid, body, title FROM articles WHERE minhash IS NULL").fetchall()
    if missing:
        with store.transaction() as conn:
            conn.executemany(
                "UPDATE articles SET minhash = ? WHERE rowid = ?",
                [
                    (signature(body or title, store.settings.num_perm), rowid)
                    for rowid, body, title in missing
                ],
            )


def _event_clusters(
    store: Store, story_of: dict[int, str]
) -> tuple[list[tuple[str, int]], list[tuple[Any, ...]]]:
    """(cluster id, event rowid) for every event, and the clusters table rows for events."""
    conn = store.conn
    identity = {
        (article_id, local_id): entity_id
        for article_id, local_id, entity_id in conn.execute(
            "SELECT article_id, local_id, entity_id FROM article_entities "
            "WHERE article_id IN (SELECT DISTINCT article_id FROM events)"
        )
    }

    def participants(article_id: str, raw: str) -> frozenset[Any]:
        # A participant is its corpus identity when it has one, else its words.
        return frozenset(
            identity.get((article_id, p.get("entity_id"))) or p["text"].casefold() for p in json.loads(raw)
        )

    groups: dict[tuple[Any, ...], list[tuple[int, str, str | None]]] = defaultdict(list)
    reports: dict[int, tuple[int, str]] = {}  # event rowid -> (sentences reporting it, outlet)
    rows = conn.execute(
        "SELECT e.rowid, e.article_id, e.idx, e.type, e.actors, e.recipients, e.date, a.rowid, e.mentions, "
        "a.site_name, a.url, a.source FROM events e JOIN articles a ON a.id = e.article_id"
    )
    for rowid, article_id, idx, kind, actors, recipients, when, article_rowid, *where in rows:
        story = story_of.get(article_rowid, article_id)
        key = (story, kind, participants(article_id, actors), participants(article_id, recipients))
        groups[key].append((rowid, f"{article_id}/{idx}", (when or "")[:10] or None))
        mentions, site, url, source = where
        reports[rowid] = (len(json.loads(mentions)) if mentions else 1, outlet(site, url, source, article_id))
    updates: list[tuple[str, int]] = []
    cluster_rows: list[tuple[Any, ...]] = []
    for (_, kind, _, _), members in groups.items():
        # Dates that disagree split the group: the same people meeting twice is two events.
        by_date: dict[str | None, list[tuple[int, str, str | None]]] = defaultdict(list)
        for member in members:
            by_date[member[2]].append(member)
        undated = by_date.pop(None, [])
        parts = [by_date[day] for day in sorted(by_date)] or [[]]
        parts[0].extend(undated)  # an undated report joins the earliest dated one (or stands alone)
        for part in parts:
            if not part:
                continue
            cluster_id = "ev:" + min(m[1] for m in part)
            updates.extend((cluster_id, m[0]) for m in part)
            dates = sorted(m[2] for m in part if m[2])
            cluster_rows.append(
                (
                    "event",
                    cluster_id,
                    len(part),
                    dates[0] if dates else None,
                    dates[-1] if dates else None,
                    kind,
                    sum(reports[m[0]][0] for m in part),
                    len({reports[m[0]][1] for m in part}),
                )
            )
    return updates, cluster_rows


def outlet(site_name: str | None, url: str | None, source: str | None, article_id: str) -> str:
    """Who published an article: its site's name, else its URL's host, else where it was read."""
    if site_name:
        return site_name.casefold()
    if url:
        host = urlsplit(url).hostname or url
        return host.removeprefix("www.")
    return source or article_id
