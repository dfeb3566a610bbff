"""Dates resolved against the publication date, with their precision."""

from __future__ import annotations

from datetime import date

import pytest

from claimledger.extraction.dates import find_dates

PUBLISHED = date(2025, 1, 12)  # a Sunday

DATES = [
    ("captured on Jan. 9 in Kursk", "Jan. 9", date(2025, 1, 9), "day"),
    ("released on Saturday, Jan. 11, it showed", "Saturday, Jan. 11", date(2025, 1, 11), "day"),
    ("after his arrival in November", "November", date(2024, 11, 1), "month"),
    ("since the invasion in February 2022", "February 2022", date(2022, 2, 1), "month"),
    ("the attack on Tuesday night", "Tuesday night", date(2025, 1, 7), "day"),
    ("as reported last week", "last week", date(2024, 12, 30), "week"),
    ("it happened yesterday", "yesterday", date(2025, 1, 11), "day"),
    ("three days ago the men", "three days ago", date(2025, 1, 9), "day"),
    ("on 24 February 2022 troops", "24 February 2022", date(2022, 2, 24), "day"),
    ("on Dec. 30 the men", "Dec. 30", date(2024, 12, 30), "day"),
    ("the 2025-01-03 report", "2025-01-03", date(2025, 1, 3), "day"),
    ("in 2019 the talks", "2019", date(2019, 1, 1), "year"),
]


@pytest.mark.parametrize(("text", "surface", "resolved", "precision"), DATES)
def test_resolved(text: str, surface: str, resolved: date, precision: str) -> None:
    found = {(d.text, d.resolved, d.precision) for d in find_dates(text, PUBLISHED)}
    assert (surface, resolved, precision) in found


def test_without_publication_date_parts_stay_unknown() -> None:
    found = {d.text: d.resolved for d in find_dates("on Jan. 9 and in February 2022 and on Tuesday")}
    assert found == {"Jan. 9": None, "February 2022": date(2022, 2, 1), "Tuesday": None}


def test_may_the_verb_is_not_a_month() -> None:
    assert find_dates("Officials may raise the toll.", PUBLISHED) == []


def test_a_numeric_date_that_does_not_exist_is_unresolved() -> None:
    (found,) = find_dates("The form was stamped 2023-02-30 by mistake.", date(2023, 3, 1))
    assert found.resolved is None
