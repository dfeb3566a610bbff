"""Numbers, scales, qualifiers, ranges and what is not a claim: one table row per pattern."""

from __future__ import annotations

import pytest

from claimledger.extraction.extract import scan_quantities
from tests.helpers import claims_of

INF = None

# (sentence, quantity surface, low, high, qualifier)
QUANTITIES = [
    ("Two soldiers were captured.", "Two", 2, 2, "exact"),
    ("It deployed over 10,000 soldiers.", "over 10,000", 10000, INF, "more_than"),
    ("At least 5 people died.", "At least 5", 5, INF, "at_least"),
    ("Up to 12,000 troops were sent.", "Up to 12,000", INF, 12000, "at_most"),
    ("Fewer than 50 people came.", "Fewer than 50", INF, 50, "less_than"),
    ("Between 10,000 and 12,000 troops were sent.", "Between 10,000 and 12,000", 10000, 12000, "range"),
    ("Some 10,000-12,000 troops were sent.", "Some 10,000-12,000", 10000, 12000, "range"),
    ("They sent 10,000–12,000 troops.", "10,000–12,000", 10000, 12000, "range"),
    ("They sent 3,000 to 5,000 troops.", "3,000 to 5,000", 3000, 5000, "range"),
    ("About 1,200 people fled.", "About 1,200", 1200, 1200, "approximate"),
    ("Nearly 300 homes burned.", "Nearly 300", 300, 300, "approximate"),
    ("Dozens of people were hurt.", "Dozens of", 24, 99, "vague"),
    ("Thousands of troops massed.", "Thousands of", 2000, 9999, "vague"),
    ("Several soldiers surrendered.", "Several", 3, 9, "vague"),
    ("Tens of thousands of people fled.", "Tens of thousands of", 20000, 99999, "vague"),
    ("Twenty-five people were hurt.", "Twenty-five", 25, 25, "exact"),
    ("Three hundred people were hurt.", "Three hundred", 300, 300, "exact"),
    ("A dozen people were hurt.", "A dozen", 12, 12, "exact"),
    ("Half a dozen people were hurt.", "Half a dozen", 6, 6, "exact"),
    ("The city has 1.5 million residents.", "1.5 million", 1_500_000, 1_500_000, "exact"),
    ("The rally drew 10k fans.", "10k", 10_000, 10_000, "exact"),
    ("It costs $3bn a year.", "$3bn", 3e9, 3e9, "exact"),
    ("More than 6 in 10 voters agreed.", "More than 6 in 10", 60, INF, "more_than"),
    ("Turnout was 40% this year.", "40%", 40, 40, "exact"),
    ("Turnout was 40 percent.", "40 percent", 40, 40, "exact"),
    ("No fewer than 20 people came.", "No fewer than 20", 20, INF, "at_least"),
    ("Upward of 300 people came.", "Upward of 300", 300, INF, "more_than"),
    ("As many as 700 people came.", "As many as 700", INF, 700, "at_most"),
    ("Roughly 40 people came.", "Roughly 40", 40, 40, "approximate"),
    ("An estimated 3,000 people fled.", "An estimated 3,000", 3000, 3000, "approximate"),
    ("Almost 90 people came.", "Almost 90", 90, 90, "approximate"),
    ("Some 3,000 troops arrived.", "Some 3,000", 3000, 3000, "approximate"),
    ("Two to three million people fled.", "Two to three million", 2_000_000, 3_000_000, "range"),
    ("Scores greater than or equal to 50 pass.", "greater than or equal to 50", 50, INF, "at_least"),
    ("Values smaller or equal than 100 pass.", "smaller or equal than 100", INF, 100, "at_most"),
    ("About five hundred or more came.", "About five hundred or more", 500, INF, "at_least"),
    ("The range is 20 through 100.", "20 through 100", 20, 100, "range"),
    ("The range is 1000 - 5000.", "1000 - 5000", 1000, 5000, "range"),
    ("It scored at most 100 and at least 20.", "at most 100 and at least 20", 20, 100, "range"),
    ("It is between negative ten and fifteen.", "between negative ten and fifteen", -10, 15, "range"),
    ("Costs exceed 3000 dollars.", "exceed 3000", 3000, INF, "more_than"),
    ("More than half of voters agreed.", "More than half", 50, INF, "more_than"),
    ("Two thirds of voters agreed.", "Two thirds", round(200 / 3, 4), round(200 / 3, 4), "exact"),
    ("The answer is minus five point five.", "minus five point five", -5.5, -5.5, "exact"),
    ("Fifty two people came.", "Fifty two", 52, 52, "exact"),
    ("A hundred and two people came.", "A hundred and two", 102, 102, "exact"),
    ("Two and a half million people fled.", "Two and a half million", 2_500_000, 2_500_000, "exact"),
    ("Either 10 bln or more.", "10 bln or more", 1e10, INF, "at_least"),
]


@pytest.mark.parametrize(("text", "surface", "low", "high", "qualifier"), QUANTITIES)
def test_quantity(text: str, surface: str, low: float | None, high: float | None, qualifier: str) -> None:
    found = scan_quantities(text)
    result = [(text[q.start:q.end], q.value_low, q.value_high, q.qualifier) for q in found]
    assert (surface, low, high, qualifier) in result


# Numbers that are not claims: (sentence, the number's text).
NOT_CLAIMS = [
    ("The soldiers were apprehended on Jan. 9 in Kursk.", "9"),
    ("The video was released on Saturday, Jan. 11.", "11"),
    ("Russia invaded Ukraine in February 2022.", "2022"),
    ("It happened in 2019 near the border.", "2019"),
    ("The blast came at 10:30 a.m. local time.", "10"),
    ("The meeting starts at 9 p.m.", "9"),
    ("He finished 3rd in the race.", "3"),
    ("A 25-year-old man was arrested.", "25"),
    ("The victim, aged 34, was named.", "34"),
    ("John Smith, 45, was arrested.", "45"),
    ("She lives at 221 Baker Street.", "221"),
    ("Call 555-123-4567 for details.", "555"),
    ("Ukraine asked for more F-16 jets.", "16"),
    ("Passengers on Flight 370 vanished.", "370"),
    ("Cases of COVID-19 rose.", "19"),
    ("The G7 summit opened.", "7"),
    ("One had bandaged hands, while the other had a bandaged jaw.", "One"),
    ("One of the men spoke.", "One"),
    ("Cooperation between the two nations has grown.", "two"),
    ("Madrid won 3-1 on Sunday.", "3"),
    ("Music of the 1990s returned.", "1990"),
]


@pytest.mark.parametrize(("text", "number"), NOT_CLAIMS)
def test_not_a_claim(text: str, number: str) -> None:
    claims = claims_of(text)
    assert not [c for c in claims if number in c.quantity_text], [c.quantity_text for c in claims]


# (sentence, quantity_text, unit, subject, metric)
COUNTED = [
    ("North Korea deployed over 10,000 soldiers to Russia.", "over 10,000 soldiers", "soldier", "soldiers", "deployed"),
    ("Ukraine captured two injured North Korean soldiers.", "two injured North Korean soldiers", "soldier",
     "North Korean soldiers", "captured"),
    ("Five people were killed in the strike.", "Five people", "person", "people", "killed"),
    ("The strike killed 12 civilians.", "12 civilians", "civilian", "civilians", "killed"),
    ("Three children were wounded.", "Three children", "child", "children", "injured"),
    ("About 3,000 casualties were reported.", "About 3,000 casualties", "casualty", "casualties", "casualties"),
    ("Police arrested 40 protesters.", "40 protesters", "protester", "protesters", "arrested"),
    ("Some 2,000 residents were displaced.", "Some 2,000 residents", "resident", "residents", "displaced"),
    ("Four sailors are missing.", "Four sailors", "sailor", "sailors", "missing"),
    ("The two captured men were shown.", "the two captured men", "man", "men", "captured"),
]


@pytest.mark.parametrize(("text", "quantity_text", "unit", "subject", "metric"), COUNTED)
def test_counted_thing_and_metric(text: str, quantity_text: str, unit: str, subject: str, metric: str) -> None:
    claims = {c.quantity_text.lower(): c for c in claims_of(text)}
    claim = claims[quantity_text.lower()]
    assert (claim.unit, claim.subject, claim.metric) == (unit, subject, metric)


def test_location_and_as_of() -> None:
    (claim,) = claims_of("On Jan. 9, troops captured two soldiers in the Kursk region.", published="2025-01-12")
    assert claim.location == "Kursk region"
    assert (claim.as_of, claim.as_of_precision) == ("2025-01-09", "day")


@pytest.mark.parametrize(("text", "as_of"), [
    # a span opened by "since" runs up to the day of the count: no date of its own
    ("The clinic has seen 85 patients since Tuesday, officials said.", None),
    ("Officials said 85 patients have been treated since Jan. 3.", None),
    # "since <date>, when ..." sets the "when" clause on that date
    ("It is the worst toll since Jan. 3, when floods killed 85 people.", "2025-01-03"),
    ("On Jan. 9, floods killed 85 people.", "2025-01-09"),
])
def test_a_date_that_opens_a_span_is_not_the_count_s_date(text: str, as_of: str | None) -> None:
    (claim,) = [c for c in claims_of(text, published="2025-01-12") if c.quantity_text.startswith("85")]
    assert claim.as_of == as_of


def test_vague_values_are_marked() -> None:
    (claim,) = claims_of("Officials said dozens of soldiers were killed.")
    assert (claim.qualifier, claim.value_source, claim.is_approximate) == ("vague", "vague_policy", True)


def test_hedge() -> None:
    (claim,) = claims_of("Officials said 30 soldiers were reportedly killed.")
    assert claim.hedge == "reportedly"


def test_bakers_dozen() -> None:
    text = "A baker's dozen is 13 units whilst a square dozen is 144."
    found = [(text[q.start:q.end], q.value_low) for q in scan_quantities(text)]
    assert ("A baker's dozen", 13) in found and ("a square dozen", 144) in found
