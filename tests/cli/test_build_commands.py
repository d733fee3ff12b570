"""The ``build`` and ``compile`` commands: help a translator can read, and option checks."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from presslate.cli import cli


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.mark.parametrize(("command", "phrases"), [
    ("build", ["--mirror", "--min-translated", "--include-drafts", "--format", "html|md|txt", "--output",
               "({date:y/M/d}) {title}", "skipped"]),
    ("compile", ["LC_MESSAGES", "fuzzy", "--lang", "--output"]),
])
def test_help(command: str, phrases: list[str]) -> None:
    result = invoke(command, "--help")

    assert result.exit_code == 0
    for phrase in phrases:
        assert phrase in result.output


@pytest.mark.parametrize("args", [["--format", "pdf"], ["--min-translated", "150"], ["--min-translated", "-1"]])
def test_bad_options_are_usage_errors(args: list[str], tmp_path) -> None:
    result = invoke("-C", str(tmp_path), "build", *args)

    assert result.exit_code == 2


def test_build_outside_a_workspace(tmp_path) -> None:
    result = invoke("-C", str(tmp_path), "build")

    assert result.exit_code == 2
    assert "is not a presslate workspace" in result.stderr
