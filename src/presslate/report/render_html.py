"""The HTML dashboard: one self-contained page (inline CSS and SVG, no scripts, no network), built with lxml.

Every piece of text from releases and PO files goes in as an element's text or an attribute value, so
lxml escapes it: a title or msgstr holding ``<script>`` is shown as text, never run.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree, html

from presslate.report.labels import (
    blockers_text,
    broken_lines,
    generated_label,
    notes,
    percent,
    plural,
    releases_by_id,
)
from presslate.report.options import RenderOptions

STATE_COLOURS = {
    "translated": "#2e7d32",
    "draft": "#1565c0",
    "fuzzy": "#f9a825",
    "untranslated": "#cfd8dc",
}
STATE_LABELS = {
    "translated": "translated",
    "draft": "machine/memory draft awaiting review",
    "fuzzy": "fuzzy (source changed)",
    "untranslated": "untranslated",
}
LINE_COLOURS = ("#1565c0", "#c62828", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f", "#5d4037", "#ad1457")
# Blocks every script, frame, font, image and connection even if something slipped through.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
)
_NOT_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

CSS = """
:root { color-scheme: light; --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --bg: #f5f7fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
       color: var(--ink); background: var(--bg); }
header, main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1.25rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 1.75rem 0 .75rem; }
h3 { font-size: 1.05rem; margin: 0 0 .25rem; }
.sub, footer { color: var(--muted); font-size: .9rem; }
footer { padding-bottom: 2rem; margin-top: 2rem; }
.note { background: #fff8e1; border-left: 4px solid #f9a825; padding: .5rem .75rem; margin: .5rem 0; }
.broken { background: #ffebee; border-left-color: #c62828; }
.broken code { display: block; white-space: pre-wrap; word-break: break-word; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: .75rem; }
.card { background: #fff; border: 1px solid var(--line); border-radius: .5rem; padding: .9rem 1rem; }
.pct { font-size: 1.9rem; font-weight: 700; margin: .1rem 0; }
.pct small { display: block; font-size: .85rem; font-weight: 400; color: var(--muted); }
svg.bar { display: block; width: 100%; height: .9rem; border-radius: .25rem; margin: .35rem 0 .6rem; }
dl.counts { display: grid; grid-template-columns: 1fr auto; gap: .1rem .75rem; margin: 0; font-size: .9rem; }
dl.counts dt { color: var(--muted); }
dl.counts dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem 1rem; font-size: .85rem; color: var(--muted);
          margin: .6rem 0 0; padding: 0; list-style: none; }
.swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: .15rem; margin-right: .3rem;
          vertical-align: -.1rem; }
svg.chart { display: block; width: 100%; max-width: 40rem; height: auto; background: #fff;
            border: 1px solid var(--line); border-radius: .5rem; }
.chart text { font-size: 14px; fill: var(--muted); }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: .9rem; }
th, td { border-bottom: 1px solid var(--line); padding: .45rem .6rem; text-align: left; vertical-align: top; }
thead th { background: #eef2f7; white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
th[scope=row] .title { display: block; font-weight: 600; }
th[scope=row] code { font-size: .75rem; color: var(--muted); word-break: break-all; font-weight: 400; }
td .share { font-weight: 700; display: block; }
td .why { display: block; font-size: .8rem; }
td .tt { display: block; font-size: .8rem; color: var(--muted); }
td.ready { background: #e8f5e9; }
td.ready .why { color: #2e7d32; }
td.blocked .why { color: #8d6e00; }
td.broken { background: #ffebee; }
td.broken .why { color: #c62828; }
@media (max-width: 40rem) {
  h1 { font-size: 1.3rem; }
  table.releases thead { display: none; }
  table.releases, table.releases tbody, table.releases tr, table.releases th, table.releases td {
    display: block; width: 100%; }
  table.releases tr { border: 1px solid var(--line); border-radius: .5rem; margin-bottom: .6rem; background: #fff; }
  table.releases td { border: 0; border-top: 1px solid var(--line); padding-left: 3.2rem; position: relative; }
  table.releases td::before { content: attr(data-label); position: absolute; left: .6rem; font-weight: 700; }
}
"""


def render_html(data: dict[str, Any], options: RenderOptions) -> str:
    """The dashboard as one HTML document (UTF-8 text)."""
    root = etree.Element("html", lang="en")
    head = _add(root, "head")
    _add(head, "meta", charset="utf-8")
    _add(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    _add(head, "meta", {"http-equiv": "Content-Security-Policy", "content": CONTENT_SECURITY_POLICY})
    _add(head, "meta", name="referrer", content="no-referrer")
    _add(head, "title", text=f"Translation status: {data['workspace']}")
    _add(head, "style", text=CSS)
    body = _add(root, "body")
    header = _add(body, "header")
    _add(header, "h1", text="Translation status")
    _add(header, "p", {"class": "sub"}, text=f"{data['workspace']} · generated {generated_label(data)} · "
                                             f"source language {data['source_language']}")
    main = _add(body, "main")
    _notes(main, data)
    _languages(main, data)
    _history(main, data)
    _releases(main, data)
    _translators(main, data)
    footer = _add(body, "footer")
    target = data["counting"]["target"]
    _add(footer, "p", text=f"Counting: {data['counting']['source_words']}. {target[:1].upper()}{target[1:]}.")
    _add(footer, "p", text="Ready: every segment translated and reviewed (no drafts, no fuzzy) and no QA error. "
                            "QA errors are the error findings of presslate check on releases complete in a language.")
    return html.tostring(root, doctype="<!DOCTYPE html>", encoding="unicode", method="html") + "\n"


def clean_text(text: object) -> str:
    """Text with the characters HTML cannot hold (NUL, most controls, lone surrogates) removed."""
    return _NOT_XML_CHARS.sub("", str(text))


def _add(parent, tag: str, attrib: dict[str, str] | None = None, *, text: object = None, **attributes: str):
    """A child element; ``text`` and attribute values are set as data, so lxml escapes them."""
    values = {**(attrib or {}), **attributes}
    element = etree.SubElement(parent, tag, {key: clean_text(value) for key, value in values.items()})
    if text is not None:
        element.text = clean_text(text)
    return element


def _bcp47(code: str) -> str:
    """HTML's spelling of a language code: ``pt_BR`` -> ``pt-BR``."""
    return code.replace("_", "-")


def _notes(main, data: dict[str, Any]) -> None:
    for note in notes(data):
        _add(main, "p", {"class": "note"}, text=note)
    if data["broken"]:
        box = _add(main, "div", {"class": "note broken"})
        _add(box, "strong", text="Broken PO files (fix them, then run status again):")
        for line in broken_lines(data):
            _add(box, "code", text=line)


def _languages(main, data: dict[str, Any]) -> None:
    section = _add(main, "section", id="languages")
    _add(section, "h2", text="Languages")
    cards = _add(section, "div", {"class": "cards"})
    for code, language in data["languages"].items():
        card = _add(cards, "article", {"class": "card"})
        heading = _add(card, "h3", text=f"{language['name']} ")
        native = _add(heading, "span", lang=_bcp47(code), dir="rtl" if language["rtl"] else "ltr",
                      text=language["native_name"])
        native.tail = f" ({code})"
        share = _add(card, "p", {"class": "pct"}, text=percent(language["translated_percent"]) + " ")
        _add(share, "small", text="translated (source words)")
        label = f"{language['name']}: {percent(language['translated_percent'])} translated"
        _progress_bar(card, language["words"], label=label)
        counts = _add(card, "dl", {"class": "counts"})
        qa = "not run" if language["qa_errors"] is None else str(language["qa_errors"])
        ready = f"{language['ready']} of {language['releases']}"
        for term, value in (
            ("Segments done", f"{language['translated']} of {language['total']}"),
            ("Drafts to review", str(language["draft"])),
            ("Fuzzy", str(language["fuzzy"])),
            ("Untranslated", str(language["untranslated"])),
            ("Obsolete", str(language["obsolete"])),
            ("Words translated", f"{language['words']['translated']} of {language['words']['total']}"),
            (f"Target {language['target_unit']}", str(language["target_count"])),
            ("Releases ready", ready),
            ("QA errors", qa),
        ) + ((("Broken PO files", str(language["broken"])),) if language["broken"] else ()):
            _add(counts, "dt", text=term)
            _add(counts, "dd", text=value)
    legend = _add(section, "ul", {"class": "legend"})
    for state, colour in STATE_COLOURS.items():
        item = _add(legend, "li")
        _add(item, "span", {"class": "swatch", "style": f"background:{colour}"})
        item[-1].tail = STATE_LABELS[state]


def _progress_bar(parent, words: dict[str, int], *, label: str) -> None:
    """A stacked bar of the word shares: translated, drafts, fuzzy, untranslated."""
    svg = _add(parent, "svg", {"class": "bar", "viewBox": "0 0 100 10", "preserveAspectRatio": "none",
                               "role": "img", "aria-label": label})
    _add(svg, "title", text=label)
    total = words["total"] or 1
    x = 0.0
    if not words["total"]:
        _add(svg, "rect", x="0", y="0", width="100", height="10", fill=STATE_COLOURS["translated"])
        return
    for state, colour in STATE_COLOURS.items():
        width = 100.0 * words[state] / total
        if width > 0:
            _add(svg, "rect", x=f"{x:.3f}", y="0", width=f"{width:.3f}", height="10", fill=colour)
            x += width


def _history(main, data: dict[str, Any]) -> None:
    section = _add(main, "section", id="history")
    _add(section, "h2", text="History")
    history = data["history"]
    if not history["available"] or not history["points"]:
        _add(section, "p", text=f"No history: {history['reason'] or 'no points yet'}.")
        return
    _add(section, "p", {"class": "sub"}, text="Share translated (source words) at the end of each week, from git.")
    _history_chart(section, data)


def _history_chart(section, data: dict[str, Any]) -> None:
    points = data["history"]["points"]
    width, height, left, right, top, bottom = 480, 240, 46, 16, 12, 34
    plot_w, plot_h = width - left - right, height - top - bottom
    svg = _add(section, "svg", {"class": "chart", "viewBox": f"0 0 {width} {height}", "role": "img",
                                "aria-label": "Share translated per language over the last weeks"})
    _add(svg, "title", text="Share translated per language over the last weeks")

    def x_at(index: int) -> float:
        return left + (plot_w * index / (len(points) - 1) if len(points) > 1 else plot_w / 2)

    def y_at(value: float) -> float:
        return top + plot_h * (1 - value / 100)

    for tick in (0, 25, 50, 75, 100):
        y = y_at(tick)
        _add(svg, "line", x1=str(left), x2=str(left + plot_w), y1=f"{y:.1f}", y2=f"{y:.1f}", stroke="#d9e2ec")
        _add(svg, "text", {"x": str(left - 6), "y": f"{y + 5:.1f}", "text-anchor": "end"}, text=f"{tick}%")
    last = len(points) - 1
    for index in sorted({0, last // 2, last}):
        anchor = "middle" if last == 0 else "start" if index == 0 else "end" if index == last else "middle"
        _add(svg, "text", {"x": f"{x_at(index):.1f}", "y": str(height - 10), "text-anchor": anchor},
             text=points[index]["date"])
    legend = _add(section, "ul", {"class": "legend"})
    for number, (code, language) in enumerate(data["languages"].items()):
        colour = LINE_COLOURS[number % len(LINE_COLOURS)]
        series = [(i, point["languages"][code]) for i, point in enumerate(points) if code in point["languages"]]
        if not series:
            continue
        if len(series) > 1:
            coords = " ".join(f"{x_at(i):.1f},{y_at(v):.1f}" for i, v in series)
            _add(svg, "polyline", {"points": coords, "fill": "none", "stroke": colour, "stroke-width": "3"})
        for i, value in series:
            dot = _add(svg, "circle", cx=f"{x_at(i):.1f}", cy=f"{y_at(value):.1f}", r="4", fill=colour)
            _add(dot, "title", text=f"{language['name']} {points[i]['date']}: {percent(value)}")
        item = _add(legend, "li")
        _add(item, "span", {"class": "swatch", "style": f"background:{colour}"})
        item[-1].tail = f"{language['name']} ({code}): {percent(series[0][1])} on {points[series[0][0]]['date']}, " \
                        f"{percent(series[-1][1])} on {points[series[-1][0]]['date']}"


def _releases(main, data: dict[str, Any]) -> None:
    section = _add(main, "section", id="releases")
    codes = list(data["languages"])
    groups = releases_by_id(data)
    _add(section, "h2", text=f"Releases ({len(groups)})")
    if not groups:
        _add(section, "p", text="No releases yet: run presslate ingest, then presslate sync.")
        return
    wrapper = _add(section, "div", {"class": "scroll"})
    table = _add(wrapper, "table", {"class": "releases"})
    head_row = _add(_add(table, "thead"), "tr")
    _add(head_row, "th", scope="col", text="Release")
    for code in codes:
        _add(head_row, "th", scope="col", text=f"{data['languages'][code]['name']} ({code})")
    body = _add(table, "tbody")
    for release_id, title, by_lang in groups:
        row = _add(body, "tr")
        name = _add(row, "th", scope="row")
        if title:
            _add(name, "span", {"class": "title"}, text=title)
            _add(name, "code", text=release_id)
        else:
            _add(name, "span", {"class": "title"}, text=release_id)
        for code in codes:
            release = by_lang.get(code)
            if release is None:
                _add(row, "td", {"data-label": code})
                continue
            status = "ready" if release["ready"] else "broken" if release["state"] == "broken" else "blocked"
            cell = _add(row, "td", {"class": status, "data-label": code})
            _add(cell, "span", {"class": "share"}, text=percent(release["translated_percent"]))
            _add(cell, "span", {"class": "why"}, text=blockers_text(release))
            if release["title_translation"]:
                _add(cell, "span", {"class": "tt", "lang": _bcp47(code), "dir": "auto"},
                     text=release["title_translation"])


def _translators(main, data: dict[str, Any]) -> None:
    section = _add(main, "section", id="translators")
    _add(section, "h2", text="Translators")
    people = data["translators"]
    if not people:
        _add(section, "p", text="No PO file names a translator yet (Last-Translator header).")
        return
    wrapper = _add(section, "div", {"class": "scroll"})
    table = _add(wrapper, "table")
    head_row = _add(_add(table, "thead"), "tr")
    for label in ("Translator", "Languages", "Releases", "Segments translated", "Words translated", "Last revision"):
        _add(head_row, "th", scope="col", text=label)
    body = _add(table, "tbody")
    for person in people:
        row = _add(body, "tr")
        _add(row, "td", text=person["name"])
        _add(row, "td", text=", ".join(person["languages"]))
        _add(row, "td", {"class": "num"}, text=plural(len(person["releases"]), "release"))
        _add(row, "td", {"class": "num"}, text=str(person["translated"]))
        _add(row, "td", {"class": "num"}, text=str(person["translated_words"]))
        _add(row, "td", text=person["last_revision"] or "-")
