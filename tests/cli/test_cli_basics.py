"""The command line as a user meets it: help texts, entry points, segment output."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from presslate.cli import COMMANDS, cli


def test_every_command_has_help(run_cli):
    for name in COMMANDS:
        result = run_cli(name, "--help")
        assert result.exit_code == 0
        assert "Usage: " in result.stdout and len(result.stdout.splitlines()) > 3, name


def test_python_dash_m_runs_the_cli():
    done = subprocess.run([sys.executable, "-m", "presslate", "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and "ingest" in done.stdout and "sync" in done.stdout


def test_python_dash_m_exit_statuses_and_output(tmp_path: Path, workspace_copy: Path):
    """The entry point ends the process itself: statuses, flushed output and error lines survive it."""
    def presslate(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "presslate", *args], capture_output=True, text=True)

    usage = presslate("no-such-command")
    assert usage.returncode == 2 and "No such command" in usage.stderr
    clean = presslate("-C", str(workspace_copy), "check", "--no-cache", "--format", "json")
    assert clean.returncode == 0 and clean.stdout.rstrip().endswith("}") and '"findings"' in clean.stdout
    broken = workspace_copy / "locales" / "fr" / "broken.po"
    broken.write_text('msgid "a"\nmsgstr "b\n', encoding="utf-8")
    failed = presslate("-C", str(workspace_copy), "check", "--no-cache")
    assert failed.returncode == 2
    assert f"{Path('locales', 'fr', 'broken.po')}:2: unterminated string" in failed.stderr.replace("\\", "/")


SCRIPT = Path(sys.executable).with_name("presslate")


@pytest.mark.skipif(not SCRIPT.exists(), reason="package not installed as a console script in this environment")
def test_installed_console_script_runs():
    done = subprocess.run([str(SCRIPT), "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and "presslate" in done.stdout


def test_segment_prints_one_sentence_per_line_and_marks_no_translate(run_cli):
    text = (
        "Last week, Iraqi Kurdish fighters, Shiite militias and the US military joined forces to recover Amerli "
        "from Islamic State (IS) fighters.  During the two-month siege, IS cut off supplies.\n"
        "Email: smegy@iom.int\n"
    )
    result = run_cli("segment", "-", input=text)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "Last week, Iraqi Kurdish fighters, Shiite militias and the US military joined forces to recover Amerli "
        "from Islamic State (IS) fighters.",
        "During the two-month siege, IS cut off supplies.",
        "Email: smegy@iom.int\t[no-translate]",
    ]


def test_segment_reports_a_line_that_is_not_utf8(run_cli, tmp_path):
    page = tmp_path / "page.txt"
    page.write_bytes("Geneva – IOM welcomes the news.\n".encode() + "Café latin-1.\n".encode("latin-1"))
    result = run_cli("segment", str(page))
    assert result.exit_code == 2
    assert f"{page}:2: not valid UTF-8 (byte 0xe9 at column 4)" in result.stderr
    assert result.stdout == "Geneva – IOM welcomes the news.\n"


def test_unknown_option_is_a_usage_error(run_cli):
    from click.testing import CliRunner

    result = CliRunner().invoke(cli, ["sync", "--frobnicate"])
    assert result.exit_code == 2
