"""One report section per story and counted group: its timeline with the figures drawn, its open
findings (errors first) and its estimates per month."""

from __future__ import annotations

from html import escape
from typing import Any

from claimledger.checks.flags import bounds_text
from claimledger.reporting.groups import Group, key_label
from claimledger.reporting.report import how_chosen
from claimledger.reporting.timeline_svg import MAX_POINTS, colors, point_value, timeline_svg

MAX_FLAGS_PER_GROUP = 20  # keeps the page readable (and small) on archives with thousands of findings


def number(value: float | None) -> str:
    """A figure as the report writes it; "open" for a missing upper bound."""
    return "open" if value is None else bounds_text(value, value)


def month(value: Any) -> str:
    """An estimate's month: 2024-11, or "undated"."""
    return "undated" if value is None else str(value)[:7]


def day(value: Any) -> str:
    return "undated" if value is None else str(value)[:10]


def section(g: Group, heading: str) -> str:
    """The whole section of one counted group, under its story's heading."""
    return (f'<section class="group" id="g-{escape(g.group_id)}" data-group="{escape(g.group_id)}">'
            f"<h3>{escape(heading)}</h3>{_merged(g)}{_chart(g)}{_findings(g)}{_estimates(g)}</section>")


def _merged(g: Group) -> str:
    """Which stored keys the section gathers, so that an analyst can find its rows in SQL."""
    if len(g.members) < 2:
        return ""
    keys = "; ".join(escape(key_label(k)) for k in sorted(g.members))
    return (f'<p class="merged">Counted together here, as the checks compare them (v_claim_groups): '
            f"figures stored under {len(g.members)} keys: {keys}.</p>")


def _chart(g: Group) -> str:
    """The timeline, its legend, and the table of the figures it draws (value and source of each)."""
    # the latest figures when there are more than a chart can show (report_timeline.sql keeps the same)
    dated = sorted((p for p in g.timeline if p.get("published_at")), key=lambda p: p["published_at"])[-MAX_POINTS:]
    thing, actor, metric, _ = g.key
    svg = timeline_svg(dated, y_title=" ".join(w for w in (actor, "" if thing == "*" else thing, metric) if w))
    if not dated:
        return svg
    color = colors(sorted({p["origin"] for p in dated}))
    legend = "".join(f'<span class="swatch" style="background:{c}"></span>{escape(o)} ' for o, c in color.items())
    rows = "".join(
        f"<tr><td>{day(p['published_at'])}</td><td>{escape(p['origin'])}</td>"
        f"<td>{escape(point_value(p))}</td><td>{escape(p.get('quantity_text') or '')}"
        f"</td><td>{escape(p.get('qualifier') or '')}</td><td>{escape(p.get('title') or '')} "
        f"<small>{escape(p.get('outlet') or '')}</small></td></tr>"
        for p in sorted(dated, key=lambda p: (p["published_at"], p["origin"]))
    )
    held = max(g.n_points, len(g.timeline))
    more = (f'<p class="more-points">The latest {len(dated)} of {held} dated figures are drawn; '
            f"<code>select * from v_group_timeline where group_id = '{escape(g.group_id)}'</code> holds "
            "them all.</p>") if held > len(dated) else ""
    return (f'<figure class="chart">{svg}<figcaption class="legend">{legend}</figcaption></figure>{more}'
            f'<details class="points"><summary>The {len(dated)} figure(s) drawn, with their sources</summary>'
            f"<table><tr><th>published</th><th>origin</th><th>value</th><th>claim</th><th>qualifier</th>"
            f"<th>article</th></tr>{rows}</table></details>")


def _findings(g: Group) -> str:
    if not g.flags:
        return ""
    total = sum(g.severity_counts())
    rows = "".join(
        f"<tr class='{escape(f['severity'])}'><td>{escape(f['severity'])}{_review(f)}</td>"
        f"<td>{escape(f['check_name'])}</td><td>{escape(f['quantity_text'])}</td>"
        f"<td>{escape(bounds_text(f['value_low'], f['value_high']))}</td><td>{escape(f['sources'] or '(none)')}</td>"
        f"<td>{escape(f['title'] or '')}<br><small>{escape(f['outlet'] or '')} {day(f['published_at'])}</small></td>"
        f"<td>{escape(f['detail'])}</td></tr>"
        for f in g.flags[:MAX_FLAGS_PER_GROUP]
    )
    more = max(total, len(g.flags)) - min(len(g.flags), MAX_FLAGS_PER_GROUP)
    if more > 0:
        rows += f"<tr><td colspan='7'>… and {more} more: query v_findings for them all</td></tr>"
    return (f"<h4>Open findings</h4><table class='findings'><tr><th>severity</th><th>finding</th><th>claim</th>"
            f"<th>value</th><th>sources</th><th>document</th><th>evidence</th></tr>{rows}</table>")


def _review(f: dict[str, Any]) -> str:
    """A verdict other than none: confirmed, or a finding a new flag joined after its review."""
    status = f.get("review_status") or "open"
    return "" if status == "open" else f"<br><small>{escape(status.replace('_', ' '))}</small>"


def _estimates(g: Group) -> str:
    rows = "".join(
        f"<tr><td>{month(e.get('period_month'))}</td><td>{number(e.get('low'))}</td><td>{number(e['best'])}</td>"
        f"<td>{number(e.get('high'))}</td><td>{escape(e.get('origins') or '')}</td>"
        f"<td>{e.get('n_claims', e.get('n_documents', ''))}</td><td>{escape(how_chosen(e))}</td></tr>"
        for e in sorted(g.estimates, key=lambda e: (e.get("period_month") is not None, str(e.get("period_month"))))
        if e.get("best") is not None
    )
    return (f"<h4>Estimates</h4><table class='estimates'><tr><th>month</th><th>low</th><th>best</th><th>high</th>"
            f"<th>origins</th><th>figures</th><th>how chosen</th></tr>{rows}</table>") if rows else ""
