"""Precision of claims and findings, measured against items judged by reading (eval/precision/).

Usage (from the project root)::

    .venv/bin/python eval/precision.py --data ../shared/eval
    .venv/bin/python eval/precision.py --data ../shared/eval --write-samples /tmp/judge   # items to judge

Three corpora go through the whole engine (extraction, the warehouse and the finding views):
- ``ecbplus``: the ECB+ public split, one story per seminal event, every article dated 2020-01-01
  (ECB+ has no dates; the same convention as eval_crossdoc.py);
- ``polnear``: PolNeAR train+dev, one article per file name, no story (claims and unsourced flags);
- ``composed``: eval/composed/web_articles.jsonl, web-crawl-style articles written for this project,
  with every number labelled in eval/composed/key.jsonl;
- ``holdout``: eval/holdout/articles.jsonl, composed the same way by a helper that never saw the
  rules, with no key; judged by reading before any rule was written from it, and used as a
  development set after that;
- ``holdout2``: eval/holdout2/articles.jsonl, a second such corpus, judged once on the code it was
  held out from, then used as a development set;
- ``holdout3``: eval/holdout3/articles.jsonl, a third, judged once on the rules it was held out from,
  then used as a development set;
- ``holdout4``: eval/holdout4/articles.jsonl, a fourth, judged once on db2cb79, then used as a
  development set;
- ``holdout5``: eval/holdout5/articles.jsonl, a fifth, judged once on 729b690, then used as a
  development set;
- ``holdout6``: eval/holdout6/articles.jsonl, a sixth, judged once on 864b00e, then used as a
  development set;
- ``holdout7``: eval/holdout7/articles.jsonl, a seventh, judged once on 1cbde97, then used as a
  development set;
- ``holdout8``: eval/holdout8/articles.jsonl, an eighth, judged once on 0b22c8a, then used as a
  development set;
- ``holdout9``: eval/holdout9/articles.jsonl, a ninth, judged once on 139d594, then used as a
  development set;
- ``holdout10``: eval/holdout10/articles.jsonl, a tenth, judged once on the working state between 842f920
  and ff7485a, then used as a development set;
- ``holdout11``: eval/holdout11/articles.jsonl, an eleventh, judged once on c4438bb, then used as a
  development set;
- ``holdout12``: eval/holdout12/articles.jsonl, a twelfth, written while the rules of b0ba42c were
  written, judged once on b0ba42c, then used as a development set;
- ``holdout13``: eval/holdout13/articles.jsonl, a thirteenth, written while the rules up to 63c9d3c were
  written, judged once on 63c9d3c, then used as a development set;
- ``holdout14``: eval/holdout14/articles.jsonl, a fourteenth, written while the rules up to 5e7a2c8 were
  written, judged once on 5e7a2c8, then used as a development set (from 97f6e16 on);
- ``holdout15``: eval/holdout15/articles.jsonl, a fifteenth, written while the checks of 58706da were
  written (no extraction rule changed since 97f6e16), judged once on 58706da and never used to write a
  rule by the sessions up to 7ae41fc (held out again for the rules written after it);
- ``holdout16``: eval/holdout16/articles.jsonl, a sixteenth, written while the rules of the session after
  7ae41fc were written, judged once on 7ae41fc (whose extraction is 5c51295's) and never used to write a
  rule: a held-out measure;
- ``holdout17``: eval/holdout17/articles.jsonl, a seventeenth, written by a helper that read no rule while
  the rules of the session after 7ac29c8 were written from the development sets, judged once on the
  merged rules: the other held-out measure.

Each held-out folder also lists, by reading, every killed and injured count (killed_injured.jsonl:
killed/injured recall) and the genuine disagreements its writer planted (disagreements.jsonl:
contradiction recall, the share of those disagreements that a contradiction finding raises).

Judged items (``judged_claims.jsonl``, ``judged_flags.jsonl``; rubric in RUBRIC.md) point at spans by
corpus, document and character offsets. An output item is matched to a judged item when its
span(s) overlap the judged span(s) in the same document and section. Precision is reported over
the output items that have a judgement, with the number judged and the number produced beside it;
items produced but not judged are counted, never guessed. For the composed corpus the key gives
every number's verdict, so claim precision, metric accuracy and killed/injured recall come from it.

Flags are what the product raises: `unsourced` (v_unsourced_checks), `contradiction`
(v_contradictions), `composition` and `headline_unsupported` (their check views), each failing row.
Findings group flags by finding key; precision is reported per finding (its first judged pair).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
try:
    from claimledger.extraction.extract import extract_article
    from claimledger.extraction.frames import to_frames
    from claimledger.model import Article
    from claimledger.storage import warehouse
except ImportError:  # run without the package installed: use the project's src/ tree
    sys.path.insert(0, str(ROOT / "src"))
    from claimledger.extraction.extract import extract_article
    from claimledger.extraction.frames import to_frames
    from claimledger.model import Article
    from claimledger.storage import warehouse

JUDGED = ROOT / "eval" / "precision"
COMPOSED = ROOT / "eval" / "composed"
# Composed held-out corpora: articles.jsonl and the killed and injured counts a judge listed by reading.
HOLDOUTS = {name: ROOT / "eval" / name
            for name in ("holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6", "holdout7",
                         "holdout8", "holdout9", "holdout10", "holdout11", "holdout12", "holdout13", "holdout14",
                         "holdout15", "holdout16", "holdout17", "holdout18")}
FLAG_QUERIES = {
    "unsourced": "select claim_id, null as related_claim_id, claim_id as finding_key, 'warning' as severity "
                 "from v_unsourced_checks where not passed",
    "contradiction": "select claim_id, related_claim_id, finding_key, severity from v_contradictions",
    "composition": "select claim_id, related_claim_id, finding_key, severity from v_composition_checks "
                   "where not passed",
    "headline_unsupported": "select claim_id, null as related_claim_id, claim_id as finding_key, severity "
                            "from v_headline_checks where not passed",
}
TARGETS = {"claim": 90.0, "metric": 90.0, "unsourced": 85.0, "contradiction": 85.0, "composition": 80.0,
           "headline_unsupported": 80.0, "killed/injured recall": 85.0}


@dataclass
class Corpus:
    """One corpus run through the engine: its articles, stored claims and raised flags."""

    name: str
    articles: list[Article]
    claims: dict[str, dict[str, Any]]
    flags: dict[str, list[dict[str, Any]]]


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _article(doc_id: str, body: str, *, title: str = "", subtitle: str = "", story: str | None = None,
             published: datetime | None = None, outlet: str | None = None) -> Article:
    return Article(doc_id=doc_id, external_id=doc_id, source_path="eval", title=title, subtitle=subtitle,
                   body=body, story=story, published_at=published, outlet=outlet)


def load_articles(data: Path) -> dict[str, list[Article]]:
    """The articles of each corpus that is present."""
    found: dict[str, list[Article]] = {}
    ecb = data / "ecbplus_public" / "docs.jsonl"
    if ecb.is_file():
        found["ecbplus"] = [_article(d["doc_id"], d["text"], story=str(d["seminal_event"]),
                                     published=datetime(2020, 1, 1)) for d in read_jsonl(ecb)]
    polnear = data / "polnear_train" / "articles_with_attributions.jsonl"
    if polnear.is_file():
        seen: dict[str, Article] = {}
        for r in read_jsonl(polnear):
            seen.setdefault(r["article"], _article(r["article"], r["text"]))
        found["polnear"] = list(seen.values())
    for name, path in (("composed", COMPOSED / "web_articles.jsonl"),
                       *((held, folder / "articles.jsonl") for held, folder in HOLDOUTS.items())):
        if path.is_file():
            found[name] = [
                _article(r["id"], r["body"], title=r.get("title", ""), subtitle=r.get("subtitle", ""),
                         story=r.get("story"), outlet=r.get("outlet"),
                         published=datetime.fromisoformat(r["published_at"]) if r.get("published_at") else None)
                for r in read_jsonl(path)]
    return found


def run_engine(name: str, articles: list[Article]) -> Corpus:
    """Extract and store a corpus in an in-memory warehouse; read its claims and raised flags."""
    con = warehouse.connect(":memory:")
    warehouse.store_documents(con, articles, to_frames([extract_article(a) for a in articles]), "precision")
    claims = {r["claim_id"]: r for r in warehouse.query(
        con, "select c.*, s.is_checked, s.n_sources from claims as c join v_claim_sourcing as s using (claim_id)")}
    flags = {check: warehouse.query(con, sql) for check, sql in FLAG_QUERIES.items()}
    con.close()
    return Corpus(name, articles, claims, flags)


def _span(claim: dict[str, Any]) -> dict[str, Any]:
    return {k: claim[k] for k in ("doc_id", "section", "char_start", "char_end", "quantity_text")}


def _overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return (a["doc_id"] == b["doc_id"] and a["section"] == b["section"]
            and a["char_start"] < b["char_end"] and b["char_start"] < a["char_end"])


class Judgements:
    """Judged items of one corpus, looked up by span."""

    def __init__(self, corpus: str) -> None:
        self.claims: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.flags: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for path, table, key in ((JUDGED / "judged_claims.jsonl", self.claims, "doc_id"),
                                 (JUDGED / "judged_flags.jsonl", self.flags, "check_name")):
            if path.is_file():
                for row in read_jsonl(path):
                    if row["corpus"] == corpus:
                        table[row[key] if key == "check_name" else row["doc_id"]].append(row)

    def claim(self, claim: dict[str, Any]) -> dict[str, Any] | None:
        return next((j for j in self.claims.get(claim["doc_id"], []) if _overlaps(j, claim)), None)

    def flag(self, check: str, claim: dict[str, Any], related: dict[str, Any] | None) -> dict[str, Any] | None:
        for j in self.flags.get(check, []):
            if not _overlaps(j["claim"], claim):
                continue
            if related is None and j.get("related") is None:
                return j
            if related is not None and j.get("related") is not None and _overlaps(j["related"], related):
                return j
        return None


@dataclass
class Score:
    """Judged-correct over judged, out of how many produced."""

    name: str
    right: int = 0
    judged: int = 0
    produced: int = 0

    def add(self, verdict: bool | None) -> None:
        self.produced += 1
        if verdict is not None:
            self.judged += 1
            self.right += bool(verdict)

    def cells(self) -> tuple[str, str, str]:
        pct = f"{100 * self.right / self.judged:.1f} %" if self.judged else "n/a"
        return pct, f"{self.right}/{self.judged}", str(self.produced)


def _findings(corpus: Corpus, check: str) -> list[list[dict[str, Any]]]:
    """Flags of one check grouped by finding key, in a stable order."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for flag in corpus.flags[check]:
        groups[str(flag["finding_key"])].append(flag)
    return [sorted(g, key=lambda f: (f["claim_id"], f["related_claim_id"] or "")) for _, g in sorted(groups.items())]


def _composed_key(corpus: Corpus, path: Path = COMPOSED / "key.jsonl") -> list[dict[str, Any]]:
    """A corpus's labelled numbers (id, surface, occurrence, ...) with their spans in the body."""
    bodies = {a.doc_id: a.body for a in corpus.articles}
    rows = []
    if not path.is_file():
        return rows
    for row in read_jsonl(path):
        span = _locate(bodies, row["id"], row["surface"], int(row.get("occurrence", 1)))
        if span is not None:
            rows.append(dict(row, **span))
    return rows


def _locate(bodies: dict[str, str], doc_id: str, surface: str, occurrence: int) -> dict[str, Any] | None:
    """The span of the `occurrence`-th `surface` in a body (each search starts one past the last hit)."""
    body = bodies.get(doc_id)
    if body is None:
        return None
    start = -1
    for _ in range(occurrence):
        start = body.find(surface, start + 1)
        if start < 0:
            return None
    return {"doc_id": doc_id, "section": "body", "char_start": start, "char_end": start + len(surface)}


def score_corpus(corpus: Corpus) -> dict[str, Score]:
    """Claim precision, metric accuracy and precision per finding type on one corpus."""
    judged = Judgements(corpus.name)
    scores = {name: Score(name) for name in ("claim", "metric", *FLAG_QUERIES)}
    key = _composed_key(corpus) if corpus.name == "composed" else []

    def verdict_of(claim: dict[str, Any]) -> dict[str, Any] | None:
        if key:
            hit = next((k for k in key if _overlaps(k, claim)), None)
            return None if hit is None else {"is_claim": hit["is_claim"], "metric": hit.get("metric")}
        return judged.claim(claim)

    for claim in corpus.claims.values():
        if claim["section"] != "body" or claim["kind"] not in ("count", "money", "percent") \
                or claim["value_source"] == "derived":
            continue  # measures and bare numbers never reach an analyst's checks; a derived figure is no number read
        verdict = verdict_of(claim)
        scores["claim"].add(None if verdict is None else bool(verdict["is_claim"]))
        if claim["is_people"] and claim["kind"] == "count":
            metric = verdict.get("metric") if verdict and verdict.get("is_claim") else None
            scores["metric"].add(None if metric is None else metric == claim["metric"])
    for check in FLAG_QUERIES:
        for finding in _findings(corpus, check):
            verdicts = []
            for flag in finding:
                claim = corpus.claims[flag["claim_id"]]
                related = corpus.claims.get(flag["related_claim_id"]) if flag["related_claim_id"] else None
                hit = judged.flag(check, _span(claim), _span(related) if related else None)
                if hit is None and check == "unsourced" and key:
                    k = verdict_of(claim)  # the key knows whether the number is a claim at all
                    hit = {"correct": False} if k is not None and not k["is_claim"] else None
                if hit is not None:
                    verdicts.append(bool(hit["correct"]))
            scores[check].add(verdicts[0] if verdicts else None)
    if key:
        scores["killed/injured recall"] = _killed_injured_recall(corpus, key)
    elif corpus.name in HOLDOUTS:
        # the killed and injured counts a judge listed by reading every held-out article
        folder = HOLDOUTS[corpus.name]
        listed = [dict(r, is_claim=True) for r in _composed_key(corpus, folder / "killed_injured.jsonl")]
        if listed:
            scores["killed/injured recall"] = _killed_injured_recall(corpus, listed)
        planted = folder / "disagreements.jsonl"
        if planted.is_file():
            scores["contradiction recall"] = _contradiction_recall(corpus, list(read_jsonl(planted)))
    return scores


def _contradiction_recall(corpus: Corpus, planted: list[dict[str, Any]]) -> Score:
    """Of the genuine disagreements planted in a corpus (two origins, one counted group, one time), the
    share that a contradiction finding raises: one of its listed sentence pairs is a flagged pair."""
    bodies = {a.doc_id: a.body for a in corpus.articles}
    pairs = [(corpus.claims[f["claim_id"]], corpus.claims[f["related_claim_id"]])
             for f in corpus.flags["contradiction"]]
    found: dict[tuple[str, ...], bool] = {}
    for row in planted:
        key = (row["story"], row["metric"], *sorted((row["origin_a"].lower(), row["origin_b"].lower())))
        a = _locate(bodies, row["id_a"], row["surface_a"], int(row.get("occurrence_a", 1)))
        b = _locate(bodies, row["id_b"], row["surface_b"], int(row.get("occurrence_b", 1)))
        hit = a is not None and b is not None and any(
            (_overlaps(a, x) and _overlaps(b, y)) or (_overlaps(a, y) and _overlaps(b, x)) for x, y in pairs)
        found[key] = found.get(key, False) or hit
    score = Score("contradiction recall")
    for hit in found.values():
        score.add(hit)
    return score


def _killed_injured_recall(corpus: Corpus, key: list[dict[str, Any]]) -> Score:
    """Of the key's killed and injured counts (asserted, about the main event), the share found as a
    claim with the same metric."""
    score = Score("killed/injured recall")
    claims = [c for c in corpus.claims.values() if c["section"] == "body"]
    for k in key:
        if not k["is_claim"] or k.get("metric") not in ("killed", "injured") or k.get("negated"):
            continue
        found = [c for c in claims if _overlaps(k, c)]
        score.add(any(c["metric"] == k["metric"] for c in found))
    return score


def write_samples(corpora: list[Corpus], folder: Path, per_corpus: int, seed: int) -> None:
    """Unjudged output items, with their sentences, for a judge to label against RUBRIC.md."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for corpus in corpora:
        judged = Judgements(corpus.name)
        docs = {a.doc_id: a for a in corpus.articles}
        candidates = [c for c in corpus.claims.values() if c["section"] == "body"
                      and c["kind"] in ("count", "money", "percent") and judged.claim(c) is None]
        rng.shuffle(candidates)
        with (folder / f"claims_{corpus.name}.jsonl").open("w", encoding="utf-8") as fh:
            for c in candidates[:per_corpus]:
                fh.write(json.dumps({"corpus": corpus.name, **_span(c), "tool_kind": c["kind"],
                                     "tool_metric": c["metric"], "sentence": c["sentence"],
                                     "paragraph": _paragraph(docs[c["doc_id"]].body, c["char_start"])}) + "\n")
        with (folder / f"flags_{corpus.name}.jsonl").open("w", encoding="utf-8") as fh:
            for check in FLAG_QUERIES:
                findings = _findings(corpus, check)
                rng.shuffle(findings)
                for finding in findings[:per_corpus]:
                    flag = finding[0]
                    claim = corpus.claims[flag["claim_id"]]
                    related = corpus.claims.get(flag["related_claim_id"]) if flag["related_claim_id"] else None
                    if judged.flag(check, _span(claim), _span(related) if related else None) is not None:
                        continue
                    fh.write(json.dumps({
                        "corpus": corpus.name, "check_name": check, "claim": _span(claim),
                        "related": _span(related) if related else None, "severity": flag["severity"],
                        "claim_sentence": claim["sentence"], "claim_metric": claim["metric"],
                        "claim_paragraph": _paragraph(docs[claim["doc_id"]].body, claim["char_start"]),
                        "claim_title": docs[claim["doc_id"]].title,
                        "related_sentence": related["sentence"] if related else None,
                        "related_metric": related["metric"] if related else None,
                        "related_paragraph": _paragraph(docs[related["doc_id"]].body, related["char_start"])
                        if related else None,
                    }) + "\n")
        print(f"samples for {corpus.name}: {folder}/claims_{corpus.name}.jsonl, {folder}/flags_{corpus.name}.jsonl")


def _paragraph(body: str, position: int) -> str:
    start = body.rfind("\n\n", 0, position)
    end = body.find("\n\n", position)
    start, end = start + 2 if start >= 0 else 0, end if end >= 0 else len(body)
    if end - start > 1500:  # a long paragraph (or a text without blank lines): a window around the number
        start = max(start, position - 900)
        end = min(end, start + 1500)
    return body[start:end]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--write-samples", type=Path, help="folder for unjudged items to judge (outside the project)")
    parser.add_argument("--per-corpus", type=int, default=60)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args(argv)

    corpora = [run_engine(name, arts) for name, arts in load_articles(args.data).items()]
    if not corpora:
        print(f"skipped: no corpus under {args.data} or {COMPOSED}")
        return 0
    if args.write_samples:
        write_samples(corpora, args.write_samples, args.per_corpus, args.seed)
        return 0
    print("Precision by reading (judged items in eval/precision/, rubric in RUBRIC.md)")
    print(f"{'corpus':10} {'measure':24} {'precision':>10} {'right/judged':>13} {'produced':>9} {'target':>7}")
    totals: dict[str, Score] = {}
    for corpus in corpora:
        for name, score in score_corpus(corpus).items():
            pct, ratio, produced = score.cells()
            target = f"{TARGETS[name]:g} %" if name in TARGETS else ""
            label = {"claim": "claim precision", "metric": "metric accuracy"}.get(name, name)
            print(f"{corpus.name:10} {label:24} {pct:>10} {ratio:>13} {produced:>9} {target:>7}")
            total = totals.setdefault(name, Score(name))
            total.right, total.judged, total.produced = (total.right + score.right, total.judged + score.judged,
                                                        total.produced + score.produced)
    for name, score in totals.items():
        pct, ratio, produced = score.cells()
        label = {"claim": "claim precision", "metric": "metric accuracy"}.get(name, name)
        print(f"{'all':10} {label:24} {pct:>10} {ratio:>13} {produced:>9}")
    print("Findings per 100 articles (one finding groups the claim pairs of one disagreement)")
    for corpus in corpora:
        per = ", ".join(f"{check} {100 * len(_findings(corpus, check)) / len(corpus.articles):.1f}"
                        for check in FLAG_QUERIES)
        flags = sum(len(v) for v in corpus.flags.values())
        print(f"  {corpus.name}: {len(corpus.articles)} articles; {per}; flags {flags}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
