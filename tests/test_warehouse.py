"""Warehouse mechanics without Prefect: flags kept current, stale claims re-extracted, readers not blocked."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb
import polars as pl

from claimledger import steps
from claimledger.checks.flags import FLAG_SCHEMA
from claimledger.model import Article
from claimledger.storage import warehouse


def flag(severity: str, detail: str) -> pl.DataFrame:
    return pl.DataFrame([{"flag_id": "f1", "claim_id": "c1", "check_name": "revision", "severity": severity,
                          "detail": detail, "related_claim_id": "c0"}], schema=FLAG_SCHEMA)


def test_a_flag_still_raised_takes_todays_severity_and_keeps_its_first_run() -> None:
    con = warehouse.connect(":memory:")
    warehouse.store_flags(con, flag("info", "rose from 10 to 12"), "run-1")
    warehouse.store_flags(con, flag("warning", "fell from 12 to 10"), "run-2")
    assert con.execute("select severity, detail, run_id from claim_flags").fetchall() == [
        ("warning", "fell from 12 to 10", "run-1")]
    warehouse.store_flags(con, pl.DataFrame(schema=FLAG_SCHEMA), "run-3")
    assert con.execute("select count(*) from claim_flags").fetchone() == (0,)


def test_changed_vocabularies_re_extract_every_article(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    article = Article(doc_id="d1", external_id="d1", source_path="d1.md", title="", subtitle="", body="Ten died.",
                      content_sha256="h1")
    con = warehouse.connect(db)
    con.execute("insert into documents (doc_id, external_id, source_path, body, ingested_at, run_id, content_sha256)"
                " values ('d1', 'd1', 'd1.md', 'Ten died.', now(), 'r', 'h1')")
    con.execute("insert into runs (run_id, started_at, status, extractor_fingerprint) values ('r', ?, 'completed', ?)",
                [datetime(2025, 1, 1), steps.extractor_fingerprint()])
    con.close()
    assert steps.changed_articles([article], db) == []
    con = warehouse.connect(db)
    con.execute("update runs set extractor_fingerprint = 'older'")
    con.close()
    assert steps.changed_articles([article], db) == [article]


def test_ingest_keeps_the_new_and_edited_articles_and_counts_every_one(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "kept.md").write_text("Rescuers said 4 hikers were hurt on the ridge.\n", encoding="utf-8")
    (folder / "edited.md").write_text("Police said 2 cyclists died.\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    first = steps.ingest_changed([folder], db)
    assert (first.n_read, len(first.changed), first.errors) == (2, 2, [])
    [articles] = list(steps.read_partitions(first.changed, 10))
    assert [a.body.split()[2] for a in articles] == ["2", "4"]  # read again from their files, in file order
    con = warehouse.connect(db)
    warehouse.store_documents(con, articles, steps.extract(articles), "r1")
    con.execute("insert into runs (run_id, started_at, status, extractor_fingerprint) values ('r1', ?, 'completed', ?)",
                [datetime(2025, 1, 1), steps.extractor_fingerprint()])
    con.close()
    (folder / "edited.md").write_text("Police said 3 cyclists died.\n", encoding="utf-8")
    (folder / "new.md").write_text("The mayor said 12 homes were flooded.\n", encoding="utf-8")
    second = steps.ingest_changed([folder], db)
    assert second.n_read == 3
    assert sorted(Path(a.source_path).name for a in second.changed) == ["edited.md", "new.md"]
    # a default date joins the content hash: an undated article dated by the run is stored again
    assert len(steps.ingest_changed([folder], db, datetime(2025, 3, 1).date()).changed) == 3
    # an article edited away between ingest and its partition's turn is left to the next run
    (folder / "new.md").unlink()
    assert [a.body.split()[2] for part in steps.read_partitions(second.changed, 1) for a in part] == ["3"]


def test_reports_read_the_live_file_while_an_analyst_has_it_open(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    con = warehouse.connect(db)
    con.execute("checkpoint")  # a live warehouse is a committed one: no write-ahead log
    con.close()
    analyst = duckdb.connect(str(db), read_only=True)
    try:
        assert steps.flag_table(db) == [] and steps.estimates_table(db) == []
        summary = steps.RunSummary("r")
        assert steps.write_report(db, summary, tmp_path / "report.html").exists()
    finally:
        analyst.close()
    assert not (tmp_path / "w.duckdb.wal").exists()
