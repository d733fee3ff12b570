"""Tests of the HTML page reader: same blocks as the text reader for the same seed, chrome dropped, hardened parsing."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from presslate.errors import IngestError
from presslate.ingest.common import decode_page
from presslate.ingest.html import parse_html, read_html_page, strip_site_name
from presslate.ingest.text import read_text_page
from presslate.models import Block, BlockKind, Release
from presslate.releasefile import read_release

HERE = Path(__file__).resolve().parent
HTML_PAGES = HERE.parent / "data" / "html"
SEED_PAGES = HERE.parents[1] / "examples" / "pages"

PAGE_000 = HTML_PAGES / "000-iom-amman-consultations.html"
PAGE_001 = HTML_PAGES / "001-iom-crisis-mcof.html"
PAGE_003 = HTML_PAGES / "003-iom-iraq-mcof-training.html"
PAGE_004 = HTML_PAGES / "004-iom-mena-imrf-briefing.html"
ID_000 = "2015-03-03-iom-focuses-on-migrants-in-crisis-displacement-at"


def html_release(path: Path) -> Release:
    [page_release] = read_html_page(path.read_bytes(), path=path)
    return page_release.release


def html_of(markup: str, *, name: str = "page.html") -> Release:
    [page_release] = read_html_page(markup.encode("utf-8"), path=Path(name))
    return page_release.release


def text_release(seed_prefix: str) -> Release:
    [seed] = SEED_PAGES.glob(f"{seed_prefix}_*.txt")
    [page_release] = read_text_page(decode_page(seed.read_bytes(), path=seed), path=seed)
    return page_release.release


def shape(blocks: list[Block]) -> list[tuple[str, str, int]]:
    """What a translator gets from a block list: kind, text and contact group (page lines differ by format)."""
    return [(block.kind.value, block.text, block.group) for block in blocks]


def all_text(release: Release) -> str:
    return "\n".join(block.text for block in release.blocks)


def page(body: str, *, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


# --- the same release as the text reader gives for the same seed ---------------------------------------------


@pytest.mark.parametrize(("html_page", "seed"), [(PAGE_000, "000"), (PAGE_003, "003"), (PAGE_004, "004")])
def test_html_page_gives_the_blocks_the_text_reader_gives_for_its_seed(html_page: Path, seed: str) -> None:
    from_html, from_text = html_release(html_page), text_release(seed)
    assert shape(from_html.blocks) == shape(from_text.blocks)
    assert from_html.title == from_text.title
    assert from_html.dateline == from_text.dateline
    assert from_html.source_format == "html"


def test_html_lists_and_headings_keep_the_structure_the_text_reader_guesses() -> None:
    from_html, from_text = html_release(PAGE_001), text_release("001")
    expected = [("title", "Migration Crisis Operational Framework", 0)] + shape(from_text.blocks)
    # The partner names are <li> links: the HTML reader knows they are a list, the text page cannot say.
    for index in (-2, -1):
        _, text, group = expected[index]
        expected[index] = ("list-item", text, group)
    assert shape(from_html.blocks) == expected
    items = [b.text for b in from_html.blocks if b.kind is BlockKind.LIST_ITEM]
    assert items[0] == "People move, or require support to move, to get out of harm’s way"
    assert "sometimes temporarily, sometimes longer-term" in items[3]  # a line break inside <li> is a space


def test_contact_lines_split_at_br_and_mailto_links_keep_their_text() -> None:
    contacts = [b for b in html_release(PAGE_000).blocks if b.kind is BlockKind.CONTACT]
    assert [b.text for b in contacts] == [
        "For more information, please contact IOM Cairo",
        "Martina Salvatore",
        "Tel: +20 2 27365140/1/2 Ext. 314",
        "Email: msalvatore@iom.int",
        "or",
        "Sarah Craggs",
        "Tel: +20 2 27365140/1/2 Ext. 308",
        "Email: scraggs@iom.int",
    ]
    assert [b.line for b in contacts] == list(range(123, 131))  # the page line of each <br>-separated line


# --- site chrome ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "chrome",
    [
        "Skip to main content",  # skip link
        "cookies",  # cookie consent banner
        "Who we are",  # <header>/<nav> menu
        "WHO WE ARE",  # mega-menu description
        "Main navigation",
        "Press Release",  # breadcrumb and the article header's type label
        "03 March 2015",  # the date display
        "Share this page",
        "Twitter",  # share buttons
        "Humanitarian Emergencies",  # tags in the article <footer>
        "Related News",  # <aside>
        "stranded migrants to leave Libya since 2011",  # teaser <article> in the aside
        "Subscribe",  # newsletter <form>
        "All rights reserved",  # site <footer>
        "Loading video",  # <template>
        "gtag",  # <script>
        "googletagmanager",  # <noscript>
        "pull quote",  # comment
        "position: fixed",  # <style>
    ],
)
def test_site_chrome_around_the_article_is_dropped(chrome: str) -> None:
    assert chrome.lower() not in all_text(html_release(PAGE_000)).lower()


@pytest.mark.parametrize("chrome", ["cookies", "WHO WE ARE", "Date Publish", "Follow IOM MENA", "Copyright", "_paq"])
def test_chrome_of_a_page_without_article_element_is_dropped(chrome: str) -> None:
    assert chrome.lower() not in all_text(html_release(PAGE_004)).lower()


def test_chrome_of_a_page_with_neither_article_nor_main_is_dropped() -> None:
    release = html_of(page(
        "<div class='top'><ul><li>Who we are</li><li>Our Work</li></ul></div>"
        "<header><a href='/'>IOM</a><nav><a href='/news'>News</a></nav></header>"
        "<h1>IOM Trains Iraq Government Authorities</h1>"
        "<p>Iraq - IOM Iraq held a migration crisis response training this past week.</p>"
        "<footer><p>© IOM</p></footer><p>Media</p>"
    ))
    assert shape(release.blocks) == [
        ("title", "IOM Trains Iraq Government Authorities", 0),
        ("paragraph", "Iraq - IOM Iraq held a migration crisis response training this past week.", 0),
    ]


def test_the_longest_article_is_the_release_and_a_teaser_article_is_not() -> None:
    release = html_of(page(
        "<main><article><h2><a href='/x'>Teaser</a></h2><p>Short teaser.</p></article>"
        "<article><h1>The release</h1><p>First paragraph of the release, which is long enough to win.</p>"
        "<p>Second paragraph of the release.</p></article></main>"
    ))
    assert release.title == "The release"
    assert "Short teaser." not in all_text(release)


@pytest.mark.parametrize(
    "hidden",
    [
        "<div hidden><p>Hidden text.</p></div>",
        "<div aria-hidden='true'><p>Hidden text.</p></div>",
        "<div style='display: none'><p>Hidden text.</p></div>",
        "<div class='social-share'><p>Hidden text.</p></div>",
        "<div id='cookie-notice'><p>Hidden text.</p></div>",
        "<div role='navigation'><p>Hidden text.</p></div>",
        "<span class='sr-only'>Hidden text.</span>",
        "<a class='btn btn-primary' href='/x.pdf'>Hidden text.</a>",
        "<figure><img src='x.jpg' alt=''><figcaption>Hidden text.</figcaption></figure>",
    ],
)
def test_hidden_and_named_chrome_inside_the_article_is_dropped(hidden: str) -> None:
    release = html_of(page(f"<article><h1>Title</h1><p>Body text.</p>{hidden}<p>More body text.</p></article>"))
    assert shape(release.blocks) == [
        ("title", "Title", 0), ("paragraph", "Body text.", 0), ("paragraph", "More body text.", 0),
    ]


def test_a_wrapper_class_that_merely_mentions_a_sidebar_is_not_chrome() -> None:
    release = html_of(page("<div class='layout-with-sidebar overflow-hidden'><p>Body text of the release.</p></div>"))
    assert [b.text for b in release.blocks] == ["Body text of the release."]


# --- title and date ---------------------------------------------------------------------------------------


def test_title_comes_from_title_element_without_site_name_when_there_is_no_h1() -> None:
    assert html_release(PAGE_003).title == "IOM Trains Iraq Government Authorities in Migration Crisis Management"


def test_title_comes_from_an_h1_just_outside_the_article() -> None:
    release = html_of(page("<main><div class='hero'><h1>The headline</h1></div>"
                           "<article><p>Geneva - Body text of the release.</p></article></main>",
                           head="<title>Other | IOM</title>"))
    assert shape(release.blocks)[0] == ("title", "The headline", 0)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("IOM Trains Iraq Government Authorities | IOM", "IOM Trains Iraq Government Authorities"),
        ("IOM Trains Iraq Government Authorities | News | IOM", "IOM Trains Iraq Government Authorities"),
        ("IOM | IOM Trains Iraq Government Authorities", "IOM Trains Iraq Government Authorities"),
        ("IOM and Egypt Hold Briefing - International Organization for Migration", "IOM and Egypt Hold Briefing"),
        ("IOM and Egypt Hold Briefing – IOM Egypt", "IOM and Egypt Hold Briefing"),
        ("IOM and Egypt Hold Briefing - IOM Middle East and North Africa", "IOM and Egypt Hold Briefing"),
        # a dash inside a headline is not a site suffix
        ("Cyclone Idai - Update on the Response", "Cyclone Idai - Update on the Response"),
        ("Egypt - IOM Mozambique Scales Up Its Response", "Egypt - IOM Mozambique Scales Up Its Response"),
        ("IOM", "IOM"),
    ],
)
def test_strip_site_name(title: str, expected: str) -> None:
    assert strip_site_name(title, site_names={"iom middle east and north africa"}) == expected


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        ("", "<article><time datetime='2015-03-03T09:00:00+01:00'>3 March 2015</time><p>Body text.</p></article>",
         dt.date(2015, 3, 3)),
        ("", "<article><p class='meta'><time>3 March 2015</time></p><p>Body text.</p></article>", dt.date(2015, 3, 3)),
        ("<meta property='article:published_time' content='2022-06-22T12:30:00+02:00'>", "<p>Body text.</p>",
         dt.date(2022, 6, 22)),
        ("<meta name='date' content='2022-06-22'>", "<p>Body text.</p>", dt.date(2022, 6, 22)),
        # a date the text mentions is not the publication date
        ("", "<p>The IMRF held on <time datetime='2022-05-17'>17 May</time> adopted it.</p>", None),
        ("", "<p>Body text.</p>", None),
    ],
)
def test_date_is_read_from_time_or_meta(head: str, body: str, expected: dt.date | None) -> None:
    assert html_of(page(body, head=head)).date == expected


def test_the_article_time_wins_over_meta_and_a_bad_date_is_skipped_with_a_warning() -> None:
    markup = page("<article><time datetime='2015-02-30'>soon</time><time datetime='2015-03-04'>4 March 2015</time>"
                  "<p>Body text.</p></article>", head="<meta property='article:published_time' content='2015-03-05'>")
    [page_release] = read_html_page(markup.encode(), path=Path("p.html"))
    assert page_release.release.date == dt.date(2015, 3, 4)
    assert page_release.warnings == ["line 1: ignored date '2015-02-30' (not YYYY-MM-DD or '3 March 2015')"]
    assert all_text(page_release.release) == "Body text."  # the date displays are not release text


def test_date_from_fixtures() -> None:
    assert html_release(PAGE_000).date == dt.date(2015, 3, 3)
    assert html_release(PAGE_004).date == dt.date(2022, 6, 22)
    assert html_release(PAGE_003).date is None


# --- body structure ---------------------------------------------------------------------------------------


def test_headings_lists_blockquotes_and_bold_subheads_become_blocks() -> None:
    release = html_of(page(
        "<article><h1>Title</h1><p>Geneva - Lead.</p><h2>Key facts</h2><h3>Sub</h3><h4>Subsub</h4>"
        "<p><strong>Bold subhead</strong></p><p>KEY FIGURES (2022)</p>"
        "<ul><li>One<ul><li>Nested</li></ul></li><li><p>Two</p></li></ul>"
        "<blockquote><p>“First quoted paragraph.”</p><p>“Second.”</p></blockquote>"
        "<p><strong>Cairo</strong> – not a subhead.</p></article>"
    ))
    assert shape(release.blocks) == [
        ("title", "Title", 0),
        ("paragraph", "Geneva - Lead.", 0),
        ("heading", "Key facts", 0),
        ("heading", "Sub", 0),
        ("heading", "Subsub", 0),
        ("heading", "Bold subhead", 0),
        ("heading", "KEY FIGURES (2022)", 0),
        ("list-item", "One", 0),
        ("list-item", "Nested", 0),
        ("list-item", "Two", 0),
        ("paragraph", "“First quoted paragraph.”", 0),
        ("paragraph", "“Second.”", 0),
        ("paragraph", "Cairo – not a subhead.", 0),
    ]
    assert release.dateline == "Geneva"


def test_whitespace_is_normalised_and_entities_are_decoded() -> None:
    release = html_of(page("<p>IOM&nbsp;&amp; UNHCR\n   said&#8230;  “we\u200b act”&nbsp;now &ndash; <em>today</em>.</p>"))
    assert [b.text for b in release.blocks] == ["IOM & UNHCR said… “we act” now – today."]


def test_contact_groups_follow_blank_lines_and_paragraphs() -> None:
    release = html_of(page(
        "<article><p>Body text.</p>"
        "<p>Last body line.<br><br><strong>For more information, please contact:</strong><br><br>"
        "Martina Salvatore, IOM Cairo<br>Tel: +20 2 27365140<br><br><br>"
        "Sarah Craggs<br>Email: <a href='mailto:scraggs@iom.int'>scraggs@iom.int</a></p>"
        "<p>Joel Millman, IOM Geneva</p><ul><li>Tel: +41 22 717 9486</li></ul></article>"
    ))
    assert shape(release.blocks) == [
        ("paragraph", "Body text.", 0),
        ("paragraph", "Last body line.", 0),
        ("contact", "For more information, please contact:", 0),
        ("contact", "Martina Salvatore, IOM Cairo", 1),
        ("contact", "Tel: +20 2 27365140", 1),
        ("contact", "Sarah Craggs", 2),
        ("contact", "Email: scraggs@iom.int", 2),
        ("contact", "Joel Millman, IOM Geneva", 3),
        ("contact", "Tel: +41 22 717 9486", 4),
    ]


def test_br_lines_of_a_body_paragraph_are_separate_blocks_like_lines_of_a_text_page() -> None:
    release = html_of(page("<p>First line.<br>Second line.</p>"))
    assert shape(release.blocks) == [("paragraph", "First line.", 0), ("paragraph", "Second line.", 0)]


# --- encodings and bad input ------------------------------------------------------------------------------


def test_meta_charset_is_honoured() -> None:
    markup = "<html><head><meta charset='windows-1252'></head><body><p>“Café” – IOM’s office.</p></body></html>"
    [page_release] = read_html_page(markup.encode("cp1252"), path=Path("p.html"))
    assert page_release.release.blocks[0].text == "“Café” – IOM’s office."


def test_legacy_windows_1252_fixture_with_crlf_is_read() -> None:
    assert PAGE_004.read_bytes().count(b"\x92") > 0  # the fixture really is windows-1252
    assert "IOM)’s regional office" in html_release(PAGE_004).blocks[1].text


def test_utf8_bom_is_accepted() -> None:
    release = read_html_page(b"\xef\xbb\xbf" + page("<p>Body text.</p>").encode(), path=Path("p.html"))[0].release
    assert [b.text for b in release.blocks] == ["Body text."]


@pytest.mark.parametrize(
    ("data", "line", "message"),
    [
        (b"<html>\n<body>\n<p>caf\xe9</p>\n</body></html>", 3, "not valid utf-8 (no <meta charset>, read as UTF-8): byte 0xe9"),
        (b"<html><head>\n<meta charset='utf-8'>\n</head><body><p>ok</p>\n<p>\xff</p></body></html>", 4,
         "not valid utf-8 (declared by <meta charset>): byte 0xff"),
        (b"<html><head>\n\n<meta charset='klingon-8'></head><body><p>ok</p></body></html>", 3,
         "'klingon-8' is not a text encoding (declared by <meta charset>)"),
        (b"<html>\n<body><p>a\x00b</p></body></html>", 2, "NUL character in the page: is it a binary file?"),
        (b"", 1, "empty page: no text to ingest"),
        (b"  \n\t\n", 1, "empty page: no text to ingest"),
    ],
)
def test_undecodable_or_empty_input_is_an_error_with_path_and_line(data: bytes, line: int, message: str) -> None:
    with pytest.raises(IngestError) as caught:
        read_html_page(data, path=Path("pages/bad.html"))
    assert caught.value.path == Path("pages/bad.html")
    assert caught.value.line == line
    assert caught.value.message.startswith(message)


def test_iso_8859_1_is_read_as_windows_1252_like_browsers_do() -> None:
    markup = b"<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'><p>IOM\x92s \x93office\x94.</p>"
    assert read_html_page(markup, path=Path("p.html"))[0].release.blocks[0].text == "IOM’s “office”."


@pytest.mark.parametrize("data", [b"<!-- nothing but a comment -->", b"<?xml version='1.0'?>", b"<html></html>"])
def test_a_page_without_elements_is_no_recognisable_release(data: bytes) -> None:
    with pytest.raises(IngestError, match="no recognisable release"):
        read_html_page(data, path=Path("void.html"))


@pytest.mark.parametrize(
    "body",
    [
        "",
        "<header><nav><ul><li>Who we are</li><li>Our Work</li></ul></nav></header><footer>© IOM</footer>",
        "<script>var x = 1;</script><div class='cookie-banner'><p>We use cookies on this site.</p></div>",
        "<main><h2>News</h2></main>",
    ],
)
def test_a_page_without_article_text_is_no_recognisable_release(body: str) -> None:
    with pytest.raises(IngestError, match="no recognisable release") as caught:
        read_html_page(page(body).encode(), path=Path("chrome.html"))
    assert str(caught.value).startswith("chrome.html:1: ")


# --- entities are never expanded --------------------------------------------------------------------------


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:SECRET-MARKER-7f3a:/root:/bin/bash\n", encoding="utf-8")
    return secret


XXE_PAGES = [
    ('<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
     "<html><body><p>Leak: &xxe;</p></body></html>"),
    ('<?xml version="1.0" encoding="utf-8"?>\n'
     '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd" [\n'
     '  <!ENTITY xxe SYSTEM "file://{secret}">\n]>\n'
     '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Leak: &xxe;</p></body></html>'),
    ('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n'
     "<html><body><p>&lol2;</p></body></html>"),
    ('<html><body>\n<!ENTITY xxe SYSTEM "file://{secret}">\n<p>Leak: &xxe;</p></body></html>'),
]


@pytest.mark.parametrize("template", XXE_PAGES)
def test_pages_declaring_entities_are_refused(template: str, secret_file: Path) -> None:
    data = template.format(secret=secret_file.as_posix()).encode("utf-8")
    with pytest.raises(IngestError, match="declares entities") as caught:
        read_html_page(data, path=Path("xxe.xhtml"))
    assert caught.value.line in (1, 2)
    assert "SECRET-MARKER" not in str(caught.value)


@pytest.mark.parametrize("template", XXE_PAGES[:2])
def test_the_parser_itself_never_reads_external_entities(template: str, secret_file: Path) -> None:
    document = parse_html(template.format(secret=secret_file.as_posix()), path=Path("xxe.xhtml"))
    assert "SECRET-MARKER" not in document.text_content()
    assert "&xxe;" in document.text_content()


# --- through the command line -----------------------------------------------------------------------------


@pytest.fixture
def workspace(tmp_path: Path, run_cli) -> Path:
    root = tmp_path / "ws"
    result = run_cli("init", str(root), "--languages", "ko,fr")
    assert result.exit_code == 0, result.output
    (root / "pages").mkdir()
    return root


@pytest.fixture
def ingest(workspace: Path, run_cli):
    """``presslate -C <workspace> ingest ARGS...``"""
    return lambda *args: run_cli("-C", str(workspace), "ingest", *args)


def test_cli_ingests_an_html_page_and_updates_it_in_place(workspace: Path, ingest) -> None:
    page_path = workspace / "pages" / PAGE_000.name
    shutil.copyfile(PAGE_000, page_path)

    first = ingest(str(page_path))
    assert first.exit_code == 0, first.output
    assert f"created {ID_000} (html)" in first.output
    release_file = workspace / "l10n" / "releases" / f"{ID_000}.md"
    written = release_file.read_text(encoding="utf-8")
    assert written.startswith(
        f"---\nid: {ID_000}\ndate: 2015-03-03\ndateline: Egypt\nsource: pages/{PAGE_000.name}\nsource_format: html\n---\n"
    )
    assert "\n# IOM Focuses on Migrants in Crisis, Displacement at World Humanitarian Summit Regional Consultations in Amman\n" in written
    assert "\n<!-- contact -->\n\nFor more information, please contact IOM Cairo\nMartina Salvatore\n" in written
    assert shape(read_release(release_file).blocks) == shape(html_release(PAGE_000).blocks)

    again = ingest(str(page_path))
    assert again.exit_code == 0 and f"unchanged {ID_000} (html)" in again.output

    edited = page_path.read_text(encoding="utf-8")
    edited = edited.replace("IOM Focuses on Migrants in Crisis", "IOM Puts Migrants in Crisis First")
    edited = edited.replace("run until 5th March.", "run until 5 March.")
    page_path.write_text(edited, encoding="utf-8")
    updated = ingest(str(page_path))
    assert updated.exit_code == 0, updated.output
    assert f"updated {ID_000} (html)" in updated.output
    assert [p.name for p in (workspace / "l10n" / "releases").iterdir()] == [f"{ID_000}.md"]
    rewritten = read_release(release_file)
    assert rewritten.title.startswith("IOM Puts Migrants in Crisis First")
    assert any("run until 5 March." in b.text for b in rewritten.blocks)


def test_cli_reports_a_bad_page_and_still_ingests_the_others(workspace: Path, ingest) -> None:
    good = workspace / "pages" / PAGE_003.name
    shutil.copyfile(PAGE_003, good)
    bad = workspace / "pages" / "broken.html"
    bad.write_bytes(b"<html>\n<body>\n<p>caf\xe9</p></body></html>")

    result = ingest(str(bad), str(good))
    assert result.exit_code == 2
    assert f"{bad}:3: not valid utf-8" in result.stderr
    assert "created iom-trains-iraq-government-authorities-in-migration-crisis (html)" in result.stdout
    assert [p.name for p in (workspace / "l10n" / "releases").iterdir()] == [
        "iom-trains-iraq-government-authorities-in-migration-crisis.md"
    ]


def test_cli_reads_html_by_content_or_by_format_option(workspace: Path, ingest) -> None:
    sniffed = workspace / "pages" / "amman.page"
    shutil.copyfile(PAGE_000, sniffed)
    forced = workspace / "pages" / "cairo.txt"
    forced.write_bytes(b"<p>Cairo - IOM held a briefing.</p>")
    assert "(html)" in ingest(str(sniffed)).output
    result = ingest("--format", "html", str(forced))
    assert result.exit_code == 0 and "created iom-held-a-briefing (html)" in result.output
