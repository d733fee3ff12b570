"""Rebuild a release in one language from its segments and a catalog: the pure core of ``presslate build``."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from presslate.build.fields import FieldFormat, FieldValues, format_date_field, parse_field_format
from presslate.build.model import Coverage, IndexEntry, IndexPage, PageBlock, PageBlockKind, PageLine, ReleasePage
from presslate.build.settings import LanguageSettings
from presslate.catalog.model import Catalog
from presslate.languages import base_language
from presslate.models import BlockKind, Release, Segment, SegmentRole

PLAIN_TITLE = parse_field_format("{title}")
PLAIN_POSTED = parse_field_format("{posted}")
_LINE_BREAKS_RE = re.compile(r"[ \t]*[\r\n]+[ \t]*")
_BLOCK_KINDS = {
    BlockKind.HEADING: PageBlockKind.HEADING,
    BlockKind.PARAGRAPH: PageBlockKind.PARAGRAPH,
    BlockKind.LIST_ITEM: PageBlockKind.LIST,
    BlockKind.CONTACT: PageBlockKind.CONTACT,
}


@dataclass(frozen=True)
class Translation:
    """A usable translation of one sentence; ``draft`` when it comes from a fuzzy entry."""

    text: str
    draft: bool = False


@dataclass(frozen=True)
class RenderedText:
    """A sentence as it will be published: translated, or the source text."""

    text: str
    fallback: bool
    verbatim: bool


def usable_translations(catalog: Catalog, *, include_drafts: bool) -> dict[str, Translation]:
    """msgid -> translation of the entries a build may publish: translated ones, plus fuzzy ones if asked."""
    table: dict[str, Translation] = {}
    for message in catalog.messages:
        if message.obsolete or message.msgctxt is not None or message.msgid_plural is not None:
            continue
        if message.translated:
            table[message.msgid] = Translation(clean_translation(message.msgstr))
        elif include_drafts and message.fuzzy and message.msgstr:
            table[message.msgid] = Translation(clean_translation(message.msgstr), draft=True)
    return {msgid: t for msgid, t in table.items() if t.text}


def clean_translation(text: str) -> str:
    """A translation on one line: line breaks a translator typed become spaces; other spacing is kept."""
    return _LINE_BREAKS_RE.sub(" ", text).strip(" \t\r\n")


def assemble_page(
    release: Release,
    segments: list[Segment],
    translations: Mapping[str, Translation],
    *,
    settings: LanguageSettings,
    source_language: str,
) -> ReleasePage:
    """The release in ``settings.lang``; untranslated sentences fall back to the source text (counted in coverage)."""
    lang = settings.lang
    coverage = Coverage()
    rendered: list[RenderedText] = []
    for segment in segments:
        text, coverage = _render_segment(segment, translations, coverage)
        rendered.append(text)
    by_block: dict[int, list[tuple[Segment, RenderedText]]] = {}
    for segment, text in zip(segments, rendered):
        by_block.setdefault(segment.block, []).append((segment, text))
    title, title_fallback, coverage = _title(release, by_block, lang=lang, coverage=coverage)
    dateline = next((text.text for seg, text in zip(segments, rendered) if seg.role is SegmentRole.DATELINE),
                    release.dateline)
    values = FieldValues(title=title, date=release.date, dateline=dateline, id=release.id, posted=release.posted)
    return ReleasePage(
        release_id=release.id,
        lang=lang,
        source_language=source_language,
        title=title,
        title_line=render_line(settings.title_format, values, fallback=PLAIN_TITLE, locale=lang) if title else None,
        date=release.date,
        date_text=format_date_field(release.date, "long", locale=lang) if release.date else None,
        blocks=tuple(_body_blocks(release, by_block, separator=settings.sentence_separator)),
        posted_line=(render_line(settings.posted_format, values, fallback=PLAIN_POSTED, locale=settings.posted_locale)
                     if release.posted else None),
        posted_locale=settings.posted_locale,
        backlink=release.backlinks.get(lang) or release.backlinks.get(base_language(lang)) or settings.backlink,
        title_fallback=title_fallback,
        part=release.part or 0,
        coverage=coverage,
    )


def render_line(line_format: FieldFormat, values: FieldValues, *, fallback: FieldFormat, locale: str) -> str:
    """A formatted line; when a field it uses has no value here (no date ...), the plain ``fallback`` format."""
    chosen = fallback if line_format.missing(values) else line_format
    return chosen.render(values, locale=locale)


def _render_segment(
    segment: Segment, translations: Mapping[str, Translation], coverage: Coverage
) -> tuple[RenderedText, Coverage]:
    if segment.no_translate:
        return RenderedText(segment.text, fallback=False, verbatim=True), coverage
    found = translations.get(segment.text)
    words = len(segment.text.split())
    if segment.role is SegmentRole.TITLE:
        # Counted by _title, which may also find the title in the release's front matter.
        return RenderedText(found.text if found else segment.text, fallback=found is None, verbatim=False), coverage
    coverage = coverage.add(words=words, translated=found is not None, draft=bool(found and found.draft))
    if found is None:
        return RenderedText(segment.text, fallback=True, verbatim=False), coverage
    return RenderedText(found.text, fallback=False, verbatim=False), coverage


def _title(
    release: Release, by_block: dict[int, list[tuple[Segment, RenderedText]]], *, lang: str, coverage: Coverage
) -> tuple[str | None, bool, Coverage]:
    """The translated title: the catalog's, else the front matter's ``titles``, else the source title."""
    published = release.titles.get(lang) or release.titles.get(base_language(lang))
    for index, block in enumerate(release.blocks):
        if block.kind is not BlockKind.TITLE:
            continue
        segment, text = by_block[index][0]
        if segment.no_translate:
            return text.text, False, coverage
        words = len(segment.text.split())
        if not text.fallback:
            return text.text, False, coverage.add(words=words, translated=True)
        if published:
            return published, False, coverage.add(words=words, translated=True)
        return segment.text, True, coverage.add(words=words, translated=False)
    return published, False, coverage


def _body_blocks(
    release: Release, by_block: dict[int, list[tuple[Segment, RenderedText]]], *, separator: str
) -> list[PageBlock]:
    blocks: list[PageBlock] = []
    previous_group: int | None = None
    for index, block in enumerate(release.blocks):
        kind = _BLOCK_KINDS.get(block.kind)
        parts = by_block.get(index)
        if kind is None or not parts:
            continue
        line = PageLine(join_sentences(parts, separator=separator),
                        fallback=all(text.fallback or text.verbatim for _, text in parts)
                        and any(text.fallback for _, text in parts))
        last = blocks[-1] if blocks else None
        same_list = kind is PageBlockKind.LIST and last is not None and last.kind is PageBlockKind.LIST
        same_group = (kind is PageBlockKind.CONTACT and last is not None and last.kind is PageBlockKind.CONTACT
                      and block.group == previous_group)
        if same_list or same_group:
            blocks[-1] = PageBlock(kind, (*last.lines, line))
        else:
            blocks.append(PageBlock(kind, (line,)))
        previous_group = block.group if kind is PageBlockKind.CONTACT else None
    return blocks


def join_sentences(parts: list[tuple[Segment, RenderedText]], *, separator: str) -> str:
    """Join a block's sentences as the language does.

    The source separator is kept after a dateline (``Iraq - ``) and between two sentences
    that both stay in the source language; translated sentences are joined with the
    language's sentence separator (a space in Korean, French, Spanish, Arabic; none in
    Chinese or Japanese).
    """
    out: list[str] = []
    for position, (segment, text) in enumerate(parts):
        if position:
            previous_segment, previous_text = parts[position - 1]
            keep_source = previous_segment.role is SegmentRole.DATELINE or (
                _in_source(previous_text) and _in_source(text)
            )
            out.append(segment.separator if keep_source else separator)
        out.append(text.text)
    return "".join(out)


def _in_source(text: RenderedText) -> bool:
    return text.fallback or text.verbatim


def build_index(pages: list[ReleasePage], *, lang: str, heading: str) -> IndexPage:
    """The index page of a language: its releases newest first, with their translated titles and dates."""
    entries = tuple(
        IndexEntry(release_id=page.release_id, title=page.title or page.release_id, date=page.date,
                   date_text=page.date_text, title_fallback=page.title_fallback or page.title is None,
                   source_language=page.source_language)
        for page in sorted(pages, key=lambda page: page.sort_key)
    )
    return IndexPage(lang=lang, heading=heading, entries=entries)
