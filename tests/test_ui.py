"""The Prefect UI shows the run and its flags artifact: a real server, a real run, headless Chromium.

The test installs Debian's chromium when it is missing (CI runs as root on a fresh machine)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from claimledger.storage import generations
from tests.helpers import long_corpus

pytestmark = pytest.mark.flow
ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--window-size=1400,1000", "--virtual-time-budget=30000"]


def _chromium() -> str:
    found = shutil.which("chromium")
    for _attempt in range(2):  # a fresh CI machine has no chromium; a mirror may answer slowly once
        if found is not None or os.geteuid() != 0 or not shutil.which("apt-get"):
            break
        subprocess.run(["apt-get", "update", "-qq"], check=False, capture_output=True, timeout=600)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=False, capture_output=True,
                       timeout=900, env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
        found = shutil.which("chromium")
    if found is None:
        pytest.fail("chromium is not installed and could not be installed with apt-get")
    return found


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _page(chromium: str, url: str, profile: Path, *extra: str) -> str:
    result = subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *extra, url],
                            capture_output=True, text=True, timeout=180)
    return result.stdout


def test_run_and_flags_artifact_show_in_the_ui(tmp_path: Path) -> None:
    chromium = _chromium()
    server, api, env = _start_server(tmp_path)
    port = api.split(":")[2].split("/")[0]
    try:
        run = subprocess.run([sys.executable, "-m", "claimledger.cli", "run", "--seeds", str(ROOT / "seeds"),
                              "--db", str(tmp_path / "claims.duckdb"), "--no-docs"],
                             env=dict(env, PREFECT_API_URL=api), cwd=ROOT, capture_output=True, text=True,
                             timeout=600)
        assert run.returncode == 0, run.stderr

        runs_page = _page(chromium, f"http://127.0.0.1:{port}/runs", tmp_path / "profile1", "--dump-dom")
        assert "claims-pipeline" in runs_page
        request = urllib.request.Request(f"{api}/artifacts/filter", method="POST",
                                         data=json.dumps({"artifacts": {"key": {"any_": ["claims-flags"]}}}).encode(),
                                         headers={"content-type": "application/json"})
        (artifact,) = json.load(urllib.request.urlopen(request, timeout=10))
        artifact_url = f"http://127.0.0.1:{port}/artifacts/artifact/{artifact['id']}"
        artifact_page = _page(chromium, artifact_url, tmp_path / "profile2", "--dump-dom")
        assert "contradiction" in artifact_page and "roughly 1,100" in artifact_page
        _page(chromium, artifact_url, tmp_path / "profile3", f"--screenshot={tmp_path / 'flags-artifact.png'}")
        assert (tmp_path / "flags-artifact.png").stat().st_size > 10_000
    finally:
        os.killpg(server.pid, 9)
        server.wait(timeout=30)


def _start_server(tmp_path: Path) -> tuple[subprocess.Popen, str, dict[str, str]]:
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = dict(os.environ, PREFECT_HOME=str(tmp_path / "prefect"), PREFECT_UI_API_URL=api,
               PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1")
    server = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                               "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    deadline = time.monotonic() + 180
    while True:
        try:
            urllib.request.urlopen(f"{api}/health", timeout=2)
            return server, api, env
        except OSError:
            assert time.monotonic() < deadline, "Prefect server did not start"
            time.sleep(1)


def _deployments(api: str) -> list[dict]:
    request = urllib.request.Request(f"{api}/deployments/filter", method="POST", data=b"{}",
                                     headers={"content-type": "application/json"})
    return json.load(urllib.request.urlopen(request, timeout=10))


def test_serve_keeps_its_schedule_across_restarts(tmp_path: Path) -> None:
    server, api, env = _start_server(tmp_path)
    try:
        for _ in range(2):  # start serve, stop it, start it again
            serving = subprocess.Popen([sys.executable, "-m", "claimledger.cli", "serve", "--cron", "0 * * * *",
                                        "--seeds", str(ROOT / "seeds"), "--db", str(tmp_path / "claims.duckdb")],
                                       env=dict(env, PREFECT_API_URL=api), cwd=ROOT, start_new_session=True,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 120
            while not _deployments(api) and time.monotonic() < deadline:
                time.sleep(1)
            os.killpg(serving.pid, 15)
            serving.wait(timeout=60)
        (deployment,) = _deployments(api)
        assert deployment["name"] == "claims-pipeline-hourly"
        assert [s["schedule"]["cron"] for s in deployment["schedules"]] == ["0 * * * *"]
        assert deployment["parameters"]["seeds"] == [str(ROOT / "seeds")]
    finally:
        os.killpg(server.pid, 9)
        server.wait(timeout=30)


def _post(api: str, path: str, body: dict) -> object:
    request = urllib.request.Request(f"{api}{path}", method="POST", data=json.dumps(body).encode(),
                                     headers={"content-type": "application/json"})
    return json.load(urllib.request.urlopen(request, timeout=10))


def test_cancel_in_the_ui_stops_a_command_line_run_within_seconds(tmp_path: Path) -> None:
    articles = long_corpus(tmp_path)  # extraction is still running when the stop comes
    db = tmp_path / "claims.duckdb"
    server, api, env = _start_server(tmp_path)
    try:
        run = subprocess.Popen([sys.executable, "-m", "claimledger.cli", "run", "--seeds", str(articles),
                                "--db", str(db), "--no-docs"], env=dict(env, PREFECT_API_URL=api), cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
        deadline = time.monotonic() + 180
        running: list = []
        while not running and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.5)
            running = _post(api, "/flow_runs/filter", {"flow_runs": {"state": {"type": {"any_": ["RUNNING"]}}}})
        time.sleep(2)  # extraction has begun
        assert run.poll() is None and running, "the run ended before it could be cancelled"
        # what the UI's Cancel button sends
        _post(api, f"/flow_runs/{running[0]['id']}/set_state", {"state": {"type": "CANCELLING"}, "force": True})
        sent = time.monotonic()
        assert run.wait(timeout=60) == 5
        assert time.monotonic() - sent < 15
        assert "cancelled from the Prefect UI" in run.stderr.read()
        assert not db.exists() and not generations.generation_files(db)
    finally:
        os.killpg(server.pid, 9)
        server.wait(timeout=30)
