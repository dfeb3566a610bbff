"""Bare figures that an origin gives for a count already under discussion: "Police say 19 and 60" after
"the ministry says 22 people were killed and 74 wounded", "The coast guard still puts it at 11", "Our
figure is 22", "a tally of 21", "We stand by 66", "Tonight it is ten", "the count stands at 67", "We count 18",
"We keep to 44", "Ours is 19", "Our figure, 226, is correct".

Such a number names no noun of its own, so no cue governs it; what it counts is the count just stated:
the metric of the figures before it in its sentence, else of the sentence before (in order, when that
sentence states several metrics and this one answers with as many figures), else the event the sentences
before speak of. The slot words are data (`data/claim_scope.yaml`: figure_nouns, figure_at_verbs,
figure_stand_verbs, figure_pronouns, figure_count_verbs, figure_stay_verbs); the reporting verbs are the
attribution vocabulary's.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from claimledger import vocab
from claimledger.extraction.counted import first_metric_cue
from claimledger.extraction.keys import counts_people
from claimledger.extraction.quantities import Quantity
from claimledger.extraction.text import Token, right_after
from claimledger.model import Claim

# What a figure slot's number counts must be one of these: a figure "of" or "at" something else (money,
# a share) has a noun or a unit and never reaches this module.
_COUNTED_HARMS = ("killed", "injured", "casualties", "missing")
_LINKS = frozenset({"is", "was", "remains", "remained", "stands", "stood"})
_JOINERS = frozenset({"and", ","})
_POSSESSIVES = frozenset({"our", "their", "its", "his", "her", "my"})
_DETERMINERS = _POSSESSIVES | {"the", "a", "an", "this", "that"}
# Verbs a speaker holds a figure with ("We have nine", "we had 12", "we counted 71" is a reporting verb).
_GIVING_VERBS = frozenset({"have", "had"})
# Words before "at" that make a figure where a count stands ("we're at seven", "still at 11").
_SPEAKERS = frozenset({"we", "i", "they"})  # who holds a figure in "we have nine"
_BEING_AT = frozenset({"we're", "they're", "are", "still", "remain", "remains", "stays", "stay"})
# Words that may stand between a verb and "at" when what is put at a figure is the count itself.
_OBJECT_WORDS = frozenset({"it", "the", "its", "their", "his", "her", "our", "this", "that", "death", "final"})


@lru_cache(maxsize=1)
def _slot_words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    data = vocab.load("claim_scope")
    return (frozenset(str(w) for w in data["figure_nouns"]), frozenset(str(w) for w in data["figure_at_verbs"]),
            frozenset(str(w) for w in data["figure_stand_verbs"]), vocab.word_set("reporting_verbs", "verbs"))


@lru_cache(maxsize=1)
def earlier_cues() -> tuple[tuple[str, ...], ...]:
    """Words right before a figure that make it an earlier value of the figure before it ("up from")."""
    return tuple(tuple(str(c).lower().split()) for c in vocab.load("claim_scope")["earlier_figure_cues"])


def in_a_figure_slot(toks: list[Token], first: int) -> bool:
    """Whether the number at token `first` is the figure a phrase gives: "a figure of 21", "our number is
    23", "puts it at 11", "says 87", "stands by 66"."""
    nouns, at_verbs, stand_verbs, reporting = _slot_words()
    after = [t.lower for t in toks[first + 1:first + 4]]
    if after[:1] in (["is"], ["was"]) and (len(after) > 1 and after[1] in _POSSESSIVES | {"the", "what"}) \
            and (after[1] == "what" or after[2:3] and after[2] in nouns):
        return True  # "Nine is our number", "13 is the number", "Twenty-seven is what we can stand behind"
    before = [t.lower for t in toks[max(0, first - 4):first]]
    if not before:
        return False
    last = before[-1]
    if last in _GIVING_VERBS and before[-2:-1] and before[-2] in _SPEAKERS \
            or last == "at" and before[-2:-1] and before[-2] in _BEING_AT:
        return True  # "We have nine", "Yesterday we had 12", "we're at seven", "still at 11"; not "Green had 14"
    if last == "of":
        return len(before) >= 2 and before[-2] in nouns  # "a figure of 21", "the count of 47"
    if last == "be" and before[-2:-1] and before[-2] in vocab.word_set("claim_scope", "figure_modals"):
        before, last = before[:-1], "is"  # "it will be five", "our count would be 12": a link verb after a modal
    if last in _LINKS or last in vocab.word_set("claim_scope", "figure_reach_verbs"):
        # "Our number is 23", "its figure was 66", "Tonight it is ten", "its total has reached 226"
        return any(w in nouns for w in before[:-1]) \
            or len(before) >= 2 and before[-2] in vocab.word_set("claim_scope", "figure_pronouns")
    if last == "at" and before[-2:-1] and before[-2] in stand_verbs:
        return True  # "the bureau's count now stands at 67", "We stand at 12"
    if last == "at":  # "puts it at 11", "put the number at 112"; not "estimated the crowd at 9,000"
        verb = next((i for i, w in enumerate(before[:-1]) if w in at_verbs), None)
        return verb is not None and all(w in nouns or w in _OBJECT_WORDS or w in vocab.metric_cues()
                                        for w in before[verb + 1:-1])
    if last == "by":
        return len(before) >= 2 and before[-2] in stand_verbs  # "We stand by 66"
    if last == "with":
        return len(before) >= 2 and before[-2] in vocab.word_set("claim_scope", "figure_stay_verbs")  # "stay with 56"
    if last == "to" and before[-2:-1] and before[-2] in vocab.word_set("claim_scope", "figure_stay_verbs"):
        return True  # "We keep to 44", "sticks to 12"
    if last in vocab.word_set("claim_scope", "figure_count_verbs"):
        return len(before) >= 2 and before[-2] not in _DETERMINERS  # "We count 18"; not "the count 18"
    if last == "," and len(before) >= 2 and before[-2] in nouns and after[:1] == [","]:
        return True  # "Our figure, 226, is correct"
    if last == "from":  # "the toll was up from 14", "its count had risen from 34", "raising his count from four"
        links = vocab.word_set("claim_scope", "figure_from_links") | vocab.word_set("claim_scope", "figure_to_verbs")
        k = first - 2
        while k >= max(0, first - 5) and toks[k].lower in links:
            k -= 1
        return k >= 0 and toks[k].lower in nouns
    if last == "to":  # "raised its count on Tuesday to 33"
        rises = vocab.word_set("claim_scope", "figure_to_verbs")
        return any(t.lower in rises for t in toks[max(0, first - 6):first])
    return last in reporting  # "The health authority says 87."


def held_records(toks: list[Token], first: int, subject: str | None) -> bool:
    """Whether the number at token `first` counts records a speaker holds, one for each person: "We have
    21 names", "Our list has 16 names", "we have 15 post-mortem reports" (see figure_records)."""
    if subject is None or subject.lower() not in vocab.word_set("claim_scope", "figure_records"):
        return False
    holders = vocab.word_set("claim_scope", "figure_holders")
    return any(t.lower in holders for t in toks[max(0, first - 3):first])


def _harm_metrics(claims: list[Claim]) -> list[str]:
    return [c.metric for c in claims if c.metric in _COUNTED_HARMS and not c.is_partial]


def give_figures_their_count(toks: list[Token], kept: list[tuple[Quantity, Claim]], before: list[Claim],
                             event: Callable[[], str | None], default_units: dict[str, str], *,
                             answers_a_question: bool = False) -> None:
    """Set the metric of the bare figures in figure slots of one sentence (`kept`, in order) from the
    figures before them in the sentence, the previous sentence's figures `before`, or the metric the
    sentence before speaks of (`event`, asked only when needed). With `answers_a_question`, a figure that
    opens the sentence is one too ("How many died?" then "Nine, according to the ministry")."""
    slots: list[Claim] = []
    compared: dict[int, Claim] = {}  # id of an earlier value ("up from 63") -> the slot figure it is compared with
    for i, (q, claim) in enumerate(kept):
        record = claim.unit is not None and held_records(toks, q.first_token, claim.subject)
        if claim.metric != "other" or (claim.unit is not None and not record) or q.unit_hint is not None:
            continue
        prev_q, prev = kept[i - 1] if i else (None, None)
        after_a_slot = prev_q is not None and any(prev is c for c in slots)
        listed = after_a_slot and prev_q is not None \
            and {t.lower for t in toks[prev_q.last_token + 1:q.first_token]} <= _JOINERS
        if after_a_slot and prev is not None and right_after(toks, q.first_token, earlier_cues()):
            compared[id(claim)] = prev  # "the count stands at 67, up from 63": the same count, earlier
        elif record or listed or in_a_figure_slot(toks, q.first_token) or (answers_a_question and q.first_token == 0):
            slots.append(claim)  # "Police say 19 and 60": the second answers in the same breath
    if not slots:
        return
    _give_slots_their_count(slots, kept, before, event, default_units)
    for _, claim in kept:
        if (now := compared.get(id(claim))) is not None and now.metric in _COUNTED_HARMS:
            claim.metric, claim.kind, claim.unit = now.metric, "count", now.unit


def _give_slots_their_count(slots: list[Claim], kept: list[tuple[Quantity, Claim]], before: list[Claim],
                            event: Callable[[], str | None], default_units: dict[str, str]) -> None:
    slot_ids = {id(c) for c in slots}
    earlier = _harm_metrics([c for _, c in kept if id(c) not in slot_ids and c.char_start < slots[0].char_start])
    stated = _harm_metrics(before)
    for n, claim in enumerate(slots):
        if earlier:
            metric = earlier[-1]
        elif len(stated) == len(slots):
            metric = stated[n]  # "22 killed and 74 wounded. Police say 19 and 60."
        elif stated and len(set(stated)) == 1:
            metric = stated[0]
        elif not stated and (spoken_of := event()) in _COUNTED_HARMS:
            metric = spoken_of  # "How many died is disputed. The coast guard puts it at 11."
        else:
            continue
        claim.metric, claim.kind, claim.unit = metric, "count", default_units.get(metric)


def give_parts_their_group(toks: list[Token], kept: list[tuple[Quantity, Claim]], before: list[Claim],
                           default_units: dict[str, str]) -> None:
    """Set the metric of a bare figure that counts part of a group named by a pronoun or a cue ("Nine people
    died. Four of them were firefighters", "Of these, 11 were women", "Of the deaths, 4 were infants"): the
    metric of that group, the last whole harm figure before it in the sentence, else in the sentence before
    (`before`), when it is larger. `kept` is the sentence's figures in order."""
    pronouns = vocab.word_set("claim_scope", "group_pronouns")
    opening = None  # the sentence's opening "Of ...," phrase: its metric cue, or "group" for a pronoun
    if len(toks) > 3 and toks[0].lower == "of":
        comma = next((i for i, t in enumerate(toks) if t.lower == ","), 0)
        if comma == 2 and toks[1].lower in pronouns:
            opening = "group"
        elif 2 < comma <= 5 and toks[1].lower == "the":
            opening = first_metric_cue(toks[2:comma])
    for i, (q, claim) in enumerate(kept):
        if claim.metric != "other" or q.unit_hint is not None or claim.value_low is None:
            continue
        named = counts_people(claim.unit) and _named_in_a_group(toks, q.first_token)
        if claim.unit is not None and not named:
            continue
        after = [t.lower for t in toks[q.last_token + 1:q.last_token + 3]]
        partitive = after[:1] == ["of"] and after[1:2] and after[1] in pronouns
        if claim.quantity_text[:4].lower() == "the " and claim.unit is None:
            # "Of the 26, nine are employees": the group just counted, named again by its figure
            same = [c for c in before if c.metric in _COUNTED_HARMS and c.value_low == claim.value_low
                    and c.value_high == claim.value_high]
            metric = same[-1].metric if same else None
        elif partitive or named or opening == "group":
            wholes = [c for _, c in kept[:i] if c.metric in _COUNTED_HARMS] or \
                [c for c in before if c.metric in _COUNTED_HARMS]
            whole = wholes[-1] if wholes else None
            metric = whole.metric if whole and (whole.value_low or 0) > claim.value_low else None
        else:
            metric = opening if opening in _COUNTED_HARMS and q.first_token > 2 else None
        if metric and named:
            claim.metric, claim.kind, claim.is_partial = metric, "count", True
        elif metric:
            claim.metric, claim.kind, claim.unit = metric, "count", default_units.get(metric)


def _named_in_a_group(toks: list[Token], first: int) -> bool:
    """People a count includes ("its count includes two people who ...") or among a group named by a pronoun
    ("Among them were 11 children")."""
    if first >= 3 and toks[first - 1].lower in _LINK_VERBS and toks[first - 2].lower in \
            vocab.word_set("claim_scope", "group_pronouns") and toks[first - 3].lower == "among":
        return True
    includes = vocab.word_set("claim_scope", "include_verbs")
    verb = next((k for k in range(first - 1, max(-1, first - 5), -1) if toks[k].lower in includes), None)
    return verb is not None and any(t.lower in vocab.word_set("claim_scope", "count_nouns")
                                    for t in toks[max(0, verb - 4):verb])


_LINK_VERBS = frozenset({"were", "was", "are", "is"})
