"""What the items of a list share: the counted noun and the metric a list states once ("10 soldiers were
killed and 20 wounded", "40 soldiers and two civilians dead"), the count that "four of them" or "six more"
are a part of, and the places a list of shares goes on to name without its noun and verb ("14 to Ashcombe
General, five to St. Brendan's"). A small bare number that only such a context can give a count is kept
for it (`kept_for_its_context`).
"""

from __future__ import annotations

from claimledger import vocab
from claimledger.extraction.figures import earlier_cues, in_a_figure_slot
from claimledger.extraction.keys import counts_people
from claimledger.extraction.quantities import Quantity
from claimledger.extraction.scope import subset_cues
from claimledger.extraction.text import right_after, tokens_between
from claimledger.model import Claim

# Metrics of harm done to people: what a list's last cue may give its earlier items.
HARMS = frozenset({"killed", "injured", "casualties", "missing", "captured"})

_LIST_JOINERS = frozenset({"and", ",", "including", "among", "them", "while", "with", "another", "plus", "as", "well"})
_GENERIC_HEADS = frozenset({"person", "other"})


def share_across_list(toks: list, kept: list[tuple[Quantity, Claim]]) -> None:
    """In "10 soldiers were killed and 20 wounded" or "killed 12, including four children", later items
    take the counted noun and the metric that the list states once; in "40 soldiers and two civilians
    dead" the earlier items take the metric the last one states after them."""
    for (prev_q, prev), (q, claim) in reversed(list(zip(kept, kept[1:], strict=False))):
        joiners = {t.lower for t in toks[prev_q.last_token + 1:q.first_token] if prev.char_end <= t.start}
        if prev.metric == "other" and claim.metric in HARMS and counts_people(prev.unit) \
                and counts_people(claim.unit) and joiners and joiners <= {"and", ","} \
                and _cue_after(toks, q, claim):
            prev.metric, prev.event_scope = claim.metric, claim.event_scope
    for (prev_q, prev), (q, claim) in zip(kept, kept[1:], strict=False):
        between = {t.lower for t in toks[prev_q.last_token + 1:q.first_token]
                   if prev.char_end <= t.start and t.end <= claim.char_start}
        if claim.unit in _GENERIC_HEADS and prev.unit not in _GENERIC_HEADS | {None, "percent"} \
                and q.unit_hint is None and claim.subject in {None, "others", "wounded", "dead", "injured"}:
            claim.unit, claim.subject = prev.unit, prev.subject
        if prev.qualifier == "approximate" and claim.qualifier == "exact" and "and" in between \
                and between - vocab.metric_cues().keys() <= {"and", ",", "were", "was", "had", "have", "been", "are"} \
                and q.written == prev_q.written:
            claim.qualifier, claim.is_approximate = "approximate", True  # "about 300 killed and 2,700 wounded"
        if claim.metric == "other" and prev.metric != "other" and len(between) <= 4 and between <= _LIST_JOINERS \
                and not _joins_clauses(toks, prev.char_end, claim.char_start):
            claim.metric = prev.metric
            if prev.is_list_item:  # "... died: nine of one side and four of the other"
                claim.is_list_item = claim.is_partial = True
        elif claim.metric == "other" and prev.metric != "other" and right_after(toks, q.first_token, _BREAKDOWN):
            # "At least 13 soldiers died in the clash: nine of one side, four of the other"
            claim.metric, claim.is_list_item, claim.is_partial = prev.metric, True, True
            if claim.kind == "other" and q.unit_hint is None:
                claim.kind = "count"  # "17 patients: nine in the burns unit, ...": a count of the same people
        elif claim.metric == "other" and prev.metric != "other" and counts_people(claim.unit) \
                and right_after(toks, q.first_token, subset_cues()):
            claim.metric = prev.metric  # "seven civilians were killed, including three children"
        elif claim.metric == "other" and prev.metric in ("killed", "injured", "casualties") and q.unit_hint is None \
                and claim.unit is None and (_of_them(toks, q) or _more_of_the_same(toks, q)):
            # "Fourteen remain in hospital, four of them in the burns unit", "11 were flown out and six more
            # were taken by road": a part of, or more of, what the figure before counted
            claim.metric, claim.unit, claim.kind, claim.is_partial = prev.metric, prev.unit, "count", True
        elif claim.metric == "other" and prev.metric in ("killed", "injured", "casualties") and claim.unit is None \
                and q.unit_hint is None and _a_share_after(toks, prev_q, prev, q):
            # "14 to Ashcombe General, five to St. Brendan's": the list goes on without its noun and verb
            claim.metric, claim.unit, claim.kind = prev.metric, prev.unit, "count"
            claim.is_partial = prev.is_partial = True
        elif claim.metric == "other" and prev.metric != "other" and right_after(toks, q.first_token, earlier_cues()):
            # "nine soldiers were killed, up from seven reported earlier": the same count, an earlier figure
            claim.metric = prev.metric
            if claim.unit in _GENERIC_HEADS | {None}:
                claim.unit, claim.subject = prev.unit, prev.subject


def _cue_after(toks: list, q: Quantity, claim: Claim) -> bool:
    """Whether the metric cue of a claim comes after its counted phrase ("two civilians dead", "61 civilians
    killed"), where it can speak for the items listed before it too."""
    end = next((i for i in range(q.last_token, len(toks)) if toks[i].end >= claim.char_end), q.last_token)
    cues = vocab.metric_cues()
    # the cue closes the counted phrase ("two civilians dead") or follows it at once ("61 civilians killed")
    return any(cues.get(t.lower, ("",))[0] == claim.metric for t in toks[end:end + 3])


_BREAKDOWN = ((":",), (":", "the"), (":", "a"))
# "on" names a day as often as a place: "nine on Saturday evening and three on Sunday morning" is a list of shares
_SHARE_PREPOSITIONS = frozenset({"to", "at", "in", "on"})
# tokens a list item's place may take before the next item: "at the Central Military Hospital in Qorvat,"
_SHARE_GAP = 12


def _gapped_place(toks: list, q: Quantity) -> str | None:
    """The preposition of a place right after a number, or after one participle after it ("five to St.
    Brendan's", "four flown to Castrel"): a list item that names only its place."""
    after = [t.lower for t in toks[q.last_token + 1:q.last_token + 3]]
    if after[:1] and after[0] in _SHARE_PREPOSITIONS:
        return after[0]
    if len(after) == 2 and after[1] in _SHARE_PREPOSITIONS and after[0].endswith(("ed", "wn")):
        return after[1]
    return None


def _a_share_after(toks: list, prev_q: Quantity, prev: Claim, q: Quantity) -> bool:
    """Whether the number `q` goes on a list of places that the figure `prev` opened: a place's preposition
    after both ("taken to X", "nine in the burns unit ..., five at Y"), and only that item's place and a
    list mark between them."""
    if _gapped_place(toks, q) is None or toks[q.first_token - 1].lower not in _LIST_OPENERS:
        return False
    between = [t.lower for t in toks[prev_q.last_token + 1:q.first_token] if t.start >= prev.char_end]
    return len(between) <= _SHARE_GAP and bool(_SHARE_PREPOSITIONS & set(between[:4])) \
        and not {".", ";", ":"} & set(between)


def kept_for_its_context(toks: list, q: Quantity) -> bool:
    """A small bare number that only its context can give a count: a figure slot ("Police say seven"), a
    place in a list ("..., and six at Ossmer University"), where some of a group are ("Five are in the
    gully"), or more of the same ("six more were taken")."""
    return in_a_figure_slot(toks, q.first_token) or _more_of_the_same(toks, q) or (
        q.first_token > 0 and toks[q.first_token - 1].lower in _LIST_OPENERS and _gapped_place(toks, q) is not None) \
        or _where_some_are(toks, q) \
        or right_after(toks, q.first_token, _BREAKDOWN)  # "Five are in the gully", "12 runners: nine ...": kept
    # only if the group before gives it a count


# Tokens before an item of a list of places: "..., and six at Ossmer", "Eight were taken to hospitals — five
# to Wexley Regional and three to St. Agnes".
_LIST_OPENERS = frozenset({",", "and", ":", "—", "–"})


# Words after a number that make it more of what a figure before it counted: "six more", "four others".
_MORE_OF_THE_SAME = frozenset({"more", "others"})
# Words after "of" that point back at what a figure before counted: "four of them", "two of those".
_BACK_POINTERS = frozenset({"them", "those", "these", "whom"})


def _more_of_the_same(toks: list, q: Quantity) -> bool:
    return q.last_token + 1 < len(toks) and toks[q.last_token + 1].lower in _MORE_OF_THE_SAME


def _of_them(toks: list, q: Quantity) -> bool:
    """ "four of them in the burns unit", "two of those in intensive care": a part of the count before."""
    after = [t.lower for t in toks[q.last_token + 1:q.last_token + 3]]
    return after[:1] == ["of"] and len(after) == 2 and after[1] in _BACK_POINTERS


def _joins_clauses(toks: list, start: int, end: int) -> bool:
    """ ", and" between two figures joins two clauses ("killed two, and three people remain without
    power"): the second figure has its own verb, not the first one's metric."""
    between = [t.lower for t in tokens_between(toks, start, end)]
    return between[:2] == [",", "and"]


def places_break_down_a_group(toks: list, kept: list[tuple[Quantity, Claim]], before: list[Claim],
                              default_units: dict[str, str]) -> None:
    """A bare figure that only says where some of a group are ("Eleven are at Kessel Hospital and nine at
    the Marrow Clinic", "20 were hurt: 12 at the pool, 8 in the car park") is a part of the last whole harm
    figure before it, in its sentence or the sentence before (`before`), when that figure is larger: it
    takes its metric, and the places listed after it go on with the same metric."""
    wholes = [c for c in before if c.metric in HARMS and not c.is_partial]
    opened: tuple[Quantity, Claim] | None = None
    for q, claim in kept:
        if claim.metric in HARMS and not claim.is_partial:
            wholes.append(claim)
        if claim.metric != "other" or claim.unit is not None or q.unit_hint is not None \
                or claim.value_low is None:
            continue
        if opened is not None and _a_share_after(toks, opened[0], opened[1], q):
            claim.metric, claim.kind, claim.unit, claim.is_partial = \
                opened[1].metric, "count", opened[1].unit, True
            opened = (q, claim)
            continue
        whole = wholes[-1] if wholes else None
        size = claim.value_high if claim.value_high is not None else claim.value_low
        if whole is None or (whole.value_low or 0) <= size or not _where_some_are(toks, q):
            continue
        claim.metric, claim.kind, claim.is_partial = whole.metric, "count", True
        claim.unit = default_units.get(whole.metric)
        opened = (q, claim)


def _where_some_are(toks: list, q: Quantity) -> bool:
    """A place's preposition right after a number, or after a link verb after it: "12 at the pool",
    "Eleven are at Kessel Hospital", "three remain in the burns unit"."""
    if _gapped_place(toks, q) is not None:
        return True
    after = [t.lower for t in toks[q.last_token + 1:q.last_token + 3]]
    return len(after) == 2 and after[0] in vocab.word_set("claim_scope", "place_links") \
        and after[1] in _SHARE_PREPOSITIONS
