"""Where things live and the offline-safe environment the project sets before Prefect or GX start."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
# Run from a source checkout (not an installed package): Prefect's home stays inside the checkout.
IN_CHECKOUT = (PROJECT_ROOT / "pyproject.toml").is_file() and (PROJECT_ROOT / "src" / "claimledger").is_dir()
DEFAULT_SEEDS = Path("seeds")
DB_ENV = "CLAIMLEDGER_DB"
# The warehouse a run writes unless --db says otherwise: $CLAIMLEDGER_DB, else warehouse/claims.duckdb under
# the folder claimledger runs from. Great Expectations' project (gx/) and the report live beside it.
DEFAULT_DB = Path(os.environ.get(DB_ENV) or "warehouse/claims.duckdb")

OFFLINE_ENV = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "GX_ANALYTICS_ENABLED": "false",
    # an installed package keeps Prefect's own default (~/.prefect)
    **({"PREFECT_HOME": str(PROJECT_ROOT / ".prefect")} if IN_CHECKOUT else {}),
    # The temporary local server needs more than the default 20 s on a loaded two-core machine.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    # Task logs reach the Prefect UI at INFO; the console shows warnings only.
    "PREFECT_LOGGING_LEVEL": "INFO",
    "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL": "WARNING",
}


MAX_ARTICLE_CHARS_ENV = "CLAIMLEDGER_MAX_ARTICLE_CHARS"
# An article body longer than this is recorded in ingest_errors instead of extracted: 2 million
# characters is hundreds of times a long news story, and a pasted dump of that size is not an article.
DEFAULT_MAX_ARTICLE_CHARS = 2_000_000


def max_article_chars() -> int:
    """The body size limit, from the environment when set."""
    value = os.environ.get(MAX_ARTICLE_CHARS_ENV, "")
    return int(value) if value.strip().isdigit() else DEFAULT_MAX_ARTICLE_CHARS


DUCKDB_MEMORY_ENV = "CLAIMLEDGER_DUCKDB_MEMORY_LIMIT"
# DuckDB's own default is 80 % of the machine's memory; the warehouse's queries spill to disk past this
# instead (its temporary folder beside the warehouse). At 100,000 articles the report's queries reached
# 1.8 GB without a limit and 1.4 GB under 1 GB; below about 600 MB some of them cannot run.
DEFAULT_DUCKDB_MEMORY = "1GB"


def duckdb_memory_limit() -> str:
    """DuckDB's memory limit for the warehouse's connections, from the environment when set."""
    return os.environ.get(DUCKDB_MEMORY_ENV, "").strip() or DEFAULT_DUCKDB_MEMORY


def apply_offline_defaults() -> None:
    """Set the offline-safe defaults unless the user set them already."""
    for key, value in OFFLINE_ENV.items():
        os.environ.setdefault(key, value)


def report_path(db_path: Path) -> Path:
    """The HTML report of one warehouse, beside it and named after it (warehouse/claims.duckdb has
    warehouse/claims.report.html), so two warehouses in one folder keep two reports."""
    return db_path.with_name(f"{db_path.stem}.report.html")


def docs_root(db_path: Path) -> Path:
    """Folder holding Great Expectations' generated project gx/ (and its Data Docs) beside the warehouse."""
    return db_path.resolve().parent
