"""``[check]`` in l10n/config.toml: validation, per-language severities and enabling."""

from __future__ import annotations

from pathlib import Path

import pytest

from presslate.checks.finding import Severity
from presslate.checks.settings import parse_check_settings
from presslate.errors import ConfigError

CONFIG = Path("l10n/config.toml")


def test_defaults() -> None:
    settings = parse_check_settings({}, languages=("ko", "fr"))
    assert settings.fail_on is Severity.ERROR
    assert "double-space" in settings.enabled("ko")
    assert settings.severities_for("ko")["numbers"] is Severity.ERROR
    assert settings.options_for("mirror-title") == {"max_delay_days": 14}


def test_severity_and_disable_per_language() -> None:
    settings = parse_check_settings({
        "fail_on": "warning",
        "disable": ["whitespace"],
        "severity": {"unchanged": "error"},
        "languages": {"ko": {"disable": ["double-space"], "severity": {"unchanged": "info"}}},
        "options": {"mirror-title": {"max_delay_days": 7}},
    }, languages=("ko", "fr"))
    assert settings.fail_on is Severity.WARNING
    assert "double-space" not in settings.enabled("ko") and "double-space" in settings.enabled("fr")
    assert "whitespace" not in settings.enabled("fr")
    assert settings.severities_for("ko")["unchanged"] is Severity.INFO
    assert settings.severities_for("fr")["unchanged"] is Severity.ERROR
    assert settings.options_for("mirror-title") == {"max_delay_days": 7}


@pytest.mark.parametrize(("section", "message"), [
    ({"severity": {"unchaged": "warning"}}, "[check] severity: unknown check id 'unchaged'"),
    ({"languages": {"ko": {"disable": ["double-spaces"]}}}, "[check] languages.ko.disable: unknown check id"),
    ({"disable": "double-space"}, "[check] disable must be a list of check ids"),
    ({"fail_on": "fatal"}, "[check] fail_on: 'fatal' is not a severity"),
    ({"fail_on": "info"}, '[check] fail_on must be "error" or "warning"'),
    ({"severity": {"numbers": "high"}}, "[check] severity.numbers: 'high' is not a severity"),
    ({"languages": {"de": {}}}, "[check] languages.de: 'de' is not a target language"),
    ({"languages": {"ko": {"enable": []}}}, "[check] languages.ko: unknown key(s) enable"),
    ({"fail-on": "error"}, "[check] unknown key(s) fail-on"),
    ({"options": {"mirror-title": {"max_days": 3}}}, "[check] options.mirror-title: unknown option 'max_days'"),
    ({"options": {"mirror-title": {"max_delay_days": "3"}}}, "[check] options.mirror-title.max_delay_days must be"),
])
def test_bad_settings_are_config_errors_with_the_path(section: dict, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_check_settings(section, languages=("ko", "fr"), path=CONFIG)
    assert caught.value.path == CONFIG
    assert message in str(caught.value)
    assert str(caught.value).startswith("l10n/config.toml: ")
