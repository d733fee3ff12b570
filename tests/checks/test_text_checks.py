"""urls-emails, untranslated, draft, unchanged and the punctuation and typography checks: tables of pass and fail cases."""

from __future__ import annotations

import pytest

from presslate.checks.brackets import BracketsCheck
from presslate.checks.double_space import DoubleSpaceCheck
from presslate.checks.draft import DraftCheck
from presslate.checks.end_punctuation import EndPunctuationCheck
from presslate.checks.locale_punctuation import LocalePunctuationCheck
from presslate.checks.unchanged import UnchangedCheck
from presslate.checks.untranslated import UntranslatedCheck
from presslate.checks.urls_emails import UrlsEmailsCheck
from presslate.checks.whitespace import WhitespaceCheck

NB, NN = "\u00a0", "\u202f"
DTM_LINK = "For more information on IOM’s DTM, please go to www.iomiraq.net"
HASHTAG = "The video can be watched and promoted using the hashtag #ReaccionemosEnCadena."
ESTHER = "Esther said: “We thought it would be best if we rented this small place together.”"

CASES = [
    # (check, source, target, lang, expected messages)
    (UrlsEmailsCheck, DTM_LINK, "국제이주기구 DTM에 관한 자세한 정보는 www.iomiraq.net에서 확인할 수 있다", "ko", []),
    (UrlsEmailsCheck, DTM_LINK, "Para más información sobre la DTM de la OIM, visite www.iom-iraq.net", "es",
     ['URL "www.iomiraq.net" must appear unchanged in the translation']),
    (UrlsEmailsCheck, "Email: sblack@iom.int", "البريد الإلكتروني: sblack@iom.int", "ar", []),
    (UrlsEmailsCheck, "Email: sblack@iom.int", "Courriel : sblack@oim.int", "fr",
     ['e-mail "sblack@iom.int" must appear unchanged in the translation']),
    (UrlsEmailsCheck, "Tel. +964 750 0166 072", f"Tél. : +964{NB}750{NB}0166{NB}072", "fr", []),
    (UrlsEmailsCheck, "Tel: +20 2 27365140/1/2 Ext. 314", "هاتف: +20 2 27365140/1/2 تحويلة 314", "ar", []),
    (UrlsEmailsCheck, "Tel. +964 750 0166 072", "전화: +964 750 0166 027", "ko",
     ['phone number "+964 750 0166 072" must appear unchanged in the translation']),
    (UrlsEmailsCheck, HASHTAG, "El vídeo puede verse y difundirse con la etiqueta #ReaccionemosEnCadena.", "es", []),
    (UrlsEmailsCheck, HASHTAG, "La vidéo peut être regardée avec le mot-dièse #ReagissonsEnChaine.", "fr",
     ['hashtag "#ReaccionemosEnCadena" must appear unchanged in the translation']),
    (UntranslatedCheck, "Iraq", "", "ko", ["not translated yet"]),
    (UntranslatedCheck, "Iraq", "이라크", "ko", []),
    (UnchangedCheck, "The IOM report details the scope of Iraq’s internal chaos.",
     "The IOM report details the scope of Iraq’s internal chaos.", "fr", ["the translation is a copy of the source"]),
    (UnchangedCheck, "Iraq", "Iraq", "es", []),
    (UnchangedCheck, "Ministry of Foreign Affairs", "Ministry of Foreign Affairs", "fr", []),
    (UnchangedCheck, "USAID", "USAID", "ar", []),
    (UnchangedCheck, "IOM MENA", "IOM MENA", "ko", []),
    (UnchangedCheck, "www.iomiraq.net", "www.iomiraq.net", "ko", []),
    (UnchangedCheck, "Amerli", "Amerli", "fr", []),
    # brackets and quotes
    (BracketsCheck, ESTHER, "Esther a déclaré : « Nous avons pensé qu’il valait mieux louer ce petit local ensemble. »",
     "fr", []),
    (BracketsCheck, ESTHER, "Esther a déclaré : « Nous avons pensé qu’il valait mieux louer ce petit local ensemble.",
     "fr", ["1 unmatched quotation mark(s) in the translation; the source's are balanced"]),
    (BracketsCheck, "“The Amerli operation underlines the added value of prompt action.",
     "“아메를리 작전은 신속한 행동의 부가가치를 보여줍니다.", "ko", []),
    (BracketsCheck, "“The Amerli operation underlines the added value of prompt action.",
     "‘아메를리 작전은 신속한 행동의 부가가치를 보여줍니다.", "ko", []),
    (BracketsCheck, "Islamic State (IS) fighters", "combatientes del Estado Islámico (EI", "es",
     ['unbalanced "(": 1 more opened than closed (the source is balanced)']),
    (BracketsCheck, "Islamic State (IS) fighters", "مقاتلي تنظيم الدولة الإسلامية (داعش)", "ar", []),
    (BracketsCheck, "IOM’s response", "la réponse de l’OIM", "fr", []),
    # sentence-final punctuation, with each script's marks
    (EndPunctuationCheck, "Would they help?", "هل سيساعدون؟", "ar", []),
    (EndPunctuationCheck, "Would they help?", "هل سيساعدون.", "ar",
     ["the source ends with a question mark, the translation with a full stop"]),
    (EndPunctuationCheck, "Would they help?", "도와줄까?", "ko", []),
    (EndPunctuationCheck, "Would they help?", f"Aideraient-ils{NN}?", "fr", []),
    (EndPunctuationCheck, ESTHER, f"Esther a déclaré{NN}: «{NB}Nous avons pensé que c’était mieux{NB}».", "fr", []),
    (EndPunctuationCheck, "IOM delivered 1,000 kits.", "국제이주기구는 키트 1,000개를 전달했다", "ko",
     ["the source ends with a full stop, the translation with no punctuation"]),
    (EndPunctuationCheck, "For more information please contact", "자세한 내용은 다음으로 문의하십시오", "ko", []),
    (EndPunctuationCheck, "Most crises have mobility dimensions, particularly when:",
     "La plupart des crises ont des dimensions de mobilité, en particulier lorsque :", "fr", []),
    (EndPunctuationCheck, "the cities of Bogotá, Cali and Pereira,", "las ciudades de Bogotá, Cali y Pereira،", "ar", []),
    # the language's own punctuation: French spacing before : ; ! ?, Arabic ، ؛ ؟
    (LocalePunctuationCheck, "He asked: would they help?", f"Il a demandé{NN}: allaient-ils aider{NN}?", "fr", []),
    (LocalePunctuationCheck, "He asked: would they help?", f"Il a demandé{NB}: allaient-ils aider{NB}?", "fr", []),
    (LocalePunctuationCheck, "He asked: would they help?", "Il a demandé : allaient-ils aider ?", "fr", []),
    (LocalePunctuationCheck, "He asked: would they help?", "Il a demandé: allaient-ils aider?", "fr",
     ["a no-break space is missing before : ?"]),
    (LocalePunctuationCheck, "Really!", "Vraiment!", "fr", ["a no-break space is missing before !"]),
    (LocalePunctuationCheck, "at 10:30; see https://www.iom.int", f"à 10:30{NN}; voir https://www.iom.int", "fr", []),
    (LocalePunctuationCheck, "Esther said: “We thought so.”", f"Esther a déclaré{NN}: «{NN}Nous le pensions.{NN}»",
     "fr", []),
    (LocalePunctuationCheck, "Esther said: “We thought so.”", f"Esther a déclaré{NN}: «Nous le pensions.»", "fr",
     ["« » need a no-break space inside them"]),
    (LocalePunctuationCheck, "Would they help?", "هل سيساعدون؟", "ar", []),
    (LocalePunctuationCheck, "Would they help?", "هل سيساعدون?", "ar", ['write "؟" instead of "?"']),
    (LocalePunctuationCheck, "food, water and medicine", "الغذاء، والماء، والدواء", "ar", []),
    (LocalePunctuationCheck, "food, water and medicine", "الغذاء, والماء, والدواء", "ar", ['write "،" instead of ","']),
    (LocalePunctuationCheck, "1,000 kits for UNICEF, WFP", "١٬٠٠٠ مجموعة و1,000 عدة لـUNICEF, WFP", "ar", []),
    (LocalePunctuationCheck, "Would they help?", "도와줄까?", "ko", []),
    (LocalePunctuationCheck, "Would they help?", "¿Ayudarían?", "es", []),
    # spaces
    (DoubleSpaceCheck, "Half of the participants are women.", "La mitad de los participantes  son mujeres.", "es",
     ['double space after "participantes"']),
    (DoubleSpaceCheck, "Half of the participants are women.", "La mitad de los participantes son mujeres.", "es", []),
    (DoubleSpaceCheck, "fighters.  During the siege", "combattants.  Pendant le siège", "fr", []),
    (WhitespaceCheck, "Half of the participants are women.", "참가자의 절반이 여성이다. ", "ko",
     ["the translation ends with whitespace, the source does not"]),
    (WhitespaceCheck, "Half of the participants are women.", " 참가자의 절반이 여성이다.", "ko",
     ["the translation starts with whitespace, the source does not"]),
    (WhitespaceCheck, "Half of the participants are women.", "참가자의 절반이\n여성이다.", "ko",
     ["the translation has a line break the source does not have"]),
    (WhitespaceCheck, "Half of the participants are women.", "참가자의 절반이 여성이다.", "ko", []),
]


@pytest.mark.parametrize(("check", "source", "target", "lang", "expected"), CASES,
                         ids=[f"{case[0].check_id}-{case[3]}-{index}" for index, case in enumerate(CASES)])
def test_check_table(messages_of, check, source: str, target: str, lang: str, expected: list[str]) -> None:
    assert messages_of(check, source, target, lang) == expected


def test_draft_names_its_origin(messages_of) -> None:
    from presslate.catalog.model import Message, draft_comment
    from presslate.checks.base import SegmentContext

    message = Message(msgid="A third training is scheduled.", msgstr="Une troisième formation est prévue.",
                      flags=["fuzzy"], translator_comments=[draft_comment("tm", score=92, origin="2014-09-09-x")])
    ctx = SegmentContext(source=message.msgid, target=message.msgstr, lang="fr", message=message,
                         fuzzy=True, draft=message.draft)
    assert [f.message for f in DraftCheck().check(ctx)] == ["draft awaiting review (tm 92% from 2014-09-09-x)"]


def test_fuzzy_without_draft_comment(messages_of) -> None:
    assert messages_of(DraftCheck, "Iraq", "Irak", "fr", fuzzy=True) == ["fuzzy translation awaiting review"]
    assert messages_of(DraftCheck, "Iraq", "Irak", "fr") == []
