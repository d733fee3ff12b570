"""Findings of the checks and the report of a run: plain data, one serialisation (``to_dict``)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import Enum
from operator import itemgetter
from typing import Any, NamedTuple

from presslate.checks.heap import collector_paused
from presslate.errors import PresslateError


class Severity(str, Enum):
    """How bad a finding is; ``--fail-on`` compares against this order."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """2 for errors, 1 for warnings, 0 for info: higher is worse."""
        return _RANKS[self]

    def reaches(self, threshold: Severity) -> bool:
        """True when this severity is at least as bad as ``threshold``."""
        return self.rank >= threshold.rank


_RANKS = {Severity.ERROR: 2, Severity.WARNING: 1, Severity.INFO: 0}
SEVERITY_OF: dict[str, Severity] = {severity.value: severity for severity in Severity}
"""A severity by its value: ``Severity(value)`` without the enum's call machinery (findings arrive as rows)."""


class Finding(NamedTuple):
    """One problem a check found: where (path, line, language, release), on what entry, and what is wrong.

    A named tuple (immutable, compared by value): a run makes tens of thousands, and a tuple is
    made several times faster than a frozen dataclass instance.
    """

    check: str
    severity: Severity
    path: str | None
    line: int | None
    lang: str | None
    release: str | None
    msgid: str | None
    msgstr: str | None
    message: str

    def to_dict(self) -> dict[str, Any]:
        """The finding as JSON-ready data (the documented ``findings[]`` item of the JSON output).

        The fields in their order (``check``, ``severity``, ``path``, ``line``, ``lang``, ``release``,
        ``msgid``, ``msgstr``, ``message``), the severity as its value.
        """
        check, severity, path, line, lang, release, msgid, msgstr, message = self
        return {"check": check, "severity": severity._value_, "path": path, "line": line, "lang": lang,
                "release": release, "msgid": msgid, "msgstr": msgstr, "message": message}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        """The inverse of :meth:`to_dict` (used by the cache)."""
        return cls(
            check=data["check"],
            severity=Severity(data["severity"]),
            path=data.get("path"),
            line=data.get("line"),
            lang=data.get("lang"),
            release=data.get("release"),
            msgid=data.get("msgid"),
            msgstr=data.get("msgstr"),
            message=data["message"],
        )


_CHECK_SEVERITY_LANG = itemgetter(0, 1, 4)
"""(check, severity, lang) of a :class:`Finding`."""


def error_to_dict(error: PresslateError) -> dict[str, Any]:
    """An input or configuration error as JSON-ready data."""
    return {
        "path": error.path.as_posix() if error.path is not None else None,
        "line": error.line,
        "message": error.message,
    }


@dataclass
class CheckReport:
    """Everything one run of the checks produced: findings, input errors and how many files were read."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[PresslateError] = field(default_factory=list)
    files_checked: int = 0

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity is severity)

    def reaches(self, threshold: Severity) -> bool:
        """True when at least one finding is at or above ``threshold``."""
        return any(finding.severity.reaches(threshold) for finding in self.findings)

    def summary(self) -> dict[str, Any]:
        """Counts by severity, by check and by language."""
        # One pass over (check, severity, lang) triples; findings are tuples, so itemgetter reads them in C.
        triples = Counter(map(_CHECK_SEVERITY_LANG, self.findings))
        by_check: Counter[str] = Counter()
        severities: Counter[Severity] = Counter()
        pairs: Counter[tuple[str, str]] = Counter()
        for (check, severity, lang), count in triples.items():
            by_check[check] += count
            severities[severity] += count
            if lang:
                pairs[(lang, severity._value_)] += count
        by_lang: dict[str, dict[str, int]] = {}
        for (lang, severity_value), count in sorted(pairs.items()):
            by_lang.setdefault(lang, {s.value: 0 for s in Severity})[severity_value] = count
        return {
            "files_checked": self.files_checked,
            "findings": len(self.findings),
            "error": severities[Severity.ERROR],
            "warning": severities[Severity.WARNING],
            "info": severities[Severity.INFO],
            "input_errors": len(self.errors),
            "by_check": dict(sorted(by_check.items())),
            "by_language": by_lang,
        }

    def to_dict(self) -> dict[str, Any]:
        """``{"findings": [...], "summary": {...}, "errors": [...]}``: what every output format renders."""
        with collector_paused():  # tens of thousands of dicts, none of them garbage
            return {
                "findings": [finding.to_dict() for finding in self.findings],
                "summary": self.summary(),
                "errors": [error_to_dict(error) for error in self.errors],
            }
