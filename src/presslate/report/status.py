"""The status model: counts per language and per release, readiness and blockers, translators, history.

Plain data, no I/O. ``StatusReport.to_dict()`` is the one serialisation every renderer consumes; its
shape is documented by ``docs/status-json-schema.json``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from email.utils import parseaddr
from enum import Enum
from typing import Any

from presslate.report.counts import Counts
from presslate.report.history import History
from presslate.report.words import SOURCE_WORDS_METHOD, TARGET_METHOD

SCHEMA_ID = "presslate-status"
SCHEMA_VERSION = 1
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}")


class FileState(str, Enum):
    """Whether a release's PO file could be counted."""

    OK = "ok"
    BROKEN = "broken"  # the PO file cannot be read; its counts are unknown
    MISSING = "missing"  # no PO file yet (run ``presslate sync``); counted from the template as untranslated


@dataclass(frozen=True)
class BrokenFile:
    """A PO file that could not be read, as ``path:line: message``."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "line": self.line, "message": self.message}


@dataclass
class ReleaseStatus:
    """One release in one language."""

    id: str
    lang: str
    path: str
    state: FileState
    counts: Counts = field(default_factory=Counts)
    target_unit: str = "words"
    title: str | None = None
    title_translation: str | None = None
    last_translator: str | None = None
    revision_date: str | None = None
    qa_errors: int | None = None
    error: BrokenFile | None = None

    @property
    def ready(self) -> bool:
        """Complete (every segment translated and reviewed) and free of QA errors (QA must have run)."""
        return self.state is FileState.OK and self.counts.complete and self.qa_errors == 0

    def blockers(self) -> dict[str, int | None]:
        """What stands between this release and publication (zero when nothing)."""
        return {
            "untranslated": self.counts.untranslated,
            "draft": self.counts.draft,
            "fuzzy": self.counts.fuzzy,
            "errors": self.qa_errors,
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "lang": self.lang,
            "path": self.path,
            "state": self.state.value,
            "title": self.title,
            "title_translation": self.title_translation,
            **self.counts.segments_dict(),
            "words": self.counts.words_dict(),
            "translated_percent": round(self.counts.translated_percent, 1),
            "target_unit": self.target_unit,
            "target_count": self.counts.target_count,
            "qa_errors": self.qa_errors,
            "ready": self.ready,
            "blockers": self.blockers(),
            "last_translator": self.last_translator,
            "revision_date": self.revision_date,
            "error": self.error.to_dict() if self.error else None,
        }


@dataclass
class LanguageStatus:
    """All selected releases of one language, summed."""

    code: str
    name: str
    native_name: str
    target_unit: str
    rtl: bool = False
    counts: Counts = field(default_factory=Counts)
    releases: int = 0
    ready: int = 0
    broken: int = 0
    missing: int = 0
    qa_errors: int | None = None

    def add(self, release: ReleaseStatus) -> None:
        self.releases += 1
        self.ready += release.ready
        self.broken += release.state is FileState.BROKEN
        self.missing += release.state is FileState.MISSING
        if release.state is not FileState.BROKEN:
            self.counts.add(release.counts)
        if release.qa_errors is not None:
            self.qa_errors = (self.qa_errors or 0) + release.qa_errors

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "native_name": self.native_name,
            "rtl": self.rtl,
            **self.counts.segments_dict(),
            "words": self.counts.words_dict(),
            "translated_percent": round(self.counts.translated_percent, 1),
            "target_unit": self.target_unit,
            "target_count": self.counts.target_count,
            "releases": self.releases,
            "ready": self.ready,
            "broken": self.broken,
            "missing": self.missing,
            "qa_errors": self.qa_errors,
        }


@dataclass
class TranslatorStatus:
    """Who translated what and when, from the ``Last-Translator`` and ``PO-Revision-Date`` headers."""

    name: str
    email: str | None
    languages: list[str] = field(default_factory=list)
    releases: list[dict[str, str]] = field(default_factory=list)
    translated: int = 0
    translated_words: int = 0
    first_revision: str | None = None
    last_revision: str | None = None

    def add(self, release: ReleaseStatus) -> None:
        if release.lang not in self.languages:
            self.languages.append(release.lang)
        self.releases.append({"id": release.id, "lang": release.lang})
        self.translated += release.counts.translated
        self.translated_words += release.counts.translated_words
        day = revision_day(release.revision_date)
        if day:
            self.first_revision = min(filter(None, (self.first_revision, day)))
            self.last_revision = max(filter(None, (self.last_revision, day)))

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "email": self.email,
            "languages": list(self.languages),
            "releases": list(self.releases),
            "translated": self.translated,
            "translated_words": self.translated_words,
            "first_revision": self.first_revision,
            "last_revision": self.last_revision,
        }


@dataclass(frozen=True)
class QaSummary:
    """Whether QA errors could be counted, and if not, why."""

    available: bool
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"available": self.available, "reason": self.reason}


@dataclass
class StatusReport:
    """Everything ``presslate status`` shows."""

    workspace: str
    source_language: str
    generated_at: dt.datetime
    languages: list[LanguageStatus]
    releases: list[ReleaseStatus]
    qa: QaSummary
    history: History
    broken: list[BrokenFile] = field(default_factory=list)

    def translators(self) -> list[TranslatorStatus]:
        """Translators by name, from the releases' PO headers; files with no translator set are left out."""
        people: dict[tuple[str, str | None], TranslatorStatus] = {}
        for release in self.releases:
            if release.state is not FileState.OK or not release.last_translator:
                continue
            name, email = parse_translator(release.last_translator)
            person = people.setdefault((name.casefold(), email), TranslatorStatus(name=name, email=email))
            person.add(release)
        return sorted(people.values(), key=lambda person: (-person.translated_words, person.name.casefold()))

    def language(self, code: str) -> LanguageStatus | None:
        return next((lang for lang in self.languages if lang.code == code), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_ID,
            "version": SCHEMA_VERSION,
            "generated_at": self.generated_at.isoformat(timespec="seconds"),
            "workspace": self.workspace,
            "source_language": self.source_language,
            "counting": {"source_words": SOURCE_WORDS_METHOD, "target": TARGET_METHOD},
            "qa": self.qa.to_dict(),
            "languages": {lang.code: lang.to_dict() for lang in self.languages},
            "releases": [release.to_dict() for release in self.releases],
            "translators": [person.to_dict() for person in self.translators()],
            "history": self.history.to_dict(),
            "broken": [item.to_dict() for item in self.broken],
        }


def parse_translator(value: str) -> tuple[str, str | None]:
    """``"Min-jun Park <mj@example.org>"`` -> ``("Min-jun Park", "mj@example.org")``."""
    name, email = parseaddr(value)
    if not name and not email:
        return value.strip(), None
    return (name or email).strip(), (email.strip() or None) if "@" in email else None


def revision_day(value: str | None) -> str | None:
    """The ``YYYY-MM-DD`` part of a ``PO-Revision-Date`` header, if it has one."""
    match = _DATE_RE.match(value or "")
    return match.group(0) if match else None
