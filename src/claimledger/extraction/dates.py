"""Find date expressions and resolve them against the publication date, keeping their precision."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from claimledger.extraction.phrases import at_word_starts

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
          r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december")
# Month and weekday names, lower-cased: words that name a time, not a person, a place or a group.
CALENDAR_WORDS = frozenset(MONTH_NAMES) | frozenset(_WEEKDAYS)
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"

# Each pattern with the characters that may not come right before it (None: the pattern says itself). A
# pattern that opens with a letter or digit of a known set is scanned for that set by the regex engine,
# many times faster than one opening with a word boundary or a look-behind, which is tried at every
# position; so the boundary is checked apart (phrases.at_word_starts), with the same result.
_NOT_AFTER_WORD = re.compile(r"\w")
_PATTERNS: list[tuple[str, re.Pattern[str], re.Pattern[str] | None]] = [
    ("iso", re.compile(_YEAR + r"-(?P<mnum>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])\b"), _NOT_AFTER_WORD),
    # Patterns are anchored on their month, day or weekday; an optional weekday or "last"/"on" in front
    # is looked up in find_dates, since a leading optional alternation is tried at every word.
    ("month_day", re.compile(_MONTH + r"\s+" + _DAY + r"\b(?:,?\s+" + _YEAR + r"\b)?"), _NOT_AFTER_WORD),
    ("day_month", re.compile(r"(?=\d)" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r")?\b"),
     re.compile(r"[\w.]")),
    ("month_year", re.compile(_MONTH + r",?\s+" + _YEAR + r"\b"), _NOT_AFTER_WORD),
    ("month", re.compile(r"\b(?:in|since|by|until|till|from|during|through|early|late|mid|last|this|next)[\s-]+"
                         r"(?:early\s+|late\s+|mid-?)?" + _MONTH + r"(?![\w])"), None),
    # A year is anchored on its digits; the word before it is checked in find_dates (a regex that
    # starts with an alternation of words is tried at every word and costs ten times more).
    ("year", re.compile(_YEAR + r"\b(?!\s*(?:%|percent))"), re.compile(r"[\w.,]")),
    ("decade", re.compile(r"\b(?:1[89]|20)\d0s\b|\b'?\d0s\b"), None),
    ("weekday", re.compile(_WEEKDAY + _PART + r"\b"), _NOT_AFTER_WORD),
    ("relative", re.compile(
        r"(?P<rel>[Yy]esterday|[Tt]oday|[Tt]onight|[Ll]ast\s+(?:week|month|year|night)|[Tt]his\s+(?:week|month|"
        r"year|morning)|[Ee]arlier\s+this\s+(?:week|month|year))\b"), _NOT_AFTER_WORD),
    ("ago", re.compile(
        r"\b(?P<rel>(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>days?|weeks?|months?|"
        r"years?)\s+ago)\b", re.IGNORECASE), None),
]


# The words a pattern opens with, when they are common letters' words ("this", "last") that no regex
# scan can skip to: str.find looks for each at memory speed and the pattern is tried only there.
_OPENING_WORDS = {"relative": ("yesterday", "today", "tonight", "last", "this", "earlier")}


def _at_opening_words(pattern: re.Pattern[str], text: str, not_after: re.Pattern[str],
                      words: tuple[str, ...]) -> Iterator[re.Match[str]]:
    """What at_word_starts gives, for a pattern that can only start where one of `words` (lower-case)
    starts in the lower-cased text."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a character that grows when lower-cased ("İ") shifts the offsets
        yield from at_word_starts(pattern, text, not_after)
        return
    starts: set[int] = set()
    for word in words:
        at = lowered.find(word)
        while at >= 0:
            starts.add(at)
            at = lowered.find(word, at + 1)
    pos = 0
    for start in sorted(starts):
        if start < pos or (start and not_after.match(text, start - 1)):
            continue
        if (m := pattern.match(text, start)) is not None:
            yield m
            pos = m.end()


_WEEKDAY_BEFORE = re.compile(_WEEKDAY + r",?\s+(?:the\s+)?$|\bthe\s+$")
_REL_BEFORE = re.compile(r"\b(?P<rel>last|this|next|on|by|since|late|early)\s+$")
_YEAR_CONTEXT = re.compile(r"(?:\b(?:in|since|by|until|till|from|during|through|of|before|after|year|early|late|mid|"
                           r"circa|the)\s+|[-–])$", re.IGNORECASE)
_SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10}


@dataclass(frozen=True)
class DateMention:
    """A date expression, its offsets, and its resolution (None when it cannot be resolved)."""

    start: int
    end: int
    text: str
    resolved: date | None
    precision: str  # "day", "week", "month", "year" or "decade"


def _month_of(name: str) -> int:
    return _MONTHS[name[:3].lower()]


def _nearest_year(month: int, day: int, weekday: str | None, published: date | None) -> int | None:
    """Year of a month-day without one: the latest such day not far after publication."""
    if published is None:
        return None
    for year in (published.year, published.year - 1, published.year + 1, published.year - 2):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if weekday and _WEEKDAYS[candidate.weekday()] != weekday.lower():
            continue
        # News talks mostly about the recent past; allow a week ahead for announced dates.
        if candidate <= published + timedelta(days=7):
            return year
    return None


def _resolve(kind: str, groups: dict[str, Any], published: date | None) -> tuple[date | None, str]:
    year = int(groups["year"]) if groups.get("year") else None
    if kind == "iso":
        try:
            return date(int(groups["year"]), int(groups["mnum"]), int(groups["day"])), "day"
        except ValueError:  # "2023-02-30" is written like a date but is none
            return None, "day"
    if kind in {"month_day", "day_month"}:
        month, day = _month_of(groups["month"]), int(groups["day"])
        year = year or _nearest_year(month, day, groups.get("weekday"), published)
        try:
            return (date(year, month, day) if year else None), "day"
        except ValueError:
            return None, "day"
    if kind == "month_year":
        return date(int(groups["year"]), _month_of(groups["month"]), 1), "month"
    if kind == "month":
        if published is None:
            return None, "month"
        month = _month_of(groups["month"])
        # The nearest such month: "in November" said in January is last November, "by December"
        # said in October is this December.
        year = min((published.year - 1, published.year, published.year + 1),
                   key=lambda y: abs((y - published.year) * 12 + month - published.month))
        return date(year, month, 1), "month"
    if kind == "year":
        return date(int(groups["year"]), 1, 1), "year"
    if kind == "decade":
        return None, "decade"
    if published is None:
        return None, "day"
    if kind == "weekday":
        target = _WEEKDAYS.index(groups["weekday"].lower())
        back = (published.weekday() - target) % 7
        if (groups.get("rel") or "").lower() == "next":
            return published + timedelta(days=(target - published.weekday()) % 7 or 7), "day"
        if (groups.get("rel") or "").lower() == "last" and back == 0:
            back = 7
        return published - timedelta(days=back), "day"
    rel = groups["rel"].lower()
    if kind == "ago":
        count = _SMALL.get(groups["n"].lower()) or int(groups["n"])
        unit = groups["unit"].lower().rstrip("s")
        days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * count
        return published - timedelta(days=days), "day" if unit in {"day", "week"} else unit
    if rel in {"today", "tonight", "this morning"}:
        return published, "day"
    if rel in {"yesterday", "last night"}:
        return published - timedelta(days=1), "day"
    if rel.endswith("week"):
        shift = 7 if rel.startswith("last") else 0
        monday = published - timedelta(days=published.weekday() + shift)
        return monday, "week"
    if rel.endswith("month"):
        first = published.replace(day=1)
        if rel.startswith("last"):
            first = (first - timedelta(days=1)).replace(day=1)
        return first, "month"
    if rel.endswith("year"):
        return date(published.year - (1 if rel.startswith("last") else 0), 1, 1), "year"
    return None, "day"


# Cheap tests that rule a family of patterns out before the costly regexes run; each runs once per text.
_HAS_MONTH = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_HAS_WEEKDAY = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")
_GATES: dict[str, Callable[[str], bool]] = {
    "month": lambda t: _HAS_MONTH.search(t) is not None,
    "weekday": lambda t: _HAS_WEEKDAY.search(t) is not None,
    "ago": lambda t: " ago" in t or " Ago" in t or " AGO" in t,  # plain substring tests run at memory speed
    "decade": lambda t: "0s" in t,
    "iso": lambda t: "-" in t,
}
# The gate each pattern needs passed, by the pattern's kind.
_GATE_OF = {"month_day": "month", "day_month": "month", "month_year": "month", "month": "month",
            "weekday": "weekday", "ago": "ago", "decade": "decade", "iso": "iso"}


def find_dates(text: str, published: date | None = None) -> list[DateMention]:
    """Date expressions in `text`, longest first where they overlap, in text order."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    passed: dict[str, bool] = {}
    for kind, pattern, not_after in _PATTERNS:
        gate = _GATE_OF.get(kind)
        if gate is not None:
            if gate not in passed:
                passed[gate] = _GATES[gate](text)
            if not passed[gate]:
                continue
        opening = _OPENING_WORDS.get(kind)
        found_here = (_at_opening_words(pattern, text, not_after, opening) if opening and not_after
                      else at_word_starts(pattern, text, not_after))
        for m in found_here:
            start, end = m.span()
            groups = dict(m.groupdict())
            if kind == "year":
                if not _YEAR_CONTEXT.search(text[max(0, start - 8) : start]):
                    continue
            elif kind in {"month_day", "day_month"}:
                before = _WEEKDAY_BEFORE.search(text[max(0, start - 16) : start])
                if before:  # "Saturday, Jan. 11": the weekday pins the year
                    start -= len(before.group())
                    groups["weekday"] = before.groupdict().get("weekday")
            elif kind == "weekday":
                before = _REL_BEFORE.search(text[max(0, start - 8) : start])
                if before:
                    groups["rel"] = before.group("rel")
                    if before.group("rel").lower() not in {"on", "by", "since"}:
                        start -= len(before.group())  # "last Tuesday" is one expression
            elif kind == "month":
                start = m.start("month")
                if groups_is_may_verb(text, m):
                    continue
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            resolved, precision = _resolve(kind, groups, published)
            found.append(DateMention(start, end, text[start:end], resolved, precision))
            taken.append((start, end))
    return sorted(found, key=lambda d: d.start)


def groups_is_may_verb(text: str, m: re.Match[str]) -> bool:
    """'May' after "in"/"by" is a month; elsewhere it is usually the verb."""
    return m.group("month") == "May" and not re.match(r"(?i)in|by|since|until|from|during|early|late|mid",
                                                      m.group())
