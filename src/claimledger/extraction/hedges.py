"""Hedge cues ("reportedly", "believed to", "an estimated") around a claim."""

from __future__ import annotations

import re
from functools import lru_cache

from claimledger import vocab
from claimledger.extraction.phrases import PhraseSearch


@lru_cache(maxsize=1)
def _pattern() -> PhraseSearch:
    return PhraseSearch(vocab.load("hedges")["cues"], joins=r"\w")


# "Kyiv's claims", "the claims" are nouns, not the hedging verb "X claims".
_OWNED = re.compile(r"(?:['’]s|\bthe|\bhis|\bher|\btheir|\bits)\s+$")


@lru_cache(maxsize=1024)  # asked once per figure; cleared per article (extract.py)
def hedge_in(sentence: str) -> str | None:
    """The first hedge cue in a sentence, lower-cased, or None."""
    for start, end in _pattern().finditer(sentence):
        if _OWNED.search(sentence[:start]):
            continue
        return sentence[start:end].lower()
    return None


@lru_cache(maxsize=1)
def _projection_pattern() -> PhraseSearch:
    return PhraseSearch(vocab.load("hedges")["projection"], joins=r"\w")


@lru_cache(maxsize=1024)  # asked once per figure; cleared per article (extract.py)
def is_projection(clause: str) -> bool:
    """Whether the text before a figure makes it a plan or forecast rather than a count."""
    return _projection_pattern().search(clause) is not None
