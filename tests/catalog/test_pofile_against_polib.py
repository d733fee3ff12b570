"""Our PO reader agrees with polib on every catalog of the bundled workspace (no #~| lines, where polib errs)."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from presslate.catalog.pofile import read_po

REPO = Path(__file__).resolve().parents[2]
FILES = sorted(REPO.glob("locales/*/*.po")) + sorted(REPO.glob("l10n/templates/*.pot"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_entries_match_polib(path):
    ours = read_po(path)
    theirs = polib.pofile(str(path))
    assert ours.header == dict(theirs.metadata)
    expected = [(e.msgctxt, e.msgid, e.msgstr, e.obsolete, "fuzzy" in e.flags) for e in [*theirs, *theirs.obsolete_entries()]]
    got = [(m.msgctxt, m.msgid, m.msgstr, m.obsolete, m.fuzzy) for m in ours.messages]
    assert sorted(got, key=repr) == sorted(expected, key=repr)
