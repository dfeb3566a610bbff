"""Read article files (.txt, .md, .jsonl, saved pages .html/.htm, feeds .rss/.atom/.xml) into Articles;
unreadable input becomes IngestErrors.

This is the only module that reads article files; textfile.py, webpage.py and feed.py parse what it reads.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from claimledger import settings
from claimledger.model import Article, IngestError
from claimledger.reading.dating import date_in_text
from claimledger.reading.feed import BadFeed, is_feed_root, read_feed, root_name, sniff_bytes
from claimledger.reading.textfile import FRONT_KEYS, BadArticle, parse_md, parse_txt
from claimledger.reading.webpage import NoMainText, read_page

PAGE_SUFFIXES = (".html", ".htm")
# .xml holds feeds and much else (sitemaps, settings): a folder's .xml files are read only when their
# root element is a feed's
FEED_SUFFIXES = (".rss", ".atom", ".xml")
SUFFIXES = (".txt", ".md", ".jsonl", *PAGE_SUFFIXES, *FEED_SUFFIXES)


def discover(paths: Iterable[Path]) -> Iterator[Path]:
    """Article files under the given files and folders, recursively, sorted; hidden files and a folder's
    README (which describes the folder) are skipped."""
    for path in paths:
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                rel = found.relative_to(path)
                if (
                    (found.is_file() or found.is_symlink())  # a broken or looping link is reported, not skipped
                    and found.suffix.lower() in SUFFIXES
                    and not found.stem.upper() == "README"
                    and not any(part.startswith(".") for part in rel.parts)
                    and (found.suffix.lower() != ".xml" or _may_be_feed(found))
                ):
                    yield found
        elif path.exists():
            yield path
        else:
            raise FileNotFoundError(f"{path}: no such file or folder")


def _may_be_feed(path: Path) -> bool:
    """Whether an .xml file's root element is a feed's; one that cannot be opened is kept, for read_file
    to report."""
    try:
        with path.open("rb") as handle:
            return is_feed_root(handle.read(sniff_bytes()))
    except OSError:
        return True


def _parse_published(value: Any) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo is None else value.astimezone(UTC).replace(tzinfo=None)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if not isinstance(value, str):
        raise BadArticle(f"published_at is not a date: {value!r}")
    text = value.strip().replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError as exc:
        raise BadArticle(f"published_at is not an ISO 8601 date: {value!r}") from exc
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed


def _tags(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(t.strip() for t in value.split(",") if t.strip())
    if isinstance(value, list) and all(isinstance(t, str) for t in value):
        return tuple(t.strip() for t in value if t.strip())
    raise BadArticle(f"tags must be a list of strings, got {value!r}")


def doc_id_for(source_path: str, external_id: str, resolved: str | None = None) -> str:
    """Stable document id: the same file (and JSONL id) keeps its id across edits, however its path
    was written on the command line ("seeds/a.md", "./seeds/a.md" or an absolute path). `resolved`:
    the file's resolved path when the caller has it (resolving it again per article of a large JSON
    Lines file was half of reading it)."""
    resolved = resolved or str(Path(source_path).resolve())
    return hashlib.sha256(f"{resolved}#{external_id}".encode()).hexdigest()[:16]


def _article(source_path: str, external_id: str, fields: dict[str, Any], line: int | None,
             resolved: str | None = None) -> Article:
    body = fields.get("body")
    if not isinstance(body, str) or not body.strip():
        raise BadArticle("no body text")
    limit = settings.max_article_chars()
    if len(body) > limit:
        raise BadArticle(f"body is {len(body):,} characters, over the limit of {limit:,} "
                         f"(set {settings.MAX_ARTICLE_CHARS_ENV} to raise it)")
    for key in ("title", "subtitle", "outlet", "url", "story"):
        if fields.get(key) is not None and not isinstance(fields[key], str):
            raise BadArticle(f"{key} must be text, got {type(fields[key]).__name__}")
    for key in ("body", "title", "subtitle", "outlet", "url", "story"):
        value = fields.get(key)
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:  # "\ud800" in JSON decodes to a lone surrogate
                raise BadArticle(f"{key} holds a character that is not valid Unicode text "
                                 f"({value[exc.start]!r} at position {exc.start})") from exc
    published = _parse_published(fields.get("published_at"))
    date_source = "metadata" if published else None
    if published is None:
        published = date_in_text(body)  # "Posted March 11, 2025", "CASTOMAR, March 11, 2025 (LWS) -"
        date_source = "text" if published else None
    tags = _tags(fields.get("tags"))
    content = json.dumps({k: fields.get(k) for k in sorted(FRONT_KEYS | {"body"})}, default=str, sort_keys=True)
    return Article(
        doc_id=doc_id_for(source_path, external_id, resolved),
        external_id=external_id,
        source_path=source_path,
        title=fields.get("title") or "",
        subtitle=fields.get("subtitle") or "",
        body=body,
        tags=tags,
        story=fields.get("story"),
        outlet=fields.get("outlet"),
        url=fields.get("url"),
        published_at=published,
        line=line,
        content_sha256=hashlib.sha256(content.encode()).hexdigest(),
        date_source=date_source,
    )


def _read_bytes(path: Path) -> bytes:
    raw = path.read_bytes()
    if b"\x00" in raw:
        raise BadArticle("binary file (contains NUL bytes)")
    return raw


def _decode(raw: bytes) -> str:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadArticle(f"not UTF-8 text (byte {exc.start}: {raw[exc.start : exc.start + 1]!r})") from exc
    return text.replace("\r\n", "\n")


def read_file(path: Path) -> tuple[list[Article], list[IngestError]]:
    """Articles in one file, and an error per file or line that could not be read."""
    source = str(path)
    suffix = path.suffix.lower()
    try:
        raw = _read_bytes(path)
        resolved = str(path.resolve())  # once per file: every article's doc id starts from it
        if suffix in PAGE_SUFFIXES or suffix in FEED_SUFFIXES:
            if not raw.strip():
                raise BadArticle("empty file")
            if suffix in FEED_SUFFIXES:
                return _read_feed(source, raw, resolved, xml=suffix == ".xml")
            # bytes, not text: the page's own charset declaration decides how it decodes
            return [_article(source, path.name, read_page(raw), None, resolved)], []
        text = _decode(raw)
        if suffix == ".jsonl":
            return _read_jsonl(source, text, resolved)
        fields = parse_md(text) if suffix == ".md" else parse_txt(text)
        external = str(fields.get("id") or path.name)
        return [_article(source, external, fields, None, resolved)], []
    except (BadArticle, NoMainText, BadFeed) as exc:
        return [], [IngestError(source, None, str(exc))]
    except OSError as exc:  # unreadable, a directory, a broken or looping link
        return [], [IngestError(source, None, f"cannot be read: {exc.strerror or exc}")]
    except (RecursionError, OverflowError, ValueError, TypeError) as exc:  # pathological input
        return [], [IngestError(source, None, f"cannot be read: {type(exc).__name__}: {exc}")]


def _read_jsonl(source: str, text: str, resolved: str) -> tuple[list[Article], list[IngestError]]:
    articles: list[Article] = []
    errors: list[IngestError] = []
    seen: set[str] = set()
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(IngestError(source, number, f"malformed JSON: {exc.msg} at column {exc.colno}"))
            continue
        except RecursionError:
            errors.append(IngestError(source, number, "malformed JSON: nested too deeply"))
            continue
        if not isinstance(record, dict):
            errors.append(IngestError(source, number, "a line must be a JSON object"))
            continue
        external = str(record.get("id") or f"line-{number}")
        if external in seen:
            errors.append(IngestError(source, number, f"duplicate id {external!r} in this file"))
            continue
        try:
            articles.append(_article(source, external, record, number, resolved))
            seen.add(external)
        except BadArticle as exc:
            errors.append(IngestError(source, number, str(exc)))
        except (OverflowError, ValueError, TypeError) as exc:  # e.g. a date beyond what Python can hold
            errors.append(IngestError(source, number, f"cannot be read: {type(exc).__name__}: {exc}"))
    return articles, errors


def _read_feed(source: str, raw: bytes, resolved: str, *, xml: bool) -> tuple[list[Article], list[IngestError]]:
    """One article per entry; an entry that cannot be read is an error naming its place and id."""
    if xml and not is_feed_root(raw[: sniff_bytes()]):
        root = root_name(raw[: sniff_bytes()])
        raise BadFeed(f"not an RSS or Atom feed (its root element is <{root}>)" if root else "not an XML file")
    read = read_feed(raw)
    articles: list[Article] = []
    errors: list[IngestError] = []
    seen: set[str] = set()
    for entry in read.entries:
        where = f"entry {entry.position} ({entry.external_id})"
        if entry.external_id in seen:
            errors.append(IngestError(source, None, f"{where}: duplicate id in this feed"))
            continue
        try:
            articles.append(_article(source, entry.external_id, entry.fields, None, resolved))
            seen.add(entry.external_id)
        except BadArticle as exc:
            errors.append(IngestError(source, None, f"{where}: {exc}"))
        except (OverflowError, ValueError, TypeError) as exc:
            errors.append(IngestError(source, None, f"{where}: cannot be read: {type(exc).__name__}: {exc}"))
    if read.problem:
        errors.append(IngestError(source, None, read.problem))
    return articles, errors


def with_default_date(articles: list[Article], day: date | None) -> list[Article]:
    """The articles, those without a date dated `day` (the run's --default-date), marked as such. The
    default joins the content hash, so a run with another default stores the article again."""
    if day is None:
        return articles
    stamp = datetime(day.year, day.month, day.day)
    return [a if a.published_at is not None else replace(
        a, published_at=stamp, date_source="default",
        content_sha256=hashlib.sha256(f"{a.content_sha256}|default {day.isoformat()}".encode()).hexdigest())
        for a in articles]


def read_each(paths: Iterable[Path]) -> Iterator[tuple[list[Article], list[IngestError]]]:
    """The articles and errors of each file under the given paths, one file at a time, so that a caller
    can keep only what it needs of each (a large archive's bodies need not all be held at once)."""
    for path in unique_files(paths):
        yield read_file(path)


def unique_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The article files under the given paths (discover), each once however often it is named
    ("seeds" and "seeds/a.md")."""
    seen: set[Path] = set()
    for path in discover(paths):
        try:
            real = path.resolve()
        except (OSError, RuntimeError):  # a symlink loop: read_file reports it
            real = path.absolute()
        if real not in seen:
            seen.add(real)
            yield path


@dataclass(frozen=True)
class FileStamp:
    """A file as a run found it: an edit changes its size or its modification time."""

    resolved_path: str
    size_bytes: int
    mtime_ns: int


def stamp(path: Path) -> FileStamp | None:
    """The file's stamp, taken before it is read (an edit while it is read then shows on the next run);
    None when it cannot be had (read_file reports why)."""
    try:
        found = path.stat()
        return FileStamp(str(path.resolve()), found.st_size, found.st_mtime_ns)
    except (OSError, RuntimeError):
        return None


def read_paths(paths: Iterable[Path]) -> tuple[list[Article], list[IngestError]]:
    """All articles under the given paths; errors name the file, the line and the problem."""
    articles: list[Article] = []
    errors: list[IngestError] = []
    for found, failed in read_each(paths):
        articles.extend(found)
        errors.extend(failed)
    return articles, errors
