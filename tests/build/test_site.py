"""The output folder: claimed with a marker, replaced per language only when every file is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from presslate.build.site import MARKER, check_output, staging_folder
from presslate.errors import UsageError


def publish_folders(output: Path, files: dict[str, dict[str, str]], *, default: bool = False) -> list[Path]:
    """Stage ``{subfolder: {name: text}}`` and swap the subfolders in, as a build does."""
    check_output(output, default=default)
    with staging_folder(output) as staging:
        for subfolder, contents in files.items():
            for name, text in contents.items():
                staging.write_text(f"{subfolder}/{name}", text)
        return staging.commit_folders(list(files), default=default)


def test_publish_replaces_language_folders_and_keeps_the_others(tmp_path: Path) -> None:
    output = tmp_path / "site"
    publish_folders(output, {"ko": {"a.txt": "old", "b.txt": "gone"}, "fr": {"a.txt": "french"}})

    written = publish_folders(output, {"ko": {"a.txt": "new"}})

    assert written == [output / "ko" / "a.txt"]
    assert sorted(p.name for p in (output / "ko").iterdir()) == ["a.txt"]
    assert (output / "ko" / "a.txt").read_text(encoding="utf-8") == "new"
    assert (output / "fr" / "a.txt").read_text(encoding="utf-8") == "french"
    assert sorted(p.name for p in output.iterdir()) == [MARKER, "fr", "ko"]


def test_a_failure_while_writing_leaves_the_output_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    output = tmp_path / "site"
    publish_folders(output, {"ko": {"a.txt": "published"}})
    real_write = Path.write_bytes
    calls = []

    def failing_write(self: Path, *args, **kwargs):
        calls.append(self)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real_write(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_bytes", failing_write)
    with pytest.raises(OSError):
        publish_folders(output, {"ko": {"a.txt": "new", "b.txt": "new"}})

    monkeypatch.undo()
    assert sorted(p.name for p in output.iterdir()) == [MARKER, "ko"]
    assert not list(tmp_path.glob(".presslate-staging-*"))
    assert [p.name for p in (output / "ko").iterdir()] == ["a.txt"]
    assert (output / "ko" / "a.txt").read_text(encoding="utf-8") == "published"


def test_a_folder_with_other_files_is_not_claimed(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")

    with pytest.raises(UsageError, match="not written by presslate"):
        check_output(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


@pytest.mark.parametrize("name", ["..", "../x", ".hidden", "a/../b", "/etc/passwd", ""])
def test_unsafe_names_are_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError, match="unsafe output name"):
        publish_folders(tmp_path / "site", {"ko": {name: "x"}})
    assert not (tmp_path / "site").exists()


def test_the_default_site_folder_keeps_other_commands_reports(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "status.html").write_text("<!DOCTYPE html>", encoding="utf-8")

    publish_folders(site, {"ko": {"index.html": "x"}}, default=True)

    assert sorted(p.name for p in site.iterdir()) == [".gitignore", MARKER, "ko", "status.html"]
    assert (site / ".gitignore").read_text(encoding="utf-8") == "*\n"
