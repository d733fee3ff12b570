"""The package's exceptions: one base class, subclasses that carry a path and a line."""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path


class ExitCode(IntEnum):
    """Exit codes shared by every command."""

    OK = 0
    FINDINGS = 1
    USAGE = 2


class PresslateError(Exception):
    """Base of every error presslate reports to a user.

    Rendered in compiler form: ``path:line: message`` (path and line when known).
    """

    exit_code: ExitCode = ExitCode.USAGE

    def __init__(self, message: str, *, path: Path | str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"


class UsageError(PresslateError):
    """A command was called with arguments that cannot work."""


class WorkspaceError(PresslateError):
    """The workspace is missing or its configuration is invalid."""


class ConfigError(WorkspaceError):
    """``l10n/config.toml`` holds an invalid value."""


class InputError(PresslateError):
    """An input file (page, release, PO file, glossary) cannot be used."""


class IngestError(InputError):
    """A page could not be turned into releases."""


class ReleaseFileError(InputError):
    """A release file in ``l10n/releases`` is malformed."""


class CatalogError(InputError):
    """A PO or POT file is malformed."""


class GlossaryError(InputError):
    """``glossary.csv`` is malformed."""


class LockError(PresslateError):
    """Another presslate run holds the workspace lock."""


class EngineError(PresslateError):
    """A machine-translation engine failed in a way a retry will not fix."""
