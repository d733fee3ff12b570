"""End-to-end sync on the seed releases: valid gettext files, idempotence, no-loss updates, errors, locking."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from presslate.catalog.pofile import read_po, write_po
from presslate.sync import sync_workspace

IRAQ = "2014-09-09-iom-iraq-on-sunday-joined-a-relief-convoy"
CONVOY = "The convoy carried humanitarian aid provided by UNICEF, WFP and UNFPA."
CONVOY_FR = "Le convoi transportait une aide humanitaire fournie par l’UNICEF, le PAM et le FNUAP."
needs_gettext = pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext (msgfmt, msgcat) not installed")


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.po*"))}


def translate(workspace, lang: str, release_id: str, mapping: dict[str, str]) -> Path:
    path = workspace.po_path(lang, release_id)
    catalog = read_po(path)
    for message in catalog.messages:
        if message.msgid in mapping:
            message.msgstr = mapping[message.msgid]
    write_po(path, catalog)
    return path


def test_sync_writes_a_template_and_four_catalogs_per_release(seeded_workspace):
    ws = seeded_workspace
    assert len(ws.release_ids()) == 9
    for release_id in ws.release_ids():
        assert ws.template_path(release_id).is_file()
        for lang in ("ko", "fr", "es", "ar"):
            catalog = read_po(ws.po_path(lang, release_id))
            assert catalog.header["Language"] == lang
            assert catalog.header["Plural-Forms"]
    catalog = read_po(ws.po_path("ko", IRAQ))
    first = catalog.messages[0]
    assert first.msgid == "Iraq" and first.auto_comments[0] == "dateline"
    assert first.references == [f"l10n/releases/{IRAQ}.md:15"]
    msgids = [m.msgid for m in catalog.messages]
    assert CONVOY in msgids
    assert "Email: smegy@iom.int" not in msgids and "Susan Megy" not in msgids


def test_entries_follow_document_order_and_say_where_they_sit(seeded_workspace):
    catalog = read_po(seeded_workspace.po_path("fr", "iom-and-egypt-hold-regional-partners-briefing-on"))
    assert catalog.messages[0].auto_comments == ["title"]
    assert catalog.messages[1].msgid == "Cairo"
    assert catalog.messages[2].auto_comments == ["paragraph 1, sentence 1"]
    lines = [int(m.references[0].rsplit(":", 1)[1]) for m in catalog.messages]
    assert lines == sorted(lines)


@needs_gettext
def test_every_file_passes_msgfmt_check(seeded_workspace):
    files = sorted(seeded_workspace.root.glob("locales/*/*.po")) + sorted(seeded_workspace.root.glob("l10n/templates/*.pot"))
    assert len(files) == 45
    for path in files:
        done = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True)
        assert done.returncode == 0, f"{path}: {done.stderr}"


def test_second_sync_changes_no_byte(seeded_workspace):
    before = snapshot(seeded_workspace.root)
    sync_workspace(seeded_workspace)
    assert snapshot(seeded_workspace.root) == before
    sync_workspace(seeded_workspace, use_state=False)
    assert snapshot(seeded_workspace.root) == before


@needs_gettext
def test_file_resaved_by_msgcat_then_synced_shows_no_diff(seeded_workspace):
    path = translate(seeded_workspace, "fr", IRAQ, {CONVOY: CONVOY_FR})
    resaved = subprocess.run(["msgcat", str(path)], capture_output=True, check=True).stdout
    path.write_bytes(resaved)
    sync_workspace(seeded_workspace, use_state=False)
    assert path.read_bytes() == resaved


def test_editing_a_release_makes_fuzzy_and_obsolete_entries_and_keeps_translations(seeded_workspace):
    ws = seeded_workspace
    translate(ws, "fr", IRAQ, {
        CONVOY: CONVOY_FR,
        "Iraq": "Iraq",
        "Among the donor nations funding the non-food relief that IOM is distributing are the Kingdom of Saudi Arabia, Sweden and the United Kingdom.":
            "Parmi les pays donateurs qui financent l’aide non alimentaire distribuée par l’OIM figurent le Royaume d’Arabie saoudite, la Suède et le Royaume-Uni.",
    })
    release_path = ws.release_path(IRAQ)
    text = release_path.read_text(encoding="utf-8")
    text = text.replace("provided by UNICEF, WFP and UNFPA.", "provided by UNICEF and WFP.")
    text = text.replace("Among the donor nations funding the non-food relief that IOM is distributing are the Kingdom of Saudi Arabia, Sweden and the United Kingdom.\n", "")
    release_path.write_text(text, encoding="utf-8")
    sync_workspace(ws)
    catalog = read_po(ws.po_path("fr", IRAQ))
    changed = catalog.find("The convoy carried humanitarian aid provided by UNICEF and WFP.")
    assert changed.fuzzy and changed.msgstr == CONVOY_FR and changed.previous_msgid == CONVOY
    gone = {m.msgid: m.msgstr for m in catalog.obsolete()}
    assert gone[CONVOY] == CONVOY_FR
    assert gone["Among the donor nations funding the non-food relief that IOM is distributing are the Kingdom of Saudi Arabia, Sweden and the United Kingdom."].startswith("Parmi les pays donateurs")
    assert catalog.find("Iraq").msgstr == "Iraq"
    assert '#| "The convoy carried humanitarian aid provided by UNICEF, WFP and UNFPA."' in ws.po_path("fr", IRAQ).read_text(encoding="utf-8")


def test_broken_po_is_reported_left_untouched_and_others_still_synced(seeded_workspace, run_cli):
    ws = seeded_workspace
    broken = ws.po_path("ko", IRAQ)
    broken_bytes = broken.read_bytes().replace(b'msgid "Iraq"', b'msgid "Iraq', 1)
    broken.write_bytes(broken_bytes)
    ws.release_path(IRAQ).write_text(ws.release_path(IRAQ).read_text(encoding="utf-8").replace("UNFPA.", "UNFPA and UNHCR."), encoding="utf-8")
    result = run_cli("-C", str(ws.root), "sync")
    assert result.exit_code == 2
    assert str(broken) in result.stderr and "Traceback" not in result.stderr
    assert broken.read_bytes() == broken_bytes
    assert read_po(ws.po_path("fr", IRAQ)).find("The convoy carried humanitarian aid provided by UNICEF, WFP and UNFPA and UNHCR.")


def test_duplicate_msgid_is_an_error_with_its_line(seeded_workspace, run_cli):
    path = seeded_workspace.po_path("es", IRAQ)
    path.write_text(path.read_text(encoding="utf-8") + '\nmsgid "Iraq"\nmsgstr "Irak"\n', encoding="utf-8")
    line = path.read_text(encoding="utf-8").count("\n") - 1
    result = run_cli("-C", str(seeded_workspace.root), "sync", "--no-cache")
    assert result.exit_code == 2
    assert f"{path}:{line}:" in result.stderr


def test_sync_only_one_language(empty_workspace, run_cli, pages_dir):
    run_cli("-C", str(empty_workspace.root), "ingest", str(next(pages_dir.glob("004_*.txt"))))
    result = run_cli("-C", str(empty_workspace.root), "sync", "--lang", "fr")
    assert result.exit_code == 0
    assert [p.parent.name for p in empty_workspace.root.glob("locales/*/*.po")] == ["fr"]


def test_unknown_language_is_a_usage_error(seeded_workspace, run_cli):
    result = run_cli("-C", str(seeded_workspace.root), "sync", "--lang", "xx")
    assert result.exit_code == 2
    assert "unknown language code 'xx'" in result.stderr


def test_unknown_release_is_an_error_not_a_traceback(seeded_workspace, run_cli):
    result = run_cli("-C", str(seeded_workspace.root), "sync", "--release", "no-such-release")
    assert result.exit_code == 2
    assert "no-such-release.md: cannot read file: No such file or directory" in result.stderr


def test_a_file_where_a_folder_belongs_is_an_error_not_a_traceback(seeded_workspace, run_cli):
    folder = seeded_workspace.root / "locales" / "fr"
    for po in folder.iterdir():
        po.unlink()
    folder.rmdir()
    folder.write_text("not a folder", encoding="utf-8")
    result = run_cli("-C", str(seeded_workspace.root), "sync", "--no-cache")
    assert result.exit_code == 2
    assert "Not a directory" in result.stderr and str(folder) in result.stderr


def test_concurrent_syncs_do_not_corrupt_files(seeded_workspace):
    ws = seeded_workspace
    for release_id in ws.release_ids():
        path = ws.release_path(release_id)
        path.write_text(path.read_text(encoding="utf-8").replace(" IOM ", " the IOM ", 1), encoding="utf-8")
    command = [sys.executable, "-m", "presslate", "-C", str(ws.root), "sync", "--no-cache"]
    runs = [subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for _ in range(3)]
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0, err.decode()
    before = snapshot(ws.root)
    for path in ws.root.glob("locales/*/*.po"):
        read_po(path)
    assert not list(ws.root.rglob("*.tmp"))
    sync_workspace(ws, use_state=False)
    assert snapshot(ws.root) == before


def test_parallel_sync_writes_the_same_files_as_a_sequential_one(seeded_workspace, tmp_path, monkeypatch):
    import presslate.sync as sync_module

    ws = seeded_workspace
    for release_id in ws.release_ids():
        path = ws.release_path(release_id)
        path.write_text(path.read_text(encoding="utf-8").replace(" IOM ", " the IOM ", 1), encoding="utf-8")
    copy_root = tmp_path / "copy"
    shutil.copytree(ws.root, copy_root)
    from presslate.workspace import open_workspace

    moment = __import__("datetime").datetime(2026, 11, 27, 12, 0, tzinfo=__import__("datetime").timezone.utc)
    sequential = sync_workspace(open_workspace(explicit=copy_root), now=moment, jobs=1)
    monkeypatch.setattr(sync_module, "PARALLEL_THRESHOLD", 1)
    parallel = sync_workspace(ws, now=moment, jobs=2)
    assert len(parallel.written) == len(sequential.written) > 0
    assert snapshot(ws.root) == snapshot(copy_root)


def test_template_date_changes_only_when_the_template_does(seeded_workspace):
    import datetime as dt

    ws = seeded_workspace
    pot = ws.template_path(IRAQ)
    before = read_po(pot).header["POT-Creation-Date"]
    later = dt.datetime(2030, 1, 2, 3, 4, tzinfo=dt.timezone.utc)
    sync_workspace(ws, now=later, use_state=False)
    assert read_po(pot).header["POT-Creation-Date"] == before
    path = ws.release_path(IRAQ)
    path.write_text(path.read_text(encoding="utf-8").replace("UNFPA.", "UNFPA and UNHCR."), encoding="utf-8")
    sync_workspace(ws, now=later)
    assert read_po(pot).header["POT-Creation-Date"] == "2030-01-02 03:04+0000"
    assert read_po(ws.po_path("ko", IRAQ)).header["POT-Creation-Date"] == "2030-01-02 03:04+0000"
    other = ws.template_path("iom-and-egypt-hold-regional-partners-briefing-on")
    assert read_po(other).header["POT-Creation-Date"] == before


def test_sync_summary_counts_what_happened_to_entries(seeded_workspace, run_cli):
    ws = seeded_workspace
    translate(ws, "fr", IRAQ, {CONVOY: CONVOY_FR})
    path = ws.release_path(IRAQ)
    path.write_text(path.read_text(encoding="utf-8").replace("UNICEF, WFP and UNFPA.", "UNICEF and WFP."), encoding="utf-8")
    result = run_cli("-C", str(ws.root), "sync")
    assert result.exit_code == 0
    assert "entries: 3 new, 1 fuzzy (source changed), 1 made obsolete, 0 revived, 0 purged" in result.stderr


def test_purging_one_release_keeps_what_the_others_recorded(seeded_workspace):
    """--purge-obsolete rewrites the releases asked for; the next plain sync still skips the untouched others."""
    sync_workspace(seeded_workspace)
    first = seeded_workspace.release_ids()[0]
    sync_workspace(seeded_workspace, release_ids=[first], purge_obsolete=True)
    again = sync_workspace(seeded_workspace)
    assert again.skipped_releases == len(seeded_workspace.release_ids())


def test_a_malformed_sync_state_entry_is_forgotten_not_a_crash(seeded_workspace):
    import json

    sync_workspace(seeded_workspace)
    path = seeded_workspace.cache_dir / "sync-state.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    first = seeded_workspace.release_ids()[0]
    data["releases"][first]["po"] = [1]
    data["releases"]["other"] = "not a mapping"
    path.write_text(json.dumps(data), encoding="utf-8")
    again = sync_workspace(seeded_workspace)
    assert not again.errors
    assert again.skipped_releases == len(seeded_workspace.release_ids()) - 1
