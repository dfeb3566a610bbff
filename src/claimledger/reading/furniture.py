"""Page furniture a crawler leaves in a body: gallery counters, share counts, "Posted ... Updated"
stamps, links to other stories, navigation and script. Numbers on such lines are never claims.

The patterns are data (`data/claim_scope.yaml`); a line is furniture when one of them matches it
from its start, or when it reads as code.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from claimledger import vocab
from claimledger.extraction.phrases import alternation


@lru_cache(maxsize=1)
def _line_pattern() -> re.Pattern[str]:
    patterns = vocab.load("claim_scope")["furniture_lines"]
    return re.compile(r"^\s*(?:" + "|".join(f"(?:{p})" for p in patterns) + r")", re.IGNORECASE)


@lru_cache(maxsize=1)
def _code_rules() -> tuple[re.Pattern[str], float, re.Pattern[str]]:
    data = vocab.load("claim_scope")
    # any code word anywhere in the line, as one scan of the line rather than one per word
    words = re.compile(alternation(data["code_words"]))
    # any one code character: findall counts them all in one pass
    chars = re.compile("[" + re.escape(str(data["code_chars"])) + "]")
    return chars, float(data["code_char_share"]), words


def _is_code(line: str) -> bool:
    """A script or markup fragment: dense in code characters and holding a code word."""
    chars, share, words = _code_rules()
    stripped = line.strip()
    if len(stripped) < 12:
        return False
    # the cheap test first: prose is rarely dense in code characters
    if len(chars.findall(stripped)) / len(stripped) < share:
        return False
    return words.search(stripped.lower()) is not None


@lru_cache(maxsize=1)
def _anywhere() -> tuple[int, tuple[str, ...]]:
    data = vocab.load("claim_scope")
    return int(data["short_line"]), tuple(str(w).lower() for w in data["furniture_anywhere"])


@lru_cache(maxsize=1)
def _bullet_rules() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    data = vocab.load("claim_scope")
    bullet = re.compile(r"^\s*[" + re.escape(str(data["bullet_marks"])) + r"]")
    links = re.compile(r"^\W*" + str(data["link_list_headings"]), re.IGNORECASE)
    return bullet, links, vocab.word_set("reporting_verbs", "strong")


def is_bullet(line: str) -> bool:
    return _bullet_rules()[0].match(line) is not None


def is_furniture_line(line: str, lead_in: str | None = None) -> bool:
    """Whether one line of a body is page furniture rather than prose; `lead_in` is the line that
    introduces a bulleted line's list, if any."""
    if not line.strip():
        return False
    short, words = _anywhere()
    if len(line) < short and any(w in line.lower() for w in words):
        return True
    if _line_pattern().match(line) is not None or _is_code(line):
        return True
    if is_bullet(line):
        _, links, reporting = _bullet_rules()
        if lead_in and lead_in.strip():
            return links.match(lead_in) is not None  # "Related coverage" then links; "Key points" then facts
        return len(line) < short and reporting.isdisjoint(re.findall(r"[a-z]+", line.lower()))
    return False


class FurnitureMap:
    """The furniture lines of a text, for asking whether a position lies on one."""

    def __init__(self, text: str) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        cursor = 0
        lead_in: str | None = None  # the line right above the current run of bulleted lines
        previous, previous_bullet = "", False
        for line in text.split("\n"):
            end = cursor + len(line)
            bullet = is_bullet(line)
            if bullet and not previous_bullet:
                lead_in = previous
            if ("\n" in text or len(line) < 300) and is_furniture_line(line, lead_in if bullet else None):
                self._starts.append(cursor)
                self._ends.append(end)
            previous, previous_bullet, cursor = line, bullet, end + 1

    def __bool__(self) -> bool:
        return bool(self._starts)

    def covers(self, position: int) -> bool:
        """Whether `position` lies on a furniture line."""
        i = bisect_right(self._starts, position) - 1
        return i >= 0 and position < self._ends[i]
