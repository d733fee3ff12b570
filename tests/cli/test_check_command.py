"""``presslate check``: exit codes, formats, --list, --output, configuration and input errors."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from presslate.catalog.pofile import read_po, write_po
from presslate.cli import cli
from presslate.checks.registry import CHECK_IDS

REPO = Path(__file__).resolve().parents[2]
IRAQ = "2014-09-09-iom-iraq-on-sunday-joined-a-relief-convoy"
KURDISTAN = "Iraq’s Kurdistan region today holds 50 per cent of all displaced individuals – some 862,458 people."


@pytest.fixture(autouse=True)
def own_cache_key(tmp_path, monkeypatch) -> None:
    """The check cache's key lives in a throw-away folder, not in the user's ~/.cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))


@pytest.fixture
def workspace(workspace_copy: Path) -> Path:
    return workspace_copy


def translate(root: Path, lang: str, msgid: str, msgstr: str) -> int:
    path = root / "locales" / lang / f"{IRAQ}.po"
    catalog = read_po(path)
    catalog.find(msgid).msgstr = msgstr
    write_po(path, catalog)
    return read_po(path).find(msgid).line


def run(root: Path, *args: str):
    return CliRunner().invoke(cli, ["-C", str(root), "check", *args])


def test_list_prints_every_check_with_its_examples() -> None:
    result = CliRunner().invoke(cli, ["check", "--list"])
    assert result.exit_code == 0
    for check_id in CHECK_IDS:
        assert f"\n{check_id}  [" in "\n" + result.output
    assert "numbers  [error]  Numbers" in result.output
    assert "Fails (fr):" in result.output and "Passes (fr):" in result.output


def test_untranslated_workspace_passes(workspace: Path) -> None:
    result = run(workspace)
    assert result.exit_code == 0, result.output
    assert "info untranslated: not translated yet" in result.stdout
    assert "0 errors, 0 warnings" in result.stderr


def test_an_error_fails_with_exit_1_in_compiler_form(workspace: Path) -> None:
    line = translate(workspace, "fr", KURDISTAN, "La région accueille 50 % des déplacés, soit 826 458 personnes.")
    result = run(workspace, "--lang", "fr", "--min-severity", "warning")
    assert result.exit_code == 1
    assert result.stdout == f"locales/fr/{IRAQ}.po:{line}: error numbers: 862,458 became 826 458 in the translation\n"


@pytest.mark.parametrize("cache", [[], ["--no-cache"]], ids=["cache", "no-cache"])
@pytest.mark.parametrize("given", [[], ["locales/fr"]], ids=["workspace", "folder"])
def test_an_unreadable_po_file_is_an_input_error_not_skipped(workspace: Path, cache: list[str], given: list[str]) -> None:
    broken = workspace / "locales" / "fr" / "zz-broken.po"
    broken.symlink_to(workspace / "no-such-file.po")
    result = run(workspace, *cache, *[str(workspace / part) for part in given])
    assert result.exit_code == 2, result.output
    assert "locales/fr/zz-broken.po: cannot read: No such file or directory" in result.stderr


@pytest.mark.parametrize("cache", [[], ["--no-cache"]], ids=["cache", "no-cache"])
@pytest.mark.parametrize(("make", "problem"), [
    (lambda path: path.mkdir(), "Is a directory"),
    (lambda path: os.mkfifo(path), "not a regular file"),  # reported, not waited on
], ids=["folder", "named-pipe"])
def test_a_po_name_that_is_not_a_file_is_an_input_error(workspace: Path, cache: list[str], make, problem: str) -> None:
    make(workspace / "locales" / "fr" / "zz-odd.po")
    result = run(workspace, *cache)
    assert result.exit_code == 2, result.output
    assert f"locales/fr/zz-odd.po: cannot read: {problem}" in result.stderr


def test_fail_on_warning(workspace: Path) -> None:
    translate(workspace, "es", "Iraq", "Irak ")
    assert run(workspace, "--lang", "es").exit_code == 0
    assert run(workspace, "--lang", "es", "--fail-on", "warning").exit_code == 1
    config = workspace / "l10n" / "config.toml"
    config.write_text(config.read_text(encoding="utf-8") + '\n[check]\nfail_on = "warning"\n', encoding="utf-8")
    assert run(workspace, "--lang", "es").exit_code == 1
    assert run(workspace, "--lang", "es", "--fail-on", "error").exit_code == 0


def test_unknown_check_id_in_config_is_exit_2_with_the_path(workspace: Path) -> None:
    config = workspace / "l10n" / "config.toml"
    config.write_text(config.read_text(encoding="utf-8") + '\n[check.languages.ko]\ndisable = ["double-spaces"]\n',
                      encoding="utf-8")
    result = run(workspace)
    assert result.exit_code == 2
    assert f"{config}: [check] languages.ko.disable: unknown check id 'double-spaces'" in result.stderr


def test_broken_po_file_is_exit_2_and_the_rest_is_still_reported(workspace: Path) -> None:
    broken = workspace / "locales" / "ko" / "iom-focuses-on-migrants-in-crisis-displacement-at.po"
    broken.write_text(broken.read_text(encoding="utf-8") + "\ngarbage line\n", encoding="utf-8")
    translate(workspace, "ko", KURDISTAN, "이라크 쿠르디스탄 지역에는 실향민 50%가 머물고 있다.")
    result = run(workspace, "--lang", "ko")
    assert result.exit_code == 2
    assert result.stderr.startswith("locales/ko/iom-focuses-on-migrants-in-crisis-displacement-at.po")
    assert "error numbers: 862,458 is missing from the translation" in result.stdout


def test_unknown_language_is_exit_2(workspace: Path) -> None:
    result = run(workspace, "--lang", "de")
    assert result.exit_code == 2
    assert "'de' is not a target language" in result.stderr


def test_json_to_a_file(workspace: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    mexico = "2014-09-05-iom-and-mexicos-national-migration-institute-have-kicked"
    result = run(workspace, "--format", "json", "--output", str(out), str(workspace / "locales" / "ko" / f"{mexico}.po"))
    assert result.exit_code == 0 and result.stdout == ""
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["summary"]["files_checked"] == 1
    assert document["findings"] and {finding["path"] for finding in document["findings"]} == {f"locales/ko/{mexico}.po"}
    assert {finding["check"] for finding in document["findings"]} == {"untranslated"}


@pytest.mark.parametrize(("output_format", "start"), [
    ("sarif", '{\n  "$schema"'),
    ("junit", "<?xml version='1.0' encoding='UTF-8'?>\n<testsuites"),
    ("github", "::notice file=locales/ar/"),
])
def test_other_formats(workspace: Path, output_format: str, start: str) -> None:
    result = run(workspace, "--format", output_format, "--no-cache", "--jobs", "1")
    assert result.exit_code == 0
    assert result.stdout.startswith(start)


def test_an_identical_request_replays_the_last_output(workspace: Path, monkeypatch) -> None:
    translate(workspace, "fr", KURDISTAN, "La région accueille 50 % des déplacés, soit 826 458 personnes.")
    first = run(workspace, "--lang", "fr", "--min-severity", "warning")
    import presslate.checks.runner as runner

    def refuse(*args, **kwargs):
        raise AssertionError("the checks ran again")

    monkeypatch.setattr(runner, "run_checks", refuse)
    again = run(workspace, "--lang", "fr", "--min-severity", "warning")
    assert (again.exit_code, again.stdout, again.stderr) == (first.exit_code, first.stdout, first.stderr)
    assert again.exit_code == 1
    refused = run(workspace, "--lang", "fr", "--min-severity", "warning", "--no-cache")
    assert isinstance(refused.exception, AssertionError)  # --no-cache never replays
    other_format = run(workspace, "--lang", "fr", "--format", "json")
    assert isinstance(other_format.exception, AssertionError)  # another request runs the checks
    monkeypatch.undo()
    translate(workspace, "fr", KURDISTAN, "La région accueille 50 % des déplacés, soit 862 458 personnes.")
    fixed = run(workspace, "--lang", "fr", "--min-severity", "warning")
    assert fixed.exit_code == 0 and fixed.stdout == ""
