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
