"""Page metadata from HTML head and markup: JSON-LD, meta tags, <time>, the URL.

Order of trust for the publication date, as in Fundus and htmldate: JSON-LD
``datePublished``, then ``article:published_time``-style meta tags, then an ``itemprop`` or
``<time datetime>`` in the markup, then a date in the URL. Dates inside scripts other than
JSON-LD are never read (a known source of wrong dates in other extractors).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

_ARTICLE_TYPES = frozenset(
    {
        "newsarticle",
        "article",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "blogposting",
        "backgroundnewsarticle",
        "reviewnewsarticle",
        "liveblogposting",
        "socialmediaposting",
        "techarticle",
        "scholarlyarticle",
    }
)
_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "article.published",
    "publish-date",
    "publishdate",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "date",
    "cxenseparse:recs:publishtime",
)
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|-|_|\b)")


@dataclass(slots=True)
class PageMeta:
    title: str | None = None
    description: str | None = None
    authors: list[str] = field(default_factory=list)
    published: datetime | date | None = None
    published_by: str | None = None  # "jsonld", "meta", "html_time", "url"
    modified: datetime | date | None = None
    site_name: str | None = None
    language: str | None = None
    url: str | None = None
    section: str | None = None


def read_meta(tree: Any, url: str | None) -> PageMeta:
    """Metadata of a parsed page (``tree``: a selectolax ``LexborHTMLParser``)."""
    meta = PageMeta(url=url)
    _from_jsonld(tree, meta)
    tags = _meta_tags(tree)
    meta.title = meta.title or tags.get("og:title") or tags.get("twitter:title")
    if not meta.title:
        node = tree.css_first("title")
        meta.title = _clean(node.text()) if node is not None else None
    meta.description = meta.description or tags.get("og:description") or tags.get("description")
    meta.site_name = meta.site_name or tags.get("og:site_name") or tags.get("application-name")
    meta.url = meta.url or tags.get("og:url")
    meta.section = meta.section or tags.get("article:section")
    if not meta.authors:
        names = [
            tags.get(k) for k in ("author", "article:author", "byl", "parsely-author", "sailthru.author")
        ]
        meta.authors = _names([n for n in names if n and not n.startswith("http")])
    if meta.published is None:
        for key in _PUBLISHED_META:
            value = parse_iso(tags.get(key))
            if value is not None:
                meta.published, meta.published_by = value, "meta"
                break
    if meta.published is None:
        for node in tree.css("[itemprop=datePublished], time[datetime], time[pubdate]"):
            value = parse_iso(node.attributes.get("content") or node.attributes.get("datetime"))
            if value is not None:
                meta.published, meta.published_by = value, "html_time"
                break
    if meta.published is None and meta.url:
        found = _URL_DATE.search(meta.url)
        if found:
            try:
                meta.published = date(int(found[1]), int(found[2]), int(found[3]))
                meta.published_by = "url"
            except ValueError:
                pass
    html = tree.css_first("html")
    if html is not None:
        meta.language = meta.language or (html.attributes.get("lang") or None)
    return meta


def _meta_tags(tree: Any) -> dict[str, str]:
    tags: dict[str, str] = {}
    for node in tree.css("meta"):
        attributes = node.attributes
        key = attributes.get("property") or attributes.get("name") or attributes.get("itemprop")
        content = attributes.get("content")
        if key and content and content.strip():
            tags.setdefault(key.strip().lower(), _clean(content) or "")
    return tags


def _from_jsonld(tree: Any, meta: PageMeta) -> None:
    for node in tree.css('script[type="application/ld+json"]'):
        raw = node.text(deep=True) or ""
        try:
            data = json.loads(raw, strict=False)
        except (ValueError, RecursionError):
            continue
        for item in _walk_jsonld(data):
            types = item.get("@type")
            type_names = {
                t.lower() for t in (types if isinstance(types, list) else [types]) if isinstance(t, str)
            }
            if not type_names & _ARTICLE_TYPES:
                continue
            meta.title = meta.title or _text(item.get("headline")) or _text(item.get("name"))
            meta.description = meta.description or _text(item.get("description"))
            if not meta.authors:
                meta.authors = _names(_author_names(item.get("author")))
            if meta.published is None:
                value = parse_iso(_text(item.get("datePublished")) or _text(item.get("dateCreated")))
                if value is not None:
                    meta.published, meta.published_by = value, "jsonld"
            meta.modified = meta.modified or parse_iso(_text(item.get("dateModified")))
            meta.language = meta.language or _text(item.get("inLanguage"))
            meta.section = meta.section or _text(item.get("articleSection"))
            publisher = item.get("publisher")
            if isinstance(publisher, dict):
                meta.site_name = meta.site_name or _text(publisher.get("name"))
            return


def _walk_jsonld(data: Any, depth: int = 0) -> list[dict[str, Any]]:
    if depth > 6:
        return []
    if isinstance(data, list):
        return [item for element in data for item in _walk_jsonld(element, depth + 1)]
    if isinstance(data, dict):
        found = [data]
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
            if key in data:
                found.extend(_walk_jsonld(data[key], depth + 1))
        return found
    return []


def _author_names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [name for element in value for name in _author_names(element)]
    return []


def _names(values: list[str]) -> list[str]:
    names: list[str] = []
    for value in values:
        for part in re.split(r"\s*(?:,|;|\band\b|&)\s*", value):
            cleaned = _clean(re.sub(r"^by\s+", "", part, flags=re.I))
            if (
                cleaned
                and 1 <= len(cleaned.split()) <= 5
                and cleaned not in names
                and not cleaned.startswith("http")
            ):
                names.append(cleaned)
    return names


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    return _clean(value) if isinstance(value, str) else None


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    cleaned = " ".join(value.split())
    return cleaned or None


def parse_iso(value: str | None) -> datetime | date | None:
    """An ISO 8601 date or datetime (offset kept), or ``None``."""
    if not value:
        return None
    value = value.strip()
    match = re.match(
        r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?", value
    )
    if not match:
        return None
    if not 1900 <= int(match[1][:4]) <= date.today().year + 1:
        return None  # placeholder dates ("0001-01-01") and typos are no publication date
    try:
        if match[2] is None:
            return date.fromisoformat(match[1])
        zone = match[3] or ""
        if zone == "Z":
            zone = "+00:00"
        elif zone and ":" not in zone:
            zone = zone[:3] + ":" + zone[3:]
        return datetime.fromisoformat(f"{match[1]}T{match[2]}{zone}")
    except ValueError:
        return None
