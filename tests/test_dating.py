"""Undated articles: a date from the text, a batch default, and a list of those still without one."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from claimledger.extraction.extract import extract_article
from claimledger.extraction.frames import to_frames
from claimledger.reading.dating import date_in_text
from claimledger.reading.ingest import read_paths, with_default_date
from claimledger.reporting.report import summary_lines
from claimledger.storage import warehouse


@pytest.mark.parametrize(("body", "found"), [
    ("Posted: April 2, 2024 6:15 p.m.\n\nThree people were hurt.", date(2024, 4, 2)),
    ("Share this\nLast updated 2023-09-14 08:00\n\nTwo barns burned.", date(2023, 9, 14)),
    ("Published on 7 Feb 2022\nBody.", date(2022, 2, 7)),
    ("MARSDEN, Aug. 30, 2021 (Valley Wire) - Floodwater cut off six farms on the river road overnight.",
     date(2021, 8, 30)),
    ("By Ana Costa\n\n12 January 2020, 09:30\n\nThe strike began at dawn.", date(2020, 1, 12)),
    # no year, or a date that is the subject of a sentence rather than the page's: nothing
    ("MARSDEN, Aug. 30 (Valley Wire) - Floodwater cut off six farms on the river road overnight.", None),
    ("The bridge, opened on May 4, 1998, was closed on Friday after the river rose over its deck.", None),
    ("Updated 2023-02-30\nBody with no real date.", None),
])
def test_a_date_stated_in_the_text(body: str, found: date | None) -> None:
    assert date_in_text(body) == (datetime(found.year, found.month, found.day) if found else None)


def test_where_a_date_came_from(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\npublished_at: 2024-05-01\n---\n# T\n\nTwo died.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# T\n\nPosted May 2, 2024\n\nTwo died.\n", encoding="utf-8")
    (tmp_path / "c.md").write_text("# T\n\nTwo died, police said.\n", encoding="utf-8")
    articles, errors = read_paths([tmp_path])
    assert errors == []
    by_name = {Path(a.source_path).name: a for a in articles}
    assert (by_name["a.md"].date_source, by_name["b.md"].date_source, by_name["c.md"].date_source) \
        == ("metadata", "text", None)
    assert by_name["b.md"].published_at == datetime(2024, 5, 2)
    dated = {Path(a.source_path).name: a for a in with_default_date(articles, date(2024, 6, 1))}
    assert (dated["c.md"].published_at, dated["c.md"].date_source) == (datetime(2024, 6, 1), "default")
    assert dated["a.md"] is by_name["a.md"]  # a stated date is never replaced
    # another default is another version of the article: the next run stores it again
    again = {Path(a.source_path).name: a for a in with_default_date(articles, date(2024, 6, 2))}
    assert again["c.md"].content_sha256 != dated["c.md"].content_sha256 != by_name["c.md"].content_sha256


def test_undated_articles_are_listed_never_dropped(tmp_path: Path) -> None:
    (tmp_path / "c.md").write_text("# T\n\nTwo died, police said.\n", encoding="utf-8")
    (tmp_path / "d.md").write_text("# T\n\nPosted May 2, 2024\n\nThree died, police said.\n", encoding="utf-8")
    articles, _ = read_paths([tmp_path])
    con = warehouse.connect(":memory:")
    warehouse.store_documents(con, articles, to_frames([extract_article(a) for a in articles]), "r")
    rows = warehouse.query(con, "select source_path, n_claims from v_undated_documents")
    assert [(Path(r["source_path"]).name, r["n_claims"]) for r in rows] == [("c.md", 1)]
    lines = summary_lines({"run_id": "r", "n_documents": 2, "n_new_documents": 2, "n_failed": 0, "n_claims": 2,
                           "n_flags": 0, "flags_by_check": {}, "errors": [], "undated": ["c.md"]})
    assert any("undated: 1 article," in line and "c.md" in line for line in lines)
