"""Reader for scraped text pages: one release per page, wrapped in the site's navigation."""

from __future__ import annotations

from pathlib import Path

from presslate.errors import IngestError
from presslate.ingest.common import (
    PageRelease,
    body_blocks,
    find_dateline,
    is_heading,
    lead_text,
    looks_like_title,
    strip_chrome,
)
from presslate.models import Block, BlockKind, Release


def read_text_page(text: str, *, path: Path) -> list[PageRelease]:
    """Turn one scraped page into its release: chrome dropped, title, body and contact block kept."""
    numbered = [(number, line) for number, line in enumerate(text.split("\n"), start=1) if line.strip()]
    content = strip_chrome(numbered)
    if not content:
        raise IngestError("no recognisable release: the page holds only site navigation", path=path, line=1)
    blocks = body_blocks(content)
    if not any(block.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) for block in blocks):
        raise IngestError("no recognisable release: no paragraph of text after the navigation", path=path, line=content[0][0])
    first = blocks[0]
    if first.kind is BlockKind.PARAGRAPH and looks_like_title(first.text) and len(blocks) > 1:
        blocks[0] = Block(BlockKind.TITLE, first.text, first.line)
    release = Release(id="", blocks=blocks, dateline=find_dateline(blocks), source_format="text")
    return [PageRelease(release=release, slug_text=_slug_text(blocks), line=content[0][0])]


def _slug_text(blocks: list[Block]) -> str:
    """Title if any, else the longest capitalised heading of four words or more, else the lead."""
    for block in blocks:
        if block.kind is BlockKind.TITLE:
            return block.text
    headings = [b.text for b in blocks if b.kind is BlockKind.HEADING and is_heading(b.text) and len(b.text.split()) >= 4]
    if headings:
        return max(headings, key=len)
    return lead_text(blocks)
