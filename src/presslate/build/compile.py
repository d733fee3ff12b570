"""The compile use case: PO files -> MO files in the gettext layout ``<output>/<lang>/LC_MESSAGES/<release>.mo``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from presslate.build.site import claim_output
from presslate.catalog.model import Catalog
from presslate.catalog.mofile import compiled_messages, write_mo
from presslate.catalog.pofile import read_po
from presslate.errors import PresslateError
from presslate.fileio import workspace_lock
from presslate.models import RELEASE_ID_RE
from presslate.workspace import Workspace

DEFAULT_SITE = "site"
DEFAULT_LOCALE_FOLDER = "locale"


@dataclass
class CompiledLanguage:
    """What was compiled for one language (counts as ``msgfmt --statistics`` gives them)."""

    lang: str
    files: int = 0
    written: int = 0
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0


@dataclass
class CompileResult:
    """MO files written per language, and the errors that stopped the run (then nothing is written)."""

    output: Path
    languages: list[CompiledLanguage] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    errors: list[PresslateError] = field(default_factory=list)


def mo_path(output: Path, lang: str, release_id: str) -> Path:
    """Where gettext looks for a release's messages: ``<output>/<lang>/LC_MESSAGES/<release>.mo``."""
    return output / lang / "LC_MESSAGES" / f"{release_id}.mo"


def compile_catalogs(
    workspace: Workspace, *, languages: list[str] | None = None, output: Path | None = None
) -> CompileResult:
    """Compile every PO file of the chosen languages; all are read first, so a broken one stops the run cleanly."""
    langs = workspace.select_languages(languages)
    target = output or workspace.root / DEFAULT_SITE / DEFAULT_LOCALE_FOLDER
    result = CompileResult(output=target)
    with workspace_lock(workspace.lock_path):
        catalogs: list[tuple[str, str, Catalog]] = []
        for lang in langs:
            summary = CompiledLanguage(lang)
            result.languages.append(summary)
            for path in _po_files(workspace, lang):
                try:
                    catalog = read_po(path)
                except PresslateError as exc:
                    result.errors.append(exc)
                    continue
                catalogs.append((lang, path.stem, catalog))
                _count(summary, catalog)
        if result.errors:
            return result
        if output is None:
            claim_output(target.parent, default=True)
        by_lang = {summary.lang: summary for summary in result.languages}
        for lang, release_id, catalog in catalogs:
            path = mo_path(target, lang, release_id)
            if write_mo(path, catalog):
                by_lang[lang].written += 1
            result.written.append(path)
    return result


def _po_files(workspace: Workspace, lang: str) -> list[Path]:
    folder = workspace.locales_dir / lang
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.glob("*.po") if RELEASE_ID_RE.match(path.stem))


def _count(summary: CompiledLanguage, catalog: Catalog) -> None:
    summary.files += 1
    translated = len(compiled_messages(catalog))
    active = [message for message in catalog.messages if not message.obsolete]
    fuzzy = sum(1 for message in active if message.fuzzy)
    summary.translated += translated
    summary.fuzzy += fuzzy
    summary.untranslated += len(active) - translated - fuzzy
