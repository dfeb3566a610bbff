"""The HTML report draws every key it can: zero, negative, open and enormous values, and a key whose
rows cannot be drawn says so while the rest of the page is drawn."""

from __future__ import annotations

from datetime import datetime

import pytest

from claimledger.reporting import html_report


def _point(low, high, day: int = 1) -> dict:
    return {"published_at": datetime(2025, 1, day), "value_low": low, "value_high": high, "origin": "Navy",
            "quantity_text": "x", "qualifier": "exact", "actor": None, "thing": "soldier", "metric": "killed",
            "place": None}


@pytest.mark.parametrize("values", [
    [(0.0, 0.0)],                                  # the only figure is zero
    [(0.0, 0.0), (0.0, 0.0)],
    [(-3.0, -3.0), (5.0, 5.0)],                    # a negative value
    [(10.0, None), (None, 12.0)],                  # open bounds
    [(1e15, 1e15), (2.0, 2.0)],                    # enormous
    [(float("nan"), float("inf")), (4.0, 4.0)],    # not finite
])
def test_timelines_draw_any_values(values) -> None:
    svg = html_report.timeline_svg([_point(lo, hi, day=i + 1) for i, (lo, hi) in enumerate(values)])
    assert svg.startswith("<svg") and "nan" not in svg.lower() and "inf" not in svg.lower()


def test_a_key_that_cannot_be_drawn_says_so_and_the_rest_is_drawn() -> None:
    good = _point(3.0, 3.0)
    bad_estimate = {"actor": None, "thing": "civilian", "metric": "missing", "place": None, "period_month": "2025-01",
                    "low": None, "best": 4.0, "high": 5.0, "origins": "x", "n_documents": 1}
    page = html_report.render(["run summary"], [], [bad_estimate], [good])
    assert "soldier killed" in page and "<svg" in page
    assert "civilian missing" in page and "could not be drawn" in page
