"""The QA checks every draft goes through (glossary terms and numbers), behind one function."""

from __future__ import annotations

from presslate.catalog.model import Message
from presslate.checks import check_message
from presslate.glossary import Glossary

DRAFT_CHECKS = ("glossary-term", "numbers")


def draft_findings(message: Message, *, lang: str, glossary: Glossary | None, release: str | None = None,
                   source_lang: str = "en") -> list[str]:
    """What the glossary-term and numbers checks find wrong with a draft, one line each (empty: it passes)."""
    findings = check_message(message, lang=lang, glossary=glossary, only=DRAFT_CHECKS, release=release,
                             source_lang=source_lang)
    return [f"{finding.check}: {finding.message}" for finding in findings]
