"""Build a workspace from the real seed pages with hand-made translations, for status tests and the screenshot.

Run as a script to build one for a look or a screenshot:
``PYTHONPATH=src python tests/report/status_workspace.py /tmp/status-demo`` (adds a git history of four weeks).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from presslate.catalog.model import draft_comment
from presslate.catalog.pofile import read_po, write_po
from presslate.ingest.service import ingest_pages
from presslate.sync import sync_workspace
from presslate.workspace import Workspace, init_workspace

REPO = Path(__file__).resolve().parents[2]
PAGES = sorted((REPO / "examples" / "pages").glob("*.txt"))
TRANSLATIONS = json.loads((REPO / "tests" / "data" / "report" / "seed_translations.json").read_text(encoding="utf-8"))
EGYPT = "iom-and-egypt-hold-regional-partners-briefing-on"
IRAQ_TRAINING = "iom-trains-iraq-government-authorities-in-migration-crisis"
TRANSLATORS = {
    "fr": "Claire Martin <claire.martin@example.org>",
    "ko": "Min-jun Park <minjun.park@example.org>",
    "es": "Javier Ortega <javier.ortega@example.org>",
    "ar": "Layla Haddad <layla.haddad@example.org>",
}
SYNC_TIME = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.timezone.utc)


def build_seed_workspace(root: Path, *, languages: tuple[str, ...] = ("ko", "fr", "es", "ar")) -> Workspace:
    """init + ingest the five seed pages + sync, without translations."""
    workspace = init_workspace(root, languages=list(languages), name="IOM press releases")
    result = ingest_pages(workspace, PAGES)
    assert not result.errors, result.errors
    synced = sync_workspace(workspace, now=SYNC_TIME, use_state=False)
    assert not synced.errors, synced.errors
    return workspace


def fill(
    workspace: Workspace,
    lang: str,
    release_id: str,
    *,
    translated: dict[str, str] | None = None,
    drafts: dict[str, str] | None = None,
    fuzzy: list[str] | None = None,
    complete: bool = False,
    when: str = "2026-11-20 09:30+0000",
) -> Path:
    """Translate messages of one PO file like a translator would, and set its header."""
    path = workspace.po_path(lang, release_id)
    catalog = read_po(path)
    translated = translated or {}
    for message in catalog.active():
        if message.msgid in translated:
            message.msgstr = translated[message.msgid]
        elif complete:
            message.msgstr = message.msgid  # names, e-mails: published verbatim
        if drafts and message.msgid in drafts:
            message.msgstr = drafts[message.msgid]
            message.set_fuzzy(True)
            message.translator_comments.append(draft_comment("deepl"))
        if fuzzy and message.msgid in fuzzy:
            message.set_fuzzy(True)
    catalog.header["Last-Translator"] = TRANSLATORS.get(lang, "Ana Duarte <ana.duarte@example.org>")
    catalog.header["PO-Revision-Date"] = when
    write_po(path, catalog)
    return path


def fill_seed_translations(workspace: Workspace) -> None:
    """Every hand-made translation, draft and fuzzy entry of ``seed_translations.json``; fr Egypt release complete."""
    for lang, releases in TRANSLATIONS["translated"].items():
        if lang not in workspace.config.languages:
            continue
        for release_id, pairs in releases.items():
            fill(
                workspace, lang, release_id, translated=pairs,
                drafts=TRANSLATIONS["drafts"].get(lang, {}).get(release_id),
                fuzzy=TRANSLATIONS["fuzzy"].get(lang, {}).get(release_id),
                complete=(lang, release_id) == ("fr", EGYPT),
            )


def git(root: Path, *args: str, when: dt.datetime | None = None) -> str:
    """Run git in ``root`` with a fixed identity (and dates, for history)."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"}
    if when is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = when.isoformat()
    done = subprocess.run(["git", "-C", str(root), *args], env=env, capture_output=True, text=True, check=True)
    return done.stdout


def commit_all(root: Path, message: str, when: dt.datetime) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, when=when)


def build_demo_workspace(root: Path, *, today: dt.date | None = None) -> Workspace:
    """The seed workspace with four weeks of git history: translations arrive week by week."""
    day = today or dt.datetime.now(dt.timezone.utc).date()
    noon = dt.datetime.combine(day, dt.time(12), tzinfo=dt.timezone.utc)
    root.mkdir(parents=True, exist_ok=True)
    git(root, "init", "-q")
    workspace = build_seed_workspace(root)
    commit_all(root, "Ingest and sync the seed releases", noon - dt.timedelta(weeks=4))
    fr = TRANSLATIONS["translated"]["fr"][EGYPT]
    first_half = dict(list(fr.items())[:7])
    fill(workspace, "fr", EGYPT, translated=first_half)
    fill(workspace, "ko", EGYPT, translated=TRANSLATIONS["translated"]["ko"][EGYPT])
    commit_all(root, "First French and Korean translations", noon - dt.timedelta(weeks=3))
    fill(workspace, "fr", EGYPT, translated=fr, complete=True)
    fill(workspace, "es", EGYPT, translated=TRANSLATIONS["translated"]["es"][EGYPT])
    commit_all(root, "French Egypt release done, Spanish started", noon - dt.timedelta(weeks=2))
    fill_seed_translations(workspace)
    commit_all(root, "Korean Iraq training release with MT drafts, Arabic titles", noon - dt.timedelta(weeks=1))
    return workspace


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/status-demo")
    build_demo_workspace(target)
    print(f"built {target}")
