"""Each Great Expectations suite passes on good rows and fails on bad ones; a GX crash is loud."""

from __future__ import annotations

import pandas as pd
import pytest

from claimledger import vocab
from claimledger.checks import quality

SUITES = {s["name"]: s for s in quality.load_suites()}


def claims_frame(**overrides) -> pd.DataFrame:
    row = {
        "claim_id": "c1",
        "doc_id": "d1",
        "value_low": 2.0,
        "value_high": 2.0,
        "metric": "captured",
        "section": "body",
        "qualifier": "exact",
        "char_start": 10,
        "char_end": 19,
        "section_length": 40,
        "quantity_text": "2 soldiers",
        "span_text": "2 soldiers",
    }
    good = dict(row, claim_id="c0")
    return pd.DataFrame([good, {**row, **overrides}])


def run(suite: str, frame: pd.DataFrame) -> quality.SuiteOutcome:
    (outcome,) = quality.validate({SUITES[suite]["meta"]["dataset"]: frame}, [SUITES[suite]])
    return outcome


def test_metric_vocabulary_matches_suite() -> None:
    in_suite = next(e for e in SUITES["claims"]["expectations"] if e["kwargs"].get("column") == "metric")
    assert set(in_suite["kwargs"]["value_set"]) == set(vocab.metric_names())


def _list_items(node: object) -> list[object]:
    if isinstance(node, dict):
        return [item for value in node.values() for item in _list_items(value)]
    if isinstance(node, list):
        return [item for value in node for item in (_list_items(value) if isinstance(value, dict | list) else [value])]
    return []


@pytest.mark.parametrize("name", sorted(p.stem for p in vocab.DATA_DIR.glob("*.yaml")))
def test_vocabulary_lists_hold_no_yaml_booleans(name: str) -> None:
    # YAML reads a bare no, yes, on or off as a boolean: a word list would silently lose the word
    assert not [item for item in _list_items(vocab.load(name)) if isinstance(item, bool)]


def test_claims_suite_passes_on_good_rows() -> None:
    assert run("claims", claims_frame()).success


@pytest.mark.parametrize(
    "bad",
    [
        {"claim_id": "c0"},  # duplicate id
        {"claim_id": None},
        {"value_low": 5.0, "value_high": 2.0},
        {"metric": "exploded"},
        {"section": "footer"},
        {"qualifier": "maybe"},
        {"char_end": 50},  # past the end of the text
        {"span_text": "2 soldier"},  # offsets do not slice to quantity_text
    ],
)
def test_claims_suite_fails_on_bad_rows(bad: dict) -> None:
    assert not run("claims", claims_frame(**bad)).success


def test_documents_suite() -> None:
    good = pd.DataFrame(
        [
            {"doc_id": "d1", "external_id": "a", "source_path": "a.txt", "body": "x", "content_sha256": "h"},
            {"doc_id": "d2", "external_id": "b", "source_path": "a.txt", "body": "y", "content_sha256": "h"},
        ]
    )
    assert run("documents", good).success
    assert not run("documents", good.assign(doc_id="d1")).success
    assert not run("documents", good.assign(body="")).success


def test_unsourced_suite_reports_each_failing_claim() -> None:
    frame = pd.DataFrame({"claim_id": ["c1", "c2", "c3"], "passed": [True, False, False]})
    outcome = run("unsourced_claims", frame)
    assert not outcome.success and sorted(outcome.failing_ids) == [("c2",), ("c3",)]
    assert outcome.flag == {"check_name": "unsourced", "severity": "warning", "id_columns": ["claim_id"]}
    assert run("unsourced_claims", frame.assign(passed=True)).success


def test_contradiction_suite_reports_each_failing_pair() -> None:
    frame = pd.DataFrame({"claim_id": ["a", "b"], "related_claim_id": ["x", "y"], "intervals_overlap": [True, False]})
    outcome = run("contradictory_claims", frame)
    assert outcome.failing_ids == [("b", "y")] and outcome.flag["severity"] == "error"


def test_gx_crash_is_not_a_pass() -> None:
    with pytest.raises(quality.ValidationCrashed, match="passed"):
        run("unsourced_claims", pd.DataFrame({"claim_id": ["c1"]}))  # the column is missing


FLAGGING = [s for s in SUITES.values() if s["meta"].get("flag", {}).get("verdict_column")]


@pytest.mark.parametrize("suite", FLAGGING, ids=[s["name"] for s in FLAGGING])
def test_finding_suites_flag_each_failing_row(suite) -> None:
    flag = suite["meta"]["flag"]
    ids = flag["id_columns"]
    frame = pd.DataFrame({**{c: [f"{c}-1", f"{c}-2"] for c in ids}, flag["verdict_column"]: [True, False]})
    outcome = run(suite["name"], frame)
    assert not outcome.success
    assert outcome.failing_ids == [tuple(f"{c}-2" for c in ids)]
    assert run(suite["name"], frame.assign(**{flag["verdict_column"]: True})).success


def test_cumulative_metrics_in_sql_match_the_data_file() -> None:
    from claimledger.storage import warehouse

    listed = set(vocab.load("keys")["cumulative_metrics"])
    sql = warehouse.sql("views/v_revisions")
    assert all(f"'{m}'" in sql for m in listed)
