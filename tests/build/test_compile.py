"""``presslate compile``: MO files per language and release, fuzzy entries out, broken PO files stop the run."""

from __future__ import annotations

import gettext
from pathlib import Path

from presslate.catalog.pofile import read_po, write_po

from tests.build.helpers import IRAQ_RELEASE, invoke, translate_iraq_release


def mo_of(root: Path, lang: str, release_id: str = IRAQ_RELEASE) -> gettext.GNUTranslations:
    with (root / "site" / "locale" / lang / "LC_MESSAGES" / f"{release_id}.mo").open("rb") as handle:
        return gettext.GNUTranslations(handle)


def test_compile_writes_gettext_layout_without_fuzzy_entries(mirror_workspace: Path) -> None:
    data = translate_iraq_release(mirror_workspace, ("ko", "ar"))
    po = mirror_workspace / "locales" / "ko" / f"{IRAQ_RELEASE}.po"
    catalog = read_po(po)
    catalog.messages[1].flags.append("fuzzy")
    write_po(po, catalog)

    result = invoke("-C", mirror_workspace, "compile", "--lang", "ko", "--lang", "ar")

    assert result.exit_code == 0, result.output
    assert "ko: 5 MO file(s) (5 changed): 20 translated messages, 1 fuzzy and" in result.stdout
    korean, arabic = mo_of(mirror_workspace, "ko"), mo_of(mirror_workspace, "ar")
    first, second = data["sentences"][0], data["sentences"][1]
    assert korean.gettext(first["en"]) == "이라크"
    assert korean.gettext(second["en"]) == second["en"]  # the fuzzy entry is left out
    assert arabic.gettext(second["en"]) == second["ar"]
    assert not (mirror_workspace / "site" / "locale" / "fr").exists()
    again = invoke("-C", mirror_workspace, "compile", "--lang", "ko")
    assert "ko: 5 MO file(s) (0 changed)" in again.stdout


def test_compile_stops_on_a_broken_po_file_before_writing(mirror_workspace: Path, tmp_path: Path) -> None:
    broken = mirror_workspace / "locales" / "es" / f"{IRAQ_RELEASE}.po"
    broken.write_text('msgid ""\nmsgstr ""\n\nmsgid "Iraq"\nIrak\n', encoding="utf-8")
    output = tmp_path / "mo"

    result = invoke("-C", mirror_workspace, "compile", "--output", output)

    assert result.exit_code == 2
    assert str(broken) in result.stderr
    assert not output.exists()
    assert not list(tmp_path.glob(".presslate-staging-*"))


def test_compile_reports_a_header_babel_cannot_read(mirror_workspace: Path, tmp_path: Path) -> None:
    """msgfmt accepts any PO-Revision-Date; babel parses it, so a translator's date is an error, not a traceback."""
    po = mirror_workspace / "locales" / "es" / f"{IRAQ_RELEASE}.po"
    text = po.read_text(encoding="utf-8")
    start = text.index('"PO-Revision-Date: ')
    po.write_text(text[:start] + '"PO-Revision-Date: 12/09/2014\\n"' + text[text.index("\n", start):],
                  encoding="utf-8")
    result = invoke("-C", mirror_workspace, "compile", "--output", tmp_path / "mo")
    assert result.exit_code == 2
    assert f"{po}: the header cannot be compiled" in result.stderr
    assert not (tmp_path / "mo").exists()


def test_compile_counts_a_fuzzy_entry_without_translation_as_untranslated_like_msgfmt(mirror_workspace: Path) -> None:
    import subprocess

    po = mirror_workspace / "locales" / "fr" / f"{IRAQ_RELEASE}.po"
    catalog = read_po(po)
    total = len([message for message in catalog.messages if not message.obsolete])
    # A translator's editor may leave the flag on an empty entry (presslate and msgcat drop it when writing).
    text = po.read_text(encoding="utf-8")
    at = text.index("\nmsgid", text.index("\n\n")) + 1
    po.write_text(text[:at] + "#, fuzzy\n" + text[at:], encoding="utf-8")
    assert any(message.fuzzy and not message.msgstr for message in read_po(po).messages)
    statistics = subprocess.run(["msgfmt", "--statistics", "-o", "/dev/null", str(po)], capture_output=True,
                                text=True).stderr
    assert statistics.startswith(f"0 translated messages, {total} untranslated messages"), statistics

    result = invoke("-C", mirror_workspace, "compile", "--lang", "fr")

    assert result.exit_code == 0, result.output
    assert "0 fuzzy" in result.stdout and "1 fuzzy" not in result.stdout
