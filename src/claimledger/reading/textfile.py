"""Plain-text article files as article fields: the seed's .txt layout and Markdown, each with optional
YAML front matter. Pure: takes the file's text, no I/O.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

# the article fields front matter may set; other keys are left out
FRONT_KEYS = frozenset({"title", "subtitle", "published_at", "outlet", "url", "tags", "story", "id"})


class BadArticle(ValueError):
    """An article that cannot be read; the message says why."""


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 4)
    if end < 0:
        raise BadArticle("front matter opened with '---' is never closed")
    try:
        meta = yaml.safe_load(text[4:end]) or {}
    except yaml.YAMLError as exc:
        raise BadArticle(f"front matter is not valid YAML: {exc}") from exc
    except ValueError as exc:  # PyYAML builds dates itself and raises on "2025-13-45"
        raise BadArticle(f"front matter has an invalid date: {exc}") from exc
    if not isinstance(meta, dict):
        raise BadArticle("front matter is not a mapping")
    rest = text[end + 4 :]
    return meta, rest[1:] if rest.startswith("\n") else rest


def _block_starts(text: str) -> list[int]:
    """Where each non-blank paragraph starts, in the same order as _blocks."""
    starts = [0] + [m.end() for m in re.finditer(r"\n\n", text)]
    return [
        start + len(chunk) - len(chunk.lstrip("\n"))
        for start, chunk in ((start, text[start:].split("\n\n", 1)[0]) for start in starts)
        if chunk.strip()
    ]


def _blocks(text: str) -> list[str]:
    return [b for b in (part.strip("\n") for part in text.split("\n\n")) if b.strip()]


def parse_txt(text: str) -> dict[str, Any]:
    """The seed's layout: headline, standfirst, comma-separated tags, then the body."""
    meta, rest = split_front_matter(text)
    blocks = _blocks(rest)
    positions = _block_starts(rest)
    fields: dict[str, Any] = {k: v for k, v in meta.items() if k in FRONT_KEYS}
    if len(blocks) < 4:
        raise BadArticle(
            f"expected headline, standfirst, tag line and body paragraphs; found {len(blocks)} paragraph(s)"
        )
    fields.setdefault("title", blocks[0].strip())
    fields.setdefault("subtitle", blocks[1].strip())
    fields.setdefault("tags", blocks[2])
    fields["body"] = rest[positions[3] :].strip("\n")  # by position: the body may repeat the headline
    return fields


def parse_md(text: str) -> dict[str, Any]:
    """Markdown with optional front matter; a leading '# ' heading is the title."""
    meta, rest = split_front_matter(text)
    fields: dict[str, Any] = {k: v for k, v in meta.items() if k in FRONT_KEYS}
    stripped = rest.lstrip("\n")
    if stripped.startswith("# "):
        heading, _, remainder = stripped.partition("\n")
        fields.setdefault("title", heading[2:].strip())
        stripped = remainder
    fields["body"] = stripped.strip("\n")
    return fields
