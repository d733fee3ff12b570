"""Compiled copies of the hot modules, used in place of the source modules only while they match them.

``setup.py`` compiles the modules named in ``modules.txt`` with Cython into this folder (as
``checks/numerals.<abi>.so`` for ``presslate.checks.numerals``) and writes ``built.json``: each
module with the SHA-256 of the source it was compiled from. :func:`install` puts a finder first
on ``sys.meta_path`` that gives the compiled module for such a name when the source file still
has that hash, and leaves every other import (and any edited module) to Python. Nothing is
compiled at run time; without a build, or with ``PRESSLATE_PURE_PYTHON=1``, all of presslate
runs as plain Python, with the same results.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from importlib.machinery import ExtensionFileLoader, ModuleSpec
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKAGE = HERE.parent
MANIFEST = HERE / "built.json"
PURE_ENV = "PRESSLATE_PURE_PYTHON"


def module_names() -> list[str]:
    """The dotted names listed in ``modules.txt``."""
    lines = (HERE / "modules.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def source_path(name: str) -> Path:
    """The source file of ``presslate.x.y``: ``<package>/x/y.py``."""
    return PACKAGE.joinpath(*name.split(".")[1:]).with_suffix(".py")


def source_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class CompiledFinder:
    """Finds the compiled copy of a listed module when it was built from the source file as it is now.

    A meta path finder needs only ``find_spec``; not deriving from ``importlib.abc.MetaPathFinder``
    spares every command the import of ``importlib.resources`` (10 ms).
    """

    def __init__(self, built: dict[str, dict[str, str]]) -> None:
        self.built = built
        self.used: list[str] = []

    def find_spec(self, fullname: str, path=None, target=None) -> ModuleSpec | None:
        entry = self.built.get(fullname)
        if entry is None:
            return None
        compiled = HERE / entry["file"]
        try:
            if not compiled.is_file() or source_hash(source_path(fullname)) != entry["sha256"]:
                return None  # not built here, or the source changed since: Python reads the source
        except OSError:
            return None
        self.used.append(fullname)
        return ModuleSpec(fullname, ExtensionFileLoader(fullname, str(compiled)), origin=str(compiled))


def install() -> CompiledFinder | None:
    """Put the finder first on ``sys.meta_path`` (once), unless nothing was built or plain Python is asked for."""
    for finder in sys.meta_path:
        if isinstance(finder, CompiledFinder):
            return finder
    if os.environ.get(PURE_ENV, "") not in ("", "0"):
        return None
    try:
        built = json.loads(MANIFEST.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(built, dict) or built.get("python") != sys.implementation.cache_tag:
        return None
    finder = CompiledFinder({name: entry for name, entry in built.get("modules", {}).items()
                             if isinstance(entry, dict) and {"file", "sha256"} <= entry.keys()})
    sys.meta_path.insert(0, finder)
    return finder


def compiled_in_use() -> list[str]:
    """The modules imported from their compiled copies in this process, sorted."""
    for finder in sys.meta_path:
        if isinstance(finder, CompiledFinder):
            return sorted(name for name in finder.used if name in sys.modules)
    return []
