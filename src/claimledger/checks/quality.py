"""Great Expectations: run the suites in suites/ on the warehouse's data. The only module that imports GX.

Why DataFrames and not GX's SQL datasource: GX 1.24's SQL datasource returns empty metric
results on DuckDB (GX issues #10738 and #11579; native DuckDB support is an open PR), which
would read as a pass. We read each suite's dataset (a table or a view that returns candidate
rows) from DuckDB into pandas and validate it with GX's pandas datasource, which computes real
metrics; tests/test_quality.py proves each suite fails on bad rows.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

import great_expectations as gx  # noqa: E402
import pandas as pd  # noqa: E402
from great_expectations.data_context.types.base import ProgressBarsConfig  # noqa: E402

log = logging.getLogger(__name__)
logging.getLogger("great_expectations").setLevel(logging.WARNING)
SUITES_DIR = Path(__file__).with_name("suites")  # shipped inside the package


class ValidationCrashed(RuntimeError):
    """Great Expectations itself failed: a broken check is neither a pass nor bad data."""


@dataclass
class SuiteOutcome:
    """One suite's verdict on its dataset."""

    suite: str
    dataset: str
    success: bool
    flag: dict[str, Any] | None
    results: list[dict[str, Any]] = field(default_factory=list)
    failing_ids: list[tuple[str, ...]] = field(default_factory=list)


def load_suites(suites_dir: Path = SUITES_DIR) -> list[dict[str, Any]]:
    """The reviewed suite files, by name."""
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(suites_dir.glob("*.json"))]


def datasets(suites: list[dict[str, Any]]) -> list[str]:
    """The tables and views the suites validate."""
    return sorted({s["meta"]["dataset"] for s in suites})


def _context(docs_root: Path | None) -> Any:
    context: Any
    if docs_root is None:
        context = gx.get_context(mode="ephemeral")
    else:
        docs_root.mkdir(parents=True, exist_ok=True)
        context = gx.get_context(mode="file", project_root_dir=str(docs_root))
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    return context


def _crash(result: Any) -> str | None:
    """The exception message when GX failed to compute an expectation, else None."""
    info = result.exception_info or {}
    entries = [info] if "raised_exception" in info else list(info.values())
    for entry in entries:
        if entry.get("raised_exception"):
            return str(entry.get("exception_message") or "unknown error")
    return None


def validate(
    frames: dict[str, pd.DataFrame], suites: list[dict[str, Any]], *, docs_root: Path | None = None
) -> list[SuiteOutcome]:
    """Run every suite on its dataset; build Data Docs under `docs_root` when given."""
    context = _context(docs_root)
    source = context.data_sources.add_or_update_pandas("claimledger")
    outcomes: list[SuiteOutcome] = []
    for spec in suites:
        name, dataset = spec["name"], spec["meta"]["dataset"]
        flag = spec["meta"].get("flag")
        id_columns = flag["id_columns"] if flag else [c for c in ("claim_id", "doc_id") if c in frames[dataset]]
        suite = context.suites.add_or_update(
            gx.ExpectationSuite(name=name, expectations=[dict(e) for e in spec["expectations"]], meta=spec["meta"])
        )
        asset = (
            source.add_dataframe_asset(name=dataset)
            if dataset not in {a.name for a in source.assets}
            else source.get_asset(dataset)
        )
        batch_def = (
            asset.add_batch_definition_whole_dataframe(f"{name}-all")
            if f"{name}-all" not in {b.name for b in asset.batch_definitions}
            else asset.get_batch_definition(f"{name}-all")
        )
        definition = context.validation_definitions.add_or_update(
            gx.ValidationDefinition(name=f"{name}-validation", data=batch_def, suite=suite)
        )
        actions: list[Any] = [gx.checkpoint.UpdateDataDocsAction(name="data-docs")] if docs_root is not None else []
        checkpoint = context.checkpoints.add_or_update(
            gx.Checkpoint(
                name=f"{name}-checkpoint",
                validation_definitions=[definition],
                actions=actions,
                result_format={"result_format": "COMPLETE", "unexpected_index_column_names": id_columns},
            )
        )
        run = checkpoint.run(batch_parameters={"dataframe": frames[dataset]})
        result = next(iter(run.run_results.values()))
        outcome = SuiteOutcome(name, dataset, bool(result.success), flag)
        for r in result.results:
            crash = _crash(r)
            config = r.expectation_config
            if crash:
                raise ValidationCrashed(f"suite {name}: {config.type} could not run: {crash}")
            kwargs = config.kwargs
            outcome.results.append(
                {
                    "suite": name,
                    "expectation": config.type,
                    "column_name": kwargs.get("column")
                    or ",".join(filter(None, [kwargs.get("column_A"), kwargs.get("column_B")]))
                    or None,
                    "success": bool(r.success),
                    "element_count": r.result.get("element_count"),
                    "unexpected_count": r.result.get("unexpected_count"),
                    "details": json.dumps({k: v for k, v in kwargs.items() if k != "batch_id"}, default=str),
                }
            )
            if not r.success and (config.meta or {}).get("flags"):
                for row in r.result.get("unexpected_index_list") or []:
                    outcome.failing_ids.append(tuple(str(row[c]) for c in id_columns))
        outcomes.append(outcome)
    return outcomes


def merge_results(chunks: list[list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """One result per expectation from the results of several chunks validated apart: counts added,
    a success only when every chunk succeeded."""
    merged: dict[tuple[Any, ...], dict[str, Any]] = {}
    for results in chunks:
        for r in results:
            key = (r["suite"], r["expectation"], r["column_name"], r["details"])
            if key not in merged:
                merged[key] = dict(r)
                continue
            into = merged[key]
            into["success"] = into["success"] and r["success"]
            for count in ("element_count", "unexpected_count"):
                if r[count] is not None:
                    into[count] = (into[count] or 0) + r[count]
    return list(merged.values())
