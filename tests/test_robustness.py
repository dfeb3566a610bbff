"""Readers never block, a killed run never corrupts, two runs never collide: the real CLI in subprocesses."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from claimledger.storage import generations, warehouse
from tests.helpers import long_corpus

pytestmark = pytest.mark.flow
ROOT = Path(__file__).resolve().parents[1]


def cli(*args: str, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "claimledger.cli", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    environment = dict(os.environ, PREFECT_HOME=str(tmp_path / "prefect"))
    environment.pop("PREFECT_API_URL", None)
    return environment


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(ROOT / "seeds", folder)
    return folder


def counts(db: Path) -> tuple[int, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("select (select count(*) from documents), (select count(*) from claims)").fetchone()


def test_reader_open_during_run_and_kills_at_every_stage(tmp_path: Path, env, corpus: Path) -> None:
    db = tmp_path / "wh" / "claims.duckdb"
    first = cli("run", "--seeds", str(corpus), "--db", str(db), "--no-docs", env=env)
    assert first.wait(timeout=300) == 0, first.stderr.read()
    before = counts(db)

    # An analyst keeps a read-only connection open while the next run writes.
    reader = duckdb.connect(str(db), read_only=True)
    (corpus / "extra.md").write_text("---\nstory: nk-troops-russia\npublished_at: 2025-02-01\n---\n# Extra\n\n"
                                     "The NIS said 40 soldiers were captured.", encoding="utf-8")
    second = cli("run", "--seeds", str(corpus), "--db", str(db), "--no-docs", env=env)
    while second.poll() is None:
        assert reader.execute("select count(*) from claims").fetchone()[0] == before[1]
        time.sleep(0.5)
    assert second.returncode == 0, second.stderr.read()
    assert reader.execute("select count(*) from documents").fetchone()[0] == before[0]  # its snapshot
    reader.close()
    after = counts(db)
    assert after[0] == before[0] + 1

    # SIGKILL at several points of a run: the last completed warehouse stays intact and readable.
    (corpus / "extra.md").write_text("# Extra\n\nThe NIS said 41 soldiers were captured.", encoding="utf-8")
    for delay in (0.5, 3.0, 6.0, 9.0):
        run = cli("run", "--seeds", str(corpus), "--db", str(db), "--no-docs", env=env)
        time.sleep(delay)
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
        run.wait(timeout=60)
        current = counts(db)
        assert current[0] == after[0]  # still readable, one completed version or the other
    final = cli("run", "--seeds", str(corpus), "--db", str(db), "--no-docs", env=env)
    assert final.wait(timeout=300) == 0, final.stderr.read()
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from claims where quantity_text = '41 soldiers'").fetchone()[0] == 1
    assert len(generations.generation_files(db)) <= 2


def test_a_second_run_waits_or_gives_up_clearly(tmp_path: Path, env, corpus: Path) -> None:
    db = tmp_path / "claims.duckdb"
    with warehouse.run_lock(db, wait_seconds=0):  # a run in progress holds the lock
        gives_up = cli("run", "--seeds", str(corpus), "--db", str(db), "--no-docs", "--wait", "0", env=env)
        assert gives_up.wait(timeout=300) == 3
        assert "another claimledger run is writing this warehouse" in gives_up.stderr.read()
        waits = cli("run", "--seeds", str(corpus), "--db", str(db), "--no-docs", "--wait", "600", env=env)
        time.sleep(3)
        assert waits.poll() is None  # still waiting for the lock
    assert waits.wait(timeout=300) == 0, waits.stderr.read()
    assert counts(db)[0] > 0 and not db.with_name("claims.duckdb.wal").exists()


def test_sigterm_during_extraction_stops_the_run_within_seconds(tmp_path: Path, env) -> None:
    articles = long_corpus(tmp_path)  # extraction is still running when the stop comes
    db = tmp_path / "claims.duckdb"
    run = cli("run", "--seeds", str(articles), "--db", str(db), "--no-docs", env=env)
    deadline = time.monotonic() + 180
    while not generations.generation_files(db) and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(2)  # extraction has begun
    assert run.poll() is None, "the run ended before it could be stopped"
    sent = time.monotonic()
    os.kill(run.pid, signal.SIGTERM)  # the process alone, as timeout(1) and systemd send it
    assert run.wait(timeout=60) == 128 + signal.SIGTERM
    assert time.monotonic() - sent < 15
    assert "stopped by SIGTERM" in run.stderr.read()
    assert not db.exists() and not generations.generation_files(db)


def _servers(home: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if b"prefect.server.api.server:create_app" in (entry / "cmdline").read_bytes() \
                        and f"PREFECT_HOME={home}".encode() in (entry / "environ").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_the_next_run_stops_the_server_a_killed_run_left_behind(tmp_path: Path, env, corpus: Path) -> None:
    db = tmp_path / "claims.duckdb"
    run = cli("run", "--seeds", str(corpus), "--db", str(db), "--no-docs", env=env)
    deadline = time.monotonic() + 180
    while not generations.generation_files(db) and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    os.kill(run.pid, signal.SIGKILL)  # the process alone: its temporary server is orphaned
    run.wait(timeout=60)
    time.sleep(1)
    assert _servers(env["PREFECT_HOME"]), "the killed run left no server to reap"
    again = cli("run", "--seeds", str(corpus), "--db", str(db), "--no-docs", env=env)
    assert again.wait(timeout=300) == 0, again.stderr.read()
    time.sleep(2)
    assert _servers(env["PREFECT_HOME"]) == []
