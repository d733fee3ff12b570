"""Words and groupings the status renderers share, computed from ``StatusReport.to_dict()`` data."""

from __future__ import annotations

from typing import Any

SPARK_BLOCKS = "▁▂▃▄▅▆▇█"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``plural(1, "draft") == "1 draft"``, ``plural(2, "draft") == "2 drafts"``."""
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


def percent(value: float | None) -> str:
    """A share as shown to people: ``45.2%`` (``-`` when unknown)."""
    return "-" if value is None else f"{value:.1f}%"


def generated_label(data: dict[str, Any]) -> str:
    """``2026-11-27 10:37 UTC`` from the report's ISO timestamp."""
    stamp = str(data["generated_at"])
    return f"{stamp[:10]} {stamp[11:16]} UTC" if stamp.endswith("+00:00") and len(stamp) >= 16 else stamp


def blockers_text(release: dict[str, Any]) -> str:
    """What keeps a release from publication, e.g. ``3 untranslated, 2 drafts, 1 QA error``; ``ready`` if nothing."""
    if release["state"] == "broken":
        return "broken PO file"
    blockers = release["blockers"]
    parts = []
    if release["state"] == "missing":
        parts.append("no PO file yet (run presslate sync)")
    if blockers["untranslated"]:
        parts.append(f"{blockers['untranslated']} untranslated")
    if blockers["draft"]:
        parts.append(plural(blockers["draft"], "draft"))
    if blockers["fuzzy"]:
        parts.append(f"{blockers['fuzzy']} fuzzy")
    if blockers["errors"] is None:
        if not parts:
            parts.append("QA not run")
    elif blockers["errors"]:
        parts.append(plural(blockers["errors"], "QA error"))
    return ", ".join(parts) if parts and not release["ready"] else "ready"


def language_label(code: str, language: dict[str, Any]) -> str:
    """``Korean (ko)``."""
    return f"{language['name']} ({code})"


def releases_by_id(data: dict[str, Any]) -> list[tuple[str, str | None, dict[str, dict[str, Any]]]]:
    """Releases grouped by id, in report order: ``(id, title, {lang: release})``."""
    groups: dict[str, tuple[str, str | None, dict[str, dict[str, Any]]]] = {}
    for release in data["releases"]:
        release_id, lang = release["id"], release["lang"]
        if release_id not in groups:
            groups[release_id] = (release_id, release["title"], {})
        elif groups[release_id][1] is None and release["title"]:
            groups[release_id] = (release_id, release["title"], groups[release_id][2])
        groups[release_id][2][lang] = release
    return list(groups.values())


def not_ready(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Release/language pairs that are not ready: broken files first, then the ones closest to ready."""
    pending = [release for release in data["releases"] if not release["ready"]]
    return sorted(pending, key=lambda r: (r["state"] != "broken", _remaining(r), r["id"], r["lang"]))


def _remaining(release: dict[str, Any]) -> int:
    return release["untranslated"] + release["draft"] + release["fuzzy"] + (release["qa_errors"] or 0)


def sparkline(values: list[float | None]) -> str:
    """Shares 0-100 as block characters, one per point (a space where a language had no files yet)."""
    return "".join(
        " " if value is None else SPARK_BLOCKS[min(len(SPARK_BLOCKS) - 1, int(value / 100 * len(SPARK_BLOCKS)))]
        for value in values
    )


def history_series(data: dict[str, Any]) -> dict[str, list[float | None]]:
    """Per language code, its share at each history point (None before it had files)."""
    points = data["history"]["points"]
    return {code: [point["languages"].get(code) for point in points] for code in data["languages"]}


def notes(data: dict[str, Any]) -> list[str]:
    """Plain sentences about what the report could not include."""
    lines = []
    if not data["qa"]["available"]:
        lines.append(f"QA errors not counted ({data['qa']['reason']}); no release is called ready without them.")
    if data["broken"]:
        lines.append(f"{plural(len(data['broken']), 'PO file')} could not be read and are counted as broken.")
    if not data["history"]["available"]:
        lines.append(f"No history: {data['history']['reason']}.")
    return lines


def broken_lines(data: dict[str, Any]) -> list[str]:
    """Broken files in compiler form: ``path:line: message``."""
    return [
        f"{item['path']}:{item['line']}: {item['message']}" if item["line"] else f"{item['path']}: {item['message']}"
        for item in data["broken"]
    ]
