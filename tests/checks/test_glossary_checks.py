"""glossary-term, forbidden-term and do-not-translate on the real glossary, with each language's morphology."""

from __future__ import annotations

import pytest

from presslate.checks.do_not_translate import DoNotTranslateCheck
from presslate.checks.forbidden_term import ForbiddenTermCheck
from presslate.checks.glossary_term import GlossaryTermCheck

DELIVERED = "IOM delivered 1,000 kits of non-food items to internally displaced people in the town."
TRAFFICKING = "Another IOM area of concern in the region is the incidence of human trafficking."
DTM = "IOM’s Displacement Tracking Matrix (DTM) identified nearly 2.5 million displaced people."

GLOSSARY_PASSES = [
    # Korean particles attached to the term
    (DELIVERED, "국제이주기구는 이 마을의 국내실향민에게 비식량 물품 키트 1,000개를 전달했다.", "ko"),
    (DELIVERED, "IOM의 직원들은 이 마을의 국내실향민들에게 비식량 구호품 키트 1,000개를 전달했다.", "ko"),
    # Arabic proclitics and the article: و + ال, ب + ال, ل + ال
    ("IOM helped the migrants.", "والمنظمة الدولية للهجرة ساعدت المهاجرين.", "ar"),
    ("IOM helped the migrants.", "وقد رحب الجميع بالمنظمة الدولية للهجرة وبالمهاجرين.", "ar"),
    (DELIVERED, "وسلّمت المنظمة الدولية للهجرة ١٬٠٠٠ مجموعة من المواد غير الغذائية إلى النازحين داخليا في البلدة.", "ar"),
    # French and Spanish: IOM is OIM, plural and gender inflection, multi-word terms with inflected words
    (DELIVERED, "L’OIM a distribué 1 000 kits d’articles non alimentaires aux déplacés internes de la ville.", "fr"),
    (DELIVERED, "La OIM entregó 1.000 kits de artículos no alimentarios a los desplazados internos de la localidad.", "es"),
    ("IOM will continue to reach out to vulnerable migrants.", "La OIM seguirá ayudando a los migrantes vulnerables.", "es"),
    ("A migrant woman", "Une migrante", "fr"),
    (TRAFFICKING, "Un autre sujet de préoccupation de l’OIM dans la région est l’incidence de la traite des êtres humains.",
     "fr"),
    (TRAFFICKING, "Otra de las preocupaciones de la OIM en la región es la incidencia de la trata de personas.", "es"),
    (TRAFFICKING, "이 지역에서 국제이주기구가 우려하는 또 다른 문제는 인신매매이다.", "ko"),
    (DTM, "La Matrice de suivi des déplacements (DTM) de l’OIM a recensé près de 2,5 millions de personnes déplacées.",
     "fr"),
    (DTM, "La Matriz de Seguimiento de Desplazamientos (DTM) de la OIM identificó a casi 2,5 millones de desplazados.",
     "es"),
    ("about 1,000 trafficking victims in the Middle East and North Africa",
     "environ 1 000 victimes de la traite au Moyen-Orient et en Afrique du Nord", "fr"),
    ("IDPs are seeking aid.", "국내실향민들이 지원을 구하고 있다.", "ko"),
    ("IDPs are seeking aid.", "Les déplacés internes cherchent de l’aide.", "fr"),
    ("IDPs are seeking aid.", "Los desplazados internos buscan ayuda.", "es"),
    ("IDPs are seeking aid.", "النازحين داخليا يطلبون المساعدة.", "ar"),
    # a term inside an e-mail or URL is not the term: sblack@iom.int is not IOM
    ("Email: sblack@iom.int", "이메일: sblack@iom.int", "ko"),
    ("Visit www.iom.int/iom-news", "Consultez www.iom.int/iom-news", "fr"),
    # a do-not-translate term counts as rendered when unchanged (USAID has no approved variants)
    ("donated by USAID", "USAID가 기증한", "ko"),
]

GLOSSARY_FAILS = [
    (DELIVERED, "국제이주기관은 이 마을의 국내실향민에게 비식량 물품 키트 1,000개를 전달했다.", "ko",
     '"IOM" must be rendered as "국제이주기구" or "IOM" (found neither it nor an allowed variant)'),
    (DELIVERED, "L’IOM a distribué 1 000 kits d’articles non alimentaires aux déplacés internes de la ville.", "fr",
     '"IOM" must be rendered as "OIM" (found neither it nor an allowed variant)'),
    (DELIVERED, "La OIM entregó 1.000 kits de artículos no alimentarios a los refugiados internos de la localidad.", "es",
     '"internally displaced people" must be rendered as "desplazados internos" or "personas desplazadas internamente"'
     ' (found neither it nor an allowed variant)'),
    (TRAFFICKING, "이 지역에서 국제이주기구가 우려하는 또 다른 문제는 휴먼트래피킹이다.", "ko",
     '"human trafficking" must be rendered as "인신매매" (found neither it nor an allowed variant)'),
    ("IOM helped the migrants.", "ساعدت منظمة الهجرة الدولية المهاجرين.", "ar",
     '"IOM" must be rendered as "المنظمة الدولية للهجرة" (found neither it nor an allowed variant)'),
]


@pytest.mark.parametrize(("source", "target", "lang"), GLOSSARY_PASSES)
def test_glossary_term_pass(messages_of, source: str, target: str, lang: str) -> None:
    assert messages_of(GlossaryTermCheck, source, target, lang) == []


@pytest.mark.parametrize(("source", "target", "lang", "message"), GLOSSARY_FAILS)
def test_glossary_term_fail(messages_of, source: str, target: str, lang: str, message: str) -> None:
    assert message in messages_of(GlossaryTermCheck, source, target, lang)


def test_one_finding_per_term_however_often_it_occurs(messages_of) -> None:
    found = messages_of(GlossaryTermCheck, "IOM and IOM staff", "Le personnel et ses équipes", "fr")
    assert found == ['"IOM" must be rendered as "OIM" (found neither it nor an allowed variant)']


FORBIDDEN = [
    ("IOM helped.", "국제이민기구가 도왔다.", "ko", '"국제이민기구" is forbidden for "IOM"; use "국제이주기구"'),
    ("IOM helped.", "L’IOM a aidé.", "fr", '"IOM" is forbidden for "IOM"; use "OIM"'),
    ("IOM helped the migrants.", "ساعدت منظمة الهجرة الدولية المهاجرين.", "ar",
     '"منظمة الهجرة الدولية" is forbidden for "IOM"; use "المنظمة الدولية للهجرة"'),
    ("internally displaced persons", "refugiados internos", "es",
     '"refugiados internos" is forbidden for "internally displaced persons"; use "desplazados internos"'),
    (TRAFFICKING, "Un autre sujet de préoccupation de l’OIM est le trafic d’êtres humains.", "fr",
     '"trafic d\'êtres humains" is forbidden for "human trafficking"; use "traite des personnes"'),
    ("They are migrants.", "Ce sont des migrants illégaux.", "fr",
     '"migrant illégal" is forbidden for "migrant"; use "migrant"'),
]


@pytest.mark.parametrize(("source", "target", "lang", "message"), FORBIDDEN)
def test_forbidden_term_fail(messages_of, source: str, target: str, lang: str, message: str) -> None:
    assert messages_of(ForbiddenTermCheck, source, target, lang) == [message]


@pytest.mark.parametrize(("source", "target", "lang"), GLOSSARY_PASSES)
def test_forbidden_term_quiet_on_good_translations(messages_of, source: str, target: str, lang: str) -> None:
    assert messages_of(ForbiddenTermCheck, source, target, lang) == []


USAID = ("IOM also transported 2,000 collapsible water containers, donated by the US Agency for International "
         "Development (USAID).")


@pytest.mark.parametrize(("target", "lang"), [
    ("국제이주기구는 또한 미국국제개발처(USAID)가 기증한 접이식 물통 2,000개를 운송했다.", "ko"),
    ("L’OIM a également transporté 2 000 jerricans offerts par l’Agence des États-Unis pour le développement "
     "international (USAID).", "fr"),
    ("وقال قائد فريق الاستجابة التابع لـUSAID", "ar"),
    ("ونقلت المنظمة 2000 حاوية تبرعت بها الوكالة الأمريكية للتنمية الدولية (USAID).", "ar"),
])
def test_do_not_translate_pass(messages_of, target: str, lang: str) -> None:
    assert messages_of(DoNotTranslateCheck, USAID, target, lang) == []


@pytest.mark.parametrize(("target", "lang"), [
    ("국제이주기구는 또한 미국국제개발처가 기증한 접이식 물통 2,000개를 운송했다.", "ko"),
    ("La OIM también transportó 2.000 bidones donados por la Agencia de los Estados Unidos (AEUDI).", "es"),
])
def test_do_not_translate_fail(messages_of, target: str, lang: str) -> None:
    assert messages_of(DoNotTranslateCheck, USAID, target, lang) == ['"USAID" must stay as it is (do-not-translate)']


def test_glossary_checks_are_quiet_without_a_glossary() -> None:
    from presslate.checks.base import SegmentContext

    ctx = SegmentContext(source=DELIVERED, target="totally different", lang="fr", terms=None)
    for check in (GlossaryTermCheck, ForbiddenTermCheck, DoNotTranslateCheck):
        assert check().check(ctx) == []
