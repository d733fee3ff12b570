"""Settings of ``presslate build`` per language: package defaults (``data/build.toml``) under the ``[build]`` config."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from presslate.build.fields import FieldFormat, FieldFormatError, parse_field_format
from presslate.errors import ConfigError, PresslateError
from presslate.languages import base_language, normalise_language
from presslate.workspace import Config

DEFAULT_KEY = "default"
DATA_FILE = "build.toml"
FORMAT_TABLES = ("title_format", "posted_format")
TEXT_TABLES = ("sentence_separator", "backlink", "index_title")
LOCALE_TABLES = ("posted_locale",)
LANGUAGE_TABLES = FORMAT_TABLES + TEXT_TABLES + LOCALE_TABLES
SCALAR_KEYS = ("min_translated",)

_HEADER_RE = re.compile(r"^\s*\[(?!\[)\s*(?P<key>[^\]]+?)\s*\]\s*(?:#.*)?$")
_KEY_PART = r"(?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')"
_KEY_RE = re.compile(rf"^\s*(?P<key>{_KEY_PART}(?:\s*\.\s*{_KEY_PART})*)\s*=")
_KEY_PART_RE = re.compile(_KEY_PART)


@dataclass(frozen=True)
class LanguageSettings:
    """What the build needs to know about one target language."""

    lang: str
    sentence_separator: str
    title_format: FieldFormat
    posted_format: FieldFormat
    posted_locale: str
    backlink: str
    index_title: str


@dataclass(frozen=True)
class SettingsLayer:
    """One source of settings (the package data or the workspace config): table -> language key -> value."""

    tables: dict[str, dict[str, Any]]


@dataclass(frozen=True)
class BuildSettings:
    """Validated build settings: the workspace layer over the package layer."""

    layers: tuple[SettingsLayer, ...]
    min_translated: float | None = None

    def value(self, table: str, lang: str) -> Any:
        """The setting for ``lang``: per layer, the language, its base language, then ``default``."""
        keys = [lang, base_language(lang), DEFAULT_KEY]
        for layer in self.layers:
            values = layer.tables.get(table, {})
            for key in keys:
                if key in values:
                    return values[key]
        raise KeyError(f"no {table} setting for {lang}")

    def for_language(self, lang: str) -> LanguageSettings:
        """The resolved settings of one language."""
        posted_locale = _optional(self, "posted_locale", lang)
        return LanguageSettings(
            lang=lang,
            sentence_separator=self.value("sentence_separator", lang),
            title_format=self.value("title_format", lang),
            posted_format=self.value("posted_format", lang),
            posted_locale=posted_locale or lang,
            backlink=self.value("backlink", lang),
            index_title=self.value("index_title", lang),
        )


def _optional(settings: BuildSettings, table: str, lang: str) -> Any:
    try:
        return settings.value(table, lang)
    except KeyError:
        return None


def load_build_settings(config: Config) -> BuildSettings:
    """The package defaults under the ``[build]`` section of the workspace configuration."""
    package = package_layer()
    section = config.section("build")
    text = _read_text(config.path)
    scalars = {key: section[key] for key in SCALAR_KEYS if key in section}
    tables = {key: value for key, value in section.items() if key not in SCALAR_KEYS}
    workspace = parse_layer(tables, path=config.path, text=text, prefix=("build",))
    min_translated = scalars.get("min_translated")
    is_number = isinstance(min_translated, (int, float)) and not isinstance(min_translated, bool)
    if min_translated is not None and (not is_number or not 0 <= min_translated <= 100):
        raise ConfigError(
            "[build] min_translated must be a number from 0 to 100",
            path=config.path,
            line=locate_key(text, ("build", "min_translated")),
        )
    return BuildSettings(layers=(workspace, package), min_translated=min_translated)


@lru_cache(maxsize=1)
def package_layer() -> SettingsLayer:
    """The defaults shipped in ``presslate/data/build.toml``."""
    resource = resources.files("presslate.data").joinpath(DATA_FILE)
    text = resource.read_text(encoding="utf-8")
    return parse_layer(tomllib.loads(text), path=Path(str(resource)), text=text, prefix=())


def parse_layer(data: dict[str, Any], *, path: Path | None, text: str, prefix: tuple[str, ...]) -> SettingsLayer:
    """Validate a mapping of setting tables; errors point at the line of the offending key."""
    section = "[" + ".".join(prefix) + "] " if prefix else ""
    tables: dict[str, dict[str, Any]] = {}
    for table, entries in data.items():
        where = (*prefix, table)
        if table not in LANGUAGE_TABLES:
            known = ", ".join((*SCALAR_KEYS, *LANGUAGE_TABLES)) if prefix else ", ".join(LANGUAGE_TABLES)
            raise ConfigError(f"unknown key {table!r} in {section or 'the build settings'}(known: {known})",
                              path=path, line=locate_key(text, where))
        if not isinstance(entries, dict):
            raise ConfigError(f"{section}{table} must be a table of language codes to values, "
                              f'e.g. {table}.ko = "..."', path=path, line=locate_key(text, where))
        tables[table] = {}
        for key, value in entries.items():
            line = locate_key(text, (*where, key))
            label = f"{section}{table}.{key}"
            lang = _language_key(key, label=label, path=path, line=line)
            tables[table][lang] = _setting_value(table, value, label=label, path=path, line=line)
    return SettingsLayer(tables=tables)


def _language_key(key: str, *, label: str, path: Path | None, line: int | None) -> str:
    if key == DEFAULT_KEY:
        return key
    try:
        return normalise_language(key)
    except PresslateError as exc:
        raise ConfigError(f"{label}: {exc.message}", path=path, line=line) from exc


def _setting_value(table: str, value: Any, *, label: str, path: Path | None, line: int | None) -> Any:
    if not isinstance(value, str):
        raise ConfigError(f"{label} must be a string", path=path, line=line)
    if table in FORMAT_TABLES:
        try:
            return parse_field_format(value)
        except FieldFormatError as exc:
            raise ConfigError(f"{exc} in {label}", path=path, line=line) from exc
    if table in LOCALE_TABLES:
        try:
            return normalise_language(value)
        except PresslateError as exc:
            raise ConfigError(f"{label}: {exc.message}", path=path, line=line) from exc
    if "\n" in value:
        raise ConfigError(f"{label} must be a single line", path=path, line=line)
    return value


def locate_key(text: str, dotted: tuple[str, ...]) -> int | None:
    """The 1-based line where a TOML key is set (under its ``[table]`` header or as a dotted key), if found.

    When the exact key is not on a line of its own, the first line that sets a key
    enclosing it (an inline table) or inside it (a dotted key) is returned.
    """
    current: tuple[str, ...] = ()
    enclosing: int | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER_RE.match(line)
        if header:
            current = _split_key(header["key"])
            if current == dotted:
                return number
            continue
        assignment = _KEY_RE.match(line)
        if not assignment:
            continue
        full = current + _split_key(assignment["key"])
        if full == dotted:
            return number
        if enclosing is None and (dotted[: len(full)] == full or full[: len(dotted)] == dotted):
            enclosing = number
    return enclosing


def _split_key(key: str) -> tuple[str, ...]:
    return tuple(part.strip("\"'") for part in _KEY_PART_RE.findall(key))


def _read_text(path: Path | None) -> str:
    if path is None:
        return ""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
