"""Readable text for a run summary and for the current flags."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from claimledger.flags import bounds_text


def summary_lines(summary: Any) -> list[str]:
    """The run summary the CLI prints."""
    s = summary if isinstance(summary, dict) else summary.__dict__
    lines = [f"run {s['run_id']}: documents read {s['n_documents']}, new or edited {s['n_new_documents']}, "
             f"failed {s['n_failed']}; claims {s['n_claims']}; flags {s['n_flags']}"]
    for check, by_severity in sorted(s["flags_by_check"].items()):
        counts = ", ".join(f"{sev} {n}" for sev, n in sorted(by_severity.items()))
        lines.append(f"  {check}: {counts}")
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


def flags_report(rows: list[dict[str, Any]]) -> str:
    """Flags grouped by check, each with its value, sources, document and evidence."""
    if not rows:
        return "No flags: every claim is sourced and no figures contradict each other."
    out: list[str] = []
    current = None
    for row in rows:
        if row["check_name"] != current:
            current = row["check_name"]
            count = sum(1 for r in rows if r["check_name"] == current)
            out.append(f"\n== {current} ({row['severity']}): {count} ==")
        published = f"{row['published_at']:%Y-%m-%d}" if row.get("published_at") else "undated"
        out.append(f"- [{row['severity']}] {row['quantity_text']!r} = {bounds_text(row['value_low'], row['value_high'])}"
                   f" ({row['qualifier']}, {row['metric']}, {row['unit'] or '-'})")
        out.append(f"    document: {row['title']!r} — {row['outlet'] or 'unknown outlet'}, {published}, {row['source_path']}")
        out.append(f"    sources:  {row['sources'] or '(none)'}")
        out.extend(textwrap.wrap(row["detail"], width=110, initial_indent="    evidence: ",
                                 subsequent_indent="              "))
    return "\n".join(out).lstrip("\n")
