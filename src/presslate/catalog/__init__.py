"""Gettext catalogs: the model, PO/POT reading and writing, templates and no-loss updates."""
