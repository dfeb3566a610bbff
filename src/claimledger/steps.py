"""The pipeline's steps as plain functions; flow.py wires them as Prefect tasks."""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import polars as pl

from claimledger import __version__, settings, vocab, workers
from claimledger.checks import flags as flagging
from claimledger.checks import quality
from claimledger.extraction.extract import DocumentExtraction, extract_article
from claimledger.extraction.frames import to_frames
from claimledger.model import Article, IngestError
from claimledger.reading import ingest
from claimledger.storage import warehouse

if TYPE_CHECKING:
    import duckdb

T = TypeVar("T")
log = logging.getLogger(__name__)
# A file modified this recently may be written again within its time stamp's resolution (a few
# milliseconds on many file systems): it is read again next run rather than known by its stamp.
SETTLED_NS = 2_000_000_000
FLAG_EVIDENCE = {"unsourced": "v_unsourced_claims", "contradiction": "v_contradictions"}


@dataclass
class RunSummary:
    """What a run did, for the CLI, the runs table and the Prefect artifacts."""

    run_id: str
    n_documents: int = 0
    n_new_documents: int = 0
    n_failed: int = 0
    n_claims: int = 0
    n_flags: int = 0
    n_findings: int = 0
    flags_by_check: dict[str, dict[str, int]] = field(default_factory=dict)
    errors: list[IngestError] = field(default_factory=list)
    docs_index: str | None = None
    undated: list[str] = field(default_factory=list)  # source paths (and ids) of articles with no date
    n_dismissed: int = 0  # findings an analyst dismissed (claimledger review): not in flags_by_check


def read_articles(paths: list[Path], default_date: date | None = None) -> tuple[list[Article], list[IngestError]]:
    """Ingest step: every article under the paths (those without a date dated `default_date`, when
    given), and what could not be read."""
    articles, errors = ingest.read_paths(paths)
    return ingest.with_default_date(articles, default_date), errors


def extractor_fingerprint() -> str:
    """Hash of the vocabularies and the package version: stored claims are current only under the same."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(vocab.DATA_DIR.glob("*.yaml")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def changed_articles(articles: list[Article], staging: Path) -> list[Article]:
    """Articles that are new or edited since the warehouse last stored them; all of them when the
    extractor's vocabularies changed since the last run (stored claims would be stale)."""
    with warehouse.connect(staging) as con:
        return _new_or_edited(articles, _current_hashes(con))


@dataclass(frozen=True)
class ArticleRef:
    """A new or edited article, by the file it is read from again when its partition's turn comes."""

    doc_id: str
    source_path: str


@dataclass(frozen=True)
class Ingested:
    """What the ingest step read: how many articles, the new and edited ones, and what it could not read."""

    n_read: int
    changed: list[ArticleRef]
    errors: list[IngestError]


def ingest_changed(paths: list[Path], staging: Path, default_date: date | None = None) -> Ingested:
    """Ingest step: read every article under the paths, and name the new and edited ones (see
    changed_articles). No body is kept: read_partitions reads those articles again a partition at a
    time, so a run's memory follows its partitions, not the archive it reads. A file found as an
    earlier run left it (same size and modification time, every article then stored and current) is
    counted, not read."""
    key = reading_key(default_date)
    with warehouse.connect(staging) as con:
        current = _current_hashes(con)
        stored = {} if current is None else warehouse.file_stamps(con, key)
    settled_before = time.time_ns() - SETTLED_NS
    n_read, changed, errors, settled = 0, [], [], []
    for path in ingest.unique_files(paths):
        stamp = ingest.stamp(path)
        known = stored.get(stamp.resolved_path) if stamp else None
        if stamp and known and known[:2] == (stamp.size_bytes, stamp.mtime_ns):
            n_read += known[2]
            continue
        found, failed = ingest.read_file(path)
        found = ingest.with_default_date(found, default_date)
        edited = _new_or_edited(found, current)
        n_read += len(found)
        changed += [ArticleRef(a.doc_id, a.source_path) for a in edited]
        errors += failed
        if stamp and not failed and not edited and stamp.mtime_ns < settled_before:
            settled.append((stamp.resolved_path, stamp.size_bytes, stamp.mtime_ns, len(found)))
    if settled:
        with warehouse.connect(staging) as con:
            warehouse.store_file_stamps(con, settled, key)
    return Ingested(n_read, changed, errors)


def reading_key(default_date: date | None) -> str:
    """What besides a file's bytes decides the articles stored from it: the extractor, the run's
    --default-date and the article size limit."""
    return f"{extractor_fingerprint()}|{default_date}|{settings.max_article_chars()}"


def read_partitions(refs: list[ArticleRef], size: int, default_date: date | None = None) -> Iterator[list[Article]]:
    """The articles of `refs`, `size` at a time (at least one partition, possibly empty), read again from
    their files; a file is read once for consecutive articles. An article its file no longer holds
    (edited away since ingest) is left to the next run, which reads the file as it is then."""
    held_path, held = None, {}
    for part in partitions(refs, size):
        articles = []
        for ref in part:
            if ref.source_path != held_path:
                held_path = ref.source_path
                held = {a.doc_id: a for a in ingest.with_default_date(ingest.read_file(Path(held_path))[0],
                                                                       default_date)}
            if ref.doc_id in held:
                articles.append(held[ref.doc_id])
        yield articles


def _new_or_edited(articles: list[Article], current: dict[str, str] | None) -> list[Article]:
    """The articles whose content differs from what `current` (_current_hashes) stores; all when it is None."""
    return list(articles) if current is None else [a for a in articles if current.get(a.doc_id) != a.content_sha256]


def _current_hashes(con: duckdb.DuckDBPyConnection) -> dict[str, str] | None:
    """doc_id -> content hash of the stored documents whose claims are current; None when no stored
    claim is (the extractor's vocabularies changed since the last run): every article is extracted."""
    known = warehouse.known_hashes(con)
    last = con.execute("select extractor_fingerprint from runs order by started_at desc limit 1").fetchone()
    if known and (last is None or last[0] != extractor_fingerprint()):
        return None
    return known


def checks_fingerprint() -> str:
    """Hash of the suites and the SQL they run on: stored flags are current only under the same checks."""
    digest = hashlib.sha256()
    for path in sorted([*quality.SUITES_DIR.glob("*.json"), *warehouse.SQL_DIR.rglob("*.sql")]):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def errors_changed(staging: Path, errors: list[IngestError]) -> bool:
    """Whether the unreadable input differs from what the last run recorded (ingest_errors is rewritten)."""
    con = warehouse.connect(staging)
    try:
        stored = {tuple(r) for r in con.execute("select source_path, line, reason from ingest_errors").fetchall()}
    finally:
        con.close()
    return stored != {(e.source_path, e.line, e.reason) for e in errors}


def checks_changed(staging: Path, fingerprint: str) -> bool:
    """Whether the suites or their SQL changed since the last run (or there was none): every stored
    flag must then be checked again, not only those of new documents."""
    con = warehouse.connect(staging)
    try:
        last = con.execute("select checks_fingerprint from runs order by started_at desc limit 1").fetchone()
    finally:
        con.close()
    return last is None or last[0] != fingerprint


@dataclass(frozen=True)
class CheckScope:
    """What a run's checks look at again: the documents it stored, and the stories (or, for articles
    with no story, the tags) those documents belong to now or belonged to before the run."""

    doc_ids: tuple[str, ...] = ()
    keys: frozenset[tuple[str | None, tuple[str, ...]]] = frozenset()

    @staticmethod
    def union(scopes: list[CheckScope]) -> CheckScope:
        """One scope covering all of these (a run's partitions)."""
        return CheckScope(tuple(d for scope in scopes for d in scope.doc_ids),
                          frozenset().union(*(scope.keys for scope in scopes)))


# Documents validated together at most (whole stories are never split): the frames Great Expectations
# reads stay this size however large the warehouse grows. Validation holds the run's peak memory: a full
# run over 10,000 generated articles peaked at 1,961-2,005 MB with 5,000 and at 1,506 MB with 2,500
# (validation 53.5 -> 60.6 s, the machine shared with a test run both times).
CHUNK_DOCUMENTS = 2500


class RunStopped(RuntimeError):
    """The run was asked to stop (SIGTERM, Ctrl-C): extraction ends at the next article."""


class RunCancelled(RunStopped):
    """The run was cancelled from the Prefect UI (or its API)."""


# Set when the process is asked to stop. Extraction runs on worker threads that a signal does not
# reach; they look at this between articles, so a stop takes effect within one article's time.
STOP = threading.Event()
# Set with STOP when the stop is a cancel from the Prefect UI rather than a signal.
CANCELLED = threading.Event()


def clear_stop() -> None:
    """A stop belongs to the run it interrupted: the next run starts clear."""
    STOP.clear()
    CANCELLED.clear()


def raise_if_stopped() -> None:
    """Between steps and articles: leave the run when it was asked to stop."""
    if CANCELLED.is_set():
        raise RunCancelled("the run was cancelled from the Prefect UI")
    if STOP.is_set():
        raise RunStopped("the run was asked to stop")


def extract(articles: list[Article]) -> dict[str, pl.DataFrame]:
    """Extract step: claims, sources and dates of the given articles, in the run's worker processes
    when it has them (see workers.py), else here."""
    if workers.active() and articles:
        return workers.extract_in_workers(articles, raise_if_stopped)
    results: list[DocumentExtraction] = []
    for article in articles:
        raise_if_stopped()
        results.append(extract_article(article))
    return to_frames(results)


def partitions(articles: list[T], size: int) -> list[list[T]]:
    """Articles (or references to them) in partitions of at most `size` (at least one partition, possibly
    empty)."""
    if size < 1:
        raise ValueError("partition size must be at least 1")
    return [articles[i : i + size] for i in range(0, len(articles), size)] or [[]]


def load(
    staging: Path, articles: list[Article], frames: dict[str, pl.DataFrame], errors: list[IngestError], run_id: str
) -> CheckScope:
    """Load step: replace the rows of these new and edited documents (a partition of the run's), make
    ingest_errors the run's unreadable input; return what the checks must look at again."""
    con = warehouse.connect(staging)
    try:
        before = warehouse.stored_keys(con, [a.doc_id for a in articles])
        warehouse.store_documents(con, articles, frames, run_id)
        warehouse.store_ingest_errors(con, errors, run_id)
    finally:
        con.close()
    keys = {(story, tuple(sorted(tags))) for story, tags in before}
    keys |= {(a.story, tuple(sorted(a.tags))) for a in articles}
    return CheckScope(tuple(a.doc_id for a in articles), frozenset(keys))


def validate(staging: Path, run_id: str, *, docs_root: Path | None,
             scope: CheckScope | None = None) -> tuple[pl.DataFrame, list[dict]]:
    """Validate step: run every suite on the stories in `scope` (on the whole warehouse when it is
    None), a chunk of whole stories at a time; make their flags current and return them with the
    expectation results."""
    suites = quality.load_suites()
    con = warehouse.connect(staging)
    try:
        documents = (warehouse.every_document(con) if scope is None else
                     warehouse.check_scope_documents(con, list(scope.doc_ids),
                                                     [(story, list(tags)) for story, tags in scope.keys]))
        all_flags, chunk_results = [], []
        for chunk in story_chunks(documents, CHUNK_DOCUMENTS):
            with warehouse.check_scope(con, chunk):
                frames = {name: warehouse.read(con, name) for name in quality.datasets(suites)}
                outcomes = quality.validate(frames, suites, docs_root=docs_root)
                del frames
                all_flags += [flagging.build_flags(o.flag, o.failing_ids, _evidence(con, o))
                              for o in outcomes if o.flag]
            chunk_results.append([r for o in outcomes for r in o.results])
        results = [dict(r, run_id=run_id) for r in quality.merge_results(chunk_results)]
        current = pl.concat(all_flags) if all_flags else pl.DataFrame(schema=flagging.FLAG_SCHEMA)
        warehouse.store_flags(con, current, run_id, None if scope is None else [d for d, _ in documents])
        warehouse.store_validation(con, results)
    finally:
        con.close()
    return current, results


def story_chunks(documents: list[tuple[str, str | None]], size: int) -> list[list[str]]:
    """Document ids in chunks of whole stories, each of about `size` documents at most (a story larger
    than `size` is a chunk of its own; articles with no story, which pair by tag, are one story)."""
    by_story: dict[str | None, list[str]] = {}
    for doc_id, story in documents:
        by_story.setdefault(story, []).append(doc_id)
    chunks: list[list[str]] = []
    current: list[str] = []
    for story in sorted(by_story, key=lambda s: (s is None, s or "")):
        ids = by_story[story]
        if current and len(current) + len(ids) > size:
            chunks.append(current)
            current = []
        current.extend(ids)
    return chunks + [current] if current else chunks


def _evidence(con, outcome: quality.SuiteOutcome) -> list[dict]:
    """The rows behind a flagging suite's failures: its evidence view, or its failing dataset rows."""
    if not outcome.failing_ids or outcome.flag is None:
        return []
    view = FLAG_EVIDENCE.get(outcome.flag["check_name"])
    if view:
        return warehouse.query(con, f"select * from {view}")
    verdict = outcome.flag.get("verdict_column", "passed")
    return warehouse.query(con, f"select * from {outcome.dataset} where not {verdict}")


_DISMISSED_COUNT = "select count(*) as n from v_finding_reviews where review_status = 'dismissed'"


def summarize(staging: Path, summary: RunSummary) -> RunSummary:
    """Fill the warehouse-wide counts of a run summary."""
    con = warehouse.connect(staging)
    try:
        summary.n_claims = int(warehouse.query(con, "select count(*) as n from claims")[0]["n"])
        summary.n_flags = int(warehouse.query(con, "select count(*) as n from claim_flags")[0]["n"])
        summary.undated = [r["document"] for r in warehouse.query(
            con, "select document from v_undated_documents order by document")]
        summary.n_findings = summary.n_dismissed = 0
        for check, severity, status, n in con.execute(warehouse.sql("run_findings_summary")).fetchall():
            summary.n_findings += n
            if status == "dismissed":
                summary.n_dismissed += n
            else:
                summary.flags_by_check.setdefault(check, {})[severity] = (
                    summary.flags_by_check.get(check, {}).get(severity, 0) + n)
    finally:
        con.close()
    return summary


_SUMMARY_FIELDS = ("n_claims", "n_flags", "n_findings", "flags_by_check", "undated", "n_dismissed")


def carry_over(staging: Path, summary: RunSummary) -> bool:
    """Fill the warehouse-wide counts of a run that stored and checked nothing from the last completed
    run's, and say whether they still hold: False (counts not filled) when that run did not keep them
    or an analyst reviewed a finding since it ended."""
    rows = _read_rows(staging, warehouse.sql("last_run_summary"))
    if not rows:
        return False
    kept = json.loads(rows[0]["findings_summary"])
    for name in _SUMMARY_FIELDS:
        setattr(summary, name, kept[name])
    return True


def _read_rows(db: Path, statement: str, params: list | None = None) -> list[dict]:
    con = warehouse.connect_read(db)
    try:
        return warehouse.query(con, statement, params)
    finally:
        con.close()


def estimates_table(db: Path) -> list[dict]:
    """Low / best / high per claim key and month (v_claim_estimates)."""
    return _read_rows(db, "select * from v_claim_estimates")


def dismissed_count(db: Path) -> int:
    """Findings an analyst dismissed (claimledger review) that are still raised."""
    return int(_read_rows(db, _DISMISSED_COUNT)[0]["n"])


def undated_table(db: Path) -> list[dict]:
    """Articles with no publication date (v_undated_documents), never compared with other articles."""
    return _read_rows(db, "select * from v_undated_documents order by document")


def flag_table(db: Path, *, limit: int | None = 200, include_dismissed: bool = False) -> list[dict]:
    """Current findings with sentence, value, sources and document, for reports and artifacts (all of
    them when `limit` is None); findings an analyst dismissed only with `include_dismissed`."""
    statement = warehouse.sql("report_flags") + ("" if limit is None else f" limit {int(limit)}")
    return _read_rows(db, statement, [include_dismissed])


def record_run(staging: Path, summary: RunSummary, *, flow_run_id: str, started_at) -> None:
    """Write this run's row to `runs`."""
    from datetime import datetime

    con = warehouse.connect(staging)
    try:
        warehouse.record_run(
            con,
            {
                "run_id": summary.run_id,
                "flow_run_id": flow_run_id,
                "started_at": started_at,
                "finished_at": datetime.now(),
                "status": "completed",
                "n_documents": summary.n_documents,
                "n_new_documents": summary.n_new_documents,
                "n_failed": summary.n_failed,
                "n_claims": summary.n_claims,
                "n_flags": summary.n_flags,
                "checks_fingerprint": checks_fingerprint(),
                "extractor_fingerprint": extractor_fingerprint(),
                "findings_summary": json.dumps({name: getattr(summary, name) for name in _SUMMARY_FIELDS}),
            },
        )
    finally:
        con.close()


def summary_dict(summary: RunSummary) -> dict:
    """A run summary as plain data (the flow's return value)."""
    return {
        "run_id": summary.run_id,
        "n_documents": summary.n_documents,
        "n_new_documents": summary.n_new_documents,
        "n_failed": summary.n_failed,
        "n_claims": summary.n_claims,
        "n_flags": summary.n_flags,
        "n_findings": summary.n_findings,
        "n_dismissed": summary.n_dismissed,
        "flags_by_check": summary.flags_by_check,
        "errors": [{"source_path": e.source_path, "line": e.line, "reason": e.reason} for e in summary.errors],
        "undated": summary.undated,
    }


def write_report(db: Path, summary: RunSummary, path: Path) -> Path:
    """Write the HTML report (a summary per story, then timelines, findings and estimates) beside the
    warehouse. It reads an index of every story and counted group, then the rows of the groups the page
    draws only, so its cost follows the page, not the archive."""
    from claimledger.reporting import html_report, report

    con = warehouse.connect_read(db)
    try:
        con.execute(warehouse.sql("create_report_findings"))  # a temporary table: the findings read once
        index = warehouse.query(con, warehouse.sql("report_groups"))
        shown = [html_report.shown_groups(index)]
        flags = warehouse.query(con, warehouse.sql("report_group_flags"), [*shown, html_report.MAX_FLAGS])
        estimates = warehouse.query(con, "select * from v_group_estimates where list_contains(?, group_id)", shown)
        timeline = warehouse.query(con, warehouse.sql("report_timeline"), [*shown, html_report.MAX_POINTS])
        groups = warehouse.query(con, "select * from v_claim_groups where list_contains(?, group_id)", shown)
        origins = warehouse.query(con, "select * from v_group_origins where list_contains(?, group_id)", shown)
    finally:
        con.close()
    page = html_report.render(report.summary_lines(summary), flags, estimates, timeline, groups=groups,
                              origins=origins, index=index, n_dismissed=summary.n_dismissed)
    path.write_text(page, encoding="utf-8")
    return path
