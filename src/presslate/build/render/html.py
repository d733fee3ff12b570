"""HTML5 pages built as lxml trees: text is escaped by construction, no script, no style sheet, no remote URL."""

from __future__ import annotations

import re

import lxml.html
from lxml.html.builder import E
from lxml.html import HtmlElement

from presslate.build.model import IndexPage, PageBlock, PageBlockKind, PageLine, ReleasePage
from presslate.languages import is_rtl

DOCTYPE = "<!DOCTYPE html>"
# Characters XML (and so lxml) refuses: C0 controls other than tab, newline, carriage return.
_UNSAFE_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def html_lang(code: str) -> str:
    """A BCP 47 tag for ``lang`` attributes: ``pt_BR`` -> ``pt-BR``."""
    return code.replace("_", "-")


def safe_text(text: str) -> str:
    """Text without the control characters HTML cannot carry."""
    return _UNSAFE_RE.sub("", text)


def render_release(page: ReleasePage, extension: str) -> str:
    """A release page: ``h1`` title, date, paragraphs, headings, lists, an ``address`` contact block, back-link."""
    article = E.article()
    if page.title_line:
        heading = _append(article, E.h1(safe_text(page.title_line)))
        if page.title_fallback:
            _mark_language(heading, page.source_language, page)
    if page.date and page.date_text:
        _append(article, E.p(E.time(safe_text(page.date_text), datetime=page.date.isoformat()), {"class": "date"}))
    contact: HtmlElement | None = None
    for block in page.blocks:
        if block.kind is PageBlockKind.CONTACT:
            if contact is None:
                contact = _append(article, E.address())
            _append(contact, _contact_group(block, page))
        else:
            _append(article, _block(block, page))
    if page.posted_line:
        posted = E.p(safe_text(page.posted_line), {"class": "posted"})
        _mark_language(posted, page.posted_locale or page.lang, page)
        _append(article, posted)
    main = E.main()
    _append(main, article)
    body = E.body(_append_tail(main))
    if page.backlink:
        _append(body, E.nav(E.p(E.a(safe_text(page.backlink), href=f"index.{extension}"))))
    return _document(page.lang, page.title_line or page.release_id, body)


def render_index(index: IndexPage, extension: str) -> str:
    """The index page: the releases newest first, each linked, with its date."""
    items = E.ul({"class": "releases"})
    for entry in index.entries:
        link = E.a(safe_text(entry.title), href=f"{entry.release_id}.{extension}")
        if entry.title_fallback:
            _mark_language(link, entry.source_language, index)
        item = E.li(link)
        if entry.date and entry.date_text:
            time = E.time(safe_text(entry.date_text), datetime=entry.date.isoformat())
            time.tail = ""
            item[-1].tail = " "
            item.append(time)
        _append(items, item)
    main = E.main(E.h1(safe_text(index.heading)))
    main[0].tail = "\n"
    if len(items):
        _append(main, items)
    return _document(index.lang, index.heading, E.body(_append_tail(main)))


def _block(block: PageBlock, page: ReleasePage) -> HtmlElement:
    if block.kind is PageBlockKind.LIST:
        element = E.ul()
        for line in block.lines:
            _append(element, _marked(E.li(safe_text(line.text)), line, page))
        return element
    tag = E.h2 if block.kind is PageBlockKind.HEADING else E.p
    line = block.lines[0]
    return _marked(tag(safe_text(line.text)), line, page)


def _contact_group(block: PageBlock, page: ReleasePage) -> HtmlElement:
    paragraph = E.p()
    for position, line in enumerate(block.lines):
        if position:
            paragraph.append(E.br())
        if line.fallback:
            paragraph.append(_marked(E.span(safe_text(line.text)), line, page))
        elif len(paragraph):
            paragraph[-1].tail = (paragraph[-1].tail or "") + safe_text(line.text)
        else:
            paragraph.text = (paragraph.text or "") + safe_text(line.text)
    return paragraph


def _marked(element: HtmlElement, line: PageLine, page: ReleasePage) -> HtmlElement:
    """Mark text left in the source language with its own ``lang`` (and direction on right-to-left pages)."""
    if line.fallback:
        _mark_language(element, page.source_language, page)
    return element


def _mark_language(element: HtmlElement, lang: str, page: ReleasePage | IndexPage) -> None:
    if lang == page.lang:
        return
    element.set("lang", html_lang(lang))
    if is_rtl(lang) != is_rtl(page.lang):
        element.set("dir", "rtl" if is_rtl(lang) else "ltr")


def _document(lang: str, title: str, body: HtmlElement) -> str:
    head = E.head(E.meta(charset="utf-8"), E.meta(name="viewport", content="width=device-width, initial-scale=1"),
                  E.title(safe_text(title)))
    head.text = "\n"
    for element in head:
        element.tail = "\n"
    head.tail = "\n"
    root = E.html(head, body, lang=html_lang(lang))
    root.text = "\n"
    if is_rtl(lang):
        root.set("dir", "rtl")
    return lxml.html.tostring(root, doctype=DOCTYPE, encoding="unicode", method="html") + "\n"


def _append(parent: HtmlElement, child: HtmlElement) -> HtmlElement:
    """Append ``child`` on a line of its own, for readable source; returns ``child``."""
    if len(parent) == 0:
        parent.text = (parent.text or "") + "\n"
    child.tail = "\n"
    parent.append(child)
    return child


def _append_tail(element: HtmlElement) -> HtmlElement:
    element.tail = "\n"
    return element
