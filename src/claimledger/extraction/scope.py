"""Whether a figure is asserted by the article and about the article's own event.

A denied, corrected or rumoured figure is recorded with that status and never compared; a figure
about another event or period ("last year 12 people were shot in the city", "the 2011 quake
killed 90") is recorded as such and kept out of the comparisons with the article's main event.
Cue words are data (`data/claim_scope.yaml`).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from claimledger import vocab
from claimledger.extraction.dates import MONTH_NAMES
from claimledger.extraction.phrases import PhraseSearch
from claimledger.extraction.text import Token, right_after

ASSERTIONS = ("asserted", "denied", "corrected", "rumoured")
EVENT_SCOPES = ("main", "other_event", "other_period")


@lru_cache(maxsize=1)
def _assertion_patterns() -> list[tuple[str, PhraseSearch]]:
    table = vocab.load("claim_scope")["assertion"]
    return [(status, PhraseSearch(table[status])) for status in ("corrected", "denied", "rumoured")]


@lru_cache(maxsize=1)
def _other_event_pattern() -> PhraseSearch:
    return PhraseSearch(vocab.load("claim_scope")["other_event"])


# A clause boundary that a scope cue does not cross: "; ", " - ", " while ", " whereas ", " but ".
_CLAUSE_BREAK = re.compile(r";|\s[—–-]\s|\bwhile\b|\bwhereas\b|\bbut\b", re.IGNORECASE)


@lru_cache(maxsize=1024)  # asked once per figure; cleared per article (extract.py)
def clause_breaks(sentence: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each clause boundary in a sentence."""
    return tuple(brk.span() for brk in _CLAUSE_BREAK.finditer(sentence))


def clause_around(sentence: str, start: int, end: int) -> str:
    """The clause of `sentence` holding [start, end) (offsets into the sentence)."""
    left = 0
    right = len(sentence)
    for brk_start, brk_end in clause_breaks(sentence):
        if brk_end <= start:
            left = brk_end
        elif brk_start >= end:
            right = brk_start
            break
    return sentence[left:right]


@lru_cache(maxsize=1)
def _any_assertion_cue() -> PhraseSearch:
    table = vocab.load("claim_scope")["assertion"]
    return PhraseSearch([cue for status in ("corrected", "denied", "rumoured") for cue in table[status]])


@lru_cache(maxsize=1024)  # asked once per figure; cleared per article (extract.py)
def assertion_of(sentence: str) -> str:
    """asserted, or how the sentence withholds the figure: corrected, denied or rumoured."""
    if not _any_assertion_cue().search(sentence):  # one search for the common case: no cue at all
        # a carrier is part of any hearsay match: the cheap search rules most sentences out
        hearsay = _hearsay_carriers().search(sentence) and _hearsay_pattern().search(sentence)
        return "rumoured" if hearsay else "asserted"
    for status, pattern in _assertion_patterns():
        if pattern.search(sentence):
            return status
    return "asserted"


@lru_cache(maxsize=1)
def _passed_around_heads() -> frozenset[str]:
    """What a source passed around opens with: the hearsay carriers without their article, singular and
    plural ("post", "posts", "voice note"), and the unverified channels ("telegram channel")."""
    table = vocab.load("claim_scope")
    heads = {re.sub(r"^an?\s+", "", str(c).lower()) for c in table["hearsay_carriers"]}
    channels = {str(c).lower() for c in table["unverified_channels"]}
    return frozenset(heads | {h[:-1] for h in heads if h.endswith("s")} | {h + "s" for h in heads} | channels)


def passed_around(source: str) -> bool:
    """Whether a source is itself something passed around ("Post on the Telegram channel Keldun Now",
    "Messages circulating on WhatsApp"): what it says is hearsay, whoever wrote it."""
    words = re.sub(r"^(?:the|a|an)\s+", "", source.lower()).split()
    if len(words) > 1 and words[1] in vocab.word_set("claim_scope", "official_carriers"):
        return False  # "video message", "video statement": an official speaking on camera
    return any(" ".join(words[:n]) in _passed_around_heads() for n in (1, 2, 3) if len(words) >= n)


# Words a hearsay carrier and its verb may have between them: "posts on X tonight claiming".
_HEARSAY_GAP = 4


@lru_cache(maxsize=1)
def _hearsay_carriers() -> PhraseSearch:
    return PhraseSearch(vocab.load("claim_scope")["hearsay_carriers"])


@lru_cache(maxsize=1)
def _hearsay_pattern() -> re.Pattern[str]:
    """ "posts tonight claiming", "clips on social media saying": something passed around that says the
    figure, with no punctuation between ("three border posts, saying they were overrun" is not)."""
    table = vocab.load("claim_scope")
    carriers = "|".join(re.escape(str(c)) for c in sorted(table["hearsay_carriers"], key=len, reverse=True))
    verbs = "|".join(re.escape(str(v)) for v in table["hearsay_verbs"])
    return re.compile(rf"(?<![\w-])(?<!\bin )(?:{carriers})\s+(?:[\w'-]+\s+){{0,{_HEARSAY_GAP}}}?(?:{verbs})\b",
                      re.IGNORECASE)


def states_the_correction(toks: list[Token], first: int) -> bool:
    """ "the correct number is 46", "revised to 46": the figure a correction stands by, asserted."""
    return right_after(toks, first, _correction_results())


@lru_cache(maxsize=1)
def _correction_results() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(str(c).lower().split()) for c in vocab.load("claim_scope")["correction_result_cues"])


@lru_cache(maxsize=1024)  # asked once per figure; cleared per article (extract.py)
def event_scope_of(clause: str, as_of: date | None, published: date | None) -> str:
    """main; other_event when the clause speaks of another event; other_period when the figure's own
    date lies well before the article's."""
    if _other_event_pattern().search(clause):
        return "other_event"
    days = int(vocab.load("claim_scope")["other_period_days"])
    if as_of is not None and published is not None and (published - as_of).days >= days:
        return "other_period"
    if published is not None and _names_an_earlier_time(clause, published, days):
        return "other_period"  # "In January 2021, a pileup ... killed six", "the 2019 floods", "In June, ..."
    return "main"


# A time the clause is set in: "in 2019", "In March 2021", "the 2021 pileup", "In June," (not "since 2016":
# a count since then runs up to now).
_EARLIER_YEAR = re.compile(r"(?<!since )\b(?:[Ii]n\s+(?:[A-Z][a-z]+\s+)?|the\s+)((?:19|20)\d\d)\b(?!\s*[-–]\s*\d)")
_EARLIER_MONTH = re.compile(
    r"(?:^|[.;]\s+|\b)[Ii]n\s+(" + "|".join(m.capitalize() for m in MONTH_NAMES) + r")\b(?!\s+\d)"
)


def _names_an_earlier_time(clause: str, published: date, days: int) -> bool:
    for m in _EARLIER_YEAR.finditer(clause):
        if (published - date(int(m.group(1)), 12, 31)).days >= days:
            return True
    for m in _EARLIER_MONTH.finditer(clause):
        month = MONTH_NAMES.index(m.group(1).lower()) + 1
        months_ago = (published.month - month) % 12
        if months_ago * 30 >= days:
            return True
    return False


@lru_cache(maxsize=1)
def _zero_pattern() -> PhraseSearch:
    return PhraseSearch(vocab.load("claim_scope")["zero_subjects"])


def zero_phrases(sentence: str) -> list[tuple[int, int]]:
    """Spans (offsets into the sentence) of "no one", "nobody", "no injuries" ...: counts of zero."""
    return list(_zero_pattern().finditer(sentence))


@lru_cache(maxsize=1)
def subset_cues() -> tuple[tuple[str, ...], ...]:
    """ "including", "among them": words before a figure that make it a part of a larger group."""
    return tuple(sorted((tuple(str(c).lower().split()) for c in vocab.load("claim_scope")["subset_cues"]), key=len,
                        reverse=True))


@lru_cache(maxsize=1)
def _subset_pattern() -> PhraseSearch:
    return PhraseSearch(vocab.load("claim_scope")["subset_cues"])


def names_a_subset(text: str) -> bool:
    """ "Among those detained:", "including:": a line that introduces parts of a group."""
    return bool(_subset_pattern().search(text))
