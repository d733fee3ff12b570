"""Masking and restoring glossary terms, names, numbers and addresses, on seed sentences with the real glossary."""

from __future__ import annotations

import pytest

from presslate.glossary import load_glossary
from presslate.mt.protect import MaskedText, Protector
from presslate.terms import TermMatcher

from .conftest import GLOSSARY

NNBSP = "\u202f"
DTM_SENTENCE = (
    "From January 2014 through 12 February 2015, IOM’s Displacement Tracking Matrix (DTM) identified nearly "
    "2.5 million displaced people across Iraq, while in January alone, IOM’s response to the Syria crisis reached "
    "over 300,000 people, including distribution of non-food items and provision of health care."
)
MEXICO_SENTENCE = (
    "Based on data from the Department of Migration Policy of the Mexican Ministry of Interior, between January "
    "and May 2014, a total of 43,863 migrants were registered in INM’s holding centers throughout the country."
)
CONTACT_SENTENCE = "For more information please contact Sandra Black at IOM Baghdad, Tel. +964 750 0166 072, " \
                   "Email: sblack@iom.int or visit http://www.iom.int/news."


@pytest.fixture(scope="module")
def matcher() -> TermMatcher:
    return TermMatcher(load_glossary(GLOSSARY))


def protector(matcher: TermMatcher, lang: str) -> Protector:
    return Protector(lang=lang, matcher=matcher)


def echo(masked: MaskedText) -> str:
    """What a well-behaved engine does with placeholders: keeps them."""
    return masked.text


@pytest.mark.parametrize("lang, expected", [
    ("fr", "From January 2014 through 12 February 2015, OIM’s Matrice de suivi des déplacements (DTM) identified "
           f"nearly 2,5 million displaced people across Iraq, while in January alone, OIM’s response to the Syria "
           f"crisis reached over 300{NNBSP}000 people, including distribution of articles non alimentaires and "
           "provision of health care."),
    ("es", "From January 2014 through 12 February 2015, OIM’s Matriz de Seguimiento de Desplazamientos (DTM) "
           "identified nearly 2,5 million displaced people across Iraq, while in January alone, OIM’s response to "
           "the Syria crisis reached over 300.000 people, including distribution of artículos no alimentarios "
           "and provision of health care."),
    ("ko", "From January 2014 through 12 February 2015, 국제이주기구’s 이동추적매트릭스 (DTM) identified nearly 2.5 "
           "million displaced people across Iraq, while in January alone, 국제이주기구’s response to the Syria "
           "crisis reached over 300,000 people, including distribution of 비식량 구호품 and provision of health care."),
])
def test_terms_become_approved_translations_and_numbers_the_language_s_way(matcher, lang, expected):
    p = protector(matcher, lang)
    masked = p.mask(DTM_SENTENCE)
    assert "IOM" not in masked.text and "300,000" not in masked.text and "2.5" not in masked.text
    restored = p.restore(masked, echo(masked))
    assert restored.ok
    assert restored.text == expected


def test_grouping_follows_babel_per_language(matcher):
    assert protector(matcher, "fr").localise_number("1,000") == f"1{NNBSP}000"
    assert protector(matcher, "es").localise_number("1,000") == "1.000"
    assert protector(matcher, "es").localise_number("43,863") == "43.863"
    assert protector(matcher, "ko").localise_number("43,863") == "43,863"
    assert protector(matcher, "fr").localise_number("2014") == "2014"  # years and plain counts stay as written


def test_addresses_phones_and_names_come_back_unchanged(matcher):
    p = protector(matcher, "fr")
    masked = p.mask(CONTACT_SENTENCE)
    kinds = {span.source: span.kind for span in masked.spans}
    assert kinds["sblack@iom.int"] == "email"
    assert kinds["http://www.iom.int/news"] == "url"  # the full stop after the URL is not part of it
    assert kinds["+964 750 0166 072"] == "phone"
    assert kinds["IOM"] == "term"  # IOM the word, but not the iom of the address
    restored = p.restore(masked, "Pour plus d'informations, contactez Sandra Black à {1} Bagdad, tél. {2}, "
                                 "courriel : {3} ou consultez {4}.")
    assert restored.ok
    assert restored.text == ("Pour plus d'informations, contactez Sandra Black à OIM Bagdad, tél. +964 750 0166 072, "
                             "courriel : sblack@iom.int ou consultez http://www.iom.int/news.")


def test_an_acronym_in_brackets_after_its_name_is_not_repeated(matcher):
    sentence = "The International Organization for Migration (IOM) is part of the United Nations System."
    fr = protector(matcher, "fr")
    masked = fr.mask(sentence)
    assert fr.restore(masked, echo(masked)).text.startswith("The Organisation internationale pour les migrations (OIM)")
    ar = protector(matcher, "ar")
    masked = ar.mask(sentence)
    assert ar.restore(masked, echo(masked)).text.startswith("The المنظمة الدولية للهجرة is part")


def test_common_nouns_that_inflect_are_left_to_the_engine(matcher):
    masked = protector(matcher, "fr").mask(MEXICO_SENTENCE)
    assert "migrants" in masked.text  # a placeholder would freeze "migrant" in the singular
    assert "{" in masked.text  # the numbers are protected
    assert any(span.source == "43,863" for span in masked.spans)


@pytest.mark.parametrize("answer, problem", [
    ("{1} participe aux consultations régionales.", "dropped {2}"),
    ("{1} {1} participe {2} aux consultations.", "duplicated {1}"),
    ("{1} participe {2} et {7}.", "mangled: {7}"),
    ("{1} participe {2 et plus.", "dropped {2}"),
])
def test_placeholder_problems_are_reported(matcher, answer, problem):
    p = protector(matcher, "fr")
    masked = p.mask("IOM is participating with UNHCR.")
    assert masked.text == "{1} is participating with {2}."
    restored = p.restore(masked, answer)
    assert not restored.ok
    assert any(found.startswith(problem) for found in restored.problems), restored.problems


def test_engine_spacing_and_full_width_braces_are_tolerated(matcher):
    p = protector(matcher, "fr")
    masked = p.mask("IOM is participating with UNHCR.")
    restored = p.restore(masked, "{ 1 } participe avec ｛2｝.")
    assert restored.ok
    assert restored.text == "OIM participe avec HCR."


def test_substitute_enforces_terms_and_numbers_in_a_plain_translation(matcher):
    p = protector(matcher, "fr")
    masked = p.mask("IOM’s response reached over 300,000 people.")
    fixed = p.substitute(masked, "La réponse de l'IOM a atteint plus de 300,000 personnes.")
    assert fixed.ok
    assert fixed.text == f"La réponse de l'OIM a atteint plus de 300{NNBSP}000 personnes."
    fixed = p.substitute(masked, "La réponse de l'OIM a atteint plus de 300 000 personnes.")
    assert fixed.ok and f"300{NNBSP}000" in fixed.text


def test_substitute_reports_what_it_cannot_find(matcher):
    p = protector(matcher, "fr")
    masked = p.mask("IOM’s response reached over 300,000 people.")
    fixed = p.substitute(masked, "L'Organisation a aidé beaucoup de personnes.")
    assert "check that 'IOM' is rendered as 'OIM'" in fixed.problems
    assert "the number 300,000 is missing" in fixed.problems


def test_a_sentence_that_already_holds_braces_is_sent_unmasked(matcher):
    masked = protector(matcher, "fr").mask("IOM said {1} was a typo in 2014.")
    assert not masked.masked and masked.text == masked.source


def test_a_sentence_of_only_protected_tokens_needs_no_engine(matcher):
    masked = protector(matcher, "fr").mask("+964 750 0166 072")
    assert not masked.needs_engine
    assert protector(matcher, "fr").mask(DTM_SENTENCE).needs_engine


def test_without_a_glossary_only_tokens_are_protected():
    masked = Protector(lang="es").mask(MEXICO_SENTENCE)
    assert [span.source for span in masked.spans] == ["2014", "43,863"]
