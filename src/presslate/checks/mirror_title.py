"""``mirror-title``: a release's translated title (the mirror page's ``(YYYY/M/D) title`` line) agrees with the release."""

from __future__ import annotations

import datetime as dt
import json
import re

from presslate.checks.base import Example, ReleaseCheck, ReleaseContext, quote
from presslate.checks.finding import Finding, Severity
from presslate.models import Release

DEFAULT_MAX_DELAY_DAYS = 14
TITLE_DATE_RE = re.compile(r"^\s*\((?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})\)\s*")
_EXAMPLE_RE = re.compile(r"^date (?P<date>\S+), posted (?P<posted>\S+), title (?P<title>\".*\")$")


class MirrorTitleCheck(ReleaseCheck):
    """A release's translated title and its date must agree with the release, and the title must follow the glossary.

    A mirror page opens each release with ``(YYYY/M/D) <translated title>``: the date is the
    original release's, and the mirror posts the translation on that day or a few days later
    (the Mexico release of the Korean seed page reads (2014/9/5) and was posted Sep-09-2014).
    So the dates agree when the posting date is not before the title date and at most
    ``max_delay_days`` (default 14) after it; a title that itself starts with ``(YYYY/M/D)``
    must carry the release date. In the title, forbidden variants are findings, and a source
    term left in the source language must be one of its approved renderings.

    Fails (ko): date 2014-09-09, posted 2014-09-05, title "IOM, 멕시코에서 이주자 수용센터 실무자 역량강화"
    Passes (ko): date 2014-09-05, posted 2014-09-09, title "IOM, 멕시코에서 이주자 수용센터 실무자 역량강화"
    """

    check_id = "mirror-title"
    name = "Mirror titles"
    default_severity = Severity.ERROR
    options = {"max_delay_days": DEFAULT_MAX_DELAY_DAYS}

    def check(self, ctx: ReleaseContext) -> list[Finding]:
        title = ctx.release.titles.get(ctx.lang)
        if not title:
            return []
        max_delay = int(ctx.settings.get("max_delay_days", DEFAULT_MAX_DELAY_DAYS))
        messages = self._date_problems(ctx.release, title, max_delay) + self._glossary_problems(ctx, title)
        return [ctx.finding(self, message) for message in messages]

    def _date_problems(self, release: Release, title: str, max_delay: int) -> list[str]:
        problems = []
        found = TITLE_DATE_RE.match(title)
        if found:
            try:
                written = dt.date(int(found["y"]), int(found["m"]), int(found["d"]))
            except ValueError:
                return [f"the title's date ({found.group(0).strip()}) is not a date"]
            if release.date is not None and written != release.date:
                problems.append(f"the title says {_slashed(written)} but the release date is {release.date}")
        if release.date is None or release.posted is None:
            return problems
        delay = (release.posted - release.date).days
        if delay < 0:
            problems.append(f"the title line is dated {_slashed(release.date)} but the release was posted "
                            f"{-delay} day(s) earlier, on {release.posted}")
        elif delay > max_delay:
            problems.append(f"the title line is dated {_slashed(release.date)} but the release was posted on "
                            f"{release.posted}, {delay} days later (at most {max_delay} expected)")
        return problems

    def _glossary_problems(self, ctx: ReleaseContext, title: str) -> list[str]:
        terms = ctx.terms
        if terms is None:
            return []
        problems = []
        for term, variant in terms.forbidden_found(title):
            problems.append(f"{quote(variant)} is forbidden for {quote(term.term)} in the title")
        checked: set[str] = set()
        source_title = ctx.release.title
        if source_title:
            for match in terms.source_matches(source_title):
                checked.add(match.term.term)
                accepted = match.term.accepted(ctx.lang)
                if match.term.approved.get(ctx.lang) and not terms.renders(title, match.term, accepted):
                    problems.append(f"{quote(match.text)} must be rendered in the title as "
                                    + " or ".join(quote(v) for v in accepted))
        for match in terms.source_matches(title):
            term = match.term
            accepted = term.accepted(ctx.lang)
            if term.term in checked or term.do_not_translate or not term.approved.get(ctx.lang):
                continue
            if not terms.renders(title, term, accepted):
                problems.append(f"{quote(match.text)} is left untranslated in the title; the glossary renders it as "
                                + " or ".join(quote(v) for v in accepted))
        return problems

    def run_example(self, example: Example, *, terms=None) -> list[Finding]:
        """``date YYYY-MM-DD, posted YYYY-MM-DD, title "..."``."""
        found = _EXAMPLE_RE.match(example.spec)
        if not found:
            raise ValueError(f"bad mirror-title example {example.spec!r}")
        release = Release(id="example", date=dt.date.fromisoformat(found["date"]),
                          posted=dt.date.fromisoformat(found["posted"]),
                          titles={example.lang: json.loads(found["title"])})
        return self.check(ReleaseContext(lang=example.lang, release=release, path="l10n/releases/example.md",
                                         titles_line=9, terms=terms))


def _slashed(day: dt.date) -> str:
    """A date as mirror pages write it: ``2014/9/5``."""
    return f"{day.year}/{day.month}/{day.day}"
