"""The `claims-pipeline` flow: ingest -> extract -> load -> validate -> publish, as coarse tasks.

Tasks only wire steps from claimledger.steps. A task per article would cost ~10 ms of client and
~50 ms of server work each, so every task handles the whole batch.
"""

from __future__ import annotations

import threading
import uuid
from collections import deque
from datetime import date, datetime
from pathlib import Path
from typing import Any
from uuid import UUID

from prefect import flow, get_client, get_run_logger, task
from prefect.artifacts import create_link_artifact, create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.client.schemas.objects import StateType
from prefect.runtime import flow_run

from claimledger import settings, steps, workers
from claimledger.reporting.report import ESTIMATE_COLUMNS, FLAG_COLUMNS, artifact_rows, summary_markdown
from claimledger.storage import warehouse

TASK_OPTIONS: dict[str, Any] = {"cache_policy": NO_CACHE, "persist_result": False}


@task(name="ingest", **TASK_OPTIONS)
def ingest_task(paths: list[Path], staging: Path, default_date: date | None) -> steps.Ingested:
    read = steps.ingest_changed(paths, staging, default_date)
    for err in read.errors:
        get_run_logger().warning("skipped %s%s: %s", err.source_path, f":{err.line}" if err.line else "", err.reason)
    get_run_logger().info("ingest: %d articles read, %d new or edited, %d files or lines skipped",
                          read.n_read, len(read.changed), len(read.errors))
    return read


@task(name="extract", **TASK_OPTIONS)
def extract_task(partition: list) -> dict:
    frames = steps.extract(partition)
    get_run_logger().info("extract: %d articles, %d claims", len(partition), frames["claims"].height)
    return frames


@task(name="load", **TASK_OPTIONS)
def load_task(staging: Path, articles: list, frames: dict, errors: list, run_id: str) -> steps.CheckScope:
    scope = steps.load(staging, articles, frames, errors, run_id)
    get_run_logger().info("load: %d articles and %d claims staged", len(articles), frames["claims"].height)
    return scope


@task(name="validate", **TASK_OPTIONS)
def validate_task(staging: Path, run_id: str, docs_root: Path | None, scope: steps.CheckScope | None) -> None:
    flags, results = steps.validate(staging, run_id, docs_root=docs_root, scope=scope)
    get_run_logger().info("validate: %s; %d expectations checked, %d flags of the stories checked",
                          "every story" if scope is None else f"the stories of {len(scope.doc_ids)} new or edited "
                          "articles", len(results), flags.height)


@task(name="publish", **TASK_OPTIONS)
def publish_task(staging: Path, db: Path, summary: steps.RunSummary, started_at: datetime, unchanged: bool) -> None:
    # Everything that can fail (the report, the artifacts) is drawn from the staging copy before the
    # commit: a failure leaves the last warehouse, report and `runs` as they were, and the next run
    # starts from them, not from a half-published state.
    report_path = settings.report_path(db)
    # A run that stored, checked and saw reviewed nothing since the last one takes over its counts: that
    # run's report and its findings and estimates artifacts still hold, and counting every finding
    # again would be most of the run's time.
    carried = unchanged and report_path.exists() and steps.carry_over(staging, summary)
    if not carried:
        steps.summarize(staging, summary)
    steps.record_run(staging, summary, flow_run_id=str(flow_run.get_id() or ""), started_at=started_at)
    drawn = report_path.with_name(report_path.name + ".partial")
    try:
        if not carried:
            steps.write_report(staging, summary, drawn)
        _publish_artifacts(staging, db, summary, report_path, carried)
        warehouse.commit(staging, db)
        if not carried:
            drawn.replace(report_path)
        get_run_logger().info("publish: warehouse %s, report %s%s", db, report_path,
                              " (nothing changed: the last run's)" if carried else "")
    finally:
        drawn.unlink(missing_ok=True)


def _publish_artifacts(staging: Path, db: Path, summary: steps.RunSummary, report_path: Path, carried: bool) -> None:
    create_markdown_artifact(key="claims-summary", markdown=summary_markdown(summary, db),
                             description="claimledger run summary")
    if carried:
        return  # the latest versions of the other artifacts (by key) are the last run's, and still hold
    create_table_artifact(
        key="claims-flags",
        table=artifact_rows(steps.flag_table(staging), FLAG_COLUMNS) or [{"severity": "", "check_name": "no flags"}],
        description="Current flags with sentence, value, sources and document",
    )
    create_table_artifact(
        key="claims-estimates",
        table=artifact_rows(steps.estimates_table(staging), ESTIMATE_COLUMNS) or [{"thing": "no estimates"}],
        description="Low / best / high per claim key and month",
    )
    create_link_artifact(
        key="claims-report",
        link=report_path.resolve().as_uri(),
        link_text="claimledger report",
        description="HTML report: findings, estimates and a timeline per claim key",
    )


@flow(name="claims-pipeline", log_prints=True)
def claims_pipeline(
    seeds: list[str] | None = None,
    db: str = str(settings.DEFAULT_DB),
    build_docs: bool = True,
    lock_wait_seconds: float = 60.0,
    partition_size: int = 500,
    extraction_workers: int | None = None,
    default_date: str | None = None,
    recheck_all: bool = False,
) -> dict[str, Any]:
    """Read article files, extract claims into the DuckDB warehouse, validate, flag and publish.

    `extraction_workers`: processes that extract (default: every core this process may use; 1 extracts
    in this process). `default_date` (YYYY-MM-DD): the date of articles that state none. The checks
    look again at the stories of new and edited articles only, unless `recheck_all` or the checks
    changed since the last run."""
    steps.clear_stop()  # a stop belongs to the run it interrupted
    finished = threading.Event()
    threading.Thread(target=_watch_for_cancel, args=(flow_run.id, finished), daemon=True,
                     name="claimledger-cancel-watch").start()
    try:
        return _pipeline(seeds, db, build_docs, lock_wait_seconds, partition_size,
                         extraction_workers or workers.default_workers(),
                         date.fromisoformat(default_date) if default_date else None, recheck_all)
    finally:
        finished.set()


def _load_next(in_flight: deque[tuple[list, Any]], staging: Path, errors: list, run_id: str) -> steps.CheckScope:
    """Stage the oldest partition in flight once it is extracted (partitions are staged in order)."""
    part, future = in_flight.popleft()
    scope = load_task(staging, part, future.result(), errors, run_id)
    steps.raise_if_stopped()
    return scope


def _pipeline(seeds: list[str] | None, db: str, build_docs: bool, lock_wait_seconds: float,
              partition_size: int, n_workers: int, default_date: date | None, recheck_all: bool) -> dict[str, Any]:
    paths = [Path(p) for p in (seeds or [str(settings.DEFAULT_SEEDS)])]
    db_path = Path(db)
    run_id = datetime.now().strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]
    started_at = datetime.now()
    with warehouse.run_lock(db_path, wait_seconds=lock_wait_seconds):
        staging = warehouse.stage(db_path, run_id)
        try:
            read = ingest_task(paths, staging, default_date)
            n_read, n_changed, errors = read.n_read, len(read.changed), read.errors
            steps.raise_if_stopped()
            # Extraction runs in partitions of many articles, one task each, on the flow's task runner
            # (threads by default, a Dask cluster with run_pipeline(task_runner="dask")); on threads,
            # the tasks hand their articles to worker processes.
            check_all = recheck_all or steps.checks_changed(staging, steps.checks_fingerprint())
            unchanged = not (n_changed or check_all or steps.errors_changed(staging, errors))
            if not unchanged:
                # Partitions are read as their turn comes, extracted a few at a time (enough to keep every
                # worker busy) and staged as soon as they are extracted, then let go: a run holds a few
                # partitions' articles and frames however many articles it reads.
                ahead = max(2, n_workers)
                in_flight: deque[tuple[list, Any]] = deque()
                scopes = []
                with workers.extraction_workers(n_workers, n_changed):
                    for part in steps.read_partitions(read.changed, partition_size, default_date):
                        in_flight.append((part, extract_task.submit(part)))
                        if len(in_flight) > ahead:
                            scopes.append(_load_next(in_flight, staging, errors, run_id))
                    while in_flight:
                        scopes.append(_load_next(in_flight, staging, errors, run_id))
                scope = steps.CheckScope.union(scopes)
                validate_task(staging, run_id, settings.docs_root(db_path) if build_docs else None,
                              None if check_all else scope)
            # else: nothing new to extract and the stored flags already judge this very data.
            summary = steps.RunSummary(
                run_id, n_documents=n_read, n_new_documents=n_changed, n_failed=len(errors), errors=errors
            )
            steps.raise_if_stopped()  # a cancel before publishing leaves the last complete warehouse
            publish_task(staging, db_path, summary, started_at, unchanged)
        except BaseException:
            # A signal (Prefect turns SIGTERM into an exception here) or a failure: extraction threads
            # still running end at their next article instead of finishing the whole batch.
            steps.STOP.set()
            raise
        finally:
            warehouse.discard(staging, db_path)
    return steps.summary_dict(summary)


def _watch_for_cancel(flow_run_id: str | None, finished: threading.Event, every_seconds: float = 1.0) -> None:
    """A cancel from the Prefect UI moves the flow run to Cancelling; a served deployment's runner then
    sends SIGTERM, but a run started from the command line has no runner. This thread reads the run's
    state and stops the run (extraction at its next article, the flow before its next step)."""
    if not flow_run_id:
        return
    with get_client(sync_client=True) as client:
        while not finished.wait(every_seconds):
            try:
                state = client.read_flow_run(UUID(str(flow_run_id))).state
            except Exception:  # noqa: BLE001 - the API may be briefly unavailable; look again
                continue
            if state is not None and state.type in (StateType.CANCELLING, StateType.CANCELLED):
                steps.CANCELLED.set()
                steps.STOP.set()
                return


def serve(*, cron: str, seeds: list[str], db: str, name: str = "claims-pipeline-hourly") -> None:
    """Serve the flow as a deployment on a cron schedule (Prefect keeps the schedule on its server)."""
    claims_pipeline.serve(name=name, cron=cron, parameters={"seeds": seeds, "db": db})


def run_pipeline(*, task_runner: str = "threads", dask_address: str | None = None, **parameters: Any) -> dict[str, Any]:
    """Run the flow on threads (default) or on a Dask cluster: an existing one at `dask_address`, else a
    local two-worker cluster started for the run."""
    if task_runner == "threads":
        return claims_pipeline(**parameters)
    parameters["extraction_workers"] = 1  # Dask's own worker processes extract
    if task_runner != "dask":
        raise ValueError(f"unknown task runner {task_runner!r}: use 'threads' or 'dask'")
    from prefect_dask import DaskTaskRunner

    runner = (
        DaskTaskRunner(address=dask_address)
        if dask_address
        else DaskTaskRunner(
            cluster_kwargs={"n_workers": 2, "threads_per_worker": 1, "processes": True, "dashboard_address": None}
        )
    )
    return claims_pipeline.with_options(task_runner=runner)(**parameters)  # type: ignore[arg-type]
