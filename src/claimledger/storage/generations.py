"""The warehouse's files on disk: the path analysts open is a symbolic link to one of a few generation files.

`claims.duckdb` -> `claims.duckdb.a` (say). A run writes another generation file, `claims.duckdb.b`, which
holds the warehouse as it was one run ago (the live file before the last run swapped it out), brings it up
to the live one (a diff, so it writes what the last run changed, not the whole warehouse), adds its own
work, and then points the link at it with one atomic rename. Readers keep whatever file they opened;
a killed run leaves the link where it was. A third name exists for when a reader still holds the other
file: that run copies the live file once, as every run did before generations.

This module knows names and links only; what is inside a file is the warehouse module's business.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

NAMES = ("a", "b", "c")


def warehouse_path(db_path: Path) -> Path:
    """The path whose link this module manages: `db_path` itself, or, when `db_path` is the user's own link
    to a file elsewhere (a warehouse kept on another disk), that file's path, so that the generation files
    sit beside it and the user's link keeps working."""
    seen = set()
    while db_path.is_symlink() and os.readlink(db_path) not in {_named(db_path, n).name for n in NAMES}:
        if db_path in seen:
            break  # a loop of links: left for the open to report
        seen.add(db_path)
        db_path = db_path.parent / os.readlink(db_path)  # one link at a time: ours may come next
    return db_path


def generation_files(db_path: Path) -> list[Path]:
    """The generation files of this warehouse that exist now."""
    return [path for path in (_named(db_path, n) for n in NAMES) if path.exists()]


def live_file(db_path: Path) -> Path | None:
    """The generation file the warehouse path points at, or None (no warehouse, or a plain file)."""
    if not db_path.is_symlink():
        return None
    return db_path.with_name(os.readlink(db_path))


def adopt(db_path: Path) -> Path:
    """Turn a warehouse that is one plain file (made before generations) into a link to generation `a`,
    without a moment when the path is missing."""
    first = _named(db_path, NAMES[0])
    first.unlink(missing_ok=True)
    os.link(db_path, first)
    if wal_of(db_path).exists():  # DuckDB keeps the WAL beside the real file's name
        os.replace(wal_of(db_path), wal_of(first))
    _point(db_path, first)
    return first


def writable_candidates(db_path: Path, live: Path | None) -> list[Path]:
    """Generation files a run may write, best first: existing ones other than the live file (most
    recently written first: the one the last run swapped out), then names not in use."""
    others = [path for path in generation_files(db_path) if path != live]
    others.sort(key=lambda path: path.stat().st_mtime, reverse=True)
    unused = [path for path in (_named(db_path, n) for n in NAMES) if not path.exists()]
    return others + unused


def copy_live(live: Path, target: Path) -> None:
    """Make `target` a copy of the live file (and of its write-ahead log, left by a killed writer)."""
    remove(target)
    shutil.copyfile(live, target)
    if wal_of(live).exists():
        shutil.copyfile(wal_of(live), wal_of(target))


def publish(db_path: Path, target: Path) -> None:
    """Point the warehouse path at `target` (durably written first), then drop generation files that are
    neither the new live file nor the one it replaced (the next run's starting point)."""
    previous = live_file(db_path)
    with open(target, "rb") as handle:
        os.fsync(handle.fileno())
    _point(db_path, target)
    for path in generation_files(db_path):
        if path not in (target, previous):
            remove(path)  # a reader that still has it open keeps reading it


def remove(path: Path) -> None:
    """Delete a generation file and its write-ahead log."""
    path.unlink(missing_ok=True)
    wal_of(path).unlink(missing_ok=True)


def wal_of(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


def _named(db_path: Path, name: str) -> Path:
    return db_path.with_name(f"{db_path.name}.{name}")


def _point(db_path: Path, target: Path) -> None:
    """Atomically make `db_path` a relative link to `target`, a file in the same folder."""
    link = db_path.with_name(f"{db_path.name}.link-{os.getpid()}")
    link.unlink(missing_ok=True)
    os.symlink(target.name, link)
    os.replace(link, db_path)
    directory = os.open(db_path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
