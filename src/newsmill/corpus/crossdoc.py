"""One identity per real-world entity across the corpus.

Inside an article the analyze stage already groups "Qureshi", "FM Qureshi" and "Shah Mahmood
Qureshi" into one entity. Across articles, this pass groups those entities into corpus-wide
identities (the ``entities`` table) and points every ``article_entities`` row at one:

1. **Key**: kind + normalised name (accents folded, case folded, punctuation dropped,
   honorifics such as "Mr" and a leading "the" removed). Entities with the same key are one
   identity, e.g. every "Shah Mahmood Qureshi" (PERSON).
2. **Short person names** attach to a full name only when the corpus leaves no doubt. A
   surname alone ("Qureshi"), initials and a surname ("S. M. Qureshi") or a shorter form of
   the same name ("Shah Qureshi": same first and last word) joins the one full-name identity
   it fits, among those whose country agrees when both are known. Several fit: the one whose
   role also agrees, if exactly one does. Otherwise the short name stays an identity of its
   own: with Imran Khan and Sadiq Khan in the corpus, a bare "Khan" is not guessed. Two full
   names never merge when their first names differ ("Imran Khan" ≠ "Sadiq Khan").
3. The identity's name is its most mentioned full form; its role, country and sector the
   most frequent known ones. Its id is a hash of kind and key, so it is stable across runs
   and independent of the order articles arrived in.

The pass is a recomputation over the whole store (one GROUP BY over ``article_entities``,
memory bounded by the number of distinct names), so the result does not depend on the order
of ingestion and a bigger corpus can turn an ambiguous "Khan" into a resolved one or back.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from newsmill.corpus.store import Store

PERSON = "PERSON"
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_HONORIFICS = frozenset(
    "mr mrs ms miss mx dr prof sir dame lord lady sen rep gen col capt maj lt sgt rev fr sheikh".split()
)


def normalize_name(name: str, kind: str = PERSON) -> str:
    """The identity key of a name: 'Mr. Shah Mahmood Qureshi' → 'shah mahmood qureshi'."""
    folded = "".join(
        c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
    ).casefold()
    words = [w.replace("’", "'") for w in _WORD.findall(folded)]
    if kind == PERSON:
        while len(words) > 1 and words[0] in _HONORIFICS:
            words = words[1:]
        if len(words) > 1 and words[-1] in {"jr", "sr", "ii", "iii"}:
            words = words[:-1]
    elif len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def identity_id(kind: str, key: str) -> int:
    """A stable 60-bit id for (kind, key): the same identity keeps its id across runs."""
    return int(hashlib.sha1(f"{kind}\0{key}".encode()).hexdigest()[:15], 16)


@dataclass
class _Group:
    """The article entities sharing kind, name, role and country."""

    kind: str
    name: str
    role: str | None
    country: str | None
    sector: str | None
    articles: int
    mentions: int
    key: str = ""


@dataclass
class _Identity:
    kind: str
    key: str
    groups: list[_Group] = field(default_factory=list)

    @property
    def id(self) -> int:
        return identity_id(self.kind, self.key)

    def most(self, attr: str, *, full_only: bool = False) -> str | None:
        counts: Counter[str] = Counter()
        for group in self.groups:
            value = getattr(group, attr)
            if value and (not full_only or group.key == self.key):
                counts[value] += group.mentions
        if not counts:
            return None
        # Most mentioned; ties to the longer (fuller) form, then alphabetically.
        return min(counts, key=lambda v: (-counts[v], -len(v), v))

    @property
    def countries(self) -> set[str]:
        return {g.country for g in self.groups if g.country}

    @property
    def roles(self) -> set[str]:
        return {g.role.casefold() for g in self.groups if g.role}


def _is_short(words: list[str]) -> bool:
    """A surname alone, or initials before a surname ('s m qureshi')."""
    return len(words) == 1 or all(len(w) == 1 for w in words[:-1])


def _fits(short: list[str], full: list[str]) -> bool:
    """Can the short person name ``short`` be a form of the full name ``full``?"""
    if len(full) < 2 or short[-1] != full[-1]:
        return False
    if len(short) == 1:
        return True
    if all(len(w) == 1 for w in short[:-1]):  # initials: one per given name, in order
        return [w[0] for w in full[: len(short) - 1]] == short[:-1]
    # A shorter form of the same name: same first and last word, the rest in order.
    if short[0] != full[0] or len(short) >= len(full):
        return False
    rest = iter(full[1:-1])
    return all(any(w == x for x in rest) for w in short[1:-1])


def resolve(groups: list[_Group]) -> dict[tuple[str, str, str | None, str | None], _Identity]:
    """Map each group (kind, name, role, country) to its identity (the rule in the module doc)."""
    identities: dict[tuple[str, str], _Identity] = {}
    pending: list[_Group] = []
    for group in groups:
        group.key = normalize_name(group.name, group.kind) or group.name.casefold()
        words = group.key.split()
        if group.kind == PERSON and (_is_short(words) or len(words) == 2):
            pending.append(group)  # may be a form of a longer name: decided below
        identities.setdefault((group.kind, group.key), _Identity(group.kind, group.key)).groups.append(group)

    by_surname: dict[str, list[_Identity]] = defaultdict(list)
    for identity in identities.values():
        words = identity.key.split()
        if identity.kind == PERSON and not _is_short(words):
            by_surname[words[-1]].append(identity)

    moves: dict[int, _Identity] = {}
    for group in pending:
        words = group.key.split()
        candidates = [
            ident
            for ident in by_surname.get(words[-1], [])
            if ident.key != group.key and _fits(words, ident.key.split())
        ]
        if not candidates:
            continue
        if group.country:
            candidates = [c for c in candidates if not c.countries or group.country in c.countries]
        if len(candidates) > 1 and group.role:
            same_role = [c for c in candidates if group.role.casefold() in c.roles]
            candidates = same_role if len(same_role) == 1 else candidates
        if len(candidates) == 1:
            moves[id(group)] = candidates[0]

    result: dict[tuple[str, str, str | None, str | None], _Identity] = {}
    for identity in identities.values():
        for group in identity.groups:
            target = moves.get(id(group), identity)
            result[(group.kind, group.name, group.role, group.country)] = target
    # Moved groups count towards their new identity's name, role and country.
    for identity in identities.values():
        kept = [g for g in identity.groups if id(g) not in moves]
        moved = [g for g in identity.groups if id(g) in moves]
        identity.groups = kept
        for group in moved:
            moves[id(group)].groups.append(group)
    return result


def link_entities(store: Store) -> int:
    """Recompute the corpus-wide identities; return how many there are."""
    conn = store.conn
    rows = conn.execute(
        "SELECT kind, name, role, country, max(sector), count(DISTINCT article_id), sum(mentions) "
        "FROM article_entities GROUP BY kind, name, role, country"
    ).fetchall()
    groups = [_Group(*row) for row in rows]
    mapping = resolve(groups)
    identities = {ident.id: ident for ident in mapping.values()}
    with store.transaction():
        conn.execute("DELETE FROM entities")
        conn.executemany(
            "INSERT INTO entities (id, kind, name, key, surname, role, country, sector, articles, mentions) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    ident.id,
                    ident.kind,
                    ident.most("name", full_only=True) or ident.most("name") or ident.key,
                    ident.key,
                    ident.key.split()[-1] if ident.kind == PERSON and ident.key else None,
                    ident.most("role"),
                    ident.most("country"),
                    ident.most("sector"),
                    0,
                    sum(g.mentions for g in ident.groups),
                )
                for ident in identities.values()
            ],
        )
        conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS identity_map "
            "(kind TEXT, name TEXT, role TEXT, country TEXT, entity_id INTEGER)"
        )
        conn.execute("DELETE FROM identity_map")
        conn.executemany(
            "INSERT INTO identity_map VALUES (?, ?, ?, ?, ?)",
            [(*group_key, ident.id) for group_key, ident in mapping.items()],
        )
        conn.execute("CREATE INDEX IF NOT EXISTS temp.identity_map_name ON identity_map(kind, name)")
        conn.execute(
            "UPDATE article_entities SET entity_id = (SELECT m.entity_id FROM identity_map m "
            "WHERE m.kind = article_entities.kind AND m.name = article_entities.name "
            "AND m.role IS article_entities.role AND m.country IS article_entities.country)"
        )
        conn.execute(
            "UPDATE entities SET articles = (SELECT count(DISTINCT article_id) FROM article_entities ae "
            "WHERE ae.entity_id = entities.id)"
        )
    return len(identities)


def find_identities(store: Store, name: str) -> list[int]:
    """Identity ids a user's ``--entity NAME`` means: the same key, or for one word, that surname.

    ``--entity Qureshi`` finds every Qureshi (a filter may be broad; the linking above is not).
    """
    keys = {normalize_name(name), normalize_name(name, "ORG")} - {""}
    surname = next(iter(keys)).split()[-1] if len(keys) == 1 and len(next(iter(keys)).split()) == 1 else None
    sql = "SELECT id FROM entities WHERE key IN ({})".format(", ".join("?" * len(keys)))
    params: list[str] = sorted(keys)
    if surname:
        sql += " OR surname = ?"
        params.append(surname)
    return [row[0] for row in store.conn.execute(sql, params)] if keys else []
