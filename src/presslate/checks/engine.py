"""Running segment checks over one message or one catalog (no files, no cache: the runner adds those)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, NamedTuple

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

    if len(_INDEXES) > 16:
        _INDEXES.clear()
    # The languages of one glossary share its matcher, so each source is looked at once.
    shared = next((index.matcher for owner, index in _INDEXES.values() if owner is glossary), None)
    index = TermIndex(glossary, lang, matcher=shared)
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


class _SetUpMemo(NamedTuple):
    """What one run set-up (language, checks, severities) keeps: the checks by entry state, findings by entry."""

    applicable: dict[tuple[bool, bool], list[SegmentCheck]]
    findings: dict[tuple, list[tuple[str, Severity, str]]]


Memo = dict[tuple, _SetUpMemo]
"""Findings of entries already checked, by run set-up (see :class:`_SetUpMemo`)."""
Row = tuple[int | None, str, Severity, str, str, str]
"""One finding of a catalog run: line, check id, severity, message, msgid, msgstr."""


def _applicable(checks: list[SegmentCheck]) -> dict[tuple[bool, bool], list[SegmentCheck]]:
    """The checks :func:`run_segment_checks` applies to an entry, by (has a translation, fuzzy)."""
    return {(translated, fuzzy): [check for check in checks
                                  if (translated or check.checks_untranslated) and (not fuzzy or check.checks_drafts)]
            for translated in (True, False) for fuzzy in (True, False)}


def catalog_rows(catalog: Catalog, *, lang: str, terms: TermIndex | None, checks: list[SegmentCheck],
                 severities: Mapping[str, Severity], path: str | None, release: str | None,
                 source_lang: str = "en", memo: Memo | None = None) -> list[Row]:
    """Segment findings of every active entry of a catalog, as plain rows (no objects per finding: there are tens of thousands)."""
    rows: list[Row] = []
    setup = (lang, tuple(check.check_id for check in checks), tuple(sorted(severities.items())))
    memo = {} if memo is None else memo
    table = memo.get(setup)
    if table is None:  # one table per set-up: keys without it hash faster
        table = memo[setup] = _SetUpMemo(_applicable(checks), {})
    applicable, known = table
    for message in catalog.messages:
        msgid = message.msgid
        if message.obsolete or not msgid:
            continue
        target = message.msgstr if message.msgid_plural is None else message.msgstr_plural.get(0, "")
        fuzzy = message.fuzzy
        draft = message.draft if fuzzy else False
        key = (msgid, target, fuzzy, draft, tuple(message.translator_comments) if fuzzy else ())
        found = known.get(key)
        if found is None:
            found = known[key] = _entry_findings(applicable[(bool(target), fuzzy)], SegmentContext(
                source=msgid, target=target, lang=lang, terms=terms, message=message,
                path=path, line=message.line or None, release=release, source_lang=source_lang,
                severities=severities, fuzzy=fuzzy, draft=draft,
            ))
        if found:
            line = message.line or None
            ignored = ignored_check_ids(message)
            rows += [(line, check, severity, text, msgid, target)
                     for check, severity, text in found if check not in ignored]
    return rows


def _entry_findings(checks: list[SegmentCheck], ctx: SegmentContext) -> list[tuple[str, Severity, str]]:
    findings: list[tuple[str, Severity, str]] = []
    for check in checks:
        for finding in check.check(ctx):
            findings.append((finding.check, finding.severity, finding.message))
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
