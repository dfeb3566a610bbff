"""Find the numbers in a sentence with their bounds and qualifier, and drop the ones that are not claims.

A quantity's bounds follow the warehouse contract: "over 10,000" is 10000..NULL `more_than`,
"up to 12,000" NULL..12000 `at_most`, "about 1,200" 1200..1200 `approximate`, and vague words take
their bounds from the vague-quantity policy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claimledger import vocab
from claimledger.extraction.dates import CALENDAR_WORDS, DateMention
from claimledger.extraction.numbers import NumberMatch, digits_value, is_paragraph_number, match_number
from claimledger.extraction.text import Token

_CURRENCY_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₴": "UAH", "₽": "RUB", "₩": "KRW"}
_CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "yuan": "CNY",
    "rubles": "RUB",
    "roubles": "RUB",
    "hryvnias": "UAH",
    "won": "KRW",
    "yen": "JPY",
    "usd": "USD",
    "eur": "EUR",
}
_PERCENT_WORDS = {"%", "percent", "pct", "per cent", "percentage"}
_RANGE_JOINERS = {"-", "–", "—", "to", "and", "or", "through", "thru"}
_STREET = re.compile(
    r"^\s+(?:(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?\s+)?(?:(?:[A-Z][a-z]+|\d+(?:st|nd|rd|th))\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|"
    r"Dr|Way|Place|Pl|Court|Ct|Square|Sq|Terrace|Highway|Hwy|Parkway)\b"
)
_SPORTS = frozenset(
    "win won wins beat beats beating victory defeat defeated lost loses lead led score scored "
    "draw drew tie tied match game final goals".split()
)


@dataclass
class Quantity:
    """A number expression in a text: offsets, bounds, qualifier and what kind of value it is."""

    start: int
    end: int
    value_low: float | None
    value_high: float | None
    qualifier: str
    is_approximate: bool
    unit_hint: str | None  # "percent", a currency code, or None for counts
    value_source: str  # "text" or "vague_policy"
    first_token: int
    last_token: int
    number_value: float
    written: str


_BOUND_NAMES = ("more_than", "at_least", "at_most", "less_than", "approximate")


@lru_cache(maxsize=1)
def _after_phrases() -> list[tuple[tuple[str, ...], str]]:
    data = vocab.load("qualifiers")
    pairs = [
        (tuple(p.lower().split()), name[len("after_") :])
        for name in ("after_at_least", "after_at_most")
        for p in data[name]
    ]
    return sorted(pairs, key=lambda item: -len(item[0]))


@lru_cache(maxsize=1)
def _after_first() -> frozenset[str]:
    """First words of the trailing qualifiers ("or more"): most numbers are followed by none of them."""
    return frozenset(words[0] for words, _ in _after_phrases())


@lru_cache(maxsize=1)
def _qualifier_phrases() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Qualifier phrases indexed by their last word, longest first."""
    data = vocab.load("qualifiers")
    pairs = [
        (tuple(p.lower().split()), name) for name, phrases in data.items() if name in _BOUND_NAMES for p in phrases
    ]
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, name in sorted(pairs, key=lambda item: -len(item[0])):
        index.setdefault(words[-1], []).append((words, name))
    return index


def _qualifier_before(toks: list[Token], i: int) -> tuple[str, int] | None:
    """The qualifier ending right before token i: (name, first token of the qualifier)."""
    if i == 0:
        return None
    for words, name in _qualifier_phrases().get(toks[i - 1].lower, ()):
        start = i - len(words)
        if start >= 0 and tuple(t.lower for t in toks[start:i]) == words:
            return name, start
    return None


def _in_spans(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < s_end and s_start < end for s_start, s_end in spans)


def _not_a_claim(text: str, toks: list[Token], num: NumberMatch) -> str | None:
    """Why the number at `num` is not a claim (age, time, ordinal, identifier, ...), or None."""
    first, last = toks[num.first], toks[num.last]
    after = text[last.end : last.end + 30]
    before = text[max(0, first.start - 25) : first.start]
    prev = toks[num.first - 1].lower if num.first > 0 else ""
    if re.match(r"^(?:st|nd|rd|th)\b", after) and num.written == "digits":
        return "ordinal"
    if re.match(r"^\s*-?\s*(?:year|month|week|day)s?\s*[-\s]\s*old\b", after) or re.match(
        r"^\s+years\s+of\s+age", after
    ):
        return "age"
    if prev in {"aged", "age", "ages"} or _words_before(toks, num.first) in _age_phrases():
        return "age"  # "aged 61", "dies at 95"
    if prev == "of" and num.first > 1 and num.value < 120 and _an_age_after_of(toks, num):
        return "age"  # "a woman of 55 and a boy of 12"
    if (
        _capitalised_word_before_comma(before)
        and (re.match(r"^\s*[,;)]", after) or (num.value > 1 and re.match(r"^\s+(?:was|is|has|had)\b", after)
                                                  and _a_persons_name(before)))
        and num.written == "digits"
        and num.value < 120
    ):
        return "age"  # "Smith, 34, of Akron"; "Andrew Lopez, 20 was found guilty": "20 was" is no plural
    if num.written == "digits" and num.value < 120 and re.match(r"^\s*(?:,|;|—|–|\)|and\s+\d)", after) \
            and _after_people_noun(before):
        return "age"  # "two men, 29 and 31 —": the ages of people just counted
    if re.match(r"^(?::\d\d|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|GMT|UTC|EST|ET\b|local time))", after, re.I):
        return "time"
    if re.search(r"\d:$", before):
        return "time"
    if num.written == "digits" and num.first == num.last and is_paragraph_number(toks, num.first):
        return "identifier"  # "2.1 Deaths: 13 persons.", "4.3 The shelter ...": a report's paragraph number
    if num.written == "digits" and (_station(toks, num) or _numeral_of_a_name(toks, num)):
        return "identifier"  # "WBFT 7 News", "NewsChannel 8", "told TVR Tevrin 2 that"
    if num.written != "digits" and num.first > 0 and first.text[:1].isupper() and not first.text.isupper() \
            and toks[num.first - 1].text[:1].isupper() and prev in vocab.word_set("claim_scope", "class_prefixes"):
        return "identifier"  # "a Standard Two pupil", "Grade Four": a capitalised number word naming a school class
    if num.written == "digits":
        glued = re.search(r"(\w+)(-?)$", before)
        if glued and (not glued.group(2) or len(glued.group(1)) <= 5 or not glued.group(1).islower()):
            return "identifier"  # "G7", "F-16", "Su-34", "COVID-19"
        if (
            re.match(r"^[A-Za-z]", after)
            and last.lower not in vocab.load("number_words")["digit_suffixes"]
            and not re.match(r"^(?:st|nd|rd|th|s)\b", after)
        ):
            return "identifier"
        if prev in vocab.word_set("claim_scope", "identifier_prefixes") \
                or (prev in vocab.word_set("claim_scope", "titled_identifier_prefixes")
                    and toks[num.first - 1].text[:1].isupper()) \
                or (num.first > 0 and toks[num.first - 1].text == "#"):
            return "identifier"  # "Route 9", "Situation Report 4", "#3"
        if num.first == num.last and re.fullmatch(r"0\d+", first.text):
            return "identifier"  # "Bulletin 03", "unit 007": a zero-padded number is a label, not a count
        nxt = toks[num.last + 1].lower if num.last + 1 < len(toks) else ""
        if num.first == num.last and (prev in vocab.word_set("claim_scope", "phone_verbs")
                                      or (nxt in vocab.word_set("claim_scope", "phone_after") and num.value < 1000)):
            return "phone"  # "called 911", "dial 999", "the 911 call"
        if prev == "." and num.first > 1 and toks[num.first - 2].lower in {"no", "nos", "nr"}:
            return "identifier"  # "the No. 2 official"
        if re.match(r"^[-.\s]\d{3}[-.\s]\d{4}", after) or re.search(r"\(\d{3}\)\s*$", before):
            return "phone"
        if _STREET.match(after):
            return "address"
    if num.written == "digits" and re.match(r"^s\b", after):
        return "decade"
    if re.match(r"^\s+times\b", after) and num.written in {"digits", "words"}:
        return "ratio"  # "three times the NIS estimate"
    if (
        num.written == "digits"
        and re.fullmatch(r"(?:19|20)\d\d", first.text)
        and num.first == num.last
        and not re.match(r"^\s+(?:more\s+|new\s+|additional\s+|other\s+)?[a-z]+s\b", after)
    ):
        return "year"
    if num.written == "words" and num.value == 1 and first.lower == "one":
        return "pronoun_one"  # revisited by the caller when a counted noun and metric follow
    if num.written == "article":
        return "pronoun_one"  # "a man was killed" counts one; anything else with "a" is not a count
    return None


# Letters of any script ([^\W\d_]): names such as "Lukač" or "Øvrebø" end in letters outside A-Z, and an
# ASCII class would read their ages as counts.
_WORD_BEFORE_COMMA = re.compile(r"([^\W\d_]+),\s*$")
_NAME_BEFORE_COMMA = re.compile(r"(?<![^\W\d_])([^\W\d_]+)\s+([^\W\d_]+),\s*$")


def _capitalised(word: str) -> bool:
    """ "Smith", "Lukač", "Øvrebø": one capital, then at least one lower-case letter of any script."""
    return len(word) > 1 and word[0].isupper() and word[1:].islower()


def _capitalised_word_before_comma(before: str) -> bool:
    found = _WORD_BEFORE_COMMA.search(before)
    return found is not None and _capitalised(found.group(1))
_NOT_NAMES = frozenset("in on at by from since after before during for of to with until through".split()) \
    | CALENDAR_WORDS


def _a_persons_name(before: str) -> bool:
    """ "Andrew Lopez, " (a first and a last name) before the number, not "By Tuesday, " or "In Tenkir, "."""
    found = _NAME_BEFORE_COMMA.search(before)
    return (
        found is not None
        and _capitalised(found.group(1))
        and _capitalised(found.group(2))
        and not {found.group(1).lower(), found.group(2).lower()} & _NOT_NAMES
    )


@lru_cache(maxsize=1)
def _people_list_end() -> re.Pattern[str]:
    nouns = "|".join(sorted((re.escape(str(w).lower()) for w in vocab.load("counted_nouns")["people"]), key=len,
                            reverse=True))
    return re.compile(r"\b(?:" + nouns + r")\s*,\s*(?:\d{1,3}\s*(?:,|and)\s*)?$", re.IGNORECASE)


def _after_people_noun(before: str) -> bool:
    """ "two men, " or "two men, 29 and ": right after a counted group and a comma, where ages follow."""
    return bool(_people_list_end().search(before))


@lru_cache(maxsize=1)
def _age_phrases() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(str(p).lower().split()) for p in vocab.load("claim_scope")["age_before"])


def _an_age_after_of(toks: list[Token], num: NumberMatch) -> bool:
    """A person, "of", then the number with no counted noun after it ("a boy of 12 died", "a man of 40,"): the
    person's age (claim_scope.yaml age_of_nouns); "a woman of 55 years" is one too."""
    if toks[num.first - 2].lower not in vocab.word_set("claim_scope", "age_of_nouns"):
        return False
    nxt = toks[num.last + 1] if num.last + 1 < len(toks) else None
    return nxt is None or not nxt.text[:1].isalpha() or nxt.lower in vocab.word_set("claim_scope", "age_of_followers")


def _words_before(toks: list[Token], first: int) -> tuple[str, ...]:
    """The two lower-cased words before token `first` ("dies at")."""
    return tuple(t.lower for t in toks[max(0, first - 2):first])


@lru_cache(maxsize=1)
def _station_words() -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    data = vocab.load("claim_scope")
    return (re.compile(data["station_call_sign"]), vocab.word_set("claim_scope", "station_before"),
            vocab.word_set("claim_scope", "station_after"))


def _station(toks: list[Token], num: NumberMatch) -> bool:
    """A broadcast station's name around a number: a call sign or station word before, "News" after."""
    call_sign, before, after = _station_words()
    prev = toks[num.first - 1] if num.first > 0 else None
    nxt = toks[num.last + 1] if num.last + 1 < len(toks) else None
    if prev is not None and (call_sign.match(prev.text) or prev.lower in before):
        return True
    return nxt is not None and nxt.text[0].isupper() and nxt.lower in after


_TITLE_CASE_SHARE = 0.6  # a headline in title case capitalises most of its words, figures' neighbours too


def _numeral_of_a_name(toks: list[Token], num: NumberMatch) -> bool:
    """A bare number right after a capitalised word inside a sentence of ordinary case, followed by no word,
    a capitalised word or a joining word: a name's numeral ("Brigade 7", "TVR Tevrin 2", "Radio 4")."""
    if num.first < 1 or num.first != num.last:
        return False
    prev = toks[num.first - 1].text
    if not (prev[0].isupper() and prev.isalpha()) or prev.lower() in CALENDAR_WORDS:
        return False
    nxt = toks[num.last + 1].text if num.last + 1 < len(toks) else ""
    if nxt == ":":
        return True  # "Skyline 100: toll rises to 12", "Update 3:": a name or label that opens a line
    if num.first < 2 or not any(t.text[0].isalnum() for t in toks[:num.first - 1]):
        return False  # "“Another 12 were killed.”": the capital opens the sentence
    if toks[num.first - 2].lower in ("in", "at", ",", ";"):
        return False  # "14 died in Kherson and in Mykolaiv 3", "24 seats, Democrats 10": what is said of a name
    if nxt == "%" or nxt == "to" and _starts_a_number(toks, num.last + 2):
        return False  # "leads Clinton 50% to 40%", "trails Trump 458 to 359": a share or a score
    if nxt[:1].islower() and nxt.isalpha() and nxt not in vocab.word_set("claim_scope", "name_numeral_followers"):
        return False  # "in Kyiv 12 people died": the number counts the noun after it
    words = [t.text for t in toks if t.text.isalpha()]
    return sum(w[0].isupper() for w in words) <= _TITLE_CASE_SHARE * len(words)


def _starts_a_number(toks: list[Token], i: int) -> bool:
    return i < len(toks) and toks[i].text[0].isdigit()


def find_quantities(
    text: str, toks: list[Token], dates: list[DateMention]
) -> tuple[list[Quantity], list[tuple[int, int, str]]]:
    """Quantities in `text` (a sentence) and the (start, end, reason) of numbers set aside as not claims."""
    date_spans = [(d.start, d.end) for d in dates]
    found: list[Quantity] = []
    rejected: list[tuple[int, int, str]] = []
    i = 0
    while i < len(toks):
        num = match_number(toks, i)
        if num is None:
            i += 1
            continue
        first_tok, last_tok = toks[num.first], toks[num.last]
        if _in_spans(first_tok.start, last_tok.end, date_spans):
            rejected.append((first_tok.start, last_tok.end, "date"))
            i = num.last + 1
            continue
        reason = _not_a_claim(text, toks, num)
        if reason and reason != "pronoun_one":
            rejected.append((first_tok.start, last_tok.end, reason))
            i = num.last + 1
            continue
        quantity = _bounded(text, toks, num)
        if quantity is None:
            rejected.append((first_tok.start, last_tok.end, "score"))
            i = num.last + 1
            continue
        if reason == "pronoun_one":
            quantity.written = num.written if num.written == "article" else "pronoun_one"
        found.append(quantity)
        i = quantity.last_token + 1
    return _merge_open_bounds(found, toks), rejected


def _merge_open_bounds(found: list[Quantity], toks: list[Token]) -> list[Quantity]:
    """ "more than 10 and less than 20", "at most 100 and at least 20": one range."""
    merged: list[Quantity] = []
    for q in found:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and q.first_token - prev.last_token == 2
            and toks[prev.last_token + 1].lower in {"and", "but"}
            and {prev.qualifier, q.qualifier} <= {"more_than", "at_least", "at_most", "less_than"}
            and prev.unit_hint == q.unit_hint
        ):
            low = prev.value_low if prev.value_low is not None else q.value_low
            high = prev.value_high if prev.value_high is not None else q.value_high
            if low is not None and high is not None and low <= high:
                prev.end, prev.last_token = q.end, q.last_token
                prev.value_low, prev.value_high, prev.qualifier = low, high, "range"
                continue
        merged.append(q)
    return merged


def _range_end(toks: list[Token], num: NumberMatch) -> NumberMatch | None:
    j = num.last + 1
    if j + 1 >= len(toks) or toks[j].lower not in _RANGE_JOINERS:
        return None
    other = match_number(toks, j + 1)
    if other is None or other.written == "vague":
        return None
    if toks[j].lower in {"-", "–", "—"} and toks[j].start != toks[num.last].end:
        # "1000 - 5000" with spaces is a range only between two plain numbers in increasing order.
        if not (num.written == other.written == "digits" and other.value > num.value):
            return None
    return other


def _bounded(text: str, toks: list[Token], num: NumberMatch) -> Quantity | None:
    """Attach qualifier, range end, percent and currency to a number. None for a sports score."""
    start_tok, end_tok = num.first, num.last
    low: float | None = num.value
    high: float | None = num.value
    qualifier, approximate, value_source = "exact", False, "text"
    unit_hint: str | None = None
    if num.written == "vague":
        low, high, qualifier, approximate, value_source = num.low, num.high, "vague", True, "vague_policy"
    if num.written == "fraction":
        low = high = round(num.value * 100, 4)
        unit_hint = "percent"
    # A minus sign or word before the number: "-30", "minus five".
    if num.first > 0 and (
        toks[num.first - 1].text in {"-", "−"}
        and toks[num.first - 1].end == toks[num.first].start
        and (
            num.first == 1 or toks[num.first - 2].end < toks[num.first - 1].start or toks[num.first - 2].text in "(=<>"
        )
        or toks[num.first - 1].lower in {"minus", "negative"}
    ):
        low, high = (-high if high is not None else None), (-low if low is not None else None)
        start_tok -= 1
    signed = low if low is not None and num.written != "vague" else num.value
    other = _range_end(toks, num) if num.written not in {"vague", "article"} else None
    between = start_tok > 0 and toks[start_tok - 1].lower in {"between", "from"}
    joiner = toks[num.last + 1].lower if other else ""
    if other and (joiner != "and" or between) and not (joiner == "to" and not between and other.value < num.value):
        low_value, high_value = signed, other.value
        if other.value >= 1000 and num.value < other.value / 1000 and num.written == other.written == "digits":
            low_value = num.value * (other.value // _digits_only(toks, other))  # "1.5 to 2 million"
        elif other.value >= 1000 and num.value < 1000 and num.written == "words":
            low_value = num.value * (other.value / _words_base(toks, other))
        if low_value > high_value:
            context = {t.lower for t in toks[max(0, num.first - 6) : other.last + 4]}
            if context & _SPORTS or joiner in {"-", "–"}:
                return None
            low_value, high_value = high_value, low_value
        low, high = low_value, high_value
        qualifier = "range"
        end_tok = other.last
        if between:
            start_tok -= 1
    lead = start_tok - 1 if start_tok > 0 and toks[start_tok - 1].text in _CURRENCY_SIGNS else start_tok
    prefix = _qualifier_before(toks, lead) if num.written != "article" else None
    if prefix and qualifier != "range":
        name, q_start = prefix
        start_tok = q_start
        if name == "more_than":
            high = None if qualifier != "vague" else high
        elif name == "at_least":
            high = None if qualifier != "vague" else high
        elif name == "at_most":
            low = None if qualifier != "vague" else low
        elif name == "less_than":
            low = None if qualifier != "vague" else low
        elif name == "approximate":
            approximate = True
        if qualifier != "vague":
            qualifier = name
    elif prefix and prefix[0] == "approximate":
        approximate = True
        start_tok = prefix[1]
    # Currency sign right before the number ("$5 million", "US$3bn").
    if num.first > 0 and toks[num.first - 1].text in _CURRENCY_SIGNS:
        unit_hint = _CURRENCY_SIGNS[toks[num.first - 1].text]
        if start_tok == num.first:
            start_tok -= 1
    after = end_tok + 1
    if after < len(toks):
        word = toks[after].lower
        if word in _PERCENT_WORDS or (word == "per" and after + 1 < len(toks) and toks[after + 1].lower == "cent"):
            unit_hint = "percent"
            end_tok = after + (1 if word == "per" else 0)
        elif word in _CURRENCY_WORDS and num.written != "vague":
            unit_hint = _CURRENCY_WORDS[word]
        elif word in {"in", "out"} and num.value < 100:
            share = _share(toks, after, num.value)
            if share:
                end_tok, value = share
                unit_hint = "percent"
                low = value if low is not None else None
                high = value if high is not None else None
    if qualifier in {"exact", "approximate"} and end_tok + 1 < len(toks) and toks[end_tok + 1].lower in _after_first():
        for words, name in _after_phrases():
            stop = end_tok + 1 + len(words)
            if (
                stop <= len(toks)
                and tuple(t.lower for t in toks[end_tok + 1 : stop]) == words
                and not (stop < len(toks) and toks[stop].lower == "than")
            ):
                qualifier = name
                if name == "at_least":
                    high = None
                else:
                    low = None
                end_tok = stop - 1
                break
    return Quantity(
        start=toks[start_tok].start,
        end=toks[end_tok].end,
        value_low=low,
        value_high=high,
        qualifier=qualifier,
        is_approximate=approximate,
        unit_hint=unit_hint,
        value_source=value_source,
        first_token=start_tok,
        last_token=end_tok,
        number_value=num.value,
        written=num.written,
    )


def _share(toks: list[Token], j: int, numerator: float) -> tuple[int, float] | None:
    """ "6 in 10", "three out of four": (last token, percent)."""
    k = j + 2 if toks[j].lower == "out" and j + 1 < len(toks) and toks[j + 1].lower == "of" else j + 1
    if k >= len(toks):
        return None
    denominator = match_number(toks, k)
    if denominator is None or denominator.value <= numerator or denominator.value not in {3, 4, 5, 10, 100}:
        return None
    return denominator.last, round(100 * numerator / denominator.value, 4)


def _digits_only(toks: list[Token], num: NumberMatch) -> float:
    """Value of a number's digits without its scale word."""
    return digits_value(toks[num.first].text) or 1.0


def _words_base(toks: list[Token], num: NumberMatch) -> float:
    match = match_number(toks[num.first : num.first + 1], 0)
    return match.value if match and match.value else 1.0
