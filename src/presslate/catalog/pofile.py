"""TEMPORARY polib-based reader/writer (replaced by the gettext-layout one)."""
from __future__ import annotations
from pathlib import Path
import polib
from presslate.catalog.model import Catalog, Message
from presslate.errors import CatalogError
from presslate.fileio import write_text_atomic

def parse_po(text, *, path=None):
    try:
        po = polib.pofile(text)
    except (OSError, ValueError) as exc:
        raise CatalogError(str(exc), path=path) from exc
    cat = Catalog(header=dict(po.metadata), path=path)
    seen=set()
    for e in list(po) + po.obsolete_entries():
        m = Message(msgid=e.msgid, msgstr=e.msgstr, msgctxt=e.msgctxt, msgid_plural=e.msgid_plural or None,
            msgstr_plural={int(k): v for k, v in e.msgstr_plural.items()}, flags=list(e.flags),
            auto_comments=e.comment.split("\n") if e.comment else [], translator_comments=e.tcomment.split("\n") if e.tcomment else [],
            references=[f"{a}:{b}" if b else a for a,b in e.occurrences], previous_msgid=e.previous_msgid, previous_msgctxt=e.previous_msgctxt,
            obsolete=e.obsolete, line=e.linenum)
        if (m.msgctxt, m.msgid, m.obsolete) in seen:
            raise CatalogError(f"duplicate message definition", path=path, line=e.linenum)
        seen.add((m.msgctxt, m.msgid, m.obsolete))
        cat.messages.append(m)
    return cat

def read_po(path):
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CatalogError("not valid UTF-8", path=path) from exc
    return parse_po(text, path=path)

def format_po(catalog, *, width=79):
    po = polib.POFile(wrapwidth=width)
    po.metadata = dict(catalog.header)
    for m in catalog.messages:
        e = polib.POEntry(msgid=m.msgid, msgstr=m.msgstr, msgctxt=m.msgctxt, flags=list(m.flags), comment="\n".join(m.auto_comments),
            tcomment="\n".join(m.translator_comments), occurrences=[tuple(r.rsplit(":",1)) if ":" in r else (r,"") for r in m.references],
            previous_msgid=m.previous_msgid, obsolete=m.obsolete)
        po.append(e)
    return str(po)

def write_po(path, catalog, *, width=79):
    return write_text_atomic(path, format_po(catalog, width=width))
