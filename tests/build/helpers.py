"""Helpers of the build tests: workspaces made from the seed pages through the command line, translations."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner, Result

from presslate.catalog.pofile import read_po, write_po
from presslate.cli import cli
from presslate.releasefile import format_release, read_release
from presslate.workspace import open_workspace

from tests.conftest import REPO

TRANSLATIONS = REPO / "tests" / "data" / "build" / "iraq-2014-09-09.yaml"
IRAQ_RELEASE = "2014-09-09-iom-iraq-on-sunday-joined-a-relief-convoy"
LANGUAGES = ("ko", "fr", "es", "ar")


def invoke(*args: object) -> Result:
    """Run ``presslate`` with these arguments; stdout and stderr are kept apart."""
    return CliRunner().invoke(cli, [str(arg) for arg in args], catch_exceptions=False)


def make_workspace(root: Path, *pages: Path) -> Path:
    """``presslate init`` + ``ingest`` + ``sync`` in ``root``, as a user would."""
    for args in (("init", root, "--languages", ",".join(LANGUAGES)), ("-C", root, "ingest", *pages), ("-C", root, "sync")):
        result = invoke(*args)
        assert result.exit_code == 0, result.output
    return root



def load_translations() -> dict:
    return yaml.safe_load(TRANSLATIONS.read_text(encoding="utf-8"))


def translate_iraq_release(root: Path, languages: tuple[str, ...] = LANGUAGES) -> dict:
    """Fill the Iraq release's PO files with the reviewed translations of the fixture, and its fr/es/ar titles.

    Fails when a msgid of the PO file has no fixture translation or a fixture sentence is
    not in the PO file, so a change of segmentation shows up here, not as a vague diff.
    """
    data = load_translations()
    workspace = open_workspace(explicit=root)
    for lang in languages:
        path = workspace.po_path(lang, IRAQ_RELEASE)
        catalog = read_po(path)
        table = {entry["en"]: entry[lang] for entry in data["sentences"]}
        msgids = {message.msgid for message in catalog.active()}
        assert msgids == set(table), (sorted(msgids - set(table)), sorted(set(table) - msgids))
        for message in catalog.active():
            message.msgstr = table[message.msgid]
        write_po(path, catalog)
    release_path = workspace.release_path(IRAQ_RELEASE)
    release = read_release(release_path)
    release.titles.update({lang: title for lang, title in data["titles"].items() if lang in languages})
    release_path.write_text(format_release(release), encoding="utf-8")
    return data
