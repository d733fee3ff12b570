"""Machine-translation engines behind one small protocol; the only module that imports deep-translator.

deep-translator does the talking to each service (request building, answer parsing); this module adds
what a batch run over hundreds of sentences needs and deep-translator leaves out:

- a timeout per request: deep-translator calls ``requests.get/post`` without one, so its engine modules
  are given a stand-in for the ``requests`` module that sends through one keep-alive session per thread,
  applies the timeout of the current call and remembers the HTTP status and transport error;
- failures told apart by their cause (timeout, 429 and 5xx can be retried; a refused key cannot);
- API keys that never leak: error messages are built from status codes, never from exception text (some
  deep-translator exceptions and request URLs carry the key), and every log record of the process has
  the keys in use replaced by ``***``;
- one translator object per thread and language pair (deep-translator's objects keep per-call state).
"""

from __future__ import annotations

import dataclasses
import email.utils
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import quote, quote_plus, urlsplit

import requests
from babel import Locale
from babel.core import get_global
from deep_translator import (
    ChatGptTranslator,
    DeeplTranslator,
    GoogleTranslator,
    LibreTranslator,
    MicrosoftTranslator,
    MyMemoryTranslator,
)
from deep_translator import constants as dt_constants
from deep_translator import deepl as dt_deepl
from deep_translator import google as dt_google
from deep_translator import libre as dt_libre
from deep_translator import microsoft as dt_microsoft
from deep_translator import mymemory as dt_mymemory
from deep_translator.exceptions import LanguageNotSupportedException, NotValidLength, NotValidPayload

from presslate.errors import EngineError
from presslate.languages import base_language
from presslate.mt import MT_ENGINES

log = logging.getLogger(__name__)

ENGINE_NAMES = MT_ENGINES
KEY_REQUIRED = frozenset({"deepl", "microsoft", "chatgpt"})
DEFAULT_CHATGPT_MODEL = "gpt-3.5-turbo"
MAX_RETRY_AFTER = 60.0
REDACTED = "***"


def default_key_variable(engine: str) -> str:
    """The environment variable read for an engine's API key unless the config names another one."""
    return f"PRESSLATE_{engine.upper()}_API_KEY"


class Engine(Protocol):
    """What the translate use case needs from a machine-translation engine."""

    name: str

    @property
    def cache_id(self) -> str:
        """What identifies the engine's output in the cache (the name, plus the model where there is one)."""
        ...

    def translate(self, text: str, source: str, target: str) -> str:
        """Translate one text; raises :class:`EngineFailure` or :class:`EngineSetupError`."""
        ...


# ---------------------------------------------------------------------------------------------- errors


class EngineSetupError(EngineError):
    """The engine cannot work as configured (no key, a refused key, no such language): stop at once."""


class EngineFailure(EngineError):
    """One request failed; ``retryable`` says whether trying the same request again may help."""

    retryable = False

    def __init__(self, message: str, *, engine: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.engine = engine
        self.retry_after = retry_after


class TransientEngineError(EngineFailure):
    """A timeout, a refused connection, HTTP 429 or 5xx: worth retrying after a pause."""

    retryable = True


class EngineAnswerError(EngineFailure):
    """The engine answered, but not with a translation (an error status, garbage, nothing)."""


# ----------------------------------------------------------------------------------- keys and secrets


class SecretRedactor:
    """Remembers the secrets in use and blanks them out of any text (plain and URL-encoded forms)."""

    def __init__(self) -> None:
        self._forms: set[str] = set()
        self._lock = threading.Lock()

    def add(self, secret: str) -> None:
        if not secret:
            return
        with self._lock:
            self._forms.update({secret, quote_plus(secret), quote(secret, safe="")})

    def redact(self, text: str) -> str:
        for form in sorted(self._forms, key=len, reverse=True):
            if form in text:
                text = text.replace(form, REDACTED)
        return text

    def __bool__(self) -> bool:
        return bool(self._forms)


SECRETS = SecretRedactor()
_factory_lock = threading.Lock()
_factory_installed = False


def _install_log_redaction() -> None:
    """Make every log record of the process (urllib3's request lines included) free of the keys in use."""
    global _factory_installed
    with _factory_lock:
        if _factory_installed:
            return
        previous = logging.getLogRecordFactory()

        def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
            record = previous(*args, **kwargs)
            if SECRETS:
                _redact_record(record)
            return record

        logging.setLogRecordFactory(factory)
        _factory_installed = True


def _redact_record(record: logging.LogRecord) -> None:
    try:
        message = record.getMessage()
    except Exception:  # a malformed record: leave the formatting error to logging
        return
    record.msg, record.args = SECRETS.redact(message), None
    if record.exc_info:
        record.exc_text = SECRETS.redact(logging.Formatter().formatException(record.exc_info))
        record.exc_info = None
    if record.stack_info:
        record.stack_info = SECRETS.redact(record.stack_info)


def resolve_api_key(engine: str, *, key_env: Mapping[str, str] | None = None,
                    environ: Mapping[str, str] | None = None) -> tuple[str | None, str]:
    """The API key for ``engine`` and the environment variable it was read from (keys never come from elsewhere)."""
    variable = (key_env or {}).get(engine) or default_key_variable(engine)
    value = (environ if environ is not None else os.environ).get(variable, "").strip()
    return (value or None), variable


# -------------------------------------------------------------------------- HTTP: timeout and recording


class _CallState(threading.local):
    """What the current thread's engine call set up and what its last HTTP request did."""

    timeout: float | None = None
    status: int | None = None
    error: BaseException | None = None
    retry_after: float | None = None
    host: str = ""


_STATE = _CallState()


class RecordingSession(requests.Session):
    """A requests session that applies the current call's timeout and records status and transport errors."""

    def request(self, method: str | bytes, url: str | bytes, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        state = _STATE
        if state.timeout is not None:
            kwargs["timeout"] = state.timeout
        state.host = urlsplit(url if isinstance(url, str) else url.decode()).hostname or ""
        try:
            response = super().request(method, url, *args, **kwargs)
        except requests.RequestException as exc:
            state.error = exc
            raise
        state.status = response.status_code
        state.retry_after = _retry_after_seconds(response.headers.get("Retry-After"))
        return response


_SESSIONS = threading.local()


def _thread_session() -> RecordingSession:
    session = getattr(_SESSIONS, "session", None)
    if session is None:
        session = _SESSIONS.session = RecordingSession()
    return session


class _RequestsModule:
    """Stands in for the ``requests`` module inside deep-translator's engine modules."""

    def __getattr__(self, name: str) -> Any:
        return getattr(requests, name)

    def get(self, url: str, params: Any = None, **kwargs: Any) -> requests.Response:
        return _thread_session().get(url, params=params, **kwargs)

    def post(self, url: str, data: Any = None, json: Any = None, **kwargs: Any) -> requests.Response:
        return _thread_session().post(url, data=data, json=json, **kwargs)


for _module in (dt_google, dt_deepl, dt_microsoft, dt_mymemory, dt_libre):
    _module.requests = _RequestsModule()  # type: ignore[attr-defined]


@contextmanager
def _call_scope(timeout: float | None) -> Iterator[_CallState]:
    state = _STATE
    state.timeout, state.status, state.error, state.retry_after, state.host = timeout, None, None, None, ""
    try:
        yield state
    finally:
        state.timeout = None


def _retry_after_seconds(value: str | None) -> float | None:
    """``Retry-After`` as seconds (both the number and the HTTP-date forms), capped."""
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            moment = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        seconds = moment.timestamp() - time.time()
    return max(0.0, min(seconds, MAX_RETRY_AFTER))


# ------------------------------------------------------------------------------------------ languages


def language_candidates(code: str) -> list[str]:
    """Spellings services use for a babel code, most specific first: ``pt_BR`` -> pt-BR, pt; ``fr`` -> fr, fr-FR."""
    base = base_language(code)
    candidates = [code.replace("_", "-"), base]
    likely = get_global("likely_subtags").get(base)
    if likely:
        territory = Locale.parse(likely).territory
        if territory:
            candidates.append(f"{base}-{territory}")
    return list(dict.fromkeys(candidates))


def pick_language_code(code: str, supported: Sequence[str]) -> str | None:
    """The first candidate spelling of ``code`` that a service supports (case-insensitive), if any."""
    by_folded = {value.casefold(): value for value in supported}
    for candidate in language_candidates(code):
        if candidate.casefold() in by_folded:
            return by_folded[candidate.casefold()]
    return None


def english_language_name(code: str) -> str:
    """``fr`` -> ``French``: how a language is named in a prompt."""
    try:
        return Locale.parse(code.replace("-", "_")).get_display_name("en") or code
    except (ValueError, TypeError):
        return code


# -------------------------------------------------------------------------------------------- engines


@dataclass(frozen=True)
class EngineSettings:
    """How to reach an engine. ``api_key`` is never shown (``repr=False``) and only read from the environment."""

    name: str
    api_key: str | None = field(default=None, repr=False)
    key_variable: str = ""
    base_url: str | None = None
    timeout: float = 30.0
    model: str | None = None
    region: str | None = None


def engine_cache_id(settings: EngineSettings) -> str:
    """What identifies an engine's answers in the cache: its name, and the model for chatgpt."""
    if settings.name == "chatgpt":
        return f"chatgpt:{settings.model or DEFAULT_CHATGPT_MODEL}"
    return settings.name


TranslatorFactory = Callable[[str, str], Any]


class DeepTranslatorEngine:
    """An :class:`Engine` over one deep-translator class, with one translator object per thread and language pair."""

    def __init__(self, settings: EngineSettings, factory: TranslatorFactory, *,
                 supported: Sequence[str] | None = None, clean: Callable[[str, str], str] | None = None) -> None:
        self.name = settings.name
        self.settings = settings
        self._factory = factory
        self._supported = supported
        self._clean = clean
        self._local = threading.local()

    @property
    def cache_id(self) -> str:
        return engine_cache_id(self.settings)

    def translate(self, text: str, source: str, target: str) -> str:
        translator = self._translator(source, target)
        failure: EngineError | None = None
        with _call_scope(self.settings.timeout) as state:
            try:
                answer = translator.translate(text)
            except Exception as exc:  # deep-translator raises many unrelated types; sorted out below
                failure = self._failure(exc, state)
        if failure is not None:
            raise failure  # raised outside the handler: no chained exception text (which may hold the key)
        if not isinstance(answer, str) or (text.strip() and not answer.strip()):
            raise EngineAnswerError(f"{self.name} answered with no translation", engine=self.name)
        return self._clean(answer, text) if self._clean else answer

    def _translator(self, source: str, target: str) -> Any:
        cache: dict[tuple[str, str], Any] = self._local.__dict__.setdefault("translators", {})
        translator = cache.get((source, target))
        if translator is None:
            source_code, target_code = self._code(source), self._code(target)
            failure: EngineError | None = None
            with _call_scope(self.settings.timeout) as state:
                try:
                    translator = self._factory(source_code, target_code)
                except Exception as exc:  # e.g. Microsoft's constructor fetches its language list
                    failure = self._failure(exc, state)
            if failure is not None:
                raise failure
            cache[(source, target)] = translator
        return translator

    def _code(self, lang: str) -> str:
        if self._supported is None:
            return lang.replace("_", "-")
        code = pick_language_code(lang, self._supported)
        if code is None:
            raise EngineSetupError(f"the {self.name} engine (through deep-translator) has no language code for {lang!r}")
        return code

    def _failure(self, exc: BaseException, state: _CallState) -> EngineError:
        """An error describing ``exc`` from the recorded HTTP facts only: no exception text, so no key."""
        log.debug("%s failed: %s", self.name, SECRETS.redact(f"{type(exc).__name__}: {exc}"))
        name, where = self.name, f" from {state.host}" if state.host else ""
        if isinstance(exc, LanguageNotSupportedException):
            return EngineSetupError(f"the {name} engine (through deep-translator) does not support this language pair")
        if isinstance(exc, (NotValidLength, NotValidPayload)):
            return EngineAnswerError(f"the text is too long or not valid for {name}", engine=name)
        error = state.error
        if isinstance(error, requests.Timeout):
            return TransientEngineError(f"no answer{where} within {self.settings.timeout:g} s", engine=name)
        if isinstance(error, requests.ConnectionError):
            return TransientEngineError(f"cannot connect to {state.host or 'the server'}", engine=name)
        if isinstance(error, requests.RequestException):
            return TransientEngineError(f"request failed ({type(error).__name__}){where}", engine=name)
        status = state.status
        if status in (401, 403):
            hint = f"; check the variable {self.settings.key_variable}" if self.settings.key_variable else ""
            return EngineSetupError(f"{name} refused the request (HTTP {status}{where}): the API key is missing, "
                                    f"wrong or not allowed{hint}")
        if status == 456:
            return EngineSetupError(f"{name} says the quota of this API key is used up (HTTP 456)")
        if status == 429:
            return TransientEngineError(f"HTTP 429 Too Many Requests{where}", engine=name,
                                        retry_after=state.retry_after)
        if status is not None and status >= 500:
            return TransientEngineError(f"HTTP {status} server error{where}", engine=name,
                                        retry_after=state.retry_after)
        if status is not None and status >= 400:
            return EngineAnswerError(f"HTTP {status}{where}", engine=name)
        return EngineAnswerError(f"answered something that is not a translation ({type(exc).__name__}){where}",
                                 engine=name)


def _strip_quotes(answer: str, text: str) -> str:
    """ChatGPT is asked to translate ``Text: "..."`` and often answers in quotes: drop a pair the source lacks."""
    stripped = answer.strip()
    for opening, closing in (('"', '"'), ("“", "”"), ("«", "»"), ("'", "'")):
        if len(stripped) > 1 and stripped[0] == opening and stripped[-1] == closing and not text.strip().startswith(opening):
            return stripped[1:-1].strip()
    return stripped


def _libre_url(base_url: str) -> str:
    """deep-translator appends ``translate`` to the address: make sure it ends with one slash."""
    return base_url.rstrip("/") + "/"


def create_engine(settings: EngineSettings) -> Engine:
    """Build the engine ``settings.name``; raises EngineSetupError when it cannot work (e.g. no API key)."""
    name = settings.name
    if name not in ENGINE_NAMES:
        raise EngineSetupError(f"unknown engine {name!r} (choose from tm, {', '.join(ENGINE_NAMES)})")
    if name in KEY_REQUIRED and not settings.api_key:
        raise EngineSetupError(
            f"the {name} engine needs an API key: set the environment variable {settings.key_variable}"
            " (or name another variable in [translate] key_env of l10n/config.toml)"
        )
    if settings.api_key:
        SECRETS.add(settings.api_key)
        _install_log_redaction()
    key = settings.api_key
    if name == "google":
        return DeepTranslatorEngine(settings, lambda s, t: GoogleTranslator(source=s, target=t),
                                    supported=list(dt_constants.GOOGLE_LANGUAGES_TO_CODES.values()))
    if name == "mymemory":
        return DeepTranslatorEngine(settings, lambda s, t: MyMemoryTranslator(source=s, target=t),
                                    supported=list(dt_constants.MY_MEMORY_LANGUAGES_TO_CODES.values()))
    if name == "deepl":
        free = bool(key and key.endswith(":fx"))  # DeepL's convention: keys of the free API end in ":fx"
        return DeepTranslatorEngine(settings, lambda s, t: DeeplTranslator(source=s, target=t, api_key=key,
                                                                           use_free_api=free),
                                    supported=list(dt_constants.DEEPL_LANGUAGE_TO_CODE.values()))
    if name == "microsoft":
        return DeepTranslatorEngine(settings, lambda s, t: MicrosoftTranslator(source=s, target=t, api_key=key,
                                                                               region=settings.region))
    if name == "libre":
        if not settings.base_url:
            raise EngineSetupError("the libre engine needs the address of a LibreTranslate server: "
                                   "--base-url http://HOST:PORT/ or base_url in [translate] of l10n/config.toml")
        url = _libre_url(settings.base_url)
        return DeepTranslatorEngine(settings, lambda s, t: _libre_translator(s, t, key, url),
                                    supported=list(dt_constants.LIBRE_LANGUAGES_TO_CODES.values()))
    return _chatgpt_engine(settings)


def _libre_translator(source: str, target: str, key: str | None, url: str) -> Any:
    # deep-translator insists on a key even for servers that need none; a server without keys gets none sent.
    translator = LibreTranslator(source=source, target=target, api_key=key or "unused", custom_url=url)
    if not key:
        translator.api_key = None
    return translator


def _chatgpt_engine(settings: EngineSettings) -> Engine:
    """ChatGPT through deep-translator, which drives the ``openai`` package's 0.x API (requests underneath)."""
    try:
        import openai
    except ImportError as exc:
        raise EngineSetupError("the chatgpt engine needs the openai package: pip install 'presslate[chatgpt]'") from exc
    if not hasattr(openai, "ChatCompletion") or getattr(openai, "version", None) is None \
            or not str(openai.version.VERSION).startswith("0."):
        raise EngineSetupError("the chatgpt engine of deep-translator needs openai < 1.0 (pip install 'openai<1')")
    openai.requestssession = RecordingSession  # one per thread, with our timeout and status recording
    if settings.base_url:
        openai.api_base = settings.base_url.rstrip("/")
    model = settings.model or DEFAULT_CHATGPT_MODEL
    key = settings.api_key

    def factory(source: str, target: str) -> Any:
        translator = ChatGptTranslator(source="auto", target="en", api_key=key, model=model)
        translator.target = english_language_name(target)  # the prompt names the language: "into French"
        return translator

    return DeepTranslatorEngine(dataclasses.replace(settings, model=model), factory, clean=_strip_quotes)
