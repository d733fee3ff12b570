"""Source release files (``l10n/releases/<id>.md``): Markdown with a YAML front-matter block."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from presslate.errors import ReleaseFileError
from presslate.models import RELEASE_ID_RE, Block, BlockKind, Release

FENCE = "---"
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
CONTACT_MARKER = "<!-- contact -->"
_ESCAPE_STARTS = ("#", "- ", "-", ">", "<!--", "\\", "* ", "+ ")
_FRONT_KEYS = ("id", "date", "dateline", "source", "source_format", "part", "posted", "titles", "backlinks")


def read_release(path: Path, *, body: bool = True) -> Release:
    """Read one release file (without ``body``: its front matter and title only); errors carry the file and line."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReleaseFileError(f"cannot read file: {exc.strerror or exc}", path=path) from exc
    return parse_release(decode_release(data, path=path), path=path, body=body)


def decode_release(data: bytes, *, path: Path | None = None) -> str:
    """The text of a release file; undecodable bytes are an error at their line."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ReleaseFileError(f"not valid UTF-8 (byte {exc.start})", path=path, line=line) from exc


def parse_release(text: str, *, path: Path | None = None, body: bool = True) -> Release:
    """Parse release Markdown: front matter, then ``# title``, ``## heading``, paragraphs, ``- items``, contacts.

    With ``body=False`` only the front matter and the title are read (the checks need no more),
    and problems further down the body go unreported.
    """
    lines = text.splitlines()
    if not lines or lines[0].strip() != FENCE:
        raise ReleaseFileError("missing front matter (the file must start with '---')", path=path, line=1)
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == FENCE)
    except StopIteration:
        raise ReleaseFileError("front matter is not closed by '---'", path=path, line=1) from None
    meta = _parse_front_matter("\n".join(lines[1:end]), path=path)
    release = _release_from_meta(meta, path=path)
    release.blocks = _parse_body(lines, start=end + 1, path=path) if body else _title_block(lines, start=end + 1)
    if path is not None and path.stem != release.id:
        raise ReleaseFileError(f"front matter id {release.id!r} does not match the file name", path=path, line=2)
    return release


def _parse_front_matter(text: str, *, path: Path | None) -> dict[str, Any]:
    try:
        meta = _simple_front_matter(text)
        if meta is None:
            meta = yaml.load(text, Loader=_SAFE_LOADER) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        raise ReleaseFileError(f"invalid front matter: {getattr(exc, 'problem', exc)}", path=path, line=line) from exc
    except ValueError as exc:  # e.g. a date YAML reads as a timestamp but that does not exist
        raise ReleaseFileError(f"invalid front matter: {exc}", path=path, line=2) from exc
    if not isinstance(meta, dict):
        raise ReleaseFileError("front matter must be a mapping of keys to values", path=path, line=2)
    unknown = set(meta) - set(_FRONT_KEYS)
    if unknown:
        raise ReleaseFileError(f"unknown front matter key(s): {', '.join(sorted(map(str, unknown)))}", path=path, line=2)
    return meta


_KEY_LINE_RE = re.compile(r"([a-z_]+):(?: (.*))?")
_ITEM_LINE_RE = re.compile(r"( +)([A-Za-z][A-Za-z0-9_-]*): (.*)")
_PLAIN_START = frozenset("-?:,[]{}#&*!|>'\"%@` ")
_RESOLVER = yaml.resolver.Resolver()  # the one SafeLoader and CSafeLoader type plain scalars with
_STR_TAG, _INT_TAG, _DATE_TAG = "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:timestamp"
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_WHOLE_RE = re.compile(r"[1-9][0-9]*")


def _simple_front_matter(text: str) -> dict[str, Any] | None:
    """The front matter as YAML reads it, when it is written the way presslate writes it; else None (YAML reads it).

    Top-level ``key: value`` lines and mappings of ``  code: text`` lines, with values that are
    plain one-line scalars (no quotes, indicators, comments or blank lines): read by hand, and
    each key and value typed by PyYAML's own resolver, so the result is the one ``yaml.load``
    gives. A release file is read by every command; this spares most of YAML's time.
    """
    meta: dict[str, Any] = {}
    mapping: dict[str, Any] | None = None
    indent = ""
    for line in text.split("\n"):
        top = _KEY_LINE_RE.fullmatch(line)
        if top is not None:
            key, raw = top.groups()
            if key in meta or _resolved(key) is not key:
                return None
            if raw is None:
                mapping = meta[key] = {}
                indent = ""
                continue
            value = _resolved(raw)
            if value is None:
                return None
            meta[key], mapping = value, None
            continue
        item = _ITEM_LINE_RE.fullmatch(line)
        if item is None or mapping is None or indent not in ("", item.group(1)):
            return None
        indent, key, raw = item.groups()
        value = _resolved(raw)
        if key in mapping or _resolved(key) is not key or not isinstance(value, str):
            return None
        mapping[key] = value
    if any(value == {} for value in meta.values()):
        return None  # "titles:" with nothing under it: null in YAML
    return meta


def _resolved(raw: str) -> Any:
    """A plain scalar as PyYAML types it (a string, a whole number, a YYYY-MM-DD date), or None for anything else."""
    if not raw or raw[0] in _PLAIN_START or raw[-1] in " :" or ": " in raw or " #" in raw or not raw.isprintable():
        return None
    tag = _RESOLVER.resolve(yaml.ScalarNode, raw, (True, False))
    if tag == _STR_TAG:
        return raw
    if tag == _INT_TAG and _WHOLE_RE.fullmatch(raw):
        return int(raw)
    if tag == _DATE_TAG and _DATE_RE.fullmatch(raw):
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            return None  # YAML says what is wrong
    return None


def _release_from_meta(meta: dict[str, Any], *, path: Path | None) -> Release:
    release_id = str(meta.get("id", ""))
    if not RELEASE_ID_RE.match(release_id):
        raise ReleaseFileError(f"invalid or missing id {release_id!r} (only a-z, 0-9 and '-')", path=path, line=2)
    return Release(
        id=release_id,
        date=_date(meta.get("date"), "date", path),
        dateline=_optional_str(meta.get("dateline")),
        source=_optional_str(meta.get("source")),
        source_format=_optional_str(meta.get("source_format")),
        part=_part(meta.get("part"), path),
        posted=_date(meta.get("posted"), "posted", path),
        titles=_str_map(meta.get("titles"), "titles", path),
        backlinks=_str_map(meta.get("backlinks"), "backlinks", path),
    )


def _parse_body(lines: list[str], *, start: int, path: Path | None) -> list[Block]:
    blocks: list[Block] = []
    in_contact = has_title = has_contact = False
    group = 0
    pending_blank = False
    for index in range(start, len(lines)):
        raw = lines[index].rstrip()
        number = index + 1
        stripped = raw.strip()
        if not stripped:
            pending_blank = True
            continue
        if stripped == CONTACT_MARKER:
            in_contact, pending_blank = True, False
            continue
        if in_contact:
            if pending_blank and has_contact:
                group += 1
            pending_blank = False
            has_contact = True
            blocks.append(Block(BlockKind.CONTACT, _unescape(stripped), number, group))
            continue
        continues_paragraph = (
            not pending_blank and blocks and blocks[-1].kind is BlockKind.PARAGRAPH and not _is_marker_line(stripped)
        )
        pending_blank = False
        if continues_paragraph:
            last = blocks[-1]
            blocks[-1] = Block(last.kind, f"{last.text} {_unescape(stripped)}", last.line, last.group)
            continue
        block = _block_from_line(stripped, number, path=path, has_title=has_title)
        has_title = has_title or block.kind is BlockKind.TITLE
        blocks.append(block)
    return blocks


def _title_block(lines: list[str], *, start: int) -> list[Block]:
    """The title block alone, as :func:`_parse_body` would give it: the first ``# `` line before the contacts."""
    for index in range(start, len(lines)):
        stripped = lines[index].strip()
        if stripped == CONTACT_MARKER:
            break
        if stripped.startswith("# "):
            return [Block(BlockKind.TITLE, _unescape(stripped[2:].strip()), index + 1)]
    return []


def _is_marker_line(text: str) -> bool:
    return text.startswith(("# ", "## ", "### ", "- ")) or text == CONTACT_MARKER


def _block_from_line(text: str, number: int, *, path: Path | None, has_title: bool) -> Block:
    if text.startswith("# "):
        if has_title:
            raise ReleaseFileError("a release has one '# ' title line; use '## ' for headings", path=path, line=number)
        return Block(BlockKind.TITLE, _unescape(text[2:].strip()), number)
    if text.startswith(("## ", "### ")):
        return Block(BlockKind.HEADING, _unescape(text.split(" ", 1)[1].strip()), number)
    if text.startswith("- "):
        return Block(BlockKind.LIST_ITEM, _unescape(text[2:].strip()), number)
    return Block(BlockKind.PARAGRAPH, _unescape(text), number)


def _unescape(text: str) -> str:
    return text[1:] if text.startswith("\\") else text


def _escape(text: str) -> str:
    return "\\" + text if text.startswith(_ESCAPE_STARTS) else text


def format_release(release: Release) -> str:
    """Serialise a release as Markdown with front matter; ``parse_release`` reads it back unchanged."""
    meta: dict[str, Any] = {"id": release.id}
    for key in ("date", "dateline", "source", "source_format", "part", "posted"):
        value = getattr(release, key)
        if value is not None:
            meta[key] = value
    if release.titles:
        meta["titles"] = dict(release.titles)
    if release.backlinks:
        meta["backlinks"] = dict(release.backlinks)
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000).rstrip("\n")
    out = [FENCE, front, FENCE, ""]
    in_contact = False
    previous: Block | None = None
    for block in release.blocks:
        if block.kind is BlockKind.CONTACT:
            if not in_contact:
                out += [CONTACT_MARKER, ""]
                in_contact = True
            elif previous is not None and block.group != previous.group:
                out.append("")
            out.append(_escape(block.text))
        else:
            if in_contact:
                raise ValueError("the contact block must be the last part of a release")
            out += [_format_block(block), ""]
        previous = block
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


def _format_block(block: Block) -> str:
    prefix = {BlockKind.TITLE: "# ", BlockKind.HEADING: "## ", BlockKind.LIST_ITEM: "- "}.get(block.kind, "")
    return prefix + (block.text if prefix else _escape(block.text))


def _date(value: Any, key: str, path: Path | None) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise ReleaseFileError(f"{key}: {value!r} is not a date (YYYY-MM-DD)", path=path, line=2) from exc


def _part(value: Any, path: Path | None) -> int | None:
    """The ``part`` number (which release of a mirror page): a whole number from 1, or absent."""
    if value is None:
        return None
    if isinstance(value, str) and value.strip().isdecimal():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ReleaseFileError(f"part: {value!r} is not a whole number from 1", path=path, line=2)
    return value


def _optional_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _str_map(value: Any, key: str, path: Path | None) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ReleaseFileError(f"{key} must map language codes to text", path=path, line=2)
    return {str(k): str(v) for k, v in value.items()}
