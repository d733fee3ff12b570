"""Running segment checks over one message or one catalog (no files, no cache: the runner adds those)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from presslate.checks.base import SegmentCheck, SegmentContext, ignored_check_ids
from presslate.checks.finding import Finding, Severity
from presslate.checks.registry import BY_ID, SEGMENT_CHECKS

if TYPE_CHECKING:
    from presslate.catalog.model import Catalog, Message
    from presslate.checks.termindex import TermIndex
    from presslate.glossary import Glossary

_INSTANCES: dict[str, SegmentCheck] = {check.check_id: check() for check in SEGMENT_CHECKS}
_INDEXES: dict[tuple[int, str], tuple[object, TermIndex]] = {}


def term_index(glossary: Glossary | None, lang: str) -> TermIndex | None:
    """The (memoised) term index of ``glossary`` for ``lang``; None without a glossary."""
    if glossary is None:
        return None
    key = (id(glossary), lang)
    cached = _INDEXES.get(key)
    if cached is not None and cached[0] is glossary:
        return cached[1]
    from presslate.checks.termindex import TermIndex

    index = TermIndex(glossary, lang)
    if len(_INDEXES) > 16:
        _INDEXES.clear()
    _INDEXES[key] = (glossary, index)
    return index


def segment_checks(enabled: Iterable[str] | None) -> list[SegmentCheck]:
    """The segment check instances whose id is in ``enabled`` (all when None), in registry order."""
    if enabled is None:
        return list(_INSTANCES.values())
    wanted = set(enabled)
    unknown = wanted - set(BY_ID)
    if unknown:
        raise ValueError(f"unknown check id(s): {', '.join(sorted(unknown))}")
    return [check for check_id, check in _INSTANCES.items() if check_id in wanted]


def message_target(message: Message) -> str:
    """The translation of a message (the first plural form for plural messages)."""
    if message.msgid_plural is not None:
        return message.msgstr_plural.get(0, "")
    return message.msgstr


def run_segment_checks(ctx: SegmentContext, checks: list[SegmentCheck], *, ignored: frozenset[str] = frozenset(),
                       content_on_drafts: bool = False) -> list[Finding]:
    """Apply ``checks`` to one entry, skipping silenced ones and those that do not apply to its state."""
    findings: list[Finding] = []
    for check in checks:
        if check.check_id in ignored:
            continue
        if not ctx.target and not check.checks_untranslated:
            continue
        if ctx.fuzzy and not check.checks_drafts and not content_on_drafts:
            continue
        findings += check.check(ctx)
    return findings


Memo = dict[tuple, list[tuple[str, Severity, str]]]


def check_catalog(catalog: Catalog, *, lang: str, terms: TermIndex | None, checks: list[SegmentCheck],
                  severities: Mapping[str, Severity], path: str | None, release: str | None,
                  source_lang: str = "en", memo: Memo | None = None) -> list[Finding]:
    """Segment findings of every active entry of ``catalog``.

    ``memo`` (owned by the caller, for one run) remembers the findings of an entry by its
    source, translation and state, so that a sentence repeated across releases is checked once.
    """
    findings: list[Finding] = []
    setup = (lang, tuple(check.check_id for check in checks), tuple(sorted(severities.items())))
    for message in catalog.messages:
        if message.obsolete or not message.msgid:
            continue
        target = message_target(message)
        ignored = ignored_check_ids(message)
        key = (setup, message.msgid, target, message.fuzzy, message.draft,
               tuple(message.translator_comments) if message.fuzzy else ())
        found = memo.get(key) if memo is not None else None
        if found is None:
            ctx = SegmentContext(
                source=message.msgid, target=target, lang=lang, terms=terms, message=message,
                path=path, line=message.line or None, release=release, source_lang=source_lang,
                severities=severities, fuzzy=message.fuzzy, draft=message.draft,
            )
            found = [(f.check, f.severity, f.message) for f in run_segment_checks(ctx, checks)]
            if memo is not None:
                memo[key] = found
        line = message.line or None
        findings += [Finding(check, severity, path, line, lang, release, message.msgid, target, text)
                     for check, severity, text in found if check not in ignored]
    return findings


def check_message(message: Message, *, lang: str, glossary: Glossary | None, only: Iterable[str] | None = None,
                  release: str | None = None, source_lang: str = "en") -> list[Finding]:
    """Segment findings for one message, at default severities (e.g. an MT draft before it is written).

    Unlike a catalog run, the content checks also look at fuzzy messages: a caller asking
    about one message wants to know. Silencing flags and comments on the message are honoured.
    """
    from presslate.languages import normalise_language

    lang = normalise_language(lang)
    ctx = SegmentContext(
        source=message.msgid, target=message_target(message), lang=lang, terms=term_index(glossary, lang),
        message=message, line=message.line or None, release=release, source_lang=source_lang,
        fuzzy=message.fuzzy, draft=message.draft,
    )
    return run_segment_checks(ctx, segment_checks(only), ignored=ignored_check_ids(message), content_on_drafts=True)
