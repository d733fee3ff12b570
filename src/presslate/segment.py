"""Turn a release's blocks into translation segments: sentences, datelines and no-translate lines."""

from __future__ import annotations

import re

from presslate.ingest.common import split_dateline
from presslate.models import Block, BlockKind, Release, Segment, SegmentRole
from presslate.sentences import is_no_translate, split_sentences

_ROLE_OF_KIND = {
    BlockKind.TITLE: SegmentRole.TITLE,
    BlockKind.HEADING: SegmentRole.HEADING,
    BlockKind.PARAGRAPH: SegmentRole.PARAGRAPH,
    BlockKind.LIST_ITEM: SegmentRole.LIST_ITEM,
    BlockKind.CONTACT: SegmentRole.CONTACT,
}
_NAME_WORD_RE = re.compile(r"^(?:[A-ZÀ-Ý][\w’'.-]*|[A-Z]{2,}|de|del|da|van|von|al|el|bin|la|le)$")


def segment_release(release: Release, *, lang: str = "en") -> list[Segment]:
    """All segments of a release in document order (no-translate ones included, marked)."""
    segments: list[Segment] = []
    positions: dict[BlockKind, int] = {}
    first_paragraph = True
    for index, block in enumerate(release.blocks):
        positions[block.kind] = positions.get(block.kind, 0) + 1
        position = positions[block.kind]
        if block.kind is BlockKind.PARAGRAPH and first_paragraph:
            first_paragraph = False
            segments += _paragraph_with_dateline(block, index, position, lang)
        else:
            segments += segment_block(block, index=index, position=position, lang=lang)
    return segments


def segment_block(block: Block, *, index: int, position: int, lang: str = "en") -> list[Segment]:
    """The segments of one block: titles, headings and contact lines stay whole, the rest is split."""
    role = _ROLE_OF_KIND[block.kind]
    if block.kind in (BlockKind.TITLE, BlockKind.HEADING, BlockKind.CONTACT):
        no_translate = is_no_translate(block.text) or (block.kind is BlockKind.CONTACT and looks_like_name(block.text))
        return [Segment(block.text, role, index, 1, block.line, "", no_translate, position)]
    return _sentences(block.text, role=role, index=index, line=block.line, position=position, lang=lang)


def _paragraph_with_dateline(block: Block, index: int, position: int, lang: str) -> list[Segment]:
    found = split_dateline(block.text)
    if not found:
        return segment_block(block, index=index, position=position, lang=lang)
    place, separator = found
    rest = block.text[len(place) + len(separator) :]
    dateline = Segment(place, SegmentRole.DATELINE, index, 0, block.line, "", False, position)
    body = _sentences(rest, role=SegmentRole.PARAGRAPH, index=index, line=block.line, position=position, lang=lang)
    if body:
        first = body[0]
        body[0] = Segment(first.text, first.role, first.block, first.ordinal, first.line, separator, first.no_translate, position)
    return [dateline, *body]


def _sentences(text: str, *, role: SegmentRole, index: int, line: int, position: int, lang: str) -> list[Segment]:
    segments = []
    previous_end = 0
    for ordinal, (start, end) in enumerate(split_sentences(text, lang), start=1):
        sentence = text[start:end]
        separator = text[previous_end:start] if ordinal > 1 else ""
        segments.append(Segment(sentence, role, index, ordinal, line, separator, is_no_translate(sentence), position))
        previous_end = end
    return segments


def looks_like_name(text: str) -> bool:
    """A contact line that is only a name (``Susan Megy``, ``IOM Erbil``): short, capitalised, no sentence."""
    words = text.split()
    if not 1 <= len(words) <= 5 or text.rstrip().endswith((".", ":", "!", "?", ",")):
        return False
    return any(w[0].isupper() for w in words) and all(_NAME_WORD_RE.match(word) for word in words)


def translatable(segments: list[Segment]) -> list[Segment]:
    """Segments that go into catalogs (no-translate ones are published verbatim)."""
    return [segment for segment in segments if not segment.no_translate]
