"""Catalog model: messages and catalogs as plain data, independent of any PO library."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

FUZZY = "fuzzy"
DRAFT_PREFIX = "draft:"
IGNORE_FLAG_PREFIX = "ignore-"


@dataclass
class Message:
    """One PO entry. Field names follow the PO format (``msgid``, ``msgstr``, ``flags`` ...).

    ``line`` is the 1-based line of the entry's ``msgid`` keyword in the file it was read
    from (0 for messages that were never read from a file).
    """

    msgid: str
    msgstr: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr_plural: dict[int, str] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)
    auto_comments: list[str] = field(default_factory=list)
    translator_comments: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    previous_msgctxt: str | None = None
    previous_msgid: str | None = None
    previous_msgid_plural: str | None = None
    obsolete: bool = False
    line: int = 0

    @property
    def key(self) -> tuple[str | None, str]:
        """Identity of the message inside a catalog: (msgctxt, msgid)."""
        return (self.msgctxt, self.msgid)

    @property
    def fuzzy(self) -> bool:
        return FUZZY in self.flags

    @property
    def has_translation(self) -> bool:
        """True when some translation text is present (fuzzy or not)."""
        if self.msgid_plural is not None:
            return any(self.msgstr_plural.values())
        return bool(self.msgstr)

    @property
    def translated(self) -> bool:
        """Translated in gettext's sense: a complete translation, not fuzzy, not obsolete."""
        if self.obsolete or self.fuzzy:
            return False
        if self.msgid_plural is not None:
            return bool(self.msgstr_plural) and all(self.msgstr_plural.values())
        return bool(self.msgstr)

    @property
    def draft(self) -> bool:
        """A machine or memory draft awaiting review: fuzzy and carrying a ``draft:`` comment."""
        return self.fuzzy and any(c.startswith(DRAFT_PREFIX) for c in self.translator_comments)

    def ignored_checks(self) -> set[str]:
        """Check ids a translator silenced on this entry with an ``ignore-<check-id>`` flag."""
        return {f[len(IGNORE_FLAG_PREFIX):] for f in self.flags if f.startswith(IGNORE_FLAG_PREFIX)}

    def set_fuzzy(self, value: bool) -> None:
        if value and not self.fuzzy:
            self.flags.insert(0, FUZZY)
        elif not value:
            self.flags = [f for f in self.flags if f != FUZZY]
            self.previous_msgid = None
            self.previous_msgctxt = None
            self.previous_msgid_plural = None


def draft_comment(engine: str, *, score: float | None = None, origin: str | None = None) -> str:
    """The translator comment that marks a draft, e.g. ``draft: tm 92% from 2014-09-09-x``."""
    text = f"{DRAFT_PREFIX} {engine}"
    if score is not None:
        text += f" {round(score)}%"
    if origin:
        text += f" from {origin}"
    return text


@dataclass
class Catalog:
    """A PO or POT file's content: header fields in order, then messages in file order."""

    header: dict[str, str] = field(default_factory=dict)
    header_comments: list[str] = field(default_factory=list)
    header_flags: list[str] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)
    path: Path | None = None

    @property
    def language(self) -> str | None:
        return self.header.get("Language") or None

    def active(self) -> list[Message]:
        """Messages that are not obsolete."""
        return [m for m in self.messages if not m.obsolete]

    def obsolete(self) -> list[Message]:
        return [m for m in self.messages if m.obsolete]

    def find(self, msgid: str, msgctxt: str | None = None) -> Message | None:
        for message in self.messages:
            if not message.obsolete and message.msgid == msgid and message.msgctxt == msgctxt:
                return message
        return None
