"""The HTML report: findings with evidence, estimates, and a timeline chart per claim key.

Charts are inline SVG drawn here, so the page needs no JavaScript and no CDN: it opens offline and
can be mailed as one file. (Altair is in the dependency tree through Great Expectations, but its
HTML output loads Vega from a CDN unless another package inlines it.)
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import datetime
from html import escape
from typing import Any

from claimledger.checks.flags import bounds_text
from claimledger.reporting.report import how_chosen

_COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"]
_W, _H, _PAD = 640, 220, 48
_MAX_FLAGS_PER_KEY = 25  # keeps the page readable (and small) on archives with thousands of findings
_MAX_POINTS = 400


def _key(row: dict[str, Any]) -> tuple[str, ...]:
    return tuple(str(row.get(k) or "") for k in ("actor", "thing", "metric", "place"))


def _key_label(key: tuple[str, ...]) -> str:
    actor, thing, metric, place = key
    return " ".join(p for p in (actor, thing if thing != "*" else "", metric) if p) + (f" in {place}" if place else "")


def timeline_svg(points: list[dict[str, Any]]) -> str:
    """Each origin's figures over time: a dot at the stated value, a bar for its bounds, an arrow when open."""
    dated = [p for p in points if p.get("published_at")][:_MAX_POINTS]
    if not dated:
        return "<p><em>No dated figures.</em></p>"
    times = [p["published_at"].timestamp() for p in dated]
    values = [v for p in dated for v in (p["value_low"], p["value_high"]) if v is not None and math.isfinite(v)]
    t0, t1 = min(times), max(times)
    # the axis runs from 0 (or the lowest negative value) to above the highest value; all zeros still
    # give the axis a height
    vmin = min([0.0, *values])
    vmax = (max([0.0, *values]) - vmin) * 1.15 or 1.0

    def x(t: float) -> float:
        return _PAD + (t - t0) / ((t1 - t0) or 1) * (_W - 2 * _PAD)

    def y(v: float) -> float:
        return _H - _PAD + 10 - (v - vmin) / vmax * (_H - _PAD - 10)

    origins = sorted({p["origin"] for p in dated})
    color = {o: _COLORS[i % len(_COLORS)] for i, o in enumerate(origins)}
    parts = [
        f'<svg width="{_W}" height="{_H}" role="img" xmlns="http://www.w3.org/2000/svg">',
        f'<line x1="{_PAD}" y1="{y(0)}" x2="{_W - _PAD}" y2="{y(0)}" stroke="#999"/>',
        f'<text x="4" y="{y(vmin + vmax / 1.15) + 4:.0f}" font-size="10">{vmin + vmax / 1.15:,.0f}</text>',
        f'<text x="4" y="{y(0):.0f}" font-size="10">0</text>',
    ]
    for p in dated:
        cx = x(p["published_at"].timestamp())
        low, high = (v if v is not None and math.isfinite(v) else None for v in (p["value_low"], p["value_high"]))
        c = color[p["origin"]]
        top = y(high) if high is not None else 10
        bottom = y(low) if low is not None else y(0)
        parts.append(
            f'<line x1="{cx:.1f}" y1="{top:.1f}" x2="{cx:.1f}" y2="{bottom:.1f}" stroke="{c}" stroke-width="3"'
            f' opacity="0.5"/>'
        )
        if high is None:
            parts.append(f'<polygon points="{cx - 5:.1f},16 {cx + 5:.1f},16 {cx:.1f},6" fill="{c}"/>')
        point = low if low is not None else high
        title = escape(f"{p['origin']}: {p['quantity_text']} ({p['qualifier']}), {p['published_at']:%Y-%m-%d}")
        parts.append(f'<circle cx="{cx:.1f}" cy="{y(point or 0):.1f}" r="5" fill="{c}"><title>{title}</title></circle>')
    for i, origin in enumerate(origins):
        parts.append(
            f'<rect x="{_PAD + i * 150}" y="{_H - 16}" width="10" height="10" fill="{color[origin]}"/>'
            f'<text x="{_PAD + 14 + i * 150}" y="{_H - 7}" font-size="11">{escape(origin)}</text>'
        )
    parts.append(
        f'<text x="{_PAD}" y="{_H - 24}" font-size="10">{datetime.fromtimestamp(t0):%Y-%m-%d}</text>'
        f'<text x="{_W - _PAD - 60}" y="{_H - 24}" font-size="10">{datetime.fromtimestamp(t1):%Y-%m-%d}</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


def render(
    summary_lines: list[str],
    flags: list[dict[str, Any]],
    estimates: list[dict[str, Any]],
    timeline: list[dict[str, Any]],
) -> str:
    """The whole report page."""
    by_key: dict[tuple[str, ...], dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for row in flags:
        by_key[_key(row)]["flags"].append(row)
    for row in estimates:
        by_key[_key(row)]["estimates"].append(row)
    for row in timeline:
        by_key[_key(row)]["timeline"].append(row)
    sections = []
    for key in sorted(by_key, key=lambda k: (-len(by_key[k]["flags"]), k))[:100]:
        try:
            sections.append(_section(key, by_key[key]))
        except (ArithmeticError, KeyError, TypeError, ValueError) as exc:  # one bad key must not cost the page
            sections.append(f"<section><h2>{escape(_key_label(key))}</h2><p><em>This key could not be drawn "
                            f"({escape(type(exc).__name__)}: {escape(str(exc))}); query its rows in SQL.</em></p>"
                            "</section>")
    summary = "".join(f"<li>{escape(line.strip())}</li>" for line in summary_lines)
    return _PAGE.format(summary=summary, sections="".join(sections))


def _section(key: tuple[str, ...], group: dict[str, list[dict[str, Any]]]) -> str:
    """One claim key: its timeline, findings and estimates."""
    rows = "".join(
        f"<tr class='{escape(f['severity'])}'><td>{escape(f['severity'])}</td><td>{escape(f['check_name'])}</td>"
        f"<td>{escape(f['quantity_text'])}</td><td>{escape(bounds_text(f['value_low'], f['value_high']))}</td>"
        f"<td>{escape(f['sources'] or '(none)')}</td><td>{escape(f['title'] or '')}<br><small>"
        f"{escape(f['outlet'] or '')} {f['published_at'] or ''}</small></td><td>{escape(f['detail'])}</td></tr>"
        for f in group["flags"][:_MAX_FLAGS_PER_KEY]
    )
    more = len(group["flags"]) - _MAX_FLAGS_PER_KEY
    if more > 0:
        rows += f"<tr><td colspan='7'>… and {more} more: query claim_flags for them all</td></tr>"
    est = "".join(
        f"<tr><td>{e['period_month'] or 'undated'}</td><td>{e['low']:,.0f}</td><td>{e['best']:,.0f}</td>"
        f"<td>{'open' if e['high'] is None else format(e['high'], ',.0f')}</td>"
        f"<td>{escape(e['origins'] or '')}</td>"
        f"<td>{e['n_documents']}</td><td>{escape(how_chosen(e))}</td></tr>"
        for e in group["estimates"]
        if e["best"] is not None
    )
    findings = (f"<table><tr><th>severity</th><th>finding</th><th>claim</th><th>value</th><th>sources</th>"
                f"<th>document</th><th>evidence</th></tr>{rows}</table>") if rows else ""
    estimates = (f"<h3>Estimates</h3><table><tr><th>month</th><th>low</th><th>best</th><th>high</th><th>origins</th>"
                 f"<th>documents</th><th>how chosen</th></tr>{est}</table>") if est else ""
    return (f"<section><h2>{escape(_key_label(key))}</h2>{timeline_svg(group['timeline'])}"
            f"{findings}{estimates}</section>")


_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>claimledger report</title>
<style>body{{font-family:sans-serif;max-width:1100px;margin:auto}}table{{border-collapse:collapse;font-size:13px}}
td,th{{border:1px solid #ddd;padding:4px;vertical-align:top}}tr.error td:first-child{{color:#b00}}
tr.warning td:first-child{{color:#a60}}section{{margin-bottom:32px}}</style></head><body>
<h1>claimledger report</h1><ul>{summary}</ul>{sections}
<p><small>Best estimate: the most conservative (lowest) figure (ACLED); low and high after UCDP.</small></p>
</body></html>"""
