"""Benchmark at scale: the whole `claimledger run` at N articles, step by step, each in its own process tree.

Per size N and variant, five steps, each one `python -m claimledger.cli run --no-docs` subprocess:
  full       N articles into an empty warehouse;
  re-run     the same N again (nothing new: fixed overhead plus hashing), twice: the first copies the
             warehouse into a second generation file, later ones bring that file up to date;
  +inc       `--increment` new articles added beside the N (only they should be extracted);
  inc only   the same new articles into an empty warehouse (the +inc / inc-only ratio shows whether a
             run's work follows what is new or what is stored).
Variants: `generated` (templated war reporting, ~1.5-2 KB an article, a figure, a source or a date in
most sentences, some page furniture; 25 articles a story, most sentences giving the story's own figures)
and `ecb` (the public ECB+ texts replicated under distinct ids, stories and dates; read from `--ecb-data`,
skipped when it is absent).

Measured per step: wall time from start to exit (interpreter start-up included); articles/s and MB/s of
the input the run reads; peak RSS as the largest sum of RSS over the run's process and all its
descendants (extraction workers, Prefect's temporary server), polled every 0.2 s; bytes written as the
growth of this script's own /proc/self/io write_bytes across the step (Linux adds a reaped child's I/O
counters to its parent, so this counts the whole tree, exited workers included; this script writes
nothing meanwhile); the size of the warehouse's generation files after the step; the flow's and each
task's time, read from Prefect's database after the step (the rest of the wall time is start-up, imports,
Prefect's temporary server and exit).
A tree whose RSS passes `--max-rss-gb` is killed and its step reported as exceeded.
Prefect runs in its own PREFECT_HOME under `--out`, initialised by a small untimed warm-up run. Another
session may edit the code meanwhile: a step whose package source changed since the step before is marked.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import psutil

from claimledger.storage import generations

SRC = Path(__file__).resolve().parents[1] / "src" / "claimledger"
ARTICLES_PER_FILE = 1000
ARTICLES_PER_STORY = 25
STORY_FIGURE_SHARE = 0.8  # sentences that give their story's figure; the others draw their own
PLACES = ["Kursk", "Donetsk", "Kharkiv", "Zaporizhzhia", "Bakhmut", "Pokrovsk", "Kherson", "Sumy", "Odesa", "Belgorod"]
SAYS = ["Zelensky said", "the Pentagon said", "officials said", "a local police chief said", "the governor said",
        "the UN human rights office said", "a Kremlin spokesman claimed", "the Red Cross said"]
ACCORDING = ["According to Ukraine's General Staff", "According to the NIS", "According to the health ministry",
             "According to Russian state media", "According to a military analyst"]
QUOTED = ["Zelensky told reporters", "a regional commander said", "the mayor said", "one medic told the BBC"]
QUALIFIERS = ["at least", "about", "more than", "nearly", "up to", "some", "roughly", "fewer than"]
WORDS = ["two", "three", "five", "a dozen", "twelve", "twenty", "dozens of", "hundreds of"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
CLAIMS = [
    "{q} {k} civilians were killed and {k2} wounded in {place} overnight",
    "{n:,} troops have been deployed to the {place} region since {month} {day}",
    "between {n:,} and {n2:,} people fled their homes in {place} last week",
    "{q} {n:,} soldiers were reported missing after the assault on {place}",
    "the death toll in {place} rose to {k} on {month} {day}, up from {k3} a day earlier",
    "nearly {pct}% of the buildings in {place} were damaged",
    "{q} {k} children were among the injured",
    "up to {n:,} North Korean soldiers may be fighting near {place}",
    "{k} to {k4} drones were shot down over {place} on {month} {day}, {year}",
    "{q} {n:,} prisoners were exchanged on {month} {day}",
    "the aid package for {place} is worth ${k} million",
    "a {age}-year-old man was among the {k} dead",
    "{word} ambulances reached {place} within {k} minutes",
    "{k3}-{k4} tanks were destroyed near {place} this month",
    "{q} {n:,} Russian troops were killed or wounded around {place} since {month}",
]
FILLER = ["The situation remained tense, observers noted.", "Residents queued for water in the cold.",
          "Sirens sounded across the city for most of the night.", "The claims could not be independently verified."]
FURNITURE = ["Photo {i} of {j}", "Call the newsroom on +44 20 7946 {phone:04d}", "Updated {h:02d}:{m:02d} GMT",
             "Share this article ({k} comments)", "Read more: {place} live updates", "Advertisement"]


def _figures(rng: random.Random) -> dict[str, int]:
    return {"k": rng.randint(2, 90), "k2": rng.randint(2, 200), "k3": rng.randint(2, 40), "k4": rng.randint(41, 99),
            "n": rng.randint(1, 150) * 100, "n2": rng.randint(151, 400) * 100, "pct": rng.randint(5, 95),
            "age": rng.randint(18, 80), "day": rng.randint(1, 28)}


def generated_articles(first: int, n: int, seed: int) -> Iterator[dict[str, Any]]:
    """Articles `first`..`first + n - 1`; a story's articles share its place, its month and, in most sentences,
    its figures (so its articles mostly agree, as real coverage does, and sometimes disagree)."""
    rng = random.Random(seed)
    for i in range(first, first + n):
        story = i // ARTICLES_PER_STORY
        srng = random.Random(story)
        place, start = srng.choice(PLACES), date(2024, 1, 1) + timedelta(days=srng.randrange(700))
        published = start + timedelta(days=rng.randrange(20))
        paragraphs: list[str] = []
        story_figures = [_figures(srng) for _ in CLAIMS]
        while sum(len(p) for p in paragraphs) < rng.randint(1300, 1700):
            template = rng.randrange(len(CLAIMS))
            figures = story_figures[template] if rng.random() < STORY_FIGURE_SHARE else _figures(rng)
            claim = CLAIMS[template].format(**figures, q=rng.choice(QUALIFIERS), word=rng.choice(WORDS), place=place,
                                            month=MONTHS[published.month - 1], year=published.year)
            form = rng.randrange(4)
            if form == 0:
                sentence = f"{claim[0].upper()}{claim[1:]}, {rng.choice(SAYS)}."
            elif form == 1:
                sentence = f"{rng.choice(ACCORDING)}, {claim}."
            elif form == 2:
                sentence = f"“{claim[0].upper()}{claim[1:]},” {rng.choice(QUOTED)}."
            else:
                sentence = f"{claim[0].upper()}{claim[1:]}."
            paragraphs.append(f"{sentence} {rng.choice(FILLER)}")
            if rng.random() < 0.15:
                paragraphs.append(rng.choice(FURNITURE).format(
                    i=rng.randint(1, 9), j=rng.randint(10, 20), phone=rng.randrange(10000), h=rng.randrange(24),
                    m=rng.randrange(60), k=rng.randint(3, 900), place=place))
        yield {"id": f"g{i}", "title": f"{place}: fighting continues, day {story % 300 + 1}",
               "body": "\n\n".join(paragraphs), "published_at": published.isoformat(), "story": f"story-{story}",
               "outlet": f"Outlet {i % 13}", "tags": [place]}


def ecb_articles(docs: list[dict[str, Any]], first: int, n: int) -> Iterator[dict[str, Any]]:
    """ECB+ texts in order, copy r of the set under ids and stories suffixed -r, dated per event and copy."""
    for i in range(first, first + n):
        copy, doc = divmod(i, len(docs))
        d = docs[doc]
        day = date(2024, 1, 1) + timedelta(days=(copy * 37 + int(d["topic"]) * 11) % 700 + doc % 3)
        yield {"id": f"{d['doc_id']}-r{copy}", "title": d["title"], "body": d["text"], "published_at": day.isoformat(),
               "story": f"{d['seminal_event']}-r{copy}", "outlet": f"Outlet {i % 13}"}


def write_corpus(folder: Path, articles: Iterator[dict[str, Any]]) -> tuple[int, int]:
    """Write JSON Lines files of ARTICLES_PER_FILE articles; return (articles, bytes)."""
    folder.mkdir(parents=True, exist_ok=True)
    count = size = 0
    lines: list[str] = []
    for record in articles:
        lines.append(json.dumps(record, ensure_ascii=False))
        count += 1
        if len(lines) == ARTICLES_PER_FILE:
            size += _flush(folder, lines, count)
    if lines:
        size += _flush(folder, lines, count)
    return count, size


def _flush(folder: Path, lines: list[str], count: int) -> int:
    data = ("\n".join(lines) + "\n").encode()
    (folder / f"part-{(count - 1) // ARTICLES_PER_FILE:04d}.jsonl").write_bytes(data)
    lines.clear()
    return len(data)


@dataclass
class Step:
    variant: str
    articles: int
    step: str
    status: str = "ok"
    seconds: float = 0.0
    input_articles: int = 0
    input_mb: float = 0.0
    peak_rss_mb: float = 0.0
    written_mb: float = 0.0
    warehouse_mb: float = 0.0
    extracted: int | None = None
    claims: int | None = None
    flags: int | None = None
    flow_s: float | None = None
    task_s: dict[str, float] = field(default_factory=dict)
    src_before: str = ""
    src_after: str = ""
    code_changed: bool = False  # the package's source changed during the step or since the step before


def _write_bytes() -> int:
    """Bytes this process and its reaped descendants caused to be written to storage."""
    fields = dict(line.split(": ") for line in Path("/proc/self/io").read_text().splitlines())
    return int(fields["write_bytes"])


def run_step(result: Step, seeds: list[tuple[Path, int, int]], db: Path, env: dict[str, str], max_rss_gb: float,
             log: Path) -> Step:
    """Run the CLI on `seeds` (folder, articles, bytes) into `db`, polling its process tree until it exits."""
    cmd = [sys.executable, "-m", "claimledger.cli", "run", "--no-docs", "--db", str(db)]
    for folder, _, _ in seeds:
        cmd += ["--seeds", str(folder)]
    result.input_articles = sum(n for _, n, _ in seeds)
    result.input_mb = sum(b for _, _, b in seeds) / 1e6
    log.parent.mkdir(parents=True, exist_ok=True)
    result.src_before = src_digest()
    written0, started = _write_bytes(), time.perf_counter()
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env)
        root = psutil.Process(proc.pid)
        while proc.poll() is None:
            try:
                tree = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                break
            rss = 0
            for p in tree:
                try:
                    rss += p.memory_info().rss
                except psutil.Error:
                    continue
            result.peak_rss_mb = max(result.peak_rss_mb, rss / 1e6)
            if rss > max_rss_gb * 1e9:
                for p in reversed(tree):
                    try:
                        p.kill()
                    except psutil.Error:
                        pass
                result.status = f"exceeded {max_rss_gb:g} GB"
                break
            time.sleep(0.2)
        code = proc.wait()
    result.seconds = time.perf_counter() - started
    result.written_mb = (_write_bytes() - written0) / 1e6
    result.src_after = src_digest()
    result.warehouse_mb = sum(path.stat().st_size for path in generations.generation_files(db)) / 1e6
    if result.status == "ok" and code != 0:
        result.status = f"exit {code}, see {log}"
    summary = re.search(r"new or edited (\d+).*?claims (\d+).*?flags (\d+)", log.read_text())
    if summary:
        result.extracted, result.claims, result.flags = (int(g) for g in summary.groups())
        result.flow_s, result.task_s = flow_times(Path(env["PREFECT_HOME"]) / "prefect.db")
    return result


def flow_times(prefect_db: Path) -> tuple[float | None, dict[str, float]]:
    """The latest flow run's duration and each task kind's span (first start to last end), from Prefect's DB."""
    try:
        con = sqlite3.connect(f"file:{prefect_db}?mode=ro", uri=True)
        try:
            run = con.execute("select id, start_time, end_time from flow_run order by created desc limit 1").fetchone()
            tasks = con.execute("select name, start_time, end_time from task_run where flow_run_id = ?",
                                (run[0],)).fetchall()
        finally:
            con.close()
    except (sqlite3.Error, TypeError):
        return None, {}
    spans: dict[str, tuple[datetime, datetime]] = {}
    for name, start, end in tasks:
        if start and end:
            kind, first, last = name.rsplit("-", 1)[0], datetime.fromisoformat(start), datetime.fromisoformat(end)
            old = spans.get(kind, (first, last))
            spans[kind] = (min(old[0], first), max(old[1], last))
    seconds = (datetime.fromisoformat(run[2]) - datetime.fromisoformat(run[1])).total_seconds()
    return seconds, {k: (b - a).total_seconds() for k, (a, b) in spans.items()}


def src_digest() -> str:
    """Hash of the package's source, vocabularies, SQL and suites: a step whose code changed is marked."""
    digest = hashlib.sha256()
    for path in sorted(SRC.rglob("*")):
        if path.suffix in {".py", ".yaml", ".sql", ".json"} and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(SRC)).encode() + path.read_bytes())
    return digest.hexdigest()[:12]


def bench_size(variant: str, n: int, args: argparse.Namespace, env: dict[str, str],
               docs: list[dict[str, Any]]) -> list[Step]:
    """The steps at size n; steps on the n-article warehouse are skipped when its full run failed."""
    work = args.out / variant / str(n)
    shutil.rmtree(work, ignore_errors=True)
    if variant == "ecb":
        base_docs, new_docs = ecb_articles(docs, 0, n), ecb_articles(docs, n, args.increment)
    else:
        base_docs, new_docs = generated_articles(0, n, seed=n), generated_articles(n, args.increment, seed=n + 1)
    base = (work / "corpus", *write_corpus(work / "corpus", base_docs))
    new = (work / "new", *write_corpus(work / "new", new_docs))
    db, fresh_db = work / "warehouse" / "claims.duckdb", work / "warehouse-new-only" / "claims.duckdb"
    steps: list[Step] = []
    # The first re-run has no earlier generation file to bring up to date and copies the warehouse once;
    # the second shows what every later unchanged run costs.
    plan = [("full", [base], db), ("first re-run", [base], db), ("re-run", [base], db),
            (f"+{args.increment}", [base, new], db),
            (f"{args.increment} only", [new], fresh_db)]
    for name, seeds, target in plan:
        step = Step(variant, n, name)
        if target == db and steps and steps[0].status != "ok":
            step.status = "skipped (full run failed)"
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            run_step(step, seeds, target, env, args.max_rss_gb, work / "logs" / f"{len(steps)}.log")
            step.code_changed = step.src_before != step.src_after or bool(steps and steps[-1].src_after
                                                                          and steps[-1].src_after != step.src_before)
        steps.append(step)
        print(_row(step), flush=True)
    return steps


HEADER = ("| variant | articles | step | seconds | articles/s | MB/s | peak RSS MB | bytes written MB "
          "| warehouse files MB | extracted |")
TASKS = ["ingest", "extract", "load", "validate", "publish"]
SPLIT = "| variant | articles | step | process s | flow s | outside flow s | " + " | ".join(TASKS) + " |"


def _row(s: Step) -> str:
    name = s.step + (" (code changed)" if s.code_changed else "")
    if s.status != "ok":
        peak = f"{s.peak_rss_mb:,.0f}" if s.peak_rss_mb else ""
        return f"| {s.variant} | {s.articles:,} | {name} | {s.status} | | | {peak} | | | |"
    return (f"| {s.variant} | {s.articles:,} | {name} | {s.seconds:.1f} | {s.input_articles / s.seconds:,.0f} "
            f"| {s.input_mb / s.seconds:.2f} | {s.peak_rss_mb:,.0f} | {s.written_mb:,.1f} | {s.warehouse_mb:,.1f} "
            f"| {s.extracted if s.extracted is not None else '?'} |")


def _split_row(s: Step) -> str:
    flow = f"{s.flow_s:.1f} | {s.seconds - s.flow_s:.1f}" if s.flow_s is not None else "? | ?"
    tasks = " | ".join(f"{s.task_s[t]:.1f}" if t in s.task_s else "-" for t in TASKS)
    return f"| {s.variant} | {s.articles:,} | {s.step} | {s.seconds:.1f} | {flow} | {tasks} |"


def _table_head(header: str) -> str:
    return header + "\n" + "| --- " * header.count("|", 1) + "|"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--increment", type=int, default=1000)
    parser.add_argument("--variant", choices=["generated", "ecb", "both"], default="generated")
    parser.add_argument("--out", type=Path, default=Path("bench_out/scale"))
    parser.add_argument("--max-rss-gb", type=float, default=20.0)
    parser.add_argument("--ecb-data", type=Path, default=Path("../shared/eval/ecbplus_public"))
    args = parser.parse_args()
    variants = ["generated", "ecb"] if args.variant == "both" else [args.variant]
    docs: list[dict[str, Any]] = []
    if "ecb" in variants:
        path = args.ecb_data / "docs.jsonl"
        if path.is_file():
            docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        else:
            print(f"skipping the ecb variant: {path} not found (--ecb-data)", file=sys.stderr)
            variants.remove("ecb")
    env = {**os.environ, "PREFECT_HOME": str((args.out / "prefect").resolve())}
    warm = args.out / "warm-up"
    shutil.rmtree(warm, ignore_errors=True)
    warm_seeds = (warm / "corpus", *write_corpus(warm / "corpus", generated_articles(0, 20, seed=0)))
    run_step(Step("warm-up", 20, "warm-up"), [warm_seeds], warm / "claims.duckdb", env, args.max_rss_gb,
             warm / "run.log")
    print(_table_head(HEADER), flush=True)
    results = [s for v in variants for n in args.sizes for s in bench_size(v, n, args, env, docs)]
    print("\nWhere the time goes (task spans from Prefect's database; outside flow: start-up, imports, "
          "Prefect's temporary server, exit)\n" + _table_head(SPLIT))
    print("\n".join(_split_row(s) for s in results if s.status == "ok"))
    for v in variants:
        for n in args.sizes:
            inc = {s.step: s for s in results if s.variant == v and s.articles == n and s.status == "ok"}
            new, only = inc.get(f"+{args.increment}"), inc.get(f"{args.increment} only")
            if new and only:
                print(f"{v} {n:,}: +{args.increment} on the {n:,}-article warehouse took "
                      f"{new.seconds / only.seconds:.2f}x the same articles on an empty one "
                      f"({new.seconds:.1f} s vs {only.seconds:.1f} s)")
    json_path = args.out.with_suffix(".json")
    commit = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    json_path.write_text(json.dumps({"commit": commit, "sizes": args.sizes, "increment": args.increment,
                                     "cores": os.cpu_count(), "steps": [asdict(s) for s in results]}, indent=2))
    print(f"results: {json_path}")


if __name__ == "__main__":
    main()
