"""The ingest use case: read pages, give their releases stable ids and write ``l10n/releases/<id>.md``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from presslate.errors import IngestError, PresslateError, UsageError
from presslate.fileio import write_text_atomic
from presslate.ingest.common import PageRelease, decode_page, slugify
from presslate.ingest.mirror import is_mirror_page, read_mirror_page
from presslate.ingest.text import read_text_page
from presslate.releasefile import format_release, read_release
from presslate.workspace import Workspace

FORMATS = ("auto", "text", "mirror", "html")
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


@dataclass
class IngestedFile:
    """What became of one page: the release ids written or updated."""

    path: Path
    format: str
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


@dataclass
class IngestResult:
    files: list[IngestedFile] = field(default_factory=list)
    errors: list[PresslateError] = field(default_factory=list)


def looks_like_html(path: Path, data: bytes) -> bool:
    """True for an ``.html``/``.htm`` file or bytes that open with an HTML doctype, ``<html>`` or an XML declaration.

    Decided on the bytes, before any decoding, so an HTML page in a legacy charset reaches the
    HTML reader, which honours its ``<meta charset>``.
    """
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:200].lower()
    return path.suffix.lower() in HTML_SUFFIXES or head.startswith((b"<!doctype html", b"<html", b"<?xml"))


def read_page(path: Path, *, page_format: str = "auto", mirror_language: str | None = None) -> tuple[str, list[PageRelease]]:
    """Read one page file into releases without ids; returns the format used."""
    if page_format not in FORMATS:
        raise UsageError(f"unknown page format {page_format!r} (choose from {', '.join(FORMATS)})")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read page: {exc.strerror}", path=path) from exc
    if page_format == "html" or (page_format == "auto" and looks_like_html(path, data)):
        from presslate.ingest.html import read_html_page

        return "html", read_html_page(data, path=path)
    text = decode_page(data, path=path)
    chosen = ("mirror" if is_mirror_page(text) else "text") if page_format == "auto" else page_format
    if chosen == "mirror":
        return "mirror", read_mirror_page(text, path=path, language=mirror_language)
    return "text", read_text_page(text, path=path)


def ingest_pages(
    workspace: Workspace,
    paths: list[Path],
    *,
    page_format: str = "auto",
    mirror_language: str | None = None,
) -> IngestResult:
    """Ingest every page; a bad page is reported and the others are still ingested."""
    result = IngestResult()
    known = _known_sources(workspace, result)
    taken = set(workspace.release_ids())
    for path in paths:
        try:
            used_format, page_releases = read_page(path, page_format=page_format, mirror_language=mirror_language)
        except PresslateError as exc:
            result.errors.append(exc)
            continue
        source = workspace.relative(path)
        report = IngestedFile(path=path, format=used_format)
        for page_release in page_releases:
            _store(workspace, page_release, source=source, known=known, taken=taken, report=report)
        result.files.append(report)
    return result


def _store(
    workspace: Workspace,
    page_release: PageRelease,
    *,
    source: str,
    known: dict[tuple[str, int], str],
    taken: set[str],
    report: IngestedFile,
) -> None:
    release = page_release.release
    release.source = source
    key = (source, release.part or 0)
    existing_id = known.get(key)
    release.id = existing_id or _new_id(page_release, taken)
    taken.add(release.id)
    known[key] = release.id
    changed = write_text_atomic(workspace.release_path(release.id), format_release(release))
    bucket = report.created if existing_id is None else (report.updated if changed else report.unchanged)
    bucket.append(release.id)


def _new_id(page_release: PageRelease, taken: set[str]) -> str:
    release = page_release.release
    slug = slugify(page_release.slug_text) or "release"
    base = f"{release.date.isoformat()}-{slug}" if release.date else slug
    candidate, counter = base, 2
    while candidate in taken:
        candidate, counter = f"{base}-{counter}", counter + 1
    return candidate


def _known_sources(workspace: Workspace, result: IngestResult) -> dict[tuple[str, int], str]:
    """(source file, part) -> release id of the releases already in the workspace."""
    known: dict[tuple[str, int], str] = {}
    for release_id in workspace.release_ids():
        try:
            release = read_release(workspace.release_path(release_id), body=False)  # only source and part are needed
        except PresslateError as exc:
            result.errors.append(exc)
            continue
        if release.source:
            known[(release.source, release.part or 0)] = release.id
    return known
