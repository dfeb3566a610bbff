"""Findings, estimates and undated articles as JSON or CSV, for spreadsheets and other tools.

`claimledger report --format json` writes one object holding every table; `--format csv` writes
one table (`--table`). Columns are fixed here so that an export keeps its shape across versions:
new columns are added at the end, never renamed.
"""

from __future__ import annotations

import csv
import io
import json
import math
from datetime import date, datetime
from decimal import Decimal
from typing import Any

# One row per finding (report_flags.sql): its first claim pair stands for it, `n_flags` counts the pairs.
FINDING_COLUMNS = ("finding_id", "severity", "check_name", "n_flags", "metric", "thing", "actor", "place",
                   "quantity_text", "value_low", "value_high", "qualifier", "sources", "title", "outlet",
                   "published_at", "source_path", "sentence", "detail", "claim_id", "related_claim_id",
                   "flag_id", "review_status", "review_note", "reviewer")
# One row per claim key and month (v_claim_estimates).
ESTIMATE_COLUMNS = ("thing", "actor", "metric", "place", "period_month", "low", "best", "high", "n_origins",
                    "origins", "n_documents", "n_claims", "first_seen", "last_seen", "best_rule", "best_basis",
                    "best_origins", "low_origins", "high_origins")
# One row per article without a publication date (v_undated_documents).
UNDATED_COLUMNS = ("document", "doc_id", "title", "outlet", "url", "n_claims")

TABLE_COLUMNS = {"findings": FINDING_COLUMNS, "estimates": ESTIMATE_COLUMNS, "undated": UNDATED_COLUMNS}


def _plain(value: Any) -> Any:
    """A value JSON and CSV can hold: dates as ISO text, NaN as null, decimals as floats."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _rows(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> list[dict[str, Any]]:
    return [{column: _plain(row.get(column)) for column in columns} for row in rows]


def to_json(tables: dict[str, list[dict[str, Any]]]) -> str:
    """Every table as one JSON object: {"findings": [...], "estimates": [...], "undated": [...]}."""
    return json.dumps({name: _rows(rows, TABLE_COLUMNS[name]) for name, rows in tables.items()},
                      ensure_ascii=False, indent=1)


def to_csv(rows: list[dict[str, Any]], table: str) -> str:
    """One table as CSV with a header line; empty cells for missing values."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=TABLE_COLUMNS[table], lineterminator="\n")
    writer.writeheader()
    writer.writerows(_rows(rows, TABLE_COLUMNS[table]))
    return out.getvalue()
