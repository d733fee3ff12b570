"""Round trip of the seed Korean mirror page: ingest it, build the Korean mirror, get the page back."""

from __future__ import annotations

import re
from pathlib import Path

from presslate.releasefile import read_release
from presslate.workspace import open_workspace

from tests.build.helpers import invoke, make_workspace
from tests.conftest import MIRROR_PAGE

TITLE_LINE_RE = re.compile(r"^\(\d{4}/\d{1,2}/\d{1,2}\) ")
VIEWS_RE = re.compile(r"^Views\s*[–-]\s*\d+$")
KOREAN_BACKLINK = "최신보도자료 모음 돌아가기"


def normalise(lines: list[str]) -> list[str]:
    """Whitespace normalised: no-break spaces and runs of spaces become one space, blank-line runs one blank."""
    out: list[str] = []
    for raw in lines:
        line = " ".join(raw.split())
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out


def original_sections(page: Path) -> list[list[str]]:
    """The page split at its ``(YYYY/M/D) title`` lines, view counters dropped, whitespace normalised."""
    sections: list[list[str]] = []
    for line in page.read_text(encoding="utf-8").split("\n"):
        if TITLE_LINE_RE.match(line.strip()):
            sections.append([])
        if not VIEWS_RE.match(" ".join(line.split())):
            sections[-1].append(line)
    return [normalise(section) for section in sections]


def built_pages(root: Path) -> list[list[str]]:
    """The built Korean txt pages of the mirror's releases, in page order (front matter ``part``)."""
    workspace = open_workspace(explicit=root)
    releases = sorted((read_release(workspace.release_path(i)) for i in workspace.release_ids()), key=lambda r: r.part)
    return [normalise((root / "site" / "ko" / f"{r.id}.txt").read_text(encoding="utf-8").split("\n")) for r in releases]


def test_korean_mirror_page_comes_back_as_it_was(mirror_workspace: Path) -> None:
    result = invoke("-C", mirror_workspace, "build", "--lang", "ko", "--mirror", "--format", "txt")

    assert result.exit_code == 0, result.output
    assert "ko: 5 release(s) built" in result.stdout
    originals, built = original_sections(MIRROR_PAGE), built_pages(mirror_workspace)
    assert len(built) == len(originals) == 5
    for number, (original, page) in enumerate(zip(originals, built), start=1):
        if KOREAN_BACKLINK in original:
            assert page == original, f"release {number} of the mirror page"
        else:
            # The Libya release is the only one the page shows without its back-link line;
            # the build gives every page the back-link of its language.
            assert page == [*original, "", KOREAN_BACKLINK], f"release {number} of the mirror page"


def test_title_and_posting_lines_of_the_seed_page(mirror_workspace: Path) -> None:
    invoke("-C", mirror_workspace, "build", "--lang", "ko", "--mirror", "--format", "txt")

    page = (mirror_workspace / "site" / "ko" / "2014-09-09-iom-iraq-on-sunday-joined-a-relief-convoy.txt").read_text(
        encoding="utf-8"
    )
    lines = page.split("\n")
    assert lines[0] == "(2014/9/9) IOM, UN과 연합해 포위된 이라크 지역에 물자 전달"
    assert lines[2].startswith("Iraq - IOM Iraq on Sunday (7/9) joined a relief convoy")
    assert "\nPosted on Tue, Sep-09-2014\n\n최신보도자료 모음 돌아가기\n" in page
    assert "\nSusan Megy\nTel. +964 750 0166 072\nEmail: smegy@iom.int\n\nSandra Black\n" in page


def test_ingesting_the_built_mirror_gives_the_same_releases(mirror_workspace: Path, tmp_path: Path) -> None:
    invoke("-C", mirror_workspace, "build", "--lang", "ko", "--mirror", "--format", "txt")
    rebuilt_page = tmp_path / "rebuilt-mirror.txt"
    rebuilt_page.write_text("\n\n".join("\n".join(page) for page in built_pages(mirror_workspace)) + "\n",
                            encoding="utf-8")

    second = make_workspace(tmp_path / "second", rebuilt_page)

    first_ws, second_ws = open_workspace(explicit=mirror_workspace), open_workspace(explicit=second)
    assert second_ws.release_ids() == first_ws.release_ids()
    for release_id in first_ws.release_ids():
        before = read_release(first_ws.release_path(release_id))
        after = read_release(second_ws.release_path(release_id))
        assert [(b.kind, b.text, b.group) for b in after.blocks] == [(b.kind, b.text, b.group) for b in before.blocks]
        assert (after.date, after.posted, after.titles, after.dateline) == (
            before.date, before.posted, before.titles, before.dateline)
        assert after.backlinks == {"ko": KOREAN_BACKLINK}
