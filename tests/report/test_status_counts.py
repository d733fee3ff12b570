"""Status counts: agreement with GNU gettext, drafts versus fuzzy, words, readiness, blockers, translators."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from status_workspace import EGYPT, IRAQ_TRAINING, TRANSLATIONS, fill

from presslate.catalog.pofile import read_po
from presslate.errors import UsageError
from presslate.report.counts import MessageState, message_state, stats_from_catalog
from presslate.report.service import build_status
from presslate.report.status import FileState
from presslate.report.words import count_words

DATA = Path(__file__).resolve().parents[1] / "data" / "report"
EDGE_CASES = DATA / "edge-cases.po"
needs_msgfmt = pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt is not installed")


def msgfmt_statistics(path: Path) -> dict[str, int]:
    """translated / fuzzy / untranslated message counts as ``msgfmt --statistics`` prints them."""
    done = subprocess.run(
        ["msgfmt", "--statistics", "-o", os.devnull, str(path)],
        capture_output=True, text=True, env={**os.environ, "LC_ALL": "C", "LANGUAGE": ""}, check=True,
    )
    counts = {"translated": 0, "fuzzy": 0, "untranslated": 0}
    for number, kind in re.findall(r"(\d+) (translated|fuzzy|untranslated)", done.stderr):
        counts[kind] = int(number)
    return counts


def ours(counts) -> dict[str, int]:
    """Our counts folded into msgfmt's three: drafts and source changes are both fuzzy to gettext."""
    return {"translated": counts.translated, "fuzzy": counts.draft + counts.fuzzy, "untranslated": counts.untranslated}


@needs_msgfmt
def test_counts_of_every_seed_po_file_agree_with_msgfmt(translated_workspace):
    report = build_status(translated_workspace, use_cache=False, with_history=False, with_qa=False)
    checked = 0
    for release in report.releases:
        path = translated_workspace.root / release.path
        assert ours(release.counts) == msgfmt_statistics(path), release.path
        checked += 1
    assert checked == 36
    totals = report.language("fr").counts
    assert totals.translated > 18 and totals.untranslated > 0


@needs_msgfmt
def test_edge_cases_agree_with_msgfmt(tmp_path):
    stats = stats_from_catalog(read_po(EDGE_CASES), lang="fr")
    assert ours(stats.counts) == msgfmt_statistics(EDGE_CASES) == {"translated": 3, "fuzzy": 2, "untranslated": 3}


def test_drafts_are_fuzzy_entries_with_a_draft_comment_and_the_rest_is_fuzzy():
    catalog = read_po(EDGE_CASES)
    states = {m.msgid[:40]: message_state(m) for m in catalog.messages}
    assert states["In the migration crisis, these authoriti"] is MessageState.DRAFT
    assert states["These IOM trainings provide an opportuni"] is MessageState.FUZZY
    assert states["A fuzzy draft with no text yet is untran"] is MessageState.UNTRANSLATED
    assert states["An old sentence that was removed from th"] is MessageState.OBSOLETE
    counts = stats_from_catalog(catalog, lang="fr").counts
    assert (counts.draft, counts.fuzzy, counts.obsolete) == (1, 1, 1)


def test_words_are_source_words_per_state_and_the_share_is_by_words():
    stats = stats_from_catalog(read_po(EDGE_CASES), lang="fr")
    counts = stats.counts
    title = "IOM Trains Iraq Government Authorities in Migration Crisis Management"
    assert counts.translated_words == count_words(title) + count_words("Iraq") + count_words(
        "one displaced family %d displaced families")
    parts = (counts.translated_words, counts.draft_words, counts.fuzzy_words, counts.untranslated_words)
    assert counts.total_words == sum(parts)
    assert counts.translated_percent == pytest.approx(100 * counts.translated_words / counts.total_words)
    assert counts.obsolete_words == count_words("An old sentence that was removed from the release.")


def test_title_and_translator_come_from_the_po_file():
    stats = stats_from_catalog(read_po(EDGE_CASES), lang="fr")
    assert stats.title == "IOM Trains Iraq Government Authorities in Migration Crisis Management"
    assert stats.title_translation.startswith("L’OIM forme")
    assert stats.last_translator == "Claire Martin <claire.martin@example.org>"
    assert stats.revision_date == "2026-11-20 09:30+0000"


def test_language_totals_are_the_sum_of_their_releases(translated_workspace):
    report = build_status(translated_workspace, use_cache=False, with_history=False, with_qa=False)
    for language in report.languages:
        mine = [r for r in report.releases if r.lang == language.code]
        assert language.releases == len(mine) == 9
        assert language.counts.translated == sum(r.counts.translated for r in mine)
        assert language.counts.total_words == sum(r.counts.total_words for r in mine)
    ko = report.language("ko")
    assert ko.counts.draft == len(TRANSLATIONS["drafts"]["ko"][IRAQ_TRAINING])
    assert ko.target_unit == "characters" and ko.counts.target_count > 0
    assert report.language("es").counts.fuzzy == 1


def test_a_complete_release_without_qa_errors_is_ready_and_others_say_what_blocks_them(translated_workspace, qa_errors):
    qa_errors()
    report = build_status(translated_workspace, use_cache=False, with_history=False)
    by_key = {(r.lang, r.id): r for r in report.releases}
    egypt_fr = by_key[("fr", EGYPT)]
    assert egypt_fr.ready and egypt_fr.counts.complete and egypt_fr.qa_errors == 0
    assert egypt_fr.title_translation.startswith("L’OIM et l’Égypte")
    training_ko = by_key[("ko", IRAQ_TRAINING)]
    assert not training_ko.ready
    assert training_ko.blockers() == {"untranslated": 11, "draft": 2, "fuzzy": 0, "errors": None}
    assert by_key[("es", EGYPT)].blockers()["fuzzy"] == 1
    assert report.language("fr").ready == 1 and report.language("fr").qa_errors == 0
    assert report.qa.available


def test_qa_errors_block_a_complete_release_and_are_only_asked_for_complete_ones(translated_workspace, monkeypatch):
    from presslate.report import service

    asked = []

    def fake(workspace, languages, release_ids, use_cache):
        asked.append((tuple(languages), tuple(release_ids)))
        return {("fr", EGYPT): 2}

    monkeypatch.setattr(service, "qa_error_counts", fake)
    report = build_status(translated_workspace, use_cache=False, with_history=False)
    assert asked == [(("fr",), (EGYPT,))]
    egypt_fr = next(r for r in report.releases if (r.lang, r.id) == ("fr", EGYPT))
    assert not egypt_fr.ready and egypt_fr.blockers()["errors"] == 2
    assert report.language("fr").qa_errors == 2 and report.language("ko").qa_errors == 0


def test_without_the_qa_checker_nothing_is_called_ready(translated_workspace, monkeypatch):
    from presslate.report import service
    from presslate.report.qa import QaUnavailable

    def unavailable(*args):
        raise QaUnavailable("the QA checker is not available")

    monkeypatch.setattr(service, "qa_error_counts", unavailable)
    report = build_status(translated_workspace, use_cache=False, with_history=False)
    assert not report.qa.available and "not available" in report.qa.reason
    assert not any(release.ready for release in report.releases)
    egypt_fr = next(r for r in report.releases if (r.lang, r.id) == ("fr", EGYPT))
    assert egypt_fr.qa_errors is None and egypt_fr.counts.complete


def test_translators_from_po_headers(translated_workspace):
    report = build_status(translated_workspace, use_cache=False, with_history=False, with_qa=False)
    people = {person.name: person for person in report.translators()}
    assert set(people) == {"Claire Martin", "Min-jun Park", "Javier Ortega", "Layla Haddad"}
    claire = people["Claire Martin"]
    assert claire.email == "claire.martin@example.org" and claire.languages == ["fr"]
    assert {release["id"] for release in claire.releases} == {EGYPT, IRAQ_TRAINING}
    assert claire.last_revision == "2026-11-20"


def test_a_release_without_po_file_is_counted_from_its_template_as_untranslated(translated_workspace):
    translated_workspace.po_path("ar", EGYPT).unlink()
    report = build_status(translated_workspace, use_cache=False, with_history=False, with_qa=False)
    release = next(r for r in report.releases if (r.lang, r.id) == ("ar", EGYPT))
    assert release.state is FileState.MISSING
    assert release.counts.untranslated == release.counts.total > 0
    assert report.language("ar").missing == 1


def test_a_release_never_synced_is_counted_from_its_release_file_not_shown_done(translated_workspace):
    """No PO file and no template yet: every segment of the release file is still to translate (not 0 of 0 = 100 %)."""
    source = translated_workspace.release_path(EGYPT)
    fresh = translated_workspace.release_path("fresh-release")
    fresh.write_text(source.read_text(encoding="utf-8").replace(f"id: {EGYPT}", "id: fresh-release"), encoding="utf-8")
    broken = translated_workspace.release_path("broken-release")
    broken.write_text("---\nid: broken-release\ndate: [unclosed\n---\n", encoding="utf-8")
    report = build_status(translated_workspace, use_cache=False, with_history=False, with_qa=False)
    fresh_fr = next(r for r in report.releases if (r.lang, r.id) == ("fr", "fresh-release"))
    egypt_template = next(r for r in report.releases if (r.lang, r.id) == ("fr", EGYPT)).counts.total
    assert fresh_fr.state is FileState.MISSING
    assert fresh_fr.counts.untranslated == fresh_fr.counts.total == egypt_template > 0
    assert fresh_fr.counts.translated_percent == 0
    broken_fr = next(r for r in report.releases if (r.lang, r.id) == ("fr", "broken-release"))
    assert broken_fr.state is FileState.BROKEN
    assert str(broken_fr.error).startswith("l10n/releases/broken-release.md:3: invalid front matter")


def test_language_and_release_filters(translated_workspace):
    report = build_status(translated_workspace, languages=["fr"], release_ids=[EGYPT], use_cache=False,
                          with_history=False, with_qa=False)
    assert [(r.lang, r.id) for r in report.releases] == [("fr", EGYPT)]
    assert [language.code for language in report.languages] == ["fr"]
    with pytest.raises(UsageError, match="unknown release 'no-such-release'"):
        build_status(translated_workspace, release_ids=["no-such-release"], with_history=False, with_qa=False)
    with pytest.raises(UsageError, match="invalid release id"):
        build_status(translated_workspace, release_ids=["../etc/passwd"], with_history=False, with_qa=False)


def test_counts_change_when_a_file_changes_and_the_cache_is_keyed_on_content(translated_workspace, monkeypatch):
    first = build_status(translated_workspace, with_history=False, with_qa=False)
    assert (translated_workspace.cache_dir / "status-counts.json").is_file()
    es_before = first.language("es").counts.translated
    from presslate.report import collect

    def no_parsing(request):
        raise AssertionError(f"{request.path} was parsed although it did not change")

    monkeypatch.setattr(collect, "_parse_one", no_parsing)
    again = build_status(translated_workspace, with_history=False, with_qa=False)
    assert again.to_dict()["languages"] == first.to_dict()["languages"]
    monkeypatch.undo()
    fill(translated_workspace, "es", IRAQ_TRAINING, translated=TRANSLATIONS["translated"]["fr"][IRAQ_TRAINING])
    changed = build_status(translated_workspace, with_history=False, with_qa=False)
    assert changed.language("es").counts.translated == es_before + 3
