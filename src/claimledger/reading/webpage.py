"""Saved web pages as article fields, through trafilatura: the main text without the page's furniture
(navigation, cookie banners, share counts, gallery counters, related links, comments, script), and the
title, publication date, site name and address the page's markup states. Pure: takes the page, no I/O.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from trafilatura import bare_extraction, load_html
from trafilatura.settings import Document

from claimledger import vocab
from claimledger.reading.pagedate import marked_date

# trafilatura dates the page too; its htmldate call reads the visible text as a last resort, so the
# date kept is pagedate's. Fast mode here only spares that first call the search through the text.
_TRAFILATURA_DATE_PARAMS: dict[str, Any] = {"extensive_search": False, "original_date": True}


class NoMainText(ValueError):
    """A page in which trafilatura finds no main text; the message says so in a few words."""


@lru_cache(maxsize=1)
def _trailer() -> re.Pattern[str]:
    patterns = vocab.load("web_input")["trailer_lines"]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _squeezed(text: str) -> str:
    return " ".join(text.split()).casefold()


def prose(text: str, *, title: str = "") -> str:
    """Extracted text as the other readers give a body: one paragraph per line, a blank line between
    (sentences are never split across paragraphs), less a first line that repeats the headline (it is
    the title section already; twice, its figures would be claimed twice) and less feed trailers."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if lines and title and _squeezed(lines[0]) == _squeezed(title):
        lines = lines[1:]
    return "\n\n".join(line for line in lines if not _trailer().fullmatch(line))


def read_page(page: bytes | str) -> dict[str, Any]:
    """Title, outlet (site name), url (canonical or og:url), published_at (an ISO day, or None) and body
    of a saved page. Raises NoMainText when the page has no main text."""
    # bytes, not text: trafilatura then honours the page's declared charset (a saved page need not be UTF-8)
    tree = load_html(page)
    if tree is None:
        raise NoMainText("no main text found (not an HTML page, or an empty one)")
    # favor_precision: in its balanced mode trafilatura falls back to the whole page's text when the main
    # text is short, and a page of navigation alone comes back as "Home / News / Weather" (see the tests)
    found = bare_extraction(tree, with_metadata=True, include_comments=False, include_images=False,
                            favor_precision=True, date_extraction_params=dict(_TRAFILATURA_DATE_PARAMS))
    if not isinstance(found, Document):
        raise NoMainText("no main text found (the page holds only navigation, markup or nothing)")
    title = (found.title or "").strip()
    body = prose(found.text or "", title=title)
    if not body:
        raise NoMainText("no main text found besides the headline")
    return {"title": title, "outlet": found.sitename or None, "url": found.url or None,
            "published_at": marked_date(tree, url=found.url), "body": body}


def main_text(fragment: str) -> str:
    """The prose of an HTML fragment (a feed entry's content) by the same rules as a page's main text, so
    an entry's share links, image captions ("Photo 1 of 4") and script stay out of its body; "" when
    there is none."""
    # balanced, not favor_precision: an entry is the publisher's chosen text, with no navigation to fall back
    # to, and a one-line summary must survive
    found = bare_extraction(f"<html><body><article>{fragment}</article></body></html>", include_comments=False,
                            include_images=False)
    return prose(found.text or "") if isinstance(found, Document) else ""
