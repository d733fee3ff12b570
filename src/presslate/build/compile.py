"""The compile use case: PO files -> MO files in the gettext layout ``<output>/<lang>/LC_MESSAGES/<release>.mo``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from presslate.build.site import staging_folder
from presslate.catalog.model import Catalog
from presslate.catalog.mofile import compiled_messages, format_mo
from presslate.catalog.pofile import read_po
from presslate.errors import PresslateError
from presslate.fileio import workspace_lock
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
    """MO files written (changed ones), counts per language, and the errors that stopped the run (then nothing
    is written)."""

    output: Path
    languages: list[CompiledLanguage] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    errors: list[PresslateError] = field(default_factory=list)


def compile_catalogs(
    workspace: Workspace, *, languages: list[str] | None = None, output: Path | None = None
) -> CompileResult:
    """Compile every PO file of the chosen languages; MO files are staged first, so a broken PO file stops the
    run with nothing written. An MO file whose content did not change is not rewritten."""
    langs = workspace.select_languages(languages)
    target = output or workspace.root / DEFAULT_SITE / DEFAULT_LOCALE_FOLDER
    result = CompileResult(output=target)
    with workspace_lock(workspace.lock_path), staging_folder(target) as staging:
        for lang in langs:
            summary = CompiledLanguage(lang)
            result.languages.append(summary)
            for path in workspace.po_files(lang).values():
                try:
                    catalog = read_po(path)
                except PresslateError as exc:
                    result.errors.append(exc)
                    continue
                _count(summary, catalog)
                if not result.errors:
                    staging.write_bytes(f"{lang}/LC_MESSAGES/{path.stem}.mo", format_mo(catalog))
        if result.errors:
            return result
        result.written = staging.commit_files(default=output is None)
    by_lang = {summary.lang: summary for summary in result.languages}
    for path in result.written:
        by_lang[path.relative_to(target).parts[0]].written += 1
    return result


def _count(summary: CompiledLanguage, catalog: Catalog) -> None:
    summary.files += 1
    translated = len(compiled_messages(catalog))
    from presslate.report.counts import MessageState, message_state

    active = [message for message in catalog.messages if not message.obsolete]
    # As msgfmt --statistics: a fuzzy entry without a translation is untranslated.
    fuzzy = sum(1 for message in active if message_state(message) in (MessageState.FUZZY, MessageState.DRAFT))
    summary.translated += translated
    summary.fuzzy += fuzzy
    summary.untranslated += len(active) - translated - fuzzy
