"""The build use case: releases + PO files -> translated release pages and index pages in an output folder."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from pathlib import Path

from presslate.build.assembly import Translation, assemble_page, build_index, usable_translations
from presslate.build.model import ReleasePage
from presslate.build.render import INDEX_NAME, RENDERERS, Renderer
from presslate.build.settings import BuildSettings, LanguageSettings, load_build_settings
from presslate.build.site import StagingFolder, check_output, staging_folder
from presslate.catalog.pofile import read_po
from presslate.errors import InputError, PresslateError, UsageError
from presslate.fileio import workspace_lock
from presslate.models import Release, Segment
from presslate.releasefile import read_release
from presslate.segment import segment_release, translatable
from presslate.workspace import Workspace, safe_release_id

log = logging.getLogger(__name__)
DEFAULT_MIN_TRANSLATED = 100.0
DEFAULT_OUTPUT = "site"


@dataclass(frozen=True)
class BuildOptions:
    """What to build and how (the command's options)."""

    languages: tuple[str, ...] = ()
    release_ids: tuple[str, ...] = ()
    output_format: str = "html"
    mirror: bool = False
    min_translated: float | None = None
    include_drafts: bool = False
    output: Path | None = None


@dataclass(frozen=True)
class Skipped:
    """A release left out of a language, and why."""

    lang: str
    release_id: str
    reason: str


@dataclass
class BuildResult:
    """Pages built per language (their body text dropped once written), releases skipped, files written,
    and the errors that stopped the build."""

    output: Path
    pages: dict[str, list[ReleasePage]] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    errors: list[PresslateError] = field(default_factory=list)


@dataclass(frozen=True)
class LanguageBuild:
    """Where and how one language's pages are written."""

    lang: str
    settings: LanguageSettings
    renderer: Renderer
    staging: StagingFolder

    def write_page(self, page: ReleasePage) -> None:
        text = self.renderer.render_release(page, self.renderer.extension)
        self.staging.write_text(f"{self.lang}/{self.renderer.file_name(page.release_id)}", text)

    def write_index(self, pages: list[ReleasePage]) -> None:
        index = build_index(pages, lang=self.lang, heading=self.settings.index_title)
        text = self.renderer.render_index(index, self.renderer.extension)
        self.staging.write_text(f"{self.lang}/{self.renderer.file_name(INDEX_NAME)}", text)


@dataclass(frozen=True)
class SourceRelease:
    """A release file read and segmented, checked against its template."""

    release: Release
    segments: list[Segment]


def build_site(workspace: Workspace, options: BuildOptions) -> BuildResult:
    """Build the chosen languages and releases; on any error nothing is written and ``errors`` says why."""
    renderer = RENDERERS.get(options.output_format)
    if renderer is None:
        raise UsageError(f"unknown format {options.output_format!r} (choose from {', '.join(RENDERERS)})")
    settings = load_build_settings(workspace.config)
    langs = workspace.select_languages(list(options.languages))
    threshold = minimum_translated(options, settings)
    output = options.output or workspace.root / DEFAULT_OUTPUT
    default = options.output is None
    check_output(output, default=default)
    result = BuildResult(output=output)
    with workspace_lock(workspace.lock_path), staging_folder(output) as staging:
        sources = _read_sources(workspace, list(options.release_ids), result)
        for lang in langs:
            build = LanguageBuild(lang, settings.for_language(lang), renderer, staging)
            result.pages[lang] = _build_language(workspace, sources, build, options, threshold, result)
        if not result.errors:
            result.written = staging.commit_folders(langs, default=default)
    return result


def minimum_translated(options: BuildOptions, settings: BuildSettings) -> float:
    """The share of words a release needs: the option, else 0 for mirrors, else the config, else 100."""
    if options.min_translated is not None:
        if not 0 <= options.min_translated <= 100:
            raise UsageError(f"--min-translated must be between 0 and 100 (got {options.min_translated:g})")
        return options.min_translated
    if options.mirror:
        return 0.0
    return float(settings.min_translated) if settings.min_translated is not None else DEFAULT_MIN_TRANSLATED


def _read_sources(workspace: Workspace, release_ids: list[str], result: BuildResult) -> list[SourceRelease]:
    ids = release_ids or workspace.release_ids()
    sources = []
    for release_id in dict.fromkeys(ids):
        try:
            sources.append(read_source(workspace, release_id))
        except PresslateError as exc:
            result.errors.append(exc)
    return sources


def read_source(workspace: Workspace, release_id: str) -> SourceRelease:
    """Read and segment a release; its template must exist and match it (else: run ``presslate sync``)."""
    path = workspace.release_path(safe_release_id(release_id))
    if release_id == INDEX_NAME:
        raise InputError(f"the release id {INDEX_NAME!r} is reserved for the index page; rename the release", path=path)
    if not path.is_file():
        raise InputError(f"no such release {release_id!r} (no release file)", path=path)
    release = read_release(path)
    segments = segment_release(release, lang=workspace.config.source_language)
    template_path = workspace.template_path(release_id)
    if not template_path.is_file():
        raise InputError("missing template: run 'presslate sync' before building", path=template_path)
    template = read_po(template_path)
    expected = {segment.text for segment in translatable(segments)}
    if {message.msgid for message in template.active()} != expected:
        raise InputError(
            f"template is out of date with {workspace.relative(path)}: run 'presslate sync' before building",
            path=template_path,
        )
    return SourceRelease(release=release, segments=segments)


def _build_language(
    workspace: Workspace,
    sources: list[SourceRelease],
    build: LanguageBuild,
    options: BuildOptions,
    threshold: float,
    result: BuildResult,
) -> list[ReleasePage]:
    """Assemble, check and stage the pages of one language; pages are kept without their body text."""
    pages = []
    for source in sources:
        try:
            translations = _read_translations(workspace, build.lang, source.release.id,
                                              include_drafts=options.include_drafts)
        except PresslateError as exc:
            result.errors.append(exc)
            continue
        page = assemble_page(
            source.release,
            source.segments,
            translations,
            settings=build.settings,
            source_language=workspace.config.source_language,
        )
        if page.title is None:
            log.info("%s: no title in %s (no title line and no 'titles' entry)", source.release.id, build.lang)
        reason = skip_reason(page, threshold=threshold, mirror=options.mirror)
        if reason:
            result.skipped.append(Skipped(build.lang, source.release.id, reason))
            continue
        if not result.errors:
            build.write_page(page)
        pages.append(replace(page, blocks=()))
    if not result.errors:
        build.write_index(pages)
    return pages


def _read_translations(
    workspace: Workspace, lang: str, release_id: str, *, include_drafts: bool
) -> dict[str, Translation]:
    path = workspace.po_path(lang, release_id)
    if not path.is_file():
        raise InputError("missing PO file: run 'presslate sync' before building", path=path)
    return usable_translations(read_po(path), include_drafts=include_drafts)


def skip_reason(page: ReleasePage, *, threshold: float, mirror: bool) -> str | None:
    """Why a page is not published (too little of it translated), or None."""
    coverage = page.coverage
    if coverage.percent < threshold:
        return (
            f"{_percent(coverage.percent)} of its words translated "
            f"({coverage.translated_words} of {coverage.total_words}; "
            f"{coverage.translated_segments} of {coverage.total_segments} sentences), "
            f"below the minimum of {threshold:g}%"
            + ("" if mirror else "; use --mirror to publish it with the missing sentences in the source language")
        )
    return None


def _percent(value: float) -> str:
    """``99.9%`` rather than a rounded ``100%`` for a release that is not complete."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    if text == "100" and value < 100:
        text = "99.9"
    return f"{text}%"
