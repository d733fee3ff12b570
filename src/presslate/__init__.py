"""presslate: the translation workflow of an organisation's press releases."""

__version__ = "0.1.0"
