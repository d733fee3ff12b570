"""Readiness uses the real QA checker: an error-severity finding blocks a release that is otherwise complete."""

from __future__ import annotations

from status_workspace import EGYPT, TRANSLATIONS, fill

from presslate.report.qa import qa_error_counts
from presslate.report.service import build_status

ADOPTED = ("The Progress Declaration was adopted by 110 countries at the end of the IMRF and was preceded by a "
           "multi-stakeholder hearing, interactive intergovernmental and multi-stakeholders round tables, a policy "
           "debate, and a plenary session with the participation of a wide variety of stakeholders and senior "
           "government and international organizations representatives.")


def test_complete_release_with_clean_checks_is_ready(translated_workspace):
    report = build_status(translated_workspace, languages=["fr"], with_history=False)
    assert report.qa.available
    egypt = next(r for r in report.releases if r.id == EGYPT)
    assert egypt.qa_errors == 0 and egypt.ready


def test_a_wrong_number_is_a_qa_error_that_blocks_the_release(translated_workspace):
    french = TRANSLATIONS["translated"]["fr"][EGYPT]
    fill(translated_workspace, "fr", EGYPT, translated={ADOPTED: french[ADOPTED].replace("110", "111")})
    assert qa_error_counts(translated_workspace, ["fr"], [EGYPT], True) == {("fr", EGYPT): 1}
    report = build_status(translated_workspace, languages=["fr"], with_history=False)
    egypt = next(r for r in report.releases if r.id == EGYPT)
    assert egypt.counts.complete and not egypt.ready and egypt.blockers()["errors"] == 1


def test_a_broken_glossary_means_qa_could_not_run_and_nothing_is_ready(translated_workspace):
    translated_workspace.glossary_path.write_text('term,kind\n"unterminated\n', encoding="utf-8")
    report = build_status(translated_workspace, languages=["fr"], with_history=False)
    assert not report.qa.available and "glossary.csv" in report.qa.reason
    assert not any(release.ready for release in report.releases)
