"""SQL views on a handful of rows in an in-memory DuckDB."""

from __future__ import annotations

from datetime import datetime

import pytest

from claimledger.extraction.keys import origin_body
from claimledger.storage import warehouse


def doc(con, doc_id: str, *, story: str | None = "nk", tags: list[str] | None = None,
        published: datetime | None = datetime(2025, 1, 12), body: str = "Body with 2 soldiers.") -> None:
    con.execute("insert into documents values (?, ?, ?, 'T', '', ?, ?, ?, NULL, NULL, ?, now(), 'r', 'h', NULL)",
                [doc_id, doc_id, doc_id + ".txt", body, tags or [], story, published])


def claim(con, claim_id: str, doc_id: str, low: float | None, high: float | None, *, metric: str = "captured",
          unit: str = "soldier", approx: bool = False, qualifier: str = "exact", as_of: str | None = None,
          section: str = "body", actor: str | None = "North Korea", place: str | None = None,
          origins: tuple[str, ...] = (), sentence: str = "Body with 2 soldiers.", sentence_idx: int = 0) -> None:
    period = as_of or con.execute("select published_at::date::varchar from documents where doc_id = ?",
                                  [doc_id]).fetchone()[0]
    con.execute("""insert into claims (claim_id, doc_id, section, sentence_idx, sentence, char_start, char_end,
                   quantity_text, value_low, value_high, qualifier, is_approximate, unit, subject, metric, as_of,
                   value_source, run_id, thing, actor, place, period_start, period_precision)
                   values (?, ?, ?, ?, ?, 10, 20, '2 soldiers', ?, ?, ?, ?, ?, 'soldiers', ?, ?,
                   'text', 'r', ?, ?, ?, ?, ?)""",
                [claim_id, doc_id, section, sentence_idx, sentence, low, high, qualifier, approx, unit, metric,
                 as_of, unit, actor, place, period, "day" if as_of else "published"])
    for origin in origins:
        con.execute("insert into claim_sources values (?, ?, ?, 'said', 'sentence', ?, ?, ?)",
                    [claim_id, origin, origin, origin, origin in {"Ukraine", "Russia"}, origin_body(origin)])


@pytest.fixture
def con():
    connection = warehouse.connect(":memory:")
    yield connection
    connection.close()


def test_unsourced_view_lists_claims_without_sources(con) -> None:
    doc(con, "d1")
    claim(con, "c1", "d1", 2, 2)
    claim(con, "c2", "d1", 3, 3, metric="killed")
    con.execute("insert into claim_sources values ('c1', 'the NIS', 'National Intelligence Service (South Korea)',"
                " 'said', 'sentence', 'South Korea', false, null)")
    assert [r[0] for r in con.execute("select claim_id from v_unsourced_claims").fetchall()] == ["c2"]
    assert con.execute("select n_sources from v_claim_sourcing where claim_id = 'c1'").fetchone() == (1,)


LIVE_BLOG = "Live updates\n\n09:05 - Police give a first count.\n\n14:40 - The clinic gives its count."
LIVE_BLOG_LINES = "Live updates\n\nUpdate 9:05 a.m.\nPolice give a first count.\n\nUpdate 2:40 p.m.\nThe clinic counts."


@pytest.mark.parametrize(
    ("setup", "comparable"),
    [
        ({}, True),
        ({"origins2": ()}, False),  # the writer's own figure beside a named one: the unsourced check's job
        ({"sentence2": "The agency now counts 5, up from 3 in the morning."}, False),
        ({"sentence2": "Its tally has climbed to 5 since dawn."}, False),
        ({"body": LIVE_BLOG, "idx2": 4}, False),  # entries hours apart
        ({"body": LIVE_BLOG, "idx2": 0}, True),  # one sentence sets the two counts side by side
        ({"body": LIVE_BLOG_LINES, "idx2": 4}, False),  # the entries' times on lines of their own
        ({"sentence2": "The chief gave an updated figure of 5 soldiers."}, False),
        # one body under a short and a full name: the same origin
        ({"origins1": ("The ministry",), "origins2": ("Defence Ministry spokesman Ivo Marek",)}, False),
        ({"origins1": ("Harbour police",), "origins2": ("Lerwick Harbour Police",)}, False),
        ({"origins1": ("Health ministry",), "origins2": ("Interior Ministry",)}, True),  # two bodies
        ({"origins1": ("District",), "origins2": ("Sarrow District Hospital",)}, True),  # no body's name
    ],
)
def test_two_origins_in_one_article(con, setup: dict, comparable: bool) -> None:
    doc(con, "d1", body=setup.get("body", "Body with 2 soldiers."))
    claim(con, "c1", "d1", 2, 2, origins=setup.get("origins1", ("South Korea",)), sentence="Seoul counts 2 soldiers.")
    claim(con, "c2", "d1", 5, 5, origins=setup.get("origins2", ("Ukraine",)),
          sentence=setup.get("sentence2", "Kyiv counts 5 soldiers."), sentence_idx=setup.get("idx2", 0))
    assert con.execute("select count(*) from v_contradictions").fetchone()[0] == (1 if comparable else 0)


@pytest.mark.parametrize(
    ("a", "b", "contradicts"),
    [
        ((2, 2, False, "exact"), (5, 5, False, "exact"), True),
        ((2, 2, False, "exact"), (2, 2, False, "exact"), False),
        ((10000, None, False, "more_than"), (12000, 12000, False, "exact"), False),
        ((None, 12000, False, "at_most"), (15000, 15000, False, "exact"), True),
        ((1000, 1000, True, "approximate"), (1080, 1080, False, "exact"), False),  # within 10 %
        ((1000, 1000, True, "approximate"), (1200, 1200, False, "exact"), True),
        ((24, 99, True, "vague"), (50, 50, False, "exact"), False),
    ],
)
def test_contradiction_intervals(con, a, b, contradicts: bool) -> None:
    doc(con, "d1")
    doc(con, "d2", published=datetime(2025, 1, 12, 6))  # within half a day: no update can lie between
    claim(con, "c1", "d1", a[0], a[1], approx=a[2], qualifier=a[3], origins=("South Korea",))
    claim(con, "c2", "d2", b[0], b[1], approx=b[2], qualifier=b[3], origins=("Ukraine",))
    rows = con.execute("select claim_id, related_claim_id from v_contradictions").fetchall()
    assert rows == ([("c1", "c2")] if contradicts else [])


@pytest.mark.parametrize(
    ("setup", "comparable"),
    [
        ({"story2": "other"}, False),
        ({"published2": datetime(2025, 1, 30)}, False),
        ({"metric2": "killed"}, False),
        ({"unit2": "man"}, False),
        ({"same_doc": True}, True),  # two named origins in one article
        ({"story1": None, "story2": None, "tags1": ["Kursk"], "tags2": ["Kursk", "NK"]}, True),
        ({"story1": None, "story2": None, "tags1": ["Kursk"], "tags2": ["Gaza"]}, False),
        # several shared tags still give one pair; an article with a story and one without never pair
        ({"story1": None, "story2": None, "tags1": ["NK", "Kursk", "POW"], "tags2": ["POW", "Kursk", "NK"]}, True),
        ({"story1": None, "tags1": ["Kursk"], "tags2": ["Kursk"]}, False),
        ({"as_of1": "2024-11-01", "as_of2": "2025-01-10"}, False),
        ({"published2": None}, False),
        ({}, True),
    ],
)
def test_pairs_need_same_key_story_and_window(con, setup: dict, comparable: bool) -> None:
    doc(con, "d1", story=setup.get("story1", "nk"), tags=setup.get("tags1"))
    doc(con, "d2", story=setup.get("story2", "nk"), tags=setup.get("tags2"),
        published=setup.get("published2", datetime(2025, 1, 12, 6)))
    claim(con, "c1", "d1", 2, 2, as_of=setup.get("as_of1"), origins=("South Korea",))
    claim(con, "c2", "d1" if setup.get("same_doc") else "d2", 5, 5, metric=setup.get("metric2", "captured"),
          unit=setup.get("unit2", "soldier"), as_of=setup.get("as_of2"), origins=("Ukraine",))
    assert con.execute("select count(*) from v_claim_pairs").fetchone()[0] == (1 if comparable else 0)


@pytest.mark.parametrize(("origins1", "origins2", "published2", "later", "compared"), [
    ((), (), datetime(2025, 1, 14), 5, False),  # a later, higher toll: an update
    (("South Korea",), ("Ukraine",), datetime(2025, 1, 14), 5, False),
    (("South Korea",), ("Ukraine",), datetime(2025, 1, 14), 50, False),  # first counts are small
    (("South Korea",), ("Ukraine",), datetime(2025, 1, 14), 1, True),  # a toll does not fall
    ((), (), datetime(2025, 1, 12, 6), 5, True),  # within half a day: no update in between
    # 18 hours later and higher: the count went on, whoever gives it
    (("South Korea",), ("Ukraine",), datetime(2025, 1, 12, 18), 5, False),
    ((), (), datetime(2025, 1, 12, 18), 5, False),
    (("South Korea",), ("Ukraine",), datetime(2025, 1, 12, 6), 5, True),  # six hours: two counts of one time
])
def test_a_later_higher_toll_is_not_compared(con, origins1, origins2, published2, later, compared) -> None:
    doc(con, "d1")
    doc(con, "d2", published=published2)
    claim(con, "c1", "d1", 2, 2, origins=origins1)
    claim(con, "c2", "d2", later, later, origins=origins2)
    assert con.execute("select count(*) from v_claim_pairs").fetchone()[0] == (1 if compared else 0)


@pytest.mark.parametrize(("as_of1", "as_of2", "metric", "compared"), [
    # published later but dated earlier ("briefed lawmakers last week"): the higher count is not an update
    ("2025-01-12", "2025-01-09", "killed", True),
    (None, None, "killed", False),  # published later, no dates: the toll went on
    # the same named day for both: a toll may still have grown since that day ...
    ("2025-01-11", "2025-01-11", "killed", False),
    # ... but the count of an act on a named night stays that night's count
    ("2025-01-11", "2025-01-11", "arrested", True),
    # acts on two different named days are different acts, whatever their figures
    ("2025-01-11", "2025-01-10", "arrested", False),
    ("2025-01-11", "2025-01-10", "killed", True),  # a toll dated to a later day that is lower fell
])
def test_a_figure_s_own_date_and_the_later_article(con, as_of1, as_of2, metric, compared) -> None:
    doc(con, "d1")
    doc(con, "d2", published=datetime(2025, 1, 14))
    claim(con, "c1", "d1", 2, 2, as_of=as_of1, metric=metric, unit="person", origins=("South Korea",))
    claim(con, "c2", "d2", 5, 5, as_of=as_of2, metric=metric, unit="person", origins=("Ukraine",))
    assert con.execute("select count(*) from v_claim_pairs").fetchone()[0] == (1 if compared else 0)


def test_claim_spans_view_slices_the_section(con) -> None:
    doc(con, "d1", body="Body with 2 soldiers.")
    claim(con, "c1", "d1", 2, 2)
    assert con.execute("select span_text, section_length from v_claim_spans").fetchone() == ("2 soldiers", 21)
