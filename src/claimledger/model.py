"""Plain records that pass between the pipeline's steps."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Article:
    """One article as read from a file, before extraction."""

    doc_id: str
    external_id: str
    source_path: str
    title: str
    subtitle: str
    body: str
    tags: tuple[str, ...] = ()
    story: str | None = None
    outlet: str | None = None
    url: str | None = None
    published_at: datetime | None = None
    line: int | None = None
    content_sha256: str = ""
    date_source: str | None = None  # metadata | text (a stamp or dateline) | default (the run's --default-date)


@dataclass(frozen=True)
class IngestError:
    """A file or line that could not be read as an article, and why."""

    source_path: str
    line: int | None
    reason: str


@dataclass(frozen=True)
class Span:
    """A stretch of a section's text: end-exclusive character offsets."""

    start: int
    end: int


@dataclass
class Source:
    """Who a claim is attributed to, and how the attribution was found."""

    source_text: str
    source_canonical: str
    cue: str
    scope: str


@dataclass
class Claim:
    """One numeric claim with its provenance in the article."""

    section: str
    sentence_idx: int
    sentence: str
    char_start: int
    char_end: int
    quantity_text: str
    value_low: float | None
    value_high: float | None
    qualifier: str
    is_approximate: bool
    unit: str | None
    subject: str | None
    metric: str
    location: str | None = None
    as_of: str | None = None
    as_of_precision: str | None = None
    hedge: str | None = None
    value_source: str = "text"
    is_projection: bool = False
    is_partial: bool = False
    is_list_item: bool = False  # an item of a list spelling out a group named before it
    kind: str = "count"  # count | money | percent | measure | other (kinds.py)
    assertion: str = "asserted"  # asserted | denied | corrected | rumoured (scope.py)
    event_scope: str = "main"  # main | other_event | other_period (scope.py) | personal (extract.py)
    sources: list[Source] = field(default_factory=list)


@dataclass(frozen=True)
class SetAsideNumber:
    """A number that is not a claim (an age, a date, a phone number, page furniture) and why."""

    section: str
    sentence_idx: int
    char_start: int
    char_end: int
    number_text: str
    kind: str
