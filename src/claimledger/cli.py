"""The `claimledger` command: run, extract, report."""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
import threading
from datetime import date
from pathlib import Path

from claimledger import settings

_SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
# Exit codes (README "Exit codes"): a completed run exits 0, or FLAGGED when --fail-on finds flags; a
# run that could not complete exits FAILED, BUSY when another run holds the warehouse.
OK, FLAGGED, USAGE, BUSY, FAILED, CANCELLED = 0, 1, 2, 3, 4, 5


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="claimledger", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="show the traceback of a failed run")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="run the claims-pipeline flow over article files")
    run.add_argument("--seeds", action="append", type=Path, help="file or folder (repeatable; default seeds/)")
    run.add_argument("--db", type=Path, default=settings.DEFAULT_DB)
    run.add_argument("--fail-on", choices=["error", "warning"], help="exit 1 when a flag this severe exists")
    run.add_argument("--no-docs", action="store_true", help="skip building Great Expectations Data Docs")
    run.add_argument("--wait", type=float, default=60.0, help="seconds to wait for another run to finish")
    run.add_argument("--task-runner", choices=["threads", "dask"], default="threads",
                     help="where extraction partitions run (default: threads, which hand articles to worker "
                          "processes)")
    run.add_argument("--dask-address", help="scheduler of an existing Dask cluster, e.g. tcp://host:8786")
    run.add_argument("--partition-size", type=int, default=500, help="articles per extraction task")
    run.add_argument("--workers", type=int, default=None,
                     help="processes that extract (default: $CLAIMLEDGER_WORKERS, else every core; 1: none)")
    run.add_argument("--recheck-all", action="store_true",
                     help="check every story again, not only those of new and edited articles")
    run.add_argument("--default-date", type=_iso_day, metavar="YYYY-MM-DD",
                     help="publication date of articles that give none in their file or text")
    serve = sub.add_parser("serve", help="serve the flow as a scheduled deployment (needs PREFECT_API_URL)")
    serve.add_argument("--cron", default="0 * * * *", help="cron schedule (default: hourly)")
    serve.add_argument("--seeds", action="append", type=Path)
    serve.add_argument("--db", type=Path, default=settings.DEFAULT_DB)
    serve.add_argument("--name", default="claims-pipeline-hourly")
    extract = sub.add_parser("extract", help="print one article's claims as JSON lines")
    extract.add_argument("path", type=Path)
    report = sub.add_parser("report", help="print the current findings with their evidence, and the estimates")
    report.add_argument("--db", type=Path, default=settings.DEFAULT_DB)
    report.add_argument("--format", choices=("text", "json", "csv"), default="text",
                        help="text to read; json: findings, estimates and undated articles in one object; "
                             "csv: the table --table names")
    report.add_argument("--table", choices=("findings", "estimates", "undated"), default="findings",
                        help="the table a csv export holds (default: findings)")
    report.add_argument("--output", "-o", type=Path, help="write to this file instead of standard output")
    report.add_argument("--include-dismissed", action="store_true",
                        help="list the findings an analyst dismissed too (hidden by default)")
    review = sub.add_parser("review", help="dismiss or confirm a finding; the verdict is kept across runs")
    review.add_argument("id", help="a finding id (v_findings.finding_id) or one of its flag ids (claim_flags.flag_id)")
    verdict = review.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--dismiss", action="store_true", help="the finding is wrong: hide it, stop failing on it")
    verdict.add_argument("--confirm", action="store_true", help="the finding is right")
    review.add_argument("--note", help="why, in a few words")
    review.add_argument("--by", default=None, help="who reviews (default: the login name)")
    review.add_argument("--db", type=Path, default=settings.DEFAULT_DB)
    review.add_argument("--wait", type=float, default=60.0, help="seconds to wait for a run to finish")
    return parser


def _iso_day(text: str) -> str:
    """--default-date's value: a calendar day written YYYY-MM-DD."""
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _run(args: argparse.Namespace) -> int:
    from claimledger import steps
    from claimledger.flow import run_pipeline
    from claimledger.reporting import report
    from claimledger.storage.warehouse import WarehouseBusy, interrupted

    seeds = [str(p) for p in (args.seeds or [settings.DEFAULT_SEEDS])]
    if args.workers is not None and args.workers < 1:
        print("claimledger: --workers must be 1 or more", file=sys.stderr)
        return USAGE
    missing = [s for s in seeds if not Path(s).exists()]
    if missing:
        print(f"claimledger: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return USAGE
    _quiet_console(verbose=args.verbose)
    _stop_on_signals()
    _reap_orphaned_servers()
    try:
        summary = run_pipeline(task_runner=args.task_runner, dask_address=args.dask_address, seeds=seeds,
                               db=str(args.db), build_docs=not args.no_docs, lock_wait_seconds=args.wait,
                               partition_size=args.partition_size, extraction_workers=args.workers,
                               default_date=args.default_date, recheck_all=args.recheck_all)
    except WarehouseBusy as exc:
        print(f"claimledger: {exc}", file=sys.stderr)
        return BUSY
    except (Stopped, KeyboardInterrupt) as exc:
        number = exc.signal if isinstance(exc, Stopped) else signal.SIGINT
        return _stopped(number)
    except Exception as exc:  # noqa: BLE001 - a failed run is one line; -v shows the traceback
        if _RECEIVED:
            return _stopped(_RECEIVED[-1])
        if interrupted(exc):  # SIGTERM reached Prefect's handler during a query, not ours
            return _stopped(signal.SIGTERM)
        if steps.CANCELLED.is_set():  # Prefect may abort the next task of a cancelled run before we stop it
            print("claimledger: cancelled from the Prefect UI; the last complete warehouse is unchanged",
                  file=sys.stderr)
            return CANCELLED
        if args.verbose:
            raise
        print(f"claimledger: run failed: {_one_line(exc, args.db)} (the last complete warehouse is unchanged; "
              "-v shows the traceback)", file=sys.stderr)
        return FAILED
    print("\n".join(report.summary_lines(summary)))
    db = args.db.absolute()  # the warehouse's link, not the generation file it points at now
    print(f"warehouse: {db}\nreport: {settings.report_path(db)}")
    if args.fail_on:
        threshold = _SEVERITY_RANK[args.fail_on]
        worst = [sev for by_sev in summary["flags_by_check"].values() for sev in by_sev
                 if _SEVERITY_RANK[sev] >= threshold]
        if worst:
            print(f"claimledger: flags of severity {args.fail_on} or worse exist", file=sys.stderr)
            return FLAGGED
    return OK


# Signals this process received: a stop raised in the middle of a library's teardown (the worker pool,
# Prefect's engine) may come out as another exception, and the run was still stopped by the signal.
_RECEIVED: list[int] = []


class Stopped(BaseException):
    """Raised in the main thread when SIGTERM arrives (a BaseException, so no `except Exception` keeps the
    run going)."""

    def __init__(self, number: int) -> None:
        super().__init__(f"signal {number}")
        self.signal = number


def _stopped(number: int) -> int:
    print(f"claimledger: stopped by {signal.Signals(number).name}; the last complete warehouse is unchanged",
          file=sys.stderr)
    return 128 + number


def _stop_on_signals() -> None:
    """SIGTERM (timeout, systemd, a cancel) and Ctrl-C stop the run: the main thread leaves the flow
    (its staging copy is discarded) and extraction ends at its next article, or its next chunk in
    worker processes. The flow clears the stop when it starts."""
    from claimledger import steps

    def on_term(number: int, frame: object) -> None:
        steps.STOP.set()
        _RECEIVED.append(number)
        raise Stopped(number)

    def on_int(number: int, frame: object) -> None:
        steps.STOP.set()
        _RECEIVED.append(number)
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, on_term)
        signal.signal(signal.SIGINT, on_int)


def _reap_orphaned_servers() -> list[int]:
    """Stop Prefect's temporary servers left behind by runs that were killed (SIGKILL gives a run no
    chance to stop the server it started): an orphan (its parent is gone) serving this PREFECT_HOME."""
    home = os.environ.get("PREFECT_HOME", "")
    proc = Path("/proc")
    if not home or not proc.is_dir():
        return []
    reaped = []
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().split(b"\0")
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            environ = (entry / "environ").read_bytes().split(b"\0")
        except (OSError, ValueError, IndexError):
            continue  # gone, or not ours to read
        if parent == 1 and b"prefect.server.api.server:create_app" in cmdline \
                and f"PREFECT_HOME={home}".encode() in environ and b"PREFECT__SERVER_EPHEMERAL=1" in environ:
            try:
                os.kill(int(entry.name), signal.SIGTERM)
                reaped.append(int(entry.name))
            except OSError:
                continue
    return reaped


def _own_records(record: logging.LogRecord) -> bool:
    """Without -v the console shows claimledger's own records; Prefect's and Great Expectations'
    (a failed flow's traceback, library warnings) stay in the Prefect UI and in -v runs."""
    return record.name.startswith("claimledger") or record.name == "root"


def _quiet_console(*, verbose: bool) -> None:
    """Prefect and Great Expectations print their own log lines and tracebacks to the console; the
    command prints the run's summary and, for a failed run, one line (all of it with -v). The Prefect
    UI still receives every log through its API handler."""
    if verbose:
        return
    from prefect.logging.handlers import PrefectConsoleHandler

    for logger in [logging.getLogger(), *(logging.getLogger(name) for name in logging.root.manager.loggerDict)]:
        for handler in getattr(logger, "handlers", []):
            if isinstance(handler, PrefectConsoleHandler):
                handler.setLevel(logging.CRITICAL)


def _one_line(exc: BaseException, db: Path) -> str:
    """A user's mistake said in one line with its path and the fix."""
    import errno

    from claimledger.storage.warehouse import NotAWarehouse

    if isinstance(exc, NotAWarehouse):
        return str(exc)
    if isinstance(exc, OSError) and exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        where = exc.filename or db.parent
        return f"cannot write to {where} ({exc.strerror}): pass a --db in a folder you can write to"
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return f"no space left on the device holding {db.parent}: free some space and run again"
    message = " ".join(str(exc).split())[:300]
    return f"{type(exc).__name__}: {message}"


def _extract(args: argparse.Namespace) -> int:
    from claimledger.extraction.extract import extract_article
    from claimledger.extraction.frames import claims_with_sources, to_frames
    from claimledger.reading.ingest import read_file

    articles, errors = read_file(args.path)
    for err in errors:
        print(f"claimledger: {err.source_path}{':' + str(err.line) if err.line else ''}: {err.reason}", file=sys.stderr)
    for article in articles:
        for row in claims_with_sources(to_frames([extract_article(article)])):
            print(json.dumps(row, ensure_ascii=False, default=str))
    return 1 if errors and not articles else 0


def _serve(args: argparse.Namespace) -> int:
    from claimledger.flow import serve

    seeds = [str(Path(p).resolve()) for p in (args.seeds or [settings.DEFAULT_SEEDS])]
    serve(cron=args.cron, seeds=seeds, db=str(args.db.absolute()), name=args.name)
    return 0


def _report(args: argparse.Namespace) -> int:
    from claimledger import steps
    from claimledger.reporting import export, report

    if not args.db.exists():
        print(f"claimledger: {args.db}: no warehouse yet; run `claimledger run` first", file=sys.stderr)
        return 2
    tables = {"findings": steps.flag_table(args.db, limit=None, include_dismissed=args.include_dismissed),
              "estimates": steps.estimates_table(args.db), "undated": steps.undated_table(args.db)}
    if args.format == "json":
        text = export.to_json(tables)
    elif args.format == "csv":
        text = export.to_csv(tables[args.table], args.table)
    else:
        text = (report.flags_report(tables["findings"], tables["estimates"]) + _undated_text(tables["undated"])
                + _dismissed_text(args.db, args.include_dismissed))
    if args.output is None:
        print(text, end="" if text.endswith("\n") else "\n")
        return 0
    try:
        partial = args.output.with_name(args.output.name + ".partial")
        partial.write_text(text, encoding="utf-8")
        partial.replace(args.output)  # a reader never sees half an export
    except OSError as exc:
        print(f"claimledger: {args.output}: cannot write the export ({exc.strerror or exc})", file=sys.stderr)
        return USAGE
    return OK


def _dismissed_text(db: Path, shown: bool) -> str:
    from claimledger import steps

    n = steps.dismissed_count(db)
    if not n or shown:
        return ""
    return f"\n\n{n} finding(s) dismissed by review are hidden (--include-dismissed lists them)."


def _review(args: argparse.Namespace) -> int:
    import getpass

    from claimledger.storage import warehouse

    if not args.db.exists():
        print(f"claimledger: {args.db}: no warehouse yet; run `claimledger run` first", file=sys.stderr)
        return USAGE
    verdict = "dismissed" if args.dismiss else "confirmed"
    try:
        with warehouse.run_lock(args.db, wait_seconds=args.wait):  # a run replaces the file when it ends
            con = warehouse.connect(args.db)
            try:
                finding = warehouse.finding_of(con, args.id)
                if finding is None:
                    print(f"claimledger: {args.db}: no current finding or flag with id {args.id!r}", file=sys.stderr)
                    return USAGE
                warehouse.store_review(con, finding, verdict, args.note, args.by or getpass.getuser())
            finally:
                con.close()
    except warehouse.WarehouseBusy as exc:
        print(f"claimledger: {exc}", file=sys.stderr)
        return BUSY
    print(f"finding {finding['finding_id']} ({finding['check_name']}, {finding['n_flags']} claim pair(s)) {verdict}; "
          "the verdict holds until another flag joins the finding")
    return OK


def _undated_text(undated: list[dict]) -> str:
    if not undated:
        return ""
    return (f"\n\nUndated articles ({len(undated)}), never compared with other articles "
            "(run with --default-date to date them):\n"
            + "\n".join(f"  {r['document']}: {r['n_claims']} claims" for r in undated))


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script."""
    console_level_set = "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL" in os.environ
    settings.apply_offline_defaults()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = _parser().parse_args(argv)
    if not args.verbose and not console_level_set:  # before Prefect reads its logging configuration
        os.environ["PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL"] = "CRITICAL"
        for handler in logging.getLogger().handlers:
            handler.addFilter(_own_records)
    handlers = {"run": _run, "serve": _serve, "extract": _extract, "report": _report, "review": _review}
    return handlers[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
