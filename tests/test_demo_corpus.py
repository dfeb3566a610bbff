"""The demo corpus in seeds/ makes every finding fire, and none where the facts sheet says it should not."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.extraction.extract import extract_article
from claimledger.extraction.frames import to_frames
from claimledger.reading.ingest import read_paths
from claimledger.storage import warehouse
from tests.test_findings import CHECK_VIEWS

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def con():
    articles, errors = read_paths([SEEDS])
    assert errors == []
    connection = warehouse.connect(":memory:")
    warehouse.store_documents(connection, articles, to_frames([extract_article(a) for a in articles]), "demo")
    yield connection
    connection.close()


def test_composed_articles_say_so() -> None:
    for path in SEEDS.glob("*.md"):
        text = path.read_text(encoding="utf-8")
        assert "outlet: composed sample" in text and "not real reporting" in text, path.name
    assert "composed illustration" in (SEEDS / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("check", sorted(CHECK_VIEWS))
def test_every_finding_fires(con, check: str) -> None:
    assert con.execute(CHECK_VIEWS[check]).fetchall(), check


def test_unsourced_fires(con) -> None:
    texts = {r[0] for r in con.execute("select quantity_text from v_unsourced_claims").fetchall()}
    assert "15,000 troops" in texts


def pair_findings(con, check: str, text_a: str, text_b: str) -> list:
    return con.execute(f"""
        select * from ({CHECK_VIEWS[check]}) f
        join claims a on a.claim_id = f.claim_id join claims b on b.claim_id = f.related_claim_id
        where (a.quantity_text like ? and b.quantity_text like ?) or (a.quantity_text like ? and b.quantity_text like ?)
        """, [text_a, text_b, text_b, text_a]).fetchall()


def test_the_facts_sheets_contradiction_is_found(con) -> None:
    assert pair_findings(con, "contradiction", "%1,100%", "%3,000%")


@pytest.mark.parametrize(("a", "b"), [
    ("%8,000%", "%10,000%"),      # Kursk vs Russia: different scopes
    ("%at least 3,000%", "%10,000%"),  # "at least 3,000" holds with 10,000 a week later
    ("%1,500%", "%11,000%"),      # a timeline, not a contradiction
    ("%3,000 North Korean%", "%11,000%"),
])
def test_no_contradiction_where_the_facts_sheet_says_none(con, a: str, b: str) -> None:
    assert pair_findings(con, "contradiction", a, b) == []


def test_estimates_answer_how_many_soldiers_according_to_whom_as_of_when(con) -> None:
    rows = con.execute("""select period_month, best, origins from v_claim_estimates
                          where thing = 'soldier' and metric = 'deployed' order by period_month""").fetchall()
    by_month = {}
    for month, best, origins in rows:
        by_month.setdefault(month, []).append((best, origins))
    october = [o for month, items in by_month.items() if month and month.month == 10 for _, o in items]
    assert any("South Korea" in o for o in october) and any("United States" in o for o in october)
    assert len([m for m in by_month if m]) >= 3  # a timeline over several months


def _readme_sql() -> list[str]:
    import re

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    statements = []
    for block in re.findall(r"```sql\n(.*?)```", readme, flags=re.S):
        code = "\n".join(line.split("--")[0] for line in block.splitlines())
        statements += [s.strip() for s in code.split(";") if s.strip()]
    return statements


def test_the_readmes_sql_runs_as_written_on_the_demo_warehouse(con) -> None:
    statements = _readme_sql()
    assert len(statements) >= 5
    results = [con.execute(sql).fetchall() for sql in statements]
    assert results[0], "the README's first query finds the demo story's claims"
