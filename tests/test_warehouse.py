"""Warehouse mechanics without Prefect: flags kept current, stale claims re-extracted, readers not blocked."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import duckdb
import polars as pl

from claimledger import steps
from claimledger.checks.flags import FLAG_SCHEMA
from claimledger.model import Article
from claimledger.reading import ingest
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


def _store_as_a_run_would(db: Path, articles: list[Article], run_id: str) -> None:
    con = warehouse.connect(db)
    warehouse.store_documents(con, articles, steps.extract(articles), run_id)
    con.execute("insert into runs (run_id, started_at, status, extractor_fingerprint) values (?, ?, 'completed', ?)",
                [run_id, datetime.now(), steps.extractor_fingerprint()])
    con.close()


def test_a_file_found_as_an_earlier_run_left_it_is_counted_without_being_read(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "ferry.md").write_text("The coast guard said 9 passengers were rescued.\n", encoding="utf-8")
    (folder / "mine.jsonl").write_text('{"id": "a", "body": "Officials said 3 miners were trapped."}\n'
                                       '{"id": "b", "body": "A union said 5 miners were trapped."}\n', encoding="utf-8")
    (folder / "broken.jsonl").write_text("{not json\n", encoding="utf-8")
    settled = datetime(2025, 1, 1).timestamp()
    for path in folder.iterdir():
        os.utime(path, (settled, settled))
    opened: list[str] = []
    read_file = ingest.read_file
    monkeypatch.setattr(ingest, "read_file", lambda path: opened.append(path.name) or read_file(path))
    db = tmp_path / "w.duckdb"

    first = steps.ingest_changed([folder], db)
    _store_as_a_run_would(db, [a for part in steps.read_partitions(first.changed, 10) for a in part], "r1")
    opened.clear()
    steps.ingest_changed([folder], db)  # every article stored and current now: the files' stamps are kept
    assert sorted(opened) == ["broken.jsonl", "ferry.md", "mine.jsonl"]
    opened.clear()
    again = steps.ingest_changed([folder], db)
    assert opened == ["broken.jsonl"]  # a file that cannot be read is read (and reported) every run
    assert (again.n_read, again.changed, len(again.errors)) == (3, [], 1)

    # an edit changes the file's stamp: it is read, and its edited article is new
    (folder / "mine.jsonl").write_text('{"id": "a", "body": "Officials said 4 miners were trapped."}\n'
                                       '{"id": "b", "body": "A union said 5 miners were trapped."}\n', encoding="utf-8")
    os.utime(folder / "mine.jsonl", (settled + 60, settled + 60))
    opened.clear()
    edited = steps.ingest_changed([folder], db)
    assert sorted(opened) == ["broken.jsonl", "mine.jsonl"] and edited.n_read == 3
    assert [ref.doc_id for ref in edited.changed] == [ingest.read_file(folder / "mine.jsonl")[0][0].doc_id]
    # another default date or extractor decides the stored articles anew: every file is read
    opened.clear()
    steps.ingest_changed([folder], db, datetime(2025, 3, 1).date())
    assert len(opened) == 3
    opened.clear()
    monkeypatch.setattr(steps, "extractor_fingerprint", lambda: "another extractor")
    assert len(steps.ingest_changed([folder], db).changed) == 3 and len(opened) == 3


def test_a_file_written_just_before_a_run_is_read_again_by_the_next(tmp_path: Path, monkeypatch) -> None:
    # its time stamp may not change if it is written again within the stamp's resolution
    monkeypatch.setattr(steps, "SETTLED_NS", 3600 * 10**9)  # "just before": however slow this machine is
    (tmp_path / "fresh.md").write_text("Firefighters said 6 homes burned.\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    first = steps.ingest_changed([tmp_path / "fresh.md"], db)
    _store_as_a_run_would(db, [a for part in steps.read_partitions(first.changed, 10) for a in part], "r1")
    steps.ingest_changed([tmp_path / "fresh.md"], db)
    opened: list[str] = []
    read_file = ingest.read_file
    monkeypatch.setattr(ingest, "read_file", lambda path: opened.append(path.name) or read_file(path))
    assert steps.ingest_changed([tmp_path / "fresh.md"], db).n_read == 1 and opened == ["fresh.md"]


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
