"""Renderers: untrusted text never becomes markup or a remote reference; pages are valid HTML5."""

from __future__ import annotations

import datetime as dt
import re

import html5lib
import pytest

from presslate.build.model import IndexEntry, IndexPage, PageBlock, PageBlockKind, PageLine, ReleasePage
from presslate.build.render import RENDERERS
from presslate.build.render.markdown import escape_markdown

HOSTILE = '<script>alert("x")</script> <img src="https://evil.example/p.png" onerror="alert(1)"> & [link](http://evil.example)'


def page(lang: str = "ko", text: str = HOSTILE, *, fallback: bool = False) -> ReleasePage:
    return ReleasePage(
        release_id="2014-09-09-iom-iraq-on-sunday-joined-a-relief-convoy",
        lang=lang,
        source_language="en",
        title=text,
        title_line=f"(2014/9/9) {text}",
        date=dt.date(2014, 9, 9),
        date_text="2014년 9월 9일",
        blocks=(
            PageBlock(PageBlockKind.PARAGRAPH, (PageLine(f"이라크 - {text}"),)),
            PageBlock(PageBlockKind.HEADING, (PageLine("KEY FIGURES (2022)", fallback=True),)),
            PageBlock(PageBlockKind.LIST, (PageLine(text), PageLine("1. # not a heading", fallback=fallback))),
            PageBlock(PageBlockKind.CONTACT, (PageLine("For more information please contact", fallback=True),)),
            PageBlock(PageBlockKind.CONTACT, (PageLine("Susan Megy"), PageLine("Email: smegy@iom.int"))),
        ),
        posted_line="Posted on Tue, Sep-09-2014",
        posted_locale="en",
        backlink="최신보도자료 모음 돌아가기",
    )


def parse_strict(source: str):
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(source)


@pytest.mark.parametrize("lang", ["ko", "ar"])
def test_html_escapes_text_by_construction(lang: str) -> None:
    source = RENDERERS["html"].render_release(page(lang), "html")

    tree = parse_strict(source)
    tags = {element.tag for element in tree.iter() if isinstance(element.tag, str)}
    assert not tags & {"script", "img", "link", "style", "iframe"}
    assert '&lt;script&gt;alert("x")&lt;/script&gt;' in source
    assert tree.find(".//article/p[2]").text == f"이라크 - {HOSTILE}"


@pytest.mark.parametrize("output_format", ["html"])
def test_html_makes_no_external_request(output_format: str) -> None:
    renderer = RENDERERS[output_format]
    index = IndexPage("ko", "최신보도자료", (IndexEntry("a-release", HOSTILE, dt.date(2014, 9, 9), "2014년 9월 9일"),))
    for source in (renderer.render_release(page(), "html"), renderer.render_index(index, "html")):
        tree = parse_strict(source)
        for element in tree.iter():
            if not isinstance(element.tag, str):
                continue
            assert element.get("src") is None
            href = element.get("href")
            assert href is None or (":" not in href and not href.startswith("/")), href


def test_html_direction_and_language_marks() -> None:
    source = RENDERERS["html"].render_release(page("ar"), "html")

    assert '<html lang="ar" dir="rtl">' in source
    assert '<h2 lang="en" dir="ltr">KEY FIGURES (2022)</h2>' in source
    assert '<p class="posted" lang="en" dir="ltr">Posted on Tue, Sep-09-2014</p>' in source
    assert '<p><span lang="en" dir="ltr">For more information please contact</span></p>' in source
    assert "<p>Susan Megy<br>Email: smegy@iom.int</p>" in source


def test_html_language_tags_use_bcp47() -> None:
    assert '<html lang="pt-BR">' in RENDERERS["html"].render_release(page("pt_BR"), "html")


def test_html_drops_control_characters() -> None:
    source = RENDERERS["html"].render_release(page(text="bell\x07 and vertical\x0btab"), "html")

    assert "bell and verticaltab" in source
    parse_strict(source)


def test_markdown_escapes_markup() -> None:
    source = RENDERERS["md"].render_release(page(), "md")

    assert not re.search(r"(?<!\\)[<\[\]]", source.replace("[최신보도자료 모음 돌아가기](index.md)", ""))
    assert r'\<script\>alert("x")\</script\>' in source
    assert r"\[link\](http://evil.example)" in source
    assert "- 1\\. \\# not a heading" in source
    assert "Susan Megy\\\nEmail: smegy@iom.int" in source
    assert source.endswith("[최신보도자료 모음 돌아가기](index.md)\n")


@pytest.mark.parametrize(("text", "escaped"), [
    ("# title", r"\# title"),
    ("- item", r"\- item"),
    ("+964 750 0166 072", r"\+964 750 0166 072"),
    ("2014. A year", r"2014\. A year"),
    ("*a* _b_ `c` ~d~ <e> &f; !g |h", r"\*a\* \_b\_ \`c\` \~d\~ \<e\> \&f; \!g \|h"),
    ("IOM Iraq (7/9)", "IOM Iraq (7/9)"),
])
def test_escape_markdown(text: str, escaped: str) -> None:
    assert escape_markdown(text) == escaped


def test_text_page_layout() -> None:
    source = RENDERERS["txt"].render_release(page(text="IOM, UN과 연합해"), "txt")

    assert source == (
        "(2014/9/9) IOM, UN과 연합해\n\n이라크 - IOM, UN과 연합해\n\nKEY FIGURES (2022)\n\n"
        "- IOM, UN과 연합해\n- 1. # not a heading\n\nFor more information please contact\n\n"
        "Susan Megy\nEmail: smegy@iom.int\n\nPosted on Tue, Sep-09-2014\n\n최신보도자료 모음 돌아가기\n"
    )


def test_index_pages_list_titles_and_dates() -> None:
    index = IndexPage("fr", "Communiqués de presse", (
        IndexEntry("b", "L’OIM et l’ONU acheminent de l’aide", dt.date(2014, 9, 9), "9 septembre 2014"),
        IndexEntry("a", "Sans date", None, None),
    ))

    assert RENDERERS["txt"].render_index(index, "txt") == (
        "Communiqués de presse\n\n9 septembre 2014 — L’OIM et l’ONU acheminent de l’aide\nb.txt\n\nSans date\na.txt\n")
    assert RENDERERS["md"].render_index(index, "md") == (
        "# Communiqués de presse\n\n- [L’OIM et l’ONU acheminent de l’aide](b.md) (9 septembre 2014)\n- [Sans date](a.md)\n")
    tree = parse_strict(RENDERERS["html"].render_index(index, "html"))
    assert [(a.get("href"), a.text) for a in tree.findall(".//li/a")] == [
        ("b.html", "L’OIM et l’ONU acheminent de l’aide"), ("a.html", "Sans date")]
