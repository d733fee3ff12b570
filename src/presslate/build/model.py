"""What a build produces, as plain data: translated release pages and index pages (no I/O, no markup)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum


class PageBlockKind(str, Enum):
    """The structural parts of a release page body."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST = "list"
    CONTACT = "contact"


@dataclass(frozen=True)
class PageLine:
    """One line of a page block; ``fallback`` when it is untranslated source text (mirror builds)."""

    text: str
    fallback: bool = False


@dataclass(frozen=True)
class PageBlock:
    """A heading or paragraph (one line), a list (one line per item) or one group of the contact block."""

    kind: PageBlockKind
    lines: tuple[PageLine, ...]


@dataclass(frozen=True)
class Coverage:
    """How much of a release's translatable text has a usable translation, by segments and by source words."""

    translated_segments: int = 0
    total_segments: int = 0
    translated_words: int = 0
    total_words: int = 0
    drafts: int = 0

    @property
    def percent(self) -> float:
        """Share of source words translated (a release with nothing to translate is 100 %)."""
        return 100.0 if self.total_words == 0 else 100.0 * self.translated_words / self.total_words

    def add(self, *, words: int, translated: bool, draft: bool = False) -> Coverage:
        """A copy counting one more segment."""
        return Coverage(
            translated_segments=self.translated_segments + int(translated),
            total_segments=self.total_segments + 1,
            translated_words=self.translated_words + (words if translated else 0),
            total_words=self.total_words + words,
            drafts=self.drafts + int(draft),
        )


@dataclass(frozen=True)
class ReleasePage:
    """One release rebuilt in one language, ready for a renderer."""

    release_id: str
    lang: str
    source_language: str
    title: str | None
    title_line: str | None
    date: dt.date | None
    date_text: str | None
    blocks: tuple[PageBlock, ...]
    posted_line: str | None = None
    posted_locale: str | None = None
    backlink: str | None = None
    title_fallback: bool = False
    part: int = 0
    coverage: Coverage = field(default_factory=Coverage)

    @property
    def sort_key(self) -> tuple:
        """Newest first; undated releases last; a page's releases in page order; then by id."""
        return (self.date is None, -(self.date.toordinal() if self.date else 0), self.part, self.release_id)


@dataclass(frozen=True)
class IndexEntry:
    """One line of an index page."""

    release_id: str
    title: str
    date: dt.date | None
    date_text: str | None
    title_fallback: bool = False
    source_language: str = "en"


@dataclass(frozen=True)
class IndexPage:
    """The list of a language's releases, newest first."""

    lang: str
    heading: str
    entries: tuple[IndexEntry, ...]
