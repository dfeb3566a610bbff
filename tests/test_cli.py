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
