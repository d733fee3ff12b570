"""The checks, in the order they run and are listed; validated when this module is imported."""

from __future__ import annotations

import re

from presslate.checks.base import CatalogCheck, Check, ReleaseCheck, SegmentCheck
from presslate.checks.brackets import BracketsCheck
from presslate.checks.do_not_translate import DoNotTranslateCheck
from presslate.checks.double_space import DoubleSpaceCheck
from presslate.checks.draft import DraftCheck
from presslate.checks.end_punctuation import EndPunctuationCheck
from presslate.checks.finding import Severity
from presslate.checks.forbidden_term import ForbiddenTermCheck
from presslate.checks.glossary_term import GlossaryTermCheck
from presslate.checks.inconsistent import InconsistentCheck
from presslate.checks.locale_punctuation import LocalePunctuationCheck
from presslate.checks.mirror_title import MirrorTitleCheck
from presslate.checks.numbers import NumbersCheck
from presslate.checks.unchanged import UnchangedCheck
from presslate.checks.untranslated import UntranslatedCheck
from presslate.checks.urls_emails import UrlsEmailsCheck
from presslate.checks.whitespace import WhitespaceCheck

CHECK_ID_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")

CHECKS: tuple[type[Check], ...] = (
    GlossaryTermCheck,
    ForbiddenTermCheck,
    DoNotTranslateCheck,
    NumbersCheck,
    UrlsEmailsCheck,
    UntranslatedCheck,
    DraftCheck,
    UnchangedCheck,
    BracketsCheck,
    EndPunctuationCheck,
    LocalePunctuationCheck,
    DoubleSpaceCheck,
    WhitespaceCheck,
    InconsistentCheck,
    MirrorTitleCheck,
)


def validate_registry(checks: tuple[type[Check], ...]) -> None:
    """Raise TypeError unless every check has a unique kebab-case id, a name, a severity and two examples."""
    seen: set[str] = set()
    for check in checks:
        label = check.__name__
        if not issubclass(check, (SegmentCheck, CatalogCheck, ReleaseCheck)):
            raise TypeError(f"{label} is not a SegmentCheck, CatalogCheck or ReleaseCheck")
        if not CHECK_ID_RE.match(check.check_id):
            raise TypeError(f"{label}.check_id {check.check_id!r} is not kebab-case")
        if check.check_id in seen:
            raise TypeError(f"{label}.check_id {check.check_id!r} is used twice")
        seen.add(check.check_id)
        if not check.name.strip():
            raise TypeError(f"{label} has no name")
        if not isinstance(check.default_severity, Severity):
            raise TypeError(f"{label}.default_severity is not a Severity")
        kinds = sorted({example.fails for example in check.examples()})
        if kinds != [False, True]:
            raise TypeError(f"{label}'s docstring needs a 'Fails (lang): ...' and a 'Passes (lang): ...' example")


validate_registry(CHECKS)

CHECK_IDS: tuple[str, ...] = tuple(check.check_id for check in CHECKS)
BY_ID: dict[str, type[Check]] = {check.check_id: check for check in CHECKS}
SEGMENT_CHECKS: tuple[type[SegmentCheck], ...] = tuple(c for c in CHECKS if issubclass(c, SegmentCheck))
CATALOG_CHECKS: tuple[type[CatalogCheck], ...] = tuple(c for c in CHECKS if issubclass(c, CatalogCheck))
RELEASE_CHECKS: tuple[type[ReleaseCheck], ...] = tuple(c for c in CHECKS if issubclass(c, ReleaseCheck))
