"""Extraction never raises and always returns offsets that slice to the quantity text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimledger.extraction.extract import extract_article
from tests.helpers import article

NEWSY = st.lists(st.sampled_from([
    "over", "10,000", "soldiers", "said", "according to", "the", "NIS", "“", "”", ",", ".", "Jan.", "9", "two",
    "dozens of", "between", "and", "-", "–", "killed", "wounded", "$", "5bn", "%", "He", "one", "\n\n", "(SBU)",
    "twenty-five", "hundred", "a dozen", "up to", "F-16", "1.5", "million", "'s", "’s", "Kyiv", "3-1",
]), max_size=60).map(" ".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=400), NEWSY))
def test_extraction_never_raises(text: str) -> None:
    for claim in extract_article(article(text, title=text[:40], published="2025-01-12")).claims:
        section = text if claim.section == "body" else text[:40]
        assert section[claim.char_start:claim.char_end] == claim.quantity_text
        assert claim.value_low is None or claim.value_high is None or claim.value_low <= claim.value_high


def test_offsets_survive_characters_that_grow_when_lowercased() -> None:
    text = "İstanbul officials said 40 people were killed."
    (claim,) = extract_article(article(text)).claims
    assert claim.quantity_text == "40 people" and claim.value_low == 40


# The fast searches give what the plain regexes they replace give (same spans), on text built to put
# phrases inside longer words, after hyphens, in capitals and beside characters that grow when lower-cased.
_PHRASES = ["no one", "nobody", "reportedly", "believed to", "no-one", "one"]
_AROUND = st.lists(st.sampled_from([
    "no one", "No One", "NOBODY", "nobody", "reportedly", "Reportedly", "believed to", "believed  to", "no-one",
    "one", "someone", "noone", "-", "x", "_", " ", ", ", "\n", "İ", "ß", "2", "anyone", "one-off", "bone",
]), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(_AROUND)
def test_phrase_search_finds_what_the_case_insensitive_regex_finds(text: str) -> None:
    import re

    from claimledger.extraction.phrases import PhraseSearch

    for joins in (r"[\w-]", r"\w"):
        ordered = sorted(_PHRASES, key=len, reverse=True)
        plain = re.compile(rf"(?<!{joins})(?:{'|'.join(map(re.escape, ordered))})(?!{joins})", re.IGNORECASE)
        assert list(PhraseSearch(_PHRASES, joins=joins).finditer(text)) == [m.span() for m in plain.finditer(text)]


_DATEY = st.lists(st.sampled_from([
    "March", "Mar", "May", "Monday", "Sunday", " ", "  ", ", ", "5", "15", "2019", "2021", "-", "03", "12", "x",
    "Omar", "ma", ".", "1999", "of", "the", "20", "s", "Sept", "in", "last", "Dec", "\n", "_",
    "Earlier", "earlier", "this", "This", "THIS", "week", "Last", "Yesterday", "today", "Tonight", "morning",
]), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(_DATEY)
def test_date_patterns_keep_their_word_boundaries(text: str) -> None:
    import re

    from claimledger.extraction import dates
    from claimledger.extraction.phrases import at_word_starts

    for kind, pattern, not_after in dates._PATTERNS:
        if not_after is None:
            continue
        bounded = re.compile(rf"(?<!{not_after.pattern}){pattern.pattern}", pattern.flags)
        fast = [m.span() for m in at_word_starts(pattern, text, not_after)]
        assert fast == [m.span() for m in bounded.finditer(text)]
        if kind in dates._OPENING_WORDS:
            found = dates._at_opening_words(pattern, text, not_after, dates._OPENING_WORDS[kind])
            assert [m.span() for m in found] == fast
