"""Measure the cross-article engine (contradictions and revisions) on ECB+ cross-document groups.

Usage (from the project root)::

    .venv/bin/python eval/eval_crossdoc.py --data ../shared/eval

Nothing from the data set is copied into the project: every file is read from ``--data`` at run
time. When ``<data>/ecbplus_public`` (``docs.jsonl`` and ``crossdoc_numeric_groups.jsonl``) is
absent the script prints that it skips and exits 0. Up to ``--max-examples`` examples of each
failure kind are written to ``--failures`` (default ``/tmp/eval_failures/crossdoc_*.txt``),
outside the project.

How the engine is run
---------------------
No Prefect and no Great Expectations: every ECB+ document becomes an :class:`Article` with
``body`` = the document's ``text`` exactly (title and subtitle empty: ECB+'s ``title`` is only the
first sentence of ``text``, so headline lines such as "2 Dead, 1 Wounded in Shooting ..." stay in
the body, where the pair views look). The articles go through ``extract_article`` / ``to_frames``
into an in-memory warehouse with ``warehouse.store_documents``, and the flags are read from the
views the flagging suites check:

* contradiction: a row of ``v_claim_pairs`` with ``not intervals_overlap``;
* revision: a row of ``v_revisions`` with ``not passed`` (any severity).

ECB+ has no publication dates and no story keys. Every document gets the same ``published_at``
(``--published``, default 2020-01-01), so the 7-day publication window never excludes a pair (a
date written in a sentence still sets the claim's own period, and the 7-day period window still
applies to contradictions), and ``story`` = the document's ``seminal_event`` (e.g. ``39_ecb``),
the key ``crossdoc_numeric_groups.jsonl`` groups by. ``--story topic`` uses the topic instead
(``39``: the ECB and ECB+ events of one topic together); some groups link documents of both
events of their topic, which only the topic key can pair. Tags are left empty.

Rules
-----
A *group* is one line of ``crossdoc_numeric_groups.jsonl``; its documents are the ``doc_id`` of its
mentions. Each mention is located in its document: ``text`` is the sentences joined by newlines
(in ``sid`` order), so the sentence's offset is known; inside it the occurrence of
``mention_text`` whose preceding text ends with ``left_context`` is taken (else the first one).
A claim *overlaps* a mention when their end-exclusive character spans share a character.

A flag *links* a group when its two claims come from two different documents of the group
(lenient rule). It links the group *on its mentions* when, in addition, each of the two claims
overlaps one of the group's mentions in its own document (strict rule). Both are reported; the
lenient rule is the headline figure for disagreeing groups (any flag between two of the articles
counts as noticing them), the strict one is the meaningful one for false flags (a lenient flag on
an agreeing group may be a true finding about some other number in the same two articles).

1. Disagreeing groups (``values_disagree`` true): detected when at least one flag links the group.
2. Agreeing groups (``values_disagree`` false): number of flags linking the group (a flag linking
   two groups counts for each) and number of agreeing groups with at least one such flag.
3. Context: all contradiction and revision flags over the corpus, claims, how many group
   mentions are overlapped by any claim and by a *comparable* claim (body section, metric other
   than ``other``, a counted thing): only comparable claims can ever be paired; and how many
   groups the engine compares at all (a ``v_claim_key_pairs`` row whose two claims each overlap
   one of the group's mentions).

Example files: ``crossdoc_missed_disagreeing.txt`` lists each missed disagreeing group's mentions,
the claims overlapping them, and for each cross-document pair of those claims the reason the engine
did not flag it (first key condition that fails, as in ``v_claim_key_pairs``/``v_claim_pairs``/
``v_revisions``); ``crossdoc_detected_disagreeing.txt`` shows the flags that counted a disagreeing
group as detected (to check they are about its mentions); ``crossdoc_false_flags_agreeing.txt``
shows flags between two articles of an agreeing group, round-robin over the groups, with both claims.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from claimledger.extraction.extract import extract_article  # noqa: E402
from claimledger.extraction.frames import to_frames  # noqa: E402
from claimledger.model import Article  # noqa: E402
from claimledger.storage import warehouse  # noqa: E402

WINDOW_DAYS = 7  # v_claim_pairs: periods and publication dates within a week
CLAIM_COLUMNS = ("claim_id", "doc_id", "section", "sentence_idx", "sentence", "char_start", "char_end",
                 "quantity_text", "value_low", "value_high", "qualifier", "is_approximate", "unit", "subject",
                 "metric", "thing", "actor", "place", "period_start", "is_projection")


@dataclass(frozen=True)
class Mention:
    """One group mention located in its document's text."""

    doc_id: str
    sid: int
    text: str
    sentence: str
    start: int  # -1 when it could not be located
    end: int


@dataclass(frozen=True)
class Group:
    """One cross-document group of coreferent numeric mentions."""

    instance_id: str
    descriptor: str
    seminal_event: str
    values: tuple[float, ...]
    disagree: bool
    mentions: tuple[Mention, ...]

    @property
    def docs(self) -> frozenset[str]:
        return frozenset(m.doc_id for m in self.mentions)


@dataclass(frozen=True)
class Flag:
    """A contradiction or revision between two claims."""

    kind: str  # contradiction | revision
    claim_id: str
    related_claim_id: str
    severity: str


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


def locate(doc: dict[str, Any], raw: dict[str, Any]) -> Mention:
    """Offsets of a mention in ``doc['text']`` (sentences joined by newlines in sid order)."""
    offset, sentence = 0, None
    for sent in sorted(doc["sentences"], key=lambda s: s["sid"]):
        if sent["sid"] == raw["sid"]:
            sentence = sent["text"]
            break
        offset += len(sent["text"]) + 1
    text = raw["mention_text"]
    if sentence is None:
        return Mention(raw["doc_id"], raw["sid"], text, raw.get("sentence", ""), -1, -1)
    hits = [i for i in range(len(sentence)) if sentence.startswith(text, i)]
    left = _norm(raw.get("left_context") or "")
    chosen = next((i for i in hits if _norm(sentence[:i]).endswith(left)), hits[0] if hits else -1)
    if chosen < 0:
        return Mention(raw["doc_id"], raw["sid"], text, sentence, -1, -1)
    return Mention(raw["doc_id"], raw["sid"], text, sentence, offset + chosen, offset + chosen + len(text))


def load_groups(path: Path, docs: dict[str, dict[str, Any]]) -> list[Group]:
    groups = []
    for g in read_jsonl(path):
        mentions = tuple(locate(docs[m["doc_id"]], m) for m in g["mentions"] if m["doc_id"] in docs)
        groups.append(Group(g["instance_id"], g["descriptor"], g["seminal_event"],
                            tuple(g.get("distinct_values") or ()), bool(g["values_disagree"]), mentions))
    return groups


def articles(docs: list[dict[str, Any]], story_key: str, published: datetime) -> list[Article]:
    return [Article(doc_id=d["doc_id"], external_id=d["doc_id"], source_path="ecbplus_public/docs.jsonl",
                    title="", subtitle="", body=d["text"], story=str(d[story_key]), published_at=published)
            for d in docs]


def run_engine(arts: list[Article]) -> tuple[Any, float]:
    """Extract and store every article in an in-memory warehouse; the connection and seconds spent."""
    started = time.perf_counter()
    con = warehouse.connect(":memory:")
    warehouse.store_documents(con, arts, to_frames([extract_article(a) for a in arts]), "eval")
    return con, time.perf_counter() - started


def read_flags(con: Any) -> list[Flag]:
    flags = [Flag("contradiction", a, b, "error") for a, b in con.execute(
        "select claim_id, related_claim_id from v_claim_pairs where not intervals_overlap").fetchall()]
    flags += [Flag("revision", a, b, sev) for a, b, sev in con.execute(
        "select claim_id, related_claim_id, severity from v_revisions where not passed").fetchall()]
    return flags


def read_claims(con: Any) -> dict[str, dict[str, Any]]:
    rows = warehouse.query(con, f"select {', '.join(CLAIM_COLUMNS)} from claims")
    origins = dict(con.execute("select claim_id, list(distinct source_origin order by source_origin) "
                               "from claim_sources group by claim_id").fetchall())
    for row in rows:
        row["origins"] = origins.get(row["claim_id"]) or []
    return {row["claim_id"]: row for row in rows}


def overlaps(claim: dict[str, Any], mentions: list[Mention]) -> bool:
    return claim["section"] == "body" and any(
        m.doc_id == claim["doc_id"] and m.start >= 0 and claim["char_start"] < m.end and m.start < claim["char_end"]
        for m in mentions)


def comparable(claim: dict[str, Any]) -> bool:
    """Whether the pair views can see the claim at all (v_claim_key_pairs.bounded)."""
    return claim["section"] == "body" and claim["metric"] != "other" and claim["thing"] is not None


def _interval(c: dict[str, Any]) -> tuple[float, float]:
    scale = 0.10 if c["is_approximate"] and c["qualifier"] != "vague" else 0.0
    low = (c["value_low"] if c["value_low"] is not None else 0.0) * (1 - scale)
    high = (c["value_high"] if c["value_high"] is not None else float("inf")) * (1 + scale)
    return low, high


def why_not_flagged(a: dict[str, Any], b: dict[str, Any], story: dict[str, str]) -> str:
    """The first condition of the pair views that keeps two claims from being flagged."""
    for c in (a, b):
        if not comparable(c):
            return (f"not comparable: '{c['quantity_text']}' has metric={c['metric']}, thing={c['thing']}, "
                    f"section={c['section']}")
    if story[a["doc_id"]] != story[b["doc_id"]]:
        return f"different story ({story[a['doc_id']]} vs {story[b['doc_id']]})"
    checks = [
        (a["metric"] != b["metric"], f"metric differs ({a['metric']} vs {b['metric']})"),
        (a["thing"] != b["thing"] and "*" not in (a["thing"], b["thing"]),
         f"thing differs ({a['thing']} vs {b['thing']})"),
        (a["actor"] is not None and b["actor"] is not None and a["actor"] != b["actor"],
         f"actor differs ({a['actor']} vs {b['actor']})"),
        (a["place"] != b["place"], f"place differs ({a['place']} vs {b['place']})"),
        (bool(a["is_projection"]) != bool(b["is_projection"]), "one is a projection"),
    ]
    for failed, reason in checks:
        if failed:
            return reason
    (alo, ahi), (blo, bhi) = _interval(a), _interval(b)
    if ahi >= blo and bhi >= alo:
        return f"values overlap ([{alo:g}, {ahi:g}] vs [{blo:g}, {bhi:g}])"
    if set(a["origins"]) & set(b["origins"]):
        return "same origin but not a revision row (unexpected)"
    pa, pb = a["period_start"], b["period_start"]
    if pa is None or pb is None or abs((pa - pb).days) > WINDOW_DAYS:
        return f"periods more than {WINDOW_DAYS} days apart ({pa} vs {pb})"
    return "should have been flagged (unexpected)"


def describe(c: dict[str, Any]) -> str:
    value = c["value_low"] if c["value_low"] == c["value_high"] else f"{c['value_low']}..{c['value_high']}"
    return (f"[{c['doc_id']} s{c['sentence_idx']}] '{c['quantity_text']}' value={value} qualifier={c['qualifier']} "
            f"metric={c['metric']} unit={c['unit']} thing={c['thing']} actor={c['actor']} place={c['place']} "
            f"period={c['period_start']} origins={c['origins']} subject={c['subject']!r}\n"
            f"        sentence: {c['sentence']}")


def mention_lines(group: Group) -> list[str]:
    return [f"    mention [{m.doc_id} sid {m.sid}] '{m.text}'"
            f"{'' if m.start >= 0 else ' (NOT LOCATED)'} | {m.sentence}" for m in group.mentions]


def compared(group: Group, key_pairs: list[tuple[str, str]], claims: dict[str, dict[str, Any]]) -> bool:
    """Whether the engine paired two claims on the group's mentions (same key, v_claim_key_pairs)."""
    mentions = list(group.mentions)
    return any(overlaps(claims[a], mentions) and overlaps(claims[b], mentions) for a, b in key_pairs)


def linking(group: Group, flags: list[Flag], claims: dict[str, dict[str, Any]]) -> list[tuple[Flag, bool]]:
    """Flags whose two claims lie in two documents of the group, each with the strict-rule verdict."""
    out = []
    mentions = list(group.mentions)
    for f in flags:
        a, b = claims[f.claim_id], claims[f.related_claim_id]
        if a["doc_id"] != b["doc_id"] and a["doc_id"] in group.docs and b["doc_id"] in group.docs:
            out.append((f, overlaps(a, mentions) and overlaps(b, mentions)))
    return out


def missed_example(group: Group, claims_by_doc: dict[str, list[dict[str, Any]]], story: dict[str, str]) -> str:
    mentions = list(group.mentions)
    lines = [f"== {group.descriptor} ({group.instance_id}, {group.seminal_event}) values={list(group.values)}",
             *mention_lines(group)]
    cands = [c for d in sorted(group.docs) for c in claims_by_doc.get(d, []) if overlaps(c, mentions)]
    if not cands:
        lines.append("    no claim overlaps any mention; claims in the mentions' sentences:")
        sents = {(m.doc_id, m.sentence) for m in mentions}
        cands_in_sentence = [c for d in sorted(group.docs) for c in claims_by_doc.get(d, [])
                             if (c["doc_id"], c["sentence"]) in sents]
        lines += [f"      {describe(c)}" for c in cands_in_sentence] or ["      (none)"]
    else:
        lines += [f"    claim {describe(c)}" for c in cands]
        for a, b in itertools.combinations(cands, 2):
            if a["doc_id"] != b["doc_id"]:
                lines.append(f"    pair '{a['quantity_text']}' ({a['doc_id']}) x '{b['quantity_text']}' "
                             f"({b['doc_id']}): {why_not_flagged(a, b, story)}")
    return "\n".join(lines)


def flag_examples(group: Group, links: list[tuple[Flag, bool]], claims: dict[str, dict[str, Any]]) -> str:
    """The group's mentions once, then each flag with both claims."""
    lines = [f"== {group.descriptor} ({group.instance_id}, {group.seminal_event}) values={list(group.values)}",
             *mention_lines(group)]
    for flag, strict in links:
        on_mentions = "yes" if strict else "no"
        lines += [f"  -- {flag.kind} ({flag.severity}); both claims on the group's mentions: {on_mentions}",
                  f"    claim   {describe(claims[flag.claim_id])}",
                  f"    related {describe(claims[flag.related_claim_id])}"]
    return "\n".join(lines)


Links = list[tuple[Flag, bool]]


def spread(per_group: list[tuple[Group, Links]], limit: int) -> list[tuple[Group, Links]]:
    """At most `limit` flags, taken round-robin over the groups (flags on the mentions first in each)."""
    queues = [(g, sorted(links, key=lambda fs: not fs[1])) for g, links in per_group if links]
    taken: dict[str, Links] = defaultdict(list)
    for rank in range(max((len(q) for _, q in queues), default=0)):
        for g, queue in queues:
            if rank < len(queue) and sum(map(len, taken.values())) < limit:
                taken[g.instance_id].append(queue[rank])
    return [(g, taken[g.instance_id]) for g, _ in queues if taken[g.instance_id]]


def write_examples(folder: Path, name: str, title: str, examples: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"crossdoc_{name}.txt"
    path.write_text(f"{title}\n\n" + ("\n\n".join(examples) if examples else "(none)") + "\n", encoding="utf-8")
    return path


def pct(n: int, d: int) -> str:
    return f"{100 * n / d:.1f}%" if d else "n/a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval",
                        help="folder holding ecbplus_public/ (default ../shared/eval)")
    parser.add_argument("--failures", type=Path, default=Path("/tmp/eval_failures"),
                        help="folder for crossdoc_*.txt example files (keep it outside the project)")
    parser.add_argument("--max-examples", type=int, default=15)
    parser.add_argument("--story", choices=("seminal_event", "topic"), default="seminal_event",
                        help="document field used as the article's story key")
    parser.add_argument("--published", type=date.fromisoformat, default=date(2020, 1, 1),
                        help="publication date given to every document (ECB+ has none)")
    args = parser.parse_args(argv)

    folder = args.data / "ecbplus_public"
    docs_path, groups_path = folder / "docs.jsonl", folder / "crossdoc_numeric_groups.jsonl"
    if not (docs_path.is_file() and groups_path.is_file()):
        print(f"skipped: {docs_path} or {groups_path} not found")
        return 0

    started = time.perf_counter()
    docs = read_jsonl(docs_path)
    by_id = {d["doc_id"]: d for d in docs}
    groups = load_groups(groups_path, by_id)
    published = datetime.combine(args.published, datetime.min.time())
    con, engine_seconds = run_engine(articles(docs, args.story, published))
    flags = read_flags(con)
    claims = read_claims(con)
    story = {d["doc_id"]: str(d[args.story]) for d in docs}
    claims_by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in sorted(claims.values(), key=lambda c: (c["doc_id"], c["char_start"])):
        claims_by_doc[c["doc_id"]].append(c)

    disagree = [g for g in groups if g.disagree]
    agree = [g for g in groups if not g.disagree]
    disagree_links = [(g, linking(g, flags, claims)) for g in disagree]
    agree_links = [(g, linking(g, flags, claims)) for g in agree]
    detected = sum(bool(links) for _, links in disagree_links)
    strict_detected = sum(any(s for _, s in links) for _, links in disagree_links)
    missed = [missed_example(g, claims_by_doc, story) for g, links in disagree_links if not links]
    n_flags = sum(len(links) for _, links in agree_links)
    n_strict = sum(s for _, links in agree_links for _, s in links)
    groups_flagged = sum(bool(links) for _, links in agree_links)
    groups_strict = sum(any(s for _, s in links) for _, links in agree_links)

    all_mentions = [m for g in groups for m in g.mentions]
    located = [m for m in all_mentions if m.start >= 0]
    covered = [m for m in located if any(overlaps(c, [m]) for c in claims_by_doc.get(m.doc_id, []))]
    covered_cmp = [m for m in located
                   if any(comparable(c) and overlaps(c, [m]) for c in claims_by_doc.get(m.doc_id, []))]
    n_contra = sum(f.kind == "contradiction" for f in flags)
    n_rev = sum(f.kind == "revision" for f in flags)
    n_warn = sum(f.kind == "revision" and f.severity == "warning" for f in flags)
    n_comparable = sum(comparable(c) for c in claims.values())
    key_pairs = [(a, b) for a, b in con.execute("select claim_id, related_claim_id from v_claim_key_pairs").fetchall()]
    n_key_pairs = len(key_pairs)
    compared_dis = sum(compared(g, key_pairs, claims) for g in disagree)
    compared_agr = sum(compared(g, key_pairs, claims) for g in agree)

    print(f"ECB+ cross-article engine (story = {args.story}, every published_at = {args.published})")
    print(f"  documents {len(docs)}, groups {len(groups)} ({len(disagree)} disagreeing, {len(agree)} agreeing)")
    print(f"1. disagreeing groups: {len(disagree)}; detected (flag between two group articles): {detected} "
          f"({pct(detected, len(disagree))}); on the group's mentions: {strict_detected} "
          f"({pct(strict_detected, len(disagree))})")
    print(f"2. agreeing groups: {len(agree)}; flags between two group articles: {n_flags} "
          f"in {groups_flagged} group(s); on the group's mentions: {n_strict} in {groups_strict} group(s)")
    print(f"3. corpus: contradiction flags {n_contra}, revision flags {n_rev} ({n_warn} warning); "
          f"claims {len(claims)} ({n_comparable} comparable), same-key cross-article pairs {n_key_pairs}")
    print(f"   group mentions located {len(located)}/{len(all_mentions)}; overlapped by a claim "
          f"{len(covered)} ({pct(len(covered), len(located))}), by a comparable claim {len(covered_cmp)} "
          f"({pct(len(covered_cmp), len(located))})")
    print(f"   groups whose mentions the engine pairs (same-key claims on two mentions): "
          f"disagreeing {compared_dis}/{len(disagree)}, agreeing {compared_agr}/{len(agree)}")
    paths = [
        write_examples(args.failures, "missed_disagreeing",
                       "Disagreeing groups with no contradiction/revision flag between two of their articles",
                       missed[:args.max_examples]),
        write_examples(args.failures, "detected_disagreeing",
                       "Flags that count a disagreeing group as detected (check that they are about its mentions)",
                       [flag_examples(g, links, claims) for g, links in spread(disagree_links, args.max_examples)]),
        write_examples(args.failures, "false_flags_agreeing",
                       "Contradiction/revision flags between two articles of an agreeing group "
                       f"(at most {args.max_examples}, round-robin over the groups)",
                       [flag_examples(g, links, claims) for g, links in spread(agree_links, args.max_examples)]),
    ]
    print(f"   examples: {', '.join(str(p) for p in paths)}")
    print(f"   engine (extract + store) {engine_seconds:.1f}s, total {time.perf_counter() - started:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
