"""A run's checks look again only at the stories its new and edited articles belong to, a chunk of
whole stories at a time, and give the flags a check of every story gives."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from claimledger import steps
from claimledger.checks import quality
from claimledger.model import Article
from claimledger.storage import warehouse


def _article(doc_id: str, body: str, *, story: str | None, tags: tuple[str, ...] = (), hour: int = 9) -> Article:
    return Article(doc_id=doc_id, external_id=doc_id, source_path=f"{doc_id}.md", title=f"Title {doc_id}",
                   subtitle="", body=body, story=story, tags=tags, published_at=datetime(2025, 5, 2, hour))


QUARRY = [_article("q1", "The fire service said 12 workers died in the quarry blast.", story="quarry"),
          _article("q2", "The mine owner said 7 workers died in the quarry blast.", story="quarry", hour=10)]
FERRY = [_article("f1", "The coast guard said 30 passengers drowned when the ferry sank.", story="ferry"),
         _article("f2", "The port authority said 18 passengers drowned when the ferry sank.", story="ferry", hour=11)]
STORYLESS = [_article("t1", "Police said 4 people were killed in the tunnel fire.", story=None,
                      tags=("tunnel", "fire")),
             _article("t2", "The rail operator said 9 people were killed in the tunnel fire.", story=None,
                      tags=("fire", "tunnel", "rail"), hour=12)]


def _store(db: Path, articles: list[Article], run_id: str) -> steps.CheckScope:
    return steps.load(db, articles, steps.extract(articles), [], run_id)


def _flags(db: Path) -> set[tuple]:
    con = warehouse.connect(db)
    try:
        return set(con.execute("select flag_id, check_name, severity, detail, finding_id from claim_flags").fetchall())
    finally:
        con.close()


def _checked_again(db: Path) -> set[tuple]:
    """The flags a check of every story gives now, on a copy (the warehouse itself is left as it is)."""
    copy = db.with_name("full-" + db.name)
    with duckdb.connect(str(db)) as con:
        con.execute("checkpoint")  # the changes a run's steps leave in the write-ahead log
    copy.write_bytes(db.read_bytes())
    steps.validate(copy, "full", docs_root=None)
    return _flags(copy)


def test_a_run_checks_the_stories_of_its_articles_and_leaves_the_others(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    steps.validate(db, "r1", docs_root=None, scope=_store(db, [QUARRY[0], *FERRY], "r1"))
    ferry_flags = {f for f in _flags(db) if f[1] == "contradiction"}
    assert ferry_flags, "the ferry's two figures disagree"
    # a stale flag on a ferry claim: a run that only adds a quarry article does not look at the ferry
    con = warehouse.connect(db)
    con.execute("insert into claim_flags select 'stale', claim_id, 'unsourced', 'warning', 'stale', null, 'r0', "
                "'stale' from claims where doc_id = 'f1' limit 1")
    con.close()
    steps.validate(db, "r2", docs_root=None, scope=_store(db, [QUARRY[1]], "r2"))
    after = _flags(db)
    assert any(f[0] == "stale" for f in after)
    assert sum(f[1] == "contradiction" for f in after) == 2  # the quarry's pair joined the ferry's
    assert {f for f in after if f[0] != "stale"} == _checked_again(db)
    # a check of every story drops it
    steps.validate(db, "r3", docs_root=None)
    assert not any(f[0] == "stale" for f in _flags(db))


def test_articles_with_no_story_are_checked_with_those_sharing_a_tag(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    steps.validate(db, "r1", docs_root=None, scope=_store(db, [STORYLESS[0], *FERRY], "r1"))
    steps.validate(db, "r2", docs_root=None, scope=_store(db, [STORYLESS[1]], "r2"))
    flags = _flags(db)
    assert sum(f[1] == "contradiction" for f in flags) == 2
    assert flags == _checked_again(db)


def test_an_article_that_moves_to_another_story_is_checked_in_both(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    steps.validate(db, "r1", docs_root=None, scope=_store(db, [*QUARRY, *FERRY], "r1"))
    assert sum(f[1] == "contradiction" for f in _flags(db)) == 2
    moved = _article("q2", "The harbour master said 25 passengers drowned when the ferry sank.", story="ferry",
                     hour=10)
    scope = _store(db, [moved], "r2")
    assert {story for story, _ in scope.keys} == {"quarry", "ferry"}
    steps.validate(db, "r2", docs_root=None, scope=scope)
    flags = _flags(db)
    assert flags == _checked_again(db)
    # the quarry has one figure left; the moved article's 25 disagrees with both ferry figures
    con = warehouse.connect(db)
    pairs = con.execute("select c.doc_id, r.doc_id from claim_flags as f join claims as c using (claim_id) "
                        "join claims as r on r.claim_id = f.related_claim_id "
                        "where f.check_name = 'contradiction' order by all").fetchall()
    con.close()
    assert pairs == [("f1", "f2"), ("f1", "q2"), ("q2", "f2")]


def test_validating_in_chunks_gives_the_flags_of_one_pass(tmp_path: Path, monkeypatch) -> None:
    db = tmp_path / "w.duckdb"
    _store(db, [*QUARRY, *FERRY, *STORYLESS], "r1")
    whole = _checked_again(db)
    monkeypatch.setattr(steps, "CHUNK_DOCUMENTS", 1)
    _, results = steps.validate(db, "r2", docs_root=None)
    assert _flags(db) == whole and len(whole) >= 3
    per_suite = {(r["suite"], r["expectation"]): r["element_count"] for r in results}
    con = warehouse.connect(db)
    n_claims = con.execute("select count(*) from v_claim_spans").fetchone()[0]  # type: ignore[index]
    con.close()
    assert per_suite[("claims", "expect_column_values_to_not_be_null")] == n_claims  # counts add up


@pytest.mark.parametrize(("documents", "size", "chunks"), [
    ([("a", "s1"), ("b", "s1"), ("c", "s2"), ("d", None)], 2, [["a", "b"], ["c", "d"]]),
    ([("a", "s1"), ("b", "s1"), ("c", "s1")], 2, [["a", "b", "c"]]),  # a story is never split
    ([("a", None), ("b", "s2"), ("c", None)], 10, [["b", "a", "c"]]),
    ([], 5, []),
])
def test_story_chunks(documents, size, chunks) -> None:
    assert steps.story_chunks(documents, size) == chunks


def test_merged_results_add_counts_and_need_every_chunk_to_pass() -> None:
    row = {"suite": "s", "expectation": "e", "column_name": "c", "details": "{}"}
    merged = quality.merge_results([[dict(row, success=True, element_count=3, unexpected_count=0)],
                                    [dict(row, success=False, element_count=4, unexpected_count=1)]])
    assert merged == [dict(row, success=False, element_count=7, unexpected_count=1)]
