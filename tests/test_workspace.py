"""Workspace creation, discovery and configuration errors."""

from __future__ import annotations

import pytest

from presslate.errors import ConfigError, WorkspaceError
from presslate.workspace import load_config, open_workspace, safe_release_id


def test_init_creates_config_folders_and_glossary(tmp_path, run_cli):
    result = run_cli("init", str(tmp_path / "office"), "--languages", "ko,fr,pt-BR,zh_Hans")
    assert result.exit_code == 0, result.stderr
    root = tmp_path / "office"
    config = load_config(root / "l10n" / "config.toml")
    assert config.languages == ("ko", "fr", "pt_BR", "zh_Hans")
    assert config.source_language == "en"
    for folder in ("l10n/releases", "l10n/templates", "locales/ko", "locales/pt_BR", "locales/zh_Hans"):
        assert (root / folder).is_dir()
    assert (root / "glossary.csv").read_text(encoding="utf-8").startswith("term,kind,")


def test_init_refuses_unknown_language_and_existing_workspace(tmp_path, run_cli):
    bad = run_cli("init", str(tmp_path / "a"), "--languages", "ko,klingon")
    assert bad.exit_code == 2 and "unknown language code 'klingon'" in bad.stderr
    assert not (tmp_path / "a" / "l10n" / "config.toml").exists()
    run_cli("init", str(tmp_path / "b"), "--languages", "fr")
    again = run_cli("init", str(tmp_path / "b"), "--languages", "fr")
    assert again.exit_code == 2 and "already exists" in again.stderr


def test_workspace_is_found_by_walking_up(empty_workspace):
    deep = empty_workspace.root / "locales" / "ko"
    assert open_workspace(deep).root == empty_workspace.root


def test_commands_outside_a_workspace_say_so(tmp_path, run_cli):
    result = run_cli("sync", cwd=tmp_path)
    assert result.exit_code == 2
    assert "no presslate workspace found" in result.stderr


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[project]\nlanguages = ["ko"]\n[bogus]\n', "unknown section"),
        ('[project]\nlanguages = []\n', "non-empty list"),
        ('[project]\nlanguages = ["ko", "xx"]\n', "unknown language code 'xx'"),
        ('[project]\nsource_language = "en"\nlanguages = ["en"]\n', "cannot also be a target"),
        ('[project]\nlanguages = ["ko"]\n[sync]\nfuzzy_threshold = 150\n', "fuzzy_threshold"),
        ('[project\nlanguages = ["ko"]\n', "invalid TOML"),
    ],
)
def test_bad_configuration_is_reported_with_its_path(tmp_path, toml, message, run_cli):
    path = tmp_path / "l10n" / "config.toml"
    path.parent.mkdir(parents=True)
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert message in str(caught.value)
    assert str(caught.value).startswith(str(path))
    result = run_cli("-C", str(tmp_path), "sync")
    assert result.exit_code == 2 and message in result.stderr


@pytest.mark.parametrize("bad", ["../etc/passwd", "UPPER", "a/b", "", "x.md", "-lead"])
def test_release_ids_never_become_paths(bad):
    with pytest.raises(WorkspaceError):
        safe_release_id(bad)


def test_a_language_asked_for_twice_is_chosen_once():
    from tests.conftest import REPO

    workspace = open_workspace(explicit=REPO)
    assert workspace.select_languages(["fr", "fr", "ko", "FR"]) == ["fr", "ko"]


def test_check_with_a_language_given_twice_checks_its_files_once(run_cli):
    from tests.conftest import REPO

    once = run_cli("-C", str(REPO), "check", "--no-cache", "--lang", "fr")
    twice = run_cli("-C", str(REPO), "check", "--no-cache", "--lang", "fr", "--lang", "fr")
    assert (twice.exit_code, twice.stdout, twice.stderr) == (once.exit_code, once.stdout, once.stderr)
    assert "in 9 files" in once.stderr
