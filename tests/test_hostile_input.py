"""Hostile input and faults through the `claimledger` command: exit codes, one-line messages, good
articles kept, nothing left behind (issue 9)."""

from __future__ import annotations

import errno
from pathlib import Path

import duckdb
import pytest
from prefect.testing.utilities import prefect_test_harness

from claimledger import cli
from claimledger.storage import generations, warehouse

pytestmark = pytest.mark.flow

GOOD = "---\nstory: s\npublished_at: 2025-01-13\n---\n# Flood\n\n12 people were missing after the flood.\n"


@pytest.fixture(scope="module")
def harness():
    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "good.md").write_text(GOOD, encoding="utf-8")
    return folder


def _run(seeds: Path, db: Path, *extra: str) -> int:
    return cli.main(["run", "--seeds", str(seeds), "--db", str(db), "--no-docs", *extra])


def test_a_corrupt_warehouse_is_named_in_one_line(harness, seeds: Path, tmp_path: Path, capsys) -> None:
    db = tmp_path / "claims.duckdb"
    db.write_bytes(b"this is not a database" * 100)
    assert _run(seeds, db) == cli.FAILED
    err = capsys.readouterr().err
    assert f"{db} is not a claimledger warehouse" in err and "staging" not in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not generations.generation_files(db) and not db.is_symlink()  # the user's file is left as it was


def test_a_folder_that_cannot_be_written_is_named(harness, seeds: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    db = tmp_path / "ro" / "claims.duckdb"

    def refuse(db_path: Path, run_id: str) -> Path:
        raise PermissionError(errno.EACCES, "Permission denied", str(db_path.parent))

    monkeypatch.setattr(warehouse, "stage", refuse)  # root ignores file modes, so the refusal is simulated
    assert _run(seeds, db) == cli.FAILED
    err = capsys.readouterr().err
    assert f"cannot write to {db.parent}" in err and "--db" in err and "Traceback" not in err


def test_a_full_disk_is_named_and_the_last_warehouse_kept(harness, seeds: Path, tmp_path: Path, capsys,
                                                            monkeypatch) -> None:
    db = tmp_path / "claims.duckdb"
    assert _run(seeds, db) == cli.OK
    before = duckdb.connect(str(db), read_only=True).execute("select count(*) from documents").fetchone()
    (seeds / "more.md").write_text(GOOD.replace("12 people", "14 people"), encoding="utf-8")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(warehouse, "store_documents", full)  # a disk cannot be filled safely here, so it is simulated
    assert _run(seeds, db) == cli.FAILED
    err = capsys.readouterr().err
    assert f"no space left on the device holding {db.parent}: free some space" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from documents").fetchone() == before
    assert len(generations.generation_files(db)) <= 2


def test_flags_and_failures_have_different_exit_codes(harness, seeds: Path, tmp_path: Path, capsys) -> None:
    db = tmp_path / "claims.duckdb"
    assert _run(seeds, db, "--fail-on", "warning") == cli.FLAGGED  # "12 people" has no source: a warning
    out = capsys.readouterr().out
    assert f"warehouse: {db.absolute()}" in out and f"report: {db.absolute().with_name('claims.report.html')}" in out
    db.write_bytes(b"\x00" * 4096)
    assert _run(seeds, db, "--fail-on", "warning") == cli.FAILED


def test_bad_lines_are_ingest_errors_and_the_good_articles_are_stored(harness, seeds: Path, tmp_path: Path,
                                                                       monkeypatch) -> None:
    from claimledger import settings

    monkeypatch.setenv(settings.MAX_ARTICLE_CHARS_ENV, "100000")
    (seeds / "mixed.jsonl").write_text(
        '{"id": "surrogate", "body": "Broken \\ud800 text with 3 dead."}\n'
        '{"id": "huge", "body": "' + "Nine people died. " * 6000 + '"}\n'
        '{"id": "dense", "body": "Counts: ' + ", ".join(f"{i} people" for i in range(1, 3001)) + '."}\n'
        '{"id": "ok", "body": "Officials said 7 people were hurt."}\n'
        '{"id": "wide", "body": "Officials said \\uff11\\uff12\\uff0c\\uff10\\uff10\\uff10 people fled."}\n',
        encoding="utf-8")
    db = tmp_path / "claims.duckdb"
    assert _run(seeds, db) == cli.OK
    with duckdb.connect(str(db), read_only=True) as con:
        stored = {r[0] for r in con.execute("select external_id from documents").fetchall()}
        errors = con.execute("select line, reason from ingest_errors order by line").fetchall()
        wide = con.execute("select c.value_low, c.quantity_text = substr(d.body, c.char_start + 1, "
                           "c.char_end - c.char_start) from claims c join documents d using (doc_id) "
                           "where d.external_id = 'wide'").fetchall()
    assert stored == {"good.md", "dense", "ok", "wide"}
    assert wide == [(12000.0, True)]  # full-width digits read as one number; offsets slice the stored body
    assert [e[0] for e in errors] == [1, 2]
    assert "not valid Unicode" in errors[0][1] and "over the limit" in errors[1][1]


def test_two_warehouses_in_one_folder_keep_two_reports(harness, seeds: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    assert _run(seeds, first) == cli.OK and _run(seeds, second) == cli.OK
    assert (tmp_path / "one.report.html").exists() and (tmp_path / "two.report.html").exists()


def test_pathological_articles_are_read_in_one_run_with_the_good_ones(harness, seeds: Path, tmp_path: Path) -> None:
    import json

    rows = {
        "qualifiers": "Officials said " + "more than " * 5000 + "12 people died.",
        "short-lines": "\n".join(f"{i} killed" for i in range(100_000)),
        "long-word": "A" * 1_000_000 + " and 3 people died.",
        "control": "Officials\u0000 said\u0007 12\u001b people\u000c died.\u007f",
        "mixed-endings": "Officials said 12 people died.\r\nRescuers said 3 were missing.\rPolice said 4 were hurt.\n",
    }
    with (seeds / "hostile.jsonl").open("w", encoding="utf-8") as fh:
        for name, body in rows.items():
            fh.write(json.dumps({"id": name, "body": body}) + "\n")
    (seeds / "bom.md").write_bytes("\ufeff# BOM\r\n\r\nOfficials said 9 people died.\r\n".encode())
    db = tmp_path / "claims.duckdb"
    assert _run(seeds, db) == cli.OK
    with duckdb.connect(str(db), read_only=True) as con:
        stored = {r[0] for r in con.execute("select external_id from documents").fetchall()}
        spans_ok = con.execute("select bool_and(c.quantity_text = substr(d.body, c.char_start + 1, "
                               "c.char_end - c.char_start)) from claims c join documents d using (doc_id)").fetchone()
        bom_title = con.execute("select title from documents where external_id = 'bom.md'").fetchone()
    assert stored == {"good.md", "bom.md", *rows}
    assert spans_ok == (True,)
    assert bom_title == ("BOM",)


def test_a_looping_link_and_a_zero_toll_are_reported_and_the_rest_is_stored(harness, seeds: Path, tmp_path: Path,
                                                                            capsys) -> None:
    (seeds / "loop.md").symlink_to(seeds / "loop.md")
    (seeds / "zero.md").write_text("---\nstory: s\npublished_at: 2025-01-14\n---\n# Zero\n\n"
                                   "Zero crew members were killed, the navy said.\n", encoding="utf-8")
    db = tmp_path / "claims.duckdb"
    assert _run(seeds, db) == cli.OK
    out = capsys.readouterr().out
    assert f"could not read {seeds / 'loop.md'}: cannot be read: Too many levels of symbolic links" in out
    assert (tmp_path / "claims.report.html").exists()  # a zero figure draws
    with duckdb.connect(str(db), read_only=True) as con:
        stored = {r[0] for r in con.execute("select external_id from documents").fetchall()}
    assert stored == {"good.md", "zero.md"}


def test_a_busy_warehouse_is_one_line_and_exit_3(harness, seeds: Path, tmp_path: Path, capsys) -> None:
    import fcntl

    db = tmp_path / "claims.duckdb"
    lock = db.with_name(db.name + ".lock")
    with lock.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)  # another run holds the warehouse
        assert _run(seeds, db, "--wait", "1") == cli.BUSY
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1 and str(db) in err
    assert not db.exists() and not generations.generation_files(db)
