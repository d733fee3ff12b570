"""The workspace: finding it, reading ``l10n/config.toml`` and the paths of releases, templates and PO files."""

from __future__ import annotations

import os

import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from presslate.errors import ConfigError, WorkspaceError
from presslate.languages import normalise_language
from presslate.models import RELEASE_ID_RE

CONFIG_RELATIVE = Path("l10n") / "config.toml"
KNOWN_SECTIONS = {"project", "sync", "check", "translate", "status", "build", "ingest"}
DEFAULT_FUZZY_THRESHOLD = 70.0


@dataclass(frozen=True)
class Config:
    """Validated workspace configuration; feature sections stay as dicts for their owners to validate."""

    source_language: str
    languages: tuple[str, ...]
    name: str = "presslate workspace"
    fuzzy_threshold: float = DEFAULT_FUZZY_THRESHOLD
    wrap_width: int = 79
    sections: dict[str, dict[str, Any]] = field(default_factory=dict)
    path: Path | None = None

    def section(self, name: str) -> dict[str, Any]:
        """A feature's raw section (``check``, ``translate``, ``build`` ...), empty when absent."""
        return self.sections.get(name, {})


@dataclass(frozen=True)
class Workspace:
    """A presslate workspace rooted at ``root``."""

    root: Path
    config: Config

    @cached_property
    def l10n_dir(self) -> Path:
        return self.root / "l10n"

    @cached_property
    def releases_dir(self) -> Path:
        return self.l10n_dir / "releases"

    @property
    def templates_dir(self) -> Path:
        return self.l10n_dir / "templates"

    @cached_property
    def locales_dir(self) -> Path:
        return self.root / "locales"

    @property
    def glossary_path(self) -> Path:
        return self.root / "glossary.csv"

    @property
    def cache_dir(self) -> Path:
        return self.root / ".presslate-cache"

    @property
    def lock_path(self) -> Path:
        return self.root / ".presslate.lock"

    def release_path(self, release_id: str) -> Path:
        return self.releases_dir / f"{safe_release_id(release_id)}.md"

    def template_path(self, release_id: str) -> Path:
        return self.templates_dir / f"{safe_release_id(release_id)}.pot"

    def po_path(self, lang: str, release_id: str) -> Path:
        return self.locales_dir / lang / f"{safe_release_id(release_id)}.po"

    def release_ids(self) -> list[str]:
        """Ids of the source releases, sorted."""
        if not self.releases_dir.is_dir():
            return []
        return sorted(p.stem for p in self.releases_dir.glob("*.md") if RELEASE_ID_RE.match(p.stem))

    def po_files(self, lang: str) -> dict[str, Path]:
        """The PO files of ``lang`` (``locales/<lang>/<release id>.po``) by release id, sorted."""
        folder = self.locales_dir / lang
        if not folder.is_dir():
            return {}
        return {p.stem: p for p in sorted(folder.glob("*.po")) if RELEASE_ID_RE.match(p.stem)}

    def relative(self, path: Path) -> str:
        """``path`` relative to the workspace root when inside it, in POSIX form (a link keeps its own name)."""
        absolute = Path(os.path.abspath(path))
        try:
            return (absolute.parent.resolve() / absolute.name).relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def select_languages(self, requested: list[str] | tuple[str, ...] | None) -> list[str]:
        """The requested target languages (validated and configured, each once), or all configured ones."""
        if not requested:
            return list(self.config.languages)
        chosen = []
        for code in requested:
            lang = normalise_language(code)
            if lang not in self.config.languages:
                raise ConfigError(
                    f"language {lang!r} is not a target language of this workspace "
                    f"(configured: {', '.join(self.config.languages)})",
                    path=self.config.path,
                )
            if lang not in chosen:  # --lang fr --lang fr (or fr and FR) asks for French once
                chosen.append(lang)
        return chosen


def safe_release_id(release_id: str) -> str:
    """Return ``release_id`` if it is made of ``[a-z0-9-]`` only; never lets one become a path."""
    if not RELEASE_ID_RE.match(release_id):
        raise WorkspaceError(f"invalid release id {release_id!r}: only a-z, 0-9 and '-' are allowed")
    return release_id


def find_workspace_root(start: Path) -> Path:
    """Walk up from ``start`` to the first folder holding ``l10n/config.toml``."""
    current = start.resolve()
    for folder in (current, *current.parents):
        if (folder / CONFIG_RELATIVE).is_file():
            return folder
    raise WorkspaceError(
        f"no presslate workspace found from {start} upwards (looked for {CONFIG_RELATIVE}); "
        "run 'presslate init' or pass -C/--workspace"
    )


def open_workspace(start: Path | None = None, *, explicit: Path | None = None) -> Workspace:
    """Open the workspace given with ``-C`` or found by walking up from ``start`` (default: cwd)."""
    if explicit is not None:
        root = explicit.resolve()
        if not (root / CONFIG_RELATIVE).is_file():
            raise WorkspaceError(f"{root} is not a presslate workspace (no {CONFIG_RELATIVE})")
    else:
        root = find_workspace_root(start or Path.cwd())
    return Workspace(root=root, config=load_config(root / CONFIG_RELATIVE))


def load_config(path: Path) -> Config:
    """Read and validate ``l10n/config.toml``."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"not valid UTF-8: {exc.reason}", path=path) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", path=path, line=getattr(exc, "lineno", None)) from exc
    return parse_config(data, path=path)


def parse_config(data: dict[str, Any], *, path: Path | None = None) -> Config:
    """Validate the configuration mapping; unknown sections and bad values are errors."""
    unknown = set(data) - KNOWN_SECTIONS
    if unknown:
        raise ConfigError(f"unknown section(s): {', '.join(sorted(unknown))}", path=path)
    project = _table(data, "project", path)
    sync = _table(data, "sync", path)
    try:
        source = normalise_language(str(project.get("source_language", "en")))
        raw_languages = project.get("languages", [])
        if not isinstance(raw_languages, list) or not raw_languages:
            raise ConfigError("[project] languages must be a non-empty list of language codes", path=path)
        languages = tuple(dict.fromkeys(normalise_language(str(code)) for code in raw_languages))
    except ConfigError:
        raise
    except Exception as exc:  # UsageError from language validation
        raise ConfigError(f"[project] {exc}", path=path) from exc
    if source in languages:
        raise ConfigError(f"[project] the source language {source!r} cannot also be a target language", path=path)
    threshold = sync.get("fuzzy_threshold", DEFAULT_FUZZY_THRESHOLD)
    if not isinstance(threshold, (int, float)) or not 0 < threshold <= 100:
        raise ConfigError("[sync] fuzzy_threshold must be a number in (0, 100]", path=path)
    width = sync.get("wrap_width", 79)
    if not isinstance(width, int) or (width != 0 and width < 20):
        raise ConfigError("[sync] wrap_width must be 0 (no wrapping) or an integer >= 20", path=path)
    sections = {name: dict(value) for name, value in data.items() if isinstance(value, dict)}
    return Config(
        source_language=source,
        languages=languages,
        name=str(project.get("name", "presslate workspace")),
        fuzzy_threshold=float(threshold),
        wrap_width=width,
        sections=sections,
        path=path,
    )


def _table(data: dict[str, Any], name: str, path: Path | None) -> dict[str, Any]:
    value = data.get(name, {})
    if not isinstance(value, dict):
        raise ConfigError(f"[{name}] must be a table", path=path)
    return value


CONFIG_TEMPLATE = """\
# presslate workspace configuration.

[project]
name = {name}
# The language releases are written in, and the languages they are translated into
# (babel codes: ko, fr, es, ar, pt_BR, zh_Hans ...).
source_language = "{source}"
languages = [{languages}]

[sync]
# Minimum rapidfuzz similarity (0-100) for a changed sentence to inherit the old
# translation as a fuzzy entry.
fuzzy_threshold = {threshold}
# Line width of PO files, as GNU gettext writes them (0 = no wrapping).
wrap_width = 79
"""

GLOSSARY_HEADER = "term,kind,case_sensitive,do_not_translate,note"


def init_workspace(root: Path, *, languages: list[str], source_language: str = "en", name: str | None = None) -> Workspace:
    """Create a workspace in ``root`` (config, folders, an empty glossary); refuses to overwrite one."""
    config_path = root / CONFIG_RELATIVE
    if config_path.exists():
        raise WorkspaceError(f"a workspace already exists here ({config_path})", path=config_path)
    targets = [normalise_language(code) for code in languages]
    if not targets:
        raise ConfigError("at least one target language is needed (--languages ko,fr,...)")
    source = normalise_language(source_language)
    text = CONFIG_TEMPLATE.format(
        name=_toml_string(name or root.resolve().name),
        source=source,
        languages=", ".join(f'"{code}"' for code in targets),
        threshold=int(DEFAULT_FUZZY_THRESHOLD),
    )
    parse_config(tomllib.loads(text), path=config_path)
    for folder in (root / "l10n" / "releases", root / "l10n" / "templates", *(root / "locales" / lang for lang in targets)):
        folder.mkdir(parents=True, exist_ok=True)
    from presslate.fileio import write_text_atomic

    write_text_atomic(config_path, text)
    glossary = root / "glossary.csv"
    if not glossary.exists():
        columns = [GLOSSARY_HEADER] + [f"{lang},{lang}_forbidden" for lang in targets]
        write_text_atomic(glossary, ",".join(columns) + "\n")
    return Workspace(root=root.resolve(), config=load_config(config_path))


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
