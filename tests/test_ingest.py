"""Reading .txt, .md and .jsonl articles, and every kind of bad input."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from claimledger.reading.ingest import read_paths

TXT = "Headline here\n\nStandfirst here.\n\nTag one, Tag two\n\nFirst body paragraph.\n\nSecond one.\n"


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_seed_layout(seed_path: Path) -> None:
    articles, errors = read_paths([seed_path])
    assert errors == []
    (a,) = articles
    assert a.title.startswith("South Korea Confirms Ukraine’s Capture")
    assert a.subtitle.startswith("Seoul pledged to collaborate")
    assert a.tags == ("North Koreans in Ukraine", "Kursk", "South Korea")
    assert a.body.startswith("South Korea’s National Intelligence Service (NIS) has confirmed")
    assert a.external_id == "000_de3101bb959c5679.txt"
    assert a.published_at is None


def test_txt_front_matter_and_crlf(tmp_path: Path) -> None:
    text = "---\ntitle: Given title\npublished_at: 2025-01-12\noutlet: Wire\nstory: nk\ntags: [a, b]\n---\n" + TXT
    path = write(tmp_path, "a.txt", text.replace("\n", "\r\n"))
    (a,), errors = read_paths([path])
    assert errors == []
    assert (a.title, a.published_at, a.outlet, a.story, a.tags) == ("Given title", datetime(2025, 1, 12), "Wire",
                                                                     "nk", ("a", "b"))
    assert "\r" not in a.body and a.body == "First body paragraph.\n\nSecond one."


def test_markdown_heading_is_title(tmp_path: Path) -> None:
    path = write(tmp_path, "b.md", "---\npublished_at: 2025-01-12T08:30:00Z\n---\n# The title\n\nBody text here.\n")
    (a,), errors = read_paths([path])
    assert errors == [] and a.title == "The title" and a.body == "Body text here."
    assert a.published_at == datetime(2025, 1, 12, 8, 30)


def test_jsonl_lines_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        '{"id": "x1", "title": "T", "body": "Five people died.", "published_at": "2025-01-12", "tags": ["k"]}',
        '{"id": "x2", "body": "Ok too."}',
        '{"id": "x3", "body": ',
        '{"id": "x4", "title": "no body"}',
        '{"id": "x5", "body": "Bad date", "published_at": "yesterday"}',
        '["not", "an", "object"]',
        '{"id": "x1", "body": "duplicate id"}',
        '{"id": "x6", "body": "tags wrong", "tags": "a, b"}',
    ]
    path = write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    articles, errors = read_paths([path])
    assert [a.external_id for a in articles] == ["x1", "x2", "x6"]
    assert articles[2].tags == ("a", "b")
    reasons = {e.line: e.reason for e in errors}
    assert set(reasons) == {3, 4, 5, 6, 7}
    assert "malformed JSON" in reasons[3]
    assert reasons[4] == "no body text"
    assert "ISO 8601" in reasons[5]
    assert "JSON object" in reasons[6]
    assert "duplicate id" in reasons[7]
    assert all(e.source_path == str(path) for e in errors)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("latin1.txt", "Caf\xe9\n\nx\n\ny\n\nz".encode("latin-1"), "not UTF-8"),
        ("blob.txt", b"\x00\x01\x02binary", "binary"),
        ("short.txt", "Only a headline\n\nand a standfirst", "expected headline"),
        ("open.md", "---\ntitle: never closed\n# Title\nbody", "never closed"),
        ("badyaml.md", "---\ntitle: [unclosed\n---\nbody", "not valid YAML"),
        ("empty.md", "---\ntitle: x\n---\n\n", "no body"),
        ("baddate.md", "---\npublished_at: 2025-13-45\n---\nbody", "invalid date"),
        ("baddate2.md", "---\npublished_at: last Tuesday\n---\nbody", "published_at"),
    ],
)
def test_bad_files_become_errors(tmp_path: Path, name: str, content: str | bytes, reason: str) -> None:
    good = write(tmp_path, "good.md", "# Fine\n\nFive people died.")
    bad = write(tmp_path, name, content)
    articles, errors = read_paths([tmp_path])
    assert [a.source_path for a in articles] == [str(good)]
    (error,) = errors
    assert error.source_path == str(bad) and reason in error.reason


def test_folders_recursive_hidden_skipped(tmp_path: Path) -> None:
    write(tmp_path, "sub/deeper/a.md", "# A\n\nBody.")
    write(tmp_path, ".hidden/b.md", "# B\n\nBody.")
    write(tmp_path, "sub/.c.md", "# C\n\nBody.")
    write(tmp_path, "notes.csv", "a,b")
    articles, errors = read_paths([tmp_path])
    assert [Path(a.source_path).name for a in articles] == ["a.md"] and errors == []


def test_edit_changes_hash_not_id(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", "# A\n\nFive people died.")
    (before,), _ = read_paths([path])
    write(tmp_path, "a.md", "# A\n\nSix people died.")
    (after,), _ = read_paths([path])
    assert before.doc_id == after.doc_id and before.content_sha256 != after.content_sha256


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"id": "t", "body": "x", "published_at": "0001-01-01T00:00:00+01:00"}', "cannot be read"),
    ],
)
def test_pathological_lines_become_errors(tmp_path: Path, line: str, reason: str) -> None:
    path = write(tmp_path, "odd.jsonl", line + '\n{"id": "ok", "body": "Five people died."}\n')
    articles, errors = read_paths([path])
    assert [a.external_id for a in articles] == ["ok"]
    assert len(errors) == 1 and reason in errors[0].reason and errors[0].line == 1


def test_same_file_twice_is_read_once_and_paths_do_not_change_ids(tmp_path: Path, monkeypatch) -> None:
    path = write(tmp_path, "a.md", "# A\n\nFive people died.")
    articles, _ = read_paths([tmp_path, path])
    assert len(articles) == 1
    monkeypatch.chdir(tmp_path)
    (relative,), _ = read_paths([Path("a.md")])
    assert relative.doc_id == articles[0].doc_id


def test_txt_body_found_by_position_when_it_repeats_the_headline(tmp_path: Path) -> None:
    path = write(tmp_path, "k.txt", "Kursk\n\nStandfirst.\n\nTags\n\nKursk\n\nMore body.")
    (a,), _ = read_paths([path])
    assert (a.title, a.body) == ("Kursk", "Kursk\n\nMore body.")


def test_an_article_over_the_size_limit_is_an_ingest_error(tmp_path, monkeypatch) -> None:
    from claimledger import settings
    from claimledger.reading import ingest

    monkeypatch.setenv(settings.MAX_ARTICLE_CHARS_ENV, "1000")
    path = tmp_path / "big.jsonl"
    path.write_text('{"id": "big", "body": "' + "Nine people died. " * 100 + '"}\n'
                    '{"id": "small", "body": "Two people died."}\n', encoding="utf-8")
    articles, errors = ingest.read_file(path)
    assert [a.external_id for a in articles] == ["small"]
    assert len(errors) == 1 and errors[0].line == 1
    assert "over the limit of 1,000" in errors[0].reason and settings.MAX_ARTICLE_CHARS_ENV in errors[0].reason


def test_a_lone_surrogate_makes_its_line_an_ingest_error(tmp_path) -> None:
    from claimledger.reading import ingest

    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "body": "Bad \\ud800 text."}\n{"id": "b", "body": "Good text."}\n', encoding="utf-8")
    articles, errors = ingest.read_file(path)
    assert [a.external_id for a in articles] == ["b"]
    assert errors[0].line == 1 and "not valid Unicode" in errors[0].reason


def test_a_looping_or_broken_link_is_an_ingest_error(tmp_path) -> None:
    from claimledger.reading import ingest

    (tmp_path / "good.md").write_text("# A\n\nTwo people died.", encoding="utf-8")
    (tmp_path / "loop.md").symlink_to(tmp_path / "loop.md")
    (tmp_path / "gone.jsonl").symlink_to(tmp_path / "missing.jsonl")
    articles, errors = ingest.read_paths([tmp_path])
    assert [a.external_id for a in articles] == ["good.md"]
    assert sorted(Path(e.source_path).name for e in errors) == ["gone.jsonl", "loop.md"]
