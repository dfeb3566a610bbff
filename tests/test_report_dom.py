"""The HTML report as a browser renders it: headless Chromium opens the page written from a small
warehouse, and the tests read the DOM it dumps (not pixels): the summary per story comes first, stories
with errors first, one section per story and counted group, labelled axes, and every timeline point with
its value and its source."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from claimledger import steps
from claimledger.storage import warehouse

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (Debian package "
                                                         "`chromium`; .ci/run installs it)")

NK, KURSK = "nk", "kursk-deployment"
# document, published, story (None: the article names none, and is tagged 'kursk')
DOCS = [("d1", datetime(2025, 1, 10), NK), ("d2", datetime(2025, 1, 12), NK), ("d3", datetime(2025, 2, 3), NK),
        ("d4", datetime(2025, 1, 15), KURSK), ("d5", datetime(2025, 1, 20), KURSK),
        ("d6", datetime(2025, 1, 25), None)]
# claim id, document, words, low, high, qualifier, thing, actor, metric, origin (None: unsourced); the
# deployed key is on both stories and in the article with no story: three groups, three sections
CLAIMS = [
    ("c1", "d1", "roughly 1,100 casualties", 1100, 1100, "approximate", "*", None, "casualties", "South Korea"),
    ("c2", "d2", "more than 3,000 North Korean soldiers", 3000, None, "more_than", "soldier", "North Korea",
     "casualties", "Ukraine"),
    ("c3", "d3", "some 2,000", 2000, 2000, "approximate", "*", "North Korea", "casualties", "South Korea"),
    ("c4", "d1", "about 8,000 North Korean soldiers", 8000, 8000, "approximate", "soldier", "North Korea",
     "deployed", "United States"),
    ("c5", "d2", "about 11,000 North Korean soldiers", 11000, 11000, "approximate", "soldier", "North Korea",
     "deployed", "Ukraine"),
    ("c6", "d3", "15,000 troops", 15000, 15000, "exact", "soldier", "North Korea", "deployed", None),
    ("c7", "d4", "10,000 North Korean troops", 10000, 10000, "exact", "soldier", "North Korea", "deployed",
     "Russia"),
    ("c8", "d5", "12,000 North Korean soldiers", 12000, 12000, "exact", "soldier", "North Korea", "deployed",
     "Ukraine"),
    ("c9", "d6", "9,000 North Korean soldiers", 9000, 9000, "exact", "soldier", "North Korea", "deployed", None),
]
# finding id, check, severity, claim, related claim: in story nk the deployed group has more findings, all
# info, the casualties group fewer, one of them an error; one warning is dismissed. Story kursk-deployment
# has more findings than nk (eight warnings) and a name that sorts first, but no error: it comes second.
FLAGS = [
    ("F1", "contradiction", "error", "c1", "c2"), ("F2", "interested_party_only", "warning", "c2", None),
    ("F3", "hedged_unsourced", "warning", "c1", None), ("F4", "revision", "info", "c3", "c1"),
    ("F5", "single_source", "info", "c4", None), ("F6", "single_source", "info", "c5", None),
    ("F7", "revision", "info", "c5", "c4"), ("F8", "revision", "info", "c6", "c5"),
    ("F9", "unsourced", "warning", "c6", None),
    *[(f"K{i}", "interested_party_only", "warning", ("c7", "c8")[i % 2], None) for i in range(8)],
]
CASUALTIES, DEPLOYED = "North Korea soldier casualties in Kursk region", "North Korea soldier deployed in Kursk region"


def _warehouse(db: Path) -> None:
    con = warehouse.connect(db)
    for doc_id, published, story in DOCS:
        con.execute("insert into documents (doc_id, external_id, source_path, title, subtitle, body, tags, story, "
                    "outlet, published_at, ingested_at, run_id, content_sha256) values "
                    "(?, ?, ?, ?, '', 'body', ['kursk'], ?, 'Wire', ?, now(), 'r', ?)",
                    [doc_id, doc_id, f"{doc_id}.md", f"Article {doc_id}", story, published, doc_id])
    for claim_id, doc_id, words, low, high, qualifier, thing, actor, metric, origin in CLAIMS:
        con.execute("insert into claims (claim_id, doc_id, section, sentence_idx, sentence, char_start, char_end, "
                    "quantity_text, value_low, value_high, qualifier, is_approximate, unit, subject, metric, "
                    "value_source, run_id, thing, actor, place, period_start, period_precision, is_people, kind, "
                    "assertion, event_scope) select ?, ?, 'body', 0, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'text', 'r', "
                    "?, ?, 'Kursk region', published_at::date, 'published', true, 'count', 'asserted', 'main' "
                    "from documents where doc_id = ?",
                    [claim_id, doc_id, words + ".", len(words), words, low, high, qualifier,
                     qualifier == "approximate", thing, words, metric, thing, actor, doc_id])
        if origin:
            con.execute("insert into claim_sources (claim_id, source_text, source_canonical, cue, scope, "
                        "source_origin, is_party) values (?, ?, ?, 'said', 'sentence', ?, false)",
                        [claim_id, origin, origin, origin])
    for finding_id, check, severity, claim_id, related in FLAGS:
        con.execute("insert into claim_flags values (?, ?, ?, ?, ?, ?, 'r', ?)",
                    [f"flag-{finding_id}", claim_id, check, severity, f"{check} on {claim_id}", related, finding_id])
    con.execute("insert into reviews values ('r1', 'F9', 'dismissed', 'ok', 'me', now(), ['flag-F9'])")
    con.close()


class _Tree(HTMLParser):
    """The dumped DOM as an ElementTree (the standard library's parser; no new dependency)."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = ET.Element("document")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = ET.SubElement(self.stack[-1], tag, {k: v or "" for k, v in attrs})
        if tag not in self.VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        ET.SubElement(self.stack[-1], tag, {k: v or "" for k, v in attrs})

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                break

    def handle_data(self, data: str) -> None:
        parent = self.stack[-1]
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + data
        else:
            parent.text = (parent.text or "") + data


def text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


@pytest.fixture(scope="module")
def dom(tmp_path_factory: pytest.TempPathFactory) -> ET.Element:
    folder = tmp_path_factory.mktemp("dom")
    db, page = folder / "claims.duckdb", folder / "claims.report.html"
    _warehouse(db)
    summary = steps.RunSummary("r")
    summary.n_dismissed = 1
    steps.write_report(db, summary, page)
    browser = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={folder / 'profile'}"]
    dumped = subprocess.run([*browser, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120,
                            check=True).stdout
    # a screenshot only proves that the page renders; the checks read the DOM
    shot = folder / "report.png"
    subprocess.run([*browser, f"--screenshot={shot}", "--window-size=1280,2400", page.as_uri()],
                   capture_output=True, timeout=120, check=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    tree = _Tree()
    tree.feed(dumped)
    body = tree.root.find(".//body")
    assert body is not None, dumped[:500]
    return body


def _blocks(body: ET.Element) -> list[ET.Element]:
    """The summary's story blocks, in page order."""
    return body.findall(".//section[@id='summary']/section[@class='story-summary']")


def _summary_rows(block: ET.Element) -> list[ET.Element]:
    return block.findall(".//table[@class='summary']//tr[@class='group-summary']")


def _block(body: ET.Element, story: str) -> ET.Element:
    return next(b for b in _blocks(body) if b.get("data-story") == story)


def test_the_summary_comes_first(dom: ET.Element) -> None:
    order = [e for e in dom.iter() if e.tag in ("section", "svg")]
    assert order and order[0].tag == "section" and text(order[0].find("h2")).startswith("Summary"), \
        [text(e.find("h2")) if e.tag == "section" else "svg" for e in order[:3]]
    # the groups of story nk: the one with an error first, though the other has more findings
    assert [text(r.find("th")) for r in _summary_rows(_block(dom, NK))] == [CASUALTIES, DEPLOYED]


def test_two_stories_with_the_same_key_are_two_story_blocks_errors_first(dom: ET.Element) -> None:
    # nk has an error; kursk-deployment has more findings and sorts first by name, but has none; the
    # articles with no story have no finding at all and come last, labelled as such
    blocks = _blocks(dom)
    assert [b.get("data-story") for b in blocks] == [NK, KURSK, ""]
    assert [text(b.find("h3")) for b in blocks] == [
        "Story: nk 1 error, 2 warnings, 5 info", "Story: kursk-deployment 8 warnings",
        "Articles with no story (compared with each other only when they share a tag) no open findings"]
    # the same key, one row in each story, each with that story's own estimate and origins
    rows = {b.get("data-story"): [r for r in _summary_rows(b) if text(r.find("th")) == DEPLOYED] for b in blocks}
    assert [len(r) for r in rows.values()] == [1, 1, 1]
    estimates = {story: text(r[0].find("td[@class='estimate']/strong")) for story, r in rows.items()}
    assert estimates == {NK: "15,000", KURSK: "10,000", "": "9,000"}  # each story's latest month, its lowest
    kursk_who = {li.get("data-origin") for li in rows[KURSK][0].iter("li") if li.get("data-origin")}
    assert kursk_who == {"Russia", "Ukraine"}
    assert re.search(r"10,000 \(Russia\) to 12,000 \(Ukraine\)", text(rows[KURSK][0].find("td[@class='range']")))


def test_no_heading_twice_within_a_story(dom: ET.Element) -> None:
    stories = dom.findall(".//section[@class='story']")
    assert [text(s.find("h2")) for s in stories] == ["Story: nk", "Story: kursk-deployment", "Articles with no story"]
    headings = {s.get("data-story"): [text(h) for h in s.iter("h3")] for s in stories}
    assert headings == {NK: [CASUALTIES, DEPLOYED], KURSK: [DEPLOYED], "": [DEPLOYED]}
    for block in _blocks(dom):
        names = [text(r.find("th")) for r in _summary_rows(block)]
        assert len(names) == len(set(names)), names
    # every summary row links to its own section, and each section is linked once
    links = [a.get("href") for b in _blocks(dom) for r in _summary_rows(b) for a in r.find("th").iter("a")]
    ids = ["#" + s.get("id") for s in dom.findall(".//section[@class='group']")]
    assert sorted(links) == sorted(ids) and len(set(ids)) == len(ids) == 4


def test_each_summary_row_answers(dom: ET.Element) -> None:
    casualties, deployed = _summary_rows(_block(dom, NK))
    cells = {td.get("class"): td for td in casualties.findall("td")}
    assert text(cells["estimate"]).startswith("2,000")  # the latest month's (February's) best
    assert re.search(r"2,000 \(South Korea\) to 3,000\.\. \(Ukraine\)", text(cells["range"]))
    who = {li.get("data-origin"): text(li) for li in cells["who"].iter("li")}
    assert list(who) == ["South Korea", "Ukraine"] and "2,000" in who["South Korea"] and "3,000" in who["Ukraine"]
    severities = [li.get("class") for li in cells["open-findings"].iter("li")]
    assert severities == ["error", "warning", "warning", "info"]  # by severity, not by count
    deployed_who = {li.get("data-origin") for li in deployed.iter("li") if li.get("data-origin")}
    assert deployed_who == {"United States", "Ukraine", "(unsourced)"}


def test_dismissed_findings_are_hidden_and_counted(dom: ET.Element) -> None:
    assert "1 dismissed finding hidden" in text(dom.find(".//p[@class='run']"))
    findings = [text(li) for li in dom.iter("li") if li.get("class") in ("error", "warning", "info")]
    assert findings and not any(f.startswith("warning unsourced") for f in findings)


def test_one_section_per_counted_group(dom: ET.Element) -> None:
    nk = dom.find(".//section[@class='story'][@data-story='nk']")
    assert [text(h) for h in nk.iter("h3")] == [CASUALTIES, DEPLOYED]  # '*' and North Korea '*' joined the soldiers
    merged = text(nk.find(".//section[@class='group']/p[@class='merged']"))
    assert "casualties in Kursk region" in merged and "North Korea casualties in Kursk region" in merged


def test_axes_have_labelled_ticks(dom: ET.Element) -> None:
    charts = dom.findall(".//svg[@class='timeline']")
    assert len(charts) == 4
    for svg in charts:
        y_ticks = [text(t) for t in svg.findall("./g[@class='y-axis']/text[@class='tick']")]
        values = [float(t.replace(",", "")) for t in y_ticks]
        assert len(values) >= 3 and values == sorted(values) and values[0] == 0, y_ticks
        x_ticks = [text(t) for t in svg.findall("./g[@class='x-axis']/text[@class='tick']")]
        assert len(x_ticks) >= 2 and all(re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", t) for t in x_ticks), x_ticks
        assert {text(t) for t in svg.iter("text") if t.get("class") == "axis-title"} >= {"date published"}


def test_every_point_has_its_value_and_source(dom: ET.Element) -> None:
    # every dot's tooltip (its own <title> or its group's) names the origin and the value it draws
    parent = {child: node for node in dom.iter() for child in node}
    expected = {(origin or "(unsourced)", f"{low:,}" + ("" if high == low else "..")) for *_, low, high, _q, _t, _a,
                _m, origin in CLAIMS}
    drawn = set()
    for dot in [c for svg in dom.iter("svg") for c in svg.iter("circle")]:
        title = dot.find("title") if dot.find("title") is not None else parent[dot].find("title")
        assert title is not None, ET.tostring(parent[dot])
        said = [pair for pair in expected if text(title).startswith(f"{pair[0]}: {pair[1]} ")]
        assert said and re.search(r"\d{4}-\d{2}-\d{2}", text(title)), text(title)
        drawn.update(said)
    assert drawn == expected
    # and the table beside each chart lists the same figures in plain text
    rows = dom.findall(".//details[@class='points']//tr")
    assert len(rows) - len(dom.findall(".//details[@class='points']")) == len(CLAIMS)
