"""Term matching: English sources and morphology-aware targets, as tables of match / no-match cases per language."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from presslate.glossary import load_glossary, parse_glossary
from presslate.terms import ARABIC_PREFIXES, MORPHOLOGY, Morphology, TermMatcher, morphology_for

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "glossary.csv"


@pytest.fixture(scope="module")
def matcher() -> TermMatcher:
    return TermMatcher(load_glossary(SHIPPED))


def found(matcher: TermMatcher, text: str) -> list[tuple[str, str]]:
    return [(match.term.term, match.text) for match in matcher.source_matches(text)]


# --- English sources: real seed sentences ----------------------------------------------------------------------

SOURCE_CASES = [
    # (source sentence, [(term, text as written)])
    (
        "The International Organization for Migration (IOM) is part of the United Nations System as the leading "
        "inter-governmental organization",
        [("International Organization for Migration", "International Organization for Migration"), ("IOM", "IOM"),
         ("United Nations", "United Nations")],
    ),
    ("Email: sblack@iom.int", []),
    ("Email: msalvatore@iom.int", []),
    ("For more information on IOM’s DTM, please go to www.iomiraq.net", [("IOM", "IOM"), ("DTM", "DTM")]),
    (
        "IOM Iraq is building a framework in which emergency response actors can coordinate and work together to "
        "most efficiently assist IDPs.",
        [("IOM", "IOM"), ("IDP", "IDPs")],
    ),
    (
        "IOM delivered 1,000 kits of non-food items to internally displaced people in the town, which is between "
        "Baghdad and Kirkuk.",
        [("IOM", "IOM"), ("non-food items", "non-food items"), ("internally displaced people", "internally displaced people")],
    ),
    (
        "The regional consultations will gather practical and grassroots insights within the Middle East and North "
        "Africa (MENA)",
        [("Middle East and North Africa", "Middle East and North Africa"), ("MENA", "MENA")],
    ),
    (
        "Since the launch of its Pledging initiative in December 2021, the UN Network on Migration has received 158 "
        "pledges, with over 100 pledges made by 25 Member States.",
        [("UN Network on Migration", "UN Network on Migration"), ("Member State", "Member States")],
    ),
    (
        "Human trafficking – principally for the sex trade – is second only to narcotics and arms-dealing",
        [("human trafficking", "Human trafficking")],
    ),
    (
        "IOM is responding with support from the European Union (EU) by partnering with local communities",
        [("IOM", "IOM"), ("European Union", "European Union"), ("EU", "EU")],
    ),
    ("IOM’s cash-for-work programme is part of the EU-funded Community Stabilization project.", [("IOM", "IOM"), ("EU", "EU")]),
    (
        "The IMRF will be held every four years starting in 2022 and will serve as the primary global intergovernmental "
        "platform for Member States and other relevant stakeholders to discuss and share progress on the "
        "implementation of the GCM.",
        [("IMRF", "IMRF"), ("Member State", "Member States"), ("GCM", "GCM")],
    ),
    (
        "the IMRF in New York that culminated with a Progress Declaration outlining future path for implementing the "
        "Global Compact for Safe, Orderly and Regular Migration (GCM).",
        [("IMRF", "IMRF"), ("Global Compact for Safe, Orderly and Regular Migration",
                            "Global Compact for Safe, Orderly and Regular Migration"), ("GCM", "GCM")],
    ),
    ("ADDRESSING THE MOBILITY DIMENSIONS OF CRISES: IOM’S MIGRATION CRISIS OPERATIONAL FRAMEWORK",
     [("IOM", "IOM"), ("Migration Crisis Operational Framework", "MIGRATION CRISIS OPERATIONAL FRAMEWORK")]),
    ("Others feel they have little option but to join a tide of migrants including refugees",
     [("migrant", "migrants"), ("refugee", "refugees")]),
    ("reduce barriers to regular migration and ensure protection and portability of rights for migrant labor",
     [("migrant", "migrant")]),
    ("in order to mitigate the adverse drivers to irregular migrations", [("irregular migration", "irregular migrations")]),
    ("IOM Colombia Chief of Mission Alejandro Guidi", [("IOM", "IOM"), ("Chief of Mission", "Chief of Mission")]),
    ("The convoy carried humanitarian aid provided by UNICEF, WFP and UNFPA.",
     [("UNICEF", "UNICEF"), ("WFP", "WFP"), ("UNFPA", "UNFPA")]),
    ("Colombian nationals who are trafficking victims overwhelmingly are bound for foreign destinations",
     [("trafficking victim", "trafficking victims")]),
    # no match: case-sensitive acronyms, word boundaries, other words
    ("the iom office and the Iom office", []),
    ("UNHCR and UNICEF", [("UNHCR", "UNHCR"), ("UNICEF", "UNICEF")]),
    ("promoting humane and orderly migration for the benefit of all", []),
    ("A MIGRANTS' RIGHTS campaign", [("migrant", "MIGRANTS")]),
]


@pytest.mark.parametrize(("text", "expected"), SOURCE_CASES, ids=[case[0][:40] for case in SOURCE_CASES])
def test_source_matches_in_seed_sentences(matcher: TermMatcher, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(matcher, text) == expected


def test_source_match_spans_point_into_the_text(matcher: TermMatcher) -> None:
    text = "IOM’s Displacement Tracking Matrix (DTM) identified nearly 2.5 million displaced people across Iraq"
    for match in matcher.source_matches(text):
        assert text[match.start:match.end] == match.text


def test_longest_term_wins_where_terms_overlap() -> None:
    glossary, problems = parse_glossary(
        "term,kind,fr\nNorth Africa,name,Afrique du Nord\nMiddle East and North Africa,name,Moyen-Orient et Afrique du Nord\n"
        "East,term,Est\n"
    )
    assert not problems
    assert found(TermMatcher(glossary), "in the Middle East and North Africa region") == [
        ("Middle East and North Africa", "Middle East and North Africa")
    ]


def test_case_insensitive_acronym_when_the_glossary_says_so() -> None:
    glossary, _ = parse_glossary("term,kind,case_sensitive,fr\nUnesco,acronym,no,UNESCO\n")
    assert found(TermMatcher(glossary), "UNESCO and Unesco") == [("Unesco", "UNESCO"), ("Unesco", "Unesco")]


def _seed_sentences() -> list[str]:
    from presslate.sentences import sentence_texts

    pages = sorted((ROOT / "examples" / "pages").glob("*.txt"))
    return [sentence for page in pages for line in page.read_text(encoding="utf-8").splitlines()
            for sentence in sentence_texts(line, "en") if sentence.strip()]


TRICKY_SOURCES = [
    "İstanbul hosts IOM’s regional office",  # İ lengthens the text when lower-cased
    "the ſtate of IDPs and the \u212aelvin IOM",  # long s and the Kelvin sign fold to ASCII letters in patterns
    "IOMIOM IOM-IOM _IOM IOM_ iom Iom IOMs IDPs idps",
    "internally   displaced\npersons and internally-displaced people",
    "Contact sblack@iom.int or visit www.iom.int/idps about IDPs",
    "",
]


def test_first_word_scan_finds_what_a_full_scan_finds(matcher: TermMatcher) -> None:
    """The automaton-guided search gives exactly the matches of trying the pattern at every position."""
    pattern = matcher._source
    sentences = _seed_sentences() + TRICKY_SOURCES
    assert len(sentences) > 200
    with_terms = 0
    for text in sentences:
        fast = pattern.find(text)
        assert fast == pattern.find_by_scan(text), text
        with_terms += bool(fast)
    assert with_terms > 50


def test_a_term_that_starts_with_punctuation_is_found() -> None:
    """Terms are tried where their first word starts; one that opens with '#' or '(' falls back to the full scan."""
    glossary, problems = parse_glossary("term,kind,fr\n#MigrationMatters,name,#MigrationMatters\nIOM,acronym,OIM\n")
    assert not problems
    text = "IOM launched #MigrationMatters today (with IOM partners)"
    matches = TermMatcher(glossary).source_matches(text)
    assert [(match.term.term, match.text) for match in matches] == [
        ("IOM", "IOM"), ("#MigrationMatters", "#MigrationMatters"), ("IOM", "IOM")]


def test_no_terms_no_matches() -> None:
    glossary, _ = parse_glossary("term,kind,fr\n")
    assert TermMatcher(glossary).source_matches("IOM") == []


# --- Translations: one table per language --------------------------------------------------------------------

KOREAN = [
    # (translation, variant, found?)
    ("국제이주기구는 이라크에서 활동한다", "국제이주기구", True),
    ("국제이주기구의 보고서", "국제이주기구", True),
    ("국제이주기구와의 협력", "국제이주기구", True),
    ("IOM의 최신 이동추적매트릭스(DTM)에 따르면", "IOM", True),
    ("IOM은 지원을 계속할 것이다", "IOM", True),
    ("IOM, UN과 연합해 포위된 이라크 지역에 물자 전달", "IOM", True),  # seed mirror title
    ("IOM, UN과 연합해 포위된 이라크 지역에 물자 전달", "UN", True),
    ("IOM, 멕시코에서 이주자 수용센터 실무자 역량강화", "이주자", True),  # seed mirror title
    ("국내실향민들에게 비식량 구호품을 전달했다", "국내실향민", True),
    ("국내실향민들에게 비식량 구호품을 전달했다", "비식량 구호품", True),
    ("국내 실향민 1,634곳", "국내실향민", True),  # spacing varies
    ("인신매매 피해자를 보호", "인신매매 피해자", True),
    ("인신매매는 콜롬비아에서", "인신매매", True),
    ("유엔난민기구(UNHCR)와 유니세프", "유엔난민기구", True),
    ("피난민 캠프", "난민", False),  # 난민 inside another word
    ("iom의 보고서", "IOM", False),  # acronym case
    ("IOMX 사업", "IOM", False),
    ("국제이민기구는", "국제이주기구", False),
]

ARABIC = [
    ("والمنظمة الدولية للهجرة تعمل في العراق", "المنظمة الدولية للهجرة", True),
    ("قدمت المنظمة الدولية للهجرة المساعدة", "المنظمة الدولية للهجرة", True),
    ("بالمنظمة الدولية للهجرة", "المنظمة الدولية للهجرة", True),
    ("للمنظمة الدولية للهجرة", "المنظمة الدولية للهجرة", True),
    ("فالمنظمة الدولية للهجرة", "المنظمة الدولية للهجرة", True),
    ("كالمنظمة الدولية للهجرة", "المنظمة الدولية للهجرة", True),
    ("مساعدة النازحين داخلياً في العراق", "النازحين داخليا", True),  # tanween
    ("مساعدة النازحين داخليًا في العراق", "النازحين داخليا", True),
    ("والنازحون داخليا", "النازحون داخليا", True),
    ("للنازحين داخليا", "النازحين داخليا", True),
    ("والمهاجرين", "مهاجرين", True),
    ("بالمهاجرين", "مهاجرين", True),
    ("للمهاجرين", "مهاجرين", True),
    ("فالمهاجرين", "مهاجرين", True),
    ("كالمهاجرين", "مهاجرين", True),
    ("مهاجرين", "مهاجرين", True),
    ("للاجئين السوريين", "لاجئين", True),
    ("في الشرق الأوسط وشمال إفريقيا", "الشرق الأوسط وشمال أفريقيا", True),  # hamza under / over alef
    ("مصفوفة تتبع النزوح (DTM) التابعة للمنظمة", "مصفوفة تتبع النزوح", True),
    ("رئيس بعثة المنظمة الدولية للهجرة في العراق، توماس فايس", "رئيس بعثة", True),
    ("منظمة الهجرة الدولية", "المنظمة الدولية للهجرة", False),
    ("اللاجئين داخليا", "النازحين داخليا", False),
    ("العمال المهاجرين", "مهاجرون", False),
    ("الاتجار بالبشر", "تهريب البشر", False),
]

FRENCH = [
    ("L'OIM aide les migrants.", "OIM", True),
    ("le bureau d'OIM au Caire", "OIM", True),
    ("la mission de l’OIM en Irak", "OIM", True),
    ("les personnes déplacées internes", "déplacés internes", True),
    ("une déplacée interne", "déplacés internes", True),
    ("des personnes déplacées à l'intérieur de leur propre pays", "personnes déplacées à l'intérieur de leur propre pays", True),
    ("la Matrice de suivi des déplacements (DTM) de l'OIM", "Matrice de suivi des déplacements (DTM)", True),
    ("selon la matrice de suivi des déplacements", "Matrice de suivi des déplacements", True),
    ("l’Organisation Internationale pour les Migrations", "Organisation internationale pour les migrations", True),
    ("des travailleuses migrantes", "migrant", True),
    ("les réfugiées syriennes", "réfugié", True),
    ("la traite des êtres humains", "traite des êtres humains", True),
    ("la traite d’êtres humains", "traite d'êtres humains", True),
    ("le Pacte mondial pour des migrations sûres, ordonnées et régulières",
     "Pacte mondial pour des migrations sûres, ordonnées et régulières", True),
    ("les États membres", "État membre", True),
    ("la mission de l'oim", "OIM", False),  # case-sensitive acronym
    ("Organisation internationale des migrations", "Organisation internationale pour les migrations", False),
    ("le trafic d'êtres humains", "traite des êtres humains", False),
    ("la migration irrégulière", "migrant", False),
    ("les déplacés. Internes, ils", "déplacés internes", False),
    ("écrire à oim@iom.int", "OIM", False),
]

SPANISH = [
    ("las desplazadas internas", "desplazados internos", True),
    ("un desplazado interno", "desplazados internos", True),
    ("la OIM en Irak", "OIM", True),
    ("los trabajadores migrantes", "migrante", True),
    ("las refugiadas sirias", "refugiado", True),
    ("la trata de personas", "trata de personas", True),
    ("la Matriz de Seguimiento de Desplazamientos (DTM) de la OIM", "Matriz de Seguimiento de Desplazamientos (DTM)", True),
    ("la Organización Internacional para las Migraciones", "Organización Internacional para las Migraciones", True),
    ("la jefa de misión de la OIM", "jefe de misión", True),
    ("el tráfico de personas", "trata de personas", False),
    ("la Organización Internacional para la Migración", "Organización Internacional para las Migraciones", False),
    ("la oim en Irak", "OIM", False),
]

TARGET_CASES = (
    [("ko", *case) for case in KOREAN]
    + [("ar", *case) for case in ARABIC]
    + [("fr", *case) for case in FRENCH]
    + [("es", *case) for case in SPANISH]
)


@pytest.mark.parametrize(("lang", "text", "variant", "expected"), TARGET_CASES,
                         ids=[f"{case[0]}-{case[1][:30]}-{case[3]}" for case in TARGET_CASES])
def test_target_has(matcher: TermMatcher, lang: str, text: str, variant: str, expected: bool) -> None:
    assert matcher.target_has(text, variant, lang) is expected


@pytest.mark.parametrize(("lang", "text", "variant", "expected"), TARGET_CASES,
                         ids=[f"{case[0]}-{case[1][:30]}-{case[3]}" for case in TARGET_CASES])
def test_a_decomposed_translation_matches_as_the_composed_one(matcher: TermMatcher, lang: str, text: str,
                                                                variant: str, expected: bool) -> None:
    """A translation saved in NFD (decomposed accents, Hangul jamo) looks the same and must match the same."""
    import unicodedata

    decomposed = unicodedata.normalize("NFD", text)
    assert matcher.target_has(decomposed, variant, lang) is expected
    assert matcher.target_has_any(decomposed, [variant], lang) is expected
    assert bool(matcher.target_matches(decomposed, [variant], lang)) is expected


@pytest.mark.parametrize("lang", ["ko", "ar", "fr", "es"])
def test_many_variants_at_once_agree_with_one_at_a_time(matcher: TermMatcher, lang: str) -> None:
    """target_has_any and target_matches over a language's whole variant list give what asking per variant gives."""
    variants = sorted({case[2] for case in TARGET_CASES if case[0] == lang})
    texts = [case[1] for case in TARGET_CASES if case[0] == lang]
    assert len(variants) > 3 and len(texts) > 5
    for text in texts:
        one_by_one = [variant for variant in variants if matcher.target_has(text, variant, lang)]
        assert matcher.target_has_any(text, variants, lang) is bool(one_by_one), text
        assert matcher.target_has_any(text, [v for v in variants if v not in one_by_one], lang) is False, text
        together = {variant for _, _, variant in matcher.target_matches(text, variants, lang)}
        assert together <= set(one_by_one), text
        assert bool(together) is bool(one_by_one), text


@pytest.mark.parametrize(("lang", "text", "variant", "expected"), TARGET_CASES,
                         ids=[f"{case[0]}-{case[1][:30]}-{case[3]}" for case in TARGET_CASES])
def test_target_matches_agrees_with_target_has(matcher: TermMatcher, lang: str, text: str, variant: str,
                                               expected: bool) -> None:
    spans = matcher.target_matches(text, [variant], lang)
    assert bool(spans) is expected
    for start, end, name in spans:
        assert name == variant
        assert 0 <= start < end <= len(text)


@pytest.mark.parametrize(("lang", "text", "variant", "covered"), [
    ("ko", "국제이주기구는 국내실향민들에게", "국제이주기구", "국제이주기구는"),
    ("ko", "IOM의 보고서", "IOM", "IOM의"),
    ("ar", "والمنظمة الدولية للهجرة تعمل", "المنظمة الدولية للهجرة", "والمنظمة الدولية للهجرة"),
    ("ar", "مساعدة النازحين داخلياً في العراق", "النازحين داخليا", "النازحين داخلياً"),
    ("fr", "l'OIM aide", "OIM", "OIM"),
    ("fr", "les personnes déplacées internes", "déplacés internes", "déplacées internes"),
    ("es", "las desplazadas internas", "desplazados internos", "desplazadas internas"),
])
def test_target_spans_cover_the_inflected_form(matcher: TermMatcher, lang: str, text: str, variant: str,
                                               covered: str) -> None:
    [(start, end, _)] = matcher.target_matches(text, [variant], lang)
    assert text[start:end] == covered


def test_arabic_proclitics_are_data() -> None:
    for prefix in ("و", "ف", "ب", "ك", "ل", "وال", "بال", "لل", "فال", "كال", "ولل", "وبال"):
        assert prefix in ARABIC_PREFIXES
    assert "لال" not in ARABIC_PREFIXES  # li- + al- contracts to لل


def test_acronyms_match_case_insensitively_when_the_term_says_so(matcher: TermMatcher) -> None:
    assert not matcher.target_has("la mission de l'oim", "OIM", "fr")
    assert matcher.target_has("la mission de l'oim", "OIM", "fr", case_sensitive=False)
    assert matcher.target_has("iom의 보고서", "IOM", "ko", case_sensitive=False)


def test_target_matches_prefers_the_longest_variant(matcher: TermMatcher) -> None:
    text = "la Matrice de suivi des déplacements (DTM) et la DTM"
    spans = matcher.target_matches(text, ["DTM", "Matrice de suivi des déplacements (DTM)"], "fr")
    assert [(text[start:end], variant) for start, end, variant in spans] == [
        ("Matrice de suivi des déplacements (DTM", "Matrice de suivi des déplacements (DTM)"),
        ("DTM", "DTM"),
    ]


def test_terms_not_matched_inside_addresses(matcher: TermMatcher) -> None:
    assert not matcher.target_has("اكتب إلى iom@iom.int", "IOM", "ar", case_sensitive=False)
    assert not matcher.target_has("voir www.oim.int/fr", "OIM", "fr", case_sensitive=False)


def test_morphology_comes_from_data_with_snowball_fallback() -> None:
    assert morphology_for("fr").stemmer == "french"
    assert morphology_for("pt_BR").stemmer == "portuguese"
    assert morphology_for("de").stemmer == "german"
    assert morphology_for("ko").suffixes and morphology_for("ko").stemmer is None
    assert morphology_for("ar").article == "ال"
    assert morphology_for("sw").stemmer is None


def test_a_language_without_morphology_matches_whole_words(matcher: TermMatcher) -> None:
    assert matcher.target_has("Shirika la Kimataifa la Uhamiaji (IOM)", "IOM", "sw")
    assert not matcher.target_has("IOMs", "IOM", "sw")


def test_matcher_survives_pickling_for_worker_processes(matcher: TermMatcher) -> None:
    copy = pickle.loads(pickle.dumps(matcher))
    assert copy.target_has("국제이주기구는", "국제이주기구", "ko")
    assert found(copy, "IOM and IDPs") == [("IOM", "IOM"), ("IDP", "IDPs")]


def test_a_language_is_taught_by_adding_data_not_code(monkeypatch: pytest.MonkeyPatch) -> None:
    glossary, _ = parse_glossary("term,fa\nIOM,سازمان بین‌المللی مهاجرت\nmigrant,مهاجر\n")
    assert not TermMatcher(glossary).target_has("ومهاجر", "مهاجر", "fa")
    monkeypatch.setitem(MORPHOLOGY, "fa", Morphology(prefixes=("و",), suffixes=("ان", "ها"), max_suffixes=1))
    taught = TermMatcher(glossary)
    assert taught.target_has("ومهاجران", "مهاجر", "fa")
    assert not taught.target_has("مهاجرت", "مهاجر", "fa")


@pytest.mark.parametrize(("lang", "text", "term"), [
    ("fr", "environ 1 000 victimes de la traite au Moyen-Orient et en Afrique du Nord", "Middle East and North Africa"),
    ("fr", "la région Moyen-Orient et Afrique du Nord", "MENA"),
    ("es", "en Oriente Medio y el Norte de África", "Middle East and North Africa"),
])
def test_coordinated_region_names_are_listed_variants(matcher: TermMatcher, lang: str, text: str, term: str) -> None:
    entry = matcher.glossary.find(term)
    assert matcher.target_matches(text, entry.accepted(lang), lang)
