"""Article -> numeric claims with their sources and dates, as polars frames. Pure: no I/O."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache, partial

from claimledger import vocab
from claimledger.attribution.attribute import attribute
from claimledger.attribution.sources import (
    acronyms_defined,
    canonical,
    clean,
    people_named_in_full,
    under_defined_names,
    under_full_names,
)
from claimledger.extraction.counted import (
    CountedThing,
    at_a_named_treatment_place,
    counted_thing,
    field_label,
    first_metric_cue,
    location_for,
    metric_for,
    names_a_place_of_treatment,
    never_counted,
    sent_to_respond,
    sentence_event,
    singular,
    spells_out_a_group,
)
from claimledger.extraction.dates import DateMention, find_dates
from claimledger.extraction.figures import give_figures_their_count, give_parts_their_group
from claimledger.extraction.hedges import hedge_in, is_projection
from claimledger.extraction.kinds import kind_of, set_aside_kind
from claimledger.extraction.lists import (
    HARMS,
    earlier_cues,
    kept_for_its_context,
    places_break_down_a_group,
    share_across_list,
)
from claimledger.extraction.parts import (
    died_where_or_when,
    mark_a_breakdown_of,
    mark_a_breakdown_over_sentences,
    mark_back_references,
    mark_named_groups,
    mark_parts,
    mark_per_unit,
    mark_repeated_groups,
    mark_shares_of_a_larger_toll,
    names_a_state,
)
from claimledger.extraction.quantities import Quantity, find_quantities
from claimledger.extraction.scope import (
    an_earlier_figure,
    assertion_of,
    clause_around,
    clause_breaks,
    event_scope_of,
    names_a_road_event,
    names_a_subset,
    passed_around,
    question_denied_within,
    replaced_in_its_sentence,
    states_a_rate,
    states_the_correction,
    tells_of_a_collision,
    verdict_on_a_question,
    verdict_on_the_sentence_before,
    zero_phrases,
)
from claimledger.extraction.text import (
    Sentence,
    Token,
    list_lead_in,
    normalize_for_numbers,
    paragraphs,
    right_after,
    sentences,
    tokens,
    tokens_between,
)
from claimledger.model import Article, Claim, SetAsideNumber, Source
from claimledger.reading.furniture import FurnitureMap

SECTIONS = ("title", "subtitle", "body")


@dataclass
class DocumentExtraction:
    """Everything extracted from one article."""

    doc_id: str
    published: date | None = None
    claims: list[Claim] = field(default_factory=list)
    dates: list[tuple[str, int, DateMention]] = field(default_factory=list)
    set_aside: list[SetAsideNumber] = field(default_factory=list)


def claim_id(doc_id: str, section: str, start: int, end: int, derived: str | None = None) -> str:
    """Stable id of a claim: its document, section and span (and, for a figure derived from the claim
    on that span, the metric derived: "five shot, one fatally" gives injured 4 on the span of "five")."""
    key = f"{doc_id}|{section}|{start}|{end}" + (f"|derived:{derived}" if derived else "")
    return hashlib.sha256(key.encode()).hexdigest()[:16]


@lru_cache(maxsize=1)
def _source_cues() -> tuple[tuple[str, ...], ...]:
    """The cues after which a count of people is who speaks ("according to two officers"), as word sequences
    of at most three words (data)."""
    return tuple(tuple(str(c).lower().split()) for c in vocab.load("reporting_verbs")["source_cues_before_a_count"])


def _keep(q: Quantity, unit: str | None, subject: str | None, metric: str, toks_before: str, toks_after: str,
          after_phrase: str, *, context_keeps: Callable[[], bool] = lambda: False,
          contrasted: bool = False) -> bool:
    """Whether a number is a claim worth a row (drops pronoun "one" and anaphoric "the two"). `context_keeps`
    says whether the context keeps a small bare number ("up from six", "Police say seven"); it is asked only
    for such a number. `contrasted`: a pronoun "one" is paired with "the other" in its sentence ("One had
    bandaged hands, the other a bandaged jaw"): one of two described, not a count."""
    if after_phrase in vocab.word_set("reporting_verbs", "strong"):
        return False  # "two officials said": who speaks, not what is counted
    if q.written == "pronoun_one" and unit is None and toks_before in _LIST_JOINS and context_keeps():
        return True  # "two at the scene and one at the county hospital": kept only if the list gives it a count
    if q.written == "pronoun_one":  # "one soldier was killed" counts; "one of them", "no one" do not
        return unit is not None and metric != "other" and toks_before != "no" and (
            subject is not None or toks_before in vocab.metric_cues()  # "killing one"
            or (toks_before in _ONE_GOES_ON and after_phrase in vocab.word_set("number_words", "one_continues")
                and not (contrasted and toks_before not in {"and", ","})))
        # "... and one was killed", ", one in critical condition", "Four are in hospital. One is critical."
    if q.written == "article":  # "a man was shot and killed", "two women and a man died"
        return unit in _people() and metric != "other" and (
            after_phrase in {"was", "is", "has", "had"} or toks_before == "and") \
            and toks_after not in vocab.word_set("number_words", "ordinals")  # "a third person has died"
    if toks_before in {"the", "other", "these", "those", "both", "all"} and q.qualifier == "exact" \
            and q.written == "words" and q.number_value <= 10 and metric == "other" and toks_after != "of":
        return False  # "between the two nations", "the three candidates": a reference back, not a count
    if metric == "other" and _small_bare_word(q, unit) and toks_after != "of" and not context_keeps():
        return False  # "the other two"; partitives ("two of whom"), "up from six", "Police say seven" stay
    return True


# What may stand before a pronoun "one" that is an item of a list of places ("..., and one at X").
_LIST_JOINS = frozenset({"and", ",", ":", ";"})
# What may stand before a pronoun "one" that goes on from a group just counted: a joiner, or the start of
# its sentence or clause ("Six were hurt. One is in intensive care.", "three died in hospital; one at home").
_ONE_GOES_ON = frozenset({"and", ",", ";", "", '"', "“"})


def _per_head_amount(toks: list, q: Quantity) -> bool:
    """A number, then a word the vocabulary does not know, then "each" or "apiece" ("500,000 tanka each"):
    an amount given to every one of a group, in a currency the vocabulary lacks, not a count of it."""
    after = [t.lower for t in toks[q.last_token + 1:q.last_token + 3]]
    return len(after) == 2 and after[0].isalpha() and after[1] in vocab.word_set("claim_scope", "per_head_words")


def _small_bare_word(q: Quantity, unit: str | None) -> bool:
    """A number under ten written as a word, exact, with no noun or unit: "two", "seven"."""
    return unit is None and q.unit_hint is None and q.written == "words" and q.qualifier == "exact" \
        and q.number_value < 10


@lru_cache(maxsize=1)
def _people() -> frozenset[str]:
    return frozenset(c.rstrip("s") for c in vocab.word_set("counted_nouns", "people")) | {"person", "man", "woman",
                                                                                         "child"}


# A sentence with no digit and none of these words cannot hold a number; skipping it keeps extraction fast.
_NUMBER_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand
    thousands million millions billion billions trillion trillions dozen dozens several few handful couple
    pair scores half third thirds quarter quarters fifth fifths tens zero killed dead died wounded injured hurt
    arrested captured detained missing nobody none injuries deaths fatalities casualties""".split()
)
_DIGIT = re.compile(r"\d")
_WORDS = re.compile(r"[a-z]+")


def _maybe_number(text: str) -> bool:
    return _DIGIT.search(text) is not None or not _NUMBER_WORDS.isdisjoint(_WORDS.findall(text.lower()))


@lru_cache(maxsize=1)
def _excluded_places() -> frozenset[str]:
    """Source names that are not places when they follow "in"/"to" (places that also speak stay)."""
    return frozenset(vocab.source_alias_index()) - {
        "ukraine", "russia", "kyiv", "moscow", "seoul", "south korea", "north korea", "pyongyang", "kiev",
        "washington", "america", "united states"}


def _spoken_of(sents: list[Sentence], sentence_tokens: _SentenceTokens, sent: Sentence, back: int = 1) -> str | None:
    """The metric the nearest of the `back` sentences before that speaks of one, in the same paragraph: "How
    many died is disputed"."""
    for idx in range(sent.idx - 1, max(-1, sent.idx - 1 - back), -1):
        if sents[idx].paragraph != sent.paragraph:
            return None
        cue = first_metric_cue(sentence_tokens.of(idx))
        if cue:
            return cue
    return None


# Sentences back within a paragraph that its talk of a count reaches.
_PARAGRAPH_SENTENCES = 6


# Sentences back within which the figures stated make one count the one under discussion.
_RECENT_SENTENCES = 3
# Sentences back within which whole harm figures all of one metric make it the count still under discussion.
_DISCUSSED_SENTENCES = 6


def _count_under_discussion(sents: list[Sentence], sentence_tokens: _SentenceTokens, sent: Sentence,
                            recent_harms: list[tuple[int, str]]) -> str | None:
    """What a bare figure answers ("We counted 71", "stood by 52"): the metric the sentence before speaks of,
    else the metric of the last whole figure stated in the last few sentences, else the metric the paragraph
    (a speaker's turn, a live-blog entry) spoke of further back ("a third walker had died ... Our count is
    three"), else the one harm the whole figures of a few more sentences back all count."""
    spoken = _spoken_of(sents, sentence_tokens, sent)
    if spoken:
        return spoken
    recent = [metric for idx, metric in recent_harms if sent.idx - idx <= _RECENT_SENTENCES]
    if recent:
        return recent[-1]
    spoken = _spoken_of(sents, sentence_tokens, sent, _PARAGRAPH_SENTENCES)
    if spoken:
        return spoken
    earlier = {metric for idx, metric in recent_harms if sent.idx - idx <= _DISCUSSED_SENTENCES}
    return earlier.pop() if len(earlier) == 1 else None


@lru_cache(maxsize=1)
def _default_units() -> dict[str, str]:
    return {str(k): str(v) for k, v in vocab.load("counted_nouns")["metric_default_unit"].items()}


class _SentenceTokens:
    """The tokens of a section's sentences, each sentence tokenized once however often it is read."""

    def __init__(self, sents: list[Sentence]) -> None:
        self._sents = sents
        self._tokens: dict[int, list[Token]] = {}

    def of(self, idx: int) -> list[Token]:
        if idx not in self._tokens:
            sent = self._sents[idx]
            self._tokens[idx] = tokens(sent.text, sent.start)
        return self._tokens[idx]


class _ParagraphEvents:
    """The last event ("captured", "killed") in the two sentences before, within the paragraph, computed only
    when asked."""

    def __init__(self, sents: list[Sentence], sentence_tokens: _SentenceTokens) -> None:
        self._sents = sents
        self._tokens = sentence_tokens
        self._events: dict[int, tuple[str, str] | None] = {}

    def before(self, sent: Sentence) -> tuple[str, str] | None:
        for idx in range(sent.idx - 1, max(-1, sent.idx - 3), -1):  # the two sentences before
            earlier = self._sents[idx]
            if earlier.paragraph != sent.paragraph:
                return None
            if idx not in self._events:
                self._events[idx] = sentence_event(self._tokens.of(idx))
            if self._events[idx]:
                return self._events[idx]
        return None


def _claim(section: str, text: str, sent: Sentence, toks: list, q: Quantity, dates: list[DateMention],
           inherited: tuple[str, str] | None, published: date | None, *, answer: bool = False) -> Claim | str | None:
    """The claim for one quantity; the kind of a number set aside (an address); None when the number
    is not a claim (a pronoun "one", an anaphoric "the two"). `answer`: the number opens a sentence that
    answers a question ("How many died?" then "Nine, according to the ministry")."""
    thing = counted_thing(toks, q.last_token + 1, number_value=q.number_value)
    if thing.unit is None and q.unit_hint is None:
        thing = _number_of(toks, q.first_token) or thing
    metric = metric_for(toks, q.first_token, q.last_token, thing,
                        inherited[0] if inherited and thing.unit == inherited[1] != "person" else None)
    if thing.unit in _time_units():
        metric = "other"  # "for several days" is a duration, not a count of people
    if thing.unit in vocab.word_set("counted_nouns", "report_nouns") and _official(thing):
        metric = "other"  # "two death tolls", "two official bodies": accounts and institutions, not people
    unit = q.unit_hint or thing.unit
    defaults = _default_units()
    if unit is None and metric in defaults:
        unit = defaults[metric]
    before = toks[q.first_token - 1].lower if q.first_token > 0 else ""
    after = toks[q.last_token + 1].lower if q.last_token + 1 < len(toks) else ""
    head = thing.last_token if thing.last_token >= 0 else q.last_token
    next_word = head + 1
    while next_word < len(toks) and toks[next_word].lower in never_counted() \
            and toks[next_word].lower not in vocab.word_set("number_words", "one_continues"):
        next_word += 1  # "one later died", "One remains critical": a verb or adverb, not the counted noun
    after_phrase = toks[next_word].lower if next_word < len(toks) else ""
    if q.written == "pronoun_one" and after_phrase == "of" and head + 3 < len(toks) \
            and toks[head + 2].lower in vocab.word_set("number_words", "one_of_group"):
        after_phrase = toks[head + 3].lower  # "three are in hospital, one of them in intensive care"
    if not _keep(q, unit, thing.subject, metric, before, after, after_phrase,
                 context_keeps=lambda: answer or right_after(toks, q.first_token, earlier_cues())
                 or kept_for_its_context(toks, q),
                 contrasted=q.written == "pronoun_one" and not vocab.word_set("number_words", "one_contrasts")
                 .isdisjoint(t.lower for t in toks[q.last_token + 1:])):
        return None
    if unit in _people() and right_after(toks, q.first_token, _source_cues()):
        return None  # "according to two officers who spoke on condition of anonymity": who speaks, not a count
    kind = kind_of(q, toks, unit=unit, metric=metric)
    if kind in ("address", "sample"):
        return kind
    if unit in _people() and q.value_low is not None and q.value_low != int(q.value_low) \
            and q.value_high == q.value_low:
        # people come whole: "the figure in 2.4 includes people" names a section, "2.5 people a home" a ratio
        return "identifier" if q.written == "digits" and re.fullmatch(r"\d{1,2}\.\d{1,2}", text[q.start:q.end]) \
            else "ratio"
    if thing.unit is None and q.unit_hint is None and _per_head_amount(toks, q):
        kind, metric, unit = "money", "other", None  # "will receive 500,000 tanka each": a sum per person
    if _after_none_of(toks, q.first_token):
        metric = "other"  # "none of the 40 passengers were hurt": the group, not the hurt
    if kind == "measure" and q.unit_hint is not None:
        unit = toks[q.last_token + 1].lower  # "180 pounds" of weight, not money
    start = q.start
    if before == "the" and q.qualifier == "exact":
        start = toks[q.first_token - 1].start  # "the two captured men": a definite count
    end = toks[thing.last_token].end if q.last_token < thing.last_token and q.unit_hint is None else q.end
    date = _nearest_date(dates, start)
    as_of = date.resolved if date and date.resolved else None
    clause = clause_around(sent.text, start - sent.start, end - sent.start)
    following = [t.lower for t in toks[q.last_token + 1:q.last_token + 3]]
    added = before in vocab.word_set("claim_scope", "addition_words")  # "another 12", "an additional 400"
    added = added or (bool(following) and following[0] in vocab.word_set("claim_scope", "addition_words"))
    partial = added or (following[:1] == ["of"] and len(following) > 1 and following[1] in _PARTITIVE) \
        or following[:1] in (["more"], ["other"])  # "one additional patient", "two further bodies": the step
    list_item = spells_out_a_group(toks, q.first_token, right_after=thing.last_token < 0) \
        or names_a_place_of_treatment(toks, q.first_token)  # "• Hollin General Hospital: 19": one hospital's share
    list_item = list_item or (metric == "injured" and thing.last_token < 0
                              and at_a_named_treatment_place(toks, q.first_token, q.last_token))
    partial = partial or (q.written == "article" and before == "and")  # "a man and a woman had died"
    return Claim(
        section=section, sentence_idx=sent.idx, sentence=sent.text, char_start=start, char_end=end,
        quantity_text=text[start:end], value_low=q.value_low, value_high=q.value_high,
        qualifier=q.qualifier, is_approximate=q.is_approximate, unit=unit,
        subject=thing.subject if q.unit_hint is None else None, metric=metric,
        location=location_for(text, toks, q.first_token, max(q.last_token, thing.last_token), _excluded_places()),
        as_of=as_of.isoformat() if as_of else None,
        as_of_precision=date.precision if date and as_of else None,
        hedge=hedge_in(sent.text), value_source=q.value_source,
        is_projection=is_projection(_clause_through(text, sent, end)), is_partial=partial or list_item,
        is_list_item=list_item,
        kind=kind, assertion=_assertion(clause, toks, q.first_token),
        event_scope="personal" if _owned_family(before, unit) and metric not in HARMS
        # "about 14 deaths a year": a rate, many events' count
        else "other_event" if states_a_rate(text[end:sent.end])
        else event_scope_of(clause, as_of, published, metric in HARMS),  # "lost her three children in the fire"
    )


def _assertion(clause: str, toks: list, first: int) -> str:
    """How the clause holds the figure at token `first`; the figure a correction stands by is asserted."""
    found = assertion_of(clause)
    if found == "asserted" and (an_earlier_figure(toks, first) or replaced_in_its_sentence(toks, first)):
        return "corrected"  # "the ministry had given nine on Sunday": replaced by its origin since
    return "asserted" if found == "corrected" and states_the_correction(toks, first) else found


def _section_claims(section: str, text: str, published: date | None, speakers: list[str],
                    out: DocumentExtraction, *, collisions_apart: bool = False) -> None:
    """`collisions_apart`: the article's event is no road collision, so harm in one is another incident's."""
    sents: list[Sentence] = sentences(text)
    all_dates = find_dates(text, published)
    out.dates.extend((section, _sentence_of(sents, d.start), d) for d in all_dates)
    sentence_tokens = _SentenceTokens(sents)
    events = _ParagraphEvents(sents, sentence_tokens)
    furniture = FurnitureMap(text)
    counted: set[tuple[float | None, float | None, str | None]] = set()  # figures stated so far
    pending: list[Claim] = []
    labelled: list[Claim] = []  # figures of a record's field lines ("Deaths: 3") in a summary box
    stated_before: list[Claim] = []  # the claims of the last sentence that had any, and its index
    stated_in = -2
    recent_harms: list[tuple[int, str]] = []  # (sentence index, metric) of the whole harm figures so far
    shares: list[Claim] = []  # the dead of one place or moment ("two died at the scene")
    run_sentences: list[tuple[int, list[Claim]]] = []  # the figures of the last consecutive sentences
    broken_down: list[tuple[Claim, Claim]] = []  # (part, whole) of breakdowns over several sentences
    for sent in sents:
        if not _maybe_number(sent.text):
            continue
        toks = sentence_tokens.of(sent.idx)
        dates = [d for d in all_dates if sent.start <= d.start < sent.end]
        quantities, rejected = find_quantities(text, toks, dates)
        as_of_dates = [d for d in dates if not _opens_a_span(text, d)]  # what a claim may be dated by
        aside = [(start, end, "furniture" if furniture and furniture.covers(start) else set_aside_kind(reason))
                 for start, end, reason in rejected]
        if furniture:
            aside += [(q.start, q.end, "furniture") for q in quantities if furniture.covers(q.start)]
            quantities = [q for q in quantities if not furniture.covers(q.start)]
        inherited = events.before(sent) if quantities else None
        # the sentence before asks a question this one may answer with a bare figure ("How many died?" then
        # "Nine, according to the ministry"); a numbered heading ("1.") answers nothing
        asked = sent.idx > 0 and sents[sent.idx - 1].text.rstrip().endswith("?") and len(toks) > 2
        kept: list[tuple[Quantity, Claim]] = []
        for q in quantities:
            made = _claim(section, text, *_context(text, sent, toks, q), as_of_dates, inherited, published,
                          answer=q.first_token == 0 and asked)
            if isinstance(made, Claim) and _refers_back(made, counted):
                aside.append((made.char_start, made.char_end, "reference"))
            elif isinstance(made, Claim):
                kept.append((q, made))
            elif made is not None:
                aside.append((q.start, q.end, made))
        counted.update((c.value_low, c.value_high, c.unit) for _, c in kept)
        share_across_list(toks, kept)
        previous = stated_before if sent.idx == stated_in + 1 else []  # the sentence before's figures
        discussed = partial(_count_under_discussion, sents, sentence_tokens, sent, recent_harms)
        give_figures_their_count(toks, kept, previous, discussed, _default_units(), answers_a_question=asked)
        give_parts_their_group(toks, kept, previous, _default_units())
        places_break_down_a_group(toks, kept, previous, _default_units())
        # a small figure in words that only its context kept ("Police say seven") stays when it got a count
        kept = [(q, c) for q, c in kept if not (c.metric == "other"
                                                and (_small_bare_word(q, c.unit)
                                                     or q.written == "pronoun_one" and c.unit is None)
                                                and (kept_for_its_context(toks, q)
                                                     or q.first_token == 0 and asked))]
        mark_parts(toks, kept)
        if asked and kept and kept[0][0].first_token == 0 and names_a_state(sents[sent.idx - 1].text):
            kept[0][1].is_partial = True  # "How many are still in hospital?" "Fifteen, the secretariat says"
        shares.extend(c for q, c in kept if not c.is_partial and died_where_or_when(toks, q, c))
        mark_a_breakdown_of(previous, [c for _, c in kept])
        colon = next((t.start for t in toks if t.text == ":"), None)
        if colon is not None:  # "17 patients from the plant: nine in the burns unit, five at ... and three ..."
            mark_a_breakdown_of([c for _, c in kept if c.char_end <= colon],
                                [c for _, c in kept if c.char_start > colon])
        stated_before, stated_in = [c for _, c in kept], sent.idx
        same_run = run_sentences and run_sentences[-1][0] == sent.idx - 1 and sents[sent.idx - 1].paragraph \
            == sent.paragraph
        run_sentences = [*run_sentences[-(_BREAKDOWN_SENTENCES - 1):], (sent.idx, stated_before)] if same_run \
            else [(sent.idx, stated_before)]
        broken_down.extend(mark_a_breakdown_over_sentences([figures for _, figures in run_sentences]))
        # a figure since corrected or denied still names the count under discussion ("An earlier post said 3,030
        # injured. That was a typing error. The agency's figure is 303.")
        recent_harms.extend((sent.idx, c.metric) for _, c in kept if c.metric in HARMS and not c.is_partial)
        lead_in = list_lead_in(sents, sent.idx)
        if lead_in is not None and names_a_subset(sents[lead_in].text):
            for _, claim in kept:
                claim.is_partial = True  # "Among those detained:" then "- 6 journalists": parts of that group
        for _, claim in kept:
            # last, once lists have shared their metric: a part ("23 hurt, including six firefighters") is
            # no deployment
            if claim.metric == "other" and not claim.is_partial and sent_to_respond(claim.unit, sent.text):
                claim.metric = "deployed"
        mark_per_unit(toks, kept)  # "4 volunteers at each of the 9 water points": deployed, one point's share
        if collisions_apart:
            _set_collisions_apart(sent, kept)
        labelled.extend(c for q, c in kept if field_label(toks, q.first_token))
        for i, (_, c) in enumerate(kept):
            pending.append(c)
            pending.extend(_derived_injured(toks, c, [k for _, k in kept[i + 1:i + 3]]))
        pending.extend(_zero_claims(section, text, sent, toks, {c.char_start for _, c in kept}, published))
        out.set_aside.extend(SetAsideNumber(section, sent.idx, start, end, text[start:end], kind)
                             for start, end, kind in aside)
    _take_verdicts_on_the_sentence_before(sents, pending)
    _carry_another_event_to_the_next_sentence(sents, pending)
    spans = [(c.sentence_idx, c.char_start, c.char_end) for c in pending]
    found_sources = attribute(text, sents, spans, speakers, carry_speaker=section != SECTIONS[-1])
    for claim, found in zip(pending, found_sources, strict=True):
        claim.sources = found
        if found and claim.assertion == "asserted" and all(passed_around(s.source_canonical) for s in found):
            claim.assertion = "rumoured"  # "a post on a Telegram channel claiming 50 died": only hearsay says it
    _parts_take_the_wholes_source(sents, pending)
    for part, whole in broken_down:  # "Police said 11 were hurt. Seven ... Four ...": the total's account
        if not part.sources:
            part.sources = _taken_over(whole.sources, "previous_sentence")
    if section == "body" and pending:
        # the lede sums up what the body attributes: "23 others are in hospital" then "police said 23 ..."
        lede = sents[pending[0].sentence_idx].paragraph
        _sources_from_body([c for c in pending if sents[c.sentence_idx].paragraph == lede],
                           [c for c in pending if sents[c.sentence_idx].paragraph != lede], same_metric=True)
    if labelled:
        # "Latest numbers: ... Deaths: 3" sums up what an entry below attributes ("the toll to three, the
        # sheriff said")
        boxed = {id(c) for c in labelled}
        _sources_from_body(labelled, [c for c in pending if id(c) not in boxed], same_metric=True)
    mark_shares_of_a_larger_toll(shares, pending)
    out.claims.extend(pending)
    headline_end = _headline_line_end(text) if section == "body" else 0
    if headline_end:
        # a crawled page's title often opens its body: it summarises what the body attributes
        _sources_from_body([c for c in pending if c.char_end <= headline_end],
                           [c for c in pending if c.char_start >= headline_end])
    _restated_later_in_the_paragraph(sents, pending)  # last: the lede's and the headline's own rules come first
    _whole_group_restated(text, pending)


def _set_collisions_apart(sent: Sentence, kept: list[tuple[Quantity, Claim]]) -> None:
    """In an article whose event is no road collision (a flood, a stampede), harm in a clause telling of one
    ("two were hurt when a van hit a tram", "five injured in a pile-up") is a separate incident's."""
    for _, claim in kept:
        if claim.metric in HARMS and claim.event_scope == "main" and tells_of_a_collision(
                clause_around(sent.text, claim.char_start - sent.start, claim.char_end - sent.start)):
            claim.event_scope = "other_event"


def _carry_another_event_to_the_next_sentence(sents: list[Sentence], claims: list[Claim]) -> None:
    """ "The 2019 flood killed 12 people. It also destroyed 300 homes.": a sentence that opens on a pronoun
    pointing back ("It", "They", claim_scope.yaml event_pronouns) goes on about what the sentence before
    spoke of; when every figure there is about another event or period, its own figures are too."""
    scopes: dict[int, set[str]] = {}
    for claim in claims:
        scopes.setdefault(claim.sentence_idx, set()).add(claim.event_scope)
    pronouns = vocab.word_set("claim_scope", "event_pronouns")
    for claim in claims:
        idx = claim.sentence_idx
        before = scopes.get(idx - 1)
        if claim.event_scope != "main" or not before or len(before) != 1 or "main" in before \
                or "personal" in before or sents[idx - 1].paragraph != sents[idx].paragraph:
            continue
        words = sents[idx].text.lower().split()
        if words and words[0] in pronouns:
            claim.event_scope = next(iter(before))


def _take_verdicts_on_the_sentence_before(sents: list[Sentence], claims: list[Claim]) -> None:
    """ "Posts said eight miners died. These claims are false.": the asserted figures of a sentence that the
    next sentence of its paragraph denies or corrects take that status; so do those of a question the next
    sentence answers with a denial ("Is it true that 20 died?" "No. ..."), or the next line of its own sentence
    does (a list mark before the answer keeps the two lines one sentence)."""
    verdicts = {s.idx: found for s in sents if s.idx > 0 and (found := verdict_on_the_sentence_before(s.text))}
    for claim in claims:
        verdict = verdicts.get(claim.sentence_idx + 1)
        if verdict and claim.assertion == "asserted" \
                and sents[claim.sentence_idx].paragraph == sents[claim.sentence_idx + 1].paragraph:
            claim.assertion = verdict
        elif claim.assertion == "asserted" and claim.sentence_idx + 1 < len(sents) and (answer := verdict_on_a_question(
                sents[claim.sentence_idx].text, sents[claim.sentence_idx + 1].text)):
            claim.assertion = answer  # "Is it true that 20 died?" "No. ...": the question's figure is denied
        elif claim.assertion == "asserted" and (asked := question_denied_within(sents[claim.sentence_idx].text)) \
                and claim.char_end <= sents[claim.sentence_idx].start + asked:
            claim.assertion = "denied"  # "Any truth in the post saying 30 died?" then "• False.": one sentence


def _whole_group_restated(text: str, claims: list[Claim]) -> None:
    """ "Police said six people died. ... All six of the dead have been identified.": a figure after "all"
    with no source restates the whole group an earlier figure of the section counted (the same value and
    metric) and takes that figure's sources; an earlier figure with none leaves it unsourced."""
    words = vocab.word_set("claim_scope", "whole_group_words")
    for i, claim in enumerate(claims):
        if claim.sources or claim.metric == "other" or claim.value_low is None:
            continue
        before = text[max(0, claim.char_start - 12):claim.char_start].split()
        if not before or before[-1].lower() not in words:
            continue
        earlier = next((c for c in reversed(claims[:i]) if c.metric == claim.metric
                        and (c.value_low, c.value_high) == (claim.value_low, claim.value_high)), None)
        if earlier is not None and earlier.sources:
            claim.sources = _taken_over(earlier.sources, "restated")


def _restated_later_in_the_paragraph(sents: list[Sentence], claims: list[Claim]) -> None:
    """ "Three people have died. ... Police, the fire brigade and the operator all give the same figure,
    three.": a whole figure with no source takes the sources of a later figure of its paragraph with the
    same value and metric, the same figure attributed."""
    for i, claim in enumerate(claims):
        if claim.sources or claim.is_partial or claim.metric == "other" or claim.value_low is None:
            continue
        paragraph = sents[claim.sentence_idx].paragraph
        for later in claims[i + 1:]:
            if sents[later.sentence_idx].paragraph != paragraph:
                break
            if later.sources and later.metric == claim.metric and later.sentence_idx > claim.sentence_idx \
                    and (later.value_low, later.value_high) == (claim.value_low, claim.value_high):
                claim.sources = _taken_over(later.sources, "next_sentence")
                break


def _taken_over(sources: list[Source], scope: str) -> list[Source]:
    """Another claim's sources, as found by `scope` (how this claim came to carry them)."""
    return [replace(s, scope=scope) for s in sources]


def _parts_take_the_wholes_source(sents: list[Sentence], claims: list[Claim]) -> None:
    """A part with no source of its own ("Brunnfeld Hospital is treating 14 of them") right after a
    sentence of its paragraph that attributes its figures ("Police said 23 people were hurt") is the
    same account going on: the breakdown of a total comes from whoever gave the total."""
    sourced: dict[int, list[Source]] = {}
    for claim in claims:
        if claim.sources and claim.section == "body":
            sourced.setdefault(claim.sentence_idx, claim.sources)
    for claim in claims:
        before = claim.sentence_idx - 1
        if not claim.sources and claim.is_partial and before in sourced \
                and sents[before].paragraph == sents[claim.sentence_idx].paragraph:
            claim.sources = _taken_over(sourced[before], "previous_sentence")


# Sentences a breakdown may run over, the whole's included ("11 hurt. Seven to hospital. Four at the dock.").
_BREAKDOWN_SENTENCES = 4


# Tokens on each side of a number that its context work (metric, place, scope, hedges) reads in a
# long sentence: a pasted table or list of thousands of figures stays linear in its length.
_CONTEXT_TOKENS = 40


def _context(text: str, sent: Sentence, toks: list, q: Quantity) -> tuple[Sentence, list, Quantity]:
    """The sentence, tokens and quantity that a number's own claim is read from: the whole sentence, or
    a window of it around the number when the sentence is long."""
    if len(toks) <= 3 * _CONTEXT_TOKENS:
        return sent, toks, q
    first = max(0, q.first_token - _CONTEXT_TOKENS)
    last = min(len(toks), q.last_token + _CONTEXT_TOKENS + 1)
    window = toks[first:last]
    start, end = window[0].start, window[-1].end
    return (Sentence(sent.idx, sent.paragraph, start, end, text[start:end]), window,
            replace(q, first_token=q.first_token - first, last_token=q.last_token - first))


def _headline_line_end(text: str) -> int:
    """The end of a first line that reads as a headline (short, and in title case or without a closing
    stop: "2 Dead, 1 Wounded in Shooting at Plant"), else 0."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    if end < 0:
        return 0
    line = text[start:end].strip()
    words = re.findall(r"[A-Za-z][\w'’-]*", line)
    if not words or len(words) > 20:
        return 0
    title_case = sum(w[0].isupper() for w in words) > 0.6 * len(words)
    return end if title_case or not line.endswith((".", "!", "?", '"', "”")) else 0


_FATALLY = frozenset({"fatally", "died", "dead", "mortally"})
_KILLING = frozenset({"killing", "killed"})


def _derived_injured(toks: list, casualties: Claim, claims: list[Claim]) -> list[Claim]:
    """ "Five people were shot, one fatally", "shot five people, killing one": the four others were hurt. An
    exact count of casualties followed in its sentence by an exact count of those who died gives injured as
    the difference, stored on the casualties' span with `value_source = 'derived'`."""
    if casualties.metric != "casualties" or casualties.qualifier != "exact" or casualties.value_low is None \
            or casualties.value_low != casualties.value_high or casualties.is_partial:
        return []
    for killed in claims:
        if killed.metric != "killed" or killed.char_start <= casualties.char_end or killed.qualifier != "exact" \
                or killed.value_low is None or not 0 < killed.value_low < casualties.value_low:
            continue
        between = [t.lower for t in tokens_between(toks, casualties.char_end, killed.char_start)]
        after = [t.lower for t in tokens_between(toks, killed.char_end, killed.char_end + 60)][:4]
        fatal = not _FATALLY.isdisjoint(after) or not _KILLING.isdisjoint(between)  # "one fatally", "killing one"
        if len(between) <= 6 and "," in between and fatal:
            return [replace(casualties, value_low=casualties.value_low - killed.value_low,
                            value_high=casualties.value_low - killed.value_low, metric="injured",
                            value_source="derived", sources=[])]
    return []


def _refers_back(claim: Claim, counted: set[tuple[float | None, float | None, str | None]]) -> bool:
    """ "the 288 candidates" after "288 candidates": a definite repeat of a figure already stated in the
    section names the same group again; it is not a new claim."""
    return claim.quantity_text[:4].lower() == "the " and (claim.value_low, claim.value_high, claim.unit) in counted


def _after_none_of(toks: list, first: int) -> bool:
    words = [t.lower for t in toks[max(0, first - 3):first]]
    return words[-2:] == ["none", "of"] or words == ["none", "of", "the"]


def _zero_claims(section: str, text: str, sent: Sentence, toks: list, taken: set[int],
                 published: date | None) -> list[Claim]:
    """ "No one was killed", "there were no injuries": a count of zero for the metric that governs it."""
    found: list[Claim] = []
    for rel_start, rel_end in zero_phrases(sent.text):
        start, end = sent.start + rel_start, sent.start + rel_end
        first = next((i for i, t in enumerate(toks) if t.start >= start), None)
        last = next((i for i in range(len(toks) - 1, -1, -1) if toks[i].end <= end), None)
        if first is None or last is None or start in taken or _subject_of_another_verb(toks, last):
            continue
        metric = metric_for(toks, first, last, CountedThing(None, None, -1, -1, ()), None)
        if metric == "other":
            head = _cue_at_end(toks, last)
            metric = head or "other"
        if metric == "other":
            continue
        clause = clause_around(sent.text, rel_start, rel_end)
        noun = toks[last].lower
        # "no children died": zero children; "no one", "no injuries": zero people
        people = vocab.word_set("counted_nouns", "people")
        unit = singular(noun) if noun in people and noun not in vocab.metric_cues() else "person"
        found.append(Claim(
            section=section, sentence_idx=sent.idx, sentence=sent.text, char_start=start, char_end=end,
            quantity_text=text[start:end], value_low=0.0, value_high=0.0, qualifier="exact", is_approximate=False,
            unit=unit, subject=noun if unit != "person" else None, metric=metric, hedge=hedge_in(sent.text),
            value_source="text",
            is_projection=is_projection(_clause_through(text, sent, end)), kind="count",
            assertion=assertion_of(clause), event_scope=event_scope_of(clause, None, published, metric in HARMS),
        ))
    return found


def _subject_of_another_verb(toks: list, last: int) -> bool:
    """ "a toll nobody agrees on", "no one knows how many died": the zero phrase is the subject of a verb
    in the present that is no cue, so it counts nothing."""
    nxt = toks[last + 1].lower if last + 1 < len(toks) else ""
    return nxt.isalpha() and len(nxt) > 3 and nxt.endswith("s") and nxt not in vocab.metric_cues()


def _cue_at_end(toks: list, last: int) -> str | None:
    """The metric named by the last word of a zero phrase ("no injuries", "no deaths")."""
    cue = vocab.metric_cues().get(toks[last].lower)
    return cue[0] if cue else None


def _clause_through(text: str, sent: Sentence, end: int) -> str:
    """The sentence from its start to the end of the clause that holds position `end`."""
    stop = re.search(r"[,;.:]", text[end:sent.end])
    return text[sent.start:end + stop.start() if stop else sent.end]


# "seven of the men", "two of them": a part of a group named elsewhere.
_PARTITIVE = frozenset({"the", "them", "those", "these", "whom", "which", "its", "their", "his", "her", "our",
                        "my", "your"})
_PUT_VERBS = frozenset({"put", "puts", "putting", "placed", "places", "placing", "estimated", "estimates",
                        "estimating", "pegged", "pegs", "set", "sets"})


def _number_of(toks: list, before: int) -> CountedThing | None:
    """The noun named earlier: "the number of North Korean soldiers in Kursk ... at about 11,000",
    "put total casualties at some 2,000"."""
    at_figure = before > 0 and toks[before - 1].lower == "at"
    for k in range(before - 2, -1, -1):
        if toks[k].lower in {"number", "count", "total", "tally", "toll"} and toks[k + 1].lower == "of":
            found = counted_thing(toks, k + 1, number_value=2)
            return found if found.unit else None
        if at_figure and toks[k].lower in _PUT_VERBS:  # "put total casualties at some 2,000"
            found = counted_thing(toks, k + 1 + (toks[k + 1].lower in {"the", "its", "their", "total"}),
                                  number_value=2)
            return found if found.unit else None
        if toks[k].lower in {".", ";"}:
            return None
    return None


def _sentence_of(sents: list[Sentence], position: int) -> int:
    for sent in sents:
        if sent.start <= position < sent.end:
            return sent.idx
    return sents[-1].idx if sents else 0


def _official(thing: CountedThing) -> bool:
    """Whether a counted report noun is an account or an institution: any of them but "body", which is
    one only with an institutional modifier ("two official bodies", "governing bodies")."""
    return thing.unit != "body" or not vocab.word_set("counted_nouns", "institution_modifiers").isdisjoint(
        thing.modifiers)


# What may happen to a family in the event itself: such a count is the event's, not a personal detail.


def _owned_family(before: str, unit: str | None) -> bool:
    """ "her three children", "his two brothers": someone's family, not a count about the event."""
    return unit is not None and before in vocab.word_set("counted_nouns", "kin_owners") \
        and unit.lower() in vocab.word_set("counted_nouns", "kin")


@lru_cache(maxsize=1)
def _time_units() -> frozenset[str]:
    return vocab.word_set("counted_nouns", "time_units")


def _opens_a_span(text: str, d: DateMention) -> bool:
    """ "admitted since Saturday", "the toll since 1 May": a date that opens a span running up to now is
    when the count began, not the day it stands for; but "since 2011, when a blaze killed six" sets the
    "when" clause on that date."""
    before = text[max(0, d.start - 24):d.start].lower().split()
    return bool(before) and before[-1] in vocab.word_set("claim_scope", "span_openers") \
        and not re.match(r"\s*,?\s*when\b", text[d.end:d.end + 12], re.I)


def _nearest_date(dates: list[DateMention], position: int) -> DateMention | None:
    resolved = [d for d in dates if d.resolved]
    return min(resolved, key=lambda d: abs(d.start - position)) if resolved else None


# Per-sentence answers asked once per figure (a sentence often holds several figures), and source names
# cleaned and looked up once per frame. They are kept for one article only: the cache stays small, and a
# benchmark that extracts a text twice measures the work twice.
_PER_ARTICLE_MEMOS = (hedge_in, is_projection, assertion_of, event_scope_of, clause_breaks, canonical, clean)


def extract_article(article: Article) -> DocumentExtraction:
    """All claims, sources and dates of one article."""
    for memo in _PER_ARTICLE_MEMOS:
        memo.cache_clear()
    published = article.published_at.date() if article.published_at else None
    out = DocumentExtraction(article.doc_id, published)
    speakers: list[str] = []
    lede = next(iter(paragraphs(article.body)), None) if article.body else None
    headline = f"{article.title}\n{article.subtitle}\n{article.body[lede[0]:lede[1]] if lede else ''}"
    collisions_apart = not names_a_road_event(headline)
    for section in SECTIONS:
        text = getattr(article, section)
        if text:
            first_claim, first_aside = len(out.claims), len(out.set_aside)
            _section_claims(section, normalize_for_numbers(text), published, speakers, out,
                            collisions_apart=collisions_apart)
            for claim in out.claims[first_claim:]:  # spans slice the stored text, not the reader's copy
                claim.quantity_text = text[claim.char_start:claim.char_end]
            out.set_aside[first_aside:] = [replace(n, number_text=text[n.char_start:n.char_end])
                                           for n in out.set_aside[first_aside:]]
    _sources_from_body([c for c in out.claims if c.section != "body"], [c for c in out.claims if c.section == "body"])
    mark_back_references([c for c in out.claims if c.section == "body"])
    mark_repeated_groups(out.claims)
    mark_named_groups(out.claims)
    issuer = release_issuer(article)
    if issuer:  # a press release or situation report states its issuer's own figures
        for claim in out.claims:
            if not claim.sources:
                claim.sources = [Source(issuer, canonical(issuer), "release", "issuer")]
    # then one name per origin, the issuer's too ("Metro de Amarro (MetrAm)" and "Metro de Amarro")
    acronyms = acronyms_defined(f"{article.title}\n{article.subtitle}\n{article.body}")
    if acronyms:  # "Calden State Ambulance Service (CSAS)" then "CSAS duty manager ...": one origin
        for claim in out.claims:
            claim.sources = under_defined_names(claim.sources, acronyms)
    people = people_named_in_full({s.source_canonical for claim in out.claims for s in claim.sources})
    if people:  # "Governor Anton Zelev said ..." then "Zelev said ...": one origin
        for claim in out.claims:
            claim.sources = under_full_names(claim.sources, people)
    return out



def release_issuer(article: Article) -> str | None:
    """The organisation that issued a press release, media advisory or situation report (its outlet),
    when the text says it is one near its top or its end; else None."""
    if not article.outlet:
        return None
    body = article.body.lower()
    ends, end = body[:400] + "\n" + body[-600:], body[-600:]
    openings = (article.title.lower().lstrip(), body.lstrip())
    if any(marker in ends for marker in vocab.word_set("reporting_verbs", "release_markers")) \
            or any(re.search(re.escape(contact) + r"\s*:", end)  # "Media contact: ..." closing the text
                   for contact in vocab.word_set("reporting_verbs", "release_contacts")) \
            or any(text.startswith(opening) for text in openings
                   for opening in vocab.word_set("reporting_verbs", "release_openings")) \
            or not vocab.word_set("reporting_verbs", "release_end_lines").isdisjoint(
                line.strip() for line in end.split("\n")):
        return _issuer_name(article.outlet)
    # "Mountain Relief Alliance statement on the flood response": the outlet names its own statement
    heading = article.title.lower() + "\n" + body.lstrip().split("\n", 1)[0]
    named = re.search(r"(?<!\w)" + re.escape(article.outlet.lower()) + r"(?!\w)", heading)
    if named and not vocab.word_set("reporting_verbs", "release_words").isdisjoint(re.findall(r"[a-z]+", heading)):
        return _issuer_name(article.outlet)
    return None


_OFFICE_AFTER_DASH = re.compile(r"^(.+?)\s+[–—|-]\s+([^–—|]+)$")


def _issuer_name(outlet: str) -> str:
    """The organisation behind its own press office: "Harbour Police – Press Office" is the Harbour Police,
    one origin with the figures others quote from it."""
    found = _OFFICE_AFTER_DASH.match(outlet)
    if found and found.group(2).strip().lower() in vocab.word_set("reporting_verbs", "issuer_offices"):
        return found.group(1)
    return outlet


def _sources_from_body(headline: list[Claim], body: list[Claim], *, same_metric: bool = False) -> None:
    """A headline (or lede) figure with no attribution of its own takes the sources of the body claim it
    summarises: the same value, and the same metric or (a title's terse wording) the same counted noun."""
    body = [c for c in body if c.sources]
    for claim in headline:
        if claim.sources:
            continue
        for match in body:
            if (match.value_low, match.value_high) == (claim.value_low, claim.value_high) and (
                    match.metric == claim.metric or (match.unit == claim.unit and not same_metric)):
                claim.sources = _taken_over(match.sources, "body")
                break


def scan_quantities(text: str, published=None) -> list[Quantity]:
    """Every number expression in a plain text, before the claim filter (for evaluation and debugging)."""
    found: list[Quantity] = []
    for sent in sentences(text):
        toks = tokens(sent.text, sent.start)
        dates = [DateMention(d.start + sent.start, d.end + sent.start, d.text, d.resolved, d.precision)
                 for d in find_dates(sent.text, published)]
        found.extend(q for q in find_quantities(text, toks, dates)[0] if q.written != "article")
    return found
