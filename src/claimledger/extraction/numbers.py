"""Read the value of a number written in digits, words or both, from a token list."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claimledger import vocab
from claimledger.extraction.text import Token

_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[\u202f\u00a0]\d{3})+|\d+)(?:\.\d+)?$")


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
    return frozenset(units) | frozenset(tens) | frozenset(_phrases()) | {"a", "an"}


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
    return float(text.replace(",", "").replace("\u202f", "").replace("\u00a0", ""))


def _scale_after(toks: list[Token], j: int, *, glued_to: Token | None) -> tuple[int, int] | None:
    """A scale word or suffix at token j: (multiplier, tokens used)."""
    if j >= len(toks):
        return None
    _, _, scales, suffixes = _tables()
    word = toks[j].lower
    if word in scales:
        return scales[word], 1
    glued = glued_to is not None and toks[j].start == glued_to.end
    if (
        word in suffixes
        and (glued or word in {"bn", "mn", "mln", "tn", "bln", "tln", "mil"})
        and (word != "t" or toks[j].text == "T")
    ):
        return suffixes[word], 1
    return None


def _match_phrase(toks: list[Token], i: int) -> NumberMatch | None:
    for words, value, written in _phrases().get(toks[i].lower, ()):
        end = i + len(words)
        if end <= len(toks) and tuple(t.lower for t in toks[i:end]) == words:
            if written == "vague":
                term = vocab.load("vague_quantities")["terms"][" ".join(words)]
                factor, last = _vague_multiplier(toks, end, words, small=float(term["high"]) < 10)
                return NumberMatch(
                    i,
                    last if factor > 1 else end - 1,
                    float(term["best"]) * factor,
                    "vague",
                    float(term["low"]) * factor,
                    float(term["high"]) * factor,
                    float(term["best"]) * factor,
                )
            # "a hundred" may continue: "a hundred thousand".
            scale = _scale_after(toks, end, glued_to=None)
            if scale and words[-1] in {"hundred", "thousand"}:
                return NumberMatch(i, end, value * scale[0], "words")
            return NumberMatch(i, end - 1, value, written)
    return None


def _vague_multiplier(toks: list[Token], j: int, words: tuple[str, ...], *, small: bool = True) -> tuple[float, int]:
    """ "several dozen", "a few hundred", "a couple of hundred": a small vague count of a unit multiplies
    its bounds (the factor and the last token used; 1 when no unit follows). "dozens of" takes none."""
    if j >= len(toks) or (words[-1] == "of" and not small):
        return 1.0, j - 1
    _, _, scales, _ = _tables()
    word = toks[j].lower
    if word in {"dozen", "dozens"}:
        return 12.0, j
    if word in scales and scales[word] >= 100:
        return float(scales[word]), j
    return 1.0, j - 1


def _match_words(toks: list[Token], i: int) -> NumberMatch | None:
    """Spelled-out numbers: "three", "fifty two", "three hundred and twelve", "a million", "five point five"."""
    _, tens, scales, _ = _tables()
    total = 0.0
    current = 0.0
    j = i
    last = -1
    n = len(toks)
    while j < n:
        word = toks[j].lower
        value = _word_value(word)
        prev = toks[last].lower if last >= 0 else ""
        if value is not None:
            if last >= 0 and prev not in scales and prev != "and" and not (prev in tens and value < 10):
                break  # "two three" is two numbers; "fifty two" is one
            current += value
            last = j
        elif (
            word in {"a", "an"}
            and last < 0
            and j + 1 < n
            and word == "a"
            and (toks[j + 1].lower in scales or toks[j + 1].lower == "dozen")
        ):
            current = 1
            last = j
        elif word in scales and last >= 0:
            scale = scales[word]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
            last = j
        elif (
            word == "and"
            and last >= 0
            and j + 1 < n
            and (
                (prev in scales and _word_value(toks[j + 1].lower) is not None)
                or (j + 2 < n and toks[j + 1].lower == "a" and toks[j + 2].lower == "half")
            )
        ):
            if toks[j + 1].lower == "a":
                current += 0.5  # "two and a half million"
                j += 2
                last = j
        elif word in {"dozen", "dozens"} and last >= 0:
            current *= 12
            last = j
        elif word == "point" and last >= 0 and j + 1 < n and (_word_value(toks[j + 1].lower) or 10) < 10:
            digits = []
            k = j + 1
            while (
                k < n
                and (_word_value(toks[k].lower) if toks[k].lower != "zero" else 0) is not None
                and (_word_value(toks[k].lower) or 0) < 10
            ):
                digits.append(str(_word_value(toks[k].lower) or 0))
                k += 1
            current += float("0." + "".join(digits))
            last = k - 1
            j = k
            continue
        else:
            break
        j += 1
    if last < 0:
        # "A man was shot and killed": the article counts one; the caller keeps it only for such events.
        return NumberMatch(i, i, 1.0, "article") if toks[i].lower in {"a", "an"} else None
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
    elif i + 1 < len(toks) and toks[i + 1].lower in {"dozen", "dozens"}:
        value *= 12
        last = i + 1
    return NumberMatch(i, last, value, "digits")


_FRACTIONS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "eighth": 8,
    "eighths": 8,
    "tenth": 10,
    "tenths": 10,
}


def _match_fraction(toks: list[Token], i: int) -> NumberMatch | None:
    """ "two thirds", "three-quarters", "a half", "half of": the fraction as a value between 0 and 1."""
    word = toks[i].lower
    head, _, tail = word.partition("-")
    if tail in _FRACTIONS and (_word_value(head) or head == "one"):
        return NumberMatch(i, i, (_word_value(head) or 1) / _FRACTIONS[tail], "fraction")
    if word == "half" and (
        (i + 1 < len(toks) and toks[i + 1].lower in {"of", "the", "their", "its", "all"})
        or (i > 0 and toks[i - 1].lower in {"than", "about", "nearly", "almost", "over", "under", "roughly", "around"})
    ):
        return NumberMatch(i, i, 0.5, "fraction")
    if i + 1 < len(toks) and toks[i + 1].lower in _FRACTIONS:
        singular = toks[i + 1].lower in {"half", "third", "quarter", "fifth", "sixth", "eighth", "tenth"}
        if singular and (word == "one" or (word == "a" and i + 2 < len(toks) and toks[i + 2].lower == "of")):
            numerator = 1.0
        elif not singular and (_word_value(word) or 0) > 1:
            numerator = float(_word_value(word) or 0)
        elif not singular and toks[i].text.isdigit() and 1 < int(toks[i].text) < 10:
            numerator = float(toks[i].text)
        else:
            return None
        return NumberMatch(i, i + 1, numerator / _FRACTIONS[toks[i + 1].lower], "fraction")
    return None


# A numbered report paragraph: "2.1", "3.4.2". A plain decimal would have the same form, so it is one only
# where it opens its sentence and a capitalised word follows ("2.1 Deaths: 13 persons.").
_PARAGRAPH_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})+")


def is_paragraph_number(toks: list[Token], i: int) -> bool:
    """Token i opens the sentence with a report's paragraph number ("2.2 Injured: 61 persons")."""
    return i == 0 and len(toks) > 1 and bool(_PARAGRAPH_NUMBER.fullmatch(toks[0].text)) \
        and toks[1].text[:1].isupper()


def match_number(toks: list[Token], i: int) -> NumberMatch | None:
    """The number that starts at token i, if any."""
    tok = toks[i]
    nxt = toks[i + 1].lower if i + 1 < len(toks) else ""
    if nxt in _FRACTIONS or tok.lower == "half" or ("-" in tok.lower and tok.lower.partition("-")[2] in _FRACTIONS):
        fraction = _match_fraction(toks, i)
        if fraction:
            return fraction
    if tok.text[0].isdigit():
        if (
            nxt == "/"
            and i + 2 < len(toks)
            and toks[i + 2].text.isdigit()
            and tok.text.isdigit()
            and toks[i + 1].start == tok.end
            and toks[i + 2].start == toks[i + 1].end
            and int(tok.text) < int(toks[i + 2].text)
            and not (i + 3 < len(toks) and toks[i + 3].text == "/")
        ):
            return NumberMatch(i, i + 2, int(tok.text) / int(toks[i + 2].text), "fraction")  # "1/40 of"
        return _match_digits(toks, i)
    word = tok.lower
    if word not in _starters() and not ("-" in word and word.partition("-")[0] in _tables()[1]):
        return None
    return _match_phrase(toks, i) or _match_words(toks, i)
