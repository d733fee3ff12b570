"""``presslate segment``: print the segments of a text, one per line, to check the sentence rules."""

from __future__ import annotations

import sys

import click

from presslate.errors import InputError
from presslate.languages import normalise_language
from presslate.sentences import is_no_translate, sentence_texts


@click.command("segment")
@click.argument("file", type=click.File("rb"), default="-")
@click.option("--lang", default="en", show_default=True, help="Language of the text.")
@click.option("--mark/--no-mark", default=True, show_default=True, help="Mark no-translate segments with [no-translate].")
def command(file, lang: str, mark: bool) -> None:
    """Split FILE (or standard input) into sentence segments, one per output line.

    Each non-empty input line is a block (paragraph, title, list item or contact line).
    Lines that are only an email, a phone number or a URL are marked [no-translate].
    """
    code = normalise_language(lang)
    for number, raw in enumerate(file, start=1):
        try:
            text = raw.decode("utf-8").strip()
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})",
                             path=file.name, line=number) from None
        if not text:
            continue
        for sentence in sentence_texts(text, code):
            suffix = "\t[no-translate]" if mark and is_no_translate(sentence) else ""
            sys.stdout.write(f"{sentence}{suffix}\n")
