"""Hedge cues ("reportedly", "believed to", "an estimated") around a claim."""

from __future__ import annotations

import re
from functools import lru_cache

from claimledger import vocab


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    cues = sorted(vocab.load("hedges")["cues"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")\b", re.IGNORECASE)


def hedge_in(sentence: str) -> str | None:
    """The first hedge cue in a sentence, lower-cased, or None."""
    for found in _pattern().finditer(sentence):
        # "Kyiv's claims", "the claims" are nouns, not the hedging verb "X claims".
        if re.search(r"(?:['’]s|\bthe|\bhis|\bher|\btheir|\bits)\s+$", sentence[:found.start()]):
            continue
        return found.group().lower()
    return None


@lru_cache(maxsize=1)
def _projection_pattern() -> re.Pattern[str]:
    cues = sorted(vocab.load("hedges")["projection"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")\b", re.IGNORECASE)


def is_projection(clause: str) -> bool:
    """Whether the text before a figure makes it a plan or forecast rather than a count."""
    return _projection_pattern().search(clause) is not None
