"""What a number measures: a count, money, a percent, a measure, or a bare number.

Only counts enter the cross-article checks and the unsourced flag; the rest stay in `claims` with
their kind. Numbers that are not claims at all (ages, dates, phone numbers, page furniture) are
set aside before this with the reason as their kind (see `quantities.py` and `furniture.py`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimledger import vocab
from claimledger.extraction.quantities import Quantity
from claimledger.extraction.text import Token

# Kinds a stored claim can have; `count` is the one that findings are about.
CLAIM_KINDS = ("count", "money", "percent", "measure", "other")
# Kinds of numbers set aside as not claims.
SET_ASIDE_KINDS = ("furniture", "address", "age", "date_time", "ordinal", "identifier", "phone", "ratio", "score",
                   "reference", "sample")
# A vague word whose policy bound is this small names no checkable size unless something happened
# to what it counts ("several were killed" stays a count).
_SMALL_VAGUE = 9
_REASON_KIND = {"time": "date_time", "date": "date_time", "year": "date_time", "decade": "date_time"}


def set_aside_kind(reason: str) -> str:
    """The kind recorded for a number the quantity finder set aside ("time" and "year" are date_time)."""
    return _REASON_KIND.get(reason, reason)


@lru_cache(maxsize=1)
def _words(key: str) -> frozenset[str]:
    return vocab.word_set("claim_scope", key)


def kind_of(q: Quantity, toks: list[Token], *, unit: str | None, metric: str) -> str:
    """The kind of a number that is a candidate claim; `address` and `sample` mean it is not one."""
    after = toks[q.last_token + 1].lower if q.last_token + 1 < len(toks) else ""
    slashed = re.fullmatch(r"(\d{1,2})/(\d{1,2})", "".join(t.text for t in toks[q.first_token:q.last_token + 1]))
    if slashed and int(slashed.group(1)) <= 12 and 10 < int(slashed.group(2)) <= 31:
        return "other"  # "9/11", "3/11": a month and a day naming an event, not a share
    if _compound_modifier(q, toks):
        return "other"  # "a 3-point shot", "a 12-page report": the number describes the noun after it
    if q.first_token > 0 and toks[q.first_token - 1].text == "Top":
        return "other"  # "the AP Top 25": the name of a ranking
    if after in _words("address_nouns") and q.written == "digits":
        return "address"  # "the 1400 block of Oak Street"
    if metric == "other" and q.unit_hint is None and after not in _words("percent_after") and _is_sample_size(q, toks):
        return "sample"  # "the poll surveyed 1,008 adults": the method of a poll, not a news figure
    if (q.unit_hint == "percent" or after in _words("percent_after")) and q.first_token > 0 \
            and toks[q.first_token - 1].lower in _words("percent_group_before"):
        return "other"  # "the top 1 percent paid ...": the name of a group, not a share
    if after in _words("score_after") and _scored(q, toks):
        return "count"  # "scored 13 points": a player's tally, not a share
    if q.unit_hint == "percent" or after in _words("percent_after"):
        return "percent"  # "leads by 6 points"
    if q.unit_hint is not None:
        if after in _words("measure_units") and _weight_context(toks):
            return "measure"  # "weighs about 180 pounds"
        return "money"
    if unit is not None and unit in _words("magnitude_units"):
        return "other"  # "hundreds of billions (of dollars)": a magnitude; the figure it scales is read whole
    if after in _words("ranking_after"):
        return "other"  # "the two largest unions", "the three leading candidates": a ranking, not a count
    if unit is not None and unit in _words("abstract_nouns"):
        return "other"  # "two ways", "three reasons": a writer's enumeration, not a count of anything
    if unit is not None and unit in _words("money_units"):
        return "money"  # "billions of dollars": money counted with a noun, not a count
    if after in _words("measure_units") or (unit is not None and unit in _words("measure_units")):
        return "measure"
    time_units = vocab.word_set("counted_nouns", "time_units")
    if after in time_units or (unit is not None and unit in time_units):
        return "measure"  # a duration or an age of a thing
    if q.written == "vague" and (q.value_high or 0) <= _SMALL_VAGUE and metric == "other":
        return "other"  # "several candidates", "a few voters": no size to check
    if unit is not None or metric != "other":
        return "count"
    return "other"


@lru_cache(maxsize=1)
def _sample_before() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(str(p).lower().split()) for p in vocab.load("claim_scope")["sample_before"])


def _is_sample_size(q: Quantity, toks: list[Token]) -> bool:
    """The number of people a poll or survey asked: after "surveyed", "a poll of"; before "surveyed",
    "polled"; or in a sentence that gives the margin of error."""
    before = tuple(t.lower for t in toks[max(0, q.first_token - 3):q.first_token])
    if any(before[len(before) - len(cue):] == cue for cue in _sample_before() if len(cue) <= len(before)):
        return True
    for t in toks[q.last_token + 1:q.last_token + 8]:
        if t.lower in {".", ";", ",", "and", "but"}:
            break
        if t.lower in _words("sample_after"):
            return True
    lowered = " ".join(t.lower for t in toks)
    return any(phrase in lowered for phrase in _words("sample_sentence"))


def _scored(q: Quantity, toks: list[Token]) -> bool:
    before = {t.lower for t in toks[max(0, q.first_token - 3):q.first_token]}
    return not before.isdisjoint(_words("score_verbs"))


def _compound_modifier(q: Quantity, toks: list[Token]) -> bool:
    """A number joined by a hyphen to a singular word ("3-point", "12-page"): a compound adjective."""
    j = q.last_token + 1
    if j + 1 >= len(toks) or toks[j].text != "-" or toks[j].start != toks[q.last_token].end:
        return False
    word = toks[j + 1]
    return word.start == toks[j].end and word.text.isalpha() and not word.lower.endswith("s")


def _weight_context(toks: list[Token]) -> bool:
    return any(t.lower in _words("weight_words") for t in toks)
