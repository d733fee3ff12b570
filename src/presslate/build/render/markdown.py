"""Markdown pages; every text is escaped so that no translation can become markup or a link."""

from __future__ import annotations

import re

from presslate.build.model import IndexPage, PageBlockKind, ReleasePage

_SPECIAL_RE = re.compile(r"([\\`*_\[\]<>&#~|!])")
_LINE_START_RE = re.compile(r"^(?:[-+=]|\d+[.)](?=\s|$))")


def escape_markdown(text: str) -> str:
    """Text that a Markdown renderer shows as it is: punctuation that means markup gets a backslash."""
    escaped = _SPECIAL_RE.sub(r"\\\1", text)
    start = _LINE_START_RE.match(escaped)
    if start:
        marker = start.group(0)
        escaped = (f"\\{escaped}" if not marker[0].isdigit()
                   else f"{marker[:-1]}\\{marker[-1]}{escaped[len(marker):]}")
    return escaped


def render_release(page: ReleasePage, extension: str) -> str:
    """A release page: ``#`` title, date, paragraphs, ``##`` headings, lists, contact block, posting line, back-link."""
    out: list[str] = []
    if page.title_line:
        out.append(f"# {escape_markdown(page.title_line)}")
    if page.date_text:
        out.append(f"*{escape_markdown(page.date_text)}*")
    for block in page.blocks:
        texts = [escape_markdown(line.text) for line in block.lines]
        if block.kind is PageBlockKind.HEADING:
            out.append(f"## {texts[0]}")
        elif block.kind is PageBlockKind.LIST:
            out.append("\n".join(f"- {text}" for text in texts))
        elif block.kind is PageBlockKind.CONTACT:
            out.append("\\\n".join(texts))
        else:
            out.append(texts[0])
    if page.posted_line:
        out.append(escape_markdown(page.posted_line))
    if page.backlink:
        out.append(f"[{escape_markdown(page.backlink)}](index.{extension})")
    return "\n\n".join(out) + "\n"


def render_index(index: IndexPage, extension: str) -> str:
    """The list of releases, newest first, each a link with its date."""
    out = [f"# {escape_markdown(index.heading)}"]
    items = []
    for entry in index.entries:
        link = f"[{escape_markdown(entry.title)}]({entry.release_id}.{extension})"
        items.append(f"- {link} ({escape_markdown(entry.date_text)})" if entry.date_text else f"- {link}")
    if items:
        out.append("\n".join(items))
    return "\n\n".join(out) + "\n"
