"""Score the claim extractor against public evaluation sets read at run time.

Usage (from the project root)::

    .venv/bin/python eval/run_eval.py --data ../shared/eval

Nothing from the data sets is copied into the project: every file is read from ``--data`` at run
time. A missing folder or data set is reported as skipped and the script still exits 0. Up to
``--max-failures`` example failures per metric are written to ``--failures`` (default
``/tmp/eval_failures/<metric>.txt``), outside the project.

Metrics and their rules
-----------------------
Values are compared with :func:`close` (equal within 1e-6 relative; exact for 0). A quantity whose
``unit_hint`` is ``percent`` is also compared as a fraction ("2 in 5" read as 40 percent matches a
gold 0.4). Two spans *overlap* when they share at least one character (end-exclusive offsets).

1. ``number`` (recognizers_text_en/number.jsonl) -- recall of expected numbers. An expected item
   with a numeric ``value`` is found when some quantity from ``scan_quantities(text)`` overlaps its
   span and has ``value_low``, ``value_high`` or ``number_value`` close to the value. Items without
   a numeric value are skipped. ``percent`` (percent.jsonl) is scored the same way, with
   ``unit_hint == "percent"`` also required (informational row, no target).
2. ``number_range`` (number_range.jsonl) -- an expected range is found when an overlapping quantity
   has the same low and high bound values. Inclusivity is ignored ("between 20 and 30" is [20, 30)
   in the gold, inclusive in ours). An open expected end (null) must be ``None`` in ours, and a
   closed one must be a number close to it.
3. ``quantulum count-like`` (quantulum3_en/quantities.jsonl) -- expected quantities whose unit is
   ``dimensionless`` (or empty) or a count unit (``dozen``, ``baker's dozen``, ``gross``, whose
   gold value is multiplied out: "a dozen" = 12). Rates ("count per week", "dollar per hour"),
   physical units (metre, second, kg, eV, byte, ...), money and percent are not count-like. Among
   dimensionless items, numbers that are not counts in news are left out: a 4-digit integer
   1800..2100 written in digits (a year) and a number glued to a preceding name or code
   ("English 101", "South 32 Ltd", "i7 860": previous token capitalised or alphanumeric, and
   not sentence-initial). A count-like item is found when an overlapping quantity has
   ``value_low``, ``value_high``, ``number_value`` or the midpoint of its bounds close to the value
   (quantulum gives "7 to 10" as 8.5). ``quantulum money/percent`` scores the currency and
   ``percentage`` items the same way (informational row, no target).
   ``quantulum no-crash`` (no_crash_inputs.jsonl) counts inputs on which ``scan_quantities`` or
   ``extract_article`` raises; it must be 0. ``crashes (all sets)`` counts every exception raised
   by the extractor on any other input of this script.
4. PolNeAR (polnear_train/articles_with_attributions.jsonl) -- every record (article x annotator)
   is run through ``extract_article`` with the record's ``text`` as body. A claim is *inside* a
   content when its first character (``char_start``) lies in one of the content's spans.
   (a) ``attribution accuracy``: over claims inside the content of at least one attribution that
       has an annotated source, the share where one of our sources matches the source of one of
       those enclosing attributions (lenient for nested attributions). A source matches when our
       ``source_text`` or ``source_canonical`` shares a content word with the annotated source text
       (lower-cased alphanumeric words of 2+ letters, stop words removed), or when the annotated
       source has no content word (a pronoun: "he", "they", "we") and we give any source.
   (b) ``unsourced precision``: of the claims we leave with no source, the share not inside the
       content of any attribution that has an annotated source (sourceless passive attributions,
       "it has been well documented that ...", do not count against us).
   (c) ``numeric-content recall``: of annotated contents (all attributions) holding a number, the
       share with at least one claim inside. A content holds a number when, after removing years
       (1800..2100 in digits), month-day dates ("Nov. 8"), times ("10:30", "7 p.m."), ages
       ("29-years-old"), ordinals (1st, 21st), decades ('80s), URLs and codes with letters before digits
       ("AR-15", "G4S", "K-12"),
       it still has a digit or a number word (two..nineteen, the tens, hundred, thousand, million,
       billion, trillion, dozen(s); "one" is left out: in political prose it is mostly a pronoun).
       ``numeric-content recall (literal)`` is the same with any digit or number word including
       "one" (informational row).
5. ``ECB+ people counts`` (ecbplus_public) -- each mention is located in its document's text by its
   sentence (found in order of ``sid``) and ``mention_text`` (the occurrence whose left context
   matches). A mention is a *people count* when, after an optional determiner or possessive
   ("the", "village's") and qualifier ("more than", "at least", "about"), it starts with a cardinal
   number: digits, number words or a vague count word (several, dozens, hundreds, thousands,
   millions). Left out: ages ("37-year-old", "15 year old"), years (1800..2100 in digits),
   numbers followed only by capitalised words (names: "ONE News", "8 Block", "2008 Chiefs"), a bare
   "one" used as a pronoun ("one of ...", or a bare "one" after "the"/"another" and at most one more
   word: "the one who fired", "the leading one"), and a bare number tagged
   HUMAN_PART_ORG ("called 911"). Names, ordinals ("12th Doctor", "No. 2 official"), "no one",
   "mother of 12" and "Kirkpatrick, 61" do not start with a cardinal. A people count is found when
   ``extract_article(doc text as body)`` yields a claim whose span overlaps the mention and, when the
   mention has an exact value, whose ``value_low`` or ``value_high`` is close to it (vague words
   only need the overlap).
6. ``speed`` -- MB (UTF-8 bytes / 1e6) of PolNeAR texts per second of ``extract_article`` alone
   (``time.perf_counter`` around each call, best of three per text; one process, one core). ECB+ texts are used when
   PolNeAR is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

try:
    from claimledger.extraction.extract import extract_article, scan_quantities
    from claimledger.extraction.quantities import Quantity
    from claimledger.model import Article, Claim
except ImportError:  # run without the package installed: use the project's src/ tree
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from claimledger.extraction.extract import extract_article, scan_quantities
    from claimledger.extraction.quantities import Quantity
    from claimledger.model import Article, Claim

Record = dict[str, Any]


# --------------------------------------------------------------------------- results


@dataclass
class Metric:
    """One row of the final table and its example failures."""

    key: str
    name: str
    target: float | None = None
    n: int = 0
    hits: int = 0
    failures: list[str] = field(default_factory=list)
    fail_count: int = 0
    note: str = ""
    kind: str = "share"  # "share" (hits / n), "count" (hits is a count) or "rate" (value is MB/s)
    value: float | None = None
    skipped: str | None = None

    def add(self, ok: bool) -> bool:
        """Count one scored item; returns ok so a caller can describe a failure."""
        self.n += 1
        if ok:
            self.hits += 1
        else:
            self.fail_count += 1
        return ok

    def example(self, text: str) -> None:
        """Keep the description of a failure already counted by :meth:`add`."""
        self.failures.append(text)

    def fail(self, text: str) -> None:
        """Record a failure example without scoring an item (crash counters, extra evidence)."""
        self.fail_count += 1
        self.failures.append(text)

    @property
    def score(self) -> float | None:
        if self.kind == "rate":
            return self.value
        if self.kind == "count":
            return float(self.hits)
        return 100.0 * self.hits / self.n if self.n else None

    def passed(self) -> bool | None:
        score = self.score
        if self.target is None or score is None or self.skipped:
            return None
        if self.kind == "count":
            return score <= self.target
        return score >= self.target


# --------------------------------------------------------------------------- helpers


def close(a: float | None, b: float | None) -> bool:
    """Two numbers are equal within 1e-6 relative (exactly, for 0)."""
    if a is None or b is None:
        return False
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b))


def overlaps(s1: int, e1: int, s2: int, e2: int) -> bool:
    """Whether [s1, e1) and [s2, e2) share a character."""
    return s1 < e2 and s2 < e1


def is_number(x: object) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool)


def read_jsonl(path: Path) -> Iterator[Record]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def snippet(text: str, start: int, end: int, width: int = 70) -> str:
    """Text around [start, end) with the span in [[brackets]], on one line."""
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    return " ".join(f"…{left}[[{text[start:end]}]]{right}…".split())


def values_of(q: Quantity) -> list[float | None]:
    """The values a quantity can be compared on: bounds, number value, and a percent as a fraction."""
    values = [q.value_low, q.value_high, q.number_value]
    if q.unit_hint == "percent":
        values += [v / 100 for v in values if v is not None]
    return values


def describe(q: Quantity, text: str) -> str:
    return (f"{text[q.start:q.end]!r}@{q.start}-{q.end} low={q.value_low} high={q.value_high} "
            f"num={q.number_value} {q.qualifier} unit={q.unit_hint}")


def article(doc_id: str, text: str) -> Article:
    return Article(doc_id=doc_id, external_id=doc_id, source_path="eval", title="", subtitle="", body=text,
                   published_at=None)


class Extractor:
    """Runs the extractor, timing ``extract_article`` and counting crashes."""

    def __init__(self, crashes: Metric) -> None:
        self.crashes = crashes
        self.seconds = 0.0
        self.bytes = 0
        self.docs = 0
        self.calls = 0

    def scan(self, text: str, where: str) -> list[Quantity]:
        self.calls += 1
        try:
            return scan_quantities(text)
        except Exception as exc:  # noqa: BLE001 - a crash is a result here
            self.crashes.fail(f"scan_quantities raised {exc!r} on {where}: {text[:200]!r}")
            self.crashes.hits += 1
            return []

    def claims(self, doc_id: str, text: str, *, timed: bool = False) -> list[Claim]:
        art = article(doc_id, text)
        self.calls += 1
        t0 = time.perf_counter()
        try:
            found = extract_article(art).claims
        except Exception as exc:  # noqa: BLE001
            self.crashes.fail(f"extract_article raised {exc!r} on {doc_id}: {text[:200]!r}")
            self.crashes.hits += 1
            return []
        if timed:
            # Best of three per text: the speed of the code, not of whatever else shares the machine.
            best = time.perf_counter() - t0
            for _ in range(2):
                t1 = time.perf_counter()
                extract_article(art)
                best = min(best, time.perf_counter() - t1)
            self.seconds += best
            self.bytes += len(text.encode("utf-8"))
            self.docs += 1
        return [c for c in found if c.section == "body"]


def _formatted(value: float, kind: str, *, digits: bool) -> str:
    """A score or target as the table shows it: MB/s, a count, or a percentage."""
    if kind == "rate":
        return f"{value:.3f} MB/s" if digits else f"{value:g} MB/s"
    if kind == "count":
        return f"{int(value)}" if digits else f"{value:g}"
    return f"{value:.1f} %" if digits else f"{value:g} %"


def spread(items: list[str], k: int) -> list[str]:
    """Up to k items evenly spaced over the list (deterministic, avoids one article dominating)."""
    if len(items) <= k:
        return items
    step = len(items) / k
    return [items[int(i * step)] for i in range(k)]


# --------------------------------------------------------------------------- 1-2: Recognizers-Text


def eval_number(path: Path, ex: Extractor, metric: Metric, *, unit: str | None = None) -> None:
    """Recall of expected numbers (or percents when unit="percent") at an overlapping span."""
    for rec in read_jsonl(path):
        text = rec["text"]
        qs = ex.scan(text, rec["id"])
        for exp in rec["expected"]:
            value = exp.get("value")
            if not is_number(value):
                continue
            hit = any(
                overlaps(q.start, q.end, exp["start"], exp["end"])
                and any(close(v, float(value)) for v in values_of(q))
                and (unit is None or q.unit_hint == unit)
                for q in qs
            )
            if not metric.add(hit):
                metric.example(f"{rec['id']}: expected {exp['surface']!r}@{exp['start']}-{exp['end']} = {value}\n"
                               f"    text: {text!r}\n    ours: {[describe(q, text) for q in qs] or 'nothing'}")


def bound_ok(expected: float | None, ours: float | None) -> bool:
    if expected is None:
        return ours is None
    return close(ours, float(expected))


def bounds_of(q: Quantity) -> list[tuple[float | None, float | None]]:
    """A quantity's (low, high) bounds, plus the same as fractions for a percent."""
    pairs = [(q.value_low, q.value_high)]
    if q.unit_hint == "percent":
        pairs.append((None if q.value_low is None else q.value_low / 100,
                      None if q.value_high is None else q.value_high / 100))
    return pairs


def eval_range(path: Path, ex: Extractor, metric: Metric) -> None:
    """Expected ranges found with the same low and high bound values."""
    for rec in read_jsonl(path):
        text = rec["text"]
        qs = ex.scan(text, rec["id"])
        for exp in rec["expected"]:
            hit = any(
                overlaps(q.start, q.end, exp["start"], exp["end"])
                and any(bound_ok(exp["low"], lo) and bound_ok(exp["high"], hi) for lo, hi in bounds_of(q))
                for q in qs
            )
            if not metric.add(hit):
                metric.example(f"{rec['id']}: expected {exp['surface']!r}@{exp['start']}-{exp['end']} "
                               f"low={exp['low']} high={exp['high']} ({exp['qualifier']})\n    text: {text!r}\n"
                               f"    ours: {[describe(q, text) for q in qs] or 'nothing'}")


# --------------------------------------------------------------------------- 3: quantulum3

COUNT_UNITS = {"dimensionless": 1.0, "": 1.0, "dozen": 12.0, "baker's dozen": 13.0, "gross": 144.0}
MONEY_PERCENT_UNITS = {"dollar", "euro", "pound sterling", "penny", "cent", "dime", "percentage"}
_TOKEN = re.compile(r"\S+")


def _not_a_count(text: str, exp: Record) -> str | None:
    """Why a dimensionless quantulum item is not a count in news (year, code), else None."""
    surface = exp["surface"].strip()
    if re.fullmatch(r"\d{4}", surface) and 1800 <= int(surface) <= 2100:
        return "year"
    before = text[:exp["start"]]
    prev = _TOKEN.findall(re.split(r"[.!?]\s", before)[-1])
    if prev:
        word = prev[-1].strip("—–-\"'(")
        sentence_initial = len(prev) == 1 and word == prev[0]
        if word and (word[0].isupper() or (any(c.isdigit() for c in word) and any(c.isalpha() for c in word))) \
                and not sentence_initial:
            return "name or code"
    return None


def eval_quantulum(path: Path, ex: Extractor, counts: Metric, money: Metric) -> None:
    """Count-like and money/percent quantulum items found with the right value."""
    for rec in read_jsonl(path):
        text = rec["text"]
        qs = ex.scan(text, rec["id"])
        for exp in rec["expected"]:
            unit = exp.get("unit") or ""
            if unit in COUNT_UNITS:
                if unit in ("dimensionless", "") and _not_a_count(text, exp):
                    continue
                metric, value = counts, float(exp["value"]) * COUNT_UNITS[unit]
            elif unit in MONEY_PERCENT_UNITS:
                metric, value = money, float(exp["value"])
            else:
                continue
            hit = False
            for q in qs:
                if not overlaps(q.start, q.end, exp["start"], exp["end"]):
                    continue
                candidates = values_of(q)
                if q.value_low is not None and q.value_high is not None:
                    candidates.append((q.value_low + q.value_high) / 2)
                if any(close(v, value) for v in candidates):
                    hit = True
            if not metric.add(hit):
                metric.example(f"{rec['id']}: expected {exp['surface']!r}@{exp['start']}-{exp['end']} = {value} "
                               f"({exp.get('unit')})\n    text: {text!r}\n"
                               f"    ours: {[describe(q, text) for q in qs] or 'nothing'}")


def eval_no_crash(path: Path, metric: Metric) -> None:
    """Inputs on which scan_quantities or extract_article raises (hits = number of crashing inputs)."""
    for rec in read_jsonl(path):
        text = rec["text"]
        errors = []
        try:
            scan_quantities(text)
        except Exception as exc:  # noqa: BLE001
            errors.append(f"scan_quantities raised {exc!r}")
        try:
            extract_article(article(rec["id"], text))
        except Exception as exc:  # noqa: BLE001
            errors.append(f"extract_article raised {exc!r}")
        metric.n += 1
        if errors:
            metric.hits += 1
            metric.fail(f"{rec['id']}: {text!r}: {'; '.join(errors)}")


# --------------------------------------------------------------------------- 4: PolNeAR

STOP_WORDS = frozenset("""the a an of and or in on at to for by with from as his her its their our my your this that
these those who which whom whose mr mrs ms dr sen rep gov said says according is was are were be been has have
had not no new former other some many""".split())
PRONOUNS = frozenset("""i me you he him she her it we us they them his its their our my your one someone somebody
anyone everyone nobody who whom which that this these those there myself yourself himself herself itself
ourselves themselves""".split())
_WORD = re.compile(r"[a-z0-9]+")


def content_words(text: str) -> set[str]:
    words = _WORD.findall(text.lower().replace("’", "'").replace("'s", ""))
    return {w for w in words if len(w) >= 2 and w not in STOP_WORDS and w not in PRONOUNS}


def source_matches(annotated: str, claim: Claim) -> bool:
    """Whether one of our sources matches the annotated source text (content word or pronoun rule)."""
    if not claim.sources:
        return False
    gold = content_words(annotated)
    if not gold:
        return True  # a pronoun (or an empty phrase): any source of ours is accepted
    return any(gold & (content_words(s.source_text) | content_words(s.source_canonical)) for s in claim.sources)


NUMBER_WORDS = frozenset("""two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds
thousand thousands million millions billion billions trillion trillions dozen dozens""".split())
_MONTH = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|"
          r"august|september|october|november|december)\.?")
_NOT_QUANTITY = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTH}|\b(?:18|19|20)\d\d(?:s|'s)?\b|\b\d{{1,2}}:\d\d\b"
    r"|\b\d+(?:st|nd|rd|th)\b|\b\d{1,2}(?::\d\d)?\s*[ap]\.?m\b\.?|\b\d+[\s-]*years?[\s-]*old\b"
    r"|\bhttps?://\S+|\b[A-Za-z]+-?\d[\w-]*|['’]\d0s\b", re.IGNORECASE)
_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(sorted(NUMBER_WORDS)) + r")\b", re.IGNORECASE)


def numeric_content(text: str) -> bool:
    """A content holds a number (years, dates, times, ordinals and "one" excluded)."""
    cleaned = _NOT_QUANTITY.sub(" ", text)
    return bool(re.search(r"\d", cleaned) or _NUMBER_WORD.search(cleaned))


def numeric_content_literal(text: str) -> bool:
    return bool(re.search(r"\d", text) or re.search(r"\bone\b", text, re.IGNORECASE) or _NUMBER_WORD.search(text))


def _spans(part: Record | None) -> list[tuple[int, int]]:
    if not part:
        return []
    return [(int(s), int(e)) for s, e in part.get("spans") or []]


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _text(attribution: Record, part: str) -> str:
    """The text of an attribution's source, cue or content ("" when absent)."""
    return str((attribution.get(part) or {}).get("text") or "")


def _sources_repr(claim: Claim) -> str:
    return repr([(s.source_text, s.source_canonical, s.cue, s.scope) for s in claim.sources]) or "[]"


def eval_polnear(path: Path, ex: Extractor, accuracy: Metric, unsourced: Metric, recall: Metric,
                 recall_literal: Metric, limit: int | None) -> None:
    """Attribution accuracy, unsourced precision and numeric-content recall on PolNeAR."""
    for idx, rec in enumerate(read_jsonl(path)):
        if limit is not None and idx >= limit:
            break
        text = rec["text"]
        doc = f"{rec['article']}#{rec.get('annotator', idx)}"
        claims = ex.claims(doc, text, timed=True)
        attributions = [(a, _spans(a.get("content")), _spans(a.get("source"))) for a in rec["attributions"]]
        sourced = [(a, c) for a, c, s in attributions if s and c]
        for claim in claims:
            enclosing = [a for a, c in sourced if _inside(claim.char_start, c)]
            where = snippet(text, claim.char_start, claim.char_end)
            if enclosing:
                ok = any(source_matches(a["source"]["text"], claim) for a in enclosing)
                if not accuracy.add(ok):
                    accuracy.example(
                        f"{doc}: claim {claim.quantity_text!r}\n    text: {where}\n    ours: {_sources_repr(claim)}\n"
                        + "\n".join(f"    gold: source={a['source']['text']!r} cue={_text(a, 'cue')!r}"
                                    f" content={_text(a, 'content')[:160]!r}" for a in enclosing))
            if not claim.sources:
                if not unsourced.add(not enclosing):
                    unsourced.example(
                        f"{doc}: unsourced claim {claim.quantity_text!r}\n    text: {where}\n"
                        + "\n".join(f"    gold: source={a['source']['text']!r} cue={_text(a, 'cue')!r}"
                                    for a in enclosing))
        for att, content, _ in attributions:
            body = _text(att, "content")
            if not content:
                continue
            found = [c for c in claims if _inside(c.char_start, content)]
            if numeric_content(body):
                if not recall.add(bool(found)):
                    recall.example(
                        f"{doc}: content with a number, no claim inside\n    source={_text(att, 'source')!r}"
                        f" cue={_text(att, 'cue')!r}\n    content: "
                        + " | ".join(" ".join(text[s:e].split()) for s, e in content)[:400])
            if numeric_content_literal(body):
                recall_literal.add(bool(found))


# --------------------------------------------------------------------------- 5: ECB+

CARDINAL_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
VAGUE_COUNTS = frozenset("several dozens hundreds thousands millions billions scores".split())
DETERMINERS = frozenset("the a an all another these those".split())
QUALIFIERS = ("more than", "at least", "at most", "up to", "fewer than", "less than", "nearly", "almost", "about",
              "approximately", "around", "roughly", "over", "some")


@dataclass
class PeopleCount:
    """A people-count mention: where it is and the value it states (None for vague words)."""

    value: float | None
    words: str


def _cardinal_value(words: list[str]) -> tuple[float | None, int] | None:
    """Value and length of the cardinal at the start of words; value None for vague counts."""
    if not words:
        return None
    first = words[0].lower().strip("–—-,")
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", first):
        value, used = float(first.replace(",", "")), 1
    elif first in CARDINAL_WORDS:
        value, used = float(CARDINAL_WORDS[first]), 1
    elif first in VAGUE_COUNTS:
        return None, 1
    else:
        return None
    while used < len(words):  # "two hundred", "three million"
        nxt = words[used].lower()
        if nxt in SCALES:
            value *= SCALES[nxt]
        elif nxt in CARDINAL_WORDS and value >= 20 and CARDINAL_WORDS[nxt] < 10:
            value += CARDINAL_WORDS[nxt]
        else:
            break
        used += 1
    return value, used


def people_count(mention: Record) -> PeopleCount | None:
    """The people count a mention states, or None when it is not one (rules in the module docstring)."""
    text = mention["mention_text"]
    if re.search(r"year\s*-?\s*olds?\b|years?\s*-?\s*old\b", text + " " + mention["right_context"][:20],
                 re.IGNORECASE):
        return None  # an age: "37-year-old", "15 year old"
    words = text.split()
    while words and (words[0].lower() in DETERMINERS or re.fullmatch(r"\w+['’]s", words[0])):
        words = words[1:]
    lowered = " ".join(words).lower()
    for q in QUALIFIERS:
        if lowered.startswith(q + " "):
            words = words[len(q.split()):]
            break
    parsed = _cardinal_value(words)
    if parsed is None:
        return None
    value, used = parsed
    first = words[0].strip("–—-,")
    if re.fullmatch(r"\d{4}", first) and 1800 <= int(first) <= 2100:
        return None  # a year: "2008 Chiefs"
    rest = [w for w in words[used:] if re.search(r"[A-Za-z]", w)]
    if rest and all(w[0].isupper() for w in rest):
        return None  # a name: "ONE News", "8 Block"
    bare = not rest
    if first.lower() == "one" and (
            re.match(r"\s*of\b", " ".join(words[used:]) or mention["right_context"], re.IGNORECASE)
            or (bare and re.search(r"\b(?:the|another)\s+(?:\w+\s+)?$", mention["left_context"] + " ",
                                   re.IGNORECASE))):
        return None  # pronoun "one": "one of the girls", "the one who fired", "the leading one"
    if bare and mention["tag"] == "HUMAN_PART_ORG":
        return None  # "called 911"
    return PeopleCount(value, " ".join(words))


def _norm(s: str) -> str:
    return " ".join(s.split())


def locate_mention(sent_start: int, sentence: str, mention: Record) -> tuple[int, int] | None:
    """Offsets of the mention in the doc text, choosing the occurrence whose left context matches."""
    needle = mention["mention_text"]
    occurrences = [m.start() for m in re.finditer(re.escape(needle), sentence)]
    if not occurrences:
        return None
    left = _norm(mention["left_context"])
    best = occurrences[0]
    for pos in occurrences:
        if _norm(sentence[:pos]).endswith(left):
            best = pos
            break
    return sent_start + best, sent_start + best + len(needle)


def sentence_offsets(doc: Record) -> dict[int, tuple[int, str]]:
    """Start offset in the doc text of each sentence, found in sid order."""
    text, pos, out = doc["text"], 0, {}
    for sent in sorted(doc["sentences"], key=lambda s: s["sid"]):
        at = text.find(sent["text"], pos)
        if at < 0:
            at = text.find(sent["text"])
        if at >= 0:
            out[sent["sid"]] = (at, sent["text"])
            pos = at + len(sent["text"])
    return out


def locate_in_doc(doc: Record, mention: Record) -> tuple[tuple[int, int], tuple[int, str]] | None:
    """The mention's span in the doc text and its sentence (start, text), or None when not found."""
    sentence = sentence_offsets(doc).get(mention["sid"])
    if sentence is None:
        return None
    span = locate_mention(sentence[0], sentence[1], mention)
    return (span, sentence) if span else None


def eval_ecbplus(folder: Path, ex: Extractor, metric: Metric, speed_from_ecb: bool) -> None:
    """Share of people-count mentions found as claims with the right value."""
    mentions = list(read_jsonl(folder / "numeric_participant_mentions.jsonl"))
    wanted = {m["doc_id"] for m in mentions}
    docs = {d["doc_id"]: d for d in read_jsonl(folder / "docs.jsonl")
            if speed_from_ecb or d["doc_id"] in wanted}
    claims: dict[str, list[Claim]] = {}
    for doc_id, doc in docs.items():
        claims[doc_id] = ex.claims(doc_id, doc["text"], timed=speed_from_ecb)
    skipped = 0
    for m in mentions:
        count = people_count(m)
        if count is None:
            skipped += 1
            continue
        found_doc = docs.get(m["doc_id"])
        located = locate_in_doc(found_doc, m) if found_doc else None
        if found_doc is None or located is None:
            metric.add(False)
            metric.example(f"{m['doc_id']} sid={m['sid']}: could not locate {m['mention_text']!r}")
            continue
        doc = found_doc
        (s, e), (start, sent_text) = located
        near = [c for c in claims[m["doc_id"]] if overlaps(c.char_start, c.char_end, s, e)]
        ok = any(count.value is None or close(c.value_low, count.value) or close(c.value_high, count.value)
                 for c in near)
        sent_claims = [c for c in claims[m["doc_id"]] if c.char_start < start + len(sent_text) and c.char_end > start]
        if not metric.add(ok):
            metric.example(
                f"{m['doc_id']} sid={m['sid']}: {m['mention_text']!r} value={count.value} tag={m['tag']}\n"
                f"    text: {snippet(doc['text'], s, e)}\n    ours in sentence: "
                + repr([(c.quantity_text, c.value_low, c.value_high, c.qualifier, c.metric) for c in sent_claims])
                + ("" if near else "  (none overlapping)"))
    metric.note = f"{skipped} of {len(mentions)} mentions are not people counts"


# --------------------------------------------------------------------------- main


def write_failures(folder: Path, metrics: list[Metric], k: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for m in metrics:
        if m.kind == "rate" or m.skipped:
            continue
        path = folder / f"{m.key}.txt"
        chosen = spread(m.failures, k)
        header = f"# {m.name}: {m.fail_count} failures of {m.n} scored; {len(chosen)} examples below\n\n"
        path.write_text(header + "\n\n".join(chosen) + ("\n" if chosen else ""), encoding="utf-8")


def print_table(metrics: list[Metric]) -> None:
    rows = [("metric", "n", "score", "target", "")]
    for m in metrics:
        if m.skipped:
            rows.append((m.name, "-", "skipped", "-", ""))
            continue
        shown = "n/a" if m.score is None else _formatted(m.score, m.kind, digits=True)
        target = "-" if m.target is None else _formatted(m.target, m.kind, digits=False)
        verdict = {True: "ok", False: "BELOW", None: ""}[m.passed()]
        rows.append((m.name, str(m.n), shown, target, verdict))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    for i, r in enumerate(rows):
        print("  ".join(c.ljust(w) if j == 0 else c.rjust(w) for j, (c, w) in enumerate(zip(r, widths, strict=True))))
        if i == 0:
            print("  ".join("-" * w for w in widths))
    notes = [f"  {m.name}: {m.note}" for m in metrics if m.note and not m.skipped]
    if notes:
        print("notes:")
        print("\n".join(notes))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/eval"), help="folder of the public eval sets")
    parser.add_argument("--failures", type=Path, default=Path("/tmp/eval_failures"),
                        help="folder for example failures (outside the project)")
    parser.add_argument("--max-failures", type=int, default=15, help="examples written per metric")
    parser.add_argument("--polnear-limit", type=int, default=None, help="score only the first N PolNeAR records")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()

    if not args.data.is_dir():
        print(f"skipped: eval data folder {args.data} not found")
        return 0

    crashes = Metric("crashes_all_sets", "crashes (all sets)", 0, kind="count")
    ex = Extractor(crashes)
    number = Metric("number", "recognizers number", 90)
    percent = Metric("percent", "recognizers percent", None)
    number_range = Metric("number_range", "recognizers number_range", 85)
    q_count = Metric("quantulum_count", "quantulum count-like", 85)
    q_money = Metric("quantulum_money_percent", "quantulum money/percent", None)
    q_crash = Metric("quantulum_no_crash", "quantulum no-crash (crashes)", 0, kind="count")
    pn_acc = Metric("polnear_attribution", "PolNeAR attribution accuracy", 85)
    pn_unsourced = Metric("polnear_unsourced_precision", "PolNeAR unsourced precision", 80)
    pn_recall = Metric("polnear_numeric_content_recall", "PolNeAR numeric-content recall", 85)
    pn_recall_lit = Metric("polnear_numeric_content_recall_literal", "PolNeAR numeric-content recall (literal)")
    ecb = Metric("ecbplus_people_counts", "ECB+ people counts", 85)
    speed = Metric("speed", "speed (extract_article, 1 core)", 1.0, kind="rate")

    def dataset(path: Path, metrics: list[Metric]) -> bool:
        if path.exists():
            return True
        print(f"skipped: {path} not found")
        for m in metrics:
            m.skipped = "absent"
        return False

    rec = args.data / "recognizers_text_en"
    if dataset(rec / "number.jsonl", [number]):
        eval_number(rec / "number.jsonl", ex, number)
    if dataset(rec / "percent.jsonl", [percent]):
        eval_number(rec / "percent.jsonl", ex, percent, unit="percent")
    if dataset(rec / "number_range.jsonl", [number_range]):
        eval_range(rec / "number_range.jsonl", ex, number_range)
    qdir = args.data / "quantulum3_en"
    if dataset(qdir / "quantities.jsonl", [q_count, q_money]):
        eval_quantulum(qdir / "quantities.jsonl", ex, q_count, q_money)
    if dataset(qdir / "no_crash_inputs.jsonl", [q_crash]):
        eval_no_crash(qdir / "no_crash_inputs.jsonl", q_crash)
    polnear = args.data / "polnear_train" / "articles_with_attributions.jsonl"
    have_polnear = dataset(polnear, [pn_acc, pn_unsourced, pn_recall, pn_recall_lit])
    if have_polnear:
        eval_polnear(polnear, ex, pn_acc, pn_unsourced, pn_recall, pn_recall_lit, args.polnear_limit)
        speed.note = "over PolNeAR texts"
        if args.polnear_limit is not None:
            pn_acc.note = f"first {args.polnear_limit} PolNeAR records only"
    ecb_dir = args.data / "ecbplus_public"
    if dataset(ecb_dir / "numeric_participant_mentions.jsonl", [ecb]) and dataset(ecb_dir / "docs.jsonl", [ecb]):
        eval_ecbplus(ecb_dir, ex, ecb, speed_from_ecb=not have_polnear)
        if not have_polnear:
            speed.note = "over ECB+ texts"
    if ex.seconds > 0:
        speed.value = ex.bytes / 1e6 / ex.seconds
        speed.n = ex.docs
        speed.note += f": {ex.docs} texts, {ex.bytes / 1e6:.2f} MB in {ex.seconds:.1f} s"
    else:
        speed.skipped = "no texts"
    crashes.n = ex.calls  # extractor calls; hits = the calls that raised

    metrics = [number, percent, number_range, q_count, q_money, q_crash, crashes, pn_acc, pn_unsourced, pn_recall,
               pn_recall_lit, ecb, speed]
    write_failures(args.failures, metrics, args.max_failures)
    print()
    print_table(metrics)
    print(f"failure examples: {args.failures}/<metric>.txt")
    print(f"runtime: {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
