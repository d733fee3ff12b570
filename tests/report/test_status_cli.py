"""``presslate status`` as a coordinator and a CI job use it: formats, files, broken PO files, exit codes."""

from __future__ import annotations

import json
import pytest

from status_workspace import EGYPT, IRAQ_TRAINING


@pytest.fixture
def status(run_cli, translated_workspace, qa_errors):
    """Run ``presslate -C <workspace> status ...`` with QA finding nothing."""
    qa_errors()
    return lambda *args: run_cli("-C", str(translated_workspace.root), "status", *args)


def test_default_is_a_terminal_table_per_language(status):
    result = status()
    assert result.exit_code == 0, result.stderr
    assert "Korean (ko)" in result.stdout and "Arabic (ar)" in result.stdout
    assert "\x1b[" not in result.stdout, "no colour when not writing to a terminal"


def test_json_to_a_file(status, translated_workspace, tmp_path):
    target = tmp_path / "out" / "status.json"
    result = status("--format", "json", "--output", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["languages"]["fr"]["ready"] == 1
    assert [p.name for p in target.parent.iterdir()] == ["status.json"], "no temporary file left behind"


def test_broken_po_file_is_reported_counted_and_does_not_stop_the_others(status, translated_workspace):
    broken = translated_workspace.po_path("fr", IRAQ_TRAINING)
    text = broken.read_text(encoding="utf-8")
    broken.write_text(text + '\nmsgid "Iraq"\nmsgstr "Irak"\n', encoding="utf-8")  # a second "Iraq" entry
    result = status("--format", "json")
    assert result.exit_code == 2
    relative = f"locales/fr/{IRAQ_TRAINING}.po"
    assert result.stderr.startswith(f"{relative}:")
    data = json.loads(result.stdout)
    release = next(r for r in data["releases"] if (r["id"], r["lang"]) == (IRAQ_TRAINING, "fr"))
    assert release["state"] == "broken" and not release["ready"] and release["error"]["path"] == relative
    assert data["languages"]["fr"]["broken"] == 1 and data["broken"] == [release["error"]]
    egypt = next(r for r in data["releases"] if (r["id"], r["lang"]) == (EGYPT, "fr"))
    assert egypt["ready"] and data["languages"]["ko"]["draft"] == 2
    assert release["error"]["line"] > 1 and "duplicate" in release["error"]["message"]
    assert result.stderr.startswith(f"{relative}:{release['error']['line']}: ")


def test_fail_under_exits_1_when_a_language_is_under_it(status):
    passing = status("--lang", "fr", "--fail-under", "10", "--format", "csv")
    assert passing.exit_code == 0, passing.stderr
    failing = status("--fail-under", "10", "--format", "markdown")
    assert failing.exit_code == 1
    assert "presslate: ko is 1.5% translated (by source words), under --fail-under 10" in failing.stderr
    assert "fr is" not in failing.stderr
    assert "| French (fr) |" in failing.stdout, "the report is still written"


@pytest.mark.parametrize("args", [
    ("--format", "pdf"),
    ("--by", "week"),
    ("--fail-under", "101"),
    ("--fail-under", "many"),
    ("--release", "no-such-release"),
    ("--release", "../../etc"),
    ("--lang", "xx"),
    ("--lang", "de"),
])
def test_usage_errors_exit_2(status, args):
    result = status(*args)
    assert result.exit_code == 2
    assert result.stdout == ""


def test_release_and_language_filters(status):
    result = status("--release", EGYPT, "--lang", "fr", "--lang", "ko", "--format", "json")
    data = json.loads(result.stdout)
    assert [(r["id"], r["lang"]) for r in data["releases"]] == [(EGYPT, "fr"), (EGYPT, "ko")]
    assert list(data["languages"]) == ["fr", "ko"]


def test_no_cache_neither_reads_nor_writes_the_cache(status, translated_workspace):
    cache = translated_workspace.cache_dir / "status-counts.json"
    cache.unlink(missing_ok=True)
    assert status("--no-cache", "--format", "json").exit_code == 0
    assert not cache.exists()
    first = status("--format", "json")
    assert cache.exists()
    again = status("--format", "json")
    strip = lambda text: {k: v for k, v in json.loads(text).items() if k != "generated_at"}  # noqa: E731
    assert strip(first.stdout) == strip(again.stdout)


def test_by_translator_and_by_release(status):
    people = status("--by", "translator")
    assert "Claire Martin" in people.stdout and "Min-jun Park" in people.stdout
    releases = status("--by", "release", "--format", "markdown")
    assert f"| {EGYPT}<br>IOM and Egypt Hold" in releases.stdout
    assert "100.0% ready" in releases.stdout


def test_help_explains_the_states(run_cli):
    result = run_cli("status", "--help")
    assert result.exit_code == 0
    for word in ("draft", "fuzzy", "untranslated", "obsolete", "--fail-under", "--by", "--no-cache"):
        assert word in result.stdout
