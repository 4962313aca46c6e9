"""CAMEO verb patterns matched over a spaCy parse: which code a verb takes in its sentence.

A CAMEO verb block ("--- ASK [---] ---") lists synonymous verbs with their own codes and
patterns that refine them by the words around the verb: ``- * (FOR {HUMANITARIAN AID})
[0233]`` reads "asked *for humanitarian aid*" as 0233 (appeal for humanitarian aid). PETRARCH2
matches them over a constituency parse; we match over the dependency parse:

- *after the verb* are the words of its object and complement phrases (dobj, attr, dative,
  oprd, xcomp's object) and of its prepositional phrases;
- *before the verb* the words of its subject phrase;
- a bare word must be one of those words (lemma or as written), ``{A B}`` those words in that
  order, ``&SET`` any word of the synonym set, ``(PREP ...)`` a prepositional phrase of the
  verb (or of its object) with that preposition whose words match the rest; ``$`` (source),
  ``+`` (target) and ``^`` (skip) mark actors and constrain no word.

The most specific matching pattern wins (most elements matched; the file's order breaks
ties); with none, the verb's own code. The null code ``---`` means "no event".
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from newsmill.analyze.dictionaries import VerbDictionary, verb_dictionary

_OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "dative", "oprd", "acomp"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_ACTOR_MARKS = frozenset({"+", "$", "^", "%"})


@dataclass(slots=True, frozen=True)
class Element:
    kind: str  # word, phrase, set, prep
    words: tuple[str, ...]
    inner: tuple[Element, ...] = ()


@dataclass(slots=True, frozen=True)
class Pattern:
    before: tuple[Element, ...]
    after: tuple[Element, ...]
    code: str

    @property
    def size(self) -> float:
        """How specific the pattern is: a word counts 1, a bare preposition ("(TO)") ½."""
        return sum(
            (0.5 if e.kind == "prep" and not e.inner else 1) + len(e.inner) for e in self.before + self.after
        )


def _elements(text: str) -> tuple[Element, ...]:
    """Parse one side of a pattern: words, {phrases}, &sets and (prep ...) groups."""
    out: list[Element] = []
    for group in re.findall(r"\([^)]*\)?|\{[^}]*\}?|\S+", text):
        if group.startswith("("):
            parts = group.strip("()").split(maxsplit=1)
            if not parts:
                continue
            inner = _elements(parts[1]) if len(parts) > 1 else ()
            out.append(Element("prep", tuple(parts[0].split("/")), inner))
        elif group.startswith("{"):
            words = tuple(group.strip("{}").replace("_", " ").split())
            if words:
                out.append(Element("phrase", words))
        elif group.startswith("&"):
            out.append(Element("set", (group.rstrip(")"),)))
        elif group not in _ACTOR_MARKS and group.strip("+$^%"):
            out.append(Element("word", tuple(group.strip("+$^%").replace("_", " ").split("/"))))
    return tuple(out)


@functools.cache
def _patterns() -> dict[str, tuple[Pattern, ...]]:
    dictionary = verb_dictionary()
    return {
        block: tuple(Pattern(_elements(before), _elements(after), code) for before, after, code in rows)
        for block, rows in dictionary.patterns.items()
    }


@dataclass(slots=True)
class _Side:
    words: set[str]  # lemmas and forms as written, lower case
    sequence: str  # the words in order, lemmas and forms both, for phrases
    preps: list[tuple[str, _Side]]


def _side(tokens: list[Any], preps: list[Any]) -> _Side:
    words: set[str] = set()
    lemmas: list[str] = []
    lowers: list[str] = []
    for token in sorted(tokens, key=lambda t: t.i):
        words.update((token.lower_, token.lemma_.lower()))
        lemmas.append(token.lemma_.lower())
        lowers.append(token.lower_)
    sequence = f" {' '.join(lemmas)} | {' '.join(lowers)} "
    found = [(prep.lower_, _side([t for c in prep.children for t in c.subtree], [])) for prep in preps]
    return _Side(words, sequence, found)


def _matches(element: Element, side: _Side, synsets: dict[str, frozenset[str]]) -> bool:
    if element.kind == "word":
        return any(word in side.words for word in element.words)
    if element.kind == "phrase":
        return f" {' '.join(element.words)} " in side.sequence
    if element.kind == "set":
        return bool(synsets.get(element.words[0], frozenset()) & side.words)
    for prep, inner in side.preps:
        if prep in element.words and all(_matches(e, inner, synsets) for e in element.inner):
            return True
    return False


def verb_entry(verb: Any, dictionary: VerbDictionary | None = None) -> tuple[str, str, str] | None:
    """(lemma as the dictionary writes it, block, own code) of a verb token: a phrasal verb
    with its particle or preposition first ('call off', 'ask for'), else the lemma."""
    dictionary = dictionary or verb_dictionary()
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if child.dep_ in {"prt", "prep"} and child.i > verb.i:
            entry = dictionary.verbs.get(f"{lemma} {child.lower_}")
            if entry is not None:
                return f"{lemma} {child.lower_}", *entry
    entry = dictionary.verbs.get(lemma)
    return (lemma, *entry) if entry is not None else None


def cameo_code(verb: Any) -> tuple[str, bool] | None:
    """The CAMEO code a verb token takes in its sentence, and whether a pattern (not the
    verb's bare code) gave it; None when the verb is not in the dictionary."""
    dictionary = verb_dictionary()
    entry = verb_entry(verb, dictionary)
    if entry is None:
        return None
    _, block, own = entry
    objects = [c for c in verb.children if c.dep_ in _OBJECT_DEPS]
    after_tokens = [t for c in objects for t in c.subtree]
    for child in verb.children:
        if child.dep_ == "xcomp":
            after_tokens.append(child)
            after_tokens.extend(t for c in child.children if c.dep_ in _OBJECT_DEPS for t in c.subtree)
    preps = [c for c in verb.children if c.dep_ in {"prep", "agent"} and c.i > verb.i]
    preps += [c for o in objects for c in o.children if c.dep_ == "prep"]
    after = _side(after_tokens, preps)
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
    before = _side([t for c in subjects for t in c.subtree], [])
    best: Pattern | None = None
    for pattern in _patterns().get(block, ()):
        if not pattern.after and not pattern.before:
            continue
        if best is not None and pattern.size <= best.size:
            continue
        if all(_matches(e, after, dictionary.synsets) for e in pattern.after) and all(
            _matches(e, before, dictionary.synsets) for e in pattern.before
        ):
            best = pattern
    if best is not None:
        return best.code, True
    return own, False
