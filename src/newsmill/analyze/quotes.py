"""Who said what: direct quotes and reported speech over the shared dependency parse.

Three passes over the article's Doc:

1. *Quotation marks*: balanced straight, curly and guillemet quotes, and news-style quotes
   reopened at each paragraph without closing. A quoted stretch is speech when a cue verb
   governs it or sits next to it ('..." said X', 'X said: "..."'), or when it fills a
   paragraph that continues the previous speaker; short Title Case stretches ("The Crown")
   are names, not speech. A partial quote inside a clause is ``direct`` when it is a phrase
   ('underscored the "importance of de-escalation"'), ``mixed`` when it carries the verb.
2. *Reported speech*: a speech cue (say, tell, add, warn, ...; ``data/speech_cues.txt``) with a clausal
   complement ("said that ...", "..., he added"), and "according to X".
3. *Speakers*: the cue's subject (or the noun phrase after an inverted cue), resolved to
   an entity: pronouns to the last speaker or mention of the right kind, descriptions
   ("the spokesperson") to the last speaker they describe (``quote_speakers.py``).

Written by hand: textacy's direct-quotation extractor raises on unbalanced marks and does
no reported speech; no kept library does attribution over a spaCy parse.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from newsmill.analyze.entities import EntityDraft
from newsmill.analyze.quote_speakers import continue_speakers, phrase, resolve_speakers, speaker_of
from newsmill.analyze.sentences import sentence_of, text_of, tokens_in
from newsmill.analyze.wordlists import words
from newsmill.extract.meta import DatelineMatch, find_dateline

# Speech and communication verbs (``data/speech_cues.txt``): the only quote cues.
CUE_VERBS = words("speech_cues.txt")
# Cues whose complement is a plain noun phrase, not a clause: only with quotation marks.
_PHRASE_CUES = frozenset({"underscore", "stress", "emphasize", "emphasise", "appreciate", "describe"})
_QUOTE_PAIRS = (("“", "”"), ("«", "»"), ("„", "“"), ("‘", "’"))
_OPENING_MARKS = "“«„\"'"


@dataclass(slots=True)
class QuoteDraft:
    kind: str  # direct, indirect, mixed
    content: tuple[int, int]
    cue: tuple[int, int] | None = None
    speaker: tuple[int, int] | None = None
    speaker_entity: str | None = None  # index into the entity drafts, as "e<n>"
    speaker_name: str | None = None
    antecedent: tuple[int, int] | None = None
    quote: tuple[int, int] | None = None  # the quoted words themselves, when there are marks
    confidence: float = 1.0  # set by quote_evidence.score_quotes


def annotate_quotes(doc: Any, entities: list[EntityDraft], min_confidence: float = 0.0) -> list[QuoteDraft]:
    """Quotes of ``doc`` with speakers resolved against ``entities`` (in document order); a
    pronoun never points back to an entity already judged below ``min_confidence``."""
    text: str = text_of(doc)
    marks = quoted_stretches(text)
    drafts: list[QuoteDraft] = []
    claimed: list[tuple[int, int]] = []
    speakers = sorted((m.start, m.end) for e in entities if e.kind in {"PERSON", "ORG"} for m in e.mentions)
    for start, end in marks:
        draft = _direct(doc, start, end, speakers)
        if draft is not None:
            drafts.append(draft)
            claimed.append((start, end))
    for draft in _reported(doc) + _colon_attributions(doc, entities):
        content = draft.content
        cue = draft.cue or (0, 0)
        if any(q[0] <= cue[0] and cue[1] <= q[1] for q in marks):
            continue  # a cue inside quotation marks is someone's words, not an attribution
        if any(q[0] <= content[0] and content[1] <= q[1] for q in claimed):
            continue  # the clause is itself inside a direct quote
        if any(d.cue == draft.cue and d.quote is not None and _covers_most(d.quote, content) for d in drafts):
            continue  # the direct quote with this cue already says it (a quoted word inside
            # the clause does not: 'says Obama is “obsessed” with ...' is a mixed quote)
        inside = [q for q in claimed if content[0] <= q[0] and q[1] <= content[1]]
        if inside:
            draft.kind = "mixed"
            # The reported clause now carries the quoted words: the partial quote with the
            # same cue is the same attribution.
            drafts = [d for d in drafts if not (d.quote in inside and d.cue == draft.cue)]
        drafts.append(draft)
    drafts.sort(key=lambda d: d.content[0])
    datelines = [(m.start, m.end) for e in entities for m in e.mentions if m.source == "dateline"]
    for draft in drafts:
        if draft.kind == "direct-full":
            draft.kind = "direct"
        start, end = draft.content
        if draft.kind == "indirect":
            # A clause the parse starts at a stray mark (", the first cases came to light")
            # begins at its first word.
            while start < end and (text[start] in ",;:.)”’" or text[start].isspace()):
                start += 1
            # nor at the dateline before it ("PARIS, Texas — A man has been charged ...")
            dateline = find_dateline(text[start:end])
            if dateline is not None:
                start += dateline.lead_end
                while start < end and text[start].isspace():
                    start += 1
        draft.content = (start, _trim_end(text, start, end, ""))  # never the paragraph break after it
        if (
            draft.cue is not None
            and draft.content[0] <= draft.cue[0] < draft.content[1]
            and (
                draft.quote is not None
                or (draft.speaker is not None and draft.speaker[0] <= draft.content[0])
            )
        ):
            # Not "The tuft cell, Herbert said, is ...": a subject said before the cue is said too.
            draft.content, draft.kind = _without_attribution(draft, text)
        if draft.speaker is not None and (
            not _can_speak(draft.speaker, text, marks, datelines) or _opens_a_dateline(draft.speaker, text)
        ):
            # "Washington (AFP) – Democrat Hillary Clinton has taken a swipe ..., saying ...":
            # the parse took the dateline's place for the subject; the subject is the first
            # person or organisation after the dateline.
            draft.speaker = _subject_after_dateline(draft, text, speakers)
    continue_speakers(drafts, text)
    resolve_speakers(drafts, doc, entities, min_confidence)
    continue_speakers(drafts, text, resolved=True)
    return drafts


def _without_attribution(draft: QuoteDraft, text: str) -> tuple[tuple[int, int], str]:
    """A content that holds its own cue ("The 'animosity is like ...,' he told Chris Cuomo ...",
    "which he described as 'making sure ...'", "Other candidates said they support ...") holds
    the attribution: the quoted words are the content when there are any, else the clause after
    the cue."""
    assert draft.cue is not None
    if draft.quote is not None:
        start, end = draft.quote
        while start < end and text[start] in "“”\"'‘’« ":
            start += 1
        while end > start and text[end - 1] in "“”\"'‘’» ":
            end -= 1
        return (start, end), draft.kind  # still "mixed": quoted words inside reported speech
    start, end = draft.cue[1], draft.content[1]
    while start < end and (text[start] in ",:;" or text[start].isspace()):
        start += 1
    if text[start : start + 5].lower() == "that ":
        start += 5
    return (start, end), draft.kind


def _line_dateline(text: str, position: int) -> tuple[int, int, DatelineMatch] | None:
    """The start and end of the line holding ``position`` and the dateline opening it."""
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", line_start)
    line_end = len(text) if line_end < 0 else line_end
    dateline = find_dateline(text[line_start:line_end])
    return (line_start, line_end, dateline) if dateline is not None else None


def _opens_a_dateline(speaker: tuple[int, int], text: str) -> bool:
    """The speaker is the place of a dateline opening its line ("BERLIN -- The European Space
    Agency says ..."), found here when the extractor did not take the line for the dateline
    (one below a byline)."""
    found = _line_dateline(text, speaker[0])
    return found is not None and speaker[0] == found[0] and speaker[1] <= found[0] + found[2].place_end


def _subject_after_dateline(
    draft: QuoteDraft, text: str, speakers: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """The first person or organisation named after the dateline that opens the speaker's
    line (past its agency: "Washington (AFP) – Democrat Hillary Clinton ..."), before the cue."""
    assert draft.speaker is not None
    found = _line_dateline(text, draft.speaker[0])
    if found is None:
        return None
    line_start, line_end, dateline = found
    lead_end = line_start + dateline.lead_end
    cue_at = draft.cue[0] if draft.cue else draft.content[0]
    after = [s for s in speakers if lead_end <= s[0] and s[1] <= min(cue_at, line_end)]
    if not after:
        return None
    # Only a name that opens the clause, after at most a capitalised title or description
    # ("Former Attorney General Michael Mukasey"), not one inside a phrase ("Fans of Bradley
    # Cooper's performance ... complain").
    before = text[lead_end : after[0][0]].split()
    return after[0] if len(before) <= 4 and all(w[:1].isupper() for w in before) else None


def _can_speak(
    speaker: tuple[int, int], text: str, marks: list[tuple[int, int]], datelines: list[tuple[int, int]]
) -> bool:
    """False for subjects the parse offers that cannot be the attributed speaker: the
    dateline's place ("LONDON (Reuters) - Trump said ..."), "you", and a first person
    inside someone's quotation (the quoted speaker talking about themself)."""
    start, end = speaker
    if any(s <= start and end <= e for s, e in datelines):
        return False
    words = text[start:end].lower()
    if words == "you":
        return False
    return not (words in {"i", "we", "me", "us"} and any(s <= start and end <= e for s, e in marks))


# --- Quotation marks ----------------------------------------------------------------------


def quoted_stretches(text: str) -> list[tuple[int, int]]:
    """Content spans (marks excluded) of quotations, paragraph by paragraph."""
    stretches: list[tuple[int, int]] = []
    for paragraph in re.finditer(r"[^\n]+", text):
        base = paragraph.start()
        body = paragraph.group()
        taken = [False] * len(body)
        if body.startswith("”") and (close_at := body.find("”", 1)) > 0:
            # A quote opened with the closing mark by mistake ('”Mr. Trump ... shame.”').
            stretches.append((base + 1, base + close_at))
            for i in range(close_at + 1):
                taken[i] = True
        for opener, closer in _QUOTE_PAIRS:
            position = 0
            while (open_at := body.find(opener, position)) >= 0:
                if taken[open_at] or (opener == "‘" and not _opens_quote(body, open_at)):
                    position = open_at + 1
                    continue
                close_at = body.find(closer, open_at + 1)
                while opener == "‘" and close_at >= 0 and _is_apostrophe(body, close_at):
                    close_at = body.find(closer, close_at + 1)
                if close_at < 0 and opener in "“«„" and (straight_at := body.find('"', open_at + 1)) > 0:
                    # Mixed typography in scraped copy: '“When removing ...," said X' — a
                    # straight mark closes the curly one.
                    close_at = straight_at
                if close_at < 0:
                    # News style: a quote left open runs to the paragraph's end when it opens
                    # the paragraph, or when the next paragraph reopens it.
                    following = text[paragraph.end() :].lstrip()
                    if open_at == 0 or body[:open_at].strip() == "" or following[:1] in _OPENING_MARKS:
                        stretches.append((base + open_at + 1, base + len(body.rstrip())))
                    break
                for i in range(open_at, close_at + 1):
                    taken[i] = True
                stretches.append((base + open_at + 1, base + close_at))
                position = close_at + 1
        # Straight double quotes ('"', or two apostrophes as some archives print them) pair
        # up in order.
        straight = [(m.start(), m.end()) for m in re.finditer(r'"|\'\'', body) if not taken[m.start()]]
        for first, second in zip(straight[0::2], straight[1::2], strict=False):
            stretches.append((base + first[1], base + second[0]))
        if len(straight) % 2 == 1 and straight[-1][0] <= 1:
            stretches.append((base + straight[-1][1], base + len(body.rstrip())))
    return sorted(set(stretches))


def _covers_most(quote: tuple[int, int], content: tuple[int, int]) -> bool:
    """The quoted words overlap at least half of the reported content."""
    inter = min(quote[1], content[1]) - max(quote[0], content[0])
    return inter > 0 and inter * 2 >= content[1] - content[0]


def overlaps_half(a: tuple[int, int], b: tuple[int, int]) -> bool:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter > 0 and inter >= min(a[1] - a[0], b[1] - b[0]) / 2


def _opens_quote(body: str, index: int) -> bool:
    return index == 0 or not body[index - 1].isalnum()


def _is_apostrophe(body: str, index: int) -> bool:
    return 0 < index < len(body) - 1 and body[index - 1].isalnum() and body[index + 1].isalnum()


def _direct(doc: Any, start: int, end: int, speakers: list[tuple[int, int]]) -> QuoteDraft | None:
    text = text_of(doc)
    inner = text[start:end].strip()
    words = inner.split()
    if not words:
        return None
    tokens = tokens_in(doc, start, end)
    if not tokens:
        return None
    title_case = sum(w[:1].isupper() for w in words) / len(words)
    # '“...” ― Sonya Herridge': a dash and a name after the quote attribute it.
    dashed = _DASH_ATTRIBUTION.match(text, end + 1)
    if dashed and len(words) >= 3:
        cue_at = dashed.start("dash")
        name_end = dashed.end("name")
        if text[name_end - 1] == "." and not re.search(r"(?:^|\s)[A-Z]\.$", text[name_end - 3 : name_end]):
            name_end -= 1  # the sentence's full stop, not an initial ("Edwin G.")
        return QuoteDraft(
            "direct-full", (start, end), (cue_at, cue_at + 1), (dashed.start("name"), name_end),
            quote=(start, end),
        )  # fmt: skip
    sentence = sentence_of(doc, tokens[0].i)
    # The cue after the quote: ', said X' / ',” X said' / '” he added' (in the sentence where
    # the quote ends, for quotes of several sentences).
    closing = sentence_of(doc, tokens[-1].i)
    after = [t for t in closing if t.idx >= end][:7]
    if all(t.is_punct for t in after) and closing.end < len(doc):
        # The parser ended the sentence with the quote ('...missing.” Trump said.'): a short
        # attribution opening the next sentence of the paragraph is the cue.
        following = sentence_of(doc, closing.end)
        gap = text[end : following.start_char]
        if (
            "\n" not in gap
            and len(gap) <= 3
            and not any(c.dep_ == "ccomp" for t in following[:4] for c in t.children)
        ):
            after = [t for t in following if t.idx >= end][:5]
    cue = next((t for t in after if t.pos_ in {"VERB", "AUX"} and t.lemma_.lower() in CUE_VERBS), None)
    if (
        cue is not None
        and after
        and after[0].text not in {",", "”", '"', "’", "»", "''"}
        and after[0].idx - end > 2
    ):
        cue = None
    # ... or before it: 'X said: “...”', 'X underscored the “...”'.
    governing = _governing_verb(tokens, start, end)
    lead = text[sentence.start_char : start - 1]
    # The quote is the sentence's clause when nothing precedes it but an attribution:
    # 'X said: "..."', 'X said, "..."' (a comma after an apposition does not count).
    whole_sentence = not lead.strip() or bool(
        re.search(r":\s*$", lead) or re.search(r"\b(?:" + "|".join(_SAY_FORMS) + r"),\s*$", lead, re.I)
    )
    if cue is None and governing is not None and governing.lemma_.lower() in CUE_VERBS:
        cue = governing
    if cue is None and governing is not None and not whole_sentence and _someone_acts(governing):
        # A phrase quoted inside someone's clause is theirs: 'criticized the law as a
        # "crazy system"', 'admires Putin as a "strong leader"'. Only when a person or an
        # organisation acts: in 'the deal is a "pre-agreement"' the marks are the writer's.
        cue = governing
    if cue is not None and start <= cue.idx < end:
        cue = None  # the quoted speaker's own verb
    if cue is None:
        before = [t for t in sentence if t.idx + len(t.text) <= start][-4:]
        cue = next((t for t in reversed(before) if t.lemma_.lower() in CUE_VERBS and t.pos_ == "VERB"), None)
    colon = text.rfind(":", max(0, start - 4), start)
    if cue is None and colon >= 0 and not text[colon + 1 : start - 1].strip() and len(words) >= 3:
        # 'He said:' / 'As the committee wrote in a statement:' closing the paragraph before:
        # the cue of that sentence introduces the quotation.
        colon_token = doc.char_span(colon, colon + 1, alignment_mode="expand")
        if colon_token is not None:
            introducing = sentence_of(doc, colon_token.start)
            cues = [
                t for t in introducing
                if t.idx < colon and t.pos_ == "VERB" and t.lemma_.lower() in CUE_VERBS and speaker_of(t)
            ]  # fmt: skip
            if cues:
                return QuoteDraft(
                    "direct-full", (start, end), _span(cues[-1]), speaker_of(cues[-1]), quote=(start, end)
                )
        # 'IOWA POLLS TOO EARLY - Mark Blumenthal and Jon Cohen: "..."': a person or an
        # organisation named just before the colon.
        first = bisect.bisect_left(speakers, (colon - 60, 0))
        named = [m for m in speakers[first : bisect.bisect_left(speakers, (colon, 0))] if m[1] <= colon]
        if named and not re.search(r"[.!?]\s", text[named[-1][1] : colon]):
            first = len(named) - 1  # back over coordinated names: "Mark Blumenthal and Jon Cohen"
            while first > 0 and _JOINER.fullmatch(text[named[first - 1][1] : named[first][0]]):
                first -= 1
            speaker = (named[first][0], named[-1][1])
            return QuoteDraft("direct-full", (start, end), (colon, colon + 1), speaker, quote=(start, end))
    if cue is None:
        # A quote that opens its paragraph, or follows another quote of the paragraph,
        # continues the previous speaker (news style: '"...," he said. "More words."').
        paragraph_start = text.rfind("\n", 0, start) + 1
        lead = text[paragraph_start : start - 1]
        follows_quote = bool(re.search(r"[”\"'»]\s*[^“\"«]{0,80}[.!?]\s*$", lead))
        if len(words) >= 4 and (not lead.strip() or follows_quote) and title_case < 0.5:
            return QuoteDraft("direct-full", (start, end), quote=(start, end))
        return None
    if len(words) < 3 and _reads_like_a_name(words) and not (inner[-1] in ",!?." and cue.idx >= end):
        return None  # a name or a title in quotes, not speech ('“It’s doable,” he said' is speech)
    speaker = speaker_of(cue, (start, end))
    if whole_sentence or cue.idx >= end:
        kind = "direct-full"  # the quote is the sentence: '"...," said X' / 'X said: "..."'
    else:
        has_verb = any(
            t.pos_ in {"VERB", "AUX"}
            and t.morph.get("VerbForm") in (["Fin"], ["Part"], [])
            and t.dep_ not in {"amod", "compound"}
            for t in tokens
        )
        kind = "mixed" if has_verb and len(words) >= 4 else "direct"
    # A mixed quote's content is the clause the cue introduces, quote included.
    content = _clause_after(doc, cue, start, end) if kind == "mixed" else (start, end)
    return QuoteDraft(kind, content, _span(cue), speaker, quote=(start, end))


_SMALL_WORDS = frozenset("a an and at by for in of on or the to with".split())


def _reads_like_a_name(words: list[str]) -> bool:
    """Every word but the small ones capitalised: "The Crown", "State of the Union"."""
    content = [w for w in words if w.lower() not in _SMALL_WORDS] or words
    return all(w[:1].isupper() for w in content)


_PERSONAL = frozenset({"he", "she", "they", "who", "i", "we"})


def _someone_acts(verb: Any) -> bool:
    """The verb's subject is a named person or organisation, or a personal pronoun."""
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None:
        return False
    if subject.lower_ in _PERSONAL:
        return True
    return subject.ent_type_ in {"PERSON", "ORG", "NORP"}


def _governing_verb(tokens: list[Any], start: int, end: int) -> Any:
    """The verb outside the quote that the quoted words hang from."""
    for token in tokens:
        head = token.head
        steps = 0
        while head is not None and steps < 6:
            if not (start <= head.idx < end) and head.pos_ in {"VERB", "AUX"}:
                return head
            if head.head == head:
                break
            head = head.head
            steps += 1
    return None


def _clause_after(doc: Any, cue: Any, start: int, end: int) -> tuple[int, int]:
    """From the first word after the cue's objects to the quote's end (or the clause's)."""
    complements = [
        c for c in cue.children if c.dep_ in {"ccomp", "dobj", "xcomp", "prep", "advcl"} and c.idx < end + 2
    ]
    # The complement holding the quoted words is the clause; a listener or a setting before it
    # is not ("telling supporters after his victory that “...”").
    holding = [c for c in complements if any(start <= t.idx < end for t in c.subtree)]
    complements = holding or complements
    first = min((min(t.idx for t in c.subtree) for c in complements), default=start)
    first = min(first, start)
    return (first, max(end, max((t.idx + len(t.text) for c in complements for t in c.subtree), default=end)))


def _span(token: Any) -> tuple[int, int]:
    return token.idx, token.idx + len(token.text)


_JOINER = re.compile(r",?\s*(?:and|&)?\s*")
# Cues whose object phrase is the content when there is no clause. Not "deny" nor "reject": what
# is denied or rejected ("denied the allegations", "rejected the offer", "denied the motion to
# dismiss") is the opposite of what was said, or a vote or a ruling; "denied that ..." keeps its
# clause.
_OBJECT_CUES = frozenset(
    "cite mention discuss announce propose recommend demand confirm report describe reveal "
    "disclose predict show criticize criticise attack support expect endorse praise blame accuse "
    "oppose back welcome condemn applaud dismiss defend slam blast characterize label dub brand "
    "compare acknowledge".split()
)
_DASH_ATTRIBUTION = re.compile(
    r"[^\S\n]*(?P<dash>[―—–])[^\S\n]*(?P<name>[A-Z][\w.'’\-]+(?:[^\S\n]+[A-Z][\w.'’\-]+){0,3})"
)
_SAY_FORMS = (
    "said", "says", "say", "added", "adds", "told", "tells", "asked", "asks", "wrote", "writes",
    "declared", "stated", "explained", "noted", "warned", "insisted", "replied", "continued",
)  # fmt: skip
# Cues whose content can be a prepositional phrase: "warned of", "spoke about".
_TOPIC_CUES = frozenset(
    "speak talk warn complain comment apologize apologise testify argue write joke boast brag "
    "lament worry caution".split()
)
# Evaluative speech acts (all in ``data/speech_cues.txt``) whose content is someone and a
# charge: "accused X of ...", "criticized X for ...", "praised X for ...".
_CHARGING_CUES = frozenset("accuse criticize criticise blame slam blast condemn praise applaud".split())
_FINITE_TAGS = frozenset({"VBZ", "VBD", "VBP", "MD"})
# Evaluative speech acts (``data/speech_cues.txt``'s last block): their object is what they judge.
_EVALUATIVE_CUES = frozenset(
    "endorse praise blame accuse reject condemn applaud dismiss defend slam blast characterize "
    "characterise".split()
)
# Cues whose content is an infinitive: "told reporters to ...", "wants to ...", "agreed to ...".
_INTENT_CUES = frozenset("tell urge ask call warn promise vow pledge threaten".split())


# --- Reported speech ----------------------------------------------------------------------


def _reported(doc: Any) -> list[QuoteDraft]:
    drafts: list[QuoteDraft] = []
    for token in doc:
        lemma = token.lemma_.lower()
        if lemma == "accord" and token.text.lower() == "according" and token.nbor(1).text.lower() == "to":
            drafts.extend(_according_to(doc, token))
            continue
        # A verb by its part of speech or its fine tag ("says" is sometimes tagged a noun).
        verb = token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB")
        if not verb or lemma not in CUE_VERBS:
            continue
        if lemma == "point" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children):
            continue  # "pointed out that ..." is speech; "pointed to a role for ..." is not
        if token.dep_ == "acl" and token.head.pos_ == "NOUN" and any(c.tag_ == "TO" for c in token.children):
            continue  # "a motion to dismiss", "the right to reply": a noun's purpose, not an act
        # A clause after the cue is what was said; one before it is only when none follows
        # ("X offered a job, then says he'll ...": the parse hung the first verb on the cue).
        clauses = sorted((c for c in token.children if c.dep_ == "ccomp"), key=lambda c: (c.i < token.i, c.i))
        if lemma in _EVALUATIVE_CUES:
            # "rejected what the city called its final offer": what is judged, not what is said
            clauses = [c for c in clauses if c.left_edge.lower_ not in {"what", "whatever"}]
        if not clauses and lemma in _INTENT_CUES:
            # "told reporters to ...", "urged lawmakers to ...", "called for an inquiry"
            clauses = [c for c in token.children if c.dep_ == "xcomp"]
            if lemma == "call":
                clauses += [
                    g
                    for c in token.children
                    if c.dep_ == "prep" and c.text.lower() == "for"
                    for g in c.children
                    if g.dep_ == "pobj"
                ]
                # "calling for the United States to step up ...": the parse reads "for" as
                # the mark of an adverbial clause, which is what was called for.
                clauses += [
                    c
                    for c in token.children
                    if c.dep_ == "advcl" and c.i > token.i
                    and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
                ]  # fmt: skip
        if not clauses and lemma not in _INTENT_CUES:
            # "He said legalizing it could put thousands to work": the parse took the gerund
            # opening the clause for the cue's complement; a finite verb under it makes the
            # whole a clause ("continued to rise" has none and stays no speech).
            clauses = [
                c
                for c in token.children
                if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i > token.i
                and any(t.tag_ in _FINITE_TAGS and t.i > c.i for t in c.subtree)
            ]  # fmt: skip
        if not clauses and lemma == "call":
            # "called the remarks a wake-up call": the object and what it is called.
            named = [c for c in token.children if c.dep_ == "oprd"]
            objects = [c for c in token.children if c.dep_ == "dobj"]
            if not objects and len(named) == 2:
                objects, named = named[:1], named[1:]  # "called Trump a fascist": parsed as two
            # not "a chart that experts called wrong", nor "rejected what the city called its
            # offer" (but 'what he called "a rapid response"' quotes the words called)
            quoted_name = named and any(t.text in '"“”' for t in named[0].subtree)
            if (
                named
                and objects
                and (objects[0].tag_ not in {"WDT", "WP"} or (objects[0].tag_ == "WP" and quoted_name))
            ):
                first = min(t.idx for t in objects[0].subtree)
                last = max(t.idx + len(t.text) for t in named[0].subtree)
                drafts.append(QuoteDraft("indirect", (first, last), _span(token), speaker_of(token)))
                continue
        if not clauses and lemma in _OBJECT_CUES:
            # "cited a poll showing ...", "announced a plan to ...": the object is what is said.
            clauses = [c for c in token.children if c.dep_ == "dobj" and len(list(c.subtree)) >= 3]
        if not clauses and lemma in _CHARGING_CUES:
            charged = _charge(doc, token)
            if charged is not None:
                drafts.append(charged)
                continue
        if not clauses and lemma in _TOPIC_CUES:
            # "warned of a recession", "spoke about the media", "apologized for the incident":
            # the prepositional phrase is what was said.
            clauses = [
                c for c in token.children
                if c.dep_ == "prep" and c.lower_ in {"about", "of", "for", "against", "on"}
                and len(list(c.subtree)) >= 3
            ]  # fmt: skip
        if not clauses and token.dep_ in {"parataxis", "advcl", "ccomp"} and token.head != token:
            # "Talks will resume next week, officials said." / "But, he said, officials
            # should be vigilant." The attributed clause is the head's, minus the cue's — when
            # the cue is a bare attribution: "that it responded to molecules", "as the House
            # concluded its hearings" say what happened, not who said the rest.
            if not _bare_attribution(token):
                continue
            head = token.head
            own = {t.i for t in token.subtree}
            body = [t for t in head.subtree if t.i not in own]
            if body and any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
                # "But, the former CEO added, it's not the way to win", "By eliminating the
                # line, Ms. Tchen said, the White House is able to ...": an attribution after
                # openers and adjuncts is not inside what was said; the clause after it is.
                # ("The tuft cell, Herbert said, is ..." keeps both sides: the subject is said.)
                before = [t for t in body if t.i < token.left_edge.i]
                after = [t for t in body if t.i > token.right_edge.i]
                subject_before = any(
                    t.dep_ in {"nsubj", "nsubjpass", "csubj", "expl"} and t.head.i == head.i for t in before
                )
                if after and before and not subject_before:
                    body = after
                start = min(t.idx for t in body)
                end = max(t.idx + len(t.text) for t in body)
                end = _trim_end(text_of(doc), start, end, ",;:—-")
                if len(text_of(doc)[start:end].split()) >= 3:
                    drafts.append(QuoteDraft("indirect", (start, end), _span(token), speaker_of(token)))
            continue
        if not clauses:
            # The parser attached "that ..." elsewhere ("told a meeting of leaders that few
            # people understood ..."): a "that" clause soon after the cue is its content.
            sentence = sentence_of(doc, token.i)
            window = [t for t in sentence if token.i < t.i <= token.i + 10]
            mark = next((t for t in window if t.lower_ == "that" and t.i + 3 < sentence.end), None)
            if mark is not None and not any(
                (t.is_punct and t.text in ".;") or (t.pos_ == "VERB" and t.lemma_.lower() in CUE_VERBS)
                for t in window
                if t.i < mark.i
            ):  # the clause belongs to the nearest cue: "criticised by X, who said that ..."
                start, end = mark.idx, sentence.end_char
                text = text_of(doc)
                end = _trim_end(text, start, end, ",.;:")
                if len(text[start:end].split()) >= 4:
                    drafts.append(QuoteDraft("indirect", (start, end), _span(token), speaker_of(token)))
            continue
        clause = clauses[0]
        if token.dep_ == "relcl" and any(
            c.tag_ in {"WDT", "WP"} and c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children
        ):
            # "a system that Jakarta said would give it oversight", "a man who police said
            # managed the gang": an attribution inside a relative clause describes the noun;
            # what it reports has no subject of its own.
            continue
        subtree = list(clause.subtree)
        start = min(t.idx for t in subtree)
        end = max(t.idx + len(t.text) for t in subtree)
        end = _trim_end(text_of(doc), start, end, ",;:—-")
        if len(text_of(doc)[start:end].split()) < 3:
            continue
        drafts.append(QuoteDraft("indirect", (start, end), _span(token), speaker_of(token)))
    return drafts


def _charge(doc: Any, cue: Any) -> QuoteDraft | None:
    """'accused Republicans of placing ...', 'criticized Clinton for accepting ...': the one
    spoken of and the charge, a verb under "of" or "for", are what was said."""
    target = next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i), None)
    if target is None:
        return None
    charge = next(
        (
            c
            for c in cue.children
            if c.dep_ == "prep" and c.lower_ in {"of", "for"} and c.i > target.i
            and any(g.dep_ == "pcomp" and g.pos_ == "VERB" for g in c.children)
        ),
        None,
    )  # fmt: skip
    if charge is None:
        return None
    start = min(t.idx for t in target.subtree)
    end = _trim_end(text_of(doc), start, max(t.idx + len(t.text) for t in charge.subtree), ",;:—-")
    return QuoteDraft("indirect", (start, end), _span(cue), speaker_of(cue))


# What a bare attribution ("officials said on Monday", "he added") may carry besides its cue.
_ATTRIBUTION_DEPS = frozenset(
    {"nsubj", "nsubjpass", "aux", "auxpass", "advmod", "npadvmod", "punct", "cc", "neg", "agent", "dative"}
)


# Where or how words were said: "in a statement", "at a briefing", "in an interview".
_SAYING_NOUNS = frozenset(
    "statement interview briefing conference speech hearing meeting email letter post tweet message "
    "video podcast broadcast report call rally session address remarks".split()
)


def _setting(noun: Any) -> bool:
    """The object of a preposition an attribution may carry: a time, a name (an outlet or an
    addressee: "for NPR", "to CNN"), a pronoun, or the occasion of saying ("in a statement")."""
    return (
        noun.ent_type_ in {"DATE", "TIME", "ORG", "PERSON", "GPE", "NORP"}
        or noun.pos_ == "PRON"
        or noun.lemma_.lower() in _SAYING_NOUNS
        or noun.lower_ in {"reporters", "journalists"}
    )


def _bare_attribution(cue: Any) -> bool:
    """The cue has a speaker and nothing of its own to say: no object, no clause, no
    prepositional phrase other than a setting ("said on Monday", "reports for NPR", "said in a
    statement")."""
    for child in cue.children:
        if child.dep_ in _ATTRIBUTION_DEPS or (child.dep_ == "mark" and child.lower_ == "as"):
            continue  # "As Emily Feng reports for NPR, ..."
        if child.dep_ == "prep" and all(_setting(o) for o in child.children if o.dep_ == "pobj"):
            continue
        if child.dep_ == "dobj" and child.lower_ in {"reporters", "journalists", "me", "us", "him", "her"}:
            continue
        return False
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in cue.children)


def _colon_attributions(doc: Any, entities: list[EntityDraft]) -> list[QuoteDraft]:
    """'Pence: Trump was mocking the Clinton camp', 'Warren Hammers Wells Fargo CEO: "You
    should be investigated"': a short lead naming someone, a colon, then their words — the
    headline's convention, and a transcript's ("FALLIN: Well, ..."). In the body a lead and a
    colon label a list, a note or a step ("Editor's Note:", "Map out your first offer:"): on
    PolNeAR's train articles and the facts audit's tuning half, every such body line was wrong."""
    text = text_of(doc)
    drafts = []
    for line in re.finditer(r"[^\n]+", text):
        found = re.match(r"([A-Z][^:.!?]{1,80}?):\s+(\S.{10,})", line.group())
        if not found or len(found.group(1).split()) > 8:
            continue
        lead = found.group(1).split()
        transcript = found.group(1).isupper()  # "FALLIN: Well, I think ..."
        if line.start() > 0 and not transcript:
            continue  # in the body, "X: ..." labels a list, a note or a step, not someone's words
        if any(word.lower() in _SAY_FORMS for word in lead):
            continue  # 'X said on Monday: "..."' is a direct quote with its own cue
        if sum(1 for word in lead if word[:1].islower()) >= 3:
            continue  # a sentence introducing a list or a heading ("Trump has won several states
            # on Tuesday: Georgia, ..."; "Epstein's inner circle eyed: ..."), not a name
        start, end = line.start() + found.start(1), line.start() + found.end(1)
        first = doc.char_span(start, start + len(lead[0]), alignment_mode="expand")
        if first is not None and first[0].tag_ == "VB":
            continue  # an instruction: "Follow AWR Hawkins on Twitter: @AWRHawkins"
        speakers = [
            m
            for e in entities
            if e.kind in {"PERSON", "ORG"}
            for m in e.mentions
            if start <= m.start and m.end <= end
        ]
        if speakers:
            speaker = min(speakers, key=lambda m: m.start)
            if text[speaker.end : speaker.end + 2] in {"'s", "’s"}:
                continue  # "Editor's Note:", "Obama's plan:": the owner is no speaker
            content_start = line.start() + found.start(2)
            drafts.append(
                QuoteDraft("indirect", (content_start, line.end()), None, (speaker.start, speaker.end))
            )
    return drafts


def _trim_end(text: str, start: int, end: int, marks: str) -> int:
    """``end`` moved back over trailing whitespace and the punctuation in ``marks``."""
    while end > start and (text[end - 1] in marks or text[end - 1].isspace()):
        end -= 1
    return end


def _according_to(doc: Any, according: Any) -> list[QuoteDraft]:
    """'According to X, <clause>' (or '<clause>, according to X')."""
    to = according.nbor(1)
    objects = [c for c in to.children if c.dep_ == "pobj"]
    if not objects:
        return []
    speaker = phrase(_source_of_data(objects[0]) or objects[0])
    first = doc.char_span(*speaker, alignment_mode="expand")
    if first is not None and len(first) > 1 and first[0].is_lower and first[0].pos_ == "NOUN":
        # "figures from consultancy Drewry": the kind of body before its name is no part of it
        named = next((t for t in first if t.text[:1].isupper()), None)
        if named is not None:
            speaker = (named.idx, speaker[1])
    sentence = sentence_of(doc, according.i)
    phrase_end = max(t.idx + len(t.text) for t in to.subtree)
    text = text_of(doc)
    opening = max(sentence.start_char, text.rfind("\n", 0, according.idx) + 1)
    if according.idx - opening <= 2:
        start = phrase_end
        while start < sentence.end_char and text[start] in ", ":
            start += 1
        end = sentence.end_char
    else:
        start, end = sentence.start_char, according.idx
    end = _trim_end(text, start, end, ",.;:")
    if len(text[start:end].split()) < 3:
        return []
    return [QuoteDraft("indirect", (start, end), (according.idx, to.idx + len(to.text)), speaker)]


# Nouns for numbers someone put out: "according to figures released by the board" is the board's.
_DATA_NOUNS = frozenset("figures data statistics numbers estimates".split())


def _source_of_data(head: Any) -> Any:
    """The body behind bare figures: "according to figures released Tuesday by the Calgary Real
    Estate Board", "data from the statistics office" (a proper noun after "by", "from" or "of",
    directly or under a participle). Figures with their owner in front ("Indian government
    figures", "LSEG data") already name it."""
    if head.lower_ not in _DATA_NOUNS or any(c.dep_ in {"compound", "poss", "amod"} for c in head.children):
        return None
    holders = [head] + [c for c in head.children if c.dep_ == "acl"]
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ in {"prep", "agent"} and prep.lower_ in {"by", "from", "of"}:
                source = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if source is not None and (source.pos_ == "PROPN" or source.ent_type_ in {"ORG", "GPE"}):
                    return source
    return None
