"""``end-punctuation``: the translation ends with the same kind of punctuation as the source."""

from __future__ import annotations

from presslate.checks.base import SegmentCheck, SegmentContext
from presslate.checks.finding import Finding, Severity
from presslate.checks.languages import END_CLASSES

_CLASS_OF = {ch: name for name, chars in END_CLASSES.items() for ch in chars}
_CLOSERS = "\"'”’»)]}」』›）］"
_SPACES = " \u00a0\u202f\t"
_NAMES = {"period": "a full stop", "question": "a question mark", "exclamation": "an exclamation mark",
          "colon": "a colon", "semicolon": "a semicolon", "comma": "a comma", "ellipsis": "an ellipsis"}


def final_marks(text: str) -> frozenset[str]:
    """The punctuation classes of the run that ends ``text`` (closing quotes and brackets skipped)."""
    stripped = text.rstrip()
    if stripped.endswith("..."):
        return frozenset({"ellipsis"})
    found = set()
    for ch in reversed(stripped):
        name = _CLASS_OF.get(ch)
        if name is not None:
            found.add(name)
        elif ch not in _CLOSERS and ch not in _SPACES:
            break
    return frozenset(found)


class EndPunctuationCheck(SegmentCheck):
    """The translation must end with the same kind of punctuation as the source.

    Every script's form of a mark counts as that mark (Arabic ``؟`` is a question mark,
    ``،`` a comma); closing quotes and brackets around it are ignored, so French ``».``
    matches English ``.”``. Whether Arabic should write ``؟`` rather than ``?`` is the
    ``locale-punctuation`` check's business.

    Fails (ar): "Would they help?" -> "هل سيساعدون."
    Passes (ar): "Would they help?" -> "هل سيساعدون؟"
    """

    check_id = "end-punctuation"
    name = "Sentence-final punctuation"
    default_severity = Severity.WARNING

    def check(self, ctx: SegmentContext) -> list[Finding]:
        source, target = final_marks(ctx.source), final_marks(ctx.target)
        if source == target or source & target:
            return []
        if source == {"ellipsis"} and "period" in target or target == {"ellipsis"} and "period" in source:
            return []
        expected = " or ".join(_NAMES[name] for name in sorted(source)) or "no punctuation"
        found = " or ".join(_NAMES[name] for name in sorted(target)) or "no punctuation"
        return [ctx.finding(self, f"the source ends with {expected}, the translation with {found}")]
