"""Claim keys: what a figure is about (thing, actor, metric, place) and when (its period).

Two claims are comparable only when their keys match: "8,000 in the Kursk region" and "10,000 in
Russia" are different scopes, "3,000 in October" and "10,000 in December" different periods.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from claimledger import vocab


@dataclass(frozen=True)
class ClaimKey:
    """The comparable identity of a claim."""

    thing: str | None
    actor: str | None
    place: str | None
    place_parent: str | None
    period_start: date | None
    period_precision: str | None


_METRIC_NOUNS = frozenset({"casualty", "death", "fatality", "injury", "loss", "victim", "body"})


@lru_cache(maxsize=1)
def _thing_index() -> dict[str, str]:
    return {alias: canonical for canonical, aliases in vocab.load("keys")["things"].items() for alias in aliases}


@lru_cache(maxsize=1)
def _actor_pattern() -> list[tuple[re.Pattern[str], str]]:
    pairs = [(alias, canonical) for canonical, aliases in vocab.load("keys")["actors"].items() for alias in aliases]
    return [(re.compile(r"(?:^|\s)" + re.escape(alias) + r"(?=\s|$)"), canonical)
            for alias, canonical in sorted(pairs, key=lambda p: -len(p[0]))]


@lru_cache(maxsize=1)
def _place_index() -> dict[str, tuple[str, str | None]]:
    index: dict[str, tuple[str, str | None]] = {}
    for name, entry in vocab.load("keys")["places"].items():
        for alias in [name, *entry["aliases"]]:
            index[alias.lower()] = (name, entry["parent"])
    return index


def thing_of(unit: str | None) -> str | None:
    """Canonical counted thing: troops, forces and soldiers are all "soldier"."""
    if unit is None:
        return None
    if unit.lower() in _METRIC_NOUNS:
        return "*"  # "3,000 casualties", "24 deaths": who is counted is left open
    return _thing_index().get(unit.lower(), unit.lower())


def actor_of(subject: str | None, sentence: str) -> str | None:
    """Whose the counted things are, from the words in front of the noun ("North Korean soldiers")."""
    if not subject:
        return None
    lowered = " " + subject.lower().replace("’", "'") + " "
    for pattern, canonical in _actor_pattern():
        if pattern.search(lowered):
            return canonical
    words = subject.split()
    for word in words[:-1]:  # the head noun itself is not its own owner
        if word[:1].isupper() and word.isalpha() and word.lower().endswith(_demonym_suffixes()) \
                and word.lower() not in _not_demonyms():
            return word  # "four Sulorian soldiers"
    return None


@lru_cache(maxsize=1)
def _not_demonyms() -> frozenset[str]:
    return frozenset(str(w).lower() for w in vocab.load("keys")["not_demonyms"])


@lru_cache(maxsize=1)
def _demonym_suffixes() -> tuple[str, ...]:
    return tuple(str(s) for s in vocab.load("keys")["demonym_suffixes"])


def place_of(location: str | None) -> tuple[str | None, str | None]:
    """Canonical place and the place that contains it; an unknown place keeps its own name."""
    if not location:
        return None, None
    cleaned = re.sub(r"^the\s+", "", location.strip(), flags=re.I)
    return _place_index().get(cleaned.lower(), (cleaned, None))


def is_site(place: str | None) -> bool:
    """A street, a building or an institution ("Kessler Avenue", "Halvarsk Central Hospital", "the Interior
    Ministry"): where something happened or who spoke, not the area an article's event covers."""
    if not place:
        return False
    last = place.split()[-1].lower().strip(".")
    return last in vocab.word_set("keys", "site_words") \
        or last in vocab.word_set("reporting_verbs", "institution_heads")


def key_of(*, unit: str | None, subject: str | None, sentence: str, location: str | None,
           as_of: date | None, as_of_precision: str | None, published: date | None) -> ClaimKey:
    """The key and period of a claim; the period is its own date, else the publication date."""
    place, parent = place_of(location)
    if as_of is not None:
        start, precision = as_of, as_of_precision
    elif published is not None:
        start, precision = published, "published"
    else:
        start, precision = None, None
    return ClaimKey(thing_of(unit), actor_of(subject, sentence), place, parent, start, precision)


@lru_cache(maxsize=1)
def _source_entries() -> dict[str, dict]:
    return dict(vocab.load("source_aliases")["sources"])


def origin_of(source_canonical: str) -> str:
    """The party a source speaks for (Zelensky and the SBU speak for Ukraine); else the source itself, without
    the words that only say whose office or which place's official it is ("the mayor's office", "Office of
    Valeria Kostrin MP", "the city's mayor" are the mayor, Valeria Kostrin MP, the mayor)."""
    entry = _source_entries().get(source_canonical)
    if entry:
        return str(entry.get("origin", source_canonical))
    name = _OFFICE_OF.sub("", _OFFICE_SUFFIX.sub("", _PLACE_POSSESSOR.sub("", source_canonical))) or source_canonical
    return name[:1].upper() + name[1:]  # "the coast guard" and "Coast guard:" are one


_OFFICE_OF = re.compile(r"^(?:the\s+)?office\s+of\s+(?:the\s+)?", re.IGNORECASE)
_OFFICE_SUFFIX = re.compile(r"['’]s\s+office$", re.IGNORECASE)
_PLACE_POSSESSOR = re.compile(r"^(?:the\s+)?(?:city|town|village|county|district|province|region|state|country|"
                              r"island|municipality)['’]s\s+(?=\S)", re.IGNORECASE)


def origin_body(origin: str) -> str | None:
    """The name of the body an origin is ("Coast guard", "the Interior Ministry"), lowercased, in plain
    words and without a leading article, when its last word is a body's head word; None for a person, a
    role or a document. A longer origin holding this name as whole words ("Taveri Coast Guard spokesman
    Lino Barrosa") speaks for the same body (macro shares_origin)."""
    words = re.sub(r"[^\w']+", " ", origin.lower()).split()
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    if words and words[-1] not in _body_heads():
        # "police spokesman Sgt. Mike Ocampo", "Police Chief Lorraine Haskett": a body, then its speaker
        role = next((i for i, w in enumerate(words) if w in vocab.word_set("reporting_verbs", "speaker_roles")), 0)
        words = words[:role]
    if not words or words[-1] not in _body_heads():
        return None
    return " ".join(words)


@lru_cache(maxsize=1)
def _body_heads() -> frozenset[str]:
    return vocab.word_set("reporting_verbs", "body_heads") | vocab.word_set("reporting_verbs", "institution_heads")


def is_party(source_canonical: str) -> bool:
    """Whether a source is a party to the conflict (source-stance table in source_aliases.yaml)."""
    entry = _source_entries().get(source_canonical)
    return bool(entry and entry.get("party"))


@lru_cache(maxsize=1)
def _people_units() -> frozenset[str]:
    from claimledger.extraction.counted import singular

    nouns = vocab.load("counted_nouns")["people"]
    return frozenset(singular(str(n)) for n in nouns) | {"person", "soldier", "civilian", "prisoner"}


def counts_people(unit: str | None) -> bool:
    """Whether a claim counts people (so that "24 deaths" may be compared with it)."""
    return unit is not None and unit.lower() in _people_units()
