"""Extraction in worker processes: extraction is pure Python, and the GIL keeps threads on one core.

A run opens one pool (`extraction_workers`) for its extraction step; `extract_in_workers` splits a
partition into small chunks so that a stop waits for at most one chunk per worker, and the chunks'
frames come back (Arrow-pickled polars frames, not Python objects) in input order. Workers are
spawned, not forked: the parent runs Prefect's threads, and a fork copies their locks mid-use.
"""

from __future__ import annotations

import concurrent.futures as cf
import logging
import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Iterator
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager

import polars as pl

from claimledger.extraction.extract import extract_article
from claimledger.extraction.frames import concat_frames, to_frames
from claimledger.model import Article

WORKERS_ENV = "CLAIMLEDGER_WORKERS"
# Articles per chunk sent to a worker: large enough that pickling and the round trip cost little
# (~0.1 s of work), small enough that a stop or a cancel is felt within a fraction of a second.
CHUNK_ARTICLES = 50
# Below this many articles a run extracts in its own process: starting a worker (imports, vocabularies)
# costs about a second, more than a small batch takes.
MIN_ARTICLES_FOR_WORKERS = 200

log = logging.getLogger(__name__)
_pool: cf.ProcessPoolExecutor | None = None
_warned: list[bool] = []  # the broken-pool warning is given once per pool


def default_workers() -> int:
    """Worker processes for extraction: $CLAIMLEDGER_WORKERS, else the cores this process may use."""
    value = os.environ.get(WORKERS_ENV, "").strip()
    if value.isdigit() and int(value) > 0:
        return int(value)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group: the parent stops the run and shuts the pool down; a
    # worker printing its own KeyboardInterrupt traceback would only add noise.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _extract_chunk(articles: list[Article]) -> dict[str, pl.DataFrame]:
    return to_frames([extract_article(a) for a in articles])


@contextmanager
def extraction_workers(n_workers: int, n_articles: int) -> Iterator[None]:
    """Within the block, `extract_in_workers` uses `n_workers` processes (when there are 2 or more and
    the batch is big enough to pay for starting them); the pool is shut down on leaving, cancelled
    chunks included."""
    global _pool
    _warned.clear()
    if n_workers < 2 or n_articles < MIN_ARTICLES_FOR_WORKERS:
        yield
        return
    _pool = cf.ProcessPoolExecutor(max_workers=n_workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_ignore_interrupts)
    try:
        yield
    finally:
        pool, _pool = _pool, None
        processes = list((pool._processes or {}).values())  # noqa: SLF001 - no public handle on them
        pool.shutdown(wait=False, cancel_futures=True)
        _end_workers(processes)


# Seconds a worker has, once the pool is shut down, to finish its chunk and leave before it is ended.
_WORKER_EXIT_SECONDS = 5.0


def _end_workers(processes: list) -> None:
    """Wait a little for the workers to leave, then end those still there. A worker killed while it held
    the pool's queue lock (out of memory, SIGKILL) leaves the others blocked on that lock for ever, and
    the interpreter, which joins the pool at exit, with them."""
    deadline = time.monotonic() + _WORKER_EXIT_SECONDS
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
    for process in processes:
        if process.is_alive():
            process.terminate()
            process.join(1.0)


def active() -> bool:
    """Whether this process has a pool open (a Dask worker process never has one: it extracts itself)."""
    return _pool is not None


def extract_in_workers(articles: list[Article], raise_if_stopped: Callable[[], None]) -> dict[str, pl.DataFrame]:
    """The frames of `articles`, extracted in the open pool; `raise_if_stopped` is asked between chunks
    and while waiting, and a stop cancels the chunks not yet started."""
    assert _pool is not None, "extract_in_workers needs an open extraction_workers() block"
    chunks = [articles[i:i + CHUNK_ARTICLES] for i in range(0, len(articles), CHUNK_ARTICLES)]
    futures = [_submit(_pool, chunk) for chunk in chunks]
    parts = []
    try:
        for chunk, future in zip(chunks, futures, strict=True):
            parts.append(_wait(future, chunk, raise_if_stopped))
    except BaseException:
        for future in futures:
            if future is not None:
                future.cancel()
        raise
    return concat_frames(parts)


def _submit(pool: cf.ProcessPoolExecutor, chunk: list[Article]) -> cf.Future | None:
    """The chunk handed to a worker; None when the pool cannot take it. A pool broken by a dead worker
    raises BrokenProcessPool, or, while it tears itself down and starts a replacement, whatever the
    half-closed pipes give (OSError, ValueError, RuntimeError): the chunk is then extracted here."""
    try:
        return pool.submit(_extract_chunk, chunk)
    except Exception:  # noqa: BLE001 - any failure to hand over the chunk leaves the work to this process
        return None


def _wait(future: cf.Future | None, chunk: list[Article],
          raise_if_stopped: Callable[[], None]) -> dict[str, pl.DataFrame]:
    while future is not None:
        raise_if_stopped()
        try:
            return future.result(timeout=0.25)
        except cf.TimeoutError:
            continue
        except BrokenProcessPool:
            break
    # A worker died (killed for memory, or it could not start: a script that calls the pipeline without
    # an `if __name__ == "__main__":` guard). The run goes on here, on one core.
    raise_if_stopped()
    if not _warned:
        log.warning("extraction worker processes stopped; extracting in this process")
        _warned.append(True)
    return _extract_chunk(chunk)
