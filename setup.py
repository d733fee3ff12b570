"""Build hook: compile the hot modules listed in src/presslate/_speedups/modules.txt with Cython, if it can.

Everything else about the package is in pyproject.toml. The compiled copies go to
presslate/_speedups/ (never beside their sources, so an edited source is never shadowed), with
built.json naming each one and the hash of the source it came from; presslate uses a copy only
while its source is unchanged. Without Cython or a C compiler the build goes on, and presslate
runs as plain Python with the same results.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
SPEEDUPS = ROOT / "src" / "presslate" / "_speedups"
DIRECTIVES = {
    "language_level": 3,
    "annotation_typing": False,  # annotations document; they must not become C type checks
    "binding": True,  # functions stay introspectable and work with functools.lru_cache
}


def listed_modules() -> list[str]:
    lines = (SPEEDUPS / "modules.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def source_of(name: str) -> Path:
    return ROOT.joinpath("src", *name.split(".")).with_suffix(".py")


def extensions() -> list[Extension]:
    if os.environ.get("PRESSLATE_NO_COMPILE", "") not in ("", "0"):
        return []
    try:
        from Cython.Build import cythonize
    except ImportError:
        print("presslate: Cython is not available; installing plain Python", file=sys.stderr)
        return []
    modules = [Extension(name, [str(source_of(name).relative_to(ROOT))], optional=True) for name in listed_modules()]
    return cythonize(modules, compiler_directives=DIRECTIVES, build_dir="build/cython", quiet=True)


class BuildCompiled(build_ext):
    """Moves each compiled module under presslate/_speedups/ and records the source it was built from.

    Cython compiles ``presslate.checks.numerals`` under its own name (classes keep their
    ``__module__``), and setuptools puts the result beside the source; it is moved to
    ``presslate/_speedups/checks/`` (in the build folder, and in ``src`` for an editable install).
    """

    def finalize_options(self) -> None:
        super().finalize_options()
        if not self.parallel:
            self.parallel = os.cpu_count() or 1  # one module per core: the install waits on the C compiler

    def build_extension(self, ext: Extension) -> None:
        try:
            super().build_extension(ext)
        except Exception as exc:  # noqa: BLE001 - a module that does not compile stays plain Python
            print(f"presslate: {ext.name} not compiled ({exc}); it runs as plain Python", file=sys.stderr)

    def copy_extensions_to_source(self) -> None:
        """An editable install: the compiled modules go to src/presslate/_speedups/, with the manifest."""
        self._place(ROOT / "src" / "presslate" / "_speedups")

    def run(self) -> None:
        super().run()
        if not self.inplace:
            self._place(Path(self.build_lib) / "presslate" / "_speedups")

    def _place(self, folder: Path) -> None:
        built = {}
        for ext in self.extensions:
            compiled = Path(self.build_lib, self.get_ext_filename(ext.name))
            if not compiled.is_file():
                continue
            target = folder.joinpath(*ext.name.split(".")[1:-1], compiled.name)
            target.parent.mkdir(parents=True, exist_ok=True)
            self.copy_file(str(compiled), str(target))
            built[ext.name] = {"file": target.relative_to(folder).as_posix(),
                               "sha256": hashlib.sha256(source_of(ext.name).read_bytes()).hexdigest()}
        if not self.inplace and folder.is_relative_to(self.build_lib):
            for ext in self.extensions:  # nothing beside the sources in the wheel either
                Path(self.build_lib, self.get_ext_filename(ext.name)).unlink(missing_ok=True)
        manifest = {"python": sys.implementation.cache_tag, "modules": built}
        (folder / "built.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")


setup(ext_modules=extensions(), cmdclass={"build_ext": BuildCompiled})
