"""Which articles report the same story: who (shared identities) and what (shared words).

Two outlets' articles on one story name the same people, but so do the same people's other
stories that week: the governor's rate cut and her testimony about a failed bank, a
company's recall and its results the next day. Names alone cannot tell them apart, so a pair
is linked in two steps:

1. **Who** (candidates): both articles dated, at most ``corpus.story_window_days`` apart, and
   sharing distinctive identities of total weight ``corpus.story_min_shared`` or more
   (people, organisations, events and other named things 1, places and nationalities ½; an
   identity in more than 5% of the corpus, at least 10 articles, counts 0: it names a beat).
2. **What** (the decision): the TF-IDF cosine of the two articles' words *outside the
   names* reaches ``corpus.story_text_threshold``. Leaving the names out keeps what the
   article says happened — the figures, the things done and the objects ("inflator",
   "340,000", "recall") — which two reports of one happening share in any wording, and
   which two stories of one person do not. Document frequencies come from the store's own
   full-text index (``fts5vocab`` over ``articles_fts``), so a word's weight is how rare it
   is in this corpus, and tokens are cut the way that index cuts them.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsmill.corpus.store import Store

__all__ = ["candidate_pairs", "cosine", "story_links", "tokens", "word_vectors"]

# Kinds that name one specific thing (a full weight) or a broad one (half a weight); figures
# and dates are not identities: they stay among the words (step 2).
HALF_WEIGHT = frozenset({"GPE", "LOC", "NORP"})
NO_WEIGHT = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})

_WORD = re.compile(r"[^\W_]+")
_LOOKUP_BATCH = 500  # terms per document-frequency query (SQLite's parameter limit is larger)

Pair = tuple[int, int]


def tokens(text: str) -> list[str]:
    """Words as FTS5's ``unicode61 remove_diacritics 2`` cuts them: case and accents folded."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return _WORD.findall("".join(ch for ch in folded if not unicodedata.combining(ch)))


def candidate_pairs(store: Store, days: dict[int, int | None], total: int) -> dict[Pair, float]:
    """Article pairs (rowids) within the time window and the weight of identities they share."""
    settings = store.settings
    cap = max(10, int(total * 0.05))
    postings: dict[int, list[int]] = defaultdict(list)
    weights: dict[int, float] = {}
    rows = store.conn.execute(
        "SELECT DISTINCT a.rowid, ae.entity_id, ae.kind FROM article_entities ae "
        "JOIN articles a ON a.id = ae.article_id WHERE ae.entity_id IS NOT NULL"
    )
    for rowid, entity_id, kind in rows:
        if kind in NO_WEIGHT or days.get(rowid) is None:
            continue
        postings[entity_id].append(rowid)
        weights[entity_id] = 0.5 if kind in HALF_WEIGHT else 1.0
    shared: dict[Pair, float] = defaultdict(float)
    window = settings.story_window_days
    for entity_id, members in postings.items():
        if len(members) < 2 or len(members) > cap:
            continue
        members.sort(key=lambda r: days[r])  # type: ignore[arg-type,return-value]
        for i, a in enumerate(members):
            day_a = days[a]
            for b in members[i + 1 :]:
                if days[b] - day_a > window:  # type: ignore[operator]
                    break
                shared[(min(a, b), max(a, b))] += weights[entity_id]
    return {pair: weight for pair, weight in shared.items() if weight >= settings.story_min_shared}


def word_vectors(store: Store, rowids: Iterable[int]) -> dict[int, dict[str, float]]:
    """Unit TF-IDF vectors of each article's title and body words, its entities' names left out."""
    conn = store.conn
    wanted = sorted(set(rowids))
    if not wanted:
        return {}
    total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    counts: dict[int, Counter[str]] = {}
    for start in range(0, len(wanted), _LOOKUP_BATCH):
        batch = wanted[start : start + _LOOKUP_BATCH]
        marks = ",".join("?" * len(batch))
        names: dict[int, set[str]] = defaultdict(set)
        for rowid, name, kind in conn.execute(
            "SELECT a.rowid, ae.name, ae.kind FROM article_entities ae "
            f"JOIN articles a ON a.id = ae.article_id WHERE a.rowid IN ({marks})",
            batch,
        ):
            if kind not in NO_WEIGHT and name:
                names[rowid].update(tokens(name))
        for rowid, title, body in conn.execute(
            f"SELECT rowid, title, body FROM articles WHERE rowid IN ({marks})", batch
        ):
            skip = names.get(rowid, set())
            counts[rowid] = Counter(t for t in tokens(f"{title or ''}\n{body or ''}") if t not in skip)
    frequency = _document_frequencies(store, {t for c in counts.values() for t in c})
    vectors: dict[int, dict[str, float]] = {}
    for rowid, counted in counts.items():
        weighted = {t: (1 + math.log(n)) * math.log(total / frequency.get(t, 1)) for t, n in counted.items()}
        norm = math.sqrt(sum(w * w for w in weighted.values()))
        vectors[rowid] = {t: w / norm for t, w in weighted.items() if w} if norm else {}
    return vectors


def _document_frequencies(store: Store, terms: set[str]) -> dict[str, int]:
    conn = store.conn
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.story_vocab USING fts5vocab(main, articles_fts, 'row')"
    )
    ordered = sorted(terms)
    found: dict[str, int] = {}
    for start in range(0, len(ordered), _LOOKUP_BATCH):
        batch = ordered[start : start + _LOOKUP_BATCH]
        marks = ",".join("?" * len(batch))
        found.update(conn.execute(f"SELECT term, doc FROM temp.story_vocab WHERE term IN ({marks})", batch))
    return found


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(weight * b.get(term, 0.0) for term, weight in a.items())


def story_links(store: Store, days: dict[int, int | None], total: int) -> set[Pair]:
    """Pairs of articles reporting the same story: shared identities and similar words."""
    candidates = candidate_pairs(store, days, total)
    vectors = word_vectors(store, (r for pair in candidates for r in pair))
    threshold = store.settings.story_text_threshold
    return {(a, b) for a, b in candidates if cosine(vectors[a], vectors[b]) >= threshold}
