"""Shared ingest helpers: decoding, site-chrome rules, datelines, contact blocks and slugs."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from presslate.errors import IngestError
from presslate.models import Block, BlockKind, Release

MAX_SLUG_LENGTH = 60
SLUG_WORDS = 8

DATELINE_RE = re.compile(
    r"^(?P<place>[A-Z][\w’'.()]*(?:\s+(?:[A-Z][\w’'.()]*|of|and|the|de|du|del|la|le|el|d’\w+))*)"
    r"(?P<sep>\s+[-–—]\s+)(?=\S)"
)
CONTACT_START_RE = re.compile(
    r"^(?:for\s+(?:more|further)\s+information\b|media\s+contacts?\b|contacts?\s*:|press\s+contacts?\b)", re.I
)
_DASH_ITEM_RE = re.compile(r"^[-–•]\s+(?P<text>\S.*)$")


@dataclass
class PageRelease:
    """A release read from a page, before it gets its id: the release plus the text its slug comes from."""

    release: Release
    slug_text: str
    line: int = 1
    warnings: list[str] = field(default_factory=list)


# Zero-width characters, soft hyphens and control characters other than tab and line breaks: a reader never
# sees them, and in a segment they would only make two identical sentences differ.
INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0b\x0e-\x1f]")


def decode_page(data: bytes, *, path: Path) -> str:
    """Decode a text or mirror page as UTF-8 (a BOM is allowed), without invisible characters; undecodable bytes
    are an error with their line."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise IngestError(f"not valid UTF-8: byte 0x{data[exc.start]:02x} cannot be decoded", path=path, line=line) from exc
    text = page_text(text.replace("\r\n", "\n").replace("\r", "\n"), path=path)
    return INVISIBLE_RE.sub("", text)


def page_text(text: str, *, path: Path) -> str:
    """A decoded page, NFC: refused when it is empty or holds a NUL character (a binary file)."""
    if not text.strip():
        raise IngestError("empty page: no text to ingest", path=path, line=1)
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise IngestError("NUL character in the page: is it a binary file?", path=path, line=line)
    return unicodedata.normalize("NFC", text)


def normalise_space(text: str) -> str:
    """Collapse every run of white space (NBSP included) to one space; drop zero-width characters."""
    return " ".join(INVISIBLE_RE.sub("", text).split())


@lru_cache(maxsize=1)
def chrome_labels() -> frozenset[str]:
    """Navigation labels of the site (package data ``chrome.txt``)."""
    text = resources.files("presslate.data").joinpath("chrome.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def is_chrome_line(line: str, *, previous: str | None = None, following: str | None = None) -> bool:
    """True for site navigation: a lone dash, a menu label, a short ``- item``, a glued label or a repeated label."""
    text = line.strip()
    if text in {"-", "–", "•"}:
        return True
    labels = chrome_labels()
    if text.lower() in labels:
        return True
    item = _DASH_ITEM_RE.match(text)
    if item and _is_menu_text(item.group("text")):
        return True
    if any(text.lower().startswith(label) and len(text) > len(label) and text[len(label)].isupper() for label in labels):
        return True
    return _is_menu_text(text) and (text == previous or text == following)


def _is_menu_text(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 5 and not text.endswith((".", "!", "?", ":", ",")) and not text[:1].islower()


def strip_chrome(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Drop the navigation at the top and bottom of a page; ``lines`` are (line number, text), blanks removed."""
    start = 0
    while start < len(lines):
        previous = lines[start - 1][1].strip() if start else None
        following = lines[start + 1][1].strip() if start + 1 < len(lines) else None
        if not is_chrome_line(lines[start][1], previous=previous, following=following):
            break
        start += 1
    end = len(lines)
    while end > start and lines[end - 1][1].strip().lower() in chrome_labels():
        end -= 1
    return lines[start:end]


def split_dateline(paragraph: str) -> tuple[str, str] | None:
    """``("Iraq", " - ")`` for ``"Iraq - IOM Iraq ..."``; None when the paragraph has no dateline."""
    match = DATELINE_RE.match(paragraph)
    if not match or len(match.group("place").split()) > 5:
        return None
    return match.group("place"), match.group("sep")


def is_contact_start(text: str) -> bool:
    """True for the line that opens the contact block ("For more information, please contact ...")."""
    return bool(CONTACT_START_RE.match(text.strip()))


def is_heading(text: str) -> bool:
    """An all-capitals line (``KEY FIGURES (2022)``) is a heading."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 3 and not any(ch.islower() for ch in letters) and len(text.split()) <= 20


def looks_like_title(text: str) -> bool:
    """A headline: not all capitals, no sentence-final full stop, not too long."""
    stripped = text.strip()
    return (
        bool(stripped)
        and not is_heading(stripped)
        and not stripped.endswith((".", ":", ";", ","))
        and len(stripped.split()) <= 30
        and not _DASH_ITEM_RE.match(stripped)
        and not is_contact_start(stripped)
    )


def body_blocks(lines: list[tuple[int, str]]) -> list[Block]:
    """Blocks of a release body given as (line number, text) lines; blank lines separate contact groups."""
    blocks: list[Block] = []
    in_contact = False
    group = 0
    blank_before = False
    for index, (number, raw) in enumerate(lines):
        text = normalise_space(raw)
        if not text:
            blank_before = True
            continue
        if not in_contact and is_contact_start(text):
            in_contact = True
            blocks.append(Block(BlockKind.CONTACT, text, number, group))
        elif in_contact:
            if blank_before:
                group += 1
            blocks.append(Block(BlockKind.CONTACT, text, number, group))
        elif text in {"-", "–", "•"}:
            pass
        elif item := _DASH_ITEM_RE.match(text):
            following = _next_text(lines, index)
            kind = BlockKind.HEADING if following in {"-", "–"} else BlockKind.LIST_ITEM
            blocks.append(Block(kind, item.group("text"), number))
        elif is_heading(text):
            blocks.append(Block(BlockKind.HEADING, text, number))
        else:
            blocks.append(Block(BlockKind.PARAGRAPH, text, number))
        blank_before = False
    return blocks


def _next_text(lines: list[tuple[int, str]], index: int) -> str | None:
    for _, raw in lines[index + 1 :]:
        if raw.strip():
            return raw.strip()
    return None


def find_dateline(blocks: list[Block]) -> str | None:
    """The dateline place of the first paragraph, if it has one."""
    for block in blocks:
        if block.kind is BlockKind.PARAGRAPH:
            found = split_dateline(block.text)
            return found[0] if found else None
    return None


def slugify(text: str, *, max_words: int = SLUG_WORDS, max_length: int = MAX_SLUG_LENGTH) -> str:
    """``[a-z0-9-]`` slug of a title or lead: accents folded, other scripts dropped, cut at a word."""
    text = re.sub(r"\([^)]*\)", " ", text)
    folded = unicodedata.normalize("NFKD", text.replace("’", "").replace("'", ""))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)[:max_words]
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    return slug


def lead_text(blocks: list[Block]) -> str:
    """The first paragraph without its dateline, for slugs of releases that have no title."""
    for block in blocks:
        if block.kind is BlockKind.PARAGRAPH:
            found = split_dateline(block.text)
            return block.text[len(found[0]) + len(found[1]) :] if found else block.text
    return ""
