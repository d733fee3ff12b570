"""Plain data model of releases, blocks and segments (no I/O)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import Enum

RELEASE_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class BlockKind(str, Enum):
    """What part of a release a block is."""

    TITLE = "title"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list-item"
    CONTACT = "contact"


@dataclass(frozen=True)
class Block:
    """One structural unit of a release body: a title, heading, paragraph, list item or contact line.

    ``line`` is the 1-based line of the block in its release file; ``group`` numbers the
    blank-line separated groups of the contact block (0 elsewhere).
    """

    kind: BlockKind
    text: str
    line: int = 0
    group: int = 0


@dataclass
class Release:
    """A source release: metadata from the front matter and the body as blocks."""

    id: str
    blocks: list[Block] = field(default_factory=list)
    date: dt.date | None = None
    dateline: str | None = None
    source: str | None = None
    source_format: str | None = None
    part: int | None = None
    posted: dt.date | None = None
    titles: dict[str, str] = field(default_factory=dict)
    backlinks: dict[str, str] = field(default_factory=dict)

    @property
    def title(self) -> str | None:
        """The source-language title: the text of the title block, if any."""
        for block in self.blocks:
            if block.kind is BlockKind.TITLE:
                return block.text
        return None


class SegmentRole(str, Enum):
    """Where a segment sits, as told to translators."""

    TITLE = "title"
    DATELINE = "dateline"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list-item"
    CONTACT = "contact"


@dataclass(frozen=True)
class Segment:
    """One sentence-sized unit of translation.

    ``block`` indexes ``Release.blocks``; ``ordinal`` is the 1-based sentence number within
    the block; ``separator`` is the source text between the previous segment of the same
    block and this one ("" for the first); ``no_translate`` marks emails, phones, URLs and
    names that are published verbatim.
    """

    text: str
    role: SegmentRole
    block: int
    ordinal: int
    line: int
    separator: str = ""
    no_translate: bool = False
    position: int = 0

    def describe(self) -> str:
        """Where the segment sits, for translators: ``title``, ``paragraph 3, sentence 2``, ``contact line 4``."""
        if self.role in (SegmentRole.TITLE, SegmentRole.DATELINE):
            return self.role.value
        if self.role is SegmentRole.PARAGRAPH:
            return f"paragraph {self.position}, sentence {self.ordinal}"
        label = {SegmentRole.LIST_ITEM: "list item", SegmentRole.CONTACT: "contact line"}.get(self.role, self.role.value)
        where = f"{label} {self.position}"
        return where if self.ordinal <= 1 else f"{where}, sentence {self.ordinal}"
