"""The HTML report draws every key it can: zero, negative, open and enormous values, and a key whose
rows cannot be drawn says so while the rest of the page is drawn. Its axes have round ticks and
calendar dates; counted groups merge only the keys the checks compare, within one story; the page reads
story by story, errors first, and draws a bounded number of stories, groups and figures."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from claimledger import steps
from claimledger.reporting import html_report, timeline_svg
from claimledger.storage import warehouse


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
    bad = _point(4.0, 4.0) | {"thing": "civilian", "metric": "missing", "published_at": "2025-01"}  # not a date
    page = html_report.render(["run summary"], [], [], [good, bad])
    assert "soldier killed" in page and "<svg" in page
    assert "civilian missing" in page and "could not be drawn" in page


@pytest.mark.parametrize(("low", "high", "expected"), [
    (0.0, 11000.0, [0, 2500, 5000, 7500, 10000, 12500]),
    (0.0, 0.0, [0, 0.2, 0.4, 0.6, 0.8, 1.0]),          # all zeros still give the axis a height
    (-3.0, 5.0, [-4, -2, 0, 2, 4, 6]),
    (0.0, 1e15, [0, 2e14, 4e14, 6e14, 8e14, 1e15]),
])
def test_value_ticks_are_round_and_cover_the_values(low: float, high: float, expected: list[float]) -> None:
    assert timeline_svg.value_ticks(low, high) == expected


@pytest.mark.parametrize(("start", "end", "expected"), [
    (datetime(2025, 1, 9), datetime(2025, 1, 11), ["2025-01-09", "2025-01-10", "2025-01-11"]),
    (datetime(2024, 11, 1, 12), datetime(2024, 11, 30), ["2024-11-04", "2024-11-11", "2024-11-18", "2024-11-25"]),
    (datetime(2024, 10, 15), datetime(2025, 4, 2), ["2024-11", "2024-12", "2025-01", "2025-02", "2025-03",
                                                    "2025-04"]),
    (datetime(2019, 3, 1), datetime(2025, 4, 2), ["2020", "2021", "2022", "2023", "2024", "2025"]),
])
def test_date_ticks_fall_on_calendar_days_weeks_and_months(start: datetime, end: datetime, expected) -> None:
    assert [label for _, label in timeline_svg.date_ticks(start, end)] == expected


def test_keys_the_warehouse_folds_together_are_one_section_and_findings_read_errors_first() -> None:
    stored = [("*", None), ("soldier", "North Korea")]
    groups = [{"thing": t, "actor": a, "metric": "killed", "place": "Kursk region", "group_id": "g1",
               "group_thing": "soldier", "group_actor": "North Korea"} for t, a in stored]
    points = [_point(1.0, 1.0) | {"thing": t, "actor": a, "place": "Kursk region"} for t, a in stored]
    flags = [{"severity": sev, "check_name": check, "quantity_text": "x", "value_low": 1.0, "value_high": 1.0,
              "sources": "Navy", "title": "T", "outlet": "O", "published_at": None, "detail": "d",
              "thing": "*", "actor": None, "metric": "killed", "place": "Kursk region"}
             for sev, check in [("info", "revision"), ("info", "single_source"), ("warning", "unsourced"),
                                ("error", "contradiction")]]
    page = html_report.render(["run"], flags, [], points, groups=groups, n_dismissed=2)
    assert page.count('<section class="group"') == 1 and "North Korea soldier killed in Kursk region" in page
    assert "2 dismissed findings hidden" in page
    summary = page[page.index('<table class="summary">'):page.index("</table>")]
    assert [summary.index(f"<li class='{sev}'>") for sev in ("error", "warning", "info")] == sorted(
        summary.index(f"<li class='{sev}'>") for sev in ("error", "warning", "info"))


def _keyed_warehouse(claims: list[tuple[str, str | None, str, str | None]], *, path: Path | str = ":memory:",
                     tags: tuple[str, ...] = ()) -> duckdb.DuckDBPyConnection:
    """Claims (thing, actor, place, story) of 'killed', one article each (tagged `tags`), a day apart, each
    from its own origin."""
    con = warehouse.connect(path)
    for i, (thing, actor, place, story) in enumerate(claims):
        con.execute("insert into documents (doc_id, external_id, source_path, body, tags, story, published_at, "
                    "ingested_at, run_id, content_sha256) values (?, ?, ?, 'b', ?, ?, ?, now(), 'r', 'h')",
                    [f"d{i}", f"d{i}", f"d{i}.md", list(tags), story, datetime(2025, 1, 1 + i)])
        con.execute("insert into claims (claim_id, doc_id, section, sentence_idx, sentence, char_start, char_end, "
                    "quantity_text, value_low, value_high, qualifier, is_approximate, metric, value_source, run_id, "
                    "thing, actor, place, period_start, is_people, kind, assertion, event_scope) values (?, ?, 'body', "
                    "0, 's', 0, 1, ?, ?, ?, 'exact', false, 'killed', 'text', 'r', ?, ?, ?, ?, true, 'count', "
                    "'asserted', 'main')", [f"c{i}", f"d{i}", str(10 * (i + 1)), 10.0 * (i + 1), 10.0 * (i + 1),
                                            thing, actor, place, datetime(2025, 1, 1 + i)])
        con.execute("insert into claim_sources (claim_id, source_text, source_canonical, cue, scope, source_origin) "
                    "values (?, ?, ?, 'said', 'sentence', ?)", [f"c{i}", f"O{i}", f"O{i}", f"O{i}"])
    return con


@pytest.mark.parametrize(("claims", "expected"), [
    # '*' casualties with no actor, compared with North Korean soldiers: one group
    ([("*", None, "Kursk", "nk"), ("*", "NK", "Kursk", "nk"), ("soldier", "NK", "Kursk", "nk")],
     {("*", None): ("soldier", "NK"), ("*", "NK"): ("soldier", "NK"), ("soldier", "NK"): ("soldier", "NK")}),
    # soldiers of no named side, compared with two sides' soldiers: choosing one would be a guess
    ([("soldier", None, "Kursk", "nk"), ("soldier", "NK", "Kursk", "nk"), ("soldier", "Russia", "Kursk", "nk")],
     {("soldier", None): ("soldier", None), ("soldier", "NK"): ("soldier", "NK"),
      ("soldier", "Russia"): ("soldier", "Russia")}),
    # another place, or another story: never compared, so never merged
    ([("*", None, "Kursk", "nk"), ("soldier", "NK", "Russia", "nk")],
     {("*", None): ("*", None), ("soldier", "NK"): ("soldier", "NK")}),
    ([("*", None, "Kursk", "nk"), ("soldier", "NK", "Kursk", "other")],
     {("*", None): ("*", None), ("soldier", "NK"): ("soldier", "NK")}),
])
def test_counted_groups_merge_only_keys_the_checks_compare(claims, expected) -> None:
    con = _keyed_warehouse(claims)
    rows = con.execute("select thing, actor, group_thing, group_actor from v_claim_groups").fetchall()
    assert {(t, a): (gt, ga) for t, a, gt, ga in rows} == expected


def test_group_estimates_take_the_lowest_best_across_the_keys_of_a_month() -> None:
    con = _keyed_warehouse([("*", None, "Kursk", "nk"), ("soldier", "NK", "Kursk", "nk")])
    rows = con.execute("select group_thing, group_actor, low, best, high, best_origins, n_keys, is_latest "
                       "from v_group_estimates").fetchall()
    assert rows == [("soldier", "NK", 10.0, 10.0, 20.0, "O0", 2, True)]
    origins = con.execute("select origin, value_low from v_group_origins order by origin").fetchall()
    assert origins == [("O0", 10.0), ("O1", 20.0)]


def test_the_same_key_on_two_stories_is_two_groups_each_with_its_own_estimate() -> None:
    con = _keyed_warehouse([("soldier", "NK", "Kursk", "a"), ("soldier", "NK", "Kursk", "b"),
                            ("*", None, "Kursk", "a")])
    groups = con.execute("select story, thing, actor, group_thing, group_actor, group_id from v_claim_groups "
                         "order by story, thing").fetchall()
    assert [g[:5] for g in groups] == [("a", "*", None, "soldier", "NK"), ("a", "soldier", "NK", "soldier", "NK"),
                                       ("b", "soldier", "NK", "soldier", "NK")]
    assert groups[0][5] == groups[1][5] != groups[2][5]
    estimates = con.execute("select story, best, high, best_origins, n_claims from v_group_estimates "
                            "order by story").fetchall()
    assert estimates == [("a", 10.0, 30.0, "O0", 2), ("b", 20.0, 20.0, "O1", 1)]
    origins = con.execute("select story, origin from v_group_origins order by story, origin").fetchall()
    assert origins == [("a", "O0"), ("a", "O2"), ("b", "O1")]


@pytest.mark.parametrize(("tags", "merged"), [(("kursk",), True), ((), False)])
def test_articles_with_no_story_merge_keys_only_when_they_share_a_tag(tags: tuple[str, ...], merged: bool) -> None:
    con = _keyed_warehouse([("*", None, "Kursk", None), ("soldier", "NK", "Kursk", None)], tags=tags)
    rows = dict(con.execute("select thing, group_thing from v_claim_groups where story is null").fetchall())
    assert rows == {"*": "soldier" if merged else "*", "soldier": "soldier"}


def _flag(severity: str, story: str, thing: str = "soldier") -> dict:
    return {"severity": severity, "check_name": "contradiction" if severity == "error" else "unsourced",
            "quantity_text": "x", "value_low": 1.0, "value_high": 1.0, "sources": "Navy", "title": "T",
            "outlet": "O", "published_at": None, "detail": "d", "thing": thing, "actor": None, "metric": "killed",
            "place": None, "story": story}


def test_stories_read_errors_first_and_a_key_is_one_heading_in_each_story() -> None:
    # story "a" has more findings and sorts first by name, "b" has the error; both hold the same key
    flags = [_flag("warning", "a"), _flag("warning", "a"), _flag("warning", "a", thing="civilian"),
             _flag("error", "b")]
    points = [_point(1.0, 1.0, day=d) | {"story": s} for s in ("a", "b", None) for d in (1, 2)]
    page = html_report.render(["run"], flags, [], points)
    blocks = page.split('<section class="story-summary"')[1:]
    assert [b.split('"')[1] for b in blocks] == ["b", "a", ""]
    assert "Story: b" in blocks[0] and "Articles with no story" in blocks[2]
    story_a = page[page.index('<section class="story" id'):].split('<section class="story" id')[2]
    assert story_a.count("<h3>soldier killed</h3>") == 1 and story_a.count("<h3>civilian killed</h3>") == 1
    assert page.count("<h3>soldier killed</h3>") == 3  # one per story, the articles with no story included


def test_the_page_draws_the_worst_stories_and_says_how_many_more(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_report, "MAX_STORIES", 2)
    monkeypatch.setattr(html_report, "MAX_GROUPS_PER_STORY", 1)
    index = [{"story": f"s{i}", "group_id": f"g{i}{j}", "group_thing": f"t{j}", "group_actor": None,
              "metric": "killed", "place": None, "n_figures": 1, "n_errors": int(i == 3 and j == 1),
              "n_warnings": i, "n_infos": 0} for i in range(4) for j in range(2)]
    # s3 has the error (in its second group); then s2, with the most warnings, whose groups tie: by name
    assert html_report.shown_groups(index) == ["g31", "g20"]
    page = html_report.render(["run"], [], [], [], index=index)
    assert "… and 2 more stories" in page and page.count("… and 1 more counted groups in this story") == 2


def test_a_chart_draws_the_latest_figures_and_says_how_many_the_view_holds(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "claims.duckdb"
    _keyed_warehouse([("soldier", "NK", "Kursk", "a")] * 3, path=db).close()
    monkeypatch.setattr(html_report, "MAX_POINTS", 2)
    page = steps.write_report(db, steps.RunSummary("r"), tmp_path / "claims.report.html").read_text()
    assert "The latest 2 of 3 dated figures are drawn" in page and page.count('<g class="point"') == 2
    assert "v_group_timeline where group_id" in page
    assert 'class="point" data-origin="O0"' not in page  # the earliest figure is the one left out


def test_two_groups_whose_keys_read_alike_get_two_headings() -> None:
    # '*' (any people) is left unsaid, so a key with no thing reads the same: the id tells them apart
    points = [_point(1.0, 1.0) | {"thing": thing, "story": "a"} for thing in ("*", None)]
    page = html_report.render(["run"], [], [], points)
    headings = [h.split("</h3>")[0] for h in page.split("<h3>")[1:] if "</h3>" in h and "Story" not in h]
    assert len(headings) == 2 and len(set(headings)) == 2 and all(h.startswith("killed") for h in headings)
