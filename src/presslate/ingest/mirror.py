"""Reader for mirror pages: several releases, each opened by ``(YYYY/M/D) <title in another language>``."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

from presslate.errors import IngestError
from presslate.ingest.common import PageRelease, body_blocks, find_dateline, lead_text
from presslate.models import Release

TITLE_LINE_RE = re.compile(r"^\((?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})\)\s+(?P<title>\S.*)$")
POSTED_RE = re.compile(r"^Posted on\s+(?:\w+,\s*)?(?P<mon>[A-Za-z]{3})-(?P<d>\d{1,2})-(?P<y>\d{4})\s*$")
VIEWS_RE = re.compile(r"^Views\s*[–—-]\s*\d+\s*$")
_MONTHS = {name: number for number, name in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_SCRIPT_LANGUAGES = (("HANGUL", "ko"), ("ARABIC", "ar"), ("HIRAGANA", "ja"), ("KATAKANA", "ja"),
                     ("CJK", "zh"), ("CYRILLIC", "ru"), ("HEBREW", "he"), ("THAI", "th"), ("GREEK", "el"))


def is_mirror_page(text: str) -> bool:
    """True when the page opens releases with dated title lines."""
    return any(TITLE_LINE_RE.match(line.strip()) for line in text.split("\n")[:5])


def read_mirror_page(text: str, *, path: Path, language: str | None = None) -> list[PageRelease]:
    """Split a mirror page into releases, keeping the translated title, date, posting date and back-link."""
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if TITLE_LINE_RE.match(line.strip())]
    if not starts:
        raise IngestError("no recognisable release: no '(YYYY/M/D) title' line opens a release", path=path, line=1)
    preamble = [i + 1 for i in range(starts[0]) if lines[i].strip()]
    if preamble:
        raise IngestError("text before the first '(YYYY/M/D) title' line", path=path, line=preamble[0])
    releases = []
    for part, start in enumerate(starts, start=1):
        end = starts[part] if part < len(starts) else len(lines)
        releases.append(_read_part(lines, start, end, part=part, path=path, language=language))
    return releases


def _read_part(lines: list[str], start: int, end: int, *, part: int, path: Path, language: str | None) -> PageRelease:
    match = TITLE_LINE_RE.match(lines[start].strip())
    assert match is not None
    number = start + 1
    try:
        date = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError as exc:
        raise IngestError(f"invalid date in title line: {exc}", path=path, line=number) from exc
    title = match["title"].strip()
    lang = language or detect_script_language(title)
    if lang is None:
        raise IngestError("cannot tell the language of the title line; pass --mirror-lang", path=path, line=number)
    body = [(i + 1, lines[i]) for i in range(start + 1, end)]
    body, posted, backlink = _strip_trailer(body, path=path)
    blocks = body_blocks(body)
    if not blocks:
        raise IngestError("release has a title line but no body", path=path, line=number)
    release = Release(
        id="",
        blocks=blocks,
        date=date,
        dateline=find_dateline(blocks),
        source_format="mirror",
        part=part,
        posted=posted,
        titles={lang: title},
        backlinks={lang: backlink} if backlink else {},
    )
    return PageRelease(release=release, slug_text=lead_text(blocks), line=number)


def _strip_trailer(body: list[tuple[int, str]], *, path: Path) -> tuple[list[tuple[int, str]], dt.date | None, str | None]:
    """Remove the trailing ``Posted on``, back-link and ``Views`` lines, in whatever order they come."""
    posted: dt.date | None = None
    backlink: str | None = None
    while body:
        number, raw = body[-1]
        text = raw.strip()
        if not text or VIEWS_RE.match(text):
            body = body[:-1]
        elif found := POSTED_RE.match(text):
            posted = _posted_date(found, path=path, line=number)
            body = body[:-1]
        elif backlink is None and _is_backlink(text):
            backlink = text
            body = body[:-1]
        else:
            break
    return body, posted, backlink


def _posted_date(found: re.Match[str], *, path: Path, line: int) -> dt.date:
    month = _MONTHS.get(found["mon"].lower())
    try:
        return dt.date(int(found["y"]), month or 0, int(found["d"]))
    except ValueError as exc:
        raise IngestError(f"invalid posting date: {found.group(0)!r}", path=path, line=line) from exc


def _is_backlink(text: str) -> bool:
    """A short line with letters but no Latin ones: the link back to the list, in the mirror's language."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and len(text.split()) <= 8 and not any("LATIN" in unicodedata.name(ch, "") for ch in letters)


def detect_script_language(text: str) -> str | None:
    """The language a non-Latin script points to (Hangul -> ko, Arabic -> ar ...), or None."""
    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            for prefix, lang in _SCRIPT_LANGUAGES:
                if name.startswith(prefix):
                    counts[lang] = counts.get(lang, 0) + 1
                    break
    if counts.get("ja") and counts.get("zh"):
        counts["ja"] += counts.pop("zh")
    return max(counts, key=counts.__getitem__) if counts else None
