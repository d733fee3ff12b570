"""Reader for HTML pages: one release per page, read from its article with the site's chrome dropped."""

from __future__ import annotations

import codecs
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import lxml.html
from lxml import etree

from presslate.errors import IngestError
from presslate.ingest.common import (
    PageRelease,
    chrome_labels,
    find_dateline,
    is_chrome_line,
    is_contact_start,
    is_heading,
    lead_text,
    looks_like_title,
    normalise_space,
    page_text,
)
from presslate.models import Block, BlockKind, Release

PRESCAN_BYTES = 4096
MAX_EMPHASIS_HEADING_WORDS = 12
MAX_SITE_SUFFIX_WORDS = 6

# Elements that are never release text, wherever they are.
DROPPED_TAGS = frozenset({
    "nav", "footer", "aside", "script", "style", "noscript", "form", "template", "iframe", "object", "embed",
    "svg", "math", "canvas", "button", "select", "input", "textarea", "dialog", "menu", "figure", "video",
    "audio", "picture", "map", "link", "meta", "title",
})
# Elements whose start and end cut the text into separate blocks; everything else is inline.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html",
    "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
    "ul",
})
HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
EMPHASIS_TAGS = frozenset({"strong", "b"})
CONTAINER_TAGS = frozenset({"article", "main"})
CHROME_ROLES = frozenset({
    "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu",
    "menubar", "toolbar",
})
# A class or id that starts with one of these names marks site chrome (``cookie-banner``, ``nav-main``).
_CHROME_PREFIX_RE = re.compile(
    r"^(?:nav|navbar|navigation|menu|main-menu|mega-menu|sidebar|related|toolbar|site-header|site-footer|"
    r"visually-hidden|sr-only|screen-reader-text|element-invisible|skip|btn|button)(?:$|[-_])",
    re.I,
)
# A class or id with one of these words anywhere between ``-``/``_`` marks site chrome (``field--name-tags``).
_CHROME_WORDS = frozenset({
    "breadcrumb", "breadcrumbs", "cookie", "cookies", "consent", "gdpr", "share", "sharing", "sharethis",
    "addthis", "social", "newsletter", "subscribe", "tags", "pagination", "pager",
})
# ... and these mark the page's date and byline display, dropped once the date is read.
_METADATA_WORDS = frozenset({"date", "byline"})
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)

_META_CHARSET_RE = re.compile(rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*(?P<label>[-\w.:]+)""", re.I)
_XML_ENCODING_RE = re.compile(rb"""^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["'](?P<label>[-\w.:]+)["']""", re.I)
_DECLARATIONS = ((_META_CHARSET_RE, "declared by <meta charset>"), (_XML_ENCODING_RE, "declared by <?xml encoding?>"))
_WINDOWS_1252_ALIASES = frozenset({"ascii", "latin-1", "iso8859-1"})  # as browsers read them (WHATWG)
_DOCTYPE_SUBSET_RE = re.compile(r"<!DOCTYPE\b[^>\[]*\[", re.I)
_ENTITY_DECLARATION_RE = re.compile(r"<!ENTITY\b", re.I)
# Zero-width characters, soft hyphens and C0 controls other than white space never reach a release.

_ISO_DATE_RE = re.compile(r"^\s*(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:$|[T\s])")
_TEXT_DATE_RE = re.compile(r"^(?:[A-Za-z]+,?\s+)?(?:\d{1,2}\s+[A-Za-z]+\.?|[A-Za-z]+\.?\s+\d{1,2},?)\s+\d{4}$")
_TEXT_DATE_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%A, %d %B %Y", "%A %d %B %Y")
_DATE_METAS = (
    ("property", "article:published_time"),
    ("name", "date"),
    ("name", "dcterms.date"),
    ("name", "DC.date.issued"),
    ("itemprop", "datePublished"),
)
_TITLE_PIPE_RE = re.compile(r"\s+(?:\||::|·|»)\s+")
_TITLE_DASH_RE = re.compile(r"\s+[-–—]\s+")
_SITE_NAME_RE = re.compile(
    r"^(?:IOM(?:\s+[A-Z][\w’'.-]*)?|(?:IOM\s*[-–—]?\s*)?UN Migration"
    r"|International Organi[sz]ation for Migration)$"
)


@dataclass
class _Line:
    """One ``<br>``-separated line of a run, with the page line it starts on."""

    text: str
    line: int


@dataclass
class _Run:
    """The text between two block boundaries: its kind, its lines, and whether all of it is bold."""

    kind: BlockKind
    lines: list[_Line] = field(default_factory=list)
    emphasised: bool = True


def read_html_page(data: bytes, *, path: Path) -> list[PageRelease]:
    """Turn one HTML page into its release: title, date, dateline, body, lists and contact block."""
    text = decode_html(data, path=path)
    refuse_entity_declarations(text, path=path)
    document = parse_html(text, path=path)
    warnings: list[str] = []
    page_title = _page_title(document)
    meta_dates = _meta_dates(document)
    drop_chrome(document)
    body = document.find("body")
    if body is None:
        raise IngestError("no recognisable release: the page has no <body>", path=path, line=1)
    root = content_root(body)
    date = _publication_date(root, meta_dates, warnings)
    drop_page_metadata(root)
    blocks = _strip_chrome_blocks(blocks_from_runs(collect_runs(root)))
    if not any(block.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) for block in blocks):
        raise IngestError(
            "no recognisable release: no paragraph of article text outside the site's navigation",
            path=path,
            line=root.sourceline or 1,
        )
    blocks = _with_title(blocks, root=root, body=body, page_title=page_title)
    release = Release(id="", blocks=blocks, date=date, dateline=find_dateline(blocks), source_format="html")
    slug_text = release.title or lead_text(blocks)
    return [PageRelease(release=release, slug_text=slug_text, line=blocks[0].line or 1, warnings=warnings)]


# --- decoding and parsing -------------------------------------------------------------------------


def decode_html(data: bytes, *, path: Path) -> str:
    """Decode a page with its BOM, ``<meta charset>`` or XML declaration (UTF-8 when none); NFC text."""
    encoding, declared_by, declared_line = _sniff_encoding(data)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise IngestError(
            f"not valid {encoding} ({declared_by}): byte 0x{data[exc.start]:02x} cannot be decoded",
            path=path,
            line=line,
        ) from exc
    except LookupError as exc:
        message = f"{encoding!r} is not a text encoding ({declared_by})"
        raise IngestError(message, path=path, line=declared_line) from exc
    return page_text(text.lstrip("\ufeff"), path=path)


def _sniff_encoding(data: bytes) -> tuple[str, str, int]:
    """(codec, what declared it, line of the declaration)."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8", "byte order mark", 1
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", "byte order mark", 1
    head = data[:PRESCAN_BYTES]
    for pattern, declared_by in _DECLARATIONS:
        found = pattern.search(head)
        if found:
            label = found["label"].decode("ascii", "replace")
            line = head[: found.start()].count(b"\n") + 1
            return _codec_for_label(label), declared_by, line
    return "utf-8", "no <meta charset>, read as UTF-8", 1


def _codec_for_label(label: str) -> str:
    """Python codec for a declared charset, read the way browsers read it."""
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return label  # decoding reports the unknown label with its line
    if name in _WINDOWS_1252_ALIASES:
        return "cp1252"
    if name.startswith(("utf-16", "utf-32")):
        return "utf-8"  # a page readable enough to declare this in ASCII is not UTF-16
    return name


def refuse_entity_declarations(text: str, *, path: Path) -> None:
    """Refuse DOCTYPE internal subsets and ``<!ENTITY>`` declarations: entities are never expanded."""
    for pattern in (_DOCTYPE_SUBSET_RE, _ENTITY_DECLARATION_RE):
        found = pattern.search(text)
        if found:
            line = text.count("\n", 0, found.start()) + 1
            raise IngestError(
                "the page declares entities (a DOCTYPE internal subset or <!ENTITY>); "
                "presslate never expands them: remove the declaration",
                path=path,
                line=line,
            )


def parse_html(text: str, *, path: Path) -> lxml.html.HtmlElement:
    """Parse with a hardened HTML parser: no network, no DTD, comments and processing instructions dropped."""
    parser = lxml.html.HTMLParser(
        encoding="utf-8",
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        default_doctype=False,
        huge_tree=False,
    )
    try:
        return lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except etree.ParserError as exc:  # nothing but comments or a declaration
        raise IngestError("no recognisable release: the page has no elements or text", path=path, line=1) from exc
    except etree.XMLSyntaxError as exc:
        raise IngestError(f"cannot parse HTML: {exc}", path=path, line=getattr(exc, "lineno", None) or 1) from exc


# --- site chrome and the content root -------------------------------------------------------------


def drop_chrome(document: lxml.html.HtmlElement) -> None:
    """Remove navigation, site header and footer, sidebars, scripts, forms, banners and hidden elements."""
    doomed = [element for element in document.iter() if isinstance(element.tag, str) and is_chrome(element)]
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()


def is_chrome(element: lxml.html.HtmlElement) -> bool:
    """True for an element that is part of the site around the release, not of the release."""
    tag = element.tag
    if tag in ("html", "body", "head"):
        return False
    if tag in DROPPED_TAGS:
        return True
    if tag == "header":
        return not any(_is_container(ancestor) for ancestor in element.iterancestors())
    if (element.get("role") or "").strip().lower() in CHROME_ROLES:
        return True
    if element.get("hidden") is not None or (element.get("aria-hidden") or "").strip().lower() == "true":
        return True
    if _HIDDEN_STYLE_RE.search(element.get("style") or ""):
        return True
    return tag not in CONTAINER_TAGS and _has_chrome_name(element)


def _is_container(element: lxml.html.HtmlElement) -> bool:
    return element.tag in CONTAINER_TAGS or (element.get("role") or "").strip().lower() == "main"


def _has_chrome_name(element: lxml.html.HtmlElement) -> bool:
    return any(_CHROME_PREFIX_RE.match(name) for name in _names(element)) or _has_class_word(element, _CHROME_WORDS)


def _has_class_word(element: lxml.html.HtmlElement, words: frozenset[str]) -> bool:
    """True when a ``-``/``_`` separated word of the element's class or id is one of ``words``."""
    return any(words.intersection(re.split(r"[-_]+", name.lower())) for name in _names(element))


def _names(element: lxml.html.HtmlElement) -> list[str]:
    return (element.get("class") or "").split() + (element.get("id") or "").split()


def content_root(body: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The element holding the release: its ``<article>``, else ``<main>``, else the whole body."""
    mains = body.xpath(".//main | .//*[@role='main']")
    container = mains[0] if mains else body
    articles = [a for a in container.iter("article") if not any(p.tag == "article" for p in a.iterancestors())]
    if articles:
        best = max(articles, key=_text_length)
        if 2 * _text_length(best) >= _text_length(container):
            return best
    return container


def _text_length(element: lxml.html.HtmlElement) -> int:
    return sum(len(text.strip()) for text in element.itertext())


# --- title and date -------------------------------------------------------------------------------


def _page_title(document: lxml.html.HtmlElement) -> str | None:
    """``<title>`` without the site's name (`` | IOM``, `` - International Organization for Migration``)."""
    found = document.find(".//title")
    if found is None:
        return None
    site_names = {
        normalise_space(value).casefold()
        for value in document.xpath("//meta[@property='og:site_name' or @name='application-name']/@content")
    }
    title = strip_site_name(normalise_space(found.text_content()), site_names=site_names)
    return title if title and title.lower() not in chrome_labels() else None


def strip_site_name(title: str, *, site_names: set[str] | frozenset[str] = frozenset()) -> str:
    """``"Title | IOM"`` -> ``"Title"``: drop short parts after ``|``-like separators, or site names after dashes."""

    def is_site_name(part: str) -> bool:
        return part.casefold() in site_names or bool(_SITE_NAME_RE.match(part))

    def is_short(part: str) -> bool:
        return len(part.split()) <= MAX_SITE_SUFFIX_WORDS

    while True:
        shorter = _cut_site_part(title, _TITLE_PIPE_RE, is_site_name=is_site_name, is_other_chrome=is_short)
        if shorter is None:
            shorter = _cut_site_part(title, _TITLE_DASH_RE, is_site_name=is_site_name, is_other_chrome=lambda _: False)
        if shorter is None:
            return title.strip()
        title = shorter


def _cut_site_part(title: str, separator: re.Pattern[str], *, is_site_name: Callable[[str], bool],
                   is_other_chrome: Callable[[str], bool]) -> str | None:
    """The title without its last part (or first), when that part is the site's; None when nothing is cut.

    A site name is cut wherever it stands; another short last part ("News") only when the rest is longer.
    """
    matches = list(separator.finditer(title))
    if not matches:
        return None
    head, tail = title[: matches[-1].start()], title[matches[-1].end() :]
    if is_site_name(tail) or (is_other_chrome(tail) and len(head) > len(tail)):
        return head
    lead, rest = title[: matches[0].start()], title[matches[0].end() :]
    if is_site_name(lead):
        return rest
    return None


def _meta_dates(document: lxml.html.HtmlElement) -> list[tuple[str, int]]:
    """Publication dates from ``<meta>`` (value, line), in order of trust."""
    found: list[tuple[str, int]] = []
    for attribute, name in _DATE_METAS:
        for meta in document.xpath(f"//meta[@{attribute}=$name]", name=name):
            value = meta.get("content") or meta.get("datetime") or ""
            if value.strip():
                found.append((value, meta.sourceline or 1))
    return found


def _publication_date(
    root: lxml.html.HtmlElement, meta_dates: list[tuple[str, int]], warnings: list[str]
) -> dt.date | None:
    """A standalone ``<time>`` of the article, else ``article:published_time``, else ``<meta name=date>``."""
    candidates = [
        (element.get("datetime") or element.text_content(), element.sourceline or 1)
        for element in root.iter("time")
        if not _inside_text_block(element)
    ]
    for value, line in [*candidates, *meta_dates]:
        parsed = parse_date(value)
        if parsed is not None:
            return parsed
        warnings.append(f"line {line}: ignored date {normalise_space(value)!r} (not YYYY-MM-DD or '3 March 2015')")
    return None


def _inside_text_block(element: lxml.html.HtmlElement) -> bool:
    """True for a ``<time>`` inside a sentence (a date the text mentions, not the page's date)."""
    block = _nearest_block(element)
    return block is not None and block.tag in ("p", "li", "blockquote", "td") and (
        normalise_space(block.text_content()) != normalise_space(element.text_content())
    )


def _nearest_block(element: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    return next((ancestor for ancestor in element.iterancestors() if ancestor.tag in BLOCK_TAGS), None)


def parse_date(value: str) -> dt.date | None:
    """``2015-03-03``, ``2015-03-03T09:00:00+02:00`` or ``3 March 2015`` -> date; None otherwise."""
    text = normalise_space(value)
    iso = _ISO_DATE_RE.match(text)
    try:
        if iso:
            return dt.date(int(iso["y"]), int(iso["m"]), int(iso["d"]))
    except ValueError:
        return None
    if not _TEXT_DATE_RE.match(text):
        return None
    for pattern in _TEXT_DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def drop_page_metadata(root: lxml.html.HtmlElement) -> None:
    """Remove the date display: ``<time>`` that is all the text of its block, ``class="date"``, bylines."""
    doomed = [
        element for element in root.iter()
        if element is not root and isinstance(element.tag, str) and (
            (element.tag == "time" and not _inside_text_block(element))
            or (element.tag not in CONTAINER_TAGS and _has_class_word(element, _METADATA_WORDS))
        )
    ]
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()


def _with_title(
    blocks: list[Block], *, root: lxml.html.HtmlElement, body: lxml.html.HtmlElement, page_title: str | None
) -> list[Block]:
    """Blocks with a title: the article's ``<h1>``, else one near it, else ``<title>``, else a headline lead."""
    if any(block.kind is BlockKind.TITLE for block in blocks):
        return blocks
    for element in (h1 for h1 in body.iter("h1") if root not in h1.iterancestors()):
        text = normalise_space(element.text_content())
        if text:
            return [Block(BlockKind.TITLE, text, element.sourceline or 1), *blocks]
    if page_title:
        return [Block(BlockKind.TITLE, page_title, 1), *blocks]
    first = blocks[0]
    if first.kind is BlockKind.PARAGRAPH and looks_like_title(first.text) and len(blocks) > 1:
        return [Block(BlockKind.TITLE, first.text, first.line), *blocks[1:]]
    return blocks


# --- text runs and blocks -------------------------------------------------------------------------


class _RunCollector:
    """Walks the content tree and cuts its text into runs at block boundaries and into lines at ``<br>``."""

    def __init__(self) -> None:
        self.runs: list[_Run] = []
        self._run = _Run(BlockKind.PARAGRAPH)
        self._parts: list[str] = []
        self._line = 0
        self._line_has_text = False

    def walk(self, element: lxml.html.HtmlElement, kind: BlockKind, emphasised: bool) -> None:
        """Add the text of ``element`` and its descendants; ``kind`` and ``emphasised`` come from its ancestors."""
        tag = element.tag
        if not isinstance(tag, str):
            return
        if tag == "br":
            self._end_line()
            return
        is_block = tag in BLOCK_TAGS
        if is_block:
            self.flush()
            kind = _kind_of(tag, kind)
        if tag == "header":
            self._walk_header(element)
            return
        emphasised = emphasised or tag in EMPHASIS_TAGS
        self._add(element.text, element.sourceline, kind, emphasised)
        for child in element:
            self.walk(child, kind, emphasised)
            self._add(child.tail, child.sourceline, kind, emphasised)
        if is_block:
            self.flush()

    def _walk_header(self, header: lxml.html.HtmlElement) -> None:
        """An article's ``<header>`` gives its headings only; bylines, dates and labels are not release text."""
        for heading in header.iter(*HEADING_TAGS):
            if not any(parent.tag in HEADING_TAGS for parent in heading.iterancestors()):
                self.walk(heading, BlockKind.PARAGRAPH, False)

    def _add(self, text: str | None, line: int | None, kind: BlockKind, emphasised: bool) -> None:
        if not text:
            return
        if text.strip():
            if not self._line_has_text:
                if not any(previous.text for previous in self._run.lines):
                    self._run.kind = kind
                leading = len(text) - len(text.lstrip())
                self._line = (line or 1) + text.count("\n", 0, leading)
                self._line_has_text = True
            self._run.emphasised = self._run.emphasised and emphasised
        self._parts.append(text)

    def _end_line(self) -> None:
        self._run.lines.append(_Line(normalise_space("".join(self._parts)), self._line))
        self._parts = []
        self._line_has_text = False

    def flush(self) -> None:
        """End the current run; keep it when it holds text (blank lines inside it stay as group breaks)."""
        self._end_line()
        lines = self._run.lines
        while lines and not lines[0].text:
            lines.pop(0)
        while lines and not lines[-1].text:
            lines.pop()
        if lines:
            self.runs.append(self._run)
        self._run = _Run(BlockKind.PARAGRAPH)


def _kind_of(tag: str, inherited: BlockKind) -> BlockKind:
    if tag == "h1":
        return BlockKind.TITLE
    if tag in HEADING_TAGS:
        return BlockKind.HEADING
    if tag == "li":
        return BlockKind.LIST_ITEM
    return inherited


def collect_runs(root: lxml.html.HtmlElement) -> list[_Run]:
    """The runs of text of the content root, in document order."""
    collector = _RunCollector()
    collector.walk(root, BlockKind.PARAGRAPH, False)
    collector.flush()
    return collector.runs


def blocks_from_runs(runs: list[_Run]) -> list[Block]:
    """Blocks from runs: the first ``<h1>`` is the title; from "For more information" on, every line is a contact.

    In the contact block each run (a ``<p>``, an ``<li>``) and each blank line (``<br><br>``) opens a new group.
    """
    blocks: list[Block] = []
    group: int | None = None
    for run in runs:
        lines = run.lines
        if group is None:
            start = _contact_start(run)
            if start is None:
                blocks.extend(_run_blocks(run, has_title=any(b.kind is BlockKind.TITLE for b in blocks)))
                continue
            if start:
                blocks.extend(_paragraph_blocks(_Run(run.kind, lines[:start], run.emphasised)))
            lines, group = lines[start:], -1
        group += 1
        for index, line in enumerate(lines):
            if not line.text:
                continue
            if index and not lines[index - 1].text:
                group += 1
            blocks.append(Block(BlockKind.CONTACT, line.text, line.line, group))
    return blocks


def _contact_start(run: _Run) -> int | None:
    """Index of the line of ``run`` that opens the contact block, if one does."""
    if run.kind is BlockKind.PARAGRAPH:
        return next((i for i, line in enumerate(run.lines) if is_contact_start(line.text)), None)
    return 0 if is_contact_start(_joined(run)) else None


def _joined(run: _Run) -> str:
    return " ".join(line.text for line in run.lines if line.text)


def _run_blocks(run: _Run, *, has_title: bool) -> list[Block]:
    """A heading or list item is one block (``<br>`` inside it is a soft break); a paragraph gives one per line."""
    line = run.lines[0].line
    if run.kind is BlockKind.TITLE:
        return [Block(BlockKind.HEADING if has_title else BlockKind.TITLE, _joined(run), line)]
    if run.kind in (BlockKind.HEADING, BlockKind.LIST_ITEM):
        return [Block(run.kind, _joined(run), line)]
    return _paragraph_blocks(run)


def _paragraph_blocks(run: _Run) -> list[Block]:
    """One block per line of a paragraph run; an all-capitals or all-bold short line is a heading.

    A line that is only a date is the page's date display and is left out.
    """
    lines = [line for line in run.lines if line.text]
    blocks = []
    for line in lines:
        if parse_date(line.text) is not None:
            continue
        bold_heading = (
            run.emphasised
            and len(lines) == 1
            and looks_like_title(line.text)
            and len(line.text.split()) <= MAX_EMPHASIS_HEADING_WORDS
        )
        kind = BlockKind.HEADING if is_heading(line.text) or bold_heading else BlockKind.PARAGRAPH
        blocks.append(Block(kind, line.text, line.line))
    return blocks


def _strip_chrome_blocks(blocks: list[Block]) -> list[Block]:
    """Drop menu labels left at the top ("Who we are", "News") and bottom of the content."""
    texts = [block.text for block in blocks]
    start = 0
    while start < len(blocks) and blocks[start].kind is not BlockKind.CONTACT:
        previous = texts[start - 1] if start else None
        following = texts[start + 1] if start + 1 < len(texts) else None
        if not is_chrome_line(texts[start], previous=previous, following=following):
            break
        start += 1
    end = len(blocks)
    while end > start and blocks[end - 1].kind is not BlockKind.CONTACT and texts[end - 1].lower() in chrome_labels():
        end -= 1
    return blocks[start:end]


