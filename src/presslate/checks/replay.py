"""Replaying an identical ``presslate check``: when no input changed since the same request, its output is reused.

The key covers everything the output depends on: presslate's source, the configuration file,
the glossary file, the content of every PO file (and release file) the run would read, the
request (paths, languages, format, thresholds) and the user's cache key. Anything else means
the checks run as usual.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from presslate.checks.cache import CheckCache, code_signature, machine_key
from presslate.checks.files import files_stamp, language_files
from presslate.workspace import Workspace

if TYPE_CHECKING:
    from presslate.checks.files import CheckFiles

REPLAY_PART = "replay"


@dataclass
class Replay:
    """A finished run as the command printed it: the report text, the error and summary lines, the exit status."""

    output: str
    messages: list[str]
    status: int


def request_key(workspace: Workspace, files: CheckFiles, *, paths: list[Path] | None,
                options: dict[str, Any]) -> str | None:
    """The key of this request with the current inputs (``files``: what the run will read); None without a cache key.

    Files count by their stamps (size, times, inode: what :class:`~presslate.checks.files.Digests`
    trusts too), so nothing is read: any write to a file changes its key. A file touched but not
    changed costs a run from the per-file cache, not a wrong replay.
    """
    secret = machine_key()
    if secret is None or files.digests.store is None:
        return None
    jobs = list(files.jobs)
    if paths:  # consistency is judged against every PO file of the workspace's languages
        seen = {job.rel for job in jobs}
        jobs += [job for lang in workspace.config.languages
                 for job in language_files(workspace, lang, files.digests, skip=seen)]
    digest = hashlib.sha256()
    for part in (secret, code_signature(), json.dumps(options, sort_keys=True),
                 _file_digest(workspace.config.path), _file_digest(workspace.glossary_path),
                 *(str(error) for error in files.errors)):
        digest.update(part.encode("utf-8") + b"\0")
    for job in sorted(jobs, key=lambda job: job.rel):
        stamp = job.stamp if job.stamp is not None else files_stamp(job.path, job.release_path)
        digest.update(f"{job.rel}\0{stamp}\n".encode())
    return digest.hexdigest()


def load_replay(workspace: Workspace, key: str) -> Replay | None:
    """The stored run of this key, if any."""
    value = CheckCache(workspace.cache_dir / "check", key).get(REPLAY_PART, "last", key)
    if not isinstance(value, dict):
        return None
    try:
        return Replay(str(value["output"]), [str(line) for line in value["messages"]], int(value["status"]))
    except (KeyError, TypeError, ValueError):
        return None


def store_replay(workspace: Workspace, key: str, replay: Replay) -> None:
    """Keep this run's output for an identical request (one request is kept: the last)."""
    store = CheckCache(workspace.cache_dir / "check", key)
    store.put(REPLAY_PART, "last", key, {"output": replay.output, "messages": replay.messages,
                                         "status": replay.status})
    store.save()


def _file_digest(path: Path | None) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest() if path is not None else ""
    except OSError:
        return "missing"
