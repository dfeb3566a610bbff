"""Saved web pages (.html, .htm) and feeds (.rss, .atom, .xml) as articles: their fields, page furniture
kept out of the body and out of the claims, where each date comes from, and bad files as one error each.

The pages and feeds in tests/data/web/ are composed: every person, place and outlet is invented.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimledger.extraction.extract import extract_article
from claimledger.model import Article, IngestError
from claimledger.reading import ingest
from claimledger.reading.feed import BadFeed, is_feed_root, read_feed
from claimledger.reading.webpage import NoMainText, prose, read_page

WEB = Path(__file__).parent / "data" / "web"


@pytest.fixture(scope="module")
def web() -> tuple[list[Article], list[IngestError]]:
    return ingest.read_paths([WEB])


def _one(articles: list[Article], file: str, external_id: str | None = None) -> Article:
    (found,) = [a for a in articles if Path(a.source_path).name == file
                and (external_id is None or a.external_id == external_id)]
    return found


# --- saved pages -------------------------------------------------------------------------------------

PAGES = [
    ("valley12_warehouse_fire.html", "Three firefighters hurt in Dunmore Street warehouse fire", "Marlow Valley 12",
     "https://www.example.com/news/local/three-firefighters-hurt-in-dunmore-street-warehouse-fire",
     datetime(2025, 3, 11), "metadata"),  # article:published_time
    ("brenmoor_gazette_bridge.html", "Two dead, 11 hurt as Alder River footbridge collapses", "The Brenmoor Gazette",
     "https://news.example.org/brenmoor/2025/02/footbridge-collapse-alder-river",
     datetime(2025, 2, 3), "metadata"),  # JSON-LD datePublished, not dateModified (Feb. 4)
    ("fellhaven_courier_flood.html", "Creek flooding closes Orchard Road, 60 homes without power", "Fellhaven Courier",
     "https://www.example.org/fellhaven/creek-flooding-orchard-road/",
     datetime(2025, 3, 11), "text"),  # no date markup: the "Posted March 11, 2025" line
]


@pytest.mark.parametrize(("file", "title", "outlet", "url", "published", "date_source"), PAGES)
def test_a_saved_page_gives_its_title_outlet_url_and_date(web, file, title, outlet, url, published,
                                                          date_source) -> None:
    page = _one(web[0], file)
    assert (page.title, page.outlet, page.url) == (title, outlet, url)
    assert (page.published_at, page.date_source) == (published, date_source)
    assert page.external_id == file and page.line is None


FURNITURE = [
    ("valley12_warehouse_fire.html", [
        "Photo 2 of 9", "1.2K shares", "Share on Facebook", "We use cookies", "Accept all", "Manage preferences",
        "(555) 014-2290", "1450 Harbor Road", "90412", "Watch Live", "Contact Us", "Weather", "Related:",
        "Route 9 crash", "$4.5 million", "300 new homes", "Castomar 54", "BREAKING", "Advertisement",
        "12 Daily Briefing", "All rights reserved", "gtag", "pageViews", "Smoke rises over"]),
    ("brenmoor_gazette_bridge.html", [
        "14 Comments", "riverwatcher88", "20 times last month", "at least 30 people", "52 likes",
        "Load 12 more comments", "3 free articles", "$1 a week", "Most Read", "85 jobs", "Harriers win 3-1",
        "22 Tanner Lane", "0555 019 4471", "Obituaries", "Classifieds", "E-Edition", "Tags:", "Updated Feb. 4"]),
    ("fellhaven_courier_flood.html", [
        "Share this:", "(37)", "Like this:", "Loading...", "2 thoughts", "second step on our porch",
        "8 inches of water", "Leave a Reply", "Recent Posts", "$2,300", "April 7", "Archives", "PO Box 118",
        "(555) 017-3380", "since 2009", "Donate", "display:inline"]),
]


@pytest.mark.parametrize(("file", "furniture"), FURNITURE)
def test_page_furniture_stays_out_of_the_body(web, file, furniture) -> None:
    page = _one(web[0], file)
    assert [f for f in furniture if f in page.body] == []


STORY = [
    ("valley12_warehouse_fire.html", [
        "CASTOMAR — Three firefighters were injured battling a fire at a vacant warehouse on Dunmore Street",
        "About 40 residents of two neighbouring apartment buildings were evacuated as a precaution",
        "Crews from six stations responded after the first call came in at 3:12 a.m.",
        "Dunmore Street remained closed between Fourth and Ninth avenues on Tuesday evening."]),
    ("brenmoor_gazette_bridge.html", [
        "killing two people and injuring 11 others, county officials said.",
        '"We pulled seven people out of the water within the first twenty minutes," Adeyemi said',
        "recommended repairs costing an estimated $380,000"]),
    ("fellhaven_courier_flood.html", [
        "Posted March 11, 2025 7:40 a.m. by Courier Staff",
        "Volunteer firefighters helped 14 people leave their homes on Orchard Road and Pell Lane by boat.",
        "The creek crested at 9.2 feet early Tuesday"]),
]


@pytest.mark.parametrize(("file", "sentences"), STORY)
def test_the_story_reaches_the_body_in_paragraphs(web, file, sentences) -> None:
    page = _one(web[0], file)
    assert [s for s in sentences if s not in page.body] == []
    assert "\n\n" in page.body and not page.body.startswith(page.title)  # the headline is the title section


# Numbers that stand only in a page's or entry's furniture, never in its story.
FURNITURE_NUMBERS = [
    ("valley12_warehouse_fire.html", None,
     {9, 1.2, 1200, 365, 54, 14, 4.5, 4_500_000, 300, 12, 1450, 90412, 555, 2290, 2025, 48213, 771204}),
    ("brenmoor_gazette_bridge.html", None, {14, 30, 52, 17, 3, 85, 4471, 22}),
    ("fellhaven_courier_flood.html", None, {37, 2, 8, 11, 2300, 7, 118, 3380, 2009}),
    ("riverside_wire.rss", "https://www.example.org/riverside/?p=1041", {4, 88, 1041}),
    ("harbor_council.atom", "tag:example.org,2025:notice-318", {23, 318}),
]


@pytest.mark.parametrize(("file", "entry", "numbers"), FURNITURE_NUMBERS)
def test_no_claim_comes_from_furniture(web, file, entry, numbers) -> None:
    article = _one(web[0], file, entry)
    claims = extract_article(article).claims
    assert claims, "the story's own figures are claimed"
    assert [(c.quantity_text, c.value_low) for c in claims if {c.value_low, c.value_high} & numbers] == []
    prose_text = article.title + "\n" + article.body
    assert [c.sentence for c in claims if c.sentence not in prose_text] == []


def test_bad_files_are_one_error_each_and_the_rest_is_read(web) -> None:
    articles, errors = web
    reasons = {Path(e.source_path).name: e.reason for e in errors}
    assert len(errors) == len(reasons) == 4
    assert reasons["binary_image.html"] == "binary file (contains NUL bytes)"
    assert reasons["empty.html"] == "empty file"
    assert reasons["nav_only.html"].startswith("no main text found")
    assert reasons["truncated.rss"].startswith("not a well-formed feed (unclosed token at line 6)")
    assert all(e.source_path == str(WEB / name) and e.line is None for name, e in zip(reasons, errors, strict=True))
    read = sorted({Path(a.source_path).name for a in articles})
    assert read == ["brenmoor_gazette_bridge.html", "county_alerts.xml", "fellhaven_courier_flood.html",
                    "harbor_council.atom", "riverside_wire.rss", "valley12_warehouse_fire.html"]
    assert len(articles) == 3 + 1 + 2 + 3  # pages, the .xml feed, the Atom and the RSS entries


# --- feeds ---------------------------------------------------------------------------------------------

ENTRIES = [
    ("riverside_wire.rss", "https://www.example.org/riverside/?p=1041",  # guid
     "Ferry runs aground off Tarrow Point; 212 passengers brought ashore", "Riverside Wire",
     "https://www.example.org/riverside/2025/03/ferry-aground-tarrow-point/", datetime(2025, 3, 11, 14, 5), "metadata"),
    ("riverside_wire.rss", "https://www.example.org/riverside/2025/03/school-reopens/",  # no guid: the link
     "Tarrow Point school reopens after boiler repair", "Riverside Wire",
     "https://www.example.org/riverside/2025/03/school-reopens/", datetime(2025, 3, 10, 17, 20), "metadata"),
    ("riverside_wire.rss", "https://www.example.org/riverside/?p=1044",  # no pubDate: its dateline
     "River warning lifted", "Riverside Wire",
     "https://www.example.org/riverside/2025/03/river-warning-lifted/", datetime(2025, 3, 12), "text"),
    ("harbor_council.atom", "tag:example.org,2025:notice-318",  # published (in UTC) wins over updated
     "Harbour wall repairs: 3 berths closed until May", "Harbor Council Notices",
     "https://www.example.org/quillon/notices/harbour-wall-repairs", datetime(2025, 4, 1, 7, 0), "metadata"),
    ("harbor_council.atom", "tag:example.org,2025:notice-317",  # only updated
     "Council approves lifeboat station grant", "Harbor Council Notices",
     "https://www.example.org/quillon/notices/lifeboat-grant", datetime(2025, 3, 28, 15, 30), "metadata"),
    ("county_alerts.xml", "https://www.example.com/alerts/boil-water-pell-lane",  # RSS in an .xml file
     "Boil-water notice for Pell Lane", "Brack County Alerts",
     "https://www.example.com/alerts/boil-water-pell-lane", datetime(2025, 3, 12, 11, 0), "metadata"),
]


@pytest.mark.parametrize(("file", "entry", "title", "outlet", "url", "published", "date_source"), ENTRIES)
def test_a_feed_entry_gives_its_title_outlet_url_and_date(web, file, entry, title, outlet, url, published,
                                                          date_source) -> None:
    article = _one(web[0], file, entry)
    assert (article.title, article.outlet, article.url) == (title, outlet, url)
    assert (article.published_at, article.date_source) == (published, date_source)
    assert article.doc_id == ingest.doc_id_for(str(WEB / file), entry)


@pytest.mark.parametrize(("entry", "kept", "dropped"), [
    ("https://www.example.org/riverside/?p=1041",
     ["The Island Runner ferry ran aground on a sandbar off Tarrow Point on Tuesday morning, and all 212",
      "The vessel's 9 crew members stayed on board while the tide rose."],
     ["<p>", "<strong>", "Photo 1 of 4", "88 shares", "embedCounter", "appeared first on", "Share"]),
    ("https://www.example.org/riverside/2025/03/school-reopens/",
     ["About 340 pupils returned to classes, head teacher Wendeline Osei said."], ["<"]),
])
def test_entry_html_becomes_text_without_its_furniture(web, entry, kept, dropped) -> None:
    body = _one(web[0], "riverside_wire.rss", entry).body
    assert [k for k in kept if k not in body] == [] and [d for d in dropped if d in body] == []


def test_atom_html_content_becomes_text_and_wins_over_the_summary(web) -> None:
    body = _one(web[0], "harbor_council.atom", "tag:example.org,2025:notice-318").body
    assert body.startswith("Three berths on the east quay will close from 7 April until 30 May")
    assert "£1.1 million." in body and "23 shares" not in body and "color:#333" not in body and "&pound;" not in body


def test_a_feed_read_twice_gives_the_same_documents(web) -> None:
    again, _ = ingest.read_file(WEB / "riverside_wire.rss")
    before = [(a.doc_id, a.content_sha256) for a in web[0] if a.source_path.endswith("riverside_wire.rss")]
    assert [(a.doc_id, a.content_sha256) for a in again] == before and len({d for d, _ in before}) == 3


# --- dates of pages, table-driven on small pages --------------------------------------------------------

_STORY = ("<p>Crews from six stations fought the fire for three hours before it was brought under control, "
          "officials said on Tuesday afternoon.</p><p>Two firefighters were taken to hospital with minor injuries "
          "and later released, a spokesperson said.</p>")


_ISO_MENTION = ("<p>An inspection report dated 2019-06-03 listed 14 fire-code violations at the mill, "
                "the county said.</p>")


def _page(head: str = "", before: str = "", after: str = "", footer: str = "", wrapper: str = "") -> str:
    return (f"<html><head><title>Fire at mill</title>{head}</head><body><nav><a href='/'>Home</a></nav>"
            f"<article{wrapper}><h1>Fire at mill</h1>{before}{_STORY}{after}</article><footer>{footer}</footer>"
            "</body></html>")


@pytest.mark.parametrize(("html", "published", "date_source"), [
    pytest.param(_page(head='<meta property="article:published_time" content="2025-03-11T07:40:00-05:00">'),
                 datetime(2025, 3, 11), "metadata", id="meta tag"),
    pytest.param(_page(head='<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": '
                            '"2025-02-03T18:15:00Z", "dateModified": "2025-02-05T08:00:00Z"}</script>'),
                 datetime(2025, 2, 3), "metadata", id="JSON-LD published, not modified"),
    pytest.param(_page(before='<time datetime="2025-01-20T10:00:00Z">Jan. 20, 2025</time>'),
                 datetime(2025, 1, 20), "metadata", id="time element"),
    pytest.param(_page(head='<link rel="canonical" href="https://www.example.com/2025/01/22/fire-at-mill/">'),
                 datetime(2025, 1, 22), "metadata", id="date in the address"),
    pytest.param(_page(before='<div class="byline">By Jo Marsh | March 9, 2025</div>'),
                 datetime(2025, 3, 9), "metadata", id="date-marked byline"),
    pytest.param(_page(before="<p>Posted March 11, 2025 7:40 a.m.</p>"), datetime(2025, 3, 11), "text",
                 id="posted stamp in plain text"),
    pytest.param("<html><body><article><p>HOLLOWAY BAY, Feb. 3, 2025 (NRW) &mdash; " + _STORY[3:] + "</article>"
                 "</body></html>", datetime(2025, 2, 3), "text", id="dateline"),
    pytest.param(_page(footer="&copy; 2024 Example Media. All rights reserved."), None, None,
                 id="a copyright year is no date"),
    pytest.param(_page(after="<p>A similar fire on June 3, 2019 destroyed the mill's east wing.</p>"), None, None,
                 id="a date the story mentions is no date"),
    pytest.param(_page(after=_ISO_MENTION), None, None,
                 id="an ISO date in the story is no date"),
    pytest.param(_page(wrapper=' class="post-meta-wrap"',
                       after=_ISO_MENTION), None, None,
                 id="a date-named wrapper around the story is no date field"),
])
def test_where_a_page_date_comes_from(tmp_path, html, published, date_source) -> None:
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    (article,), errors = ingest.read_file(path)
    assert errors == []
    assert (article.published_at, article.date_source) == (published, date_source)


def test_an_undated_page_stays_undated_and_a_default_date_still_applies(tmp_path) -> None:
    path = tmp_path / "undated.htm"
    path.write_text(_page(), encoding="utf-8")
    articles, errors = ingest.read_paths([tmp_path])
    assert errors == [] and articles[0].published_at is None
    (dated,) = ingest.with_default_date(articles, datetime(2025, 5, 1).date())
    assert (dated.published_at, dated.date_source) == (datetime(2025, 5, 1), "default")


def test_a_page_in_its_declared_charset(tmp_path) -> None:
    html = _page(after="<p>The café owner, Zoë Brandt, said the fire started at 3 a.m.</p>").replace(
        "<head>", '<head><meta charset="windows-1252">')
    path = tmp_path / "latin.html"
    path.write_bytes(html.encode("cp1252"))
    (article,), errors = ingest.read_file(path)
    assert errors == [] and "The café owner, Zoë Brandt, said" in article.body


# --- hostile input --------------------------------------------------------------------------------------

_RSS_HEAD = '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
_ITEM = "<item><guid>{id}</guid><title>{title}</title><description>{body}</description></item>"


def _item(n: int, body: str = "Two people died in a crash on Route 4, police said.") -> str:
    return _ITEM.format(id=f"urn:x:{n}", title=f"Entry {n}", body=body)


@pytest.mark.parametrize(("name", "content", "ids", "reasons"), [
    pytest.param("cut.rss", _RSS_HEAD + _item(1) + _item(2) + "<item><guid>urn:x:3</guid><title>Entry 3</title>"
                 "<description>Nine people were hurt when", ["urn:x:1", "urn:x:2"],
                 ["the feed is cut short (no element found at line 1); its last entry was left out as it may be "
                  "incomplete, 2 read"], id="cut short inside an entry"),
    pytest.param("dup.rss", _RSS_HEAD + _item(1) + _item(1) + "</channel></rss>", ["urn:x:1"],
                 ["entry 2 (urn:x:1): duplicate id in this feed"], id="duplicate guid"),
    pytest.param("blank.rss", _RSS_HEAD + _item(1) + _item(2, body="") + "</channel></rss>", ["urn:x:1"],
                 ["entry 2 (urn:x:2): no body text"], id="entry without text"),
    pytest.param("entity.rss", _RSS_HEAD + _item(1, "Two&nbsp;people died.") + _item(2) + "</channel></rss>",
                 ["urn:x:1", "urn:x:2"], [], id="an undefined entity costs no entry"),
    pytest.param("page.rss", "<html><body><p>Not a feed</p></body></html>", [],
                 ["not an RSS or Atom feed"], id="a page saved as .rss"),
    pytest.param("sitemap.xml", '<?xml version="1.0"?><urlset><url><loc>https://www.example.com/</loc></url></urlset>',
                 [], ["not an RSS or Atom feed (its root element is <urlset>)"], id="named .xml no feed"),
    pytest.param("notes.xml", "Just some notes, 3 of them.", [], ["not an XML file"], id="named .xml no XML"),
    pytest.param("empty.atom", '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title></feed>',
                 [], [], id="a feed with no entries"),
    pytest.param("bin.htm", b"\x89PNG\r\n\x1a\n\x00\x00", [], ["binary file (contains NUL bytes)"], id="binary"),
    pytest.param("blank.html", "  \n\t\n", [], ["empty file"], id="whitespace"),
    pytest.param("script.html", "<html><body><script>var a = 12;</script></body></html>", [],
                 ["no main text found (the page holds only navigation, markup or nothing)"], id="script only"),
    pytest.param("headline.html", "<html><head><title>Fire</title></head><body><h1>Fire</h1></body></html>", [],
                 ["no main text found besides the headline"], id="headline only"),
])
def test_hostile_files_are_named_errors(tmp_path, name, content, ids, reasons) -> None:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    articles, errors = ingest.read_file(path)
    assert [a.external_id for a in articles] == ids
    assert [e.reason for e in errors] == reasons and all(e.source_path == str(path) for e in errors)


def test_a_folder_reads_feeds_among_xml_files_only(tmp_path) -> None:
    (tmp_path / "alerts.xml").write_text(_RSS_HEAD + _item(1) + "</channel></rss>", encoding="utf-8")
    (tmp_path / "atom.xml").write_text('<?xml version="1.0"?>\n<!-- saved -->\n<a:feed xmlns:a="http://www.w3.org/'
                                       '2005/Atom"><a:entry><a:id>urn:y:1</a:id><a:title>T</a:title><a:summary>Three '
                                       'died.</a:summary></a:entry></a:feed>', encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text('<?xml version="1.0"?><urlset></urlset>', encoding="utf-8")
    (tmp_path / "settings.XML").write_text("<settings><rss>no</rss></settings>", encoding="utf-8")
    articles, errors = ingest.read_paths([tmp_path])
    assert errors == [] and sorted(a.external_id for a in articles) == ["urn:x:1", "urn:y:1"]


@pytest.mark.parametrize(("head", "feed"), [
    (b'<?xml version="1.0"?><rss version="2.0">', True),
    (b"\xef\xbb\xbf<?xml version='1.0' encoding='utf-8'?>\n<!-- c -->\n<!DOCTYPE rss>\n<rss>", True),
    (b'<feed xmlns="http://www.w3.org/2005/Atom">', True),
    (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">', False),
    (b"<urlset>", False),
    (b"", False),
    (b"rss", False),
])
def test_feed_roots(head, feed) -> None:
    assert is_feed_root(head) is feed


def test_an_entry_without_id_or_link_keeps_one_id_across_reads() -> None:
    raw = (_RSS_HEAD + "<item><title>Crash</title><pubDate>Tue, 11 Mar 2025 14:05:00 +0000</pubDate>"
           "<description>Two people died.</description></item></channel></rss>").encode()
    first, second = read_feed(raw), read_feed(raw)
    assert first.entries[0].external_id == second.entries[0].external_id
    assert re.fullmatch(r"sha256:[0-9a-f]{16}", first.entries[0].external_id)


@pytest.mark.parametrize(("text", "title", "expected"), [
    ("Fire at mill\nCrews fought it.", "Fire at  MILL", "Crews fought it."),
    ("Crews fought it.\nFire at mill", "Fire at mill", "Crews fought it.\n\nFire at mill"),
    ("Crews fought it.\nThe post Fire at mill: 3 hurt appeared first on Wire.", "", "Crews fought it."),
    ("Two died.\nContinue reading →", "", "Two died."),
    ("Two died.\n\n\n  Three were hurt.  ", "", "Two died.\n\nThree were hurt."),
])
def test_prose(text, title, expected) -> None:
    assert prose(text, title=title) == expected


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=2000)
       | st.text(max_size=2000).map(lambda t: f"<html><body><p>{t}</p></body></html>".encode()))
def test_arbitrary_bytes_never_raise_past_the_readers(raw: bytes) -> None:
    for read, allowed in ((read_page, NoMainText), (read_feed, BadFeed)):
        try:
            read(raw)
        except allowed:
            pass
