"""A fast reader for PO files in the plain layout gettext and presslate write; None means "use parse_po"."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from presslate.catalog.model import Catalog, Message
from presslate.catalog.pofile import _BLANKS, _UTF8_CHARSETS, _catalog, _split_flags, header_charset

__all__ = ["parse_catalog_bytes", "parse_plain_po", "plain_text"]

# ---------------------------------------------------------------------------
# The plain layout, as regular expressions (shared with report/fastcount.py).
#
# One ``keyword "string"`` or ``"string"`` per line from column 0, ``#`` comments
# from column 0 before the keywords, one or more blank lines between entries, only
# the escapes \n \t \" \\. Obsolete entries are ``#~ keyword "string"`` lines after
# plain comments and ``#~|`` previous strings.
# ---------------------------------------------------------------------------

# Possessive repeats (*+) never give back what they took: what follows each of them cannot
# start like another repetition, so they match exactly what * would, with less backtracking.
STRING = r'"[^"\\\n]*+(?:\\[nt"\\][^"\\\n]*+)*+"'
STRINGS = rf"{STRING}(?:\n{STRING})*+"
ENTRY_RE = re.compile(
    rf"""(?P<comments>(?:\#[^\n]*+\n)*+)
    (?:msgctxt\ (?P<ctx>{STRINGS})\n)?
    msgid\ (?P<id>{STRINGS})\n
    (?:msgid_plural\ (?P<plural>{STRINGS})\n
       (?P<forms>msgstr\[0\]\ {STRINGS}(?:\nmsgstr\[[1-9][0-9]*\]\ {STRINGS})*)
     |msgstr\ (?P<str>{STRINGS}))
    (?:\n\n+|\n?\Z)""",
    re.X,
)
"""One active entry and the blank lines after it; groups in this order (``m.groups()``)."""
COMMENT_BLOCK_RE = re.compile(r"(?:#[^\n]*\n)*#[^\n]*(?:\n\n+|\n?\Z)")
"""Consecutive ``#`` lines and the blank lines after them: where an obsolete entry may be."""
OBSOLETE_STRINGS = rf"{STRING}(?:\n\#~\ {STRING})*"
OBSOLETE_ENTRY_RE = re.compile(
    rf"""(?P<comments>(?:\#[^~|\n][^\n]*\n|\#\n|\#~\|[^\n]*\n)*)
    (?:\#~\ msgctxt\ (?P<ctx>{OBSOLETE_STRINGS})\n)?
    \#~\ msgid\ (?P<id>{OBSOLETE_STRINGS})\n
    (?:\#~\ msgid_plural\ (?P<plural>{OBSOLETE_STRINGS})\n
       (?P<forms>\#~\ msgstr\[0\]\ {OBSOLETE_STRINGS}(?:\n\#~\ msgstr\[[1-9][0-9]*\]\ {OBSOLETE_STRINGS})*)
     |\#~\ msgstr\ (?P<str>{OBSOLETE_STRINGS}))
    \n*\Z""",
    re.X,
)
"""A whole comment block that is one obsolete entry (comments and ``#~|`` lines first)."""
FORM_RE = re.compile(rf"msgstr\[(\d+)\] ({STRINGS})")
OBSOLETE_FORM_RE = re.compile(rf"\#~ msgstr\[(\d+)\] ({OBSOLETE_STRINGS})")
PREVIOUS_LINE_RE = re.compile(rf"(?:(msgctxt|msgid|msgid_plural) )?({STRING})")
"""What follows ``#| `` or ``#~| ``: a previous string, the first one with its keyword."""

_ESCAPES = {"\\n": "\n", "\\t": "\t", '\\"': '"', "\\\\": "\\"}
_ESCAPE_RE = re.compile(r"\\[nt\"\\]")


def _unescape(body: str) -> str:
    """Resolve the escapes \\n \\t \\" \\\\ (the only ones a plain string has)."""
    if "\\\\" in body:
        return _ESCAPE_RE.sub(_escaped_char, body)
    # Without "\\\\" every backslash starts one of the three other escapes.
    return body.replace("\\n", "\n").replace("\\t", "\t").replace('\\"', '"')


def _escaped_char(match: re.Match) -> str:
    return _ESCAPES[match.group(0)]


def join_strings(raw: str, prefix: str = "") -> str:
    r"""The value of consecutive string lines (each after ``prefix``, such as ``"#~ "``):
    quotes, line breaks and prefixes removed, escapes resolved.

    >>> join_strings('"Say \\"hi\\" "\n#~ "now\\n"', "#~ ")
    'Say "hi" now\n'
    """
    body = raw[1:-1]
    if "\n" in body:
        body = body.replace(f'"\n{prefix}"', "")
    return _unescape(body) if "\\" in body else body


# ---------------------------------------------------------------------------
# The reader
# ---------------------------------------------------------------------------

_BOM = codecs.BOM_UTF8


def plain_text(data: bytes) -> str | None:
    """The text of a UTF-8 file without BOM or carriage returns, as ``parse_po_bytes`` decodes it."""
    if data.startswith(_BOM) or b"\r" in data:
        return None
    charset = header_charset(data)
    if charset and charset.group(1).decode("ascii", "replace").upper() not in _UTF8_CHARSETS:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def parse_catalog_bytes(data: bytes, *, path: Path | None = None) -> Catalog:
    """The catalog of a PO file's bytes: read fast in the plain layout, strictly otherwise (and for every error)."""
    from presslate.catalog.pofile import parse_po_bytes

    return parse_plain_po(data, path=path) or parse_po_bytes(data, path=path)


def parse_plain_po(data: bytes, *, path: Path | None = None) -> Catalog | None:
    """The catalog ``parse_po_bytes(data, path=path)`` gives, or None when the file is not plain.

    Accepts the layout gettext's ``msgcat`` and presslate's ``format_po`` write (see the
    patterns above), in UTF-8; returns None for anything else (other charsets, a BOM,
    CRLF, other escapes, blank lines or comments inside an entry, indented lines,
    duplicates, missing msgstr, ``#~ #`` comments, any syntax error), so that the caller
    reads the file with ``parse_po_bytes``, which reports problems as ``path:line``.
    """
    text = plain_text(data)
    if text is None:
        return None
    messages: list[Message] = []
    seen: set[tuple[str | None, str]] = set()
    match_entry = ENTRY_RE.match
    count = text.count
    position, end = 0, len(text)
    line, counted = 1, 0  # the line number at offset `counted`
    while position < end:
        entry = match_entry(text, position)
        if entry is None:
            block = COMMENT_BLOCK_RE.match(text, position)
            if block is None:
                return None
            line += count("\n", counted, position)
            counted = position
            message = _obsolete_message(block.group(0), line)
            if message is None:
                return None
            position = block.end()
        else:
            comments, ctx_raw, id_raw, plural_raw, forms_raw, str_raw = entry.groups()
            start = entry.start(3)
            line += count("\n", counted, start)
            counted = start
            if not comments:
                tcomments, auto, refs, flags = [], [], [], []
                previous_msgctxt = previous_msgid = previous_msgid_plural = None
            elif comments[1] == ":" and comments.find("\n") == len(comments) - 1:
                # The common case: one line of references (see _references).
                tcomments, auto, flags = [], [], []
                refs = comments[2:-1]
                refs = refs.split() if refs.isascii() and refs.isprintable() else _references(refs)
                previous_msgctxt = previous_msgid = previous_msgid_plural = None
            else:
                parsed = _comments(comments, "#| ")
                if parsed is None:
                    return None
                tcomments, auto, refs, flags, (previous_msgctxt, previous_msgid, previous_msgid_plural) = parsed
            # join_strings(), inlined for msgid and msgstr: this loop is the reader's hot path.
            msgid = id_raw[1:-1]
            if "\n" in msgid:
                msgid = msgid.replace('"\n"', "")
            if "\\" in msgid:
                msgid = _unescape(msgid)
            if str_raw is not None:
                msgstr = str_raw[1:-1]
                if "\n" in msgstr:
                    msgstr = msgstr.replace('"\n"', "")
                if "\\" in msgstr:
                    msgstr = _unescape(msgstr)
                msgid_plural, forms = None, {}
            else:
                msgstr, msgid_plural = "", join_strings(plural_raw)
                forms = _forms(FORM_RE.findall(forms_raw), "")
                if forms is None:
                    return None
            # Positional, in the order of Message's fields (tests/catalog/test_fastread.py checks it).
            message = Message(msgid, msgstr, None if ctx_raw is None else join_strings(ctx_raw),
                              msgid_plural, forms, flags, auto, tcomments, refs, previous_msgctxt,
                              previous_msgid, previous_msgid_plural, False, line)
            position = entry.end()
        key = (message.msgctxt, message.msgid)
        if key in seen:
            return None  # parse_po reports the duplicate
        seen.add(key)
        messages.append(message)
    return _catalog(messages, path)


_NO_PREVIOUS = (None, None, None)


def _obsolete_message(block: str, line: int) -> Message | None:
    """The obsolete entry that is the whole comment ``block`` (starting at ``line``), or None."""
    match = OBSOLETE_ENTRY_RE.match(block)
    if match is None:
        return None
    comments, ctx_raw, id_raw, plural_raw, forms_raw, str_raw = match.groups()
    parsed = _comments(comments, "#~| ") if comments else ([], [], [], [], _NO_PREVIOUS)
    if parsed is None:
        return None
    tcomments, auto, refs, flags, (previous_msgctxt, previous_msgid, previous_msgid_plural) = parsed
    message = Message(
        msgid=join_strings(id_raw, "#~ "),
        msgctxt=None if ctx_raw is None else join_strings(ctx_raw, "#~ "),
        flags=flags, auto_comments=auto, translator_comments=tcomments, references=refs,
        previous_msgctxt=previous_msgctxt, previous_msgid=previous_msgid,
        previous_msgid_plural=previous_msgid_plural,
        obsolete=True, line=line + block.count("\n", 0, match.start(3)),
    )
    if str_raw is not None:
        message.msgstr = join_strings(str_raw, "#~ ")
    else:
        message.msgid_plural = join_strings(plural_raw, "#~ ")
        forms = _forms(OBSOLETE_FORM_RE.findall(forms_raw), "#~ ")
        if forms is None:
            return None
        message.msgstr_plural = forms
    return message


def _references(text: str) -> list[str]:
    """The references of a ``#:`` line (after the marker), split on the blanks ``parse_po`` splits on."""
    if text.isascii() and text.isprintable():
        return text.split()  # no tabs or other blanks, and no separators that only str.split knows
    return list(filter(None, _BLANKS.split(text)))


def _forms(found: list[tuple[str, str]], prefix: str) -> dict[int, str] | None:
    """``msgstr[N]`` values by index, or None unless the indices run 0, 1, 2 ..."""
    forms = {}
    for expected, (index, raw) in enumerate(found):
        if int(index) != expected:
            return None
        forms[expected] = join_strings(raw, prefix)
    return forms


def _previous_re(prefix: str) -> re.Pattern:
    """Previous strings as gettext writes them: the last comment lines, msgctxt, msgid, msgid_plural."""
    p = re.escape(prefix)
    strings = rf"{STRING}(?:\n{p}{STRING})*"
    return re.compile(
        rf"(?:{p}msgctxt ({strings})\n)?(?:{p}msgid ({strings})\n)?(?:{p}msgid_plural ({strings})\n)?\Z")


_PREVIOUS_RE = {prefix: _previous_re(prefix) for prefix in ("#| ", "#~| ")}


def _comments(block: str, prefix: str) -> tuple[list, list, list, list, tuple] | None:
    """(translator comments, automatic comments, references, flags, previous (msgctxt, msgid,
    msgid_plural)) of the comment lines before an entry, as ``parse_po`` reads them; None
    for anything unusual.

    Previous strings are lines starting with ``prefix`` (``"#| "`` before active entries,
    ``"#~| "`` before obsolete ones) and must come last, as gettext writes them; other
    ``#|`` and ``#~`` lines are refused.
    """
    previous = _NO_PREVIOUS
    marker = prefix[:-1]
    if marker in block:
        start = 0 if block.startswith(marker) else block.find("\n" + marker) + 1
        if start or block.startswith(marker):
            match = _PREVIOUS_RE[prefix].match(block, start)
            if match is None:
                return None
            previous = tuple(None if raw is None else join_strings(raw, prefix) for raw in match.groups())
            block = block[:start]
    tcomments: list[str] = []
    auto: list[str] = []
    refs: list[str] = []
    flags: list[str] = []
    for line in block[:-1].split("\n") if block else ():
        kind = line[1:2]
        if kind == ":":
            refs.extend(_references(line[2:]))
        elif kind == ",":
            if line == "#, fuzzy":
                flags.append("fuzzy")
            else:
                flags.extend(_split_flags(line[2:]))
        elif kind == ".":
            body = line[2:]
            auto.append(body[1:] if body[:1] == " " else body)
        elif kind == "~" or kind == "|":
            return None
        elif kind == "!":
            flags.extend(_split_flags(line[2:]))
        else:
            body = line[1:]
            tcomments.append(body[1:] if body[:1] == " " else body)
    return tcomments, auto, refs, flags, previous
