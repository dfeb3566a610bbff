"""The publication date a saved page's markup states, through htmldate, never a date its prose
mentions. Pure: works on a parsed page, no I/O.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from htmldate import find_date

from claimledger import vocab

_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")  # "datePublished" -> date, Published; "entry-date"


@lru_cache(maxsize=1)
def _marks() -> tuple[frozenset[str], frozenset[str]]:
    data = vocab.load("web_input")
    return frozenset(data["date_marked_tags"]), frozenset(str(w).lower() for w in data["date_marked_words"])


@lru_cache(maxsize=1)
def _field_chars() -> int:
    return int(vocab.load("web_input")["date_field_chars"])


def _marks_a_date(element: Any) -> bool:
    tags, words = _marks()
    if element.tag in tags:
        return True
    if element.tag == "script":  # JSON-LD carries datePublished; other script is code
        return "json" in (element.get("type") or "")
    names = " ".join(element.get(key) or "" for key in ("class", "id", "itemprop"))
    # a wrapper named "post-meta-wrap" around the whole story is no date field: its text is long
    return any(w.lower() in words for w in _WORD.findall(names)) and len(element.text_content()) <= _field_chars()


def _blank_unmarked_text(tree: Any) -> None:
    """Empty every text of the page that no date markup holds, in place. htmldate's fast mode still reads
    the visible text as a last resort (ISO dates, "Published: 11.03.2025"), and the headline and footer
    as candidates; here they hold nothing, so what it finds is what the markup marks."""
    kept: set[Any] = set()
    for element in tree.iter():
        inside = element.getparent() in kept
        if inside or (isinstance(element.tag, str) and _marks_a_date(element)):  # a comment's tag is no str
            kept.add(element)
        else:
            element.text = None
        if not inside:  # a tail is its parent's text
            element.tail = None


def marked_date(tree: Any, *, url: str | None) -> str | None:
    """The page's publication day as YYYY-MM-DD, from its markup and address only; None when it marks
    none. `tree` is a parsed page (trafilatura.load_html) and is emptied of its text."""
    _blank_unmarked_text(tree)
    # original_date: the publication date wins over a later "updated"; extensive_search off: no free text
    return find_date(tree, extensive_search=False, original_date=True, url=url)
