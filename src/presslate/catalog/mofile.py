"""Binary MO files (GNU gettext) from catalogs, written with babel's MO writer."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog as BabelCatalog
from babel.messages.mofile import write_mo as babel_write_mo

from presslate.catalog.model import Catalog, Message
from presslate.errors import CatalogError
from presslate.fileio import write_bytes_atomic


def compiled_messages(catalog: Catalog) -> list[Message]:
    """The messages an MO file carries: the translated ones (fuzzy, obsolete, untranslated left out, as by msgfmt)."""
    return [message for message in catalog.messages if message.translated]


def format_mo(catalog: Catalog) -> bytes:
    """The MO file of a catalog: its header and its translated messages."""
    target = BabelCatalog(fuzzy=False)
    try:
        target.mime_headers = list(catalog.header.items())
    except ValueError as exc:  # babel parses the dates and Plural-Forms of the header; msgfmt does not
        raise CatalogError(f"the header cannot be compiled: {exc}", path=catalog.path) from exc
    for message in compiled_messages(catalog):
        if message.msgid_plural is not None:
            count = max(message.msgstr_plural) + 1
            target.add(
                (message.msgid, message.msgid_plural),
                tuple(message.msgstr_plural.get(index, "") for index in range(count)),
                context=message.msgctxt,
            )
        else:
            target.add(message.msgid, message.msgstr, context=message.msgctxt)
    buffer = BytesIO()
    babel_write_mo(buffer, target, use_fuzzy=False)
    return buffer.getvalue()


def write_mo(path: Path, catalog: Catalog) -> bool:
    """Write the MO file of ``catalog`` atomically; False when the file already held these bytes."""
    return write_bytes_atomic(path, format_mo(catalog))
