"""Bring a PO catalog up to date with its template without losing any translation."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from babel import Locale
from rapidfuzz import fuzz, process, utils

from presslate.catalog.model import FUZZY, Catalog, Message
from presslate.catalog.template import UNSET_REVISION_DATE, ordered_header
from presslate.languages import parse_language, plural_forms

HintFunction = Callable[[str], list[str]]


@dataclass
class UpdateStats:
    """What an update did to one catalog."""

    kept: int = 0
    new: int = 0
    fuzzy_matched: int = 0
    revived: int = 0
    obsoleted: int = 0
    purged: int = 0


def new_catalog_header(template: Catalog, *, lang: str) -> dict[str, str]:
    """Header of a fresh PO file for ``lang``."""
    header = dict(template.header)
    header["PO-Revision-Date"] = template.header.get("POT-Creation-Date") or UNSET_REVISION_DATE
    header["Last-Translator"] = ""
    header["Language-Team"] = f"{_language_name(lang)} <LL@li.org>"
    return header


def update_catalog(
    existing: Catalog | None,
    template: Catalog,
    *,
    lang: str,
    fuzzy_threshold: float = 70.0,
    purge_obsolete: bool = False,
    hints: HintFunction | None = None,
) -> tuple[Catalog, UpdateStats]:
    """Merge ``template`` into ``existing`` (or a new catalog) for ``lang``.

    Unchanged sentences keep their translations; a changed sentence takes the closest old
    translation as ``fuzzy`` with the previous msgid; translations of removed sentences become
    obsolete (kept until ``purge_obsolete``). Translator comments and flags survive.
    """
    stats = UpdateStats()
    old = existing or Catalog()
    active = {m.key: m for m in old.messages if not m.obsolete}
    obsolete = {m.key: m for m in old.messages if m.obsolete}
    template_keys = {m.key for m in template.messages}
    candidates = [m for m in (*active.values(), *obsolete.values()) if m.key not in template_keys and m.has_translation]
    choices = [m.msgid for m in candidates]

    messages: list[Message] = []
    for source in template.messages:
        extra = hints(source.msgid) if hints else []
        found = active.get(source.key) or obsolete.get(source.key)
        if found is not None:
            stats.kept += 0 if found.obsolete else 1
            stats.revived += 1 if found.obsolete else 0
            messages.append(_refresh(found, source, extra))
            continue
        message = _fresh(source, extra)
        match = process.extractOne(
            source.msgid, choices, scorer=fuzz.ratio, processor=utils.default_process, score_cutoff=fuzzy_threshold
        ) if choices else None
        if match is not None:
            _inherit(message, candidates[match[2]])
            stats.fuzzy_matched += 1
        else:
            stats.new += 1
        messages.append(message)

    kept_obsolete = [m for key, m in obsolete.items() if key not in template_keys]
    newly_obsolete = [_obsolete(m) for key, m in active.items() if key not in template_keys and _worth_keeping(m)]
    stats.obsoleted = len(newly_obsolete)
    tail = _merge_obsolete(kept_obsolete, newly_obsolete)
    if purge_obsolete:
        stats.purged = len(tail)
        tail = []
    header = _merge_header(old.header if existing else new_catalog_header(template, lang=lang), template, lang=lang)
    catalog = Catalog(
        header=header,
        header_comments=list(old.header_comments) if existing else _po_header_comments(template, lang),
        header_flags=[f for f in old.header_flags if f != FUZZY] if existing else [],
        messages=messages + tail,
        path=old.path,
    )
    return catalog, stats


def _copy(message: Message, **changes) -> Message:
    """A copy of ``message`` whose lists and dicts are its own (cheaper than deepcopy)."""
    fields = {
        "msgstr_plural": dict(message.msgstr_plural),
        "flags": list(message.flags),
        "auto_comments": list(message.auto_comments),
        "translator_comments": list(message.translator_comments),
        "references": list(message.references),
        "line": 0,
    }
    fields.update(changes)
    return dataclasses.replace(message, **fields)


def _refresh(found: Message, source: Message, extra: list[str]) -> Message:
    message = _copy(found, obsolete=False, references=list(source.references),
                    auto_comments=[*source.auto_comments, *extra])
    if not message.fuzzy:
        message.previous_msgid = message.previous_msgctxt = message.previous_msgid_plural = None
    return message


def _fresh(source: Message, extra: list[str]) -> Message:
    return Message(
        msgid=source.msgid,
        msgctxt=source.msgctxt,
        references=list(source.references),
        auto_comments=[*source.auto_comments, *extra],
        flags=list(source.flags),
    )


def _inherit(message: Message, old: Message) -> None:
    """Give a new message the translation of a similar old one, marked fuzzy with the previous msgid."""
    message.msgstr = old.msgstr
    message.msgstr_plural = dict(old.msgstr_plural)
    message.translator_comments = list(old.translator_comments)
    message.flags = [FUZZY, *[flag for flag in old.flags if flag != FUZZY and flag not in message.flags], *message.flags]
    message.previous_msgid = old.msgid
    message.previous_msgctxt = old.msgctxt


def _worth_keeping(message: Message) -> bool:
    return message.has_translation or bool(message.translator_comments)


def _obsolete(message: Message) -> Message:
    return _copy(message, obsolete=True, references=[], auto_comments=[])


def _merge_obsolete(kept: list[Message], new: list[Message]) -> list[Message]:
    """Old obsolete entries first, then new ones; a newer translation of the same key wins, the older is noted."""
    by_key = {m.key: m for m in kept}
    result = list(kept)
    for message in new:
        older = by_key.get(message.key)
        if older is None:
            result.append(message)
            by_key[message.key] = message
            continue
        if older.msgstr and older.msgstr != message.msgstr:
            message.translator_comments.append(f"earlier translation: {older.msgstr}")
        result[result.index(older)] = message
        by_key[message.key] = message
    return result


def _merge_header(old: dict[str, str], template: Catalog, *, lang: str) -> dict[str, str]:
    header = dict(old)
    header.setdefault("Project-Id-Version", template.header.get("Project-Id-Version", ""))
    header.setdefault("Report-Msgid-Bugs-To", "")
    header["POT-Creation-Date"] = template.header.get("POT-Creation-Date", "")
    header.setdefault("PO-Revision-Date", UNSET_REVISION_DATE)
    header.setdefault("Last-Translator", "")
    header.setdefault("Language-Team", f"{_language_name(lang)} <LL@li.org>")
    header["Language"] = lang
    header["MIME-Version"] = "1.0"
    header["Content-Type"] = "text/plain; charset=UTF-8"
    header["Content-Transfer-Encoding"] = "8bit"
    if not header.get("Plural-Forms"):
        header["Plural-Forms"] = plural_forms(lang)
    return ordered_header(header)


def _po_header_comments(template: Catalog, lang: str) -> list[str]:
    comments = [line for line in template.header_comments if not line.startswith("Source sentences")]
    release = template.header.get("Project-Id-Version", "").rsplit(" ", 1)[-1]
    return [*comments, f"{_language_name(lang)} translation of the release {release}."]


def _language_name(lang: str) -> str:
    locale: Locale = parse_language(lang)
    return locale.get_display_name("en") or lang
