"""Read the value of a number written in digits, words or both, from a token list."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claimledger import vocab
from claimledger.text import Token

_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")


@dataclass(frozen=True)
class NumberMatch:
    """A number found at tokens [first, last]: its value and how it was written."""

    first: int
    last: int
    value: float
    written: str  # "digits", "words" or "vague"
    low: float | None = None
    high: float | None = None
    best: float | None = None


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, int], dict[str, int], dict[str, int], dict[str, int]]:
    data = vocab.load("number_words")
    return data["units"], data["tens"], data["scales"], data["digit_suffixes"]


@lru_cache(maxsize=1)
def _phrases() -> dict[str, list[tuple[tuple[str, ...], float, str]]]:
    """Exact and vague multi-word quantities by first word, longest first."""
    found: list[tuple[tuple[str, ...], float, str]] = [
        (tuple(phrase.split()), float(value), "words")
        for phrase, value in vocab.load("number_words")["phrases"].items()
    ]
    found += [(tuple(phrase.split()), -1.0, "vague") for phrase in vocab.load("vague_quantities")["terms"]]
    by_first: dict[str, list[tuple[tuple[str, ...], float, str]]] = {}
    for item in sorted(found, key=lambda item: -len(item[0])):
        by_first.setdefault(item[0][0], []).append(item)
    return by_first


@lru_cache(maxsize=1)
def _starters() -> frozenset[str]:
    """Lower-cased words that can begin a spelled-out or vague number."""
    units, tens, _, _ = _tables()
    return frozenset(units) | frozenset(tens) | frozenset(_phrases())


def _word_value(word: str) -> int | None:
    units, tens, _, _ = _tables()
    if word in units:
        return units[word]
    if word in tens:
        return tens[word]
    if "-" in word:
        head, _, tail = word.partition("-")
        if head in tens and tail in units and units[tail] < 10:
            return tens[head] + units[tail]
    return None


def digits_value(text: str) -> float | None:
    """The value of "10,000" or "1.5"; None for anything else (e.g. "1,2")."""
    if not _DIGITS.match(text):
        return None
    return float(text.replace(",", ""))


def _scale_after(toks: list[Token], j: int, *, glued_to: Token | None) -> tuple[int, int] | None:
    """A scale word or suffix at token j: (multiplier, tokens used)."""
    if j >= len(toks):
        return None
    _, _, scales, suffixes = _tables()
    word = toks[j].lower
    if word in scales:
        return scales[word], 1
    glued = glued_to is not None and toks[j].start == glued_to.end
    if word in suffixes and (glued or word in {"bn", "mn", "mln", "tn"}):
        return suffixes[word], 1
    return None


def _match_phrase(toks: list[Token], i: int) -> NumberMatch | None:
    for words, value, written in _phrases().get(toks[i].lower, ()):
        end = i + len(words)
        if end <= len(toks) and tuple(t.lower for t in toks[i:end]) == words:
            if written == "vague":
                term = vocab.load("vague_quantities")["terms"][" ".join(words)]
                return NumberMatch(i, end - 1, float(term["best"]), "vague",
                                   float(term["low"]), float(term["high"]), float(term["best"]))
            # "a hundred" may continue: "a hundred thousand".
            scale = _scale_after(toks, end, glued_to=None)
            if scale and words[-1] in {"hundred", "thousand"}:
                return NumberMatch(i, end, value * scale[0], "words")
            return NumberMatch(i, end - 1, value, written)
    return None


def _match_words(toks: list[Token], i: int) -> NumberMatch | None:
    """Spelled-out numbers: "three", "twenty-five", "three hundred and twelve", "two million"."""
    _, _, scales, _ = _tables()
    total = 0.0
    current = 0.0
    j = i
    last = -1
    while j < len(toks):
        word = toks[j].lower
        value = _word_value(word)
        if value is not None:
            if last >= 0 and toks[last].lower not in scales and toks[last].lower != "and":
                break  # "two three" is two numbers
            current += value
            last = j
        elif word in scales and last >= 0:
            scale = scales[word]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
            last = j
        elif word == "and" and last >= 0 and toks[last].lower in scales and j + 1 < len(toks) \
                and _word_value(toks[j + 1].lower) is not None:
            pass
        elif word == "dozen" and last >= 0:
            current *= 12
            last = j
        else:
            break
        j += 1
    if last < 0:
        return None
    return NumberMatch(i, last, total + current, "words")


def _match_digits(toks: list[Token], i: int) -> NumberMatch | None:
    value = digits_value(toks[i].text)
    if value is None:
        return None
    last = i
    scale = _scale_after(toks, i + 1, glued_to=toks[i])
    if scale:
        value *= scale[0]
        last = i + scale[1]
    elif i + 1 < len(toks) and toks[i + 1].lower == "dozen":
        value *= 12
        last = i + 1
    return NumberMatch(i, last, value, "digits")


def match_number(toks: list[Token], i: int) -> NumberMatch | None:
    """The number that starts at token i, if any."""
    tok = toks[i]
    if tok.text[0].isdigit():
        return _match_digits(toks, i)
    word = tok.lower
    if word not in _starters() and not ("-" in word and word.partition("-")[0] in _tables()[1]):
        return None
    return _match_phrase(toks, i) or _match_words(toks, i)
