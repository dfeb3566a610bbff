"""An article's publication date from its own text, when its file gives none.

Saved pages and pasted copy often carry the date only in the text: a stamp line ("Posted March 11,
2025 7:40 a.m.", "Published: 2025-03-11", "Updated 3 Nov 2025") or a dateline that names the year
("CASTOMAR, March 11, 2025 (LWS) -"). A date without a year ("March 11") cannot be resolved without
the date being looked for, so it is never used. Pure: no I/O.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from claimledger import vocab
from claimledger.extraction.dates import find_dates

# The opening lines of a body where a dateline or a date line stands, and how short a date line is.
_OPENING_LINES = 5
_DATE_LINE_CHARS = 60
_ISO_DATE = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")


@lru_cache(maxsize=1)
def _stamp_line() -> re.Pattern[str]:
    words = sorted((re.escape(str(w)) for w in vocab.load("claim_scope")["date_stamps"]), key=len, reverse=True)
    return re.compile(r"(?im)^[ \t]*(?:" + "|".join(words) + r")\b[^\n]*")


def _full_date(text: str) -> tuple[int, date] | None:
    """The first date in a text that names its day, month and year, with where it starts."""
    iso = _ISO_DATE.search(text)
    written = next((d for d in find_dates(text, None) if d.resolved and d.precision == "day"), None)
    found: list[tuple[int, date]] = []
    if iso:
        try:
            found.append((iso.start(), date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))))
        except ValueError:  # "2025-13-45" is no date
            pass
    if written and written.resolved:
        found.append((written.start, written.resolved))
    return min(found) if found else None


def _dateline_date(line: str) -> date | None:
    """A date line ("4 November 2025, 18:00") or a dateline ("CASTOMAR, March 11, 2025 (LWS) - ..."):
    a short line, or a date after nothing but capitals ("He was born on March 3, 1990" is neither)."""
    found = _full_date(line)
    if found is None:
        return None
    start, day = found
    return day if len(line.strip()) < _DATE_LINE_CHARS or not re.search(r"[a-z]", line[:start]) else None


def date_in_text(body: str) -> datetime | None:
    """The publication date a body states: a stamp line's date first, else a date line or dateline among
    its opening lines."""
    for stamp in _stamp_line().finditer(body):
        found = _full_date(stamp.group())
        if found:
            return _midnight(found[1])
    for line in [line for line in body.splitlines() if line.strip()][:_OPENING_LINES]:
        day = _dateline_date(line)
        if day:
            return _midnight(day)
    return None


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)
