"""Benchmark: the whole pipeline on a generated corpus; prints articles/s, MB/s and peak memory.

The corpus is generated from templates with varied numbers, sources, places and dates, so the
extractor does real work on every article. Peak memory is the process's max RSS (ru_maxrss), and
its largest child process's beside it.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import time
from pathlib import Path

from claimledger import settings

SOURCES = ["the NIS said", "according to the Pentagon", "Zelensky said", "the SBU reported that", "officials said",
           "Kyiv estimated that", "the Kremlin claimed", "a doctor noted that"]
PLACES = ["Kursk", "Donetsk", "Kharkiv", "Zaporizhzhia", "Bakhmut", "Russia", "Ukraine"]
TEMPLATES = [
    "{src_cap}, {n:,} North Korean soldiers were deployed to {place} on Jan. {day}.",
    "At least {small} civilians were killed and {small2} wounded in {place}, {src}.",
    "Up to {n:,} troops were sent to the front, {src}.",
    "“Our forces captured {word} soldiers in the {place} region,” Zelensky said.",
    "Between {n:,} and {n2:,} people were displaced last week.",
    "About {small} people were arrested in {place} on Saturday, Jan. {day}.",
    "Dozens of soldiers were reportedly missing after the attack in {place}.",
    "The war has cost more than ${small} billion since February 2022.",
]
WORDS = ["two", "three", "five", "twelve", "twenty-five", "a dozen"]


def make_corpus(folder: Path, n_articles: int, seed: int = 7) -> int:
    """Write `n_articles` articles as JSON Lines files of 500; return the corpus size in bytes."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for chunk in range(0, n_articles, 500):
        lines = []
        for i in range(chunk, min(n_articles, chunk + 500)):
            paragraphs = []
            for _ in range(rng.randint(4, 9)):
                src = rng.choice(SOURCES)
                sentence = rng.choice(TEMPLATES).format(
                    src=src, src_cap=src[0].upper() + src[1:], n=rng.randint(1, 200) * 100,
                    n2=rng.randint(201, 400) * 100, small=rng.randint(2, 90), small2=rng.randint(2, 90),
                    place=rng.choice(PLACES), day=rng.randint(1, 28), word=rng.choice(WORDS))
                paragraphs.append(sentence + " The situation remained tense, observers noted.")
            record = {"id": f"a{i}", "title": f"Report {i}", "body": "\n\n".join(paragraphs),
                      "published_at": f"2025-01-{rng.randint(1, 28):02d}", "story": f"story-{i % 50}",
                      "outlet": f"Outlet {i % 13}", "tags": ["Kursk"]}
            lines.append(json.dumps(record))
        data = "\n".join(lines) + "\n"
        (folder / f"part-{chunk // 500:03d}.jsonl").write_text(data, encoding="utf-8")
        total += len(data.encode())
    return total


def _edit_articles(path: Path, *, every: int) -> int:
    """Change one figure in every `every`-th article of a part file; return how many were edited."""
    lines = path.read_text(encoding="utf-8").splitlines()
    for i in range(0, len(lines), every):
        record = json.loads(lines[i])
        record["body"] += "\n\nOfficials said 7 more soldiers were killed."
        lines[i] = json.dumps(record)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(range(0, len(lines), every))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--out", type=Path, default=Path("bench_out"))
    args = parser.parse_args()
    settings.apply_offline_defaults()
    shutil.rmtree(args.out, ignore_errors=True)
    size = make_corpus(args.out / "corpus", args.articles)

    from claimledger import steps, workers
    from claimledger.flow import claims_pipeline

    articles, _ = steps.read_articles([args.out / "corpus"])
    started = time.perf_counter()
    frames = steps.extract(articles)
    extract_s = time.perf_counter() - started
    n_workers = workers.default_workers()
    started = time.perf_counter()
    with workers.extraction_workers(n_workers, len(articles)):  # process start-up included
        steps.extract(articles)
    pooled_s = time.perf_counter() - started

    started = time.perf_counter()
    summary = claims_pipeline(seeds=[str(args.out / "corpus")], db=str(args.out / "claims.duckdb"), build_docs=False)
    flow_s = time.perf_counter() - started
    started = time.perf_counter()
    claims_pipeline(seeds=[str(args.out / "corpus")], db=str(args.out / "claims.duckdb"), build_docs=False)
    rerun_s = time.perf_counter() - started
    edited = _edit_articles(args.out / "corpus" / "part-000.jsonl", every=10)
    started = time.perf_counter()
    edited_summary = claims_pipeline(seeds=[str(args.out / "corpus")], db=str(args.out / "claims.duckdb"),
                                     build_docs=False)
    edit_s = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker_peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    mb = size / 1e6
    print(f"corpus: {args.articles} articles, {mb:.2f} MB, {frames['claims'].height} claims")
    print(f"extraction only (one core): {args.articles / extract_s:,.0f} articles/s, {mb / extract_s:.2f} MB/s")
    print(f"extraction in {n_workers} worker processes: {mb / pooled_s:.2f} MB/s, "
          f"{extract_s / pooled_s:.2f}x one core")
    print(f"whole flow (ingest, extract, load, validate, publish): {flow_s:.1f} s, "
          f"{args.articles / flow_s:,.0f} articles/s, {mb / flow_s:.2f} MB/s; flags {summary['n_flags']}")
    print(f"re-run on unchanged corpus: {rerun_s:.1f} s (0 articles extracted)")
    print(f"re-run after editing {edited} articles: {edit_s:.1f} s "
          f"({edited_summary['n_new_documents']} articles extracted)")
    print(f"peak memory (max RSS): {peak_mb:,.0f} MB in the run's process, {worker_peak_mb:,.0f} MB in its largest "
          f"child process (an extraction worker or Prefect's temporary server)")


if __name__ == "__main__":
    main()
