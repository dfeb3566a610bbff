"""Small builders for tests."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from claimledger.extraction.extract import extract_article
from claimledger.model import Article, Claim


def article(body: str, *, title: str = "", published: str | None = None, doc_id: str = "d1") -> Article:
    return Article(doc_id=doc_id, external_id=doc_id, source_path=f"{doc_id}.txt", title=title, subtitle="",
                   body=body, published_at=datetime.fromisoformat(published) if published else None)


def claims_of(body: str, **kwargs) -> list[Claim]:
    return extract_article(article(body, **kwargs)).claims


def long_corpus(folder: Path, count: int = 4000) -> Path:
    """A JSON-lines file of `count` articles made of the seed texts: long enough that extraction is still
    running seconds after a run starts (for tests that stop or cancel a run)."""
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    body = " ".join(path.read_text(encoding="utf-8").split("---")[-1] for path in sorted(seeds.glob("*.md")))
    articles = folder / "many.jsonl"
    with articles.open("w", encoding="utf-8") as fh:
        for i in range(count):
            fh.write(json.dumps({"id": f"a{i}", "body": f"{body} Item {i}."}) + "\n")
    return articles
