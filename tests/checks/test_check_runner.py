"""run_checks on a copy of the example workspace: quiet on careful translations, loud on broken ones, cached, parallel."""

from __future__ import annotations

from pathlib import Path

import pytest

from presslate.catalog.pofile import read_po, write_po
from presslate.checks import CheckReport, run_checks
from presslate.checks import runner
from presslate.checks.finding import Severity
from presslate.checks.forkshare import can_fork
from presslate.errors import ConfigError
from presslate.workspace import open_workspace

IRAQ = "2014-09-09-iom-iraq-on-sunday-joined-a-relief-convoy"
EGYPT = "iom-focuses-on-migrants-in-crisis-displacement-at"
MEXICO = "2014-09-05-iom-and-mexicos-national-migration-institute-have-kicked"
KURDISTAN = "Iraq’s Kurdistan region today holds 50 per cent of all displaced individuals – some 862,458 people."


def fill(root: Path, translations: dict[str, dict[str, dict[str, str]]]) -> None:
    """Write the translations into the workspace's PO files."""
    for release, entries in translations.items():
        for lang in ("ko", "fr", "es", "ar"):
            path = root / "locales" / lang / f"{release}.po"
            catalog = read_po(path)
            for message in catalog.messages:
                if message.msgid in entries:
                    message.msgstr = entries[message.msgid][lang]
            write_po(path, catalog)


def edit(path: Path, msgid: str, msgstr: str, *, flags: list[str] | None = None,
         comments: list[str] | None = None) -> int:
    """Set one entry's translation (and flags, comments); returns the entry's line."""
    catalog = read_po(path)
    message = catalog.find(msgid)
    assert message is not None, msgid
    message.msgstr = msgstr
    message.flags = flags or []
    message.translator_comments = comments or []
    write_po(path, catalog)
    return read_po(path).find(msgid).line


def not_info(report: CheckReport) -> list[str]:
    return [f"{f.path}:{f.line}: {f.check}: {f.message}" for f in report.findings if f.severity is not Severity.INFO]


@pytest.fixture
def translated(workspace_copy: Path, seed_translations) -> Path:
    fill(workspace_copy, seed_translations)
    return workspace_copy


def test_quiet_on_careful_translations_of_the_seed_releases(translated: Path) -> None:
    report = run_checks(open_workspace(explicit=translated), use_cache=False)
    assert report.errors == []
    assert report.files_checked == 36
    assert not_info(report) == []
    assert {f.check for f in report.findings} == {"untranslated"}


def test_findings_carry_path_line_language_release_and_entry(translated: Path) -> None:
    path = translated / "locales" / "fr" / f"{IRAQ}.po"
    line = edit(path, KURDISTAN, "La région du Kurdistan irakien accueille aujourd’hui 50 % des déplacés, soit 826 458 "
                                 "personnes.")
    report = run_checks(open_workspace(explicit=translated), use_cache=False, languages=["fr"])
    [finding] = [f for f in report.findings if f.check == "numbers"]
    assert (finding.path, finding.line, finding.lang, finding.release) == (f"locales/fr/{IRAQ}.po", line, "fr", IRAQ)
    assert finding.msgid == KURDISTAN and finding.message == "862,458 became 826 458 in the translation"
    assert finding.severity is Severity.ERROR


def test_a_translator_silences_a_check_with_a_flag_or_a_comment(translated: Path) -> None:
    path = translated / "locales" / "ko" / f"{IRAQ}.po"
    edit(path, "Iraq", "Iraq")  # a copy of the source, but a name: unchanged stays quiet
    wrong = "현재 이라크 쿠르디스탄 지역에는 전체 실향민의 50%에 해당하는 약 86만 명이 머물고 있다."
    edit(path, KURDISTAN, wrong, flags=["ignore-numbers"])
    assert not_info(run_checks(open_workspace(explicit=translated), use_cache=False, languages=["ko"])) == []
    edit(path, KURDISTAN, wrong, comments=["presslate: ignore numbers"])
    assert not_info(run_checks(open_workspace(explicit=translated), use_cache=False, languages=["ko"])) == []
    edit(path, KURDISTAN, wrong)
    assert [f.check for f in run_checks(open_workspace(explicit=translated), use_cache=False,
                                        languages=["ko"]).findings if f.check == "numbers"] == ["numbers"]


def test_a_broken_po_file_is_reported_and_the_others_are_still_checked(translated: Path) -> None:
    broken = translated / "locales" / "es" / f"{EGYPT}.po"
    text = broken.read_text(encoding="utf-8")
    broken.write_text(text + "\ngarbage line\n", encoding="utf-8")
    edit(translated / "locales" / "es" / f"{IRAQ}.po", KURDISTAN, "La región acoge hoy al 50 % de los desplazados.")
    report = run_checks(open_workspace(explicit=translated), use_cache=False, languages=["es"])
    [error] = report.errors
    assert str(error) == f"locales/es/{EGYPT}.po:{text.count(chr(10)) + 2}: unknown keyword 'garbage'"
    assert report.files_checked == 8
    assert [f.message for f in report.findings if f.check == "numbers"] == ["862,458 is missing from the translation"]


def test_missing_path_is_an_input_error(translated: Path) -> None:
    report = run_checks(open_workspace(explicit=translated), paths=[translated / "locales" / "ko" / "nope.po"])
    assert [e.message for e in report.errors] == ["no such file or folder"]


def test_unknown_language_is_a_config_error(translated: Path) -> None:
    with pytest.raises(ConfigError):
        run_checks(open_workspace(explicit=translated), languages=["de"])


def test_paths_limit_findings_but_consistency_spans_all_releases(translated: Path) -> None:
    ko = translated / "locales" / "ko"
    edit(ko / f"{EGYPT}.po", "Egypt", "이라크")  # the same translation as "Iraq" in the Iraq release
    report = run_checks(open_workspace(explicit=translated), paths=[ko / f"{EGYPT}.po"], use_cache=False)
    assert report.files_checked == 1
    assert {f.path for f in report.findings} == {f"locales/ko/{EGYPT}.po"}
    [finding] = [f for f in report.findings if f.check == "inconsistent"]
    iraq_line = read_po(ko / f"{IRAQ}.po").find("Iraq").line
    assert finding.message == (f'the same translation is used for a different source, "Iraq", in '
                               f"locales/ko/{IRAQ}.po:{iraq_line}")
    only_iraq = run_checks(open_workspace(explicit=translated), paths=[ko / f"{IRAQ}.po"], use_cache=False)
    assert [f for f in only_iraq.findings if f.check == "inconsistent"] == []


@pytest.mark.parametrize("use_cache", [False, True], ids=["no-cache", "cache"])
def test_the_files_not_asked_about_are_only_read_for_their_entries(translated: Path, monkeypatch,
                                                                   use_cache: bool) -> None:
    """Checking one file runs the checks on that file alone; the language's other files feed consistency only."""
    checked: list[str] = []
    original = runner.check_file
    monkeypatch.setattr(runner, "check_file", lambda job: checked.append(job.rel) or original(job))
    target = translated / "locales" / "ko" / f"{EGYPT}.po"
    report = run_checks(open_workspace(explicit=translated), paths=[target], use_cache=use_cache, jobs=1)
    assert checked == [f"locales/ko/{EGYPT}.po"]
    assert report.files_checked == 1 and report.errors == []


def test_folder_paths_and_language_filter(translated: Path) -> None:
    report = run_checks(open_workspace(explicit=translated), paths=[translated / "locales"], languages=["ar"],
                        use_cache=False)
    assert report.files_checked == 9
    assert {f.lang for f in report.findings} == {"ar"}


def test_po_file_outside_locales_takes_its_language_from_the_header(translated: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.po"
    outside.write_bytes((translated / "locales" / "fr" / f"{MEXICO}.po").read_bytes())
    report = run_checks(open_workspace(explicit=translated), paths=[outside], use_cache=False)
    assert report.errors == [] and report.files_checked == 1
    assert {f.lang for f in report.findings} == {"fr"}


def test_mirror_title_reads_the_release_file(translated: Path) -> None:
    release = translated / "l10n" / "releases" / f"{MEXICO}.md"
    release.write_text(release.read_text(encoding="utf-8").replace("posted: 2014-09-09", "posted: 2014-09-01"),
                       encoding="utf-8")
    report = run_checks(open_workspace(explicit=translated), paths=[translated / "locales" / "ko" / f"{MEXICO}.po"],
                        use_cache=False)
    [finding] = [f for f in report.findings if f.check == "mirror-title"]
    assert (finding.path, finding.line, finding.release) == (f"l10n/releases/{MEXICO}.md", 10, MEXICO)
    assert finding.message == ("the title line is dated 2014/9/5 but the release was posted 4 day(s) earlier, "
                               "on 2014-09-01")
    assert [f for f in run_checks(open_workspace(explicit=translated), languages=["fr"]).findings
            if f.check == "mirror-title"] == []


def test_a_broken_release_file_is_one_input_error_whatever_the_languages(translated: Path) -> None:
    release = translated / "l10n" / "releases" / f"{MEXICO}.md"
    text = release.read_text(encoding="utf-8")
    release.write_text(text.replace("titles:\n  ko: ", "titles:\n  fr: \"Titre\n  es: Título\n  ko: "), encoding="utf-8")
    report = run_checks(open_workspace(explicit=translated), use_cache=False)
    broken = [error for error in report.errors if str(error.path) == f"l10n/releases/{MEXICO}.md"]
    assert len(broken) == 1, [str(error) for error in report.errors]
    assert "invalid front matter" in broken[0].message


@pytest.mark.parametrize("key", ["'ko'", '"ko" '])
def test_a_quoted_title_key_still_gives_the_finding_its_line(translated: Path, key: str) -> None:
    release = translated / "l10n" / "releases" / f"{MEXICO}.md"
    text = release.read_text(encoding="utf-8").replace("posted: 2014-09-09", "posted: 2014-09-01")
    release.write_text(text.replace("\n  ko: ", f"\n  {key}: "), encoding="utf-8")
    report = run_checks(open_workspace(explicit=translated), paths=[translated / "locales" / "ko" / f"{MEXICO}.po"],
                        use_cache=False)
    [finding] = [f for f in report.findings if f.check == "mirror-title"]
    assert (finding.path, finding.line) == (f"l10n/releases/{MEXICO}.md", 10)


def _signature(report: CheckReport) -> list[tuple]:
    return [(f.path, f.line, f.check, f.severity, f.message) for f in report.findings]


def test_cache_gives_the_same_report_and_rechecks_only_what_changed(translated: Path, monkeypatch) -> None:
    workspace = open_workspace(explicit=translated)
    path = translated / "locales" / "ko" / f"{IRAQ}.po"
    edit(path, KURDISTAN, "현재 이라크 쿠르디스탄 지역에는 전체 실향민의 50%가 머물고 있다.")
    cold = run_checks(workspace)
    assert "862,458 is missing from the translation" in [f.message for f in cold.findings]
    calls: list[str] = []
    original = runner.check_file
    monkeypatch.setattr(runner, "check_file", lambda job: calls.append(job.rel) or original(job))
    warm = run_checks(workspace)
    assert calls == [] and _signature(warm) == _signature(cold)
    assert (translated / ".presslate-cache" / ".gitignore").read_text() == "*\n"
    edit(path, KURDISTAN, "현재 이라크 쿠르디스탄 지역에는 전체 실향민의 50%에 해당하는 약 862,458명이 머물고 있다.")
    after_edit = run_checks(workspace)
    assert calls == [f"locales/ko/{IRAQ}.po"]
    assert _signature(after_edit) != _signature(cold)
    calls.clear()
    assert _signature(run_checks(workspace, use_cache=False)) == _signature(after_edit)
    assert len(calls) == 36


def test_cache_is_dropped_when_the_glossary_or_config_changes(translated: Path, monkeypatch) -> None:
    run_checks(open_workspace(explicit=translated))
    calls: list[str] = []
    original = runner.check_file
    monkeypatch.setattr(runner, "check_file", lambda job: calls.append(job.rel) or original(job))
    glossary = translated / "glossary.csv"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "Amerli,name,,yes,,,,,,,,,\n", encoding="utf-8")
    run_checks(open_workspace(explicit=translated))
    assert len(calls) == 36
    calls.clear()
    config = translated / "l10n" / "config.toml"
    config.write_text(config.read_text(encoding="utf-8") + '\n[check]\nfail_on = "warning"\n[check.severity]\n'
                                                           'unchanged = "error"\n', encoding="utf-8")
    run_checks(open_workspace(explicit=translated))
    assert len(calls) == 36


@pytest.mark.parametrize("forked", [True, False], ids=["forked-helpers", "process-pool"])
def test_workers_give_the_same_report(translated: Path, monkeypatch, forked: bool) -> None:
    edit(translated / "locales" / "fr" / f"{IRAQ}.po", "Iraq", "Iraq  ")
    workspace = open_workspace(explicit=translated)
    serial = run_checks(workspace, use_cache=False, jobs=1)
    monkeypatch.setattr(runner, "PARALLEL_MIN_FILES", 2)
    monkeypatch.setattr(runner, "can_fork", lambda: forked and can_fork())
    parallel = run_checks(workspace, use_cache=False, jobs=2)
    assert _signature(parallel) == _signature(serial)
    assert any(f.check == "whitespace" for f in parallel.findings)


def test_configured_severity_and_disabled_checks(translated: Path) -> None:
    config = translated / "l10n" / "config.toml"
    config.write_text(config.read_text(encoding="utf-8") + '\n[check.severity]\nuntranslated = "warning"\n'
                                                           '[check.languages.ko]\ndisable = ["untranslated"]\n',
                      encoding="utf-8")
    report = run_checks(open_workspace(explicit=translated), use_cache=False)
    assert {f.lang for f in report.findings} == {"fr", "es", "ar"}
    assert {f.severity for f in report.findings} == {Severity.WARNING}


def test_a_cache_made_under_another_key_is_not_trusted(translated: Path, monkeypatch, tmp_path: Path) -> None:
    run_checks(open_workspace(explicit=translated))
    calls: list[str] = []
    original = runner.check_file
    monkeypatch.setattr(runner, "check_file", lambda job: calls.append(job.rel) or original(job))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-machine"))
    run_checks(open_workspace(explicit=translated))
    assert len(calls) == 36
    assert (tmp_path / "another-machine" / "presslate" / "check-cache.key").is_file()


def test_no_cache_key_means_no_cache(translated: Path, monkeypatch, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    report = run_checks(open_workspace(explicit=translated))
    assert report.errors == [] and report.files_checked == 36
    assert not (translated / ".presslate-cache").exists()


def test_a_damaged_cache_part_is_ignored(tmp_path: Path) -> None:
    """A part with this run's key but a torn or foreign payload reads as empty: the files are checked again."""
    from presslate.checks.cache import SUFFIX, CheckCache

    folder = tmp_path / "check"
    cache = CheckCache(folder, "k" * 64)
    cache.put("files", "locales/fr/a.po", "digest", [["numbers", "error", 3, "m"]])
    cache.save()
    path = folder / f"files{SUFFIX}"
    assert CheckCache(folder, "k" * 64).get("files", "locales/fr/a.po", "digest") == [["numbers", "error", 3, "m"]]
    assert CheckCache(folder, "j" * 64).get("files", "locales/fr/a.po", "digest") is None
    data = path.read_bytes()
    for damaged in (data[:-7], data.split(b"\n", 1)[0] + b"\n{not marshal", data.split(b"\n", 1)[0] + b"\n"):
        path.write_bytes(damaged)
        assert CheckCache(folder, "k" * 64).get("files", "locales/fr/a.po", "digest") is None


def _touch(path: Path) -> None:
    """Write a file's own bytes back: its stamp changes, its content does not."""
    path.write_bytes(path.read_bytes())


@pytest.mark.parametrize("jobs", [1, 2])
def test_files_touched_but_unchanged_come_from_the_cache_under_the_key_the_worker_works_out(
        translated: Path, monkeypatch, jobs: int) -> None:
    from presslate.checks import engine

    edit(translated / "locales" / "fr" / f"{IRAQ}.po", "Iraq", "Iraq  ")
    workspace = open_workspace(explicit=translated)
    first = run_checks(workspace, jobs=1)
    for path in (translated / "locales").rglob("*.po"):
        _touch(path)
    checked: list[str] = []
    original = engine.catalog_rows
    monkeypatch.setattr(engine, "catalog_rows", lambda catalog, **kw: checked.append(kw["path"]) or original(catalog, **kw))
    monkeypatch.setattr(runner, "PARALLEL_MIN_FILES", 2)
    again = run_checks(workspace, jobs=jobs)
    assert _signature(again) == _signature(first)
    if jobs == 1:
        assert checked == []  # every file was found in the cache by the key worked out from its bytes
    edit(translated / "locales" / "fr" / f"{IRAQ}.po", "Iraq", "Irak")
    third = run_checks(workspace, jobs=1)
    assert not any(f.check == "whitespace" and IRAQ in (f.path or "") for f in third.findings)
    assert checked.count(f"locales/fr/{IRAQ}.po") == 1  # only the changed file was checked again


def test_the_key_a_worker_works_out_covers_the_po_file_and_a_release_file_with_titles(translated: Path) -> None:
    import hashlib

    from presslate.checks.cache import CheckCache
    from presslate.checks.files import Digests, collect_files, read_keyed

    workspace = open_workspace(explicit=translated)
    store = Digests(CheckCache(translated / ".presslate-cache" / "check", "k" * 64))
    pending = collect_files(workspace, None, ["ko"], [], store)
    assert pending and all(job.stamp is not None and job.digest == "" for job in pending)
    with_titles = 0
    for job in pending:
        data = job.path.read_bytes()
        release = job.release_path.read_bytes() if job.release_path and job.release_path.exists() else b""
        titled = b"\ntitles:" in release
        expected = hashlib.blake2b(data + b"\0release\0" + release if titled else data, digest_size=16).hexdigest()
        _, _, digest, with_release = read_keyed(job.path, job.release_path)
        assert (digest, with_release) == (expected, titled)
        with_titles += titled
    assert 0 < with_titles < len(pending)  # both kinds are seen: mirror releases carry titles, the others not


def test_a_replay_is_keyed_on_every_file_it_would_read_without_reading_them(translated: Path, monkeypatch) -> None:
    from presslate.checks.replay import request_key as key_of
    from presslate.checks.files import collect_check_files

    def request_key(workspace, *, paths, languages, options):
        return key_of(workspace, collect_check_files(workspace, paths=paths, languages=languages), paths=paths,
                      options=options)

    workspace = open_workspace(explicit=translated)
    options = {"format": "text"}
    key = request_key(workspace, paths=None, languages=["fr"], options=options)
    assert key == request_key(workspace, paths=None, languages=["fr"], options=options)
    release = next((translated / "l10n" / "releases").glob("*.md"))
    _touch(release)  # a release file may hold a title the checks read
    touched = request_key(workspace, paths=None, languages=["fr"], options=options)
    assert touched != key
    read: list[Path] = []
    original = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self) or original(self))
    request_key(workspace, paths=None, languages=["fr"], options=options)
    assert not [path for path in read if path.suffix in (".po", ".md")]
    edit(translated / "locales" / "fr" / f"{IRAQ}.po", "Iraq", "Irak ")
    assert request_key(workspace, paths=None, languages=["fr"], options=options) not in (key, touched)


@pytest.mark.skipif(not can_fork(), reason="background writes fork (Linux)")
def test_a_process_that_ends_after_its_command_writes_the_cache_in_the_background(translated: Path,
                                                                                 monkeypatch) -> None:
    from presslate.checks import cache as check_cache
    from presslate.checks import heap

    monkeypatch.setattr(heap, "_ENDS_AFTER_COMMAND", True)
    monkeypatch.setattr(heap.gc, "freeze", lambda: None)  # the test process goes on: keep its collector as it is
    workspace = open_workspace(explicit=translated)
    first = run_checks(workspace)
    assert check_cache._WRITERS  # a forked copy is writing
    check_cache.finish_writes()
    assert not check_cache._WRITERS
    assert (translated / ".presslate-cache" / "check" / "files.marshal").is_file()
    monkeypatch.setattr(heap, "_ENDS_AFTER_COMMAND", False)
    calls: list[str] = []
    original = runner.check_file
    monkeypatch.setattr(runner, "check_file", lambda job: calls.append(job.rel) or original(job))
    assert _signature(run_checks(workspace, jobs=1)) == _signature(first)
    assert calls == []  # everything came from what the background writer wrote
