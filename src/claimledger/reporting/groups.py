"""The report's rows gathered per story and counted group (v_claim_groups), in the order the page shows them.

A counted group is a stored claim key (thing, actor, metric, place) together with the less specific
keys the warehouse folds into it ('*' casualties and soldiers with no actor named, beside North Korean
soldiers in the same place), within one story: the checks compare figures only within a story (or,
for articles that name none, within a shared tag), so the same key on two stories is two groups. One
group is one heading in its story, whatever key its rows were stored under.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

Key = tuple[str, str, str, str]  # thing, actor, metric, place; "" where the warehouse has NULL
Row = dict[str, Any]

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}  # the order an analyst reads findings in
NO_STORY = "Articles with no story"


def stored_key(row: Row, *, thing: str = "thing", actor: str = "actor") -> Key:
    """The claim key a row carries, as text."""
    return (str(row.get(thing) or ""), str(row.get(actor) or ""), str(row.get("metric") or ""),
            str(row.get("place") or ""))


def key_label(key: Key) -> str:
    """ "North Korea soldier deployed in Kursk region"; '*' (any people) is left unsaid."""
    thing, actor, metric, place = key
    words = " ".join(p for p in (actor, "" if thing == "*" else thing, metric) if p)
    return (words + (f" in {place}" if place else "")) or "(no key)"


def _anchor(*parts: str | None) -> str:
    return hashlib.md5("|".join("-" if p is None else f"s:{p}" for p in parts).encode()).hexdigest()[:12]


def _rank(counts: tuple[int, int, int], *tail: Any) -> tuple[Any, ...]:
    """Errors first, then warnings, then info, then none; more of the worst first."""
    errors, warnings, infos = counts
    worst = 0 if errors else 1 if warnings else 2 if infos else 3
    return (worst, -errors, -warnings, -infos, *tail)


@dataclass
class Group:
    """One counted group of one story and every row the report shows about it."""

    group_id: str
    story: str | None
    key: Key
    members: set[Key] = field(default_factory=set)
    flags: list[Row] = field(default_factory=list)  # the first few open findings, errors first
    estimates: list[Row] = field(default_factory=list)
    timeline: list[Row] = field(default_factory=list)  # the figures drawn
    origins: list[Row] = field(default_factory=list)
    counts: tuple[int, int, int] | None = None  # open findings per severity, when the index gives them
    n_figures: int | None = None  # the group's figures, when the index gives them
    n_points: int = 0  # dated figures the warehouse holds (report_timeline.sql), drawn or not

    @property
    def label(self) -> str:
        return key_label(self.key)

    @property
    def estimate(self) -> Row | None:
        """The estimate a summary quotes: v_group_estimates' latest month (the latest dated month of
        rows that carry no `is_latest`)."""
        rows = [e for e in self.estimates if e.get("best") is not None]
        latest = [e for e in rows if e.get("is_latest")]
        if latest or not rows:
            return latest[0] if latest else None
        return max(rows, key=lambda e: (e.get("period_month") is not None, str(e.get("period_month") or "")))

    def severity_counts(self) -> tuple[int, int, int]:
        """Open findings per severity: errors, warnings, infos (all of them, not only those fetched)."""
        if self.counts is not None:
            return self.counts
        ranks = [SEVERITY_RANK.get(f.get("severity") or "", 2) for f in self.flags]
        return ranks.count(0), ranks.count(1), ranks.count(2)

    def order(self) -> tuple[Any, ...]:
        figures = self.n_figures if self.n_figures is not None else len(self.timeline)
        return _rank(self.severity_counts(), -figures, self.label, self.group_id)


@dataclass
class Story:
    """One story (or the articles that name none) and its counted groups, in reading order."""

    story: str | None
    groups: list[Group] = field(default_factory=list)

    @property
    def label(self) -> str:
        return NO_STORY if self.story is None else f"Story: {self.story}"

    @property
    def anchor(self) -> str:
        return f"s-{_anchor(self.story)}"

    def severity_counts(self) -> tuple[int, int, int]:
        counts = [g.severity_counts() for g in self.groups]
        return sum(c[0] for c in counts), sum(c[1] for c in counts), sum(c[2] for c in counts)

    def order(self) -> tuple[Any, ...]:
        """Stories by their worst open finding, errors first; the articles with no story last on a tie."""
        return _rank(self.severity_counts(), self.story is None, self.story or "")

    def headings(self) -> dict[str, str]:
        """group id -> heading; two groups whose keys read alike (no thing, and '*') are told apart by id."""
        seen: dict[str, int] = {}
        for g in self.groups:
            seen[g.label] = seen.get(g.label, 0) + 1
        return {g.group_id: g.label + (f" [{g.group_id}]" if seen[g.label] > 1 else "") for g in self.groups}


def gather(flags: list[Row], estimates: list[Row], timeline: list[Row], *, groups: list[Row],
           origins: list[Row], index: list[Row] | None = None) -> list[Story]:
    """Every row under its story and counted group; stories and groups in reading order.

    `index`: report_groups.sql rows, one per group with its counts of open findings (the groups the other
    rows belong to, when the report fetched only those it shows). `groups`: v_claim_groups rows (story and
    stored key -> group); a key it does not list is its own group. Rows that name their `group_id` (the
    report's queries) are placed by it, others by their story and key."""
    to_group = {(g.get("story"), stored_key(g)): str(g["group_id"]) for g in groups}
    by_id: dict[str, Group] = {}

    def group_of(row: Row) -> Group:
        story, own = row.get("story"), stored_key(row)
        gid = str(row.get("group_id") or to_group.get((story, own)) or _anchor(story, *own))
        if gid not in by_id:
            key = stored_key(row, thing="group_thing", actor="group_actor") if "group_thing" in row else own
            by_id[gid] = Group(gid, story, key)
        if not row.get("group_id"):  # placed by its key: the section says which keys it gathers
            by_id[gid].members.add(own)
        return by_id[gid]

    for row in index or []:
        g = group_of(row)
        g.counts = (int(row["n_errors"]), int(row["n_warnings"]), int(row["n_infos"]))
        g.n_figures = int(row["n_figures"])
    for row in groups:
        group_of(row).members.add(stored_key(row))
    for row in sorted(flags, key=lambda f: (SEVERITY_RANK.get(f.get("severity") or "", 2), f.get("check_name") or "",
                                            str(f.get("published_at") or ""))):
        group_of(row).flags.append(row)
    for row in estimates:
        group_of(row).estimates.append(row)
    seen: set[tuple[Any, Any]] = set()
    for row in timeline:
        # one point per claim and origin: two speakers of one origin backing a claim are one figure
        if row.get("claim_id") is not None and (row["claim_id"], row.get("origin")) in seen:
            continue
        seen.add((row.get("claim_id"), row.get("origin")))
        g = group_of(row)
        g.timeline.append(row)
        g.n_points = max(g.n_points, int(row.get("n_points") or 0), len(g.timeline))
    for row in origins:
        group_of(row).origins.append(row)
    stories: dict[str | None, Story] = {}
    for g in by_id.values():
        stories.setdefault(g.story, Story(g.story)).groups.append(g)
    for s in stories.values():
        s.groups.sort(key=Group.order)
    return sorted(stories.values(), key=Story.order)
