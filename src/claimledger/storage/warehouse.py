"""The DuckDB warehouse: schema, loads, and reads. The only module that imports DuckDB.

A run never writes the live file. It writes another generation file (generations.py), first brought up
to the live one by a diff (sync_*.sql), and swaps it in with an atomic rename of the warehouse's link when
everything succeeded; a failed or killed run leaves the live warehouse as it was, and readers of the live
file are never blocked by the writer. A run's checks look again only at the stories its new and edited
documents belong to (check_scope).
"""

from __future__ import annotations

import fcntl
import hashlib
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import polars as pl

from claimledger import settings
from claimledger.model import Article, IngestError
from claimledger.storage import generations

SQL_DIR = Path(__file__).with_name("sql")  # shipped inside the package
# Views in dependency order; each is one file under sql/views/.
VIEWS = (
    "v_claim_sourcing", "v_unsourced_checks", "v_unsourced_claims", "v_claim_key_pairs", "v_claim_pairs",
    "v_contradictions", "v_claim_spans", "v_revisions", "v_qualifier_checks", "v_composition_checks",
    "v_source_checks", "v_headline_checks", "v_hedged_checks", "v_estimate_figures", "v_claim_estimates",
    "v_claim_timeline", "v_finding_reviews", "v_findings", "v_undated_documents", "v_claim_groups",
    "v_group_timeline", "v_group_estimates",
    "v_group_origins",
)


class WarehouseBusy(RuntimeError):
    """Another run holds the warehouse."""


class NotAWarehouse(RuntimeError):
    """The --db file is not a DuckDB warehouse (corrupt, truncated, or another kind of file)."""


def interrupted(exc: BaseException) -> bool:
    """Whether DuckDB stopped a query because the process got a signal. DuckDB reports the signal
    handler's exception (Prefect's SIGTERM bridge raises one while a flow runs) as this error instead,
    so the caller cannot tell a stop from a failure by its type."""
    return isinstance(exc, (RuntimeError, duckdb.InterruptException)) and "Query interrupted" in str(exc)


def sql(name: str) -> str:
    """The text of sql/<name>.sql."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create every table and (re)create every view."""
    con.execute(sql("schema"))
    for view in VIEWS:
        con.execute(f"create or replace view {view} as {sql('views/' + view)}")


def connect(path: Path | str = ":memory:") -> duckdb.DuckDBPyConnection:
    """A read-write connection with the schema in place (staging files and tests only). On a file, its
    changes stay in the write-ahead log when it closes (DuckDB still checkpoints when the log passes
    its threshold): a checkpoint rewrites the primary-key index of every changed table, about 140 MB at
    100,000 articles, and a run opens such connections several times. commit() checkpoints once."""
    con = _open_deferred(path)
    create_schema(con)
    return con


def _open_deferred(path: Path | str) -> duckdb.DuckDBPyConnection:
    con = _limited(duckdb.connect(str(path)))
    if str(path) != ":memory:":
        con.execute("pragma disable_checkpoint_on_shutdown")
    return con


def _limited(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """The connection under the warehouse's memory limit (settings.duckdb_memory_limit)."""
    con.execute("set memory_limit = ?", [settings.duckdb_memory_limit()])
    return con


def connect_read(path: Path | str) -> duckdb.DuckDBPyConnection:
    """A read-only connection to a live warehouse: it writes nothing (no WAL) and shares the file with
    analysts' own read-only connections."""
    return _limited(duckdb.connect(str(path), read_only=True))


@contextmanager
def run_lock(db_path: Path, *, wait_seconds: float = 60.0) -> Iterator[None]:
    """Hold the warehouse's run lock; a second run waits, then gives up with a clear message."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    lock_path = db_path.with_name(db_path.name + ".lock")
    with lock_path.open("w") as handle:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise WarehouseBusy(
                        f"{db_path}: another claimledger run is writing this warehouse; "
                        f"waited {wait_seconds:.0f}s. Try again when it has finished.") from None
                time.sleep(0.5)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


# Tables synced group by group on a key (sync_keyed_table.sql); documents and the rows derived from
# them are synced by sync_documents.sql. Every table of schema.sql is in one or the other.
SYNCED_ON_KEY = {"claim_flags": "flag_id", "runs": "run_id", "reviews": "review_id",
                 "validation_results": "run_id", "ingest_errors": "run_id", "source_files": "resolved_path"}
SYNCED_WITH_DOCUMENTS = ("documents", "claims", "claim_sources", "document_dates", "numbers_set_aside")


def stage(db_path: Path, run_id: str) -> Path:
    """The generation file this run writes, holding what the live warehouse holds (`run_id` is kept for
    the callers' logs). Writes what the last run changed, or copies the live file when no earlier
    generation can be reused (the second run of a warehouse, or a reader still holds the other file)."""
    db_path = generations.warehouse_path(db_path)
    for stale in db_path.parent.glob(f"{db_path.name}.staging-*"):
        stale.unlink(missing_ok=True)  # left by a killed run of a version that copied the warehouse
    live = generations.live_file(db_path)
    if live is None and db_path.exists():  # one plain file: made before generations, or not a warehouse
        _check_warehouse(db_path)
        live = generations.adopt(db_path)
    if live is not None and not live.exists():
        raise NotAWarehouse(f"{db_path} points at {live.name}, which is missing: restore it, or move "
                            f"{db_path.name} away or pass another --db")
    candidates = generations.writable_candidates(db_path, live)
    try:
        if live is None:
            for stale in candidates:
                generations.remove(stale)  # left by a killed first run
            return _prepared(candidates[0])
        for candidate in candidates:
            if candidate.exists() and _synced(candidate, live):
                return candidate  # the sync put this version's schema and views in place first
        # No earlier generation to reuse: copy the live file into one that no reader holds (a held
        # file can be unlinked; its reader keeps its copy).
        target = next((c for c in candidates if not c.exists()), candidates[0])
        generations.copy_live(live, target)
        return _prepared(target)
    except duckdb.Error as exc:
        if live is not None:  # the user's warehouse, not a file of ours, is what cannot be opened
            raise _not_a_warehouse(db_path) from exc
        raise


def _check_warehouse(db_path: Path) -> None:
    try:
        duckdb.connect(str(db_path), read_only=True).close()
    except duckdb.Error as exc:
        raise _not_a_warehouse(db_path) from exc


def _not_a_warehouse(db_path: Path) -> NotAWarehouse:
    return NotAWarehouse(f"{db_path} is not a claimledger warehouse (corrupt, or another kind of file): "
                         f"move it away or pass another --db")


def _synced(target: Path, live: Path) -> bool:
    """Bring an earlier generation file up to the live one; False when it cannot be (a reader holds it,
    it cannot be read, or its tables are not the live file's), and the caller copies instead."""
    try:
        with _open_deferred(target) as con:
            create_schema(con)
            con.execute(f"attach '{_quoted(live)}' as live (read_only)")
            con.execute("begin transaction")
            con.execute(sql("sync_documents"))
            for table, key in SYNCED_ON_KEY.items():
                con.execute(sql("sync_keyed_table").format(table=table, key=key))
            con.execute("commit")
            con.execute("detach live")
    except duckdb.Error:
        return False
    return True


def _prepared(target: Path) -> Path:
    """`target` with the schema and views of this version in place."""
    try:
        with _open_deferred(target) as con:
            create_schema(con)
    except BaseException:
        generations.remove(target)
        raise
    return target


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")


def commit(staging: Path, db_path: Path) -> None:
    """Write the run's changes into the staging generation file (one checkpoint for the whole run) and
    make it the live warehouse (an atomic rename of the warehouse's link)."""
    with duckdb.connect(str(staging)) as con:
        con.execute("checkpoint")
    generations.publish(generations.warehouse_path(db_path), staging)


def discard(staging: Path, db_path: Path) -> None:
    """After a failed first run, drop its file; otherwise a generation file stays for the next run to
    bring up to date (it holds nothing a reader sees)."""
    if generations.live_file(generations.warehouse_path(db_path)) is None:
        generations.remove(staging)


def known_hashes(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """doc_id -> content hash of every stored document."""
    return dict(con.execute("select doc_id, content_sha256 from documents").fetchall())


def file_stamps(con: duckdb.DuckDBPyConnection, reading_key: str) -> dict[str, tuple[int, int, int]]:
    """resolved path -> (size, modification time, articles) of the files stored under `reading_key`
    whose every article a run found stored and current (schema.sql, source_files)."""
    rows = con.execute("select resolved_path, size_bytes, mtime_ns, n_articles from source_files "
                       "where reading_key = ?", [reading_key]).fetchall()
    return {path: (size, mtime, n) for path, size, mtime, n in rows}


def store_file_stamps(con: duckdb.DuckDBPyConnection, stamps: list[tuple[str, int, int, int]],
                      reading_key: str) -> None:
    """Record files (resolved path, size, modification time, articles) whose every article is stored
    and current, replacing what was recorded of them before."""
    if not stamps:
        return
    frame = pl.DataFrame(stamps, schema={"resolved_path": pl.Utf8, "size_bytes": pl.Int64, "mtime_ns": pl.Int64,
                                         "n_articles": pl.Int32}, orient="row")
    con.register("incoming_files", frame.with_columns(reading_key=pl.lit(reading_key)).to_arrow())
    con.execute("insert or replace into source_files by name select * from incoming_files")
    con.unregister("incoming_files")


def _documents_frame(articles: list[Article], run_id: str, now: datetime) -> pl.DataFrame:
    return pl.DataFrame(
        [{"doc_id": a.doc_id, "external_id": a.external_id, "source_path": a.source_path, "title": a.title,
          "subtitle": a.subtitle, "body": a.body, "tags": list(a.tags), "story": a.story, "outlet": a.outlet,
          "url": a.url, "published_at": a.published_at, "ingested_at": now, "run_id": run_id,
          "content_sha256": a.content_sha256, "date_source": a.date_source} for a in articles],
        schema={"doc_id": pl.Utf8, "external_id": pl.Utf8, "source_path": pl.Utf8, "title": pl.Utf8,
                "subtitle": pl.Utf8, "body": pl.Utf8, "tags": pl.List(pl.Utf8), "story": pl.Utf8,
                "outlet": pl.Utf8, "url": pl.Utf8, "published_at": pl.Datetime("us"),
                "ingested_at": pl.Datetime("us"), "run_id": pl.Utf8, "content_sha256": pl.Utf8,
                "date_source": pl.Utf8},
    )


def store_documents(con: duckdb.DuckDBPyConnection, articles: list[Article], frames: dict[str, pl.DataFrame],
                    run_id: str) -> None:
    """Replace the rows of the given (new or edited) documents, in one transaction."""
    docs = _documents_frame(articles, run_id, datetime.now())
    claims = frames["claims"].with_columns(pl.lit(run_id).alias("run_id"))
    sources = frames["claim_sources"]
    dates = frames["document_dates"]
    set_aside = frames["numbers_set_aside"]
    con.execute("begin transaction")
    try:
        con.register("incoming_docs", docs.to_arrow())
        con.execute("delete from claim_sources where claim_id in "
                    "(select claim_id from claims where doc_id in (select doc_id from incoming_docs))")
        for table in ("claims", "document_dates", "numbers_set_aside", "documents"):
            con.execute(f"delete from {table} where doc_id in (select doc_id from incoming_docs)")
        con.execute("insert into documents by name select * from incoming_docs")
        for table, frame in (("claims", claims), ("claim_sources", sources), ("document_dates", dates),
                             ("numbers_set_aside", set_aside)):
            con.register("incoming", frame.to_arrow())
            con.execute(f"insert into {table} by name select * from incoming")
            con.unregister("incoming")
        con.unregister("incoming_docs")
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise


def store_ingest_errors(con: duckdb.DuckDBPyConnection, errors: list[IngestError], run_id: str) -> None:
    """Make ingest_errors the input that cannot be read now (re-runs add no duplicate rows)."""
    con.execute("delete from ingest_errors")
    if errors:
        con.executemany("insert into ingest_errors values (?, ?, ?, ?)",
                        [(run_id, e.source_path, e.line, e.reason) for e in errors])


def _doc_ids(doc_ids: list[str]) -> Any:
    """A one-column Arrow table of document ids, to register on a connection."""
    return pl.DataFrame({"doc_id": doc_ids}, schema={"doc_id": pl.Utf8}).to_arrow()


def stored_keys(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> list[tuple[str | None, list[str]]]:
    """Story and tags of those of the given documents that are stored (read before a run replaces them)."""
    con.register("asked_docs", _doc_ids(doc_ids))
    try:
        rows = con.execute("select story, tags from documents "
                           "where doc_id in (select doc_id from asked_docs)").fetchall()
    finally:
        con.unregister("asked_docs")
    return [(story, list(tags or [])) for story, tags in rows]


def check_scope_documents(con: duckdb.DuckDBPyConnection, stored: list[str],
                          keys: list[tuple[str | None, list[str]]]) -> list[tuple[str, str | None]]:
    """(doc_id, story) of the documents a run's checks look at again (sql/check_scope_documents.sql):
    the `stored` documents and the stories, or storyless tags, in `keys`."""
    con.register("scope_stored", _doc_ids(stored))
    con.register("scope_keys", pl.DataFrame({"story": [k[0] for k in keys], "tags": [k[1] for k in keys]},
                                            schema={"story": pl.Utf8, "tags": pl.List(pl.Utf8)}).to_arrow())
    try:
        return [(doc_id, story) for doc_id, story in con.execute(sql("check_scope_documents")).fetchall()]
    finally:
        con.unregister("scope_stored")
        con.unregister("scope_keys")


def every_document(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str | None]]:
    """(doc_id, story) of every stored document."""
    return [(doc_id, story) for doc_id, story in con.execute("select doc_id, story from documents").fetchall()]


@contextmanager
def check_scope(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> Iterator[None]:
    """Within the block, this connection's `documents`, `claims` and `claim_sources` hold only these
    documents' rows (sql/create_check_scope.sql), so every view computes over them alone."""
    con.execute("create or replace temp table check_scope_docs (doc_id varchar)")
    con.register("scope_ids", _doc_ids(doc_ids))
    con.execute("insert into temp.check_scope_docs select doc_id from scope_ids")
    con.unregister("scope_ids")
    catalog = con.execute("select current_database()").fetchone()[0]  # type: ignore[index]
    con.execute(sql("create_check_scope").format(catalog='"' + catalog.replace('"', '""') + '"'))
    try:
        yield
    finally:
        for name in ("claim_sources", "claims", "documents"):
            con.execute(f"drop view if exists temp.{name}")
        con.execute("drop table if exists temp.check_scope_docs")


def read(con: duckdb.DuckDBPyConnection, relation: str) -> pd.DataFrame:
    """A whole table or view as a pandas frame (what Great Expectations validates)."""
    if not relation.isidentifier():
        raise ValueError(f"not a table or view name: {relation!r}")
    return con.execute(f"select * from {relation}").df()


def query(con: duckdb.DuckDBPyConnection, statement: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    """Rows of a query as dicts."""
    cursor = con.execute(statement, params or [])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def store_flags(con: duckdb.DuckDBPyConnection, flags: pl.DataFrame, run_id: str,
                scope: list[str] | None = None) -> None:
    """Make claim_flags the current flags: keep the ones still raised, add new, drop resolved.

    `flags` are the current flags of the claims of the `scope` documents (of every document when it is
    None): flags of other claims stay as they are, but for those of claims no longer stored."""
    con.register("current_flags", flags.with_columns(pl.lit(run_id).alias("run_id")).to_arrow())
    if scope is None:
        con.execute("delete from claim_flags where flag_id not in (select flag_id from current_flags)")
    else:
        con.register("scope_ids", _doc_ids(scope))
        con.execute(sql("delete_scope_flags"))
        con.unregister("scope_ids")
    # A flag still raised keeps the run that first raised it, but takes today's severity and evidence.
    # Only rows that differ are updated: an update rewrites its rows' storage, and most flags of the
    # stories a run checks again are raised again unchanged.
    con.execute("update claim_flags as f set severity = c.severity, detail = c.detail, finding_id = c.finding_id "
                "from current_flags as c where f.flag_id = c.flag_id "
                "and (f.severity, f.detail, f.finding_id) is distinct from (c.severity, c.detail, c.finding_id)")
    con.execute("insert into claim_flags by name select * from current_flags "
                "where flag_id not in (select flag_id from claim_flags)")
    con.unregister("current_flags")


def finding_of(con: duckdb.DuckDBPyConnection, ident: str) -> dict[str, Any] | None:
    """The current finding with this id, or the one this flag id belongs to (v_findings)."""
    rows = query(con, "select * from v_findings where finding_id = ? or list_contains(flag_ids, ?)", [ident, ident])
    return rows[0] if rows else None


def store_review(con: duckdb.DuckDBPyConnection, finding: dict[str, Any], verdict: str, note: str | None,
                 reviewer: str) -> str:
    """Record an analyst's verdict on a finding, covering the flags it holds now; returns the review id."""
    reviewed_at = datetime.now()
    review_id = hashlib.sha256(f"{finding['finding_id']}|{verdict}|{reviewed_at.isoformat()}".encode()).hexdigest()[:16]
    con.execute("insert into reviews values (?, ?, ?, ?, ?, ?, ?)",
                [review_id, finding["finding_id"], verdict, note, reviewer, reviewed_at, list(finding["flag_ids"])])
    con.execute("checkpoint")  # a review writes the live file: leave it whole, with no log for readers to replay
    return review_id


def store_validation(con: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> None:
    """Append this run's expectation results."""
    if rows:
        con.register("incoming_results", pl.DataFrame(rows).to_arrow())
        con.execute("insert into validation_results by name select * from incoming_results")
        con.unregister("incoming_results")


def record_run(con: duckdb.DuckDBPyConnection, row: dict[str, Any]) -> None:
    """Insert or update this run's row in `runs`."""
    con.execute("delete from runs where run_id = ?", [row["run_id"]])
    names = ", ".join(row)
    con.execute(f"insert into runs ({names}) values ({', '.join('?' for _ in row)})", list(row.values()))
