"""Source names: who can be a source, how a source phrase is cleaned, split and made canonical."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from claimledger import vocab
from claimledger.extraction.phrases import alternation
from claimledger.model import Source


@lru_cache(maxsize=1)
def _leading() -> re.Pattern[str]:
    """A bullet (data) or dash opening a list line and an editor's label "(amended)" come before a name,
    not in it."""
    bullets = re.escape(str(vocab.load("claim_scope")["bullet_marks"]))
    return re.compile(r"^(?:\s|[“”\"'‘’," + bullets + r"]|[-–—*](?=\s)|\([a-z ]+\)|\b(?:and|or|with|but|so|then|"
                      r"also|while|both|later|meanwhile|afterwards|separately|however)\b)+", re.IGNORECASE)


_TRAILING = re.compile(
    r"(?:\s|[“”\"'‘’,]|\b(?:has|have|had|also|previously|later|reportedly|publicly|"
    r"repeatedly|earlier|recently|again|first|once|further|then|has been|had been|"
    r"did|does|do|will|would|could|may|might|is|was|are|were|not|never|already|"
    r"separately|officially|initially|too|now|still|often|last week|on \w+|there|here|all|both|just)\b)+$",
    re.IGNORECASE,
)
_SPLIT_SOURCES = re.compile(
    r",\s*(?:along|together)\s+with\s+|\s+as\s+well\s+as\s+|,\s*and\s+|\s+and\s+|,(?!\d{3}\b)\s*", re.IGNORECASE
)


@dataclass
class Frame:
    """Sources with their cue, covering [start, end) of the section text."""

    sources: list[str]
    cue: str
    scope: str
    start: int
    end: int
    source_spans: list[tuple[int, int]] = field(default_factory=list)
    indirect: bool = False
    narrow: bool = False  # covers only [start, end), not the whole sentence: "14 (army)"
    owns_figure: bool = False  # names the owner of the figure it covers, over the sentence's speaker


@lru_cache(maxsize=1)
def cues() -> dict[str, frozenset[str]]:
    data = vocab.load("reporting_verbs")
    return {key: frozenset(str(w).lower() for w in data[key]) for key in data if key != "version"}


@lru_cache(maxsize=1024)  # asked for every frame of a sentence; cleared per article (extract.py)
def canonical(source_text: str) -> str:
    """The canonical name of a source, from the alias table; else the cleaned text itself."""
    index = vocab.source_alias_index()
    cleaned = clean(source_text)
    bare = re.sub(r"^(?:the|a|an)\s+", "", cleaned, flags=re.I)
    candidates = [cleaned, bare, re.sub(r"\s*\([^)]*\)", "", cleaned)]
    acronym = re.search(r"\(([A-Z][A-Za-z.]{1,9})\)", cleaned)
    if acronym:
        candidates.append(acronym.group(1))
    for candidate in candidates:
        hit = index.get(candidate.lower().replace("’", "'"))
        if hit:
            return hit
    # "White House national security spokesman", "the NIS estimate": the longest alias inside the text.
    found = _alias_pattern().search(cleaned.replace("’", "'"))
    if found:
        return index[found.group().lower()]
    organisation = _organisation_spoken_for(bare)
    if organisation and organisation != bare:
        return canonical(organisation)
    owner = _owner_of_the_figures(bare)
    return canonical(owner) if owner else bare


def _owner_of_the_figures(name: str) -> str | None:
    """ "VVB figures", "department count": whose figures they are, when a name or a source noun owns them."""
    words = name.split()
    if len(words) < 2 or words[-1].lower() not in cues()["count_nouns"]:
        return None
    owner = words[-2]
    return " ".join(words[:-1]) if owner[:1].isupper() or owner.lower() in cues()["source_nouns"] else None


def _organisation_spoken_for(name: str) -> str | None:
    """The organisation a person speaks for: "Teodor Brandt of the Civil Protection Directorate", "a
    spokeswoman for the Red Cross", "Interior Ministry spokesman Anton Radevic", "the collective's
    coordinator". Ten of its people are one origin, not ten. Only a person speaks for it: "Ministry of
    Health", "Governor of Texas" and "two officials" stay as they are."""
    roles = cues()["speaker_roles"]
    heads = cues()["institution_heads"]
    after = re.match(r"^(.+?)\s+(?:of|for|at|from)\s+(?:the\s+)?([A-Z].*)$", name)
    if after:
        speaker = [w for w in after.group(1).split() if w.lower() not in {"a", "an", "the"}]
        named = len(speaker) >= 2 and all(w[0].isupper() for w in speaker) \
            and not any(w.lower() in heads or w.lower() in cues()["source_nouns"] for w in speaker)
        if speaker and (speaker[-1].lower() in roles or named):  # a role, or a person's first and last name
            return after.group(2)
        if len(speaker) == 1 and speaker[0].lower() in cues()["artifact_nouns"]:
            return after.group(2)  # "a statement from the Coast Guard", "a report by the ministry"
    possessive = re.match(r"^(.+?)['’]s?\s+((?:\w+\s+){0,2}?\w+)$", name)
    if possessive and possessive.group(2).lower().split()[-1] in roles:
        return possessive.group(1)  # "the collective's coordinator", "the union's press officer"
    words = name.split()
    for i, word in enumerate(words[1:], start=1):
        if word.lower() in roles and words[i - 1].lower() not in roles:
            before = re.sub(r"^(?:the|a|an)\s+", "", " ".join(words[:i]), flags=re.IGNORECASE)
            # "CSAS duty manager", "ministry deputy spokesman": lower-case words qualify the role
            before = re.sub(r"(?:\s+[a-z][a-z-]*)+$", "", before) or before
            last = before.split()[-1]
            # an institution ("Interior Ministry spokesman") or an acronym ("ELDC coordinator"), not "Two
            # officials" or "Senior officials"
            if last.lower() in heads or (last.isupper() and len(last) >= 2 and last.isalpha()):
                return before
            return None
    return None


# "Calden State Ambulance Service (CSAS)": a name and the acronym an article then uses for it.
# An acronym: capitals, or a short mixed-case form with two capitals or more ("CSAS", "MetrAm").
_ACRONYM = r"[A-Z]{2,8}|[A-Z][a-z]*[A-Z][A-Za-z]{0,7}"
_ACRONYM_DEFINED = re.compile(
    r"\b((?:[A-Z][\w'’&-]*\s+(?:(?:of|for|and|the|on|de|del|da|do|des|di)\s+)*){1,7}[A-Z][\w'’-]*)\s+"
    r"\((" + _ACRONYM + r")\)")


def acronyms_defined(text: str) -> dict[str, str]:
    """The acronyms a text defines, each with the name it stands for, when the name's capitalised words
    start with the acronym's letters in order ("Calden State Ambulance Service (CSAS)")."""
    found: dict[str, str] = {}
    for m in _ACRONYM_DEFINED.finditer(text):
        name, acronym = m.group(1).strip(), m.group(2)
        initials = "".join(w[0] for w in name.split() if w[0].isupper())
        capitals = "".join(ch for ch in acronym if ch.isupper())  # "MetrAm": M, A
        if initials.endswith(capitals) and acronym not in found:
            # the name may run back past where it starts ("On Monday the Calden State ..."): keep its last words
            words = name.split()
            starts = [i for i, w in enumerate(words) if w[0].isupper()]
            found[acronym] = " ".join(words[starts[len(starts) - len(capitals)]:])
    return found


@lru_cache(maxsize=1)
def _alias_pattern() -> re.Pattern[str]:
    # Aliases of one short word ("Kim", "UN", "US") only count as whole names, not inside a longer text.
    names = [
        str(a) for name, entry in vocab.load("source_aliases")["sources"].items() for a in [name, *entry["aliases"]]
    ]
    aliases = [a.replace("’", "'") for a in names if " " in a or (a.isupper() and len(a) >= 2)]
    return re.compile(r"\b(?:" + alternation(aliases) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=1024)  # asked for every frame and source; cleared per article (extract.py)
def clean(text: str) -> str:
    text = text.split("\n", 1)[0]  # a source is named on one line: the next line is another item
    text = _leading().sub("", text)
    text = _TRAILING.sub("", text)
    return text.strip(" ,.“”\"'‘’")


_DATE_START = re.compile(
    r"^(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.|^(?:January|February|March|"
    r"April|June|July|August|September|October|November|December|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday|Yesterday|Today|Last|This|Earlier|"
    r"On|In|At|By|For|From|Since|After|Before|During)\b|^\d"
)


def looks_like_source(np: str, *, sentence_initial: bool, strong: bool = False) -> bool:
    words = np.split()
    if not words or len(words) > 14 or _DATE_START.search(np):
        return False
    lowered = [w.lower().strip(",.()") for w in words]
    if any(w in _speech_verbs_only() for w, raw in zip(lowered, words, strict=True) if raw[:1].islower()):
        return False  # "tells reporters his teams (assessed 47)": a speaker's clause, not who counted
    if len(words) == 1 and lowered[0] in number_words():
        return False  # "Nine, confirmed, named.": a figure, not who confirms it
    being = next((i for i, w in enumerate(lowered) if w in cues()["verbs_of_being"]), None)
    if being is not None and not any(w in {"who", "which", "that", "whose"} for w in lowered[:being]):
        return False  # "Four were treated (and released ...)": a clause, not who speaks ("a driver who was
        # parked nearby" still does)
    if lowered[-1] in cues()["pronouns"] and len(words) == 1:
        return True
    if canonical(np) in vocab.canonical_sources():
        return True
    capitals = [
        w
        for i, w in enumerate(words)
        if w[0].isupper() and not (i == 0 and sentence_initial and w.lower() in {"the", "a", "an"})
    ]
    if capitals and not (len(words) == 1 and sentence_initial and words[0].lower() in cues()["not_names"]):
        return True
    if lowered[-1].rstrip("'’s") in cues()["source_nouns"] or lowered[-1] in cues()["source_nouns"]:
        return True
    # "the airline said", "the campaign says": any plain noun phrase is the subject of a speech verb.
    return (
        strong
        and len(words) <= 8
        and lowered[-1].isalpha()
        and lowered[-1] not in cues()["not_subject_words"]
        and not lowered[-1].endswith("ly")
        and (lowered[0] not in cues()["not_subject_words"] or _one_of_a_kind(lowered))
    )


@lru_cache(maxsize=1)
def number_words() -> frozenset[str]:
    """Number words up to ninety ("seven", "forty"): a phrase of one names a figure, never a speaker."""
    table = vocab.load("number_words")
    return frozenset(str(w) for w in (*table["units"], *table["tens"]))


@lru_cache(maxsize=1)
def _speech_verbs_only() -> frozenset[str]:
    """Speech verbs that are no nouns: "says", "told", not "reports" or "claims" ("local media reports")."""
    return cues()["strong"] - cues()["possessive_nouns"] - cues()["artifact_nouns"] - cues()["count_nouns"]


def _one_of_a_kind(lowered: list[str]) -> bool:
    """ "one volunteer said", "one official told": one person of a kind speaks ("one of them" is no name)."""
    return len(lowered) >= 2 and lowered[0] == "one" and lowered[1] != "of"




def split_sources(region: str) -> list[str]:
    parts = [p.strip() for p in _SPLIT_SOURCES.split(region) if p and p.strip()]
    return [clean(p) for p in _rejoin_names(region, parts) if clean(p)]


def _rejoin_names(region: str, parts: list[str]) -> list[str]:
    """Parts split at an "and" inside one institution's name ("the Fire and Rescue Service", "Health and
    Social Care Directorate") joined again: the left part names no institution of its own, the right
    part ends in an institution's head word, and both meet at capitalised words."""
    heads = cues()["institution_heads"]
    joined: list[str] = []
    for part in parts:
        if joined:
            left = joined[-1]
            glue = re.search(re.escape(left) + r"(\s+and\s+)" + re.escape(part), region)
            if glue and left.split()[-1][:1].isupper() and part[:1].isupper() \
                    and left.split()[-1].lower() not in heads and part.split()[-1].lower() in heads:
                joined[-1] = left + glue.group(1) + part
                continue
        joined.append(part)
    return joined


def under_defined_names(sources: list[Source], acronyms: dict[str, str]) -> list[Source]:
    """The sources with an acronym the article defines, or a name given with its acronym, under the one
    full name ("CSAS" and "Calden State Ambulance Service (CSAS)" are one origin); duplicates dropped."""
    named: list[Source] = []
    for source in sources:
        key = source.source_canonical
        given = re.search(r"\((" + _ACRONYM + r")\)$", key)  # "Rescue Service (VFRS)", a name cut at its "and"
        acronym = key if key in acronyms else given.group(1) if given else None
        if acronym in acronyms:
            key = canonical(acronyms[acronym])
        if all(key != s.source_canonical for s in named):
            named.append(replace(source, source_canonical=key))
    # "Velmar Fire" beside "Velmar Fire and Rescue Service": a defined name split at its "and"
    defined = {canonical(name) for name in acronyms.values()}
    return [s for s in named if not any(full != s.source_canonical and full.startswith(s.source_canonical + " ")
                                        for full in defined if any(o.source_canonical == full for o in named))]


_NAME_WORD = re.compile(r"^[A-Z][a-z'’-]+$")  # "Zelev", "O'Neill": a capitalised word, not an acronym


def people_named_in_full(canonicals: set[str]) -> dict[str, str]:
    """Each surname that ends exactly one source named with a first name ("Lower Tavell Police spokesman
    Aurel Denk", "Korvat Regional Governor Anton Zelev"), with that full source."""
    full: dict[str, set[str]] = {}
    for name in canonicals:
        words = name.split()
        if len(words) >= 2 and _NAME_WORD.match(words[-1]) and _NAME_WORD.match(words[-2]) \
                and words[-2].lower() not in vocab.word_set("reporting_verbs", "person_titles"):
            full.setdefault(words[-1], set()).add(name)
    return {surname: next(iter(names)) for surname, names in full.items() if len(names) == 1}


def under_full_names(sources: list[Source], people: dict[str, str]) -> list[Source]:
    """The sources with a person the article names in full, given by surname alone or with a title ("Denk",
    "Governor Zelev", "Ms. Hoel"), under that full name: one origin. Duplicates dropped."""
    named: list[Source] = []
    for source in sources:
        words = source.source_canonical.replace(".", "").split()
        short = len(words) == 1 or (len(words) == 2
                                    and words[0].lower() in vocab.word_set("reporting_verbs", "person_titles"))
        key = people.get(words[-1], source.source_canonical) if words and short else source.source_canonical
        if all(key != s.source_canonical for s in named):
            named.append(replace(source, source_canonical=key))
    return named
