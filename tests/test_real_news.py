"""Counts, metrics and sources written the way reporters write them: one row per pattern."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of

# (sentence, quantity_text, low, high, qualifier, unit, metric)
REPORTED_COUNTS = [
    ("A man was shot and killed on Tuesday.", "A man", 1, 1, "exact", "man", "killed"),
    ("The attack killed three people and wounded five.", "three people", 3, 3, "exact", "person", "killed"),
    ("The attack killed three people and wounded five.", "five", 5, 5, "exact", "person", "injured"),
    ("The blast left two dead.", "two dead", 2, 2, "exact", "person", "killed"),
    ("The death toll rose to 24.", "24", 24, 24, "exact", "person", "killed"),
    ("Two others were hurt.", "Two others", 2, 2, "exact", "person", "injured"),
    ("A dozen soldiers were captured.", "A dozen soldiers", 12, 12, "exact", "soldier", "captured"),
    ("Half a dozen soldiers were captured.", "Half a dozen soldiers", 6, 6, "exact", "soldier", "captured"),
    ("Scores of people were injured.", "Scores of people", 40, 99, "vague", "person", "injured"),
    ("Hundreds of soldiers were deployed.", "Hundreds of soldiers", 200, 999, "vague", "soldier", "deployed"),
    ("Tens of thousands of people fled.", "Tens of thousands of people", 20000, 99999, "vague", "person",
     "displaced"),
    ("The city has 1.5 million residents.", "1.5 million residents", 1.5e6, 1.5e6, "exact", "resident", "other"),
    ("The rally drew 10k fans.", "10k fans", 1e4, 1e4, "exact", "fan", "other"),
    ("Some 3,000 troops were sent.", "Some 3,000 troops", 3000, 3000, "approximate", "troop", "deployed"),
    ("More than 6 in 10 voters agreed.", "More than 6 in 10", 60, None, "more_than", "percent", "other"),
    ("Turnout fell to 40%.", "40%", 40, 40, "exact", "percent", "other"),
    ("The aid package is worth $5 million.", "$5 million", 5e6, 5e6, "exact", "USD", "other"),
    ("No fewer than 30 troops were sent.", "No fewer than 30 troops", 30, None, "at_least", "troop", "deployed"),
    ("Upward of 600 soldiers were killed.", "Upward of 600 soldiers", 600, None, "more_than", "soldier", "killed"),
    ("As many as 700 troops were sent.", "As many as 700 troops", None, 700, "at_most", "troop", "deployed"),
    ("Nearly 300 people were evacuated.", "Nearly 300 people", 300, 300, "approximate", "person", "displaced"),
    ("Almost 90 people were arrested.", "Almost 90 people", 90, 90, "approximate", "person", "arrested"),
    ("Roughly 40 soldiers are missing.", "Roughly 40 soldiers", 40, 40, "approximate", "soldier", "missing"),
    ("An estimated 3,000 soldiers were killed.", "An estimated 3,000 soldiers", 3000, 3000, "approximate", "soldier",
     "killed"),
    ("Between 100 and 200 people were killed.", "Between 100 and 200 people", 100, 200, "range", "person", "killed"),
    ("From 100 to 200 people were killed.", "From 100 to 200 people", 100, 200, "range", "person", "killed"),
    ("It sent 10,000-12,000 troops.", "10,000-12,000 troops", 10000, 12000, "range", "troop", "deployed"),
    ("It sent 10,000–12,000 troops.", "10,000–12,000 troops", 10000, 12000, "range", "troop", "deployed"),
    ("It sent 10,000 to 12,000 troops.", "10,000 to 12,000 troops", 10000, 12000, "range", "troop", "deployed"),
    ("Ten soldiers were wounded.", "Ten soldiers", 10, 10, "exact", "soldier", "injured"),
    ("Troops were sent: 3,000 soldiers in all.", "3,000 soldiers", 3000, 3000, "exact", "soldier", "deployed"),
    ("About 3,000 casualties were reported.", "About 3,000 casualties", 3000, 3000, "approximate", "casualty",
     "casualties"),
    ("Russia has lost upward of 600,000 soldiers.", "upward of 600,000 soldiers", 600000, None, "more_than",
     "soldier", "casualties"),
    ("Some 2,000 residents were displaced.", "Some 2,000 residents", 2000, 2000, "approximate", "resident",
     "displaced"),
]


@pytest.mark.parametrize(("text", "quantity", "low", "high", "qualifier", "unit", "metric"), REPORTED_COUNTS)
def test_reported_count(text, quantity, low, high, qualifier, unit, metric) -> None:
    claims = {c.quantity_text: c for c in claims_of(text)}
    assert quantity in claims, list(claims)
    c = claims[quantity]
    assert (c.value_low, c.value_high, c.qualifier, c.unit, c.metric) == (low, high, qualifier, unit, metric)


# Lists: later items take the counted noun and the metric stated once: (sentence, quantity, unit, metric).
LISTS = [
    ("10 soldiers were killed and 20 wounded.", "20 wounded", "soldier", "injured"),
    ("Police arrested 3 men and 2 women.", "2 women", "woman", "arrested"),
    ("The strike killed 12, including four children.", "four children", "child", "killed"),
    ("Officials said 5 people died and 12 were injured.", "12", "person", "injured"),
]


@pytest.mark.parametrize(("text", "quantity", "unit", "metric"), LISTS)
def test_lists(text, quantity, unit, metric) -> None:
    c = next(c for c in claims_of(text) if c.quantity_text == quantity)
    assert (c.unit, c.metric) == (unit, metric)


NOT_CLAIMS = [
    "The 25-year-old was detained.",
    "The blast happened at 3 p.m. on Friday.",
    "He finished 2nd in 2019.",
    "She lives at 10 Downing Street.",
    "Call 555-123-4567 now.",
    "Madrid won 3-1.",
    "The F-16 and the Su-34 flew.",
    "One of them spoke to reporters.",
    "Nobody answered the door, one official said.",
    "Russia invaded in February 2022.",
]


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_claims_in_news(text) -> None:
    assert [c.quantity_text for c in claims_of(text)] == []


HEDGES = [
    ("Officials said 30 soldiers were reportedly killed.", "reportedly"),
    ("Officials said 30 soldiers were allegedly killed.", "allegedly"),
    ("Officials said 30 soldiers are believed to have died.", "believed to"),
    ("Officials said 30 soldiers may have died.", "may have"),
    ("Officials said an estimated 30 soldiers died.", "an estimated"),
    ("Officials said 30 soldiers died, suggesting heavy losses.", "suggesting"),
    ("Russia claims 30 soldiers died.", "claims"),
]


@pytest.mark.parametrize(("text", "hedge"), HEDGES)
def test_hedges(text, hedge) -> None:
    (c,) = claims_of(text)
    assert c.hedge == hedge


# (text, quantity prefix, canonical sources, scope)
ATTRIBUTION = [
    ("The SBU reported that the men numbered 40.", "40", {"Security Service of Ukraine"}, "sentence"),
    ("At least 12 people were killed, the governor wrote on Telegram.", "At least 12", {"governor"}, "sentence"),
    ("“We captured 40 soldiers,” Zelensky said. “Another 12 were killed.”", "12", {"Volodymyr Zelensky"}, "quote"),
    ("“We have lost many men. More than 200 were killed this month.\n\n“We will not stop,” the commander said.",
     "More than 200", {"commander"}, "quote"),
    ("The ministry said the attack was repelled. It said 30 soldiers were killed.", "30", {"ministry"}, "pronoun"),
    ("The ministry said that the attack was repelled. Some 40 soldiers were killed.", "Some 40", {"ministry"},
     "previous_sentence"),
    ("Seoul's spy agency estimates that 1,100 soldiers were killed or wounded.", "1,100",
     {"National Intelligence Service (South Korea)"}, "sentence"),
    ("The Pentagon said 10,000 troops arrived.", "10,000", {"US Department of Defense"}, "sentence"),
    ("Kyiv says 3,000 soldiers have been killed or wounded.", "3,000", {"Ukraine"}, "sentence"),
    ("Ukraine's military intelligence agency, HUR, said 1,000 soldiers arrived.", "1,000",
     {"Defence Intelligence of Ukraine"}, "sentence"),
    ("The airline said 20 passengers were hurt.", "20", {"airline"}, "sentence"),
    ("Some 40 soldiers were killed, according to a CNN tally.", "Some 40", {"CNN"}, "sentence"),
    ("Officials in the United States said 40 people died.", "40", {"United States"}, "sentence"),
    ("''Some clubs are adapting,'' said Paul Chipok, a lawyer. ''It costs $100,000 a month to run one.''",
     "$100,000", {"Paul Chipok"}, "quote"),
    ("CLINTON: We lost 3,000 people on that day.", "3,000", {"CLINTON"}, "sentence"),
    ("The super PAC replaced more than $500,000 worth of ads, the reports show.", "more than $500,000",
     {"reports"}, "sentence"),
]


@pytest.mark.parametrize(("text", "quantity", "sources", "scope"), ATTRIBUTION)
def test_attribution_in_news(text, quantity, sources, scope) -> None:
    c = next(c for c in claims_of(text) if c.quantity_text.startswith(quantity))
    assert {s.source_canonical for s in c.sources} == sources
    assert c.sources[0].scope == scope


def test_a_poll_is_a_source() -> None:
    (c,) = claims_of("Donald Trump achieved 45 percent support in a new Fox News poll released Thursday.")
    assert [(s.source_canonical, s.cue) for s in c.sources] == [("new Fox News poll", "poll")]


# Patterns found while composing the demo corpus: (sentence, quantity, low, qualifier, unit, metric, location).
DEMO_PATTERNS = [
    ("About 1,500 North Korean special forces troops have been moved to Russia.",
     "About 1,500 North Korean special forces troops", 1500, "approximate", "troop", "deployed", "Russia"),
    ("At least 3,000 soldiers had been sent to eastern Russia.", "At least 3,000 soldiers", 3000, "at_least",
     "soldier", "deployed", "eastern Russia"),
    ("The number of soldiers killed or wounded in the Kursk region had passed 3,000.", "passed 3,000", 3000,
     "more_than", "soldier", "casualties", "Kursk region"),
    ("About 300 soldiers were killed and 2,700 wounded.", "2,700 wounded", 2700, "approximate", "soldier",
     "injured", None),
    ("Troops fought in Russia's war against Ukraine, killing 12 soldiers.", "12 soldiers", 12, "exact", "soldier",
     "killed", None),
]


@pytest.mark.parametrize(("text", "quantity", "low", "qualifier", "unit", "metric", "location"), DEMO_PATTERNS)
def test_demo_patterns(text, quantity, low, qualifier, unit, metric, location) -> None:
    c = next(c for c in claims_of(text) if c.quantity_text == quantity)
    assert (c.value_low, c.qualifier, c.unit, c.metric, c.location) == (low, qualifier, unit, metric, location)


def test_ratio_is_not_a_claim() -> None:
    assert [c.quantity_text for c in claims_of("Kyiv's figure is almost three times the NIS estimate.")] == []


@pytest.mark.parametrize(("text", "canonical"), [
    ("The White House national security spokesman said 3,000 soldiers were sent.", {"United States"}),
    ("US Secretary of State Antony Blinken said 8,000 soldiers were sent.", {"US Secretary of State"}),
    ("The NIS estimate puts casualties at roughly 1,100.", {"National Intelligence Service (South Korea)"}),
    ("The NIS, which estimates that 12,000 troops were sent, said more would come.",
     {"National Intelligence Service (South Korea)"}),
])
def test_source_names_inside_longer_phrases(text, canonical) -> None:
    c = claims_of(text)[0]
    assert {s.source_canonical for s in c.sources} == canonical
