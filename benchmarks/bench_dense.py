"""Extraction time on number-dense text must grow linearly: a pasted table or list in one "sentence".

Usage: .venv/bin/python benchmarks/bench_dense.py [--figures 2000]

Times extraction of one article holding N, 2N and 4N figures in a single sentence and fails (exit 1)
when doubling the input more than triples the time (a generous margin over 2x for a shared machine).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from claimledger.extraction.extract import extract_article  # noqa: E402
from claimledger.model import Article  # noqa: E402

MAX_RATIO = 3.0


def dense_article(figures: int) -> Article:
    body = "Counts by district: " + ", ".join(f"{i} people" for i in range(1, figures + 1)) + "."
    return Article(doc_id="dense", external_id="dense", source_path="bench", title="", subtitle="", body=body)


def seconds(figures: int) -> float:
    article = dense_article(figures)
    best = float("inf")
    for _ in range(2):  # best of two: the machine is shared
        started = time.perf_counter()
        extract_article(article)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--figures", type=int, default=2000)
    args = parser.parse_args()
    extract_article(dense_article(10))  # load the vocabularies once, outside the timings
    sizes = [args.figures, 2 * args.figures, 4 * args.figures]
    times = [seconds(n) for n in sizes]
    for n, t in zip(sizes, times, strict=True):
        print(f"number-dense sentence, {n:,} figures: {t:.2f} s")
    ratios = [later / earlier for earlier, later in zip(times, times[1:], strict=False)]
    print("time ratio per doubling: " + ", ".join(f"{r:.2f}" for r in ratios) + f" (limit {MAX_RATIO})")
    return 0 if all(r <= MAX_RATIO for r in ratios) else 1


if __name__ == "__main__":
    sys.exit(main())
