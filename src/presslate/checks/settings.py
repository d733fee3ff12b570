"""The ``[check]`` section of ``l10n/config.toml``: failure threshold, severities and enabling per language.

```toml
[check]
fail_on = "error"                         # or "warning"
disable = ["double-space"]                # everywhere
[check.severity]
unchanged = "warning"
[check.languages.ko]
disable = ["locale-punctuation"]
severity = { "end-punctuation" = "info" }
[check.options.mirror-title]
max_delay_days = 14
```
Unknown keys, check ids, languages and severities are configuration errors carrying the file's path.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from presslate.checks.finding import Severity
from presslate.checks.registry import BY_ID, CHECK_IDS
from presslate.errors import ConfigError
from presslate.workspace import Config

_SECTION_KEYS = {"fail_on", "disable", "severity", "languages", "options"}
_LANGUAGE_KEYS = {"disable", "severity"}


@dataclass(frozen=True)
class CheckSettings:
    """Validated ``[check]`` settings."""

    fail_on: Severity = Severity.ERROR
    disabled: frozenset[str] = frozenset()
    severities: dict[str, Severity] = field(default_factory=dict)
    language_disabled: dict[str, frozenset[str]] = field(default_factory=dict)
    language_severities: dict[str, dict[str, Severity]] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)

    def enabled(self, lang: str) -> frozenset[str]:
        """Ids of the checks that run for ``lang``."""
        off = self.disabled | self.language_disabled.get(lang, frozenset())
        return frozenset(check_id for check_id in CHECK_IDS if check_id not in off)

    def severities_for(self, lang: str) -> dict[str, Severity]:
        """Severity of every check in ``lang``: default, then ``[check.severity]``, then the language's."""
        result = {check_id: BY_ID[check_id].default_severity for check_id in CHECK_IDS}
        result.update(self.severities)
        result.update(self.language_severities.get(lang, {}))
        return result

    def options_for(self, check_id: str) -> dict[str, Any]:
        """A check's options: its defaults overridden by ``[check.options.<id>]``."""
        return {**BY_ID[check_id].options, **self.options.get(check_id, {})}

    def signature(self) -> str:
        """A hash of everything that changes what the checks report (for the cache)."""
        data = {
            "disabled": sorted(self.disabled),
            "severities": {k: v.value for k, v in sorted(self.severities.items())},
            "language_disabled": {k: sorted(v) for k, v in sorted(self.language_disabled.items())},
            "language_severities": {k: {c: s.value for c, s in sorted(v.items())}
                                    for k, v in sorted(self.language_severities.items())},
            "options": self.options,
        }
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def load_check_settings(config: Config) -> CheckSettings:
    """Validate ``[check]`` of a workspace configuration."""
    return parse_check_settings(config.section("check"), languages=config.languages, path=config.path)


def parse_check_settings(section: dict[str, Any], *, languages: tuple[str, ...] = (),
                         path: Path | None = None) -> CheckSettings:
    """Validate a ``[check]`` mapping; raises ConfigError naming the bad key."""
    def fail(message: str) -> ConfigError:
        return ConfigError(f"[check] {message}", path=path)

    unknown = set(section) - _SECTION_KEYS
    if unknown:
        raise fail(f"unknown key(s) {', '.join(sorted(unknown))} (known: {', '.join(sorted(_SECTION_KEYS))})")
    fail_on = _severity(section.get("fail_on", "error"), "fail_on", fail)
    if fail_on is Severity.INFO:
        raise fail('fail_on must be "error" or "warning"')
    disabled = _check_ids(section.get("disable", []), "disable", fail)
    severities = _severity_table(section.get("severity", {}), "severity", fail)
    language_disabled: dict[str, frozenset[str]] = {}
    language_severities: dict[str, dict[str, Severity]] = {}
    per_language = section.get("languages", {})
    if not isinstance(per_language, dict):
        raise fail("languages must be a table of [check.languages.<code>] tables")
    for lang, table in per_language.items():
        if languages and lang not in languages:
            raise fail(f"languages.{lang}: {lang!r} is not a target language of this workspace "
                       f"({', '.join(languages)})")
        if not isinstance(table, dict):
            raise fail(f"languages.{lang} must be a table")
        unknown = set(table) - _LANGUAGE_KEYS
        if unknown:
            raise fail(f"languages.{lang}: unknown key(s) {', '.join(sorted(unknown))} (known: disable, severity)")
        language_disabled[lang] = _check_ids(table.get("disable", []), f"languages.{lang}.disable", fail)
        language_severities[lang] = _severity_table(table.get("severity", {}), f"languages.{lang}.severity", fail)
    options = _options(section.get("options", {}), fail)
    return CheckSettings(fail_on, disabled, severities, language_disabled, language_severities, options)


def _severity(value: Any, where: str, fail) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        raise fail(f"{where}: {value!r} is not a severity (error, warning, info)") from None


def _check_ids(value: Any, where: str, fail) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise fail(f"{where} must be a list of check ids")
    for check_id in value:
        _known(check_id, where, fail)
    return frozenset(value)


def _known(check_id: str, where: str, fail) -> None:
    if check_id not in BY_ID:
        raise fail(f"{where}: unknown check id {check_id!r} (see 'presslate check --list')")


def _severity_table(value: Any, where: str, fail) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise fail(f"{where} must be a table of check id = severity")
    table = {}
    for check_id, severity in value.items():
        _known(check_id, where, fail)
        table[check_id] = _severity(severity, f"{where}.{check_id}", fail)
    return table


def _options(value: Any, fail) -> dict[str, dict[str, Any]]:
    if not isinstance(value, dict):
        raise fail("options must be a table of [check.options.<check-id>] tables")
    options: dict[str, dict[str, Any]] = {}
    for check_id, table in value.items():
        _known(check_id, "options", fail)
        known = BY_ID[check_id].options
        if not isinstance(table, dict):
            raise fail(f"options.{check_id} must be a table")
        for key, setting in table.items():
            if key not in known:
                allowed = ", ".join(sorted(known)) or "none"
                raise fail(f"options.{check_id}: unknown option {key!r} (known: {allowed})")
            default = known[key]
            if type(setting) is not type(default) or (isinstance(default, (int, float)) and setting < 0):
                raise fail(f"options.{check_id}.{key} must be a non-negative {type(default).__name__}")
        options[check_id] = dict(table)
    return options
