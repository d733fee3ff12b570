"""The terminology glossary: its model, reading and validating ``glossary.csv``, and writing it back as CSV."""

from __future__ import annotations

import csv
import hashlib
import io
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from presslate.errors import GlossaryError, UsageError
from presslate.languages import normalise_language

KINDS = ("acronym", "name", "term")
DEFAULT_KIND = "term"
FIXED_COLUMNS = ("term", "kind", "case_sensitive", "do_not_translate", "note")
FORBIDDEN_SUFFIX = "_forbidden"
VARIANT_SEPARATOR = "|"
DELIMITERS = (",", ";", "\t")  # cell separators accepted on reading; the first wins ties and is written
TRUE_WORDS = frozenset({"yes", "true", "1"})
FALSE_WORDS = frozenset({"no", "false", "0"})
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMULA_ESCAPE = "'"
HEADER_ROW = 1


@dataclass(frozen=True)
class Term:
    """One glossary row: a source term and how each target language renders it.

    ``approved`` and ``forbidden`` map a language code to its variants as written in the
    file (first approved = preferred). A do-not-translate term is also approved as itself
    in every language (see :meth:`accepted`).
    """

    term: str
    kind: str = DEFAULT_KIND
    case_sensitive: bool = False
    do_not_translate: bool = False
    note: str = ""
    approved: dict[str, tuple[str, ...]] = field(default_factory=dict)
    forbidden: dict[str, tuple[str, ...]] = field(default_factory=dict)
    row: int = 0

    def __hash__(self) -> int:
        return hash((self.term, self.row))

    def preferred(self, lang: str) -> str | None:
        """The rendering to use in ``lang``: the term itself when do-not-translate, else the first approved variant."""
        if self.do_not_translate:
            return self.term
        variants = self.approved.get(lang, ())
        return variants[0] if variants else None

    def accepted(self, lang: str) -> tuple[str, ...]:
        """Every rendering allowed in ``lang``, preferred first (the term itself leads for do-not-translate)."""
        variants = self.approved.get(lang, ())
        if self.do_not_translate:
            return tuple(dict.fromkeys((self.term, *variants)))
        return variants

    def forbidden_in(self, lang: str) -> tuple[str, ...]:
        """The renderings forbidden in ``lang``."""
        return self.forbidden.get(lang, ())

    def concerns(self, lang: str) -> bool:
        """True when the glossary says something about this term in ``lang``."""
        return self.do_not_translate or bool(self.approved.get(lang)) or bool(self.forbidden.get(lang))


@dataclass
class Glossary:
    """Every term of a glossary file, with the target languages it has columns for."""

    terms: list[Term] = field(default_factory=list)
    path: Path | None = None
    languages: tuple[str, ...] = ()

    def for_language(self, lang: str) -> list[Term]:
        """The terms that have an approved, forbidden or do-not-translate rule in ``lang``."""
        return [term for term in self.terms if term.concerns(lang)]

    def find(self, text: str) -> Term | None:
        """The term spelled ``text`` (case-insensitively for case-insensitive terms)."""
        for term in self.terms:
            if term.term == text or (not term.case_sensitive and term.term.casefold() == text.casefold()):
                return term
        return None


@dataclass(frozen=True)
class _Column:
    """How one header cell is read: a fixed field, a language's approved or forbidden variants, or nothing."""

    index: int
    name: str
    field: str  # one of FIXED_COLUMNS, "approved", "forbidden" or "" (ignored empty column)
    lang: str = ""


def load_glossary(path: Path) -> Glossary:
    """Read and validate ``path``; raises the first :class:`GlossaryError` (with the row as line)."""
    glossary, problems = _read(path)
    if problems:
        raise problems[0]
    return glossary


def validate_glossary(path: Path) -> list[GlossaryError]:
    """Every problem of ``path``, one error per malformed row (empty when the file is valid)."""
    return _read(path)[1]


def parse_glossary(text: str, *, path: Path | None = None) -> tuple[Glossary, list[GlossaryError]]:
    """Parse glossary CSV text into the terms of its valid rows and the problems of the others."""
    problems: list[GlossaryError] = []
    records = _records(text, path, problems)
    if not records:
        if not problems:
            problems.append(GlossaryError("the file is empty: the first row must name the columns", path=path,
                                          line=HEADER_ROW))
        return Glossary(path=path), problems
    columns, header_problems = _read_header(records[0], records[1:])
    if header_problems:
        problems.append(GlossaryError("; ".join(header_problems), path=path, line=HEADER_ROW))
    if not any(column.field == "term" for column in columns):
        return Glossary(path=path), problems
    languages = tuple(column.lang for column in columns if column.field == "approved")
    terms: list[Term] = []
    seen: dict[str, Term] = {}
    for offset, cells in enumerate(records[1:]):
        row = HEADER_ROW + 1 + offset
        term, row_problems = _read_row(cells, columns, row)
        if term is not None:
            duplicate = _duplicate_of(term, seen)
            if duplicate is not None:
                row_problems.append(f"duplicate term {term.term!r} (first at row {duplicate.row})")
            else:
                seen.setdefault(term.term.casefold(), term)
        if row_problems:
            problems.append(GlossaryError("; ".join(row_problems), path=path, line=row))
        elif term is not None:
            terms.append(term)
    return Glossary(terms=terms, path=path, languages=languages), problems


def glossary_signature(path: Path) -> str:
    """A hash of the glossary file's bytes, for caches ("" when the file does not exist)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return ""
    return hashlib.sha256(data).hexdigest()


def format_glossary_csv(glossary: Glossary) -> str:
    """The glossary as CSV in the file's own layout, safe to open in a spreadsheet.

    Cells that a spreadsheet would run as a formula (starting with ``= + - @``) are prefixed
    with ``'``; :func:`parse_glossary` drops that prefix again, so the export reads back.
    """
    header = list(FIXED_COLUMNS)
    for lang in glossary.languages:
        header += [lang, f"{lang}{FORBIDDEN_SUFFIX}"]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for term in glossary.terms:
        cells = [term.term, term.kind, _yes_no(term.case_sensitive), _yes_no(term.do_not_translate), term.note]
        for lang in glossary.languages:
            cells.append(VARIANT_SEPARATOR.join(term.approved.get(lang, ())))
            cells.append(VARIANT_SEPARATOR.join(term.forbidden.get(lang, ())))
        writer.writerow([neutralise_formula(cell) for cell in cells])
    return buffer.getvalue()


def neutralise_formula(cell: str) -> str:
    """``cell`` made inert for spreadsheets: a leading ``= + - @`` (or tab, CR) gets a ``'`` in front."""
    return FORMULA_ESCAPE + cell if cell.startswith(FORMULA_STARTS) else cell


def parse_bool(text: str, *, default: bool) -> bool | None:
    """``yes/no/true/false/1/0`` (any case) as a bool, ``default`` when empty, None when not a boolean."""
    word = text.strip().lower()
    if not word:
        return default
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    return None


def _read(path: Path) -> tuple[Glossary, list[GlossaryError]]:
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise GlossaryError("glossary file not found", path=path) from exc
    except OSError as exc:
        raise GlossaryError(f"cannot read the glossary: {exc.strerror}", path=path) from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        row = data.count(b"\n", 0, exc.start) + 1
        error = GlossaryError("not valid UTF-8 (save the spreadsheet as 'CSV UTF-8')", path=path, line=row)
        return Glossary(path=path), [error]
    return parse_glossary(text, path=path)


def _records(text: str, path: Path | None, problems: list[GlossaryError]) -> list[list[str]]:
    """The CSV records; blank records stay so that record index + 1 is the spreadsheet row."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    records: list[list[str]] = []
    try:
        for cells in reader:
            records.append(cells)
    except csv.Error as exc:
        problems.append(GlossaryError(f"malformed CSV: {exc}", path=path, line=len(records) + 1))
    while records and not any(cell.strip() for cell in records[-1]):
        records.pop()
    return records


def _delimiter(text: str) -> str:
    """``,`` unless the header row is separated by ``;`` or tabs (what spreadsheets in some locales save)."""
    header = text.split("\n", 1)[0]
    counts = {separator: header.count(separator) for separator in DELIMITERS}
    return max(DELIMITERS, key=lambda separator: counts[separator]) if any(counts.values()) else ","


def _read_header(cells: list[str], rows: list[list[str]]) -> tuple[list[_Column], list[str]]:
    problems: list[str] = []
    columns: list[_Column] = []
    seen: dict[str, str] = {}
    names = [_clean(cell)[0].strip() for cell in cells]
    plain_langs = set()
    for name in names:
        if name and name.lower() not in FIXED_COLUMNS and not name.lower().endswith(FORBIDDEN_SUFFIX):
            lang = _language(name)
            if lang:
                plain_langs.add(lang)
    for index, name in enumerate(names):
        key = name.lower()
        if not name:
            if any(index < len(row) and row[index].strip() for row in rows):
                problems.append(f"column {index + 1} has no name but holds values")
            columns.append(_Column(index, name, ""))
            continue
        if key in FIXED_COLUMNS:
            column = _Column(index, name, key)
        elif key.endswith(FORBIDDEN_SUFFIX):
            base = name[: -len(FORBIDDEN_SUFFIX)]
            lang = _language(base)
            if not lang:
                problems.append(f"unknown column {name!r}: {base!r} is not a language code")
                columns.append(_Column(index, name, ""))
                continue
            if lang not in plain_langs:
                problems.append(f"column {name!r} has no {lang!r} column for the approved variants")
                columns.append(_Column(index, name, ""))
                continue
            column = _Column(index, name, "forbidden", lang)
        else:
            lang = _language(name)
            if not lang:
                problems.append(f"unknown column {name!r}: neither {', '.join(FIXED_COLUMNS)} nor a language code")
                columns.append(_Column(index, name, ""))
                continue
            column = _Column(index, name, "approved", lang)
        identity = f"{column.field}:{column.lang}"
        if identity in seen:
            problems.append(f"column {name!r} repeats column {seen[identity]!r}")
            columns.append(_Column(index, name, ""))
            continue
        seen[identity] = name
        columns.append(column)
    if "term:" not in seen:
        problems.insert(0, "no 'term' column (the first row must name the columns: "
                           "term,kind,case_sensitive,do_not_translate,note,<lang>,<lang>_forbidden...)")
    return columns, problems


def _language(name: str) -> str:
    """The normalised code when ``name`` is a language babel knows, else ""."""
    try:
        return normalise_language(name)
    except UsageError:
        return ""


def _read_row(cells: list[str], columns: list[_Column], row: int) -> tuple[Term | None, list[str]]:
    """The term of one data row and its problems; (None, []) for a blank row."""
    if not any(cell.strip() for cell in cells):
        return None, []
    problems: list[str] = []
    width = max((column.index for column in columns), default=-1) + 1
    if any(cell.strip() for cell in cells[width:]):
        problems.append(f"{len(cells)} cells but the header names {width} columns")
    values: dict[str, str] = {}
    unreadable: set[str] = set()
    approved: dict[str, tuple[str, ...]] = {}
    forbidden: dict[str, tuple[str, ...]] = {}
    for column in columns:
        if not column.field:
            continue
        raw = cells[column.index] if column.index < len(cells) else ""
        value, problem = _clean(raw, multiline=column.field == "note")
        if problem:
            problems.append(f"{column.name}: {problem}")
            unreadable.add(column.field)
            continue
        if column.field in ("approved", "forbidden"):
            variants, problem = _variants(value)
            if problem:
                problems.append(f"{column.name}: {problem}")
            elif variants:
                (approved if column.field == "approved" else forbidden)[column.lang] = variants
        else:
            values[column.field] = value.strip()
    term_text = values.get("term", "")
    if not term_text and "term" not in unreadable:
        problems.append("missing term (the 'term' cell is empty)")
    kind = values.get("kind", "").lower() or DEFAULT_KIND
    if kind not in KINDS:
        problems.append(f"kind {values.get('kind')!r} is not one of {', '.join(KINDS)}")
    flags: dict[str, bool] = {}
    for name, default in (("case_sensitive", kind == "acronym"), ("do_not_translate", False)):
        value = parse_bool(values.get(name, ""), default=default)
        if value is None:
            problems.append(f"{name} {values.get(name)!r} is not a boolean (use yes or no)")
        flags[name] = bool(value)
    for lang, variants in forbidden.items():
        allowed = {v.casefold() for v in approved.get(lang, ())}
        if flags.get("do_not_translate") and term_text:
            allowed.add(term_text.casefold())
        for variant in variants:
            if variant.casefold() in allowed:
                problems.append(f"{variant!r} is both approved and forbidden in {lang}")
    if problems:
        return None, problems
    term = Term(
        term=term_text,
        kind=kind,
        case_sensitive=flags["case_sensitive"],
        do_not_translate=flags["do_not_translate"],
        note=values.get("note", ""),
        approved=approved,
        forbidden=forbidden,
        row=row,
    )
    return term, []


def _clean(cell: str, *, multiline: bool = False) -> tuple[str, str]:
    """A cell's text (NFC, the export's formula escape removed) and a problem; line breaks only if ``multiline``."""
    text = unicodedata.normalize("NFC", cell)
    if text.startswith(FORMULA_ESCAPE) and text[1:2] in FORMULA_STARTS and text[1:2]:
        text = text[1:]
    if multiline:
        text = text.replace("\r\n", "\n")
    if any(_unusable(ch) and not (multiline and ch == "\n") for ch in text):
        return "", "contains a control character or line break"
    return text, ""


def _unusable(ch: str) -> bool:
    """Characters no glossary cell needs and XML cannot carry: controls (tab aside) and U+FFFE/U+FFFF."""
    return (unicodedata.category(ch) in ("Cc", "Cs") and ch != "\t") or ch in "\ufffe\uffff"


def _variants(cell: str) -> tuple[tuple[str, ...], str]:
    """The ``|``-separated variants of a cell, or a problem such as an empty variant (``a||b``)."""
    if not cell.strip():
        return (), ""
    parts = [" ".join(part.split()) for part in cell.split(VARIANT_SEPARATOR)]
    if not all(parts):
        return (), f"empty variant in {cell.strip()!r} (two '|' in a row, or a '|' at an end)"
    return tuple(dict.fromkeys(parts)), ""


def _duplicate_of(term: Term, seen: dict[str, Term]) -> Term | None:
    """The earlier term ``term`` repeats: same spelling, or same letters when either ignores case."""
    earlier = seen.get(term.term.casefold())
    if earlier is None:
        return None
    if earlier.term == term.term or not (earlier.case_sensitive and term.case_sensitive):
        return earlier
    return None


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"

