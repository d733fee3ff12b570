"""Bases of every check: ``SegmentCheck`` (one entry), ``CatalogCheck`` (a language's catalogs), ``ReleaseCheck``.

A check class declares ``check_id`` (kebab-case, stable: it appears in ignore flags, JSON, SARIF
and the docs), ``name``, ``default_severity`` and a docstring that says what it catches with
one ``Fails (lang): ...`` and one ``Passes (lang): ...`` example (a test runs them). ``check``
returns a list of findings, empty when the entry passes; it never raises for a bad translation.
"""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from presslate.checks.finding import Finding, Severity
from presslate.checks.languages import LanguageRules, rules_for
from presslate.checks.patterns import Protected, find_protected

if TYPE_CHECKING:
    from presslate.catalog.model import Message
    from presslate.checks.termindex import SourceTerm, TermIndex
    from presslate.models import Release

IGNORE_COMMENT_RE = re.compile(r"^\s*presslate:\s*ignore\s+(?P<ids>.+?)\s*$", re.IGNORECASE)
EXAMPLE_RE = re.compile(r"^\s*(?P<kind>Fails|Passes) \((?P<lang>[A-Za-z_]+)\):\s*(?P<spec>.+?)\s*$")
_NO_IDS: frozenset[str] = frozenset()
_PAIR_RE = re.compile(r'^(?P<source>"(?:[^"\\]|\\.)*")\s*->\s*(?P<target>"(?:[^"\\]|\\.)*")(?P<rest>.*)$')


def ignored_check_ids(message: Message) -> frozenset[str]:
    """Checks silenced on an entry: ``ignore-<id>`` flags and ``presslate: ignore <id> [<id>...]`` comments."""
    if not message.flags and not message.translator_comments:
        return _NO_IDS
    ids = set(message.ignored_checks())
    for comment in message.translator_comments:
        found = IGNORE_COMMENT_RE.match(comment)
        if found:
            ids.update(part for part in re.split(r"[\s,]+", found.group("ids")) if part)
    return frozenset(ids)


@dataclass(frozen=True)
class Example:
    """One docstring example: whether it must fail, its language and its specification text."""

    fails: bool
    lang: str
    spec: str


def parse_pair(spec: str) -> tuple[str, str, str]:
    """``"source" -> "target" rest`` as (source, target, rest); the quoted parts are JSON strings."""
    found = _PAIR_RE.match(spec.strip())
    if not found:
        raise ValueError(f'an example must read "source" -> "target", not {spec!r}')
    return json.loads(found.group("source")), json.loads(found.group("target")), found.group("rest").strip()


class lazy:
    """A computed attribute stored on first use (like ``functools.cached_property``, without its lock)."""

    def __init__(self, function) -> None:
        self.function = function
        self.name = function.__name__
        self.__doc__ = function.__doc__

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = self.function(instance)
        instance.__dict__[self.name] = value
        return value


class Check:
    """What every check declares."""

    check_id: ClassVar[str] = ""
    name: ClassVar[str] = ""
    default_severity: ClassVar[Severity] = Severity.WARNING
    options: ClassVar[dict[str, int | float | str | bool]] = {}
    """Settings a workspace may give under ``[check.options.<check-id>]``, with their defaults."""

    @classmethod
    def description(cls) -> str:
        """The docstring, dedented: what the check catches and its two examples."""
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        """The first paragraph of the description, on one line."""
        return " ".join(cls.description().split("\n\n", 1)[0].split())

    @classmethod
    def examples(cls) -> list[Example]:
        """The ``Fails (lang):`` and ``Passes (lang):`` lines of the description."""
        found = []
        for line in cls.description().splitlines():
            match = EXAMPLE_RE.match(line)
            if match:
                found.append(Example(match.group("kind") == "Fails", match.group("lang"), match.group("spec")))
        return found


@dataclass
class SegmentContext:
    """One entry to check: source, target, language, glossary and where it sits. Derived data is computed once."""

    source: str
    target: str
    lang: str
    terms: TermIndex | None = None
    message: Message | None = None
    path: str | None = None
    line: int | None = None
    release: str | None = None
    source_lang: str = "en"
    severities: Mapping[str, Severity] = field(default_factory=dict)
    fuzzy: bool = False
    draft: bool = False

    @lazy
    def rules(self) -> LanguageRules:
        return rules_for(self.lang)

    @lazy
    def source_protected(self) -> tuple[Protected, ...]:
        """URLs, e-mails, phones and hashtags of the source."""
        return find_protected(self.source)

    @lazy
    def target_protected(self) -> tuple[Protected, ...]:
        return find_protected(self.target)

    @lazy
    def source_terms(self) -> list[SourceTerm]:
        """Glossary matches in the source outside URLs and e-mails (``sblack@iom.int`` is not the term IOM)."""
        if self.terms is None:
            return []
        return self.terms.source_matches(self.source, exclude=self.source_protected)

    @lazy
    def first_term_matches(self) -> list[SourceTerm]:
        """The first match of each glossary term of the source, in source order."""
        first: dict[str, SourceTerm] = {}
        for match in self.source_terms:
            first.setdefault(match.term.term, match)
        return list(first.values())

    def finding(self, check: type[Check] | Check, message: str) -> Finding:
        """A finding of ``check`` on this entry, at the configured severity."""
        check_id = check.check_id
        return Finding(
            check=check_id,
            severity=self.severities.get(check_id, check.default_severity),
            path=self.path,
            line=self.line,
            lang=self.lang,
            release=self.release,
            msgid=self.source,
            msgstr=self.target,
            message=message,
        )


class SegmentCheck(Check):
    """A check of one entry. Runs only on translated entries unless ``checks_untranslated``/``checks_drafts``."""

    checks_untranslated: ClassVar[bool] = False
    checks_drafts: ClassVar[bool] = False

    def check(self, ctx: SegmentContext) -> list[Finding]:
        raise NotImplementedError

    def run_example(self, example: Example, *, terms: TermIndex | None) -> list[Finding]:
        """Run a docstring example: ``"source" -> "target"``, optionally followed by ``[fuzzy]`` or ``[draft]``."""
        source, target, rest = parse_pair(example.spec)
        ctx = SegmentContext(source=source, target=target, lang=example.lang, terms=terms,
                             fuzzy="[fuzzy]" in rest or "[draft]" in rest, draft="[draft]" in rest)
        return self.check(ctx)


class CatalogEntry(NamedTuple):
    """One translated entry as catalog checks see it (a tuple: there are tens of thousands)."""

    path: str
    line: int
    release: str | None
    msgctxt: str | None
    msgid: str
    msgstr: str
    ignored: frozenset[str] = frozenset()


@dataclass
class CatalogContext:
    """All translated entries of one language across every release."""

    lang: str
    entries: list[CatalogEntry]
    terms: TermIndex | None = None
    severities: Mapping[str, Severity] = field(default_factory=dict)
    settings: Mapping[str, object] = field(default_factory=dict)

    def translated(self, check_id: str) -> Iterator[CatalogEntry]:
        """Entries with a translation that did not silence ``check_id``."""
        return (entry for entry in self.entries if entry.msgstr and check_id not in entry.ignored)

    def finding(self, check: type[Check] | Check, message: str, *, path: str | None, line: int | None,
                release: str | None, msgid: str | None = None, msgstr: str | None = None) -> Finding:
        return Finding(
            check=check.check_id,
            severity=self.severities.get(check.check_id, check.default_severity),
            path=path,
            line=line,
            lang=self.lang,
            release=release,
            msgid=msgid,
            msgstr=msgstr,
            message=message,
        )


class CatalogCheck(Check):
    """A check across all catalogs of one language (consistency between releases)."""

    def check(self, ctx: CatalogContext) -> list[Finding]:
        raise NotImplementedError

    def run_example(self, example: Example, *, terms: TermIndex | None) -> list[Finding]:
        raise NotImplementedError


@dataclass
class ReleaseContext:
    """One release as seen from one of its languages: its metadata (titles, dates) and the glossary.

    ``path`` and ``titles_line`` say where the release file holds the language's title.
    """

    lang: str
    release: Release
    path: str
    titles_line: int | None = None
    terms: TermIndex | None = None
    severities: Mapping[str, Severity] = field(default_factory=dict)
    settings: Mapping[str, object] = field(default_factory=dict)

    def finding(self, check: type[Check] | Check, message: str) -> Finding:
        return Finding(
            check=check.check_id,
            severity=self.severities.get(check.check_id, check.default_severity),
            path=self.path,
            line=self.titles_line,
            lang=self.lang,
            release=self.release.id,
            msgid=self.release.title,
            msgstr=self.release.titles.get(self.lang),
            message=message,
        )


class ReleaseCheck(Check):
    """A check of a release's metadata in one language, run with that language's PO file of the release."""

    def check(self, ctx: ReleaseContext) -> list[Finding]:
        raise NotImplementedError

    def run_example(self, example: Example, *, terms: TermIndex | None) -> list[Finding]:
        raise NotImplementedError


def quote(text: str, limit: int = 60) -> str:
    """``text`` in double quotes for a message, shortened in the middle when long."""
    if len(text) > limit:
        text = text[: limit // 2 - 1] + "…" + text[-(limit // 2 - 1):]
    return f'"{text}"'
