"""``locale-punctuation``: punctuation written the target language's way (French spacing, Arabic marks)."""

from __future__ import annotations

import re
from functools import lru_cache

from presslate.checks.base import SegmentCheck, SegmentContext
from presslate.checks.finding import Finding, Severity
from presslate.checks.languages import NON_BREAKING_SPACES
from presslate.checks.patterns import inside

_SPACES = " " + NON_BREAKING_SPACES


def _is_arabic_letter(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff" and ch.isalpha() or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufefc"


class LocalePunctuationCheck(SegmentCheck):
    """Punctuation must follow the target language's typography, as the language tables say.

    French puts a no-break space (narrow U+202F or U+00A0; a plain space is tolerated) before
    ``: ; ! ?`` and inside « »; Arabic writes ``،`` ``؛`` ``؟`` instead of ``,`` ``;`` ``?``
    after Arabic words. URLs, e-mails, times and numbers are left alone.

    Fails (fr): "He asked: would they help?" -> "Il a demandé: allaient-ils aider?"
    Passes (fr): "He asked: would they help?" -> "Il a demandé\u202f: allaient-ils aider\u202f?"
    """

    check_id = "locale-punctuation"
    name = "Language-specific punctuation"
    default_severity = Severity.WARNING

    def check(self, ctx: SegmentContext) -> list[Finding]:
        rules = ctx.rules
        if not rules.space_before and not rules.local_marks and not rules.space_inside_guillemets:
            return []
        findings = []
        text = ctx.target
        if rules.space_before:
            missing = sorted({text[i] for i in _tight_marks(text, rules.space_before)
                              if _needs_space(text, i, rules.space_before) and not inside(ctx.target_protected, i, i + 1)})
            if missing:
                findings.append(ctx.finding(self, f"a no-break space is missing before {' '.join(missing)}"))
        if rules.space_inside_guillemets and ("«" in text or "»" in text) and _TIGHT_GUILLEMETS_RE.search(text):
            findings.append(ctx.finding(self, "« » need a no-break space inside them"))
        if rules.local_marks:
            latin = sorted({text[i] for i in _marks(text, "".join(rules.local_marks))
                            if _after_native_word(text, i) and not inside(ctx.target_protected, i, i + 1)})
            if latin:
                wanted = ", ".join(f'"{rules.local_marks[ch]}" instead of "{ch}"' for ch in latin)
                findings.append(ctx.finding(self, f"write {wanted}"))
        return findings


_TIGHT_GUILLEMETS_RE = re.compile("«[^ \u00a0\u202f]|[^ \u00a0\u202f]»")


@lru_cache(maxsize=None)
def _mark_pattern(marks: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(marks)}]")


def _marks(text: str, marks: str) -> list[int]:
    return [match.start() for match in _mark_pattern(marks).finditer(text)]


def _tight_marks(text: str, marks: str) -> list[int]:
    """Marks right after a character that is neither a space nor another such mark.

    The marks are found by their character class (scanned for quickly) and the character
    before is tested here: a pattern that starts with a look-behind is tried at every position.
    """
    return [index for index in _marks(text, marks)
            if index and text[index - 1] not in _SPACES and text[index - 1] not in marks]


def _needs_space(text: str, index: int, marks: str) -> bool:
    """True when the mark at ``index`` follows a character directly (no space of any kind)."""
    if index == 0:
        return False
    before = text[index - 1]
    if before in _SPACES or before in marks:
        return False
    after = text[index + 1] if index + 1 < len(text) else ""
    if text[index] == ":" and before.isdigit() and after.isdigit():  # 10:30, 1:2
        return False
    if text[index] == ":" and after == "/":  # a URL scheme the pattern missed
        return False
    return True


def _after_native_word(text: str, index: int) -> bool:
    """True when the last letter before ``index`` is Arabic-script and the mark is not between digits."""
    if text[index] == "," and 0 < index < len(text) - 1 and text[index - 1].isdigit() and text[index + 1].isdigit():
        return False
    for position in range(index - 1, -1, -1):
        if text[position].isalpha():
            return _is_arabic_letter(text[position])
    return False
