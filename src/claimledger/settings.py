"""Where things live and the offline-safe environment the project sets before Prefect or GX start."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SEEDS = Path("seeds")
DEFAULT_DB = Path("warehouse/claims.duckdb")

OFFLINE_ENV = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "GX_ANALYTICS_ENABLED": "false",
    "PREFECT_HOME": str(PROJECT_ROOT / ".prefect"),
    # The temporary local server needs more than the default 20 s on a loaded two-core machine.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "PREFECT_LOGGING_LEVEL": "WARNING",
}


def apply_offline_defaults() -> None:
    """Set the offline-safe defaults unless the user set them already."""
    for key, value in OFFLINE_ENV.items():
        os.environ.setdefault(key, value)


def docs_root(db_path: Path) -> Path:
    """Folder holding Great Expectations' generated project gx/ (and its Data Docs) beside the warehouse."""
    return db_path.resolve().parent
