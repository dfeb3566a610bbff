"""Small builders for tests."""

from __future__ import annotations

from datetime import datetime

from claimledger.extract import extract_article
from claimledger.model import Article, Claim


def article(body: str, *, title: str = "", published: str | None = None, doc_id: str = "d1") -> Article:
    return Article(doc_id=doc_id, external_id=doc_id, source_path=f"{doc_id}.txt", title=title, subtitle="",
                   body=body, published_at=datetime.fromisoformat(published) if published else None)


def claims_of(body: str, **kwargs) -> list[Claim]:
    return extract_article(article(body, **kwargs)).claims
