"""Paragraphs, sentences and tokens of a section, each with offsets into the section's text."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from typing import NamedTuple

from claimledger import vocab

# Words that end in a period without ending a sentence ("Jan. 9", "Mr. Kim", "U.S. officials").
_ABBREVIATIONS = frozenset(
    """jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr st gen lt col sgt maj capt cmdr
    adm rep sen gov pres prof rev jr sr no vs etc inc corp ltd co dept est approx fig mt ft""".split()
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")
# A sentence ends at . ! ? before a capital, or at a line break before a capital (a headline or
# dateline line with no final stop, as in feeds that put one sentence per line).
_STOP_END = r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])"
_SENTENCE_END = re.compile(_STOP_END + r"|(?<=[^\s.!?,;:])[ \t]*\n(?=[ \t]*[\"'“‘(\[]?[A-Z0-9])")
# The same ends in a paragraph of one line: with no line break to try at every position, the regex
# engine jumps from one stop to the next.
_STOP_ONLY = re.compile(_STOP_END)
_TOKEN = re.compile(r"\d+(?:[.,]\d+|[\u202f\u00a0]\d{3}(?!\d))*|[A-Za-z]+(?:[-'’][A-Za-z]+)*|\S")


_SPACES = frozenset("\u00a0\u2007\u2009\u202f")  # no-break, figure, thin and narrow no-break spaces
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def normalize_for_numbers(text: str) -> str:
    """The text as the number reader sees it, with the same length, so that offsets into it slice the
    original: other scripts' digits and full-width forms become ASCII ("１２，０００" is "12,000"), and a
    no-break, thin or zero-width character between digit groups is a group separator ("12 000")."""
    if text.isascii():
        return text
    chars: list[str] | None = None
    for found in _NON_ASCII.finditer(text):  # curly quotes and dashes are most of them: a few per paragraph
        i, c = found.start(), found.group()
        if "\uff01" <= c <= "\uff5e":  # full-width ASCII
            swap = chr(ord(c) - 0xFEE0)
        elif c.isdecimal():
            swap = str(unicodedata.decimal(c))
        elif c in _SPACES or c in _ZERO_WIDTH:
            grouping = (i > 0 and text[i - 1].isdecimal() and text[i + 1:i + 4].isdecimal()
                        and not text[i + 4:i + 5].isdecimal())
            swap = "," if grouping else " "
        else:
            continue
        if chars is None:
            chars = list(text)
        chars[i] = swap
    return text if chars is None else "".join(chars)


@dataclass(frozen=True)
class Sentence:
    """A sentence: its index in the section, paragraph, offsets and text."""

    idx: int
    paragraph: int
    start: int
    end: int
    text: str


class Token(NamedTuple):
    """A token with end-exclusive offsets into the text it came from (a tuple: made by the million)."""

    text: str
    lower: str
    start: int
    end: int


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank paragraph; paragraphs are separated by blank lines."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for brk in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = brk.start() if brk else len(text)
        chunk = text[cursor:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((cursor + lead, cursor + len(chunk.rstrip())))
        if brk:
            cursor = brk.end()
    return spans


_WORD_BEFORE_STOP = re.compile(r"([A-Za-z.]+)$")


def _is_abbreviation(text: str, period_at: int) -> bool:
    word = _WORD_BEFORE_STOP.search(text[max(0, period_at - 20) : period_at])
    if not word:
        return False
    bare = word.group(1).rstrip(".").lower()
    # Initials and dotted acronyms ("J.", "U.S.") do not end sentences mid-name.
    return bare in _ABBREVIATIONS or len(bare) == 1 or "." in bare


_NEXT_WORD = re.compile(r"\s+([A-Z][a-z]*)\b")


def _time_then_opener(text: str, period_at: int) -> bool:
    """ "at 5:40 p.m. The hospital said": a time's "p.m." before a word that opens sentences ends one."""
    word = _WORD_BEFORE_STOP.search(text[max(0, period_at - 20) : period_at])
    if not word or word.group(1).rstrip(".").lower() not in vocab.word_set("claim_scope", "time_abbreviations"):
        return False
    after = _NEXT_WORD.match(text, period_at + 1)
    return after is not None and after.group(1).lower() in vocab.word_set("claim_scope", "sentence_openers")


def sentences(text: str) -> list[Sentence]:
    """Split a section into sentences, never across paragraphs."""
    found: list[Sentence] = []
    for par_idx, (p_start, p_end) in enumerate(paragraphs(text)):
        cursor = p_start
        block = text[p_start:p_end]
        for match in (_SENTENCE_END if "\n" in block else _STOP_ONLY).finditer(block):
            period_at = p_start + match.start()
            if match.group().startswith(".") and len(match.group()) == 1:
                if _is_abbreviation(text, period_at) and not _time_then_opener(text, period_at):
                    continue
            end = p_start + match.end()
            found.append(Sentence(len(found), par_idx, cursor, end, text[cursor:end]))
            cursor = end
            while cursor < p_end and text[cursor].isspace():
                cursor += 1
        if cursor < p_end:
            found.append(Sentence(len(found), par_idx, cursor, p_end, text[cursor:p_end]))
    return found


_new_tuple = tuple.__new__


def tokens(text: str, offset: int = 0) -> list[Token]:
    """Word, number and punctuation tokens of `text`, offsets shifted by `offset`."""
    lowered = text.lower().replace("’", "'")
    if len(lowered) != len(text):  # a few characters ("İ") grow when lower-cased; keep offsets aligned
        return [
            Token(m.group(), m.group().lower().replace("’", "'"), m.start() + offset, m.end() + offset)
            for m in _TOKEN.finditer(text)
        ]
    # spans first, then tuples built directly: a third faster than Token(...) with four Match calls each
    spans = [m.span() for m in _TOKEN.finditer(text)]
    return [_new_tuple(Token, (text[s:e], lowered[s:e], s + offset, e + offset)) for s, e in spans]


_BULLET = re.compile(r"^\s*[-–—•*·▪]\s")


def list_lead_in(sents: list[Sentence], idx: int) -> int | None:
    """The index of the sentence ending in a colon that introduces the bulleted item at `idx`, if it is one
    ("Among those detained, according to the collective:" then "- 6 journalists", "- 11 minors")."""
    if not _BULLET.match(sents[idx].text):
        return None
    while idx > 0 and _BULLET.match(sents[idx - 1].text):
        idx -= 1
    return idx - 1 if idx > 0 and sents[idx - 1].text.rstrip().endswith(":") else None


def right_after(toks: list[Token], first: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
    """Whether one of the word sequences `phrases` (lower case, at most three words) ends right before
    token `first`: "up from" before "seven", "bodies of" before "five victims"."""
    before = tuple(t.lower for t in toks[max(0, first - 3):first])
    return any(len(phrase) <= len(before) and before[len(before) - len(phrase):] == phrase for phrase in phrases)


def tokens_between(toks: list[Token], start: int, end: int) -> list[Token]:
    """The tokens that lie within [start, end), found by bisection (a sentence may hold thousands)."""
    first = bisect_left(toks, start, key=lambda t: t.start)
    last = bisect_left(toks, end, key=lambda t: t.start)
    return [t for t in toks[first:last] if t.end <= end]
