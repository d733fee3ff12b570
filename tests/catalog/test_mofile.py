"""MO files: what msgfmt puts in (translated entries), read back with gettext and msgunfmt."""

from __future__ import annotations

import gettext
import io
import shutil
import subprocess
from pathlib import Path

import pytest

from presslate.catalog.model import Catalog, Message, draft_comment
from presslate.catalog.mofile import format_mo, write_mo
from presslate.catalog.pofile import write_po

LEAD = ("IOM delivered 1,000 kits of non-food items to internally displaced people in the town, "
        "which is between Baghdad and Kirkuk.")
CONVOY = "The convoy carried humanitarian aid provided by UNICEF, WFP and UNFPA."
CARGO = "The IOM emergency relief cargo included household supplies and hygiene items."
FILTERS = "IOM also brought in three water filter units for a health clinic."


def seed_catalog() -> Catalog:
    return Catalog(
        header={"Project-Id-Version": "presslate 2014-09-09-iom-iraq", "Language": "fr",
                "Content-Type": "text/plain; charset=UTF-8", "Plural-Forms": "nplurals=2; plural=(n > 1);"},
        messages=[
            Message(msgid="Iraq", msgstr="Irak"),
            Message(msgid=LEAD, msgstr="L’OIM a remis 1\u202f000 kits d’articles non alimentaires aux personnes "
                                       "déplacées de cette ville située entre Bagdad et Kirkouk."),
            Message(msgid=CONVOY, msgstr="Le convoi transportait de l’aide humanitaire.", flags=["fuzzy"]),
            Message(msgid=CARGO, msgstr="La cargaison d’urgence de l’OIM comprenait des articles ménagers.",
                    flags=["fuzzy"], translator_comments=[draft_comment("google")]),
            Message(msgid=FILTERS, msgstr=""),
            Message(msgid="Old sentence.", msgstr="Ancienne phrase.", obsolete=True),
            Message(msgid="Iraq", msgctxt="country", msgstr="l’Irak"),
            Message(msgid="{n} kit", msgid_plural="{n} kits", msgstr_plural={0: "{n} kit", 1: "{n} kits"}),
        ],
    )


def read_back(data: bytes) -> gettext.GNUTranslations:
    return gettext.GNUTranslations(io.BytesIO(data))


def test_translated_entries_are_compiled() -> None:
    translations = read_back(format_mo(seed_catalog()))

    assert translations.gettext("Iraq") == "Irak"
    assert translations.gettext(LEAD).startswith("L’OIM a remis 1\u202f000 kits")
    assert translations.pgettext("country", "Iraq") == "l’Irak"
    assert translations.ngettext("{n} kit", "{n} kits", 2) == "{n} kits"
    assert translations.info()["language"] == "fr"


def test_fuzzy_drafts_untranslated_and_obsolete_entries_are_left_out() -> None:
    translations = read_back(format_mo(seed_catalog()))

    for msgid in (CONVOY, CARGO, FILTERS, "Old sentence."):
        assert translations.gettext(msgid) == msgid


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext is not installed")
def test_same_messages_as_msgfmt(tmp_path: Path) -> None:
    catalog = seed_catalog()
    po = tmp_path / "fr.po"
    write_po(po, catalog)
    subprocess.run(["msgfmt", "-o", str(tmp_path / "gnu.mo"), str(po)], check=True)
    write_mo(tmp_path / "ours.mo", catalog)

    ours = read_back((tmp_path / "ours.mo").read_bytes())._catalog  # type: ignore[attr-defined]
    gnu = read_back((tmp_path / "gnu.mo").read_bytes())._catalog  # type: ignore[attr-defined]
    assert {k: v for k, v in ours.items() if k != ""} == {k: v for k, v in gnu.items() if k != ""}


@pytest.mark.skipif(shutil.which("msgunfmt") is None, reason="GNU gettext is not installed")
def test_msgunfmt_reads_our_mo_file(tmp_path: Path) -> None:
    write_mo(tmp_path / "fr.mo", seed_catalog())

    listing = subprocess.run(["msgunfmt", str(tmp_path / "fr.mo")], check=True, capture_output=True, text=True).stdout

    assert 'msgid "Iraq"\nmsgstr "Irak"' in listing
    assert 'msgctxt "country"' in listing
    assert "Le convoi" not in listing and "Ancienne" not in listing


def test_write_mo_is_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "ko" / "LC_MESSAGES" / "x.mo"

    assert write_mo(path, seed_catalog()) is True
    assert write_mo(path, seed_catalog()) is False
