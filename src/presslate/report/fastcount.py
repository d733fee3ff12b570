"""Count a PO file's message states without building a Catalog: the fast path of status reports.

Status reads every PO file of a workspace (5000 files for 1000 releases x 5 languages); building full
catalogs with ``catalog.pofile.read_po`` costs several times more than the counting itself. This reader
accepts only the plain layout gettext and presslate write (one ``keyword "string"`` or ``"string"`` per
line from column 0, ``#`` comments, blank lines between entries, UTF-8, the common escapes) and counts
entries with a few regular expressions. Anything else -- other escapes or charsets, blank lines or
comments inside an entry, duplicates, a missing msgstr, any syntax error -- makes it return None, and
the caller reads the file with ``read_po``, the one real parser, which reports problems as
``path:line``. Tests check that both ways give the same counts.
"""

from __future__ import annotations

import re

from presslate.catalog.fastread import (
    COMMENT_BLOCK_RE,
    ENTRY_RE,
    FORM_RE,
    OBSOLETE_ENTRY_RE,
    PREVIOUS_LINE_RE,
    join_strings,
    plain_text,
)
from presslate.catalog.template import UNSET_REVISION_DATE, UNSET_TRANSLATOR
from presslate.report.counts import Counts, FileStats, title_from_header_comments
from presslate.report.words import count_target, count_words

_OBSOLETE_FORM_INDEX_RE = re.compile(r"^#~ msgstr\[(\d+)\]", re.M)
_TITLE_LINE_RE = re.compile(r"^#\. ?title$", re.M)
_FLAGS_LINE_RE = re.compile(r"^#[,!]([^\n]*)", re.M)
_FLAG_SPLIT_RE = re.compile(r"[ \t\f\v,]+")


def fast_file_stats(data: bytes, *, lang: str, word_counts: dict[str, int] | None = None) -> FileStats | None:
    """Counts of a PO file in the plain layout, or None when ``read_po`` must read it."""
    text = plain_text(data)  # decoded as the strict reader decodes it (the header's charset), or None
    if text is None:
        return None
    words = word_counts if word_counts is not None else {}
    stats = FileStats()
    counts = stats.counts
    seen: set[tuple[str | None, str]] = set()
    header_seen = False
    header_comments: list[str] | None = []
    position, end = 0, len(text)
    match_entry, match_block = ENTRY_RE.match, COMMENT_BLOCK_RE.match
    while position < end:
        entry = match_entry(text, position)
        if entry is None:
            block = match_block(text, position)
            if block is None or not _count_obsolete(block.group(0), counts, seen, words):
                return None
            position = block.end()
            continue
        position = entry.end()
        comments, ctx_raw, plural_raw = entry.group("comments"), entry.group("ctx"), entry.group("plural")
        if "#~" in comments:
            return None  # obsolete lines glued to an active entry
        if "#|" in comments and not _previous_lines_valid(comments, "#| "):
            return None
        msgid = join_strings(entry.group("id"))
        msgctxt = join_strings(ctx_raw) if ctx_raw is not None else None
        key = (msgctxt, msgid)
        if key in seen:
            return None
        seen.add(key)
        if plural_raw is None:
            forms = [join_strings(entry.group("str"))]
        else:
            found = FORM_RE.findall(entry.group("forms"))
            if [int(index) for index, _ in found] != list(range(len(found))):
                return None
            forms = [join_strings(raw) for _, raw in found]
        if not msgid and msgctxt is None:
            if header_seen:
                return None
            header_seen = True
            header_comments = _read_header(forms[0], comments, stats)
            if header_comments is None:
                return None
            continue
        fuzzy = draft = False
        if comments:
            if "#," in comments or "#!" in comments:
                fuzzy = any("fuzzy" in _FLAG_SPLIT_RE.split(line) for line in _FLAGS_LINE_RE.findall(comments))
            if fuzzy:
                draft = any(_translator_comment(line).startswith("draft:") for line in comments.split("\n")
                            if line.startswith("#") and line[1:2] not in (".", ":", ",", "!", "|", "~"))
        source = msgid if plural_raw is None else f"{msgid} {join_strings(plural_raw)}"
        size = words.get(source)
        if size is None:
            size = words[source] = count_words(source)
        if not forms[0]:
            counts.untranslated += 1
            counts.untranslated_words += size
        elif fuzzy:
            if draft:
                counts.draft += 1
                counts.draft_words += size
            else:
                counts.fuzzy += 1
                counts.fuzzy_words += size
        else:
            counts.translated += 1
            counts.translated_words += size
            counts.target_count += sum(count_target(form, lang) for form in forms)
        if stats.title is None and "title\n" in comments and _TITLE_LINE_RE.search(comments):
            stats.title = msgid
            if forms[0] and not fuzzy:
                stats.title_translation = forms[0]
    if stats.title is None and header_comments:
        stats.title = title_from_header_comments(header_comments)
    return stats


def _count_obsolete(block: str, counts: Counts, seen: set, words: dict[str, int]) -> bool:
    """Count one obsolete (``#~``) entry; False when the block is anything else."""
    if "#~ msgid " not in block:
        return False
    if "#~|" in block and not _previous_lines_valid(block, "#~| "):
        return False
    match = OBSOLETE_ENTRY_RE.match(block)
    if match is None:
        return False
    if match.group("forms") is not None:
        indices = [int(index) for index in _OBSOLETE_FORM_INDEX_RE.findall(match.group("forms"))]
        if indices != list(range(len(indices))):
            return False
    msgid = join_strings(match.group("id"), "#~ ")
    msgctxt = join_strings(match.group("ctx"), "#~ ") if match.group("ctx") is not None else None
    if (msgctxt, msgid) in seen:
        return False
    seen.add((msgctxt, msgid))
    if not msgid and msgctxt is None:
        return True  # an obsolete header-like entry is not a segment
    plural = match.group("plural")
    source = msgid if plural is None else f"{msgid} {join_strings(plural, '#~ ')}"
    size = words.get(source)
    if size is None:
        size = words[source] = count_words(source)
    counts.obsolete += 1
    counts.obsolete_words += size
    return True


def _previous_lines_valid(comments: str, marker: str) -> bool:
    """``#|`` lines (previous msgctxt/msgid) are strings, the first one with its keyword."""
    lines = [line for line in comments.split("\n") if line.startswith(marker[:-1])]
    if not lines or not lines[0].startswith(tuple(f"{marker}{k} " for k in ("msgctxt", "msgid", "msgid_plural"))):
        return False
    return all(line.startswith(marker) and PREVIOUS_LINE_RE.fullmatch(line, len(marker)) for line in lines)


def _translator_comment(line: str) -> str:
    body = line[1:]
    return body[1:] if body.startswith(" ") else body


def _read_header(msgstr: str, comments: str, stats: FileStats) -> list[str] | None:
    """Set Last-Translator and PO-Revision-Date; return the header comments (None: not plain ``Name: value`` lines)."""
    for line in msgstr.split("\n"):
        if not line:
            continue
        name, sep, value = line.partition(":")
        if not sep or not name or name.strip() != name:
            return None
        value = value[1:] if value.startswith(" ") else value
        if sep and name == "Last-Translator":
            stats.last_translator = value.strip() if value.strip() and value.strip() != UNSET_TRANSLATOR else None
        elif sep and name == "PO-Revision-Date":
            stats.revision_date = value.strip() if value.strip() and value.strip() != UNSET_REVISION_DATE else None
    return [
        _translator_comment(line) for line in comments.split("\n")
        if line.startswith("#") and line[1:2] not in (".", ":", ",", "!", "|", "~")
    ]
