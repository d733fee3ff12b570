"""The output folder: filled through a staging folder beside it, then moved into place; claimed with a marker file."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from presslate.errors import UsageError
from presslate.fileio import write_text_atomic

MARKER = ".presslate-site"
MARKER_TEXT = "This folder is written by 'presslate build'; its language folders are replaced on every build.\n"
STAGING_PREFIX = ".presslate-staging-"
_SAFE_PART_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def check_output(folder: Path, *, default: bool = False) -> None:
    """Refuse an output folder chosen with ``--output`` that holds files presslate did not write.

    A build replaces whole language folders, so it only writes into a folder that is new,
    empty, or was created by presslate (it holds the marker file). The workspace's default
    ``site/`` folder is presslate's in any case (other commands put reports there too).
    """
    if folder.exists() and not folder.is_dir():
        raise UsageError("the output path exists and is not a folder", path=folder)
    if not default and folder.is_dir() and not (folder / MARKER).exists() and any(folder.iterdir()):
        raise UsageError(
            f"the output folder is not empty and was not written by presslate (no {MARKER} file); "
            "choose a new or empty folder with --output",
            path=folder,
        )


def claim_output(folder: Path, *, default: bool = False) -> None:
    """Create the output folder if needed and mark it as presslate's (the default ``site/`` is kept out of git)."""
    check_output(folder, default=default)
    folder.mkdir(parents=True, exist_ok=True)
    write_text_atomic(folder / MARKER, MARKER_TEXT)
    if default:
        write_text_atomic(folder / ".gitignore", "*\n")


class StagingFolder:
    """A temporary folder beside the output folder (same file system), moved into it only on ``commit_*``."""

    def __init__(self, output: Path) -> None:
        self.output = output
        anchor = output.parent
        while not anchor.exists():
            anchor = anchor.parent
        self.path = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=anchor))

    def write_text(self, relative: str, text: str) -> None:
        self.write_bytes(relative, text.encode("utf-8"))

    def write_bytes(self, relative: str, data: bytes) -> None:
        """Write a file under the staging folder; ``relative`` is made of safe names only."""
        target = self.path.joinpath(*safe_parts(relative))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    def commit_folders(self, names: list[str], *, default: bool = False) -> list[Path]:
        """Replace each ``output/<name>`` folder by its staged version as a whole; other entries stay."""
        claim_output(self.output, default=default)
        written: list[Path] = []
        for name in names:
            staged = self.path.joinpath(*safe_parts(name))
            staged.mkdir(parents=True, exist_ok=True)
            written += [self.output / name / path.relative_to(staged) for path in sorted(staged.rglob("*"))
                        if path.is_file()]
            _swap_in(staged, self.output / name, trash=self.path / f".old-{name}")
        return written

    def commit_files(self, *, default: bool = False) -> list[Path]:
        """Move every staged file to the same place under the output folder, each replaced atomically.

        Files whose content did not change are left untouched; returns the files written.
        """
        if default:
            claim_output(self.output.parent, default=True)
        written = []
        for staged in sorted(path for path in self.path.rglob("*") if path.is_file()):
            target = self.output / staged.relative_to(self.path)
            if target.is_file() and target.read_bytes() == staged.read_bytes():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged, target)
            written.append(target)
        return written

    def discard(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


@contextmanager
def staging_folder(output: Path) -> Iterator[StagingFolder]:
    """A staging folder for ``output``, removed when the block ends whether or not it was committed."""
    staging = StagingFolder(output)
    try:
        yield staging
    finally:
        staging.discard()


def safe_parts(relative: str) -> tuple[str, ...]:
    """The parts of a ``/``-separated relative path; each must be a plain name (no ``..``, no hidden file)."""
    parts = tuple(relative.split("/"))
    for part in parts:
        if not _SAFE_PART_RE.match(part):
            raise ValueError(f"unsafe output name {part!r} in {relative!r}")
    return parts


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
