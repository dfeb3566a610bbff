"""The command line without a Prefect run: extract, report, bad paths."""

from __future__ import annotations

import json
from pathlib import Path

from claimledger import cli


def test_extract_prints_one_json_line_per_claim(seed_path: Path, capsys) -> None:
    assert cli.main(["extract", str(seed_path)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    texts = [r["quantity_text"] for r in rows]
    assert "over 10,000 soldiers" in texts and "Two North Korean Soldiers" in texts
    over = rows[texts.index("over 10,000 soldiers")]
    assert (over["value_low"], over["value_high"], over["qualifier"]) == (10000.0, None, "more_than")
    assert {s["source_canonical"] for s in over["sources"]} == {"Ukraine", "United States", "South Korea"}


def test_extract_names_the_file_and_problem(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "body": \n', encoding="utf-8")
    assert cli.main(["extract", str(bad)]) == 1
    assert f"{bad}:1: malformed JSON" in capsys.readouterr().err


def test_report_without_warehouse(tmp_path: Path, capsys) -> None:
    assert cli.main(["report", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "no warehouse yet" in capsys.readouterr().err


def test_run_with_missing_seeds(tmp_path: Path, capsys) -> None:
    assert cli.main(["run", "--seeds", str(tmp_path / "nowhere"), "--db", str(tmp_path / "x.duckdb")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def _quarry_articles() -> list:
    """Two dated articles that disagree on a toll, and one undated article."""
    from datetime import datetime

    from claimledger.model import Article

    def article(doc_id: str, body: str, published: datetime | None) -> Article:
        return Article(doc_id=doc_id, external_id=f"{doc_id}.md", source_path=f"{doc_id}.md", title=f"Title {doc_id}",
                       subtitle="", body=body, story="quarry", published_at=published)

    return [article("a", "The fire service said 12 workers died in the quarry blast.", datetime(2025, 5, 2, 9)),
            article("b", "The mine owner said 7 workers died in the quarry blast.", datetime(2025, 5, 2, 10)),
            article("c", "Nine workers were hurt in the quarry blast.", None)]


def _warehouse_with_findings(path: Path) -> Path:
    """The quarry articles loaded and validated without Prefect."""
    from claimledger import steps

    articles = _quarry_articles()
    steps.load(path, articles, steps.extract(articles), [], "r1")
    steps.validate(path, "r1", docs_root=None)
    return path


def test_report_exports_findings_estimates_and_undated_as_json(tmp_path: Path, capsys) -> None:
    db = _warehouse_with_findings(tmp_path / "x.duckdb")
    assert cli.main(["report", "--db", str(db), "--format", "json"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert set(exported) == {"findings", "estimates", "undated"}
    contradiction = [f for f in exported["findings"] if f["check_name"] == "contradiction"]
    assert len(contradiction) == 1 and contradiction[0]["metric"] == "killed"
    assert {contradiction[0]["value_low"], contradiction[0]["value_high"]} <= {7.0, 12.0}
    assert contradiction[0]["published_at"].startswith("2025-05-02T")  # dates as ISO text
    killed = [e for e in exported["estimates"] if e["metric"] == "killed"]
    assert [(e["low"], e["high"], e["n_origins"]) for e in killed] == [(7.0, 12.0, 2)]
    assert [u["document"] for u in exported["undated"]] == ["c.md"]


def test_report_exports_one_table_as_csv_to_a_file(tmp_path: Path, capsys) -> None:
    import csv

    from claimledger.reporting import export

    db = _warehouse_with_findings(tmp_path / "x.duckdb")
    assert cli.main(["report", "--db", str(db), "--format", "json"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    out = tmp_path / "findings.csv"
    assert cli.main(["report", "--db", str(db), "--format", "csv", "-o", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert tuple(rows[0]) == export.FINDING_COLUMNS and len(rows) == len(findings)
    assert {r["finding_id"] for r in rows} == {f["finding_id"] for f in findings}
    assert not list(tmp_path.glob("*.partial"))
    assert cli.main(["report", "--db", str(db), "--format", "csv", "--table", "estimates"]) == 0
    estimates = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    assert tuple(estimates[0]) == export.ESTIMATE_COLUMNS and any(r["metric"] == "killed" for r in estimates)


def test_report_export_to_an_unwritable_place_names_it(tmp_path: Path, capsys) -> None:
    db = _warehouse_with_findings(tmp_path / "x.duckdb")
    target = tmp_path / "no such folder" / "out.json"
    assert cli.main(["report", "--db", str(db), "--format", "json", "-o", str(target)]) == 2
    assert f"{target}: cannot write the export" in capsys.readouterr().err


def _findings_json(db: Path, capsys, *extra: str) -> list[dict]:
    assert cli.main(["report", "--db", str(db), "--format", "json", *extra]) == 0
    return json.loads(capsys.readouterr().out)["findings"]


def test_a_dismissed_finding_is_hidden_and_the_verdict_survives_runs_and_re_extraction(tmp_path: Path,
                                                                                      capsys) -> None:
    from claimledger import steps

    db = _warehouse_with_findings(tmp_path / "x.duckdb")
    (contradiction,) = [f for f in _findings_json(db, capsys) if f["check_name"] == "contradiction"]
    # a flag id stands for its finding
    assert cli.main(["review", contradiction["flag_id"], "--dismiss", "--note", "two different blasts",
                     "--by", "ana", "--db", str(db)]) == 0
    assert "dismissed" in capsys.readouterr().out
    assert all(f["check_name"] != "contradiction" for f in _findings_json(db, capsys))
    assert cli.main(["report", "--db", str(db)]) == 0
    assert "1 finding(s) dismissed by review are hidden" in capsys.readouterr().out
    shown = [f for f in _findings_json(db, capsys, "--include-dismissed") if f["check_name"] == "contradiction"]
    assert [(f["review_status"], f["review_note"], f["reviewer"]) for f in shown] == [
        ("dismissed", "two different blasts", "ana")]
    for run in ("r2", "r3", "r4"):  # three further runs on the same evidence
        steps.validate(db, run, docs_root=None)
    articles = _quarry_articles()  # the same articles extracted and stored again
    steps.load(db, articles, steps.extract(articles), [], "r5")
    steps.validate(db, "r5", docs_root=None)
    summary = steps.summarize(db, steps.RunSummary(run_id="r5"))
    assert summary.n_dismissed == 1 and "contradiction" not in summary.flags_by_check


def test_new_evidence_joining_a_dismissed_finding_asks_for_another_look(tmp_path: Path, capsys) -> None:
    from datetime import datetime

    from claimledger import steps
    from claimledger.model import Article

    db = _warehouse_with_findings(tmp_path / "x.duckdb")
    (contradiction,) = [f for f in _findings_json(db, capsys) if f["check_name"] == "contradiction"]
    assert cli.main(["review", contradiction["finding_id"], "--dismiss", "--db", str(db)]) == 0
    capsys.readouterr()
    later = Article(doc_id="d", external_id="d.md", source_path="d.md", title="Title d", subtitle="",
                    body="The mine owner said 6 workers died in the quarry blast.", story="quarry",
                    published_at=datetime(2025, 5, 2, 11))
    steps.load(db, [later], steps.extract([later]), [], "r2")
    steps.validate(db, "r2", docs_root=None)
    statuses = {f["review_status"] for f in _findings_json(db, capsys) if f["check_name"] == "contradiction"}
    assert statuses == {"needs_another_look"}


def test_a_review_of_an_unknown_id_names_it(tmp_path: Path, capsys) -> None:
    db = _warehouse_with_findings(tmp_path / "x.duckdb")
    assert cli.main(["review", "0123456789abcdef", "--confirm", "--db", str(db)]) == 2
    assert "no current finding or flag with id '0123456789abcdef'" in capsys.readouterr().err


def test_a_sigterm_that_interrupts_a_query_is_a_stop_not_a_failure(tmp_path: Path, capsys, monkeypatch) -> None:
    import duckdb

    from claimledger import flow

    def interrupted_query(**parameters):
        # what DuckDB raises when Prefect's SIGTERM handler fires during a query in the flow
        raise duckdb.InterruptException("INTERRUPT Error: Query interrupted")

    monkeypatch.setattr(flow, "run_pipeline", interrupted_query)
    monkeypatch.setattr(cli, "_RECEIVED", [])
    assert cli.main(["run", "--seeds", str(tmp_path), "--db", str(tmp_path / "w.duckdb"), "--no-docs"]) == 143
    assert "stopped by SIGTERM" in capsys.readouterr().err
