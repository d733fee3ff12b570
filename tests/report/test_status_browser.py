"""The HTML dashboard in a real browser (headless Chromium): what a person sees, and no script ever runs."""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from lxml import html as lxml_html

from status_workspace import EGYPT, IRAQ_TRAINING, TRANSLATIONS, fill

from presslate.report.options import RenderOptions
from presslate.report.renderers import render_status
from presslate.report.service import build_status

BROWSER = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)
pytestmark = pytest.mark.skipif(BROWSER is None, reason="Chromium is not installed (Debian: apt-get install chromium)")

# If this ran, the page title and body would say PWNED; the image would run its onerror handler.
SCRIPT = "<script>document.title='PWNED';document.body.innerHTML='PWNED'</script>"
IMAGE = "<img src=x onerror=\"document.title='PWNED'\">"


def browser(page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess:
    """Run headless Chromium on a local file, offline, with a throw-away profile."""
    command = [
        BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-extensions", "--hide-scrollbars", f"--user-data-dir={profile}", "--virtual-time-budget=2000",
        *args, page.as_uri(),
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)


@pytest.fixture
def dashboard(translated_workspace, qa_errors, tmp_path) -> tuple[Path, dict]:
    fill(translated_workspace, "fr", IRAQ_TRAINING, translated=TRANSLATIONS["translated"]["fr"][IRAQ_TRAINING],
         complete=True)
    qa_errors({("fr", IRAQ_TRAINING): 1})
    title = "IOM and Egypt Hold Regional Partners Briefing on IMRF Outcomes"
    fill(translated_workspace, "ko", EGYPT, translated={title: SCRIPT})
    fill(translated_workspace, "es", EGYPT, translated={title: IMAGE})
    data = build_status(translated_workspace, use_cache=False, with_history=False).to_dict()
    page = tmp_path / "status.html"
    page.write_text(render_status(data, format_name="html", options=RenderOptions()), encoding="utf-8")
    return page, data


def test_browser_shows_languages_percentages_and_releases_and_runs_no_script(dashboard, tmp_path):
    page, data = dashboard
    done = browser(page, tmp_path / "profile", "--dump-dom")
    assert done.returncode == 0, done.stderr[-2000:]
    dom = lxml_html.fromstring(done.stdout)
    assert dom.findtext(".//title") == "Translation status: IOM press releases"
    assert dom.xpath("//script | //img") == []
    visible = dom.xpath("string(//body)")
    assert visible.strip() != "PWNED" and SCRIPT in visible and IMAGE in visible
    for code, language in data["languages"].items():
        assert language["name"] in visible and language["native_name"] in visible
        assert f"{language['translated_percent']:.1f}%" in visible
    for release in data["releases"]:
        assert release["id"] in visible
    ko_egypt = dom.xpath(f"//tr[th//text()[contains(., '{EGYPT}')]]/td[@data-label='ko']")[0]
    assert SCRIPT in ko_egypt.text_content()
    assert "1 QA error" in visible and "ready" in visible


@pytest.mark.parametrize(("width", "height"), [(390, 2400), (1280, 1600)])
def test_browser_renders_a_screenshot_at_phone_and_desktop_width(dashboard, tmp_path, width, height):
    page, _ = dashboard
    shot = tmp_path / f"status-{width}.png"
    done = browser(page, tmp_path / "profile", f"--window-size={width},{height}", f"--screenshot={shot}")
    assert done.returncode == 0, done.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    png_width, png_height = struct.unpack(">II", data[16:24])
    assert (png_width, png_height) == (width, height)
    assert len(data) > 20_000, "a blank page compresses to almost nothing"
