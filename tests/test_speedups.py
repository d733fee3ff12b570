"""Compiled copies of the hot modules: used only while they match their sources, and giving the same results."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from presslate import _speedups
from presslate._speedups import CompiledFinder, module_names, source_path

ROOT = Path(__file__).resolve().parents[1]


def test_every_listed_module_exists_as_source() -> None:
    names = module_names()
    assert "presslate.checks.numerals" in names and "presslate.terms" in names
    assert all(source_path(name).is_file() for name in names)


def _finder_for(name: str, tmp_path: Path, *, sha256: str) -> CompiledFinder:
    compiled = tmp_path / "numerals.so"
    compiled.write_bytes(b"not loaded by find_spec")
    return CompiledFinder({name: {"file": os.path.relpath(compiled, _speedups.HERE), "sha256": sha256}})


def test_a_compiled_copy_is_offered_while_its_source_is_unchanged(tmp_path: Path) -> None:
    name = "presslate.checks.numerals"
    current = hashlib.sha256(source_path(name).read_bytes()).hexdigest()
    spec = _finder_for(name, tmp_path, sha256=current).find_spec(name)
    assert spec is not None and spec.name == name and spec.origin.endswith("numerals.so")


def test_an_edited_source_is_read_instead_of_its_stale_compiled_copy(tmp_path: Path) -> None:
    name = "presslate.checks.numerals"
    stale = hashlib.sha256(b"the source as it was when compiled").hexdigest()
    assert _finder_for(name, tmp_path, sha256=stale).find_spec(name) is None
    assert _finder_for(name, tmp_path, sha256=stale).find_spec("presslate.checks.runner") is None


def _run_check(workspace: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **env}
    code = ("import sys, presslate.cli; from presslate._speedups import compiled_in_use; "
            "sys.argv = ['presslate', '-q', '-C', sys.argv[1], 'check', '--no-cache', '--format', 'json'];"
            "import atexit; atexit.register(lambda: print('COMPILED', compiled_in_use(), file=sys.stderr));"
            "presslate.cli.cli.main(prog_name='presslate')")
    return subprocess.run([sys.executable, "-c", code, str(workspace)], capture_output=True, text=True, env=environment)


def _built() -> dict[str, dict[str, str]]:
    try:
        return json.loads(_speedups.MANIFEST.read_text(encoding="utf-8"))["modules"]
    except (OSError, ValueError, KeyError):
        return {}


def _stale(built: dict[str, dict[str, str]]) -> list[str]:
    return [name for name, entry in built.items()
            if hashlib.sha256(source_path(name).read_bytes()).hexdigest() != entry["sha256"]]


@pytest.mark.skipif(not _built(), reason="the compiled copies are not built here")
@pytest.mark.skipif(bool(_stale(_built())), reason="sources changed since the build: pip install -e . compiles them again")
def test_compiled_and_plain_python_give_the_same_report_on_the_bundled_workspace() -> None:
    assert set(_built()) == set(module_names())  # every listed module compiled
    compiled = _run_check(ROOT)
    plain = _run_check(ROOT, PRESSLATE_PURE_PYTHON="1")
    assert "presslate.checks.numerals" in compiled.stderr.split("COMPILED", 1)[1]
    assert "COMPILED []" in plain.stderr
    assert (compiled.returncode, compiled.stdout) == (plain.returncode, plain.stdout)
    assert json.loads(compiled.stdout)["summary"]["files_checked"] > 0
