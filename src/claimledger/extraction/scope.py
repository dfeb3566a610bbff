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
from claimledger.extraction.numbers import match_number
from claimledger.extraction.phrases import PhraseSearch, alternation
from claimledger.extraction.text import Token, right_after

ASSERTIONS = ("asserted", "denied", "corrected", "rumoured")
EVENT_SCOPES = ("main", "other_event", "other_period")


@lru_cache(maxsize=1)
def _assertion_patterns() -> list[tuple[str, PhraseSearch]]:
    table = vocab.load("claim_scope")["assertion"]
    return [(status, PhraseSearch(table[status])) for status in ("corrected", "denied", "rumoured")]


@lru_cache(maxsize=1)
def _other_event_pattern() -> PhraseSearch:
    """The other_event cues, and the usual periods ("in a normal summer", "during an average year")."""
    table = vocab.load("claim_scope")
    usual = [f"{prep} {'an' if adj[0] in 'aeiou' else 'a'} {adj} {period}"
             for prep in ("in", "during") for adj in table["usual_period_adjectives"]
             for period in table["usual_periods"]]
    return PhraseSearch([*table["other_event"], *usual])


@lru_cache(maxsize=1)
def _other_event_opener() -> re.Pattern[str]:
    """ "Separately, ...", "Elsewhere in the city, ...", "Also on Monday, ...": a clause that opens on another
    happening (only at its start: "the ministry also on Friday said" is the same account)."""
    openers = alternation(vocab.load("claim_scope")["other_event_openers"])
    return re.compile(rf"^\W*(?:{openers})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _earlier_happening_opener() -> re.Pattern[str]:
    """ "Hours before the shooting, a drive-by wounded four": a clause that opens on a time before the event
    tells of harm in another happening (only at its start: "died hours before the rescue" is this one's)."""
    openers = alternation(vocab.load("claim_scope")["harm_before_openers"])
    return re.compile(rf"^\W*(?:{openers})\s+(?:the|a|an|that|this)\b", re.IGNORECASE)


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
    """asserted, or how the sentence withholds the figure: corrected, denied or rumoured. What a post or
    a clip says is rumoured, whether or not someone calls it false ("a post claiming 20 died is false")."""
    # a carrier is part of any hearsay match: the cheap search rules most sentences out
    if _hearsay_carriers().search(sentence) and _hearsay_pattern().search(sentence):
        return "rumoured"
    if not _any_assertion_cue().search(sentence):  # one search for the common case: no cue at all
        return "asserted"
    for status, pattern in _assertion_patterns():
        if pattern.search(sentence):
            return status
    return "asserted"


# At most this many words in a sentence that denies the one before by pointing back at it ("These claims
# are false."): a longer one says more than a verdict on what came before.
_VERDICT_WORDS = 8


@lru_cache(maxsize=1)
def _denying_answer() -> re.Pattern[str]:
    words = alternation(vocab.load("claim_scope")["denying_answers"])
    return re.compile(rf"^\W*(?:{words})\s*[.,;:!–—-]", re.IGNORECASE)


def verdict_on_a_question(question: str, answer: str) -> str | None:
    """ "Is it true that 20 workers died?" then "No. That claim came from ...": a question the next sentence
    answers with a denial; its figures are denied ("denied"), not asserted. None otherwise."""
    return "denied" if question.rstrip().endswith("?") and _denying_answer().match(answer) else None


# A question that ends its line inside a sentence, the answer on the next line ("What about the post
# claiming 40 dead?" then "- Untrue, the mayor says."): the splitter keeps them together when the answer
# opens with a list mark, not a capital.
_QUESTION_LINE_END = re.compile(r"\?[\"'”’)]*[ \t]*\n")


@lru_cache(maxsize=256)  # asked once per figure of the sentence
def question_denied_within(sentence: str) -> int | None:
    """The offset in `sentence` where a question denied on the next line of the same sentence ends ("Any
    truth in the message saying 30 died?" then "• False, say police."); the figures before it are denied.
    None if there is no such question."""
    for end in _QUESTION_LINE_END.finditer(sentence):
        if _denying_answer().match(sentence[end.end():]):
            return end.start() + 1
    return None


# A speaker's label opening a transcript's turn ("Ortiz: ...", "Dr Lane:"), and the quote mark after it.
_SPEAKER_LABEL = re.compile(r"^(?:[A-Z][\w.'’-]*\s){0,2}[A-Z][\w.'’-]*:\s*[\"“]?")


def verdict_on_the_sentence_before(sentence: str) -> str | None:
    """ "These claims are false.", "It was untrue.", "That figure was wrong.": a short sentence that opens by
    pointing back and denies or corrects; its status (denied, corrected) is that of the figures of the
    sentence before it. None for any other sentence."""
    # "[See correction at 19:45]"; 'Ortiz: "That is untrue.': a turn of speech, the label set aside
    words = _SPEAKER_LABEL.sub("", sentence, count=1).lower().lstrip("[(\"“").split()
    if not words or len(words) > _VERDICT_WORDS:
        return None
    openers = vocab.word_set("claim_scope", "pointing_back_openers")
    if words[0] not in openers and " ".join(words[:2]) not in openers:
        return None
    status = assertion_of(sentence)
    return status if status in ("denied", "corrected") else None


@lru_cache(maxsize=1)
def _passed_around_heads() -> frozenset[str]:
    """What a source passed around opens with: the hearsay carriers without their article, singular and
    plural ("post", "posts", "voice note"), and the unverified channels ("telegram channel")."""
    heads = set(_carrier_nouns("hearsay_carriers"))
    channels = {str(c).lower() for c in vocab.load("claim_scope")["unverified_channels"]}
    return frozenset(heads | {h[:-1] for h in heads if h.endswith("s")} | {h + "s" for h in heads} | channels)


@lru_cache(maxsize=2)
def _carrier_nouns(key: str) -> tuple[str, ...]:
    """A list of carriers without their article: "posts", "post", "voice notes" (hearsay_carriers); "message",
    "channel" (platform_carriers: hearsay only when a platform's name comes before them)."""
    return tuple(re.sub(r"^an?\s+", "", str(c).lower()) for c in vocab.load("claim_scope")[key])


def _official_owner(word: str) -> bool:
    """Whether a possessor is a body that speaks for itself ("ministry", "police"), not a person."""
    return word in vocab.word_set("reporting_verbs", "body_heads") \
        or word in vocab.word_set("reporting_verbs", "institution_heads")


def passed_around(source: str) -> bool:
    """Whether a source is itself something passed around ("Post on the Telegram channel Keldun Now",
    "Messages circulating on WhatsApp", "A Facebook post"): what it says is hearsay, whoever wrote it."""
    words = re.sub(r"^(?:the|a|an)\s+", "", source.lower()).split()
    if len(words) > 1 and words[0].endswith(("'s", "’s")) and not _official_owner(words[0][:-2]):
        words = words[1:]  # "a spectator's post" is a post; "the ministry's post" is the ministry speaking
    platform = next((i for i, w in enumerate(words[:3]) if w in vocab.word_set("claim_scope", "platforms")), None)
    if platform is not None and len(words) > platform + 1:
        # "Facebook post" is a post, "pro-Taurek Telegram channel" a Telegram channel
        words = words[platform:] if " ".join(words[platform:platform + 2]) in _passed_around_heads() \
            else words[platform + 1:]
        if words and words[0] in _carrier_nouns("platform_carriers"):
            return True  # "WhatsApp message", "Telegram group": a message passed around on a platform
    if len(words) > 1 and words[1] in vocab.word_set("claim_scope", "official_carriers"):
        return False  # "video message", "video statement": an official speaking on camera
    return any(" ".join(words[:n]) in _passed_around_heads() for n in (1, 2, 3) if len(words) >= n)


# Words a hearsay carrier and its verb may have between them: "posts on X tonight claiming", "a post
# shared more than 9,000 times claims".
_HEARSAY_GAP = 8
_GAP_WORD = r"(?:\d{1,3}(?:,\d{3})+|[\w'-]+)"  # a word, or a number with thousands commas


@lru_cache(maxsize=1)
def _hearsay_carriers() -> PhraseSearch:
    """The carriers' nouns: a cheap first search that any hearsay match needs ("A Facebook post")."""
    return PhraseSearch([*_carrier_nouns("hearsay_carriers"), *_carrier_nouns("platform_carriers"),
                         *vocab.load("claim_scope")["hearsay_posting_verbs"]])


def _article_and_noun(carrier: str) -> tuple[bool, str]:
    """Whether a carrier is written with "a"/"an" ("a post"), and its noun as a regex ("post", "voice\\s+notes")."""
    words = str(carrier).split()
    single = words[0] in ("a", "an")
    return single, r"\s+".join(map(re.escape, words[1:] if single else words))


@lru_cache(maxsize=1)
def _hearsay_pattern() -> re.Pattern[str]:
    """ "posts tonight claiming", "clips on social media saying", "a Facebook post claims": something passed
    around that says the figure, with no punctuation between ("three border posts, saying they were
    overrun" is not). A platform's name may stand before the carrier's noun; a single carrier may have
    its owner and an aside set off by commas ("a spectator's post, since deleted, claimed")."""
    table = vocab.load("claim_scope")
    platforms = alternation(table["platforms"])
    # "a widely shared post", "a since-deleted clip", "an anonymous post": up to two modifiers
    modifier = rf"(?:(?:{alternation(table['hearsay_carrier_modifiers'])}|[\w-]+(?:ly|ed|en))\s+)"
    forms = []
    for carrier in sorted(table["hearsay_carriers"], key=len, reverse=True):
        single, noun = _article_and_noun(carrier)
        if single:  # "a spectator's post, since deleted, claimed ..."
            forms.append(rf"an?\s+(?:[\w-]+['’]s\s+)?{modifier}{{0,2}}(?:(?:{platforms})\s+)?{noun}"
                         r"(?:,\s*[^,.;:]{1,40},)?")
        else:
            forms.append(rf"(?:(?:{platforms})\s+)?{noun}")
    for carrier in sorted(table["platform_carriers"], key=len, reverse=True):  # the platform's name required
        single, noun = _article_and_noun(carrier)
        article = r"an?\s+(?:[\w'-]+\s+)?" if single else r"(?:[\w'-]+\s+)?"  # "a pro-X Telegram channel"
        forms.append(rf"{article}(?:{platforms})\s+{noun}")
    verbs, posting = alternation(table["hearsay_verbs"]), alternation(table["hearsay_posting_verbs"])
    return re.compile(rf"(?<![\w-])(?<!\bin )(?:{'|'.join(forms)})\s+(?:{_GAP_WORD}\s+){{0,{_HEARSAY_GAP}}}?"
                      rf"(?:{verbs})\b"
                      # "a spectator posted that four died"; not "in a video posted on the council's website"
                      rf"|(?<![\w-])(?<!\bin )\ban?\s+(?:[\w'-]+\s+){{0,2}}?(?:{posting})\s+(?:\S+\s+){{0,4}}?that\b",
                      re.IGNORECASE)


# Tokens between a superseding verb and its figure: "had given a toll of 9", "had put the number at 12".
_SUPERSEDED_GAP = 5
_GAP_STOPS = frozenset({",", ".", ";", ":", "and", "but", "while", "that"})


def an_earlier_figure(toks: list[Token], first: int) -> bool:
    """ "the ministry had given nine on Sunday", "the chief had put the toll at 9": the figure at token `first`
    is its origin's own earlier one, since replaced (claim_scope.yaml superseded_verbs)."""
    if not toks or toks[0].lower in vocab.word_set("claim_scope", "standing_openers"):
        return False  # "By Friday, rescuers had counted 40 bodies": the count as it stood then
    verbs = vocab.word_set("claim_scope", "superseded_verbs")
    for k in range(first - 1, max(0, first - 2 - _SUPERSEDED_GAP), -1):
        if toks[k].lower in _GAP_STOPS:
            return False
        if toks[k].lower in verbs:
            if k > 0 and toks[k - 1].lower in vocab.word_set("claim_scope", "superseded_adverbs"):
                return True  # "police initially said two had died": the first figure, whoever reports it
            # "police said they had counted 40": reported speech, not an earlier figure; a clause of its own
            # after "and" or "but" is not ("the coroner had counted five and the union had counted 11")
            return toks[k - 1].lower in vocab.word_set("claim_scope", "superseded_auxiliaries") \
                and not _reported_before(toks, k - 1)
    return False


_CLAUSE_JOINS = frozenset({"and", "but", ";", "."})

# Tokens a figure and its time phrase may take before the comma that leads to its replacement: "seven that
# night,", "four on Monday morning,".
_REPLACED_GAP = 6


def replaced_in_its_sentence(toks: list[Token], first: int) -> bool:
    """ "we counted four on Monday, six since the levee broke": a figure followed in its clause, after a
    comma, by another figure that a later time follows (claim_scope.yaml later_figure_openers) is the same
    count's earlier value, replaced by the second; its origin is not at odds with itself."""
    for k in range(first + 1, min(len(toks) - 2, first + 2 + _REPLACED_GAP)):
        if toks[k].lower in _CLAUSE_JOINS:
            return False
        if toks[k].lower == ",":
            second = match_number(toks, k + 1)
            if second is None:
                return False
            after = " ".join(t.lower for t in toks[second.last + 1:second.last + 4])
            found = _later_figure_openers().search(after)
            return found is not None and found[0] == 0
    return False


@lru_cache(maxsize=1)
def _later_figure_openers() -> PhraseSearch:
    return PhraseSearch(vocab.load("claim_scope")["later_figure_openers"])


def _reported_before(toks: list[Token], end: int) -> bool:
    """Whether a reporting verb stands before token `end` in its clause (commas do not end it here:
    "Police said on Monday, after the count, they had ...")."""
    reporting = vocab.word_set("reporting_verbs", "verbs")
    for t in reversed(toks[:end]):
        if t.lower in _CLAUSE_JOINS:
            return False
        if t.lower in reporting:
            return True
    return False


def states_the_correction(toks: list[Token], first: int) -> bool:
    """ "the correct number is 46", "revised to 46": the figure a correction stands by, asserted."""
    return right_after(toks, first, _correction_results())


@lru_cache(maxsize=1)
def _correction_results() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(str(c).lower().split()) for c in vocab.load("claim_scope")["correction_result_cues"])


@lru_cache(maxsize=1024)  # asked once per figure; cleared per article (extract.py)
def event_scope_of(clause: str, as_of: date | None, published: date | None, harm: bool = False) -> str:
    """main; other_event when the clause speaks of another event; other_period when the figure's own
    date lies well before the article's, or when a count of harm (`harm`) runs from long before it."""
    if _other_event_pattern().search(clause) or _other_event_opener().match(clause) \
            or (harm and _earlier_happening_opener().match(clause)):
        return "other_event"
    days = int(vocab.load("claim_scope")["other_period_days"])
    if as_of is not None and published is not None and (published - as_of).days >= days:
        return "other_period"
    if published is not None and _names_an_earlier_time(clause, published, days):
        return "other_period"  # "In January 2021, a pileup ... killed six", "the 2019 floods", "In June, ..."
    if harm and published is not None and _runs_from_long_before(clause, published, days):
        return "other_period"  # "five people have drowned there since 2019": many events' total
    if published is not None and _spans_years_long_before(clause, published, days, harm):
        return "other_period"  # "between 2015 and 2024, 80 people were hurt": a total over years
    return "main"


@lru_cache(maxsize=1)
def _rate_pattern() -> re.Pattern[str]:
    table = vocab.load("claim_scope")
    openers, periods = alternation(table["rate_openers"]), alternation(table["rate_periods"])
    followers = alternation(table["rate_followers"])
    return re.compile(rf"\s*(?:{openers})\s+(?:{periods})\b(?!\s+(?:{followers})\b)(?![-\w])", re.IGNORECASE)


def states_a_rate(after: str) -> bool:
    """Whether the text right after a counted phrase makes it a rate over a period ("about 14 deaths a
    year", "20 injuries each season"): many events' count, never one event's toll."""
    return _rate_pattern().match(after) is not None


@lru_cache(maxsize=1)
def _collision_pattern() -> re.Pattern[str]:
    """ "a pile-up", "collided", "the van struck", "a scooter hit a parked bus": a road collision."""
    table = vocab.load("claim_scope")
    vehicles, impacts = alternation(table["vehicle_nouns"]), alternation(table["vehicle_impact_verbs"])
    return re.compile(rf"(?<![\w-])(?:(?:{alternation(table['collision_words'])})"
                      rf"|(?:{vehicles})(?:\s+[\w-]+){{0,2}}?\s+(?:{impacts}))(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _road_event_words() -> PhraseSearch:
    table = vocab.load("claim_scope")
    return PhraseSearch([*table["collision_words"], *table["vehicle_nouns"], *table["road_event_words"]])


def tells_of_a_collision(clause: str) -> bool:
    """Whether a clause tells of a road collision ("when their scooter hit a bus", "in a pile-up")."""
    return _collision_pattern().search(clause) is not None


def names_a_road_event(headline: str) -> bool:
    """Whether an article's title or first paragraph names a road event, a vehicle or a crash: then a
    collision in its body may be its own event."""
    return _road_event_words().search(headline) is not None


@lru_cache(maxsize=1)
def _span_of_years() -> re.Pattern[str]:
    """ "between 2015 and 2024", "from 2010 to 2020", "2016-2021", "2016–21": a span of years."""
    table = vocab.load("claim_scope")
    openers, joiners = alternation(table["year_span_openers"]), alternation(table["year_span_joiners"])
    return re.compile(
        rf"\b(?:(?:{openers})\s+((?:19|20)\d\d)\s+(?:{joiners})\s+((?:19|20)\d\d)"
        r"|((?:19|20)\d\d)\s*[-–]\s*((?:19|20)?\d\d))\b(?![-–/]\d)",
        re.IGNORECASE,
    )


def _spans_years_long_before(clause: str, published: date, days: int, harm: bool) -> bool:
    """Whether the clause sets its figure in a span of several years that ended at least `days` before
    publication (any figure: it totals another period), or, for a count of harm, that began that long
    before (a running total of many events, as with "since 2019")."""
    for m in _span_of_years().finditer(clause):
        first, last = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        first_year = int(first)
        last_year = int(last) if len(last) == 4 else first_year // 100 * 100 + int(last)
        if last_year <= first_year:
            continue  # "2025-08" of a date, "2024-2024": no span of years
        if (published - date(last_year, 12, 31)).days >= days:
            return True
        if harm and (published - date(first_year, 1, 1)).days >= days:
            return True
    return False


@lru_cache(maxsize=1)
def _span_from_a_year() -> re.Pattern[str]:
    """ "since 2019", "since March 2021": a span opener before a year, with its month if named."""
    openers = alternation(vocab.load("claim_scope")["span_openers"])
    months = "|".join(MONTH_NAMES)
    return re.compile(rf"\b(?:{openers})\s+(?:({months})\s+)?((?:19|20)\d\d)\b", re.IGNORECASE)


def _runs_from_long_before(clause: str, published: date, days: int) -> bool:
    """Whether the clause counts from a year (or a month of one) at least `days` before publication: the
    people killed or hurt "since 2019" are a running total of many events, not this one's toll. A count
    since Saturday or since the blast is this event's."""
    for m in _span_from_a_year().finditer(clause):
        month = MONTH_NAMES.index(m.group(1).lower()) + 1 if m.group(1) else 1
        if (published - date(int(m.group(2)), month, 1)).days >= days:
            return True
    return False


# A time the clause is set in: "in 2019", "In March 2021", "the 2021 pileup", "In June," (not "since 2016":
# a span running up to now, which only a count of harm reads as another period: _runs_from_long_before),
# or a year a "when" clause goes on to tell of ("the worst was 2016, when 30 died").
_EARLIER_YEAR = re.compile(r"(?<!since )\b(?:[Ii]n\s+(?:[A-Z][a-z]+\s+)?|the\s+)((?:19|20)\d\d)\b(?!\s*[-–]\s*\d)"
                           r"|(?<!since )\b((?:19|20)\d\d),?\s+when\b")
_EARLIER_MONTH = re.compile(
    r"(?:^|[.;]\s+|\b)[Ii]n\s+(" + "|".join(m.capitalize() for m in MONTH_NAMES) + r")\b(?!\s+\d)"
)


def _names_an_earlier_time(clause: str, published: date, days: int) -> bool:
    for m in _EARLIER_YEAR.finditer(clause):
        if (published - date(int(m.group(1) or m.group(2)), 12, 31)).days >= days:
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
