"""The report's summary of one story: a row per counted group with the estimate, the range across
origins and who holds each end, who says what, and the open findings, errors first."""

from __future__ import annotations

from html import escape

from claimledger.checks.flags import bounds_text
from claimledger.reporting.groups import Group, Row, Story
from claimledger.reporting.report import BEST_BASIS
from claimledger.reporting.sections import day, month, number
from claimledger.reporting.timeline_svg import UNSOURCED, point_value

FINDINGS_IN_SUMMARY = 5  # the rest are one click away, in the group's section
_SEVERITY_WORDS = (("error", "errors"), ("warning", "warnings"), ("info", "info"))


def counts_text(counts: tuple[int, int, int]) -> str:
    """ "1 error, 3 warnings"; "no open findings" when there are none."""
    said = [f"{n} {one if n == 1 else many}" for n, (one, many) in zip(counts, _SEVERITY_WORDS, strict=True) if n]
    return ", ".join(said) or "no open findings"


def story_summary(story: Story, groups: list[Group], headings: dict[str, str], *, more: str) -> str:
    """One story's block: its heading with its open findings, then a row per group shown."""
    rows = "".join(_row_or_note(g, headings[g.group_id]) for g in groups)
    note = (' <small class="scope">(compared with each other only when they share a tag)</small>'
            if story.story is None else "")
    return (f'<section class="story-summary" data-story="{escape(story.story or "")}">'
            f'<h3><a href="#{story.anchor}">{escape(story.label)}</a>{note} '
            f'<small class="counts">{counts_text(story.severity_counts())}</small></h3>'
            f'<table class="summary"><tr><th>counted group</th><th>estimate</th><th>range across origins</th>'
            f"<th>who says what (latest figure)</th><th>open findings</th></tr>{rows}</table>{more}</section>")


def failed_note(g: Group, exc: Exception) -> str:
    """What the page says of a group whose rows cannot be drawn; the rest of the page is drawn."""
    return (f"<em>This group could not be drawn ({escape(type(exc).__name__)}: {escape(str(exc))}); query its "
            f"rows in SQL (<code>where group_id = '{escape(g.group_id)}'</code>).</em>")


def _row_or_note(g: Group, heading: str) -> str:
    try:
        return _row(g, heading)
    except (ArithmeticError, KeyError, TypeError, ValueError) as exc:  # one bad group must not cost the page
        return (f'<tr class="group-summary" data-group="{escape(g.group_id)}"><th scope="row">'
                f'<a href="#g-{escape(g.group_id)}">{escape(heading)}</a></th>'
                f'<td colspan="4">{failed_note(g, exc)}</td></tr>')


def _row(g: Group, heading: str) -> str:
    return (f'<tr class="group-summary" data-group="{escape(g.group_id)}">'
            f'<th scope="row"><a href="#g-{escape(g.group_id)}">{escape(heading)}</a></th>'
            f'<td class="estimate">{_estimate(g.estimate)}</td><td class="range">{_range(g.origins)}</td>'
            f'<td class="who">{_who(g.origins)}</td><td class="open-findings">{_findings(g)}</td></tr>')


def _estimate(e: Row | None) -> str:
    if e is None:
        return '<span class="none">no comparable figure</span>'
    basis = BEST_BASIS.get(e.get("best_basis") or "", "a figure")
    return (f"<strong>{number(e['best'])}</strong><br><small>{month(e.get('period_month'))}; "
            f"low {number(e.get('low'))}, high {number(e.get('high'))}; best from {escape(basis)} "
            f"({escape(e.get('best_origins') or 'unsourced')})</small>")


def _point(row: Row) -> float:
    """Where a figure sits for ordering: its low bound, else its ceiling."""
    value = row["value_low"] if row["value_low"] is not None else row["value_high"]
    return float(value) if value is not None and value == value else 0.0


def _who_holds(o: Row) -> str:
    return "unsourced" if o["origin"] == UNSOURCED else escape(o["origin"])


def _range(origins: list[Row]) -> str:
    """From the lowest to the highest of the origins' latest figures, with who gives each end."""
    if not origins:
        return "—"
    ranked = sorted(origins, key=lambda o: (_point(o), o["origin"]))
    low, high = ranked[0], ranked[-1]
    if len(ranked) == 1:
        return f"one origin: {escape(point_value(low))} <small>({_who_holds(low)})</small>"
    if point_value(low) == point_value(high):
        return f"all {len(ranked)} origins: {escape(point_value(low))}"
    return (f"{escape(point_value(low))} <small>({_who_holds(low)})</small> to "
            f"{escape(point_value(high))} <small>({_who_holds(high)})</small>")


def _who(origins: list[Row]) -> str:
    """Each origin with its latest figure, lowest first."""
    items = "".join(
        f'<li data-origin="{escape(o["origin"])}"><b>{escape(o["origin"])}</b>: {escape(point_value(o))} '
        f"<small>\u201c{escape(o.get('quantity_text') or '')}\u201d, {day(o.get('published_at'))}"
        + (f"; latest of {o['n_figures']}" if (o.get("n_figures") or 1) > 1 else "") + "</small></li>"
        for o in sorted(origins, key=lambda o: (_point(o), o["origin"]))
    )
    return f"<ul>{items}</ul>" if items else "—"


def _findings(g: Group) -> str:
    """How many open findings of each severity, then the first few, errors first."""
    counts = g.severity_counts()
    if not any(counts):
        return '<span class="none">none</span>'
    items = "".join(
        f"<li class='{escape(f['severity'])}'><span class='sev'>{escape(f['severity'])}</span> "
        f"{escape(f['check_name'])}: \u2018{escape(f['quantity_text'])}\u2019 = "
        f"{escape(bounds_text(f['value_low'], f['value_high']))} ({escape(f['sources'] or 'no source')})</li>"
        for f in g.flags[:FINDINGS_IN_SUMMARY]
    )
    more = sum(counts) - min(len(g.flags), FINDINGS_IN_SUMMARY)
    if more > 0:
        items += f"<li>… and {more} more in <a href='#g-{escape(g.group_id)}'>its section</a></li>"
    return f"<small>{counts_text(counts)}</small><ol>{items}</ol>"
