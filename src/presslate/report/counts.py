"""Per-file translation counts: message states as GNU gettext counts them, in segments and source words."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, fields
from enum import Enum
from typing import Any

from presslate.catalog.model import Catalog, Message
from presslate.catalog.template import UNSET_REVISION_DATE, UNSET_TRANSLATOR
from presslate.report.words import count_target, count_words

TITLE_PLACE = "title"
# The last header comment sync writes: "Korean translation of the release <id>." (POT: "Source sentences of ...").
_RELEASE_COMMENT_RE = re.compile(r"^(?:Source sentences|.+ translation) of the release [a-z0-9-]+\.$")


class MessageState(str, Enum):
    """Where a message stands; the names are the ones reports and JSON use."""

    TRANSLATED = "translated"
    DRAFT = "draft"
    FUZZY = "fuzzy"
    UNTRANSLATED = "untranslated"
    OBSOLETE = "obsolete"




def message_state(message: Message) -> MessageState:
    """The state of one message, agreeing with ``msgfmt --statistics``.

    Like msgfmt, a message counts as untranslated when its (first) msgstr is empty, fuzzy or not;
    a fuzzy message with text is a ``draft`` when it carries a ``draft:`` comment (machine or
    memory draft awaiting review), else ``fuzzy`` (the source changed since it was translated).
    """
    if message.obsolete:
        return MessageState.OBSOLETE
    first = message.msgstr_plural.get(0, "") if message.msgid_plural is not None else message.msgstr
    if not first:
        return MessageState.UNTRANSLATED
    if message.fuzzy:
        return MessageState.DRAFT if message.draft else MessageState.FUZZY
    return MessageState.TRANSLATED


@dataclass
class Counts:
    """Messages per state, in segments and in source words, plus the size of the translated text."""

    translated: int = 0
    draft: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    obsolete: int = 0
    translated_words: int = 0
    draft_words: int = 0
    fuzzy_words: int = 0
    untranslated_words: int = 0
    obsolete_words: int = 0
    target_count: int = 0

    @property
    def total(self) -> int:
        """Active (non-obsolete) messages."""
        return self.translated + self.draft + self.fuzzy + self.untranslated

    @property
    def total_words(self) -> int:
        return self.translated_words + self.draft_words + self.fuzzy_words + self.untranslated_words

    @property
    def translated_percent(self) -> float:
        """Share translated by source words, 0-100 (100 when there is nothing to translate)."""
        if not self.total_words:  # nothing but numbers or symbols: fall back to segments
            return 100.0 * self.translated / self.total if self.total else 100.0
        return 100.0 * self.translated_words / self.total_words

    @property
    def complete(self) -> bool:
        """Every active message translated and reviewed."""
        return self.translated == self.total

    def add_message(self, state: MessageState, words: int, target: int = 0) -> None:
        name = state.value
        setattr(self, name, getattr(self, name) + 1)
        setattr(self, f"{name}_words", getattr(self, f"{name}_words") + words)
        self.target_count += target

    def add(self, other: Counts) -> None:
        for name in _COUNT_FIELDS:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def segments_dict(self) -> dict[str, int]:
        """Segment counts under the report names, with ``total``."""
        data = {state.value: getattr(self, state.value) for state in MessageState}
        data["total"] = self.total
        return data

    def words_dict(self) -> dict[str, int]:
        """Source-word counts under the report names, with ``total``."""
        data = {state.value: getattr(self, f"{state.value}_words") for state in MessageState}
        data["total"] = self.total_words
        return data


_COUNT_FIELDS = tuple(item.name for item in fields(Counts))


@dataclass
class FileStats:
    """What a status report needs from one PO file: counts, title and who last translated it."""

    counts: Counts = field(default_factory=Counts)
    title: str | None = None
    title_translation: str | None = None
    last_translator: str | None = None
    revision_date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FileStats:
        values = dict(data)
        values["counts"] = Counts(**values.get("counts", {}))
        return cls(**values)


def stats_from_catalog(catalog: Catalog, *, lang: str) -> FileStats:
    """Count a catalog's messages; target-side sizes use ``lang``'s unit (characters for ko/zh/ja)."""
    stats = FileStats(
        last_translator=_header_value(catalog, "Last-Translator", UNSET_TRANSLATOR),
        revision_date=_header_value(catalog, "PO-Revision-Date", UNSET_REVISION_DATE),
    )
    for message in catalog.messages:
        if not message.msgid and message.msgctxt is None:
            continue  # a stray header-like entry is not a segment
        state = message_state(message)
        source = message.msgid if message.msgid_plural is None else f"{message.msgid} {message.msgid_plural}"
        target = 0
        if state is MessageState.TRANSLATED:
            texts = message.msgstr_plural.values() if message.msgid_plural is not None else [message.msgstr]
            target = sum(count_target(text, lang) for text in texts)
        stats.counts.add_message(state, count_words(source), target)
        if stats.title is None and not message.obsolete and TITLE_PLACE in message.auto_comments:
            stats.title = message.msgid
            if state is MessageState.TRANSLATED:
                stats.title_translation = message.msgstr
    if stats.title is None:
        stats.title = title_from_header_comments(catalog.header_comments)
    return stats


def title_from_header_comments(comments: list[str]) -> str | None:
    """The title sync writes first in the header comments (releases without a title block, e.g. mirror pages)."""
    if len(comments) >= 2 and comments[0].strip() and _RELEASE_COMMENT_RE.match(comments[-1].strip()):
        return comments[0].strip()
    return None


def _header_value(catalog: Catalog, name: str, unset: str) -> str | None:
    value = (catalog.header.get(name) or "").strip()
    return value if value and value != unset else None
