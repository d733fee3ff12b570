"""Build a release's template catalog (POT) from its segments."""

from __future__ import annotations

import datetime as dt

from presslate.catalog.model import Catalog, Message
from presslate.models import Release, Segment
from presslate.segment import translatable

HEADER_ORDER = (
    "Project-Id-Version",
    "Report-Msgid-Bugs-To",
    "POT-Creation-Date",
    "PO-Revision-Date",
    "Last-Translator",
    "Language-Team",
    "Language",
    "MIME-Version",
    "Content-Type",
    "Content-Transfer-Encoding",
    "Plural-Forms",
)
UNSET_REVISION_DATE = "YEAR-MO-DA HO:MI+ZONE"
UNSET_TRANSLATOR = "FULL NAME <EMAIL@ADDRESS>"


def format_po_date(moment: dt.datetime) -> str:
    """A date as gettext headers write it: ``2026-11-27 10:02+0000``."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.strftime("%Y-%m-%d %H:%M%z")


def build_template(release: Release, segments: list[Segment], *, reference_path: str, project: str) -> Catalog:
    """The POT of a release: one message per distinct sentence, in document order.

    A sentence that occurs twice gets one message with both references and both places.
    The ``POT-Creation-Date`` is left empty; sync sets it when the template changes.
    """
    by_msgid: dict[str, Message] = {}
    for segment in translatable(segments):
        message = by_msgid.get(segment.text)
        if message is None:
            message = Message(msgid=segment.text)
            by_msgid[segment.text] = message
        reference = f"{reference_path}:{segment.line}"
        if reference not in message.references:
            message.references.append(reference)
        place = segment.describe()
        if place not in message.auto_comments:
            message.auto_comments.append(place)
    header = {
        "Project-Id-Version": f"{project} {release.id}",
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": "",
        "PO-Revision-Date": UNSET_REVISION_DATE,
        "Last-Translator": UNSET_TRANSLATOR,
        "Language-Team": "LANGUAGE <LL@li.org>",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    title = release.title or next(iter(release.titles.values()), "")
    comments = [f"Source sentences of the release {release.id}."]
    if title:
        comments.insert(0, title)
    return Catalog(header=header, header_comments=comments, header_flags=["fuzzy"], messages=list(by_msgid.values()))


def ordered_header(fields: dict[str, str]) -> dict[str, str]:
    """Header fields in gettext's order, unknown ones after in their own order."""
    ordered = {key: fields[key] for key in HEADER_ORDER if key in fields}
    ordered.update({key: value for key, value in fields.items() if key not in ordered})
    return ordered
