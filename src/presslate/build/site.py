"""The output folder: claimed with a marker file, filled through a temporary folder, then moved into place."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

from presslate.errors import UsageError
from presslate.fileio import write_text_atomic

MARKER = ".presslate-site"
MARKER_TEXT = "This folder is written by 'presslate build'; its language folders are replaced on every build.\n"
STAGING_PREFIX = ".presslate-staging-"
_SAFE_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def claim_output(folder: Path, *, default: bool = False) -> None:
    """Make ``folder`` a presslate output folder; refuse a folder chosen with ``--output`` that holds other files.

    A build replaces whole language folders, so it only writes into a folder that is new,
    empty, or was created by presslate (it holds the marker file). The workspace's default
    ``site/`` folder is presslate's in any case (other commands put reports there too); it
    is kept out of git.
    """
    if folder.exists() and not folder.is_dir():
        raise UsageError("the output path exists and is not a folder", path=folder)
    if not default and folder.is_dir() and not (folder / MARKER).exists():
        leftovers = [entry.name for entry in folder.iterdir()]
        if leftovers:
            raise UsageError(
                f"the output folder is not empty and was not written by presslate (no {MARKER} file); "
                "choose a new or empty folder with --output",
                path=folder,
            )
    folder.mkdir(parents=True, exist_ok=True)
    write_text_atomic(folder / MARKER, MARKER_TEXT)
    if default:
        write_text_atomic(folder / ".gitignore", "*\n")


def publish_folders(output: Path, files: dict[str, dict[str, str]], *, default: bool = False) -> list[Path]:
    """Write ``{subfolder: {file name: text}}`` under ``output``, replacing each subfolder as a whole.

    Every file is first written to a staging folder inside ``output``; only when all are
    written are the subfolders swapped into place, so an error leaves the output as it was.
    Other files and folders of ``output`` are left alone.
    """
    for subfolder, contents in files.items():
        for name in (subfolder, *contents):
            if not _SAFE_NAME_RE.match(name):
                raise ValueError(f"unsafe output name {name!r}")
    claim_output(output, default=default)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=output))
    written: list[Path] = []
    try:
        for subfolder, contents in files.items():
            target = staging / subfolder
            target.mkdir()
            for name, text in contents.items():
                (target / name).write_text(text, encoding="utf-8")
        for subfolder, contents in files.items():
            _swap_in(staging / subfolder, output / subfolder, trash=staging / f".old-{subfolder}")
            written += [output / subfolder / name for name in contents]
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return written


def _swap_in(new: Path, target: Path, *, trash: Path) -> None:
    """Replace ``target`` by ``new`` with two renames; the old folder is put back if the second fails."""
    had_old = target.exists()
    if had_old:
        os.rename(target, trash)
    try:
        os.rename(new, target)
    except OSError:
        if had_old:
            os.rename(trash, target)
        raise
