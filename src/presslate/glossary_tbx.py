"""TBX-Basic export of the glossary for CAT tools, built element by element with lxml so every text is escaped."""

from __future__ import annotations

from lxml import etree

from presslate import __version__
from presslate.glossary import Glossary, Term
from presslate.terms import is_acronym

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PREFERRED = "preferredTerm-admn-sts"
ADMITTED = "admittedTerm-admn-sts"
DEPRECATED = "deprecatedTerm-admn-sts"
PART_OF_SPEECH = {"acronym": "noun", "name": "properNoun", "term": "noun"}
TERM_TYPE = {"acronym": "acronym", "name": "fullForm", "term": "fullForm"}
DO_NOT_TRANSLATE_NOTE = "Do not translate: keep the source term unchanged in every language."


def format_tbx(glossary: Glossary, *, source_language: str = "en") -> bytes:
    """The glossary as a TBX-Basic (TBX v2, ``martif``) document, UTF-8, without a DOCTYPE.

    Approved variants become ``tig`` elements with ``administrativeStatus`` preferredTerm
    (the first) or admittedTerm (the others); forbidden ones deprecatedTerm.
    """
    martif = etree.Element("martif", {"type": "TBX-Basic", XML_LANG: xml_language(source_language)})
    header = etree.SubElement(martif, "martifHeader")
    source_desc = etree.SubElement(etree.SubElement(header, "fileDesc"), "sourceDesc")
    origin = glossary.path.name if glossary.path else "a glossary"
    _text(source_desc, "p", f"Exported by presslate {__version__} from {origin}")
    _text(etree.SubElement(header, "encodingDesc"), "p", "TBXBasicXCSV02.xcs", type="XCSURI")
    body = etree.SubElement(etree.SubElement(martif, "text"), "body")
    for term in glossary.terms:
        _term_entry(body, term, glossary.languages, source_language)
    return etree.tostring(martif, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def xml_language(code: str) -> str:
    """A babel code as an ``xml:lang`` value: ``pt_BR`` -> ``pt-BR``."""
    return code.replace("_", "-")


def _term_entry(body: etree._Element, term: Term, languages: tuple[str, ...], source_language: str) -> None:
    entry = etree.SubElement(body, "termEntry", id=f"row-{term.row}")
    if term.note:
        _text(entry, "note", term.note)
    if term.do_not_translate:
        _text(entry, "note", DO_NOT_TRANSLATE_NOTE)
    source = etree.SubElement(entry, "langSet", {XML_LANG: xml_language(source_language)})
    _tig(source, term.term, PREFERRED, part_of_speech=PART_OF_SPEECH[term.kind], term_type=TERM_TYPE[term.kind])
    for lang in languages:
        accepted, forbidden = term.accepted(lang), term.forbidden_in(lang)
        if not accepted and not forbidden:
            continue
        lang_set = etree.SubElement(entry, "langSet", {XML_LANG: xml_language(lang)})
        for position, variant in enumerate(accepted):
            _tig(lang_set, variant, PREFERRED if position == 0 else ADMITTED,
                 part_of_speech=PART_OF_SPEECH[term.kind], term_type="acronym" if is_acronym(variant) else None)
        for variant in forbidden:
            _tig(lang_set, variant, DEPRECATED, part_of_speech=PART_OF_SPEECH[term.kind], term_type=None)


def _tig(lang_set: etree._Element, text: str, status: str, *, part_of_speech: str, term_type: str | None) -> None:
    tig = etree.SubElement(lang_set, "tig")
    _text(tig, "term", text)
    _text(tig, "termNote", part_of_speech, type="partOfSpeech")
    if term_type:
        _text(tig, "termNote", term_type, type="termType")
    _text(tig, "termNote", status, type="administrativeStatus")


def _text(parent: etree._Element, tag: str, text: str, **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, tag, attributes)
    element.text = text
    return element
