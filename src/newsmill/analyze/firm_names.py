"""Organisations told by their names and what the text says of them (pass 1 of the entities
stage, see ``entities.py``): a name ending in a business word or legal form, a name the text
describes as a body, a company written with its stock ticker. Split from ``relabel.py``."""

from __future__ import annotations

import re
from typing import Any

from newsmill.analyze.given_names import is_given_name, is_surname
from newsmill.analyze.mentions import Mention, bare_name
from newsmill.analyze.sentences import text_of
from newsmill.analyze.wordlists import words


def relabel_firm_names(mentions: list[Mention], text: str) -> None:
    """'Norrvik Industrier', 'Altavoz Producciones' tagged as people: a name of two to four
    capitalised words ending in a business word or legal form (``data/organisation_words.txt``,
    in the languages news names firms in) is an organisation, not a person."""
    body_words = words("organisation_words.txt")
    for mention in mentions:
        parts = bare_name(mention.text).split()
        if mention.label != "PERSON" or not 2 <= len(parts) <= 4:
            continue
        if text[mention.end : mention.end + 1] in {"-", "‑"}:
            continue  # "Harbor Labs co-founder": the last word runs on; no legal form
        if all(p[:1].isupper() for p in parts) and parts[-1].lower().strip(".") in body_words:
            mention.label = "ORG"


# Works and products a name is introduced as ("companion app Ada Live", "the film Ted Lasso"):
# a subset of ``data/thing_words.txt`` that never heads a person's description.
_WORK_NOUNS = frozenset("app apps film movie show series album single song novel book game podcast".split())


# A short form in brackets right after a body's name: " (Numsa)", " (Nafdac)".
_ABBREVIATION_AFTER = re.compile(r"\s*\(([A-Z][\w&.-]{1,14})\)")
_LEGAL_FORMS = frozenset("sa inc ltd llc plc gmbh ag nv bv corp co spa sarl pty bhd".split())
# Words a company's full name adds after its usual short name ("Sinar Freight Holdings Bhd").
_GROUP_WORDS = frozenset("holdings holding group corporation company".split())


def relabel_described_bodies(mentions: list[Mention], doc: Any) -> None:
    """People the model found that the text introduces as a body or a work: a body word
    (``data/organisation_words.txt``) or a work noun set before the name in the parse
    ("The advocacy group Bike Auckland said", "Peru's national weather service, Senamhi,
    warned", "companion app Ada Live"), or a legal form closing the name ("Medivita S.A.").
    A body becomes an organisation; a work is dropped (no person, no body). Besides the words
    of names, common nouns that introduce a body (``data/body_nouns.txt``: "the firm Grant
    Thornton", "carrier Cendrawasih Air") count. Not a noun after a preposition set apart by a
    comma ("a spokesman for the ministry, Ahmed Ali, said"; "of the firm Grant Thornton" counts),
    nor one the name only follows ("the company Jane Doe founded"). A person named like a
    company's full name without its legal form, or without the group word before that ("Sinar
    Freight" after "Sinar Freight Holdings Bhd"), is that company."""
    body_words = words("organisation_words.txt") | words("body_nouns.txt")
    companies = set()
    for mention in mentions:
        parts = bare_name(mention.text).split()
        if (
            mention.label in {"PERSON", "ORG"}
            and len(parts) > 1
            and parts[-1].lower().replace(".", "") in _LEGAL_FORMS
        ):
            mention.label = "ORG"  # "Medivita S.A.": a legal form closes a company's name
            parts = [part.rstrip(",") for part in parts[:-1]]
            companies.add(" ".join(parts))
        if mention.label == "ORG":
            while len(parts) > 1 and parts[-1].lower() in _GROUP_WORDS:
                parts = parts[:-1]  # "Sinar Freight Holdings Bhd", later "Sinar Freight"
                companies.add(" ".join(parts))
    # A short form that is also a person's family name ("Adani" of "Adani Group" and of
    # Gautam Adani) stays as the model read it.
    companies -= {
        bare_name(m.text).split()[-1] for m in mentions if m.label == "PERSON" and " " in bare_name(m.text)
    }
    for mention in mentions:
        spelled = _ABBREVIATION_AFTER.match(text_of(doc), mention.end) if mention.label == "ORG" else None
        if spelled is not None:
            companies.add(spelled.group(1))  # "the National Union of Metalworkers (Numsa)"
    for mention in mentions:
        if mention.label != "PERSON":
            continue
        if bare_name(mention.text) in companies:
            mention.label = "ORG"  # "Medivita" after "Medivita S.A.", "Numsa" after its full name
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        inside = {t.i for t in span}
        described = [
            t
            for t in doc[max(0, span.start - 6) : span.start]
            if t.text.islower() and (t.dep_ != "pobj" or t.i == span.start - 1)
            and ((t.head.i in inside and t.dep_ in {"compound", "nmod", "amod"})
                 or (span.root.dep_ == "appos" and span.root.head.i == t.i))
        ]  # fmt: skip
        if not described:
            continue
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and after.dep_ in {"acl", "relcl"} and after.head.i == described[-1].i:
            continue  # "the company Jane Doe founded": she founded it
        noun = described[-1].lower_
        if noun in _WORK_NOUNS:
            mention.label = "WORK"  # no kind the entities stage keeps
        elif noun in body_words:
            mention.label = "ORG"


# A stock ticker after a name: "Lowe's (LOW)", "Apple (NASDAQ: AAPL)", "Tesla Inc. (TSLA.O)".
_EXCHANGES = r"(?:NYSE|NASDAQ|Nasdaq|LSE|TSX|ASX|NSE|BSE|HKEX|SGX)\s*:\s*"
_TICKER = re.compile(r"[’']?s?\s*\((?P<exchange>" + _EXCHANGES + r")?(?P<code>[A-Z]{2,5}(?:\.[A-Z]{1,2})?)\)")
# News agencies after a dateline: "WASHINGTON (AP)" names no company.
_AGENCIES = frozenset("AP AFP UPI CNN BBC IANS PTI ANI EFE DPA ANSA APA".split())


def relabel_tickers(mentions: list[Mention], text: str) -> None:
    """A name the model took for a person or a product, followed by its stock ticker, is a
    listed company ("Lowe's (LOW)" is no person named Lowe). Places are left alone: "the
    United Arab Emirates (UAE)" writes an abbreviation, not a ticker; so is a person's full
    name, a given name and a family name, with no exchange: that is their party ("Cllr Tom
    Fitzgerald (FG)", "Aisling Doyle (SF)")."""
    for mention in mentions:
        found = _TICKER.match(text, mention.end) if mention.label in {"PERSON", "PRODUCT"} else None
        if found is None or found.group("code") in _AGENCIES:
            continue
        parts = bare_name(mention.text).split()
        if (
            not found.group("exchange")
            and len(parts) >= 2
            and is_given_name(parts[0])
            and is_surname(parts[-1])
        ):
            continue  # "Cllr Tom Fitzgerald (FG)": a person's party, not a ticker
        mention.label = "ORG"
