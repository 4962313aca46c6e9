"""Recognise page furniture by what it says: menus, prompts, credits, footers.

These are short closed-class phrases that every news site uses and no statistical feature
separates reliably from a one-line paragraph ("Share this article" is short prose). They
are matched on a whole line, and only on lines short enough to be labels.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from newsmill.extract.lines import Line, unspaced
from newsmill.model import BoilerplateReason as Reason

_I = re.I

_SEPARATOR = re.compile(r"^[\W_]+$")
# Menus and breadcrumbs: short items joined by pipes, bullets or chevrons.
_MENU_JOINERS = re.compile(r"\s+(?:\||•|·|»|›|>|/)\s+")
_NAVIGATION = re.compile(
    r"^(?:skip to (?:main )?(?:content|navigation)|skip navigation|skip links|toggle navigation|"
    r"main menu|navigation menu|menu|"
    r"search|home(?:page)?|sign in|log ?in|log out|register|my account|subscribe now|"
    r"you are here:?.*|close|back to top|go to top|next article|previous article|"
    r"privacy policy|terms of (?:use|service)|cookie (?:policy|settings)|contact us|about us|"
    r"accessibility|sitemap|site map|advertise with us|careers|(?:[a-z]+ )?edition|"
    r"latest news|top stories|breaking news|more news|save|saved|bookmark|key events|"
    r"listen(?: to this (?:article|story))?(?: \d+ min)?|leer en español|read in \w+|"
    r"for immediate release|accept(?: all)?(?: cookies)?|reject all|manage (?:preferences|cookies|settings)|"
    r"skip to (?:main )?content.*|skip to site index.*|print this (?:page|article)|text size|"
    r"close (?:this )?window|"
    r"open in app|write|get the app)$",
    _I,
)
_LIST_HEADER_TRENDING = re.compile(
    r"^(?:trending(?: now| stories| news| today)?|most (?:read|popular|viewed|shared|watched)"
    r"(?: stories| articles)?|popular(?: now| stories| today)?|top (?:stories|headlines)|"
    r"what(?:'|’)s hot|editor(?:'|’)s picks?|don(?:'|’)t miss)\s*[:\-–—]?$",
    _I,
)
_LIST_HEADER_RELATED = re.compile(
    r"^(?:related(?: (?:stories|articles|news|coverage|content|reading|links|posts))?|"
    r"more (?:on this(?: story| topic)?|from [\w .&'’-]{2,40}|stories|like this|in [\w ]{2,30})|"
    r"read more|read next|recommended(?: for you| stories| reading)?|see also|you may also like|"
    r"you might also like|also read|also on [\w .]{2,30}|further reading|in other news|"
    r"latest(?: stories| articles)?|related topics?|more on this story|more to explore|"
    r"explore more|top picks|keep reading|other (?:news|stories)|read also|"
    r"more (?-i:[A-Z])[\w&'’\-]+(?: (?-i:[A-Z])[\w&'’\-]+)?)\s*[:\-–—]?$",
    _I,
)
_READ_MORE = re.compile(
    r"^(?:read more|read also|also read|also see|see also|related|related story|related article|"
    r"related news|read next|read|recommended|more on this|more|watch|listen|explainer|"
    r"analysis|live updates?|opinion|click here)\s*(?:[:\-–—|»>]|\bhere\b)\s*\S",
    _I,
)
_SHARE = re.compile(
    r"^(?:share(?: this| the)?(?: article| story| page| post| video)?(?: on [\w ]+| via [\w ]+)?|"
    r"click to (?:share|email|print)[\w ]*(?:\(opens in new window\))?|\d[\d,.]*k? shares?|"
    r"share or comment on this article|share (?:this )?(?:with|via) [\w ]+|"
    r"share|tweet|email|e-mail|print|whatsapp|facebook|twitter|x|linkedin|pinterest|reddit|"
    r"telegram|flipboard|bluesky|threads|messenger|sms|instagram|tumblr|mastodon|"
    r"copy link|copied|link copied|copy link copied|follow us(?: on [\w ,&]+)?|like us on facebook|"
    r"social sharing|share (?:this|on)|shares?|post|license|like|like loading\.*|loading\.*|follow|"
    r"\d[\d,.]*[km]?|\d[\d,.]*[km]? (?:likes?|restacks?|followers|following|reactions?)\s*[∙·•]?|"
    r"why you can trust [\w .&'’\-]{2,40}|[\w ]{2,30} badge|"
    r"follow [\w .]+ on (?:twitter|x|facebook|instagram)(?: [@\w.]+)?|font size|"
    r"share (?:this|the) (?:article|story|post|page|video) (?:in|on|with|via) (?:your |the )?[\w ]+|"
    r"\d{1,2} min(?:ute)?s? read|read(?:ing)? time\s*:?\s*\d{1,2}(?:\s*-\s*\d{1,2})? min(?:ute)?s?|"
    r"(?:facebook|twitter|whatsapp|linkedin|email|x)(?:\s*[|•·,]\s*(?:facebook|twitter|whatsapp|"
    r"linkedin|email|x|telegram|reddit|print|copy link))+)\s*[:!.]?$",
    _I,
)
# Longer prompts beside the share buttons.
_SHARE_SENTENCE = re.compile(
    r"^(?:save (?:articles|stories|this article) (?:to|for) read(?:ing)? later)\b", _I
)
_NEWSLETTER = re.compile(
    r"\b(?:newsletters?|inbox|unsubscribe|download (?:the|our) (?:[\w&'’\-]+ ){0,4}app|get the app|"
    r"delivered (?:to|straight to) your)\b|^[\w,.+ ]{0,25}\b(?:paid )?subscribers$|"
    r"^(?:sign up|subscribe|get (?:the|our)|(?:enter|type) your e-?mail|join (?:us|our)|never miss|"
    r"thanks for reading|join [\w'’ ]{2,30} whatsapp channel|privacy notice\s*:|"
    r"support (?:local|quality|independent|our) journalism|"
    r"this (?:article|story|content) is (?:only )?for subscribers|"
    r"already a subscriber|get (?:unlimited|full|digital|instant) [\w ]{0,20}access|"
    r"don(?:'|’)t miss|support (?:our|independent) journalism|become a (?:member|subscriber))\b",
    _I,
)
_ADVERTISEMENT = re.compile(
    r"^(?:advertisement|advertising|ad|ads|ad feedback|sponsored(?: content| links?)?|promoted(?: content)?|"
    r"story continues below(?: advertisement)?|article continues below(?: advertisement)?|"
    r"continue reading(?: below| the main story)?|scroll to continue(?: with content)?|"
    r"paid (?:content|partner content))\s*[:.]?$",
    _I,
)
_COPYRIGHT = re.compile(
    r"©|\(c\)\s*(?:19|20)\d\d|^copyright\b|\ball rights reserved\b|"
    r"\bmay not be (?:published|reproduced|broadcast|rewritten|redistributed)\b",
    _I,
)
_TAGS = re.compile(
    r"^(?:tags?|topics?|themen|filed under|categories|category|keywords|subjects?)\s*(?:[:|]|$)|"
    r"^(?:explore )?more on these topics\s*:?$|"
    r"^#[^\W_][\w\-]*(?:\s+[\w\-]+){0,3}(?:\s+#[^\W_][\w\-]*(?:\s+[\w\-]+){0,3})+$",  # hashtags
    _I,
)
_COMMENTS = re.compile(
    r"^(?:\d+\s+comments?|comments?(?: \(?\d+\)?)?(?: closed)?|discussion about this (?:post|article|story)|"
    r"[^\W\d_][\w.'’\- ]{0,40} (?:says|said|wrote)\s*:|(?:show|view|hide|load|read) (?:all |more )?comments?|"
    r"reply(?:\s*[·•|]\s*\d+ likes?)?|\d+ (?:likes?|replies|repl(?:y|ies)))"
    r"\s*[:.]?$|"
    r"^(?:leave a (?:comment|reply)|join the (?:conversation|discussion|debate)|post a comment|"
    r"be the first to comment|(?:sign|log) in to (?:post a )?comment|comments are closed|"
    r"have your say|\d+ (?:thoughts|responses|comments|replies) (?:on|to)\b)",
    _I,
)
_CAPTION = re.compile(
    r"^(?:photo|image|picture|file photo|photograph|video|credit|illustration|graphic|foto|фото)"
    r"(?: credit)?\s*[:|/]|"
    r"(?:\(|\||—|–|-)\s*(?:photo|image|picture|file photo|credit|foto|фото)(?: credit)?\s*:?\s*[\w .&/]+\)?$|"
    # "PHOTO | FILE | NATION MEDIA GROUP"; "(pictured)", "(left)" beside a name.
    r"\bphoto\s*\|\s*[\w .&/|]{2,60}$|"
    r"\((?:pictured|above|below|left|right|centre|center|inset)\b[^()]{0,40}\)|"
    # A trailing parenthesised credit: "(ABC News: Jane Doe)", "(Jane Doe/Reuters)".
    r"\((?-i:[A-Z])[\w&.'’\-]*(?: [\w&.'’\-]+){0,3}: (?-i:[A-Z])[^():]{2,40}\)$|"
    r"\((?-i:[A-Z])[^()/]{1,40}/(?-i:[A-Z])[^()/]{1,40}\)$|"
    r"\bretrieved from [\w .&'’\-]{2,40}(?: on [\w ,]{4,20})?$|"
    r"^(?:image|photo|picture|video) (?:copyright|source|caption|credit)s?\b|"
    r"\bcredit\s*(?:\.\.\.|…)|"
    r"(?:[.,;]|\s)\s*(?:photo|image|picture|file photo|photograph)s?\s*:\s*[\w .&/'’\-]{2,60}$|"
    r"\((?:photo )?courtesy(?: of)? [^()]{2,60}\)$|"
    # A trailing bracketed credit: "... on Sunday [AFP]", "[Marwan Ali/AP Photo]".
    r"\[(?:file:?\s*)?[^\[\]]{0,40}(?:\b(?:afp|reuters|ap|epa|getty(?: images)?|anadolu|photo)|/)"
    r"[^\[\]]{0,40}\]$|"
    r"\b(?:getty images|afp via getty|ap photo|reuters/[\w ]+|epa-efe)\b",
    _I,
)
_FOOTER = re.compile(
    r"^(?:terms (?:&|and) conditions|privacy(?: policy| notice)?|cookie(?:s| policy| preferences)|"
    r"powered by [\w .]+|all content copyright|contact|feedback|corrections policy|"
    r"reuse this content)$",
    _I,
)
# Sentences that only news-site templates write: print notes, disclaimers, consent banners.
_TEMPLATE_SENTENCE = re.compile(
    r"^(?:a version of this (?:article|story) (?:appears|appeared) in print\b|"
    r"the views expressed (?:in this (?:article|piece|column) )?are\b|"
    r"this (?:article|story) (?:was|has been) (?:originally )?(?:published|updated|amended|corrected)\b|"
    r"we (?:value|care about) your privacy\b|this (?:site|website) uses cookies\b|"
    r"(?:we|we and our partners) use cookies\b|we and our \d+ partners\b|"
    r"(?:forward-looking statements|safe harbou?r statement|"
    r"cautionary (?:note|statement)(?: regarding forward-looking statements)?)\s*:?$|"
    r"by (?:continuing|using this site)[\w ,]+you (?:agree|consent)\b|"
    r"media contact\s*:|for more information,? (?:please )?(?:contact|visit)\b|###$|"
    r"\(?this (?:story|article|report) has not been edited by\b|"
    # A print credit: "Published in Dawn, February 28th, 2022".
    r"(?:published|appeared|printed) in (?:the )?(?-i:[A-Z])[\w.'’&\-]*(?: (?-i:[A-Z])[\w.'’&\-]*){0,3},"
    r" (?:on )?[\w ,.]{0,30}\d{4}\.?$|"
    r"(?:contact|email|reach) (?:the )?(?:reporter|writer|author|editor)\b.{0,80}@|"
    r"this (?:article|story|piece) (?:is|was) republished\b.{0,160}\bcreative commons\b|"
    r"(?:view|see|read) (?:all|more) (?:posts|articles|stories) by\b|"
    r"this (?:document|article|material|content) is subject to copyright\b|"
    r"if you (?:enjoyed|liked|value|appreciate) this (?:article|story|piece|post|reporting)\b|"
    r"follow @\w+ (?:on|for)\b|follow (?:[\w.']+ )?(?:full |complete |live )?coverage of\b|"
    # A wire's note to editors: "(ATTN: UPDATES with ...)", "(EDS: ...)".
    r"\((?:attn|eds|editors)\s*:)",
    _I,
)
# "Kurtenbach reported from Bangkok.", "Jane Doe contributed reporting from Paris."
_CREDIT_SENTENCE = re.compile(
    r"^[^\W\d_][\w'’.\- ,]{1,120}? "
    r"(?:reported|contributed(?: reporting)?|contributed to this (?:report|article)|"
    r"wrote this (?:report|article)|reported and wrote)(?: from [\w ,.'’\-]{2,60}| this report)?\.?$",
)

# "About the author", "Source: Al Jazeera and news agencies": who wrote or supplied the story.
_CREDIT_LINE = re.compile(
    r"^(?:about the authors?|source\s*:\s*[\w ,&.'’\-]{2,60}?(?:news agencies|agencies|wires?)?|"
    # "Reporting from Kharkiv, Ukraine" under a byline; "News provided by" above a company name.
    r"reporting from [\w ,.'’\-]{2,60}|"
    r"(?:news|content|story) (?:provided|supplied) by(?:\s*:?\s+[\w ,.&'’\-]{2,60})?)"
    r"\s*\.?$",
    _I,
)

# Legal and consent text long enough to pass for a paragraph: forward-looking statement
# disclaimers under press releases, consent banners, privacy notices under sign-up forms.
_LEGAL = re.compile(
    r"^(?:(?:this|the) (?:press release|news release|release|announcement|document|communication) "
    r"(?:contains|includes|may contain) (?:certain )?forward-looking statements\b|"
    r"we and our \d+ (?:partners|vendors)\b)",
    _I,
)
# Items joined into one line ("Share - Copy Link copied - Email - Facebook",
# "Print this page | Close window") that are each a prompt or a menu entry.
_ITEM_JOINERS = re.compile(r"\s+(?:\||•|·|∙|-|–|—)\s+")
# A list heading with its items run into one line: "MOST READ - First story - Second story".
_JOINED_LIST = re.compile(
    r"^(?P<head>most (?:read|popular|viewed|shared)|trending(?: now| stories)?|top stories|popular(?: now)?|"
    r"related(?: stories| articles| news)?|more stories|read more|latest(?: news| stories)?)"
    r"\s*(?:[:|]|\s[-–—])\s+\S.*\s(?:[-–—|•·])\s+\S",
    _I,
)

# Words that make a line a label even inside otherwise long lines: a menu of them.
_MENU_WORDS = frozenset(
    [
        "home",
        "news",
        "world",
        "business",
        "sport",
        "sports",
        "politics",
        "opinion",
        "culture",
        "lifestyle",
        "tech",
        "technology",
        "science",
        "health",
        "entertainment",
        "travel",
        "video",
        "videos",
        "podcasts",
        "weather",
        "markets",
        "money",
        "economy",
        "local",
        "national",
        "international",
        "us",
        "uk",
        "europe",
        "asia",
        "africa",
        "americas",
        "middle",
        "east",
        "latest",
        "live",
        "login",
        "subscribe",
        "search",
        "menu",
        "more",
    ]
)


_PHRASES = Path(__file__).parent / "data" / "furniture_phrases.tsv"


@lru_cache(maxsize=1)
def _phrases() -> tuple[re.Pattern[str], dict[str, tuple[Reason, int]]]:
    """Furniture phrases of other languages (data/furniture_phrases.tsv): one anchored pattern
    (longest phrase first) and each phrase's reason and most words."""
    table: dict[str, tuple[Reason, int]] = {}
    for raw in _PHRASES.read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            reason, phrase, most = raw.split("\t")
            table[phrase.casefold()] = (Reason(reason), int(most))
    # A spaced script's phrase ends at a word boundary ("teilen", not "teilnehmer").
    alternatives = [
        re.escape(phrase) + ("" if unspaced(phrase[-1]) or not phrase[-1].isalpha() else r"(?!\w)")
        for phrase in table
    ]
    pattern = re.compile(r"[\s•·*\-–—]*(" + "|".join(sorted(alternatives, key=len, reverse=True)) + ")")
    return pattern, table


def _phrase_reason(line: Line) -> Reason | None:
    pattern, table = _phrases()
    found = pattern.match(line.text.casefold())
    if found is None:
        return None
    reason, most = table[found.group(1)]
    return reason if line.n_words <= most else None


def furniture_reason(line: Line) -> Reason | None:
    """The reason ``line`` is page furniture, judged from the line alone, else ``None``."""
    text = line.text
    if (phrased := _phrase_reason(line)) is not None:
        return phrased
    if _SEPARATOR.match(text):
        return Reason.SEPARATOR
    if line.n_words <= 80 and _LEGAL.match(text):
        return Reason.FOOTER
    if line.n_words <= 80 and re.match(r"privacy notice\s*:", text, _I):
        return Reason.NEWSLETTER  # the notice under a newsletter sign-up form
    joined = _JOINED_LIST.match(text)
    if joined is not None:
        return list_header_text(joined.group("head")) or Reason.LINK_LIST
    items = [item.strip() for item in _ITEM_JOINERS.split(text)]
    if len(items) >= 2 and all(_SHARE.match(item) or _NAVIGATION.match(item) for item in items):
        return Reason.SHARE_PROMPT if any(_SHARE.match(item) for item in items) else Reason.NAVIGATION
    if line.n_words > 40:
        return None
    if _COPYRIGHT.search(text):
        return Reason.COPYRIGHT
    if _TAGS.match(text):
        return Reason.TAGS
    if line.n_words <= 40 and _TEMPLATE_SENTENCE.match(text):
        return Reason.FOOTER
    if line.n_words <= 25 and _CREDIT_SENTENCE.match(text):
        return Reason.CREDITS
    if line.n_words <= 10 and _CREDIT_LINE.match(text):
        return Reason.CREDITS
    if line.n_words <= 20 and _READ_MORE.match(text):
        return Reason.READ_MORE
    if line.n_words <= 20 and _SHARE_SENTENCE.match(text):
        return Reason.SHARE_PROMPT
    if line.n_words <= 10:
        for pattern, reason in (
            (_ADVERTISEMENT, Reason.ADVERTISEMENT),
            (_SHARE, Reason.SHARE_PROMPT),
            (_NAVIGATION, Reason.NAVIGATION),
            (_FOOTER, Reason.FOOTER),
        ):
            if pattern.match(text):
                return reason
    if line.n_words <= 15 and _COMMENTS.match(text):
        return Reason.COMMENTS
    if is_menu(line):
        return Reason.NAVIGATION
    if line.n_words <= 30 and _NEWSLETTER.search(text):
        return Reason.NEWSLETTER
    if line.n_words <= 25 and _CAPTION.search(text) and not line.terminal:
        return Reason.CAPTION
    return None


def is_menu(line: Line) -> bool:
    """Short items joined by pipes or bullets, or a run of section names."""
    if re.match(r"by\s", line.text, _I):
        return False  # "By JANE DOE | jdoe@example.com | The Courier" is a byline
    if re.match(r"home\s*(?:/|>|›|»)\s*\S", line.text, _I):
        return True  # a breadcrumb: "Home / India News / ...", "Home > Politics"
    items = [item for item in _MENU_JOINERS.split(line.text) if item.strip()]
    # A row of a table ("Orkney | 171 | 166 | -3%", "Region | 2023 | 2024") holds figures; a
    # menu's items are words.
    figures = sum(any(c.isdigit() for c in item) for item in items[1:])
    if len(items) >= 3 and all(len(item.split()) <= 4 for item in items) and figures * 2 < len(items) - 1:
        return True
    lowered = [w.lower() for w in line.words]
    return (
        len(lowered) >= 3
        and sum(w in _MENU_WORDS for w in lowered) >= 0.75 * len(lowered)
        and not line.terminal
    )


def list_header(line: Line) -> Reason | None:
    """A heading that introduces a list of links: which kind of list follows."""
    if line.n_words > (12 if unspaced(line.text) else 6):  # Thai's combining marks split words
        return None
    return list_header_text(line.text)


def list_header_text(text: str) -> Reason | None:
    if _LIST_HEADER_TRENDING.match(text):
        return Reason.TRENDING_HEADLINE
    if _LIST_HEADER_RELATED.match(text):
        return Reason.LINK_LIST
    # A read-more or most-read phrase of another language standing alone heads a list.
    found = _phrases()[1].get(text.strip().rstrip(":：").strip().casefold())
    if found is not None and found[0] in (Reason.READ_MORE, Reason.LINK_LIST):
        return Reason.LINK_LIST
    if found is not None and found[0] is Reason.TRENDING_HEADLINE:
        return Reason.TRENDING_HEADLINE
    return None
