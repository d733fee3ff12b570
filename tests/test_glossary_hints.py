"""Term hints: the glossary terms of each sentence appear as an extracted comment in the PO files sync writes."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from presslate.catalog.pofile import read_po, write_po
from presslate.glossary import load_glossary, parse_glossary
from presslate.glossary_hints import hint_factory, term_hints
from presslate.terms import TermMatcher

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "glossary.csv"
PAGES = sorted((ROOT / "examples" / "pages").glob("*.txt"))
IRAQ_RELEASE = "2014-09-09-iom-iraq-on-sunday-joined-a-relief-convoy"


Run = Callable[..., Result]


@pytest.fixture
def workspace(tmp_path: Path, run: Run) -> Path:
    root = tmp_path / "ws"
    assert run("init", root, "--languages", "ko,fr,es,ar").exit_code == 0
    ingested = run("-C", root, "ingest", *PAGES)
    assert ingested.exit_code == 0, ingested.stderr
    return root


def hint_of(comments: list[str]) -> str:
    """The ``terms:`` comment of an entry, joined again if the PO writer wrapped it over several lines."""
    starts = [index for index, comment in enumerate(comments) if comment.startswith("terms: ")]
    return " ".join(comments[starts[0]:]) if starts else ""


def entry_hint(po_path: Path, msgid_start: str) -> str:
    [message] = [m for m in read_po(po_path).messages if m.msgid.startswith(msgid_start)]
    return hint_of(message.auto_comments)


@pytest.fixture(scope="module")
def matcher() -> TermMatcher:
    return TermMatcher(load_glossary(SHIPPED))


@pytest.mark.parametrize(("msgid", "lang", "expected"), [
    ("It identifies 1,634 specific locations where internally displaced persons are seeking aid, and what shelter "
     "and other aid is available to them.", "ko", ["terms: internally displaced persons = 국내실향민"]),
    ("IOM delivered 1,000 kits of non-food items to internally displaced people in the town, which is between "
     "Baghdad and Kirkuk.", "fr",
     ["terms: IOM = OIM | non-food items = articles non alimentaires | internally displaced people = déplacés internes"]),
    ("“The USAID water containers being distributed to families in Amerli are just one part of the 60 metric tons "
     "of relief supplies we recently airlifted to Erbil for distribution by IOM,” said Al Dwyer, USAID’s Disaster "
     "Assistance Response Team Leader in Iraq.", "ar",
     ["terms: USAID (do not translate) | IOM = المنظمة الدولية للهجرة"]),
    ("Email: sblack@iom.int", "ko", []),
    ("Esther said: “We thought it would be best if we rented this small place together.", "es", []),
])
def test_term_hints_for_seed_sentences(matcher: TermMatcher, msgid: str, lang: str, expected: list[str]) -> None:
    assert term_hints(matcher, msgid, lang=lang) == expected


def test_no_hint_function_for_a_language_the_glossary_does_not_cover() -> None:
    glossary, _ = parse_glossary("term,fr\nIOM,OIM\n")
    factory = hint_factory(glossary)
    assert factory("ko") is None
    assert factory("fr")("IOM in Iraq") == ["terms: IOM = OIM"]


def test_sync_writes_term_hints_into_every_language(workspace: Path, run: Run) -> None:
    shutil.copyfile(SHIPPED, workspace / "glossary.csv")
    result = run("-C", workspace, "sync")
    assert result.exit_code == 0, result.stderr
    expected = {
        "ko": "terms: IOM = 국제이주기구 | non-food items = 비식량 구호품 | internally displaced people = 국내실향민",
        "fr": "terms: IOM = OIM | non-food items = articles non alimentaires | "
              "internally displaced people = déplacés internes",
        "es": "terms: IOM = OIM | non-food items = artículos no alimentarios | "
              "internally displaced people = desplazados internos",
        "ar": "terms: IOM = المنظمة الدولية للهجرة | non-food items = المواد غير الغذائية | "
              "internally displaced people = النازحين داخليا",
    }
    for lang, hint in expected.items():
        assert entry_hint(workspace / "locales" / lang / f"{IRAQ_RELEASE}.po", "IOM delivered 1,000 kits") == hint
    text = (workspace / "locales" / "ko" / f"{IRAQ_RELEASE}.po").read_text(encoding="utf-8")
    assert "#. terms: USAID (do not translate)" in text


def test_changing_the_glossary_refreshes_hints_and_keeps_translations(workspace: Path, run: Run) -> None:
    shutil.copyfile(SHIPPED, workspace / "glossary.csv")
    assert run("-C", workspace, "sync").exit_code == 0
    po_path = workspace / "locales" / "ko" / f"{IRAQ_RELEASE}.po"
    catalog = read_po(po_path)
    [message] = [m for m in catalog.messages if m.msgid.startswith("IOM delivered 1,000 kits")]
    message.msgstr = "IOM은 마을의 국내실향민들에게 비식량 구호품 1,000세트를 전달했다."
    write_po(po_path, catalog)

    glossary = (workspace / "glossary.csv").read_text(encoding="utf-8")
    (workspace / "glossary.csv").write_text(glossary.replace(",국제이주기구|IOM,", ",IOM|국제이주기구,"), encoding="utf-8")
    result = run("-C", workspace, "sync")
    assert result.exit_code == 0, result.stderr

    [message] = [m for m in read_po(po_path).messages if m.msgid.startswith("IOM delivered 1,000 kits")]
    assert message.msgstr == "IOM은 마을의 국내실향민들에게 비식량 구호품 1,000세트를 전달했다."
    assert hint_of(message.auto_comments).startswith("terms: IOM = IOM | ")


def test_sync_without_a_glossary_writes_no_hints(workspace: Path, run: Run) -> None:
    (workspace / "glossary.csv").unlink()
    assert run("-C", workspace, "sync").exit_code == 0
    assert "terms:" not in (workspace / "locales" / "fr" / f"{IRAQ_RELEASE}.po").read_text(encoding="utf-8")


def test_sync_stops_on_a_broken_glossary(workspace: Path, run: Run) -> None:
    shutil.copyfile(ROOT / "tests" / "data" / "glossary" / "broken_rows.csv", workspace / "glossary.csv")
    result = run("-C", workspace, "sync")
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("glossary.csv:3: missing term (the 'term' cell is empty)")
    assert not (workspace / "locales" / "fr" / f"{IRAQ_RELEASE}.po").exists()
