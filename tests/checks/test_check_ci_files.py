"""The files other repositories use to run the checks: the pre-commit hook and the CI examples."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]


def test_pre_commit_hook() -> None:
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "presslate-check"
    assert hook["entry"] == "presslate check"
    assert hook["pass_filenames"] is True
    assert re.search(hook["files"], "locales/ko/2014-09-09-iom-iraq.po")
    assert not re.search(hook["files"], "l10n/templates/x.pot")


def test_ci_examples_are_valid_yaml_and_upload_sarif() -> None:
    text = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, flags=re.S)
    assert len(blocks) >= 3
    workflows = [yaml.safe_load(block) for block in blocks]
    github = workflows[0]
    steps = github["jobs"]["check"]["steps"]
    assert any("--format sarif --output presslate.sarif" in step.get("run", "") for step in steps)
    upload = next(step for step in steps if "upload-sarif" in step.get("uses", ""))
    assert upload["with"]["sarif_file"] == "presslate.sarif" and upload["if"] == "always()"
    assert github["permissions"]["security-events"] == "write"
