"""Turn failing rows of the flagging suites into claim_flags rows with evidence an analyst can act on."""

from __future__ import annotations

import hashlib
from typing import Any

import polars as pl

FLAG_SCHEMA = {"flag_id": pl.Utf8, "claim_id": pl.Utf8, "check_name": pl.Utf8, "severity": pl.Utf8,
               "detail": pl.Utf8, "related_claim_id": pl.Utf8, "finding_id": pl.Utf8}


def flag_id(check_name: str, claim_id: str, related_claim_id: str | None) -> str:
    """Stable id: the same finding keeps its id across runs."""
    return hashlib.sha256(f"{check_name}|{claim_id}|{related_claim_id or ''}".encode()).hexdigest()[:16]


def finding_id(check_name: str, finding_key: str) -> str:
    """Id of a finding: the flags of one check that express one disagreement share it."""
    return hashlib.sha256(f"finding|{check_name}|{finding_key}".encode()).hexdigest()[:16]


def bounds_text(low: float | None, high: float | None) -> str:
    """ "10000..", "..12000", "2" or "10000..12000"."""
    def fmt(v: float | None) -> str:
        return "" if v is None or v != v else (f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}")
    if low is not None and high is not None and low == high:
        return fmt(low)
    return f"{fmt(low)}..{fmt(high)}"


def _unsourced_detail(row: dict[str, Any]) -> str:
    hedge = f"; hedged ({row['hedge']})" if row.get("hedge") else ""
    return (f"'{row['quantity_text']}' = {bounds_text(row['value_low'], row['value_high'])} "
            f"[{row['metric']}, {row['unit'] or 'no unit'}] has no source in its sentence, quote or "
            f"the indirect speech before it{hedge}. Sentence: {row['sentence']}")


def _contradiction_detail(row: dict[str, Any]) -> str:
    thing = None if row["thing"] == "*" else row["thing"]
    key = " ".join(filter(None, [row.get("actor"), thing, f"in {row['place']}" if row.get("place") else None]))
    return (f"{row['metric']} {key}: '{row['quantity_text']}' = "
            f"{bounds_text(row['value_low'], row['value_high'])} ({row['sources'] or 'unsourced'}; "
            f"{row['title']!r}, {row['published_at']:%Y-%m-%d}) cannot hold with '{row['related_quantity_text']}' = "
            f"{bounds_text(row['related_value_low'], row['related_value_high'])} "
            f"({row['related_sources'] or 'unsourced'}; {row['related_title']!r}, "
            f"{row['related_published_at']:%Y-%m-%d}). Sentences: {row['sentence']} | {row['related_sentence']}")


_DETAIL = {"unsourced": _unsourced_detail, "contradiction": _contradiction_detail}


def build_flags(flag: dict[str, Any], failing_ids: list[tuple[str, ...]],
                evidence: list[dict[str, Any]]) -> pl.DataFrame:
    """Flag rows for the failing ids of a flagging suite; `evidence` holds the rows behind them.

    `flag` is the suite's flag spec: check_name, default severity, and optionally the evidence
    row's detail column. A row's own `severity` column wins over the default (a falling death toll
    is a warning where other revisions are info)."""
    check_name = flag["check_name"]
    by_key = {(r["claim_id"], r.get("related_claim_id")): r for r in evidence}
    rows = []
    for ids in sorted(set(failing_ids)):
        claim, related = ids[0], (ids[1] if len(ids) > 1 else None)
        row = by_key.get((claim, related))
        if row is None:
            detail = f"{check_name} failed"
        elif check_name in _DETAIL:
            detail = _DETAIL[check_name](row)
        else:
            detail = str(row.get(flag.get("detail_column", "detail")) or f"{check_name} failed")
        severity = str((row or {}).get("severity") or flag["severity"])
        key = (row or {}).get("finding_key") or f"{claim}|{related or ''}"
        rows.append({"flag_id": flag_id(check_name, claim, related), "claim_id": claim, "check_name": check_name,
                     "severity": severity, "detail": detail, "related_claim_id": related,
                     "finding_id": finding_id(check_name, str(key))})
    return pl.DataFrame(rows, schema=FLAG_SCHEMA)
