"""The one place status reports ask the QA checker how many errors stand in the way of each release."""

from __future__ import annotations

from collections import Counter

from presslate.workspace import Workspace


class QaUnavailable(Exception):
    """The QA checker is not installed in this build, so readiness cannot include QA errors."""


def qa_error_counts(
    workspace: Workspace, languages: list[str], release_ids: list[str] | None, use_cache: bool
) -> dict[tuple[str, str], int]:
    """Error-severity QA findings per ``(language, release id)``; pairs without errors are absent.

    Broken PO files are left to the status report (it counts them as broken). A problem that makes
    the checks incomplete for every file -- a broken glossary -- is raised (a PresslateError), so no
    release is called ready on checks that did not fully run.
    """
    try:
        from presslate.checks import Severity, run_checks
    except ImportError as exc:
        raise QaUnavailable(f"the QA checker (presslate.checks) is not available: {exc}") from exc
    paths = [workspace.po_path(lang, release_id) for lang in languages for release_id in release_ids] \
        if release_ids else None
    report = run_checks(workspace, paths=[p for p in paths if p.exists()] if paths else None,
                        languages=list(languages), use_cache=use_cache)
    for error in report.errors:
        if error.path is None or error.path.suffix != ".po":
            raise error
    wanted = set(release_ids) if release_ids else None
    errors: Counter[tuple[str, str]] = Counter()
    for finding in report.findings:
        if finding.severity is not Severity.ERROR or not finding.lang or not finding.release:
            continue
        if wanted is None or finding.release in wanted:
            errors[(finding.lang, finding.release)] += 1
    return dict(errors)
