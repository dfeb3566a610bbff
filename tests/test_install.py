"""The package installs like any other (`pip install .`, not editable) and runs from another folder: the
SQL, the suites and the vocabularies ship inside it, and no top-level `flows` package is installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.flow
ROOT = Path(__file__).resolve().parents[1]


def test_an_installed_package_runs_from_another_folder(tmp_path: Path) -> None:
    target = tmp_path / "site"
    # --no-deps: the dependencies are this interpreter's; the build itself fetches setuptools from PyPI
    built = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--target", str(target), str(ROOT)],
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr
    assert "Warning" not in built.stderr, built.stderr  # every shipped folder is declared
    installed = target / "claimledger"
    assert (installed / "storage" / "sql" / "schema.sql").is_file()
    assert list((installed / "storage" / "sql" / "views").glob("v_*.sql"))
    assert len(list((installed / "checks" / "suites").glob("*.json"))) >= 10
    assert list((installed / "data").glob("*.yaml"))
    assert not (target / "flows").exists()  # the flow is claimledger.flow, not a top-level package

    elsewhere = tmp_path / "desk"
    shutil.copytree(ROOT / "seeds", elsewhere / "articles")
    env = dict(os.environ, PYTHONPATH=str(target), PREFECT_HOME=str(tmp_path / "prefect"))
    env.pop("PREFECT_API_URL", None)
    env.pop("CLAIMLEDGER_DB", None)
    where = subprocess.run([sys.executable, "-c", "import claimledger.flow as f; print(f.__file__)"], env=env,
                           cwd=elsewhere, capture_output=True, text=True, check=True)
    assert where.stdout.strip().startswith(str(target))  # the installed copy, not the checkout
    run = subprocess.run([str(target / "bin" / "claimledger"), "run", "--seeds", "articles", "--no-docs"], env=env,
                         cwd=elsewhere, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    db = elsewhere / "warehouse" / "claims.duckdb"  # the default warehouse, under the folder it ran from
    assert f"warehouse: {db}" in run.stdout
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from claims").fetchone()[0] > 0
        assert con.execute("select count(*) from v_contradictions").fetchone()[0] >= 0  # the views were built

    moved = subprocess.run([str(target / "bin" / "claimledger"), "report"], cwd=elsewhere, capture_output=True,
                           text=True, timeout=300, env=dict(env, CLAIMLEDGER_DB=str(db)))
    assert moved.returncode == 0, moved.stderr  # CLAIMLEDGER_DB names the warehouse when --db is not given
