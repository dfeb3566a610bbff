"""The HTML report: a summary per story that answers first, then one section per story and counted group.

The checks compare figures only within a story, so the page is read story by story: stories with
errors first, and in each the counted groups (v_claim_groups) with the estimate, the range across
origins and who holds each end, who says what, and the open findings, errors first (summary.py).
Each story's sections then show a group's timeline, findings and estimates (sections.py). The page
draws the worst stories and groups only (an archive of 100,000 articles holds thousands of both) and
says how many more the views hold. It is plain HTML, CSS and inline SVG, with no JavaScript and no
CDN: it opens offline and can be mailed as one file. (Altair is in the dependency tree through Great
Expectations, but its HTML output loads Vega from a CDN unless another package inlines it.)
"""

from __future__ import annotations

from html import escape

from claimledger.reporting.groups import Group, Row, Story, gather
from claimledger.reporting.sections import MAX_FLAGS_PER_GROUP as MAX_FLAGS
from claimledger.reporting.sections import section
from claimledger.reporting.summary import counts_text, failed_note, story_summary
from claimledger.reporting.timeline_svg import MAX_POINTS, timeline_svg

__all__ = ["MAX_FLAGS", "MAX_POINTS", "render", "shown_groups", "timeline_svg"]

# What one page draws: at most 200 sections of at most MAX_POINTS figures (and 20 findings) each, so
# that a page stays a few megabytes however large the archive (3.5 MB on the 5,000-article benchmark,
# where the report before the summary drew 4.6 MB); the rest is in the views, and the page says so.
MAX_STORIES = 25
MAX_GROUPS_PER_STORY = 8


def _shown(stories: list[Story]) -> list[tuple[Story, list[Group]]]:
    return [(s, s.groups[:MAX_GROUPS_PER_STORY]) for s in stories[:MAX_STORIES]]


def shown_groups(index: list[Row]) -> list[str]:
    """The ids of the groups the page draws, from report_groups.sql's index: the report then reads
    the rows of these groups only."""
    stories = gather([], [], [], groups=[], origins=[], index=index)
    return [g.group_id for _, groups in _shown(stories) for g in groups]


def render(
    summary_lines: list[str],
    flags: list[Row],
    estimates: list[Row],
    timeline: list[Row],
    *,
    groups: list[Row] | None = None,
    origins: list[Row] | None = None,
    index: list[Row] | None = None,
    n_dismissed: int = 0,
) -> str:
    """The whole report page.

    `flags`: open findings (create_report_findings.sql, or report_flags rows); `estimates`:
    v_group_estimates; `timeline`: report_timeline.sql (or v_claim_timeline rows, placed by their key);
    `groups`: v_claim_groups; `origins`: v_group_origins; `index`: report_groups.sql, every group with
    its counts, when the other rows are those of the groups shown only; `n_dismissed`: findings hidden
    by review."""
    stories = gather(flags, estimates, timeline, groups=groups or [], origins=origins or [], index=index)
    shown = _shown(stories)
    summaries, sections = [], []
    for story, drawn in shown:
        headings = story.headings()
        parts = []
        for g in drawn:
            try:
                parts.append(section(g, headings[g.group_id]))
            except (ArithmeticError, KeyError, TypeError, ValueError) as exc:  # one bad group must not cost the page
                parts.append(_failed(g, headings[g.group_id], exc))
        more = len(story.groups) - len(drawn)
        more_line = (f'<p class="more">… and {more} more counted groups in this story: query '
                     f"<code>v_group_estimates</code> and <code>v_group_origins</code> where story "
                     f"{_story_filter(story)}.</p>") if more > 0 else ""
        summaries.append(story_summary(story, drawn, headings, more=more_line))
        sections.append(f'<section class="story" id="{story.anchor}" data-story="{escape(story.story or "")}">'
                        f"<h2>{escape(story.label)}</h2>{''.join(parts)}</section>")
    more = len(stories) - len(shown)
    plural = "s" if n_dismissed != 1 else ""
    hidden = (f' <strong class="dismissed">{n_dismissed} dismissed finding{plural} hidden</strong> '
              "(<code>claimledger report --include-dismissed</code> lists them).") if n_dismissed else ""
    return _PAGE.format(
        run=escape(summary_lines[0].strip()) if summary_lines else "",
        dismissed=hidden,
        stories="".join(summaries) or "<p>No counted figures.</p>",
        more=(f'<p class="more">… and {more} more stories, the next one with '
              f"{counts_text(stories[len(shown)].severity_counts())}: query <code>v_group_estimates</code> "
              "by story.</p>") if more > 0 else "",
        sections="".join(sections),
        details="".join(f"<li>{escape(line.strip())}</li>" for line in summary_lines[1:]),
    )


def _story_filter(story: Story) -> str:
    return "is null" if story.story is None else f"= '{escape(story.story)}'"


def _failed(g: Group, heading: str, exc: Exception) -> str:
    return (f'<section class="group" id="g-{escape(g.group_id)}" data-group="{escape(g.group_id)}">'
            f"<h3>{escape(heading)}</h3><p>{failed_note(g, exc)}</p></section>")


_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>claimledger report</title>
<style>body{{font-family:sans-serif;max-width:1200px;margin:auto;padding:0 12px}}
table{{border-collapse:collapse;font-size:13px}}
td,th{{border:1px solid #ddd;padding:4px;vertical-align:top;text-align:left}}
table.summary{{width:100%}}table.summary ul,table.summary ol{{margin:2px 0;padding-left:18px}}
tr.error td:first-child,li.error .sev{{color:#b00;font-weight:bold}}
tr.warning td:first-child,li.warning .sev{{color:#a60}}
li.info .sev{{color:#357}}.none{{color:#888}}.dismissed{{color:#555}}section.story{{margin-bottom:32px}}
section.story-summary{{margin-bottom:18px}}.counts,.scope{{font-weight:normal;color:#555}}
.merged,.more-points{{font-size:13px;color:#444}}
.swatch{{display:inline-block;width:10px;height:10px;margin:0 4px 0 10px}}
figure.chart{{margin:8px 0}}.legend{{font-size:12px}}details.points{{margin-bottom:8px;font-size:13px}}</style>
</head><body>
<h1>claimledger report</h1>
<p class="run">{run}.{dismissed}</p>
<section id="summary"><h2>Summary by story</h2>
<p><small>The checks compare figures within a story, so the page is read story by story: stories with errors
first. In each, one row per counted group: a claim key (what is counted, whose, what happened to it, where)
with the keys the checks compare it with. <b>Estimate</b>: the latest month's most conservative figure
(ACLED), with the lowest and highest bounds (UCDP). <b>Range across origins</b>: from the lowest to the highest
of each origin's latest figure, with who gives each end. Findings are listed errors first.</small></p>
{stories}{more}</section>
{sections}
<section id="run"><h2>This run</h2><ul>{details}</ul></section>
<p><small>Best estimate: the most conservative (lowest) figure (ACLED); low and high after UCDP.</small></p>
</body></html>"""
