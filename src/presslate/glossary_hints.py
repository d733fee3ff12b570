"""Term hints for PO files: the glossary terms of each source sentence, as an extracted comment for translators."""

from __future__ import annotations

from presslate.catalog.update import HintFunction
from presslate.glossary import Glossary, glossary_signature, load_glossary
from presslate.sync import HintFactory
from presslate.terms import TermMatcher
from presslate.workspace import Workspace

HINT_PREFIX = "terms: "
HINT_SEPARATOR = " | "
DO_NOT_TRANSLATE = "(do not translate)"


def glossary_hints(workspace: Workspace) -> tuple[HintFactory | None, str]:
    """The hint factory for sync and the glossary's content hash; (None, "") without a glossary file.

    A malformed glossary raises :class:`~presslate.errors.GlossaryError` (path and row).
    """
    path = workspace.glossary_path
    if not path.is_file():
        return None, ""
    glossary = load_glossary(path)
    if not glossary.terms:
        return None, glossary_signature(path)
    return hint_factory(glossary), glossary_signature(path)


def hint_factory(glossary: Glossary) -> HintFactory:
    """``lang -> (msgid -> comment lines)`` for ``glossary``; None for a language the glossary says nothing about."""
    matcher = TermMatcher(glossary)

    def for_language(lang: str) -> HintFunction | None:
        if not glossary.for_language(lang):
            return None
        return lambda msgid: term_hints(matcher, msgid, lang=lang)

    return for_language


def term_hints(matcher: TermMatcher, msgid: str, *, lang: str) -> list[str]:
    """One ``terms: IOM = 국제이주기구 | ...`` line for the terms of ``msgid``, or nothing when it has none."""
    entries: dict[str, None] = {}
    for match in matcher.source_matches(msgid):
        term = match.term
        if term.do_not_translate:
            entries.setdefault(f"{term.term} {DO_NOT_TRANSLATE}", None)
            continue
        preferred = term.preferred(lang)
        if preferred is not None:
            entries.setdefault(f"{term.term} = {preferred}", None)
    return [HINT_PREFIX + HINT_SEPARATOR.join(entries)] if entries else []
