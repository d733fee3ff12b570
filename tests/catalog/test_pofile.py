"""Tests of the PO reader and writer, with GNU gettext (msgcat, msgfmt) as the oracle.

Run as a script to print fresh Unicode tables for pofile.py (needs libunistring):

    PYTHONPATH=src python tests/catalog/test_pofile.py --tables
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import random
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from presslate import fileio
from presslate.catalog import pofile
from presslate.catalog.model import Catalog, Message
from presslate.catalog.pofile import format_po, parse_po, read_po, write_po
from presslate.errors import CatalogError

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "po"
PAGES = ROOT / "examples" / "pages"
LANGUAGES = ("ko", "fr", "es", "ar")



def _gettext_version() -> str | None:
    if shutil.which("msgcat") is None:
        return None
    first = subprocess.run(["msgcat", "--version"], capture_output=True, text=True,
                           check=False).stdout.splitlines()[:1]
    return first[0].rsplit(" ", 1)[-1] if first else "unknown"


GETTEXT = _gettext_version()
# format_po emulates msgcat 0.21 (built on libunistring 1.0): other versions break
# some lines differently, so they cannot serve as the oracle.
needs_msgcat = pytest.mark.skipif(
    GETTEXT is None or not GETTEXT.startswith("0.21"),
    reason=("GNU gettext (msgcat) is not installed" if GETTEXT is None
            else f"msgcat {GETTEXT} is not the 0.21 whose layout format_po reproduces"))
needs_msgfmt = pytest.mark.skipif(shutil.which("msgfmt") is None,
                                  reason="GNU gettext (msgfmt) is not installed")


# ---------------------------------------------------------------------------
# Realistic content: sentences of the IOM seed pages and their translations
# ---------------------------------------------------------------------------

SOURCE = [
    "IOM Focuses on Migrants in Crisis, Displacement at World Humanitarian Summit "
    "Regional Consultations in Amman",
    "The first World Humanitarian Summit, an initiative of UN Secretary-General Ban "
    "Ki-moon, will bring together governments, humanitarian organizations, people affected "
    "by humanitarian crises and the private sector to propose solutions to the most "
    "pressing humanitarian challenges.",
    "From January 2014 through 12 February 2015, IOM’s Displacement Tracking Matrix (DTM) "
    "identified nearly 2.5 million displaced people across Iraq, while in January alone, "
    "IOM’s response to the Syria crisis reached over 300,000 people.",
    "“We face the challenge of connecting development and humanitarian action: this "
    "includes disaster preparedness and strengthening resilience to reduce forced "
    "migration,” said Pasquale Lupoli, Director of the IOM MENA Regional Office in Cairo.",
    "Most crises – including conflicts, armed violence, disasters, epidemics, pandemics, "
    "severe economic downturns or other types – have mobility dimensions.",
    "For further information please contact: Sandra Black, IOM Iraq, Tel: +964 751 234 "
    "2550, Email: sblack@iom.int",
    "For more information on IOM’s DTM, please go to www.iomiraq.net/dtm-page/"
    "displacement-tracking-matrix-round-xxxviii",
]

TRANSLATIONS = {
    "ko": [
        "국제이주기구(IOM), 암만에서 열린 세계인도주의정상회의 지역협의에서 위기 속 이주민과 실향 문제에 주목",
        "반기문 유엔 사무총장의 주도로 열리는 제1차 세계인도주의정상회의는 정부, 인도주의 단체, "
        "인도주의 위기의 영향을 받은 사람들과 민간 부문을 한자리에 모아 가장 시급한 인도주의적 "
        "과제에 대한 해결책을 제안할 것입니다.",
        "2014년 1월부터 2015년 2월 12일까지 IOM의 실향민추적매트릭스(DTM)는 이라크 전역에서 "
        "약 250만 명의 실향민을 확인했으며, 1월 한 달 동안에만 시리아 위기에 대한 IOM의 대응은 "
        "30만 명이 넘는 사람들에게 도달했습니다.",
        "“우리는개발과인도주의활동을연결해야하는과제에직면해있습니다:여기에는재난대비와강제이주를"
        "줄이기위한회복력강화가포함됩니다”라고카이로IOM중동·북아프리카지역사무소의파스콸레루폴리소장은말했습니다.",
        "분쟁, 무력 폭력, 재해, 전염병, 팬데믹, 심각한 경기 침체 등 대부분의 위기 – 그 유형과 "
        "관계없이 – 는 이동성의 측면을 지니고 있습니다.",
        "자세한 내용은 다음으로 문의하십시오: 산드라 블랙, IOM 이라크, 전화: +964 751 234 2550, "
        "이메일: sblack@iom.int",
        "IOM의 DTM에 대한 자세한 정보는 www.iomiraq.net/dtm-page/displacement-tracking-matrix-"
        "round-xxxviii 를 참조하십시오.",
    ],
    "fr": [
        "L’OIM met l’accent sur les migrants en situation de crise et les déplacements lors "
        "des consultations régionales du Sommet humanitaire mondial à Amman",
        "Le premier Sommet humanitaire mondial, une initiative du Secrétaire général de l’ONU "
        "Ban Ki-moon, réunira des gouvernements, des organisations humanitaires, des personnes "
        "touchées par des crises humanitaires et le secteur privé afin de proposer des "
        "solutions aux défis humanitaires les plus pressants.",
        "Entre janvier 2014 et le 12 février 2015, la Matrice de suivi des déplacements (DTM) "
        "de l’OIM a recensé près de 2,5 millions de personnes déplacées en Irak ; rien qu’en "
        "janvier, la réponse de l’OIM à la crise syrienne a atteint plus de 300 000 personnes.",
        "« Nous devons relever le défi de relier le développement et l’action humanitaire : "
        "cela comprend la préparation aux catastrophes et le renforcement de la résilience "
        "pour réduire la migration forcée », a déclaré Pasquale Lupoli.",
        "La plupart des crises – y compris les conflits, la violence armée, les catastrophes, "
        "les épidémies, les pandémies, les graves récessions économiques ou d’autres types – "
        "ont une dimension de mobilité.",
        "Pour plus d’informations, veuillez contacter : Sandra Black, OIM Irak, tél. : "
        "+964 751 234 2550, courriel : sblack@iom.int",
        "Pour en savoir plus sur la DTM de l’OIM, rendez-vous sur "
        "www.iomiraq.net/dtm-page/displacement-tracking-matrix-round-xxxviii",
    ],
    "es": [
        "La OIM se centra en los migrantes en situación de crisis y el desplazamiento en las "
        "consultas regionales de la Cumbre Humanitaria Mundial en Ammán",
        "La primera Cumbre Humanitaria Mundial, una iniciativa del Secretario General de las "
        "Naciones Unidas, Ban Ki-moon, reunirá a gobiernos, organizaciones humanitarias, "
        "personas afectadas por crisis humanitarias y al sector privado para proponer "
        "soluciones a los desafíos humanitarios más apremiantes.",
        "Desde enero de 2014 hasta el 12 de febrero de 2015, la Matriz de Seguimiento de los "
        "Desplazamientos (DTM) de la OIM identificó a casi 2,5 millones de desplazados en "
        "todo el Iraq; solo en enero, la respuesta de la OIM a la crisis siria llegó a más de "
        "300.000 personas.",
        "«Nos enfrentamos al reto de vincular el desarrollo y la acción humanitaria: esto "
        "incluye la preparación ante desastres y el fortalecimiento de la resiliencia para "
        "reducir la migración forzosa», dijo Pasquale Lupoli.",
        "La mayoría de las crisis —incluidos los conflictos, la violencia armada, los "
        "desastres, las epidemias, las pandemias y las graves recesiones económicas— tienen "
        "dimensiones de movilidad.",
        "Para más información, póngase en contacto con: Sandra Black, OIM Iraq, tel.: "
        "+964 751 234 2550, correo electrónico: sblack@iom.int",
        "Para obtener más información sobre la DTM de la OIM, visite "
        "www.iomiraq.net/dtm-page/displacement-tracking-matrix-round-xxxviii",
    ],
    "ar": [
        "المنظمة الدولية للهجرة تركز على المهاجرين في الأزمات والنزوح خلال المشاورات الإقليمية "
        "للقمة العالمية للعمل الإنساني في عمّان",
        "ستجمع القمة العالمية الأولى للعمل الإنساني، وهي مبادرة من الأمين العام للأمم المتحدة "
        "بان كي مون، الحكومات والمنظمات الإنسانية والأشخاص المتضررين من الأزمات الإنسانية "
        "والقطاع الخاص لاقتراح حلول للتحديات الإنسانية الأكثر إلحاحاً.",
        "من يناير 2014 حتى 12 فبراير 2015، حددت مصفوفة تتبع النزوح (DTM) التابعة للمنظمة "
        "الدولية للهجرة ما يقرب من 2.5 مليون نازح في جميع أنحاء العراق، بينما وصلت استجابة "
        "المنظمة لأزمة سوريا في يناير وحده إلى أكثر من 300,000 شخص.",
        "«نواجه تحدي الربط بين التنمية والعمل الإنساني: ويشمل ذلك التأهب للكوارث وتعزيز "
        "القدرة على الصمود للحد من الهجرة القسرية»، قال باسكوالي لوبولي، مدير المكتب "
        "الإقليمي للمنظمة في القاهرة.",
        "معظم الأزمات – بما في ذلك النزاعات والعنف المسلح والكوارث والأوبئة والجوائح والركود "
        "الاقتصادي الحاد – لها أبعاد تتعلق بالتنقل.",
        "لمزيد من المعلومات يرجى الاتصال بـ: ساندرا بلاك، المنظمة الدولية للهجرة في العراق، "
        "هاتف: ‎+964 751 234 2550، البريد الإلكتروني: sblack@iom.int",
        "لمزيد من المعلومات حول مصفوفة تتبع النزوح، يرجى زيارة "
        "www.iomiraq.net/dtm-page/displacement-tracking-matrix-round-xxxviii",
    ],
}

PLURAL_FORMS = {
    "ko": "nplurals=1; plural=0;",
    "fr": "nplurals=2; plural=(n > 1);",
    "es": "nplurals=2; plural=(n != 1);",
    "ar": "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 "
          ": n%100>=11 ? 4 : 5;",
}

# Strings that exercise escapes and odd line breaking.
SPECIAL = [
    'Tel.\t+964 750 0166 072\nEmail: smegy@iom.int\n',
    'He said: "IOM\\UN" — path C:\\reports\\2015\\ and a "quoted" word.',
    "Line one\n\nLine three after an empty line, long enough to need wrapping at the "
    "page width of gettext\n",
    "https://www.iom.int/news/iom-focuses-migrants-crisis-displacement-world-humanitarian-"
    "summit-regional-consultations-amman?utm_source=newsletter&utm_medium=email",
    "Supercalifragilisticexpialidocious" * 3 + " followed by ordinary words that wrap.",
    "Anti-trafficking, counter-smuggling and rights-based, whole-of-society approaches "
    "— including well-known ‘best practices’ — were discussed.",
    "\n",
    "ends with a backslash \\",
    "",
]


def _seed_sentences() -> list[str]:
    """Long sentences of the example pages (the test also runs without them)."""
    found = []
    for page in sorted(PAGES.glob("*.txt")):
        for line in page.read_text(encoding="utf-8").splitlines():
            if len(line) > 100:
                found.append(line)
    return found


def make_catalog(lang: str | None) -> Catalog:
    """A catalog like presslate's: title and paragraphs, comments, flags, plurals."""
    header = {
        "Project-Id-Version": "presslate 0.1",
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": "2015-03-03 10:00+0000",
        "PO-Revision-Date": "2015-03-04 12:30+0000",
        "Last-Translator": "Translator <translator@example.org>",
        "Language-Team": "LANGUAGE <LL@li.org>",
        "Language": lang or "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    if lang:
        header["Plural-Forms"] = PLURAL_FORMS[lang]
    catalog = Catalog(header=header, header_comments=[
        "Translation of release 2015-03-03-iom-focuses-on-migrants-in-crisis.",
        "Copyright (C) 2015 IOM",
        "",
    ], header_flags=[] if lang else ["fuzzy"])
    texts = TRANSLATIONS[lang] if lang else [""] * len(SOURCE)
    for k, (msgid, msgstr) in enumerate(zip(SOURCE, texts)):
        message = Message(
            msgid=msgid, msgstr=msgstr, msgctxt=f"2015-03-03-iom-focuses:{k}",
            references=[f"releases/2015-03-03-iom-focuses-on-migrants-in-crisis.txt:{k * 2 + 1}",
                        f"pages/000_9ec7258c03a6ff6e.txt:{k + 20}"],
            auto_comments=["paragraph" if k else "title"],
        )
        if lang and k == 2:
            message.flags = ["fuzzy"]
            message.previous_msgid = msgid.replace("nearly 2.5", "about 2.5")
            message.translator_comments = ["draft: tm 92% from 2014-09-09-iraq-displacement"]
        messages = catalog.messages
        messages.append(message)
    for k, sentence in enumerate(_seed_sentences()[:12]):
        catalog.messages.append(Message(msgid=sentence, msgctxt=f"seed:{k}",
                                        msgstr=(texts[k % len(texts)] if lang else "")))
    for k, text in enumerate(SPECIAL):
        catalog.messages.append(Message(msgid=text or "(empty)", msgctxt=f"special:{k}",
                                        msgstr=text if lang else ""))
    plural = Message(msgid="%d displaced person", msgid_plural="%d displaced people",
                     flags=["c-format"], references=["releases/x.txt:9"])
    nplurals = {"ko": 1, "fr": 2, "es": 2, "ar": 6}.get(lang, 2)
    form = {"ko": "실향민 %d명", "fr": "%d personnes déplacées", "es": "%d personas desplazadas",
            "ar": "%d من النازحين"}.get(lang, "")
    plural.msgstr_plural = {i: form for i in range(nplurals)}
    catalog.messages.append(plural)
    if lang:
        catalog.messages.append(Message(
            msgid="IOM Iraq held a migration crisis response training this past week.",
            msgstr=texts[4], msgctxt="old:1", obsolete=True, flags=["fuzzy"],
            previous_msgid="IOM Iraq held a migration crisis response training last week.",
            translator_comments=["retired with release 2015-05-21"]))
        catalog.messages.append(Message(msgid="An untranslated obsolete entry is dropped.",
                                        obsolete=True))
    return catalog


def msgcat(text: str, *args: str) -> str:
    result = subprocess.run(["msgcat", *args, "-"], input=text.encode("utf-8"),
                            capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    return result.stdout.decode("utf-8")


# ---------------------------------------------------------------------------
# Layout: msgcat is the oracle
# ---------------------------------------------------------------------------

@needs_msgcat
@pytest.mark.parametrize("lang", [None, *LANGUAGES])
def test_msgcat_keeps_what_we_write(lang):
    ours = format_po(make_catalog(lang))
    assert msgcat(ours) == ours


@needs_msgcat
@pytest.mark.parametrize("lang", [None, *LANGUAGES])
@pytest.mark.parametrize("width", [79, 40, 120])
def test_we_keep_what_msgcat_writes(lang, width):
    theirs = msgcat(format_po(make_catalog(lang), width=200), f"--width={width}")
    assert format_po(parse_po(theirs), width=width) == theirs
    assert msgcat(theirs, f"--width={width}") == theirs


@needs_msgfmt
@pytest.mark.parametrize("lang", LANGUAGES)
def test_msgfmt_accepts_our_output(lang, tmp_path):
    path = tmp_path / f"{lang}.po"
    write_po(path, make_catalog(lang))
    result = subprocess.run(["msgfmt", "-c", "--check-format", "-o", os.devnull, str(path)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.po")))
def test_fixture_files_round_trip(name):
    """The fixtures were written by msgcat 0.21: no gettext needed to check against them."""
    text = (DATA / name).read_text(encoding="utf-8")
    assert format_po(parse_po(text)) == text


def _random_text(rng: random.Random, pool: list[str]) -> str:
    words = (" ".join(SOURCE) + " " + " ".join(" ".join(t) for t in TRANSLATIONS.values())
             ).split(" ")
    parts = []
    for _ in range(rng.randint(0, 30)):
        r = rng.random()
        if r < 0.65:
            parts.append(rng.choice(words))
        elif r < 0.85:
            parts.append("".join(rng.choice(pool) for _ in range(rng.randint(1, 3))))
        elif r < 0.9:
            parts.append("x" * rng.randint(60, 90))
        else:
            parts.append(rng.choice(["\n", "\t", '"', "\\", "-", "/", "—", "  ", "\\n"]))
        parts.append(rng.choice([" ", " ", " ", ""]))
    return "".join(parts)


@needs_msgcat
@pytest.mark.parametrize("seed", range(4))
def test_random_catalogs_match_msgcat(seed):
    """Random mixes of scripts, punctuation and escapes, checked against msgcat."""
    rng = random.Random(seed)
    pool = [chr(c) for c in rng.sample(range(0x20, 0x3000), 300)
            if not 0x7F <= c < 0xA0 and c not in (0x2028, 0x2029)]
    pool += ["가", "힣", "ا", "ـ", "\u064b", "\u0651", "\u200b", "\u200d", "\u00ad", "\u2014",
             "\u2013", "\u201c", "\u3001", "漢", "字", "\U0001f1f0\U0001f1f7", "\u05d0-"]
    messages = []
    for k in range(120):
        message = Message(msgid=f"{k} {_random_text(rng, pool)}", msgstr=_random_text(rng, pool))
        if rng.random() < 0.3:
            message.msgctxt = _random_text(rng, pool)
        if rng.random() < 0.2:
            message.flags = ["fuzzy"]
            message.previous_msgid = _random_text(rng, pool)
        if rng.random() < 0.1:
            message.obsolete = True
        if rng.random() < 0.3:
            message.references = [f"a/{re.sub(r'[^A-Za-z0-9]', '_', _random_text(rng, pool))[:40]}"
                                  f".txt:{rng.randint(1, 9999)}" for _ in range(rng.randint(1, 6))]
        messages.append(message)
    catalog = Catalog(header={"Content-Type": "text/plain; charset=UTF-8"}, messages=messages)
    for width in (79, 33):
        ours = format_po(catalog, width=width)
        assert msgcat(ours, f"--width={width}") == ours
        assert format_po(parse_po(ours), width=width) == ours


@needs_msgcat
@pytest.mark.parametrize("seed", range(3))
def test_format_directives_are_not_broken_like_msgcat(seed):
    """gettext keeps C and Python directives on one line, up to the first format error."""
    rng = random.Random(seed)
    pieces = {
        "c-format": ["%s", "%d", "%5.2f", "%-10s", "%1$s", "%2$d", "%lu", "%%", "% d", "%y",
                     "50% of", "%*d", "%.*f", "%1$-*2$d", "%zu", "%'d"],
        "python-format": ["%s", "%d", "%(name)s", "%(organization-name)s", "%(a/b)d", "%%",
                          "%(x-y-z)r", "% d", "%y", "50% of", "%*d", "%(a-b)-5.2f"],
        "python-brace-format": ["{name}", "{0}", "{org-name}", "{a/b:>10}", "{x.y-z}", "{{"],
    }
    words = ("IOM/UN Secretary-General Ban Ki-moon practical-and-grassroots insights "
             "www.iom.int/dtm 2,500,000").split()
    messages = []
    for k in range(150):
        flag = rng.choice(sorted(pieces))
        text = "".join(rng.choice(pieces[flag] if rng.random() < 0.15 else words)
                       + rng.choice([" ", " ", "", "-", "/"]) for _ in range(rng.randint(5, 40)))
        messages.append(Message(msgid=f"{k} {text}", msgstr=text, flags=[flag]))
    ours = format_po(Catalog(header={"Content-Type": "text/plain; charset=UTF-8"},
                             messages=messages))
    assert msgcat(ours) == ours
    assert format_po(parse_po(ours)) == ours


def test_korean_wraps_between_syllables_at_two_columns_each():
    """Hangul may break between any two syllables; each is two columns wide (msgcat 0.21)."""
    catalog = Catalog(messages=[Message(msgid="x", msgstr=TRANSLATIONS["ko"][3])])
    assert format_po(catalog).splitlines() == [
        'msgid "x"',
        'msgstr ""',
        '"“우리는개발과인도주의활동을연결해야하는과제에직면해있습니다:여기에는재난대비"',
        '"와강제이주를줄이기위한회복력강화가포함됩니다”라고카이로IOM중동·북아프리카지역"',
        '"사무소의파스콸레루폴리소장은말했습니다."',
    ]


@needs_msgcat
def test_msgcat_drops_flags_it_does_not_know():
    """A known divergence: presslate's own flags (ignore-*) do not survive msgcat."""
    catalog = Catalog(messages=[Message(msgid="a", msgstr="b", flags=["fuzzy", "ignore-numbers"])])
    ours = format_po(catalog)
    assert "#, fuzzy, ignore-numbers\n" in ours
    assert msgcat(ours) == ours.replace(", ignore-numbers", "")


def test_layout_rules_without_gettext():
    catalog = Catalog(
        header={"Content-Type": "text/plain; charset=UTF-8"},
        header_comments=["Header"],
        messages=[
            Message(msgid="obsolete first", msgstr="o", obsolete=True),
            Message(msgid="untranslated", flags=["ignore-length", "c-format", "fuzzy"]),
            Message(msgid="a\nb", msgstr="c\n", flags=["no-wrap", "python-format", "fuzzy"],
                    references=["./releases/a.txt:010", "b.txt", "./releases/a.txt:10"]),
            Message(msgid="p", msgid_plural="ps", msgstr_plural={0: "", 1: "x"}, flags=["fuzzy"]),
            Message(msgid="dropped", obsolete=True),
        ])
    assert format_po(catalog) == (
        '# Header\nmsgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#, c-format, ignore-length\nmsgid "untranslated"\nmsgstr ""\n\n'
        '#: releases/a.txt:10 b.txt\n#, fuzzy, python-format, no-wrap\n'
        'msgid ""\n"a\\n"\n"b"\nmsgstr "c\\n"\n\n'
        'msgid "p"\nmsgid_plural "ps"\nmsgstr[0] ""\nmsgstr[1] "x"\n\n'
        '#~ msgid "obsolete first"\n#~ msgstr "o"\n')


def test_page_width_limits_like_gettext():
    """As msgcat --width: 0 means no wrapping, and less than 20 counts as 20."""
    catalog = make_catalog("fr")
    assert format_po(catalog, width=5) == format_po(catalog, width=20)
    unwrapped = format_po(catalog, width=0)
    assert f'msgid "{SOURCE[1]}"' in unwrapped.splitlines()


def test_references_wrap_at_page_width():
    refs = [f"releases/2015-03-03-iom-focuses-on-migrants-in-crisis-{k}.txt:{k}" for k in range(4)]
    lines = format_po(Catalog(messages=[Message(msgid="x", references=refs)])).splitlines()
    assert lines[0] == "#: " + refs[0]
    assert all(len(line) <= 79 for line in lines)
    assert parse_po("\n".join(lines) + "\n").messages[0].references == refs


# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------

SAMPLE = """\
# Translation of a release.
#
#, fuzzy
msgid ""
msgstr ""
"Project-Id-Version: presslate\\n"
"Language: ko\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

# draft: tm 92%
#.  two spaces kept
#: releases/a.txt:3 releases/b.txt:4
#: releases/c.txt:5
#, fuzzy, ignore-numbers
#| msgctxt "old"
#| msgid "Old "
#| "text"
msgctxt "2015:1"
msgid ""
"The first "
"World Humanitarian Summit"
msgstr "제1차 세계인도주의정상회의"

msgid "%d person"
msgid_plural "%d people"
msgstr[0] "%d명"

#, fuzzy
#~| msgid "Older"
#~ msgid "Old"
#~ msgstr "옛"
"""


def test_parse_fields_and_lines():
    catalog = parse_po(SAMPLE)
    assert catalog.header == {"Project-Id-Version": "presslate", "Language": "ko",
                              "Content-Type": "text/plain; charset=UTF-8"}
    assert catalog.header_comments == ["Translation of a release.", ""]
    assert catalog.header_flags == ["fuzzy"]
    first, plural, old = catalog.messages
    assert first.msgctxt == "2015:1"
    assert first.msgid == "The first World Humanitarian Summit"
    assert first.msgstr == "제1차 세계인도주의정상회의"
    assert first.translator_comments == ["draft: tm 92%"]
    assert first.auto_comments == [" two spaces kept"]
    assert first.references == ["releases/a.txt:3", "releases/b.txt:4", "releases/c.txt:5"]
    assert first.flags == ["fuzzy", "ignore-numbers"]
    assert first.ignored_checks() == {"numbers"}
    assert (first.previous_msgctxt, first.previous_msgid) == ("old", "Old text")
    assert first.line == 19  # the msgid keyword, not the first comment
    assert plural.msgid_plural == "%d people" and plural.msgstr_plural == {0: "%d명"}
    assert plural.line == 24
    assert old.obsolete and old.msgid == "Old" and old.msgstr == "옛"
    assert old.previous_msgid == "Older" and old.fuzzy
    assert old.line == 30


def test_escapes_are_read_like_gettext():
    text = r'msgid "a\tb\n\"c\"\\d\a\101\x42"' + '\nmsgstr "\\303\\251"\n'
    message = parse_po(text).messages[0]
    assert message.msgid == 'a\tb\n"c"\\d\aAB'
    assert message.msgstr == "é"


def test_obsolete_comments_and_previous_strings():
    text = ('msgid "a"\nmsgstr "b"\n\n#~ # old comment\n#~ #, fuzzy\n#~| msgid "prev"\n'
            '#~ msgid "c"\n#~ msgstr "d"\n')
    old = parse_po(text).messages[1]
    assert (old.obsolete, old.translator_comments, old.flags) == (True, ["old comment"], ["fuzzy"])
    assert (old.previous_msgid, old.msgid, old.msgstr, old.line) == ("prev", "c", "d", 7)
    assert format_po(parse_po(text)) == ('msgid "a"\nmsgstr "b"\n\n# old comment\n#, fuzzy\n'
                                         '#~| msgid "prev"\n#~ msgid "c"\n#~ msgstr "d"\n')


def test_crlf_files_are_read():
    text = SAMPLE.replace("\n", "\r\n")
    expected = [(m.msgid, m.msgstr, m.line) for m in parse_po(SAMPLE).messages]
    assert [(m.msgid, m.msgstr, m.line) for m in parse_po(text).messages] == expected


BROKEN = [
    # (name, text, line, message fragment)
    ("bad quoting", 'msgid "a"\nmsgstr "say "hi""\n', 2, "unescaped"),
    ("unterminated string", 'msgid "a"\nmsgstr "b\n', 2, "unterminated"),
    ("unterminated continuation", 'msgid "a"\nmsgstr ""\n"b\\"\n', 3, "unterminated"),
    ("garbage line", 'msgid "a"\nmsgstr "b"\n\nthis is not PO\n', 4, "unknown keyword"),
    ("garbage character", 'msgid "a"\nmsgstr "b"\n@\n', 3, "syntax error"),
    ("non-text codec as charset", 'msgid ""\nmsgstr "Content-Type: text/plain; charset=hex\\n"\n', 2,
     "unknown charset 'hex'"),
    ("no-break space after string", 'msgid "a" \u00a0\nmsgstr "b"\n', 1, "unexpected"),
    ("no-break space line", 'msgid "a"\nmsgstr "b"\n\u00a0\n', 3, "syntax error"),
    ("duplicate msgid", 'msgid "a"\nmsgstr "b"\n\n# c\nmsgid "a"\nmsgstr "c"\n', 5, "duplicate"),
    ("duplicate with context", 'msgctxt "x"\nmsgid "a"\nmsgstr ""\n\nmsgctxt "x"\nmsgid "a"\n'
     'msgstr ""\n', 6, "first defined at line 2"),
    ("duplicate obsolete", 'msgid "a"\nmsgstr "b"\n\n#~ msgid "a"\n#~ msgstr "c"\n', 4,
     "duplicate"),
    ("msgstr without msgid", 'msgstr "b"\n', 1, "without a msgid"),
    ("missing msgstr", 'msgid "a"\n\nmsgid "b"\nmsgstr ""\n', 1, "missing 'msgstr'"),
    ("missing msgstr at end", 'msgid "a"\nmsgstr ""\n\nmsgid "b"\n', 4, "missing 'msgstr'"),
    ("missing plural forms", 'msgid "a"\nmsgid_plural "b"\n\nmsgid "c"\nmsgstr ""\n', 1,
     "missing 'msgstr[0]'"),
    ("wrong plural index", 'msgid "a"\nmsgid_plural "b"\nmsgstr[0] ""\nmsgstr[2] ""\n', 4,
     "wrong index"),
    ("plain msgstr for plural", 'msgid "a"\nmsgid_plural "b"\nmsgstr ""\n', 3, "msgstr[0]"),
    ("invalid escape", 'msgid "a\\q"\nmsgstr ""\n', 1, "invalid escape"),
    ("keyword without string", 'msgid\nmsgstr ""\n', 1, "without a string"),
    ("comment inside entry", 'msgid "a"\n# note\nmsgstr ""\n', 1, "missing 'msgstr'"),
    ("string without keyword", '# c\n"orphan"\n', 2, "without a keyword"),
    ("obsolete mix", 'msgid "a"\n#~ msgstr "b"\n', 2, "#~"),
    ("previous of obsolete", '#| msgid "z"\n#~ msgid "a"\n#~ msgstr "b"\n', 2, "#~"),
]


@pytest.mark.parametrize("name,text,line,fragment", BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_files_report_the_line(name, text, line, fragment, tmp_path):
    path = tmp_path / "broken.po"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        read_po(path)
    error = info.value
    assert error.line == line, str(error)
    assert fragment in error.message
    assert str(error).startswith(f"{path}:{line}: ")


def test_invalid_utf8_reports_the_line(tmp_path):
    path = tmp_path / "bad.po"
    path.write_bytes(b'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                     b'msgid "a"\nmsgstr "caf\xe9"\n')
    with pytest.raises(CatalogError) as info:
        read_po(path)
    assert info.value.line == 5
    assert "invalid UTF-8 byte 0xe9 at column 12" in info.value.message


def test_declared_charset_is_honoured(tmp_path):
    path = tmp_path / "latin1.po"
    path.write_bytes('msgid ""\nmsgstr "Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
                     'msgid "coffee"\nmsgstr "café"\n'.encode("latin-1"))
    catalog = read_po(path)
    assert catalog.messages[0].msgstr == "café"
    catalog.messages[0].msgstr = "cafés"
    assert write_po(path, catalog)
    assert path.read_bytes().endswith('msgstr "cafés"\n'.encode("latin-1"))


def test_declared_charset_is_honoured_after_separate_header_comments(tmp_path):
    """Comments, a blank line, then the header: msgcat reads the charset there, and so do both readers."""
    from presslate.catalog.fastread import parse_plain_po

    path = tmp_path / "latin1.po"
    path.write_bytes('# Translation of X.\n\nmsgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
                     'msgid "coffee"\nmsgstr "café"\n'.encode("latin-1"))
    assert read_po(path).messages[0].msgstr == "café"
    assert parse_plain_po(path.read_bytes(), path=path) is None  # not UTF-8: left to the strict reader


def test_unknown_charset_is_reported(tmp_path):
    path = tmp_path / "x.po"
    path.write_bytes(b'msgid ""\nmsgstr "Content-Type: text/plain; charset=KLINGON\\n"\n')
    with pytest.raises(CatalogError, match="unknown charset 'KLINGON'") as info:
        read_po(path)
    assert info.value.line == 2


# ---------------------------------------------------------------------------
# Atomic writing
# ---------------------------------------------------------------------------

def test_write_po_is_atomic_and_quiet(tmp_path):
    path = tmp_path / "ko.po"
    catalog = make_catalog("ko")
    assert write_po(path, catalog) is True
    assert path.read_text(encoding="utf-8") == format_po(catalog)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ko.po"]
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    os.chmod(path, 0o640)
    assert write_po(path, read_po(path)) is False  # same bytes: not rewritten
    assert path.stat().st_mtime_ns == 1_000_000_000
    catalog.messages[0].msgstr = "바뀐 번역"
    assert write_po(path, catalog) is True
    assert path.stat().st_mtime_ns != 1_000_000_000
    assert path.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ko.po"]


def test_failed_write_leaves_old_file_and_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "fr.po"
    write_po(path, make_catalog("fr"))
    before = path.read_bytes()

    def fail(*args):
        raise OSError("disk full")

    monkeypatch.setattr(fileio.os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_po(path, make_catalog("es"))
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fr.po"]


# ---------------------------------------------------------------------------
# Line breaking against libunistring itself (the library gettext uses)
# ---------------------------------------------------------------------------

def _libunistring():
    name = ctypes.util.find_library("unistring") or "libunistring.so.2"
    try:
        lib = ctypes.CDLL(name)
        lib.u8_possible_linebreaks_v2  # noqa: B018 (libunistring >= 1.0)
        ctypes.c_char.in_dll(lib, "libunistring_unilbrkprop")
        version = ctypes.c_int.in_dll(lib, "_libunistring_version").value
    except (OSError, AttributeError, ValueError):
        return None
    # The tables and the class numbering below are those of libunistring 1.0.x.
    return lib if version >> 8 == 0x100 else None


LIB = _libunistring()
needs_libunistring = pytest.mark.skipif(LIB is None, reason="libunistring 1.0 is not loadable")

# libunistring's class numbering (lbrktables.h of libunistring 1.0).
LB_NAMES = ("WJ GL B2 BA BB HY CL CP1 CP2 EX IN NS OP1 OP2 QU IS NU PO PR SY AL H2 H3 ID ID2 "
            "JL JV JT HL RI ZWJ EB EM BK CR LF CM ZW SP CB AI SA XX").split()
RESOLVED = {"CB": "ID", "AI": "AL", "SA": "AL", "XX": "AL"}


def _lib_tables():
    """(class per code point, width per code point, pair table) read from libunistring."""
    addr = ctypes.addressof(ctypes.c_char.in_dll(LIB, "libunistring_unilbrkprop"))
    level1 = struct.unpack("<15i", ctypes.string_at(addr, 60))
    size2 = max(level1) + 512
    level2 = struct.unpack(f"<{size2}i", ctypes.string_at(addr + 60, 4 * size2))
    level3 = ctypes.string_at(addr + 60 + 4 * size2, max(level2) + 128)

    def prop(cp):
        if cp >> 16 < 15 and level1[cp >> 16] >= 0:
            block = level2[level1[cp >> 16] + ((cp >> 7) & 511)]
            if block >= 0:
                return level3[block + (cp & 127)]
        return LB_NAMES.index("XX")

    order = LB_NAMES[:39]
    classes = []
    for cp in range(0x110000):
        name = "AL" if 0xD800 <= cp < 0xE000 else LB_NAMES[prop(cp)]
        classes.append(order.index(RESOLVED.get(name, name)))
    LIB.uc_width.argtypes = [ctypes.c_uint32, ctypes.c_char_p]
    LIB.uc_width.restype = ctypes.c_int
    widths = [1 if 0xD800 <= cp < 0xE000 else max(LIB.uc_width(cp, b"UTF-8"), 0)
              for cp in range(0x110000)]
    table_addr = ctypes.addressof(ctypes.c_char.in_dll(LIB, "libunistring_unilbrk_table"))
    pairs = ctypes.string_at(table_addr, 33 * 33)
    return classes, widths, pairs


def _lib_possible(text: str) -> list[int]:
    data = text.encode("utf-8")
    result = ctypes.create_string_buffer(len(data))
    LIB.u8_possible_linebreaks_v2.argtypes = [ctypes.c_char_p, ctypes.c_size_t,
                                              ctypes.c_char_p, ctypes.c_char_p]
    LIB.u8_possible_linebreaks_v2(data, len(data), b"UTF-8", result)
    out, i = [], 0
    for char in text:
        value = result.raw[i]
        out.append(3 if value == 5 else value)  # CR before LF counts as mandatory here
        i += len(char.encode("utf-8"))
    return out


@needs_libunistring
def test_tables_match_libunistring():
    classes, widths, pairs = _lib_tables()
    mismatches = [cp for cp in range(0x110000) if pofile._lb_class(cp) != classes[cp]]
    assert mismatches == []
    assert [cp for cp in range(0x110000) if pofile._char_width(cp) != widths[cp]] == []
    assert pofile._PAIRS == pairs
    mandatory = {chr(cp) for cp in range(0x110000)
                 if classes[cp] in (pofile._BK, pofile._CR, pofile._LF)}
    assert mandatory - set("\n\v\f\r") == {"\x85", "\u2028", "\u2029"}


@needs_libunistring
@pytest.mark.parametrize("seed", range(3))
def test_break_opportunities_match_libunistring(seed):
    rng = random.Random(seed)
    by_class: dict[int, list[int]] = {}
    for cp in range(0x20, 0x30000, 7):
        if not 0xD800 <= cp < 0xE000:
            by_class.setdefault(pofile._lb_class(cp), []).append(cp)
    pool = [chr(rng.choice(cps)) for cps in by_class.values() for _ in range(3)]
    pool += [" "] * 10 + ["a"] * 5 + ["\u0301", "\u200d", "\U0001f1f0", "\u05d0", "-", "\u2028"]
    for _ in range(3000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 12)))
        expected = _lib_possible(text)
        classes = bytes(pofile._LBC[c] for c in text)
        assert pofile._possible_breaks(classes) == expected, ascii(text)
        if 3 not in expected:
            backwards = [1] + [2 if pofile._can_break(text, i) else 1 for i in range(1, len(text))]
            assert backwards == expected, ascii(text)


# ---------------------------------------------------------------------------
# Table generator (not a test)
# ---------------------------------------------------------------------------

def _print_tables() -> None:
    classes, widths, pairs = _lib_tables()

    def ranges(values, hangul=False):
        out, previous = [], None
        for cp, value in enumerate(values):
            if hangul and 0xAC00 <= cp <= 0xD7A3:
                value = pofile._H2  # Hangul syllables are computed, not stored
            if value != previous:
                out.append(f"{cp:06X}{chr(48 + value)}")
                previous = value
        return "".join(out)

    def literal(name, text, size=72):
        chunks = "".join(f'    "{text[i:i + size]}"\n' for i in range(0, len(text), size))
        return f"{name} = (\n{chunks})\n"

    sys.stdout.write(literal("_LB_DATA", ranges(classes, hangul=True)))
    sys.stdout.write(literal("_WIDTH_DATA", ranges(widths)))
    sys.stdout.write(literal("_LB_PAIRS", "".join(str(v) for v in pairs)))


if __name__ == "__main__":
    if sys.argv[1:] == ["--tables"]:
        if LIB is None:
            sys.exit("libunistring 1.0 is not loadable")
        _print_tables()
    else:
        sys.exit(__doc__)
