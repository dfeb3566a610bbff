"""Parts of a group: figures that count a subset of people counted elsewhere.

"including four children", "among them two officers", "seven others", and the items of an
enumeration that add up ("two women and a man died") are parts. A part is never compared with a
whole as a contradiction; it stays in `claims` with `is_partial` set.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimledger import vocab
from claimledger.extraction.counted import field_label_words, singular
from claimledger.extraction.keys import counts_people
from claimledger.extraction.phrases import PhraseSearch, alternation
from claimledger.extraction.quantities import Quantity
from claimledger.extraction.scope import subset_cues
from claimledger.extraction.text import Token, right_after
from claimledger.model import Claim

# Tokens allowed between a subset cue and its figure ("among the dead were three children").
_CUE_GAP = frozenset({"were", "was", "are", "is", ",", ":", "at", "least", "about", "some", "the"})
# Tokens allowed between two items of an enumeration.
_ENUMERATION_JOINERS = frozenset({"and", ",", "plus", "as", "well"})


def mark_parts(toks: list[Token], kept: list[tuple[Quantity, Claim]]) -> None:
    """Set `is_partial` on the figures of a sentence that count part of a group."""
    sentence = " ".join(t.lower for t in toks) if len(toks) < 400 else ""  # a pasted table names no facility
    facility_counts = _facility_objects(sentence)
    largest: dict[str, float] = {}  # the largest figure so far in the sentence, per metric
    for q, claim in kept:
        breakdown = _breaks_down_an_earlier_count(toks, q, claim, largest)
        end = _end_token(toks, q, claim)  # the counted phrase's last token: the state and place tests read on from it
        subject = (claim.subject or "").lower().split()
        if _after_subset_cue(toks, q.first_token) or subject[-1:] == ["others"] \
                or subject[:1] and subject[0] in vocab.word_set("claim_scope", "remainder_words") \
                or _after_an_of_phrase(toks, q.first_token):
            claim.is_partial = True
        elif claim.metric in ("injured", "casualties", "killed") and q.first_token in facility_counts:
            claim.is_partial = True  # "the hospital had taken in 400 injured": one hospital's share
        elif claim.metric == "injured" and (_still_in_state(toks, end) or _in_hospital_now(toks, end)):
            claim.is_partial = True  # "two remain hospitalized", "nine are in hospital": those not yet discharged
        elif claim.metric != "killed" and _in_a_condition(toks, q.last_token):
            claim.is_partial = True  # "six were in a serious condition": some of the injured
        elif claim.metric in ("injured", "casualties") and _treated_at_the_scene(toks, end):
            claim.is_partial = True  # "four were treated and released at the scene": the scene's share
        elif claim.metric == "killed" and _died_at_a_facility(toks, end):
            claim.is_partial = True  # "two patients died overnight at the burns centre": those who died there
        elif claim.metric in ("injured", "casualties") and _counted_at_a_facility(toks, end):
            claim.is_partial = True  # "26 injured workers in the burn unit": what one place holds
        elif claim.metric in ("injured", "casualties") and _treated_at_a_named_place(toks, end):
            claim.is_partial = True  # "nine were seen at the field clinic": the share one place took
        elif claim.metric in ("injured", "casualties") and _admitted_over_a_period(toks, end):
            claim.is_partial = True  # "four were admitted overnight": those who came in then, the count's step
        elif claim.metric in ("injured", "casualties") and _treated_at_a_makeshift_venue(toks, q.first_token, end):
            claim.is_partial = True  # "volunteers treated 14 people in the church hall": that team's share
        elif claim.metric in _TOLLS and _in_a_place_relative(toks, q.first_token):
            claim.is_partial = True  # "taken to the district clinic, where six were kept": that place's share
        elif _the_step_of_a_rise(toks, q.first_token):
            claim.is_partial = True  # "the toll rose to 24 after two workers died": the step, not the total
        elif _added_to_a_count(toks, q.first_token):
            claim.is_partial = True  # "added two people who died in clinics to its list": the step
        elif _one_place_alone(toks, q.first_token):
            claim.is_partial = True  # "in the capital alone, 40 died": one place's share of a toll
        elif breakdown:
            claim.is_partial = True  # "eleven were hospitalized, two in critical condition"
        elif claim.unit == "body" or right_after(toks, q.first_token, _REMAINS_OF):
            # "divers recovered six bodies", "the recovery of the bodies of five victims": finds, a part
            claim.is_partial = True
        elif claim.metric in ("injured", "casualties", "killed") and _labelled_with_a_share(toks, q):
            claim.is_partial = True  # "Distribution: Kerrevaal General 34; treated on scene and discharged 9"
        elif claim.metric in ("injured", "casualties") and _field_names_a_state(toks, q):
            claim.is_partial = True  # "Patients still admitted: 5", "Sent home: 12": those in one state
        elif claim.metric == "displaced" and not _says_displaced(sentence):
            claim.is_partial = True  # "1,150 people spent the night in its shelters": those sheltered, a part
    for q, claim in kept:
        if claim.kind == "count" and counts_people(claim.unit) and _beside_a_single_person(toks, q, claim):
            claim.is_partial = True  # "a 63-year-old woman and two men were shot"
    for (prev_q, prev), (q, claim) in zip(kept, kept[1:], strict=False):
        between = [t.lower for t in toks[prev_q.last_token + 1:q.first_token] if t.start >= prev.char_end]
        if {prev.metric, claim.metric} == {"casualties", "injured"} and prev.kind == claim.kind == "count" \
                and "article" not in (prev_q.written, q.written) and not _SUBSET_WORDS & set(between) \
                and (between[-1:] in (["and"], [";"]) or between[-2:] in ([",", "and"], [";", "and"])):
            # "four were struck by gunfire and two were hurt in the crush": the hurt by each cause, parts of
            # the hurt in all
            prev.is_partial = claim.is_partial = True
            continue
        if not between or not set(between) <= _ENUMERATION_JOINERS:
            continue
        if prev.kind == claim.kind == "count" and counts_people(prev.unit) and counts_people(claim.unit) \
                and prev.unit != claim.unit and prev.metric == claim.metric:
            prev.is_partial = claim.is_partial = True  # "two women and a man died"
    _next_share_of_a_breakdown(toks, kept)


def _next_share_of_a_breakdown(toks: list[Token], kept: list[tuple[Quantity, Claim]]) -> None:
    """ "Thirty of the injured were admitted and 10 were treated at a tent": a bare figure of the same count
    in the next clause after a part, joined by "and", is the next share of the same breakdown."""
    for (prev_q, prev), (q, claim) in zip(kept, kept[1:], strict=False):
        if not prev.is_partial or claim.is_partial or claim.subject is not None or prev.metric != claim.metric \
                or claim.metric not in _TOLLS or prev.kind != "count" or claim.kind != "count":
            continue
        between = [t.lower for t in toks[prev_q.last_token + 1:q.first_token] if t.start >= prev.char_end]
        if between[-1:] == ["and"] and len(between) > 2 and ";" not in between \
                and not _whole_closers().search(_clause_after(toks, q.last_token)):  # "and 40 were hurt in all"
            claim.is_partial = True
    for (prev_q, prev), (q, claim) in zip(kept, kept[1:], strict=False):
        # "14 were flown to the county hospital and nine were treated at the scene": a figure sent to a place of
        # treatment, then a share joined by "and", is the first share of the same breakdown ("40 were hurt and
        # 12 were treated at the scene" names no place before the share: 40 is the whole)
        if prev.is_partial or not claim.is_partial or prev.metric != claim.metric or claim.metric not in _TOLLS \
                or prev.kind != "count" or claim.kind != "count":
            continue
        between = [t.lower for t in toks[prev_q.last_token + 1:q.first_token] if t.start >= prev.char_end]
        if between[-1:] == ["and"] and len(between) > 2 and not {";", ","} & set(between) \
                and _place_named_pattern().search(" ".join(between)):
            prev.is_partial = True


@lru_cache(maxsize=1)
def _place_named_pattern() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_treatment_places(singular=False)})\b")


@lru_cache(maxsize=1)
def _whole_closers() -> PhraseSearch:
    return PhraseSearch(vocab.load("claim_scope")["whole_count_closers"])


def mark_a_breakdown_of(stated: list[Claim], claims: list[Claim]) -> None:
    """Figures of one metric in a sentence that add up exactly to a figure of that metric the sentence
    before stated are its breakdown, and parts: "Deaths: 13. Twelve died at the scene; one died in
    hospital overnight"."""
    groups: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim.kind == "count" and claim.metric != "other" \
                and claim.value_low is not None and claim.value_low == claim.value_high:
            groups.setdefault(claim.metric, []).append(claim)
    for metric, group in groups.items():
        # all the sentence's figures of the metric, else those not already a part of something else ("Five
        # were treated by the roadside and nine admitted. Six remain in hospital, two in intensive care")
        for items in (group, [c for c in group if not c.is_partial]):
            total = sum(c.value_low or 0 for c in items)
            if len(items) > 1 and any(s.metric == metric and s.value_low == s.value_high == total for s in stated):
                for claim in items:
                    claim.is_partial = True
                break


def mark_a_breakdown_over_sentences(run: list[list[Claim]]) -> list[tuple[Claim, Claim]]:
    """ "Police said 11 were hurt. Seven were taken to hospital: ... Four were treated at the dock.": the
    leading figures of a metric in the sentences after a whole, one per sentence, that add up exactly to it
    are its breakdown, and parts. `run` holds the figures of consecutive sentences of one paragraph, oldest
    first, the current sentence last; a breakdown within one sentence is mark_a_breakdown_of's. Returns
    each part marked with its whole."""
    if len(run) < 3:
        return []
    for metric in {c.metric for c in run[-1] if c.kind == "count" and c.metric in _TOLLS}:
        leads: list[Claim] = []
        for figures in reversed(run[1:]):
            lead = next((c for c in figures if c.metric == metric and c.kind == "count"), None)
            if lead is None or lead.value_low is None or lead.value_low != lead.value_high:
                break
            leads.append(lead)
            whole = run[len(run) - len(leads) - 1]
            total = sum(c.value_low or 0 for c in leads)
            total_of = next((w for w in whole if w.metric == metric and not w.is_partial and w.kind == "count"
                             and w.value_low == w.value_high == total), None)
            if len(leads) >= 2 and total_of is not None:
                for claim in leads:
                    claim.is_partial = True
                return [(claim, total_of) for claim in leads]
    return []


# Words between two figures that make the second a part of the first, not a second cause's count.
_SUBSET_WORDS = frozenset({"including", "among", "of"})
# Metrics whose definite back-references ("the three men who died") point at a group already counted.
_TOLLS = frozenset({"killed", "injured", "casualties"})


def mark_back_references(claims: list[Claim]) -> None:
    """A definite figure ("the three men we have named", "the two deaths in the annex") after a larger
    figure of the same metric in the article names a group the reader has met: part of that toll, not a
    rival to it. The claims are one section's, in text order."""
    largest: dict[str, float] = {}
    for claim in claims:
        if claim.metric not in _TOLLS or claim.is_partial or claim.assertion != "asserted" \
                or claim.event_scope != "main" or claim.value_high is None:
            continue
        if claim.quantity_text[:4].lower() == "the " and largest.get(claim.metric, 0) > claim.value_high:
            claim.is_partial = True
        else:
            largest[claim.metric] = max(largest.get(claim.metric, 0), claim.value_low or 0)


def mark_repeated_groups(claims: list[Claim]) -> None:
    """A definite count of people ("the 14 escapees", "the two women") with no source of its own, whose
    figure a count of people earlier in the article (its title included) already gave, names that group
    again: the earlier figure carries the source or the flag. The claims are the article's, in order."""
    stated: set[tuple[float, float | None]] = set()
    for claim in claims:
        if claim.value_low is None or claim.kind != "count" \
                or not (claim.metric != "other" or counts_people(singular(claim.unit or ""))):
            continue
        figure = (claim.value_low, claim.value_high)
        if claim.section == "body" and claim.quantity_text[:4].lower() == "the " and figure in stated \
                and not claim.sources:
            claim.is_partial = True
        stated.add(figure)


@lru_cache(maxsize=1)
def _naming_copula() -> re.Pattern[str]:
    """A copula of naming right after a count, then a list of members (a comma or an "and" before its end)."""
    return re.compile(r"\s+(?:" + alternation(vocab.word_set("claim_scope", "naming_copulas"))
                      + r")\s+[^.;:!?]*?(?:,|\band\b)", re.IGNORECASE)


def mark_named_groups(claims: list[Claim]) -> None:
    """A definite count of people with no source of its own that opens its sentence and is then named member by
    member ("The three injured were a porter, a cook and a driver") points back at a group already counted:
    the sentence says who they were, not how many."""
    for claim in claims:
        if claim.section != "body" or claim.sources or claim.kind != "count" or claim.is_partial \
                or claim.quantity_text[:4].lower() != "the " \
                or not (claim.metric != "other" or counts_people(singular(claim.unit or ""))):
            continue
        at = claim.sentence.find(claim.quantity_text)
        line_start = claim.sentence.rfind("\n", 0, max(at, 0)) + 1
        if at < 0 or re.search(r"\w", claim.sentence[line_start:at]):
            continue
        if _naming_copula().match(claim.sentence, at + len(claim.quantity_text)):
            claim.is_partial = True


_REMAINS_OF = (("bodies", "of"), ("body", "of"), ("remains", "of"))
_SINGLE = frozenset({"a", "an", "one"})
_ITEM_WORDS = 6  # words an enumeration's single item may take: "a 63 - year - old woman"


def _beside_a_single_person(toks: list[Token], q: Quantity, claim: Claim) -> bool:
    """A count of people joined by "and" to one person named with "a" or "an" ("a woman and two men were
    shot", "two girls and a teacher died"): an item of an enumeration whose sum is the group."""
    if q.first_token >= 2 and toks[q.first_token - 1].lower == "and" \
            and counts_people(singular(toks[q.first_token - 2].lower)) \
            and any(t.lower in _SINGLE for t in toks[max(0, q.first_token - 2 - _ITEM_WORDS):q.first_token - 2]):
        return True
    end = _end_token(toks, q, claim)
    after = [t.lower for t in toks[end + 1:end + 3 + _ITEM_WORDS]]
    if after[:1] != ["and"] or len(after) < 3 or after[1] not in _SINGLE:
        return False
    return any(counts_people(singular(w)) for w in after[2:])


def mark_per_unit(toks: list[Token], kept: list[tuple[Quantity, Claim]]) -> None:
    """Set `is_partial` on the counts of a sentence that count per unit ("4 volunteers at each of the 9 water
    points"): one unit's share. Asked after the metrics are final: such a count keeps its metric."""
    for q, claim in kept:
        if claim.kind == "count" and _per_unit(toks, _end_token(toks, q, claim)):
            claim.is_partial = True


def _per_unit(toks: list[Token], end: int) -> bool:
    """Whether the counted phrase ending at token `end` is followed, in its clause, by a word that makes it
    a count per unit ("at each of the 9 sites", "per shift", "in every ward"; claim_scope.yaml
    per_unit_words): one unit's share of a total, not the total."""
    return bool(_per_unit_pattern().match(_clause_after(toks, end, _PER_UNIT_WORDS)))


_PER_UNIT_WORDS = 6  # tokens after the counted phrase the per-unit words may take: "were posted at each of"


@lru_cache(maxsize=1)
def _per_unit_pattern() -> re.Pattern[str]:
    scope = vocab.load("claim_scope")
    verbs, words = alternation(scope["per_unit_verbs"]), alternation(scope["per_unit_words"])
    return re.compile(rf"^(?:(?:{verbs})\s+){{0,2}}(?:{words})\b")


def _end_token(toks: list[Token], q: Quantity, claim: Claim) -> int:
    """The last token of the claim's counted phrase ("26 injured workers" ends at "workers")."""
    return next((i for i in range(q.last_token, len(toks)) if toks[i].end >= claim.char_end), q.last_token)


# Tokens that end the stretch of a clause a state or a place is looked for in.
_CLAUSE_STOPS = frozenset({".", ";", ",", "and", "but", "while"})
# tokens after a count that its state may take: "were in a stable but serious condition", "brought to her
# hospital are in a stable condition"
_STATE_WORDS = 10


def _in_a_condition(toks: list[Token], last: int) -> bool:
    """ "four were in a critical condition", "two people in intensive care": how many are in that state,
    a part of the injured."""
    words: list[str] = []
    for t in toks[last + 1:last + 1 + _STATE_WORDS]:
        if t.lower in _CLAUSE_STOPS:
            break
        words.append(t.lower)
    return bool(_condition_pattern().search(" ".join(words)))


@lru_cache(maxsize=1)
def _condition_pattern() -> PhraseSearch:
    return PhraseSearch(vocab.load("claim_scope")["condition_states"])


_PLACE_WORDS = 6  # tokens between "in" or "at" and the treatment place: "in the new burn unit"


def _counted_at_a_facility(toks: list[Token], end: int) -> bool:
    """A counted phrase followed at once by "in" or "at" a treatment place that closes the phrase ("26
    injured workers in the burn unit of ...", "40 patients at Mercy Hospital,"): that place's share."""
    if end + 1 >= len(toks) or toks[end + 1].lower not in {"in", "at"}:
        return False
    rest = " ".join(t.lower for t in toks[end + 2:end + 4 + _PLACE_WORDS])
    return bool(_facility_place_pattern().match(rest))


@lru_cache(maxsize=1)
def _treated_at_a_place_pattern() -> re.Pattern[str]:
    table = vocab.load("claim_scope")
    auxiliaries, verbs = alternation(table["place_treatment_auxiliaries"]), alternation(table["place_treatment_verbs"])
    scenes = alternation(table["scene_places"])
    # a treatment place with at least one word before its noun: "at the field clinic", "in Ward 3's aid post"
    named = rf"(?:at|in) (?:\S+ ){{1,{_PLACE_WORDS}}}?(?:\S+-)?(?:{_treatment_places(singular=True)})"
    return re.compile(rf"^(?:{auxiliaries}) (?:\S+ly )?(?:{verbs}) (?:\S+ )??(?:{scenes}|{named})\b")


def _treated_at_a_named_place(toks: list[Token], end: int) -> bool:
    """ "nine were seen at the field clinic", "12 were treated on scene": a passive verb of treatment right
    after the counted phrase, then the scene or a treatment place named with more than its noun, in the
    count's clause. "were treated in hospital" names no single place and stays a whole."""
    return bool(_treated_at_a_place_pattern().match(_clause_after(toks, end, _STATE_WORDS + _PLACE_WORDS)))


# Words that may stand between a verb of admission and its period: "were admitted to the burns unit overnight".
_ADMISSION_GAP = 4


@lru_cache(maxsize=1)
def _admitted_over_a_period_pattern() -> re.Pattern[str]:
    table = vocab.load("claim_scope")
    auxiliaries = alternation(table["place_treatment_auxiliaries"])
    verbs, periods = alternation(table["period_admission_verbs"]), alternation(table["admission_periods"])
    return re.compile(rf"^(?:{auxiliaries}) (?:\S+ly )?(?:{verbs}) (?:\S+ ){{0,{_ADMISSION_GAP}}}?(?:{periods})\b")


def _admitted_over_a_period(toks: list[Token], end: int) -> bool:
    """ "three were admitted overnight", "two more were brought in in the past 24 hours": a passive verb of
    admission right after the counted phrase, then a period, in the count's clause. Those who came in over
    that period are the step the hospital's count grew by, not everyone hurt."""
    return bool(_admitted_over_a_period_pattern().match(_clause_after(toks, end, _STATE_WORDS + _ADMISSION_GAP)))


@lru_cache(maxsize=1)
def _active_treatment_verbs() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(str(v).split()) for v in vocab.load("claim_scope")["active_treatment_verbs"])


@lru_cache(maxsize=1)
def _makeshift_venue_pattern() -> re.Pattern[str]:
    venues = alternation(vocab.load("claim_scope")["makeshift_treatment_venues"])
    # "in the sports hall", "at a primary school": one place, named with its article
    return re.compile(rf"^(?:in|at) (?:the|a|an|its|their|our) (?:\S+ ){{0,3}}?(?:{venues})\b")


def _treated_at_a_makeshift_venue(toks: list[Token], first: int, end: int) -> bool:
    """ "the Red Cross treated 14 people in the church hall": a count that is the object of an active verb
    of treatment, then "in" or "at" a makeshift place of treatment right after the counted phrase, is the
    share one team took at one place, not everyone hurt."""
    if not right_after(toks, first, _active_treatment_verbs()):
        return False
    return bool(_makeshift_venue_pattern().match(" ".join(t.lower for t in toks[end + 1:end + 6 + _PLACE_WORDS])))


@lru_cache(maxsize=1)
def _place_relatives() -> PhraseSearch:
    return PhraseSearch(vocab.load("claim_scope")["place_relatives"])


@lru_cache(maxsize=1)
def _place_before_relative_pattern() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_treatment_places(singular=False)})(?: ,)?$")


def _in_a_place_relative(toks: list[Token], first: int) -> bool:
    """ "taken to the district clinic, where six were kept": a figure right after a relative word whose
    antecedent, just before it, is a treatment place counts those that place took, a share."""
    for words in range(1, 3):  # "where", "in which"
        start = first - words
        if start < 1:
            break
        relative = " ".join(t.lower for t in toks[start:first])
        found = _place_relatives().search(relative)
        if found is not None and found == (0, len(relative)):
            before = " ".join(t.lower for t in toks[max(0, start - _PLACE_WORDS):start])
            return bool(_place_before_relative_pattern().search(before))
    return False


_LABEL_OPENERS = frozenset({":", ";", "•", "·", "▪", "-", "–", "—"})
_LABEL_CLOSERS = frozenset({";", ".", ",", "("})
_LABEL_WORDS = 8  # words a field's label may take: "treated on scene and discharged"


def _labelled_with_a_share(toks: list[Token], q: Quantity) -> bool:
    """A figure closing a field whose label names one place or state ("Kerrevaal General Hospital 34;",
    "treated on scene and discharged 9.", "In hospital: 20"): that place's or state's share."""
    after = toks[q.last_token + 1].lower if q.last_token + 1 < len(toks) else "."
    if after not in _LABEL_CLOSERS:
        return False
    start = next((k + 1 for k in range(q.first_token - 1, max(-1, q.first_token - 2 - _LABEL_WORDS), -1)
                  if toks[k].lower in _LABEL_OPENERS), None)
    if start is None or start >= q.first_token:
        return False
    words = [t.lower for t in toks[start:q.first_token] if t.lower != ":"]
    if not vocab.word_set("reporting_verbs", "verbs").isdisjoint(words):
        return False  # "Brenna Lines still says nine": who says it, not a field's label
    return bool(_share_label_pattern().search(" ".join(words)))


@lru_cache(maxsize=1)
def _share_label_pattern() -> PhraseSearch:
    table = vocab.load("claim_scope")
    places = [str(p) for p in vocab.load("metrics")["treatment_places"]]
    return PhraseSearch([*places, *table["scene_places"], *table["scene_treatment_verbs"], *table["condition_states"],
                         "in hospital", "still in", "remain in", "remains in"])


def _field_names_a_state(toks: list[Token], q: Quantity) -> bool:
    """A figure after a record's field label that names a state or place of treatment some of the hurt
    are in ("Patients currently admitted: 5", "Discharged from the wards: 3", "In hospital: 20"): the
    label line's version of "five are in hospital", a part of the injured."""
    label = field_label_words(toks, q.first_token)
    if label is None:
        return False
    found = _hospital_state_pattern().search(label)
    state = (found.start(), found.end()) if found else _share_label_pattern().search(label)
    if state is None:
        return False
    # "Brenna Lines still says nine" is who says it; "admitted" names the state, not a speaker conceding
    rest = f"{label[:state[0]]} {label[state[1]:]}".split()
    return vocab.word_set("reporting_verbs", "verbs").isdisjoint(rest)


def names_a_state(text: str) -> bool:
    """Whether a text asks about or names a state some of the hurt are in ("How many are still in
    hospital?", "in intensive care"): a figure answering it is a part of the injured."""
    return bool(_share_label_pattern().search(text.lower()))


def _clause_after(toks: list[Token], end: int, limit: int = _STATE_WORDS) -> str:
    """The words after token `end` up to the clause's end (a stop, a semicolon or a comma), at most
    `limit` of them, lower-cased and joined by spaces."""
    words: list[str] = []
    for t in toks[end + 1:end + 1 + limit]:
        if t.lower in {".", ";", ","}:
            break
        words.append(t.lower)
    return " ".join(words)


@lru_cache(maxsize=1)
def _scene_treatment_pattern() -> re.Pattern[str]:
    table = vocab.load("claim_scope")
    verbs, places = alternation(table["scene_treatment_verbs"]), alternation(table["scene_places"])
    # the release before the place or after it: "released at the scene", "treated at the scene and released"
    return re.compile(rf"\b(?:{verbs})\b.*?\b(?:{places})\b(?! of\b)|\b(?:{places})\b(?! of\b).*?\b(?:{verbs})\b")


def _treated_at_the_scene(toks: list[Token], end: int) -> bool:
    """ "four were treated and released at the scene", "14 were treated on scene": the scene's share."""
    return bool(_scene_treatment_pattern().search(_clause_after(toks, end)))


@lru_cache(maxsize=1)
def _death_at_a_facility_pattern() -> re.Pattern[str]:
    verbs = alternation(vocab.load("claim_scope")["death_verbs"])
    return re.compile(rf"\b(?:{verbs})\b(?: \S+)?? (?:in|at) (?:\S+ ){{0,{_PLACE_WORDS - 1}}}?"
                      rf"(?:{_treatment_places(singular=True)})\b")


@lru_cache(maxsize=1)
def _death_share_pattern() -> re.Pattern[str]:
    table = vocab.load("claim_scope")
    verbs, places = alternation(table["death_verbs"]), alternation(table["death_share_phrases"])
    return re.compile(rf"\b(?:{verbs})\b(?: \S+)?? (?:{places})\b")


def died_where_or_when(toks: list[Token], q: Quantity, claim: Claim) -> bool:
    """ "two died at the scene", "one died later in hospital": the dead of one place or moment, which is
    a part of the toll when the article states a larger one (mark_shares_of_a_larger_toll)."""
    return claim.metric == "killed" \
        and bool(_death_share_pattern().search(_clause_after(toks, _end_token(toks, q, claim))))


def mark_shares_of_a_larger_toll(shares: list[Claim], claims: list[Claim]) -> None:
    """The dead of one place or moment (`shares`) below the largest toll the section's other figures state
    are a part of it: "Two people died at the scene" beside "Police said five people were killed"."""
    tolls = [c.value_low or 0 for c in claims if c.metric == "killed" and not c.is_partial
             and c.assertion == "asserted" and c.event_scope == "main" and all(c is not s for s in shares)]
    for share in shares:
        if tolls and share.value_high is not None and max(tolls) > share.value_high:
            share.is_partial = True


def _died_at_a_facility(toks: list[Token], end: int) -> bool:
    """ "two patients died overnight at Keldun Burns Centre", "two soldiers who were in serious condition
    died at the district hospital": those who died at one treatment place, a part of the toll."""
    return bool(_death_at_a_facility_pattern().search(_clause_after(toks, end, _STATE_WORDS + _PLACE_WORDS)))


def _treatment_places(*, singular: bool) -> str:
    """The treatment places (metrics.yaml) as a regex alternation; with `singular`, only those naming one."""
    places = (str(p).lower() for p in vocab.load("metrics")["treatment_places"])
    return alternation(p for p in places if not (singular and p.endswith("s")))


@lru_cache(maxsize=1)
def _facility_place_pattern() -> re.Pattern[str]:
    places = _treatment_places(singular=True)  # "at the hospitals" or "at two clinics" may hold everyone hurt
    closers = alternation(vocab.load("claim_scope")["share_closers"])
    # "hospital fire" or "hospital staff" goes on naming something else: the place must close the phrase
    return re.compile(rf"(?:\S+ ){{0,{_PLACE_WORDS - 1}}}?(?:{places})(?: (?:of|{closers})\b| [,.;:]|$)")


def _the_step_of_a_rise(toks: list[Token], first: int) -> bool:
    """A figure right after "after" (or "after the") in a sentence whose earlier words say a count rose."""
    at = first - 1 if first > 0 and toks[first - 1].lower != "the" else first - 2
    if at < 1 or toks[at].lower != "after":
        return False
    return bool(_rise_pattern().search(" ".join(t.lower for t in toks[:at])))


def _added_to_a_count(toks: list[Token], first: int) -> bool:
    """A figure right after an adding verb whose clause goes on to "to its/the/their <count noun>"."""
    if first < 1 or toks[first - 1].lower not in vocab.word_set("claim_scope", "adding_verbs"):
        return False
    count_nouns = vocab.word_set("reporting_verbs", "count_nouns") | {"list", "lists"}
    for k in range(first + 1, min(len(toks) - 2, first + 15)):
        if toks[k].lower in {".", ";"}:
            return False
        if toks[k].lower == "to" and toks[k + 1].lower in {"its", "the", "their", "his", "her"} \
                and any(t.lower in count_nouns for t in toks[k + 2:k + 4]):
            return True
    return False


@lru_cache(maxsize=1)
def _rise_pattern() -> PhraseSearch:
    return PhraseSearch(vocab.load("claim_scope")["rise_verbs"])


def _one_place_alone(toks: list[Token], first: int) -> bool:
    """A figure in the same stretch as "in ... alone" ("40 died in the capital alone", "In the capital
    alone, 40 died"): one place's share of a larger toll."""
    closers = vocab.word_set("claim_scope", "share_closers")
    start = first
    while start > 0 and toks[start - 1].lower not in {".", ";", ","}:
        start -= 1
    end = first
    while end + 1 < len(toks) and toks[end + 1].lower not in {".", ";", ","}:
        end += 1
    opening = next((i for i, t in enumerate(toks) if t.lower in {".", ";", ","}), len(toks))
    if start > 1 and opening == start - 1 and toks[start - 2].lower in closers \
            and toks[0].lower in {"in", "at", "from"}:
        return True  # "In the capital alone, 40 died": the opening phrase scopes the sentence
    # "40 died in the capital alone": "in" after the figure, "alone" closing its phrase
    after = [t.lower for t in toks[first + 1:end + 1]]
    return any(w in closers and {"in", "at", "from"} & set(after[max(0, i - _PLACE_WORDS - 1):i])
               for i, w in enumerate(after))


_GROUP_OPENERS = frozenset("the those these them all whom its their our".split())


def _after_an_of_phrase(toks: list[Token], first: int) -> bool:
    """ "Of those taken to hospital, 9 were critical", "Of the 58 injured, 27 went home": a figure right
    after an opening "Of ..." phrase and its comma counts part of the group that phrase names."""
    if len(toks) < 3 or toks[0].lower != "of" or toks[1].lower not in _GROUP_OPENERS or first == 0:
        return False  # not "Of course, 30 died"
    comma = next((i for i, t in enumerate(toks) if t.lower == ","), len(toks))
    return comma < first  # every figure after the opening phrase: "Of those, 11 went to Mercy, six to ..."


def _says_displaced(sentence: str) -> bool:
    """Whether a sentence names displacement itself ("evacuated", "fled", "displaced"), not only a shelter."""
    for shelter in _shelters():
        sentence = sentence.replace(shelter, " ")  # "evacuation centres" is a shelter, not an act
    return bool(_displaced_pattern().search(sentence))


@lru_cache(maxsize=1)
def _shelters() -> tuple[str, ...]:
    return tuple(str(s).lower() for s in vocab.load("metrics")["destination_overrides"]["displaced"])


@lru_cache(maxsize=1)
def _displaced_pattern() -> PhraseSearch:
    return PhraseSearch([cue for cue, (metric, _) in vocab.metric_cues().items() if metric == "displaced"])


@lru_cache(maxsize=1)
def _facility_stops() -> frozenset[str]:
    """Words after a facility's verb that end what it took in: a reporting verb or a clause mark."""
    return vocab.word_set("reporting_verbs", "verbs") | {",", ";", ":", "."}


@lru_cache(maxsize=1)
def _facility_verbs() -> PhraseSearch:
    return PhraseSearch(vocab.load("claim_scope")["facility_verbs"], joins=r"\w")


@lru_cache(maxsize=1)
def _facility_pattern() -> re.Pattern[str]:
    places = _treatment_places(singular=False)
    verbs = alternation(str(v).lower() for v in vocab.load("claim_scope")["facility_verbs"])
    # "Our field clinic, which opened at 07:00 on Friday, has so far treated 21": an aside may stand between
    aside = r"(?:\s+,\s+(?:which|that|where)\b[^.;,]{0,80}?\s+,)?"
    return re.compile(rf"\b(?:{places})\b{aside}(?:\s+[^\s.;]+){{0,8}}?\s+(?:{verbs})\b")


def _facility_objects(sentence: str) -> set[int]:
    """Indices of the tokens a treatment place took in, treated or admitted ("Lakeview Medical Center
    treated the two victims", "the hospital had taken in about 400"): up to four tokens after the verb,
    so a figure the place only reports ("the hospital that received the victims said 26 had died")
    stays a whole."""
    governed: set[int] = set()
    if _facility_verbs().search(sentence) is None:  # every match ends in one of the verbs
        return governed
    words = sentence.split(" ")
    stops = _facility_stops()
    for m in _facility_pattern().finditer(sentence):
        after_verb = sentence.count(" ", 0, m.end()) + 1  # tokens are joined by single spaces
        for k in range(after_verb, min(len(words), after_verb + 4)):
            if words[k] in stops:
                break  # "the hospital that received the victims said 26 had died": the hospital reports
            governed.add(k)
    return governed


def _breaks_down_an_earlier_count(toks: list[Token], q: Quantity, claim: Claim, largest: dict[str, float]) -> bool:
    """A figure right after a comma that is smaller than a count of the same metric earlier in the
    sentence ("eleven were still hospitalized, two in critical condition"): a part of that count.
    `largest` holds the largest figure so far per metric and is updated here."""
    earlier = largest.get(claim.metric)
    if claim.metric != "other" and claim.value_low is not None:
        largest[claim.metric] = max(earlier or 0.0, claim.value_low)
    if q.first_token == 0 or toks[q.first_token - 1].lower != "," or claim.value_high is None:
        return False
    return earlier is not None and earlier > claim.value_high


def _still_in_state(toks: list[Token], last: int) -> bool:
    """ "two remain hospitalized", "three are still in critical condition": how many are in that state now,
    a number that falls as people are discharged, not the number ever hurt."""
    words = vocab.word_set("claim_scope", "still_cues")
    k, limit = last + 1, last + 6
    while k < min(len(toks), limit):
        if toks[k].lower == ",":
            # "four people injured in the fire, including a firefighter, remained in hospital": skip the aside
            close = next((j for j in range(k + 1, min(len(toks), k + 8)) if toks[j].lower in {",", ".", ";"}), None)
            if close is None or toks[close].lower != "," or toks[k + 1].lower not in _ASIDE_OPENERS:
                return False
            limit += close + 2 - k
            k = close + 1
            continue
        if toks[k].lower in {".", ";", "and", "but"}:
            return False
        if toks[k].lower in words:
            return True
        k += 1
    return False


def _in_hospital_now(toks: list[Token], last: int) -> bool:
    """ "nine are in hospital", "one is hospitalised": a present-tense state of treatment right after the
    count, how many are there now."""
    if last + 2 >= len(toks) or toks[last + 1].lower not in vocab.word_set("claim_scope", "present_copulas"):
        return False
    return _hospital_state_pattern().match(_clause_after(toks, last + 1, 4)) is not None


@lru_cache(maxsize=1)
def _hospital_state_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(vocab.load('claim_scope')['hospital_states'])})\b")


_ASIDE_OPENERS = frozenset({"including", "among", "most", "many", "some", "all", "both", "mostly"})


@lru_cache(maxsize=1)
def _subset_cues_by_last_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    by_last: dict[str, list[tuple[str, ...]]] = {}
    for words in subset_cues():
        by_last.setdefault(words[-1], []).append(words)
    return {last: tuple(cues) for last, cues in by_last.items()}


def _after_subset_cue(toks: list[Token], first: int) -> bool:
    end = first
    while end > 0 and toks[end - 1].lower in _CUE_GAP and first - end < 3:
        end -= 1
    if end == 0:
        return False
    for words in _subset_cues_by_last_word().get(toks[end - 1].lower, ()):  # only cues ending in the word before
        start = end - len(words)
        if start >= 0 and tuple(t.lower for t in toks[start:end]) == words:
            return True
    return False
