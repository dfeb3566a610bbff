"""Direct quotations and their speakers, across sentences and paragraphs."""

from __future__ import annotations

import re
from functools import lru_cache

from claimledger.attribution.sources import Frame, cues
from claimledger.extraction.text import Sentence

# A speaker before a quotation: a name, a described person ("the chief"), or a pronoun. After a
# quotation the name may stand behind its title in any case ("defence ministry spokesman Col. Aurel
# Stanek"); that longer form is only tried anchored, right after the closing mark.
_SPEAKER = (
    r"(?:the\s+|a\s+)?(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*|(?:the|a|an)\s+(?:[a-z'’-]+\s+){0,2}[a-z]+"
    r"|[Hh]e|[Ss]he|[Tt]hey|[Oo]fficials?"
)
_SPEAKER_AFTER = r"(?:the\s+|a\s+)?(?:[A-Za-z][\w.'’-]*[ \t]+){0,6}?[A-Z][\w.'’-]*|" + _SPEAKER
# Who the speaker after a quotation is, set off by commas before the verb: '," Ana Ruiz, who runs the
# shelter, said' or '," Ana Ruiz, a nurse at the clinic, said'.
_APPOSITIVE = r"(?:,[ \t]+(?:(?:who|whose|a|an|the)[ \t]|[a-z]+[ \t]+(?:of|for|at)[ \t]|[A-Z])[^,“”\"\n]{0,120},)?"


# A line that introduces a statement by its speaker, then a colon: the quotation after it is theirs.
_STATEMENT_LEAD = re.compile(
    r"\b(?:[Ss]tatement|[Rr]emarks|[Mm]essage|[Ll]etter|[Tt]ranscript|[Ee]xtract)\s+(?:from|by)\s+"
    r"((?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,6}[A-Z][\w.'’-]*)[^.“”\"]{0,200}:\s*$"
)


# A name opening a line, then a comma and where or how it spoke, then a colon before the quotation:
# "20:40 – Chief Superintendent Alun Marsh, at a press conference at the central station: \"...\"".
_NAMED_LEAD = re.compile(r"(?:^|\n)\W*(?:\d{1,2}[:.]\d{2}\s*[-–—|]\s*)?"
                         r"([A-Z][\w.'’-]*\s+(?:[\w.'’-]+\s+){0,4}[A-Z][\w.'’-]*),[^“”\"\n]{0,200}:\s*$")
# A sentence whose subject is a name of two capitalised words or more, then what that person did, then a colon
# before the quotation: "Senator Ida Brandt went further on her blog: \"...\"" (the words are the subject's).
_NAMED_SUBJECT_LEAD = re.compile(r"^\W*((?:[A-Z][\w.'’-]*\s+){1,4}[A-Z][\w.'’-]*)\s+[a-z][^“”\"\n]{0,200}:\s*$")
# Where the sentence before a quotation starts: after a full stop and a space, or a paragraph's start.
_SENTENCE_START = re.compile(r"(?:[.!?][”\"]?\s+|\n)(?=[^.!?\n]*$)")


@lru_cache(maxsize=1)
def _speaker_said() -> re.Pattern[str]:
    verbs = "|".join(sorted(cues()["verbs"], key=len, reverse=True))
    sentence_initial = r"|(?:The|A|An)\s+(?:[a-z-]+\s+){0,2}[a-z]+"  # "The mayor said ..."
    return re.compile(r"(" + _SPEAKER + sentence_initial + r")\s+(?:also\s+|later\s+|then\s+)?(" + verbs + r")\b")


def _speaker_of_the_sentence_before(plain: str, start: int) -> tuple[str, str] | None:
    """A quotation that opens a sentence right after a sentence of its paragraph whose speaker said something
    ('Superintendent Farrow said there was no change. "Eight people are deceased."') goes on in that voice."""
    before = plain[max(0, start - 400):start]
    if not re.search(r"[.!?][”\"]?\s+$", before):
        return None
    # a quotation opening a paragraph goes on in the voice of the paragraph before only when that paragraph
    # ends with its speaker's verb ('..., Clinton said.' then '"He voted ..."'), the news convention for
    # a speaker's words running on after the attribution
    new_paragraph = "\n" in before[-3:]
    body = before.rstrip()[:-1]  # the sentence before, without its closing stop
    paragraph = body[body.rfind("\n\n") + 2:] if "\n\n" in body else body
    opening = list(_SENTENCE_START.finditer(paragraph))
    sentence = paragraph[opening[-1].end():] if opening else paragraph
    # who speaks in the sentence, not in a quotation inside it ('... there was "no change" ...')
    unquoted = re.sub(r"“[^”]*”|\"[^\"]*\"", " ", sentence)
    hit = _speaker_said().search(unquoted)
    if hit and new_paragraph and unquoted[hit.end():].strip():
        return None
    return (hit.group(1), hit.group(2)) if hit else None


def _named_subject_lead(window: str) -> str | None:
    """The named subject of the sentence that ends, with a colon, right before a quotation."""
    opening = list(_SENTENCE_START.finditer(window))
    hit = _NAMED_SUBJECT_LEAD.match(window[opening[-1].end():] if opening else window)
    return hit.group(1) if hit else None


@lru_cache(maxsize=1)
def _quote_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    verbs = "|".join(sorted(cues()["verbs"], key=len, reverse=True))
    return (
        re.compile(r"^\s*,?\s*(" + _SPEAKER_AFTER + r")" + _APPOSITIVE + r"\s+(?:also\s+|later\s+|then\s+)?(" + verbs
                   + r")\b"),
        re.compile(r"^\s*,?\s*(" + verbs + r")\s+((?:the\s+)?(?:[A-Z][\w.'’-]*\s*){1,5}|the\s+[a-z]+)"),
        re.compile(r"(" + _SPEAKER + r")\s+(?:also\s+)?(" + verbs + r")\b[^.“”\"]{0,60}?[:,]\s*$"),
    )


def _first_speaker(speaker: str, cue: str) -> tuple[str, str]:
    """ '," he said. Strand said ...': the speaker ends at its own verb, not at the next sentence's."""
    words = speaker.split()
    verbs = cues()["verbs"]
    at = next((i for i, w in enumerate(words[:-1]) if i > 0 and w.endswith(".") and w[:-1].lower() in verbs), None)
    return (" ".join(words[:at]), words[at][:-1]) if at is not None else (speaker, cue)


def _quotations(section: str) -> list[tuple[int, int]]:
    """Quotation spans. A quote left open at a paragraph's end goes on in the next paragraph that
    opens with a quotation mark (the news convention for quotes over several paragraphs)."""
    spans: list[tuple[int, int]] = []
    # Some papers (the NYT among them) write quotation marks as two apostrophes: ''Like this,'' he said.
    section = section.replace("''", '" ')
    i = 0
    n = len(section)
    while True:
        open_at = min((p for p in (section.find("“", i), section.find('"', i)) if p >= 0), default=-1)
        if open_at < 0:
            return spans
        closer = "”" if section[open_at] == "“" else '"'
        cursor = open_at + 1
        while True:
            close_at = section.find(closer, cursor)
            brk = section.find("\n\n", cursor)
            if close_at >= 0 and (brk < 0 or close_at < brk):
                spans.append((open_at, close_at + 1))
                i = close_at + 1
                break
            # Open at the paragraph break: continue only if the next paragraph reopens the quote.
            if brk >= 0 and section[brk:].lstrip().startswith(section[open_at]):
                cursor = brk + len(section[brk:]) - len(section[brk:].lstrip()) + 1
                continue
            i = open_at + 1
            break
        if i >= n:
            return spans


def quote_frames(section: str, sentences: list[Sentence]) -> list[Frame]:
    """Direct quotations and their speakers; a quotation may span sentences and paragraphs, and a
    quotation with no speaker of its own right after a quoted speaker's words continues them."""
    after_speaker, after_verb, before_speaker = _quote_patterns()
    frames: list[Frame] = []
    plain = section.replace("''", '" ')  # same length, so offsets hold
    for start, end in _quotations(section):
        if end - start < 5:
            continue
        after = plain[end : end + 240]  # room for an appositive between the speaker and the verb
        before = plain[max(0, start - 120) : start]
        # the lead-ins before a quotation end in a colon or comma right before it: without one, neither
        # can match (their unanchored searches are the costly part of this loop)
        window = plain[max(0, start - 300) : start]
        lead = window.rstrip()[-1:]
        speaker, cue = None, ""
        # a quotation closed by a full stop ends its sentence: a name and a verb after it start the next
        # one ('Denk said: "We have six deaths." Governor Zelev said 14 died.'), unless after a comma
        closed = plain[end - 2:end - 1] == "." and not after.lstrip().startswith(",")
        hit = None if closed else after_speaker.match(after)
        if hit:
            speaker, cue = _first_speaker(hit.group(1), hit.group(2))
        elif not closed and (hit := after_verb.match(after)):
            speaker, cue = hit.group(2), hit.group(1)
        elif lead in (":", ",") and (hit := before_speaker.search(before)):
            speaker, cue = hit.group(1), hit.group(2)
        elif lead == ":" and (hit := _STATEMENT_LEAD.search(window)):
            speaker, cue = hit.group(1), "statement"  # "Statement from Chief Constable Helen Marsh ...:"
        elif lead == ":" and (hit := _NAMED_LEAD.search(window)):
            speaker, cue = hit.group(1), ":"  # "Chief Superintendent Alun Marsh, at a press conference: ..."
        elif lead == ":" and (named := _named_subject_lead(window)):
            speaker, cue = named, ":"  # "Senator Ida Brandt went further on her blog: ..."
        elif frames and start - frames[-1].end < 160:
            speaker, cue = frames[-1].sources[0], frames[-1].cue  # “...,” he said. “More words.”
        elif said := _speaker_of_the_sentence_before(plain, start):
            speaker, cue = said  # 'Farrow said there was no change. "Eight people are deceased."'
        if speaker:
            frames.append(Frame([speaker.strip()], cue.lower(), "quote", start, end))
    return frames
