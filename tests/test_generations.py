"""A run writes another generation file, brought up to the live one by a diff, and swaps the warehouse's
link to it: no copy of the warehouse, readers keep what they opened, a failed run leaves the live file."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from claimledger import steps
from claimledger.model import Article
from claimledger.storage import generations, warehouse


def _article(doc_id: str, body: str, story: str = "dam", hour: int = 9) -> Article:
    return Article(doc_id=doc_id, external_id=doc_id, source_path=f"{doc_id}.md", title=f"Title {doc_id}",
                   subtitle="", body=body, story=story, published_at=datetime(2025, 3, 4, hour))


SLUICE = _article("s1", "The water board said 14 villagers drowned when the sluice gave way.")
LEVEE = _article("s2", "Rescuers said 9 villagers drowned when the sluice gave way. Three were injured.", hour=10)
LEVEE_EDITED = _article("s2", "Rescuers said 11 villagers drowned when the sluice gave way.", hour=10)
CANAL = _article("c1", "Police said 6 anglers were hurt when the canal bank slid.", story="canal")


def _run(db: Path, articles: list[Article], run_id: str, *, commit: bool = True) -> Path:
    staging = warehouse.stage(db, run_id)
    try:
        scope = steps.load(staging, articles, steps.extract(articles), [], run_id)
        steps.validate(staging, run_id, docs_root=None, scope=scope)
        steps.record_run(staging, steps.RunSummary(run_id), flow_run_id="", started_at=datetime(2025, 3, 5))
        if commit:
            warehouse.commit(staging, db)
    finally:
        warehouse.discard(staging, db)
    return staging


def _tables(path: Path) -> dict[str, list[str]]:
    """Every table's rows, as sorted text: two files hold the same warehouse when these are equal."""
    with duckdb.connect(str(path), read_only=True) as con:
        names = [row[0] for row in con.execute(
            "select table_name from information_schema.tables where table_type = 'BASE TABLE' "
            "and table_schema = 'main'").fetchall()]
        return {name: sorted(map(str, con.execute(f"select * from {name}").fetchall())) for name in names}


def test_every_table_of_the_schema_is_synced() -> None:
    con = warehouse.connect(":memory:")
    tables = {row[0] for row in con.execute("select table_name from information_schema.tables "
                                            "where table_type = 'BASE TABLE'").fetchall()}
    assert tables == set(warehouse.SYNCED_ON_KEY) | set(warehouse.SYNCED_WITH_DOCUMENTS)


def test_runs_alternate_between_generation_files_and_the_stale_one_is_brought_up_to_date(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    first = _run(db, [SLUICE, LEVEE], "r1")
    assert db.is_symlink() and generations.live_file(db) == first
    second = _run(db, [LEVEE_EDITED, CANAL], "r2")  # no earlier generation yet: a copy of the live file
    assert generations.live_file(db) == second != first
    con = warehouse.connect(db)  # an analyst's review, written into the live file in place
    warehouse.store_review(con, warehouse.query(con, "select * from v_findings limit 1")[0], "dismissed", None, "ed")
    con.close()
    before = _tables(first)
    assert before != _tables(second)
    third = warehouse.stage(db, "r3")  # the file the last run swapped out, brought up to the live one
    assert third == first
    assert _tables(third) == _tables(second)
    assert {row for row in _tables(third)["documents"] if "11 villagers" in row}
    warehouse.discard(third, db)
    assert generations.live_file(db) == second  # nothing was published


def test_a_failed_run_leaves_rows_that_the_next_run_takes_away(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    _run(db, [SLUICE], "r1")
    _run(db, [LEVEE], "r2")
    live = generations.live_file(db)
    assert live is not None
    failed = _run(db, [CANAL, LEVEE_EDITED], "r3", commit=False)
    assert failed != live and generations.live_file(db) == live
    assert _tables(failed) != _tables(live)  # the failed run's rows are still in its file
    again = warehouse.stage(db, "r4")
    assert again == failed and _tables(again) == _tables(live)
    warehouse.discard(again, db)


def test_a_reader_holding_the_other_file_gets_a_copy_made_instead(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    _run(db, [SLUICE], "r1")
    reader = duckdb.connect(str(db), read_only=True)  # opened while generation a was live
    try:
        _run(db, [LEVEE], "r2")
        held = reader.execute("select count(*) from documents").fetchone()
        third = _run(db, [CANAL], "r3")  # generation a is held: the run writes a third file
        assert third.name.endswith(".c") and generations.live_file(db) == third
        assert reader.execute("select count(*) from documents").fetchone() == held == (1,)
        _run(db, [LEVEE_EDITED], "r4")  # reuses b; the held file, two runs old, leaves the folder
        assert [p.name[-1] for p in generations.generation_files(db)] == ["b", "c"]
        assert reader.execute("select count(*) from documents").fetchone() == (1,)
    finally:
        reader.close()
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from documents").fetchone() == (3,)


def test_a_warehouse_that_is_one_plain_file_is_adopted_in_place(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    con = warehouse.connect(db)  # what versions before generations left
    con.execute("insert into documents (doc_id, external_id, source_path, body, ingested_at, run_id, content_sha256) "
                "values ('old', 'old', 'old.md', 'An old article.', now(), 'r0', 'h0')")
    con.close()
    _run(db, [SLUICE], "r1")
    assert db.is_symlink()
    with duckdb.connect(str(db), read_only=True) as con:
        assert sorted(con.execute("select doc_id from documents").fetchall()) == [("old",), ("s1",)]


def test_a_failed_first_run_leaves_no_file(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    with pytest.raises(RuntimeError):
        staging = warehouse.stage(db, "r1")
        try:
            raise RuntimeError("the run failed")
        finally:
            warehouse.discard(staging, db)
    assert not db.exists() and not generations.generation_files(db)


def test_a_link_to_a_missing_file_is_named(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    _run(db, [SLUICE], "r1")
    live = generations.live_file(db)
    assert live is not None
    live.unlink()
    with pytest.raises(warehouse.NotAWarehouse, match="which is missing"):
        warehouse.stage(db, "r2")


def test_a_warehouse_kept_elsewhere_behind_the_users_own_link_keeps_the_link(tmp_path: Path) -> None:
    disk = tmp_path / "bigdisk"
    disk.mkdir()
    (tmp_path / "wh").mkdir()
    db = tmp_path / "wh" / "w.duckdb"
    db.symlink_to(disk / "w.duckdb")  # the user's link, to a file that does not exist yet
    _run(db, [SLUICE], "r1")
    _run(db, [LEVEE], "r2")
    _run(db, [CANAL], "r3")
    assert db.is_symlink() and Path(os.readlink(db)) == disk / "w.duckdb"
    assert generations.generation_files(disk / "w.duckdb") and not generations.generation_files(db)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from documents").fetchone() == (3,)
