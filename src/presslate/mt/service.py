"""The translate use case: fill one language's untranslated PO entries with drafts from memory, cache or an engine.

Order of sources for each entry: the translation memory (people's own earlier translations), then the
cache of earlier engine answers, then the engine. Entries a person translated are never touched; fuzzy
ones only on request, keeping the person's text in a comment. Engine requests run in a thread pool
with a timeout, retries with exponential backoff on timeouts, 429 and 5xx, and a stop after repeated
failures. Each PO file is written (atomically, under the workspace lock, merged into what is on disk
then) as soon as its entries are done, so an interrupted run keeps its drafts and the next one goes on.
"""

from __future__ import annotations

import dataclasses
import logging
import random
import re
import threading
from collections.abc import Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlsplit

from presslate.catalog.model import DRAFT_PREFIX, Catalog, Message, draft_comment
from presslate.catalog.pofile import read_po, write_po
from presslate.errors import ConfigError, EngineError, UsageError
from presslate.fileio import workspace_lock
from presslate.mt import MT_ENGINES
from presslate.mt.cache import CACHE_FILE, TranslationCache, open_cache
from presslate.mt.memory import DEFAULT_MIN_SCORE, ENGINE_NAME as MEMORY_ENGINE, TranslationMemory
from presslate.mt.protect import MaskedText, Protector, Restored
from presslate.mt.qa import draft_findings
from presslate.workspace import Workspace, safe_release_id

if TYPE_CHECKING:
    from presslate.glossary import Glossary
    from presslate.mt.engines import Engine, EngineSettings

log = logging.getLogger(__name__)

NOTE_PREFIX = "draft note:"
PREVIOUS_PREFIX = "previous fuzzy translation:"
ENV_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
MAX_CONCURRENCY = 64
MAX_BACKOFF = 30.0

OUTCOME_MEMORY = "memory"
OUTCOME_CACHE = "cache"
OUTCOME_ENGINE = "engine"
OUTCOME_GLOSSARY = "glossary"
OUTCOME_FAILED = "failed"


# ------------------------------------------------------------------------------------------ settings


@dataclass(frozen=True)
class TranslateSettings:
    """The ``[translate]`` section of ``l10n/config.toml``, validated; command-line options override it."""

    engine: str = MEMORY_ENGINE
    concurrency: int = 4
    timeout: float = 30.0
    retries: int = 4
    backoff: float = 0.5
    max_failures: int = 5
    tm_min_score: float = DEFAULT_MIN_SCORE
    memory: bool = True
    base_url: str | None = None
    key_env: Mapping[str, str] = field(default_factory=dict)
    model: str | None = None
    region: str | None = None

    @classmethod
    def from_config(cls, section: Mapping[str, Any], *, path: Path | None = None) -> TranslateSettings:
        """Validate a ``[translate]`` table; unknown keys and bad values are configuration errors."""
        known = {f.name for f in dataclasses.fields(cls)}
        if "api_key" in section or any(key.endswith("_key") for key in section):
            raise ConfigError("[translate] API keys never go in the configuration: set an environment variable "
                              "and, if it is not the default one, name it in key_env", path=path)
        unknown = sorted(set(section) - known)
        if unknown:
            raise ConfigError(f"[translate] unknown key(s): {', '.join(unknown)} (known: {', '.join(sorted(known))})",
                              path=path)
        values: dict[str, Any] = {}
        for name, value in section.items():
            values[name] = _validated(name, value, path)
        return cls(**values).checked(path=path)

    def override(self, **changes: Any) -> TranslateSettings:
        """These settings with the options given on the command line (None means not given)."""
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None}).checked()

    def checked(self, *, path: Path | None = None) -> TranslateSettings:
        if self.engine not in (MEMORY_ENGINE, *MT_ENGINES):
            raise ConfigError(f"[translate] engine must be one of {MEMORY_ENGINE}, {', '.join(MT_ENGINES)}; "
                              f"got {self.engine!r}", path=path)
        if not 1 <= self.concurrency <= MAX_CONCURRENCY:
            raise UsageError(f"concurrency must be between 1 and {MAX_CONCURRENCY}")
        if self.base_url is not None:
            parts = urlsplit(self.base_url)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise UsageError(f"the base URL must be an http:// or https:// address, got {self.base_url!r}")
        return self


def _validated(name: str, value: Any, path: Path | None) -> Any:
    def fail(expected: str) -> ConfigError:
        return ConfigError(f"[translate] {name} must be {expected}", path=path)

    if name in ("concurrency", "retries", "max_failures"):
        if not isinstance(value, int) or isinstance(value, bool) or value < (0 if name == "retries" else 1):
            raise fail("a positive integer" if name != "retries" else "an integer >= 0")
        return value
    if name in ("timeout", "backoff", "tm_min_score"):
        if not isinstance(value, (int, float)) or isinstance(value, bool) or value <= 0 \
                or (name == "tm_min_score" and value > 100):
            raise fail("a number in (0, 100]" if name == "tm_min_score" else "a positive number (seconds)")
        return float(value)
    if name == "memory":
        if not isinstance(value, bool):
            raise fail("true or false")
        return value
    if name == "key_env":
        if not isinstance(value, dict) or not all(isinstance(v, str) and ENV_NAME_RE.match(v) for v in value.values()):
            raise fail('a table of engine = "VARIABLE_NAME", e.g. key_env = {deepl = "DEEPL_KEY"}')
        strange = sorted(set(value) - set(MT_ENGINES))
        if strange:
            raise fail(f"keyed by engine names ({', '.join(MT_ENGINES)}), not {', '.join(strange)}")
        return dict(value)
    if not isinstance(value, str) or not value:
        raise fail("a non-empty string")
    return value


# ------------------------------------------------------------------------------------------- results


@dataclass
class ReleaseTally:
    """What happened (or, in a dry run, would happen) to one release's entries."""

    release: str
    selected: int = 0
    memory: int = 0
    memory_exact: int = 0
    cache: int = 0
    engine: int = 0
    glossary: int = 0
    failed: int = 0
    no_match: int = 0
    qa_failed: int = 0
    noted: int = 0
    send_entries: int = 0
    send_characters: int = 0

    @property
    def drafted(self) -> int:
        return self.memory + self.cache + self.engine + self.glossary

    def add(self, other: ReleaseTally) -> None:
        for item in dataclasses.fields(self):
            if item.name != "release":
                setattr(self, item.name, getattr(self, item.name) + getattr(other, item.name))


@dataclass
class TranslateResult:
    """The outcome of a run: per-release tallies, files written, requests sent, and why it stopped early."""

    lang: str
    engine: str
    dry_run: bool = False
    releases: list[ReleaseTally] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    requests: int = 0
    distinct_texts: int = 0
    stopped: EngineError | None = None
    interrupted: bool = False

    @property
    def total(self) -> ReleaseTally:
        total = ReleaseTally("total")
        for tally in self.releases:
            total.add(tally)
        return total


class ProgressListener(Protocol):
    """Told how far a run is (the command line draws a progress bar with it)."""

    def start(self, total: int) -> None: ...

    def advance(self, outcome: str) -> None: ...


# ------------------------------------------------------------------------------------------ planning


@dataclass
class Draft:
    """A translation to write into one entry, with the comments that go with it."""

    text: str
    comments: list[str]
    expected_msgstr: str


@dataclass
class Entry:
    """One entry to draft: where it is, what it says, and how its source is masked."""

    release: str
    message: Message
    masked: MaskedText | None = None
    restored: Restored | None = None

    @property
    def key(self) -> tuple[str | None, str]:
        return self.message.key


def eligible(message: Message, *, include_fuzzy: bool) -> bool:
    """True for entries a draft may fill: untranslated ones, and fuzzy ones when asked; never a person's translation."""
    if message.obsolete or message.msgid_plural is not None or not message.msgid:
        return False
    if not message.msgstr:
        return True
    return include_fuzzy and message.fuzzy


def apply_drafts(catalog: Catalog, drafts: Mapping[tuple[str | None, str], Draft], *, include_fuzzy: bool) -> int:
    """Write drafts into the entries still as they were when drafting began; returns how many were applied."""
    applied = 0
    for message in catalog.messages:
        draft = drafts.get(message.key)
        if draft is None or not eligible(message, include_fuzzy=include_fuzzy) or message.msgstr != draft.expected_msgstr:
            continue
        comments = [c for c in message.translator_comments if not c.startswith((DRAFT_PREFIX, NOTE_PREFIX))]
        if message.msgstr and not message.draft:
            comments.append(f"{PREVIOUS_PREFIX} {_one_line(message.msgstr)}")
        message.translator_comments = [*comments, *draft.comments]
        message.msgstr = draft.text
        message.set_fuzzy(True)
        applied += 1
    return applied


def _one_line(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n")


def _chosen_releases(files: Mapping[str, Path], release_ids: list[str] | None, lang: str) -> list[str]:
    if not files:
        raise UsageError(f"no PO files for {lang!r} under locales/{lang}/; run 'presslate sync' first")
    if not release_ids:
        return list(files)
    chosen = []
    for release_id in release_ids:
        safe_release_id(release_id)
        if release_id not in files:
            raise UsageError(f"no PO file for release {release_id!r} in {lang!r} (locales/{lang}/{release_id}.po); "
                             "check the id or run 'presslate sync'")
        chosen.append(release_id)
    return list(dict.fromkeys(chosen))


def _load_glossary(workspace: Workspace) -> Glossary | None:
    from presslate.glossary import load_glossary

    path = workspace.glossary_path
    return load_glossary(path) if path.exists() else None


def _term_matcher(glossary: Glossary | None) -> Any:
    if glossary is None or not glossary.terms:
        return None
    from presslate.terms import TermMatcher

    return TermMatcher(glossary)


# ------------------------------------------------------------------------------------------ the run


def translate_workspace(
    workspace: Workspace,
    *,
    lang: str,
    settings: TranslateSettings | None = None,
    release_ids: list[str] | None = None,
    include_fuzzy: bool = False,
    dry_run: bool = False,
    progress: ProgressListener | None = None,
    environ: Mapping[str, str] | None = None,
) -> TranslateResult:
    """Draft the untranslated entries of ``lang`` (all releases, or the chosen ones); see the module docstring."""
    settings = settings or TranslateSettings.from_config(workspace.config.section("translate"),
                                                         path=workspace.config.path)
    lang = workspace.select_languages([lang])[0]
    files = workspace.po_files(lang)
    chosen = _chosen_releases(files, release_ids, lang)
    catalogs = {release_id: read_po(path) for release_id, path in files.items()}
    memory = TranslationMemory.from_catalogs(catalogs.items())
    glossary = _load_glossary(workspace)
    protector = Protector(lang=lang, matcher=_term_matcher(glossary), source_lang=workspace.config.source_language)
    run = _Run(workspace, lang, settings, glossary, protector, include_fuzzy, progress, environ)
    log.info("translation memory for %s: %d sentences from %d file(s)", lang, len(memory), len(files))
    plan = run.plan(chosen, catalogs, memory)
    if dry_run:
        return run.dry_run(plan)
    return run.execute(plan, {release_id: files[release_id] for release_id in chosen})


@dataclass
class _Plan:
    tallies: dict[str, ReleaseTally]
    memory_drafts: list[tuple[Entry, Draft]]
    local_drafts: list[Entry]
    engine_entries: list[Entry]
    pending: dict[str, int]


@dataclass
class _Fetched:
    translation: str | None = None
    error: EngineError | None = None
    from_cache: bool = False
    requests: int = 0
    fatal: bool = False
    cancelled: bool = False


@dataclass
class _Job:
    text: str
    entries: list[Entry]
    plain: bool = False


class _Run:
    """State of one translate run (kept off the public API)."""

    def __init__(self, workspace: Workspace, lang: str, settings: TranslateSettings, glossary: Glossary | None,
                 protector: Protector, include_fuzzy: bool, progress: ProgressListener | None,
                 environ: Mapping[str, str] | None) -> None:
        self.workspace = workspace
        self.lang = lang
        self.source_lang = workspace.config.source_language
        self.settings = settings
        self.glossary = glossary
        self._protector = protector
        self.include_fuzzy = include_fuzzy
        self.progress = progress
        self.environ = environ
        self.result = TranslateResult(lang=lang, engine=settings.engine)
        self._stop = threading.Event()
        self._random = random.Random()

    # -- planning

    def plan(self, chosen: list[str], catalogs: Mapping[str, Catalog], memory: TranslationMemory) -> _Plan:
        plan = _Plan({}, [], [], [], {})
        use_engine = self.settings.engine != MEMORY_ENGINE
        use_memory = self.settings.memory or not use_engine
        for release_id in chosen:
            tally = plan.tallies[release_id] = ReleaseTally(release_id)
            self.result.releases.append(tally)
            for message in catalogs[release_id].messages:
                if not eligible(message, include_fuzzy=self.include_fuzzy):
                    continue
                tally.selected += 1
                entry = Entry(release_id, message)
                match = memory.lookup(message.msgid, min_score=self.settings.tm_min_score) if use_memory else None
                if match is not None:
                    tally.memory_exact += int(match.exact)
                    comment = draft_comment(MEMORY_ENGINE, score=match.score, origin=match.origin)
                    plan.memory_drafts.append((entry, Draft(match.translation, [comment], message.msgstr)))
                elif not use_engine:
                    tally.no_match += 1
                    continue
                else:
                    entry.masked = self._protector.mask(message.msgid)
                    if entry.masked.needs_engine:
                        plan.engine_entries.append(entry)
                    else:
                        entry.restored = self._protector.restore(entry.masked, entry.masked.text)
                        plan.local_drafts.append(entry)
                plan.pending[release_id] = plan.pending.get(release_id, 0) + 1
        return plan

    def dry_run(self, plan: _Plan) -> TranslateResult:
        self.result.dry_run = True
        for entry, _ in plan.memory_drafts:
            plan.tallies[entry.release].memory += 1
        for entry in plan.local_drafts:
            plan.tallies[entry.release].glossary += 1
        cache = self._existing_cache()
        seen: set[str] = set()
        cache_id = self._cache_id()
        try:
            for entry in plan.engine_entries:
                tally = plan.tallies[entry.release]
                text = entry.masked.text if entry.masked else entry.message.msgid
                if cache is not None and cache.get(engine=cache_id, source=self.source_lang, target=self.lang,
                                                   text=text) is not None:
                    tally.cache += 1
                    continue
                tally.send_entries += 1
                if text not in seen:
                    seen.add(text)
                    tally.send_characters += len(text)
        finally:
            if cache is not None:
                cache.close()
        self.result.distinct_texts = len(seen)
        return self.result

    def _existing_cache(self) -> TranslationCache | None:
        path = self.workspace.cache_dir / CACHE_FILE
        return TranslationCache(path) if path.exists() else None

    def _cache_id(self) -> str:
        if self.settings.engine == MEMORY_ENGINE:
            return MEMORY_ENGINE
        from presslate.mt.engines import engine_cache_id

        return engine_cache_id(self._engine_settings())

    def _engine_settings(self) -> EngineSettings:
        from presslate.mt.engines import EngineSettings, resolve_api_key

        name = self.settings.engine
        key, variable = resolve_api_key(name, key_env=self.settings.key_env, environ=self.environ)
        return EngineSettings(name=name, api_key=key, key_variable=variable, base_url=self.settings.base_url,
                              timeout=self.settings.timeout, model=self.settings.model, region=self.settings.region)

    # -- execution

    def execute(self, plan: _Plan, paths: Mapping[str, Path]) -> TranslateResult:
        engine = None
        if plan.engine_entries:
            from presslate.mt.engines import create_engine

            engine = create_engine(self._engine_settings())  # fails here, before anything is written
        self.writer = _DraftWriter(self.workspace, paths, plan.pending, self.include_fuzzy, self.result)
        if self.progress is not None:
            self.progress.start(sum(plan.pending.values()))
        self.tallies = plan.tallies
        try:
            for entry, draft in plan.memory_drafts:
                self._deliver(entry, draft, OUTCOME_MEMORY)
            for entry in plan.local_drafts:  # nothing left to translate once terms and tokens are put back
                self._deliver_restored(entry, entry.restored or Restored(entry.message.msgid), OUTCOME_GLOSSARY,
                                       engine=OUTCOME_GLOSSARY)
            if engine is not None:
                with open_cache(self.workspace.cache_dir) as cache:
                    self._translate(engine, cache, plan.engine_entries)
        except KeyboardInterrupt:
            self._stop.set()
            self.result.interrupted = True
        finally:
            self.writer.flush_all()
        return self.result

    def _translate(self, engine: Engine, cache: TranslationCache, entries: list[Entry]) -> None:
        jobs: dict[str, _Job] = {}
        for entry in entries:
            text = entry.masked.text if entry.masked else entry.message.msgid
            jobs.setdefault(text, _Job(text, [])).entries.append(entry)
        pool = ThreadPoolExecutor(max_workers=self.settings.concurrency, thread_name_prefix="presslate-mt")
        pending: dict[Future[_Fetched], _Job] = {}

        def submit(job: _Job) -> None:
            pending[pool.submit(self._fetch, engine, cache, job.text)] = job

        for job in jobs.values():
            submit(job)
        failures = 0
        plain_jobs: dict[str, _Job] = {}
        try:
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    job = pending.pop(future)
                    fetched = future.result()
                    self.result.requests += fetched.requests
                    if fetched.cancelled:
                        continue
                    if fetched.error is not None:
                        self._fail(job)
                        failures += 1
                        if fetched.fatal:
                            raise fetched.error
                        if failures >= self.settings.max_failures:
                            raise self._stopping(engine, fetched.error, failures)
                        continue
                    failures = 0
                    for retry in self._received(job, fetched):
                        known = plain_jobs.get(retry.text)
                        if known is None:
                            plain_jobs[retry.text] = retry
                            submit(retry)
                        else:
                            known.entries += retry.entries
        except EngineError as exc:
            self.result.stopped = exc
        except KeyboardInterrupt:
            self.result.interrupted = True
            raise
        finally:
            self._stop.set()
            for future in pending:
                future.cancel()
            pool.shutdown(wait=not self.result.interrupted, cancel_futures=True)

    def _stopping(self, engine: Engine, error: EngineError, failures: int) -> EngineError:
        return EngineError(f"stopped: the {engine.name} engine failed {failures} time(s) in a row "
                           f"(last: {error.message}); the drafts received so far are saved, "
                           "run the same command again to continue")

    def _fetch(self, engine: Engine, cache: TranslationCache, text: str) -> _Fetched:
        """Runs in a worker thread: the cached answer, or the engine's with retries; errors are returned."""
        from presslate.mt.engines import EngineFailure

        key = {"engine": engine.cache_id, "source": self.source_lang, "target": self.lang, "text": text}
        cached = cache.get(**key)
        if cached is not None:
            return _Fetched(cached, from_cache=True)
        sent = 0
        for attempt in range(self.settings.retries + 1):
            if self._stop.is_set():
                return _Fetched(cancelled=True, requests=sent)
            sent += 1
            try:
                answer = engine.translate(text, self.source_lang, self.lang)
            except EngineFailure as exc:
                if not exc.retryable or attempt == self.settings.retries:
                    return _Fetched(error=exc, requests=sent)
                pause = self._pause(attempt, exc.retry_after)
                log.info("%s: %s; retrying in %.2f s", engine.name, exc.message, pause)
                if self._stop.wait(pause):
                    return _Fetched(cancelled=True, requests=sent)
                continue
            except EngineError as exc:  # a setup error (key refused, language unknown, quota): no point going on
                return _Fetched(error=exc, requests=sent, fatal=True)
            cache.put(translation=answer, **key)
            return _Fetched(answer, requests=sent)
        raise AssertionError("unreachable")

    def _pause(self, attempt: int, retry_after: float | None) -> float:
        """Exponential backoff with jitter (or the server's Retry-After when it is longer)."""
        pause = min(MAX_BACKOFF, self.settings.backoff * (2 ** attempt)) * self._random.uniform(0.5, 1.0)
        return max(pause, retry_after or 0.0)

    def _received(self, job: _Job, fetched: _Fetched) -> list[_Job]:
        """Turn an answer into drafts; entries whose placeholders came back wrong go round again, unmasked."""
        outcome = OUTCOME_CACHE if fetched.from_cache else OUTCOME_ENGINE
        retries: dict[str, _Job] = {}
        for entry in job.entries:
            masked = entry.masked or MaskedText(entry.message.msgid, entry.message.msgid)
            if job.plain:
                fixed = self._protector.substitute(masked, fetched.translation or "")
                problems = [*(entry.restored.problems if entry.restored else []), *fixed.problems]
                note = f"placeholders came back wrong ({'; '.join(entry.restored.problems)}); translated again " \
                       "without them" if entry.restored else ""
                self._deliver_restored(entry, Restored(fixed.text, problems), outcome,
                                       note=note + (f"; {'; '.join(fixed.problems)}" if fixed.problems else ""))
                continue
            restored = self._protector.restore(masked, fetched.translation or "")
            if restored.ok or not masked.masked:
                self._deliver_restored(entry, restored, outcome)
                continue
            entry.restored = restored
            retries.setdefault(masked.source, _Job(masked.source, [], plain=True)).entries.append(entry)
        return list(retries.values())

    def _fail(self, job: _Job) -> None:
        for entry in job.entries:
            if job.plain and entry.restored is not None:  # keep the masked attempt, saying what went wrong
                self._deliver_restored(entry, entry.restored, OUTCOME_ENGINE,
                                       note=f"placeholders came back wrong ({'; '.join(entry.restored.problems)}); "
                                            "the retry without them failed")
                continue
            self.tallies[entry.release].failed += 1
            self._advance(OUTCOME_FAILED)
            self.writer.resolve(entry.release)

    def _deliver_restored(self, entry: Entry, restored: Restored, outcome: str, *, note: str = "",
                          engine: str | None = None) -> None:
        comments = [draft_comment(engine or self.settings.engine)]
        if note:
            comments.append(f"{NOTE_PREFIX} {note}")
            self.tallies[entry.release].noted += 1
        self._deliver(entry, Draft(restored.text, comments, entry.message.msgstr), outcome)

    def _deliver(self, entry: Entry, draft: Draft, outcome: str) -> None:
        tally = self.tallies[entry.release]
        setattr(tally, outcome, getattr(tally, outcome) + 1)
        candidate = dataclasses.replace(entry.message, msgstr=draft.text, flags=[*entry.message.flags],
                                        translator_comments=list(draft.comments))
        candidate.set_fuzzy(True)
        findings = draft_findings(candidate, lang=self.lang, glossary=self.glossary, release=entry.release,
                                  source_lang=self.source_lang)
        if findings:
            tally.qa_failed += 1
            for finding in findings:
                log.info("%s: draft of %r: %s", entry.release, entry.message.msgid[:60], finding)
        self.writer.add(entry.release, entry.key, draft)
        self._advance(outcome)

    def _advance(self, outcome: str) -> None:
        if self.progress is not None:
            self.progress.advance(outcome)


class _DraftWriter:
    """Collects drafts per PO file and writes a file as soon as all its entries are resolved."""

    def __init__(self, workspace: Workspace, paths: Mapping[str, Path], pending: Mapping[str, int],
                 include_fuzzy: bool, result: TranslateResult) -> None:
        self.workspace = workspace
        self.paths = paths
        self.remaining = dict(pending)
        self.include_fuzzy = include_fuzzy
        self.result = result
        self.drafts: dict[str, dict[tuple[str | None, str], Draft]] = {}

    def add(self, release: str, key: tuple[str | None, str], draft: Draft) -> None:
        self.drafts.setdefault(release, {})[key] = draft
        self.resolve(release)

    def resolve(self, release: str) -> None:
        self.remaining[release] -= 1
        if self.remaining[release] == 0:
            self._save(release)

    def flush_all(self) -> None:
        for release in list(self.drafts):
            self._save(release)

    def _save(self, release: str) -> None:
        drafts = self.drafts.pop(release, None)
        if not drafts:
            return
        path = self.paths[release]
        with workspace_lock(self.workspace.lock_path):
            catalog = read_po(path)  # what is on disk now: a translator may have saved meanwhile
            if apply_drafts(catalog, drafts, include_fuzzy=self.include_fuzzy):
                if write_po(path, catalog, width=self.workspace.config.wrap_width):
                    self.result.written.append(path)
