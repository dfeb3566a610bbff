"""What a quantity counts: the counted noun and its phrase, the metric, and the place."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claimledger import vocab
from claimledger.extraction.dates import CALENDAR_WORDS
from claimledger.extraction.numbers import is_paragraph_number, match_number
from claimledger.extraction.phrases import PhraseSearch
from claimledger.extraction.text import Token

# Words that end a noun phrase: function words, auxiliaries and common verbs.
_STOP = frozenset(
    """of in on at to from by for with without into onto over under after before during since than as
    and or but nor so yet if when while where which who whom whose that this these those there here
    was were is are be been being am has have had do does did will would shall should can could may
    might must not no also still now then already just only even more most less least each every
    per via about around among between against toward towards across through including like
    what how why he she it they we you i his her its their our your my them us him me
    although though because unless until whether
    , . ; : ! ? ( ) " “ ” ‘ ’ — – - a an the""".split()
)
_DETERMINERS = frozenset("the a an these those some its their his her our".split())
_VERB_SUFFIX = re.compile(r"(?:ed|ing)$")
_PLACE_PREPS = frozenset("in inside near across outside at into to from throughout within".split())
_PLACE_SUFFIXES = frozenset("region province oblast district city county state area border front".split())
_SETTLEMENTS = _PLACE_SUFFIXES | frozenset("town village capital port suburb neighbourhood neighborhood".split())
_DIRECTIONS = frozenset(
    "eastern western northern southern central northeastern northwestern southeastern southwestern".split()
)
_NON_PLACES = frozenset(
    """January February March April May June July August September October November December Monday
    Tuesday Wednesday Thursday Friday Saturday Sunday Telegram Twitter Facebook X I He She They We It
    The A An""".split()
)


@dataclass(frozen=True)
class CountedThing:
    """The counted noun phrase after a quantity."""

    unit: str | None
    subject: str | None
    first_token: int  # first token of the phrase (after the number), or -1
    last_token: int  # head noun token, or -1
    modifiers: tuple[str, ...]


@lru_cache(maxsize=1)
def _known_places() -> frozenset[str]:
    return frozenset(alias.lower() for entry in vocab.load("keys")["places"].values() for alias in entry["aliases"])


@lru_cache(maxsize=1)
def _known_nouns() -> frozenset[str]:
    data = vocab.load("counted_nouns")
    return frozenset(w.lower() for key in ("people", "things", "time_units") for w in data[key])


@lru_cache(maxsize=1)
def _known_people() -> frozenset[str]:
    return frozenset(singular(w) for w in vocab.load("counted_nouns")["people"])


@lru_cache(maxsize=1)
def _deployable() -> frozenset[str]:
    return frozenset(singular(w) for w in vocab.load("counted_nouns")["deployable"])


@lru_cache(maxsize=1)
def _family_nouns() -> frozenset[str]:
    return vocab.word_set("metrics", "family_of")


@lru_cache(maxsize=1)
def _role_nouns() -> dict[str, str]:
    return {str(k).lower(): str(v) for k, v in vocab.load("metrics")["role_nouns"].items()}


@lru_cache(maxsize=1)
def _not_cues() -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in vocab.load("metrics")["not_cues"]:
        words = tuple(str(phrase).lower().split())
        index.setdefault(words[0], []).append(words)
    return index


@lru_cache(maxsize=1)
def _metric_words() -> dict[str, tuple[str, str]]:
    return vocab.metric_cues()


def singular(noun: str) -> str:
    """The singular of a plural English noun ("men" -> "man", "casualties" -> "casualty")."""
    word = noun.lower()
    irregular = vocab.load("counted_nouns")["irregular_plurals"]
    if word in irregular:
        return str(irregular[word])
    for suffix, replacement in (("ies", "y"), ("sses", "ss"), ("xes", "x"), ("ches", "ch"), ("shes", "sh")):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)] + replacement
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


@lru_cache(maxsize=1)
def never_counted() -> frozenset[str]:
    return vocab.word_set("counted_nouns", "never_counted")


def counted_thing(toks: list[Token], after: int, *, number_value: float) -> CountedThing:
    """The noun phrase that starts at token `after` ("injured North Korean soldiers")."""
    j = after
    never = never_counted()
    if j < len(toks) and toks[j].lower == "of":  # "dozens of soldiers", "two of the men"
        j += 1
        while j < len(toks) and toks[j].lower in _DETERMINERS:
            j += 1
    elif j < len(toks) and toks[j].lower == "more" and j + 1 < len(toks) and toks[j + 1].lower not in _STOP:
        j += 1  # "3,000 more troops"
    start = j
    head = -1
    known = _known_nouns()
    while j < len(toks) and j - start < 6:
        tok = toks[j]
        word = tok.lower
        if word in _STOP or word in never or not tok.text[0].isalpha():
            # "North Korean" spelled with a hyphen stays; anything else ends the phrase.
            break
        if head >= 0 and (_VERB_SUFFIX.search(word) or word.endswith("ly")) and word not in known:
            break
        if word in known or not (_VERB_SUFFIX.search(word) or word.endswith("ly")):
            head = j
            if (
                word in known
                and j + 1 < len(toks)
                and toks[j + 1].lower not in known
                and not toks[j + 1].text[0].isupper()
                and not _known_ahead(toks, j + 1, known)
            ):
                break
        j += 1
    if head < 0:
        return CountedThing(None, None, -1, -1, ())
    if toks[head].lower in {"dead", "wounded", "injured"} and head + 1 < len(toks) and toks[head + 1].text.isalpha() \
            and toks[head + 1].text.islower() and toks[head + 1].lower not in _STOP \
            and not (_starts_number(toks, head + 2) and not _at_a_place(toks, head + 2)):
        head += 1  # "a dead dog": the adjective before the noun, not the dead ("the 7 dead include two ...")
    nxt = toks[head + 1] if head + 1 < len(toks) else None
    if number_value != 1 and toks[head].text.islower() and toks[head].lower in known \
            and singular(toks[head].lower) == toks[head].lower \
            and toks[head].lower not in _COLLECTIVE and nxt is not None and nxt.text.isalpha() and nxt.text.islower() \
            and nxt.lower.endswith("s") and nxt.lower not in _STOP:
        head += 1  # "two death tolls", "five family members": a singular noun before the head modifies it
    head_word = toks[head].lower
    # A singular head after a number above one is usually an adjective or a name ("two Korean").
    if (
        number_value != 1
        and head_word not in known
        and not head_word.endswith("s")
        and not toks[head].text[0].isupper()
    ):
        return CountedThing(None, None, -1, -1, ())
    modifiers = tuple(t.lower for t in toks[start:head])
    kept = [t.text for t in toks[start:head] if t.lower not in _metric_words() and t.lower not in _DETERMINERS]
    kept.append(toks[head].text)
    unit = singular(head_word)
    if head_word in {"dead", "wounded", "injured"}:
        unit = "person"
    return CountedThing(unit, " ".join(kept) or None, start, head, modifiers)


# Nouns that are plural without an -s: "two police officers" keeps "officers" as the head anyway, but
# "40 police" and "three staff" are counts of the noun itself.
_COLLECTIVE = frozenset("police personnel staff crew people dead wounded injured".split())


@lru_cache(maxsize=1)
def _cues_by_first_word() -> dict[str, list[tuple[tuple[str, ...], str, str]]]:
    """Metric cues indexed by their first word, longest first."""
    index: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    for phrase, (metric, kind) in sorted(_metric_words().items(), key=lambda item: -len(item[0].split())):
        words = tuple(phrase.split())
        index.setdefault(words[0], []).append((words, metric, kind))
    return index


_ACCUSED = frozenset(
    {
        "accused",
        "suspected",
        "charged",
        "convicted",
        "guilty",
        "acquitted",
        "arrested",
        "indicted",
        "suspicion",
        "allegations",
        "charges",
    }
)


def _known_ahead(toks: list[Token], j: int, known: frozenset[str]) -> bool:
    """A counted noun within the next two plain words: "North Korean special forces troops" (a time
    word is no head: "61 overdose deaths last year")."""
    for k in range(j, min(len(toks), j + 3)):
        word = toks[k].lower
        if word in _STOP or not toks[k].text[0].isalpha() or word in _time_words() \
                or word not in {"a", "an"} and match_number(toks, k):
            return False  # another figure's noun is no head: "the 7 dead include two drivers"
        if word in known:
            return True
    return False


@lru_cache(maxsize=1)
def _time_words() -> frozenset[str]:
    return vocab.word_set("counted_nouns", "time_units") | {"last", "this", "next"}


def _cue_at(toks: list[Token], i: int, *, object_follows: bool = False) -> tuple[str, str, int] | None:
    """A metric cue starting at token i: (metric, kind, tokens used); longest cue first.
    "charged with murdering" after a counted phrase says what its people are accused of, not what
    happened to them; with `object_follows` the counted phrase is the verb's object ("accused of
    killing one person"), and the cue holds."""
    if not object_follows and i >= 2 and toks[i - 1].lower in {"of", "with"} and toks[i - 2].lower in _ACCUSED:
        return None
    for start in (i, i - 1) if i > 0 else (i,):
        for words in _not_cues().get(toks[start].lower, ()):
            if len(words) > i - start and tuple(t.lower for t in toks[start:start + len(words)]) == words:
                return None  # "the death penalty"; "near drownings" from its second word
    for words, metric, kind in _cues_by_first_word().get(toks[i].lower, ()):
        end = i + len(words)
        if end <= len(toks) and (len(words) == 1 or tuple(t.lower for t in toks[i:end]) == words):
            return metric, kind, len(words)
    return None


def metric_for(toks: list[Token], q_first: int, q_last: int, thing: CountedThing, inherited: str | None) -> str:
    """The metric of a quantity, from the cue that governs it (see metrics.yaml for the order)."""
    metric = _governing_metric(toks, q_first, q_last, thing, inherited)
    if metric == "deployed" and thing.unit in _known_people() and thing.unit not in _deployable():
        # "she and her four children moved to Albany": families move, forces deploy; but people moved to
        # relief camps or shelters are displaced
        moved_to = _destination_after(toks, (thing.last_token if thing.last_token >= 0 else q_last) + 1)
        return moved_to if moved_to in ("displaced", "injured", "arrested") else "other"
    return metric


@lru_cache(maxsize=1)
def _responders() -> frozenset[str]:
    return frozenset(singular(w) for w in vocab.load("counted_nouns")["responders"])


def sent_to_respond(unit: str | None, sentence: str) -> bool:
    """Whether a count of `unit` with no cue of its own counts those sent ("some 80 firefighters fought the
    blaze"), not those there for something else ("150 soldiers lined up for the ceremony"). Asked last,
    after a list has shared its metric ("23 hurt, including six firefighters")."""
    return unit is not None and unit in _responders() and not _presence_words().search(sentence)


@lru_cache(maxsize=1)
def _presence_words() -> PhraseSearch:
    return PhraseSearch(vocab.load("counted_nouns")["presence_words"])


def _governing_metric(toks: list[Token], q_first: int, q_last: int, thing: CountedThing,
                      inherited: str | None) -> str:
    label = field_label(toks, q_first)
    if label:
        return label  # "Injured: 61 persons": a record's field names what its figure counts
    phrase_end = thing.last_token if thing.last_token >= 0 else q_last
    if thing.last_token < 0 and q_first >= 2 and toks[q_first - 1].lower == "of" \
            and toks[q_first - 2].lower in _family_nouns():
        return "other"  # "a mother of 12 killed in crossfire": her children, not the dead
    toll = _toll_subject(toks, q_first, named_toll_only=True)
    if toll:
        return toll  # "raising the death toll in the shooting to two": the toll, not the shooting
    # 1. A cue governing the phrase: a verb or noun just before it, the head itself, or a verb just after.
    for k in range(q_first - 1, max(-1, q_first - 4), -1):
        if toks[k].lower in _CUE_STOPS or _inside_a_name(toks, k):
            break  # "the State Highway Patrol reported three people injured": a name, not a patrol
        if k > 0 and toks[k - 1].text[0].isdigit() and not is_paragraph_number(toks, k - 1) \
                and not (k == q_first - 1 and _names_no_count(toks, k - 1)):
            # "159 homicides to its 318,416 residents": the cue is the other figure's noun; but in "a blast in
            # 2019 killed 11 people" the year names no count and the verb governs the figure right after it
            break
        cue = _cue_at(toks, k, object_follows=True)
        if cue and (cue[1] == "event" or k == q_first - 1):
            override = _destination_after(toks, phrase_end + 1) if cue[0] == "deployed" else None
            return override or cue[0]  # "capturing two injured soldiers", "wounded five"
        if toks[k].lower in _known_nouns() and k < q_first - 1:
            break  # "arriving officers found five people": the cue governs the officers
        if toks[k].lower in vocab.word_set("reporting_verbs", "strong"):
            break  # "the hospital that received the victims said 26 had died": the cue is the speaker's
    toll = _toll_subject(toks, q_first)
    if toll:
        return toll  # "the death toll from the quake rose to 268"
    if _acts_on_an_object(toks, phrase_end + 1):
        return "other"  # "a gunman killed his former girlfriend": the counted people did it
    after = _cues_after(toks, phrase_end + 1)
    if thing.last_token >= 0:
        cue = _cue_at(toks, thing.last_token)
        if cue and toks[thing.last_token].lower in _weak_nouns():
            modifier = next((_weak_modifiers()[m] for m in thing.modifiers if m in _weak_modifiers()), None)
            if modifier:
                return modifier  # "the three surviving victims"
            if after:
                cue = None  # "three victims have injuries": the clause's own cue wins over a weak noun
        if cue and cue[0] == "injured" and _dies_after(toks, phrase_end + 1):
            return "killed"  # "four passengers wounded on Friday had died", "two of the wounded have since died"
        if cue and cue[0] in _role_metrics():
            harm = _harm_predicate(toks, phrase_end + 1)
            if harm:
                return harm  # "two hostages were killed", "three refugees were injured"
        if cue:
            return cue[0]
    if after:  # "was shot and killed": the event wins over the state
        chosen = next((c for c in after if c[1] == "event"), after[0])[0]
        if chosen == "deployed":  # "six were transferred to the burns unit": moved for treatment, not deployed
            return _destination_after(toks, phrase_end + 1) or chosen
        return chosen
    destination = _destination_after(toks, phrase_end + 1)
    if destination:
        return destination  # "ambulances took four people to Harmon Regional Medical Center"
    if thing.last_token < 0 and at_a_named_treatment_place(toks, q_first, q_last) \
            and any((cue := _cue_at(toks, k)) and cue[0] == "injured" for k in range(len(toks))):
        # "56 are in hospital with burns - 37 at Dunmore General Hospital": one hospital's patients, in a
        # sentence about the hurt ("30 at St Luke's Hospital went on strike" counts staff)
        return "injured"
    # a bare number takes a group's metric only right after it ("of the 301 dead, 276 were ..."): further
    # down a list of names it is an age ("the dead: Beatrice Lowell, 88")
    listed = _apposition_role(toks, q_first, right_after=thing.last_token < 0) or (
        _list_governor(toks, q_first) if thing.last_token >= 0 else None)
    if listed:
        return listed  # "the wounded, two girls and a man"; "killed a father, two of his children"
    # 2. An event participle inside the phrase ("the two captured men").
    states = []
    for k in range(q_last + 1, phrase_end):
        cue = _cue_at(toks, k)
        if cue and cue[1] == "event":
            return cue[0]
        if cue:
            states.append(cue[0])
    # 3. The event of the previous sentence about the same counted thing.
    if inherited:
        return inherited
    # 4. A state inside the phrase ("two wounded soldiers").
    if states:
        return states[0]
    if thing.unit in {"soldier", "troop", "force", "serviceman", "personnel", "mercenary"}:
        return "deployed" if _deployment_context(toks) else "other"
    return "other"


@lru_cache(maxsize=1)
def _death_verbs() -> frozenset[str]:
    return vocab.word_set("claim_scope", "death_verbs")


@lru_cache(maxsize=1)
def _role_metrics() -> frozenset[str]:
    return vocab.word_set("metrics", "role_metrics")


def _harm_predicate(toks: list[Token], start: int) -> str | None:
    """The killed or injured cue of the predicate right after a counted phrase: an auxiliary, adverbs, then
    the cue ("were killed", "had been shot dead", "were still injured")."""
    k = start
    if k >= len(toks) or toks[k].lower not in _AUXILIARIES:
        return None
    while k < len(toks) and (toks[k].lower in _AUXILIARIES or toks[k].lower in _ADVERBS):
        k += 1
    cue = _cue_at(toks, k) if k < len(toks) else None
    return cue[0] if cue and cue[0] in ("killed", "injured") else None


def _dies_after(toks: list[Token], start: int) -> bool:
    """A death verb as the predicate of the clause after a counted phrase of the hurt ("wounded on Friday
    had died in hospital"): those hurt who then died are dead. Up to 6 tokens, within the clause."""
    for k in range(start, min(len(toks), start + 6)):
        if toks[k].lower in _CLAUSE_ENDS or toks[k].lower in {"who", "that", "which"}:
            return False
        if toks[k].lower in _death_verbs():
            return True
    return False


# Words opening a clause about something else once a figure's own predicate has been read.
_SUBORDINATORS = frozenset({"as", "when", "while", "because", "after", "before", "since", "until"})
# Tokens a cue before a figure does not reach across: clause marks, and bullets ("• nine dead\n• 38
# treated for hypothermia": the dead are the line before's).
def _names_no_count(toks: list[Token], i: int) -> bool:
    """A number that names a year or a thing rather than counting: "in 2019", "shaft No. 3", "Gate 4"."""
    if _YEAR_TOKEN.fullmatch(toks[i].text):
        return True
    j = i - 2 if i >= 2 and toks[i - 1].text == "." else i - 1
    return j >= 0 and toks[j].lower in vocab.word_set("claim_scope", "identifier_prefixes")


_YEAR_TOKEN = re.compile(r"(?:18|19|20)\d\d")  # a year before a verb: "in 2019 killed 11 people"
_CUE_STOPS = frozenset({",", ".", ";", "and", "but", "•", "·", "▪"})
# Words that join two clauses; a cue after one of them governs the next clause's figure when a
# number follows ("four were hurt and two died": "died" is not the four's).
_COORDINATORS = frozenset({"and", "or", "where", "as"})
_CLAUSE_ENDS = frozenset({".", ";", "—", "–", ",", "while", "whereas", "but", "•", "·", "▪"})


def _at_a_place(toks: list[Token], k: int) -> bool:
    """ "at 14 camps": "at", a number and a noun: where, not a figure of the clause ("stays at 31;" is one)."""
    return k + 2 < len(toks) and toks[k].lower == "at" and toks[k + 1].text[0].isdigit() \
        and toks[k + 2].text.isalpha() and toks[k + 2].text.islower() and toks[k + 2].lower not in _STOP


def _starts_number(toks: list[Token], k: int) -> bool:
    for j in range(k, min(len(toks), k + 3)):
        if toks[j].text[0].isdigit() or (toks[j].lower not in {"a", "an"} and match_number(toks, j)):
            return True
        if toks[j].lower not in {"the", "another", "other", "at", "least", "about", "nearly", "some"}:
            return False
    return False


@lru_cache(maxsize=1)
def _object_starters() -> frozenset[str]:
    return vocab.word_set("metrics", "object_starters")


def _acts_on_an_object(toks: list[Token], k: int) -> bool:
    """An active event verb right after the counted phrase with an object after it ("two gunmen
    wounded three officers"): the phrase counts who acted, not who it happened to."""
    if k >= len(toks) or not toks[k].lower.endswith("ed"):
        return False
    cue = _cue_at(toks, k)
    if not cue or cue[1] != "event" or cue[0] == "deployed":
        return False  # "40 firefighters tackled the fire": who is deployed is who acts
    j = k + cue[2]
    return j < len(toks) and (toks[j].lower in _object_starters() or _starts_number(toks, j))


def _cues_after(toks: list[Token], start: int) -> list[tuple[str, str, int]]:
    """The metric cues in the clause after a counted phrase, up to 6 tokens (an aside such as
    ", ages 11 and 9," not counted). The predicate's cue comes first: in "one of the people stabbed
    Tuesday has died" the people died; "stabbed" only says which people."""
    found: list[tuple[str, str, int]] = []
    predicates: list[tuple[str, str, int]] = []
    k = _past_a_named_origin(toks, _after_aside(toks, start))
    limit = min(len(toks), k + 6)
    while k < limit:
        word = toks[k].lower
        if word in _CLAUSE_ENDS or (word in _COORDINATORS and _starts_number(toks, k + 1)):
            break
        if predicates and word in _SUBORDINATORS:
            break  # "three others were injured as the crowd fled": the flight is the crowd's, not theirs
        if predicates and word in _circumstance_prepositions():
            break  # "nine were hurt in the stabbing": the stabbing is the event they were hurt in
        if toks[k].text[0].isupper() and toks[k].text not in _CALENDAR_WORDS:
            break  # a name: what follows is said of that person ("the nine voting to put Nichols to death")
        cue = _cue_at(toks, k)
        if cue and toks[k + cue[2] - 1].lower == "of":
            cue = None  # "beneath the remains of the block": such a cue counts what follows it
        if cue:
            verb = k - 1
            while verb > start and toks[verb].lower in _ADVERBS:
                verb -= 1  # "were still missing", "have also died"
            (predicates if k > start and toks[verb].lower in _AUXILIARIES else found).append(cue)
        k += 1
    return predicates + found


_ORIGIN_PREPOSITIONS = frozenset({"of", "from"})
_NAME_WORDS = 6  # words a named organisation or place after "of" may take
_NAME_PART = re.compile(r"\d+|st|nd|rd|th|-|&")
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})


def _past_a_named_origin(toks: list[Token], k: int) -> int:
    """The token after a named origin that opens right after a counted phrase ("two rescuers of QERS
    suffered injuries", "four volunteers from the Red Crescent were hurt"): the name says whose people
    they are, and the clause goes on about them. Else `k`."""
    if k >= len(toks) or toks[k].lower not in _ORIGIN_PREPOSITIONS:
        return k
    first = k + 1 + (k + 1 < len(toks) and toks[k + 1].lower == "the")
    end = first
    ordinal = first + 1 < len(toks) and toks[first].text.isdigit() and toks[first + 1].lower in _ORDINAL_SUFFIXES
    while end < len(toks) and end - first < _NAME_WORDS and toks[end].text not in _CALENDAR_WORDS and (
            toks[end].text[0].isupper() or ((end > first or ordinal) and _NAME_PART.fullmatch(toks[end].text))):
        end += 1  # "the 3rd Logistics Regiment", "Brigade 7": numbers inside a name
    return end if end > first else k


_AUXILIARIES = frozenset("was were is are has have had been be being".split())
_ADVERBS = frozenset("still also now then not never reportedly later initially all both yet".split())
_CALENDAR_WORDS = frozenset(word.capitalize() for word in CALENDAR_WORDS)
_ASIDE_MARKS = {",": ",", "—": "—", "–": "–", "(": ")"}


def _after_aside(toks: list[Token], start: int) -> int:
    """The token after an aside that opens right after a counted phrase and says nothing happened:
    "two men, both 19, were arrested", "three sisters (ages 4, 6 and 9) were hurt"."""
    if start >= len(toks) or toks[start].lower not in _ASIDE_MARKS:
        return start
    close = _ASIDE_MARKS[toks[start].lower]
    for k in range(start + 1, min(len(toks), start + 11)):
        word = toks[k].lower
        if word == close and close != ",":
            return k + 1 if k > start + 1 else start
        if word in {".", ";", ":"} or word in _AUXILIARIES or _cue_at(toks, k):
            # a comma aside may hold commas itself ("aged 4, 6 and 9"): it ends at the comma before the verb
            return k if close == "," and toks[k - 1].lower == "," and k - 1 > start else start
    return start


@lru_cache(maxsize=1)
def _circumstance_prepositions() -> frozenset[str]:
    return vocab.word_set("metrics", "circumstance_prepositions")


@lru_cache(maxsize=1)
def _weak_nouns() -> frozenset[str]:
    return vocab.word_set("metrics", "weak_nouns")


@lru_cache(maxsize=1)
def _destinations() -> dict[str, tuple[str, ...]]:
    """Destination phrases per metric, padded with a space on each side (see _destination_after)."""
    table = vocab.load("metrics")["destination_overrides"]
    return {metric: tuple(f" {str(p).lower()} " for p in phrases) for metric, phrases in table.items()}


@lru_cache(maxsize=1)
def _weak_modifiers() -> dict[str, str]:
    return {str(k).lower(): str(v) for k, v in vocab.load("metrics")["weak_noun_modifiers"].items()}


@lru_cache(maxsize=1)
def _treatment_places() -> tuple[str, ...]:
    """Treatment places, padded with a space on each side (see _destination_after)."""
    return tuple(f" {str(p).lower()} " for p in vocab.load("metrics")["treatment_places"])


def _destination_after(toks: list[Token], start: int) -> str | None:
    """ "sent six workers to the hospital", "took four people to Harmon Regional Medical Center": a
    destination after the counted phrase says what happened to the people moved there."""
    words = []
    window = toks[start:start + 9]
    for i, t in enumerate(window):
        if t.lower in {".", ";", ","}:
            break
        if t.lower == "and" and i + 1 < len(window) and not _starts_number(window, i + 1) \
                and window[i + 1].lower not in _DETERMINERS:
            break  # "assessed 44 people and took 17 to hospital": the destination is the next verb's
        words.append(t.lower)
    padded = f" {' '.join(words)} "  # phrases are found as whole words in the joined clause
    for metric, phrases in _destinations().items():
        if any(phrase in padded for phrase in phrases):
            return metric
    if "to" in words:
        rest = f" {' '.join(words[words.index('to') + 1:])} "
        if any(place in rest for place in _treatment_places()):
            return "injured"
    return None


_NAME_JOINERS = frozenset({"of", "-", "'s", "’s", "&", "de", "del", "do", "da"})
_BEING = frozenset({"is", "are", "was", "were", "remain", "remains", "remained"})


def _names_a_treatment_place(words: list[str]) -> bool:
    padded = f" {' '.join(words)} "
    return any(place in padded for place in _treatment_places())


def at_a_named_treatment_place(toks: list[Token], q_first: int, q_last: int) -> bool:
    """A bare figure tied to a named place of treatment: after it ("37 at Dunmore General Hospital", "24 are
    at Pellovo District Hospital") or right before it ("Kessa General Hospital 34", "Civil Hospital Dalbek
    (38)"). Those are the hurt that place holds."""
    k = q_last + 1
    if k < len(toks) and toks[k].lower in _BEING:
        k += 1
    if k + 1 < len(toks) and toks[k].lower in {"at", "in"}:
        k += 1 + (toks[k + 1].lower == "the")
        name: list[str] = []
        while k < len(toks) and len(name) < 7 and (toks[k].text[0].isupper() or toks[k].lower in _NAME_JOINERS):
            name.append(toks[k].lower)
            k += 1
        if name and _names_a_treatment_place(name):
            return True
    k = q_first - 1
    if k >= 0 and toks[k].text == "(" and q_last + 1 < len(toks) and toks[q_last + 1].text == ")":
        k -= 1
    name = []
    while k >= 0 and len(name) < 7 and (toks[k].text[0].isupper() or toks[k].lower in _NAME_JOINERS):
        name.insert(0, toks[k].lower)
        k -= 1
    return q_first > 0 and bool(name) and (toks[q_first - 1].text[0].isupper() or toks[q_first - 1].text == "(") \
        and _names_a_treatment_place(name)


@lru_cache(maxsize=1)
def _toll_links() -> frozenset[str]:
    return vocab.word_set("metrics", "toll_links")


def _toll_subject(toks: list[Token], q_first: int, *, named_toll_only: bool = False) -> str | None:
    """The metric of a toll named earlier in the clause when the figure follows "to", "at" or
    "reached": "the death toll from Wednesday's quake rose to 268", "casualties stood at 3,000".
    With `named_toll_only`, only a toll or tally named as such counts ("the death toll ... to two")."""
    if q_first == 0 or toks[q_first - 1].lower not in _toll_links():
        return None
    subjects = _TOLL_WORDS if named_toll_only else _TOLL_WORDS | _TOLL_NOUNS
    for k in range(q_first - 2, max(-1, q_first - 16), -1):
        word = toks[k].lower
        if word in {".", ";", ":"} or toks[k].text[0].isdigit():
            return None
        cue = _cue_at(toks, k)
        if cue and (word in subjects or toks[k + 1].lower in _TOLL_WORDS):
            return cue[0]
    return None


_TOLL_WORDS = frozenset({"toll", "tally"})
_TOLL_NOUNS = frozenset({"casualties", "deaths", "dead", "injured", "wounded", "number"})


def _inside_a_name(toks: list[Token], k: int) -> bool:
    """A capitalised word after another inside a sentence in ordinary case ("the State Highway Patrol",
    "the Victims Rights Council"): part of a name, not a cue. Headlines in title case are exempt."""
    if k == 0 or not toks[k].text[0].isupper() or not toks[k - 1].text[0].isupper() or k - 1 == 0:
        return False
    words = [t.text for t in toks if t.text[0].isalpha()]
    return sum(w[0].isupper() for w in words) * 2 < len(words)


_ROLE_GAP = frozenset({"and", ",", "a", "an", "the", "her", "his", "their", "including", "ages", "age", "both"})


def spells_out_a_group(toks: list[Token], q_first: int, *, right_after: bool = False) -> bool:
    """Whether the figure at q_first is an item of a list that spells out a group named just before it
    ("the wounded — two girls and two men"): a part of that group. A record's field with one figure
    ("Injured: 61 persons, of whom ...") gives the group's size, not an item of it."""
    if field_label(toks, q_first) and not _another_item_after(toks, q_first):
        return False
    return _apposition_role(toks, q_first, right_after=right_after) is not None


def field_label(toks: list[Token], q_first: int) -> str | None:
    """The metric a record's field label names when the figure follows it (see _read_label)."""
    return _read_label(toks, q_first)[0]


def names_a_place_of_treatment(toks: list[Token], q_first: int) -> bool:
    """A field labelled with one place of treatment ("Hollin General Hospital: 19"): a share of the hurt."""
    return _read_label(toks, q_first)[1]


def _read_label(toks: list[Token], q_first: int) -> tuple[str | None, bool]:
    """The metric a record's field label names when the figure follows it: "Injured: 61 persons",
    "2.1 Deaths: 13 persons" (a report's numbered paragraph), "Dead: 3 soldiers, 2 civilians", "• Injured
    (registered): 63", "Treated at the scene: 6"; and whether the label is one place of treatment
    ("Taken to Brook County Hospital: 14")."""
    if q_first < 2 or toks[q_first - 1].text != ":":
        return None, False
    end = q_first - 1
    start = _label_start(toks, end)
    if toks[end - 1].text == ")":  # "Injured (registered): 63": an aside qualifies the label
        end = next((k for k in range(end - 2, start, -1) if toks[k].text == "("), end)
    cue = _cue_at(toks, start)
    if cue and start + cue[2] == end:
        return cue[0], False
    if end - start > _LABEL_WORDS or any(t.text in _LABEL_BREAKS for t in toks[start:end]):
        return None, False
    if cue is None:  # "Persons injured: 46", "In intensive care: 1", "Heat injuries: 93": a cue after the head
        cue, start = _cue_after_label_head(toks, start, end)
    if q_first + 1 < len(toks) and toks[q_first + 1].text[0].isalpha() \
            and singular(toks[q_first + 1].lower) not in _known_people():
        return None, False  # "Treated at the depot: 40 vehicles": the figure names a thing of its own
    others = {c[0] for k in range(start + 1, end) if (c := _cue_at(toks, k))}
    padded = f" {' '.join(t.lower for t in toks[start:end])} "
    opening = next((p for p in _treatment_places() if padded.startswith(p)), None)
    # "Taken to Brook County Hospital: 14", "Hospital Santa Clara: 19"; "Hospital beds: 40" counts beds
    place = any(padded.endswith(p) for p in _treatment_places()) or opening is not None and all(
        t.text[0].isupper() or len(t.text) <= 3 for t in toks[start + len(opening.split()):end])
    if cue and others <= {cue[0]}:  # "Treated at the first-aid post: 11", "Killed by falling masonry: 4"
        return cue[0], place and cue[0] == "injured"
    if not cue and others <= {"injured"} and place:
        return "injured", True
    return None, False


def _label_start(toks: list[Token], colon: int) -> int:
    """The first token of a field label ending at the colon at `colon`: the label opens after a bullet, a
    field before it or the sentence's start (after a report's paragraph number)."""
    start = colon - 1
    while start > 0 and colon - start <= _LABEL_WORDS and toks[start - 1].text not in _LABEL_OPENERS \
            and not toks[start - 1].text[0].isdigit():
        start -= 1
    if start == 0 and is_paragraph_number(toks, 0):
        start = 1
    return start


def field_label_words(toks: list[Token], q_first: int) -> str | None:
    """The words of a record's field label naming a metric, when the figure at `q_first` follows it
    ("Patients still admitted: 5" gives "patients still admitted"), up to an aside, lower-cased and joined
    by spaces."""
    if field_label(toks, q_first) is None:
        return None
    words = [t.lower for t in toks[_label_start(toks, q_first - 1):q_first - 1]]
    # "Hurt (hospital register): 18": an aside says whose record it is, not where the counted are
    return " ".join(words[:words.index("(")] if "(" in words else words)


def _cue_after_label_head(toks: list[Token], start: int, end: int) -> tuple[tuple[str, str, int] | None, int]:
    """The cue of a label that opens with who is counted or where they are ("Persons treated for burns",
    "Patients still admitted", "In intensive care"), or whose last word is a cue that counts people
    ("Heat injuries", "Road deaths"); and the token where it starts. Any other opening word ("Beds in
    intensive care", "Calls about injuries") makes the label count something else."""
    leads = vocab.word_set("claim_scope", "label_lead_words")
    for k in range(start, end):
        cue = _cue_at(toks, k)
        if cue is not None:
            if k == start + 1 and k + cue[2] == end and singular(toks[k].lower) in _known_people() \
                    and singular(toks[start].lower) == toks[start].lower:
                return cue, k  # "Heat injuries": one singular modifier before the cue, the label's head noun
            heads = all(t.lower in leads or singular(t.lower) in _known_people() for t in toks[start:k])
            return (cue, k) if heads else (None, start)
    return None, start


_LABEL_WORDS = 10  # the longest field label read, in tokens
_LABEL_OPENERS = frozenset({"•", "·", "▪", "-", "–", "—", ":", ";", "."})  # what a label follows in a list
_LABEL_BREAKS = frozenset({",", "\"", "“", "”"})  # a sentence, not a label, runs up to the colon


def _another_item_after(toks: list[Token], q_first: int) -> bool:
    """A further list item in the figure's clause: ", 2 civilians", "and a child"."""
    for k in range(q_first + 1, len(toks) - 1):
        if toks[k].lower in {".", ";"}:
            return False
        if toks[k].lower in {",", "and"}:
            j = k + 2 if toks[k + 1].lower == "and" else k + 1  # ", and a child"
            if j < len(toks) and (toks[j].lower in {"a", "an"} or match_number(toks, j)):
                return True
    return False


def _apposition_role(toks: list[Token], q_first: int, *, right_after: bool = False) -> str | None:
    """The metric of a group that a list right after it spells out: "the wounded — two girls, ages 16
    and 17, and two men", "the surviving passengers, a woman and two children", "identified the
    victims as three women and two men"."""
    for k in range(q_first - 1, max(-1, q_first - 16), -1):
        word = toks[k].lower
        if word in _ASIDE_MARKS or word in {":", "as"} or (word in _AUXILIARIES and k >= 3
                                                          and toks[k - 3].lower == "among"):
            role = _role_noun(toks, k - 1)  # "among the dead were ...": a list after the verb
            if role:
                return role
            if word != "," or right_after:
                return None
            continue
        if right_after:
            return None
        if not (word in _ROLE_GAP or _plain_noun(toks[k]) or toks[k].text[0].isupper()):
            return None  # a verb or a clause: the list does not spell out the group
    return None


_SAYING = frozenset({"said", "says", "say", "told", "tells"})


def _plain_noun(tok: Token) -> bool:
    """A word that may stand in a list of people: a number or a noun, not a verb or a function word."""
    word = tok.lower
    if tok.text[0].isdigit() or word in _known_nouns():
        return True
    return tok.text.isalpha() and word not in _STOP and word not in _SAYING and not _VERB_SUFFIX.search(word) \
        and word not in _metric_words()


def _role_noun(toks: list[Token], j: int) -> str | None:
    if j < 1:
        return None
    word = toks[j].lower
    modifier = next((_weak_modifiers()[t.lower] for t in toks[max(0, j - 2):j] if t.lower in _weak_modifiers()), None)
    if word in _role_nouns():
        return modifier or _role_nouns()[word]
    if modifier and singular(word) in _known_people():
        return modifier  # "the surviving passengers"
    return None


_OBJECT_LIST = _ROLE_GAP | {"himself", "herself", "themselves", "him", "them", "of", "my", "our", "its"}


def _list_governor(toks: list[Token], q_first: int) -> str | None:
    """The event verb that a list of objects follows: "the crash killed a father, two of his children and
    the driver"; "killing himself and three members of a family". ", and" joins clauses, not objects."""
    for k in range(q_first - 1, max(-1, q_first - 12), -1):
        word = toks[k].lower
        if word == "and" and k > 0 and toks[k - 1].lower == ",":
            return None
        if word in _OBJECT_LIST or _plain_noun(toks[k]) or match_number(toks, k):
            continue
        if k == q_first - 1:
            return None  # the cue right before the figure was weighed already
        cue = _cue_at(toks, k, object_follows=True) if _VERB_SUFFIX.search(word) else None
        if cue and k + cue[2] < len(toks) and toks[k + cue[2]].lower in {"and", ",", "or"}:
            return None  # "a receptionist died and two men ...": the verb has no object
        return cue[0] if cue and cue[1] == "event" else None  # a verb ("killed"), not a noun ("arrests")
    return None


def _deployment_context(toks: list[Token]) -> bool:
    return any(_cue_at(toks, k) == ("deployed", "event", 1) for k in range(len(toks)))


def first_metric_cue(toks: list[Token]) -> str | None:
    """The metric of the first cue in a sentence, with or without a counted noun ("how many died")."""
    for k in range(len(toks)):
        cue = _cue_at(toks, k)
        if cue:
            return cue[0]
    return None


def sentence_event(toks: list[Token]) -> tuple[str, str] | None:
    """The first event cue in a sentence and the counted noun it governs, for the next sentence."""
    for k in range(len(toks)):
        cue = _cue_at(toks, k)
        if cue and cue[1] == "event":
            thing = counted_thing(toks, k + cue[2], number_value=2)
            if thing.unit:
                return cue[0], thing.unit
    return None


@lru_cache(maxsize=1)
def _institution_heads() -> frozenset[str]:
    """Last words of an organisation's name ("ministry", "hospital", "guard"); "union" names countries too."""
    return (vocab.word_set("reporting_verbs", "institution_heads") | vocab.word_set("reporting_verbs", "body_heads")) \
        - {"union"}


def location_for(text: str, toks: list[Token], q_first: int, phrase_end: int, excluded: frozenset[str]) -> str | None:
    """The place a quantity refers to: a capitalised name after "in"/"to"/"near"..., first after it, else before."""

    def place_at(k: int) -> str | None:
        if toks[k].lower not in _PLACE_PREPS:
            return None
        j = k + 1
        if j < len(toks) and toks[j].lower == "the":
            j += 1
        for width in (1, 2, 3):  # "the city of Halm", "the northern port town of Halm"
            if j + width < len(toks) and toks[j + width].lower == "of" \
                    and toks[j + width - 1].lower in _SETTLEMENTS and all(t.text.islower() for t in toks[j:j + width]):
                j += width + 1
                break
        words: list[Token] = []
        if j + 1 < len(toks) and toks[j].lower in _DIRECTIONS and toks[j + 1].text[0].isupper():
            words.append(toks[j])  # "eastern Russia"
            j += 1
        while j < len(toks) and (toks[j].text[0].isupper() or (words and toks[j].lower in _PLACE_SUFFIXES)):
            if toks[j].lower.endswith("'s"):
                return None  # "in Russia's war": a possessive, not the place
            words.append(toks[j])
            j += 1
            if words[-1].lower in _PLACE_SUFFIXES and not (j < len(toks) and toks[j].text[0].isupper()):
                break  # "Kursk region", but "Estrel City Hospital" goes on
        if not words or words[0].text in _NON_PLACES:
            return None
        name = text[words[0].start : words[-1].end]
        if "\n" in name or (len(words) > 3 and name.lower() not in _known_places()):
            return None  # a headline's capitalised words, not a place
        if name.lower() in excluded or name.isupper() and len(name) <= 5 and toks[k].lower == "to":
            return None
        if words[-1].lower in _institution_heads() and name.lower() not in _known_places():
            return None  # "an official at the Interior Ministry", "a statement from the Coast Guard": who, not where
        return name

    for k in range(phrase_end + 1, len(toks)):
        if toks[k].lower in {".", ";"}:
            break
        found = place_at(k)
        if found:
            return found
    for k in range(q_first - 1, -1, -1):
        found = place_at(k)
        if found:
            return found
    return None
