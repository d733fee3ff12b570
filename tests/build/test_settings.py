"""Build settings: package defaults per language, workspace overrides, errors at the right config line."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from presslate.build.settings import load_build_settings, locate_key, package_layer
from presslate.errors import ConfigError
from presslate.workspace import parse_config

BASE = '[project]\nsource_language = "en"\nlanguages = ["ko", "fr", "es", "ar", "zh_Hans"]\n'


def settings_for(tmp_path: Path, extra: str = ""):
    path = tmp_path / "config.toml"
    path.write_text(BASE + extra, encoding="utf-8")
    return load_build_settings(parse_config(tomllib.loads(BASE + extra), path=path))


def test_package_defaults(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)

    korean = settings.for_language("ko")
    assert korean.title_format.source == "({date:y/M/d}) {title}"
    assert (korean.posted_format.source, korean.posted_locale) == ("Posted on {posted:EEE, MMM-dd-yyyy}", "en")
    assert korean.backlink == "최신보도자료 모음 돌아가기"
    assert settings.for_language("fr").title_format.source == "{title}"
    assert settings.for_language("ar").posted_locale == "ar"


@pytest.mark.parametrize(("lang", "separator"), [("ko", " "), ("fr", " "), ("es", " "), ("ar", " "), ("zh_Hans", "")])
def test_sentence_separator_is_language_data(tmp_path: Path, lang: str, separator: str) -> None:
    assert settings_for(tmp_path).for_language(lang).sentence_separator == separator


def test_workspace_overrides_package_defaults(tmp_path: Path) -> None:
    settings = settings_for(tmp_path, '[build]\nmin_translated = 90\n[build.title_format]\ndefault = "{title} ({date})"\n'
                                      '[build.backlink]\nfr = "Tous les communiqués"\n')

    assert settings.min_translated == 90
    assert settings.for_language("ko").title_format.source == "{title} ({date})"
    assert settings.for_language("fr").backlink == "Tous les communiqués"
    assert settings.for_language("es").backlink == "Volver a los comunicados de prensa"


@pytest.mark.parametrize(("extra", "line", "message"), [
    ('[build.title_format]\nko = "{x}"\n', 5, "unknown field 'x' in [build] title_format.ko"),
    ('[build]\ntitle_format = { ko = "{x}" }\n', 5, "unknown field 'x' in [build] title_format.ko"),
    ('[build]\n"title_format".ko = "{date:HH}"\n', 5, "uses 'H', which is not a date field"),
    ('[build]\ntitel_format.ko = "{title}"\n', 5, "unknown key 'titel_format' in [build]"),
    ('[build.backlink]\nxx_YY = "back"\n', 5, "[build] backlink.xx_YY: unknown language code"),
    ('[build.posted_locale]\nko = "klingon"\n', 5, "[build] posted_locale.ko"),
    ('[build]\nmin_translated = 120\n', 5, "min_translated must be a number from 0 to 100"),
    ('[build.backlink]\nko = 3\n', 5, "[build] backlink.ko must be a string"),
])
def test_config_errors_point_at_the_line(tmp_path: Path, extra: str, line: int, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        settings_for(tmp_path, extra)

    assert caught.value.line == line
    assert message in caught.value.message


def test_locate_key_in_tables_and_dotted_keys() -> None:
    text = '[project]\nname = "x"\n\n[build]\nmin_translated = 50\ntitle_format.ko = "{title}"\n[build.backlink]\n"fr" = "r"\n'

    assert locate_key(text, ("build", "min_translated")) == 5
    assert locate_key(text, ("build", "title_format", "ko")) == 6
    assert locate_key(text, ("build", "backlink", "fr")) == 8
    assert locate_key(text, ("build", "backlink")) == 7
    assert locate_key(text, ("build", "index_title", "ko")) is None


def test_package_data_is_valid() -> None:
    assert set(package_layer().tables) == {"sentence_separator", "title_format", "posted_format", "posted_locale",
                                           "backlink", "index_title"}
