"""Bad input stops a build with ``path:line: message``, exit code 2 and the output folder as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.build.helpers import IRAQ_RELEASE, invoke

LIBYA = "2014-09-05-iom-libya-is-monitoring-the-growing-insecurity-of"


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones included) with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def append_config(root: Path, text: str) -> int:
    """Append TOML to the workspace config; returns the number of the first appended line."""
    path = root / "l10n" / "config.toml"
    before = path.read_text(encoding="utf-8")
    path.write_text(before + text, encoding="utf-8")
    return before.count("\n") + 1


def test_broken_po_file_is_reported_with_its_path_and_nothing_is_written(mirror_workspace: Path) -> None:
    po = mirror_workspace / "locales" / "fr" / f"{LIBYA}.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: fr\\n"\n\nmsgid "Libya"\nLibye\n', encoding="utf-8")

    result = invoke("-C", mirror_workspace, "build", "--lang", "fr", "--mirror")

    assert result.exit_code == 2
    assert f"{po}:6: unknown keyword 'Libye'" in result.stderr
    assert "nothing written" in result.stderr
    assert not (mirror_workspace / "site").exists()
    assert not list(mirror_workspace.glob(".presslate-staging-*"))


def test_a_failed_build_leaves_the_previous_site_untouched(mirror_workspace: Path) -> None:
    assert invoke("-C", mirror_workspace, "build", "--lang", "ko", "--mirror").exit_code == 0
    site = mirror_workspace / "site"
    before = snapshot(site)
    (mirror_workspace / "locales" / "ko" / f"{IRAQ_RELEASE}.po").write_bytes(b'msgid "x"\nmsgstr "\xff\xfe"\n')

    result = invoke("-C", mirror_workspace, "build", "--lang", "ko", "--mirror", "--format", "txt")

    assert result.exit_code == 2
    assert f"{IRAQ_RELEASE}.po" in result.stderr
    assert snapshot(site) == before
    assert not list(mirror_workspace.glob(".presslate-staging-*"))


def test_missing_template_asks_for_a_sync(mirror_workspace: Path) -> None:
    template = mirror_workspace / "l10n" / "templates" / f"{LIBYA}.pot"
    template.unlink()

    result = invoke("-C", mirror_workspace, "build", "--lang", "ko", "--mirror")

    assert result.exit_code == 2
    assert f"{template}: missing template: run 'presslate sync' before building" in result.stderr
    assert not (mirror_workspace / "site").exists()


def test_template_older_than_the_release_asks_for_a_sync(mirror_workspace: Path) -> None:
    release = mirror_workspace / "l10n" / "releases" / f"{LIBYA}.md"
    release.write_text(release.read_text(encoding="utf-8").replace("Despite the difficult", "Despite the hard"),
                       encoding="utf-8")

    result = invoke("-C", mirror_workspace, "build", "--lang", "ko", "--mirror")

    assert result.exit_code == 2
    assert "template is out of date with l10n/releases/" in result.stderr
    assert "run 'presslate sync'" in result.stderr


def test_missing_release_is_an_error(mirror_workspace: Path) -> None:
    result = invoke("-C", mirror_workspace, "build", "--release", "2014-01-01-no-such-release")

    assert result.exit_code == 2
    assert "2014-01-01-no-such-release.md: no such release" in result.stderr
    assert not (mirror_workspace / "site").exists()


@pytest.mark.parametrize("release_id", ["../../etc/passwd", "Index", "a/b"])
def test_release_ids_never_become_paths(mirror_workspace: Path, release_id: str) -> None:
    result = invoke("-C", mirror_workspace, "build", "--release", release_id)

    assert result.exit_code == 2
    assert "invalid release id" in result.stderr


def test_title_format_with_an_unknown_field(mirror_workspace: Path) -> None:
    first = append_config(mirror_workspace, '\n[build.title_format]\nfr = "{title}"\nko = "({date:y/M/d}) {x}"\n')

    result = invoke("-C", mirror_workspace, "build", "--lang", "ko", "--mirror")

    assert result.exit_code == 2
    config = mirror_workspace / "l10n" / "config.toml"
    assert f"{config}:{first + 3}: unknown field 'x' in [build] title_format.ko" in result.stderr
    assert not (mirror_workspace / "site").exists()


def test_attribute_access_in_a_format_is_an_unknown_field(mirror_workspace: Path) -> None:
    first = append_config(mirror_workspace, '\n[build]\ntitle_format.fr = "{title.__class__.__init__}"\n')

    result = invoke("-C", mirror_workspace, "build", "--lang", "fr")

    assert result.exit_code == 2
    assert (f":{first + 2}: unknown field 'title.__class__.__init__' in [build] title_format.fr"
            in result.stderr)


def test_output_folder_with_other_files_is_refused(mirror_workspace: Path, tmp_path: Path) -> None:
    output = tmp_path / "documents"
    output.mkdir()
    (output / "notes.txt").write_text("keep me", encoding="utf-8")

    result = invoke("-C", mirror_workspace, "build", "--lang", "ko", "--mirror", "--output", output)

    assert result.exit_code == 2
    assert "not written by presslate" in result.stderr
    assert snapshot(output) == {"notes.txt": b"keep me"}
