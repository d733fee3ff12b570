"""A fully translated seed release built in Korean, French, Spanish and Arabic: structure and text."""

from __future__ import annotations

from pathlib import Path

import html5lib
import pytest

from presslate.catalog.model import draft_comment
from presslate.catalog.pofile import read_po, write_po

from tests.build.helpers import IRAQ_RELEASE, invoke, translate_iraq_release

XHTML = "{http://www.w3.org/1999/xhtml}"
# Sentences per paragraph of the release after its dateline (the first paragraph holds the dateline).
PARAGRAPH_SIZES = (1, 2, 2, 3, 2, 2, 1, 3, 1, 1)
CONTACT_VERBATIM = ("IOM Erbil", "Susan Megy\nTel. +964 750 0166 072\nEmail: smegy@iom.int",
                    "Sandra Black\nTel. +964 750 0166 072\nEmail: sblack@iom.int")
LONG_DATES = {"ko": "2014년 9월 9일", "fr": "9 septembre 2014", "es": "9 de septiembre de 2014", "ar": "9 سبتمبر 2014"}
POSTED_LINES = {
    "ko": "Posted on Tue, Sep-09-2014",
    "fr": "Publié le 9 septembre 2014",
    "es": "Publicado el 9 de septiembre de 2014",
    "ar": "نُشر في 9 سبتمبر 2014",
}
TITLE_LINES = {
    "ko": "(2014/9/9) IOM, UN과 연합해 포위된 이라크 지역에 물자 전달",
    "fr": "L’OIM et l’ONU acheminent de l’aide vers une ville irakienne assiégée",
    "es": "La OIM y la ONU llevan suministros a una localidad iraquí sitiada",
    "ar": "المنظمة الدولية للهجرة والأمم المتحدة توصلان إمدادات إلى منطقة عراقية محاصرة",
}


def expected_paragraphs(data: dict, lang: str) -> list[str]:
    """The release's paragraphs in ``lang``: sentences joined with a space, the dateline with its ' - '."""
    sentences = [entry[lang] for entry in data["sentences"]]
    dateline, body = sentences[0], sentences[1:]
    paragraphs, start = [], 0
    for size in PARAGRAPH_SIZES:
        paragraphs.append(" ".join(body[start : start + size]))
        start += size
    paragraphs[0] = f"{dateline} - {paragraphs[0]}"
    return paragraphs


@pytest.fixture
def translated_workspace(mirror_workspace: Path) -> tuple[Path, dict]:
    return mirror_workspace, translate_iraq_release(mirror_workspace)


@pytest.mark.parametrize("lang", ["ko", "fr", "es", "ar"])
def test_text_page_of_a_fully_translated_release(translated_workspace: tuple[Path, dict], lang: str) -> None:
    root, data = translated_workspace

    result = invoke("-C", root, "build", "--lang", lang, "--format", "txt")

    assert result.exit_code == 0, result.output
    assert f"{lang}: 1 release(s) built" in result.stdout
    page = (root / "site" / lang / f"{IRAQ_RELEASE}.txt").read_text(encoding="utf-8")
    contact_intro = [entry[lang] for entry in data["sentences"][-2:]]
    expected = [TITLE_LINES[lang], *expected_paragraphs(data, lang), *contact_intro, *CONTACT_VERBATIM,
                POSTED_LINES[lang], data_backlink(lang)]
    assert page == "\n\n".join(expected) + "\n"


def data_backlink(lang: str) -> str:
    return {"ko": "최신보도자료 모음 돌아가기", "fr": "Retour aux communiqués de presse",
            "es": "Volver a los comunicados de prensa", "ar": "العودة إلى البيانات الصحفية"}[lang]


def test_korean_sentences_are_joined_with_a_space_and_the_dateline_with_its_dash(
    translated_workspace: tuple[Path, dict]
) -> None:
    root, _ = translated_workspace
    invoke("-C", root, "build", "--lang", "ko", "--format", "txt")

    page = (root / "site" / "ko" / f"{IRAQ_RELEASE}.txt").read_text(encoding="utf-8")
    assert "\n\n이라크 - IOM 이라크 사무소는 일요일(9월 7일) " in page
    assert "키트 1,000개를 전달했다. 구호 차량 행렬은 " in page


def test_french_no_break_spaces_are_kept(translated_workspace: tuple[Path, dict]) -> None:
    root, _ = translated_workspace
    invoke("-C", root, "build", "--lang", "fr", "--format", "txt")

    page = (root / "site" / "fr" / f"{IRAQ_RELEASE}.txt").read_text(encoding="utf-8")
    assert "1\u202f000 kits" in page
    assert "50\u00a0% de l’ensemble" in page
    assert "«\u202fLes jerricans" in page


@pytest.mark.parametrize("lang", ["ko", "fr", "es", "ar"])
def test_html_page_of_a_fully_translated_release(translated_workspace: tuple[Path, dict], lang: str) -> None:
    root, data = translated_workspace

    result = invoke("-C", root, "build", "--lang", lang)

    assert result.exit_code == 0, result.output
    source = (root / "site" / lang / f"{IRAQ_RELEASE}.html").read_bytes()
    assert source.startswith(b"<!DOCTYPE html>\n")
    document = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(source)
    root_element = document.getroot() if hasattr(document, "getroot") else document
    html = root_element if root_element.tag == f"{XHTML}html" else root_element.find(f"{XHTML}html")
    assert html.get("lang") == lang
    assert html.get("dir") == ("rtl" if lang == "ar" else None)
    article = html.find(f"{XHTML}body/{XHTML}main/{XHTML}article")
    assert text_of(article.find(f"{XHTML}h1")) == TITLE_LINES[lang]
    time = article.find(f"{XHTML}p/{XHTML}time")
    assert (time.get("datetime"), text_of(time)) == ("2014-09-09", LONG_DATES[lang])
    paragraphs = [text_of(p) for p in article.findall(f"{XHTML}p") if not p.get("class")]
    assert paragraphs == expected_paragraphs(data, lang)
    contact = [text_of(p, br="\n") for p in article.findall(f"{XHTML}address/{XHTML}p")]
    assert contact == [entry[lang] for entry in data["sentences"][-2:]] + list(CONTACT_VERBATIM)
    assert text_of(article.find(f"{XHTML}p[@class='posted']")) == POSTED_LINES[lang]
    marked = [element.get("class") for element in html.iter() if isinstance(element.tag, str) and element.get("lang")]
    # Nothing is left in English but the Korean page's posting line, which the mirror writes in English.
    assert marked == ([None, "posted"] if lang == "ko" else [None])
    link = html.find(f"{XHTML}body/{XHTML}nav/{XHTML}p/{XHTML}a")
    assert (link.get("href"), text_of(link)) == ("index.html", data_backlink(lang))


def test_korean_english_posting_line_is_marked_english(translated_workspace: tuple[Path, dict]) -> None:
    root, _ = translated_workspace
    invoke("-C", root, "build", "--lang", "ko")

    page = (root / "site" / "ko" / f"{IRAQ_RELEASE}.html").read_text(encoding="utf-8")
    assert '<p class="posted" lang="en">Posted on Tue, Sep-09-2014</p>' in page


@pytest.mark.parametrize("lang", ["ko", "fr", "es", "ar"])
def test_index_lists_the_translated_title_and_date(translated_workspace: tuple[Path, dict], lang: str) -> None:
    root, data = translated_workspace
    invoke("-C", root, "build", "--lang", lang)

    source = (root / "site" / lang / "index.html").read_bytes()
    document = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(source)
    items = document.findall(".//ul/li")
    assert len(items) == 1
    link, time = items[0].find("a"), items[0].find("time")
    title = data["titles"].get(lang, "IOM, UN과 연합해 포위된 이라크 지역에 물자 전달")
    assert (link.get("href"), link.text) == (f"{IRAQ_RELEASE}.html", title)
    assert time.text == LONG_DATES[lang]


def test_untranslated_releases_are_skipped_with_the_reason(translated_workspace: tuple[Path, dict]) -> None:
    root, _ = translated_workspace

    result = invoke("-C", root, "build", "--lang", "fr")

    skipped = [line for line in result.stdout.splitlines() if line.startswith("skipped fr ")]
    assert len(skipped) == 4
    assert ("skipped fr 2014-09-05-iom-libya-is-monitoring-the-growing-insecurity-of: 0% of its words translated "
            "(0 of 481; 0 of 22 sentences), below the minimum of 100%") in result.stdout
    assert sorted(path.name for path in (root / "site" / "fr").iterdir()) == [f"{IRAQ_RELEASE}.html", "index.html"]


def text_of(element, *, br: str = "") -> str:
    """The text of an element with its children's text (``br`` elements as ``br``)."""
    parts = [element.text or ""]
    for child in element:
        is_br = isinstance(child.tag, str) and child.tag.rsplit("}", 1)[-1] == "br"
        parts.append(br if is_br else text_of(child, br=br))
        parts.append(child.tail or "")
    return "".join(parts)


def test_drafts_are_left_out_unless_asked_for(translated_workspace: tuple[Path, dict]) -> None:
    root, data = translated_workspace
    po = root / "locales" / "ko" / f"{IRAQ_RELEASE}.po"
    catalog = read_po(po)
    draft = catalog.find(data["sentences"][3]["en"])
    draft.flags.insert(0, "fuzzy")
    draft.translator_comments.append(draft_comment("google"))
    write_po(po, catalog)

    without = invoke("-C", root, "build", "--lang", "ko", "--format", "txt", "--release", IRAQ_RELEASE)
    assert f"skipped ko {IRAQ_RELEASE}: 97.3% of its words translated (400 of 411; 20 of 21 sentences)" in without.stdout
    with_drafts = invoke("-C", root, "build", "--lang", "ko", "--format", "txt", "--release", IRAQ_RELEASE,
                          "--include-drafts")
    assert "ko: 1 release(s) built into" in with_drafts.stdout
    assert "(1 draft sentence(s) included)" in with_drafts.stdout
    assert data["sentences"][3]["ko"] in (root / "site" / "ko" / f"{IRAQ_RELEASE}.txt").read_text(encoding="utf-8")


def test_a_lower_threshold_publishes_the_missing_sentences_in_english(translated_workspace: tuple[Path, dict]) -> None:
    root, data = translated_workspace
    po = root / "locales" / "es" / f"{IRAQ_RELEASE}.po"
    catalog = read_po(po)
    catalog.find(data["sentences"][3]["en"]).msgstr = ""
    write_po(po, catalog)

    assert "skipped es" in invoke("-C", root, "build", "--lang", "es", "--release", IRAQ_RELEASE).stdout
    result = invoke("-C", root, "build", "--lang", "es", "--release", IRAQ_RELEASE, "--format", "txt",
                     "--min-translated", "95")

    assert "es: 1 release(s) built" in result.stdout
    page = (root / "site" / "es" / f"{IRAQ_RELEASE}.txt").read_text(encoding="utf-8")
    assert f"{data['sentences'][2]['es']} {data['sentences'][3]['en']}\n" in page
