"""Whole-word, case-insensitive search for any of a list of cue phrases (a vocabulary's hedges, denials,
condition words), at the speed of the regex engine's literal scan.

A pattern such as `(?<![\\w-])(?:reportedly|believed to|...)(?![\\w-])` compiled with IGNORECASE is tried
at every position of the text: the look-behind, and case-insensitive letters, keep the engine from
jumping to the places where a phrase's first letter occurs. Searching the lower-cased text with the
lower-cased phrases, and checking the character before a match apart, finds the same matches several
times faster.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of `words`, escaped, longest first (so a phrase wins over its own first word);
    one that matches nothing when there are none."""
    return "|".join(re.escape(str(w)) for w in sorted(words, key=len, reverse=True)) or "(?!)"


def at_word_starts(pattern: re.Pattern[str], text: str, not_after: re.Pattern[str] | None) -> Iterator[re.Match[str]]:
    """pattern.finditer(text), less the matches right after a character `not_after` matches: the boundary
    a leading look-behind would check, checked apart so that the regex engine can scan for first letters.
    A match left out does not hide one that starts inside it (the search goes on from its next character)."""
    if not_after is None:
        yield from pattern.finditer(text)
        return
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        if m.start() and not_after.match(text, m.start() - 1):
            pos = m.start() + 1  # inside a longer word; a match may still start further on
            continue
        yield m
        pos = m.end()


class PhraseSearch:
    """Any of `phrases` (lower-case, starting and ending with a word character) as whole words: not
    preceded or followed by a character of `joins` (word characters, and hyphens by default)."""

    def __init__(self, phrases: Iterable[str], *, joins: str = r"[\w-]") -> None:
        any_phrase = alternation({str(p).lower() for p in phrases})
        self._lower = re.compile(rf"(?:{any_phrase})(?!{joins})")
        self._joins = re.compile(joins)
        # the text's own case, for the rare text whose lower-case form has another length ("İ")
        self._any_case = re.compile(rf"(?<!{joins})(?:{any_phrase})(?!{joins})", re.IGNORECASE)

    def finditer(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each match, in text order, none overlapping."""
        lowered = text.lower()
        if len(lowered) != len(text):
            yield from (m.span() for m in self._any_case.finditer(text))
            return
        yield from (m.span() for m in at_word_starts(self._lower, lowered, self._joins))

    def search(self, text: str) -> tuple[int, int] | None:
        """(start, end) of the first match, or None."""
        return next(self.finditer(text), None)
