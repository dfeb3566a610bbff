"""Who says a number: attribution frames in a section and the sources they give each claim.

A frame is a source (or several) with its cue and the stretch of text it covers: a sentence for
"X said ..." and "according to X", a quotation for direct speech. Claims take the sources of the
frames that cover them; a claim that no frame covers has no source, and none is invented.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from claimledger import vocab
from claimledger.attribution.quotes import quote_frames
from claimledger.attribution.sources import (
    Frame,
    canonical,
    clean,
    cues,
    looks_like_source,
    number_words,
    split_sources,
)
from claimledger.extraction.dates import CALENDAR_WORDS
from claimledger.extraction.phrases import alternation
from claimledger.extraction.text import Sentence, list_lead_in
from claimledger.model import Source

_CLAUSE_BREAK = re.compile(
    r"(?:[;:—–\n]|\s-\s|\b(?:that|who|which|where|when|while|but|because|although|after|"
    r"before|if|as|whom|whose)\b)",
    re.IGNORECASE,
)
_ADD_ON = re.compile(r"^\s*(?:along|together)\s+with\s+|^\s*as\s+well\s+as\s+|^\s*and\s+", re.IGNORECASE)
_NP_STOP = re.compile(
    r"[,;:!?“”\"()]|\.(?=\s|$)|\son\s+the\s|\s(?:that|who|which|when|where|while|as|because|but|if|and\s+(?:said|"
    r"says|added))\b|\s(?:said|says|told|reported|showed|shows|found|finds|estimated|is|was|are|were|"
    r"has|have|had|stands|stood|remains|remained|rose|rises|reached|reaches|put|puts|gave|gives)\b"
)
_TRAILING_TIME = re.compile(
    r"(?:\s+(?:on|last|this|early|late|earlier|in)\s+(?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|"
    r"October|November|December|week|month|year|morning|night|\w+day|\d{1,2}\s+[A-Z][a-z]+)\b.*"
    r"|\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)\b.*"
    r"|\s+(?:(?:shortly|just|soon|late|early)\s+)?(?:before|after|at|around|by)\s+(?:\d+|midnight|noon|dawn)\b.*)$"
)


def _np_after(text: str) -> tuple[str, int] | None:
    """The noun phrase right after a cue ("according to [a CNN tally], ..."): (phrase, end offset)."""
    lead = len(text) - len(text.lstrip())
    rest = text[lead:]
    # Keep dotted abbreviations ("U.S.", "Dr.") inside the phrase.
    stop = _NP_STOP.search(re.sub(r"\b([A-Z]|Dr|Mr|Mrs|Ms|St|Gen|Sen|Rep|Gov)\.", lambda m: m.group()[:-1] + "_", rest))
    phrase = rest[: stop.start()] if stop else rest
    phrase = _TRAILING_TIME.sub("", phrase).strip()
    if not phrase or len(phrase.split()) > 10:
        return None
    return phrase, lead + len(phrase)


def _subject_before(sentence: str, verb_start: int) -> tuple[str, int] | None:
    """The subject noun phrase before a reporting verb, with its start offset."""
    region = sentence[:verb_start]
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(region)]
    # A closing quotation mark ends the quote; the speaker follows it.
    for mark in ("”", '"', "''"):
        if mark in region:
            breaks.append(region.rindex(mark) + len(mark))
    cut = max(breaks) if breaks else 0
    relative = _RELATIVE_SUBJECT.search(region)
    if cut and relative and relative.end() == len(region):
        # "The NIS, which estimates that ...", "the governor, who on Monday put the toll at eight",
        # "the operator, whose statement on Saturday gave ...": the subject stands before the pronoun.
        head = region[:relative.start()]
        earlier = [m.end() for m in _CLAUSE_BREAK.finditer(head)]
        start = max(earlier) if earlier else 0
        chunks = [c for c in _COMMA.split(head[start:]) if c.strip()]
        if not chunks:
            return None
        named = [c for c in chunks if any(ch.isupper() for ch in c)]
        # "Bluewake Lines, the ferry's operator, whose statement ...": the name before the appositive
        subject = chunks[-1] if any(ch.isupper() for ch in chunks[-1]) or not named else named[-1]
        return subject, start + head[start:].rfind(subject)
    aside = _RELATIVE_ASIDE.search(region)
    if aside and aside.end() == len(region):
        region = region[:aside.start()] + ", "  # "Hale, who spoke to the crowd, repeated": skip the aside
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(region)]
        cut = max(breaks) if breaks else 0
    if cut and re.search(r"\b(?:that|which|who)\s*$", region[:cut]) and _VERB_FIRST.match(region[cut:]) \
            and "," not in region[cut:]:
        # "The hospital that received the victims said": the relative clause has no subject of its own;
        # the speaker stands before the pronoun
        head = re.sub(r"\s*\b(?:that|which|who)\s*$", "", region[:cut])
        earlier = [m.end() for m in _CLAUSE_BREAK.finditer(head)]
        start = max(earlier) if earlier else 0
        return _without_lead_in(head[start:], start)
    region = region[cut:]
    reduced = _reduced_relative().search(region)
    if reduced and looks_like_source(reduced.group(1), sentence_initial=False, strong=True):
        # "the 34 people the ministry lists as injured", "That was the figure police gave": a reduced
        # relative clause after a counted noun or a figure, with its own subject
        return reduced.group(1), cut + reduced.start(1)
    pronoun = _TRAILING_PRONOUN.search(region)
    if pronoun:  # "Of the 42 inmates it says escaped": a reduced relative clause with its own subject
        return pronoun.group(1), cut + pronoun.start(1)
    shared = _SHARED_SUBJECT.match(region)
    if shared:  # "He promised compensation ... and announced that ...": the first verb's subject
        return shared.group(1), cut + shared.start(1)
    chunks = _COMMA.split(region)
    if len(chunks) > 1 and not chunks[-1].strip():
        if sentence[verb_start:].split(None, 1)[0].lower().endswith("ing"):
            return None  # "..., saying that": a participle with no subject of its own
        chunks.pop()  # "Frank Smith, a company head, said": the name before the appositive
        if len(chunks) >= 2 and clean(chunks[-2]):
            chunks.pop()
        while len(chunks) >= 2 and _AGE.fullmatch(chunks[-1]):
            chunks.pop()  # "Mirel Dostan, 41, a shepherd, said": the age between name and appositive
    while chunks and not clean(chunks[-1]):
        chunks.pop()
    if not chunks:
        return None
    picked = [chunks.pop()]
    while chunks and _ADD_ON.match(picked[0]) and _could_be_a_name(chunks[-1]):
        picked.insert(0, chunks.pop())
    text = ",".join(picked)
    return _without_lead_in(text, cut + max(0, region.rfind(text)))


@lru_cache(maxsize=1)
def _reduced_relative() -> re.Pattern[str]:
    """A counted noun after its number ("34 people", "two sailors") or a figure's noun ("the figure"), then
    the subject of a relative clause with no pronoun: "the ministry", "the navy still", "Interpol", "police"."""
    numbers = alternation(number_words())
    bodies = alternation(cues()["body_heads"] | (cues()["source_nouns"] - cues()["pronouns"]))
    # the counted noun's words: no link word or verb of being ("Two were the couple found ...")
    noun = r"(?!(?:of|the|and|or|had|has|have|" + alternation(cues()["verbs_of_being"]) + r")\b)[a-z-]+"
    return re.compile(
        r"(?:(?<![\d:.,])\b(?:\d[\d,]*|(?i:" + numbers + r"))\s+(?:" + noun + r"\s+)?" + noun
        + r"|\b(?:the|that|this)\s+(?:" + alternation(cues()["count_nouns"]) + r"))\s+"
        r"((?:the|its|their)\s+(?:[A-Za-z][\w'’-]*\s+){0,2}?[A-Za-z][\w'’-]*|(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*"
        r"|(?:" + bodies + r"))(?:\s+(?:still|now|also|only|officially))?\s*$")


def _reduced_relative_at(region: str, start: int) -> bool:
    """Whether the subject at `start` is a reduced relative clause's ("the 52 passengers the airline lists"): any
    plain noun phrase there is who speaks, as before a strong speech verb."""
    found = _reduced_relative().search(region)
    return found is not None and found.start(1) == start


def _could_be_a_name(chunk: str) -> bool:
    """A chunk that may be one of several sources ("Police, and the fire service, said"), not a clause of
    its own ("Two people were pulled out alive, and the service said")."""
    return len(chunk.split()) <= 6 and not any(ch.isdigit() for ch in chunk)


def _without_lead_in(subject: str, start: int) -> tuple[str, int]:
    """The subject without a time or place phrase before it, when no comma sets it off: "On Thursday the
    authority said", "At its morning briefing the directorate repeats", "Late on Monday police said", also
    after a list line's mark ("• Last year police recorded")."""
    lead_in, lead_in_word = _lead_in()
    bullet = _bullet().match(subject)
    if bullet:  # "• Last year police recorded ...", "- On Friday coastguards said ...": a list line's mark first
        subject, start = subject[bullet.end():], start + bullet.end()
    if not lead_in.match(subject):
        return subject, start
    determiners = [m.start() for m in re.finditer(r"\b(?:the|a|an)\s", subject)]
    if determiners:
        return subject[determiners[-1]:], start + determiners[-1]
    words = list(re.finditer(r"\S+", subject))
    keep = next((w for w in words if not lead_in_word.fullmatch(w.group())), None)
    return (subject[keep.start():], start + keep.start()) if keep else (subject, start)


# A relative clause opening with its verb: "that received the victims", "who was parked at the next bay",
# "that spread through the market": a lower-case word that is no determiner or pronoun (those open a
# clause with its own subject: "the hospital that the victims were taken to").
_VERB_FIRST = re.compile(r"\s*(?:has\s+|had\s+|have\s+|had\s+been\s+|was\s+|were\s+)?"
                         r"(?!(?:the|a|an|his|her|its|their|our|my|your|this|these|those|he|she|it|they|we|i|you|"
                         r"some|many|most|all|no)\b)[a-z]+\b")
# "(?<![\d,.])": start only at the first digit of a number, so a long digit run is read once (linear)
_BRACKETED_SOURCE = re.compile(r"(?<![\d,.])(\d[\d,.]*)\s*\(((?:the\s+)?[A-Za-z][\w.'’ -]{1,50})\)")
_DATE_OR_UNIT = re.compile(r"(?i:est|estimate|approx|about|around|roughly|unconfirmed|provisional|confirmed|"
                           r"\w+\s+percent|km|kilometres?|miles?)$|[a-z]{1,3}$")  # "(UN)" names, "(km)" does not
# "..., raising the toll, the fire service said": a sentence that says how the figure before it came about.
_RAISES_THE_TOLL = re.compile(r"\b(?:raising|bringing|pushing|taking|lifting)\s+(?:the|its|their)\s+(?:\w+\s+)?"
                              r"(?:toll|count|number|total|tally)\b", re.IGNORECASE)
_CLAUSE_AND = re.compile(r"\band\s+")
_COMMA = re.compile(r",(?!\d{3}\b)")  # not the comma inside "25,000"
_TRAILING_PRONOUN = re.compile(r"(?<![\s,;])(?<!\band)(?<!\bor)\s+(he|she|it|they|we)"
                               r"(?:\s+(?:had|has|have|was|were|is|are|also|not|did|does|would|will))*\s*$")
_AGE = re.compile(r"\s*\d{1,3}\s*")


@lru_cache(maxsize=1)
def _bullet() -> re.Pattern[str]:
    """A list line's mark (data) or dash, with the space after it."""
    return re.compile(r"^\s*(?:[" + re.escape(str(vocab.load("claim_scope")["bullet_marks"])) + r"]|[-–—*](?=\s))\s*")


@lru_cache(maxsize=1)
def _lead_in() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A time or place phrase opening a subject, and one word of it (the openers are data)."""
    openers = [str(w) for w in vocab.load("reporting_verbs")["lead_in_openers"]]
    return (re.compile(r"^\s*(?:" + "|".join(w.capitalize() for w in openers) + r")\b"),
            re.compile(r"(?i:" + "|".join(openers) + r"|morning|afternoon|evening|night|week|month|year|"
                       + "|".join(CALENDAR_WORDS) + r")|\d[\w:.]*"))


# A subject, its own verb and object, then "and" before the reporting verb: "He promised aid and announced
# that ...", "Police sealed the block and said ...".
_SHARED_SUBJECT = re.compile(
    r"^\s*((?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*|[Tt]he\s+(?:[a-z]+\s+){0,2}[a-z]+|[Hh]e|[Ss]he|[Tt]hey|[Ww]e)"
    r"\s+(?:also\s+)?(?:(?:has|have|had)\s+)?[a-z]+ed\b"
    r"(?:[^,;:]|(?<=\d),(?=\d)){0,120}\s+and\s*$"
)
# A relative pronoun whose clause is the reporting clause itself, with at most a time word and an
# auxiliary between it and the verb: ", who on Monday put", ", which has said", ", whose statement gave".
_TIME_WORDS = (r"(?:on|last|this|early|late|earlier|in)\s+\w+|\w+day|earlier|later|also|previously|initially|first"
               r"|had|has|have|had\s+\w+ly")
_RELATIVE_SUBJECT = re.compile(
    r",\s*(?:which|who|whose\s+(?:\w+\s+){0,2}?(?:statement|statements|figures?|count|tally|estimates?|report|"
    r"spokes(?:man|woman|person)))(?:\s+(?:" + _TIME_WORDS + r")){0,3}\s*$",  # bounded: no runaway backtracking
    re.IGNORECASE,
)
# ", who spoke to the crowd," or ", whose teams worked through the night with cutters," between a subject
# and its reporting verb (an aside of up to about 25 words, with no comma of its own).
_RELATIVE_ASIDE = re.compile(r",\s*(?:who|which|whose)\s+[^,;:“”\"]{1,160},\s*(?:(?:now|also|still|then|later)\s+)?$",
                             re.IGNORECASE)
# "The general staff stood by its figures: four soldiers killed ...": what follows the colon is the
# subject's count.
# "X stood by its figures: ...", "X on Tuesday raised its own military toll to eight", "X has not
# withdrawn its claim that ...": the subject owns the figure that follows.
_OWN_FIGURES = re.compile(
    r"^\W*((?:[\w.'’-]+\s+){0,8}?)(?:(?:on|late|early)\s+\w+\s+)?(?:(?:has|have|had)\s+(?:not\s+)?)?[a-z]+"
    r"(?:\s+(?:by|to|out|up|down))?\s+(?:its|their|his|her)\s+(?:own\s+)?(?:latest\s+|new\s+|updated\s+|"
    r"official\s+|military\s+|death\s+|casualty\s+)?(figures|figure|count|tally|estimate|numbers|toll|claim|claims|"
    r"account|assessment|statement)\b"
)



@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """The cue vocabularies compiled once."""
    vocabulary = cues()
    return {
        "prepositional": re.compile(r"\b(?:" + alternation(vocabulary["prepositional"]) + r")\b"),
        "artifact": re.compile(
            r"\b("
            + alternation(vocabulary["artifact_nouns"])
            + r"),?\s+("
            + alternation(vocabulary["artifact_verbs"])
            + r")\s+by\b",
            re.IGNORECASE,
        ),
        "verb": re.compile(r"\b(?:" + alternation(vocabulary["verbs"]) + r")\b", re.IGNORECASE),
        # "Kyiv's claims", "the SDMA's last update", "the ministry's official figure".
        "possessive": re.compile(
            r"((?:[A-Z][\w.-]*\s+)*[A-Z][\w.-]*|\b(?:the|The)\s+(?:[a-z]+\s+)?(?:"
            + alternation(vocabulary["source_nouns"] - vocabulary["pronouns"])
            + r"))['’]s\s+(?:(?:" + alternation(vocabulary["possessive_adjectives"]) + r")\s+){0,2}("
            + alternation(vocabulary["possessive_nouns"]) + r")\b"
        ),
        # "by the army's own count", "on the company's numbers": the owner of the count is the source.
        "by_count": re.compile(
            r"\b(?:[Bb]y|[Ii]n|[Oo]n)\s+(?:(?:the|their|its|his|her)\s+)?(?:own\s+)?"
            r"((?:[A-Z][\w.-]*\s+){0,3}(?:[A-Z][\w.-]*|\w+)['’]s?)\s+(?:(?:"
            + alternation(vocabulary["possessive_adjectives"]) + r")\s+){0,2}(" + alternation(vocabulary["count_nouns"])
            + r")\b"
        ),
        # "the government raised the death toll to 214 and said ...": the subject of a verb that sets a toll.
        "sets_toll": re.compile(
            r"(?:^|[,;]\s+|\bas\s+|\bwhen\s+)((?!(?:as|when|who|which|that|whose)\b)(?:[Tt]he\s+)?"
            r"(?:[A-Z][\w.'’-]*\s+){0,4}(?:[a-z][\w'’-]*\s+){0,2}[A-Za-z][\w.'’-]*)\s+"
            r"(?:on\s+\w+\s+)?(?:(?:still\s+)?(?:continues|continued|continue)\s+to\s+)?"
            r"(?:" + alternation(vocabulary["sets_toll_verbs"]) + r")\s+(?:to\s+[\w,.-]+\s+)?(?:the|its|their)\s+"
            r"(?:\w+\s+)?(" + alternation(vocabulary["count_nouns"]) + r")\b"
        ),
        # "the figure of 84 injured issued by the health department": the owner of the figure inside it.
        "figure_by": re.compile(
            r"\b(?:" + alternation(vocabulary["count_nouns"]) + r")\s+of\s+(?:[\w,.-]+\s+){1,5}?(?:"
            + alternation(vocabulary["artifact_verbs"] | vocabulary["figure_verbs"]) + r")\s+by\b",
            re.IGNORECASE,
        ),
        # "The police and the coroner give the same figure": a later sentence whose sources agree with a figure.
        "agreement": re.compile(
            r"\b(?:" + alternation(vocabulary["agreement_words"]) + r"|(?:" + alternation(vocabulary["agreement_verbs"])
            + r")\s+(?:the|that|this|its|their))\s+(?:\w+\s+)?(?:"
            + alternation(vocabulary["count_nouns"]) + r")\b", re.IGNORECASE),
        # "The port, the coast guard and the clinic agree on that count": the subjects that agree are sources
        "agrees_on": re.compile(
            r"^\W*((?:[\w'’.-]+(?:,\s+|\s+)){0,10}?[\w'’.-]+)\s+(?:" + alternation(vocabulary["agreement_verbs"])
            + r")\s+(?:the|that|this|its|their)\s+(?:\w+\s+)?(?:" + alternation(vocabulary["count_nouns"])
            + r")\b"),
        # "The colonel has just finished a briefing", "the council issued a statement": who gives what follows.
        "briefing": re.compile(
            r"\b(?:(?:has|have|had)\s+(?:just\s+)?)?(?:" + alternation(vocabulary["briefing_verbs"])
            + r")\s+(?:a|an|its|their|his|her)\s+(?:[\w-]+\s+){0,2}?(?:" + alternation(vocabulary["briefing_nouns"])
            + r")\b"),
        # " the same toll", " a figure of six": a figure as a verb's object
        "figure_object": re.compile(r"\s+(?:(?:the|a|an|its|their)\s+)?(?:\w+\s+)?(?:"
                                    + alternation(vocabulary["count_nouns"]) + r")\b", re.IGNORECASE),
        # " nine deaths", " about 1,800 stings": a figure, with its qualifier, right after a recording verb
        "figure_after": re.compile(r"\s+(?:(?:" + alternation(_qualifier_words()) + r")\s+)?(?:\d|(?:"
                                   + alternation(number_words()) + r")\b)", re.IGNORECASE),
        # "That figure, released by the fire service ...": a sentence that names the source of the one before.
        # "The fifth ...", "The other nine ...": a sentence about the rest of a group just counted.
        "rest_of_group": re.compile(r"^[^\w“”\"‘’']*The\s+(?:" + alternation(
            vocab.word_set("number_words", "rest_of_group") | vocab.word_set("number_words", "ordinals")) + r")\b"),
        # "The union's count is 14", "Last night the clinic tally stood at 9", "The navy figure includes three
        # divers": a sentence whose subject is a named owner's figure states that owner's count
        "owned_figure": re.compile(
            r"^\W*(?:(?:" + alternation(vocabulary["lead_in_openers"]) + r")(?:\s+[\w-]+)?,?\s+)?"
            r"((?:[Tt]he\s+)?(?:[\w-]+\s+){0,3}?(?:" + alternation(
                (vocabulary["source_nouns"] | vocabulary["body_heads"] | vocabulary["figure_owner_nouns"])
                - vocabulary["possessive_adjectives"] - vocabulary["pronouns"] - vocabulary["count_nouns"]
                - vocabulary["register_nouns"]) + r"))(?:['’]s)?\s+(?:(?:"
            + alternation(vocabulary["possessive_adjectives"]) + r")\s+){0,2}(" + alternation(
                vocabulary["count_nouns"] | vocabulary["register_nouns"]) + r")\s+(?:"
            + alternation(vocabulary["owned_figure_verbs"]) + r")\b", re.IGNORECASE),
        "refers_back": re.compile(
            r"^\W*(?:That|This|Those|These)\s+(?:[a-z]+\s+){0,2}(?:" + alternation(vocabulary["count_nouns"])
            + r")\b"
        ),
    }


@lru_cache(maxsize=1)
def _qualifier_words() -> frozenset[str]:
    """The words that may stand before a figure ("about", "at least", "more than"): the qualifier lists."""
    data = vocab.load("qualifiers")
    return frozenset(str(w) for key in ("approximate", "at_least", "more_than", "less_than", "at_most")
                     for w in data[key] if str(w)[:1].isalpha())


_STUDY = re.compile(
    r"\b(?:in|by|to|from)\s+((?:a|an|the)\s+(?:[\w’'/-]+\s+){0,4}?(poll|survey|study|census|tally|"
    r"count|analysis|report|estimate|assessment)s?)\b"
)
# "CLINTON: I feel ...", "Health ministry: 17 people ...": a speaker (up to five words), a colon, the words.
_COLON_SPEAKER = re.compile(r"^\W*(?:\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?\s*[-–—|]\s*)?"  # "3:45 PM - "
                            r"([A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,11}):(?:\s|$)")
_WORD = re.compile(r"[a-z]+")


_CONTINUATION = re.compile(r"^\W*(?:another|a further|an additional|also|(?:[\w-]+\s+)?of (?:them|those|these)|"
                           r"in addition)\b",
                           re.IGNORECASE)
_ANY_WORD = re.compile(r"[A-Za-z]+")
# Whom a speech verb addresses, then "that": " Bay Radio that", " reporters on Monday that" (a short phrase,
# no punctuation).
_TOLD_THAT = re.compile(r"\s+(?:the\s+)?(?:[\w.'’-]+\s+){1,4}?that\b")


@lru_cache(maxsize=1)
def _cue_words() -> frozenset[str]:
    """Every word that can start a cue: a sentence with none of them has no attribution frame."""
    vocabulary = cues()
    words = vocabulary["verbs"] | vocabulary["artifact_verbs"] | vocabulary["possessive_nouns"] \
        | vocabulary["sets_toll_verbs"] | vocabulary["record_verbs"]
    return frozenset(
        words
        | {phrase.split()[0] for phrase in vocabulary["prepositional"]}
        | {"poll", "survey", "study", "census", "tally", "analysis", "estimate", "assessment"}
    )


def _after_cue(
    matches: Iterable[re.Match[str]], sentence: Sentence, cue_of: Callable[[re.Match[str]], str], *, indirect: bool,
    owns_figure: bool = False,
) -> Iterator[Frame]:
    """Frames whose source is the noun phrase right after a cue ("according to [the NIS]"); with
    `owns_figure` the frame covers only the cue's own stretch and the source owns the figure in it ("the
    figure of 29 deaths given by [the police]"), whoever the sentence's speaker."""
    for m in matches:
        found = _np_after(sentence.text[m.end() :])
        if found and looks_like_source(found[0], sentence_initial=False, strong=True):
            start = sentence.start + m.end()
            yield Frame(
                split_sources(found[0]),
                cue_of(m),
                "sentence",
                sentence.start + m.start() if owns_figure else sentence.start,
                start + found[1] if owns_figure else sentence.end,
                [(start, start + found[1])],
                indirect=indirect,
                narrow=owns_figure,
                owns_figure=owns_figure,
            )


_NOT_A_REPORT_YET = re.compile(r"(?:\b(?:the|a|an|his|her|their|its|our|these|those|to|will|would|could|should|"
                               r"might|must|can|may|not)|n['’]t|['’]s|\bs')$")
_NOT_A_REPORT_YET_CHARS = 8  # longer than its longest word ("should")
_TITLE_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def _title_case(text: str) -> bool:
    """A headline's capitalisation: most words capitalised, so a capital does not make a name."""
    words = _TITLE_WORD.findall(text)
    return len(words) > 2 and sum(w[0].isupper() for w in words) > 0.6 * len(words)


def sentence_frames(sentence: Sentence) -> list[Frame]:
    """Attribution frames found inside one sentence."""
    text, base = sentence.text, sentence.start
    vocabulary = cues()
    patterns = _patterns()
    frames: list[Frame] = []
    lowered = text.lower().replace("’", "'")
    # the words of the sentence: a pattern whose cue words are absent is not run (most are not, in a
    # sentence with a number)
    present = set(_WORD.findall(lowered))
    # "according to X", "as reported by X".
    frames.extend(_after_cue(patterns["prepositional"].finditer(lowered), sentence, lambda m: m.group(), indirect=True))
    # "in a new Fox News poll", "a Reuters survey found": the study itself is the source.
    for m in _STUDY.finditer(text):
        if re.search(r"['’]s?\s", m.group(1)):
            continue  # "by the navy's count": the navy is the source (below)
        if not any(s <= base + m.start() < e for f in frames for s, e in f.source_spans):
            frames.append(
                Frame(
                    [m.group(1)],
                    m.group(2).lower(),
                    "sentence",
                    base,
                    sentence.end,
                    [(base + m.start(1), base + m.end(1))],
                )
            )
    # "by the army's count": the owner of the count.
    for m in patterns["by_count"].finditer(text):
        owner = re.sub(r"['’]s?$", "", m.group(1))
        if looks_like_source(owner, sentence_initial=False, strong=True) and owner.lower() not in cues()["pronouns"]:
            frames.append(Frame([owner], m.group(2).lower(), "sentence", base, sentence.end,
                                [(base + m.start(1), base + m.end(1))]))
    agreeing = patterns["agrees_on"].match(text) if " agree" in lowered or " concur" in lowered else None
    if agreeing:
        agreeing_names = [clean(n) for n in re.split(r",\s*(?:and\s+)?|\s+and\s+", agreeing.group(1))
                          if n.strip()]
        frames.append(Frame(agreeing_names, "agree", "sentence", base, sentence.end,
                            [(base + agreeing.start(1), base + agreeing.end(1))]))
    owned = patterns["owned_figure"].match(text)
    if owned:
        frames.append(Frame([clean(owned.group(1))], owned.group(2).lower(), "sentence", base, sentence.end,
                            [(base + owned.start(1), base + owned.end(1))]))
    own = _OWN_FIGURES.match(text)
    if own and own.group(1).strip() and looks_like_source(own.group(1).strip(), sentence_initial=True, strong=True):
        frames.append(Frame([clean(own.group(1))], own.group(2).lower(), "sentence", base, sentence.end,
                            [(base + own.start(1), base + own.end(1))]))
    for m in patterns["sets_toll"].finditer(text) if not present.isdisjoint(vocabulary["sets_toll_verbs"]) else ():
        setter, setter_start = _without_lead_in(m.group(1), m.start(1))
        if looks_like_source(setter.strip(), sentence_initial=setter_start == 0):
            frames.append(Frame([clean(setter)], m.group(2).lower(), "sentence", base, sentence.end,
                                [(base + setter_start, base + m.end(1))]))
    # "CLINTON: I feel...", "Bernie Sanders: 'It is not a radical idea'": a name, a colon, the words.
    frames.extend(_colon_speaker_frames(text, base))
    # "between 14 (army) and 27 (the district council)": a source in brackets right after its figure
    for m in _BRACKETED_SOURCE.finditer(text):
        if looks_like_source(m.group(2), sentence_initial=False) and not _DATE_OR_UNIT.match(m.group(2)):
            frames.append(Frame([m.group(2)], "()", "sentence", base + m.start(1), base + m.end(),
                                [(base + m.start(2), base + m.end(2))], narrow=True, owns_figure=True))
    # "a video released by X".
    frames.extend(
        _after_cue(
            patterns["artifact"].finditer(text) if "by" in present else (),
            sentence,
            lambda m: f"{m.group(1).lower()} {m.group(2).lower()} by",
            indirect=False,
        )
    )
    # "the figure of 29 deaths given by the police": only that figure is theirs, whoever the sentence's speaker.
    frames.extend(_after_cue(patterns["figure_by"].finditer(text) if "by" in present else (), sentence,
                             lambda m: "figure by", indirect=False, owns_figure=True))
    # "X said", "said X", with the object credited for confirming verbs.
    verbs = vocabulary["verbs"]
    for m in _ANY_WORD.finditer(text):
        word = m.group().lower()
        # "the district has recorded nine deaths": who records a figure is its source, whatever noun names it
        records_a_figure = word in vocabulary["record_verbs"] and bool(patterns["figure_after"].match(text, m.end()))
        if word not in verbs and not records_a_figure and not (
                word in vocabulary["figure_object_verbs"] and patterns["figure_object"].match(text, m.end())):
            continue
        strong = word in vocabulary["strong"] or records_a_figure
        if m.group()[0].isupper() and m.start() > 0 and not _title_case(text):
            continue  # part of a name: "United States", "Consumer Reports"
        before = lowered[: m.start()].rstrip()
        # the words end `before`, so only its last few characters can hold a match
        if _NOT_A_REPORT_YET.search(before, max(0, len(before) - _NOT_A_REPORT_YET_CHARS)):
            continue  # a noun ("the reports", "Kyiv's claims") or not a report yet ("to say", "would say")
        if re.search(r"\b(?:is|are|was|were|be|been)(?:\s+(?:\w+ly|also|not|never|later|then|now))?$", before) \
                and not word.endswith("ing") and word not in vocabulary["passive_reports"]:
            continue  # a hedge ("is said to", "were believed") or a passive ("was identified as", "were admitted
            # to hospital"): its subject is who is counted or told, not who speaks; "were saying" is no passive
        if re.match(r"\s+to\b", text[m.end() :]) and (
                word in {"said", "believed", "reported", "estimated"} or word in vocabulary["artifact_verbs"]
                or (word == "claimed" and before.endswith(","))):
            continue  # "is said to", "the TLF, estimated to have", "reported to clinics"; but "the Front
            # claimed to have killed 40" is the Front's claim
        if re.match(r"\s+by\s+(?:(?:the|a|an)\b|[A-Z])", text[m.end():]):
            continue  # "figures released by X", "(confirmed by the coroner)": a passive; the cue names X
        if word in vocabulary["that_verbs"] and not re.match(r"\s+that\b", text[m.end():]):
            continue  # "agreed on a plan" reports nothing
        if word in vocabulary["of_verbs"] and not re.match(r"\s+of\b", text[m.end():]):
            continue  # "spoke to reporters" reports nothing; "spoke of four dead" does
        subject = _subject_before(text, m.start())
        names: list[str] = []
        span = (0, 0)
        inverted = _inverted_source(text, m)
        if inverted:  # "..., including two children, were inside, said the fire chief, James Steele."
            names = split_sources(inverted[0])
            span = (base + m.end(), base + m.end() + inverted[1])
        elif subject and looks_like_source(clean(subject[0]), sentence_initial=subject[1] == 0,
                                           strong=strong or _reduced_relative_at(text[:m.start()], subject[1])):
            names = split_sources(subject[0])
            shared = _SHARED_SUBJECT.match(text, subject[1], m.start())
            # "The committee has detained two officers and says ...": the source is the subject, not its clause
            span = (base + subject[1], base + (shared.end(1) if shared else m.start()))
            joined = list(_CLAUSE_AND.finditer(text, span[0] - base, span[1] - base))
            # an earlier verb's subject wholly before the last "and"
            earlier = [s for f in frames for s, e in f.source_spans if joined and span[0] <= s and e <= base
                       + joined[-1].start()]
            if earlier and not shared:
                # "the police count seven and the union counts nine": a subject of an earlier verb is no
                # co-subject of this one; the "and" joins two clauses, and this verb's subject follows it
                span = (base + joined[-1].end(), span[1])
                names = split_sources(text[span[0] - base:span[1] - base])
        elif word.endswith("ing") and frames:
            names = list(frames[-1].sources)  # "..., saying that": the main clause's subject
        else:
            after = _np_after(text[m.end() :])
            if (
                after
                and re.search(r"[,”\"]\s*$", text[: m.start()])
                and looks_like_source(after[0], sentence_initial=False)
            ):
                names = split_sources(after[0])
                span = (base + m.end(), base + m.end() + after[1])
        if not names:
            continue
        indirect = bool(re.match(r"\s+(?:that\b|on\s+\w+\s+that\b)", text[m.end() :])) or (
            word in vocabulary["addressed_verbs"] and bool(_TOLD_THAT.match(text[m.end():])))
        if records_a_figure and span[1]:
            # "the police count seven dead and the union counts nine": each recorder owns the figures from
            # where it is named on, the nearest one before a figure over any other
            frames.append(Frame(names, word, "sentence", span[0], sentence.end, [span], narrow=True, owns_figure=True))
        else:
            frames.append(Frame(names, word, "sentence", base, sentence.end, [span], indirect=indirect))
        if word in vocabulary["confirming"]:
            obj = re.match(r"\s+((?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)['’]s\s+\w+", text[m.end() :])
            if obj:
                frames.append(Frame([obj.group(1)], word, "sentence", base, sentence.end))
    # "Kyiv's claims", "Seoul's estimate".
    for m in patterns["possessive"].finditer(text) if "'s" in lowered else ():
        start = base + m.start()
        if any(s <= start < e for f in frames for s, e in f.source_spans):
            continue
        frames.append(
            Frame([m.group(1)], m.group(2).lower(), "sentence", base, sentence.end, [(start, base + m.end())])
        )
    return _split_at_semicolons(frames, sentence)


# Where one source's clause ends and another's may begin: "; ", ", but ", ", while ", ", whereas ".
_SOURCE_CLAUSE_BREAK = re.compile(r";|,\s+(?:but|while|whereas)\b")


def _split_at_semicolons(frames: list[Frame], sentence: Sentence) -> list[Frame]:
    """ "the ministry says 212 were detained; the collective says at least 480", "the office said 34 had
    been killed, but the council put the toll at 27": when sources stand in different clauses of one
    sentence, each covers its own clause and those after it up to the next source's clause, not the whole
    sentence."""
    cuts = [sentence.start + m.start() for m in _SOURCE_CLAUSE_BREAK.finditer(sentence.text)]
    if not cuts:
        return frames

    def clause(position: int) -> int:
        return bisect_right(cuts, position)

    named = sorted({clause(f.source_spans[0][0]) for f in frames if f.source_spans and not f.narrow})
    if len(named) < 2:
        return frames
    bounds = [sentence.start] + [c + 1 for c in cuts] + [sentence.end]
    for f in frames:
        if f.source_spans and not f.narrow:
            own = clause(f.source_spans[0][0])
            following = next((n for n in named if n > own), len(bounds) - 1)
            f.start, f.end, f.narrow = bounds[own], bounds[following], True
    return frames


def _colon_speaker_frames(text: str, base: int) -> list[Frame]:
    """ "Interior Ministry: 71 dead.": a speaker opening a line. A sentence's last line speaks for the
    whole sentence ("Update 7:05 p.m.\nInterior Ministry: 71 dead."); when several lines of a list each
    name their own ("• Police: six dead\n• Ambulance service: 23 injured; 9 in hospital"), each speaks for
    its line only, and a line that ends at its colon for the lines under it."""
    lines: list[tuple[int, int, re.Match[str], str]] = []
    start = 0
    for line in text.split("\n"):
        colon = _COLON_SPEAKER.match(line)
        speaker = _colon_speaker(colon.group(1)) if colon else None
        if colon and speaker:
            lines.append((start, start + len(line), colon, speaker))
        start += len(line) + 1
    if len(lines) == 1 and lines[0][1] == len(text):
        line_start, _, colon, speaker = lines[0]
        return [Frame([speaker], ":", "sentence", base, base + len(text),
                      [(base + line_start + colon.start(1), base + line_start + colon.end(1))])]
    frames = []
    for i, (line_start, line_end, colon, speaker) in enumerate(lines):
        if text[line_start:line_end].rstrip().endswith(":"):
            # "Police figures:" alone on its line heads the lines after it, up to the next speaker's line
            line_end = lines[i + 1][0] if i + 1 < len(lines) else len(text)
        frames.append(Frame([speaker], ":", "sentence", base + line_start, base + line_end,
                            [(base + line_start + colon.start(1), base + line_start + colon.end(1))], narrow=True))
    return frames




def _colon_speaker(words: str) -> str | None:
    """The speaker named before a colon: a name ("CLINTON", "Bernie Sanders"), a source noun ("Health
    ministry"), or a name and its report ("PDRRO update", "Highway Police statement"); None for a label
    ("Note", "Photo 3 of 14", "In pictures")."""
    parts = words.split()
    lowered = [w.lower() for w in parts]
    if lowered[0] in cues()["not_speakers"] or lowered[0] in cues()["possessive_adjectives"] \
            or words.lower() in vocab.metric_cues():
        return None  # "Note: ...", "Latest figures: ...", "Injured: 61 persons": a label, not a speaker
    if lowered[0].split("-")[0] in number_words():
        return None  # "Seven were taken to hospitals: four to ...": a figure's clause, never a speaker
    name = parts[:-1]
    if len(parts) > 1 and lowered[-1] in cues()["report_labels"] and all(w[0].isupper() for w in name) \
            and (len(name) >= 2 or (name[0].isupper() and len(name[0]) >= 2 and name[0].isalpha())):
        return " ".join(name)  # "PDRRO update", "Highway Police statement"; not "Latest update", "Death toll"
    if len(parts) > 1 and lowered[-1] in cues()["count_nouns"] | cues()["register_nouns"]:
        return _owner_before_figures(parts, lowered)  # "Key figures", "Police figures": only an owner speaks
    links = cues()["name_links"]
    if all(w[0].isupper() or low in links for w, low in zip(parts, lowered, strict=True)) \
            and lowered[-1] not in links or lowered[-1] in cues()["source_nouns"] - cues()["pronouns"]:
        return words  # "Colonel Ivo Brannik of the General Staff: ..."
    if parts[0][0].isupper() and lowered[-1] in cues()["institution_heads"] | cues()["body_heads"]:
        return words  # "Health committee: 71 injured", "Ambulance station: ...": a body named by its kind
    if parts[-1][0].isupper() and all(w[0].isupper() or low in cues()["speaker_roles"]
                                      for w, low in zip(parts, lowered, strict=True)):
        return words  # "Port Authority spokeswoman Ines Roca: ...": an organisation's role and a name
    return _owner_before_figures(parts, lowered)


def _owner_before_figures(parts: list[str], lowered: list[str]) -> str | None:
    """ "Harbour health office figures read out by Dr Ann Lee: ...", "Police list: ...": the figures' (or the
    list's) owner, named before the count noun by a source noun, two capitalised words or an acronym ("Death
    toll", "Official figures" and "Casualty list" name no one)."""
    owned_nouns = cues()["count_nouns"] | cues()["register_nouns"]
    at = next((i for i, w in enumerate(lowered) if i > 0 and w in owned_nouns), None)
    if at is None:
        return None
    owner, owned = parts[:at], lowered[:at]
    named = owned[-1] in cues()["source_nouns"] - cues()["pronouns"] \
        or sum(w[0].isupper() for w in owner) >= 2 or (len(owner[-1]) > 1 and owner[-1].isupper())
    if not named or all(w in cues()["possessive_adjectives"] for w in owned):
        return None
    return " ".join(owner)


def _opens_with_a_possessive(text: str) -> bool:
    """ "Its medics treated 19 climbers", "Their crews ...": a sentence opening with a possessive pronoun (data)
    right after an attributed one points back at its source."""
    first = _ANY_WORD.search(text)
    return first is not None and first.start() <= 3 and first.group().lower() in cues()["possessive_openers"]


# "Two of the dead ...": a partitive names its group itself, and may be the writer's own breakdown
_PARTITIVE_OF = re.compile(r"\s+of\b")


def _bare_figure(text: str) -> bool:
    """A figure with no noun of its own ("Thirty", "twenty-six", "41"): it counts a group named before it."""
    return bool(re.fullmatch(r"\d[\d,]*", text)) or all(
        part in number_words() for part in text.lower().split("-"))


def _short_follow_up(text: str) -> bool:
    """A short plain sentence right after an attributed one in its paragraph ("Fourteen people are
    missing.") goes on with the same account: a reporter who changes source names the new one."""
    return len(_ANY_WORD.findall(text)) <= 10 and not re.search(r"[“”\"]", text) and not _ANOTHER_YEAR.match(text)


# "In 2019, ...", "Back in 1998 ...": a sentence that opens in another year tells of another time, not the
# account before it
_ANOTHER_YEAR = re.compile(r"^\W*[A-Z][a-z]*(?:\s+[a-z]+)?(?:\s+[A-Z][a-z]+)?\s+(?:1[89]|20)\d\d\b")


def _inverted_source(text: str, verb: re.Match[str]) -> tuple[str, int] | None:
    """The source named after a speech verb that follows a comma or a quote and ends the clause
    ("..., said the county fire chief."): (source, end offset after the verb)."""
    if not re.search(r"[,”\"]\s*$", text[: verb.start()]):
        return None
    after = _np_after(text[verb.end():])
    if not after or not re.match(r"\s*(?:[,.;]|$)", text[verb.end() + after[1]:]):
        return None
    phrase = after[0]
    lowered = phrase.lower().split()
    if not lowered or lowered[-1] in cues()["pronouns"]:
        return None
    named = any(w[0].isupper() for w in phrase.split()) or lowered[-1] in cues()["source_nouns"] \
        or bool(re.match(r"\s*,\s*[A-Z]", text[verb.end() + after[1]:]))  # "the harbor master, Lin Ko"
    return after if named and looks_like_source(phrase, sentence_initial=False, strong=True) else None


def _first_comma(sentence: Sentence) -> int:
    """Where a sentence's first comma stands (its end when it has none): a source named after it closes the
    sentence ("..., a nurse said") rather than opening it."""
    comma = sentence.text.find(",")
    return sentence.start + (comma if comma >= 0 else len(sentence.text))


def briefing_frames(sentence: Sentence) -> list[Frame]:
    """Who holds the briefing or issues the statement a sentence tells of ("Colonel Ivo Marsh, the army
    spokesman, has just finished a briefing"): a frame for what is listed after it."""
    frames = []
    for m in _patterns()["briefing"].finditer(sentence.text):
        subject = _subject_before(sentence.text, m.start())
        if subject and looks_like_source(clean(subject[0]), sentence_initial=subject[1] == 0):
            frames.append(Frame(split_sources(subject[0]), "briefing", "sentence", sentence.start, sentence.end,
                                [(sentence.start + subject[1], sentence.start + m.start())]))
    return frames


def _agreement_after(sentences: list[Sentence], idx: int, frames_at: Callable[[int], list[Frame]], *,
                     first_figure: bool) -> int | None:
    """The later sentence of a figure's paragraph whose sources say they give the same figure: the sentence
    right after the figure's, or any later one for the paragraph's first figure ("Nine died. Two died at the
    scene. Police and the coroner give the same toll.": the nine, not the two), unless a sentence between
    them has a source of its own (its figures are that source's)."""
    for j in range(idx + 1, len(sentences)):
        if sentences[j].paragraph != sentences[idx].paragraph or (j > idx + 1 and not first_figure):
            return None
        if frames_at(j):
            return j if _patterns()["agreement"].search(sentences[j].text) else None
    return None


def _sources_from(frames: list[tuple[Frame, str]], position: int) -> list[Source]:
    """The sources of the frames covering a claim, one per canonical name, first scope kept."""
    found: list[Source] = []
    seen: set[str] = set()
    for frame, scope in frames:
        if any(s <= position < e for s, e in frame.source_spans):
            continue  # the number is part of the source's own name ("two officials said")
        for name in frame.sources:
            key = canonical(name)
            if key not in seen:
                seen.add(key)
                found.append(Source(clean(name), key, frame.cue, scope))
    return found


# A live blog's entry opens with its time: "14:00", "6:40 AM -", "18:30 –", "Update 7:05 p.m.".
_ENTRY_STAMP = re.compile(r"^\W*(?:[Uu]pdated?:?\s+)?\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*[-–—|:]|\s*$)")


def _live_entries(sentences: list[Sentence]) -> dict[int, int]:
    """The paragraphs that are live-blog entries, each with the index of its first sentence."""
    entries: dict[int, int] = {}
    for sent in sentences:
        if sent.idx == 0 or sentences[sent.idx - 1].paragraph != sent.paragraph:  # a paragraph's first sentence
            if _ENTRY_STAMP.match(sent.text):
                entries[sent.paragraph] = sent.idx
    return entries


def _speaker_turns(sentences: list[Sentence]) -> dict[int, tuple[int, int]]:
    """The paragraphs of a transcript that open with a speaker's label ("KOVAC: ...", "Caller: ..."), each with
    its first sentence and where the label starts: the whole paragraph is that speaker's turn. A text is a
    transcript when two paragraphs or more open so; one label alone may be a dateline or a heading."""
    turns: dict[int, tuple[int, int]] = {}
    for sent in sentences:
        if sent.idx == 0 or sentences[sent.idx - 1].paragraph != sent.paragraph:  # a paragraph's first sentence
            label = _COLON_SPEAKER.match(sent.text)
            if label and _colon_speaker(label.group(1)):
                turns[sent.paragraph] = (sent.idx, sent.start + label.start(1))
    return turns if len(turns) >= 2 else {}


def _position(frame: Frame) -> int:
    """Where a frame's source is named: its source span, else the frame's start."""
    return frame.source_spans[0][0] if frame.source_spans and frame.source_spans[0][1] else frame.start


def attribute(
    section: str, sentences: list[Sentence], claim_spans: list[tuple[int, int, int]], speakers: list[str],
    *, carry_speaker: bool = True,
) -> list[list[Source]]:
    """Sources for each claim given as (sentence_idx, start, end); `speakers` carries names across sections,
    and the section's last named speaker joins it unless `carry_speaker` is off (no section follows).

    Frames are computed only for the sentences that need them: the claims' sentences, the sentence
    before each, and, for a pronoun ("he said"), the sentences back to the last named speaker."""
    if not claim_spans and not carry_speaker:
        return []
    cue_words = _cue_words()
    pronouns = cues()["pronouns"]
    cache: dict[int, list[Frame]] = {}
    quotes = quote_frames(section, sentences)
    starts = [s.start for s in sentences]
    quotes_in: dict[int, list[Frame]] = {}
    for q in quotes:
        quotes_in.setdefault(max(0, bisect_right(starts, _position(q)) - 1), []).append(q)

    def frames_at(idx: int) -> list[Frame]:
        if idx not in cache:
            s = sentences[idx]
            gate = ":" in s.text or "(" in s.text or not cue_words.isdisjoint(_WORD.findall(s.text.lower()))
            cache[idx] = sentence_frames(s) if gate else []
        return cache[idx]

    def named_before(position: int, idx: int) -> str | None:
        for j in range(idx, -1, -1):
            named = [
                (_position(f), name)
                for f in frames_at(j) + quotes_in.get(j, [])
                if _position(f) < position
                for name in f.sources
                if name.lower() not in pronouns
            ]
            if named:
                return max(named, key=lambda item: item[0])[1]
        return speakers[-1] if speakers else None

    resolved: set[int] = set()

    def resolve(frame: Frame, idx: int) -> Frame:
        if id(frame) in resolved:
            return frame
        resolved.add(id(frame))
        names = []
        for name in frame.sources:
            if name.lower() in pronouns:
                found = named_before(_position(frame), idx)
                if found:
                    names.append(found)
                    frame.scope = "pronoun" if frame.scope == "sentence" else frame.scope
            else:
                names.append(name)
        frame.sources = names
        return frame

    def sources_in(idx: int, scope: str, position: int, *, only_indirect: bool = False) -> list[Source]:
        """The sources of another sentence's whole-sentence frames (only its indirect speech, when asked),
        for a claim at `position`."""
        return _sources_from([(resolve(f, idx), scope) for f in frames_at(idx)
                              if not f.narrow and (f.indirect or not only_indirect)], position)

    entries = _live_entries(sentences)
    turns = _speaker_turns(sentences)
    with_figures = sorted({idx for idx, _, _ in claim_spans})

    def figures_before(idx: int) -> list[int]:
        """The sentences before `idx` that hold a figure, nearest first."""
        return with_figures[:bisect_right(with_figures, idx - 1)][::-1]

    # "Dr Holt said most of the hurt had burns. Thirty were admitted ...": a sentence that opens with a figure
    # with no noun of its own counts a group named before it, a breakdown of the account before it
    opens_bare = {idx for idx, start, end in claim_spans
                  if start == sentences[idx].start + len(sentences[idx].text) - len(sentences[idx].text.lstrip())
                  and _bare_figure(sentences[idx].text[start - sentences[idx].start:end - sentences[idx].start])
                  and not _PARTITIVE_OF.match(sentences[idx].text, end - sentences[idx].start)}
    results: list[list[Source]] = []
    for sentence_idx, start, _end in claim_spans:
        candidates = [(resolve(f, sentence_idx), "quote") for f in quotes if f.start <= start < f.end]
        covering = [f for f in frames_at(sentence_idx) if not f.narrow or f.start <= start < f.end]
        owners = [f for f in covering if f.owns_figure]
        if owners:  # the owner named last before it
            last_named = max(o.start for o in owners)
            owners = [f for f in owners if f.start == last_named]
        candidates += [(resolve(f, sentence_idx), f.scope) for f in owners or covering]
        found = _sources_from(candidates, start)
        if (
            not found
            and sentence_idx > 0
            and sentences[sentence_idx - 1].paragraph == sentences[sentence_idx].paragraph
        ):
            # "X said that ...", or a sentence that goes on counting ("Another 23 were missing"):
            # the previous sentence's source still speaks.
            continues = bool(_CONTINUATION.match(sentences[sentence_idx].text)) or _short_follow_up(
                sentences[sentence_idx].text) or _opens_with_a_possessive(sentences[sentence_idx].text) \
                or sentence_idx in opens_bare
            found = sources_in(sentence_idx - 1, "previous_sentence", start, only_indirect=not continues)
        following = sentence_idx + 1
        if not found and following < len(sentences) and not sentences[following].text.rstrip().endswith(":") \
                and (_patterns()["refers_back"].match(sentences[following].text)
                     or (sentences[following].paragraph == sentences[sentence_idx].paragraph
                         and _RAISES_THE_TOLL.search(sentences[following].text))):
            # "... the count of the dead had reached 14. That figure, released by the fire service, ..."
            found = sources_in(following, "next_sentence", start)
        paragraph = sentences[sentence_idx].paragraph
        if not found and following < len(sentences) and sentences[following].paragraph == paragraph \
                and _patterns()["rest_of_group"].match(sentences[following].text):
            # "Four of the five were discharged. The fifth goes home on Friday, a nurse said.": the account of
            # the group's rest, attributed at its end, goes on with the same report
            found = _sources_from([(resolve(f, following), "next_sentence") for f in frames_at(following)
                                   if not f.narrow and _position(f) > _first_comma(sentences[following])], start)
        agreeing = None if found else _agreement_after(
            sentences, sentence_idx, frames_at,
            first_figure=not any(sentences[i].paragraph == paragraph for i in figures_before(sentence_idx)))
        if agreeing is not None:
            # "Thirteen died. Police and the coroner give the same toll.": the sources that agree on it
            found = sources_in(agreeing, "next_sentence", start)
        lead_in = list_lead_in(sentences, sentence_idx)
        if not found and lead_in is not None:
            # "Among those detained, according to the collective's records:" then "- 6 journalists".
            found = sources_in(lead_in, "list_lead_in", start)
            if not found and lead_in > 0 and sentences[lead_in - 1].paragraph == sentences[lead_in].paragraph \
                    and not frames_at(lead_in):
                # "Colonel Ivo Marsh has just given a briefing. Key points:": a label heading a list speaks
                # with the briefing before it
                found = _sources_from([(f, "list_lead_in") for f in briefing_frames(sentences[lead_in - 1])], start)
        if not found and sentences[sentence_idx].paragraph in entries:
            # "14:00 Collector Shalini Arvind: 64 injured. Twelve people are still missing": a live blog's
            # entry is one update from whoever it names first
            for earlier in range(sentence_idx - 1, entries[sentences[sentence_idx].paragraph] - 1, -1):
                found = sources_in(earlier, "live_entry", start)
                if found:
                    break
        turn = turns.get(paragraph)
        if not found and turn is not None and turn[0] != sentence_idx:
            # "KOVAC: Nine are in hospital. Two went home.": every sentence of a turn is its speaker's
            found = _sources_from([(resolve(f, turn[0]), "speaker_turn") for f in frames_at(turn[0])
                                   if f.cue == ":" and _position(f) == turn[1]], start)
        results.append(found)
    if sentences and carry_speaker:  # looking back for the last speaker may read every sentence's frames
        last = named_before(len(section) + 1, len(sentences) - 1)
        if last and (not speakers or speakers[-1] != last):
            speakers.append(last)
    return results
