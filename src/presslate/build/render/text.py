"""Plain-text pages in the mirror format: title line, paragraphs, contacts, posting line, back-link."""

from __future__ import annotations

from presslate.build.model import IndexPage, PageBlockKind, ReleasePage


def render_release(page: ReleasePage, extension: str) -> str:
    """A release page as the mirror pages write it (``(2014/9/9) <title>`` then the text)."""
    paragraphs: list[str] = []
    if page.title_line:
        paragraphs.append(page.title_line)
    for block in page.blocks:
        if block.kind is PageBlockKind.LIST:
            paragraphs.append("\n".join(f"- {line.text}" for line in block.lines))
        else:
            paragraphs.append("\n".join(line.text for line in block.lines))
    paragraphs += [line for line in (page.posted_line, page.backlink) if line]
    return "\n\n".join(paragraphs) + "\n"


def render_index(index: IndexPage, extension: str) -> str:
    """The list of releases, newest first: date and title, then the file name."""
    paragraphs = [index.heading]
    for entry in index.entries:
        head = f"{entry.date_text} — {entry.title}" if entry.date_text else entry.title
        paragraphs.append(f"{head}\n{entry.release_id}.{extension}")
    return "\n\n".join(paragraphs) + "\n"
