"""A counted group's timeline as inline SVG: each origin's figures over time, on labelled axes.

Drawn here rather than by a charting library so that the page needs no JavaScript and no CDN: it
opens offline and can be mailed as one file. Every point carries its value and its origin twice: in
an SVG <title> (the tooltip, and what a screen reader or a DOM test reads) and in the table the report
puts beside the chart; small charts also print the value next to the dot.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta
from html import escape
from typing import Any

from claimledger.checks.flags import bounds_text

COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"]
UNSOURCED = "(unsourced)"
_UNSOURCED_COLOR = "#777777"
_W, _H = 720, 250
_LEFT, _RIGHT, _TOP, _BOTTOM = 72, 24, 16, 44  # room for tick labels and the axis titles
MAX_POINTS = 100  # one chart stays readable (and the page small) on archives with thousands of figures
_LABELLED_POINTS = 40  # above this many points, values printed beside the dots would overlap


def colors(origins: list[str]) -> dict[str, str]:
    """One colour per origin, the same in the chart and its legend; unsourced figures are grey."""
    named = [o for o in origins if o != UNSOURCED]
    palette = {o: COLORS[i % len(COLORS)] for i, o in enumerate(named)}
    return palette | ({UNSOURCED: _UNSOURCED_COLOR} if UNSOURCED in origins else {})


def _finite(v: Any) -> float | None:
    return float(v) if v is not None and math.isfinite(v) else None


def value_ticks(lo: float, hi: float, *, target: int = 5) -> list[float]:
    """Round tick values (1, 2, 2.5 or 5 times a power of ten) covering lo..hi, about `target` of them."""
    if hi <= lo:
        hi = lo + 1.0
    raw = (hi - lo) / target
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first, last = math.floor(lo / step), math.ceil(hi / step)
    return [round(i * step, 10) for i in range(first, last + 1)]


def tick_label(value: float) -> str:
    """A tick's value in few characters: 12,000, 2.5M, 1e+15."""
    size = abs(value)
    if size >= 1e12:
        return f"{value:.3g}"
    if size >= 1e9:
        return f"{value / 1e9:g}B"
    if size >= 1e6:
        return f"{value / 1e6:g}M"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")


def date_ticks(start: datetime, end: datetime) -> list[tuple[datetime, str]]:
    """Calendar ticks inside start..end: days, weeks (Mondays) or months, at most about seven of them."""
    days = (end - start).total_seconds() / 86400
    if days <= 90:
        # days for short spans, whole weeks from the first Monday for longer ones
        step = max(1, math.ceil(days / 6)) if days <= 12 else 7 * math.ceil(days / 42)
        tick = datetime(start.year, start.month, start.day)
        if tick < start:
            tick += timedelta(days=1)
        if days > 12:
            tick += timedelta(days=(7 - tick.weekday()) % 7)
        out = []
        while tick <= end:
            out.append((tick, f"{tick:%Y-%m-%d}"))
            tick += timedelta(days=step)
        return out
    months = days / 30.4
    step_m = next(s for s in (1, 2, 3, 6, 12, 24, 60, 120, 600) if months / s <= 7)
    index = start.year * 12 + start.month - 1 + (0 if (start.day, start.hour, start.minute) == (1, 0, 0) else 1)
    index += -index % step_m
    out = []
    while (tick := datetime(index // 12, index % 12 + 1, 1)) <= end:
        out.append((tick, f"{tick:%Y}" if step_m >= 12 else f"{tick:%Y-%m}"))
        index += step_m
    return out


def point_value(p: dict[str, Any]) -> str:
    """A point's value as the report writes it ("3,000.." for "more than 3,000"); non-finite bounds are open."""
    return bounds_text(_finite(p["value_low"]), _finite(p["value_high"]))


def point_text(p: dict[str, Any]) -> str:
    """What a point says: origin, value, the claim's words, date and article."""
    when = f"{p['published_at']:%Y-%m-%d}"
    article = ", ".join(str(x) for x in (p.get("outlet"), p.get("title")) if x)
    return (f"{p['origin']}: {point_value(p)} "
            f"(\u201c{p.get('quantity_text') or ''}\u201d, {p.get('qualifier') or 'exact'}), {when}"
            + (f", {article}" if article else ""))


def timeline_svg(points: list[dict[str, Any]], *, y_title: str = "figure") -> str:
    """Each origin's figures over time: a dot at the stated value, a bar for its bounds, an arrow when the
    figure is open-ended; y ticks with values, x ticks with dates."""
    dated = [p for p in points if p.get("published_at")][:MAX_POINTS]
    if not dated:
        return "<p><em>No dated figures.</em></p>"
    values = [v for p in dated for v in (_finite(p["value_low"]), _finite(p["value_high"])) if v is not None]
    top = max([0.0, *values])
    if any(_finite(p["value_high"]) is None for p in dated):
        top += abs(top) * 0.15  # room above an open-ended figure for its arrow
    ticks = value_ticks(min([0.0, *values]), top)
    v0, v1 = ticks[0], ticks[-1]
    start, end = min(p["published_at"] for p in dated), max(p["published_at"] for p in dated)
    pad = (end - start) * 0.04 if end > start else timedelta(days=1)  # no dot sits on an axis
    start, end = start - pad, end + pad
    x_lo, x_hi, y_lo, y_hi = _LEFT, _W - _RIGHT, _H - _BOTTOM, _TOP

    def x(t: datetime) -> float:
        return x_lo + (t - start) / (end - start) * (x_hi - x_lo)

    def y(v: float) -> float:
        return y_lo - (v - v0) / (v1 - v0) * (y_lo - y_hi)

    parts = [f'<svg class="timeline" width="{_W}" height="{_H}" role="img" xmlns="http://www.w3.org/2000/svg">',
             '<g class="y-axis" font-size="10" text-anchor="end">']
    for v in ticks:
        parts.append(f'<line x1="{x_lo}" x2="{x_hi}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#e4e4e4"/>'
                     f'<text class="tick" x="{x_lo - 6}" y="{y(v) + 3.5:.1f}">{tick_label(v)}</text>')
    parts.append(f'<text class="axis-title" transform="translate(12 {(y_lo + y_hi) / 2:.0f}) rotate(-90)"'
                 f' text-anchor="middle">{escape(y_title)}</text></g>'
                 f'<g class="x-axis" font-size="10" text-anchor="middle">'
                 f'<line x1="{x_lo}" x2="{x_hi}" y1="{y_lo}" y2="{y_lo}" stroke="#888"/>')
    for tick, label in date_ticks(start, end):
        parts.append(f'<line x1="{x(tick):.1f}" x2="{x(tick):.1f}" y1="{y_lo}" y2="{y_lo + 4}" stroke="#888"/>'
                     f'<text class="tick" x="{x(tick):.1f}" y="{y_lo + 15}">{label}</text>')
    parts.append(f'<text class="axis-title" x="{(x_lo + x_hi) / 2:.0f}" y="{_H - 6}">date published</text></g>')
    color = colors(sorted({p["origin"] for p in dated}))
    # points on the same day are set side by side, so that two origins' equal figures both show
    crowd: Counter[int] = Counter(round(x(p["published_at"])) for p in dated)
    seen: Counter[int] = Counter()
    placed: list[tuple[float, float, float]] | None = [] if len(dated) <= _LABELLED_POINTS else None
    for p in dated:
        at = round(x(p["published_at"]))
        half = 7 * (crowd[at] - 1) / 2  # labels go beside the whole row of dots, not over its neighbours
        cx = x(p["published_at"]) + 7 * seen[at] - half
        seen[at] += 1
        parts.append(_point(p, cx, y, y_hi, color[p["origin"]], placed, (x(p["published_at"]) - half,
                                                                          x(p["published_at"]) + half)))
    parts.append("</svg>")
    return "".join(parts)


def _label(text: str, row: tuple[float, float], cy: float, placed: list[tuple[float, float, float]]) -> str:
    """The value printed beside its row of dots, unless it would cover a label already printed (the <title>
    and the table beside the chart still give it)."""
    width = 6.0 * len(text)
    left = row[0] - 8 - width if row[1] > _W - _RIGHT - 60 else row[1] + 8
    if any(left < r and left + width > lft and abs(cy - ly) < 11 for lft, r, ly in placed):
        return ""
    placed.append((left, left + width, cy))
    return f'<text class="value" x="{left:.1f}" y="{cy + 3.5:.1f}" font-size="10">{escape(text)}</text>'


def _point(p: dict[str, Any], cx: float, y: Callable[[float], float], top_edge: float, c: str,
           placed: list[tuple[float, float, float]] | None, row: tuple[float, float]) -> str:
    low, high = _finite(p["value_low"]), _finite(p["value_high"])
    value = point_value(p)
    top = y(high) if high is not None else top_edge
    bottom = y(low) if low is not None else y(0.0)  # "up to 12": the count lies between 0 and 12
    point = low if low is not None else high
    cy = y(point or 0.0)
    out = [f'<g class="point" data-origin="{escape(p["origin"])}" data-value="{escape(value)}">'
           f"<title>{escape(point_text(p))}</title>"
           f'<line x1="{cx:.1f}" y1="{top:.1f}" x2="{cx:.1f}" y2="{bottom:.1f}" stroke="{c}" stroke-width="3"'
           f' opacity="0.5"/>']
    if high is None:  # open-ended ("more than 3,000"): the bar runs to the top of the plot, with an arrow
        out.append(f'<polygon points="{cx - 5:.1f},{top_edge + 8:.1f} {cx + 5:.1f},{top_edge + 8:.1f} '
                   f'{cx:.1f},{top_edge:.1f}" fill="{c}"/>')
    out.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="5" fill="{c}"/>')
    if placed is not None:
        out.append(_label(value, row, cy, placed))
    out.append("</g>")
    return "".join(out)
