"""The one place status reports ask the QA checker how many errors stand in the way of each release."""

from __future__ import annotations

from collections import Counter


class QaUnavailable(Exception):
    """The QA checker is not installed in this build, so readiness cannot include QA errors."""


def qa_error_counts(
    workspace, languages: list[str], release_ids: list[str] | None, use_cache: bool
) -> dict[tuple[str, str], int]:
    """Error-severity QA findings per ``(language, release id)``; pairs without errors are absent.

    Raises QaUnavailable when the checker is missing, and the checker's own PresslateError
    (a broken glossary, say) when it cannot run.
    """
    try:
        from presslate.checks import run_checks
    except ImportError as exc:
        raise QaUnavailable(f"the QA checker (presslate.checks) is not available: {exc}") from exc
    report = run_checks(workspace, languages=list(languages), use_cache=use_cache)
    wanted = set(release_ids) if release_ids else None
    errors: Counter[tuple[str, str]] = Counter()
    for finding in report.findings:
        if _severity_name(finding.severity) != "error" or not finding.lang or not finding.release:
            continue
        if wanted is None or finding.release in wanted:
            errors[(finding.lang, finding.release)] += 1
    return dict(errors)


def _severity_name(severity: object) -> str:
    return str(getattr(severity, "value", severity)).lower()
