"""Reading and writing gettext PO/POT files, in the exact layout of GNU gettext.

``format_po`` writes what GNU ``msgcat`` 0.21 (with libunistring 1.0, page width 79)
writes: same comment order, same string splitting after ``\\n``, same line breaking
(Unicode line breaking as implemented by libunistring 1.0, display widths of
``uc_width``), same escapes, same normalisations (canonical flag order, ``fuzzy``
dropped on untranslated entries, obsolete entries last and dropped when untranslated).
So a file we write survives ``msgcat F`` unchanged and a file msgcat wrote survives
``format_po(parse_po(G))`` unchanged, which keeps diffs quiet when translators re-save
files with gettext tools.

``parse_po`` is a strict reader that follows gettext's PO grammar and reports problems
as :class:`CatalogError` with the line of the problem (bad quoting, unterminated
string, unknown keyword, misplaced keyword, duplicate message, invalid bytes).

polib is deliberately not used: polib 1.2 drops ``#~|`` lines, reports entry lines
that are not the ``msgid`` line, silently truncates unterminated strings, splits lines
on U+2028/U+0085 (corrupting strings that contain them), reads only one-digit
``msgstr[N]`` indices, does not detect duplicates, and lays files out differently
from gettext.
"""

from __future__ import annotations

import codecs
import functools
import re
from bisect import bisect_right
from itertools import accumulate
from pathlib import Path

from presslate.catalog.model import FUZZY, Catalog, Message
from presslate.errors import CatalogError
from presslate.fileio import write_bytes_atomic

__all__ = ["DEFAULT_WIDTH", "format_po", "parse_po", "read_po", "write_po"]

DEFAULT_WIDTH = 79
"""gettext's default page width (``msgcat --width``)."""

# ---------------------------------------------------------------------------
# Unicode line breaking, as libunistring 1.0 does it for gettext.
#
# Classes use libunistring's numbering; AI, CB, SA and XX are resolved the way
# libunistring resolves them for a UTF-8 locale (AI, SA, XX -> AL; CB -> ID).
# The tables at the end of this file were generated from libunistring 1.0
# (Debian 12) itself; tests/catalog/test_pofile.py checks them against the
# library when it is loadable and can print fresh tables.
# ---------------------------------------------------------------------------

(_WJ, _GL, _B2, _BA, _BB, _HY, _CL, _CP1, _CP2, _EX, _IN, _NS, _OP1, _OP2, _QU, _IS,
 _NU, _PO, _PR, _SY, _AL, _H2, _H3, _ID, _ID2, _JL, _JV, _JT, _HL, _RI, _ZWJ, _EB,
 _EM, _BK, _CR, _LF, _CM, _ZW, _SP) = range(39)
_NPAIR = 33  # classes below this index take part in the pair table
_DIRECT, _INDIRECT, _PROHIBITED_PAIR = 1, 2, 3  # pair table values

_POSSIBLE, _PROHIBITED, _MANDATORY = 2, 1, 3  # forward analysis results


def _can_break(s: str, i: int) -> bool:
    """Whether libunistring allows a line break before ``s[i]`` (0 < i < len(s)).

    This evaluates at one position, looking backwards, what libunistring's forward
    state machine (:func:`_possible_breaks`) decides there, so that only the few
    positions near line ends need to be looked at. The two agree on text without
    mandatory breaks; the tests check this on random input.
    """
    cls = _LBC
    y = cls[s[i]]
    if y == _SP or y == _ZW or y == _BK or y == _CR or y == _LF:
        return False
    j = i - 1
    x = cls[s[j]]
    while x == _SP:
        j -= 1
        if j < 0:
            return False
        x = cls[s[j]]
    seen_space = j < i - 1
    if x == _BK or x == _CR or x == _LF:
        return False
    if x == _CM or x == _ZWJ:
        # Combining marks take the class of their base; at the start, after a space
        # or a zero-width space they count as AL.
        k = j - 1
        while k >= 0:
            x = cls[s[k]]
            if x != _CM and x != _ZWJ:
                break
            k -= 1
        if k < 0 or x == _SP or x == _ZW or x == _BK or x == _CR or x == _LF:
            x = _AL
    if y == _CM or y == _ZWJ:
        return x == _ZW or seen_space
    if x == _ZW:
        return True
    if not seen_space:
        p = cls[s[i - 1]]
        if p == _ZWJ:
            return False
        if (p == _HY or p == _BA) and i >= 2 and cls[s[i - 2]] == _HL:
            return False
        if x == _RI and y == _RI:
            k = i - 1
            while k >= 0 and cls[s[k]] == _RI:
                k -= 1
            return (i - 1 - k) % 2 == 0
        return _PAIRS[x * _NPAIR + y] == _DIRECT
    return _PAIRS[x * _NPAIR + y] != _PROHIBITED_PAIR


def _possible_breaks(c: bytes) -> list[int]:
    """libunistring's ``u8_possible_linebreaks_v2``, per character (forward state machine)."""
    n = len(c)
    res = [_PROHIBITED] * n
    last = _BK  # class of the last non-space character (combining marks folded in)
    seen_space = False
    preceding = _BK  # raw class of the previous character
    hl_hy = False
    ri_count = 0
    for i in range(n):
        prop = c[i]
        if prop == _BK or prop == _CR or prop == _LF:
            res[i] = _MANDATORY
            last = _BK
            seen_space = False
        elif prop == _SP:
            seen_space = True
        elif prop == _ZW:
            last = _ZW
            seen_space = False
        elif prop == _CM or prop == _ZWJ:
            if last == _BK:
                last = _AL
                seen_space = False
            elif last == _ZW or seen_space:
                res[i] = _POSSIBLE
                last = _AL
                seen_space = False
        else:
            if last == _BK:
                brk = False
            elif last == _ZW:
                brk = True
            elif preceding == _ZWJ:
                brk = False
            elif hl_hy and not seen_space:
                brk = False
            elif last == _RI and prop == _RI and not seen_space:
                brk = ri_count % 2 == 0
            else:
                t = _PAIRS[last * _NPAIR + prop]
                brk = t == _DIRECT or (t == _INDIRECT and seen_space)
            if brk:
                res[i] = _POSSIBLE
            last = prop
            seen_space = False
        hl_hy = preceding == _HL and (prop == _HY or prop == _BA)
        ri_count = ri_count + 1 if prop == _RI else 0
        preceding = prop
    return res


def _width_breaks_full(c: bytes, widths: list[int], allowed: list[bool], width: int,
                       start: int) -> list[int]:
    """libunistring's ``u8_width_linebreaks_v2`` (with gettext's overrides in ``allowed``).

    Returns the indices before which a line break is inserted. Used for text with
    mandatory break characters (U+0085, U+2028, U+2029), which reset the column
    without producing a line break in gettext's output.
    """
    possible = _possible_breaks(c)
    result = []
    last_p = -1
    last_column = start
    piece = 0
    for i in range(len(c)):
        kind = possible[i]
        if kind == _POSSIBLE and not allowed[i]:
            kind = _PROHIBITED
        if kind == _POSSIBLE or kind == _MANDATORY:
            if last_p >= 0 and last_column + piece > width:
                result.append(last_p)
                last_column = 0
        if kind == _MANDATORY:
            last_p = -1
            last_column = 0
            piece = 0
        else:
            if kind == _POSSIBLE:
                last_p = i
                last_column += piece
                piece = 0
            piece += widths[i]
    if last_p >= 0 and last_column + piece > width:
        result.append(last_p)
    return sorted(set(result))


def _break_allowed(esc: str, i: int, n: int, nl: bool, blocked: set[int] | None = None) -> bool:
    """A break opportunity before ``esc[i]`` that gettext does not override.

    gettext forbids breaks inside escape sequences, just before a final ``\\n`` and
    inside format directives (``blocked``).
    """
    if blocked and i in blocked:
        return False
    if esc[i - 1] == "\\":
        k = i - 2
        while k >= 0 and esc[k] == "\\":
            k -= 1
        if (i - 1 - k) % 2 == 1:
            return False
    if nl and i == n - 2:
        return False
    return _can_break(esc, i)


def _greedy_breaks(esc: str, cum: list[int] | None, width: int, start: int,
                   nl: bool, blocked: set[int] | None = None) -> list[int]:
    """Break positions chosen by libunistring's greedy filling, found lazily.

    A line takes every piece (text between two break opportunities) whose end still
    fits in ``width`` columns; a piece wider than a line gets a line of its own. Only
    the opportunities near each line end are evaluated. ``cum`` holds cumulative
    display widths (None when every character is one column wide).
    """
    n = len(esc)
    checked = "\\" in esc or nl or bool(blocked)
    breaks = []
    a = 0
    col = start
    while True:
        avail = width - col
        if cum is None:
            m = a + avail
        else:
            m = bisect_right(cum, cum[a] + avail) - 1
        if m >= n:
            return breaks
        if m < a:
            m = a
        b = m
        while b > a:
            ch = esc[b]
            if ch != " ":
                prev = esc[b - 1]
                # Between two ASCII letters or digits there is never a break.
                if not (ch < "\x80" and prev < "\x80" and ch.isalnum() and prev.isalnum()):
                    if (_break_allowed(esc, b, n, nl, blocked) if checked
                            else _can_break(esc, b)):
                        break
            b -= 1
        if b == a:
            # The first piece of the line is too wide: it ends at the next opportunity.
            b = m + 1 if m > a else a + 1
            while b < n and not _break_allowed(esc, b, n, nl, blocked):
                b += 1
            if b >= n:
                return breaks
        breaks.append(b)
        a = b
        col = 0


class _CodeMap(dict):
    """A ``str.translate`` table that computes and caches entries on demand."""

    def __init__(self, compute):
        super().__init__()
        self.compute = compute

    def __missing__(self, cp: int) -> str:
        value = self[cp] = chr(self.compute(cp))
        return value


class _ClassOf(dict):
    """Line-break class of a character, computed and cached on demand."""

    def __missing__(self, char: str) -> int:
        value = self[char] = _lb_class(ord(char))
        return value


def _lookup(starts: list[int], values: str, cp: int) -> int:
    return ord(values[bisect_right(starts, cp) - 1]) - 48


def _lb_class(cp: int) -> int:
    if 0xAC00 <= cp <= 0xD7A3:  # Hangul syllables: LV (H2) or LVT (H3)
        return _H2 if (cp - 0xAC00) % 28 == 0 else _H3
    return _lookup(_LB_STARTS, _LB_VALUES, cp)


def _char_width(cp: int) -> int:
    return _lookup(_WIDTH_STARTS, _WIDTH_VALUES, cp)


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------

_ESCAPES = {ord("\\"): "\\\\", ord('"'): '\\"', 7: "\\a", 8: "\\b", 9: "\\t", 10: "\\n",
            11: "\\v", 12: "\\f", 13: "\\r"}
# Characters that need escaping or have no display width: not for the fast path.
_SPECIAL = re.compile(r'[\x00-\x1f"\\\x7f]')
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# The characters of class BK left after escaping (they reset the column).
_MANDATORY_BREAK = re.compile("[\x85\u2028\u2029]")
_NO_WRAP_WIDTH = 1 << 30


def _string_lines(out: list[str], prefix: str, keyword: str, value: str, width: int,
                  wrap: bool = True, directives=None) -> None:
    """Append the lines of ``prefix keyword "value"`` as gettext's ``wrap()`` lays them out.

    The value is cut after each ``\\n``; each portion is escaped and broken into
    lines of at most ``width`` columns (counting the quotes and the prefix). When
    the value does not fit on the keyword's line, the keyword gets ``""`` and the
    text starts on the next line.
    """
    avail = (width if wrap else _NO_WRAP_WIDTH) - 2 - len(prefix)
    if len(keyword) + 1 + len(value) <= avail and value.isascii() and \
            _SPECIAL.search(value) is None:
        out.append(f'{prefix}{keyword} "{value}"')  # the common case: fits, nothing to escape
        return
    # Laying out a long string costs far more than a dictionary lookup, and the same
    # msgids come back in the POT and every language's catalog.
    key = (value, prefix, keyword, avail, directives)
    lines = _LAYOUT_CACHE.get(key)
    if lines is None:
        lines = []
        _layout(lines, prefix, keyword, value, avail, directives)
        if len(_LAYOUT_CACHE) >= _LAYOUT_CACHE_SIZE:
            _LAYOUT_CACHE.clear()  # crude, but O(1); the cache only needs to span a release
        _LAYOUT_CACHE[key] = lines
    out.extend(lines)


_LAYOUT_CACHE: dict[tuple, list[str]] = {}
_LAYOUT_CACHE_SIZE = 8192


def _layout(out: list[str], prefix: str, keyword: str, value: str, avail: int,
            directives) -> None:
    """Lay out a string that does not fit on the keyword's line or needs escaping.

    ``directives`` (a function, for format strings) gives the positions inside
    format directives, where gettext does not break lines.
    """
    blocked = directives(value) if directives is not None else None
    if _SPECIAL.search(value) is None:
        _portion_lines(out, prefix, keyword, value, avail, True, False, False,
                       not value.isascii() and _irregular_width().search(value) is not None,
                       blocked)
        return
    end = value.find("\n")
    if end < 0 or end == len(value) - 1:
        portions = [value]
    else:
        portions = value.split("\n")
        last = portions.pop()
        portions = [p + "\n" for p in portions]
        if last:
            portions.append(last)
    first = True
    more = len(portions) - 1
    base = 0
    for portion in portions:
        esc = portion.translate(_ESCAPES)
        if esc.isascii():
            irregular = _CONTROL.search(esc) is not None
        else:
            irregular = _irregular_width().search(esc) is not None
        inside = None
        if blocked:
            # Positions in the value -> positions in the escaped portion.
            ends = list(accumulate(2 if ord(ch) in _ESCAPES else 1 for ch in portion))
            inside = {ends[r - base - 1] for r in blocked if base < r < base + len(portion)}
        first = _portion_lines(out, prefix, keyword, esc, avail, first, more > 0,
                               portion[-1:] == "\n", irregular, inside)
        more -= 1
        base += len(portion)


def _portion_lines(out: list[str], prefix: str, keyword: str, esc: str, avail: int,
                   first: bool, more: bool, nl: bool, irregular: bool,
                   blocked: set[int] | None = None) -> bool:
    """Append the lines of one escaped portion; returns False (the keyword is written).

    ``first``: the keyword has not been written yet; ``more``: other portions
    follow; ``nl``: the portion ends with ``\\n``; ``irregular``: some character
    may not be one column wide; ``blocked``: positions inside format directives.
    """
    n = len(esc)
    if irregular:
        widths = list(esc.translate(_WIDTH_MAP).encode("latin-1"))
        cum = [0, *accumulate(widths)]
        total = cum[-1]
    else:
        widths = cum = None
        total = n
    mandatory = not esc.isascii() and _MANDATORY_BREAK.search(esc) is not None
    breaks = None
    if first:
        first_col = len(keyword) + 1
        if n == 0:
            out.append(f'{prefix}{keyword} ""')
            return False
        if more or first_col > avail:
            restart = True
        elif first_col + total <= avail:
            restart = False
        elif mandatory:
            restart = bool(_full_breaks(esc, widths, avail, first_col, nl, blocked))
        elif total > avail:
            # Any break opportunity makes gettext start on the next line; the
            # breaks found from column 0 tell whether there is one.
            breaks = _greedy_breaks(esc, cum, avail, 0, nl, blocked)
            restart = bool(breaks)
        else:
            restart = False
            for i in range(1, n):
                if _break_allowed(esc, i, n, nl, blocked):
                    restart = True
                    break
        if restart:
            out.append(f'{prefix}{keyword} ""')
            first = False
    if breaks is None:
        start = len(keyword) + 1 if first else 0
        if mandatory:
            breaks = _full_breaks(esc, widths, avail, start, nl, blocked)
        elif start + total <= avail:
            breaks = ()
        else:
            breaks = _greedy_breaks(esc, cum, avail, start, nl, blocked)
    lead = f"{prefix}{keyword} " if first else prefix
    a = 0
    for b in breaks:
        out.append(f'{lead}"{esc[a:b]}"')
        lead = prefix
        a = b
    out.append(f'{lead}"{esc[a:]}"')
    return False


def _full_breaks(esc: str, widths: list[int] | None, width: int, start: int,
                 nl: bool, blocked: set[int] | None = None) -> list[int]:
    """Break positions by the complete forward algorithm (text with mandatory breaks)."""
    n = len(esc)
    if widths is None:
        widths = [1] * n
    allowed = [True] * n
    for i in range(1, n):
        if esc[i - 1] == "\\":
            k = i - 2
            while k >= 0 and esc[k] == "\\":
                k -= 1
            if (i - 1 - k) % 2 == 1:
                allowed[i] = False
    if nl and n >= 2:
        allowed[n - 2] = False
    for i in blocked or ():
        allowed[i] = False
    c = bytes(_LBC[ch] for ch in esc)
    return _width_breaks_full(c, widths, allowed, width, start)


# Format flags in the order gettext 0.21 prints them (format.h, NFORMATS).
_FORMATS = ("c", "objc", "python", "python-brace", "java", "java-printf", "csharp",
            "javascript", "scheme", "lisp", "elisp", "librep", "ruby", "sh", "awk", "lua",
            "object-pascal", "smalltalk", "qt", "qt-plural", "kde", "kde-kuit", "boost",
            "tcl", "perl", "perl-brace", "php", "gcc-internal", "gfc-internal", "ycp")
_FORMAT_INDEX = {name: i for i, name in enumerate(_FORMATS)}
# Format directives: gettext does not break lines inside the directives of a string
# flagged as a format string, as far as its format parser accepts the string (it
# stops at the first error). These follow gettext 0.21's parsers for C and Python
# formats; directives of other formats are not protected here.
_C_DIRECTIVE = re.compile(
    r"%(?:([1-9][0-9]*)\$)?[-+ #0'I]*(?:\*(?:([1-9][0-9]*)(\$))?|[0-9]+)?"
    r"(?:\.(?:\*(?:([1-9][0-9]*)(\$))?|[0-9]*))?(?:hh|h|ll|l|L|q|j|z|Z|t)?"
    r"([diouxXeEfFgGaAcspnCS%])")
_PYTHON_DIRECTIVE = re.compile(
    r"%(?:\(((?:[^()]|\([^()]*\))*)\))?[-+ #0]*(\*|[0-9]*)(?:\.(\*|[0-9]*))?[hlL]?"
    r"([diouxXeEfFgGcrsa%])")


def _c_directives(value: str) -> set[int]:
    """Positions inside the C format directives gettext's parser accepts."""
    blocked: set[int] = set()
    numbered = unnumbered = 0
    pos = 0
    while (i := value.find("%", pos)) >= 0:
        match = _C_DIRECTIVE.match(value, i)
        if match is None:
            break
        argnum, _, star_dollar, _, prec_dollar, conversion = match.groups()
        text = match.group(0)
        uses_numbers = argnum is not None or star_dollar is not None or prec_dollar is not None
        uses_plain = (conversion != "%" and argnum is None) or \
            ("*" in text and star_dollar is None and prec_dollar is None)
        numbered += uses_numbers
        unnumbered += uses_plain
        if numbered and unnumbered:
            break
        blocked.update(range(i + 1, match.end()))
        pos = match.end()
    return blocked


def _python_directives(value: str) -> set[int]:
    """Positions inside the Python format directives gettext's parser accepts."""
    blocked: set[int] = set()
    named = unnamed = 0
    pos = 0
    while (i := value.find("%", pos)) >= 0:
        match = _PYTHON_DIRECTIVE.match(value, i)
        if match is None:
            break
        name, width, precision, conversion = match.groups()
        stars = (width == "*") + (precision == "*")
        if stars and named:
            break
        unnamed += stars
        if name is not None:
            if unnamed:
                break
            named += 1
        elif conversion != "%":
            if named:
                break
            unnamed += 1
        blocked.update(range(i + 1, match.end()))
        pos = match.end()
    return blocked


# gettext 0.21 marks no directives in Python brace formats: breaks may fall inside.
_DIRECTIVES = {"c": _c_directives, "python": _python_directives}
_RANGE_FLAG = re.compile(r"range: *(\d+)\.\.(\d+)")
_REFERENCE_LINE = re.compile(r"(.*):(\d+)")


def _parse_flags(
        flags: list[str]) -> tuple[bool, dict[str, str], str | None, bool | None, list[str]]:
    """Split flags the way gettext understands them: (fuzzy, formats, range, no-wrap, others).

    Later flags override earlier ones for the same format, as in gettext.
    """
    fuzzy = False
    formats: dict[str, str] = {}
    range_flag = None
    no_wrap = None
    others: list[str] = []
    for flag in flags:
        if flag == FUZZY:
            fuzzy = True
        elif flag == "wrap":
            no_wrap = False
        elif flag == "no-wrap":
            no_wrap = True
        elif flag.endswith("-format"):
            name = flag[:-7]
            if name in _FORMAT_INDEX:
                formats[name] = "yes"
            elif name.startswith("no-") and name[3:] in _FORMAT_INDEX:
                formats[name[3:]] = "no"
            elif name.startswith("possible-") and name[9:] in _FORMAT_INDEX:
                formats[name[9:]] = "yes"
            elif name.startswith("impossible-") and name[11:] in _FORMAT_INDEX:
                formats[name[11:]] = ""
            elif flag not in others:
                others.append(flag)
        else:
            match = _RANGE_FLAG.fullmatch(flag)
            if match and int(match.group(1)) <= int(match.group(2)):
                range_flag = f"range: {int(match.group(1))}..{int(match.group(2))}"
            elif flag not in others:
                others.append(flag)
    return fuzzy, formats, range_flag, no_wrap, others


def _flags_line(flags: list[str], translated: bool) -> tuple[str | None, bool, object]:
    """The ``#,`` line in gettext's canonical order, whether wrapping is on, directives.

    ``directives`` finds the format directives inside which gettext does not break
    lines: those of the first format the flags declare (C and Python formats only).

    Flags gettext does not know (such as presslate's ``ignore-*``) follow the known
    ones in their original order; gettext itself would drop them.
    """
    if not flags:
        return None, True, None
    if len(flags) == 1 and flags[0] == FUZZY:
        return ("#, fuzzy" if translated else None), True, None
    fuzzy, formats, range_flag, no_wrap, others = _parse_flags(flags)
    parts = []
    directives = None
    if fuzzy and translated:
        parts.append(FUZZY)
    for name in sorted(formats, key=_FORMAT_INDEX.__getitem__):
        value = formats[name]
        if value == "yes":
            parts.append(f"{name}-format")
            if directives is None:
                directives = _DIRECTIVES.get(name, False)
        elif value == "no":
            parts.append(f"no-{name}-format")
    if range_flag:
        parts.append(range_flag)
    if no_wrap:
        parts.append("no-wrap")
    parts.extend(others)
    return ("#, " + ", ".join(parts) if parts else None), not no_wrap, directives or None


def _comment_lines(out: list[str], marker: str, comments: list[str]) -> None:
    for comment in comments:
        for line in comment.split("\n"):
            out.append(f"{marker} {line}" if line else marker)


def _reference_lines(out: list[str], references: list[str], width: int) -> None:
    """``#:`` lines: references joined, wrapped at the page width, duplicates dropped.

    gettext keeps one of each (file, line) pair, drops leading ``./`` and writes line
    numbers in decimal; the width is counted in bytes, as gettext does.
    """
    if len(references) == 1:
        ref = references[0]
        if not ref.startswith("./") and ":0" not in ref:
            out.append("#: " + ref)
            return
    line = "#:"
    column = 2
    seen = set()
    for ref in references:
        match = _REFERENCE_LINE.fullmatch(ref)
        key = (match.group(1), int(match.group(2))) if match else (ref, -1)
        if key in seen:
            continue
        seen.add(key)
        if match and ":0" in ref:
            ref = f"{key[0]}:{key[1]}"
        while ref.startswith("./"):
            ref = ref[2:]
        size = (len(ref) if ref.isascii() else len(ref.encode("utf-8"))) + 1
        if column > 2 and column + size > width:
            out.append(line)
            line = "#:"
            column = 2
        line += " " + ref
        column += size
    out.append(line)


def _format_entry(out: list[str], message: Message, width: int) -> bool:
    """Append one entry's lines; False when gettext would not print it at all."""
    if message.msgid_plural is not None:
        plural = message.msgstr_plural
        forms = [plural.get(k, "") for k in range(max(plural) + 1)] if plural else ["", ""]
        translated = forms[0] != ""
    else:
        forms = None
        translated = message.msgstr != ""
    obsolete = message.obsolete
    if obsolete and not translated:
        return False
    flags_line, wrap, directives = _flags_line(message.flags, translated)
    if message.translator_comments:
        _comment_lines(out, "#", message.translator_comments)
    if message.auto_comments:
        _comment_lines(out, "#.", message.auto_comments)
    if message.references:
        _reference_lines(out, message.references, width)
    if obsolete:
        # Only "fuzzy" is written for obsolete entries, so they are always wrapped
        # (gettext would honour a "no-wrap" it read, then drop it).
        if FUZZY in message.flags:
            out.append("#, fuzzy")
        prev_prefix, prefix = "#~| ", "#~ "
        wrap = True
        directives = None
    else:
        if flags_line:
            out.append(flags_line)
        prev_prefix, prefix = "#| ", ""
    if message.previous_msgctxt is not None:
        _string_lines(out, prev_prefix, "msgctxt", message.previous_msgctxt, width, wrap,
                      directives)
    if message.previous_msgid is not None:
        _string_lines(out, prev_prefix, "msgid", message.previous_msgid, width, wrap,
                      directives)
    if message.previous_msgid_plural is not None:
        _string_lines(out, prev_prefix, "msgid_plural", message.previous_msgid_plural, width,
                      wrap, directives)
    if message.msgctxt is not None:
        _string_lines(out, prefix, "msgctxt", message.msgctxt, width, wrap, directives)
    _string_lines(out, prefix, "msgid", message.msgid, width, wrap, directives)
    if forms is None:
        _string_lines(out, prefix, "msgstr", message.msgstr, width, wrap, directives)
    else:
        _string_lines(out, prefix, "msgid_plural", message.msgid_plural, width, wrap,
                      directives)
        for index, form in enumerate(forms):
            _string_lines(out, prefix, f"msgstr[{index}]", form, width, wrap, directives)
    return True


def _header_message(catalog: Catalog) -> Message | None:
    if not (catalog.header or catalog.header_comments or catalog.header_flags):
        return None
    msgstr = "".join(f"{key}: {value}\n" for key, value in catalog.header.items())
    return Message(msgid="", msgstr=msgstr, flags=list(catalog.header_flags),
                   translator_comments=list(catalog.header_comments))


def format_po(catalog: Catalog, *, width: int = DEFAULT_WIDTH) -> str:
    """Serialise ``catalog`` exactly as GNU ``msgcat --width=WIDTH`` would write it.

    As in gettext, a width of 0 means no wrapping and widths below 20 count as 20.

    Normalisations applied, as gettext applies them: the header comes first and
    obsolete entries last; known flags are put in gettext's order and ``fuzzy`` is
    left out on untranslated entries; obsolete entries keep only ``fuzzy`` and are
    left out when untranslated; ``./`` is removed from references.
    """
    # Like gettext's message_page_width_set(): 0 means no limit, at least 20 columns.
    width = _NO_WRAP_WIDTH if width <= 0 else max(width, 20)
    out: list[str] = []
    blank = False
    header = _header_message(catalog)
    if header is not None:
        _format_entry(out, header, width)
        blank = True
    messages = catalog.messages
    for message in messages:
        if not message.obsolete:
            if blank:
                out.append("")
            _format_entry(out, message, width)
            blank = True
    for message in messages:
        if message.obsolete:
            mark = len(out)
            if blank:
                out.append("")
            if not _format_entry(out, message, width):
                del out[mark:]
            blank = True
    if not out:
        return ""
    out.append("")
    return "\n".join(out)


# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------

_STRING_BODY = r'"([^"\\]*(?:\\.[^"\\]*)*)"'
_FAST_KEYWORD_LINE = re.compile(
    r'(msgctxt|msgid|msgid_plural|msgstr|msgstr\[(\d+)\]) ' + _STRING_BODY)
_FAST_STRING_LINE = re.compile(_STRING_BODY)
# One token of a line: a string, a keyword, a stray quote or anything else.
_TOKEN = re.compile(r'[ \t\f\v\r]*(?:' + _STRING_BODY
                    + r'|([A-Za-z_][A-Za-z0-9_]*(?:\[[ \t]*[0-9]+[ \t]*\])?)|(")|(.))')
_ESCAPE_SEQUENCE = re.compile(r'\\(?:([ntrabfv\\"\'?])|([0-7]{1,3})|x([0-9A-Fa-f]{1,2})|(.)|$)')
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f",
                   "v": "\v", "\\": "\\", '"': '"', "'": "'", "?": "?"}
_CHARSET = re.compile(rb"charset=([^\s\"\\]+)")
# Charset names read as UTF-8 ("CHARSET" is the placeholder of fresh templates).
_UTF8_CHARSETS = ("CHARSET", "UTF-8", "UTF8", "ASCII", "US-ASCII")
_BLANKS = re.compile(r"[ \t\r\f\v]+")
_FLAG_SEPARATORS = re.compile(r"[ \t\r\f\v,]+")
_KEYWORDS = ("msgctxt", "msgid", "msgid_plural", "msgstr")


class _Line:
    """Parse state shared by the helpers below (path and current line for errors)."""

    __slots__ = ("path", "number")

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.number = 0

    def error(self, message: str, line: int | None = None) -> CatalogError:
        return CatalogError(message, path=self.path, line=line or self.number)


def _unescape(body: str, where: _Line) -> str:
    if "\\" not in body:
        return body
    raw_bytes = False

    def replace(match: re.Match) -> str:
        nonlocal raw_bytes
        simple, octal, hexa, bad = match.groups()
        if simple is not None:
            return _SIMPLE_ESCAPES[simple]
        if octal is not None or hexa is not None:
            code = int(octal, 8) if octal is not None else int(hexa, 16)
            if code >= 0x80:
                raw_bytes = True
                return f"\udc00{code:02x}"  # marker, resolved below
            return chr(code)
        raise where.error(f"invalid escape sequence '\\{bad or ''}' in string")

    text = _ESCAPE_SEQUENCE.sub(replace, body)
    if raw_bytes:
        # Octal or hex escapes of non-ASCII bytes: rebuild the UTF-8 byte string.
        data = bytearray()
        parts = text.split("\udc00")
        data += parts[0].encode("utf-8")
        for part in parts[1:]:
            data.append(int(part[:2], 16))
            data += part[2:].encode("utf-8")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise where.error("escape sequences in string do not form valid UTF-8") from exc
    return text


def _tokenize(text: str, where: _Line) -> tuple[str | None, list[str]]:
    """Split a keyword or continuation line into (keyword, raw string bodies)."""
    keyword = None
    strings: list[str] = []
    pos = 0
    end = len(text)
    while True:
        while pos < end and text[pos] in " \t\f\v\r":
            pos += 1
        if pos >= end:
            break
        match = _TOKEN.match(text, pos)
        body, word, quote, other = match.groups()
        if body is not None:
            strings.append(body)
        elif quote is not None:
            raise where.error("unterminated string (missing closing '\"')")
        elif word is not None:
            if strings:
                raise where.error(f"unexpected '{word}' after string (unescaped '\"'?)")
            if keyword is not None:
                raise where.error(f"unexpected '{word}' after keyword '{keyword}'")
            name = re.sub(r"[ \t]", "", word)
            if name not in _KEYWORDS and not re.fullmatch(r"msgstr\[\d+\]", name):
                raise where.error(f"unknown keyword '{word}'")
            keyword = name
        else:
            if strings:
                raise where.error(f"unexpected '{other}' after string (unescaped '\"'?)")
            raise where.error(f"syntax error: unexpected '{other}'")
        pos = match.end()
    if keyword is not None and not strings:
        raise where.error(f"keyword '{keyword}' without a string")
    return keyword, strings


def _split_flags(text: str) -> list[str]:
    """Flags of a ``#,`` line, split on commas and white space like gettext."""
    tokens = [t for t in _FLAG_SEPARATORS.split(text) if t]
    flags = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token == "range:" and i + 1 < len(tokens):
            flags.append(f"range: {tokens[i + 1]}")
            i += 2
            continue
        flags.append(token)
        i += 1
    return flags


_FIRST_EMPTY_MSGID = re.compile(rb'(?m)^msgid ""')


def header_charset(data: bytes) -> re.Match[bytes] | None:
    """The ``charset=`` of the header: searched in the first entry, from its ``msgid ""`` line to the blank
    line after it (comments before the header may be separated from it by blank lines, as msgcat allows)."""
    found = _FIRST_EMPTY_MSGID.search(data)
    start = found.start() if found else 0
    end = data.find(b"\n\n", start)
    return _CHARSET.search(data, start, end if end >= 0 else len(data))


def _decode(data: bytes, path: Path | None) -> str:
    """Decode a file: UTF-8 unless the header (the first entry) declares a charset."""
    match = header_charset(data)
    encoding = "utf-8"
    if match:
        name = match.group(1).decode("ascii", "replace")
        if name.upper() not in _UTF8_CHARSETS:
            encoding = _text_codec(name, path=path, line=data.count(b"\n", 0, match.start()) + 1)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise CatalogError(
            f"invalid {encoding.upper()} byte 0x{data[exc.start]:02x} at column {column}",
            path=path, line=line) from exc
    return text


def read_po(path: Path) -> Catalog:
    """Read a PO or POT file (UTF-8, or the charset its header declares)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CatalogError(f"cannot read file: {exc.strerror or exc}", path=path) from exc
    return parse_po_bytes(data, path=path)


def parse_po_bytes(data: bytes, *, path: Path | None = None) -> Catalog:
    """Parse the bytes of a PO or POT file: UTF-8, or the charset its header declares."""
    return parse_po(_decode(data, path), path=path)


def _parse_header(msgstr: str) -> dict[str, str]:
    header: dict[str, str] = {}
    key = None
    for line in msgstr.split("\n"):
        if not line:
            continue
        name, sep, value = line.partition(":")
        if sep and name and (key is None or name.strip() == name):
            key = name
            header[key] = value[1:] if value.startswith(" ") else value
        elif key is not None:
            header[key] += "\n" + line
        else:
            key = line
            header[key] = ""
    return header


def _missing_msgstr(where: _Line, entry: Message, state: str) -> CatalogError:
    """Like gettext, report an entry that lacks its msgstr at its msgid (or msgctxt) line."""
    expected = "msgstr[0]" if state == "msgid_plural" else "msgstr"
    return where.error(f"missing '{expected}' section (entry ends after '{state}')", entry.line)


def parse_po(text: str, *, path: Path | None = None) -> Catalog:
    """Parse the text of a PO or POT file into a :class:`Catalog`.

    Raises :class:`CatalogError` with the line of the first problem.
    """
    where = _Line(path)
    if text.startswith("\ufeff"):
        text = text[1:]  # a byte order mark, which gettext does not write
    messages: list[Message] = []
    seen: dict[tuple[str | None, str], int] = {}

    # Comments and previous strings waiting for their entry.
    tcomments: list[str] = []
    xcomments: list[str] = []
    refs: list[str] = []
    flags: list[str] = []
    previous: dict[str, str] = {}
    prev_field: str | None = None
    prev_obsolete = False

    entry: Message | None = None  # the entry being read
    state = ""  # "", "msgctxt", "msgid", "msgid_plural", "msgstr", "msgstr[]"
    field = ""  # field that continuation strings extend
    plural_index = -1
    values: dict[str, list[str]] = {}

    def finish() -> None:
        nonlocal entry, state
        assert entry is not None
        entry.msgid = "".join(values["msgid"])
        if "msgctxt" in values:
            entry.msgctxt = "".join(values["msgctxt"])
        if entry.msgid_plural is not None:
            entry.msgid_plural = "".join(values["msgid_plural"])
            entry.msgstr_plural = {int(k[7:-1]): "".join(v) for k, v in values.items()
                                   if k.startswith("msgstr[")}
        else:
            entry.msgstr = "".join(values["msgstr"])
        key = (entry.msgctxt, entry.msgid)
        if key in seen:
            raise where.error(f"duplicate message definition (first defined at line {seen[key]})",
                              entry.line)
        seen[key] = entry.line
        messages.append(entry)
        entry = None
        state = ""

    def take_comments(obsolete: bool) -> Message:
        nonlocal tcomments, xcomments, refs, flags, previous, prev_field
        message = Message(msgid="", translator_comments=tcomments, auto_comments=xcomments,
                          references=refs, flags=flags, obsolete=obsolete)
        if previous:
            if prev_obsolete != obsolete:
                raise where.error("inconsistent use of '#~' (previous string and entry)")
            message.previous_msgctxt = previous.get("msgctxt")
            message.previous_msgid = previous.get("msgid")
            message.previous_msgid_plural = previous.get("msgid_plural")
        tcomments, xcomments, refs, flags, previous, prev_field = [], [], [], [], {}, None
        return message

    lines = text.split("\n")
    for number, line in enumerate(lines, 1):
        where.number = number
        # The common cases first: `keyword "..."` and `"..."` lines of active entries.
        head = line[:1]
        match = _FAST_STRING_LINE.fullmatch(line) if head == '"' else None
        if match:
            keyword, bodies, obsolete, prev = None, [match.group(1)], False, False
        else:
            match = _FAST_KEYWORD_LINE.fullmatch(line) if head == "m" else None
            if match:
                keyword, bodies, obsolete, prev = match.group(1), [match.group(3)], False, False
            else:
                stripped = line.lstrip(" \t\f\v\r")
                if not stripped:
                    continue
                if stripped[0] == "#":
                    if stripped[1:2] == "~":
                        inner = stripped[2:].lstrip(" \t\f\v\r")
                        if inner[:1] == "#" and inner[1:2] not in ("~", "|"):
                            stripped = inner  # `#~ # comment`: read as gettext does
                    marker = stripped[1:2]
                    if marker == "~" or marker == "|":
                        obsolete = marker == "~"
                        rest = stripped[2:]
                        prev = marker == "|"
                        if obsolete and rest.startswith("|"):
                            prev = True
                            rest = rest[1:]
                        if not rest.strip(" \t\f\v\r"):
                            continue
                        keyword, bodies = _tokenize(rest, where)
                    else:
                        # A comment line: it ends any complete entry.
                        if entry is not None:
                            if state in ("msgstr", "msgstr[]"):
                                finish()
                            else:
                                raise _missing_msgstr(where, entry, state)
                        if marker == ".":
                            body = stripped[2:]
                            xcomments.append(body[1:] if body.startswith(" ") else body)
                        elif marker == ":":
                            refs.extend(t for t in _BLANKS.split(stripped[2:]) if t)
                        elif marker == "," or marker == "!":
                            flags.extend(_split_flags(stripped[2:]))
                        else:
                            body = stripped[1:]
                            tcomments.append(body[1:] if body.startswith(" ") else body)
                        continue
                else:
                    keyword, bodies = _tokenize(stripped, where)
                    obsolete, prev = False, False

        value = "".join(_unescape(b, where) for b in bodies) if len(bodies) != 1 else \
            _unescape(bodies[0], where)

        if prev:
            # `#| keyword "..."` or `#| "..."`: previous msgctxt/msgid/msgid_plural.
            if entry is not None:
                if state in ("msgstr", "msgstr[]"):
                    finish()
                else:
                    raise where.error(f"previous string ('#|') inside an entry (after {state})")
            if keyword is None:
                if prev_field is None:
                    raise where.error("continuation string without a previous keyword")
                previous[prev_field] += value
            elif keyword in ("msgctxt", "msgid", "msgid_plural"):
                previous[keyword] = value
                prev_field = keyword
                prev_obsolete = obsolete
            else:
                raise where.error(f"'{keyword}' is not allowed in a previous string ('#|')")
            continue

        if keyword is None:
            if entry is None:
                raise where.error("string without a keyword")
            if obsolete != entry.obsolete:
                raise where.error("inconsistent use of '#~' inside an entry")
            values[field].append(value)
            continue

        if keyword == "msgctxt" or keyword == "msgid":
            if entry is not None:
                if state in ("msgstr", "msgstr[]"):
                    finish()
                elif keyword == "msgid" and state == "msgctxt":
                    if obsolete != entry.obsolete:
                        raise where.error("inconsistent use of '#~' inside an entry")
                    values["msgid"] = [value]
                    entry.line = number
                    state = field = "msgid"
                    continue
                else:
                    raise _missing_msgstr(where, entry, state)
            entry = take_comments(obsolete)
            values = {keyword: [value]}
            state = field = keyword
            entry.line = number
            continue

        # msgid_plural, msgstr, msgstr[N]
        if entry is None:
            raise where.error(f"'{keyword}' without a msgid")
        if obsolete != entry.obsolete:
            raise where.error("inconsistent use of '#~' inside an entry")
        if keyword == "msgid_plural":
            if state != "msgid":
                raise where.error(f"unexpected 'msgid_plural' (after {state})")
            entry.msgid_plural = ""
            values["msgid_plural"] = [value]
            state = field = "msgid_plural"
        elif keyword == "msgstr":
            if state != "msgid":
                if state == "msgid_plural":
                    raise where.error("'msgstr' after 'msgid_plural' (msgstr[0] expected)")
                raise where.error(f"unexpected 'msgstr' (after {state})")
            values["msgstr"] = [value]
            state = field = "msgstr"
        else:
            index = int(keyword[7:-1])
            if state == "msgid_plural":
                expected = 0
            elif state == "msgstr[]":
                expected = plural_index + 1
            else:
                raise where.error(f"unexpected '{keyword}' (msgid_plural expected before it)")
            if index != expected:
                raise where.error(f"plural form has wrong index: '{keyword}' "
                                  f"(msgstr[{expected}] expected)")
            plural_index = index
            field = f"msgstr[{index}]"
            values[field] = [value]
            state = "msgstr[]"

    if entry is not None:
        if state in ("msgstr", "msgstr[]"):
            finish()
        else:
            raise _missing_msgstr(where, entry, state)

    return _catalog(messages, path)


def _catalog(messages: list[Message], path: Path | None) -> Catalog:
    """The catalog of the messages read from a file: the first active entry with an empty
    msgid and no msgctxt is taken out and becomes the header."""
    catalog = Catalog(path=path)
    for i, message in enumerate(messages):
        if message.msgid == "" and message.msgctxt is None and not message.obsolete:
            del messages[i]
            catalog.header = _parse_header(message.msgstr)
            catalog.header_comments = message.translator_comments
            catalog.header_flags = message.flags
            break
    catalog.messages = messages
    return catalog


# ---------------------------------------------------------------------------
# Atomic writing
# ---------------------------------------------------------------------------

def _encoding(catalog: Catalog) -> str:
    content_type = catalog.header.get("Content-Type", "")
    match = _CHARSET.search(content_type.encode("utf-8", "replace"))
    if match:
        name = match.group(1).decode("ascii", "replace")
        if name.upper() not in ("CHARSET", "ASCII", "US-ASCII"):
            return _text_codec(name, path=catalog.path, line=None)
    return "utf-8"


def _text_codec(name: str, *, path: Path | None, line: int | None) -> str:
    """Python's name for the text encoding ``name`` a header declares (``hex`` or ``zlib`` are codecs, not charsets)."""
    try:
        codec = codecs.lookup(name)
        "x".encode(codec.name)  # raises LookupError for the bytes-to-bytes codecs
    except LookupError:
        raise CatalogError(f"unknown charset '{name}' in header", path=path, line=line) from None
    return codec.name


def write_po(path: Path, catalog: Catalog, *, width: int = DEFAULT_WIDTH, durable: bool = True) -> bool:
    """Write ``catalog`` to ``path`` atomically; False (file untouched) when unchanged.

    The bytes go to a temporary file in the same directory, are flushed to disk and
    renamed over ``path`` (:func:`presslate.fileio.write_bytes_atomic`), so readers
    never see a partial file, and an unchanged file keeps its mtime.
    """
    path = Path(path)
    return write_bytes_atomic(path, encode_po(catalog, width=width, path=path), durable=durable)


def encode_po(catalog: Catalog, *, width: int = DEFAULT_WIDTH, path: Path | None = None) -> bytes:
    """The bytes :func:`write_po` writes: :func:`format_po` in the catalog's charset."""
    encoding = _encoding(catalog)
    try:
        return format_po(catalog, width=width).encode(encoding)
    except UnicodeEncodeError as exc:
        raise CatalogError(f"text cannot be written in the declared charset {encoding}: "
                           f"{exc.object[exc.start:exc.end]!r}", path=path) from exc


# ---------------------------------------------------------------------------
# Unicode data, generated from libunistring 1.0 (Unicode 14) by
# ``python tests/catalog/test_pofile.py --tables``. Each entry is a start code point
# (6 hex digits) and a value (chr(48 + value)): line-break class, display width.
# ---------------------------------------------------------------------------

_LB_DATA = (
    "000000T000009300000AS00000BQ00000DR00000ET000020V0000219000022>000023D00"
    "0024B000025A000026D000027>000028<000029700002AD00002BB00002C?00002D50000"
    "2E?00002FC000030@00003A?00003CD00003F9000040D00005B<00005CB00005D700005E"
    "D00007B<00007C300007D600007ED00007FT000085Q000086T0000A010000A1<0000A2A0"
    "000A3B0000A6D0000AB>0000ACD0000AD30000AED0000B0A0000B1B0000B2D0000B44000"
    "0B5D0000BB>0000BCD0000BF<0000C0D0002C840002C9D0002CC40002CDD0002DF40002E"
    "0D000300T00034F1000350T00035C1000363T000370D00037E?00037FD000483T00048AD"
    "000589?00058A300058BD00058FB000590D000591T0005BE30005BFT0005C0D0005C1T00"
    "05C3D0005C4T0005C690005C7T0005C8D0005D0L0005EBD0005EFL0005F3D000609A0006"
    "0C?00060ED000610T00061B900061CT00061D9000620D00064BT000660@00066AA00066B"
    "@00066DD000670T000671D0006D490006D5D0006D6T0006DDD0006DFT0006E5D0006E7T0"
    "006E9D0006EAT0006EED0006F0@0006FAD000711T000712D000730T00074BD0007A6T000"
    "7B1D0007C0@0007CAD0007EBT0007F4D0007F8?0007F990007FAD0007FDT0007FEB00080"
    "0D000816T00081AD00081BT000824D000825T000828D000829T00082ED000859T00085CD"
    "000898T0008A0D0008CAT0008E2D0008E3T000904D00093AT00093DD00093ET000950D00"
    "0951T000958D000962T0009643000966@000970D000981T000984D0009BCT0009BDD0009"
    "BET0009C5D0009C7T0009C9D0009CBT0009CED0009D7T0009D8D0009E2T0009E4D0009E6"
    "@0009F0D0009F2A0009F4D0009F9A0009FAD0009FBB0009FCD0009FET0009FFD000A01T0"
    "00A04D000A3CT000A3DD000A3ET000A43D000A47T000A49D000A4BT000A4ED000A51T000"
    "A52D000A66@000A70T000A72D000A75T000A76D000A81T000A84D000ABCT000ABDD000AB"
    "ET000AC6D000AC7T000ACAD000ACBT000ACED000AE2T000AE4D000AE6@000AF0D000AF1B"
    "000AF2D000AFAT000B00D000B01T000B04D000B3CT000B3DD000B3ET000B45D000B47T00"
    "0B49D000B4BT000B4ED000B55T000B58D000B62T000B64D000B66@000B70D000B82T000B"
    "83D000BBET000BC3D000BC6T000BC9D000BCAT000BCED000BD7T000BD8D000BE6@000BF0"
    "D000BF9B000BFAD000C00T000C05D000C3CT000C3DD000C3ET000C45D000C46T000C49D0"
    "00C4AT000C4ED000C55T000C57D000C62T000C64D000C66@000C70D000C774000C78D000"
    "C81T000C844000C85D000CBCT000CBDD000CBET000CC5D000CC6T000CC9D000CCAT000CC"
    "ED000CD5T000CD7D000CE2T000CE4D000CE6@000CF0D000D00T000D04D000D3BT000D3DD"
    "000D3ET000D45D000D46T000D49D000D4AT000D4ED000D57T000D58D000D62T000D64D00"
    "0D66@000D70D000D79A000D7AD000D81T000D84D000DCAT000DCBD000DCFT000DD5D000D"
    "D6T000DD7D000DD8T000DE0D000DE6@000DF0D000DF2T000DF4D000E3FB000E40D000E50"
    "@000E5A3000E5CD000ED0@000EDAD000F014000F05D000F064000F081000F094000F0B30"
    "00F0C1000F0D9000F121000F13D000F149000F15D000F18T000F1AD000F20@000F2AD000"
    "F343000F35T000F36D000F37T000F38D000F39T000F3A<000F3B6000F3C<000F3D6000F3"
    "ET000F40D000F71T000F7F3000F80T000F853000F86T000F88D000F8DT000F98D000F99T"
    "000FBDD000FBE3000FC0D000FC6T000FC7D000FD04000FD23000FD34000FD4D000FD9100"
    "0FDBD001040@00104A300104CD001090@00109AD001100I001160J0011A8K001200D0013"
    "5DT001360D0013613001362D0014003001401D0016803001681D00169B<00169C600169D"
    "D0016EB30016EED001712T001716D001732T0017353001737D001752T001754D001772T0"
    "01774D0017D430017D6;0017D7D0017D830017D9D0017DA30017DBB0017DCD0017E0@001"
    "7EAD001802900180430018064001807D001808900180AD00180BT00180E100180FT00181"
    "0@00181AD001885T001887D0018A9T0018AAD001920T00192CD001930T00193CD0019449"
    "001946@001950D0019D0@0019DAD001A17T001A1CD001A7FT001A80@001A8AD001A90@00"
    "1A9AD001AB0T001ACFD001B00T001B05D001B34T001B45D001B50@001B5A3001B5CD001B"
    "5D3001B61D001B6BT001B74D001B7D3001B7FD001B80T001B83D001BA1T001BAED001BB0"
    "@001BBAD001BE6T001BF4D001C24T001C38D001C3B3001C40@001C4AD001C50@001C5AD0"
    "01C7E3001C80D001CD0T001CD3D001CD4T001CE9D001CEDT001CEED001CF4T001CF5D001"
    "CF7T001CFAD001DC0T001E00D001FFD4001FFED00200030020071002008300200BU00200"
    "CT00200DN00200ET0020103002011100201230020142002015D002018>00201A<00201B>"
    "00201E<00201F>002020D002024:0020273002028Q00202AT00202F1002030A002038D00"
    "2039>00203BD00203C;00203ED002044?002045<0020466002047;00204AD00205630020"
    "57D002058300205CD00205D30020600002061D002066T002070D00207D<00207E600207F"
    "D00208D<00208E600208FD0020A0B0020A7A0020A8B0020B6A0020B7B0020BBA0020BCB0"
    "020BEA0020BFB0020C0A0020C1B0020D0T0020F1D002103A002104D002109A00210AD002"
    "116B002117D002212B002214D0022EF:0022F0D002308<002309600230A<00230B600230"
    "CD00231AG00231CD002329=00232A600232BD0023F0G0023F4D002600G002604D002614G"
    "002616D002618G002619D00261AG00261DO00261EG002620D002639G00263CD002668G00"
    "2669D00267FG002680D0026BDG0026C9D0026CDG0026CED0026CFG0026D2D0026D3G0026"
    "D5D0026D8G0026DAD0026DCG0026DDD0026DFG0026E2D0026EAG0026EBD0026F1G0026F6"
    "D0026F7G0026F9O0026FAG0026FBD0026FDG002705D002708G00270AO00270ED00275B>0"
    "02761D0027629002764G002765D002768<002769600276A<00276B600276C<00276D6002"
    "76E<00276F6002770<0027716002772<0027736002774<0027756002776D0027C5<0027C"
    "660027C7D0027E6<0027E760027E8<0027E960027EA<0027EB60027EC<0027ED60027EE<"
    "0027EF60027F0D002983<0029846002985<0029866002987<0029886002989<00298A600"
    "298B<00298C600298D<00298E600298F<0029906002991<0029926002993<00299460029"
    "95<0029966002997<0029986002999D0029D8<0029D960029DA<0029DB60029DCD0029FC"
    "<0029FD60029FED002CEFT002CF2D002CF99002CFA3002CFDD002CFE9002CFF3002D00D0"
    "02D703002D71D002D7FT002D80D002DE0T002E00>002E0E3002E16D002E173002E18<002"
    "E193002E1AD002E1C>002E1ED002E20>002E22<002E236002E24<002E256002E26<002E2"
    "76002E28<002E296002E2A3002E2E9002E2FD002E303002E32D002E333002E35D002E3A2"
    "002E3C3002E3FD002E403002E42<002E433002E4BD002E4C3002E4DD002E4E3002E50D00"
    "2E539002E55<002E566002E57<002E586002E59<002E5A6002E5B<002E5C6002E5D3002E"
    "5ED002E80G002E9AD002E9BG002EF4D002F00G002FD6D002FF0G002FFCD0030003003001"
    "6003003G003005;003006G003008=003009600300A=00300B600300C=00300D600300E=0"
    "0300F6003010=0030116003012G003014=0030156003016=0030176003018=0030196003"
    "01A=00301B600301C;00301D=00301E6003020G00302AT003030G003035T003036G00303"
    "B;00303DG003040D003041;003042G003043;003044G003045;003046G003047;003048G"
    "003049;00304AG003063;003064G003083;003084G003085;003086G003087;003088G00"
    "308E;00308FG003095;003097D003099T00309B;00309FG0030A0;0030A2G0030A3;0030"
    "A4G0030A5;0030A6G0030A7;0030A8G0030A9;0030AAG0030C3;0030C4G0030E3;0030E4"
    "G0030E5;0030E6G0030E7;0030E8G0030EE;0030EFG0030F5;0030F7G0030FB;0030FFG0"
    "03100D003105G003130D003131G00318FD003190G0031E4D0031F0;003200G00321FD003"
    "220G003248D003250G004DC0D004E00G00A015;00A016G00A48DD00A490G00A4C7D00A4F"
    "E300A500D00A60D300A60E900A60F300A610D00A620@00A62AD00A66FT00A673D00A674T"
    "00A67ED00A69ET00A6A0D00A6F0T00A6F2D00A6F3300A6F8D00A802T00A803D00A806T00"
    "A807D00A80BT00A80CD00A823T00A828D00A82CT00A82DD00A838A00A839D00A874400A8"
    "76900A878D00A880T00A882D00A8B4T00A8C6D00A8CE300A8D0@00A8DAD00A8E0T00A8F2"
    "D00A8FC400A8FDD00A8FFT00A900@00A90AD00A926T00A92E300A930D00A947T00A954D0"
    "0A960I00A97DD00A980T00A984D00A9B3T00A9C1D00A9C7300A9CAD00A9D0@00A9DAD00A"
    "9F0@00A9FAD00AA29T00AA37D00AA43T00AA44D00AA4CT00AA4ED00AA50@00AA5AD00AA5"
    "D300AA60D00AAEBT00AAF0300AAF2D00AAF5T00AAF7D00ABE3T00ABEB300ABECT00ABEED"
    "00ABF0@00ABFAD00AC00E00D7A4D00D7B0J00D7C7D00D7CBK00D7FCD00F900G00FB00D00"
    "FB1DL00FB1ET00FB1FL00FB29D00FB2AL00FB37D00FB38L00FB3DD00FB3EL00FB3FD00FB"
    "40L00FB42D00FB43L00FB45D00FB46L00FB50D00FD3E600FD3F<00FD40D00FDFCA00FDFD"
    "D00FE00T00FE10?00FE11600FE13?00FE15900FE17=00FE18600FE19:00FE1AD00FE20T0"
    "0FE30G00FE35=00FE36600FE37=00FE38600FE39=00FE3A600FE3B=00FE3C600FE3D=00F"
    "E3E600FE3F=00FE40600FE41=00FE42600FE43=00FE44600FE45G00FE47=00FE48600FE4"
    "9G00FE50600FE51G00FE52600FE53D00FE54;00FE56900FE58G00FE59=00FE5A600FE5B="
    "00FE5C600FE5D=00FE5E600FE5FG00FE67D00FE68G00FE69B00FE6AA00FE6BG00FE6CD00"
    "FEFF000FF00D00FF01900FF02G00FF04B00FF05A00FF06G00FF08=00FF09600FF0AG00FF"
    "0C600FF0DG00FF0E600FF0FG00FF1A;00FF1CG00FF1F900FF20G00FF3B=00FF3CG00FF3D"
    "600FF3EG00FF5B=00FF5CG00FF5D600FF5EG00FF5F=00FF60600FF62=00FF63600FF65;0"
    "0FF66G00FF67;00FF71G00FF9E;00FFA0G00FFBFD00FFC2G00FFC8D00FFCAG00FFD0D00F"
    "FD2G00FFD8D00FFDAG00FFDDD00FFE0A00FFE1B00FFE2G00FFE5B00FFE7D00FFF9T00FFF"
    "CG00FFFDD0101003010103D0101FDT0101FED0102E0T0102E1D010376T01037BD01039F3"
    "0103A0D0103D030103D1D0104A0@0104AAD0108573010858D01091F3010920D010A01T01"
    "0A04D010A05T010A07D010A0CT010A10D010A38T010A3BD010A3FT010A40D010A503010A"
    "58D010AE5T010AE7D010AF03010AF6:010AF7D010B393010B40D010D24T010D28D010D30"
    "@010D3AD010EABT010EAD3010EAED010F46T010F51D010F82T010F86D011000T011003D0"
    "11038T0110473011049D011066@011070T011071D011073T011075D01107FT011083D011"
    "0B0T0110BBD0110BE30110C2T0110C3D0110F0@0110FAD011100T011103D011127T01113"
    "5D011136@0111403011144D011145T011147D011173T011174D0111754011176D011180T"
    "011183D0111B3T0111C1D0111C530111C7D0111C830111C9T0111CDD0111CET0111D0@01"
    "11DAD0111DB40111DCD0111DD30111E0D01122CT011238301123AD01123B301123DD0112"
    "3ET01123FD0112A930112AAD0112DFT0112EBD0112F0@0112FAD011300T011304D01133B"
    "T01133DD01133ET011345D011347T011349D01134BT01134ED011357T011358D011362T0"
    "11364D011366T01136DD011370T011375D011435T011447D01144B301144FD011450@011"
    "45A301145CD01145ET01145FD0114B0T0114C4D0114D0@0114DAD0115AFT0115B6D0115B"
    "8T0115C140115C230115C490115C6D0115C930115D8D0115DCT0115DED011630T0116413"
    "011643D011650@01165AD011660401166DD0116ABT0116B8D0116C0@0116CAD011730@01"
    "173AD01173C301173FD01182CT01183BD0118E0@0118EAD011930T011936D011937T0119"
    "39D01193BT01193FD011940T011941D011942T0119443011947D011950@01195AD0119D1"
    "T0119D8D0119DAT0119E1D0119E240119E3D0119E4T0119E5D011A01T011A0BD011A33T0"
    "11A3AD011A3BT011A3F4011A40D011A413011A454011A46D011A47T011A48D011A51T011"
    "A5CD011A8AT011A9A3011A9DD011A9E4011AA13011AA3D011C2FT011C37D011C38T011C4"
    "0D011C413011C46D011C50@011C5AD011C704011C719011C72D011C92T011CA8D011CA9T"
    "011CB7D011D31T011D37D011D3AT011D3BD011D3CT011D3ED011D3FT011D46D011D47T01"
    "1D48D011D50@011D5AD011D8AT011D8FD011D90T011D92D011D93T011D98D011DA0@011D"
    "AAD011EF3T011EF7D011FDDA011FE1D011FFF3012000D0124703012475D013258<01325B"
    "601325ED0132826013283D013286<0132876013288<013289601328AD013379<01337A60"
    "1337CD0134301013437<0134386013439D0145CE<0145CF60145D0D016A60@016A6AD016"
    "A6E3016A70D016AC0@016ACAD016AF0T016AF53016AF6D016B30T016B373016B3AD016B4"
    "43016B45D016B50@016B5AD016E973016E99D016F4FT016F50D016F51T016F88D016F8FT"
    "016F93D016FE0;016FE41016FE5D016FF0T016FF2D017000G0187F8D018800G018B00D01"
    "8D00G018D09D01B000G01B123D01B150;01B153D01B164;01B168D01B170G01B2FCD01BC"
    "9DT01BC9F301BCA0T01BCA4D01CF00T01CF2ED01CF30T01CF47D01D165T01D16AD01D16D"
    "T01D183D01D185T01D18CD01D1AAT01D1AED01D242T01D245D01D7CE@01D800D01DA00T0"
    "1DA37D01DA3BT01DA6DD01DA75T01DA76D01DA84T01DA85D01DA87301DA8BD01DA9BT01D"
    "AA0D01DAA1T01DAB0D01E000T01E007D01E008T01E019D01E01BT01E022D01E023T01E02"
    "5D01E026T01E02BD01E130T01E137D01E140@01E14AD01E2AET01E2AFD01E2ECT01E2F0@"
    "01E2FAD01E2FFB01E300D01E8D0T01E8D7D01E944T01E94BD01E950@01E95AD01E95E<01"
    "E960D01ECACA01ECADD01ECB0A01ECB1D01F000G01F02CH01F030G01F094H01F0A0G01F0"
    "AFH01F0B1G01F0C0H01F0C1G01F0D0H01F0D1G01F0F6H01F100D01F10DG01F110D01F16D"
    "G01F170D01F1ADG01F1AEH01F1E6M01F200G01F203H01F210G01F23CH01F240G01F249H0"
    "1F250G01F252H01F260G01F266H01F300G01F385O01F386G01F39CD01F39EG01F3B5D01F"
    "3B7G01F3BCD01F3BDG01F3C2O01F3C5G01F3C7O01F3C8G01F3CAO01F3CDG01F3FBP01F40"
    "0G01F442O01F444G01F446O01F451G01F466O01F479G01F47CO01F47DG01F481O01F484G"
    "01F485O01F488G01F48FO01F490G01F491O01F492G01F4A0D01F4A1G01F4A2D01F4A3G01"
    "F4A4D01F4A5G01F4AAO01F4ABG01F4AFD01F4B0G01F4B1D01F4B3G01F500D01F507G01F5"
    "17D01F525G01F532D01F54AG01F574O01F576G01F57AO01F57BG01F590O01F591G01F595"
    "O01F597G01F5D4D01F5DCG01F5F4D01F5FAG01F645O01F648G01F64BO01F650D01F676>0"
    "1F679;01F67CD01F680G01F6A3O01F6A4G01F6B4O01F6B7G01F6C0O01F6C1G01F6CCO01F"
    "6CDG01F6D8H01F6DDG01F6EDH01F6F0G01F6FDH01F700D01F774H01F780D01F7D5G01F7D"
    "9H01F7E0G01F7ECH01F7F0G01F7F1H01F800D01F80CH01F810D01F848H01F850D01F85AH"
    "01F860D01F888H01F890D01F8AEH01F8B0G01F8B2H01F900D01F90CO01F90DG01F90FO01"
    "F910G01F918O01F920G01F926O01F927G01F930O01F93AG01F93CO01F93FG01F977O01F9"
    "78G01F9B5O01F9B7G01F9B8O01F9BAG01F9BBO01F9BCG01F9CDO01F9D0G01F9D1O01F9DE"
    "G01FA00D01FA54H01FA60G01FA6EH01FA70G01FA75H01FA78G01FA7DH01FA80G01FA87H0"
    "1FA90G01FAADH01FAB0G01FABBH01FAC0G01FAC3O01FAC6H01FAD0G01FADAH01FAE0G01F"
    "AE8H01FAF0O01FAF7H01FB00D01FBF0@01FBFAD01FC00H01FFFED020000G02FFFED03000"
    "0G03FFFED0E0001T0E0002D0E0020T0E0080D0E0100T0E01F0D"
)
_WIDTH_DATA = (
    "0000000000020100007F00000A010000AD00000AE100030000003701000483000048A100"
    "059100005BE10005BF00005C010005C100005C310005C400005C610005C700005C810006"
    "0000006061000610000061B100061C000061D100064B00006601000670000067110006D6"
    "00006DE10006DF00006E510006E700006E910006EA00006EE100070F0000710100071100"
    "007121000730000074B10007A600007B110007EB00007F410007FD00007FE10008160000"
    "81A100081B0000824100082500008281000829000082E1000859000085C1000890000089"
    "2100089800008A010008CA0000903100093A000093B100093C000093D100094100009491"
    "00094D000094E10009510000958100096200009641000981000098210009BC00009BD100"
    "09C100009C510009CD00009CE10009E200009E410009FE00009FF1000A010000A031000A"
    "3C0000A3D1000A410000A431000A470000A491000A4B0000A4E1000A510000A521000A70"
    "0000A721000A750000A761000A810000A831000ABC0000ABD1000AC10000AC61000AC700"
    "00AC91000ACD0000ACE1000AE20000AE41000AFA0000B001000B010000B021000B3C0000"
    "B3D1000B3F0000B401000B410000B451000B4D0000B4E1000B550000B571000B620000B6"
    "41000B820000B831000BC00000BC11000BCD0000BCE1000C000000C011000C040000C051"
    "000C3C0000C3D1000C3E0000C411000C460000C491000C4A0000C4E1000C550000C57100"
    "0C620000C641000C810000C821000CBC0000CBD1000CCC0000CCE1000CE20000CE41000D"
    "000000D021000D3B0000D3D1000D410000D451000D4D0000D4E1000D620000D641000D81"
    "0000D821000DCA0000DCB1000DD20000DD51000DD60000DD71000E310000E321000E3400"
    "00E3B1000E470000E4F1000EB10000EB21000EB40000EBD1000EC80000ECE1000F180000"
    "F1A1000F350000F361000F370000F381000F390000F3A1000F710000F7F1000F800000F8"
    "51000F860000F881000F8D0000F981000F990000FBD1000FC60000FC7100102D00010311"
    "00103200010381001039000103B100103D000103F1001058000105A100105E0001061100"
    "107100010751001082000108310010850001087100108D000108E100109D000109E10011"
    "0020011600001200100135D0001360100171200017151001732000173410017520001754"
    "1001772000177410017B400017B610017B700017BE10017C600017C710017C900017D410"
    "017DD00017DE100180B00018101001885000188710018A900018AA100192000019231001"
    "9270001929100193200019331001939000193C1001A170001A191001A1B0001A1C1001A5"
    "60001A571001A580001A5F1001A600001A611001A620001A631001A650001A6D1001A730"
    "001A7D1001A7F0001A801001AB00001ACF1001B000001B041001B340001B351001B36000"
    "1B3B1001B3C0001B3D1001B420001B431001B6B0001B741001B800001B821001BA20001B"
    "A61001BA80001BAA1001BAB0001BAE1001BE60001BE71001BE80001BEA1001BED0001BEE"
    "1001BEF0001BF21001C2C0001C341001C360001C381001CD00001CD31001CD40001CE110"
    "01CE20001CE91001CED0001CEE1001CF40001CF51001CF80001CFA1001DC00001E001002"
    "00B0002010100202A000202F100206000020651002066000207010020D000020F1100231"
    "A200231C1002329200232B10023E920023ED10023F020023F110023F320023F410025FD2"
    "0025FF1002614200261610026482002654100267F20026801002693200269410026A1200"
    "26A210026AA20026AC10026BD20026BF10026C420026C610026CE20026CF10026D420026"
    "D510026EA20026EB10026F220026F410026F520026F610026FA20026FB10026FD20026FE"
    "10027052002706100270A200270C10027282002729100274C200274D100274E200274F10"
    "027532002756100275720027581002795200279810027B020027B110027BF20027C01002"
    "B1B2002B1D1002B502002B511002B552002B561002CEF0002CF21002D7F0002D801002DE"
    "00002E001002E80200302A000302E200303F10030402003099000309B200324810032502"
    "004DC01004E00200A4D0100A66F000A673100A674000A67E100A69E000A6A0100A6F0000"
    "A6F2100A802000A803100A806000A807100A80B000A80C100A825000A827100A82C000A8"
    "2D100A8C4000A8C6100A8E0000A8F2100A8FF000A900100A926000A92E100A947000A952"
    "100A960200A97D100A980000A983100A9B3000A9B4100A9B6000A9BA100A9BC000A9BE10"
    "0A9E5000A9E6100AA29000AA2F100AA31000AA33100AA35000AA37100AA43000AA44100A"
    "A4C000AA4D100AA7C000AA7D100AAB0000AAB1100AAB2000AAB5100AAB7000AAB9100AAB"
    "E000AAC0100AAC1000AAC2100AAEC000AAEE100AAF6000AAF7100ABE5000ABE6100ABE80"
    "00ABE9100ABED000ABEE100AC00200D7A4100D7B0000D7C7100D7CB000D7FC100F900200"
    "FB00100FB1E000FB1F100FE00000FE10200FE20000FE30200FE70100FEFF000FF00200FF"
    "61100FFE0200FFE7100FFF9000FFFC10101FD00101FE10102E000102E11010376001037B"
    "1010A010010A041010A050010A071010A0C0010A101010A380010A3B1010A3F0010A4010"
    "10AE50010AE71010D240010D281010EAB0010EAD1010F460010F511010F820010F861011"
    "0010011002101103800110471011070001107110110730011075101107F001108210110B"
    "300110B710110B900110BB10110BD00110BE10110C200110C310110CD00110CE10111000"
    "0111031011127001112C101112D0011135101117300111741011180001118210111B6001"
    "11BF10111C900111CD10111CF00111D0101122F001123210112340011235101123600112"
    "38101123E001123F10112DF00112E010112E300112EB10113000011302101133B001133D"
    "101134000113411011366001136D10113700011375101143800114401011442001144510"
    "114460011447101145E001145F10114B300114B910114BA00114BB10114BF00114C11011"
    "4C200114C410115B200115B610115BC00115BE10115BF00115C110115DC00115DE101163"
    "3001163B101163D001163E101163F001164110116AB00116AC10116AD00116AE10116B00"
    "0116B610116B700116B8101171D0011720101172200117261011727001172C101182F001"
    "18381011839001183B101193B001193D101193E001193F1011943001194410119D400119"
    "D810119DA00119DC10119E000119E11011A010011A071011A090011A0B1011A330011A39"
    "1011A3B0011A3F1011A470011A481011A510011A571011A590011A5C1011A8A0011A9710"
    "11A980011A9A1011C300011C371011C380011C3E1011C920011CA81011CAA0011CB11011"
    "CB20011CB41011CB50011CB71011D310011D371011D3A0011D3B1011D3C0011D3E1011D3"
    "F0011D461011D470011D481011D900011D921011D950011D961011D970011D981011EF30"
    "011EF5101343000134391016AF00016AF51016B300016B371016F4F0016F501016F8F001"
    "6F931016FE02016FE40016FE51016FF02016FF2101700020187F810188002018CD61018D"
    "002018D09101AFF0201AFF4101AFF5201AFFC101AFFD201AFFF101B000201B123101B150"
    "201B153101B164201B168101B170201B2FC101BC9D001BC9F101BCA0001BCA4101CF0000"
    "1CF2E101CF30001CF47101D167001D16A101D173001D183101D185001D18C101D1AA001D"
    "1AE101D242001D245101DA00001DA37101DA3B001DA6D101DA75001DA76101DA84001DA8"
    "5101DA9B001DAA0101DAA1001DAB0101E000001E007101E008001E019101E01B001E0221"
    "01E023001E025101E026001E02B101E130001E137101E2AE001E2AF101E2EC001E2F0101"
    "E8D0001E8D7101E944001E94B101F004201F005101F0CF201F0D0101F18E201F18F101F1"
    "91201F19B101F200201F321101F32D201F336101F337201F37D101F37E201F394101F3A0"
    "201F3CB101F3CF201F3D4101F3E0201F3F1101F3F4201F3F5101F3F8201F43F101F44020"
    "1F441101F442201F4FD101F4FF201F53E101F54B201F54F101F550201F568101F57A201F"
    "57B101F595201F597101F5A4201F5A5101F5FB201F650101F680201F6C6101F6CC201F6C"
    "D101F6D0201F6D3101F6D5201F6D8101F6DD201F6E0101F6EB201F6ED101F6F4201F6FD1"
    "01F7E0201F7EC101F7F0201F7F1101F90C201F93B101F93C201F946101F947201FA00101"
    "FA70201FA75101FA78201FA7D101FA80201FA87101FA90201FAAD101FAB0201FABB101FA"
    "C0201FAC6101FAD0201FADA101FAE0201FAE8101FAF0201FAF71020000204000010E0001"
    "00E000210E002000E008010E010000E01F01"
)
_LB_PAIRS = (
    "322222333322222322232222222222222322222333322222322232222222222222323212"
    "333322112311131111111111111311212333322112311131111111111111322222333322"
    "222322232222222222222311212333322112321131111111111111321212333323112312"
    "231111111111111321212333322112322232111111121211321212333322112312231111"
    "111111111321212333322112311131111111111111321212333322112311131111111111"
    "111321212333322112311131111111111111333333333333333333333333333333333333"
    "333333333333333333333333333333322222333322332322232222222222222321212333"
    "322112321131111111111111321212333322212322232111111121211321212333322222"
    "321132111111121211321212333322222321132222222221222321212333322112321131"
    "111111121111321212333322212322232111111121211321212333322112312131111112"
    "211111321212333322112312131111111211111321212333322112312131111111111111"
    "321212333322112312131111111111112321212333322112312131221122111111321212"
    "333322112312131111112211111321212333322112312131111111211111321212333322"
    "212322232111111121211321212333322112311131111111111111321212333322212322"
    "232112211121222321212333322112312131111111111112321212333322112312131111"
    "111111111"
)


def _ranges(data: str) -> tuple[list[int], str]:
    return [int(data[k:k + 6], 16) for k in range(0, len(data), 7)], data[6::7]


_LB_STARTS, _LB_VALUES = _ranges(_LB_DATA)
_WIDTH_STARTS, _WIDTH_VALUES = _ranges(_WIDTH_DATA)
_PAIRS = bytes(int(v) for v in _LB_PAIRS)
_LBC = _ClassOf()
_WIDTH_MAP = _CodeMap(_char_width)


@functools.lru_cache(maxsize=None)
def _irregular_width() -> re.Pattern:
    """Characters whose width may not be 1 column: a quick test before measuring (compiled on first write).

    Exact for the BMP; every character beyond it is included, which keeps the
    pattern a single bitmap test per character.
    """
    parts = []
    for k, start in enumerate(_WIDTH_STARTS):
        if start > 0xFFFF:
            break
        if _WIDTH_VALUES[k] != "1":
            end = min(_WIDTH_STARTS[k + 1] - 1, 0xFFFF)
            parts.append(f"\\u{start:04x}-\\u{end:04x}" if end > start else f"\\u{start:04x}")
    return re.compile("[" + "".join(parts) + "\\U00010000-\\U0010ffff]")


del _LB_DATA, _WIDTH_DATA, _LB_PAIRS
