"""``presslate translate`` as a user runs it: exit codes, output, keys that never leak, interruption and resume."""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from presslate.catalog.pofile import read_po
from presslate.cli import cli
from presslate.cli.translate import RichProgress
from presslate.ingest.service import ingest_pages
from presslate.sync import sync_workspace
from presslate.workspace import init_workspace

from mt.fake_libre import FakeLibre, garbage

REPO = Path(__file__).resolve().parents[2]
SRC = REPO / "src"
SECRET = "k3y-that-must-never-show:fx"
SUMMIT = "iom-focuses-on-migrants-in-crisis-displacement-at"


@pytest.fixture(scope="module")
def seed_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli-seed")
    workspace = init_workspace(root, languages=["ko", "fr", "es", "ar"], name="seed")
    shutil.copyfile(REPO / "glossary.csv", root / "glossary.csv")
    assert not ingest_pages(workspace, sorted((REPO / "examples" / "pages").glob("*.txt"))).errors
    assert not sync_workspace(workspace, use_state=False).errors
    return root


@pytest.fixture
def root(seed_root: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "ws"
    shutil.copytree(seed_root, copy)
    return copy


def add_config(root: Path, text: str) -> None:
    config = root / "l10n" / "config.toml"
    config.write_text(config.read_text(encoding="utf-8") + "\n[translate]\n" + text + "\n", encoding="utf-8")


def invoke(root: Path, *args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, ["-C", str(root), "translate", *args], env=env, catch_exceptions=False)


def spawn_cli(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    """The real command in its own process, as a user (or CI) runs it."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PRESSLATE_")}
    environment.update({"PYTHONPATH": str(SRC), **(env or {})})
    return subprocess.Popen([sys.executable, "-m", "presslate", "-vv", "-C", str(root), "translate", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment, text=True)


def drafts(root: Path, lang: str = "fr") -> dict[tuple[str, str], str]:
    found = {}
    for path in sorted((root / "locales" / lang).glob("*.po")):
        for message in read_po(path).messages:
            if message.draft:
                found[(path.stem, message.msgid)] = message.msgstr
    return found


def untranslated(root: Path, lang: str = "fr") -> int:
    return sum(1 for path in (root / "locales" / lang).glob("*.po") for m in read_po(path).messages
               if not m.obsolete and not m.msgstr)


def test_dry_run_prints_per_release_and_total(root):
    with FakeLibre() as server:
        result = invoke(root, "--lang", "fr", "--engine", "libre", "--base-url", server.url, "--dry-run")
    assert result.exit_code == 0, result.output
    assert server.requests == []
    lines = result.output.splitlines()
    assert lines[0].startswith("dry run for fr with engine libre")
    assert lines[1].split() == ["release", "entries", "memory", "cache", "to", "engine", "characters"]
    assert any(line.startswith(SUMMIT) for line in lines)
    total = next(line for line in lines if line.startswith("total")).split()
    assert int(total[1]) > 200 and int(total[4]) > 200
    assert "distinct text(s) would be sent" in result.output


def test_a_run_writes_drafts_and_reports(root):
    with FakeLibre() as server:
        result = invoke(root, "--lang", "es", "--engine", "libre", "--base-url", server.url, "--release", SUMMIT)
    assert result.exit_code == 0, result.output
    assert f"wrote locales/es/{SUMMIT}.po" in result.output
    assert "entries drafted" in result.output and "request(s) sent to libre" in result.output
    assert all(text.startswith("[es] ") or "Comité" in text or text for text in drafts(root, "es").values())


def test_entries_the_engine_could_not_draft_give_exit_1(root):
    with FakeLibre() as server:
        server.plan("regional consultations in Amman", [garbage])
        result = invoke(root, "--lang", "fr", "--engine", "libre", "--base-url", server.url, "--release", SUMMIT)
    assert result.exit_code == 1
    assert "1 entr(ies) could not be drafted" in result.output


@pytest.mark.parametrize("args, message", [
    (["--lang", "de"], "not a target language"),
    (["--lang", "fr", "--release", "../etc"], "invalid release id"),
    (["--lang", "fr", "--release", "no-such-release"], "no PO file for release 'no-such-release'"),
    (["--lang", "fr", "--engine", "libre", "--base-url", "ftp://example"], "http:// or https://"),
    (["--lang", "fr", "--engine", "libre"], "needs the address of a LibreTranslate server"),
    (["--lang", "fr", "--engine", "deepl"], "set the environment variable PRESSLATE_DEEPL_API_KEY"),
])
def test_usage_errors_exit_2_with_a_clear_message(root, args, message):
    result = invoke(root, *args, env={"PRESSLATE_DEEPL_API_KEY": ""})
    assert result.exit_code == 2
    assert message in result.output


def test_bad_config_exits_2_naming_the_file(root):
    add_config(root, 'api_key = "oops"')
    result = invoke(root, "--lang", "fr")
    assert result.exit_code == 2
    assert "l10n/config.toml" in result.output and "never go in the configuration" in result.output


@pytest.mark.parametrize("scenario", ["refused", "server-errors", "connection-refused"])
def test_a_key_never_appears_in_any_output_of_a_failing_run(root, scenario):
    add_config(root, "retries = 1\nbackoff = 0.01\nmax_failures = 3\nconcurrency = 2")
    server = FakeLibre(require_key="the-right-key" if scenario == "refused" else None)
    if scenario == "server-errors":
        server.plan("", [500] * 1000)
    with server:
        url = server.url
        if scenario != "connection-refused":
            process = spawn_cli(root, "--lang", "fr", "--engine", "libre", "--base-url", url,
                              env={"PRESSLATE_LIBRE_API_KEY": SECRET})
            out, err = process.communicate(timeout=120)
    if scenario == "connection-refused":  # the server is gone: its port refuses connections
        process = spawn_cli(root, "--lang", "fr", "--engine", "libre", "--base-url", url,
                          env={"PRESSLATE_LIBRE_API_KEY": SECRET})
        out, err = process.communicate(timeout=120)
    assert process.returncode == 2, err
    assert SECRET not in out + err
    assert "k3y-that" not in out + err
    assert "libre" in err
    if scenario == "refused":
        assert "refused the request (HTTP 403" in err and "PRESSLATE_LIBRE_API_KEY" in err
        assert server.api_keys and set(server.api_keys) == {SECRET}  # it was sent, but never shown
    elif scenario == "server-errors":
        assert "failed 3 time(s) in a row" in err and "HTTP 500" in err
        assert "api_key=***" in err  # urllib3's debug lines hold the request URL: the key is blanked
    else:
        assert "cannot connect to 127.0.0.1" in err


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT])
def test_an_interrupted_run_keeps_its_drafts_and_the_next_run_continues(root, how):
    add_config(root, "concurrency = 2")
    reached = threading.Event()
    with FakeLibre(latency=0.03) as server:
        server.on_request = lambda count: reached.set() if count >= 90 else None
        process = spawn_cli(root, "--lang", "fr", "--engine", "libre", "--base-url", server.url)
        assert reached.wait(60), "the run never got going"
        process.send_signal(how)
        out, err = process.communicate(timeout=60)
        first_requests = server.texts()
        saved = drafts(root)
        if how == signal.SIGINT:
            assert process.returncode == 130, err
            assert "interrupted: the drafts received so far are saved" in err
        assert saved, "nothing was saved before the interruption"
        assert untranslated(root) > 0, "the run finished before it was interrupted"
        process = spawn_cli(root, "--lang", "fr", "--engine", "libre", "--base-url", server.url)
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        second_requests = server.texts()[len(first_requests):]
    final = drafts(root)
    assert untranslated(root) == 0
    assert all(final[key] == text for key, text in saved.items())  # what the first run saved is kept
    # Answers that reached the cache are not paid for again: only the requests in flight at the kill repeat.
    repeated = set(first_requests) & set(second_requests)
    assert len(repeated) <= 2


def test_progress_bar_counts_entries_cache_hits_and_failures():
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=120)
    with RichProgress(console) as progress:
        progress.start(3)
        for outcome in ("cache", "engine", "failed"):
            progress.advance(outcome)
    screen = buffer.getvalue()
    assert "3/3" in screen and "cache hits 1" in screen and "failures 1" in screen


def test_no_progress_bar_when_not_on_a_terminal(root):
    with FakeLibre() as server:
        result = invoke(root, "--lang", "fr", "--engine", "libre", "--base-url", server.url, "--release", SUMMIT)
    assert "drafting" not in result.output and "━" not in result.output
