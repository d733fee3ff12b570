"""Readers that turn published pages (text, mirror, HTML) into source releases."""
