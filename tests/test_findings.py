"""Every finding on a table of short articles: the rule fires where it should and nowhere else.

Articles go through the real extractor into an in-memory DuckDB; each check view is read for its
failing rows (the Great Expectations suites assert on the same columns: see test_quality.py).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from claimledger.extraction.extract import extract_article
from claimledger.extraction.frames import to_frames
from claimledger.model import Article
from claimledger.storage import warehouse

CHECK_VIEWS = {
    "contradiction": "select claim_id, related_claim_id from v_claim_pairs where not intervals_overlap",
    "revision": "select claim_id, related_claim_id, severity from v_revisions where not passed",
    "qualifier_dropped": "select claim_id, related_claim_id from v_qualifier_checks where not passed",
    "composition": "select claim_id, related_claim_id from v_composition_checks where not passed",
    "single_source": "select claim_id from v_source_checks where not single_passed",
    "interested_party_only": "select claim_id from v_source_checks where not party_passed",
    "headline_unsupported": "select claim_id from v_headline_checks where not passed",
    "hedged_unsourced": "select claim_id from v_hedged_checks where not passed",
}


def _warehouse(*articles: tuple[str, str, str]):
    """An in-memory warehouse holding (published date, title, body) articles on one story."""
    con = warehouse.connect(":memory:")
    docs = [Article(doc_id=f"d{i}", external_id=f"d{i}", source_path=f"d{i}.md", title=title, subtitle="",
                    body=body, story="nk", published_at=datetime.fromisoformat(published))
            for i, (published, title, body) in enumerate(articles)]
    warehouse.store_documents(con, docs, to_frames([extract_article(a) for a in docs]), "r1")
    return con


def findings(*articles: tuple[str, str, str]) -> dict[str, list[tuple]]:
    """Run (published date, title, body) articles through extraction and the check views."""
    con = _warehouse(*articles)
    found = {name: con.execute(sql).fetchall() for name, sql in CHECK_VIEWS.items()}
    con.close()
    return {name: rows for name, rows in found.items() if rows}


# (first article, second article, the findings expected, with their count)
CASES = [
    pytest.param(("2025-01-10", "", "The NIS said 2 soldiers were captured."),
                 ("2025-01-12", "", "The NIS said 2 soldiers were captured."),
                 {"single_source": 2}, id="same figure, one origin: single source"),
    pytest.param(("2025-01-10", "", "The NIS said 5 soldiers were captured."),
                 ("2025-01-12", "", "The Pentagon said 2 soldiers were captured."),
                 {"contradiction": 1}, id="different origins, disjoint: contradiction"),
    pytest.param(("2025-01-10", "", "The NIS said 2 soldiers were captured."),
                 ("2025-01-12", "", "The Pentagon said 2 soldiers were captured."),
                 {}, id="different origins, same figure: corroborated"),
    pytest.param(("2024-10-23", "", "The NIS said at least 3,000 soldiers were deployed."),
                 ("2024-10-28", "", "The Pentagon said about 10,000 soldiers were deployed."),
                 {}, id="at least 3,000 holds with about 10,000"),
    pytest.param(("2024-10-23", "", "The NIS said about 3,000 soldiers were deployed."),
                 ("2024-10-28", "", "The Pentagon said more than 10,000 soldiers were deployed."),
                 {"contradiction": 1}, id="about 3,000 against more than 10,000 in one week"),
    pytest.param(("2024-10-28", "", "The Pentagon said about 10,000 soldiers were deployed in Russia."),
                 ("2024-10-31", "", "Blinken said about 8,000 soldiers were deployed in the Kursk region."),
                 {}, id="different scopes are compatible"),
    pytest.param(("2024-10-01", "", "The Pentagon said 3,000 soldiers were deployed."),
                 ("2024-12-20", "", "The NIS said 10,000 soldiers were deployed."),
                 {}, id="different periods are a timeline"),
    pytest.param(("2025-01-13", "", "The NIS said about 3,000 soldiers were killed or wounded."),
                 ("2025-04-30", "", "The NIS said about 4,700 soldiers were killed or wounded."),
                 {"revision": 1}, id="same origin, later figure: revision"),
    pytest.param(("2025-01-13", "", "The NIS said 24 soldiers were killed."),
                 ("2025-01-20", "", "The NIS said 20 soldiers were killed."),
                 {"revision": 1}, id="a falling death toll is a revision too"),
    pytest.param(("2024-10-18", "", "The NIS said North Korea has decided to send 12,000 soldiers."),
                 ("2024-10-26", "", "The NIS said 3,000 soldiers were deployed."),
                 {}, id="a plan is not revised by a count"),
    pytest.param(("2024-10-18", "", "The NIS said up to 12,000 soldiers were deployed."),
                 ("2024-11-20", "", "The NIS said 12,000 soldiers were deployed."),
                 {"qualifier_dropped": 1}, id="qualifier dropped"),
    pytest.param(("2024-10-18", "", "The NIS said up to 12,000 soldiers were deployed."),
                 ("2024-11-20", "", "The NIS said up to 12,000 soldiers were deployed."),
                 {}, id="qualifier kept"),
    pytest.param(("2024-10-23", "", "The White House said at least 3,000 soldiers were deployed."),
                 ("2024-10-28", "", "The Pentagon said about 10,000 soldiers were deployed."),
                 {"single_source": 2}, id="the White House and the Pentagon are one origin"),
    pytest.param(("2025-01-13", "", "The NIS said about 300 soldiers were killed and about 2,700 wounded. "
                                    "The NIS said some 3,000 soldiers were killed or wounded."),
                 ("2025-03-01", "", "Officials in Seoul said 12 tanks were captured."),
                 {}, id="parts add up to the whole"),
    pytest.param(("2025-01-13", "", "The NIS said about 300 soldiers were killed and about 2,700 wounded. "
                                    "The NIS said some 1,000 soldiers were killed or wounded."),
                 ("2025-03-01", "", "Officials in Seoul said 12 tanks were captured."),
                 {"composition": 1}, id="parts do not add up"),
    pytest.param(("2024-11-13", "", "Kyiv said 11,000 soldiers were deployed in the Kursk region."),
                 ("2025-03-01", "", "The NIS said 12 tanks were captured."),
                 {"interested_party_only": 1}, id="only a party to the war says so"),
    pytest.param(("2024-11-15", "20,000 soldiers in Kursk", "Kyiv said 11,000 soldiers were deployed in Kursk."),
                 ("2025-03-01", "", "The NIS said 12 tanks were captured."),
                 {"interested_party_only": 1, "headline_unsupported": 1}, id="headline number not in the body"),
    pytest.param(("2024-11-15", "11,000 soldiers in Kursk", "The NIS said 11,000 soldiers were deployed in Kursk."),
                 ("2025-03-01", "", "The NIS said 12 tanks were captured."),
                 {}, id="headline number backed by the body"),
    pytest.param(("2024-11-15", "", "Some 30 soldiers were reportedly killed."),
                 ("2025-03-01", "", "The NIS said 12 tanks were captured."),
                 {"hedged_unsourced": 1}, id="hedged and unsourced"),
    pytest.param(("2024-11-15", "", "Some 30 soldiers were reportedly killed, the NIS said."),
                 ("2025-03-01", "", "The NIS said 12 tanks were captured."),
                 {}, id="hedged but sourced"),
]


@pytest.mark.parametrize(("first", "second", "expected"), CASES)
def test_finding(first, second, expected) -> None:
    result = findings(first, second)
    assert {name: len(rows) for name, rows in result.items()} == expected


def test_falling_cumulative_total_is_a_warning() -> None:
    result = findings(("2025-01-13", "", "The NIS said 24 soldiers were killed."),
                      ("2025-01-20", "", "The NIS said 20 soldiers were killed."))
    assert result["revision"][0][2] == "warning"
    rising = findings(("2025-01-13", "", "The NIS said 20 soldiers were killed."),
                      ("2025-01-20", "", "The NIS said 24 soldiers were killed."))
    assert rising["revision"][0][2] == "info"


def test_composition_passes_when_any_injured_figure_adds_up() -> None:
    result = findings(("2025-01-13", "", "The NIS said 50 soldiers were killed or wounded. "
                                         "The NIS said 20 soldiers were killed and 30 wounded."),
                      ("2025-01-15", "", "The NIS said 5 soldiers were wounded."))
    assert "composition" not in result


def test_contradiction_with_an_unsourced_side_is_a_warning() -> None:
    both = pairs_severity(("2025-01-13", "", "Kyiv said 900 soldiers were killed."),
                          ("2025-01-14", "", "The NIS said 300 soldiers were killed."))
    assert both == ["error"]
    weak = pairs_severity(("2025-01-13", "", "Some 900 soldiers were killed in the fighting."),
                          ("2025-01-14", "", "The NIS said 300 soldiers were killed."))
    assert weak == ["warning"]


def test_a_toll_that_rises_on_a_later_day_is_an_update() -> None:
    result = findings(("2025-01-13", "", "Four climbers died in the avalanche, rescuers said."),
                      ("2025-01-15", "", "Seven climbers died in the avalanche, the park service said."))
    assert "contradiction" not in result
    same_day = findings(("2025-01-13", "", "Four climbers died in the avalanche, rescuers said."),
                        ("2025-01-13", "", "Seven climbers died in the avalanche, the park service said."))
    assert len(same_day["contradiction"]) == 1
    # first counts are small: a tenfold rise two days on is still the count going on
    jump = findings(("2025-01-13", "", "Four climbers died in the avalanche, rescuers said."),
                    ("2025-01-15", "", "Forty climbers died in the avalanche, the park service said."))
    assert "contradiction" not in jump
    falling = findings(("2025-01-13", "", "Four climbers died in the avalanche, rescuers said."),
                       ("2025-01-15", "", "Two climbers died in the avalanche, the park service said."))
    assert len(falling["contradiction"]) == 1


def test_a_missing_count_that_falls_on_a_later_day_is_an_update() -> None:
    result = findings(("2025-01-13", "", "Rescuers said 30 hikers were missing."),
                      ("2025-01-15", "", "The park service said 12 hikers were still missing."))
    assert "contradiction" not in result


def pairs_severity(first, second) -> list[str]:
    con = _warehouse(first, second)
    return [r[0] for r in con.execute("select severity from v_contradictions").fetchall()]


# (first article, second article, contradictions expected)
UPDATES_AND_PARTS = [
    # a toll dated later in the text is an update, even when both articles appear the same day
    pytest.param(("2025-01-15", "", "Rescuers said on Monday that four climbers died in the avalanche."),
                 ("2025-01-15", "", "The park service said on Wednesday that six climbers died in the avalanche."),
                 0, id="later-dated higher toll"),
    pytest.param(("2025-01-15", "", "Rescuers said on Wednesday that four climbers died in the avalanche."),
                 ("2025-01-15", "", "The park service said on Monday that six climbers died in the avalanche."),
                 1, id="earlier-dated higher toll"),
    # published half a day later in a sentence that says the toll rose
    pytest.param(("2025-01-13T01:00:00", "", "Rescuers said four climbers died in the avalanche."),
                 ("2025-01-13T20:00:00", "", "A fifth climber died, raising the number of climbers killed to 5, "
                                             "the park service said."),
                 0, id="a later sentence that says the toll rose"),
    # a toll may grow more over two days than over one
    pytest.param(("2025-01-13", "", "Rescuers said 17 climbers died in the avalanche."),
                 ("2025-01-15", "", "The park service said 29 climbers died in the avalanche."),
                 0, id="toll grown over two days"),
    pytest.param(("2025-01-13", "", "Rescuers said 17 climbers died in the avalanche."),
                 ("2025-01-14", "", "The park service said 29 climbers died in the avalanche."),
                 0, id="the same growth in one day"),
    # "nobody died" is said of one place or group
    pytest.param(("2025-01-13", "", "Rescuers said 17 climbers died in the avalanche."),
                 ("2025-01-13", "", "The park service said no climbers died in the avalanche."),
                 0, id="a zero with no place"),
    # a smaller count of one side is not set against a larger count of both; a larger one is
    pytest.param(("2025-01-13", "", "Kelvish officials said 6 Kelvish sailors were killed in the clash."),
                 ("2025-01-13", "", "Harbor officials said 15 sailors were killed in the clash."),
                 0, id="one side's part of the whole"),
    pytest.param(("2025-01-13", "", "Kelvish officials said 25 Kelvish sailors were killed in the clash."),
                 ("2025-01-13", "", "Harbor officials said 15 sailors were killed in the clash."),
                 1, id="one side's count above the whole"),
    # a higher figure no one is named for, published a day later, is the updated toll repeated
    pytest.param(("2025-01-13T08:00:00", "", "Rescuers said 14 climbers died in the avalanche."),
                 ("2025-01-13T21:00:00", "", "The avalanche killed at least 17 climbers."),
                 0, id="a later unsourced toll within growth"),
    pytest.param(("2025-01-13T08:00:00", "", "Rescuers said 14 climbers died in the avalanche."),
                 ("2025-01-13T21:00:00", "", "The park service said 17 climbers died in the avalanche."),
                 0, id="a higher toll from another origin half a day later"),
    pytest.param(("2025-01-13T08:00:00", "", "Rescuers said 14 climbers died in the avalanche."),
                 ("2025-01-13T11:00:00", "", "The park service said 17 climbers died in the avalanche."),
                 1, id="two named origins within hours"),
    pytest.param(("2025-01-13T08:00:00", "", "Rescuers said 17 climbers died in the avalanche."),
                 ("2025-01-14T09:00:00", "", "The park service said 14 climbers died in the avalanche."),
                 1, id="a lower toll from another origin a day later"),
    pytest.param(("2025-01-13T08:00:00", "", "Rescuers said 30 hikers were missing."),
                 ("2025-01-13T21:00:00", "", "Twelve hikers were still missing."),
                 0, id="a later unsourced missing count that fell"),
    # a toll said to be still rising, then a much higher one from another origin a day later
    pytest.param(("2025-01-13", "", "Rescuers said the toll rises to 9 climbers killed in the avalanche."),
                 ("2025-01-14", "", "The park service said 34 climbers died in the avalanche."),
                 0, id="a moving toll, then a later higher one"),
    pytest.param(("2025-01-13", "", "Rescuers said 9 climbers died in the avalanche."),
                 ("2025-01-14", "", "The park service said 34 climbers died in the avalanche."),
                 0, id="a settled toll, then a jump a day later"),
    # a later unsourced count far above an earlier sourced one: the count went on (arrests over days)
    pytest.param(("2025-01-13T08:00:00", "", "Police said they arrested 9 protesters."),
                 ("2025-01-14T20:00:00", "", "Police have arrested 31 protesters."),
                 0, id="a later unsourced count far above"),
    pytest.param(("2025-01-13T08:00:00", "", "The park service updates the toll: 9 climbers dead."),
                 ("2025-01-14T20:00:00", "", "The state agency said 24 climbers died in the avalanche."),
                 0, id="a toll the earlier article says it updates"),
    # a street or a building is no article place that keeps two articles apart
    pytest.param(("2025-01-13", "", "Fire crews said 9 guests died in the fire on Larch Avenue. "
                                    "Crews said 3 guests were rescued on Larch Avenue."),
                 ("2025-01-13", "", "The health department said 12 guests died in the fire."),
                 1, id="a street is a site, not the event's area"),
    # "X of Y" and "the Y's spokesman" speak for Y: one origin, a revision rather than a contradiction
    pytest.param(("2025-01-13", "", "The Harbour Authority said 8 sailors were missing."),
                 ("2025-01-13", "", "Ana Brel of the Harbour Authority said 11 sailors were missing."),
                 0, id="a person speaking for the same organisation"),
]


@pytest.mark.parametrize(("first", "second", "contradictions"), UPDATES_AND_PARTS)
def test_updates_and_parts_are_not_contradictions(first, second, contradictions: int) -> None:
    assert len(findings(first, second).get("contradiction", [])) == contradictions


def test_a_single_person_in_a_headline_needs_no_body_figure() -> None:
    single = findings(("2025-01-13", "A third man was hurt in the rockfall", "Rescuers found another hiker."),
                      ("2025-03-01", "", "Rangers said 12 hikers were rescued."))
    assert "headline_unsupported" not in single
    figure = findings(("2025-01-13", "Three men were hurt in the rockfall", "Rescuers found another hiker."),
                      ("2025-03-01", "", "Rangers said 12 hikers were rescued."))
    assert len(figure["headline_unsupported"]) == 1


def _estimate(*articles: tuple[str, str, str]) -> dict:
    con = _warehouse(*articles)
    (row,) = [dict(zip([d[0] for d in con.description], r, strict=True))
              for r in con.execute("select * from v_claim_estimates where metric = 'killed'").fetchall()]
    con.close()
    return row


def test_an_estimate_says_when_its_best_is_one_side_of_an_open_bound() -> None:
    from claimledger.reporting.report import how_chosen

    row = _estimate(("2025-01-10", "", "The NIS said more than 40 soldiers were killed."),
                    ("2025-01-12", "", "The Pentagon said 55 soldiers were killed."))
    assert (row["best"], row["best_basis"], row["best_origins"]) == (40.0, "floor", "South Korea")
    assert (row["high"], row["high_origins"]) == (None, "South Korea")  # "more than 40" has no upper bound
    assert "may be higher" in how_chosen(row) and "no upper bound" in how_chosen(row)


def test_an_estimate_names_who_holds_each_end_of_the_range() -> None:
    row = _estimate(("2025-01-10", "", "The NIS said 40 soldiers were killed."),
                    ("2025-01-11", "", "Kyiv said at least 40 soldiers were killed."),
                    ("2025-01-12", "", "The Pentagon said 55 soldiers were killed."))
    assert (row["best"], row["best_basis"]) == (40.0, "stated")  # a stated figure wins over a floor at one point
    assert row["best_origins"] == "South Korea; Ukraine"
    assert (row["low"], row["low_origins"]) == (40.0, "South Korea; Ukraine")


def test_parts_and_a_whole_from_different_origins_are_no_composition() -> None:
    # one account's parts against another's whole is a disagreement between origins, not a sum that fails
    result = findings(("2025-01-13", "", "The NIS said about 300 soldiers were killed and about 2,700 wounded. "
                                         "Pentagon officials said some 1,000 soldiers were killed or wounded."),
                      ("2025-03-01", "", "Officials in Seoul said 12 tanks were captured."))
    assert "composition" not in result


def test_an_articles_own_parts_and_whole_are_composed() -> None:
    result = findings(("2025-01-13", "", "About 300 soldiers were killed and about 2,700 wounded in the battle. "
                                         "Some 1,000 soldiers were killed or wounded there."),
                      ("2025-03-01", "", "Officials in Seoul said 12 tanks were captured."))
    assert len(result.get("composition", [])) == 1
