"""The whole Prefect flow on the seed plus two short articles, checked in the DuckDB file."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import duckdb
import pytest
from prefect.testing.utilities import prefect_test_harness

from claimledger import cli
from claimledger.checks import quality
from claimledger.flow import claims_pipeline
from claimledger.storage import generations

pytestmark = pytest.mark.flow

UNSOURCED = """---
story: nk-kursk
published_at: 2025-01-13
outlet: Test Wire
---
# Captives in Kursk

Five North Korean soldiers were captured in the Kursk region on Sunday.
"""
CONTRADICTING = """---
story: nk-kursk
published_at: 2025-01-14
outlet: Other Wire
---
# Two captured

The SBU said that two North Korean soldiers were captured in the Kursk region.
"""


@pytest.fixture(scope="module")
def harness():
    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture
def corpus(tmp_path: Path, seed_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(seed_path, folder / seed_path.name)
    (folder / "unsourced.md").write_text(UNSOURCED, encoding="utf-8")
    (folder / "contradicting.md").write_text(CONTRADICTING, encoding="utf-8")
    return folder


def rows(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_flow_flags_exactly_the_two_articles(harness, corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "wh" / "claims.duckdb"
    summary = claims_pipeline(seeds=[str(corpus)], db=str(db))
    assert (summary["n_documents"], summary["n_new_documents"], summary["n_failed"]) == (3, 3, 0)
    flags = rows(db, """
        select f.check_name, f.severity, c.quantity_text, r.quantity_text, d.external_id
        from claim_flags f join claims c using (claim_id) join documents d on d.doc_id = c.doc_id
        left join claims r on r.claim_id = f.related_claim_id order by all""")
    core = [(f[0], f[1], {f[2], f[3]} - {None}) for f in flags if f[0] in {"unsourced", "contradiction"}]
    assert sorted(core) == [
        # one side names no source: weak evidence, so a warning rather than an error
        ("contradiction", "warning", {"Five North Korean soldiers", "two North Korean soldiers"}),
        ("unsourced", "warning", {"Five North Korean soldiers"}),
    ]
    # Figures whose only sources are parties to the war (Ukraine's SBU and president) are findings too.
    assert sorted(f[2] for f in flags if f[0] == "interested_party_only") == [
        "Two wounded soldiers", "the two captured men", "two North Korean soldiers"]
    assert {f[0] for f in flags} == {"unsourced", "contradiction", "interested_party_only"}
    contradiction = rows(db, "select value_low, related_value_low, related_sources, sources from v_contradictions")
    assert {contradiction[0][0], contradiction[0][1]} == {5.0, 2.0}
    assert "Security Service of Ukraine" in (contradiction[0][2] or "") + (contradiction[0][3] or "")
    assert rows(db, "select count(*) from claims c join documents d using (doc_id) "
                    "where d.external_id = '000_de3101bb959c5679.txt'")[0][0] >= 5
    assert (tmp_path / "wh" / "gx" / "uncommitted" / "data_docs" / "local_site" / "index.html").exists()
    report = (tmp_path / "wh" / "claims.report.html").read_text(encoding="utf-8")
    assert "<svg" in report and "Five North Korean soldiers" in report and "cdn" not in report.lower()
    assert rows(db, "select status, n_documents, n_flags from runs") == [("completed", 3, len(flags))]

    # Re-running on unchanged input adds nothing but the run's own row.
    before = {t: rows(db, f"select count(*) from {t}")[0][0] for t in ("documents", "claims", "claim_sources",
                                                                       "claim_flags", "ingest_errors")}
    drawn_at = (tmp_path / "wh" / "claims.report.html").stat().st_mtime_ns
    again = claims_pipeline(seeds=[str(corpus)], db=str(db))
    assert again["n_new_documents"] == 0
    assert before == {t: rows(db, f"select count(*) from {t}")[0][0] for t in before}
    # ... and takes over the last run's counts, report and artifacts, which still hold
    counts = ("n_claims", "n_flags", "n_findings", "flags_by_check", "undated", "n_dismissed")
    assert {k: again[k] for k in counts} == {k: summary[k] for k in counts}
    assert (tmp_path / "wh" / "claims.report.html").stat().st_mtime_ns == drawn_at
    assert rows(db, "select count(*) from runs where status = 'completed'") == [(2,)]

    # An edited article replaces its rows; a bad file is recorded and the run goes on.
    (corpus / "unsourced.md").write_text(UNSOURCED.replace("Five", "Two"), encoding="utf-8")
    (corpus / "broken.jsonl").write_text('{"id": "x", "body": "Ten people died."}\n{"id": \n', encoding="utf-8")
    third = claims_pipeline(seeds=[str(corpus)], db=str(db))
    assert (third["n_new_documents"], third["n_failed"]) == (2, 1)
    assert rows(db, "select line, reason like 'malformed JSON%' from ingest_errors") == [(2, True)]
    assert rows(db, "select count(*) from claims where quantity_text like 'Five%'")[0][0] == 0
    assert rows(db, "select count(*) from claim_flags where check_name = 'contradiction'")[0][0] == 0


def test_a_run_that_adds_an_article_flags_what_a_check_of_everything_flags(harness, corpus: Path,
                                                                          tmp_path: Path) -> None:
    added = corpus / "contradicting.md"
    held_back = added.read_text(encoding="utf-8")
    added.unlink()
    db = tmp_path / "claims.duckdb"
    claims_pipeline(seeds=[str(corpus)], db=str(db), build_docs=False)
    added.write_text(held_back, encoding="utf-8")
    claims_pipeline(seeds=[str(corpus)], db=str(db), build_docs=False)  # checks the nk-kursk story only
    flags = "select flag_id, check_name, severity, detail, finding_id from claim_flags order by all"
    incremental = rows(db, flags)
    assert any(f[1] == "contradiction" for f in incremental)
    claims_pipeline(seeds=[str(corpus)], db=str(db), build_docs=False, recheck_all=True)
    assert rows(db, flags) == incremental


def test_failed_run_leaves_warehouse_as_it_was(harness, corpus: Path, tmp_path: Path, monkeypatch) -> None:
    db = tmp_path / "claims.duckdb"
    claims_pipeline(seeds=[str(corpus)], db=str(db), build_docs=False)
    before = digest(db)
    (corpus / "new.md").write_text("# New\n\nOfficials said 40 people died.", encoding="utf-8")
    broken = [{"name": "broken", "meta": {"dataset": "claims"},
               "expectations": [{"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "nope"}}]}]
    monkeypatch.setattr(quality, "load_suites", lambda: broken)
    with pytest.raises(Exception, match="could not run"):
        claims_pipeline(seeds=[str(corpus)], db=str(db), build_docs=False)
    assert digest(db) == before
    assert len(generations.generation_files(db)) <= 2  # the live file and the next run's starting point


def test_a_report_that_cannot_be_drawn_fails_the_run_before_anything_is_published(
        harness, corpus: Path, tmp_path: Path, monkeypatch) -> None:
    from claimledger.reporting import html_report

    db = tmp_path / "claims.duckdb"
    (corpus / "zero.md").write_text("---\nstory: nk-kursk\npublished_at: 2025-01-15\n---\n# Ferry\n\n"
                                    "Zero crew members were killed in the blaze, the navy said.", encoding="utf-8")
    claims_pipeline(seeds=[str(corpus)], db=str(db), build_docs=False)  # a zero figure draws
    report, before = tmp_path / "claims.report.html", digest(db)
    drawn = report.read_text(encoding="utf-8")
    (corpus / "new.md").write_text("# New\n\nOfficials said 40 people died.", encoding="utf-8")

    def broken(*args, **kwargs):
        raise RuntimeError("the page cannot be drawn")

    monkeypatch.setattr(html_report, "render", broken)
    with pytest.raises(RuntimeError, match="cannot be drawn"):
        claims_pipeline(seeds=[str(corpus)], db=str(db), build_docs=False)
    assert digest(db) == before  # `runs` does not say completed: the failed run's row was never committed
    assert report.read_text(encoding="utf-8") == drawn
    assert not list(tmp_path.glob("*.partial")) and len(generations.generation_files(db)) <= 2
    monkeypatch.undo()
    after = claims_pipeline(seeds=[str(corpus)], db=str(db), build_docs=False)  # the next run is not poisoned
    assert after["n_new_documents"] == 1
    assert [r[0] for r in rows(db, "select status from runs")] == ["completed", "completed"]


def test_each_task_logs_to_the_prefect_api_at_info(harness, corpus: Path, tmp_path: Path) -> None:
    from prefect.client.orchestration import get_client
    from prefect.logging.handlers import APILogHandler

    claims_pipeline(seeds=[str(corpus)], db=str(tmp_path / "claims.duckdb"), build_docs=False)
    APILogHandler().flush()  # send the batched log records now
    with get_client(sync_client=True) as client:
        logs = client.read_logs()
    task_logs = {log.message.split(":")[0] for log in logs if log.task_run_id is not None and log.level == 20}
    assert {"ingest", "extract", "load", "validate", "publish"} <= task_logs


def test_cli_fail_on(harness, corpus: Path, tmp_path: Path, capsys) -> None:
    db = tmp_path / "cli.duckdb"
    assert cli.main(["run", "--seeds", str(corpus), "--db", str(db), "--no-docs"]) == 0
    out = capsys.readouterr().out
    assert "unsourced: warning 1" in out and "contradiction: warning 1" in out
    assert cli.main(["run", "--seeds", str(corpus), "--db", str(db), "--no-docs", "--fail-on", "error"]) == 0
    assert cli.main(["run", "--seeds", str(corpus), "--db", str(db), "--no-docs", "--fail-on", "warning"]) == 1
    assert cli.main(["report", "--db", str(db)]) == 0
    report = capsys.readouterr().out
    assert "[warning] contradiction: 'Five North Korean soldiers'" in report
    assert "North Korea soldier captured in Kursk region" in report and "Estimates" in report


def test_fail_on_honours_dismissed_findings_across_runs(harness, corpus: Path, tmp_path: Path, capsys) -> None:
    import duckdb

    db = tmp_path / "cli.duckdb"
    assert cli.main(["run", "--seeds", str(corpus), "--db", str(db), "--no-docs", "--fail-on", "warning"]) == 1
    con = duckdb.connect(str(db), read_only=True)
    warnings = [r[0] for r in con.execute("select finding_id from v_findings where severity = 'warning'").fetchall()]
    con.close()
    assert warnings
    for finding in warnings:
        assert cli.main(["review", finding, "--dismiss", "--note", "read: not a disagreement", "--db", str(db)]) == 0
    report = tmp_path / "cli.report.html"
    drawn = [report.stat().st_mtime_ns]
    for _ in range(3):  # the verdicts hold run after run
        capsys.readouterr()
        assert cli.main(["run", "--seeds", str(corpus), "--db", str(db), "--no-docs", "--fail-on", "warning"]) == 0
        assert f"dismissed by review: {len(warnings)} finding(s)" in capsys.readouterr().out
        drawn.append(report.stat().st_mtime_ns)
    # the first run after the reviews draws the report again (it hides dismissed findings); the next
    # two change nothing and keep it
    assert drawn[0] != drawn[1] == drawn[2] == drawn[3]


TABLES = {
    "documents": "select * exclude (ingested_at, run_id) from documents order by doc_id",
    "claims": "select * exclude (run_id) from claims order by claim_id",
    "claim_sources": "select * from claim_sources order by all",
    "claim_flags": "select * exclude (run_id) from claim_flags order by flag_id",
}


def test_dask_runner_gives_the_same_warehouse(harness, corpus: Path, tmp_path: Path) -> None:
    from claimledger.flow import run_pipeline

    threads, dask = tmp_path / "threads.duckdb", tmp_path / "dask.duckdb"
    run_pipeline(seeds=[str(corpus)], db=str(threads), build_docs=False, partition_size=1)
    summary = run_pipeline(task_runner="dask", seeds=[str(corpus)], db=str(dask), build_docs=False, partition_size=1)
    assert summary["n_new_documents"] == 3
    for sql in TABLES.values():
        assert rows(threads, sql) == rows(dask, sql)


def test_cli_undated_articles_are_listed_and_a_default_date_dates_them(harness, tmp_path: Path, capsys) -> None:
    corpus = tmp_path / "undated"
    corpus.mkdir()
    (corpus / "a.md").write_text("---\npublished_at: 2025-03-02\nstory: pass\n---\n# A\n\n"
                                 "The border guard said 12 hikers were missing on the pass.\n", encoding="utf-8")
    (corpus / "b.md").write_text("---\nstory: pass\n---\n# B\n\n"
                                 "The mountain rescue service said 30 hikers were missing on the pass.\n",
                                 encoding="utf-8")
    db = tmp_path / "undated.duckdb"
    assert cli.main(["run", "--seeds", str(corpus), "--db", str(db), "--no-docs"]) == 0
    out = capsys.readouterr().out
    assert "undated: 1 article," in out and "b.md" in out and "contradiction" not in out
    assert cli.main(["report", "--db", str(db)]) == 0
    assert "Undated articles (1)" in capsys.readouterr().out
    assert cli.main(["run", "--seeds", str(corpus), "--db", str(db), "--no-docs", "--default-date", "2025-03-02"]) == 0
    out = capsys.readouterr().out
    assert "undated:" not in out and "contradiction: error 1" in out
