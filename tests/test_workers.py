"""Extraction in worker processes gives the same frames as in one process, stops when asked, and goes
on in the parent when a worker dies."""

from __future__ import annotations

import multiprocessing
import os
import signal
from pathlib import Path

import pytest
from polars.testing import assert_frame_equal

from claimledger import steps, workers
from tests.helpers import long_corpus


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> list:
    found, errors = steps.read_articles([long_corpus(tmp_path_factory.mktemp("corpus"), count=120)])
    assert not errors and len(found) == 120
    return found


def _same_frames(left: dict, right: dict) -> None:
    assert left.keys() == right.keys()
    for name in left:
        assert_frame_equal(left[name], right[name])


def test_worker_processes_give_the_frames_of_one_process(articles: list) -> None:
    alone = steps.extract(articles)
    with workers.extraction_workers(2, n_articles=10**6):
        assert workers.active()
        pooled = steps.extract(articles)
    assert not workers.active()
    assert alone["claims"].height > 1000
    _same_frames(alone, pooled)


def test_small_batches_and_one_worker_extract_in_this_process() -> None:
    with workers.extraction_workers(2, n_articles=workers.MIN_ARTICLES_FOR_WORKERS - 1):
        assert not workers.active()
    with workers.extraction_workers(1, n_articles=10**6):
        assert not workers.active()


def test_a_stop_cancels_the_chunks_not_yet_started(articles: list) -> None:
    asked = []

    def stop_on_second_look() -> None:
        asked.append(True)
        if len(asked) > 1:
            raise steps.RunStopped("the run was asked to stop")

    with workers.extraction_workers(2, n_articles=10**6), pytest.raises(steps.RunStopped):
        workers.extract_in_workers(articles, stop_on_second_look)
    assert len(asked) == 2


def test_a_dead_worker_leaves_the_work_to_this_process(articles: list) -> None:
    alone = steps.extract(articles[:60])
    with workers.extraction_workers(2, n_articles=10**6):
        steps.extract(articles[:1])  # the pool has started its workers
        for child in multiprocessing.active_children():
            os.kill(child.pid, signal.SIGKILL)
        _same_frames(alone, steps.extract(articles[:60]))


def test_workers_default_to_the_environment_then_the_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(workers.WORKERS_ENV, "3")
    assert workers.default_workers() == 3
    monkeypatch.setenv(workers.WORKERS_ENV, "none")
    assert workers.default_workers() == len(os.sched_getaffinity(0))


def test_the_run_command_refuses_zero_workers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from claimledger import cli

    assert cli.main(["run", "--workers", "0", "--db", str(tmp_path / "w.duckdb")]) == cli.USAGE
    assert "--workers must be 1 or more" in capsys.readouterr().err
