"""RSS and Atom feeds as article fields, one set per entry, through feedparser. Pure: takes the feed's
bytes, no I/O.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

import feedparser

from claimledger import vocab
from claimledger.reading.webpage import main_text, prose

_PROLOG = re.compile(r"(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)*", re.DOTALL | re.IGNORECASE)
_ROOT = re.compile(r"<(?:[\w.-]+:)?([\w.-]+)")


class BadFeed(ValueError):
    """A feed that yields no entries: malformed, or not a feed at all; the message says which."""


@dataclass(frozen=True)
class FeedEntry:
    """One entry's article fields, its place in the feed (1-based) and its stable external id."""

    position: int
    external_id: str
    fields: dict[str, Any]


@dataclass(frozen=True)
class FeedRead:
    """A feed's entries, and what was wrong with it when that cost an entry."""

    entries: list[FeedEntry]
    problem: str | None = None


@lru_cache(maxsize=1)
def _roots() -> frozenset[str]:
    return frozenset(str(r) for r in vocab.load("web_input")["feed_roots"])


def sniff_bytes() -> int:
    """How much of a file's start root_name needs."""
    return int(vocab.load("web_input")["feed_sniff_bytes"])


def root_name(head: bytes) -> str | None:
    """The local name of the first element in the start of an XML file ("rss", "feed", "urlset")."""
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff")
    prolog = _PROLOG.match(text)  # always matches, perhaps nothing
    found = _ROOT.match(text, prolog.end() if prolog else 0)
    return found.group(1) if found else None


def is_feed_root(head: bytes) -> bool:
    """Whether an XML file starting with `head` is an RSS or Atom feed."""
    return root_name(head) in _roots()


def _closes_its_root(raw: bytes) -> bool:
    names = "|".join(re.escape(r) for r in sorted(_roots()))
    return re.search(rb"</(?:[\w.-]+:)?(?:" + names.encode() + rb")\s*>", raw) is not None


def _why(exc: Any) -> str:
    """feedparser's complaint in a few words: "unclosed token at line 6"."""
    if hasattr(exc, "getMessage") and hasattr(exc, "getLineNumber"):  # the SAX parser's errors
        return f"{exc.getMessage()} at line {exc.getLineNumber()}"
    return str(exc) or type(exc).__name__


def _text(detail: Any) -> str:
    """The text of a feedparser text construct: HTML goes through the page rules (main_text) rather than
    a bare tag strip, so an entry's share links, captions and script are dropped as a page's are."""
    if not detail or not str(detail.get("value") or "").strip():
        return ""
    value = str(detail["value"])
    return main_text(value) if "html" in str(detail.get("type") or "text/html") else prose(value)


def _when(parsed: Any) -> datetime | None:
    # feedparser gives every date as a UTC struct_time; naive UTC is how the other readers store dates
    return datetime(*parsed[:6]) if parsed else None


def _external_id(entry: Any, title: str, published: datetime | None, body: str) -> str:
    """The entry's id (RSS guid, Atom id), else its link: the same entry read again is the same document.
    With neither, a digest of what names it, so a re-read still matches."""
    named = str(entry.get("id") or entry.get("link") or "").strip()
    if named:
        return named
    key = f"{title}|{published.isoformat() if published else ''}" if title else body
    return "sha256:" + hashlib.sha256(key.encode("utf-8", errors="replace")).hexdigest()[:16]


def _entry(position: int, entry: Any, outlet: str | None) -> FeedEntry:
    title = " ".join(_text(entry.get("title_detail")).split())
    published = _when(entry.get("published_parsed") or entry.get("updated_parsed"))
    # the full content when the feed carries it, else the summary (often a teaser of the same text)
    texts = (_text(detail) for detail in [*(entry.get("content") or []), entry.get("summary_detail")])
    body = prose(next((t for t in texts if t), ""), title=title)
    fields = {"title": title, "outlet": outlet, "url": str(entry.get("link") or "") or None,
              "published_at": published, "body": body}
    return FeedEntry(position, _external_id(entry, title, published, body), fields)


def read_feed(raw: bytes) -> FeedRead:
    """One FeedEntry per entry of an RSS or Atom feed, the feed's title as every entry's outlet. Raises
    BadFeed when the feed yields no entry because it is malformed or no feed. A feed cut short loses its
    last entry, which may be cut short too, and says so in `problem`."""
    # bytes, never text: feedparser takes a string for a URL or a file name and would fetch or open it
    parsed = feedparser.parse(raw)
    entries = list(parsed.entries)
    if parsed.bozo and not entries:
        raise BadFeed(f"not a well-formed feed ({_why(parsed.get('bozo_exception'))}) and no entry could be read")
    if not parsed.get("version") and not entries:
        raise BadFeed("not an RSS or Atom feed")
    outlet = " ".join(_text(parsed.feed.get("title_detail")).split()) or None
    problem = None
    # feedparser reads past many faults (an undefined entity, a wrong charset) and its entries are whole;
    # only a file that never closes its root element ends inside its last entry
    if parsed.bozo and not _closes_its_root(raw):
        problem = (f"the feed is cut short ({_why(parsed.get('bozo_exception'))}); its last entry was left out "
                   f"as it may be incomplete, {len(entries) - 1} read")
        entries = entries[:-1]
    return FeedRead([_entry(i, e, outlet) for i, e in enumerate(entries, start=1)], problem)
