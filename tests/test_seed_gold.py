"""The seed article yields the team's annotation (../shared/eval/seed_gold.json), written out here."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.extraction.extract import extract_article
from claimledger.reading.ingest import read_paths

# (section, quantity_text, low, high, qualifier, unit, metric, location, canonical sources)
REQUIRED = [
    ("title", "Two North Korean Soldiers", 2, 2, "exact", "soldier", "captured", None, {"South Korea", "Ukraine"}),
    ("body", "two injured North Korean soldiers", 2, 2, "exact", "soldier", "captured", "Russia",
     {"National Intelligence Service (South Korea)", "Ukraine"}),
    ("body", "over 10,000 soldiers", 10000, None, "more_than", "soldier", "deployed", None,
     {"Ukraine", "United States", "South Korea"}),
    ("body", "the two captured men", 2, 2, "exact", "man", "captured", None, {"Security Service of Ukraine"}),
    ("body", "Two wounded soldiers", 2, 2, "exact", "soldier", "captured", "Kyiv", {"Volodymyr Zelensky"}),
]
NOT_CLAIMS = ["Jan. 9", "Jan. 11", "November", "February 2022", "2022", "significant casualties"]
OPTIONAL = {"one soldier", "one claiming", "one soldier admitted", "several days"}


@pytest.fixture(scope="module")
def seed_claims():
    (article,), _ = read_paths([Path(__file__).resolve().parents[1] / "seeds" / "000_de3101bb959c5679.txt"])
    return extract_article(article).claims


@pytest.mark.parametrize("expected", REQUIRED, ids=[r[1] for r in REQUIRED])
def test_required_claim(seed_claims, expected) -> None:
    section, text, low, high, qualifier, unit, metric, location, sources = expected
    claim = next(c for c in seed_claims if c.section == section and c.quantity_text == text)
    assert (claim.value_low, claim.value_high, claim.qualifier, claim.unit, claim.metric) == (
        low, high, qualifier, unit, metric)
    if location:
        assert claim.location == location
    assert {s.source_canonical for s in claim.sources} == sources


def test_no_not_claims(seed_claims) -> None:
    for claim in seed_claims:
        assert not any(n in claim.quantity_text for n in NOT_CLAIMS), claim.quantity_text


def test_every_claim_is_gold_or_optional(seed_claims) -> None:
    required = {(r[0], r[1]) for r in REQUIRED}
    extra = {c.quantity_text for c in seed_claims if (c.section, c.quantity_text) not in required}
    assert extra <= OPTIONAL


def test_no_unsourced_claims(seed_claims) -> None:
    assert [c.quantity_text for c in seed_claims if not c.sources] == []
