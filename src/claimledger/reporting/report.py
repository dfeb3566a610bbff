"""Readable text for a run summary and for the current flags."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from claimledger.checks.flags import bounds_text

_UNDATED_SHOWN = 10  # undated articles named in a run summary; the view lists them all


def summary_lines(summary: Any) -> list[str]:
    """The run summary the CLI prints."""
    s = summary if isinstance(summary, dict) else summary.__dict__
    lines = [f"run {s['run_id']}: documents read {s['n_documents']}, new or edited {s['n_new_documents']}, "
             f"failed {s['n_failed']}; claims {s['n_claims']}; findings {s.get('n_findings', s['n_flags'])} "
             f"(flags {s['n_flags']})"]
    for check, by_severity in sorted(s["flags_by_check"].items()):
        counts = ", ".join(f"{sev} {n}" for sev, n in sorted(by_severity.items()))
        lines.append(f"  {check}: {counts}")
    if s.get("n_dismissed"):
        lines.append(f"  dismissed by review: {s['n_dismissed']} finding(s), not counted above nor for --fail-on "
                     "(hidden from the report; v_findings.review_status)")
    undated = s.get("undated") or []
    if undated:
        shown = ", ".join(undated[:_UNDATED_SHOWN]) + (f" and {len(undated) - _UNDATED_SHOWN} more"
                                                       if len(undated) > _UNDATED_SHOWN else "")
        plural = "s" if len(undated) > 1 else ""
        lines.append(f"  undated: {len(undated)} article{plural}, never compared with other articles (no date in "
                     f"the file or its text; --default-date sets one; view v_undated_documents): {shown}")
    for err in s["errors"]:
        err = err if isinstance(err, dict) else err.__dict__
        where = f"{err['source_path']}:{err['line']}" if err.get("line") else err["source_path"]
        lines.append(f"  could not read {where}: {err['reason']}")
    return lines


def summary_markdown(summary: Any, db: Path) -> str:
    """The run summary as the Prefect markdown artifact."""
    lines = summary_lines(summary)
    body = "\n".join(f"- {line.strip()}" for line in lines[1:]) or "- no flags"
    return f"# claimledger run\n\n{lines[0]}\n\nWarehouse: `{db}`\n\n{body}\n"


def _key(row: dict[str, Any]) -> str:
    parts = [row.get("actor"), row.get("thing") or row.get("unit") or "(no counted thing)", row.get("metric")]
    where = f" in {row['place']}" if row.get("place") else ""
    return " ".join(str(p) for p in parts if p) + where


def flags_report(rows: list[dict[str, Any]], estimates: list[dict[str, Any]] | None = None) -> str:
    """Findings grouped by claim key, each with its value, sources, document and evidence; then the estimates."""
    if not rows:
        out = ["No flags: every claim is sourced and no figures contradict each other."]
    else:
        out = []
        current = None
        for row in rows:
            key = _key(row)
            if key != current:
                current = key
                count = sum(1 for r in rows if _key(r) == key)
                out.append(f"\n== {key}: {count} finding(s) ==")
            published = f"{row['published_at']:%Y-%m-%d}" if row.get("published_at") else "undated"
            pairs = f" [{row['n_flags']} claim pairs]" if (row.get("n_flags") or 1) > 1 else ""
            out.append(f"- [{row['severity']}] {row['check_name']}: {row['quantity_text']!r} = "
                       f"{bounds_text(row['value_low'], row['value_high'])} ({row['qualifier']}){pairs}")
            out.append(f"    document: {row['title']!r} — {row['outlet'] or 'unknown outlet'}, {published}, "
                       f"{row['source_path']}")
            out.append(f"    sources:  {row['sources'] or '(none)'}")
            out.extend(textwrap.wrap(row["detail"], width=110, initial_indent="    evidence: ",
                                     subsequent_indent="              "))
    if estimates:
        out.append("\n== Estimates (low / best / high per key and month; best = most conservative figure) ==")
        for e in estimates:
            month = f"{e['period_month']:%Y-%m}" if e.get("period_month") else "undated"
            out.append(f"- {_key(e)}, {month}: {bounds_text(e['low'], e['low'])} / {bounds_text(e['best'], e['best'])}"
                       f" / {bounds_text(e['high'], e['high']) if e['high'] is not None else 'open'}"
                       f"  ({e['n_origins']} origin(s): {e['origins'] or 'unsourced'}; {e['n_documents']} document(s))")
            out.append(f"    {how_chosen(e)}")
    return "\n".join(out).lstrip("\n")


# How an estimate's best figure was given (v_claim_estimates.best_basis), in words.
BEST_BASIS = {
    "stated": "a stated figure",
    "approximate": "an approximate figure",
    "range": "the low end of a range",
    "vague": "the conservative value of a vague word",
    "ceiling": "the ceiling of an open figure (\"up to\", \"fewer than\"): the count may be lower",
    "floor": "the floor of an open figure (\"more than\", \"at least\"): the count may be higher",
}


def how_chosen(estimate: dict[str, Any]) -> str:
    """ "best from the floor of an open figure ... (South Korea); low held by Ukraine; high held by United
    States": how the best was chosen and who holds each end of the range."""
    basis = BEST_BASIS.get(estimate.get("best_basis") or "", "a figure")
    ends = [f"best from {basis} ({estimate.get('best_origins') or 'unsourced'})",
            f"low held by {estimate.get('low_origins') or 'unsourced'}"]
    if estimate.get("high") is not None:
        ends.append(f"high held by {estimate.get('high_origins') or 'unsourced'}")
    else:
        ends.append("no upper bound: a figure is open-ended")
    return "; ".join(ends)


FLAG_COLUMNS = ("severity", "check_name", "n_flags", "quantity_text", "value_low", "value_high", "sources", "title",
                "outlet", "published_at", "sentence", "detail")
ESTIMATE_COLUMNS = ("thing", "actor", "metric", "place", "period_month", "low", "best", "high", "n_origins",
                    "origins", "n_documents")


def artifact_rows(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows as text cells for a Prefect table artifact."""
    return [{k: "" if row.get(k) is None else str(row[k]) for k in columns} for row in rows]
