"""The translation memory: people's translations only, exact before fuzzy, score and origin recorded."""

from __future__ import annotations

from presslate.catalog.model import Catalog, Message, draft_comment
from presslate.mt.memory import TranslationMemory

CONTACT = "For more information please contact Joel Millman at IOM HQ."
CONTACT_FR = "Pour plus d'informations, veuillez contacter Joel Millman au siège de l'OIM."
SUMMIT = "IOM is participating in this week’s regional consultations in Amman, Jordan."
SUMMIT_FR = "L'OIM participe cette semaine aux consultations régionales à Amman, en Jordanie."


def catalog(*messages: Message) -> Catalog:
    return Catalog(messages=list(messages))


def test_exact_match_scores_100_and_names_its_release():
    memory = TranslationMemory.from_catalogs([("2014-09-05-a", catalog(Message(CONTACT, CONTACT_FR)))])
    match = memory.lookup(CONTACT)
    assert match is not None and match.exact
    assert (match.translation, match.score, match.origin) == (CONTACT_FR, 100.0, "2014-09-05-a")


def test_fuzzy_match_above_the_threshold_only():
    memory = TranslationMemory.from_catalogs([("r1", catalog(Message(CONTACT, CONTACT_FR)))])
    near = memory.lookup("For more information please contact Joe Lowry at IOM HQ.", min_score=75)
    assert near is not None and 75 <= near.score < 100 and near.source == CONTACT
    assert memory.lookup("Discussions will range from emergency preparedness to financing.", min_score=75) is None


def test_drafts_fuzzy_and_untranslated_entries_are_no_source():
    draft = Message(SUMMIT, "machine text", flags=["fuzzy"], translator_comments=[draft_comment("google")])
    fuzzy = Message(CONTACT, "old text", flags=["fuzzy"])
    memory = TranslationMemory.from_catalogs([("r1", catalog(draft, fuzzy, Message("Egypt", "")))])
    assert len(memory) == 0
    assert memory.lookup(SUMMIT) is None


def test_obsolete_translations_count():
    gone = Message(SUMMIT, SUMMIT_FR, obsolete=True)
    memory = TranslationMemory.from_catalogs([("r1", catalog(gone))])
    assert memory.lookup(SUMMIT).translation == SUMMIT_FR


def test_the_most_used_translation_wins_and_ties_go_to_the_latest_release():
    memory = TranslationMemory.from_catalogs([
        ("2014-09-05-a", catalog(Message(CONTACT, "A"))),
        ("2014-09-09-b", catalog(Message(CONTACT, "B"))),
        ("2015-03-03-c", catalog(Message(CONTACT, "A"))),
    ])
    assert (memory.lookup(CONTACT).translation, memory.lookup(CONTACT).origin) == ("A", "2015-03-03-c")
    tie = TranslationMemory.from_catalogs([("2014-09-05-a", catalog(Message(CONTACT, "A"))),
                                           ("2014-09-09-b", catalog(Message(CONTACT, "B")))])
    assert tie.lookup(CONTACT).translation == "B"


def test_a_sentence_differing_only_in_case_is_not_an_exact_match():
    memory = TranslationMemory.from_catalogs([("r1", catalog(Message(CONTACT, CONTACT_FR)))])
    match = memory.lookup(CONTACT.upper(), min_score=75)
    assert match is not None and match.score < 100
