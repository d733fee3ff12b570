"""The registry: ids unique and stable, metadata present, and every docstring example true."""

from __future__ import annotations

import pytest

from presslate.checks.base import Check, SegmentCheck
from presslate.checks.engine import term_index
from presslate.checks.registry import CHECK_IDS, CHECKS, validate_registry

STABLE_IDS = (
    "glossary-term", "forbidden-term", "do-not-translate", "numbers", "urls-emails", "untranslated", "draft",
    "unchanged", "brackets", "end-punctuation", "locale-punctuation", "double-space", "whitespace", "inconsistent",
    "mirror-title",
)


def test_ids_are_stable_and_ordered() -> None:
    assert CHECK_IDS == STABLE_IDS


@pytest.mark.parametrize("check", CHECKS, ids=CHECK_IDS)
def test_docstring_examples_are_true(glossary, check: type[Check]) -> None:
    examples = check.examples()
    assert {example.fails for example in examples} == {True, False}
    for example in examples:
        findings = check().run_example(example, terms=term_index(glossary, example.lang))
        assert bool(findings) == example.fails, (example, [f.message for f in findings])
        assert all(finding.check == check.check_id for finding in findings)


def test_a_duplicate_id_is_refused() -> None:
    class Twin(SegmentCheck):
        """Twin.

        Fails (fr): "a" -> "b"
        Passes (fr): "a" -> "a"
        """

        check_id = "numbers"
        name = "Twin"

    with pytest.raises(TypeError, match="used twice"):
        validate_registry((*CHECKS, Twin))


@pytest.mark.parametrize(("attribute", "value", "error"), [
    ("check_id", "Numbers_Check", "not kebab-case"),
    ("name", " ", "has no name"),
    ("__doc__", "No examples here.", "needs a 'Fails"),
])
def test_missing_metadata_is_refused(attribute: str, value: str, error: str) -> None:
    namespace = {"check_id": "made-up", "name": "Made up",
                 "__doc__": 'Made up.\n\nFails (fr): "a" -> "b"\nPasses (fr): "a" -> "a"\n'}
    namespace[attribute] = value
    made_up = type("MadeUp", (SegmentCheck,), namespace)
    with pytest.raises(TypeError, match=error):
        validate_registry((made_up,))
